-- 011: story threads. A thread is one development of the story (the treaty is ratified, troops reach
-- Kursk, a veto ends the sanctions panel) followed across outlets and over days; `cluster_id` stays
-- what it was (near-identical texts: syndicated copies). extractors/threads.py decides which thread
-- a relevant article joins; warehouse/threads.py stores it. Assignment is incremental and replays in
-- the order articles were loaded, so a rebuild gives the same threads as the runs did.

-- Where an article was published: the host of its canonical (else its own) URL without "www.";
-- the source id when there is no web address (seeds).
CREATE VIEW article_outlets AS
SELECT
    article_id,
    coalesce(
        nullif(regexp_replace(lower(regexp_extract(coalesce(canonical_url, url), '^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^/?#@]*@)?([^/:?#]+)', 1)), '^www\.', ''), ''),
        source_id
    ) AS outlet
FROM articles;
COMMENT ON VIEW article_outlets IS 'Each article''s outlet: the host of its canonical (else its own) URL without www., else its source id.';

CREATE TABLE threads (
    thread_id        VARCHAR PRIMARY KEY,   -- 'th-' + hex: stable, derived from the article that opened it
    label            VARCHAR NOT NULL,      -- a readable headline: the title most central to the thread
    first_seen       TIMESTAMP NOT NULL,    -- earliest seen_at (article_days) of its articles
    last_seen        TIMESTAMP NOT NULL,    -- latest seen_at of its articles
    articles         INTEGER NOT NULL,
    outlets          INTEGER NOT NULL,      -- distinct article_outlets.outlet
    stories          INTEGER NOT NULL,      -- distinct near-duplicate clusters (articles.cluster_id)
    main_actors      VARCHAR[] NOT NULL,    -- most frequent linked actors (ISO3 / IGO ids), most first
    main_event_types VARCHAR[] NOT NULL,    -- most frequent PLOVER types, most first
    key_event        VARCHAR,               -- the most reported triple: 'PRK AID RUS' ('-' for no recipient)
    status           VARCHAR NOT NULL,      -- active | dormant | merged
    merged_into      VARCHAR,               -- status = 'merged': the thread that absorbed it
    opened_run_id    VARCHAR NOT NULL,
    updated_run_id   VARCHAR NOT NULL,
    version          VARCHAR NOT NULL,      -- threading version + settings hash that made it
    state            JSON                   -- the assigner's summary of the thread (terms, actors, ...)
);

CREATE TABLE thread_articles (
    article_id       VARCHAR PRIMARY KEY,
    thread_id        VARCHAR NOT NULL,      -- its thread now (after merges)
    joined_thread_id VARCHAR NOT NULL,      -- the thread it joined when assigned (history; never rewritten)
    score            DOUBLE,                -- similarity to that thread when it joined (NULL: it opened it)
    run_id           VARCHAR NOT NULL
);

-- What happened to threads, in order: opened, revived (an article joined a dormant thread), merged
-- (other_thread_id was absorbed into thread_id), dormant (no article for [threads] dormant_after_days),
-- left (article_id is no longer relevant and left the thread: re-extracted, or a higher min_relevance).
CREATE TABLE thread_changes (
    thread_id        VARCHAR NOT NULL,
    change           VARCHAR NOT NULL,      -- opened | revived | merged | dormant | left
    other_thread_id  VARCHAR,               -- merged: the absorbed thread
    article_id       VARCHAR,               -- the article that caused it (dormant: NULL)
    changed_at       TIMESTAMP NOT NULL,    -- story time: the causing article's seen_at
    run_id           VARCHAR NOT NULL
);

CREATE VIEW thread_daily AS
WITH per_article AS (
    SELECT ta.thread_id, d.day, d.article_id, d.cluster_id, o.outlet,
           row_number() OVER (PARTITION BY ta.thread_id, o.outlet ORDER BY d.seen_at, d.article_id) = 1 AS outlet_first
    FROM thread_articles ta
    JOIN article_days d USING (article_id)
    JOIN article_outlets o USING (article_id)
),
daily AS (
    SELECT thread_id, day,
           count(*) AS articles,
           count(DISTINCT outlet) AS outlets,
           count(DISTINCT cluster_id) AS stories,
           count(*) FILTER (WHERE outlet_first) AS new_outlets
    FROM per_article
    GROUP BY thread_id, day
)
SELECT thread_id, day, articles, outlets, stories, new_outlets,
       sum(articles) OVER w AS articles_to_date,
       sum(new_outlets) OVER w AS outlets_to_date
FROM daily
WINDOW w AS (PARTITION BY thread_id ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW);
COMMENT ON VIEW thread_daily IS 'Per thread and UTC day: articles, outlets, near-duplicate stories, outlets new to the thread, and running totals.';

-- first_seen gains kind 'thread': a development's first article (merged threads are counted in
-- the thread that absorbed them).
CREATE OR REPLACE VIEW first_seen AS
WITH relevant AS (
    SELECT article_id, seen_at FROM article_days WHERE relevant
),
firsts AS (
    SELECT 'entity' AS kind, r.entity_id AS key, arg_min(r.article_id, v.seen_at) AS article_id,
           min(v.seen_at) AS first_seen_at
    FROM article_entities r JOIN relevant v USING (article_id)
    GROUP BY r.entity_id
    UNION ALL
    SELECT 'pair', p.actor_a || '–' || p.actor_b, arg_min(p.article_id, v.seen_at), min(v.seen_at)
    FROM article_pairs p JOIN relevant v USING (article_id)
    GROUP BY p.actor_a, p.actor_b
    UNION ALL
    SELECT 'triple', e.actor_id || ' ' || e.event_type || ' ' || coalesce(e.recipient_id, '-'),
           arg_min(e.article_id, v.seen_at), min(v.seen_at)
    FROM events e JOIN relevant v USING (article_id)
    WHERE NOT e.negated
    GROUP BY e.actor_id, e.event_type, e.recipient_id
    UNION ALL
    SELECT 'expert', q.speaker_key, arg_min(q.article_id, v.seen_at), min(v.seen_at)
    FROM speaker_quotes q JOIN relevant v USING (article_id)
    WHERE q.speaker_kind = 'expert'
    GROUP BY q.speaker_key
    UNION ALL
    SELECT 'thread', ta.thread_id, arg_min(ta.article_id, v.seen_at), min(v.seen_at)
    FROM thread_articles ta JOIN relevant v USING (article_id)
    GROUP BY ta.thread_id
)
SELECT
    f.kind, f.key, f.first_seen_at, CAST(f.first_seen_at AS DATE) AS day,
    f.article_id, d.title, d.url, s.name AS source
FROM firsts f
JOIN article_days d USING (article_id)
LEFT JOIN sources s ON s.source_id = d.source_id;
COMMENT ON VIEW first_seen IS 'What is new in the story: the first appearance of each entity, actor pair (same sentence), (actor, event type, recipient) triple, expert (speaker_kind = ''expert'') and thread (a development), with the article that introduced it.';
