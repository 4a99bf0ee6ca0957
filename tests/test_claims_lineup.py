"""Ships, jets and bombers a drill lines up are no figure of arms (README, claims: "ships and jets in a drill's
or patrol's line-up … are no claims"), also when the verb is a complement ("were due to take part in a
naval exercise") or places them in the drill ("are involved in this year's exercises"), as the news coders code
them (stop 38, lane claims9); arms fired or sent in a drill, and anything not in a drill, stay figures.
The sentences are written for these tests; none is copied from an article.
"""

from __future__ import annotations

from tests.claim_cases import figures_test, no_figures_test

test_drill_line_up_is_no_figure = no_figures_test(
    [
        "Around 70 fighter jets and bombers were due to take part in Hokkaido exercises.",
        "Twelve frigates, three submarines and 80 aircraft are involved in this year's Sea Breeze exercises.",
        "Some 40 Russian warships were expected to take part in Pacific drills.",
    ],
)

test_arms_outside_a_line_up = figures_test(
    [
        # Near-misses: fired or sent in a drill, or involved in no drill.
        ("Pyongyang fired three cruise missiles in the drill on Sunday.", [("PRK", 3, 3)]),
        ("Moscow sent 30 warships to the exercise area near Japan.", [("RUS", 30, 30)]),
        # (craft only spotted are a sighting, no figure, since lane claims42: tests/test_claims42.py)
        ("Three submarines were destroyed in the Sea of Japan.", [(None, 3, 3)]),
        ("About 5,000 troops were involved in the fighting near Pokrovsk.", [(None, 5000, 5000)]),
    ],
)
