-- 014: who is speaking, in the figures. claim_timeline, speakers and experts gain
-- their source's affiliation (state | independent | unknown) and country from article_sources (012),
-- so an analyst can ask who reports 11,000 troops and who denies any. Every existing column keeps
-- its name and place; the new ones come last.

CREATE OR REPLACE VIEW claim_timeline AS
-- 004's columns, then the source's.
SELECT c.subject_id, c.what, c.unit, d.day, c.value_low, c.value_high, c.hedged,
       lag(c.value_low) OVER w AS previous_low, lag(c.value_high) OVER w AS previous_high,
       c.value_low - lag(c.value_low) OVER w AS change_low, c.sentence, d.title, d.url, s.name AS source,
       c.article_id, c.claim_id,
       coalesce(src.affiliation, 'unknown') AS source_affiliation,
       coalesce(src.source_country, 'unknown') AS source_country
FROM claims c
JOIN article_days d USING (article_id)
LEFT JOIN sources s ON s.source_id = d.source_id
LEFT JOIN article_sources src ON src.article_id = c.article_id
WINDOW w AS (PARTITION BY c.subject_id, c.what ORDER BY d.seen_at, c.claim_id);
COMMENT ON VIEW claim_timeline IS 'Numeric claims per subject and quantity over time, each with the previous reported value and the change, and its source with the source''s affiliation (state | independent | unknown) and country (ISO 3166-1 alpha-3 or unknown).';

CREATE OR REPLACE VIEW speakers AS
-- 010's columns, then the sources quoting them (article_sources has an `affiliation` too: q. is the speaker's).
SELECT
    q.speaker_key,
    any_value(q.speaker_id) AS speaker_id,
    arg_max(q.speaker_name, q.seen_at) AS name,
    arg_max(q.affiliation, q.seen_at) FILTER (WHERE q.affiliation IS NOT NULL) AS affiliation,
    any_value(q.role) AS role,
    any_value(q.speaker_kind) AS speaker_kind,
    count(*) AS quotes,
    count(DISTINCT q.article_id) AS articles,
    min(q.day) AS first_seen,
    max(q.day) AS last_seen,
    arg_max(q.quote, q.seen_at) AS latest_quote,
    list_sort(list_distinct(list(coalesce(src.affiliation, 'unknown')))) AS source_affiliations,
    list_sort(list_distinct(list(coalesce(src.source_country, 'unknown')))) AS source_countries,
    count(*) FILTER (WHERE src.affiliation = 'state') AS state_media_quotes
FROM speaker_quotes q
LEFT JOIN article_sources src ON src.article_id = q.article_id
GROUP BY q.speaker_key;
COMMENT ON VIEW speakers IS 'Every quoted person (experts, officials and spokespeople, historical figures): affiliation, speaker_kind, number of quotes and articles, first and last day seen, latest quote; the affiliations (state | independent | unknown) and countries of the sources quoting them, and how many quotes came from state media.';

CREATE OR REPLACE VIEW experts AS
SELECT speaker_key AS expert_key, speaker_id, name, affiliation, role, quotes, articles, first_seen, last_seen,
       latest_quote, source_affiliations, source_countries, state_media_quotes
FROM speakers
WHERE speaker_kind = 'expert';
COMMENT ON VIEW experts IS 'Quoted analysts, scholars, researchers and former officials commenting (speakers where speaker_kind = ''expert''; serving officials, spokespeople and historical figures are in `speakers`): affiliation, number of quotes and articles, first and last day seen, latest quote; the affiliations and countries of the sources quoting them, and the quotes from state media.';
