"""Export every table and view to Parquet or CSV files, with a manifest."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.db import scalar, schema_version, utcnow

FORMATS = ("parquet", "csv")


@dataclass(frozen=True, slots=True)
class ExportedRelation:
    name: str
    kind: str  # table | view
    rows: int
    file: str


def relations(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(name, 'table'|'view') for every table and view of the main schema, tables first."""
    rows = con.execute(
        "SELECT table_name, CASE table_type WHEN 'VIEW' THEN 'view' ELSE 'table' END"
        " FROM information_schema.tables WHERE table_schema = 'main' AND table_catalog = current_database()"
        " ORDER BY table_type, table_name"
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def _quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def export_all(con: duckdb.DuckDBPyConnection, out_dir: str | Path, fmt: str = "parquet") -> Path:
    """Write one file per table and view plus `manifest.json`; returns the manifest's path."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use parquet or csv")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    options = "(FORMAT parquet, COMPRESSION zstd)" if fmt == "parquet" else "(FORMAT csv, HEADER true)"
    exported = []
    for name, kind in relations(con):
        file = out / f"{name}.{fmt}"
        # COPY takes no bound parameters for its target: the path is quoted as a literal instead.
        con.execute(f"COPY (SELECT * FROM {_quote_identifier(name)}) TO {_quote_literal(str(file))} {options}")
        rows = int(scalar(con, f"SELECT count(*) FROM {_quote_identifier(name)}"))
        exported.append(ExportedRelation(name, kind, rows, file.name))
    manifest = {
        "exported_at": utcnow().isoformat() + "Z",
        "schema_version": schema_version(con),
        "format": fmt,
        "relations": [{"name": e.name, "kind": e.kind, "rows": e.rows, "file": e.file} for e in exported],
    }
    path = out / "manifest.json"
    path.write_text(json.dumps(manifest, indent=2) + "\n")
    return path
