-- 005: alerts — exactly one per (rule, subject), recorded before it is sent.
--
-- An alert row is inserted (INSERT OR IGNORE on dedup_key) in its own transaction before anything
-- is sent, so a subject can never get a second row. Each configured channel gets one
-- alert_deliveries row; a send is claimed ('sending', attempts + 1) before it starts and its outcome
-- recorded after, so a failed channel is retried on a later run without repeating the channels
-- that already got the message. The payload carries the dedup_key: if a crash falls between a send
-- and its record, the retry repeats the same key and a receiver can drop it.

CREATE TABLE alerts (
    dedup_key       VARCHAR PRIMARY KEY,     -- hash of (rule name, rule kind, subject)
    alert_id        VARCHAR NOT NULL,        -- short id shown to people: 'a-' + the first hex digits of dedup_key
    rule            VARCHAR NOT NULL,        -- [[alerts.rules]] name (the digest itself: 'digest')
    kind            VARCHAR NOT NULL,        -- new_coverage | first_seen | spike | claim_change | feed_health | digest
    mode            VARCHAR NOT NULL,        -- instant | digest
    subject         VARCHAR NOT NULL,        -- what the alert is about, e.g. 'cluster:…', 'pair:CHN–PRK'
    title           VARCHAR NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    status          VARCHAR NOT NULL,        -- pending | sent | failed | gave_up | digest_pending | in_digest | recorded
    attempts        INTEGER NOT NULL DEFAULT 0,  -- most sends to any one channel
    last_error      VARCHAR,                 -- the last failure (channel shown masked; kept after a later success)
    sent_at         TIMESTAMP,               -- when every channel had it
    article_id      VARCHAR,                 -- the article that triggered it, when there is one
    run_id          VARCHAR,                 -- the run that found it
    digest_key      VARCHAR,                 -- for mode = 'digest': the digest alert that carried it
    resolved_at     TIMESTAMP,               -- feed_health: when the condition cleared (a new episode may alert again)
    payload         JSON NOT NULL            -- rule, articles, entities, events, figures, scores; includes dedup_key
);

CREATE TABLE alert_deliveries (
    dedup_key       VARCHAR NOT NULL,
    channel_id      VARCHAR NOT NULL,        -- 'console', 'jsonl:<path>', 'apprise:<hash of the URL as configured>'
    channel         VARCHAR NOT NULL,        -- for display, secrets masked: scheme://***
    status          VARCHAR NOT NULL,        -- pending | sending | sent | failed | gave_up
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      VARCHAR,
    last_attempt_at TIMESTAMP,
    next_attempt_at TIMESTAMP,
    sent_at         TIMESTAMP,
    PRIMARY KEY (dedup_key, channel_id)
);
