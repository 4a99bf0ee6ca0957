"""Documents as speakers (issue 13, lane quotes6): the news sets code "the report said", "the statement
warned", "the letter said" as quotes, the document named as written, or its issuer when the text names
one in the phrase ("a UN report said" -> the UN); "the letter said" after "the sailors wrote a letter" is
the letter (README documents convention, settled at stop 33; lane quotes17).
Records, data and figures stay sources only. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.extract import extract_text
from tests.quote_speakers import Found, speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A document with no issuer named speaks by its words.
        ("The report said the brigade had reached the border by late March.", [(None, "report")]),
        (
            "The joint statement warned that the arms transfers breach several Security Council resolutions.",
            [(None, "joint statement")],
        ),
        ("According to the assessment, the brigade lost half of its tanks near Avdiivka.", [(None, "assessment")]),
        # A document its issuer is named with speaks for the issuer.
        ("A UN report said the sanctions were being evaded through ship-to-ship transfers.", [("UN", "UN")]),
    ],
)
def test_documents_are_quoted(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


def test_a_document_named_again_speaks_by_its_word(nlp: Language) -> None:
    text = (
        "Two captured sailors wrote a letter to the Red Cross in November. "
        "“We want to go home to our families,” the letter said."
    )
    quotes = extract_text(nlp, text).quotes
    assert [(q.speaker_name, q.direct) for q in quotes] == [("letter", True)]


@pytest.mark.parametrize(
    "text",
    [
        "Ten guards were working overtime, according to federal prison records.",  # records are sources
        "The figures show the port handled twice as many ships in May.",  # no verb of saying
        "The report was handed to the committee on Friday.",  # a document with nothing said
    ],
)
def test_no_document_speaker(nlp: Language, text: str) -> None:
    assert speakers(nlp, text) == []
