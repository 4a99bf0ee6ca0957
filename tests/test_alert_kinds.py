"""A new alert kind is one module: a kind defined here, in the test, and registered is configured,
checked, evaluated, recorded once per subject and delivered with nothing else changed."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from flows.alerts.alert import Alert, dedup_key, make_alert
from flows.alerts.delivery import deliver_due
from flows.alerts.evaluate import evaluate_rules
from flows.alerts.kind import AlertKind, Evaluation
from flows.alerts.kinds import KINDS, register
from flows.config import AlertRuleConfig, ConfigError, load_config, non_empty, positive
from tests.helpers import rows

NOW = datetime(2025, 3, 1, 12, 0, 0)


@dataclass(frozen=True)
class HeartbeatParams:
    label: str = field(default="storywatch is running", metadata=non_empty())
    every_hours: float = field(default=24.0, metadata=positive(1000))


def heartbeats(rules: Sequence[AlertRuleConfig], evaluation: Evaluation) -> list[Alert]:
    """One alert per rule and period of `every_hours`: the period is the subject."""
    found = []
    for rule in rules:
        params: HeartbeatParams = rule.params
        period = int(evaluation.now.timestamp() // (params.every_hours * 3600))
        found.append(make_alert(rule, f"period:{period}", params.label, evaluation.now, summary=f"period {period}"))
    return found


@pytest.fixture
def heartbeat() -> Iterator[AlertKind]:
    kind = register(AlertKind("heartbeat", HeartbeatParams, heartbeats))
    yield kind
    del KINDS["heartbeat"]


def write_config(tmp_path: Path, rule: str) -> Path:
    path = tmp_path / "storywatch.toml"
    path.write_text(
        f'[warehouse]\npath = "{tmp_path / "w.duckdb"}"\n'
        f'[alerts]\njsonl = "{tmp_path / "alerts.jsonl"}"\nconsole = false\n'
        f'[[alerts.rules]]\nname = "pulse"\nkind = "heartbeat"\n{rule}'
    )
    return path


def test_a_registered_kind_is_configured_evaluated_recorded_once_and_delivered(
    tmp_path: Path, heartbeat: AlertKind
) -> None:
    config = load_config(write_config(tmp_path, 'label = "still here"\nevery_hours = 6\n'))
    (rule,) = config.alerts.rules
    assert rule.params == HeartbeatParams(label="still here", every_hours=6.0)  # parsed once, kept on the Config

    assert evaluate_rules(config, now=NOW) == {"pulse": 1}
    assert evaluate_rules(config, now=NOW + timedelta(hours=1)) == {}  # the same period: the same subject
    assert evaluate_rules(config, now=NOW + timedelta(hours=6)) == {"pulse": 1}
    assert deliver_due(config, now=NOW + timedelta(hours=6)).sent == 2

    db = tmp_path / "w.duckdb"
    stored = rows(db, "SELECT kind, rule, title, status, dedup_key FROM alerts ORDER BY created_at")
    assert [row[:4] for row in stored] == [("heartbeat", "pulse", "still here", "sent")] * 2
    period = int(NOW.timestamp() // (6 * 3600))
    assert stored[0][4] == dedup_key("pulse", "heartbeat", f"period:{period}")
    delivered = [json.loads(line) for line in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    assert [d["dedup_key"] for d in delivered] == [row[4] for row in stored]
    assert "Rule: pulse (heartbeat, instant)" in delivered[0]["message"]


def test_a_registered_kind_gets_the_config_loaders_checks(tmp_path: Path, heartbeat: AlertKind) -> None:
    path = write_config(tmp_path, "every_hours = 0\n")
    with pytest.raises(ConfigError, match=r"'alerts\.rules\[0\]\.every_hours' must be greater than 0") as refused:
        load_config(path)
    assert str(path) in str(refused.value)
    with pytest.raises(ConfigError, match=r"unknown key 'alerts\.rules\[0\]\.labels' for a heartbeat rule"):
        load_config(write_config(tmp_path, 'labels = "x"\n'))
    with pytest.raises(ConfigError, match=r"'alerts\.rules\[0\]\.label' must be a string, got 3"):
        load_config(write_config(tmp_path, "label = 3\n"))


def test_an_unregistered_kind_is_named_with_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"unknown kind 'heartbeat' \(one of .*new_coverage.*\)"):
        load_config(write_config(tmp_path, ""))


def test_a_kind_name_is_taken_once_and_its_parameters_need_defaults(heartbeat: AlertKind) -> None:
    with pytest.raises(ValueError, match="already registered"):
        register(AlertKind("heartbeat", HeartbeatParams, heartbeats))

    @dataclass(frozen=True)
    class NoDefault:
        label: str

    with pytest.raises(TypeError, match=r"every parameter needs a default \(label\)"):
        AlertKind("broken", NoDefault, heartbeats)


def test_reading_the_rules_loads_no_warehouse_or_network_code() -> None:
    """Every command reads the config: the kinds' parameters come without DuckDB, Arrow or httpx."""
    probe = (
        "import sys; from flows.config import load_config; config = load_config('storywatch.toml');"
        " print(len({r.kind for r in config.alerts.rules}), sorted({'duckdb', 'pyarrow', 'httpx'} & set(sys.modules)))"
    )
    repo = Path(__file__).resolve().parents[1]
    run = [sys.executable, "-c", probe]
    done = subprocess.run(run, cwd=repo, capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.split() == [str(len(KINDS)), "[]"]
