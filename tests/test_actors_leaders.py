"""Leaders since 2014 (issue 13, lane leaders): the people gazetteer takes Wikidata's heads of state and
government (every version of data/wikidata.csv of github every-politician-scrapers/world-leaders-2021,
CC0) beside PETRARCH2's 2014 dictionary, so a bare name in world news ("Starmer criticized ...") is its
state's leader. The sentences and the small CSV and dictionary below are written for this file."""

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

REPO_ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = REPO_ROOT / "scripts"
PEOPLE_JSON = REPO_ROOT / "extractors" / "data" / "people.json"
PUBLISHED = date(2025, 3, 4)


def events(nlp: Language, text: str) -> list[tuple[str, str | None, str, str | None]]:
    found = extract_text(nlp, text, PUBLISHED).events
    return [(e.event_type, e.actor_id, e.actor_text, e.recipient_id) for e in found]


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


def build(tmp_path: Path, *, leaders: bool) -> dict[str, dict[str, object]]:
    dictionary = tmp_path / "Phoenix.Countries.actors.txt"
    dictionary.write_text(DICTIONARY, encoding="utf-8")
    versions = [tmp_path / "wikidata.1.csv", tmp_path / "wikidata.2.csv", tmp_path / "wikidata.3.csv"]
    for version, text in zip(versions, [LEADERS, LEADERS_NEXT, LEADERS], strict=True):
        version.write_text(text, encoding="utf-8")
    out = tmp_path / "people.json"
    run = [sys.executable, str(SCRIPTS / "build_people.py"), str(dictionary), "--out", str(out)]
    if leaders:
        run += ["--leaders", *map(str, versions)]
    assert subprocess.run(run, capture_output=True, check=False).returncode == 0
    assert subprocess.run([*run, "--check"], capture_output=True, check=False).returncode == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert ("leaders_source" in document["about"]) is leaders
    return {str(p["name"]): p for p in document["people"]}


def test_build_people_adds_officeholders_with_the_state_of_their_latest_office(tmp_path: Path) -> None:
    assert set(build(tmp_path, leaders=False)) == {"Marta Olsen"}
    people = build(tmp_path, leaders=True)
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


# -- through the pipeline ------------------------------------------------------------------------------


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
    assert expected in {(t, a, r) for t, a, _, r in events(nlp, text)}


def test_a_bare_name_the_ner_reads_as_no_person_stays_unlinked(nlp: Language) -> None:
    # The gazetteer links people only where the NER reads a PERSON: "Milei" alone here it does not.
    assert events(nlp, "Milei met Brazilian officials in Brasilia on Friday.") == []
