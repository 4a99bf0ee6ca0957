"""Resolver.resolve(head, context=False) is worked out once per head and document (the rules ask it
of the same subjects and objects many times), except where the reading asked the context: then the
history the reading order builds decides, every time. Sentences written for this file."""

from __future__ import annotations

from spacy.language import Language

from extractors.gazetteer import load_gazetteer
from extractors.lexicon import load_lexicon
from extractors.resolution import Actor, Resolver

FRANCE = Actor("FRA", "France", "FRA", "state", 0)


def resolver(nlp: Language, text: str) -> tuple[Resolver, dict[str, int]]:
    doc = nlp(text)
    return Resolver(doc, load_gazetteer(), load_lexicon()), {t.lower_: t.i for t in doc}


def test_a_plain_reading_is_the_same_each_time_in_every_pass(nlp: Language) -> None:
    res, at = resolver(nlp, "North Korean troops were deployed to Russia's Kursk region, and Seoul condemned the move.")
    troops = res.tokens[at["troops"]]
    first = res.resolve(troops, context=False)
    assert [a.code for a in first] == ["PRK"]
    first.clear()  # the caller's list is its own
    res.remember(FRANCE)  # the history does not enter a plain reading
    assert [a.code for a in res.resolve(troops, context=False)] == ["PRK"]
    assert [a.code for a in res.fresh().resolve(troops, context=False)] == ["PRK"]


def test_a_reading_that_asks_the_context_follows_the_history(nlp: Language) -> None:
    # "the border with Governor ...": a titled person the gazetteer does not know stands for the state
    # in context, which the history gives; the same head read after it is remembered differs.
    res, at = resolver(nlp, "Shelling hit the border with Governor John Smathers on Tuesday.")
    border = res.tokens[at["border"]]
    assert res.resolve(border, context=False) == []
    res.remember(FRANCE)
    assert [a.code for a in res.resolve(border, context=False)] == ["FRA"]
    assert res.fresh().resolve(border, context=False) == []


def test_span_text_is_the_span_s_own_text_kept_per_document(nlp: Language) -> None:
    # Span.text builds a Token per word on every read; the resolver keeps each entity's words once.
    res, at = resolver(nlp, "Vice-Premier Zhang Guoqing met North Korea's Choe Son-hui in Pyongyang on Tuesday.\n")
    for ent in res.ents:
        assert res.span_text(ent) == ent.text
        assert res.span_text(ent) is res.fresh().span_text(ent)  # shared by every pass over the document
    whole = res.doc[0 : len(res.doc)]
    assert res.span_text(whole) == whole.text  # the last word's trailing white space left out, as Span.text
    assert [a.text for a in res.resolve(res.tokens[at["pyongyang"]], context=False)] == ["Pyongyang"]
