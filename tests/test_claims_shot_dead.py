"""A verb that leaves the counted dead or hurt by the word it predicates ("were shot dead", "was found dead") is
a verb of casualty, also for a bare number that counts the noun counted before it ("the bodies of five
protesters …, and at least 10 had been shot dead": 10 protesters) (stop 38, lane claims9). A verb that
predicates no casualty word makes no figure of a bare number. The sentences are written for these tests;
none is copied from an article.
"""

from __future__ import annotations

from tests.claim_cases import figures_test

test_shot_dead_counts_the_noun_before = figures_test(
    [
        (
            "Medics in Kampala counted the bodies of at least six demonstrators, and a nurse said at least 11 had "
            "been shot dead near the market.",
            [("UGA", 6, None), ("UGA", 11, None)],
        ),
        (
            "Soldiers in Juba fired on protesters, killing four civilians, and a doctor said 9 more were found dead "
            "later.",
            [("SSD", 4, 4), ("SSD", 9, 9)],
        ),
    ],
)

test_no_casualty_word_no_figure = figures_test(
    [
        # Near-misses: "shot" alone, or a word of no casualty, leaves the bare number uncounted.
        (
            "Medics in Kampala counted the bodies of at least six demonstrators, and a nurse said 11 were shot.",
            [("UGA", 6, None)],
        ),
        (
            "Medics in Kampala counted the bodies of at least six demonstrators, and a nurse said 11 were left "
            "homeless.",
            [("UGA", 6, None)],
        ),
    ],
)
