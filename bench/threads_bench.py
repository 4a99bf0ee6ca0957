"""Story-thread benchmark: assigning a run's new articles, and rebuilding every thread, at 100k articles.

Builds a synthetic warehouse of relevant articles spread over two years, written with the warehouse's
own loader (Arrow in bulk), shaped as the story is: developments (a few thousand), each reported
by a few to a hundred articles from many of 40 outlets over a few days, in overlapping words (the
development's own terms, the story's common vocabulary, noise), with its actors, place, event types,
triple and claims among ~12 mentions and 2 events per article. Then, all measured in this run:

- the first threading of the whole warehouse (every article unthreaded: the first run after an upgrade);
- (a) a run's 50 new articles assigned at 100k stored (goal < 1 s), over several runs;
- (b) `threads rebuild` replaying daily batches (goal: minutes, not hours), with articles/s.

Run: ``make bench-threads`` or ``python -m bench.threads_bench [--articles 100000] [--new 50] [--keep]``
(~6 min on the 2-core machine: building the warehouse ~1 min, the first threading ~3, the rebuild ~2).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from bench.report_bench import OTHER_STATES, PLOVER, TOPIC, _table
from extractors.gazetteer import load_gazetteer
from flows.threads import ThreadsOutcome, assign_new, rebuild
from warehouse.db import connect
from warehouse.load import load_tables

DAYS = 730
OUTLETS = 40
START = datetime(2023, 7, 1)
MENTIONS_PER_ARTICLE = 12
EVENTS_PER_ARTICLE = 2
STORY_WORDS = (
    *("north", "korea", "korean", "russia", "russian", "china", "chinese"),
    *("troops", "military", "moscow", "pyongyang", "beijing"),
)
SYLLABLES = ("ka", "ri", "mo", "su", "te", "na", "lo", "vi", "pe", "ra", "du", "ki", "so", "ma", "ne", "to", "gu", "ba")


def pseudo_words(rng: np.random.Generator, count: int) -> np.ndarray:
    """Distinct made-up words of three syllables: a development's own vocabulary."""
    parts = np.array(SYLLABLES)
    words = {"".join(rng.choice(parts, 3)) for _ in range(count * 2)}
    return np.array(sorted(words))[:count]


def synthetic_tables(n_articles: int, seed: int = 16) -> tuple[dict[str, pa.Table], np.ndarray]:
    """Every table for `n_articles` relevant articles in developments; returns them and each article's
    development (for the figures)."""
    rng = np.random.default_rng(seed)
    gazetteer = load_gazetteer()
    entities = gazetteer.entities
    places = np.array([e.entity_id for e in entities if e.kind == "place"])
    persons = np.array([e.entity_id for e in entities if e.kind == "person"])
    states = np.array(TOPIC * 3 + OTHER_STATES)
    vocabulary = pseudo_words(rng, 6000)

    # Developments: sizes log-normal (median ~20 articles), a start day, a span of 1-6 days.
    sizes = np.maximum(2, rng.lognormal(3.0, 0.9, size=n_articles // 10).astype(int))
    sizes = sizes[: np.searchsorted(np.cumsum(sizes), n_articles) + 1]
    sizes[-1] -= sizes.sum() - n_articles
    developments = len(sizes)
    dev_of = np.repeat(np.arange(developments), sizes)
    dev_start = rng.integers(0, DAYS - 7, developments)
    dev_span = rng.integers(1, 7, developments)
    dev_words = vocabulary[rng.integers(0, len(vocabulary), (developments, 10))]
    dev_actors = states[rng.integers(0, len(states), (developments, 2))]
    dev_place = places[rng.integers(0, len(places), developments)]
    dev_type = np.array(PLOVER)[rng.integers(0, len(PLOVER), developments)]

    offsets = rng.uniform(0, 1, n_articles) * dev_span[dev_of]
    seen = (np.datetime64(START) + (dev_start[dev_of] * 86_400 + offsets * 86_400).astype("timedelta64[s]")).astype(
        "datetime64[us]"
    )
    order = np.argsort(seen, kind="stable")
    dev_of, seen = dev_of[order], seen[order]
    article_ids = np.char.add("a", np.arange(n_articles).astype(str))
    outlets = rng.integers(0, OUTLETS, n_articles)

    titles, texts = [], []
    for i in range(n_articles):
        d = dev_of[i]
        own = list(rng.choice(dev_words[d], 5, replace=False))
        common = list(rng.choice(STORY_WORDS, 1, replace=False))
        title = own + common
        rng.shuffle(title)
        titles.append(" ".join(title).capitalize())
        lead = list(rng.choice(dev_words[d], 24)) + list(rng.choice(STORY_WORDS, 12))
        lead += list(vocabulary[rng.integers(0, len(vocabulary), 15)])
        rng.shuffle(lead)
        texts.append(" ".join(lead) + ".")

    tables: dict[str, pa.Table] = {}
    tables["entities"] = _table(
        "entities",
        {
            "entity_id": [e.entity_id for e in entities],
            "name": [e.name for e in entities],
            "kind": [e.kind for e in entities],
            "country": [e.country for e in entities],
            "role": [e.role for e in entities],
            "wikidata_id": [e.wikidata_id for e in entities],
        },
    )
    source_ids = [f"feed-{i:02d}" for i in range(OUTLETS)]
    tables["sources"] = _table(
        "sources",
        {
            "source_id": source_ids,
            "kind": ["feed"] * OUTLETS,
            "name": [f"Outlet {i}" for i in range(OUTLETS)],
            "consecutive_failures": [0] * OUTLETS,
        },
    )
    cluster_ids = article_ids.copy()
    copies = rng.random(n_articles) < 0.1  # a syndicated copy of the article before it
    cluster_ids[copies] = article_ids[np.maximum(np.arange(n_articles)[copies] - 1, 0)]
    tables["articles"] = _table(
        "articles",
        {
            "article_id": article_ids,
            "source_id": np.array(source_ids)[outlets],
            "url": [f"https://outlet{o}.example/story/{a}" for o, a in zip(outlets, article_ids, strict=True)],
            "title": titles,
            "published_at": seen,
            "published_approx": np.zeros(n_articles, bool),
            "fetched_at": seen,
            "text": texts,
            "text_hash": article_ids,
            "word_count": np.full(n_articles, 94, np.int32),
            "relevance": np.ones(n_articles),
            "cluster_id": cluster_ids,
            "language": np.full(n_articles, "en"),
            "is_seed": np.zeros(n_articles, bool),
            "summary_only": np.zeros(n_articles, bool),
            "truncated": np.zeros(n_articles, bool),
            "run_id": np.full(n_articles, "bench-load"),
        },
    )

    # Mentions: the development's two actors and place, the topic states, a person, noise.
    m = n_articles * MENTIONS_PER_ARTICLE
    per = np.empty((n_articles, MENTIONS_PER_ARTICLE), dtype=object)
    per[:, 0:2] = dev_actors[dev_of]
    per[:, 2] = dev_place[dev_of]
    per[:, 3:6] = np.array(TOPIC)
    per[:, 6] = persons[rng.integers(0, len(persons), n_articles)]
    per[:, 7:] = states[rng.integers(0, len(states), (n_articles, MENTIONS_PER_ARTICLE - 7))]
    position = np.tile(np.arange(MENTIONS_PER_ARTICLE, dtype=np.int32), n_articles)
    same = {"text": "mention", "label": "GPE", "metonymy": False, "run_id": "bench-load"}
    mentions = {name: np.full(m, value) for name, value in same.items()}
    mentions |= {"sentence_index": position // 3, "start_char": position * 40, "end_char": position * 40 + 8}
    mentions |= {"article_id": np.repeat(article_ids, MENTIONS_PER_ARTICLE), "entity_id": per.reshape(-1)}
    tables["mentions"] = _table("mentions", mentions)

    # Events: the development's triple (at its place), and one other.
    e = n_articles * EVENTS_PER_ARTICLE
    event_types = np.stack([dev_type[dev_of], np.array(PLOVER)[rng.integers(0, len(PLOVER), n_articles)]], 1)
    actors = np.stack([dev_actors[dev_of][:, 0], states[rng.integers(0, len(states), n_articles)]], 1)
    recipients = np.stack([dev_actors[dev_of][:, 1], states[rng.integers(0, len(states), n_articles)]], 1)
    locations = np.stack([dev_place[dev_of], np.full(n_articles, None, dtype=object)], 1)
    index = np.tile(np.arange(EVENTS_PER_ARTICLE), n_articles)
    tables["events"] = _table(
        "events",
        {
            "event_id": np.char.add(np.char.add(np.repeat(article_ids, EVENTS_PER_ARTICLE), "-e"), index.astype(str)),
            "article_id": np.repeat(article_ids, EVENTS_PER_ARTICLE),
            "event_type": event_types.reshape(-1),
            "actor_id": actors.reshape(-1),
            "recipient_id": recipients.reshape(-1),
            "location_id": locations.reshape(-1),
            "negated": np.zeros(e, bool),
            "hedged": np.zeros(e, bool),
            "sentence": np.full(e, "An event sentence."),
            "start_char": (index * 100).astype(np.int32),
            "end_char": (index * 100 + 50).astype(np.int32),
            "run_id": np.full(e, "bench-load"),
        },
    )
    claimed = np.flatnonzero(rng.random(n_articles) < 0.2)
    tables["claims"] = _table(
        "claims",
        {
            "claim_id": np.char.add(article_ids[claimed], "-c"),
            "article_id": article_ids[claimed],
            "subject_id": dev_actors[dev_of[claimed]][:, 0],
            "what": np.full(len(claimed), "troops"),
            "value_low": rng.integers(1000, 12000, len(claimed)).astype(float),
            "hedged": np.zeros(len(claimed), bool),
            "sentence": np.full(len(claimed), "A claim sentence."),
            "run_id": np.full(len(claimed), "bench-load"),
        },
    )
    return tables, dev_of


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=50, help="articles per measured run")
    parser.add_argument("--runs", type=int, default=5, help="measured runs of --new articles")
    parser.add_argument("--keep", action="store_true", help="keep the warehouse (its path is printed)")
    args = parser.parse_args(argv)
    from flows.config import ThreadsConfig

    settings = ThreadsConfig().settings()
    folder = Path(tempfile.mkdtemp(prefix="storywatch-threads-bench-"))
    path = folder / "threads.duckdb"

    started = time.perf_counter()
    tables, dev_of = synthetic_tables(args.articles)
    n_new = args.new * args.runs
    history = args.articles - n_new
    ids = tables["articles"].column("article_id")
    later = ids[history:]
    with connect(path) as con:
        load_tables(con, _run("bench-load", START), {k: _rows_of(v, later) for k, v in tables.items()})
        con.execute("INSERT OR REPLACE INTO settings VALUES ('min_relevance', '0.35')")
    print(
        f"warehouse: {args.articles:,} relevant articles in {len(set(dev_of.tolist())):,} developments"
        f" over {DAYS} days, built in {time.perf_counter() - started:.1f} s ({path.stat().st_size / 1e6:.0f} MB)"
    )

    # The first threading: the whole history unthreaded, as after an upgrade (one run, chunked).
    with connect(path) as con:
        con.execute(
            "INSERT INTO runs VALUES ('bench-first', NULL, ?, ?, 'completed', 0, 0, 0, 0, NULL, NULL)", [START, START]
        )
        first_s, first, threads = timed(con, lambda: assign_new(con, settings, "bench-first"))
    print(
        f"first threading of {history:,} articles: {first_s:.1f} s ({history / first_s:,.0f} articles/s);"
        f" {threads:,} threads, {first.merged} merges"
    )

    # (a) runs of `new` articles each, at the end of the story.
    times = []
    for run in range(args.runs):
        chunk = later[run * args.new : (run + 1) * args.new]
        run_id = f"bench-run-{run}"
        with connect(path) as con:
            load_tables(
                con,
                _run(run_id, START + timedelta(days=DAYS + run)),
                {k: _rows_of(v, chunk, keep=True) for k, v in tables.items() if k != "entities"},
            )
            started = time.perf_counter()
            outcome = assign_new(con, settings, run_id)
            times.append(time.perf_counter() - started)
        assert outcome.placed == args.new, outcome
    print(
        f"(a) a run's {args.new} new articles at {args.articles:,} stored: median {statistics.median(times):.3f} s,"
        f" max {max(times):.3f} s over {args.runs} runs (goal < 1 s; {1 / statistics.median(times):.1f}x inside it)"
    )

    # (b) rebuild, replaying daily batches (as a warehouse fed by daily runs recorded them).
    with connect(path) as con:
        con.execute(
            "INSERT INTO runs SELECT 'day-' || strftime(day, '%Y%m%d'), NULL, min(seen_at), min(seen_at), 'completed',"
            " 0, 0, 0, 0, NULL, NULL FROM article_days WHERE article_id IN (SELECT article_id FROM thread_articles"
            " WHERE run_id = 'bench-first') GROUP BY day"
        )
        con.execute(
            "UPDATE thread_articles SET run_id = 'day-' || strftime(d.day, '%Y%m%d') FROM article_days d"
            " WHERE thread_articles.article_id = d.article_id AND thread_articles.run_id = 'bench-first'"
        )
        rebuild_s, rebuilt, threads = timed(con, lambda: rebuild(con, settings, "bench-rebuild"))
    print(
        f"(b) rebuild of {rebuilt.placed:,} articles in {rebuilt.batches:,} batches: {rebuild_s:.1f} s"
        f" ({rebuilt.placed / rebuild_s:,.0f} articles/s; goal minutes: {rebuild_s / 60:.1f} min); {threads:,} threads"
    )
    if args.keep:
        print(f"warehouse kept at {path}")
    else:
        shutil.rmtree(folder)
    return 0


def timed(con: duckdb.DuckDBPyConnection, work: Callable[[], ThreadsOutcome]) -> tuple[float, ThreadsOutcome, int]:
    """Seconds the thread work took, what it did, and the live threads after it."""
    started = time.perf_counter()
    outcome = work()
    seconds = time.perf_counter() - started
    return seconds, outcome, con.execute("SELECT count(*) FROM threads WHERE status <> 'merged'").fetchall()[0][0]


def _run(run_id: str, at: datetime) -> dict[str, object]:
    return {"run_id": run_id, "started_at": at, "finished_at": at, "status": "completed"}


def _rows_of(table: pa.Table, ids: pa.ChunkedArray, keep: bool = False) -> pa.Table:
    """The rows of `table` about these articles (keep) or the others; tables without article_id whole."""
    if "article_id" not in table.column_names:
        return table
    mask = pc.is_in(table.column("article_id"), value_set=ids.combine_chunks())
    return table.filter(mask if keep else pc.invert(mask))


if __name__ == "__main__":
    raise SystemExit(main())
