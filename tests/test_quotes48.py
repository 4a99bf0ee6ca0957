"""Quote speakers of lane quotes48 (issue 13): speakers the extractor missed — a reported clause the parser hangs
on whom a call or talks were with ("said during a call with the president that ..."), an owned title the parser
takes for a phrase of time ("Chile's spokesperson voiced concern") and an unplaced ministry official (the state
acting before, as for "the ministry"; not a bare "an official"). The sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quote_speakers import speakers


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez said during a call with the Chilean president that Lima planned to send envoys to Santiago.",
        "Maria Lopez said during talks with Ana Ruiz that Lima planned to send envoys to Santiago.",
    ],
)
def test_the_clause_hung_on_a_partner_in_talks_is_said(nlp: Language, text: str) -> None:
    assert speakers(nlp, text) == [(None, "Maria Lopez")]


def test_a_relative_clause_of_a_partner_is_not_said(nlp: Language) -> None:
    """Near-miss: "met with the minister that Lima had sent": no verb of saying, a true relative clause."""
    assert speakers(nlp, "Maria Lopez met with the minister that Lima had sent to Santiago.") == []


def test_an_owned_title_taken_for_a_phrase_of_time_speaks(nlp: Language) -> None:
    found = speakers(nlp, "Chile's spokesperson voiced concern about the effect on trade and on regional stability.")
    assert [sid for sid, _ in found] == ["CHL"]


def test_an_unplaced_ministry_official_speaks_for_the_state_acting_before(nlp: Language) -> None:
    text = (
        "Chile on Monday urged Peru to end its blockade of the port. “We urge Lima to lift the blockade at once,” "
        "said a foreign ministry official. “We also call on Bolivia to help,” the official said."
    )
    assert speakers(nlp, text) == [("CHL", "foreign ministry official"), ("CHL", "official")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chile on Monday urged Peru to end its blockade of the port. A Peruvian foreign ministry official said "
            "the navy was ready.",
            [("PER", "Peruvian foreign ministry official")],
        ),
        (
            "Chile on Monday urged Peru to end its blockade of the port. An official said the navy was ready.",
            [(None, "official")],
        ),
    ],
)
def test_a_placed_official_or_a_bare_one_keeps_its_reading(nlp: Language, text: str, expected: list[tuple]) -> None:
    """Near-miss: the words name the state ("a Peruvian ... official"), or no body at all ("an official")."""
    assert speakers(nlp, text) == expected
