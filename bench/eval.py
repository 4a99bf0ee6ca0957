"""Evaluation of the event, quote and claim extractors against the gold set in tests/gold/.

Gold: one JSON object per sentence, ``{"id", "text", "published_at"?, "doc"?, "events": [...],
"quotes": [...], "claims": [...], "tags"?}``. Sentences that share a ``doc`` are one document:
``doc`` is either a file path relative to the repository (the seed article, extracted whole so that
coreference works) or a name, in which case the document is the sentences joined by spaces, in file
order. A sentence without ``doc`` is a document of its own.

Predictions are extracted from each whole document (``extractors.extract.extract_text`` with the
document's publication date) and assigned to the gold sentence their evidence falls in: an event by
the middle of its evidence sentence, a quote by its first character, a claim by its sentence.

Figures (micro-averaged over sentences; each is precision, recall, F1):

* event detection - events per sentence, counted (a sentence with 2 gold and 3 predicted events
  has 2 true positives)
* event type - multiset of event types per sentence
* actor - multiset of (event type, actor_id)
* recipient - multiset of (event type, recipient_id); a missing recipient is the value None
* event type+actor+recipient - multiset of the triple (the headline figure)
* quote speaker - per sentence, the set of speakers; a prediction matches a gold speaker by
  speaker_id, or by name (same name, or one name's words contained in the other's)
* quote affiliation - over matched speakers whose gold names an affiliation: right when one
  normalised string contains the other
* claim value - multiset of (value_low, value_high) per sentence
* claim subject+value - multiset of (subject_id, value_low, value_high)

and, over the triples that match, the share with the gold's negated / hedged / quantity /
location / date where the gold states them.

Run: ``make eval [PLV=path/to/PLV_train.tsv]`` or ``python -m bench.eval [--split seed|dev|holdout|holdout2|all|
news-dev|news-dev2|news-heldout|news-heldout3] [--plv PATH] [--own-only] [--details] [--json]``; ``--news-file
PATH`` scores any file in this format (the training files in bench/data/news/train/) as a set of its own. The sets
written and coded by others come first (bench/plover.py: the PLOVER gold-standard records in
../shared/data/plover-gsr and, given its path, PLV_train), then real news on this story paraphrased and coded by
this project (bench/data/news/: `news-dev` and `news-dev2` to tune on, `news-heldout` and `news-heldout3` checks
whose misses are never printed; see its README), then this gold.
The `holdout` file was written with the rest of the gold but is not used to tune the rules; it
estimates how the rules do on sentences they were not shaped on. `holdout2` is a second such file
(PLOVER-style sentences from many countries, annotated before the rules were run on them, when the
non-state groups, NGOs and generated places joined the gazetteer); it is not tuned on either.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bench.plover import DEFAULT_DATA as PLOVER_DATA
from bench.plover import Tally, evaluate_external

REPO_ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = REPO_ROOT / "tests" / "gold"
SPLITS = ("seed", "dev", "holdout", "holdout2")
# Real coverage of the story, paraphrased and coded by this project (bench/data/news/README.md).
NEWS_DIR = REPO_ROOT / "bench" / "data" / "news"
NEWS_SPLITS = {
    "news-dev": "dev.jsonl",
    "news-dev2": "dev2.jsonl",
    "news-heldout": "heldout.jsonl",
    "news-heldout3": "heldout3.jsonl",
}
# Check sets: their misses are never printed, so that nobody tunes the rules on them.
CHECK_ONLY_SPLITS = frozenset({"news-heldout", "news-heldout3"})

FIGURES = (
    "event detection",
    "event type",
    "actor",
    "recipient",
    "event type+actor+recipient",
    "quote speaker",
    "quote affiliation",
    "claim value",
    "claim subject+value",
)
ATTRIBUTES = ("negated", "hedged", "quantity", "location_id", "event_date")


# --------------------------------------------------------------------------------------------
# Counting
# --------------------------------------------------------------------------------------------


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIGURES})
    attributes: dict[str, list[bool]] = field(default_factory=lambda: {a: [] for a in ATTRIBUTES})
    sentences: int = 0
    details: list[str] = field(default_factory=list)
    misses: Counter[str] = field(default_factory=Counter)  # kinds of miss, counted (safe to print for any set)

    def figures(self) -> dict[str, dict[str, float]]:
        return {
            name: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "tp": s.tp, "fp": s.fp, "fn": s.fn}
            for name, s in self.scores.items()
        }

    def attribute_accuracy(self) -> dict[str, float | None]:
        return {a: (sum(v) / len(v) if v else None) for a, v in self.attributes.items()}


def _multiset(gold: Iterable[Any], pred: Iterable[Any]) -> tuple[int, int, int]:
    g, p = Counter(gold), Counter(pred)
    tp = sum((g & p).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    # "Kim Jong Un" and "Kim Jong-un" are one name spelled two ways: hyphens are word breaks.
    text = text.replace("’", "'").replace(".", "").replace("-", " ")
    for prefix in ("the ", "a ", "an "):
        text = text.removeprefix(prefix)
    # "Korean Central News Agency (KCNA)": a name with its acronym in brackets has both as words.
    return " ".join(text.replace(",", " ").replace("(", " ").replace(")", " ").split())


def _same_speaker(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    gid, pid = gold.get("speaker_id"), pred.get("speaker_id")
    if gid and pid and gid == pid:
        return True
    gname, pname = _norm(gold.get("speaker_name")), _norm(pred.get("speaker_name"))
    if not gname or not pname:
        return False
    if gname == pname:
        return True
    gw, pw = set(gname.split()), set(pname.split())
    return bool(gw) and bool(pw) and (gw <= pw or pw <= gw) and not (gid and pid and gid != pid)


def _same_value(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(a)))


def _value_key(claim: dict[str, Any]) -> tuple[float | None, float | None]:
    def r(v: Any) -> float | None:
        return None if v is None else round(float(v), 3)

    return r(claim.get("value_low")), r(claim.get("value_high"))


# --------------------------------------------------------------------------------------------
# Gold
# --------------------------------------------------------------------------------------------


@dataclass
class GoldDoc:
    key: str
    text: str
    published_at: date | None
    rows: list[dict[str, Any]]
    spans: list[tuple[int, int]]  # each row's character span in text


def load_gold(split: str = "all", gold_dir: Path = GOLD_DIR) -> list[dict[str, Any]]:
    """The rows of one gold file (a name in SPLITS or NEWS_SPLITS), or of all of tests/gold/ ("all")."""
    names = SPLITS if split == "all" else (split,)
    rows: list[dict[str, Any]] = []
    for name in names:
        path = NEWS_DIR / NEWS_SPLITS[name] if name in NEWS_SPLITS else gold_dir / f"{name}.jsonl"
        rows += load_gold_file(path, name)
    return rows


def load_gold_file(path: Path, name: str) -> list[dict[str, Any]]:
    """The rows of any file in the gold format, as the set `name`."""
    rows: list[dict[str, Any]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not a JSON line ({exc.msg})") from None
            row["_split"] = name
            row["_line"] = f"{path.name}:{number}"
            rows.append(row)
    return rows


def documents(rows: Sequence[dict[str, Any]], repo_root: Path = REPO_ROOT) -> list[GoldDoc]:
    # keyed by gold file too: two files holding the same article (a file before and after a recode, scored in
    # one run) are two documents, not one of twice the text
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault((row.get("_split", ""), row.get("doc") or f"sentence:{row['id']}"), []).append(row)
    docs: list[GoldDoc] = []
    for (_, key), members in grouped.items():
        path = repo_root / key
        if not key.startswith("sentence:") and path.is_file():
            text = path.read_text(encoding="utf-8")
        else:
            text = "".join(_joined(r, i == len(members) - 1) for i, r in enumerate(members))
        spans: list[tuple[int, int]] = []
        cursor = 0
        for row in members:
            start = text.find(row["text"], cursor)
            if start < 0:
                raise ValueError(f"{row['_line']}: sentence not found in its document {key}")
            spans.append((start, start + len(row["text"])))
            cursor = start + len(row["text"])
        when = members[0].get("published_at")
        docs.append(GoldDoc(key, text, date.fromisoformat(when) if when else None, members, spans))
    return docs


def _joined(row: dict[str, Any], last: bool) -> str:
    """A gold sentence as its document holds it: a headline on a line of its own (as an article
    page gives it: it ends with no full stop), the others followed by a space."""
    if last:
        return row["text"]
    return row["text"] + ("\n" if "headline" in row.get("tags", ()) else " ")


def _row_at(doc: GoldDoc, position: int) -> int | None:
    for index, (start, end) in enumerate(doc.spans):
        if start <= position < end:
            return index
    # Between sentences (a space): the following one.
    for index, (start, _) in enumerate(doc.spans):
        if position < start:
            return index
    return None


# --------------------------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------------------------


def evaluate(rows: Sequence[dict[str, Any]], nlp: Any | None = None, *, details: bool = False) -> Report:
    """One report over all the rows."""
    return evaluate_splits(rows, nlp, details=details)["all"]


def evaluate_splits(
    rows: Sequence[dict[str, Any]], nlp: Any | None = None, *, details: bool = False
) -> dict[str, Report]:
    """Reports per gold file (see SPLITS) and over all rows ("all"), from one extraction."""
    from extractors.extract import extract_text
    from extractors.nlp import load_pipeline

    nlp = nlp or load_pipeline()
    reports: dict[str, Report] = {"all": Report()}
    for doc in documents(rows):
        result = extract_text(nlp, doc.text, doc.published_at)
        if result.error:  # the pipeline isolates a failing text; a score must not silently omit it
            raise RuntimeError(f"extraction failed on a gold document ({doc.text[:60]!r}…): {result.error}")
        extraction = result.as_json()
        predicted: list[dict[str, list[dict[str, Any]]]] = [
            {"events": [], "quotes": [], "claims": []} for _ in doc.rows
        ]
        for event in extraction["events"]:
            index = _row_at(doc, (event["start"] + event["end"]) // 2)
            if index is not None:
                predicted[index]["events"].append(event)
        for quote in extraction["quotes"]:
            index = _row_at(doc, quote["start"])
            if index is not None:
                predicted[index]["quotes"].append(quote)
        for claim in extraction["claims"]:
            at = doc.text.find(claim["sentence"])
            index = _row_at(doc, at + len(claim["sentence"]) // 2) if at >= 0 else None
            if index is not None:
                predicted[index]["claims"].append(claim)
        for row, pred in zip(doc.rows, predicted, strict=True):
            for report in (reports["all"], reports.setdefault(row.get("_split", "all"), Report())):
                report.sentences += 1
                _score_row(report, row, pred, details=details)
                if row.get("_split", "all") == "all":
                    break
    return reports


def _score_row(report: Report, row: dict[str, Any], pred: dict[str, list[dict[str, Any]]], *, details: bool) -> None:
    s = report.scores
    gold_events, pred_events = row.get("events", []), pred["events"]
    s["event detection"].add(*_multiset([1] * len(gold_events), [1] * len(pred_events)))
    s["event type"].add(*_multiset([e["event_type"] for e in gold_events], [e["event_type"] for e in pred_events]))
    s["actor"].add(*_multiset([(e["event_type"], e["actor_id"]) for e in gold_events],
                              [(e["event_type"], e["actor_id"]) for e in pred_events]))  # fmt: skip
    s["recipient"].add(*_multiset([(e["event_type"], e.get("recipient_id")) for e in gold_events],
                                  [(e["event_type"], e["recipient_id"]) for e in pred_events]))  # fmt: skip

    def triple(e: dict[str, Any]) -> tuple[str, str, str | None]:
        return e["event_type"], e["actor_id"], e.get("recipient_id")

    s["event type+actor+recipient"].add(*_multiset(map(triple, gold_events), map(triple, pred_events)))
    report.misses.update(_event_miss_kinds(list(map(triple, gold_events)), list(map(triple, pred_events))))
    unmatched = list(pred_events)
    for g in gold_events:
        match = next((p for p in unmatched if triple(p) == triple(g)), None)
        if match is None:
            continue
        unmatched.remove(match)
        for attr in ATTRIBUTES:
            if attr in g:
                want, got = g[attr], match.get(attr)
                report.attributes[attr].append(_same_value(want, got) if attr == "quantity" else want == got)

    # Quote speakers: the set of who is quoted in the sentence.
    gold_q = _dedupe_speakers(row.get("quotes", []))
    pred_q = _dedupe_speakers(pred["quotes"])
    free = list(pred_q)
    tp = 0
    for g in gold_q:
        match = next((p for p in free if _same_speaker(g, p)), None)
        if match is None:
            continue
        free.remove(match)
        tp += 1
        if g.get("affiliation"):
            ok = bool(match.get("affiliation")) and (
                _norm(g["affiliation"]) in _norm(match["affiliation"])
                or _norm(match["affiliation"]) in _norm(g["affiliation"])
            )
            s["quote affiliation"].add(int(ok), int(not ok and bool(match.get("affiliation"))), int(not ok))
    s["quote speaker"].add(tp, len(free), len(gold_q) - tp)
    if len(gold_q) > tp:
        report.misses["quote: no quote found in the sentence" if not pred_q else "quote: another speaker"] += (
            len(gold_q) - tp
        )

    gold_c, pred_c = row.get("claims", []), pred["claims"]
    s["claim value"].add(*_multiset(map(_value_key, gold_c), map(_value_key, pred_c)))
    s["claim subject+value"].add(*_multiset([(c["subject_id"], *_value_key(c)) for c in gold_c],
                                            [(c["subject_id"], *_value_key(c)) for c in pred_c]))  # fmt: skip
    value_missed = Counter(map(_value_key, gold_c)) - Counter(map(_value_key, pred_c))
    subject_missed = Counter((c["subject_id"], *_value_key(c)) for c in gold_c) - Counter(
        (c["subject_id"], *_value_key(c)) for c in pred_c
    )
    report.misses["claim: value not found"] += sum(value_missed.values())
    report.misses["claim: value found, other subject"] += sum(subject_missed.values()) - sum(value_missed.values())

    if details and row.get("_split") not in CHECK_ONLY_SPLITS:
        gold_t = sorted(map(str, map(triple, gold_events)))
        pred_t = sorted(map(str, map(triple, pred_events)))
        gold_s = sorted(g.get("speaker_id") or g.get("speaker_name") or "?" for g in gold_q)
        pred_s = sorted(f"{p.get('speaker_id')}|{p.get('speaker_name')}" for p in pred_q)
        gold_v = sorted(str((c["subject_id"], *_value_key(c))) for c in gold_c)
        pred_v = sorted(str((c["subject_id"], *_value_key(c))) for c in pred_c)
        if gold_t != pred_t or tp != len(gold_q) or free or gold_v != pred_v:
            report.details.append(
                f"{row['id']}: {row['text']}\n"
                f"    events gold {gold_t}\n           pred {pred_t}\n"
                f"    quotes gold {gold_s}\n           pred {pred_s}\n"
                f"    claims gold {gold_v}\n           pred {pred_v}"
            )


def _event_miss_kinds(
    gold: Sequence[tuple[str, str, str | None]], pred: Sequence[tuple[str, str, str | None]]
) -> Counter[str]:
    """What went wrong with each unmatched gold triple, and which types were predicted in excess."""
    missed, extra = Counter(gold) - Counter(pred), Counter(pred) - Counter(gold)
    kinds: Counter[str] = Counter()
    for (kind, actor, _), count in missed.items():
        if not pred:
            why = "no event in the sentence"
        elif any(p[0] == kind and p[1] == actor for p in extra):
            why = "type and actor found, other recipient"
        elif any(p[0] == kind for p in extra):
            why = "type found, other actor"
        else:
            why = "type not found"
        kinds[f"event: {why}"] += count
        kinds[f"event missed: {kind}"] += count
    for (kind, _, _), count in extra.items():
        kinds[f"event extra: {kind}"] += count
    return kinds


def _dedupe_speakers(quotes: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for q in quotes:
        if not any(_same_speaker(q, o) for o in out):
            out.append(q)
    return out


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------


def format_report(name: str, report: Report, *, misses: bool = False) -> str:
    lines = [f"{name}: {report.sentences} sentences", f"  {'figure':<28} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn"]
    for figure, score in report.scores.items():
        counts = f"{score.tp}/{score.fp}/{score.fn}"
        lines.append(f"  {figure:<28} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f}   {counts}")
    accuracy = report.attribute_accuracy()
    parts = [f"{a} {v:.2f} (n={len(report.attributes[a])})" for a, v in accuracy.items() if v is not None]
    if parts:
        lines.append("  on matched events: " + ", ".join(parts))
    if misses and report.misses:
        lines.append("  misses by kind (counts only):")
        for prefix in ("event: ", "event missed: ", "event extra: ", "quote: ", "claim: "):
            counted = sorted(
                ((-n, k.removeprefix(prefix)) for k, n in report.misses.items() if k.startswith(prefix) and n)
            )
            if counted:
                lines.append(f"    {prefix}" + ", ".join(f"{kind} {-n}" for n, kind in counted))
    return "\n".join(lines)


def _tally_figures(tally: Tally) -> dict[str, float]:
    s = Score(tally.tp, tally.fp, tally.fn)
    return {"precision": s.precision, "recall": s.recall, "f1": s.f1, "tp": s.tp, "fp": s.fp, "fn": s.fn}


def _report_splits(
    splits: Sequence[str],
    reports: dict[str, Report],
    results: dict[str, Any],
    *,
    details: bool,
    json_only: bool,
    misses: bool = False,
) -> None:
    for split in splits:
        report = reports[split]
        results[split] = {
            "sentences": report.sentences,
            "figures": report.figures(),
            "attributes": report.attribute_accuracy(),
        }
        if misses:
            results[split]["misses"] = dict(report.misses)
        if not json_only:
            print(format_report(split, report, misses=misses))
            if details and report.details:
                print("\n".join(report.details))
            print()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--split",
        choices=(*SPLITS, "all", *NEWS_SPLITS),
        default=None,
        help="one gold file (default: the news sets, then each file of tests/gold, then all of it)",
    )
    parser.add_argument(
        "--details",
        action="store_true",
        help="print every sentence whose extraction differs from gold (never for a check set: news-heldout, "
        "news-heldout3)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--plover", type=Path, default=PLOVER_DATA, help="the PLOVER gold-standard records (PLOVER_GSR_CAMEO.txt)"
    )
    parser.add_argument("--plv", type=Path, default=None, help="PLV_train.tsv of Zero-Shot-PLOVER (not in the repo)")
    parser.add_argument(
        "--own-only", action="store_true", help="skip the external and news sets; only the project's gold"
    )
    parser.add_argument(
        "--news-file",
        type=Path,
        action="append",
        default=[],
        metavar="PATH",
        help="score this file (gold format, e.g. bench/data/news/train/meet.jsonl) as a set of its own, "
        "and nothing else; may be given more than once",
    )
    args = parser.parse_args(argv)
    if args.plv is not None and not args.plv.is_file():
        parser.error(f"--plv {args.plv}: no such file")
    for path in args.news_file:
        if not path.is_file():
            parser.error(f"--news-file {path}: no such file")
        if any(path.resolve() == (NEWS_DIR / NEWS_SPLITS[split]).resolve() for split in CHECK_ONLY_SPLITS):
            parser.error(f"--news-file {path}: a held-out check set is scored by the default run, counts only")
    if args.own_only and args.split in NEWS_SPLITS:
        parser.error(f"--own-only scores only tests/gold/, not --split {args.split}")

    from extractors.nlp import load_pipeline

    nlp = load_pipeline()
    results: dict[str, Any] = {}
    if args.news_file:
        try:
            files = {str(path): load_gold_file(path, str(path)) for path in args.news_file}
        except ValueError as exc:
            parser.error(str(exc))
        reports = evaluate_splits([row for rows in files.values() for row in rows], nlp, details=args.details)
        _report_splits(list(files), reports, results, details=args.details, json_only=args.json, misses=True)
        if args.json:
            json.dump(results, sys.stdout, indent=2)
            print()
        return 0
    # Text written and coded by others first: the project's own gold flatters rules shaped on it.
    # A run for one split (--split) scores that split alone.
    if not args.own_only and args.split is None:
        if not args.plover.is_file():
            print(f"PLOVER gold-standard records not found at {args.plover}: skipped\n", file=sys.stderr)
        external = evaluate_external(nlp, args.plover, args.plv)
        results["external"] = {
            r.title: {
                "sentences": r.sentences,
                "event type": _tally_figures(r.event_type),
                "event type+actor+recipient": _tally_figures(r.triple),
            }
            for r in external
        }
        if not args.json:
            print("== Written and coded by others ==\n")
            for ext in external:
                print("\n".join(ext.lines(details=args.details)))
                print()
    # Real news on the story next: closer to what the extractors meet than the own gold, still ours.
    news_splits = [] if args.own_only else [s for s in NEWS_SPLITS if args.split in (None, s)]
    if news_splits:
        rows = [row for split in news_splits for row in load_gold(split)]
        news_reports = evaluate_splits(rows, nlp, details=args.details)
        if not args.json:
            print(
                "== Real news on this story (bench/data/news/): paraphrased real coverage coded by this project, "
                "closer to new text than the own gold, still ours ==\n"
            )
        _report_splits(news_splits, news_reports, results, details=args.details, json_only=args.json, misses=True)
    if args.split not in NEWS_SPLITS:
        if not args.json and not args.own_only:
            print("== The project's own gold (tests/gold/) ==\n")
        reports = evaluate_splits(load_gold(args.split or "all"), nlp, details=args.details)
        splits = [args.split] if args.split else [*SPLITS, "all"]
        _report_splits(splits, reports, results, details=args.details, json_only=args.json)
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
