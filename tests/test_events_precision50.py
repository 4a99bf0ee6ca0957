"""False events of the rules (issue 13, stop 50, lane precision50).

- Troops a sending verb moves to an indirect object ("Belarus sent Russia two battalions", "had sent Moscow
  another 3,000 soldiers") go to that state as "sent two battalions to Russia" does: AID/military to it, not a
  show of force aimed at it (README "Troops"); a foe named so stays the target of a show of force.
- An act whose subject is "neither ... nor" or "no ..." is not done by anyone ("Neither Lima nor Quito has
  denied it", "no country has sent troops"; README: acts not reported as done are no event); "both ... and"
  still does it.
- What one refrains from or avoids doing ("refrained from condemning Quito", "avoided criticising Chile") is not
  done; a negation of the refraining cancels it ("has never refrained from criticising": done).

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

NONE_DID = """
# A subject all or one of does the act.
REJECT PER>None | Both Peru and Bolivia have denied the rifle shipments.
AID PER>CHL | Peru has shipped rifles to Chile since the ban, the monitors said.
"""

NONE_DID_NOT_FOUND = """
# A subject none of does the act.
REJECT by PER | Neither Peru nor Bolivia has denied the rifle shipments.
AID | No country has shipped rifles to Chile since the ban, the monitors said.
"""

test_some_did, test_none_did = line_tests(NONE_DID, NONE_DID_NOT_FOUND, PUBLISHED)

HELD_BACK_DONE = """
# Refraining negated: done.
DISAPPROVE PER>CHL | Peru has never refrained from criticising Chile over the border.
DISAPPROVE PER>CHL | Peru did not avoid criticising Chile at the summit.
"""

HELD_BACK = """
# Refrained from, avoided: not done.
DISAPPROVE by PER | Lima refrained from condemning Quito over the arrests, the diplomats noted.
THREATEN by PER | The Peruvian president refrained from threatening to retaliate against Chile.
DISAPPROVE by PER | Peru avoided criticising Chile at the summit in Quito.
"""

test_held_back_done, test_held_back = line_tests(HELD_BACK_DONE, HELD_BACK, PUBLISHED)
