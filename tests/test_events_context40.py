"""The other party named in an earlier sentence (issue 13, lane context40). An act a verb names again ("ratified
the treaty", "condemned the attack, which hurt two men", "welcomed the pact") is aimed at the doers its
nearest earlier mention names ("a border treaty" signed by two states, "a drone attack by Azerbaijani forces");
none when that mention names more than two, or no mention within reach names any. An agreement, support, appeal or
meeting with no one beside its actor, within two sentences of one that told the actor acting with exactly one
other, is with that other; not when that sentence named several others, or did not name the actor acting.
Every sentence was written for this file in the style of news; each link has texts where it must not fire."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 10, 3)


# "TYPE[/mode] ACTOR>RECIPIENT | text": the text gives that event.
FOUND = """
# An act named again with "the": the doers its earlier mention names.
DISAPPROVE IRN>AZE | A drone attack by Azerbaijani forces hit a farm. Iran condemned the attack, which hurt two men.
REJECT KHM>VNM | Hanoi and Vientiane signed a border treaty in March. Cambodia rejected the treaty on Friday.
REJECT KHM>LAO | Hanoi and Vientiane signed a border treaty in March. Cambodia rejected the treaty on Friday.
SUPPORT BFA>GHA | Ghana and Togo signed a security pact in Accra. Burkina Faso welcomed the pact.
SUPPORT BFA>TGO | Ghana and Togo signed a security pact in Accra. Burkina Faso welcomed the pact.
AGREE LAO>KHM | Cambodia and Laos signed a water accord. Thailand criticised the accord. Laos ratified the accord.
AGREE CHL>PER | Chile and Peru signed a fisheries accord in May. The Chilean senate ratified the accord on Tuesday.
# A cooperative act with no one beside its actor goes on with the one partner of the sentence before.
AGREE KEN>ETH | The ministers of Kenya and Ethiopia held talks in Nairobi. Kenya pledged to open a border post.
AGREE NGA>GHA | Nigeria and Ghana held talks in Abuja. The weather was hot. Nigeria promised to cut tariffs.
"""

# The same, aimed at no one ("None").
UNAIMED = """
# No earlier mention, or one that names no doer, or more than two: no recipient. The critic of an act is not
# its doer: a later mention does not read "condemned the deployment" as Colombia's deployment.
REJECT ECU>None | Peru, Chile and Bolivia signed a trade accord in May. Ecuador rejected the accord on Friday.
AGREE CHL>None | The Chilean senate ratified the treaty on Monday.
DISAPPROVE IRN>None | Iran condemned the attack, which hurt two men.
DISAPPROVE BRA>None | Colombia condemned the deployment of troops. Brazil criticised the deployment on Wednesday.
REJECT CHL>None | Peru condemned a missile test on Monday. Chile rejected the test as a threat.
SUPPORT LAO>None | Cambodia rejected the accord after Thai officials left. Laos welcomed the accord on Friday.
# Several partners before, a partner too far back, or the actor only judged before: no one.
AGREE NGA>None | Nigeria hosted leaders of Ghana, Togo and Benin in Abuja on Monday. Nigeria promised to lower tariffs.
AGREE NGA>None | Nigeria hosted Ghana's president. Rain fell. The roads were closed. Nigeria promised to lower tariffs.
AGREE PRK>None | Japan condemned North Korea's missile launch. North Korea pledged to continue its weapons programme.
"""

# "TYPE[ by ACTOR] | text": the text gives no event of that type by that actor.
NOT_FOUND = """
# Who ratifies a pact named again is its party, not the one who judged it.
AGREE by THA | Cambodia and Laos signed a water accord. Thailand criticised the accord. Laos ratified the accord.
"""

test_event_found, test_no_such_event = line_tests(FOUND + UNAIMED, NOT_FOUND, PUBLISHED)
