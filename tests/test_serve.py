"""`storywatch serve` as a newcomer starts it: on an existing Prefect server (PREFECT_API_URL), and
on a server of its own. Scheduled runs are watched through the Prefect API."""

from __future__ import annotations

import contextlib
import itertools
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import httpx
import pytest

from tests.helpers import STORYWATCH, held_open, rows, storywatch, storywatch_env, user_project

SERVER_START_S = 240  # a cold `prefect server start` takes ~30 s here, more when the machine is busy

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def prefect_env(home: Path) -> dict[str, str]:
    """Prefect's state in `home`, shared by serve and the one-shot runs of a test."""
    return {"PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}


def base_env(home: Path) -> dict[str, str]:
    return storywatch_env(home.parent, prefect_env(home))


def healthy(api_url: str) -> bool:
    try:
        return httpx.get(f"{api_url}/health", timeout=3).status_code == 200
    except httpx.HTTPError:
        return False


def wait_for(predicate: Any, timeout_s: float, what: str, interval_s: float = 1.0) -> Any:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval_s)
    raise AssertionError(f"timed out after {timeout_s:.0f} s waiting for {what}")


def stop(process: subprocess.Popen[Any], *, group: bool = False, timeout_s: float = 60) -> None:
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            if group:
                os.killpg(process.pid, signal.SIGTERM)
            else:
                process.terminate()
        try:
            process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                if group:
                    os.killpg(process.pid, signal.SIGKILL)
                else:
                    process.kill()
            process.wait(timeout=10)


class Lines:
    """Lines of a process's output, read in a thread, so a test can wait for one."""

    def __init__(self, stream: IO[str]) -> None:
        self.seen: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream: IO[str]) -> None:
        for line in stream:
            self._queue.put(line.rstrip("\n"))

    def wait(self, pattern: str, timeout_s: float) -> re.Match[str]:
        regex = re.compile(pattern)
        for line in self.seen:
            if match := regex.search(line):
                return match
        deadline = time.monotonic() + timeout_s
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._queue.get(timeout=left)
            except queue.Empty:
                break
            self.seen.append(line)
            if match := regex.search(line):
                return match
        raise AssertionError(f"no line matching {pattern!r} in {timeout_s:.0f} s; output:\n" + "\n".join(self.seen))

    def text(self) -> str:
        while not self._queue.empty():
            self.seen.append(self._queue.get_nowait())
        return "\n".join(self.seen)


def project(tmp_path: Path, schedule: str, warehouse: str = "") -> Path:
    work = tmp_path / "project"
    user_project(
        work,
        f"""
[warehouse]
path = "data/storywatch.duckdb"
{warehouse}
[schedule]
{schedule}
[alerts]
console = false
""",
    )
    (work / "data").mkdir()
    return work


@contextlib.contextmanager
def prefect_server(home: Path) -> Iterator[str]:
    """A real `prefect server start` on 127.0.0.1 and a free port, SQLite under `home`."""
    port = free_port()
    home.mkdir(parents=True, exist_ok=True)
    with (home / "server.log").open("wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=base_env(home),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    api_url = f"http://127.0.0.1:{port}/api"
    try:
        wait_for(lambda: server.poll() is not None or healthy(api_url), SERVER_START_S, "the Prefect server")
        assert server.poll() is None, (home / "server.log").read_text()
        yield api_url
    finally:
        stop(server, group=True)


def client(api_url: str) -> Any:
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    stack = contextlib.ExitStack()
    stack.enter_context(temporary_settings(updates={PREFECT_API_URL: api_url}))
    return stack, stack.enter_context(get_client(sync_client=True))


def registered(api: Any, name: str, timeout_s: float = 90) -> Any:
    """The deployment, once `serve` has registered it."""
    from prefect.exceptions import ObjectNotFound

    def read() -> Any:
        try:
            return api.read_deployment_by_name(name)
        except ObjectNotFound:
            return None

    return wait_for(read, timeout_s, f"deployment {name}")


def test_serve_on_an_existing_server(tmp_path: Path) -> None:
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId, FlowRunFilter, FlowRunFilterId

    home = tmp_path / ".prefect"
    # lock_wait_s: a run that finds the warehouse held waits (is in progress) when serve is stopped.
    work = project(tmp_path, "interval_s = 8\ntask_retries = 1\ntask_retry_delay_s = 1", "lock_wait_s = 150")
    db = work / "data" / "storywatch.duckdb"
    with prefect_server(home) as api_url:
        env = base_env(home) | {"PREFECT_API_URL": api_url}
        serve = subprocess.Popen(
            [STORYWATCH, "serve"],
            cwd=work,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        output = Lines(serve.stdout)  # type: ignore[arg-type]
        stack, api = client(api_url)
        try:
            output.wait(r"serving ingest/ingest \(every 8 s\) and digest/digest", 120)
            deployment = registered(api, "ingest/ingest")
            runs_of = DeploymentFilter(id=DeploymentFilterId(any_=[deployment.id]))

            def completed() -> list[Any]:
                runs = api.read_flow_runs(deployment_filter=runs_of)
                done = [r for r in runs if r.state and r.state.is_completed()]
                return runs if len(done) >= 2 else []

            runs = wait_for(completed, 200, "two completed scheduled ingest runs", interval_s=2)
            assert all(r.auto_scheduled for r in runs if r.state and r.state.is_completed())
            # A run that found another in progress was skipped (cancelled before doing anything) …
            skipped = [r for r in runs if r.state and r.state.is_cancelled()]
            for r in skipped:
                assert "concurrency limit" in (r.state.message or ""), r.state
                assert r.total_run_time.total_seconds() == 0
            # … and no two runs that did work overlapped in time.
            ran = [r for r in runs if r.start_time is not None and r.id not in {k.id for k in skipped}]
            spans = sorted((r.start_time, r.end_time or datetime.now(UTC)) for r in ran)
            for (_, end), (start, _) in itertools.pairwise(spans):
                assert start >= end, f"overlapping runs: {spans}"
            deployment = api.read_deployment_by_name("ingest/ingest")
            assert deployment.global_concurrency_limit and deployment.global_concurrency_limit.limit == 1
            assert deployment.concurrency_options.collision_strategy.value == "CANCEL_NEW"
            assert deployment.parameters["config_path"] == str(work / "storywatch.toml")
            # Tasks of scheduled runs retry as configured.
            done = next(r for r in runs if r.state and r.state.is_completed())
            tasks = api.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[done.id])))
            assert tasks and {t.empirical_policy.retries for t in tasks} == {1}

            # A run in progress (waiting for the warehouse another process holds) when serve gets
            # SIGTERM: serve says it was cancelled by SIGTERM, and the server has it Cancelled.
            # (Prefect schedules runs ahead: those not yet started are not "known".)
            known = {
                r.id
                for r in api.read_flow_runs(deployment_filter=runs_of)
                if r.state and (r.state.is_final() or r.state.is_running())
            }

            def in_progress() -> Any:
                runs = api.read_flow_runs(deployment_filter=runs_of)
                return next((r for r in runs if r.id not in known and r.state and r.state.is_running()), None)

            with held_open(db):
                interrupted = wait_for(in_progress, 120, "a scheduled run in progress", interval_s=1)
                serve.send_signal(signal.SIGTERM)
                serve.wait(timeout=90)
            output.wait(rf"run {interrupted.id} \(.*\) cancelled by SIGTERM.*; final state: Cancelled", 5)
            state = api.read_flow_run(interrupted.id).state
            assert state.is_cancelled() and "SIGTERM" in (state.message or "")
        finally:
            stop(serve)  # SIGTERM, as a user's Ctrl-C or systemd would; returncode 0 checked below
            stack.close()
        assert serve.returncode == 0, output.text()

        # Stopping serve leaves the schedules active.
        stack, api = client(api_url)
        with stack:
            for name in ("ingest/ingest", "digest/digest"):
                deployment = api.read_deployment_by_name(name)
                assert not deployment.paused, name
                assert deployment.schedules and all(s.active for s in deployment.schedules), name
            completed_ids = {str(r.id) for r in api.read_flow_runs(deployment_filter=runs_of) if r.state.is_completed()}

            # A one-shot `storywatch run` finds this server on [schedule] server_port (no PREFECT_API_URL)
            # and is a flow run on it.
            port = int(api_url.rsplit(":", 1)[1].split("/")[0])
            (work / "one-shot.toml").write_text(
                f'[warehouse]\npath = "data/storywatch.duckdb"\n[schedule]\nserver_port = {port}\n'
                "[alerts]\nconsole = false\n"
            )
            one_shot = storywatch("run", "--offline", "--config", "one-shot.toml", cwd=work, env=prefect_env(home))
            assert one_shot.returncode == 0, one_shot.stderr
            (row,) = rows(db, "select flow_run_id from runs order by started_at desc limit 1")
            assert row[0] and row[0] in one_shot.stdout  # the summary names the flow run
            tracked = api.read_flow_run(row[0])
            assert tracked.state.is_completed() and tracked.deployment_id is None
            assert api.read_flow(tracked.flow_id).name == "ingest"

    stored = {r[0] for r in rows(db, "select flow_run_id from runs where status = 'completed'")}
    assert completed_ids <= stored  # every completed scheduled run is in the warehouse


def test_serve_starts_and_stops_its_own_server(tmp_path: Path) -> None:
    home = tmp_path / ".prefect"
    work = project(tmp_path, "interval_s = 3600\ndigest_interval_s = 3600\nserver_port = 0")
    serve = subprocess.Popen(
        [STORYWATCH, "serve"],
        cwd=work,
        env=base_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = Lines(serve.stdout)  # type: ignore[arg-type]
    try:
        started = output.wait(r"Prefect server \(pid (\d+), log .*\): (http://127\.0\.0\.1:(\d+)/api)", SERVER_START_S)
        pid, api_url = int(started[1]), started[2]
        output.wait(r"Prefect UI: http://127\.0\.0\.1:\d+$", 30)
        output.wait(r"serving ingest/ingest \(every 3600 s\)", 120)
        assert healthy(api_url)
        assert (home / "prefect.db").exists()  # its SQLite database lives in the project's PREFECT_HOME
        stack, api = client(api_url)
        with stack:
            assert registered(api, "ingest/ingest").schedules
            assert registered(api, "digest/digest").schedules
            # A one-shot run of the project (same PREFECT_HOME, no PREFECT_API_URL, server_port = 0 so no
            # port to probe) finds the server serve announced there, and is a flow run on it.
            one_shot = storywatch("run", "--offline", cwd=work, env=prefect_env(home))
            assert one_shot.returncode == 0, one_shot.stderr
            ((flow_run_id,),) = rows(
                work / "data" / "storywatch.duckdb", "select flow_run_id from runs order by started_at desc limit 1"
            )
            assert flow_run_id and flow_run_id in one_shot.stdout
            assert api.read_flow_run(flow_run_id).state.is_completed()
    finally:
        stop(serve, timeout_s=90)  # SIGTERM; returncode 0 checked below
    text = output.text()
    assert serve.returncode == 0, text
    assert "Prefect server stopped" in text
    assert not (home / "storywatch-server-url").exists()  # no longer announced
    assert not Path(f"/proc/{pid}").exists(), "the Prefect server outlived serve"
    assert not healthy(api_url)
