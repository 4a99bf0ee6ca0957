"""The other side of a rightly typed event (issue 13, stop 39, lane recipients39): the object a
parser hangs on a manner phrase ("condemned in the strongest terms the launch") or names by a "what"
clause ("condemned what they say are drone deliveries") is still what is condemned, so its doer is
the recipient; a criticism or concern voiced "after" another's act answers its doer; a harm verb
whose subject is an attack "on" a place or side is aimed at that place's state. Every sentence here
was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
DISAPPROVE CHL>BOL | Chile condemned in the strongest terms the deployment of Bolivian troops to Venezuela.
DISAPPROVE CHL>BOL | Chile condemns in the strongest terms Bolivia's missile launch.
DISAPPROVE CHL>BOL | Chile condemned in the strongest possible terms growing naval ties between La Paz and Iran.
DISAPPROVE CHL>IRN | Chile condemned in the strongest possible terms growing naval ties between La Paz and Iran.
DISAPPROVE PER>BOL | Chile and Peru have condemned what they say are significant Bolivian drone deliveries to Venezuela.
DISAPPROVE PER>BOL | Peru voiced concern after Bolivia tested a new missile.
DISAPPROVE PER>BOL | Peru protested after the Bolivian navy seized a fishing boat.
DISAPPROVE PER>BOL | Peru voiced concern after Bolivia's missile test.
DISAPPROVE PER>BOL | Peru lodged a protest following the seizure of a fishing boat by the Bolivian navy.
DISAPPROVE PER>None | Peru protested after talks in Bolivia.
ASSAULT ARM>AZE | Armenian missile strikes on Baku killed three civilians overnight.
ASSAULT ARM>AZE | Armenian drone attacks on Azerbaijani positions wounded four soldiers.
ASSAULT AZE>None | Azerbaijani shelling killed two civilians on Sunday.
# A relative clause's object is the noun its pronoun stands for: the region seized is the other side's.
ASSAULT AZE>ARM | Yerevan wants to win back the parts of Armenia that Azerbaijani troops captured last month.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# The manner phrase itself names no one.
DISAPPROVE by BOL | Chile condemned in the strongest terms the deployment of Bolivian troops to Venezuela.
"""


test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
