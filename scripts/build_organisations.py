"""Generate extractors/data/organisations.json — agencies, armed groups and international bodies,
each with the code PLOVER gives it: its state, or "igo" / "ngo".

Facts come from three Phoenix actor dictionaries of github openeventdata/petrarch2 (MIT, Open Event
Data Alliance; built by the Computational Event Data System project and the TOPS non-state war
actors project of Pennsylvania State University):

* Phoenix.Countries.actors.txt: the entries added beside CountryInfo's people that name a state's
  institution ("FEDERAL_BUREAU_OF_INVESTIGATION [USACOP]", "ISRAEL_DEFENSE_FORCES [ISRMIL]"):
  an organisation of that state;
* Phoenix.MilNonState.actors.txt: rebel, militant and terrorist groups of one state
  ("TALIBAN_ [AFGREB]"): a non-state organisation of that state;
* the international militant groups of both ("THE_ISLAMIC_STATE [IMGMUSISI]",
  "JEMAAH_ISLAMIYAH [IMGSEAMUSJMA]"), which no one state's code fits: a non-state organisation of no
  state, coded as itself like an international body (an upper-case id, "ISIL"); the names of one
  code are one group, and a group a state's code names too is that state's. Only entries whose name
  has an organisation word ("Islamic State", "Japanese Red Army") are read: the file lists these
  groups' members under the same code ("ABU_BAKAR__ [IMGSEAMUSJMA]"); "INT..." (international
  rebels, mostly mercenaries and bandits) stays out;
* Phoenix.International.actors.txt: intergovernmental ("IGO...") and non-governmental ("NGO...")
  organisations; companies ("MNC...") are left out.

An entry's code is its latest one (as for people). Kept only where a name is safe to link:

* a form of one word is either an acronym of two to four letters ("FBI", "IDF": matched only as
  written, in capitals; four letters for a charity or an armed group, whose shorter acronyms name
  many other things) or a longer proper name ("Mossad", "Hezbollah"), not an English word;
* a form made only of words every state's institutions use ("Senate", "Defense Department",
  "Secretary of State") is dropped: it names no one body;
* no form is a person's name as the people dictionary writes it (build_people.py keeps those);
* one entity for one form: a form two entries claim for different codes is dropped.

The gazetteer lets a curated or state form win any text these share, and links them only where
the NER itself reads an organisation (ORG).

International bodies get short upper-case ids like the curated ones (their acronym, else their
initials); agencies and groups a slug ("o-mossad").

    python scripts/build_organisations.py PATH/TO/petrarch2/data/dictionaries [--out PATH] [--check]

The output is deterministic: the same dictionaries give the same file byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path

from build_people import (  # scripts/ is on sys.path
    ORGANISATION_WORDS,
    TITLE_WORDS,
    is_organisation_entry,
    names_organisation,
)
from generated_file import PETRARCH2_LICENCE, generated_file_main
from phoenix import PhoenixEntry, latest_code, read_entries

REPO_ROOT = Path(__file__).resolve().parents[1]
DATA = REPO_ROOT / "extractors" / "data"
DEFAULT_OUT = DATA / "organisations.json"
SOURCES = ("Phoenix.Countries.actors.txt", "Phoenix.MilNonState.actors.txt", "Phoenix.International.actors.txt")

# Sectors of a state's institutions: government, military, police, intelligence, legislature, courts.
_INSTITUTION_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD"})
# Sectors of a group that fights or works against its state: PLOVER codes it by that state.
_NON_STATE_SECTORS = frozenset({"REB", "INS", "RAD"})
_MAX_WORDS = 8
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "to", "at", "de", "du", "des", "la", "le", "el"})
_ACRONYMS = frozenset({"us", "u.s.", "uk", "u.k.", "un", "u.n.", "eu", "e.u."})
# Words of institutions every state has: a form made of these alone ("Senate", "Defense Department",
# "Secretary of State", "Supreme Court Justices") names no one state, nor one body.
_GENERIC_WORDS = (
    ORGANISATION_WORDS
    | TITLE_WORDS
    | frozenset(
        """affairs supreme federal central justices staff joint chiefs revolutionary security armed special
        operations directorate external internal interior senate cabinet defense defence foreign
        general state""".split()  # noqa: SIM905 (a word list reads better as text)
    )
)
# One-word names in the dictionaries that are English words first ("Tigers", "Mavericks").
_COMMON_WORDS = frozenset(
    "avengers boogeymen cornerstone falcon mavericks tigers youth yahweh inevitables extraditables".split()  # noqa: SIM905
)


def _form(raw_name: str) -> str | None:
    """A form as news writes it ("Us Department Of Justice" -> "US Department of Justice"), or None
    when it is not safe to link (a short word that may be an English word, a long description)."""
    words = raw_name.replace("(", " ").replace(")", " ").split()
    if words and words[0].lower() == "the":
        words = words[1:]  # the gazetteer drops a leading "the" from what it looks up
    if not words or len(words) > _MAX_WORDS:
        return None
    plain = [w.lower().strip(".,'") for w in words if w.lower() not in _SMALL_WORDS]
    if all(w in _GENERIC_WORDS or w in _COMMON_WORDS for w in plain):
        return None
    if len(words) == 1:
        word = words[0]
        letters = word.replace(".", "")
        if not letters.isalpha():
            return None
        if len(letters) <= 4:
            return word.upper() if len(letters) >= 2 else None
        return word
    out = []
    for i, word in enumerate(words):
        lower = word.lower()
        if lower in _ACRONYMS:
            out.append(word.upper())
        elif i > 0 and lower in _SMALL_WORDS:
            out.append(lower)
        else:
            out.append(word)
    return " ".join(out)


def _split_acronym(raw_name: str) -> tuple[str, str | None]:
    """A name with its acronym in brackets ("Moro Islamic Liberation Front (milf)", as the
    dictionary writes "MORO_ISLAMIC_LIBERATION_FRONT_(MILF)_"): the name, and the acronym as another
    form. Brackets that hold anything else ("Direct Action (greece)") stay part of the name."""
    match = re.fullmatch(r"(.*\S)\s*\(([A-Za-z]{2,8})\)", raw_name.strip())
    if match is None:
        return raw_name, None
    head, acronym = match.group(1), match.group(2).upper()
    words = [w for w in head.split() if w.lower() not in _SMALL_WORDS]
    if not words or words[0][0].upper() != acronym[0]:
        return raw_name, None
    return head, acronym


def _slug(name: str) -> str:
    return "o-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _record(
    entry: PhoenixEntry, state_ids: set[str], source: str, state_names: Mapping[str, Sequence[str]]
) -> dict[str, object] | None:
    """The organisation an entry names, or None (a person, a country, a company, an international
    militant group)."""
    code = latest_code(entry.codes)
    if code is None:
        return None
    root, sector = code[:3], code[3:6]
    if root == "IMG" and source != "Phoenix.International.actors.txt":
        if not names_organisation(entry.name):
            return None  # a member of the group ("Hambali"), or a name that may be one
        kind, country, non_state = "organisation", None, True
    elif source == "Phoenix.International.actors.txt":
        if root not in ("IGO", "NGO"):
            return None
        kind, country, non_state = root.lower(), None, False
    elif root in state_ids and source == "Phoenix.MilNonState.actors.txt":
        kind, country, non_state = "organisation", root, True
    elif root in state_ids and "CountryInfo.txt" not in entry.comment:
        if sector not in _INSTITUTION_SECTORS | _NON_STATE_SECTORS:
            return None
        kind, country, non_state = "organisation", root, sector in _NON_STATE_SECTORS
    else:
        return None
    head, acronym = _split_acronym(entry.name)
    name = _form(head)
    if name is None:
        return None
    raw_forms = [acronym] if acronym else []
    for alias in entry.aliases:
        alias_head, alias_acronym = _split_acronym(alias)
        raw_forms += [alias_head, *([alias_acronym] if alias_acronym else [])]
    forms = {f for f in (_form(a) for a in raw_forms) if f is not None}
    if country is not None and not non_state:
        # A state's agency is written without its state where the text has named it ("United
        # States Department of Homeland Security": "the Department of Homeland Security").
        for form in [name, *forms]:
            for prefix in state_names.get(country, ()):
                if form.startswith(prefix + " "):
                    bare = _form(form[len(prefix) + 1 :])
                    # Only a name that says which body ("Department of Education", "Immigration and
                    # Customs Enforcement"), not a noun any state's may take ("Military", "Communist Party").
                    if bare is not None and not bare[0].islower() and {"of", "and"} & set(bare.split()):
                        forms.add(bare)
    if kind == "ngo" or non_state:
        # Three letters name many things ("FPS"); a small group or charity is seldom the one meant.
        forms = {f for f in forms if not re.fullmatch(r"[A-Z]{2,3}", f)}
    record: dict[str, object] = {"id": _slug(name), "name": name, "kind": kind, "aliases": sorted(forms - {name})}
    if country is not None:
        record["country"] = country
    if non_state:
        record["non_state"] = True
    if root == "IMG":
        record["code"] = code  # which group: two names of one code are one group (dropped on output)
    return record


def parse(
    texts: dict[str, str],
    state_ids: set[str],
    person_forms: set[str],
    reserved_ids: set[str],
    state_names: Mapping[str, Sequence[str]] | None = None,
) -> list[dict[str, object]]:
    """Organisation records {id, name, kind, country?, non_state?, aliases} from the dictionaries'
    texts (by file name). `person_forms`: the people dictionary's forms, folded; never an organisation's.
    `reserved_ids`: the ids the gazetteer has already (states, curated actors). `state_names`: each
    state's names and demonym ("USA": "United States", "US", "American"), which an agency's name may
    start with."""
    records: dict[str, dict[str, object]] = {}
    groups_of_code: dict[object, list[str]] = {}  # an international armed group's code -> its records
    for source in SOURCES:
        for entry in read_entries(texts[source]):
            # A person, or a state organ coded like one: its name says which.
            if source != "Phoenix.MilNonState.actors.txt" and not is_organisation_entry(entry):
                continue
            record = _record(entry, state_ids, source, state_names or {})
            if record is None:
                continue
            known = records.get(str(record["id"]))
            if record.get("code") is not None:
                if known is not None and "country" in known:
                    # A group a state's code names too ("MORO_ISLAMIC_LIBERATION_FRONT [PHLREB]") is that state's.
                    continue
                # Two names of one code that share a form are one group: "Islamic State" (ISIL) is
                # "Islamic State of Iraq and the Levant" (initials ISIL). A code may hold several
                # groups (IMGMUSALQ: al-Qaeda's allies), so sharing the code is not enough.
                forms = _forms_of(record)
                same = [records[g] for g in groups_of_code.get(record["code"], []) if _forms_of(records[g]) & forms]
                if same:
                    group = same[0]
                    group["aliases"] = sorted({*group["aliases"], record["name"], *record["aliases"]} - {group["name"]})  # type: ignore[misc]
                    continue
                if known is None:
                    groups_of_code.setdefault(record["code"], []).append(str(record["id"]))
            elif known is not None and known.get("code") is not None:
                records[str(record["id"])] = record  # a state's code wins over an international one
                continue
            if known is not None:
                if _code_of(known) != _code_of(record):
                    known["conflict"] = True
                    continue
                known["aliases"] = sorted({*known["aliases"], *record["aliases"]})  # type: ignore[misc]
                continue
            records[str(record["id"])] = record
    _merge_acronym_entries(records)
    # One code per form: a form two organisations of different codes claim (or a person's) is dropped.
    codes_of: dict[str, set[tuple[object, object]]] = {}
    for record in records.values():
        for form in [record["name"], *record["aliases"]]:  # type: ignore[misc]
            codes_of.setdefault(str(form).casefold(), set()).add(_code_of(record))
    kept = []
    for slug in sorted(records):
        record = records[slug]
        if record.pop("conflict", False):
            continue
        forms = [
            f
            for f in [record["name"], *record["aliases"]]  # type: ignore[misc]
            if len(codes_of[str(f).casefold()]) == 1 and str(f).casefold() not in person_forms
        ]
        if record["name"] not in forms:
            continue
        record["aliases"] = [f for f in forms if f != record["name"]]
        record.pop("code", None)
        kept.append(record)
    _name_international_bodies(kept, reserved_ids)
    return sorted(kept, key=lambda r: str(r["id"]))


def _code_of(record: dict[str, object]) -> tuple[object, object, object]:
    """What an organisation is coded as: its kind and state, and for a group of no state, the group."""
    return record["kind"], record.get("country"), record.get("code")


def _stateless(record: dict[str, object]) -> bool:
    """A body of no state, coded as itself: an international one or an international armed group."""
    return record["kind"] in ("igo", "ngo") or (record["kind"] == "organisation" and "country" not in record)


def _forms_of(record: dict[str, object]) -> set[str]:
    """A record's forms and its name's initials (of two letters or more), folded."""
    initials = _initials(str(record["name"]))
    forms = {str(record["name"]), *record["aliases"], *([initials] if len(initials) >= 2 else [])}  # type: ignore[misc]
    return {f.casefold() for f in forms}


def _initials(name: str) -> str:
    """ "Organization of African Unity" -> "OAU"."""
    words = [w for w in re.split(r"[\s\-/]+", name) if w and w.lower() not in _SMALL_WORDS]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _merge_acronym_entries(records: dict[str, dict[str, object]]) -> None:
    """An entry that is only the acronym ("OAU") of one other entry of the same code ("Organization
    of African Unity", which lists it or whose initials it is) is that entry: one organisation."""
    owners_of: dict[str, set[str]] = {}
    for slug, record in records.items():
        for form in {str(record["name"]), *record["aliases"], _initials(str(record["name"]))}:  # type: ignore[misc]
            owners_of.setdefault(form, set()).add(slug)
    for slug in sorted(records):
        record = records[slug]
        name = str(record["name"])
        if not re.fullmatch(r"[A-Z]{2,8}", name):
            continue
        code = _code_of(record)
        others = sorted(owners_of.get(name, set()) - {slug})
        owners = [s for s in others if s in records and _code_of(records[s]) == code]
        if len(owners) == 1:
            owner = records[owners[0]]
            owner["aliases"] = sorted({*owner["aliases"], name, *record["aliases"]} - {owner["name"]})  # type: ignore[misc]
            del records[slug]


def _name_international_bodies(records: list[dict[str, object]], reserved_ids: set[str]) -> None:
    """International bodies (and armed groups of no state) get short upper-case ids like the curated
    ones ("NATO"): their own acronym when they have one ("ADB"), else their initials ("ARI" for "A
    Rocha International") or their one word ("OXFAM"), a number added where another body has it
    already. The records come sorted by slug: stable ids."""
    taken = set(reserved_ids)
    for record in records:
        if not _stateless(record):
            continue
        acronyms = sorted(f for f in [record["name"], *record["aliases"]] if re.fullmatch(r"[A-Z]{2,8}", str(f)))  # type: ignore[misc]
        initials = _initials(str(record["name"]))
        whole = re.sub(r"[^A-Z0-9]", "", str(record["name"]).upper())  # a one-word name: "OXFAM"
        candidates = [*acronyms, initials if len(initials) >= 2 else whole]
        base = next((c for c in candidates if c not in taken), candidates[-1])
        entity_id, n = base, 1
        while entity_id in taken:
            n += 1
            entity_id = f"{base}{n}"
        taken.add(entity_id)
        record["id"] = entity_id


def _build(directory: Path) -> dict[str, object]:
    texts = {name: (directory / name).read_text(encoding="utf-8", errors="replace") for name in SOURCES}
    states = json.loads((DATA / "states.json").read_text(encoding="utf-8"))["states"]
    people = json.loads((DATA / "people.json").read_text(encoding="utf-8"))["people"]
    person_forms = {str(f).casefold() for p in people for f in [p["name"], *p["aliases"]]}
    about = {
        "source": ", ".join(f"petrarch2/data/dictionaries/{n}" for n in SOURCES) + ", github openeventdata/petrarch2",
        "licence": PETRARCH2_LICENCE,
        "sha256": {n: hashlib.sha256(texts[n].encode("utf-8")).hexdigest() for n in SOURCES},
        "generator": "scripts/build_organisations.py",
    }
    curated = tomllib.loads((DATA / "actors.toml").read_text(encoding="utf-8")).get("actor", [])
    state_ids = {s["id"] for s in states}
    reserved = state_ids | {a["id"] for a in curated}
    state_names = {
        s["id"]: sorted({s["name"], s["official_name"], *s["names"], *s["demonyms"][:1]} - {""}) for s in states
    }
    return {"about": about, "organisations": parse(texts, state_ids, person_forms, reserved, state_names)}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0].startswith("-"):
        usage = "usage: build_organisations.py PATH/TO/petrarch2/data/dictionaries [--out PATH] [--check]"
        print(usage, file=sys.stderr)
        return 2
    directory = Path(args.pop(0))
    missing = [n for n in SOURCES if not (directory / n).is_file()]
    if missing:
        print(f"build_organisations.py: {directory} lacks {', '.join(missing)}", file=sys.stderr)
        return 2
    return generated_file_main(
        (__doc__ or "").split("\n\n")[0],
        DEFAULT_OUT,
        lambda: json.dumps(_build(directory), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        lambda text: f"wrote {len(json.loads(text)['organisations'])} organisations",
        args,
    )


if __name__ == "__main__":
    raise SystemExit(main())
