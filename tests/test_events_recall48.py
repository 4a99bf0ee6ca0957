"""Events the rules missed in real news (issue 13, stop 48, lane recall48).

- Forces described by a relative clause of a fight done, its subject the relative pronoun, fight at a partner's
  side as forces described by a participle do ("the soldiers who fought side by side with Russian troops" as
  "soldiers fighting side by side with Russian troops"): their state gives military aid to the partner
  (bench/data/news README "Troops": fighting for, alongside or on the side of Russia is AID).
- Troops sent "to fight in" a state's ground aid that state, as troops "fighting in" it do, unless the sender is
  at war with it (the lexicon's belligerents: then it stays a show of force aimed at the foe).
- An act a reporter says was done "in violation / breach of" a rule (UN resolutions, international law) is the
  reporter's verdict on its doer (DISAPPROVE reporter -> doer), as "said the act violates UN resolutions" already
  is, not the doer's censure of the rule's owner.
- A named pair's cooperation of a kind in an "of" phrase ("the military cooperation of Russia and North Korea")
  is COOPERATE each way, as in a "between" one (README "Cooperation").

Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 6, 3)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# Forces described by a relative clause with a relative pronoun subject.
AID/military BLR>RUS | The minister hailed the Belarusian troops who had fought side by side with Russian units.
AID/military BLR>RUS | Moscow pledged to honour the Belarusian soldiers who fought within the Russian forces.
AID/military ARM>RUS | The envoy hailed Armenian volunteers that fought shoulder to shoulder with Russian troops.
# Troops sent to fight in an ally's ground.
AID/military BLR>RUS | Minsk sent two brigades to fight in Russia, the ministry said.
AID/military BLR>RUS | Of the 9,000 Belarusian soldiers sent to fight in the Bryansk region, about 800 were wounded.
AID/military LAO>VNM | Laos dispatched 500 troops to fight in Vietnam last spring.
# An act reported as done in breach of a rule: the reporter's verdict on its doer.
DISAPPROVE JPN>IRN | Tokyo said Iran has enlarged its drone programme in violation of UN resolutions.
DISAPPROVE FRA>IRN | Paris said on Monday that Iran, in breach of several Council resolutions, had tested a rocket.
DISAPPROVE POL>BLR | Warsaw said Belarus had pushed the migrants across the border in breach of international law.
# A named pair's cooperation of a kind in an "of" phrase, as in a "between" one: each way.
COOPERATE LAO>VNM | Thailand condemned the military cooperation of Laos and Vietnam.
COOPERATE VNM>LAO | Thailand condemned the military cooperation of Laos and Vietnam.
COOPERATE CHN>PAK | India sanctioned three firms that took part in the defence cooperation of China and Pakistan.
# Troops sent by a state to fight in a foe's ground stay a show of force aimed at it.
MOBILIZE/troops RUS>UKR | Russia sent two more divisions to fight in Ukraine, Kyiv said.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# Not the doer's censure of the rule's owner.
DISAPPROVE by IRN | Tokyo said Iran has enlarged its drone programme in violation of UN resolutions.
# A way of doing that breaks no rule named.
DISAPPROVE | Tokyo said Iran has enlarged its drone programme in view of the threats.
# Bare cooperation "of" a pair may be with someone else.
COOPERATE | Oslo welcomed the cooperation of Laos and Vietnam in the inquiry.
# A relative clause of forces only supposed is no fight at a partner's side.
AID | Paris named the French troops who would be deployed in Moldova under a truce.
# A foe's ground is no partner's.
AID by RUS | Russia sent two more divisions to fight in Ukraine, Kyiv said.
# Soldiers of a state at war with the place's state aid no one there.
AID by UKR | Officials praised the Ukrainian soldiers who fought in the Kursk region last year.
# Fighting at a front names no state helped.
AID | Minsk sent two brigades to fight at the front, the ministry said.
# A bare "with" is the foe's: soldiers who fought with Polish troops fought them.
AID by BLR | The officer described the Belarusian soldiers who fought with Polish troops at the border.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
