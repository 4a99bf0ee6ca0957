"""Recall on real news (issue 13), third lane: two shapes the no-event diagnosis of the training files
found, both general grammar - a participle after a passive verb is done by the passive's subject
whichever link the parser gives it ("have been killed fighting for Russia", parsed as xcomp), and a
passive harm with no `by` agent names its doer in the attack it came in ("were killed in a Ukrainian
strike", "in Israel's offensive"); and (lane fightaid) forces of one state fighting, serving,
trained, stationed or moving in an ally's ground, war or units are AID to it, never to a state at
war with theirs (lexicon belligerents). Every sentence was written for this file in the style of news;
each shape has sentences where it must not fire."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 6, 2)


# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# A participle after a passive verb is the passive subject's act, under a reporting verb too.
AID/military PRK>RUS | The agency says 500 North Korean soldiers have been killed fighting for Russia and 900 more hurt.
AID/military PRK>RUS | A lawmaker said dozens of North Korean troops were captured fighting for Russia last winter.
# The attack a passive harm came in names its doer; the victims' own phrase names the other side.
ASSAULT UKR>PRK | Seoul said several North Korean officers were killed in a Ukrainian strike on Russian-held territory.
ASSAULT RUS>UKR | Eleven Ukrainian civilians were killed in a Russian missile attack on Kharkiv overnight.
ASSAULT ISR>PSE | More than 300 Palestinians have been killed in Israel's offensive, the health ministry said.
# Forces of one state fighting, serving, trained, stationed or moving in an ally's ground, war or units
# aid that ally (bench/data/news README "Troops"), hedged when a belief places them.
AID/military PRK>RUS | Officials said North Korean soldiers fighting in the Kursk region have taken heavy losses.
AID/military PRK>RUS | Seoul believes several thousand North Korean troops are being trained in Russia's far east.
AID/military PRK>RUS | Some 9,000 North Korean soldiers thought to be in Russia have moved towards the front, Kyiv says.
AID/military PRK>RUS | The Pentagon said Pyongyang has about 4,000 soldiers stationed in Russia.
AID/military BLR>RUS | Kyiv says Belarusian volunteers are serving in Russian units near Kupiansk.
AID/military PRK>RUS | The commander described battles near Sudzha in which North Korean units are taking part.
AID/military PRK>RUS | Minsk said North Korean troops fought side by side with Russian forces near Sudzha.
AID PRK>RUS | Washington said about 6,000 North Korean soldiers were heading toward Russia's Kursk region.
AID/military PRK>RUS | Kyiv said some of the North Korean soldiers were sent to Russia's Kursk border region.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# An attack that names nobody, or victims named only by the context, gives no doer.
ASSAULT | Dozens of soldiers were wounded in the fighting near the village.
ASSAULT | Two Russian pilots were killed in a strike on Kyiv.
ASSAULT | Over 300 residents were killed in Israel's offensive, the local health ministry said.
# Victims of the attacker's own side are no foe attacked.
ASSAULT | Three Russian soldiers were killed in Russian shelling.
# A state's forces in the ground of a state it is at war with aid no one there; nor does a war named
# only by its place have an owner, nor do denied forces, trainees in a state at peace, or a front.
AID | Kyiv says Ukrainian troops are still fighting in Russia's Kursk region.
AID | Officials said Russian soldiers stationed in occupied Ukraine have been rotated.
AID | Ukrainian troops have moved into Russia's Belgorod region, the governor said.
AID | Analysts said North Korean soldiers are fighting in the Ukraine conflict.
AID | Seoul denied that South Korean troops were stationed in Ukraine.
AID | No North Korean soldiers are fighting in Russia, Pyongyang's envoy said.
AID | About 200 Ukrainian soldiers are being trained in Poland this month.
AID | Russian troops are heading toward Ukraine's border, satellite images show.
AID | The Chinese navy will take part in joint drills hosted by Russia next month.
AID | Seoul said North Korean troops fought with Ukrainian forces near Sudzha.
"""


test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
