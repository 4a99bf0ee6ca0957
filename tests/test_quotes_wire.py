"""Quote speakers in the shapes news wire copy takes (sentences written for these tests): commitments
reported like speech, words in quotation marks carried by verbs other than "say", officials named
again by their title, outlets that relay a quote (no speakers of their own), short quotes going on
from the sentence before."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.extract import extract_text
from extractors.records import Quote


def quotes(nlp: Language, text: str) -> list[Quote]:
    return list(extract_text(nlp, text).quotes)


def speakers_in(nlp: Language, text: str, opening: str) -> list[tuple[str | None, str]]:
    """(speaker_id, speaker_name) of the quotes whose words start in the sentence of `text` that
    begins with `opening` (these texts have no abbreviations: a sentence ends at ". ")."""
    start = text.index(opening)
    end = text.find(". ", start)
    end = len(text) if end < 0 else end
    return [(q.speaker_id, q.speaker_name) for q in quotes(nlp, text) if start <= q.start < end]


def named(found: list[tuple[str | None, str]], who: str) -> bool:
    return any(who in (speaker_id, name) for speaker_id, name in found)


@pytest.mark.parametrize(
    ("text", "opening", "expected"),
    [
        # A commitment with a "that" clause reports it; the short name is the full one given before.
        (
            "Choe Son Hui arrived in Moscow on Friday. Choe has pledged that Pyongyang will back Moscow "
            "until its “victory” over Kyiv.",
            "Choe has pledged",
            ["choe-son-hui"],
        ),
        # Words in quotation marks under "call", "praise ... as", "describe ... as", "express".
        ("Vladimir Putin called the launch “a sovereign matter” for Pyongyang.", "Vladimir", ["vladimir-putin"]),
        (
            "Sergei Lavrov praised the talks as “frank and very useful for both sides” on Tuesday.",
            "Sergei",
            ["sergei-lavrov"],
        ),
        (
            "The treaty, which Vladimir Putin described as a “breakthrough document”, took effect in December.",
            "The treaty",
            ["vladimir-putin"],
        ),
        (
            "Kim Jong Un expressed the hope that the two armies would “fight shoulder to shoulder” again.",
            "Kim",
            ["kim-jong-un"],
        ),
        # "by saying that ...": the subject of the verb the by-phrase hangs on.
        (
            "Sergei Shoigu answered his critics by saying that the treaty threatened no third country.",
            "Sergei",
            ["sergei-shoigu"],
        ),
        # One speaker per state named by coordinated adjectives.
        ("South Korean and Japanese officials said the missile fell outside the zone.", "South", ["KOR", "JPN"]),
        # "they" speaks for the nearest plural subject that names an actor.
        ("Ukrainian commanders braced on Monday for what they said was a coming assault.", "Ukrainian", ["UKR"]),
        # A relaying outlet passes the words on: the person it quotes alone (README relays convention).
        (
            "“The drills are a rehearsal for invasion,” Kim Yo Jong was quoted as saying by KCNA.",
            "“The drills",
            ["kim-yo-jong"],
        ),
        (
            "The two sides agreed on a date, according to Kremlin spokesman Dmitry Peskov, as cited by TASS.",
            "The two sides",
            ["dmitry-peskov"],
        ),
        # "said <title> <name>": the name, not the title word the parser also made a subject.
        (
            "The shells were of poor quality, said defence analyst Jan Novak, a fellow at the Prague Institute.",
            "The shells",
            ["Jan Novak"],
        ),
        # "told reporters at a briefing that ...", the clause parsed as a relative clause of "briefing".
        (
            "Deputy Defence Minister Ivan Petrov told reporters at a briefing that the convoy had crossed the border.",
            "Deputy",
            ["Ivan Petrov"],
        ),
        # An inverted parenthetical: "X, says Y, has ...".
        (
            "North Korea, says Andrei Lankov of Kookmin University, has little reason to stop selling shells.",
            "North Korea",
            ["andrei-lankov"],
        ),
        # A stance stated as the object of a verb of saying.
        ("Japan voiced concern over the deployment of North Korean troops.", "Japan", ["JPN"]),
        # A group the gazetteer cannot place speaks by name.
        ("Various media outlets reported that the leaders met at the spaceport.", "Various", ["Various media outlets"]),
        ("The West has claimed that the troops could enter combat soon.", "The West", ["West"]),
        # What an organisation issues speaks for it.
        ("According to a NATO statement, the allies discussed the deployment.", "According", ["NATO"]),
        (
            "A statement released by the North Korean foreign ministry said the drills were a provocation.",
            "A statement",
            ["PRK"],
        ),
    ],
)
def test_news_shapes_find_their_speakers(nlp: Language, text: str, opening: str, expected: list[str]) -> None:
    found = speakers_in(nlp, text, opening)
    for who in expected:
        assert named(found, who), f"{who} not among {found}"


TITLES = (
    "Chinese Foreign Ministry spokeswoman Mao Ning declined to comment on Tuesday. "
    "Later, the spokeswoman of the Chinese Foreign Ministry said Beijing hoped for calm. "
    "Russian President Vladimir Putin arrived in Hanoi on Wednesday. "
    "The Russian leader said ties with Vietnam were strong. "
    "Russian Defence Minister Andrei Belousov visited Pyongyang on Friday. "
    "The Chinese leader said Beijing was not a party to the conflict. "
    "The Kremlin spokesman said the talks had been useful."
)


def test_an_official_named_by_title(nlp: Language) -> None:
    expected = {
        # An official named again by title alone is the person introduced with it ...
        "Later": ("mao-ning", "Mao Ning"),
        "The Russian leader": ("vladimir-putin", "Vladimir Putin"),
        # ... and a title that fits no one named speaks for its state.
        "The Chinese leader": ("CHN", "Chinese leader"),
        "The Kremlin spokesman": ("RUS", "Kremlin spokesman"),
    }
    found = {opening: speakers_in(nlp, TITLES, opening) for opening in expected}
    assert found == {opening: [speaker] for opening, speaker in expected.items()}


def test_the_agency_is_the_outlet_quoted_before(nlp: Language) -> None:
    text = "Yonhap reported that the launch came at dawn. According to the agency, the missile flew about 800 km."
    assert [s for s, _ in speakers_in(nlp, text, "According")] == ["yonhap"]


def test_pronoun_inside_a_clause_is_the_subject_above_it(nlp: Language) -> None:
    # "she" is Choe, the subject of the clause above, not Lavrov, the last person named.
    text = (
        "Foreign Minister Choe Son Hui met Sergei Lavrov in Moscow. Last week Choe held talks with Lavrov and "
        "said that Pyongyang would stand by Moscow in what she called a “sacred struggle” in Ukraine."
    )
    found = speakers_in(nlp, text, "Last week")
    assert found and {s for s, _ in found} == {"choe-son-hui"}


def test_a_short_quote_goes_on_from_the_sentence_before(nlp: Language) -> None:
    text = "“This is a grave escalation,” Antony Blinken told reporters. “We will respond.”"
    assert speakers_in(nlp, text, "“We will") == [("antony-blinken", "Antony Blinken")]


def test_a_surname_tagged_as_an_organisation_is_the_person_named_before(nlp: Language) -> None:
    text = (
        "Pentagon press secretary Pat Ryder briefed reporters on Monday. Asked whether the soldiers were "
        "fighting, Ryder said he could not speak to it. “We continue to monitor the situation closely.”"
    )
    assert {n for _, n in speakers_in(nlp, text, "Asked whether")} == {"Pat Ryder"}
    assert {n for _, n in speakers_in(nlp, text, "“We continue")} == {"Pat Ryder"}


@pytest.mark.parametrize(
    "text",
    [
        "The Man Who Said No: How Kim Defied Beijing",  # a headline
        "Russia has sent “more than 1 million barrels” of oil to North Korea since March.",  # numbers in quotes
        "The “special military operation” entered its third year in February.",  # a scare quote
        "Kim Jong Un vowed to strengthen the army further.",  # a commitment without a reported clause
        "Kim Jong Un told reporters about the deal that Russia signed in June.",  # a relative clause
        "A statement of intent was signed in Moscow on Monday.",  # a statement that says nothing
        "Ten guards were working overtime, according to federal prison records.",  # records are documents
        "Seoul changed its position on arms exports in April.",  # a stance changed, not stated
        "Putin pledged “unwavering support” in a letter that Kim read aloud, state media said nothing more.",
    ],
)
def test_no_speaker_where_nobody_is_quoted(nlp: Language, text: str) -> None:
    found = [(q.speaker_id, q.speaker_name, q.quote) for q in quotes(nlp, text)]
    if text.startswith("Putin pledged"):
        # The pledge is Putin's words; "state media said nothing more" reports nothing.
        assert all(speaker_id == "vladimir-putin" or name == "Putin" for speaker_id, name, _ in found)
        return
    assert found == []


def test_he_is_the_reporter_s_person_not_one_named_inside_a_quote(nlp: Language) -> None:
    text = (
        "Kurt Volker testified on Tuesday. “Vice President Biden was not a topic of our discussions.” "
        'Volker said he never used the term "three amigos" and added, "I frankly cringe when I hear it." '
        "However, he said the call had changed his mind."
    )
    for opening in ("“Vice", "Volker said", "However"):
        assert {n for _, n in speakers_in(nlp, text, opening)} == {"Kurt Volker"}, opening


def test_a_vice_president_is_not_the_president(nlp: Language) -> None:
    text = "Vice President Kamala Harris visited Seoul on Monday. The president said the alliance was strong."
    assert ("kamala-harris", "Kamala Harris") not in speakers_in(nlp, text, "The president")
