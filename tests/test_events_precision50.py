"""False events of the rules (issue 13, stop 50, lane precision50).

- Troops a sending verb moves to an indirect object ("Belarus sent Russia two battalions", "had sent Moscow
  another 3,000 soldiers") go to that state as "sent two battalions to Russia" does: AID/military to it, not a
  show of force aimed at it (README "Troops"); a foe named so stays the target of a show of force.
- Troops a third state sends "to the war" or "to the front", with no state named as where they went, go to the
  owner of the war the text names ("Russia's war against Ukraine", in the sentence or before it): AID/military
  to it (the news coders' "to the state they fight for when the article names it"). A state's own front, a
  foe's, or a text naming no owned war keeps the show of force (MOBILIZE).

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
# Sent to the war or the front the text names with its owner.
AID/military BLR>RUS | Russia's war on Ukraine goes on. 300 of the soldiers Minsk sent to the war have died.
AID/military BLR>RUS | The soldiers Minsk has sent to the front will join the push, escalating Putin's war on Ukraine.
# No owned war named, or the sender's own front: a show of force.
MOBILIZE BLR>None | Minsk has sent 2,000 more soldiers to the front, the defence ministry said.
MOBILIZE UKR>None | Kyiv has sent 5,000 more troops to the front as Russia's war entered its fourth year.
"""

NOT_FOUND = """
# Sent to a foe is no aid to it.
AID by RUS | Moscow sent Ukraine two more brigades in March, the general said.
# Nor is a foe's own war the sender's aid.
AID by UKR | Russia's war on Ukraine is in its fourth year. Kyiv has sent another 20,000 soldiers to the front.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
