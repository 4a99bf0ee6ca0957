"""Events in phrasings real coverage of the China-North Korea-Russia story uses (issue 13): ratified
treaties, acts reported as belief, criticism and retorts, nominal events, weapons shipped, soldiers
captured, frames that carry no event. Every sentence here was written for this file as a paraphrase
of news phrasing; each rule has sentences where it must fire and look-alikes where it must not."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from extractors.extract import extract_text
from tests.event_lines import Found, absent_test, found_events, found_test

PUBLISHED = date(2024, 11, 8)


def events(nlp: Language, text: str) -> set[Found]:
    return found_events(nlp, text, PUBLISHED)


# (sentence, (type, mode or None for any, actor, recipient)) that must be found.
FOUND: list[tuple[str, Found]] = [
    # Ratifying or approving a treaty is formal agreement, like signing it (CAMEO 057).
    ("The Duma ratified the mutual defence treaty with North Korea.", ("AGREE", "pact", "RUS", "PRK")),
    ("Lawmakers in Moscow approved the security agreement with Pyongyang.", ("AGREE", "pact", "RUS", "PRK")),
    ("Russia's ratification of the pact with North Korea alarmed Tokyo.", ("AGREE", "pact", "RUS", "PRK")),
    ("North Korea's leader signed a decree to ratify the pact with Russia on Monday.", ("AGREE", "pact", "PRK", "RUS")),
    # An act reported as belief keeps its doer: the passive's subject does the infinitive.
    ("North Korea is believed to have shipped artillery shells to Russia.", ("AID", None, "PRK", "RUS")),
    ("Pyongyang is thought to have sent more than 100 ballistic missiles to Moscow.", ("AID", None, "PRK", "RUS")),
    ("China is said to have supplied drone engines to Russia.", ("AID", None, "CHN", "RUS")),
    # Feelings a government voices about another's act are official disapproval; so are retorts.
    ("Seoul voiced deep regret over Moscow's decision to ship the jets.", ("DISAPPROVE", None, "KOR", "RUS")),
    ("Japan expressed outrage at North Korea's latest missile launch.", ("DISAPPROVE", None, "JPN", "PRK")),
    ("Beijing expressed firm opposition to the new US sanctions.", ("DISAPPROVE", None, "CHN", "USA")),
    ("South Korea conveyed its strong displeasure to the Russian ambassador.", ("DISAPPROVE", None, "KOR", "RUS")),
    ("Washington took issue with China's support for Moscow.", ("DISAPPROVE", None, "USA", "CHN")),
    ("Seoul hit out at Moscow over the weapons deal.", ("DISAPPROVE", None, "KOR", "RUS")),
    ("Ukraine's foreign minister lashed out at China for supplying drone parts.", ("DISAPPROVE", None, "UKR", "CHN")),
    ("Moscow hit back at Washington over the new sanctions.", ("DISAPPROVE", None, "RUS", "USA")),
    ("Putin hit back by saying that NATO personnel were fighting in Ukraine.", ("DISAPPROVE", None, "RUS", "NATO")),
    ("South Korea lodged a protest with Russia over the treaty.", ("DISAPPROVE", None, "KOR", "RUS")),
    # Weapons and troops moved, as nouns with a named doer, are aid to where they go.
    ("Shipments of North Korean artillery shells to Russia have grown.", ("AID", "military", "PRK", "RUS")),
    ("North Korea's supply of missiles to Russia has prolonged the war.", ("AID", "military", "PRK", "RUS")),
    ("The transfer of North Korean rocket launchers to Moscow worried Kyiv.", ("AID", "military", "PRK", "RUS")),
    ("Deliveries of Iranian drones to Russia continued in May.", ("AID", "military", "IRN", "RUS")),
    (
        "North Korea has sent thousands of troops to Russia to support its war against Ukraine.",
        ("AID", "military", "PRK", "RUS"),
    ),
    # Goods received are aid from whoever sent them: the goods' state, or "from" whom.
    ("Russia received North Korean missiles last year.", ("AID", "military", "PRK", "RUS")),
    ("Moscow has received ballistic missiles from Pyongyang.", ("AID", "military", "PRK", "RUS")),
    ("North Korea acquired Russian missile technology.", ("AID", None, "RUS", "PRK")),
    ("Moscow handed Pyongyang air defence systems.", ("AID", "military", "RUS", "PRK")),
    ("Russia gave North Korea technology to build satellites.", ("AID", None, "RUS", "PRK")),
    # A state said to be another's supplier of arms gives it military aid.
    ("North Korea has become Russia's main supplier of artillery shells.", ("AID", "military", "PRK", "RUS")),
    ("Pyongyang emerged as Moscow's biggest arms supplier.", ("AID", "military", "PRK", "RUS")),
    ("Iran is the main supplier of drones to Russia.", ("AID", "military", "IRN", "RUS")),
    # Weapons handed to whoever fires them: the users named in a relative clause receive them.
    ("North Korea supplied shells that Russian forces fired at Kharkiv.", ("AID", "military", "PRK", "RUS")),
    # Calling another's act a provocation, a lie or illegal is criticism of whoever did it.
    ("Pyongyang called the US allegations dirty manoeuvres.", ("DISAPPROVE", None, "PRK", "USA")),
    ("Seoul labelled Pyongyang's launch a grave provocation.", ("DISAPPROVE", None, "KOR", "PRK")),
    ("Seoul described the deal as a dangerous escalation.", ("DISAPPROVE", None, "KOR", None)),
    ("Moscow called the sanctions illegal.", ("DISAPPROVE", None, "RUS", None)),
    # A reported verdict that another's act is a provocation, illegal or a violation is criticism.
    ("Seoul said Pyongyang's launch was a provocation.", ("DISAPPROVE", None, "KOR", "PRK")),
    ("Washington said North Korea's arms transfers to Russia were illegal.", ("DISAPPROVE", None, "USA", "PRK")),
    ("Kyiv said Moscow was reckless.", ("DISAPPROVE", None, "UKR", "RUS")),
    ("Blinken warned that North Korea's deployment was a dangerous escalation.", ("DISAPPROVE", None, "USA", "PRK")),
    (
        "Tokyo said the deployment of North Korean troops constitutes a violation of UN resolutions.",
        ("DISAPPROVE", None, "JPN", "PRK"),
    ),
    # Censure an act draws, and concern a government says it feels, are disapproval of the doer.
    ("North Korea's missile test sparked condemnation from Japan.", ("DISAPPROVE", None, "JPN", "PRK")),
    ("The deal drew sharp criticism from Washington.", ("DISAPPROVE", None, "USA", None)),
    ("Japan is seriously concerned about North Korea's missile launches.", ("DISAPPROVE", None, "JPN", "PRK")),
    ("Tokyo was alarmed by the deployment of North Korean troops to Russia.", ("DISAPPROVE", None, "JPN", "PRK")),
    # A copula's subject is a stated event when it names whom it is aimed at.
    ("Putin's visit to Pyongyang was his first in 24 years.", ("CONSULT", "visit", "RUS", "PRK")),
    (
        "The deployment of North Korean troops to Russia is a breach of UN resolutions.",
        ("AID", "military", "PRK", "RUS"),
    ),
    # Soldiers taken prisoner are captured (COERCE), then questioned (INVESTIGATE).
    ("Ukraine captured two wounded North Korean soldiers in Kursk.", ("COERCE", None, "UKR", "PRK")),
    ("Ukrainian officers interrogated the captured Russian soldiers.", ("INVESTIGATE", None, "UKR", "RUS")),
    # Standing by an ally is support; fighting for it is aid.
    ("North Korea stands by Russia, the minister said.", ("SUPPORT", None, "PRK", "RUS")),
    ("Belarus stands with Moscow, Lukashenko said.", ("SUPPORT", None, "BLR", "RUS")),
    ("About 600 North Korean soldiers have been killed while fighting for Russia.", ("AID", None, "PRK", "RUS")),
    ("Many North Korean soldiers died while fighting in Russia's war against Ukraine.", ("AID", None, "PRK", "RUS")),
    ("North Korean troops are fighting in Russia's offensive in Kursk.", ("AID", None, "PRK", "RUS")),
    ("Russian troops fought in Russia's war against Ukraine.", ("ASSAULT", None, "RUS", "UKR")),
    (
        "Some 300 North Korean soldiers were killed and 2,700 wounded while fighting in Russia's war.",
        ("AID", "military", "PRK", "RUS"),
    ),
    ("North Korean troops are heading to Russia's Kursk region.", ("AID", "military", "PRK", "RUS")),
    ("Russian troops are heading to the border with Ukraine.", ("MOBILIZE", "troops", "RUS", "UKR")),
    ("Russian troops marched into the village.", ("MOBILIZE", "troops", "RUS", None)),
    # A renewed push is an offensive; an attack with its attacker named keeps both sides.
    ("Ukraine has renewed its push into Russia's Kursk region.", ("ASSAULT", None, "UKR", "RUS")),
    ("About 200 North Korean soldiers were killed by Ukrainian drones in Kursk.", ("ASSAULT", None, "UKR", "PRK")),
    # The rules' look-alikes still fire where they should.
    ("North Korean troops were deployed to Russia's Kursk region.", ("AID", None, "PRK", "RUS")),
    ("Pyongyang warned Seoul against supplying arms to Kyiv.", ("THREATEN", None, "PRK", "KOR")),
    (
        "North Korea warned that it would respond to any provocation with overwhelming force.",
        ("THREATEN", None, "PRK", None),
    ),
    ("Seoul supplied arms to Kyiv.", ("AID", None, "KOR", "UKR")),
    ("Russia held a meeting with China in Beijing.", ("CONSULT", None, "RUS", "CHN")),
    ("Putin spoke with Xi Jinping by phone on Friday.", ("CONSULT", None, "RUS", "CHN")),
    ("Shoigu arrived in Pyongyang on Wednesday.", ("CONSULT", None, "RUS", "PRK")),
    ("Washington required Seoul to pay more.", ("DEMAND", None, "USA", "KOR")),
    ("Thousands of Georgians went on a march in Tbilisi.", ("PROTEST", None, "GEO", None)),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_news_phrasings_give_their_event(nlp: Language, text: str, expected: Found) -> None:
    kind, mode, actor, recipient = expected
    found = events(nlp, text)
    wanted = {(k, a, r) for k, m, a, r in found if mode is None or m == mode}
    assert (kind, actor, recipient) in wanted or (recipient is None and any(w[:2] == (kind, actor) for w in wanted)), (
        found
    )


# Meetings, visits and calls as news reports them (CONSULT recall): a line "TYPE[/mode] ACTOR>RECIPIENT |
# sentence" says the sentence gives that event.
MEETINGS = """
# Welcoming, receiving or hosting a named person hosts a visit (CAMEO 043): the host acts, the guest is
# the recipient, in the passive too ("was received by X": X acts).
CONSULT/visit CHN>RUS | Xi Jinping welcomed Vladimir Putin at the airport.
CONSULT/visit CHN>PRK | Kim Jong Un was welcomed by Chinese Foreign Minister Wang Yi.
CONSULT/visit RUS>PRK | Choe Son Hui was received by Vladimir Putin in the Kremlin.
CONSULT/visit VNM>RUS | The Vietnamese leadership hosted a Russian parliamentary delegation in Hanoi on Thursday.
CONSULT/visit MNG>PRK | North Korea's premier was received by Mongolia's president in Ulaanbaatar.
# The visitor visits the host: going, travelling, visiting stay visitor -> host.
CONSULT/visit PRK>MNG | North Korea's premier travelled to Ulaanbaatar for a three-day visit.
# Whoever speaks in a call or meeting meets the one addressed or the partner named.
CONSULT/phone CHN>NATO | China's minister told NATO's chief in a phone call that it wants calm.
CONSULT CHN>RUS | In a meeting with Vladimir Putin, Xi Jinping said the ties were strong.
CONSULT/visit RUS>PRK | Moscow and Pyongyang signed a pact during a visit by Putin to Pyongyang.
# Joining a named person (at a parade, a summit) is meeting them.
CONSULT RUS>CHN | Vladimir Putin joined Xi Jinping at a military parade in Beijing.
# Going or coming to another state is a visit.
CONSULT/visit RUS>PRK | Shoigu last went to Pyongyang in March.
CONSULT/visit PRK>RUS | Kim Jong Un came to Moscow for talks.
# A visit in a time adjunct with a pronoun possessive is the clause subject's.
CONSULT/visit PRK>RUS | During his visit to Russia, Kim Jong Un toured a factory.
CONSULT/visit RUS>CHN | After his trip to Beijing, Vladimir Putin returned to Moscow.
CONSULT RUS>PRK | At the start of his talks with Kim Jong Un, Putin praised the treaty.
"""


test_meetings_give_their_event = found_test(MEETINGS, PUBLISHED)


# Look-alikes: a line "TYPE[ by ACTOR] | sentence" says the sentence gives no such event.
NOT_FOUND = """
AGREE | Beijing approved Moscow's proposal on Thursday.
AGREE | Washington approved $50 million in aid to Kyiv.
ASSAULT by PRK | Zelensky said about 3,000 North Korean soldiers had been killed or wounded in Kursk.
DISAPPROVE | The opposition party met in Seoul on Monday.
DISAPPROVE | North Korea's missile launch caused alarm in Tokyo.
DISAPPROVE | Moscow raised the issue with Beijing.
DISAPPROVE | The Duma took up the issue of the budget.
ASSAULT | Seoul hit out at Moscow over the weapons deal.
AGREE | Seoul hit out at Moscow over the weapons deal.
AID | Pyongyang warned Seoul against supplying arms to Kyiv.
THREATEN | The United States warned that North Korean soldiers were moving toward Kursk ahead of new assaults.
SANCTION by PRK | North Korea violated the UN arms embargo by shipping missiles to Russia.
MOBILIZE | The transfer of power was peaceful.
AID | Arms shipments are a concern for Seoul.
MOBILIZE | Arms shipments are a concern for Seoul.
AID | Supply of electricity to the region was cut.
AID | The deployment is Pyongyang's own business, Peskov said.
MOBILIZE | The deployment is Pyongyang's own business, Peskov said.
DEMAND | The treaty Russia signed with North Korea requires mutual military assistance.
AID | The treaty Russia signed with North Korea requires mutual military assistance.
CONSULT | At the council meeting, Russia's ambassador said the figures came from Washington.
CONSULT by SCO | Xi hosted the Shanghai Cooperation Organisation summit in Tianjin.
MOBILIZE | Putin met Choe Son Hui amid Western claims that Russia intends to send troops to Ukraine.
AID | Putin met Choe Son Hui amid Western claims that Russia intends to send troops to Ukraine.
COERCE | Militants captured three aid workers near Goma, Congo's army said.
INVESTIGATE | Seoul questioned the decision of Moscow.
CONSULT | Speaking at the start of the summit, Russia's president said the document was historic.
CONSULT | Shoigu came on the orders of Russian President Vladimir Putin, TASS reported.
CONSULT | The Russian delegation is expected to go into talks later on Monday.
PROTEST | Shoigu last went to Pyongyang in March, when he praised the agreement.
CONSULT | Seoul welcomed the decision by Moscow.
CONSULT | Putin welcomed Kim Jong Un's support for the war.
CONSULT | Kim Jong Un was welcomed in Beijing.
CONSULT | Beijing received a shipment of Russian grain on Monday.
CONSULT | In a speech at the summit, Putin said ties with Pyongyang were strong.
CONSULT | Lavrov told reporters in Moscow that the talks had not been scheduled.
CONSULT | Finland joined NATO in 2023.
CONSULT | Putin came to Vostochny from the Primorye Region.
CONSULT | The money went to Russia.
CONSULT | Russia went to war with Ukraine in 2022.
CONSULT | At the start of his speech in Beijing, Putin said ties with China were strong.
CONSULT | China may not agree when it comes to the implications of North Korean involvement in Ukraine.
COERCE by BEL | A Belgian court approved the extradition of a suspect, three weeks after his arrest in Antwerp.
CONSULT | North Korean soldiers joined Russian forces in Kursk.
DISAPPROVE | Putin called Kim on Friday.
DISAPPROVE | Seoul called the meeting a success.
DISAPPROVE | Beijing described the talks as productive.
DISAPPROVE | Kim called Putin his closest comrade.
AID | Putin received the Chinese foreign minister in the Kremlin.
AID | Kim received a letter from Putin.
AID | Russia is China's biggest supplier of oil.
AID | Ukrainian troops are fighting in Russia's Kursk region.
DISAPPROVE | Seoul said the talks were a success.
AID by RUS | Russia sent warships that China had built.
AID by RUS | Russia sent North Korean missiles to the front.
CONSULT | Kim heads the ruling party.
MOBILIZE | Russian troops are heading toward Ukraine's border.
MOBILIZE | Thousands of soldiers marched in formation in Beijing.
THREATEN | Blinken warned that the deployment was a dangerous escalation.
AID | The company acquired a stake in the mine.
ASSAULT by PRK | Many North Korean soldiers died while fighting in Russia's war against Ukraine.
DISAPPROVE | Moscow's decision drew praise from Beijing.
DISAPPROVE | Seoul is concerned about the economy.
DISAPPROVE | Japan is not concerned about North Korea's missile launches.
DISAPPROVE | The soldiers were disturbed by drones.
DISAPPROVE | Seoul said Pyongyang's launch was not a provocation.
DISAPPROVE | Experts said the launch was a provocation.
AID | The company is a supplier of parts to Boeing.
"""


test_news_look_alikes_give_no_such_event = absent_test(NOT_FOUND, PUBLISHED)


def test_belief_is_conjecture(nlp: Language) -> None:
    found = extract_text(nlp, "North Korea is believed to have shipped artillery shells to Russia.", PUBLISHED).events
    assert found and all(e.hedged for e in found if e.event_type == "AID")
    assert not events(nlp, "More shells are believed to have been sent to Russia.")  # nobody named


def test_no_party_acts_on_itself_or_its_partner(nlp: Language) -> None:
    thanked = events(
        nlp, "Putin said Moscow and Pyongyang would sign an agreement and thanked North Korea for its support."
    )
    assert not any(a == r for _, _, a, r in thanked), thanked
    executed = events(nlp, "Russian forces and North Korean units execute their own wounded, Zelensky said.")
    assert not any(k == "ASSAULT" and {a, r} == {"RUS", "PRK"} for k, _, a, r in executed), executed
    at_home = events(nlp, "Russia deployed a force of thousands to Russia's Kursk region last autumn.")
    assert ("MOBILIZE", "RUS", "RUS") not in {(k, a, r) for k, _, a, r in at_home}, at_home


def test_the_pact_is_the_one_signed_before(nlp: Language) -> None:
    text = (
        "North Korea ratified a mutual defence treaty with Russia. "
        "Kim Jong Un signed a decree to ratify the pact on Monday. "
        "Vladimir Putin has also signed the treaty into law."
    )
    signed = {(a, r) for k, m, a, r in events(nlp, text) if (k, m) == ("AGREE", "pact")}
    assert {("PRK", "RUS"), ("RUS", "PRK")} <= signed, signed
    assert None not in {r for _, r in signed}, signed
    # With no pact named before, "the treaty" has no partner to take; "a treaty" is a new one.
    alone = events(nlp, "Vladimir Putin signed the treaty into law.")
    assert ("AGREE", "pact", "RUS", None) in alone, alone
    other = events(nlp, "North Korea ratified a treaty with Russia. Belarus signed a trade agreement on Monday.")
    assert ("AGREE", "pact", "BLR", "RUS") not in other and ("AGREE", "pact", "BLR", "PRK") not in other, other
