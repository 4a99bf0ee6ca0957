"""Quote speakers of lane quotes16 (issue 13): "the foreign ministry said" is the ministry of the state in
context, not a body of others ("foreign" names its post); "according to X" whose clause subject the
parser joins to X, its first conjunct set off by a comma before its modifier; an outlet that
quotes a source, named or not ("Interfax quoted a diplomatic source as saying"), only passes the words
on (README relays convention, lane quotes17); bare "reports say" is quoted as
`reports` (the news sets' coding, 2 of 2 in the tuning half); remarks or an announcement released by
or from a body are the body's; "the North's" body is the North's. The sentences are written for these tests."""

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
        # An outlet quoting an unnamed source passes the words on: the source alone.
        (
            "Interfax quoted a diplomatic source as saying the talks would resume in May.",
            [(None, "diplomatic source")],
        ),
        (
            "The talks would resume in May, the newspaper Izvestia quoted unnamed officials as saying.",
            [(None, "unnamed officials")],
        ),
        # Remarks or an announcement released by or from a body: the body speaks.
        (
            '"You are welcome in Hanoi," Wang told the minister, according to remarks released by the Chinese '
            "foreign ministry.",
            [("CHN", "Chinese foreign ministry"), (None, "Wang")],
        ),
        (
            "According to the announcement from Tokyo, the program aims to double student exchanges with Seoul "
            "by 2030.",
            [("JPN", "Tokyo")],
        ),
        # "The North's Central Military Commission": the North's, not China's body of that name.
        (
            "North Korea confirmed the deployment on Monday. The North's Central Military Commission said in a "
            "statement that the units had returned home.",
            [("PRK", "North's Central Military Commission"), ("PRK", "North Korea")],
        ),
        # Bare reports speak by their word, as the news sets code them.
        (
            "Reports say about 4,000 Belarusian soldiers are stationed near the border.",
            [(None, "Reports")],
        ),
        (
            "Kyiv and Warsaw have accused Minsk of hosting the drills, and reports suggest that Belarusian troops "
            "took part.",
            [(None, "reports")],
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
        # China's body of that name where nothing says another state's.
        (
            "China held a plenum in Beijing. The Central Military Commission said the drills would continue.",
            [("CHN", "Central Military Commission")],
        ),
        # An announcement with no issuer names nobody; remarks as a subject of no saying are no source.
        ("According to an announcement on Friday, the program aims to double student exchanges by 2030.", []),
        ("Blinken's remarks drew a sharp response from Beijing.", []),
        # Reports that are no subject of saying, and bare studies, speak for nobody.
        ("The reports of the strike were later withdrawn.", []),
        ("Studies suggest that the border fortifications are incomplete.", []),
        # An outlet quoting someone named passes the words on: only the one quoted speaks.
        (
            "KCNA quoted Kim Jong Un as saying the soldiers were heroes.",
            [("kim-jong-un", "Kim Jong Un")],
        ),
    ],
)
def test_near_misses_unchanged(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


def test_it_after_another_states_body_is_that_body(nlp: Language) -> None:
    text = (
        "North Korea confirmed the deployment on Monday. The North Korean Central Military Commission said the "
        "units had returned home. It said the decision to send them was in line with the treaty."
    )
    assert spoken_after(nlp, text, "It said") == [("PRK", "North Korean Central Military Commission")]
