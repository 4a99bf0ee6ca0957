"""Quote speakers of lane quotes47 (issue 13): speakers the extractor missed or put in the wrong place — one
unnamed holder of a post ("a senior opposition leader said"), the names set off after a phrase of time the
parser took for the subject ("After talks in Lisbon, Portugal and Brazil said"), an attribution after the
quoted clause that has auxiliaries ("…, Ana Torres, the president's sister, has warned") and a named speaker
with a description in apposition ('"…," Raj Kumar, the district Superintendent of Police, told PTI'), the name
that ends a title before a relative clause ("according to Chilean Ambassador to Peru Pablo Rojas, who ...") and
unease voiced like concern. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quote_speakers import speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Friday a senior union leader who is in touch with the miners said that the army had left the town.",
            [(None, "senior union leader")],
        ),
        ("A local police chief told reporters that the army had left the town.", [(None, "local police chief")]),
        ("A rebel commander said the army had left the town before dawn.", [(None, "rebel commander")]),
    ],
)
def test_one_unnamed_holder_of_a_post_speaks(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert speakers(nlp, text) == expected


def test_the_holder_named_is_no_unnamed_speaker(nlp: Language) -> None:
    """Near-miss: "a leader" with a named body stays who the body is; "the leader" is not an unnamed one."""
    found = speakers(nlp, "The union leader said that the army had left the town.")
    assert (None, "union leader") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "After talks in Lisbon, Portugal and Brazil said in a joint statement on Monday that the two rebel "
            "groups had agreed to a truce.",
            [("BRA", "Brazil"), ("PRT", "Portugal")],
        ),
        (
            "Speaking to the press after talks with Luis Ortega, his Peruvian counterpart, Chilean Foreign "
            "Minister Ana Torres said both had proposed a new fisheries pact.",
            [(None, "Ana Torres")],
        ),
    ],
)
def test_the_names_after_a_bare_phrase_of_time_speak(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert speakers(nlp, text) == expected


def test_a_phrase_of_time_with_its_object_is_left_alone(nlp: Language) -> None:
    """Near-miss: "After the talks, the envoys said": the preposition has its object, the subject is who speaks."""
    found = speakers(nlp, "After the talks in Lisbon, the two envoys said that a truce had been agreed.")
    assert found and all("Lisbon" not in name for _, name in found)


def test_an_attribution_with_auxiliaries_after_the_clause(nlp: Language) -> None:
    text = (
        'The coming naval drills of Chile, Peru and Ecuador will bring "bad results" for those countries, '
        "Ana Torres, sister of the president and a senior official, has warned."
    )
    assert speakers(nlp, text) == [(None, "Ana Torres")]


def test_a_name_with_its_description_in_apposition(nlp: Language) -> None:
    text = '"The town was quiet on Sunday," Raj Kumar, the district Superintendent of Police, told PTI.'
    assert speakers(nlp, text) == [(None, "Raj Kumar")]


def test_a_name_ending_a_title_before_a_relative_clause(nlp: Language) -> None:
    """ "according to Chilean Ambassador to Peru Pablo Rojas, who had met the delegation": the name that ends
    the title speaks, not the title."""
    text = (
        "Peru's deputy foreign minister Ana Torres said on her return to Lima that she was satisfied with the "
        "results of her visit, according to Chilean Ambassador to Peru Pablo Rojas, who had met the delegation."
    )
    assert speakers(nlp, text) == [(None, "Ana Torres"), (None, "Pablo Rojas")]


def test_voiced_unease_is_a_quote(nlp: Language) -> None:
    """Unease voiced, like concern voiced (the stop-39 ruling on voiced feelings)."""
    assert speakers(nlp, "Lima has expressed unease over the planned naval drills.") == [("PER", "Lima")]


def test_unease_caused_is_no_quote(nlp: Language) -> None:
    """Near-miss: drills that caused unease say nothing."""
    assert speakers(nlp, "The planned naval drills caused unease in Lima.") == []
