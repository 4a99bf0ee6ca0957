"""Quote speakers of lane quotes49 (issue 13): an attribution set off after the words it reports, which the
parser joins to the reported clause ("..., X among them, which joins A, B and C, the foreign minister said"): the
title set off just before the verb is who speaks, whether the parse hangs it on the last place of the list as its
apposition or gives the verb a second subject. The sentences are written for these tests."""

from __future__ import annotations

from spacy.language import Language

from tests.quote_speakers import speakers


def test_a_title_hung_on_a_listed_place_speaks(nlp: Language) -> None:
    text = (
        "Washington and its friends are forming fresh military blocs in the region, AUKUS among them, which joins "
        "Australia, Britain and the United States, the Russian foreign minister said."
    )
    assert speakers(nlp, text) == [("RUS", "Russian foreign minister")]


def test_a_title_taken_for_a_second_subject_speaks(nlp: Language) -> None:
    text = (
        "Lima and its allies are building fresh naval pacts in the south, the Pacific Accord among them, which "
        "binds Chile, Ecuador and Colombia, the Bolivian foreign minister said."
    )
    assert speakers(nlp, text) == [("BOL", "Bolivian foreign minister")]


def test_the_title_set_off_names_the_minister_introduced_before(nlp: Language) -> None:
    text = (
        "Sergey Lavrov, the Russian foreign minister, said NATO was moving into Asia. Washington and its friends are "
        "forming fresh military blocs in the region, AUKUS among them, which joins Australia, Britain and the "
        "United States, the Russian foreign minister said."
    )
    assert {name for _, name in speakers(nlp, text)} == {"Sergey Lavrov"}


def test_a_plain_subject_before_the_verb_still_speaks(nlp: Language) -> None:
    """Near-miss: one subject, no phrase set off before the verb."""
    text = "The Andean pact, which binds Chile, Ecuador and Colombia, said its members would meet in May."
    assert [name for _, name in speakers(nlp, text)] == ["Andean pact"]


def test_a_name_and_its_title_parsed_as_two_subjects_is_the_name(nlp: Language) -> None:
    """Near-miss: "Name, title, said" parsed with two subjects is the named person and the title of that person."""
    text = 'Ana Ruiz, Chile\'s ambassador to Peru, said Santiago would "firmly stand with Lima" against the tariffs.'
    assert [name for _, name in speakers(nlp, text)] == ["Ana Ruiz"]
