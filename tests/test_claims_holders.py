"""Claim subjects the parse keeps away from the figure (issue 13, lane quotes6): casualties "among" a
named force, arms in a clause on what a state sent ("containers ..., which could hold N shells"), arms
for someone's war (the beneficiary is not the owner), troops a state masses, and "among them" (part of
a group named before, not the group's own subject). The sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.extract import extract_text

Figure = tuple[str | None, float | None, float | None]  # subject_id, value_low, value_high


def figures(nlp: Language, text: str) -> list[Figure]:
    found = extract_text(nlp, text).claims
    return sorted(((c.subject_id, c.value_low, c.value_high) for c in found), key=str)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In May, Ukraine's military intelligence put casualties at about 2,300 among the 9,000 Belarusian "
            "soldiers sent to fight in Russia.",
            [("BLR", 2300, 2300), ("BLR", 9000, 9000)],
        ),
        (
            "Belarus has shipped at least 3,000 containers to Russia, which could hold up to 2 million artillery "
            "shells, Kyiv said.",
            [("BLR", 3000, None), ("BLR", None, 2000000)],
        ),
        (
            "Minsk has delivered some 400,000 artillery shells for Moscow's war against Ukraine.",
            [("BLR", 400000, 400000)],
        ),
        (
            "Belarusian troops crossed the border in the spring. Russia is massing 40,000 troops along the border "
            "with Kharkiv, Kyiv said.",
            [("RUS", 40000, 40000)],
        ),
        (
            "Belarus has sent nearly 5,000 troops to Russia, among them 200 officers, Kyiv said.",
            [("BLR", 200, 200), ("BLR", 5000, 5000)],
        ),
    ],
)
def test_claim_subjects_away_from_the_figure(nlp: Language, text: str, expected: list[Figure]) -> None:
    assert figures(nlp, text) == expected
