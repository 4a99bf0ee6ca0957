"""Quote speakers in the ways news on this story reports speech (issue 13): coordinated nationalities,
pledges and vows, "by saying", a name the tagger takes for a date, a body's own statement. The
sentences are written for these tests in the manner of the coverage; none is copied."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.extract import extract_text


def speakers(nlp: Language, text: str) -> set[tuple[str | None, str]]:
    return {(q.speaker_id, q.speaker_name) for q in extract_text(nlp, text).quotes}


def ids(nlp: Language, text: str) -> set[str | None]:
    return {speaker_id for speaker_id, _ in speakers(nlp, text)}


def test_officials_of_two_states_are_two_speakers(nlp: Language) -> None:
    text = "Ukrainian and American officials said last week that North Korean troops had reached Kursk."
    found = speakers(nlp, text)
    assert {"UKR", "USA"} <= {i for i, _ in found}, found
    assert len({name for _, name in found}) == len(found), "each speaker is named apart"
    # One nationality stays one speaker.
    assert ids(nlp, "A Ukrainian official said the soldiers had been sent to camps near the border.") == {"UKR"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Choe Son Hui pledged that North Korea would stand by Russia until its victory.", "choe"),
        ("Kim Jong Un vowed that Pyongyang would always support the Russian army.", "kim"),
        ("Vladimir Putin hit back by saying that NATO troops have long been involved in the war.", "putin"),
    ],
)
def test_pledges_vows_and_retorts_report_speech(nlp: Language, text: str, expected: str) -> None:
    assert any(expected in name.lower() for _, name in speakers(nlp, text)), speakers(nlp, text)


def test_a_name_taken_for_a_date_still_speaks(nlp: Language) -> None:
    text = (
        "Vladimir Putin met North Korean Foreign Minister Choe Son Hui in the Kremlin on Monday. "
        "Last week Choe held talks with Sergei Lavrov and said that Pyongyang would stand at Russia's side."
    )
    assert any("Choe" in name for _, name in speakers(nlp, text)), speakers(nlp, text)


def test_a_bodys_own_statement_is_the_body_speaking(nlp: Language) -> None:
    text = "According to a NATO statement, the alliance does not see China as an adversary."
    assert "NATO" in ids(nlp, text), speakers(nlp, text)
    # A report about a body is no speech of it.
    assert "UN" not in ids(nlp, "According to a UN report, the panel found evidence of arms transfers.")
