"""The stop-37 ruling on money: a sum is a claim only as a state's trade (trade, exports, imports, sales
between states), the one sum claim_timeline follows as a series; a one-off sum — aid pledged or sent, a
loan, a deposit, a payment, a budget, a theft, the worth of goods — is no claim, as the news coders code
it (1 of 44 sums in the training files, none in news-dev and news-dev2). A figure of troops beside a sum
stays a claim. The sentences are written for these tests; none is copied from an article.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.extract import extract_text
from tests.claim_cases import figures_test, no_figures_test

test_trade_is_a_claim = figures_test(
    [
        ("Pakistan's trade with Uzbekistan rose to $1.1 billion in 2024.", [("PAK", 1.1e9, 1.1e9)]),
        ("Trade between Chile and Peru reached $5 billion.", [("CHL", 5e9, 5e9)]),
        ("Vietnam's exports to Japan reached 25 billion dollars in the first half.", [("VNM", 25e9, 25e9)]),
        ("China's exports to Mongolia fell to 1.8 billion yuan in March.", [("CHN", 1.8e9, 1.8e9)]),
        ("Kenya exported $700 million of tea to Egypt last year.", [("KEN", 700e6, 700e6)]),
        # A level passed is a lower bound, as for troops ("losses exceeded 700,000").
        ("Turkey's trade with Iraq topped $20 billion last year.", [("TUR", 20e9, None)]),
        ("Trade between Brazil and Argentina surpassed 30 billion dollars in 2023.", [("BRA", 30e9, None)]),
        # A sum beside a figure of troops: the troops stay a claim, the payment is none.
        (
            "Pyongyang received $300 million for the 10,000 troops it sent to Russia, lawmakers said.",
            [("PRK", 10000, 10000)],
        ),
    ],
)


test_one_off_sums_are_no_claims = no_figures_test(
    [
        "Norway pledged $300 million in aid to Malawi.",
        "Japan will provide $4.5 billion in loans to Ukraine.",
        "The Asian Development Bank approved a $250 million loan for Laos.",
        "Lawmakers called the nearly six billion dollars of German military aid to Kyiv a waste.",
        "Canada donated armoured vehicles worth $400 million to Poland.",
        "Thieves took paintings worth €80 million from a gallery in Lyon.",
        "Egypt's defence budget will rise to 200 billion pounds next year.",
        "Qatar deposited $2 billion in Egypt's central bank.",
        "Moscow pays Pyongyang $20 million a month for the troops, analysts say.",
    ],
)


@pytest.mark.parametrize(
    ("text", "what"),
    [
        # One series per pair: the state a sum is traded with is part of what the figure counts.
        ("Pakistan's trade with Uzbekistan rose to $1.1 billion in 2024.", "trade with UZB"),
        ("Trade between Chile and Peru reached $5 billion.", "trade with PER"),
        ("Kenya exported $700 million of tea to Egypt last year.", "exports to EGY"),
        ("Mongolia's imports from Russia reached €900 million, customs data showed.", "import from RUS"),
        # No partner named: the figure's own word.
        ("Vietnam's exports reached 25 billion dollars in the first half.", "export"),
    ],
)
def test_trade_names_its_partner(nlp: Language, text: str, what: str) -> None:
    (claim,) = extract_text(nlp, text).claims
    assert claim.what == what
