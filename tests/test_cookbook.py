"""Every query of the README's SQL cookbook runs as written on the seed plus fixture articles."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest

from warehouse.db import connect
from warehouse.readonly_sql import run_read_only

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
import cookbook  # noqa: E402  (scripts/ is not a package)

ENTRIES = cookbook.cookbook_entries((REPO / "README.md").read_text())
# Questions whose fixture answer is legitimately empty (the fixtures have no feeds).
MAY_BE_EMPTY = {"12. Which feeds are failing, and why?"}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory, prefect_harness: None) -> Path:
    db = tmp_path_factory.mktemp("cookbook") / "cookbook.duckdb"
    cookbook.build_warehouse(db)
    return db


def test_cookbook_has_at_least_ten_questions() -> None:
    assert len(ENTRIES) >= 10
    assert all(entry.sample.strip() for entry in ENTRIES), "every entry shows a sample of its output"


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.question.split(".")[0] for e in ENTRIES])
def test_cookbook_query_runs_as_written(warehouse: Path, entry: cookbook.Entry) -> None:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(entry.sql).fetchall()
    finally:
        con.close()
    if entry.question not in MAY_BE_EMPTY:
        assert rows, f"no rows for: {entry.question}"
    # The sample in the README has the same columns as the query returns today.
    header = entry.sample.splitlines()[0].split()
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        columns = [d[0] for d in con.execute(entry.sql).description]
    finally:
        con.close()
    assert header == columns


# Samples that name this build's runs (ids, times) cannot match another build.
VOLATILE = {"13. Which model and gazetteer produced these figures?"}


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.question.split(".")[0] for e in ENTRIES])
def test_cookbook_sample_is_what_the_query_gives_today(warehouse: Path, entry: cookbook.Entry) -> None:
    """The README shows real output: regenerate it (`python scripts/cookbook.py --db F --update-readme`)
    when extraction changes."""
    if entry.question in VOLATILE:
        pytest.skip("names this build's run ids")
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert cookbook.render(con, entry.sql).strip() == entry.sample.strip()
    finally:
        con.close()


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.question.split(".")[0] for e in ENTRIES])
def test_cookbook_query_runs_through_locked_down_storywatch_sql(warehouse: Path, entry: cookbook.Entry) -> None:
    """`storywatch sql`'s connection (no files, URLs or extensions; configuration locked) and its
    statement filter give every cookbook query the rows an unrestricted connection gives."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        con.execute("SET TimeZone = 'UTC'")
        expected = con.execute(entry.sql).fetchall()
    finally:
        con.close()
    with connect(warehouse, read_only=True) as locked:
        assert run_read_only(locked, entry.sql).rows == expected
