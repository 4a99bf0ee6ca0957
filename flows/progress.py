"""Progress of long work (extraction, re-extraction, feed polling, page fetching, export), for people.

On a terminal (stderr is a TTY): a rich progress bar with counts, rate and ETA. Otherwise (piped,
cron, `storywatch serve`, `STORYWATCH_PROGRESS=plain`): plain lines on stderr, no ANSI, one every
PLAIN_EVERY_S seconds and at each tenth of the total, and one when the work ends:

    extracting texts: 1,200/4,000 (30%), 41.3/s, about 68 s left

`STORYWATCH_PROGRESS=off` shows nothing. In plain mode, work shorter than QUIET_S prints only its
final line, and work with nothing to do (total 0) nothing. Progress goes to stderr, so piped results stay clean.
Nested work (re-extraction batches, the extraction inside each) shares one live display.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Iterator
from typing import IO, Any

PLAIN_EVERY_S = 10.0  # a plain line at least this often while work goes on
PLAIN_STEPS = 10  # … and each time another tenth of the total is done
QUIET_S = 2.0  # plain mode: no periodic line before this (short work prints its final line only)
ENV = "STORYWATCH_PROGRESS"  # "bar", "plain" or "off"; unset: bar on a terminal, else plain

_LOCK = threading.Lock()
_live: Any = None  # the rich Progress shown now, shared by nested bars
_live_users = 0


def mode(stream: IO[str] | None = None) -> str:
    """ "bar", "plain" or "off": STORYWATCH_PROGRESS, else a bar when `stream` (stderr) is a terminal."""
    chosen = os.environ.get(ENV, "").strip().lower()
    if chosen in ("bar", "plain", "off"):
        return chosen
    stream = stream or sys.stderr
    try:
        return "bar" if stream.isatty() and os.environ.get("TERM") != "dumb" else "plain"
    except (AttributeError, ValueError):  # a closed or unusual stream
        return "plain"


def _number(value: float) -> str:
    return f"{value:,.0f}"


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


class Progress:
    """Counts of one piece of work; `advance` is thread-safe."""

    def __init__(self, description: str, total: int | None, unit: str, how: str, stream: IO[str]) -> None:
        self.description = description
        self.total = total
        self.unit = unit
        self.done = 0
        self._how = how
        self._stream = stream
        self._lock = threading.Lock()
        self._started = time.monotonic()
        self._last_line = self._started
        self._last_step = 0
        self._printed_done: int | None = None  # `done` when the last plain line was printed
        self._task_id: Any = None

    def line(self) -> str:
        """The plain progress line: done/total (percent), rate, time left."""
        elapsed = time.monotonic() - self._started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        unit = f" {self.unit}" if self.unit else ""
        if self.total:
            counts = f"{_number(self.done)}/{_number(self.total)}{unit} ({self.done / self.total:.0%})"
        else:
            counts = f"{_number(self.done)}{unit}"
        text = f"{self.description}: {counts}"
        text += f", {rate:,.1f}/s"
        if self.total and rate > 0 and self.done < self.total:
            text += f", about {_duration((self.total - self.done) / rate)} left"
        elif self.total and self.done >= self.total:
            text += f", done in {_duration(elapsed)}"
        return text

    def advance(self, amount: int = 1) -> None:
        with self._lock:
            self.done += amount
            if self._how == "bar" and _live is not None and self._task_id is not None:
                _live.update(self._task_id, completed=self.done)
            elif self._how == "plain":
                self._maybe_print()

    def _maybe_print(self) -> None:
        now = time.monotonic()
        step = self.done * PLAIN_STEPS // self.total if self.total else 0  # tenths done, in whole numbers
        due = now - self._last_line >= PLAIN_EVERY_S or step > self._last_step
        if due and now - self._started >= QUIET_S:
            self._print()
            self._last_line, self._last_step = now, step

    def _print(self) -> None:
        print(self.line(), file=self._stream, flush=True)
        self._printed_done = self.done

    def _finish(self) -> None:
        if self._how == "plain" and (self.total or self.done) and self._printed_done != self.done:
            self._print()


@contextlib.contextmanager
def progress(
    description: str, total: int | None, *, unit: str = "", stream: IO[str] | None = None
) -> Iterator[Progress]:
    """Show the progress of work of `total` items (None: unknown) while the block runs."""
    stream = stream or sys.stderr
    how = mode(stream)
    tracker = Progress(description, total, unit, how, stream)
    if how != "bar":
        yield tracker
        tracker._finish()  # not when the work failed: its error says what happened, not a last count
        return
    live = _acquire_live(stream)
    tracker._task_id = live.add_task(description, total=total, unit=unit)
    try:
        yield tracker
    finally:
        live.remove_task(tracker._task_id)
        _release_live()


def _acquire_live(stream: IO[str]) -> Any:
    global _live, _live_users
    with _LOCK:
        if _live is None:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TaskProgressColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as RichProgress

            _live = RichProgress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[unit]}"),
                TaskProgressColumn(),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(file=stream),
                transient=True,
            )
            _live.start()
        _live_users += 1
        return _live


def _release_live() -> None:
    global _live, _live_users
    with _LOCK:
        _live_users -= 1
        if _live_users == 0 and _live is not None:
            _live.stop()
            _live = None
