"""Acts a text supposes or speaks of, not acts done (issue 13; README conventions): the help a pact's
commitment supposes "if either is attacked" is no AID, and a clash over claims or remarks is one of
words (DISAPPROVE each way), not an ASSAULT; concern over the possibility or prospect of an act is
no verdict on anyone in it; an indirect question about an act's other side ("did not say whom he would
meet") or what "no evidence" speaks of tells no act. Every sentence here was written for this file in
the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 5, 20)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# A clash over what was claimed or said is a quarrel: DISAPPROVE each way.
DISAPPROVE AUS>JPN | Australia and Japan clashed over claims that Tokyo is arming the rebels.
DISAPPROVE JPN>AUS | Australia and Japan clashed over claims that Tokyo is arming the rebels.
DISAPPROVE AUS>JPN | The meeting saw a clash between Australia and Japan over remarks by the Japanese envoy.
# Near-misses: a clash of forces stays an assault; a conditional promise stays a promise (AGREE);
# conditional threats stay threats; help given stays AID.
ASSAULT IND>CHN | Indian and Chinese troops clashed over the disputed ridge.
ASSAULT IND>CHN | The clash between Indian and Chinese troops over the ridge left 20 dead.
# (Stop 33 ruling: help to another in answer to the condition's doer is a threat to that doer.)
THREATEN QAT>IRN | If Iran closes the strait, Qatar will send warships to Oman.
AGREE OMN>YEM | Oman says it is ready to withdraw its forces from Yemen if the rebels keep the truce.
THREATEN USA>IRN | Threatening to strike Tehran if Iran attacks Israel, the United States sent warships.
AID PER>CHL | Peru sent aid to Chile after the earthquake.
AGREE PER>CHL | The accord was signed a day after Peru agreed to help Chile rebuild its ports.
# A plan told stays a promise (AGREE).
AGREE RUS>VNM | The ministry said Lavrov would meet Vietnamese officials in Hanoi.
# Evidence of an act, or an act beside a denial of other evidence, stays the act.
AID/military TCD>SDN | Officials saw signs of Chadian troops deployed to Sudan.
AID/military TCD>SDN | There is evidence that Chad sent troops to Sudan.
AID/military TCD>SDN | Officials found no evidence of fraud, but Chad sent troops to Sudan.
# A verdict on an act, or on someone named over a prospect, stays a verdict.
DISAPPROVE BRA>VEN | Brazil expressed concern over the sale of drones to Venezuela.
DISAPPROVE BRA>VEN | Brazil criticised Venezuela over the possibility of a sale of drones.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# What a pact or plan supposes "if" something happens is not done.
AID | The agreement contains commitments by Peru and Chile to assist each other if either comes under attack.
AID | The pact obliges France and Germany to help each other if either is attacked.
AID | The accord commits Peru to supply grain to Chile unless the harvest fails.
# A worry over a prospect is no verdict on anyone in it.
DISAPPROVE | Brazil voiced concern over the possibility of any sale of drones to Venezuela.
DISAPPROVE | Brazil expressed alarm about the prospect of Peruvian troops entering Bolivia.
DISAPPROVE | Brazil was alarmed by the prospect of Peruvian troops entering Bolivia.
# An indirect question about the act's other side tells no act.
AGREE | The ministry did not say whom Lavrov would meet in Hanoi.
CONSULT | The ministry did not say whom Lavrov would meet in Hanoi.
AID | Officials would not say what Peru had sent to Chile.
# What "no evidence" or "no signs" speaks of is not told as done.
AID | There is no evidence that Chad sent troops to Sudan.
AID | There were no signs of Chadian troops deployed to Sudan.
AID | "There have been no signs showing Chadian troops deployed to Darfur taking part in combat," the agency said.
# A quarrel of words is no assault.
ASSAULT | Australia and Japan clashed over claims that Tokyo is arming the rebels.
ASSAULT | The meeting saw a clash between Australia and Japan over remarks by the Japanese envoy.
"""


test_event_read, test_supposed_or_spoken_act_not_done = line_tests(FOUND, NOT_FOUND, PUBLISHED)
