"""The report's Developments section: story threads as lanes over time, each linking to its articles.

The warehouse is written with the warehouse's own loader (RunBatch + load_batch); its threads are
written with plain SQL INSERTs into the tables of migration 011 (what the threads step stores), so
every number the section should show is known here. One title is hostile, one URL is `javascript:`.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import catalogue_rows
from flows.report import render_report
from flows.report.figures import threads_chart
from tests.browser import Page
from tests.helpers import REPO, Story, rows, warehouse_at_schema
from warehouse.db import connect
from warehouse.load import RunBatch, load_batch
from warehouse.report import Limits, read_report_data

sys.path.insert(0, str(REPO / "scripts"))
import cookbook  # scripts/ is not a package; it builds the cookbook's warehouse

START = date(2025, 1, 6)
HOSTILE = "Troops <script>alert(1)</script> & <b>Kursk</b>"
ESCAPED = "Troops &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;Kursk&lt;/b&gt;"


def _day(offset: int) -> date:
    return START + timedelta(offset)


ITEMS = (
    Story("a1", _day(0), (), "Russia ratifies the treaty with North Korea", "https://tass.com/politics/1"),
    Story("a2", _day(0), (), "Duma ratifies pact with Pyongyang", "https://www.reuters.com/world/a2"),
    Story("a3", _day(1), (), "Putin signs the law ratifying the treaty", "https://apnews.com/article/a3"),
    Story("a4", _day(2), (), "Treaty with North Korea enters into force", "https://reuters.com/world/a4"),
    Story("b1", _day(5), (), HOSTILE, "https://www.nknews.org/b1"),
    Story("b2", _day(6), (), "Seed article on the Kursk fighting", "seed:b2", source="seeds"),
    Story("c1", _day(6), (), "Ukraine captures two North Korean soldiers", "https://kyivindependent.com/c1"),
    Story("d1", _day(9), (), "Xi receives Kim in Beijing", "javascript:alert(2)"),
    Story("e1", _day(10), (), "UN panel on sanctions ends after veto", "https://apnews.com/article/e1"),
    # Not relevant: no thread.
    Story("x1", _day(10), (), "Tokyo weather", "https://apnews.com/article/x1", relevant=False),
)


@dataclass(frozen=True)
class Thread:
    thread_id: str
    label: str
    articles: tuple[str, ...]  # joined it when assigned
    key_event: str | None = None
    main_actors: tuple[str, ...] = ()
    status: str = "active"
    merged_into: str | None = None


THREADS = (
    Thread(
        "th-a", "Russia ratifies the treaty with North Korea", ("a1", "a2", "a3", "a4"), "RUS AGREE PRK", ("RUS", "PRK")
    ),
    Thread("th-b", HOSTILE, ("b1", "b2"), "PRK MOBILIZE RUS", ("PRK", "RUS", "UKR")),
    Thread("th-c", "Ukraine captures two North Korean soldiers", ("c1",), status="merged", merged_into="th-b"),
    Thread("th-d", "Xi receives Kim in Beijing", ("d1",), "CHN CONSULT PRK", ("CHN", "PRK"), status="dormant"),
    Thread("th-e", "UN panel on sanctions ends after veto", ("e1",), "RUS REJECT -", ("RUS",)),
)
# Where each thread's articles are now: th-c was merged into th-b.
CURRENT = {"th-c": "th-b"}


def _batch() -> RunBatch:
    now = datetime(2025, 1, 20, 6, 0)
    feed = {"source_id": "feed-good", "kind": "feed", "name": "Good Feed", "url": "https://good.example/rss"}
    return RunBatch(
        run={"run_id": "run-1", "started_at": now, "finished_at": now, "status": "completed"},
        settings={"min_relevance": "0.35"},
        entities=catalogue_rows(),  # names for the key events
        sources=[feed, {"source_id": "seeds", "kind": "seed", "name": "Seeds"}],
        articles=[story.article_row("run-1") for story in ITEMS],
    )


def insert_threads(con: duckdb.DuckDBPyConnection, threads: tuple[Thread, ...], run_id: str = "run-1") -> None:
    """Store threads as the threads step does: a `threads` row each (first/last seen and counts from
    its articles), a `thread_articles` row per article (thread_id after merges), an 'opened' change."""
    for thread in threads:
        current = CURRENT.get(thread.thread_id, thread.thread_id)
        for index, article_id in enumerate(thread.articles):
            con.execute(
                "INSERT INTO thread_articles VALUES ($1, $2, $3, $4, $5)",
                [article_id, current, thread.thread_id, None if index == 0 else 0.5, run_id],
            )
        con.execute(
            """
            INSERT INTO threads
            SELECT $1, $2, min(d.seen_at), max(d.seen_at), count(*), count(DISTINCT o.outlet),
                   count(DISTINCT d.cluster_id), $3, [], $4, $5, $6, $7, $7, 'test', NULL
            FROM article_days d JOIN article_outlets o USING (article_id)
            WHERE article_id IN (SELECT unnest($8))
            """,
            [
                thread.thread_id,
                thread.label,
                list(thread.main_actors),
                thread.key_event,
                thread.status,
                thread.merged_into,
                run_id,
                list(thread.articles),
            ],
        )
        con.execute(
            "INSERT INTO thread_changes"
            " SELECT $1, 'opened', NULL, $2, seen_at, $3 FROM article_days WHERE article_id = $2",
            [thread.thread_id, thread.articles[0], run_id],
        )


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("threads") / "story.duckdb"
    with connect(path) as con:
        load_batch(con, _batch())
        insert_threads(con, THREADS)
    return path


# ---------------------------------------------------------------------------------------------
# The data


def test_each_development_is_counted_in_the_thread_that_holds_its_articles_now(warehouse: Path) -> None:
    data = read_report_data(warehouse)
    assert data.threads is not None
    assert data.threads_total == 4  # th-c was merged into th-b: its article counts there
    assert data.threaded_articles == 9  # every relevant article; x1 is not relevant
    # Newest development first.
    assert [t.thread_id for t in data.threads] == ["th-e", "th-d", "th-b", "th-a"]
    lanes = {t.thread_id: t for t in data.threads}

    treaty = lanes["th-a"]
    assert (treaty.articles, treaty.outlets, treaty.stories) == (4, 3, 4)
    assert (treaty.first_day, treaty.last_day) == (START, _day(2))
    # (day, articles, outlets, outlets new to the thread): reuters.com is back on day 2, not new.
    assert [(b.day, b.articles, b.outlets, b.new_outlets) for b in treaty.bins] == [
        (START, 2, 2, 2),
        (_day(1), 1, 1, 1),
        (_day(2), 1, 1, 0),
    ]
    assert treaty.top_outlets == [("reuters.com", 2), ("apnews.com", 1), ("tass.com", 1)]
    assert [a.title for a in treaty.listed] == [i.title for i in ITEMS[:4]]

    kursk = lanes["th-b"]
    assert (kursk.label, kursk.articles, kursk.outlets) == (HOSTILE, 3, 3)
    assert {o for o, _ in kursk.top_outlets} == {"nknews.org", "seeds", "kyivindependent.com"}  # seed: source id
    assert kursk.absorbed == ["Ukraine captures two North Korean soldiers"]
    assert lanes["th-d"].status == "dormant"
    assert "th-c" not in lanes
    assert data.names["PRK"] == "North Korea" and data.names["UKR"] == "Ukraine"


def test_only_the_largest_developments_are_drawn_and_the_rest_are_counted(warehouse: Path) -> None:
    data = read_report_data(warehouse, limits=Limits(threads=2, thread_outlets=1, thread_articles=2))
    assert data.threads is not None and data.threads_total == 4
    assert [t.thread_id for t in data.threads] == ["th-b", "th-a"]  # the two with most articles, newest first
    treaty = data.threads[1]
    assert treaty.top_outlets == [("reuters.com", 2)] and treaty.outlets == 3
    assert [a.title for a in treaty.listed] == [i.title for i in ITEMS[:2]]  # the first two, by day

    page = render_report(data)
    summary = re.search(r'data-summary="threads">(.*?)</p>', page, re.S)
    assert summary is not None
    assert "4 developments reported in this period, 9 articles" in summary.group(1)
    assert "The 2 with the most articles are drawn" in summary.group(1)
    assert '<span data-not-shown="2">2 more not shown</span>' in summary.group(1)
    assert "The first 2 of 4 articles are listed." in page
    assert 'reuters.com <span class="muted">(2)</span><span class="muted"> and 2 more</span>' in page


def test_since_counts_only_the_period_and_says_since_when_a_thread_runs(warehouse: Path) -> None:
    data = read_report_data(warehouse, since=_day(1))
    assert data.threads is not None
    treaty = next(t for t in data.threads if t.thread_id == "th-a")
    assert (treaty.articles, treaty.first_day) == (2, _day(1))
    assert treaty.first_seen.date() == START  # the thread's own first article, before the period
    assert [b.new_outlets for b in treaty.bins] == [1, 0]  # apnews.com new on day 1; reuters.com seen on day 0
    page = render_report(data)
    assert f"since {START.isoformat()}" in page


def test_weekly_lanes_run_between_their_markers(warehouse: Path) -> None:
    """Over a long period counts are weekly: lines and markers sit alike across each week."""
    data = read_report_data(warehouse, since=START - timedelta(200))
    assert data.period.bin == "week" and data.threads is not None
    chart = threads_chart(data)
    assert chart is not None
    lines, markers = chart["data"]
    assert lines["xperiod"] == markers["xperiod"] == 7 * 86_400_000
    assert lines["xperiod0"] == markers["xperiod0"] and lines["xperiodalignment"] == markers["xperiodalignment"]
    for row, thread in enumerate(data.threads):
        days = [x for x, y in zip(markers["x"], markers["y"], strict=True) if y == row]
        assert days == [b.day.isoformat() for b in thread.bins]
        assert lines["x"][3 * row : 3 * row + 2] == [days[0], days[-1]]


# ---------------------------------------------------------------------------------------------
# The page


def test_the_section_draws_a_lane_per_development_each_linking_to_its_articles(warehouse: Path) -> None:
    data = read_report_data(warehouse)
    page = render_report(data)
    assert '<section id="threads" class="report-section">' in page
    assert '<a href="#threads">2 Developments</a>' in page

    chart = threads_chart(data)
    assert chart is not None
    payload = re.search(r'<script type="application/json" id="report-charts">(.*?)</script>', page, re.S)
    assert payload is not None and not re.search(r"[<>&]", payload.group(1))
    charts = {c["id"]: c for c in json.loads(payload.group(1))}
    assert charts["chart-threads"] == json.loads(json.dumps(chart))
    layout = chart["layout"]
    assert layout["yaxis"]["tickvals"] == [0, 1, 2, 3]
    assert layout["yaxis"]["ticktext"][2] == ESCAPED
    assert layout["yaxis"]["range"] == [3.5, -0.5]  # the newest development on top
    lines, markers = chart["data"]
    # Each lane's line runs from its first to its last day with articles; th-a is the bottom lane.
    assert lines["x"][9:11] == [START.isoformat(), _day(2).isoformat()] and lines["y"][9:11] == [3, 3]
    by_lane: dict[int, int] = {}
    for lane in markers["y"]:
        by_lane[lane] = by_lane.get(lane, 0) + 1
    assert by_lane == {0: 1, 1: 1, 2: 2, 3: 3}  # one marker per day with articles
    assert set(markers["customdata"]) == {"#thread-th-e", "#thread-th-d", "#thread-th-b", "#thread-th-a"}
    assert any("key event: Russia AGREE → North Korea" in text for text in markers["text"])
    assert any("4 articles from 3 outlets: reuters.com, apnews.com, tass.com" in text for text in markers["text"])

    # Every lane and every table row leads to an article list in the page.
    for thread_id in ("th-a", "th-b", "th-d", "th-e"):
        assert f'<details class="thread" id="thread-{thread_id}">' in page
        assert f'<a href="#thread-{thread_id}">' in page
    assert 'id="thread-th-c"' not in page
    assert "Includes the articles of 1 merged thread: Ukraine captures two North Korean soldiers." in page
    assert '<a href="https://tass.com/politics/1" rel="noopener noreferrer" target="_blank">' in page
    assert "Seed article on the Kursk fighting" in page and 'href="seed:' not in page
    assert "Xi receives Kim in Beijing" in page and 'href="javascript:' not in page
    assert '<span class="flag">dormant</span>' in page


def test_a_hostile_title_is_shown_as_text(warehouse: Path) -> None:
    page = render_report(read_report_data(warehouse))
    assert "<script>alert(1)" not in page and "<b>Kursk</b>" not in page
    assert ESCAPED in page
    assert len(re.findall(r"<script", page)) == 3  # the chart data, plotly.js, the report's own script


def test_a_warehouse_without_threads_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "unthreaded.duckdb"
    with connect(empty) as con:
        load_batch(con, _batch())
    data = read_report_data(empty)
    assert data.threads == [] and threads_chart(data) is None
    page = render_report(data)
    assert "No relevant article of this period belongs to a development yet" in page
    assert 'id="chart-threads"' not in page
    later = read_report_data(empty, since=_day(30))  # a period with no articles at all
    assert later.threads == [] and "No developments: this period has no relevant articles." in render_report(later)

    data = read_report_data(warehouse_at_schema(tmp_path / "schema10.duckdb", 10, _batch()))
    assert data.threads is None
    assert "This warehouse predates story threads (schema 011)" in render_report(data)


# ---------------------------------------------------------------------------------------------
# In a real browser


def test_clicking_a_lane_or_a_row_opens_the_developments_articles(
    chromium: str, warehouse: Path, tmp_path: Path
) -> None:
    out = tmp_path / "threads.html"
    out.write_text(render_report(read_report_data(warehouse)))
    with Page(chromium, tmp_path / "profile", width=1280, height=1800) as page:
        report = page.open(out.as_uri(), settle_s=0.5)
        assert report.errors == [] and report.dialogs == [] and report.requests == [out.as_uri()]
        assert page.evaluate("document.querySelectorAll('#chart-threads .main-svg').length") >= 1
        assert page.evaluate("document.querySelectorAll('#chart-threads .scatterlayer .point').length") == 7
        assert page.evaluate("document.querySelectorAll('details.thread[open]').length") == 0
        # A click on a lane's marker (plotly's click event, as a person's click sends it).
        opened = page.evaluate(
            "(() => { const plot = document.getElementById('chart-threads');"
            " plot.emit('plotly_click', {points: [{customdata: '#thread-th-b'}]});"
            " return [location.hash, document.getElementById('thread-th-b').open]; })()"
        )
        assert opened == ["#thread-th-b", True]
        listed = page.evaluate(
            "Array.from(document.querySelectorAll('#thread-th-b tbody tr')).map(r => r.innerText.replace(/\\s+/g, ' '))"
        )
        assert listed == [  # day, outlet, language (these rows were stored without one), article
            f"{_day(5).isoformat()} nknews.org und {HOSTILE}",
            f"{_day(6).isoformat()} seeds und Seed article on the Kursk fighting",
            f"{_day(6).isoformat()} kyivindependent.com und Ukraine captures two North Korean soldiers",
        ]
        # A click on a row of the table.
        opened = page.evaluate(
            "(() => { document.querySelector('#threads-table a[href=\"#thread-th-a\"]').click();"
            " return new Promise(r => setTimeout(() => r([location.hash,"
            " document.getElementById('thread-th-a').open]), 100)); })()"
        )
        assert opened == ["#thread-th-a", True]
        assert page.evaluate("document.querySelectorAll('#threads b, #thread-articles b').length") == 0
        page.screenshot(tmp_path / "threads.png")


# ---------------------------------------------------------------------------------------------
# Through the real pipeline


def test_the_report_draws_the_threads_the_pipeline_assigned(prefect_harness: None, tmp_path: Path) -> None:
    """The seed corpus and the cookbook's fixture articles, run offline through the pipeline (its
    threads step included): every development in `threads` is a lane, with its articles listed."""
    db = tmp_path / "pipeline.duckdb"
    cookbook.build_warehouse(db)
    stored = rows(
        db,
        "SELECT t.thread_id, t.label, count(ta.article_id) FROM threads t JOIN thread_articles ta USING (thread_id)"
        " GROUP BY ALL ORDER BY t.thread_id",
    )
    relevant = rows(db, "SELECT count(*) FROM article_days WHERE relevant")[0][0]
    assert stored and sum(n for *_, n in stored) == relevant  # every relevant article has a thread

    data = read_report_data(db)
    assert data.threads is not None and data.threads_total == len(stored)
    assert sorted((t.thread_id, t.label, t.articles) for t in data.threads) == stored
    firsts = [t.first_day for t in data.threads]
    assert firsts == sorted(firsts, reverse=True)  # newest first
    page = render_report(data)
    for thread_id, _, articles in stored:
        listed = re.search(rf'<details class="thread" id="thread-{thread_id}">(.*?)</details>', page, re.S)
        assert listed is not None and listed.group(1).count("<tr><td") == articles
    chart = threads_chart(data)
    assert chart is not None and len(chart["layout"]["yaxis"]["tickvals"]) == len(stored)
