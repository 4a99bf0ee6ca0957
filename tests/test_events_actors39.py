"""The right actor and recipient when the type is right (issue 13, stop 39, lane actors39): "the
ministers", "the officials", "the leaders" and "they" after an organisation of states' own delegates
("The G7's foreign ministers ... The officials voiced concern") speak for that organisation, not for
a state named in what they speak of or in a statement's issuer. Forces that pull back from an ally's
war withdraw from the ally's foe (lexicon belligerents), and a withdrawal from a base or town of a
state leaves that state. An aid purpose the parser hangs on the verb ("remains silent about Iran's
dispatch of drones to help Russia") is the sending's, whose doer gives the aid. "The Council", a title
the parser reads as a name, follows the council named before as "the council" does. "Officials say
soldiers deployed in X have pulled back": the soldiers pull back (the parser makes the participle a
clause beside the verb, which then inherits the officials). Every sentence here was written for this
file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

_G7 = "The G7's foreign ministers said on Friday that they were worried about the ties between Iran and Belarus."
_NATO = "NATO leaders met in Brussels on Thursday to discuss the war."
_HRC = "The UN Human Rights Council adopted a resolution on Myanmar, with Eritrea and China voting against it."
_SENT = "Belarus sent 3,000 soldiers to Russia's Belgorod region last autumn."

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = f"""
# Delegates of an organisation named before, by the same title or another.
DISAPPROVE G7>IRN | {_G7} The officials voiced concern over the deployment of Iranian troops in Belarus.
DISAPPROVE G7>IRN | {_G7} The ministers condemned Iran in a statement released by Canada.
DEMAND NATO>VEN | {_NATO} The leaders urged Venezuela to release the detained diplomats.
DEMAND NATO>VEN | {_NATO} The officials called on Venezuela to release the detained diplomats.
# "they" of the delegates' own clause, and the next sentence's.
DISAPPROVE G7>BLR | {_G7} The ministers said they condemn Belarus for its part.
DEMAND G7>IRN | {_G7} The ministers condemned the transfers. They also urged Iran to stop.
# Near-misses: delegates named before by their state keep the state.
DISAPPROVE FRA>IRN | French ministers met in Paris on Friday. The officials condemned Iran for the strike.
DISAPPROVE USA>IRN | {_G7} American officials arrived in Rome on Monday. The officials condemned Iran.
# Forces that aided an ally pull back from its foe, with no ground named or the ally's.
RETREAT BLR>UKR | {_SENT} The Belarusian soldiers have pulled back from the front line, Kyiv said.
RETREAT BLR>UKR | {_SENT} Some Belarusian units had left the front line in the Belgorod region.
# Near-miss: forces of no known ally pull back from no foe the text does not name.
RETREAT BLR>None | Belarusian soldiers have pulled back from the front line near Brest.
# A base or town left in a state.
RETREAT KEN>SOM | Kenya has finished withdrawing its troops from a northern base in Somalia.
# An aid purpose right after a sending is the sending's.
AID IRN>RUS | Officially, India remains silent about Iran's dispatch of drones to help Russia's war.
AID IRN>RUS | Brazil takes no position on Iran's deployment of troops to help Russia's war.
# Near-misses: the verb's own purpose, and a hostile purpose, stay the subject's.
AID IRN>RUS | Iran sent drones to help Russia.
ASSAULT RUS>UKR | Russia used Iran's shipment of drones to attack Ukraine.
# A capitalised title noun follows the body named before.
DEMAND UNHRC>MMR | {_HRC} The Council called on Myanmar to halt all attacks on civilians.
# A participle the parser makes a clause beside the verb leaves the verb its subject.
RETREAT BLR>UKR | Kyiv's officials say Belarusian soldiers deployed in Belgorod have pulled back from the front.
ASSAULT IRN>SAU | Officials said Iranian drones launched from Yemen have struck a Saudi refinery.
# Near-miss: a withdrawal named by the state left stays as it was.
RETREAT KEN>SOM | Kenya withdrew its troops from Somalia.
"""

# Look-alikes: a line "TYPE[ by ACTOR] | sentence" says the sentence gives no such event.
NOT_FOUND = f"""
DISAPPROVE by CAN | {_G7} The ministers condemned Iran in a statement released by Canada.
DISAPPROVE by BLR | {_G7} The officials voiced concern over the deployment of Iranian troops in Belarus.
DISAPPROVE by G7 | French ministers met in Paris on Friday. The officials condemned Iran for the strike.
DEMAND by CHN | {_HRC} The Council called on Myanmar to halt all attacks on civilians.
RETREAT by UKR | Kyiv's officials say Belarusian soldiers deployed in Belgorod have pulled back from the front.
AID by IND | Officially, India remains silent about Iran's dispatch of drones to help Russia's war.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
