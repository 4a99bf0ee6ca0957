"""A toll put at a figure stays the toll when its of-phrase names what the deaths are of ("puts the death toll of
the conflict at 29,000"), not a noun that is counted (stop 38, lane claims9); "the number of the dead" and "the
toll among North Korean troops" still count what their phrase names. The sentences are written for these
tests; none is copied from an article.
"""

from __future__ import annotations

from tests.claim_cases import figures_test, no_figures_test

test_toll_of_an_event = figures_test(
    [
        (
            "Clashes in Chad's east went on. A monitoring group puts the death toll of the conflict at more than "
            "4,100.",
            [("TCD", 4100, None)],
        ),
        ("Rights groups put the death toll of the uprising in Iran at about 550.", [("IRN", 550, 550)]),
    ],
)

test_toll_of_what_is_counted = figures_test(
    [
        # Near-misses: the of-phrase or among-phrase names the counted, as before.
        ("Kyiv put the death toll among Russian troops at about 900.", [("RUS", 900, 900)]),
        ("Monitors put the number of the dead at 300.", [(None, 300, 300)]),
    ],
)

test_number_of_no_claim_word = no_figures_test(["Monitors put the number of the protests at 300."])
