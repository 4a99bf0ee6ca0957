"""PLOVER-style sentences (written for this file, in the manner of the Zero-Shot-PLOVER news
sentences, none copied) for what the PLV_train misses showed: boycotting an election is a protest
(CAMEO 143/1434, PLOVER PROTEST/boycott), not a rejection; heading an inquiry is the inquiry, not a
trip. Each rule has near-misses that must stay as they were."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.event_lines import Found, found_events

PUBLISHED = date(2025, 3, 14)


def kinds(nlp: Language, text: str) -> set[tuple[str, str | None]]:
    return {(e[0], e[1]) for e in found_events(nlp, text, PUBLISHED)}


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan opposition boycotted the presidential election.",
        "Opposition parties in Zambia are boycotting the referendum on the new constitution.",
        "The Malian opposition alliance boycotted Sunday's parliamentary vote, citing intimidation.",
    ],
)
def test_boycotting_an_election_is_a_protest(nlp: Language, text: str) -> None:
    found = kinds(nlp, text)
    assert ("PROTEST", "boycott") in found
    assert not [k for k in found if k[0] == "REJECT"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia boycotted the talks in Geneva.", ("REJECT", "boycott")),
        ("Kenyan students boycotted classes for a week.", ("PROTEST", "boycott")),
    ],
)
def test_other_boycotts_stay_as_they_were(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert expected in kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Japan is heading the investigation into the sinking of the fishing boat.", "JPN"),
        ("Kenya's attorney general is heading a public inquiry into the protesters' deaths.", "KEN"),
    ],
)
def test_heading_an_inquiry_is_an_investigation_not_a_trip(nlp: Language, text: str, actor: str) -> None:
    found: set[Found] = found_events(nlp, text, PUBLISHED)
    assert any(e[0] == "INVESTIGATE" and e[2] == actor for e in found)
    assert not [e for e in found if e[0] == "CONSULT"]


def test_heading_to_a_capital_is_still_a_trip(nlp: Language) -> None:
    found = found_events(nlp, "The Japanese foreign minister is heading to Seoul for talks.", PUBLISHED)
    assert ("CONSULT", "visit", "JPN", "KOR") in found
    assert not [e for e in found if e[0] == "INVESTIGATE"]


def test_a_boycott_announced_for_the_future_is_a_threat(nlp: Language) -> None:
    found = kinds(nlp, "Zambia's main opposition parties said they would boycott the referendum.")
    assert ("THREATEN", "restrict") in found
    assert not [k for k in found if k[0] == "PROTEST"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ethiopian troops violated the ceasefire agreement in Tigray on Sunday.", True),
        ("Sudanese forces violated the truce agreement near El Fasher.", True),
        ("Ethiopian troops violated the ceasefire in Tigray on Sunday.", True),
        ("Ethiopia violated the trade agreement with Kenya.", False),
    ],
)
def test_violating_a_ceasefire_agreement_is_an_attack(nlp: Language, text: str, expected: bool) -> None:
    assert any(k[0] == "ASSAULT" for k in kinds(nlp, text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan's prime minister called the Chinese ambassador a very stupid man.", True),
        ("Japan's prime minister said the Chinese ambassador was incompetent.", True),
        ("Japan's prime minister said it would be foolish to expect a deal with China soon.", False),
    ],
)
def test_an_insult_is_disapproval(nlp: Language, text: str, expected: bool) -> None:
    assert any(k[0] == "DISAPPROVE" for k in kinds(nlp, text)) is expected
