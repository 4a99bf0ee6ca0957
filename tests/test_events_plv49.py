"""A person named without a title where no state is named (issue 13, stop 49, lane plv49): in a
text that names no state, no organisation of states and no coded agent, a bare name at the head of
the subject ("Marta Quispe denounced the law") is no state's official the gazetteer lacks but an
actor of its own, kept with actor_id None and the name in actor_text, as a titled one is. Where the
text names a state, in that sentence or another, the bare name may be that state's person (the
news names states in every article), and stays no actor as before. Every sentence here was written
for this file in the style of news."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from extractors.extract import extract_text

PUBLISHED = date(2025, 3, 14)


def named(nlp: Language, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.event_type, e.actor_id, e.actor_text) for e in extract_text(nlp, text, PUBLISHED).events]


def test_a_bare_name_acts_where_no_state_is_named(nlp: Language) -> None:
    assert ("DISAPPROVE", None, "Marta Quispe") in named(nlp, "Marta Quispe denounced the new mining law on Tuesday.")
    assert ("DEMAND", None, "Tobias Lindqvist") in named(
        nlp, "Tobias Lindqvist demanded a public apology from the city council."
    )


def test_a_bare_name_stays_uncoded_where_a_state_is_named(nlp: Language) -> None:
    """The name may be that state's person the gazetteer lacks: neither the state nor nobody."""
    events = named(nlp, "Tobias Lindqvist demanded a public apology from Chile.")
    assert all(actor is not None for _, actor, _ in events)


def test_a_bare_name_stays_uncoded_where_the_text_names_a_state_elsewhere(nlp: Language) -> None:
    text = "Chile's new cabinet met for the first time on Monday. Tobias Lindqvist demanded a public apology."
    assert all(actor is not None for _, actor, _ in named(nlp, text))
