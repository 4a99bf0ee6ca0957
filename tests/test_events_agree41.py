"""Commitments, readiness and agreements of a pair are AGREE (issue 13, stop 41, lane agree41). Readiness
or commitment to step up ties with a named partner is AGREE, whichever word steps them up ("strengthen
strategic communication", "step up exchanges", "develop relations") and also after "committed to" with
a gerund; "unwilling / reluctant to" is the offer refused (REJECT); "the two leaders / both sides agreed"
with no state of its own agree each way between the pair the sentence's meeting or names give. Every
sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# Readiness to step up ties, whatever the ties are called.
AGREE JPN>VNM | Japan is willing to strengthen strategic communication with Vietnam.
AGREE JPN>VNM | Tokyo stands ready to deepen dialogue with Hanoi, Kishida said.
AGREE JPN>VNM | Japan is ready to strengthen communication and cooperation with Vietnam.
AGREE JPN>VNM | Japan is willing to step up high-level exchanges with Vietnam.
AGREE JPN>VNM | Kishida said Japan was willing to develop relations with Vietnam in every field.
AGREE JPN>VNM | Japan said it would expand contacts with Vietnam.
# Commitment with a gerund after "to": passive, active and the noun.
AGREE JPN>VNM | Japan was committed to developing relations with Vietnam, the minister said.
AGREE JPN>VNM | Japan has committed to expanding exchanges with Vietnam.
AGREE JPN>VNM | Japan reaffirmed its commitment to deepening ties with Vietnam.
# Stepping up ties that took place is cooperation, not a promise.
COOPERATE JPN>VNM | Japan strengthened strategic communication with Vietnam last year.
# Unwillingness is the offer refused.
REJECT JPN>VNM | Japan is unwilling to strengthen ties with Vietnam.
REJECT JPN>VNM | Japan is reluctant to expand exchanges with Vietnam.
# "The two leaders / both sides agreed": between the pair of the sentence's meeting, each way.
AGREE JPN>AUS | Kishida held talks with Albanese in Canberra, at which the two leaders agreed to expand trade.
AGREE AUS>JPN | Kishida held talks with Albanese in Canberra, at which the two leaders agreed to expand trade.
AGREE AUS>JPN | Kishida held talks with Albanese on Monday, and both sides agreed to resume direct flights.
# ... or the two states it names.
AGREE VNM>LAO | Ties between Hanoi and Vientiane have grown since the two countries signed a defence pact in 2019.
AGREE LAO>VNM | Ties between Hanoi and Vientiane have grown since the two countries signed a defence pact in 2019.
# Planned meetings stay AGREE, a meeting that took place CONSULT.
AGREE JPN>AUS | Kishida will meet Albanese in Canberra next week.
CONSULT JPN>AUS | Kishida met Albanese in Canberra on Monday.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# A refusal is no promise.
AGREE | Japan is unwilling to strengthen ties with Vietnam.
AGREE | Japan is not willing to strengthen ties with Vietnam.
# Opposed to doing it: no act of the one opposed.
AID | Japan was opposed to sending troops to Vietnam.
# A pair named only in an earlier sentence: not coded (as the news coders code it).
AGREE | Kishida met Albanese in Canberra. The two leaders agreed to expand trade.
# Three leaders are no pair; a failed agreement is none.
AGREE | Kishida met Albanese and Luxon in Canberra, where the three leaders agreed to expand trade.
AGREE | Kishida met Albanese in Canberra, but the two leaders failed to agree on beef tariffs.
# A meeting that took place is no promise. (A maybe-meeting, "could meet Albanese during his stay", is a hedged
# AGREE since the stop-42 "Speculated visits" ruling: tests/test_events_precision47.py.)
AGREE | Kishida met Albanese in Canberra on Monday.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
