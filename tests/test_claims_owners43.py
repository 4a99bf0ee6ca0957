"""Claims of lane owners43: whose a figure is when the sentence also names someone else. A state that captures
people never owns them (the captives' own state does, or the article's last owner of troops, or none); "X and Y
each sent N" is a figure of each; "its" inside a reported clause's own subject stands for the state that reports
it, not a state of the sentence before. The sentences are written for these tests; none is copied from an article.
"""

from __future__ import annotations

from tests.claim_cases import figures_test

test_captor_owns_no_captives = figures_test(
    [
        # The captives' own state, named or not: the captor is the other side.
        ("Ukrainian troops captured 12 Russian soldiers near Vovchansk.", [("RUS", 12, 12)]),
        ("Eritrean forces captured 30 soldiers near the border.", [(None, 30, 30)]),
        ("Sudan's army captured 25 fighters, Khartoum said.", [(None, 25, 25)]),
        # Nothing in the sentence names the captives' state: the article's last troops owner does.
        (
            "Azerbaijan said it lost 20 troops on Tuesday. Armenian forces captured 14 soldiers near the border.",
            [("AZE", 20, 20), ("AZE", 14, 14)],
        ),
        # A state that jails people holds its own.
        ("Belarus jailed 35 protesters after the vote.", [("BLR", 35, 35)]),
    ],
)

test_each_of_two_states = figures_test(
    [
        # "each": one figure per state of the coordinated subject, wherever "each" stands.
        ("Belarus and Syria each sent 200 troops to the exercise.", [("BLR", 200, 200), ("SYR", 200, 200)]),
        ("Chile and Peru sent 1,000 soldiers each to the border.", [("CHL", 1_000, 1_000), ("PER", 1_000, 1_000)]),
        # Without it the figure is the two states' together: the first's, as before.
        ("Chile and Peru sent 1,000 soldiers to the border.", [("CHL", 1_000, 1_000)]),
    ],
)

test_its_in_the_reported_subject = figures_test(
    [
        # "three of its soldiers": the reporting institution's state, not the state of the sentence before.
        (
            "Thailand said 40 of its soldiers were killed on Sunday. The Cambodian army said three of its soldiers"
            " died in the clash.",
            [("THA", 40, 40), ("KHM", 3, 3)],
        ),
        (
            "Eritrea said 15 of its troops were wounded. Ethiopian officials said nine of their soldiers had died.",
            [("ERI", 15, 15), ("ETH", 9, 9)],
        ),
    ],
)
