"""The right actor and recipient on events whose type is right (issue 13): wire datelines are no
actors, an actor's own possessive or capital is no recipient, measures and requests name whom they
concern in their own phrase, and leaders of any state resolve to their state. Every sentence here
was written for this file, in the way news writes; each rule has sentences where it must not fire."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from extractors.extract import extract_text
from extractors.gazetteer import load_gazetteer

PUBLISHED = date(2024, 11, 8)
PEOPLE_JSON = Path(__file__).resolve().parents[1] / "extractors" / "data" / "people.json"


def triples(nlp: Language, text: str) -> set[tuple[str, str, str | None]]:
    return {(e.event_type, e.actor_id, e.recipient_id) for e in extract_text(nlp, text, PUBLISHED).events}


def actors(nlp: Language, text: str) -> set[str]:
    return {e.actor_id for e in extract_text(nlp, text, PUBLISHED).events}


# -- datelines -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor", "dateline_state"),
    [
        ("KHARTOUM, Sudan -- Egyptian warplanes bombed rebel positions near the border, the army said.", "EGY", "SDN"),
        ("CARACAS - An Argentine court rejected the request on Tuesday.", "ARG", "VEN"),
        ("HAVANA (AP) -- Mexico condemned the blockade on Monday.", "MEX", "CUB"),
    ],
)
def test_a_dateline_is_not_the_actor(nlp: Language, text: str, actor: str, dateline_state: str) -> None:
    found = actors(nlp, text)
    assert actor in found
    assert dateline_state not in found


def test_police_after_a_dateline_still_act_for_the_state_there(nlp: Language) -> None:
    # The dateline names no actor, but the place still says whose police these are.
    assert ("COERCE", "NGA") in {t[:2] for t in triples(nlp, "ABUJA, Nigeria - Police arrested a dozen protesters.")}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("NATO condemned the missile strike on Kyiv on Monday.", "NATO"),  # capitals, no separator
        ("Kenya - a close ally of Somalia - condemned the attack.", "KEN"),  # a dash aside
    ],
)
def test_a_subject_is_not_taken_for_a_dateline(nlp: Language, text: str, actor: str) -> None:
    assert actor in actors(nlp, text)


# -- the actor's own things are not its recipient --------------------------------------------------


def test_an_envoy_summoned_in_the_actors_own_capital_is_the_envoys_state(nlp: Language) -> None:
    found = triples(nlp, "China summoned the Japanese ambassador in Beijing to protest the visit.")
    assert any(actor == "CHN" and recipient == "JPN" for _, actor, recipient in found)
    assert all(recipient != "CHN" for _, _, recipient in found)


def test_an_envoy_summoned_to_the_actors_own_ministry_is_the_envoys_state(nlp: Language) -> None:
    found = triples(nlp, "India summoned a senior Pakistani diplomat to its foreign ministry on Friday.")
    assert any(actor == "IND" and recipient == "PAK" for _, actor, recipient in found)
    assert all(recipient != "IND" for _, _, recipient in found)


def test_withdrawing_its_own_troops_is_from_the_place_not_from_itself(nlp: Language) -> None:
    assert ("RETREAT", "RUS", "SYR") in triples(nlp, "Russia has begun withdrawing some of its troops from Syria.")


def test_a_possessive_of_a_place_named_before_stays_the_recipient(nlp: Language) -> None:
    # The soldiers are only placed by "in Lima"; "its gates" are the parliament's, a domestic target.
    found = triples(nlp, "Soldiers surrounded the parliament in Lima and rammed its gates with a truck.")
    assert ("ASSAULT", "PER", "PER") in found


# -- measures, bonds and requests name whom they concern -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The United States lifted its embargo against Cuba on Thursday.", ("USA", "CUB")),
        ("Egypt lifted its blockade of Gaza.", ("EGY", "PSE")),
        ("Canada decided to ease the sanctions imposed on Iran after the deal.", ("CAN", "IRN")),
        ("Vietnam established diplomatic relations with Brunei in 1992.", ("VNM", "BRN")),
        ("The Philippines rejected a proposal by China to share the reef.", ("PHL", "CHN")),
    ],
)
def test_a_measure_or_request_names_whom_it_concerns(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert expected in {(actor, recipient) for _, actor, recipient in triples(nlp, text)}


def test_a_measure_aimed_at_nobody_named_has_no_recipient(nlp: Language) -> None:
    found = triples(nlp, "The United States lifted its own export restrictions last year.")
    assert found and all(recipient is None for _, _, recipient in found)


# -- leaders and officials of any state ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pakistan's army chief met Recep Tayyip Erdogan in Ankara on Monday.", ("CONSULT", "PAK", "TUR")),
        ("Benjamin Netanyahu condemned the rocket attack on Tel Aviv.", ("DISAPPROVE", "ISR", None)),
    ],
)
def test_a_leader_of_any_state_resolves_to_the_state(
    nlp: Language, text: str, expected: tuple[str, str, str | None]
) -> None:
    assert expected in triples(nlp, text)


def test_an_unknown_person_is_not_given_a_state(nlp: Language) -> None:
    assert ("CONSULT", "UKR", None) in triples(nlp, "Ukraine's president met Jonathan Quillfeather in Kyiv on Monday.")


def test_generated_people_keep_no_bare_surname_and_link_only_as_people() -> None:
    gaz = load_gazetteer()
    people = json.loads(PEOPLE_JSON.read_text(encoding="utf-8"))["people"]
    assert len(people) > 10_000
    assert all(len(form.split()) >= 2 for p in people for form in [p["name"], *p["aliases"]])
    alias = gaz.lookup("Recep Tayyip Erdogan")
    assert alias is not None and gaz.entity(alias.entity_id).country == "TUR"  # type: ignore[union-attr]
    assert gaz.lookup("Erdogan") is None  # a bare surname is ambiguous
    assert gaz.links(alias, "PERSON") and not gaz.links(alias, "ORG")


# -- the actor's words ------------------------------------------------------------------------------


def test_an_institution_keeps_the_words_of_its_phrase(nlp: Language) -> None:
    (event,) = extract_text(nlp, "Brazil's federal police arrested a senator on Tuesday.", PUBLISHED).events
    assert (event.actor_id, event.actor_text) == ("BRA", "Brazil's federal police")


def test_phrase_words_leave_out_the_dateline_and_the_article(nlp: Language) -> None:
    text = "MOSCOW - The Russian foreign ministry summoned the British ambassador."
    found = {(e.actor_text, e.recipient_text) for e in extract_text(nlp, text, PUBLISHED).events}
    assert ("Russian foreign ministry", "British ambassador") in found


def test_coordinated_modifiers_keep_their_own_names(nlp: Language) -> None:
    text = "Russian and Chinese warships held joint drills near Japan."
    assert {e.actor_text for e in extract_text(nlp, text, PUBLISHED).events} == {"Russian", "Chinese"}
