"""`spike`: an entity's articles, or an actor pair's shared sentences, far above their baseline today."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from flows.alerts.alert import Alert, article_summary, make_alert, outlets_of
from flows.alerts.kind import PARAM_MAX, AlertKind, Evaluation
from flows.config import AlertRuleConfig, at_least, non_empty, one_of

SPIKE_TARGETS = ("entity", "pair")


@dataclass(frozen=True)
class SpikeParams:
    targets: tuple[str, ...] = field(default=SPIKE_TARGETS, metadata=one_of(*SPIKE_TARGETS))
    sensitivity: float = field(default=3.0, metadata=at_least(0, PARAM_MAX))  # z-score above the baseline
    # today's articles (entity) or sentences (pair), at least
    min_count: int = field(default=3, metadata=at_least(1, PARAM_MAX))
    baseline_days: int = field(default=14, metadata=at_least(1, PARAM_MAX))
    # baseline days with relevant coverage needed to judge
    min_history_days: int = field(default=7, metadata=at_least(0, PARAM_MAX))
    ids: tuple[str, ...] = field(default=(), metadata=non_empty())  # only these entities / actors (empty: all)


def evaluate(rules: Sequence[AlertRuleConfig], evaluation: Evaluation) -> list[Alert]:
    from warehouse import alerts as store  # not at import: the config loader reads this module's parameters

    con, names = evaluation.con, evaluation.names
    today = evaluation.now.date()
    longest = max(rule.params.baseline_days for rule in rules)
    first_day = today - timedelta(days=longest)
    series = store.daily_series(con, first_day, today)
    active = store.active_days(con, first_day, today)
    found = []
    for rule in rules:
        for hit in spike_hits(rule, series, today, active, names):
            evidence = store.spike_evidence(con, hit.target, hit.key, hit.day)
            found.append(spike_alert(rule, hit, evidence, now=evaluation.now, names=names))
    return found


@dataclass(frozen=True, slots=True)
class SpikeHit:
    target: str  # entity | pair
    key: str  # entity id, or 'A–B'
    day: date
    count: float
    mean: float
    std: float
    z: float
    history_days: int
    name: str = ""
    baseline: tuple[float, ...] = field(default=())


def baseline_stats(values: Sequence[float]) -> tuple[float, float]:
    """Mean and (population) standard deviation; days without coverage count as 0."""
    if not values:
        return 0.0, 0.0
    mean = sum(values) / len(values)
    return mean, math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))


def spike_score(count: float, mean: float, std: float) -> float:
    """How far today is above the baseline, in units of its noise. The noise is at least the
    Poisson spread √mean and at least 1, so a quiet baseline does not make every mention a spike."""
    noise = max(std, math.sqrt(mean), 1.0)
    return (count - mean) / noise


def spike_hits(
    rule: AlertRuleConfig,
    series: Sequence[Mapping[str, Any]],
    today: date,
    active_days: Iterable[date],
    names: Mapping[str, str] | None = None,
) -> list[SpikeHit]:
    """`series`: rows of (target, key, day, value). `active_days`: days with any relevant coverage,
    so a warehouse too young to have a baseline does not call everything a spike."""
    params: SpikeParams = rule.params
    names = names or {}
    days = [today - timedelta(days=i) for i in range(params.baseline_days, 0, -1)]
    history = len(set(days) & set(active_days))
    if history < params.min_history_days:
        return []
    wanted = set(params.ids)
    by_key: dict[tuple[str, str], dict[date, float]] = defaultdict(dict)
    for row in series:
        if row["target"] not in params.targets:
            continue
        by_key[(row["target"], row["key"])][row["day"]] = float(row["value"] or 0)
    hits = []
    for (target, key), values in sorted(by_key.items()):
        if wanted and not wanted & set(key.split("–")):
            continue
        count = values.get(today, 0.0)
        if count < params.min_count:
            continue
        baseline = [values.get(d, 0.0) for d in days]
        mean, std = baseline_stats(baseline)
        z = spike_score(count, mean, std)
        if z >= params.sensitivity:
            label = " – ".join(names.get(i, i) for i in key.split("–"))
            hits.append(SpikeHit(target, key, today, count, mean, std, z, history, label, tuple(baseline)))
    return hits


def spike_alert(
    rule: AlertRuleConfig,
    hit: SpikeHit,
    evidence: Sequence[Mapping[str, Any]],
    *,
    now: datetime,
    names: Mapping[str, str] | None = None,
) -> Alert:
    params: SpikeParams = rule.params
    unit = "articles" if hit.target == "entity" else "shared sentences"
    articles = [article_summary(a) for a in evidence]
    return make_alert(
        rule,
        f"{hit.target}:{hit.key}:{hit.day.isoformat()}",
        f"Spike: {hit.name or hit.key} — {hit.count:g} {unit} today (baseline {hit.mean:.1f}/day)",
        now,
        summary=(
            f"{hit.count:g} {unit} on {hit.day} against a {len(hit.baseline)}-day mean of {hit.mean:.2f}"
            f" (sd {hit.std:.2f}): z = {hit.z:.1f} ≥ {params.sensitivity:g}"
        ),
        article_id=articles[0]["article_id"] if articles else None,
        articles=articles,
        outlets=outlets_of(articles),
        entities=[{"entity_id": i, "name": (names or {}).get(i, i)} for i in hit.key.split("–")],
        scores={
            "today": hit.count,
            "baseline_mean": hit.mean,
            "baseline_sd": hit.std,
            "z": hit.z,
            "sensitivity": params.sensitivity,
            "history_days": hit.history_days,
        },
        extra={"spike": {"target": hit.target, "key": hit.key, "day": hit.day, "unit": unit}},
    )


KIND = AlertKind("spike", SpikeParams, evaluate)
