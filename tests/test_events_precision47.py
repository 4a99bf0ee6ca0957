"""Precision lane 47: constructions that made the rules code an event the conventions do not, or the wrong
type for the act (bench/data/news/README). Every sentence was written for this file.

Meetings still to come are AGREE, never CONSULT (stop-35 "Planned meetings", stop-42 "Speculated visits"): a
meeting told with "could / may / might" ("the envoy could meet the king during his stay"), a meeting in a
present-tense "when / before / once" clause (English tells a coming meeting so: "when he meets Lula next
week"), a meeting or visit noun that is the subject of "is scheduled / planned / set" ("a meeting … is
scheduled for 4 May") and a visit or talks during which, or for which, something is still to happen ("will
sign the pact during his visit to Lima", "is due to fly to Quito for talks")."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from extractors.extract import extract_text
from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# A meeting that could, may or might take place: a speculated meeting, hedged AGREE.
AGREE PER>CHL | A source in Lima said the Peruvian foreign minister could meet Chile's president during her stay.
AGREE PER>CHL | Officials in Santiago say the Peruvian president may visit Chile next month.
AGREE GHA>TGO | Diplomats said Ghana's leader might travel to Togo for a summit in the spring.
# A present-tense meeting in a "when / before / once" clause is one to come.
AGREE PER>CHL | Lima must not sign an arms deal when the Peruvian president meets Chile's president next week.
AGREE GHA>TGO | Ghana's president, in remarks released before he visits Togo this week, praised the new border accord.
# A meeting noun that is scheduled, planned or set.
AGREE PER>CHL | A meeting between the Peruvian president and Chile's foreign minister is scheduled for May 4.
# A visit or talks under a verb still to come.
AGREE PER>CHL | The Peruvian president is due to fly to Santiago on Monday for talks with Chile's president.
AGREE GHA>TGO | The ministry said Ghana's foreign minister would sign the fisheries accord during her visit to Togo.
# Done meetings stay CONSULT.
CONSULT PER>CHL | The Peruvian president met Chile's president in Santiago on Monday.
CONSULT PER>CHL | When the Peruvian president visited Chile last year, he signed a fisheries accord.
CONSULT GHA>TGO | Ghana's president praised the accord during his visit to Togo on Friday.
CONSULT PER>CHL | The Peruvian president may have met Chile's foreign minister in secret last year, officials said.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
CONSULT | A source in Lima said the Peruvian foreign minister could meet Chile's president during her stay.
CONSULT | Officials in Santiago say the Peruvian president may visit Chile next month.
CONSULT | Lima must not sign an arms deal when the Peruvian president meets Chile's president next week.
CONSULT | Ghana's president, in remarks released before he visits Togo this week, praised the new border accord.
CONSULT | A meeting between the Peruvian president and Chile's foreign minister is scheduled for May 4.
CONSULT | The Peruvian president is due to fly to Santiago on Monday for talks with Chile's president.
CONSULT | The ministry said Ghana's foreign minister would sign the fisheries accord during her visit to Togo.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)


# Sendings still to come are promised aid (news README "Promised and planned aid and cooperation": "is likely
# to send", "plans / intends / is preparing to send"), also where only an earlier sentence names the destination.
SENDINGS_FOUND = """
AGREE PER>CHL | Peru is likely to send more troops to Chile in July, Chilean intelligence said.
AGREE PER>CHL | Peru sent 500 soldiers to Chile in May. Lima now intends to deploy another 300 troops.
AGREE PER>CHL | Peru sent 500 soldiers to Chile in May. Chilean officials say Lima is preparing to send reinforcements.
AID PER>CHL | Peru sent 500 soldiers to Chile in May. Chilean officials say another 300 troops were deployed in June.
"""

SENDINGS_NOT_FOUND = """
AGREE | Peru is likely to have sent more troops to Chile in July, Chilean intelligence said.
"""

test_sending_found, test_no_sending_event = line_tests(SENDINGS_FOUND, SENDINGS_NOT_FOUND, PUBLISHED)


def test_sending_to_come_is_no_aid(nlp: Language) -> None:
    """The second sentence's sending is promised: AGREE alone, no AID beside it."""
    text = "Peru sent 500 soldiers to Chile in May. Lima now intends to deploy another 300 troops."
    second = text.index("Lima")
    kinds = {e.event_type for e in extract_text(nlp, text, PUBLISHED).events if e.start >= second}
    assert kinds == {"AGREE"}, kinds


# Troops sent to fight for, beside or on the side of a state are AID/military to it (news README "Troops"), also
# where the parser hangs the side on the front ("to fight at the front for Chile") or on the sending itself.
TROOPS_FOUND = """
AID PER>CHL | Bolivian officials said Peru had dispatched 3,000 soldiers to fight at the front for Chile.
AID PER>CHL | Last year Peru dispatched about 2,000 troops to battle beside Chile's forces in the north.
AID PER>CHL | Bolivia's spy agency said Peru was dispatching soldiers to fight on Chile's side in the war.
MOBILIZE PER>BOL | Peru sent 3,000 troops to the border to fight Bolivian forces.
"""

TROOPS_NOT_FOUND = """
MOBILIZE | Bolivian officials said Peru had dispatched 3,000 soldiers to fight at the front for Chile.
MOBILIZE | Last year Peru dispatched about 2,000 troops to battle beside Chile's forces in the north.
MOBILIZE | Bolivia's spy agency said Peru was dispatching soldiers to fight on Chile's side in the war.
"""

test_troops_found, test_no_troops_event = line_tests(TROOPS_FOUND, TROOPS_NOT_FOUND, PUBLISHED)
