-- Elections: observation and party primaries. Plain tables (not revisioned records): each write is audited.

-- settings is JSON: stages, eligibility rules, list quotas, seats, threshold and observer limits (Kuager.Core.Election).
CREATE TABLE elections (
    {{id}},
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    election_day TEXT NOT NULL,
    settings TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- position is the registration order (ties in seat allocation go to the party registered first).
CREATE TABLE election_parties (
    {{id}},
    election_id {{bigint}} NOT NULL REFERENCES elections(id),
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    UNIQUE (election_id, name)
);

-- A candidate, on a party's list when party_id is set (list_position from 1). Unknown facts are NULL.
CREATE TABLE election_candidates (
    {{id}},
    election_id {{bigint}} NOT NULL REFERENCES elections(id),
    party_id {{bigint}} NULL REFERENCES election_parties(id),
    list_position INTEGER NULL,
    name TEXT NOT NULL,
    person_id {{bigint}} NULL REFERENCES persons(id),
    citizen INTEGER NULL,
    birth_date TEXT NULL,
    resident_since TEXT NULL,
    unexpunged_conviction INTEGER NULL,
    gender TEXT NULL,
    disability INTEGER NOT NULL
);
CREATE INDEX ix_election_candidates_election ON election_candidates(election_id, party_id, list_position);

-- region > district > station; registered voters on stations; in_sample marks the parallel vote tabulation's sample.
CREATE TABLE election_units (
    {{id}},
    election_id {{bigint}} NOT NULL REFERENCES elections(id),
    parent_id {{bigint}} NULL REFERENCES election_units(id),
    level TEXT NOT NULL,
    name TEXT NOT NULL,
    registered_voters {{bigint}} NULL,
    in_sample INTEGER NOT NULL
);
CREATE INDEX ix_election_units_election ON election_units(election_id, parent_id);

CREATE TABLE observer_accreditations (
    {{id}},
    election_id {{bigint}} NOT NULL REFERENCES elections(id),
    station_id {{bigint}} NOT NULL REFERENCES election_units(id),
    observer TEXT NOT NULL,
    organisation TEXT NOT NULL,
    represents TEXT NULL,
    person_id {{bigint}} NULL REFERENCES persons(id),
    accredited_at TEXT NOT NULL
);
CREATE INDEX ix_observer_accreditations_station ON observer_accreditations(station_id);

-- Refusals (of accreditation or entry), expulsions and detentions of observers; event_id is the registry event
-- made for a detention or an expulsion of an observer who is a person in the registry.
CREATE TABLE observer_events (
    {{id}},
    election_id {{bigint}} NOT NULL REFERENCES elections(id),
    station_id {{bigint}} NULL REFERENCES election_units(id),
    observer TEXT NOT NULL,
    kind TEXT NOT NULL,
    day TEXT NOT NULL,
    description TEXT NULL,
    person_id {{bigint}} NULL REFERENCES persons(id),
    event_id {{bigint}} NULL REFERENCES events(id)
);

-- questions is JSON: [{code, text, problemIfNo}].
CREATE TABLE observation_forms (
    {{id}},
    election_id {{bigint}} NOT NULL REFERENCES elections(id),
    name TEXT NOT NULL,
    stage TEXT NOT NULL,
    questions TEXT NOT NULL
);

-- answers is JSON: {code: true|false}.
CREATE TABLE observations (
    {{id}},
    form_id {{bigint}} NOT NULL REFERENCES observation_forms(id),
    station_id {{bigint}} NOT NULL REFERENCES election_units(id),
    observer TEXT NOT NULL,
    assessment TEXT NOT NULL,
    answers TEXT NOT NULL,
    observed_at TEXT NOT NULL
);
CREATE INDEX ix_observations_form ON observations(form_id);

CREATE TABLE election_incidents (
    {{id}},
    election_id {{bigint}} NOT NULL REFERENCES elections(id),
    station_id {{bigint}} NULL REFERENCES election_units(id),
    kind TEXT NOT NULL,
    day TEXT NOT NULL,
    description TEXT NOT NULL,
    observer_event_id {{bigint}} NULL REFERENCES observer_events(id),
    reported_by TEXT NOT NULL,
    reported_at TEXT NOT NULL
);

-- Files attached to an incident, by their SHA-256 (the bytes are in the file store, recorded in files).
CREATE TABLE election_incident_files (
    incident_id {{bigint}} NOT NULL REFERENCES election_incidents(id),
    sha256 TEXT NOT NULL REFERENCES files(sha256),
    file_name TEXT NOT NULL,
    PRIMARY KEY (incident_id, sha256)
);

-- One protocol per station and source: 'observer' (copied by our observers) or 'official' (published results).
CREATE TABLE election_protocols (
    {{id}},
    station_id {{bigint}} NOT NULL REFERENCES election_units(id),
    source TEXT NOT NULL,
    registered_voters {{bigint}} NOT NULL,
    ballots_issued {{bigint}} NOT NULL,
    valid {{bigint}} NOT NULL,
    invalid {{bigint}} NOT NULL,
    against_all {{bigint}} NOT NULL,
    consistent INTEGER NOT NULL,
    entered_by TEXT NOT NULL,
    entered_at TEXT NOT NULL,
    UNIQUE (station_id, source)
);

CREATE TABLE election_protocol_votes (
    protocol_id {{bigint}} NOT NULL REFERENCES election_protocols(id),
    position INTEGER NOT NULL,
    choice TEXT NOT NULL,
    votes {{bigint}} NOT NULL,
    PRIMARY KEY (protocol_id, position)
);
