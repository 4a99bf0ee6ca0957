"""A warehouse held open by another process: a run stages, and the next run loads exactly once;
`storywatch sql`, `export` and `report` wait for the lock, and name the holder when they give up."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from flows.pipeline import ingest
from tests.helpers import REPO, STORYWATCH, CliInvoke, counts, held_open, run_then_stage, storywatch_env
from warehouse.db import connect
from warehouse.staging import load_staged, staged_batches


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    seeds = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", seeds)
    config = tmp_path / "storywatch.toml"
    config.write_text(
        f'[warehouse]\npath = "{tmp_path / "w.duckdb"}"\nlock_wait_s = 1\nstaging_dir = "{tmp_path / "staging"}"\n'
    )
    return seeds, config


def test_locked_run_stages_and_next_run_loads_exactly_once(
    prefect_harness: None, tmp_path: Path, project: tuple[Path, Path]
) -> None:
    seeds, config = project
    db = tmp_path / "w.duckdb"
    locked = run_then_stage(config, seeds, db)
    staged = locked.summary
    assert f"PID {locked.holder_pid}" in staged.errors[-1]
    assert counts(db) == locked.before  # nothing reached the warehouse while it was locked
    assert len(staged_batches(tmp_path / "staging")) == 1

    after = ingest(config_path=str(config), offline=True, seeds_dir=str(seeds))
    assert after.staged_loaded == [staged.run_id]
    assert after.articles_new == 0 and after.documents_extracted == 0  # the staged batch already held it
    assert staged_batches(tmp_path / "staging") == []
    loaded = counts(db)

    # The same seeds loaded into a fresh warehouse without any lock give the same rows.
    clean_config = tmp_path / "clean.toml"
    clean_config.write_text(f'[warehouse]\npath = "{tmp_path / "clean.duckdb"}"\n')
    ingest(config_path=str(clean_config), offline=True, seeds_dir=str(seeds))
    clean = counts(tmp_path / "clean.duckdb")
    assert {k: v for k, v in loaded.items() if k != "runs"} == {k: v for k, v in clean.items() if k != "runs"}
    assert loaded["articles"] == 2


def test_staged_batch_loaded_twice_is_not_duplicated(
    prefect_harness: None, tmp_path: Path, project: tuple[Path, Path]
) -> None:
    seeds, config = project
    db = tmp_path / "w.duckdb"
    run_then_stage(config, seeds, db)
    (folder,) = staged_batches(tmp_path / "staging")
    keep = tmp_path / "copy"
    shutil.copytree(folder, keep)
    with connect(db) as con:
        first = load_staged(con, tmp_path / "staging")
    once = counts(db)
    shutil.copytree(keep, folder)  # as if the process died after COMMIT, before removing the folder
    with connect(db) as con:
        second = load_staged(con, tmp_path / "staging")
    assert first[0][1] is not None and second[0][1] is None
    assert counts(db) == once


@pytest.fixture
def small_warehouse(tmp_path: Path) -> Path:
    """A migrated warehouse with one run recorded (no Prefect, no extraction: the readers are tested)."""
    db = tmp_path / "w.duckdb"
    with connect(db) as con:
        con.execute("INSERT INTO runs (run_id, started_at, status) VALUES ('r1', now()::TIMESTAMP, 'completed')")
    return db


@pytest.mark.parametrize("command", ["sql", "export"])
def test_reader_waits_while_another_process_holds_the_lock_then_answers(
    small_warehouse: Path, tmp_path: Path, command: str
) -> None:
    """A separate reader process: it must be waiting on the lock while this one releases it."""
    db, out = small_warehouse, tmp_path / "export"
    args = {"sql": ["sql", "select run_id, status from runs", "-f", "json"], "export": ["export", str(out)]}[command]
    with held_open(db) as holder:
        reader = subprocess.Popen(
            [STORYWATCH, *args, "--db", str(db), "--wait", "120"],
            cwd=tmp_path,
            env=storywatch_env(tmp_path),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert reader.stderr is not None
            note = reader.stderr.readline()  # printed once the reader has met the lock and starts waiting
            assert f"locked by another process: PID {holder.pid}" in note and "waiting up to 120 s" in note
            assert reader.poll() is None and not out.exists()  # still waiting, nothing written
            holder.release()
            stdout, err = reader.communicate(timeout=120)
        finally:
            reader.kill()
            reader.wait()
    assert reader.returncode == 0, err
    if command == "sql":
        assert json.loads(stdout) == [{"run_id": "r1", "status": "completed"}]
    else:
        manifest = json.loads((out / "manifest.json").read_text())
        assert {r["name"]: r["rows"] for r in manifest["relations"]}["runs"] == 1


@pytest.mark.parametrize("command", ["sql", "export", "report"])
def test_reader_names_the_holder_when_the_wait_runs_out(
    small_warehouse: Path, tmp_path: Path, command: str, cli: CliInvoke
) -> None:
    db = small_warehouse
    target = tmp_path / "target"
    args = {
        "sql": ["sql", "select count(*) from runs"],
        "export": ["export", str(target)],
        "report": ["report", "--out", str(target / "report.html")],
    }[command]
    with held_open(db) as holder:
        result = cli(*args, "--db", str(db), "--wait", "0.5", cwd=tmp_path)
    assert result.exit_code == 2
    last = result.stderr.strip().splitlines()[-1]
    assert f"warehouse {db} is locked by another process: PID {holder.pid} (" in last
    assert "python" in last  # the holder's command line, so the user can tell what it is
    assert "gave up after waiting 0.5 s" in last
    assert not target.exists()


def test_wait_must_be_a_number_of_seconds(small_warehouse: Path, tmp_path: Path, cli: CliInvoke) -> None:
    result = cli("sql", "select 1", "--db", str(small_warehouse), "--wait", "-1", cwd=tmp_path)
    assert result.exit_code == 2
    assert "--wait must be a number of seconds" in result.stderr
