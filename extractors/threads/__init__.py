"""Story threads: which development of the story a relevant article belongs to (pure; no I/O).

A thread is one development (the treaty is signed; troops reach Kursk), reported by many outlets
over days in different words. An article joins the candidate thread it is most similar to, or opens
a new one. Similarity combines TF-IDF cosine over title and lead words with the overlap of what
extraction linked (entities, places, event types, triples, claim subjects), minus a penalty for
the days between the article and the thread, and one for a contradiction (the article lacks the
words the thread's titles agree on and brings a subject new to it: scoring.CONTRADICTION_PENALTY).

Document frequencies come from the candidate threads themselves (each thread's state counts how
many of its articles carry each term) plus the batch: the story's own vocabulary ("North Korea",
"troops", PRK, RUS) is in most articles of the window and weighs little, without a corpus file or
a second persisted object; idf is capped (scoring.RARE_SHARE) so scores have one scale whatever the size
of the window. Tuned on the DEV set of bench/data/threads (README there). Assignment is a function
of (batch, candidate states, settings, clock) only, so replaying the same batches in the same
order (a rebuild) gives the same threads.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta

from extractors.ids import stable_id
from extractors.threads.scoring import (
    ACTIVE,
    DORMANT,
    FEATURE_PREFIXES,
    MERGED,
    STATUS_CODES,
    Index,
    is_feature,
)
from extractors.threads.text import words

ALGORITHM_VERSION = "threads-3"  # 2: dormancy seen from a late article's own date; 3: contradiction penalty


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """What assignment reads of one relevant article (store builds it from the warehouse)."""

    article_id: str
    seen_at: datetime  # naive UTC
    outlet: str
    cluster_id: str
    title: str
    lead: str  # the first ~1,000 characters of the text ('' when none)
    actors: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    triples: tuple[str, ...] = ()
    claim_subjects: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ThreadSettings:
    """[threads] settings. Scores are in [0, 1]: a weighted mean of the text and feature cosines
    minus `gap_penalty` per day between the article and the thread."""

    join_threshold: float = 0.2  # an active thread takes an article scoring at least this
    revive_threshold: float = 0.45  # a dormant thread takes it only at this (higher) score
    merge_threshold: float = 0.45  # an article scoring this on a second thread bridges the two
    window_days: float = 7.0  # an active thread takes articles at most this far from its span
    dormant_after_days: float = 5.0  # no article for this long (story time): dormant
    revive_window_days: float = 30.0  # a dormant thread can be revived this long after its last article
    merge_window_days: float = 5.0  # merged threads opened at most this far apart
    gap_penalty: float = 0.02  # score lost per day between the article and the thread's span
    text_weight: float = 0.8  # the rest is the weight of the linked features
    title_weight: float = 3.0  # a title word counts this many times a lead word
    max_terms: int = 120  # terms kept per thread (the most frequent)
    max_titles: int = 8  # titles kept per thread to choose its label from

    @property
    def version(self) -> str:
        """Algorithm version + a hash of the settings: stored with each thread it made."""
        text = json.dumps(asdict(self), sort_keys=True)
        return f"{ALGORITHM_VERSION}+{stable_id('thread-settings', text, length=8)}"


@dataclass(slots=True)
class ThreadState:
    """One thread as assignment needs it. `terms` counts, per word or feature, the thread's
    articles that carry it (the `max_terms` most frequent are kept)."""

    thread_id: str
    first_seen: datetime
    last_seen: datetime
    status: str = ACTIVE  # active | dormant | merged
    merged_into: str | None = None
    label: str = ""
    articles: int = 0
    terms: dict[str, int] = field(default_factory=dict)
    titles: list[tuple[str, str]] = field(default_factory=list)  # (article_id, title), opening first

    def to_json(self) -> str:
        return json.dumps(
            {
                "first_seen": self.first_seen.isoformat(),
                "last_seen": self.last_seen.isoformat(),
                "status": self.status,
                "merged_into": self.merged_into,
                "label": self.label,
                "articles": self.articles,
                "terms": dict(sorted(self.terms.items())),
                "titles": [list(t) for t in self.titles],
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, thread_id: str, text: str) -> ThreadState:
        data = json.loads(text)
        return cls(
            thread_id=thread_id,
            first_seen=datetime.fromisoformat(data["first_seen"]),
            last_seen=datetime.fromisoformat(data["last_seen"]),
            status=data["status"],
            merged_into=data["merged_into"],
            label=data["label"],
            articles=int(data["articles"]),
            terms={str(k): int(v) for k, v in data["terms"].items()},
            titles=[(str(a), str(t)) for a, t in data["titles"]],
        )

    def copy(self) -> ThreadState:
        """A copy assign can change without touching the caller's state."""
        return replace(self, terms=dict(self.terms), titles=list(self.titles))


@dataclass(frozen=True, slots=True)
class Placement:
    article_id: str
    thread_id: str  # the thread it joined (follow Threading.current for the thread after merges)
    score: float | None  # None: it opened the thread


@dataclass(frozen=True, slots=True)
class ThreadChange:
    thread_id: str
    change: str  # opened | revived | merged | dormant
    other_thread_id: str | None  # merged: the absorbed thread
    article_id: str | None  # the article that caused it (dormant: None)
    changed_at: datetime


@dataclass(slots=True)
class Threading:
    placements: list[Placement]
    threads: list[ThreadState]  # every thread created or changed by this batch (merged-away ones too)
    changes: list[ThreadChange]

    def current(self, thread_id: str) -> str:
        """The thread `thread_id` belongs to now: its merged_into chain followed to the end
        (only through threads of this batch; a thread not among them is its own)."""
        by_id = {t.thread_id: t for t in self.threads}
        seen: set[str] = set()
        while thread_id in by_id and by_id[thread_id].merged_into and thread_id not in seen:
            seen.add(thread_id)
            thread_id = by_id[thread_id].merged_into  # type: ignore[assignment]
        return thread_id


def thread_id_for(article_id: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A thread's id: derived from the article that opened it (stable across rebuilds). An article
    that opens a thread a second time (it left its thread, no longer relevant, and came back) gets
    the next id of its sequence that is not `taken`."""
    thread_id = "th-" + stable_id("thread", article_id)
    again = 1
    while thread_id in taken:
        thread_id = "th-" + stable_id("thread", article_id, str(again))
        again += 1
    return thread_id


def candidate_window(batch: Sequence[ArticleFeatures], settings: ThreadSettings) -> tuple[datetime, datetime]:
    """The story-time range (since, until) of the threads that take part in assigning `batch`.

    Store reads every thread that is not merged and either touches the range (last_seen >= since
    and first_seen <= until) or is still 'active' whatever its dates: an active thread outside
    the range is one that went quiet while no batch looked at it, and assign marks it dormant."""
    if not batch:
        raise ValueError("candidate_window needs at least one article")
    earliest = min(a.seen_at for a in batch)
    latest = max(a.seen_at for a in batch)
    reach = timedelta(days=max(settings.window_days, settings.revive_window_days, settings.dormant_after_days))
    return earliest - reach, latest + timedelta(days=settings.window_days)


def article_terms(article: ArticleFeatures, settings: ThreadSettings) -> dict[str, float]:
    """The article's weighted terms: words of title (x title_weight) and lead, plus its features
    under their prefixes (weight 1 each; the feature weight is applied to the cosine)."""
    weights: dict[str, float] = {}
    for word in words(article.title):
        weights[word] = weights.get(word, 0.0) + settings.title_weight
    for word in words(article.lead):
        weights[word] = weights.get(word, 0.0) + 1.0
    # Sublinear term frequency: a word repeated in the lead is not ten times the evidence.
    terms = {w: 1.0 + math.log(v) if v >= 1 else v for w, v in weights.items()}
    for name, prefix in FEATURE_PREFIXES.items():
        for value in getattr(article, name):
            terms[prefix + value] = 1.0
    return terms


# --- state updates ----------------------------------------------------------------------------


def _add_article(
    state: ThreadState, article: ArticleFeatures, terms: dict[str, float], settings: ThreadSettings
) -> None:
    state.articles += 1
    state.first_seen = min(state.first_seen, article.seen_at)
    state.last_seen = max(state.last_seen, article.seen_at)
    if article.title and len(state.titles) < settings.max_titles:
        state.titles.append((article.article_id, article.title))
    for term in terms:
        state.terms[term] = state.terms.get(term, 0) + 1
    _canonical(state, settings)


def _absorb(into: ThreadState, other: ThreadState, settings: ThreadSettings) -> None:
    into.articles += other.articles
    into.first_seen = min(into.first_seen, other.first_seen)
    into.last_seen = max(into.last_seen, other.last_seen)
    room = settings.max_titles - len(into.titles)
    if room > 0:
        into.titles.extend(other.titles[:room])
    for term, count in other.terms.items():
        into.terms[term] = into.terms.get(term, 0) + count
    _canonical(into, settings)
    other.status = MERGED
    other.merged_into = into.thread_id


def _canonical(state: ThreadState, settings: ThreadSettings) -> None:
    """Keep the thread's `max_terms` most frequent terms, in term order, as from_json gives them
    (sums over them run in one order in memory and restored). Among equally frequent terms the
    words of its kept titles and the linked features go first, then term order: a long lead's
    passing words are what a small thread loses."""
    items = state.terms.items()
    if len(state.terms) > settings.max_terms:
        headline = {w for _, title in state.titles for w in words(title)}

        def keep_first(item: tuple[str, int]) -> tuple[int, bool, str]:
            term, count = item
            return (-count, not (term in headline or is_feature(term)), term)

        items = sorted(items, key=keep_first)[: settings.max_terms]
    state.terms = dict(sorted(items))


def _label(state: ThreadState, index: Index) -> str:
    """The thread's most central title: the kept title closest to the thread's word vector."""
    if not state.titles:
        return state.label
    best_title, best_score = state.titles[0][1], -1.0
    for _, title in state.titles:
        title_words = sorted(set(words(title)))
        if not title_words:
            continue
        weights = [index.weight(w) for w in title_words]
        # The thread's weighted vector at each title word: its share of articles x idf.
        dot = sum(
            state.terms.get(w, 0) / state.articles * weight * weight
            for w, weight in zip(title_words, weights, strict=True)
        )
        score = dot / math.sqrt(sum(weight * weight for weight in weights))
        if score > best_score + 1e-12:
            best_title, best_score = title, score
    return best_title


# --- assignment -------------------------------------------------------------------------------


def _check_input(batch: Sequence[ArticleFeatures], threads: Sequence[ThreadState], clock: datetime | None) -> None:
    seen: set[str] = set()
    for article in batch:
        if article.article_id in seen:
            raise ValueError(f"article {article.article_id} is twice in the batch")
        seen.add(article.article_id)
        if article.seen_at.tzinfo is not None:
            raise ValueError(f"article {article.article_id}: seen_at must be naive UTC, not {article.seen_at}")
    if clock is not None and clock.tzinfo is not None:
        raise ValueError(f"clock must be naive UTC, not {clock}")
    thread_ids: set[str] = set()
    for state in threads:
        if state.thread_id in thread_ids:
            raise ValueError(f"thread {state.thread_id} is given twice")
        thread_ids.add(state.thread_id)
        if state.status not in STATUS_CODES:
            raise ValueError(f"thread {state.thread_id} has unknown status {state.status!r}")
        if state.articles < 1:
            raise ValueError(f"thread {state.thread_id} has no articles in its state")
        if state.first_seen.tzinfo is not None or state.last_seen.tzinfo is not None:
            raise ValueError(f"thread {state.thread_id}: first_seen and last_seen must be naive UTC")


def assign(
    batch: Sequence[ArticleFeatures],
    threads: Sequence[ThreadState],
    settings: ThreadSettings,
    *,
    clock: datetime | None,
) -> Threading:
    """Place each article of `batch` in a thread (pure and deterministic).

    `threads`: the candidate states store read (candidate_window); they are not modified (changed
    copies come back in Threading.threads). `clock`: the story clock before the batch (the latest
    seen_at among threaded articles; None when nothing is threaded yet).

    Raises ValueError, naming the article or thread, for an article id given twice, an aware
    datetime (story time is naive UTC), or a thread status other than active/dormant/merged."""
    _check_input(batch, threads, clock)
    states = {t.thread_id: t.copy() for t in threads if t.status != MERGED}
    taken = {t.thread_id for t in threads}
    ordered = sorted(batch, key=lambda a: (a.seen_at, a.article_id))
    all_terms = {a.article_id: article_terms(a, settings) for a in ordered}
    index = Index(states, (all_terms[a.article_id] for a in ordered), settings)
    changed: set[str] = set()
    grown: set[str] = set()  # threads that took articles: their label is chosen again
    placements: list[Placement] = []
    changes: list[ThreadChange] = []
    dormancy = timedelta(days=settings.dormant_after_days)

    for article in ordered:
        if clock is None or article.seen_at > clock:
            clock = article.seen_at
        # Threads quiet for dormant_after_days of story time go dormant before the article is placed.
        for thread_id in index.go_dormant(clock):
            changed.add(thread_id)
            went_quiet = states[thread_id].last_seen + dormancy
            changes.append(ThreadChange(thread_id, "dormant", None, None, went_quiet))

        terms = all_terms[article.article_id]
        # Best score first; equal scores go to the older thread, then the smaller id.
        scored = sorted(index.matches(article, terms), key=lambda m: (-m[0], states[m[1]].first_seen, m[1]))

        if not scored:
            thread_id = thread_id_for(article.article_id, taken)
            taken.add(thread_id)
            state = ThreadState(thread_id=thread_id, first_seen=article.seen_at, last_seen=article.seen_at)
            states[thread_id] = state
            _add_article(state, article, terms, settings)
            index.refresh(thread_id)
            placements.append(Placement(article.article_id, thread_id, None))
            changes.append(ThreadChange(thread_id, "opened", None, article.article_id, article.seen_at))
            changed.add(thread_id)
            grown.add(thread_id)
            continue

        score, thread_id = scored[0]
        state = states[thread_id]
        _add_article(state, article, terms, settings)
        # A dormant thread is revived when its last article (this one, or a later one a late article
        # joins) is within dormant_after_days of the story clock again; else it stays dormant.
        if state.status == DORMANT and clock - state.last_seen <= dormancy:
            state.status = ACTIVE
            changes.append(ThreadChange(thread_id, "revived", None, article.article_id, article.seen_at))
        index.refresh(thread_id)
        placements.append(Placement(article.article_id, thread_id, round(score, 6)))
        changed.add(thread_id)
        grown.add(thread_id)

        # The article bridges its thread and another strong, active match opened about the same
        # time: one development reported as two; the older thread absorbs the younger.
        for other_score, other_id in scored[1:]:
            other = states[other_id]
            if other_score < settings.merge_threshold or other.status != ACTIVE or state.status == MERGED:
                continue
            if abs((other.first_seen - state.first_seen).total_seconds()) > settings.merge_window_days * 86400:
                continue
            keep, gone = sorted((state, other), key=lambda s: (s.first_seen, s.thread_id))
            _absorb(keep, gone, settings)
            index.refresh(keep.thread_id)
            index.refresh(gone.thread_id)
            changes.append(ThreadChange(keep.thread_id, "merged", gone.thread_id, article.article_id, article.seen_at))
            changed.update((keep.thread_id, gone.thread_id))
            grown.add(keep.thread_id)
            state = keep

    for thread_id in sorted(grown):
        state = states[thread_id]
        if state.status != MERGED:
            state.label = _label(state, index)
    return Threading(
        placements=placements,
        threads=[states[t] for t in sorted(changed)],
        changes=changes,
    )
