"""Whose a figure of victims or of the held is when nothing near it names an owner (issue 13, lane claims6):
the one state the article names, as a state or by its places ("The unrest left 31 people dead" in an
article on Bolivia → `BOL`); an article on two states none leads gives the state named last before it (stop 47,
lane claims47), one that names none gives none. No figure in the news sets is coded
without an owner. A few people or things named again with "the" ("the two prisoners") are no new figure,
nor is a number hyphened to its noun as a modifier ("a 21-gun salute"). People killed in a strike on a
named place, or left dead by an attack in one, are of its state, not the striker's or the reporter's; "2,000
of them are thought to have died" counts the soldiers before it.
The sentences are written for these tests; none is copied from an article.
"""

from __future__ import annotations

from tests.claim_cases import figures_test, no_figures_test

test_victims_of_the_article_state = figures_test(
    [
        # No state near the figures: the article's.
        (
            "Bolivia's government declared a state of emergency in La Paz on Monday. Roadblocks cut the "
            "highways to Cochabamba and Santa Cruz for a third week. The unrest has left at least 31 people "
            "dead and more than 200 injured, the ombudsman said.",
            [("BOL", 31, None), ("BOL", 200, None)],
        ),
        (
            "Protests spread across Bangladesh after the verdict, and police in Dhaka fired tear gas. "
            "The government said about 140 people had been killed in the past week.",
            [("BGD", 140, 140)],
        ),
    ],
)


test_victims_near_misses = figures_test(
    [
        # Near-misses: an owner named near the figure keeps it; a text that names no state keeps none, one that
        # names two the one named last before (stop 47); troops and arms are not placed by the article.
        (
            "Bolivia's government declared a state of emergency in La Paz. Clashes in Peru left 12 "
            "Peruvian protesters dead.",
            [("PER", 12, 12)],
        ),
        (
            "The unrest has left at least 31 people dead and more than 200 injured, the ombudsman said.",
            [(None, 31, None), (None, 200, None)],
        ),
        (
            "Bolivia closed its border with Peru on Monday. The unrest has left at least 31 people dead, the "
            "ombudsman said.",
            [("PER", 31, None)],
        ),
        (
            "Bolivia's government declared a state of emergency in La Paz. About 400 soldiers were seen "
            "on the highway.",
            [(None, 400, 400)],
        ),
    ],
)


test_the_few_named_again = no_figures_test(
    [
        # A few people or things counted before, named again with "the": no new figure.
        "The two wounded soldiers were flown to Kyiv for questioning.",
        "Investigators are questioning the two prisoners, aged 22 and 27, with an interpreter.",
        "One of the three hostages told reporters he had been held in a cellar.",
    ],
)


test_the_few_near_misses = figures_test(
    [
        # Near-misses: the few with their own state, a relative clause of what they did, more than a
        # few, and no "the" stay figures.
        ("The two Eritrean soldiers captured near Humera were flown to Addis Ababa.", [("ERI", 2, 2)]),
        ("Three of the six missiles Iran fired at Haifa were shot down.", [("IRN", 3, 3), ("IRN", 6, 6)]),
        ("The 400 Chadian soldiers were flown to Abeche.", [("TCD", 400, 400)]),
        ("Sudanese troops captured two Chadian soldiers near the border.", [("TCD", 2, 2)]),
    ],
)


test_hyphened_modifier = figures_test(
    [
        # A number hyphened to its noun names what another noun is: no count of that noun.
        ("Kenya welcomed the Ghanaian president with a 21-gun salute in Nairobi.", []),
        ("Egypt sent a 12-ship flotilla with 3,000 troops to Libya.", [("EGY", 3000, 3000)]),
        # Near-misses: the noun counted in its own right stays a figure.
        ("Russia fired 21 guns at the Ukrainian positions near Kupiansk.", [("RUS", 21, 21)]),
        ("Egypt sent 12 warships to the coast of Libya.", [("EGY", 12, 12)]),
    ],
)


test_people_of_the_place_struck = figures_test(
    [
        # People killed by a strike on a named place are the place's state's, not the striker's.
        (
            "Russia hit Odesa with drones overnight, killing three people and wounding 20.",
            [("UKR", 3, 3), ("UKR", 20, 20)],
        ),
        ("Israeli air strikes on Rafah have killed at least 12 civilians, medics said.", [("PSE", 12, None)]),
        # Near-misses: counted with their own state, or no place struck: as before.
        ("Russia hit Odesa with drones overnight, killing three Ukrainian soldiers.", [("UKR", 3, 3)]),
        ("Ukraine killed 300 Russian soldiers near Bakhmut.", [("RUS", 300, 300)]),
        # Since lane claims11 the strikes' holder is no owner of their dead: the source that reports them is.
        ("Russian strikes killed 12 civilians, Kyiv said.", [("UKR", 12, 12)]),
    ],
)


test_people_left_dead = figures_test(
    [
        # The people a clause leaves dead or hurt are of the place it happened in, not of who condemns or
        # reports it.
        ("Egypt condemned an attack in Mali that left around 50 people dead.", [("MLI", 50, 50)]),
        (
            "Unrest in north-east Delhi last week left 46 people dead and more than 300 injured, Pakistan said.",
            [("IND", 46, 46), ("IND", 300, None)],
        ),
        # Near-miss: a clause that leaves people neither dead nor hurt makes no figure.
        ("The storm left 3,000 people homeless in Kenya.", []),
    ],
)


test_raised_casualty_figure = figures_test(
    [
        # A bare figure a raising verb reports dead or hurt ("are thought to have died") counts the
        # soldiers before it.
        (
            "Some 10,000 Eritrean troops were sent to Tigray, and around 2,000 of them are thought to have died.",
            [("ERI", 2000, 2000), ("ERI", 10000, 10000)],
        ),
        (
            "Eritrea sent 5,000 soldiers to Tigray; 300 are believed to have been wounded.",
            [("ERI", 300, 300), ("ERI", 5000, 5000)],
        ),
        # Near-miss: reported somewhere, not dead or hurt: no figure of its own.
        (
            "Some 10,000 Eritrean troops were sent to Tigray, and around 2,000 of them are thought to be near Mekelle.",
            [("ERI", 10000, 10000)],
        ),
    ],
)
