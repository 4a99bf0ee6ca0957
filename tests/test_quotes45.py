"""Quote speakers of lane quotes45 (issue 13): an unnamed state body or office-holder ("the ministry said", "the
presidential office said") speaks for the state of the person or body that acts for one state before it — a
subject of its sentence outside the quoted words, else the main subject of a sentence a few back — not the state
named last (often the one acted on) nor a subject inside the words said. A body placed by its own words ("the
health ministry in Gaza") keeps its place. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quote_speakers import speakers, spoken_after


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chilean President Gabriel Boric ordered the border with Bolivia closed on Friday. The presidential "
            "office said the closure would last a week.",
            [("CHL", "presidential office")],
        ),
        (
            "Peru sent a protest note to Ecuador on Monday. “Ecuador must respect the accord,” the foreign ministry "
            "said.",
            [("PER", "foreign ministry")],
        ),
        (
            "Ghana's defence minister flew to Togo on Sunday. “Togolese forces have withdrawn from the border,” the "
            "ministry said.",
            [("GHA", "ministry")],
        ),
        (
            "The Danish Foreign Ministry summoned Iran's ambassador on Tuesday. Such threats against shipping in the "
            "Gulf of Oman were unacceptable, the ministry said.",
            [("DNK", "ministry")],
        ),
        (
            "Kenya recalled its envoy to Uruguay. Maria Duarte, Paraguay's trade minister, will lead the talks in "
            "Asuncion, the ministry said.",
            [("PRY", "ministry")],
        ),
    ],
)
def test_unnamed_body_speaks_for_the_state_acting_before(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert speakers(nlp, text) == expected


def test_body_placed_by_its_own_words_keeps_its_place(nlp: Language) -> None:
    text = "Israel struck Rafah overnight. The health ministry in Gaza says 40 people were killed in the strikes."
    assert speakers(nlp, text) == [("PSE", "health ministry in Gaza")]


def test_he_after_an_unnamed_official_quoted_sentences_back(nlp: Language) -> None:
    """ "he" two sentences after "a foreign ministry official said", an outlet quoted between: the official,
    not a person named before them only inside a description; the official, of a body the words do not place,
    speaks for the state acting before (Kenya; lane quotes48)."""
    text = (
        "Kenya condemned the raid on Monday. The raid followed talks between President William Ruto and Somali "
        "leader Hassan Sheikh Mohamud in May. “We are alarmed by the attack,” a foreign ministry official said. "
        "The region needs calm, the Nation newspaper reported. “We call on both sides to stop the fighting,” he "
        "said."
    )
    assert spoken_after(nlp, text, "“We call") == [("KEN", "foreign ministry official")]


def test_he_after_a_reporter_is_the_person_named(nlp: Language) -> None:
    """Near-miss: an outlet's correspondent passes a named person's words on; "he" is that person."""
    text = (
        "Prime Minister Anutin Charnvirakul spoke at a briefing in Bangkok, a Thai News Agency correspondent "
        "reported. The talks were useful. Bangkok wants calm, the agency added. “We urge restraint,” he said."
    )
    assert spoken_after(nlp, text, "“We urge") == [(None, "Anutin Charnvirakul")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Talks on the canal resumed in Cairo on Monday. “Both sides agreed to meet again in June,” the Egyptian "
            "statement said.",
            [("EGY", "Egyptian statement")],
        ),
        # Near-miss: a document whose words name no state has no id.
        (
            "Talks on the canal resumed in Cairo on Monday. “Both sides agreed to meet again in June,” the joint "
            "statement said.",
            [(None, "joint statement")],
        ),
    ],
)
def test_a_document_by_its_words_has_the_state_they_name(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert speakers(nlp, text) == expected
