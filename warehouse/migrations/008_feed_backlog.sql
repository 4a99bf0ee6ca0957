-- 008: no feed item is silently skipped; page-fetch failures are recorded.

-- Entries a feed offered beyond what one run takes (max_entries_per_feed): kept here and worked
-- off over the next runs, even when the feed itself is unchanged (304 or same body hash).
CREATE TABLE feed_backlog (
    source_id     VARCHAR NOT NULL,
    url           VARCHAR NOT NULL,        -- normalised entry link
    entry         JSON NOT NULL,           -- the feed entry (entry_id, title, link, published_at, author, summary_html)
    published_at  TIMESTAMP,               -- UTC; newest entries are fetched first
    first_seen_at TIMESTAMP NOT NULL,
    run_id        VARCHAR NOT NULL,
    PRIMARY KEY (source_id, url)
);

-- How many of a feed's entries wait in feed_backlog (recounted by every load).
ALTER TABLE sources ADD COLUMN pending_items INTEGER DEFAULT 0;

-- Why an article's page was not used, as "<reason>: <message>" (private_address, too_large,
-- content_type, timeout, http_status, no_text, short_text, ...): NULL when the page was fetched
-- and used. Articles with summary_only = true always say why here.
ALTER TABLE articles ADD COLUMN fetch_error VARCHAR;
