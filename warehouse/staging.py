"""Staged batches: a run's rows parked as Parquet when the warehouse stays locked.

When an analyst keeps the DuckDB file open for writing, a run cannot load. Rather than lose what it
fetched and extracted, it writes its Arrow tables under `<staging>/<run_id>/` (one Parquet file per
table plus `run.json`), moved into place atomically. The next run loads staged batches first, oldest
first, each in its own transaction, and removes a batch only after its load committed. Loading is
idempotent (every table upserts on its key, and a run already recorded as loaded is skipped), so a
crash between commit and removal cannot load anything twice.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from warehouse.db import scalar
from warehouse.load import SCHEMAS, LoadResult, load_tables

RUN_FILE = "run.json"


def stage_tables(staging_dir: str | Path, run: Mapping[str, Any], tables: Mapping[str, pa.Table]) -> Path:
    """Write the batch under staging_dir/<run_id>/ and return that folder."""
    root = Path(staging_dir)
    root.mkdir(parents=True, exist_ok=True)
    target = root / str(run["run_id"])
    scratch = Path(tempfile.mkdtemp(prefix=".staging-", dir=root))
    try:
        for name, table in tables.items():
            if name in SCHEMAS and table.num_rows:
                pq.write_table(table, scratch / f"{name}.parquet")
        (scratch / RUN_FILE).write_text(json.dumps(dict(run), default=_json_default, sort_keys=True))
        os.replace(scratch, target)  # atomic: a batch is either fully staged or absent
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return target


def staged_batches(staging_dir: str | Path) -> list[Path]:
    root = Path(staging_dir)
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / RUN_FILE).is_file())


def read_staged(folder: Path) -> tuple[dict[str, Any], dict[str, pa.Table]]:
    run = json.loads((folder / RUN_FILE).read_text())
    for key in ("started_at", "finished_at"):
        if run.get(key):
            run[key] = datetime.fromisoformat(run[key])
    tables = {p.stem: pq.read_table(p).cast(SCHEMAS[p.stem]) for p in folder.glob("*.parquet") if p.stem in SCHEMAS}
    return run, tables


def load_staged(con: duckdb.DuckDBPyConnection, staging_dir: str | Path) -> list[tuple[str, LoadResult | None]]:
    """Load every staged batch, oldest first; returns (run_id, result or None if it was already loaded)."""
    loaded = []
    for folder in staged_batches(staging_dir):
        run, tables = read_staged(folder)
        already = scalar(con, "SELECT count(*) FROM runs WHERE run_id = ? AND status = 'completed'", [run["run_id"]])
        result = None if already else load_tables(con, run, tables)
        shutil.rmtree(folder)
        loaded.append((str(run["run_id"]), result))
    return loaded


def _json_default(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot stage a value of type {type(value).__name__}")
