"""Cooperative and yielding events as others code them (issue 13, PLOVER AGREE, SUPPORT, AID, CONSULT,
COOPERATE, CONCEDE, RETREAT): the type follows what is accepted, approved or defended, by the CAMEO
codes the CAMEO-to-PLOVER table maps. Every sentence here was written for this file in the style of
news; each rule has sentences where it must fire and look-alikes where it must not."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from tests.event_lines import Found, absent_test, found_events, found_test

PUBLISHED = date(2024, 11, 8)


def events(nlp: Language, text: str) -> set[Found]:
    return found_events(nlp, text, PUBLISHED)


# A line "TYPE[/mode] ACTOR>RECIPIENT | text" says the text gives that event.
FOUND = """
# Accepting or approving demands or a request yields to them (CAMEO 083 accede to demands: CONCEDE).
CONCEDE MNG>None | Mongolia's government has accepted the main demands of the striking miners.
CONCEDE PER>PER | Peru's interior minister approved a request from the regional governors for more police.
# Approving a plan is the intent to carry it out (AGREE); approving an act is that act.
AGREE WBG>None | The World Bank approved a plan to expand its lending to small farmers.
# A release at home is aimed at no state (bench/data/news README, stop 43).
RETREAT/release GEO>None | Georgia's president approved the release of twelve jailed opposition activists.
# Defending someone over accusations is verbal support (CAMEO 052).
SUPPORT HUN>CHN | Hungary's prime minister defended China over accusations of unfair trade practices.
# Approving a decision still endorses it.
SUPPORT FRA>None | The French president approved the decision of the regional council.
"""


test_coop_phrasings_give_their_event = found_test(FOUND, PUBLISHED)


# Look-alikes: a line "TYPE[ by ACTOR] | text" says the text gives no such event.
NOT_FOUND = """
# A proposal or an offer accepted is agreement, not a concession.
CONCEDE | Mongolia's government has accepted a proposal from the mining companies.
# Defending a town against attacks is no verbal support.
SUPPORT | Ukrainian forces defended the town against repeated attacks.
SUPPORT | Iran defended itself against the accusations of arming the rebels.
# An approved request or plan is no endorsement.
SUPPORT | Peru's interior minister approved a request from the regional governors for more police.
SUPPORT | The World Bank approved a plan to expand its lending to small farmers.
"""


test_coop_look_alikes_give_no_such_event = absent_test(NOT_FOUND, PUBLISHED)


# What a condition or an appeal names has not been done.
CONDITIONS = """
RETREAT | Brussels will not ease the sanctions it has placed on Minsk if Lukashenko does not free the jailed activists.
AID | Minsk said it would open the border to migrants unless Brussels provided more funding for the camps.
RETREAT | North Korea repeated its demand that Washington ease sanctions.
RETREAT | The statistics office released the figures of the census on Thursday.
AGREE by BLR | Brussels has said it will not ease the sanctions until Minsk undertakes to hold free elections.
"""


test_conditions_and_appeals_are_not_done = absent_test(CONDITIONS, PUBLISHED)


def test_a_condition_of_no_event_is_not_coded(nlp: Language) -> None:
    # Stop 33 ruling (own gold seed-32, every such antecedent in the news sets uncoded): an act an "if"
    # clause supposes is not done, also when no event follows.
    found = events(nlp, "Analysts say that if Russia extends aid to North Korea, it would complicate matters.")
    assert not any(k == "AID" for k, _, _, _ in found), found


MORE_FOUND = """
# Supplies handed over are aid, like supplies handed.
AID JPN>MNG | Japan handed over medicines and medical equipment to Mongolia's health ministry.
# Granting permission or citizenship yields a right (CAMEO 0833 accede to demands for rights).
CONCEDE KAZ>KAZ | Kazakhstan's president granted citizenship to two hundred stateless residents.
# Esteem voiced is support (CAMEO 051 praise or endorse).
SUPPORT KOR>USA | Seoul expressed its appreciation for Washington's help.
SUPPORT FJI>CHN | Fiji's foreign minister expressed deep appreciation for Beijing's help.
# A donor of aid or money gives it (the agentive noun, like "supplier").
AID/humanitarian JPN>UKR | Japan has become Ukraine's biggest humanitarian donor.
# A promise coordinated with a deed keeps its own tense.
RETREAT KOR>PRK | Seoul said it has released the North Korean fishermen and will provide them with food aid.
AGREE KOR>PRK | Seoul said it has released the North Korean fishermen and will provide them with food aid.
"""


test_more_coop_phrasings_give_their_event = found_test(MORE_FOUND, PUBLISHED)


MORE_NOT_FOUND = """
# What others are pressured to do, or are criticised for, is not done.
CONCEDE | The Ghanaian authorities are pressuring the nurses to call off the strike.
RETREAT | Chile's top prosecutor defended the police against claims that they release violent offenders.
# "Respect" with no verb of saying is no esteem voiced.
SUPPORT | The ministry said it acted in respect of the court ruling.
# What one must or should do is an obligation, not a deed nor a promise.
AGREE | The party leader said the Nepalese cabinet must restore order and deliver relief to the quake victims.
AID | The party leader said the Nepalese cabinet must restore order and deliver relief to the quake victims.
RETREAT by PRK | Seoul said Pyongyang should release the detained fishermen.
"""


test_more_coop_look_alikes_give_no_such_event = absent_test(MORE_NOT_FOUND, PUBLISHED)


def test_until_conditions_only_a_refusal(nlp: Language) -> None:
    # "until" after a deed is a time, not a condition: the withdrawal took place.
    found = events(nlp, "Russian troops shelled the town until Ukrainian forces withdrew from Bakhmut in March.")
    assert any(k == "RETREAT" and a == "UKR" for k, _, a, _ in found), found
