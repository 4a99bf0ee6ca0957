"""Claims of lane claims43: figures written in general news shapes. "half a million" is 500,000 and "a quarter of a
million" 250,000 (read alone, both were a million); a bare total after "N of its soldiers" counts those soldiers;
arms fired from a place, with no one named firing them, are the state's of that place; the dead and hurt of an
article on several states that names no owner near them are of the state whose towns and regions it names most; a
sum hoped for is a goal whatever the verb's form ("hoped", "hoping"). The sentences are written for these tests;
none is copied from an article.
"""

from __future__ import annotations

from tests.claim_cases import figures_test, no_figures_test

test_fractions_of_a_scale = figures_test(
    [
        # A fraction before "a million": its share of the scale word, bounds read before the fraction.
        ("Half a million Eritreans have fled to Ethiopia since the war began.", [("ERI", 500_000, 500_000)]),
        ("Fighting in Darfur has displaced nearly half a million Sudanese.", [("SDN", 500_000, 500_000)]),
        ("The war in Yemen has killed more than half a million people.", [("YEM", 500_000, None)]),
        ("Clashes in Ituri have displaced a quarter of a million Congolese.", [("COD", 250_000, 250_000)]),
    ],
)

test_total_after_a_part = figures_test(
    [
        # "300 of its soldiers": the number heads the noun's of-phrase; the total after it counts them.
        (
            "Minsk said 400 of its soldiers had arrived, bringing the total to 7,000.",
            [("BLR", 400, 400), ("BLR", 7_000, 7_000)],
        ),
    ],
)

test_arms_fired_from_a_place = figures_test(
    [
        # Nobody named firing them: the place they were fired from names their state.
        ("About 60 rockets were fired from Gaza overnight, the army said.", [("PSE", 60, 60)]),
        # Someone named firing them keeps them; where they land is still not whose they are.
        ("Iran fired 90 missiles at targets in Iraq's Kurdistan region.", [("IRN", 90, 90)]),
        # The people they hurt are not of the place they were fired from.
        (
            "According to Israel, about 150 rockets were fired from Lebanon on Monday, wounding 11 people.",
            [("LBN", 150, 150), ("ISR", 11, 11)],
        ),
    ],
)

test_victims_where_the_violence_was = figures_test(
    [
        # Two states named once each: the towns the article names are the victims' state's.
        (
            "Russian drones struck Kherson and Mykolaiv on Sunday. Six people were killed, the governor said.",
            [("UKR", 6, 6)],
        ),
    ],
)

test_goals_in_any_form = no_figures_test(
    [
        # The lemmatiser reads "hoped" and "hoping" as "hop": the aim is still read.
        "Lima hoped its trade with Quito would reach $4 billion within three years.",
        "Ghana is hoping its exports to Nigeria will reach $2 billion by 2030.",
    ],
)

test_trade_partner_is_no_owner = figures_test(
    [
        # Whom a sum is traded with or sent to owns none of it; the source's state or the exporter named does.
        (
            "Brazilian customs data showed exports to Argentina rose to $1.4 billion in May.",
            [("BRA", 1_400_000_000, 1_400_000_000)],
        ),
        ("Exports to Germany from Norway hit $30 billion last year.", [("NOR", 30_000_000_000, 30_000_000_000)]),
        (
            "According to Indonesian officials, trade with Canberra fell 8 percent to $16 billion.",
            [("IDN", 16_000_000_000, 16_000_000_000)],
        ),
    ],
)

test_trade_owner_carried = figures_test(
    [
        # A trade sum with no owner of its own is the article's last trade owner's, as troops and arms are.
        (
            "Egypt's trade with Turkey rose to $8 billion last year. Bilateral trade reached $5 billion in the first"
            " half of this year.",
            [("EGY", 8_000_000_000, 8_000_000_000), ("EGY", 5_000_000_000, 5_000_000_000)],
        ),
    ],
)

test_scale_glued_to_the_number = figures_test(
    [
        # spaCy keeps "$55bn" one token: the number and its scale are read from it.
        ("Morocco's trade with Spain reached $21bn last year.", [("MAR", 21_000_000_000, 21_000_000_000)]),
        ("Kenya's imports from China rose to £2.5bn, officials said.", [("KEN", 2_500_000_000, 2_500_000_000)]),
    ],
)
