"""Quote speakers introduced with titles, named again by title or pronoun, and attributions reported by
another (issue 13, lane quotes6): a name at the end of its title ("Ambassador to Peru Song Yang"), a
title in apposition to a name ("Sergei Shoigu, Secretary of ..."), a name NER took for an organisation
under a title, "the diplomat" and "the Russian foreign minister" for the person introduced with that
post, "X said ..., Y reported" (both speak), "In her words". The sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.extract import extract_text

Found = list[tuple[str | None, str]]  # speaker_id, speaker_name


def names(nlp: Language, text: str) -> list[str]:
    return sorted({q.speaker_name for q in extract_text(nlp, text).quotes})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The name that ends a title whose object the parser took the name for.
        ("Chinese Ambassador to Peru Song Yang said Beijing would stand by its partners.", ["Song Yang"]),
        (
            "The curfew will stay in force until Monday, Senior Superintendent of Police Ravi Perera said.",
            ["Ravi Perera"],
        ),
        (
            "“This is a cold shower for both sides,” said Chile's deputy foreign minister for Asia, Marta Rojas.",
            ["Marta Rojas"],
        ),
        # A title in apposition to a named person is not the speaker's name.
        (
            "The plan was approved, according to a statement by Sergei Shoigu, Secretary of the Security Council "
            "of the Russian Federation.",
            ["Sergei Shoigu"],
        ),
    ],
)
def test_names_around_titles(nlp: Language, text: str, expected: list[str]) -> None:
    assert names(nlp, text) == expected


def test_an_adviser_to_the_president_is_not_the_president(nlp: Language) -> None:
    text = "An adviser to President Emmanuel Macron said the talks would resume in March."
    assert "Emmanuel Macron" not in names(nlp, text)


def test_the_diplomat_is_the_spokesperson_introduced_before(nlp: Language) -> None:
    text = (
        "Chinese Foreign Ministry spokesman Lin Jian took questions in Beijing on Monday. "
        "“The Chinese side has no information about the convoy,” the diplomat said."
    )
    quotes = extract_text(nlp, text).quotes
    assert [q.speaker_name for q in quotes] == ["Lin Jian"]


def test_the_diplomat_after_an_unnamed_diplomat_stays_unnamed(nlp: Language) -> None:
    text = (
        "The ministers agreed on new sanctions on Thursday, according to a diplomat. "
        "The decision was welcomed by Irish Foreign Minister Eamon Gilmore. "
        "The list of officials will be drawn up next week, the diplomat said."
    )
    last = [q for q in extract_text(nlp, text).quotes if q.start >= text.index("The list")]
    assert [q.speaker_name for q in last] == ["diplomat"]


def test_the_foreign_minister_is_not_the_one_named_inside_the_quote(nlp: Language) -> None:
    text = (
        "Russia's foreign minister Sergey Lavrov flew to Pyongyang on Friday. "
        "“My talks with Foreign Minister Choe Son Hui will be frank,” the Russian foreign minister said."
    )
    quotes = extract_text(nlp, text).quotes
    assert [q.speaker_id for q in quotes] == ["sergei-lavrov"]


def test_a_saying_reported_by_an_outlet_has_both_speakers(nlp: Language) -> None:
    text = (
        "Choe Son Hui met Wang Yi in Beijing on Monday. "
        "Choe said the summit had set the direction of the relationship for years to come, KCNA said."
    )
    found = {q.speaker_name for q in extract_text(nlp, text).quotes}
    assert found == {"Choe Son Hui", "KCNA"}
    text = "Volodymyr Zelensky spoke to the nation on Sunday. Zelensky said so in a video message, Ukrinform reported."
    found = {q.speaker_name for q in extract_text(nlp, text).quotes}
    assert found == {"Volodymyr Zelensky", "Ukrinform"}


def test_in_her_words_is_the_person_last_quoted(nlp: Language) -> None:
    text = (
        "Russian Foreign Ministry spokeswoman Maria Zakharova said the treaty would enter into force soon. "
        "In her words, the pact is aimed at no third country."
    )
    quotes = extract_text(nlp, text).quotes
    assert {q.speaker_name for q in quotes} == {"Maria Zakharova"}
    assert len(quotes) == 2


def test_a_name_under_a_title_tagged_as_an_organisation_takes_he(nlp: Language) -> None:
    text = (
        "At the weekly briefing, MEA spokesperson Randhir Jaiswal said the ministry had seen the reports. "
        "“We reject these baseless allegations,” he said."
    )
    quotes = extract_text(nlp, text).quotes
    assert [q.speaker_name for q in quotes] == ["Randhir Jaiswal", "Randhir Jaiswal"]


def test_a_surname_goes_to_the_person_quoted_last(nlp: Language) -> None:
    text = (
        "Kim Yo Jong, the sister of North Korean leader Kim Jong Un, issued a statement on Tuesday. "
        "“Such deeds can be done only by lunatics,” Kim Yo Jong said. "
        "According to Kim, Seoul is playing with fire."
    )
    quotes = extract_text(nlp, text).quotes
    assert {q.speaker_name for q in quotes} == {"Kim Yo Jong"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One speaker per adjective, a state's or a group's by its words, and one per conjunct.
        (
            "Japanese and Western intelligence agencies say about 3,000 sailors were sent to the base.",
            [("JPN", "Japanese intelligence agencies"), (None, "Western intelligence agencies")],
        ),
        (
            "U.S. and Japanese officials said the ships had left the port on Sunday.",
            [("JPN", "Japanese officials"), ("USA", "U.S. officials")],
        ),
        (
            "Canadian and Japanese officials, as well as Western researchers studying the images, say the "
            "ships have been visiting the port since May.",
            [("CAN", "Canadian officials"), ("JPN", "Japanese officials"), (None, "Western researchers")],
        ),
    ],
)
def test_coordinated_adjectives_speak_each(nlp: Language, text: str, expected: Found) -> None:
    found = sorted({(q.speaker_id, q.speaker_name) for q in extract_text(nlp, text).quotes}, key=str)
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An outlet named beside the noun that says what it is speaks by its name.
        ("A rescue team arrived in Adana on Friday, according to the public broadcaster NHK.", ["NHK"]),
        ("Three ferries sank in the storm, according to The Courier newspaper.", ["Courier"]),
        ("The talks ended without a deal, according to the Al Arabiya news network.", ["Al Arabiya"]),
        # Commentaries, articles, resolutions and releases speak by their words, or for their issuer.
        ("Seoul has crossed the red line with its drills, a KCNA commentary said.", ["KCNA"]),
        ("According to the resolution, the assembly condemned the attack in the strongest terms.", ["resolution"]),
        # A provision is no speaker.
        ("The pact took effect in December, according to Article 22 of the treaty.", []),
    ],
)
def test_outlets_and_documents(nlp: Language, text: str, expected: list[str]) -> None:
    assert names(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A reported clause the parser hangs on an adverb of the verb of saying.
        (
            "Canadian Foreign Minister Anita Anand spoke in Ottawa. The Canadian foreign minister said once more "
            "that any arms trade with Pyongyang breaks UN resolutions.",
            ["Anita Anand"],
        ),
        # The "that" clause of a noun of saying the subject voices.
        ("Anita Anand also repeated the allegation that Pyongyang had shipped shells to Russia.", ["Anita Anand"]),
        # Quoted words a spokesperson conveys.
        (
            "Foreign ministry spokesman Omar Haddad conveyed “Jordan's full condemnation of the attack on the "
            "convoy” on Saturday.",
            ["Omar Haddad"],
        ),
        # A demand is an event, not a quote (tests/gold).
        ("Poland demanded that Germany pay reparations for the war.", []),
    ],
)
def test_voiced_words(nlp: Language, text: str, expected: list[str]) -> None:
    assert names(nlp, text) == expected


def test_a_parenthetical_he_is_not_someone_in_what_he_says(nlp: Language) -> None:
    text = (
        "“Nobody in Ottawa is happy about this,” said Mark Ellis, a professor at McGill University. "
        "Xi and Putin, he said, have every reason to keep their distance."
    )
    quotes = extract_text(nlp, text).quotes
    assert {q.speaker_name for q in quotes} == {"Mark Ellis"}
