"""Alerts per development (story threads, warehouse/migrations/011_threads.sql): `new_thread`,
`thread_growth`, `new_coverage` grouped by thread, and the digest grouped by thread, on real
warehouse files and delivered through real channels (the JSONL file, a local JSON webhook).

The kinds' cases (merges, revivals, growth over days, 60 alerts over 12 threads) write their threads
with plain SQL, as the threads step leaves them; the last test runs the real pipeline over a local
feed of several outlets, its threads assigned by the threads step."""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, time, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import duckdb
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

import warehouse.alerts as store
from flows.alerts.alert import make_alert
from flows.alerts.channels import configured_channels
from flows.alerts.delivery import deliver_due, send_digest
from flows.alerts.digest import digest_messages
from flows.alerts.evaluate import alert_row, evaluate_rules
from flows.alerts.kinds.thread_growth import outlet_step
from flows.alerts.messages import MessageLimit
from flows.config import Config, ConfigError, load_config, parse_alert_rule
from tests.helpers import REPO, local_config, rows
from tests.thread_seeds import KURSK, SeedText
from warehouse.db import connect

NOW = datetime(2026, 12, 4, 12, 0, 0)
DAY = timedelta(days=1)


class ThreadedWarehouse:
    """A real warehouse file whose articles and threads are written with SQL, as a run's load and
    threads step leave them: `threads` rows with their aggregates, `thread_articles`, and
    `thread_changes` for merges and revivals."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self._open: duckdb.DuckDBPyConnection | None = None
        with connect(db) as con:
            con.execute("INSERT INTO sources (source_id, kind, name) VALUES ('feed-news', 'feed', 'News search')")
            con.execute(
                "INSERT INTO entities (entity_id, name, kind) VALUES"
                " ('PRK', 'North Korea', 'state'), ('RUS', 'Russia', 'state'), ('CHN', 'China', 'state')"
            )

    @contextmanager
    def batch(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One connection for the writes inside the block (closed before the rules read the file)."""
        if self._open is not None:
            yield self._open
            return
        with connect(self.db) as con:
            self._open = con
            try:
                yield con
            finally:
                self._open = None

    def sql(self, sql: str, params: Sequence[Any] = ()) -> None:
        with self.batch() as con:
            con.execute(sql, list(params))

    def article(
        self,
        article_id: str,
        outlet: str,
        seen_at: datetime,
        *,
        title: str | None = None,
        relevance: float = 0.9,
        cluster: str | None = None,
    ) -> str:
        """One article from `outlet` (its URL's host), published at `seen_at`, fetched 5 minutes later."""
        self._insert([(article_id, outlet, seen_at, title, relevance, cluster)])
        return article_id

    def articles(self, prefix: str, outlets: Iterable[str], seen_at: datetime) -> list[str]:
        """One article per outlet, a minute apart from `seen_at`."""
        made = [(f"{prefix}{i}", outlet, seen_at + timedelta(minutes=i)) for i, outlet in enumerate(outlets)]
        self._insert([(article_id, outlet, at, None, 0.9, None) for article_id, outlet, at in made])
        return [article_id for article_id, _, _ in made]

    def _insert(self, articles: Sequence[tuple[str, str, datetime, str | None, float, str | None]]) -> None:
        with self.batch() as con:
            con.executemany(
                "INSERT INTO articles (article_id, source_id, url, title, published_at, fetched_at, text, text_hash,"
                " relevance, cluster_id, run_id) VALUES (?, 'feed-news', ?, ?, ?, ?, ?, ?, ?, ?, 'run-1')",
                [
                    [
                        article_id,
                        f"https://www.{outlet}/news/{article_id}",
                        title or f"Story {article_id}",
                        seen_at,
                        seen_at + timedelta(minutes=5),
                        f"North Korean troops in Kursk ({article_id})",
                        f"hash-{article_id}",
                        relevance,
                        cluster or f"c-{article_id}",
                    ]
                    for article_id, outlet, seen_at, title, relevance, cluster in articles
                ],
            )

    def thread(
        self,
        thread_id: str,
        article_ids: Iterable[str],
        *,
        label: str | None = None,
        main_actors: Sequence[str] = ("PRK", "RUS"),
        key_event: str | None = "PRK MOBILIZE RUS",
    ) -> None:
        """Put the articles in the thread (opening it if new) and bring its aggregates up to date."""
        with self.batch() as con:
            joining = [[article_id, thread_id, thread_id] for article_id in article_ids]
            if joining:
                con.executemany("INSERT OR REPLACE INTO thread_articles VALUES (?, ?, ?, NULL, 'run-1')", joining)
            con.execute(
                "INSERT INTO threads SELECT ?, ?, min(d.seen_at), max(d.seen_at), count(*), count(DISTINCT o.outlet),"
                " count(DISTINCT d.cluster_id), ?, ['MOBILIZE'], ?, 'active', NULL, 'run-1', 'run-1', 'test', NULL"
                " FROM thread_articles ta JOIN article_days d USING (article_id)"
                " JOIN article_outlets o USING (article_id)"
                " WHERE ta.thread_id = ?"
                " ON CONFLICT (thread_id) DO UPDATE SET first_seen = excluded.first_seen,"
                " last_seen = excluded.last_seen, articles = excluded.articles, outlets = excluded.outlets,"
                " stories = excluded.stories",
                [thread_id, label or f"Development {thread_id}", list(main_actors), key_event, thread_id],
            )

    def merge(self, absorbed: str, into: str) -> None:
        """`absorbed` merged into `into`: its articles move, its row stays with status 'merged'."""
        with self.batch():
            self.sql("UPDATE thread_articles SET thread_id = ? WHERE thread_id = ?", [into, absorbed])
            self.sql("UPDATE threads SET status = 'merged', merged_into = ? WHERE thread_id = ?", [into, absorbed])
            self.sql("INSERT INTO thread_changes VALUES (?, 'merged', ?, NULL, ?, 'run-2')", [into, absorbed, NOW])
            self.thread(into, [])

    def revive(self, thread_id: str, article_id: str, at: datetime) -> None:
        with self.batch():
            self.thread(thread_id, [article_id])
            self.sql(
                "INSERT INTO thread_changes VALUES (?, 'revived', NULL, ?, ?, 'run-3')", [thread_id, article_id, at]
            )


@pytest.fixture
def story(tmp_path: Path) -> ThreadedWarehouse:
    return ThreadedWarehouse(tmp_path / "w.duckdb")


def config_with(tmp_path: Path, rules: str, channels: Sequence[str] = ()) -> Config:
    path = tmp_path / "storywatch.toml"
    path.write_text(
        f'[warehouse]\npath = "{tmp_path / "w.duckdb"}"\n'
        f'[alerts]\njsonl = "{tmp_path / "alerts.jsonl"}"\nconsole = false\nreport = ""\n'
        f"channels = {json.dumps(list(channels))}\n"
        f"{rules}",
        encoding="utf-8",
    )
    return load_config(path)


def delivered(tmp_path: Path) -> list[dict[str, Any]]:
    path = tmp_path / "alerts.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def subjects(db: Path, rule: str) -> list[str]:
    return [r[0] for r in rows(db, f"SELECT subject FROM alerts WHERE rule = '{rule}' ORDER BY subject")]


OUTLETS = [f"outlet{i:02d}.example" for i in range(40)]

# --- parameters ---------------------------------------------------------------------------------


def test_thread_rule_parameters_are_checked_and_named() -> None:
    def rule(**keys: object) -> object:
        return parse_alert_rule({"name": "x", **keys}).params

    assert rule(kind="new_coverage").group_by == "cluster"  # today's behaviour unless asked
    assert (rule(kind="new_thread").min_outlets, rule(kind="thread_growth").first_step) == (2, 4)
    with pytest.raises(ConfigError, match=r"'alerts.rules\[0\].group_by' must be one of cluster, thread, got 'story'"):
        rule(kind="new_coverage", group_by="story")
    with pytest.raises(ConfigError, match=r"'alerts.rules\[0\].first_step' must be at least 2"):
        rule(kind="thread_growth", first_step=1)
    with pytest.raises(ConfigError, match=r"'alerts.rules\[0\].measures\[1\]' must be one of outlets, articles"):
        rule(kind="thread_growth", measures=["outlets", "words"])
    with pytest.raises(ConfigError, match=r"unknown key 'alerts.rules\[0\].min_outlet' for a new_thread rule"):
        rule(kind="new_thread", min_outlet=3)


# --- new_thread ---------------------------------------------------------------------------------


def test_new_thread_alerts_once_when_a_second_outlet_reports_it(tmp_path: Path, story: ThreadedWarehouse) -> None:
    config = config_with(
        tmp_path,
        '[[alerts.rules]]\nname = "developments"\nkind = "new_thread"\n'
        '[[alerts.rules]]\nname = "china"\nkind = "new_thread"\nactors = ["CHN"]\nmin_outlets = 1\n',
    )
    first = story.article("a1", "yna.co.kr", NOW - timedelta(hours=6), title="North Korea ratifies treaty with Russia")
    story.thread("th-treaty", [first], label="North Korea ratifies treaty with Russia", key_event="PRK RATIFY RUS")
    assert evaluate_rules(config, now=NOW) == {}  # one outlet: not yet a development (min_outlets = 2)

    story.thread("th-treaty", [story.article("a2", "tass.ru", NOW - timedelta(hours=5))])
    # A development that opened four days ago is not news, however many outlets carry it.
    old = story.articles("old", OUTLETS[:3], NOW - 4 * DAY)
    story.thread("th-old", old)
    story.sql("UPDATE articles SET fetched_at = ? WHERE article_id LIKE 'old%'", [NOW - timedelta(hours=1)])
    assert evaluate_rules(config, now=NOW) == {"developments": 1}
    for n in range(3):  # more outlets, more runs: never again
        story.thread("th-treaty", [story.article(f"more{n}", OUTLETS[n], NOW - timedelta(hours=4 - n))])
        assert evaluate_rules(config, now=NOW + timedelta(minutes=30 * n)) == {}

    # The actors filter reads the thread's main actors; this rule takes single-outlet developments.
    story.thread("th-beijing", [story.article("b1", "xinhua.net", NOW - timedelta(hours=2))], main_actors=["CHN"])
    assert evaluate_rules(config, now=NOW) == {"china": 1}
    assert subjects(story.db, "developments") == ["thread:th-treaty"]
    assert subjects(story.db, "china") == ["thread:th-beijing"]

    assert deliver_due(config, now=NOW).sent == 2
    treaty = next(d for d in delivered(tmp_path) if d["rule"] == "developments")
    assert treaty["title"] == "New development: North Korea ratifies treaty with Russia"
    assert treaty["outlets"] == ["yna.co.kr", "tass.ru"]  # as of the alert, in order of first report
    assert treaty["articles"][0]["article_id"] == "a1"  # the first article first
    assert treaty["events"] == [{"actor_id": "PRK", "event_type": "RATIFY", "recipient_id": "RUS"}]
    assert [e["name"] for e in treaty["entities"]] == ["North Korea", "Russia"]
    assert treaty["thread"]["thread_id"] == "th-treaty" and treaty["scores"]["outlets"] == 2
    assert "main actors North Korea, Russia" in treaty["summary"] and "key event PRK RATIFY RUS" in treaty["message"]
    message = treaty["message"].splitlines()
    assert "Outlets (2): yna.co.kr, tass.ru" in message and "Event: PRK RATIFY → RUS" in message


def test_a_merged_development_does_not_alert_twice(tmp_path: Path, story: ThreadedWarehouse) -> None:
    config = config_with(tmp_path, '[[alerts.rules]]\nname = "developments"\nkind = "new_thread"\n')
    story.thread("th-a", story.articles("a", OUTLETS[:2], NOW - timedelta(hours=8)))
    story.thread("th-b", story.articles("b", OUTLETS[2:3], NOW - timedelta(hours=7)))  # one outlet: not yet
    assert evaluate_rules(config, now=NOW) == {"developments": 1}

    # th-a (announced) is merged into th-b, which now has three outlets: it is the development
    # already announced, and th-a, merged away, never alerts again.
    story.merge("th-a", "th-b")
    story.thread("th-b", [story.article("b9", OUTLETS[9], NOW - timedelta(hours=1))])
    assert evaluate_rules(config, now=NOW) == {}
    # The same shape without a merge behind it does alert: the lineage is what keeps th-b quiet.
    story.thread("th-c", story.articles("c", OUTLETS[3:6], NOW - timedelta(hours=6)))
    assert evaluate_rules(config, now=NOW) == {"developments": 1}
    # A merge of two announced threads (th-c absorbs th-d): nothing new either.
    story.thread("th-d", story.articles("d", OUTLETS[6:8], NOW - timedelta(hours=5)))
    assert evaluate_rules(config, now=NOW) == {"developments": 1}
    story.merge("th-d", "th-c")
    assert evaluate_rules(config, now=NOW + timedelta(hours=1)) == {}
    assert subjects(story.db, "developments") == ["thread:th-a", "thread:th-c", "thread:th-d"]
    assert rows(story.db, "SELECT count(*) FROM alerts") == [(3,)]


def test_a_revived_development_alerts_once_per_revival_when_asked(tmp_path: Path, story: ThreadedWarehouse) -> None:
    config = config_with(
        tmp_path,
        '[[alerts.rules]]\nname = "plain"\nkind = "new_thread"\n'
        '[[alerts.rules]]\nname = "with revivals"\nkind = "new_thread"\nrevivals = true\n',
    )
    story.thread("th-veto", story.articles("v", OUTLETS[:2], NOW - 2 * DAY))
    assert evaluate_rules(config, now=NOW - 2 * DAY + timedelta(hours=1)) == {"plain": 1, "with revivals": 1}
    # Dormant, then an article revives it (story time NOW - 1 h).
    story.sql("INSERT INTO thread_changes VALUES ('th-veto', 'dormant', NULL, NULL, ?, 'run-2')", [NOW - DAY])
    story.revive("th-veto", story.article("v9", OUTLETS[5], NOW - timedelta(hours=1)), NOW - timedelta(hours=1))
    assert evaluate_rules(config, now=NOW) == {"with revivals": 1}
    assert evaluate_rules(config, now=NOW + timedelta(hours=1)) == {}
    revived = "thread:th-veto:revived:" + (NOW - timedelta(hours=1)).isoformat() + "Z"
    assert subjects(story.db, "with revivals") == ["thread:th-veto", revived]
    deliver_due(config, now=NOW)
    back = next(d for d in delivered(tmp_path) if d["subject"] == revived)
    assert back["title"].startswith("Development back: ") and [a["article_id"] for a in back["articles"]] == ["v9"]


# --- thread_growth ------------------------------------------------------------------------------


def test_outlet_steps_double() -> None:
    assert [outlet_step(n, 4) for n in (1, 3, 4, 7, 8, 15, 16, 33)] == [None, None, 4, 4, 8, 8, 16, 32]


def test_growth_steps_alert_once_each(tmp_path: Path, story: ThreadedWarehouse) -> None:
    config = config_with(
        tmp_path, '[[alerts.rules]]\nname = "spreads"\nkind = "thread_growth"\nmeasures = ["outlets"]\n'
    )
    day1 = NOW - 2 * DAY
    story.thread("th-kursk", story.articles("k", OUTLETS[:3], day1))
    # A thread born big on its first day is new_thread's news, not growth.
    story.thread("th-big", story.articles("big", OUTLETS[10:20], NOW - DAY))
    assert evaluate_rules(config, now=NOW - DAY + timedelta(hours=1)) == {}

    story.thread("th-kursk", story.articles("k2-", OUTLETS[3:5], NOW - DAY))  # 5 outlets on its second day
    assert evaluate_rules(config, now=NOW - DAY + timedelta(hours=1)) == {"spreads": 1}
    assert evaluate_rules(config, now=NOW - DAY + timedelta(hours=2)) == {}
    story.thread("th-kursk", story.articles("k3-", OUTLETS[5:9], NOW - DAY + timedelta(hours=3)))  # 9
    assert evaluate_rules(config, now=NOW - DAY + timedelta(hours=4)) == {"spreads": 1}
    story.thread("th-kursk", story.articles("k4-", OUTLETS[9:12], NOW - timedelta(hours=3)))  # 12: no new step
    assert evaluate_rules(config, now=NOW) == {}
    # One run that crosses several steps alerts the highest only: 3 → 17 outlets is step 16.
    story.thread("th-jump", story.articles("j", OUTLETS[20:23], day1))
    story.thread("th-jump", story.articles("j2-", OUTLETS[23:37], NOW - timedelta(hours=2)))
    assert evaluate_rules(config, now=NOW) == {"spreads": 1}
    assert evaluate_rules(config, now=NOW + timedelta(hours=1)) == {}
    assert subjects(story.db, "spreads") == [
        "thread:th-jump:outlets>=16",
        "thread:th-kursk:outlets>=4",
        "thread:th-kursk:outlets>=8",
    ]
    deliver_due(config, now=NOW)
    eight = next(d for d in delivered(tmp_path) if d["subject"] == "thread:th-kursk:outlets>=8")
    assert eight["title"] == "Spreading: Development th-kursk — 9 outlets (was 3)"
    assert eight["growth"]["new_outlets"] == OUTLETS[3:9] and len(eight["outlets"]) == 9


def test_a_surge_against_the_threads_own_days_alerts_once(tmp_path: Path, story: ThreadedWarehouse) -> None:
    config = config_with(
        tmp_path, '[[alerts.rules]]\nname = "surges"\nkind = "thread_growth"\nmeasures = ["articles"]\n'
    )
    for back in range(4, 0, -1):  # one article a day for four days
        story.thread("th-aid", [story.article(f"d{back}", OUTLETS[back], NOW - back * DAY)])
    story.thread("th-young", [story.article("young", OUTLETS[0], NOW - DAY)])  # one day of history: too young
    story.thread("th-young", story.articles("y", OUTLETS[:10], NOW - timedelta(hours=5)))
    story.thread("th-aid", story.articles("s", OUTLETS[10:14], NOW - timedelta(hours=4)))
    assert evaluate_rules(config, now=NOW) == {}  # 4 today: below min_articles (5)
    story.thread("th-aid", story.articles("t", OUTLETS[14:20], NOW - timedelta(hours=2)))  # 10 today
    assert evaluate_rules(config, now=NOW) == {"surges": 1}
    assert evaluate_rules(config, now=NOW + timedelta(hours=2)) == {}
    assert subjects(story.db, "surges") == [f"thread:th-aid:articles:{NOW.date()}"]
    deliver_due(config, now=NOW)
    (surge,) = delivered(tmp_path)
    assert surge["scores"]["today"] == 10 and surge["scores"]["baseline_mean"] == 1.0 and surge["scores"]["z"] == 9.0


# --- new_coverage grouped by thread -------------------------------------------------------------


def test_new_coverage_by_thread_is_one_alert_for_many_outlets(tmp_path: Path, story: ThreadedWarehouse) -> None:
    config = config_with(
        tmp_path,
        '[[alerts.rules]]\nname = "per story"\nkind = "new_coverage"\nmin_relevance = 0.25\n'
        '[[alerts.rules]]\nname = "per development"\nkind = "new_coverage"\nmin_relevance = 0.25\n'
        'group_by = "thread"\n',
    )
    story.thread("th-troops", story.articles("p", OUTLETS[:6], NOW - timedelta(hours=3)), label="Troops reach Kursk")
    # Below the topic's bar (0.35): not relevant, so no thread; the rules' own bar (0.25) takes it.
    story.article("lone", "nknews.org", NOW - timedelta(hours=2), relevance=0.3)
    assert evaluate_rules(config, now=NOW) == {"per story": 7, "per development": 2}
    assert evaluate_rules(config, now=NOW + timedelta(minutes=30)) == {}
    # The same day, a seventh outlet: one more story, the same development-day.
    story.thread("th-troops", [story.article("p7", OUTLETS[7], NOW - timedelta(hours=1))])
    assert evaluate_rules(config, now=NOW) == {"per story": 1}
    # A relevant article whose run left it without a thread (a failed threads step) waits for it.
    story.article("unthreaded", "kcna.kp", NOW - timedelta(minutes=30), title="Kim visits Moscow")
    assert evaluate_rules(config, now=NOW) == {"per story": 1}
    story.thread("th-visit", ["unthreaded"], label="Kim visits Moscow")
    assert evaluate_rules(config, now=NOW) == {"per development": 1}
    # The next day: the development's coverage that day is news again.
    story.thread("th-troops", [story.article("p8", OUTLETS[8], NOW + timedelta(hours=13))])
    later = NOW + timedelta(hours=14)
    assert evaluate_rules(config, now=later) == {"per story": 1, "per development": 1}

    day = (NOW - timedelta(hours=3)).date()
    assert subjects(story.db, "per development") == [
        "cluster:c-lone",  # an article without a thread still alerts, by its cluster
        f"thread:th-troops:{day}",
        f"thread:th-troops:{day + DAY}",
        f"thread:th-visit:{day}",
    ]
    deliver_due(config, now=later)
    (first, _visit, second) = [d for d in delivered(tmp_path) if d["rule"] == "per development" and "thread" in d]
    assert first["title"] == "New coverage: Troops reach Kursk"
    assert first["outlets"] == OUTLETS[:6] and "carried by 6 outlets" in first["summary"]
    assert first["thread"]["thread_id"] == "th-troops" and second["outlets"] == [OUTLETS[8]]


# --- the digest, grouped by thread --------------------------------------------------------------


class Hook:
    """A JSON webhook (apprise `json://`) on a local server, keeping each message it receives."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.messages: list[dict[str, Any]] = []
        server.expect_request("/hook").respond_with_handler(self.receive)

    def receive(self, request: Request) -> Response:
        self.messages.append(json.loads(request.get_data()))
        return Response("ok")

    @property
    def url(self) -> str:
        return f"json://{self.server.host}:{self.server.port}/hook"


@pytest.fixture
def hook(httpserver: HTTPServer) -> Iterator[Hook]:
    yield Hook(httpserver)


def groups_in(body: str) -> dict[str, str]:
    """dedup_key → the group header it is listed under, in a digest message's text."""
    under: dict[str, str] = {}
    header = ""
    for line in body.splitlines():
        if line.startswith("== "):
            header = line
        elif line.startswith("  dedup_key: "):
            under[line.split()[-1]] = header
    return under


def digest_story(story: ThreadedWarehouse, config: Config) -> dict[str, str]:
    """12 threads of 5 articles and 5 digest alerts each (60), plus 3 alerts whose article has no
    thread; then th-11 merged into th-10. Returns dedup_key → the thread it must be listed under."""
    expected: dict[str, str] = {}
    made = []
    with story.batch():
        threads = {
            f"th-{t:02d}": story.articles(f"t{t}-", OUTLETS[t : t + 5], NOW - timedelta(hours=24 - t))
            for t in range(12)
        }
        for thread_id, ids in threads.items():
            story.thread(thread_id, ids, label=f"Development number {int(thread_id[3:])}")
    for thread_id, ids in threads.items():
        for n, article_id in enumerate(ids):
            rule = parse_alert_rule({"name": ("daily", "firsts")[n % 2], "kind": "new_coverage", "mode": "digest"})
            alert = make_alert(
                rule, f"cluster:{article_id}", f"Story {article_id}", NOW, summary="why", article_id=article_id
            )
            made.append(alert)
            expected[alert.dedup_key] = thread_id
    for n in range(3):
        article_id = story.article(f"x{n}", "other.example", NOW - timedelta(hours=2), relevance=0.2)
        rule = parse_alert_rule({"name": "daily", "kind": "new_coverage", "mode": "digest"})
        alert = make_alert(rule, f"cluster:{article_id}", f"Lone {n}", NOW, summary="why", article_id=article_id)
        made.append(alert)
        expected[alert.dedup_key] = "other"
    channels = [(c.id, c.display) for c in configured_channels(config.alerts)]
    with store.open_warehouse(config.warehouse.path, wait_s=5) as con:
        assert len(store.insert_alerts(con, [alert_row(a, "run-1") for a in made], channels, NOW)) == 63
    story.merge("th-11", "th-10")
    return {key: "th-10" if thread == "th-11" else thread for key, thread in expected.items()}


def test_digest_of_60_alerts_over_12_threads_lists_all_grouped(
    tmp_path: Path, story: ThreadedWarehouse, hook: Hook
) -> None:
    config = config_with(tmp_path, "", channels=[hook.url])
    expected = digest_story(story, config)
    report = send_digest(config, now=NOW)
    assert report.digest_alerts == 63 and report.failed == 0

    # The webhook: one message (it fits), every alert listed once under its thread's header.
    (message,) = hook.messages
    listed = groups_in(message["message"])
    assert sorted(listed) == sorted(expected)
    for key, thread in expected.items():
        header = "== other ==" if thread == "other" else f"(thread {thread}) =="
        assert listed[key].endswith(header), (key, listed[key])
    headers = [line for line in message["message"].splitlines() if line.startswith("== ")]
    assert len(headers) == 12  # 11 threads (th-11 is in th-10 now), then "other", each once
    assert headers[0] == "== Development number 10 (thread th-10) ==" and headers[-1] == "== other =="
    assert Counter(expected.values())["th-10"] == 10 and message["message"].count("• [") == 63

    # The JSONL file: each alert whole, with the group it was listed under.
    lines = delivered(tmp_path)
    assert len(lines) == 63 and {d["dedup_key"] for d in lines} == set(expected)
    for line in lines:
        assert ((line["digest"]["thread"] or {}).get("thread_id") or "other") == expected[line["dedup_key"]]
    assert rows(story.db, "SELECT DISTINCT status FROM alerts") == [("in_digest",)]
    assert send_digest(config, now=NOW + DAY).digest_alerts == 0


def test_a_small_channel_splits_the_grouped_digest_and_drops_nothing(tmp_path: Path, story: ThreadedWarehouse) -> None:
    config = config_with(tmp_path, "")
    expected = digest_story(story, config)
    with store.open_warehouse(config.warehouse.path, wait_s=5) as con:
        payloads = [json.loads(r[0]) for r in con.execute("SELECT payload FROM alerts").fetchall()]
        threads = store.alert_threads(con, expected)
    limit = MessageLimit(body=1200, title=100)
    messages = digest_messages(payloads, now=NOW, limit=limit, threads=threads)
    assert len(messages) >= 4
    seen: dict[str, str] = {}
    for message in messages:
        assert limit.fits(message.title, message.body)
        assert message.body.startswith("== ")  # each part opens with its group's header
        listed = groups_in(message.body)
        assert list(listed) == list(message.members) and not set(listed) & set(seen)
        seen |= listed
    assert set(seen) == set(expected)
    for key, thread in expected.items():
        assert seen[key].endswith("== other ==" if thread == "other" else f"(thread {thread}) ==")
    # Groups stay together across parts: the most recently active thread first, "other" last.
    order = list(dict.fromkeys(expected[key] for m in messages for key in m.members))
    assert order == [f"th-{t:02d}" for t in range(10, -1, -1)] + ["other"]


# --- through real runs ----------------------------------------------------------------------------


def outlet_page(title: str, text: str, published: datetime, canonical: str) -> str:
    """An article page whose canonical address is on its outlet's site (the outlet article_outlets names)."""
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f'<link rel="canonical" href="{canonical}">'
        f'<meta property="article:published_time" content="{published.isoformat()}Z"></head>'
        f"<body><main><article><h1>{html.escape(title)}</h1><p>{html.escape(text)}</p></article></main></body></html>"
    )


class Outlets:
    """A feed on this machine whose items are the pages of several outlets (by canonical address)."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.items: list[tuple[str, str, datetime]] = []
        server.expect_request("/feed.xml").respond_with_handler(self.feed)

    def publish(self, seed: SeedText, outlet: str, published: datetime) -> None:
        path = f"/{outlet}/{seed.key}"
        page = outlet_page(seed.title, seed.text, published, f"https://www.{outlet}/world/{seed.key}")
        self.server.expect_request(path).respond_with_data(page, content_type="text/html; charset=utf-8")
        self.items.append((seed.title, self.server.url_for(path), published))

    def feed(self, request: Request) -> Response:
        entries = "".join(
            f"<item><title>{html.escape(t)}</title><link>{html.escape(u)}</link><guid>{html.escape(u)}</guid>"
            f"<pubDate>{format_datetime(p.replace(tzinfo=UTC))}</pubDate></item>"
            for t, u, p in self.items
        )
        body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{entries}</channel></rss>'
        return Response(body, content_type="application/rss+xml")


RUN_RULES = """
[[alerts.rules]]
name = "developments"
kind = "new_thread"

[[alerts.rules]]
name = "per story"
kind = "new_coverage"

[[alerts.rules]]
name = "per development"
kind = "new_coverage"
group_by = "thread"

[[alerts.rules]]
name = "daily"
kind = "new_coverage"
mode = "digest"
"""


def test_real_runs_alert_once_per_development(tmp_path: Path, httpserver: HTTPServer) -> None:
    from flows.pipeline import ingest_run

    outlets = Outlets(httpserver)
    more = f'[alerts]\njsonl = "{tmp_path / "alerts.jsonl"}"\nconsole = false\nreport = ""\n{RUN_RULES}'
    feeds = [{"name": "News", "url": httpserver.url_for("/feed.xml")}]
    config = load_config(local_config(tmp_path, feeds, more=more))
    db = tmp_path / "w.duckdb"
    # Three outlets on one development (Kursk), minutes apart today.
    start = max(
        datetime.now(UTC).replace(tzinfo=None, microsecond=0) - timedelta(hours=1),
        datetime.combine(datetime.now(UTC).date(), time()),
    )

    def run() -> dict[str, int]:
        summary = ingest_run(config, seeds_dir=str(REPO / "seeds"), all_feeds=True)
        assert summary.status == "completed", summary.errors
        return dict(Counter(r[0] for r in rows(db, "SELECT rule FROM alerts")))

    outlets.publish(KURSK[0], "defense.example", start)
    assert run() == {"per story": 1, "per development": 1, "daily": 1}  # one outlet: not yet a development
    for n, (seed, outlet) in enumerate(zip(KURSK[1:], ("kyiv.example", "seoul.example"), strict=True), start=1):
        outlets.publish(seed, outlet, start + timedelta(seconds=10 * n))
    after = run()
    assert after == {"per story": 3, "per development": 1, "daily": 3, "developments": 1}
    assert run() == after  # a rerun alerts nothing

    (thread_id,) = {
        r[0]
        for r in rows(db, "SELECT thread_id FROM thread_articles JOIN articles USING (article_id) WHERE NOT is_seed")
    }
    lines = delivered(tmp_path)
    (development,) = [d for d in lines if d["rule"] == "developments"]
    assert development["subject"] == f"thread:{thread_id}"
    assert development["outlets"] == ["defense.example", "kyiv.example", "seoul.example"]
    (coverage,) = [d for d in lines if d["rule"] == "per development"]
    assert coverage["subject"].startswith(f"thread:{thread_id}:") and coverage["outlets"] == ["defense.example"]

    report = send_digest(config)
    assert report.digest_alerts == 3
    digest = [d for d in delivered(tmp_path) if d["rule"] == "daily"]
    assert len(digest) == 3 and {d["digest"]["thread"]["thread_id"] for d in digest} == {thread_id}
