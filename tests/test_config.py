from __future__ import annotations

import dataclasses
import importlib.metadata
import json
import math
import types
import typing
from collections.abc import Callable
from dataclasses import MISSING
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from extractors.models import MODEL_CANDIDATES, model_folder, resolve_model_name
from flows.alerts.kinds import KINDS
from flows.config import (
    MAX_POLL_MINUTES,
    Bounds,
    Config,
    ConfigError,
    FeedConfig,
    field_check,
    load_config,
    validate,
)
from flows.feeds.polling import next_poll_at
from tests.helpers import CliInvoke

REPO = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "storywatch.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_config_is_valid() -> None:
    config = load_config(REPO / "storywatch.toml")
    assert config.topic.actors == ("CHN", "PRK", "RUS")
    assert 0 < config.topic.min_relevance < 1


def test_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STORYWATCH_CONFIG", raising=False)
    monkeypatch.delenv("STORYWATCH_DB", raising=False)
    config = load_config()
    assert config.warehouse.path == "data/storywatch.duckdb"
    assert config.source_path is None


def test_unknown_key_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "[fetch]\ntimeout = 3\n")
    with pytest.raises(ConfigError, match=r"unknown key 'fetch\.timeout'"):
        load_config(path)


def test_unknown_section_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown key 'fetcher'"):
        load_config(write(tmp_path, "[fetcher]\n"))


def test_unknown_key_in_a_feed_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, '[[feeds]]\nname = "x"\nurl = "https://example.org/rss"\npoll = 5\n')
    with pytest.raises(ConfigError, match=r"unknown key 'feeds\[0\]\.poll'"):
        load_config(path)


def test_missing_named_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml")


def test_wrong_type_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"'topic\.min_relevance' must be a number"):
        load_config(write(tmp_path, '[topic]\nmin_relevance = "high"\n'))


def test_invalid_toml(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(write(tmp_path, "[topic\n"))


def test_db_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, '[warehouse]\npath = "from-file.duckdb"\n')
    monkeypatch.delenv("STORYWATCH_DB", raising=False)
    assert load_config(path).warehouse.path == "from-file.duckdb"
    monkeypatch.setenv("STORYWATCH_DB", "from-env.duckdb")
    assert load_config(path).warehouse.path == "from-env.duckdb"
    assert load_config(path, db="from-flag.duckdb").warehouse.path == "from-flag.duckdb"


def test_config_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, '[topic]\nactors = ["CHN", "USA"]\n')
    monkeypatch.setenv("STORYWATCH_CONFIG", str(path))
    assert load_config().topic.actors == ("CHN", "USA")


# --- every numeric key is bounded, and the loader holds to the bounds --------------------------


def _render(value: Any) -> str:
    """TOML for a value (tomllib has no writer): inline tables and arrays, nan and inf as TOML spells them."""
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_render(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_render(v) for v in value) + "]"
    if isinstance(value, float) and not math.isfinite(value):
        return ("-" if value < 0 else "") + ("nan" if math.isnan(value) else "inf")
    if isinstance(value, str):
        return json.dumps(value)
    return repr(value)


def _required(cls: type) -> dict[str, Any]:
    """Values for a table's required keys ([[feeds]] name and url)."""
    needed = [f for f in dataclasses.fields(cls) if f.default is MISSING and f.default_factory is MISSING]
    return {f.name: "https://example.org/feed.xml" if f.name == "url" else "x" for f in needed}


def numeric_fields() -> list[tuple[str, type, dataclasses.Field[Any], Callable[[Any], dict[str, Any]]]]:
    """(dotted key, number type, field, document maker) for every numeric field of every config table
    and of every alert kind's parameters (written in its `[[alerts.rules]]` entry)."""
    found = []

    def walk(cls: type, where: str, wrap: Callable[[Any], dict[str, Any]]) -> None:
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            hint = hints[f.name]
            args = [a for a in typing.get_args(hint) if a is not type(None)]
            inner = args[0] if typing.get_origin(hint) in (types.UnionType, typing.Union) else hint
            key = f"{where}.{f.name}" if where else f.name
            if inner in (int, float):
                found.append((key, inner, f, lambda v, name=f.name, w=wrap: w({name: v})))
            elif dataclasses.is_dataclass(inner):
                walk(inner, key, lambda d, name=f.name, w=wrap: w({name: d}))
            elif typing.get_origin(inner) is tuple and dataclasses.is_dataclass(typing.get_args(inner)[0]):
                item = typing.get_args(inner)[0]
                walk(item, f"{key}[0]", lambda d, name=f.name, w=wrap, c=item: w({name: [_required(c) | d]}))

    walk(Config, "", lambda d: d)
    for kind in KINDS.values():
        rule = {"name": "r", "kind": kind.name}
        walk(kind.params, "alerts.rules[0]", lambda d, rule=rule: {"alerts": {"rules": [rule | d]}})
    return found


def test_every_numeric_key_declares_its_bounds() -> None:
    fields = numeric_fields()
    assert len(fields) >= 20  # the walk reaches every table
    undeclared = [key for key, _, f, _ in fields if not isinstance(field_check(f), Bounds)]
    assert not undeclared, f"declare bounds, e.g. field(default=…, metadata=positive(HOUR_S)), for: {undeclared}"


@pytest.mark.parametrize("number", range(len(numeric_fields())), ids=[key for key, *_ in numeric_fields()])
def test_numeric_key_refuses_what_its_bounds_refuse(tmp_path: Path, number: int) -> None:
    (key, kind, f, document) = numeric_fields()[number]  # alert kinds share key names: found by position
    bounds = field_check(f)
    assert isinstance(bounds, Bounds)
    huge = 1e300 if kind is float else 2**62
    probes = [0, -1, math.nan, math.inf, -math.inf, huge, bounds.low, bounds.high, bounds.high + 1, *bounds.also]
    if kind is float:
        probes += [float(p) for p in probes if isinstance(p, int)] + [bounds.high * 1.0001]
    for probe in probes:
        path = write(tmp_path, "\n".join(f"{k} = {_render(v)}" for k, v in document(probe).items()) + "\n")
        integral = isinstance(probe, int) or (kind is float and math.isfinite(probe))
        expected = integral and bounds.accepts(probe)
        try:
            config = load_config(path)
        except ConfigError as exc:
            assert not expected, f"{key} = {probe!r} was refused: {exc}"
            assert f"'{key}'" in str(exc) and str(path) in str(exc)  # one line naming the file and the key
            assert "\n" not in str(exc)
        else:
            assert expected, f"{key} = {probe!r} was accepted, but its bounds are {bounds.describe()}"
            assert config is not None
    # the universal part of every declaration: no setting takes nan, infinities or absurd sizes
    assert not any(bounds.accepts(v) for v in (math.nan, math.inf, -math.inf, huge))


def test_defaults_pass_their_own_checks() -> None:
    validate(Config(feeds=(FeedConfig(name="x", url="https://example.org/feed.xml"),)), file="defaults")
    for kind in KINDS.values():
        validate(kind.params(), file="defaults", where=f"{kind.name} rule")


# --- the checks that are not bounds ------------------------------------------------------------


def test_missing_spacy_model_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"'nlp\.model' .*package 'en_core_web_xx' is not installed"):
        load_config(write(tmp_path, '[nlp]\nmodel = "en_core_web_xx"\n'))
    with pytest.raises(ConfigError, match=r"'nlp\.model' .*'json' is installed but is not a spaCy model"):
        load_config(write(tmp_path, '[nlp]\nmodel = "json"\n'))
    with pytest.raises(ConfigError, match=r"'nlp\.model' .*folder '\./nowhere' does not exist"):
        load_config(write(tmp_path, '[nlp]\nmodel = "./nowhere"\n'))
    (tmp_path / "empty").mkdir()
    with pytest.raises(ConfigError, match=r"'nlp\.model' .*not a spaCy model folder"):
        load_config(write(tmp_path, f'[nlp]\nmodel = "{tmp_path / "empty"}"\n'))


def test_auto_model_resolves_and_a_model_folder_is_usable(tmp_path: Path) -> None:
    name = resolve_model_name("auto")
    assert name in MODEL_CANDIDATES
    folder = model_folder(name)
    assert folder is not None
    config = load_config(write(tmp_path, f'[nlp]\nmodel = "{folder}"\n'))
    assert config.nlp.model == str(folder)
    from extractors.extract import extract_text
    from extractors.nlp import load_pipeline, pipeline_versions

    extraction = extract_text(load_pipeline(config.nlp.model), "Moscow and Pyongyang signed a mutual defence pact.")
    assert {"RUS", "PRK"} <= {m.entity_id for m in extraction.mentions}
    assert pipeline_versions(config.nlp.model)["model_version"].endswith(importlib.metadata.version(name))


CRONS = ["*/30 * * * *", "0 7 * * *", "0 0 1 1 *", "0 9 * * mon-fri", "@daily", "*/61 * * * *", "0 7 * *",
         "60 * * * *", "not a cron", "", "H * * * *", "R 7 * * *", "* * * * * * * *"]  # fmt: skip


@pytest.mark.parametrize("cron", CRONS)
def test_cron_check_agrees_with_prefect(tmp_path: Path, cron: str) -> None:
    from prefect._internal.schemas.validators import validate_cron_string

    try:
        validate_cron_string(cron)
        prefect_accepts = True
    except ValueError:
        prefect_accepts = False
    path = write(tmp_path, f"[schedule]\ndigest_cron = {json.dumps(cron)}\n")
    if prefect_accepts:
        assert load_config(path).schedule.digest_cron == cron
    else:
        with pytest.raises(ConfigError, match=r"'schedule\.digest_cron'"):
            load_config(path)


def test_timezone_must_exist(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, '[schedule]\ntimezone = "Asia/Seoul"\n')).schedule.timezone == "Asia/Seoul"
    with pytest.raises(ConfigError, match=r"'schedule\.timezone' is not an IANA time zone"):
        load_config(write(tmp_path, '[schedule]\ntimezone = "Mars/Olympus_Mons"\n'))


def test_alert_channels_apprise_cannot_use_are_named_without_secrets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(ConfigError, match=r"'alerts\.channels\[1\]' is not an apprise URL") as bad:
        load_config(write(tmp_path, '[alerts]\nchannels = ["json://localhost/hook", "nosuch://user:s3cr3tpw@host"]\n'))
    assert "s3cr3tpw" not in str(bad.value)
    with pytest.raises(ConfigError, match=r"'alerts\.channels\[0\]' is not an apprise URL"):
        load_config(write(tmp_path, '[alerts]\nchannels = ["user:s3cr3tpw@example.org"]\n'))
    with pytest.raises(ConfigError, match=r"'alerts\.channels\[0\]' \(json://\*\*\*\) is not a URL apprise can use"):
        load_config(write(tmp_path, '[alerts]\nchannels = ["json://"]\n'))
    with pytest.raises(ConfigError, match=r"\(tgram://\*\*\*\) is not a URL apprise can use") as bad:
        load_config(write(tmp_path, '[alerts]\nchannels = ["tgram://s3cr3tpw/x"]\n'))
    assert "s3cr3tpw" not in str(bad.value) and "s3cr3tpw" not in "".join(capsys.readouterr())
    # a secret supplied only where alerts are sent: the scheme is checked here, the rest when sending
    template = '[alerts]\nchannels = ["tgram://${SW_TEST_TOKEN}/12345"]\n'
    assert load_config(write(tmp_path, template)).alerts.channels == ("tgram://${SW_TEST_TOKEN}/12345",)


def test_rule_parameters_refuse_nan_and_infinity(tmp_path: Path) -> None:
    rule = '[[alerts.rules]]\nname = "r"\nkind = "new_coverage"\nmax_age_hours = {}\n'
    for value, problem in (("nan", "a finite number"), ("inf", "a finite number"), ("1e12", "at least 0 and at most")):
        with pytest.raises(ConfigError, match=rf"'alerts\.rules\[0\]\.max_age_hours' must be {problem}"):
            load_config(write(tmp_path, rule.format(value)))


def test_next_poll_never_overflows() -> None:
    now = datetime(2026, 12, 4, 10, 0)
    for minutes in (1, 60, MAX_POLL_MINUTES, 10**12):
        for failures in (0, 3, 50):
            due = next_poll_at(now, minutes, failures)
            assert now < due <= now + timedelta(minutes=MAX_POLL_MINUTES)
    assert next_poll_at(datetime.max - timedelta(days=1), 60, 10) == datetime.max


# --- the command line: exit 2, one line naming the file and the key, before anything runs -------

COMMANDS = [
    ["run", "--offline"],
    ["reextract"],
    ["sql", "select 1"],
    ["export", "out"],
    ["feeds"],
    ["extract", "-"],
    ["serve"],
    ["alerts"],
    ["alerts", "list"],
    ["alerts", "test"],
    ["alerts", "digest"],
    ["report"],
    ["threads"],
    ["threads", "list"],
    ["threads", "show", "th-0"],
    ["threads", "rebuild"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_refuses_a_bad_config_first(tmp_path: Path, command: list[str], cli: CliInvoke) -> None:
    path = write(tmp_path, "[fetch]\nparse_timeout_s = -3\n")
    db = tmp_path / "w.duckdb"
    result = cli(*command, "--config", str(path), "--db", str(db), cwd=tmp_path, stdin="some text")
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "'fetch.parse_timeout_s'" in lines[0] and str(path) in lines[0], result.output
    assert not db.exists() and not (tmp_path / "out").exists() and not (tmp_path / "data").exists()


def test_run_with_a_bad_config_exits_2_in_one_line(tmp_path: Path, cli: CliInvoke) -> None:
    path = write(tmp_path, '[[feeds]]\nname = "x"\nurl = "https://example.org/rss"\npoll_minutes = 99999999999\n')
    done = cli("run", "--offline", "--config", str(path), cwd=tmp_path, env={"COLUMNS": "300"})
    assert done.exit_code == 2
    assert done.stderr.strip().splitlines() == [
        f"error: {path}: 'feeds[0].poll_minutes' must be at least 1 and at most 527_040, got 99999999999"
    ]
    assert not (tmp_path / "data").exists()


def test_extract_with_a_missing_model_exits_2_in_one_line(tmp_path: Path, cli: CliInvoke) -> None:
    """Once a traceback from deep inside spaCy when the text was processed; now refused when read."""
    path = write(tmp_path, '[nlp]\nmodel = "en_core_web_xx"\n')
    text = "Moscow and Pyongyang signed a mutual defence pact."
    done = cli("extract", "--config", str(path), cwd=tmp_path, stdin=text, env={"COLUMNS": "300"})
    assert done.exit_code == 2 and done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        f"error: {path}: 'nlp.model' names no usable spaCy model: spaCy model package 'en_core_web_xx' is not installed"
    ]
