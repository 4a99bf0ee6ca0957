"""Quote speakers in shapes real coverage takes and a sentence-level parse gets wrong (issue 13): two
lawmakers the parser joins as an apposition, a Korean given name NER cuts at its hyphen, a speaker
set off before a verb the parse leaves without one, "X's claim that ...", "claimed to have ...",
"it" and "the statement" for the organisation quoted before, quoted words over several sentences,
title abbreviations that do not end a sentence. The sentences are written for these tests.
"""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from extractors.extract import extract_text

Found = list[tuple[str | None, str, bool]]  # speaker_id, speaker_name, direct
_SENTENCE_END = re.compile(r"(?<!Rep)(?<!Lt)(?<!Col)\.[\"”]? (?=[\"“A-Z])")


def speakers_in(nlp: Language, text: str, opening: str) -> Found:
    """The speakers of the quotes whose words start in the sentence of `text` that begins with `opening`
    (up to the next period, closing quote and space before a capital that ends no title abbreviation)."""
    start = text.index(opening)
    end = _SENTENCE_END.search(text, start + len(opening))
    stop = end.end() if end else len(text)
    return [(q.speaker_id, q.speaker_name, q.direct) for q in extract_text(nlp, text).quotes if start <= q.start < stop]


def named(found: Found, who: str) -> bool:
    return any(who in (speaker_id, name) for speaker_id, name, _ in found)


@pytest.mark.parametrize(
    ("text", "opening", "expected"),
    [
        # Two lawmakers joined by "and", each with a party: one quote each, the hyphenated names whole.
        (
            "Rep. Park Ji-won of the Democratic Party and Rep. Yoo Yong-won of the People Power Party told "
            "reporters that the agency had briefed them on the deployment.",
            "Rep. Park",
            ["Park Ji-won", "Yoo Yong-won"],
        ),
        # The parse gives "said" no subject, or one naming nobody: the phrase set off before it speaks.
        (
            "Cooperation between the two neighbours is growing stronger in every field and worries nobody in "
            "the region and beyond, a representative of the Russian Foreign Ministry said, commenting on "
            "remarks by Japanese officials.",
            "Cooperation",
            ["RUS"],
        ),
        # A noun of saying with its owner and a "that" clause.
        (
            "The Kremlin dismissed Kyiv's claim that North Korean officers were directing drone units.",
            "The Kremlin",
            ["UKR"],
        ),
        # "claimed to have ...": the infinitive is what was said.
        (
            "Ukrainian commanders claimed to have destroyed three North Korean howitzers near Sudzha.",
            "Ukrainian",
            ["UKR"],
        ),
        # "It ..., saying": the organisation quoted in the sentence before.
        (
            "The Japanese foreign ministry said the launch violated UN resolutions. It lodged a protest through "
            "diplomatic channels, saying the missile fell inside Japan's economic zone.",
            "It lodged",
            ["JPN"],
        ),
        # "the statement added": the body whose statement it is.
        (
            '"The army stands ready," the North Korean defence ministry said. "Any provocation will be met '
            'with force," the statement added.',
            '"Any provocation',
            ["PRK"],
        ),
        # "The ministry" is the ministry quoted before, not the agency that relayed it.
        (
            "North Korea's foreign ministry said the sanctions were illegal, KCNA reported. The ministry called "
            'the drills "a rehearsal for a war of aggression".',
            "The ministry",
            ["PRK"],
        ),
        # Quoted words over two sentences: the verb after the last speaks for each; "Lt. Col." ends nothing.
        (
            '"We have seen them move closer to the front. Their numbers are growing," Army Lt. Col. Dave '
            "Butler told reporters.",
            '"We have',
            ["Dave Butler"],
        ),
        (
            '"We have seen them move closer to the front. Their numbers are growing," Army Lt. Col. Dave '
            "Butler told reporters.",
            "Their numbers",
            ["Dave Butler"],
        ),
        # "she" beyond the sentence before: the person quoted or named as a subject, not a name in a list.
        (
            "Deputy press secretary Sabrina Singh briefed reporters on Monday. The United States has given "
            "Ukraine long-range missiles, among them ATACMS. Russian losses keep rising, she noted.",
            "Russian losses",
            ["sabrina-singh"],
        ),
        # A source set off after a participle ("Citing officials, The New York Times reported ... that").
        (
            "Citing unnamed officials, The New York Times reported on Monday that the North Korean leader "
            "planned to travel to Vladivostok in September.",
            "Citing",
            ["New York Times"],
        ),
        # The owner of "X's assertion that ..." is quoted, but the reporter's "he" is still the subject named.
        (
            "Chief Cabinet Secretary Yoshimasa Hayashi spoke to reporters on Friday. Japan's top government "
            "spokesman also rejected Putin's assertion that the sanctions should be reviewed. "
            '"Such remarks are unacceptable," he said.',
            '"Such remarks',
            ["Yoshimasa Hayashi"],
        ),
        # Known only by the surname the text gives.
        (
            "The second prisoner, surnamed Pak and born in 2003, told the lawmaker that he wanted to stay in Kyiv.",
            "The second",
            ["Pak"],
        ),
        # A ministry whose state the article does not name speaks by name.
        (
            "The defense ministry estimates that the North has shipped millions of rounds to Russia.",
            "The defense",
            ["defense ministry"],
        ),
    ],
)
def test_reported_speech_finds_its_speaker(nlp: Language, text: str, opening: str, expected: list[str]) -> None:
    found = speakers_in(nlp, text, opening)
    assert all(named(found, who) for who in expected), found
    assert not named(found, "kcna") and not named(found, "ATACMS"), found


def test_a_quote_over_two_sentences_is_one_quote_in_each(nlp: Language) -> None:
    text = (
        '"We have seen them move closer to the front. Their numbers are growing," Army Lt. Col. Dave '
        "Butler told reporters."
    )
    quotes = extract_text(nlp, text).quotes
    assert [q.quote for q in quotes] == ["We have seen them move closer to the front.", "Their numbers are growing"]
    assert all(q.direct and q.speaker_name == "Dave Butler" for q in quotes)


@pytest.mark.parametrize(
    "text",
    [
        # A noun of saying with no clause reports nothing (documents are speakers: test_quotes_documents).
        "Kyiv's claim drew sharp criticism from Moscow on Tuesday.",
        # "claimed" with an object is taking, not saying.
        "The troops claimed three villages in the Kursk region.",
        # An indefinite pronoun names nobody (generic nouns are quoted as written: test_quotes_news_shapes).
        "Some suggest that China is uneasy about the alliance.",
        # "It" with no organisation quoted before it is nobody.
        "It remains unclear whether the troops will return, the weather permitting.",
    ],
)
def test_no_speaker_where_nobody_is_quoted(nlp: Language, text: str) -> None:
    assert not extract_text(nlp, text).quotes
