"""One entry point for extraction: text in, records out. Used by the flow, the CLI and benchmarks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from itertools import repeat

from spacy.language import Language
from spacy.tokens import Doc

from extractors.claims import extract_claims
from extractors.entities import extract_mentions
from extractors.events import Resolver, extract_events, load_lexicon
from extractors.gazetteer import load_gazetteer
from extractors.quotes import extract_quotes
from extractors.records import Extraction

EXTRACTOR_VERSION = "2"

PublishedAt = date | datetime | None


def extract_doc(doc: Doc, published_at: PublishedAt = None) -> Extraction:
    """Mentions, events, quotes and claims of a parsed text. `published_at` is the reference date
    for relative dates in events ("last week", "on Wednesday"); without it they stay null."""
    gazetteer = load_gazetteer()
    lexicon = load_lexicon()
    words = sum(1 for t in doc if not (t.is_space or t.is_punct))
    # One entity linking pass per document; each extractor reads it with its own memory.
    resolver = Resolver(doc, gazetteer, lexicon)
    return Extraction(
        mentions=tuple(extract_mentions(doc, gazetteer)),
        events=tuple(
            extract_events(doc, gazetteer, lexicon=lexicon, published_at=published_at, resolver=resolver.fresh())
        ),
        quotes=tuple(extract_quotes(doc, gazetteer, lexicon=lexicon, resolver=resolver.fresh())),
        claims=tuple(extract_claims(doc, gazetteer, lexicon=lexicon, resolver=resolver.fresh())),
        word_count=words,
    )


def extract_text(nlp: Language, text: str, published_at: PublishedAt = None) -> Extraction:
    with nlp.memory_zone():
        return extract_doc(nlp(text), published_at)


def extract_texts(
    nlp: Language,
    texts: Iterable[str],
    *,
    batch_size: int = 32,
    n_process: int = 1,
    published_at: Sequence[PublishedAt] | None = None,
) -> Iterator[Extraction]:
    """Extractions in input order. Records are plain Python, so they outlive the memory zone.

    published_at: one reference date per text (same order), or None for none."""
    docs = nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
    with nlp.memory_zone():
        if published_at is None:
            for doc, when in zip(docs, repeat(None)):
                yield extract_doc(doc, when)
        else:  # one date per text: a length mismatch is an error, not a silent truncation
            for doc, when in zip(docs, published_at, strict=True):
                yield extract_doc(doc, when)
