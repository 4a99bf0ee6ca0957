"""Korean, Russian and Chinese: mention recall and precision, on/off-topic accuracy, and speed per
word against English.

Run: ``python -m bench.multilingual_eval [--words 20000]`` (part of ``make bench``).

The labelled set is bench/data/multilingual/sentences.toml: sentences the developers wrote
themselves (see its header: they are not held-out real articles, and the figures say so). Scored
mentions are those of the key entities: the [topic] actors (a capital or adjective standing for
its state counts for it) and every person in the gazetteer; a predicted mention is right when the
set has the same surface form with the same id in that sentence. On/off-topic is the shipped
[topic] gate (storywatch.toml) against each sentence's `on_topic`.

Speed: words per second through extract_texts (language detection included) for documents in
each language as long as the English ones on average, built of the set's sentences, beside English
texts of bench.corpus through the same function with the same gate; Chinese words are characters
/ 1.6 (extractors.multilingual).
"""

from __future__ import annotations

import argparse
import json
import random
import time
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import DEFAULT_ARTICLES
from extractors.extract import extract_multilingual, extract_texts
from extractors.gazetteer import load_gazetteer
from extractors.multilingual import LANGUAGES, words_in
from extractors.records import Extraction
from extractors.relevance import RelevanceGate

REPO_ROOT = Path(__file__).resolve().parents[1]
SENTENCES = REPO_ROOT / "bench" / "data" / "multilingual" / "sentences.toml"


@dataclass(frozen=True, slots=True)
class Sentence:
    lang: str
    text: str
    on_topic: bool
    mentions: tuple[tuple[str, str], ...]  # (surface form, entity id)


@dataclass(frozen=True, slots=True)
class Scores:
    sentences: int
    true_positives: int
    predicted: int
    gold: int
    topic_right: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0

    @property
    def topic_accuracy(self) -> float:
        return self.topic_right / self.sentences if self.sentences else 1.0


def load_sentences(path: Path = SENTENCES) -> list[Sentence]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out = []
    for record in data["sentence"]:
        mentions = tuple((surface, entity_id) for surface, entity_id in record["mentions"])
        for surface, _ in mentions:
            if surface not in record["text"]:
                raise ValueError(f"{path}: {surface!r} is not in {record['text']!r}")
        out.append(Sentence(record["lang"], record["text"], record["on_topic"], mentions))
    return out


def shipped_gate() -> RelevanceGate:
    from flows.config import load_config

    topic = load_config(REPO_ROOT / "storywatch.toml").topic
    return RelevanceGate(tuple(topic.actors), tuple(topic.keywords), topic.min_relevance)


def key_ids(gate: RelevanceGate) -> frozenset[str]:
    """The entities scored: the topic actors and every person."""
    people = {e.entity_id for e in load_gazetteer().entities if e.kind == "person"}
    return frozenset(gate.actors) | people


def evaluate(sentences: list[Sentence], gate: RelevanceGate) -> dict[str, Scores]:
    """Scores by language, each sentence read by extract_multilingual with `gate`."""
    keys = key_ids(gate)
    totals: dict[str, Counter[str]] = {lang: Counter() for lang in LANGUAGES}
    for sentence in sentences:
        extraction = extract_multilingual(sentence.text, sentence.lang, gate)
        predicted = Counter((m.text, m.entity_id) for m in extraction.mentions if m.entity_id in keys)
        gold = Counter(sentence.mentions)
        total = totals[sentence.lang]
        total["sentences"] += 1
        total["tp"] += sum((predicted & gold).values())
        total["predicted"] += sum(predicted.values())
        total["gold"] += sum(gold.values())
        total["topic_right"] += _on_topic(extraction, gate) == sentence.on_topic
    return {
        lang: Scores(t["sentences"], t["tp"], t["predicted"], t["gold"], t["topic_right"])
        for lang, t in totals.items()
        if t["sentences"]
    }


def real_non_english_articles(path: Path = DEFAULT_ARTICLES) -> dict[str, tuple[str, str]]:
    """id -> (language, body) of the Korean, Russian and Chinese bodies in the article-extraction
    ground truth (none is about the story: entertainment, food, sport)."""
    from extractors.language import detect_language

    if not path.exists():
        return {}
    out = {}
    for key, record in json.loads(path.read_text(encoding="utf-8")).items():
        body = record.get("articleBody") or ""
        language = detect_language(body)
        if language in LANGUAGES:
            out[key] = (language, body)
    return out


def language_documents(sentences: list[Sentence], lang: str, words_per_document: float, count: int) -> list[str]:
    """`count` documents in `lang`, each about `words_per_document` words: the set's sentences in that
    language, all of them in every round; the first document in the set's order, each other one in
    its own seeded shuffle per round, so documents differ (no two share a text hash) in order only."""
    own = [s.text for s in sentences if s.lang == lang]
    per_round = sum(words_in(t, lang) for t in own)
    rounds = max(1, round(words_per_document / per_round))
    documents = [" ".join(own * rounds)]
    for i in range(1, count):
        shuffled = []
        for r in range(rounds):
            order = list(own)
            random.Random(f"{lang}-{i}-{r}").shuffle(order)
            shuffled += order
        documents.append(" ".join(shuffled))
    return documents[:count]


def _on_topic(extraction: Extraction, gate: RelevanceGate) -> bool:
    return extraction.relevance is not None and extraction.relevance >= gate.min_relevance


def _words_per_second(texts: list[str], languages: list[str | None], gate: RelevanceGate, nlp: object) -> float:
    words = sum(words_in(t, lang or "en") for t, lang in zip(texts, languages, strict=True))
    start = time.perf_counter()
    for extraction in extract_texts(nlp, texts, gate=gate):  # type: ignore[arg-type]
        assert extraction.error is None, extraction.error
    return words / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=20_000, help="words per language for the speed line")
    args = parser.parse_args(argv)

    gate = shipped_gate()
    sentences = load_sentences()
    print(f"multilingual: {len(sentences)} sentences written for storywatch (not held-out real articles)")
    for lang, s in evaluate(sentences, gate).items():
        print(
            f"  {lang}: mentions of key entities P {s.precision:.3f} R {s.recall:.3f} "
            f"({s.true_positives}/{s.predicted} predicted, {s.gold} gold); "
            f"on/off-topic {s.topic_right}/{s.sentences} = {s.topic_accuracy:.2f}"
        )

    real = real_non_english_articles()
    below = [k for k, (lang, text) in real.items() if not _on_topic(extract_multilingual(text, lang, gate), gate)]
    print(
        f"  real articles in shared/data/article-extraction detected as ko/ru/zh (all off the story): "
        f"{len(below)}/{len(real)} below the gate"
    )

    from bench.corpus import build_corpus, interleaved_subset
    from extractors.nlp import load_pipeline

    nlp = load_pipeline("auto")
    english = [d.text for d in interleaved_subset(build_corpus(), args.words)]
    english_rate = _words_per_second(english, [None] * len(english), gate, nlp)
    english_words = sum(len(t.split()) for t in english)
    line = [f"English {english_rate:,.0f} words/s"]
    for lang in LANGUAGES:
        # Documents as long as the English ones on average, of the language's sentences in turn.
        (document,) = language_documents(sentences, lang, english_words / len(english), 1)
        texts = [document] * max(1, args.words // words_in(document, lang))
        rate = _words_per_second(texts, [lang] * len(texts), gate, nlp)
        line.append(f"{lang} {rate:,.0f} words/s ({rate / english_rate:.1f}x English)")
    print("  speed through extract_texts (detection included): " + "; ".join(line))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
