"""`storywatch alerts`: recent alerts (the default, same as `alerts list`), `test` and `digest`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from flows.cli.common import TABLE_FORMATS, ConfigOption, DbOption, check_format, console, fail, reported_errors
from flows.cli.output import print_table, short_when, shorten, write_result
from flows.config import load_config

alerts_app = typer.Typer(
    help="Alerts: `list` (the default) shows recent alerts; `test` sends a test message through every channel;"
    " `digest` sends the digest now.",
    no_args_is_help=False,
    invoke_without_command=True,
)

AlertLimitOption = Annotated[int, typer.Option("--limit", "-n", help="How many, newest first.")]
AlertStatusOption = Annotated[
    str | None, typer.Option("--status", help="Only this status: pending, sent, failed, digest_pending …")
]
AlertRuleOption = Annotated[str | None, typer.Option("--rule", help="Only this rule.")]
AlertFormatOption = Annotated[str, typer.Option("--format", "-f", help="table, csv or json (every column)")]


def alerts_list(
    ctx: typer.Context,
    config: ConfigOption = None,
    db: DbOption = None,
    limit: AlertLimitOption = 30,
    status: AlertStatusOption = None,
    rule: AlertRuleOption = None,
    format: AlertFormatOption = "table",
) -> None:
    """Recent alerts: rule, status, attempts, title, when sent, last error (channels masked)."""
    if ctx.invoked_subcommand is not None:
        return  # as the group's callback before `test`, `digest` or `list` itself: that command runs next
    from warehouse.alerts import list_alerts
    from warehouse.db import connect, table_exists
    from warehouse.queries import QueryResult

    check_format(format, TABLE_FORMATS)
    with reported_errors():
        cfg = load_config(config, db=db)
        with connect(cfg.warehouse.path, read_only=True, wait_s=cfg.warehouse.lock_wait_s) as con:
            rows = list_alerts(con, limit=limit, status=status, rule=rule) if table_exists(con, "alerts") else []
    if format != "table":
        columns = list(rows[0]) if rows else []
        write_result(QueryResult(columns, [tuple(r.values()) for r in rows]), format)
        return
    # Short columns fit 80 columns; the title is cut with an ellipsis, the last error goes on its own line.
    table = Table(show_header=True, header_style="bold", title="alerts", pad_edge=False)
    for column in ("created", "rule", "status", "tries", "title", "sent"):
        table.add_column(column, overflow="ellipsis", no_wrap=column != "title", max_width=None)
    for r in rows:
        style = {"failed": "red", "gave_up": "red", "pending": "yellow"}.get(r["status"])
        table.add_row(
            short_when(r["created_at"]),
            r["rule"],
            r["status"],
            str(r["attempts"]),
            shorten(r["title"] or "", 60),
            short_when(r["sent_at"]),
            style=style,
        )
    print_table(table)
    for r in rows:
        if r["last_error"]:
            console.print(
                f"{r['alert_id']}: {shorten(r['last_error'], 70)}", style="red", markup=False, highlight=False
            )
    if not rows:
        console.print("no alerts yet: rules are evaluated at the end of every run", style="dim")


# One function, two entries: `storywatch alerts` (the group's callback, list being the default) and
# `storywatch alerts list` take the same options.
alerts_app.callback()(alerts_list)
alerts_app.command("list")(alerts_list)


@alerts_app.command("test")
def alerts_test(config: ConfigOption = None, db: DbOption = None) -> None:
    """Send a test message through every configured channel and report each one's result."""
    from flows.alerts.channels import test_channels

    with reported_errors():
        cfg = load_config(config, db=db)
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
    from flows.alerts.delivery import send_digest

    with reported_errors():
        cfg = load_config(config, db=db)
        report = send_digest(cfg)
    what = f"digest: {report.digest_alerts} new alerts" if report.digest_alerts else "nothing new for a digest"
    console.print(f"{what}; {report.sent} messages sent, {report.failed} failed", highlight=False)
    if report.failed:
        raise typer.Exit(1)
