"""Quote speakers of lane quotes50. The sentences are written for these tests."""

from __future__ import annotations

from spacy.language import Language

from tests.quote_speakers import speakers


def test_a_post_named_first_is_the_person_introduced_with_it_just_after(nlp: Language) -> None:
    """A news lead names the post first and the person after: "Peru's president" is the Peruvian President
    named in the next sentence."""
    text = (
        "On Monday Peru's president said the proposal was premature. Peruvian President Ana Rojas spoke to "
        "reporters after meeting her Chilean counterpart."
    )
    assert speakers(nlp, text) == [(None, "Ana Rojas")]


def test_a_ministers_post_named_first_is_the_minister_named_next(nlp: Language) -> None:
    text = (
        "Chile's foreign minister said the talks had stalled. Chilean Foreign Minister Rosa Díaz later left for Quito."
    )
    assert speakers(nlp, text) == [(None, "Rosa Díaz")]


def test_another_states_minister_named_next_is_not_the_post(nlp: Language) -> None:
    """Near-miss: the person named next holds the post for another state."""
    text = (
        "Chile's foreign minister said the talks had stalled. Bolivian Foreign Minister Luis Vargas said they had not."
    )
    assert ("CHL", "Chile's foreign minister") in speakers(nlp, text)


def test_a_holder_named_too_far_on_is_not_the_post(nlp: Language) -> None:
    """Near-miss: the minister is named three sentences on, past the lead."""
    text = (
        "Chile's foreign minister said the talks had stalled. The meeting was held in Lima. Trade was discussed "
        "at length. Chilean Foreign Minister Rosa Díaz later left for Quito."
    )
    assert speakers(nlp, text) == [("CHL", "Chile's foreign minister")]
