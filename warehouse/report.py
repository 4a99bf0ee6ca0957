"""What the HTML report shows, read from the warehouse in a handful of aggregate queries.

Everything is aggregated in SQL (per day or week, per pair, per entity); only the capped lists
(event timeline, claims, experts, alerts) come back row by row. The result is plain Python data
(dataclasses of str / int / float / date), so flows/report/ renders it without touching DuckDB.

The period runs from `since` (else the first day with articles) to the newest article's day.
Days follow the story views: the UTC day of publication, else of fetching (`article_days`).
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb

from warehouse.db import WarehouseError, connect, scalar, table_exists, utcnow

QUADS: tuple[str, ...] = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
DEFAULT_TOPIC_ACTORS: tuple[str, ...] = ("CHN", "PRK", "RUS")
# first_seen kinds that count as a new development: a new (actor, event type, recipient). New co-mentioned
# pairs are left out: they are mostly noise, and finding them is a sentence-level self-join of all mentions.
DEVELOPMENT_KINDS: tuple[str, ...] = ("triple",)
WEEKLY_AFTER_DAYS = 180  # periods longer than this are counted per week


@dataclass(frozen=True, slots=True)
class Period:
    start: date | None  # None: the warehouse has no articles
    end: date | None
    bin: str  # "day" | "week"
    since_given: bool
    newest: date | None = None  # the newest article's day in the whole warehouse

    @property
    def empty(self) -> bool:
        return self.start is None or self.end is None or self.start > self.end

    @property
    def days(self) -> int:
        return 0 if self.empty else (self.end - self.start).days + 1  # type: ignore[operator]


@dataclass(frozen=True, slots=True)
class CoverageBin:
    day: date  # first day of the bin
    relevant_articles: int
    stories: int
    all_articles: int
    developments: int
    development_keys: list[str]  # up to five, newest first


@dataclass(frozen=True, slots=True)
class CoverageSplit:
    """The period's relevant coverage of one language or one kind of source."""

    by: str  # "language" | "affiliation"
    value: str  # ISO 639-1 code or "und"; "state" | "independent" | "unknown"
    relevant_articles: int
    stories: int  # distinct near-duplicate clusters


@dataclass(frozen=True, slots=True)
class LanguageBin:
    """One week of relevant coverage by the article's language and its outlet's affiliation."""

    day: date  # first day of the week (weeks end on the period's last day)
    by_language: dict[str, int]  # ISO 639-1 code (or "und") → relevant articles; languages with none left out
    state: int  # relevant articles from state media (article_sources.affiliation)
    independent: int
    unknown: int  # from an outlet extractors/data/outlets.toml does not list

    @property
    def articles(self) -> int:
        return self.state + self.independent + self.unknown


@dataclass(frozen=True, slots=True)
class Development:
    kind: str
    key: str
    day: date
    title: str | None
    url: str | None
    source: str | None
    language: str  # the introducing article's (ISO 639-1, "und": could not tell)


@dataclass(frozen=True, slots=True)
class ThreadBin:
    day: date  # first day of the bin
    articles: int
    outlets: int
    new_outlets: int  # outlets first seen in the thread in this bin


@dataclass(frozen=True, slots=True)
class ThreadArticle:
    day: date
    outlet: str
    title: str | None
    url: str | None
    language: str  # ISO 639-1, "und": could not tell


@dataclass(frozen=True, slots=True)
class ThreadLane:
    """One development (a thread) as the report draws it: counts are within the period; first_seen,
    last_seen and status are the thread's own. Articles of threads merged into it count here."""

    thread_id: str
    label: str
    status: str
    first_seen: datetime
    last_seen: datetime
    first_day: date  # of its articles in the period
    last_day: date
    articles: int
    outlets: int
    stories: int
    key_event: str | None
    main_actors: list[str]
    main_event_types: list[str]
    top_outlets: list[tuple[str, int]]  # (outlet, articles), most first, capped
    absorbed: list[str]  # labels of the threads merged into it
    bins: list[ThreadBin]  # bins with articles only, oldest first
    listed: list[ThreadArticle]  # by day, capped (Limits.thread_articles)


@dataclass(frozen=True, slots=True)
class PairBin:
    day: date
    counts: dict[str, int]  # quad → events


@dataclass(frozen=True, slots=True)
class PairSeries:
    actor_a: str
    actor_b: str
    label: str
    bins: list[PairBin]
    totals: dict[str, int]  # quad → events in the period

    @property
    def total(self) -> int:
        return sum(self.totals.values())


@dataclass(frozen=True, slots=True)
class Mover:
    entity_id: str
    name: str
    kind: str | None
    recent_articles: int
    baseline_articles: int
    recent_share: float
    baseline_share: float

    @property
    def change(self) -> float:
        return self.recent_share - self.baseline_share


@dataclass(frozen=True, slots=True)
class MoverWindows:
    recent_start: date
    recent_end: date
    baseline_start: date
    baseline_end: date
    recent_total: int  # relevant articles in each window
    baseline_total: int


@dataclass(frozen=True, slots=True)
class NetworkEdge:
    actor_a: str
    actor_b: str
    counts: dict[str, int]  # quad → events (both directions)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def dominant(self) -> str:
        return max(QUADS, key=lambda q: (self.counts.get(q, 0), -QUADS.index(q)))


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    day: date
    dated_in_text: bool
    event_type: str
    quad: str | None
    actor_id: str | None  # None: a named actor coded as no state or organisation (actor_text names it)
    actor_name: str | None
    actor_text: str | None
    recipient_id: str | None
    recipient_name: str | None
    recipient_text: str | None
    negated: bool
    hedged: bool
    sentence: str
    title: str | None
    url: str | None
    source: str | None
    published_at: datetime | None
    event_id: str

    @property
    def pair(self) -> str:
        if not self.actor_id or not self.recipient_id or self.recipient_id == self.actor_id:
            return ""
        return "-".join(sorted((self.actor_id, self.recipient_id)))


@dataclass(frozen=True, slots=True)
class ClaimPoint:
    subject_id: str | None
    subject_name: str | None
    what: str
    unit: str | None
    day: date
    value_low: float | None
    value_high: float | None
    hedged: bool
    sentence: str
    title: str | None
    url: str | None
    source: str | None
    claim_id: str


@dataclass(frozen=True, slots=True)
class Expert:
    key: str
    name: str
    affiliation: str | None
    role: str | None
    quotes: int
    articles: int
    first_seen: date
    last_seen: date
    latest_quote: str
    latest_title: str | None
    latest_url: str | None


@dataclass(frozen=True, slots=True)
class SourceHealth:
    source_id: str
    kind: str
    name: str
    url: str | None
    last_status: str | None
    last_fetch_at: datetime | None
    last_new_item_at: datetime | None
    consecutive_failures: int
    next_fetch_at: datetime | None
    last_error: str | None
    articles: int
    relevant_articles: int


@dataclass(frozen=True, slots=True)
class RunRow:
    run_id: str
    started_at: datetime
    finished_at: datetime | None
    status: str
    articles_new: int
    errors: int
    message: str | None


@dataclass(frozen=True, slots=True)
class AlertRow:
    created_at: datetime | None
    rule: str | None
    kind: str | None
    status: str | None
    title: str | None  # the alert's own title, else a summary of its payload
    article_title: str | None
    url: str | None
    last_error: str | None


@dataclass
class ReportData:
    db_path: str
    generated_at: datetime
    period: Period
    topic_actors: tuple[str, ...]
    names: dict[str, str]  # entity id → name, for every id shown
    totals: dict[str, int]  # warehouse-wide and in-period counts
    coverage: list[CoverageBin] = field(default_factory=list)
    # By language, then by affiliation (state media / independent / unknown), most articles first;
    # empty before migration 012 made article_sources.
    coverage_split: list[CoverageSplit] = field(default_factory=list)
    # The same per week, oldest first, weeks with relevant articles only; empty before migration 012.
    coverage_languages: list[LanguageBin] = field(default_factory=list)
    developments: list[Development] = field(default_factory=list)  # newest first, capped
    developments_total: int = 0
    threads: list[ThreadLane] | None = None  # the drawn developments, newest first; None: no thread tables
    threads_total: int = 0  # threads with articles in the period
    threaded_articles: int = 0  # relevant articles of the period that have a thread
    pairs: list[PairSeries] = field(default_factory=list)
    movers: list[Mover] = field(default_factory=list)
    mover_windows: MoverWindows | None = None
    network_edges: list[NetworkEdge] = field(default_factory=list)
    network_edges_total: int = 0
    timeline: list[TimelineEvent] = field(default_factory=list)
    timeline_total: int = 0
    claims: list[ClaimPoint] = field(default_factory=list)
    claims_total: int = 0
    experts: list[Expert] = field(default_factory=list)
    experts_total: int = 0
    sources: list[SourceHealth] = field(default_factory=list)
    runs: list[RunRow] = field(default_factory=list)
    alerts: list[AlertRow] | None = None  # None: the warehouse has no alerts table
    alerts_total: int = 0
    configured_feeds: list[tuple[str, str, bool]] = field(default_factory=list)  # (name, url, enabled), from config
    elapsed_s: float = 0.0


@dataclass(frozen=True, slots=True)
class Limits:
    timeline: int = 500
    claims: int = 2000
    experts: int = 30
    developments: int = 15
    threads: int = 30  # developments drawn as lanes
    thread_outlets: int = 5  # outlets named per development
    thread_articles: int = 40  # articles listed per development
    movers: int = 10  # each way
    mover_min_articles: int = 2  # in both windows together
    network_edges: int = 40
    alerts: int = 20
    runs: int = 5


def read_report_data(
    path: str | Path,
    *,
    since: date | None = None,
    topic_actors: tuple[str, ...] = DEFAULT_TOPIC_ACTORS,
    limits: Limits | None = None,
    wait_s: float = 0.0,
) -> ReportData:
    """Open the warehouse read-only and collect everything the report shows."""
    with connect(path, read_only=True, wait_s=wait_s) as con:
        return collect(con, db_path=str(path), since=since, topic_actors=topic_actors, limits=limits)


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    return con.execute(sql, params or []).fetchall()


def collect(
    con: duckdb.DuckDBPyConnection,
    *,
    db_path: str = "",
    since: date | None = None,
    topic_actors: tuple[str, ...] = DEFAULT_TOPIC_ACTORS,
    limits: Limits | None = None,
) -> ReportData:
    import time

    started = time.perf_counter()
    limits = limits or Limits()
    period = _period(con, since)
    data = ReportData(
        db_path=db_path,
        generated_at=utcnow(),
        period=period,
        topic_actors=tuple(topic_actors),
        names={},
        totals=_totals(con, period),
    )
    data.sources = _sources(con)
    data.runs = _runs(con, limits.runs)
    data.alerts, data.alerts_total = _alerts(con, limits.alerts)
    if period.end is not None:
        data.movers, data.mover_windows = _movers(con, period.end, limits)
    data.pairs = [PairSeries(a, b, f"{a}–{b}", [], dict.fromkeys(QUADS, 0)) for a, b in _topic_pairs(topic_actors)]
    data.threads, data.threads_total, data.threaded_articles = _threads(con, period, limits)
    if not period.empty:
        data.coverage = _coverage(con, period)
        data.coverage_split = _coverage_split(con, period)
        data.coverage_languages = _coverage_languages(con, period)
        data.developments, data.developments_total = _developments(con, period, limits.developments)
        data.pairs = _pairs(con, period, topic_actors)
        data.network_edges, data.network_edges_total = _network(con, period, limits.network_edges)
        data.timeline, data.timeline_total = _timeline(con, period, limits.timeline)
        data.claims, data.claims_total = _claims(con, period, limits.claims)
        data.experts, data.experts_total = _experts(con, period, limits.experts)
    ids: set[str] = set(topic_actors)
    ids.update(itertools.chain.from_iterable((e.actor_a, e.actor_b) for e in data.network_edges))
    ids.update(c.subject_id for c in data.claims if c.subject_id)
    # Triple keys ("CHN AGREE RUS", "CHN DEMAND -") are shown with their actors' names.
    triples = [d.key for d in data.developments] + [k for b in data.coverage for k in b.development_keys]
    triples += [t.key_event for t in data.threads or () if t.key_event]
    ids.update(part for key in triples for part in key.split(" ")[::2] if part != "-")
    ids.update(actor for t in data.threads or () for actor in t.main_actors)
    data.names = _names(con, ids)
    data.pairs = [
        PairSeries(
            p.actor_a,
            p.actor_b,
            f"{data.names.get(p.actor_a, p.actor_a)}–{data.names.get(p.actor_b, p.actor_b)}",
            p.bins,
            p.totals,
        )
        for p in data.pairs
    ]
    data.claims = [
        ClaimPoint(**{**_asdict(c), "subject_name": data.names.get(c.subject_id or "", c.subject_id)})
        for c in data.claims
    ]
    data.elapsed_s = time.perf_counter() - started
    return data


def _asdict(obj: Any) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in obj.__dataclass_fields__}


def _period(con: duckdb.DuckDBPyConnection, since: date | None) -> Period:
    first, last = _rows(con, "SELECT min(day), max(day) FROM article_days")[0]
    if first is None:
        return Period(since, since, "day", since is not None)
    start = since or first
    end = max(last, start) if since else last
    span = (end - start).days + 1
    return Period(start, end, "week" if span > WEEKLY_AFTER_DAYS else "day", since is not None, last)


def _bin_expr(period: Period, column: str = "day") -> str:
    """The first day of a row's bin. Weeks end on the period's last day, so the newest week is whole."""
    if period.bin != "week":
        return column
    end = f"DATE '{period.end.isoformat()}'"  # type: ignore[union-attr]
    return f"CAST({end} - CAST(6 + 7 * (date_diff('day', {column}, {end}) // 7) AS INTEGER) AS DATE)"


def _bins(period: Period) -> list[date]:
    assert period.start is not None and period.end is not None
    if period.bin == "week":
        weeks = (period.end - period.start).days // 7 + 1
        return [period.end - timedelta(days=6 + 7 * i) for i in reversed(range(weeks))]
    return [period.start + timedelta(days=i) for i in range(period.days)]


def _totals(con: duckdb.DuckDBPyConnection, period: Period) -> dict[str, int]:
    start, end = period.start, period.end
    row = _rows(
        con,
        """
        SELECT count(*), count(*) FILTER (WHERE relevant),
               count(*) FILTER (WHERE day BETWEEN $1 AND $2),
               count(*) FILTER (WHERE relevant AND day BETWEEN $1 AND $2),
               count(DISTINCT coalesce(cluster_id, article_id)) FILTER (WHERE relevant AND day BETWEEN $1 AND $2)
        FROM article_days
        """,
        [start, end],
    )[0]
    totals = dict(
        zip(
            ("articles", "relevant_articles", "period_articles", "period_relevant_articles", "period_stories"),
            (int(v or 0) for v in row),
            strict=True,
        )
    )
    for table in ("events", "quotes", "claims"):
        in_period = scalar(
            con,
            f"SELECT count(*) FROM {table} JOIN article_days USING (article_id) WHERE day BETWEEN $1 AND $2",
            [start, end],
        )
        totals[f"period_{table}"] = int(in_period or 0)
    return totals


def _coverage(con: duckdb.DuckDBPyConnection, period: Period) -> list[CoverageBin]:
    # Same definitions as the coverage_daily view (stories = distinct near-duplicate clusters),
    # computed here per day or per week.
    binned = _bin_expr(period)
    counts = {
        r[0]: r[1:]
        for r in _rows(
            con,
            f"""
            SELECT {binned} AS bin, count(*) FILTER (WHERE relevant),
                   count(DISTINCT coalesce(cluster_id, article_id)) FILTER (WHERE relevant), count(*)
            FROM article_days WHERE day BETWEEN $1 AND $2 GROUP BY bin
            """,
            [period.start, period.end],
        )
    }
    kinds = ", ".join(f"'{k}'" for k in DEVELOPMENT_KINDS)
    developments = {
        r[0]: (int(r[1]), list(r[2]))
        for r in _rows(
            con,
            f"""
            SELECT {binned} AS bin, count(*), list(key ORDER BY first_seen_at DESC, key)[1:5]
            FROM first_seen WHERE kind IN ({kinds}) AND day BETWEEN $1 AND $2 GROUP BY bin
            """,
            [period.start, period.end],
        )
    }
    out = []
    for day in _bins(period):
        relevant, stories, total = counts.get(day, (0, 0, 0))
        n_dev, keys = developments.get(day, (0, []))
        out.append(CoverageBin(day, int(relevant), int(stories), int(total), n_dev, keys))
    return out


def _coverage_split(con: duckdb.DuckDBPyConnection, period: Period) -> list[CoverageSplit]:
    """Relevant articles and stories of the period by the article's language and by its source's
    affiliation (article_sources, migration 012), as coverage_daily counts them."""
    if not table_exists(con, "article_sources"):
        return []
    found = _rows(
        con,
        """
        WITH relevant AS (
            SELECT coalesce(d.cluster_id, d.article_id) AS story, src.language, src.affiliation
            FROM article_days d JOIN article_sources src USING (article_id)
            WHERE d.relevant AND d.day BETWEEN $1 AND $2
        )
        SELECT 'language' AS split_by, language AS value, count(*) AS articles, count(DISTINCT story)
        FROM relevant GROUP BY language
        UNION ALL
        SELECT 'affiliation', affiliation, count(*), count(DISTINCT story) FROM relevant GROUP BY affiliation
        ORDER BY split_by DESC, articles DESC, value
        """,
        [period.start, period.end],
    )
    return [CoverageSplit(by, value, int(articles), int(stories)) for by, value, articles, stories in found]


def _coverage_languages(con: duckdb.DuckDBPyConnection, period: Period) -> list[LanguageBin]:
    """Relevant articles per week (ending on the period's last day, as the coverage chart's weeks) by
    the article's language, and by its outlet's affiliation (article_sources, migration 012)."""
    if not table_exists(con, "article_sources"):
        return []
    bin_day = _bin_expr(replace(period, bin="week"), "d.day")
    by_language: dict[date, dict[str, int]] = {}
    by_affiliation: dict[date, dict[str, int]] = {}
    for day, split_by, value, articles in _rows(
        con,
        f"""
        WITH relevant AS (
            SELECT {bin_day} AS bin, src.language, src.affiliation
            FROM article_days d JOIN article_sources src USING (article_id)
            WHERE d.relevant AND d.day BETWEEN $1 AND $2
        )
        SELECT bin, 'language', language, count(*) FROM relevant GROUP BY ALL
        UNION ALL
        SELECT bin, 'affiliation', affiliation, count(*) FROM relevant GROUP BY ALL
        """,
        [period.start, period.end],
    ):
        target = by_language if split_by == "language" else by_affiliation
        target.setdefault(day, {})[value] = int(articles)
    out = []
    for day in sorted(by_language):
        languages = dict(sorted(by_language[day].items(), key=lambda item: (-item[1], item[0])))
        kinds = by_affiliation.get(day, {})
        state, independent, unknown = (kinds.get(kind, 0) for kind in ("state", "independent", "unknown"))
        out.append(LanguageBin(day, languages, state, independent, unknown))
    return out


def _developments(con: duckdb.DuckDBPyConnection, period: Period, limit: int) -> tuple[list[Development], int]:
    kinds = ", ".join(f"'{k}'" for k in DEVELOPMENT_KINDS)
    rows = _rows(
        con,
        f"""
        SELECT f.kind, f.key, f.day, f.title, f.url, f.source, coalesce(a.language, 'und'), count(*) OVER () AS total
        FROM first_seen f JOIN articles a USING (article_id)
        WHERE f.kind IN ({kinds}) AND f.day BETWEEN $1 AND $2
        ORDER BY f.first_seen_at DESC, f.kind DESC, f.key LIMIT $3
        """,
        [period.start, period.end, limit],
    )
    total = int(rows[0][7]) if rows else 0
    return [Development(*r[:7]) for r in rows], total


# Each threaded article with its day, outlet and thread now (after merges): the report's thread queries
# start from it.
THREADED_ARTICLES = """
    SELECT ta.thread_id, d.article_id, d.day, d.seen_at, coalesce(d.cluster_id, d.article_id) AS story,
           d.title, d.url, o.outlet, coalesce(a.language, 'und') AS language
    FROM thread_articles ta
    JOIN article_days d USING (article_id)
    JOIN article_outlets o USING (article_id)
    JOIN articles a USING (article_id)
"""


def _threads(
    con: duckdb.DuckDBPyConnection, period: Period, limits: Limits
) -> tuple[list[ThreadLane] | None, int, int]:
    """The period's developments (threads): the `limits.threads` with the most articles in the period
    (ties: the most recently reported), newest first; with the threads in the period and their articles.

    Articles count in their current thread (thread_articles.thread_id), so a merged thread's articles
    are in the thread that absorbed it. None when the warehouse predates threads (schema 011)."""
    if not table_exists(con, "thread_articles"):
        return None, 0, 0
    if period.empty:
        return [], 0, 0
    rows = _rows(
        con,
        f"""
        WITH threaded AS ({THREADED_ARTICLES} WHERE d.day BETWEEN $1 AND $2),
        per_thread AS (
            SELECT thread_id, count(*) AS articles, count(DISTINCT outlet) AS outlets,
                   count(DISTINCT story) AS stories, min(day) AS first_day, max(day) AS last_day
            FROM threaded GROUP BY thread_id
        )
        SELECT p.thread_id, t.label, t.status, t.first_seen, t.last_seen, p.first_day, p.last_day,
               p.articles, p.outlets, p.stories, t.key_event, t.main_actors, t.main_event_types,
               count(*) OVER () AS total, sum(p.articles) OVER () AS threaded
        FROM per_thread p JOIN threads t USING (thread_id)
        ORDER BY p.articles DESC, p.last_day DESC, p.thread_id
        LIMIT $3
        """,
        [period.start, period.end, limits.threads],
    )
    if not rows:
        return [], 0, 0
    total, threaded = int(rows[0][-2]), int(rows[0][-1])
    ids = [r[0] for r in rows]
    drawn = f"{THREADED_ARTICLES} WHERE ta.thread_id IN (SELECT unnest($3))"
    bins: dict[str, list[ThreadBin]] = {i: [] for i in ids}
    for thread_id, bin_day, articles, outlets, new_outlets in _rows(
        con,
        f"""
        WITH threaded AS (
            -- Whether an outlet is new to the thread counts its articles before the period too.
            SELECT *,
                   row_number() OVER (PARTITION BY thread_id, outlet ORDER BY seen_at, article_id) = 1 AS outlet_first
            FROM ({drawn})
        )
        SELECT thread_id, {_bin_expr(period)} AS bin, count(*), count(DISTINCT outlet),
               count(*) FILTER (WHERE outlet_first)
        FROM threaded WHERE day BETWEEN $1 AND $2
        GROUP BY thread_id, bin ORDER BY thread_id, bin
        """,
        [period.start, period.end, ids],
    ):
        bins[thread_id].append(ThreadBin(bin_day, int(articles), int(outlets), int(new_outlets)))
    outlets: dict[str, list[tuple[str, int]]] = {i: [] for i in ids}
    for thread_id, outlet, articles in _rows(
        con,
        f"""
        WITH counted AS (
            SELECT thread_id, outlet, count(*) AS articles FROM ({drawn}) WHERE day BETWEEN $1 AND $2 GROUP BY ALL
        )
        SELECT * FROM counted
        QUALIFY row_number() OVER (PARTITION BY thread_id ORDER BY articles DESC, outlet) <= $4
        ORDER BY thread_id, articles DESC, outlet
        """,
        [period.start, period.end, ids, limits.thread_outlets],
    ):
        outlets[thread_id].append((outlet, int(articles)))
    listed: dict[str, list[ThreadArticle]] = {i: [] for i in ids}
    for thread_id, *article in _rows(
        con,
        f"""
        SELECT thread_id, day, outlet, title, url, language FROM ({drawn}) WHERE day BETWEEN $1 AND $2
        QUALIFY row_number() OVER (PARTITION BY thread_id ORDER BY seen_at, article_id) <= $4
        ORDER BY thread_id, seen_at, article_id
        """,
        [period.start, period.end, ids, limits.thread_articles],
    ):
        listed[thread_id].append(ThreadArticle(*article))
    absorbed: dict[str, list[str]] = {i: [] for i in ids}
    for merged_into, label in _rows(
        con,
        """
        SELECT merged_into, label FROM threads
        WHERE status = 'merged' AND merged_into IN (SELECT unnest($1))
        ORDER BY merged_into, first_seen, thread_id
        """,
        [ids],
    ):
        absorbed[merged_into].append(label)
    lanes = [
        ThreadLane(
            thread_id=r[0],
            label=r[1],
            status=r[2],
            first_seen=r[3],
            last_seen=r[4],
            first_day=r[5],
            last_day=r[6],
            articles=int(r[7]),
            outlets=int(r[8]),
            stories=int(r[9]),
            key_event=r[10],
            main_actors=list(r[11] or []),
            main_event_types=list(r[12] or []),
            top_outlets=outlets[r[0]],
            absorbed=absorbed[r[0]],
            bins=bins[r[0]],
            listed=listed[r[0]],
        )
        for r in rows
    ]
    # Newest development first: by when it was first reported in the period.
    lanes.sort(key=lambda t: (t.first_day, t.first_seen, t.articles, t.thread_id), reverse=True)
    return lanes, total, threaded


def _quad_columns() -> str:
    return ", ".join(f"count(*) FILTER (WHERE p.quad = '{q}')" for q in QUADS)


def _topic_pairs(topic_actors: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(min(a, b), max(a, b)) for a, b in itertools.combinations(topic_actors, 2)]


def _pairs(con: duckdb.DuckDBPyConnection, period: Period, topic_actors: tuple[str, ...]) -> list[PairSeries]:
    """Events between each pair of topic actors, by quad, per bin. Same rules as the pair_daily view
    (both directions, recipient known, negated events excluded), filtered before aggregating."""
    pairs = _topic_pairs(topic_actors)
    if not pairs:
        return []
    rows = _rows(
        con,
        f"""
        SELECT {_bin_expr(period, "d.day")} AS bin, least(e.actor_id, e.recipient_id) AS a,
               greatest(e.actor_id, e.recipient_id) AS b, {_quad_columns()}
        FROM events e
        JOIN article_days d USING (article_id)
        LEFT JOIN plover_types p USING (event_type)
        WHERE e.actor_id IS NOT NULL AND e.recipient_id IS NOT NULL AND e.actor_id <> e.recipient_id AND NOT e.negated
          AND d.day BETWEEN $1 AND $2
          AND e.actor_id IN (SELECT unnest($3)) AND e.recipient_id IN (SELECT unnest($3))
        GROUP BY ALL
        """,
        [period.start, period.end, list(topic_actors)],
    )
    by_pair: dict[tuple[str, str], dict[date, dict[str, int]]] = {p: {} for p in pairs}
    for bin_day, a, b, *quads in rows:
        if (a, b) in by_pair:
            by_pair[(a, b)][bin_day] = dict(zip(QUADS, (int(q) for q in quads), strict=True))
    series = []
    for (a, b), found in by_pair.items():
        bins = [PairBin(day, found.get(day, dict.fromkeys(QUADS, 0))) for day in _bins(period)]
        totals = {q: sum(b_.counts[q] for b_ in bins) for q in QUADS}
        series.append(PairSeries(a, b, f"{a}–{b}", bins, totals))
    return series


def _movers(con: duckdb.DuckDBPyConnection, end: date, limits: Limits) -> tuple[list[Mover], MoverWindows]:
    """Entities whose share of relevant articles changed most: the last 7 days against the 28 before.

    Shares come from the entity_daily view (articles mentioning the entity / relevant articles)."""
    recent_start, baseline_start, baseline_end = end - timedelta(days=6), end - timedelta(days=34), end - timedelta(7)
    # Constant bounds (not a joined CTE) let DuckDB push the window down into the views' scans.
    recent_total, baseline_total = _rows(
        con,
        """
        SELECT count(*) FILTER (WHERE day >= $1), count(*) FILTER (WHERE day <= $3)
        FROM article_days WHERE relevant AND day BETWEEN $2 AND $4
        """,
        [recent_start, baseline_start, baseline_end, end],
    )[0]
    windows = MoverWindows(
        recent_start=recent_start,
        recent_end=end,
        baseline_start=baseline_start,
        baseline_end=baseline_end,
        recent_total=int(recent_total or 0),
        baseline_total=int(baseline_total or 0),
    )
    if not windows.recent_total or not windows.baseline_total:
        return [], windows
    rows = _rows(
        con,
        """
        WITH counts AS (
            SELECT entity_id, any_value(name) AS name, any_value(kind) AS kind,
                   coalesce(sum(articles) FILTER (WHERE day >= $1), 0) AS recent,
                   coalesce(sum(articles) FILTER (WHERE day <= $3), 0) AS baseline
            FROM entity_daily WHERE day BETWEEN $2 AND $4
            GROUP BY entity_id
            HAVING recent + baseline >= $7
        ),
        shares AS (
            SELECT *, recent / $5 AS recent_share, baseline / $6 AS baseline_share,
                   recent / $5 - baseline / $6 AS change
            FROM counts
        )
        (SELECT * FROM shares WHERE change > 0 ORDER BY change DESC, entity_id LIMIT $8)
        UNION ALL
        (SELECT * FROM shares WHERE change < 0 ORDER BY change ASC, entity_id LIMIT $8)
        """,
        [
            recent_start,
            baseline_start,
            baseline_end,
            end,
            windows.recent_total,
            windows.baseline_total,
            limits.mover_min_articles,
            limits.movers,
        ],
    )
    movers = [Mover(r[0], r[1] or r[0], r[2], int(r[3]), int(r[4]), float(r[5]), float(r[6])) for r in rows]
    movers.sort(key=lambda m: (-m.change, m.entity_id))
    return movers, windows


def _network(con: duckdb.DuckDBPyConnection, period: Period, limit: int) -> tuple[list[NetworkEdge], int]:
    rows = _rows(
        con,
        f"""
        WITH edges AS (
            SELECT least(e.actor_id, e.recipient_id) AS a, greatest(e.actor_id, e.recipient_id) AS b,
                   {_quad_columns()}, count(*) AS total
            FROM events e
            JOIN article_days d USING (article_id)
            LEFT JOIN plover_types p USING (event_type)
            WHERE e.actor_id IS NOT NULL AND e.recipient_id IS NOT NULL AND e.actor_id <> e.recipient_id
              AND NOT e.negated AND d.day BETWEEN $1 AND $2
            GROUP BY ALL
        )
        SELECT *, count(*) OVER () FROM edges ORDER BY total DESC, a, b LIMIT $3
        """,
        [period.start, period.end, limit],
    )
    edges = [NetworkEdge(r[0], r[1], dict(zip(QUADS, (int(v) for v in r[2:6]), strict=True))) for r in rows]
    return edges, int(rows[0][-1]) if rows else 0


def _timeline(con: duckdb.DuckDBPyConnection, period: Period, limit: int) -> tuple[list[TimelineEvent], int]:
    rows = _rows(
        con,
        """
        SELECT t.day, t.dated_in_text, t.event_type, t.quad, t.actor_id, t.actor_name, t.actor_text,
               t.recipient_id, t.recipient_name, t.recipient_text, t.negated, t.hedged, t.sentence,
               t.title, t.url, t.source, t.published_at, t.event_id, count(*) OVER () AS total
        FROM event_timeline t
        JOIN article_days d USING (article_id)
        WHERE d.day BETWEEN $1 AND $2
        ORDER BY t.day DESC, t.published_at DESC NULLS LAST, t.article_id, t.start_char, t.event_id
        LIMIT $3
        """,
        [period.start, period.end, limit],
    )
    total = int(rows[0][-1]) if rows else 0
    return [TimelineEvent(*r[:-1]) for r in rows], total


def _claims(con: duckdb.DuckDBPyConnection, period: Period, limit: int) -> tuple[list[ClaimPoint], int]:
    rows = _rows(
        con,
        """
        SELECT subject_id, NULL, what, unit, day, value_low, value_high, hedged, sentence, title, url, source,
               claim_id, count(*) OVER () AS total
        FROM claim_timeline
        WHERE day BETWEEN $1 AND $2
        ORDER BY day DESC, claim_id
        LIMIT $3
        """,
        [period.start, period.end, limit],
    )
    total = int(rows[0][-1]) if rows else 0
    return [ClaimPoint(*r[:-1]) for r in rows], total


def _experts(con: duckdb.DuckDBPyConnection, period: Period, limit: int) -> tuple[list[Expert], int]:
    # The `experts` view's rows (speaker_quotes decides who is an expert: migration 010), counted
    # within the period.
    if not table_exists(con, "speaker_quotes"):
        raise WarehouseError(
            "this warehouse predates the speakers and experts views (schema 010): "
            "upgrade it with `storywatch run --offline` (or any command that writes), then run the report again"
        )
    rows = _rows(
        con,
        """
        SELECT speaker_key, arg_max(speaker_name, seen_at),
               arg_max(affiliation, seen_at) FILTER (WHERE affiliation IS NOT NULL),
               any_value(role), count(*) AS quotes, count(DISTINCT article_id), min(day), max(day),
               arg_max(quote, seen_at), arg_max(title, seen_at), arg_max(url, seen_at),
               count(*) OVER () AS total
        FROM speaker_quotes
        WHERE speaker_kind = 'expert' AND day BETWEEN $1 AND $2
        GROUP BY speaker_key
        ORDER BY quotes DESC, max(day) DESC, speaker_key
        LIMIT $3
        """,
        [period.start, period.end, limit],
    )
    total = int(rows[0][-1]) if rows else 0
    return [Expert(*r[:-1]) for r in rows], total


def _sources(con: duckdb.DuckDBPyConnection) -> list[SourceHealth]:
    rows = _rows(
        con,
        """
        WITH per_source AS (
            SELECT source_id, count(*) AS n, count(*) FILTER (WHERE relevant) AS r FROM article_days GROUP BY 1
        )
        SELECT s.source_id, s.kind, s.name, s.url, s.last_status, s.last_fetch_at, s.last_new_item_at,
               s.consecutive_failures, s.next_fetch_at, s.last_error, coalesce(p.n, 0), coalesce(p.r, 0)
        FROM sources s LEFT JOIN per_source p USING (source_id)
        ORDER BY s.kind = 'feed', s.consecutive_failures DESC, s.name
        """,
    )
    return [SourceHealth(*r[:10], int(r[10]), int(r[11])) for r in rows]


def _runs(con: duckdb.DuckDBPyConnection, limit: int) -> list[RunRow]:
    rows = _rows(
        con,
        "SELECT run_id, started_at, finished_at, status, articles_new, errors, message"
        " FROM runs ORDER BY started_at DESC LIMIT $1",
        [limit],
    )
    return [RunRow(*r) for r in rows]


def _alerts(con: duckdb.DuckDBPyConnection, limit: int) -> tuple[list[AlertRow] | None, int]:
    """The latest alerts, or None when this warehouse has no `alerts` table yet."""
    if not table_exists(con, "alerts"):
        return None, 0
    columns = {
        r[0] for r in _rows(con, "SELECT column_name FROM information_schema.columns WHERE table_name = 'alerts'")
    }

    def col(name: str) -> str:
        return f"al.{name}" if name in columns else "NULL"

    join = "LEFT JOIN articles a ON a.article_id = al.article_id" if "article_id" in columns else ""
    article_title = "a.title" if join else "NULL"
    url = "a.url" if join else "NULL"
    order = "al.created_at DESC NULLS LAST" if "created_at" in columns else "1"
    rows = _rows(
        con,
        f"""
        SELECT {col("created_at")}, {col("rule")}, {col("kind")}, {col("status")}, {col("title")},
               CAST({col("payload")} AS VARCHAR), {article_title}, {url}, {col("last_error")}, count(*) OVER ()
        FROM alerts al {join}
        ORDER BY {order} LIMIT $1
        """,
        [limit],
    )
    total = int(rows[0][-1]) if rows else 0
    alerts = [AlertRow(r[0], r[1], r[2], r[3], r[4] or _payload_summary(r[5]), r[6], r[7], r[8]) for r in rows]
    return alerts, total


def _payload_summary(payload: str | None) -> str | None:
    """A one-line summary of an alert's JSON payload: its message, title or summary if it has one."""
    if not payload:
        return None
    try:
        value = json.loads(payload)
    except ValueError:
        return payload[:300]
    if isinstance(value, dict):
        for key in ("message", "title", "summary", "text", "body"):
            if isinstance(value.get(key), str):
                return value[key][:300]
    return json.dumps(value, ensure_ascii=False)[:300]


def _names(con: duckdb.DuckDBPyConnection, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = _rows(con, "SELECT entity_id, name FROM entities WHERE entity_id IN (SELECT unnest($1))", [sorted(ids)])
    return dict(rows)
