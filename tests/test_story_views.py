"""The story views, export and schema upgrades on a warehouse filled by the real flow."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from tests.helpers import rows, seed_warehouse, storywatch
from warehouse.db import (
    backup_if_migrating,
    connect,
    latest_schema_version,
    migrate,
    open_connection,
    schema_version,
)

REPO = Path(__file__).resolve().parents[1]
VIEWS = (
    "coverage_daily",
    "entity_daily",
    "pair_daily",
    "event_timeline",
    "speaker_quotes",
    "speakers",
    "experts",
    "claim_timeline",
    "first_seen",
)
SECOND = (
    "Russia and North Korea held talks in Moscow on Tuesday on expanding military cooperation, the Kremlin said. "
    "Reports indicate that about 12,000 North Korean soldiers are now in Russia's Kursk region. "
    "China's foreign ministry spokesperson Lin Jian said Beijing was not aware of the situation. "
    "Evan Ross, a former State Department official, said the deployment changed the balance in the region. "
    "Mira Sokolova said Moscow would pay for the troops with oil."
)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory, prefect_harness: None) -> Path:
    return seed_warehouse(tmp_path_factory.mktemp("views"), SECOND)


def test_every_view_is_documented(warehouse: Path) -> None:
    comments = dict(rows(warehouse, "select view_name, comment from duckdb_views() where not internal"))
    for view in VIEWS:
        assert comments.get(view), f"{view} has no COMMENT"


def test_coverage_daily(warehouse: Path) -> None:
    days = rows(
        warehouse, "select day::varchar, relevant_articles, stories, day_basis from coverage_daily order by day"
    )
    assert days == [("2024-11-08", 1, 1, "published"), ("2024-12-03", 1, 1, "published")]


def test_entity_daily_share(warehouse: Path) -> None:
    prk = rows(warehouse, "select day::varchar, articles, share from entity_daily where entity_id = 'PRK' order by day")
    assert prk == [("2024-11-08", 1, 1.0), ("2024-12-03", 1, 1.0)]


def test_pair_daily_counts_co_mentions_and_events(warehouse: Path) -> None:
    pair = rows(
        warehouse,
        "select co_mentions, events, material_cooperation, material_conflict from pair_daily"
        " where actor_a = 'PRK' and actor_b = 'RUS' and day = '2024-11-08'",
    )
    # Troops sent to support an ally are material cooperation (AID), not conflict between the allies.
    assert pair and pair[0][0] > 5 and pair[0][1] >= 3 and pair[0][2] >= 3 and pair[0][3] == 0


def test_event_timeline_has_evidence(warehouse: Path) -> None:
    mobilize = rows(
        warehouse,
        "select actor_id, recipient_id, quantity, hedged, sentence, title from event_timeline"
        " where event_type = 'AID' and location_id = 'kursk' order by day",
    )
    assert mobilize[0][:4] == ("PRK", "RUS", 10000, True)
    assert "Kursk" in mobilize[0][4]


def test_experts(warehouse: Path) -> None:
    experts = {r[0]: r[1:] for r in rows(warehouse, "select name, affiliation, quotes, articles from experts")}
    assert experts["Dennis Wilder"][0] == "Georgetown University"
    assert experts["Zhu Feng"][1] >= 2
    assert all(name not in experts for name in ("China", "North Korea"))


def test_speakers_are_everyone_quoted_and_experts_the_analysts(warehouse: Path) -> None:
    speakers = {
        r[0]: r[1:] for r in rows(warehouse, "select name, affiliation, speaker_kind, quotes, first_seen from speakers")
    }
    experts = {r[0] for r in rows(warehouse, "select name from experts")}
    kinds = {name: s[1] for name, s in speakers.items()}
    # Spokespeople and serving officials speak; they are not experts. Nor is a historical figure.
    assert speakers["Lin Jian"][:2] == ("China's foreign ministry", "official")
    assert kinds["Matthew Miller"] == "official"
    assert kinds["Mao Zedong"] == "historical"
    # Analysts and scholars (the gazetteer's role), and a former official commenting (the text).
    assert kinds["Dennis Wilder"] == kinds["Zhu Feng"] == "expert"
    assert speakers["Evan Ross"][:2] == ("former State Department official", "expert")
    assert kinds["Mira Sokolova"] == "unknown"  # nothing says who she is: a speaker only
    assert experts == {name for name, kind in kinds.items() if kind == "expert"}
    assert {"Lin Jian", "Matthew Miller", "Mao Zedong", "Mira Sokolova"}.isdisjoint(experts)
    assert all(name not in speakers for name in ("China", "North Korea", "Kremlin"))  # states speak through people
    # Each quote by a person once, under its speaker.
    quoted = rows(
        warehouse,
        "select count(*) from quotes q left join entities e on e.entity_id = q.speaker_id"
        " where e.kind = 'person' or q.speaker_id is null",
    )[0][0]
    assert sum(s[2] for s in speakers.values()) == quoted


def test_claim_timeline_tracks_changes(warehouse: Path) -> None:
    series = rows(
        warehouse,
        "select value_low, previous_low, change_low from claim_timeline"
        " where subject_id = 'PRK' and what like '%soldiers%' order by day",
    )
    assert series[0][0] == 10000 and series[0][1] is None
    assert series[-1] == (12000, 10000, 2000)


def test_first_seen(warehouse: Path) -> None:
    firsts = {(r[0], r[1]): r[2] for r in rows(warehouse, "select kind, key, day::varchar from first_seen")}
    assert firsts[("entity", "PRK")] == "2024-11-08"
    assert firsts[("pair", "PRK–RUS")] == "2024-11-08"
    assert ("expert", "dennis-wilder") in firsts
    assert ("expert", "lin-jian") not in firsts and ("expert", "mao-zedong") not in firsts  # speakers, not experts
    assert any(kind == "triple" and key.startswith("PRK AID RUS") for kind, key in firsts)


def test_export_writes_every_table_and_view(warehouse: Path, tmp_path: Path) -> None:
    for fmt in ("parquet", "csv"):
        out = tmp_path / fmt
        # A whole process, piped: rich decides the width from the real streams.
        result = storywatch(
            "export", str(out), "--format", fmt, "--db", str(warehouse), cwd=tmp_path, env={"COLUMNS": "80"}
        )
        assert result.returncode == 0, result.stderr
        # One line, piped and at 80 columns alike: the manifest's path is never broken off.
        assert result.stdout.endswith(f"; manifest: {out / 'manifest.json'}\n") and result.stdout.count("\n") == 1
        manifest = json.loads((out / "manifest.json").read_text())
        assert manifest["schema_version"] == latest_schema_version()
        names = {r["name"]: r for r in manifest["relations"]}
        assert set(VIEWS) | {"articles", "mentions", "events", "runs"} <= set(names)
        assert names["articles"]["rows"] == 2
        if fmt == "parquet":
            assert pq.read_table(out / "mentions.parquet").num_rows == names["mentions"]["rows"] > 0
        else:
            assert (out / "experts.csv").read_text().splitlines()[0].startswith("expert_key,")


def test_old_schema_is_upgraded_in_place(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    con = open_connection(db)
    migrate(con, db, target=1)
    assert schema_version(con) == 1
    now = datetime(2024, 11, 8, 12)
    # Filled the way release 1 wrote it (the first migration's tables only).
    con.execute(
        "insert into articles (article_id, source_id, url, fetched_at, text, text_hash, run_id, relevance)"
        " values ('a1', 'seed', 'seed:a', ?, 't', 'h', 'old', 0.9)",
        [now],
    )
    con.close()
    backup = backup_if_migrating(db)
    assert backup is not None and backup.exists()
    with connect(db) as upgraded:
        assert schema_version(upgraded) == latest_schema_version()
        assert upgraded.execute("select article_id from articles").fetchall() == [("a1",)]
        assert upgraded.execute("select relevant_articles from coverage_daily").fetchall() == [(1,)]
    old = duckdb.connect(str(backup), read_only=True)
    assert old.execute("select max(version) from schema_version").fetchall() == [(1,)]
    old.close()
    assert backup_if_migrating(db) is None  # nothing left to migrate, nothing copied


def test_story_views_of_an_early_schema_5_are_replaced(tmp_path: Path) -> None:
    """Warehouses written between two early commits had entity_daily, pair_daily and first_seen
    from migration 004 (reading mentions directly); migration 006 redefines them over the rollups."""
    db = tmp_path / "early.duckdb"
    con = open_connection(db)
    migrate(con, db, target=5)
    for view in ("entity_daily", "pair_daily", "first_seen"):
        con.execute(f"create view {view} as select 1 as stale")
    con.close()
    with connect(db) as upgraded:
        assert schema_version(upgraded) == latest_schema_version()
        for view in ("entity_daily", "pair_daily", "first_seen"):
            columns = [d[0] for d in upgraded.execute(f"select * from {view} limit 0").description]
            assert "stale" not in columns and len(columns) > 2, (view, columns)
