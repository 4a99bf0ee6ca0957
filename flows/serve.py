"""`storywatch serve`: the `ingest` and `digest` deployments, served on a real Prefect server.

Cron schedules only fire on a real server (never in Prefect's ephemeral mode), so `serve` uses the
server named by `PREFECT_API_URL`, or else starts one it owns: `prefect server start` on 127.0.0.1
and a free port, with its SQLite database under the project's `PREFECT_HOME`. It waits until the
server answers `/api/health`, serves, and on Ctrl-C or SIGTERM stops the runner first and then the
server.

- Runs never overlap: each deployment has a concurrency limit of 1 with the CANCEL_NEW collision
  strategy, so a run that finds another in progress is cancelled (skipped), not queued behind it.
- Schedules stay active when `serve` stops (`pause_on_shutdown=False`): a restart resumes them.
- A failing task is retried `[schedule] task_retries` times, `task_retry_delay_s` apart (Prefect's
  task defaults, set for the run processes).
- After downtime the first run catches up: which feeds are polled is decided by each feed's
  `next_fetch_at` in the warehouse, not by the schedule, so nothing published in the gap is missed.
- Memory stays bounded: every scheduled run is its own process (Prefect spawns it), which loads the
  spaCy pipeline once (`load_pipeline` is cached) and runs NLP inside `nlp.memory_zone()`.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import Any

import httpx

from flows.config import Config
from flows.tracking import announce_server

INGEST_DEPLOYMENT = "ingest"
DIGEST_DEPLOYMENT = "digest"
HOST = "127.0.0.1"


class ServeError(Exception):
    """`serve` cannot start; the message says why in one line."""


class Stopped(BaseException):
    """SIGTERM arrived before the runner took over signal handling."""


# --- the local Prefect server --------------------------------------------------------------------


def port_is_free(port: int, host: str = HOST) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def free_port(preferred: int = 0, host: str = HOST) -> int:
    """`preferred` when it is free, else any free port."""
    if preferred and port_is_free(preferred, host):
        return preferred
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def api_healthy(api_url: str, timeout_s: float = 3.0) -> bool:
    try:
        response = httpx.get(f"{api_url.rstrip('/')}/health", timeout=timeout_s)
    except httpx.HTTPError:
        return False
    return response.status_code == 200


def _die_with_parent() -> None:
    """In the server's process (Linux): get SIGTERM if `serve` itself is killed without cleanup."""
    with contextlib.suppress(Exception):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)


@dataclass
class LocalServer:
    """A `prefect server start` process that `serve` started and must stop."""

    process: subprocess.Popen[bytes]
    port: int
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.url}/api"

    def stop(self, timeout_s: float = 30.0) -> None:
        """SIGTERM to the server's process group, then SIGKILL if it does not exit in time."""
        if self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def log_tail(self, lines: int = 15) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.strip().splitlines()[-lines:])


def start_local_server(home: Path, *, preferred_port: int, timeout_s: float) -> LocalServer:
    """Start `prefect server start` on 127.0.0.1 (SQLite under `home`) and wait until it is healthy."""
    home.mkdir(parents=True, exist_ok=True)
    port = free_port(preferred_port)
    log_path = home / "server.log"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env |= {
        "PREFECT_HOME": str(home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_API_HOST": HOST,
        "PREFECT_SERVER_API_PORT": str(port),
    }
    command = [sys.executable, "-m", "prefect", "server", "start", "--host", HOST, "--port", str(port)]
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,  # its own process group: stopped by us, not by the terminal's Ctrl-C
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
        )
    server = LocalServer(process, port, log_path)
    try:
        wait_until_healthy(server.api_url, timeout_s, process=process)
    except BaseException:
        server.stop()
        raise
    return server


def wait_until_healthy(api_url: str, timeout_s: float, *, process: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        if process is not None and process.poll() is not None:
            raise ServeError(f"the Prefect server exited (status {process.returncode}) before it became healthy")
        if api_healthy(api_url):
            return
        if time.monotonic() >= deadline:
            raise ServeError(f"the Prefect server at {api_url} was not healthy after {timeout_s:.0f} s")
        time.sleep(0.5)


# --- deployments ----------------------------------------------------------------------------------


def describe_schedule(interval_s: float | None, cron: str, timezone: str) -> str:
    if interval_s:
        return f"every {interval_s:g} s"
    return f"cron '{cron}' ({timezone})"


def run_environment(config: Config) -> dict[str, str]:
    """Settings for the run processes: Prefect's task defaults carry `[schedule] task_retries`."""
    return {
        "PREFECT_TASKS_DEFAULT_RETRIES": str(config.schedule.task_retries),
        "PREFECT_TASKS_DEFAULT_RETRY_DELAY_SECONDS": str(config.schedule.task_retry_delay_s),
    }


def build_deployments(config: Config, *, config_path: str | None, db: str | None, seeds_dir: str | None) -> list[Any]:
    """The two deployments; each allows one run at a time and cancels (skips) a run that would overlap."""
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron, Interval

    from flows.alerts.delivery import digest
    from flows.pipeline import ingest

    schedule = config.schedule

    def when(interval_s: float | None, cron: str) -> Any:
        if interval_s:
            return Interval(timedelta(seconds=interval_s), timezone=schedule.timezone)
        return Cron(cron, timezone=schedule.timezone)

    def one_at_a_time() -> ConcurrencyLimitConfig:
        return ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW)

    ingest_deployment = ingest.to_deployment(
        name=INGEST_DEPLOYMENT,
        schedule=when(schedule.interval_s, schedule.cron),
        concurrency_limit=one_at_a_time(),
        parameters={"config_path": config_path, "db": db, "seeds_dir": seeds_dir},
        description="storywatch: seeds and due feeds → extract → load → alerts",
        tags=["storywatch"],
        entrypoint_type=EntrypointType.MODULE_PATH,  # importable wherever storywatch is installed
    )
    digest_deployment = digest.to_deployment(
        name=DIGEST_DEPLOYMENT,
        schedule=when(schedule.digest_interval_s, schedule.digest_cron),
        concurrency_limit=one_at_a_time(),
        parameters={"config_path": config_path, "db": db},
        description="storywatch: one message grouping the digest-mode alerts",
        tags=["storywatch"],
        entrypoint_type=EntrypointType.MODULE_PATH,
    )
    return [ingest_deployment, digest_deployment]


@contextlib.contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """Until the runner installs its own handler: SIGTERM unwinds (so the server we own is stopped)."""

    def handler(signum: int, frame: FrameType | None) -> None:
        raise Stopped()

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def serve(
    config: Config,
    *,
    config_path: str | None,
    db: str | None,
    seeds_dir: str | None,
    say: Callable[[str], None] = print,
) -> None:
    """Register the deployments and serve them until Ctrl-C or SIGTERM."""
    home = Path(os.environ.setdefault("PREFECT_HOME", str(Path.cwd() / ".prefect")))
    os.environ.update(run_environment(config))
    server: LocalServer | None = None
    with _stop_on_sigterm():
        try:
            api_url = os.environ.get("PREFECT_API_URL")
            if api_url:
                if not api_healthy(api_url, timeout_s=10):
                    raise ServeError(f"PREFECT_API_URL={api_url} does not answer {api_url.rstrip('/')}/health")
                say(f"Prefect server: {api_url} (PREFECT_API_URL)")
            else:
                say(f"starting a local Prefect server (state in {home}) …")
                server = start_local_server(
                    home, preferred_port=config.schedule.server_port, timeout_s=config.schedule.server_start_timeout_s
                )
                api_url = server.api_url
                announce_server(home, api_url)  # one-shot runs of this project report to it (flows/tracking.py)
                os.environ["PREFECT_API_URL"] = api_url  # for the run processes
                say(f"Prefect server (pid {server.process.pid}, log {server.log_path}): {api_url}")
            say(f"Prefect UI: {api_url.rstrip('/').removesuffix('/api')}")
            _serve_deployments(config, api_url, config_path=config_path, db=db, seeds_dir=seeds_dir, say=say)
        except Stopped:
            say("stopping (SIGTERM)")
        except KeyboardInterrupt:
            say("stopping (interrupted)")
        finally:
            if server is not None:
                say("stopping the local Prefect server …")
                announce_server(home, None)
                server.stop()
                say("Prefect server stopped")


def _serve_deployments(
    config: Config,
    api_url: str,
    *,
    config_path: str | None,
    db: str | None,
    seeds_dir: str | None,
    say: Callable[[str], None],
) -> None:
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: api_url}):
        deployments = build_deployments(config, config_path=config_path, db=db, seeds_dir=seeds_dir)
        schedule = config.schedule
        say(
            f"serving {INGEST_DEPLOYMENT}/{INGEST_DEPLOYMENT} "
            f"({describe_schedule(schedule.interval_s, schedule.cron, schedule.timezone)}) and "
            f"{DIGEST_DEPLOYMENT}/{DIGEST_DEPLOYMENT} "
            f"({describe_schedule(schedule.digest_interval_s, schedule.digest_cron, schedule.timezone)}); "
            "one run at a time each; Ctrl-C stops (schedules stay active)"
        )
        # The runner handles SIGTERM and Ctrl-C itself from here: it stops, then returns.
        serving_since = datetime.now(UTC)
        stopped_by = _run_until_stopped(deployments)
        if stopped_by:
            for line in cancel_interrupted_runs(serving_since, stopped_by):
                say(line)


def _run_until_stopped(deployments: list[Any]) -> str | None:
    """Serve the deployments (as `prefect.serve` does, schedules left active on shutdown) until
    SIGTERM or Ctrl-C; returns which one stopped it."""
    import asyncio

    from prefect.exceptions import TerminationSignal
    from prefect.runner import Runner

    class StopRecordingRunner(Runner):
        stopped_by: str | None = None

        def handle_sigterm(self, *args: Any, **kwargs: Any) -> None:
            self.stopped_by = "SIGTERM"
            super().handle_sigterm(*args, **kwargs)

    runner = StopRecordingRunner(pause_on_shutdown=False)
    for deployment in deployments:
        runner.add_deployment(deployment)
    try:
        asyncio.run(runner.start())
    except KeyboardInterrupt:
        runner.stopped_by = "Ctrl-C"
    except TerminationSignal:
        runner.stopped_by = "SIGTERM"
    return runner.stopped_by


def cancel_interrupted_runs(since: datetime, stopped_by: str) -> list[str]:
    """The runs of our deployments that the stop interrupted (started since `since`, not finished, or
    cancelled by the runner as it stopped): each is set Cancelled, saying why (the run's own last
    log line says "Finished in state Running()": its process was ended before it could say more).
    Returns one line per run: its id, what happened, its final state."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        DeploymentFilter,
        DeploymentFilterName,
        FlowRunFilter,
        FlowRunFilterStartTime,
    )
    from prefect.states import Cancelled

    message = f"cancelled by {stopped_by}: storywatch serve stopped while the run was in progress"
    lines: list[str] = []
    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(
            deployment_filter=DeploymentFilter(name=DeploymentFilterName(any_=[INGEST_DEPLOYMENT, DIGEST_DEPLOYMENT])),
            flow_run_filter=FlowRunFilter(start_time=FlowRunFilterStartTime(after_=since)),
        )
        for run in runs:
            state = run.state
            if state is None or (state.is_final() and not (state.is_cancelled() and run.total_run_time)):
                continue  # finished on its own, or skipped by the concurrency limit (it never ran)
            if state.is_cancelled() and state.message == message:
                continue
            client.set_flow_run_state(run.id, Cancelled(message=message), force=True)
            final = client.read_flow_run(run.id).state
            final_name = final.name if final else "unknown"
            lines.append(f"run {run.id} ({run.name}) {message}; final state: {final_name}")
    return lines
