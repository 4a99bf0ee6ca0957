"""Near-copies between news articles: two outlets' paraphrases of one wire story share sentences whose content
words almost all match, even with other URLs and other wording at the edges (tests/test_eval_news.py).

A sentence's words are the lower-cased words longer than three letters; two sentences are near-copies when the
Jaccard overlap of their word sets is at least `COPY_OVERLAP`: over the news sets, each sentence's best overlap with
another article thins out to a low at 0.55 and rises again at 0.6, where copies begin (bench/data/news/README.md).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

COPY_OVERLAP = 0.6
# Shorter sentences ("Moscow denied it.") match by chance; a copied story is told in longer ones.
MIN_WORDS = 6
_WORD = re.compile(r"[a-z0-9]+")


def content_words(text: str) -> frozenset[str]:
    return frozenset(word for word in _WORD.findall(text.casefold()) if len(word) > 3)


def article_id(row: dict[str, Any]) -> str:
    """The article part of a sentence id ("tmeet17-3" -> "tmeet17", "h2-19-0" -> "h2-19")."""
    return str(row["id"]).rsplit("-", 1)[0]


def overlap(first: frozenset[str], second: frozenset[str]) -> float:
    return len(first & second) / len(first | second) if first or second else 0.0


def sentence_pairs(rows: Sequence[dict[str, Any]], threshold: float = COPY_OVERLAP) -> Iterable[tuple[int, int, float]]:
    """(i, j, overlap) for the sentences of different articles whose overlap is at least `threshold`, i < j.

    Prefix filtering: with the words of each sentence in one global order (rarest first), two sets with
    Jaccard >= t share a word among each one's first |w| - ceil(t·|w|) + 1, so only those are indexed and the
    candidates are the few sentences that share a rare word, not all pairs."""
    words = [content_words(row["text"]) for row in rows]
    articles = [article_id(row) for row in rows]
    frequency = Counter(word for sentence in words for word in sentence)
    index: dict[str, list[int]] = defaultdict(list)
    for i, sentence in enumerate(words):
        if len(sentence) < MIN_WORDS:
            continue
        ordered = sorted(sentence, key=lambda word: (frequency[word], word))
        prefix = ordered[: len(ordered) - math.ceil(threshold * len(ordered) - 1e-9) + 1]
        candidates = {j for word in prefix for j in index[word]}
        for j in sorted(candidates):
            if articles[j] != articles[i]:
                score = overlap(sentence, words[j])
                if score >= threshold:
                    yield j, i, score
        for word in prefix:
            index[word].append(i)


def shared_sentences(rows: Sequence[dict[str, Any]], threshold: float = COPY_OVERLAP) -> Counter[tuple[str, str]]:
    """Article pairs (ids, sorted) -> how many near-copied sentence pairs they share."""
    pairs: Counter[tuple[str, str]] = Counter()
    for i, j, _ in sentence_pairs(rows, threshold):
        first, second = sorted((article_id(rows[i]), article_id(rows[j])))
        pairs[first, second] += 1
    return pairs
