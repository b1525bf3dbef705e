-- One text for both providers: the Migrator fills in the id, big-integer and common record-column tokens
-- (double braces) for each provider.
--
-- The registry: each record keeps its full state as JSON in `data` (the truth), beside the columns and child
-- tables that lists, filters and joins need (projections, rewritten with every save in the same transaction).

CREATE TABLE places (
    {{record}},
    parent_id {{bigint}} NULL REFERENCES places(id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    path TEXT NOT NULL
);
CREATE INDEX ix_places_parent ON places(parent_id);
CREATE UNIQUE INDEX ux_places_path ON places(path) WHERE deleted_at IS NULL;

CREATE TABLE organizations (
    {{record}},
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    place_id {{bigint}} NULL REFERENCES places(id)
);
CREATE INDEX ix_organizations_name ON organizations(name);

CREATE TABLE persons (
    {{record}},
    external_id TEXT NOT NULL,
    primary_name TEXT NOT NULL,
    gender TEXT NOT NULL,
    birth_year INTEGER NULL,
    ethnicity TEXT NULL,
    hometown_id {{bigint}} NULL REFERENCES places(id),
    reported_status TEXT NOT NULL,
    status TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_persons_external_id ON persons(external_id);
CREATE INDEX ix_persons_status ON persons(status);
CREATE INDEX ix_persons_hometown ON persons(hometown_id);
CREATE INDEX ix_persons_ethnicity ON persons(ethnicity);

CREATE TABLE person_names (
    person_id {{bigint}} NOT NULL REFERENCES persons(id),
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    script TEXT NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (person_id, position)
);

CREATE TABLE person_citizenships (
    person_id {{bigint}} NOT NULL REFERENCES persons(id),
    country TEXT NOT NULL,
    PRIMARY KEY (person_id, country)
);
CREATE INDEX ix_person_citizenships_country ON person_citizenships(country);

CREATE TABLE relationships (
    {{record}},
    person_a_id {{bigint}} NOT NULL REFERENCES persons(id),
    person_b_id {{bigint}} NOT NULL REFERENCES persons(id),
    type TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_relationships ON relationships(person_a_id, person_b_id, type) WHERE deleted_at IS NULL;
CREATE INDEX ix_relationships_b ON relationships(person_b_id);

CREATE TABLE event_types (
    code TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    region TEXT NOT NULL,
    implies TEXT NULL,
    builtin INTEGER NOT NULL
);

CREATE TABLE events (
    {{record}},
    type TEXT NOT NULL REFERENCES event_types(code),
    date_sort {{bigint}} NULL,
    date_value TEXT NULL,
    place_id {{bigint}} NULL REFERENCES places(id)
);
CREATE INDEX ix_events_type ON events(type);
CREATE INDEX ix_events_date ON events(date_sort);
CREATE INDEX ix_events_place ON events(place_id);

CREATE TABLE event_participants (
    event_id {{bigint}} NOT NULL REFERENCES events(id),
    position INTEGER NOT NULL,
    role TEXT NOT NULL,
    person_id {{bigint}} NULL REFERENCES persons(id),
    organization_id {{bigint}} NULL REFERENCES organizations(id),
    PRIMARY KEY (event_id, position)
);
CREATE INDEX ix_event_participants_person ON event_participants(person_id);
CREATE INDEX ix_event_participants_organization ON event_participants(organization_id);

CREATE TABLE cases (
    {{record}},
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    lawyer_person_id {{bigint}} NULL REFERENCES persons(id),
    court_organization_id {{bigint}} NULL REFERENCES organizations(id)
);

CREATE TABLE case_parties (
    case_id {{bigint}} NOT NULL REFERENCES cases(id),
    position INTEGER NOT NULL,
    role TEXT NOT NULL,
    person_id {{bigint}} NULL REFERENCES persons(id),
    organization_id {{bigint}} NULL REFERENCES organizations(id),
    PRIMARY KEY (case_id, position)
);
CREATE INDEX ix_case_parties_person ON case_parties(person_id);

CREATE TABLE case_dates (
    case_id {{bigint}} NOT NULL REFERENCES cases(id),
    position INTEGER NOT NULL,
    due TEXT NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (case_id, position)
);
CREATE INDEX ix_case_dates_due ON case_dates(due);

CREATE TABLE sources (
    {{record}},
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    url TEXT NULL,
    content_hash TEXT NULL,
    date_sort {{bigint}} NULL
);
CREATE INDEX ix_sources_content_hash ON sources(content_hash);

CREATE TABLE testimonies (
    {{record}},
    subject_person_id {{bigint}} NULL REFERENCES persons(id),
    testifier_person_id {{bigint}} NULL REFERENCES persons(id),
    recorded_sort {{bigint}} NULL,
    consent TEXT NOT NULL
);
CREATE INDEX ix_testimonies_subject ON testimonies(subject_person_id);
CREATE INDEX ix_testimonies_testifier ON testimonies(testifier_person_id);

CREATE TABLE citations (
    {{record}},
    source_id {{bigint}} NOT NULL REFERENCES sources(id),
    target_kind TEXT NOT NULL,
    target_id {{bigint}} NOT NULL,
    level INTEGER NOT NULL
);
CREATE INDEX ix_citations_target ON citations(target_kind, target_id);
CREATE INDEX ix_citations_source ON citations(source_id);

CREATE TABLE files (
    sha256 TEXT PRIMARY KEY,
    size {{bigint}} NOT NULL,
    media_type TEXT NOT NULL,
    stored_at TEXT NOT NULL
);

CREATE TABLE revisions (
    {{id}},
    record_kind TEXT NOT NULL,
    record_id {{bigint}} NOT NULL,
    version INTEGER NOT NULL,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    changes TEXT NOT NULL,
    undoes_revision_id {{bigint}} NULL REFERENCES revisions(id)
);
CREATE INDEX ix_revisions_record ON revisions(record_kind, record_id, version);
