"""Goodwill sent, carried and thanked for (issue 13, stop 44, lane goodwill44). Greetings, good wishes, congratulations
and letters or messages said to be of them ([classes] greetings) that are sent, delivered, extended, passed on,
conveyed, relayed or transmitted to another are the sender's SUPPORT to the addressee, with no CONSULT for the
message (bench/data/news README "Statements"); a messenger who carries another's greetings ("passed on the greetings
of the president") carries the owner's SUPPORT; goodwill received "from" someone is that one's SUPPORT to the
receiver; greetings to one's own people are none; thanks for greetings say the one thanked sent them. Condolences
stay no event; a plain letter or message sent is SUPPORT too since stop 45 (tests/test_events_letters45.py, the
stop-44 ruling). Readiness told to a partner is offered to it: what one's own side will do, said in a that-clause to
someone told or assured ("told Baku that Ankara was committed to closer ties"), or by a speaker who met someone ("met
Ramaphosa and said India was willing to expand trade"), is AGREE to whom it is told or met; "X is committed to" is
said of X, as "X is willing to" is. Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# Goodwill sent to a named addressee: the sender's SUPPORT.
SUPPORT BRA>FRA | Brazil's president sent a congratulatory message to France's president on his re-election.
SUPPORT KEN>UGA | Kenya sent a message of solidarity to Uganda after the floods.
SUPPORT IND>ZAF | India's prime minister sent a letter of thanks to South Africa's president.
SUPPORT TUR>AZE | Turkey sent its greetings to Azerbaijan on its independence day.
SUPPORT CHL>PER | Chile's foreign minister delivered a message of congratulations to Peru's new president.
SUPPORT MAR>TUN | Morocco's king extended warm wishes to Tunisia's president on the holiday.
# A plain letter or message sent is SUPPORT as well (stop-44 ruling, implemented at stop 45).
SUPPORT BRA>ARG | Brazil's president sent a letter to Argentina's president.
SUPPORT KEN>UGA | Kenya delivered a message to Uganda about the border dispute.
# Carried by a messenger: the owner's goodwill, to whom the phrase names.
SUPPORT TUR>AZE | Turkey's foreign minister passed on the greetings of Turkey's president to Azerbaijan's president.
SUPPORT TUR>AZE | He also conveyed personal greetings from the Turkish president to Azerbaijan's president.
SUPPORT IND>ZAF | The Indian envoy passed on to South Africa's president the good wishes of India's prime minister.
SUPPORT EGY>JOR | The Egyptian envoy relayed his president's best wishes to Jordan's king.
# The owner's `from` phrase hung on the verb, in a clause the parser joined to another's.
SUPPORT EGY>JOR | Egypt's envoy thanked Jordan's king for receiving him and passed on good wishes from Cairo.
# Support conveyed is support (the noun's own entry), no aid.
SUPPORT CHL>PER | Chile's president phoned Peru's president to convey Chile's support and solidarity.
# Received from someone: the sender's SUPPORT to the receiver.
SUPPORT IND>ZAF | South Africa's president received a congratulatory message from India's prime minister.
SUPPORT UGA>KEN | Kenya's president received the greetings of Uganda's president.
# Thanked for goodwill: the one thanked sent it, and the thanks are support too.
SUPPORT AZE>TUR | Turkey's president thanked Azerbaijan's president for a congratulatory message on the national day.
SUPPORT TUR>AZE | Turkey's president thanked Azerbaijan's president for a congratulatory message on the national day.
SUPPORT ARG>BRA | Brazil's president thanked Argentina's president for his warm greetings.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# Condolences are no event (CAMEO 018).
SUPPORT | The Turkish president sent a telegram of condolence to Azerbaijan.
# Whom the envoy thanked sent no greetings: the greetings are from his own president.
SUPPORT by JOR | Egypt's envoy thanked Jordan's king for receiving him and passed on good wishes from Cairo.
AID | Chile's president phoned Peru's president to convey Chile's support and solidarity.
# A leader's greetings to his own people, workers or troops support no other actor.
SUPPORT | Kenya's president sent New Year greetings to the Kenyan people.
SUPPORT | Kenya's president conveyed his warm greetings to the workers of the new factory.
# Welcoming a move stays the welcomer's own support, not the mover's.
SUPPORT by PER | Chile welcomed the decision by Peru to reopen the border.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)

# Readiness told or offered to a partner, and commitment said of the one committed.
OFFERED = """
AGREE TUR>AZE | Turkey's president told Azerbaijan's president that Ankara would deepen cooperation.
AGREE TUR>AZE | Turkey's president assured Azerbaijan's president that Ankara stood ready to help.
AGREE CHL>PER | Chile's foreign minister told Peru's that Santiago was committed to closer ties with Lima.
AGREE IND>ZAF | India's prime minister met South Africa's president and said he was willing to deepen cooperation.
AGREE KEN>UGA | The Kenyan president visited Uganda and said Kenya was willing to expand trade.
AGREE TUR>AZE | Turkey is committed to stronger ties with Azerbaijan.
"""

# What a third state will do is not offered to whom it is told; reporters are no partner; words quoted
# before the verb of telling are what is said, no offer.
NOT_OFFERED = """
AGREE | Turkey's president told Azerbaijan's president that Russia would expand trade.
AGREE | Chile's president told reporters that Santiago was ready to deepen cooperation.
AGREE | The two governments were committed to the ceasefire.
AID by CHL | "Some neighbours have sent warships close to our coast," Chile's foreign minister told the OAS chief.
"""

test_offered, test_not_offered = line_tests(OFFERED, NOT_OFFERED, PUBLISHED)
