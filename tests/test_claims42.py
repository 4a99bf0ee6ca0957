"""Claims of lane claims42: figures that count no troops, casualties or arms of the story. Craft only seen, met,
scrambled or flying ("45 military aircraft were detected") are a sighting, not a figure; craft sent, fired, lost or
downed still are. A sum of trade that is a goal ("aims to reach $5 billion by 2030", "a target of $10 billion") is no
claim (the stop-42 ruling); trade done stays one, and troops a state plans to send stay claims. People deported or
expelled are moved, not hurt: no casualty figure; people killed stay one. Captives an article has counted, told again
later ("the three Chilean sailors captured in the raid"), are no new claim (the stop-42 ruling); other captives, and
people of the same number killed later, are. The sentences are written for these tests; none is copied from an
article.
"""

from __future__ import annotations

from tests.claim_cases import figures_test, no_figures_test

test_craft_sighted = no_figures_test(
    [
        # Seen, scrambled, flying, entering a zone: a sighting, whatever state the craft are.
        "Manila said its coast guard spotted 38 Chinese vessels near the atoll on Tuesday.",
        "Tokyo scrambled nine fighter jets after four Russian bombers flew close to Hokkaido.",
        "More than 60 Chinese military aircraft crossed the median line of the Taiwan Strait, Taipei said.",
        "Five Iranian naval boats approached the tanker in the Strait of Hormuz.",
    ],
)

test_craft_sent_fired_or_lost = figures_test(
    [
        # A weapon verb on the craft keeps the figure: supplied, downed, lost, or a relative clause deploying them.
        ("Tehran supplied 14 attack helicopters to Khartoum, the report said.", [("IRN", 14, 14)]),
        ("Kyiv said its forces shot down three Russian Su-34 warplanes.", [("RUS", 3, 3)]),
        ("Turkey has delivered six warships to Pakistan since 2020.", [("TUR", 6, 6)]),
    ],
)

test_trade_goals = no_figures_test(
    [
        # A target noun names the sum, or an aim governs the clause that reaches it.
        "Ankara and Baku set a goal of $15 billion in bilateral trade by 2030.",
        "Jakarta hopes its trade with Canberra will reach $25 billion within five years.",
        "Nairobi aims to lift its exports to Addis Ababa to $900 million by 2028.",
    ],
)

test_trade_done_and_troops_planned = figures_test(
    [
        # Trade done is a figure; a planned deployment of troops stays one (the training files code them).
        ("Indonesia's trade with Australia rose to $17 billion last year.", [("IDN", 17_000_000_000, 17_000_000_000)]),
        ("Chad plans to send 1,200 troops to Mali next month.", [("TCD", 1_200, 1_200)]),
    ],
)

test_people_deported = no_figures_test(
    [
        # Deported or expelled: moved, not hurt.
        "Last year Austria deported more than 12,000 people to Afghanistan and Syria.",
        "Algeria expelled 400 migrants into the desert near the Niger border.",
    ],
)

test_people_killed_or_fled = figures_test(
    [
        # Killed and fled stay casualty figures (the displaced are still counted, as the own gold counts them).
        ("Sudanese army shelling killed 23 civilians in Omdurman.", [("SDN", 23, 23)]),
    ],
)


test_captives_told_again = figures_test(
    [
        # The capture is counted once; the later sentence tells the same captives again.
        (
            "Peru says its navy captured three Chilean sailors near the maritime border. Lima later said the three"
            " Chilean sailors captured in the raid were being questioned.",
            [("CHL", 3, 3)],
        ),
        (
            "Two Eritrean soldiers were captured by Ethiopian troops near Badme. Addis Ababa released a video of two"
            " Eritrean soldiers held in Mekelle.",
            [("ERI", 2, 2)],
        ),
    ],
)

test_other_captives_and_later_dead = figures_test(
    [
        # Other numbers are other captives; the same number killed later is a figure of its own.
        (
            "Hamas released 13 Israeli hostages on Friday. A day later it freed 17 Israeli hostages.",
            [("ISR", 13, 13), ("ISR", 17, 17)],
        ),
        (
            "Mali said rebels had captured four soldiers near Kidal. Four Malian soldiers were killed in a separate"
            " ambush on Sunday.",
            [("MLI", 4, 4), ("MLI", 4, 4)],
        ),
    ],
)
