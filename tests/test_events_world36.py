"""Diplomatic reprisals in world wire news (issue 13, stop 36, lane world36): an order
that makes a state's envoys leave expels them, and an envoy sent or brought home is expelled or
recalled (SANCTION, CAMEO 166), while an order to a state or to an envoy to do something else stays a
demand; asset freezes and travel bans imposed are sanctions; summoning a high commissioner or a chargé
d'affaires is summoning an envoy (DISAPPROVE); expelling a state's officials or agents is an expulsion;
speaking to reporters is no meeting; and not recognising a government or a court is REJECT. Every
sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
SANCTION/expel GHA>TGO | Ghana ordered three Togolese diplomats to leave the country within 48 hours.
SANCTION/expel GHA>TGO | Ghana ordered the Togolese ambassador to leave within a week.
SANCTION/expel SOM>ETH | Somalia sent Ethiopia's ambassador home on Thursday.
SANCTION/withdraw GHA>TGO | Ghana brought its ambassador home from Togo on Friday.
SANCTION GHA>TGO | Ghana imposed asset freezes and travel bans on ten Togolese officials.
SANCTION GHA>TGO | Ghana imposed a freeze on the assets of Togo's central bank.
DISAPPROVE GHA>TGO | Ghana summoned Togo's high commissioner in Accra on Tuesday over the remarks.
DISAPPROVE GHA>TGO | Ghana summoned Kofi Addo, Togo's acting high commissioner, over the border incident.
DISAPPROVE GHA>TGO | Ghana summoned Togo's charge d'affaires on Monday.
SANCTION/expel TGO>GHA | Togo expelled 12 Ghanaian officials on Monday.
REJECT TGO>GHA | Togo said it did not recognize the outcome of the Ghanaian election.
REJECT GHA>None | Ghana does not recognise the court's jurisdiction over the dispute.
# Near-misses: migrants expelled are deported, agents expelled stay an expulsion; a call or talk with
# a named leader stays CONSULT; recognising stays SUPPORT.
COERCE/deport GHA>TGO | Ghana expelled hundreds of Togolese migrants last year.
SANCTION/expel GHA>TGO | Ghana is expelling five Togolese agents, the foreign minister said.
CONSULT/phone GHA>TGO | Ghana's foreign minister spoke to Togo's president by phone on Friday.
CONSULT GHA>TGO | Ghana's foreign minister talked to Togo's president in Lome.
SUPPORT GHA>TGO | Ghana recognised the new government in Lome on Friday.
# Near-misses: orders to a state or of another act stay what they were; a delegation sent is a visit.
DEMAND GHA>TGO | Ghana ordered Togo to cut diplomatic ties with Benin.
DEMAND GHA>TGO | Ghana ordered Togo's ambassador to explain the remarks.
COERCE/arrest GHA>TGO | Ghana ordered the arrest of two Togolese nationals.
CONSULT/visit GHA>TGO | Ghana sent a delegation to Togo for talks.
SANCTION/withdraw GHA>TGO | Ghana is recalling its ambassador to Togo for consultations.
DISAPPROVE GHA>TGO | Ghana summoned Togo's ambassador on Monday.
# Near-misses: rockets and live rounds fired stay assaults.
ASSAULT/heavy-weapons TGO>GHA | Togolese troops fired rockets at a Ghanaian border post on Sunday.
ASSAULT GHA>GHA | Police in Accra fired live rounds at the protesters, killing two.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
DEMAND | Ghana ordered three Togolese diplomats to leave the country within 48 hours.
CONSULT | Somalia sent Ethiopia's ambassador home on Thursday.
COERCE | Togo expelled 12 Ghanaian officials on Monday.
CONSULT | Speaking to reporters in Lome on Friday, Ghana's foreign minister said the talks had failed.
CONSULT | Ghana's foreign minister talked to reporters in Lome after the meeting.
SUPPORT | Togo said it did not recognize the outcome of the Ghanaian election.
# Near-misses: an envoy who leaves, or an order to an envoy to do something else, expels no one.
SANCTION | The Togolese ambassador left Ghana on Friday.
SANCTION | Ghana ordered Togo's ambassador to explain the remarks.
SANCTION | Ghana ordered Togo to cut diplomatic ties with Benin.
"""


test_event_read, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
