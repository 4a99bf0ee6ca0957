"""Each table's columns, as the migrations make them: the one description of a table's shape.

The migrations (warehouse/migrations/*.sql) are applied once per process to an in-memory DuckDB and
its catalogue is read back: column names and types (as Arrow types, for the bulk loads), defaults
and primary keys. No file is opened, so this works while another process holds the warehouse.
Adding a column is the migration plus the code that fills it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import duckdb
import pyarrow as pa

from warehouse.db import WarehouseError, migrations

# DuckDB type names (as duckdb_columns() spells them) → the Arrow type a loaded column takes.
_ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "JSON": pa.string(),  # JSON text; DuckDB parses it on insert
    "BOOLEAN": pa.bool_(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "UINTEGER": pa.uint32(),
    "UBIGINT": pa.uint64(),
    "DOUBLE": pa.float64(),
    "FLOAT": pa.float32(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),  # naive UTC (warehouse/db.py: utcnow)
}
_LIST_TYPE = re.compile(r"^(?P<item>.+)\[\]$")

# Where a record's field and its column are named differently: table → {column: record field}.
# (The extractors' records give offsets as start/end; the tables say what they are offsets of.)
RECORD_FIELDS: MappingProxyType[str, MappingProxyType[str, str]] = MappingProxyType(
    {table: MappingProxyType({"start_char": "start", "end_char": "end"}) for table in ("mentions", "events", "quotes")}
)


@dataclass(frozen=True, slots=True)
class TableShape:
    """One table's columns: Arrow schema, primary key, the defaults of columns a row may omit, and
    the columns a row must fill (NOT NULL without a default)."""

    name: str
    schema: pa.Schema
    primary_key: tuple[str, ...]
    defaults: MappingProxyType[str, Any]
    required: frozenset[str]

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(self.schema.names)


def arrow_type(duckdb_type: str, *, where: str) -> pa.DataType:
    """The Arrow type of a DuckDB column type; `where` ("table.column") names it in the error."""
    listed = _LIST_TYPE.match(duckdb_type)
    if listed:
        return pa.list_(arrow_type(listed["item"], where=where))
    try:
        return _ARROW_TYPES[duckdb_type]
    except KeyError:
        raise WarehouseError(f"column {where} has type {duckdb_type}, which loads have no Arrow type for") from None


@functools.cache
def table_shapes() -> MappingProxyType[str, TableShape]:
    """Every table the migrations create, by name (computed once per process)."""
    con = duckdb.connect(":memory:")
    try:
        for migration in migrations():
            con.execute(migration.sql)
        keys: dict[str, tuple[str, ...]] = {
            table: tuple(columns)
            for table, columns in con.execute(
                "SELECT table_name, constraint_column_names FROM duckdb_constraints()"
                " WHERE constraint_type = 'PRIMARY KEY'"
            ).fetchall()
        }
        described: dict[str, list[tuple[str, str, str | None, bool]]] = {}
        for table, column, data_type, default, nullable in con.execute(
            "SELECT c.table_name, c.column_name, c.data_type, c.column_default, c.is_nullable"
            " FROM duckdb_columns() c JOIN duckdb_tables() t USING (database_name, schema_name, table_name)"
            " WHERE NOT c.internal ORDER BY c.table_name, c.column_index"
        ).fetchall():
            described.setdefault(table, []).append((column, data_type, default, nullable))
        shapes = {}
        for table, columns in described.items():
            # Evaluated once: a default must be a constant (a `now()` would be frozen at this moment).
            defaults = {
                column: con.execute(f"SELECT CAST(({default}) AS {data_type})").fetchall()[0][0]
                for column, data_type, default, _ in columns
                if default is not None
            }
            shapes[table] = TableShape(
                name=table,
                schema=pa.schema(
                    [(column, arrow_type(data_type, where=f"{table}.{column}")) for column, data_type, _, _ in columns]
                ),
                primary_key=keys.get(table, ()),
                defaults=MappingProxyType(defaults),
                required=frozenset(
                    column for column, _, default, nullable in columns if not nullable and default is None
                ),
            )
        return MappingProxyType(shapes)
    finally:
        con.close()


def table_shape(table: str) -> TableShape:
    try:
        return table_shapes()[table]
    except KeyError:
        raise WarehouseError(f"no table {table} in the warehouse schema") from None


@functools.cache
def key_shape(table: str, name: str) -> TableShape:
    """A shape of just `table`'s primary key, under another name (e.g. the keys of rows to delete)."""
    shape = table_shape(table)
    key = shape.primary_key
    return TableShape(
        name=name,
        schema=pa.schema([shape.schema.field(column) for column in key]),
        primary_key=key,
        defaults=MappingProxyType({}),
        required=frozenset(key),
    )


def arrow_columns(table: str, columns: Mapping[str, Sequence[Any]]) -> pa.Table:
    """Columns of `table` (name → values; any subset of its columns) as an Arrow table typed as the
    table's columns are."""
    schema = table_shape(table).schema
    try:
        return pa.Table.from_pydict(dict(columns), schema=pa.schema([schema.field(name) for name in columns]))
    except KeyError as exc:
        raise WarehouseError(f"table {table} has no column {exc.args[0]}") from None
