"""Quote shapes found on the training files' misses (issue 13, lane quotes12): a characterisation ("described
the summit as a routine exchange") and a repeated "that" clause are the subject's words; "the spokesperson
went on" after a quote says more; "the statement says" after "X said in a statement" is the statement (README
documents convention, lane quotes17); "she said" is
not the man named last when the text says who the woman is ("the sister of ..."). The sentences are written
for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quote_speakers import Found, spoken_after


@pytest.mark.parametrize(
    ("text", "marker", "expected"),
    [
        # A named subject's characterisation of its object (the parser may hang "as" on a clause).
        (
            "Opposition leader Lee Dong-min criticised the plan on Friday. Lee had described the treaty as the "
            "worst deal the country had ever signed.",
            "Lee had",
            [(None, "Lee Dong-min")],
        ),
        (
            "Japan's foreign ministry described the talks in Vladivostok as a routine exchange between two neighbours.",
            "Japan's",
            [("JPN", "Japan's foreign ministry")],
        ),
        # Not a passive, a reflexive, nor a description of no one's words.
        ("The plan was described as a failure by most of the delegates at the summit.", "The plan", []),
        ("The senator described himself as a friend of both countries in the region.", "The senator", []),
    ],
)
def test_a_characterisation_is_the_subject_s_words(nlp: Language, text: str, marker: str, expected: Found) -> None:
    assert spoken_after(nlp, text, marker) == expected


def test_repeating_that_is_saying(nlp: Language) -> None:
    text = (
        "Reporters pressed Foreign Ministry spokesman Wang Tao on the matter at Monday's briefing. Wang avoided "
        "a direct answer, repeating that the ministry had nothing to add on the border talks."
    )
    assert spoken_after(nlp, text, "Wang avoided") == [(None, "Wang Tao")]
    assert spoken_after(nlp, "The navy repeated the drill off the coast on Friday.", "The navy") == []


def test_a_spokesperson_going_on(nlp: Language) -> None:
    text = (
        "Foreign Ministry spokesperson Wang Tao spoke to reporters on Monday. \u201cWe hope all sides will show "
        "restraint and return to the table as soon as they can,\u201d the spokesperson went on."
    )
    assert spoken_after(nlp, text, "\u201cWe hope") == [(None, "Wang Tao")]
    assert spoken_after(nlp, "The delegation went on a tour of the port on Friday.", "The delegation") == []


def test_the_statement_a_person_said_something_in_speaks_by_its_word(nlp: Language) -> None:
    text = (
        "The agreement on fishing rights will take effect next month, Foreign Ministry spokeswoman Elena Markova "
        'said in a statement. "The deal follows years of patient talks between the two coastal states," the '
        "statement says."
    )
    assert spoken_after(nlp, text, '"The deal') == [(None, "statement")]


def test_she_is_not_the_man_named_last(nlp: Language) -> None:
    # The woman is the sister of someone; the man named last in her statement is who she speaks of.
    text = (
        "Kim Yo-jong, the sister of North Korean leader Kim Jong-un, mocked the South's new drills on Sunday. In a "
        "statement, Kim said South Korean President Lee Jae-myung had asked for talks with Pyongyang. "
        "\u201cHis talk of peace is a fantasy that nobody in the North takes seriously,\u201d she said."
    )
    assert spoken_after(nlp, text, "\u201cHis talk") == [("kim-yo-jong", "Kim Yo-jong")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A participle the parser hangs on the "that" clause of the object goes on with the main subject.
        (
            "The ministry raised the possibility that the rebels could attack the port again, saying they had "
            "moved heavy guns to the hills.",
            [(None, "ministry")],
        ),
        (
            "Independent researchers presented evidence that the navy had fired the new missiles, while pointing "
            "out that most of them missed.",
            [(None, "Independent researchers")],
        ),
    ],
)
def test_a_participle_on_a_noun_s_clause(nlp: Language, text: str, expected: Found) -> None:
    assert spoken_after(nlp, text, text[:10]) == expected


def test_an_organisation_named_in_apposition_to_its_kind(nlp: Language) -> None:
    text = "The Lebanon-based armed group Hezbollah said it had fired rockets at an army post overnight."
    assert [name for _, name in spoken_after(nlp, text, "The")] == ["Hezbollah"]


def test_a_name_after_a_place_ner_ran_together(nlp: Language) -> None:
    text = (
        "Prime Minister Rishi Sunak told reporters that the strikes had been limited. In the House of Commons, "
        "Sunak said all of the targets had been hit."
    )
    assert spoken_after(nlp, text, "In the House") == [("p-rishi-sunak", "Rishi Sunak")]


def test_a_name_after_a_title_and_its_object(nlp: Language) -> None:
    text = (
        '"The night passed off calmly and the markets reopened," district Superintendent of Police Ravi Kumar '
        "told PTI. According to Kumar, at least 20 people have been detained since Friday."
    )
    assert {name for _, name in spoken_after(nlp, text, '"The night')} == {"Ravi Kumar"}


def test_an_acronym_of_a_name_given_before(nlp: Language) -> None:
    text = (
        "The Financial Review had published a long piece on the shipments in March. The port authority declined "
        "to comment. The FR article alleged that the ships had switched off their transponders near the coast."
    )
    assert spoken_after(nlp, text, "The FR") == [(None, "Financial Review (FR)")]


def test_the_envoy_is_the_ambassador_named_before(nlp: Language) -> None:
    # One post, two words: "the envoy" after "ambassador ..., Name"; unnamed, the state the post names.
    text = (
        "Russia's ambassador to Pyongyang, Alexander Matsegora, toured the new bridge on Tuesday. \u201cThe bridge "
        "will open to traffic next year,\u201d the envoy said."
    )
    assert spoken_after(nlp, text, "\u201cThe bridge") == [("alexander-matsegora", "Alexander Matsegora")]
    text = "Seoul summoned Moscow's ambassador on Monday. \u201cWe listened to the protest,\u201d the envoy said."
    assert spoken_after(nlp, text, "\u201cWe listened") == [("RUS", "envoy")]
