"""Environment defaults for Prefect, applied before Prefect is imported (it reads them at import),
and the watchdog that ends Prefect's temporary server when the process that started it dies.

Run as `python …/flows/prefect_env.py PARENT_PID -m uvicorn …`, this file is that watchdog (by
path, not `-m flows.prefect_env`: a `flows` package in the working directory, common in Prefect
projects, would be imported instead).
"""

from __future__ import annotations

import os
import runpy
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

WATCH_INTERVAL_S = 0.5  # how often the server checks that its parent is alive
STOP_GRACE_S = 5.0  # after SIGTERM, how long the server may take to shut down before it is ended


def apply_prefect_defaults(home: Path | None = None) -> None:
    """Defaults for whatever the environment leaves unset (the Makefile sets the same ones)."""
    # Prefect keeps its state inside the project (not ~/.prefect) unless told otherwise.
    os.environ.setdefault("PREFECT_HOME", str(home or Path.cwd() / ".prefect"))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    # The temporary server Prefect starts without PREFECT_API_URL gets 20 s by default, which a busy
    # two-core machine can exceed; a slow start is not a failed run.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")


def ephemeral_server_dies_with_parent() -> None:
    """Make the temporary Prefect server (started when PREFECT_API_URL is unset) end with its parent.

    Prefect 3 starts it as `python -m uvicorn …` (SubprocessASGIServer._run_uvicorn_command in
    prefect/server/api/server.py) and stops it at exit; a parent killed with SIGKILL never gets there
    and leaves the server running (~225 MB, reparented to init). No setting changes that, so the
    `subprocess` that module sees is wrapped: its uvicorn command is started through this module,
    which watches the parent and stops the server when it is gone. PR_SET_PDEATHSIG alone would not
    do: it fires when the *thread* that started the child ends, and Prefect may start the server from
    a worker thread. Only that module's Popen calls are affected. Call before the first flow run;
    importing the module is what starting the server costs anyway.
    """
    from prefect.server.api import server as prefect_server

    if not isinstance(prefect_server.subprocess, _WatchedSubprocess):
        prefect_server.subprocess = _WatchedSubprocess(prefect_server.subprocess)  # type: ignore[assignment]


class _WatchedSubprocess:
    """`subprocess`, except that a `python -m uvicorn` child is started under the watchdog below."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def Popen(self, args: Any, *rest: Any, **kwargs: Any) -> Any:  # named as subprocess names it
        command = list(args) if isinstance(args, list | tuple) else None
        if command and command[1:3] == ["-m", "uvicorn"]:
            args = [command[0], str(Path(__file__).resolve()), str(os.getpid()), *command[1:]]
        return self._real.Popen(args, *rest, **kwargs)


def _watch_parent(parent_pid: int) -> None:
    """In the server's process: once the parent is gone (we are reparented), stop like Ctrl-C would,
    and end for good if that takes longer than STOP_GRACE_S."""
    while os.getppid() == parent_pid:
        time.sleep(WATCH_INTERVAL_S)
    os.kill(os.getpid(), signal.SIGTERM)  # uvicorn shuts down cleanly on SIGTERM
    time.sleep(STOP_GRACE_S)
    os._exit(1)


def main(argv: list[str]) -> None:
    """`PARENT_PID -m MODULE ARGS…`: run MODULE as `python -m` would, while watching PARENT_PID."""
    parent_pid, flag, module, *module_args = argv
    if flag != "-m":
        raise SystemExit(f"usage: python {__file__} PARENT_PID -m MODULE [ARGS…]")
    threading.Thread(target=_watch_parent, args=(int(parent_pid),), name="parent-watchdog", daemon=True).start()
    sys.path[0] = os.getcwd()  # as `python -m MODULE` has it, not this file's folder
    sys.argv = [module, *module_args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
