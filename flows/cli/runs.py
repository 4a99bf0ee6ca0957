"""Commands that run the pipeline: `run`, `reextract`, and `serve` (the same on a schedule)."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from flows.cli.common import ConfigOption, DbOption, console, err_console, fail, iso_date, reported_errors
from flows.config import Config, load_config
from flows.prefect_env import apply_prefect_defaults

SeedsOption = Annotated[Path | None, typer.Option("--seeds", help="Seed folder with manifest.toml (default: ./seeds)")]

EXAMPLE_QUERIES = (
    "select entity_id, count(*) n from mentions group by 1 order by n desc limit 10",
    "select text, label, entity_id, metonymy from mentions where entity_id = 'PRK' limit 10",
)


def _preflight(config: Config, seeds: Path | None, backup: bool = False, *, read_seeds_too: bool = True) -> None:
    """Check seeds and warehouse before starting Prefect, so mistakes get one clean line (the config,
    loaded first, cost no imports)."""
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


def run(
    config: ConfigOption = None,
    db: DbOption = None,
    offline: Annotated[bool, typer.Option("--offline", help="Skip the network: seeds only.")] = False,
    seeds: SeedsOption = None,
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
    with reported_errors(failed="run"):
        cfg = load_config(config, db=db)
        _preflight(cfg, seeds, backup)
        from flows.pipeline import run_ingest

        summary = run_ingest(
            config_path=str(config) if config else None,
            db=str(db) if db else None,
            offline=offline,
            seeds_dir=str(seeds) if seeds else None,
            all_feeds=all_feeds,
        )

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
        iso_date(since)
    except ValueError:
        raise fail(f"--since must be an ISO date (2024-11-08), got {since!r}") from None
    with reported_errors(failed="reextract"):
        cfg = load_config(config, db=db)
        _preflight(cfg, None, read_seeds_too=False)
        from flows.pipeline import run_reextract

        summary = run_reextract(config_path=str(config) if config else None, db=str(db) if db else None, since=since)
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


def serve(config: ConfigOption = None, db: DbOption = None, seeds: SeedsOption = None) -> None:
    """Register the ingest and digest deployments on a Prefect server and run them on schedule.

    Uses $PREFECT_API_URL when set; otherwise starts a local Prefect server (127.0.0.1, state in
    $PREFECT_HOME, default ./.prefect) and stops it on Ctrl-C or SIGTERM. Schedules stay active.
    """
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")  # a service's runs should say what they did
    os.environ.setdefault("STORYWATCH_PROGRESS", "plain")  # its runs' progress as log lines, not bars
    apply_prefect_defaults()
    from flows.serve import ServeError
    from flows.serve import serve as serve_deployments

    with reported_errors({ServeError: str}):
        cfg = load_config(config, db=db)
        _preflight(cfg, seeds)
        serve_deployments(
            cfg,
            config_path=str(Path(cfg.source_path).resolve()) if cfg.source_path else None,
            db=str(db.resolve()) if db else None,
            seeds_dir=str(seeds.resolve()) if seeds else None,
            say=lambda line: console.print(line, highlight=False, soft_wrap=True),
        )


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
