"""`new_thread`: a new development in the story (a story thread, warehouse/migrations/011_threads.sql).

One alert per thread, the first time it counts as a development: `min_outlets` outlets (default 2:
one outlet's piece is `new_coverage`'s business; a second outlet reporting it makes it a
development) and `min_articles` articles, opened within `max_age_hours` of now. Subject
'thread:<id>', so a thread alerts once whatever happens to it later; a thread merged away never
alerts again, and a thread that absorbed one already announced is not announced again. With
`revivals = true` a dormant thread that an article revives alerts once more per revival (subject
'thread:<id>:revived:<story time of the revival>').
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from flows.alerts.alert import (
    Alert,
    alerted_in_lineage,
    article_summary,
    iso,
    key_event_summary,
    make_alert,
    thread_outlets,
    thread_subject,
    thread_summary,
)
from flows.alerts.kind import PARAM_MAX, AlertKind, ThreadsRead, thread_evaluation
from flows.config import AlertRuleConfig, at_least, language_code, non_empty


@dataclass(frozen=True)
class NewThreadParams:
    min_outlets: int = field(default=2, metadata=at_least(1, PARAM_MAX))  # distinct outlets before it counts
    min_articles: int = field(default=1, metadata=at_least(1, PARAM_MAX))
    actors: tuple[str, ...] = field(default=(), metadata=non_empty())  # every one among the thread's main actors
    max_age_hours: float = field(default=72.0, metadata=at_least(0, PARAM_MAX))  # older developments are not news
    revivals: bool = False  # alert again (once) each time an article revives the thread after it went dormant
    include_seeds: bool = False
    # only articles in these languages (ISO 639-1) count: a development reported in Korean, say
    languages: tuple[str, ...] = field(default=(), metadata=language_code())


def new_thread_alerts(
    rule: AlertRuleConfig, read: ThreadsRead, alerted: set[str], names: Mapping[str, str], now: datetime
) -> list[Alert]:
    """`read`: the threads with new articles; `alerted`: the subjects this rule has alerted about."""
    params: NewThreadParams = rule.params
    oldest = now - timedelta(hours=params.max_age_hours)
    alerts = []
    for thread, rows, lineage in read.matching(params.actors, params.include_seeds, params.languages):
        thread_id = thread["thread_id"]
        outlets = thread_outlets(rows)
        if len(rows) < params.min_articles or len(outlets) < params.min_outlets:
            continue
        if thread["first_seen"] >= oldest and not alerted_in_lineage(alerted, thread_id, lineage):
            alerts.append(_alert(rule, thread, rows, outlets, names, now=now))
        if not params.revivals:
            continue
        for revived_at in sorted({m["revived_at"] for m in rows if m.get("revived_at")}):
            step = f"revived:{iso(revived_at)}"
            since_revival = [m for m in rows if m["seen_at"] >= revived_at]
            if revived_at < oldest or alerted_in_lineage(alerted, thread_id, (), step):
                continue
            alerts.append(_alert(rule, thread, since_revival, thread_outlets(since_revival), names, now=now, step=step))
    return alerts


def _alert(
    rule: AlertRuleConfig,
    thread: Mapping[str, Any],
    rows: Sequence[Mapping[str, Any]],
    outlets: Sequence[str],
    names: Mapping[str, str],
    *,
    now: datetime,
    step: str = "",
) -> Alert:
    label = thread.get("label") or rows[0].get("title") or thread["thread_id"]
    actors = list(thread.get("main_actors") or [])
    articles = f"{len(rows)} article{'s' if len(rows) != 1 else ''}"
    carriers = f"{len(outlets)} outlet{'s' if len(outlets) != 1 else ''}"
    why = [f"{articles} from {carriers} since {rows[0]['seen_at']:%Y-%m-%d %H:%M} UTC"]
    if thread.get("key_event"):
        why.append(f"key event {thread['key_event']}")
    if actors:
        why.append("main actors " + ", ".join(names.get(a, a) for a in actors))
    return make_alert(
        rule,
        thread_subject(thread["thread_id"], step),
        f"{'Development back' if step else 'New development'}: {label}",
        now,
        summary=("revived: " if step else "") + "; ".join(why),
        article_id=rows[0]["article_id"],
        articles=[article_summary(r) | {"outlet": r.get("outlet")} for r in rows[:10]],
        outlets=outlets,
        entities=[{"entity_id": a, "name": names.get(a, a)} for a in actors],
        events=key_event_summary(thread.get("key_event")),
        scores={"articles": len(rows), "outlets": len(outlets), "stories": len({r["cluster_id"] for r in rows})},
        extra={"thread": thread_summary(thread)},
    )


KIND = AlertKind("new_thread", NewThreadParams, thread_evaluation(new_thread_alerts))
