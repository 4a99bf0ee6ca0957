"""Whose a figure is and what is no figure (issue 13, lane claims5): a figure the sentence's own words do
not own takes the owner of the sentence's earlier figure of its kind; a possessive "its" / "their" on the
counted stands for its clause's subject state, never a place named nearer; "the figure" a second source
puts a number on is the total numbered before it in the sentence; "and five more" counts the noun before.
Not figures: ships and jets taking part in a drill or patrol, things counted by name, numbers of types.
The sentences are written for these tests; none is copied from an article.
"""

from __future__ import annotations

from tests.claim_cases import figures_test, no_figures_test

test_owner_from_the_sentence = figures_test(
    [
        # The second figure names no owner; the French bombs are not whose casualties they are.
        (
            "The raid, carried out with French-made bombs, killed 25 Syrian soldiers and injured 40 others.",
            [("SYR", 25, 25), ("SYR", 40, 40)],
        ),
        # "its" is the state whose clause it is in, not the place named just before it.
        (
            "Analysts said Russia had lost more than 2,000 soldiers near Kharkiv in Ukraine's north-east, "
            "a fifth of its 10,000 troops there.",
            [("RUS", 2000, None), ("RUS", 10000, 10000)],
        ),
        (
            "Officials in Kyiv said the Russian army lost 900 of their troops near Bakhmut in a week.",
            [("RUS", 900, 900)],
        ),
        # A second source's "figure" is the casualties numbered before it in the sentence.
        (
            "Kyiv said Russian casualties near Avdiivka had passed 5,000, while Western analysts put the "
            "figure at 3,500.",
            [("RUS", 3500, 3500), ("RUS", 5000, None)],
        ),
        # "and four more" counts the soldiers before it.
        (
            "Azerbaijani artillery killed seven Armenian soldiers on the ridge and four more in a night attack.",
            [("ARM", 4, 4), ("ARM", 7, 7)],
        ),
        # "wounded 30 over two days": the 30 are the soldiers, not days; people named by nationality too.
        (
            "Azerbaijani forces killed 12 Armenian soldiers and wounded 30 over two days.",
            [("ARM", 12, 12), ("ARM", 30, 30)],
        ),
        ("Gunmen killed 25 Malians and wounded 60 over four days, officials said.", [("MLI", 25, 25), ("MLI", 60, 60)]),
        # Figures of two states in one sentence: a bare figure's loser or sender is its own clause's.
        (
            "Russia has lost 600,000 soldiers, while Ukraine has lost 400,000, according to Western estimates.",
            [("RUS", 600000, 600000), ("UKR", 400000, 400000)],
        ),
        (
            "North Korea has sent 10,000 troops to Russia, and Belarus has sent 2,000 to the border.",
            [("BLR", 2000, 2000), ("PRK", 10000, 10000)],
        ),
        # "the 1,200 already deployed": the troops counted before, described by a participle.
        (
            "Belarus plans to send 5,000 troops to the border, including the 1,200 already deployed there.",
            [("BLR", 1200, 1200), ("BLR", 5000, 5000)],
        ),
    ],
)


test_owner_near_misses = figures_test(
    [
        # Near-misses: a figure with its own state keeps it; a second state's own figure stays its own.
        (
            "The raid killed 25 Syrian soldiers and 12 Turkish troops were injured.",
            [("SYR", 25, 25), ("TUR", 12, 12)],
        ),
        ("Ukraine's army said its 3,000 troops had left Vovchansk.", [("UKR", 3000, 3000)]),
        ("Azerbaijani forces killed 12 Armenian soldiers over three days.", [("ARM", 12, 12)]),
        ("The ministry ordered 3,000 field beds, including the 1,200 already delivered to Brest.", []),
        # Money "in" trade is what is counted.
        ("Japan's trade with Ukraine grew to $4.5 billion in 2024.", [("JPN", 4500000000, 4500000000)]),
    ],
)


test_no_figure_of_arms = no_figures_test(
    [
        "Six Chinese warships and two Russian submarines are taking part in the exercise off Hainan.",
        "Three Russian bombers joined the patrol over the Sea of Okhotsk on Tuesday.",
        "Two Russian warships, the Admiral Kasatonov and the Neustrashimy, were sanctioned on Friday.",
        "Admiral Kasatonov and Neustrashimy, two of the Russian warships in the drill, returned to port.",
        "Iran has supplied more than 15 types of drones to Russia, the report said.",
        "The two delegations held four rounds of talks in Doha.",
        "The warship fired two rounds at the drone before it turned away.",
        "About 300 containers going through the port were inspected.",
        "At least one of the ships was damaged in the storm.",
    ],
)


test_figures_of_arms = figures_test(
    [
        # Near-misses: arms sent, lost or supplied are figures; rounds and vehicles with a calibre or a
        # military word are arms; containers moved from a named state are sent; "at least one" is a bound.
        ("China sent six warships to the exercise off Hainan.", [("CHN", 6, 6)]),
        ("Russia has lost two warships in the Black Sea since March.", [("RUS", 2, 2)]),
        ("Iran has supplied more than 1,500 drones to Russia, the report said.", [("IRN", 1500, None)]),
        ("Belarus delivered up to 200,000 122mm rounds and 3,000 mortars to Russia.", [("BLR", None, 200000)]),
        ("Minsk has handed over at least 40 armoured vehicles to Moscow.", [("BLR", 40, None)]),
        ("Satellite images showed about 2,000 containers going from Iran to Russia by sea.", [("IRN", 2000, 2000)]),
        ("Serbia has delivered at least one howitzer to Ukraine, the newspaper said.", [("SRB", 1, None)]),
    ],
)
