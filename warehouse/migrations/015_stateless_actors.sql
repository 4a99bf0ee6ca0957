-- 015: events whose actor is a named person or organisation that no state, organisation of states
-- or agent code stands for ("opposition leader Jane Roe", "the Hamdan Workers' Union"): the
-- extractors give them actor_id NULL and the name in actor_text (extractors/records.py: Event).
-- event_timeline shows them (actor_text names the actor); the views that pair actors - pair_daily,
-- the first_seen triples - and the rollups, threads, alerts and report charts that read them leave
-- them out, as they leave out an event without a recipient.

ALTER TABLE events ALTER COLUMN actor_id DROP NOT NULL;

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
    WHERE e.actor_id IS NOT NULL AND e.recipient_id IS NOT NULL AND e.actor_id <> e.recipient_id AND NOT e.negated
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
COMMENT ON VIEW pair_daily IS 'Per UTC day and unordered actor pair (actor_a < actor_b): sentences of relevant articles mentioning both, and events between them by PLOVER quad and type (negated events and events of an actor coded as no state or organisation excluded).';

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
    WHERE NOT e.negated AND e.actor_id IS NOT NULL
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
COMMENT ON VIEW first_seen IS 'What is new in the story: the first appearance of each entity, actor pair (same sentence), (actor, event type, recipient) triple (of a coded actor), expert (speaker_kind = ''expert'') and thread (a development), with the article that introduced it.';
