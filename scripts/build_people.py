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

Leaders since 2014 come from Wikidata (CC0) as every-politician-scrapers/world-leaders-2021
(github) extracted it: data/wikidata.csv, the heads of state and government of every state in
office from 2021, one version a day or so from August 2021 to October 2024. Give every version
(`--leaders`; `git -C REPO show COMMIT:data/wikidata.csv` for each commit of `git rev-list --all --
data/wikidata.csv`): their distinct rows are read, so a label one version lacks (a QID) another
has. An officeholder takes the state of the office they took last (an office held ex officio in
another state, a co-prince or a monarch of several realms, is none); their names follow the rules
above, and the bare last word of the person's name is added where no other person's form of
either source ends in it, it opens no one's name (a given name: "Pavel", "Petro"), no particle
precedes it ("Van der Bellen") and the name is not written family name first (Chinese, Korean, ...).

Ministers and officials come from Wikidata (CC0) as the every-politician-scrapers cabinet
repositories (github every-politician-scrapers/russia-cabinet, us-cabinet, south-korea-ministers, ...)
extracted them: html/holders21.csv, the holders of each office of a state's government (ministers,
deputy ministers, spokespeople, ambassadors, governors), one version a day or so from 2021 to August
2022. Give each repository as a folder (`--ministers DIR...`, named as the repository) holding its
meta.json (its jurisdiction) and every version of the CSV (`git -C REPO show COMMIT:html/holders21.csv
> DIR/COMMIT.csv` for each commit of `git rev-list --all -- html/holders21.csv`). They join the leaders
(one person, one QID: the office taken last wins), with three more rules, as a cabinet lists
namesakes and foreigners (a central bank's governor): an officeholder whose name the dictionary or
the leaders give a person of another state is left out (that person keeps their state); a bare
form either of those gave is dropped where an officeholder of another state has a name ending in
it ("Borisov"); and a bare last word is no English verb, adjective or adverb ("Frost", "Stock"; the
index of the installed spaCy English model's lemmatizer). Labels not in the Latin script are no names.

    python scripts/build_people.py PATH/TO/Phoenix.Countries.actors.txt [--leaders CSV...]
        [--ministers DIR...] [--check]

The committed file: `--leaders` every version of world-leaders-2021 and `--ministers` the folders of
australia-cabinet, belarus-ministers, canada-cabinet, china-ministers, france-cabinet, india-ministers,
iran-ministers, israel-ministers, japan-ministers, pakistan-ministers, philippines-ministers,
russia-cabinet, south-korea-ministers, turkey-ministers, ukraine-cabinet, united-kingdom-cabinet and
us-cabinet (their history as of August 2022).

The output is deterministic: the same dictionary gives the same file byte for byte.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sys
import unicodedata
from pathlib import Path

from generated_file import PETRARCH2_LICENCE, generated_file_main  # scripts/ is on sys.path when run as a script
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


# Offices held ex officio by another state's leader ("French co-prince of Andorra" is the
# President of France), or shared by the monarch of several realms: not a person's own state.
_EX_OFFICIO = re.compile(r"co-prince|monarch of|governor-general", re.IGNORECASE)
# States whose leaders' names are written family name first ("Xi Jinping", "Lee Jae-myung") or
# have no family name ("Min Aung Hlaing", "Prabowo Subianto"): the last word is not how news
# names them alone, so no bare form is made.
_NO_BARE_LAST_WORD = frozenset({"CHN", "TWN", "PRK", "KOR", "KHM", "MNG", "MMR", "THA", "IDN", "VNM", "HUN"})
# Words that make a family name of several words ("Van der Bellen", "De Croo", "Arévalo de León")
# or name a father ("Mohammed bin Salman"): the last word alone is not the person.
_PARTICLES = frozenset("de del della di da das do dos du la le van der den von ter bin ibn bint al el e y".split())  # noqa: SIM905
_QID = re.compile(r"Q\d+")


def _written_as_name(label: str) -> bool:
    """A label written as a person's name: not a QID, a description ("Salman bin Hamad, Crown
    Prince of Bahrain") or a label spoilt by an edit ("Nayib buke"): its first and last words
    begin with a capital letter, and it is written in the Latin script (a Cyrillic label is no English
    name)."""
    words = label.split()
    return (
        bool(words)
        and all(unicodedata.name(c, "").startswith(("LATIN", "MODIFIER")) for c in label if c.isalpha())
        and not _QID.fullmatch(label)
        and "," not in label
        and "(" not in label
        and words[0][0].isupper()
        and words[-1][0].isupper()
    )


Row = tuple[str, str, str, str, str, int]  # country QID, country, office, person QID, person, start year


def _leader_rows(text: str) -> list[Row]:
    """The rows of one version of a world-leaders CSV (every-politician-scrapers/world-leaders-2021,
    data/wikidata.csv: its columns countryid, country, position, positionLabel, officeholder,
    officeholderLabel, start_year, end_year)."""
    rows = []
    for row in list(csv.reader(io.StringIO(text)))[1:]:
        if len(row) < 7 or not row[6].isdigit():
            continue
        country_id, country, _, office, person_id, person, start = row[:7]
        rows.append((country_id, country, office, person_id, " ".join(person.split()), int(start)))
    return rows


def _minister_rows(text: str, country_id: str, country: str) -> list[Row]:
    """The rows of one version of a cabinet repository's officeholders (every-politician-scrapers/
    <country>-cabinet or -ministers, html/holders21.csv: position, person, personID, start, end, the
    offices of its jurisdiction `country`); a row without a start year is left out."""
    rows = []
    for row in list(csv.reader(io.StringIO(text)))[1:]:
        if len(row) < 4 or not row[3][:4].isdigit() or not _QID.fullmatch(row[2]):
            continue
        office, person, person_id, start = row[:4]
        rows.append((country_id, country, office, person_id, " ".join(person.split()), int(start[:4])))
    return rows


def _settled(versions: list[list[Row]]) -> set[Row]:
    """The distinct rows of the versions of one source. A label Wikidata had not written in English
    is its QID: not a name. Of a person's labels only those most versions have are: the others are
    edits soon undone (vandalism among them), read as the person's QID."""
    rows: set[Row] = set()
    seen: dict[tuple[str, str], int] = {}
    for version in versions:
        rows.update(version)
        for label in {(pid, person) for _, _, _, pid, person, _ in version}:
            seen[label] = seen.get(label, 0) + 1
    most: dict[str, int] = {}
    for (pid, label), count in seen.items():
        if not _QID.fullmatch(label):
            most[pid] = max(most.get(pid, 0), count)
    return {(c, cn, o, pid, p if seen[pid, p] == most.get(pid) else pid, y) for c, cn, o, pid, p, y in rows}


def read_officeholders(texts: list[str]) -> list[Row]:
    """The sorted distinct rows of versions of a world-leaders CSV (see _leader_rows and _settled)."""
    return sorted(_settled([_leader_rows(t) for t in texts]))


def read_ministers(repositories: list[tuple[str, str, list[str]]]) -> list[Row]:
    """The sorted distinct rows of cabinet repositories, each (jurisdiction QID, jurisdiction name,
    the versions of its html/holders21.csv); each repository's labels settled on their own."""
    rows: set[Row] = set()
    for country_id, country, texts in repositories:
        rows |= _settled([_minister_rows(t, country_id, country) for t in texts])
    return sorted(rows)


def _state_names(states: list[dict[str, object]]) -> dict[str, str]:
    names: dict[str, set[str]] = {}
    for s in states:
        for n in [s["name"], s["official_name"], *s["names"]]:  # type: ignore[misc]
            names.setdefault(str(n).casefold(), set()).add(str(s["id"]))
    return {n: next(iter(ids)) for n, ids in names.items() if len(ids) == 1}


def parse_officeholders(rows: list[Row], state_names: dict[str, str]) -> dict[str, tuple[str, set[str]]]:
    """Each officeholder's person QID -> (state of the office they took last, their names). A
    person whose latest offices are in two states is left out (one state for one name)."""
    country_state: dict[str, str] = {}
    for country_id, country, *_ in rows:
        folded = country.casefold().removeprefix("the ")
        if folded in state_names:
            country_state[country_id] = state_names[folded]
    latest: dict[str, tuple[int, set[str]]] = {}
    names: dict[str, set[str]] = {}
    for country_id, _, office, person_id, person, start in rows:
        state = country_state.get(country_id)
        if state is None or _EX_OFFICIO.search(office):
            continue
        if _written_as_name(person):
            names.setdefault(person_id, set()).add(person)
        year, states = latest.get(person_id, (start, set()))
        if start > year:
            latest[person_id] = (start, {state})
        elif start == year:
            latest[person_id] = (year, states | {state})
    return {
        pid: (next(iter(states)), names[pid])
        for pid, (_, states) in sorted(latest.items())
        if len(states) == 1 and names.get(pid)
    }


def _key(form: object) -> str:
    """A name as the gazetteer looks it up: case, accents, dots and hyphens aside ("Nicolás Maduro"
    is "Nicolas Maduro", "Sassou-Nguesso" is "Sassou Nguesso")."""
    decomposed = unicodedata.normalize("NFKD", str(form).casefold().replace("-", " ").replace(".", ""))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def merge_officeholders(
    people: list[dict[str, object]],
    holders: dict[str, tuple[str, set[str]]],
    *,
    recode: bool = True,
    common_words: frozenset[str] = frozenset(),
) -> list[dict[str, object]]:
    """The dictionary's people with the officeholders added: an officeholder takes the state of
    their latest office (a person the dictionary has under another state is theirs now, unless not
    `recode`: a source of many namesakes and of foreigners in posts such as a central bank's, whose
    officeholder is then left out, and whose names make the one-word forms they end in no one's of
    another state); names with the same rules (two to four words, no title; a name two people share is
    dropped; a bare last word of the person's name only where no other person's form ends in it and
    it is no title or organisation word, nor one of `common_words`: "Stock", "Close", "Little")."""
    by_name: dict[str, dict[str, object]] = {}
    for record in people:
        for form in [record["name"], *record["aliases"]]:  # type: ignore[misc]
            by_name[_key(form)] = record
    records = {str(r["id"]): r for r in people}
    added: list[tuple[dict[str, object], set[str]]] = []
    for state, names in holders.values():
        forms = {n for n in names if _safe(n) and not names_organisation(n)}
        if not forms:
            continue
        known = [by_name[_key(f)] for f in sorted(forms) if _key(f) in by_name]
        if known:
            record = known[0]
            if record["country"] != state and not recode:
                continue
            record["country"] = state
        else:
            name = sorted(forms)[0]
            slug = "p-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            record = records.setdefault(slug, {"id": slug, "name": name, "country": state, "aliases": []})
            if record["country"] != state:
                continue
        record["aliases"] = sorted({*record["aliases"], *forms} - {record["name"]})  # type: ignore[misc]
        added.append((record, forms))
    # Bare last words: only where exactly one person of either source has a form ending in it.
    owners: dict[str, set[str]] = {}
    for record in records.values():
        for form in [record["name"], *record["aliases"]]:  # type: ignore[misc]
            words = str(form).split()
            if len(words) >= 2:
                owners.setdefault(_key(words[-1]), set()).add(str(record["id"]))
    # Words that open someone's name are given names ("Pavel", "Drew", "Guillaume"): read alone they
    # name no one in particular.
    given = {_key(str(form).split()[0]) for r in records.values() for form in [r["name"], *r["aliases"]]}  # type: ignore[misc]
    for record, _ in added:
        *first, last = str(record["name"]).split()
        if (
            record["country"] not in _NO_BARE_LAST_WORD
            and not any(w.casefold() in _PARTICLES for w in first)
            and last.isalpha()
            and len(last) >= 4
            and last.casefold() not in TITLE_WORDS | ORGANISATION_WORDS | common_words
            and owners.get(_key(last)) == {record["id"]}
            and _key(last) not in given
        ):
            record["aliases"] = sorted({*record["aliases"], last})  # type: ignore[misc]
    if not recode:
        # A bare form of another source is no longer one person's where an officeholder of another
        # state has a form ending in it ("Borisov": Boyko Borisov of Bulgaria, Yury Borisov of Russia).
        rivals: dict[str, set[str]] = {}
        for record, forms in added:
            for form in forms:
                if len(form.split()) >= 2:
                    rivals.setdefault(_key(form.split()[-1]), set()).add(str(record["country"]))
        for record in records.values():
            record["aliases"] = [
                a
                for a in record["aliases"]  # type: ignore[attr-defined]
                if len(str(a).split()) > 1 or not rivals.get(_key(a), set()) - {record["country"]}
            ]
    # One state for one name, across both sources.
    states_of: dict[str, set[str]] = {}
    for record in records.values():
        for form in [record["name"], *record["aliases"]]:  # type: ignore[misc]
            states_of.setdefault(_key(form), set()).add(str(record["country"]))
    kept = []
    for slug in sorted(records):
        record = records[slug]
        forms = [f for f in [record["name"], *record["aliases"]] if len(states_of[_key(f)]) == 1]  # type: ignore[misc]
        if record["name"] not in forms:
            continue
        record["aliases"] = [f for f in forms if f != record["name"]]
        kept.append(record)
    return kept


SOURCE = "petrarch2/data/dictionaries/Phoenix.Countries.actors.txt"
LEADERS_SOURCE = (
    "data/wikidata.csv of github every-politician-scrapers/world-leaders-2021 (heads of state and"
    " government of every state from Wikidata, 2021-2024; every version in its history, branches main to"
    " be7039c and data-update to 85a3881 of 2024-10-23)"
)
WIKIDATA_LICENCE = "CC0 1.0 (Wikidata)"
MINISTERS_SOURCE = (
    "html/holders21.csv of github every-politician-scrapers cabinet repositories (the officeholders of a"
    " state's government from Wikidata: ministers, deputy ministers, ambassadors, governors; every version"
    " in their history, 2021-2022): "
)


def english_words() -> frozenset[str]:
    """English verbs, adjectives and adverbs ("stock", "close", "little"): the index of the rule
    lemmatizer of the installed spaCy English model (WordNet's). Its nouns are not: they hold famous
    people ("putin", "nixon")."""
    import spacy  # here: only --ministers needs it
    from spacy.strings import get_string_id

    from extractors.models import resolve_model_name

    nlp = spacy.load(resolve_model_name("auto"), exclude=["ner", "tok2vec", "tagger", "parser", "attribute_ruler"])
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    return frozenset(w for pos in ("verb", "adj", "adv") for w in index.get(get_string_id(pos), []))


def _list_option(args: list[str], option: str) -> list[str]:
    """Remove `option` and the values after it (up to the next option) from args; the values."""
    if option not in args:
        return []
    at = args.index(option)
    rest = args[at + 1 :]
    stop = next((i for i, a in enumerate(rest) if a.startswith("-")), len(rest))
    args[at:] = rest[stop:]
    return rest[:stop]


def _cabinet_repository(directory: Path) -> tuple[str, str, list[str]]:
    """A cabinet repository's jurisdiction (QID, name: its meta.json) and the versions of its
    html/holders21.csv (the directory's *.csv, in name order)."""
    jurisdiction = json.loads((directory / "meta.json").read_text(encoding="utf-8"))["jurisdiction"]
    texts = [p.read_text(encoding="utf-8") for p in sorted(directory.glob("*.csv"))]
    return str(jurisdiction["id"]), str(jurisdiction["name"]), texts


def _rows_sha256(rows: list[Row]) -> str:
    return hashlib.sha256("\n".join(",".join(map(str, r)) for r in rows).encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0].startswith("-"):
        print(
            "usage: build_people.py PATH/TO/Phoenix.Countries.actors.txt [--leaders WIKIDATA.csv...]"
            " [--ministers CABINET_DIR...] [--out PATH] [--check]",
            file=sys.stderr,
        )
        return 2
    phoenix = Path(args.pop(0))
    leader_paths = [Path(p) for p in _list_option(args, "--leaders")]
    minister_dirs = [Path(p) for p in _list_option(args, "--ministers")]
    states = json.loads((DATA / "states.json").read_text(encoding="utf-8"))["states"]

    def render() -> str:
        text = phoenix.read_text(encoding="utf-8", errors="replace")
        rows = read_officeholders([p.read_text(encoding="utf-8") for p in leader_paths])
        minister_rows = read_ministers([_cabinet_repository(d) for d in minister_dirs])
        holders = parse_officeholders(sorted({*rows, *minister_rows}), _state_names(states))
        leaders = {r[3] for r in rows}
        people = parse(text, {s["id"] for s in states})
        people = merge_officeholders(people, {q: h for q, h in holders.items() if q in leaders})
        if minister_rows:
            ministers = {q: h for q, h in holders.items() if q not in leaders}
            people = merge_officeholders(people, ministers, recode=False, common_words=english_words())
        about = {
            "source": f"{SOURCE}, github openeventdata/petrarch2",
            "licence": PETRARCH2_LICENCE,
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "generator": "scripts/build_people.py",
        }
        if leader_paths:
            about["leaders_source"] = LEADERS_SOURCE
            about["leaders_licence"] = WIKIDATA_LICENCE
            about["leaders_sha256"] = _rows_sha256(rows)
        if minister_dirs:
            about["ministers_source"] = MINISTERS_SOURCE + ", ".join(sorted(d.name for d in minister_dirs))
            about["ministers_licence"] = WIKIDATA_LICENCE
            about["ministers_sha256"] = _rows_sha256(minister_rows)
        return json.dumps({"about": about, "people": people}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    return generated_file_main(
        (__doc__ or "").split("\n\n")[0],
        DEFAULT_OUT,
        render,
        lambda text: f"wrote {len(json.loads(text)['people'])} people",
        args,
    )


if __name__ == "__main__":
    raise SystemExit(main())
