"""Quote speakers of lane quotes18 (issue 13): "he" / "she" for a person the reporter left unnamed ("a
spokesman for the navy told AFP ... “...,” he said") is that unnamed speaker, as the news sets code it,
not nobody and not a person named earlier under another title. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quote_speakers import Found, speakers, spoken_after


@pytest.mark.parametrize(
    ("text", "marker", "expected"),
    [
        # An unnamed spokesman quoted, then "he said".
        (
            'Finnish border guards say the crossing will stay shut. "We have seen no change at all," a '
            'spokesman for Finland\'s border guard told Reuters. "So we keep the gates closed," he said.',
            '"So we',
            [("FIN", "spokesman for Finland's border guard")],
        ),
        # An unnamed official quoted with "says", then "He says" with a reported clause.
        (
            "A senior official of Poland's interior ministry says the new fence will be finished in May. He says "
            "the work has cost more than planned.",
            "He says",
            [("POL", "senior official of Poland's interior ministry")],
        ),
        # An unnamed official introduced as the subject of the sentence before, not quoted there.
        (
            "Chile's UN mission dismissed the claims on Monday. An official of the mission made "
            "the statement at a committee session in Geneva. He said the claims had no basis.",
            "He said",
            [(None, "official")],
        ),
    ],
)
def test_he_for_an_unnamed_person_is_that_person(nlp: Language, text: str, marker: str, expected: Found) -> None:
    assert spoken_after(nlp, text, marker) == expected


@pytest.mark.parametrize(
    ("text", "marker", "expected"),
    [
        # Near-miss: "the ... spokesman" names again the person named before; "he" stays that person.
        (
            '"We are deeply worried," Chief Cabinet Secretary Kenji Mori said on Monday. The top government '
            'spokesman also criticised the plan. "Such steps are unacceptable," he said.',
            '"Such steps',
            [(None, "Kenji Mori")],
        ),
        # Near-miss: a person named as the subject after the unnamed one is who "he" is.
        (
            "A spokesman for the ministry said the talks would resume. Foreign Minister Tomas Berg met the envoy "
            "later. He said the meeting was useful.",
            "He said",
            [(None, "Tomas Berg")],
        ),
        # Near-miss: "she" is not an unnamed spokesman.
        (
            'Lena Novak, a lawmaker, spoke first. "The fence must go," a spokesman for the ministry said. '
            '"It will not," she said.',
            '"It will',
            [(None, "Lena Novak")],
        ),
    ],
)
def test_he_after_an_unnamed_person_near_misses(nlp: Language, text: str, marker: str, expected: Found) -> None:
    assert spoken_after(nlp, text, marker) == expected


@pytest.mark.parametrize(
    ("text", "marker", "expected"),
    [
        # "the diplomat" after an ambassador introduced "to" a place before his name.
        (
            "The talks went well, according to Russian Ambassador to Brazil Alexei Labetsky, who met the delegation. "
            "The diplomat said he had also spoken to the ministers.",
            "The diplomat",
            [(None, "Alexei Labetsky")],
        ),
        # "the Russian president" is not the co-chairman of a commission named since.
        (
            "Russian President Vladimir Putin met the delegation on Monday. Earlier the guests were met by Energy "
            "Minister Alexander Novak, co-chairman of the joint commission. The Russian president said he was "
            "pleased with the visit.",
            "The Russian president",
            [("vladimir-putin", "Vladimir Putin")],
        ),
    ],
)
def test_a_title_names_again_the_person_introduced_with_it(
    nlp: Language, text: str, marker: str, expected: Found
) -> None:
    assert spoken_after(nlp, text, marker) == expected


@pytest.mark.parametrize(
    ("text", "marker", "expected"),
    [
        # Near-miss: a co-chairman is still "the chairman".
        (
            "Ivan Sokolov, co-chairman of the joint commission, opened the session. The chairman said the "
            "commission would meet again in May.",
            "The chairman",
            [(None, "Ivan Sokolov")],
        ),
        # Near-miss: a trip "to" a place is no title.
        (
            "Prime Minister Ana Costa flew to Rio. On a visit to Brazil President Luis Gomes said the deal was done. "
            "The prime minister said she was glad.",
            "The prime minister",
            [(None, "Ana Costa")],
        ),
    ],
)
def test_a_title_names_again_near_misses(nlp: Language, text: str, marker: str, expected: Found) -> None:
    assert spoken_after(nlp, text, marker) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A person named in another's report who speaks out there: both speak.
        (
            "The president's office said Finnish President Sauli Niinisto confirmed in a call that the talks "
            "would go ahead.",
            [("FIN", "president's office"), ("p-sauli-niinisto", "Sauli Niinisto")],
        ),
        (
            "The statement said Hakan Demir stressed that the border would stay open.",
            [(None, "Hakan Demir"), (None, "statement")],
        ),
    ],
)
def test_a_person_speaking_in_another_s_report_speaks_too(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Near-misses: a belief, a pronoun and a body inside the report stay the reporter's words.
        ("The ministry said Hakan Demir believes the border will stay open.", [(None, "ministry")]),
        ("Hakan Demir told reporters that she had said the border would stay open.", [(None, "Hakan Demir")]),
        (
            "Hakan Demir said the ministry confirmed that the border would stay open.",
            [(None, "Hakan Demir")],
        ),
    ],
)
def test_a_report_inside_a_report_near_misses(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "marker", "expected"),
    [
        # A state's title names again the person introduced with it.
        (
            "Poland's Defence Minister Marek Nowak visited the base on Monday. According to Poland's defence "
            "minister, the new tanks will arrive in May.",
            "According to",
            [(None, "Marek Nowak")],
        ),
        # Near-miss: with no one introduced with the title before, the state speaks.
        (
            "The new tanks arrived on Monday. According to Poland's defence minister, more will come in May.",
            "According to",
            [("POL", "Poland's defence minister")],
        ),
    ],
)
def test_a_state_s_title_names_again_the_person_introduced_with_it(
    nlp: Language, text: str, marker: str, expected: Found
) -> None:
    assert spoken_after(nlp, text, marker) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A visit or a likeness says nothing.
        ("Still, Marek Nowak's visit suggests that Warsaw wants closer ties with Kyiv.", []),
        ("Close similarities suggest the drone was built in Iran, Marek Nowak said.", [(None, "Marek Nowak")]),
        # Near-misses: reports and experts suggesting are quoted.
        ("Reports suggest the drone was built in Iran.", [(None, "Reports")]),
        ("Polish experts suggested that the drone was built in Iran.", [(None, "Polish experts")]),
    ],
)
def test_a_visit_or_a_likeness_is_no_speaker(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "marker", "expected"),
    [
        # "the UN official" is the UN person named before, whatever the rank of the post.
        (
            "Anna Berg, the UN Assistant Secretary-General for Europe, spoke to the Council on Monday. The UN "
            "official noted that the treaty was signed in June.",
            "The UN official",
            [(None, "Anna Berg")],
        ),
        # Near-misses: "the UN officials" are not one person; no UN person named before; another body's person.
        (
            "Anna Berg, the UN Assistant Secretary-General for Europe, spoke to the Council on Monday. The UN "
            "officials noted that the treaty was signed in June.",
            "The UN officials",
            [("UN", "UN officials")],
        ),
        (
            "The Council met on Monday. The UN official noted that the treaty was signed in June.",
            "The UN official",
            [("UN", "UN official")],
        ),
        (
            "Anna Berg, the EU Deputy Secretary-General, spoke to the Council on Monday. The UN official noted "
            "that the treaty was signed in June.",
            "The UN official",
            [("UN", "UN official")],
        ),
    ],
)
def test_the_official_is_anyone_named_with_a_post(nlp: Language, text: str, marker: str, expected: Found) -> None:
    assert spoken_after(nlp, text, marker) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An outlet named after the noun that says what it is, as a compound.
        ("The two firms agreed to raise supplies, Russian news agency RIA reported.", [(None, "RIA")]),
        # Near-miss: the noun alone is the state's agency.
        ("The two firms agreed to raise supplies, the Russian news agency reported.", [("RUS", "Russian news agency")]),
    ],
)
def test_an_outlet_named_after_its_kind_speaks_by_its_name(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected
