"""Fuzz: every extractor over every text the project can reach, and over generated pathological ones.

The sources: the 181 pages and article bodies of shared/data/article-extraction, every file of the
feedparser corpus (its entries' titles, summaries and contents), the seed, and the generated texts
and pages of tests/pathological.py (1.5M characters, a 10,000-word sentence, 500-deep clauses and
coordination, 500 names, deep brackets and quotes, control characters, mixed scripts, emoji, RTL
marks, zero-width joiners, combining characters, HTML nested 100,000 deep).

The extractors: extract_article and clean_html_fragment on HTML, parse_feed (in process, and bounded
in its worker for the generated feeds) on feed bytes, extract_texts with the relevance gate and
without it (so events, quotes and claims run on everything), dedup.signature, resolve_date.

What is asserted: nothing raises, no record carries an error, and no document takes longer than
WATCHDOG_S (measured one by one; the slowest are printed with -s). With NLP batched, a document's
time is the time until its record came out, which includes its batch's parse: an upper bound.
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

import pytest

from extractors import dedup
from extractors.article import extract_article
from extractors.dates import resolve_date
from extractors.extract import extract_texts
from extractors.feeds import parse_feed
from extractors.html_fragment import clean_html_fragment
from extractors.nlp import load_pipeline
from extractors.records import Extraction
from extractors.relevance import RelevanceGate
from flows.feeds.parse import parse_feed_bounded
from tests import pathological

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
WATCHDOG_S = 60.0  # generous: the slowest document measured takes a few seconds on a loaded machine
GATE = RelevanceGate(("CHN", "PRK", "RUS"), ("Kursk", "troops", "mutual defense"), 0.35)
REFERENCE = datetime(2024, 11, 8, 12)

T = TypeVar("T")


class Stopwatch:
    """Each document's time, per extractor; the slowest are reported at the end of the module."""

    def __init__(self) -> None:
        self.times: list[tuple[float, str, str]] = []

    def run(self, what: str, name: str, call: Callable[[], T]) -> T:
        started = time.perf_counter()
        result = call()
        self.record(what, name, time.perf_counter() - started)
        return result

    def record(self, what: str, name: str, seconds: float) -> None:
        self.times.append((seconds, what, name))
        assert seconds < WATCHDOG_S, f"{what} took {seconds:.1f}s on {name}"

    def timed(self, what: str, names: list[str], results: Iterator[T]) -> Iterator[T]:
        """A generator's items, each timed from the previous one (batched NLP)."""
        started = time.perf_counter()
        for name, result in zip(names, results, strict=True):
            now = time.perf_counter()
            self.record(what, name, now - started)
            started = now
            yield result


@pytest.fixture(scope="module")
def stopwatch() -> Iterator[Stopwatch]:
    watch = Stopwatch()
    yield watch
    print("\nslowest documents:")
    for seconds, what, name in sorted(watch.times, reverse=True)[:8]:
        print(f"  {seconds:6.2f}s  {what:<22} {name[:90]}")


@pytest.fixture(scope="module")
def seed_text() -> str:
    return (REPO / "seeds" / "000_55ac9cc17b546c97.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article_pages(shared_dir: Path) -> list[tuple[str, bytes]]:
    folder = shared_dir / "data" / "article-extraction" / "html"
    return [(path.name, gzip.decompress(path.read_bytes())) for path in sorted(folder.glob("*.html.gz"))]


@pytest.fixture(scope="module")
def article_bodies(shared_dir: Path) -> list[tuple[str, str]]:
    truth = json.loads((shared_dir / "data" / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    return [(f"body {key}", value["articleBody"]) for key, value in sorted(truth.items())]


@pytest.fixture(scope="module")
def feed_files(shared_dir: Path) -> list[Path]:
    root = shared_dir / "data" / "feedparser-corpus"
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name != "LICENSE")


@pytest.fixture(scope="module")
def feed_texts(feed_files: list[Path], stopwatch: Stopwatch) -> list[tuple[str, str]]:
    """Every feed file through parse_feed; its entries' titles and cleaned summaries, as texts."""
    texts: list[tuple[str, str]] = []
    for path in feed_files:
        parsed = stopwatch.run(
            "parse_feed", path.name, lambda p=path: parse_feed(p.read_bytes(), url="http://example.org/")
        )
        assert parsed.error is None or not parsed.error.startswith("feed parser failed"), (path, parsed.error)
        for i, entry in enumerate(parsed.entries):
            for field, value in (("title", entry.title), ("summary", entry.summary_html)):
                if value:
                    text = stopwatch.run("clean_html_fragment", path.name, lambda v=value: clean_html_fragment(v))
                    texts.append((f"{path.parent.name}/{path.name} entry {i} {field}", text))
    return texts


@pytest.fixture(scope="module")
def all_texts(
    seed_text: str, article_bodies: list[tuple[str, str]], feed_texts: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """Every distinct text (the feed corpus repeats "Example entry" and the like hundreds of times)."""
    unique: dict[str, str] = {}
    generated = [(f"generated: {name}", text) for name, text in pathological.texts(seed_text)]
    for name, text in [("seed", seed_text), *article_bodies, *feed_texts, *generated]:
        unique.setdefault(text, name)
    return [(name, text) for text, name in unique.items()]


def test_the_corpora_are_all_there(
    article_pages: list[tuple[str, bytes]], article_bodies: list[tuple[str, str]], feed_files: list[Path]
) -> None:
    assert len(article_pages) == 181 and len(article_bodies) == 181
    assert len(feed_files) >= 2_100


def test_html_extractors_never_raise(
    article_pages: list[tuple[str, bytes]], seed_text: str, stopwatch: Stopwatch
) -> None:
    pages: list[tuple[str, bytes | str]] = [*article_pages, *pathological.html_pages(seed_text)]
    found = 0
    for name, html in pages:
        article = stopwatch.run("extract_article", name, lambda h=html: extract_article(h, url="https://example.org/a"))
        found += article is not None and bool(article.text)
        text = html if isinstance(html, str) else html.decode("utf-8", "replace")
        stopwatch.run("clean_html_fragment", name, lambda t=text: clean_html_fragment(t))
    assert found >= 170  # the real pages have their article


def test_generated_feeds_parse_in_the_bounded_worker(seed_text: str, stopwatch: Stopwatch) -> None:
    item = "<item><title>{}</title><description>{}</description></item>"
    nested = "<div>" * 10_000 + "North Korea sent troops." + "</div>" * 10_000
    feeds = {
        "10k items": "".join(item.format(f"Item {i}", "Russia and China.") for i in range(10_000)),
        "1.5M-character description": item.format("Long", ("Troops moved. " * 110_000)),
        "10k-deep HTML in a description": item.format("Deep", nested.replace("<", "&lt;").replace(">", "&gt;")),
        "control characters": item.format("\x01\x02 Kim", "\x00\x0b" * 1_000 + seed_text[:2_000]),
        "10k-deep XML in an item": item.format("Deep", "<x>" * 10_000 + "Kim" + "</x>" * 10_000),
        "mixed scripts": item.format("Россия 北朝鮮 대한민국 الصين 🇷🇺\u202e", "\u200d" * 1_000),
    }
    json_feed = '{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": ' + "[" * 100_000
    parsed = stopwatch.run(
        "parse_feed_bounded",
        "JSON Feed 100k deep",
        lambda: parse_feed_bounded(json_feed.encode(), timeout_s=WATCHDOG_S),
    )
    assert parsed.error is not None and not parsed.error.startswith(("feed parser failed", "feed parsing took"))
    for name, items in feeds.items():
        body = (
            f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'
        )
        parsed = stopwatch.run(
            "parse_feed_bounded", name, lambda b=body: parse_feed_bounded(b.encode(), timeout_s=WATCHDOG_S)
        )
        assert parsed.error is None or not parsed.error.startswith(("feed parser failed", "feed parsing took")), (
            name,
            parsed.error,
        )
        for entry in parsed.entries[:50]:
            stopwatch.run("clean_html_fragment", name, lambda e=entry: clean_html_fragment(e.summary_html or ""))


def test_dedup_and_dates_never_raise(all_texts: list[tuple[str, str]], stopwatch: Stopwatch) -> None:
    seed_words = all_texts[0][1]
    references: list[date | None] = [None, date(2024, 11, 8), date(1, 1, 1), date(9999, 12, 31)]
    for name, text in all_texts:
        signature = stopwatch.run("dedup.signature", name, lambda t=text: dedup.signature(t))
        assert len(signature) in (0, len(dedup.signature(seed_words)))  # empty for texts under one shingle
        # Dates are resolved from date phrases; give it the text's first stretch, which holds any.
        for reference in references:
            stopwatch.run("resolve_date", name, lambda t=text, r=reference: resolve_date(t[:2_000], r))


@pytest.mark.parametrize("gated", [False, True], ids=["every text through events-quotes-claims", "gated"])
def test_nlp_extraction_never_fails(all_texts: list[tuple[str, str]], stopwatch: Stopwatch, gated: bool) -> None:
    nlp = load_pipeline()
    names = [name for name, _ in all_texts]
    dates = [REFERENCE if i % 2 else REFERENCE.replace(tzinfo=UTC) for i in range(len(all_texts))]
    generated = {name for name in names if name.startswith("generated: ")}
    extractions: list[Extraction] = []
    # The real texts in batches of 32, as the pipeline reads them; the generated ones one by one, so
    # each one's time is its own.
    for batch_size, part in (
        (32, [i for i, n in enumerate(names) if n not in generated]),
        (1, [i for i, n in enumerate(names) if n in generated]),
    ):
        records = extract_texts(
            nlp,
            [all_texts[i][1] for i in part],
            published_at=[dates[i] for i in part],
            gate=GATE if gated else None,
            batch_size=batch_size,
        )
        extractions += stopwatch.timed("extract (gated)" if gated else "extract", [names[i] for i in part], records)
    names = [n for n in names if n not in generated] + [n for n in names if n in generated]
    failed = [(name, e.error) for name, e in zip(names, extractions, strict=True) if e.error is not None]
    assert not failed
    by_name: dict[str, Any] = dict(zip(names, extractions, strict=True))
    assert by_name["seed"].events and by_name["generated: 1.5M characters"].truncated
    bodies = [e for name, e in by_name.items() if name.startswith("body ")]
    assert sum(1 for e in bodies if e.mentions) > 0.9 * len(bodies)  # it really read them
