"""Where storywatch's own overhead goes on on-topic texts: raw nlp.pipe, extract_texts, the ingest flow.

Run: ``python -m bench.overhead [--words 200000] [--parts 4]``.

`make bench` gives one figure for the on-topic texts, the flow's words per second against raw
`nlp.pipe`. This splits it, in CPU seconds of this process (steadier than wall time on a shared
machine), on the same documents taking turns part by part:

1. raw ``nlp.pipe`` (the baseline of `make bench`);
2. ``extract_texts`` with the relevance gate: the two-stage parse, scoring, mentions, events,
   quotes and claims — what extractors/ costs;
3. the ingest flow (``run_ingest``, offline, a fresh warehouse per part): the same plus reading the
   seed files, selecting, loading into DuckDB, thread assignment and alerts — what flows/ and
   warehouse/ add per run.

The on-topic texts (those passing the [topic] gate) of the benchmark's interleaved subset are split
into --parts parts, one flow run each: the flow's per-run costs weigh as they do in `make bench`
(two runs of ~80 documents there).
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.throughput import REPO_ROOT, bench_config, on_topic_ids
from flows.prefect_env import apply_prefect_defaults


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=200_000, help="words of the corpus subset (as make bench)")
    parser.add_argument("--parts", type=int, default=4, help="parts of the on-topic texts, one flow run each")
    args = parser.parse_args(argv)
    apply_prefect_defaults(REPO_ROOT / ".prefect")
    work = Path(tempfile.mkdtemp(prefix="storywatch-overhead-"))
    if not os.environ.get("PREFECT_API_URL"):
        os.environ["PREFECT_HOME"] = str(work / "prefect")
    os.environ.setdefault("STORYWATCH_PROGRESS", "off")
    try:
        return measure(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure(args: argparse.Namespace, work: Path) -> int:
    from bench.corpus import build_corpus, describe, interleaved_subset, write_seeds_dir
    from extractors.extract import extract_texts
    from extractors.language import detect_language
    from extractors.nlp import load_pipeline
    from flows.config import load_config
    from flows.parallel import relevance_gate
    from flows.pipeline import run_ingest

    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    config_path = bench_config(work, "single", n_process=1)
    config = load_config(str(config_path))
    nlp = load_pipeline(config.nlp.model)
    gate = relevance_gate(config)
    subset = interleaved_subset(build_corpus(), args.words)
    on_topic = on_topic_ids(nlp, subset, gate)
    docs = [d for d in subset if d.doc_id in on_topic]
    parts = [docs[r :: args.parts] for r in range(args.parts)]
    print(f"on-topic texts: {describe(docs)}, in {len(parts)} parts")
    # Warm-up, untimed: imports, the warehouse's first open, the language identifier's model.
    warm = write_seeds_dir(docs[:3], work / "seeds-warm")
    run_ingest(load_config(str(config_path), db=str(work / "warm.duckdb")), offline=True, seeds_dir=str(warm))
    detect_language("Viver uma verdadeira experiência amorosa é um dos maiores prazeres da vida humana.")

    cpu: dict[str, float] = {"nlp.pipe": 0.0, "extract_texts": 0.0, "ingest flow": 0.0}
    labels = list(cpu)
    for r, part in enumerate(parts):
        texts, dates = [d.text for d in part], [d.published for d in part]
        seeds = write_seeds_dir(part, work / f"seeds-{r}")
        for label in labels[r % 3 :] + labels[: r % 3]:  # the order rotates from part to part
            t0 = time.process_time()
            if label == "nlp.pipe":
                with nlp.memory_zone():
                    for _doc in nlp.pipe(texts, batch_size=config.nlp.batch_size):
                        pass
            elif label == "extract_texts":
                for _record in extract_texts(
                    nlp, texts, published_at=dates, gate=gate, batch_size=config.nlp.batch_size
                ):
                    pass
            else:
                db = str(work / f"part-{r}.duckdb")
                run_ingest(load_config(str(config_path), db=db), offline=True, seeds_dir=str(seeds))
            cpu[label] += time.process_time() - t0
    base = cpu["nlp.pipe"]
    print("\n                  CPU s   × nlp.pipe (words per CPU second)")
    for label, seconds in cpu.items():
        print(f"  {label:<14} {seconds:7.2f}   {base / seconds:5.3f}")
    print(
        f"  extractors' share beyond nlp.pipe: {cpu['extract_texts'] - base:.2f} CPU s;"
        f" the flow's beyond extract_texts: {cpu['ingest flow'] - cpu['extract_texts']:.2f} CPU s"
        f" ({(cpu['ingest flow'] - cpu['extract_texts']) / len(parts):.2f} per run)"
    )
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
