"""The ingest flow end to end through Prefect (one test harness for the session)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import ingest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    path = tmp_path / "storywatch.toml"
    path.write_text((REPO / "storywatch.toml").read_text())
    return path


def test_ingest_twice_is_idempotent_and_skips_nlp(prefect_harness: None, tmp_path: Path, config_file: Path) -> None:
    db = tmp_path / "w.duckdb"
    first = ingest(config_path=str(config_file), db=str(db), offline=True, seeds_dir=str(REPO / "seeds"))
    assert first.status == "completed"
    assert (first.articles_new, first.documents_extracted) == (1, 1)
    assert first.mentions_new > 50
    second = ingest(config_path=str(config_file), db=str(db), offline=True, seeds_dir=str(REPO / "seeds"))
    assert (second.articles_new, second.mentions_new, second.documents_extracted) == (0, 0, 0)
    assert second.articles_unchanged == 1

    con = duckdb.connect(str(db), read_only=True)
    try:
        runs = con.execute("select run_id, flow_run_id, status, versions from runs order by started_at").fetchall()
        assert [r[0] for r in runs] == [first.run_id, second.run_id]
        assert all(r[1] and r[2] == "completed" for r in runs)
        assert json.loads(runs[0][3])["gazetteer"]
        article = con.execute("select relevance, is_seed, published_approx, run_id from articles").fetchone()
        assert article[0] >= 0.9 and article[1] is True and article[2] is True and article[3] == first.run_id
        assert con.execute("select count(distinct run_id) from mentions").fetchone()[0] == 1
        source = con.execute("select kind, last_status from sources where source_id = 'seed'").fetchone()
        assert source == ("seed", "ok")
    finally:
        con.close()


def test_changed_seed_is_reextracted_in_place(prefect_harness: None, tmp_path: Path, config_file: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "manifest.toml").write_text('[[seed]]\nfile = "s.txt"\npublished = "2024-11-01"\n')
    (seeds / "s.txt").write_text("Pyongyang sent troops to Russia. China said little.")
    db = tmp_path / "w.duckdb"
    ingest(config_path=str(config_file), db=str(db), offline=True, seeds_dir=str(seeds))
    (seeds / "s.txt").write_text("Moscow thanked Pyongyang. Beijing stayed silent.")
    summary = ingest(config_path=str(config_file), db=str(db), offline=True, seeds_dir=str(seeds))
    assert (summary.articles_new, summary.articles_updated) == (0, 1)
    con = duckdb.connect(str(db), read_only=True)
    try:
        texts = {r[0] for r in con.execute("select text from mentions").fetchall()}
        assert texts == {"Moscow", "Pyongyang", "Beijing"}
    finally:
        con.close()


def test_failed_run_leaves_data_untouched(prefect_harness: None, tmp_path: Path, config_file: Path) -> None:
    db = tmp_path / "w.duckdb"
    ingest(config_path=str(config_file), db=str(db), offline=True, seeds_dir=str(REPO / "seeds"))
    con = duckdb.connect(str(db), read_only=True)
    before = (
        con.execute("select count(*) from articles").fetchone(),
        con.execute("select count(*) from mentions").fetchone(),
    )
    con.close()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "manifest.toml").write_text('[[seed]]\nfile = "x.txt"\n')
    (bad / "x.txt").write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(Exception, match=r"looks binary|not UTF-8"):
        ingest(config_path=str(config_file), db=str(db), offline=True, seeds_dir=str(bad))
    con = duckdb.connect(str(db), read_only=True)
    try:
        after = (
            con.execute("select count(*) from articles").fetchone(),
            con.execute("select count(*) from mentions").fetchone(),
        )
        assert after == before
        status = con.execute("select status, message from runs order by started_at desc limit 1").fetchone()
        assert status[0] == "failed" and "x.txt" in status[1]
    finally:
        con.close()
    assert os.path.exists(db)
