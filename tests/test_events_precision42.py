"""False events of real news (issue 13, stop 42, lane precision42): events in sentences where the news
coders saw none. A promise to make no pact ("the two states undertake not to enter into agreements
with third countries") is a treaty's exclusivity clause, a provision the coders leave uncoded: the
promisers make no agreement in it. A promise to make a pact, and one not to do something else, keep
their events; a pact not signed is no event (stop 45: an act that did not happen is not coded).
Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# Near-misses: a promise to sign a pact, and a promise not to do something else, stay promises.
AGREE VNM>LAO | Vietnam and Laos pledged to sign a trade agreement next year.
AGREE KHM>LAO | Cambodia and Laos promised not to raise tariffs on each other's rice.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
AGREE | Vietnam and Laos also pledge not to sign agreements with third countries aimed at either of them.
AGREE | Hanoi and Vientiane undertake not to enter into agreements with outside powers aimed at either side.
AGREE | Laos pledged not to conclude any treaty with Thailand.
# A pact not signed: no event either (stop 45).
AGREE | Vietnam did not sign the agreement with Laos.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
