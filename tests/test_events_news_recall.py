"""Recall on real news (issue 13): shapes of CONSULT, DISAPPROVE, AID and AGREE found missing on the
training files with the rules alone - a gerund used as a noun ("Pyongyang's sending of troops"), a
charge of a done act ("amid allegations that ..."), a meeting counted by a collective ("a second round
of talks"), a trip or talks with no possessive framing what the clause's subject does ("said during a
trip to Pyongyang"), a welcome given to a guest, a vote "in favour of ratifying", a reported threat to
the peace ("said X poses a threat"), concern "at" someone's act; since the second lane a journey "for
talks with" someone, landing in a capital, a call with someone named or taken "from" someone, weapons
"supplied by" a state, "Signed by A and B, the pact ...", a judgement after the object ("called the
plan unacceptable") and pejorative adjectives on a predicate noun ("was a reckless act"). Every
sentence was written for this file in the style of news; each shape has sentences where it must not
fire."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from tests.event_lines import event_triples, line_tests

PUBLISHED = date(2025, 3, 4)


# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# The gerund as a noun moves troops or arms as "dispatch" does.
AID/military PRK>RUS | Officials said Pyongyang's sending of soldiers to Russia marked a new stage of the war.
AID/military PRK>RUS | The bloc condemned North Korea's sending of artillery rockets to Russia.
# A charge of a done act states the act (hedged).
AID PRK>RUS | The vote came amid allegations that North Korea had shipped rockets to Russia.
AID PRK>RUS | The minister repeated the accusation that Pyongyang has sent artillery shells to Moscow.
# A collective counts the meeting the light verb holds.
CONSULT PRK>RUS | Choe Son Hui held a third round of talks with Sergei Lavrov in Moscow on Friday.
CONSULT IRN>USA | Iran and the United States held a fresh round of indirect talks in Muscat.
# A vote in favour of ratifying ratifies; a collective's event keeps its partner under an offer.
AGREE RUS>PRK | Russian lawmakers voted in favour of ratifying the partnership treaty with North Korea.
AGREE KAZ>KGZ | Kazakhstan offered to host the next round of border talks with Kyrgyzstan.
# A trip or talks with no possessive, naming the other side, frame the clause's subject (also under a
# verb that is an event of its own).
CONSULT RUS>PRK | Putin praised the alliance, speaking during a two-day trip to Pyongyang.
CONSULT KOR>POL | Following talks with Polish President Andrzej Duda, Yoon Suk Yeol called the deployment a provocation.
CONSULT RUS>PRK | Putin thanked the soldiers during talks with Kim Jong Un in Vladivostok.
# A welcome given to a named guest hosts a visit.
CONSULT/visit CHN>RUS | Xi Jinping gave Vladimir Putin a lavish welcome in Beijing on Tuesday.
CONSULT/visit CHN>RUS | China extended a warm welcome to the Russian delegation.
# A reported threat to the peace condemns whoever poses it.
DISAPPROVE KOR>PRK | Seoul said North Korea's missile launches pose a grave threat to regional peace.
DISAPPROVE KOR>PRK | North Korea's weapons programmes pose an existential threat to the South, Yoon Suk Yeol said.
# Charging a state or body with an act accuses it, as charging people does.
DISAPPROVE RUS>NATO | Russia's foreign minister charged NATO with seeking a foothold in the Pacific.
# Concern "at" an act is aimed at its doer, as concern "over" it is.
DISAPPROVE JPN>PRK | Tokyo voiced concern at North Korea's arms shipments to Moscow.
# A journey "for talks with" a named partner: the traveller holds them (a visit and a meeting).
CONSULT RUS>PRK | Russia's defence minister Andrei Belousov arrived in Pyongyang on Saturday for talks with Kim Jong Un.
CONSULT IRN>CHN | The Iranian foreign minister went to Beijing for talks with Wang Yi.
# An official landing in another state's capital arrives there.
CONSULT/visit CHN>PRK | Chinese Premier Li Qiang landed in Pyongyang on Thursday for a three-day visit.
# A call with someone named is a phone call; one hung on the verb's object frames the verb too.
CONSULT/phone USA>KOR | Antony Blinken raised the launches during a call with South Korean Foreign Minister Cho Tae-yul.
CONSULT/phone KOR>NATO | President Yoon Suk Yeol disclosed the figures in a phone call with NATO chief Mark Rutte.
# A call received or taken "from" someone named: the caller calls whoever takes it.
CONSULT/phone JPN>KOR | President Yoon Suk Yeol received a phone call from Japanese Prime Minister Fumio Kishida.
# Weapons a participle says another side supplied: aid to whoever fires or uses them, or to the destination.
AID PRK>RUS | Kyiv said Russia had fired ballistic missiles supplied by North Korea at Zaporizhzhia.
AID PRK>RUS | Investigators found artillery shells supplied by Pyongyang to Moscow near Kharkiv.
# A fronted participle that names the signers signs the main clause's pact.
AGREE/pact RUS>PRK | Signed by Vladimir Putin and Kim Jong Un last year, the alliance treaty binds Moscow to act.
# A judgement after the object ("called the plan unacceptable") and a pejorative adjective on a predicate noun.
DISAPPROVE JPN>RUS | Japan's foreign ministry called Russia's plan unacceptable.
DISAPPROVE USA>RUS | The State Department branded Russia's remarks rude and ignorant.
DISAPPROVE KOR>PRK | Seoul said North Korea's satellite launch was a reckless act.
DISAPPROVE USA>RUS | U.S. President Joe Biden called Russian President Vladimir Putin a dictator.
DISAPPROVE KOR>PRK | Seoul described the deployment of North Korean troops to Russia as a dangerous step.
"""


# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# A charge refused, denied or of what is yet to come states nothing done.
AID | Beijing has dismissed accusations that it is arming Russia.
AID | Moscow rejected claims that it had sent fighter jets to Pyongyang.
AID | Peskov said he knew of no allegations that Moscow had sent weapons to Pyongyang.
AID | Seoul voiced alarm at claims that Pyongyang will send more troops to Russia.
ASSAULT | Kabul police opened an inquiry into reports that two soldiers had attacked civilians.
# Speaking in favour of an act only asks for it.
AID | Japan spoke in favour of sending more aid to Ukraine.
# A trip with its own doer, or one the clause is merely set against, is no visit by the subject.
CONSULT by PRK | North Korea fired two missiles during a trip to Seoul by Antony Blinken.
CONSULT by PRK | Kim Jong Un inspected a tank factory amid speculation about a trip to Moscow.
# A fee charged is no accusation.
DISAPPROVE | The airline charged passengers a fee for extra luggage.
# A welcome for a decision is no visit.
CONSULT | Seoul gave the agreement a cautious welcome.
# A threat denied is no verdict.
DISAPPROVE | Moscow said the treaty poses no threat to South Korea.
# A fronted participle of support or sending is no pact.
AGREE | Backed by Iran, the Houthi rebels attacked ships in the Red Sea.
# Troops and missiles landing are no visit.
CONSULT | Russian paratroopers landed in Ukraine.
CONSULT | A North Korean missile landed in Japan's exclusive economic zone.
# A summit with no partner named does not frame the verb whose object it hangs on.
CONSULT | The European leaders will take the final decision at a summit next month.
# A predicate noun with no pejorative adjective, or a verdict denied, condemns nobody.
DISAPPROVE | Kyiv said the deal was an important step.
DISAPPROVE | Seoul described the new bridge over the Tumen River as an important step.
DISAPPROVE | Tokyo said Pyongyang's decision was not an illegal act.
"""


test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)


def test_journey_for_talks_is_a_visit_and_a_meeting(nlp: Language) -> None:
    """bench/data/news/README: a visit plus talks in one sentence is two events."""
    text = "North Korean Foreign Minister Choe Son Hui flew to Moscow on Monday for a meeting with Sergei Lavrov."
    assert event_triples(nlp, text, PUBLISHED).count(("CONSULT", "PRK", "RUS")) == 2
    # A phrasal journey ("left for").
    text = "Chinese Foreign Minister Wang Yi left for Pyongyang late on Tuesday for talks with Choe Son Hui."
    assert event_triples(nlp, text, PUBLISHED).count(("CONSULT", "CHN", "PRK")) == 2
