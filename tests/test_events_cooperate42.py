"""Joint acts, trade and links as COOPERATE (issue 13, stop 42, lane cooperate42). A named pair's ties told as
growing by their verb ("as ties between A and B deepen") are cooperation each way, as "the deepening ties" are;
tightening ties with a partner is stepping them up; a named pair's trade is economic cooperation, and an import
or a purchase runs from the exporter to the importer, as an export does (the stop-43 rulings); resumed flights,
trains, tourism or exchanges are restarted cooperation; a jet that joins a patrol with no holder named makes no
show of force of its own. Near-misses: bare relations and ties, ties that sour, a joint statement, trade only
discussed, an arms trade, and flights or drills still to come (AGREE). Every sentence here was written for this
file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# Ties told as growing by their own verb, or tightened.
COOPERATE VNM>LAO | The minister flew to Hanoi as ties between Vietnam and Laos deepen.
COOPERATE LAO>VNM | The minister flew to Hanoi as ties between Vietnam and Laos deepen.
COOPERATE LAO>VNM | Ties between Vietnam and Laos have grown since 2019.
COOPERATE LAO>VNM | Laos has tightened its ties with Hanoi since 2019.
# A named pair's trade; an import from the exporter to the importer.
COOPERATE/economic PHL>VNM | Trade between Vietnam and the Philippines rose 12 percent last year.
COOPERATE/economic VNM>PHL | Trade between Vietnam and the Philippines rose 12 percent last year.
COOPERATE/economic VNM>LAO | Vietnam's trade with Laos doubled in 2024.
COOPERATE/economic VNM>PHL | The Philippines imported 3 million tonnes of rice from Vietnam last year.
COOPERATE/economic AUS>JPN | Japan purchased liquefied gas from Australia last year.
COOPERATE/economic VNM>PHL | Vietnam exported rice to the Philippines last year.
# Imported arms stay the seller's military aid.
AID/military FRA>IND | India imported rifles from France.
# Links and exchanges resumed.
COOPERATE VNM>LAO | Vietnam and Laos resumed passenger trains last month.
COOPERATE LAO>VNM | Vietnam and Laos resumed passenger trains last month.
COOPERATE VNM>LAO | Vietnam resumed direct flights to Laos in May after a four-year pause.
COOPERATE VNM>LAO | Vietnam resumed tourism with Laos.
COOPERATE VNM>LAO | Vietnam resumed exchanges with Laos.
# Joint drills and patrols done; a patrol joined with its holder named.
COOPERATE IND>FRA | India and France flew a joint air patrol over the Arabian Sea on Tuesday.
COOPERATE FRA>IND | India and France staged joint naval drills off Goa.
COOPERATE FRA>IND | French jets joined the patrol that India was holding over the Arabian Sea.
# Still to come: a promise (AGREE), not the act.
AGREE VNM>LAO | Vietnam will resume flights to Laos in May.
AGREE FRA>IND | India and France will hold joint drills next month.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# Bare relations or ties, and ties that sour, are a topic, no cooperation.
COOPERATE | Relations between Vietnam and Laos are close, the minister said.
COOPERATE | The ties between Vietnam and Laos were discussed.
COOPERATE | Ties between Vietnam and Laos have soured.
# A joint statement is no joint act; trade only discussed is talk, not trade.
COOPERATE | Vietnam and Laos issued a joint statement after the talks.
COOPERATE | The two ministers discussed trade with Laos.
# An import with no source named is a quota, no trade.
COOPERATE | Under the quota, Laos may import no more than 40,000 tonnes a year.
# An arms trade is told by its supplies (AID), not as trade.
COOPERATE | The ministers condemned an illegal arms trade between Laos and Vietnam.
# Flights or drills to come are no cooperation yet.
COOPERATE | Vietnam will resume flights to Laos in May.
COOPERATE | India and France will hold joint drills next month.
# A jet joining a patrol with no holder named shows no force of its own.
MOBILIZE | Two French Rafale jets joined the patrol, escorting the Indian ships.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
