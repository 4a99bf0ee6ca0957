-- 002: live feeds — every URL under which a story was seen, and near-duplicate signatures.

-- A story syndicated under several URLs is stored once (articles); each URL that led to it is
-- recorded here, so re-polling never fetches it again and the outlets that carried it are known.
CREATE TABLE article_urls (
    url           VARCHAR PRIMARY KEY,       -- normalised URL (tracking parameters and wrappers removed)
    article_id    VARCHAR NOT NULL,
    source_id     VARCHAR NOT NULL,
    first_seen_at TIMESTAMP NOT NULL,
    run_id        VARCHAR NOT NULL
);

-- MinHash signatures (extractors/dedup.py) used to put near-duplicates into one cluster.
CREATE TABLE article_signatures (
    article_id VARCHAR PRIMARY KEY,
    signature  UINTEGER[] NOT NULL,
    version    VARCHAR NOT NULL,
    run_id     VARCHAR NOT NULL
);
