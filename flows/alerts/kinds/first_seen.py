"""`first_seen`: something new in the story: an actor pair, an (actor, event type, recipient)
triple, an entity or an expert on its first relevant article (the `first_seen` view)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from flows.alerts.alert import Alert, article_summary, make_alert
from flows.alerts.kind import PARAM_MAX, AlertKind, Evaluation, in_languages
from flows.config import AlertRuleConfig, at_least, language_code, one_of

FIRST_SEEN_KINDS = ("entity", "pair", "triple", "expert")


@dataclass(frozen=True)
class FirstSeenParams:
    kinds: tuple[str, ...] = field(default=FIRST_SEEN_KINDS, metadata=one_of(*FIRST_SEEN_KINDS))
    max_age_hours: float = field(default=72.0, metadata=at_least(0, PARAM_MAX))
    include_seeds: bool = False
    # only when the article that introduced it is in one of these languages (ISO 639-1)
    languages: tuple[str, ...] = field(default=(), metadata=language_code())


def evaluate(rules: Sequence[AlertRuleConfig], evaluation: Evaluation) -> list[Alert]:
    from warehouse import alerts as store  # not at import: the config loader reads this module's parameters

    rows = store.first_seen_candidates(evaluation.con, evaluation.since)
    found: list[Alert] = []
    for rule in rules:
        found += first_seen_alerts(rule, rows, evaluation.names, now=evaluation.now)
    return found


def first_seen_alerts(
    rule: AlertRuleConfig,
    rows: Sequence[Mapping[str, Any]],
    names: Mapping[str, str],
    *,
    now: datetime,
) -> list[Alert]:
    """A new actor pair, (actor, event type, recipient) triple, entity or expert in the story."""
    params: FirstSeenParams = rule.params
    oldest = now - timedelta(hours=params.max_age_hours)
    alerts = []
    for row in sorted(rows, key=lambda r: (r["kind"], r["key"])):
        if row["kind"] not in params.kinds:
            continue
        if row.get("is_seed") and not params.include_seeds:
            continue
        if not in_languages(row, params.languages):
            continue
        if row["first_seen_at"] < oldest:
            continue
        label = describe_first_seen(row["kind"], row["key"], names)
        article = article_summary(row)
        alerts.append(
            make_alert(
                rule,
                f"{row['kind']}:{row['key']}",
                f"First seen: {label}",
                now,
                summary=f"the first relevant article with {label}",
                article_id=row["article_id"],
                articles=[article],
                outlets=[str(article["source"])] if article["source"] else [],
                entities=[{"entity_id": i, "name": names.get(i, i)} for i in _ids_in(row["kind"], row["key"], names)],
                scores={"first_seen_at": row["first_seen_at"]},
                extra={"first_seen": {"kind": row["kind"], "key": row["key"], "label": label}},
            )
        )
    return alerts


def _ids_in(kind: str, key: str, names: Mapping[str, str]) -> list[str]:
    if kind == "expert":
        return [key] if key in names else []
    if kind == "pair":
        return key.split("–")
    if kind == "triple":
        actor, _event_type, recipient = _triple(key)
        return [i for i in (actor, recipient) if i and i != "-"]
    return [key]


def _triple(key: str) -> tuple[str, str, str]:
    actor, event_type, recipient = [*key.split(" "), "-", "-"][:3]
    return actor, event_type, recipient


def describe_first_seen(kind: str, key: str, names: Mapping[str, str]) -> str:
    """How a first appearance is named in an alert (and in the report's list of them)."""
    if kind == "pair":
        return "pair " + " – ".join(names.get(i, i) for i in key.split("–"))
    if kind == "triple":
        actor, event_type, recipient = _triple(key)
        target = f"→ {names.get(recipient, recipient)}" if recipient and recipient != "-" else "(no recipient)"
        return f"{names.get(actor, actor)} {event_type} {target}"
    if kind == "entity":
        return f"entity {names.get(key, key)}"
    return f"expert {names.get(key, key)}"


KIND = AlertKind("first_seen", FirstSeenParams, evaluate)
