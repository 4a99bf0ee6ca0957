"""Alert rules as pure functions: parameters, thresholds, spike statistics, dedup keys, the grouping
of syndicated copies and the text of each message.

No I/O here: plain rows (read from the warehouse by `warehouse/alerts.py`) go in, `Alert`s come out.
Each alert is about one *subject* (a story cluster, an actor pair on its first appearance, an
entity's mentions on one day, a reported figure, a feed's failure episode); its `dedup_key` is a hash
of (rule name, kind, subject), so the same rule can never alert twice about the same subject.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flows.config import AlertRuleConfig

MODES = ("instant", "digest")
FIRST_SEEN_KINDS = ("entity", "pair", "triple", "expert")
SPIKE_TARGETS = ("entity", "pair")
DIGEST_KIND = "digest"


class RuleError(ValueError):
    """A rule in `[[alerts.rules]]` cannot be used; the message names the rule and key."""


PARAM_MAX = 1e7  # for any numeric rule parameter: 10^7 hours is 1,141 years


@dataclass(frozen=True, slots=True)
class Param:
    kind: str  # float | int | bool | str_list | float_or_none
    default: Any
    minimum: float | None = None
    choices: tuple[str, ...] = ()


# Every rule kind and its parameters (with defaults). Keys a rule gives that are not listed are errors.
KINDS: dict[str, dict[str, Param]] = {
    "new_coverage": {
        "min_relevance": Param("float_or_none", None, 0.0),  # None: [topic] min_relevance
        "actors": Param("str_list", ()),  # every one must be mentioned
        "keywords": Param("str_list", ()),  # at least one must appear (title or text, any case)
        "max_age_hours": Param("float", 72.0, 0.0),  # older publication dates are not news
        "include_seeds": Param("bool", False),
    },
    "first_seen": {
        "kinds": Param("str_list", FIRST_SEEN_KINDS, choices=FIRST_SEEN_KINDS),
        "max_age_hours": Param("float", 72.0, 0.0),
        "include_seeds": Param("bool", False),
    },
    "spike": {
        "targets": Param("str_list", SPIKE_TARGETS, choices=SPIKE_TARGETS),
        "sensitivity": Param("float", 3.0, 0.0),  # z-score above the baseline
        "min_count": Param("int", 3, 1),  # today's articles (entity) or sentences (pair), at least
        "baseline_days": Param("int", 14, 1),
        "min_history_days": Param("int", 7, 0),  # baseline days with relevant coverage needed to judge
        "ids": Param("str_list", ()),  # only these entities / actors (empty: all)
    },
    "claim_change": {
        "min_change": Param("float", 0.25, 0.0),  # share of the previous figure
        "max_age_hours": Param("float", 72.0, 0.0),
        "subjects": Param("str_list", ()),  # only these subject ids (empty: all)
        "include_hedged": Param("bool", True),
    },
    "feed_health": {
        "failures": Param("int", 3, 1),  # failures in a row
        "silent_hours": Param("float", 48.0, 0.0),  # no new item for this long (0: never)
    },
}


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    kind: str
    mode: str
    params: Mapping[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.params[key]


def parse_rule(rule: AlertRuleConfig, where: str) -> Rule:
    if not isinstance(rule.name, str) or not rule.name.strip():
        raise RuleError(f"[{where}] needs a non-empty name")
    if rule.kind not in KINDS:
        raise RuleError(f"[{where}] '{rule.name}': unknown kind {rule.kind!r} (one of {', '.join(KINDS)})")
    if rule.mode not in MODES:
        raise RuleError(f"[{where}] '{rule.name}': mode must be 'instant' or 'digest', got {rule.mode!r}")
    spec = KINDS[rule.kind]
    params: dict[str, Any] = {}
    for key, value in rule.params.items():
        if key not in spec:
            known = ", ".join(sorted(spec))
            raise RuleError(f"unknown key '{where}.{key}' for a {rule.kind} rule (known: {known})")
        params[key] = _coerce(spec[key], value, f"{where}.{key}")
    for key, param in spec.items():
        params.setdefault(key, param.default)
    return Rule(name=rule.name.strip(), kind=rule.kind, mode=rule.mode, params=params)


def parse_rules(rules: Sequence[AlertRuleConfig]) -> list[Rule]:
    parsed = [parse_rule(rule, f"alerts.rules[{i}]") for i, rule in enumerate(rules)]
    names = [r.name for r in parsed]
    for name in names:
        if names.count(name) > 1:
            raise RuleError(
                f"two alert rules are named {name!r}: names must be unique (they are part of each alert's key)"
            )
    if any(r.name == DIGEST_KIND for r in parsed):
        raise RuleError("an alert rule cannot be named 'digest' (the digest message uses that name)")
    return parsed


def _coerce(param: Param, value: Any, where: str) -> Any:
    if param.kind == "bool":
        if not isinstance(value, bool):
            raise RuleError(f"'{where}' must be true or false, got {value!r}")
        return value
    if param.kind == "str_list":
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise RuleError(f"'{where}' must be a list of strings, got {value!r}")
        for item in value:
            if param.choices and item not in param.choices:
                raise RuleError(f"'{where}': {item!r} is not one of {', '.join(param.choices)}")
        return tuple(value)
    if param.kind == "float_or_none" and value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RuleError(f"'{where}' must be a number, got {value!r}")
    if param.kind == "int" and not isinstance(value, int):
        raise RuleError(f"'{where}' must be an integer, got {value!r}")
    if not math.isfinite(value) or abs(value) > PARAM_MAX:  # nan, inf, or hours that overflow a date
        raise RuleError(f"'{where}' must be a finite number of at most {PARAM_MAX:g}, got {value!r}")
    if param.minimum is not None and value < param.minimum:
        raise RuleError(f"'{where}' must be at least {param.minimum:g}, got {value!r}")
    return value if param.kind == "int" else float(value)


# --- alerts -------------------------------------------------------------------------------------


def dedup_key(rule: str, kind: str, subject: str) -> str:
    """The alert's identity: one rule never alerts twice about one subject."""
    return hashlib.sha256(f"{rule}\x1f{kind}\x1f{subject}".encode()).hexdigest()[:32]


def alert_id(key: str) -> str:
    return f"a-{key[:10]}"


@dataclass(frozen=True, slots=True)
class Alert:
    rule: str
    kind: str
    mode: str
    subject: str
    title: str
    payload: dict[str, Any]
    article_id: str | None = None

    @property
    def dedup_key(self) -> str:
        return str(self.payload["dedup_key"])

    @property
    def alert_id(self) -> str:
        return str(self.payload["alert_id"])


def make_alert(
    rule: Rule,
    subject: str,
    title: str,
    now: datetime,
    *,
    summary: str,
    article_id: str | None = None,
    articles: Sequence[Mapping[str, Any]] = (),
    outlets: Sequence[str] = (),
    entities: Sequence[Mapping[str, Any]] = (),
    events: Sequence[Mapping[str, Any]] = (),
    figures: Sequence[Mapping[str, Any]] = (),
    scores: Mapping[str, Any] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Alert:
    key = dedup_key(rule.name, rule.kind, subject)
    payload: dict[str, Any] = {
        "dedup_key": key,
        "alert_id": alert_id(key),
        "rule": rule.name,
        "kind": rule.kind,
        "mode": rule.mode,
        "subject": subject,
        "title": title,
        "summary": summary,
        "created_at": iso(now),
        "articles": [_plain_row(a) for a in articles],
        "outlets": list(outlets),
        "entities": [_plain_row(e) for e in entities],
        "events": [_plain_row(e) for e in events],
        "figures": [_plain_row(f) for f in figures],
        "scores": _plain_row(scores or {}),
    }
    if extra:
        payload.update(_plain_row(extra))
    return Alert(rule.name, rule.kind, rule.mode, subject, title, payload, article_id)


def iso(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat() + ("Z" if value.tzinfo is None else "")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _plain_row(row: Mapping[str, Any]) -> dict[str, Any]:
    return {str(key): plain(value) for key, value in row.items()}


def plain(value: Any) -> Any:
    """JSON-ready: dates as ISO strings, floats rounded (non-finite → None), containers recursed."""
    if isinstance(value, float):
        return round(value, 4) if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return _plain_row(value)
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    return iso(value)


def _seen_at(row: Mapping[str, Any]) -> datetime:
    return row.get("published_at") or row["fetched_at"]


def _article(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "article_id": row["article_id"],
        "title": row.get("title") or "(untitled)",
        "source": row.get("source") or row.get("source_id"),
        "url": row.get("url"),
        "published_at": row.get("published_at"),
        "relevance": row.get("relevance"),
    }


# --- new_coverage -------------------------------------------------------------------------------


def coverage_alerts(
    rule: Rule,
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
    threshold = rule["min_relevance"] if rule["min_relevance"] is not None else topic_min_relevance
    oldest = now - timedelta(hours=rule["max_age_hours"])
    required = set(rule["actors"])
    keywords = [k.lower() for k in rule["keywords"]]
    matching: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in candidates:
        if (row.get("relevance") or 0.0) < threshold:
            continue
        if row.get("is_seed") and not rule["include_seeds"]:
            continue
        if _seen_at(row) < oldest:
            continue
        ids = {e["entity_id"] for e in entities.get(row["article_id"], ())}
        ids |= {e.get("actor_id") for e in entities.get(row["article_id"], ()) if e.get("actor_id")}
        if not required <= ids:
            continue
        if keywords and not _keywords_in(row, rule["keywords"]):
            continue
        matching[row.get("cluster_id") or row["article_id"]].append(row)
    alerts = []
    for cluster_id, rows in sorted(matching.items()):
        rows = sorted(rows, key=lambda r: (_seen_at(r), r["article_id"]))
        lead = rows[0]
        members = {r["article_id"]: r for r in copies.get(cluster_id, ())} | {r["article_id"]: r for r in rows}
        articles = sorted(members.values(), key=lambda r: (_seen_at(r), r["article_id"]))
        outlets = _outlets(articles, (aliases or {}).get(cluster_id, ()))
        best = max(rows, key=lambda r: r.get("relevance") or 0.0)
        mentioned = _top_entities([entities.get(r["article_id"], ()) for r in rows])
        found_keywords = sorted({k for r in rows for k in _keywords_in(r, rule["keywords"])})
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
                articles=[_article(a) for a in articles[:10]],
                outlets=outlets,
                entities=mentioned,
                events=[_event(e) for e in events.get(lead["article_id"], ())][:5],
                scores={"relevance": best.get("relevance") or 0.0, "threshold": threshold, "copies": len(articles)},
                extra={"cluster_id": cluster_id, "keywords": found_keywords},
            )
        )
    return alerts


def _keywords_in(row: Mapping[str, Any], keywords: Iterable[str]) -> list[str]:
    haystack = f"{row.get('title') or ''}\n{row.get('text') or ''}".lower()
    return [k for k in keywords if k.lower() in haystack]


def _outlets(articles: Iterable[Mapping[str, Any]], aliases: Iterable[Mapping[str, Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for row in [*articles, *aliases]:
        name = row.get("source") or row.get("source_id")
        if name:
            seen.setdefault(str(name), None)
    return list(seen)


def _top_entities(groups: Iterable[Iterable[Mapping[str, Any]]], limit: int = 8) -> list[dict[str, Any]]:
    counts: dict[str, int] = defaultdict(int)
    names: dict[str, str] = {}
    for group in groups:
        for row in group:
            counts[row["entity_id"]] += int(row.get("mentions") or 1)
            names[row["entity_id"]] = row.get("name") or row["entity_id"]
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [{"entity_id": k, "name": names[k], "mentions": n} for k, n in top]


def _event(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "event_type": row.get("event_type"),
        "actor_id": row.get("actor_id"),
        "recipient_id": row.get("recipient_id"),
        "quantity": row.get("quantity"),
        "hedged": row.get("hedged"),
        "sentence": row.get("sentence"),
    }


# --- first_seen ---------------------------------------------------------------------------------


def first_seen_alerts(
    rule: Rule,
    rows: Sequence[Mapping[str, Any]],
    names: Mapping[str, str],
    *,
    now: datetime,
) -> list[Alert]:
    """A new actor pair, (actor, event type, recipient) triple, entity or expert in the story."""
    oldest = now - timedelta(hours=rule["max_age_hours"])
    alerts = []
    for row in sorted(rows, key=lambda r: (r["kind"], r["key"])):
        if row["kind"] not in rule["kinds"]:
            continue
        if row.get("is_seed") and not rule["include_seeds"]:
            continue
        if row["first_seen_at"] < oldest:
            continue
        label = describe_first_seen(row["kind"], row["key"], names)
        article = _article(row)
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
    if kind == "pair":
        return "pair " + " – ".join(names.get(i, i) for i in key.split("–"))
    if kind == "triple":
        actor, event_type, recipient = _triple(key)
        target = f"→ {names.get(recipient, recipient)}" if recipient and recipient != "-" else "(no recipient)"
        return f"{names.get(actor, actor)} {event_type} {target}"
    if kind == "entity":
        return f"entity {names.get(key, key)}"
    return f"expert {names.get(key, key)}"


# --- spike --------------------------------------------------------------------------------------


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
    rule: Rule,
    series: Sequence[Mapping[str, Any]],
    today: date,
    active_days: Iterable[date],
    names: Mapping[str, str] | None = None,
) -> list[SpikeHit]:
    """`series`: rows of (target, key, day, value). `active_days`: days with any relevant coverage,
    so a warehouse too young to have a baseline does not call everything a spike."""
    names = names or {}
    days = [today - timedelta(days=i) for i in range(rule["baseline_days"], 0, -1)]
    history = len(set(days) & set(active_days))
    if history < rule["min_history_days"]:
        return []
    wanted = set(rule["ids"])
    by_key: dict[tuple[str, str], dict[date, float]] = defaultdict(dict)
    for row in series:
        if row["target"] not in rule["targets"]:
            continue
        by_key[(row["target"], row["key"])][row["day"]] = float(row["value"] or 0)
    hits = []
    for (target, key), values in sorted(by_key.items()):
        if wanted and not wanted & set(key.split("–")):
            continue
        count = values.get(today, 0.0)
        if count < rule["min_count"]:
            continue
        baseline = [values.get(d, 0.0) for d in days]
        mean, std = baseline_stats(baseline)
        z = spike_score(count, mean, std)
        if z >= rule["sensitivity"]:
            label = " – ".join(names.get(i, i) for i in key.split("–"))
            hits.append(SpikeHit(target, key, today, count, mean, std, z, history, label, tuple(baseline)))
    return hits


def spike_alert(
    rule: Rule,
    hit: SpikeHit,
    evidence: Sequence[Mapping[str, Any]],
    *,
    now: datetime,
    names: Mapping[str, str] | None = None,
) -> Alert:
    unit = "articles" if hit.target == "entity" else "shared sentences"
    articles = [_article(a) for a in evidence]
    return make_alert(
        rule,
        f"{hit.target}:{hit.key}:{hit.day.isoformat()}",
        f"Spike: {hit.name or hit.key} — {hit.count:g} {unit} today (baseline {hit.mean:.1f}/day)",
        now,
        summary=(
            f"{hit.count:g} {unit} on {hit.day} against a {len(hit.baseline)}-day mean of {hit.mean:.2f}"
            f" (sd {hit.std:.2f}): z = {hit.z:.1f} ≥ {rule['sensitivity']:g}"
        ),
        article_id=articles[0]["article_id"] if articles else None,
        articles=articles,
        outlets=_outlets(articles, ()),
        entities=[{"entity_id": i, "name": (names or {}).get(i, i)} for i in hit.key.split("–")],
        scores={
            "today": hit.count,
            "baseline_mean": hit.mean,
            "baseline_sd": hit.std,
            "z": hit.z,
            "sensitivity": rule["sensitivity"],
            "history_days": hit.history_days,
        },
        extra={"spike": {"target": hit.target, "key": hit.key, "day": hit.day, "unit": unit}},
    )


# --- claim_change -------------------------------------------------------------------------------


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


def format_figure(low: float | None, high: float | None, unit: str | None = None) -> str:
    def num(v: float) -> str:
        return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"

    if low is not None and high is not None and low != high:
        text = f"{num(low)}–{num(high)}"
    elif low is not None:
        text = num(low) if high is not None else f"at least {num(low)}"
    elif high is not None:
        text = f"up to {num(high)}"
    else:
        text = "?"
    return f"{text} {unit}" if unit else text


def claim_alerts(rule: Rule, rows: Sequence[Mapping[str, Any]], *, now: datetime) -> list[Alert]:
    """A reported figure for the same subject (and quantity, unit) moving by more than `min_change`
    of the previous report. One alert per new figure."""
    oldest = now - timedelta(hours=rule["max_age_hours"])
    wanted = set(rule["subjects"])
    alerts: dict[str, Alert] = {}
    for row in sorted(rows, key=lambda r: (_seen_at(r), r["claim_id"])):
        if wanted and row["subject_id"] not in wanted:
            continue
        if row.get("hedged") and not rule["include_hedged"]:
            continue
        if _seen_at(row) < oldest:
            continue
        previous = figure(row.get("prev_low"), row.get("prev_high"))
        current = figure(row.get("value_low"), row.get("value_high"))
        share = change_share(previous, current)
        if share is None or share < rule["min_change"] or share == 0:
            continue
        unit = row.get("unit")
        before = format_figure(row.get("prev_low"), row.get("prev_high"), unit)
        after = format_figure(row.get("value_low"), row.get("value_high"), unit)
        direction = "+" if (current or 0) >= (previous or 0) else "−"
        pct = "new" if math.isinf(share) else f"{direction}{share:.0%}"
        subject = f"claim:{row['subject_id']}|{row['what']}|{unit or ''}|{row.get('value_low')}|{row.get('value_high')}"
        what = f"{row.get('subject_name') or row['subject_id']} {row['what']}"
        new_article = _article(row)
        old_article = _article(
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
            summary=f"{what}: {before} previously reported, now {after} ({pct}; threshold {rule['min_change']:.0%})",
            article_id=row["article_id"],
            articles=[new_article, old_article],
            outlets=_outlets([new_article, old_article], ()),
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
            scores={"change": None if math.isinf(share) else share, "threshold": rule["min_change"]},
        )
        alerts.setdefault(alert.dedup_key, alert)
    return list(alerts.values())


# --- feed_health --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FeedHealth:
    alerts: list[Alert]
    recovered: list[str]  # source ids whose failing episode is over


def feed_health_alerts(
    rule: Rule,
    feeds: Sequence[Mapping[str, Any]],
    episodes: Mapping[str, int],
    *,
    now: datetime,
) -> FeedHealth:
    """A configured feed failing `failures` times in a row, or silent (no new item) for longer than
    `silent_hours`. `episodes`: per source, how many failing episodes of this rule already ended,
    so a feed that recovers and fails again is alerted again (a new subject)."""
    alerts = []
    recovered = []
    for feed in sorted(feeds, key=lambda f: f["source_id"]):
        failures = int(feed.get("consecutive_failures") or 0)
        source_id = feed["source_id"]
        name = feed.get("name") or source_id
        if failures == 0:
            recovered.append(source_id)
        if failures >= rule["failures"]:
            episode = episodes.get(source_id, 0)
            alerts.append(
                make_alert(
                    rule,
                    f"feed:{source_id}:failing:{episode}",
                    f"Feed failing: {name} ({failures} failures in a row)",
                    now,
                    summary=(
                        f"{failures} failed polls in a row ≥ {rule['failures']};"
                        f" last error: {feed.get('last_error') or '?'}"
                    ),
                    outlets=[name],
                    scores={"consecutive_failures": failures, "threshold": rule["failures"]},
                    extra={"feed": _feed(feed)},
                )
            )
        silent_hours = rule["silent_hours"]
        last_new = feed.get("last_new_item_at")
        if silent_hours and last_new is not None and failures < rule["failures"]:
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
    return _plain_row({k: feed.get(k) for k in keys} | {"last_new_item_at": feed.get("last_new_item_at")})


# --- message size -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MessageLimit:
    """How much one message to a channel may hold, counted the way the service counts it.

    For an apprise channel these are the service's own limits (`body_maxlen`, `title_maxlen`,
    `body_max_line_count`; flows/alerts.py reads them from the plugin) and `measure` gives a text's
    length after apprise's conversion to the service's format (Markdown escapes, HTML entities)."""

    body: int | None = None  # characters of body; None: no limit (JSONL file, console)
    title: int | None = None  # characters of title; None: no limit
    title_in_body: bool = False  # the service has no title: apprise puts it on top of the body
    lines: int | None = None  # lines of body (desktop notifications); None: no limit
    measure: Callable[[str], int] = len

    def size(self, title: str, body: str) -> int:
        """The body's length as the service counts it, with the title when it is sent in the body."""
        extra = self.measure(title) + 2 if self.title_in_body and title else 0  # apprise joins them with \r\n
        return self.measure(body) + extra

    def fits(self, title: str, body: str) -> bool:
        if self.lines is not None and len(body.splitlines()) + (1 if self.title_in_body and title else 0) > self.lines:
            return False
        return self.body is None or self.size(title, body) <= self.body

    def clip_title(self, title: str) -> str:
        """A title the service takes whole: within `title`, and (sent in the body) at most a third of it."""
        longest = self.title
        if self.title_in_body and self.body is not None:
            longest = max(20, self.body // 3)
        if longest is None or self.measure(title) <= longest:
            return title
        return _clip_to(title, longest, self.measure)


UNLIMITED = MessageLimit()


def _clip_to(text: str, budget: int, measure: Callable[[str], int]) -> str:
    """The longest prefix of `text` (with "…") whose measured length is at most `budget`."""
    if measure(text) <= budget:
        return text
    if budget < 1:
        return ""
    low, high = 0, len(text)
    while low < high:  # measured length grows with the prefix: binary search for the longest that fits
        middle = (low + high + 1) // 2
        if measure(text[:middle].rstrip() + "…") <= budget:
            low = middle
        else:
            high = middle - 1
    return (text[:low].rstrip() + "…") if low else ""


def fit_lines(
    lines: Sequence[str], tail: Sequence[str], title: str, limit: MessageLimit, *, what: str
) -> tuple[str, int]:
    """A body of `lines` then `tail` that fits `limit`: lines that do not fit are left out (a long one
    is cut when at least 40 characters of it fit) and a note says how many; `tail` (the dedup_key
    line) is always kept. Returns the body and the number of lines left out."""
    body = "\n".join([*lines, *tail])
    if limit.fits(title, body):
        return body, 0

    def note_for(left_out: int) -> str:
        count = f"{left_out} more line{'s' if left_out != 1 else ''}"
        return f"… {count} left out to fit this channel; the whole {what} is in the warehouse"

    kept: list[str] = []
    dropped = 0
    for line in lines:
        # Room is checked against the worst-case note (every remaining line left out).
        reserve = [note_for(len(lines)), *tail]
        candidate = [*kept, line]
        if limit.fits(title, "\n".join([*candidate, *reserve])):
            kept.append(line)
            continue
        if limit.body is not None and (limit.lines is None or len(kept) + len(reserve) + 1 <= limit.lines):
            room = limit.body - limit.size(title, "\n".join([*kept, "", *reserve]))
            if room >= 40:
                kept.append(_clip_to(line, room, limit.measure))
                continue
        dropped += 1
    body = "\n".join([*kept, *([note_for(dropped)] if dropped else []), *tail])
    if not limit.fits(title, body) and limit.body is not None:
        # A limit too small even for the dedup_key line (SMS, APRS): the message is cut, never overlong.
        body = _clip_to(body, max(0, limit.body - limit.size(title, "")), limit.measure)
        if limit.lines is not None:
            body = "\n".join(body.splitlines()[: max(1, limit.lines - (1 if limit.title_in_body else 0))])
    return body, dropped


# --- digest -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DigestMessage:
    """One message of a digest to one channel: as many whole alerts as fit the channel's limit."""

    title: str
    body: str
    payload: dict[str, Any]  # this message's own dedup_key, part/parts, the carried alerts' keys and items
    members: tuple[str, ...]  # dedup_keys of the alerts it carries, in message order

    @property
    def dedup_key(self) -> str:
        return str(self.payload["dedup_key"])


def digest_item(p: Mapping[str, Any]) -> dict[str, Any]:
    """What a digest shows of one alert."""
    return {
        "alert_id": p.get("alert_id"),
        "dedup_key": p.get("dedup_key"),
        "rule": p.get("rule"),
        "kind": p.get("kind"),
        "title": p.get("title"),
        "summary": p.get("summary"),
        "created_at": p.get("created_at"),
        "articles": list(p.get("articles") or [])[:3],
        "outlets": list(p.get("outlets") or []),
        "scores": p.get("scores") or {},
    }


def digest_message_key(member_keys: Iterable[str]) -> str:
    """A digest message's dedup_key: a hash of the alerts it carries (the same alerts, the same key,
    so a message sent again after a crash repeats its key)."""
    joined = "\n".join(sorted(str(k) for k in member_keys))
    return hashlib.sha256(f"{DIGEST_KIND}\x1f{joined}".encode()).hexdigest()[:32]


def _digest_block(item: Mapping[str, Any]) -> list[str]:
    lines = [f"• {item.get('title')}"]
    for article in (item.get("articles") or [])[:1]:
        if article.get("url"):
            lines.append(f"  {article.get('source')} — {article.get('url')}")
    if item.get("summary"):
        lines.append(f"  {item['summary']}")
    return lines


def _digest_title(now: datetime, part: int, parts: int, count: int, total: int) -> str:
    if parts == 1:
        return f"storywatch digest {now:%Y-%m-%d}: {count} alert{'s' if count != 1 else ''}"
    return f"storywatch digest {now:%Y-%m-%d} ({part}/{parts}): {count} of {total} alerts"


def _digest_footer(key: str, part: int, parts: int, report: str | None = None) -> str:
    where = f", part {part}/{parts}" if parts > 1 else ""
    # The report line is part of the footer: in every part, counted when parts are packed.
    link = f"Latest report: {report}\n" if report else ""
    return f"{link}dedup_key: {key} (digest {alert_id(key)}{where})"


def _digest_body(items: Sequence[Mapping[str, Any]], blocks: Sequence[Sequence[str]], footer: str) -> list[str]:
    lines: list[str] = []
    current = None
    for item, block in zip(items, blocks, strict=True):
        if item.get("rule") != current:  # every message names its rules, so a part reads on its own
            current = item.get("rule")
            lines.append(f"== {current} ({item.get('kind')}) ==")
        lines += block
        lines.append(f"  dedup_key: {item.get('dedup_key')}")
    lines.append(footer)
    return lines


def digest_messages(
    members: Sequence[Mapping[str, Any]],
    *,
    now: datetime,
    limit: MessageLimit = UNLIMITED,
    report: str | None = None,
) -> list[DigestMessage]:
    """The digest of `members` (alert payloads) for one channel, grouped by rule, split into as few
    messages as fit `limit`, numbered "(1/3)". Every alert is in exactly one message, whole with
    its dedup_key line (an alert too long for a message on its own is shortened, never dropped).
    `report`: the latest report's link (URL or file path), a line of every message and a field of
    its payload."""
    ordered = sorted(members, key=lambda p: (str(p.get("rule")), str(p.get("created_at")), str(p["dedup_key"])))
    if not ordered:
        return []
    items = [digest_item(p) for p in ordered]
    total = len(items)
    widest_title = limit.clip_title(_digest_title(now, total, 10 * total, total, total))
    widest_footer = _digest_footer("0" * 32, total, 10 * total, report)

    def fits(chunk: Sequence[Mapping[str, Any]], blocks: Sequence[Sequence[str]]) -> bool:
        return limit.fits(widest_title, "\n".join(_digest_body(chunk, blocks, widest_footer)))

    # Greedy packing: an alert goes into the current message while the message still fits.
    chunks: list[tuple[list[Mapping[str, Any]], list[list[str]]]] = []
    chunk: list[Mapping[str, Any]] = []
    blocks: list[list[str]] = []
    for item in items:
        block = _digest_block(item)
        if chunk and fits([*chunk, item], [*blocks, block]):
            chunk.append(item)
            blocks.append(block)
            continue
        if chunk:
            chunks.append((chunk, blocks))
        if not fits([item], [block]):
            block = _shrink_block(item, block, limit, widest_title, widest_footer)
        chunk, blocks = [item], [block]
    chunks.append((chunk, blocks))

    messages = []
    parts = len(chunks)
    for number, (chunk, blocks) in enumerate(chunks, start=1):
        keys = tuple(str(i["dedup_key"]) for i in chunk)
        key = digest_message_key(keys)
        title = limit.clip_title(_digest_title(now, number, parts, len(chunk), total))
        body = "\n".join(_digest_body(chunk, blocks, _digest_footer(key, number, parts, report)))
        if not limit.fits(title, body) and limit.body is not None:  # only below ~150 characters (SMS)
            body = _clip_to(body, max(0, limit.body - limit.size(title, "")), limit.measure)
        rules = sorted({str(i.get("rule")) for i in chunk})
        payload = {
            "dedup_key": key,
            "alert_id": alert_id(key),
            "rule": DIGEST_KIND,
            "kind": DIGEST_KIND,
            "mode": DIGEST_KIND,
            "subject": f"digest:{key}",
            "title": title,
            "summary": f"{len(chunk)} of {total} digest alerts from {', '.join(rules)}",
            "created_at": iso(now),
            "part": number,
            "parts": parts,
            "dedup_keys": list(keys),
            "items": [dict(i) for i in chunk],
        }
        if report:
            payload["report"] = report
        messages.append(DigestMessage(title, body, payload, keys))
    return messages


def _shrink_block(item: Mapping[str, Any], block: list[str], limit: MessageLimit, title: str, footer: str) -> list[str]:
    """An alert too long for a message of its own: its lines cut to fit around the rule header, its
    dedup_key line and the footer (both always kept)."""
    header = f"== {item.get('rule')} ({item.get('kind')}) =="
    key_line = f"  dedup_key: {item.get('dedup_key')}"
    body, _ = fit_lines([header, *block], [key_line, footer], title, limit, what="alert")
    lines = body.split("\n")
    return [line for line in lines[1:] if line not in (key_line, *footer.split("\n"))]


# --- text ---------------------------------------------------------------------------------------


def render(payload: Mapping[str, Any], *, limit: MessageLimit = UNLIMITED) -> tuple[str, str]:
    """(title, body) of one alert's message: the rule, why it fired, the article(s) with source and
    link, the matched entities / events / figures, the scores, and the dedup_key receivers can use to
    drop a repeat. Within `limit`: the least important lines are left out (and counted) first, the
    dedup_key line is always kept."""
    lines = [
        f"Rule: {payload['rule']} ({payload['kind']}, {payload['mode']})",
        f"Why: {payload.get('summary') or ''}",
    ]
    for article in payload.get("articles") or []:
        if article.get("url") or article.get("title") != "(untitled)":
            lines.append(f"Article: {article.get('title')} — {article.get('source')} — {article.get('url')}")
    outlets = payload.get("outlets") or []
    if len(outlets) > 1:
        lines.append(f"Outlets ({len(outlets)}): {', '.join(outlets)}")
    entities = payload.get("entities") or []
    if entities:
        shown = [
            f"{e.get('name') or e['entity_id']}" + (f" ×{e['mentions']}" if e.get("mentions") else "") for e in entities
        ]
        lines.append("Entities: " + ", ".join(shown))
    for event in payload.get("events") or []:
        who = f"{event.get('actor_id')} {event.get('event_type')}" + (
            f" → {event['recipient_id']}" if event.get("recipient_id") else ""
        )
        lines.append(f"Event: {who}: “{_clip(event.get('sentence') or '', 200)}”")
    for fig in payload.get("figures") or []:
        before = format_figure(fig.get("previous_low"), fig.get("previous_high"), fig.get("unit"))
        after = format_figure(fig.get("value_low"), fig.get("value_high"), fig.get("unit"))
        lines.append(f"Figure: {before} → {after}: “{_clip(fig.get('sentence') or '', 200)}”")
    scores = payload.get("scores") or {}
    if scores:
        lines.append("Scores: " + ", ".join(f"{k}={_score(v)}" for k, v in scores.items()))
    title = limit.clip_title(str(payload["title"]))
    tail = [f"dedup_key: {payload['dedup_key']} (alert {payload['alert_id']})"]
    body, _ = fit_lines(lines, tail, title, limit, what=f"alert {payload['alert_id']}")
    return title, body


def _score(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3g}"
    return str(value)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def retry_delay_s(attempts: int, base_s: float, max_s: float) -> float:
    """Exponential backoff after the `attempts`-th failed send."""
    if attempts <= 0:
        return 0.0
    return float(min(max_s, base_s * (2 ** min(attempts - 1, 30))))
