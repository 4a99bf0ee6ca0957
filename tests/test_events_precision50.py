"""False events of the rules (issue 13, stop 50, lane precision50).

- Troops a sending verb moves to an indirect object ("Belarus sent Russia two battalions", "had sent Moscow
  another 3,000 soldiers") go to that state as "sent two battalions to Russia" does: AID/military to it, not a
  show of force aimed at it (README "Troops"); a foe named so stays the target of a show of force.
- An act told in what a negated affirming verb holds ("Lima does not believe Quito has sent troops", "has not
  found evidence that", "was unable to confirm reports that") is not told as done, and an act whose subject is
  "neither ... nor" or "no ..." is not done by anyone (README: acts not reported as done are no event);
  "confirmed that", "believes" and "found evidence that" still tell the act.

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

AFFIRMED = """
# Affirmed, believed or shown, the act is told.
AID PER>CHL | The ministry confirmed on Monday that Peru had shipped rifles to Chile.
AID PER>CHL | Oslo believes Peru has shipped rifles to Chile, the envoy said.
AID PER>CHL | Inspectors found evidence that Peru shipped rifles to Chile last year.
REJECT PER>None | Both Peru and Bolivia have denied the rifle shipments.
"""

UNAFFIRMED = """
# Not believed, not found, not confirmed: not told as done.
AID by PER | Oslo does not believe Peru has shipped rifles to Chile, the envoy said.
AID by PER | Inspectors have not found evidence that Peru shipped rifles to Chile.
CONSULT by PER | The spokesman was unable to confirm reports that Boluarte had met Boric in Arica.
AID by PER | The ministry did not confirm that Peru had shipped rifles to Chile.
# A subject none of does the act.
REJECT by PER | Neither Peru nor Bolivia has denied the rifle shipments.
AID | No country has shipped rifles to Chile since the ban, the monitors said.
"""

test_affirmed, test_unaffirmed = line_tests(AFFIRMED, UNAFFIRMED, PUBLISHED)
