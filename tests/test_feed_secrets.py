"""Feed URLs with secrets: `${VAR}` from the environment, and credentials masked everywhere they
could show (the sources table, errors, logs, `storywatch feeds`), with a stable source_id."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from extractors.ids import stable_id
from extractors.urls import normalize_url
from flows.config import FeedConfig, FetchConfig
from flows.feeds.polling import feed_source_id, poll_feeds
from flows.feeds.urlsecrets import MissingVariableError, expand_env, mask_credentials, mask_text
from flows.pipeline import ingest
from tests.helpers import CliInvoke, local_config, rows

TOKEN = "tok-9f8e7d6c5b4a"
ROTATED = "tok-rotated-1234"
LITERAL_KEY = "LITERALKEY42"
PASSWORD = "hunter2pass"


@pytest.mark.parametrize(
    ("url", "masked"),
    [
        ("https://user:pw@example.org/feed", "https://***@example.org/feed"),
        ("https://tokenonly@example.org/", "https://***@example.org/"),
        ("https://example.org/f?token=abc&q=kim", "https://example.org/f?token=***&q=kim"),
        (
            "https://example.org/f?apikey=a&api_key=b&Access_Token=c&sig=d",
            "https://example.org/f?apikey=***&api_key=***&Access_Token=***&sig=***",
        ),
        (
            "https://example.org/f?X-Amz-Signature=s&client_secret=t&key=k",
            "https://example.org/f?X-Amz-Signature=***&client_secret=***&key=***",
        ),
        ("https://example.org/f?password=p#frag", "https://example.org/f?password=***#frag"),
        ("https://example.org/f?token=", "https://example.org/f?token="),
        ("https://example.org/p@th/feed?q=1", "https://example.org/p@th/feed?q=1"),
        ("https://example.org/feed", "https://example.org/feed"),
    ],
)
def test_mask_credentials(url: str, masked: str) -> None:
    assert mask_credentials(url) == masked


def test_mask_text_masks_every_url_and_scrubs_given_values() -> None:
    text = "HTTP 404 from http://a:b@h.example/x?token=zzz1 (fetching https://h.example/y?key=kkk2); value s3cr3t"
    assert mask_text(text, ["s3cr3t"]) == (
        "HTTP 404 from http://***@h.example/x?token=*** (fetching https://h.example/y?key=***); value ***"
    )


def test_expand_env_names_the_missing_variable() -> None:
    assert expand_env("https://x.example/f?token=${T}", {"T": "abc"}) == ("https://x.example/f?token=abc", ["abc"])
    with pytest.raises(MissingVariableError, match="environment variable NOPE is not set"):
        expand_env("https://x.example/${NOPE}/f", {})
    with pytest.raises(MissingVariableError, match="EMPTY"):
        expand_env("https://x.example/${EMPTY}/f", {"EMPTY": ""})


def test_source_id_is_stable_and_free_of_secrets() -> None:
    plain = "https://Example.org/rss.xml?utm_source=x"
    # Unchanged for URLs without credentials (existing warehouses keep their feeds' state).
    assert feed_source_id(plain) == "feed:" + stable_id("feed", normalize_url(plain), length=12)
    same = {
        feed_source_id("https://example.org/rss?token=${FEED_TOKEN}"),
        feed_source_id("https://example.org/rss?token=one"),
        feed_source_id("https://reader:pw@example.org/rss?token=two"),
    }
    assert len(same) == 1
    assert feed_source_id("https://example.org/rss?token=a&q=x") != feed_source_id(
        "https://example.org/rss?token=a&q=y"
    )


def test_secrets_never_leave_the_fetch(
    prefect_harness: None,
    tmp_path: Path,
    httpserver: HTTPServer,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    no_seeds: Path,
    cli: CliInvoke,
) -> None:
    base = f"http://127.0.0.1:{httpserver.port}/"
    accepted = {TOKEN, ROTATED}

    def feed(request: Request) -> Response:
        if request.args.get("token") not in accepted:
            return Response("forbidden", status=403)
        body = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            f"<item><title>One</title><link>{base}story/1</link><description>A story.</description></item>"
            "</channel></rss>"
        )
        return Response(body, content_type="application/rss+xml")

    httpserver.expect_request("/feed.xml").respond_with_handler(feed)
    httpserver.expect_request("/story/1").respond_with_data(
        "<html><body><article><p>A story told at length, with many words in it.</p></article></body></html>",
        content_type="text/html",
    )
    httpserver.expect_request("/gone.xml").respond_with_data("gone", status=404)
    seeds = no_seeds
    template = f"{base}feed.xml?token=${{FEED_TOKEN}}"
    literal = f"http://reader:{PASSWORD}@127.0.0.1:{httpserver.port}/gone.xml?api_key={LITERAL_KEY}"
    feeds = [
        {"name": "Token feed", "url": template},
        {"name": "Literal credentials", "url": literal},
        {"name": "Unset variable", "url": f"{base}x.xml?key=${{STORYWATCH_TEST_UNSET}}"},
    ]
    config = local_config(tmp_path, feeds, fetch={"allow_hosts": [f"127.0.0.1:{httpserver.port}"]})
    caplog.set_level(logging.WARNING, logger="werkzeug")  # the test server's own request log has the URLs
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("FEED_TOKEN", TOKEN)
    monkeypatch.delenv("STORYWATCH_TEST_UNSET", raising=False)
    db = tmp_path / "w.duckdb"
    summary = ingest(config_path=str(config), seeds_dir=str(seeds))
    assert summary.status == "completed" and summary.articles_new == 1

    sources = {r[0]: r[1:] for r in rows(db, "select name, source_id, url, last_status, last_error from sources")}
    assert sources["Token feed"][:3] == (feed_source_id(template), f"{base}feed.xml?token=***", "ok")
    assert sources["Literal credentials"][1] == f"http://***@127.0.0.1:{httpserver.port}/gone.xml?api_key=***"
    assert sources["Literal credentials"][2] == "error" and "HTTP 404" in sources["Literal credentials"][3]
    assert "api_key=***" in sources["Literal credentials"][3]
    assert sources["Unset variable"][2:] == ("error", "feed URL: environment variable STORYWATCH_TEST_UNSET is not set")

    # A rotated token is the same feed.
    monkeypatch.setenv("FEED_TOKEN", ROTATED)
    ingest(config_path=str(config), seeds_dir=str(seeds), all_feeds=True)
    # (same body as before: "unchanged", a success)
    assert rows(db, "select count(*), min(last_status) from sources where name = 'Token feed'") == [(1, "unchanged")]

    shown = cli("feeds", "--config", str(config), "--format", "json")
    assert shown.exit_code == 0 and "STORYWATCH_TEST_UNSET is not set" in shown.output

    everything = "\n".join(
        [
            str(rows(db, "select * from sources")),
            str(rows(db, "select * from runs")),
            str(rows(db, "select * exclude (text) from articles")),
            str(summary.errors),
            shown.output,
            "\n".join(record.getMessage() for record in caplog.records),
            *capfd.readouterr(),
        ]
    )
    for secret in (TOKEN, ROTATED, LITERAL_KEY, PASSWORD):
        assert secret not in everything


def test_feeds_differing_only_in_credentials_are_polled_once(
    httpserver: HTTPServer, caplog: pytest.LogCaptureFixture
) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data("gone", status=404)
    base = f"http://127.0.0.1:{httpserver.port}/feed.xml"
    feeds = [FeedConfig("First", f"{base}?key=one"), FeedConfig("Second", f"{base}?key=two")]
    config = FetchConfig(timeout_s=5, per_host_delay_s=0.0, allow_hosts=("127.0.0.1",))
    polls = poll_feeds(feeds, {}, datetime(2026, 1, 1), config)
    assert [p.feed.name for p in polls] == ["First"] and len(httpserver.log) == 1
    assert any("'Second' is skipped" in r.getMessage() and "key=***" in r.getMessage() for r in caplog.records)
