"""Quote speakers of lane quotes23 (issue 13): "describing X as Y" where the parser hangs the "as" on the object
or inside it, and after a comma as a participle going on with its clause's subject; a stance voiced in the
passive ("concern was voiced by X"); "they" for a plural title subject in the sentence before. The sentences
are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quote_speakers import Found, speakers, spoken_after


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile on Monday criticised Peru, describing the Peruvian comments as rude.", [("CHL", "Chile")]),
        (
            "The Elysee's spokesperson described recent reports of French troops being sent to Chad as contradictory.",
            [("FRA", "Elysee's spokesperson")],
        ),
        # Near-miss: the passive names no describer.
        ("The Peruvian comments were described as rude.", []),
    ],
)
def test_described_as(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deep concern over the dam was voiced by Hungary and Slovakia.", [("HUN", "Hungary"), ("SVK", "Slovakia")]),
        # Near-miss: no one voices it.
        ("Deep concern was voiced over the dam.", []),
    ],
)
def test_stance_voiced_in_the_passive(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


def test_they_are_the_titled_group_before(nlp: Language) -> None:
    text = (
        "The ministers said that the canal fees were unfair. The ministers urged Panama to cut them. "
        "They also said they were deeply concerned about the drought."
    )
    assert spoken_after(nlp, text, "They also") == [(None, "ministers")]
