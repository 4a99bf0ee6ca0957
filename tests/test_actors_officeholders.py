"""Officeholders in the people gazetteer (issue 13, lanes leaders and ministers): beside PETRARCH2's 2014
dictionary, scripts/build_people.py takes Wikidata's heads of state and government since 2014 (every version
of data/wikidata.csv of github every-politician-scrapers/world-leaders-2021, CC0) and the officeholders of
every-politician-scrapers' cabinet repositories (html/holders21.csv, every version; CC0), so a bare name in
world news ("Starmer criticized ...") or a foreign or defence minister is their state's. The sentences and
the small CSVs and dictionary below are written for this file."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from extractors.gazetteer import Gazetteer
from tests.event_lines import Named, events_with_actor_text
from tests.helpers import assert_people_of_states
from tests.quote_speakers import speakers

REPO_ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = REPO_ROOT / "scripts"
PEOPLE_JSON = REPO_ROOT / "extractors" / "data" / "people.json"
PUBLISHED = date(2025, 3, 4)


def events(nlp: Language, text: str) -> list[Named]:
    return events_with_actor_text(nlp, text, PUBLISHED)


def triples(nlp: Language, text: str) -> set[tuple[str, str | None, str | None]]:
    return {(kind, actor, recipient) for kind, actor, _, recipient in events(nlp, text)}


# -- the builder -------------------------------------------------------------------------------------

DICTIONARY = """\
# header
MARTA_OLSEN
+OLSEN
	[NORGOV >090101]
"""

# Leaders as the builder's tests read them: states changed, ex officio offices, bad labels.
LEADERS = """\
countryid,country,position,positionLabel,officeholder,officeholderLabel,start_year,end_year
Q20,Norway,Q1,Prime Minister of Norway,Q100,Marta Olsen,2015,2019
Q34,Sweden,Q2,Prime Minister of Sweden,Q100,Marta Olsen,2021,
Q34,Sweden,Q3,Prime Minister of Sweden,Q101,Q101,2022,
Q142,France,Q4,President of the French Republic,Q102,Henri Duval,2017,
Q228,Andorra,Q5,French co-prince of Andorra,Q102,Henri Duval,2017,
Q148,People's Republic of China,Q6,Premier,Q103,Zhao Weiming,2023,
Q16,Canada,Q7,Prime Minister of Canada,Q104,Paul Lemieux,2024,
Q16,Canada,Q7,Prime Minister of Canada,Q104,paul lemieuxxx,2024,
Q33,Finland,Q8,President of Finland,Q105,Aino Virtanen,2020,
Q29,Spain,Q9,Prime Minister of Spain,Q105,Aino Virtanen,2020,
Q31,Belgium,Q10,Prime Minister of Belgium,Q106,Pieter Van der Berghe,2020,
Q38,Italy,Q11,Prime Minister of Italy,Q107,Lucia Ferraro,2022,
"""
# The next day's version: one label changed by an edit that the version after undid.
LEADERS_NEXT = LEADERS.replace("Lucia Ferraro,", "Lucia Ferraro Clown,")


# A smaller leaders file beside the cabinets: the ministers' tests read who else holds a name.
MINISTER_TEST_LEADERS = """\
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


Cabinet = tuple[str, tuple[str, str], Sequence[str]]  # repository folder, (QID, country), versions
CABINETS: list[Cabinet] = [
    ("sweden-cabinet", ("Q34", "Sweden"), [SWEDEN, SWEDEN_NEXT, SWEDEN]),
    ("finland-cabinet", ("Q33", "Finland"), [FINLAND]),
]


def build(
    tmp_path: Path, *, leaders: Sequence[str] = (), cabinets: Sequence[Cabinet] = ()
) -> tuple[dict[str, dict[str, object]], dict[str, object]]:
    """Run scripts/build_people.py (and its --check) on the dictionary, the leaders' file versions and
    the cabinet repositories given; the people by name and the document's `about`."""
    dictionary = tmp_path / "Phoenix.Countries.actors.txt"
    dictionary.write_text(DICTIONARY, encoding="utf-8")
    out = tmp_path / "people.json"
    run = [sys.executable, str(SCRIPTS / "build_people.py"), str(dictionary), "--out", str(out)]
    if leaders:
        versions = [tmp_path / f"wikidata.{i}.csv" for i in range(len(leaders))]
        for version, text in zip(versions, leaders, strict=True):
            version.write_text(text, encoding="utf-8")
        run += ["--leaders", *map(str, versions)]
    if cabinets:
        run.append("--ministers")
        for name, (qid, country), texts in cabinets:
            folder = tmp_path / name
            folder.mkdir(exist_ok=True)
            meta = {"jurisdiction": {"id": qid, "name": country}}
            (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
            for i, text in enumerate(texts):
                (folder / f"{i}.csv").write_text(text, encoding="utf-8")
            run.append(str(folder))
    assert subprocess.run(run, capture_output=True, check=False).returncode == 0
    assert subprocess.run([*run, "--check"], capture_output=True, check=False).returncode == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    return {str(p["name"]): p for p in document["people"]}, document["about"]


# -- leaders -----------------------------------------------------------------------------------------


def test_build_people_adds_officeholders_with_the_state_of_their_latest_office(tmp_path: Path) -> None:
    people, about = build(tmp_path)
    assert set(people) == {"Marta Olsen"} and "leaders_source" not in about
    people, about = build(tmp_path, leaders=[LEADERS, LEADERS_NEXT, LEADERS])
    assert "leaders_source" in about
    # The dictionary's Norwegian is Sweden's now: her latest office is.
    assert people["Marta Olsen"]["country"] == "SWE"
    # An office held ex officio in another state (a co-prince) is not the holder's state.
    assert people["Henri Duval"] == {
        "id": "p-henri-duval",
        "name": "Henri Duval",
        "country": "FRA",
        "aliases": ["Duval"],
    }
    # A name written family name first gets no bare last word; a label in lower case is no name;
    # a label that is a QID names no one; two states in the same year: one state for one name fails.
    assert people["Zhao Weiming"]["aliases"] == []
    assert people["Paul Lemieux"]["aliases"] == ["Lemieux"]
    # A family name of several words gives no bare last word.
    assert people["Pieter Van der Berghe"]["aliases"] == []
    # A label fewer versions have than the person's usual one is an edit soon undone.
    assert people["Lucia Ferraro"]["aliases"] == ["Ferraro"] and "Lucia Ferraro Clown" not in people
    assert "Aino Virtanen" not in people and "Q101" not in people


def test_committed_people_include_wikidata_leaders(gaz: Gazetteer) -> None:
    about = json.loads(PEOPLE_JSON.read_text(encoding="utf-8"))["about"]
    assert about["leaders_licence"].startswith("CC0")
    assert_people_of_states(
        gaz,
        [
            ("Emmanuel Macron", "FRA"),
            ("Macron", "FRA"),
            ("Keir Starmer", "GBR"),
            ("Claudia Sheinbaum", "MEX"),
            ("Javier Milei", "ARG"),
            ("Shigeru Ishiba", "JPN"),
            ("Olaf Scholz", "DEU"),
        ],
    )


# -- leaders through the pipeline ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Keir Starmer criticized Russia on Tuesday over the drone strikes.", ("DISAPPROVE", "GBR", "RUS")),
        ("Starmer criticized Russia on Tuesday over the drone strikes.", ("DISAPPROVE", "GBR", "RUS")),
        ("Sheinbaum praised Canada for its help after the floods.", ("SUPPORT", "MEX", "CAN")),
        ("Javier Milei met Brazilian officials in Brasilia on Friday.", ("CONSULT", "ARG", "BRA")),
        ("Macron spoke by telephone with Xi Jinping on Tuesday.", ("CONSULT", "FRA", "CHN")),
        ("Ishiba visited Seoul on Monday and met South Korean officials.", ("CONSULT", "JPN", "KOR")),
    ],
)
def test_a_post_2014_leader_is_their_state(nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(nlp, text)


def test_a_bare_name_the_ner_reads_as_no_person_stays_unlinked(nlp: Language) -> None:
    # The gazetteer links people only where the NER reads a PERSON: "Milei" alone here it does not.
    assert events(nlp, "Milei met Brazilian officials in Brasilia on Friday.") == []


# -- ministers ---------------------------------------------------------------------------------------


def test_build_people_without_ministers_is_as_before(tmp_path: Path) -> None:
    people, about = build(tmp_path, leaders=[MINISTER_TEST_LEADERS])
    assert "ministers_source" not in about
    assert {n: (p["country"], p["aliases"]) for n, p in people.items()} == {
        "Marta Olsen": ("NOR", ["Olsen"]),
        "Nadia Holm": ("DNK", ["Holm"]),
    }


def test_build_people_adds_ministers_with_their_state(tmp_path: Path) -> None:
    people, about = build(tmp_path, leaders=[MINISTER_TEST_LEADERS], cabinets=CABINETS)
    assert "ministers_source" in about
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


# -- ministers through the pipeline --------------------------------------------------------------------


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
    assert expected in triples(nlp, text)


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
    assert not any(actor is not None for _, actor, _ in triples(nlp, text))
