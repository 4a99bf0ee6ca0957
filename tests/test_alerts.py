"""Alerts end to end: the real ingest flow over fixture feeds (a local HTTP server stands in for the
web), rules over the real warehouse, and a local webhook receiver (apprise `json://`) counting what
arrives. Exactly one alert per (rule, subject) across repeated runs; retries; digest; secrets."""

from __future__ import annotations

import base64
import html
import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner
from werkzeug import Request, Response

import warehouse.alerts as store
from flows.alerts import digest, run_alerts
from flows.cli import app
from flows.config import load_config
from flows.pipeline import ingest
from tests.helpers import rows

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
TROOPS = (FIXTURES / "story_troops.txt").read_text()
TRADE = (FIXTURES / "story_trade.txt").read_text()
OTHER = (FIXTURES / "story_other.txt").read_text()
UPDATE = (
    "North Korea has sent about 5,000 additional soldiers to Russia's Kursk region, South Korea's spy agency"
    " said on Thursday, raising its earlier estimate.\n"
    "The deployment deepens the military partnership between Pyongyang and Moscow, which signed a mutual"
    " defence treaty last year.\n"
    '"This is a dangerous alliance for the whole region," said Victor Cha, a Korea expert at CSIS in Washington.\n'
    "China's foreign ministry again urged restraint, while Japan condemned the deployment.\n"
)
SECRET = "s3cr3t-Token-9f8e7d6c"


def page(title: str, body: str, published: datetime) -> str:
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in body.strip().split("\n"))
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<meta property="article:published_time" content="{published.isoformat()}"></head>
<body><main><article><h1>{html.escape(title)}</h1>{paragraphs}</article></main></body></html>"""


def rss(items: list[tuple[str, str, datetime]]) -> str:
    entries = "".join(
        f"<item><title>{html.escape(t)}</title><link>{html.escape(u)}</link><guid>{html.escape(u)}</guid>"
        f"<pubDate>{format_datetime(p)}</pubDate><description>{html.escape(t)}</description></item>"
        for t, u, p in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>News</title>
<link>https://example.org/</link><description>test</description>{entries}</channel></rss>"""


class Site:
    """Fixture feeds that gain items between runs, plus webhook receivers on the same local server."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.base = server.url_for("/")
        self.now = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=5)
        self.example: list[tuple[str, str, datetime]] = []
        self.wire: list[tuple[str, str, datetime]] = []
        self.received: list[dict[str, Any]] = []  # what the good receiver accepted
        self.flaky_calls: Counter[str] = Counter()
        self.flaky_received: list[dict[str, Any]] = []
        self.add("example", "N. Korea sends more troops to Kursk", "news/troops", TROOPS)
        self.add("example", "China-N. Korea trade rises", "news/trade", TRADE)
        self.add("example", "Lyon transport budget", "news/lyon", OTHER)
        syndicated = "SEOUL (Wire) — " + TROOPS + "\nReporting by Wire Staff; editing by Desk Editor."
        self.add("wire", "Wire: N. Korea sends more troops", "wire/troops", syndicated, later_s=60)
        server.expect_request("/example.xml").respond_with_handler(lambda r: self.feed(self.example))
        server.expect_request("/wire.xml").respond_with_handler(lambda r: self.feed(self.wire))
        server.expect_request("/broken.xml").respond_with_data("gone", status=404)
        server.expect_request("/hook").respond_with_handler(self.hook)
        server.expect_request("/flaky").respond_with_handler(self.flaky)
        server.expect_request("/fail").respond_with_data("nope", status=500)

    def add(self, feed: str, title: str, path: str, text: str, later_s: int = 0) -> None:
        url = self.base + path
        published = self.now + timedelta(seconds=later_s)
        getattr(self, feed).append((title, url, published))
        body = page(title, text, published)
        self.server.expect_request(f"/{path}").respond_with_data(body, content_type="text/html; charset=utf-8")

    @staticmethod
    def feed(items: list[tuple[str, str, datetime]]) -> Response:
        return Response(rss(items), content_type="application/rss+xml")

    def hook(self, request: Request) -> Response:
        body = json.loads(request.get_data())
        body["_headers"] = dict(request.headers)
        self.received.append(body)
        return Response("ok")

    def flaky(self, request: Request) -> Response:
        """Fails the first two deliveries of each alert, then accepts it."""
        body = json.loads(request.get_data())
        key = body.get("dedup_key", "")
        self.flaky_calls[key] += 1
        if self.flaky_calls[key] <= 2:
            return Response("try later", status=503)
        self.flaky_received.append(body)
        return Response("ok")

    def keys(self) -> Counter[str]:
        return Counter(m["dedup_key"] for m in self.received)


@pytest.fixture
def site(httpserver: HTTPServer) -> Iterator[Site]:
    yield Site(httpserver)


RULES = """
[[alerts.rules]]
name = "cover"
kind = "new_coverage"
mode = "instant"
min_relevance = 0.5
actors = ["PRK", "RUS"]

[[alerts.rules]]
name = "daily"
kind = "new_coverage"
mode = "digest"
min_relevance = 0.3

[[alerts.rules]]
name = "firsts"
kind = "first_seen"
mode = "instant"
kinds = ["expert", "pair", "triple"]

[[alerts.rules]]
name = "spikes"
kind = "spike"
mode = "instant"
targets = ["entity"]
ids = ["PRK"]
min_count = 2
sensitivity = 1.0
min_history_days = 0

[[alerts.rules]]
name = "figures"
kind = "claim_change"
mode = "instant"
min_change = 0.25

[[alerts.rules]]
name = "feeds"
kind = "feed_health"
mode = "instant"
failures = 2
"""


def write_config(
    tmp_path: Path,
    site: Site,
    channels: list[str],
    *,
    rules: str = RULES,
    console: bool = False,
    jsonl: bool = True,
    **alerts: Any,
) -> Path:
    settings = "\n".join(f"{k} = {json.dumps(v)}" for k, v in ({"retry_base_s": 0} | alerts).items())
    path = tmp_path / "storywatch.toml"
    path.write_text(
        f"""
[warehouse]
path = "{tmp_path / "w.duckdb"}"
[fetch]
timeout_s = 5
per_host_delay_s = 0.0
allow_hosts = ["127.0.0.1", "localhost"]
[alerts]
channels = {json.dumps(channels)}
jsonl = "{tmp_path / "alerts.jsonl" if jsonl else ""}"
console = {"true" if console else "false"}
{settings}
[[feeds]]
name = "Example"
url = "{site.base}example.xml"
[[feeds]]
name = "Wire"
url = "{site.base}wire.xml"
[[feeds]]
name = "Broken"
url = "{site.base}broken.xml"
{rules}
"""
    )
    return path


def run(config: Path) -> None:
    summary = ingest(config_path=str(config), seeds_dir=str(REPO / "seeds"), all_feeds=True)
    assert summary.status == "completed", summary.errors


def hook(site: Site, path: str = "hook", auth: str = "") -> str:
    return f"json://{auth}{site.server.host}:{site.server.port}/{path}"


def test_each_rule_fires_once_per_subject_across_runs(prefect_harness: None, tmp_path: Path, site: Site) -> None:
    config = write_config(tmp_path, site, [hook(site)])
    db = tmp_path / "w.duckdb"

    run(config)
    first = site.keys()
    assert first and set(first.values()) == {1}
    by_rule = Counter(m["rule"] for m in site.received)
    # The troops story and its syndicated wire copy are one alert that lists both outlets.
    troops = [m for m in site.received if m["rule"] == "cover" and "troops" in m["title"].lower()]
    assert len(troops) == 1
    outlets = next(line for line in troops[0]["message"].splitlines() if line.startswith("Outlets (2): "))
    assert set(outlets.removeprefix("Outlets (2): ").split(", ")) == {"Example", "Wire"}
    assert "Kursk" in troops[0]["title"] and f"{site.base}news/troops" in troops[0]["message"]
    assert troops[0]["_headers"]["X-Storywatch-Dedup-Key"] == troops[0]["dedup_key"]
    assert troops[0]["message"].rstrip().split("\n")[-1].startswith(f"dedup_key: {troops[0]['dedup_key']}")
    assert by_rule["spikes"] == 1  # North Korea, today, against an empty baseline
    assert "feeds" not in by_rule  # one failure so far
    assert not any("Lyon" in m["title"] for m in site.received)  # irrelevant
    # Digest-mode alerts wait for the digest.
    assert "daily" not in by_rule
    assert rows(db, "select count(*) from alerts where rule = 'daily' and status = 'digest_pending'")[0][0] >= 2

    # The feed gains an item: a new figure, a new expert; the broken feed fails again.
    site.add("example", "N. Korea raises troop deployment", "news/update", UPDATE, later_s=120)
    run(config)
    second = site.keys()
    assert set(second.values()) == {1}
    new = [m for m in site.received if m["dedup_key"] not in first]
    new_rules = Counter(m["rule"] for m in new)
    assert new_rules["feeds"] == 1 and "Broken" in next(m["title"] for m in new if m["rule"] == "feeds")
    figure = next(m for m in new if m["rule"] == "figures")
    assert "3,000 soldiers → 5,000 soldiers" in figure["title"]
    assert "news/update" in figure["message"] and "news/troops" in figure["message"]
    assert any(m["rule"] == "firsts" and "Victor Cha" in m["title"] for m in new)
    assert any(m["rule"] == "cover" and "raises troop" in m["title"] for m in new)
    assert new_rules["spikes"] == 0  # same entity, same day: the same subject

    # Nothing new: nothing sent, whatever the rules see again.
    count = len(site.received)
    run(config)
    assert len(site.received) == count

    stored = rows(db, "select dedup_key, rule, status, attempts from alerts where mode = 'instant'")
    assert len({r[0] for r in stored}) == len(stored) == count
    assert {r[2] for r in stored} == {"sent"} and {r[3] for r in stored} == {1}
    jsonl = [json.loads(line) for line in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    assert Counter(line["dedup_key"] for line in jsonl) == site.keys()

    # The digest: one grouped message with every digest-mode alert, then nothing more.
    pending = rows(db, "select dedup_key from alerts where status = 'digest_pending'")
    report = digest(config_path=str(config))
    assert report.digest and report.sent == 2  # the webhook and the JSONL file
    grouped = [m for m in site.received if m["rule"] == "digest"]
    assert len(grouped) == 1
    assert grouped[0]["title"].endswith(f"{len(pending)} alerts")
    assert "== daily (new_coverage) ==" in grouped[0]["message"]
    for (key,) in pending:
        assert key in grouped[0]["message"]
    assert rows(db, "select distinct status from alerts where rule = 'daily'") == [("sent",)]
    assert digest(config_path=str(config)).digest is None
    assert len([m for m in site.received if m["rule"] == "digest"]) == 1


def test_failing_receiver_gets_the_alert_once(prefect_harness: None, tmp_path: Path, site: Site) -> None:
    rules = '[[alerts.rules]]\nname = "cover"\nkind = "new_coverage"\nmin_relevance = 0.5\nactors = ["PRK", "RUS"]\n'
    config = write_config(tmp_path, site, [hook(site), hook(site, "flaky")], rules=rules)
    db = tmp_path / "w.duckdb"
    run(config)
    keys = set(site.keys())
    assert keys and not site.flaky_received
    state = rows(db, "select status, attempts, last_error from alerts")
    assert {s[0] for s in state} == {"failed"} and {s[1] for s in state} == {1}
    assert all(s[2].startswith("json://***: ") and "503" in s[2] for s in state)
    run(config)  # retried (retry_base_s = 0): fails a second time
    assert not site.flaky_received
    run(config)  # third attempt goes through
    assert Counter(m["dedup_key"] for m in site.flaky_received) == Counter(dict.fromkeys(keys, 1))
    assert site.keys() == Counter(dict.fromkeys(keys, 1))  # the healthy channel was never repeated
    state = rows(db, "select status, attempts, last_error from alerts")
    assert {s[:2] for s in state} == {("sent", 3)}
    assert all("503" in s[2] for s in state)  # the error is kept
    per_channel = rows(db, "select channel_id, channel, status, attempts from alert_deliveries")
    assert len(per_channel) == 3 * len(keys)  # the webhook, the flaky one, the JSONL file
    attempts = Counter((c, s, a) for _, c, s, a in per_channel)
    assert attempts == {
        ("json://***", "sent", 1): len(keys),
        ("json://***", "sent", 3): len(keys),
        (str(tmp_path / "alerts.jsonl"), "sent", 1): len(keys),
    }
    run(config)
    assert len(site.flaky_received) == len(keys)


def test_crash_after_send_repeats_the_same_key(
    prefect_harness: None, tmp_path: Path, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = '[[alerts.rules]]\nname = "cover"\nkind = "new_coverage"\nmin_relevance = 0.5\n'
    config = write_config(tmp_path, site, [hook(site)], rules=rules, jsonl=False, sending_timeout_s=0)
    db = tmp_path / "w.duckdb"

    def crash(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("killed between sending and recording")

    monkeypatch.setattr(store, "record_delivery", crash)
    run(config)  # the first send goes out, then the process 'dies' before recording it
    first = site.keys()
    assert len(first) == 1
    keys = {r[0] for r in rows(db, "select dedup_key from alerts")}
    assert len(keys) >= 2 and set(first) <= keys
    # Every claimed delivery is left 'sending': nothing else was sent after the failure.
    assert rows(db, "select distinct status from alert_deliveries") == [("sending",)]
    monkeypatch.undo()
    run(config)  # stale 'sending' deliveries are sent again, under the keys recorded before sending
    again = site.keys()
    assert set(again) == keys
    assert {k: n for k, n in again.items() if n > 1} == dict.fromkeys(first, 2)  # the repeat: same key
    assert rows(db, "select distinct status from alerts") == [("sent",)]
    assert rows(db, "select count(*) from alerts")[0][0] == len(keys)


def test_secrets_never_leave_the_environment(
    prefect_harness: None,
    tmp_path: Path,
    site: Site,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("HOOK_TOKEN", SECRET)
    channels = [hook(site, auth="storywatch:${HOOK_TOKEN}@"), hook(site, "fail?token=${HOOK_TOKEN}")]
    rules = '[[alerts.rules]]\nname = "cover"\nkind = "new_coverage"\nmin_relevance = 0.5\n'
    config = write_config(tmp_path, site, channels, rules=rules, console=True)
    assert SECRET not in config.read_text()
    run(config)
    assert site.received
    # The token was expanded at send time: the receiver got it as basic auth.
    auth = site.received[0]["_headers"]["Authorization"]
    assert base64.b64decode(auth.split()[1]).decode() == f"storywatch:{SECRET}"
    result = CliRunner().invoke(app, ["alerts", "list", "--config", str(config)], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert "json://***" in result.output and "failed" in result.output  # the second channel refuses
    listed = CliRunner().invoke(app, ["alerts", "list", "--config", str(config), "--format", "json"])
    assert json.loads(listed.output)[0]["last_error"].startswith("json://***: ")
    dump = "\n".join(
        str(r)
        for table in ("alerts", "alert_deliveries")
        for r in rows(tmp_path / "w.duckdb", f"select * from {table}")
    )
    out = capsys.readouterr()
    places = {
        "warehouse": dump,
        "logs": caplog.text,
        "stdout": out.out,
        "stderr": out.err,
        "alerts list": result.output + listed.output,
        "jsonl": (tmp_path / "alerts.jsonl").read_text(),
    }
    assert "[storywatch alert] New coverage" in out.out  # the console channel
    for place, text in places.items():
        assert SECRET not in text, place


def test_alerts_test_command_reports_each_channel(tmp_path: Path, site: Site) -> None:
    channels = [hook(site), hook(site, "fail/${HOOK_TOKEN}"), "json://127.0.0.1:9/${MISSING_SW_VAR}"]
    config = write_config(tmp_path, site, channels, rules="")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STORYWATCH_", "PREFECT_"))}
    env |= {"HOOK_TOKEN": SECRET, "COLUMNS": "200", "PREFECT_HOME": str(tmp_path / ".prefect")}
    result = subprocess.run(
        [str(Path(sys.executable).parent / "storywatch"), "alerts", "test", "--config", str(config)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ok", "json://***"]
    assert lines[1].startswith("failed  json://***: ") and "500" in lines[1]
    assert lines[2] == "failed  json://***: environment variable MISSING_SW_VAR is not set"
    assert lines[3].split()[0] == "ok" and lines[3].endswith("alerts.jsonl")
    assert lines[-1] == "2 of 4 channels ok"
    assert SECRET not in result.stdout + result.stderr
    assert [m["title"] for m in site.received] == ["storywatch test message"]
    assert json.loads((tmp_path / "alerts.jsonl").read_text())["test"] is True
    assert not (tmp_path / "w.duckdb").exists()  # a test message is not an alert


def test_offline_run_records_and_a_later_run_sends(prefect_harness: None, tmp_path: Path, site: Site) -> None:
    # The seed itself is alert-worthy under this rule; an offline run records the alert and writes
    # the local channels, the webhook waits for a run with network access.
    rules = '[[alerts.rules]]\nname = "seeds"\nkind = "new_coverage"\ninclude_seeds = true\nmax_age_hours = 1000000\n'
    config = write_config(tmp_path, site, [hook(site)], rules=rules)
    summary = ingest(config_path=str(config), seeds_dir=str(REPO / "seeds"), offline=True)
    assert summary.status == "completed"
    db = tmp_path / "w.duckdb"
    assert rows(db, "select rule, status from alerts") == [("seeds", "pending")]
    assert set(rows(db, "select channel, status from alert_deliveries")) == {
        ("json://***", "pending"),
        (str(tmp_path / "alerts.jsonl"), "sent"),
    }
    assert site.received == []
    report = run_alerts(load_config(config))
    assert (report.new_total, report.sent) == (0, 1)
    assert [m["rule"] for m in site.received] == ["seeds"]
    assert rows(db, "select status from alerts") == [("sent",)]
