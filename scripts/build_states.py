"""Generate extractors/data/states.json — the state half of the actor gazetteer.

Facts come from the `pycountry` (ISO 3166-1 codes, names, official names) and `countryinfo`
(short names, alternative spellings, capitals, demonyms) packages; the tables below only pick the
193 UN members, add the four non-member states that news needs, drop junk spellings and correct
the handful of entries where the packages are stale or not what newsrooms write.

The output is deterministic: `python scripts/build_states.py` rewrites the file byte for byte.
`--check` exits 1 when the committed file differs from what the installed packages produce.

Link policy (which surface forms are ambiguous and must not be linked, e.g. "Korean",
"Congolese") is not decided here but in extractors/data/actors.toml, so this file stays factual.
"""

from __future__ import annotations

import unicodedata
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pycountry
from countryinfo import CountryInfo
from generated_file import json_file_main  # scripts/ is on sys.path when run as a script

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO_ROOT / "extractors" / "data" / "states.json"

# The 193 member states of the United Nations (ISO 3166-1 alpha-3), as a block that is easy to check.
_UN_MEMBER_CODES = """
AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL BRA
BRB BRN BTN BWA CAF CAN CHE CHL CHN CIV CMR COD COG COL COM CPV CRI CUB CYP CZE DEU DJI DMA DNK
DOM DZA ECU EGY ERI ESP EST ETH FIN FJI FRA FSM GAB GBR GEO GHA GIN GMB GNB GNQ GRC GRD GTM GUY
HND HRV HTI HUN IDN IND IRL IRN IRQ ISL ISR ITA JAM JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO
LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MOZ
MRT MUS MWI MYS NAM NER NGA NIC NLD NOR NPL NRU NZL OMN PAK PAN PER PHL PLW PNG POL PRK PRT PRY
QAT ROU RUS RWA SAU SDN SEN SGP SLB SLE SLV SMR SOM SRB SSD STP SUR SVK SVN SWE SWZ SYC SYR TCD
TGO THA TJK TKM TLS TON TTO TUN TUR TUV TZA UGA UKR URY USA UZB VCT VEN VNM VUT WSM YEM ZAF ZMB
ZWE
"""
UN_MEMBERS = tuple(_UN_MEMBER_CODES.split())

# States outside the UN that news reports treat as states.
NON_MEMBERS = ("PSE", "TWN", "VAT", "XKX")

# Kosovo has no ISO 3166-1 code (XKX is the user-assigned code used by the EU and others)
# and is in neither package, so its record is given here.
SUPPLEMENT: dict[str, dict[str, Any]] = {
    "XKX": {
        "alpha2": "XK",
        "name": "Kosovo",
        "official_name": "Republic of Kosovo",
        "names": [],
        "demonyms": ["Kosovar", "Kosovan"],
        "capital": "Pristina",
    },
}

# Where countryinfo has several records for one code, the one to read first.
PRIMARY_RECORD = {
    "GBR": "united kingdom",
    "MMR": "myanmar",
    "PSE": "palestine",
    "VAT": "holy see (vatican city state)",
}

# The short name newsrooms use, where neither package's short name is it.
NAME = {
    "BHS": "Bahamas",
    "CZE": "Czech Republic",
    "FSM": "Micronesia",
    "GMB": "Gambia",
    "MKD": "North Macedonia",
    "SWZ": "Eswatini",
    "TUR": "Turkey",
    "VAT": "Vatican City",
}

OFFICIAL_NAME = {
    "COD": "Democratic Republic of the Congo",
    "KOR": "Republic of Korea",
    "MMR": "Republic of the Union of Myanmar",
    "PSE": "State of Palestine",
    "TWN": "Republic of China",
    "VAT": "Holy See",
}

# Further names and short forms in common English use (abbreviations as newsrooms write them).
EXTRA_NAMES = {
    "ARE": ["UAE", "U.A.E."],
    "BIH": ["Bosnia", "Bosnia-Herzegovina"],
    "CHN": ["PRC", "P.R.C.", "mainland China"],
    "CIV": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "COD": ["DRC", "DR Congo", "D.R. Congo", "Democratic Republic of Congo", "Congo-Kinshasa"],
    "COG": ["Republic of Congo", "Congo-Brazzaville"],
    "CPV": ["Cabo Verde"],
    "CZE": ["Czechia"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain"],
    "KOR": ["ROK", "R.O.K.", "S. Korea"],
    "LAO": ["Lao PDR"],
    "MMR": ["Burma"],
    "NLD": ["Holland"],
    "PRK": ["DPRK", "D.P.R.K.", "N. Korea"],
    "RUS": ["Russian Federation"],
    "SWZ": ["Swaziland"],
    "TLS": ["East Timor", "Timor-Leste"],
    "TUR": ["Türkiye", "Turkiye"],
    "TWN": ["ROC", "R.O.C.", "Chinese Taipei", "Formosa"],
    "USA": ["U.S.", "US", "USA", "U.S.A.", "America"],
    "VAT": ["Holy See", "Vatican", "Vatican City State"],
    "VNM": ["Viet Nam"],
}

# Package spellings that are not names of the state in English news: words ("Island" is
# Iceland's, "Thai" and "Togolese" are demonyms), company names ("Nippon"), a phrase shared by
# China and Taiwan ("Zhonghua") and fragments.
JUNK_NAMES = {
    "Island",
    "Thai",
    "Togolese",
    "Montenegrin",
    "Prathet",
    "Zhonghua",
    "Mexicanos",
    "Portuguesa",
    "Nippon",
    "Nihon",
    "Abode of Peace",
    "Nation of Brunei",
    "Dominique",  # a first name; Dominica in French
}

CAPITAL = {
    "BDI": "Gitega",  # political capital since 2019
    "KAZ": "Astana",  # renamed back from Nur-Sultan in 2022
    "KIR": "Tarawa",
    "SMR": "San Marino",
    "SWZ": "Mbabane",
    "USA": "Washington",
    "VAT": "Vatican City",
}

# Other names of the capital, and second seats of government, that stand for the state.
CAPITAL_ALIASES = {
    "BDI": ["Bujumbura"],
    "BEN": ["Cotonou"],
    "BOL": ["La Paz"],
    "CHE": ["Berne"],
    "CIV": ["Abidjan"],
    "IRN": ["Teheran"],
    "KAZ": ["Nur-Sultan"],
    "KIR": ["South Tarawa"],
    "LKA": ["Sri Jayawardenepura Kotte"],
    "MMR": ["Nay Pyi Taw", "Naypyitaw"],
    "MNG": ["Ulan Bator"],
    "MYS": ["Putrajaya"],
    "SWZ": ["Lobamba"],
    "TCD": ["Ndjamena"],
    "UKR": ["Kiev"],
    "USA": ["Washington, D.C.", "Washington D.C.", "Washington DC"],
    "XKX": ["Prishtina"],
    "YEM": ["Sanaa"],
}

# Demonyms: replacements where countryinfo's is wrong or dated, and additions.
DEMONYMS = {
    "ARG": ["Argentine", "Argentinian"],
    "AZE": ["Azerbaijani", "Azeri"],
    "BWA": ["Motswana", "Botswanan"],
    "COM": ["Comorian"],
    "CPV": ["Cape Verdean"],
    "DJI": ["Djiboutian"],
    "ECU": ["Ecuadorian", "Ecuadorean"],
    "GNB": ["Bissau-Guinean"],
    "ISL": ["Icelandic", "Icelander"],
    "KAZ": ["Kazakh", "Kazakhstani"],
    "KGZ": ["Kyrgyz", "Kyrgyzstani"],
    "MDV": ["Maldivian"],
    "PHL": ["Filipino", "Philippine"],
    "SAU": ["Saudi", "Saudi Arabian"],
    "STP": ["Santomean"],
    "SUR": ["Surinamese"],
    "SVK": ["Slovak", "Slovakian"],
    "SVN": ["Slovenian", "Slovene"],
    "TJK": ["Tajik", "Tajikistani"],
    "TLS": ["Timorese", "East Timorese"],
    "UZB": ["Uzbek", "Uzbekistani"],
    "VAT": [],
    "VCT": ["Vincentian", "Saint Vincentian"],
}
EXTRA_DEMONYMS = {
    "ARG": ["Argentines"],
    "CZE": ["Czechs"],
    "DNK": ["Dane", "Danes"],
    "ESP": ["Spaniard", "Spaniards"],
    "FIN": ["Finn", "Finns"],
    "FRA": ["Frenchman", "Frenchmen", "Frenchwoman"],
    "GBR": ["Briton", "Britons", "Scottish", "Scots", "Welsh"],
    "HRV": ["Croat", "Croats"],
    "LSO": ["Basotho"],
    "NPL": ["Nepali", "Nepalis"],
    "POL": ["Poles"],
    "SRB": ["Serb", "Serbs"],
    "SVN": ["Slovenes"],
    "SWE": ["Swede", "Swedes"],
    "TTO": ["Tobagonian"],
    "TUR": ["Turk", "Turks"],
}
# Demonyms whose plural is not formed with -s.
NO_PLURAL = {"Motswana", "Mosotho", "Malagasy"}

# Wikidata items, only where certain; every other state omits the field.
WIKIDATA = {
    "CHN": "Q148",
    "DEU": "Q183",
    "FRA": "Q142",
    "GBR": "Q145",
    "IND": "Q668",
    "JPN": "Q17",
    "KOR": "Q884",
    "PRK": "Q423",
    "RUS": "Q159",
    "TWN": "Q865",
    "UKR": "Q212",
    "USA": "Q30",
}


def _latin(text: str) -> bool:
    """Latin script, not phonetic notation, with a capital (lookups never match all-lowercase text)."""
    return (
        all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in text)
        and not any(0x0250 <= ord(c) <= 0x02AF for c in text)
        and any(c.isupper() for c in text)
    )


def _strip_the(text: str) -> str:
    text = " ".join(text.split())
    return text[4:] if text[:4].lower() == "the " else text


def _is_code(text: str) -> bool:
    """ISO-style codes (US, KP, PRK, RSA, CAR): kept only when listed in EXTRA_NAMES."""
    return len(text) <= 3 and text.isupper()


def _usable_name(text: str | None) -> str | None:
    if not text:
        return None
    text = _strip_the(text)
    if not text or "," in text or "(" in text or _is_code(text) or text in JUNK_NAMES:
        return None
    return text if _latin(text) else None


def _plural(demonym: str) -> str | None:
    if demonym in NO_PLURAL or "-" in demonym or " and " in demonym:
        return None
    if demonym.endswith(("s", "sh", "ch", "x", "z", "y", "e", "ic")):
        return None
    return demonym + "s"


def _saint_variants(names: list[str]) -> list[str]:
    out = []
    for name in names:
        if name.startswith("Saint "):
            out += ["St. " + name[6:], "St " + name[6:]]
        elif name.startswith("St. "):
            out += ["Saint " + name[4:], "St " + name[4:]]
    return out


def _unique(items: list[str], exclude: set[str] | None = None) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item and item not in seen and item not in (exclude or ()):
            seen.add(item)
            out.append(item)
    return sorted(out, key=lambda s: (s.casefold(), s))


def _countryinfo_records() -> dict[str, list[tuple[str, dict[str, Any]]]]:
    by_code: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for key, record in sorted(CountryInfo.all().items()):
        iso = record.get("ISO") or {}
        code = iso.get("alpha3") if isinstance(iso, dict) else None
        if code:
            by_code.setdefault(code, []).append((key, dict(record)))
    return by_code


def _primary(code: str, records: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    if code in PRIMARY_RECORD:
        for key, record in records:
            if key == PRIMARY_RECORD[code]:
                return record
        raise SystemExit(f"{code}: countryinfo has no record {PRIMARY_RECORD[code]!r}")
    if len(records) != 1:
        keys = [key for key, _ in records]
        raise SystemExit(f"{code}: countryinfo has {len(records)} records {keys}; add it to PRIMARY_RECORD")
    return records[0][1]


def _first_text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def build_state(code: str, records: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    iso = pycountry.countries.get(alpha_3=code)
    if iso is None:
        raise SystemExit(f"{code}: not in pycountry")
    if not records:
        raise SystemExit(f"{code}: not in countryinfo")
    primary = _primary(code, records)

    name = (
        NAME.get(code)
        or getattr(iso, "common_name", None)
        or _usable_name(primary.get("name"))
        or _usable_name(iso.name)
    )
    official = (
        OFFICIAL_NAME.get(code) or _usable_name(getattr(iso, "official_name", None)) or _usable_name(iso.name) or name
    )
    assert name and official, code

    candidates = [official, iso.name, getattr(iso, "common_name", None), primary.get("name")]
    candidates += EXTRA_NAMES.get(code, [])
    for _, record in records:  # further records for the same code add spellings, not names
        candidates += record.get("altSpellings") or []
        candidates += record.get("alt") or []
    usable = [n for n in (_usable_name(c) for c in candidates) if n]
    usable += [n for n in EXTRA_NAMES.get(code, []) if _is_code(n)]
    usable += _saint_variants([name, *usable])
    names = _unique(usable, exclude={name})

    if code in DEMONYMS:
        demonyms = list(DEMONYMS[code])
    else:
        raw = _first_text(primary.get("demonym")) or ""
        demonyms = [d.strip() for d in raw.split(",") if d.strip()]
    demonyms += [p for p in (_plural(d) for d in demonyms) if p]
    demonyms += EXTRA_DEMONYMS.get(code, [])
    demonyms = _unique(demonyms, exclude={name, *names})

    capital = CAPITAL.get(code) or _first_text(primary.get("capital"))
    if not capital:
        raise SystemExit(f"{code}: no capital")
    capital_aliases = _unique([*CAPITAL_ALIASES.get(code, []), *_saint_variants([capital])], exclude={capital})

    state: dict[str, Any] = {
        "id": code,
        "alpha2": iso.alpha_2,
        "name": name,
        "official_name": official,
        "names": names,
        "demonyms": demonyms,
        "capital": capital,
        "capital_aliases": capital_aliases,
        "un_member": code in UN_MEMBERS,
    }
    if code in WIKIDATA:
        state["wikidata_id"] = WIKIDATA[code]
    return state


def build_supplement(code: str) -> dict[str, Any]:
    extra = SUPPLEMENT[code]
    return {
        "id": code,
        "alpha2": extra["alpha2"],
        "name": extra["name"],
        "official_name": extra["official_name"],
        "names": _unique([*extra["names"], extra["official_name"]], exclude={extra["name"]}),
        "demonyms": _unique([*extra["demonyms"], *(p for p in map(_plural, extra["demonyms"]) if p)]),
        "capital": extra["capital"],
        "capital_aliases": _unique(CAPITAL_ALIASES.get(code, [])),
        "un_member": False,
    }


def build_states() -> dict[str, Any]:
    members = set(UN_MEMBERS)
    assert len(UN_MEMBERS) == len(members) == 193, f"expected 193 UN members, listed {len(members)}"
    assert not members & set(NON_MEMBERS)
    records = _countryinfo_records()
    states = []
    for code in sorted(members | set(NON_MEMBERS)):
        if code in SUPPLEMENT:
            states.append(build_supplement(code))
        else:
            states.append(build_state(code, records.get(code, [])))
    assert sum(s["un_member"] for s in states) == 193
    return {
        "generated_by": "scripts/build_states.py",
        "sources": {"countryinfo": version("countryinfo"), "pycountry": version("pycountry")},
        "states": states,
    }


def main(argv: list[str] | None = None) -> int:
    return json_file_main((__doc__ or "").splitlines()[0], DEFAULT_OUT, build_states, "states", 2, argv)


if __name__ == "__main__":
    raise SystemExit(main())
