"""A warehouse held open by another process: a run stages, and the next run loads exactly once;
`storywatch sql`, `export` and `report` wait for the lock, and name the holder when they give up."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import ingest
from tests.test_cli import STORYWATCH, storywatch
from warehouse.db import connect
from warehouse.staging import load_staged, staged_batches

REPO = Path(__file__).resolve().parents[1]
EXTRA = (
    "Kim Jong Un met Vladimir Putin in Vladivostok, and Moscow promised Pyongyang help with satellites. "
    "China's foreign ministry said it was not aware of any arms deals between Russia and North Korea."
)


@contextmanager
def held_open(db: Path) -> Iterator[int]:
    """Another process (say the duckdb CLI) holding the warehouse read-write."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb,time; c=duckdb.connect({str(db)!r}); print('ok', flush=True); time.sleep(120)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        yield holder.pid
    finally:
        holder.kill()
        holder.wait()


@contextmanager
def held_until_released(db: Path) -> Iterator[tuple[int, Callable[[], None]]]:
    """Another process holding the warehouse read-write until `release()` is called: (pid, release)."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb,sys; c=duckdb.connect({str(db)!r}); print('ok', flush=True); sys.stdin.readline();"
            " c.close(); print('released', flush=True)",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )

    def release() -> None:
        assert holder.stdin is not None and holder.stdout is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "released"

    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        yield holder.pid, release
    finally:
        holder.kill()
        holder.wait()


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            t: con.execute(f"select count(*) from {t}").fetchall()[0][0]
            for t in ("articles", "mentions", "events", "quotes", "claims", "runs")
        }
    finally:
        con.close()


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    seeds = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", seeds)
    config = tmp_path / "storywatch.toml"
    config.write_text(
        f'[warehouse]\npath = "{tmp_path / "w.duckdb"}"\nlock_wait_s = 1\nstaging_dir = "{tmp_path / "staging"}"\n'
    )
    return seeds, config


def add_seed(seeds: Path) -> None:
    (seeds / "extra.txt").write_text(EXTRA)
    with (seeds / "manifest.toml").open("a") as manifest:
        manifest.write('\n[[seed]]\nfile = "extra.txt"\ntitle = "Extra"\npublished = "2025-03-01"\n')


def test_locked_run_stages_and_next_run_loads_exactly_once(
    prefect_harness: None, tmp_path: Path, project: tuple[Path, Path]
) -> None:
    seeds, config = project
    db = tmp_path / "w.duckdb"
    ingest(config_path=str(config), offline=True, seeds_dir=str(seeds))
    before = counts(db)
    add_seed(seeds)

    with held_open(db) as pid:
        staged = ingest(config_path=str(config), offline=True, seeds_dir=str(seeds))
        assert staged.status == "staged"
        assert f"PID {pid}" in staged.errors[-1]
    assert counts(db) == before  # nothing reached the warehouse while it was locked
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
    ingest(config_path=str(config), offline=True, seeds_dir=str(seeds))
    add_seed(seeds)
    with held_open(db):
        ingest(config_path=str(config), offline=True, seeds_dir=str(seeds))
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


def test_sql_waits_while_another_process_holds_the_lock_then_answers(small_warehouse: Path) -> None:
    db = small_warehouse
    with held_until_released(db) as (pid, release):
        reader = subprocess.Popen(
            [STORYWATCH, "sql", "select run_id, status from runs", "-f", "json", "--db", str(db), "--wait", "120"],
            cwd=db.parent,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert reader.stderr is not None
            note = reader.stderr.readline()  # printed once the reader has met the lock and starts waiting
            assert f"locked by another process: PID {pid}" in note and "waiting up to 120 s" in note
            assert reader.poll() is None  # still waiting: the lock is still held
            release()
            out, err = reader.communicate(timeout=120)
        finally:
            reader.kill()
            reader.wait()
    assert reader.returncode == 0, err
    assert json.loads(out) == [{"run_id": "r1", "status": "completed"}]


def test_export_waits_for_the_lock_then_writes(small_warehouse: Path, tmp_path: Path) -> None:
    db = small_warehouse
    out = tmp_path / "export"
    with held_until_released(db) as (pid, release):
        reader = subprocess.Popen(
            [STORYWATCH, "export", str(out), "--db", str(db), "--wait", "120"],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert reader.stderr is not None
            assert f"PID {pid}" in reader.stderr.readline()
            assert not out.exists()  # nothing written while it waits
            release()
            _, err = reader.communicate(timeout=120)
        finally:
            reader.kill()
            reader.wait()
    assert reader.returncode == 0, err
    manifest = json.loads((out / "manifest.json").read_text())
    assert {r["name"]: r["rows"] for r in manifest["relations"]}["runs"] == 1


@pytest.mark.parametrize("command", ["sql", "export", "report"])
def test_reader_names_the_holder_when_the_wait_runs_out(small_warehouse: Path, tmp_path: Path, command: str) -> None:
    db = small_warehouse
    target = tmp_path / "target"
    args = {
        "sql": ["sql", "select count(*) from runs"],
        "export": ["export", str(target)],
        "report": ["report", "--out", str(target / "report.html")],
    }[command]
    with held_open(db) as pid:
        result = storywatch(*args, "--db", str(db), "--wait", "0.5", cwd=tmp_path)
    assert result.returncode == 2
    last = result.stderr.strip().splitlines()[-1]
    assert f"warehouse {db} is locked by another process: PID {pid} (" in last
    assert "python" in last  # the holder's command line, so the user can tell what it is
    assert "gave up after waiting 0.5 s" in last
    assert not target.exists()


def test_wait_must_be_a_number_of_seconds(small_warehouse: Path, tmp_path: Path) -> None:
    result = storywatch("sql", "select 1", "--db", str(small_warehouse), "--wait", "-1", cwd=tmp_path)
    assert result.returncode == 2
    assert "--wait must be a number of seconds" in result.stderr
