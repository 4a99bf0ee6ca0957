"""The ruling of stop 35 on promised and planned aid and cooperation (bench/data/news/README "Promised and
planned aid and cooperation", by the PLOVER codebook's AGREE section: cooperative actions "reported in future
tense ... should be coded as AGREE"): aid or material cooperation still to come ("plans to send", "is preparing
to ship", "is due to hold drills", "will send") is AGREE, with no mode, from whoever is to give or take part to
the named other side, also when a third party reports it. Aid or cooperation done or under way, or going on
("will keep helping"), stays AID / COOPERATE; conflictual acts to come stay as they are. Every sentence was
written for this file; each shape has near-misses that must not change."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from tests.event_lines import found_events, line_tests

PUBLISHED = date(2025, 3, 10)


# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# A plan or timetable for aid or cooperation is a promise of it.
AGREE ECU>BOL | Ecuador is preparing to ship rifles to Bolivia.
AGREE NOR>PER | Norway plans to send food aid to Peru.
AGREE NOR>PER | Norway intends to send food aid to Peru.
AGREE NOR>PER | Norway is to send food aid to Peru.
AGREE BRA>PRY | Brazil and Paraguay are due to hold joint naval drills.
AGREE PRY>BRA | Brazil and Paraguay are due to hold joint naval drills.
AGREE BRA>PRY | Brazil will hold naval drills with Paraguay next month.
AGREE PRY>BRA | Brazil will hold naval drills with Paraguay next month.
AGREE PRY>BRA | Brazil is to hold naval drills with Paraguay next month.
# Also when a third party reports it.
AGREE ECU>BOL | Peruvian intelligence says Ecuador is preparing to ship rifles to Bolivia.
AGREE ECU>BOL | Lima said Quito would send weapons to Bolivia.
AGREE ECU>BOL | Ecuador is preparing to ship rifles to Bolivia, Peruvian media reported.
# Aid done or under way, or going on, stays aid; drills held stay cooperation.
AID NOR>PER | Norway sent food aid to Peru.
AID NOR>PER | Norway is sending food aid to Peru.
AID NOR>PER | Norway has started supplying rifles to Peru.
AID NOR>PER | Norway will keep helping Peru.
AID NOR>PER | Norway had flown food to Peru and pledged $5 million more.
COOPERATE BRA>PRY | Brazil held naval drills with Paraguay.
# Conflictual acts to come stay as they are.
MOBILIZE NOR>PER | Norway plans to deploy troops to its border with Peru.
ASSAULT NOR>PER | Norway is preparing to attack Peru.
SANCTION NOR>PER | Norway is expected to impose sanctions on Peru.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# Aid or cooperation to come is no aid or cooperation yet.
AID | Ecuador is preparing to ship rifles to Bolivia.
AID | Norway plans to send food aid to Peru.
COOPERATE | Brazil and Paraguay are due to hold joint naval drills.
AID | Lima said Quito would send weapons to Bolivia.
# Aid done, under way or going on is no promise.
AGREE | Norway sent food aid to Peru.
AGREE | Norway is sending food aid to Peru.
AGREE | Norway will keep helping Peru.
AGREE | Brazil held naval drills with Paraguay.
# Conflictual acts to come are no promise.
AGREE | Norway plans to deploy troops to its border with Peru.
AGREE | Norway is expected to impose sanctions on Peru.
"""


test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)


def test_promised_aid_has_no_mode(nlp: Language) -> None:
    found = found_events(nlp, "Norway plans to send food aid to Peru.", PUBLISHED)
    assert found == {("AGREE", None, "NOR", "PER")}, found
