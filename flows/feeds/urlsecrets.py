"""Secrets in configured URLs: `${VAR}` expansion from the environment, and masking for display.

One place for both, used by feed URLs (flows/feeds/polling.py, flows/feeds/fetch.py) and alert channels
(flows/alerts/channels.py). A URL as it may be shown anywhere (logs, errors, the `sources` table,
`storywatch feeds`) goes through `mask_credentials`: user-info and the values of query parameters
that carry credentials become `***`, everything else is kept as written.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from urllib.parse import unquote

__all__ = [
    "ENV_REF",
    "MissingVariableError",
    "expand_env",
    "mask_credentials",
    "mask_text",
    "scrub",
]

ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
MASK = "***"

# Query parameter names whose value is a credential (compared lower-cased, "-" read as "_").
_SECRET_NAMES = frozenset(
    {
        "token",
        "key",
        "apikey",
        "api_key",
        "access_token",
        "refresh_token",
        "id_token",
        "auth",
        "auth_token",
        "authorization",
        "secret",
        "client_secret",
        "password",
        "passwd",
        "pwd",
        "pass",
        "sig",
        "signature",
        "session",
        "sessionid",
        "credential",
        "credentials",
        "x_amz_signature",
        "x_amz_credential",
        "x_amz_security_token",
    }
)
# ... and any name containing one of these.
_SECRET_PARTS = ("token", "secret", "password", "passwd", "apikey", "api_key", "signature", "credential")
_URL_IN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s'\"<>()]+")


class MissingVariableError(KeyError):
    """A `${NAME}` in a configured URL names an environment variable that is not set."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name

    def __str__(self) -> str:
        return f"environment variable {self.name} is not set"


def expand_env(template: str, environ: Mapping[str, str] | None = None) -> tuple[str, list[str]]:
    """`${NAME}` → the variable's value; returns the expanded text and the values it took (secrets
    to scrub from messages). An unset or empty variable raises MissingVariableError naming it."""
    env = os.environ if environ is None else environ
    used: list[str] = []

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if not env.get(name):
            raise MissingVariableError(name)
        used.append(env[name])
        return env[name]

    return ENV_REF.sub(value, template), used


def _is_secret_name(name: str) -> bool:
    key = unquote(name).strip().lower().replace("-", "_")
    return key in _SECRET_NAMES or any(part in key for part in _SECRET_PARTS)


def mask_credentials(url: str) -> str:
    """`url` with its user-info and credential query values replaced by `***`; the rest unchanged.

    >>> mask_credentials("https://bob:pw@example.org/feed?token=abc&q=kim")
    'https://***@example.org/feed?token=***&q=kim'
    """
    head, hash_, fragment = url.partition("#")
    head, question, query = head.partition("?")
    scheme, sep, rest = head.partition("://")
    if sep:
        authority, slash, path = rest.partition("/")
        if "@" in authority:
            authority = MASK + "@" + authority.rpartition("@")[2]
        head = f"{scheme}{sep}{authority}{slash}{path}"
    if question:
        parts = []
        for item in query.split("&"):
            name, eq, value = item.partition("=")
            parts.append(f"{name}={MASK}" if eq and value and _is_secret_name(name) else item)
        query = "&".join(parts)
    return head + question + query + hash_ + fragment


def mask_text(text: str, secrets: Sequence[str] = ()) -> str:
    """Every URL in `text` masked (`mask_credentials`), then every given secret value scrubbed."""
    return scrub(_URL_IN_TEXT.sub(lambda m: mask_credentials(m.group(0)), text), secrets)


def scrub(text: str, secrets: Sequence[str]) -> str:
    """Each secret (longest first; values under 4 characters are left, they would mangle text) → `***`."""
    for secret in sorted((s for s in secrets if len(s) >= 4), key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text
