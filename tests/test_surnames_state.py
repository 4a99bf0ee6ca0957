"""A person the gazetteer does not know, named in full with what says their state (a nationality,
an organisation, an apposition), keeps that state when the article names them again by surname
alone; "the sister of Kim Jong Un" is Kim Jong Un's state (issue 13). Every sentence here was
written for this file; each guard has a sentence where the link must not be made."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from extractors.extract import extract_text
from extractors.gazetteer import load_gazetteer
from extractors.lexicon import load_lexicon
from extractors.quotes import extract_quotes
from extractors.resolution import Resolver

PUBLISHED = date(2024, 11, 8)


def disapprovals(nlp: Language, text: str, words: str) -> set[tuple[str | None, str | None]]:
    """(actor, recipient) of the DISAPPROVE events whose actor is written `words`."""
    found = extract_text(nlp, text, PUBLISHED).events
    return {(e.actor_id, e.recipient_id) for e in found if e.event_type == "DISAPPROVE" and e.actor_text == words}


@pytest.mark.parametrize(
    ("text", "surname", "expected"),
    [
        # nationality and title before the name
        (
            "South Korean Unification Minister Hwang Dae-jin toured the border on Monday. "
            "On Tuesday Hwang condemned North Korea for the balloon launches.",
            "Hwang",
            {("KOR", "PRK")},
        ),
        # the organisation in apposition
        (
            "Dana Whitlock, a State Department spokeswoman, briefed reporters on Friday. "
            "On Saturday Whitlock condemned Russia for the drone strikes.",
            "Whitlock",
            {("USA", "RUS")},
        ),
    ],
)
def test_a_surname_keeps_the_state_its_full_mention_gives(
    nlp: Language, text: str, surname: str, expected: set[tuple[str, str]]
) -> None:
    assert disapprovals(nlp, text, surname) == expected


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        # the full mention says no state
        (
            "Dana Whitlock briefed reporters on Friday. On Saturday Whitlock condemned Russia for the drone strikes.",
            "Whitlock",
        ),
        # two people of different states share the surname
        (
            "South Korean envoy Park Min-ho met Japanese envoy Park Ji-hoon in Tokyo. "
            "Park condemned Russia for the drone strikes.",
            "Park",
        ),
        # named by surname only: no full mention in this text
        ("On Saturday Whitlock condemned Russia for the drone strikes.", "Whitlock"),
    ],
)
def test_a_surname_without_one_stated_full_mention_takes_no_state(nlp: Language, text: str, surname: str) -> None:
    assert disapprovals(nlp, text, surname) == set()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The sister of Kim Jong Un condemned South Korea on Tuesday.", "The sister of Kim Jong Un"),
        ("Kim Jong Un toured a factory. Kim's sister condemned South Korea on Tuesday.", "Kim's sister"),
    ],
)
def test_a_relative_of_a_leader_is_the_leaders_state(nlp: Language, text: str, words: str) -> None:
    found = extract_text(nlp, text, PUBLISHED).events
    assert {(e.actor_id, e.recipient_id) for e in found if e.event_type == "DISAPPROVE"} == {("PRK", "KOR")}


def full_mentions(nlp: Language, text: str, surname: str) -> list[tuple[str, str | None, str | None]]:
    """(name, the full mention it stands for, that mention's state) of every name ending in `surname`
    in `text`, by Resolver.full_mention, the one place both the resolver and the quote finder ask."""
    doc = nlp(text)
    res = Resolver(doc, load_gazetteer(), load_lexicon())
    found = []
    for tok in doc:
        name = res.name_span(tok)
        if tok.pos_ == "PROPN" and tok.i == name.end - 1 and tok.text == surname:
            mention = res.full_mention(name)
            found.append((name.text, mention.span.text if mention else None, mention.code if mention else None))
    return found


def test_full_mention_is_the_nearest_full_name_before_the_short_one(nlp: Language) -> None:
    text = (
        "Okafor spoke first. Nigerian Trade Minister Chinedu Okafor landed in Beijing on Monday. "
        "Ms Okafor met Chinese officials, and Okafor later toured a port."
    )
    # Before the full name, a surname stands for no one; under an honorific it is no full name itself.
    assert full_mentions(nlp, text, "Okafor") == [
        ("Okafor", None, None),
        ("Chinedu Okafor", None, None),
        ("Ms Okafor", "Chinedu Okafor", "NGA"),
        ("Okafor", "Chinedu Okafor", "NGA"),
    ]


def test_full_mention_of_a_shared_surname(nlp: Language) -> None:
    # Two people of one surname named in one sentence: the surname alone is neither.
    text = "South Korean envoy Park Min-ho met Japanese envoy Park Ji-hoon in Tokyo. Park condemned Russia."
    assert full_mentions(nlp, text, "Park")[-1] == ("Park", None, None)
    # Unless one is named inside the other's phrase: that one only describes the other.
    text = (
        "Adaeze Okafor, the niece of the late senator Emeka Okafor, opened the trade fair in Lagos. "
        "Okafor later toured the port."
    )
    assert full_mentions(nlp, text, "Okafor")[-1][:2] == ("Okafor", "Adaeze Okafor")


def test_a_quote_names_its_speaker_by_the_same_full_mention(nlp: Language) -> None:
    text = (
        "Nigerian Trade Minister Chinedu Okafor landed in Beijing on Monday. "
        "\u201cWe came to sell, not only to buy,\u201d Ms Okafor told reporters."
    )
    doc = nlp(text)
    quotes = extract_quotes(doc, load_gazetteer())
    assert [q.speaker_name for q in quotes] == ["Chinedu Okafor"]
