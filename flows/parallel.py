"""Where extraction runs: in this process, on a local process pool, or on a Dask cluster.

The texts are cut into contiguous chunks (extractors/chunks.py); each chunk is extracted by a worker
process that loads the spaCy pipeline once and returns plain `Extraction` records, and the chunks'
results are concatenated in input order, so every mode gives exactly what one process gives.

The mode comes from the config:

- `[nlp] n_process = 1` (default): in this process; nothing to start, the fastest for small runs.
- `[nlp] n_process = N > 1` (or -1: one per core): a process pool of N workers, started on first
  use and kept for the life of this process, so a long-lived process pays its start-up (spawning
  the workers and loading the model in each) once.
- `[runtime] task_runner = "dask"`: one Prefect task per chunk on Prefect's Dask task runner
  (prefect-dask), connected to the cluster at `[runtime] dask_address` (or, without an address, to a
  temporary local cluster of `n_process` workers, started for the run).
- `[runtime] task_runner = "process"`: one Prefect task per chunk on Prefect's ProcessPoolTaskRunner
  (its workers live for one run: each run pays their start-up).

A flow started with a Dask or process-pool task runner (`ingest.with_options(task_runner=...)`) sends
its chunks to that runner, whatever the config says. Loading stays where the flow runs: one writer.

One text never costs the others their records. In every mode a text whose extraction raises gets a
record with `error` (extractors.extract.extract_texts). A worker process that dies (killed, out of
memory, crashed) takes its chunk down: the local pool then extracts that chunk's texts again one
per task, and those that fail again one at a time, so only the text the worker dies on is lost,
and it gets an error record; a chunk whose Prefect task failed (Dask, process runner) is extracted
again that way, on this process's local pool.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner

from extractors.chunks import Chunk, extract_chunk, singles, split_chunks, warm_pipeline, word_count
from extractors.extract import PublishedAt, failed_extraction
from extractors.records import Extraction
from extractors.relevance import RelevanceGate
from flows.config import Config, NlpConfig, RuntimeConfig
from flows.progress import progress
from flows.resident import init_worker, load_resident

extract_chunk_task = task(extract_chunk, name="extract-chunk", cache_policy=NO_CACHE)


@dataclass
class ExtractionStats:
    """What this process has sent to NLP (the benchmark reads it to prove a no-input run sent nothing)."""

    calls: int = 0
    documents: int = 0
    words: int = 0


STATS = ExtractionStats()


def worker_count(nlp: NlpConfig) -> int:
    """`n_process`, with -1 meaning one worker per core."""
    if nlp.n_process == -1:
        return os.cpu_count() or 1
    return max(1, nlp.n_process)


def extraction_mode(config: Config, flow_runner: TaskRunner[Any] | None = None) -> str:
    """The mode: "flow-runner", "dask", "process", "pool" or "inline" (see the module docstring)."""
    if flow_runner is not None and _is_distributing(flow_runner):
        return "flow-runner"
    if config.runtime.task_runner in ("dask", "process"):
        return config.runtime.task_runner
    return "pool" if worker_count(config.nlp) > 1 else "inline"


def relevance_gate(config: Config) -> RelevanceGate:
    """The `[topic]` relevance test extraction applies (extractors.relevance.RelevanceGate)."""
    topic = config.topic
    return RelevanceGate(tuple(topic.actors), tuple(topic.keywords), topic.min_relevance)


def extract_parallel(
    texts: Sequence[str],
    published_at: Sequence[PublishedAt] | None,
    config: Config,
    gate: RelevanceGate | None = None,
    languages: Sequence[str | None] | None = None,
) -> list[Extraction]:
    """The extractions of `texts`, in input order, wherever the config says extraction runs; each
    carries its `[topic]` relevance (by `gate` when the caller has built it), and a text below
    `min_relevance` only its mentions. languages: each text's (ISO 639-1; None: detected)."""
    if not texts:
        return []
    STATS.calls += 1
    STATS.documents += len(texts)
    STATS.words += sum(word_count(t) for t in texts)
    model, batch_size, gate = config.nlp.model, config.nlp.batch_size, gate or relevance_gate(config)
    max_chars = config.nlp.max_chars
    context = FlowRunContext.get()
    flow_runner = context.task_runner if context else None
    mode = extraction_mode(config, flow_runner)
    with progress("extracting", total=len(texts), unit="texts") as shown:
        if mode == "inline":
            # Chunks of up to MAX_CHUNK_WORDS words, not eight per run (a pool's load balancing has no
            # use here): nlp.pipe then gets whole batches of `batch_size` texts, as raw nlp.pipe does
            # (batches of the ~10 texts an eighth of a bench run holds cost ~4 % more parse CPU);
            # progress advances text by text. Each text's records are its own: the same in any chunks.
            results: list[Extraction] = []
            load_resident(model)  # the first time in this process: loaded, then frozen (flows/resident.py)
            for chunk in split_chunks(texts, published_at, per_worker=1, languages=languages):
                results += extract_chunk(chunk, model, batch_size, gate, max_chars, on_text=shown.advance)
            return results
        if mode == "pool":
            workers = worker_count(config.nlp)
            chunks = split_chunks(texts, published_at, workers=workers, languages=languages)
            results = _extract_on_pool(chunks, model, batch_size, gate, workers, max_chars, on_done=shown.advance)
        elif mode == "flow-runner":
            assert flow_runner is not None
            results = _extract_on_runner(flow_runner, texts, published_at, config, gate, languages)
        elif context is None:
            raise RuntimeError(f'[runtime] task_runner = "{mode}" submits Prefect tasks: call this inside a flow run')
        else:
            with task_runner_for(config.runtime, config.nlp) as runner:
                results = _extract_on_runner(runner, texts, published_at, config, gate, languages)
        shown.advance(len(texts) - shown.done)  # texts retried after a lost worker, or a runner's whole batch
        return results


def task_runner_for(runtime: RuntimeConfig, nlp: NlpConfig) -> TaskRunner[Any]:
    """The Prefect task runner `[runtime] task_runner` names (not started), e.g. for
    `ingest.with_options(task_runner=task_runner_for(config.runtime, config.nlp))`."""
    if runtime.task_runner == "dask":
        from prefect_dask import DaskTaskRunner

        if runtime.dask_address:
            return DaskTaskRunner(address=runtime.dask_address)
        return DaskTaskRunner(
            cluster_kwargs={"n_workers": worker_count(nlp), "threads_per_worker": 1, "processes": True}
        )
    if runtime.task_runner == "process":
        return ProcessPoolTaskRunner(max_workers=worker_count(nlp))
    from prefect.task_runners import ThreadPoolTaskRunner

    return ThreadPoolTaskRunner()


# --- Prefect task runners (Dask, process pool) -----------------------------------------------------


def _is_distributing(runner: TaskRunner[Any]) -> bool:
    return isinstance(runner, ProcessPoolTaskRunner) or type(runner).__module__.startswith("prefect_dask")


def _runner_workers(runner: TaskRunner[Any], default: int) -> int:
    if type(runner).__module__.startswith("prefect_dask"):
        try:
            return max(1, sum(runner.client.nthreads().values()))  # type: ignore[attr-defined]
        except Exception:  # the count only shapes the chunks
            return default
    return int(getattr(runner, "_max_workers", default) or default)


def _extract_on_runner(
    runner: TaskRunner[Any],
    texts: Sequence[str],
    published_at: Sequence[PublishedAt] | None,
    config: Config,
    gate: RelevanceGate,
    languages: Sequence[str | None] | None = None,
) -> list[Extraction]:
    """One Prefect task per chunk, submitted all at once; results gathered in chunk order.

    A chunk whose task failed (its worker died: Dask's KilledWorker, a broken process pool) is
    extracted again here, on this process's local pool, text by text (`_extract_on_pool`): a
    broken ProcessPoolTaskRunner takes no more work, and a cluster that lost a worker to a text
    would lose the next one to it too."""
    workers = _runner_workers(runner, worker_count(config.nlp))
    chunks = split_chunks(texts, published_at, workers=workers, languages=languages)
    results: dict[int, list[Extraction]] = {}
    failed = _run_on_runner(runner, chunks, config, gate, results)
    if failed:
        nlp = config.nlp
        retried = [single for chunk, _ in failed for single in singles(chunk)]
        try:
            redone = _extract_on_pool(retried, nlp.model, nlp.batch_size, gate, worker_count(nlp), nlp.max_chars)
        finally:
            shutdown_pool()  # started for this rescue only: its workers' models are not kept
        for single, extraction in zip(retried, redone, strict=True):
            results[single.start] = [extraction]
    return [extraction for start in sorted(results) for extraction in results[start]]


def _run_on_runner(
    runner: TaskRunner[Any],
    chunks: list[Chunk],
    config: Config,
    gate: RelevanceGate,
    results: dict[int, list[Extraction]],
) -> list[tuple[Chunk, Exception]]:
    """Submit every chunk; store each result under its start; return the chunks that failed."""
    futures = [
        runner.submit(
            extract_chunk_task,  # type: ignore[arg-type]
            {
                "chunk": chunk,
                "model": config.nlp.model,
                "batch_size": config.nlp.batch_size,
                "gate": gate,
                "max_chars": config.nlp.max_chars,
            },
        )
        for chunk in chunks
    ]
    failed: list[tuple[Chunk, Exception]] = []
    for chunk, future in zip(chunks, futures, strict=True):
        try:
            results[chunk.start] = future.result()
        except Exception as exc:  # the worker died (KilledWorker, BrokenProcessPool): extract_chunk never raises
            failed.append((chunk, exc))
    return failed


def _lost(single: Chunk, exc: BaseException, max_chars: int) -> Extraction:
    """The record of a text whose worker process died while extracting it, alone."""
    (text,) = single.texts
    return failed_extraction(text, exc, max_chars)


# --- the local process pool ------------------------------------------------------------------------

_POOL_LOCK = threading.Lock()
_POOL: tuple[tuple[str, int], ProcessPoolExecutor] | None = None


@dataclass(frozen=True)
class PoolStart:
    workers: int
    seconds: float


def _pool_context() -> multiprocessing.context.BaseContext:
    """'forkserver': workers are forked from a small server process that has imported spaCy and the
    extractors once (never from this process, whose threads make fork unsafe). Like 'spawn', each
    worker re-imports the main module; preloading it in the server makes that a dictionary lookup."""
    context = multiprocessing.get_context("forkserver")
    preload = ["flows.pool_preload", "extractors.chunks", "flows.resident"]
    main_spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    if main_spec is not None and main_spec.name not in ("__main__", "__mp_main__"):
        preload.append(main_spec.name)
    context.set_forkserver_preload(preload)  # type: ignore[attr-defined]
    return context


def process_pool(model: str, workers: int) -> ProcessPoolExecutor:
    """The process's pool for (model, workers), started (workers spawned, model loaded) on first use."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is not None and _POOL[0] == (model, workers):
            return _POOL[1]
        if _POOL is not None:
            _POOL[1].shutdown(wait=True, cancel_futures=True)
            _POOL = None
        pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=_pool_context(), initializer=init_worker, initargs=(model,)
        )
        _POOL = ((model, workers), pool)
        return pool


def start_pool(model: str, workers: int) -> PoolStart:
    """Start the pool now and wait until every worker has loaded the model (the benchmark times this;
    a scheduled process may call it at start-up)."""
    started = time.perf_counter()
    pool = process_pool(model, workers)
    list(pool.map(warm_pipeline, [model] * workers))  # each worker's initializer has run once this returns
    return PoolStart(workers=workers, seconds=time.perf_counter() - started)


def shutdown_pool() -> None:
    """Stop the pool's workers (at exit, or when a test is done with them)."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is not None:
            _kill_if_broken(_POOL[1])
            _POOL[1].shutdown(wait=True, cancel_futures=True)
            _POOL = None


atexit.register(shutdown_pool)


def _kill_if_broken(pool: ProcessPoolExecutor) -> None:
    """A broken pool's manager thread SIGTERMs and then joins every worker; a forkserver worker seen
    to miss that (alive, idle in its queue read) blocks the thread, and so `shutdown(wait=True)` and
    interpreter exit, forever. Kill what is still alive of a broken pool."""
    if not getattr(pool, "_broken", False):
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        if process.is_alive():
            process.kill()


def _discard_pool(pool: ProcessPoolExecutor) -> None:
    global _POOL
    with _POOL_LOCK:
        if _POOL is not None and _POOL[1] is pool:
            _POOL = None
    _kill_if_broken(pool)
    pool.shutdown(wait=False, cancel_futures=True)


def _extract_on_pool(
    chunks: list[Chunk],
    model: str,
    batch_size: int,
    gate: RelevanceGate,
    workers: int,
    max_chars: int,
    on_done: Callable[[int], None] | None = None,
) -> list[Extraction]:
    """Chunks on the local pool, results in chunk order.

    A worker that dies (killed, out of memory, crashed) breaks the pool and every chunk in flight
    with it. The pool is replaced and the broken chunks' texts are extracted again one per task;
    those that break it again are extracted one at a time, alone on a fresh pool, so the text a
    worker dies on is found and gets an error record, and every other text its own records.
    on_done(n): n more texts extracted (first pass; progress)."""
    results: dict[int, list[Extraction]] = {}
    failed = _run_on_pool(chunks, model, batch_size, gate, workers, max_chars, results, on_done)
    if failed:
        failed = _run_on_pool(
            [single for chunk in failed for single in singles(chunk)],
            model, batch_size, gate, workers, max_chars, results,
        )  # fmt: skip
    for single in failed:
        if _run_on_pool([single], model, batch_size, gate, workers, max_chars, results):
            died = BrokenProcessPool("the worker process extracting this text died (killed, out of memory or crashed)")
            results[single.start] = [_lost(single, died, max_chars)]
    return [extraction for start in sorted(results) for extraction in results[start]]


def _run_on_pool(
    chunks: list[Chunk],
    model: str,
    batch_size: int,
    gate: RelevanceGate,
    workers: int,
    max_chars: int,
    results: dict[int, list[Extraction]],
    on_done: Callable[[int], None] | None = None,
) -> list[Chunk]:
    """Extract the chunks on the pool at once; store each result under its start; return the chunks
    lost to a broken pool (which is then discarded: the next call starts a fresh one)."""
    pool = _working_pool(model, workers)
    futures = [pool.submit(extract_chunk, chunk, model, batch_size, gate, max_chars) for chunk in chunks]
    failed: list[Chunk] = []
    for chunk, future in zip(chunks, futures, strict=True):
        try:
            results[chunk.start] = future.result()
        except BrokenProcessPool:
            failed.append(chunk)
            continue
        if on_done is not None:
            on_done(len(chunk.texts))
    if failed:
        _discard_pool(pool)
    return failed


def _working_pool(model: str, workers: int) -> ProcessPoolExecutor:
    """The pool, checked when it is new: workers that cannot even start (the model does not load)
    are the run's failure, not a text's."""
    with _POOL_LOCK:
        fresh = _POOL is None or _POOL[0] != (model, workers)
    pool = process_pool(model, workers)
    if fresh:
        try:
            pool.submit(warm_pipeline, model).result()
        except BrokenProcessPool as exc:
            _discard_pool(pool)
            raise RuntimeError(f"the extraction pool's worker processes cannot start: {exc}") from exc
    return pool
