"""Scoring articles against candidate threads (extractors/threads/__init__.py): TF-IDF over the
thread states' term counts, cosine of words and of linked features, a penalty for days apart and
one for a contradiction with the thread's headline; the candidate threads in numpy arrays over an
inverted index."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np

from extractors.threads.text import script_of, words

if TYPE_CHECKING:
    from extractors.threads import ArticleFeatures, ThreadSettings, ThreadState

# Terms in fewer than this share of the window's articles all weigh the most (idf is capped at
# log(1 / RARE_SHARE) + 1): only what the story's articles widely share is down-weighted, so scores
# keep one scale whether the window holds ten articles or ten thousand.
RARE_SHARE = 0.2

ACTIVE = "active"
DORMANT = "dormant"
MERGED = "merged"

# The linked features share the term space with words under these prefixes; together they make
# the feature cosine (ThreadSettings.text_weight is the words' share of the score, the rest theirs).
FEATURE_PREFIXES = {
    "entities": "e:",
    "places": "p:",
    "event_types": "t:",
    "triples": "x:",
    "claim_subjects": "c:",
    "actors": "a:",
}


# Neighbour developments a day or two apart share most of their words (Putin arrives in Pyongyang /
# in Vietnam; the Duma ratifies the treaty / Seoul summons the envoy over the troops). What tells
# them apart is a contradiction: the article lacks words the thread's titles agree on (at least
# HEADLINE_SHARE of its kept titles, and at least MIN_TITLES of them: one title is no agreement)
# while its own subject, the title words its lead repeats, is new to the thread. The score loses
# CONTRADICTION_PENALTY x (idf share of the headline words it lacks) x (idf share of those new words).
# A paraphrase that misses a headline word but brings no new subject loses nothing. Tuned on DEV
# (0.4 to 1.0 give the same threads there; below 0.4 the merges come back).
HEADLINE_SHARE = 0.8
MIN_TITLES = 2
CONTRADICTION_PENALTY = 0.5


def is_feature(term: str) -> bool:
    return len(term) > 2 and term[1] == ":"


# An article whose words share no script with a thread's (a Russian article, an English thread)
# cannot meet it in words: it is scored on the linked features alone (entities, places, event
# types, triples: the same ids in every language), and joins only when at least this share of them
# agree (cosine), so the story's ever-present PRK and RUS do not join it to any thread.
CROSS_SCRIPT_MIN_FEATURES = 0.5


def scripts_of(terms: Iterable[str]) -> int:
    """The scripts (text.script_of bits) of the word terms."""
    mask = 0
    for term in terms:
        if not is_feature(term):
            mask |= script_of(term)
    return mask


def norms_and_scripts(vector: dict[str, float]) -> tuple[float, float, int]:
    """(norm of the word terms, norm of the feature terms, scripts of the word terms) of a weighted
    vector, in one pass over it (each sum adds its terms in the vector's order, as sum() over the
    filtered items would)."""
    text_squares: list[float] = []
    feature_squares: list[float] = []
    mask = 0
    for term, value in vector.items():
        if len(term) > 2 and term[1] == ":":  # is_feature, inline: this runs for every term of every article
            feature_squares.append(value * value)
        else:
            text_squares.append(value * value)
            mask |= script_of(term)
    return math.sqrt(sum(text_squares)), math.sqrt(sum(feature_squares)), mask


_EPOCH = datetime(1970, 1, 1)


def days(moment: datetime) -> float:
    """Story time as days since 1970: every time comparison uses it, in both scoring paths."""
    return (moment - _EPOCH).total_seconds() / 86400


class Index:
    """The batch's view of the threads: idf, and each thread's weighted vector and norms.

    The candidate threads as read ("base") are scored together with numpy over an inverted index
    (term → rows, values); a thread the batch changes or opens moves to a small dict-based
    "overlay" and is scored there until OVERLAY_LIMIT threads wait, when the arrays are built again.
    The idf is fixed for the batch."""

    def __init__(
        self, threads: dict[str, ThreadState], batch_terms: Iterable[dict[str, float]], settings: ThreadSettings
    ) -> None:
        df: dict[str, int] = {}
        documents = 0
        for state in threads.values():
            documents += state.articles
            for term, count in state.terms.items():
                df[term] = df.get(term, 0) + count
        for terms in batch_terms:
            documents += 1
            for term in terms:
                df[term] = df.get(term, 0) + 1
        # Smoothed idf (as scikit-learn's): a term in every document still weighs a little.
        rare = RARE_SHARE
        self.idf = {t: math.log(min((1 + documents) / (1 + n), 1 / rare)) + 1.0 for t, n in df.items()}
        self.default_idf = math.log(1 / rare) + 1.0
        self.settings = settings
        self.threads = threads
        self.overlay: dict[str, tuple[dict[str, float], float, float, int]] = {}
        self.headlines: dict[str, dict[str, float]] = {}  # thread id → its headline words' idf (headline())

        self.vocabulary = {term: i for i, term in enumerate(df)}
        self.idf_of = np.array(list(self.idf.values()), dtype=np.float64)
        self.feature_of = np.array([is_feature(t) for t in self.vocabulary], dtype=bool)
        self._build_base()

    def _build_base(self) -> None:
        """Arrays of every thread not merged (the overlay is folded in and emptied)."""
        self.overlay = {}
        # The overlay's vectors by term (term → thread id → value): an article meets only the overlay
        # threads that share a term with it, instead of every one of them term by term.
        self.overlay_postings: dict[str, dict[str, float]] = {}
        self.base_ids = sorted(t for t, state in self.threads.items() if state.status != MERGED)
        self.base_pos = {thread_id: i for i, thread_id in enumerate(self.base_ids)}
        base = [self.threads[t] for t in self.base_ids]
        self.first = np.array([days(t.first_seen) for t in base], dtype=np.float64)
        self.last = np.array([days(t.last_seen) for t in base], dtype=np.float64)
        self.status = np.array([STATUS_CODES[t.status] for t in base], dtype=np.int8)
        self.clean = np.ones(len(base), dtype=bool)
        self.scripts = np.array([scripts_of(t.terms) for t in base], dtype=np.int64)
        # Flat (row, term, value) entries of the base vectors, then grouped by term: postings.
        term_ids = np.fromiter((self.vocabulary[t] for state in base for t in state.terms), dtype=np.int64)
        counts = np.fromiter((c for state in base for c in state.terms.values()), dtype=np.float64)
        sizes = np.array([len(state.terms) for state in base], dtype=np.int64)
        articles = np.array([state.articles for state in base], dtype=np.float64)
        rows = np.repeat(np.arange(len(base), dtype=np.int64), sizes)
        values = counts / articles[rows] * self.idf_of[term_ids] if len(rows) else counts
        squares = values * values
        features = self.feature_of[term_ids] if len(rows) else np.zeros(0, dtype=bool)
        self.text_norm = np.sqrt(np.bincount(rows, weights=squares * ~features, minlength=len(base)))
        self.feature_norm = np.sqrt(np.bincount(rows, weights=squares * features, minlength=len(base)))
        order = np.argsort(term_ids, kind="stable")  # stable: rows stay in order within a term
        self.post_rows = rows[order]
        self.post_values = values[order]
        grouped = term_ids[order]
        firsts, starts = np.unique(grouped, return_index=True)
        ends = np.append(starts[1:], len(grouped))[: len(starts)]
        self.spans: dict[int, tuple[int, int]] = {
            int(t): (int(start), int(end)) for t, start, end in zip(firsts, starts, ends, strict=True)
        }

    def weight(self, term: str) -> float:
        return self.idf.get(term, self.default_idf)

    def refresh(self, thread_id: str) -> None:
        """A thread changed (joined, opened or merged): score it from the overlay from now on."""
        position = self.base_pos.get(thread_id)
        if position is not None:
            self.clean[position] = False
        self.headlines.pop(thread_id, None)
        state = self.threads[thread_id]
        old = self.overlay.pop(thread_id, None)
        if old is not None:
            for term in old[0]:
                holders = self.overlay_postings[term]
                del holders[thread_id]
                if not holders:
                    del self.overlay_postings[term]
        if state.status == MERGED:
            return
        vector = {term: count / state.articles * self.weight(term) for term, count in state.terms.items()}
        text_norm, feature_norm, scripts = norms_and_scripts(vector)
        self.overlay[thread_id] = (vector, text_norm, feature_norm, scripts)
        for term, value in vector.items():
            self.overlay_postings.setdefault(term, {})[thread_id] = value
        if len(self.overlay) > OVERLAY_LIMIT:
            self._build_base()

    def headline(self, thread_id: str) -> dict[str, float]:
        """The words at least HEADLINE_SHARE of the thread's kept titles carry, with their idf."""
        found = self.headlines.get(thread_id)
        if found is None:
            titles = self.threads[thread_id].titles
            counts: dict[str, int] = {}
            for _, title in titles:
                for word in set(words(title)):
                    counts[word] = counts.get(word, 0) + 1
            least = HEADLINE_SHARE * len(titles)
            found = {w: self.weight(w) for w, n in sorted(counts.items()) if n >= least}
            self.headlines[thread_id] = found
        return found

    def contradiction(self, thread_id: str, terms: dict[str, float], subject: set[str]) -> float:
        """In [0, 1]: (idf share of the thread's headline words the article lacks, in title and lead)
        x (idf share of the article's subject words, in its title and lead, the thread has never
        seen); 0 for a thread of fewer than MIN_TITLES titles or whose headline shares no script with
        the article's subject."""
        if len(self.threads[thread_id].titles) < MIN_TITLES:
            return 0.0
        headline = self.headline(thread_id)
        if not headline or not subject:
            return 0.0
        if not scripts_of(headline) & scripts_of(subject):
            return 0.0  # other scripts (a Russian article, an English thread): the linked features decide
        lacking = sum(w for t, w in headline.items() if t not in terms)
        if not lacking:
            return 0.0
        known = self.threads[thread_id].terms
        subject_weights = {t: self.weight(t) for t in sorted(subject)}
        new = sum(w for t, w in subject_weights.items() if t not in known)
        return lacking / sum(headline.values()) * new / sum(subject_weights.values())

    def go_dormant(self, clock: datetime) -> list[str]:
        """Active threads whose last article is more than dormant_after_days before `clock`."""
        cutoff = days(clock) - self.settings.dormant_after_days
        quiet = np.flatnonzero(self.clean & (self.status == STATUS_CODES[ACTIVE]) & (self.last < cutoff))
        self.status[quiet] = STATUS_CODES[DORMANT]
        found = [self.base_ids[i] for i in quiet]
        for thread_id in self.overlay:
            state = self.threads[thread_id]
            if state.status == ACTIVE and days(state.last_seen) < cutoff:
                found.append(thread_id)
        for thread_id in found:
            self.threads[thread_id].status = DORMANT
        return sorted(found)

    def matches(self, article: ArticleFeatures, terms: dict[str, float]) -> list[tuple[float, str]]:
        """(score, thread id) of every thread that can take the article (_matches), its score less
        the contradiction penalty (contradiction(): only for these few, the arrays need not know
        it), checked against the thresholds again."""
        found = self._matches(article, terms)
        if not found:
            return found
        subject = set(words(article.title)) & set(words(article.lead))
        at = days(article.seen_at)
        out = []
        for score, thread_id in found:
            score -= CONTRADICTION_PENALTY * self.contradiction(thread_id, terms, subject)
            state = self.threads[thread_id]
            gap = max(at - days(state.last_seen), 0.0) + max(days(state.first_seen) - at, 0.0)
            if takes(state.status, gap, score, self.settings, since_last=at - days(state.last_seen)):
                out.append((score, thread_id))
        return out

    def _matches(self, article: ArticleFeatures, terms: dict[str, float]) -> list[tuple[float, str]]:
        """(score, thread id) of every thread that can take the article: reachable in time and
        scoring at least join_threshold (active) or revive_threshold (dormant). Dormancy is seen
        from the article's own date: a late article dated within dormant_after_days of a dormant
        thread's last article meets the join threshold, as it would have when it was published."""
        settings = self.settings
        weighted = {t: v * self.weight(t) for t, v in terms.items()}
        text_norm, feature_norm, article_scripts = norms_and_scripts(weighted)
        # Scored on what the article has: nothing linked, the text decides; no words, the links do.
        text_share = settings.text_weight if feature_norm > 0 else 1.0
        if text_norm == 0:
            text_share = 0.0
        at = days(article.seen_at)
        out: list[tuple[float, str]] = []

        count = len(self.base_ids)
        if count and self.clean.any():
            text_rows: list[np.ndarray] = []
            text_values: list[np.ndarray] = []
            feature_rows: list[np.ndarray] = []
            feature_values: list[np.ndarray] = []
            for term, value in weighted.items():
                span = self.spans.get(self.vocabulary.get(term, -1))
                if span is None:
                    continue
                start, end = span
                into_rows, into_values = (
                    (feature_rows, feature_values) if is_feature(term) else (text_rows, text_values)
                )
                into_rows.append(self.post_rows[start:end])
                into_values.append(self.post_values[start:end] * value)
            text_dot = dots(text_rows, text_values, count)
            feature_dot = dots(feature_rows, feature_values, count)
            with np.errstate(divide="ignore", invalid="ignore"):
                text_cos = np.where(self.text_norm > 0, text_dot / (self.text_norm * (text_norm or 1.0)), 0.0)
                feature_cos = np.where(
                    self.feature_norm > 0, feature_dot / (self.feature_norm * (feature_norm or 1.0)), 0.0
                )
            gap = np.maximum(at - self.last, 0.0) + np.maximum(self.first - at, 0.0)
            score = text_share * text_cos + (1 - text_share) * feature_cos - settings.gap_penalty * gap
            cross = ((self.scripts & article_scripts) == 0) & (self.scripts != 0) & (article_scripts != 0)
            score = np.where(cross, feature_cos - settings.gap_penalty * gap, score)
            late = at - self.last <= settings.dormant_after_days  # the thread was active at its date
            active = (self.status == STATUS_CODES[ACTIVE]) | ((self.status == STATUS_CODES[DORMANT]) & late)
            dormant = (self.status == STATUS_CODES[DORMANT]) & ~late
            ok = self.clean & ((text_dot > 0) | (feature_dot > 0))
            ok &= ~cross | (feature_cos >= CROSS_SCRIPT_MIN_FEATURES)
            ok &= (active & (gap <= settings.window_days) & (score >= settings.join_threshold)) | (
                dormant & (gap <= settings.revive_window_days) & (score >= settings.revive_threshold)
            )
            out.extend((float(score[i]), self.base_ids[i]) for i in np.flatnonzero(ok))

        # Dot products with the overlay threads, read from its postings: each thread's sums add the
        # shared terms in the article's term order, as a walk over the article's terms would.
        text_dots: dict[str, float] = {}
        feature_dots: dict[str, float] = {}
        postings = self.overlay_postings
        for term, value in weighted.items():
            holders = postings.get(term)
            if holders is None:
                continue
            into = feature_dots if is_feature(term) else text_dots
            for thread_id, other in holders.items():
                into[thread_id] = into.get(thread_id, 0.0) + value * other
        for thread_id in sorted(text_dots.keys() | feature_dots.keys()):
            _, thread_text, thread_feature, thread_scripts = self.overlay[thread_id]
            state = self.threads[thread_id]
            text_dot = text_dots.get(thread_id, 0.0)
            feature_dot = feature_dots.get(thread_id, 0.0)
            if not text_dot and not feature_dot:
                continue
            # A dot product is non-zero only where both norms are.
            text_cos = text_dot / (thread_text * text_norm) if text_dot else 0.0
            feature_cos = feature_dot / (thread_feature * feature_norm) if feature_dot else 0.0
            gap = max(at - days(state.last_seen), 0.0) + max(days(state.first_seen) - at, 0.0)
            score = text_share * text_cos + (1 - text_share) * feature_cos - settings.gap_penalty * gap
            if thread_scripts and article_scripts and not thread_scripts & article_scripts:
                if feature_cos < CROSS_SCRIPT_MIN_FEATURES:
                    continue
                score = feature_cos - settings.gap_penalty * gap
            if takes(state.status, gap, score, settings, since_last=at - days(state.last_seen)):
                out.append((score, thread_id))
        return out


STATUS_CODES = {ACTIVE: 0, DORMANT: 1, MERGED: 2}
# Threads changed in a batch are scored one by one in Python; past this many, the arrays are built
# again with them (a batch of hundreds of articles stays linear).
OVERLAY_LIMIT = 64


def takes(status: str, gap: float, score: float, settings: ThreadSettings, *, since_last: float) -> bool:
    """Whether a thread can take an article `gap` days from its span with this score, dated
    `since_last` days after the thread's last article (the rule matches() applies to the base
    threads with arrays): a dormant thread is active as seen from a date within dormant_after_days."""
    if status == ACTIVE or (status == DORMANT and since_last <= settings.dormant_after_days):
        return gap <= settings.window_days and score >= settings.join_threshold
    if status == DORMANT:
        return gap <= settings.revive_window_days and score >= settings.revive_threshold
    return False


def dots(rows: list[np.ndarray], values: list[np.ndarray], count: int) -> np.ndarray:
    if not rows:
        return np.zeros(count, dtype=np.float64)
    return np.bincount(np.concatenate(rows), weights=np.concatenate(values), minlength=count)
