"""Coordinated actors each with their own state, and things made with another state's help (issue 13,
lane conjunct42; bench/data/news/README "Promised aid").

Two titled names joined by "and" ("Kenyan President William Ruto and Turkish President Recep Tayyip
Erdogan"), which the parser may split oddly (the first name hung on the second as a modifier, or the
second's title made a conjunct of its own), are two parties, each with its state: a call or an accord
between them goes each way, and neither side is the title alone. A thing made with a state's help
("developed with technical help from China", "built with Russian assistance") is the helper's AID to
the maker, military when the thing is a weapon, not cooperation each way; made still to come, AGREE.
"A's Title Name and B's Title Name" too, parsed as two appositions of the first title. Near-misses:
one titled name alone, an apposition naming a second state, help with an act that makes nothing, and a
making denied. Every
sentence was written for this file."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from tests.event_lines import event_triples, line_tests

PUBLISHED = date(2025, 5, 20)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# The first titled name hung on the second by the parser: both sides, each way.
CONSULT KEN>TUR | Kenyan President William Ruto and Turkish President Recep Tayyip Erdogan spoke by phone on Monday.
CONSULT TUR>KEN | Kenyan President William Ruto and Turkish President Recep Tayyip Erdogan spoke by phone on Monday.
AGREE KEN>TUR | Kenyan President William Ruto and Turkish President Recep Tayyip Erdogan agreed to expand trade.
AGREE TUR>KEN | Kenyan President William Ruto and Turkish President Recep Tayyip Erdogan agreed to expand trade.
CONSULT PER>BOL | Talks between Peruvian Minister Elmer Schialer and Bolivian Minister Fernando Aramayo ended.
CONSULT BOL>PER | Talks between Peruvian Minister Elmer Schialer and Bolivian Minister Fernando Aramayo ended.
# "A's Title Name and B's Title Name": both names parsed as appositions of the first title.
CONSULT GHA>NGA | Ghana's President John Mahama and Nigeria's President Bola Tinubu met in Abuja.
CONSULT NGA>GHA | Ghana's President John Mahama and Nigeria's President Bola Tinubu met in Abuja.
AGREE/pact CHL>ARG | Chile's President Gabriel Boric and Argentina's President Javier Milei signed a border agreement.
# A thing made with a state's help: the helper aids the maker.
AID/military CHN>PAK | Analysts say the Pakistani cruise missile was designed with technical cooperation from China.
AID/military RUS>IRN | Iran builds the attack drones with Russian assistance.
AID RUS>VNM | Hanoi built the research reactor with help from Moscow.
# Made still to come: promised aid.
AGREE RUS>EGY | Egypt will build the power plant with Russia's help.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# The cooperation a thing was made with is the helper's aid, not cooperation each way.
COOPERATE | Analysts say the Pakistani cruise missile was designed with technical cooperation from China.
# Help with an act that makes nothing, and a making denied.
AID | The questioning was carried out with help from Japan's intelligence agency.
AID | Iran did not build the attack drones with Russian assistance.
# An apposition naming a second state with no second name after it is no second party.
AGREE by ARG | Chile's President Gabriel Boric, Argentina's neighbour, signed a border agreement.
# One titled name alone meets no one of its own state.
CONSULT by KEN | Turkish President Recep Tayyip Erdogan spoke by phone with his Kenyan counterpart on Monday.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)


def test_titled_pair_is_two_sides_not_three(nlp: Language) -> None:
    # the parser hangs "Kenyan President William Ruto and Turkish President" on "Erdogan": two parties
    text = "Kenyan President William Ruto and Turkish President Recep Tayyip Erdogan spoke by phone on Monday."
    triples = sorted(set(event_triples(nlp, text, PUBLISHED)))
    assert triples == [("CONSULT", "KEN", "TUR"), ("CONSULT", "TUR", "KEN")], triples


def test_state_named_twice_in_one_phrase_meets_no_one_of_its_own(nlp: Language) -> None:
    # "Mexico's Sheinbaum government" names Mexico twice (the possessive and the leader's name): the
    # reason event_rules.trigger_drafts still pairs no state with itself in a gathering of two states, now that
    # conjunct resolution no longer splits a titled name in two.
    text = (
        "Mexico's Sheinbaum government and Canadian Prime Minister Mark Carney have spoken of closer"
        " cooperation with Brazil."
    )
    triples = event_triples(nlp, text, PUBLISHED)
    assert all(actor != recipient for _, actor, recipient in triples), triples
