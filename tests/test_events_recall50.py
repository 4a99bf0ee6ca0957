"""Events the rules missed in real news (issue 13, stop 50, lane recall50).

- A verb of drilling or patrolling with a named partner ("French ships drilled with Turkish vessels",
  "coast guard ships patrolled with Russian vessels") is a joint drill: COOPERATE/military each way, as
  "held drills with" is (codebook MOBILIZE: joint military operations are COOPERATE). Drilling with no
  other state named is no event ("drilled for gas", "drilled the recruits", "drilled with its own
  submarines"); patrolling alone stays a show of force.
- A document's relative clause speaks for whoever issued the document ("Greece issued a statement that
  condemned Turkey's raid"), as its participle did ("a statement condemning"); a document a verb of joining
  puts its subject "in" with its objects ("Greece joined France and Italy in a joint statement that
  condemned ...") speaks for all of them. A document only answered ("rejected a report that accuses X")
  speaks for someone else.
- A verb of breaking a rule that the parser reads as a noun compound on the rule ("said Turkey's purchase of
  rockets from Libya breaches Security Council resolutions": "breaches" hung on "resolutions") is still the
  reporter's verdict on the act's doer, as the verb read right is.

Every sentence here was written for this file in the style of news (rules alone).
"""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

FOUND = """
# Drilling or patrolling with a named partner: a joint drill, each way.
COOPERATE/military FRA>TUR | French ships drilled with Turkish vessels in the Aegean.
COOPERATE/military TUR>FRA | French ships drilled with Turkish vessels in the Aegean.
COOPERATE/military GRC>EGY | Warships of Egypt's navy drilled with Greek frigates last month.
COOPERATE/military CHN>RUS | Chinese coast guard ships patrolled with Russian vessels near the islands.
COOPERATE/military RUS>CHN | Chinese coast guard ships patrolled with Russian vessels near the islands.
# A document's relative clause or participle: its issuers, or all who joined in it.
DISAPPROVE GRC>TUR | Greece issued a statement that condemned Turkey's raid.
DISAPPROVE EGY>TUR | Egypt published a report which accuses Turkey of arming the rebels.
DISAPPROVE GRC>TUR | Greece joined France and Italy in a joint statement that condemned the Turkish raid.
DISAPPROVE FRA>TUR | Greece joined France and Italy in a joint statement that condemned the Turkish raid.
DISAPPROVE ITA>TUR | Greece joined France and Italy in a joint statement that condemned the Turkish raid.
DISAPPROVE ITA>TUR | Greece joined France and Italy in a statement condemning the Turkish raid.
# A verb of breaking a rule misread as a compound on the rule: the reporter's verdict on the act's doer.
DISAPPROVE GRC>TUR | Athens said Turkey's purchase of rockets from Libya breaches Security Council resolutions.
DISAPPROVE GRC>TUR | Athens said Turkey's purchase of such rockets from Libya breaches resolutions Ankara helped adopt.
# A patrol with no partner is still a show of force.
MOBILIZE CHN>None | Chinese coast guard ships patrolled near the islands.
"""

NOT_FOUND = """
# Drilling with no other state named is no drill held together, nor any event.
COOPERATE | Turkey drilled for gas off Cyprus.
MOBILIZE | Turkey drilled for gas off Cyprus.
MOBILIZE | French sergeants drilled the new recruits at dawn.
COOPERATE | The French navy drilled with its own submarines off Brest.
# A report only answered is someone else's.
DISAPPROVE by EGY | Egypt rejected a report that accuses Turkey of arming the rebels.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
