-- 006: per-article rollups, and the story views that read them (entity_daily, pair_daily,
-- first_seen), so they stay fast at hundreds of thousands of articles.
-- They are derived from mentions when an article is loaded (warehouse/load.py) and replaced with
-- its other derived rows; the *_source views define them, and back-fill what is already stored.

CREATE VIEW article_entities_source AS
SELECT article_id, entity_id, count(*)::INTEGER AS mentions
FROM mentions
WHERE entity_id IS NOT NULL
GROUP BY article_id, entity_id;

CREATE VIEW article_pairs_source AS
WITH sentence_actors AS (
    SELECT DISTINCT article_id, sentence_index, actor_id FROM mention_actors WHERE actor_id IS NOT NULL
)
SELECT a.article_id, a.actor_id AS actor_a, b.actor_id AS actor_b, count(*)::INTEGER AS sentences
FROM sentence_actors a
JOIN sentence_actors b
  ON a.article_id = b.article_id AND a.sentence_index = b.sentence_index AND a.actor_id < b.actor_id
GROUP BY a.article_id, a.actor_id, b.actor_id;

CREATE TABLE article_entities (
    article_id VARCHAR NOT NULL,
    entity_id  VARCHAR NOT NULL,
    mentions   INTEGER NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE TABLE article_pairs (
    article_id VARCHAR NOT NULL,
    actor_a    VARCHAR NOT NULL,
    actor_b    VARCHAR NOT NULL,
    sentences  INTEGER NOT NULL,   -- sentences of the article that mention both actors
    PRIMARY KEY (article_id, actor_a, actor_b)
);
INSERT INTO article_entities SELECT * FROM article_entities_source;
INSERT INTO article_pairs SELECT * FROM article_pairs_source;

CREATE OR REPLACE VIEW entity_daily AS
WITH day_totals AS (
    SELECT day, count(*) AS relevant_articles FROM article_days WHERE relevant GROUP BY day
)
SELECT
    d.day,
    r.entity_id,
    any_value(e.name) AS name,
    any_value(e.kind) AS kind,
    sum(r.mentions)::BIGINT AS mentions,
    count(*) AS articles,
    round(count(*) / any_value(t.relevant_articles), 4) AS share
FROM article_entities r
JOIN article_days d USING (article_id)
JOIN day_totals t USING (day)
LEFT JOIN entities e USING (entity_id)
WHERE d.relevant
GROUP BY d.day, r.entity_id;
COMMENT ON VIEW entity_daily IS 'Per UTC day and linked entity: mentions, articles, and share of that day''s relevant articles that mention it.';

CREATE OR REPLACE VIEW pair_daily AS
WITH co AS (
    SELECT d.day, p.actor_a, p.actor_b, sum(p.sentences)::BIGINT AS co_mentions
    FROM article_pairs p
    JOIN article_days d USING (article_id)
    WHERE d.relevant
    GROUP BY ALL
),
ev AS (
    SELECT
        d.day,
        least(e.actor_id, e.recipient_id) AS actor_a,
        greatest(e.actor_id, e.recipient_id) AS actor_b,
        count(*) AS events,
        count(*) FILTER (WHERE p.quad = 'verbal cooperation') AS verbal_cooperation,
        count(*) FILTER (WHERE p.quad = 'material cooperation') AS material_cooperation,
        count(*) FILTER (WHERE p.quad = 'verbal conflict') AS verbal_conflict,
        count(*) FILTER (WHERE p.quad = 'material conflict') AS material_conflict,
        histogram(e.event_type) AS events_by_type
    FROM events e
    JOIN article_days d USING (article_id)
    LEFT JOIN plover_types p USING (event_type)
    WHERE e.recipient_id IS NOT NULL AND e.actor_id <> e.recipient_id AND NOT e.negated
    GROUP BY ALL
)
SELECT
    day, actor_a, actor_b,
    coalesce(co.co_mentions, 0) AS co_mentions,
    coalesce(ev.events, 0) AS events,
    coalesce(ev.verbal_cooperation, 0) AS verbal_cooperation,
    coalesce(ev.material_cooperation, 0) AS material_cooperation,
    coalesce(ev.verbal_conflict, 0) AS verbal_conflict,
    coalesce(ev.material_conflict, 0) AS material_conflict,
    ev.events_by_type
FROM co FULL OUTER JOIN ev USING (day, actor_a, actor_b);
COMMENT ON VIEW pair_daily IS 'Per UTC day and unordered actor pair (actor_a < actor_b): sentences of relevant articles mentioning both, and events between them by PLOVER quad and type (negated events excluded).';

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
    SELECT 'expert', coalesce(q.speaker_id, lower(q.speaker_name)), arg_min(q.article_id, v.seen_at), min(v.seen_at)
    FROM quotes q JOIN relevant v USING (article_id)
    LEFT JOIN entities e ON e.entity_id = q.speaker_id
    WHERE e.kind = 'person' OR q.speaker_id IS NULL
    GROUP BY 2
)
SELECT
    f.kind, f.key, f.first_seen_at, CAST(f.first_seen_at AS DATE) AS day,
    f.article_id, d.title, d.url, s.name AS source
FROM firsts f
JOIN article_days d USING (article_id)
LEFT JOIN sources s ON s.source_id = d.source_id;
COMMENT ON VIEW first_seen IS 'What is new in the story: the first appearance of each entity, actor pair (same sentence), (actor, event type, recipient) triple and expert, with the article that introduced it.';
