"""The right event, the wrong type (issue 13, stop 40, lane confusions40). A person's attacks with no
weapon named are words, DISAPPROVE to whom they are aimed at ("Macron's attacks on Italy", "renewed
her attacks on Chile"), as a "scathing attack" already was; a state's attack or an armed one stays an
assault. Destroying, wrecking or ruining relations, ties or peace is a verdict on an act, not violence
(as "damaged relations" already was); destroying a bridge or a radar stays an assault. Every sentence
here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
DISAPPROVE FRA>ITA | Macron's attacks on Italy came a day after Rome tightened its border rules.
DISAPPROVE PER>CHL | After the vote, Peru's envoy Ana Torres renewed her attacks on Chile and Bolivia.
DISAPPROVE PER>BOL | After the vote, Peru's envoy Ana Torres renewed her attacks on Chile and Bolivia.
DISAPPROVE FRA>ITA | Macron's scathing attacks on Italy drew a sharp reply from Rome.
DISAPPROVE PER>CHL | Peru's foreign minister accused Chile of wrecking ties with Bolivia.
# Near-misses: a state's attack, an armed one, and destroying a thing stay assaults.
ASSAULT RUS>UKR | Russia's attack on Ukraine killed 12 people, officials said.
ASSAULT FRA>MLI | Macron's drone attacks on Mali killed 12 people.
ASSAULT/destroy CHL>PER | Chilean jets destroyed a Peruvian radar station on Monday.
ASSAULT/destroy RUS>UKR | Russian forces destroyed a Ukrainian bridge near the border.
"""

NOT_FOUND = """
ASSAULT | Macron's attacks on Italy came a day after Rome tightened its border rules.
ASSAULT | After the vote, Peru's envoy Ana Torres renewed her attacks on Chile and Bolivia.
ASSAULT | Peru's foreign minister accused Chile of wrecking ties with Bolivia.
ASSAULT | Brazil's president accused Argentina of destroying peace in the region.
ASSAULT | Critics say the new tariffs could ruin relations between Chile and Peru.
"""


test_event_read, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
