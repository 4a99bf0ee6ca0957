"""Events the rules missed in real news (issue 13, stop 49, lane recall49).

- Two names that own a joint act ("Russia and China's partnership", "Laos and Vietnam's cooperation") are
  both its parties: the parser hangs the act's noun on the first name as its conjunct and gives the noun
  the second name alone as possessor, so the act had one party and no event.
- A verdict on a joint act that names its parties in a "between" phrase ("said the oil swap between Iran
  and Venezuela was illegal", "the grain trade between Laos and Vietnam was unlawful")
  judges both parties, as "said Pyongyang's arms sales were illegal" judges the seller; one on an act an
  object relative clause tells ("said the support Pyongyang gives Moscow is a threat") judges the clause's
  subject.

Every sentence here was written for this file in the style of news (rules alone)."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

FOUND = """
# Two owners of one joint act, the first parsed as the head of a coordination.
COOPERATE RUS>CHN | Russia and China's partnership has grown stronger since 2022.
COOPERATE CHN>RUS | Russia and China's partnership has grown stronger since 2022.
COOPERATE VNM>LAO | Laos and Vietnam's cooperation on power lines has deepened.
COOPERATE RUS>PRK | Seoul condemned Russia and North Korea's military cooperation.
DISAPPROVE KOR>RUS | Seoul condemned Russia and North Korea's military cooperation.
# A verdict on a joint act judges the parties its "between" phrase names.
DISAPPROVE UKR>VEN | Kyiv said the oil swap between Iran and Venezuela was illegal.
DISAPPROVE UKR>IRN | Kyiv said the oil swap between Iran and Venezuela was illegal.
DISAPPROVE THA>LAO | Bangkok said the barter of timber between Laos and Vietnam was unlawful.
# A verdict on an act an object relative clause tells judges the clause's subject.
DISAPPROVE DEU>PRK | Berlin said the support Pyongyang gives Moscow is a direct threat to European security.
"""

NOT_FOUND = """
# A joint act that is a topic of a copula stays one ("... is nothing unusual").
COOPERATE | Russia and China's partnership is nothing new, the analyst said.
# Words of praise are no verdict; a meeting judged useful condemns no one.
DISAPPROVE | Seoul said the talks between Moscow and Pyongyang were useful.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
