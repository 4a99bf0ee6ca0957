"""The "place" decline narrowed (issue 13, stop 40, lane place40). An event noun with its doer named
is declined where news states no event (triggers.UNSURE_PLACE: a topic, a phrase of a noun), but
three such places state one: an apposition restating a noun that stands as a subject or object or in
a phrase that is no topic ("listed two dangers, Iran's backing for the Houthis"); a person's visit
to a host abroad named ("the results of his visit to Angola") and a meeting with a partner of another
state ("his talks with Modi carried weight"), unless a topic; a movement of troops or arms with its
sender named and the state it is in ("the deployment of Venezuelan troops in Bolivia", as "to"
was read before). A topic's apposition, a visit at home or with no host, a movement "in" a month or
a region, and a topic phrase stay declined. The sure declines in triggers.absorb (appealed for,
considered, a pact's text) were counted and cost more false events than true ones: they stand.
Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# An apposition stands where the noun it restates stands.
SUPPORT IRN>YEM | The summit's communique listed two dangers, Iran's backing for the Houthis and its missile tests.
# A person's visit to a host abroad named: the pronoun is the visitor, wherever the phrase stands.
CONSULT/visit TUR>AGO | Erdogan said he was pleased with the results of his visit to Angola.
# A person's meeting with a partner of another state named, where it is no topic.
CONSULT TUR>IND | The Turkish foreign ministry said Erdogan's speech and his talks with Modi carried great weight.
# A movement with its sender named and the state it is in.
MOBILIZE/troops VEN>None | Chile said it was alarmed by the deployment of Venezuelan troops in Bolivia.
# Near-miss: the speaker's verdict on it stays read.
DISAPPROVE CHL>VEN | Chile said it was alarmed by the deployment of Venezuelan troops in Bolivia.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# The apposition of a topic is a topic.
SUPPORT | Brazil's minister spoke about the main topic, Iran's support for the Houthis.
SUPPORT | Chile asked about one rumour, Iran's support for the Houthis.
# A visit at home, or with no host named, in a noun's phrase stays declined.
CONSULT | Erdogan said the programme of his visit to Izmir was ready.
CONSULT | Macron praised the mood of his visit to Lyon.
CONSULT | Erdogan said the results of his visit were good.
# A meeting a verb's "about" is about, or with a partner of the same state, stays declined.
CONSULT | Erdogan wrote about his talks with Modi on social media.
CONSULT | Erdogan's speech and his talks with Turkish mayors drew wide attention.
# "in" a month or a region is no state the troops were sent to.
MOBILIZE | Peru voiced concern about the deployment of Venezuelan troops in October.
MOBILIZE | Peru voiced concern about the deployment of Venezuelan troops in the region.
# What a feeling is about, with no destination named, stays declined.
SUPPORT | Argentina raised concerns about Venezuela's support for Iran's drone programme.
AID | Argentina raised concerns about Venezuela's support for Iran's drone programme.
# The sure declines of absorb stand: appealed for, considered, a pact's text.
RETREAT | Peru urged Bolivia to release the detained Chilean truck drivers.
SANCTION | Lima is weighing whether to expel the Bolivian ambassador.
AID | Quito said the pact obliges both sides to help each other in case of attack.
"""


test_event_read, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
