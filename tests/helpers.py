"""Small helpers shared by test modules (fixtures live in conftest.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from warehouse.queries import extraction_fingerprint


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    """`sql` on a read-only connection to a warehouse file."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def fingerprint(db: Path) -> tuple[list[tuple[Any, ...]], ...]:
    """Every extracted row of a warehouse file, without run ids and load times."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return extraction_fingerprint(con)
    finally:
        con.close()
