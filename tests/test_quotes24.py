"""Quotes (lane quotes24): "the agency" is the body named just before whose name or role says agency,
quoted or not."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.extract import extract_text
from extractors.records import Quote


def quotes(nlp: Language, text: str) -> list[Quote]:
    return list(extract_text(nlp, text).quotes)


def speaker_of(nlp: Language, text: str, words: str) -> tuple[str | None, str]:
    quote = next(q for q in quotes(nlp, text) if words in q.quote)
    return quote.speaker_id, quote.speaker_name


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "The FSB detained two men in Moscow on Monday. The agency said the men had been planning an "
            "attack on a power plant.",
            "planning an attack",
            ("RUS", "FSB"),
        ),
        (
            # Named since the body quoted: the one named just before is who "the agency" is.
            "Britain's spy agency said the strikes had been planned for months. Officials of the CIA briefed "
            'lawmakers on Tuesday. "The programme has grown very fast in the past year," the agency said.',
            "grown very fast",
            ("USA", "CIA"),
        ),
    ],
)
def test_the_agency_is_the_body_named_just_before(
    nlp: Language, text: str, words: str, speaker: tuple[str, str]
) -> None:
    assert speaker_of(nlp, text, words) == speaker
