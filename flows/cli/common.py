"""What every command shares: the consoles, the common options, and the one place that turns an
error into the command's last line and exit status.

Errors that a user can fix (config, seeds, warehouse location or lock) print one line naming the
problem and exit with status 2; a run that failed for another reason exits 1.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from flows.config import Config, ConfigError
from flows.seeds import SeedError
from warehouse.db import WarehouseError

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


def fail(message: str, code: int = 2) -> typer.Exit:
    # The message is plain text: a config key such as "[fetch]" must not be read as rich markup.
    err_console.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


# A command's own errors that the user can fix, each with the line that names the problem.
ErrorLines = Mapping[type[Exception] | tuple[type[Exception], ...], Callable[[Exception], str]]


@contextmanager
def reported_errors(also: ErrorLines | None = None, *, failed: str | None = None) -> Iterator[None]:
    """Report an error raised in the block as one line and exit: USER_ERRORS, then the command's own
    errors in `also` (in their order), each with status 2. With `failed` (a run that stores data),
    Ctrl-C exits 130 and any other error 1 as "<failed> failed: Type: message"; without it they
    propagate unchanged."""
    try:
        yield
    except typer.Exit:
        raise  # a `fail(...)` raised inside the block has already said its line
    except USER_ERRORS as exc:
        raise fail(str(exc)) from None
    except KeyboardInterrupt:
        if failed is None:
            raise
        raise fail("interrupted: nothing of this run was stored", 130) from None
    except Exception as exc:
        for kinds, line in (also or {}).items():
            if isinstance(exc, kinds):
                raise fail(line(exc)) from None
        if failed is None:
            raise
        raise fail(f"{failed} failed: {type(exc).__name__}: {exc}", 1) from None


TABLE_FORMATS = ("table", "csv", "json")


def check_format(format: str, formats: Sequence[str]) -> None:
    """A `--format` that is not one of `formats` stops the command with a line that lists them."""
    if format not in formats:
        raise fail(f"unknown --format {format!r}: use {', '.join(formats[:-1])} or {formats[-1]}")


def lock_wait(cfg: Config, wait: float | None) -> float:
    """How long a reader waits for a held lock: `--wait`, else `[warehouse] lock_wait_s`."""
    if wait is None:
        return cfg.warehouse.lock_wait_s
    if not math.isfinite(wait) or wait < 0:
        raise fail(f"--wait must be a number of seconds, 0 or more; got {wait}")
    return wait


def tell_waiting(wait_s: float) -> Callable[[Exception], None]:
    """The note a reader prints when it finds the warehouse locked and starts waiting."""

    def note(locked: Exception) -> None:
        err_console.print(f"{locked}; waiting up to {wait_s:g} s", style="dim", highlight=False, soft_wrap=True)

    return note


def iso_date(value: object) -> datetime | None:
    """An ISO date or date-time (naive UTC) from the command line or a JSON line; None when absent."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(value)
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed.astimezone(UTC).replace(tzinfo=None) if parsed.tzinfo else parsed
