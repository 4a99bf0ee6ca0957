"""Read queries used by the pipeline and the CLI."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import duckdb

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
    row = con.execute(
        "SELECT versions FROM runs WHERE status = 'completed' ORDER BY finished_at DESC LIMIT 1"
    ).fetchone()
    if not row or row[0] is None:
        return None
    return json.loads(row[0])


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    counts = {}
    for table in ("articles", "mentions", "entities", "sources", "runs"):
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        counts[table] = int(row[0]) if row else 0
    events = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'events'"
    ).fetchone()
    if events and events[0]:
        row = con.execute("SELECT count(*) FROM events").fetchone()
        counts["events"] = int(row[0]) if row else 0
    else:
        counts["events"] = 0
    return counts
