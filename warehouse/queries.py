"""Read queries used by the pipeline and the CLI."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import duckdb

from warehouse.db import scalar, table_exists
from warehouse.load import id_table, registered


@dataclass(frozen=True, slots=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]


class QueryError(Exception):
    """A user's SQL failed; the message is DuckDB's, on one line."""


def run_query(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> QueryResult:
    try:
        cursor = con.execute(sql, params or [])
    except duckdb.Error as exc:
        raise QueryError(" ".join(str(exc).split())) from exc
    columns = [d[0] for d in cursor.description] if cursor.description else []
    return QueryResult(columns, cursor.fetchall() if columns else [])


def stored_text_hashes(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> dict[str, str]:
    """article_id → text_hash for the given ids that are already stored."""
    with registered(con, "_lookup_ids", id_table(article_ids)) as view:
        rows = con.execute(
            f"SELECT article_id, text_hash FROM articles JOIN {view} ON article_id = {view}.id"
        ).fetchall()
    return dict(rows)


def stored_versions(con: duckdb.DuckDBPyConnection) -> dict[str, Any] | None:
    """The `versions` of the last completed run (to notice a new model or gazetteer)."""
    versions = scalar(con, "SELECT versions FROM runs WHERE status = 'completed' ORDER BY finished_at DESC LIMIT 1")
    return json.loads(versions) if versions else None


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    counts = {}
    for table in ("articles", "mentions", "entities", "sources", "runs", "events"):
        counts[table] = int(scalar(con, f"SELECT count(*) FROM {table}")) if table_exists(con, table) else 0
    return counts
