"""False events of real news (issue 13, stop 38, lane precision38): support thanked or praised for a
war is military aid to the one who thanks (news README "Support for a war"), not a second SUPPORT;
troops or arms sent with no destination named go where the text says the sender's went, also when it
says so only later or as promised aid; troops already sent who "will help" or are "getting ready to
help" give aid under way (AID), not a promise (news README "Promised and planned aid and
cooperation"); and parts of a land seized are a military capture (ASSAULT), as a town seized is.
Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
AID/military BLR>RUS | Putin thanked Belarus for its support for the military operation.
AID/military BLR>RUS | The Kremlin praised Minsk for its steadfast support of the special military operation.
AID/military BLR>RUS | Moscow said it deeply appreciated Minsk's support for the war.
SUPPORT RUS>BLR | Putin thanked Belarus for its support for the military operation.
# Near-misses: support thanked with no war named stays support given back.
SUPPORT BLR>RUS | Putin thanked Minsk for its support.
SUPPORT BLR>RUS | Putin said he valued Belarus's support for the peace plan.
# A sending told before the text says where the sender's troops went.
AID/military BLR>RUS | Belarus dispatched 3,000 troops in May. Minsk has sent soldiers to Russia to help its war.
AID/military BLR>RUS | Minsk is to send more troops to help Russia. Minsk had dispatched 2,000 troops in May.
# Near-miss: troops sent to a border named in the sentence stay a show of force.
MOBILIZE BLR>POL | Belarus deployed troops along its border with Poland on Monday.
# Troops already there who will help an ally.
AID BLR>RUS | Belarusian soldiers in Russia are getting ready to help the Kremlin fight Ukrainian forces.
# Near-misses: a state getting ready to help, and soldiers still to be sent, promise aid (AGREE).
AGREE BLR>RUS | Minsk is getting ready to help Moscow with more shells.
AGREE BLR>RUS | Belarus will send 2,000 more soldiers to Russia next month.
# Parts of a land seized.
ASSAULT RUS>UKR | Kyiv hoped to trade land for peace with Russia, which has seized parts of eastern Ukraine since 2022.
# Near-miss: a ship seized is confiscated.
COERCE/confiscate IRN>GBR | Iran seized a British tanker in the Gulf.
"""

# Look-alikes: a line "TYPE[ by ACTOR] | sentence" says the sentence gives no such event.
NOT_FOUND = """
SUPPORT by BLR | Putin thanked Belarus for its support for the military operation.
SUPPORT by BLR | The Kremlin praised Minsk for its steadfast support of the special military operation.
MOBILIZE | Belarus dispatched 3,000 troops in May. Minsk has sent soldiers to Russia to help its war.
MOBILIZE | Minsk is to send more troops to help Russia. Minsk had dispatched 2,000 troops in May.
AGREE | Belarusian soldiers in Russia are getting ready to help the Kremlin fight Ukrainian forces.
COERCE | Kyiv hoped to trade land for peace with Russia, which has seized parts of eastern Ukraine since 2022.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
