"""Deadlines that hold, against hostile local servers: stalling pages, a trickling feed, a feed
that asks to be retried in 100,000 s, while another host serves quickly. Bounds are generous
watchdogs (the machine is shared); without the deadlines each case would take minutes."""

from __future__ import annotations

import html
import re
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from flows.config import ConfigError, FeedConfig, FetchConfig, load_config
from flows.feeds.fetch import Fetcher, FetchSettings
from flows.feeds.polling import fetch_articles, plan_fetches, poll_feed, poll_feeds, run_deadline_from_now
from flows.pipeline import ingest
from tests.helpers import local_config, rows, trickling_server

TROOPS = (Path(__file__).parent / "fixtures" / "story_troops.txt").read_text()


def rss(links: list[str]) -> str:
    items = "".join(
        f"<item><title>Story {i}</title><link>{link}</link>"
        f"<pubDate>Wed, 12 Feb 2025 {i // 60:02d}:{i % 60:02d}:00 GMT</pubDate>"
        f"<description>Summary of story {i}: {html.escape(link)}</description></item>"
        for i, link in enumerate(links)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'


def article(i: int) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)} (story {i})</p>" for p in TROOPS.strip().split("\n") if p.strip())
    return f"<html><head><title>Story {i}</title></head><body><article><h1>Story {i}</h1>{paragraphs}</article></body>"


class Hostile:
    """127.0.0.1: /feed.xml lists 50 pages that stall until released; /busy.xml answers 503 with
    Retry-After: 100000."""

    def __init__(self, server: HTTPServer, pages: int = 50) -> None:
        self.server = server
        self.base = f"http://127.0.0.1:{server.port}/"
        self.release = threading.Event()
        self.page_requests: list[str] = []
        server.expect_request("/feed.xml").respond_with_data(
            rss([f"{self.base}stall/{i}" for i in range(pages)]), content_type="application/rss+xml"
        )
        server.expect_request("/busy.xml").respond_with_data(b"", status=503, headers={"Retry-After": "100000"})
        # An absurd Retry-After must not overflow anything.
        server.expect_request("/absurd.xml").respond_with_data(b"", status=429, headers={"Retry-After": "9" * 400})
        server.expect_request(re.compile(r"^/stall/\d+$")).respond_with_handler(self.stall)

    def stall(self, request: Request) -> Response:
        self.page_requests.append(request.path)
        self.release.wait(30)
        return Response(article(int(request.path.rsplit("/", 1)[1])), content_type="text/html")


@pytest.fixture
def hostile() -> Iterator[Hostile]:
    server = HTTPServer(host="127.0.0.1", threaded=True)
    server.start()
    site = Hostile(server)
    yield site
    site.release.set()
    server.clear()
    server.stop()


@pytest.fixture
def trickle_url() -> Iterator[str]:
    """A raw server that answers every connection with headers, then one body byte every 100 ms."""
    with trickling_server("/feed.xml", every_s=0.1) as url:
        yield url


def quick_site(server: HTTPServer) -> str:
    """localhost (another host than 127.0.0.1 for politeness): a feed of 5 pages served at once."""
    base = f"http://localhost:{server.port}/"
    server.expect_request("/quick.xml").respond_with_data(
        rss([f"{base}quick/{i}" for i in range(5)]), content_type="application/rss+xml"
    )
    for i in range(5):
        server.expect_request(f"/quick/{i}").respond_with_data(article(100 + i), content_type="text/html")
    return f"{base}quick.xml"


def test_a_hostile_host_cannot_hold_the_run(
    prefect_harness: None,
    tmp_path: Path,
    httpserver: HTTPServer,
    hostile: Hostile,
    trickle_url: str,
    no_seeds: Path,
) -> None:
    quick = quick_site(httpserver)
    feeds = [
        {"name": "Stalling pages", "url": f"{hostile.base}feed.xml"},
        {"name": "Retry tomorrow", "url": f"{hostile.base}busy.xml"},
        {"name": "Absurd", "url": f"{hostile.base}absurd.xml"},
        {"name": "Trickle", "url": trickle_url},
        {"name": "Quick", "url": quick},
    ]
    deadlines = {
        "timeout_s": 0.5,
        "fetch_deadline_s": 1.0,
        "feed_deadline_s": 600,
        "run_deadline_s": 5,
        "max_retry_after_s": 30,
    }
    config = local_config(tmp_path, feeds, fetch=deadlines)
    seeds = no_seeds
    db = tmp_path / "w.duckdb"
    started = time.monotonic()
    summary = ingest(config_path=str(config), seeds_dir=str(seeds))
    elapsed = time.monotonic() - started
    assert summary.status == "completed"
    # 50 stalling pages with 3 attempts each would take minutes; the run deadline (5 s) cuts it.
    # The rest of the bound is Prefect and NLP on a busy shared machine.
    assert elapsed < 40, elapsed

    # The quick host was not held up: all its articles are loaded with their full text.
    quick_rows = rows(db, "select summary_only, fetch_error from articles where url like '%/quick/%'")
    assert quick_rows == [(False, None)] * 5

    # The stalling pages: those tried are stored from the feed summary with the reason; the others
    # are in the backlog. Nothing lost.
    stalled = rows(db, "select summary_only, fetch_error from articles where url like '%/stall/%'")
    assert stalled and all(only and error.startswith("timeout:") for only, error in stalled)
    pending = rows(db, "select pending_items from sources where name = 'Stalling pages'")[0][0]
    assert pending > 0 and len(stalled) + pending == 50
    assert rows(db, "select count(*) from feed_backlog") == [(pending,)]

    errors = dict(rows(db, "select name, last_error from sources where last_status = 'error'"))
    assert "100000s" in errors["Retry tomorrow"] and "giving up" in errors["Retry tomorrow"]
    assert "deadline" in errors["Trickle"] and "timeout" not in errors.get("Quick", "")
    assert set(errors) == {"Retry tomorrow", "Absurd", "Trickle"} and "giving up" in errors["Absurd"]
    # Retry-After also sets the next poll (capped at a day), instead of the 2 h failure backoff.
    waits = rows(db, "select next_fetch_at - last_fetch_at from sources where name like 'Retry%' or name = 'Absurd'")
    assert [w[0].total_seconds() for w in waits] == [24 * 3600] * 2

    # The next run, with the pages now answering, works the backlog off: 50 stories, each once.
    hostile.release.set()
    again = ingest(config_path=str(config), seeds_dir=str(seeds), all_feeds=True)
    assert again.status == "completed"
    assert rows(db, "select count(*), count(distinct url) from articles where url like '%/stall/%'") == [(50, 50)]
    assert rows(db, "select pending_items from sources where name = 'Stalling pages'") == [(0,)]
    assert rows(db, "select count(*) from articles where url like '%/stall/%' and not summary_only") == [
        (50 - len(stalled),)
    ]


def test_feed_deadline_bounds_a_feed_and_its_pages(hostile: Hostile) -> None:
    config = FetchConfig(
        timeout_s=0.4,
        fetch_deadline_s=0.5,
        feed_deadline_s=2.0,
        run_deadline_s=600,
        per_host_delay_s=0.0,
        allow_hosts=("127.0.0.1",),
    )
    feed = FeedConfig(name="Stalling pages", url=f"{hostile.base}feed.xml")
    now = datetime.now(UTC).replace(tzinfo=None)
    started = time.monotonic()
    run_deadline = run_deadline_from_now(config)
    polls = poll_feeds([feed], {}, now, config, run_deadline=run_deadline)
    plan = plan_fetches(polls, {}, set(), max_per_feed=50, max_backlog=100)
    assert len(plan.candidates) == 50
    documents, deferred = fetch_articles(
        plan.candidates,
        config,
        now,
        feed_deadlines={p.source["source_id"]: p.deadline for p in polls},
        run_deadline=run_deadline,
    )
    elapsed = time.monotonic() - started
    assert elapsed < 6, elapsed  # the feed's 2 s, with room for a busy machine
    assert documents and deferred and len(documents) + len(deferred) == 50
    assert all(d.summary_only and (d.fetch_error or "").startswith("timeout:") for d in documents)
    # Newest first: what was tried is newer than what waits.
    assert max(c.entry.published_at for c in deferred) < min(  # type: ignore[type-var]
        d.published_at.replace(tzinfo=UTC)  # type: ignore[union-attr]
        for d in documents
    )
    # Deferred pages were never requested (but the one a deadline cut off mid-fetch)
    assert len(documents) <= len(hostile.page_requests) <= len(documents) + 1


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("fetch_deadline_s = 0", "fetch.fetch_deadline_s"),
        ("feed_deadline_s = -5", "fetch.feed_deadline_s"),
        ("run_deadline_s = inf", "fetch.run_deadline_s"),
        ("run_deadline_s = nan", "fetch.run_deadline_s"),
        ("max_retry_after_s = -1", "fetch.max_retry_after_s"),
        ("max_backlog_per_feed = -1", "fetch.max_backlog_per_feed"),
        ('allow_hosts = ["127.0.0.1:99999"]', "fetch.allow_hosts[0]"),
        ('allow_hosts = ["[::1"]', "fetch.allow_hosts[0]"),
    ],
)
def test_bad_fetch_keys_are_named(tmp_path: Path, line: str, key: str) -> None:
    path = tmp_path / "storywatch.toml"
    path.write_text(f"[fetch]\n{line}\n")
    with pytest.raises(ConfigError, match=re.escape(f"'{key}'")):
        load_config(path)


def test_feeds_reached_after_the_run_deadline_are_deferred_untouched(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(rss([]), content_type="application/rss+xml")
    feed = FeedConfig(name="Late", url=f"http://127.0.0.1:{httpserver.port}/feed.xml")
    config = FetchConfig(timeout_s=5, per_host_delay_s=0.0, allow_hosts=("127.0.0.1",))
    state = {"source_id": "kept", "etag": '"e1"', "consecutive_failures": 3, "next_fetch_at": None}
    polls = poll_feeds([feed], {}, datetime(2026, 1, 1), config, run_deadline=time.monotonic() - 1)
    assert [(p.deferred, p.error) for p in polls] == [(True, None)] and httpserver.log == []
    # The feed's stored state is what it was: a deferred poll is not a failure.

    with Fetcher(FetchSettings(allow_hosts=("127.0.0.1",))) as fetcher:
        late = poll_feed(fetcher, feed, state, datetime(2026, 1, 1), parse_timeout_s=5, run_deadline=fetcher.clock())
    assert late.deferred and late.source["consecutive_failures"] == 3 and "last_fetch_at" not in late.source
