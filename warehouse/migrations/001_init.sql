-- 001: the spine — runs, sources, articles, the entity catalogue and entity mentions.
-- All timestamps are UTC (TIMESTAMP without time zone, so every client shows the same value).

CREATE TABLE runs (
    run_id        VARCHAR PRIMARY KEY,
    flow_run_id   VARCHAR,
    started_at    TIMESTAMP NOT NULL,
    finished_at   TIMESTAMP,
    status        VARCHAR NOT NULL,          -- completed | failed
    articles_new  INTEGER NOT NULL DEFAULT 0,
    mentions_new  INTEGER NOT NULL DEFAULT 0,
    events_new    INTEGER NOT NULL DEFAULT 0,
    errors        INTEGER NOT NULL DEFAULT 0,
    versions      JSON,                      -- model, gazetteer and extractor versions
    message       VARCHAR                    -- why a run failed, or its warnings
);

CREATE TABLE sources (
    source_id            VARCHAR PRIMARY KEY,
    kind                 VARCHAR NOT NULL,   -- seed | feed
    name                 VARCHAR NOT NULL,
    url                  VARCHAR,
    etag                 VARCHAR,
    last_modified        VARCHAR,
    last_status          VARCHAR,
    last_fetch_at        TIMESTAMP,
    next_fetch_at        TIMESTAMP,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    last_content_hash    VARCHAR,
    last_error           VARCHAR,
    last_new_item_at     TIMESTAMP
);

CREATE TABLE articles (
    article_id       VARCHAR PRIMARY KEY,    -- hash of the normalised URL (seeds: seed:<path>)
    source_id        VARCHAR NOT NULL,
    url              VARCHAR NOT NULL,
    canonical_url    VARCHAR,
    title            VARCHAR,
    author           VARCHAR,
    published_at     TIMESTAMP,
    published_approx BOOLEAN NOT NULL DEFAULT FALSE,  -- the date is an estimate (e.g. a seed's manifest says so)
    fetched_at       TIMESTAMP NOT NULL,
    text             VARCHAR,
    text_hash        VARCHAR NOT NULL,
    word_count       INTEGER,
    relevance        DOUBLE,
    cluster_id       VARCHAR,
    language         VARCHAR,
    is_seed          BOOLEAN NOT NULL DEFAULT FALSE,
    summary_only     BOOLEAN NOT NULL DEFAULT FALSE,
    run_id           VARCHAR NOT NULL
);

CREATE TABLE entities (
    entity_id   VARCHAR PRIMARY KEY,
    name        VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,            -- state | igo | person | organisation | place
    country     VARCHAR,
    role        VARCHAR,
    wikidata_id VARCHAR
);

CREATE TABLE mentions (
    article_id     VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    label          VARCHAR NOT NULL,
    entity_id      VARCHAR,                  -- NULL when the mention is not linked to the gazetteer
    metonymy       BOOLEAN NOT NULL DEFAULT FALSE,  -- a capital or seat of power standing for its state
    run_id         VARCHAR NOT NULL,
    PRIMARY KEY (article_id, start_char, end_char)
);

