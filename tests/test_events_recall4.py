"""Recall on real news (issue 13), lane recall4: sentences that gave events but not the coded type.
Two shapes from the training files' "type not found" misses: "collaboration" is a named pair's
cooperation as "cooperation" is ("condemned the growing military collaboration between A and B"), and
a named pair's cooperation is what a voiced concern or worry is about, as after "concerned about"
("voiced concern about the cooperation between A and B" is COOPERATE each way besides the
DISAPPROVE); and a named transfer of troops or arms as a noun in a prepositional phrase is a fact the
clause takes as given, whatever its modal ("could send arms in response to Pyongyang's
deployment of troops to Russia"). Every sentence was written for this file in the style of news;
each shape has sentences where it must not fire."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 6, 2)


# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# "collaboration" with its pair named is cooperation each way, also as what is condemned.
COOPERATE PRK>RUS | G7 foreign ministers censured the growing military collaboration between Pyongyang and Moscow.
COOPERATE RUS>PRK | G7 foreign ministers censured the growing military collaboration between Pyongyang and Moscow.
COOPERATE CHN>RUS | The minister said the collaboration between Beijing and Moscow had deepened this year.
COOPERATE PRK>RUS | Seoul has criticised North Korea's collaboration with Russia.
# What a voiced concern or worry is about: a named pair's cooperation, besides the disapproval.
COOPERATE PRK>RUS | NATO voiced concern about the stepped-up military cooperation between Pyongyang and Moscow.
COOPERATE RUS>PRK | The leaders voiced strong concern about cooperation between North Korea and Russia in a declaration.
DISAPPROVE NATO>PRK | NATO voiced concern about the stepped-up military cooperation between Pyongyang and Moscow.
COOPERATE CHN>RUS | Tokyo expressed worry about the deepening cooperation between Beijing and Moscow.
# A named transfer in a prepositional phrase is a given fact, whatever the modal of its clause.
AID/military PRK>RUS | Seoul could send arms to Kyiv in response to Pyongyang's deployment of troops to Russia.
AID/military IRN>RUS | Washington may impose new penalties in response to Iran's shipment of drones to Russia.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# A collaboration with nobody named, or among people who are no actors, is a topic.
COOPERATE | Experts praised the collaboration among the scientists on the new vaccine.
COOPERATE | The report called for closer collaboration on climate research.
# A concern about something that names no pair, or about a pair's bare ties, is no cooperation.
COOPERATE | Berlin voiced concern about cooperation in the energy sector.
COOPERATE | Seoul voiced concern about the ties between Moscow and Pyongyang.
# A hypothetical one is no cooperation that is.
COOPERATE | The minister expressed concern about a possible collaboration between Russia and Iran.
COOPERATE | Analysts voiced worries about possible cooperation between Tehran and Pyongyang.
# A transfer whose sender is not named stays none under a modal.
AID | Seoul may respond to the dispatch of troops to the border.
AID | Berlin might answer the deployment of soldiers to the frontier with new measures.
"""


test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
