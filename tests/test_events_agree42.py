"""Signings, entry into force and treaty clauses (issue 13, stop 42, lane agree42). A pact that "took
effect" between a named pair is its entry into force (AGREE/pact each way, as "came into force"); a pact
signed in the passive with no agent has its parties in the verb's "between" phrase; a pair's
undertaking not to deal with "third states / parties" is a mutual pact's clause told as a pledge, no
new event (bench/data/news/README: what a treaty provides is not coded); "the Treaty on X between A and
B" names its parties; "both sides agreed", told by a third state, takes no side from what was agreed on
("on Lavrov's trip to Laos"). Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# Entry into force in other words: "took effect", each way between the pair the pact's phrase names.
AGREE/pact CHL>PER | The trade agreement between Chile and Peru took effect on Monday, the ministry said.
AGREE/pact PER>CHL | The trade agreement between Chile and Peru took effect on Monday, the ministry said.
# The pair hung on what the pact is on: "the Treaty on ... between A and B" names its parties.
AGREE/pact CHL>PER | The Treaty on Strategic Partnership between Chile and Peru will come into force next month.
AGREE/pact PER>CHL | The treaty on friendship between Chile and Peru went into effect on Monday.
DISAPPROVE BOL>PER | Bolivia condemned the treaty on security cooperation between Chile and Peru.
# Signed in the passive, the parties in "between": both sign.
AGREE/pact KEN>UGA | Agreements were signed between the governments of Kenya and Uganda on a new railway.
AGREE/pact UGA>KEN | Deals were signed between Kenya and Uganda on fishing rights in the lake.
# A signing told with its partner stays as it was.
AGREE/pact KEN>UGA | Kenya signed a defence pact with Uganda in Kampala on Friday.
AGREE/pact UGA>KEN | The protocol was signed by Kenya's foreign minister and Uganda's foreign minister.
# A pledge to deal with third countries that is no clause of refusal stays a pledge of the pair.
AGREE CHL>PER | Chile and Peru pledged to open talks with third countries on lithium.
# A third state reporting the pair's agreement does not agree itself.
AGREE KEN>UGA | Tanzania said Kenya and Uganda agreed to reopen their border crossing.
AGREE UGA>KEN | Tanzania said Kenya and Uganda agreed to reopen their border crossing.
# A third state that itself agreed is a side.
AGREE VNM>LAO | Hanoi said Vietnam and Laos agreed to reopen the border crossing.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# What took effect is no pact.
AGREE | The new visa rules took effect on Monday, Chile said.
AGREE | The tariffs took effect at midnight.
# A pair's undertaking not to deal with third states: the pact's clause, not a new pledge.
AGREE | Kenya and Uganda undertake not to join any alliance with third states aimed at either of them.
AGREE | Chile and Peru pledge not to conclude agreements with third countries directed against each other.
AGREE | Chile and Peru also undertook not to enter into treaties with third parties hostile to the other side.
# A passive signing with one state in "between" names no pair.
AGREE by KEN | Deals were signed between Kenya and several banks on Friday.
# The reporter of an agreement is no party to it.
AGREE by TZA | Tanzania said Kenya and Uganda agreed to reopen their border crossing.
# "Both sides agreed" told by a third state: states named in what they agreed on are no side.
AGREE | Hanoi said both sides "agreed to keep up the dialogue" on Lavrov's trip to Laos and on the accord.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
