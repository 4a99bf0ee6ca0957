"""Story threads as a pipeline step: after each run's load, its new relevant articles (and any relevant
article still without a thread) join a thread or open one; `rebuild` replays every batch.

Assignment is pure (extractors/threads.py); the reads and writes are warehouse/threads.py's; this
module runs one between the others inside one transaction, so a failure changes nothing stored.
The step never fails its run: an error is recorded on the run (runs.errors, message) and the articles
stay unthreaded, so the next run picks them up again. An article the assigner raises on is isolated
(its chunk is split in halves until it stands alone): the others are threaded, and it is recorded in
thread_failures, to be retried under a new threading version only (a rebuild replays it in its batch).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from extractors.threads import ArticleFeatures, Threading, ThreadSettings, ThreadState, assign, candidate_window
from flows.config import Config
from flows.runs import start_run, versions
from flows.tracking import run_logger, task
from warehouse import threads as store
from warehouse.db import WarehouseLockedError, connect

if TYPE_CHECKING:
    import duckdb


# A run's unthreaded articles are assigned this many at a time (in order; the candidate threads are read
# again between chunks): the first run after an upgrade, or a rebuild, may hold the whole warehouse.
# A rebuild chunks each run's articles the same way, so it reproduces the runs exactly.
ASSIGN_CHUNK = 500


@dataclass
class ThreadsOutcome:
    """What a thread step did."""

    placed: int = 0  # articles given a thread
    opened: int = 0  # threads opened
    merged: int = 0  # threads absorbed by another
    left: int = 0  # articles that left their thread (no longer relevant)
    batches: int = 0  # batches assigned (a rebuild replays many)
    failed: list[str] = field(default_factory=list)  # "article_id: error" of articles the assigner raised on
    errors: list[str] = field(default_factory=list)


def features(row: Mapping[str, Any]) -> ArticleFeatures:
    """An ArticleFeatures from its warehouse row (lists become tuples)."""
    return ArticleFeatures(**{k: tuple(v) if isinstance(v, list) else v for k, v in row.items()})


Row = dict[str, Any]


class StoredThreads:
    """The thread tables in the warehouse, as a batch is assigned against them (inside the caller's
    transaction): each chunk reads the candidate threads stored by the chunk before."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def candidates(self, since: datetime, until: datetime) -> list[ThreadState]:
        return [ThreadState.from_json(t, state) for t, state in store.candidate_states(self.con, since, until)]

    def clock(self) -> datetime | None:
        return store.story_clock(self.con)

    def opened_runs(self, thread_ids: Sequence[str]) -> dict[str, str]:
        return store.opened_runs(self.con, thread_ids)

    def write(self, placements: list[Row], threads: list[Row], changes: list[Row]) -> None:
        store.write_threading(self.con, placements, threads, changes)
        store.clear_failures(self.con, [p["article_id"] for p in placements])

    def record_failure(self, failure: Row) -> None:
        store.record_failures(self.con, [failure])

    def note_seen(self, seen_at: datetime) -> None:
        """Nothing to do: the clock is read from the stored articles."""


class ReplayedThreads:
    """The thread tables as a rebuild makes them, in memory, written once at the end: the same reads
    as StoredThreads (warehouse/threads.py: candidate_states, story_clock) over the rows made so far,
    so a replay gives what the runs stored."""

    def __init__(self) -> None:
        self.threads: dict[str, Row] = {}
        self.placements: dict[str, Row] = {}
        self.members: dict[str, list[str]] = {}  # thread → its articles now
        self.changes: list[Row] = []
        self.failures: dict[str, Row] = {}
        self.latest: datetime | None = None

    def candidates(self, since: datetime, until: datetime) -> list[ThreadState]:
        return [
            ThreadState.from_json(thread_id, row["state"])
            for thread_id, row in sorted(self.threads.items())
            if row["status"] == "active"
            or (row["status"] != "merged" and row["last_seen"] >= since and row["first_seen"] <= until)
        ]

    def clock(self) -> datetime | None:
        return self.latest

    def opened_runs(self, thread_ids: Sequence[str]) -> dict[str, str]:
        return {t: self.threads[t]["opened_run_id"] for t in thread_ids if t in self.threads}

    def write(self, placements: list[Row], threads: list[Row], changes: list[Row]) -> None:
        for row in placements:
            self.placements[row["article_id"]] = row
            self.members.setdefault(row["thread_id"], []).append(row["article_id"])
        self.threads.update((row["thread_id"], row) for row in threads)
        self.changes += changes
        for change in changes:
            if change["change"] == "merged":
                moved = self.members.pop(change["other_thread_id"], [])
                for article_id in moved:
                    self.placements[article_id]["thread_id"] = change["thread_id"]
                self.members.setdefault(change["thread_id"], []).extend(moved)

    def record_failure(self, failure: Row) -> None:
        self.failures[failure["article_id"]] = failure

    def note_seen(self, seen_at: datetime) -> None:
        self.latest = seen_at if self.latest is None else max(self.latest, seen_at)


Target = StoredThreads | ReplayedThreads


def assign_batch(
    target: Target, batch: Sequence[ArticleFeatures], settings: ThreadSettings, run_id: str, outcome: ThreadsOutcome
) -> set[str]:
    """Assign a run's batch (in assignment order), ASSIGN_CHUNK articles at a time, each chunk against
    the candidate threads `target` holds by then. Returns the threads it touched."""
    outcome.batches += 1
    touched: set[str] = set()
    for start in range(0, len(batch), ASSIGN_CHUNK):
        touched |= _assign_isolating(target, batch[start : start + ASSIGN_CHUNK], settings, run_id, outcome)
    return touched


def _assign_isolating(
    target: Target, chunk: Sequence[ArticleFeatures], settings: ThreadSettings, run_id: str, outcome: ThreadsOutcome
) -> set[str]:
    """Assign `chunk` and write it; if the assigner raises, the halves in turn (the same split in a
    rebuild), down to the article that raises, which is recorded as failed. Reading the candidates
    is not isolated: an unreadable stored thread fails the step (nothing written; the next run retries)."""
    since, until = candidate_window(chunk, settings)
    candidates = target.candidates(since, until)
    try:
        threading = assign(chunk, candidates, settings, clock=target.clock())
    except Exception as exc:
        if len(chunk) > 1:
            half = len(chunk) // 2
            return _assign_isolating(target, chunk[:half], settings, run_id, outcome) | _assign_isolating(
                target, chunk[half:], settings, run_id, outcome
            )
        (article,) = chunk
        error = f"{type(exc).__name__}: {exc}"
        target.record_failure(
            {
                "article_id": article.article_id,
                "run_id": run_id,
                "error": error,
                "version": settings.version,
                "failed_at": datetime.now(UTC).replace(tzinfo=None),
            }
        )
        outcome.failed.append(f"{article.article_id}: {error}")
        return set()
    opened = target.opened_runs([t.thread_id for t in threading.threads])
    placements, threads, changes = _rows(threading, settings.version, run_id, opened)
    target.write(placements, threads, changes)
    target.note_seen(max(a.seen_at for a in chunk))
    outcome.placed += len(placements)
    outcome.opened += sum(c["change"] == "opened" for c in changes)
    outcome.merged += sum(c["change"] == "merged" for c in changes)
    return {t["thread_id"] for t in threads}


def _rows(
    threading: Threading, version: str, run_id: str, opened: Mapping[str, str]
) -> tuple[list[Row], list[Row], list[Row]]:
    """Threading → rows of thread_articles, threads (aggregates filled in later) and thread_changes;
    `opened`: the run that opened each thread already stored."""
    # Placement and ThreadChange name their fields as the tables name their columns.
    placements = [asdict(p) | {"joined_thread_id": p.thread_id, "run_id": run_id} for p in threading.placements]
    threads = [
        {
            "thread_id": t.thread_id,
            "label": t.label,
            "first_seen": t.first_seen,
            "last_seen": t.last_seen,
            "articles": 0,
            "outlets": 0,
            "stories": 0,
            "main_actors": [],
            "main_event_types": [],
            "status": t.status,
            "merged_into": t.merged_into,
            "opened_run_id": opened.get(t.thread_id, run_id),
            "updated_run_id": run_id,
            "version": version,
            "state": t.to_json(),
        }
        for t in threading.threads
    ]
    changes = [asdict(c) | {"run_id": run_id} for c in threading.changes]
    return placements, threads, changes


def assign_new(con: duckdb.DuckDBPyConnection, settings: ThreadSettings, run_id: str) -> ThreadsOutcome:
    """In one transaction: articles no longer relevant leave their thread, then every relevant article
    without a thread is assigned as one batch (order: seen_at, article_id). Nothing new: nothing written."""
    outcome = ThreadsOutcome()
    with store.transaction(con):
        left = store.release_irrelevant(con, run_id)
        outcome.left = len(left)
        touched = {thread_id for thread_id, _ in left}
        store.drop_irrelevant_failures(con)
        rows = store.unthreaded_features(con, settings.version)
        if rows:
            touched |= assign_batch(StoredThreads(con), [features(r) for r in rows], settings, run_id, outcome)
        store.refresh_aggregates(con, sorted(touched))
    return outcome


def rebuild(
    con: duckdb.DuckDBPyConnection, settings: ThreadSettings, run_id: str, run_row: Mapping[str, Any] | None = None
) -> ThreadsOutcome:
    """Every thread again from the stored articles, in one transaction: the batches replay (in memory)
    in the order they were assigned, each with its own run id, so an unchanged warehouse gives
    identical tables; then relevant articles never assigned go in one more batch under `run_id`.
    Everything is written at the end, at once. `run_row`: the rebuild's own `runs` row."""
    outcome = ThreadsOutcome()
    with store.transaction(con):
        if run_row is not None:
            store.store_run(con, run_row)
        relevant = store.relevant_features(con)
        batches = store.assigned_batches(con)
        replay = ReplayedThreads()
        replayed: set[str] = set()
        for batch_run_id, article_ids in batches:
            rows = [relevant[a] for a in article_ids if a in relevant]  # relevant ones only
            replayed.update(article_ids)
            if rows:
                rows.sort(key=lambda r: (r["seen_at"], r["article_id"]))
                assign_batch(replay, [features(r) for r in rows], settings, batch_run_id, outcome)
        rest = [features(r) for a, r in relevant.items() if a not in replayed]
        if rest:
            assign_batch(replay, sorted(rest, key=lambda f: (f.seen_at, f.article_id)), settings, run_id, outcome)
        store.clear_threads(con)
        # Placements already name each article's thread after every merge: no merge to apply again.
        store.write_threading(con, list(replay.placements.values()), list(replay.threads.values()), [])
        store.append_changes(con, replay.changes)
        store.record_failures(con, list(replay.failures.values()))
        store.refresh_aggregates(con)
    return outcome


@task(name="threads")
def assign_threads(config: Config, run_id: str, *, rebuild_all: bool = False) -> ThreadsOutcome:
    """The run's thread step: ingest assigns its new articles (after the load, before alerts);
    reextract rebuilds every thread (`rebuild_all`) after its last batch. Never raises: a locked
    warehouse leaves the work to the next run; any other error is recorded on the run, whose data
    stays stored, and the thread tables stay as they were."""
    outcome = ThreadsOutcome()
    if not config.threads.enabled:
        return outcome
    log = run_logger()
    retry = "threads are rebuilt by `storywatch threads rebuild`" if rebuild_all else "articles wait for the next run"
    try:
        with connect(config.warehouse.path, wait_s=config.warehouse.lock_wait_s) as con:
            settings = config.threads.settings()
            outcome = rebuild(con, settings, run_id) if rebuild_all else assign_new(con, settings, run_id)
    except WarehouseLockedError as exc:
        outcome.errors.append(f"threads: {exc}; {retry}")
    except Exception as exc:
        outcome.errors.append(f"threads: {type(exc).__name__}: {exc}; {retry}")
        _record_error(config, run_id, outcome.errors[-1])
    for failure in outcome.failed:
        log.warning("threads: could not assign article %s; it waits for a new threading version", failure)
    for error in outcome.errors:
        log.warning("%s", error)
    if outcome.placed or outcome.left:
        log.info(
            "threads: %d articles placed, %d threads opened, %d merged, %d articles left",
            *(outcome.placed, outcome.opened, outcome.merged, outcome.left),
        )
    return outcome


def _record_error(config: Config, run_id: str, message: str) -> None:
    try:
        with connect(config.warehouse.path, wait_s=config.warehouse.lock_wait_s) as con:
            store.note_run_error(con, run_id, message)
    except Exception as exc:  # the warehouse itself is the problem: the log says so
        run_logger().warning("threads: could not record the error on run %s: %s", run_id, exc)


def rebuild_threads(config: Config) -> tuple[str, ThreadsOutcome]:
    """`storywatch threads rebuild`: every thread again, recorded as a run of its own (its versions
    say which threading made the threads); returns its run id and what it did. Raises on failure,
    and nothing changes then."""
    run = start_run(config)
    run.finish_row(versions(config), errors=0)
    run.row["message"] = "threads rebuild"
    with connect(config.warehouse.path, wait_s=config.warehouse.lock_wait_s) as con:
        return run.run_id, rebuild(con, config.threads.settings(), run.run_id, run.row)
