"""Korean, Russian and Chinese: mention recall and precision, on/off-topic accuracy, and speed per
word against English.

Run: ``python -m bench.multilingual_eval [--set heldout|dev|written] [--details] [--words 20000]``
(part of ``make bench``; with ``--set`` only that set is scored and the speed line is skipped).

Three labelled sets, printed in this order:
- REAL HELD-OUT, bench/data/multilingual/real_heldout.toml: passages paraphrased from real
  coverage (one page each, its URL kept), never tuned on. Its misses are printed as counts by
  category only, never item by item, so that nobody tunes on them.
- REAL DEV, real_dev.toml: the same kind of passages from other pages, for tuning; ``--details``
  lists its misses, false positives and topic errors passage by passage.
- WRITTEN, sentences.toml: sentences the developers wrote themselves (see its header: they say
  that the matcher does what it is designed to do, not how well it reads real news).

Scored mentions are those of the key entities: the [topic] actors (a capital, seat of power or
adjective standing for its state counts for it), every person in the gazetteer, and the key
people a set lists as `missing_people` (annotated with the id the gazetteer would use; a miss on
them is counted as "missing person"). In each passage a predicted (surface, id) matches an
annotated one with the same id and the same surface, or else a surface that contains or is
contained in it (北韓 for 北韓軍, Пхеньян for Пхеньяне: segmentation is not what is measured);
each annotation is matched at most once. On/off-topic is the shipped [topic] gate
(storywatch.toml) against each passage's `on_topic`.

Speed: words per second through extract_texts (language detection included) for documents in
each language as long as the English ones on average, built of the written set's sentences,
beside English texts of bench.corpus through the same function with the same gate; Chinese words
are characters / 1.6 (extractors.multilingual).
"""

from __future__ import annotations

import argparse
import json
import random
import time
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus import DEFAULT_ARTICLES
from extractors.extract import extract_multilingual, extract_texts
from extractors.gazetteer import load_gazetteer
from extractors.multilingual import LANGUAGES, words_in
from extractors.records import Extraction
from extractors.relevance import RelevanceGate

REPO_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = REPO_ROOT / "bench" / "data" / "multilingual"
SENTENCES = DATA_DIR / "sentences.toml"
REAL_DEV = DATA_DIR / "real_dev.toml"
REAL_HELDOUT = DATA_DIR / "real_heldout.toml"

Annotation = tuple[str, str]  # (surface form as written, entity id)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One labelled item: a written sentence or a paraphrased real passage (with its page's url)."""

    lang: str
    text: str
    on_topic: bool
    mentions: tuple[Annotation, ...]
    url: str = ""


@dataclass(frozen=True, slots=True)
class LabelledSet:
    name: str
    items: tuple[Sentence, ...]
    missing_people: frozenset[str]  # key people's ids the gazetteer does not know (yet)
    itemised: bool  # whether --details may list its misses item by item (never for held-out)


@dataclass(frozen=True, slots=True)
class Scores:
    sentences: int
    true_positives: int
    predicted: int
    gold: int
    topic_right: int
    missing_person_misses: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0

    @property
    def topic_accuracy(self) -> float:
        return self.topic_right / self.sentences if self.sentences else 1.0


@dataclass(frozen=True, slots=True)
class ItemResult:
    """One item's outcome: what was missed, what was predicted wrongly, and the topic call."""

    item: Sentence
    true_positives: int
    missed: tuple[Annotation, ...]
    false_positives: tuple[Annotation, ...]
    predicted_on_topic: bool


@dataclass(slots=True)
class SetReport:
    by_language: dict[str, Scores]
    results: list[ItemResult] = field(default_factory=list)


class LabelledSetError(ValueError):
    """A labelled set that cannot be scored: the message names the file, the item and the problem."""


def load_sentences(path: Path = SENTENCES) -> list[Sentence]:
    """The items of a labelled file ([[sentence]] or [[passage]] tables), each annotation checked to
    be in its text."""
    return list(load_labelled_set(path, check_ids=False).items)


def load_labelled_set(path: Path, *, check_ids: bool = True) -> LabelledSet:
    """A labelled file. check_ids: every annotated id must be a gazetteer id or listed in the
    file's `missing_people` (ids are checked against the gazetteer as it is now)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    records = data.get("passage", []) + data.get("sentence", [])
    if not records:
        raise LabelledSetError(f"{path}: no [[passage]] or [[sentence]] tables")
    missing_people = frozenset(data.get("missing_people", []))
    known = {e.entity_id for e in load_gazetteer().entities} if check_ids else set()
    items = []
    for number, record in enumerate(records, 1):
        where = f"{path.name} item {number} ({record.get('url') or record.get('text', '')[:30]!r})"
        if record.get("lang") not in LANGUAGES:
            raise LabelledSetError(f"{where}: lang {record.get('lang')!r} is not one of {', '.join(LANGUAGES)}")
        text = record["text"]
        mentions = tuple((surface, entity_id) for surface, entity_id in record["mentions"])
        for surface, count in Counter(surface for surface, _ in mentions).items():
            if text.count(surface) < count:
                raise LabelledSetError(
                    f"{where}: {surface!r} annotated {count} times, {text.count(surface)} in the text"
                )
        for _, entity_id in mentions:
            if check_ids and entity_id not in known and entity_id not in missing_people:
                raise LabelledSetError(f"{where}: {entity_id!r} is neither a gazetteer id nor listed in missing_people")
        items.append(Sentence(record["lang"], text, record["on_topic"], mentions, record.get("url", "")))
    return LabelledSet(path.stem, tuple(items), missing_people, itemised=path != REAL_HELDOUT)


def labelled_sets(names: Iterable[str] = ("heldout", "dev", "written")) -> list[LabelledSet]:
    paths = {"heldout": REAL_HELDOUT, "dev": REAL_DEV, "written": SENTENCES}
    return [load_labelled_set(paths[name]) for name in names]


def shipped_gate() -> RelevanceGate:
    from flows.config import load_config

    topic = load_config(REPO_ROOT / "storywatch.toml").topic
    return RelevanceGate(tuple(topic.actors), tuple(topic.keywords), topic.min_relevance)


def key_ids(gate: RelevanceGate, missing_people: Iterable[str] = ()) -> frozenset[str]:
    """The entities scored: the topic actors, every person, and the key people the gazetteer lacks."""
    people = {e.entity_id for e in load_gazetteer().entities if e.kind == "person"}
    return frozenset(gate.actors) | people | frozenset(missing_people)


def match_mentions(
    gold: Sequence[Annotation], predicted: Sequence[Annotation]
) -> tuple[int, tuple[Annotation, ...], tuple[Annotation, ...]]:
    """(true positives, missed annotations, false positives) of one item: same id and same surface
    first, then same id and a surface containing or contained in the annotated one; each annotation
    and each prediction is used at most once."""
    unmatched_gold = list(gold)
    unmatched_predicted = []
    for mention in predicted:
        if mention in unmatched_gold:
            unmatched_gold.remove(mention)
        else:
            unmatched_predicted.append(mention)
    false_positives = []
    for surface, entity_id in unmatched_predicted:
        overlapping = [g for g in unmatched_gold if g[1] == entity_id and (surface in g[0] or g[0] in surface)]
        if overlapping:
            unmatched_gold.remove(max(overlapping, key=lambda g: len(g[0])))
        else:
            false_positives.append((surface, entity_id))
    true_positives = len(predicted) - len(false_positives)
    return true_positives, tuple(unmatched_gold), tuple(false_positives)


def score_items(
    items: Sequence[Sentence],
    predictions: Sequence[tuple[Sequence[Annotation], bool]],
    missing_people: frozenset[str] = frozenset(),
) -> SetReport:
    """Scores by language of `items` against `predictions` (per item: its predicted key-entity
    mentions and whether it was read as on-topic)."""
    results = []
    for item, (predicted, on_topic) in zip(items, predictions, strict=True):
        true_positives, missed, false_positives = match_mentions(item.mentions, predicted)
        results.append(ItemResult(item, true_positives, missed, false_positives, on_topic))
    by_language = {
        lang: scores_of([r for r in results if r.item.lang == lang], missing_people)
        for lang in LANGUAGES
        if any(r.item.lang == lang for r in results)
    }
    return SetReport(by_language, results)


def scores_of(results: Sequence[ItemResult], missing_people: frozenset[str] = frozenset()) -> Scores:
    return Scores(
        sentences=len(results),
        true_positives=sum(r.true_positives for r in results),
        predicted=sum(r.true_positives + len(r.false_positives) for r in results),
        gold=sum(len(r.item.mentions) for r in results),
        topic_right=sum(r.predicted_on_topic == r.item.on_topic for r in results),
        missing_person_misses=sum(entity_id in missing_people for r in results for _, entity_id in r.missed),
    )


# Characters whose forms differ between the scripts, to tell traditional from simplified Chinese.
TRADITIONAL_ONLY = frozenset("國韓鮮羅與會說對這們為關發時實戰軍個門東來區過還進達黨總統產經濟報導記華長")
SIMPLIFIED_ONLY = frozenset("国韩鲜罗与会说对这们为关发时实战军个门东来区过还进达党总统产经济报导记华长")


def group_of(item: Sentence) -> str:
    """The item's language, with Chinese split by script (the matcher's forms are mostly simplified)."""
    if item.lang != "zh":
        return item.lang
    traditional = sum(c in TRADITIONAL_ONLY for c in item.text)
    simplified = sum(c in SIMPLIFIED_ONLY for c in item.text)
    return "zh traditional" if traditional > simplified else "zh simplified"


def evaluate_set(
    items: Sequence[Sentence], gate: RelevanceGate, missing_people: frozenset[str] = frozenset()
) -> SetReport:
    """Each item read by extract_multilingual with `gate`, then scored."""
    keys = key_ids(gate, missing_people)
    predictions = []
    for item in items:
        extraction = extract_multilingual(item.text, item.lang, gate)
        predicted = [(m.text, m.entity_id) for m in extraction.mentions if m.entity_id in keys]
        predictions.append((predicted, _on_topic(extraction, gate)))
    return score_items(items, predictions, missing_people)


def evaluate(sentences: list[Sentence], gate: RelevanceGate) -> dict[str, Scores]:
    """Scores by language, each sentence read by extract_multilingual with `gate`."""
    return evaluate_set(sentences, gate).by_language


def overall(scores: Iterable[Scores]) -> Scores:
    """The languages' scores pooled (micro-averaged)."""
    parts = list(scores)
    return Scores(
        *(
            sum(getattr(s, name) for s in parts)
            for name in ("sentences", "true_positives", "predicted", "gold", "topic_right", "missing_person_misses")
        )
    )


def annotation_kind(annotation: Annotation, actors: Iterable[str], missing_people: frozenset[str]) -> str:
    """A coarse category of a missed or wrongly predicted mention, for counts that do not reveal the item."""
    surface, entity_id = annotation
    if entity_id in missing_people:
        return "missing person"
    if entity_id in frozenset(actors):
        return "state, 1-character short form" if len(surface) == 1 else "state, name/capital/adjective"
    if len(surface.split()) == 2 and len(surface.split()[0]) == 1:
        return "person, surname + title (김 위원장)"
    return "person"


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


TITLES = {
    "real_heldout": "REAL HELD-OUT (paraphrased real coverage, never tuned on)",
    "real_dev": "REAL DEV (paraphrased real coverage, for tuning)",
    "sentences": "WRITTEN (sentences written for storywatch; not real articles)",
}


def _score_line(label: str, s: Scores) -> str:
    missing = (
        f"; misses on people missing from the gazetteer: {s.missing_person_misses}" if s.missing_person_misses else ""
    )
    return (
        f"  {label}: on/off-topic {s.topic_right}/{s.sentences} = {s.topic_accuracy:.2f}; mentions of key entities "
        f"R {s.recall:.3f} P {s.precision:.3f} ({s.true_positives} right of {s.gold} annotated, "
        f"{s.predicted} predicted){missing}"
    )


def print_set(labelled: LabelledSet, report: SetReport, gate: RelevanceGate, *, details: bool) -> None:
    counts = Counter(item.lang for item in labelled.items)
    on = sum(item.on_topic for item in labelled.items)
    print(
        f"{TITLES.get(labelled.name, labelled.name)}: {len(labelled.items)} items "
        f"({', '.join(f'{lang} {n}' for lang, n in sorted(counts.items()))}; {on} on-topic)"
    )
    for lang, s in report.by_language.items():
        print(_score_line(lang, s))
        groups = sorted({group_of(r.item) for r in report.results if r.item.lang == lang} - {lang})
        for group in groups if len(groups) > 1 else []:
            print(_score_line(f"  {group}", scores_of([r for r in report.results if group_of(r.item) == group])))
    print(_score_line("all", overall(report.by_language.values())))
    if labelled.itemised:
        if details:
            _print_details(report)
        return
    # Held-out: counts by category only, never the items.
    kinds: Counter[tuple[str, str, str]] = Counter()
    for result in report.results:
        for annotation in result.missed:
            kinds[
                (group_of(result.item), "missed", annotation_kind(annotation, gate.actors, labelled.missing_people))
            ] += 1
        for annotation in result.false_positives:
            kinds[
                (group_of(result.item), "wrong", annotation_kind(annotation, gate.actors, labelled.missing_people))
            ] += 1
        if result.predicted_on_topic != result.item.on_topic:
            kinds[(group_of(result.item), "topic", "on read as off" if result.item.on_topic else "off read as on")] += 1
    for lang in sorted({k[0] for k in kinds}):
        parts = [f"{what} {kind}: {n}" for (lang_, what, kind), n in sorted(kinds.items()) if lang_ == lang]
        print(f"    {lang} errors by category: " + "; ".join(parts))


def _print_details(report: SetReport) -> None:
    for result in report.results:
        item = result.item
        topic_wrong = result.predicted_on_topic != item.on_topic
        if not (result.missed or result.false_positives or topic_wrong):
            continue
        print(f"    [{item.lang}] {item.url or item.text[:60]}")
        if topic_wrong:
            annotated, read = ("on" if item.on_topic else "off"), ("on" if result.predicted_on_topic else "off")
            print(f"      topic: annotated {annotated}, read as {read}")
        if result.missed:
            print("      missed: " + ", ".join(f"{s}={i}" for s, i in result.missed))
        if result.false_positives:
            print("      wrong: " + ", ".join(f"{s}={i}" for s, i in result.false_positives))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=20_000, help="words per language for the speed line")
    parser.add_argument("--set", choices=("heldout", "dev", "written"), help="score only this set (no speed line)")
    parser.add_argument("--details", action="store_true", help="list the dev and written sets' misses item by item")
    args = parser.parse_args(argv)

    gate = shipped_gate()
    for labelled in labelled_sets([args.set] if args.set else ["heldout", "dev", "written"]):
        report = evaluate_set(labelled.items, gate, labelled.missing_people)
        print_set(labelled, report, gate, details=args.details)
    if args.set and args.set != "written":
        return 0

    real = real_non_english_articles()
    below = [k for k, (lang, text) in real.items() if not _on_topic(extract_multilingual(text, lang, gate), gate)]
    print(
        f"  real articles in shared/data/article-extraction detected as ko/ru/zh (all off the story): "
        f"{len(below)}/{len(real)} below the gate"
    )
    if args.set:
        return 0

    from bench.corpus import build_corpus, interleaved_subset
    from extractors.nlp import load_pipeline

    sentences = load_sentences()
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
