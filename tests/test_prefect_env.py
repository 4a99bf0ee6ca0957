"""A flow run in Prefect's ephemeral mode (no PREFECT_API_URL: Prefect starts a temporary server, as
the benchmark's flow runs do; `storywatch run` itself starts none, see tests/test_one_shot.py) killed
with SIGKILL takes its temporary Prefect server with it."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.helpers import held_open, storywatch_env

# The ingest flow called as a Prefect flow with no API configured: Prefect starts its temporary server.
EPHEMERAL_FLOW_RUN = """
import sys
from flows.prefect_env import apply_prefect_defaults
apply_prefect_defaults()
from flows.prefect_env import ephemeral_server_dies_with_parent
from flows.pipeline import ingest
ephemeral_server_dies_with_parent()
ingest(config_path=sys.argv[1], offline=True)
"""
GONE_WITHIN_S = 20.0  # watchdog bound: the server notices within 0.5 s, then has 5 s to stop (as Prefect's own stop)


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = (entry / "stat").read_text()
                if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
    return found


def cmdline(pid: int) -> str:
    try:
        return (Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")).decode(errors="replace")
    except OSError:
        return ""


def running(pid: int) -> bool:
    """Alive and not a zombie (a container's init may never reap an orphan, but a zombie holds no memory)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.slow
def test_killed_run_leaves_no_prefect_server(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    config = tmp_path / "storywatch.toml"
    config.write_text(f'[warehouse]\npath = "{db}"\nlock_wait_s = 300\n')  # the run waits: it is alive when killed
    env = storywatch_env(tmp_path)
    server: int | None = None
    with held_open(db):
        run = subprocess.Popen(
            [sys.executable, "-c", EPHEMERAL_FLOW_RUN, str(config)],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 180
            while server is None and time.monotonic() < deadline and run.poll() is None:
                server = next((c for c in children(run.pid) if "uvicorn" in cmdline(c)), None)
                time.sleep(0.2)
            assert server is not None, "the run started no temporary Prefect server"
            port = re.search(r"--port (\d+)", cmdline(server))
            assert port is not None
            while time.monotonic() < deadline:  # up and serving, as a run in progress has it
                with contextlib.suppress(httpx.HTTPError):
                    if httpx.get(f"http://127.0.0.1:{port[1]}/api/health", timeout=2).status_code == 200:
                        break
                time.sleep(0.3)
            assert run.poll() is None, "the run ended before it could be killed"

            run.send_signal(signal.SIGKILL)
            run.wait()
            killed_at = time.monotonic()
            while running(server) and time.monotonic() - killed_at < GONE_WITHIN_S:
                time.sleep(0.2)
            assert not running(server), f"the Prefect server (PID {server}) outlived its killed parent"
        finally:
            if run.poll() is None:
                run.kill()
                run.wait()
            if server is not None and running(server):
                os.kill(server, signal.SIGKILL)
