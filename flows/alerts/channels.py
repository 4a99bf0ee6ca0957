"""Where alerts go: apprise URLs, a JSONL file, the console; and `storywatch alerts test`.

Channel URLs may name environment variables (`${SLACK_TOKEN}`), expanded only at send time. A
channel is only ever shown masked, its scheme and a fingerprint (`slack://***#3fa2`, the first hex
digits of the hash its channel_id is made of); errors are scrubbed of the URL and its secrets
before they are logged or stored. JSON webhooks also get the dedup_key as a field and an
`X-Storywatch-Dedup-Key` header, so a receiver can drop a repeat.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from flows.alerts.alert import DIGEST_KIND, iso
from flows.alerts.digest import DigestMessage
from flows.alerts.messages import UNLIMITED, MessageLimit, render
from flows.config import AlertsConfig, Config
from flows.feeds import urlsecrets
from flows.feeds.urlsecrets import scrub
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
        return UNLIMITED

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
        return self._append([payload | {"sent_at": iso(utcnow()), "message": body}])

    def send_digest(self, message: DigestMessage, members: Sequence[dict[str, Any]]) -> str | None:
        sent_at = iso(utcnow())
        carried = {"dedup_key": message.dedup_key, "part": message.payload["part"], "parts": message.payload["parts"]}
        if message.payload.get("report"):
            carried["report"] = message.payload["report"]
        threads = {i["dedup_key"]: i.get("thread") for i in message.payload["items"]}  # the group it is under
        return self._append(
            [
                m
                | {
                    "sent_at": sent_at,
                    "message": render(m)[1],
                    "digest": carried | {"thread": threads.get(m["dedup_key"])},
                }
                for m in members
            ]
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
    if payload.get("kind") == DIGEST_KIND:
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
        "created_at": iso(now),
        "test": True,
    }
    results = []
    for channel in configured_channels(config.alerts):
        title, body = render(payload, limit=channel.limit())
        error = channel.send_test(title, body, payload)
        note = "writable; a test message is not written to it" if isinstance(channel, JsonlChannel) else None
        results.append(ChannelResult(channel.display, error is None, error, note if error is None else None))
    return results


test_channels.__test__ = False  # type: ignore[attr-defined]  # not a pytest test
