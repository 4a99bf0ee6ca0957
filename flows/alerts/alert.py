"""An alert: what it is about, its identity and its JSON-ready payload, and what an alert shows of
the rows it is about (shared by the kinds in flows/alerts/kinds/).

Each alert is about one *subject* (a story cluster, an actor pair on its first appearance, an
entity's mentions on one day, a reported figure, a feed's failure episode); its `dedup_key` is a hash
of (rule name, kind, subject), so the same rule can never alert twice about the same subject. Keys
and alert ids are stored: how they are made must not change.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flows.config import AlertRuleConfig

DIGEST_KIND = "digest"  # the rule, kind and mode named by a digest message's payload


def dedup_key(rule: str, kind: str, subject: str) -> str:
    """The alert's identity: one rule never alerts twice about one subject."""
    return hashlib.sha256(f"{rule}\x1f{kind}\x1f{subject}".encode()).hexdigest()[:32]


def alert_id(key: str) -> str:
    return f"a-{key[:10]}"


@dataclass(frozen=True, slots=True)
class Alert:
    rule: str
    kind: str
    mode: str
    subject: str
    title: str
    payload: dict[str, Any]
    article_id: str | None = None

    @property
    def dedup_key(self) -> str:
        return str(self.payload["dedup_key"])

    @property
    def alert_id(self) -> str:
        return str(self.payload["alert_id"])


def make_alert(
    rule: AlertRuleConfig,
    subject: str,
    title: str,
    now: datetime,
    *,
    summary: str,
    article_id: str | None = None,
    articles: Sequence[Mapping[str, Any]] = (),
    outlets: Sequence[str] = (),
    entities: Sequence[Mapping[str, Any]] = (),
    events: Sequence[Mapping[str, Any]] = (),
    figures: Sequence[Mapping[str, Any]] = (),
    scores: Mapping[str, Any] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Alert:
    key = dedup_key(rule.name, rule.kind, subject)
    payload: dict[str, Any] = {
        "dedup_key": key,
        "alert_id": alert_id(key),
        "rule": rule.name,
        "kind": rule.kind,
        "mode": rule.mode,
        "subject": subject,
        "title": title,
        "summary": summary,
        "created_at": iso(now),
        "articles": [_plain_row(a) for a in articles],
        "outlets": list(outlets),
        "entities": [_plain_row(e) for e in entities],
        "events": [_plain_row(e) for e in events],
        "figures": [_plain_row(f) for f in figures],
        "scores": _plain_row(scores or {}),
    }
    if extra:
        payload.update(_plain_row(extra))
    return Alert(rule.name, rule.kind, rule.mode, subject, title, payload, article_id)


def iso(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat() + ("Z" if value.tzinfo is None else "")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _plain_row(row: Mapping[str, Any]) -> dict[str, Any]:
    return {str(key): plain(value) for key, value in row.items()}


def plain(value: Any) -> Any:
    """JSON-ready: dates as ISO strings, floats rounded (non-finite → None), containers recursed."""
    if isinstance(value, float):
        return round(value, 4) if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return _plain_row(value)
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    return iso(value)


# --- what an alert shows of the rows it is about -------------------------------------------------


def seen_at(row: Mapping[str, Any]) -> datetime:
    return row.get("published_at") or row["fetched_at"]


def article_summary(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "article_id": row["article_id"],
        "title": row.get("title") or "(untitled)",
        "source": row.get("source") or row.get("source_id"),
        "url": row.get("url"),
        "published_at": row.get("published_at"),
        "relevance": row.get("relevance"),
    }


def outlets_of(articles: Iterable[Mapping[str, Any]], aliases: Iterable[Mapping[str, Any]] = ()) -> list[str]:
    """The sources that carried the articles (and their aliases), in order, each once."""
    seen: dict[str, None] = {}
    for row in [*articles, *aliases]:
        name = row.get("source") or row.get("source_id")
        if name:
            seen.setdefault(str(name), None)
    return list(seen)


def top_entities(groups: Iterable[Iterable[Mapping[str, Any]]], limit: int = 8) -> list[dict[str, Any]]:
    counts: dict[str, int] = defaultdict(int)
    names: dict[str, str] = {}
    for group in groups:
        for row in group:
            counts[row["entity_id"]] += int(row.get("mentions") or 1)
            names[row["entity_id"]] = row.get("name") or row["entity_id"]
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [{"entity_id": k, "name": names[k], "mentions": n} for k, n in top]


# actor_text: the words of a named actor coded as no state (actor_id None), which a message shows.
_EVENT_KEYS = ("event_type", "actor_id", "actor_text", "recipient_id", "quantity", "hedged", "sentence")


def event_summary(row: Mapping[str, Any]) -> dict[str, Any]:
    return {key: row.get(key) for key in _EVENT_KEYS}


# --- threads: what an alert shows of a development (flows/alerts/kinds/new_thread.py, thread_growth.py) ---


def thread_subject(thread_id: str, step: str = "") -> str:
    """A thread alert's subject: 'thread:<id>', or 'thread:<id>:<step>' for one of several about it."""
    return f"thread:{thread_id}:{step}" if step else f"thread:{thread_id}"


def alerted_in_lineage(alerted: Iterable[str], thread_id: str, absorbed: Iterable[str], step: str = "") -> bool:
    """Whether the rule has alerted about this step of the thread or of a thread merged into it: a
    development merged into another is still the one already announced."""
    done = set(alerted)
    return any(thread_subject(t, step) in done for t in (thread_id, *absorbed))


def thread_summary(thread: Mapping[str, Any]) -> dict[str, Any]:
    """The `thread` field of an alert's payload: what the development is and how big it is now."""
    keys = ("thread_id", "label", "status", "first_seen", "last_seen", "articles", "outlets", "stories", "key_event")
    return {key: thread.get(key) for key in keys} | {
        "main_actors": list(thread.get("main_actors") or []),
        "main_event_types": list(thread.get("main_event_types") or []),
    }


def thread_outlets(members: Iterable[Mapping[str, Any]]) -> list[str]:
    """The outlets (article_outlets) that carried a thread's articles, in order of first report, each once."""
    return list(dict.fromkeys(str(m["outlet"]) for m in members if m.get("outlet")))


def key_event_summary(key_event: str | None) -> list[dict[str, Any]]:
    """A thread's key event ('PRK AID RUS', '-' for no recipient) as an alert's event row."""
    if not key_event:
        return []
    actor, event_type, recipient = [*key_event.split(" "), "-", "-"][:3]
    return [{"actor_id": actor, "event_type": event_type, "recipient_id": None if recipient == "-" else recipient}]
