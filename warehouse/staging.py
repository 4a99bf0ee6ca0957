"""Staged batches: a run's rows parked as Parquet when the warehouse stays locked.

When an analyst keeps the DuckDB file open for writing, a run cannot load. Rather than lose what it
fetched and extracted, it writes its Arrow tables under `<staging>/<run_id>/` (one Parquet file per
table, `run.json`, and `warehouse.json` naming the warehouse it belongs to), moved into place
atomically. The next run loads staged batches first, oldest first, each in its own transaction, and
removes a batch only after its load committed. Loading is idempotent (every table upserts on its key,
and a run already recorded as loaded is skipped), so a crash between commit and removal cannot load
anything twice.

A batch belongs to one warehouse. By default it is staged beside it (`<db>.staging/`), and it
records the warehouse's resolved path and its identity (the uuid in its `settings`, see
warehouse/db.py: warehouse_id). A run that found the warehouse locked from its start never read
that uuid: its batch carries the path alone. A warehouse loads a batch only when the path is its own
and the uuid, when recorded, is its own too (a copy of the file has the uuid but not the path; a new
file at the old path has the path but not the uuid). Any other batch is left in place, with a warning
naming both warehouses.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from warehouse.db import WarehouseLockedError, connect, scalar, warehouse_id
from warehouse.load import BATCH_TABLES, LoadResult, batch_shape, load_tables
from warehouse.queries import table_counts

RUN_FILE = "run.json"
WAREHOUSE_FILE = "warehouse.json"
STAGING_SUFFIX = ".staging"
LEGACY_STAGING_DIR = "data/staging"  # the shared default before batches knew their warehouse


@dataclass(frozen=True)
class WarehouseIdentity:
    path: str  # resolved, absolute
    id: str | None  # the warehouse's uuid; None when it could not be read (locked from the start)

    @classmethod
    def of(cls, db_path: str | Path, uuid: str | None) -> WarehouseIdentity:
        return cls(str(Path(db_path).expanduser().resolve()), uuid)

    def describe(self) -> str:
        return f"{self.path} (id {self.id or 'not read: locked'})"


def staging_root(db_path: str | Path, configured: str | Path | None = None) -> Path:
    """Where the batches of the warehouse at db_path are staged: `[warehouse] staging_dir` when set,
    else `<db>.staging/` beside the file."""
    if configured:
        return Path(configured)
    db = Path(db_path)
    return db.with_name(db.name + STAGING_SUFFIX)


def stage_tables(
    staging_dir: str | Path,
    run: Mapping[str, Any],
    tables: Mapping[str, pa.Table],
    warehouse: WarehouseIdentity,
) -> Path:
    """Write the batch under staging_dir/<run_id>/ and return that folder."""
    root = Path(staging_dir)
    root.mkdir(parents=True, exist_ok=True)
    target = root / str(run["run_id"])
    scratch = Path(tempfile.mkdtemp(prefix=".staging-", dir=root))
    try:
        for name, table in tables.items():
            if name in BATCH_TABLES and table.num_rows:
                pq.write_table(table, scratch / f"{name}.parquet")
        (scratch / RUN_FILE).write_text(json.dumps(dict(run), default=_json_default, sort_keys=True))
        (scratch / WAREHOUSE_FILE).write_text(json.dumps(asdict(warehouse), sort_keys=True))
        os.replace(scratch, target)  # atomic: a batch is either fully staged or absent
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return target


@dataclass(frozen=True, slots=True)
class LoadOutcome:
    """What became of a run's batch: loaded (`result`, and every table's row count after), or staged
    as Parquet because the warehouse stayed locked (`staged_to`, and `locked_by` saying by whom)."""

    result: LoadResult | None = None
    totals: Mapping[str, int] = field(default_factory=dict)
    staged_to: str | None = None
    locked_by: str | None = None

    @property
    def staged(self) -> bool:
        return self.staged_to is not None


def load_or_stage(
    db_path: str,
    run: Mapping[str, Any],
    tables: Mapping[str, pa.Table],
    *,
    wait_s: float,
    staging_dir: str | Path,
    identity: WarehouseIdentity,
) -> LoadOutcome:
    """Load the batch in one transaction; if the warehouse stays locked for `wait_s`, stage it."""
    try:
        with connect(db_path, wait_s=wait_s) as con:
            result = load_tables(con, run, tables)
            totals = table_counts(con)
    except WarehouseLockedError as exc:
        folder = stage_tables(staging_dir, run, tables, identity)
        return LoadOutcome(staged_to=str(folder), locked_by=str(exc))
    return LoadOutcome(result=result, totals=totals)


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
    tables = {p.stem: _as_current(p.stem, pq.read_table(p)) for p in folder.glob("*.parquet") if p.stem in BATCH_TABLES}
    return run, tables


def _as_current(name: str, table: pa.Table) -> pa.Table:
    """A staged table in today's schema: a batch staged by an earlier release lacks the columns added
    since; they take their default (or NULL), as the migration that added them gave stored rows."""
    shape = batch_shape(name)
    schema = shape.schema
    for column in schema:
        if column.name not in table.column_names:
            default = shape.defaults.get(column.name)
            values = pa.array([default] * table.num_rows, type=column.type)
            table = table.append_column(column.name, values)
    return table.select(schema.names).cast(schema)


def batch_owner(folder: Path) -> WarehouseIdentity | None:
    """The warehouse a batch was staged for; None for a batch staged before batches recorded it."""
    try:
        data = json.loads((folder / WAREHOUSE_FILE).read_text())
        return WarehouseIdentity(path=str(data["path"]), id=data.get("id"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return WarehouseIdentity(path="(unreadable warehouse.json)", id=None)


def identity_of(con: duckdb.DuckDBPyConnection) -> WarehouseIdentity:
    """The warehouse this connection has open."""
    path = scalar(con, "SELECT path FROM duckdb_databases() WHERE database_name = current_database()")
    return WarehouseIdentity.of(str(path), warehouse_id(con))


def refusal(folder: Path, owner: WarehouseIdentity | None, here: WarehouseIdentity) -> str | None:
    """Why the warehouse `here` must not load the batch in `folder`; None when it is its own."""
    if owner is None:
        # Staged by an earlier release, which did not record its warehouse. Only a batch the user has
        # put into this warehouse's own staging folder is taken as this warehouse's.
        if folder.parent.resolve() == staging_root(here.path).resolve():
            return None
        return (
            f"staged batch {folder} does not say which warehouse it belongs to (staged by an earlier "
            f"storywatch); left in place: if it belongs to {here.path}, move it into {staging_root(here.path)}"
        )
    if owner.path == here.path and owner.id in (None, here.id):
        return None
    return (
        f"staged batch {folder} belongs to warehouse {owner.describe()}, not to {here.describe()}: "
        "left in place for its own warehouse"
    )


def load_staged(
    con: duckdb.DuckDBPyConnection, staging_dir: str | Path, *, warn: Callable[[str], None] | None = None
) -> list[tuple[str, LoadResult | None]]:
    """Load every staged batch of this warehouse, oldest first; returns (run_id, result or None if it
    was already loaded). A batch of another warehouse is left in place and reported to `warn`."""
    here = identity_of(con)
    loaded = []
    for folder in staged_batches(staging_dir):
        problem = refusal(folder, batch_owner(folder), here)
        if problem:
            if warn is not None:
                warn(problem)
            continue
        run, tables = read_staged(folder)
        already = scalar(con, "SELECT count(*) FROM runs WHERE run_id = ? AND status = 'completed'", [run["run_id"]])
        result = None if already else load_tables(con, run, tables)
        shutil.rmtree(folder)
        loaded.append((str(run["run_id"]), result))
    return loaded


def legacy_batches_notice(configured: str | Path | None) -> str | None:
    """With the default staging folder, batches an earlier release left in ./data/staging are no
    longer looked at: say so, rather than let them sit there unnoticed."""
    if configured:
        return None
    legacy = staged_batches(LEGACY_STAGING_DIR)
    if not legacy:
        return None
    return (
        f"{len(legacy)} batch(es) staged by an earlier storywatch wait in {LEGACY_STAGING_DIR}/: batches are now "
        "staged beside their warehouse (<db>.staging/); move each into the staging folder of the warehouse "
        "it was staged for to load it"
    )


def _json_default(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot stage a value of type {type(value).__name__}")
