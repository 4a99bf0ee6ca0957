"""Two readings the stop-48 retrained model exposed (issue 13, stop 48, lead's merge).

- The doer of an infinitive judged in an extraposed "it was <adjective> of X to …" is X ("it was shameful of
  Belarus to help Russia": Belarus helps), as the judgement is of X.
- A place fought over is no one helped: "joined the fighting for Pokrovsk" is a battle over the town, not aid to
  Ukraine, whether the rules or the learned model read the act (war_acts reads "fighting for" the same way).

Every sentence here was written for this file in the style of news (checked as shipped, with the learned model;
the rules alone read them the same)."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

FOUND = """
AID BLR>RUS | The envoy condemned the arms sales, saying it was shameful of Belarus to help Russia.
AID LAO>VNM | The minister said it was generous of Laos to supply Vietnam with rice after the floods.
"""

NOT_FOUND = """
# A battle for a town is over it.
AID by PRK | North Korean units joined the fighting for Pokrovsk, Ukrainian officials said.
AID by PRK | The North Korean battalion took part in the battle for Kupiansk, Kyiv said.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
