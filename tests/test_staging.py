"""Staged batches belong to their warehouse: a batch staged while a.duckdb was locked is loaded by
a.duckdb exactly once, and refused (left in place, with a warning naming both) by any other."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from flows.pipeline import ingest
from tests.helpers import add_seed, counts, held_open, run_then_stage
from warehouse.db import connect, warehouse_id
from warehouse.staging import WAREHOUSE_FILE, WarehouseIdentity, load_staged, staged_batches, staging_root


def config(tmp_path: Path, name: str, staging_dir: Path | None = None) -> Path:
    path = tmp_path / f"{name}.toml"
    staging = f'staging_dir = "{staging_dir}"\n' if staging_dir else ""
    path.write_text(f'[warehouse]\npath = "{name}.duckdb"\nlock_wait_s = 1\n{staging}')
    return path


@pytest.fixture
def seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # both warehouses, relative paths, one working directory
    folder = tmp_path / "seeds"  # one short seed: these tests are about where rows go, not NLP
    folder.mkdir()
    (folder / "first.txt").write_text("North Korea sent troops to Russia, and China said it was not aware of it.")
    (folder / "manifest.toml").write_text('[[seed]]\nfile = "first.txt"\ntitle = "First"\npublished = "2024-11-08"\n')
    return folder


def test_a_batch_staged_for_a_is_loaded_by_a_only_and_once(prefect_harness: None, tmp_path: Path, seeds: Path) -> None:
    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    config_a, config_b = config(tmp_path, "a"), config(tmp_path, "b")
    ingest(config_path=str(config_a), offline=True, seeds_dir=str(seeds))
    ingest(config_path=str(config_b), offline=True, seeds_dir=str(seeds))
    add_seed(seeds)
    before_a, before_b = counts(a), counts(b)

    with held_open(a):  # locked before the run starts: the run never reads a's id
        staged = ingest(config_path=str(config_a), offline=True, seeds_dir=str(seeds))
    assert staged.status == "staged"
    (batch,) = staged_batches(staging_root("a.duckdb"))
    assert batch.parent.resolve() == tmp_path / "a.duckdb.staging"
    owner = json.loads((batch / WAREHOUSE_FILE).read_text())
    assert owner == {"path": str(a.resolve()), "id": None}

    # b, same working directory, default staging: it never looks at a's batch
    other = ingest(config_path=str(config_b), offline=True, seeds_dir=str(seeds))
    assert other.staged_loaded == [] and staged_batches(staging_root("a.duckdb")) == [batch]
    # b pointed at a's staging folder: the batch is refused, named, left in place
    shared_b = config(tmp_path, "b", staging_dir=batch.parent)
    shared = ingest(config_path=str(shared_b), offline=True, seeds_dir=str(seeds))
    assert shared.staged_loaded == []
    (warning,) = [e for e in shared.errors if "staged batch" in e]
    assert str(a.resolve()) in warning and str(b.resolve()) in warning
    assert staged_batches(batch.parent) == [batch]
    after_b = counts(b)
    assert after_b["articles"] == before_b["articles"] + 1  # the new seed, from b's own run …
    assert after_b["runs"] == before_b["runs"] + 2  # … and no run of a's
    assert counts(a) == before_a  # nothing reached a while it was locked

    # a, unlocked: loads its batch exactly once
    after = ingest(config_path=str(config_a), offline=True, seeds_dir=str(seeds))
    assert after.staged_loaded == [staged.run_id]
    assert after.articles_new == 0 and after.documents_extracted == 0
    assert staged_batches(batch.parent) == []
    loaded = counts(a)
    assert loaded["articles"] == before_a["articles"] + 1
    assert loaded["runs"] == before_a["runs"] + 2  # the staged run and this one
    again = ingest(config_path=str(config_a), offline=True, seeds_dir=str(seeds))
    assert again.staged_loaded == [] and counts(a) | {"runs": 0} == loaded | {"runs": 0}


def _stage_for(tmp_path: Path, seeds: Path, db: str, staging: Path) -> Path:
    """A real batch of warehouse `db`, staged under `staging` by a locked run."""
    run_then_stage(config(tmp_path, Path(db).stem, staging_dir=staging), seeds, tmp_path / db)
    (batch,) = staged_batches(staging)
    return batch


def test_identity_checks_path_and_uuid(prefect_harness: None, tmp_path: Path, seeds: Path) -> None:
    staging = tmp_path / "shared-staging"
    batch = _stage_for(tmp_path, seeds, "a.duckdb", staging)
    a = tmp_path / "a.duckdb"
    with connect(a) as con:
        a_id = warehouse_id(con)
    assert a_id
    # as a run that had read a's id before the lock was taken records it
    (batch / WAREHOUSE_FILE).write_text(json.dumps({"path": str(a.resolve()), "id": a_id}))

    copy = tmp_path / "copy.duckdb"  # a copy of the file: same id, another path
    shutil.copy(a, copy)
    warnings: list[str] = []
    with connect(copy) as con:
        assert warehouse_id(con) == a_id
        assert load_staged(con, staging, warn=warnings.append) == []
    assert len(warnings) == 1 and str(copy.resolve()) in warnings[0] and str(a.resolve()) in warnings[0]

    moved = tmp_path / "a-old.duckdb"  # a new warehouse at a's path: same path, another id
    a.rename(moved)
    with connect(a) as con:
        assert warehouse_id(con) not in (None, a_id)
        assert load_staged(con, staging, warn=warnings.append) == []
    assert a_id in warnings[-1] and staged_batches(staging) == [batch]

    moved.rename(a)  # the real one back: path and id agree
    before = counts(a)
    with connect(a) as con:
        (loaded,) = load_staged(con, staging, warn=warnings.append)
    assert loaded[1] is not None and loaded[1].articles_new == 1
    assert counts(a)["articles"] == before["articles"] + 1 and staged_batches(staging) == []


def test_a_batch_without_an_owner_loads_only_from_the_warehouses_own_folder(
    prefect_harness: None, tmp_path: Path, seeds: Path
) -> None:
    shared = tmp_path / "data" / "staging"  # the shared default of earlier releases
    batch = _stage_for(tmp_path, seeds, "a.duckdb", shared)
    (batch / WAREHOUSE_FILE).unlink()  # as an earlier release staged it, without today's newer columns
    for name, dropped in (("articles", ["truncated", "fetch_error"]), ("sources", ["pending_items"])):
        staged = pq.read_table(batch / f"{name}.parquet")
        pq.write_table(staged.drop_columns([c for c in dropped if c in staged.column_names]), batch / f"{name}.parquet")
    a = tmp_path / "a.duckdb"
    warnings: list[str] = []
    with connect(a) as con:
        assert load_staged(con, shared, warn=warnings.append) == []
    assert "move it into" in warnings[0] and str(staging_root(a)) in warnings[0]
    # the default-staging run says that data/staging holds batches nobody loads
    notice = ingest(config_path=str(config(tmp_path, "a")), offline=True, seeds_dir=str(seeds))
    assert any("data/staging" in e for e in notice.errors)

    own = staging_root(a)
    own.mkdir()
    shutil.move(batch, own / batch.name)  # the user says whose it is
    with connect(a) as con:
        (loaded,) = load_staged(con, own, warn=warnings.append)
    assert loaded[0] == batch.name and loaded[1] is not None
    assert staged_batches(own) == []
    with connect(a, read_only=True) as con:  # the columns it lacked took their defaults
        assert con.execute("SELECT count(*) FROM articles WHERE truncated IS NULL").fetchall() == [(0,)]


def test_identity_is_resolved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert WarehouseIdentity.of("link/w.duckdb", None) == WarehouseIdentity.of(tmp_path / "real" / "w.duckdb", None)
    assert staging_root("data/w.duckdb") == Path("data/w.duckdb.staging")
    assert staging_root("data/w.duckdb", "elsewhere") == Path("elsewhere")
