"""Claims by causes that recur in any news (issue 13, lane claims49), not the particulars of the tuning rows.

"N out of M soldiers" takes a part of the M as "N of the M soldiers" does: both are figures of the soldiers' state,
and what the verb says of the part (killed) it does not say of the whole; "three out of every ten" is a ratio, no
part. The sentences are written for these tests; none is copied from an article.
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
