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

A bare surname ("NETANYAHU") is kept only where the dictionary itself lists it as one of the
person's forms and it is the last word of their name, and no other person of the dictionary has
a form ending in it ("KIM", "LEE", "CLINTON" are shared; "ERDOGAN" is not). The gazetteer links
these people only where the NER itself reads a PERSON, and any curated or place form wins (see
gazetteer.py).

    python scripts/build_people.py PATH/TO/Phoenix.Countries.actors.txt [--check]

The output is deterministic: the same dictionary gives the same file byte for byte.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from generated_file import converted_file_main  # scripts/ is on sys.path when run as a script
from phoenix import PhoenixEntry, latest_code, read_entries

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
# Words that make a name an organisation, an office or a place ("Westminster Palace", "Afghan
# National Security Forces"), not a person: entries not marked CountryInfo mix all of these.
ORGANISATION_WORDS = frozenset(
    """agency bureau forces force army navy police guard guards ministry department office council
    party committee commission congress parliament assembly court service services administration
    intelligence community palace house union front movement organization organisation alliance
    brigade brigades corps unit units group league society institute university bank company
    corporation republic kingdom state states province region city federation authority command
    regime coalition declaration team rifles street yard island islands isles tank reserve representative
    sabha bet jaysh jaish vice-president international association foundation fund network initiative
    centre center programme program project trust aid relief rights watch action forum conference
    mission campaign children peace development world global national institution board""".split()  # noqa: SIM905 (a word list reads better as text)
)
# Sectors of a person's code ("USAGOV", "SYRELI"): a leader, official, legislator, officer, judge,
# opposition figure. Territories and groups carry other codes ("USAPRI"; "SYRREB").
PERSON_SECTORS = frozenset({"GOV", "ELI", "LEG", "MIL", "JUD", "SPY", "COP", "OPP"})


def _safe(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 4 and not any(w.lower().strip(".,") in TITLE_WORDS for w in words)


def _is_person(entry: PhoenixEntry) -> bool:
    """A person entry: marked CountryInfo, or (an entry added by hand, as "BARACK_OBAMA") coded with
    a sector ("USAGOV", not the bare state of a country entry) and named without organisation words."""
    if "CountryInfo.txt" in entry.comment:
        return True
    sectored = bool(entry.codes) and all(c.code[3:6] in PERSON_SECTORS for c in entry.codes)
    return sectored and not is_organisation_entry(entry)


def is_organisation_entry(entry: PhoenixEntry) -> bool:
    """An entry that names an organisation: a one-word name ("MOSSAD"; people have two words at
    least) or a name with an organisation word ("FEDERAL_BUREAU_OF_INVESTIGATION"). A person's other
    forms may name their office ("THE_OBAMA_ADMINISTRATION"): those are dropped, not read."""
    return len(entry.name.split()) == 1 or names_organisation(entry.name)


def names_organisation(form: str) -> bool:
    return any(w.lower().strip(".,'") in ORGANISATION_WORDS for w in form.replace("-", " ").split())


def _surnames(entries: list[PhoenixEntry]) -> dict[str, set[str]]:
    """Each last word of a person's name or other form (folded), with the names of the people
    whose forms end in it."""
    owners: dict[str, set[str]] = {}
    for entry in entries:
        for form in [entry.name, *entry.aliases]:
            words = form.split()
            if len(words) >= 2:
                owners.setdefault(words[-1].casefold(), set()).add(entry.name.casefold())
    return owners


def _bare_surnames(entry: PhoenixEntry, owners: dict[str, set[str]]) -> set[str]:
    """The one-word forms the dictionary lists for a person ("+ERDOGAN") that end their name and
    that no other person's form ends in."""
    last = entry.name.split()[-1].casefold()
    return {
        a
        for a in entry.aliases
        if len(a.split()) == 1
        and a.casefold() == last
        and a.isalpha()
        and len(a) >= 4
        and a.casefold() not in TITLE_WORDS | ORGANISATION_WORDS
        and owners.get(last) == {entry.name.casefold()}
    }


def parse(text: str, state_ids: set[str]) -> list[dict[str, object]]:
    """Person records {id, name, country, aliases} from the dictionary's text."""
    states_of: dict[str, set[str]] = {}
    people: dict[str, dict[str, object]] = {}
    entries = [e for e in read_entries(text) if _is_person(e)]
    owners = _surnames(entries)
    for entry in entries:
        name = entry.name
        code = latest_code(entry.codes)
        state = code[:3] if code is not None else None
        if state is None or state not in state_ids or not _safe(name):
            continue
        forms = sorted(
            {
                name,
                *(a for a in entry.aliases if _safe(a) and not names_organisation(a)),
                *_bare_surnames(entry, owners),
            }
        )
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
