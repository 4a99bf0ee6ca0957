"""Material help on real news (issue 13): arms, cargo, workers and help handed from one state to another,
as verbs and as nouns, with the recipient the parser hides; what is given back "in return"; fighting
at a partner's side said as a noun; and, for precision, what is no attack or no aid. Since lane material2:
clashes between two named forces (ASSAULT each way), support or backing for a war (AID, not SUPPORT),
a drill held "with" a named partner (COOPERATE each way) and another state's weapons fired in an attack
(AID from that state to the attacker). Every sentence was written for this file in the style of news;
each rule has sentences where it must not fire."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from extractors.extract import extract_text
from tests.event_lines import event_triples, line_tests

PUBLISHED = date(2025, 2, 20)


# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# Cargo counts what it carries: containers of arms, a consignment of shells, planes of relief.
AID/military PRK>RUS | Pyongyang has shipped some 9,000 containers of munitions to Russia since 2023, the ministry said.
AID/military PRK>RUS | North Korea sent a consignment of artillery shells to Moscow last month.
AID/military PRK>RUS | North Korea has transferred at least 4,000 containers to Russia, intelligence officials said.
AID/military BLR>RUS | Belarus has sent hundreds of containers full of ammunition to Russia, the monitoring group said.
# Workers and specialists sent to another state's territory help that state.
AID PRK>RUS | Pyongyang sent 2,000 sappers and 4,000 construction workers to Russia's Belgorod region last year.
AID TUR>SYR | Ankara dispatched 300 rescuers and 40 doctors to Syria after the flood.
# The indirect object the parser hangs on the goods: "gave Kyiv non-lethal aid".
AID KOR>UKR | Seoul has given Kyiv non-lethal assistance such as demining gear and medical kits.
AID RUS>PRK | Moscow may give North Korea advanced technical help with its submarine programme, the minister said.
# A movement named as a noun with where it comes from: the state it comes from sends it.
AID/military PRK>RUS | Fifty states condemned the transfer of ballistic missiles from North Korea to Russia.
AID/military PRK>RUS | The ministers called for an end to arms deliveries from North Korea to Russia.
AID/military IRN>RUS | The report traced shipments of drones from Iran to Russia across the Caspian Sea.
# What is given back "in return" or "in exchange" is aid the other way.
AID PRK>RUS | Russia has been supplying refined oil to North Korea, probably in return for artillery shells.
AID RUS>PRK | Pyongyang has provided Moscow with rockets and shells in exchange for supplies of wheat and fuel.
AID PRK>RUS | Russia gave North Korea anti-aircraft missiles in return for sending thousands of soldiers to Kursk.
# Fighting at a partner's side said as a noun (the parser's "fighting" after a passive, "combat operations").
AID/military PRK>RUS | Some 1,200 North Korean soldiers have been killed or wounded fighting alongside Russian units.
AID PRK>RUS | Kyiv said 30 North Korean troops were killed in two days of fighting alongside Russian forces near Sudzha.
AID PRK>RUS | North Korean marines have taken part in combat operations alongside Russian paratroopers.
AID/military PRK>RUS | Hundreds of North Korean soldiers have died fighting for Russia, Seoul's spy agency said.
AID/military PRK>RUS | Two North Korean soldiers who were captured in Kursk while fighting for Russia asked to go south.
# The doer of a decision named by "by"; a fight "on behalf of" a state helps it; ground retaken is no foe.
AID PRK>RUS | The decision by Kim Jong Un to send North Korean engineers to Russia was taken last year.
AID/military PRK>RUS | Kim Jong Un dispatched troops to fight Ukraine on behalf of Russia, the agency said.
AID/military PRK>RUS | Pyongyang said it had sent troops to Russia to retake the part of the Kursk region held by Kyiv.
# Troops sent for another state's war help its owner, not a show of force at its foe.
AID/military PRK>RUS | Pyongyang admitted it had deployed troops for Russia's campaign against Ukraine.
MOBILIZE RUS>UKR | Moscow deployed fresh troops for its campaign against Ukraine.
# Pacts: a collective counts what it holds; a pledge signed is a pact; a signing with its signer
# and partner named is news wherever it stands.
AGREE/pact ESP>KOR | Spain has signed a series of defence contracts with South Korea for armoured vehicles.
AGREE/pact RUS>PRK | Russia signed a pledge of mutual assistance with North Korea in June.
AGREE/pact RUS>PRK | Analysts pointed to Putin's signing of a security agreement with North Korea last summer.
# Help to a state whose own small clause the parser folds into one noun phrase.
AID/military PRK>RUS | Pyongyang has sent thousands of soldiers to help the Kremlin push Ukrainian troops out of Kursk.
# Aid with no recipient named goes where the text said the giver's arms or goods went.
AID/military PRK>RUS | North Korea has sent missiles to Russia. It has also delivered 100 howitzers, the report said.
AID RUS>PRK | Russia has been supplying refined oil to North Korea. Moscow reported supplying 9,000 barrels in March.
# Dying or being killed in fighting at a partner's side is fighting for the partner (review 2026-12-05).
AID/military PRK>RUS | Dozens of North Korean soldiers died in fighting alongside Russian troops near Sudzha.
AID/military PRK>RUS | Several North Korean soldiers were killed in fighting alongside Russian troops near Sudzha.
# Clashes between two named forces: an assault each way.
ASSAULT PRK>UKR | Kyiv's army said the first clashes between North Korean and Ukrainian units took place near Sudzha.
ASSAULT UKR>PRK | Kyiv's army said the first clashes between North Korean and Ukrainian units took place near Sudzha.
ASSAULT UKR>PRK | Fresh clashes between Ukrainian troops and North Korean soldiers were reported on Monday.
# Support or backing for a war, or for what it runs on, is military aid to whoever wages it.
AID/military PRK>RUS | Seoul said Pyongyang's support for Russia's war against Ukraine had grown more open.
AID/military IRN>RUS | The ministers said Iran's backing for Moscow's war effort prolongs the fighting.
# A drill held with a named partner is joint: cooperation each way.
COOPERATE/military RUS>BLR | Moscow began week-long air defence exercises with Belarus on Monday.
COOPERATE/military BLR>RUS | Moscow began week-long air defence exercises with Belarus on Monday.
COOPERATE/military CHN>RUS | China held naval drills with Russia in the Sea of Japan last month.
COOPERATE/military RUS>CHN | China held naval drills with Russia in the Sea of Japan last month.
COOPERATE/military RUS>BLR | Russia staged large drills with its neighbour Belarus in February.
# Another state's weapons fired in an attack were handed over by that state.
AID/military PRK>RUS | Kyiv said Russia fired North Korean artillery shells at Kharkiv overnight.
AID/military IRN>RUS | Officials said Russian forces launched Iranian drones at Odesa on Sunday.
AID/military GBR>UKR | Ukraine hit a Russian airbase in Crimea with British cruise missiles.
AID/military PRK>RUS | Investigators said three of the missiles that Russia fired at Kyiv were made in North Korea.
"""


# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# Soldiers killed with no killer named are a toll, not an attack by their own state, also when the
# parser coordinates the passive with the sending before it.
ASSAULT by PRK | Around 200 North Korean soldiers sent to the war in Ukraine have been killed, Seoul said.
# Forces of nature attack nobody.
ASSAULT | The earthquake struck six provinces of southern Turkey before dawn on Monday.
ASSAULT | Floods and landslides killed at least 40 people in northern Vietnam.
# What troops help with is not their aid to the war's other side.
AID by PRK | North Korea sent troops to help with the war in Ukraine, the agency said.
MOBILIZE by PRK | Pyongyang admitted it had deployed troops for Russia's campaign against Ukraine.
# A collective of what the verb does not take stays no event; a signing with no partner named in
# a prepositional phrase stays background.
AGREE | The minister signed a series of autographs for the soldiers.
AGREE | Analysts pointed to the signing of the agreement as a turning point.
# "Fighting for" a place is a battle over it, not help to its state.
AID by PRK | North Korean units joined the fighting for Pokrovsk, Ukrainian officials said.
# What is paid with "the" or "these" was told before and coded there: no second event here.
AID by PRK | In return for the shells, Russia gave North Korea help with its satellite launches.
# Nothing is given back when nothing named is paid: no aid the other way.
AID by KEN | Japan gave Kenya a loan in return for nothing.
# An appeal for something to happen still declines it: "called for the release" is no release.
RETREAT | The ministers called for the release of the detained sailors.
# A cargo of words or of anything but aid is no aid.
AID | The ship carried containers of furniture from Shanghai.
# A partner named beside the fallen is nobody's target, for the rules or the learned model.
ASSAULT by PRK | Dozens of North Korean soldiers died in fighting alongside Russian troops near Sudzha.
ASSAULT by PRK | Several North Korean soldiers were killed in fighting alongside Russian troops near Sudzha.
# Whose partner it is: the soldiers killed fought beside Russia, not the troops who killed them.
AID by UKR | Ukrainian troops killed 30 North Korean soldiers in fighting alongside Russian troops in Kursk.
# Clashes with no named pair are a topic.
ASSAULT | Clashes erupted in the capital late on Sunday.
# Support voiced for a war effort is a statement, not aid; support for a cause or a stance is no aid.
AID | The minister voiced support for Ukraine's war effort.
AID | Beijing expressed its support for Russia's position on the crisis.
# A drill with no partner named is a show of force, not cooperation.
COOPERATE | Russia launched snap naval exercises in the Baltic Sea on Tuesday.
# A state's own weapons, weapons shot down or destroyed, and weapons made at home aid nobody.
AID | Russia fired Russian missiles at Kyiv overnight.
AID | Israel shot down Iranian missiles over the Negev.
AID | Ukraine destroyed North Korean artillery near Kursk.
AID | Investigators said the missiles that Russia fired at Kyiv were made in Russia.
"""


test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)


def test_fighting_beside_a_partner_is_not_the_speakers_aid(nlp: Language) -> None:
    """The fighters are the clause's subject, never the one who reports it."""
    text = "Ukraine's army said 40 North Korean soldiers were killed in fighting alongside Russian troops in Kursk."
    found = {(e.event_type, e.actor_id, e.recipient_id) for e in extract_text(nlp, text, PUBLISHED).events}
    assert ("AID", "PRK", "RUS") in found
    assert not any(kind == "AID" and actor == "UKR" for kind, actor, _ in found), found


def test_clash_counts_each_way_once(nlp: Language) -> None:
    """Clashes between two named forces: one assault each way, no more."""
    triples = event_triples(nlp, "Clashes between Russian and Ukrainian troops broke out near Vovchansk.", PUBLISHED)
    assert sorted(t for t in triples if t[0] == "ASSAULT") == [("ASSAULT", "RUS", "UKR"), ("ASSAULT", "UKR", "RUS")]
