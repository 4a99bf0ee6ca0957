"""Claims by causes that recur in any news (issue 13, lane claims48), not the particulars of the tuning rows.

Numbered captives at their first mention in an article are a claim of the captives' state (the stop-48 ruling,
bench/data/news/README.md): prisoners of war count whatever they are said to do (wanting to defect, begging to be
taken south), and people of one state that another state holds or detains are captives; told again in the same
article they stay no claim (the stop-42 ruling), also when the first mention took them "prisoner". A state's arrests
of its own people stay unclaimed. Whose arms are: the state that hands them over, not the one that fires them after
("has supplied Russia with 4 million shells, which Russian forces are firing") nor the one that receives them
("has received 100 missiles from Pyongyang"); a figure in parentheses or an apposition is of the owner of the noun it
stands beside ("North Korea's deployment (some 12,000 troops)"); where troops train is not whose they are while the
sentence names another state; troops no state of the sentence owns, reported by a named official, are his state's
("..., Shoigu said"). The sentences are written for these tests; none is copied from an article.
"""

from __future__ import annotations

from tests.claim_cases import figures_test, no_figures_test

test_prisoners_of_war_at_first_mention = figures_test(
    [
        # Prisoners of war who do something are still captured soldiers counted (not hunger strikers).
        (
            "Three Bolivian prisoners of war held by Chile have asked to be sent to Peru, a charity said.",
            [("BOL", 3, 3)],
        ),
        ("Four Ecuadorian prisoners of war kept in Colombia want to stay there, their lawyer says.", [("ECU", 4, 4)]),
        (
            "The two Peruvian prisoners of war detained in Chile have written to their families, an envoy reported.",
            [("PER", 2, 2)],
        ),
    ],
)

test_foreigners_held_by_another_state = figures_test(
    [
        # People of a state that another state holds or detains: the captives' state, never the captor's.
        ("Quito says it holds five Peruvian sailors.", [("PER", 5, 5)]),
        ("Four Bolivian sailors are being held by Chile, La Paz said.", [("BOL", 4, 4)]),
        ("Two Canadian citizens have been detained in China since May, Ottawa said.", [("CAN", 2, 2)]),
    ],
)

test_own_people_arrested_unclaimed = no_figures_test(
    [
        "Police detained 60 protesters in Lima on Tuesday.",
        "Peruvian police arrested 35 Peruvian demonstrators outside the congress.",
    ],
)

test_captives_taken_prisoner_told_again = figures_test(
    [
        # The first mention took them prisoner; the second tells the same two again: one claim.
        (
            "Kyiv said it was questioning three Belarusian soldiers who had been taken prisoner near Sumy. "
            "Ukrainian troops had captured the three Belarusian soldiers during a night raid.",
            [("BLR", 3, 3)],
        ),
        (
            "Two Chilean prisoners of war held in Peru have asked to go home, a bishop said. "
            "Lima said it had captured two Chilean soldiers in the desert last spring.",
            [("CHL", 2, 2)],
        ),
    ],
)

test_sender_not_user_or_receiver = figures_test(
    [
        # Who hands the arms over owns them, not who fires them after or who gets them.
        (
            "Iran has supplied Russia with at least 2 million drones, which Russian troops are launching daily.",
            [("IRN", 2_000_000, None)],
        ),
        ("Belarus has sent 500,000 shells, which Russia has fired at Ukrainian towns.", [("BLR", 500_000, 500_000)]),
        ("Caracas has received some 80 cruise missiles from Tehran, Bogota said.", [("IRN", 80, 80)]),
    ],
)

test_figure_beside_an_owned_noun = figures_test(
    [
        # A figure in parentheses or an apposition stands for the noun beside it: that noun's owner, not the source.
        ("Minsk's deployment (some 7,000 troops) was confirmed by Warsaw.", [("BLR", 7000, 7000)]),
        ("Havana said the Venezuelan contingent, about 900 soldiers, reached the coast.", [("VEN", 900, 900)]),
    ],
)

test_troops_where_they_train_not_whose = figures_test(
    [
        # Where troops train is not whose they are, while the sentence names the state that deployed them.
        (
            "Lima said Quito had begun a large deployment, saying 2,500 marines in training in Peru's north would "
            "soon move to the border.",
            [("ECU", 2500, 2500)],
        ),
    ],
)

test_troops_reported_by_a_named_official = figures_test(
    [
        # No state named: the official who reports the troops is the source, and the only state the sentence gives.
        ("Some 30,000 troops are involved in the spring manoeuvres, Shoigu said.", [("RUS", 30000, 30000)]),
    ],
)
