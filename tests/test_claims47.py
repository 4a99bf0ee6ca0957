"""Claims off the tuning half (issue 13, lane claims47). The dead and hurt of an article on two or more states
none leads take the state or place named last before them (the stop-46 question settled by the coding: the coders
gave every such figure of the tuning half and news-dev/dev2 an owner, 5 of 5, the state named last before in 3),
never a state the figure's sentence or the sentences before name as firing arms or doing violence ("the rockets
that Chile fired ... The barrage has killed 14 people": not Chile's dead). The sentences are written for these
tests; none is copied from an article. Also: a force that troops of two states make up is neither's figure ("a
20,000-strong force of Chadian and Nigerien troops"), and the part a verb of violence kills of a group named by a
noun outside the claim classes is a figure ("killing 14 of its 40 passengers").
"""

from __future__ import annotations

from tests.claim_cases import figures_test, no_figures_test

test_dead_of_an_article_with_no_leading_state = figures_test(
    [
        # Mali and Niger are each named twice: the dead are of the place named last before them.
        (
            "Niger's president met Mali's leader in Bamako on Monday. Gunmen later attacked a bus near Niamey. "
            "Twelve passengers were killed.",
            [("NER", 12, 12)],
        ),
        # Laos named last, Thailand before it: the dead are Laos's.
        (
            "Thailand and Laos held talks on the river border. Floods of refugees crossed from Laos last week. "
            "A riot at the camp left nine people dead.",
            [("LAO", 9, 9)],
        ),
    ],
)

test_dead_not_of_the_state_that_fired = figures_test(
    [
        # Chile fired the rockets and is named last before the dead: they are Peru's, the state named before it.
        (
            "Peru said the border town of Tacna was struck again. The rockets that Chile fired hit a market. "
            "The barrage has killed 14 people.",
            [("PER", 14, 14)],
        ),
        # The use of the arms "by" a state: that state is no owner of the dead either.
        (
            "Peru said its town of Tacna had been hit. The latest use of the rockets by Chile was on Monday. "
            "Strikes with these rockets have killed 14 people.",
            [("PER", 14, 14)],
        ),
    ],
)

test_arms_inside_what_is_sent = figures_test(
    [
        # The shells are what the sent containers hold: the sender's, not the receiver named before the containers.
        (
            "Belarus has sent Serbia containers able to hold nearly 2 million artillery shells.",
            [("BLR", 2000000, 2000000)],
        ),
        # Arms sent beside others ("in addition to", "along with") are the sender's too.
        ("Iran has given Sudan drones and rifles in addition to at least 500,000 shells.", [("IRN", 500000, None)]),
        ("Chad has sent Niger armoured cars along with 300 soldiers.", [("TCD", 300, 300)]),
    ],
)

test_part_of_a_fronted_whole = figures_test(
    [
        # "of the N ..., M did": the part is the subject of its own clause after a fronted of-phrase.
        (
            "The agency said that of the 6,000 Eritrean soldiers sent to Sudan, about 900 had been wounded.",
            [("ERI", 6000, 6000), ("ERI", 900, 900)],
        ),
        (
            "Officials believe that, of the roughly 4,000 Chadian troops thought to be in Niger, some 1,500 have been "
            "moved to the capital.",
            [("TCD", 4000, 4000), ("TCD", 1500, 1500)],
        ),
        # A part only somewhere, with a verb of being, stays no figure of its own.
        ("Of the 6,000 Eritrean soldiers sent to Sudan, 2,000 are in Khartoum.", [("ERI", 6000, 6000)]),
    ],
)

test_force_of_two_states = no_figures_test(
    [
        # A force that troops of two states named together make up is neither's figure.
        "Analysts say a 20,000-strong joint force of Chadian and Nigerien troops is preparing to retake the town.",
    ],
)

test_part_killed = figures_test(
    [
        # The part the verb kills is a figure of the dead; the whole it is taken from is none.
        ("Gunmen stopped a bus in northern Mali, killing 14 of its 40 passengers.", [("MLI", 14, 14)]),
    ],
)
