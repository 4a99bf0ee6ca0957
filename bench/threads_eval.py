"""Story threads against labelled developments: the sets in bench/data/threads/ (README there).

Scoring (pure, `score_partition`): each gold article's development against the thread the pipeline
put it in.

* B-cubed precision, recall and F1: per article, the share of its thread that is its development
  (precision) and the share of its development that is in its thread (recall), averaged over articles.
* developments split: the share of developments with at least two articles whose articles sit in
  two or more threads, and in more than two (the goal: none in more than two).
* threads merging developments: the share of threads holding articles of two or more developments,
  and of threads holding developments of different weeks: whose dates are seven or more days apart
  (the goal: none). A development's date is the median publication date of its articles (the lower
  one for an even count): its first article may be a preview days before the event.

The threading figures are over the articles that got a thread; articles the pipeline left without
one (not relevant, page not read) are counted apart, and the B-cubed figures are also given with
each of them as a thread of its own ("all articles").

The harness (`run_set`) runs the real pipeline: a local HTTP server on 127.0.0.1 stands in for the
outlets (one RSS feed per outlet, one HTML page per article, its canonical link the real URL, so
`article_outlets` names the real outlet); a temporary warehouse is filled in one run per week of
story time, in date order (each run sees the feeds as they were at the end of that week), so
assignment is incremental as in real use. Then `storywatch threads rebuild` replays the batches and
its threads are scored again; they must be the same.

Run: ``make eval`` (after the extraction sets) or ``python -m bench.threads_eval [--set heldout|dev]
[--per week|month] [--details] [--json] [--threads KEY=VALUE …] [--keep DIR]``. HELD-OUT is scored first: DEV is
what the assigner is tuned on.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

REPO_ROOT = Path(__file__).resolve().parents[1]
SETS_DIR = REPO_ROOT / "bench" / "data" / "threads"
SETS = {"heldout": SETS_DIR / "heldout.jsonl", "dev": SETS_DIR / "dev.jsonl"}  # scored in this order
FIELDS = ("id", "development", "outlet", "url", "published", "title", "lead", "source_note")


# --------------------------------------------------------------------------------------------
# The sets
# --------------------------------------------------------------------------------------------


class SetError(ValueError):
    """A labelled set that cannot be read; the message names the file, line and field."""


@dataclass(frozen=True)
class GoldArticle:
    id: str
    development: str
    outlet: str
    url: str
    published: date
    title: str
    lead: str


def load_set(path: Path) -> list[GoldArticle]:
    """The articles of a labelled set (JSON lines with FIELDS), in file order."""
    articles: list[GoldArticle] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name} line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SetError(f"{where}: not JSON: {exc}") from exc
        if not isinstance(record, dict):
            raise SetError(f"{where}: expected a JSON object")
        missing = [f for f in FIELDS if not isinstance(record.get(f), str) or not record[f].strip()]
        if missing:
            raise SetError(f"{where}: missing or empty {', '.join(missing)}")
        unknown = sorted(set(record) - set(FIELDS))
        if unknown:
            raise SetError(f"{where}: unknown field {', '.join(unknown)}")
        try:
            published = date.fromisoformat(record["published"])
        except ValueError as exc:
            raise SetError(f"{where}: published {record['published']!r} is not an ISO date") from exc
        if not re.fullmatch(r"[A-Za-z0-9_.-]+", record["id"]):
            raise SetError(f"{where}: id {record['id']!r} may hold only letters, digits, '_', '.', '-'")
        if record["id"] in seen:
            raise SetError(f"{where}: id {record['id']!r} appears twice")
        seen.add(record["id"])
        articles.append(
            GoldArticle(
                id=record["id"],
                development=record["development"],
                outlet=record["outlet"],
                url=record["url"],
                published=published,
                title=record["title"],
                lead=record["lead"],
            )
        )
    if not articles:
        raise SetError(f"{path.name}: no articles")
    return articles


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------


def bcubed(gold: Mapping[str, str], predicted: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed (precision, recall, F1) of `predicted` (item → cluster) against `gold` (item →
    class), over the items of `predicted` (each must have a gold class)."""
    missing = sorted(set(predicted) - set(gold))
    if missing:
        raise ValueError(f"items without a gold development: {', '.join(missing[:5])}")
    if not predicted:
        return 0.0, 0.0, 0.0
    by_cluster: dict[str, list[str]] = defaultdict(list)
    by_class: dict[str, int] = defaultdict(int)
    pairs: dict[tuple[str, str], int] = defaultdict(int)
    for item, cluster in predicted.items():
        by_cluster[cluster].append(item)
        by_class[gold[item]] += 1
        pairs[cluster, gold[item]] += 1
    precision = recall = 0.0
    for item, cluster in predicted.items():
        shared = pairs[cluster, gold[item]]
        precision += shared / len(by_cluster[cluster])
        recall += shared / by_class[gold[item]]
    precision /= len(predicted)
    recall /= len(predicted)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class PartitionScore:
    """The figures of one predicted partition against the gold developments."""

    articles: int  # scored (threaded) articles
    developments: int
    threads: int
    precision: float
    recall: float
    f1: float
    multi_article_developments: int  # developments with >= 2 scored articles (the ones that can split)
    split: int  # … of them in >= 2 threads
    split_over_two: int  # … in > 2 threads
    merging: int  # threads holding >= 2 developments
    merging_weeks: int  # threads holding developments dated a week or more apart
    split_share: float  # split / multi_article_developments
    split_over_two_share: float
    merging_share: float  # merging / threads
    merging_weeks_share: float
    split_details: list[str] = field(default_factory=list)
    merge_details: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if not k.endswith("_details")}


def share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


WEEK = timedelta(days=7)


def development_dates(articles: Sequence[GoldArticle]) -> dict[str, date]:
    """Each development's date: the median publication date of its articles (the lower median)."""
    days: dict[str, list[date]] = defaultdict(list)
    for a in articles:
        days[a.development].append(a.published)
    return {d: sorted(v)[(len(v) - 1) // 2] for d, v in days.items()}


def score_partition(gold: Mapping[str, str], predicted: Mapping[str, str], dates: Mapping[str, date]) -> PartitionScore:
    """`predicted` (article → thread) against `gold` (article → development), over the articles of
    `predicted`; `dates` gives each development's date (development_dates)."""
    precision, recall, f1 = bcubed(gold, predicted)
    threads_of: dict[str, set[str]] = defaultdict(set)
    developments_of: dict[str, set[str]] = defaultdict(set)
    size: dict[str, int] = defaultdict(int)
    for item, thread in predicted.items():
        threads_of[gold[item]].add(thread)
        developments_of[thread].add(gold[item])
        size[gold[item]] += 1
    multi = [d for d in threads_of if size[d] >= 2]
    split = sorted(d for d in multi if len(threads_of[d]) >= 2)
    over_two = [d for d in split if len(threads_of[d]) > 2]
    merging = sorted(t for t, ds in developments_of.items() if len(ds) >= 2)
    dated = {t: sorted(dates[d] for d in developments_of[t]) for t in merging}
    merging_weeks = [t for t in merging if dated[t][-1] - dated[t][0] >= WEEK]
    return PartitionScore(
        articles=len(predicted),
        developments=len(threads_of),
        threads=len(developments_of),
        precision=precision,
        recall=recall,
        f1=f1,
        multi_article_developments=len(multi),
        split=len(split),
        split_over_two=len(over_two),
        merging=len(merging),
        merging_weeks=len(merging_weeks),
        split_share=share(len(split), len(multi)),
        split_over_two_share=share(len(over_two), len(multi)),
        merging_share=share(len(merging), len(developments_of)),
        merging_weeks_share=share(len(merging_weeks), len(developments_of)),
        split_details=[f"{d}: {size[d]} articles in {len(threads_of[d])} threads" for d in split],
        merge_details=[
            f"{t}: {', '.join(sorted(developments_of[t]))}" + (" (different weeks)" if t in merging_weeks else "")
            for t in merging
        ],
    )


def with_singletons(gold: Mapping[str, str], predicted: Mapping[str, str]) -> dict[str, str]:
    """`predicted` completed with every gold article it lacks as a thread of its own."""
    return {item: predicted.get(item, f"unthreaded:{item}") for item in gold}


# --------------------------------------------------------------------------------------------
# The outlets, served from this machine
# --------------------------------------------------------------------------------------------


def _feed_path(outlet: str) -> str:
    return f"/feeds/{quote(outlet, safe='')}.xml"


def _page_path(article: GoldArticle) -> str:
    return f"/articles/{article.id}.html"


ARTICLE_PATH = re.compile(r"/articles/([A-Za-z0-9_.-]+)\.html$")


def published_at(article: GoldArticle) -> datetime:
    """The article's publication time: its date, at a time of day between 03:00 and 21:00 UTC drawn
    from its URL. The sets give dates only; without distinct times the articles of one day would be
    ordered by article id, which comes from the local server's URL (its port: SITE_PORT)."""
    minutes = int(hashlib.sha256(article.url.encode("utf-8")).hexdigest(), 16) % (18 * 60)
    day = datetime(article.published.year, article.published.month, article.published.day, 3, tzinfo=UTC)
    return day + timedelta(minutes=minutes)


def article_page(article: GoldArticle) -> str:
    """The article as its outlet's page: headline and lead, dated, its canonical link the real URL."""
    published = published_at(article).isoformat()
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(article.title)} | {html.escape(article.outlet)}</title>
<link rel="canonical" href="{html.escape(article.url)}">
<meta property="article:published_time" content="{published}"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>{html.escape(article.title)}</h1>
<p>{html.escape(article.lead)}</p></article></main>
<footer><p>{html.escape(article.outlet)}</p></footer></body></html>"""


def outlet_feed(outlet: str, articles: Sequence[GoldArticle], base: str) -> str:
    """The outlet's RSS feed listing `articles` (newest first)."""
    items = []
    for a in sorted(articles, key=lambda a: (a.published, a.id), reverse=True):
        link = base + _page_path(a)
        when = format_datetime(published_at(a))
        items.append(
            f"<item><title>{html.escape(a.title)}</title><link>{link}</link><guid>{link}</guid>"
            f"<pubDate>{when}</pubDate><description>{html.escape(a.lead)}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{html.escape(outlet)}</title><link>https://{html.escape(outlet)}/</link>"
        f"<description>{html.escape(outlet)}</description>{''.join(items)}</channel></rss>"
    )


# The outlets' port is part of every article's URL, hence of its id, which orders same-time articles:
# a fixed port keeps the ids, and so the figures, the same from run to run. Taken (another harness
# runs): any free port, and the figures may then differ a little (SetReport says so).
SITE_PORT = 47816


def bind_site(handler: type[BaseHTTPRequestHandler]) -> ThreadingHTTPServer:
    """The outlets' server on 127.0.0.1:SITE_PORT, else on a free port."""
    try:
        return ThreadingHTTPServer(("127.0.0.1", SITE_PORT), handler)
    except OSError:
        return ThreadingHTTPServer(("127.0.0.1", 0), handler)


class CoverageSite:
    """The set's outlets on 127.0.0.1: feeds list the articles published up to `visible_until`."""

    def __init__(self, articles: Sequence[GoldArticle]) -> None:
        self.articles = {a.id: a for a in articles}
        self.by_outlet: dict[str, list[GoldArticle]] = defaultdict(list)
        for a in articles:
            self.by_outlet[a.outlet].append(a)
        self.visible_until = date.min
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body, kind = site.respond(unquote(self.path.split("?", 1)[0]))
                data = body.encode("utf-8") if body is not None else b"not found"
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = bind_site(Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.fixed_port = self.server.server_address[1] == SITE_PORT
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def respond(self, path: str) -> tuple[str | None, str]:
        if path.startswith("/feeds/") and path.endswith(".xml"):
            outlet = path[len("/feeds/") : -len(".xml")]
            if outlet in self.by_outlet:
                visible = [a for a in self.by_outlet[outlet] if a.published <= self.visible_until]
                return outlet_feed(outlet, visible, self.base), "application/rss+xml; charset=utf-8"
        match = ARTICLE_PATH.search(path)
        if match and match.group(1) in self.articles:
            article = self.articles[match.group(1)]
            if article.published <= self.visible_until:
                return article_page(article), "text/html; charset=utf-8"
        return None, "text/plain"

    def feeds(self) -> list[dict[str, Any]]:
        """One [[feeds]] table per outlet."""
        return [{"name": outlet, "url": self.base + _feed_path(outlet)} for outlet in sorted(self.by_outlet)]

    def __enter__(self) -> CoverageSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


# --------------------------------------------------------------------------------------------
# The harness
# --------------------------------------------------------------------------------------------


def story_periods(articles: Sequence[GoldArticle], per: str) -> list[date]:
    """The last day of each week (Sunday) or month that has articles, in order: one run each."""
    ends: set[date] = set()
    for a in articles:
        if per == "week":
            ends.add(a.published + timedelta(days=6 - a.published.weekday()))
        elif per == "month":
            following = date(a.published.year + a.published.month // 12, a.published.month % 12 + 1, 1)
            ends.add(following - timedelta(days=1))
        else:
            raise ValueError(f"per must be week or month, not {per!r}")
    return sorted(ends)


@dataclass
class HarnessResult:
    """What the pipeline made of a set: each article's thread, after the runs and after a rebuild."""

    runs: int
    threaded: dict[str, str]  # article id → thread id (articles with a thread)
    stored: int  # articles stored
    relevant: int  # … at or above the shipped [topic] min_relevance (the harness threads them all)
    rebuilt: dict[str, str] | None  # after `storywatch threads rebuild`; None: it could not run
    rebuild_note: str = ""
    run_errors: list[str] = field(default_factory=list)  # what the runs recorded (runs.errors), in order
    seconds: float = 0.0
    fixed_port: bool = True  # False: SITE_PORT was taken, article ids (and same-time order) differ from other runs


THREADED_URLS = "SELECT a.url, t.thread_id FROM thread_articles t JOIN articles a USING (article_id)"


def read_threads(db: Path, min_relevance: float) -> tuple[dict[str, str], int, int]:
    """(article id → thread id, articles stored, articles at or above `min_relevance`) from a
    warehouse of a harness run."""
    from warehouse.db import connect

    with connect(db, read_only=True) as con:
        stored = con.execute("SELECT count(*) FROM articles WHERE NOT is_seed").fetchone()
        relevant = con.execute(
            "SELECT count(*) FROM articles WHERE NOT is_seed AND relevance >= ?", [min_relevance]
        ).fetchone()
        threaded = con.execute(THREADED_URLS).fetchall()
    placed: dict[str, str] = {}
    for url, thread_id in threaded:
        match = ARTICLE_PATH.search(url)
        if match:
            placed[match.group(1)] = thread_id
    return placed, int(stored[0]) if stored else 0, int(relevant[0]) if relevant else 0


def rebuild_threads(config: Path) -> tuple[bool, str]:
    """`storywatch threads rebuild` on the harness's warehouse, as its own process (the public command)."""
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", "threads", "rebuild", "--config", str(config)],
        capture_output=True,
        text=True,
        cwd=config.parent,
        timeout=600,
    )
    if done.returncode == 0:
        return True, ""
    # typer frames its errors in a box: keep the words
    said = [line.strip(" │╭╮╰╯─") for line in (done.stderr or done.stdout).splitlines()]
    words = [line for line in said if any(c.isalpha() for c in line)]
    return False, f"exit {done.returncode}: {words[-1] if words else 'no message'}"


@contextlib.contextmanager
def progress_shown(shown: bool) -> Iterator[None]:
    """The pipeline's progress lines on standard error only when asked for (flows/progress.py)."""
    from flows.progress import ENV

    before = os.environ.get(ENV)
    if not shown:
        os.environ[ENV] = "off"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(ENV, None)
        else:
            os.environ[ENV] = before


def run_set(
    articles: Sequence[GoldArticle],
    work: Path,
    *,
    per: str = "week",
    threads_settings: Mapping[str, Any] | None = None,
    rebuild: bool = True,
    progress: bool = False,
) -> HarnessResult:
    """The real pipeline over `articles`, served from 127.0.0.1 into a warehouse in `work`: one run
    per `per` of story time in date order; then (with `rebuild`) a rebuild of its threads."""
    from bench.throughput import bench_config
    from flows.config import load_config
    from flows.pipeline import ingest_run

    started = time.perf_counter()
    seeds = work / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    (seeds / "manifest.toml").write_text("", encoding="utf-8")
    db = work / "threads.duckdb"
    with CoverageSite(articles) as site:
        tables: dict[str, dict[str, Any]] = {
            "warehouse": {"path": str(db)},
            "fetch": {"allow_hosts": ["127.0.0.1"], "per_host_delay_s": 0.0, "timeout_s": 10},
            "alerts": {"rules": []},  # alerts play no part in threading: their evaluation only costs time
            # Every labelled article is on the story by construction: the relevance gate (measured by
            # the extraction sets) is not what this scores, so all of them go on to threading.
            "topic": {"min_relevance": 0.0},
        }
        if threads_settings:
            tables["threads"] = dict(threads_settings)
        fixed_port = site.fixed_port
        config_path = bench_config(work, "storywatch", n_process=1, tables=tables, feeds=site.feeds())
        config = load_config(config_path)
        periods = story_periods(articles, per)
        run_errors: list[str] = []
        with progress_shown(progress):
            for number, end in enumerate(periods, 1):
                site.visible_until = end
                summary = ingest_run(config, seeds_dir=str(seeds), all_feeds=True)
                run_errors += [f"run {number} (to {end}): {e}" for e in summary.errors]
                if progress:
                    print(f"  run {number}/{len(periods)} (to {end}): {summary.status}", file=sys.stderr)
    shipped_gate = load_config(REPO_ROOT / "storywatch.toml").topic.min_relevance
    threaded, stored, relevant = read_threads(db, shipped_gate)
    rebuilt: dict[str, str] | None = None
    note = ""
    if rebuild:
        ok, note = rebuild_threads(config_path)
        if ok:
            rebuilt = read_threads(db, shipped_gate)[0]
    return HarnessResult(
        runs=len(periods),
        threaded=threaded,
        stored=stored,
        relevant=relevant,
        rebuilt=rebuilt,
        rebuild_note=note,
        run_errors=run_errors,
        seconds=time.perf_counter() - started,
        fixed_port=fixed_port,
    )


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


@dataclass
class SetReport:
    name: str
    articles: int
    developments: int
    result: HarnessResult
    threaded: PartitionScore
    all_articles: PartitionScore
    rebuilt: PartitionScore | None
    rebuild_identical: bool | None

    def figures(self) -> dict[str, Any]:
        r = self.result
        return {
            "articles": self.articles,
            "developments": self.developments,
            "runs": r.runs,
            "stored": r.stored,
            "relevant": r.relevant,
            "threaded": len(r.threaded),
            "seconds": round(r.seconds, 1),
            "threaded_figures": self.threaded.figures(),
            "all_articles_figures": self.all_articles.figures(),
            "rebuild_figures": self.rebuilt.figures() if self.rebuilt else None,
            "rebuild_identical": self.rebuild_identical,
            "rebuild_note": r.rebuild_note,
            "run_errors": r.run_errors,
            "fixed_port": r.fixed_port,
        }


def evaluate_set(name: str, articles: Sequence[GoldArticle], result: HarnessResult) -> SetReport:
    gold = {a.id: a.development for a in articles}
    dates = development_dates(articles)
    rebuilt = score_partition(gold, result.rebuilt, dates) if result.rebuilt is not None else None
    return SetReport(
        name=name,
        articles=len(articles),
        developments=len(set(gold.values())),
        result=result,
        threaded=score_partition(gold, result.threaded, dates),
        all_articles=score_partition(gold, with_singletons(gold, result.threaded), dates),
        rebuilt=rebuilt,
        rebuild_identical=None if result.rebuilt is None else same_partition(result.threaded, result.rebuilt),
    )


def same_partition(a: Mapping[str, str], b: Mapping[str, str]) -> bool:
    """The same articles grouped the same way (thread ids are stable, so they are compared too)."""
    return dict(a) == dict(b)


def format_report(report: SetReport, *, details: bool = False) -> str:
    r, s, everything = report.result, report.threaded, report.all_articles
    lines = [
        f"Story threads — {report.name}: {report.articles} articles, {report.developments} developments; "
        f"{r.runs} runs, {r.seconds:.0f} s",
        f"  stored {r.stored} (relevant at the shipped min_relevance: {r.relevant}; the harness threads"
        f" every article), threaded {len(r.threaded)} of {report.articles}",
    ]
    if not r.fixed_port:
        lines.append(f"  port {SITE_PORT} was taken: article ids differ, same-time articles may be ordered otherwise")
    if r.run_errors:
        lines.append(f"  runs recorded {len(r.run_errors)} errors; the first: {r.run_errors[0]}")
    if not r.threaded:
        lines.append("  no article has a thread (thread_articles is empty): nothing to score")
        return "\n".join(lines)
    lines += [
        f"  {'':38}{'precision':>10}{'recall':>8}{'F1':>7}",
        f"  {'B-cubed, threaded articles':38}{s.precision:>10.3f}{s.recall:>8.3f}{s.f1:>7.3f}",
        f"  {'B-cubed, all (unthreaded = own thread)':38}"
        f"{everything.precision:>10.3f}{everything.recall:>8.3f}{everything.f1:>7.3f}",
        f"  threads {s.threads} for {s.developments} developments",
        f"  developments split: {s.split} of {s.multi_article_developments} ({s.split_share:.1%}); "
        f"into more than two threads: {s.split_over_two} ({s.split_over_two_share:.1%})  [goal: 0]",
        f"  threads merging developments: {s.merging} of {s.threads} ({s.merging_share:.1%}); "
        f"of different weeks: {s.merging_weeks} ({s.merging_weeks_share:.1%})  [goal: 0]",
    ]
    if report.rebuilt is None:
        lines.append(f"  rebuild: not run ({r.rebuild_note or 'no rebuild'})")
    else:
        same = "identical to the runs" if report.rebuild_identical else "DIFFERS from the runs"
        lines.append(f"  rebuild: B-cubed F1 {report.rebuilt.f1:.3f}; threads {same}")
    if details:
        lines += [f"    split   {d}" for d in s.split_details]
        lines += [f"    merged  {d}" for d in s.merge_details]
    return "\n".join(lines)


def run_sets(
    names: Sequence[str],
    *,
    per: str = "week",
    threads_settings: Mapping[str, Any] | None = None,
    progress: bool = False,
    keep: Path | None = None,
) -> list[SetReport]:
    """Each named set through the harness, in the order given, each in its own temporary folder
    (with `keep`: keep/<set>, kept with its warehouse and config for `storywatch threads`)."""
    reports = []
    for name in names:
        articles = load_set(SETS[name])
        with contextlib.ExitStack() as stack:
            if keep is None:
                folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=f"threads-{name}-")))
            else:
                folder = keep / name
                if folder.exists():
                    raise FileExistsError(f"{folder} exists: --keep wants a folder of its own for each set")
            result = run_set(articles, folder, per=per, threads_settings=threads_settings, progress=progress)
        reports.append(evaluate_set(name, articles, result))
    return reports


def parse_setting(text: str) -> tuple[str, Any]:
    """KEY=VALUE for [threads]; the value read as TOML (a number, true/false, a quoted string)."""
    import tomllib

    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"{text!r}: expected KEY=VALUE")
    try:
        return key.strip(), tomllib.loads(f"v = {value.strip()}")["v"]
    except tomllib.TOMLDecodeError as exc:
        raise argparse.ArgumentTypeError(f"{text!r}: the value is not a TOML value: {exc}") from exc


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=(*SETS, "all"), default="all", help="one set (default: heldout, then dev)")
    parser.add_argument("--per", choices=("week", "month"), default="week", help="one pipeline run per week or month")
    parser.add_argument("--details", action="store_true", help="list the split developments and merging threads")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--threads",
        dest="settings",
        type=parse_setting,
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a [threads] setting for the runs (repeatable), e.g. join_threshold=0.35",
    )
    parser.add_argument("--progress", action="store_true", help="print each run on standard error")
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        metavar="DIR",
        help="keep each set's warehouse and config in DIR/<set> (a new folder) to look at with storywatch",
    )
    args = parser.parse_args(argv)
    names = list(SETS) if args.set == "all" else [args.set]
    from flows.config import ConfigError

    try:
        reports = run_sets(
            names, per=args.per, threads_settings=dict(args.settings), progress=args.progress, keep=args.keep
        )
    except (SetError, ConfigError, FileExistsError) as exc:  # a bad set, setting or --keep folder: named
        parser.error(str(exc))
    if args.json:
        json.dump({r.name: r.figures() for r in reports}, sys.stdout, indent=2)
        print()
    else:
        for report in reports:
            print(format_report(report, details=args.details))
            print()
    return 0


if __name__ == "__main__":
    with contextlib.suppress(BrokenPipeError):
        raise SystemExit(main())
