"""What `storywatch sql` runs: queries only, each refusal named in one line.

Two layers. The connection is locked down by `db.open_connection(read_only=True)`: DuckDB itself
refuses other files, URLs, extensions and settings, and the read-only attach refuses writes. In
front of it, statements that are not queries are refused by name before anything runs (CHECKPOINT
and VACUUM would be harmless no-ops on a read-only file, but they are not reading either). DuckDB's
own refusals are then translated into one line that says what was refused.
"""

from __future__ import annotations

import re

import duckdb

from warehouse.db import WarehouseError
from warehouse.queries import QueryError, QueryResult, run_query

READ_ONLY = "storywatch sql is read-only"

# Statements that read: queries (SELECT, WITH, FROM, VALUES, TABLE, DESCRIBE, SHOW, SUMMARIZE),
# EXPLAIN, PIVOT (DuckDB plans it as several statements), PRAGMA and CALL of table functions,
# SET/RESET/USE (the configuration is locked: only variables and USE get through), transactions.
_ALLOWED = {
    duckdb.StatementType.SELECT,
    duckdb.StatementType.EXPLAIN,
    duckdb.StatementType.MULTI,
    duckdb.StatementType.PRAGMA,
    duckdb.StatementType.CALL,
    duckdb.StatementType.SET,
    duckdb.StatementType.VARIABLE_SET,
    duckdb.StatementType.TRANSACTION,
}
# Some writing statements parse as an allowed type (COPY FROM DATABASE and IMPORT DATABASE are
# PRAGMAs, CHECKPOINT is a CALL): their first word refuses them too.
_WRITING_WORDS = {
    "ALTER", "ANALYZE", "ATTACH", "CHECKPOINT", "COMMENT", "COPY", "CREATE", "DELETE", "DETACH", "DROP",
    "EXPORT", "FORCE", "IMPORT", "INSERT", "INSTALL", "LOAD", "MERGE", "TRUNCATE", "UPDATE", "VACUUM",
}  # fmt: skip
_LEADING_COMMENTS = re.compile(r"^(?:\s+|--[^\n]*(?:\n|$)|/\*.*?\*/)*", re.DOTALL)
_FIRST_WORDS = re.compile(r"[A-Za-z_]+(?:\s+[A-Za-z_]+)?")
_CHECKPOINT_CALL = re.compile(r"^(?:force\s+checkpoint|checkpoint|call\s+(?:force_)?checkpoint\s*\()", re.IGNORECASE)
# Refusals named by more than their first word, where that alone would mislead.
_LONGER_NAMES = {
    "FORCE INSTALL": "FORCE INSTALL",
    "EXPORT DATABASE": "EXPORT DATABASE",
    "IMPORT DATABASE": "IMPORT DATABASE",
    "COPY FROM": "COPY FROM DATABASE",
    "UPDATE EXTENSIONS": "UPDATE EXTENSIONS",
}

_FILE_REFUSED = re.compile(r'Cannot access (?:file|directory) "(?P<target>[^"]*)"')
_SETTING_REFUSED = re.compile(r'Cannot change configuration option "(?P<name>[^"]+)"')
_WRITE_REFUSED = re.compile(r'Cannot execute statement of type "(?P<kind>[^"]+)"')
_NEEDS_EXTENSION = re.compile(
    r'with name "?(?P<name>[\w.]+)"? is not in the catalog, but it exists in the (?P<ext>\w+) extension'
)


class SqlRefused(WarehouseError):
    """The SQL tried something a read-only query may not do; the message names it."""


def run_read_only(con: duckdb.DuckDBPyConnection, sql: str) -> QueryResult:
    """Run `sql` (one statement or several; the last one's rows are returned) on a locked-down
    read-only connection. Raises `SqlRefused` naming what was refused, `QueryError` otherwise."""
    refuse_non_queries(sql)
    try:
        return run_query(con, sql)
    except QueryError as exc:
        cause = exc.__cause__
        refusal = describe_refusal(cause) if isinstance(cause, duckdb.Error) else None
        if refusal:
            raise SqlRefused(refusal) from cause
        raise


def refuse_non_queries(sql: str) -> None:
    """Raise `SqlRefused` for the first statement that is not a query. SQL that does not parse is
    let through: DuckDB's own parser error says more than we could."""
    stripped = _LEADING_COMMENTS.sub("", sql)
    if stripped.startswith("."):
        command = stripped.split(maxsplit=1)[0]
        raise SqlRefused(f"{READ_ONLY}: duckdb CLI dot commands ({command}) are refused; give it SQL")
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error:
        return
    for statement in statements:
        text = _LEADING_COMMENTS.sub("", statement.query)
        try:
            kind = statement.type
        except ValueError:  # a statement type newer than the Python enum (UPDATE EXTENSIONS): not a query
            kind = None
        if _CHECKPOINT_CALL.match(text):
            raise SqlRefused(f"{READ_ONLY}: CHECKPOINT is refused")
        name = _statement_name(text)
        if kind not in _ALLOWED or name.split()[0] in _WRITING_WORDS:
            if kind is not None and name in {"WITH", "this statement"}:
                name = kind.name.replace("_", " ")  # WITH … DELETE: the statement's kind says more
            raise SqlRefused(f"{READ_ONLY}: {name} is refused")


def _statement_name(text: str) -> str:
    words = _FIRST_WORDS.match(text)
    if not words:
        return "this statement"
    two = " ".join(words.group(0).upper().split())
    return _LONGER_NAMES.get(two, two.split()[0])


def describe_refusal(exc: duckdb.Error) -> str | None:
    """One line for a refusal of the locked-down connection, or None when `exc` is another error."""
    text = str(exc)
    if match := _FILE_REFUSED.search(text):
        return f"{READ_ONLY}: access to files and URLs outside the warehouse is refused ({match['target']})"
    if "Loading external extensions is disabled" in text:
        return f"{READ_ONLY}: loading extensions is refused"
    if match := _NEEDS_EXTENSION.search(text):
        return f"{READ_ONLY}: {match['name']} needs the {match['ext']} extension, and loading extensions is refused"
    if match := _SETTING_REFUSED.search(text):
        return f"{READ_ONLY}: changing the setting {match['name']} is refused"
    if match := _WRITE_REFUSED.search(text):
        return f"{READ_ONLY}: {match['kind']} is refused"
    if "in-memory database in read-only mode" in text:
        return f"{READ_ONLY}: ATTACH is refused"
    return None
