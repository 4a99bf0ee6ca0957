-- 007: failed extractions are data, not crashes; long texts are cut by design.

-- An article whose extraction raised is still stored (its text, no derived rows) and recorded here
-- with the error and the extractor version; later runs retry it a bounded number of times, then
-- leave it aside ('given_up') until `storywatch reextract` or a new extractor version.
CREATE TABLE extraction_failures (
    article_id        VARCHAR PRIMARY KEY,
    source_id         VARCHAR,
    error             VARCHAR NOT NULL,    -- "ExceptionType: message"
    extractor_version VARCHAR NOT NULL,
    attempts          INTEGER NOT NULL,
    status            VARCHAR NOT NULL,    -- 'retry' | 'given_up'
    first_failed_at   TIMESTAMP NOT NULL,
    last_failed_at    TIMESTAMP NOT NULL,
    run_id            VARCHAR NOT NULL
);

-- The stored/processed text was cut at [nlp] max_chars (see the README: long texts).
ALTER TABLE articles ADD COLUMN truncated BOOLEAN NOT NULL DEFAULT FALSE;
