"""Conflictual PLOVER types as the codebook and the CAMEO-to-PLOVER 2021 table read them (issue 13, on
text written by others): a court's finding of guilt is DISAPPROVE (CAMEO 116), a coercive act announced
for the future is THREATEN (CAMEO 13), what an "if" or "unless" clause supposes is no event. Every
sentence here was written for this file; each rule has sentences where it must fire and look-alikes
where it must not."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2024, 11, 8)


# A line "TYPE[/mode] ACTOR>RECIPIENT | text" says the text gives that event.
FOUND = """
# A conviction or a finding of guilt is CAMEO 116 "find guilty or liable", ACCUSE/disapprove; whoever is
# found guilty is its recipient, a domestic one coded as its state as a conviction's is.
DISAPPROVE RUS>RUS | A court in Moscow convicted the opposition leader of fraud on Tuesday.
DISAPPROVE JPN>JPN | A Tokyo court found the former minister guilty of taking bribes.
DISAPPROVE KOR>KOR | A Seoul court found the shipping company liable for the collision.
# The sentence that follows a conviction stays COERCE.
COERCE/arrest JPN>CHN | A court in Osaka convicted and sentenced the Chinese national to five years in prison.
# A coercive act announced for the future is a threat; its mode follows the act.
THREATEN/restrict JPN>JPN | The Japanese government will extend the curfew in Okinawa, the minister said.
THREATEN/expel RUS>JPN | Russia said it would expel ten Japanese diplomats.
THREATEN/violence PRK>KOR | North Korea will attack South Korea if provoked, Kim said.
THREATEN/restrict VEN>VEN | Venezuela's opposition parties said they would boycott the election.
# A curfew or emergency rule with no one else named is aimed at the state's own people, X -> X (news README:
# curfews and prohibitory orders COERCE X->X); one imposed on a named place or people keeps it.
COERCE/curfew PER>PER | The Peruvian government imposed a nightly curfew after the riots.
COERCE/curfew MEX>MEX | Mexico's interior ministry put the whole country under a curfew on Friday.
COERCE/martial-law ECU>ECU | Ecuador's president declared a state of emergency on Monday.
COERCE/curfew ISR>PSE | Israel imposed a curfew on Hebron after the attack.
# Disputing a report's results, refuting someone's comments, challenging reports or a plan is
# DISAPPROVE; refuting a report, as denying it, is REJECT.
DISAPPROVE KOR>JPN | Seoul disputed the results of the Japanese survey.
DISAPPROVE CHN>USA | Beijing strongly refuted Washington's comments on Taiwan.
DISAPPROVE CHN>None | Beijing challenged reports that its ships had entered Philippine waters.
DISAPPROVE JPN>CHN | Tokyo challenged the legality of the Chinese ban on seafood.
REJECT RUS>None | Moscow refuted reports of troop movements near the border.
# Protesters burning a flag riot; workers in a strike protest (CAMEO 14).
PROTEST/riot CHN>CHN | Protesters in Hong Kong burned the Chinese flag outside the liaison office.
# Expelling aid workers, inspectors or peacekeepers is SANCTION/expel (CAMEO 166, 1661-1663); expelling
# journalists or migrants stays a deportation.
SANCTION/expel MLI>UN | Mali's junta expelled a dozen aid workers of the UN food agency on Tuesday.
SANCTION/expel PRK>UN | North Korea expelled the UN nuclear inspectors in 2009.
COERCE/deport RUS>JPN | Russia expelled three Japanese journalists.
# Peacekeepers arriving are military aid (CAMEO 074), however deep the word sits, not a show of force.
AID/military IND>SSD | The first contingents of Indian peacekeeping troops arrived in Juba on Monday.
# The threat around a condition stays.
THREATEN/violence LBN>ISR | Hezbollah threatened to shell Tel Aviv if Israel strikes Beirut.
# (Stop 33 ruling: a response to a condition is a threat to the condition's doer.)
THREATEN/relations USA>RUS | If Russia invades Ukraine, Washington will impose sanctions.
"""


# Look-alikes: a line "TYPE[ by ACTOR] | text" says the text gives no such event.
NOT_FOUND = """
# A conviction is no arrest.
COERCE | A court in Moscow convicted the opposition leader of fraud on Tuesday.
# Finding something or someone is no finding of guilt.
DISAPPROVE | Japanese investigators found the missing fishermen on Sunday.
# A coercive act done is that act, not a threat; one that would have happened is neither.
THREATEN | Russia expelled ten Japanese diplomats on Monday.
THREATEN | The Japanese government extended the curfew in Okinawa.
THREATEN | Kyiv said the Russian units would have stormed the town without the new defences.
# What a condition supposes did not happen: only the threat or promise around it is an event.
ASSAULT | Hezbollah threatened to shell Tel Aviv if Israel strikes Beirut.
ASSAULT by RUS | If Russia invades Ukraine, Washington will impose sanctions.
DEMAND | Canada is ready to withdraw its soldiers from Latvia if it is asked to by Riga.
DEMAND | Canada is ready to withdraw its soldiers from Latvia if Riga asks it to do so.
AGREE | Seoul warned that Moscow would breach UN resolutions if it struck an arms deal with Pyongyang.
# A refusal to act ("will not attack") is no threat.
THREATEN | North Korea said it will not attack South Korea.
# Troops burning a village assault it; a strike carried out by forces is an attack.
PROTEST | Russian troops burned the village to the ground.
PROTEST | Russian forces carried out a strike on Kharkiv overnight.
# Challenging someone to a contest is no disapproval.
DISAPPROVE | Pyongyang challenged the United States to a duel.
# Boycotting now is no threat.
THREATEN | Venezuela's opposition parties boycotted the election.
"""


test_conflict_types_give_their_event, test_conflict_look_alikes_give_no_such_event = line_tests(
    FOUND, NOT_FOUND, PUBLISHED
)
