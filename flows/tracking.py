"""Where a one-shot run (`storywatch run`, `reextract`) is tracked, decided before it starts.

Measured on the two-core machine (README, "How runs are tracked"): Prefect's temporary server,
which Prefect starts for every process that runs a flow without `PREFECT_API_URL`, costs 8-10 s
of a one-shot command that otherwise takes 1-2 s. So a one-shot run uses a Prefect server only
when there is one:

- `PREFECT_API_URL` set (or a Prefect setting/profile naming an API): the run is a flow run there;
- else a Prefect server answering on 127.0.0.1 at `[schedule] server_port` (4200 by default: the
  one `storywatch serve` starts, or the user's `prefect server start`): the run is a flow run there;
- else the flow's own code runs as plain function calls, with no flow run, no task runs and no API.

In every mode the run writes its row to the warehouse's `runs` table (with `flow_run_id` when
Prefect tracked it), so the run history never depends on Prefect.
"""

from __future__ import annotations

import contextlib
import logging
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

LOCAL_HOST = "127.0.0.1"
PROBE_TIMEOUT_S = 0.5  # a server on this machine answers /api/health in milliseconds; nothing listening fails at once


def configured_api_url() -> str | None:
    """The Prefect API that Prefect's own settings name (environment, profile), if any."""
    from prefect.settings import get_current_settings

    return get_current_settings().api.url or None


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


def tracking_api_url(server_port: int) -> str | None:
    """The Prefect API a one-shot run reports to: the configured one, else a local server on
    `server_port`; None: run untracked (plain calls)."""
    return configured_api_url() or local_server_url(server_port)


@contextlib.contextmanager
def plain_calls(module: ModuleType) -> Iterator[None]:
    """Within: the module's Prefect tasks are their plain functions, `get_run_logger` a standard
    logger and `opaque` (Prefect's `quote`) the identity, so a flow's `.fn` runs the same code with
    no flow run, no task runs and no API call. For one-shot processes and benchmarks: it swaps module
    attributes, so a concurrent flow run of the same module in this process would see them too."""
    from prefect import Task

    swapped: dict[str, Any] = {name: value for name, value in vars(module).items() if isinstance(value, Task)}
    replacements: dict[str, Any] = {name: task.fn for name, task in swapped.items()}
    plain: dict[str, Callable[..., Any]] = {
        "get_run_logger": lambda: logging.getLogger(f"storywatch.{module.__name__.rsplit('.', 1)[-1]}"),
        # quote() only tells Prefect's task machinery not to walk an argument: a plain call takes it as is.
        "opaque": lambda value: value,
    }
    for name, replacement in plain.items():
        if hasattr(module, name):
            swapped[name] = getattr(module, name)
            replacements[name] = replacement
    try:
        for name, replacement in replacements.items():
            setattr(module, name, replacement)
        yield
    finally:
        for name, original in swapped.items():
            setattr(module, name, original)
