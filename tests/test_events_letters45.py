"""Letters and messages sent, delivered or passed on (stop-44 ruling, bench/data/news README): the sender's
SUPPORT to the addressee, whoever carries it, with no CONSULT for the envoy's delivery. A figure of speech
("sent a clear message"), a letter told again ("the letter") and one to no one else are none; what a letter
says, where the sentence codes it as another act of the sender, decides; a meeting told beside it stays
CONSULT. Every sentence was written for this file."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
SUPPORT PER>CHL | Peru's envoy delivered a message from President Boluarte to Chile's foreign minister.
SUPPORT PER>CHL | Peru's special envoy conveyed a message from the president to the Chilean leader.
SUPPORT GHA>TGO | President Mahama sent a message to the Togolese president on Monday.
SUPPORT KEN>UGA | The Kenyan president sent Uganda's leader a New Year message praising their friendship.
# What the letter says is the act.
DEMAND GHA>TGO | Ghana sent a letter to Togo urging talks on the border.
DISAPPROVE KEN>UGA | Kenya sent the UN Security Council a letter protesting Uganda's border raids.
# A meeting told beside the letter.
CONSULT KEN>UGA | Kenya's foreign minister met Uganda's president and handed him a letter from President Ruto.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
CONSULT | Peru's special envoy conveyed a message from the president to the Chilean leader.
SUPPORT | Ghana sent a letter to Togo urging talks on the border.
SUPPORT | Kenya sent the UN Security Council a letter protesting Uganda's border raids.
SUPPORT | The drills sent a clear message to Uganda.
SUPPORT | Ruto sent the letter to Museveni a day later.
SUPPORT | Ghana's president delivered a message to the nation on Monday.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
