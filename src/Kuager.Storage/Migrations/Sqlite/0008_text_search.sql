-- Full-text search over testimonies and sources (SQLite; PostgreSQL has its own 0008).
--
-- text_index holds, for each live testimony and source, the text of its searchable fields that are not confidential
-- for that record, in parts of about 20,000 characters. The record tables write it from the redacted record in the
-- same transaction as every save, delete and restore (TextIndex); a confidential value never reaches it. Who may see a
-- hit is decided at query time from the record's own row. It is an ordinary table, so backups copy it; the FTS5
-- tables are rebuilt from it by the triggers below (a restore fills them as its rows go in).
CREATE TABLE text_index (
    {{id}},
    record_kind TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    field TEXT NOT NULL,
    part INTEGER NOT NULL,
    body TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_text_index ON text_index(record_kind, record_id, field, part);

-- Words, with case and accents folded: the main index (queries are word prefixes, so a Kazakh or Uyghur word with
-- suffixes is found by its stem).
CREATE VIRTUAL TABLE text_index_words USING fts5(body, content='text_index', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
-- Any three characters: substrings inside words and runs of Chinese characters, which have no spaces between words.
CREATE VIRTUAL TABLE text_index_grams USING fts5(body, content='text_index', content_rowid='id', tokenize='trigram remove_diacritics 1');
-- What leaves the index (a field newly marked confidential) is erased from its pages, not only marked as gone.
INSERT INTO text_index_words(text_index_words, rank) VALUES ('secure-delete', 1);
INSERT INTO text_index_grams(text_index_grams, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER text_index_inserted AFTER INSERT ON text_index BEGIN
    INSERT INTO text_index_words(rowid, body) VALUES (new.id, new.body);
    INSERT INTO text_index_grams(rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER text_index_deleted AFTER DELETE ON text_index BEGIN
    INSERT INTO text_index_words(text_index_words, rowid, body) VALUES ('delete', old.id, old.body);
    INSERT INTO text_index_grams(text_index_grams, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER text_index_updated AFTER UPDATE ON text_index BEGIN
    INSERT INTO text_index_words(text_index_words, rowid, body) VALUES ('delete', old.id, old.body);
    INSERT INTO text_index_grams(text_index_grams, rowid, body) VALUES ('delete', old.id, old.body);
    INSERT INTO text_index_words(rowid, body) VALUES (new.id, new.body);
    INSERT INTO text_index_grams(rowid, body) VALUES (new.id, new.body);
END;

-- The records saved before this migration: their plain (not sealed, not marked confidential) field values, in parts.
WITH RECURSIVE
fields(kind, id, field, value) AS (
    SELECT 'testimony', t.id, f.name, json_extract(t.data, '$.' || f.name)
    FROM testimonies t, (SELECT 'summary' AS name UNION ALL SELECT 'transcript') f
    WHERE t.deleted_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM json_each(t.data, '$.confidentialFields') c WHERE c.value = f.name)
    UNION ALL
    SELECT 'source', s.id, f.name, json_extract(s.data, '$.' || f.name)
    FROM sources s, (SELECT 'title' AS name UNION ALL SELECT 'publisher' UNION ALL SELECT 'author' UNION ALL SELECT 'text') f
    WHERE s.deleted_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM json_each(s.data, '$.confidentialFields') c WHERE c.value = f.name)
),
parts(kind, id, field, part, body, rest) AS (
    SELECT kind, id, field, 0, substr(value, 1, 20000), substr(value, 20001) FROM fields
    WHERE typeof(value) = 'text' AND trim(value) <> '' AND value NOT LIKE 'kgr1:%'
    UNION ALL
    SELECT kind, id, field, part + 1, substr(rest, 1, 20000), substr(rest, 20001) FROM parts WHERE rest <> ''
)
INSERT INTO text_index (record_kind, record_id, field, part, body)
SELECT kind, id, field, part, body FROM parts;
