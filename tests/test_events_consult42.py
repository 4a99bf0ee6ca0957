"""Meetings at joint occasions and arrivals, in forms the rules missed at stop 42 (issue 13; bench/data/news/README
"Visits and meetings"): a handshake with someone named is a meeting with them, one way as "met" is, each way for a
pair that shook hands; a person or delegation that "reached" a foreign capital arrived there (CONSULT/visit to the
place's state, as "arrived in"); guests who "stood beside / on either side of" a host at an occasion in another
state visit that state, as those who attended it do. Near-misses: a head shaken, a quake that shook a city, troops or
tanks that reach a town, a deal reached (AGREE/pact as before), an arrival still to come (AGREE), a state that will
"stand alongside" another (no place, no visit), the host standing at home. Every sentence was written for this
file."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 6, 12)


# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# A handshake with a named leader at an occasion: a meeting with whom the hand was shaken.
CONSULT TUR>AZE | Turkish President Recep Tayyip Erdogan shook hands with Azerbaijani President Ilham Aliyev in Baku.
CONSULT FRA>VNM | Shaking hands with Vietnamese President Luong Cuong, Emmanuel Macron said trade would grow.
# A pair that shook hands meets each way.
CONSULT KEN>ETH | Kenyan President William Ruto and Ethiopian leader Abiy Ahmed walked up to each other and shook hands.
CONSULT ETH>KEN | Kenyan President William Ruto and Ethiopian leader Abiy Ahmed walked up to each other and shook hands.
# Reaching a foreign capital is an arrival there, with company or without.
CONSULT/visit FRA>VNM | French President Emmanuel Macron reached Hanoi on Sunday with his wife Brigitte.
CONSULT/visit IND>JPN | The Indian trade delegation reached Tokyo on Monday evening.
# Guests standing beside a host at an occasion abroad visit the place's state, the host at home no one.
CONSULT/visit VNM>FRA | Luong Cuong stood beside Emmanuel Macron at the Bastille Day parade in Paris.
CONSULT/visit IND>FRA | Narendra Modi and Luong Cuong stood on either side of Emmanuel Macron at the parade in Paris.
CONSULT/visit VNM>FRA | Narendra Modi and Luong Cuong stood on either side of Emmanuel Macron at the parade in Paris.
# A deal reached stays the agreement; an arrival to come is the intention.
AGREE/pact PER>CHL | Peru and Chile reached a fisheries deal on Friday.
AGREE BRA>VNM | Brazilian President Luiz Inacio Lula da Silva is due to reach Hanoi on Sunday.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# A head shaken, or a quake that shook a city: no meeting.
CONSULT | The Turkish president shook his head when asked about Azerbaijan's demands.
CONSULT | The earthquake shook the Peruvian capital on Friday, and Chile pledged to send rescuers.
# Troops or armour that reach a town are no visit; a deal reached is no visit either.
CONSULT | Turkish troops reached the Syrian town of Manbij on Friday.
CONSULT | Turkish tanks reached Manbij on Friday.
CONSULT | Peru and Chile reached a fisheries deal on Friday.
# Standing beside a state names no occasion abroad (a pledge, not a visit); standing at home visits no one.
CONSULT | Vietnam will always stand alongside Laos, its foreign minister said.
AGREE | Vietnam will always stand alongside Laos, its foreign minister said.
CONSULT by FRA | Luong Cuong stood beside Emmanuel Macron at the Bastille Day parade in Paris.
CONSULT | Emmanuel Macron stood at the lectern in Paris for an hour.
CONSULT | Hanoi intends to stand at Vientiane's side in the dispute, the Vietnamese minister said in Laos.
# An arrival still to come is no meeting yet.
CONSULT | Brazilian President Luiz Inacio Lula da Silva is due to reach Hanoi on Sunday.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
