"""Quote speakers in shapes the news sets code as reported speech (lane quotes15, issue 13): "confirmed"
with a noun and no clause ("KCNA has confirmed the trip"), "signalled that ...", "voiced confidence that
...", "said in a report that ...", and a surname the tagger reads as a common noun ("Wood criticised ...,
saying: “...”") after the full name. Each with near-misses that must stay unquoted. The sentences are
written for these tests.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quote_speakers import speakers, spoken_after


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An active "confirm" with a noun object: what the subject confirmed is its words.
        ("Yonhap has confirmed the visit.", [("yonhap", "Yonhap")]),
        ("Seoul's spy agency confirmed the figures on Tuesday.", [("KOR", "Seoul's spy agency")]),
        # A clause-reporting "signal": the clause is the subject's statement.
        (
            "President Lee Jae Myung spoke in Busan. Lee signalled on Friday that Seoul could send air "
            "defence systems to Kyiv.",
            [("lee-jae-myung", "Lee Jae Myung")],
        ),
        # "voiced confidence that ...": a stance stated.
        (
            "Japanese Prime Minister Sanae Takaichi met Xi. She voiced confidence that the talks would produce a deal.",
            [("sanae-takaichi", "Sanae Takaichi")],
        ),
        # "said in a report that ...": the parser hangs the clause on the report.
        (
            "The Lao News Agency (KPL) said in a separate report that a delegation led by the party chief had "
            "reached Vientiane.",
            [(None, "Lao News Agency")],
        ),
        (
            "The Cuban agency Prensa Latina said in a separate report that the minister had landed in Havana "
            "that morning.",
            [(None, "Prensa Latina")],
        ),
    ],
)
def test_reported_shapes_are_quotes(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Moscow has not confirmed the deployment.",  # negated: nothing said
        "The defence ministry declined to confirm the figures.",  # declined: nothing said
        "The drums signalled the start of the parade.",  # no clause, no speaker
        "The deal boosted confidence that the talks would resume.",  # no stance verb
        # Declined: the clause is the reports', hung on "reports" as on an audience noun.
        "The foreign ministry declined to comment on reports that the envoy had been recalled.",
        # A document is where words are said only "in" it: the reports' clause is not the council's words.
        "Hours after reports that the monitors had quit the capital, Chad's ruling council told the EU's envoy to "
        "leave within a week.",
    ],
)
def test_near_misses_stay_unquoted(nlp: Language, text: str) -> None:
    assert speakers(nlp, text) == []


def test_surname_tagged_as_noun_is_the_person(nlp: Language) -> None:
    text = (
        "Deputy ambassador Robert Wood spoke first. Wood faulted Moscow's stance, saying: “Russia cannot claim "
        "to want peace while it buys shells from Pyongyang.”"
    )
    assert spoken_after(nlp, text, "Wood faulted") == [(None, "Robert Wood")]


def test_common_noun_with_no_such_person_is_no_speaker(nlp: Language) -> None:
    # No "... Wood" named before: the word is the wood, and the villagers speak.
    assert speakers(nlp, "Wood burned in the stoves all winter, the villagers said.") == [(None, "villagers")]


def test_allies_beside_their_state_speak_by_their_words(nlp: Language) -> None:
    # "X and its partners say": the partners are not X (whose id "its" would give them) but speak too.
    text = "Japan and its partners say Pyongyang has shipped over a million shells to Russia this year."
    assert speakers(nlp, text) == [("JPN", "Japan"), (None, "partners")]


def test_allies_in_the_reported_clause_are_no_speaker(nlp: Language) -> None:
    assert speakers(nlp, "Britain said its allies agreed to act.") == [("GBR", "Britain")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A noun of saying with its owner is no audience: the "that" clause is the owner's words.
        (
            "Their remarks answered a statement by a Ukrainian representative that North Korea sells shells to Russia.",
            [("UKR", "Ukrainian representative")],
        ),
        # Coordinated states owning a noun of saying: one speaker each, as for a verb of saying.
        (
            "The figures echo remarks by U.S. and South Korean officials that the losses are mounting.",
            [("KOR", "South Korean officials"), ("USA", "U.S. officials")],
        ),
    ],
)
def test_owned_noun_of_saying(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A note or memorandum that goes with a bill speaks by its words, as a report or a statement does.
        (
            "The explanatory note attached to the draft law told deputies that Moscow and Minsk share a common "
            "security space.",
            [(None, "explanatory note")],
        ),
        # "took note of": no document; the ministry speaks.
        ("Officials took note of the request, the ministry said.", [(None, "ministry")]),
    ],
)
def test_notes_as_documents(nlp: Language, text: str, expected: list[tuple[str | None, str]]) -> None:
    assert speakers(nlp, text) == expected
