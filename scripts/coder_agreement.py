"""Inter-coder agreement between two codings of the same sentences (files in the gold format).

Coder B is scored against coder A exactly as ``bench/eval.py`` scores a prediction against the gold:
event type, type+actor, type+recipient and the triple as multisets per sentence, quote speakers
matched by id or name, claims by value and by subject+value. P is the share of B's codes that A
also has, R the share of A's that B has; F1 is symmetric, so it is the agreement figure.

    python scripts/coder_agreement.py A.jsonl B.jsonl [--type CONSULT] [--details]

Only ``id``, ``events``, ``quotes`` and ``claims`` are read from B, so B can be a file of codes
alone. ``--details`` prints every sentence where the two differ (text from A): never give it a
check set's file in a session that edits ``extractors/``. No extractor is run.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.eval import _dedupe_speakers, _multiset, _same_speaker, _value_key

FIGURES = (
    "event type",
    "actor",
    "recipient",
    "event type+actor+recipient",
    "quote speaker",
    "claim value",
    "claim subject+value",
)


def _load(path: str) -> dict[str, dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, filter(str.strip, f))}


def _triple(e: dict[str, Any]) -> tuple[str, str, str | None]:
    return e["event_type"], e["actor_id"], e.get("recipient_id")


def _speakers_matched(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> tuple[int, int, int]:
    free, tp = list(b), 0
    for q in a:
        match = next((p for p in free if _same_speaker(q, p)), None)
        if match is not None:
            free.remove(match)
            tp += 1
    return tp, len(free), len(a) - tp


def compare(a: dict[str, dict[str, Any]], b: dict[str, dict[str, Any]], only_type: str | None = None):
    """Figures (tp, fp, fn per figure), disagreement counts by kind, and the differing ids."""
    tally = {f: [0, 0, 0] for f in FIGURES}
    kinds: Counter[str] = Counter()
    differing: list[str] = []
    for rid, ra in a.items():
        rb = b.get(rid, {"events": [], "quotes": [], "claims": []})
        ea = [e for e in ra.get("events", []) if only_type in (None, e["event_type"])]
        eb = [e for e in rb.get("events", []) if only_type in (None, e["event_type"])]
        counts = {
            "event type": _multiset([e["event_type"] for e in ea], [e["event_type"] for e in eb]),
            "actor": _multiset(
                [(e["event_type"], e["actor_id"]) for e in ea], [(e["event_type"], e["actor_id"]) for e in eb]
            ),
            "recipient": _multiset(
                [(e["event_type"], e.get("recipient_id")) for e in ea],
                [(e["event_type"], e.get("recipient_id")) for e in eb],
            ),
            "event type+actor+recipient": _multiset(map(_triple, ea), map(_triple, eb)),
        }
        qa, qb = _dedupe_speakers(ra.get("quotes", [])), _dedupe_speakers(rb.get("quotes", []))
        ca, cb = ra.get("claims", []), rb.get("claims", [])
        if only_type is None:
            counts["quote speaker"] = _speakers_matched(qa, qb)
            counts["claim value"] = _multiset(map(_value_key, ca), map(_value_key, cb))
            counts["claim subject+value"] = _multiset(
                [(c["subject_id"], *_value_key(c)) for c in ca], [(c["subject_id"], *_value_key(c)) for c in cb]
            )
        for f, (tp, fp, fn) in counts.items():
            tally[f][0] += tp
            tally[f][1] += fp
            tally[f][2] += fn
        ta, tb = Counter(map(_triple, ea)), Counter(map(_triple, eb))
        only_a, only_b = ta - tb, tb - ta
        types_a, types_b = Counter(e["event_type"] for e in ea), Counter(e["event_type"] for e in eb)
        for (t, actor, _), n in only_a.items():
            if not types_b[t]:
                kinds["event: type only A codes here"] += n
            elif any(x == t and y == actor for x, y, _ in only_b):
                kinds["event: same type and actor, other recipient"] += n
            elif any(x == t for x, _, _ in only_b):
                kinds["event: same type, other actor"] += n
            else:
                kinds["event: one more of a type both code (A)"] += n
        for (t, _, _), n in only_b.items():
            if types_b[t] > types_a[t] and types_a[t]:
                kinds["event: one more of a type both code (B)"] += min(n, types_b[t] - types_a[t])
        kinds["event: type only B codes here"] += sum(n for (t, _, _), n in only_b.items() if not types_a[t])
        if only_type is None:
            kinds["quote: only A"] += counts["quote speaker"][2]
            kinds["quote: only B"] += counts["quote speaker"][1]
            kinds["claim: only A (subject+value)"] += counts["claim subject+value"][2]
            kinds["claim: only B (subject+value)"] += counts["claim subject+value"][1]
        if (
            only_a
            or only_b
            or (
                only_type is None
                and (counts["quote speaker"][1:] != (0, 0) or counts["claim subject+value"][1:] != (0, 0))
            )
        ):
            differing.append(rid)
    return tally, kinds, differing


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _fmt(e: dict[str, Any]) -> str:
    extra = "".join(f"/{k}={e[k]}" for k in ("mode", "hedged") if e.get(k))
    return f"{e['event_type']} {e['actor_id']}>{e.get('recipient_id')}{extra}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("a", help="coder A (the reference)")
    ap.add_argument("b", help="coder B")
    ap.add_argument("--type", help="events of this PLOVER type only")
    ap.add_argument("--details", action="store_true", help="print each sentence where they differ")
    args = ap.parse_args(argv)
    a, b = _load(args.a), _load(args.b)
    tally, kinds, differing = compare(a, b, args.type)
    print(f"{len(a)} sentences; B against A{' (' + args.type + ' only)' if args.type else ''}")
    print(f"  {'figure':<28} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn")
    for f, (tp, fp, fn) in tally.items():
        if tp + fp + fn:
            p, r, f1 = _prf(tp, fp, fn)
            print(f"  {f:<28} {p:6.3f} {r:6.3f} {f1:6.3f}   {tp}/{fp}/{fn}")
    print("disagreements by kind:")
    for k, n in kinds.most_common():
        if n:
            print(f"  {k:<45} {n}")
    print(f"sentences that differ: {len(differing)}")
    if args.details:
        for rid in differing:
            ra, rb = a[rid], b.get(rid, {})
            print(f"\n{rid}: {ra.get('text', '')}")
            print(f"  events A {sorted(map(_fmt, ra.get('events', [])))}")
            print(f"         B {sorted(map(_fmt, rb.get('events', [])))}")
            qa = sorted(f"{q.get('speaker_id') or ''}|{q['speaker_name']}" for q in ra.get("quotes", []))
            qb = sorted(f"{q.get('speaker_id') or ''}|{q['speaker_name']}" for q in rb.get("quotes", []))
            print(f"  quotes A {qa}\n         B {qb}")
            ca = sorted(f"{c['subject_id']} {_value_key(c)}" for c in ra.get("claims", []))
            cb = sorted(f"{c['subject_id']} {_value_key(c)}" for c in rb.get("claims", []))
            print(f"  claims A {ca}\n         B {cb}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
