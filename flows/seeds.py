"""Reading the seed corpus: `seeds/manifest.toml` plus one UTF-8 text file per seed."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

MANIFEST_NAME = "manifest.toml"
_MANIFEST_KEYS = {"file", "title", "origin", "published", "approximate", "note"}
# Control characters other than \t \n \f \r (counted by a regular expression: a loop over every
# character in Python costs a millisecond per seed).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


class SeedError(Exception):
    """A seed file or the manifest cannot be used; the message names the file."""


@dataclass(frozen=True, slots=True)
class Seed:
    path: Path
    key: str  # "seed:<file name>": the article's identity, stable across checkouts
    title: str
    origin: str
    published_at: datetime | None  # naive UTC
    approximate: bool
    text: str


def default_seeds_dir() -> Path:
    """`./seeds` when run from a checkout, else the seeds shipped beside the package."""
    here = Path("seeds")
    if (here / MANIFEST_NAME).is_file():
        return here
    return Path(__file__).resolve().parents[1] / "seeds"


def decode_seed_text(path: Path, raw: bytes) -> str:
    """The seed's text, refusing empty, binary and non-UTF-8 files with a reason."""
    if not raw.strip():
        raise SeedError(f"seed file {path} is empty")
    if b"\x00" in raw:
        raise SeedError(f"seed file {path} looks binary (it contains NUL bytes), not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SeedError(
            f"seed file {path} is not UTF-8 text (invalid byte 0x{raw[exc.start]:02x} at offset {exc.start})"
        ) from exc
    control = len(_CONTROL.findall(text))
    if control > max(3, len(text) // 100):
        raise SeedError(f"seed file {path} looks binary ({control} control characters), not text")
    return text.strip()


def _parse_published(value: object, where: str) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None) if value.tzinfo is None else value.astimezone().replace(tzinfo=None)
    if isinstance(value, date):
        return datetime.combine(value, time(12, 0))  # midday: a date-only value stays on its day in UTC
    if isinstance(value, str):
        try:
            return _parse_published(date.fromisoformat(value), where)
        except ValueError:
            pass
    raise SeedError(f"{where}: 'published' must be an ISO date like 2024-11-08, got {value!r}")


def read_seeds(seeds_dir: Path) -> list[Seed]:
    manifest = seeds_dir / MANIFEST_NAME
    if not manifest.is_file():
        raise SeedError(f"seed manifest {manifest} does not exist")
    try:
        data = tomllib.loads(manifest.read_text("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SeedError(f"seed manifest {manifest} is not valid TOML: {exc}") from exc
    unknown_top = set(data) - {"seed"}
    if unknown_top:
        raise SeedError(f"seed manifest {manifest}: unknown key '{sorted(unknown_top)[0]}'")
    seeds = []
    listed = set()
    for index, entry in enumerate(data.get("seed", [])):
        where = f"{manifest} [[seed]] #{index + 1}"
        unknown = set(entry) - _MANIFEST_KEYS
        if unknown:
            raise SeedError(f"{where}: unknown key '{sorted(unknown)[0]}'")
        name = entry.get("file")
        if not isinstance(name, str) or not name or "/" in name or name.startswith("."):
            raise SeedError(f"{where}: 'file' must name a file in {seeds_dir}")
        path = seeds_dir / name
        if not path.is_file():
            raise SeedError(f"{where}: seed file {path} does not exist")
        listed.add(name)
        seeds.append(
            Seed(
                path=path,
                key=f"seed:{name}",
                title=str(entry.get("title") or name),
                origin=str(entry.get("origin") or "seed corpus"),
                published_at=_parse_published(entry.get("published"), where),
                approximate=bool(entry.get("approximate", False)),
                text=decode_seed_text(path, path.read_bytes()),
            )
        )
    unlisted = sorted(p.name for p in seeds_dir.glob("*.txt") if p.name not in listed)
    if unlisted:
        raise SeedError(f"seed file {seeds_dir / unlisted[0]} is not listed in {manifest}")
    return seeds
