"""Quote speakers in the shapes the news sets code (issue 13, lane quotes5): unnamed sources quoted by
their words as written ("military experts said"), a view owned by someone ("In Tokyo's assessment,
..."), "As X reported, ...", "remarks by X that ...", a "that" clause the parser hangs on a noun, a
verb of saying hung on the noun before it, a participle that goes on with the reporter's words; and
what stays no quote. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quote_speakers import Found, speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Unnamed sources are quoted by their words, without an id (the news convention).
        (
            "Military experts said the shells found near the border were of North Korean origin.",
            [(None, "Military experts")],
        ),
        ("The blockade could last for months, analysts say.", [(None, "analysts")]),
        ("A ministry official confirmed on Monday that the cargo had left the port.", [(None, "ministry official")]),
        # ... and a state when the words name one.
        ("Japanese officials said the ship had entered the strait overnight.", [("JPN", "Japanese officials")]),
        # A view owned by a named source attributes the rest of the sentence.
        ("In Tokyo's assessment, the missiles were assembled in Pyongyang.", [("JPN", "Tokyo")]),
        ("By Western officials' estimates, some 2,000 sailors drowned in the storm.", [(None, "Western officials")]),
        # "In his view" is the person last named.
        (
            "Zelensky spoke to reporters in Kyiv on Monday. In his view, only Russia wants the war to go on.",
            [("volodymyr-zelensky", "Zelensky")],
        ),
        # "the North Korean leader" after the leader was named with no title.
        (
            'Kim Jong Un toured a munitions factory on Monday. "Those who fought for the motherland are all '
            'heroes," the North Korean leader said.',
            [("kim-jong-un", "Kim Jong Un")],
        ),
        # "As X reported, ..." and "remarks by X that ...".
        ("As Kyodo reported earlier, the two ships met off the coast of Hokkaido.", [("kyodo", "Kyodo")]),
        (
            "The purchase follows remarks on Monday by Finnish President Alexander Stubb that Helsinki would "
            "buy more shells.",
            [("p-alexander-stubb", "Alexander Stubb")],
        ),
        # An outlet NER misses, named with a capitalised "The" inside the sentence.
        (
            "Pyongyang is preparing to ship more shells to Moscow, guns included, for use in the war, "
            "The Examiner reported.",
            [(None, "Examiner")],
        ),
        # A participle after the reported clause is the reporter's, not the clause subject's.
        (
            "Tokyo said Beijing had sent four coast guard ships into its waters, adding that it had lodged a protest.",
            [("JPN", "Tokyo")],
        ),
    ],
)
def test_news_shapes_are_quoted(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Some say the pact changes little for the fishermen.",  # indefinite pronouns name nobody
        "Many believe the talks will fail.",
        "The sailors, reported missing in March, were found alive in April.",  # a reduced relative
        "In the long run, the bridge will carry most of the freight.",  # "in" + a view with no owner
        "The analysts flew to Seoul on Tuesday.",  # a generic noun with no verb of saying
        "The Director said the plant would close.",  # a title alone at the start of a sentence names nobody
        "Defence experts cited the footage as evidence of a new launcher.",  # citing is not quoting
    ],
)
def test_no_quote(nlp: Language, text: str) -> None:
    assert speakers(nlp, text) == []
