"""`storywatch` — a thin command line over flows/ and warehouse/.

The commands live by what they do: `runs` (run, reextract, serve), `reading` (sql, export, feeds,
failures, report), `extract`, `alerts`, `threads`; `common` holds the shared options and the one place errors
become a line and an exit status (`reported_errors`); `output` writes tables, CSV and JSON.
Each command imports what it needs when it runs, so `storywatch --help` stays quick.
"""

from __future__ import annotations

import typer

from flows.cli import extract, reading, runs
from flows.cli.alerts import alerts_app
from flows.cli.threads import threads_app

__all__ = ["app"]

app = typer.Typer(
    name="storywatch",
    help="Follow the China–North Korea–Russia story: ingest seeds and feeds into DuckDB, query it with SQL.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Registered in the order `storywatch --help` lists them.
app.command()(runs.run)
app.command()(runs.reextract)
app.command()(reading.sql)
app.command()(reading.export)
app.command()(reading.feeds)
app.command()(reading.failures)
app.command(help=extract.EXTRACT_HELP)(extract.extract)
app.command()(runs.serve)
app.add_typer(alerts_app, name="alerts")
app.add_typer(threads_app, name="threads")
app.command()(reading.report)
