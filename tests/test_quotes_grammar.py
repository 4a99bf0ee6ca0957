"""Quote speakers from the grammar around a misparse (issue 13, lane quotes13): a finite verb the parser
coordinates with an infinitive under "will" goes on with the verb of saying ("has said his cabinet will
... and described ..."); the "he" of "what he called" is the subject of the verb the naming clause hangs
on; "said" whose object opens a clause the parser missed ("said Russia and Vietnam, as ..., share ...")
reports it. Words that name a speaker again: "it said" after "the Kremlin said" (a state's body), "the
journalist said" after "a Reuters journalist saw", "the treaty says", "the Russian foreign minister" after
the one Russian named with no other post. A quoted paragraph after a body that voices something or acts
in a statement ("The ministry condemned the drills in a statement. “...”") is the body's. Short quoted
words that are a whole object of the verb carrying them ("voiced “deep regret”") are its subject's; a term
inside the reporter's phrase ("“new Cold War” tensions") is not. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.extract import extract_text
from tests.quote_speakers import Found, speakers, spoken_after


def test_a_finite_verb_after_an_infinitive_goes_on_with_the_speaker(nlp: Language) -> None:
    # "described" cannot be coordinated with "will keep": the prime minister describes, not his cabinet.
    text = (
        'Dutch Prime Minister Dick Schoof has said his cabinet will "keep every option open" and described '
        'the drone attacks on Kyiv as "barbaric."'
    )
    assert speakers(nlp, text) == [("p-dick-schoof", "Dick Schoof")]


def test_what_he_called_is_the_subject_s_naming(nlp: Language) -> None:
    # "he" is the minister who condemns, not Modi, the last person named.
    text = (
        "Iran's Foreign Minister Abbas Araghchi posted comments about the riots on social media. Narendra Modi "
        'dismissed them on Tuesday. The minister had condemned what he called a "wave of violence against '
        'Muslims".'
    )
    assert spoken_after(nlp, text, "The minister") == [(None, "Abbas Araghchi")]


def test_said_with_an_object_that_opens_the_reported_clause(nlp: Language) -> None:
    # Parsed as "said [Russia and Vietnam]" with "share" hung on "said": the object is the clause's subject.
    text = "On arrival, Lavrov said Russia and Vietnam, as old partners bound by history, share a deep friendship."
    assert speakers(nlp, text) == [("sergei-lavrov", "Lavrov")]


def test_said_with_a_plain_object_reports_nothing(nlp: Language) -> None:
    # A real object of "said", with a relative clause: no reported clause.
    text = "The mayor said a prayer for the victims who died in the fire, and the crowd fell silent."
    assert speakers(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "\u201cThe talks were constructive and covered energy and security,\u201d the Kremlin said in a "
            "statement. \u201cRussia remains open to further contacts with all partners,\u201d it said.",
            [("RUS", "Kremlin")],
        ),
        (
            "\u201cThe last of our soldiers left the Sahel this morning,\u201d the Elysee said in a "
            "statement. \u201cFrance remains committed to the fight against terrorism,\u201d it said.",
            [("FRA", "Elysee")],
        ),
    ],
)
def test_it_after_a_state_body_quoted(nlp: Language, text: str, expected: Found) -> None:
    # The second quote, "it said": the body quoted just before.
    marker = text[text.rindex("\u201c") + 1 :]
    assert spoken_after(nlp, text, marker) == expected


def test_the_journalist_named_again(nlp: Language) -> None:
    text = (
        "Rebels freed three hostages near the border on Friday, a Reuters journalist saw. The hostages were "
        "handed to aid workers at a checkpoint, the journalist said."
    )
    assert speakers(nlp, text) == [(None, "journalist")]


def test_a_treaty_speaks_by_its_word(nlp: Language) -> None:
    text = (
        "\u201cShould either party come under attack, the other shall provide assistance without delay,\u201d "
        "the treaty says."
    )
    assert speakers(nlp, text) == [(None, "treaty")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Lavrov is the one Russian named with no other post (Putin is the president, Peskov a spokesman).
        (
            "Russian President Vladimir Putin met the foreign ministers of Russia and Iran, Sergey Lavrov and "
            "Abbas Araghchi, in the Kremlin on Tuesday, spokesman Dmitry Peskov said. The Russian foreign "
            "minister said the talks had covered energy and transport.",
            [("sergei-lavrov", "Sergey Lavrov")],
        ),
        # Putin, named untitled just before, was introduced as president: not the minister.
        (
            "Russian President Vladimir Putin met Xi Jinping in Beijing on Monday. Putin praised the talks as "
            "warm and useful. The Russian foreign minister said the two sides had signed a dozen documents.",
            [("RUS", "Russian foreign minister")],
        ),
    ],
)
def test_a_title_after_people_of_the_state(nlp: Language, text: str, expected: Found) -> None:
    assert spoken_after(nlp, text, "The Russian foreign minister") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "North Korea's defence ministry condemned the drills in a statement on Sunday. \u201cThe reckless "
            "war exercises will only push the region to the brink of a nuclear war.\u201d",
            [("PRK", "North Korea's defence ministry")],
        ),
        (
            "Seoul's foreign ministry reacted within hours. \u201cWe strongly urge Russia and North Korea to stop "
            "their illegal military cooperation at once.\u201d",
            [("KOR", "Seoul's foreign ministry")],
        ),
        # A state doing something, then words nobody is said to speak: no speaker.
        (
            "North Korea fired two ballistic missiles into the sea on Sunday. \u201cThe launches are a grave "
            "threat to the peace and stability of the whole region.\u201d",
            [],
        ),
    ],
)
def test_a_quoted_paragraph_after_a_body_voicing(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Tokyo voiced "deep regret" on Friday over the remarks made by the Russian envoy.', [("JPN", "Tokyo")]),
        (
            'UN Secretary-General Antonio Guterres called on both armies to show "maximum restraint" as the '
            "fighting spread.",
            [("antonio-guterres", "Antonio Guterres")],
        ),
        # A term inside the reporter's noun phrase: a scare quote.
        ('Beijing has long accused Washington of fuelling "new Cold War" tensions in Asia.', []),
        # "has called" goes with "The West has claimed", not with the plural troops of the reported clause.
        (
            "The West has claimed that thousands of North Korean troops are in Russia, and has called for their "
            '"immediate withdrawal."',
            [(None, "West")],
        ),
    ],
)
def test_short_quoted_words_that_are_a_whole_object(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


# --- lane quotes14: a saying negated or not yet done -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The defence ministry has not confirmed that the convoy crossed into the border province.",
        "Local officials did not say whether the dead were fishermen or smugglers.",
        "Canberra has yet to confirm that its navy shadowed the destroyers through the strait.",
    ],
)
def test_a_saying_negated_or_not_yet_done_quotes_nobody(nlp: Language, text: str) -> None:
    assert speakers(nlp, text) == []


def test_a_negated_saying_beside_a_real_one(nlp: Language) -> None:
    # Only the lawmaker says something; the capital has said nothing yet.
    text = (
        "Ottawa has yet to confirm that the frigate was shadowed, although an opposition lawmaker said the "
        "navy had been left exposed."
    )
    assert [name for _, name in speakers(nlp, text)] == ["opposition lawmaker"]


def test_a_participle_before_a_trailing_attribution_goes_on_with_its_own_subject(nlp: Language) -> None:
    # "saying ..." is the ministry's; the agency named after the words reports the whole clause.
    text = (
        "Japan's foreign ministry has protested the drills, saying they raise tension across the region, the "
        "public broadcaster NHK reported on Sunday."
    )
    found = {(q.speaker_name, q.quote) for q in extract_text(nlp, text).quotes}
    assert ("Japan's foreign ministry", "they raise tension across the region") in found
    assert all(name == "NHK" for name, quote in found if quote.startswith("Japan's"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An active "report" with a noun or a gerund for its object reports it.
        (
            "Last week Japan's defence minister, Gen Nakatani, reported the first sighting of the new drones.",
            [("gen-nakatani", "Gen Nakatani")],
        ),
        ("Ottawa reported shipping 4,000 tonnes of grain in March.", [("CAN", "Ottawa")]),
        # Each name a plural noun lists in apposition.
        (
            "The Russian news agencies TASS and Interfax reported the visit.",
            [("interfax", "Interfax"), ("tass", "TASS")],
        ),
    ],
)
def test_reported_with_an_object(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The relative pronoun is the subject of what is said: "critics say [the bill] curbs ...".
        (
            "Demonstrations against the bill, which critics say curbs the freedom of the press, spread to "
            "three more cities.",
            [(None, "critics")],
        ),
        # "it" is the state that released the images.
        (
            "On Monday Japan released radar images that it said showed a Chinese drone circling the island.",
            [("JPN", "Japan")],
        ),
        # "which" stands for a body named before it ...
        (
            "The estimate matches that of Japan's defence ministry, which has suggested that the drills are "
            "growing in scale.",
            [("JPN", "Japan's defence ministry")],
        ),
        # ... not for one of a list.
        (
            "The move was agreed with the governments of Chile, Peru and Brazil, which have all recalled "
            "their envoys or announced that they will.",
            [],
        ),
    ],
)
def test_a_relative_clause_of_saying(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Not the state the article is about: "Western" governments, the agencies "of both countries".
        (
            "Fighting flared again in eastern Chad on Friday, though some Western governments said they had "
            "hoped for a ceasefire.",
            [(None, "some Western governments")],
        ),
        (
            "Lavrov met Wang Yi in Beijing on Monday, his third trip to the Chinese capital this year, the "
            "official news agencies of both countries reported.",
            [(None, "official news agencies of both countries")],
        ),
    ],
)
def test_a_group_not_of_the_state_in_context(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "that" opens the claim (the verb after it has its own object), not a relative clause.
        (
            "The briefing follows earlier claims by Japan that China had sent about 40 coast guard ships "
            "into the zone.",
            [("JPN", "Japan")],
        ),
        # An outlet's report that ...: the outlet's words.
        (
            "The protest followed a Financial Times report that the ministry was hiding the losses from parliament.",
            [(None, "Financial Times")],
        ),
    ],
)
def test_a_noun_of_saying_with_a_that_clause(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Verbs of praise and censure carry the quoted words they take, as "praised" and "condemned" do.
        (
            'Before the summit, Emmanuel Macron lauded Berlin for its "steadfast commitment to a common European '
            'defence" in a message.',
            [("p-emmanuel-macron", "Emmanuel Macron")],
        ),
        # The speaker's words stop before the date the parser hangs on them.
        (
            'Foreign ministers of the Nordic Council on Monday censured "in the clearest possible terms" the '
            "seizure of the tanker.",
            [("NC", "Foreign ministers of the Nordic Council")],
        ),
    ],
)
def test_verbs_of_praise_and_censure_carry_quoted_words(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The parser hangs the "that" clause on the object of "assured": it is still the pledge.
        (
            "In a radio address on Sunday, Governor Maria Okafor assured farmers that nobody who stayed would "
            "lose their land.",
            [(None, "Maria Okafor")],
        ),
        # "neither confirmed nor denied" says nothing, with a clause or with the reports that ...
        ("Until Friday, Manila had neither confirmed nor denied that its coast guard had fired flares.", []),
        (
            "Until Friday, Manila had neither confirmed nor denied the reports that its coast guard had fired flares.",
            [],
        ),
    ],
)
def test_a_that_clause_on_the_object_and_a_saying_neither_done(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected
