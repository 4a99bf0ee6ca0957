"""Criticism said of another's act (issue 13, lane disapprove41): an act said to "mark" a dangerous
escalation is judged as one said to be one; a state called a troublemaker is condemned by whoever calls
it so; alarm raised over an act is concern voiced over it. Every sentence was
written for this file in the style of news; each form has texts where it must not fire (a milestone
marked, a threat denied, alarm not raised, concern for someone's safety, praise)."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 6, 12)

FOUND = """
# "marks" a pejorative predicate, as "is" does.
DISAPPROVE POL>BLR | Poland said the Belarusian drills near the frontier mark a significant escalation.
DISAPPROVE CHL>BOL | Chile said the deployment of Bolivian troops marked a dangerous escalation.
# A state called a troublemaker.
DISAPPROVE ARG>URY | Argentina's president called Uruguay a "troublemaker" on Monday.
# Alarm raised over an act.
DISAPPROVE KEN>UGA | Kenya raised alarm over Uganda's troop movements near the border.
"""

NOT_FOUND = """
# A milestone or a new chapter marked: no judgement.
DISAPPROVE | Chile said the visit marks a new chapter in relations with Bolivia.
DISAPPROVE | Peru said the decision marks the end of a long dispute with Chile.
DISAPPROVE | Poland said the drills mark no escalation.
# A threat denied; funds raised; concern for one's own people; praise.
DISAPPROVE | Kenya said Uganda's drones pose no threat to its airspace.
DISAPPROVE | Chile said Peru was not a threat to anyone.
DISAPPROVE | Kenya raised funds for flood victims in Uganda.
DISAPPROVE | Greece said it was concerned for the safety of its sailors held in Libya.
DISAPPROVE | Greece praised Turkey's handling of the crisis as a model for the region.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
