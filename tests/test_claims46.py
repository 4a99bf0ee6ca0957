"""Claims off the tuning half (issue 13, lane claims46). A bare figure that a verb of level or estimate puts on
what was counted before ("their number", "the total", "them") counts the claim noun named before it in the
sentence, counted by a number or not, and is owned as the clause naming that noun says ("Eritrea has sent troops
..., and Khartoum put their number at 9,000" → `ERI`, not the estimating state); bound words a parse hangs the
figure under ("rose to as high as 140") are climbed to the verb. A figure put on a thing of its own ("the price of
fuel rose to 200") counts nothing. Cargo counted per unit of time ("barrels a day") is a rate of trade, no claim.
The sentences are written for these tests; none is copied from an article.
"""

from __future__ import annotations

from tests.claim_cases import figures_test, no_figures_test

test_figure_put_on_what_was_counted = figures_test(
    [
        # The number an estimate puts on "their number": the troops the clause before sent, the sender's.
        ("Eritrea has sent troops to Sudan, and Khartoum put their number at as many as 9,000.", [("ERI", None, 9000)]),
        # A level verb of "their number": more than the figure, as "exceeded" always is.
        ("Belarus has deployed soldiers to the front; their number now exceeds 6,000.", [("BLR", 6000, None)]),
        ("Colombia sent engineers to Haiti, with their number put at over 400.", [("COL", 400, None)]),
        # A pronoun stands for the arms counted before it.
        ("Chad moved tanks to the border and Niger estimated them at about 80.", [("TCD", 80, 80)]),
    ],
)

test_bound_words_climbed_to_the_verb = figures_test(
    [
        # "to as high as 140": the figure belongs to "rose to", whose subject is the toll; an upper bound.
        ("The toll among Malian soldiers rose to as high as 140 on Sunday.", [("MLI", None, 140)]),
    ],
)

test_figure_put_on_a_thing_of_its_own = no_figures_test(
    [
        # Near-misses: troops named before, but the figure is of a price or a temperature.
        "Kenyan troops were sent to Haiti in June, and the price of fuel in Nairobi rose to 200.",
        "Ghana sent troops to Liberia in May, and the temperature there rose to 40 degrees.",
    ],
)

test_cargo_per_unit_of_time = no_figures_test(
    [
        # Cargo counted per day, per year or daily is a rate of trade, no claim.
        "Azerbaijan supplies about 80,000 barrels of oil a day to Georgia.",
        "Baku could ship 40,000 barrels per day to Tbilisi under the deal.",
        "Angola exports 200,000 barrels daily to Namibia.",
    ],
)

test_cargo_delivered_in_all = figures_test(
    [
        # Near-miss: a total delivered over a month is a figure.
        ("Kazakhstan delivered more than 120,000 barrels of fuel to Kyrgyzstan in April.", [("KAZ", 120000, None)]),
    ],
)
