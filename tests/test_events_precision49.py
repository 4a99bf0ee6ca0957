"""False events of the rules (issue 13, stop 49, lane precision49).

- What a pact provides is no new event (README "Pacts"): a promise under "under the treaty / under which", or the
  act promised in its infinitive ("Under the treaty, Chile and Peru pledge to help each other"), told in the present;
  the signing stays, and so does a pledge told in the past ("Under the accord, Chile pledged to supply Peru").

Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

FOUND = """
# A pledge outside a pact's provisions, and the signing of the pact, stay.
AGREE CHL>PER | Chile pledged to help Peru rebuild the port.
AGREE PER>CHL | Chile and Peru signed a pact under which each side promises to defend the other if attacked.
# A pledge made under a pact, told in the past, is one made.
AGREE CHL>PER | Under the new accord, Chile pledged on Monday to supply Peru with gas if its own output fell.
"""

NOT_FOUND = """
# What a pact provides.
AGREE | Under the treaty, Chile and Peru pledge to help each other if either faces an invasion.
AGREE by CHL | Under the accord, Chile undertakes to defend Peru if it is invaded.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
