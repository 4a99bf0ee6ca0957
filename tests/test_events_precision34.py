"""False events of the rules on news others wrote (issue 13, stop 34, lane precision): a missile fired
with no target is a test (MOBILIZE), also when a "what" clause names it ("fired what it called a new
missile"); an accord, meeting or cooperation whose sides the sentence does not name ("the leaders
agreed", "they promised", "they discussed") is not coded (bench/data/news README "the two leaders").
Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# A missile fired with no target is a test, a show of force (MOBILIZE), also when a "what" clause names it.
MOBILIZE/weapons PRK>None | Pyongyang fired what it called a new hypersonic missile on Tuesday morning.
MOBILIZE/weapons PRK>None | North Korea fired what appeared to be three cruise missiles off its west coast.
# Near-misses: one fired at a target stays an attack.
ASSAULT IRN>ISR | Iran fired what it described as ballistic missiles at Israeli air bases.
ASSAULT IRN>ISR | Iran fired ballistic missiles at Israeli air bases.
# Near-misses: an accord of named sides, or of a group a nationality names, stays an AGREE.
AGREE KOR>JPN | South Korean officials met Japanese officials in Seoul. Seoul and Tokyo agreed to widen exchanges.
AGREE KOR>None | South Korean officials agreed to take phased countermeasures.
AGREE KEN>None | Kenyan officials said they will release two detained herders on Monday.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
ASSAULT | Pyongyang fired what it called a new hypersonic missile on Tuesday morning.
ASSAULT | North Korea fired what appeared to be three cruise missiles off its west coast.
MOBILIZE | Hamas fired what it called rockets at Tel Aviv.
# An accord whose sides the sentence does not name ("the leaders", "they") is not coded, nor taken for
# the one state in context.
AGREE | Kenyan and Ugandan leaders met in Kampala. The leaders also agreed to expand trade in farm goods.
AGREE | Kenyan officials met Ugandan officials in Kampala. The officials agreed to take phased countermeasures.
AGREE | Kenyan officials met Ugandan officials in Kampala. They also promised to widen high-level exchanges.
# The same for a meeting or cooperation: the convention is one for the three gathering types.
CONSULT | Kenya's minister spoke in Nairobi on Monday. The report gave no details, but they probably discussed it.
CONSULT | Kenya's foreign minister gave few details on Monday. They probably discussed the dispute, analysts said.
"""


test_event_read, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
