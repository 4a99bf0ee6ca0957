"""Report build time on a synthetic warehouse of realistic shape.

A year of articles from 18 feeds, each with ~40 entity mentions (the topic's states most often),
~3 PLOVER events, ~1 quote and an occasional numeric claim, written with the warehouse's own loader
(`warehouse.load.load_tables`, Arrow in bulk), every relevant article in a story thread (a few large
developments, many small ones, stored as the threads step stores them). Then `storywatch report` is
built from it and timed: the SQL part (warehouse/report.py) and the rendering (flows/report/) separately.

Run: ``make bench-report`` or ``python -m bench.report_bench [--articles 10000 100000] [--keep DIR]``.
With ``--keep DIR`` the warehouses are kept (and reused on the next run) as DIR/report-<n>.duckdb.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from extractors.gazetteer import load_gazetteer
from warehouse.db import connect
from warehouse.load import batch_shape, load_tables

PLOVER = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "INVESTIGATE",
    "DEMAND",
    "DISAPPROVE",
    "REJECT",
    "THREATEN",
    "SANCTION",
    "PROTEST",
    "CRIME",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
TOPIC = ("CHN", "PRK", "RUS")
OTHER_STATES = ("USA", "KOR", "JPN", "UKR", "TWN", "DEU", "FRA", "GBR", "IND", "IRN")
FEEDS = 18
MENTIONS_PER_ARTICLE = 40
EVENTS_PER_ARTICLE = 3
QUOTES_PER_ARTICLE = 1
CLAIM_SHARE = 0.2
THREAD_WINDOW_DAYS = 4  # a synthetic development runs within one such window
THREADS_PER_WINDOW = 60  # ~5,500 developments in the year; sizes fall off as 1/rank
END_DAY = date(2025, 6, 30)


def _table(name: str, columns: dict[str, object]) -> pa.Table:
    schema = batch_shape(name).schema
    n = len(next(iter(columns.values())))  # type: ignore[arg-type]
    arrays = []
    for f in schema:
        value = columns.get(f.name)
        if value is None:
            arrays.append(pa.nulls(n, f.type))
        elif isinstance(value, pa.Array):
            arrays.append(value)
        else:
            arrays.append(pa.array(value, type=f.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def synthetic_tables(n_articles: int, seed: int = 7) -> dict[str, pa.Table]:
    """Every warehouse table for `n_articles` articles spread over the year before END_DAY."""
    rng = np.random.default_rng(seed)
    run_id = "bench-run"
    now = datetime(2025, 7, 1)
    gazetteer = load_gazetteer()
    entities = gazetteer.entities
    entity_ids = np.array([e.entity_id for e in entities])
    persons = np.array([e.entity_id for e in entities if e.kind == "person"])
    person_names = {e.entity_id: e.name for e in entities if e.kind == "person"}

    tables: dict[str, pa.Table] = {}
    tables["entities"] = _table(
        "entities",
        {
            "entity_id": entity_ids,
            "name": [e.name for e in entities],
            "kind": [e.kind for e in entities],
            "country": [e.country for e in entities],
            "role": [e.role for e in entities],
            "wikidata_id": [e.wikidata_id for e in entities],
        },
    )
    source_ids = np.array([f"feed-{i:02d}" for i in range(FEEDS)])
    tables["sources"] = _table(
        "sources",
        {
            "source_id": source_ids,
            "kind": ["feed"] * FEEDS,
            "name": [f"Outlet {i}" for i in range(FEEDS)],
            "url": [f"https://outlet{i}.example/rss" for i in range(FEEDS)],
            "last_status": ["ok"] * (FEEDS - 2) + ["error"] * 2,
            "last_fetch_at": [now] * FEEDS,
            "next_fetch_at": [now + timedelta(hours=1)] * FEEDS,
            "consecutive_failures": [0] * (FEEDS - 2) + [3, 7],
            "last_error": [None] * (FEEDS - 2) + ["HTTP 503", "timed out"],
            "last_new_item_at": [now] * FEEDS,
        },
    )

    # Articles: a slowly rising volume with weekly rhythm, 70 % relevant, some syndicated copies.
    day_weights = np.linspace(1.0, 2.0, 365) * np.tile([1.0, 1.1, 1.1, 1.0, 1.0, 0.6, 0.5], 53)[:365]
    days = rng.choice(365, size=n_articles, p=day_weights / day_weights.sum())
    seconds = rng.integers(0, 86_400, size=n_articles)
    start = datetime.combine(END_DAY - timedelta(days=364), datetime.min.time())
    published = (np.datetime64(start) + days.astype("timedelta64[D]") + seconds.astype("timedelta64[s]")).astype(
        "datetime64[us]"
    )
    article_ids = np.char.add("a", np.arange(n_articles).astype(str))
    article_sources = rng.integers(0, FEEDS, n_articles)
    cluster_ids = article_ids.copy()
    copies = rng.random(n_articles) < 0.15
    cluster_ids[copies] = article_ids[np.maximum(np.arange(n_articles)[copies] - 1, 0)]
    relevance = np.where(
        rng.random(n_articles) < 0.7, rng.uniform(0.35, 1.0, n_articles), rng.uniform(0, 0.3, n_articles)
    )
    tables["articles"] = _table(
        "articles",
        {
            "article_id": article_ids,
            "source_id": source_ids[article_sources],
            "url": np.char.add(
                np.char.add(np.char.add("https://outlet", article_sources.astype(str)), ".example/"), article_ids
            ),
            "title": np.char.add("Synthetic story ", article_ids),
            "published_at": published,
            "published_approx": np.zeros(n_articles, bool),
            "fetched_at": published,
            "text": np.full(n_articles, "North Korea and Russia signed a pact; China urged restraint."),
            "text_hash": article_ids,
            "word_count": np.full(n_articles, 800, np.int32),
            "relevance": relevance,
            "cluster_id": cluster_ids,
            "language": np.full(n_articles, "en"),
            "is_seed": np.zeros(n_articles, bool),
            "summary_only": np.zeros(n_articles, bool),
            "truncated": np.zeros(n_articles, bool),
            "run_id": np.full(n_articles, run_id),
        },
    )

    # Mentions: topic states dominate, a long tail of the gazetteer, one in ten unlinked.
    m = n_articles * MENTIONS_PER_ARTICLE
    weights = np.ones(len(entity_ids))
    for i, entity_id in enumerate(entity_ids):
        if entity_id in TOPIC:
            weights[i] = 300
        elif entity_id in OTHER_STATES:
            weights[i] = 40
    weights /= weights.sum()
    mention_entities = entity_ids[rng.choice(len(entity_ids), size=m, p=weights)].astype(object)
    mention_entities[rng.random(m) < 0.1] = None
    position = np.tile(np.arange(MENTIONS_PER_ARTICLE, dtype=np.int32), n_articles)
    tables["mentions"] = _table(
        "mentions",
        {
            "article_id": np.repeat(article_ids, MENTIONS_PER_ARTICLE),
            "sentence_index": position // 2,
            "start_char": position * 40,
            "end_char": position * 40 + 8,
            "text": np.full(m, "mention"),
            "label": np.full(m, "GPE"),
            "entity_id": mention_entities,
            "metonymy": np.zeros(m, bool),
            "run_id": np.full(m, run_id),
        },
    )

    # Events: actors and recipients mostly among the topic states.
    e = n_articles * EVENTS_PER_ARTICLE
    actor_pool = np.array(TOPIC * 6 + OTHER_STATES)
    actors = actor_pool[rng.integers(0, len(actor_pool), e)]
    recipients = actor_pool[rng.integers(0, len(actor_pool), e)].astype(object)
    recipients[rng.random(e) < 0.15] = None
    event_dates = (np.repeat(published, EVENTS_PER_ARTICLE).astype("datetime64[D]")).astype(object)
    event_dates[rng.random(e) < 0.7] = None
    event_index = np.tile(np.arange(EVENTS_PER_ARTICLE, dtype=np.int32), n_articles)
    types = np.array(PLOVER)[rng.integers(0, len(PLOVER), e)]
    tables["events"] = _table(
        "events",
        {
            "event_id": np.char.add(
                np.char.add(np.repeat(article_ids, EVENTS_PER_ARTICLE), "-e"), event_index.astype(str)
            ),
            "article_id": np.repeat(article_ids, EVENTS_PER_ARTICLE),
            "event_type": types,
            "actor_id": actors,
            "actor_text": actors,
            "recipient_id": recipients,
            "recipient_text": recipients,
            "event_date": event_dates,
            "negated": rng.random(e) < 0.03,
            "hedged": rng.random(e) < 0.1,
            "sentence": np.char.add(np.char.add(actors, " and partners took action; "), types),
            "start_char": event_index * 300,
            "end_char": event_index * 300 + 120,
            "run_id": np.full(e, run_id),
        },
    )

    q = n_articles * QUOTES_PER_ARTICLE
    speakers = persons[rng.integers(0, len(persons), q)].astype(object)
    unlinked = rng.random(q) < 0.2
    speakers[unlinked] = None
    tables["quotes"] = _table(
        "quotes",
        {
            "quote_id": np.char.add(article_ids, "-q"),
            "article_id": article_ids,
            "speaker_id": speakers,
            "speaker_name": [
                person_names[s] if s is not None else f"Analyst {i % 300}" for i, s in enumerate(speakers)
            ],
            "affiliation": np.where(unlinked, "Institute of Example Studies", None),
            "quote": np.full(q, "The alliance is deepening, and Beijing is watching closely."),
            "direct": rng.random(q) < 0.6,
            "start_char": np.full(q, 900, np.int32),
            "end_char": np.full(q, 960, np.int32),
            "run_id": np.full(q, run_id),
        },
    )

    with_claims = article_ids[rng.random(n_articles) < CLAIM_SHARE]
    c = len(with_claims)
    low = np.round(rng.normal(11_000, 1_500, c), -2)
    high = np.where(rng.random(c) < 0.3, low + 2_000, np.nan)
    tables["claims"] = _table(
        "claims",
        {
            "claim_id": np.char.add(with_claims, "-c"),
            "article_id": with_claims,
            "subject_id": np.full(c, "PRK"),
            "what": np.where(rng.random(c) < 0.7, "soldiers", "soldiers killed"),
            "value_low": low,
            "value_high": pa.array(high, mask=np.isnan(high)),
            "unit": np.full(c, "soldiers"),
            "hedged": rng.random(c) < 0.3,
            "sentence": np.full(c, "Some 11,000 North Korean soldiers are in Russia's Kursk region."),
            "run_id": np.full(c, run_id),
        },
    )
    tables["settings"] = _table("settings", {"key": ["min_relevance"], "value": ["0.35"]})
    relevant = relevance >= 0.35
    ranks = np.arange(1, THREADS_PER_WINDOW + 1)
    local = rng.choice(THREADS_PER_WINDOW, size=int(relevant.sum()), p=(1 / ranks) / (1 / ranks).sum())
    window = days[relevant] // THREAD_WINDOW_DAYS
    thread_ids = np.char.add(np.char.add(np.char.add("th-", window.astype(str)), "-"), local.astype(str))
    tables["thread_articles"] = pa.table(
        {
            "article_id": article_ids[relevant],
            "thread_id": thread_ids,
            "joined_thread_id": thread_ids,
            "score": pa.nulls(len(thread_ids), pa.float64()),
            "run_id": np.full(len(thread_ids), run_id),
        }
    )
    return tables


def store_threads(con: duckdb.DuckDBPyConnection, thread_articles: pa.Table) -> None:
    """The synthetic threads as the threads step stores them: thread_articles, and a `threads` row
    each summed up from its articles (the label is its first title)."""
    con.register("bench_thread_articles", thread_articles)
    con.execute("INSERT INTO thread_articles SELECT * FROM bench_thread_articles")
    con.unregister("bench_thread_articles")
    con.execute(
        """
        INSERT INTO threads
        SELECT ta.thread_id, arg_min(d.title, d.seen_at), min(d.seen_at), max(d.seen_at), count(*),
               count(DISTINCT o.outlet), count(DISTINCT d.cluster_id), ['PRK', 'RUS'], ['MOBILIZE', 'AID'],
               'PRK MOBILIZE RUS', 'active', NULL, 'bench-run', 'bench-run', 'bench', NULL
        FROM thread_articles ta JOIN article_days d USING (article_id) JOIN article_outlets o USING (article_id)
        GROUP BY ta.thread_id
        """
    )


def build_warehouse(path: Path, n_articles: int) -> float:
    """Write a synthetic warehouse of `n_articles` to `path`; returns the seconds it took."""
    started = time.perf_counter()
    tables = synthetic_tables(n_articles)
    run = {
        "run_id": "bench-run",
        "started_at": datetime(2025, 7, 1),
        "finished_at": datetime(2025, 7, 1),
        "status": "completed",
    }
    thread_articles = tables.pop("thread_articles")
    with connect(path) as con:
        load_tables(con, run, tables)
        store_threads(con, thread_articles)
    return time.perf_counter() - started


def build_report_seconds(db_path: str | Path, out: str | Path | None = None) -> dict[str, float]:
    """Build the report from `db_path` (to `out`, else a temporary file): seconds for SQL, rendering, total."""
    from flows.report import render_report
    from warehouse.report import read_report_data

    started = time.perf_counter()
    data = read_report_data(db_path)
    queried = time.perf_counter()
    html = render_report(data)
    rendered = time.perf_counter()
    target = Path(out) if out else Path(tempfile.mkdtemp()) / "report.html"
    target.write_text(html, encoding="utf-8")
    done = time.perf_counter()
    return {
        "sql_s": queried - started,
        "render_s": rendered - queried,
        "total_s": done - started,
        "html_bytes": float(len(html.encode("utf-8"))),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the synthetic warehouses in this folder")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="storywatch-report-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{'articles':>9} {'generate s':>11} {'sql s':>7} {'render s':>9} {'total s':>8} {'html MB':>8}")
    for n in args.articles:
        path = folder / f"report-{n}.duckdb"
        generated = float("nan")
        if not path.exists():
            generated = build_warehouse(path, n)
        build_report_seconds(path)  # warm: imports, plotly.js read once, OS cache
        timing = build_report_seconds(path)
        print(
            f"{n:>9} {generated:>11.1f} {timing['sql_s']:>7.2f} {timing['render_s']:>9.2f} "
            f"{timing['total_s']:>8.2f} {timing['html_bytes'] / 1e6:>8.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
