"""claim_timeline, speakers and experts carry their source's affiliation and
country (migration 014), on a warehouse filled by the real flow from the seed corpus."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.helpers import rows, seed_warehouse

LATER = (
    "Russia and North Korea held talks in Moscow on Tuesday on expanding military cooperation, the Kremlin said. "
    "Reports indicate that about 12,000 North Korean soldiers are now in Russia's Kursk region. "
    "Evan Ross, a former State Department official, said the deployment changed the balance in the region."
)
# Columns the views had before 014, in order: they must stay as they were.
BEFORE = {
    "claim_timeline": "subject_id what unit day value_low value_high hedged previous_low previous_high change_low "
    "sentence title url source article_id claim_id",
    "speakers": "speaker_key speaker_id name affiliation role speaker_kind quotes articles first_seen last_seen "
    "latest_quote",
    "experts": "expert_key speaker_id name affiliation role quotes articles first_seen last_seen latest_quote",
    "speaker_quotes": "speaker_key speaker_id speaker_name affiliation role speaker_kind quote direct quote_id "
    "article_id day seen_at title url",
}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory, prefect_harness: None) -> Path:
    db = seed_warehouse(tmp_path_factory.mktemp("sources"), LATER)
    # The later article as TASS published it (seeds carry no URL): its outlet is then state media in Russia.
    con = duckdb.connect(str(db))
    con.execute("update articles set canonical_url = 'https://tass.com/politics/1' where title = 'Later'")
    con.close()
    return db


def test_existing_columns_keep_their_place_and_new_ones_come_last(warehouse: Path) -> None:
    for view, before in BEFORE.items():
        columns = [r[0] for r in rows(warehouse, f"describe {view}")]
        assert columns[: len(before.split())] == before.split(), view
    assert [r[0] for r in rows(warehouse, "describe claim_timeline")][-2:] == ["source_affiliation", "source_country"]


def test_claim_timeline_says_who_reports_each_figure(warehouse: Path) -> None:
    series = rows(
        warehouse,
        "select value_low, source_affiliation, source_country from claim_timeline"
        " where subject_id = 'PRK' and what like '%soldiers%' order by day",
    )
    assert series[-1] == (12000, "state", "RUS")
    assert all(row[1:] == ("unknown", "unknown") for row in series[:-1])
    # Every claim once, as before.
    assert rows(warehouse, "select count(*) from claim_timeline") == rows(warehouse, "select count(*) from claims")


def test_speakers_and_experts_say_which_sources_quote_them(warehouse: Path) -> None:
    ross = rows(
        warehouse,
        "select source_affiliations, source_countries, state_media_quotes, quotes from experts"
        " where name = 'Evan Ross'",
    )
    assert ross == [(["state"], ["RUS"], 1, 1)]
    others = rows(warehouse, "select source_affiliations, state_media_quotes from speakers where name <> 'Evan Ross'")
    assert others and all(row == (["unknown"], 0) for row in others)
    counted = rows(warehouse, "select sum(quotes) from speakers")[0][0]
    assert counted == rows(warehouse, "select count(*) from speaker_quotes")[0][0]


def test_the_report_splits_coverage_by_language_and_affiliation(warehouse: Path) -> None:
    from flows.report.page import render_report
    from warehouse.report import read_report_data

    data = read_report_data(warehouse)
    split = {(s.by, s.value): (s.relevant_articles, s.stories) for s in data.coverage_split}
    relevant = rows(
        warehouse,
        f"select count(*) from article_days where relevant"
        f" and day between '{data.period.start}' and '{data.period.end}'",
    )[0][0]
    assert relevant > 1
    # Every relevant article once in each split: the seeds are English from unlisted outlets, the later one TASS.
    assert split == {
        ("language", "en"): (relevant, split[("language", "en")][1]),
        ("affiliation", "unknown"): (relevant - 1, split[("affiliation", "unknown")][1]),
        ("affiliation", "state"): (1, 1),
    }
    page = render_report(data)
    assert 'id="coverage-split"' in page and "<td>state</td>" in page
