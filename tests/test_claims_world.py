"""Claims in world wire text (issue 13, lane claims7). The dead and hurt are never of the state whose offensive,
strikes or fire did the violence ("killed in Saudi Arabia's bombing campaign" → the victims' state, not `SAU`),
while a place with an owner stays a place ("killed in Yemen's northern provinces" → `YEM`). An article's
victims with no owner near them take the state it names at least three times as often as any other (the one
state it names, as before, is the case of a single state). The whole of a partitive ("killed 12 of the 80
people aboard") is no casualty figure of its own; soldiers or hostages counted by themselves still are. A
claim word before a place or building ("three police stations") counts no troops, and a weekday before a number
("On Thursday two people were wounded") is no maker's name before a model number; what a figure's subject "is reported
to have" undergone is read in that clause ("100 villagers are reported to have been killed").
The sentences are written for these tests; none is copied from an article.
"""

from __future__ import annotations

from spacy.language import Language

from tests.claim_cases import figures_test
from tests.helpers import claim_figures

test_victims_are_not_of_the_doer = figures_test(
    [
        # The doer of the violence is not the victims' owner: the reporting health ministry's state is.
        (
            "The health ministry in Yemen says more than 2,000 people in the province have been killed in "
            "Saudi Arabia's bombing campaign.",
            [("YEM", 2000, None)],
        ),
        ("Doctors in Syria said 30 people in the town had been killed in Turkey's air strikes.", [("SYR", 30, 30)]),
        # The agent of the violence is its doer too.
        (
            "Three people were wounded by Turkish shelling near the border, Syria's health ministry said.",
            [("SYR", 3, 3)],
        ),
    ],
)


test_victims_near_misses = figures_test(
    [
        # Near-misses: a place with an owner is still the victims' place; a state's own people stay its own.
        ("More than 2,000 people were killed in Yemen's northern provinces last year.", [("YEM", 2000, None)]),
        ("Saudi Arabia's bombing campaign has killed 40 Yemeni civilians.", [("YEM", 40, 40)]),
        (
            "At least 14 Israeli soldiers were killed during the raids in Lebanon, the army said.",
            [("ISR", 14, None)],
        ),
    ],
)


_ON_SUDAN = (
    "Sudan's army and its paramilitary rivals agreed to a truce in talks hosted by Saudi Arabia. "
    "Fighting in Sudan's capital had eased by the evening, residents said. "
    "Aid convoys waited at the Sudanese border for a second day. "
    "A relief agency estimates that about 900 people have died in the fighting since April."
)


def test_victims_of_the_dominant_state(nlp: Language) -> None:
    # Sudan named three times, Saudi Arabia once: the article is on Sudan.
    assert claim_figures(nlp, _ON_SUDAN) == [("SDN", 900, 900)]


def test_no_dominant_state_named_last(nlp: Language) -> None:
    # Two states named about as often: none leads, so the dead take the state named last before them (stop 47: the
    # coders gave every such figure an owner, 5 of 5 in the tuning half and news-dev/dev2, the last named in 3).
    text = (
        "Thailand and Cambodia traded artillery fire along their border on Thursday. "
        "Cambodia accused Thailand of starting the clash, and Thailand blamed Cambodia. "
        "Officials said at least 12 people had died by the evening."
    )
    assert claim_figures(nlp, text) == [("KHM", 12, None)]


test_partitive_whole_is_no_casualty = figures_test(
    [
        # The group a part is taken from is not killed or hurt.
        (
            "Gunmen stopped a minibus near the Kenyan town of Garissa and killed nine of the 30 people aboard.",
            [("KEN", 9, 9)],
        ),
        (
            "Rebels shelled the market in Mali's Gao region, wounding 15 of the 200 people there.",
            [("MLI", 15, 15)],
        ),
    ],
)


test_partitive_near_misses = figures_test(
    [
        # Near-misses: troops, hostages and people sent abroad are counted by themselves, part and whole.
        (
            "Officials believe at least 300 of the 12,000 soldiers North Korea had sent were killed.",
            [("PRK", 300, None), ("PRK", 12000, 12000)],
        ),
        (
            "The militia still holds 40 of the 120 Thai hostages.",
            [("THA", 40, 40), ("THA", 120, 120)],
        ),
        (
            "Analysts think 2,000 of the 10,000 North Korean workers Pyongyang had sent abroad were injured.",
            [("PRK", 2000, 2000), ("PRK", 10000, 10000)],
        ),
    ],
)


test_places_named_by_claim_words = figures_test(
    [
        ("Rioters in Kenya's capital torched three police stations on Friday.", []),
        ("Rebels in northern Mali overran two police posts on Sunday.", []),
        # Near-misses: the people are counted.
        ("Rioters in Nairobi wounded three police officers on Friday.", [("KEN", 3, 3)]),
        ("Pakistan deployed 2,000 army troops near the border.", [("PAK", 2000, 2000)]),
    ],
)


test_number_after_a_date = figures_test(
    [
        # A weekday or month before a number is no maker's name ("Boeing 737").
        ("On Thursday two Malian soldiers were killed near Gao.", [("MLI", 2, 2)]),
        # Near-misses: a model's number and a date's own number stay out.
        ("The airline ordered Boeing 737 jets on Thursday.", []),
        ("On March 3 Chad sent troops to Niger.", []),
    ],
)


test_reported_to_have_been_killed = figures_test(
    [
        # What is reported or believed of the subject is in the infinitive clause.
        ("At least 40 civilians are reported to have been killed in northern Mali.", [("MLI", 40, None)]),
        # Near-misses: no violent verb inside, no casualty; troops count by themselves.
        ("About 300 students are reported to have attended the rally in Bamako.", []),
        ("About 2,000 North Korean troops are believed to be in Kursk.", [("PRK", 2000, 2000)]),
    ],
)
