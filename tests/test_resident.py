"""The resident data of an extracting process (flows/resident.py): loaded once, frozen once, and the
documents extracted after it still collected; the quote finder's word sets built once per lexicon."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from extractors.lexicon import load_lexicon

REPO = Path(__file__).resolve().parents[1]

# Run in a child process: gc.freeze() is process-wide, and the test process must keep its own GC.
_CHILD = """
import gc, json, weakref
from flows.resident import load_resident
from extractors.extract import extract_text

before = gc.get_freeze_count()
nlp = load_resident("auto")
frozen = gc.get_freeze_count()
assert load_resident("auto") is nlp
again = gc.get_freeze_count()

class Node:
    pass

def cycle():
    a, b = Node(), Node()
    a.other, b.other = b, a
    return weakref.ref(a)

text = "Russia's foreign minister met his Chinese counterpart in Beijing on Tuesday, the ministry said."
for _ in range(3):
    extraction = extract_text(nlp, text)
gone = cycle()
gc.collect()
print(json.dumps({"before": before, "frozen": frozen, "again": again, "collected": gone() is None,
                  "events": len(extraction.events), "after": gc.get_freeze_count()}))
"""


def test_resident_data_is_frozen_once_and_later_garbage_still_collected() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD], cwd=REPO, capture_output=True, text=True, timeout=300, check=True
    ).stdout
    got = json.loads(out.strip().splitlines()[-1])
    assert got["before"] == 0
    # The pipeline, gazetteer and lexicon are well over 100,000 tracked objects.
    assert got["frozen"] > 100_000
    assert got["again"] == got["frozen"] == got["after"]  # one freeze per process
    assert got["collected"] is True  # a cycle made after the freeze is garbage as before
    assert got["events"] >= 1


def test_quote_word_sets_are_built_once_per_lexicon() -> None:
    lex = load_lexicon()
    sets = lex.quote_sets
    assert lex.quote_sets is sets
    assert sets["generic_speakers"] == frozenset(lex.quotes["generic_speakers"])
    assert "marks" not in sets  # pairs of quotation marks stay a list of pairs
    assert lex.quote_genders["she"] == "f" and lex.quote_genders["he"] == "m"
