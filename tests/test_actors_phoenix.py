"""Who an actor is (issue 13): agencies, armed groups, international bodies and people from
PETRARCH2's Phoenix dictionaries (scripts/build_organisations.py, build_people.py), and bare
surnames of a person the article names in full. Every sentence here was written for this file;
each rule has sentences where it must not fire."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from bench.plover import GoldRecord, score
from extractors.extract import extract_text
from extractors.gazetteer import Gazetteer
from tests.event_lines import Named, events_with_actor_text

REPO_ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = REPO_ROOT / "scripts"
ORGANISATIONS_JSON = REPO_ROOT / "extractors" / "data" / "organisations.json"
PUBLISHED = date(2024, 11, 8)


def events(nlp: Language, text: str) -> list[Named]:
    return events_with_actor_text(nlp, text, PUBLISHED)


def actor_of(nlp: Language, text: str, words: str) -> str | None:
    """The actor code of the event whose actor is written `words` (None: no such event)."""
    codes = {e.actor_id for e in extract_text(nlp, text, PUBLISHED).events if e.actor_text == words}
    assert len(codes) <= 1, codes
    return next(iter(codes), None)


# -- the converters ---------------------------------------------------------------------------------

COUNTRIES = """\
# header
BARACK_OBAMA
+MR_OBAMA_
+OBAMA
+THE_OBAMA_ADMINISTRATION
+BARACK_HUSSEIN_OBAMA
	[USAELI 780101-000101]
	[USAGOV >090120]
FEDERAL_BUREAU_OF_INVESTIGATION_ # all USACOP
+FBI_
	[USACOP]
US_DEPARTMENT_OF_TRANSPORTATION_
+US_MILITARY_
	[USAGOV]
MOSSAD
+ISRAELI_INTELLIGENCE_COMMUNITY
	[ISRSPY]
UNITED_STATES_CONGRESS_
+US_SENATE_
+SENATE_
+DEFENSE_DEPARTMENT_
	[USAGOVLEG]
WESTERN_SAMOA_  [WSM]
CHAIM_HERZOG_  # CountryInfo.txt
	[ISRELI 360101-830505]
	[ISRGOV 830505-930513]
NORTHERN_CALIPHATE_LIBERATION_FRONT_
+NCLF_
	[IMGMUSNCF >20150101]
THE_CALIPHATE_FRONT
+NCLF_
+CALIFATO_
	[IMGMUSNCF >20160101]
"""
MIL_NON_STATE = """\
TALIBAN_ [AFGREB] #  kkl 21 Mar 13
+TALEBAN_
AL-QAEDA_ [IMGMUSALQ] #  kkl 21 Mar 13
ABU_KARIM__ [IMGMUSNCF] #  a member
DESERT_BRIGADE__ [IMGMUSALQ]
TAMIL_TIGERS_ [LKAREB] #  kkl 21 Mar 13
+TIGERS_
"""
INTERNATIONAL = """\
ASIAN_DEVELOPMENT_BANK_	[IGOASADEVBNK]# NGO_Actors
+ADB_
GREENPEACE_	[NGOENV]# NGO_Actors
ACME_CORPORATION_	[MNCUSA]	# a company
"""


def _write_dictionaries(folder: Path) -> None:
    folder.mkdir()
    (folder / "Phoenix.Countries.actors.txt").write_text(COUNTRIES, encoding="utf-8")
    (folder / "Phoenix.MilNonState.actors.txt").write_text(MIL_NON_STATE, encoding="utf-8")
    (folder / "Phoenix.International.actors.txt").write_text(INTERNATIONAL, encoding="utf-8")


def test_build_organisations_codes_agencies_groups_and_international_bodies(tmp_path: Path) -> None:
    folder = tmp_path / "dictionaries"
    _write_dictionaries(folder)
    out = tmp_path / "organisations.json"
    run = [sys.executable, str(SCRIPTS / "build_organisations.py"), str(folder), "--out", str(out)]
    assert subprocess.run(run, capture_output=True, check=False).returncode == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert "Open Event Data Alliance" in document["about"]["licence"]
    found = {r["name"]: r for r in document["organisations"]}
    assert found["Federal Bureau of Investigation"] == {
        "id": "o-federal-bureau-of-investigation", "name": "Federal Bureau of Investigation",
        "kind": "organisation", "country": "USA", "aliases": ["FBI"],
    }  # fmt: skip
    assert (found["Mossad"]["kind"], found["Mossad"]["country"]) == ("organisation", "ISR")
    # An agency is also written without its state, where the rest names one body ("X of Y").
    assert found["US Department of Transportation"]["aliases"] == ["Department of Transportation", "US Military"]
    assert found["Taliban"] == {"id": "o-taliban", "name": "Taliban", "kind": "organisation", "country": "AFG",
                                "non_state": True, "aliases": ["Taleban"]}  # fmt: skip
    # International bodies get upper-case ids like the curated ones: their acronym, else their initials.
    assert found["Asian Development Bank"] == {"id": "ADB", "name": "Asian Development Bank", "kind": "igo",
                                               "aliases": ["ADB"]}  # fmt: skip
    assert found["Greenpeace"] == {"id": "GREENPEACE", "name": "Greenpeace", "kind": "ngo", "aliases": []}
    # Forms any state's institutions share, and English words, are no one body's.
    assert found["United States Congress"]["aliases"] == ["US Senate"]
    assert found["Tamil Tigers"]["aliases"] == []
    # An international militant group (IMG) is a non-state group of no state, coded as itself (an
    # upper-case id); its names that share a form are one group (a date with its century is read);
    # a group that only shares its code is another.
    assert found["Northern Caliphate Liberation Front"] == {
        "id": "NCLF", "name": "Northern Caliphate Liberation Front", "kind": "organisation", "non_state": True,
        "aliases": ["Califato", "Caliphate Front", "NCLF"],
    }  # fmt: skip
    assert found["Desert Brigade"]["id"] == "DB" and "country" not in found["Desert Brigade"]
    # People, countries, companies, a group's members and names with no organisation word are not
    # organisations here.
    absent = {"Barack Obama", "Chaim Herzog", "Western Samoa", "Acme Corporation", "Al-qaeda", "Abu Karim"}
    assert not absent & set(found)
    assert subprocess.run([*run, "--check"], capture_output=True, check=False).returncode == 0
    out.write_text("{}\n", encoding="utf-8")
    stale = subprocess.run([*run, "--check"], capture_output=True, text=True, check=False)
    assert stale.returncode == 1 and "out of date" in stale.stderr
    (folder / "Phoenix.International.actors.txt").unlink()
    missing = subprocess.run(run, capture_output=True, text=True, check=False)
    assert missing.returncode == 2 and "Phoenix.International.actors.txt" in missing.stderr


def test_build_people_adds_the_people_added_by_hand_without_their_offices(tmp_path: Path) -> None:
    dictionary = tmp_path / "Phoenix.Countries.actors.txt"
    dictionary.write_text(COUNTRIES, encoding="utf-8")
    out = tmp_path / "people.json"
    run = [sys.executable, str(SCRIPTS / "build_people.py"), str(dictionary), "--out", str(out)]
    assert subprocess.run(run, capture_output=True, check=False).returncode == 0
    people = {p["name"]: p for p in json.loads(out.read_text(encoding="utf-8"))["people"]}
    assert set(people) == {"Barack Obama", "Chaim Herzog"}
    # The latest code gives the state; the administration is no name of his. The bare surname the
    # dictionary lists is, as no other person's name here ends in it (see test_actors_resolution.py).
    assert people["Barack Obama"]["country"] == "USA"
    assert people["Barack Obama"]["aliases"] == ["Barack Hussein Obama", "Obama"]


def test_committed_organisations_are_the_dictionaries_converted(gaz: Gazetteer) -> None:
    document = json.loads(ORGANISATIONS_JSON.read_text(encoding="utf-8"))
    assert document["about"]["generator"] == "scripts/build_organisations.py"
    assert set(document["about"]["sha256"]) == {
        "Phoenix.Countries.actors.txt", "Phoenix.MilNonState.actors.txt", "Phoenix.International.actors.txt"
    }  # fmt: skip
    for text, kind, country in [("FBI", "organisation", "USA"), ("Israel Defense Forces", "organisation", "ISR"),
                                ("Greenpeace", "ngo", None), ("Asian Development Bank", "igo", None)]:  # fmt: skip
        alias = gaz.lookup(text)
        assert alias is not None, text
        entity = gaz.entity(alias.entity_id)
        assert entity is not None and (entity.kind, entity.country, entity.generated) == (kind, country, True)
        # A generated organisation links only where the NER reads an organisation.
        assert gaz.links(alias, "ORG") and not gaz.links(alias, "PERSON") and not gaz.links(alias, "GPE")
    # Curated entries keep their forms; generic institutions and bare surnames link to no one.
    assert gaz.lookup("Pentagon").entity_id == "pentagon"  # type: ignore[union-attr]
    for text in ("Senate", "Intelligence Community", "Secretary of State", "Obama", "Tigers"):
        assert gaz.lookup(text) is None, text


# -- agencies, groups and bodies in sentences ---------------------------------------------------------


# (sentence, the actor's words, its code)
AGENCY_EVENTS = [
    ("The FBI arrested two Russian diplomats in New York on Monday.", "FBI", "USA"),
    ("Mossad agents killed a senior Hamas commander in Dubai.", "Mossad agents", "ISR"),
    ("ICE agents detained three Mexican nationals at the border.", "ICE agents", "USA"),
    ("Oxfam criticized the British government over its aid cuts.", "Oxfam", "OXFAM"),
    # A state's agency written without its state's name.
    ("The Department of Homeland Security criticised the new rules.", "The Department of Homeland Security", "USA"),
    ("The Nigerian House of Representatives condemned the attack on the convoy.", "Nigerian House", "NGA"),
]


# An armed group of no state is coded as itself, also where the NER reads its first word as a
# nationality ("Islamic" NORP of "Islamic State").
STATELESS_GROUP_EVENTS = [
    ("Islamic State fighters stormed a checkpoint outside the town before dawn.", "Islamic State fighters", "ISIL"),
    ("ISIS gunmen abducted four truck drivers on the desert highway last week.", "ISIS gunmen", "ISIL"),
]


@pytest.mark.parametrize(("text", "words", "code"), STATELESS_GROUP_EVENTS)
def test_an_armed_group_of_no_state_is_coded_as_itself(nlp: Language, text: str, words: str, code: str) -> None:
    assert actor_of(nlp, text, words) == code


def test_a_member_of_an_armed_group_of_no_state_is_the_groups_whatever_their_nationality(nlp: Language) -> None:
    found = events(nlp, "Police arrested a British-born Islamic State fighter in Ankara.")
    assert {recipient for _, _, _, recipient in found} == {"ISIL"}
    # Without such a group, a nationality is the person's state.
    found = events(nlp, "Turkish police arrested two Russian nationals in Ankara.")
    assert {recipient for _, _, _, recipient in found} == {"RUS"}


def test_a_nationality_before_a_name_that_is_no_organisation_stays_a_nationality(nlp: Language) -> None:
    text = "Syrian troops shelled a village near the Turkish border on Tuesday."
    assert actor_of(nlp, text, "Syrian troops") == "SYR"


@pytest.mark.parametrize(("text", "words", "code"), AGENCY_EVENTS)
def test_an_agency_or_body_is_coded_by_whose_it_is(nlp: Language, text: str, words: str, code: str) -> None:
    assert actor_of(nlp, text, words) == code


@pytest.mark.parametrize(
    "text",
    [
        "The Senate condemned the attack on the embassy in Abuja.",  # whose senate? not the U.S.'s
        "The Mavericks criticized the referees after the game.",  # a team, not the Tamil Tigers
    ],
)
def test_a_generic_institution_or_team_names_no_state(nlp: Language, text: str) -> None:
    assert all(actor in (None, "NGA") for _, actor, _, _ in events(nlp, text))


def test_a_generated_igo_matches_the_records_generic_igo_code(nlp: Language) -> None:
    text = "The Asian Development Bank criticized Vietnam over its debt policy on Monday."
    record = GoldRecord("r", text, frozenset({"DISAPPROVE"}), frozenset({"IGO"}), frozenset({"VNM"}))
    _, triple, _ = score([record], [extract_text(nlp, text, PUBLISHED).events])
    assert triple.tp == 1


# -- people who act for an international organisation -------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a curated person who acts for an organisation, by name or surname alone
        ("Antonio Guterres condemned North Korea's missile launch on Monday.", "UN"),
        ("Guterres condemned North Korea's missile launch on Monday.", "UN"),
        ("Rafael Grossi criticized Iran's new enrichment plant on Monday.", "IAEA"),
    ],
)
def test_a_person_is_coded_as_the_body_they_act_for(nlp: Language, text: str, code: str) -> None:
    assert code in {c for _, a, _, r in events(nlp, text) for c in (a, r)}


# -- bare surnames ------------------------------------------------------------------------------------


def test_a_bare_surname_is_the_person_named_in_full_before_it(nlp: Language) -> None:
    text = "Barack Obama met Angela Merkel in Berlin on Monday. Obama criticized Russia on Tuesday."
    assert ("DISAPPROVE", "USA", "Obama", "RUS") in events(nlp, text)


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        # named in full only after the surname
        ("Obama criticized Russia on Tuesday. Later Barack Obama met Angela Merkel in Berlin.", "Obama"),
        # two people of that surname, one the gazetteer does not know
        ("Barack Obama and Michelle Obama arrived in Berlin on Monday. Obama criticized Russia on Tuesday.", "Obama"),
        # two people of that surname the gazetteer knows, of the same state
        ("George Bush met George W. Bush in Texas on Monday. Bush criticized Russia on Tuesday.", "Bush"),
    ],
)
def test_a_surname_of_no_one_or_of_two_people_links_to_no_one(nlp: Language, text: str, surname: str) -> None:
    assert actor_of(nlp, text, surname) is None


def test_a_chinese_or_korean_surname_comes_first(nlp: Language) -> None:
    text = "Hu Jintao arrived in Moscow on Monday. Hu praised Russia on Tuesday."
    assert ("SUPPORT", "CHN", "Hu", "RUS") in events(nlp, text)
    # Elsewhere the first word is a given name, not a surname.
    text = "Tony Abbott arrived in Jakarta on Monday. Tony praised Indonesia on Tuesday."
    assert actor_of(nlp, text, "Tony") is None
    assert actor_of(nlp, text.replace("Tony praised", "Abbott praised"), "Abbott") == "AUS"
