"""Generate extractors/data/agents.json — generic agent nouns ("rebels", "riot police", "lawmakers")
with their Phoenix sector, read by extractors/resolution.py.

Facts come from Phoenix.agents.txt of github openeventdata/petrarch2 (MIT, Open Event Data
Alliance; the CAMEO agents dictionary of the Computational Event Data System project). An agent
names a role, not a state: PETRARCH codes it with the country named beside it ("Tamil rebels",
"police in Algiers"), which is how the resolver uses it. Kept:

* one- and two-word agents (the resolver matches a noun, or a noun and the word before it);
* their irregular plurals (`{LAWMEN}`); regular plurals come from the noun's lemma;
* the substitution sets (`!PERSON!` -> man, men, woman, women, person) expanded;
* the sector: the first three letters of the agent code ("~GOVMIL" -> GOV).

Stems ("MINISTR ") and words that are also common non-agent words are left to the dictionary's
own judgement: a noun is only an agent where the resolver reads it as the head of an actor phrase.

    python scripts/build_agents.py PATH/TO/Phoenix.agents.txt [--out PATH] [--check]

The output is deterministic: the same dictionary gives the same file byte for byte.
"""

from __future__ import annotations

import re
from pathlib import Path

from generated_file import converted_file_main  # scripts/ is on sys.path when run as a script

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO_ROOT / "extractors" / "data" / "agents.json"

_SUBSTITUTION = re.compile(r"^!([A-Z]+)!\s*=\s*(.+)$")
_ENTRY = re.compile(r"^(?P<phrase>[A-Z0-9_!'\-.&]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[~(?P<code>[A-Z]+)\]")
_MAX_WORDS = 2


def _forms(phrase: str, substitutions: dict[str, list[str]]) -> list[str]:
    """The phrase's spellings, substitution sets expanded, lower-case with spaces."""
    found = [phrase]
    for name, words in substitutions.items():
        marker = f"!{name}!"
        found = [f.replace(marker, w) for f in found for w in words] if marker in phrase else found
    return [" ".join(f.lower().replace("_", " ").split()) for f in found if "!" not in f]


def parse(text: str) -> dict[str, str]:
    """Agent phrase (lower case) -> sector, from the dictionary's text. A phrase two sectors claim
    keeps the first, as PETRARCH does."""
    substitutions: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        sub = _SUBSTITUTION.match(line)
        if sub:
            substitutions[sub.group(1)] = [w.strip() for w in sub.group(2).split(",") if w.strip()]
            continue
        entry = _ENTRY.match(line)
        if entry is None:
            continue
        sector = entry.group("code")[:3]
        phrases = [entry.group("phrase"), *(entry.group("plurals") or "").split()]
        for phrase in phrases:
            for form in _forms(phrase.strip(","), substitutions):
                if form and len(form.split()) <= _MAX_WORDS and re.fullmatch(r"[a-z][a-z' .&-]*", form):
                    agents.setdefault(form, sector)
    return dict(sorted(agents.items()))


SOURCE = "petrarch2/data/dictionaries/Phoenix.agents.txt"


def main(argv: list[str] | None = None) -> int:
    return converted_file_main(__file__, SOURCE, parse, "agents", __doc__, DEFAULT_OUT, argv)


if __name__ == "__main__":
    raise SystemExit(main())
