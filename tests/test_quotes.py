"""Quotes: direct and reported speech, speakers resolved across the article, affiliations."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from extractors.extract import extract_text
from extractors.records import Quote

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_55ac9cc17b546c97.txt"


@pytest.fixture(scope="module")
def seed_quotes(nlp: Language) -> list[Quote]:
    return list(extract_text(nlp, SEED.read_text(encoding="utf-8"), date(2024, 11, 8)).quotes)


def quotes(nlp: Language, text: str) -> list[Quote]:
    return list(extract_text(nlp, text).quotes)


@pytest.mark.parametrize(
    ("speaker_id", "name", "affiliation"),
    [
        ("dennis-wilder", "Dennis Wilder", "Georgetown University"),
        ("matthew-miller", "Matthew Miller", "U.S. State Department"),
        ("shen-dingli", "Shen Dingli", "international relations expert based in Shanghai"),
        ("zhu-feng", "Zhu Feng", "Institute of International Studies at Nanjing University"),
        ("tong-zhao", "Tong Zhao", "Carnegie Endowment for International Peace"),
        ("peter-dutton", "Peter Dutton", "U.S. Naval War College"),
        ("feng-yujun", "Feng Yujun", "Peking University"),
    ],
)
def test_seed_experts_are_quoted_with_affiliations(
    seed_quotes: list[Quote], speaker_id: str, name: str, affiliation: str
) -> None:
    theirs = [q for q in seed_quotes if q.speaker_id == speaker_id]
    assert theirs, f"no quote for {name}"
    assert {q.speaker_name for q in theirs} == {name}
    assert all(q.affiliation == affiliation for q in theirs)


def test_coreference_within_the_article(seed_quotes: list[Quote]) -> None:
    he_argues = next(q for q in seed_quotes if q.quote.startswith("that Beijing is uncomfortable"))
    assert he_argues.speaker_id == "shen-dingli"
    zhu_argues = next(q for q in seed_quotes if "not the China of the 1950s" in q.quote)
    assert (zhu_argues.speaker_id, zhu_argues.speaker_name, zhu_argues.direct) == ("zhu-feng", "Zhu Feng", False)
    mao = next(q for q in seed_quotes if q.direct and "lips" in q.quote)
    assert (mao.speaker_id, mao.speaker_name) == ("mao-zedong", "Mao Zedong")


def test_spokespersons_speak_for_their_state(seed_quotes: list[Quote]) -> None:
    business = [q for q in seed_quotes if "their own business" in q.quote]
    assert business and all(q.speaker_id == "CHN" for q in business)
    assert any(q.speaker_name == "Foreign Ministry spokespersons" for q in business)


def test_scare_quotes_are_not_quotes(seed_quotes: list[Quote]) -> None:
    assert not [q for q in seed_quotes if q.quote in ("new Cold War", "common destiny", "Asian NATO", "IV drip")]


def test_generic_sources_are_quoted_as_written(seed_quotes: list[Quote]) -> None:
    # The news convention (bench/data/news/README.md): "analysts suggest that ..." is reported speech of
    # "analysts", a speaker with no id.
    analysts = [q for q in seed_quotes if q.speaker_name.lower() == "analysts"]
    assert analysts and all(q.speaker_id is None and not q.direct for q in analysts)
    assert any("China is growing uneasy" in q.quote for q in analysts)


def test_direct_quotes_and_their_offsets(nlp: Language) -> None:
    text = "“The door to dialogue remains open,” Iranian Foreign Minister Abbas Araghchi told reporters."
    (quote,) = quotes(nlp, text)
    assert quote.direct and quote.speaker_name == "Abbas Araghchi"
    assert text[quote.start : quote.end] == quote.quote == "The door to dialogue remains open"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We will never accept foreign interference," said Mexican President Claudia Sheinbaum.', "Claudia Sheinbaum"),
        ("The plan is ‘dead on arrival’, said Oleksandr Merezhko, a Ukrainian lawmaker.", "Oleksandr Merezhko"),
        ("Swiss President Viola Amherd said the talks had been «constructive and open».", "Viola Amherd"),
    ],
)
def test_quote_marks(nlp: Language, text: str, speaker: str) -> None:
    assert any(q.direct and q.speaker_name == speaker for q in quotes(nlp, text))


def test_reported_speech_forms(nlp: Language) -> None:
    (according,) = quotes(nlp, "According to Kenya's interior minister Kithure Kindiki, at least 19 people died.")
    assert (according.speaker_name, according.direct) == ("Kithure Kindiki", False)
    text = "Priya Raman, an economist at the Delhi School of Economics, argues that the rupee will fall."
    (notes,) = quotes(nlp, text)
    assert (notes.speaker_name, notes.affiliation) == ("Priya Raman", "Delhi School of Economics")
    assert notes.quote == "that the rupee will fall"
    (state,) = quotes(nlp, "Ukraine says Russia has lost more than 600,000 troops.")
    assert (state.speaker_id, state.speaker_name) == ("UKR", "Ukraine")
    # An unnamed source is quoted by its words, with no id (the news convention).
    (analysts,) = quotes(nlp, "Analysts warn that the drought could push millions into hunger.")
    assert (analysts.speaker_id, analysts.speaker_name, analysts.direct) == (None, "Analysts", False)


def test_pronoun_speaker_after_a_named_one(nlp: Language) -> None:
    text = (
        "Aminata Traoré, a political scientist at the University of Ouagadougou, said the decision "
        "reflected anger at Paris. “The junta needs an external enemy,” she said."
    )
    found = quotes(nlp, text)
    assert {q.speaker_name for q in found} == {"Aminata Traoré"}
    assert all(q.affiliation == "University of Ouagadougou" for q in found)


@pytest.mark.parametrize(
    ("text", "speaker", "affiliation"),
    [
        # A lowercase ministry in the title words is the affiliation, with its state.
        (
            "China's foreign ministry spokesperson Lin Jian said Beijing was not aware of the situation.",
            "Lin Jian",
            "China's foreign ministry",
        ),
        (
            "Russia's defence ministry spokesman Igor Konashenkov said the troops had arrived.",
            "Igor Konashenkov",
            "Russia's defence ministry",
        ),
        (
            "Chinese Foreign Ministry spokesperson Mao Ning said China opposed sanctions.",
            "Mao Ning",
            "Chinese Foreign Ministry",
        ),
    ],
)
def test_title_words_name_the_officials_institution(nlp: Language, text: str, speaker: str, affiliation: str) -> None:
    (quote,) = quotes(nlp, text)
    assert (quote.speaker_name, quote.affiliation) == (speaker, affiliation)
