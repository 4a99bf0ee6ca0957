"""Polite, safe HTTP fetching of feeds and article pages.

One `Fetcher` per run, shared by every thread of that run::

    with Fetcher(FetchSettings()) as fetcher:
        result = fetcher.fetch(url, kind="feed", etag=source.etag, last_modified=source.last_modified)

What it guarantees:

* Safety. Only http/https. Every host is resolved and refused when any of its addresses is not a
  public unicast address (`is_public_address`), unless the URL's host is in `allow_hosts` as
  written there (a name, or an IP address; `host:port` / `[v6]:port` allows that port only — a
  listed 127.0.0.1 does not allow `localhost`). Redirects are followed by hand, at most
  `max_redirects`, and every hop is checked again.
* DNS rebinding. Checking a name and then letting the HTTP library resolve it again leaves a window
  in which a hostile DNS server can answer "public" to the check and "10.0.0.1" to the connection.
  We close it: the transport's network backend (`_GuardedBackend.connect_tcp`) resolves the name
  itself, validates the answers and opens the TCP connection to those validated IP addresses only.
  The URL is untouched, so the Host header, TLS SNI and certificate checks still use the host name.
  Environment proxies are ignored (`trust_env=False`): a proxy would resolve names for us.
* Bounded cost. A wall-clock deadline per attempt (`timeout_s`) and one per fetch (`fetch_deadline_s`:
  every attempt, redirect, backoff and wait for the host together; the caller may pass an earlier
  one, its feed's or its run's) clamp every connect, TLS handshake, write and read, so a server that
  trickles one byte at a time is cut as surely as one that stalls (httpx's own read timeout is per
  read, which a trickle never trips). Bodies
  are streamed and decompressed by us, never more than the cap for the kind, so a gzip bomb stops at
  `max_feed_bytes` / `max_page_bytes` of output (never more than cap + 1 bytes held in memory).
* Politeness. An identifiable User-Agent; at most one request in flight per host and at least
  `per_host_delay_s` between the starts of two requests to the same host; conditional GET.
* Retries with exponential backoff on timeouts, connection errors, 429 and 5xx; `Retry-After`
  (seconds or HTTP date) is honoured up to `max_retry_after_s`. A wait beyond that, or beyond what
  is left of the deadline, means giving up now, and the error says so.
* No secrets in messages. URLs in errors and logs are masked (`flows.feeds.urlsecrets.mask_credentials`).
"""

from __future__ import annotations

import ipaddress
import itertools
import logging
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from importlib.metadata import PackageNotFoundError, version
from types import TracebackType
from typing import Any, Literal, Self

import httpcore
import httpx

from flows.feeds.urlsecrets import mask_credentials, mask_text

__all__ = [
    "MAX_BACKOFF_S",
    "AllowList",
    "FetchError",
    "FetchResult",
    "FetchSettings",
    "Fetcher",
    "is_public_address",
]

log = logging.getLogger(__name__)


class _MaskUrls(logging.Filter):
    """httpx logs every request's full URL at INFO ("HTTP Request: GET …?token=…"): mask it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = mask_text(record.getMessage()), None
        return True


for _name in ("httpx", "httpcore"):
    logging.getLogger(_name).addFilter(_MaskUrls())

MAX_BACKOFF_S = 60.0
"""Upper bound for one exponential-backoff wait (a server's Retry-After is bounded by max_retry_after_s)."""

Kind = Literal["feed", "page"]

_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_ACCEPT: dict[str, str] = {
    "feed": "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.1",
    "page": "text/html, application/xhtml+xml;q=0.9, */*;q=0.1",
}
# Types a feed may come as; any other application/*+xml or text/*+xml is accepted too.
_FEED_SUBTYPES = frozenset({"xml", "json", "feed+json", "plain", "html"})
_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def _package_version() -> str:
    try:
        return version("storywatch")
    except PackageNotFoundError:
        return "0"


@dataclass(frozen=True, slots=True)
class FetchSettings:
    timeout_s: float = 20.0
    """Wall-clock budget of one HTTP request (one attempt of one redirect hop); it clamps every
    connect, TLS handshake, write and read. Per-operation timeouts: connect min(timeout_s, 10)."""
    fetch_deadline_s: float = 30.0
    """Wall-clock budget of a whole fetch: every attempt, redirect, backoff and wait for the host."""
    max_retry_after_s: float = 30.0
    """The longest Retry-After honoured; a server asking for more is given up on at once."""
    max_feed_bytes: int = 5_000_000
    max_page_bytes: int = 5_000_000
    user_agent: str = f"storywatch/{_package_version()} (+https://github.com/storywatch/storywatch)"
    per_host_delay_s: float = 1.0
    allow_hosts: tuple[str, ...] = ()
    """Hosts exempt from the private-address refusal, as written in URLs: "127.0.0.1", "intranet",
    or with a port, "127.0.0.1:8080", "[::1]:8080", "localhost:8080" (that port only)."""
    max_redirects: int = 5
    retries: int = 2
    """Extra attempts after timeouts, connection errors, 429 and 5xx."""
    backoff_s: float = 1.0
    """Base of the exponential backoff: backoff_s, 2 * backoff_s, 4 * backoff_s, ..."""


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str
    """The requested URL."""
    final_url: str
    """The URL after redirects."""
    status: int
    not_modified: bool
    body: bytes
    """Decompressed body; b"" for 304."""
    headers: dict[str, str]
    """Response headers, names lower-cased."""
    etag: str | None
    last_modified: str | None
    content_type: str | None


class FetchError(Exception):
    """A fetch that failed. `reason` is a short code, `str(error)` a readable sentence.

    Reasons: bad_url, bad_scheme, dns, private_address, connect, network, timeout, http_status,
    content_type, too_large, decode, too_many_redirects, deadline (given up: the fetch's deadline, or
    the caller's, left no time for the next attempt, wait or Retry-After).
    """

    def __init__(
        self,
        reason: str,
        message: str,
        url: str,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.url = url
        self.status = status
        self.retry_after = retry_after
        """Seconds the server asked us to wait (Retry-After), if it did."""

    @property
    def retryable(self) -> bool:
        if self.reason == "http_status":
            return self.status is not None and (self.status == 429 or self.status >= 500)
        return self.reason in ("timeout", "connect", "network")

    def giving_up(self, why: str) -> FetchError:
        """The same failure, final: no retry, with the reason the fetcher stopped trying."""
        return FetchError(self.reason, f"{self.message}; giving up: {why}", self.url, self.status, self.retry_after)

    def __reduce__(self) -> tuple[Any, ...]:  # picklable, so Prefect can carry it across processes
        return (type(self), (self.reason, self.message, self.url, self.status, self.retry_after))


class _Refused(Exception):
    """Raised inside the transport; turned into a FetchError with the request's URL."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


# --------------------------------------------------------------------------------------- addresses


def is_public_address(address: str) -> bool:
    """True for a global unicast IP address; False for private, loopback, link-local, multicast,
    reserved, unspecified, shared (100.64/10) addresses and for IPv6 forms embedding such an IPv4
    address (IPv4-mapped, 6to4, NAT64)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return is_public_address(str(ip.ipv4_mapped))
        if ip.sixtofour is not None and not is_public_address(str(ip.sixtofour)):
            return False
        if ip in _NAT64:
            return is_public_address(str(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)))
        if ip.is_site_local:
            return False
    return ip.is_global and not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved or ip.is_unspecified
    )


def _shown(url: httpx.URL | str) -> str:
    """A URL as it may appear in messages and logs: credentials masked."""
    return mask_credentials(str(url))


def _normalise_host(host: str) -> str:
    host = host.strip().strip("[]").rstrip(".").lower()
    try:
        return str(ipaddress.ip_address(host))  # one spelling per address: 0:0::1 and ::1 are one
    except ValueError:
        return host


class AllowList:
    """`allow_hosts`: hosts, as written in URLs, exempt from the private-address refusal.

    An entry is a host name or IP address, optionally with a port ("127.0.0.1:8080",
    "[::1]:8080", "localhost:8080"), which then allows that port only. Matching is on the URL's host
    as written, never on what a name resolves to: listing 127.0.0.1 does not allow `localhost`.
    """

    def __init__(self, entries: Iterable[str]) -> None:
        self._any_port: set[str] = set()
        self._ports: dict[str, set[int]] = {}
        for entry in entries:
            host, port = self.parse(entry)
            if port is None:
                self._any_port.add(host)
            else:
                self._ports.setdefault(host, set()).add(port)

    @staticmethod
    def parse(entry: str) -> tuple[str, int | None]:
        """(normalised host, port or None); ValueError naming the problem."""
        text = entry.strip()
        port_text: str | None = None
        if text.startswith("["):
            host, bracket, tail = text[1:].partition("]")
            if not bracket or (tail and not tail.startswith(":")):
                raise ValueError(f"allow_hosts entry {entry!r}: write an IPv6 address as [addr] or [addr]:port")
            port_text = tail[1:] if tail else None
        elif text.count(":") == 1:
            host, _, port_text = text.partition(":")
        else:
            host = text  # a name, an IPv4 address, or a bare IPv6 address (any port)
        if not host.strip() or "/" in host or "@" in host:
            raise ValueError(f"allow_hosts entry {entry!r} is not a host or host:port")
        if port_text is None:
            return _normalise_host(host), None
        if not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise ValueError(f"allow_hosts entry {entry!r}: the port must be a number from 1 to 65535")
        return _normalise_host(host), int(port_text)

    def allows(self, host: str, port: int) -> bool:
        key = _normalise_host(host)
        return key in self._any_port or port in self._ports.get(key, ())

    def ports_of(self, host: str) -> set[int]:
        return self._ports.get(_normalise_host(host), set())


def _resolve(host: str, port: int, allow: AllowList) -> list[str]:
    """Resolve `host` and return its addresses, refusing non-public ones unless allow-listed."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise _Refused("dns", f"cannot resolve {host!r}: {exc}") from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise _Refused("dns", f"{host!r} has no address")
    if allow.allows(host, port):
        return addresses
    for address in addresses:
        if not is_public_address(address):
            what = "is" if _normalise_host(host) == _normalise_host(address) else "resolves to"
            ports = sorted(allow.ports_of(host))
            listed = f"; allow_hosts lists it for port {', '.join(map(str, ports))} only" if ports else ""
            raise _Refused("private_address", f"{host}:{port} {what} a non-public address ({address}){listed}")
    return addresses


# --------------------------------------------------------------------------------------- transport


class _GuardedBackend(httpcore.SyncBackend):
    """Connects only to addresses it resolved and validated itself (closes the DNS-rebinding
    window), and clamps every socket operation to the deadline of the current request."""

    def __init__(self, allow_hosts: AllowList, clock: Callable[[], float]) -> None:
        self._allow_hosts = allow_hosts
        self._clock = clock
        self._local = threading.local()  # sync httpx does all I/O of a request in the caller's thread

    @contextmanager
    def deadline(self, at: float) -> Iterator[None]:
        self._local.deadline = at
        try:
            yield
        finally:
            self._local.deadline = None

    def clamp(self, timeout: float | None, error: type[Exception]) -> float | None:
        deadline: float | None = getattr(self._local, "deadline", None)
        if deadline is None:
            return timeout
        remaining = deadline - self._clock()
        if remaining <= 0:
            raise error("the request's total deadline has passed")
        return remaining if timeout is None else min(timeout, remaining)

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, **options: Any) -> httpcore.NetworkStream:
        # httpcore's other arguments (local_address, socket_options) pass through as given.
        last_error: Exception | None = None
        for address in _resolve(host, port, self._allow_hosts):
            try:
                stream = super().connect_tcp(address, port, self.clamp(timeout, httpcore.ConnectTimeout), **options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last_error = exc
                continue
            return _DeadlineStream(stream, self)
        assert last_error is not None  # _resolve never returns an empty list
        raise last_error


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream, backend: _GuardedBackend) -> None:
        self._stream = stream
        self._backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._backend.clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._backend.clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        timeout = self._backend.clamp(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, timeout), self._backend)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _GuardedTransport(httpx.HTTPTransport):
    def __init__(self, backend: _GuardedBackend) -> None:
        ssl_context = httpx.create_ssl_context(trust_env=False)
        super().__init__(verify=ssl_context, trust_env=False)
        # httpx has no public knob for the network backend: swap in a pool built on ours.
        # (httpx is pinned <0.29; tests/test_fetch.py::test_dns_rebinding_* fail loudly if this breaks.)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=50,
            max_keepalive_connections=20,
            keepalive_expiry=5.0,
            network_backend=backend,
        )


# --------------------------------------------------------------------------------------- bodies


class _BodyDecoder:
    """Incremental Content-Encoding decoder that never inflates more than `limit` bytes per call."""

    def __init__(self, content_encoding: str | None) -> None:
        codings = [c.strip().lower() for c in (content_encoding or "").split(",")]
        # Like httpx: unknown codings are passed through; "br" and "zstd" are never requested.
        codings = [c for c in codings if c in ("gzip", "x-gzip", "deflate")]
        if len(codings) > 1:
            raise _Refused("decode", f"unsupported layered Content-Encoding {content_encoding!r}")
        self._deflate = codings == ["deflate"]
        self._zlib: Any = None
        self._started = False
        if codings:
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS if self._deflate else zlib.MAX_WBITS | 16)

    def decode(self, data: bytes, limit: int) -> bytes:
        if self._zlib is None:
            return data
        try:
            out: bytes = self._zlib.decompress(data, limit)
        except zlib.error as exc:
            if not (self._deflate and not self._started):
                raise _Refused("decode", f"corrupt compressed body: {exc}") from exc
            # Some servers send raw deflate without the zlib header (as httpx, retry once).
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            self._started = True
            return self.decode(data, limit)
        self._started = True
        return out

    def flush(self) -> bytes:
        return b"" if self._zlib is None else bytes(self._zlib.flush())


def _content_type_ok(kind: Kind, content_type: str | None) -> bool:
    if not content_type:
        return True  # let the parser judge
    media = content_type.split(";", 1)[0].strip().lower()
    if kind == "page":
        return media in _PAGE_TYPES
    main, _, sub = media.partition("/")
    return main in ("application", "text") and (sub in _FEED_SUBTYPES or sub.endswith("+xml"))


def _parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), None if absent/invalid."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


# --------------------------------------------------------------------------------------- fetcher


class Fetcher:
    """Fetches feeds and pages politely and safely. One per run; thread-safe; a context manager."""

    def __init__(
        self,
        settings: FetchSettings,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self._sleep = sleep
        self.clock = clock
        """The clock deadlines are read on (callers pass deadlines on it)."""
        self._allow_hosts = AllowList(settings.allow_hosts)
        self._backend = _GuardedBackend(self._allow_hosts, clock)
        t = settings.timeout_s
        self._client = httpx.Client(
            transport=_GuardedTransport(self._backend),
            timeout=httpx.Timeout(connect=min(t, 10.0), read=t, write=t, pool=t),
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
        )
        self._hosts_lock = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}
        self._last_start: dict[str, float] = {}

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(
        self,
        url: str,
        *,
        kind: Kind,
        etag: str | None = None,
        last_modified: str | None = None,
        deadline: float | None = None,
    ) -> FetchResult:
        """GET `url`, following redirects; raises FetchError.

        The whole fetch ends by `fetch_deadline_s` from now, or by `deadline` (on `self.clock`)
        when that is earlier."""
        if kind not in _ACCEPT:
            raise ValueError(f"kind must be 'feed' or 'page', not {kind!r}")
        ends = self.clock() + self.settings.fetch_deadline_s
        if deadline is not None:
            ends = min(ends, deadline)
        headers = {"Accept": _ACCEPT[kind]}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        target = self._check_target(url, url)
        redirects = 0
        while True:
            result = self._send_with_retries(target, url, kind, headers, ends)
            if result.status not in _REDIRECT_STATUSES:
                return result
            location = result.headers.get("location")
            if not location:
                raise FetchError(
                    "http_status",
                    f"HTTP {result.status} without Location from {_shown(target)}",
                    _shown(url),
                    result.status,
                )
            if redirects == self.settings.max_redirects:
                raise FetchError(
                    "too_many_redirects",
                    f"more than {self.settings.max_redirects} redirects from {_shown(url)}",
                    _shown(url),
                )
            redirects += 1
            target = self._check_target(location.strip(), url, base=target)

    # -- one hop ---------------------------------------------------------------------------------

    def _check_target(self, target: str, url: str, base: httpx.URL | None = None) -> httpx.URL:
        """Scheme and address checks of `target` (relative to `base`), before any connection to it."""
        try:
            parsed = httpx.URL(target) if base is None else base.join(target)
        except (httpx.InvalidURL, TypeError) as exc:
            raise FetchError("bad_url", f"invalid URL {_shown(target)!r}: {exc}", _shown(url)) from exc
        if parsed.scheme not in ("http", "https"):
            raise FetchError("bad_scheme", f"refusing non-http(s) URL {_shown(parsed)}", _shown(url))
        if not parsed.host:
            raise FetchError("bad_url", f"URL without host: {_shown(parsed)}", _shown(url))
        try:
            host = parsed.raw_host.decode("ascii")  # IDNA-encoded, as the transport will see it
            _resolve(host, parsed.port or (443 if parsed.scheme == "https" else 80), self._allow_hosts)
        except _Refused as exc:
            raise FetchError(exc.reason, f"{exc} (fetching {_shown(parsed)})", _shown(url)) from None
        return parsed

    def _send_with_retries(
        self, target: httpx.URL, url: str, kind: Kind, headers: dict[str, str], ends: float
    ) -> FetchResult:
        for attempt in range(self.settings.retries + 1):
            try:
                return self._send(target, url, kind, headers, ends)
            except FetchError as exc:
                if not exc.retryable or attempt == self.settings.retries:
                    raise
                if exc.retry_after is not None:
                    if exc.retry_after > self.settings.max_retry_after_s:
                        raise exc.giving_up(
                            f"it asked to retry after {exc.retry_after:g}s,"
                            f" more than max_retry_after_s ({self.settings.max_retry_after_s:g}s)"
                        ) from None
                    wait = exc.retry_after
                else:
                    wait = min(self.settings.backoff_s * 2**attempt, MAX_BACKOFF_S)
                left = ends - self.clock()
                if wait >= left:
                    raise exc.giving_up(
                        f"a retry in {wait:g}s would pass the deadline ({max(left, 0.0):.1f}s left)"
                    ) from None
                log.info("retrying %s in %.1fs after %s", _shown(target), wait, exc)
                self._sleep(wait)
        raise AssertionError("unreachable")

    @contextmanager
    def _host_slot(self, host: str, target: httpx.URL, url: str, ends: float) -> Iterator[None]:
        """One request in flight per host, starts at least per_host_delay_s apart; waiting for the
        host counts against the deadline."""
        with self._hosts_lock:
            lock = self._host_locks.setdefault(host, threading.Lock())
        if not lock.acquire(timeout=max(ends - self.clock(), 0.0)):
            raise FetchError(
                "deadline",
                f"deadline passed while waiting for another request to {host} ({_shown(target)})",
                _shown(url),
            )
        try:
            last = self._last_start.get(host)
            if last is not None:
                wait = last + self.settings.per_host_delay_s - self.clock()
                if wait >= ends - self.clock():
                    raise FetchError(
                        "deadline",
                        f"deadline passes before {host} may be asked again (per_host_delay_s); {_shown(target)}",
                        _shown(url),
                    )
                if wait > 0:
                    self._sleep(wait)
            self._last_start[host] = self.clock()
            yield
        finally:
            lock.release()

    def _send(self, target: httpx.URL, url: str, kind: Kind, headers: dict[str, str], ends: float) -> FetchResult:
        if self.clock() >= ends:
            raise FetchError("deadline", f"deadline passed before fetching {_shown(target)}", _shown(url))
        with self._host_slot(_normalise_host(target.host), target, url, ends):
            attempt_ends = self.clock() + self.settings.timeout_s
            deadline = min(attempt_ends, ends)
            try:
                with (
                    self._backend.deadline(deadline),
                    self._client.stream("GET", target, headers=headers) as response,
                ):
                    return self._read_response(response, url, kind, deadline, attempt_ends)
            except _Refused as exc:
                raise FetchError(exc.reason, f"{exc} (fetching {_shown(target)})", _shown(url)) from None
            except httpx.TimeoutException as exc:
                raise FetchError("timeout", self._timeout_message(deadline, attempt_ends, target), _shown(url)) from exc
            except httpx.ConnectError as exc:
                raise FetchError("connect", f"cannot connect to {_shown(target)}: {exc}", _shown(url)) from exc
            except httpx.TransportError as exc:
                raise FetchError("network", f"network error fetching {_shown(target)}: {exc!r}", _shown(url)) from exc

    def _timeout_message(self, deadline: float, attempt_ends: float, target: httpx.URL | str) -> str:
        if deadline < attempt_ends:
            return f"the fetch's deadline passed fetching {_shown(target)} (stalled or too slow)"
        return f"timed out after {self.settings.timeout_s:g}s fetching {_shown(target)} (stalled or too slow)"

    def _read_response(
        self, response: httpx.Response, url: str, kind: Kind, deadline: float, attempt_ends: float
    ) -> FetchResult:
        original = url
        status = response.status_code
        headers = {name.lower(): value for name, value in response.headers.items()}
        target = str(response.url)
        shown, url = _shown(target), _shown(url)
        if status == 304 or status in _REDIRECT_STATUSES:
            return FetchResult(
                url=original,
                final_url=target,
                status=status,
                not_modified=status == 304,
                body=b"",
                headers=headers,
                etag=headers.get("etag") or response.request.headers.get("if-none-match"),
                last_modified=headers.get("last-modified") or response.request.headers.get("if-modified-since"),
                content_type=headers.get("content-type"),
            )
        if not 200 <= status < 300:
            raise FetchError(
                "http_status",
                f"HTTP {status} from {shown}",
                url,
                status,
                retry_after=_parse_retry_after(headers.get("retry-after")),
            )
        content_type = headers.get("content-type")
        if not _content_type_ok(kind, content_type):
            raise FetchError(
                "content_type",
                f"refusing Content-Type {content_type!r} for a {kind} from {shown}",
                url,
                status,
            )
        cap = self.settings.max_feed_bytes if kind == "feed" else self.settings.max_page_bytes
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > cap:
            raise FetchError(
                "too_large",
                f"Content-Length {length} exceeds the {cap}-byte {kind} cap ({shown})",
                url,
                status,
            )
        decoder = _BodyDecoder(headers.get("content-encoding"))
        chunks: list[bytes] = []
        size = 0
        for raw in itertools.chain(response.iter_raw(), [None]):  # None: end of body, flush the decoder
            if self.clock() > deadline:
                raise FetchError("timeout", self._timeout_message(deadline, attempt_ends, target), url)
            data = decoder.flush() if raw is None else decoder.decode(raw, cap - size + 1)
            size += len(data)
            if size > cap:
                raise FetchError("too_large", f"body exceeds the {cap}-byte {kind} cap ({shown})", url, status)
            chunks.append(data)
        return FetchResult(
            url=original,
            final_url=target,
            status=status,
            not_modified=False,
            body=b"".join(chunks),
            headers=headers,
            etag=headers.get("etag"),
            last_modified=headers.get("last-modified"),
            content_type=content_type,
        )
