"""Whom a reaction is aimed at (issue 13, lane censure40). A rejection or criticism of words it names only as
said before ("rejected that claim", "'Such remarks are unacceptable,' he said", "condemned his remarks") is
aimed at whoever was quoted saying them in its sentence or the one before, never at the critic; not when the
words' own phrase says whose they are, or the speaker is further back. Every sentence was written for this file
in the style of news; each link has texts where it must not fire."""

from __future__ import annotations

from datetime import date

from tests.event_lines import found_test

PUBLISHED = date(2025, 10, 3)


# "TYPE[/mode] ACTOR>RECIPIENT | text": the text gives that event.
FOUND = """
# Words said before, named again: their speaker.
REJECT CHL>BRA | Brazil's president said Argentina had closed the border crossing. Chile rejected that claim on Friday.
DISAPPROVE UGA>KEN | Kenya's president said Uganda had seized an island in the lake. Uganda condemned his remarks.
DISAPPROVE GHA>NGA | Nigeria's minister said Ghana sheltered the plotters. "Such remarks are irresponsible," Ghana said.
"""

UNAIMED = """
# The speaker too far back, the critic's own words, words whose phrase names their owner, plain "the": no one.
REJECT UGA>None | Kenya's president said Uganda seized an isle. Rain fell. Roads closed. Uganda rejected that claim.
REJECT CHL>None | "We reject such accusations," Chile's foreign minister said on Friday.
REJECT BOL>None | Peru's president said the fence broke the treaty. Bolivia rejected the claim that it built it.
REJECT UGA>None | Kenya's president said Uganda had seized an island in the lake. Uganda dismissed the allegations.
"""

test_event_found = found_test(FOUND + UNAIMED, PUBLISHED)
