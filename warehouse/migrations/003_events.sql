-- 003: who did what to whom — PLOVER events, quotes, numeric claims — and the story settings.

CREATE TABLE events (
    event_id       VARCHAR PRIMARY KEY,      -- hash of article, evidence offsets, type, actor, recipient
    article_id     VARCHAR NOT NULL,
    event_type     VARCHAR NOT NULL,         -- PLOVER category (see plover_types)
    mode           VARCHAR,
    actor_id       VARCHAR NOT NULL,         -- state (ISO3) or international organisation id
    actor_text     VARCHAR,
    recipient_id   VARCHAR,
    recipient_text VARCHAR,
    location_id    VARCHAR,
    event_date     DATE,                     -- resolved against the article's publication date
    quantity       BIGINT,
    negated        BOOLEAN NOT NULL DEFAULT FALSE,
    hedged         BOOLEAN NOT NULL DEFAULT FALSE,
    sentence       VARCHAR NOT NULL,         -- the evidence
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    run_id         VARCHAR NOT NULL
);

CREATE TABLE quotes (
    quote_id     VARCHAR PRIMARY KEY,
    article_id   VARCHAR NOT NULL,
    speaker_id   VARCHAR,
    speaker_name VARCHAR NOT NULL,
    affiliation  VARCHAR,
    quote        VARCHAR NOT NULL,
    direct       BOOLEAN NOT NULL,           -- words in quotation marks, or reported speech
    start_char   INTEGER NOT NULL,
    end_char     INTEGER NOT NULL,
    run_id       VARCHAR NOT NULL
);

CREATE TABLE claims (
    claim_id   VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    subject_id VARCHAR,                      -- whose troops, casualties, trade …
    what       VARCHAR NOT NULL,
    value_low  DOUBLE,
    value_high DOUBLE,                       -- NULL for an open bound ("at least 10,000")
    unit       VARCHAR,
    hedged     BOOLEAN NOT NULL DEFAULT FALSE,
    sentence   VARCHAR NOT NULL,
    run_id     VARCHAR NOT NULL
);

-- PLOVER's 18 categories and their quad class (verbal/material × cooperation/conflict).
CREATE TABLE plover_types (
    event_type VARCHAR PRIMARY KEY,
    quad       VARCHAR NOT NULL,
    definition VARCHAR NOT NULL
);
INSERT INTO plover_types VALUES
    ('AGREE',       'verbal cooperation',   'agree to, promise or sign an agreement or future action'),
    ('CONSULT',     'verbal cooperation',   'meet, visit, hold talks or mediate'),
    ('SUPPORT',     'verbal cooperation',   'praise, endorse or express solidarity'),
    ('CONCEDE',     'verbal cooperation',   'apologise, admit, yield or ease a demand'),
    ('COOPERATE',   'material cooperation', 'cooperate militarily, economically or diplomatically; share intelligence'),
    ('AID',         'material cooperation', 'give economic, military, humanitarian or other aid'),
    ('RETREAT',     'material cooperation', 'withdraw forces, release people, ease sanctions or restrictions'),
    ('INVESTIGATE', 'verbal conflict',      'investigate, inquire or inspect'),
    ('DEMAND',      'verbal conflict',      'demand, call on or urge'),
    ('DISAPPROVE',  'verbal conflict',      'criticise, condemn, accuse or complain'),
    ('REJECT',      'verbal conflict',      'reject, refuse, deny or veto'),
    ('THREATEN',    'verbal conflict',      'threaten force, sanctions or other action'),
    ('PROTEST',     'material conflict',    'demonstrate, strike, boycott or riot'),
    ('SANCTION',    'material conflict',    'impose sanctions, embargoes, expel or cut ties'),
    ('MOBILIZE',    'material conflict',    'mobilise, deploy or increase forces; raise alert'),
    ('COERCE',      'material conflict',    'arrest, seize, restrict, censor or deport'),
    ('ASSAULT',     'material conflict',    'attack, strike, fight or kill'),
    ('CRIME',       'material conflict',    'criminal acts: smuggling, theft, fraud, cyber crime');

-- Settings the views read (written by each run from storywatch.toml), e.g. the relevance threshold.
CREATE TABLE settings (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
INSERT INTO settings VALUES ('min_relevance', '0.35');
