"""`thread_growth`: a development that spreads or surges, measured against its own history.

Two measures, each alerting once per step:

- `outlets`: steps of `first_step` outlets, doubling (4, 8, 16, 32, … by default). A step counts when
  the thread crosses it on a later story day than its first (a thread born big is `new_thread`'s
  news, not growth); when one day crosses several steps, only the highest alerts. Subject
  'thread:<id>:outlets>=<step>'.
- `articles`: today's articles (by story time, UTC) against the thread's own daily baseline over the
  `baseline_days` before today (its days before it opened do not count; it needs
  `min_history_days` of them): z = (today − mean) / max(sd, √mean, 1), as `spike` scores.
  Subject 'thread:<id>:articles:<day>'.

A step already alerted for a thread merged into this one is not alerted again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from flows.alerts.alert import (
    Alert,
    alerted_in_lineage,
    article_summary,
    key_event_summary,
    make_alert,
    thread_outlets,
    thread_subject,
    thread_summary,
)
from flows.alerts.kind import PARAM_MAX, AlertKind, ThreadsRead, thread_evaluation
from flows.alerts.kinds.spike import baseline_stats, spike_score
from flows.config import AlertRuleConfig, at_least, non_empty, one_of

GROWTH_MEASURES = ("outlets", "articles")


@dataclass(frozen=True)
class ThreadGrowthParams:
    measures: tuple[str, ...] = field(default=GROWTH_MEASURES, metadata=one_of(*GROWTH_MEASURES))
    first_step: int = field(default=4, metadata=at_least(2, PARAM_MAX))  # outlets: alert at 4, 8, 16, …
    sensitivity: float = field(default=3.0, metadata=at_least(0, PARAM_MAX))  # articles: z over its own baseline
    min_articles: int = field(default=5, metadata=at_least(1, PARAM_MAX))  # articles today, at least
    baseline_days: int = field(default=7, metadata=at_least(1, PARAM_MAX))
    min_history_days: int = field(default=2, metadata=at_least(1, PARAM_MAX))  # days of its life before today
    actors: tuple[str, ...] = field(default=(), metadata=non_empty())  # every one among the thread's main actors
    max_age_hours: float = field(default=72.0, metadata=at_least(0, PARAM_MAX))  # its newest article, at most
    include_seeds: bool = False


def outlet_step(outlets: int, first_step: int) -> int | None:
    """The highest step (first_step · 2^k) that `outlets` reaches, None below the first."""
    if outlets < first_step:
        return None
    step = first_step
    while step * 2 <= outlets:
        step *= 2
    return step


def growth_alerts(
    rule: AlertRuleConfig, read: ThreadsRead, alerted: set[str], names: Mapping[str, str], now: datetime
) -> list[Alert]:
    """As new_thread_alerts reads them; one alert per step reached (see the module's doc)."""
    params: ThreadGrowthParams = rule.params
    oldest = now - timedelta(hours=params.max_age_hours)
    today = now.date()
    alerts = []
    for thread, rows, lineage in read.matching(params.actors, params.include_seeds):
        thread_id = thread["thread_id"]
        if rows[-1]["seen_at"] < oldest:
            continue
        if "outlets" in params.measures:
            latest_day = rows[-1]["seen_at"].date()
            before = [m for m in rows if m["seen_at"].date() < latest_day]
            step = outlet_step(len(thread_outlets(rows)), params.first_step)
            had = len(thread_outlets(before))
            if (
                before
                and step is not None
                and had < step
                and not alerted_in_lineage(alerted, thread_id, lineage, f"outlets>={step}")
            ):
                alerts.append(_outlets_alert(rule, thread, rows, before, step, names, now=now))
        if "articles" in params.measures:
            surge = _surge(params, rows, today)
            if surge is not None and not alerted_in_lineage(alerted, thread_id, lineage, f"articles:{today}"):
                alerts.append(_surge_alert(rule, thread, rows, surge, names, now=now))
    return alerts


@dataclass(frozen=True, slots=True)
class Surge:
    day: date
    count: int
    baseline: tuple[int, ...]
    mean: float
    std: float
    z: float


def _surge(params: ThreadGrowthParams, rows: Sequence[Mapping[str, Any]], today: date) -> Surge | None:
    per_day = Counter(m["seen_at"].date() for m in rows)
    count = per_day.get(today, 0)
    if count < params.min_articles:
        return None
    born = min(per_day)
    days = [today - timedelta(days=i) for i in range(params.baseline_days, 0, -1)]
    lived = [d for d in days if d >= born]  # the thread's own days: before it opened it had no history
    if len(lived) < params.min_history_days:
        return None
    baseline = tuple(per_day.get(d, 0) for d in lived)
    mean, std = baseline_stats(baseline)
    z = spike_score(count, mean, std)
    return Surge(today, count, baseline, mean, std, z) if z >= params.sensitivity else None


def _outlets_alert(
    rule: AlertRuleConfig,
    thread: Mapping[str, Any],
    rows: Sequence[Mapping[str, Any]],
    before: Sequence[Mapping[str, Any]],
    step: int,
    names: Mapping[str, str],
    *,
    now: datetime,
) -> Alert:
    outlets = thread_outlets(rows)
    known = set(thread_outlets(before))
    new = rows[len(before) :]  # the latest day's articles (rows are in story order)
    reached = [o for o in thread_outlets(new) if o not in known]
    return _growth_alert(
        rule,
        thread,
        f"outlets>={step}",
        f"Spreading: {_label(thread, rows)} — {len(outlets)} outlets (was {len(known)})",
        f"{len(outlets)} outlets ≥ {step} (was {len(known)} before {new[0]['seen_at']:%Y-%m-%d});"
        f" newly reached: {', '.join(reached) or '-'}",
        shown=new,
        outlets=outlets,
        names=names,
        now=now,
        scores={"outlets": len(outlets), "outlets_before": len(known), "step": step, "articles": len(rows)},
        growth={"measure": "outlets", "step": step, "new_outlets": reached},
    )


def _surge_alert(
    rule: AlertRuleConfig,
    thread: Mapping[str, Any],
    rows: Sequence[Mapping[str, Any]],
    surge: Surge,
    names: Mapping[str, str],
    *,
    now: datetime,
) -> Alert:
    params: ThreadGrowthParams = rule.params
    todays = [m for m in rows if m["seen_at"].date() == surge.day]
    return _growth_alert(
        rule,
        thread,
        f"articles:{surge.day}",
        f"Surging: {_label(thread, rows)} — {surge.count} articles today (its baseline {surge.mean:.1f}/day)",
        f"{surge.count} articles on {surge.day} against its {len(surge.baseline)}-day mean of {surge.mean:.2f}"
        f" (sd {surge.std:.2f}): z = {surge.z:.1f} ≥ {params.sensitivity:g}",
        shown=todays,
        outlets=thread_outlets(todays),
        names=names,
        now=now,
        scores={"today": surge.count, "baseline_mean": surge.mean, "baseline_sd": surge.std, "z": surge.z},
        growth={"measure": "articles", "day": surge.day},
    )


def _label(thread: Mapping[str, Any], rows: Sequence[Mapping[str, Any]]) -> str:
    return str(thread.get("label") or rows[0].get("title") or thread["thread_id"])


def _growth_alert(
    rule: AlertRuleConfig,
    thread: Mapping[str, Any],
    step: str,
    title: str,
    summary: str,
    *,
    shown: Sequence[Mapping[str, Any]],
    outlets: Sequence[str],
    names: Mapping[str, str],
    now: datetime,
    scores: Mapping[str, Any],
    growth: Mapping[str, Any],
) -> Alert:
    """The alert of one growth step: the articles that made it (`shown`), the thread's outlets."""
    return make_alert(
        rule,
        thread_subject(thread["thread_id"], step),
        title,
        now,
        summary=summary,
        article_id=shown[0]["article_id"],
        articles=[article_summary(m) | {"outlet": m.get("outlet")} for m in shown[:10]],
        outlets=outlets,
        entities=[{"entity_id": a, "name": names.get(a, a)} for a in thread.get("main_actors") or ()],
        events=key_event_summary(thread.get("key_event")),
        scores=scores,
        extra={"thread": thread_summary(thread), "growth": growth},
    )


KIND = AlertKind("thread_growth", ThreadGrowthParams, thread_evaluation(growth_alerts))
