"""Who is speaking: the curated outlet metadata (extractors/data/outlets.toml), checked on load."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extractors.language import is_iso639_1

OUTLETS_PATH = Path(__file__).parent / "data" / "outlets.toml"
_KEYS = frozenset({"name", "country", "language", "owner", "state_affiliated"})


class OutletDataError(ValueError):
    """The outlet file cannot be used; the message names the file, the outlet and the key."""


@dataclass(frozen=True, slots=True)
class Outlet:
    outlet: str  # host as article_outlets.outlet spells it: lower case, no "www."
    name: str
    country: str | None  # ISO 3166-1 alpha-3; None: unknown
    language: str | None  # ISO 639-1 of its main edition; None: unknown
    owner: str | None
    state_affiliated: bool | None  # None: unknown


def parse_outlets(text: str, where: str = "outlets.toml") -> tuple[Outlet, ...]:
    """The outlets of a TOML text (tables keyed by host); a malformed entry is an OutletDataError."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise OutletDataError(f"{where}: not valid TOML: {exc}") from None
    outlets = []
    for host, entry in data.items():
        what = f"{where}: outlet {host!r}"
        if host != host.strip().lower() or host.startswith("www.") or not host or "/" in host:
            raise OutletDataError(f"{what}: the key must be a lower-case host without www. (as article_outlets.outlet)")
        if not isinstance(entry, dict):
            raise OutletDataError(f"{what}: must be a table")
        if unknown := set(entry) - _KEYS:
            raise OutletDataError(f"{what}: unknown key(s) {', '.join(sorted(unknown))}")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise OutletDataError(f"{what}: name must be a non-empty string")
        country = entry.get("country")
        if country is not None and not (
            isinstance(country, str) and len(country) == 3 and country.isascii() and country.isupper()
        ):
            raise OutletDataError(f"{what}: country must be an ISO 3166-1 alpha-3 code (e.g. RUS), got {country!r}")
        language = entry.get("language")
        if language is not None and not (isinstance(language, str) and is_iso639_1(language)):
            raise OutletDataError(f"{what}: language must be an ISO 639-1 code (e.g. ru), got {language!r}")
        owner = entry.get("owner")
        if owner is not None and not isinstance(owner, str):
            raise OutletDataError(f"{what}: owner must be a string")
        state_affiliated = entry.get("state_affiliated")
        if state_affiliated is not None and not isinstance(state_affiliated, bool):
            raise OutletDataError(f"{what}: state_affiliated must be true or false (omit it when unknown)")
        outlets.append(Outlet(host, name.strip(), country, language, owner, state_affiliated))
    return tuple(outlets)


@cache
def load_outlets() -> tuple[Outlet, ...]:
    """The shipped outlet metadata (read once per process)."""
    return parse_outlets(OUTLETS_PATH.read_text(encoding="utf-8"), str(OUTLETS_PATH))
