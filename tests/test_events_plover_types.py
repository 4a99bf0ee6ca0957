"""PLOVER types on sentences in the style of the PLOVER-coded sets (issue 13): which type a shape is by
the codebook, and when a sentence has one event, not two. Every sentence was written for this file;
each rule has sentences where it must still fire."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.event_lines import (
    assert_found,
    assert_not_found,
    case_lines,
)

PUBLISHED = date(2025, 3, 14)


# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# A team sent abroad (of rescuers, doctors, experts) is help done, not an intention to help.
AID DEU>IRQ | Berlin sent a team of surgeons and medical supplies to Iraq on Sunday.
AID KEN>TUR | Kenya dispatched a team of rescuers to Turkey two days after the earthquake.
# Only a team still to be sent is an intention (PLOVER AGREE).
AGREE DEU>IRQ | Germany is to send a small team of forensic specialists to Iraq next week.
# The rejection itself stays, with what it rejects as its recipient.
REJECT RUS>FRA | Moscow vetoed a French text that would have imposed an arms embargo on the junta.
REJECT EU>None | The EU will not end the arms embargo it imposed on Belarus after the 2020 election.
REJECT CHN>UN | China vetoed a Western-backed UN measure to extend an independent inquiry into the bombing of Aleppo.
# Meeting a person is a meeting.
CONSULT RUS>PRK | Putin met Kim Jong Un in Vladivostok on Tuesday.
# Agreeing to halt fighting is an agreement to de-escalate (CAMEO 0356), no threat; halting it is RETREAT.
AGREE LBY>None | The two militias agreed to halt fighting in Tripoli's southern suburbs on Monday.
RETREAT/ceasefire ETH>None | Ethiopia and Tigrayan forces halted fighting after the talks in Pretoria.
# An agreement to attack stays a threat.
THREATEN RUS>UKR | Russia agreed to attack Ukrainian positions together with North Korean units.
"""


@pytest.mark.parametrize("line", case_lines(FOUND))
def test_event_found(nlp: Language, line: str) -> None:
    assert_found(nlp, line, PUBLISHED)


# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
AGREE by DEU | Berlin sent a team of surgeons and medical supplies to Iraq on Sunday.
# What a rejection rejects is no event: the embargo, the pressure, the demand never happened.
# (Nor is a measure the rejection names as background: the refusal to lift it is the event.)
SANCTION | Moscow vetoed a French text that would have imposed an arms embargo on the junta.
SANCTION | The EU will not end the arms embargo it imposed on Belarus after the 2020 election.
# (also where the parser hangs the measure's clause on the verb)
INVESTIGATE | China vetoed a Western-backed UN measure to extend an independent inquiry into the bombing of Aleppo.
ASSAULT | China vetoed a Western-backed UN measure to extend an independent inquiry into the bombing of Aleppo.
ASSAULT | Beijing vetoed a UN text to prolong an international inquiry into shelling in Kharkiv.
SANCTION | The rebel council rejected the government's demand to cut off funding to the militias.
THREATEN | The two militias agreed to halt fighting in Tripoli's southern suburbs on Monday.
# Meeting a goal, a target or a deadline is no meeting.
CONSULT | Officials in Canberra expect to meet this year's target of 20,000 resettled refugees.
AGREE | Officials in Canberra expect to meet this year's target of 20,000 resettled refugees.
"""


@pytest.mark.parametrize("line", case_lines(NOT_FOUND))
def test_no_such_event(nlp: Language, line: str) -> None:
    assert_not_found(nlp, line, PUBLISHED)
