"""`new_coverage`: a new relevant story. One alert per near-duplicate cluster with a new relevant
article; its syndicated copies and the other URLs its text was seen under are listed as outlets.

With `group_by = "thread"`: one alert per development (story thread) and story day (UTC) with new
relevant coverage, listing every outlet that carried it that day — not one per outlet's piece.
Subject 'thread:<id>:<day>'; an article that gets no thread (below the topic's relevance bar, or
[threads] off) still alerts by its cluster, and a relevant one not yet threaded (its run's threads
step failed: the next run assigns it) waits for its thread rather than alerting twice."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from flows.alerts.alert import (
    Alert,
    alerted_in_lineage,
    article_summary,
    event_summary,
    make_alert,
    outlets_of,
    seen_at,
    thread_outlets,
    thread_subject,
    thread_summary,
    top_entities,
)
from flows.alerts.kind import PARAM_MAX, AlertKind, Evaluation, in_languages
from flows.config import AlertRuleConfig, at_least, language_code, non_empty, one_of

GROUPINGS = ("cluster", "thread")


@dataclass(frozen=True)
class NewCoverageParams:
    min_relevance: float | None = field(default=None, metadata=at_least(0, PARAM_MAX))  # None: [topic] min_relevance
    actors: tuple[str, ...] = field(default=(), metadata=non_empty())  # every one must be mentioned
    keywords: tuple[str, ...] = field(default=(), metadata=non_empty())  # at least one (title or text, any case)
    max_age_hours: float = field(default=72.0, metadata=at_least(0, PARAM_MAX))  # older publication dates are not news
    include_seeds: bool = False
    group_by: str = field(default="cluster", metadata=one_of(*GROUPINGS))  # one alert per story, or per development
    languages: tuple[str, ...] = field(default=(), metadata=language_code())  # only articles in these (ISO 639-1)


def evaluate(rules: Sequence[AlertRuleConfig], evaluation: Evaluation) -> list[Alert]:
    from warehouse import alerts as store  # not at import: the config loader reads this module's parameters

    con = evaluation.con
    candidates = store.coverage_candidates(con, evaluation.since)
    ids = [c["article_id"] for c in candidates]
    clusters = {c["cluster_id"] for c in candidates}
    entities = store.article_entities(con, ids)
    events = store.article_events(con, ids)
    copies = store.cluster_copies(con, clusters)
    aliases = store.cluster_aliases(con, clusters)
    by_thread = [rule for rule in rules if rule.params.group_by == "thread"]
    threads = store.article_threads(con, ids) if by_thread else {}
    absorbed = store.thread_absorbed(con, {t["thread_id"] for t in threads.values()}) if by_thread else {}
    found: list[Alert] = []
    for rule in rules:
        alerted = evaluation.alerted(rule, "thread:") if rule in by_thread else set()
        found += coverage_alerts(
            rule,
            candidates,
            copies,
            entities,
            events,
            now=evaluation.now,
            topic_min_relevance=evaluation.config.topic.min_relevance,
            aliases=aliases,
            threads=threads if evaluation.config.threads.enabled else None,
            absorbed=absorbed,
            alerted=alerted,
        )
    return found


def coverage_alerts(
    rule: AlertRuleConfig,
    candidates: Sequence[Mapping[str, Any]],
    copies: Mapping[str, Sequence[Mapping[str, Any]]],
    entities: Mapping[str, Sequence[Mapping[str, Any]]],
    events: Mapping[str, Sequence[Mapping[str, Any]]],
    *,
    now: datetime,
    topic_min_relevance: float,
    aliases: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    threads: Mapping[str, Mapping[str, Any]] | None = None,
    absorbed: Mapping[str, Sequence[str]] | None = None,
    alerted: set[str] | None = None,
) -> list[Alert]:
    """One alert per near-duplicate cluster with a new relevant article; syndicated copies (same
    `cluster_id`, in `copies`) and identical texts seen under other URLs (`aliases`) are listed as
    the outlets that carried it.

    `entities` per article: rows of entity_id, name, mentions and actor_id (the state a person or
    place stands for), so `actors = ["PRK"]` is met by "Pyongyang" or "Kim Jong Un" too.

    `group_by = "thread"`: articles with a thread (`threads`: article_id → its current thread's row;
    None when threads are off) are grouped by thread and story day instead; `absorbed` (threads
    merged into each) and `alerted` (the rule's subjects so far) keep a development merged into
    another from alerting twice a day."""
    params: NewCoverageParams = rule.params
    threshold = params.min_relevance if params.min_relevance is not None else topic_min_relevance
    oldest = now - timedelta(hours=params.max_age_hours)
    required = set(params.actors)
    by_thread = params.group_by == "thread"
    matching: dict[tuple[str, str], list[Mapping[str, Any]]] = defaultdict(list)
    for row in candidates:
        if (row.get("relevance") or 0.0) < threshold:
            continue
        if row.get("is_seed") and not params.include_seeds:
            continue
        if not in_languages(row, params.languages):
            continue
        if seen_at(row) < oldest:
            continue
        ids = {e["entity_id"] for e in entities.get(row["article_id"], ())}
        ids |= {e.get("actor_id") for e in entities.get(row["article_id"], ()) if e.get("actor_id")}
        if not required <= ids:
            continue
        if params.keywords and not _keywords_in(row, params.keywords):
            continue
        thread = (threads or {}).get(row["article_id"]) if by_thread else None
        if thread is not None:
            matching[(thread["thread_id"], seen_at(row).date().isoformat())].append(row)
        elif by_thread and threads is not None and (row.get("relevance") or 0.0) >= topic_min_relevance:
            continue  # relevant, so it gets a thread (the next run's step, if this run's failed): alerted then
        else:
            matching[(row.get("cluster_id") or row["article_id"], "")].append(row)
    alerts = []
    for (group_id, day), rows in sorted(matching.items()):
        rows = sorted(rows, key=lambda r: (seen_at(r), r["article_id"]))
        lead = rows[0]
        members = {
            r["article_id"]: r
            for c in {r.get("cluster_id") or r["article_id"] for r in rows}
            for r in copies.get(c, ())
        } | {r["article_id"]: r for r in rows}
        articles = sorted(members.values(), key=lambda r: (seen_at(r), r["article_id"]))
        if day:  # a development's coverage that day
            thread = (threads or {})[lead["article_id"]]
            if alerted_in_lineage(alerted or set(), group_id, (absorbed or {}).get(group_id, ()), day):
                continue
            outlets = thread_outlets(articles)
            subject, headline = thread_subject(group_id, day), thread.get("label") or lead.get("title")
            grouping: dict[str, Any] = {"thread": thread_summary(thread), "day": day}
        else:
            outlets = outlets_of(articles, (aliases or {}).get(group_id, ()))
            subject, headline, grouping = f"cluster:{group_id}", lead.get("title"), {"cluster_id": group_id}
        best = max(rows, key=lambda r: r.get("relevance") or 0.0)
        mentioned = top_entities([entities.get(r["article_id"], ()) for r in rows])
        found_keywords = sorted({k for r in rows for k in _keywords_in(r, params.keywords)})
        why = [f"relevance {best.get('relevance') or 0:.2f} ≥ {threshold:.2f}"]
        if required:
            why.append("mentions " + ", ".join(sorted(required)))
        if found_keywords:
            why.append("keywords " + ", ".join(found_keywords))
        if len(outlets) > 1:
            why.append(f"carried by {len(outlets)} outlets")
        alerts.append(
            make_alert(
                rule,
                subject,
                f"New coverage: {headline or '(untitled)'}",
                now,
                summary="; ".join(why),
                article_id=lead["article_id"],
                articles=[article_summary(a) for a in articles[:10]],
                outlets=outlets,
                entities=mentioned,
                events=[event_summary(e) for e in events.get(lead["article_id"], ())][:5],
                scores={"relevance": best.get("relevance") or 0.0, "threshold": threshold, "copies": len(articles)},
                extra={**grouping, "keywords": found_keywords},
            )
        )
    return alerts


def _keywords_in(row: Mapping[str, Any], keywords: Iterable[str]) -> list[str]:
    haystack = f"{row.get('title') or ''}\n{row.get('text') or ''}".lower()
    return [k for k in keywords if k.lower() in haystack]


KIND = AlertKind("new_coverage", NewCoverageParams, evaluate)
