"""Claims whose subject is who sends the troops or hands over the arms, and casualty words that stand
for the people counted before them (issue 13, lane quotes5). The sentences are written for these
tests; none is copied from an article."""

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
        # The sender's troops, whatever troops the article named before them.
        (
            "Ukrainian troops held the line near Kupiansk on Monday. Belarus has sent 2,000 troops to Russia "
            "since the spring to support its war against Ukraine.",
            [("BLR", 2000, 2000)],
        ),
        (
            "Ukrainian soldiers retook the village. Minsk dispatched around 500 soldiers to help the Kremlin's "
            "offensive.",
            [("BLR", 500, 500)],
        ),
        # "... killed and N wounded": the wounded are of the soldiers counted before them.
        (
            "At least 300 Belarusian soldiers have been killed in Russia's war against Ukraine and more than "
            "900 wounded, Kyiv's military intelligence said.",
            [("BLR", 300, None), ("BLR", 900, None)],
        ),
    ],
)
def test_whose_figure(nlp: Language, text: str, expected: list[Figure]) -> None:
    assert figures(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A received figure stays the receiver's side of the story only when the counted phrase says so:
        # "Russia received 2,000 Belarusian troops" names Belarus in the phrase.
        "Russia received 2,000 Belarusian troops last year.",
    ],
)
def test_the_counted_phrase_still_comes_first(nlp: Language, text: str) -> None:
    assert figures(nlp, text) == [("BLR", 2000, 2000)]
