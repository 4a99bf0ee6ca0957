"""A group named by a common noun where no party is named (stop 50, lane plv50): in a text that
names no state, no organisation of states and no coded agent, a subject that is a noun for people
or a body ("the dockworkers' union", "the panel's members", "the board") acts on no state's
behalf, kept with actor_id None and its words in actor_text, as a titled name is. Where the text
names a state, such a noun takes that state or makes no event, as before; a passive subject is
never the doer. Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from extractors.extract import extract_text

PUBLISHED = date(2025, 3, 14)


def named(nlp: Language, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.event_type, e.actor_id, e.actor_text) for e in extract_text(nlp, text, PUBLISHED).events]


def test_a_union_acts_where_no_state_is_named(nlp: Language) -> None:
    events = named(nlp, "The dockworkers' union refused to call off the walkout at the harbour.")
    assert [(t, a) for t, a, _ in events] == [("REJECT", None)]
    assert "union" in (events[0][2] or "")


def test_a_board_acts_where_no_state_is_named(nlp: Language) -> None:
    events = named(nlp, "The hospital board banned the weekly bulletin of its nursing staff.")
    assert ("COERCE", None) in [(t, a) for t, a, _ in events]


def test_a_group_noun_takes_the_named_state_as_before(nlp: Language) -> None:
    """Where the text names a state, the noun is no actor of its own."""
    events = named(nlp, "The hospital board banned the weekly bulletin of Peru's nursing staff.")
    assert all(actor is not None for _, actor, _ in events)


def test_a_passive_subject_is_never_the_doer(nlp: Language) -> None:
    events = named(nlp, "The harbour pilots were banned from the quay for a week.")
    assert all(text is None or "pilots" not in text for _, _, text in events)
