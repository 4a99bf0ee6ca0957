"""One entry point for extraction: text in, records out. Used by the flow, the CLI and benchmarks."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from itertools import pairwise, repeat

from spacy.attrs import IS_PUNCT, IS_SPACE
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from extractors.claims import extract_claims
from extractors.entities import NAMED_LABELS, extract_mentions, linked
from extractors.events import extract_events
from extractors.gazetteer import load_gazetteer
from extractors.language import detect_language
from extractors.lexicon import load_lexicon
from extractors.multilingual import LANGUAGES as MATCHED_LANGUAGES
from extractors.multilingual import extract_mentions_in, keywords_found, relevance_ids, words_in
from extractors.nlp import entity_stage
from extractors.quotes import extract_quotes

# EXTRACTOR_VERSION and error_text live with the records (no spaCy import): a run with nothing to
# extract reads them without loading spaCy.
from extractors.records import ERROR_CHARS as ERROR_CHARS
from extractors.records import EXTRACTOR_VERSION as EXTRACTOR_VERSION
from extractors.records import Extraction, error_text
from extractors.relevance import RelevanceGate
from extractors.resolution import Resolver

PublishedAt = date | datetime | None

# What a text is read up to by default ([nlp] max_chars): 200,000 characters are some 30,000 words,
# ten times a long feature article (of the 181 article bodies in shared/data the median is ~3,200
# characters, the longest 53,000); what is
# longer is a dump, a book or a log, not a news text, and its tail adds no news.
DEFAULT_MAX_CHARS = 200_000
# One parse is at most this long (spaCy's memory grows with the text parsed at once: ~3 GB for
# 900,000 characters in one piece).
PIECE_CHARS = 50_000
# One nlp.pipe batch holds at most this many characters (and at most batch_size texts), so a batch of
# long texts weighs no more than one of short ones.
BATCH_CHARS = 100_000
# spaCy's tokenizer strips prefixes and suffixes off a string without white space one at a time, in
# time quadratic in its length (10,000 emoji or brackets: 10 s; 50,000: minutes): such a run is parsed
# in pieces of this many characters (no word is that long; the run is cut, the text is not changed).
MAX_RUN_CHARS = 1_000
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")


def extract_doc(
    doc: Doc,
    published_at: PublishedAt = None,
    gate: RelevanceGate | None = None,
    *,
    score: float | None = None,
    text: str | None = None,
) -> Extraction:
    """Mentions, events, quotes and claims of a parsed text. `published_at` is the reference date
    for relative dates in events ("last week", "on Wednesday"); without it they stay null.

    gate: the topic's relevance test; a text below it gets its mentions and score only (the flow
    stores no events, quotes or claims for it, so extracting them would be wasted). score: the
    gate's score of this text, when the caller has already computed it. text: the text `doc` was
    parsed from, when the caller has it (Doc.text rebuilds it token by token)."""
    gazetteer = load_gazetteer()
    lexicon = load_lexicon()
    # One entity linking pass per document; each extractor reads it with its own memory.
    resolver = Resolver(doc, gazetteer, lexicon, text=text)
    words = content_words(doc)
    mentions = tuple(extract_mentions(doc, gazetteer, ents=resolver.ents, sentence_of=resolver.sentence_of))
    if gate is not None and score is None:
        score = gate.score((m.entity_id for m in mentions), resolver.text, words)
    if gate is not None and score is not None and score < gate.min_relevance:
        return Extraction(mentions=mentions, word_count=words, relevance=score)
    # Quotes first: the events of quoted words take the speaker the quote finder resolved.
    quotes = tuple(extract_quotes(doc, gazetteer, lexicon=lexicon, resolver=resolver.fresh()))
    events = extract_events(
        doc, gazetteer, lexicon=lexicon, published_at=published_at, resolver=resolver.fresh(), quotes=quotes
    )
    return Extraction(
        mentions=mentions,
        events=tuple(events),
        quotes=quotes,
        claims=tuple(extract_claims(doc, gazetteer, lexicon=lexicon, resolver=resolver.fresh())),
        word_count=words,
        relevance=score if gate is not None else None,
    )


def extract_text(
    nlp: Language,
    text: str,
    published_at: PublishedAt = None,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    language: str | None = None,
) -> Extraction:
    """One text's extraction (what extract_texts gives it: capped, in pieces, isolated).
    language: ISO 639-1 code, or None to detect it."""
    return next(extract_texts(nlp, [text], published_at=[published_at], max_chars=max_chars, languages=[language]))


def extract_multilingual(text: str, language: str, gate: RelevanceGate | None = None) -> Extraction:
    """A Korean, Russian or Chinese text's extraction: its entity mentions, linked to the gazetteer's
    ids by extractors.multilingual (no spaCy parse: the English pipeline cannot read it), and its
    relevance from the topic actors and the keywords in its language. Events, quotes and claims
    are English-only: none."""
    mentions = tuple(extract_mentions_in(text, language))
    words = words_in(text, language)
    if gate is None:
        return Extraction(mentions=mentions, word_count=words)
    ids = relevance_ids(m.entity_id for m in mentions)
    found = keywords_found(text, language, gate.keywords, entity_ids=ids, actors=gate.actors)
    score = gate.score(ids, text, words, keywords_found=found)
    return Extraction(mentions=mentions, word_count=words, relevance=score)


def extract_texts(
    nlp: Language,
    texts: Iterable[str],
    *,
    batch_size: int = 32,
    published_at: Sequence[PublishedAt] | None = None,
    gate: RelevanceGate | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    languages: Sequence[str | None] | None = None,
) -> Iterator[Extraction]:
    """Extractions in input order, one per text, whatever the texts hold. Records are plain
    Python, so they outlive the memory zone.

    languages: one ISO 639-1 code per text (same order), None for a text whose language is to be
    detected (extractors.language), or None to detect them all. Korean, Russian and Chinese texts
    go to extract_multilingual, never to the English pipeline; every other text (English, and
    languages storywatch does not read) is parsed by `nlp`.

    published_at: one reference date per text (same order), or None for none; a length mismatch
    is an error, not a silent truncation.

    gate: the topic's relevance test. With it, parsing is done in two stages: every text first
    gets only the entity components (the gazetteer ruler and `ner`, which has its own embedding
    layer), enough to score it; only texts that pass go on to the tagger, parser and lemmatiser
    and to event, quote and claim extraction. Off-topic texts get rule-based sentence boundaries
    (for their mentions' sentence index) and cost about half a full parse. Texts that pass get
    exactly what the one-stage pipeline gives (no component reads another's output across the
    two stages; tests/test_parallel.py compares them).

    max_chars: only the first max_chars characters of a text are read (cut at a paragraph or
    sentence boundary; the record says `truncated`). What is read is parsed in pieces of at most
    PIECE_CHARS characters, at paragraph boundaries, and the pieces' parses joined into one
    document, so records carry offsets into the whole text and memory is bounded by the piece,
    never by spaCy's max_length.

    Isolation: a text whose parsing or extraction raises (anything, MemoryError and
    RecursionError included) gets a record with `error` and nothing else; the others get exactly
    what they would get without it (a failed batch is parsed again text by text)."""
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, got {max_chars}")
    dates: Iterable[PublishedAt] = repeat(None) if published_at is None else published_at
    if languages is not None and published_at is not None and len(languages) != len(published_at):
        raise ValueError(f"{len(languages)} languages for {len(published_at)} publication dates")
    langs: Iterable[str | None] = repeat(None) if languages is None else languages
    dated = zip(texts, dates, strict=published_at is not None)
    items = (
        _prepare(text, when, max_chars, language)
        for (text, when), language in zip(dated, langs, strict=languages is not None)
    )
    with nlp.memory_zone():
        for group in _batches(items, batch_size):
            english = [item for item in group if item.language not in MATCHED_LANGUAGES]
            try:
                parsed = iter(_parse(nlp, english, gate) if english else [])
            except Exception:
                # Language.pipe's generator dies with the batch: parse its texts one by one, so the
                # others come out as they would have and the failing one is found.
                parsed = iter([_parse_alone(nlp, item, gate) for item in english])
            for item in group:
                if item.language in MATCHED_LANGUAGES:
                    yield _extract_matched(item, gate)
                    continue
                outcome = next(parsed)
                if isinstance(outcome, BaseException):
                    yield _failed(item, outcome)
                    continue
                doc, score = outcome
                try:
                    extraction = extract_doc(doc, item.published_at, gate, score=score, text=item.text)
                except Exception as exc:
                    yield _failed(item, exc)
                    continue
                yield replace(extraction, truncated=True) if item.truncated else extraction


# --- long texts: a cap, and pieces ------------------------------------------------------------------


# Where a sentence ends: a full stop, question or exclamation mark (closing quotes and brackets
# after it), then white space.
_SENTENCE_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019)\]]*\s+")


@dataclass(frozen=True, slots=True)
class _Item:
    """A text as it is read: its processed prefix, cut into pieces."""

    pieces: tuple[str, ...]
    published_at: PublishedAt
    truncated: bool
    words: int  # whitespace-separated words of the processed text (for records of failed texts)
    language: str  # ISO 639-1 code, given or detected; "und" when undetermined

    @property
    def chars(self) -> int:
        return sum(len(p) for p in self.pieces)

    @property
    def text(self) -> str:
        """The processed text: what its joined document's Doc.text is."""
        return "".join(self.pieces)


def cap_text(text: str, max_chars: int) -> tuple[str, bool]:
    """(the part of `text` that is read, whether it was cut): all of it up to max_chars, else the
    longest prefix ending at a paragraph, line, sentence or word boundary (no shorter than half
    the cap; a text without any is cut at the cap)."""
    if len(text) <= max_chars:
        return text, False
    return text[: boundary_before(text, max_chars)], True


def boundary_before(text: str, limit: int, start: int = 0) -> int:
    """The best place at or before `start + limit` to cut `text[start:]`: after a paragraph break,
    else a line break, a sentence end, white space, in that order, found in the second half of
    the span; else `start + limit`."""
    end = start + limit
    floor = start + limit // 2
    for separator in ("\n\n", "\n"):
        found = text.rfind(separator, floor, end)
        if found != -1:
            return found + len(separator)
    last = None
    for match in _SENTENCE_END.finditer(text, floor, end):
        last = match
    if last is not None:
        return last.end()
    for i in range(end - 1, floor - 1, -1):
        if text[i].isspace():
            return i + 1
    return end


def split_pieces(text: str, piece_chars: int | None = None) -> tuple[str, ...]:
    """`text` in consecutive pieces of at most piece_chars (default PIECE_CHARS) characters, cut at
    paragraph (else sentence, else word) boundaries, and runs of more than MAX_RUN_CHARS characters
    without white space cut every MAX_RUN_CHARS; "".join(pieces) == text."""
    piece_chars = piece_chars or PIECE_CHARS
    cuts: set[int] = set()
    start = 0
    while len(text) - start > piece_chars:
        start = boundary_before(text, piece_chars, start)
        cuts.add(start)
    for run in _LONG_RUN.finditer(text):
        cuts.update(range(run.start() + MAX_RUN_CHARS, run.end(), MAX_RUN_CHARS))
    return tuple(text[a:b] for a, b in pairwise([0, *sorted(cuts), len(text)]))


def _prepare(text: str, published_at: PublishedAt, max_chars: int, language: str | None = None) -> _Item:
    read, truncated = cap_text(text, max_chars)
    # A str can hold lone surrogates (JSON's "\ud800" decodes to one) which spaCy cannot encode: each
    # is read as U+FFFD, one character for one, so every offset still points into the text.
    read = _LONE_SURROGATE.sub("\ufffd", read)
    language = language or detect_language(read)
    return _Item(split_pieces(read), published_at, truncated, word_count(read), language)


def _extract_matched(item: _Item, gate: RelevanceGate | None) -> Extraction:
    """extract_multilingual of a Korean, Russian or Chinese item, isolated like a parse."""
    try:
        extraction = extract_multilingual(item.text, item.language, gate)
    except Exception as exc:
        return _failed(item, exc)
    return replace(extraction, truncated=True) if item.truncated else extraction


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _batches(items: Iterable[_Item], batch_size: int) -> Iterator[list[_Item]]:
    """Consecutive items, at most batch_size of them and BATCH_CHARS characters (at least one)."""
    batch: list[_Item] = []
    chars = 0
    for item in items:
        if batch and (len(batch) >= batch_size or chars + item.chars > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += item.chars
    if batch:
        yield batch


# --- parsing, isolated -----------------------------------------------------------------------------

_Parsed = tuple[Doc, float | None]


def _parse(nlp: Language, items: Sequence[_Item], gate: RelevanceGate | None) -> list[_Parsed]:
    """Each item's document (its pieces' parses joined) and gate score; raises if any text fails."""
    pieces = [piece for item in items for piece in item.pieces]
    # A batch over BATCH_CHARS is one long text: its pieces are parsed one at a time.
    size = len(pieces) if sum(len(p) for p in pieces) <= BATCH_CHARS else 1
    if gate is None:
        docs = _regroup(items, list(nlp.pipe(pieces, batch_size=size)))
        return [(_join(parts), None) for parts in docs]
    entity_pipes = entity_stage(nlp)
    parse_stage = [name for name in nlp.pipe_names if name not in entity_pipes]
    entity_docs = _regroup(items, list(nlp.pipe(pieces, batch_size=size, disable=parse_stage)))
    joined = [_join(parts) for parts in entity_docs]
    # The text a document was parsed from is its text (Doc.text would rebuild it token by token).
    scores = [gate_score(doc, gate, item.text) for item, doc in zip(items, joined, strict=True)]
    passing = [i for i, score in enumerate(scores) if score >= gate.min_relevance]
    passing_set = set(passing)
    # Language.pipe takes Docs as well as texts: these go through the remaining components.
    passing_pieces = [part for i in passing for part in entity_docs[i]]
    parsed = iter(nlp.pipe(passing_pieces, batch_size=size, disable=entity_pipes))
    out: list[_Parsed] = []
    for i, (parts, doc, score) in enumerate(zip(entity_docs, joined, scores, strict=True)):
        if i in passing_set:
            out.append((_join([next(parsed) for _ in parts]), score))
        else:
            out.append((_SENTENCIZER(doc), score))
    return out


def _parse_alone(nlp: Language, item: _Item, gate: RelevanceGate | None) -> _Parsed | Exception:
    try:
        return _parse(nlp, [item], gate)[0]
    except Exception as exc:
        return exc


def _regroup(items: Sequence[_Item], docs: list[Doc]) -> list[list[Doc]]:
    """The flat list of piece documents, back into one list per item."""
    out: list[list[Doc]] = []
    start = 0
    for item in items:
        out.append(docs[start : start + len(item.pieces)])
        start += len(item.pieces)
    return out


def _join(parts: list[Doc]) -> Doc:
    """One document of a text's pieces: token offsets, sentences and entities as in the whole text
    (the pieces are consecutive, so the joined text is the text)."""
    if len(parts) == 1:
        return parts[0]
    # No whitespace is added between pieces (a piece cut inside a word stays cut there); tensors
    # are not read by the extractors and would only cost memory.
    return Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor", "user_data", "spans"])


def _failed(item: _Item, exc: BaseException) -> Extraction:
    return Extraction(mentions=(), error=error_text(exc), word_count=item.words, truncated=item.truncated)


def failed_extraction(text: str, exc: BaseException, max_chars: int = DEFAULT_MAX_CHARS) -> Extraction:
    """The record of a text whose extraction raised (or whose worker process died on it)."""
    read, truncated = cap_text(text, max_chars)
    return Extraction(mentions=(), error=error_text(exc), word_count=word_count(read), truncated=truncated)


def word_count(text: str) -> int:
    """Whitespace-separated words: the unit every throughput figure is given in."""
    return len(text.split())


# Sentence boundaries for off-topic texts, which the parser never sees: punctuation rules.
_SENTENCIZER = Sentencizer()


def gate_score(doc: Doc, gate: RelevanceGate, text: str | None = None) -> float:
    """The gate's score of a text from its entities alone (the same inputs extract_doc scores).
    text: doc.text, when the caller has it (rebuilding it costs a Token object per token)."""
    gazetteer = load_gazetteer()
    ids = [linked(ent, gazetteer)[0] for ent in doc.ents if ent.label_ in NAMED_LABELS]
    return gate.score(ids, doc.text if text is None else text, content_words(doc))


def content_words(doc: Doc) -> int:
    """Tokens that are neither white space nor punctuation: the relevance score's word count. Read
    from the attribute array at once (iterating the Doc builds a Token object per token)."""
    if not len(doc):
        return 0
    flags = doc.to_array([IS_SPACE, IS_PUNCT])
    return int((flags.sum(axis=1) == 0).sum())
