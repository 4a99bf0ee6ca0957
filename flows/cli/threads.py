"""`storywatch threads`: the story's developments (active ones, newest first, the default; same as
`threads list`), `threads show ID` (one thread: days, outlets, articles, changes), `threads failures` (articles
the assigner raised on) and `threads rebuild`."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer
from rich import box
from rich.markup import escape
from rich.table import Table

from flows.cli.common import TABLE_FORMATS, ConfigOption, DbOption, check_format, console, fail, reported_errors
from flows.cli.output import plain, print_table, shorten, write_result
from flows.config import load_config

STATUSES = ("active", "dormant", "merged")

THREADS_HELP = (
    "Story threads, one per development: `list` (the default) shows the active ones, newest first;"
    " `show ID` one thread; `failures` the articles that could not be threaded; `rebuild` all of them from the"
    " stored articles."
)
threads_app = typer.Typer(help=THREADS_HELP, no_args_is_help=False, invoke_without_command=True)

FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, csv or json (every column)")]


def threads_list(
    ctx: typer.Context,
    config: ConfigOption = None,
    db: DbOption = None,
    all_statuses: Annotated[bool, typer.Option("--all", help="Every thread: dormant and merged ones too.")] = False,
    status: Annotated[str | None, typer.Option("--status", help="Only this status: active, dormant or merged.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many, newest first (0: all).")] = 30,
    format: FormatOption = "table",
) -> None:
    """Threads newest first (by their latest article): last seen, status, articles, outlets, label."""
    if ctx.invoked_subcommand is not None:
        return  # as the group's callback before `show`, `rebuild` or `list` itself: that command runs next
    from warehouse.db import connect
    from warehouse.threads import count_thread_failures, list_threads

    check_format(format, TABLE_FORMATS)
    if status is not None and status not in STATUSES:
        raise fail(f"unknown --status {status!r}: use {', '.join(STATUSES)}")
    if limit < 0:
        raise fail(f"--limit must be 0 (all) or more, got {limit}")
    statuses = None if all_statuses and status is None else [status or "active"]
    with reported_errors():
        cfg = load_config(config, db=db)
        with connect(cfg.warehouse.path, read_only=True, wait_s=cfg.warehouse.lock_wait_s) as con:
            result = list_threads(con, statuses=statuses, limit=limit or None)
            failures = count_thread_failures(con)
    if format != "table":
        write_result(result, format)
        return
    # One line a thread: the fixed columns keep their width, the label gets the rest (cut with an ellipsis).
    table = Table(show_header=True, header_style="bold", title="threads", pad_edge=False, box=box.SIMPLE_HEAD)
    fixed = (("thread", 19), ("last seen", 10), ("status", 7), ("arts", 4), ("outl", 4))
    for column, width in fixed:
        table.add_column(column, no_wrap=True, min_width=width, justify="right" if width == 4 else "left")
    room = max(console.width, 80) - sum(width + 3 for _, width in fixed) - 5
    table.add_column("label", no_wrap=True, max_width=room)
    index = {name: i for i, name in enumerate(result.columns)}
    for row in result.rows:
        table.add_row(
            str(row[index["thread_id"]]),
            day(row[index["last_seen"]]),
            str(row[index["status"]]),
            str(row[index["articles"]]),
            str(row[index["outlets"]]),
            shorten(str(row[index["label"]]), room),
            style={"dormant": "dim", "merged": "dim"}.get(str(row[index["status"]])),
        )
    print_table(table)
    which = "threads" if all_statuses else f"{status or 'active'} threads"
    console.print(f"{len(result.rows)} {which}; `threads show ID` for one, --all for every status", style="dim")
    if failures:
        console.print(
            f"{failures} relevant article{'s' if failures != 1 else ''} could not be threaded:"
            " `threads failures` lists them",
            style="yellow",
        )


# One function, two entries: `storywatch threads` (the group's callback) and `storywatch threads list`.
threads_app.callback()(threads_list)
threads_app.command("list")(threads_list)


@threads_app.command("show")
def threads_show(
    thread_id: Annotated[str, typer.Argument(help="The thread's id (th-…), as `storywatch threads` lists it.")],
    config: ConfigOption = None,
    db: DbOption = None,
    format: FormatOption = "table",
) -> None:
    """One thread: its label and figures, its articles by day, its outlets, its articles and its changes."""
    import json
    import sys

    from warehouse.db import connect
    from warehouse.threads import thread_detail

    check_format(format, TABLE_FORMATS)
    with reported_errors():
        cfg = load_config(config, db=db)
        with connect(cfg.warehouse.path, read_only=True, wait_s=cfg.warehouse.lock_wait_s) as con:
            detail = thread_detail(con, thread_id)
    if detail is None:
        raise fail(f"no thread {thread_id!r}: `storywatch threads --all` lists them")
    if format == "json":
        out = {
            name: [dict(zip(part.columns, map(plain, row), strict=True)) for row in part.rows]
            for name, part in detail.items()
        }
        out["thread"] = out["thread"][0]  # type: ignore[assignment]
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
        return
    if format == "csv":
        write_result(detail["articles"], "csv")  # one table: the articles (json has every part)
        return
    thread = dict(zip(detail["thread"].columns, detail["thread"].rows[0], strict=True))
    console.print(f"[bold]{escape(str(thread['label']))}[/]", highlight=False, soft_wrap=True)
    merged = f" into {thread['merged_into']}" if thread["merged_into"] else ""
    console.print(
        f"{thread['thread_id']}: {thread['status']}{merged}; {day(thread['first_seen'])} – "
        f"{day(thread['last_seen'])}; {thread['articles']} articles, {thread['outlets']} outlets, "
        f"{thread['stories']} stories; actors {', '.join(thread['main_actors']) or '-'};"
        f" events {', '.join(thread['main_event_types']) or '-'}; key event {thread['key_event'] or '-'}",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )
    _print_part("by day", detail["days"], ("day", "articles", "outlets", "new_outlets", "articles_to_date"))
    _print_part("outlets", detail["outlets"], ("outlet", "articles", "first_seen", "last_seen"))
    _print_part("articles", detail["articles"], ("seen_at", "outlet", "title", "score"))
    _print_part("changes", detail["changes"], ("changed_at", "change", "thread_id", "other_thread_id", "article_id"))


def day(value: datetime | None) -> str:
    """A story date with its year (a story runs for years; short_when leaves the year out)."""
    return f"{value:%Y-%m-%d}" if value else ""


def _print_part(title: str, part: object, columns: tuple[str, ...]) -> None:
    from warehouse.queries import QueryResult

    assert isinstance(part, QueryResult)
    table = Table(show_header=True, header_style="bold", title=title, pad_edge=False)
    for column in columns:
        table.add_column(column, overflow="ellipsis", no_wrap=column != "title")
    index = {name: i for i, name in enumerate(part.columns)}
    for row in part.rows:
        cells = []
        for column in columns:
            value = row[index[column]]
            if column.endswith(("_at", "_seen")):
                cells.append(f"{value:%Y-%m-%d %H:%M}" if value else "")
            elif isinstance(value, float):
                cells.append(f"{value:.2f}")
            else:
                cells.append(shorten("" if value is None else str(plain(value)), 60))
        table.add_row(*cells)
    print_table(table)


@threads_app.command("failures")
def threads_failures(
    config: ConfigOption = None,
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many, newest attempt first (0: all).")] = 0,
    format: FormatOption = "table",
) -> None:
    """Relevant articles the assigner raised on (thread_failures): article, title, error, the threading
    version that failed. They wait without a thread until the version changes (\\[threads] or the algorithm)."""
    from warehouse.db import connect
    from warehouse.threads import list_thread_failures

    check_format(format, TABLE_FORMATS)
    if limit < 0:
        raise fail(f"--limit must be 0 (all) or more, got {limit}")
    with reported_errors():
        cfg = load_config(config, db=db)
        with connect(cfg.warehouse.path, read_only=True, wait_s=cfg.warehouse.lock_wait_s) as con:
            result = list_thread_failures(con, limit=limit or None)
    if format != "table":
        write_result(result, format)
        return
    _print_part("thread failures", result, ("article_id", "title", "error", "version"))
    count = len(result.rows)
    console.print(
        f"{count} article{'s' if count != 1 else ''} without a thread; a new threading version retries them",
        style="dim",
    )


@threads_app.command("rebuild")
def threads_rebuild(config: ConfigOption = None, db: DbOption = None) -> None:
    """Every thread again from the stored articles (after changing \\[threads] or the extraction): the runs'
    batches replay in their order, so an unchanged warehouse gets identical threads. One transaction."""
    from pathlib import Path

    from flows.threads import rebuild_threads

    with reported_errors(failed="threads rebuild"):
        cfg = load_config(config, db=db)
        if not Path(cfg.warehouse.path).is_file():
            raise fail(f"warehouse {cfg.warehouse.path} does not exist yet: run `storywatch run` first")
        run_id, outcome = rebuild_threads(cfg)
    console.print(
        f"threads rebuilt (run {run_id}): {outcome.placed} articles in {outcome.batches} batches;"
        f" {outcome.opened} threads opened, {outcome.merged} merged",
        highlight=False,
        soft_wrap=True,
    )
