"""Apologies are CONCEDE (the PLOVER codebook: "expressions of regret or remorse ... should be coded as CONCEDE"; the
own gold's two apology rows are CONCEDE and no news row codes one otherwise), however the apology is put: an apology
offered or extended is no offer (AGREE). Regret over another's act stays a criticism. Every sentence was written for
this file."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
CONCEDE PER>CHL | Peru's president apologised to Chile for the border incident.
CONCEDE PER>CHL | Peru's president offered an apology to Chile for the border incident.
CONCEDE PER>CHL | Peru offered its apologies to Chile for the border incident.
CONCEDE PER>CHL | Peru issued an apology to Chile over the remarks.
AGREE PER>CHL | Peru offered Chile a loan.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
AGREE | Peru's president offered an apology to Chile for the border incident.
SUPPORT | Peru's president apologised to Chile for the border incident.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
