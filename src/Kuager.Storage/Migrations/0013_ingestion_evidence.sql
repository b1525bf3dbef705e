-- The evidence an ingested text's facts carry, set by what the user said the text is (a news report 1, a relative's
-- testimony 2, a first-person testimony 3, a document 4). Null for articles ingested before: their source kind tells.
ALTER TABLE ingest_articles ADD COLUMN evidence INTEGER NULL;
