"""A figure after a verb's particle is exact (issue 13, lane conjunct42): "handed over 60 tanks" hands
over sixty, not more than sixty ("over" the particle of "hand over", no comparator), as "gave up 40
tanks" gives up forty. Near-misses: "over" before the figure of a verb it is no particle of ("sent over
300 shells") and a comparator after the particle ("handed over more than 300") stay lower bounds. The
sentences are written for these tests; none is copied from an article."""

from __future__ import annotations

from tests.claim_cases import figures_test

test_figure_after_a_particle = figures_test(
    [
        # The particle of a phrasal verb: the figure itself.
        ("Belarus handed over 60 tanks to Russia last spring.", [("BLR", 60, 60)]),
        # The parse hangs "over" on the figure, but "hand over" is a phrasal verb of the lexicon.
        ("Minsk has handed over 90 armoured vehicles to Moscow.", [("BLR", 90, 90)]),
        ("Belarus gave up 45 tanks to Russia after the talks.", [("BLR", 45, 45)]),
        # "over" of a verb with no such particle, or a comparator after the particle: a lower bound.
        ("Belarus sent over 300 artillery shells to Russia.", [("BLR", 300, None)]),
        ("Belarus handed over more than 300 artillery shells to Russia.", [("BLR", 300, None)]),
    ],
)
