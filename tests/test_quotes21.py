"""Quote speakers of lane quotes21 (issue 13): a document named by the day it came out ("Friday's statement
said") speaks by its word, not by the day; the person set off before the verb speaks when the parser joins
them to a list in the clause they report and takes a noun of that clause for the subject; "the ministers"
are the group quoted before under the noun, not the one minister named since; "the council" after an
organisation named a few sentences back by a name ending in the noun is that organisation. The sentences are
written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quote_speakers import Found, speakers, spoken_after


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Thursday's statement urged Chile to release “all the detained fishermen”, and said dialogue was the only "
            "way forward.",
            [(None, "statement")],
        ),
        ("Monday's report said the fishing fleet had shrunk by half.", [(None, "report")]),
        # Near-miss: an issuer in the possessive still speaks for the document.
        ("Peru's statement said the talks had failed.", [("PER", "Peru")]),
    ],
)
def test_dated_document(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bangkok is uneasy that Beijing has not ruled out security cooperation between China and the Lao "
            "People's Democratic Republic, Thai Foreign Minister Maris Sangiampongsa said on Friday.",
            [(None, "Maris Sangiampongsa")],
        ),
        # Near-miss: no person set off before the verb; the subject speaks.
        (
            "Talks between Chile and Peru, Bolivia and Ecuador resumed on Monday, the mediators said.",
            [(None, "mediators")],
        ),
    ],
)
def test_speaker_joined_to_a_list(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


def test_plural_title_is_the_group_quoted_before(nlp: Language) -> None:
    text = (
        "“We will defend the fishing grounds of the Pacific,” the Andean trade ministers said in a joint "
        "declaration in Lima. Bolivian Trade Minister Nestor Huanca joined the meeting. The ministers said "
        "Chile's “new quotas” hurt small fishermen."
    )
    found = spoken_after(nlp, text, "The ministers said")
    assert [name for _, name in found] == ["Andean trade ministers"]


def test_singular_title_is_the_minister_named(nlp: Language) -> None:
    # Near-miss: "the minister" is still the one person named with the post.
    text = (
        "Bolivian Trade Minister Nestor Huanca joined the meeting. The minister said Chile's “new quotas” hurt "
        "small fishermen."
    )
    assert spoken_after(nlp, text, "The minister said") == [(None, "Nestor Huanca")]


def test_body_named_before_by_its_noun(nlp: Language) -> None:
    text = (
        "The UN Security Council has welcomed the truce between Armenia and Azerbaijan and urged both sides to act "
        '"in good faith". In a statement, the 15-member council said it "regretted the loss of civilian lives".'
    )
    assert spoken_after(nlp, text, "In a statement") == [("UNSC", "UN Security Council")]


def test_body_not_named_before_keeps_its_word(nlp: Language) -> None:
    # Near-miss: the African Union is no council; "the council" is not it.
    text = (
        "The African Union has welcomed the truce between Sudan and South Sudan. The council said it "
        '"regretted the loss of civilian lives".'
    )
    assert [name for _, name in spoken_after(nlp, text, "The council")] == ["council"]
