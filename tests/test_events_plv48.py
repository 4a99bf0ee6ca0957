"""Recipients of demands and investigations named inside their own phrase (issue 13, stop 48, lane
plv48): the subject of a demand noun's that-clause is who is asked ("reiterated its demand that Lima
halt the drills"), as the governed clause's subject of "demanded that Lima halt" is; an investigation
a verb launches is aimed at whoever did what its own "of" or "into" phrase names ("launched a probe of
Lima's approval of the mine"), and at the subject of the clause it takes ("an inquiry into whether
Peruvian agents spied"); and what a call or an appeal asks for is not done, where the parser hangs
its infinitive on the call or on the verb whose object the call is ("renewed its call on Lima to free
the crew"). Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
DEMAND CHL>PER | Chile voiced its demand that Peru halt the naval drills.
DEMAND CHL>PER | Chile reiterated its demand that the Peruvian navy halt the drills near the border.
DEMAND CHL>PER | Chile has issued a demand that Peru release the fishermen within a week.
INVESTIGATE CHL>PER | Chile launched a probe of Peru's approval of the copper mine.
INVESTIGATE CHL>PER | Chile started an inquiry into whether Peruvian agents spied on its embassy.
INVESTIGATE CHL>RUS | Chile opened an investigation into alleged spying by Russia.
# Near-misses that already gave their recipient stay as they were.
DEMAND CHL>PER | Chile demanded that Peru halt the naval drills.
INVESTIGATE CHL>PER | Chile launched an investigation into the Peruvian navy.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# What is demanded did not happen: no release by Peru.
RETREAT | Chile reiterated its demand that Peru release the fishermen.
# Nor what a call asks for, where the parser hangs the infinitive on the call or on the verb whose
# object the call is: no withdrawal or release by either side.
RETREAT | Chile repeated its call for Peru to withdraw its troops.
RETREAT | Chile renewed its call on Peru to release the fishermen.
RETREAT | Chile renewed its appeal for Peru to free the fishermen.
"""


test_event_read, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
