"""The digest of `mode = "digest"` alerts for one channel: grouped by development (story thread:
the alerts whose article has a thread under its label, the most recently active development first;
the rest under "other"), split into as few messages as fit the channel, each alert whole with its
dedup_key. Pure: no I/O (sending, and reading each alert's thread, is flows/alerts/delivery.py's)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flows.alerts.alert import DIGEST_KIND, alert_id, iso
from flows.alerts.messages import UNLIMITED, MessageLimit, clip_to, fit_lines


@dataclass(frozen=True, slots=True)
class DigestMessage:
    """One message of a digest to one channel: as many whole alerts as fit the channel's limit."""

    title: str
    body: str
    payload: dict[str, Any]  # this message's own dedup_key, part/parts, the carried alerts' keys and items
    members: tuple[str, ...]  # dedup_keys of the alerts it carries, in message order

    @property
    def dedup_key(self) -> str:
        return str(self.payload["dedup_key"])


OTHER = "other"  # the group of the alerts whose article has no thread


def digest_item(p: Mapping[str, Any], thread: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """What a digest shows of one alert (`thread`: its article's thread now, if it has one)."""
    return {
        "alert_id": p.get("alert_id"),
        "dedup_key": p.get("dedup_key"),
        "rule": p.get("rule"),
        "kind": p.get("kind"),
        "title": p.get("title"),
        "summary": p.get("summary"),
        "created_at": p.get("created_at"),
        "articles": list(p.get("articles") or [])[:3],
        "outlets": list(p.get("outlets") or []),
        "scores": p.get("scores") or {},
        "thread": {"thread_id": thread["thread_id"], "label": thread.get("label")} if thread else None,
    }


def _group_header(item: Mapping[str, Any]) -> str:
    thread = item.get("thread")
    if not thread:
        return f"== {OTHER} =="
    return f"== {thread.get('label') or thread['thread_id']} (thread {thread['thread_id']}) =="


def digest_message_key(member_keys: Iterable[str]) -> str:
    """A digest message's dedup_key: a hash of the alerts it carries (the same alerts, the same key,
    so a message sent again after a crash repeats its key)."""
    joined = "\n".join(sorted(str(k) for k in member_keys))
    return hashlib.sha256(f"{DIGEST_KIND}\x1f{joined}".encode()).hexdigest()[:32]


def _digest_block(item: Mapping[str, Any]) -> list[str]:
    lines = [f"• [{item.get('rule')}] {item.get('title')}"]
    for article in (item.get("articles") or [])[:1]:
        if article.get("url"):
            lines.append(f"  {article.get('source')} — {article.get('url')}")
    if item.get("summary"):
        lines.append(f"  {item['summary']}")
    return lines


def _digest_title(now: datetime, part: int, parts: int, count: int, total: int) -> str:
    if parts == 1:
        return f"storywatch digest {now:%Y-%m-%d}: {count} alert{'s' if count != 1 else ''}"
    return f"storywatch digest {now:%Y-%m-%d} ({part}/{parts}): {count} of {total} alerts"


def _digest_footer(key: str, part: int, parts: int, report: str | None = None) -> str:
    where = f", part {part}/{parts}" if parts > 1 else ""
    # The report line is part of the footer: in every part, counted when parts are packed.
    link = f"Latest report: {report}\n" if report else ""
    return f"{link}dedup_key: {key} (digest {alert_id(key)}{where})"


def _digest_body(items: Sequence[Mapping[str, Any]], blocks: Sequence[Sequence[str]], footer: str) -> list[str]:
    lines: list[str] = []
    current = None
    for item, block in zip(items, blocks, strict=True):
        if _group_header(item) != current:  # every message names its groups, so a part reads on its own
            current = _group_header(item)
            lines.append(current)
        lines += block
        lines.append(f"  dedup_key: {item.get('dedup_key')}")
    lines.append(footer)
    return lines


def _group_order(thread: Mapping[str, Any] | None) -> tuple[int, float, str]:
    """Threads first, the most recently active first; "other" last."""
    if not thread:
        return (1, 0.0, "")
    last = thread.get("last_seen")
    return (0, -last.timestamp() if isinstance(last, datetime) else 0.0, str(thread["thread_id"]))


def digest_messages(
    members: Sequence[Mapping[str, Any]],
    *,
    now: datetime,
    limit: MessageLimit = UNLIMITED,
    report: str | None = None,
    threads: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[DigestMessage]:
    """The digest of `members` (alert payloads) for one channel, grouped by thread, split into as few
    messages as fit `limit`, numbered "(1/3)". Every alert is in exactly one message, whole with
    its dedup_key line (an alert too long for a message on its own is shortened, never dropped).
    `threads`: dedup_key → the thread (thread_id, label, last_seen) of the alert's article, for
    those that have one; within a group alerts are by rule, then time.
    `report`: the latest report's link (URL or file path), a line of every message and a field of
    its payload."""
    threads = threads or {}
    if not members:
        return []
    items = sorted(
        (digest_item(p, threads.get(str(p["dedup_key"]))) for p in members),
        key=lambda i: (
            *_group_order(threads.get(str(i["dedup_key"]))),
            str(i["rule"]),
            str(i["created_at"]),
            str(i["dedup_key"]),
        ),
    )
    total = len(items)
    widest_title = limit.clip_title(_digest_title(now, total, 10 * total, total, total))
    widest_footer = _digest_footer("0" * 32, total, 10 * total, report)

    def fits(chunk: Sequence[Mapping[str, Any]], blocks: Sequence[Sequence[str]]) -> bool:
        return limit.fits(widest_title, "\n".join(_digest_body(chunk, blocks, widest_footer)))

    # Greedy packing: an alert goes into the current message while the message still fits.
    chunks: list[tuple[list[Mapping[str, Any]], list[list[str]]]] = []
    chunk: list[Mapping[str, Any]] = []
    blocks: list[list[str]] = []
    for item in items:
        block = _digest_block(item)
        if chunk and fits([*chunk, item], [*blocks, block]):
            chunk.append(item)
            blocks.append(block)
            continue
        if chunk:
            chunks.append((chunk, blocks))
        if not fits([item], [block]):
            block = _shrink_block(item, block, limit, widest_title, widest_footer)
        chunk, blocks = [item], [block]
    chunks.append((chunk, blocks))

    messages = []
    parts = len(chunks)
    for number, (chunk, blocks) in enumerate(chunks, start=1):
        keys = tuple(str(i["dedup_key"]) for i in chunk)
        key = digest_message_key(keys)
        title = limit.clip_title(_digest_title(now, number, parts, len(chunk), total))
        body = "\n".join(_digest_body(chunk, blocks, _digest_footer(key, number, parts, report)))
        if not limit.fits(title, body) and limit.body is not None:  # only below ~150 characters (SMS)
            body = clip_to(body, max(0, limit.body - limit.size(title, "")), limit.measure)
        rules = sorted({str(i.get("rule")) for i in chunk})
        groups = list(dict.fromkeys((i["thread"] or {}).get("thread_id", OTHER) for i in chunk))
        payload = {
            "dedup_key": key,
            "alert_id": alert_id(key),
            "rule": DIGEST_KIND,
            "kind": DIGEST_KIND,
            "mode": DIGEST_KIND,
            "subject": f"digest:{key}",
            "title": title,
            "summary": f"{len(chunk)} of {total} digest alerts from {', '.join(rules)}",
            "created_at": iso(now),
            "part": number,
            "parts": parts,
            "dedup_keys": list(keys),
            "threads": groups,
            "items": [dict(i) for i in chunk],
        }
        if report:
            payload["report"] = report
        messages.append(DigestMessage(title, body, payload, keys))
    return messages


def _shrink_block(item: Mapping[str, Any], block: list[str], limit: MessageLimit, title: str, footer: str) -> list[str]:
    """An alert too long for a message of its own: its lines cut to fit around the rule header, its
    dedup_key line and the footer (both always kept)."""
    header = _group_header(item)
    key_line = f"  dedup_key: {item.get('dedup_key')}"
    body, _ = fit_lines([header, *block], [key_line, footer], title, limit, what="alert")
    lines = body.split("\n")
    return [line for line in lines[1:] if line not in (key_line, *footer.split("\n"))]
