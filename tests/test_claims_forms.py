"""Claim figures in the forms real coverage writes them, with the subject whose figure it is (issue 13,
lane claims3): number words ("one thousand sappers"), money in currency words ("six billion dollars
of exports"), new counted nouns (deminers, military builders, explosives, barrels of fuel delivered,
people hurt), totals that pass, approach or average a figure, bare figures that count the noun
before them ("the 2,000 who were deployed", "estimated the number at 900"), an article's owner
carried to a figure whose sentence names none, where troops are sent (not whose they are), "given
Moscow 200 drones", calibres and multiples that are no counts. The sentences are written for these
tests; none is copied from an article.
"""

from __future__ import annotations

from tests.claim_cases import figures_test, no_figures_test

test_figure_forms = figures_test(
    [
        # Number words: "one" before a scale word.
        (
            "Lukashenko has decided to send one thousand engineers to Russia to clear mines near Belgorod.",
            [("BLR", 1000, 1000)],
        ),
        # A currency word counts what it is "of".
        (
            "Officials said the six billion dollars of Chinese exports to Belarus last year had doubled.",
            [("CHN", 6000000000, 6000000000)],
        ),
        # Deminers; builders named military (or sent abroad).
        (
            "Belarus will dispatch 2,000 military builders and 500 deminers to the Kursk region.",
            [("BLR", 500, 500), ("BLR", 2000, 2000)],
        ),
        ("Iran has shipped more than 9,000 tons of explosives to Russia.", [("IRN", 9000, None)]),
        # Barrels of fuel a state delivers.
        ("Moscow delivered more than 80,000 barrels of diesel to Minsk in May.", [("RUS", 80000, None)]),
        # Totals that pass, approach or average a figure.
        (
            "Belarus's intelligence service said the number of Belarusian volunteers killed or wounded in the "
            "war has passed 300.",
            [("BLR", 300, None)],
        ),
        ("Belarusian casualties now average about 50 a day, the ministry said.", [("BLR", 50, 50)]),
        # A bare figure a relative clause of sending describes.
        (
            "Officials expect another 4,000 Belarusian troops to arrive in the spring, on top of the 2,000 who "
            "were quietly deployed in March.",
            [("BLR", 2000, 2000), ("BLR", 4000, 4000)],
        ),
        # "estimated the number at N": the troops counted in the sentence before.
        (
            "Kyiv says up to 1,200 Belarusian soldiers have been killed or wounded. Western officials have "
            "estimated the number at 900.",
            [("BLR", None, 1200), ("BLR", 900, 900)],
        ),
        # A quotation mark between the bound and the figure.
        ("Minsk has sent at least “2,000 soldiers” to Russia, the agency said.", [("BLR", 2000, None)]),
        # The second of two objects handed over; a place before a figure is the receiver.
        (
            "Over the summer Tehran has given Moscow 200 Shahed drones and 40 M1991 rocket launchers.",
            [("IRN", 40, 40), ("IRN", 200, 200)],
        ),
        # Calibres and multiples are no counts.
        (
            "Through the port, Iran may have transferred more than 2 million 152mm artillery shells to Russia.",
            [("IRN", 2000000, None)],
        ),
    ],
)


test_owner_carried_from_the_article = figures_test(
    [
        # Casualties whose sentence names no state take the owner of the article's last casualties.
        (
            "A drone hit a market in Kharkiv on Tuesday, killing nine people. Seven children were among the "
            "40 civilians hurt.",
            [("UKR", 7, 7), ("UKR", 9, 9), ("UKR", 40, 40)],
        ),
        # Troops sent "to Russia" are not Russia's: the article's last troops figure names their owner.
        (
            "Belarus sent 1,000 troops to Russia in March. Western intelligence estimates that at least 3,000 "
            "soldiers were sent to Russia in the summer.",
            [("BLR", 1000, 1000), ("BLR", 3000, None)],
        ),
    ],
)


test_owner_not_carried = figures_test(
    [
        # A figure that names its own owner keeps it, whatever the article's last figure was.
        (
            "Belarus sent 1,000 troops to Russia in March. Iran has sent 300 troops to Syria.",
            [("BLR", 1000, 1000), ("IRN", 300, 300)],
        ),
        # Another kind of figure carries nothing: casualties after troops are not Belarus's (the dead of an article
        # on two states none leads take the state named last before them, stop 47).
        (
            "Belarus sent 1,000 troops to Russia in March. A strike on a bus killed 12 people.",
            [("BLR", 1000, 1000), ("RUS", 12, 12)],
        ),
    ],
)


test_no_claim = no_figures_test(
    [
        # "one" as a pronoun or a determiner, ages, ranks, years, dates, percentages, multiples, prices.
        "One of the engineers said he had been promised a job in Moscow.",
        "The 19-year-old recruit, aged 19, was questioned by the Security Service.",
        "The 3rd Belarusian brigade marked the 80th anniversary of its founding in 2024.",
        "Some seventy years after the war, forty percent of Belarusians back the alliance.",
        "That would be three times the force Minsk sent in the spring.",
        "The company employs 2,000 builders at its plant near Minsk.",
        "Oil traded at 80 dollars a barrel on Monday.",
    ],
)
