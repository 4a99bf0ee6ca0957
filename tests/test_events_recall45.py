"""Joint acts the rules missed as whole constructions (issue 13, stop 45, lane recall45). A joint act
held in the passive with no agent ("talks between A and B were held", "joint drills between A and B were
staged", "talks were held between A and B") is held by the parties its noun or verb names, one event each
way. A subject that only counts two sides ("the two leaders", "the two countries") meets or cooperates
with the other side as it agrees: between the two states the sentence names. A joint act told as growing
stays an event as the subject of a copula ("the growing ties between A and B are their own business"),
while a bare one there is a topic. Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# A joint act held in the passive: the parties its own noun names, each way.
CONSULT GHA>TGO | Talks between Ghana and Togo were held in Accra on Monday.
CONSULT TGO>GHA | Talks between Ghana and Togo were held in Accra on Monday.
CONSULT KEN>UGA | A meeting between the Kenyan and Ugandan foreign ministers was held in Kampala.
COOPERATE IND>FRA | Joint exercises between India and France were held last year in the Bay of Bengal.
CONSULT TGO>GHA | Talks were held between Ghana and Togo.
# Two sides counted, the sentence names the pair.
CONSULT BRA>ARG | Brazil's Lula assured Argentina's Milei of goodwill when the two leaders held talks on Friday.
CONSULT UGA>KEN | Kenya's President Ruto thanked Uganda's President Museveni as the two presidents met in Entebbe.
COOPERATE PER>CHL | Chile and Peru signed a trade deal as the two countries deepened cooperation.
# A growing joint act as a copula's subject is under way.
COOPERATE ARG>CHL | Brazil says the growing ties between Argentina and Chile are their own business.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# A bare joint act as a copula's subject is a topic.
COOPERATE | The cooperation between Ghana and Togo is nothing unusual.
# Two sides counted with no pair named in the sentence: uncoded.
CONSULT | The two leaders met in Lima on Tuesday.
# ... nor where they met or what they discussed, nor the meeting a verb told already.
CONSULT | The two leaders last met in March in Lima, Peru, during the APEC summit.
CONSULT | The two leaders discussed the Ghana-Togo border.
CONSULT by PER | Chile's foreign minister met Peru's foreign minister in Lima, and the two sides discussed trade.
# Cancelled talks were not held.
CONSULT | Talks between Ghana and Togo were cancelled.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
