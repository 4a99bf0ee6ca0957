"""PLV_train by halves, with who→whom details (a tuning aid for the roles lane).

Lines are counted in the file, the header being line 1: the record on line n is in the odd half when n
is odd. Extractions are cached as JSON so the roles can be studied without running the pipeline again.

    python -m bench.plv_roles --plv /tmp/plv/PLV_train.tsv --out /tmp/x.json [--lines odd|even|all]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from bench.plover import load_plv, score


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plv", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=None, help="write every record's events here as JSON")
    parser.add_argument("--lines", choices=("odd", "even", "all"), default="all")
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args(argv)

    from extractors.extract import extract_texts
    from extractors.nlp import load_pipeline

    records = load_plv(args.plv)
    chosen = [r for i, r in enumerate(records) if args.lines == "all" or (i % 2 == 1) == (args.lines == "odd")]
    extractions = list(extract_texts(load_pipeline(), [r.text for r in chosen]))
    predicted = [x.events for x in extractions]
    by_type, full, misses = score(chosen, predicted)
    print(f"PLV_train {args.lines} lines: {len(chosen)} records")
    print(by_type.line("event type"))
    print(full.line("event type+actor+recipient"))
    if args.details:
        print("\n".join(misses))
    if args.out is not None:
        rows = []
        for record, events in zip(chosen, predicted, strict=True):
            rows.append(
                {
                    "id": record.record_id,
                    "text": record.text,
                    "types": sorted(record.event_types),
                    "sources": sorted(record.sources),
                    "targets": sorted(record.targets),
                    "events": [
                        {
                            "type": e.event_type,
                            "actor_id": e.actor_id,
                            "actor_text": e.actor_text,
                            "recipient_id": e.recipient_id,
                            "recipient_text": e.recipient_text,
                            "actor_ok": record.actor_matches(e),
                            "recipient_ok": record.recipient_matches(e),
                        }
                        for e in events
                    ],
                }
            )
        args.out.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
