from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from tests.helpers import counts, held_open
from warehouse.db import (
    WarehouseError,
    WarehouseLockedError,
    connect,
    latest_schema_version,
    migrate,
    open_connection,
    schema_version,
)
from warehouse.load import RunBatch, batch_shape, batch_to_arrow, load_batch, load_tables


def _run(run_id: str) -> dict:
    now = datetime(2024, 11, 8, 12, 0)
    return {"run_id": run_id, "started_at": now, "finished_at": now, "status": "completed", "errors": 0}


def _article(article_id: str, run_id: str, text: str = "Pyongyang sent troops.") -> dict:
    return {
        "article_id": article_id,
        "source_id": "seed",
        "url": f"seed:{article_id}",
        "fetched_at": datetime(2024, 11, 8, 12, 0),
        "text": text,
        "text_hash": str(hash(text) & 0xFFFF),
        "is_seed": True,
        "run_id": run_id,
    }


def _mention(article_id: str, start: int, run_id: str, entity_id: str | None = "PRK") -> dict:
    return {
        "article_id": article_id,
        "sentence_index": 0,
        "start_char": start,
        "end_char": start + 9,
        "text": "Pyongyang",
        "label": "GPE",
        "entity_id": entity_id,
        "metonymy": True,
        "run_id": run_id,
    }


def _source() -> dict:
    return {"source_id": "seed", "kind": "seed", "name": "Seed corpus", "consecutive_failures": 0}


def _batch(run_id: str, articles: list[dict], mentions: list[dict], sources: list[dict] | None = None) -> RunBatch:
    return RunBatch(run=_run(run_id), sources=sources or [], articles=articles, mentions=mentions)


def test_migrations_from_empty_and_reapplied(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with connect(db) as con:
        assert schema_version(con) == latest_schema_version()
        tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
        assert {"runs", "sources", "articles", "entities", "mentions", "schema_version"} <= tables
    with connect(db) as con:  # re-applying is a no-op
        assert migrate(con, db) == []
        assert con.execute("select count(*) from schema_version").fetchone()[0] == latest_schema_version()


def test_newer_schema_is_refused_and_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with connect(db) as con:
        con.execute("insert into schema_version values (999, 'future', now())")
    with pytest.raises(WarehouseError, match="newer than this storywatch knows"), connect(db):
        pass
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select max(version) from schema_version").fetchone()[0] == 999
    con.close()


def test_load_is_idempotent(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    duplicated = [_mention("a1", 0, "r1"), _mention("a1", 0, "r1")]  # duplicate key inside one batch
    batch = _batch("r1", [_article("a1", "r1")], duplicated, sources=[_source()])
    with connect(db) as con:
        first = load_batch(con, batch)
    assert (first.articles_new, first.mentions_new) == (1, 1)
    with connect(db) as con:
        second = load_batch(con, _batch("r2", [_article("a1", "r2")], [_mention("a1", 0, "r2")]))
    assert (second.articles_new, second.articles_updated) == (0, 1)
    assert [counts(db)[t] for t in ("articles", "mentions", "runs")] == [1, 1, 2]


def test_changed_text_replaces_derived_rows(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with connect(db) as con:
        load_batch(con, _batch("r1", [_article("a1", "r1")], [_mention("a1", 0, "r1"), _mention("a1", 20, "r1")]))
        load_batch(con, _batch("r2", [_article("a1", "r2", "New text.")], [_mention("a1", 5, "r2")]))
        rows = con.execute("select start_char, run_id from mentions").fetchall()
    assert rows == [(5, "r2")]


def test_failure_mid_load_rolls_back_everything(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with connect(db) as con:
        load_batch(con, _batch("r1", [_article("a1", "r1")], [_mention("a1", 0, "r1")], sources=[_source()]))
    before = counts(db)
    bad_mention = _mention("a2", 0, "r2") | {"text": None}  # NOT NULL violated after articles were written
    batch = RunBatch(run=_run("r2"), articles=[_article("a2", "r2"), _article("a1", "r2", "changed")])
    # Past the rows' own check (to_arrow refuses such a row): the database refuses it mid-load.
    mentions = pa.Table.from_pylist([_mention("a1", 3, "r2"), bad_mention], schema=batch_shape("mentions").schema)
    with connect(db) as con, pytest.raises(duckdb.ConstraintException):
        load_tables(con, batch.run, batch_to_arrow(batch) | {"mentions": mentions})
    assert counts(db) == before
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select run_id, text from articles").fetchall() == [("r1", "Pyongyang sent troops.")]
    assert con.execute("select start_char from mentions").fetchall() == [(0,)]
    con.close()


def test_missing_directory_is_named(tmp_path: Path) -> None:
    with pytest.raises(WarehouseError, match=r"warehouse directory .*nowhere does not exist"):
        open_connection(tmp_path / "nowhere" / "w.duckdb")


def test_parent_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(WarehouseError, match="is not a directory"):
        open_connection(tmp_path / "file" / "w.duckdb")


def test_unwritable_location_is_named() -> None:
    # /proc refuses new files even to root, which chmod-based tests cannot guarantee.
    with pytest.raises(WarehouseError, match=r"cannot open warehouse /proc/storywatch\.duckdb"):
        open_connection("/proc/storywatch.duckdb")


def test_not_a_duckdb_file(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    path.write_bytes(b"this is not a database" * 500)
    with pytest.raises(WarehouseError, match=r"w\.duckdb"):
        open_connection(path)


def test_lock_names_the_holding_process(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with connect(db):
        pass
    with held_open(db) as holder:
        with pytest.raises(WarehouseLockedError) as info:
            open_connection(db)
        assert info.value.pid == holder.pid
        assert f"PID {holder.pid}" in str(info.value)
        assert "locked by another process" in str(info.value)
        assert "\n" not in str(info.value)
    time.sleep(0.1)
    with connect(db, read_only=True):
        pass
