"""Poisoned extraction for the isolation tests, importable by pool workers (which never see a test's
monkeypatching): a text holding RAISE_MARKER makes the event extractor raise, one holding
KILL_MARKER kills the worker process outright (as the kernel's OOM killer would)."""

from __future__ import annotations

import os
from typing import Any

import extractors.extract
from extractors.chunks import Chunk, extract_chunk
from extractors.records import Extraction

RAISE_MARKER = "Zorblax"
KILL_MARKER = "Quuxtrovia"

_real_extract_events = extractors.extract.extract_events


def raising_extract_events(doc: Any, *args: Any, **kwargs: Any) -> Any:
    if RAISE_MARKER in doc.text:
        raise ValueError(f"poisoned text ({RAISE_MARKER})")
    return _real_extract_events(doc, *args, **kwargs)


def extract_chunk_poisoned(chunk: Chunk, *args: Any, **kwargs: Any) -> list[Extraction]:
    """extract_chunk in a worker whose event extractor is poisoned, and which dies on KILL_MARKER."""
    if any(KILL_MARKER in text for text in chunk.texts):
        os._exit(13)
    extractors.extract.extract_events = raising_extract_events  # this worker process only
    return extract_chunk(chunk, *args, **kwargs)
