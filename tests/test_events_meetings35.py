"""The ruling of stop 35 on planned meetings (bench/data/news/README "Planned meetings", by the PLOVER
codebook's CONSULT section: "References to future meetings, summits, state visits, etc. and invitations for
state visits should be coded as AGREE"): a meeting, visit or talks still to come, however firm its timetable
("is due to visit", "is to hold talks", "will pay a visit", "the planned summit with", "preparations for the
visit"), is AGREE from whoever is to meet or visit to the named other side; inviting someone to visit or meet
is AGREE inviter -> invited, accepting an invitation AGREE accepter -> inviter. A meeting or visit that took
place or is under way stays CONSULT. Every sentence was written for this file; each shape has near-misses
that must not change."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from tests.event_lines import event_triples, line_tests

PUBLISHED = date(2025, 3, 10)


# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# A timetable puts a meeting to come on the calendar: still an intention to meet.
AGREE CHL>NOR | The Chilean foreign minister is due to visit Norway next week.
AGREE CHL>PER | The Chilean president is to hold talks with the Peruvian president in Santiago on Monday.
AGREE CHL>PER | The Chilean president was due to hold talks with the Peruvian president later in the day.
AGREE CHL>PER | The Chilean president is scheduled to meet the Peruvian president in Lima on Friday.
AGREE NOR>CHL | The Norwegian prime minister will pay a three-day official visit to Chile from Tuesday.
# A meeting or summit noun named as one to come.
AGREE CHL>PER | The Chilean president's planned summit with the Peruvian president was postponed.
AGREE CHL>PER | Officials said preparations for the Chilean president's visit to Peru were under way.
AGREE CHL>PER | Markets rose ahead of a summit between the Chilean and Peruvian presidents.
AGREE CHL>PER | It will be the Chilean president's first trip to Peru since 2019.
# An invitation to visit or meet, and its acceptance.
AGREE CHL>NOR | Santiago asked the Norwegian prime minister to come to Chile again.
AGREE CHL>NOR | Chile accepted an invitation from Norway to hold talks in Oslo.
AGREE NOR>CHL | Chile accepted an invitation from Norway to hold talks in Oslo.
# A visit still to come at someone's invitation: the visit and the invitation.
AGREE CHL>NOR | The Chilean president will visit Norway at the invitation of the Norwegian king.
AGREE NOR>CHL | The Chilean president will visit Norway at the invitation of the Norwegian king.
# A bare "will meet" stays what it was.
AGREE CHL>PER | The Chilean president will meet the Peruvian president in Lima on Friday.
# Meetings and visits that took place or are under way stay CONSULT.
CONSULT CHL>NOR | The Chilean president met the Norwegian prime minister in Santiago on Tuesday.
CONSULT/visit CHL>NOR | The Chilean president visited Norway last week at the invitation of the Norwegian government.
CONSULT NOR>CHL | The Chilean president visited Norway last week at the invitation of the Norwegian government.
CONSULT CHL>NOR | Chile and Norway held talks in Santiago last week.
CONSULT CHL>PER | The Chilean president, who is visiting Peru, held talks with the Peruvian president on Monday.
CONSULT/visit CHL>PER | It was the Chilean president's first trip to Peru since 2019.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# A meeting to come is no meeting yet.
CONSULT | The Chilean foreign minister is due to visit Norway next week.
CONSULT | The Chilean president is to hold talks with the Peruvian president in Santiago on Monday.
CONSULT | The Norwegian prime minister will pay a three-day official visit to Chile from Tuesday.
CONSULT | The Chilean president's planned summit with the Peruvian president was postponed.
CONSULT | Officials said preparations for the Chilean president's visit to Peru were under way.
CONSULT | Santiago asked the Norwegian prime minister to come to Chile again.
CONSULT | Chile accepted an invitation from Norway to hold talks in Oslo.
CONSULT | The Chilean president will visit Norway at the invitation of the Norwegian king.
# A meeting that took place is no intention to meet.
AGREE | The Chilean president met the Norwegian prime minister in Santiago on Tuesday.
AGREE | The Chilean president visited Norway last week at the invitation of the Norwegian government.
AGREE | Chile and Norway held talks in Santiago last week.
# A preparation for something other than a meeting is no meeting to come; nor is a past meeting
# before another event.
AGREE | Officials said preparations for the Chilean president's budget were under way.
AGREE | The Chilean and Peruvian presidents met in Lima ahead of the election.
AGREE | It was the Chilean president's first trip to Peru since 2019.
"""


test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)


def test_planned_visit_and_talks_are_one_intention(nlp: Language) -> None:
    text = "The Chilean president will visit Peru on Monday and hold talks with the Peruvian president."
    triples = event_triples(nlp, text, PUBLISHED)
    assert triples == [("AGREE", "CHL", "PER")], triples
