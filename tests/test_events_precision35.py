"""False events of the rules on news others wrote (issue 13, stop 35, lane precision35): what is
discussed is a topic, never the other side of a meeting ("a committee to discuss the East African
Federation plan" names no partner); an act "not ruled out" is left open, also when the parser hangs
its gerund on "rule" ("did not rule out Nigeria sending troops"); releasing a text, treaty or
commentary frees no one; and what a verb of naming judges ("called the deal a threat", "described the
pact as a grave concern") is neither an accord nor a threat of its own; and what a pact's wording has
its parties do ("under the text of the treaty, the two agreed to give help") is its terms, not an act.
Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# Near-misses: a meeting with a partner named in the "with" phrase or beside the subject stays one.
CONSULT KEN>UGA | Kenya discussed the border dispute with Uganda on Monday.
CONSULT KEN>UGA | Kenya and Uganda discussed the border dispute on Monday.
CONSULT KEN>None | Kenya negotiated with the rebels for a week.
CONSULT KEN>None | Kenyan President Ruto and Wamalwa discussed ways to expand exchanges between the two countries.
# Near-misses: an act done beside a ruling-out stays one.
AID/military NGA>MLI | Nigeria ruled out talks on Monday, sending troops to Mali instead.
# Near-misses: people and captives released stay RETREAT.
RETREAT/release KEN>UGA | Kenya released two Ugandan fishermen on Friday, Nairobi said in a statement.
RETREAT/release UGA>KEN | Uganda released the detained Kenyan journalists after a week.
# Near-misses: a verdict stays DISAPPROVE, a visit a verdict names stays a visit, a strike called stays one.
DISAPPROVE KEN>None | Kenya called the strike on Juba a provocation.
CONSULT/visit KEN>UGA | Ugandan President Museveni called Kenyan President Ruto's visit to Kampala a great success.
PROTEST KEN>None | Kenya called a general strike on Monday.
# Near-misses: an act done under a pact, an accord, and a signing under someone's auspices stay events.
AID/military UGA>KEN | Under a defence accord, Uganda sent 2,000 soldiers to fight alongside Kenyan forces last year.
AGREE KEN>UGA | Kenya and Uganda agreed to give each other military help on Monday.
AGREE/pact KEN>UGA | Kenya and Uganda signed the accord under the auspices of the African Union.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
CONSULT | The Kenyan cabinet set up a committee to discuss the East African Federation plan.
CONSULT | A Kenyan official said it was too early to discuss such an Ethiopian proposal.
AID | Ghana's president said he did not rule out Nigeria sending troops to Mali if the violence grows.
AGREE | Ghana's president said he did not rule out Nigeria sending troops to Mali if the violence grows.
RETREAT | Under the text of the accord that Nairobi released on Friday, Kenya and Uganda will open two crossings.
RETREAT | On Friday the Kenyan news agency released the full text of the accord with Uganda.
RETREAT | Kenya's foreign ministry released a commentary on the talks on Friday.
RETREAT | The Kenyan news agency released the text of the treaty that Kenya and Uganda signed.
AGREE | Kenya, Uganda and Tanzania called the deal a threat to the region.
THREATEN | Kenya, Uganda and Tanzania called the deal a threat to the region.
AGREE | Kenya and Uganda described the pact as a grave concern for the region.
MOBILIZE by KEN | Kenya called the Ugandan deployment a threat to peace.
# What a pact's wording has its parties do, or has them do in a time to come, is its terms, not an act.
AGREE | Under the text of the accord, Kenya and Uganda agreed to give each other military help if either is attacked.
REJECT | He added that under the text of the accord Uganda would not go to war but would give Kenya arms.
AGREE | Under the terms of the accord, Uganda will withdraw its troops from Kenya.
"""


test_event_read, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
