"""Generic agents (issue 13): police, courts, governments and councils named by what they are, not by
name, coded by the state the text gives them ("police in Lagos", the one state a sentence names, "the
Security Council" as the UN's) - and left uncoded where the only state in reach is the one they act
on. Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from extractors.extract import extract_text
from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 4)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# Police and courts act at home: the state of the people they arrest, try or sentence is theirs.
COERCE CHL>CHL | Police arrested a Chilean student over the arson attack.
COERCE GEO>GEO | The court sentenced a Georgian businessman to six years in prison for bribery.
DISAPPROVE LVA>LVA | A court convicted a Latvian lorry driver of smuggling cigarettes.
# A place the agent is in gives its state.
COERCE NGA>NGA | Police in Lagos arrested twelve suspected smugglers on Friday.
COERCE KEN>KEN | Riot police in Nairobi detained dozens of students outside the university.
# The place in the agent's phrase and a pronoun back to the agent are its own, no recipient; a pronoun
# that does not agree with it ("its" after "Soldiers") names another.
CONCEDE CHL>None | Teachers in Chile called off their strike on Monday.
ASSAULT ECU>ECU | Soldiers in Ecuador stormed the parliament in Quito and smashed its gates.
# The one state a sentence names, outside what the agent acts on.
AGREE SRB>None | The government agreed to hold early elections after weeks of protests by Serbian students.
# A body the gazetteer does not know, named by what it is ("Council", "Police" among the words of its
# name), takes the state the text gives it like its bare head word would.
DISAPPROVE GHA>None | The Senate Committee on Mines condemned the attack on the convoy, the Ghanaian presidency said.
DISAPPROVE KEN>None | The National Security Council condemned the bombing of the market, Kenyan media reported.
COERCE THA>THA | The Metropolitan Police Bureau in Bangkok arrested two former ministers on Friday.
# A place the NER read as an organisation, named before an office or a government, is that place.
DISAPPROVE IND>None | Maharashtra Chief Minister Ravi Deshmukh condemned the violence at the rally.
DISAPPROVE IND>None | The Uttar Pradesh government condemned the killing of two police officers.
# So is a place the NER read as an organisation that something is in.
DISAPPROVE FRA>FRA | A court in Lyon convicted the former mayor of fraud.
COERCE FRA>FRA | Police in Marseille arrested three men after the shooting.
# A person the gazetteer does not know, described by a nationality in an apposition.
REJECT CZE>RUS | Jan Novak, the first Czech astronaut, refused to meet with Russian officials.
DISAPPROVE BRA>None | Ana Silva, a Brazilian olympian, criticised the decision to cancel the games.
# The bare Security Council is the UN's; so is "the council" after it.
DISAPPROVE UNSC>None | The Security Council on Tuesday condemned the missile launch.
DISAPPROVE UNSC>None | The UN Security Council met on Friday. Later the council condemned the missile launch.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# The state a government or ministry acts on is not its own.
DISAPPROVE by RUS | The government criticised Russia for the strike.
DISAPPROVE by POL | The ministry condemned the Polish envoy's remarks.
AGREE by GHA | The government agreed to supply Ghana with vaccine doses.
# A state the act goes to or is aimed at, named or beside the one it is aimed at, is not the actor's.
DISAPPROVE by SRB | The government protested to Serbia over the border incident.
REJECT by SRB | Prime Minister Jan Novak has refused to sit down with the Serbian envoy.
# Two states in reach: neither.
DISAPPROVE | The government condemned the talks between Serbian and Kosovan officials.
# A person described by two nationalities is coded by neither (the apposed noun is no official); since
# extractor 17 she acts uncoded (actor_id null, tests/test_events_stateless.py), by no state.
DISAPPROVE by RUS | Anna Petrova, a Russian-born American astronaut, condemned the arrest of the journalists.
DISAPPROVE by USA | Anna Petrova, a Russian-born American astronaut, condemned the arrest of the journalists.
# A bare Security Council in a text on Russia that never names the UN may be Russia's own.
DISAPPROVE by UNSC | Russia's Security Council met on Friday. The Security Council condemned the strike.
# "the council" alone is no UN body before the UN's is named.
DISAPPROVE by UNSC | The council condemned the closure of the riverside market in the old town.
"""


test_generic_agent_coded, test_generic_agent_not_coded = line_tests(FOUND, NOT_FOUND, PUBLISHED)


def test_agent_in_a_place_keeps_its_own_words(nlp: Language) -> None:
    """ "Police in Lagos": the police act, coded by the place's state; the actor's words are the phrase's,
    not the place's alone."""
    events = extract_text(nlp, "Police in Lagos arrested twelve suspected smugglers on Friday.", PUBLISHED).events
    assert [(e.actor_id, e.actor_text) for e in events] == [("NGA", "Police in Lagos")]


def test_unknown_body_keeps_its_whole_name(nlp: Language) -> None:
    """A body coded by the state in context is named by its whole name, not its head word alone."""
    text = "The National Security Council condemned the bombing of the market, Kenyan media reported."
    events = extract_text(nlp, text, PUBLISHED).events
    assert [(e.actor_id, e.actor_text) for e in events] == [("KEN", "National Security Council")]
