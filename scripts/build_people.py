"""Generate extractors/data/people.json — leaders and officials of every state, each with their state.

Facts come from Phoenix.Countries.actors.txt of github openeventdata/petrarch2 (MIT, Open Event
Data Alliance; built from CountryInfo.140130.txt of the Computational Event Data System project):
every person entry (marked `# CountryInfo.txt`) with its other spellings and its dated codes
("[ISRGOV 960618-990706]"). A person's state is the state of their latest code. Kept only where
a name is safe to link:

* two to four words, none of them a title or office ("PRIME_MINISTER_BENJAMIN_NETANYAHU" is the
  same person as "BENJAMIN_NETANYAHU", and titles are not part of a PERSON span);
* a state the gazetteer knows (codes of international organisations are skipped);
* one state for one name: a name two entries code to different states is dropped.

Bare surnames are never kept ("NETANYAHU"): they are ambiguous. The gazetteer links these people
only where the NER itself reads a PERSON, and any curated or place form wins (see gazetteer.py).

    python scripts/build_people.py PATH/TO/Phoenix.Countries.actors.txt [--check]

The output is deterministic: the same dictionary gives the same file byte for byte.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from generated_file import converted_file_main  # scripts/ is on sys.path when run as a script

REPO_ROOT = Path(__file__).resolve().parents[1]
DATA = REPO_ROOT / "extractors" / "data"
DEFAULT_OUT = DATA / "people.json"

# Words that make an alias a title-plus-name ("PRESIDENT_X") or a description, not a name.
TITLE_WORDS = frozenset(
    [
        "president",
        "prime",
        "minister",
        "king",
        "queen",
        "prince",
        "princess",
        "emperor",
        "general",
        "gen",
        "sheikh",
        "emir",
        "secretary",
        "chairman",
        "chairwoman",
        "chair",
        "leader",
        "chief",
        "commander",
        "defense",
        "defence",
        "foreign",
        "interior",
        "finance",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "envoy",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "lord",
        "lady",
        "former",
        "vice",
        "deputy",
        "senator",
        "governor",
        "mayor",
        "judge",
        "justice",
        "colonel",
        "col",
        "lieutenant",
        "lt",
        "major",
        "maj",
        "captain",
        "admiral",
        "marshal",
        "field",
        "sultan",
        "ayatollah",
        "imam",
        "pope",
        "cardinal",
        "archbishop",
        "bishop",
        "rev",
        "reverend",
        "the",
        "of",
        "government",
        "party",
        "army",
        "minister's",
    ]
)
_CODE = re.compile(r"\[([A-Z]{3})[A-Z]*\s*([<>]?\d{6})?(?:-(\d{6}))?\]")


def _name(raw: str) -> str:
    """ "MOHAMMAD_JAVAD_ZARIF_" -> "Mohammad Javad Zarif"."""
    words = [w for w in re.split(r"[_\s]+", raw.strip().strip("+")) if w]
    return " ".join(w.capitalize() if not re.fullmatch(r"[A-Z]\.", w) else w for w in words)


def _safe(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 4 and not any(w.lower().strip(".,") in TITLE_WORDS for w in words)


def _latest_state(codes: list[tuple[str, str]]) -> str | None:
    """The state of the code whose range ends last (an open range, then an undated code, last)."""
    if not codes:
        return None

    def when(code: tuple[str, str]) -> str:
        end = code[1]
        return "999999" if end in ("", "open") else end

    return max(enumerate(codes), key=lambda ic: (when(ic[1]), ic[0]))[1][0]


def parse(text: str, state_ids: set[str]) -> list[dict[str, object]]:
    """Person records {id, name, country, aliases} from the dictionary's text."""
    entries: list[tuple[str, list[str], list[tuple[str, str]]]] = []
    current: tuple[str, list[str], list[tuple[str, str]]] | None = None
    for line in text.splitlines():
        body = line.split("#", 1)[0].rstrip()
        if line and not line[0].isspace() and not line.startswith(("+", "#")):
            current = None
            if "# CountryInfo.txt" in line:
                current = (_name(body), [], [])
                entries.append(current)
            continue
        if current is None:
            continue
        if line.startswith("+"):
            current[1].append(_name(body))
        for code, start, end in _CODE.findall(line):
            open_ended = start.startswith(">") or (not start and not end)
            current[2].append((code, "open" if open_ended else end or start.lstrip("<")))
    states_of: dict[str, set[str]] = {}
    people: dict[str, dict[str, object]] = {}
    for name, aliases, codes in entries:
        state = _latest_state(codes)
        if state is None or state not in state_ids or not _safe(name):
            continue
        forms = sorted({name, *(a for a in aliases if _safe(a))})
        for form in forms:
            states_of.setdefault(form.casefold(), set()).add(state)
        slug = "p-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        record = people.setdefault(slug, {"id": slug, "name": name, "country": state, "aliases": []})
        if record["country"] != state:
            states_of.setdefault(name.casefold(), set()).add(str(record["country"]))
        record["aliases"] = sorted({*record["aliases"], *forms} - {name})  # type: ignore[misc]
    kept = []
    for slug in sorted(people):
        record = people[slug]
        forms = [f for f in [record["name"], *record["aliases"]] if len(states_of[str(f).casefold()]) == 1]  # type: ignore[misc]
        if record["name"] not in forms:
            continue
        record["aliases"] = [f for f in forms if f != record["name"]]
        kept.append(record)
    return kept


def _parse_with_states(text: str) -> list[dict[str, object]]:
    states = json.loads((DATA / "states.json").read_text(encoding="utf-8"))["states"]
    return parse(text, {s["id"] for s in states})


SOURCE = "petrarch2/data/dictionaries/Phoenix.Countries.actors.txt"


def main(argv: list[str] | None = None) -> int:
    return converted_file_main(__file__, SOURCE, _parse_with_states, "people", __doc__, DEFAULT_OUT, argv)


if __name__ == "__main__":
    raise SystemExit(main())
