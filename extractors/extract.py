"""One entry point for extraction: text in, records out. Used by the flow, the CLI and benchmarks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from itertools import repeat

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc
from spacy.util import minibatch

from extractors.claims import extract_claims
from extractors.entities import NAMED_LABELS, extract_mentions, link_span
from extractors.events import Resolver, extract_events, load_lexicon
from extractors.gazetteer import load_gazetteer
from extractors.nlp import entity_stage
from extractors.quotes import extract_quotes
from extractors.records import Extraction
from extractors.relevance import RelevanceGate

EXTRACTOR_VERSION = "3"  # 3: entities before parsing, relevance gate, additions and casualty figures as own claims

PublishedAt = date | datetime | None


def extract_doc(
    doc: Doc, published_at: PublishedAt = None, gate: RelevanceGate | None = None, *, score: float | None = None
) -> Extraction:
    """Mentions, events, quotes and claims of a parsed text. `published_at` is the reference date
    for relative dates in events ("last week", "on Wednesday"); without it they stay null.

    gate: the topic's relevance test; a text below it gets its mentions and score only (the flow
    stores no events, quotes or claims for it, so extracting them would be wasted). score: the
    gate's score of this text, when the caller has already computed it."""
    gazetteer = load_gazetteer()
    lexicon = load_lexicon()
    # One entity linking pass per document; each extractor reads it with its own memory.
    resolver = Resolver(doc, gazetteer, lexicon)
    words = sum(1 for t in resolver.tokens if not (t.is_space or t.is_punct))
    mentions = tuple(extract_mentions(doc, gazetteer, ents=resolver.ents, sentence_of=resolver.sentence_of))
    if gate is not None and score is None:
        score = gate.score((m.entity_id for m in mentions), resolver.text, words)
    if gate is not None and score is not None and score < gate.min_relevance:
        return Extraction(mentions=mentions, word_count=words, relevance=score)
    return Extraction(
        mentions=mentions,
        events=tuple(
            extract_events(doc, gazetteer, lexicon=lexicon, published_at=published_at, resolver=resolver.fresh())
        ),
        quotes=tuple(extract_quotes(doc, gazetteer, lexicon=lexicon, resolver=resolver.fresh())),
        claims=tuple(extract_claims(doc, gazetteer, lexicon=lexicon, resolver=resolver.fresh())),
        word_count=words,
        relevance=score if gate is not None else None,
    )


def extract_text(nlp: Language, text: str, published_at: PublishedAt = None) -> Extraction:
    with nlp.memory_zone():
        return extract_doc(nlp(text), published_at)


def extract_texts(
    nlp: Language,
    texts: Iterable[str],
    *,
    batch_size: int = 32,
    published_at: Sequence[PublishedAt] | None = None,
    gate: RelevanceGate | None = None,
) -> Iterator[Extraction]:
    """Extractions in input order. Records are plain Python, so they outlive the memory zone.

    published_at: one reference date per text (same order), or None for none; a length mismatch
    is an error, not a silent truncation.

    gate: the topic's relevance test. With it, parsing is done in two stages: every text first
    gets only the entity components (the gazetteer ruler and `ner`, which has its own embedding
    layer), enough to score it; only texts that pass go on to the tagger, parser and lemmatiser
    and to event, quote and claim extraction. Off-topic texts get rule-based sentence boundaries
    (for their mentions' sentence index) and cost about half a full parse. Texts that pass get
    exactly what the one-stage pipeline gives (no component reads another's output across the
    two stages; tests/test_parallel.py compares them)."""
    dates: Iterable[PublishedAt] = repeat(None) if published_at is None else published_at
    with nlp.memory_zone():
        if gate is None:
            docs = nlp.pipe(texts, batch_size=batch_size)
            for doc, when in zip(docs, dates, strict=published_at is not None):
                yield extract_doc(doc, when)
            return
        entity_pipes = entity_stage(nlp)
        parse_stage = [name for name in nlp.pipe_names if name not in entity_pipes]
        entity_docs = nlp.pipe(texts, batch_size=batch_size, disable=parse_stage)
        for batch in minibatch(zip(entity_docs, dates, strict=published_at is not None), batch_size):
            scores = [gate_score(doc, gate) for doc, _ in batch]
            passing = [doc for (doc, _), score in zip(batch, scores, strict=True) if score >= gate.min_relevance]
            # Language.pipe takes Docs as well as texts: these go through the remaining components.
            parsed = iter(nlp.pipe(passing, batch_size=batch_size, disable=entity_pipes))
            for (doc, when), score in zip(batch, scores, strict=True):
                if score >= gate.min_relevance:
                    yield extract_doc(next(parsed), when, gate, score=score)
                else:
                    yield extract_doc(_SENTENCIZER(doc), when, gate, score=score)


# Sentence boundaries for off-topic texts, which the parser never sees: punctuation rules.
_SENTENCIZER = Sentencizer()


def gate_score(doc: Doc, gate: RelevanceGate) -> float:
    """The gate's score of a text from its entities alone (the same inputs extract_doc scores)."""
    gazetteer = load_gazetteer()
    ids = [link_span(ent, gazetteer)[0] for ent in doc.ents if ent.label_ in NAMED_LABELS]
    words = sum(1 for t in doc if not (t.is_space or t.is_punct))
    return gate.score(ids, doc.text, words)
