"""What hostile servers cost a run: `python -m bench.fetch_deadlines` (about a minute).

Local servers on 127.0.0.1 stall, trickle, or ask to be retried in 100,000 s; the fetcher runs
with short, scaled settings (timeout_s = 1) so the figures come quickly. Each line gives the cost
with today's deadlines and, for comparison, with the fetch deadline out of the way (what one
fetch cost before fetch_deadline_s: retries × timeout + backoff).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from extractors.feeds import FeedEntry
from flows.config import FetchConfig
from flows.feeds.fetch import Fetcher, FetchError, FetchSettings
from flows.feeds.polling import Candidate, fetch_articles

STALL_S = 30.0
# Settings every measurement here shares: short timeout, no politeness delay, local servers only.
SCALED: dict[str, Any] = {"timeout_s": 1.0, "per_host_delay_s": 0.0, "allow_hosts": ("127.0.0.1", "localhost")}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        with suppress(OSError):  # the client gave up (that is the point)
            self._answer()

    def _answer(self) -> None:
        if self.path.startswith("/stall") and self.server.release.wait(STALL_S):  # type: ignore[attr-defined]
            return  # released at shutdown: nobody is waiting any more
        if self.path.startswith("/busy"):
            self.send_response(503)
            self.send_header("Retry-After", "100000")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path.startswith("/trickle"):
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            while not self.server.release.wait(0.1):  # type: ignore[attr-defined]
                self.wfile.write(b"<")
                self.wfile.flush()
            return
        text = b"A quick page about Pyongyang and Moscow. " * 20
        body = b"<html><body><article><p>" + text + b"</p></article></body>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def server() -> Iterator[tuple[str, threading.Event]]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.release = threading.Event()  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{httpd.server_address[1]}", httpd.release  # type: ignore[attr-defined]
    finally:
        httpd.release.set()  # type: ignore[attr-defined]
        httpd.shutdown()
        httpd.server_close()


def timed_fetch(url: str, **settings: object) -> tuple[float, str]:
    started = time.monotonic()
    with Fetcher(FetchSettings(**(SCALED | settings))) as fetcher:
        try:
            fetcher.fetch(url, kind="feed")
            outcome = "ok"
        except FetchError as exc:
            outcome = f"{exc.reason}: {str(exc)[:90]}"
    return time.monotonic() - started, outcome


def main() -> None:
    no_deadline = {"fetch_deadline_s": 1e9, "max_retry_after_s": 1e9}
    with server() as (host, _):
        for label, path, settings in (
            ("stalling server", "/stall", {"fetch_deadline_s": 1.5}),
            ("stalling server, no fetch deadline", "/stall", no_deadline),
            ("trickle (1 byte / 100 ms), timeout_s = 60", "/trickle", {"timeout_s": 60.0, "fetch_deadline_s": 1.5}),
            ("Retry-After: 100000", "/busy", {"max_retry_after_s": 30.0}),
        ):
            elapsed, outcome = timed_fetch(f"http://{host}{path}", **settings)
            print(f"{label:45s} {elapsed:6.2f} s  {outcome}")
    print("Retry-After: 100000 before this change: min(100000, 60) s per retry x 2 retries = 120 s")

    # One hostile host with 50 stalling pages beside a quick host with 5 pages (localhost).
    with server() as (slow, _), server() as (quick, _):
        quick_host = quick.replace("127.0.0.1", "localhost")
        now = datetime.now(UTC).replace(tzinfo=None)

        def candidate(url: str, source: str) -> Candidate:
            entry = FeedEntry(None, "t", url, None, None, "<p>summary</p>")
            return Candidate(url=url, source_id=source, entry=entry)

        candidates = [candidate(f"http://{slow}/stall/{i}", "feed:slow") for i in range(50)]
        candidates += [candidate(f"http://{quick_host}/page/{i}", "feed:quick") for i in range(5)]
        config = FetchConfig(**SCALED, fetch_deadline_s=1.5, feed_deadline_s=10.0, run_deadline_s=20.0)
        started = time.monotonic()
        documents, deferred = fetch_articles(candidates, config, now)
        elapsed = time.monotonic() - started
        quick_docs = [d for d in documents if d.source_id == "feed:quick" and not d.summary_only]
        slow_docs = [d for d in documents if d.source_id == "feed:slow"]
        print(
            f"50 stalling pages + 5 quick pages (timeout_s 1, fetch 1.5 s, feed 10 s): {elapsed:.1f} s;"
            f" quick pages with text {len(quick_docs)}/5; stalling pages recorded {len(slow_docs)}"
            f" (summary-only, fetch_error {slow_docs[0].fetch_error.split(':')[0] if slow_docs else '-'}),"
            f" left in the backlog {len(deferred)}"
        )
        print("the same before this change: 50 x (3 x 1 s + 1 s + 2 s backoff) = 300 s, other hosts waiting")


if __name__ == "__main__":
    main()
