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
from flows.alerts.kind import PARAM_MAX, AlertKind, Evaluation
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


def evaluate(rules: Sequence[AlertRuleConfig], evaluation: Evaluation) -> list[Alert]:
    from warehouse import alerts as store  # not at import: the config loader reads this module's parameters

    con = evaluation.con
    threads = store.thread_candidates(con, evaluation.since)
    ids = [t["thread_id"] for t in threads]
    members = store.thread_members(con, ids)
    absorbed = store.thread_absorbed(con, ids)
    found: list[Alert] = []
    for rule in rules:
        alerted = store.rule_subjects(con, rule.name, rule.kind, "thread:")
        found += growth_alerts(rule, threads, members, absorbed, alerted, evaluation.names, now=evaluation.now)
    return found


def outlet_step(outlets: int, first_step: int) -> int | None:
    """The highest step (first_step · 2^k) that `outlets` reaches, None below the first."""
    if outlets < first_step:
        return None
    step = first_step
    while step * 2 <= outlets:
        step *= 2
    return step


def growth_alerts(
    rule: AlertRuleConfig,
    threads: Sequence[Mapping[str, Any]],
    members: Mapping[str, Sequence[Mapping[str, Any]]],
    absorbed: Mapping[str, Sequence[str]],
    alerted: set[str],
    names: Mapping[str, str],
    *,
    now: datetime,
) -> list[Alert]:
    """As new_thread_alerts reads them; one alert per step reached (see the module's doc)."""
    params: ThreadGrowthParams = rule.params
    oldest = now - timedelta(hours=params.max_age_hours)
    required = set(params.actors)
    today = now.date()
    alerts = []
    for thread in sorted(threads, key=lambda t: (t["first_seen"], t["thread_id"])):
        thread_id = thread["thread_id"]
        rows = [m for m in members.get(thread_id, ()) if params.include_seeds or not m.get("is_seed")]
        if not rows or rows[-1]["seen_at"] < oldest or not required <= set(thread.get("main_actors") or ()):
            continue
        lineage = absorbed.get(thread_id, ())
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
    had = len(known)
    new = rows[len(before) :]  # the latest day's articles (rows are in story order)
    reached = [o for o in thread_outlets(new) if o not in known]
    label = thread.get("label") or rows[0].get("title") or thread["thread_id"]
    return make_alert(
        rule,
        thread_subject(thread["thread_id"], f"outlets>={step}"),
        f"Spreading: {label} — {len(outlets)} outlets (was {had})",
        now,
        summary=(
            f"{len(outlets)} outlets ≥ {step} (was {had} before {new[0]['seen_at']:%Y-%m-%d});"
            f" newly reached: {', '.join(reached) or '-'}"
        ),
        article_id=rows[0]["article_id"],
        articles=[article_summary(m) | {"outlet": m.get("outlet")} for m in new[:10]],
        outlets=outlets,
        entities=[{"entity_id": a, "name": names.get(a, a)} for a in thread.get("main_actors") or ()],
        events=key_event_summary(thread.get("key_event")),
        scores={"outlets": len(outlets), "outlets_before": had, "step": step, "articles": len(rows)},
        extra={
            "thread": thread_summary(thread),
            "growth": {"measure": "outlets", "step": step, "new_outlets": reached},
        },
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
    label = thread.get("label") or rows[0].get("title") or thread["thread_id"]
    todays = [m for m in rows if m["seen_at"].date() == surge.day]
    return make_alert(
        rule,
        thread_subject(thread["thread_id"], f"articles:{surge.day}"),
        f"Surging: {label} — {surge.count} articles today (its baseline {surge.mean:.1f}/day)",
        now,
        summary=(
            f"{surge.count} articles on {surge.day} against its {len(surge.baseline)}-day mean of {surge.mean:.2f}"
            f" (sd {surge.std:.2f}): z = {surge.z:.1f} ≥ {params.sensitivity:g}"
        ),
        article_id=rows[0]["article_id"],
        articles=[article_summary(m) | {"outlet": m.get("outlet")} for m in todays[:10]],
        outlets=thread_outlets(todays),
        entities=[{"entity_id": a, "name": names.get(a, a)} for a in thread.get("main_actors") or ()],
        events=key_event_summary(thread.get("key_event")),
        scores={"today": surge.count, "baseline_mean": surge.mean, "baseline_sd": surge.std, "z": surge.z},
        extra={"thread": thread_summary(thread), "growth": {"measure": "articles", "day": surge.day}},
    )


KIND = AlertKind("thread_growth", ThreadGrowthParams, evaluate)
