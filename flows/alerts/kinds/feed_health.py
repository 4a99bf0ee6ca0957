"""`feed_health`: a configured feed failing several times in a row, or silent (no new item) too long.
A feed that recovers closes its failing episode, so failing again is a new subject (a new alert)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from flows.alerts.alert import Alert, iso, make_alert, plain
from flows.alerts.kind import PARAM_MAX, AlertKind, Evaluation
from flows.config import AlertRuleConfig, at_least


@dataclass(frozen=True)
class FeedHealthParams:
    failures: int = field(default=3, metadata=at_least(1, PARAM_MAX))  # failures in a row
    silent_hours: float = field(default=48.0, metadata=at_least(0, PARAM_MAX))  # no new item for this long (0: never)


def evaluate(rules: Sequence[AlertRuleConfig], evaluation: Evaluation) -> list[Alert]:
    # not at import: the config loader reads this module's parameters
    from flows.feeds.polling import feed_source_id
    from warehouse import alerts as store

    con = evaluation.con
    wanted = {feed_source_id(f.url): f for f in evaluation.config.feeds if f.enabled}
    feeds = store.feed_rows(con, wanted)
    for feed in feeds:
        feed["name"] = wanted[feed["source_id"]].name  # the name as configured now
    found: list[Alert] = []
    for rule in rules:
        episodes = store.ended_failing_episodes(con, rule.name)
        health = feed_health_alerts(rule, feeds, episodes, now=evaluation.now)
        store.resolve_failing(
            con,
            rule.name,
            [f"feed:{sid}:failing:{episodes.get(sid, 0)}" for sid in health.recovered],
            evaluation.now,
        )
        found += health.alerts
    return found


@dataclass(frozen=True, slots=True)
class FeedHealth:
    alerts: list[Alert]
    recovered: list[str]  # source ids whose failing episode is over


def feed_health_alerts(
    rule: AlertRuleConfig,
    feeds: Sequence[Mapping[str, Any]],
    episodes: Mapping[str, int],
    *,
    now: datetime,
) -> FeedHealth:
    """A configured feed failing `failures` times in a row, or silent (no new item) for longer than
    `silent_hours`. `episodes`: per source, how many failing episodes of this rule already ended,
    so a feed that recovers and fails again is alerted again (a new subject)."""
    params: FeedHealthParams = rule.params
    alerts = []
    recovered = []
    for feed in sorted(feeds, key=lambda f: f["source_id"]):
        failures = int(feed.get("consecutive_failures") or 0)
        source_id = feed["source_id"]
        name = feed.get("name") or source_id
        if failures == 0:
            recovered.append(source_id)
        if failures >= params.failures:
            episode = episodes.get(source_id, 0)
            alerts.append(
                make_alert(
                    rule,
                    f"feed:{source_id}:failing:{episode}",
                    f"Feed failing: {name} ({failures} failures in a row)",
                    now,
                    summary=(
                        f"{failures} failed polls in a row ≥ {params.failures};"
                        f" last error: {feed.get('last_error') or '?'}"
                    ),
                    outlets=[name],
                    scores={"consecutive_failures": failures, "threshold": params.failures},
                    extra={"feed": _feed(feed)},
                )
            )
        silent_hours = params.silent_hours
        last_new = feed.get("last_new_item_at")
        if silent_hours and last_new is not None and failures < params.failures:
            silent = (now - last_new).total_seconds() / 3600
            if silent > silent_hours:
                alerts.append(
                    make_alert(
                        rule,
                        f"feed:{source_id}:silent:{iso(last_new)}",
                        f"Feed silent: {name} (no new item for {silent:.0f} h)",
                        now,
                        summary=f"no new item since {iso(last_new)} ({silent:.0f} h > {silent_hours:g} h)",
                        outlets=[name],
                        scores={"silent_hours": silent, "threshold_hours": silent_hours},
                        extra={"feed": _feed(feed)},
                    )
                )
    return FeedHealth(alerts, recovered)


def _feed(feed: Mapping[str, Any]) -> dict[str, Any]:
    keys = ("source_id", "name", "url", "last_status", "last_fetch_at", "consecutive_failures", "last_error")
    return plain({k: feed.get(k) for k in keys} | {"last_new_item_at": feed.get("last_new_item_at")})


KIND = AlertKind("feed_health", FeedHealthParams, evaluate)
