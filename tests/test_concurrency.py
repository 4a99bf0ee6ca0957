"""A run meets a warehouse held open by another process: it stages, and the next run loads exactly once."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import ingest
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
