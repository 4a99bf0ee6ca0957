"""bench/threads_eval.py: the B-cubed and split/merge figures on hand-made partitions (values worked
out below), the labelled sets as the issue asks for them, the local outlets, and the harness end to
end on a small slice of DEV through the real pipeline."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

from bench.threads_eval import (
    SETS,
    SITE_PORT,
    CoverageSite,
    GoldArticle,
    SetError,
    bcubed,
    development_dates,
    evaluate_set,
    format_report,
    load_set,
    main,
    run_set,
    score_partition,
    story_periods,
    with_singletons,
)
from tests.helpers import rows


def approx(value: Fraction) -> object:
    return pytest.approx(float(value), abs=1e-12)


# --- B-cubed --------------------------------------------------------------------------------------

# Gold: a b c are development X, d e development Y. Predicted: {a b} and {c d e}.
#   precision per item: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3 → (1 + 1 + 1/3 + 2/3 + 2/3) / 5 = 11/15
#   recall per item:    a 2/3, b 2/3, c 1/3, d 2/2, e 2/2 → (2/3 + 2/3 + 1/3 + 1 + 1) / 5 = 11/15
GOLD = {"a": "X", "b": "X", "c": "X", "d": "Y", "e": "Y"}


def test_bcubed_of_a_partition_worked_out_by_hand() -> None:
    precision, recall, f1 = bcubed(GOLD, {"a": "t1", "b": "t1", "c": "t2", "d": "t2", "e": "t2"})
    assert precision == approx(Fraction(11, 15))
    assert recall == approx(Fraction(11, 15))
    assert f1 == approx(Fraction(11, 15))


def test_bcubed_extremes() -> None:
    # The gold itself: all 1.
    assert bcubed(GOLD, {k: f"t{v}" for k, v in GOLD.items()}) == (1.0, 1.0, 1.0)
    # One thread for everything: precision (3·3/5 + 2·2/5) / 5 = 13/25, recall 1, F1 = 2·(13/25) / (38/25) = 13/19.
    precision, recall, f1 = bcubed(GOLD, dict.fromkeys(GOLD, "t"))
    assert (precision, recall) == (approx(Fraction(13, 25)), 1.0)
    assert f1 == approx(Fraction(13, 19))
    # Every article its own thread: precision 1, recall (3·1/3 + 2·1/2) / 5 = 2/5, F1 = (4/5) / (7/5) = 4/7.
    precision, recall, f1 = bcubed(GOLD, {k: k for k in GOLD})
    assert (precision, recall) == (1.0, approx(Fraction(2, 5)))
    assert f1 == approx(Fraction(4, 7))


def test_bcubed_scores_only_the_predicted_items_and_refuses_unknown_ones() -> None:
    # Only a, b, d threaded: a, b together (both X), d alone → precision 1; recall a 1, b 1, d 1 (over the
    # scored items, X has 2 and Y 1).
    assert bcubed(GOLD, {"a": "t1", "b": "t1", "d": "t2"}) == (1.0, 1.0, 1.0)
    with pytest.raises(ValueError, match="without a gold development: z"):
        bcubed(GOLD, {"a": "t1", "z": "t1"})


def test_unthreaded_articles_count_as_threads_of_their_own() -> None:
    completed = with_singletons(GOLD, {"a": "t1", "b": "t1", "d": "t2"})
    assert completed["a"] == completed["b"] == "t1" and completed["d"] == "t2"
    assert len({completed["c"], completed["e"], "t1", "t2"}) == 4
    # {a b} {c} {d} {e}: precision 1; recall a 2/3, b 2/3, c 1/3, d 1/2, e 1/2 → (8/3) / 5 = 8/15
    precision, recall, _ = bcubed(GOLD, completed)
    assert (precision, recall) == (1.0, approx(Fraction(8, 15)))


# --- splits and merges ----------------------------------------------------------------------------


def article(article_id: str, development: str, published: date) -> GoldArticle:
    return GoldArticle(article_id, development, "example.org", f"https://example.org/{article_id}", published, "t", "l")


# A: four articles in three threads. B and C (dated 8 days apart) share a thread; D and E (2 days apart)
# share another, and so do G and H (a Sunday and the Monday after: other ISO weeks, one day apart);
# F (two articles) is whole.
DATES = """a1 A 2024-10-21  a2 A 2024-10-22  a3 A 2024-10-23  a4 A 2024-10-23  b1 B 2024-11-04  c1 C 2024-11-12
c2 C 2024-11-13  d1 D 2024-12-02  e1 E 2024-12-04  f1 F 2025-01-06  f2 F 2025-01-08  g1 G 2025-01-12  h1 H 2025-01-13"""
WORDS = DATES.split()
ARTICLES = [article(WORDS[i], WORDS[i + 1], date.fromisoformat(WORDS[i + 2])) for i in range(0, len(WORDS), 3)]
PREDICTED = {
    "a1": "t1", "a2": "t1", "a3": "t2", "a4": "t3",
    "b1": "t4", "c1": "t4", "c2": "t4",
    "d1": "t5", "e1": "t5",
    "f1": "t6", "f2": "t6",
    "g1": "t7", "h1": "t7",
}  # fmt: skip


def test_a_development_is_dated_by_the_median_of_its_articles() -> None:
    dates = development_dates(ARTICLES)
    # A: 21, 22, 23, 23 October → the lower median, the 22nd; C: 12 and 13 November → the 12th.
    assert dates["A"] == date(2024, 10, 22) and dates["C"] == date(2024, 11, 12) and len(dates) == 8
    # A preview a week ahead does not move a development's date: 1 September, then 8, 8, 9.
    preview = [article(f"p{i}", "P", date(2025, 9, day)) for i, day in enumerate((1, 8, 8, 9))]
    assert development_dates(preview)["P"] == date(2025, 9, 8)


def test_splits_and_merges_are_counted_against_their_goals() -> None:
    gold = {a.id: a.development for a in ARTICLES}
    score = score_partition(gold, PREDICTED, development_dates(ARTICLES))
    assert (score.articles, score.developments, score.threads) == (13, 8, 7)
    # Developments with two or more articles: A, C, F. A is split, into three threads.
    assert (score.multi_article_developments, score.split, score.split_over_two) == (3, 1, 1)
    assert score.split_share == approx(Fraction(1, 3))
    # t4 merges B and C (dated 8 days apart); t5 D and E, t7 G and H (2 and 1 days apart).
    assert (score.merging, score.merging_weeks) == (3, 1)
    assert (score.merging_share, score.merging_weeks_share) == (approx(Fraction(3, 7)), approx(Fraction(1, 7)))
    assert score.split_details == ["A: 4 articles in 3 threads"]
    assert score.merge_details == ["t4: B, C (different weeks)", "t5: D, E", "t7: G, H"]
    # B-cubed by hand: precision a1 a2 1, a3 a4 1, b1 1/3, c1 c2 2/3, d1 e1 1/2, f1 f2 1, g1 h1 1/2
    #   → (2 + 2 + 1/3 + 4/3 + 1 + 2 + 1) / 13 = (29/3) / 13 = 29/39
    # recall a1 a2 2/4, a3 a4 1/4, b1 c1 c2 d1 e1 f1 f2 g1 h1 1 → (1 + 1/2 + 9) / 13 = 21/26
    assert score.precision == approx(Fraction(29, 39))
    assert score.recall == approx(Fraction(21, 26))


def test_story_periods_end_on_sundays_or_month_ends() -> None:
    assert story_periods(ARTICLES[:5], "week") == [date(2024, 10, 27), date(2024, 11, 10)]
    assert story_periods(ARTICLES[:9], "month") == [date(2024, 10, 31), date(2024, 11, 30), date(2024, 12, 31)]
    with pytest.raises(ValueError, match="week or month"):
        story_periods(ARTICLES, "day")


# --- the sets -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(SETS))
def test_the_labelled_sets_are_as_the_issue_asks(name: str) -> None:
    articles = load_set(SETS[name])
    developments: dict[str, list[GoldArticle]] = {}
    for a in articles:
        developments.setdefault(a.development, []).append(a)
    assert len(articles) >= 120 and len(developments) >= 20
    assert sum(len(v) == 1 for v in developments.values()) >= 5  # some singletons
    multi = [v for v in developments.values() if len(v) >= 3]
    assert sum(len({a.outlet for a in v}) >= 3 for v in multi) == len(multi)  # >= 3 outlets where coverage exists
    assert len({a.url for a in articles}) == len(articles)
    for a in articles:
        assert a.url.startswith(("https://", "http://")) and 20 <= len(a.lead) <= 400, a.id


def test_dev_and_heldout_share_no_development_and_no_article() -> None:
    dev, held = load_set(SETS["dev"]), load_set(SETS["heldout"])
    assert not {a.development for a in dev} & {a.development for a in held}
    assert not {a.url for a in dev} & {a.url for a in held}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 2: not JSON"),
        ('["a list"]', "line 2: expected a JSON object"),
        ('{"id": "x"}', "line 2: missing or empty development, outlet, url, published, title, lead, source_note"),
        ("FIELDS|published=2024-13-01", "line 2: published '2024-13-01' is not an ISO date"),
        ("FIELDS|id=dev-001", "line 2: id 'dev-001' appears twice"),
        ("FIELDS|id=a b", "line 2: id 'a b' may hold only"),
        ("FIELDS|extra=1", "line 2: unknown field extra"),
    ],
)
def test_a_bad_set_line_is_named(tmp_path: Path, line: str, message: str) -> None:
    good = {
        "id": "dev-001", "development": "d", "outlet": "o.org", "url": "https://o.org/1", "published": "2024-01-02",
        "title": "t", "lead": "l", "source_note": "n",
    }  # fmt: skip
    if line.startswith("FIELDS|"):
        key, _, value = line.removeprefix("FIELDS|").partition("=")
        line = json.dumps(good | {"id": "dev-002"} | {key: value})
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps(good) + "\n" + line + "\n")
    with pytest.raises(SetError, match=message.replace("(", r"\(")):
        load_set(path)


# --- the outlets on this machine ------------------------------------------------------------------


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


def test_coverage_site_shows_each_outlet_what_was_published_by_then() -> None:
    dev = load_set(SETS["dev"])
    outlet = "politico.eu"
    mine = sorted((a for a in dev if a.outlet == outlet), key=lambda a: a.published)
    assert len(mine) >= 2
    with CoverageSite(dev) as site:
        feed_url = next(f["url"] for f in site.feeds() if f["name"] == outlet)
        assert len(site.feeds()) == len({a.outlet for a in dev})
        site.visible_until = mine[0].published
        status, feed = get(feed_url)
        assert status == 200 and feed.count("<item>") == sum(a.published <= mine[0].published for a in mine)
        page = f"{site.base}/articles/{mine[-1].id}.html"
        assert get(page)[0] == 404  # not published yet
        site.visible_until = mine[-1].published
        status, feed = get(feed_url)
        assert feed.count("<item>") == len(mine)
        status, body = get(page)
        assert status == 200 and f'<link rel="canonical" href="{mine[-1].url}">' in body
        assert get(f"{site.base}/feeds/nowhere.example.xml")[0] == 404


def test_coverage_site_keeps_its_fixed_port_and_falls_back_when_it_is_taken() -> None:
    """Article ids come from the site's URLs: on SITE_PORT they repeat from run to run; a second
    site at the same time (or another process on the port) still serves, on a port of its own."""
    dev = load_set(SETS["dev"])
    with CoverageSite(dev) as first, CoverageSite(dev) as second:
        ports = [site.server.server_address[1] for site in (first, second)]
        assert ports[0] != ports[1] and ports[1] != SITE_PORT and not second.fixed_port
        assert first.fixed_port == (ports[0] == SITE_PORT)
        for site, port in zip((first, second), ports, strict=True):
            assert site.base == f"http://127.0.0.1:{port}"
            assert get(site.feeds()[0]["url"])[0] == 200


# --- the harness, end to end ----------------------------------------------------------------------


@pytest.mark.slow  # the pipeline with spaCy, two runs (~15 s)
def test_harness_runs_the_pipeline_week_by_week_and_scores_its_threads(tmp_path: Path) -> None:
    dev = load_set(SETS["dev"])
    chosen = {"2024-10-duma-ratifies-treaty", "2024-10-seoul-summons-russian-envoy", "2024-10-kazan-brics-xi-putin"}
    picked = [a for a in dev if a.development in chosen]
    result = run_set(picked, tmp_path)
    assert result.runs == len(story_periods(picked, "week")) == 2
    assert result.stored == len(picked) and result.run_errors == []
    # The canonical link names the real outlet in article_outlets (not 127.0.0.1).
    outlets = {o for (o,) in rows(tmp_path / "threads.duckdb", "SELECT outlet FROM article_outlets")}
    assert outlets == {a.outlet for a in picked}
    report = evaluate_set("slice", picked, result)
    text = format_report(report, details=True)
    assert f"{len(picked)} articles, 3 developments; 2 runs" in text
    assert set(result.threaded) == {a.id for a in picked}
    assert result.rebuilt == result.threaded and report.rebuild_identical
    assert "rebuild: B-cubed F1" in text and "identical to the runs" in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--threads", "join_threshold"], "expected KEY=VALUE"),
        (["--threads", "join_threshold=high"], "not a TOML value"),
        (["--threads", "no_such_key=1"], "threads"),  # the config names the unknown key before any run
    ],
)
def test_bad_arguments_are_named(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--set", "dev", *argv])
    assert stopped.value.code == 2
    assert message in capsys.readouterr().err
