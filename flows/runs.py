"""A flow run's bookkeeping: its summary, its `runs` row, its visits to the warehouse, its load.

Shared by the ingest flow (flows/pipeline.py) and the reextract flow (flows/reextract.py): a run
starts (`start_run`), records a failure however its body raises (`Run.recording_failure`), loads
its batches or stages them while the warehouse is locked (`load_run`), and ends with a summary.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from extractors import dedup
from extractors.nlp import pipeline_versions
from extractors.records import EXTRACTOR_VERSION
from flows.config import DEFAULT_DB_PATH, Config
from flows.documents import Document
from flows.tracking import flow_run_id, task, tracking_api_url
from warehouse.db import WarehouseError, WarehouseLockedError, connect, utcnow, warehouse_id
from warehouse.load import RunBatch, batch_to_arrow, record_failed_run
from warehouse.staging import LoadOutcome, WarehouseIdentity, load_or_stage, staging_root

if TYPE_CHECKING:
    import duckdb


@dataclass
class RunSummary:
    run_id: str
    flow_run_id: str | None
    status: str
    db_path: str
    articles_seen: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    duplicates: int = 0
    documents_extracted: int = 0
    mentions_new: int = 0
    events_new: int = 0
    feeds_polled: int = 0
    feeds_failed: int = 0
    documents_failed: int = 0  # documents whose processing raised this run (extraction_failures rows written)
    documents_given_up: int = 0  # … of which reached [nlp] max_extraction_attempts
    retried: int = 0  # stored articles whose earlier failure was retried this run
    recovered: int = 0  # … of which succeeded this time
    feeds_deferred: int = 0  # not polled: the run's fetching deadline (run_deadline_s) had passed
    entries_pending: int = 0  # feed entries left in the backlog for later runs
    staged_loaded: list[str] = field(default_factory=list)  # earlier runs' staged batches loaded now
    staged_to: str | None = None  # where this run's batch was staged (warehouse locked)
    elapsed_s: float = 0.0
    totals: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def ensure_warehouse_dir(db_path: str) -> None:
    """Create `data/` for the default location only; any other missing directory is the user's error."""
    if Path(db_path) == Path(DEFAULT_DB_PATH):
        Path(db_path).parent.mkdir(parents=True, exist_ok=True)


T = TypeVar("T")


@dataclass
class WarehouseAccess:
    """The run's short visits to the warehouse, tolerant of another process holding the file.

    Each visit waits up to `wait_s` for the lock. Once the lock is found held, later reads of the
    run use their defaults (nothing known to be stored) instead of waiting again, and the load
    stages the batch as Parquet; upserts on stable keys make the later load exact.

    Steps that follow one another with no slow work between them share one visit (`visit`).
    """

    path: str
    wait_s: float
    locked_by: str | None = None
    warehouse_id: str | None = None  # learnt on the first visit; a staged batch records it
    _open: duckdb.DuckDBPyConnection | None = field(default=None, init=False, repr=False, compare=False)

    def read(self, query: Callable[[duckdb.DuckDBPyConnection], T], default: T) -> T:
        if self.locked_by:
            return default
        if self._open is not None:
            return query(self._open)
        try:
            with connect(self.path, wait_s=self.wait_s) as con:
                self.warehouse_id = self.warehouse_id or warehouse_id(con)
                return query(con)
        except WarehouseLockedError as exc:
            self.locked_by = str(exc)
            return default

    @contextmanager
    def visit(self) -> Iterator[None]:
        """Keep the warehouse open for the block: its reads share one connection, and any other
        connection this process opens to the file meanwhile (the load, the thread step) joins the
        open database. Opening and closing the file costs ~30 ms CPU and a checkpoint, several
        times a run otherwise. The block must hold no slow work (fetching, extraction): other
        processes wait for the file while it is open. A held lock is noted as `read` notes it."""
        if self._open is not None or self.locked_by:
            yield
            return
        with ExitStack() as stack:
            try:
                con = stack.enter_context(connect(self.path, wait_s=self.wait_s))
            except WarehouseLockedError as exc:
                self.locked_by = str(exc)
            else:
                # One DuckDB worker thread while the run holds the file: its statements are small (one
                # run's batch), and a second worker cost more CPU than it saved (flow alone, 2 runs of
                # 75 on-topic texts: 1.47 → 1.36 CPU s). The setting belongs to the open database, so the
                # load, thread step and alert rules that join the visit have it too; it ends with the visit.
                con.execute("SET threads = 1")
                self.warehouse_id = self.warehouse_id or warehouse_id(con)
                self._open = con
            try:
                yield
            finally:
                self._open = None

    def identity(self) -> WarehouseIdentity:
        return WarehouseIdentity.of(self.path, self.warehouse_id)


def versions(config: Config) -> dict[str, str]:
    return pipeline_versions(config.nlp.model) | {
        "extractor": EXTRACTOR_VERSION,
        "dedup": dedup.DEDUP_VERSION,
        "threads": config.threads.settings().version,
    }


@dataclass
class Run:
    """One run of a flow: its summary, its `runs` row so far, its access to the warehouse, and the
    folder its batches are staged in while the warehouse is locked."""

    summary: RunSummary
    row: dict[str, Any]
    access: WarehouseAccess
    staging_dir: str
    started: float  # time.perf_counter() at the start

    @property
    def run_id(self) -> str:
        return self.summary.run_id

    @contextmanager
    def recording_failure(self) -> Iterator[None]:
        """Whatever the block raises marks the run failed in `runs` (when the warehouse can be
        written: a locked or missing one is the error the caller reports), then propagates."""
        try:
            yield
        except Exception as exc:
            self.row.update(finished_at=utcnow(), status="failed", message=f"{type(exc).__name__}: {exc}")
            if not self.access.locked_by:
                _try_record_failure(self.access.path, self.row)
            raise

    def finish_row(self, run_versions: dict[str, str], errors: int) -> None:
        """The `runs` row as the batch about to be loaded records it: completed, with its warnings."""
        self.row.update(
            finished_at=utcnow(),
            status="completed",
            versions=json.dumps(run_versions, sort_keys=True),
            errors=errors,
            message="; ".join(self.summary.errors) or None,
        )

    def count_loaded(self, outcome: LoadOutcome) -> None:
        """Add a loaded batch's counts (and the tables' totals after it) to the summary."""
        assert outcome.result is not None
        self.summary.articles_new += outcome.result.articles_new
        self.summary.articles_updated += outcome.result.articles_updated
        self.summary.mentions_new += outcome.result.mentions_new
        self.summary.events_new += outcome.result.events_new
        self.summary.totals = dict(outcome.totals)

    def note_staged(self, outcome: LoadOutcome, warning: str) -> None:
        """A batch was staged: the summary says where, and `warning` (`{folder}`: where) why."""
        self.summary.staged_to = outcome.staged_to
        self.summary.errors.append(f"{outcome.locked_by}; " + warning.format(folder=outcome.staged_to))

    def finish(self, status: str) -> RunSummary:
        """The run's summary, with its final status and how long it took."""
        self.summary.status = status
        self.summary.elapsed_s = round(time.perf_counter() - self.started, 2)
        return self.summary


def start_run(config: Config) -> Run:
    """A new run of a flow: its summary, its `runs` row so far, and its access to the warehouse."""
    now = utcnow()
    run_id = f"{now:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
    prefect_run = flow_run_id()
    db_path = config.warehouse.path
    return Run(
        summary=RunSummary(run_id=run_id, flow_run_id=prefect_run, status="running", db_path=db_path),
        row={"run_id": run_id, "flow_run_id": prefect_run, "started_at": now},
        access=WarehouseAccess(db_path, config.warehouse.lock_wait_s),
        staging_dir=str(staging_root(db_path, config.warehouse.staging_dir)),
        started=time.perf_counter(),
    )


def _try_record_failure(db_path: str, row: dict[str, Any]) -> None:
    try:
        with connect(db_path) as con:
            record_failed_run(con, row)
    except WarehouseError:
        pass  # the warehouse itself is the problem (locked, missing): the caller reports that


@task(name="load")
def load_run(access: WarehouseAccess, batch: RunBatch, staging_dir: str) -> LoadOutcome:
    """Load the batch in one transaction; if the warehouse stays locked, stage it as Parquet.
    Even after a locked read it tries again: the holder may have let go while the run extracted."""
    tables = batch_to_arrow(batch)
    return load_or_stage(
        access.path, batch.run, tables, wait_s=access.wait_s, staging_dir=staging_dir, identity=access.identity()
    )


def note_failures(summary: RunSummary, batch: RunBatch, retried: Sequence[Document]) -> None:
    """Count the batch's failed documents (and the retried ones that succeeded) into the summary,
    with one line for the run's message."""
    failed = batch.extraction_failures
    failed_ids = {row["article_id"] for row in failed}
    given_up = sum(row["status"] == "given_up" for row in failed)
    summary.documents_failed += len(failed)
    summary.documents_given_up += given_up
    summary.recovered += sum(d.article_id not in failed_ids for d in retried)
    if failed:
        first = failed[0]
        error = first["error"] if len(first["error"]) <= 200 else first["error"][:199] + "…"
        summary.errors.append(
            f"{len(failed)} document(s) failed extraction ({given_up} given up), first {first['article_id']}:"
            f" {error}; see `storywatch failures`"
        )


def one_shot(
    plain: Callable[..., RunSummary], tracked: Callable[[], Any], config: Config, **parameters: Any
) -> RunSummary:
    """Run a flow in this process: as a Prefect flow run when a Prefect server is configured or
    running locally, else as plain calls, without importing Prefect (its temporary server would
    cost several times what a run with nothing new does). See flows/tracking.py.

    plain: the flow's body, given the loaded config; tracked: the Prefect flow (made on demand),
    which takes the config's path (and warehouse) as its parameters and loads it once."""
    api_url = tracking_api_url(config.schedule.server_port)
    if not api_url:
        return plain(config, **parameters)
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: api_url}):
        result: RunSummary = tracked()(config_path=config.source_path, db=config.warehouse.path, **parameters)
        return result
