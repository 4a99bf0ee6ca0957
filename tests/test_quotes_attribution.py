"""Quotes credited to the right speaker (issue 13, lane quotes10): a body quoted before and named again by
its kind ("the department said", "the embassy said") is that body, not the state the article is talking
about at that point; "declined to comment on X's statement that ..." quotes X, not the one who declined;
"“...,” said the statement": the subject after the verb, not a name inside the quote; "he said" after a
quote: the speaker, not the subject of a clause inside the sentence before; "the North Korean Central Military
Commission" is North Korea's, though the gazetteer's body of that name is China's.
The sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quote_speakers import Found, speakers, spoken_after


@pytest.mark.parametrize(
    ("text", "marker", "expected"),
    [
        # "The department" after "the Treasury Department said": the department, whose state is the US (not
        # Syria, the state its words are about).
        (
            "The United States on Monday imposed sanctions on four Iranian shipping firms for moving oil to "
            "Syria, the Treasury Department said. The department said the measures targeted a network that had "
            "shipped crude to Latakia.",
            "The department",
            [("USA", "Treasury Department")],
        ),
        # "the embassy" after "the Thai Embassy in Laos said", and "it added" after that: the embassy, Thailand's
        # (not Laos, where it is; an embassy speaks for its state, as the news sets code it).
        (
            "Officials from Laos met the Thai trade minister in Vientiane on Tuesday, the Thai Embassy in Laos "
            "said. In a post on its website, the embassy said the two sides agreed to reopen a border crossing. "
            "The crossing would open in May, it added.",
            "In a post",
            [("THA", "Thai Embassy in Laos")],
        ),
    ],
)
def test_body_named_again_by_its_kind(nlp: Language, text: str, marker: str, expected: Found) -> None:
    assert spoken_after(nlp, text, marker) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Declining to comment says nothing; the statement commented on is its owner's words (Macron is in
        # the people gazetteer since it takes Wikidata's heads of state and government, lane leaders).
        (
            "Kremlin spokesman Dmitry Peskov declined to comment on French President Emmanuel Macron's statement "
            "that European troops could be sent to Ukraine.",
            [("p-emmanuel-macron", "Emmanuel Macron")],
        ),
        (
            "Government spokeswoman Lena Berg refused to comment on opposition leader Tomas Reyes's claim that the "
            "election would be delayed.",
            [(None, "Tomas Reyes")],
        ),
    ],
)
def test_declining_to_comment(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


def test_inverted_speaker_after_the_closing_quotation_mark(nlp: Language) -> None:
    # The parser hangs "North Korea and Iran" inside the quoted words on "said" as a second subject: the
    # subject after the verb, set off by the comma before the closing mark, is the speaker.
    text = (
        '"We call on the DPRK [North Korea] and Iran to stop unlawful missile transfers," said the statement, '
        "which was also put out on behalf of the foreign ministers of Canada and Norway."
    )
    assert speakers(nlp, text) == [(None, "statement")]


def test_pronoun_after_a_quote_is_its_speaker_not_a_subordinate_subject(nlp: Language) -> None:
    # "she" goes back to the subject of the sentence before's main clause (the speaker), not to the subject
    # of its "before ... leaves" clause.
    text = (
        "Opposition leader Marta Silva said on Friday that President Jair Bolsonaro must not sign any arms deal "
        'at his summit with Joe Biden. "No agreement on weapons should be made at the summit," Silva, head of the '
        "party, said at a press conference, three days before Bolsonaro leaves on a state visit to Washington for "
        'talks with Biden. "Should such a deal be signed, the damage would be beyond repair," she said.'
    )
    assert spoken_after(nlp, text, '"Should') == [(None, "Marta Silva")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The gazetteer's Central Military Commission is China's; the adjective says this one is North Korea's.
        (
            "The North Korean Central Military Commission said on Sunday that the artillery drills would "
            "continue through the week.",
            [("PRK", "North Korean Central Military Commission")],
        ),
        (
            "China's Central Military Commission said on Sunday that the drills would continue.",
            [("CHN", "Central Military Commission")],
        ),
    ],
)
def test_a_state_body_named_by_another_state(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected
