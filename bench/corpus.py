"""The benchmark corpus: the seed, real news article bodies and generated news-style texts.

- the seed corpus (`seeds/`);
- the ground-truth article bodies of the article-extraction benchmark
  (``../shared/data/article-extraction/ground-truth.json``: 181 real news pages, ~130k words);
- generated news-style texts on the story and off it (diplomacy, troops, sanctions, trade, quotes,
  figures, relative dates, plus economy, weather and sport), built from the gazetteer's names with a
  fixed random seed, until the corpus has at least `min_docs` documents and `target_words` words.

Words are whitespace-separated tokens (`extractors.chunks.word_count`), the unit of every figure.
`write_seeds_dir` lays documents out as a seed folder (manifest plus one file each), which is how
the benchmark feeds them to the real ingest flow.
"""

from __future__ import annotations

import json
import random
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from bench.shared_data import SHARED_DIR
from extractors.chunks import word_count
from extractors.gazetteer import load_gazetteer
from flows.seeds import default_seeds_dir, read_seeds

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ARTICLES = SHARED_DIR / "data" / "article-extraction" / "ground-truth.json"


@dataclass(frozen=True, slots=True)
class BenchDoc:
    doc_id: str
    origin: str  # "seed" | "article" | "generated"
    title: str
    published: date | None
    text: str

    @property
    def words(self) -> int:
        return word_count(self.text)


def seed_docs() -> list[BenchDoc]:
    return [
        BenchDoc(f"seed-{i:03d}", "seed", s.title, s.published_at.date() if s.published_at else None, s.text)
        for i, s in enumerate(read_seeds(default_seeds_dir()))
    ]


def article_docs(path: Path = DEFAULT_ARTICLES) -> list[BenchDoc]:
    """The hand-checked article bodies (pages with an empty body are skipped)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    docs = []
    for i, key in enumerate(sorted(data)):
        body = (data[key].get("articleBody") or "").strip()
        if body:
            docs.append(BenchDoc(f"article-{i:03d}", "article", data[key].get("headline") or key, None, body))
    return docs


# --- generated news ---------------------------------------------------------------------------------

# The words live in a data file: the generator's logic reads better without 100 lines of vocabulary.
_WORDS = tomllib.loads((Path(__file__).with_name("corpus_words.toml")).read_text(encoding="utf-8"))
_TOPIC_STATES: list[str] = _WORDS["topic_states"]
_CAPITALS: dict[str, str] = _WORDS["capitals"]
_ADJ: dict[str, str] = _WORDS["adj"]
_PLACES: list[str] = _WORDS["places"]
_OUTLETS: list[str] = _WORDS["outlets"]
_MONTHS: list[str] = _WORDS["months"]
_DAYS: list[str] = _WORDS["days"]
_WHEN: list[str] = _WORDS["when"]
_HEDGE: list[str] = _WORDS["hedge"]
_VERBS: list[tuple[str, str]] = [(past, base) for past, base in _WORDS["verbs"]]  # (past tense, base form)
_TOPIC_NOUNS: list[str] = _WORDS["topic_nouns"]
_THINGS: list[str] = _WORDS["things"]
_OFF_TOPIC: list[str] = _WORDS["off_topic"]
_ANALYSIS: list[str] = _WORDS["analysis"]


class _Writer:
    """One generated article: a dateline, a lede, events, quotes, figures, background and filler."""

    def __init__(self, rng: random.Random, people: Sequence[tuple[str, str]], orgs: Sequence[str]) -> None:
        self.rng = rng
        self.people = people
        self.orgs = orgs

    def pick(self, items: Sequence[str]) -> str:
        return self.rng.choice(items)

    def when(self) -> str:
        return self.pick(_WHEN).format(day=self.pick(_DAYS), month=self.pick(_MONTHS), n=self.rng.randint(1, 28))

    def fill(self, template: str) -> str:
        state = self.pick(_TOPIC_STATES)
        state2 = self.pick([s for s in _TOPIC_STATES if s != state])
        r = self.rng
        return template.format(
            state=state[0].upper() + state[1:],
            state2=state2,
            adj=_ADJ[state],
            capital=_CAPITALS[state],
            noun=self.pick(_TOPIC_NOUNS),
            place=self.pick(_PLACES),
            p=round(r.uniform(0.5, 19.5), 1),
            r=round(r.uniform(1, 5), 2),
            n=r.randint(3, 90),
            a=r.randint(0, 5),
            b=r.randint(0, 4),
            o=self.pick(["third", "fifth", "seventh"]),
            m=r.randint(12, 480),
            day=self.pick(_DAYS),
            month=self.pick(_MONTHS),
        )

    def event(self) -> str:
        actor = self.pick(_TOPIC_STATES)
        target = self.pick([s for s in _TOPIC_STATES if s != actor])
        past, base = self.rng.choice(_VERBS)
        subject = self.pick([actor, _CAPITALS[actor], f"the {_ADJ[actor]} government"])
        subject = subject[0].upper() + subject[1:]
        hedge = self.pick(_HEDGE) + " " if self.rng.random() < 0.25 else ""
        verb = f"did not {base}" if self.rng.random() < 0.08 else past
        tail = f" near {self.pick(_PLACES)}" if self.rng.random() < 0.3 else ""
        return f"{subject} {hedge}{verb} {target}{tail} {self.when()}, officials said."

    def figure(self) -> str:
        low = self.rng.choice([1, 2, 3, 5, 8, 10, 11, 12, 15]) * 1000
        thing = self.pick(_THINGS)
        adj = _ADJ[self.pick(_TOPIC_STATES[:3])]
        if self.rng.random() < 0.5:
            return f"About {low:,} {adj} {thing} are in {self.pick(_PLACES)}, according to an intelligence estimate."
        official = self.pick(["South Korean", "Ukrainian", "U.S."])
        return f"Between {low:,} and {low + 2000:,} {thing} may have been sent, a {official} official said."

    def quote(self) -> str:
        name, role = self.rng.choice(self.people)
        words = self.pick(
            [
                f"We are watching {self.pick(_TOPIC_NOUNS)} very closely",
                f"This is a dangerous escalation that threatens {self.pick(_TOPIC_NOUNS)}",
                "Nobody should be surprised by this",
                f"The relationship between {self.pick(_TOPIC_STATES)} and {self.pick(_TOPIC_STATES)} has changed",
                "Our position has not changed and will not change",
            ]
        )
        if self.rng.random() < 0.6:
            return f'"{words}," said {name}, {role}.'
        return f"{name}, {role}, said that {words[0].lower() + words[1:]}."

    def org_line(self) -> str:
        return (
            f"The {self.pick(self.orgs)} is expected to discuss {self.pick(_TOPIC_NOUNS)} at a meeting {self.when()}."
        )

    def article(self, on_topic: bool) -> tuple[str, str]:
        r = self.rng
        place = self.pick(list(_CAPITALS.values()))
        dateline = f"{place.upper()}, {self.pick(_MONTHS)} {r.randint(1, 28)} ({self.pick(_OUTLETS)}) -"
        paragraphs: list[str] = []
        n_paragraphs = r.randint(6, 11)
        for i in range(n_paragraphs):
            sentences = []
            for _ in range(r.randint(2, 5)):
                roll = r.random()
                if not on_topic or roll < 0.15:
                    sentences.append(self.fill(self.pick(_OFF_TOPIC)))
                elif roll < 0.45:
                    sentences.append(self.event())
                elif roll < 0.6:
                    sentences.append(self.quote())
                elif roll < 0.7:
                    sentences.append(self.figure())
                elif roll < 0.78:
                    sentences.append(self.org_line())
                else:
                    sentences.append(self.fill(self.pick(_ANALYSIS)))
            text = " ".join(sentences)
            paragraphs.append(f"{dateline} {text}" if i == 0 else text)
        title = paragraphs[0].split(" - ", 1)[-1].split(".")[0][:90]
        return title, "\n\n".join(paragraphs)


def generated_docs(n: int, seed: int = 2024, start: date = date(2024, 6, 1)) -> list[BenchDoc]:
    """`n` generated articles (~430 words each), 70 % on the story, dated over a year."""
    rng = random.Random(seed)
    gazetteer = load_gazetteer()
    people = [(e.name, e.role or "an official") for e in gazetteer.entities if e.kind == "person"]
    orgs = [e.name for e in gazetteer.entities if e.kind == "igo"]
    writer = _Writer(rng, people, orgs)
    docs = []
    for i in range(n):
        title, text = writer.article(on_topic=rng.random() < 0.7)
        docs.append(BenchDoc(f"gen-{seed}-{i:05d}", "generated", title, start + timedelta(days=i % 365), text))
    return docs


def build_corpus(
    min_docs: int = 2_000, target_words: int = 1_000_000, articles_path: Path = DEFAULT_ARTICLES
) -> list[BenchDoc]:
    """Seed + article bodies + generated texts, at least `min_docs` documents and `target_words` words."""
    docs = seed_docs() + article_docs(articles_path)
    words = sum(d.words for d in docs)
    batch = 0
    while len(docs) < min_docs or words < target_words:
        more = generated_docs(200, seed=2024 + batch)
        docs.extend(more)
        words += sum(d.words for d in more)
        batch += 1
    return docs


def interleaved_subset(docs: Sequence[BenchDoc], words: int) -> list[BenchDoc]:
    """About `words` words of `docs`, taking every k-th document so each origin keeps its share."""
    total = sum(d.words for d in docs)
    if words <= 0 or words >= total:
        return list(docs)
    step = total / words
    picked, position = [], 0.0
    while int(position) < len(docs):
        picked.append(docs[int(position)])
        position += step
    return picked


def describe(docs: Iterable[BenchDoc]) -> str:
    by_origin: dict[str, list[int]] = {}
    for d in docs:
        by_origin.setdefault(d.origin, []).append(d.words)
    parts = [f"{origin} {len(w):,} docs / {sum(w):,} words" for origin, w in by_origin.items()]
    n = sum(len(w) for w in by_origin.values())
    total = sum(sum(w) for w in by_origin.values())
    return f"{n:,} documents, {total:,} words ({'; '.join(parts)})"


def write_seeds_dir(docs: Sequence[BenchDoc], folder: Path) -> Path:
    """The documents as a seed folder the ingest flow reads (file names are the documents' ids, so
    the same document has the same article id in every folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for d in docs:
        (folder / f"{d.doc_id}.txt").write_text(d.text, encoding="utf-8")
        lines.append(f'[[seed]]\nfile = "{d.doc_id}.txt"\ntitle = {json.dumps(d.title)}\n')
        if d.published:
            lines.append(f'published = "{d.published.isoformat()}"\n')
    (folder / "manifest.toml").write_text("".join(lines), encoding="utf-8")
    return folder
