"""Event figures on sentences written and coded by others, not by this project:

- the PLOVER gold-standard records (../shared/data/plover-gsr, CC BY-SA 4.0, Open Event Data
  Alliance): the gold PLOVER category (FIGHT is ASSAULT's older name), source and target codes;
- optionally PLV_train.tsv of github snowood1/Zero-Shot-PLOVER (1,044 news sentences with a marked
  source and target span and a PLOVER root code; no licence stated, so it is not in the repository:
  pass its path with --plv; its target "a recipient" is a placeholder for none). Its older names:
  YIELD = CONCEDE or RETREAT, REQUEST = DEMAND, and ACCUSE = DISAPPROVE or INVESTIGATE (the PLOVER
  codebook's ACCUSE holds disapprove, allege and investigate; the CAMEO-to-PLOVER 2021 table maps
  CAMEO 09 "investigate" to ACCUSE).

Per record:
- event type: a predicted event of the gold type is a true positive (one per record); every other
  predicted event is a false positive; a record without one is a false negative;
- type + actor + recipient: the same, where the event's actor is one of the gold source codes and its
  recipient one of the target codes (no gold target: no recipient) — for PLV, where the gold actors
  are spans of text, where the event's actor_text and recipient_text overlap the marked spans.

    python -m bench.plover [--data PATH] [--plv PATH] [--details]

--details prints the records of PLV_train only: 321 of the 322 PLOVER records are lightly edited
sentences of PLV_test (the split others report on), so they are a check set, scored but never read
record by record here.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.shared_data import SHARED_DIR

DEFAULT_DATA = SHARED_DIR / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
RENAMED = {"FIGHT": "ASSAULT", "REQUEST": "DEMAND"}
OLD_NAMES = {"YIELD": frozenset({"CONCEDE", "RETREAT"}), "ACCUSE": frozenset({"DISAPPROVE", "INVESTIGATE"})}


@dataclass(frozen=True, slots=True)
class GoldRecord:
    record_id: str
    text: str
    event_types: frozenset[str]  # any of these is right (one, except for old names that were split)
    sources: frozenset[str]  # codes, or (by_span) the marked source text
    targets: frozenset[str]
    by_span: bool = False

    def actor_matches(self, event: Any) -> bool:
        if self.by_span:
            return _overlaps(event.actor_text, self.sources)
        return _code_matches(event.actor_id, self.sources)

    def recipient_matches(self, event: Any) -> bool:
        if not self.targets:
            return event.recipient_id is None
        if self.by_span:
            return _overlaps(event.recipient_text, self.targets)
        return _code_matches(event.recipient_id, self.targets)


# The records code every intergovernmental organisation "IGO" and every non-governmental one "NGO"
# ("United Nations", "NATO", "Amnesty International"), where the extractor names the organisation.
_GENERIC_CODES = {"igo": "IGO", "ngo": "NGO"}
# Codes the records spell outside ISO 3166-1 alpha-3 (the readme says they follow it).
_GOLD_TYPOS = {"JAP": "JPN"}


def _code_matches(code: str | None, gold: frozenset[str]) -> bool:
    """Whether an extracted actor code is one of the gold codes, an organisation matching the
    records' generic IGO/NGO code."""
    if code is None:
        return False
    if code in gold:
        return True
    from extractors.gazetteer import load_gazetteer

    entity = load_gazetteer().entity(code)
    return entity is not None and _GENERIC_CODES.get(entity.kind) in gold


def _overlaps(text: str | None, spans: frozenset[str]) -> bool:
    words = _words(text or "")
    return any(words & _words(span) - _STOPWORDS for span in spans)


def _words(text: str) -> set[str]:
    """The words of a text, compared without the punctuation and the possessive "'s" written on
    them ("Bank," is "bank", "Germany's" is "germany")."""
    stripped = (word.strip(_PUNCTUATION) for word in text.lower().split())
    return {word.removesuffix("'s").removesuffix("\u2019s") for word in stripped} - {""}


_STOPWORDS = frozenset({"the", "a", "an", "of", "and", "in", "on", "for", "to"})
_PUNCTUATION = ".,;:!?()[]\"'\u201c\u201d\u2018\u2019"


def gold_types(code: str) -> frozenset[str]:
    return OLD_NAMES.get(code, frozenset({RENAMED.get(code, code)}))


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def line(self, name: str) -> str:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return f"  {name:<28} {precision:6.3f} {recall:6.3f} {f1:6.3f}   {self.tp}/{self.fp}/{self.fn}"


def load_records(path: Path) -> list[GoldRecord]:
    records = []
    for raw in json.loads(path.read_text(encoding="utf-8")):
        if "event" not in raw or "text" not in raw:
            continue  # the DOCUMENT header
        records.append(
            GoldRecord(
                record_id=raw["id"],
                text=raw["text"],
                event_types=gold_types(raw["event"]),
                sources=_codes(raw.get("source")),
                targets=_codes(raw.get("target")),
            )
        )
    return records


def load_plv(path: Path) -> list[GoldRecord]:
    """PLV_train.tsv / PLV_test.tsv rows: sentence, marked source and target spans, gold root code."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [
        GoldRecord(
            record_id=f"{path.stem}-{row['sentence_id']}",
            text=row["sentence"],
            event_types=gold_types(row["gold_root"]),
            sources=frozenset({row["source"]} if row["source"] else ()),
            targets=frozenset({row["target"]} if row["target"] not in _NO_TARGET else ()),
            by_span=True,
        )
        for row in rows
    ]


def plv_half(records: Sequence[GoldRecord], lines: str) -> list[GoldRecord]:
    """PLV records by the parity of their line in the file ("odd" or "even"; the header is line 1, so the
    first record is on line 2), for tuning on one half while checking the other; "all": every record."""
    if lines == "all":
        return list(records)
    if lines not in ("odd", "even"):
        raise ValueError(f"lines must be 'odd', 'even' or 'all', not {lines!r}")
    return [r for i, r in enumerate(records, start=2) if (i % 2 == 1) == (lines == "odd")]


# PLV marks an event with no recipient by the placeholder "a recipient" (words not in its sentence).
_NO_TARGET = frozenset({"", "a recipient"})


def _codes(actors: Any) -> frozenset[str]:
    """The codes of a record's source or target list (some records have "" or null: none)."""
    if not isinstance(actors, list):
        return frozenset()
    return frozenset(_GOLD_TYPOS.get(a["code"], a["code"]) for a in actors if isinstance(a, dict) and a.get("code"))


def score(records: Sequence[GoldRecord], predicted: Sequence[Sequence[Any]]) -> tuple[Tally, Tally, list[str]]:
    """(event type, type + actor + recipient, one line per record that missed)."""
    by_type, full, misses = Tally(), Tally(), []
    for record, events in zip(records, predicted, strict=True):
        typed = [e for e in events if e.event_type in record.event_types]
        exact = [e for e in typed if record.actor_matches(e) and record.recipient_matches(e)]
        for tally, hits in ((by_type, typed), (full, exact)):
            tally.tp += 1 if hits else 0
            tally.fn += 0 if hits else 1
            tally.fp += len(events) - (1 if hits else 0)
        if not exact:
            got = ", ".join(f"{e.actor_id} {e.event_type} {e.recipient_id or '-'}" for e in events) or "nothing"
            kinds = "/".join(sorted(record.event_types))
            gold = f"{'/'.join(sorted(record.sources))} {kinds} {'/'.join(sorted(record.targets)) or '-'}"
            misses.append(f"{record.record_id}: gold {gold}; got {got}\n    {record.text}")
    return by_type, full, misses


@dataclass
class ExternalReport:
    title: str
    sentences: int
    event_type: Tally
    triple: Tally
    misses: list[str]
    check_only: bool = False  # a check set: figures only, its records are never printed

    def lines(self, *, details: bool = False) -> list[str]:
        out = [
            f"{self.title}: {self.sentences} sentences",
            f"  {'figure':<28} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn",
            self.event_type.line("event type"),
            self.triple.line("event type+actor+recipient"),
        ]
        if details and self.check_only:
            return [*out, "  (a check set: its records are not printed)"]
        return out + (self.misses if details else [])


def evaluate_external(
    nlp: Any, data: Path = DEFAULT_DATA, plv: Path | None = None, plv_lines: str = "all"
) -> list[ExternalReport]:
    """The PLOVER records (when `data` exists) and PLV_train (when a path is given; `plv_lines`: one half
    of it, plv_half), scored."""
    from extractors.extract import extract_texts

    sets: list[tuple[str, list[GoldRecord], bool]] = []
    if data.is_file():
        title = "PLOVER gold-standard records (written and coded by the PLOVER authors)"
        sets.append((title, load_records(data), True))
    if plv is not None:
        half = "" if plv_lines == "all" else f", {plv_lines} lines"
        title = f"{plv.name} (Zero-Shot-PLOVER; written and coded by others{half})"
        sets.append((title, plv_half(load_plv(plv), plv_lines), False))
    reports = []
    for title, records, check_only in sets:
        extractions = list(extract_texts(nlp, [r.text for r in records]))
        failed = [(r.record_id, e.error) for r, e in zip(records, extractions, strict=True) if e.error]
        if failed:  # the pipeline isolates a failing text; a score must not silently count it as a miss
            raise RuntimeError(f"extraction failed on {len(failed)} of {title}'s records, first {failed[0]}")
        predicted = [extraction.events for extraction in extractions]
        by_type, full, misses = score(records, predicted)
        reports.append(ExternalReport(title, len(records), by_type, full, misses, check_only))
    return reports


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="PLOVER_GSR_CAMEO.txt")
    parser.add_argument("--plv", type=Path, default=None, help="PLV_train.tsv (or PLV_test.tsv) of Zero-Shot-PLOVER")
    parser.add_argument(
        "--details",
        action="store_true",
        help="print every PLV record whose events differ (never the PLOVER records: a check set)",
    )
    parser.add_argument(
        "--plv-lines",
        choices=("all", "odd", "even"),
        default="all",
        help="score one half of PLV by the parity of its file lines (tune on one, check the other)",
    )
    args = parser.parse_args(argv)

    from extractors.nlp import load_pipeline

    for report in evaluate_external(load_pipeline(), args.data, args.plv, args.plv_lines):
        print("\n".join(report.lines(details=args.details)))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
