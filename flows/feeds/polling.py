"""Feed polling: which feeds are due, fetching them politely, and turning new entries into documents.

The state of each feed lives in the `sources` table (ETag, Last-Modified, last body hash, failures,
next poll). The run, not the schedule, decides what is fetched: a feed is polled when its
`next_fetch_at` has passed, so after downtime the first run catches up on everything that is due.

No entry is skipped silently. A run fetches at most `max_entries_per_feed` entries per feed, newest
first; the rest wait in `feed_backlog` and are worked off by the next runs, whether or not the feed
changed (`plan_fetches`). Deadlines bound the cost (`fetch_deadline_s` per fetch, `feed_deadline_s`
per feed with its pages, `run_deadline_s` for all of a run's fetching); an entry a deadline cut off
goes back to the backlog. Pages are fetched one host queue per thread, so a slow host holds up only
its own queue.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from extractors.feeds import FeedEntry, ParsedFeed
from extractors.ids import article_id, stable_id, text_hash
from extractors.language import document_language
from extractors.urls import normalize_url
from flows.config import MAX_POLL_MINUTES, FeedConfig, FetchConfig
from flows.documents import Document
from flows.feeds.fetch import Fetcher, FetchError, FetchResult, FetchSettings
from flows.feeds.parse import parse_feed_bounded
from flows.feeds.urlsecrets import MissingVariableError, expand_env, mask_credentials, mask_text
from flows.progress import progress

__all__ = [
    "Candidate",
    "FeedPoll",
    "FetchPlan",
    "backlog_candidates",
    "backlog_rows",
    "candidate_urls",
    "feed_source_id",
    "fetch_articles",
    "next_poll_at",
    "plan_fetches",
    "poll_feed",
    "poll_feeds",
    "run_deadline_from_now",
]

log = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(hours=24)
MAX_PARALLEL_FETCHES = 8  # hosts fetched at once; each host still gets one request at a time
MAX_ERROR_CHARS = 500


def feed_source_id(url: str) -> str:
    """A feed's identity is its URL as configured (`${VAR}` unexpanded), normalised and with
    credentials masked: renaming the feed or rotating its token keeps its state."""
    try:
        key = normalize_url(url)
    except ValueError:
        key = url
    return "feed:" + stable_id("feed", mask_credentials(key), length=12)


def next_poll_at(now: datetime, poll_minutes: int, consecutive_failures: int) -> datetime:
    """Poll interval, doubled for each failure in a row (capped at a day, or at the interval when
    that is longer). The config bounds poll_minutes to a year; clamped here too, so no value can
    overflow the date (a run that raised OverflowError here stored nothing)."""
    base = timedelta(minutes=min(max(1, poll_minutes), MAX_POLL_MINUTES))
    interval = base * (2 ** min(max(consecutive_failures, 0), 10))
    try:
        return now + min(interval, max(MAX_BACKOFF, base))
    except OverflowError:  # `now` itself near year 9999
        return datetime.max.replace(tzinfo=now.tzinfo)


def is_due(state: Mapping[str, Any] | None, now: datetime) -> bool:
    if state is None or state.get("next_fetch_at") is None:
        return True
    due: datetime = state["next_fetch_at"]
    return due <= now


def fetch_settings(config: FetchConfig) -> FetchSettings:
    return FetchSettings(
        timeout_s=config.timeout_s,
        fetch_deadline_s=config.fetch_deadline_s,
        max_retry_after_s=config.max_retry_after_s,
        max_feed_bytes=config.max_feed_bytes,
        max_page_bytes=config.max_page_bytes,
        user_agent=config.user_agent,
        per_host_delay_s=config.per_host_delay_s,
        allow_hosts=tuple(config.allow_hosts),
    )


@dataclass
class FeedPoll:
    """What polling one feed produced: its new `sources` row, and the entries it offered."""

    feed: FeedConfig
    source: dict[str, Any]
    entries: list[FeedEntry] = field(default_factory=list)
    error: str | None = None
    warning: str | None = None
    deadline: float | None = None
    """When this feed's time is up, page fetches included (on the fetcher's clock, time.monotonic)."""
    deferred: bool = False
    """Not polled: the run's fetching deadline had passed. Its state is left as it was."""


def _base_row(feed: FeedConfig, state: Mapping[str, Any] | None) -> dict[str, Any]:
    row = dict(state or {})
    # The URL is stored masked: the sources table is read by people and tools.
    row.update(source_id=feed_source_id(feed.url), kind="feed", name=feed.name, url=mask_credentials(feed.url))
    row.setdefault("consecutive_failures", 0)
    return row


def poll_feed(
    fetcher: Fetcher,
    feed: FeedConfig,
    state: Mapping[str, Any] | None,
    now: datetime,
    *,
    parse_timeout_s: float,
    feed_deadline_s: float = FetchConfig.feed_deadline_s,
    run_deadline: float | None = None,
    parse: Callable[..., ParsedFeed] = parse_feed_bounded,
) -> FeedPoll:
    """Fetch (conditionally) and parse one feed. Never raises: failures are recorded on the row.

    `run_deadline` (on `fetcher.clock`) ends all of the run's fetching: a feed reached after it,
    or cut off by it, is `deferred` (its state unchanged, polled next run), not failed."""
    row = _base_row(feed, state)
    started = fetcher.clock()
    deadline = started + feed_deadline_s if run_deadline is None else min(started + feed_deadline_s, run_deadline)
    if run_deadline is not None and started >= run_deadline:
        return FeedPoll(feed=feed, source=row, deadline=deadline, deferred=True)
    row["last_fetch_at"] = now
    secrets: list[str] = []
    try:
        url, secrets = expand_env(feed.url)
        result: FetchResult = fetcher.fetch(
            url, kind="feed", etag=row.get("etag"), last_modified=row.get("last_modified"), deadline=deadline
        )
    except MissingVariableError as exc:
        return _failed(feed, row, now, f"feed URL: {exc}", deadline)
    except FetchError as exc:
        if run_deadline is not None and fetcher.clock() >= run_deadline:
            return FeedPoll(feed=feed, source=_base_row(feed, state), deadline=deadline, deferred=True)
        poll = _failed(feed, row, now, mask_text(str(exc), secrets), deadline)
        if exc.retry_after:  # the server said when to come back: not sooner (at most a day)
            later = now + timedelta(seconds=min(exc.retry_after, MAX_BACKOFF.total_seconds()))
            row["next_fetch_at"] = max(row["next_fetch_at"], later)
        return poll
    except Exception as exc:  # a bug in one feed's handling must not end the run
        return _failed(feed, row, now, mask_text(f"unexpected {type(exc).__name__}: {exc}", secrets), deadline)
    row["etag"] = result.etag or row.get("etag")
    row["last_modified"] = result.last_modified or row.get("last_modified")
    if result.not_modified:
        return _succeeded(feed, row, now, "not_modified", deadline)
    body_hash = hashlib.sha256(result.body).hexdigest()[:32]
    if body_hash == row.get("last_content_hash"):
        return _succeeded(feed, row, now, "unchanged", deadline)
    left = deadline - fetcher.clock()
    if left <= 0:
        if run_deadline is not None and fetcher.clock() >= run_deadline:
            return FeedPoll(feed=feed, source=_base_row(feed, state), deadline=deadline, deferred=True)
        return _failed(feed, row, now, "the feed's deadline passed before it could be parsed", deadline)
    parsed = parse(result.body, url=result.final_url, headers=result.headers, timeout_s=min(parse_timeout_s, left))
    if parsed.error:
        return _failed(feed, row, now, mask_text(f"unusable feed: {parsed.error}", secrets), deadline)
    row["last_content_hash"] = body_hash
    poll = _succeeded(feed, row, now, "ok", deadline)
    poll.entries = list(parsed.entries)
    poll.warning = mask_text(parsed.warning, secrets) if parsed.warning else None
    if poll.warning:
        row["last_error"] = f"warning: {poll.warning}"
    return poll


def _succeeded(feed: FeedConfig, row: dict[str, Any], now: datetime, status: str, deadline: float) -> FeedPoll:
    row.update(
        last_status=status,
        last_error=None,
        consecutive_failures=0,
        next_fetch_at=next_poll_at(now, feed.poll_minutes, 0),
    )
    return FeedPoll(feed=feed, source=row, deadline=deadline)


def _failed(feed: FeedConfig, row: dict[str, Any], now: datetime, reason: str, deadline: float) -> FeedPoll:
    failures = int(row.get("consecutive_failures") or 0) + 1
    reason = reason[:MAX_ERROR_CHARS]
    row.update(
        last_status="error",
        last_error=reason,
        consecutive_failures=failures,
        next_fetch_at=next_poll_at(now, feed.poll_minutes, failures),
    )
    return FeedPoll(feed=feed, source=row, error=reason, deadline=deadline)


def _one_per_source(feeds: Sequence[FeedConfig]) -> list[FeedConfig]:
    """Two feeds whose URLs differ only in credentials are one feed (one `sources` row): the first
    configured is polled, the other is named in a warning."""
    first: dict[str, FeedConfig] = {}
    for feed in feeds:
        kept = first.setdefault(feed_source_id(feed.url), feed)
        if kept is not feed:
            log.warning(
                "feed %r is skipped: its URL differs from feed %r's only in credentials (%s)",
                feed.name,
                kept.name,
                mask_credentials(feed.url),
            )
    return list(first.values())


def run_deadline_from_now(config: FetchConfig) -> float:
    """When a run's fetching must end, on the clock fetchers use (time.monotonic)."""
    return time.monotonic() + config.run_deadline_s


def poll_feeds(
    feeds: Sequence[FeedConfig],
    states: Mapping[str, Mapping[str, Any]],
    now: datetime,
    config: FetchConfig,
    *,
    all_feeds: bool = False,
    run_deadline: float | None = None,
) -> list[FeedPoll]:
    """Poll every enabled feed that is due (or all of them): hosts in parallel, each host's feeds in turn."""
    due = [f for f in feeds if f.enabled and (all_feeds or is_due(states.get(feed_source_id(f.url)), now))]
    due = _one_per_source(due)
    if not due:
        return []
    run_deadline = run_deadline_from_now(config) if run_deadline is None else run_deadline
    polls: list[FeedPoll | None] = [None] * len(due)
    queues: dict[str, list[int]] = {}
    for index, feed in enumerate(due):
        queues.setdefault(_host_of(feed.url), []).append(index)

    def work(fetcher: Fetcher, queue: list[int]) -> None:
        # One thread per host: feeds of a slow host wait for each other, not for other hosts.
        for index in queue:
            polls[index] = poll_feed(
                fetcher,
                due[index],
                states.get(feed_source_id(due[index].url)),
                now,
                parse_timeout_s=config.parse_timeout_s,
                feed_deadline_s=config.feed_deadline_s,
                run_deadline=run_deadline,
            )

    with (
        Fetcher(fetch_settings(config)) as fetcher,
        ThreadPoolExecutor(min(MAX_PARALLEL_FETCHES, len(queues))) as pool,
        progress("polling feeds", total=len(due), unit="feeds") as shown,
    ):

        def work_shown(queue: list[int]) -> None:
            for index in queue:
                work(fetcher, [index])
                shown.advance()

        for future in [pool.submit(work_shown, queue) for queue in queues.values()]:
            future.result()
    return [poll for poll in polls if poll is not None]


# --------------------------------------------------------------------------------------- backlog


@dataclass(frozen=True, slots=True)
class Candidate:
    """A feed entry not stored yet: to be fetched now, or kept in the backlog for a later run."""

    url: str  # normalised entry link
    source_id: str
    entry: FeedEntry
    first_seen_at: datetime | None = None  # when a backlog entry was first offered (None: this run)


def entry_to_json(entry: FeedEntry) -> str:
    data = {
        "entry_id": entry.entry_id,
        "title": entry.title,
        "link": entry.link,
        "published_at": entry.published_at.isoformat() if entry.published_at else None,
        "author": entry.author,
        "summary_html": entry.summary_html,
    }
    return json.dumps(data, ensure_ascii=False)


def entry_from_json(text: str) -> FeedEntry:
    data = json.loads(text)
    published = data.get("published_at")
    return FeedEntry(
        entry_id=data.get("entry_id"),
        title=data.get("title"),
        link=data.get("link"),
        published_at=datetime.fromisoformat(published) if published else None,
        author=data.get("author"),
        summary_html=data.get("summary_html"),
    )


def backlog_candidates(rows: Iterable[Mapping[str, Any]]) -> dict[str, list[Candidate]]:
    """`feed_backlog` rows → source_id → its backlog entries."""
    out: dict[str, list[Candidate]] = {}
    for row in rows:
        candidate = Candidate(
            url=row["url"],
            source_id=row["source_id"],
            entry=entry_from_json(row["entry"]),
            first_seen_at=row["first_seen_at"],
        )
        out.setdefault(candidate.source_id, []).append(candidate)
    return out


@dataclass
class FetchPlan:
    """What a run fetches, and what it leaves for later."""

    candidates: list[Candidate] = field(default_factory=list)  # to fetch now, newest first per feed
    pending: list[Candidate] = field(default_factory=list)  # to keep in the backlog (upserted)
    removed: set[tuple[str, str]] = field(default_factory=set)  # (source_id, url) backlog rows to delete
    dropped: dict[str, int] = field(default_factory=dict)  # source_id → older entries dropped by the bound
    unusable: dict[str, int] = field(default_factory=dict)  # source_id → entries without a usable http(s) link

    def pending_count(self, source_id: str) -> int:
        return sum(1 for c in self.pending if c.source_id == source_id)

    def warnings(self, source_id: str, max_backlog: int) -> list[str]:
        """What this run could not keep of a feed's entries, for its `last_error`."""
        notes = []
        if self.dropped.get(source_id):
            notes.append(
                f"warning: backlog full: {self.dropped[source_id]} older entries dropped"
                f" (max_backlog_per_feed = {max_backlog})"
            )
        if self.unusable.get(source_id):
            notes.append(f"warning: {self.unusable[source_id]} entries without a usable http(s) link skipped")
        return notes


def backlog_rows(plan: FetchPlan, run_id: str, now: datetime) -> list[dict[str, Any]]:
    """The plan's pending entries as `feed_backlog` rows."""
    return [
        {
            "source_id": c.source_id,
            "url": c.url,
            "entry": entry_to_json(c.entry),
            "published_at": _naive_utc(c.entry.published_at),
            "first_seen_at": c.first_seen_at or now,
            "run_id": run_id,
        }
        for c in plan.pending
    ]


def _newest_first(candidate: Candidate) -> float:
    published = candidate.entry.published_at
    return -published.timestamp() if published else float("inf")


def plan_fetches(
    polls: Iterable[FeedPoll],
    backlog: Mapping[str, Sequence[Candidate]],
    known_urls: set[str],
    *,
    max_per_feed: int,
    max_backlog: int,
) -> FetchPlan:
    """Per feed: its new entries and its backlog, minus what is stored, newest first (undated last);
    the first `max_per_feed` are fetched now, the next `max_backlog` wait, older ones are dropped
    (counted in `dropped`). Each URL is fetched once per run, by the first feed that offers it.
    Feeds with a backlog but no poll this run (not due) work their backlog off too."""
    plan = FetchPlan()
    seen = set(known_urls)
    by_source: dict[str, list[Candidate]] = {}
    for poll in polls:
        if poll.deferred or poll.error:
            continue
        source_id = poll.source["source_id"]
        for entry in poll.entries:
            try:
                url = normalize_url(entry.link or "")
            except ValueError:
                plan.unusable[source_id] = plan.unusable.get(source_id, 0) + 1
                continue
            by_source.setdefault(source_id, []).append(Candidate(url=url, source_id=source_id, entry=entry))
    for source_id, entries in backlog.items():
        by_source.setdefault(source_id, []).extend(entries)
    for source_id, merged in by_source.items():
        stored_in_backlog = {c.url: c for c in backlog.get(source_id, ())}
        plan.removed.update((source_id, url) for url in stored_in_backlog)
        unique: dict[str, Candidate] = {}
        for candidate in merged:
            if candidate.url in seen or candidate.url in unique:
                continue
            earlier = stored_in_backlog.get(candidate.url)
            if earlier is not None and candidate.first_seen_at is None:  # offered again: keep when first seen
                candidate = Candidate(candidate.url, source_id, candidate.entry, earlier.first_seen_at)
            unique[candidate.url] = candidate
        ordered = sorted(unique.values(), key=_newest_first)  # stable: feed order among equals
        now_taken = ordered[:max_per_feed]
        waiting = ordered[max_per_feed : max_per_feed + max_backlog]
        if len(ordered) > max_per_feed + max_backlog:
            plan.dropped[source_id] = len(ordered) - max_per_feed - max_backlog
        seen.update(c.url for c in now_taken)
        seen.update(c.url for c in waiting)
        plan.candidates.extend(now_taken)
        plan.pending.extend(waiting)
    return plan


def candidate_urls(polls: Iterable[FeedPoll]) -> list[str]:
    urls = []
    for poll in polls:
        for entry in poll.entries:
            try:
                urls.append(normalize_url(entry.link or ""))
            except ValueError:
                continue
    return urls


# --------------------------------------------------------------------------------------- pages


def _naive_utc(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


DEFERRED = "deferred"
"""`fetch_article`'s answer when a deadline passed before the page could be fetched."""


def fetch_article(
    fetcher: Fetcher,
    candidate: Candidate,
    fetched_at: datetime,
    *,
    fetch_pages: bool = True,
    deadline: float | None = None,
    feed_language: str | None = None,
) -> Document | str | None:
    """Fetch and extract one entry's page; fall back to its cleaned summary, saying why in
    `fetch_error`. None when nothing is usable; DEFERRED when `deadline` (the feed's or the run's)
    passed before the page could be fetched: the entry goes back to the backlog. The document's
    language is detected from its text; `feed_language` (its feed's `lang`), then the page's own
    declaration, stand in when the text is too short to tell."""
    # Here, not at import: trafilatura and lxml load only when a run has pages to read.
    from extractors.article import extract_article
    from extractors.html_fragment import clean_html_fragment

    entry = candidate.entry
    summary = clean_html_fragment(entry.summary_html) if entry.summary_html else ""
    page = None
    urls = [candidate.url]
    fetch_error: str | None = "not fetched: [fetch] fetch_pages = false"
    if fetch_pages:
        if deadline is not None and fetcher.clock() >= deadline:
            return DEFERRED
        try:
            result = fetcher.fetch(candidate.url, kind="page", deadline=deadline)
        except FetchError as exc:
            if exc.reason == "deadline" or (deadline is not None and fetcher.clock() >= deadline):
                return DEFERRED
            result = None  # the feed's summary stands in; the article is marked summary-only
            fetch_error = f"{exc.reason}: {mask_text(str(exc))}"
        if result is not None:
            with_final = result.final_url
            try:
                page = extract_article(result.body, url=with_final)
            except Exception as exc:  # one odd page must not end the run
                fetch_error = f"extraction failed: {type(exc).__name__}: {exc}"
            else:
                fetch_error = "no_text: no article text found in the page" if page is None else None
            with suppress(ValueError):
                urls.append(normalize_url(with_final))
    # Redirect wrappers (news aggregators) resolve to the publisher's URL: that is the story's identity.
    key_url = urls[-1]
    common = {
        "article_id": article_id(key_url),
        "source_id": candidate.source_id,
        "url": key_url,
        "published_approx": False,
        "fetched_at": fetched_at,
        "is_seed": False,
        "seen_urls": tuple(dict.fromkeys(urls)),
    }
    if page is not None and len(page.text) >= len(summary):
        return Document(
            **common,
            title=entry.title or page.title,
            author=page.author or entry.author,
            published_at=_naive_utc(entry.published_at or page.published_at),
            canonical_url=page.canonical_url,
            language=document_language(page.text, feed_language or page.language),
            text=page.text,
            text_hash=text_hash(page.text),
        )
    if page is not None:
        fetch_error = f"short_text: the page's text ({len(page.text)} characters) is shorter than the feed summary"
    text = summary or (entry.title or "")
    if not text.strip():
        log.warning("feed entry %s has no text: no page text and no summary or title", mask_credentials(candidate.url))
        return None
    return Document(
        **common,
        title=entry.title,
        author=entry.author,
        published_at=_naive_utc(entry.published_at),
        language=document_language(text, feed_language),
        text=text,
        text_hash=text_hash(text),
        summary_only=True,
        fetch_error=(fetch_error or "no page text")[:MAX_ERROR_CHARS],
    )


def _host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def fetch_articles(
    candidates: Sequence[Candidate],
    config: FetchConfig,
    fetched_at: datetime,
    *,
    feed_deadlines: Mapping[str, float | None] | None = None,
    run_deadline: float | None = None,
    feed_languages: Mapping[str, str] | None = None,
) -> tuple[list[Document], list[Candidate]]:
    """Fetch the candidates' pages: each host's queue in its own thread (at most
    MAX_PARALLEL_FETCHES hosts at once), in order. Returns the documents (in candidate order) and
    the candidates a deadline left unfetched, for the backlog.

    `feed_deadlines`: source_id → that feed's deadline (from its poll); a feed not polled this run
    gets `feed_deadline_s` from its first page fetch. Everything ends by `run_deadline`.
    `feed_languages`: source_id → that feed's `lang`."""
    if not candidates:
        return [], []
    run_deadline = run_deadline_from_now(config) if run_deadline is None else run_deadline
    deadlines: dict[str, float] = {k: min(v, run_deadline) for k, v in (feed_deadlines or {}).items() if v is not None}
    deadlines_lock = threading.Lock()
    results: list[Document | str | None] = [None] * len(candidates)
    queues: dict[str, list[int]] = {}
    for index, candidate in enumerate(candidates):
        queues.setdefault(_host_of(candidate.url), []).append(index)

    with Fetcher(fetch_settings(config)) as fetcher:

        def deadline_of(source_id: str) -> float:
            with deadlines_lock:
                if source_id not in deadlines:
                    deadlines[source_id] = min(fetcher.clock() + config.feed_deadline_s, run_deadline)
                return deadlines[source_id]

        def work(queue: list[int]) -> None:
            for index in queue:
                candidate = candidates[index]
                results[index] = fetch_article(
                    fetcher,
                    candidate,
                    fetched_at,
                    fetch_pages=config.fetch_pages,
                    deadline=deadline_of(candidate.source_id) if config.fetch_pages else None,
                    feed_language=(feed_languages or {}).get(candidate.source_id),
                )
                shown.advance()

        with (
            ThreadPoolExecutor(min(MAX_PARALLEL_FETCHES, len(queues))) as pool,
            progress("fetching pages", total=len(candidates), unit="pages") as shown,
        ):
            for future in [pool.submit(work, queue) for queue in queues.values()]:
                future.result()
    documents = [r for r in results if isinstance(r, Document)]
    deferred = [c for c, r in zip(candidates, results, strict=True) if r == DEFERRED]
    return documents, deferred
