-- Ingestion of news pages and testimonies: each article ingested is a source (the sources table); beside it, its
-- near-duplicate fingerprint and those of its paragraphs, and the proposals a person reviews.

-- One row per ingested article. duplicate_of names the earlier source this one copies (its text is then not stored
-- again and nothing is proposed from it). signature: the MinHash signature (64 hex words of 8 digits).
CREATE TABLE ingest_articles (
    source_id {{bigint}} PRIMARY KEY REFERENCES sources(id),
    duplicate_of {{bigint}} NULL REFERENCES sources(id),
    signature TEXT NOT NULL,
    words INTEGER NOT NULL,
    ingested_by TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX ix_ingest_articles_duplicate_of ON ingest_articles(duplicate_of);

-- Locality-sensitive lookup: an article shares a band key with an earlier near-copy with high probability.
-- Only originals are banded, so a copy links to the first article, never to another copy.
CREATE TABLE ingest_article_bands (
    band TEXT NOT NULL,
    source_id {{bigint}} NOT NULL REFERENCES sources(id),
    PRIMARY KEY (band, source_id)
);

-- Paragraphs of ingested articles, with the earlier paragraph each repeats (a quote or a press release reused).
CREATE TABLE ingest_paragraphs (
    source_id {{bigint}} NOT NULL REFERENCES sources(id),
    position INTEGER NOT NULL,
    signature TEXT NOT NULL,
    words INTEGER NOT NULL,
    repeats_source_id {{bigint}} NULL REFERENCES sources(id),
    repeats_position INTEGER NULL,
    PRIMARY KEY (source_id, position)
);

CREATE TABLE ingest_paragraph_bands (
    band TEXT NOT NULL,
    source_id {{bigint}} NOT NULL REFERENCES sources(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (band, source_id, position)
);

-- What was found in an article, for a person to accept, edit or reject: kind is person, place, organization, date or
-- event; label the name or event type; detail JSON (mentions, path, date, persons, particulars); sentence the exact
-- sentence it came from. matched_person_id: the registry person a proposed person matched by name. An accepted
-- proposal names the record it created or cited (record_kind, record_id).
CREATE TABLE ingest_proposals (
    {{id}},
    source_id {{bigint}} NOT NULL REFERENCES sources(id),
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    detail TEXT NOT NULL,
    sentence TEXT NOT NULL,
    matched_person_id {{bigint}} NULL REFERENCES persons(id),
    status TEXT NOT NULL,
    record_kind TEXT NULL,
    record_id {{bigint}} NULL,
    decided_by TEXT NULL,
    decided_at TEXT NULL
);
CREATE INDEX ix_ingest_proposals_source ON ingest_proposals(source_id);
CREATE INDEX ix_ingest_proposals_status ON ingest_proposals(status, id);
