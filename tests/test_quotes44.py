"""Quote speakers of lane quotes44 (issue 13): whole constructions of news speech, not words: a participle of
saying under a preposition ("after asserting that ...") is said by its clause's subject, "for calling ..." by
whom the verb acts on; a participle the parser hangs on a "that" clause after a preposition goes on with the
main clause; a stance voiced with its clause set apart ("voiced hope on Monday that ..."); hearsay passives
("is reported to have said", "was reported as saying", "was heard saying"). The sentences are written for these
tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quote_speakers import speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lula thanked Argentina for its help after asserting on Sunday that Brazilian forces had cleared the "
            "border.",
            ["Lula"],
        ),
        (
            "Macron praised the Senegalese troops before declaring that France would keep its base in Dakar.",
            ["Macron"],
        ),
        (
            'The Peruvian envoy rebuked the Chilean president for calling Peru an "accomplice" in the smuggling.',
            ["Chilean president"],
        ),
        ("Kenya thanked Uganda for announcing that the border would reopen.", ["Uganda"]),
        ("The Senegalese minister was praised for saying that Dakar would pay its debts.", ["Senegalese minister"]),
    ],
)
def test_participle_under_a_preposition(nlp: Language, text: str, expected: list[str]) -> None:
    assert [name for _, name in speakers(nlp, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # Near-misses: "without revealing what ..." reports no words of the subject's; one who is told
        # something says nothing.
        "The two envoys traded views on the dam without revealing what was agreed.",
        "The Nepali soldier surrendered after being told that he would be treated well.",
    ],
)
def test_participle_that_says_nothing(nlp: Language, text: str) -> None:
    assert speakers(nlp, text) == []


def test_participle_after_a_noun_clause_goes_on_with_the_main_clause(nlp: Language) -> None:
    text = (
        "The influential sister of the Iranian leader lashed out at Iraq and Kuwait on Friday after reports that "
        'Tehran is sending drones to Yemen, calling the two countries "American puppets."'
    )
    assert [name for _, name in speakers(nlp, text)] == ["influential sister of the Iranian leader"]


def test_stance_voiced_with_its_clause_set_apart(nlp: Language) -> None:
    text = "Lavrov voiced hope on Monday that Turkey would accept the grain deal calmly."
    assert [name for _, name in speakers(nlp, text)] == ["Lavrov"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Slovak premier is reported to have said that Bratislava would block the package.", "Slovak premier"),
        (
            "Norway's foreign minister was reported as saying the talks would resume in Oslo.",
            "Norway's foreign minister",
        ),
        ("The Indonesian president was heard saying that the talks had failed.", "Indonesian president"),
    ],
)
def test_hearsay_passives(nlp: Language, text: str, expected: str) -> None:
    assert [name for _, name in speakers(nlp, text)] == [expected]


def test_expected_to_say_is_nothing_said(nlp: Language) -> None:
    # Near-miss: a passive of expectation says nothing yet.
    text = "The Nordic leaders are expected to affirm that they will share more radar data."
    assert speakers(nlp, text) == []
