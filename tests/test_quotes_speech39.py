"""Which speech acts with no quotation marks and no that-clause are quotes (issue 13, lane speech39), by the
majority of the news coding (counts in bench/data/news/README.md, "Settled on 2026-12-06 (stop 39)"): voiced
concern, outrage, dismay, alarm, regret or displeasure is a quote; a restated commitment or voiced support is
not; condemning, thanking, praising, welcoming, urging, accusing or warning with a plain object is not; the
outlet "according to" which something happened speaks, an agency that carries a statement does not; "told
reporters" with its words is a quote. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quote_speakers import Found, speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sweden voiced deep regret over the closure of the consulate in Riga.", [("SWE", "Sweden")]),
        (
            "The Kenyan government expressed outrage at the attack on its embassy in Khartoum.",
            [("KEN", "Kenyan government")],
        ),
        ("Portugal voiced its displeasure to Morocco over the detention of its fishermen.", [("PRT", "Portugal")]),
        (
            "The Dutch foreign minister expressed dismay at the verdict against the journalist.",
            [("NLD", "Dutch foreign minister")],
        ),
        (
            "Norway's prime minister voiced alarm at the rising number of migrants drowning at sea.",
            [("NOR", "Norway's prime minister")],
        ),
        ("Chile's spokesman expressed concern over the border closure.", [("CHL", "Chile's spokesman")]),
    ],
)
def test_a_voiced_feeling_is_quoted(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Both presidents restated their commitment to expanding trade in every field.",
        "Peru reaffirmed its commitment to the fisheries accord with Chile.",
        "The foreign ministers reiterated their commitment to a peaceful settlement in the Sahel.",
        "Bolivia voiced support for Paraguay's bid to host the summit.",
    ],
)
def test_a_restated_commitment_or_voiced_support_is_no_quote(nlp: Language, text: str) -> None:
    assert speakers(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Finland condemned the missile test over the Baltic Sea.",
        "Ghana's president thanked Togo for its help in fighting the floods.",
        "The Brazilian leader praised the firefighters who had saved the forest.",
        "Ecuador welcomed the release of the fishermen.",
        "Argentina urged Uruguay to reopen the bridge.",
        "Canada called on Iceland to lift the fishing ban.",
        "Mexico accused Guatemala of harbouring smugglers.",
        "Estonia warned of reprisals against Latvian hauliers.",
    ],
)
def test_a_speech_act_with_a_plain_object_is_no_quote(nlp: Language, text: str) -> None:
    assert speakers(nlp, text) == []


def test_the_outlet_according_to_which_speaks(nlp: Language) -> None:
    text = "The Peruvian army has pulled back from the border, according to Reuters."
    assert speakers(nlp, text) == [("reuters", "Reuters")]


@pytest.mark.parametrize(
    "text",
    [
        "In a statement carried by the state news agency, the Cuban foreign ministry rejected the sanctions.",
        "Her letter, published by Prensa Latina on Monday, took aim at the new tariffs.",
    ],
)
def test_an_agency_carrying_a_statement_is_no_speaker(nlp: Language, text: str) -> None:
    assert speakers(nlp, text) == []


def test_told_reporters_with_its_words_is_quoted(nlp: Language) -> None:
    text = "The Mexican minister told reporters the bridge would reopen next week."
    assert speakers(nlp, text) == [("MEX", "Mexican minister")]
