"""Who an actor is when the article gives only part of a name (issue 13): a bare surname PETRARCH2's
Phoenix dictionary lists for one person alone, a surname after a head of state's title or before
their government's noun, a known person the NER reads as a place, and Phoenix names that carry
their acronym in brackets. Every sentence here was written for this file; each rule has sentences
where it must not fire."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from extractors.extract import extract_text
from extractors.gazetteer import load_gazetteer

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
sys.path.insert(0, str(SCRIPTS))

import build_organisations  # noqa: E402 (scripts/ is not a package)
import build_people  # noqa: E402

PUBLISHED = date(2024, 11, 8)


def actors(nlp: Language, text: str) -> set[tuple[str, str | None]]:
    return {(e.event_type, e.actor_id) for e in extract_text(nlp, text, PUBLISHED).events}


# -- the converters ---------------------------------------------------------------------------------

PEOPLE = """\
ANNA_VELKOVA_  # CountryInfo.txt
+VELKOVA_
	[BGRGOV 100101-140101]
PETAR_MARKOV_  # CountryInfo.txt
+MARKOV_
	[BGRGOV 100101-140101]
IVAN_MARKOV_  # CountryInfo.txt
	[SRBGOV 100101-140101]
JOHN_ORR_  # CountryInfo.txt
+ORR_
	[GBRGOV 100101-140101]
"""


def test_a_bare_surname_is_kept_only_where_no_other_person_ends_in_it() -> None:
    people = {p["name"]: p for p in build_people.parse(PEOPLE, {"BGR", "SRB", "GBR"})}
    assert people["Anna Velkova"]["aliases"] == ["Velkova"]
    # Another person's name ends in "Markov": the surname is no one's alone.
    assert people["Petar Markov"]["aliases"] == []
    # Three letters are too short to be safe ("Orr", "Lee").
    assert people["John Orr"]["aliases"] == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Moro Islamic Liberation Front (milf)", ("Moro Islamic Liberation Front", "MILF")),
        ("Front for the Liberation of Enclave (fle)", ("Front for the Liberation of Enclave", "FLE")),
        ("Direct Action (greece)", ("Direct Action (greece)", None)),
        ("Army of God", ("Army of God", None)),
    ],
)  # fmt: skip
def test_an_acronym_in_brackets_is_another_form_of_the_name(raw: str, expected: tuple[str, str | None]) -> None:
    assert build_organisations._split_acronym(raw) == expected


def test_the_gazetteer_knows_unshared_surnames_and_bracketed_acronyms() -> None:
    gaz = load_gazetteer()
    for surname, person in [("Erdogan", "p-recep-tayyip-erdogan"), ("Netanyahu", "p-benjamin-netanyahu")]:
        alias = gaz.lookup(surname)
        assert alias is not None and alias.entity_id == person
    # Other people share these surnames.
    for surname in ("Obama", "Maduro", "Kim", "Lee", "Park"):
        alias = gaz.lookup(surname)
        assert alias is None or gaz.entity(alias.entity_id).kind != "person"
    milf = gaz.lookup("Moro Islamic Liberation Front")
    assert milf is not None and gaz.entity(milf.entity_id).country == "PHL"


# -- the pipeline -----------------------------------------------------------------------------------


def test_a_leaders_unshared_surname_is_their_state(nlp: Language) -> None:
    assert ("DISAPPROVE", "TUR") in actors(nlp, "Erdogan condemned the raid on the aid convoy near the border.")


def test_a_surname_after_a_head_of_states_title_is_their_state(nlp: Language) -> None:
    assert ("REJECT", "USA") in actors(nlp, "President Reagan rejected the Soviet offer on arms control.")


def test_a_surname_before_government_nouns_is_its_state(nlp: Language) -> None:
    assert ("REJECT", "SYR") in actors(nlp, "The Assad regime rejected the ceasefire plan put forward by Turkey.")


def test_a_shared_surname_after_a_title_names_no_state(nlp: Language) -> None:
    # "Kim": North and South Korean people of the gazetteer share it.
    found = actors(nlp, "President Kim rejected the offer of talks.")
    assert not {actor for _, actor in found} & {"PRK", "KOR"}


def test_a_places_police_the_ner_reads_as_a_person_is_the_places_state(nlp: Language) -> None:
    # The NER reads "Delhi Police" as a person's name; no person's name ends in "Police".
    assert ("COERCE", "IND") in actors(nlp, "Delhi Police arrested three men in connection with the blast.")
    # A name that is no place names no state.
    assert not {actor for _, actor in actors(nlp, "John Police arrested three men on Friday.")} - {None}
