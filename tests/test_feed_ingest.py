"""Feeds end to end: a local HTTP server stands in for the web; the flow runs through Prefect."""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from flows.pipeline import ingest
from tests.helpers import CliInvoke, conditional_feed, local_config, rows

FIXTURES = Path(__file__).parent / "fixtures"
TROOPS = (FIXTURES / "story_troops.txt").read_text()
TRADE = (FIXTURES / "story_trade.txt").read_text()
OTHER = (FIXTURES / "story_other.txt").read_text()


def page(title: str, body: str, published: str = "2025-02-12T17:00:00+09:00") -> str:
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in body.strip().split("\n"))
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | Example News</title>
<meta property="article:published_time" content="{published}"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/asia">Asia</a></nav></header>
<main><article><h1>{html.escape(title)}</h1><p class="byline">By Staff Reporter</p>{paragraphs}</article></main>
<footer><p>© 2025 Example News. All rights reserved.</p><a href="/privacy">Privacy</a></footer></body></html>"""


def rss(items: list[tuple[str, str, str]]) -> str:
    entries = "\n".join(
        f"<item><title>{html.escape(t)}</title><link>{html.escape(link)}</link><guid>{html.escape(link)}</guid>"
        f"<pubDate>Wed, 12 Feb 2025 08:00:00 GMT</pubDate><description>{html.escape(summary)}</description></item>"
        for t, link, summary in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Example News</title>
<link>https://example.org/</link><description>test</description>{entries}</channel></rss>"""


class Site:
    """The fixture web: one good feed with conditional GET, a failing feed, an HTML page as feed."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.feed_requests: list[dict[str, str]] = []
        base = server.url_for("")
        syndicated = "SEOUL (Wire) — " + TROOPS + "\nReporting by Wire Staff; editing by Desk Editor."
        items = [
            ("N. Korea sends more troops to Kursk", f"{base}news/troops?utm_source=rss&utm_medium=feed", "Troops."),
            ("China-N. Korea trade rises", f"{base}news/trade", "Trade."),
            ("Wire: N. Korea sends more troops", f"{base}mirror/troops-copy", "Wire copy."),
            ("N. Korea sends more troops (tracking dup)", f"{base}news/troops?fbclid=abc123", "Dup."),
            (
                "Page gone",
                f"{base}news/missing",
                "<p>Kim Jong Un met <b>Putin</b> in Pyongyang &amp; signed deals.</p>",
            ),
            ("Lyon transport budget", f"{base}news/lyon", "Lyon."),
            ("Exact copy elsewhere", f"{base}exact/troops", "Same text."),
        ]
        self.feed_body = rss(items)
        server.expect_request("/feed.xml").respond_with_handler(self.feed)
        server.expect_request("/broken.xml").respond_with_data("oops", status=500)
        server.expect_request("/not-a-feed.xml").respond_with_data(
            "<!doctype html><html><body>hello</body></html>", content_type="text/html"
        )
        pages = {
            "/news/troops": page("N. Korea sends more troops to Kursk", TROOPS),
            "/news/trade": page("China-N. Korea trade rises", TRADE),
            "/mirror/troops-copy": page("Wire: N. Korea sends more troops", syndicated),
            "/news/lyon": page("Lyon transport budget", OTHER),
            "/exact/troops": page("N. Korea sends more troops to Kursk", TROOPS),
        }
        for path, body in pages.items():
            server.expect_request(path).respond_with_data(body, content_type="text/html; charset=utf-8")
        server.expect_request("/news/missing").respond_with_data("not found", status=404)

    def feed(self, request: Request) -> Response:
        self.feed_requests.append(dict(request.headers))
        return conditional_feed(request, self.feed_body)


@pytest.fixture
def site(httpserver: HTTPServer) -> Iterator[Site]:
    yield Site(httpserver)


@pytest.fixture
def config(tmp_path: Path, site: Site) -> Path:
    base = site.server.url_for("")
    feeds = [
        {"name": "Example", "url": f"{base}feed.xml", "poll_minutes": 30},
        {"name": "Broken", "url": f"{base}broken.xml"},
        {"name": "Not a feed", "url": f"{base}not-a-feed.xml"},
        {"name": "Disabled", "url": f"{base}disabled.xml", "enabled": False},
    ]
    return local_config(tmp_path, feeds)


def test_feeds_ingest_once_and_poll_conditionally(
    prefect_harness: None, tmp_path: Path, config: Path, site: Site
) -> None:
    db = tmp_path / "w.duckdb"
    seeds = str(Path(__file__).resolve().parents[1] / "seeds")
    first = ingest(config_path=str(config), seeds_dir=seeds)
    assert first.status == "completed"
    assert (first.feeds_polled, first.feeds_failed) == (3, 2)

    articles = {
        r[0]: r[1:]
        for r in rows(
            db,
            "select url, title, summary_only, relevance, cluster_id, article_id, text from articles where not is_seed",
        )
    }
    base = site.server.url_for("")
    troops_url = f"{base}news/troops"
    # Tracking parameters removed: the two feed links to the troops page are one article.
    assert troops_url in articles
    assert not any("utm_" in u or "fbclid" in u for u in articles)
    # The exact copy is recognised by its text hash and stored once; its URL points at the original.
    assert f"{base}exact/troops" not in articles
    alias = rows(db, f"select article_id from article_urls where url = '{base}exact/troops'")
    assert alias == [(articles[troops_url][4],)]
    # The syndicated copy is its own article but shares the original's cluster.
    copy = articles[f"{base}mirror/troops-copy"]
    assert copy[3] == articles[troops_url][3]
    assert articles[f"{base}news/trade"][3] != articles[troops_url][3]
    # A page that cannot be fetched keeps the cleaned feed summary.
    missing = articles[f"{base}news/missing"]
    assert missing[1] is True and missing[5] == "Kim Jong Un met Putin in Pyongyang & signed deals."
    # Full text from the page, and relevance separates the story from city news.
    assert "Kursk region" in articles[troops_url][5] and "All rights reserved" not in articles[troops_url][5]
    assert articles[troops_url][2] >= 0.6
    assert articles[f"{base}news/lyon"][2] <= 0.1
    assert len(articles) == 5

    sources = {
        r[0]: r[1:]
        for r in rows(
            db,
            "select name, last_status, consecutive_failures, etag, last_error, last_new_item_at"
            " from sources where kind = 'feed'",
        )
    }
    assert sources["Example"][:3] == ("ok", 0, '"v1"') and sources["Example"][4] is not None
    assert sources["Broken"][:2] == ("error", 1) and "500" in sources["Broken"][3]
    assert sources["Not a feed"][0] == "error" and "HTML page" in sources["Not a feed"][3]
    assert "Disabled" not in sources
    published = rows(db, f"select published_at from articles where url = '{troops_url}'")[0][0]
    assert published.isoformat() == "2025-02-12T08:00:00"  # pubDate in UTC

    # Second run: feeds not yet due → nothing polled; with --all-feeds the feed answers 304.
    second = ingest(config_path=str(config), seeds_dir=seeds)
    assert second.feeds_polled == 0 and second.articles_new == 0
    requests_before = len(site.feed_requests)
    third = ingest(config_path=str(config), seeds_dir=seeds, all_feeds=True)
    assert (third.articles_new, third.mentions_new, third.duplicates) == (0, 0, 0)
    assert site.feed_requests[requests_before].get("If-None-Match") == '"v1"'
    assert rows(db, "select last_status from sources where name = 'Example'") == [("not_modified",)]
    assert rows(db, "select consecutive_failures from sources where name = 'Broken'") == [(2,)]
    assert rows(db, "select count(*) from articles") == [(6,)]


def test_offline_run_touches_no_feed(prefect_harness: None, tmp_path: Path, config: Path, site: Site) -> None:
    summary = ingest(
        config_path=str(config), offline=True, seeds_dir=str(Path(__file__).resolve().parents[1] / "seeds")
    )
    assert summary.feeds_polled == 0 and summary.articles_new == 1
    assert site.feed_requests == []


SHORT_TEXT = (
    "Moscow and Pyongyang signed a pact on Tuesday, officials in both capitals said.\n"
    "The text of the agreement was not published by either side."
)


def test_every_summary_only_article_says_why_its_page_was_not_used(
    prefect_harness: None, tmp_path: Path, httpserver: HTTPServer, no_seeds: Path, cli: CliInvoke
) -> None:
    base = httpserver.url_for("/")
    long_summary = "A long feed summary about Kim Jong Un and Putin in Pyongyang, " * 6
    links = {
        "404": f"{base}e/404",
        "png": f"{base}e/png",
        "big": f"{base}e/big",
        "empty": f"{base}e/empty",
        "short": f"{base}e/short",
        "private": "http://10.0.0.1/e/private",
    }
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss([(f"Entry {name}", link, f"{long_summary} ({name})") for name, link in links.items()]),
        content_type="application/rss+xml",
    )
    httpserver.expect_request("/e/404").respond_with_data("not found", status=404)
    httpserver.expect_request("/e/png").respond_with_data(b"\x89PNG\r\n", content_type="image/png")
    httpserver.expect_request("/e/big").respond_with_data(page("Big", TROOPS * 20), content_type="text/html")
    httpserver.expect_request("/e/empty").respond_with_data("<html><body></body></html>", content_type="text/html")
    httpserver.expect_request("/e/short").respond_with_data(page("Short", SHORT_TEXT), content_type="text/html")
    config = local_config(tmp_path, [{"name": "Odd pages", "url": f"{base}feed.xml"}], fetch={"max_page_bytes": 20000})
    db = tmp_path / "w.duckdb"
    assert ingest(config_path=str(config), seeds_dir=str(no_seeds)).articles_new == len(links)
    reasons = {
        url: (summary_only, error)
        for url, summary_only, error in rows(db, "select url, summary_only, fetch_error from articles")
    }
    expected = {
        "404": "http_status: HTTP 404",
        "png": "content_type: refusing Content-Type 'image/png'",
        "big": "too_large:",
        "empty": "no_text:",
        "short": "short_text:",
        "private": "private_address: 10.0.0.1:80 is a non-public address",
    }
    for name, prefix in expected.items():
        summary_only, error = reasons[links[name]]
        assert summary_only is True and error is not None and error.startswith(prefix), (name, error)
    assert rows(db, "select count(*) from articles where summary_only and fetch_error is null") == [(0,)]

    shown = cli("feeds", "--config", str(config), "--format", "json")
    (feed,) = [f for f in json.loads(shown.stdout) if f["name"] == "Odd pages"]
    # summary-only of the last run, and the last page error
    assert (feed["summary_only_last"], feed["articles_last"]) == (6, 6) and feed["last_page_error"]
