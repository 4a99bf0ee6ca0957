"""Where a one-shot run (`storywatch run`, `reextract`) is tracked, decided before it starts.

Measured on the two-core machine (README, "How runs are tracked"): Prefect's temporary server,
which Prefect starts for every process that runs a flow without `PREFECT_API_URL`, costs 8-10 s
of a one-shot command that otherwise takes 1-2 s. So a one-shot run uses a Prefect server only
when there is one:

- `PREFECT_API_URL` set (or a Prefect setting/profile naming an API): the run is a flow run there;
- else a Prefect server answering on 127.0.0.1 at `[schedule] server_port` (4200 by default: the
  one `storywatch serve` starts, or the user's `prefect server start`), or the one `serve` started
  on another port and announced in $PREFECT_HOME: the run is a flow run there;
- else the flow's own code runs as plain function calls, with no flow run, no task runs, no API,
  and without importing Prefect at all (see the decorators below).

In every mode the run writes its row to the warehouse's `runs` table (with `flow_run_id` when
Prefect tracked it), so the run history never depends on Prefect.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import tomllib
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")

LOCAL_HOST = "127.0.0.1"
PROBE_TIMEOUT_S = 1.0  # a server here answers /api/health in milliseconds (more when busy); a closed port fails at once


def configured_api_url() -> str | None:
    """The Prefect API that Prefect's settings name: PREFECT_API_URL in the environment, else in the
    active profile of $PREFECT_HOME/profiles.toml (read here: importing Prefect costs more than a run
    with nothing new). Once Prefect is imported (tests, the benchmark), its current settings."""
    if "prefect.settings" in sys.modules:
        from prefect.settings import get_current_settings

        return get_current_settings().api.url or None
    if "PREFECT_API_URL" in os.environ:
        return os.environ["PREFECT_API_URL"] or None
    home = _prefect_home()
    try:
        profiles = tomllib.loads((home / "profiles.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return None
    active = os.environ.get("PREFECT_PROFILE") or profiles.get("active", "ephemeral")
    url = profiles.get("profiles", {}).get(active, {}).get("PREFECT_API_URL")
    return str(url) if url else None


def local_server_url(port: int, timeout_s: float = PROBE_TIMEOUT_S) -> str | None:
    """`http://127.0.0.1:PORT/api` when a Prefect server answers its health check there, else None."""
    if port <= 0:
        return None
    api_url = f"http://{LOCAL_HOST}:{port}/api"
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=timeout_s) as response:
            return api_url if response.status == 200 and response.read(100).strip() == b"true" else None
    except (OSError, ValueError):  # refused, timed out, not HTTP, not Prefect
        return None


SERVER_FILE = "storywatch-server-url"  # in $PREFECT_HOME: the API of the server `storywatch serve` runs


def _prefect_home() -> Path:
    return Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect")


def announce_server(home: Path, api_url: str | None) -> None:
    """`serve` records the API of the server it started (None: it stopped it), so that one-shot runs
    with the same $PREFECT_HOME find it on whatever port it got."""
    path = home / SERVER_FILE
    if api_url:
        path.write_text(api_url + "\n", encoding="utf-8")
    else:
        path.unlink(missing_ok=True)


def announced_server_url(timeout_s: float = PROBE_TIMEOUT_S) -> str | None:
    """The API `serve` announced in $PREFECT_HOME, when it answers its health check."""
    try:
        api_url = (_prefect_home() / SERVER_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    port = api_url.removeprefix(f"http://{LOCAL_HOST}:").removesuffix("/api")
    return local_server_url(int(port), timeout_s) if port.isdigit() else None


def tracking_api_url(server_port: int) -> str | None:
    """The Prefect API a one-shot run reports to: the configured one, else a local server on
    `server_port`, else the one `storywatch serve` announced; None: run untracked (plain calls)."""
    return configured_api_url() or local_server_url(server_port) or announced_server_url()


# --- tasks and flows that cost no Prefect import until a flow run needs them ----------------------
#
# Importing Prefect costs 1-3 s on the two-core machine, more than an untracked run with nothing new
# costs whole. So the flows' modules declare their tasks and flows with the decorators below: a task
# is a plain call outside a Prefect flow run and a Prefect task inside one (made on first use); a flow
# is a Prefect flow made when the module attribute is first read (`from flows.pipeline import ingest`,
# `storywatch serve`, Prefect loading the deployment's entrypoint `flows.pipeline.ingest`), while
# the decorated function (`_ingest`) stays a plain function for untracked runs.


def in_flow_run() -> bool:
    """Inside a Prefect flow run (never true before Prefect is imported)."""
    context = sys.modules.get("prefect.context")
    return context is not None and context.FlowRunContext.get() is not None


class LazyTask(Generic[P, R]):
    """A function that is a Prefect task (`cache_policy=NO_CACHE`) when called inside a flow run."""

    def __init__(self, fn: Callable[P, R], name: str) -> None:
        functools.update_wrapper(self, fn)
        self.fn = fn
        self.name = name
        self._task: Any = None

    def prefect_task(self) -> Any:
        if self._task is None:
            from prefect import task
            from prefect.cache_policies import NO_CACHE

            self._task = task(self.fn, name=self.name, cache_policy=NO_CACHE)
        return self._task

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        if in_flow_run():
            return self.prefect_task()(*args, **kwargs)  # type: ignore[no-any-return]
        return self.fn(*args, **kwargs)


def task(name: str) -> Callable[[Callable[P, R]], LazyTask[P, R]]:
    return lambda fn: LazyTask(fn, name)


def flow(name: str, **options: Any) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Register the function as its module's flow `name`: the Prefect flow is the module attribute
    `name`, made on first read (see `module_flows`); the decorated name stays the plain function."""

    def register(fn: Callable[P, R]) -> Callable[P, R]:
        fn.__name__ = fn.__qualname__ = name  # Prefect's entrypoint for it: <module>.<name>
        _FLOW_SPECS[(fn.__module__, name)] = (fn, options)
        return fn

    return register


_FLOW_SPECS: dict[tuple[str, str], tuple[Callable[..., Any], dict[str, Any]]] = {}
_FLOWS: dict[tuple[str, str], Any] = {}


def module_flows(module_name: str) -> Callable[[str], Any]:
    """The module's `__getattr__`: its flows as Prefect flows, each made once."""

    def flow_attribute(name: str) -> Any:
        key = (module_name, name)
        if key not in _FLOW_SPECS:
            raise AttributeError(f"module {module_name!r} has no attribute {name!r}")
        if key not in _FLOWS:
            from prefect import flow as prefect_flow

            fn, options = _FLOW_SPECS[key]
            _FLOWS[key] = prefect_flow(name=name, **options)(fn)
        return _FLOWS[key]

    return flow_attribute


def run_logger(name: str = "storywatch") -> logging.Logger | logging.LoggerAdapter[logging.Logger]:
    """The flow run's logger inside a Prefect flow run (its lines reach the Prefect UI), else `name`."""
    if in_flow_run():
        from prefect import get_run_logger

        return get_run_logger()  # type: ignore[return-value]
    return logging.getLogger(name)


def opaque(value: T) -> T:
    """Prefect's `quote` inside a flow run (a task argument Prefect must not walk: seconds per 100k
    words), the value itself elsewhere."""
    if in_flow_run():
        from prefect.utilities.annotations import quote

        return quote(value)  # type: ignore[return-value]
    return value


def flow_run_id() -> str | None:
    """The Prefect flow run's id inside one, else None."""
    if not in_flow_run():
        return None
    from prefect.runtime import flow_run

    return str(flow_run.id) if flow_run.id else None
