"""Conflict events as news writes them (issue 13): condemnation by a reported verdict or a voiced worry,
fighting at an ally's side, aid whose purpose is someone else's war, the war as background, troops
sent where the article said they went. Every sentence here was written for this file as a paraphrase
of news phrasing; each rule has sentences where it must fire and look-alikes where it must not."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from tests.event_lines import Found, absent_test, found_events, found_test

PUBLISHED = date(2024, 11, 8)


def events(nlp: Language, text: str) -> set[Found]:
    return found_events(nlp, text, PUBLISHED)


# A line "TYPE[/mode] ACTOR>RECIPIENT | text" says the text gives that event.
FOUND = """
# A reported verdict that an act breaks a rule condemns whoever did it (the speaker's DISAPPROVE).
DISAPPROVE JPN>PRK | Tokyo said North Korea's arms transfers to Russia violated UN Security Council resolutions.
DISAPPROVE KOR>RUS | Seoul said Moscow's purchase of the shells breached the arms embargo.
# Worries voiced about what another state may do are disapproval of that state.
DISAPPROVE KOR>RUS | Seoul and Washington have voiced worries that Russia could hand North Korea missile technology.
DISAPPROVE USA>RUS | Seoul and Washington have voiced worries that Russia could hand North Korea missile technology.
DISAPPROVE JPN>RUS | Japan said it was deeply concerned that Russia intends to use the soldiers in combat.
DISAPPROVE PRK>USA | Pyongyang called Washington's drills an incredible mistake.
# Fighting at a state's side is military aid to it, however the side is named.
AID/military PRK>RUS | North Korean soldiers fighting on Russia's side were given forged papers.
AID/military PRK>RUS | The general said the North Korean troops had fought shoulder to shoulder with Russian forces.
AID/military PRK>RUS | KCNA said the North Korean soldiers had fought together with Russian forces in Kursk.
# Troops sent to help a state fight are aid to that state.
AID/military PRK>RUS | North Korea sent troops to help Russia fight Ukraine, the minister said.
# Troops sent with no destination go where the article said that state's troops went.
AID/military PRK>RUS | North Korea sent 11,000 troops to Russia. Seoul said Pyongyang dispatched more troops in May.
"""


test_conflict_phrasings_give_their_event = found_test(FOUND, PUBLISHED)


# Look-alikes: a line "TYPE[ by ACTOR] | text" says the text gives no such event.
NOT_FOUND = """
# What is feared is not done; a worry about nobody named is no disapproval.
SUPPORT | Japan said it was deeply concerned that Russia intends to use the soldiers to support its offensive.
DISAPPROVE | Tokyo remains worried that it may be next.
DISAPPROVE | Seoul voiced worries about the economy.
# A rule broken with nobody named as the doer, or nobody reporting it, is no verdict.
DISAPPROVE | Seoul said any such trade would be illegal.
# The war helped or dated from is background, not an attack of the sentence.
ASSAULT by RUS | North Korea sent troops to help Russia fight Ukraine, the minister said.
ASSAULT by RUS | North Korea has become one of Russia's key allies since Moscow's invasion of Ukraine.
ASSAULT by RUS | China has tightened its ties with Moscow since Russia launched its full-scale war against Ukraine.
ASSAULT by PRK | KCNA said the North Korean soldiers had fought together with Russian forces in Kursk.
# A partner's side is no enemy.
ASSAULT by PRK | North Korean soldiers fighting on Russia's side were given forged papers.
# Troops sent with no destination stay a movement when the article named none before.
AID | Japan has dispatched its helicopter carrier with two destroyers.
"""


test_conflict_look_alikes_give_no_such_event = absent_test(NOT_FOUND, PUBLISHED)


def test_help_keeps_what_it_helps_when_that_is_cooperation(nlp: Language) -> None:
    found = events(nlp, "Riyadh has mobilised lobby groups in Washington to help support the claims of Kurds.")
    assert any(k == "SUPPORT" for k, _, _, _ in found), found


def test_we_in_a_reported_clause_is_its_speaker(nlp: Language) -> None:
    urged = events(nlp, '"We urge Russia and the DPRK to stop the arms transfers," Seoul\'s foreign ministry said.')
    assert {("DEMAND", "KOR", "RUS"), ("DEMAND", "KOR", "PRK")} <= {(k, a, r) for k, _, a, r in urged}, urged
    worried = events(nlp, '"We are concerned that Russia will supply North Korea with jets," Japan\'s minister said.')
    assert ("DISAPPROVE", "JPN", "RUS") in {(k, a, r) for k, _, a, r in worried}, worried
    # Outside a reported clause "we" names nobody.
    assert not events(nlp, "We urge Russia to stop the arms transfers.")


def test_appeals_to_unnamed_parties_are_demands(nlp: Language) -> None:
    found = events(nlp, "Beijing has always called on the relevant parties to resume negotiations.")
    assert ("DEMAND", "CHN", None) in {(k, a, r) for k, _, a, r in found}, found
    # A date after "called on" is no addressee.
    assert not any(k == "DEMAND" for k, _, _, _ in events(nlp, "Beijing called on Tuesday for calm."))
    reported = events(nlp, "The United States and its allies should not ignore the warning, Lavrov added.")
    assert ("DEMAND", "RUS", "USA") in {(k, a, r) for k, _, a, r in reported}, reported


def test_the_war_in_an_adjunct_is_background(nlp: Language) -> None:
    for text in (
        "Poland has bought South Korean tanks after Russia's invasion of Ukraine.",
        "Memorials to the North Korean soldiers killed in the fighting will be built in Russia.",
        "It was the fifth package of penalties since Putin ordered the invasion of Ukraine in 2022.",
    ):
        assert not any(k == "ASSAULT" for k, _, _, _ in events(nlp, text)), text
    # The war stated as the news is an attack.
    assert ("ASSAULT", "RUS", "UKR") in {(k, a, r) for k, _, a, r in events(nlp, "Russia invaded Ukraine in 2022.")}


CRITICISM = """
# A declaration or statement named for its issuer acts for it.
DISAPPROVE NATO>PRK | The NATO declaration also accuses North Korea of fuelling Russia's war.
# What is condemned names its doer in a relative clause.
DISAPPROVE KOR>RUS | Seoul denounced the partnership agreement that the North Korean and Russian leaders signed.
# Taking aim at something, or attacking a plan or drive, is criticism, not an assault.
DISAPPROVE RUS>USA | The Kremlin took aim at Washington's new sanctions.
DISAPPROVE PRK>USA | Pyongyang also attacked the U.S. drive to bring NATO closer to its Asian partners.
"""


test_criticism_gives_its_event = found_test(CRITICISM, PUBLISHED)


def test_attacking_a_place_stays_an_assault(nlp: Language) -> None:
    found = events(nlp, "Russian drones attacked Kyiv overnight.")
    assert ("ASSAULT", "RUS", "UKR") in {(k, a, r) for k, _, a, r in found}, found
    drive = events(nlp, "Pyongyang also attacked the U.S. drive to bring NATO closer to its Asian partners.")
    assert not any(k == "ASSAULT" for k, _, _, _ in drive), drive


def test_the_north_as_a_possessive_is_north_korea(nlp: Language) -> None:
    text = "Seoul accused North Korea of sending troops. Yoon condemned the North's troop deployment as a provocation."
    found = events(nlp, text)
    assert ("DISAPPROVE", "KOR", "PRK") in {(k, a, r) for k, _, a, r in found}, found
    assert ("DISAPPROVE", "KOR", "KOR") not in {(k, a, r) for k, _, a, r in found}, found


THREATS = """
# A firm response announced for the future is a threat (CAMEO 13); its negation is part of it.
THREATEN GBR>YEM | Sunak said Britain would not hesitate to take more action against Yemen.
THREATEN KOR>PRK | If North Korea sends more troops, Seoul will take necessary measures, the minister said.
THREATEN USA>RUS | Biden made clear that Washington would respond decisively if Russia invaded Ukraine.
"""


test_announced_responses_are_threats = found_test(THREATS, PUBLISHED)


def test_responses_made_or_mild_are_no_threats(nlp: Language) -> None:
    for text in (
        "Seoul responded firmly to the launch on Monday.",
        "The ministry will respond to the letter next week.",
        "Seoul will take measures to fight the epidemic.",
    ):
        found = events(nlp, text)
        assert not any(k == "THREATEN" for k, _, _, _ in found), (text, found)
    # What the threat is conditioned on has not happened.
    found = events(nlp, "Biden made clear that Washington would respond decisively if Russia invaded Ukraine.")
    assert not any(k == "ASSAULT" for k, _, _, _ in found), found
    stood = events(nlp, "South Korea will not sit idle, the president said.")
    assert ("THREATEN", "KOR", None) in {(k, a, r) for k, _, a, r in stood}, stood


SANCTIONS = """
# Sanctions rolled out, put on or hit with are sanctions on whom they target.
SANCTION EU>RUS | The European Union rolled out fresh sanctions against Russia on Monday.
SANCTION EU>PRK | The European Union put new sanctions on two senior North Korean defence officials.
SANCTION USA>IRN | Washington hit Iran with new sanctions over its drone exports.
"""


test_sanctions_as_news_writes_them = found_test(SANCTIONS, PUBLISHED)


def test_hitting_with_sanctions_is_no_assault(nlp: Language) -> None:
    found = events(nlp, "Washington hit Iran with new sanctions over its drone exports.")
    assert not any(k == "ASSAULT" for k, _, _, _ in found), found
