"""Alerts end to end: the real ingest flow over fixture feeds (a local HTTP server stands in for the
web), rules over the real warehouse, and a local webhook receiver (apprise `json://`) counting what
arrives. Exactly one alert per (rule, subject) across repeated runs; retries; digest; secrets."""

from __future__ import annotations

import base64
import html
import json
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import duckdb
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

import warehouse.alerts as store
from flows.alerts.alert import Alert, make_alert
from flows.alerts.channels import AppriseChannel, configured_channels
from flows.alerts.delivery import deliver_due, digest, run_alerts, send_digest
from flows.alerts.evaluate import alert_row
from flows.config import Config, load_config, parse_alert_rule
from flows.pipeline import ingest
from tests.helpers import CliInvoke, local_config, rows, toml_value
from warehouse.db import migrate

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
        now = datetime.now(UTC).replace(microsecond=0)
        # Published a few minutes ago, but never yesterday: the spike rule counts today's articles,
        # and a run just after midnight UTC would see the fixture's articles on the day before.
        self.now = max(now - timedelta(minutes=5), now.replace(hour=0, minute=0, second=0))
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
    settings = {
        "channels": channels,
        "jsonl": str(tmp_path / "alerts.jsonl") if jsonl else "",
        "console": console,
        "retry_base_s": 0,
    } | alerts
    table = "\n".join(f"{key} = {toml_value(value)}" for key, value in settings.items())
    feeds = [{"name": name, "url": f"{site.base}{file}"} for name, file in FEEDS]
    return local_config(tmp_path, feeds, more=f"[alerts]\n{table}\n{rules}")


FEEDS = (("Example", "example.xml"), ("Wire", "wire.xml"), ("Broken", "broken.xml"))


def run(config: Path) -> None:
    summary = ingest(config_path=str(config), seeds_dir=str(REPO / "seeds"), all_feeds=True)
    assert summary.status == "completed", summary.errors


def shown(channel_url: str) -> str:
    """How a channel is displayed and stored in alert_deliveries.channel: scheme and fingerprint."""
    return AppriseChannel(channel_url).display


def hook(site: Site, path: str = "hook", auth: str = "") -> str:
    return f"json://{auth}{site.server.host}:{site.server.port}/{path}"


def keys_listed(message: str) -> list[str]:
    """The alert keys a digest message lists, in order (its own key, on the last line, aside)."""
    return [line.split()[-1] for line in message.splitlines() if line.startswith("  dedup_key: ")]


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
    # the earlier figure's article: the story or its syndicated copy (both carry the 3,000)
    assert "news/update" in figure["message"] and (
        "news/troops" in figure["message"] or "wire/troops" in figure["message"]
    )
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

    # The digest: one grouped message with every digest-mode alert (they fit), then nothing more.
    pending = {key for (key,) in rows(db, "select dedup_key from alerts where status = 'digest_pending'")}
    report = digest(config_path=str(config))
    assert report.digest_alerts == len(pending) and report.sent == 2  # the webhook and the JSONL file
    grouped = [m for m in site.received if m["rule"] == "digest"]
    assert len(grouped) == 1
    assert grouped[0]["title"].endswith(f"{len(pending)} alerts") and (grouped[0]["part"], grouped[0]["parts"]) == (
        1,
        1,
    )
    # Grouped by development (or "other"), each alert marked with its rule.
    assert grouped[0]["message"].startswith("== ") and "• [daily] New coverage: " in grouped[0]["message"]
    assert set(grouped[0]["dedup_keys"]) == pending == set(keys_listed(grouped[0]["message"]))
    assert rows(db, "select distinct status from alerts where rule = 'daily'") == [("in_digest",)]
    assert {r[0] for r in rows(db, "select digest_key from alerts where rule = 'daily'")} == {grouped[0]["dedup_key"]}
    jsonl = [json.loads(line) for line in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    in_file = [line for line in jsonl if "digest" in line]  # each digest alert whole, with the message that carried it
    assert {line["dedup_key"] for line in in_file} == pending and len(in_file) == len(pending)
    assert digest(config_path=str(config)).digest_alerts == 0
    assert len([m for m in site.received if m["rule"] == "digest"]) == 1


def test_failing_receiver_gets_the_alert_once(prefect_harness: None, tmp_path: Path, site: Site) -> None:
    rules = '[[alerts.rules]]\nname = "cover"\nkind = "new_coverage"\nmin_relevance = 0.5\nactors = ["PRK", "RUS"]\n'
    healthy, flaky = hook(site), hook(site, "flaky")
    config = write_config(tmp_path, site, [healthy, flaky], rules=rules)
    db = tmp_path / "w.duckdb"
    run(config)
    keys = set(site.keys())
    assert keys and not site.flaky_received
    state = rows(db, "select status, attempts, last_error from alerts")
    assert {s[0] for s in state} == {"failed"} and {s[1] for s in state} == {1}
    assert all(s[2].startswith(f"{shown(flaky)}: ") and "503" in s[2] for s in state)
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
        (shown(healthy), "sent", 1): len(keys),
        (shown(flaky), "sent", 3): len(keys),
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

    monkeypatch.setattr(store, "record_deliveries", crash)
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
    cli: CliInvoke,
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
    result = cli("alerts", "list", "--config", str(config), env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert shown(channels[1]) in result.output and "failed" in result.output  # the second channel refuses
    listed = cli("alerts", "list", "--config", str(config), "--format", "json")
    assert json.loads(listed.output)[0]["last_error"].startswith(f"{shown(channels[1])}: ")
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


def test_alerts_test_command_reports_each_channel(tmp_path: Path, site: Site, cli: CliInvoke) -> None:
    channels = [hook(site), hook(site, "fail/${HOOK_TOKEN}"), "json://127.0.0.1:9/${MISSING_SW_VAR}"]
    config = write_config(tmp_path, site, channels, rules="")
    result = cli("alerts", "test", "--config", str(config), cwd=tmp_path, env={"HOOK_TOKEN": SECRET})
    assert result.exit_code == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    # Three json:// channels, each told apart by its fingerprint.
    assert len({shown(c) for c in channels}) == 3
    assert lines[0].split() == ["ok", shown(channels[0])]
    assert lines[1].startswith(f"failed  {shown(channels[1])}: ") and "500" in lines[1]
    assert lines[2] == f"failed  {shown(channels[2])}: environment variable MISSING_SW_VAR is not set"
    assert lines[3].split()[0] == "ok" and "alerts.jsonl (writable; a test message is not written to it)" in lines[3]
    assert lines[-1] == "2 of 4 channels ok"
    assert SECRET not in result.stdout + result.stderr
    assert [m["title"] for m in site.received] == ["storywatch test message"]
    assert [m["rule"] for m in site.received] == ["test"]
    # A test message is not an alert: neither the warehouse nor the alerts file gets it.
    assert not (tmp_path / "w.duckdb").exists() and not (tmp_path / "alerts.jsonl").exists()
    (tmp_path / "alerts.jsonl").write_text('{"dedup_key": "real"}\n')
    before = (tmp_path / "alerts.jsonl").stat()
    again = cli("alerts", "test", "--config", str(config), env={"HOOK_TOKEN": SECRET, "COLUMNS": "200"})
    assert "ok      " + str(tmp_path / "alerts.jsonl") in again.output
    after = (tmp_path / "alerts.jsonl").stat()
    assert (tmp_path / "alerts.jsonl").read_text() == '{"dedup_key": "real"}\n'
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    (tmp_path / "alerts.jsonl").unlink()
    (tmp_path / "alerts.jsonl").mkdir()  # not a file: the check says so
    broken = cli("alerts", "test", "--config", str(config), env={"HOOK_TOKEN": SECRET, "COLUMNS": "200"})
    assert f"failed  {tmp_path / 'alerts.jsonl'}: cannot write {tmp_path / 'alerts.jsonl'}: not a regular file" in (
        broken.output
    )


def test_offline_run_records_and_a_later_run_sends(prefect_harness: None, tmp_path: Path, site: Site) -> None:
    # The seed itself is alert-worthy under this rule; an offline run records the alert and writes
    # the local channels, the webhook waits for a run with network access.
    rules = '[[alerts.rules]]\nname = "seeds"\nkind = "new_coverage"\ninclude_seeds = true\nmax_age_hours = 1000000\n'
    channel = hook(site)
    config = write_config(tmp_path, site, [channel], rules=rules)
    summary = ingest(config_path=str(config), seeds_dir=str(REPO / "seeds"), offline=True)
    assert summary.status == "completed"
    db = tmp_path / "w.duckdb"
    assert rows(db, "select rule, status from alerts") == [("seeds", "pending")]
    assert set(rows(db, "select channel, status from alert_deliveries")) == {
        (shown(channel), "pending"),
        (str(tmp_path / "alerts.jsonl"), "sent"),
    }
    assert site.received == []
    report = run_alerts(load_config(config))
    assert (report.new_total, report.sent) == (0, 1)
    assert [m["rule"] for m in site.received] == ["seeds"]
    assert rows(db, "select status from alerts") == [("sent",)]


# --- the digest never drops an alert ----------------------------------------------------------------

DIGEST_NOW = datetime(2026, 12, 4, 7, 0, 0)


class Receiver:
    """Webhooks on a local server: a JSON one (apprise `json://`, 32,768 characters a message) and a
    Mattermost one (apprise `mmost://`, 4,000 characters, the title sent in the body). Chosen calls to
    the JSON one are refused with a 503."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.json: list[dict[str, Any]] = []
        self.mattermost: list[str] = []
        self.calls = 0
        self.refuse: set[int] = set()  # numbers (1-based) of the JSON calls to refuse
        server.expect_request("/hook").respond_with_handler(self.hook)
        server.expect_request("/hooks/token").respond_with_handler(self.team)

    def hook(self, request: Request) -> Response:
        self.calls += 1
        if self.calls in self.refuse:
            return Response("busy", status=503)
        body = json.loads(request.get_data())
        body["_headers"] = dict(request.headers)
        self.json.append(body)
        return Response("ok")

    def team(self, request: Request) -> Response:
        self.mattermost.append(json.loads(request.get_data())["text"])
        return Response("ok")

    def json_url(self) -> str:
        return f"json://{self.server.host}:{self.server.port}/hook"

    def mattermost_url(self) -> str:
        return f"mmost://{self.server.host}:{self.server.port}/token"


@pytest.fixture
def receiver(httpserver: HTTPServer) -> Iterator[Receiver]:
    yield Receiver(httpserver)


def digest_config(tmp_path: Path, channels: list[str]) -> Config:
    path = tmp_path / "storywatch.toml"
    path.write_text(
        f'[warehouse]\npath = "{tmp_path / "w.duckdb"}"\n'
        f'[alerts]\nchannels = {json.dumps(channels)}\njsonl = "{tmp_path / "alerts.jsonl"}"\nconsole = false\n'
        "retry_base_s = 0\n"
    )
    return load_config(path)


def record(config: Config, alerts: list[Alert]) -> set[str]:
    """Record alerts as a run does (before anything is sent); returns their keys."""
    channels = [(c.id, c.display) for c in configured_channels(config.alerts)]
    with store.open_warehouse(config.warehouse.path, wait_s=5) as con:
        return set(store.insert_alerts(con, [alert_row(a, "run-1") for a in alerts], channels, DIGEST_NOW))


def digest_alerts(count: int) -> list[Alert]:
    """`count` digest-mode alerts of two rules, each ~350 characters in a digest."""
    made = []
    for i in range(count):
        rule = parse_alert_rule({"name": ("daily", "firsts")[i % 2], "kind": "new_coverage", "mode": "digest"})
        made.append(
            make_alert(
                rule,
                f"cluster:{i}",
                f"Story {i}: North Korean troops reach Kursk, Seoul's spy agency says",
                DIGEST_NOW - timedelta(minutes=count - i),
                summary="relevance 0.92; mentions North Korea, Russia; keywords Kursk, troops; outlets Yonhap, Wire",
                articles=[{"article_id": f"a{i}", "title": "t", "source": "Yonhap", "url": f"https://yna.example/{i}"}],
            )
        )
    return made


def service_maxlen(url: str) -> int:
    import apprise

    return int(apprise.Apprise.instantiate(url).body_maxlen)


@pytest.mark.parametrize("count", [1, 21, 200])
def test_digest_splits_and_every_alert_arrives_once(tmp_path: Path, receiver: Receiver, count: int) -> None:
    config = digest_config(tmp_path, [receiver.json_url(), receiver.mattermost_url()])
    keys = record(config, digest_alerts(count))
    db = tmp_path / "w.duckdb"
    assert rows(db, "select distinct status from alerts") == [("digest_pending",)]

    report = send_digest(config, now=DIGEST_NOW)
    assert report.digest_alerts == count and report.failed == 0

    # JSON webhook: the service's own limit (32,768); each message names the alerts it carries.
    json_limit = service_maxlen(receiver.json_url())
    carried = Counter(k for m in receiver.json for k in m["dedup_keys"])
    assert carried == Counter(dict.fromkeys(keys, 1))
    for number, message in enumerate(receiver.json, start=1):
        assert len(message["message"]) <= json_limit and len(message["title"]) <= 250
        assert keys_listed(message["message"]) == message["dedup_keys"]
        assert (message["part"], message["parts"], message["rule"]) == (number, len(receiver.json), "digest")
        assert message["_headers"]["X-Storywatch-Dedup-Key"] == message["dedup_key"]
        assert message["message"].splitlines()[-1].startswith(f"dedup_key: {message['dedup_key']} (digest ")
        if len(receiver.json) > 1:
            assert (
                f"({number}/{len(receiver.json)}): {len(message['dedup_keys'])} of {count} alerts" in message["title"]
            )
    assert (len(receiver.json) > 1) == (count == 200)  # 200 alerts do not fit 32,768 characters
    assert all(len(m["message"]) > json_limit * 2 / 3 for m in receiver.json[:-1])  # as few messages as it takes

    # Mattermost: 4,000 characters with the title on top: more, smaller messages, each within.
    team_limit = service_maxlen(receiver.mattermost_url())
    assert team_limit == 4000
    assert all(len(text) <= team_limit for text in receiver.mattermost)
    assert Counter(k for text in receiver.mattermost for k in keys_listed(text)) == Counter(dict.fromkeys(keys, 1))
    assert (len(receiver.mattermost) > 1) == (count > 1)  # 21 alerts do not fit 4,000 characters
    assert all(len(text) > team_limit * 2 / 3 for text in receiver.mattermost[:-1])
    if count > 1:
        assert receiver.mattermost[0].startswith(f"storywatch digest 2026-12-04 (1/{len(receiver.mattermost)}): ")

    # JSONL: each alert whole, once.
    lines = [json.loads(line) for line in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    assert Counter(line["dedup_key"] for line in lines) == Counter(dict.fromkeys(keys, 1))
    assert report.sent == len(receiver.json) + len(receiver.mattermost) + 1

    # Every alert is in_digest: each channel got the message carrying it, and says which.
    assert rows(db, "select status, count(*) from alerts group by 1") == [("in_digest", count)]
    assert rows(db, "select count(*) from alerts where digest_key is null or sent_at is null") == [(0,)]
    assert rows(db, "select distinct status, attempts from alert_deliveries") == [("sent", 1)]
    per_channel = rows(db, "select channel, count(distinct digest_part) from alert_deliveries group by 1 order by 1")
    assert dict(per_channel) == {
        shown(receiver.json_url()): len(receiver.json),
        shown(receiver.mattermost_url()): len(receiver.mattermost),
        str(tmp_path / "alerts.jsonl"): 1,
    }

    # Nothing more to send.
    again = send_digest(config, now=DIGEST_NOW + timedelta(days=1))
    assert (again.digest_alerts, again.sent) == (0, 0)
    assert len(receiver.json) + len(receiver.mattermost) == report.sent - 1


def test_a_failed_digest_part_is_retried_alone(tmp_path: Path, receiver: Receiver) -> None:
    config = digest_config(tmp_path, [receiver.json_url()])
    keys = record(config, digest_alerts(300))  # three JSON messages
    db = tmp_path / "w.duckdb"
    receiver.refuse = {2}  # the second message of the digest is refused once
    report = send_digest(config, now=DIGEST_NOW)
    assert (report.sent, report.failed) == (3, 1)  # parts 1 and 3, and the JSONL file; part 2 failed
    assert [(m["part"], m["parts"]) for m in receiver.json] == [(1, 3), (3, 3)]
    delivered = {k for m in receiver.json for k in m["dedup_keys"]}
    refused = keys - delivered
    assert 100 <= len(refused) <= 150
    status = dict(rows(db, "select dedup_key, status from alerts"))
    assert {status[k] for k in delivered} == {"in_digest"}
    assert {status[k] for k in refused} == {"failed"}  # the JSONL file has them, the webhook not yet
    errors = rows(db, "select distinct last_error, attempts from alerts where status = 'failed'")
    assert (
        len(errors) == 1
        and errors[0][0].startswith(f"{shown(receiver.json_url())}: ")
        and "503" in errors[0][0]
        and errors[0][1] == 1
    )

    # The next run retries them (retry_base_s = 0): one message with just those, the rest not repeated.
    retried = run_alerts(config)
    assert (retried.sent, retried.failed) == (1, 0)
    assert set(receiver.json[-1]["dedup_keys"]) == refused
    assert Counter(k for m in receiver.json for k in m["dedup_keys"]) == Counter(dict.fromkeys(keys, 1))
    assert rows(db, "select status, count(*) from alerts group by 1") == [("in_digest", 300)]
    attempts = Counter(rows(db, "select channel, attempts from alert_deliveries"))
    assert attempts == {
        (shown(receiver.json_url()), 1): 300 - len(refused),
        (shown(receiver.json_url()), 2): len(refused),
        (str(tmp_path / "alerts.jsonl"), 1): 300,
    }
    lines = (tmp_path / "alerts.jsonl").read_text().splitlines()
    assert Counter(json.loads(line)["dedup_key"] for line in lines) == Counter(dict.fromkeys(keys, 1))
    assert run_alerts(config).sent == 0 and send_digest(config).sent == 0


def test_webhook_fields_arrive_as_they_are_and_long_alerts_fit(tmp_path: Path, receiver: Receiver) -> None:
    config = digest_config(tmp_path, [receiver.json_url() + "?:team=desk%20one", receiver.mattermost_url()])
    name = "major story & co: 100% (PRK+RUS) #1"
    rule = parse_alert_rule({"name": name, "kind": "new_coverage", "mode": "instant"})
    events = [
        {
            "actor_id": "PRK",
            "event_type": "MOBILIZE",
            "recipient_id": "RUS",
            "sentence": f"Event {i}: " + "troops " * 45,
        }
        for i in range(40)
    ]
    alert = make_alert(rule, "cluster:long", "Long story", DIGEST_NOW, summary="many events", events=events)
    record(config, [alert])
    report = deliver_due(config, now=DIGEST_NOW)
    assert (report.sent, report.failed) == (3, 0)

    (posted,) = receiver.json
    assert (posted["rule"], posted["kind"], posted["dedup_key"]) == (name, "new_coverage", alert.dedup_key)
    assert posted["alert_id"] == alert.alert_id and posted["team"] == "desk one"  # the URL's own field still works
    assert posted["message"].count("Event: PRK MOBILIZE") == 40  # 13,000 characters fit a JSON webhook
    (text,) = receiver.mattermost
    assert len(text) <= 4000 and text.startswith("Long story\r\nRule: ")
    assert text.splitlines()[-1] == f"dedup_key: {alert.dedup_key} (alert {alert.alert_id})"
    shown = text.count("Event: PRK MOBILIZE")
    assert 0 < shown < 40 and f"… {40 - shown} more lines left out to fit this channel" in text
    assert rows(tmp_path / "w.duckdb", "select status from alerts") == [("sent",)]


def test_migration_009_requeues_alerts_of_an_undelivered_old_digest(tmp_path: Path, receiver: Receiver) -> None:
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    migrate(con, db, target=8)
    now = DIGEST_NOW
    old = [
        ("m1", "in_digest", "d-old"),
        ("m2", "in_digest", "d-old"),
        ("m3", "sent", "d-sent"),
        ("m4", "digest_pending", None),
    ]
    for key, status, digest_key in old:
        con.execute(
            "INSERT INTO alerts (dedup_key, alert_id, rule, kind, mode, subject, title, created_at, status, digest_key,"
            " payload) VALUES (?, ?, 'daily', 'new_coverage', 'digest', ?, ?, ?, ?, ?, ?)",
            [
                key,
                f"a-{key}",
                key,
                f"title {key}",
                now,
                status,
                digest_key,
                json.dumps(
                    {
                        "dedup_key": key,
                        "alert_id": f"a-{key}",
                        "rule": "daily",
                        "kind": "new_coverage",
                        "mode": "digest",
                        "title": f"title {key}",
                        "created_at": "2026-12-04T06:00:00Z",
                    }
                ),
            ],
        )
    con.execute(
        "INSERT INTO alerts (dedup_key, alert_id, rule, kind, mode, subject, title, created_at, status, payload)"
        " VALUES ('d-old', 'a-d-old', 'digest', 'digest', 'instant', 'digest:x', 'old digest', ?, 'failed', '{}')",
        [now],
    )
    con.execute(
        "INSERT INTO alert_deliveries (dedup_key, channel_id, channel, status, attempts)"
        " VALUES ('d-old', 'apprise:x', 'json://***', 'failed', 1)"
    )
    con.close()

    config = digest_config(tmp_path, [receiver.json_url()])
    report = send_digest(config, now=now)  # opening the warehouse applies 009
    assert dict(rows(db, "select dedup_key, status from alerts")) == {
        "m1": "in_digest",  # sent again, whole, by the new digest
        "m2": "in_digest",
        "m3": "in_digest",  # delivered by an old digest: the status the README gives it
        "m4": "in_digest",
        "d-old": "gave_up",  # the old digest is not sent any more: its alerts went in the new one
    }
    assert rows(
        db, "select status, last_error like '%migration 009%' from alert_deliveries where dedup_key = 'd-old'"
    ) == [("gave_up", True)]
    # 010: a delivery recorded before channels had fingerprints is shown with its own (from its channel_id).
    assert rows(db, "select channel from alert_deliveries where dedup_key = 'd-old'") == [("json://***#x",)]
    assert report.digest_alerts == 3 and sorted(receiver.json[0]["dedup_keys"]) == ["m1", "m2", "m4"]


def test_the_digest_links_the_latest_report(tmp_path: Path, receiver: Receiver) -> None:
    config = digest_config(tmp_path, [receiver.json_url()])
    record(config, digest_alerts(3))
    sent = send_digest(config, now=DIGEST_NOW)
    assert (sent.digest_alerts, sent.failed) == (3, 0)
    # Written beside the warehouse (the default), fresh, and named in the message and its fields.
    page = tmp_path / "report.html"
    assert page.is_file() and page.read_text().lstrip().lower().startswith("<!doctype html")
    (message,) = receiver.json
    assert f"Latest report: {page}" in message["message"].splitlines()
    assert message["report"] == str(page)
    lines = [json.loads(line) for line in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    assert {line["digest"]["report"] for line in lines if "digest" in line} == {str(page)}

    # A URL where the file is served is linked instead; "" switches the report off.
    toml = tmp_path / "storywatch.toml"
    toml.write_text(toml.read_text() + 'report_url = "https://intranet.example/storywatch/report.html"\n')
    record(load_config(toml), digest_alerts(4)[3:])
    send_digest(load_config(toml), now=DIGEST_NOW)
    assert "Latest report: https://intranet.example/storywatch/report.html" in receiver.json[-1]["message"]
    page.unlink()
    toml.write_text(toml.read_text() + 'report = ""\n')
    record(load_config(toml), digest_alerts(5)[4:])
    send_digest(load_config(toml), now=DIGEST_NOW)
    assert "Latest report" not in receiver.json[-1]["message"] and "report" not in receiver.json[-1]
    assert not page.exists()
