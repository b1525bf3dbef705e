-- Full-text search over testimonies and sources (PostgreSQL; SQLite has its own 0008).
--
-- text_index holds, for each live testimony and source, the text of its searchable fields that are not confidential
-- for that record, in parts of about 20,000 characters (a tsvector holds at most 1 MB). The record tables write it
-- from the redacted record in the same transaction as every save, delete and restore (TextIndex); a confidential
-- value never reaches it. Who may see a hit is decided at query time from the record's own row. The words are the
-- 'simple' configuration's (lower-cased, no stemming: the texts are in Kazakh, Uyghur, Russian, Chinese and English),
-- generated from the text, so a backup copies the text and a restore recomputes them.
CREATE TABLE text_index (
    {{id}},
    record_kind TEXT NOT NULL,
    record_id BIGINT NOT NULL,
    field TEXT NOT NULL,
    part INTEGER NOT NULL,
    body TEXT NOT NULL,
    words tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, body)) STORED
);
CREATE UNIQUE INDEX ux_text_index ON text_index(record_kind, record_id, field, part);
CREATE INDEX ix_text_index_words ON text_index USING GIN (words);

-- The records saved before this migration: their plain (not sealed, not marked confidential) field values, in parts.
WITH fields(kind, id, field, value) AS (
    SELECT 'testimony', t.id, f.name, t.data::jsonb ->> f.name
    FROM testimonies t CROSS JOIN (VALUES ('summary'), ('transcript')) f(name)
    WHERE t.deleted_at IS NULL AND NOT COALESCE(t.data::jsonb -> 'confidentialFields', '[]'::jsonb) @> to_jsonb(f.name)
    UNION ALL
    SELECT 'source', s.id, f.name, s.data::jsonb ->> f.name
    FROM sources s CROSS JOIN (VALUES ('title'), ('publisher'), ('author'), ('text')) f(name)
    WHERE s.deleted_at IS NULL AND NOT COALESCE(s.data::jsonb -> 'confidentialFields', '[]'::jsonb) @> to_jsonb(f.name)
)
INSERT INTO text_index (record_kind, record_id, field, part, body)
SELECT kind, id, field, g.part, substr(value, 1 + g.part * 20000, 20000)
FROM fields CROSS JOIN LATERAL generate_series(0, (length(value) - 1) / 20000) AS g(part)
WHERE value IS NOT NULL AND btrim(value) <> '' AND value NOT LIKE 'kgr1:%';
