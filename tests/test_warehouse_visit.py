"""A run's warehouse visit (flows/runs.py: WarehouseAccess.visit): the steps inside it share one
open database, other processes get the file back when it ends, and a lock held by another process
is noted as a read notes it (the reads give their defaults)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb

from flows.runs import WarehouseAccess
from tests.helpers import held_open
from warehouse.db import connect, utcnow
from warehouse.queries import catalogue_version


def other_process_opens(db: Path) -> bool:
    """Whether a separate process can open `db` for writing now."""
    script = f"import duckdb; duckdb.connect({str(db)!r}).close()"
    return subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60).returncode == 0


def record_completed_run(db: Path) -> None:
    with connect(db) as con:
        con.execute(
            "INSERT INTO runs (run_id, started_at, finished_at, status, versions) VALUES (?, ?, ?, 'completed', ?)",
            ["r1", utcnow(), utcnow(), '{"gazetteer": "g1"}'],
        )


def test_steps_in_a_visit_share_the_open_warehouse_and_the_file_is_free_after(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    record_completed_run(db)
    access = WarehouseAccess(str(db), wait_s=0)
    with access.visit():
        first = access.read(lambda con: con, None)
        assert first is not None and access.read(lambda con: con, None) is first
        assert access.read(catalogue_version, None) == "g1"
        # Another connection of this process (the load, the thread step) joins the open database:
        # it writes, commits and checkpoints as every load does, and the visit's reads see it.
        # (A second run into one warehouse, tests/test_flow.py, is where a read that leaves its
        # result open would show: the load's CHECKPOINT then fails.)
        with connect(db) as load:
            load.execute("BEGIN TRANSACTION")
            load.execute("INSERT INTO settings VALUES ('visit-test', 'written')")
            load.execute("COMMIT")
            load.execute("CHECKPOINT")
        written = "SELECT value FROM settings WHERE key = 'visit-test'"
        assert access.read(lambda con: con.execute(written).fetchall(), []) == [("written",)]
        assert access.warehouse_id is not None
        assert not other_process_opens(db)  # held for the visit's length only
    assert other_process_opens(db)
    assert access.read(lambda con: con.execute("SELECT count(*) FROM settings").fetchall()[0][0], 0) >= 2


def test_a_visit_to_a_warehouse_another_process_holds_gives_the_defaults(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    record_completed_run(db)
    access = WarehouseAccess(str(db), wait_s=0)
    with held_open(db) as holder, access.visit():
        assert access.read(catalogue_version, "default") == "default"
        assert access.locked_by is not None and str(holder.pid) in access.locked_by
    # Later reads of the run keep the defaults without waiting again, as before visits existed.
    assert access.read(catalogue_version, "default") == "default"
    with duckdb.connect(str(db)) as con:  # the file itself was never touched
        assert con.execute("SELECT count(*) FROM runs").fetchall() == [(1,)]


def test_connections_that_join_a_visit_run_on_one_thread(tmp_path: Path) -> None:
    """The load, the thread step and the alert rules connect while the run's visit holds the file: they
    join its database, which runs on one DuckDB thread for the visit (a run's statements are small);
    once the visit ends, the next connection has DuckDB's default again."""
    path = tmp_path / "w.duckdb"
    record_completed_run(path)
    access = WarehouseAccess(str(path), wait_s=0)
    with access.visit(), connect(path) as load:
        assert load.execute("SELECT current_setting('threads')").fetchall() == [(1,)]
        assert load.execute("SELECT count(*) FROM runs").fetchall() == [(1,)]
    with connect(path) as later, duckdb.connect() as fresh:
        default = fresh.execute("SELECT current_setting('threads')").fetchall()
        assert later.execute("SELECT current_setting('threads')").fetchall() == default
