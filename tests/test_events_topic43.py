"""A named pair's cooperation or ties as what talk is about is a topic, not an act (issue 13, stop 43; news
README ruling of 2026-12-07): "hysteria over", "statements on", "remarks about" the ties between A and B. Near-
misses: a pair's cooperation told in its own clause, or as what a government is concerned about while it grows,
stays cooperation. Every sentence was written for this file."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 9, 3)


# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# A pair's cooperation stated, or felt about while it grows, is cooperation.
COOPERATE IRN>VEN | Iran and Venezuela expanded their military cooperation last year.
COOPERATE SRB>HUN | Croatia is concerned about the deepening military ties between Serbia and Hungary.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# What talk is about is a topic.
COOPERATE | Caracas mocked the hysteria over cooperation between Iran and Venezuela.
COOPERATE | Belgrade dismissed the statements on cooperation between Serbia and Hungary as slander.
COOPERATE | The minister rejected the remarks about the ties between Cuba and Nicaragua.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
