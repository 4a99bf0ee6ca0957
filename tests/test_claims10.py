"""Numbers written in words (lane claims10). Wire copy spells out a number that opens a sentence ("Twenty-two
soldiers were killed ..."), and spaCy reads "Twenty-two" as three tokens: read word by word the figure was 2
(the "Twenty" taken for a model name before "-2"), "one hundred and twenty" two figures (100 and 20), and a
number word missing from the lexicon ("sixty", "seventeen") no figure at all. Every cardinal word below a
hundred is now in `[numbers] words`, and a run of number words is one number. Planes, ships or vehicles "of" a
load that is no arms ("three planes of medical supplies") are no figure of arms, though a verb of sending
made them military. A participle of level or estimate ("troops numbering 1,400") puts its number on the noun
it describes, and a contingent is a body of troops. "its soldiers" in what a state says of itself are that
state's ("Armenia says 37 of its soldiers were killed in the clashes with Azerbaijan"), and those who "died in"
a state's strikes are not that state's. The sentences are written for these tests; none is copied from an
article.
"""

from __future__ import annotations

from tests.claim_cases import figures_test, no_figures_test

test_spelled_compound_numbers = figures_test(
    [
        # A ten and a unit joined by a hyphen, opening the sentence.
        ("Thirty-four Chadian soldiers were killed in an ambush near Lake Chad.", [("TCD", 34, 34)]),
        ("A car bomb killed forty-six people in Mogadishu on Saturday.", [("SOM", 46, 46)]),
        # With a scale word after it, and a hundred with its "and".
        ("Some sixty-five thousand Nigerian troops are deployed in the north-east.", [("NGA", 65000, 65000)]),
        ("One hundred and eighteen villagers died in the Sudanese shelling of El Fasher.", [("SDN", 118, 118)]),
        # A bound still applies to the whole number.
        ("At least twenty-seven Peruvian police officers were wounded.", [("PER", 27, None)]),
    ],
)

test_number_words_of_every_ten = figures_test(
    [
        ("Seventeen Malian soldiers died in the attack.", [("MLI", 17, 17)]),
        ("Gunmen killed sixty villagers in Burkina Faso's north.", [("BFA", 60, 60)]),
        ("Ninety Kenyan police officers are serving in Haiti.", [("KEN", 90, 90)]),
    ],
)

test_words_that_stay_apart = figures_test(
    [
        # Near-misses: a range of words stays a range, two numbers joined by "and" stay two, and a
        # hyphened unit of measure ends the number.
        ("Between two and three Bolivian soldiers were hurt.", [("BOL", 2, 3)]),
        ("Rebels killed four Congolese soldiers and five Congolese civilians.", [("COD", 4, 4), ("COD", 5, 5)]),
    ],
)

test_spelled_number_no_claim = no_figures_test(
    [
        # A spelled age or a span of time counts nobody.
        "The twenty-three-year-old student was released on bail in Lima.",
        "The ceasefire in Yemen held for thirty-six hours.",
    ],
)

# Planes, ships or vehicles "of" a load that is no arms carry it: sending them is no figure of arms (lane claims10).
test_vehicles_of_a_load = no_figures_test(
    [
        "Algeria will send three planes of medical supplies to Libya.",
        "Ukraine shipped two vessels of wheat to Egypt last week.",
    ],
)

test_vehicles_of_arms = figures_test(
    [
        # Near-misses: a vehicle sent with no load named, or a load of arms, is still counted.
        ("Iran sent six ships of ammunition to Yemen's rebels.", [("IRN", 6, 6)]),
        ("Egypt will send four military planes to Sudan.", [("EGY", 4, 4)]),
    ],
)

# A participle of level or estimate puts its number on the noun it describes, as the verb does on its subject
# ("casualties numbered 900"), and a contingent is a body of troops ("a 4,000-strong contingent") (lane claims10).
test_figures_a_participle_puts = figures_test(
    [
        ("Chadian troops numbering 1,400 are now in Niger, officials said.", [("TCD", 1400, 1400)]),
        ("Eritrean casualties totalling some 9,000 were reported in Tigray.", [("ERI", 9000, 9000)]),
        ("Rwanda has sent a 4,000-strong contingent to Mozambique.", [("RWA", 4000, 4000)]),
    ],
)

test_participle_no_figure = no_figures_test(
    [
        # Near-misses: a participle of level on a noun that counts nothing of a claim class.
        "Protests numbering 300 took place across Chile.",
        "The Kenyan budget, estimated at 40,000, was approved.",
    ],
)

# "its soldiers" in what a state says of itself: the pronoun's state owns the figure though it is the source too;
# a state named elsewhere in the clause had taken it ("killed in the clashes with Azerbaijan") (lane claims10).
test_own_soldiers_of_the_source = figures_test(
    [
        ("Armenia says 37 of its soldiers were killed in the clashes with Azerbaijan.", [("ARM", 37, 37)]),
        ("Thailand said 14 of its soldiers were wounded in fighting along the Cambodian border.", [("THA", 14, 14)]),
    ],
)

test_source_of_others = figures_test(
    [
        # Near-miss: a source that names another state's soldiers is no owner of them.
        ("Armenia says 37 Azerbaijani soldiers were killed in the clashes.", [("AZE", 37, 37)]),
    ],
)

# Those who "died in" a state's shelling or strikes are not that state's: "die" is a verb of victims as "kill" is,
# and where soldiers fall is not whose they are (lane claims10).
test_died_in_anothers_violence = figures_test(
    [
        (
            "Eleven civilians died in Turkey's air strikes on northern Iraq, Iraq's health ministry said.",
            [("IRQ", 11, 11)],
        ),
        ("Georgia's army said five soldiers died in the Russian shelling of Gori.", [("GEO", 5, 5)]),
    ],
)

test_died_with_their_own_state = figures_test(
    [
        # Near-misses: soldiers of a named state dying abroad stay that state's.
        ("Four Kenyan soldiers died in Somalia last week.", [("KEN", 4, 4)]),
    ],
)
