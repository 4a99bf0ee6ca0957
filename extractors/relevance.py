"""How much an article is about the topic, in [0, 1].

The score rewards covering the topic's actors together (the story is the triangle, not any one
state), how densely they are mentioned, and the topic's key phrases:

    relevance = 0.85 · coverage · (0.6 + 0.4 · density) + 0.15 · keywords

coverage = share of topic actors mentioned at least once; density = topic-actor mentions per 100
words, saturating at 1; keywords = distinct key phrases found, saturating at 2.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

ACTOR_WEIGHT = 0.85
KEYWORD_WEIGHT = 0.15
DENSITY_SATURATION_PER_100_WORDS = 1.0
KEYWORD_SATURATION = 2


def relevance(
    entity_ids: Iterable[str | None],
    text: str,
    *,
    actors: Sequence[str],
    keywords: Sequence[str],
    word_count: int | None = None,
    keywords_found: int | None = None,
) -> float:
    """keywords_found: how many of `keywords` the text has, when the caller has counted them (a
    Korean, Russian or Chinese text has them in its language: extractors.multilingual)."""
    topic = set(actors)
    ids = [e for e in entity_ids if e in topic]
    words = word_count if word_count is not None else len(text.split())
    if not topic or words == 0:
        return 0.0
    coverage = len(set(ids)) / len(topic)
    density = min(1.0, (100.0 * len(ids) / words) / DENSITY_SATURATION_PER_100_WORDS)
    found = keywords_found if keywords_found is not None else _phrases_found(text, keywords)
    keyword_score = min(1.0, found / KEYWORD_SATURATION) if keywords else 0.0
    score = ACTOR_WEIGHT * coverage * (0.6 + 0.4 * density) + KEYWORD_WEIGHT * keyword_score
    return round(min(1.0, max(0.0, score)), 4)


@dataclass(frozen=True, slots=True)
class RelevanceGate:
    """A topic's relevance test, applied during extraction: below `min_relevance` an article keeps
    its mentions but its events, quotes and claims are neither extracted nor stored (see
    `extract_doc`), so off-topic texts cost only their parse."""

    actors: tuple[str, ...]
    keywords: tuple[str, ...]
    min_relevance: float

    def score(
        self,
        entity_ids: Iterable[str | None],
        text: str,
        word_count: int | None = None,
        keywords_found: int | None = None,
    ) -> float:
        return relevance(
            entity_ids,
            text,
            actors=self.actors,
            keywords=self.keywords,
            word_count=word_count,
            keywords_found=keywords_found,
        )


def _phrases_found(text: str, phrases: Sequence[str]) -> int:
    """How many of `phrases` the text has, counted up to KEYWORD_SATURATION (the score does not
    rise beyond it, so the rest need not be searched for: each search reads the whole text)."""
    found = 0
    for phrase in phrases:
        if _contains_phrase(text, phrase):
            found += 1
            if found >= KEYWORD_SATURATION:
                break
    return found


def _contains_phrase(text: str, phrase: str) -> bool:
    return _phrase_pattern(phrase).search(text) is not None


@functools.lru_cache(maxsize=1024)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    # Compiled once per key phrase: every text is searched for the same few.
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(p) for p in phrase.split()) + r"(?!\w)", re.IGNORECASE)
