-- The persisted name index: every part of every name of every person with its romanised spelling, phonetic key
-- and patronymic root (Kuager.Names), rewritten in the same transaction as the person. The in-memory index is
-- loaded from here; rows are (re)computed from person_names when the name library's keys change (see NameParts).
CREATE TABLE name_parts (
    person_id {{bigint}} NOT NULL REFERENCES persons(id),
    position INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    latin TEXT NOT NULL,
    name_key TEXT NOT NULL,
    root TEXT NULL,
    alt TEXT NULL,
    PRIMARY KEY (person_id, position, ordinal)
);
CREATE INDEX ix_name_parts_key ON name_parts(name_key);

-- People whose names, visibility or birth year changed, in commit order: running indexes catch up from here.
-- A row with person_id 0 means "everything changed" (a rebuild).
CREATE TABLE name_changes (
    {{id}},
    person_id {{bigint}} NOT NULL
);
