"""Shared test fixtures. Tests never reach the internet; local servers on 127.0.0.1 stand in for it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bench.shared_data import SHARED_DIR
from tests.helpers import CliInvoke

if TYPE_CHECKING:
    import typer
    from click.testing import Result
    from spacy.language import Language

    from extractors.gazetteer import Gazetteer

# Rich fixes a console's width when it is created if COLUMNS is set (pytest-xdist's workers have
# COLUMNS=80), and flows.cli creates its consoles at import: without COLUMNS here, the width follows
# the COLUMNS each `cli(...)` call sets. Subprocesses get theirs from tests.helpers.storywatch_env.
os.environ.pop("COLUMNS", None)
os.environ.pop("LINES", None)

REPO_ROOT = Path(__file__).resolve().parents[1]


# Fixtures that make a test slow whether or not it says so (`-m "not slow"`, make test-quick, leaves
# it out): the Prefect harness and the browser. Other slow tests carry @pytest.mark.slow.
SLOW_FIXTURES = frozenset({"prefect_harness", "chromium"})


@pytest.fixture(scope="session", autouse=True)
def prefect_logging_on_the_session_stream() -> None:
    """Prefect installs its console log handler on the stream `sys.stderr` is when Prefect first sets up
    logging. Done inside an in-process `cli(...)` call, that is CliRunner's stream, closed when the call
    returns, and every later Prefect log in this worker fails ("I/O operation on closed file", then a
    recursion through log_prints). Set it up here, on the session's stream, before any test runs."""
    from prefect.logging.configuration import setup_logging

    setup_logging()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        pytest.fail(f"shared data folder not found at {SHARED_DIR}: it is laid beside the repository")
    return SHARED_DIR


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One temporary Prefect API for the whole test session (starting one costs ~10 s)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def chromium() -> str:
    """The headless Chromium of tests/browser.py (tests that use it are slow)."""
    from tests.browser import find_chromium

    path = find_chromium()
    if path is None:
        pytest.skip(
            "headless Chromium is not installed and `make browser` could not install it (needs apt-get as root)"
        )
    return path


@pytest.fixture
def no_seeds(tmp_path: Path) -> Path:
    """An empty seed corpus (tmp_path/seeds), for runs where only the feeds matter."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "manifest.toml").write_text("")
    return folder


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The pipeline `storywatch` extracts with (model + gazetteer ruler), loaded once per session."""
    from extractors.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    """The committed gazetteer (load_gazetteer caches it per process)."""
    from extractors.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def cli_app() -> typer.Typer:
    """The `storywatch` command line's app object: the one place tests import it from."""
    from flows.cli import app

    return app


@pytest.fixture
def cli(cli_app: typer.Typer, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliInvoke]:
    """`storywatch ARGS` run in-process (typer's CliRunner): for validation and output, where starting
    the installed binary (python, imports, the spaCy model: ~3 s each) would test nothing more.
    `cwd` is where it runs; the result has `exit_code`, `stdout` and `stderr`."""
    from typer.testing import CliRunner

    def invoke(
        *args: str, cwd: Path | None = None, stdin: str | None = None, env: dict[str, str] | None = None
    ) -> Result:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        runner = CliRunner(env={"STORYWATCH_CONFIG": None, "STORYWATCH_DB": None, "COLUMNS": "200"} | (env or {}))
        return runner.invoke(cli_app, list(args), input=stdin, catch_exceptions=False)

    environment = dict(os.environ)
    yield invoke
    # Commands set Prefect's defaults in os.environ (flows/prefect_env.py): none outlive the test.
    os.environ.clear()
    os.environ.update(environment)
