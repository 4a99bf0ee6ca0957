"""One entry point for extraction: text in, records out. Used by the flow, the CLI and benchmarks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from extractors.entities import extract_mentions
from extractors.gazetteer import load_gazetteer
from extractors.records import Extraction

EXTRACTOR_VERSION = "1"


def extract_doc(doc: Doc) -> Extraction:
    gazetteer = load_gazetteer()
    words = sum(1 for t in doc if not (t.is_space or t.is_punct))
    return Extraction(mentions=tuple(extract_mentions(doc, gazetteer)), word_count=words)


def extract_text(nlp: Language, text: str) -> Extraction:
    with nlp.memory_zone():
        return extract_doc(nlp(text))


def extract_texts(
    nlp: Language, texts: Iterable[str], *, batch_size: int = 32, n_process: int = 1
) -> Iterator[Extraction]:
    """Extractions in input order. Records are plain Python, so they outlive the memory zone."""
    with nlp.memory_zone():
        for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            yield extract_doc(doc)
