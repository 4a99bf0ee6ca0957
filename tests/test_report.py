"""`storywatch report`: the numbers it shows, its escaping, and the page in a real (headless) Chromium.

The fixture warehouse is written with the warehouse's own loader (RunBatch + load_batch), so every
number the report should show is known here. Articles carry hostile text: a title with a script
tag, a `javascript:` URL, a quote with an `<img onerror>`.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest

from flows.config import load_config
from flows.pipeline import catalogue_rows
from flows.report import render_report, write_report
from flows.report.figures import coverage_chart, pairs_chart
from flows.report.layout import MIN_AXIS_DAYS, axis_gaps
from flows.report.page import content_security_policy, json_for_script, plotly_js
from flows.report.text import plot_text
from tests.browser import Page, PageReport
from tests.helpers import CliInvoke, Story, warehouse_at_schema
from warehouse.db import WarehouseError, connect, latest_schema_version, schema_version
from warehouse.load import RunBatch, load_batch
from warehouse.report import read_report_data

END = date(2024, 11, 30)
SCRIPT_TITLE = "Kim Jong Un in Moscow <script>alert(1)</script>"
IMG_QUOTE = "The alliance is real <img src=x onerror=alert(3)>"
# Every chart of the report, by its element id.
CHARTS = {"chart-coverage", "chart-pairs", "chart-movers", "chart-network", "chart-claims", "chart-experts"}


# The 28 days before the last 7 (END-34 … END-7): China everywhere, Russia once.
# The last 7 days (END-6 … END): Russia everywhere, South Korea twice, China once.
STORIES = (
    Story("b1", END - timedelta(30), ("CHN", "PRK"), "Beijing and Pyongyang mark treaty", "https://news.example/b1"),
    Story("b2", END - timedelta(20), ("CHN", "PRK", "RUS"), "Three capitals", "https://news.example/b2"),
    Story("b3", END - timedelta(15), ("CHN", "PRK"), "Border trade resumes", "https://news.example/b3"),
    Story("b4", END - timedelta(10), ("CHN", "PRK"), "Chinese envoy visits", "https://news.example/b4"),
    Story("r1", END - timedelta(5), ("RUS", "PRK", "KOR"), SCRIPT_TITLE, "https://news.example/r1?a=1&b=<2>"),
    Story("r2", END - timedelta(3), ("RUS", "PRK"), "Troops reported in Kursk", "javascript:alert(2)"),
    Story("r3", END - timedelta(1), ("RUS", "PRK", "KOR"), "Seoul warns", "https://news.example/r3", cluster="dup"),
    Story("r4", END, ("RUS", "PRK", "CHN"), "Seoul warns (wire copy)", "https://news.example/r4", cluster="dup"),
    Story("x1", END - timedelta(2), ("JPN",), "Tokyo weather", "https://news.example/x1", relevant=False),
)

# (article, type, actor, recipient, negated, event_date)
EVENTS = (
    ("r1", "MOBILIZE", "PRK", "RUS", False, None),
    ("r2", "MOBILIZE", "PRK", "RUS", False, None),
    ("r3", "MOBILIZE", "PRK", "RUS", False, None),
    ("r1", "AGREE", "RUS", "PRK", False, None),
    ("r4", "AGREE", "RUS", "PRK", False, date(2023, 6, 1)),
    ("r2", "ASSAULT", "PRK", "RUS", True, None),  # negated: in the timeline, not in the pair counts
    ("b2", "CONSULT", "CHN", "PRK", False, None),
    ("b3", "SUPPORT", "CHN", "RUS", False, None),
    ("r3", "DISAPPROVE", "USA", "CHN", False, None),
    ("b4", "DEMAND", "CHN", None, False, None),
)
QUAD = {
    "MOBILIZE": "material conflict",
    "ASSAULT": "material conflict",
    "AGREE": "verbal cooperation",
    "CONSULT": "verbal cooperation",
    "SUPPORT": "verbal cooperation",
    "DISAPPROVE": "verbal conflict",
    "DEMAND": "verbal conflict",
}
# (article, speaker_id, name, affiliation, quote)
QUOTES = (
    ("b1", "andrei-lankov", "Andrei Lankov", "Kookmin University", "Beijing is cautious."),
    ("r1", "andrei-lankov", "Andrei Lankov", "Kookmin University", "Moscow needs the troops."),
    ("r2", None, "Jane Analyst", "Example Institute", IMG_QUOTE),
)
# (article, value_low, value_high, hedged)
CLAIMS = (
    ("r1", 10_000.0, None, True),
    ("r3", 11_000.0, 12_000.0, False),
    ("r4", 12_000.0, None, False),
)
RELEVANT = [s for s in STORIES if s.relevant]
PAIR_TOTALS = {"CHN-PRK": 1, "CHN-RUS": 1, "PRK-RUS": 5}


def _batch() -> RunBatch:
    run_id = "fixture-run"
    now = datetime(2024, 12, 1, 6, 0)
    batch = RunBatch(
        run={"run_id": run_id, "started_at": now, "finished_at": now, "status": "completed"},
        settings={"min_relevance": "0.35"},
    )
    batch.entities = catalogue_rows()
    batch.sources = [
        {
            "source_id": "feed-good",
            "kind": "feed",
            "name": "Good Feed",
            "url": "https://good.example/rss",
            "last_status": "ok",
            "last_fetch_at": now,
            "next_fetch_at": now + timedelta(hours=1),
            "consecutive_failures": 0,
            "last_new_item_at": now,
        },
        {
            "source_id": "feed-broken",
            "kind": "feed",
            "name": "Broken Feed",
            "url": "https://broken.example/rss",
            "last_status": "error",
            "last_fetch_at": now,
            "next_fetch_at": now + timedelta(hours=8),
            "consecutive_failures": 3,
            "last_error": "HTTP 503 <b>Service Unavailable</b>",
        },
    ]
    for story in STORIES:
        batch.articles.append(story.article_row(run_id))
        for index, entity_id in enumerate(story.entities):
            batch.mentions.append(
                {
                    "article_id": story.article_id,
                    "sentence_index": 0,
                    "start_char": index * 20,
                    "end_char": index * 20 + 5,
                    "text": entity_id,
                    "label": "GPE",
                    "entity_id": entity_id,
                    "run_id": run_id,
                }
            )
    for index, (article, event_type, actor, recipient, negated, event_date) in enumerate(EVENTS):
        batch.events.append(
            {
                "event_id": f"e{index}",
                "article_id": article,
                "event_type": event_type,
                "actor_id": actor,
                "actor_text": actor,
                "recipient_id": recipient,
                "recipient_text": recipient,
                "event_date": event_date,
                "negated": negated,
                "sentence": f"Evidence {index}: {actor} {event_type} {recipient or ''} <b>bold?</b>",
                "start_char": index * 100,
                "end_char": index * 100 + 50,
                "run_id": run_id,
            }
        )
    for index, (article, speaker_id, name, affiliation, quote) in enumerate(QUOTES):
        batch.quotes.append(
            {
                "quote_id": f"q{index}",
                "article_id": article,
                "speaker_id": speaker_id,
                "speaker_name": name,
                "affiliation": affiliation,
                "quote": quote,
                "direct": True,
                "start_char": 0,
                "end_char": len(quote),
                "run_id": run_id,
            }
        )
    for index, (article, low, high, hedged) in enumerate(CLAIMS):
        batch.claims.append(
            {
                "claim_id": f"c{index}",
                "article_id": article,
                "subject_id": "PRK",
                "what": "soldiers in Russia",
                "value_low": low,
                "value_high": high,
                "unit": "soldiers",
                "hedged": hedged,
                "sentence": f"About {low:,.0f} North Korean soldiers are in Russia.",
                "run_id": run_id,
            }
        )
    return batch


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "story.duckdb"
    with connect(path) as con:
        load_batch(con, _batch())
    # The alerts table comes with a later migration; this warehouse shows the report without it.
    con = duckdb.connect(str(path))
    try:
        con.execute("DROP TABLE IF EXISTS alerts")
    finally:
        con.close()
    return path


@pytest.fixture(scope="module")
def config_file(tmp_path_factory: pytest.TempPathFactory, warehouse: Path) -> Path:
    path = tmp_path_factory.mktemp("config") / "storywatch.toml"
    path.write_text(
        f'[warehouse]\npath = "{warehouse}"\n\n'
        '[[feeds]]\nname = "Good Feed"\nurl = "https://good.example/rss"\n\n'
        '[[feeds]]\nname = "Never Polled"\nurl = "https://never.example/rss"\n'
    )
    return path


# ---------------------------------------------------------------------------------------------
# The data (SQL) and the page (pure rendering), no browser


def test_report_data_has_the_expected_numbers(warehouse: Path) -> None:
    data = read_report_data(warehouse)
    assert (data.period.start, data.period.end, data.period.bin) == (END - timedelta(30), END, "day")
    assert data.totals["period_relevant_articles"] == len(RELEVANT) == 8
    assert data.totals["period_stories"] == 7  # r3 and r4 are one story
    assert data.totals["period_articles"] == 9
    assert data.totals["period_events"] == len(EVENTS)

    assert len(data.coverage) == 31  # every day of the period, empty days as zero
    by_day = {b.day: b for b in data.coverage}
    assert (by_day[END].relevant_articles, by_day[END].stories) == (1, 1)
    assert by_day[END - timedelta(4)].relevant_articles == 0
    new_triples = {(e[2], e[1], e[3]) for e in EVENTS if not e[4]}
    assert data.developments_total == len(new_triples)
    assert sum(b.developments for b in data.coverage) == len(new_triples)

    totals = {f"{p.actor_a}-{p.actor_b}": p.total for p in data.pairs}
    assert totals == PAIR_TOTALS
    prk_rus = next(p for p in data.pairs if (p.actor_a, p.actor_b) == ("PRK", "RUS"))
    assert prk_rus.label == "North Korea–Russia"
    assert prk_rus.totals == {
        "verbal cooperation": 2,
        "material cooperation": 0,
        "verbal conflict": 0,
        "material conflict": 3,
    }

    windows = data.mover_windows
    assert windows is not None and (windows.recent_total, windows.baseline_total) == (4, 4)
    changes = {m.entity_id: round(100 * m.change) for m in data.movers}
    assert changes == {"RUS": 75, "KOR": 50, "CHN": -75}  # PRK did not move; JPN is not relevant
    assert [m.entity_id for m in data.movers] == ["RUS", "KOR", "CHN"]

    edges = {(e.actor_a, e.actor_b): e.total for e in data.network_edges}
    assert edges == {("PRK", "RUS"): 5, ("CHN", "PRK"): 1, ("CHN", "RUS"): 1, ("CHN", "USA"): 1}

    assert data.timeline_total == len(data.timeline) == len(EVENTS)
    days = [e.day for e in data.timeline]
    assert days == sorted(days, reverse=True)
    assert data.timeline[-1].dated_in_text and data.timeline[-1].day == date(2023, 6, 1)

    assert data.claims_total == 3
    assert [c.value_low for c in data.claims] == [12_000.0, 11_000.0, 10_000.0]  # newest first
    assert {c.subject_name for c in data.claims} == {"North Korea"}

    experts = {x.name: x for x in data.experts}
    assert set(experts) == {"Andrei Lankov", "Jane Analyst"}
    assert (experts["Andrei Lankov"].quotes, experts["Andrei Lankov"].latest_quote) == (2, "Moscow needs the troops.")

    assert [s.name for s in data.sources] == ["Broken Feed", "Good Feed"]  # failing first
    assert data.alerts is None and data.runs[0].status == "completed"


def test_since_limits_the_period(warehouse: Path) -> None:
    data = read_report_data(warehouse, since=END - timedelta(6))
    assert data.totals["period_relevant_articles"] == 4
    assert {f"{p.actor_a}-{p.actor_b}": p.total for p in data.pairs} == {"CHN-PRK": 0, "CHN-RUS": 0, "PRK-RUS": 5}
    later = read_report_data(warehouse, since=END + timedelta(10))
    assert later.totals["period_relevant_articles"] == 0 and not later.timeline and not later.claims
    assert later.period.newest == END


def test_page_escapes_article_text_and_allows_only_its_own_scripts(warehouse: Path) -> None:
    page = render_report(read_report_data(warehouse))
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(3)&gt;" in page
    assert 'href="javascript:' not in page
    assert "<b>Service Unavailable</b>" not in page and "<b>bold?</b>" not in page

    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.S)
    assert [attrs.strip() for attrs, _ in scripts] == ['type="application/json" id="report-charts"', "", ""]
    charts = json.loads(scripts[0][1])
    assert {c["id"] for c in charts} == CHARTS
    assert not re.search(r"[<>&]", scripts[0][1])  # the JSON carries no markup at all
    for chart in charts:  # every chart is titled and its axes are labelled
        layout = chart["layout"]
        assert layout["title"]["text"]
        assert layout["xaxis"]["title"]["text"]
        if chart["id"] != "chart-network":
            assert layout["yaxis"]["title"]["text"]

    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert meta is not None
    csp = html.unescape(meta.group(1))
    assert csp == content_security_policy([scripts[1][1], scripts[2][1]])
    script_src = csp.split("script-src")[1].split(";")[0]
    assert "default-src 'none'" in csp and "unsafe" not in script_src and script_src.count("'sha256-") == 2
    assert "connect-src" not in csp and "http" not in csp


def test_json_for_script_cannot_close_the_script_element() -> None:
    text = json_for_script({"title": "</script><script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"title": "</script><script>alert(1)</script> & more"}


def test_alerts_are_listed_when_the_table_exists(tmp_path: Path) -> None:
    path = tmp_path / "with-alerts.duckdb"
    with connect(path) as con:  # migrated to the latest schema, alerts table included
        load_batch(con, _batch())
    con = duckdb.connect(str(path))
    try:
        con.execute(
            """
            INSERT INTO alerts BY NAME
            SELECT 'k1' AS dedup_key, 'a-k1' AS alert_id, 'troops' AS rule, 'claim_change' AS kind,
                   'instant' AS mode, 'claim:PRK' AS subject, 'New troop figure <script>x()</script>' AS title,
                   TIMESTAMP '2024-11-30 10:00' AS created_at, 'failed' AS status, 2 AS attempts,
                   'timed out' AS last_error, 'r1' AS article_id, '{"dedup_key": "k1"}'::JSON AS payload
            """
        )
    finally:
        con.close()
    data = read_report_data(path)
    assert data.alerts is not None and data.alerts_total == 1
    alert = data.alerts[0]
    assert (alert.rule, alert.kind, alert.status, alert.article_title) == (
        "troops",
        "claim_change",
        "failed",
        SCRIPT_TITLE,
    )
    page = render_report(data)
    assert 'id="alerts-table"' in page and "no alerts recorded" not in page.lower()
    assert "New troop figure &lt;script&gt;x()&lt;/script&gt;" in page and "<script>x()" not in page


def test_cli_writes_the_report(config_file: Path, tmp_path: Path, cli: CliInvoke) -> None:
    out = tmp_path / "sub" / "report.html"
    result = cli("report", "--config", str(config_file), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.is_file() and "wrote" in result.output
    assert "Never Polled" in out.read_text()
    bad = cli("report", "--config", str(config_file), "--since", "last tuesday")
    assert bad.exit_code == 2
    missing = cli("report", "--db", str(tmp_path / "none.duckdb"), "--out", str(out))
    assert missing.exit_code == 2


# ---------------------------------------------------------------------------------------------
# In a real browser


@dataclass
class Loaded:
    page: Page
    report: PageReport
    html_path: Path
    folder: Path


@pytest.fixture(scope="module")
def loaded(chromium: str, config_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Loaded]:
    folder = tmp_path_factory.mktemp("browser")
    html_path = folder / "report.html"
    write_report(load_config(config_file), html_path)
    with Page(chromium, folder / "profile", width=1280, height=2400) as page:
        report = page.open(html_path.as_uri())
        yield Loaded(page, report, html_path, folder)


def _text(page: Page, selector: str) -> str:
    return page.evaluate(f"document.querySelector({json.dumps(selector)}).innerText.replace(/\\s+/g, ' ').trim()")


def test_page_loads_offline_without_errors(loaded: Loaded) -> None:
    report = loaded.report
    assert report.errors == [], report.errors
    assert report.dialogs == []
    assert report.requests == [loaded.html_path.as_uri()]  # nothing fetched but the file itself
    rendered = loaded.page.evaluate(
        "Array.from(document.querySelectorAll('.plot')).map(e => [e.id, e.querySelectorAll('.main-svg').length])"
    )
    assert {chart for chart, _ in rendered} == CHARTS
    assert all(svgs >= 1 for _, svgs in rendered), rendered  # plotly drew every chart


def test_each_section_shows_its_numbers(loaded: Loaded) -> None:
    page = loaded.page
    figures = page.evaluate(
        "Object.fromEntries(Array.from(document.querySelectorAll('[data-figure]'))"
        ".map(e => [e.dataset.figure, e.innerText.trim()]))"
    )
    assert figures == {
        "relevant-articles": "8",
        "stories": "7",
        "events": str(len(EVENTS)),
        "quotes": "3",
        "claims": "3",
        "feeds-failing": "1 of 3",  # two polled feeds, one configured but never polled
    }
    assert _text(page, '[data-summary="coverage"]').startswith("8 relevant articles in 7 distinct stories")
    pairs = page.evaluate(
        "Object.fromEntries(Array.from(document.querySelectorAll('[data-summary=\"pairs\"] [data-pair]'))"
        ".map(e => [e.dataset.pair, e.innerText]))"
    )
    assert pairs == {k: str(v) for k, v in PAIR_TOTALS.items()}
    assert "4 relevant articles" in _text(page, '[data-summary="movers"]')
    assert _text(page, '[data-summary="network"]') == "4 links between actors, 8 events."
    assert _text(page, '[data-summary="timeline"]') == f"{len(EVENTS)} events, newest first."
    assert _text(page, '[data-summary="claims"]').startswith(
        "3 numeric claims; charted: North Korea: soldiers in Russia"
    )
    assert _text(page, '[data-summary="experts"]') == "2 experts quoted."
    assert _text(page, "#experts-table tbody tr:first-child").startswith("Andrei Lankov")
    assert "Broken Feed error" in _text(page, "#feeds-table")
    # Feed health in one line per failing host; the table of every feed is folded beneath.
    assert _text(page, "#failing-hosts") == (
        "broken.example (1 feed failing, up to 3 failures in a row): HTTP 503 <b>Service Unavailable</b>"
    )
    assert page.evaluate("document.querySelector('#feeds-detail > summary').innerText").startswith(
        "Every feed (3 feeds)"
    )
    # Developments by name, "no recipient" where there is none; the key stays in the tooltip.
    developments = _text(page, "#developments")
    assert "China DEMAND (no recipient)" in developments and "North Korea MOBILIZE → Russia" in developments
    assert "CHN DEMAND -" not in developments
    assert _text(page, "#no-alerts").startswith("No alerts recorded")
    assert page.evaluate("document.querySelectorAll('#timeline-table tbody tr:not(#timeline-none)').length") == len(
        EVENTS
    )


def test_article_text_is_shown_as_text_never_run(loaded: Loaded) -> None:
    page = loaded.page
    assert page.evaluate("document.scripts.length") == 3  # chart data, plotly.js, the report's own script
    assert page.evaluate(f"document.body.innerText.includes({json.dumps(SCRIPT_TITLE)})")
    assert page.evaluate(f"document.body.innerText.includes({json.dumps(IMG_QUOTE)})")
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.querySelectorAll('a[href^=\"javascript\"]').length") == 0
    assert page.evaluate("document.querySelectorAll('#timeline-table b').length") == 0
    assert loaded.report.dialogs == []


def test_chart_labels_show_article_text_as_text(loaded: Loaded) -> None:
    """Text given to plotly is escaped first; plotly then shows it literally, tags and all."""
    hostile = "Kim <script>alert(1)</script> & <b>co</b> <a href='javascript:alert(5)'>x</a>"
    shown = loaded.page.evaluate(
        "(() => { const d = document.createElement('div'); document.body.appendChild(d);"
        f" const t = {json.dumps(plot_text(hostile))};"
        " Plotly.newPlot(d, [{x: [1], y: [1], text: [t], hoverinfo: 'text'}], {title: {text: t}});"
        " Plotly.Fx.hover(d, [{curveNumber: 0, pointNumber: 0}]);"
        " const out = [d.querySelector('.gtitle').textContent, d.querySelector('.hoverlayer').textContent,"
        " d.querySelectorAll('.gtitle a, .hoverlayer a, b').length];"
        " Plotly.purge(d); d.remove(); return out; })()"
    )
    assert shown == [hostile, hostile, 0]
    assert loaded.page.report("").dialogs == []


def test_timeline_filters_by_pair_and_type(loaded: Loaded) -> None:
    page = loaded.page

    def choose(pair: str, kind: str) -> str:
        return page.evaluate(
            "(() => {"
            f" const p = document.getElementById('filter-pair'); p.value = {json.dumps(pair)};"
            f" const t = document.getElementById('filter-type'); t.value = {json.dumps(kind)};"
            " p.dispatchEvent(new Event('change')); t.dispatchEvent(new Event('change'));"
            " return document.getElementById('timeline-count').innerText; })()"
        )

    assert choose("PRK-RUS", "") == f"6 of {len(EVENTS)} events shown"  # the negated one is listed too
    assert choose("PRK-RUS", "material conflict") == f"4 of {len(EVENTS)} events shown"
    assert choose("PRK-RUS", "AGREE") == f"2 of {len(EVENTS)} events shown"
    assert choose("other", "") == f"2 of {len(EVENTS)} events shown"  # USA–CHN, and CHN with no recipient
    assert choose("CHN-RUS", "MOBILIZE") == f"0 of {len(EVENTS)} events shown"
    assert page.evaluate("document.getElementById('timeline-none').hidden") is False
    assert choose("", "") == f"{len(EVENTS)} of {len(EVENTS)} events shown"


def test_screenshot_is_saved(loaded: Loaded) -> None:
    shot = loaded.page.screenshot(loaded.folder / "report.png", full_page=True)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000


def test_empty_period_says_so_in_the_browser(chromium: str, warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "empty.html"
    out.write_text(render_report(read_report_data(warehouse, since=END + timedelta(10))))
    with Page(chromium, tmp_path / "profile", width=1280, height=1600) as page:
        report = page.open(out.as_uri(), settle_s=0.3)
        assert report.errors == [] and report.requests == [out.as_uri()]
        empties: list[Any] = page.evaluate("Array.from(document.querySelectorAll('.empty')).map(e => e.innerText)")
        page.screenshot(tmp_path / "empty.png")
    assert page_count(empties, "No relevant articles in this period") == 1
    assert page_count(empties, "No events between China–North Korea, China–Russia, North Korea–Russia") == 1
    assert page_count(empties, "No events in this period") == 1
    assert page_count(empties, "No numeric claims") == 1
    assert page_count(empties, "No quotes in this period") == 1
    assert page_count(empties, "No alerts recorded") == 1
    assert not any(".plot" in e for e in empties)


def page_count(texts: list[Any], start: str) -> int:
    return sum(1 for t in texts if str(t).startswith(start))


# ---------------------------------------------------------------------------------------------
# Sparse and gapped periods, the page's weight


def test_one_day_is_a_bar_among_a_week_not_the_whole_plot(warehouse: Path) -> None:
    data = read_report_data(warehouse, since=END)
    assert data.period.days == 1
    axis = coverage_chart(data)["layout"]["xaxis"]  # type: ignore[index]
    first, last = (datetime.fromisoformat(x) for x in axis["range"])
    assert last - first >= timedelta(days=MIN_AXIS_DAYS)
    assert first < datetime.combine(END, datetime.min.time()) < last
    assert "rangebreaks" not in axis


def test_a_long_empty_stretch_is_folded_out_of_the_date_axes(tmp_path: Path) -> None:
    path = tmp_path / "gapped.duckdb"
    with connect(path) as con:
        load_batch(con, _batch())
        # The four older stories two years earlier: ~100 weeks with nothing between them and the rest.
        con.execute("UPDATE articles SET published_at = published_at - INTERVAL 700 DAY WHERE article_id LIKE 'b%'")
    data = read_report_data(path)
    assert data.period.bin == "week"
    (gap,) = axis_gaps(data)
    with_articles = [b.day for b in data.coverage if b.all_articles]
    assert not [d for d in with_articles if gap.hidden_from <= d < gap.hidden_to]  # no data is hidden
    assert gap.empty_bins >= 90 and (gap.hidden_to - gap.hidden_from).days == 7 * (gap.empty_bins - 2)
    for chart in (coverage_chart(data), pairs_chart(data)):
        assert chart is not None
        layout = chart["layout"]
        assert layout["xaxis"]["rangebreaks"] == [{"bounds": [gap.hidden_from.isoformat(), gap.hidden_to.isoformat()]}]
        assert any(f"{gap.empty_bins} weeks without articles" in a["text"] for a in layout["annotations"])
        assert len(layout["xaxis"]["tickvals"]) <= 12
    # Without the break the same data would put ~100 weeks on the axis; with it, a handful.
    shown = [b for b in data.coverage if not gap.hidden_from <= b.day < gap.hidden_to]
    assert len(shown) <= 12


def test_the_page_inlines_plotlys_basic_bundle_at_the_wheels_version(warehouse: Path) -> None:
    page = render_report(read_report_data(warehouse))
    size = len(page.encode("utf-8"))
    assert size < 1_600_000, size  # the full bundle alone is 4.8 MB
    bundle = plotly_js()
    assert bundle in page and "plotly.js (basic - minified)" in bundle[:200]
    version = re.search(r"plotly\.js \(basic - minified\) (v[\d.]+)", bundle[:200])
    plotly_offline = pytest.importorskip("plotly.offline")
    full = re.search(r"plotly\.js (v[\d.]+)", plotly_offline.get_plotlyjs()[:200])
    assert version is not None and full is not None and version.group(1) == full.group(1)


def test_gapped_bars_are_drawn_wide_enough_to_see(chromium: str, tmp_path: Path) -> None:
    path = tmp_path / "gapped.duckdb"
    with connect(path) as con:
        load_batch(con, _batch())
        con.execute("UPDATE articles SET published_at = published_at - INTERVAL 700 DAY WHERE article_id LIKE 'b%'")
    out = tmp_path / "gapped.html"
    out.write_text(render_report(read_report_data(path)))
    with Page(chromium, tmp_path / "profile", width=1280, height=1600) as page:
        report = page.open(out.as_uri(), settle_s=0.5)
        assert report.errors == [] and report.requests == [out.as_uri()]
        widths = page.evaluate(
            "(() => { const plot = document.querySelector('#chart-coverage .nsewdrag').getBBox().width;"
            " return Array.from(document.querySelectorAll('#chart-coverage .bars path'))"
            ".map(p => p.getBBox().width / plot).filter(w => w > 0); })()"
        )
        page.screenshot(tmp_path / "gapped.png")
    assert widths and min(widths) > 0.03, widths  # not slivers: each week's bar is a visible share of the plot


def test_a_warehouse_from_before_the_speakers_views_is_named_not_misread(tmp_path: Path) -> None:
    path = warehouse_at_schema(tmp_path / "schema9.duckdb", 9, _batch())
    with pytest.raises(WarehouseError, match=r"predates the speakers and experts views .*storywatch run --offline"):
        read_report_data(path)
    with connect(path) as writer:  # any writer upgrades it; then the report reads it
        assert schema_version(writer) == latest_schema_version()
    assert {x.name for x in read_report_data(path).experts} == {"Andrei Lankov", "Jane Analyst"}
