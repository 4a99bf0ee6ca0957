"""Criticism told in reported speech with no verb of criticism (issue 13, stop 46, lane recall46): a speaker's
verdict on another party's act. The verdict may name its judge only in an "according to" phrase; it may call the
act something "as" a pejorative the parser hangs on the act rather than on the verb ("described Lima's expulsion
of the envoy as ..."); it may tell the act with a breach as its adjunct ("shipped rifles in violation of the
embargo"), in a relative clause on the act ("Quito's arms sales, which breach the embargo"), or call it a threat
or danger ([classes] menaces). Each is DISAPPROVE from the judge to whoever did the act; the act itself stays an
event of its own. Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# The judge named in an "according to" phrase, before or after the verdict.
DISAPPROVE PER>BOL | According to the Peruvian foreign ministry, Bolivia's arms shipments to the rebels violate international law.
DISAPPROVE PER>BOL | Bolivia's arms shipments to the rebels violate international law, according to the Peruvian foreign ministry.
# "as" a pejorative hung on the object of a naming verb.
DISAPPROVE PER>BOL | Peru described Bolivia's expulsion of the envoy as a dangerous escalation.
DISAPPROVE KEN>UGA | Kenya described Uganda's closure of the border as an unjustified provocation.
# A breach told as the act's adjunct: whoever did the act.
DISAPPROVE PER>BOL | Peru said Bolivia shipped rifles to the rebels in violation of the arms embargo.
AID BOL>None | Peru said Bolivia shipped rifles to the rebels in violation of the arms embargo.
DISAPPROVE EGY>SDN | Egypt's foreign minister said Sudan had built the dam in flagrant breach of the 1959 treaty.
# A relative clause on the act says it breaks a rule.
DISAPPROVE CHL>IRN | "We strongly condemn Iran's sale of drones, which violates several UN resolutions," the Chilean foreign minister said.
# A threat or danger as the copula's predicate.
DISAPPROVE CHL>IRN | Chile said Iran's drone programme is a danger to the whole continent.
DISAPPROVE CHL>VEN | The Chilean foreign minister said the growing cooperation between Iran and Venezuela is a threat to regional security.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# A breach the narrator tells is no one's verdict.
DISAPPROVE | Bolivia shipped rifles to the rebels in violation of the arms embargo.
# Broken promises to one's own people are no breach of a rule ([classes] norms).
DISAPPROVE | Peru said Bolivia shipped rifles to the rebels in violation of its own promises to the farmers.
# A threat said to exist, or said to be real, judges no act.
DISAPPROVE | There is a threat of war, Chile said.
DISAPPROVE | Chile said the threat is real.
# A neutral description is no verdict, however the "as" is parsed.
DISAPPROVE | Peru described the envoy as a friend.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
