"""False events of the rules (issue 13, stop 49, lane precision49).

- An infinitive whose doer a "for" phrase names under an adjective or a weighing noun ("it was important for
  Laos to supply Vietnam with rice", "it would be a mistake for Tokyo to send troops", "a chance for Oslo to
  meet Hanoi", "the aim is for Lima to sign") is judged, hoped or aimed for, not done: no event (bench/data/news
  README: what is hypothetical is not coded). Plans and what one calls for are read as before.
- What a pact provides is no new event (README "Pacts"): a promise under "under the treaty / under which", or the
  act promised in its infinitive ("Under the treaty, Chile and Peru pledge to help each other"), told in the present;
  the signing stays, and so does a pledge told in the past ("Under the accord, Chile pledged to supply Peru").

Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

FOUND = """
# The act done, and the same verbs outside a weighing "for" phrase.
AID LAO>VNM | Laos supplied Vietnam with rice after the floods, the ministry said.
AID IND>NPL | India helped Nepal rebuild its roads after the earthquake.
# The weighing said of the doer itself ("of X") stays X's act (tests/test_events_lead48.py).
AID BLR>RUS | The envoy condemned the arms sales, saying it was shameful of Belarus to help Russia.
# A pledge outside a pact's provisions, and the signing of the pact, stay.
AGREE CHL>PER | Chile pledged to help Peru rebuild the port.
AGREE PER>CHL | Chile and Peru signed a pact under which each side promises to defend the other if attacked.
# A pledge made under a pact, told in the past, is one made.
AGREE CHL>PER | Under the new accord, Chile pledged on Monday to supply Peru with gas if its own output fell.
"""

NOT_FOUND = """
# An act weighed for a doer named in a "for" phrase is not done.
AID by LAO | The minister said it was important for Laos to supply Vietnam with rice.
AID by IND | It is vital for India to help Nepal rebuild after the earthquake, the envoy argued.
AID by JPN | The senator said it would be a mistake for Japan to send troops to Ukraine.
AGREE by CHL | The aim is for Chile to sign a trade pact with Peru before the end of the year.
CONSULT by NOR | Diplomats said the summit was a rare chance for Norway to meet Vietnam's leaders.
# What a pact provides.
AGREE | Under the treaty, Chile and Peru pledge to help each other if either faces an invasion.
AGREE by CHL | Under the accord, Chile undertakes to defend Peru if it is invaded.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
