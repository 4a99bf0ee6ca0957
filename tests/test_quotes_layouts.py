"""Quote speakers in the layouts news uses: speaker after the quote, "according to", an official's
title before the name, a quoted paragraph whose speaker the sentence before introduces, a quote that
goes on in the next paragraph, pronouns ("he said") for the person last named as a subject.

The sentences are written for these tests in the manner of coverage of the story (issue 13); none
is copied from an article.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.extract import extract_text
from extractors.records import Quote


def quotes(nlp: Language, text: str) -> list[Quote]:
    return list(extract_text(nlp, text).quotes)


def speakers(nlp: Language, text: str) -> list[str | None]:
    return [q.speaker_name for q in quotes(nlp, text)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We will not tolerate this provocation," said Lin Jian, a spokesperson for the ministry.', "Lin Jian"),
        (
            '"The troops are fighting as assault units," Ukrainian President Volodymyr Zelensky said.',
            "Volodymyr Zelensky",
        ),
        (
            "North Korean units are suffering heavy losses, according to Lee Seong-kweun, "
            "a member of the intelligence committee.",
            "Lee Seong-kweun",
        ),
        ("China's foreign ministry spokesperson Lin Jian said Beijing was not aware of the situation.", "Lin Jian"),
        ("Kremlin spokesman Dmitry Peskov told reporters that the cooperation would continue.", "Dmitry Peskov"),
        ('Russian Defence Minister Andrei Belousov said: "Our cooperation will grow."', "Andrei Belousov"),
        ('Pentagon spokesman Pat Ryder said, "We have seen indications of casualties."', "Pat Ryder"),
        (
            '"This deployment is illegal," Kim Hong-kyun, the first vice foreign minister, said, '
            '"and it threatens our security."',
            "Kim Hong-kyun",
        ),
    ],
)
def test_speaker_of_one_sentence(nlp: Language, text: str, speaker: str) -> None:
    found = speakers(nlp, text)
    assert found and set(found) == {speaker}, found


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The sentence before introduces the speaker of a quoted paragraph.
        (
            'Antony Blinken spoke to reporters in Seoul.\n\n"We are seeing North Korean troops in combat '
            'with Ukrainian forces."',
            "Antony Blinken",
        ),
        (
            "Kim Jong Un praised the soldiers at a ceremony in Pyongyang.\n\n"
            '"They fought heroically for the honour of our nation and our Russian comrades."',
            "Kim Jong Un",
        ),
        # A quote that goes on in the next paragraph keeps its speaker.
        (
            '"We know that North Korean troops are being prepared," said Pentagon press secretary '
            'Sabrina Singh.\n\n"They will be used against Ukrainian forces in Kursk."',
            "Sabrina Singh",
        ),
    ],
)
def test_paragraph_quote_takes_the_introduced_speaker(nlp: Language, text: str, speaker: str) -> None:
    found = quotes(nlp, text)
    paragraph = next(q for q in found if q.quote.startswith(("We are seeing", "They fought", "They will be")))
    assert (paragraph.speaker_name, paragraph.direct) == (speaker, True)


def test_a_quoted_paragraph_after_a_sentence_about_things_has_no_speaker(nlp: Language) -> None:
    text = 'The border crossing was closed on Monday.\n\n"Nobody knows when it will open again, or why it closed."'
    assert quotes(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Putin thanked Kim for the help. He said the soldiers had shown courage and heroism.", "Putin"),
        (
            "Ukrainian foreign minister Andrii Sybiha met his South Korean counterpart. "
            "He said that Pyongyang was learning modern warfare in Ukraine.",
            "Andrii Sybiha",
        ),
        (
            'Foreign ministry spokeswoman Maria Zakharova dismissed the reports. "These are fabrications," '
            "she told a briefing.",
            "Maria Zakharova",
        ),
    ],
)
def test_pronoun_speaker_is_the_person_last_named_as_a_subject(nlp: Language, text: str, speaker: str) -> None:
    assert speakers(nlp, text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker_id"),
    [
        ("The Russian defence ministry said the deployment was legitimate.", "RUS"),
        ('In a statement, the North Korean foreign ministry said the treaty was "purely defensive."', "PRK"),
        # "quoted X as saying": X speaks, the agency quoting does not.
        ("Yonhap quoted an NIS official as saying that the troops had been given Russian uniforms.", "KOR"),
        ('"They are brave soldiers," a Russian officer was quoted as saying by state media.', "RUS"),
    ],
)
def test_institutions_and_quoted_sources(nlp: Language, text: str, speaker_id: str) -> None:
    found = quotes(nlp, text)
    assert found and {q.speaker_id for q in found} == {speaker_id}, [(q.speaker_id, q.speaker_name) for q in found]


def test_a_diplomat_does_not_speak_for_the_place_he_is_posted(nlp: Language) -> None:
    (diplomat,) = quotes(nlp, '"It is a military alliance," said one Western diplomat in Seoul.')
    assert (diplomat.speaker_id, diplomat.speaker_name) == (None, "one Western diplomat")  # not KOR
    # ... while officials in a capital speak for their state.
    (quote,) = quotes(nlp, "Turkey delivered armed drones to Ukraine, according to defence officials in Kyiv.")
    assert quote.speaker_id == "UKR"
