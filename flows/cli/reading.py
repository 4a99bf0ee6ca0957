"""Commands that read the warehouse (read-only, waiting while a run holds it): `sql`, `export`,
`feeds`, `failures` and `report`."""

from __future__ import annotations

import dataclasses
import json
import time
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from flows.cli.common import (
    TABLE_FORMATS,
    ConfigOption,
    DbOption,
    WaitOption,
    check_format,
    console,
    fail,
    lock_wait,
    reported_errors,
    tell_waiting,
)
from flows.cli.output import plain, print_table, short_when, shorten, write_result
from flows.config import load_config


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

    check_format(format, TABLE_FORMATS)
    with reported_errors({QueryError: lambda exc: f"query failed: {exc}"}):
        cfg = load_config(config, db=db)
        # A loading run holds the file for seconds at most: wait for it rather than fail.
        wait_s = lock_wait(cfg, wait)
        with connect(cfg.warehouse.path, read_only=True, wait_s=wait_s, on_wait=tell_waiting(wait_s)) as con:
            result = run_read_only(con, query)

    if format in {"json", "csv"}:
        write_result(result, format)
    else:
        table = Table(show_header=True, header_style="bold")
        for column in result.columns:
            table.add_column(column)
        for row in result.rows:
            table.add_row(*("" if v is None else str(plain(v)) for v in row))
        console.print(table)
        console.print(f"{len(result.rows)} row(s)", style="dim")


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

    check_format(format, FORMATS)
    with reported_errors({OSError: lambda exc: f"cannot write to {out_dir}: {exc.strerror or exc}"}):
        partitioning = parse_partitioning(partition_by) if partition_by is not None else None
        cfg = load_config(config, db=db)
        # The export's connection is locked down like `sql`'s, with the target as its one writable folder.
        wait_s = lock_wait(cfg, wait)
        with (
            connect(
                cfg.warehouse.path,
                read_only=True,
                wait_s=wait_s,
                writable_dirs=[out_dir],
                on_wait=tell_waiting(wait_s),
            ) as con,
            progress("exporting", total=len(relations(con)), unit="tables and views") as shown,
        ):
            manifest = export_all(con, out_dir, format, partitioning, on_exported=lambda _: shown.advance())
    data = json.loads(manifest.read_text())
    partitioned = [r["name"] for r in data["relations"] if "partitions" in r]
    how = f"; partitioned by {partitioning.key}: {', '.join(partitioned)}" if partitioning else ""
    console.print(
        f"exported {len(data['relations'])} tables and views to {out_dir} ({format}{how}); manifest: {manifest}",
        highlight=False,
        soft_wrap=True,
    )


def feeds(
    config: ConfigOption = None,
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv or json (every column)")] = "table",
) -> None:
    """Feed health: language (the feed's `lang`), last status, last fetch, failures in a row, entries pending
    in the backlog, next poll; the last error on its own line. --format csv or json adds the last new item,
    articles, summary-only articles of the last run and the last page error."""
    from flows.feeds.polling import feed_source_id
    from warehouse.db import connect
    from warehouse.queries import QueryResult, failure_counts, feed_health

    check_format(format, TABLE_FORMATS)
    with reported_errors():
        cfg = load_config(config, db=db)
        with connect(cfg.warehouse.path, read_only=True, wait_s=cfg.warehouse.lock_wait_s) as con:
            result = feed_health(con)
            failed = failure_counts(con)
    configured = {feed_source_id(f.url) for f in cfg.feeds}
    languages = {feed_source_id(f.url): f.lang for f in cfg.feeds}
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
    for item in items:
        item["lang"] = languages.get(item["source_id"])
    if format != "table":
        columns = [*result.columns, "lang"]
        write_result(QueryResult(columns, [tuple(item[c] for c in columns) for item in items]), format)
        return
    # Seven short columns fit 80 columns; each last error goes on its own line below, cut to the width.
    table = Table(show_header=True, header_style="bold", title="feeds", show_lines=False, pad_edge=False)
    for column in ("feed", "lang", "status", "last fetch", "fails", "pending", "next poll"):
        table.add_column(column, overflow="ellipsis", no_wrap=column != "feed")
    for item in items:
        status = item["last_status"] or ""
        style = "red" if status.startswith("error") else None
        table.add_row(
            item["name"],
            item["lang"] or "",
            status,
            short_when(item["last_fetch_at"]),
            str(item["consecutive_failures"] or 0),
            str(item["pending_items"] or 0),
            short_when(item["next_fetch_at"]) or ("due" if status == "never polled" else ""),
            style=style,
        )
    print_table(table)
    for item in items:
        if error := item.get("last_error") or item.get("last_page_error"):
            console.print(
                f"{item['name']}: {shorten(str(error), 76 - len(item['name']))}",
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

    check_format(format, TABLE_FORMATS)
    with reported_errors({QueryError: lambda exc: f"--status: {exc}"}):
        cfg = load_config(config, db=db)
        with connect(cfg.warehouse.path, read_only=True, wait_s=cfg.warehouse.lock_wait_s) as con:
            result = extraction_failures(con, status)
    if format != "table":
        write_result(result, format)
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
            short_when(row[index["last_failed_at"]]),
            shorten(str(row[index["error"]] or ""), 60),
            style="red" if status == "given_up" else None,
        )
    print_table(table)
    console.print(
        f"{len(result.rows)} failed document(s); --format json or csv gives every column (url, versions, run)",
        style="dim",
    )


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
    from flows.report import write_report

    try:
        first_day = date.fromisoformat(since) if since else None
    except ValueError:
        raise fail(f"--since must be an ISO date like 2024-11-01, got {since!r}") from None
    started = time.perf_counter()
    with reported_errors({OSError: lambda exc: f"cannot write {out}: {exc.strerror or exc}"}):
        cfg = load_config(config, db=db)
        if wait is not None:
            warehouse = dataclasses.replace(cfg.warehouse, lock_wait_s=lock_wait(cfg, wait))
            cfg = dataclasses.replace(cfg, warehouse=warehouse)
        written = write_report(cfg, out, first_day)
    data = written.data
    console.print(
        f"wrote {written.path} ({written.bytes / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s: "
        f"{data.totals.get('period_relevant_articles', 0):,} relevant articles, "
        f"{data.totals.get('period_events', 0):,} events",
        highlight=False,
        soft_wrap=True,
    )
