"""Quote speakers of lane quotes48 (issue 13): speakers the extractor missed — a reported clause the parser hangs
on whom a call or talks were with ("said during a call with the president that ..."), an owned title the parser
takes for a phrase of time ("Chile's spokesperson voiced concern"). The sentences are written for these tests."""

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
