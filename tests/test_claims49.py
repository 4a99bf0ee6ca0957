"""Claims by causes that recur in any news (issue 13, lane claims49), not the particulars of the tuning rows.

"N out of M soldiers" takes a part of the M as "N of the M soldiers" does: both are figures of the soldiers' state,
and what the verb says of the part (killed) it does not say of the whole; "three out of every ten" is a ratio, no
part. Arms fired in a passive clause that names no firer ("80 missiles had been fired at targets across Peru") are of
the state whose act of violence the article named last (the README's claims convention: the subject whose figure it
is), never of the state they were fired at nor of their maker. The sentences are written for these tests; none is
copied from an article.
"""

from __future__ import annotations

from tests.claim_cases import figures_test

test_part_out_of_a_whole = figures_test(
    [
        # The part and the whole are both figures of the soldiers' state.
        (
            "Around 6,000 out of the 9,000 Chadian troops in Niger have returned home, the ministry said.",
            [("TCD", 6000, 6000), ("TCD", 9000, 9000)],
        ),
        (
            "Some 3,000 out of an estimated 5,000 Bolivian soldiers in Peru were moved north, Lima said.",
            [("BOL", 3000, 3000), ("BOL", 5000, 5000)],
        ),
        # "out of" on the verb: the part is what is killed, the whole is not.
        ("Rebels killed 12 out of 40 Malian soldiers guarding the base.", [("MLI", 12, 12), ("MLI", 40, 40)]),
    ],
)

test_arms_fired_with_no_firer_named = figures_test(
    [
        # The doer of the attack the article named just before, not the state fired at.
        (
            "Chile launched a large missile attack on Peruvian cities overnight. Officials in Lima said more than 80 "
            "missiles had been fired at targets across Peru.",
            [("CHL", 80, None)],
        ),
        # The state that held the strike, not the makers of the rockets used in it.
        (
            "A Bolivian strike hit a depot in Peru's south, officials said. Chilean-made rockets had been used, "
            "experts said. Up to 15 rockets were fired into the Tacna region, Lima said.",
            [("BOL", None, 15)],
        ),
        # The holder of the arms that name the attack, shared by a coordinated noun; not a pronoun's guess.
        (
            "The rocket was part of a large Chilean missile and drone attack on Peruvian towns. The minister accused "
            "them of working together to use such weapons against civilians. He said more than 50 missiles and "
            "drones had been fired at targets across Peru.",
            [("CHL", 50, None)],
        ),
        # Where they were fired from names whose they are (unchanged).
        ("Peru says 40 rockets were fired from Bolivia overnight.", [("BOL", 40, 40)]),
    ],
)
