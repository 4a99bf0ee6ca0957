"""PLOVER types on sentences in the style of the PLOVER-coded sets (issue 13): which type a shape is by
the codebook, and when a sentence has one event, not two. Every sentence was written for this file;
each rule has sentences where it must still fire."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)


# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# A team sent abroad (of rescuers, doctors, experts) is help done, not an intention to help.
AID DEU>IRQ | Berlin sent a team of surgeons and medical supplies to Iraq on Sunday.
AID KEN>TUR | Kenya dispatched a team of rescuers to Turkey two days after the earthquake.
# Only a team still to be sent is an intention (PLOVER AGREE).
AGREE DEU>IRQ | Germany is to send a small team of forensic specialists to Iraq next week.
# The rejection itself stays, with what it rejects as its recipient.
REJECT RUS>FRA | Moscow vetoed a French text that would have imposed an arms embargo on the junta.
REJECT EU>None | The EU will not end the arms embargo it imposed on Belarus after the 2020 election.
REJECT CHN>UN | China vetoed a Western-backed UN measure to extend an independent inquiry into the bombing of Aleppo.
# Meeting a person is a meeting.
CONSULT RUS>PRK | Putin met Kim Jong Un in Vladivostok on Tuesday.
# Agreeing to halt fighting is an agreement to de-escalate (CAMEO 0356), no threat; halting it is RETREAT.
AGREE LBY>None | The two militias agreed to halt fighting in Tripoli's southern suburbs on Monday.
RETREAT/ceasefire ETH>None | Ethiopia and Tigrayan forces halted fighting after the talks in Pretoria.
# An agreement to attack stays a threat.
THREATEN RUS>UKR | Russia agreed to attack Ukrainian positions together with North Korean units.
# Giving back what one holds to its owner is RETREAT/return (codebook: return persons or property), whatever
# the thing; returning fire is an attack.
RETREAT/return NLD>ROU | The Dutch government returned a stolen Roman helmet to Romania on Friday.
RETREAT/return CHE>NGA | A rare bronze mask was returned by Swiss customs officials to the Nigerian authorities.
ASSAULT/firearms UKR>RUS | Ukrainian troops returned fire at Russian positions near Kupiansk.
# Troops a state announces for a peacekeeping mission are military aid (CAMEO 074), also where the parser
# hangs the mission on the announcing verb.
AID/military GHA>MLI | Ghana on Monday announced the deployment of 400 soldiers to Mali on a peacekeeping mission.
# Criticism one faces or attracts from someone is that critic's DISAPPROVE (as "drew condemnation from").
DISAPPROVE EU>BLR | Today Belarus faces strong international criticism from the European Union over its jailings.
DISAPPROVE KOR>None | The missile launch attracted sharp criticism from Seoul.
# Taking in people, or opening borders to them, is asylum given (CAMEO 075: AID/asylum).
AID/asylum PRT>LBY | Portugal accepted some 900 people stranded in Libyan detention centres.
AID/asylum JOR>SYR | Jordan opened its borders to thousands of people fleeing the war in Syria.
# Whoever backs a group is not among its actors ("Iranian-backed", as "backed by Iran").
ASSAULT YEM>SAU | The Iranian-backed Houthi movement launched a drone attack on Saudi oil facilities.
SANCTION/expel SOM>KEN | The UN-backed authorities in Somalia expelled two Kenyan diplomats.
# With nothing else naming the group, the backer stands for it.
ASSAULT ARM>AZE | Armenian-backed units broke the truce in occupied Karabakh 40 times on Friday.
# Supplies flown in are aid delivered; flying to a state stays a visit.
AID ICRC>PSE | The Red Cross flew 20 tonnes of medicine into Gaza on Sunday.
CONSULT/visit RUS>PRK | Putin flew to Pyongyang on Tuesday.
# Reinforcing troops is a force build-up; reinforcing a commitment or an alliance moves no force.
MOBILIZE/troops RUS>FIN | Russia reinforced its troops along the Finnish border.
# A demand stated through a light verb is a DEMAND (CAMEO REITERATE * DEMAND, 100).
DEMAND PRK>USA | Pyongyang again voiced its demand that Washington pull its forces out of South Korea.
DEMAND IRN>None | Iran renewed its demand for the release of its diplomats held in Iraq.
# "commence" is a light verb as "begin" and "launch" are: the event noun is the event.
ASSAULT ISR>PSE | Israeli forces commenced ground assaults on Hamas positions in Rafah on Monday.
# Codebook ACCUSE/disapprove: "express disapproval; condemn; complain", also with a clause and no object.
DISAPPROVE CHN>None | Beijing complained that Manila had violated its territorial waters.
DISAPPROVE JPN>CHN | Japan complained about the Chinese coast guard patrols near the islands.
# Beginning a military or ground operation is an attack; announced for the future, a threat.
ASSAULT ISR>LBN | Israel began a ground operation in southern Lebanon on Tuesday.
THREATEN/violence TUR>SYR | Erdogan said Ankara would begin a military operation against Kurdish militias in Syria.
# Giving or granting permission or authorization eases a legal restriction (CAMEO 080 GIVE/GRANT * PERMISSION:
# CONCEDE).
CONCEDE ESP>PER | A Spanish court gave its authorization for the former minister to be extradited to Peru.
CONCEDE JOR>None | Jordan granted the United Nations permission to use its airspace for aid flights.
# The CAMEO pattern LAY * DOWN &WEAPON reaches the hand class "weapons" ("arms"); in the future, an intention.
AGREE/ceasefire ARM>None | Armenian units in Karabakh are to lay down all weapons by March, Yerevan said.
"""


# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
AGREE by DEU | Berlin sent a team of surgeons and medical supplies to Iraq on Sunday.
# What a rejection rejects is no event: the embargo, the pressure, the demand never happened.
# (Nor is a measure the rejection names as background: the refusal to lift it is the event.)
SANCTION | Moscow vetoed a French text that would have imposed an arms embargo on the junta.
SANCTION | The EU will not end the arms embargo it imposed on Belarus after the 2020 election.
# (also where the parser hangs the measure's clause on the verb)
INVESTIGATE | China vetoed a Western-backed UN measure to extend an independent inquiry into the bombing of Aleppo.
ASSAULT | China vetoed a Western-backed UN measure to extend an independent inquiry into the bombing of Aleppo.
ASSAULT | Beijing vetoed a UN text to prolong an international inquiry into shelling in Kharkiv.
SANCTION | The rebel council rejected the government's demand to cut off funding to the militias.
THREATEN | The two militias agreed to halt fighting in Tripoli's southern suburbs on Monday.
# Meeting a goal, a target or a deadline is no meeting.
CONSULT | Officials in Canberra expect to meet this year's target of 20,000 resettled refugees.
AGREE | Officials in Canberra expect to meet this year's target of 20,000 resettled refugees.
# Bringing ties back to a level, returning a gesture or an envoy, coming home: nothing given back.
RETREAT | Moscow hopes to return trade with Pyongyang to its pre-pandemic level.
RETREAT | Pyongyang soon returned the gesture, sending a delegation to Vladivostok.
RETREAT | Russia returned its ambassador to Washington after a two-month absence.
RETREAT | Kim Jong Un returned to Pyongyang on Thursday.
MOBILIZE | Ghana on Monday announced the deployment of 400 soldiers to Mali on a peacekeeping mission.
ASSAULT by IRN | The Iranian-backed Houthi movement launched a drone attack on Saudi oil facilities.
SANCTION by UN | The UN-backed authorities in Somalia expelled two Kenyan diplomats.
DISAPPROVE | Russia faces a difficult winter on the front.
CONSULT | The Red Cross flew 20 tonnes of medicine into Gaza on Sunday.
MOBILIZE | Norway pledged to reinforce its long commitment to Sudanese refugees this year.
MOBILIZE | Seoul and Washington vowed to reinforce their alliance against Pyongyang.
# Demand as economics, and operations of a plant, are no events.
DEMAND | Demand for artillery shells has doubled since the war began.
ASSAULT | The new steel plant in Kaesong began operations in March.
"""


test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
