"""Criticism and appeals spoken in quotes (issue 13): the speaker the quote finder resolved across
sentences acts in what they are quoted saying ("'Such moves are unacceptable,' he said"), a quoted
sentence standing alone is its speaker's, a speaker known only by a title codes as the state it
names, and saying another fuels the war judges it. Every sentence here was written for this file;
each rule has sentences where it must not fire."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.event_lines import Triple, event_triples

PUBLISHED = date(2024, 11, 8)

# A spokesman named in one sentence and quoted as "he" in the next, after another leader's name.
HAYASHI = "Yoshimasa Hayashi met reporters in Tokyo on Tuesday, a day after Putin left Pyongyang. "


def triples(nlp: Language, text: str) -> set[Triple]:
    return set(event_triples(nlp, text, PUBLISHED))


@pytest.mark.parametrize(
    "quoted",
    ['"Such moves are utterly unacceptable," he said.', '"This is deeply irresponsible," he said.'],
)
def test_a_quoted_verdict_is_the_speaker_the_quote_finder_resolved(nlp: Language, quoted: str) -> None:
    found = triples(nlp, HAYASHI + quoted)
    assert ("DISAPPROVE", "JPN", None) in found
    assert not any(kind == "DISAPPROVE" and actor == "RUS" for kind, actor, _ in found)


def test_an_appeal_by_we_in_a_quote_is_the_quote_speaker(nlp: Language) -> None:
    found = triples(nlp, HAYASHI + '"We urge Moscow to halt these arms transfers at once," he said.')
    assert ("DEMAND", "JPN", "RUS") in found


def test_we_under_a_verb_that_reports_nothing_is_the_quote_speaker(nlp: Language) -> None:
    text = (
        "Chinese foreign ministry spokesperson Lin Jian spoke at a briefing in Beijing on Monday. "
        '"Our position has been clear, and we hope all parties will return to talks," the spokesperson went on.'
    )
    assert ("DEMAND", "CHN", None) in triples(nlp, text)


def test_a_quoted_sentence_standing_alone_is_its_speaker_verdict(nlp: Language) -> None:
    text = (
        "South Korea's foreign ministry said on Monday that Moscow's envoy was called in over the arms "
        'deliveries. "This is a flagrant violation of Security Council resolutions."'
    )
    assert ("DISAPPROVE", "KOR", None) in triples(nlp, text)


def test_a_speaker_known_by_a_title_codes_as_the_state_it_names(nlp: Language) -> None:
    text = (
        '"Pyongyang\'s shell sales to Moscow would violate a string of UN resolutions," the deputy US envoy, '
        "Jane Morrow, told reporters."
    )
    assert ("DISAPPROVE", "USA", "PRK") in triples(nlp, text)


def test_saying_another_fuels_the_war_judges_it(nlp: Language) -> None:
    assert ("DISAPPROVE", "NATO", "IRN") in triples(nlp, "NATO said on Thursday that Iran was fuelling Russia's war.")


@pytest.mark.parametrize(
    "text",
    [
        HAYASHI.replace(", a day after Putin left Pyongyang", "") + '"This is a historic achievement," he said.',
        "The finance minister said the new trade deal would fuel growth across the region.",
        # A private outlet's words are reported, not its own verdict.
        '"This is reckless and dangerous," Reuters reported, citing a draft it had seen.',
    ],
)
def test_no_verdict_without_a_pejorative_or_a_speaker_who_acts(nlp: Language, text: str) -> None:
    assert not any(kind == "DISAPPROVE" for kind, _, _ in triples(nlp, text))


# -- who acts beside the subject ---------------------------------------------------------------------


def test_a_subject_the_parser_split_in_two_both_act(nlp: Language) -> None:
    text = (
        "South Korean Unification Minister Kim Yung-ho and U.S. Secretary of State Antony Blinken have "
        "condemned the missile launch by Pyongyang."
    )
    found = triples(nlp, text)
    assert {("DISAPPROVE", "KOR", "PRK"), ("DISAPPROVE", "USA", "PRK")} <= found


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "The foreign ministers of the EU, together with Canada and Norway, condemned Russia's purchases "
            "of North Korean missiles.",
            {("DISAPPROVE", "EU", "RUS"), ("DISAPPROVE", "CAN", "RUS"), ("DISAPPROVE", "NOR", "RUS")},
        ),
        ("Russia, along with China, vetoed the draft resolution on Tuesday.", {("REJECT", "CHN", None)}),
    ],
)
def test_those_together_with_the_subject_act_too(nlp: Language, text: str, wanted: set[Triple]) -> None:
    assert wanted <= triples(nlp, text)


def test_a_meeting_with_a_counterpart_is_no_co_subject(nlp: Language) -> None:
    found = triples(nlp, "The ministers of the G7 met in Rome with their Indian counterpart on Monday.")
    assert ("CONSULT", "IND", "IND") not in found
    assert not any(actor == "IND" and recipient == "G7" for _, actor, recipient in found)


# -- wishes and verdicts on an act named before ------------------------------------------------------


def test_a_wish_in_the_present_is_an_appeal(nlp: Language) -> None:
    speaker = " Chinese foreign ministry spokesperson Lin Jian said."
    assert ("DEMAND", "CHN", None) in triples(nlp, '"We hope all parties work towards a ceasefire,"' + speaker)
    assert not any(kind == "DEMAND" for kind, _, _ in triples(nlp, '"We hope the talks go well,"' + speaker))


def test_a_verdict_on_an_act_named_before_judges_it(nlp: Language) -> None:
    found = triples(nlp, "Japan's foreign ministry said the launch was a grave provocation.")
    assert ("DISAPPROVE", "JPN", None) in found
    supposed = triples(nlp, "Japan's foreign ministry said the launch would be a grave provocation.")
    assert not any(kind == "DISAPPROVE" for kind, _, _ in supposed)


def test_a_speaker_own_state_in_their_quoted_words_is_no_recipient(nlp: Language) -> None:
    text = (
        "Putin hosted Kim Jong Un at the Kremlin on Thursday. "
        '"We sincerely appreciate your firm support of Russian policy in Ukraine," Putin told his guest.'
    )
    found = triples(nlp, text)
    assert ("CONSULT", "RUS", "PRK") in found
    assert not any(actor == recipient for _, actor, recipient in found)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # A state's own people named apart stay recipients of its code (domestic events).
        ("Kenyan police detained dozens of protesters in Nairobi on Tuesday.", ("COERCE", "KEN", "KEN")),
        # "his rival": another person, whose the possessive says; not the actor again.
        (
            "Fighters loyal to the new leader detained his main rival in the capital on Monday, "
            "Ivorian officials said.",
            ("COERCE", "CIV", "CIV"),
        ),
    ],
)
def test_a_state_acting_on_its_own_people_keeps_its_recipient(nlp: Language, text: str, wanted: Triple) -> None:
    assert wanted in triples(nlp, text)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "South Korea's nuclear envoy Hwang Min-ho flew to Washington on Tuesday. "
            '"We call on North Korea to halt its missile launches," Hwang told reporters.',
            ("DEMAND", "KOR", "PRK"),
        ),
        (
            "U.S. deputy envoy Robert Roe met Japanese officials in Tokyo on Monday. "
            '"These arms shipments to Moscow are a flagrant breach of the sanctions," Roe said.',
            ("DISAPPROVE", "USA", None),
        ),
        (
            "U.S. deputy envoy Robert Roe met Japanese officials in Tokyo on Monday. "
            '"We urge Pyongyang to stop these arms shipments at once," he said.',
            ("DEMAND", "USA", "PRK"),
        ),
    ],
)
def test_a_speaker_unknown_to_the_gazetteer_acts_for_the_state_their_title_named(
    nlp: Language, text: str, wanted: Triple
) -> None:
    assert wanted in triples(nlp, text)


def test_a_state_withdrawing_its_own_troops_withdraws_from_no_one(nlp: Language) -> None:
    text = "Georgia's government has begun to pull its troops out of the besieged mountain town, the president said."
    found = triples(nlp, text)
    assert not any(actor == recipient for _, actor, recipient in found)


def test_a_quoted_ngo_criticises_as_itself(nlp: Language) -> None:
    # The quote speaker codes as the resolver codes the same name anywhere (resolution.entity_actor_code):
    # an NGO is itself, not a state it has none of.
    text = (
        "Amnesty International published a report on the camps on Monday. "
        '"Such abuses are utterly unacceptable," Amnesty International said in its report.'
    )
    found = triples(nlp, text)
    assert ("DISAPPROVE", "AMNESTY", None) in found
