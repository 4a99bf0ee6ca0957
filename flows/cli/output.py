"""Query results and tables on standard output: CSV, JSON, and tables that fit 80 columns."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from rich.table import Table

from flows.cli.common import console

if TYPE_CHECKING:
    from warehouse.queries import QueryResult


def plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def write_result(result: QueryResult, format: str) -> None:
    """A query result on standard output as CSV or JSON (one object per row)."""
    if format == "json":
        rows = [dict(zip(result.columns, map(plain, row), strict=True)) for row in result.rows]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(result.columns)
        writer.writerows([[plain(v) for v in row] for row in result.rows])
        sys.stdout.write(buffer.getvalue())


def short_when(value: datetime | None) -> str:
    """A timestamp in 11 characters (MM-DD HH:MM, UTC) for narrow tables."""
    return f"{value:%m-%d %H:%M}" if value else ""


def shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_table(table: Table) -> None:
    """Print a table at least 80 columns wide even when stdout is not a terminal (rich would use
    $COLUMNS or 80 anyway; never narrower, so piped output does not wrap a word a line)."""
    console.print(table, width=max(console.width, 80))
