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

The digest never drops an alert: per channel it is split into messages that each fit that channel's
size limit (apprise's `body_maxlen` / `title_maxlen` / `body_max_line_count` of the service, counted
after apprise's format conversion), numbered "(1/3)"; each message's alerts are recorded as
delivered to that channel only when that message went through, and a failed message's alerts are
retried (attempts, backoff) in a later message without repeating the ones delivered. An instant
alert too long for its channel leaves out its least important lines (and says so), never its
dedup_key.

Channel URLs may name environment variables (`${SLACK_TOKEN}`), expanded only at send time. A
channel is only ever shown masked, its scheme and a fingerprint (`slack://***#3fa2`, the first hex
digits of the hash its channel_id is made of); errors are scrubbed of the URL and its secrets
before they are logged or stored.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from flows import alert_rules as rules_
from flows.alert_rules import Alert, DigestMessage, MessageLimit, Rule
from flows.config import DEFAULT_DB_PATH, AlertsConfig, Config, load_config
from flows.feeds import urlsecrets
from flows.feeds.polling import feed_source_id
from flows.feeds.urlsecrets import scrub
from flows.tracking import flow, module_flows, run_logger, task
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

    def limit(self) -> MessageLimit:
        """How much one message may hold."""
        return rules_.UNLIMITED

    def send(self, title: str, body: str, payload: dict[str, Any]) -> str | None:
        raise NotImplementedError

    def send_digest(self, message: DigestMessage, members: Sequence[dict[str, Any]]) -> str | None:
        """One digest message, carrying the alerts `members` (their payloads)."""
        return self.send(message.title, message.body, message.payload)

    def send_test(self, title: str, body: str, payload: dict[str, Any]) -> str | None:
        """`storywatch alerts test`: try the channel without recording anything."""
        return self.send(title, body, payload)


class ConsoleChannel(Channel):
    id = "console"
    display = "console"

    def send(self, title: str, body: str, payload: dict[str, Any]) -> str | None:
        indented = "\n".join(f"  {line}" for line in body.splitlines())
        sys.stdout.write(f"[storywatch alert] {title}\n{indented}\n")
        sys.stdout.flush()
        return None


class JsonlChannel(Channel):
    """One JSON line per delivered alert (a digest's alerts too, each whole, with the digest message
    that carried it); test messages are never written here."""

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self.id = f"jsonl:{path}"
        self.display = str(path)

    def send(self, title: str, body: str, payload: dict[str, Any]) -> str | None:
        return self._append([payload | {"sent_at": rules_.iso(utcnow()), "message": body}])

    def send_digest(self, message: DigestMessage, members: Sequence[dict[str, Any]]) -> str | None:
        sent_at = rules_.iso(utcnow())
        carried = {"dedup_key": message.dedup_key, "part": message.payload["part"], "parts": message.payload["parts"]}
        if message.payload.get("report"):
            carried["report"] = message.payload["report"]
        return self._append(
            [m | {"sent_at": sent_at, "message": rules_.render(m)[1], "digest": carried} for m in members]
        )

    def send_test(self, title: str, body: str, payload: dict[str, Any]) -> str | None:
        """Writable (or creatable) is all a test checks: a test message is not an alert and stays out of
        the file that lists alerts."""
        if self.path.exists():
            if not self.path.is_file():
                return f"cannot write {self.path}: not a regular file"
            return None if os.access(self.path, os.W_OK) else f"cannot write {self.path}: permission denied"
        parent = self.path.parent.resolve()
        while not parent.exists() and parent != parent.parent:
            parent = parent.parent
        if not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
            return f"cannot create {self.path}: {parent} is not a writable folder"
        return None

    def _append(self, records: Sequence[dict[str, Any]]) -> str | None:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as out:
                out.write(text)  # one write: a digest's lines go in together
        except OSError as exc:
            return f"cannot write {self.path}: {exc.strerror or exc}"
        return None


# A channel whose URL cannot be used yet (a variable not set) still needs a size to split by; its
# send fails and says why, and the next attempt measures again.
_FALLBACK_LIMIT = MessageLimit(body=4000)


class AppriseChannel(Channel):
    local = False

    def __init__(self, template: str) -> None:
        self.template = template
        # The id is a hash of the URL as configured (with ${VAR} unexpanded): stable, reveals nothing.
        digest = hashlib.sha256(template.encode()).hexdigest()
        self.id = "apprise:" + digest[:12]
        # Two channels of one scheme told apart by a short fingerprint of the same hash
        # ("json://***#3fa2"): the host or path may hold a token (tgram://BOTTOKEN/chat), so none is shown.
        self.display = f"{mask_url(template)}#{digest[:4]}"

    def _plugin(self) -> tuple[Any, list[str]]:
        """The apprise service object for this URL (expanded now) and the secrets to scrub."""
        import apprise

        url, used = expand_env(self.template)
        asset = apprise.AppriseAsset(storage_mode="memory")
        with _quiet_apprise():
            plugin = apprise.Apprise.instantiate(url, asset=asset, suppress_exceptions=True)
        if plugin is None:
            raise ChannelError(f"not a usable apprise URL ({self.display}): check its scheme and parts")
        return plugin, secrets_of(url, used)

    def limit(self) -> MessageLimit:
        try:
            plugin, _secrets = self._plugin()
            return service_limit(plugin)
        except Exception:  # unusable now (the send says why) or a plugin without the usual sizes
            return _FALLBACK_LIMIT

    def send(self, title: str, body: str, payload: dict[str, Any]) -> str | None:
        import apprise

        try:
            plugin, secrets = self._plugin()
        except ChannelError as exc:
            return str(exc)
        except Exception as exc:  # a plugin bug must not end the run
            return f"{type(exc).__name__}: cannot set up {self.display}"
        self._add_fields(plugin, payload)
        notifier = apprise.Apprise(asset=plugin.asset)
        with _quiet_apprise() as captured:
            try:
                if not notifier.add(plugin):
                    return f"not a usable apprise URL ({self.display}): check its scheme and parts"
                ok = notifier.notify(body=body, title=title, body_format=apprise.NotifyFormat.TEXT)
            except Exception as exc:  # a plugin bug must not end the run
                return scrub(f"{type(exc).__name__}: {exc}", secrets)
        if ok:
            return None
        log = " ".join(line.split(" - ", 2)[-1].strip() for line in captured.getvalue().splitlines() if line.strip())
        return scrub(log or "the service refused the message", secrets)[:500]

    def _add_fields(self, plugin: Any, payload: dict[str, Any]) -> None:
        """JSON / form webhooks also get the dedup_key (and alert id, rule, kind; for a digest message
        its part and the keys of the alerts it carries) as body fields and the dedup_key as a header,
        so a receiver can drop a repeat without reading the text. Set on the service object, not
        through its URL: a URL's query string would come back URL-encoded ("major+story")."""
        scheme = self.template.partition("://")[0].lower()
        extras = getattr(plugin, "payload_extras", None)
        headers = getattr(plugin, "headers", None)
        if scheme not in _STRUCTURED_SCHEMES or not isinstance(extras, dict) or not isinstance(headers, dict):
            return
        extras.update(structured_fields(payload, as_text=scheme.startswith("form")))
        headers["X-Storywatch-Dedup-Key"] = str(payload.get("dedup_key", ""))


def structured_fields(payload: dict[str, Any], *, as_text: bool = False) -> dict[str, Any]:
    """The fields a JSON (or, `as_text`, form) webhook gets beside the message."""
    fields: dict[str, Any] = {k: str(payload.get(k, "")) for k in ("dedup_key", "alert_id", "rule", "kind")}
    if payload.get("kind") == rules_.DIGEST_KIND:
        keys = [str(k) for k in payload.get("dedup_keys") or []]
        fields |= {"part": payload.get("part"), "parts": payload.get("parts"), "dedup_keys": keys}
        if payload.get("report"):
            fields["report"] = str(payload["report"])
        if as_text:
            fields |= {"part": str(fields["part"]), "parts": str(fields["parts"]), "dedup_keys": ",".join(keys)}
    return fields


def service_limit(plugin: Any) -> MessageLimit:
    """The size limits apprise knows for a service, measured after its conversion of our plain text
    to the service's format (Markdown escapes, HTML entities grow the text)."""
    from apprise import NotifyFormat
    from apprise.conversion import convert_between

    target = plugin.resolve_format(NotifyFormat.TEXT)

    def measure(text: str) -> int:
        return len(convert_between(NotifyFormat.TEXT, target, text)) if text else 0

    body_max = int(getattr(plugin, "body_maxlen", 0) or 0)
    title_max = int(getattr(plugin, "title_maxlen", 0) or 0)
    lines = int(getattr(plugin, "body_max_line_count", 0) or 0)
    return MessageLimit(
        # a small margin for what a service's dialect step may add after conversion (2 %, at least 8)
        body=body_max - max(8, body_max // 50) if body_max > 0 else None,
        title=title_max if title_max > 0 else None,
        title_in_body=title_max <= 0,
        lines=lines if lines > 0 else None,
        measure=measure,
    )


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
    limits: dict[str, MessageLimit] = {}

    def limit_of(channel: Channel) -> MessageLimit:
        if channel.id not in limits:
            limits[channel.id] = channel.limit()
        return limits[channel.id]

    digest_due: dict[str, list[dict[str, Any]]] = {}
    for delivery in claimed:
        channel = by_id[delivery["channel_id"]]
        payload = delivery["payload"]
        if payload is not None and delivery["mode"] == rules_.DIGEST_KIND:
            digest_due.setdefault(channel.id, []).append(delivery)
            continue
        if payload is None:
            error: str | None = "the alert row is missing"
        else:
            title, body = rules_.render(payload, limit=limit_of(channel))
            error = channel.send(title, body, payload)
        what = f"alert {(payload or {}).get('alert_id', delivery['dedup_key'])}"
        _record_message(config, report, channel, [delivery], error, what=what)
    report_link = latest_report(config) if digest_due else None
    for channel_id, due in digest_due.items():
        channel = by_id[channel_id]
        by_key = {d["dedup_key"]: d for d in due}
        messages = rules_.digest_messages(
            [d["payload"] for d in due], now=now, limit=limit_of(channel), report=report_link
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
            delay = rules_.retry_delay_s(attempts, settings.retry_base_s, settings.retry_max_s)
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


@task(name="alerts")
def alerts_after_ingest(config: Config, run_id: str, offline: bool = False) -> AlertsReport:
    """The last step of an ingest run: rules on what is now stored; instant alerts are sent, digest
    ones wait for the `digest` flow."""
    return run_alerts(config, run_id=run_id, offline=offline)


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


# --- test ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChannelResult:
    channel: str  # masked
    ok: bool
    error: str | None = None
    note: str | None = None  # how the channel was tried, when not by a message


def test_channels(config: Config) -> list[ChannelResult]:
    """Send a test message through every configured channel; nothing is recorded in the warehouse,
    and the JSONL file is only checked for being writable (a test is not an alert)."""
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
    results = []
    for channel in configured_channels(config.alerts):
        title, body = rules_.render(payload, limit=channel.limit())
        error = channel.send_test(title, body, payload)
        note = "writable; a test message is not written to it" if isinstance(channel, JsonlChannel) else None
        results.append(ChannelResult(channel.display, error is None, error, note if error is None else None))
    return results


test_channels.__test__ = False  # type: ignore[attr-defined]  # not a pytest test


# `digest` as a Prefect flow, made when first read (flows/tracking.py).
__getattr__ = module_flows(__name__)
