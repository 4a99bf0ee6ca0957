"""Throughput benchmark: storywatch's runs against spaCy's own speed, on one core and on all.

Run: ``make bench`` or ``python -m bench.throughput [--words 200000] [--rounds 2] [--workers 2]``;
``--on-topic-only`` runs only the on-topic pair of step 3 (baseline and end to end, a few minutes).

What it measures, all in one process and one run, so the ratios hold on a shared machine:

1. baseline: raw ``nlp.pipe`` over the texts, batched, in a memory zone, one process, of the model
   as spaCy ships it plus the gazetteer ruler (``load_stock_pipeline()``: spaCy's own
   attribute_ruler and lemmatizer) — spaCy's own throughput, what every ratio is taken against;
   beside it the same ``nlp.pipe`` of storywatch's pipeline (``load_pipeline()``: those two
   components table-driven, extractors/fast_pipes.py, the same annotations), so the end-to-end
   ratio is printed both against stock spaCy and against storywatch's own parse (its overhead);
2. end-to-end: the real ``ingest`` flow (offline, the texts as a seed folder, a fresh warehouse):
   read, hash, select, extract (mentions, events, quotes, claims), relevance, load into DuckDB;
3. the same with ``[nlp] n_process = --workers`` (a local process pool, started beforehand, as a
   long-lived process keeps it; its start-up is printed apart), and beside it raw ``nlp.pipe`` on
   the same pool (the stock pipeline, loaded in each worker beforehand): what the machine actually
   gave to that many processes during the run;
   then 1 and 2 again on the on-topic texts only: the flow's relevance gate gives off-topic texts
   the entity components only, so on a mixed corpus it can beat the baseline; on texts that all
   pass, everything is parsed and extracted, and the ratio is storywatch's own overhead;
4. a second run over everything with nothing new: wall time, and how many documents reached NLP;
5. Prefect's cost: the flow as a Prefect flow run (its temporary server) against the same code as
   plain calls (how `storywatch run` runs without a Prefect server), with and without input;
7. one-shot commands as whole processes: a no-op ``storywatch run --offline`` (start to exit) beside
   ``python -c pass`` and ``storywatch --help`` in the same rounds, and the same run in-process
   (``--process-only`` runs this step alone, in seconds);
6. memory: ``--memory-runs`` consecutive flow runs in one fresh process, each with new texts; RSS
   after each run, and its growth from run 5 to the last;
8. Korean, Russian and Chinese: the same flow (offline, a fresh warehouse per language) on documents
   built of bench/data/multilingual/sentences.toml (as bench.multilingual_eval builds them: all on
   the story) against English documents of the subset that pass the relevance gate (also all on the
   story, so both get everything they can get), words per second of each as a ratio to English,
   measured in the same rounds, turn about (``--multilingual-only`` runs this step alone, in about a
   minute; ``--multilingual-words``). Chinese words are characters / 1.6 (extractors.multilingual).

The corpus is always built in full (seed + article-extraction ground truth + generated texts, at
least 2,000 documents and ~1M words) and its size printed. Steps 1-3 run on an interleaved subset
of ``--words`` words (``--words 0``: the whole corpus, ~3.5 min per pass and core), split into
``--rounds`` rounds; within a round the three measurements take turns in a rotating order, so a
change in the machine's load mid-run hits them alike. Throughput is words (whitespace-separated) per
wall-clock second; CPU seconds are printed beside, to show how much of the machine the run had.

The flow's first extraction in a process freezes what is then alive (flows/resident.py: `gc.freeze()`
after the pipeline, gazetteer, lexicon and model are loaded); here that is the untimed warm-up run,
through the same `run_ingest` path the timed runs take. The freeze is process-wide, so the baselines
measured in this process (both pipelines were loaded before it) run frozen too.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from flows.prefect_env import apply_prefect_defaults

if TYPE_CHECKING:
    from bench.corpus import BenchDoc
    from extractors.chunks import Chunk

REPO_ROOT = Path(__file__).resolve().parents[1]
T = TypeVar("T")

GOAL_END_TO_END = 0.9
GOAL_PARALLEL = 1.7
GOAL_NO_INPUT = 0.05
GOAL_WHOLE_PROCESS_S = 3.0  # a no-op `storywatch run --offline`, start to exit
GOAL_MULTILINGUAL = 1.0  # ko, ru, zh words per second through the flow, as a multiple of English's


# --- small helpers ---------------------------------------------------------------------------------


def cpu_seconds() -> float:
    """CPU time of this process and its children (pool workers, once they have exited or been waited
    for, are not counted here: see `pool_cpu_seconds`)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def pool_cpu_seconds() -> float:
    """CPU time of this process's live descendants (the extraction pool, the forkserver)."""
    import psutil

    total = 0.0
    for child in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            times = child.cpu_times()
            total += times.user + times.system
    return total


def rss_mb() -> tuple[float, float]:
    """(VmRSS, VmHWM) of this process in MB, from /proc/self/status."""
    values = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", float("nan")), values.get("VmHWM", float("nan"))


@dataclass
class Timing:
    words: int = 0
    docs: int = 0
    wall_s: float = 0.0
    cpu_s: float = 0.0

    def add(self, words: int, docs: int, wall: float, cpu: float) -> None:
        self.words += words
        self.docs += docs
        self.wall_s += wall
        self.cpu_s += cpu

    @property
    def rate(self) -> float:
        return self.words / self.wall_s if self.wall_s else float("nan")


@contextlib.contextmanager
def measured(timing: Timing, words: int, docs: int) -> Iterator[None]:
    cpu0, pool0, wall0 = cpu_seconds(), pool_cpu_seconds(), time.perf_counter()
    yield
    wall = time.perf_counter() - wall0
    cpu = cpu_seconds() - cpu0 + pool_cpu_seconds() - pool0
    timing.add(words, docs, wall, cpu)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")


def _toml_table(name: str, table: dict[str, Any], out: list[str]) -> None:
    scalars = {k: v for k, v in table.items() if not isinstance(v, dict) and not _is_table_list(v)}
    out.append(f"[{name}]")
    out.extend(f"{k} = {_toml_value(v)}" for k, v in scalars.items())
    out.append("")
    for key, value in table.items():
        if isinstance(value, dict):
            _toml_table(f"{name}.{key}", value, out)
        elif _is_table_list(value):
            for item in value:
                out.append(f"[[{name}.{key}]]")
                out.extend(f"{k} = {_toml_value(v)}" for k, v in item.items())
                out.append("")


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def bench_config(
    folder: Path,
    name: str,
    *,
    n_process: int,
    tables: Mapping[str, Mapping[str, Any]] | None = None,
    feeds: Sequence[Mapping[str, Any]] = (),
) -> Path:
    """The shipped storywatch.toml (topic, alert rules …) without feeds, with alerts kept quiet
    (no console, no JSONL), and the given number of extraction processes; `tables` sets keys of
    tables (e.g. {"fetch": {"allow_hosts": […]}}) and `feeds` are written as its [[feeds]]."""
    shipped = REPO_ROOT / "storywatch.toml"
    data: dict[str, Any] = tomllib.loads(shipped.read_text("utf-8")) if shipped.is_file() else {}
    data.pop("feeds", None)
    data.pop("warehouse", None)
    data.setdefault("nlp", {})["n_process"] = n_process
    alerts = data.setdefault("alerts", {})
    alerts.update(console=False, jsonl="", channels=[])
    for table, keys in (tables or {}).items():
        data.setdefault(table, {}).update(keys)
    out: list[str] = []
    for key, value in data.items():
        _toml_table(key, value, out)
    for feed in feeds:
        out.append("[[feeds]]")
        out.extend(f"{k} = {_toml_value(v)}" for k, v in feed.items())
        out.append("")
    path = folder / f"{name}.toml"
    path.write_text("\n".join(out), encoding="utf-8")
    return path


@contextlib.contextmanager
def without_prefect() -> Iterator[Any]:
    """The ingest flow's own function: the same code as the flow, its tasks plain calls (outside a
    flow run they are), with no flow run, no task runs and no API calls (flows/tracking.py)."""
    import flows.pipeline as pipeline

    yield pipeline._ingest


def as_flow_run(**parameters: Any) -> Any:
    """The ingest flow as a Prefect flow run, on Prefect's temporary local server when no API is
    configured (`storywatch run` uses a server only when one is configured or running)."""
    from flows.pipeline import ingest
    from flows.prefect_env import ephemeral_server_dies_with_parent

    ephemeral_server_dies_with_parent()
    return ingest(**parameters)


def whole_process(work: Path, repeats: int = 5) -> float:
    """A no-op `storywatch run --offline` as a whole process (what cron or a shell loop pays), beside
    `python -c pass` and `storywatch --help` measured in the same rounds (the same machine load), and
    the same no-op run in-process. Returns the whole-process median in seconds."""
    from flows.config import load_config
    from flows.pipeline import run_ingest

    project = work / "whole-process"
    seeds = project / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for item in (REPO_ROOT / "seeds").iterdir():
        (seeds / item.name).write_bytes(item.read_bytes())
    config = bench_config(project, "storywatch", n_process=1)
    db = project / "storywatch.duckdb"
    storywatch = str(Path(sys.executable).parent / "storywatch")
    noop = [storywatch, "run", "--offline", "--config", str(config), "--db", str(db), "--seeds", str(seeds)]
    env = os.environ | {"STORYWATCH_PROGRESS": "off"}
    subprocess.run(noop, cwd=project, env=env, capture_output=True, check=True)  # loads the seed: untimed
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "storywatch --help": [storywatch, "--help"],
        "storywatch run --offline (no-op)": noop,
    }
    times: dict[str, list[float]] = {label: [] for label in commands}
    tracked = ""
    for _ in range(repeats):
        for label, command in commands.items():
            t0 = time.perf_counter()
            done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=True)
            times[label].append(time.perf_counter() - t0)
            tracked = tracked or next((ln for ln in done.stdout.splitlines() if "Prefect flow run" in ln), "")
    in_process: list[float] = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        run_ingest(load_config(str(config), db=str(db)), offline=True, seeds_dir=str(seeds))
        in_process.append(time.perf_counter() - t0)
    median = {label: sorted(values)[len(values) // 2] for label, values in times.items()}
    baseline = median["storywatch --help"]
    print(f"\n7 one-shot commands as whole processes (median of {repeats}, taking turns; warehouse holds the seed):")
    for label, value in median.items():
        print(f"  {label:<36} {value:6.2f} s  {value / baseline:5.2f}× storywatch --help")
    noop_s = median["storywatch run --offline (no-op)"]
    print(f"  the same no-op run in-process       {sorted(in_process)[len(in_process) // 2]:6.2f} s")
    print(f"  start-up (whole − in-process)       {noop_s - sorted(in_process)[len(in_process) // 2]:6.2f} s")
    cells = [cell.strip() for cell in tracked.split("│") if cell.strip()]  # the summary's table row
    print(f"  tracked as: {': '.join(cells) or '?'}")
    return noop_s


def _read(db: Path, query: Callable[[Any], T]) -> T:
    """`query` on a read-only connection to a finished run's warehouse."""
    from warehouse.db import connect

    with connect(str(db), read_only=True) as con:
        return query(con)


# --- the benchmark ---------------------------------------------------------------------------------


@dataclass
class Results:
    baseline: Timing = field(default_factory=Timing)
    single: Timing = field(default_factory=Timing)
    parallel: Timing = field(default_factory=Timing)
    baseline_n: Timing = field(default_factory=Timing)
    baseline_on: Timing = field(default_factory=Timing)
    single_on: Timing = field(default_factory=Timing)
    own: Timing = field(default_factory=Timing)  # nlp.pipe of storywatch's pipeline (fast components)
    own_on: Timing = field(default_factory=Timing)


def pipe_chunk(chunk: Chunk, model: str, batch_size: int, fast: bool = False) -> int:
    """Raw nlp.pipe over a chunk in a pool worker (the n-process limit; the stock pipeline unless
    `fast`); returns the tokens seen."""
    from extractors.nlp import load_pipeline, load_stock_pipeline

    nlp = load_pipeline(model) if fast else load_stock_pipeline(model)
    tokens = 0
    with nlp.memory_zone():
        for doc in nlp.pipe(chunk.texts, batch_size=batch_size):
            tokens += len(doc)
    return tokens


def load_stock(model: str) -> int:
    """Load the stock pipeline in a pool worker (untimed, before step 3); returns the worker's pid."""
    from extractors.nlp import load_stock_pipeline

    load_stock_pipeline(model)
    time.sleep(0.2)  # keep this worker busy, so that the next call goes to another
    return os.getpid()


def load_stock_in_workers(pool: Any, model: str, workers: int) -> None:
    pids: set[int] = set()
    for _ in range(20):
        pids.update(pool.map(load_stock, [model] * workers))
        if len(pids) >= workers:
            return


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=200_000, help="words measured in steps 1-3 (0: the whole corpus)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds the measured words are split into")
    parser.add_argument("--workers", type=int, default=2, help="extraction processes for step 3")
    parser.add_argument("--min-docs", type=int, default=2_000)
    parser.add_argument("--corpus-words", type=int, default=1_000_000)
    parser.add_argument("--memory-runs", type=int, default=20, help="consecutive runs for step 6 (0: skip)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    parser.add_argument("--memory-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--process-only", action="store_true", help="only step 7: one-shot commands as processes")
    parser.add_argument(
        "--on-topic-only", action="store_true", help="only the on-topic pair of step 3: storywatch's own overhead"
    )
    parser.add_argument("--multilingual-words", type=int, default=20_000, help="words per language in step 8")
    parser.add_argument("--multilingual-only", action="store_true", help="only step 8: ko, ru, zh against English")
    args = parser.parse_args(argv)
    apply_prefect_defaults(REPO_ROOT / ".prefect")
    work = args.keep or Path(tempfile.mkdtemp(prefix="storywatch-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("PREFECT_API_URL"):
        # A Prefect home of its own: the benchmark's runs stay out of your run history, and its local
        # API's SQLite file is not shared with other Prefect processes on the machine (lock waits).
        os.environ["PREFECT_HOME"] = str(work / ("prefect-memory" if args.memory_only else "prefect"))
    try:
        if args.memory_only:
            return memory_runs(work, args.memory_runs)
        if args.process_only:
            return 0 if whole_process(work) <= GOAL_WHOLE_PROCESS_S else 1
        if args.multilingual_only:
            return multilingual_only(args, work)
        return run(args, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def multilingual_only(args: argparse.Namespace, work: Path) -> int:
    """Step 8 alone: the English on-topic documents of the usual subset against ko, ru, zh."""
    from bench.corpus import build_corpus, interleaved_subset, write_seeds_dir
    from extractors.nlp import load_pipeline
    from flows import parallel
    from flows.config import load_config
    from flows.pipeline import run_ingest

    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    subset = interleaved_subset(build_corpus(args.min_docs, args.corpus_words), args.words)
    config = bench_config(work, "single", n_process=1)
    gate = parallel.relevance_gate(load_config(config))
    on_topic = on_topic_ids(load_pipeline(load_config(config).nlp.model), subset, gate)
    # Warm-up, untimed: imports, the model in the flow's process, the warehouse's first open.
    warm = write_seeds_dir(subset[-3:], work / "seeds-warm")
    run_ingest(load_config(str(config), db=str(work / "warm.duckdb")), offline=True, seeds_dir=str(warm))
    english = [d for d in subset if d.doc_id in on_topic]
    ratio = multilingual(work, english, config, args.multilingual_words, args.rounds)
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0 if ratio >= GOAL_MULTILINGUAL else 1


def run(args: argparse.Namespace, work: Path) -> int:
    from bench.corpus import build_corpus, describe, interleaved_subset, write_seeds_dir
    from extractors.chunks import split_chunks, word_count
    from extractors.language import detect_language
    from extractors.nlp import load_pipeline, load_stock_pipeline, resolve_model_name
    from flows import parallel
    from flows.config import load_config
    from flows.pipeline import run_ingest
    from warehouse.queries import extraction_fingerprint, table_counts

    print(f"storywatch throughput benchmark — {os.cpu_count()} cores, Python {platform.python_version()}")
    print(
        f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (other work on the machine shows here)"
    )
    started = time.perf_counter()
    corpus = build_corpus(args.min_docs, args.corpus_words)
    print(f"\ncorpus: {describe(corpus)}  [built in {time.perf_counter() - started:.1f} s]")
    subset = interleaved_subset(corpus, args.words)
    print(
        f"measured (steps 1-3): {describe(subset)}" + ("" if len(subset) == len(corpus) else " — an interleaved subset")
    )
    rounds = max(1, args.rounds)
    parts = [subset[r::rounds] for r in range(rounds)]
    part_dirs = [write_seeds_dir(part, work / f"seeds-{r}") for r, part in enumerate(parts)]
    all_dir = write_seeds_dir(subset, work / "seeds-all")

    single_cfg = bench_config(work, "single", n_process=1)
    parallel_cfg = bench_config(work, "parallel", n_process=args.workers)
    config = load_config(single_cfg)
    model = config.nlp.model
    gate = parallel.relevance_gate(config)

    # Warm-up, untimed: the model in this process, Prefect's API, the pool's workers.
    t0 = time.perf_counter()
    nlp = load_pipeline(model)
    stock = load_stock_pipeline(model)
    print(
        f"\nmodel {resolve_model_name(model)} + gazetteer ruler loaded twice in {time.perf_counter() - t0:.1f} s:"
        f" as spaCy ships it (the baseline: {', '.join(f'{n} {type(p).__name__}' for n, p in stock.pipeline)})"
        f" and as storywatch runs it ({', '.join(f'{n} {type(p).__name__}' for n, p in nlp.pipeline)})"
    )
    warm_dir = write_seeds_dir(corpus[-3:], work / "seeds-warm")
    t0 = time.perf_counter()
    run_ingest(load_config(str(single_cfg), db=str(work / "warm.duckdb")), offline=True, seeds_dir=str(warm_dir))
    print(f"first flow run (Prefect start-up, imports; 3 docs): {time.perf_counter() - t0:.1f} s")
    # The language identifier's model is loaded on the first text the English word test cannot
    # place (~1 s, once per process, like the spaCy model above): loaded here, not in a timed run.
    t0 = time.perf_counter()
    detect_language("Viver uma verdadeira experiência amorosa é um dos maiores prazeres da vida humana.")
    print(f"language identifier loaded in {time.perf_counter() - t0:.1f} s")
    if not args.on_topic_only:
        pool_start = parallel.start_pool(model, args.workers)
        print(
            f"process pool: {pool_start.workers} workers started, model loaded in each: {pool_start.seconds:.1f} s"
            " (once per process)"
        )
        load_stock_in_workers(parallel.process_pool(model, args.workers), model, args.workers)

    # Which texts pass the [topic] relevance gate (scored untimed, from the entity stage alone): the
    # on-topic pair of measurements repeats baseline and end-to-end on those only, where every text
    # gets the full parse and extraction — storywatch's own overhead, without the gate's saving.
    t0 = time.perf_counter()
    on_topic = on_topic_ids(nlp, subset, gate)
    on_words = sum(d.words for d in subset if d.doc_id in on_topic)
    print(
        f"relevance gate (min_relevance {gate.min_relevance}): {len(on_topic)} of {len(subset)} documents,"
        f" {on_words:,} of {sum(d.words for d in subset):,} words ({on_words / sum(d.words for d in subset):.0%})"
        f" on topic — the rest get the entity components only [scored in {time.perf_counter() - t0:.1f} s]"
    )
    on_parts = [[d for d in part if d.doc_id in on_topic] for part in parts]
    on_dirs = [write_seeds_dir(part, work / f"seeds-on-{r}") for r, part in enumerate(on_parts)]

    results = Results()
    single_db, parallel_db, on_db = work / "single.duckdb", work / "parallel.duckdb", work / "on-topic.duckdb"
    single_runs: list[float] = []
    methods = ["baseline", "own", "single", "parallel", "baseline-n", "baseline-on", "own-on", "single-on"]
    if args.on_topic_only:
        methods = [m for m in methods if m.endswith("-on")]
    batch_size = config.nlp.batch_size
    print(f"\nsteps 1-3 in {rounds} rounds (the order rotates from round to round):")
    for r, (part, seeds) in enumerate(zip(parts, part_dirs, strict=True)):
        for method in methods[r % len(methods) :] + methods[: r % len(methods)]:
            if method.endswith("-on"):
                part, seeds = on_parts[r], on_dirs[r]
            else:
                part, seeds = parts[r], part_dirs[r]
            words = sum(d.words for d in part)
            texts = [d.text for d in part]
            if method in ("baseline", "baseline-on", "own", "own-on"):
                timing, pipeline = {
                    "baseline": (results.baseline, stock),
                    "baseline-on": (results.baseline_on, stock),
                    "own": (results.own, nlp),
                    "own-on": (results.own_on, nlp),
                }[method]
                with measured(timing, words, len(part)), pipeline.memory_zone():
                    for _doc in pipeline.pipe(texts, batch_size=batch_size):
                        pass
            elif method == "baseline-n":
                timing = results.baseline_n
                pool = parallel.process_pool(model, args.workers)
                chunks = split_chunks(texts, workers=args.workers)  # the stock pipeline in each worker
                with measured(timing, words, len(part)):
                    list(pool.map(pipe_chunk, chunks, repeat(model), repeat(batch_size)))
            else:
                cfg, db, timing = {
                    "single": (single_cfg, single_db, results.single),
                    "parallel": (parallel_cfg, parallel_db, results.parallel),
                    "single-on": (single_cfg, on_db, results.single_on),
                }[method]
                before = timing.wall_s
                with measured(timing, words, len(part)):
                    summary = run_ingest(load_config(str(cfg), db=str(db)), offline=True, seeds_dir=str(seeds))
                if summary.status != "completed" or summary.documents_extracted != len(part):
                    raise SystemExit(
                        f"{method} run {r + 1}: {summary.status},"
                        f" {summary.documents_extracted} of {len(part)} extracted"
                    )
                if method == "single":
                    single_runs.append(timing.wall_s - before)
            print(
                f"  round {r + 1}: {method:<11} {len(part):>5} docs {words:>8,} words"
                f"  (cumulative {timing.wall_s:6.1f} s; load average {os.getloadavg()[0]:.2f})",
                flush=True,
            )

    b, s, p, bn = results.baseline, results.single, results.parallel, results.baseline_n
    bo, so, own, oo = results.baseline_on, results.single_on, results.own, results.own_on
    if args.on_topic_only:
        print(
            f"\non-topic texts only, {bo.words:,} words: stock spaCy nlp.pipe {bo.wall_s:.1f} s ({bo.cpu_s:.1f} CPU s),"
            f" storywatch's nlp.pipe {oo.wall_s:.1f} s ({oo.cpu_s:.1f} CPU s),"
            f" end to end {so.wall_s:.1f} s ({so.cpu_s:.1f} CPU s);"
            f" load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
        )
        # On a loaded machine the wall-clock ratio swings with who got the cores when; the ratio of
        # CPU seconds (one process here) moves far less.
        print(
            f"  end to end vs stock spaCy's nlp.pipe (the goal, ≥ {GOAL_END_TO_END}): {so.rate / bo.rate:.2f}× by wall"
            f" clock, {bo.cpu_s / so.cpu_s:.2f}× by CPU seconds"
        )
        print(
            f"  end to end vs storywatch's own nlp.pipe (its overhead over its parse): {so.rate / oo.rate:.2f}× by wall"
            f" clock, {oo.cpu_s / so.cpu_s:.2f}× by CPU seconds;"
            f" its nlp.pipe vs stock: {bo.cpu_s / oo.cpu_s:.2f}× by CPU s"
        )
        return 0 if so.rate / bo.rate >= GOAL_END_TO_END else 1
    n = args.workers
    print("\n                                  words   wall s   CPU s*   words/s  × baseline")
    for label, t, base in (
        ("1 baseline: nlp.pipe, 1 process", b, b),
        ("  storywatch's own nlp.pipe", own, b),
        ("2 end-to-end, 1 process", s, b),
        (f"3 end-to-end, {n} processes", p, b),
        (f"  limit: nlp.pipe, {n} processes", bn, b),
        ("  on-topic texts only:", None, None),
        ("  baseline: nlp.pipe, 1 process", bo, bo),
        ("  storywatch's nlp.pipe", oo, bo),
        ("  end-to-end, 1 process", so, bo),
    ):
        if t is None or base is None:
            print(f"  {label}")
            continue
        print(
            f"  {label:<32}{t.words:>8,} {t.wall_s:>8.1f} {t.cpu_s:>8.1f} {t.rate:>9,.0f} {t.rate / base.rate:>10.2f}"
        )
    print(
        "  * CPU seconds of every process involved (workers and Prefect's local API server included);"
        " CPU s well below wall s × processes means other work on the machine took the cores"
    )
    print(
        "  baseline: the model as spaCy ships it + the gazetteer ruler; storywatch's nlp.pipe: the same with"
        " its table-driven attribute_ruler and lemmatizer (identical annotations, scripts/check_fast_pipes.py);"
        f" end to end on 1 process is {s.rate / own.rate:.2f}× storywatch's own nlp.pipe"
        f" ({so.rate / oo.rate:.2f}× on on-topic texts): its overhead over its own parse"
    )
    print(
        f"  end-to-end on {n} processes reaches {p.rate / bn.rate:.0%} of what raw nlp.pipe reached on"
        f" {n} processes in the same run ({bn.rate / b.rate:.2f}× one process: what the machine gave)"
    )
    print(
        f"  the relevance gate: off-topic texts ({1 - on_words / max(1, b.words):.0%} of the words here) get"
        " the entity components only; on on-topic texts alone, where everything is parsed and extracted,"
        f" end to end runs at {so.rate / bo.rate:.2f}× nlp.pipe: storywatch's own overhead"
    )
    same = _read(single_db, extraction_fingerprint) == _read(parallel_db, extraction_fingerprint)
    counts = _read(single_db, table_counts)
    rows = {t: counts[t] for t in ("articles", "mentions", "events", "quotes", "claims")}
    print(
        f"  rows loaded: {', '.join(f'{k} {v:,}' for k, v in rows.items())};"
        f" {args.workers}-process rows identical to 1-process: {'yes' if same else 'NO'}"
    )

    # 4. Nothing new: every document of the subset again, against the warehouse that holds them.
    full_run_s = sum(single_runs)
    docs_before = parallel.STATS.documents
    t0 = time.perf_counter()
    again = run_ingest(load_config(str(single_cfg), db=str(single_db)), offline=True, seeds_dir=str(all_dir))
    no_input_s = time.perf_counter() - t0
    reached = parallel.STATS.documents - docs_before
    print(
        f"\n4 no new input: {again.articles_seen:,} documents read, {again.articles_unchanged:,} unchanged, "
        f"{again.documents_extracted} extracted, {reached} sent to NLP (counted at the one entry to extraction)"
    )
    print(
        f"  wall {no_input_s:.2f} s vs {full_run_s:.1f} s for the runs that loaded them:"
        f" {no_input_s / full_run_s:.1%} of a full run"
    )

    # 5. Prefect's cost: the flow against its task functions called directly (fresh warehouses).
    small = corpus[1 : 1 + 20]
    small_dir = write_seeds_dir(small, work / "seeds-small")
    small_words = sum(word_count(d.text) for d in small)
    flow_t: dict[str, list[float]] = {"flow": [], "direct": []}
    idle_t: dict[str, list[float]] = {"flow": [], "direct": []}
    for i in range(3):
        for how in ("direct", "flow") if i % 2 == 0 else ("flow", "direct"):
            db = work / f"orch-{how}-{i}.duckdb"
            for bucket in (flow_t, idle_t):  # first a run with 20 new documents, then one with none
                t0 = time.perf_counter()
                if how == "flow":
                    as_flow_run(config_path=str(single_cfg), db=str(db), offline=True, seeds_dir=str(small_dir))
                else:
                    with without_prefect() as direct:
                        direct(config_path=str(single_cfg), db=str(db), offline=True, seeds_dir=str(small_dir))
                bucket[how].append(time.perf_counter() - t0)
    fl, di = min(flow_t["flow"]), min(flow_t["direct"])
    ifl, idi = min(idle_t["flow"]), min(idle_t["direct"])
    print(f"\n5 Prefect orchestration (best of 3; {len(small)} docs, {small_words:,} words):")
    print(
        f"  run with new input: flow {fl:.2f} s, direct calls {di:.2f} s → Prefect adds {fl - di:+.2f} s "
        f"({(fl - di) / full_run_s:.1%} of the full run above)"
    )
    print(f"  run with no input:  flow {ifl:.2f} s, direct calls {idi:.2f} s → Prefect adds {ifl - idi:+.2f} s")

    # 8. Korean, Russian and Chinese against English, per word (one process, as step 2).
    multilingual_ratio = multilingual(
        work, [d for d in subset if d.doc_id in on_topic], single_cfg, args.multilingual_words, args.rounds
    )

    parallel.shutdown_pool()

    # 7. One-shot commands as whole processes (printed before memory's fresh process).
    whole_s = whole_process(work)

    # 6. Memory, in a fresh process.
    memory_ok = True
    if args.memory_runs:
        print(
            f"\n6 memory: {args.memory_runs} consecutive flow runs in one fresh process, new texts each run:",
            flush=True,
        )
        code = subprocess.call(
            [sys.executable, "-m", "bench.throughput", "--memory-only", "--memory-runs", str(args.memory_runs)],
            cwd=str(REPO_ROOT),
        )
        memory_ok = code == 0

    e2e, par, idle = s.rate / b.rate, p.rate / b.rate, no_input_s / full_run_s
    print("\ngoals:")
    goals = [
        (f"end-to-end ≥ {GOAL_END_TO_END}× baseline", f"{e2e:.2f}×", e2e >= GOAL_END_TO_END),
        (f"{args.workers} processes ≥ {GOAL_PARALLEL}× 1-core baseline", f"{par:.2f}×", par >= GOAL_PARALLEL),
        (f"no-input run < {GOAL_NO_INPUT:.0%} of a full run", f"{idle:.1%}", idle < GOAL_NO_INPUT),
        ("memory flat over repeated runs", "", memory_ok),
        (f"no-op run as a process ≤ {GOAL_WHOLE_PROCESS_S:g} s", f"{whole_s:.2f} s", whole_s <= GOAL_WHOLE_PROCESS_S),
        ("parallel results identical to 1 process", "", same),
        (
            f"ko, ru, zh ≥ {GOAL_MULTILINGUAL:g}× English per word (lowest)",
            f"{multilingual_ratio:.2f}×",
            multilingual_ratio >= GOAL_MULTILINGUAL,
        ),
    ]
    for label, value, ok in goals:
        print(f"  {label:<42} {value:>7}  {'met' if ok else 'NOT met'}")
    print(
        f"\nbenchmark wall time {time.perf_counter() - started:.0f} s; load average at end: "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    return 0


def on_topic_ids(nlp: Any, docs: Sequence[BenchDoc], gate: Any) -> set[str]:
    """The ids of the documents that pass the [topic] relevance gate, scored from the entity stage alone."""
    from extractors.extract import gate_score
    from extractors.nlp import entity_stage

    with nlp.select_pipes(enable=entity_stage(nlp)), nlp.memory_zone():
        passing = [gate_score(doc, gate) >= gate.min_relevance for doc in nlp.pipe(d.text for d in docs)]
    return {d.doc_id for d, keep in zip(docs, passing, strict=True) if keep}


def multilingual(work: Path, english: Sequence[BenchDoc], config: Path, words: int, rounds: int) -> float:
    """Step 8: Korean, Russian and Chinese through the ingest flow against English (`english`: on-topic
    documents), about `words` words each, per word. Returns the lowest ratio to English."""
    from bench.corpus import BenchDoc, interleaved_subset, write_seeds_dir
    from bench.multilingual_eval import language_documents, load_sentences
    from extractors.multilingual import LANGUAGES, words_in
    from flows.config import load_config
    from flows.pipeline import run_ingest

    chosen = interleaved_subset(english, words)
    docs: dict[str, list[BenchDoc]] = {"en": chosen}
    counted: dict[str, int] = {d.doc_id: d.words for d in chosen}
    per_document = sum(d.words for d in chosen) / max(1, len(chosen))
    sentences = load_sentences()
    for lang in LANGUAGES:
        (sample,) = language_documents(sentences, lang, per_document, 1)
        texts = language_documents(sentences, lang, per_document, max(1, words // words_in(sample, lang)))
        docs[lang] = [BenchDoc(f"{lang}-{i:05d}", lang, f"{lang} {i}", None, t) for i, t in enumerate(texts)]
        counted.update((d.doc_id, words_in(d.text, lang)) for d in docs[lang])
    # Each language's models (natasha, the language identifier, the names tables) load once per
    # process, as in a long-running `serve`; load them before timing, as step 1 warms spaCy.
    warm = [d for lang in LANGUAGES for d in docs[lang][:1]]
    run_ingest(
        load_config(str(config), db=str(work / "ml-warm.duckdb")),
        offline=True,
        seeds_dir=str(write_seeds_dir(warm, work / "ml-warm")),
    )
    timings = {lang: Timing() for lang in docs}
    order = list(docs)
    for r in range(max(1, rounds)):
        for lang in order[r % len(order) :] + order[: r % len(order)]:
            part = docs[lang][r::rounds]
            if not part:
                continue
            seeds = write_seeds_dir(part, work / f"ml-{lang}-{r}")
            cfg = load_config(str(config), db=str(work / f"ml-{lang}.duckdb"))
            with measured(timings[lang], sum(counted[d.doc_id] for d in part), len(part)):
                summary = run_ingest(cfg, offline=True, seeds_dir=str(seeds))
            if summary.status != "completed" or summary.documents_extracted != len(part):
                raise SystemExit(
                    f"step 8 {lang} round {r + 1}: {summary.status}, {summary.documents_extracted} of {len(part)}"
                    " extracted"
                )
    english_rate = timings["en"].rate
    english_per_cpu = timings["en"].words / timings["en"].cpu_s
    print(
        "\n8 Korean, Russian and Chinese through the same flow (offline, extract + relevance + load), per word,"
        " against English on-topic documents in the same rounds:"
    )
    print("       docs    words   wall s   CPU s   words/s  × English  per CPU s × English")
    for lang, t in timings.items():
        ratio, per_cpu = t.rate / english_rate, t.words / t.cpu_s
        print(
            f"  {lang}  {t.docs:>5} {t.words:>8,} {t.wall_s:>8.1f} {t.cpu_s:>7.1f} {t.rate:>9,.0f} {ratio:>10.2f}"
            f" {per_cpu:>9,.0f} {per_cpu / english_per_cpu:>9.2f}"
        )
    print(
        "  ko/ru/zh documents: bench/data/multilingual/sentences.toml (written for storywatch, each language's"
        " sentences in turn); Chinese words = characters / 1.6; the goal is on wall time (words/s), the CPU"
        " columns show what a loaded machine hides"
    )
    return min(timings[lang].rate / english_rate for lang in docs if lang != "en")


def memory_runs(work: Path, runs: int, docs_per_run: int = 5) -> int:
    """`runs` flow runs with new texts each, in this process; RSS after each; exit 1 if it grows."""
    from bench.corpus import generated_docs, write_seeds_dir
    from flows.config import load_config
    from flows.pipeline import run_ingest

    cfg = bench_config(work, "memory", n_process=1)
    db = work / "memory.duckdb"
    series: list[float] = []
    peak = 0.0
    t0 = time.perf_counter()
    for i in range(runs):
        docs = generated_docs(docs_per_run, seed=10_000 + i)
        seeds = write_seeds_dir(docs, work / f"mem-seeds-{i}")
        summary = run_ingest(load_config(str(cfg), db=str(db)), offline=True, seeds_dir=str(seeds))
        if summary.documents_extracted != docs_per_run:
            print(f"  run {i + 1}: {summary.documents_extracted} of {docs_per_run} extracted")
            return 1
        rss, hwm = rss_mb()
        series.append(rss)
        peak = hwm
    print("  RSS MB after each run: " + " ".join(f"{x:.0f}" for x in series))
    base_index = min(4, len(series) - 1)
    growth = series[-1] - series[base_index]
    per_run = growth / max(1, len(series) - 1 - base_index)
    flat = growth < max(25.0, 0.05 * series[base_index])
    print(
        f"  run {base_index + 1} → run {len(series)}: {growth:+.1f} MB ({per_run:+.2f} MB per run);"
        f" peak (VmHWM) {peak:.0f} MB; "
        f"{docs_per_run} docs per run, {time.perf_counter() - t0:.0f} s in all → {'flat' if flat else 'GROWING'}"
    )
    return 0 if flat else 1


if __name__ == "__main__":
    raise SystemExit(main())
