"""Quote speakers of lane quotes46 (issue 13): an "it" that speaks in a sentence's main clause with no body,
document or state quoted just before names the organisation, state body or document that was the subject of a
sentence a few back ("Amnesty International published its review. It warned that ..."), not a person nor what a
clause of its own sentence names. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quote_speakers import speakers, spoken_after


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Amnesty International published its annual review on Thursday. It warned that press freedom had "
            "declined sharply across the region.",
            [("AMNESTY", "Amnesty International")],
        ),
        (
            "Brazil's foreign ministry issued a statement on the border clash on Sunday. “We call on both sides to "
            "show restraint and to return to talks without delay,” it said.",
            [("BRA", "Brazil's foreign ministry")],
        ),
        (
            "The Norwegian Refugee Council has run camps in the area since 2019. Its staff were evacuated last "
            "week. “The situation is deteriorating by the hour,” it said in a statement.",
            [("NRC", "Norwegian Refugee Council")],
        ),
    ],
)
def test_it_speaks_for_the_body_that_acted_sentences_before(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert speakers(nlp, text) == expected


def test_it_is_no_person(nlp: Language) -> None:
    """Near-miss: a person is the only subject before "it"; "it" stays unresolved, not the person."""
    text = "Finance minister Mario Ortiz flew to Lima on Monday. It said the loan would be repaid by 2030."
    assert speakers(nlp, text) == []


def test_it_in_a_clause_names_what_its_sentence_names(nlp: Language) -> None:
    """Near-miss: "which it describes as" inside a clause is the sentence's own subject (an editorial), not a
    body acting sentences before."""
    text = (
        "The Uruguayan senate approved the fisheries bill on Tuesday. An editorial in the daily paper attacks the "
        "bill, which it describes as a gift to trawler owners."
    )
    assert all(name != "Uruguayan senate" for _, name in spoken_after(nlp, text, "An editorial"))
