"""Claims of lane claims45. A bare figure looks back in its sentence for the noun it counts, and that look-back is
read once a sentence (a sentence of a thousand parts was quadratic): each part of a long run still counts the noun
and takes its owner. A figure whose owner is only a state its sentence names takes the one in its counted phrase, else
the nearest before it, not a destination. The sentences are written for these tests; none is copied from an article.
"""

from __future__ import annotations

from tests.claim_cases import figures_test

_PARTS = 40
_RUN = ", ".join(f"{200 + i} of them were wounded" for i in range(_PARTS))

test_each_part_of_a_long_run_counts_the_noun_before = figures_test(
    [
        (
            f"Belarus has sent 6,000 soldiers to the front, and {_RUN}, Croatia said.",
            [("BLR", 6_000, 6_000)] + [("BLR", 200 + i, 200 + i) for i in range(_PARTS)],
        ),
        # The nearest counted noun before each figure, not the first: the troops, then the civilians.
        (
            "Chile sent 800 troops to Bolivia, and 40 were killed, while rebels in Peru abducted 300 villagers and 12 "
            "were wounded.",
            [("CHL", 800, 800), ("CHL", 40, 40), ("PER", 300, 300), ("PER", 12, 12)],
        ),
    ],
)

# A figure whose owner is only a state its sentence names: the one in the counted phrase (where the victims are), else
# the nearest before it, never one that is only where something goes.
test_state_the_sentence_names = figures_test(
    [
        (
            "On Monday the Dutch government expelled a Chadian diplomat based in Amsterdam in response to the massacre "
            "of at least 90 people in the Chadian town of Abeche.",
            [("TCD", 90, None)],
        ),
        (
            "Chile has moved crates, apparently to Peru, that could contain more than 3 million artillery shells, "
            "according to a Bolivian report.",
            [("CHL", 3_000_000, None)],
        ),
    ],
)
