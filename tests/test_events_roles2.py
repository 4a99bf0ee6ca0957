"""Doers the sentence names only by a generic noun, or not at all, resolved by the house conventions
(bench/data/news/README.md; issue 13): the target of a judgement does what it is judged for ("criticised
Peru for expelling ..."), "the two countries" are the two states the sentence names, the parties of a
joint act a passive names ("drills between Egypt and Greece were held", "the accord, signed when Macron
travelled to Delhi"), and a document speaks for whoever issued it just before ("The declaration urges
...") - and nothing where the text names no one. Every sentence here was written for this file in the
style of news."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.event_lines import assert_found, assert_not_found, case_lines, event_triples

PUBLISHED = date(2025, 5, 20)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# A gerund of the reason ("for ...ing") is done by whom the judgement, penalty or thanks is aimed at: the
# object, the target of "on"/"against", else the passive subject.
DISAPPROVE BRA>PER | Brasilia criticised Peru for expelling the Brazilian trade attache without notice.
AID/military IRN>RUS | Canada imposed sanctions on Iran for supplying drones to Russia.
AID BLR>RUS | The bloc adopted measures against Belarus for helping Russia in its war.
AID/military KEN>SOM | Kenya was sanctioned last month for sending troops to Somalia.
CONSULT FIN>SWE | Norway praised Finland for hosting the talks with Sweden.
COERCE MAR>ESP | Spain condemned Morocco for detaining twelve Spanish fishermen.
# "The two/three countries": the states the sentence names, when it names as many.
AGREE JPN>DEU | Japan's leader visited Berlin on Monday, and the two countries agreed to expand military cooperation.
AGREE DEU>JPN | Japan's leader visited Berlin on Monday, and the two countries agreed to expand military cooperation.
DISAPPROVE PER>None | At the summit of Brazil, Chile and Peru, the three nations condemned the coup in Bolivia.
CONSULT CHL>ARG | Argentina and Chile have feuded for years, but the two neighbours held talks on Monday.
# What the act is done to is no side: the two are those of the summit.
DISAPPROVE POL>PRK | After a summit in Seoul with Polish President Andrzej Duda, the two leaders condemned North Korea.
# A joint act in a passive with no agent: the parties its own phrase names do it, each way.
COOPERATE EGY>GRC | Joint drills between Egypt and Greece were held last week near Crete.
COOPERATE GRC>EGY | Joint drills between Egypt and Greece were held last week near Crete.
# A pact signed with no agent: the two states of the signing's own clause.
AGREE FRA>IND | The accord, signed when Macron travelled to Delhi in May, commits both sides to joint patrols.
AGREE IND>FRA | The accord, signed when Macron travelled to Delhi in May, commits both sides to joint patrols.
# A document named by its kind speaks for whoever issued or adopted it shortly before.
DEMAND AU>SDN | African Union leaders adopted a declaration. The declaration urges Sudan to end the fighting.
DISAPPROVE CAN>VEN | Canada issued a statement. The statement also condemned Venezuela's decision to close the border.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# Things used or given for an act do not do it: their user does ("Russia shelled").
ASSAULT by PRK | Russia used North Korean shells for shelling the outskirts of Kharkiv.
# "The two sides" with no name in the sentence, or fewer named than counted, are not coded.
CONSULT | The two sides held talks in Geneva on Tuesday.
AGREE | Ecuador says the two countries agreed to reopen the border.
# A state the act is done to is no side of "the two countries" (only one is left).
AGREE by IRN | At a summit in Oslo, the two leaders agreed to sanction Iran.
# "The two Korean leaders": the modifier, not the sentence, says whose.
AGREE by USA | The two Korean leaders agreed to reopen the hotline, the United States said.
# A pact signed with no side named, or only one: no one signs it.
AGREE | The treaty was signed in June.
AGREE by MAR | Spain condemned the pact signed in Rabat.
# A state that acts in another clause is no party to a pact signed in the sentence.
AGREE by ESP | Spain condemned the accord signed by the two rebel factions in Morocco.
# A document whose issuing the text does not tell, or whose issuer only received it, speaks for no one.
DISAPPROVE | The statement also condemned Venezuela's decision to close the border.
DISAPPROVE by COL | Colombia rejected a statement from Peru. The statement also condemned Venezuela's decision.
"""


@pytest.mark.parametrize("line", case_lines(FOUND))
def test_doer_resolved(nlp: Language, line: str) -> None:
    assert_found(nlp, line, PUBLISHED)


@pytest.mark.parametrize("line", case_lines(NOT_FOUND))
def test_doer_not_invented(nlp: Language, line: str) -> None:
    assert_not_found(nlp, line, PUBLISHED)


def test_two_countries_is_one_event_each_way(nlp: Language) -> None:
    """ "The two countries agreed": one AGREE each way between the two states named, and no other."""
    text = "Japan's leader visited Berlin on Monday, and the two countries agreed to expand military cooperation."
    agreed = sorted(t for t in event_triples(nlp, text, PUBLISHED) if t[0] == "AGREE")
    assert agreed == [("AGREE", "DEU", "JPN"), ("AGREE", "JPN", "DEU")]


def test_two_countries_named_in_another_sentence_not_coded(nlp: Language) -> None:
    """ "The two countries" read back to a pair named in an earlier sentence is not coded (the news
    sets' convention): only the first sentence's signing gives AGREE events."""
    text = "Peru and Chile signed a pact in March. The two countries also agreed to open a border crossing."
    agreed = sorted(t for t in event_triples(nlp, text, PUBLISHED) if t[0] == "AGREE")
    assert agreed == [("AGREE", "CHL", "PER"), ("AGREE", "PER", "CHL")]
