-- 008: no feed item is silently skipped; page-fetch failures are recorded.

-- Entries a feed offered beyond what one run takes (max_entries_per_feed): kept here and worked
-- off over the next runs, even when the feed itself is unchanged (304 or same body hash).
CREATE TABLE feed_backlog (
    source_id     VARCHAR NOT NULL,
    url           VARCHAR NOT NULL,        -- normalised entry link
    entry         JSON NOT NULL,           -- the feed entry (title, link, dates, summary) as parsed
    published_at  TIMESTAMP,
    first_seen_at TIMESTAMP NOT NULL,
    run_id        VARCHAR NOT NULL,
    PRIMARY KEY (source_id, url)
);

ALTER TABLE sources ADD COLUMN pending_items INTEGER NOT NULL DEFAULT 0;

-- Why an article's page was not used (refused address, size cap, content type, stall, HTTP status):
-- NULL when the page was fetched and used. Articles with summary_only = true say why here.
ALTER TABLE articles ADD COLUMN fetch_error VARCHAR;
