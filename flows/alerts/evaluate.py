"""Every configured rule on the warehouse; the alerts that are new recorded, each exactly once.

An alert's row goes in with INSERT OR IGNORE on its `dedup_key` (a hash of rule, kind and subject,
flows/alerts/alert.py), with one pending delivery per channel, in one short write transaction
*before* anything is sent: a subject never gets a second row, so never a second message under
another key. Sending is flows/alerts/delivery.py's.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from flows.alerts.alert import Alert
from flows.alerts.channels import configured_channels
from flows.alerts.kind import Evaluation
from flows.alerts.kinds import KINDS
from flows.config import AlertRuleConfig, Config
from warehouse import alerts as store
from warehouse.db import utcnow


def alert_row(alert: Alert, run_id: str | None) -> dict[str, Any]:
    """The `alerts` row of an alert (store.insert_alerts)."""
    return {
        "dedup_key": alert.dedup_key,
        "alert_id": alert.alert_id,
        "rule": alert.rule,
        "kind": alert.kind,
        "mode": alert.mode,
        "subject": alert.subject,
        "title": alert.title,
        "article_id": alert.article_id,
        "run_id": run_id,
        "payload": alert.payload,
    }


def evaluate_rules(config: Config, *, now: datetime | None = None, run_id: str | None = None) -> dict[str, int]:
    """Evaluate every rule on the warehouse and record the alerts that are new; returns rule → count."""
    rules = config.alerts.rules
    if not rules or not config.alerts.enabled:
        return {}
    now = now or utcnow()
    since = now - timedelta(hours=config.alerts.lookback_hours)
    channels = [(c.id, c.display) for c in configured_channels(config.alerts)]
    by_kind: dict[str, list[AlertRuleConfig]] = {}
    for rule in rules:
        by_kind.setdefault(rule.kind, []).append(rule)
    found: list[Alert] = []
    with store.open_warehouse(config.warehouse.path, wait_s=config.warehouse.lock_wait_s) as con:
        evaluation = Evaluation(con, config, now, since)
        for kind, kind_rules in by_kind.items():
            found += KINDS[kind].evaluate(kind_rules, evaluation)
        inserted = set(store.insert_alerts(con, [alert_row(a, run_id) for a in found], channels, now))
    counts: dict[str, int] = {}
    for alert in found:
        if alert.dedup_key in inserted:
            counts[alert.rule] = counts.get(alert.rule, 0) + 1
            inserted.discard(alert.dedup_key)
    return counts
