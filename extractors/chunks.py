"""Extraction in chunks: the unit of work a worker process (local pool or Dask worker) is given.

A chunk is a contiguous run of texts; a worker loads the spaCy pipeline once (cached per process),
extracts the chunk with `extract_texts` (batched, inside `nlp.memory_zone()`) and returns plain
`Extraction` records, which pickle. Chunks keep input order, so concatenating the results in chunk
order gives exactly what one process extracting all the texts would.

No Prefect and no process management here (that is flows/parallel.py), so a worker process only
imports spaCy and the extractors.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extractors.extract import DEFAULT_MAX_CHARS, PublishedAt, extract_texts, word_count
from extractors.nlp import load_pipeline
from extractors.records import Extraction
from extractors.relevance import RelevanceGate

# One pipeline per process is shared by every thread of that process (a Dask worker may run several
# tasks at once); memory zones and the string store are not thread-safe, so its use is serialised.
_PIPELINE_LOCK = threading.Lock()

# Chunk sizes, in words: small enough to balance the load over the workers and to bound what one
# result weighs in transit, large enough that shipping a chunk costs nothing next to parsing it.
MIN_CHUNK_WORDS = 2_000
MAX_CHUNK_WORDS = 25_000


@dataclass(frozen=True, slots=True)
class Chunk:
    """Texts `start .. start + len(texts)` of the input, with their reference dates and languages
    (ISO 639-1 or None: detected; no languages at all: every one detected)."""

    start: int
    texts: tuple[str, ...]
    published_at: tuple[PublishedAt, ...]
    languages: tuple[str | None, ...] = ()

    @property
    def words(self) -> int:
        return sum(word_count(t) for t in self.texts)


def split_chunks(
    texts: Sequence[str],
    published_at: Sequence[PublishedAt] | None = None,
    *,
    workers: int = 1,
    per_worker: int = 8,
    languages: Sequence[str | None] | None = None,
) -> list[Chunk]:
    """Contiguous chunks of about equal word count, about `workers * per_worker` of them (fewer
    for small inputs, more for large ones: no chunk outgrows MAX_CHUNK_WORDS)."""
    if published_at is not None and len(published_at) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(published_at)} dates")
    if languages is not None and len(languages) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(languages)} languages")
    langs: Sequence[str | None] = languages if languages is not None else [None] * len(texts)
    dates: Sequence[PublishedAt] = published_at if published_at is not None else [None] * len(texts)
    counts = [word_count(t) for t in texts]
    total = sum(counts)
    target = total / max(1, workers * per_worker)
    target = min(max(target, MIN_CHUNK_WORDS), MAX_CHUNK_WORDS)
    chunks: list[Chunk] = []
    start = 0
    words = 0
    for i, count in enumerate(counts):
        words += count
        if words >= target:
            chunks.append(
                Chunk(start, tuple(texts[start : i + 1]), tuple(dates[start : i + 1]), tuple(langs[start : i + 1]))
            )
            start, words = i + 1, 0
    if start < len(texts):
        chunks.append(Chunk(start, tuple(texts[start:]), tuple(dates[start:]), tuple(langs[start:])))
    return chunks


def warm_pipeline(model: str = "auto") -> None:
    """Load the pipeline now, so the first chunk does not pay for it."""
    load_pipeline(model)


def init_worker(model: str = "auto") -> None:
    """A pool worker's initializer: leave Ctrl-C to the parent (else every worker prints a
    traceback) and load the pipeline."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_pipeline(model)


def extract_chunk(
    chunk: Chunk,
    model: str = "auto",
    batch_size: int = 32,
    gate: RelevanceGate | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    on_text: Callable[[int], None] | None = None,
) -> list[Extraction]:
    """The extractions of one chunk, in its order (single process, batched, in a memory zone); a
    text that fails has a record with `error` (extract_texts isolates each text). on_text(1) is
    called after each text (progress, in this process)."""
    nlp = load_pipeline(model)
    with _PIPELINE_LOCK:
        extractions = extract_texts(
            nlp,
            chunk.texts,
            batch_size=batch_size,
            published_at=chunk.published_at,
            gate=gate,
            max_chars=max_chars,
            languages=chunk.languages or None,
        )
        if on_text is None:
            return list(extractions)
        out: list[Extraction] = []
        for extraction in extractions:
            out.append(extraction)
            on_text(1)
        return out


def singles(chunk: Chunk) -> list[Chunk]:
    """A chunk as one chunk per text (to find the text a worker dies on)."""
    languages = chunk.languages or (None,) * len(chunk.texts)
    return [
        Chunk(chunk.start + i, (text,), (when,), (language,))
        for i, (text, when, language) in enumerate(zip(chunk.texts, chunk.published_at, languages, strict=True))
    ]
