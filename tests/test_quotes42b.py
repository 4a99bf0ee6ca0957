"""Several speakers in one phrase (issue 13, lane quotes42b): the news coders quote each speaker a phrase names
("each speaker quoted", bench/data/news/README.md) — the states of "the militaries of A and B" each, and both
of "A and its ally B"; a single speaker whose words name two states ("said A and B should") stays one. The
sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quote_speakers import Found, speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The missile fell short, according to the militaries of Peru and Chile.",
            [("CHL", "militaries of Chile"), ("PER", "militaries of Peru")],
        ),
        (
            "The foreign ministers of Norway and Denmark stressed that the treaty must hold.",
            [("DNK", "foreign ministers of Denmark"), ("NOR", "foreign ministers of Norway")],
        ),
        (
            "The leaders of Ghana, Togo and Benin pledged that the border would reopen.",
            [("BEN", "leaders of Benin"), ("GHA", "leaders of Ghana"), ("TGO", "leaders of Togo")],
        ),
        (
            "The rocket flew farther than any before, according to Tehran and to the navies of Oman and Qatar.",
            [("IRN", "Tehran"), ("OMN", "navies of Oman"), ("QAT", "navies of Qatar")],
        ),
    ],
)
def test_a_plural_noun_of_several_states_quotes_each_state(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oslo and its partner Germany said the plan would fail.", [("DEU", "Germany"), ("NOR", "Oslo")]),
        ("Peru and its ally the United States say the vote was rigged.", [("PER", "Peru"), ("USA", "United States")]),
        ("Lima and its ally Spain said Quito had armed the rebels.", [("ESP", "Spain"), ("PER", "Lima")]),
    ],
)
def test_a_state_and_its_named_ally_are_both_quoted(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One speaker whose words name two states.
        ("Peru said its ally the United States would help.", [("PER", "Peru")]),
        (
            "The foreign ministry of Ghana said talks between Togo and Benin had failed.",
            [("GHA", "foreign ministry of Ghana")],
        ),
        # Unnamed others beside a state stay a group with no id.
        ("Kenya and its partners said the border would stay closed.", [("KEN", "Kenya"), (None, "partners")]),
    ],
)
def test_one_speaker_or_unnamed_partners_stay_as_they_were(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected
