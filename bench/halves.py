"""Score the training files of bench/data/news/train/ by group: split 38's tuning and check halves and
the files new at each stop since.

The rule lanes tune on the tuning half and keep a change only where the check half (whose misses no
lane reads) and the newer groups hold or rise; these are the README's "halves" figures. Rules alone
with ``STORYWATCH_EVENT_MODEL=off``, else rules with the learned gate.

Run: ``STORYWATCH_EVENT_MODEL=off python -m bench.halves [--out figures.json] [--files]``; ``--group
NAME=a,b,c`` adds a group (the files of a stop not yet listed here); a file of the directory in no
group is scored under ``ungrouped`` so that nothing new goes unseen.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.eval import NEWS_DIR, evaluate_splits, load_gold_file

TRAIN_DIR = NEWS_DIR / "train"

# Split 38 (README, "Training files"): the rules are tuned on these fourteen and checked on the next eighteen.
GROUPS: dict[str, tuple[str, ...]] = {
    "tuning": (
        "crit", "diplo", "front", "meet", "mix", "summits", "acts",
        "triangle", "more", "quotes", "war", "world1", "world2", "words",
    ),
    "check": (
        "allies", "world3", "world4", "kursk", "world5", "debate", "ties", "beijing", "world6",
        "seoul", "world7", "moscow", "world8", "kyiv", "world9", "pyongyang", "tokyo", "world10",
    ),
    "new41": ("arms", "brussels", "y2025", "china"),
    "new42": ("econ", "usa", "captives", "peninsula", "sea", "skies"),
    "new43": ("sanctions", "cyber", "nuclear", "energy", "blocs", "dualuse"),
    "new44": ("peace", "korea", "statemedia", "world11", "russia", "y2026"),
    "new45": ("chinamedia", "un", "analysis", "ukraine", "world12", "partners"),
    "new46": ("expel", "links", "tech", "launches", "sco"),
    "new47": ("plans", "recaps", "voices", "world13", "supply", "partners2", "censure", "world14"),
    "new48": (
        "world15", "capability", "violations", "demands", "contacts", "late2026", "nominals", "world16", "world17",
        "backing", "figures",
    ),
    "new49": ("forecasts", "pacts", "tokyo2", "kyiv2"),
    "new50": ("envoys", "world18", "rebukes", "drills", "shipments", "world19", "sanctions2", "world20"),
}  # fmt: skip

FIGURES = ("event type", "event type+actor+recipient", "quote speaker", "claim subject+value")


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def score_groups(groups: dict[str, tuple[str, ...]], *, per_file: bool = False) -> dict[str, Any]:
    """Counts and F1 per group (and per file with ``per_file``) of every file in TRAIN_DIR."""
    from extractors.nlp import load_pipeline

    present = sorted(path.stem for path in TRAIN_DIR.glob("*.jsonl"))
    named = {name for names in groups.values() for name in names}
    missing = sorted(named - set(present))
    if missing:
        raise SystemExit(f"bench.halves: no such training file: {', '.join(missing)}")
    groups = {**groups, "ungrouped": tuple(name for name in present if name not in named)}
    nlp = load_pipeline()
    rows = [row for name in present for row in load_gold_file(TRAIN_DIR / f"{name}.jsonl", name)]
    reports = evaluate_splits(rows, nlp)
    figures = {name: reports[name].figures() for name in present}
    results: dict[str, Any] = {}
    for group, names in [*groups.items(), ("all", tuple(present))]:
        if not names:
            continue
        entry: dict[str, Any] = {"files": len(names), "sentences": sum(reports[n].sentences for n in names)}
        for figure in FIGURES:
            tp, fp, fn = (sum(int(figures[n][figure][k]) for n in names) for k in ("tp", "fp", "fn"))
            entry[figure] = {"tp": tp, "fp": fp, "fn": fn, "f1": round(_f1(tp, fp, fn), 3)}
        results[group] = entry
    if per_file:
        results["files"] = {
            name: {
                "sentences": reports[name].sentences,
                **{f: {k: figures[name][f][k] for k in ("tp", "fp", "fn")} for f in FIGURES},
            }
            for name in present
        }
    return results


def format_results(results: dict[str, Any]) -> str:
    lines = [f"{'group':<10} {'files':>5} {'sents':>6}  " + "  ".join(f"{f[:22]:>24}" for f in FIGURES)]
    for group, entry in results.items():
        if group == "files":
            continue
        cells = [f"{entry[f]['tp']}/{entry[f]['fp']}/{entry[f]['fn']} {entry[f]['f1']:.3f}".rjust(24) for f in FIGURES]
        lines.append(f"{group:<10} {entry['files']:>5} {entry['sentences']:>6}  " + "  ".join(cells))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=None, help="also write the figures as JSON here")
    parser.add_argument("--files", action="store_true", help="add each file's counts to the JSON")
    parser.add_argument(
        "--group", action="append", default=[], metavar="NAME=a,b", help="one more group of training files"
    )
    args = parser.parse_args(argv)
    groups = dict(GROUPS)
    for spec in args.group:
        name, _, files = spec.partition("=")
        if not name or not files:
            parser.error(f"--group {spec!r}: expected NAME=file,file")
        groups[name] = tuple(f.strip() for f in files.split(",") if f.strip())
    results = score_groups(groups, per_file=args.files)
    print(format_results(results))
    if args.out is not None:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
