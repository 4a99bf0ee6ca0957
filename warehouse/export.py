"""Export every table and view to Parquet or CSV files, with a manifest; optionally hive-partitioned.

The export reads through the locked-down read-only connection and writes with DuckDB's own COPY:
the caller opens it with the target folder as its only writable directory
(`connect(..., read_only=True, writable_dirs=[folder])`), so it can write there and nowhere else.
COPY streams (memory stays bounded on large tables) and writes hive partitions natively.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.db import WarehouseError, quote_literal, scalar, schema_version, utcnow

FORMATS = ("parquet", "csv")
GRAINS = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}
_DATE_TYPES = ("DATE", "TIMESTAMP")
_HIVE_FOLDER = re.compile(r"^[^=]+=.*$")  # a partition folder: key=value


class ExportError(WarehouseError):
    """The export cannot be done as asked; the message names the option or column."""


@dataclass(frozen=True, slots=True)
class Partitioning:
    """`--partition-by COLUMN[:GRAIN]`: every table and view with COLUMN is written as a folder of
    hive partitions (`name/key=value/…`); the others as one file each."""

    column: str
    grain: str | None = None  # year | month | day, for a DATE or TIMESTAMP column

    @property
    def key(self) -> str:
        """The partition column in the folder names: the column itself, or `<column>_<grain>`."""
        return f"{self.column}_{self.grain}" if self.grain else self.column


@dataclass(frozen=True, slots=True)
class ExportedRelation:
    name: str
    kind: str  # table | view
    rows: int
    file: str  # a file name, or a folder name ending in "/" when partitioned
    partitions: int | None = None


def parse_partitioning(text: str) -> Partitioning:
    """`published_at:month` → Partitioning('published_at', 'month'); `day` → Partitioning('day')."""
    column, _, grain = text.strip().partition(":")
    if not column:
        raise ExportError(f"--partition-by needs a column name, got {text!r}")
    if grain and grain not in GRAINS:
        raise ExportError(f"--partition-by {text}: unknown grain {grain!r}; use year, month or day")
    return Partitioning(column, grain or None)


def relations(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(name, 'table'|'view') for every table and view of the main schema, tables first."""
    rows = con.execute(
        "SELECT table_name, CASE table_type WHEN 'VIEW' THEN 'view' ELSE 'table' END"
        " FROM information_schema.tables WHERE table_schema = 'main' AND table_catalog = current_database()"
        " ORDER BY table_type, table_name"
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def _column_types(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, str]]:
    """relation → column → DuckDB type name, for the main schema."""
    rows = con.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns"
        " WHERE table_schema = 'main' AND table_catalog = current_database()"
    ).fetchall()
    types: dict[str, dict[str, str]] = {}
    for relation, column, data_type in rows:
        types.setdefault(relation, {})[column] = data_type
    return types


def partitioned_relations(con: duckdb.DuckDBPyConnection, partitioning: Partitioning) -> list[str]:
    """The tables and views `partitioning` applies to; raises `ExportError` when it fits none of them
    or when its grain does not fit a column's type (a timestamp needs one, other types take none)."""
    types = _column_types(con)
    having = sorted(name for name, columns in types.items() if partitioning.column in columns)
    if not having:
        dated = sorted({c for columns in types.values() for c, t in columns.items() if t.startswith(_DATE_TYPES)})
        raise ExportError(
            f"--partition-by: no table or view has a column {partitioning.column!r} "
            f"(date and time columns: {', '.join(dated)})"
        )
    for name in having:
        data_type = types[name][partitioning.column]
        is_date = data_type.startswith(_DATE_TYPES)
        if partitioning.grain and not is_date:
            raise ExportError(
                f"--partition-by {partitioning.column}:{partitioning.grain}: {name}.{partitioning.column} is "
                f"{data_type}; a grain needs a DATE or TIMESTAMP column"
            )
        if not partitioning.grain and data_type.startswith("TIMESTAMP"):
            raise ExportError(
                f"--partition-by {partitioning.column}: {name}.{partitioning.column} is a timestamp; give a "
                f"grain, e.g. --partition-by {partitioning.column}:month (year, month or day)"
            )
    return having


def _quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _clear_earlier_export(out: Path, name: str, fmt: str) -> None:
    """Remove what an earlier export into `out` wrote for relation `name` in this format (its file,
    or the `key=value` folders of its partitions), so a re-export never mixes old and new rows.
    Nothing else in the folder is touched."""
    (out / f"{name}.{fmt}").unlink(missing_ok=True)
    folder = out / name
    if folder.is_dir() and not folder.is_symlink():
        for entry in folder.iterdir():
            if entry.is_dir() and not entry.is_symlink() and _HIVE_FOLDER.match(entry.name):
                shutil.rmtree(entry)
        if not any(folder.iterdir()):
            folder.rmdir()


def export_all(
    con: duckdb.DuckDBPyConnection,
    out_dir: str | Path,
    fmt: str = "parquet",
    partitioning: Partitioning | None = None,
    on_exported: Callable[[str], None] | None = None,
) -> Path:
    """Write one file (or, partitioned, one folder) per table and view plus `manifest.json`, into
    `out_dir` (created with its parents); returns the manifest's path. Everything is checked before
    the first file is written. on_exported(name): a relation was written (progress)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}: use parquet or csv")
    partitioned = set(partitioned_relations(con, partitioning)) if partitioning else set()
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    options = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER true"
    exported = []
    for name, kind in relations(con):
        _clear_earlier_export(out, name, fmt)
        source = f"SELECT * FROM {_quote_identifier(name)}"
        if partitioning and name in partitioned:
            target = out / name
            if partitioning.grain:
                key = f"strftime({_quote_identifier(partitioning.column)}, '{GRAINS[partitioning.grain]}')"
                source = f"SELECT *, {key} AS {_quote_identifier(partitioning.key)} FROM {_quote_identifier(name)}"
            copy_options = f"{options}, PARTITION_BY ({_quote_identifier(partitioning.key)}), OVERWRITE_OR_IGNORE"
        else:
            target = out / f"{name}.{fmt}"
            copy_options = options
        # COPY takes no bound parameters for its target: the path is quoted as a literal instead.
        rows = int(scalar(con, f"COPY ({source}) TO {quote_literal(str(target))} ({copy_options})") or 0)
        if name in partitioned:
            target.mkdir(exist_ok=True)  # an empty relation writes no partition, but its folder is there
            partitions = sum(1 for entry in target.iterdir() if entry.is_dir())
            exported.append(ExportedRelation(name, kind, rows, f"{name}/", partitions))
        else:
            exported.append(ExportedRelation(name, kind, rows, target.name))
        if on_exported is not None:
            on_exported(name)
    manifest = {
        "exported_at": utcnow().isoformat() + "Z",
        "schema_version": schema_version(con),
        "format": fmt,
        "partition_by": (
            {"column": partitioning.column, "grain": partitioning.grain, "key": partitioning.key}
            if partitioning
            else None
        ),
        "relations": [
            {"name": e.name, "kind": e.kind, "rows": e.rows, "file": e.file}
            | ({"partitions": e.partitions} if e.partitions is not None else {})
            for e in exported
        ],
    }
    path = out / "manifest.json"
    path.write_text(json.dumps(manifest, indent=2) + "\n")
    return path
