"""A news agency, outlet or think tank the gazetteer codes by its country reports or studies a figure; it owns
none, not even as its source (stop 38, lane claims9): "A Reuters journalist counted the bodies of five
protesters" in an article on Kenya is Kenya's figure, not Britain's. A state body, a state or a group named
in the clause still owns what it counts. The sentences are written for these tests; none is copied from an
article.
"""

from __future__ import annotations

from tests.claim_cases import figures_test

test_reporter_owns_no_figure = figures_test(
    [
        (
            "Ugandan police fired tear gas at marchers in Kampala. A Reuters photographer counted the bodies of "
            "at least four demonstrators near the market.",
            [("UGA", 4, None)],
        ),
        ("An AFP correspondent counted 14 bodies in the square.", [(None, 14, 14)]),
    ],
)

test_owners_beside_a_reporter = figures_test(
    [
        # Near-misses: the state the outlet reports on, a mercenary group, a state body.
        ("Yonhap reported that North Korea had sent 3,000 more troops to Kursk.", [("PRK", 3000, 3000)]),
        ("The Wagner group sent 2,000 fighters to Mali, Reuters said.", [("RUS", 2000, 2000)]),
        ("Ukraine's defence intelligence counted 40 bodies near the village.", [("UKR", 40, 40)]),
    ],
)
