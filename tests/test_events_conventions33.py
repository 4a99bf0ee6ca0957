"""The coding rulings of stop 33 (bench/data/news/README, the conventions settled by the majority of the
existing coding), events side: a pact signed with a named partner is AGREE/pact each way, as when both
sign; a named pair's collaboration or partnership as a nominal is COOPERATE each way, as cooperation is
(not a pact's name, a pledge to deepen it, nor a hypothetical or denied one); a conditional promise of help
is AGREE to the helped party and a response aimed at the condition's doer THREATEN to it, never the act
inside the "if" clause; four or more parties give no pairwise AGREE or COOPERATE (a hub keeps its
partners). Every sentence was written for this file; each shape has near-misses that must not change."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.event_lines import event_triples, line_tests

PUBLISHED = date(2025, 6, 2)


# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# Signing with a named partner: each way.
AGREE/pact FIN>EST | Finland signed a border treaty with Estonia on Tuesday.
AGREE/pact EST>FIN | Finland signed a border treaty with Estonia on Tuesday.
AGREE/pact LAO>VNM | Vietnam signed a trade agreement with Laos last week.
AGREE/pact URY>ARG | Argentina plans to sign a defense pact with Uruguay next month.
AGREE/pact ETH>KEN | Kenya's signing of a security agreement with Ethiopia drew criticism.
AGREE/pact KEN>ETH | Kenya's signing of a security agreement with Ethiopia drew criticism.
# ... and both signing stays each way.
AGREE/pact ETH>KEN | Kenya and Ethiopia signed a security agreement.
# A hub that signs with three partners: each way with each of them.
AGREE/pact PER>CHL | Chile signed a pact with Peru, Bolivia and Ecuador.
AGREE/pact CHL>ECU | Chile signed a pact with Peru, Bolivia and Ecuador.
# A named pair's collaboration or partnership: cooperation each way.
COOPERATE RUS>PRK | Seoul is alarmed by the military collaboration between Russia and North Korea.
COOPERATE PRK>RUS | Seoul is alarmed by the military collaboration between Russia and North Korea.
COOPERATE CHN>RUS | The Putin-Xi partnership has deepened since 2022.
COOPERATE RUS>CHN | The Russia-China partnership has deepened since 2022.
COOPERATE VNM>LAO | The growing partnership between Hanoi and Vientiane worries analysts.
COOPERATE LAO>VNM | The growing partnership between Hanoi and Vientiane worries analysts.
# A definite named pair's partnership is one that is, whatever the clause's modal.
COOPERATE VNM>LAO | Analysts say the Hanoi-Vientiane partnership may push Bangkok closer to Beijing.
COOPERATE PER>ECU | The growing cooperation between Lima and Quito could reshape the region.
# A pledge to deepen it is the promise.
AGREE VNM>LAO | Hanoi and Vientiane pledged to deepen their partnership.
# A hub's drills and meetings stay pairwise to the hub.
COOPERATE CHL>BOL | Chile held drills with Peru, Bolivia and Ecuador.
COOPERATE ECU>CHL | Chile held drills with Peru, Bolivia and Ecuador.
CONSULT CHL>PER | Chile's president met the leaders of Peru, Bolivia and Ecuador.
# A conditional promise of help is a promise to the helped party; a response aimed at the condition's
# doer is a threat to it.
AGREE ROU>MDA | If Moldova asks, Romania will send firefighters to help it.
AGREE ROU>MDA | Romania will help Moldova if asked, the minister said.
THREATEN CHN>JPN | If Tokyo deploys missiles, Beijing will recall its ambassador.
THREATEN BOL>CHL | If Chile closes the border, Bolivia will recall its ambassador, La Paz said.
THREATEN PRK>KOR | If Seoul provokes us, we will respond with force, Pyongyang said.
# Help to another in answer to the condition's doer is a threat to that doer.
THREATEN JPN>VNM | "If Hanoi sends warships there, we will support Manila step by step," the Japanese minister said.
THREATEN ROU>RUS | If Russia attacks Moldova, Romania will help Moldova.
# What "if there is anything we can do" offers is the promise.
AGREE CHL>PER | "If there is anything we can do to help Peru, we will do it," the Chilean minister said.
# Help given stays help.
AID ROU>MDA | Romania sent firefighters to help Moldova.
# Three parties are still each way.
AGREE/pact BOL>PER | Chile, Peru and Bolivia signed an agreement in Lima.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# A pact's name, a hypothetical or denied partnership, and people who are no actors: no cooperation.
COOPERATE | The strategic partnership treaty between Russia and Iran took effect.
COOPERATE | A partnership between Tehran and Caracas could emerge.
COOPERATE | There is no partnership between Tehran and Caracas.
COOPERATE | Analysts warned of a possible collaboration between Tehran and Caracas.
COOPERATE | Officials praised the collaboration among scientists on the vaccine.
COOPERATE | Cooperation between Tehran and Caracas may grow.
COOPERATE | The partnership between Tehran and Caracas might never happen.
# A pledge to deepen a partnership is no cooperation of its own.
COOPERATE | Hanoi and Vientiane pledged to deepen their partnership.
# The promised act is not done; the act inside the "if" clause is not done; a pact's mutual-aid clause is
# no event; a response made or one without force is no threat.
AID | If Moldova asks, Romania will send firefighters to help it.
PROTEST | If Seoul provokes us, we will respond with force, Pyongyang said.
AID | The pact obliges each side to send troops if either is attacked.
AGREE | The pact obliges each side to send troops if either is attacked.
THREATEN | Pyongyang will respond to the letter next week.
THREATEN | Beijing recalled its ambassador after Tokyo deployed missiles.
THREATEN | Pyongyang responded with force to the provocation.
AGREE by JPN | "If Hanoi sends warships there, we will support Manila step by step," the Japanese minister said.
THREATEN | If Moldova asks, Romania will send firefighters to help it.
# An act an "if" clause supposes is not done, even when no event follows.
AID | Analysts said that if Lima extends assistance to Quito, it would complicate the talks.
# Signing alone, or signing a law, has no partner to reverse.
AGREE by EST | Finland signed the border treaty on Tuesday.
AGREE | The president signed the budget law on Friday.
"""

# Four or more parties together: no pair of them agrees or cooperates with each other.
GATHERED = [
    "The foreign ministers of Chile, Peru, Bolivia and Ecuador signed an agreement in Lima.",
    "Chile, Peru, Bolivia and Ecuador held joint naval drills off the coast.",
    "Chile, Peru, Bolivia and Ecuador signed a fisheries pact on Monday.",
]
_FOUR = {"CHL", "PER", "BOL", "ECU"}


test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)


def test_signing_with_gives_one_event_each_way(nlp: Language) -> None:
    triples = event_triples(nlp, "Vietnam signed a trade agreement with Laos last week.", PUBLISHED)
    assert sorted(triples) == [("AGREE", "LAO", "VNM"), ("AGREE", "VNM", "LAO")]


@pytest.mark.parametrize("text", GATHERED)
def test_no_pairwise_pact_among_four(nlp: Language, text: str) -> None:
    triples = event_triples(nlp, text, PUBLISHED)
    pairs = [t for t in triples if t[0] in ("AGREE", "COOPERATE") and t[1] in _FOUR and t[2] in _FOUR]
    assert not pairs, triples


def test_three_parties_sign_each_way(nlp: Language) -> None:
    triples = event_triples(nlp, "Chile, Peru and Bolivia signed a fisheries pact on Monday.", PUBLISHED)
    assert len({t for t in triples if t[0] == "AGREE" and t[2] is not None}) == 6, triples


def test_response_means_is_no_target(nlp: Language) -> None:
    text = "If Seoul provokes us, we will respond with force, Pyongyang said."
    assert event_triples(nlp, text, PUBLISHED) == [("THREATEN", "PRK", "KOR")]


def test_a_response_with_force_and_no_condition_keeps_no_target(nlp: Language) -> None:
    text = "Hanoi warned that it would respond to the naval drills with overwhelming force."
    assert ("THREATEN", "VNM", "VNM") not in event_triples(nlp, text, PUBLISHED)
