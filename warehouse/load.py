"""Loading one run's rows: one transaction, Arrow scans, idempotent keys.

Everything a run produced goes in together or not at all: a crash or Ctrl-C before COMMIT leaves
the warehouse exactly as it was. Rows arrive as Arrow tables (DuckDB scans them in bulk); there is
no per-row INSERT.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

import duckdb
import pyarrow as pa

from warehouse.db import WarehouseError
from warehouse.schema import TableShape, key_shape, table_shape

# Tables whose existing rows are kept on a key conflict (first sighting wins) instead of replaced.
KEEP_EXISTING: frozenset[str] = frozenset({"article_urls"})

# Catalogue, sources, articles, then the rows that hang off articles.
LOAD_ORDER: tuple[str, ...] = (
    "settings",
    "entities",
    "sources",
    "outlets",
    "articles",
    "extraction_failures",
    "article_urls",
    "article_signatures",
    "mentions",
    "events",
    "quotes",
    "claims",
)

# The tables of a batch (a run's row goes in beside them), in no particular order.
BATCH_TABLES: tuple[str, ...] = (*LOAD_ORDER, "feed_backlog", "feed_backlog_done")

# Tables a batch holds in full (curated data): their rows replace the table's.
REPLACED_WHOLE: tuple[str, ...] = ("outlets",)

# Rows derived from an article's text; replaced whole when the article is loaded again (its text
# changed, it was re-extracted or retried). An article's extraction failure is one of them: a load
# without one (a success) clears it.
DERIVED_TABLES: tuple[str, ...] = (
    "mentions",
    "events",
    "quotes",
    "claims",
    "article_entities",
    "article_pairs",
    "extraction_failures",
)

# Rollups computed in SQL from the rows just loaded (definitions: the *_source views, migration 006).
ROLLUPS: tuple[str, ...] = ("article_entities", "article_pairs")


@dataclass
class RunBatch:
    """Everything one run loads. Rows are plain mappings keyed by column name."""

    run: dict[str, Any]
    entities: list[Mapping[str, Any]] | pa.Table = field(default_factory=list)  # a Table: as to_arrow made it
    sources: list[dict[str, Any]] = field(default_factory=list)
    outlets: list[Mapping[str, Any]] = field(default_factory=list)  # empty: the stored ones stay
    articles: list[dict[str, Any]] = field(default_factory=list)
    extraction_failures: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    article_urls: list[dict[str, Any]] = field(default_factory=list)
    article_signatures: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    feed_backlog: list[dict[str, Any]] = field(default_factory=list)
    feed_backlog_done: list[dict[str, Any]] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)

    def add_rows(self, other: RunBatch) -> None:
        """Append another batch's article rows (articles, failures, URLs, signatures, derived rows)."""
        for name in LOAD_ORDER:
            if name not in ("settings", "entities", "sources", "outlets"):
                getattr(self, name).extend(getattr(other, name))

    def tables(self) -> list[tuple[str, Sequence[Mapping[str, Any]] | pa.Table]]:
        return [
            ("entities", self.entities),
            ("sources", self.sources),
            ("outlets", self.outlets),
            ("articles", self.articles),
            ("extraction_failures", self.extraction_failures),
            ("article_urls", self.article_urls),
            ("article_signatures", self.article_signatures),
            ("mentions", self.mentions),
            ("events", self.events),
            ("quotes", self.quotes),
            ("claims", self.claims),
            ("feed_backlog", self.feed_backlog),
            ("feed_backlog_done", self.feed_backlog_done),
            ("settings", [{"key": k, "value": v} for k, v in self.settings.items()]),
        ]


@dataclass(frozen=True, slots=True)
class LoadResult:
    articles_new: int
    articles_updated: int
    mentions_new: int
    events_new: int


def batch_shape(table: str) -> TableShape:
    """The columns of a batch table: its table's (warehouse/schema.py), or for `feed_backlog_done`
    the backlog's key."""
    if table == "feed_backlog_done":
        return key_shape("feed_backlog", table)
    return table_shape(table)


def to_arrow(table: str, rows: Sequence[Mapping[str, Any]] | pa.Table) -> pa.Table:
    """Rows → Arrow with the table's schema; the last row wins among duplicate keys. A column the
    table does not have, or a row that leaves a NOT NULL column without a default unset, is an error
    naming the table and the column."""
    shape = batch_shape(table)
    if isinstance(rows, pa.Table):
        return _checked_table(table, rows, shape)
    unique: dict[Any, Mapping[str, Any]] = {}
    key_of = itemgetter(*shape.primary_key) if shape.primary_key else lambda row: ()
    try:
        for row in rows:
            unique[key_of(row)] = row
    except KeyError as exc:
        raise WarehouseError(f"rows for table {table} lack its key column {exc.args[0]}") from None
    # Rows of one builder share their keys: a few distinct key tuples however many rows.
    layouts = {tuple(row) for row in unique.values()}
    unknown = set().union(*layouts) - set(shape.columns)
    if unknown:
        raise WarehouseError(f"rows for table {table} have column(s) it does not have: {', '.join(sorted(unknown))}")
    kept = list(unique.values())
    columns = _columns(shape, kept, layouts)
    for name in sorted(shape.required):
        if None in columns[name]:
            raise WarehouseError(f"rows for table {table} leave column {name} unset (NOT NULL, no default)")
    try:
        return pa.Table.from_pydict(columns, schema=shape.schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError) as exc:
        raise WarehouseError(f"rows for table {table} do not fit its schema: {exc}") from exc


def _columns(shape: TableShape, kept: list[Mapping[str, Any]], layouts: set[tuple[str, ...]]) -> dict[str, list[Any]]:
    """The rows' values, column by column (a column a row lacks: its default, else None). Rows that
    all fill the same columns (one builder's rows, the usual case) are read a row at a time into
    every column at once (itemgetter, then a transpose: C loops); else one lookup per cell."""
    columns: dict[str, list[Any]] = {}
    if len(layouts) == 1 and kept:
        (layout,) = layouts
        present = [name for name in shape.columns if name in layout]
        if len(present) == 1:
            columns[present[0]] = [row[present[0]] for row in kept]
        elif present:
            columns.update(zip(present, map(list, zip(*map(itemgetter(*present), kept), strict=True)), strict=True))
    for name in shape.columns:
        values = columns.get(name)
        if values is None:
            values = [row.get(name) for row in kept] if len(layouts) != 1 else [None] * len(kept)
        default = shape.defaults.get(name)
        columns[name] = values if default is None else [default if v is None else v for v in values]
    return {name: columns[name] for name in shape.columns}


def _checked_table(table: str, arrow: pa.Table, shape: TableShape) -> pa.Table:
    """A batch table given as Arrow (made by to_arrow, e.g. the entity catalogue, the same every run):
    it must have the table's schema."""
    if not arrow.schema.equals(shape.schema):
        raise WarehouseError(f"an Arrow table for table {table} does not have its schema")
    return arrow


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> Iterator[str]:
    """Expose an Arrow table to SQL under `name` for the duration of the block."""
    con.register(name, table)
    try:
        yield name
    finally:
        # In an aborted transaction unregister fails too; the original error is the one to see.
        with suppress(duckdb.Error):
            con.unregister(name)


def id_table(ids: Iterable[str]) -> pa.Table:
    return pa.table({"id": pa.array(sorted(set(ids)), pa.string())})


def keyed_query(
    con: duckdb.DuckDBPyConnection, sql: str, keys: Iterable[str], params: Sequence[Any] = ()
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run `sql`, which reads a set of keys as the table `{ids}` (one column, `id`), in one query
    however many keys there are: (column names, rows). No keys, no query."""
    table = id_table(keys)
    if table.num_rows == 0:
        return [], []
    with registered(con, "_keys", table) as view:
        cursor = con.execute(sql.format(ids=view), list(params))
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return columns, cursor.fetchall()


def _upsert(con: duckdb.DuckDBPyConnection, table: str, rows: pa.Table) -> None:
    verb = "INSERT OR IGNORE" if table in KEEP_EXISTING else "INSERT OR REPLACE"
    with registered(con, f"_batch_{table}", rows) as view:
        con.execute(f"{verb} INTO {table} BY NAME SELECT * FROM {view}")


def _existing(con: duckdb.DuckDBPyConnection, table: str, column: str, ids: Iterable[str]) -> set[str]:
    _, rows = keyed_query(con, f"SELECT {column} FROM {table} JOIN {{ids}} ON {column} = {{ids}}.id", ids)
    return {r[0] for r in rows}


def check_rows(batch: RunBatch) -> None:
    """Raise WarehouseError, naming the table, when a row of the batch does not fit its table's
    schema (a wrong type, an integer beyond the column's range): the flow checks each document's
    rows so that such a row fails its document, not the whole load."""
    for name, rows in batch.tables():
        if rows:
            to_arrow(name, rows)


def batch_to_arrow(batch: RunBatch) -> dict[str, pa.Table]:
    """The batch's rows as Arrow tables (duplicate keys removed), ready to load or to stage."""
    return {name: to_arrow(name, rows) for name, rows in batch.tables()}


def load_batch(con: duckdb.DuckDBPyConnection, batch: RunBatch) -> LoadResult:
    """Write the batch and its `runs` row in one transaction, then checkpoint the file."""
    return load_tables(con, batch.run, batch_to_arrow(batch))


def load_tables(con: duckdb.DuckDBPyConnection, run: Mapping[str, Any], tables: Mapping[str, pa.Table]) -> LoadResult:
    """Load Arrow tables (keyed by table name) and the run's row in one transaction."""
    empty = {name: batch_shape(name).schema.empty_table() for name in BATCH_TABLES}
    arrow = empty | {name: table for name, table in tables.items() if name in BATCH_TABLES}
    article_ids = arrow["articles"].column("article_id").to_pylist()
    con.execute("BEGIN TRANSACTION")
    try:
        previously_stored = _existing(con, "articles", "article_id", article_ids)
        if previously_stored:
            # The text of these changed: their derived rows are rebuilt from the new text.
            with registered(con, "_replaced_ids", id_table(previously_stored)) as view:
                for table in DERIVED_TABLES:
                    con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM {view})")
        for name in LOAD_ORDER:
            if arrow[name].num_rows:
                if name in REPLACED_WHOLE:
                    con.execute(f"DELETE FROM {name}")
                _upsert(con, name, arrow[name])
        _update_backlog(con, arrow["feed_backlog_done"], arrow["feed_backlog"])
        if article_ids:
            with registered(con, "_loaded_ids", id_table(article_ids)) as view:
                for rollup in ROLLUPS:
                    con.execute(
                        f"INSERT OR REPLACE INTO {rollup} SELECT * FROM {rollup}_source"
                        f" WHERE article_id IN (SELECT id FROM {view})"
                    )
        result = LoadResult(
            articles_new=len(set(article_ids) - previously_stored),
            articles_updated=len(previously_stored),
            mentions_new=arrow["mentions"].num_rows,
            events_new=arrow["events"].num_rows,
        )
        row = dict(run)
        row.setdefault("articles_new", result.articles_new)
        row.setdefault("mentions_new", result.mentions_new)
        row.setdefault("events_new", result.events_new)
        _upsert(con, "runs", to_arrow("runs", [row]))
        con.execute("COMMIT")
    except BaseException:
        # BaseException too: a KeyboardInterrupt mid-load must not leave half a run behind.
        con.execute("ROLLBACK")
        raise
    con.execute("CHECKPOINT")
    return result


def _update_backlog(con: duckdb.DuckDBPyConnection, done: pa.Table, pending: pa.Table) -> None:
    """The feed backlog after this run: the entries it took or dropped leave, the ones it left (or
    that a deadline cut off) go in, anything now stored leaves, and each feed's pending_items is
    recounted. Deltas, not a replacement: a run that could not read the backlog (warehouse locked,
    batch staged) adds to it without losing what was there."""
    if done.num_rows:
        with registered(con, "_backlog_done", done) as view:
            con.execute(
                f"DELETE FROM feed_backlog USING {view} d"
                " WHERE feed_backlog.source_id = d.source_id AND feed_backlog.url = d.url"
            )
    if pending.num_rows:
        _upsert(con, "feed_backlog", pending)
    con.execute("DELETE FROM feed_backlog WHERE url IN (SELECT url FROM article_urls)")
    con.execute(
        "UPDATE sources SET pending_items = coalesce(b.n, 0)"
        " FROM (SELECT s.source_id, count(f.url) AS n FROM sources s"
        "       LEFT JOIN feed_backlog f USING (source_id) WHERE s.kind = 'feed' GROUP BY ALL) b"
        " WHERE sources.source_id = b.source_id AND sources.pending_items IS DISTINCT FROM coalesce(b.n, 0)"
    )


def record_failed_run(con: duckdb.DuckDBPyConnection, run: Mapping[str, Any]) -> None:
    """Record a run that could not load (its data was rolled back), so `runs` tells what happened."""
    con.execute("BEGIN TRANSACTION")
    try:
        _upsert(con, "runs", to_arrow("runs", [dict(run)]))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
