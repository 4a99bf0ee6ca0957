"""Help given between states (issue 13, stop 42, lane aid42; bench/data/news README "Troops"): arms a
state hands over to another state arm it (AID/military), while a group handing in its arms disarms
(RETREAT); forces described as fighting for a state aid it, as fighting at its side does; fuel and
staples sent or supplied to a state are goods given (AID), while selling or exporting them stays trade
and a promise to send them is AGREE. Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# Arms handed over by one state to another: military aid, not disarmament.
AID/military BLR>RUS | Belarus handed over 60 tanks to Russia.
AID/military BLR>RUS | Minsk has handed over at least two air defence systems to Moscow since May.
AID/military CUB>VEN | Cuba handed over a batch of rifles to Venezuela last spring.
# Near-miss: an armed group handing in its arms, or arms handed to an international body, are given up.
RETREAT/disarm PSE>EGY | Hamas handed over its weapons to Egypt.
RETREAT/disarm SYR>OPCW | Syria handed over its chemical weapons to the OPCW.
# Forces described as fighting for a state.
AID/military BLR>RUS | Several Belarusian soldiers fighting for Russia were killed in a drone strike.
AID/military CUB>RUS | Cuban mercenaries fighting for Russia were captured near Kupiansk.
# Fuel and staples sent or supplied.
AID IRN>SYR | Iran has been sending refined petroleum to Syria in amounts that may breach the limits.
AID IRN>SYR | Iran supplied Syria with diesel, the monitors said.
AID IRN>VEN | Iran shipped 2 million litres of diesel to Venezuela.
AID RUS>SYR | Russia delivered rice and flour to Syria.
# A promise to send them is an intention.
AGREE RUS>KEN | Russia promised to send fertilizer to Kenya.
# Selling or exporting them is trade.
COOPERATE/economic RUS>CHN | Russia exported coal to China.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# A state's arms handed over to another state are no disarmament; forces withdrawn from a state give it nothing.
RETREAT | Belarus handed over 60 tanks to Russia.
AID | Britain finished pulling its last soldiers out of Afghanistan in 2014.
# A town fought over, or one's own state fought for, is no aid.
AID | Russian soldiers fighting for Bakhmut were killed.
AID | Russian soldiers fighting for Russia were killed.
# Trade and promises are not aid given.
AID | Russia exported coal to China.
AID | Russia promised to send fertilizer to Kenya.
AID | Russia sold oil to India.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
