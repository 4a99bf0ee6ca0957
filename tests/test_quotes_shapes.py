"""Quote shapes found on the training files' misses (issue 13, lane quotes11): a speaker's phrase ends where
its own words end ("a rights watchdog and local media", "the militant group Al-Shabab"); "said to be" is
hearsay, nobody speaking; a state's statement named again ("the statement said" after "the State Department
said") is the state's in the statement's words; a joint statement of several issuers speaks by its words;
"the defence ministry added" after "India's defence ministry said" is that ministry, though the tagger calls
"ministry" a proper noun. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.extract import extract_text
from tests.quote_speakers import Found, speakers, spoken_after


def names(nlp: Language, text: str) -> list[str]:
    return sorted({q.speaker_name for q in extract_text(nlp, text).quotes})


def test_a_speaker_phrase_stops_at_the_next_conjunct(nlp: Language) -> None:
    # "local" modifies "media", the second speaker: not a word of the first.
    text = (
        "Police in Managua have arrested at least 40 people for taking part in a banned march, according to "
        "a human rights watchdog and local media."
    )
    assert names(nlp, text) == ["human rights watchdog", "local media"]


def test_said_to_be_is_no_speaker(nlp: Language) -> None:
    text = (
        "Armed men said to be bandits stormed a school in the north of Niger, looting and burning classrooms, "
        "a local official said on Monday."
    )
    assert names(nlp, text) == ["local official"]


@pytest.mark.parametrize(
    ("text", "marker", "expected"),
    [
        # The statement of the state body quoted before: the state's, by the statement's word.
        (
            "Washington on Tuesday added five shipping firms to its sanctions list for moving North Korean "
            "coal, the State Department said. The statement said the firms had \u201cknowingly helped Pyongyang "
            "evade United Nations sanctions\u201d over two years.",
            "The statement said",
            [("USA", "statement")],
        ),
        # Three issuers: the joint statement speaks by its words.
        (
            "\u201cEvery shipment breaks the resolutions of the Security Council,\u201d said the joint statement "
            "issued by Japan, Canada and Australia on Thursday.",
            "\u201cEvery",
            [(None, "joint statement")],
        ),
    ],
)
def test_a_statement_named_again_or_of_several_issuers(nlp: Language, text: str, marker: str, expected: Found) -> None:
    assert spoken_after(nlp, text, marker) == expected


def test_lowercase_ministry_named_again(nlp: Language) -> None:
    text = (
        "India and Malaysia opened a naval drill on Monday, a statement from India's defence ministry said. "
        '"These talks aim to deepen cooperation on maritime matters," the defence ministry added in its '
        "statement."
    )
    assert spoken_after(nlp, text, '"These talks') == [("IND", "India's defence ministry")]


def test_a_name_saying_inside_a_quoted_paragraph_is_no_speaker(nlp: Language) -> None:
    # The paragraph runs over two sentences, its speaker introduced before; "the Pentagon says" is his words.
    text = (
        '"We hear many different reports," spokesman Dmitry Peskov told reporters in Moscow. '
        '"The South Koreans claim one thing, and then the Pentagon says that it has no proof, so the picture '
        'is unclear. So that is how it should be treated."'
    )
    assert spoken_after(nlp, text, '"The South Koreans') == [("dmitry-peskov", "Dmitry Peskov")]


def test_the_reporter_s_word_for_the_body_just_quoted(nlp: Language) -> None:
    # "the aid agency" after "the ICRC said": the ICRC, not the country the story is in.
    text = (
        "Rebels in Colombia have freed six hostages, handing them over to the International Committee of the "
        'Red Cross, the ICRC said on Monday. "The six were released after a request made by the rebels to '
        'the ICRC," the aid agency said in a statement.'
    )
    assert spoken_after(nlp, text, '"The six') == [("ICRC", "ICRC")]


def test_a_title_adding_words_is_the_person_just_quoted(nlp: Language) -> None:
    text = (
        "An international prosecutor said on Monday that he would open an inquiry into the shelling. "
        '"I have decided to proceed as rapidly as possible," Karim Khan of the International Criminal Court '
        'said in a statement. "I will keep following events on the ground closely," the prosecutor added.'
    )
    assert spoken_after(nlp, text, '"I will keep') == [(None, "Karim Khan")]


def test_an_attribution_after_a_clause_parsed_as_adverbial(nlp: Language) -> None:
    # The parser makes "AFP reported" the root and the reported clause an adverbial clause on it.
    text = (
        "After the veto, Ambassador Barbara Woodward renewed her criticism of Russia and Syria, accusing Moscow "
        "of protecting \u201cthe chemical-weapons regime in Damascus\u201d and warning of further steps, AFP reported."
    )
    # Woodward (the UK's envoy) is in the people gazetteer since the ministers were added.
    assert speakers(nlp, text) == [("afp", "AFP"), ("p-barbara-woodward", "Barbara Woodward")]


def test_a_statement_read(nlp: Language) -> None:
    # A document's words "read"; a person reading a letter says nothing of their own.
    assert names(nlp, '"The ministers agreed to deepen their coordination," the statement read.') == ["statement"]
    assert names(nlp, "She read the letter aloud to the crowd, which cheered.") == []


def test_a_speaker_known_by_a_call_sign(nlp: Language) -> None:
    text = (
        '"The new recruits learn fast and follow orders," said a Ukrainian officer who goes by the call sign '
        '"Boreas." A second officer, known as "Tundra", added: "They are as good as my own men."'
    )
    assert names(nlp, text) == ["Boreas", "Tundra"]


def test_a_message_quoted_is_its_sender_s(nlp: Language) -> None:
    text = (
        '"The Russian side is ready to deepen the friendship between our two peoples," KCNA quoted Putin\'s '
        "letter as saying."
    )
    assert speakers(nlp, text) == [("vladimir-putin", "Putin")]
