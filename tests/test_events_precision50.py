"""False events of the rules (issue 13, stop 50, lane precision50).

- Troops a sending verb moves to an indirect object ("Belarus sent Russia two battalions", "had sent Moscow
  another 3,000 soldiers") go to that state as "sent two battalions to Russia" does: AID/military to it, not a
  show of force aimed at it (README "Troops"); a foe named so stays the target of a show of force.
- A meeting, praise, agreement, cooperation or aid of a state's official with the same state's officials or bodies
  ("the prime minister held talks with Norway's finance minister", "the president praised Chile's navy") is one
  side, no event (the training files code no such row); with the state's people named apart (miners, protesters,
  the opposition: the lexicon's civilians) it stays, as do conflicts with them ("police detained protesters").

Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

FOUND = """
# Troops sent to an indirect object go to it.
AID/military BLR>RUS | Minsk quietly sent Russia two more battalions last winter, the report said.
AID/military PRK>RUS | Seoul's spy agency said Pyongyang had sent Moscow another 3,000 soldiers in the spring.
# As with "to".
AID/military BLR>RUS | Minsk quietly sent two more battalions to Russia last winter, the report said.
"""

NOT_FOUND = """
# Sent to a foe is no aid to it.
AID by RUS | Moscow sent Ukraine two more brigades in March, the general said.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)

ONE_SIDE_FOUND = """
# The state's people named apart, and other states, are another side.
AGREE PER>PER | The Peruvian government agreed with the country's striking miners to reopen the roads.
CONSULT CHL>CHL | The Chilean president met Chilean protesters at the palace on Monday.
CONSULT NOR>SWE | Norway's prime minister held talks with Sweden's finance minister on Monday.
COERCE PER>PER | Police in Lima detained dozens of Peruvian demonstrators overnight.
"""

ONE_SIDE_NOT_FOUND = """
# A state's officials and bodies with its own are one side.
CONSULT by NOR | The Norwegian prime minister held talks with Norway's finance minister on the budget.
CONSULT by PER | Peruvian President Dina Boluarte met the Peruvian defence minister in Lima on Friday.
SUPPORT by CHL | The Chilean president praised Chile's navy for its rescue work after the storm.
"""

test_one_side_found, test_one_side_absent = line_tests(ONE_SIDE_FOUND, ONE_SIDE_NOT_FOUND, PUBLISHED)
