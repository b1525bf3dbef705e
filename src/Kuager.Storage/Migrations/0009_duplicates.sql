-- Duplicates: what reviewers decided about a proposed pair, and the merges they made.

-- A pair (lower id first) someone looked at: 'distinct' (not the same person: never proposed again) or 'later'
-- (put back at the end of the queue). A merge needs no row here: the merged record is gone from the queue.
CREATE TABLE duplicate_decisions (
    person_a_id {{bigint}} NOT NULL REFERENCES persons(id),
    person_b_id {{bigint}} NOT NULL REFERENCES persons(id),
    decision TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (person_a_id, person_b_id)
);

-- One merge of a person (merged_id, deleted by the merge) into another (survivor_id). plan is JSON: exactly what the
-- merge moved and added (record ids, positions, fields), never a confidential value, so an unmerge can put back
-- exactly that and nothing later edits changed.
CREATE TABLE person_merges (
    {{id}},
    survivor_id {{bigint}} NOT NULL REFERENCES persons(id),
    merged_id {{bigint}} NOT NULL REFERENCES persons(id),
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    plan TEXT NOT NULL,
    undone_by TEXT NULL,
    undone_at TEXT NULL
);
CREATE INDEX ix_person_merges_survivor ON person_merges(survivor_id);
CREATE INDEX ix_person_merges_merged ON person_merges(merged_id);
