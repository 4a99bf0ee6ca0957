"""Quote speakers of lane quotes50: an armed force named by its state ("the Chilean Navy", "the Indian Air
Force", "the French General Staff") speaks for that state, as a ministry named by its state does (news README:
"a ministry, intelligence agency, armed force or legislature is quoted with its state's id"); a rebel force whose
name holds a state's word does not. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quote_speakers import speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("According to the Chilean Navy, Bolivia on Monday held a cargo ship flying Peru's flag.", "CHL"),
        ("The Philippine Coast Guard said a foreign vessel fired water cannon at a supply boat.", "PHL"),
        ("The Indian Air Force said its jets had intercepted two drones over the valley.", "IND"),
        ("The French General Staff said the last 200 soldiers had already left the base.", "FRA"),
        ("France's General Staff said the last 200 soldiers had already left the base.", "FRA"),
    ],
)
def test_an_armed_force_named_by_its_state_speaks_for_it(nlp: Language, text: str, speaker: str) -> None:
    assert [sid for sid, _ in speakers(nlp, text)] == [speaker]


def test_a_rebel_army_with_a_states_word_is_no_state(nlp: Language) -> None:
    """Near-miss: a liberation army's name holds a state's word but is no state's force."""
    text = "The Kosovo Liberation Army said its fighters had taken two villages in the hills."
    assert [sid for sid, _ in speakers(nlp, text)] == [None]


def test_a_lowercase_army_still_speaks_for_its_state(nlp: Language) -> None:
    """Near-miss: the common-noun form was already its state's."""
    assert speakers(nlp, "The Peruvian army said the rebels had attacked a patrol on Sunday.") == [
        ("PER", "Peruvian army")
    ]
