-- 004: the story views. Days are UTC dates of publication, falling back to fetch time when an
-- article has no publication date; `day_basis` says which. "Relevant" means relevance at or above
-- settings.min_relevance (written by each run from [topic] min_relevance).

CREATE VIEW article_days AS
SELECT
    a.article_id, a.source_id, a.url, a.title, a.published_at, a.fetched_at, a.relevance, a.cluster_id,
    a.is_seed, a.summary_only,
    CAST(coalesce(a.published_at, a.fetched_at) AS DATE) AS day,
    coalesce(a.published_at, a.fetched_at) AS seen_at,
    CASE WHEN a.published_at IS NULL THEN 'fetched' ELSE 'published' END AS day_basis,
    coalesce(a.relevance >= (SELECT CAST(value AS DOUBLE) FROM settings WHERE key = 'min_relevance'), FALSE)
        AS relevant
FROM articles a;
COMMENT ON VIEW article_days IS 'Every article with its UTC day (publication, else fetch time: see day_basis) and whether it is relevant (relevance >= settings.min_relevance).';

-- A linked mention as an actor: states and international organisations stand for themselves;
-- people, institutions and places stand for their country (the way event data codes actors).
CREATE VIEW mention_actors AS
SELECT
    m.article_id, m.sentence_index, m.start_char, m.entity_id,
    CASE WHEN e.kind IN ('state', 'igo') THEN e.entity_id ELSE e.country END AS actor_id
FROM mentions m
JOIN entities e USING (entity_id)
WHERE e.kind IN ('state', 'igo') OR e.country IS NOT NULL;
COMMENT ON VIEW mention_actors IS 'Linked mentions resolved to an actor: a state (ISO3) or international organisation; people, institutions and places count for their country.';

CREATE VIEW coverage_daily AS
SELECT
    day,
    count(*) FILTER (WHERE relevant) AS relevant_articles,
    count(DISTINCT cluster_id) FILTER (WHERE relevant) AS stories,
    count(DISTINCT source_id) FILTER (WHERE relevant) AS sources,
    count(*) AS all_articles,
    count(*) FILTER (WHERE relevant AND day_basis = 'fetched') AS dated_by_fetch_time,
    CASE
        WHEN count(*) FILTER (WHERE day_basis = 'fetched') = 0 THEN 'published'
        WHEN count(*) FILTER (WHERE day_basis = 'published') = 0 THEN 'fetched'
        ELSE 'mixed'
    END AS day_basis
FROM article_days
GROUP BY day;
COMMENT ON VIEW coverage_daily IS 'Per UTC day: relevant articles, distinct stories (near-duplicate clusters counted once), sources; day_basis says whether days come from publication or fetch time.';

CREATE VIEW entity_daily AS
WITH day_totals AS (
    SELECT day, count(*) AS relevant_articles FROM article_days WHERE relevant GROUP BY day
)
SELECT
    d.day,
    m.entity_id,
    any_value(e.name) AS name,
    any_value(e.kind) AS kind,
    count(*) AS mentions,
    count(DISTINCT m.article_id) AS articles,
    round(count(DISTINCT m.article_id) / any_value(t.relevant_articles), 4) AS share
FROM mentions m
JOIN article_days d USING (article_id)
JOIN day_totals t USING (day)
LEFT JOIN entities e USING (entity_id)
WHERE d.relevant AND m.entity_id IS NOT NULL
GROUP BY d.day, m.entity_id;
COMMENT ON VIEW entity_daily IS 'Per UTC day and linked entity: mentions, articles, and share of that day''s relevant articles that mention it.';

CREATE VIEW pair_daily AS
WITH sentence_actors AS (
    SELECT DISTINCT ma.article_id, ma.sentence_index, ma.actor_id, d.day
    FROM mention_actors ma
    JOIN article_days d USING (article_id)
    WHERE d.relevant
),
co AS (
    SELECT a.day, a.actor_id AS actor_a, b.actor_id AS actor_b, count(*) AS co_mentions
    FROM sentence_actors a
    JOIN sentence_actors b
      ON a.article_id = b.article_id AND a.sentence_index = b.sentence_index AND a.actor_id < b.actor_id
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

CREATE VIEW event_timeline AS
SELECT
    coalesce(e.event_date, d.day) AS day,
    e.event_date IS NOT NULL AS dated_in_text,
    e.event_type, p.quad, e.mode,
    e.actor_id, ea.name AS actor_name, e.actor_text,
    e.recipient_id, er.name AS recipient_name, e.recipient_text,
    e.location_id, e.quantity, e.negated, e.hedged, e.sentence,
    d.title, d.url, s.name AS source, d.published_at,
    e.article_id, e.event_id, e.start_char, e.end_char
FROM events e
JOIN article_days d USING (article_id)
LEFT JOIN plover_types p USING (event_type)
LEFT JOIN entities ea ON ea.entity_id = e.actor_id
LEFT JOIN entities er ON er.entity_id = e.recipient_id
LEFT JOIN sources s ON s.source_id = d.source_id;
COMMENT ON VIEW event_timeline IS 'Every event with its evidence sentence and article; day is the event date resolved from the text, else the article''s day (dated_in_text says which).';

CREATE VIEW experts AS
SELECT
    coalesce(q.speaker_id, lower(q.speaker_name)) AS expert_key,
    q.speaker_id,
    arg_max(q.speaker_name, d.seen_at) AS name,
    arg_max(q.affiliation, d.seen_at) FILTER (WHERE q.affiliation IS NOT NULL) AS affiliation,
    any_value(e.role) AS role,
    count(*) AS quotes,
    count(DISTINCT q.article_id) AS articles,
    min(d.day) AS first_seen,
    max(d.day) AS last_seen,
    arg_max(q.quote, d.seen_at) AS latest_quote
FROM quotes q
JOIN article_days d USING (article_id)
LEFT JOIN entities e ON e.entity_id = q.speaker_id
WHERE e.kind = 'person' OR q.speaker_id IS NULL
GROUP BY 1, 2;
COMMENT ON VIEW experts IS 'Every quoted person (spokespeople speaking for a state are excluded): affiliation, number of quotes and articles, first and last day seen, latest quote.';

CREATE VIEW claim_timeline AS
SELECT
    c.subject_id, c.what, c.unit, d.day,
    c.value_low, c.value_high, c.hedged,
    lag(c.value_low) OVER w AS previous_low,
    lag(c.value_high) OVER w AS previous_high,
    c.value_low - lag(c.value_low) OVER w AS change_low,
    c.sentence, d.title, d.url, s.name AS source, c.article_id, c.claim_id
FROM claims c
JOIN article_days d USING (article_id)
LEFT JOIN sources s ON s.source_id = d.source_id
WINDOW w AS (PARTITION BY c.subject_id, c.what ORDER BY d.seen_at, c.claim_id);
COMMENT ON VIEW claim_timeline IS 'Numeric claims per subject and quantity over time, each with the previous reported value and the change, and its source.';

CREATE VIEW first_seen AS
WITH relevant AS (
    SELECT article_id, seen_at FROM article_days WHERE relevant
),
firsts AS (
    SELECT 'entity' AS kind, m.entity_id AS key, arg_min(m.article_id, r.seen_at) AS article_id, min(r.seen_at) AS first_seen_at
    FROM mentions m JOIN relevant r USING (article_id)
    WHERE m.entity_id IS NOT NULL
    GROUP BY m.entity_id
    UNION ALL
    SELECT 'pair', a.actor_id || '–' || b.actor_id, arg_min(a.article_id, r.seen_at), min(r.seen_at)
    FROM mention_actors a
    JOIN mention_actors b
      ON a.article_id = b.article_id AND a.sentence_index = b.sentence_index AND a.actor_id < b.actor_id
    JOIN relevant r ON r.article_id = a.article_id
    GROUP BY a.actor_id, b.actor_id
    UNION ALL
    SELECT 'triple', e.actor_id || ' ' || e.event_type || ' ' || coalesce(e.recipient_id, '-'),
           arg_min(e.article_id, r.seen_at), min(r.seen_at)
    FROM events e JOIN relevant r USING (article_id)
    WHERE NOT e.negated
    GROUP BY e.actor_id, e.event_type, e.recipient_id
    UNION ALL
    SELECT 'expert', coalesce(q.speaker_id, lower(q.speaker_name)), arg_min(q.article_id, r.seen_at), min(r.seen_at)
    FROM quotes q JOIN relevant r USING (article_id)
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
