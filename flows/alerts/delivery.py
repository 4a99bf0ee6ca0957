"""Delivery: send what is due, one message at a time, retry failed sends on later runs; the run's
alert step (evaluate, record, deliver) and the `digest` flow.

Exactly-once (see also flows/alerts/evaluate.py and warehouse/alerts.py):

- each channel has its own delivery row: a send is claimed ('sending', attempts + 1) in one short
  transaction, performed with no connection open, and its outcome recorded in another; a failed
  channel is retried on later runs with exponential backoff while the channels that got the
  message are left alone; after `max_attempts` it is given up, with the error kept;
- a crash between a send and its record leaves the delivery 'sending': after `sending_timeout_s` it
  is sent again with the *same* dedup_key, which travels in every payload (flows/alerts/channels.py)
  so a receiver can drop the repeat.

The digest never drops an alert: per channel it is split into messages that each fit that channel's
size limit (flows/alerts/digest.py), numbered "(1/3)"; each message's alerts are recorded as
delivered to that channel only when that message went through, and a failed message's alerts are
retried (attempts, backoff) in a later message without repeating the ones delivered. An instant
alert too long for its channel leaves out its least important lines (and says so), never its
dedup_key (flows/alerts/messages.py).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from flows.alerts.alert import DIGEST_KIND
from flows.alerts.channels import Channel, configured_channels
from flows.alerts.digest import digest_messages
from flows.alerts.evaluate import evaluate_rules
from flows.alerts.messages import MessageLimit, render
from flows.config import DEFAULT_DB_PATH, Config, load_config
from flows.tracking import flow, module_flows, run_logger, task
from warehouse import alerts as store
from warehouse.db import utcnow


@dataclass
class AlertsReport:
    new: dict[str, int] = field(default_factory=dict)  # rule → alerts recorded this time
    sent: int = 0  # messages delivered: one instant alert, or one digest message, to one channel
    failed: int = 0  # messages that failed and will be tried again
    gave_up: int = 0  # messages whose alerts were given up on that channel
    digest_alerts: int = 0  # digest-mode alerts a digest took this time
    errors: list[str] = field(default_factory=list)

    @property
    def new_total(self) -> int:
        return sum(self.new.values())


def _logger() -> logging.Logger | logging.LoggerAdapter[logging.Logger]:
    return run_logger("storywatch.alerts")


def _ensure_dir(db_path: str) -> None:
    if Path(db_path) == Path(DEFAULT_DB_PATH):
        Path(db_path).parent.mkdir(parents=True, exist_ok=True)


# --- delivery -----------------------------------------------------------------------------------


def deliver_due(config: Config, *, now: datetime | None = None, network: bool = True) -> AlertsReport:
    """Send every delivery that is due (new, or failed and past its backoff), one message at a time,
    holding no warehouse connection while sending: an instant alert as its own message, digest-mode
    alerts grouped per channel into digest messages that fit that channel."""
    report = AlertsReport()
    channels = [c for c in configured_channels(config.alerts) if network or c.local]
    if not channels:
        return report
    now = now or utcnow()
    settings = config.alerts
    by_id = {c.id: c for c in channels}
    with store.open_warehouse(config.warehouse.path, wait_s=config.warehouse.lock_wait_s) as con:
        claimed = store.claim_deliveries(
            con, list(by_id), now, stale_before=now - timedelta(seconds=settings.sending_timeout_s)
        )
        # The digest groups its alerts by their article's thread as it is now (merges included).
        threads = store.alert_threads(con, {d["dedup_key"] for d in claimed if d["mode"] == DIGEST_KIND})
    limits: dict[str, MessageLimit] = {}

    def limit_of(channel: Channel) -> MessageLimit:
        if channel.id not in limits:
            limits[channel.id] = channel.limit()
        return limits[channel.id]

    digest_due: dict[str, list[dict[str, Any]]] = {}
    for delivery in claimed:
        channel = by_id[delivery["channel_id"]]
        payload = delivery["payload"]
        if payload is not None and delivery["mode"] == DIGEST_KIND:
            digest_due.setdefault(channel.id, []).append(delivery)
            continue
        if payload is None:
            error: str | None = "the alert row is missing"
        else:
            title, body = render(payload, limit=limit_of(channel))
            error = channel.send(title, body, payload)
        what = f"alert {(payload or {}).get('alert_id', delivery['dedup_key'])}"
        _record_message(config, report, channel, [delivery], error, what=what)
    report_link = latest_report(config) if digest_due else None
    for channel_id, due in digest_due.items():
        channel = by_id[channel_id]
        by_key = {d["dedup_key"]: d for d in due}
        messages = digest_messages(
            [d["payload"] for d in due], now=now, limit=limit_of(channel), report=report_link, threads=threads
        )
        for message in messages:
            carried = [by_key[key] for key in message.members]
            error = channel.send_digest(message, [d["payload"] for d in carried])
            what = f"digest {message.payload['alert_id']} ({message.payload['part']}/{message.payload['parts']})"
            _record_message(config, report, channel, carried, error, what=what, digest_part=message.dedup_key)
    return report


def _record_message(
    config: Config,
    report: AlertsReport,
    channel: Channel,
    deliveries: Sequence[Mapping[str, Any]],
    error: str | None,
    *,
    what: str,
    digest_part: str | None = None,
) -> None:
    """Record one message's outcome for every alert it carried (each with its own attempts and
    backoff), in one short transaction."""
    settings = config.alerts
    finished = utcnow()
    outcomes = []
    for delivery in deliveries:
        attempts = int(delivery["attempts"])
        give_up = error is not None and attempts >= settings.max_attempts
        retry_at = None
        if error is not None and not give_up:
            delay = retry_delay_s(attempts, settings.retry_base_s, settings.retry_max_s)
            retry_at = finished + timedelta(seconds=delay)
        outcomes.append(
            store.DeliveryOutcome(
                delivery["dedup_key"], delivery["channel_id"], error is None, error, retry_at, give_up
            )
        )
    with store.open_warehouse(config.warehouse.path, wait_s=config.warehouse.lock_wait_s) as con:
        store.record_deliveries(con, outcomes, now=finished, digest_part=digest_part)
    log = _logger()
    attempts = max(int(d["attempts"]) for d in deliveries)
    if error is None:
        report.sent += 1
    elif all(o.give_up for o in outcomes):
        report.gave_up += 1
        log.warning("%s to %s given up after %d attempts: %s", what, channel.display, attempts, error)
    else:
        report.failed += 1
        retry_at = min((o.next_attempt_at for o in outcomes if o.next_attempt_at), default=None)
        retry = f"{retry_at:%Y-%m-%d %H:%M:%S} UTC" if retry_at else "-"
        log.warning("%s to %s failed (attempt %d, retry %s): %s", what, channel.display, attempts, retry, error)


def run_alerts(config: Config, *, run_id: str | None = None, offline: bool = False) -> AlertsReport:
    """Evaluate, record, deliver. Never raises: an alerting problem is logged, and the run it follows
    stays completed (its data is already stored); what was not sent is retried next time."""
    return deliver_alerts(config, evaluate_alerts(config, run_id=run_id), offline=offline)


def evaluate_alerts(config: Config, *, run_id: str | None = None) -> AlertsReport:
    """run_alerts' first half: the rules on what is stored, new alerts recorded. Never raises."""
    report = AlertsReport()
    if not config.alerts.enabled:
        return report
    try:
        report.new = evaluate_rules(config, run_id=run_id)
    except Exception as exc:
        report.errors.append(f"alert rules: {type(exc).__name__}: {exc}")
        _logger().error("alert rules could not be evaluated: %s: %s", type(exc).__name__, exc)
    return report


def deliver_alerts(config: Config, report: AlertsReport, *, offline: bool = False) -> AlertsReport:
    """run_alerts' second half: send what is due, into `report` (the evaluation's). Never raises."""
    if not config.alerts.enabled:
        return report
    log = _logger()
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


@task(name="alert-rules")
def alert_rules_after_ingest(config: Config, run_id: str) -> AlertsReport:
    """An ingest run's alert rules on what it stored (run while its warehouse visit is open)."""
    return evaluate_alerts(config, run_id=run_id)


@task(name="alerts")
def alerts_after_ingest(config: Config, evaluated: AlertsReport, offline: bool = False) -> AlertsReport:
    """The last step of an ingest run, after its rules (`alert_rules_after_ingest`): instant alerts
    are sent, digest ones wait for the `digest` flow."""
    return deliver_alerts(config, evaluated, offline=offline)


# --- digest -------------------------------------------------------------------------------------


def latest_report(config: Config) -> str | None:
    """Write the report to `[alerts] report` (default: report.html beside the warehouse) and return
    how the digest links it: `report_url` when set, else the file's absolute path. None when the
    report is switched off (""), or cannot be written (logged: the digest goes out without it)."""
    target = config.alerts.report
    if target is None:
        target = str(Path(config.warehouse.path).parent / "report.html")
    if not target:
        return None
    from flows.report import write_report  # numpy, jinja2: only when a digest is sent

    try:
        written = write_report(config, target)
    except Exception as exc:
        _logger().warning("the digest goes without its report: %s: %s", type(exc).__name__, exc)
        return None
    return config.alerts.report_url or str(written.path.resolve())


def send_digest(config: Config, *, now: datetime | None = None) -> AlertsReport:
    """Queue the digest-mode alerts no digest has taken yet (one delivery per channel configured now)
    and send everything due: per channel, as few messages as fit it; failed ones are retried."""
    _ensure_dir(config.warehouse.path)
    now = now or utcnow()
    channels = [(c.id, c.display) for c in configured_channels(config.alerts)]
    with store.open_warehouse(config.warehouse.path, wait_s=config.warehouse.lock_wait_s) as con:
        queued = store.queue_digest(con, channels, now)
    report = deliver_due(config, now=now)
    report.digest_alerts = queued
    return report


# Retried as a whole (it is idempotent): the warehouse may be busy with an ingest run for a while.
@flow(name="digest", log_prints=True, retries=2, retry_delay_seconds=60)
def _digest(config_path: str | None = None, db: str | None = None) -> AlertsReport:
    """Send one message grouping the alerts of `mode = "digest"` rules recorded since the last digest
    (and retry any failed sends)."""
    config = load_config(config_path, db=db)
    report = send_digest(config)
    _logger().info(
        "digest: %s; %d messages sent, %d failed",
        f"{report.digest_alerts} new alerts" if report.digest_alerts else "nothing new",
        report.sent,
        report.failed,
    )
    return report


def retry_delay_s(attempts: int, base_s: float, max_s: float) -> float:
    """Exponential backoff after the `attempts`-th failed send."""
    if attempts <= 0:
        return 0.0
    return float(min(max_s, base_s * (2 ** min(attempts - 1, 30))))


# `digest` as a Prefect flow, made when first read (flows/tracking.py).
__getattr__ = module_flows(__name__)
