"""The second event in a sentence (issue 13, lane multi39): acts the rules read beside another event of the same
sentence. A gerund "for" which one is praised, thanked, blamed or punished is what the one praised or punished
did, as "accused X of" reads it ("Ottawa thanked Mexico for sending firefighters", "Lima imposed sanctions on
Caracas for arming the rebels", "Iran was condemned for shipping drones"), never the judge's own act. And a
joint act that names its own parties is news in a prepositional phrase ("called for an end to the cooperation
between Havana and Caracas", "set out its stance on the growing ties between Minsk and Tehran"), but not as
what a noun's "of" is about ("the details of the cooperation between A and B") nor what a verb's "on" is about
("focused on"), nor as a pact's name. A finite verb the parser hangs as a conjunct on an infinitive or a
modal's verb ("urged Minsk to free X and denounced Y", "warned that it could strain ties and urged Bolivia to
...") is the outer verb's conjunct: its subject's act, not what the outer verb asks for or says. Every
sentence was written for this file in the style of news; each shape has sentences where it must not fire."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 9, 14)


# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# The reason one is praised, thanked or blamed for: the object did it.
AID VNM>LAO | Thailand praised Vietnam for helping Laos after the floods.
AID/military BLR>RUS | Lithuania criticised Belarus for supplying Russia with artillery shells.
COOPERATE VEN>CUB | Brazil criticised Venezuela and Cuba for expanding their military cooperation.
DISAPPROVE BRA>VEN | Brazil criticised Venezuela and Cuba for expanding their military cooperation.
# A measure imposed "on" someone for an act: whom it is aimed at did it.
AID/military BLR>RUS | The EU imposed sanctions on Belarus for supplying Russia with fuel and shells.
SANCTION EU>BLR | The EU imposed sanctions on Belarus for supplying Russia with fuel and shells.
# A passive's subject is who is blamed.
AID/military IRN>RUS | Iran was condemned for supplying Russia with drones.
# A named pair's cooperation or ties in a prepositional phrase: cooperation each way.
COOPERATE CUB>VEN | Bogota called for an end to the military cooperation between Havana and Caracas.
COOPERATE VEN>CUB | Bogota called for an end to the military cooperation between Havana and Caracas.
COOPERATE BLR>IRN | The minister set out Lithuania's stance on the growing ties between Minsk and Tehran.
COOPERATE IRN>BLR | Kyiv voiced its position on the deepening defence cooperation between Tehran and Minsk.
# A finite verb the parser hangs on an infinitive or a modal's verb is the outer verb's conjunct.
DISAPPROVE POL>BLR | Warsaw urged Minsk to free the reporters and denounced Belarus's fuel shipments to Russia.
AID BLR>RUS | Warsaw urged Minsk to free the reporters and denounced Belarus's fuel shipments to Russia.
DEMAND CHL>BOL | Chile warned that the incursions could strain relations and urged Bolivia to secure the border.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# The judge does not do what it praises or blames the other for.
AID by THA | Thailand praised Vietnam for helping Laos after the floods.
AID by LTU | Lithuania criticised Belarus for supplying Russia with artillery shells.
AID by EU | The EU imposed sanctions on Belarus for supplying Russia with fuel and shells.
# A purpose "for" after no one blamed stays the subject's own plan, not another's act.
AID by POL | Warsaw is raising funds for helping refugees from the war.
# A reason done to no one named is what the charge or the thanks says, not an act stated.
COOPERATE | Police in Lima arrested a Chilean trader for collaborating with a smuggling ring.
COOPERATE | Quito thanked Bogota for cooperating in the prisoner swap.
RETREAT | The Latvian foreign minister criticised Belarus for letting migrants cross its border.
# What one is arrested or charged for is a charge, not an act told as done.
AID by CHL | Police in Lima arrested a Chilean trader for smuggling weapons to Bolivia.
# What a noun's "of" is about is a topic; a pact's name is a document; a pair not named is no pair.
COOPERATE | Ankara said it did not know the details of the cooperation between Minsk and Tehran.
COOPERATE | The progress of defence cooperation between Havana and Caracas will set the pace of the response.
COOPERATE | Bogota called for an end to military cooperation in the region.
COOPERATE | Analysts have long focused on the naval cooperation between Havana and Caracas.
# One subject's two verbs: "does not recognise X and supports Y" stays under what is said.
DEMAND by PER | Lima said Quito could reopen the border and calls for talks were premature.
"""


test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
