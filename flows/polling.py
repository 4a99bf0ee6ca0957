"""Feed polling: which feeds are due, fetching them politely, and turning new entries into documents.

The state of each feed lives in the `sources` table (ETag, Last-Modified, last body hash, failures,
next poll). The run, not the schedule, decides what is fetched: a feed is polled when its
`next_fetch_at` has passed, so after downtime the first run catches up on everything that is due.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from extractors.article import clean_html_fragment, extract_article
from extractors.feeds import FeedEntry, ParsedFeed
from extractors.ids import article_id, stable_id, text_hash
from extractors.urls import normalize_url
from flows.config import MAX_POLL_MINUTES, FeedConfig, FetchConfig
from flows.documents import Document
from flows.feedparse import parse_feed_bounded
from flows.fetch import Fetcher, FetchError, FetchResult, FetchSettings

MAX_BACKOFF = timedelta(hours=24)
MAX_PARALLEL_FETCHES = 8  # across hosts; each host still gets one request at a time


def feed_source_id(url: str) -> str:
    """A feed's identity is its normalised URL, so renaming it in the config keeps its state."""
    try:
        key = normalize_url(url)
    except ValueError:
        key = url
    return "feed:" + stable_id("feed", key, length=12)


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


def _base_row(feed: FeedConfig, state: Mapping[str, Any] | None) -> dict[str, Any]:
    row = dict(state or {})
    row.update(source_id=feed_source_id(feed.url), kind="feed", name=feed.name, url=feed.url)
    row.setdefault("consecutive_failures", 0)
    return row


def poll_feed(
    fetcher: Fetcher,
    feed: FeedConfig,
    state: Mapping[str, Any] | None,
    now: datetime,
    *,
    parse_timeout_s: float,
    parse: Callable[..., ParsedFeed] = parse_feed_bounded,
) -> FeedPoll:
    """Fetch (conditionally) and parse one feed. Never raises: failures are recorded on the row."""
    row = _base_row(feed, state)
    row["last_fetch_at"] = now
    try:
        result: FetchResult = fetcher.fetch(
            feed.url, kind="feed", etag=row.get("etag"), last_modified=row.get("last_modified")
        )
    except FetchError as exc:
        return _failed(feed, row, now, str(exc))
    except Exception as exc:  # a bug in one feed's handling must not end the run
        return _failed(feed, row, now, f"unexpected {type(exc).__name__}: {exc}")
    row["etag"] = result.etag or row.get("etag")
    row["last_modified"] = result.last_modified or row.get("last_modified")
    if result.not_modified:
        return _succeeded(feed, row, now, "not_modified")
    body_hash = hashlib.sha256(result.body).hexdigest()[:32]
    if body_hash == row.get("last_content_hash"):
        return _succeeded(feed, row, now, "unchanged")
    parsed = parse(result.body, url=result.final_url, headers=result.headers, timeout_s=parse_timeout_s)
    if parsed.error:
        return _failed(feed, row, now, f"unusable feed: {parsed.error}")
    row["last_content_hash"] = body_hash
    poll = _succeeded(feed, row, now, "ok")
    poll.entries = list(parsed.entries)
    poll.warning = parsed.warning
    if parsed.warning:
        row["last_error"] = f"warning: {parsed.warning}"
    return poll


def _succeeded(feed: FeedConfig, row: dict[str, Any], now: datetime, status: str) -> FeedPoll:
    row.update(
        last_status=status,
        last_error=None,
        consecutive_failures=0,
        next_fetch_at=next_poll_at(now, feed.poll_minutes, 0),
    )
    return FeedPoll(feed=feed, source=row)


def _failed(feed: FeedConfig, row: dict[str, Any], now: datetime, reason: str) -> FeedPoll:
    failures = int(row.get("consecutive_failures") or 0) + 1
    row.update(
        last_status="error",
        last_error=reason,
        consecutive_failures=failures,
        next_fetch_at=next_poll_at(now, feed.poll_minutes, failures),
    )
    return FeedPoll(feed=feed, source=row, error=reason)


def poll_feeds(
    feeds: Sequence[FeedConfig],
    states: Mapping[str, Mapping[str, Any]],
    now: datetime,
    config: FetchConfig,
    *,
    all_feeds: bool = False,
) -> list[FeedPoll]:
    """Poll every enabled feed that is due (or all of them), hosts in parallel."""
    due = [f for f in feeds if f.enabled and (all_feeds or is_due(states.get(feed_source_id(f.url)), now))]
    if not due:
        return []
    with Fetcher(fetch_settings(config)) as fetcher, ThreadPoolExecutor(MAX_PARALLEL_FETCHES) as pool:
        futures = [
            pool.submit(
                poll_feed,
                fetcher,
                feed,
                states.get(feed_source_id(feed.url)),
                now,
                parse_timeout_s=config.parse_timeout_s,
            )
            for feed in due
        ]
        return [f.result() for f in futures]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A feed entry not seen before, to be fetched."""

    url: str  # normalised entry link
    source_id: str
    entry: FeedEntry


def new_candidates(polls: Iterable[FeedPoll], known_urls: set[str], *, max_per_feed: int) -> list[Candidate]:
    """Entries whose normalised link was never stored; each URL once, newest entries first."""
    seen = set(known_urls)
    out = []
    for poll in polls:
        entries = sorted(
            (e for e in poll.entries if e.link),
            key=lambda e: e.published_at.timestamp() if e.published_at else 0.0,
            reverse=True,
        )
        taken = 0
        for entry in entries:
            try:
                url = normalize_url(entry.link or "")
            except ValueError:
                continue
            if url in seen or taken >= max_per_feed:
                continue
            seen.add(url)
            taken += 1
            out.append(Candidate(url=url, source_id=poll.source["source_id"], entry=entry))
    return out


def candidate_urls(polls: Iterable[FeedPoll]) -> list[str]:
    urls = []
    for poll in polls:
        for entry in poll.entries:
            try:
                urls.append(normalize_url(entry.link or ""))
            except ValueError:
                continue
    return urls


def _naive_utc(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


def fetch_article(
    fetcher: Fetcher, candidate: Candidate, fetched_at: datetime, *, fetch_pages: bool = True
) -> Document | None:
    """Fetch and extract one entry's page; fall back to its cleaned summary. None when nothing is usable."""
    entry = candidate.entry
    summary = clean_html_fragment(entry.summary_html) if entry.summary_html else ""
    page = None
    urls = [candidate.url]
    if fetch_pages:
        try:
            result = fetcher.fetch(candidate.url, kind="page")
        except FetchError:
            result = None  # the feed's summary stands in; the article is marked summary-only
        if result is not None:
            page = extract_article(result.body, url=result.final_url)
            with suppress(ValueError):
                urls.append(normalize_url(result.final_url))
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
            language=page.language or "en",
            text=page.text,
            text_hash=text_hash(page.text),
        )
    text = summary or (entry.title or "")
    if not text.strip():
        return None
    return Document(
        **common,
        title=entry.title,
        author=entry.author,
        published_at=_naive_utc(entry.published_at),
        language=None,
        text=text,
        text_hash=text_hash(text),
        summary_only=True,
    )


def fetch_articles(candidates: Sequence[Candidate], config: FetchConfig, fetched_at: datetime) -> list[Document]:
    if not candidates:
        return []
    with Fetcher(fetch_settings(config)) as fetcher, ThreadPoolExecutor(MAX_PARALLEL_FETCHES) as pool:
        results = pool.map(lambda c: fetch_article(fetcher, c, fetched_at, fetch_pages=config.fetch_pages), candidates)
        return [r for r in results if r is not None]
