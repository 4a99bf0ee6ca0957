-- 012: the story in other languages, and who is speaking. articles.language (001) is filled by every
-- run from the text (extractors/language.py; ISO 639-1, 'und' when the text cannot tell; rows stored
-- before 012 get it at the next `storywatch reextract`). `outlets` holds the curated outlet metadata
-- (extractors/data/outlets.toml), replaced whole by every run; `article_sources` joins it to every article.

CREATE TABLE outlets (
    outlet           VARCHAR PRIMARY KEY,  -- host as article_outlets.outlet spells it; covers its subdomains
    name             VARCHAR NOT NULL,
    country          VARCHAR,              -- ISO 3166-1 alpha-3 where it is based (NULL: unknown)
    language         VARCHAR,              -- ISO 639-1 of its main edition (NULL: unknown)
    owner            VARCHAR,
    state_affiliated BOOLEAN               -- owned or controlled by a state or ruling party (NULL: unknown)
);
COMMENT ON TABLE outlets IS 'Curated outlet metadata (extractors/data/outlets.toml): name, country, language, owner, state_affiliated; loaded by every run.';

-- An article's outlet matched to the longest listed host it is, or is a subdomain of.
CREATE VIEW article_sources AS
WITH matched AS (
    SELECT a.article_id, a.outlet, o.name, o.country, o.language, o.owner, o.state_affiliated
    FROM article_outlets a
    LEFT JOIN outlets o ON a.outlet = o.outlet OR ends_with(a.outlet, '.' || o.outlet)
    QUALIFY row_number() OVER (PARTITION BY a.article_id ORDER BY length(o.outlet) DESC NULLS LAST) = 1
)
SELECT
    m.article_id,
    m.outlet,
    coalesce(m.name, m.outlet) AS outlet_name,
    coalesce(m.country, 'unknown') AS source_country,
    coalesce(m.language, 'unknown') AS source_language,
    coalesce(m.owner, 'unknown') AS owner,
    m.state_affiliated,
    CASE WHEN m.state_affiliated THEN 'state' WHEN NOT m.state_affiliated THEN 'independent' ELSE 'unknown' END
        AS affiliation,
    coalesce(a.language, 'und') AS language
FROM matched m
JOIN articles a USING (article_id);
COMMENT ON VIEW article_sources IS 'Each article''s outlet with its curated metadata (outlets): name, source_country, owner, state_affiliated and affiliation (state | independent | unknown), and the article''s own language.';

CREATE VIEW coverage_language_daily AS
SELECT
    d.day,
    coalesce(a.language, 'und') AS language,
    count(*) FILTER (WHERE d.relevant) AS relevant_articles,
    count(DISTINCT d.cluster_id) FILTER (WHERE d.relevant) AS stories,
    count(DISTINCT d.source_id) FILTER (WHERE d.relevant) AS sources,
    count(*) AS all_articles
FROM article_days d
JOIN articles a USING (article_id)
GROUP BY ALL;
COMMENT ON VIEW coverage_language_daily IS 'coverage_daily split by the articles'' language (ISO 639-1; und: could not tell): relevant articles, stories, sources, all articles per UTC day.';
