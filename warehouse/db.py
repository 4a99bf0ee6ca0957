"""Opening the DuckDB warehouse, and the ordered SQL migrations that shape it.

This package is the only code that opens DuckDB. A writer holds its connection only while it
migrates or loads; readers open read-only, and a read-only connection is locked down to its own
file (see `_lock_down`). Errors come out as `WarehouseError` with one line that names the problem
(a lock names the process holding it).
"""

from __future__ import annotations

import re
import shutil
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any, TypedDict, Unpack

import duckdb

_LOCK_PID = re.compile(r"Conflicting lock is held in (?P<exe>.+?) \(PID (?P<pid>\d+)\)")
_FIRST_DELAY_S = 0.1  # then doubled up to 2 s between attempts on a held lock
_MIGRATION_NAME = re.compile(r"^(?P<version>\d{3})_(?P<name>[a-z0-9_]+)\.sql$")
WAREHOUSE_ID_KEY = "warehouse_id"  # in the settings table


class WarehouseError(Exception):
    """The warehouse cannot be used as asked; the message says why in one line."""


class WarehouseLockedError(WarehouseError):
    """Another process holds the DuckDB file."""

    def __init__(self, message: str, pid: int | None) -> None:
        super().__init__(message)
        self.pid = pid


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """The migration files shipped with this release, in order."""
    found = []
    for entry in resources.files("warehouse").joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match["version"]), match["name"], entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise WarehouseError("migration files are not numbered 001, 002, … without gaps")
    return found


def latest_schema_version() -> int:
    return migrations()[-1].version


def _describe_process(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return f"PID {pid}"
    cmdline = " ".join(part.decode("utf-8", "replace") for part in raw.split(b"\0") if part)
    if len(cmdline) > 120:
        cmdline = cmdline[:117] + "..."
    return f"PID {pid} ({cmdline})" if cmdline else f"PID {pid}"


def _translate(exc: duckdb.Error, path: Path) -> WarehouseError:
    text = str(exc)
    lock = _LOCK_PID.search(text)
    if lock:
        pid = int(lock["pid"])
        return WarehouseLockedError(f"warehouse {path} is locked by another process: {_describe_process(pid)}", pid)
    if "Could not set lock" in text:
        return WarehouseLockedError(f"warehouse {path} is locked by another process", None)
    detail = text.split(":", 1)[-1].strip() if ":" in text else text
    if "Cannot open file" in text or "No such file" in text or "Permission denied" in text:
        reason = detail.rsplit(":", 1)[-1].strip()
        return WarehouseError(f"cannot open warehouse {path}: {reason}")
    if "not a valid DuckDB database" in text or "is not a DuckDB" in text or "file header" in text:
        return WarehouseError(f"{path} is not a DuckDB database file (or was written by another version)")
    return WarehouseError(f"cannot open warehouse {path}: {detail}")


def _check_location(path: Path, *, read_only: bool) -> None:
    parent = path.parent
    if read_only:
        if not path.exists():
            raise WarehouseError(f"warehouse {path} does not exist yet: run `storywatch run` first")
        return
    if not parent.exists():
        raise WarehouseError(f"warehouse directory {parent} does not exist")
    if not parent.is_dir():
        raise WarehouseError(f"warehouse directory {parent} is not a directory")
    if path.exists() and path.is_dir():
        raise WarehouseError(f"warehouse path {path} is a directory, not a file")


def open_connection(
    path: str | Path,
    *,
    read_only: bool = False,
    wait_s: float = 0.0,
    writable_dirs: Sequence[Path] = (),
    on_wait: Callable[[WarehouseLockedError], None] | None = None,
) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file; a writer's file is created when its directory exists.

    DuckDB admits one writing process: while another process holds the file, retry with backoff
    for up to `wait_s` seconds (`on_wait` is told once, when the waiting starts), then raise
    `WarehouseLockedError` naming the holder. A read-only connection reaches no other file, URL or
    extension; `writable_dirs` (for an export) are the only folders it may write to.
    """
    path = Path(path)
    _check_location(path, read_only=read_only)
    if writable_dirs and not read_only:
        raise ValueError("writable_dirs applies to read-only connections only")
    deadline = time.monotonic() + wait_s
    delay = _FIRST_DELAY_S
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.Error as exc:
            error = _translate(exc, path)
            if not isinstance(error, WarehouseLockedError) or time.monotonic() + delay > deadline:
                if isinstance(error, WarehouseLockedError) and wait_s > 0:
                    error = WarehouseLockedError(f"{error} (gave up after waiting {wait_s:g} s)", error.pid)
                raise error from exc
            if on_wait is not None and delay == _FIRST_DELAY_S:
                on_wait(error)
        except OSError as exc:
            raise WarehouseError(f"cannot open warehouse {path}: {exc.strerror or exc}") from exc
        time.sleep(delay)
        delay = min(delay * 2, 2.0)
    con.execute("SET TimeZone = 'UTC'")
    if read_only:
        _lock_down(con, writable_dirs)
    return con


def _lock_down(con: duckdb.DuckDBPyConnection, writable_dirs: Sequence[Path]) -> None:
    """Close a read-only connection to everything but its own file, for good.

    Applied after the file is open (DuckDB opens its own database file whatever these say) and
    before any caller's SQL runs: no other file or URL (ATTACH, COPY, EXPORT, read_csv …, glob),
    no extension installed or loaded, then the configuration is locked so SQL cannot set any of
    it back. The read-only attach already refuses every write to the warehouse itself.
    """
    settings = ["SET enable_progress_bar = false"]
    if writable_dirs:
        folders = ", ".join(quote_literal(str(Path(folder).resolve())) for folder in writable_dirs)
        settings.append(f"SET allowed_directories = [{folders}]")
    settings += [
        "SET enable_external_access = false",
        "SET autoinstall_known_extensions = false",
        "SET autoload_known_extensions = false",
        "SET allow_community_extensions = false",
        "SET lock_configuration = true",
    ]
    for statement in settings:
        con.execute(statement)


def quote_literal(text: str) -> str:
    """`text` as a SQL string literal, for the few places DuckDB takes no bound parameter (SET, COPY TO)."""
    return "'" + text.replace("'", "''") + "'"


class OpenOptions(TypedDict, total=False):
    """open_connection's keyword options, which connect passes on."""

    read_only: bool
    wait_s: float
    writable_dirs: Sequence[Path]
    on_wait: Callable[[WarehouseLockedError], None] | None


@contextmanager
def connect(path: str | Path, **options: Unpack[OpenOptions]) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection (opened as open_connection does) that is closed on exit; a writer's schema is
    migrated first."""
    con = open_connection(path, **options)
    try:
        if options.get("read_only", False):
            check_readable(con, Path(path))
        else:
            migrate(con, Path(path))
            ensure_warehouse_id(con)
        yield con
    finally:
        con.close()


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> Any:
    """First column of the first row, or None. Reads the whole result: DuckDB 2 refuses other work on
    a connection while a result is still open (as `fetchone` leaves it)."""
    rows = con.execute(sql, params or []).fetchall()
    return rows[0][0] if rows else None


def table_exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return bool(scalar(con, "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [table]))


def warehouse_id(con: duckdb.DuckDBPyConnection) -> str | None:
    """This warehouse's identity, a uuid made when it was created (or first opened by a release that
    knows it): a copy of the file keeps it, another warehouse never has it (see warehouse/staging.py)."""
    if not table_exists(con, "settings"):
        return None
    return _stored_warehouse_id(con)


def _stored_warehouse_id(con: duckdb.DuckDBPyConnection) -> str | None:
    value = scalar(con, "SELECT value FROM settings WHERE key = ?", [WAREHOUSE_ID_KEY])
    return str(value) if value else None


def ensure_warehouse_id(con: duckdb.DuckDBPyConnection) -> str | None:
    # One catalogue lookup: information_schema queries cost milliseconds, and every writer's connect
    # comes through here.
    if not table_exists(con, "settings"):
        return None
    stored = _stored_warehouse_id(con)
    if stored is not None:
        return stored
    con.execute("INSERT INTO settings VALUES (?, ?) ON CONFLICT DO NOTHING", [WAREHOUSE_ID_KEY, str(uuid.uuid4())])
    return _stored_warehouse_id(con)


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    if not table_exists(con, "schema_version"):
        return 0
    return _stored_schema_version(con)


def _stored_schema_version(con: duckdb.DuckDBPyConnection) -> int:
    return int(scalar(con, "SELECT coalesce(max(version), 0) FROM schema_version") or 0)


def check_readable(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    current = schema_version(con)
    latest = latest_schema_version()
    if current > latest:
        raise WarehouseError(
            f"warehouse {path} has schema version {current}, newer than this storywatch knows "
            f"({latest}): upgrade storywatch"
        )
    if current == 0:
        raise WarehouseError(f"warehouse {path} has no storywatch schema: run `storywatch run` first")


def migrate(con: duckdb.DuckDBPyConnection, path: Path, *, target: int | None = None) -> list[int]:
    """Apply the pending migrations, each in its own transaction; returns the versions applied."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    current = _stored_schema_version(con)  # the table exists now
    known = migrations()
    latest = known[-1].version
    if current > latest:
        raise WarehouseError(
            f"warehouse {path} has schema version {current}, newer than this storywatch knows "
            f"({latest}); refusing to touch it: upgrade storywatch"
        )
    applied = []
    for migration in known:
        if migration.version <= current or (target is not None and migration.version > target):
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(migration.sql)
            con.execute(
                "INSERT INTO schema_version VALUES (?, ?, ?)",
                [migration.version, migration.name, utcnow()],
            )
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise WarehouseError(f"migration {migration.version:03d}_{migration.name} failed on {path}: {exc}") from exc
        applied.append(migration.version)
    return applied


def backup_if_migrating(path: str | Path) -> Path | None:
    """Copy the warehouse file aside when this release would migrate it; returns the copy's path.

    The file is checkpointed first so the copy is complete without its write-ahead log.
    """
    path = Path(path)
    if not path.exists():
        return None
    con = open_connection(path)
    try:
        current = schema_version(con)
        if current >= latest_schema_version():
            return None
        con.execute("CHECKPOINT")
    finally:
        con.close()
    backup = path.with_name(f"{path.name}.v{current:03d}-{utcnow():%Y%m%dT%H%M%SZ}.bak")
    shutil.copy2(path, backup)
    return backup


def utcnow() -> datetime:
    """Now as naive UTC, the form every warehouse timestamp takes."""
    return datetime.now(UTC).replace(tzinfo=None)
