"""Quote speakers of lane quotes16 (issue 13): "the foreign ministry said" is the ministry of the state in
context, not a body of others ("foreign" names its post); "according to X" whose clause subject the
parser joins to X, its first conjunct set off by a comma before its modifier; and an outlet that
quotes an unnamed source ("Interfax quoted a diplomatic source as saying") speaks too, as the news
sets code it, while one that quotes someone named only passes the words on. The sentences are
written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quote_speakers import Found, speakers, spoken_after


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the foreign ministry": the state in context's own ministry, with its id.
        (
            "Japan has called in China's envoy in Tokyo over the coast guard incident near the "
            "islands, the foreign ministry said.",
            [("JPN", "foreign ministry")],
        ),
        # "According to Seoul, <conjoined subjects> were discussed": Seoul alone speaks.
        (
            "According to Seoul, Korean-Japanese relations, maritime security and the war in Ukraine were "
            "discussed at the meeting.",
            [("KOR", "Seoul")],
        ),
        # An outlet quoting an unnamed source: both.
        (
            "Interfax quoted a diplomatic source as saying the talks would resume in May.",
            [("interfax", "Interfax"), (None, "diplomatic source")],
        ),
        (
            "The talks would resume in May, the newspaper Izvestia quoted unnamed officials as saying.",
            [(None, "Izvestia"), (None, "unnamed officials")],
        ),
    ],
)
def test_speakers_of_relayed_and_state_sources(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


def test_the_ministry_later_is_the_same_states(nlp: Language) -> None:
    text = (
        "Japan has called in China's envoy in Tokyo over the coast guard incident near the "
        "islands, the foreign ministry said. The ministry added that the vessel had left the area by noon."
    )
    assert spoken_after(nlp, text, "The ministry added") == [("JPN", "foreign ministry")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Near-misses that stay: "foreign" of others on media and diplomats (no state in context).
        ("Foreign media reported that the border crossing had been closed since Monday.", [(None, "Foreign media")]),
        ("Western diplomats said the border crossing had been closed since Monday.", [(None, "Western diplomats")]),
        # Two sources joined by "and" both speak.
        (
            "According to Hanoi and Manila, the disputed reef had been surveyed twice.",
            [("PHL", "Manila"), ("VNM", "Hanoi")],
        ),
        # An outlet quoting someone named passes the words on: only the one quoted speaks.
        (
            "KCNA quoted Kim Jong Un as saying the soldiers were heroes.",
            [("kim-jong-un", "Kim Jong Un")],
        ),
    ],
)
def test_near_misses_unchanged(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected
