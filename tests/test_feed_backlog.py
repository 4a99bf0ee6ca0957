"""No feed entry is skipped: entries beyond max_entries_per_feed wait in `feed_backlog` and are
worked off by later runs, even when the feed answers 304. A real local HTTP server stands in for
the web; the real flow loads a real warehouse."""

from __future__ import annotations

import html
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from extractors.feeds import FeedEntry
from extractors.urls import normalize_url
from flows.config import FeedConfig
from flows.feeds.polling import Candidate, FeedPoll, plan_fetches
from flows.pipeline import ingest
from tests.helpers import CliInvoke, local_config, rows

START = datetime(2026, 1, 1, tzinfo=UTC)
WORDS = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo")


def item_text(i: int) -> str:
    """A short text unique to item i (identical texts would be stored once, as aliases)."""
    return f"Item {i}: " + " ".join(WORDS[(i // 11**k) % 11] for k in range(4)) + f" report number {i}."


def rss(base: str, count: int) -> str:
    # Item i is published i minutes after START: the highest number is the newest.
    items = "".join(
        f"<item><title>Item {i}</title><link>{base}a/{i}</link><guid>{base}a/{i}</guid>"
        f"<pubDate>{(START + timedelta(minutes=i)).strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
        f"<description>{html.escape(item_text(i))}</description></item>"
        for i in range(count)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Long</title>{items}</channel></rss>'


def page(i: int) -> str:
    body = " ".join([item_text(i)] * 3)
    return f"<html><head><title>Item {i}</title></head><body><article><h1>Item {i}</h1><p>{body}</p></article></body>"


class LongFeed:
    """/feed.xml with `count` items (ETag, 304 when unchanged); /a/<i> pages."""

    def __init__(self, server: HTTPServer, count: int) -> None:
        self.base = server.url_for("/")
        self.body = rss(self.base, count)
        self.statuses: list[int] = []
        self.page_requests = 0
        server.expect_request("/feed.xml").respond_with_handler(self.feed)
        server.expect_request(re.compile(r"^/a/\d+$")).respond_with_handler(self.page)

    def feed(self, request: Request) -> Response:
        status = 304 if request.headers.get("If-None-Match") == '"v1"' else 200
        self.statuses.append(status)
        if status == 304:
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(self.body, content_type="application/rss+xml", headers={"ETag": '"v1"'})

    def page(self, request: Request) -> Response:
        self.page_requests += 1
        return Response(page(int(request.path.rsplit("/", 1)[1])), content_type="text/html")

    def url(self, i: int) -> str:
        return f"{self.base}a/{i}"


def write_config(tmp_path: Path, feed_url: str, **fetch: object) -> Path:
    return local_config(tmp_path, [{"name": "Long", "url": feed_url, "poll_minutes": 30}], fetch=fetch)


def stored_urls(db: Path) -> list[str]:
    return [r[0] for r in rows(db, "select url from articles where not is_seed")]


def pending(db: Path) -> int:
    return rows(db, "select pending_items from sources where kind = 'feed'")[0][0]


def test_55_items_50_then_5_while_the_feed_answers_304(
    prefect_harness: None, tmp_path: Path, httpserver: HTTPServer, no_seeds: Path, cli: CliInvoke
) -> None:
    site = LongFeed(httpserver, 55)
    config = write_config(tmp_path, f"{site.base}feed.xml")
    db = tmp_path / "w.duckdb"

    first = ingest(config_path=str(config), seeds_dir=str(no_seeds))
    assert first.status == "completed" and first.entries_pending == 5
    assert sorted(stored_urls(db)) == sorted(site.url(i) for i in range(5, 55))  # the 50 newest
    assert pending(db) == 5
    waiting = rows(db, "select url, entry->>'title', published_at from feed_backlog order by published_at desc")
    assert [w[0] for w in waiting] == [site.url(i) for i in (4, 3, 2, 1, 0)]
    assert waiting[0][1] == "Item 4" and waiting[0][2] == (START + timedelta(minutes=4)).replace(tzinfo=None)
    shown = cli("feeds", "--config", str(config), env={"COLUMNS": "250"})
    assert shown.exit_code == 0, shown.output
    line = next(line for line in shown.output.splitlines() if "Long" in line)
    cells = [cell.strip() for cell in line.strip("│ ").split("│")]
    assert cells[0] == "Long" and cells[2] == "ok" and cells[5] == "5"  # (feed, lang,) status, pending
    listed = cli("feeds", "--config", str(config), "--format", "json")
    (feed,) = json.loads(listed.stdout)
    assert (feed["articles"], feed["pending_items"], feed["summary_only_last"], feed["articles_last"]) == (50, 5, 0, 50)

    second = ingest(config_path=str(config), seeds_dir=str(no_seeds), all_feeds=True)
    assert site.statuses == [200, 304]  # the feed itself is unchanged
    assert second.articles_new == 5 and second.entries_pending == 0
    urls = stored_urls(db)
    assert sorted(urls) == sorted(site.url(i) for i in range(55)) and len(urls) == len(set(urls))
    assert pending(db) == 0 and rows(db, "select count(*) from feed_backlog") == [(0,)]
    assert rows(db, "select count(*) from articles where summary_only") == [(0,)]
    assert site.page_requests == 55  # every page fetched once

    third = ingest(config_path=str(config), seeds_dir=str(no_seeds), all_feeds=True)
    assert third.articles_new == 0 and site.page_requests == 55


def test_5000_items_worked_off_over_runs_nothing_lost_nothing_duplicated(
    prefect_harness: None, tmp_path: Path, httpserver: HTTPServer, no_seeds: Path
) -> None:
    site = LongFeed(httpserver, 5000)
    # Pages are not fetched (the feed's summary is the text): 5,000 page fetches would only slow the test.
    config = write_config(tmp_path, f"{site.base}feed.xml", fetch_pages=False, max_entries_per_feed=1000)
    db = tmp_path / "w.duckdb"
    seen_per_run = []
    for run in range(6):
        summary = ingest(config_path=str(config), seeds_dir=str(no_seeds), all_feeds=True)
        assert summary.status == "completed"
        seen_per_run.append((summary.articles_new, pending(db)))
        newest_pending = rows(db, "select max(published_at) from feed_backlog")[0][0]
        oldest_stored = rows(db, "select min(published_at) from articles where not is_seed")[0][0]
        if newest_pending is not None:
            assert newest_pending < oldest_stored, f"run {run}: newest first"
    assert seen_per_run == [(1000, 4000), (1000, 3000), (1000, 2000), (1000, 1000), (1000, 0), (0, 0)]
    assert site.statuses == [200] + [304] * 5
    urls = stored_urls(db)
    assert len(urls) == 5000 and set(urls) == {site.url(i) for i in range(5000)}
    assert rows(db, "select count(*), count(distinct text_hash) from articles where not is_seed") == [(5000, 5000)]
    assert rows(db, "select count(*) from article_urls") == [(5000,)]
    # Every article is summary-only here, and says why.
    assert rows(db, "select distinct fetch_error from articles where not is_seed") == [
        ("not fetched: [fetch] fetch_pages = false",)
    ]
    assert site.page_requests == 0


def test_backlog_is_bounded_and_the_drop_is_recorded(
    prefect_harness: None, tmp_path: Path, httpserver: HTTPServer, no_seeds: Path
) -> None:
    site = LongFeed(httpserver, 50)
    config = write_config(
        tmp_path, f"{site.base}feed.xml", fetch_pages=False, max_entries_per_feed=10, max_backlog_per_feed=15
    )
    db = tmp_path / "w.duckdb"
    ingest(config_path=str(config), seeds_dir=str(no_seeds))
    assert sorted(stored_urls(db)) == sorted(site.url(i) for i in range(40, 50))
    kept = [r[0] for r in rows(db, "select url from feed_backlog")]
    assert sorted(kept) == sorted(site.url(i) for i in range(25, 40))  # the next newest; 0..24 dropped
    error = rows(db, "select last_status, last_error, pending_items from sources where kind = 'feed'")[0]
    assert error[0] == "ok" and error[2] == 15
    assert "backlog full: 25 older entries dropped" in error[1]


# --------------------------------------------------------------------------- planning, no network


def entry(i: int, link: str | None = None, dated: bool = True) -> FeedEntry:
    return FeedEntry(
        entry_id=None,
        title=f"t{i}",
        link=link or f"https://news.example/{i}",
        published_at=START + timedelta(hours=i) if dated else None,
        author=None,
        summary_html=None,
    )


def poll(source_id: str, entries: list[FeedEntry]) -> FeedPoll:
    feed = FeedConfig(name=source_id, url=f"https://{source_id}.example/feed")
    return FeedPoll(feed=feed, source={"source_id": source_id}, entries=entries)


def test_plan_newest_first_across_new_entries_and_backlog() -> None:
    first_seen = datetime(2025, 12, 1)
    backlog = {"a": [Candidate(normalize_url(entry(5).link or ""), "a", entry(5), first_seen)]}
    plan = plan_fetches(
        [poll("a", [entry(1), entry(2, dated=False), entry(3), entry(9)])],
        backlog,
        set(),
        max_per_feed=2,
        max_backlog=10,
    )
    assert [c.entry.title for c in plan.candidates] == ["t9", "t5"]
    assert [c.entry.title for c in plan.pending] == ["t3", "t1", "t2"]  # undated last
    assert plan.removed == {("a", "https://news.example/5")}  # taken from the backlog now
    assert plan.candidates[1].first_seen_at == first_seen


def test_plan_drops_stored_urls_and_fetches_a_url_once_per_run() -> None:
    backlog = {"b": [Candidate("https://news.example/7", "b", entry(7), datetime(2025, 12, 1))]}
    plan = plan_fetches(
        [poll("a", [entry(1), entry(7)]), poll("b", [entry(7), entry(8)])],
        backlog,
        {"https://news.example/1"},
        max_per_feed=5,
        max_backlog=5,
    )
    assert [(c.source_id, c.entry.title) for c in plan.candidates] == [("a", "t7"), ("b", "t8")]
    assert plan.pending == [] and plan.removed == {("b", "https://news.example/7")}


def test_plan_keeps_first_seen_of_an_entry_offered_again() -> None:
    first_seen = datetime(2025, 12, 1)
    backlog = {"a": [Candidate("https://news.example/1", "a", entry(1), first_seen)]}
    plan = plan_fetches([poll("a", [entry(1), entry(2)])], backlog, set(), max_per_feed=1, max_backlog=5)
    assert [c.entry.title for c in plan.candidates] == ["t2"]
    assert [(c.entry.title, c.first_seen_at) for c in plan.pending] == [("t1", first_seen)]


def test_entries_without_a_usable_link_are_counted_not_silently_skipped() -> None:
    no_link = FeedEntry(entry_id="x", title="no link", link=None, published_at=None, author=None, summary_html=None)
    plan = plan_fetches(
        [poll("a", [entry(1), no_link, entry(2, link="mailto:desk@news.example")])],
        {},
        set(),
        max_per_feed=5,
        max_backlog=5,
    )
    assert [c.entry.title for c in plan.candidates] == ["t1"]
    assert plan.warnings("a", 5) == ["warning: 2 entries without a usable http(s) link skipped"]
