"""Who a sentence-opening pronoun stands for when the event's actor is only a pronoun (issue 13, stop 49,
lane roles49). A run of sentences each opening on the same subject pronoun keeps the referent the first
took ("The embassy said ... . It said ... . It urged ..."), not the state named last before it; "they"
opening a sentence after one whose subject was officials named by a bare noun ("The ministers ... .
They urged ...") is those officials; "he"/"she" opening a sentence after one whose subject was an
official the gazetteer does not know, named by surname ("Deputy Foreign Minister Ana Ortiz ... .
Ortiz told ... . She also urged ..."), is that official, with the state the article gave them. Every
sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.event_lines import assert_found, assert_not_found

PUBLISHED = date(2025, 9, 15)

# A chain of sentence-opening "it": the body the first one stood for.
EMBASSY = (
    "Turkey's embassy in Oslo voiced regret on Monday over remarks made in Athens. "
    "The embassy said the talks had been misrepresented by the press. "
    "It said Ankara keeps its promises to partners such as Azerbaijan. "
    "It urged the Greek government to rely on facts."
)
# "They" after officials named by a bare noun: those officials' side.
MINISTERS = (
    "The foreign ministers of the European Union met in Brussels on Monday. "
    "The ministers also called Iran a source of instability, saying its support for militias had raised "
    "the threat Iran poses to its neighbours and to shipping in the Gulf. "
    "They urged Iran to stop arming the groups."
)
# "She" after an official the gazetteer does not know, named by surname: the state the article gave them.
OFFICIAL = (
    "Mexico's foreign ministry said it had summoned the American ambassador on Tuesday. "
    "Deputy Foreign Minister Ana Ortiz set out Mexico's view of the plan to Ken Salazar, the envoy of "
    "Washington. Ortiz told Salazar that the plan would harm relations between the two countries. "
    "She also urged the United States to reconsider, according to the ministry."
)

FOUND = [
    ("DEMAND TUR>GRC", EMBASSY),
    ("DEMAND EU>IRN", MINISTERS),
    ("DEMAND MEX>USA", OFFICIAL),
]
NOT_FOUND = [
    ("DEMAND by AZE", EMBASSY),
    ("DEMAND by IRN", MINISTERS),
]


@pytest.mark.parametrize(("wanted", "text"), FOUND)
def test_event_found(nlp: Language, wanted: str, text: str) -> None:
    assert_found(nlp, f"{wanted} | {text}", PUBLISHED)


@pytest.mark.parametrize(("unwanted", "text"), NOT_FOUND)
def test_no_such_event(nlp: Language, unwanted: str, text: str) -> None:
    assert_not_found(nlp, f"{unwanted} | {text}", PUBLISHED)
