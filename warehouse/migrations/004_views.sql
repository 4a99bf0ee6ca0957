-- 004: the story views (entity_daily, pair_daily and first_seen read per-article rollups: 006). Days are UTC dates of publication, falling back to fetch time when an
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

