"""Claims of lane claims44: a figure that takes a part of a noun counted before ("900 of them", "900 of whom",
"Of these, 900 ...", "900 of those soldiers") counts that noun, whatever its verb, and is the whole's owner's: not
the state of the source that reports it, of the place it names or of whoever fought them. Soldiers killed or hurt
with no owner of their own carry the owner of the troops counted just before; "its" on the killed or captured is not
the killer's. The sentences are written for these tests; none is copied from an article.
"""

from __future__ import annotations

from tests.claim_cases import figures_test

test_part_of_troops_sent = figures_test(
    [
        # The source's state reports the part; the sender owns it.
        (
            "Belarus has sent about 6,000 soldiers to help Serbia. Around 900 of them have been killed or wounded, "
            "Croatia's defence ministry said.",
            [("BLR", 6_000, 6_000), ("BLR", 900, 900)],
        ),
        (
            "Belarus has sent about 6,000 soldiers to Serbia. Croatian intelligence says 900 of them have died.",
            [("BLR", 6_000, 6_000), ("BLR", 900, 900)],
        ),
        # "of those soldiers", "Of these, ...": the same whole.
        (
            "Mongolia deployed 1,200 troops to Kazakhstan. Some 150 of those soldiers were wounded, Kazakh officials "
            "said.",
            [("MNG", 1_200, 1_200), ("MNG", 150, 150)],
        ),
        (
            "Belarus has sent about 6,000 soldiers to Serbia. Of these, 900 were reported killed.",
            [("BLR", 6_000, 6_000), ("BLR", 900, 900)],
        ),
    ],
)

test_part_with_any_verb = figures_test(
    [
        # Not only killed or hurt: a part of a figure of an earlier sentence is a figure of its own.
        (
            "Belarus has sent about 6,000 soldiers to Serbia. About 900 of them are now in hospitals in Minsk.",
            [("BLR", 6_000, 6_000), ("BLR", 900, 900)],
        ),
        (
            "Laos has posted 2,000 engineers to Cambodia. Some 300 of those have since returned home.",
            [("LAO", 2_000, 2_000), ("LAO", 300, 300)],
        ),
        # In the whole's own sentence a breakdown of that figure, not one of its own (but killed or hurt, as before).
        ("Laos has posted 2,000 engineers to Cambodia, 300 of whom have since returned home.", [("LAO", 2_000, 2_000)]),
        ("Shelling across the region has killed 14 villagers, six of them women.", [(None, 14, 14)]),
        ("Bolivia deployed 500 soldiers to the border, housing 200 of them in tents.", [("BOL", 500, 500)]),
    ],
)

test_part_destroyed_or_captured_by_another = figures_test(
    [
        # Whoever destroys or captures a part does not own it.
        (
            "Georgia has deployed 300 tanks near the border. Armenian forces say they have destroyed 90 of them.",
            [("GEO", 300, 300), ("GEO", 90, 90)],
        ),
        (
            "Belarus has sent about 6,000 soldiers to Serbia. Croatia says it has captured 40 of them.",
            [("BLR", 6_000, 6_000), ("BLR", 40, 40)],
        ),
    ],
)

test_soldiers_hurt_after_troops_sent = figures_test(
    [
        # Soldiers killed or hurt with no owner of their own are of the troops counted just before, not of the source.
        (
            "Turkey sent 8,000 troops into Syria. Syrian officials said 450 were killed or wounded in the first month.",
            [("TUR", 8_000, 8_000), ("TUR", 450, 450)],
        ),
        (
            "Turkey sent 8,000 troops into Syria. About 450 soldiers were killed in the first month, Syrian officials "
            "said.",
            [("TUR", 8_000, 8_000), ("TUR", 450, 450)],
        ),
        # Civilians killed are not the troops'.
        (
            "Turkey sent 8,000 troops into Syria. Syrian officials said 45 civilians were killed in the first month.",
            [("TUR", 8_000, 8_000), ("SYR", 45, 45)],
        ),
    ],
)

test_its_victims = figures_test(
    [
        # "its" on the killed or captured is not the killer's or captor's: the clause above names it.
        ("Armenia said Azerbaijani troops had killed 12 of its soldiers.", [("ARM", 12, 12)]),
        ("Kyiv says Russian forces captured 30 of its troops near Bakhmut.", [("UKR", 30, 30)]),
        # As before: "its" in the reported clause's own subject, and a state's own losses.
        ("The Indian army said three of its soldiers died.", [("IND", 3, 3)]),
        ("Pakistan said it had lost 12 of its soldiers.", [("PAK", 12, 12)]),
    ],
)
