"""Quote speakers of lane quotes22 (issue 13): a post named by its state's name before it ("the US
representative said") speaks for that state; an outlet's correspondent who reports a named person's words is
not the "he" of the next sentence; a body named as a title's office ("the Greek Prime Minister's Office said")
speaks by that name, for the state it names. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quote_speakers import Found, speakers, spoken_after


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The US representative said that the fishing quotas had been broken.", [("USA", "US representative")]),
        (
            "Speaking after the vote, the United Kingdom representative said that the council had failed Sudan.",
            [("GBR", "United Kingdom representative")],
        ),
        # Near-miss: the adjective form was already read as the state.
        ("The Chilean representative said that the quotas had been broken.", [("CHL", "Chilean representative")]),
    ],
)
def test_post_named_by_its_state(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


def test_he_is_not_the_correspondent(nlp: Language) -> None:
    text = (
        "The fishing talks have stalled, Chilean Foreign Minister Alberto van Klaveren said in Lima on Monday, "
        "an EFE correspondent reported. He stressed that the quotas must be cut."
    )
    found = spoken_after(nlp, text, "He stressed")
    assert [name for _, name in found] == ["Alberto van Klaveren"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Greek Prime Minister's Office confirmed in a statement that the ferry strike had ended.",
            [("GRC", "Greek Prime Minister's Office")],
        ),
        # Near-miss: no state named, the office speaks by its name alone.
        ("The President's Office said the ferry strike had ended.", [(None, "President's Office")]),
    ],
)
def test_office_of_a_title(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected
