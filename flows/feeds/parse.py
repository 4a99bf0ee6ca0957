"""Feed parsing with a wall-time bound.

`extractors.feeds.parse_feed` is pure, but a pathological document can keep feedparser's
regex-based fallback parser busy for a very long time, and a thread cannot be stopped. So the parse
runs in a worker process that is killed when the time is up. Processes are the shell's business,
which is why this lives in `flows/` and not beside the parser.

Why not `multiprocessing` (spawn / forkserver) or `ProcessPoolExecutor`: their children re-run the
parent's main module. Under `storywatch serve` a flow run's main module is `prefect.engine`
(`python -m prefect.engine`), so every child would import Prefect again — a second or more per feed.
Here the worker is a plain `python -m flows.feeds.parse` that imports only feedparser (~0.2 s, once),
stays alive and parses many feeds; requests and results travel as length-prefixed pickles over its
stdin/stdout. A worker that runs out of time (or dies) is killed and replaced on the next call.
Idle workers exit on their own when the parent goes away (their stdin reaches end-of-file).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import struct
import subprocess
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from extractors.feeds import ParsedFeed, parse_feed

__all__ = ["parse_feed_bounded", "shutdown_workers"]

_HEADER = struct.Struct(">Q")
_READY = b"storywatch-feedparse-ready\n"
_STARTUP_TIMEOUT_S = 60.0
_MAX_IDLE_WORKERS = 4
_MAX_PARSES_PER_WORKER = 1000  # recycle now and then, so a slow leak cannot grow without bound
_PROJECT_ROOT = Path(__file__).resolve().parents[1]


def parse_feed_bounded(
    body: bytes,
    *,
    url: str | None = None,
    headers: Mapping[str, str] | None = None,
    timeout_s: float,
) -> ParsedFeed:
    """`parse_feed` in a worker process, killed after `timeout_s` seconds of parsing.

    Never raises for bad input: a timeout or a crashed worker becomes a `ParsedFeed` with empty
    entries whose `error` says so, e.g. "feed parsing took longer than 5s". The worker's own start
    (once per worker, ~0.2 s) does not count against `timeout_s`.
    """
    if not timeout_s > 0:
        raise ValueError(f"timeout_s must be positive, got {timeout_s!r}")
    if not isinstance(body, bytes | bytearray | memoryview):
        raise TypeError(f"feed body must be bytes, not {type(body).__name__}")
    request = (bytes(body), url, dict(headers) if headers is not None else None)
    status, value = _POOL.call(request, timeout_s)
    if status == "ok" and isinstance(value, ParsedFeed):
        return value
    if status == "timeout":
        reason = f"feed parsing took longer than {timeout_s:g}s"
    elif status == "raised":
        reason = f"feed parser failed: {value}"
    else:
        reason = f"feed parser process failed: {value}"
    return ParsedFeed(title=None, link=None, entries=(), warning=None, error=reason)


def shutdown_workers() -> None:
    """Stop idle workers (also done at interpreter exit)."""
    _POOL.shutdown()


# --------------------------------------------------------------------------- parent side


class _WorkerError(Exception):
    pass


class _Worker:
    def __init__(self) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(_PROJECT_ROOT), env.get("PYTHONPATH")) if p)
        env["PYTHONUNBUFFERED"] = "1"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "flows.feeds.parse"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        self.parses = 0
        ok, value = _read_with_timeout(lambda: self._readline(), _STARTUP_TIMEOUT_S)
        if not ok or value != _READY:
            self.kill()
            raise _WorkerError("worker did not start" if ok else "worker start timed out")

    def _readline(self) -> bytes:
        assert self.process.stdout is not None
        return self.process.stdout.readline()

    def call(self, request: tuple[Any, ...], timeout_s: float) -> tuple[str, Any]:
        stdin, stdout = self.process.stdin, self.process.stdout
        assert stdin is not None and stdout is not None
        payload = pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL)
        self.parses += 1
        try:
            stdin.write(_HEADER.pack(len(payload)) + payload)
            stdin.flush()
        except OSError as exc:
            self.kill()
            return ("died", f"cannot send to worker: {exc}")
        ok, value = _read_with_timeout(lambda: _read_message(stdout), timeout_s)
        if not ok:
            self.kill()
            return ("timeout", None)
        if isinstance(value, BaseException):
            self.kill()
            return ("died", f"{value} (exit code {self.process.poll()})")
        return value  # type: ignore[no-any-return]

    def reusable(self) -> bool:
        return self.process.poll() is None and self.parses < _MAX_PARSES_PER_WORKER

    def close(self) -> None:
        with contextlib.suppress(OSError):
            if self.process.stdin is not None:
                self.process.stdin.close()  # the worker exits at end-of-file
        try:
            self.process.wait(timeout=2.0)
        except subprocess.TimeoutExpired:
            self.kill()
        self._close_pipes()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5.0)
        self._close_pipes()

    def _close_pipes(self) -> None:
        for pipe in (self.process.stdin, self.process.stdout):
            with contextlib.suppress(OSError):
                if pipe is not None:
                    pipe.close()


class _Pool:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: list[_Worker] = []

    def call(self, request: tuple[Any, ...], timeout_s: float) -> tuple[str, Any]:
        with self._lock:
            worker = self._idle.pop() if self._idle else None
        if worker is None:
            try:
                worker = _Worker()
            except (OSError, _WorkerError) as exc:
                return ("died", f"cannot start a feed parser worker: {exc}")
        result = worker.call(request, timeout_s)
        if worker.reusable():
            with self._lock:
                if len(self._idle) < _MAX_IDLE_WORKERS:
                    self._idle.append(worker)
                    worker = None
        if worker is not None:
            worker.close()
        return result

    def shutdown(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.close()


def _read_with_timeout(read: Any, timeout_s: float) -> tuple[bool, Any]:
    """Run a blocking read in a helper thread; (False, None) if it has not finished in time.

    On timeout the caller kills the worker, which ends the read with end-of-file."""
    box: list[Any] = []

    def target() -> None:
        try:
            box.append(read())
        except BaseException as exc:
            box.append(exc)

    thread = threading.Thread(target=target, name="storywatch-feedparse-read", daemon=True)
    thread.start()
    thread.join(timeout_s)
    if thread.is_alive():
        return (False, None)
    return (True, box[0])


def _read_exact(stream: IO[bytes], size: int) -> bytes:
    chunks: list[bytes] = []
    while size:
        chunk = stream.read(size)
        if not chunk:
            raise EOFError("worker closed its output")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _read_message(stream: IO[bytes]) -> Any:
    (size,) = _HEADER.unpack(_read_exact(stream, _HEADER.size))
    return pickle.loads(_read_exact(stream, size))


_POOL = _Pool()
atexit.register(_POOL.shutdown)


# --------------------------------------------------------------------------- worker side


def _worker_main() -> None:
    import warnings

    warnings.simplefilter("ignore")
    # The protocol owns the original stdout; anything else printed goes to stderr.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    stdin = sys.stdin.buffer
    out.write(_READY)
    out.flush()
    while True:
        try:
            body, url, headers = _read_message(stdin)
        except EOFError:
            return
        try:
            result: tuple[str, Any] = ("ok", parse_feed(body, url=url, headers=headers))
        except Exception as exc:
            result = ("raised", f"{type(exc).__name__}: {exc}")
        payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        out.write(_HEADER.pack(len(payload)) + payload)
        out.flush()


if __name__ == "__main__":
    _worker_main()
