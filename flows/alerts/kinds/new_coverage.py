"""`new_coverage`: a new relevant story. One alert per near-duplicate cluster with a new relevant
article; its syndicated copies and the other URLs its text was seen under are listed as outlets."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from flows.alerts.alert import Alert, article_summary, event_summary, make_alert, outlets_of, seen_at, top_entities
from flows.alerts.kind import PARAM_MAX, AlertKind, Evaluation
from flows.config import AlertRuleConfig, at_least, non_empty


@dataclass(frozen=True)
class NewCoverageParams:
    min_relevance: float | None = field(default=None, metadata=at_least(0, PARAM_MAX))  # None: [topic] min_relevance
    actors: tuple[str, ...] = field(default=(), metadata=non_empty())  # every one must be mentioned
    keywords: tuple[str, ...] = field(default=(), metadata=non_empty())  # at least one (title or text, any case)
    max_age_hours: float = field(default=72.0, metadata=at_least(0, PARAM_MAX))  # older publication dates are not news
    include_seeds: bool = False


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
    found: list[Alert] = []
    for rule in rules:
        found += coverage_alerts(
            rule,
            candidates,
            copies,
            entities,
            events,
            now=evaluation.now,
            topic_min_relevance=evaluation.config.topic.min_relevance,
            aliases=aliases,
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
) -> list[Alert]:
    """One alert per near-duplicate cluster with a new relevant article; syndicated copies (same
    `cluster_id`, in `copies`) and identical texts seen under other URLs (`aliases`) are listed as
    the outlets that carried it.

    `entities` per article: rows of entity_id, name, mentions and actor_id (the state a person or
    place stands for), so `actors = ["PRK"]` is met by "Pyongyang" or "Kim Jong Un" too."""
    params: NewCoverageParams = rule.params
    threshold = params.min_relevance if params.min_relevance is not None else topic_min_relevance
    oldest = now - timedelta(hours=params.max_age_hours)
    required = set(params.actors)
    matching: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in candidates:
        if (row.get("relevance") or 0.0) < threshold:
            continue
        if row.get("is_seed") and not params.include_seeds:
            continue
        if seen_at(row) < oldest:
            continue
        ids = {e["entity_id"] for e in entities.get(row["article_id"], ())}
        ids |= {e.get("actor_id") for e in entities.get(row["article_id"], ()) if e.get("actor_id")}
        if not required <= ids:
            continue
        if params.keywords and not _keywords_in(row, params.keywords):
            continue
        matching[row.get("cluster_id") or row["article_id"]].append(row)
    alerts = []
    for cluster_id, rows in sorted(matching.items()):
        rows = sorted(rows, key=lambda r: (seen_at(r), r["article_id"]))
        lead = rows[0]
        members = {r["article_id"]: r for r in copies.get(cluster_id, ())} | {r["article_id"]: r for r in rows}
        articles = sorted(members.values(), key=lambda r: (seen_at(r), r["article_id"]))
        outlets = outlets_of(articles, (aliases or {}).get(cluster_id, ()))
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
                f"cluster:{cluster_id}",
                f"New coverage: {lead.get('title') or '(untitled)'}",
                now,
                summary="; ".join(why),
                article_id=lead["article_id"],
                articles=[article_summary(a) for a in articles[:10]],
                outlets=outlets,
                entities=mentioned,
                events=[event_summary(e) for e in events.get(lead["article_id"], ())][:5],
                scores={"relevance": best.get("relevance") or 0.0, "threshold": threshold, "copies": len(articles)},
                extra={"cluster_id": cluster_id, "keywords": found_keywords},
            )
        )
    return alerts


def _keywords_in(row: Mapping[str, Any], keywords: Iterable[str]) -> list[str]:
    haystack = f"{row.get('title') or ''}\n{row.get('text') or ''}".lower()
    return [k for k in keywords if k.lower() in haystack]


KIND = AlertKind("new_coverage", NewCoverageParams, evaluate)
