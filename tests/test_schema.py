"""The migrations are the one description of a table's columns (warehouse/schema.py)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import make_dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

import warehouse.db
import warehouse.schema
from extractors.records import Event
from warehouse import rows
from warehouse.db import Migration, WarehouseError, connect, migrations
from warehouse.load import RunBatch, load_batch, to_arrow
from warehouse.schema import key_shape, table_shapes

REPO = Path(__file__).resolve().parents[1]


def _clear_shape_caches() -> None:
    table_shapes.cache_clear()
    key_shape.cache_clear()
    rows._filled_by.cache_clear()


def test_every_table_of_a_migrated_file_has_the_derived_columns_types_and_key(tmp_path: Path) -> None:
    shapes = table_shapes()
    with connect(tmp_path / "w.duckdb") as con:
        stored = {
            name
            for (name,) in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE table_name <> 'schema_version'"
            ).fetchall()
        }
        assert set(shapes) == stored
        for name, shape in shapes.items():
            # DuckDB's own Arrow export of the table: the types a load must send.
            exported = con.sql(f"SELECT * FROM {name} LIMIT 0").to_arrow_table().schema
            assert exported.equals(shape.schema, check_metadata=False), name
            key = con.execute(
                "SELECT constraint_column_names FROM duckdb_constraints()"
                " WHERE table_name = ? AND constraint_type = 'PRIMARY KEY'",
                [name],
            ).fetchall()
            assert shape.primary_key == (tuple(key[0][0]) if key else ()), name
    assert table_shapes()["runs"].defaults["articles_new"] == 0
    assert table_shapes()["articles"].defaults["is_seed"] is False
    assert "started_at" in table_shapes()["runs"].required and "finished_at" not in table_shapes()["runs"].required


def test_shapes_are_derived_while_another_process_holds_the_warehouse(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    code = (
        "import sys\n"
        "from warehouse.db import WarehouseLockedError, connect\n"
        "from warehouse.schema import table_shapes\n"
        "try:\n"
        "    connect(sys.argv[1]).__enter__()\n"
        "except WarehouseLockedError:\n"
        "    print('locked', len(table_shapes()['events'].columns))\n"
    )
    with connect(db):  # this process holds the file while the other derives the shapes
        other = subprocess.run(
            [sys.executable, "-c", code, str(db)], cwd=REPO, capture_output=True, text=True, timeout=120
        )
    assert other.returncode == 0, other.stderr
    assert other.stdout.split() == ["locked", str(len(table_shapes()["events"].columns))]


def _mention(**changes: object) -> dict[str, object]:
    row: dict[str, object] = {
        "article_id": "a1",
        "sentence_index": 0,
        "start_char": 0,
        "end_char": 9,
        "text": "Pyongyang",
        "label": "GPE",
        "run_id": "r1",
    }
    return row | changes


def test_a_row_with_an_unknown_column_is_refused_naming_table_and_column() -> None:
    with pytest.raises(WarehouseError, match=r"rows for table mentions have column\(s\) it does not have: salience"):
        to_arrow("mentions", [_mention(salience=0.5)])


def test_a_row_leaving_a_required_column_unset_is_refused_naming_it() -> None:
    row = _mention()
    del row["label"]
    with pytest.raises(WarehouseError, match="rows for table mentions leave column label unset"):
        to_arrow("mentions", [row])
    with pytest.raises(WarehouseError, match="rows for table mentions lack its key column start_char"):
        to_arrow("mentions", [{k: v for k, v in _mention().items() if k != "start_char"}])
    # A column with a default may be left out: it takes the migration's default.
    assert to_arrow("mentions", [_mention()]).column("metonymy").to_pylist() == [False]


def test_rows_of_one_layout_and_of_mixed_layouts_give_the_same_table() -> None:
    # One builder's rows fill the same columns (read row by row, all columns at once); rows that
    # differ are read cell by cell. Both: the last row wins among duplicate keys, in the first
    # one's place, and a column a row leaves out takes its default (or NULL).
    rows = [_mention(start_char=i, end_char=i + 9, entity_id=f"E{i}") for i in range(4)]
    rows.append(_mention(start_char=1, end_char=10, entity_id="again"))
    same = to_arrow("mentions", rows)
    assert same.column("start_char").to_pylist() == [0, 1, 2, 3]
    assert same.column("entity_id").to_pylist() == ["E0", "again", "E2", "E3"]
    assert same.column("metonymy").to_pylist() == [False] * 4
    mixed = [dict(row) for row in rows]
    del mixed[2]["entity_id"]
    mixed[3]["metonymy"] = True
    table = to_arrow("mentions", mixed)
    assert table.column("entity_id").to_pylist() == ["E0", "again", None, "E3"]
    assert table.column("metonymy").to_pylist() == [False, False, False, True]
    assert table.drop_columns(["entity_id", "metonymy"]).equals(same.drop_columns(["entity_id", "metonymy"]))
    one_column = to_arrow("feed_backlog_done", [{"source_id": "s", "url": "u"}])
    assert one_column.to_pylist() == [{"source_id": "s", "url": "u"}]


def test_a_batch_table_given_as_arrow_is_loaded_as_it_is_if_it_has_the_schema() -> None:
    table = to_arrow("mentions", [_mention()])
    assert to_arrow("mentions", table) is table
    with pytest.raises(WarehouseError, match="an Arrow table for table mentions does not have its schema"):
        to_arrow("mentions", table.drop_columns(["label"]))


# An event record as an extractor might grow it: one more field, `confidence`.
RatedEvent = make_dataclass("RatedEvent", [("confidence", float)], bases=(Event,), frozen=True)


@pytest.fixture
def confidence_migration(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A release whose one change is a migration adding events.confidence."""
    shipped = migrations()
    added = Migration(len(shipped) + 1, "event_confidence", "ALTER TABLE events ADD COLUMN confidence DOUBLE;")
    monkeypatch.setattr(warehouse.db, "migrations", lambda: [*shipped, added])
    monkeypatch.setattr(warehouse.schema, "migrations", lambda: [*shipped, added])
    _clear_shape_caches()
    yield
    monkeypatch.undo()
    _clear_shape_caches()


def test_a_new_column_is_its_migration_and_the_field_that_fills_it(confidence_migration: None, tmp_path: Path) -> None:
    event = RatedEvent(
        "AID", "military", "PRK", "Pyongyang", "RUS", "Moscow", None, date(2024, 10, 1), 3000,
        False, False, "Pyongyang sent 3,000 troops to Moscow.", 0, 38, 0.8,
    )  # fmt: skip
    batch = RunBatch(run={"run_id": "r1", "started_at": datetime(2024, 11, 1), "status": "completed"})
    batch.articles.append(
        {
            "article_id": "a1",
            "source_id": "seed",
            "url": "seed:a1",
            "fetched_at": datetime(2024, 11, 1),
            "text_hash": "h",
            "run_id": "r1",
        }
    )
    batch.events.append(rows.record_row("events", event, event_id="e1", article_id="a1", run_id="r1"))
    with connect(tmp_path / "w.duckdb") as con:
        load_batch(con, batch)
        stored = con.execute("SELECT event_date, confidence, start_char, end_char FROM events").fetchall()
    assert stored == [(date(2024, 10, 1), 0.8, 0, 38)]
