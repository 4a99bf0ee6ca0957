"""Ministers and officials (issue 13, lane ministers): the people gazetteer takes the officeholders of
every-politician-scrapers' cabinet repositories (html/holders21.csv, every version; Wikidata, CC0)
beside PETRARCH2's dictionary and the leaders since 2021, so a foreign or defence minister, a deputy
minister or an ambassador named in the news is their state's. The sentences and the small CSVs and
dictionary below are written for this file."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from extractors.extract import extract_text
from extractors.gazetteer import Gazetteer
from tests.helpers import assert_people_of_states
from tests.quote_speakers import speakers

REPO_ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = REPO_ROOT / "scripts"
PEOPLE_JSON = REPO_ROOT / "extractors" / "data" / "people.json"
PUBLISHED = date(2025, 3, 4)


def events(nlp: Language, text: str) -> set[tuple[str, str | None, str | None]]:
    return {(e.event_type, e.actor_id, e.recipient_id) for e in extract_text(nlp, text, PUBLISHED).events}


# -- the builder -------------------------------------------------------------------------------------

DICTIONARY = """\
# header
MARTA_OLSEN
+OLSEN
	[NORGOV >090101]
"""

LEADERS = """\
countryid,country,position,positionLabel,officeholder,officeholderLabel,start_year,end_year
Q20,Norway,Q1,Prime Minister of Norway,Q100,Marta Olsen,2015,2019
Q35,Denmark,Q2,Prime Minister of Denmark,Q110,Nadia Holm,2016,2019
"""

HEADER = "position,person,personID,start,end,gender,DOB,DOD,image,enwiki\n"
SWEDEN = HEADER + (
    # A leader of another state who became a minister here: the latest office wins.
    "Minister for Foreign Affairs,Nadia Holm,Q110,2022-10-18,,female,,,,\n"
    # A namesake of the dictionary's Norwegian (another QID) in a post a foreigner may hold.
    "Governor of the Riksbank,Marta Olsen,Q300,2020-01-01,2022-12-31,female,,,,\n"
    "Minister of Defence,Erik Lindqvist,Q301,2019-01-21,,male,,,,\n"
    # Two people of one surname: neither gets it alone.
    "Minister for Trade,Johan Berglund,Q302,2021,,male,,,,\n"
    "Ambassador to Finland,Karin Berglund,Q303,2018-09-01,,female,,,,\n"
    # A surname that is an English word ("stock") is no bare form.
    "Minister of Energy,Lars Stock,Q304,2020-02-01,,male,,,,\n"
    # A label in another script is no English name; stray spaces are tidied; no start, no row.
    "Minister of Culture,Сергей Иванов,Q305,2020-03-01,,male,,,,\n"
    "Minister of Health,Eva  Sundin,Q306,2020-05-01,,female,,,,\n"
    "Minister of Sport,Per Ahlgren,Q307,,,male,,,,\n"
)
# The next version: one label changed by an edit the other versions lack.
SWEDEN_NEXT = SWEDEN.replace("Erik Lindqvist,", "Erik Lindqvist Clown,")
FINLAND = HEADER + "Minister of Foreign Affairs,Mikko Olsen,Q400,2021-06-01,,male,,,,\n"


def build(tmp_path: Path, *, ministers: bool) -> dict[str, dict[str, object]]:
    dictionary = tmp_path / "Phoenix.Countries.actors.txt"
    dictionary.write_text(DICTIONARY, encoding="utf-8")
    leaders = tmp_path / "wikidata.csv"
    leaders.write_text(LEADERS, encoding="utf-8")
    repositories = []
    for name, country, versions in [
        ("sweden-cabinet", ("Q34", "Sweden"), [SWEDEN, SWEDEN_NEXT, SWEDEN]),
        ("finland-cabinet", ("Q33", "Finland"), [FINLAND]),
    ]:
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        meta = {"jurisdiction": {"id": country[0], "name": country[1]}}
        (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        for i, text in enumerate(versions):
            (folder / f"{i}.csv").write_text(text, encoding="utf-8")
        repositories.append(str(folder))
    out = tmp_path / "people.json"
    run = [sys.executable, str(SCRIPTS / "build_people.py"), str(dictionary), "--leaders", str(leaders)]
    run += ["--out", str(out)]
    if ministers:
        run += ["--ministers", *repositories]
    assert subprocess.run(run, capture_output=True, check=False).returncode == 0
    assert subprocess.run([*run, "--check"], capture_output=True, check=False).returncode == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert ("ministers_source" in document["about"]) is ministers
    return {str(p["name"]): p for p in document["people"]}


def test_build_people_without_ministers_is_as_before(tmp_path: Path) -> None:
    people = build(tmp_path, ministers=False)
    assert {n: (p["country"], p["aliases"]) for n, p in people.items()} == {
        "Marta Olsen": ("NOR", ["Olsen"]),
        "Nadia Holm": ("DNK", ["Holm"]),
    }


def test_build_people_adds_ministers_with_their_state(tmp_path: Path) -> None:
    people = build(tmp_path, ministers=True)
    found = {n: (p["country"], p["aliases"]) for n, p in people.items()}
    # A minister is their state's, with their bare surname where it is theirs alone.
    assert found["Erik Lindqvist"] == ("SWE", ["Lindqvist"])
    assert found["Eva Sundin"] == ("SWE", ["Sundin"])
    # An ex-leader who moved states: the office taken last wins.
    assert found["Nadia Holm"] == ("SWE", ["Holm"])
    # A namesake in another state's post does not recode the dictionary's person; a minister of
    # another state whose name ends in "Olsen" makes the bare "Olsen" no one's.
    assert found["Marta Olsen"] == ("NOR", [])
    assert found["Mikko Olsen"] == ("FIN", [])
    # A surname two people share, or that is an English word, is no bare form.
    assert found["Johan Berglund"] == ("SWE", []) and found["Karin Berglund"] == ("SWE", [])
    assert found["Lars Stock"] == ("SWE", [])
    # An edit one version of three has, a Cyrillic label, a row without a start: no names.
    assert "Erik Lindqvist Clown" not in people and "Per Ahlgren" not in people
    assert not any("Иванов" in n for n in people)


def test_committed_people_include_ministers(gaz: Gazetteer) -> None:
    about = json.loads(PEOPLE_JSON.read_text(encoding="utf-8"))["about"]
    assert about["ministers_licence"].startswith("CC0")
    assert_people_of_states(
        gaz,
        [
            ("Oleksii Reznikov", "UKR"),
            ("Grant Shapps", "GBR"),
            ("Richard Marles", "AUS"),
            ("Subrahmanyam Jaishankar", "IND"),
            ("Viktor Khrenin", "BLR"),
            ("Wei Fenghe", "CHN"),
            ("Kwon Young-se", "KOR"),
        ],
    )


# -- through the pipeline ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reznikov praised Poland for its help with the tank deliveries.", ("SUPPORT", "UKR", "POL")),
        ("Shapps accused Russia of bombing civilian targets in Odesa.", ("DISAPPROVE", "GBR", "RUS")),
        ("Richard Marles visited Manila on Sunday and met Philippine officials.", ("CONSULT", "AUS", "PHL")),
        ("Jaishankar criticized Canada on Wednesday over the allegations.", ("DISAPPROVE", "IND", "CAN")),
        ("Wei Fenghe met Russian officials in Moscow on Tuesday.", ("CONSULT", "CHN", "RUS")),
        ("Kwon Young-se urged North Korea on Monday to return to talks.", ("DEMAND", "KOR", "PRK")),
    ],
)
def test_a_minister_is_their_state(nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in events(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"We will keep supporting Ukraine for as long as it takes," Grant Shapps said on Tuesday.',
            [("p-grant-shapps", "Grant Shapps")],
        ),
        (
            '"Our cooperation with Moscow is growing," Viktor Khrenin told reporters in Minsk.',
            [("p-viktor-khrenin", "Viktor Khrenin")],
        ),
    ],
)
def test_a_minister_is_named_as_speaker(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "Borisov": Boyko Borisov of Bulgaria and Yury Borisov of Russia; the bare name is no one's.
        "Borisov criticized Ukraine on Monday over the grain deal.",
        # David Frost and James Cleverly: surnames that are English words get no bare form.
        "Frost criticized the European Union on Monday over the protocol.",
        "Cleverly criticized Iran on Monday over the executions.",
    ],
)
def test_a_shared_or_common_word_surname_stays_unlinked(nlp: Language, text: str) -> None:
    assert not any(actor is not None for _, actor, _ in events(nlp, text))
