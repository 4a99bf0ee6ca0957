"""Alerts: evaluate the rules on the warehouse, record each alert once, deliver it through apprise,
a JSONL file and the console, and retry failed sends on later runs.

Exactly-once (see also warehouse/alerts.py):

- an alert's `dedup_key` is a hash of (rule, kind, subject) (flows/alert_rules.py); the row is
  inserted with INSERT OR IGNORE on that key, in its own short write transaction, *before* anything
  is sent — a subject never gets a second row, so it never gets a second message under another key;
- each channel has its own delivery row: a send is claimed ('sending', attempts + 1) in one short
  transaction, performed with no connection open, and its outcome recorded in another; a failed
  channel is retried on later runs with exponential backoff while the channels that got the
  message are left alone; after `max_attempts` it is given up, with the error kept;
- a crash between a send and its record leaves the delivery 'sending': after `sending_timeout_s` it
  is sent again with the *same* dedup_key, which travels in every payload (JSON webhooks also get it
  as a field and an `X-Storywatch-Dedup-Key` header) so a receiver can drop the repeat.

Channel URLs may name environment variables (`${SLACK_TOKEN}`), expanded only at send time. A
channel is only ever shown masked (`slack://***`); errors are scrubbed of the URL and its secrets
before they are logged or stored.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from flows import alert_rules as rules_
from flows import urlsecrets
from flows.alert_rules import Alert, Rule
from flows.config import DEFAULT_DB_PATH, AlertsConfig, Config, load_config
from flows.polling import feed_source_id
from flows.urlsecrets import scrub
from warehouse import alerts as store
from warehouse.db import utcnow

# apprise schemes that post a JSON / form body we can add fields and headers to
_STRUCTURED_SCHEMES = frozenset({"json", "jsons", "form", "forms"})


class ChannelError(Exception):
    """A channel cannot be used (bad URL, missing environment variable); the message has no secret."""


# --- channels -----------------------------------------------------------------------------------


def mask_url(url: str) -> str:
    """A channel as it may be shown anywhere: its scheme only."""
    scheme, sep, _rest = url.partition("://")
    if not sep or not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", scheme):
        return "***"
    return f"{scheme.lower()}://***"


def expand_env(template: str, environ: dict[str, str] | None = None) -> tuple[str, list[str]]:
    """`${NAME}` → the variable's value; returns the URL and the values it took (secrets to scrub)."""
    try:
        return urlsecrets.expand_env(template, environ)
    except urlsecrets.MissingVariableError as exc:
        raise ChannelError(str(exc)) from None


def secrets_of(url: str, used: Sequence[str]) -> list[str]:
    """Every part of an expanded channel URL that could be a secret, longest first."""
    parts = {url, *used}
    try:
        split = urlsplit(url)
        parts.update(p for p in (split.username, split.password, split.hostname) if p)
        parts.update(p for p in split.path.split("/") if p)
        parts.update(v for _k, v in parse_qsl(split.query) if v)
    except ValueError:
        pass
    return sorted((p for p in parts if len(p) >= 4), key=len, reverse=True)


class Channel:
    """Where an alert goes. `send` returns None on success, else a one-line error with no secret."""

    id: str
    display: str
    local: bool = True  # needs no network

    def send(self, title: str, body: str, payload: dict[str, Any]) -> str | None:
        raise NotImplementedError


class ConsoleChannel(Channel):
    id = "console"
    display = "console"

    def send(self, title: str, body: str, payload: dict[str, Any]) -> str | None:
        indented = "\n".join(f"  {line}" for line in body.splitlines())
        sys.stdout.write(f"[storywatch alert] {title}\n{indented}\n")
        sys.stdout.flush()
        return None


class JsonlChannel(Channel):
    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self.id = f"jsonl:{path}"
        self.display = str(path)

    def send(self, title: str, body: str, payload: dict[str, Any]) -> str | None:
        line = json.dumps(payload | {"sent_at": rules_.iso(utcnow()), "message": body}, ensure_ascii=False)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as out:
                out.write(line + "\n")
        except OSError as exc:
            return f"cannot write {self.path}: {exc.strerror or exc}"
        return None


class AppriseChannel(Channel):
    local = False

    def __init__(self, template: str) -> None:
        self.template = template
        # The id is a hash of the URL as configured (with ${VAR} unexpanded): stable, reveals nothing.
        self.id = "apprise:" + hashlib.sha256(template.encode()).hexdigest()[:12]
        self.display = mask_url(template)

    def send(self, title: str, body: str, payload: dict[str, Any]) -> str | None:
        import apprise

        try:
            url, used = expand_env(self.template)
        except ChannelError as exc:
            return str(exc)
        secrets = secrets_of(url, used)
        url = self._with_fields(url, payload)
        notifier = apprise.Apprise(asset=apprise.AppriseAsset(storage_mode="memory"))
        with _quiet_apprise() as captured:
            try:
                if not notifier.add(url):
                    return f"not a usable apprise URL ({self.display}): check its scheme and parts"
                ok = notifier.notify(body=body, title=title, body_format=apprise.NotifyFormat.TEXT)
            except Exception as exc:  # a plugin bug must not end the run
                return scrub(f"{type(exc).__name__}: {exc}", secrets)
        if ok:
            return None
        log = " ".join(line.split(" - ", 2)[-1].strip() for line in captured.getvalue().splitlines() if line.strip())
        return scrub(log or "the service refused the message", secrets)[:500]

    @staticmethod
    def _with_fields(url: str, payload: dict[str, Any]) -> str:
        """JSON / form webhooks also get the dedup_key (and alert id, rule, kind) as body fields and
        as a header, so a receiver can drop a repeat without reading the text."""
        scheme = url.partition("://")[0].lower()
        if scheme not in _STRUCTURED_SCHEMES or "#" in url:
            return url
        extras = {
            ":dedup_key": payload.get("dedup_key", ""),
            ":alert_id": payload.get("alert_id", ""),
            ":rule": payload.get("rule", ""),
            ":kind": payload.get("kind", ""),
            "+X-Storywatch-Dedup-Key": payload.get("dedup_key", ""),
        }
        return url + ("&" if "?" in url else "?") + urlencode(extras)


@contextmanager
def _quiet_apprise() -> Iterator[Any]:
    """Capture apprise's log lines (to report a failure) without letting them reach other handlers."""
    import apprise

    logger = logging.getLogger("apprise")
    propagate = logger.propagate
    logger.propagate = False
    try:
        with apprise.LogCapture(level=logging.WARNING) as captured:
            yield captured
    finally:
        logger.propagate = propagate


def configured_channels(config: AlertsConfig) -> list[Channel]:
    channels: list[Channel] = [AppriseChannel(url) for url in config.channels]
    if config.jsonl:
        channels.append(JsonlChannel(config.jsonl))
    if config.console:
        channels.append(ConsoleChannel())
    return channels


# --- evaluation ---------------------------------------------------------------------------------


@dataclass
class AlertsReport:
    new: dict[str, int] = field(default_factory=dict)  # rule → alerts recorded this time
    sent: int = 0
    failed: int = 0
    gave_up: int = 0
    digest: str | None = None  # alert id of a digest recorded this time
    errors: list[str] = field(default_factory=list)

    @property
    def new_total(self) -> int:
        return sum(self.new.values())


def _logger() -> logging.Logger | logging.LoggerAdapter[logging.Logger]:
    try:
        from prefect import get_run_logger

        return get_run_logger()
    except Exception:
        return logging.getLogger("storywatch.alerts")


def _ensure_dir(db_path: str) -> None:
    if Path(db_path) == Path(DEFAULT_DB_PATH):
        Path(db_path).parent.mkdir(parents=True, exist_ok=True)


def _row(alert: Alert, run_id: str | None) -> dict[str, Any]:
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
    rules = rules_.parse_rules(config.alerts.rules)
    if not rules or not config.alerts.enabled:
        return {}
    now = now or utcnow()
    since = now - timedelta(hours=config.alerts.lookback_hours)
    channels = [(c.id, c.display) for c in configured_channels(config.alerts)]
    by_kind: dict[str, list[Rule]] = {}
    for rule in rules:
        by_kind.setdefault(rule.kind, []).append(rule)
    found: list[Alert] = []
    with store.open_warehouse(config.warehouse.path, wait_s=config.warehouse.lock_wait_s) as con:
        names = store.entity_names(con)
        if "new_coverage" in by_kind:
            candidates = store.coverage_candidates(con, since)
            ids = [c["article_id"] for c in candidates]
            clusters = {c["cluster_id"] for c in candidates}
            entities = store.article_entities(con, ids)
            events = store.article_events(con, ids)
            copies = store.cluster_copies(con, clusters)
            aliases = store.cluster_aliases(con, clusters)
            for rule in by_kind["new_coverage"]:
                found += rules_.coverage_alerts(
                    rule,
                    candidates,
                    copies,
                    entities,
                    events,
                    now=now,
                    topic_min_relevance=config.topic.min_relevance,
                    aliases=aliases,
                )
        if "first_seen" in by_kind:
            rows = store.first_seen_candidates(con, since)
            for rule in by_kind["first_seen"]:
                found += rules_.first_seen_alerts(rule, rows, names, now=now)
        if "spike" in by_kind:
            today = now.date()
            longest = max(r["baseline_days"] for r in by_kind["spike"])
            first_day = today - timedelta(days=longest)
            series = store.daily_series(con, first_day, today)
            active = store.active_days(con, first_day, today)
            for rule in by_kind["spike"]:
                for hit in rules_.spike_hits(rule, series, today, active, names):
                    evidence = store.spike_evidence(con, hit.target, hit.key, hit.day)
                    found.append(rules_.spike_alert(rule, hit, evidence, now=now, names=names))
        if "claim_change" in by_kind:
            rows = store.claim_candidates(con, since)
            for rule in by_kind["claim_change"]:
                found += rules_.claim_alerts(rule, rows, now=now)
        if "feed_health" in by_kind:
            wanted = {feed_source_id(f.url): f for f in config.feeds if f.enabled}
            feeds = store.feed_rows(con, wanted)
            for feed in feeds:
                feed["name"] = wanted[feed["source_id"]].name  # the name as configured now
            for rule in by_kind["feed_health"]:
                episodes = store.ended_failing_episodes(con, rule.name)
                health = rules_.feed_health_alerts(rule, feeds, episodes, now=now)
                store.resolve_failing(
                    con,
                    rule.name,
                    [f"feed:{sid}:failing:{episodes.get(sid, 0)}" for sid in health.recovered],
                    now,
                )
                found += health.alerts
        inserted = set(store.insert_alerts(con, [_row(a, run_id) for a in found], channels, now))
    counts: dict[str, int] = {}
    for alert in found:
        if alert.dedup_key in inserted:
            counts[alert.rule] = counts.get(alert.rule, 0) + 1
            inserted.discard(alert.dedup_key)
    return counts


# --- delivery -----------------------------------------------------------------------------------


def deliver_due(config: Config, *, now: datetime | None = None, network: bool = True) -> AlertsReport:
    """Send every delivery that is due (new, or failed and past its backoff), one channel at a time,
    holding no warehouse connection while sending."""
    report = AlertsReport()
    channels = [c for c in configured_channels(config.alerts) if network or c.local]
    if not channels:
        return report
    now = now or utcnow()
    settings = config.alerts
    by_id = {c.id: c for c in channels}
    path, wait_s = config.warehouse.path, config.warehouse.lock_wait_s
    with store.open_warehouse(path, wait_s=wait_s) as con:
        claimed = store.claim_deliveries(
            con, list(by_id), now, stale_before=now - timedelta(seconds=settings.sending_timeout_s)
        )
    log = _logger()
    for delivery in claimed:
        channel = by_id[delivery["channel_id"]]
        payload = delivery["payload"]
        if payload is None:
            error: str | None = "the alert row is missing"
        else:
            title, body = rules_.render(payload)
            error = channel.send(title, body, payload)
        finished = utcnow()
        attempts = int(delivery["attempts"])
        give_up = error is not None and attempts >= settings.max_attempts
        retry_at = None
        if error is not None and not give_up:
            retry_at = finished + timedelta(
                seconds=rules_.retry_delay_s(attempts, settings.retry_base_s, settings.retry_max_s)
            )
        with store.open_warehouse(path, wait_s=wait_s) as con:
            store.record_delivery(
                con,
                delivery["dedup_key"],
                delivery["channel_id"],
                ok=error is None,
                error=error,
                now=finished,
                next_attempt_at=retry_at,
                give_up=give_up,
            )
        alert = (payload or {}).get("alert_id", delivery["dedup_key"])
        if error is None:
            report.sent += 1
        elif give_up:
            report.gave_up += 1
            log.warning("alert %s to %s given up after %d attempts: %s", alert, channel.display, attempts, error)
        else:
            report.failed += 1
            retry = f"{retry_at:%Y-%m-%d %H:%M:%S} UTC" if retry_at else "-"
            log.warning(
                "alert %s to %s failed (attempt %d, retry %s): %s", alert, channel.display, attempts, retry, error
            )
    return report


def run_alerts(config: Config, *, run_id: str | None = None, offline: bool = False) -> AlertsReport:
    """Evaluate, record, deliver. Never raises: an alerting problem is logged, and the run it follows
    stays completed (its data is already stored); what was not sent is retried next time."""
    report = AlertsReport()
    if not config.alerts.enabled:
        return report
    log = _logger()
    try:
        report.new = evaluate_rules(config, run_id=run_id)
    except Exception as exc:
        report.errors.append(f"alert rules: {type(exc).__name__}: {exc}")
        log.error("alert rules could not be evaluated: %s: %s", type(exc).__name__, exc)
    try:
        delivered = deliver_due(config, network=not offline)
        report.sent, report.failed, report.gave_up = delivered.sent, delivered.failed, delivered.gave_up
    except Exception as exc:
        report.errors.append(f"alert delivery: {type(exc).__name__}: {exc}")
        log.error("alerts could not be delivered: %s: %s", type(exc).__name__, exc)
    if report.new_total or report.sent or report.failed:
        log.info(
            "alerts: %d new (%s), %d sent, %d failed",
            report.new_total,
            ", ".join(f"{k} {v}" for k, v in sorted(report.new.items())) or "-",
            report.sent,
            report.failed,
        )
    return report


@task(name="alerts", cache_policy=NO_CACHE)
def alerts_after_ingest(config: Config, run_id: str, offline: bool = False) -> AlertsReport:
    """The last step of an ingest run: rules on what is now stored; instant alerts are sent, digest
    ones wait for the `digest` flow."""
    return run_alerts(config, run_id=run_id, offline=offline)


# --- digest -------------------------------------------------------------------------------------


def bundle_digest(config: Config, *, now: datetime | None = None) -> Alert | None:
    """Record one digest alert carrying every digest-mode alert not yet sent (None when there is none)."""
    now = now or utcnow()
    channels = [(c.id, c.display) for c in configured_channels(config.alerts)]
    with store.open_warehouse(config.warehouse.path, wait_s=config.warehouse.lock_wait_s) as con:
        members = store.pending_digest_members(con)
        if not members:
            return None
        digest_alert = rules_.digest_alert(members, now=now)
        store.attach_digest(con, _row(digest_alert, None), [m["dedup_key"] for m in members], channels, now)
    return digest_alert


def send_digest(config: Config, *, now: datetime | None = None) -> AlertsReport:
    _ensure_dir(config.warehouse.path)
    report = AlertsReport()
    digest_alert = bundle_digest(config, now=now)
    if digest_alert is not None:
        report.digest = digest_alert.alert_id
        report.new = {rules_.DIGEST_KIND: 1}
    delivered = deliver_due(config, now=now)
    report.sent, report.failed, report.gave_up = delivered.sent, delivered.failed, delivered.gave_up
    return report


# Retried as a whole (it is idempotent): the warehouse may be busy with an ingest run for a while.
@flow(name="digest", log_prints=True, retries=2, retry_delay_seconds=60)
def digest(config_path: str | None = None, db: str | None = None) -> AlertsReport:
    """Send one message grouping the alerts of `mode = "digest"` rules recorded since the last digest
    (and retry any failed sends)."""
    config = load_config(config_path, db=db)
    report = send_digest(config)
    _logger().info(
        "digest: %s, %d sent, %d failed",
        f"alert {report.digest}" if report.digest else "nothing new",
        report.sent,
        report.failed,
    )
    return report


# --- test ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChannelResult:
    channel: str  # masked
    ok: bool
    error: str | None = None


def test_channels(config: Config) -> list[ChannelResult]:
    """Send a test message through every configured channel; nothing is recorded in the warehouse."""
    now = utcnow()
    key = "test-" + hashlib.sha256(now.isoformat().encode()).hexdigest()[:12]
    payload = {
        "dedup_key": key,
        "alert_id": f"a-{key[5:15]}",
        "rule": "test",
        "kind": "test",
        "mode": "instant",
        "subject": "test",
        "title": "storywatch test message",
        "summary": "a test of this channel from `storywatch alerts test`; nothing happened in the story",
        "created_at": rules_.iso(now),
        "test": True,
    }
    title, body = rules_.render(payload)
    results = []
    for channel in configured_channels(config.alerts):
        error = channel.send(title, body, payload)
        results.append(ChannelResult(channel.display, error is None, error))
    return results


test_channels.__test__ = False  # type: ignore[attr-defined]  # not a pytest test
