"""The command line shared by the scripts that generate a committed data file (build_states.py,
build_places.py, build_people.py, build_cameo_lexicon.py): write it, or with --check say whether the
committed file is up to date."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def generated_file_main(
    description: str,
    default_out: Path,
    render: Callable[[], str],
    summary: Callable[[str], str],
    argv: list[str] | None,
) -> int:
    """`render()` gives the file's text; `summary(text)` says what was written ("wrote 197 states")."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=default_out, help="file to write (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is not up to date")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date: run python scripts/{Path(sys.argv[0]).name}", file=sys.stderr)
            return 1
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"{summary(text)} to {args.out}")
    return 0


def json_file_main(
    description: str,
    default_out: Path,
    build: Callable[[], dict[str, Any]],
    records: str,
    indent: int,
    argv: list[str] | None,
) -> int:
    """generated_file_main for a JSON document whose list `records` is what it holds ("states")."""
    return generated_file_main(
        description,
        default_out,
        lambda: json.dumps(build(), ensure_ascii=False, indent=indent) + "\n",
        lambda text: f"wrote {len(json.loads(text)[records])} {records}",
        argv,
    )
