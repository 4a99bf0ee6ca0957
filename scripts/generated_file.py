"""The command line shared by the scripts that generate a committed data file (build_states.py,
build_places.py, build_people.py, build_organisations.py, build_cameo_lexicon.py): write it, or with
--check say whether the committed file is up to date."""

from __future__ import annotations

import argparse
import hashlib
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


PETRARCH2_LICENCE = "MIT, Copyright (c) 2014 Open Event Data Alliance"


def converted_file_main(
    script_file: str,
    source: str,
    convert: Callable[[str], Any],
    key: str,
    doc: str | None,
    default_out: Path,
    argv: list[str] | None,
) -> int:
    """The command line of a script that converts one dictionary of PETRARCH2 (build_people.py,
    build_agents.py) to a JSON file: the dictionary's path first, then generated_file_main's
    options. The file holds `key`: convert(the dictionary's text), and an `about` block with the
    source, its licence and hash, and the script. `script_file`: the script's __file__; `source`: the
    dictionary's path in petrarch2; `doc`: the script's docstring (its first paragraph describes it)."""
    script = Path(script_file).name
    description = (doc or "").split("\n\n")[0]
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0].startswith("-"):
        print(f"usage: {script} PATH/TO/{Path(source).name} [--out PATH] [--check]", file=sys.stderr)
        return 2
    path = Path(args.pop(0))

    def render() -> str:
        text = path.read_text(encoding="utf-8", errors="replace")
        about = {
            "source": f"{source}, github openeventdata/petrarch2",
            "licence": PETRARCH2_LICENCE,
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "generator": f"scripts/{script}",
        }
        document = {"about": about, key: convert(text)}
        return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    return generated_file_main(
        description, default_out, render, lambda text: f"wrote {len(json.loads(text)[key])} {key}", args
    )
