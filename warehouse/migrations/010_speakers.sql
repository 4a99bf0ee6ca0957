-- 010: experts are analysts; everyone quoted is a speaker.
--
-- Before: `experts` listed every quoted person, spokespeople (Lin Jian, Matthew Miller) and
-- historical figures (Mao Zedong) included. Now each quoted person gets a `speaker_kind`, decided
-- once here for the views, the report and the first_seen alerts alike:
--   historical — the gazetteer says they died (Mao Zedong, Kim Il Sung): quoted, not commenting;
--   expert     — an analyst, scholar, researcher or former official commenting: the words of
--                their role (gazetteer) or affiliation (text) say so ("professor", "senior fellow",
--                "Institute", "University", "analyst", "former …");
--   official   — serving officials and spokespeople: "spokesperson", "minister", "president",
--                "ambassador", "ministry", "Kremlin" …;
--   unknown    — nothing says which (a name with no role or affiliation): a speaker, not an expert.
-- The gazetteer's role decides for a person it knows; the affiliation the text gives decides for
-- the others (only the text's "former …" makes a former official an expert). `speakers` lists
-- them all; `experts` is `speakers` where speaker_kind = 'expert'.

CREATE OR REPLACE VIEW speaker_quotes AS
WITH person_quotes AS (
    SELECT
        coalesce(q.speaker_id, lower(q.speaker_name)) AS speaker_key,
        q.speaker_id, q.speaker_name, q.affiliation, e.role, q.quote, q.direct, q.quote_id, q.article_id,
        d.day, d.seen_at, d.title, d.url,
        -- The words that say what this person is: the curated role when the gazetteer knows them.
        lower(coalesce(e.role, q.affiliation, '')) AS described_as,
        -- "a former State Department official" in the text; a gazetteer role lists a career
        -- ("…; former chief of …") and says first what the person is now.
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
       p.quote_id, p.article_id, p.day, p.seen_at, p.title, p.url
FROM person_quotes p JOIN kinds k USING (speaker_key);
COMMENT ON VIEW speaker_quotes IS 'Every quote by a person (not a state speaking through its spokespeople), with the speaker''s key and speaker_kind (expert | official | historical | unknown: see migration 010) and the article''s day.';

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
    arg_max(quote, seen_at) AS latest_quote
FROM speaker_quotes
GROUP BY speaker_key;
COMMENT ON VIEW speakers IS 'Every quoted person (experts, officials and spokespeople, historical figures): affiliation, speaker_kind, number of quotes and articles, first and last day seen, latest quote.';

-- Same columns as before (expert_key …), so queries written against 004's view keep working.
CREATE OR REPLACE VIEW experts AS
SELECT speaker_key AS expert_key, speaker_id, name, affiliation, role, quotes, articles, first_seen, last_seen,
       latest_quote
FROM speakers
WHERE speaker_kind = 'expert';
COMMENT ON VIEW experts IS 'Quoted analysts, scholars, researchers and former officials commenting (speakers where speaker_kind = ''expert''; serving officials, spokespeople and historical figures are in `speakers`): affiliation, number of quotes and articles, first and last day seen, latest quote.';

-- first_seen's 'expert' rows follow the same definition (a new expert, not a new spokesperson).
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
)
SELECT
    f.kind, f.key, f.first_seen_at, CAST(f.first_seen_at AS DATE) AS day,
    f.article_id, d.title, d.url, s.name AS source
FROM firsts f
JOIN article_days d USING (article_id)
LEFT JOIN sources s ON s.source_id = d.source_id;
COMMENT ON VIEW first_seen IS 'What is new in the story: the first appearance of each entity, actor pair (same sentence), (actor, event type, recipient) triple and expert (speaker_kind = ''expert''), with the article that introduced it.';

-- Channels are shown with a fingerprint now ("json://***#3fa2": the first hex digits of the hash
-- their channel_id is made of, flows/alerts.py), so two channels of one scheme can be told apart.
-- Deliveries recorded before keep their channel_id (what sending and retries go by); their shown
-- channel gets the same fingerprint, so a listing names each channel one way.
UPDATE alert_deliveries SET channel = channel || '#' || substr(channel_id, 9, 4)
WHERE channel_id LIKE 'apprise:%' AND channel NOT LIKE '%#%';
