"""Claims whose subject is who sends the troops or hands over the arms, casualty words that stand
for the people counted before them, and ranges written with a dash (issue 13, lane quotes5). The
sentences are written for these tests; none is copied from an article.

And claim subjects the parse keeps away from the figure (lane quotes6): casualties "among" a named
force, arms in a clause on what a state sent ("containers ..., which could hold N shells"), arms
for someone's war (the beneficiary is not the owner), troops a state masses, and "among them" (part of
a group named before, not the group's own subject). The sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.claim_cases import figures_test
from tests.helpers import claim_figures

test_whose_figure = figures_test(
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


@pytest.mark.parametrize(
    "text",
    [
        # A received figure stays the receiver's side of the story only when the counted phrase says so:
        # "Russia received 2,000 Belarusian troops" names Belarus in the phrase.
        "Russia received 2,000 Belarusian troops last year.",
    ],
)
def test_the_counted_phrase_still_comes_first(nlp: Language, text: str) -> None:
    assert claim_figures(nlp, text) == [("BLR", 2000, 2000)]


test_ranges_and_bounds = figures_test(
    [
        # A range written with a dash, as one token or three.
        ("Kyiv expects 25,000–30,000 more Belarusian troops to arrive.", [("BLR", 25000, 30000)]),
        ("Kyiv expects 25,000-30,000 Belarusian troops to arrive.", [("BLR", 25000, 30000)]),
        # "upward of" is a lower bound like "upwards of".
        ("Minsk sent upward of 4,000 soldiers to Russia last year.", [("BLR", 4000, None)]),
    ],
)


def test_a_model_number_is_no_range(nlp: Language) -> None:
    # "787-9" names a model: its second number is not the larger.
    assert (None, 787, 9) not in claim_figures(nlp, "The airline bought 30 of the 787-9 jets last year.")


# Claim subjects the parse keeps away from the figure (lane quotes6).
test_claim_subjects_away_from_the_figure = figures_test(
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
