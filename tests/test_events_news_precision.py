"""News precision (issue 13): events the coders of real coverage do not code, and which the rules
used to emit - the war a clause dates from, the fight troops are sent for, an act a state only
considers, a purpose of a thing taken for someone's intention, "the two leaders" read as one state,
a party paired with itself. Every sentence was written for this file in the style of news; each
look-alike next to a case says what must still be found."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from tests.event_lines import Found, found_events, gives_kind, line_tests

PUBLISHED = date(2025, 3, 14)


def events(nlp: Language, text: str) -> set[Found]:
    return found_events(nlp, text, PUBLISHED)


# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# The war a state of affairs dates from is background, as subject of a since-clause or in a
# before-clause too (bench/data/news/README: "Russia's war in Ukraine" as background is not coded).
ASSAULT | Ties between the two neighbours have warmed since Moscow's 2022 invasion of Ukraine left it short of allies.
ASSAULT | Weeks before Russia invaded Ukraine, the two presidents met in Beijing.
ASSAULT | Pyongyang has shipped shells to Moscow to fuel its invasion of Ukraine.
# What troops are sent for, or ready for, is the purpose of the sending, not a fight yet.
ASSAULT | Officials said North Korean soldiers sent to fight for Moscow against Kyiv would die.
ASSAULT | Pyongyang has dispatched about 3,000 more soldiers to Russia to train and to fight in the spring.
ASSAULT | The Pentagon said the brigades were now trained and ready to fight Ukraine.
# An act a state considers, weighs or discusses is neither done nor promised.
AID | Tokyo will reconsider whether to send air defence systems to Kyiv, a government spokesman said.
AID | Seoul could consider supplying artillery shells to Ukraine, the minister said on Friday.
AID | The cabinet discussed possibly sending engineers to Poland.
AID | Madrid does not exclude sending more air defence batteries to Kyiv, the minister said.
AID | The Kremlin has not ruled out supplying fighter jets to Pyongyang.
# A purpose a thing serves is nobody's stated intention.
AGREE | Russia and China started naval drills in the East China Sea intended to strengthen cooperation between navies.
# "The two leaders" with no name in the sentence are of two states, not of the one in context.
CONSULT | North Korea reported strong harvests last year. The two leaders discussed trade and security.
AGREE | Japan and South Korea held talks in Tokyo. Both ministers pledged to expand cooperation.
# What a pact provides is its text, not an act.
AID | The defence pact between Moscow and Pyongyang provides for military assistance if either side is attacked.
AID | The treaty, which took effect in December, obliges each party to help the other by all means.
# Releasing pictures, footage or findings frees nobody, nor do pictures a relative clause says were released.
RETREAT | Kyiv released footage of the two captured soldiers on Sunday.
RETREAT | According to images the Pentagon released, the ship docked at a North Korean port.
# Backing in a passive clause describing a noun is an attribute of it, not the news.
SUPPORT | Shipping lanes were hit by militias believed to be backed by Tehran.
SUPPORT | The truce will be watched by a monitoring team backed by Qatar and Egypt.
# A movement without its destination, or hedged, stays unsaid.
AID | The talks began amid a deployment of engineers.
# A participle or relative clause with no doer of its own describes the noun: who the soldiers are.
ASSAULT | Seoul said the North Korean soldiers fighting near the border had suffered heavy losses.
ASSAULT | The parade honoured the veterans who fought in the war decades ago.
MOBILIZE | The leader sent a birthday message to the sailors stationed overseas.
# The name of a charge the parser reads as a gerund ("spying charges") is the grounds of an arrest.
INVESTIGATE | Russia arrested a French researcher, an academic from Lyon, on spying charges.
INVESTIGATE | Belarus detained two Lithuanian lorry drivers on smuggling charges last week.
# A command to one's own forces is the chain of command, not a demand made of another side.
DEMAND | The Pentagon has ordered 5,000 American troops onto high alert for a possible deployment to Poland.
DEMAND | Tehran ordered its soldiers to hold their positions near the border.
# What a criticism takes aim at is its object, not an act of the critic's own.
MOBILIZE | Kim Yo Jong of North Korea spoke on Sunday. Her statement took aim at two exercises due next week.
# Inviting foreign forces onto one's soil is no invitation to a meeting.
CONSULT | It was the first time since 1945 that Belarus had invited foreign forces onto its territory.
# Condolences offered, extended or sent are an empathetic comment (CAMEO 018), which PLOVER leaves uncoded.
AGREE | Egypt offered its condolences to the Congolese government.
SUPPORT | Tokyo extended its deepest condolences to the people of Turkey after the earthquake.
# What a verb of fearing says may or will happen is feared, not done nor promised.
AID | Tokyo fears that Moscow could give Pyongyang submarine technology.
AGREE | Analysts fear Beijing will send drones to Russia.
# Taking part in a drill with no holder named is no show of force of one's own.
MOBILIZE | Belarusian air defence units will take part in the drill near Minsk next week.
# Inspecting a guard of honour is a ceremony of a visit, not an inquiry.
INVESTIGATE | The Djiboutian president then inspected a guard of honour mounted by a detachment of the Kenya Air Force.
# Violence a force turns on its own people aims at no foe.
ASSAULT | Kyiv said Russian commanders often kill their own wounded to stop them being captured.
ASSAULT | Seoul's spy agency said Pyongyang had told its soldiers to kill themselves rather than surrender.
ASSAULT | He said the North Korean soldiers were being killed by their own side.
ASSAULT | Officials said Russian forces routinely execute wounded comrades.
ASSAULT | Kyiv said North Korean officers kill their own wounded.
# Partners in arms who fought together fought nobody named.
ASSAULT | Ukrainian officials said Russian and North Korean units fought side by side near Sudzha.
ASSAULT | The envoy recalled that China and North Korea fought together in the 1950s.
# An act a conditional verdict supposes is not done.
AID | "Japan sending destroyers to the Taiwan Strait would be a grave provocation," the ministry said.
AID | Madrid supplying more tanks to Kyiv could prolong the war, the Kremlin said.
# The prospect or possibility of an act is no act.
CONSULT | Seoul's foreign minister declined to comment on the prospect of Xi Jinping visiting North Korea.
# What a "whether" clause asks about is a question, not a report of the act.
AID | The general told reporters he could not confirm whether North Korean soldiers were already fighting for Russia.
AID | Beijing says it does not know whether Moscow is giving Pyongyang submarine technology.
# A pact's relative clause says what its parties do under it: its terms, not a new act.
AGREE | Zelensky cited the 1994 memorandum, a deal in which Russia and Britain gave security assurances to Ukraine.
# Reinforcing ties moves no forces.
MOBILIZE | The Ethiopian leader's state visit is meant to reinforce relations between Kenya and Ethiopia.
# A war's name is nobody's side.
AID | The NIS says casualties among North Korean troops in the Ukraine war have reached about 5,000.
# The fight troops are sent for is the purpose of the sending (AID), no show of force of its own.
MOBILIZE | Pyongyang dispatched 3,000 troops to Russia to fight Ukraine, Seoul said.
MOBILIZE | The Pentagon said the brigades had been sent to Russia to fight against Ukrainian forces.
# Aid to come that another party reports is a promise still (news README "Promised and planned aid and
# cooperation", stop 35): no aid yet.
AID | Seoul's spy agency said North Korea would send another 3,000 soldiers to Russia early next year.
AID | Russian state media reported that Pyongyang will ship more artillery shells to Moscow.
AID | Belarus will send 500 engineers to help rebuild Russia's Belgorod region, Russian news agencies reported.
AID | TASS quoted Andrei Belousov as saying that North Korea will provide 2,000 labourers to Russia.
# A passive participle with no doer says who people are, not what happened to them.
COERCE | Seoul says any North Korean soldier captured in Ukraine is a South Korean citizen.
COERCE | The minister raised the cases of French citizens detained in Iran.
# A fight with no opponent named says where forces are, not whom they attack.
ASSAULT | Seoul said North Korean troops have been fighting in the Kursk region since November.
ASSAULT | The brigade suffered heavy losses during fighting near two villages last week.
# Backing a state's war is military help to it, not words of support.
SUPPORT | The ministers said Belarus's backing for Russia's war against Ukraine breaches international law.
# Forces ready to fight are ready, not threatening anyone yet.
THREATEN | Officials said 8,000 North Korean troops had reached Kursk, trained and ready to fight Ukraine.
# An arms sale is no trade between partners: it arms the buyer.
COOPERATE | Officials said Russia had bought ballistic missiles from North Korea.
COOPERATE | A travel agency in Moscow is selling package tours to the resort.
# Leading a delegation abroad is the leader's visit, not a pact with the delegation (issue 13 AGREE
# extras: the fallback lexicon read "lead delegation" as AGREE, paired with the leader's own state).
AGREE | Vietnam's foreign minister is leading a government delegation on an official visit to Laos.
# Carrying out a pact is keeping it, not making it.
AGREE | Officials in Seoul said Moscow and Pyongyang had been carrying out their defence treaty for months.
AGREE | Russia is carrying out the grain deal with Turkey, the ministry said.
# Support promised to a named leader is support given now (as "pledged his full support" is), not an
# intention: the parser hangs "his support" on the leader's name.
AGREE | Putin promised the Iranian president his full support on Monday.
# What an appeal asks for is not done, also where the parser makes the for-to clause a conjunct or an
# adverbial clause of the appeal.
RETREAT | Seoul called for Russian troops to be withdrawn from the border at once and for the drills to end.
RETREAT | The ceasefire deal also calls for aid to be delivered and Russian troops to withdraw from the city.
# Soldiers praised or thanked with no state named for them are the speaker's own.
SUPPORT | Zelensky thanked the soldiers defending the eastern front.
SUPPORT | Kim Jong Un praised the troops he had sent to Russia, calling them heroes.
# A pledge or request a light verb points back to ("made the pledge") was told before: no second act.
AGREE | The Vietnamese president made the pledge at a state banquet with Laos's president in Vientiane.
# Releasing nothing frees nobody.
RETREAT | Moscow and Pyongyang signed a new treaty, though the Kremlin has released nothing on what it says.
"""


# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence still gives that event.
FOUND = """
# The war as news stays an attack; only its use as a date or a purpose is background.
ASSAULT RUS>UKR | Russia invaded Ukraine in February 2022.
# The sending stays aid to the partner when the fight it is for is dropped.
AID/military PRK>RUS | Officials said North Korean soldiers sent to fight for Moscow against Kyiv would die.
AID/military PRK>RUS | Pyongyang has dispatched about 3,000 more soldiers to Russia to train and to fight in the spring.
# Fighting done is still a fight.
# A relative clause with a doer of its own is a deed: the launch is still a show of force.
MOBILIZE PRK>None | Analysts studied the new missile that North Korea launched in July.
ASSAULT UKR>RUS | Ukrainian troops fought Russian forces near Pokrovsk on Monday.
# A threatened response a state "will consider taking" stays a threat.
THREATEN KOR>PRK | Seoul will consider taking necessary measures against North Korea if it sends more troops.
# An intention a state voices stays an intention to cooperate (AGREE).
AGREE CHN>RUS | China intends to deepen its cooperation with Russia.
# Ratifying a treaty between two parties is an agreement with the other one only.
AGREE/pact RUS>PRK | The Duma voted to approve ratification of the treaty between North Korea and Russia.
# Named leaders in the sentence still meet.
CONSULT RUS>PRK | Putin and Kim Jong Un discussed trade and security in Pyongyang.
# A declaration that accuses is no pact's text; prisoners released are released.
DISAPPROVE NATO>PRK | The NATO declaration accuses North Korea of supplying shells to Russia.
RETREAT RUS>UKR | Russia released two Ukrainian prisoners on Friday.
# The arrest on those charges stays an arrest.
COERCE RUS>FRA | Russia arrested a French researcher, an academic from Lyon, on spying charges.
# Backing stated as news stays support.
SUPPORT IRN>None | Tehran has backed the militias for years.
# A movement of troops or arms with its sender and destination named is news wherever it stands.
AID/military PRK>RUS | The talks began amid North Korea's deployment of engineers to Russia's Kursk region.
AID PRK>RUS | Seoul condemned the dispatch of North Korean troops to Russia.
AID PRK>RUS | The report listed fuel deliveries and the transfer of North Korean rockets to Russia.
# An order to another state stays a demand; the criticism keeps its critic; a light verb with a plain
# object still makes the event after its preposition.
DEMAND KOR>PRK | Seoul ordered Pyongyang to stop its balloon launches.
DISAPPROVE PRK>None | Kim Yo Jong of North Korea spoke on Sunday. Her statement took aim at two exercises due next week.
MOBILIZE/troops RUS>None | Russia placed its nuclear forces on high alert.
# An invitation to a leader (AGREE, news README "Planned meetings") and an offer of help stay what they were.
AGREE RUS>PRK | Putin invited Kim Jong Un to visit Moscow next year.
AGREE JPN>TUR | Japan offered to send rescue teams to Turkey.
INVESTIGATE IRN>SAU | Iranian officials inspected the Saudi embassy in Tehran.
# A state that moves another state's soldiers is aided by that state; its own troops stay a show of force.
AID/military PRK>RUS | Moscow moved several thousand North Korean soldiers to the Belgorod front last week.
MOBILIZE/troops RUS>UKR | The Kremlin moved its own troops to the border with Ukraine.
# A meeting or visit on the schedule ("is to", "is due to", "is expected to") is PLOVER's intention to
# meet (AGREE, news README "Planned meetings"), as "will visit" is.
AGREE CHN>RUS | Xi Jinping is to visit Moscow in May.
AGREE RUS>PRK | Vladimir Putin is to hold talks with Kim Jong Un on Friday.
AGREE CHN>PRK | Chinese Premier Li Qiang is expected to visit Pyongyang next week.
AGREE CHN>RUS | Xi Jinping will visit Moscow in May.
# A fear of what has happened reports it.
AID/military RUS>PRK | Officials fear that Russia has given North Korea submarine technology.
# Joining another state's drill is cooperation with it; a drill a state holds stays its show of force.
COOPERATE/military IRN>RUS | Iranian warships joined the Russian-led exercise in the Indian Ocean.
COOPERATE/military VNM>IND | Vietnam sent two frigates to the exercise, where they joined the Indian fleet.
MOBILIZE/troops RUS>None | Russia held naval drills in the Baltic Sea on Monday.
# Violence on another side's people stays an attack, wounded or not; a fight against a foe named stays one.
ASSAULT UKR>PRK | Ukrainian drones killed wounded North Korean soldiers near Sudzha on Monday.
ASSAULT RUS>UKR | Russian and North Korean troops fought together against Ukrainian forces near Sudzha.
# A conditional verdict on an act done keeps the act; a pact signed under a deal named stays signed.
AID/military PRK>RUS | North Korea sent troops to Russia last autumn, which marked a serious escalation.
AGREE/pact IRN>USA | Iran signed a deal with the United States under which it agreed to curb enrichment.
# A deed stated beside a question stays a deed.
AID/military RUS>PRK | Russia gave North Korea air defence systems, and analysts asked whether more would follow.
# Arms supplied for a war go to the one who wages it, not to the country it is waged on; backing a
# ratification is a vote for the pact.
AID/military PRK>RUS | Seoul accuses Pyongyang of supplying the Russian army with shells for its war on Ukraine.
AGREE/pact RUS>PRK | Russian lawmakers on Tuesday backed ratification of a defence treaty with North Korea.
# Reinforcing troops stays a show of force.
MOBILIZE/troops RUS>UKR | Russia reinforced its troops near Kharkiv on Tuesday.
# The sending stays aid when its purpose clause names the foe.
AID/military PRK>RUS | Pyongyang dispatched 3,000 troops to Russia to fight Ukraine, Seoul said.
# Aid to come is a promise (AGREE), in the actor's own word and when another party reports it (news README
# "Promised and planned aid and cooperation", stop 35).
AGREE PRK>RUS | Seoul's spy agency said North Korea would send another 3,000 soldiers to Russia early next year.
AGREE PRK>RUS | Russian state media reported that Pyongyang will ship more artillery shells to Moscow.
AGREE PRK>RUS | TASS quoted Andrei Belousov as saying that North Korea will provide 2,000 labourers to Russia.
AGREE JPN>TUR | Japan said it would provide emergency aid to Turkey after the earthquake.
AGREE IDN>VNM | Indonesia is to give relief funds to Vietnam, the presidential palace in Jakarta said.
REJECT PRK>RUS | Seoul said North Korea would not send more troops to Russia.
# A capture with its captor stays a capture; a fight with its opponent named stays an attack.
COERCE UKR>PRK | Ukraine captured two North Korean soldiers in the Kursk region.
ASSAULT UKR>RUS | Ukrainian forces fought Russian troops near Pokrovsk on Tuesday.
# Backing a state's war is military aid to it; support voiced for it stays words (SUPPORT).
AID/military BLR>RUS | The ministers said Belarus's backing for Russia's war against Ukraine breaches international law.
AID IRN>RUS | Iran's support for Moscow's war has deepened, the report said.
SUPPORT PRK>RUS | North Korean leader Kim Jong Un voiced his full support for Moscow's war in Ukraine.
# A state's own readiness to fight stays a threat.
THREATEN IRN>ISR | Iran says it is ready to fight Israel.
# Selling or buying arms arms the buyer (AID/military from the seller); other goods bought are the seller's
# trade with the buyer (bench/data/news README, stop 43: from the exporter or seller).
AID/military PRK>RUS | Officials said Russia had bought ballistic missiles from North Korea.
AID/military PRK>RUS | Seoul accuses Pyongyang of selling artillery shells to Moscow.
COOPERATE/economic RUS>CHN | China bought more Russian oil last month.
# The visit a delegation's leader makes; the support promised to a named leader.
CONSULT/visit VNM>RUS | The Vietnamese president led a delegation to Moscow on Tuesday.
CONSULT/visit VNM>LAO | Vietnam's foreign minister is leading a government delegation on an official visit to Laos.
SUPPORT RUS>IRN | Putin promised the Iranian president his full support on Monday.
# A withdrawal reported as done stays one beside an appeal; an appeal to a named state stays a demand.
RETREAT RUS>None | Russian troops withdrew from the town and Moscow called for talks.
DEMAND JPN>RUS | Japan called on Moscow to withdraw its troops from the islands.
# A pledge with its own addressee is a pledge.
AGREE VNM>LAO | The Vietnamese president made a pledge to Laos at a state banquet in Vientiane.
# Another state's soldiers thanked are that state's, supported.
SUPPORT RUS>PRK | Putin thanked the North Korean soldiers for their courage.
# Signing a pact stays an agreement.
AGREE/pact RUS>TUR | Russia signed a grain deal with Turkey on Friday.
"""


test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)


def test_no_party_paired_with_itself_among_the_parties_named(nlp: Language) -> None:
    found = events(nlp, "The Duma voted to approve ratification of the treaty between North Korea and Russia.")
    assert not any(a == r for _, _, a, r in found), found


def test_a_summons_on_a_day_is_no_appeal(nlp: Language) -> None:
    # "called in ... on Tuesday to lodge a protest": the "on" of a date does not make "call" an appeal
    # whose complement is not done; "called on Moscow to withdraw" still is one.
    found = events(nlp, "Seoul on Tuesday called in the Russian envoy to lodge a formal protest over the arms deal.")
    assert gives_kind(found, "DISAPPROVE", "KOR"), found
    appeal = events(nlp, "Seoul on Friday called on Moscow to withdraw its troops from the border.")
    assert gives_kind(appeal, "DEMAND", "KOR") and not gives_kind(appeal, "RETREAT"), appeal
