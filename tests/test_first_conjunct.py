"""`clauses.first_conjunct`: the first word of the coordination a token is in, the one read by the claim, quote,
resolution and trigger rules that ask which role a list of words plays (review of stop 43: five copies of the
walk up the "conj" links became this one). Sentences written for this file."""

from __future__ import annotations

from spacy.language import Language

from extractors.clauses import coordinated, first_conjunct


def test_every_word_of_a_list_leads_to_its_first(nlp: Language) -> None:
    doc = nlp("Peru sent howitzers, rocket launchers and mortars to Bolivia.")
    howitzers = next(t for t in doc if t.text == "howitzers")
    for word in (howitzers, *coordinated(howitzers)):
        assert first_conjunct(word) == howitzers
    assert first_conjunct(doc[0]) == doc[0]  # no conjunct: the token itself


def test_a_long_run_of_conjuncts_is_read_whole(nlp: Language) -> None:
    # The parser hangs each conjunct on the one before: ten links, more than the eight two old copies stopped at.
    doc = nlp("Peru sent howitzers, mortars, rifles, drones, tanks, trucks, radios, helmets, rations, boots and tents.")
    howitzers = next(t for t in doc if t.text == "howitzers")
    listed = [howitzers, *coordinated(howitzers)]
    assert [t.text for t in listed][-1] == "tents" and len(listed) == 11
    assert {first_conjunct(word) for word in listed} == {howitzers}
