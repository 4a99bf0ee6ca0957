-- 007: failed extractions are data, not crashes; long texts are cut by design.

-- An article whose processing raised (extraction, dedup signature, relevance, row building) is still
-- stored (its text kept even with keep_text = false, relevance NULL, no mentions, events, quotes or
-- claims) and recorded here with the error and the extractor version. Each later run retries it
-- while status = 'retry'; after [nlp] max_extraction_attempts attempts under one extractor version
-- it is 'given_up' until `storywatch reextract` or a new extractor version. A success deletes the row.
CREATE TABLE extraction_failures (
    article_id        VARCHAR PRIMARY KEY,
    source_id         VARCHAR,
    stage             VARCHAR NOT NULL,    -- 'extract' | 'dedup' | 'relevance' | 'rows': the step that raised
    error             VARCHAR NOT NULL,    -- "ExceptionType: message"
    extractor_version VARCHAR NOT NULL,    -- EXTRACTOR_VERSION of the last attempt
    attempts          INTEGER NOT NULL,    -- attempts under that version (a new version starts again at 1)
    status            VARCHAR NOT NULL,    -- 'retry' | 'given_up'
    first_failed_at   TIMESTAMP NOT NULL,
    last_failed_at    TIMESTAMP NOT NULL,
    run_id            VARCHAR NOT NULL     -- the run of the last attempt
);

COMMENT ON TABLE extraction_failures IS 'Stored articles whose extraction raised: error, extractor version, attempts, retry or given_up (see the README: failed extractions).';

-- The stored/processed text was cut at [nlp] max_chars (see the README: long texts).
ALTER TABLE articles ADD COLUMN truncated BOOLEAN NOT NULL DEFAULT FALSE;
