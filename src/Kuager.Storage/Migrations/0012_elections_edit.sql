-- An election's settings can be edited after creation: version counts the edits so that a stale edit (based on a
-- version someone else has since changed) is refused instead of silently overwriting their change.
ALTER TABLE elections ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
