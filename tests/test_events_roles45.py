"""The doer of a judged act named in a "by" phrase the parser hangs elsewhere (issue 13, stop 45, lane
roles45). Condemning, welcoming, rejecting or protesting an act ("the launch of missiles by X", "the
release of prisoners by X") is aimed at whoever did it; the parser hangs that "by" phrase on the noun of
the act's own object phrase ("strikes on the ports by X") or on the active verb that judges the act
("protested the launch of missiles | by X"). A passive verb's "by" phrase stays its own agent. Every
sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 6, 2)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# The "by" phrase hung on the noun of the act's object phrase.
DISAPPROVE TUR>ISR | Ankara condemned the strikes on Syria's ports by Israel.
DISAPPROVE NOR>SRB | Norway denounced the detention of two reporters by Serbia.
SUPPORT MEX>VEN | Mexico welcomed the release of prisoners by Venezuela.
SUPPORT KEN>ETH | Kenya praised the opening of a new corridor by Ethiopia.
# The "by" phrase hung on the active verb that judges the act.
DISAPPROVE KOR>PRK | Seoul protested the launch of missiles by North Korea.
DISAPPROVE GBR>GEO | Britain criticised the crackdown on protesters by Georgian police.
# A passive verb's "by" phrase is its own agent (the judge), not the doer of the act judged.
DISAPPROVE JPN>None | The launch of the rocket was condemned by Japan.
# A "by" phrase of a place names no doer.
DISAPPROVE FRA>None | Paris condemned the closure of the road by the river.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# The judge's own state is no doer of what it judges.
SUPPORT by VEN | Mexico welcomed the release of prisoners by Venezuela.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
