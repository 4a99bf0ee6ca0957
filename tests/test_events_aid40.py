"""Troops sent to help a state are AID to it (issue 13, stop 40, lane aid40). A host's deployment of
another state's troops, as a noun too ("Venezuela's deployment of Cuban troops"), is AID from the
troops' state to the host, as the verb was read before, and names where they go (news in a phrase,
as "the dispatch of Cuban troops to Venezuela" is); a state's troop movement a verdict judges
("condemned Cuba's troop deployment") is an act of its own beside the verdict; troops "placed" in a
state's ground are a movement there (AID to a partner, a show of force on a foe's border); a state
named just before a gerund the parser hung on the main verb ("declined to comment on Cuba sending
troops") is who sends; forces joining a state's war, or taking part in a war "against" the one foe of
a state at war, aid that state. Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# A host's deployment of a partner's troops: the partner aids the host.
AID/military CUB>VEN | Brazil voiced concern over Venezuela's deployment of Cuban troops near the border.
AID/military BLR>RUS | Lithuania said Moscow's deployment of Belarusian soldiers showed how close the allies were.
# ... also in a phrase: the host is where the forces go, as "to Venezuela" would say.
AID/military BLR>RUS | Vilnius changed its policy in response to Moscow's deployment of Belarusian troops.
AID/military CUB>VEN | The minister hit out at the allies' weak response to Venezuela's deployment of Cuban troops.
# A state's troop movement a verdict judges is an act of its own, sent where the text said.
MOBILIZE/troops CUB>None | Brazil condemned Cuba's troop deployment as a provocation.
# Near-miss: the speaker's verdict on the host stays read.
DISAPPROVE BRA>VEN | Brazil voiced concern over Venezuela's deployment of Cuban troops near the border.
# Troops placed in a partner's ground, by their own state or the host.
AID/military CUB>VEN | Cuban troops were placed in the Zulia region of Venezuela in March.
AID/military CUB>VEN | Venezuela placed Cuban soldiers in its border region last week.
# Troops placed against a foe stay a show of force aimed at it.
MOBILIZE/troops RUS>UKR | Russia placed troops near the border with Ukraine.
# The state named before a gerund the parser hung on the main verb sends.
AID/military CUB>VEN | Brazil has not commented on Cuba dispatching thousands of troops to Venezuela.
AID/military BLR>RUS | Chile has avoided commenting directly on Belarus sending soldiers to Russia.
AID/military CUB>VEN | But Chilean aides have avoided commenting on Cuba dispatching thousands of troops to Venezuela.
# Joining a state's war, or taking part in the war against its one foe, aids it.
AID/military BLR>RUS | Minsk said Belarusian soldiers were joining Russia's war against Ukraine.
AID/military BLR>RUS | Belarus confirmed that its troops had taken part in the war against Ukraine.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# The host's own move of a partner's troops is no show of force of its own.
MOBILIZE by VEN | Brazil voiced concern over Venezuela's deployment of Cuban troops near the border.
# A host's own troops in a phrase, with no destination, stay declined.
MOBILIZE by VEN | Chile acted in response to Venezuela's deployment of troops.
# ... and goes where the text said the state's troops went: no show of force aimed at nobody.
MOBILIZE by CUB | Cuba sent troops to Venezuela in May. Brazil condemned Cuba's troop deployment as a provocation.
# A pronoun's movement, or a movement of no forces, under a verdict stays the verdict's object.
MOBILIZE | Brazil condemned its troop deployment as a provocation.
MOBILIZE | Malaysia protested against Beijing's deployment of a survey ship near its coast.
# The speaker who comments does not send.
AID by BRA | Brazil has not commented on Cuba dispatching thousands of troops to Venezuela.
# Placing sanctions moves no forces.
AID | The government placed sanctions on Cuban firms.
MOBILIZE | The government placed sanctions on Cuban firms.
# Joining a drill or a bloc is no aid; a war against a state at war with no one listed has no owner.
AID | Chinese warships joined the Russian fleet for the drills.
AID | Venezuela joined the alliance in 2020.
AID | Cuban troops took part in the war against Colombia.
# Forces of the foe's own enemy fight it: no aid to themselves or across the front.
AID by UKR | Ukrainian soldiers took part in the war against Russia.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
