"""Check that no line of the repository copies text from the external sets (PLV_train, PLOVER GSR).

PLV_train has no licence and the PLOVER GSR sentences are a check set, so neither may be copied into
the code, its comments, docstrings, data or tests. This script reads the two sets from paths given on
the command line (they are never committed), collects every run of five words in their sentences, and
prints each tracked line of the repository that shares such a run, unless every run it shares is a
stock phrase of news writing in ALLOWED below (each with the reason it may stay).

    python scripts/check_external_overlap.py --plv /tmp/plv/PLV_train.tsv \\
        --gsr /work/shared/data/plover-gsr/PLOVER_GSR_CAMEO.txt
    python scripts/check_external_overlap.py --plv ... --gsr ... --all   # allowed lines too

Exit status 1 if any line is left after the allow-list, 0 otherwise. Scanned: the files git tracks,
except the news sets and other data under bench/data/ (written by helpers, checked separately) and
binary files.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
from pathlib import Path

N = 5
_WORD = re.compile(r"[a-z0-9']+")
_MARKUP_TAG = re.compile(r"\((?:[A-Z]+(?:/[A-Z]+)*): ")

# Five-word runs that may stay: each group with the reason. A run not here is a copy to reword.
_STOCK_GROUPS: dict[str, tuple[str, ...]] = {
    # Names and titles of organisations, states, places and people: a name is no one's sentence.
    "a proper name or title": (
        "association of southeast asian nations",
        "department of health and human",
        "of health and human services",
        "revolutionary armed forces of colombia",
        "liberation tigers of tamil eelam",
        "democratic people's republic of korea",
        "the democratic people's republic of",
        "great hall of the people",
        "u n human rights council",
        "u s secretary of state",
        "chairman of the u s",
        "the united nations security council",
        "the un security council on",
        "un secretary general antonio guterres",
        "indian prime minister narendra modi",
        "hungarian prime minister viktor orban",
        "turkish president recep tayyip erdogan",
        "south african president cyril ramaphosa",
        "saudi crown prince mohammed bin",
        "crown prince mohammed bin salman",
        "army chief abdel fattah al",
        "russian president vladimir putin to",
        "russian president vladimir putin signed",
        "president vladimir putin signed a",
        "war crimes and crimes against",
        "crimes and crimes against humanity",
    ),
    # Lists of states joined by "and": any text naming the same states says it so.
    "a list of state names": (
        "the united states and south",
        "united states and south korea",
        "the united states and the",
        "and the united arab emirates",
        "the united kingdom and the",
        "united kingdom and the united",
        "kingdom and the united states",
        "japan and the united states",
    ),
    # A head of state's full name as Wikidata writes it (extractors/data/people.json): a name, not a sentence.
    "a leader's name": (
        "andr s manuel l pez",
        "s manuel l pez obrador",
    ),
    # Formulas of news writing: a verb with its usual object or an attribution, with nothing of the
    # external sentence around it (the names, places and numbers of our lines are our own).
    "a stock news formula": (
        "with the north korean leader",
        "to withdraw its troops from",
        "withdraw its troops from the",
        "withdrew its troops from the",
        "willing to withdraw its troops",
        "is willing to withdraw its",
        "conceded to the demands of",
        "to lift the ban on",
        "refuses to lift the ban",
        "the new york times reported",
        "new york times reported on",
        "issued an arrest warrant for",
        "an arrest warrant for the",
        "declared a state of emergency",
        "a state of emergency in",
        "lifted the state of emergency",
        "declared a state of siege",
        "a state of siege in",
        "says it will not accept",
        "has said it will not",
        "said it would allow the",
        "said they would boycott the",
        "said on tuesday it had",
        "japan said on tuesday it",
        "said on monday that he",
        "for the first time in",
        "relations between the two countries",
        "failed to reach agreement on",
        "to reach agreement on the",
        "agreed to a ceasefire in",
        "approved a request from the",
        "approved the extradition of a",
        "refused a request by president",
        "talks with the afghan government",
        "cancelled a planned visit to",
        "announced a suspension of aid",
        "a suspension of aid to",
        "launched a scathing attack on",
        "launched a massive attack on",
        "launched a mediation effort to",
        "has launched a mediation effort",
        "launched a mediation effort between",
        "opened an investigation into the",
        "launched an investigation into the",
        "went on strike on monday",
        "attacked a military base in",
        "is sending troops to the",
        "pledged his full support for",
        "to call off the strike",
    ),
}
ALLOWED: dict[str, str] = {gram: reason for reason, grams_ in _STOCK_GROUPS.items() for gram in grams_}

# Paths not scanned: shared data written by helpers and the lexicon's generated data tables.
_SKIP_PREFIXES = ("bench/data/",)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def grams(text: str, n: int = N) -> set[str]:
    w = words(text)
    return {" ".join(w[i : i + n]) for i in range(len(w) - n + 1)}


def external_grams(plv: Path | None, gsr: Path | None) -> dict[str, str]:
    """Every five-word run of the external sentences → the name of the set it comes from."""
    found: dict[str, str] = {}
    if plv is not None:
        with plv.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                for g in grams(row.get("sentence") or ""):
                    found.setdefault(g, "PLV")
    if gsr is not None:
        for raw in json.loads(gsr.read_text(encoding="utf-8")):
            if not isinstance(raw, dict):
                continue
            texts = [raw.get("text") or ""]
            info = raw.get("textInfo")
            markup = info.get("markup") if isinstance(info, dict) else info
            if isinstance(markup, str):
                texts.append(_MARKUP_TAG.sub("", markup))
            for text in texts:
                for g in grams(text):
                    if "GSR" not in found.get(g, ""):
                        found[g] = found[g] + "+GSR" if g in found else "GSR"
    return found


def tracked_files(root: Path) -> list[Path]:
    out = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True)
    return [root / name for name in out.stdout.splitlines() if name and not name.startswith(_SKIP_PREFIXES)]


def scan(root: Path, external: dict[str, str], show_allowed: bool) -> int:
    offending = 0
    for path in tracked_files(root):
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue
        for number, line in enumerate(text.splitlines(), 1):
            hits = sorted(g for g in grams(line) if g in external)
            if not hits:
                continue
            bad = [g for g in hits if g not in ALLOWED]
            if not bad and not show_allowed:
                continue
            offending += bool(bad)
            sets = "/".join(sorted({external[g] for g in hits}))
            mark = "" if bad else f" (allowed: {ALLOWED[hits[0]]})"
            rel = path.relative_to(root)
            print(f"{rel}:{number}: [{sets}]{mark} {'; '.join(bad or hits)} | {line.strip()[:140]}")
    return offending


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plv", type=Path, help="PLV_train.tsv (tab-separated, 'sentence' column)")
    parser.add_argument("--gsr", type=Path, help="PLOVER_GSR_CAMEO.txt (JSON list of records)")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--all", action="store_true", help="also print lines the allow-list excuses")
    args = parser.parse_args(argv)
    if args.plv is None and args.gsr is None:
        parser.error("give --plv and/or --gsr")
    external = external_grams(args.plv, args.gsr)
    offending = scan(args.root.resolve(), external, args.all)
    print(f"{offending} line(s) share a {N}-word run with the external sets beyond the allow-list")
    return 1 if offending else 0


if __name__ == "__main__":
    sys.exit(main())
