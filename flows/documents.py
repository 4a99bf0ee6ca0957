"""Article candidates (text plus metadata) from the two inputs: seed files and feed entries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from extractors.ids import article_id, text_hash
from extractors.language import document_language
from flows.seeds import Seed

SEED_SOURCE_ID = "seed"


@dataclass(frozen=True, slots=True)
class Document:
    """An article candidate: its text and metadata, before extraction. Times are naive UTC."""

    article_id: str
    source_id: str
    url: str
    title: str | None
    published_at: datetime | None
    published_approx: bool
    fetched_at: datetime
    text: str
    text_hash: str
    is_seed: bool
    canonical_url: str | None = None
    author: str | None = None
    language: str | None = None  # ISO 639-1, "und" (extractors/language.py: document_language)
    summary_only: bool = False
    fetch_error: str | None = None  # why the page was not used (summary_only articles always say)
    seen_urls: tuple[str, ...] = ()  # every normalised URL that led here (feed link, final URL)


def seed_document(seed: Seed, fetched_at: datetime) -> Document:
    return Document(
        article_id=article_id(seed.key),
        source_id=SEED_SOURCE_ID,
        url=seed.key,
        title=seed.title,
        published_at=seed.published_at,
        published_approx=seed.approximate,
        fetched_at=fetched_at,
        text=seed.text,
        text_hash=text_hash(seed.text),
        is_seed=True,
        language=document_language(seed.text),
    )
