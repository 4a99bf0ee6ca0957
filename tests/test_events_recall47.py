"""Events the rules missed in real news (issue 13, stop 47, lane recall47). A named pair's ties or cooperation
told as growing are cooperation each way also when the parser reads the growth word as a compound noun ("the
deepening ties between A and B were none of its business", NN "deepening"), as the ties told as growing by an
adjective are; and a condemned transfer of arms is held against whoever the arms went to beside their sender
(bench/data/news README, the review of tokyo.jsonl: a condemned transfer of arms to Russia is coded to both, 8
rows to 3), not a condemned dispatch of troops (the sender's alone, every row); a visit made "for talks with" a
named partner is the visit and the talks, two meetings one way (README "Visits and meetings"). Every sentence
here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.event_lines import event_triples, line_tests

PUBLISHED = date(2025, 6, 3)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# Growing ties as a copula's subject, with the growth word a compound noun.
COOPERATE RUS>PRK | Beijing insisted that the deepening ties between Moscow and Pyongyang were not its concern.
COOPERATE PRK>RUS | Beijing insisted that the deepening ties between Moscow and Pyongyang were not its concern.
COOPERATE VNM>LAO | A spokesman said the deepening ties between Vietnam and Laos are a matter for the two states.
COOPERATE LAO>VNM | A spokesman said the deepening ties between Vietnam and Laos are a matter for the two states.
# A condemned transfer of arms: the sender and the receiver.
DISAPPROVE JPN>PRK | Japan and Australia condemned the shipment of ballistic missiles from Pyongyang to Moscow.
DISAPPROVE JPN>RUS | Japan and Australia condemned the shipment of ballistic missiles from Pyongyang to Moscow.
DISAPPROVE AUS>RUS | Japan and Australia condemned the shipment of ballistic missiles from Pyongyang to Moscow.
DISAPPROVE KOR>BLR | Seoul condemned the transfer of rifles from Belarus to Russia.
DISAPPROVE KOR>RUS | Seoul condemned the transfer of rifles from Belarus to Russia.
"""

# A visit made for talks with a named partner: the visit and the talks, two meetings one way.
TALKS = [
    "The Vietnamese foreign minister flew to Vientiane on Tuesday for talks with his Lao counterpart.",
    "The Vietnamese foreign minister arrived in Laos on Tuesday for talks with Lao leaders.",
]

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# A trip to come is a promise to meet (AGREE), no meeting.
CONSULT | The Vietnamese foreign minister will fly to Vientiane next week for talks with his Lao counterpart.
# Bare ties as a copula's subject stay a topic.
COOPERATE | A spokesman said the ties between Vietnam and Laos are a matter for the two states.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)


@pytest.mark.parametrize("text", TALKS)
def test_visit_for_talks_is_two_meetings(nlp: Language, text: str) -> None:
    """README "Visits and meetings": a visit plus talks in one sentence is two events."""
    assert event_triples(nlp, text, PUBLISHED).count(("CONSULT", "VNM", "LAO")) == 2


@pytest.mark.parametrize(
    "text",
    [
        "The Vietnamese foreign minister flew to Vientiane on Tuesday for a state visit.",
        "The Vietnamese foreign minister arrived in Vientiane on Tuesday for talks.",
    ],
)
def test_visit_alone_is_one_meeting(nlp: Language, text: str) -> None:
    """A trip for a visit, or for talks with no partner named, is the visit alone."""
    assert event_triples(nlp, text, PUBLISHED).count(("CONSULT", "VNM", "LAO")) == 1


def test_condemned_troop_dispatch_stays_the_senders(nlp: Language) -> None:
    """A condemned dispatch of troops is held against the sender alone, as every row codes it."""
    found = set(event_triples(nlp, "Seoul condemned the dispatch of troops from North Korea to Russia.", PUBLISHED))
    assert ("DISAPPROVE", "KOR", "PRK") in found
    assert ("DISAPPROVE", "KOR", "RUS") not in found


def test_condemned_transfer_with_no_receiver_named(nlp: Language) -> None:
    """No receiver named, none added: the censure stays the sender's."""
    found = set(event_triples(nlp, "Seoul condemned the transfer of rifles from Belarus.", PUBLISHED))
    assert {t for t in found if t[0] == "DISAPPROVE"} == {("DISAPPROVE", "KOR", "BLR")}
