-- 014: who is speaking, in the figures. claim_timeline, speaker_quotes, speakers and experts gain
-- their source's affiliation (state | independent | unknown) and country from article_sources (012),
-- so an analyst can ask who reports 11,000 troops and who denies any. Every existing column keeps
-- its name and place; the new ones come last.

CREATE OR REPLACE VIEW claim_timeline AS
SELECT
    c.subject_id, c.what, c.unit, d.day,
    c.value_low, c.value_high, c.hedged,
    lag(c.value_low) OVER w AS previous_low,
    lag(c.value_high) OVER w AS previous_high,
    c.value_low - lag(c.value_low) OVER w AS change_low,
    c.sentence, d.title, d.url, s.name AS source, c.article_id, c.claim_id,
    coalesce(src.affiliation, 'unknown') AS source_affiliation,
    coalesce(src.source_country, 'unknown') AS source_country
FROM claims c
JOIN article_days d USING (article_id)
LEFT JOIN sources s ON s.source_id = d.source_id
LEFT JOIN article_sources src ON src.article_id = c.article_id
WINDOW w AS (PARTITION BY c.subject_id, c.what ORDER BY d.seen_at, c.claim_id);
COMMENT ON VIEW claim_timeline IS 'Numeric claims per subject and quantity over time, each with the previous reported value and the change, and its source with the source''s affiliation (state | independent | unknown) and country (ISO 3166-1 alpha-3 or unknown).';

CREATE OR REPLACE VIEW speaker_quotes AS
WITH person_quotes AS (
    SELECT
        coalesce(q.speaker_id, lower(q.speaker_name)) AS speaker_key,
        q.speaker_id, q.speaker_name, q.affiliation, e.role, q.quote, q.direct, q.quote_id, q.article_id,
        d.day, d.seen_at, d.title, d.url,
        lower(coalesce(e.role, q.affiliation, '')) AS described_as,
        e.role IS NULL AND regexp_matches(lower(coalesce(q.affiliation, '')), '\b(former|formerly|retired|ex-)\b')
            AS former
    FROM quotes q
    JOIN article_days d USING (article_id)
    LEFT JOIN entities e ON e.entity_id = q.speaker_id
    WHERE e.kind = 'person' OR q.speaker_id IS NULL
),
kinds AS (
    SELECT speaker_key,
        CASE
            WHEN bool_or(regexp_matches(described_as, '\(died|\bdied\b|killed in')) THEN 'historical'
            WHEN bool_or(former) OR bool_or(regexp_matches(described_as,
                'analyst|scholar|professor|fellow|research|expert|academic'
                || '|lecturer|economist|dean\b|think.tank|institut|universit|college|studies|\bcent(er|re)\b'
                || '|foundation|endowment|\bchair\b'))
                THEN 'expert'
            WHEN bool_or(regexp_matches(described_as,
                'spokes|press secretary|minist|president|premier|ambassador|secretary|chairman|governor|envoy'
                || '|official|leader|department|government|kremlin|white house|pentagon|embassy|commander'
                || '|general\b|chief|aide|adviser|advisor|head of|director|pope|military|army|party'))
                THEN 'official'
            ELSE 'unknown'
        END AS speaker_kind
    FROM person_quotes
    GROUP BY speaker_key
)
SELECT p.speaker_key, p.speaker_id, p.speaker_name, p.affiliation, p.role, k.speaker_kind, p.quote, p.direct,
       p.quote_id, p.article_id, p.day, p.seen_at, p.title, p.url,
       coalesce(src.affiliation, 'unknown') AS source_affiliation,
       coalesce(src.source_country, 'unknown') AS source_country
FROM person_quotes p
JOIN kinds k USING (speaker_key)
LEFT JOIN article_sources src ON src.article_id = p.article_id;
COMMENT ON VIEW speaker_quotes IS 'Every quote by a person (not a state speaking through its spokespeople), with the speaker''s key and speaker_kind (expert | official | historical | unknown: see migration 010), the article''s day, and its source''s affiliation and country (014).';

CREATE OR REPLACE VIEW speakers AS
SELECT
    speaker_key,
    any_value(speaker_id) AS speaker_id,
    arg_max(speaker_name, seen_at) AS name,
    arg_max(affiliation, seen_at) FILTER (WHERE affiliation IS NOT NULL) AS affiliation,
    any_value(role) AS role,
    any_value(speaker_kind) AS speaker_kind,
    count(*) AS quotes,
    count(DISTINCT article_id) AS articles,
    min(day) AS first_seen,
    max(day) AS last_seen,
    arg_max(quote, seen_at) AS latest_quote,
    list_sort(list_distinct(list(source_affiliation))) AS source_affiliations,
    list_sort(list_distinct(list(source_country))) AS source_countries,
    count(*) FILTER (WHERE source_affiliation = 'state') AS state_media_quotes
FROM speaker_quotes
GROUP BY speaker_key;
COMMENT ON VIEW speakers IS 'Every quoted person (experts, officials and spokespeople, historical figures): affiliation, speaker_kind, number of quotes and articles, first and last day seen, latest quote; the affiliations (state | independent | unknown) and countries of the sources quoting them, and how many quotes came from state media.';

CREATE OR REPLACE VIEW experts AS
SELECT speaker_key AS expert_key, speaker_id, name, affiliation, role, quotes, articles, first_seen, last_seen,
       latest_quote, source_affiliations, source_countries, state_media_quotes
FROM speakers
WHERE speaker_kind = 'expert';
COMMENT ON VIEW experts IS 'Quoted analysts, scholars, researchers and former officials commenting (speakers where speaker_kind = ''expert''; serving officials, spokespeople and historical figures are in `speakers`): affiliation, number of quotes and articles, first and last day seen, latest quote; the affiliations and countries of the sources quoting them, and the quotes from state media.';
