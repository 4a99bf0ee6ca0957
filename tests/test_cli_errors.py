"""flows.cli.common.reported_errors: the one place a command's error becomes its last line and exit status."""

from __future__ import annotations

import pytest
import typer

from flows.cli.common import fail, reported_errors
from flows.config import ConfigError
from flows.seeds import SeedError
from warehouse.db import WarehouseLockedError
from warehouse.queries import QueryError


def exit_code(raised: pytest.ExceptionInfo[typer.Exit]) -> int:
    return raised.value.exit_code


@pytest.mark.parametrize("error", [ConfigError("[fetch] timeout_s: must be > 0"), SeedError("no manifest.toml")])
def test_a_users_mistake_is_one_line_and_status_2(error: Exception, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(typer.Exit) as raised, reported_errors(failed="run"):
        raise error
    assert exit_code(raised) == 2
    # The message is plain text: "[fetch]" is not taken for rich markup and dropped.
    assert capsys.readouterr().err.strip() == f"error: {error}"


def test_a_held_lock_is_a_users_error_too(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(typer.Exit) as raised, reported_errors():
        raise WarehouseLockedError("the warehouse is locked by a running load", 4242)
    assert exit_code(raised) == 2
    assert "locked by a running load" in capsys.readouterr().err


def test_a_commands_own_errors_get_their_own_line(capsys: pytest.CaptureFixture[str]) -> None:
    lines = {QueryError: lambda exc: f"query failed: {exc}", OSError: lambda exc: f"cannot write: {exc.strerror}"}
    with pytest.raises(typer.Exit) as raised, reported_errors(lines):
        raise QueryError("no such table: nope")
    assert exit_code(raised) == 2
    assert capsys.readouterr().err.strip() == "error: query failed: no such table: nope"
    with pytest.raises(typer.Exit), reported_errors(lines):
        raise PermissionError(13, "Permission denied")  # a subclass matches its base's line
    assert capsys.readouterr().err.strip() == "error: cannot write: Permission denied"


def test_a_run_that_breaks_exits_1_and_ctrl_c_130(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(typer.Exit) as raised, reported_errors(failed="reextract"):
        raise RuntimeError("model missing")
    assert exit_code(raised) == 1
    assert capsys.readouterr().err.strip() == "error: reextract failed: RuntimeError: model missing"
    with pytest.raises(typer.Exit) as raised, reported_errors(failed="run"):
        raise KeyboardInterrupt
    assert exit_code(raised) == 130
    assert capsys.readouterr().err.strip() == "error: interrupted: nothing of this run was stored"


def test_without_a_run_other_errors_propagate_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(RuntimeError, match="a bug"), reported_errors({QueryError: str}):
        raise RuntimeError("a bug")
    with pytest.raises(KeyboardInterrupt), reported_errors():
        raise KeyboardInterrupt
    assert capsys.readouterr().err == ""


def test_an_exit_raised_inside_passes_through_once(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(typer.Exit) as raised, reported_errors(failed="run"):
        raise fail("--wait must be a number of seconds, 0 or more; got -1")
    assert exit_code(raised) == 2
    assert capsys.readouterr().err.strip() == "error: --wait must be a number of seconds, 0 or more; got -1"
