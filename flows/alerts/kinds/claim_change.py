"""`claim_change`: a reported figure for the same subject (and quantity, unit) moving by more than
`min_change` of the previous report from another article. One alert per new figure."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from flows.alerts.alert import Alert, article_summary, make_alert, outlets_of, seen_at
from flows.alerts.kind import PARAM_MAX, AlertKind, Evaluation
from flows.alerts.messages import format_figure
from flows.config import AlertRuleConfig, at_least, non_empty


@dataclass(frozen=True)
class ClaimChangeParams:
    min_change: float = field(default=0.25, metadata=at_least(0, PARAM_MAX))  # share of the previous figure
    max_age_hours: float = field(default=72.0, metadata=at_least(0, PARAM_MAX))
    subjects: tuple[str, ...] = field(default=(), metadata=non_empty())  # only these subject ids (empty: all)
    include_hedged: bool = True


def evaluate(rules: Sequence[AlertRuleConfig], evaluation: Evaluation) -> list[Alert]:
    from warehouse import alerts as store  # not at import: the config loader reads this module's parameters

    rows = store.claim_candidates(evaluation.con, evaluation.since)
    found: list[Alert] = []
    for rule in rules:
        found += claim_alerts(rule, rows, now=evaluation.now)
    return found


def figure(low: float | None, high: float | None) -> float | None:
    """One number for a reported figure: the midpoint of a range, else whichever bound is known."""
    if low is not None and high is not None:
        return (low + high) / 2
    return low if low is not None else high


def change_share(previous: float | None, current: float | None) -> float | None:
    if previous is None or current is None:
        return None
    if previous == 0:
        return math.inf if current != 0 else 0.0
    return abs(current - previous) / abs(previous)


def claim_alerts(rule: AlertRuleConfig, rows: Sequence[Mapping[str, Any]], *, now: datetime) -> list[Alert]:
    """A reported figure for the same subject (and quantity, unit) moving by more than `min_change`
    of the previous report. One alert per new figure."""
    params: ClaimChangeParams = rule.params
    oldest = now - timedelta(hours=params.max_age_hours)
    wanted = set(params.subjects)
    alerts: dict[str, Alert] = {}
    for row in sorted(rows, key=lambda r: (seen_at(r), r["claim_id"])):
        if wanted and row["subject_id"] not in wanted:
            continue
        if row.get("hedged") and not params.include_hedged:
            continue
        if seen_at(row) < oldest:
            continue
        previous = figure(row.get("prev_low"), row.get("prev_high"))
        current = figure(row.get("value_low"), row.get("value_high"))
        share = change_share(previous, current)
        if share is None or share < params.min_change or share == 0:
            continue
        unit = row.get("unit")
        before = format_figure(row.get("prev_low"), row.get("prev_high"), unit)
        after = format_figure(row.get("value_low"), row.get("value_high"), unit)
        direction = "+" if (current or 0) >= (previous or 0) else "−"
        pct = "new" if math.isinf(share) else f"{direction}{share:.0%}"
        subject = f"claim:{row['subject_id']}|{row['what']}|{unit or ''}|{row.get('value_low')}|{row.get('value_high')}"
        what = f"{row.get('subject_name') or row['subject_id']} {row['what']}"
        new_article = article_summary(row)
        old_article = article_summary(
            {
                "article_id": row.get("prev_article_id"),
                "title": row.get("prev_title"),
                "source": row.get("prev_source"),
                "url": row.get("prev_url"),
                "published_at": row.get("prev_published_at"),
                "relevance": None,
            }
        )
        alert = make_alert(
            rule,
            subject,
            f"Figure changed: {what} {before} → {after} ({pct})",
            now,
            summary=f"{what}: {before} previously reported, now {after} ({pct}; threshold {params.min_change:.0%})",
            article_id=row["article_id"],
            articles=[new_article, old_article],
            outlets=outlets_of([new_article, old_article]),
            entities=[{"entity_id": row["subject_id"], "name": row.get("subject_name") or row["subject_id"]}],
            figures=[
                {
                    "subject_id": row["subject_id"],
                    "what": row["what"],
                    "unit": unit,
                    "previous_low": row.get("prev_low"),
                    "previous_high": row.get("prev_high"),
                    "previous_sentence": row.get("prev_sentence"),
                    "value_low": row.get("value_low"),
                    "value_high": row.get("value_high"),
                    "hedged": bool(row.get("hedged")),
                    "sentence": row.get("sentence"),
                }
            ],
            scores={"change": None if math.isinf(share) else share, "threshold": params.min_change},
        )
        alerts.setdefault(alert.dedup_key, alert)
    return list(alerts.values())


KIND = AlertKind("claim_change", ClaimChangeParams, evaluate)
