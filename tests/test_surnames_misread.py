"""A bare surname the NER misreads (issue 13): "Last week Choe met" (no entity), "hosted Wang" (ORG)
is still the person the article names in full before it, where it heads an argument the event
rules read. Every sentence here was written for this file; each guard has a sentence where the
rule must not fire."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from extractors.extract import extract_text

PUBLISHED = date(2024, 11, 8)


def coded(nlp: Language, text: str, words: str) -> set[str | None]:
    """The codes the events give the actor or recipient written `words`."""
    found = extract_text(nlp, text, PUBLISHED).events
    return {e.actor_id for e in found if e.actor_text == words} | {
        e.recipient_id for e in found if e.recipient_text == words
    }


@pytest.mark.parametrize(
    ("text", "surname", "code"),
    [
        # subject the NER reads as no entity (its DATE stops before it)
        ("Pak Jong Chon flew to Moscow on Monday. Two days later Pak met Lavrov in the Kremlin.", "Pak", "PRK"),
        # object the NER reads as an organisation
        ("Wang Yi flew to Moscow on Monday. Putin hosted Wang on Tuesday.", "Wang", "CHN"),
        # object of a verb, read as an organisation after a comma
        ("Choe Son Hui flew to Moscow on Monday. The talks with Choe ended, and Lavrov praised Choe.", "Choe", "PRK"),
    ],
)
def test_a_misread_surname_is_the_person_named_in_full_before_it(
    nlp: Language, text: str, surname: str, code: str
) -> None:
    assert coded(nlp, text, surname) == {code}


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        # two people of that family name named before it, one the gazetteer may not know
        (
            "Kim Jong Un and Kim Yo Jong arrived in Vladivostok. Kim, who flew in on Tuesday, praised Russia.",
            "Kim",
        ),
        # the surname comes before the full name
        ("Last week Choe met Lavrov in Moscow. Choe Son Hui arrived in Moscow on Monday.", "Choe"),
        # a common word opening a sentence, not the name
        ("Andrew Young arrived in Beijing on Monday. Young and old criticised China on Tuesday.", "Young"),
    ],
)
def test_a_word_that_only_looks_like_a_named_surname_links_to_no_one(nlp: Language, text: str, surname: str) -> None:
    assert coded(nlp, text, surname) <= {None}
