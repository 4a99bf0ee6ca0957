"""An act declined is not done (stop 41, lead): "declined to give / provide" is no rejection (the
lexicon's verbs.decline `not_with`: "declined to provide details"), so the inner verb is read, and
it must come out negated — "Hanoi declined to provide rifles to Vientiane" is no aid the story views
count. Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from extractors.extract import extract_text

PUBLISHED = date(2025, 3, 14)


def _events(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, bool]]:
    return [(e.event_type, e.actor_id, e.recipient_id, e.negated) for e in extract_text(nlp, text, PUBLISHED).events]


@pytest.mark.parametrize(
    "text",
    [
        "Hanoi declined to provide rifles to Vientiane, officials said.",
        "Thailand declined to give Cambodia the artillery shells it had asked for.",
    ],
)
def test_aid_declined_is_negated(nlp: Language, text: str) -> None:
    found = _events(nlp, text)
    assert any(t == "AID" for t, *_ in found), found
    assert all(negated for t, _, _, negated in found if t == "AID"), found


@pytest.mark.parametrize(
    "text",
    [
        "Hanoi provided rifles to Vientiane after declining an earlier request.",
        "Thailand gave Cambodia artillery shells, although it had declined to comment on the deal.",
    ],
)
def test_aid_given_beside_a_decline_stays(nlp: Language, text: str) -> None:
    found = _events(nlp, text)
    assert any(t == "AID" and not negated for t, _, _, negated in found), found
