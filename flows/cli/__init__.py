"""`storywatch` — a thin command line over flows/ and warehouse/.

Errors that a user can fix (config, seeds, warehouse location or lock) print one line naming the
problem and exit with status 2; a run that failed for another reason exits 1.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from extractors.records import Extraction
from flows.config import Config, ConfigError, load_config
from flows.prefect_env import apply_prefect_defaults
from flows.seeds import SeedError
from warehouse.db import WarehouseError

if TYPE_CHECKING:
    from extractors.relevance import RelevanceGate
    from warehouse.queries import QueryResult

app = typer.Typer(
    name="storywatch",
    help="Follow the China–North Korea–Russia story: ingest seeds and feeds into DuckDB, query it with SQL.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)

ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", "-c", help="storywatch.toml to use (default: $STORYWATCH_CONFIG, ./storywatch.toml)"),
]
DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="DuckDB warehouse file; overrides \\[warehouse] path and $STORYWATCH_DB"),
]

WaitOption = Annotated[
    float | None,
    typer.Option(
        "--wait",
        help="Seconds to wait while a loading run holds the warehouse (default: \\[warehouse] lock_wait_s).",
        show_default=False,
    ),
]

USER_ERRORS = (ConfigError, SeedError, WarehouseError)

EXAMPLE_QUERIES = (
    "select entity_id, count(*) n from mentions group by 1 order by n desc limit 10",
    "select text, label, entity_id, metonymy from mentions where entity_id = 'PRK' limit 10",
)


def fail(message: str, code: int = 2) -> typer.Exit:
    # The message is plain text: a config key such as "[fetch]" must not be read as rich markup.
    err_console.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _preflight(
    config_path: Path | None, db: Path | None, seeds: Path | None, backup: bool = False, *, read_seeds_too: bool = True
) -> str:
    """Check config, seeds and warehouse before starting Prefect, so mistakes get one clean line."""
    config = load_config(config_path, db=db)  # first: a bad config costs no imports

    from flows.pipeline import ensure_warehouse_dir
    from flows.seeds import default_seeds_dir, read_seeds
    from warehouse.db import WarehouseLockedError, backup_if_migrating, connect

    if read_seeds_too:
        read_seeds(seeds or default_seeds_dir())
    ensure_warehouse_dir(config.warehouse.path)
    try:
        if backup:
            copy = backup_if_migrating(config.warehouse.path)
            if copy:
                console.print(f"backup before migrating: {copy}", highlight=False)
        with connect(config.warehouse.path):
            pass  # creates or migrates the file; a missing or unwritable location fails here
    except WarehouseLockedError:
        pass  # the run waits for the lock, and stages its batch if it stays locked
    return config.warehouse.path


@app.command()
def run(
    config: ConfigOption = None,
    db: DbOption = None,
    offline: Annotated[bool, typer.Option("--offline", help="Skip the network: seeds only.")] = False,
    seeds: Annotated[
        Path | None, typer.Option("--seeds", help="Seed folder with manifest.toml (default: ./seeds)")
    ] = None,
    all_feeds: Annotated[
        bool, typer.Option("--all-feeds", help="Poll every enabled feed, not only those that are due.")
    ] = False,
    backup: Annotated[
        bool, typer.Option("--backup", help="Copy the warehouse file aside before migrating it to a new schema.")
    ] = False,
) -> None:
    """One pipeline run: seeds + due feeds → extract → load; prints a summary."""
    started = time.perf_counter()
    apply_prefect_defaults()
    try:
        _preflight(config, db, seeds, backup)
        from flows.pipeline import run_ingest

        summary = run_ingest(
            config_path=str(config) if config else None,
            db=str(db) if db else None,
            offline=offline,
            seeds_dir=str(seeds) if seeds else None,
            all_feeds=all_feeds,
        )
    except USER_ERRORS as exc:
        raise fail(str(exc)) from None
    except KeyboardInterrupt:
        raise fail("interrupted: nothing of this run was stored", 130) from None
    except Exception as exc:
        raise fail(f"run failed: {type(exc).__name__}: {exc}", 1) from None

    if summary.staged_to:
        err_console.print(f"[yellow]warehouse locked:[/] {escape(summary.errors[-1])}", highlight=False, soft_wrap=True)
        return
    table = Table(title=f"storywatch run {summary.run_id}", show_header=True, header_style="bold")
    table.add_column("")
    table.add_column("this run", justify="right")
    table.add_column("in warehouse", justify="right")
    totals = summary.totals
    table.add_row(
        "articles",
        f"{summary.articles_new} new, {summary.articles_updated} updated",
        str(totals.get("articles", 0)),
    )
    table.add_row("texts sent to NLP", str(summary.documents_extracted), "")
    table.add_row("unchanged (skipped)", str(summary.articles_unchanged), "")
    table.add_row("duplicates (same text)", str(summary.duplicates), "")
    if summary.staged_loaded:
        table.add_row("staged batches loaded", str(len(summary.staged_loaded)), "")
    table.add_row("feeds polled / failed", f"{summary.feeds_polled} / {summary.feeds_failed}", "")
    if summary.feeds_deferred:
        table.add_row("feeds deferred (run deadline)", str(summary.feeds_deferred), "")
    if summary.entries_pending:
        table.add_row("feed entries pending (backlog)", str(summary.entries_pending), "")
    if summary.documents_failed or summary.retried or totals.get("extraction_failures"):
        table.add_row(
            "failed extraction",
            f"{summary.documents_failed} ({summary.documents_given_up} given up); "
            f"{summary.retried} retried, {summary.recovered} recovered",
            str(totals.get("extraction_failures", 0)),
        )
    table.add_row("mentions", str(summary.mentions_new), str(totals.get("mentions", 0)))
    table.add_row("entities (catalogue)", "", str(totals.get("entities", 0)))
    table.add_row("events", str(summary.events_new), str(totals.get("events", 0)))
    total = time.perf_counter() - started
    table.add_row("elapsed", f"{total:.1f} s (flow {summary.elapsed_s:.1f} s)", "")
    table.add_row("warehouse", summary.db_path, "")
    # How the run was tracked (flows/tracking.py): the runs table always, Prefect when a server is there.
    table.add_row("Prefect flow run", summary.flow_run_id or "none (no server)", "")
    console.print(table)
    shown = 5
    for error in summary.errors[:shown]:
        err_console.print(f"[yellow]warning:[/] {escape(error)}", highlight=False, soft_wrap=True)
    if len(summary.errors) > shown:
        more = len(summary.errors) - shown
        err_console.print(f"[yellow]warning:[/] … and {more} more: `storywatch feeds` lists them")
    console.print("Try:")
    command = _command_name()
    for query in EXAMPLE_QUERIES:
        console.print(f'  {command} sql "{query}"', highlight=False, soft_wrap=True)


@app.command()
def reextract(
    config: ConfigOption = None,
    db: DbOption = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only articles fetched on or after this ISO date.")
    ] = None,
) -> None:
    """Extract stored articles again from their kept text, with today's model, gazetteer and \\[topic]
    (after an upgrade or a changed min_relevance); replaces their entities, events, quotes, claims.
    Documents whose extraction failed are tried again too, given up or not (`storywatch failures`)."""
    started = time.perf_counter()
    apply_prefect_defaults()
    try:
        if since:
            _iso_date(since)
        _preflight(config, db, None, read_seeds_too=False)
        from flows.pipeline import run_reextract

        summary = run_reextract(config_path=str(config) if config else None, db=str(db) if db else None, since=since)
    except ValueError:
        raise fail(f"--since must be an ISO date (2024-11-08), got {since!r}") from None
    except USER_ERRORS as exc:
        raise fail(str(exc)) from None
    except KeyboardInterrupt:
        raise fail("interrupted: nothing of this run was stored", 130) from None
    except Exception as exc:
        raise fail(f"reextract failed: {type(exc).__name__}: {exc}", 1) from None
    for error in summary.errors:
        err_console.print(f"[yellow]warning:[/] {escape(error)}", highlight=False, soft_wrap=True)
    if summary.staged_to:
        return
    totals = summary.totals
    in_warehouse = f": {totals['mentions']} mentions, {totals['events']} events in the warehouse" if totals else ""
    console.print(
        f"re-extracted {summary.documents_extracted} article(s) in {time.perf_counter() - started:.1f} s"
        f"{in_warehouse} ({summary.db_path})",
        highlight=False,
    )
    if summary.recovered or summary.documents_failed:
        console.print(
            f"failed extractions: {summary.recovered} recovered, {summary.documents_failed} failed"
            f" ({summary.documents_given_up} given up): `storywatch failures` lists them",
            highlight=False,
        )


def _lock_wait(cfg: Config, wait: float | None) -> float:
    """How long a reader waits for a held lock: `--wait`, else `[warehouse] lock_wait_s`."""
    if wait is None:
        return cfg.warehouse.lock_wait_s
    if not math.isfinite(wait) or wait < 0:
        raise fail(f"--wait must be a number of seconds, 0 or more; got {wait}")
    return wait


def _tell_waiting(wait_s: float) -> Callable[[Exception], None]:
    """The note a reader prints when it finds the warehouse locked and starts waiting."""

    def note(locked: Exception) -> None:
        err_console.print(f"{locked}; waiting up to {wait_s:g} s", style="dim", highlight=False, soft_wrap=True)

    return note


def _command_name() -> str:
    """How the user can call us again: plain `storywatch` when it is on PATH, else its path."""
    if shutil.which("storywatch"):
        return "storywatch"
    argv0 = Path(sys.argv[0])
    if argv0.name == "storywatch" and argv0.exists():
        try:
            return str(argv0.resolve().relative_to(Path.cwd()))
        except ValueError:
            return str(argv0)
    return "storywatch"


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="SQL to run (read-only).")],
    config: ConfigOption = None,
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv or json")] = "table",
    wait: WaitOption = None,
) -> None:
    """Read-only SQL against the warehouse: queries only; no other file, URL or extension."""
    from warehouse.db import connect
    from warehouse.queries import QueryError
    from warehouse.readonly_sql import run_read_only

    if format not in {"table", "csv", "json"}:
        raise fail(f"unknown --format {format!r}: use table, csv or json")
    try:
        cfg = load_config(config, db=db)
        # A loading run holds the file for seconds at most: wait for it rather than fail.
        wait_s = _lock_wait(cfg, wait)
        with connect(cfg.warehouse.path, read_only=True, wait_s=wait_s, on_wait=_tell_waiting(wait_s)) as con:
            result = run_read_only(con, query)
    except USER_ERRORS as exc:
        raise fail(str(exc)) from None
    except QueryError as exc:
        raise fail(f"query failed: {exc}") from None

    if format in {"json", "csv"}:
        _write_result(result, format)
    else:
        table = Table(show_header=True, header_style="bold")
        for column in result.columns:
            table.add_column(column)
        for row in result.rows:
            table.add_row(*("" if v is None else str(_plain(v)) for v in row))
        console.print(table)
        console.print(f"{len(result.rows)} row(s)", style="dim")


@app.command()
def export(
    out_dir: Annotated[Path, typer.Argument(help="Folder to write the files into (created if missing).")],
    format: Annotated[str, typer.Option("--format", "-f", help="parquet or csv")] = "parquet",
    partition_by: Annotated[
        str | None,
        typer.Option(
            "--partition-by",
            metavar="COLUMN[:GRAIN]",
            help="Write every table and view with COLUMN as hive partitions (a folder each), e.g. "
            "published_at:month; a timestamp column needs a grain (year, month or day), a date may take one.",
        ),
    ] = None,
    config: ConfigOption = None,
    db: DbOption = None,
    wait: WaitOption = None,
) -> None:
    """Every table and view to files, with a manifest (row counts, schema version, export time)."""
    from flows.progress import progress
    from warehouse.db import connect
    from warehouse.export import FORMATS, export_all, parse_partitioning, relations

    if format not in FORMATS:
        raise fail(f"unknown --format {format!r}: use parquet or csv")
    try:
        partitioning = parse_partitioning(partition_by) if partition_by is not None else None
        cfg = load_config(config, db=db)
        # The export's connection is locked down like `sql`'s, with the target as its one writable folder.
        wait_s = _lock_wait(cfg, wait)
        with (
            connect(
                cfg.warehouse.path,
                read_only=True,
                wait_s=wait_s,
                writable_dirs=[out_dir],
                on_wait=_tell_waiting(wait_s),
            ) as con,
            progress("exporting", total=len(relations(con)), unit="tables and views") as shown,
        ):
            manifest = export_all(con, out_dir, format, partitioning, on_exported=lambda _: shown.advance())
    except USER_ERRORS as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"cannot write to {out_dir}: {exc.strerror or exc}") from None
    data = json.loads(manifest.read_text())
    partitioned = [r["name"] for r in data["relations"] if "partitions" in r]
    how = f"; partitioned by {partitioning.key}: {', '.join(partitioned)}" if partitioning else ""
    console.print(
        f"exported {len(data['relations'])} tables and views to {out_dir} ({format}{how}); manifest: {manifest}",
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def feeds(
    config: ConfigOption = None,
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv or json (every column)")] = "table",
) -> None:
    """Feed health: last status, last fetch, failures in a row, entries pending in the backlog, next poll;
    the last error on its own line. --format csv or json adds the last new item, articles, summary-only
    articles of the last run and the last page error."""
    from flows.feeds.polling import feed_source_id
    from warehouse.db import connect
    from warehouse.queries import QueryResult, failure_counts, feed_health

    if format not in {"table", "csv", "json"}:
        raise fail(f"unknown --format {format!r}: use table, csv or json")
    try:
        cfg = load_config(config, db=db)
        with connect(cfg.warehouse.path, read_only=True, wait_s=cfg.warehouse.lock_wait_s) as con:
            result = feed_health(con)
            failed = failure_counts(con)
    except USER_ERRORS as exc:
        raise fail(str(exc)) from None
    configured = {feed_source_id(f.url) for f in cfg.feeds}
    items = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
    polled = {item["source_id"] for item in items}
    for item in items:
        if item["source_id"] not in configured:
            item["last_status"] = f"{item['last_status']} (not in config)"
    for feed in cfg.feeds:
        if feed_source_id(feed.url) not in polled:
            items.append(
                {column: None for column in result.columns}
                | {"name": feed.name, "url": feed.url, "source_id": feed_source_id(feed.url)}
                | {"last_status": "never polled" if feed.enabled else "disabled"}
            )
    if format != "table":
        columns = list(result.columns)
        _write_result(QueryResult(columns, [tuple(item[c] for c in columns) for item in items]), format)
        return
    # Six short columns fit 80 columns; each last error goes on its own line below, cut to the width.
    table = Table(show_header=True, header_style="bold", title="feeds", show_lines=False, pad_edge=False)
    for column in ("feed", "status", "last fetch", "fails", "pending", "next poll"):
        table.add_column(column, overflow="ellipsis", no_wrap=column != "feed")
    for item in items:
        status = item["last_status"] or ""
        style = "red" if status.startswith("error") else None
        table.add_row(
            item["name"],
            status,
            _short_when(item["last_fetch_at"]),
            str(item["consecutive_failures"] or 0),
            str(item["pending_items"] or 0),
            _short_when(item["next_fetch_at"]) or ("due" if status == "never polled" else ""),
            style=style,
        )
    _print_table(table)
    for item in items:
        if error := item.get("last_error") or item.get("last_page_error"):
            console.print(
                f"{item['name']}: {_shorten(str(error), 76 - len(item['name']))}",
                style="red",
                markup=False,
                highlight=False,
            )
    console.print("--format json or csv gives every column", style="dim")
    if sum(failed.values()):
        console.print(
            f"{sum(failed.values())} document(s) failed extraction ({failed['retry']} to retry,"
            f" {failed['given_up']} given up): see `storywatch failures`",
            style="yellow",
            highlight=False,
        )


def _short_when(value: datetime | None) -> str:
    """A timestamp in 11 characters (MM-DD HH:MM, UTC) for narrow tables."""
    return f"{value:%m-%d %H:%M}" if value else ""


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_table(table: Table) -> None:
    """Print a table at least 80 columns wide even when stdout is not a terminal (rich would use
    $COLUMNS or 80 anyway; never narrower, so piped output does not wrap a word a line)."""
    console.print(table, width=max(console.width, 80))


def _when(value: datetime | None) -> str:
    return f"{value:%Y-%m-%d %H:%M} UTC" if value else ""


@app.command()
def failures(
    config: ConfigOption = None,
    db: DbOption = None,
    status: Annotated[str | None, typer.Option("--status", help="Only this status: retry or given_up.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv or json")] = "table",
) -> None:
    """Documents whose extraction failed: status (retry / given_up), attempts, step, error, extractor
    version, article. Each run retries them up to \\[nlp] max_extraction_attempts times;
    `storywatch reextract` (or a new extractor version) tries the given-up ones again."""
    from warehouse.db import connect
    from warehouse.queries import QueryError, extraction_failures

    if format not in {"table", "csv", "json"}:
        raise fail(f"unknown --format {format!r}: use table, csv or json")
    try:
        cfg = load_config(config, db=db)
        with connect(cfg.warehouse.path, read_only=True, wait_s=cfg.warehouse.lock_wait_s) as con:
            result = extraction_failures(con, status)
    except USER_ERRORS as exc:
        raise fail(str(exc)) from None
    except QueryError as exc:
        raise fail(f"--status: {exc}") from None
    if format != "table":
        _write_result(result, format)
        return
    # Short columns fit 80 columns; the error is cut with an ellipsis (--format json/csv has it whole).
    table = Table(show_header=True, header_style="bold", title="failed extractions", pad_edge=False)
    for column in ("article", "status", "tries", "stage", "last failed", "error"):
        table.add_column(column, overflow="ellipsis", no_wrap=column not in {"article", "error"})
    index = {name: i for i, name in enumerate(result.columns)}
    for row in result.rows:
        status = row[index["status"]]
        table.add_row(
            str(row[index["article_id"]]),
            str(status),
            str(row[index["attempts"]]),
            str(row[index["stage"]] or ""),
            _short_when(row[index["last_failed_at"]]),
            _shorten(str(row[index["error"]] or ""), 60),
            style="red" if status == "given_up" else None,
        )
    _print_table(table)
    console.print(
        f"{len(result.rows)} failed document(s); --format json or csv gives every column (url, versions, run)",
        style="dim",
    )


def _write_result(result: QueryResult, format: str) -> None:
    """A query result on standard output as CSV or JSON (one object per row)."""
    if format == "json":
        rows = [dict(zip(result.columns, map(_plain, row), strict=True)) for row in result.rows]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(result.columns)
        writer.writerows([[_plain(v) for v in row] for row in result.rows])
        sys.stdout.write(buffer.getvalue())


EXTRACT_HELP = (
    "What the pipeline would extract from text, as JSON; the warehouse is not touched.\n\n"
    '"relevance" is the text\'s \\[topic] score and "relevant" whether it reaches min_relevance. As the '
    "pipeline does, a text that is not relevant gets its entities only (the pipeline stores the article and "
    "its entities, never events, quotes or claims for it); --all shows everything extracted regardless.\n\n"
    "A text longer than \\[nlp] max_chars is read up to a paragraph or sentence boundary before it; "
    'the output then says "truncated": true.\n\n'
    "--jsonl: one output line per non-blank input line, in order. A line that is not an object with a "
    '"text" string, or whose text cannot be extracted, gets {"id", "line", "error"} and the command goes on.\n\n'
    'Exit status: 0 when every line was answered (error lines included: look for "error"); 2 for a problem '
    "you can fix (config, unreadable input, --published); 1 when the command itself failed, or when a plain "
    "text could not be extracted (one line on standard error)."
)


@app.command(help=EXTRACT_HELP)
def extract(
    file: Annotated[str, typer.Argument(help="Text file to read, or - for standard input.")] = "-",
    jsonl: Annotated[
        bool,
        typer.Option(
            "--jsonl",
            help='Input is JSON lines {"id", "text", "published_at"?}; output one JSON line each.',
        ),
    ] = False,
    published: Annotated[
        str | None,
        typer.Option("--published", help="Publication date (ISO) that relative dates resolve against."),
    ] = None,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Events, quotes and claims also for a text below \\[topic] min_relevance (the pipeline keeps none).",
        ),
    ] = False,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """What the pipeline would extract from text, as JSON; the warehouse is not touched (help: EXTRACT_HELP)."""
    from extractors.extract import extract_texts
    from extractors.nlp import load_pipeline
    from flows.parallel import relevance_gate

    try:
        cfg = load_config(config, db=db)
        raw = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except ConfigError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"cannot read {file}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail(f"{'standard input' if file == '-' else file} is not UTF-8 text (byte offset {exc.start})") from None
    try:
        default_date = _iso_date(published)
    except (ValueError, OverflowError):
        raise fail(f"--published must be an ISO date like 2024-11-08, got {published!r}") from None
    nlp = load_pipeline(cfg.nlp.model)
    gate = relevance_gate(cfg)
    # The pipeline's own gate unless --all: below min_relevance a text gets its entities only.
    options = {"batch_size": cfg.nlp.batch_size, "max_chars": cfg.nlp.max_chars, "gate": None if show_all else gate}
    if not jsonl:
        (extraction,) = extract_texts(nlp, [text], published_at=[default_date], **options)
        if extraction.error is not None:
            raise fail(f"extraction failed: {extraction.error}", code=1)
        output = _extract_output(extraction, text, gate)
        if not output["relevant"]:
            shown = "shown here" if show_all else "left out here; --all shows them"
            err_console.print(
                f"note: relevance {output['relevance']:.2f} is below [topic] min_relevance {gate.min_relevance:g}: "
                f"the pipeline would store this article and its entities but no events, quotes or claims ({shown})",
                highlight=False,
                markup=False,
                soft_wrap=True,
            )
        if extraction.truncated:
            err_console.print(
                f"note: the text is {len(text):,} characters; only the first {cfg.nlp.max_chars:,} "
                "([nlp] max_chars), up to a paragraph or sentence boundary, were read",
                highlight=False,
                markup=False,
                soft_wrap=True,
            )
        sys.stdout.write(json.dumps(output, ensure_ascii=False) + "\n")
        return
    read = (_jsonl_record(number, line, default_date) for number, line in enumerate(text.splitlines(), start=1))
    records = [r for r in read if r is not None]
    valid = [r for r in records if r.error is None]
    extractions = iter(
        extract_texts(nlp, (r.text for r in valid), published_at=[r.published_at for r in valid], **options)
    )
    for record in records:
        if record.error is not None:
            line = {"id": record.id, "line": record.line, "error": record.error}
        else:
            extraction = next(extractions)
            if extraction.error is not None:
                line = {"id": record.id, "line": record.line, "error": extraction.error}
            else:
                line = {"id": record.id} | _extract_output(extraction, record.text, gate)
        sys.stdout.write(_json_line(line))
        sys.stdout.flush()


def _json_line(value: dict[str, Any]) -> str:
    """One JSON line, UTF-8 as written; with \\u escapes when it holds a lone surrogate (an id
    like "\\ud800" from the input), which UTF-8 cannot carry."""
    line = json.dumps(value, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(value)
    return line + "\n"


@dataclass(frozen=True)
class _JsonlRecord:
    line: int
    id: Any
    text: str = ""
    published_at: datetime | None = None
    error: str | None = None  # why the line cannot be extracted


def _jsonl_record(number: int, line: str, default_date: datetime | None) -> _JsonlRecord | None:
    """One input line of `extract --jsonl`: a record to extract, one with the reason it cannot be,
    or None for a blank line."""
    if not line.strip():
        return None
    try:
        item = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:  # RecursionError: "[[[[…" nested too deep
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        return _JsonlRecord(number, None, error=f"line {number} is not JSON: {reason}")
    if not isinstance(item, dict):
        return _JsonlRecord(number, None, error=f'line {number} must be an object with a "text" string')
    record_id = item.get("id")
    if not isinstance(item.get("text"), str):
        return _JsonlRecord(number, record_id, error=f'line {number} must be an object with a "text" string')
    try:
        when = _iso_date(item.get("published_at")) or default_date
    except (ValueError, OverflowError):
        return _JsonlRecord(
            number,
            record_id,
            error=f'line {number}: "published_at" must be an ISO date, got {item.get("published_at")!r}',
        )
    return _JsonlRecord(number, record_id, item["text"], when)


def _extract_output(extraction: Extraction, text: str, gate: RelevanceGate) -> dict[str, Any]:
    """The output object with the text's relevance and whether it reaches the gate; "truncated"
    only when the text was cut (most are not)."""
    score = extraction.relevance
    if score is None:  # extracted without the gate (--all): scored as the pipeline scores it then
        score = gate.score((m.entity_id for m in extraction.mentions), text, extraction.word_count)
    out = extraction.as_json() | {"relevance": round(score, 4), "relevant": score >= gate.min_relevance}
    return out | {"truncated": True} if extraction.truncated else out


def _iso_date(value: object) -> datetime | None:
    """An ISO date or date-time (naive UTC) from the command line or a JSON line; None when absent."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(value)
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed.astimezone(UTC).replace(tzinfo=None) if parsed.tzinfo else parsed


# --- scheduling and alerts (flows/serve.py, flows/alerts.py) -------------------------------------


@app.command()
def serve(
    config: ConfigOption = None,
    db: DbOption = None,
    seeds: Annotated[
        Path | None, typer.Option("--seeds", help="Seed folder with manifest.toml (default: ./seeds)")
    ] = None,
) -> None:
    """Register the ingest and digest deployments on a Prefect server and run them on schedule.

    Uses $PREFECT_API_URL when set; otherwise starts a local Prefect server (127.0.0.1, state in
    $PREFECT_HOME, default ./.prefect) and stops it on Ctrl-C or SIGTERM. Schedules stay active.
    """
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")  # a service's runs should say what they did
    os.environ.setdefault("STORYWATCH_PROGRESS", "plain")  # its runs' progress as log lines, not bars
    apply_prefect_defaults()
    from flows.serve import ServeError
    from flows.serve import serve as serve_deployments

    try:
        _preflight(config, db, seeds)
        cfg = load_config(config, db=db)
        serve_deployments(
            cfg,
            config_path=str(Path(cfg.source_path).resolve()) if cfg.source_path else None,
            db=str(db.resolve()) if db else None,
            seeds_dir=str(seeds.resolve()) if seeds else None,
            say=lambda line: console.print(line, highlight=False, soft_wrap=True),
        )
    except (*USER_ERRORS, ServeError) as exc:
        raise fail(str(exc)) from None


alerts_app = typer.Typer(
    help="Alerts: `list` (the default) shows recent alerts; `test` sends a test message through every channel;"
    " `digest` sends the digest now.",
    no_args_is_help=False,
    invoke_without_command=True,
)
app.add_typer(alerts_app, name="alerts")


# `storywatch alerts` and `storywatch alerts list` take the same options (list is the default).
AlertLimitOption = Annotated[int, typer.Option("--limit", "-n", help="How many, newest first.")]
AlertStatusOption = Annotated[
    str | None, typer.Option("--status", help="Only this status: pending, sent, failed, digest_pending …")
]
AlertRuleOption = Annotated[str | None, typer.Option("--rule", help="Only this rule.")]
AlertFormatOption = Annotated[str, typer.Option("--format", "-f", help="table, csv or json (every column)")]


@alerts_app.callback()
def alerts_main(
    ctx: typer.Context,
    config: ConfigOption = None,
    db: DbOption = None,
    limit: AlertLimitOption = 30,
    status: AlertStatusOption = None,
    rule: AlertRuleOption = None,
    format: AlertFormatOption = "table",
) -> None:
    """Recent alerts (same as `storywatch alerts list`, with the same options), or a subcommand."""
    if ctx.invoked_subcommand is None:
        alerts_list(config=config, db=db, limit=limit, status=status, rule=rule, format=format)


@alerts_app.command("list")
def alerts_list(
    config: ConfigOption = None,
    db: DbOption = None,
    limit: AlertLimitOption = 30,
    status: AlertStatusOption = None,
    rule: AlertRuleOption = None,
    format: AlertFormatOption = "table",
) -> None:
    """Recent alerts: rule, status, attempts, title, when sent, last error (channels masked)."""
    from warehouse.alerts import list_alerts
    from warehouse.db import connect, table_exists
    from warehouse.queries import QueryResult

    if format not in {"table", "csv", "json"}:
        raise fail(f"unknown --format {format!r}: use table, csv or json")
    try:
        cfg = load_config(config, db=db)
        with connect(cfg.warehouse.path, read_only=True, wait_s=cfg.warehouse.lock_wait_s) as con:
            rows = list_alerts(con, limit=limit, status=status, rule=rule) if table_exists(con, "alerts") else []
    except USER_ERRORS as exc:
        raise fail(str(exc)) from None
    if format != "table":
        columns = list(rows[0]) if rows else []
        _write_result(QueryResult(columns, [tuple(r.values()) for r in rows]), format)
        return
    # Short columns fit 80 columns; the title is cut with an ellipsis, the last error goes on its own line.
    table = Table(show_header=True, header_style="bold", title="alerts", pad_edge=False)
    for column in ("created", "rule", "status", "tries", "title", "sent"):
        table.add_column(column, overflow="ellipsis", no_wrap=column != "title", max_width=None)
    for r in rows:
        style = {"failed": "red", "gave_up": "red", "pending": "yellow"}.get(r["status"])
        table.add_row(
            _short_when(r["created_at"]),
            r["rule"],
            r["status"],
            str(r["attempts"]),
            _shorten(r["title"] or "", 60),
            _short_when(r["sent_at"]),
            style=style,
        )
    _print_table(table)
    for r in rows:
        if r["last_error"]:
            console.print(
                f"{r['alert_id']}: {_shorten(r['last_error'], 70)}", style="red", markup=False, highlight=False
            )
    if not rows:
        console.print("no alerts yet: rules are evaluated at the end of every run", style="dim")


@alerts_app.command("test")
def alerts_test(config: ConfigOption = None, db: DbOption = None) -> None:
    """Send a test message through every configured channel and report each one's result."""
    from flows.alerts import test_channels

    try:
        cfg = load_config(config, db=db)
    except USER_ERRORS as exc:
        raise fail(str(exc)) from None
    results = test_channels(cfg)
    if not results:
        raise fail("no alert channels configured: set [alerts] channels, jsonl or console")
    for result in results:
        if result.ok:
            note = f" ({result.note})" if result.note else ""
            console.print(f"[green]ok[/]      {result.channel}{note}", highlight=False)
        else:
            console.print(
                f"[red]failed[/]  {result.channel}: {escape(str(result.error))}", highlight=False, soft_wrap=True
            )
    failed = sum(not r.ok for r in results)
    console.print(f"{len(results) - failed} of {len(results)} channels ok", highlight=False)
    if failed:
        raise typer.Exit(1)


@alerts_app.command("digest")
def alerts_digest(config: ConfigOption = None, db: DbOption = None) -> None:
    """Send the digest now: the digest-mode alerts not yet sent, split per channel into messages that fit
    it (and retry failed sends)."""
    from flows.alerts import send_digest

    try:
        cfg = load_config(config, db=db)
        report = send_digest(cfg)
    except USER_ERRORS as exc:
        raise fail(str(exc)) from None
    what = f"digest: {report.digest_alerts} new alerts" if report.digest_alerts else "nothing new for a digest"
    console.print(f"{what}; {report.sent} messages sent, {report.failed} failed", highlight=False)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def report(
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write")] = Path("data/report.html"),
    since: Annotated[
        str | None, typer.Option("--since", help="First day to show, ISO date (default: the first article's day)")
    ] = None,
    config: ConfigOption = None,
    db: DbOption = None,
    wait: WaitOption = None,
) -> None:
    """Self-contained HTML report of the story (opens with no network); reads the warehouse read-only."""
    from datetime import date as _date

    from flows.report import write_report

    try:
        first_day = _date.fromisoformat(since) if since else None
    except ValueError:
        raise fail(f"--since must be an ISO date like 2024-11-01, got {since!r}") from None
    started = time.perf_counter()
    try:
        cfg = load_config(config, db=db)
        if wait is not None:
            warehouse = dataclasses.replace(cfg.warehouse, lock_wait_s=_lock_wait(cfg, wait))
            cfg = dataclasses.replace(cfg, warehouse=warehouse)
        written = write_report(cfg, out, first_day)
    except USER_ERRORS as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"cannot write {out}: {exc.strerror or exc}") from None
    data = written.data
    console.print(
        f"wrote {written.path} ({written.bytes / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s: "
        f"{data.totals.get('period_relevant_articles', 0):,} relevant articles, "
        f"{data.totals.get('period_events', 0):,} events",
        highlight=False,
        soft_wrap=True,
    )


if __name__ == "__main__":
    app()
