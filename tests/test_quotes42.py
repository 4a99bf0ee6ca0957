"""Quote speakers of lane quotes42 (issue 13): "they" after a group quoted in the sentence before is that group,
subject or not ("..., according to former officials. They noted that ..."); papers ("according to the
materials") are no speakers. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quote_speakers import Found, speakers, spoken_after


@pytest.mark.parametrize(
    ("text", "marker", "expected"),
    [
        (
            "Brazil's rift with Argentina over fishing rights probably reflects frustration in Brasilia, according "
            "to former Brazilian trade negotiators. They noted that the quotas had been agreed in good faith.",
            "They noted",
            [("BRA", "former Brazilian trade negotiators")],
        ),
        (
            "Kenya's grain reserves will last until March, according to grain traders. They argued that "
            "imports from Tanzania should resume at once.",
            "They argued",
            [(None, "grain traders")],
        ),
    ],
)
def test_they_are_the_group_quoted_before(nlp: Language, text: str, marker: str, expected: Found) -> None:
    assert spoken_after(nlp, text, marker) == expected


def test_they_are_not_a_group_only_named(nlp: Language) -> None:
    # Near-miss: the fishermen are rescued, not quoted; "they" names no speaker the text quoted.
    text = (
        "The Chilean navy rescued six fishermen off Valparaiso on Sunday, according to the port authority. "
        "They said the storm had come without warning."
    )
    assert (None, "fishermen") not in spoken_after(nlp, text, "They said")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("According to briefing materials handed to senators, Chile would repay the loan over ten years.", []),
        ("According to the materials Peru sent to the tribunal, the trawlers fished inside its waters.", []),
        # Near-misses: the people who wrote them are speakers.
        (
            "According to the lawyers who drafted the materials, the loan would be repaid over ten years.",
            [(None, "lawyers")],
        ),
        ("According to Bolivian miners, the smelter has been closed since May.", [("BOL", "Bolivian miners")]),
    ],
)
def test_papers_say_nothing(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected
