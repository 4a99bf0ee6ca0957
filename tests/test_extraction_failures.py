"""One bad document never stops the pipeline: it is stored with its error, retried, then given up.

The poison is injected where the flow receives extraction results: the extraction of a text with
MARKER comes back as `Extraction(error=...)`, as the extractors report a document whose processing
raised. Everything else is real: the ingest flow through Prefect, a feed on a local HTTP server,
spaCy, DuckDB files.
"""

from __future__ import annotations

import dataclasses
import html
import json
import subprocess
import sys
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from extractors import dedup
from extractors.extract import EXTRACTOR_VERSION, PublishedAt
from extractors.records import Event, Extraction, Mention
from extractors.relevance import RelevanceGate
from flows import pipeline
from flows.config import Config, NlpConfig, WarehouseConfig
from flows.documents import Document
from flows.reextract import reextract
from tests.helpers import CliInvoke, conditional_feed, fingerprint, local_config, rows, storywatch_env
from warehouse.load import batch_to_arrow

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
TROOPS = (FIXTURES / "story_troops.txt").read_text()
TRADE = (FIXTURES / "story_trade.txt").read_text()
MARKER = "POISON7Q"
POISONED = (
    "Kim Jong Un and Vladimir Putin met in Pyongyang on Tuesday to discuss their mutual defence treaty,"
    " while Beijing watched closely.\n"
    "North Korean troops have been sent to Russia's Kursk region, South Korean intelligence said.\n"
    "China's foreign ministry said the matter was for Moscow and Pyongyang alone.\n"
    f"Analysts in Seoul said Russia may give North Korea military technology in return (file {MARKER})."
)
POISON_ERROR = "RecursionError: maximum recursion depth exceeded"


def poison(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Texts with MARKER come back from extraction as failed (the others are really extracted);
    returns the number of poisoned texts per extraction call."""
    real = pipeline.extract_parallel
    calls: list[int] = []

    def extract(
        texts: Sequence[str],
        published_at: Sequence[PublishedAt] | None,
        config: Config,
        gate: RelevanceGate,
        languages: Sequence[str | None] | None = None,
    ) -> list[Extraction]:
        dates = list(published_at) if published_at is not None else [None] * len(texts)
        langs = list(languages) if languages is not None else [None] * len(texts)
        healthy = [i for i, t in enumerate(texts) if MARKER not in t]
        done = iter(
            real([texts[i] for i in healthy], [dates[i] for i in healthy], config, gate, [langs[i] for i in healthy])
        )
        calls.append(len(texts) - len(healthy))
        failed = Extraction(mentions=(), error=POISON_ERROR, word_count=42)
        return [next(done) if MARKER not in t else failed for t in texts]

    monkeypatch.setattr(pipeline, "extract_parallel", extract)
    return calls


def page(title: str, body: str) -> str:
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in body.strip().split("\n"))
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"</head><body><main><article><h1>{html.escape(title)}</h1>{paragraphs}</article></main></body></html>"
    )


class Site:
    """One feed of three stories (one poisoned), with conditional GET."""

    def __init__(self, server: HTTPServer) -> None:
        self.base = server.url_for("")
        self.stories = {
            "/news/troops": ("N. Korea sends more troops to Kursk", TROOPS),
            "/news/trade": ("China-N. Korea trade rises", TRADE),
            "/news/poisoned": ("Kim and Putin meet in Pyongyang", POISONED),
        }
        items = "".join(
            f"<item><title>{html.escape(title)}</title><link>{self.base}{path[1:]}</link>"
            f"<guid>{self.base}{path[1:]}</guid><pubDate>Wed, 12 Feb 2025 08:00:00 GMT</pubDate>"
            f"<description>{html.escape(title)}</description></item>"
            for path, (title, _) in self.stories.items()
        )
        self.feed_body = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Example</title>'
            f"<link>{self.base}</link><description>test</description>{items}</channel></rss>"
        )
        server.expect_request("/feed.xml").respond_with_handler(self.feed)
        for path, (title, body) in self.stories.items():
            server.expect_request(path).respond_with_data(page(title, body), content_type="text/html; charset=utf-8")

    def feed(self, request: Request) -> Response:
        return conditional_feed(request, self.feed_body)


@pytest.fixture
def site(httpserver: HTTPServer) -> Iterator[Site]:
    yield Site(httpserver)


def write_config(tmp_path: Path, feed_url: str | None, *, max_attempts: int) -> Path:
    feeds = [{"name": "Example", "url": feed_url, "poll_minutes": 30}] if feed_url else []
    warehouse = {"keep_text": False, "staging_dir": str(tmp_path / "staging")}
    more = f"""
[nlp]
max_extraction_attempts = {max_attempts}
[alerts]
jsonl = ""
console = false
[[alerts.rules]]
name = "any coverage"
kind = "new_coverage"
mode = "digest"
max_age_hours = 1000000
"""
    return local_config(tmp_path, feeds, warehouse=warehouse, more=more)


def write_seeds(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir()
    manifest = "".join(f'[[seed]]\nfile = "{name}"\npublished = "2024-11-01"\n' for name in texts)
    (folder / "manifest.toml").write_text(manifest)
    for name, text in texts.items():
        (folder / name).write_text(text)
    return folder


def one(db: Path, sql: str) -> tuple[Any, ...]:
    found = rows(db, sql)
    assert len(found) == 1, found
    return found[0]


def failure(db: Path) -> tuple[Any, ...]:
    return one(db, "select stage, error, extractor_version, attempts, status, run_id from extraction_failures")


def poisoned_article(db: Path) -> tuple[Any, ...]:
    """(article_id, text kept, relevance, mentions, truncated) of the poisoned story."""
    return one(
        db,
        "select a.article_id, a.text is not null, a.relevance, count(m.article_id), a.truncated"
        " from articles a left join mentions m using (article_id)"
        " where a.url like '%/news/poisoned' group by all",
    )


def counts(db: Path) -> tuple[int, ...]:
    return one(
        db,
        "select (select count(*) from articles), (select count(*) from mentions), (select count(*) from events),"
        " (select count(*) from article_urls), (select count(*) from article_signatures)",
    )


def test_a_poisoned_document_is_stored_retried_given_up_and_recovered_by_reextract(
    prefect_harness: None, tmp_path: Path, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = poison(monkeypatch)
    config = str(write_config(tmp_path, f"{site.base}feed.xml", max_attempts=3))
    seeds = str(write_seeds(tmp_path / "seeds", {"s.txt": "Moscow thanked Pyongyang. Beijing stayed silent."}))
    db = tmp_path / "w.duckdb"

    def run() -> pipeline.RunSummary:
        return pipeline.ingest(config_path=config, seeds_dir=seeds, all_feeds=True)

    first = run()
    assert first.status == "completed"
    assert (first.documents_extracted, first.documents_failed, first.documents_given_up) == (4, 1, 0)
    assert calls == [1]
    assert any("1 document(s) failed extraction" in e and POISON_ERROR in e for e in first.errors)
    # The others are loaded whole (keep_text = false: their text is dropped after extraction).
    healthy = rows(
        db,
        "select a.url, a.text is null, a.relevance, count(m.article_id) from articles a"
        " left join mentions m using (article_id) where a.url not like '%/news/poisoned' group by all order by 1",
    )
    assert len(healthy) == 3 and all(
        dropped and relevance is not None and n > 0 for _, dropped, relevance, n in healthy
    )
    assert rows(db, "select count(*) from events e join articles a using (article_id) where a.is_seed = false")[0][0]
    # The poisoned one is stored with its text (to retry from), no score, no derived rows.
    article_id, kept, relevance, mentions, truncated = poisoned_article(db)
    assert (kept, relevance, mentions, truncated) == (True, None, 0, False)
    assert failure(db) == ("extract", POISON_ERROR, EXTRACTOR_VERSION, 1, "retry", first.run_id)
    assert one(db, "select source_id, first_failed_at = last_failed_at from extraction_failures")[1] is True
    # The feed's state is saved (its ETag is what makes the next poll conditional), and the run says what failed.
    assert one(db, "select last_status, etag, last_fetch_at is not null from sources where kind = 'feed'") == (
        "ok",
        '"v1"',
        True,
    )
    errors, message = one(db, f"select errors, message from runs where run_id = '{first.run_id}'")
    assert errors == 1 and "failed extraction" in message and article_id in message
    assert rows(db, f"select count(*) from alerts where article_id = '{article_id}'") == [(0,)]
    stored = counts(db)

    # The feed is unchanged (304): the failed document is retried from its stored text, once per run.
    second = run()
    assert (second.retried, second.documents_extracted, second.documents_failed, second.recovered) == (1, 1, 1, 0)
    assert failure(db)[3:5] == (2, "retry")
    third = run()
    assert (third.retried, third.documents_failed, third.documents_given_up) == (1, 1, 1)
    assert failure(db)[3:] == (3, "given_up", third.run_id)
    assert calls == [1, 1, 1]
    assert counts(db) == stored  # retries replace, never add

    # Given up: later runs leave it aside, even once the extractor is fixed (same extractor version).
    fourth = run()
    assert (fourth.retried, fourth.documents_extracted) == (0, 0)
    monkeypatch.undo()
    assert run().documents_extracted == 0
    assert failure(db)[3:5] == (3, "given_up")

    # `reextract` tries it again (only it: the others kept no text) and it now loads.
    again = reextract(config_path=config)
    assert (again.documents_extracted, again.documents_failed, again.recovered) == (1, 0, 1)
    assert rows(db, "select count(*) from extraction_failures") == [(0,)]
    _, kept, relevance, mentions, _ = poisoned_article(db)
    assert not kept and relevance is not None and relevance >= 0.35 and mentions > 0
    assert rows(db, f"select count(*) from events where article_id = '{article_id}'")[0][0] > 0
    # The next run's alert rules see it as new coverage.
    run()
    assert rows(db, f"select count(*) from alerts where article_id = '{article_id}'") == [(1,)]

    # Nothing is duplicated by running again.
    settled, settled_counts = fingerprint(db), counts(db)
    assert settled_counts[0] == stored[0] and settled_counts[3:] == stored[3:]
    assert reextract(config_path=config).documents_extracted == 0
    assert run().documents_extracted == 0
    assert (fingerprint(db), counts(db)) == (settled, settled_counts)


def test_a_given_up_document_is_retried_under_a_new_extractor_version(
    prefect_harness: None, tmp_path: Path, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure in another step (here: the near-duplicate signature) is recorded the same way."""
    real_signature = dedup.signature

    def signature(text: str) -> tuple[int, ...]:
        if MARKER in text:
            raise ValueError("cannot hash this text")
        return real_signature(text)

    monkeypatch.setattr(dedup, "signature", signature)
    config = str(write_config(tmp_path, f"{site.base}feed.xml", max_attempts=1))
    seeds = str(write_seeds(tmp_path / "seeds", {"s.txt": "Moscow thanked Pyongyang."}))
    db = tmp_path / "w.duckdb"

    def run() -> pipeline.RunSummary:
        return pipeline.ingest(config_path=config, seeds_dir=seeds, all_feeds=True)

    first = run()
    assert (first.status, first.documents_failed, first.documents_given_up) == ("completed", 1, 1)
    assert failure(db)[:5] == ("dedup", "ValueError: cannot hash this text", EXTRACTOR_VERSION, 1, "given_up")
    article_id = poisoned_article(db)[0]
    assert one(db, f"select cluster_id from articles where article_id = '{article_id}'") == (article_id,)
    assert rows(db, f"select count(*) from article_signatures where article_id = '{article_id}'") == [(0,)]
    assert rows(db, "select count(*) from article_signatures") == [(2,)]  # the two healthy feed stories
    assert run().retried == 0

    monkeypatch.setattr(dedup, "signature", real_signature)
    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", "next")
    upgraded = run()
    assert (upgraded.retried, upgraded.recovered, upgraded.documents_failed) == (1, 1, 0)
    assert rows(db, "select count(*) from extraction_failures") == [(0,)]
    assert poisoned_article(db)[2] is not None
    assert rows(db, f"select count(*) from article_signatures where article_id = '{article_id}'") == [(1,)]
    # Recovered in an ingest run: that run's alert rules already treat it as new coverage.
    assert rows(db, f"select count(*) from alerts where article_id = '{article_id}'") == [(1,)]


# --- build_batch on its own: relevance and row building are isolated per document ----------------


def document(name: str, text: str) -> Document:
    return Document(
        article_id=f"id-{name}",
        source_id="seed",
        url=f"seed:{name}",
        title=name,
        published_at=datetime(2024, 11, 1),
        published_approx=False,
        fetched_at=datetime(2024, 11, 2),
        text=text,
        text_hash=f"hash-{name}",
        is_seed=True,
    )


MENTION = Mention(text="Pyongyang", label="GPE", entity_id="PRK", start=0, end=9, sentence_index=0, metonymy=True)


def event(event_date: date | None) -> Event:
    return Event(
        event_type="AGREE",
        mode=None,
        actor_id="PRK",
        actor_text="Pyongyang",
        recipient_id="RUS",
        recipient_text="Moscow",
        location_id=None,
        event_date=event_date,
        quantity=None,
        negated=False,
        hedged=False,
        sentence="Pyongyang agreed with Moscow.",
        start=0,
        end=29,
    )


def batch_of(
    extractions: dict[str, Extraction], prior: dict[str, dict[str, Any]] | None = None, max_attempts: int = 3
) -> tuple[Any, dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    config = Config(warehouse=WarehouseConfig(keep_text=False), nlp=NlpConfig(max_extraction_attempts=max_attempts))
    run = {"run_id": "run-1", "started_at": datetime(2024, 11, 3), "status": "completed"}
    documents = [document(name, f"Pyongyang agreed with Moscow. ({name})") for name in extractions]
    batch = pipeline.build_batch(run, documents, list(extractions.values()), config, prior_failures=prior)
    articles = {r["article_id"]: r for r in batch.articles}
    failed = {r["article_id"]: r for r in batch.extraction_failures}
    return batch, articles, failed


def test_a_document_whose_rows_cannot_be_built_fails_alone() -> None:
    good = Extraction(mentions=(MENTION,), events=(event(date(2024, 11, 1)),), word_count=5, relevance=0.9)
    # Neither an actor id nor its words (an uncoded actor keeps its words, migration 015): no id can be made.
    actorless = dataclasses.replace(event(date(2024, 11, 1)), actor_id=None, actor_text=None)
    bad = Extraction(mentions=(MENTION,), events=(actorless,), word_count=5, relevance=0.9)
    batch, articles, failed = batch_of({"good": good, "bad": bad})
    assert set(articles) == {"id-good", "id-bad"} and set(failed) == {"id-bad"}
    assert failed["id-bad"]["stage"] == "rows" and failed["id-bad"]["error"].startswith("TypeError: ")
    assert (failed["id-bad"]["attempts"], failed["id-bad"]["status"]) == (1, "retry")
    # The failed article keeps its text (keep_text = false notwithstanding) and none of its rows.
    assert (
        articles["id-bad"]["relevance"] is None and articles["id-bad"]["text"] == "Pyongyang agreed with Moscow. (bad)"
    )
    assert articles["id-good"]["text"] is None and articles["id-good"]["relevance"] == 0.9
    assert {r["article_id"] for r in batch.mentions} == {"id-good"}
    assert {r["article_id"] for r in batch.events} == {"id-good"}


def test_a_value_no_column_can_hold_fails_its_document_only() -> None:
    """A text saying "North Korea sent 100000000000000000000000 troops" gives an event quantity of
    10^23, which no BIGINT holds."""
    huge = dataclasses.replace(event(date(2024, 11, 1)), quantity=10**23)
    good = Extraction(mentions=(MENTION,), events=(event(date(2024, 11, 1)),), word_count=5, relevance=0.9)
    bad = Extraction(mentions=(MENTION,), events=(huge,), word_count=5, relevance=0.9)
    batch, articles, failed = batch_of({"good": good, "bad": bad, "also-good": good})
    assert set(failed) == {"id-bad"} and failed["id-bad"]["stage"] == "rows"
    assert "events" in failed["id-bad"]["error"]  # names the table
    assert set(articles) == {"id-good", "id-bad", "id-also-good"}
    assert {r["article_id"] for r in batch.events} == {"id-good", "id-also-good"}
    batch_to_arrow(batch)  # the rest loads


def test_a_document_whose_relevance_cannot_be_scored_fails_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    from extractors.relevance import RelevanceGate

    real_score = RelevanceGate.score

    def score(self: RelevanceGate, entity_ids: Any, text: str, words: int) -> float:
        if "(bad)" in text:
            raise ZeroDivisionError("division by zero")
        return real_score(self, entity_ids, text, words)

    monkeypatch.setattr(RelevanceGate, "score", score)
    unscored = Extraction(mentions=(MENTION,), word_count=5)  # extracted without the gate: scored here
    _, articles, failed = batch_of({"good": unscored, "bad": unscored})
    assert set(failed) == {"id-bad"} and failed["id-bad"]["stage"] == "relevance"
    assert articles["id-good"]["relevance"] is not None and articles["id-bad"]["relevance"] is None


def test_attempts_count_per_extractor_version() -> None:
    broken = Extraction(mentions=(), error="ValueError: [E088] Text of length 1500000 exceeds maximum", truncated=True)
    first = datetime(2024, 10, 1)
    prior = {
        "id-again": {"attempts": 2, "extractor_version": EXTRACTOR_VERSION, "first_failed_at": first},
        "id-upgraded": {"attempts": 3, "extractor_version": "0", "first_failed_at": first},
    }
    _, articles, failed = batch_of({"new": broken, "again": broken, "upgraded": broken}, prior)
    summary = {k: (r["attempts"], r["status"], r["first_failed_at"]) for k, r in failed.items()}
    assert summary == {
        "id-new": (1, "retry", datetime(2024, 11, 3)),
        "id-again": (3, "given_up", first),
        "id-upgraded": (1, "retry", first),
    }
    assert all(r["truncated"] for r in articles.values())


def test_failures_and_truncation_are_staged_and_loaded_with_the_batch(tmp_path: Path) -> None:
    """A batch staged while the warehouse was locked carries its failures and `truncated` flags."""
    from warehouse.db import connect
    from warehouse.staging import WarehouseIdentity, load_staged, read_staged, stage_tables

    cut = Extraction(mentions=(MENTION,), word_count=5, relevance=0.9, truncated=True)
    broken = Extraction(mentions=(), error="RecursionError: maximum recursion depth exceeded")
    batch, _, _ = batch_of({"cut": cut, "broken": broken})
    tables = batch_to_arrow(batch)
    db = tmp_path / "w.duckdb"
    folder = stage_tables(tmp_path / "staging", batch.run, tables, WarehouseIdentity.of(db, None))
    _, staged = read_staged(folder)
    assert staged["extraction_failures"].equals(tables["extraction_failures"])
    with connect(db) as con:
        load_staged(con, tmp_path / "staging")
    assert rows(db, "select article_id, stage, attempts, status, run_id from extraction_failures") == [
        ("id-broken", "extract", 1, "retry", "run-1")
    ]
    assert rows(db, "select article_id, truncated, relevance is null from articles order by 1") == [
        ("id-broken", False, True),
        ("id-cut", True, False),
    ]


# --- the whole process --------------------------------------------------------------------------

RUNNER = f"""
import sys
sys.path.insert(0, {str(REPO)!r})
from extractors.records import Extraction
from flows import pipeline
real = pipeline.extract_parallel
def extract(texts, published_at, config, gate, languages=None):
    healthy = [i for i, t in enumerate(texts) if {MARKER!r} not in t]
    langs = [languages[i] for i in healthy] if languages is not None else None
    done = iter(real([texts[i] for i in healthy], [published_at[i] for i in healthy], config, gate, langs))
    return [next(done) if {MARKER!r} not in t else Extraction(mentions=(), error={POISON_ERROR!r}) for t in texts]
pipeline.extract_parallel = extract
from flows.cli import app
app()
"""


@pytest.mark.slow
def test_storywatch_run_exits_0_with_a_failing_document(tmp_path: Path, cli: CliInvoke) -> None:
    """`storywatch run` as a real process (its extraction poisoned as above), then `failures` and
    `feeds` on what it stored."""
    seeds = write_seeds(
        tmp_path / "seeds",
        {
            "good.txt": "Moscow thanked Pyongyang.",
            "bad.txt": POISONED,
            # A real poison, not injected: today's extractors read 10^23 troops, which no BIGINT holds.
            "huge.txt": "North Korea sent 100000000000000000000000 troops to Russia, Seoul said.",
        },
    )
    config = write_config(tmp_path, None, max_attempts=3)
    runner = tmp_path / "poisoned_storywatch.py"
    runner.write_text(RUNNER)
    ran = subprocess.run(
        [sys.executable, str(runner), "run", "--offline", "--config", str(config), "--seeds", str(seeds)],
        cwd=tmp_path,
        env=storywatch_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ran.returncode == 0, ran.stderr
    assert "failed extraction" in ran.stdout and "document(s) failed extraction" in ran.stderr

    listed = cli("failures", "--config", str(config), "--format", "json", cwd=tmp_path)
    assert listed.exit_code == 0, listed.stderr
    entries = {e["url"]: e for e in json.loads(listed.stdout)}
    entry = entries["seed:bad.txt"]
    assert (entry["status"], entry["attempts"], entry["error"]) == ("retry", 1, POISON_ERROR)
    assert entry["extractor_version"] == EXTRACTOR_VERSION and entry["source"] == "Seed corpus"
    huge_failed = "seed:huge.txt" in entries  # unless the extractors come to read such numbers otherwise
    if huge_failed:
        assert entries["seed:huge.txt"]["stage"] == "rows" and "events" in entries["seed:huge.txt"]["error"]
    stored = rows(tmp_path / "w.duckdb", "select url, relevance is not null from articles order by url")
    assert stored == [("seed:bad.txt", False), ("seed:good.txt", True), ("seed:huge.txt", not huge_failed)]

    table = cli("failures", "--config", str(config), cwd=tmp_path)
    assert table.exit_code == 0 and "retry" in table.stdout and f"{len(entries)} failed document(s)" in table.stdout
    given_up = cli("failures", "--config", str(config), "--status", "given_up", "-f", "csv", cwd=tmp_path)
    assert given_up.exit_code == 0 and given_up.stdout.count("\n") == 1  # the header only
    refused = cli("failures", "--config", str(config), "--status", "stuck", cwd=tmp_path)
    assert refused.exit_code == 2 and "stuck" in refused.stderr
    feeds = cli("feeds", "--config", str(config), cwd=tmp_path)
    assert feeds.exit_code == 0, feeds.stderr
    closing = f"{len(entries)} document(s) failed extraction ({len(entries)} to retry, 0 given up)"
    assert f"{closing}: see `storywatch failures`" in feeds.stdout
