"""flows.feeds.fetch: the polite, safe HTTP fetcher. Only loopback servers; nothing else is ever contacted."""

from __future__ import annotations

import gzip
import ipaddress
import itertools
import pickle
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from flows.feeds.fetch import (
    AllowList,
    Fetcher,
    FetchError,
    FetchResult,
    FetchSettings,
    _BodyDecoder,
    _parse_retry_after,
    is_public_address,
)
from tests.helpers import trickling_server

LOOPBACK = ("127.0.0.1", "localhost")
RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
RSS_TYPE = "application/rss+xml"


class FakeTime:
    """Injected clock/sleep: sleeping is recorded and advances the clock, nothing really waits."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every TCP connection the fetcher opens must go to a loopback IP literal; record them."""
    real = socket.create_connection
    connections: list[tuple[str, int]] = []

    def guarded(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        host, port = address[0], address[1]
        if not ipaddress.ip_address(host).is_loopback:  # ValueError for a name: must be an IP too
            raise AssertionError(f"test tried to connect to non-loopback {host}:{port}")
        connections.append((host, port))
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", guarded)
    return connections


@pytest.fixture
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> dict[str, Callable[[], list[str]]]:
    """Names ending in .test resolve through this table (name -> function returning addresses)."""
    table: dict[str, Callable[[], list[str]]] = {}
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        if isinstance(host, str) and host.endswith(".test"):
            if host not in table:
                raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in table[host]()]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return table


@pytest.fixture(scope="module")
def threaded_server() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def tserver(threaded_server: HTTPServer) -> HTTPServer:
    """A threaded server: for concurrency and for handlers that stall."""
    threaded_server.clear()
    return threaded_server


def ip_url(server: HTTPServer, path: str) -> str:
    """The server's URL with its IP address as host (url_for says "localhost")."""
    return f"http://127.0.0.1:{server.port}{path}"


def settings(**overrides: Any) -> FetchSettings:
    base: dict[str, Any] = {
        "timeout_s": 2.0,
        "per_host_delay_s": 0.0,
        "allow_hosts": LOOPBACK,
        "retries": 0,
        "backoff_s": 0.25,
    }
    return FetchSettings(**(base | overrides))


def fetch(url: str, kind: str = "feed", time_: FakeTime | None = None, **overrides: Any) -> FetchResult:
    t = time_ or FakeTime()
    with Fetcher(settings(**overrides), sleep=t.sleep, clock=t.clock) as fetcher:
        return fetcher.fetch(url, kind=kind)  # type: ignore[arg-type]


def fetch_error(url: str, kind: str = "feed", time_: FakeTime | None = None, **overrides: Any) -> FetchError:
    with pytest.raises(FetchError) as info:
        fetch(url, kind, time_, **overrides)
    return info.value


# --------------------------------------------------------------------------------- conditional GET


def test_etag_200_then_304(httpserver: HTTPServer) -> None:
    httpserver.expect_ordered_request("/feed").respond_with_data(RSS, content_type=RSS_TYPE, headers={"ETag": '"v1"'})
    httpserver.expect_ordered_request("/feed", headers={"If-None-Match": '"v1"'}).respond_with_data(
        b"", status=304, headers={"ETag": '"v1"'}
    )
    with Fetcher(settings()) as fetcher:
        first = fetcher.fetch(httpserver.url_for("/feed"), kind="feed")
        second = fetcher.fetch(httpserver.url_for("/feed"), kind="feed", etag=first.etag)
    httpserver.check_assertions()
    assert (first.status, first.not_modified, first.body, first.etag) == (200, False, RSS, '"v1"')
    assert first.content_type == RSS_TYPE and first.headers["etag"] == '"v1"'
    assert all(name == name.lower() for name in first.headers)
    assert (second.status, second.not_modified, second.body, second.etag) == (304, True, b"", '"v1"')


def test_last_modified_only(httpserver: HTTPServer) -> None:
    stamp = "Wed, 21 Oct 2015 07:28:00 GMT"
    httpserver.expect_ordered_request("/feed").respond_with_data(
        RSS, content_type=RSS_TYPE, headers={"Last-Modified": stamp}
    )
    httpserver.expect_ordered_request("/feed", headers={"If-Modified-Since": stamp}).respond_with_data(b"", status=304)
    with Fetcher(settings()) as fetcher:
        first = fetcher.fetch(httpserver.url_for("/feed"), kind="feed")
        second = fetcher.fetch(
            httpserver.url_for("/feed"), kind="feed", etag=first.etag, last_modified=first.last_modified
        )
    httpserver.check_assertions()
    assert first.etag is None and first.last_modified == stamp
    assert second.not_modified and second.body == b""
    assert second.last_modified == stamp  # a 304 without validators keeps the ones we sent
    assert "If-None-Match" not in httpserver.log[1][0].headers


def test_identifiable_user_agent_and_encodings(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed").respond_with_data(RSS, content_type=RSS_TYPE)
    fetch(httpserver.url_for("/feed"))
    request = httpserver.log[0][0]
    assert request.headers["User-Agent"].startswith("storywatch/")
    assert "+https://" in request.headers["User-Agent"]
    assert request.headers["Accept-Encoding"] == "gzip, deflate"  # never br/zstd: we decode ourselves


# --------------------------------------------------------------------------------- bodies


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, no zlib header
    ],
    ids=["gzip", "deflate", "raw-deflate"],
)
def test_compressed_body_is_decoded(httpserver: HTTPServer, encoding: str, compress: Callable[[bytes], bytes]) -> None:
    body = RSS * 200
    httpserver.expect_request("/feed").respond_with_data(
        compress(body), content_type=RSS_TYPE, headers={"Content-Encoding": encoding}
    )
    assert fetch(httpserver.url_for("/feed")).body == body


def test_too_large_by_content_length(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed").respond_with_data(b"x" * 2000, content_type=RSS_TYPE)
    error = fetch_error(httpserver.url_for("/feed"), max_feed_bytes=1000)
    assert error.reason == "too_large" and "Content-Length 2000" in str(error)


def test_too_large_chunked_without_content_length(httpserver: HTTPServer) -> None:
    def handler(request: Request) -> Response:
        return Response((b"x" * 1000 for _ in range(100)), content_type=RSS_TYPE)

    httpserver.expect_request("/feed").respond_with_handler(handler)
    error = fetch_error(httpserver.url_for("/feed"), max_feed_bytes=10_000)
    assert error.reason == "too_large" and "body exceeds" in str(error)
    assert "Content-Length" not in httpserver.log[0][1].headers


def test_gzip_bomb_stops_at_cap(httpserver: HTTPServer) -> None:
    bomb = gzip.compress(b"\0" * 50_000_000, compresslevel=9)  # ~50 kB on the wire, 50 MB inflated
    httpserver.expect_request("/feed").respond_with_data(
        bomb, content_type=RSS_TYPE, headers={"Content-Encoding": "gzip"}
    )
    error = fetch_error(httpserver.url_for("/feed"), max_feed_bytes=1_000_000)
    assert error.reason == "too_large"


def test_decoder_never_inflates_beyond_limit() -> None:
    bomb = gzip.compress(b"\0" * 10_000_000)
    assert len(_BodyDecoder("gzip").decode(bomb, 1001)) == 1001


def test_page_cap_applies_to_pages_and_exact_cap_is_accepted(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/page").respond_with_data(b"<p>" + b"x" * 997, content_type="text/html")
    assert len(fetch(httpserver.url_for("/page"), "page", max_page_bytes=1000).body) == 1000
    error = fetch_error(httpserver.url_for("/page"), "page", max_page_bytes=999, max_feed_bytes=10**6)
    assert error.reason == "too_large"


@pytest.mark.parametrize(
    ("kind", "content_type", "accepted"),
    [
        ("feed", "application/rss+xml", True),
        ("feed", "application/atom+xml; charset=utf-8", True),
        ("feed", "application/rdf+xml", True),
        ("feed", "application/xml", True),
        ("feed", "text/xml", True),
        ("feed", "application/json", True),
        ("feed", "application/feed+json", True),
        ("feed", "text/plain", True),
        ("feed", "text/html; charset=UTF-8", True),
        ("feed", "image/png", False),
        ("feed", "image/svg+xml", False),
        ("feed", "application/pdf", False),
        ("feed", "application/octet-stream", False),
        ("feed", "video/mp4", False),
        ("page", "text/html; charset=utf-8", True),
        ("page", "application/xhtml+xml", True),
        ("page", "application/rss+xml", False),
        ("page", "image/jpeg", False),
        ("page", "application/pdf", False),
    ],
)
def test_content_types(httpserver: HTTPServer, kind: str, content_type: str, accepted: bool) -> None:
    httpserver.expect_request("/x").respond_with_data(RSS, content_type=content_type)
    if accepted:
        assert fetch(httpserver.url_for("/x"), kind).body == RSS
    else:
        error = fetch_error(httpserver.url_for("/x"), kind)
        assert error.reason == "content_type" and error.status == 200


def test_page_without_content_type_is_accepted(httpserver: HTTPServer) -> None:
    response = Response(b"<html></html>")
    del response.headers["Content-Type"]
    httpserver.expect_request("/page").respond_with_response(response)
    result = fetch(httpserver.url_for("/page"), "page")
    assert result.body == b"<html></html>" and result.content_type is None


# --------------------------------------------------------------------------------- redirects


def redirect_chain(server: HTTPServer, hops: int) -> str:
    for i in range(hops):
        # alternate relative and absolute Location headers
        location = f"/hop/{i + 1}" if i % 2 else server.url_for(f"/hop/{i + 1}")
        server.expect_request(f"/hop/{i}").respond_with_data(
            b"", status=(301, 302, 303, 307, 308)[i % 5], headers={"Location": location}
        )
    server.expect_request(f"/hop/{hops}").respond_with_data(RSS, content_type=RSS_TYPE)
    return server.url_for("/hop/0")


def test_redirect_chain_followed(httpserver: HTTPServer) -> None:
    start = redirect_chain(httpserver, 3)
    result = fetch(start)
    assert result.url == start and result.final_url == httpserver.url_for("/hop/3")
    assert result.body == RSS and len(httpserver.log) == 4


@pytest.mark.parametrize(("hops", "ok"), [(5, True), (6, False)])
def test_redirect_limit(httpserver: HTTPServer, hops: int, ok: bool) -> None:
    start = redirect_chain(httpserver, hops)
    if ok:
        assert fetch(start, max_redirects=5).body == RSS
    else:
        error = fetch_error(start, max_redirects=5)
        assert error.reason == "too_many_redirects" and error.url == start
        assert len(httpserver.log) == 6  # the 7th URL is never requested


@pytest.mark.parametrize(
    "location",
    [
        "http://10.0.0.1/feed",
        "http://169.254.169.254/latest/meta-data/",
        "http://192.168.1.1:8080/",
        "http://0.0.0.0/",
        "http://[::1]/",
        "https://[fd00::1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://100.64.0.1/",
    ],
)
def test_redirect_to_private_address_refused_before_connecting(
    httpserver: HTTPServer, loopback_only: list[tuple[str, int]], location: str
) -> None:
    httpserver.expect_request("/go").respond_with_data(b"", status=302, headers={"Location": location})
    error = fetch_error(httpserver.url_for("/go"))
    assert error.reason == "private_address", str(error)
    assert len(httpserver.log) == 1
    assert all(port == httpserver.port for _, port in loopback_only)  # no other connection attempted


def test_redirect_to_other_scheme_refused(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/go").respond_with_data(b"", status=301, headers={"Location": "file:///etc/passwd"})
    assert fetch_error(httpserver.url_for("/go")).reason == "bad_scheme"


def test_redirect_without_location(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/go").respond_with_data(b"", status=302)
    error = fetch_error(httpserver.url_for("/go"))
    assert (error.reason, error.status) == ("http_status", 302)


# --------------------------------------------------------------------------------- address safety


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_refused_without_allow_hosts(
    httpserver: HTTPServer, loopback_only: list[tuple[str, int]], host: str
) -> None:
    httpserver.expect_request("/feed").respond_with_data(RSS, content_type=RSS_TYPE)
    error = fetch_error(f"http://{host}:{httpserver.port}/feed", allow_hosts=())
    assert error.reason == "private_address" and host in str(error)
    assert httpserver.log == [] and loopback_only == []


def test_allow_hosts_entry_with_port_allows_that_port_only(httpserver: HTTPServer, tserver: HTTPServer) -> None:
    httpserver.expect_request("/feed").respond_with_data(RSS, content_type=RSS_TYPE)
    tserver.expect_request("/feed").respond_with_data(RSS, content_type=RSS_TYPE)
    allow = (f"127.0.0.1:{httpserver.port}",)
    assert fetch(ip_url(httpserver, "/feed"), allow_hosts=allow).body == RSS
    error = fetch_error(ip_url(tserver, "/feed"), allow_hosts=allow)
    assert error.reason == "private_address" and f"for port {httpserver.port} only" in str(error)
    assert tserver.log == []


@pytest.mark.parametrize("other", ["port", "name"])
def test_redirect_to_another_port_or_unlisted_name_refused(
    httpserver: HTTPServer, tserver: HTTPServer, loopback_only: list[tuple[str, int]], other: str
) -> None:
    tserver.expect_request("/feed").respond_with_data(RSS, content_type=RSS_TYPE)
    httpserver.expect_request("/feed").respond_with_data(RSS, content_type=RSS_TYPE)
    location = ip_url(tserver, "/feed") if other == "port" else f"http://localhost:{httpserver.port}/feed"
    httpserver.expect_request("/go").respond_with_data(b"", status=302, headers={"Location": location})
    for allow in ((f"127.0.0.1:{httpserver.port}",), ("127.0.0.1",) if other == "name" else ()):
        if not allow:
            continue
        error = fetch_error(ip_url(httpserver, "/go"), allow_hosts=allow)
        assert error.reason == "private_address", str(error)
    assert tserver.log == [] and all(port == httpserver.port for _, port in loopback_only)
    assert [entry[0].path for entry in httpserver.log] == ["/go"] * len(httpserver.log)


def test_ipv6_entry_with_port(httpserver_ipv6: HTTPServer) -> None:
    httpserver_ipv6.expect_request("/feed").respond_with_data(RSS, content_type=RSS_TYPE)
    url = f"http://[::1]:{httpserver_ipv6.port}/feed"
    assert fetch(url, allow_hosts=(f"[::1]:{httpserver_ipv6.port}",)).body == RSS
    error = fetch_error(url, allow_hosts=(f"[::1]:{httpserver_ipv6.port + 1}",))
    assert error.reason == "private_address" and len(httpserver_ipv6.log) == 1


def test_listed_name_with_port_is_allowed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed").respond_with_data(RSS, content_type=RSS_TYPE)
    url = f"http://localhost:{httpserver.port}/feed"
    assert fetch(url, allow_hosts=(f"localhost:{httpserver.port}",)).body == RSS
    assert fetch_error(url, allow_hosts=(f"localhost:{httpserver.port + 1}",)).reason == "private_address"


@pytest.mark.parametrize(
    ("entry", "parsed"),
    [
        ("127.0.0.1", ("127.0.0.1", None)),
        ("127.0.0.1:8080", ("127.0.0.1", 8080)),
        ("[::1]:8080", ("::1", 8080)),
        ("[0:0:0:0:0:0:0:1]", ("::1", None)),
        ("::1", ("::1", None)),
        ("LocalHost.:8080", ("localhost", 8080)),
        ("feeds.example.org", ("feeds.example.org", None)),
    ],
)
def test_allow_hosts_entries_parse(entry: str, parsed: tuple[str, int | None]) -> None:
    assert AllowList.parse(entry) == parsed


@pytest.mark.parametrize("entry", ["127.0.0.1:0", "127.0.0.1:99999", "host:http", "[::1", "[::1]x", "", "a/b", "u@h"])
def test_bad_allow_hosts_entries_are_named(entry: str) -> None:
    with pytest.raises(ValueError, match="allow_hosts entry"):
        AllowList.parse(entry)


def test_allow_list_matches_on_host_and_port() -> None:
    allow = AllowList(["127.0.0.1:8080", "[::1]:9090", "intranet"])
    assert allow.allows("127.0.0.1", 8080) and not allow.allows("127.0.0.1", 8081)
    assert allow.allows("[::1]", 9090) and allow.allows("0:0::1", 9090) and not allow.allows("::1", 80)
    assert allow.allows("INTRANET.", 443) and not allow.allows("localhost", 8080)


def test_credentials_in_urls_never_reach_error_messages(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed").respond_with_data(b"gone", status=404)
    url = httpserver.url_for("/feed").replace("http://", "http://reader:hunter2pass@") + "?token=s3cr3t-value&q=kim"
    error = fetch_error(url)
    text = f"{error} {error.url}"
    assert "hunter2pass" not in text and "s3cr3t-value" not in text and "reader" not in text
    assert "token=***" in text and "q=kim" in text and "***@" in text


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://example.com/feed.xml", "bad_scheme"),
        ("file:///etc/passwd", "bad_scheme"),
        ("javascript:alert(1)", "bad_scheme"),
        ("gopher://127.0.0.1:70/", "bad_scheme"),
        ("http:///no-host", "bad_url"),
    ],
)
def test_bad_urls_refused(loopback_only: list[tuple[str, int]], url: str, reason: str) -> None:
    assert fetch_error(url).reason == reason
    assert loopback_only == []


@pytest.mark.parametrize(
    "address",
    [
        "10.0.0.1", "172.16.5.4", "192.168.0.1", "127.0.0.1", "127.8.8.8", "0.0.0.0", "169.254.169.254",
        "100.64.0.1", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255", "192.0.2.1",
        "::1", "::", "fe80::1", "fe80::1%1", "fc00::1", "fd12:3456::1", "ff02::1", "fec0::1", "2001:db8::1",
        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "2002:7f00:1::1",
        "64:ff9b::a00:1", "not-an-ip", "",
    ],
)  # fmt: skip
def test_non_public_addresses(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses(address: str) -> None:
    assert is_public_address(address)


def test_host_name_resolving_to_private_address_refused(fake_dns: dict[str, Any]) -> None:
    fake_dns["intranet.test"] = lambda: ["93.184.216.34", "10.1.2.3"]  # ANY private address is enough
    error = fetch_error("http://intranet.test/feed", allow_hosts=())
    assert error.reason == "private_address" and "10.1.2.3" in str(error)


def test_dns_failure(fake_dns: dict[str, Any]) -> None:
    assert fetch_error("http://nowhere.test/feed").reason == "dns"


def test_dns_rebinding_connects_only_to_validated_address(
    httpserver: HTTPServer, fake_dns: dict[str, Any], loopback_only: list[tuple[str, int]]
) -> None:
    answers = iter([["93.184.216.34"]])  # public at check time, loopback afterwards
    fake_dns["rebind.test"] = lambda: next(answers, ["127.0.0.1"])
    httpserver.expect_request("/feed").respond_with_data(RSS, content_type=RSS_TYPE)
    error = fetch_error(f"http://rebind.test:{httpserver.port}/feed", allow_hosts=())
    assert error.reason == "private_address" and "127.0.0.1" in str(error)
    assert httpserver.log == [] and loopback_only == []


def test_dns_rebinding_pinned_connection_keeps_host_header(
    httpserver: HTTPServer, fake_dns: dict[str, Any], loopback_only: list[tuple[str, int]]
) -> None:
    fake_dns["feeds.test"] = lambda: ["127.0.0.1"]
    httpserver.expect_request("/feed").respond_with_data(RSS, content_type=RSS_TYPE)
    result = fetch(f"http://feeds.test:{httpserver.port}/feed", allow_hosts=("feeds.test",))
    assert result.body == RSS
    assert httpserver.log[0][0].headers["Host"] == f"feeds.test:{httpserver.port}"
    assert loopback_only == [("127.0.0.1", httpserver.port)]  # the fetcher connected to the IP it checked


def test_environment_proxies_are_ignored(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "all_proxy"):
        monkeypatch.setenv(name, "http://10.255.255.1:3128")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    httpserver.expect_request("/feed").respond_with_data(RSS, content_type=RSS_TYPE)
    assert fetch(httpserver.url_for("/feed")).body == RSS


# --------------------------------------------------------------------------------- timeouts


def stalling(seconds: float, calls: list[float] | None = None) -> Callable[[Request], Response]:
    """A handler that answers with the feed only after `seconds`, noting in `calls` when each request came."""

    def stall(request: Request) -> Response:
        if calls is not None:
            calls.append(time.monotonic())
        time.sleep(seconds)
        return Response(RSS, content_type=RSS_TYPE)

    return stall


def test_stalled_server_times_out_and_is_retried(tserver: HTTPServer) -> None:
    calls: list[float] = []
    tserver.expect_request("/feed").respond_with_handler(stalling(1.0, calls))
    started = time.monotonic()
    with (
        Fetcher(settings(timeout_s=0.3, retries=1, backoff_s=0.01)) as fetcher,
        pytest.raises(FetchError) as info,
    ):
        fetcher.fetch(tserver.url_for("/feed"), kind="feed")
    assert info.value.reason == "timeout"
    assert len(calls) == 2
    assert time.monotonic() - started < 1.8  # two stalled attempts would take 2 s


@pytest.fixture
def trickle_url() -> Iterator[str]:
    """A raw server that sends headers at once, then one body byte every 50 ms, for ever."""
    with trickling_server("/feed", every_s=0.05) as url:
        yield url


def test_trickling_server_hits_total_deadline(trickle_url: str) -> None:
    started = time.monotonic()
    # every read returns within 50 ms, far below the read timeout: only the total deadline can trip
    with Fetcher(settings(timeout_s=0.5)) as fetcher, pytest.raises(FetchError) as info:
        fetcher.fetch(trickle_url, kind="feed")
    elapsed = time.monotonic() - started
    assert info.value.reason == "timeout"
    assert 0.4 < elapsed < 2.0  # the trickle alone would take ~80 minutes


def test_stalling_server_costs_one_fetch_deadline_not_every_attempt(tserver: HTTPServer) -> None:
    calls: list[float] = []
    tserver.expect_request("/feed").respond_with_handler(stalling(3.0, calls))
    started = time.monotonic()
    with (
        Fetcher(settings(timeout_s=0.5, retries=10, backoff_s=0.05, fetch_deadline_s=1.2)) as fetcher,
        pytest.raises(FetchError) as info,
    ):
        fetcher.fetch(tserver.url_for("/feed"), kind="feed")
    elapsed = time.monotonic() - started
    assert info.value.reason in ("timeout", "deadline"), str(info.value)
    assert 1.0 < elapsed < 2.5  # eleven attempts of 0.5 s would take 5.5 s
    assert 2 <= len(calls) <= 3


def test_trickling_server_is_cut_by_the_fetch_deadline(trickle_url: str) -> None:
    started = time.monotonic()
    # a generous per-attempt timeout: only the fetch's own deadline can end this
    with Fetcher(settings(timeout_s=60.0, fetch_deadline_s=0.6)) as fetcher, pytest.raises(FetchError) as info:
        fetcher.fetch(trickle_url, kind="feed")
    assert info.value.reason == "timeout" and "deadline" in str(info.value)
    assert 0.5 < time.monotonic() - started < 2.5


def test_callers_deadline_wins_when_earlier(tserver: HTTPServer) -> None:
    tserver.expect_request("/feed").respond_with_handler(stalling(2.0))
    started = time.monotonic()
    with Fetcher(settings(timeout_s=10.0, fetch_deadline_s=10.0)) as fetcher, pytest.raises(FetchError):
        fetcher.fetch(tserver.url_for("/feed"), kind="feed", deadline=fetcher.clock() + 0.4)
    assert time.monotonic() - started < 1.5


def test_an_expired_deadline_sends_nothing(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed").respond_with_data(RSS, content_type=RSS_TYPE)
    with Fetcher(settings()) as fetcher, pytest.raises(FetchError) as info:
        fetcher.fetch(httpserver.url_for("/feed"), kind="feed", deadline=fetcher.clock() - 1)
    assert info.value.reason == "deadline" and httpserver.log == []


def test_waiting_for_a_busy_host_counts_against_the_deadline(tserver: HTTPServer) -> None:
    entered = threading.Event()

    def stall(request: Request) -> Response:
        entered.set()
        time.sleep(1.5)
        return Response(RSS, content_type=RSS_TYPE)

    tserver.expect_request("/slow").respond_with_handler(stall)
    tserver.expect_request("/feed").respond_with_data(RSS, content_type=RSS_TYPE)
    with Fetcher(settings(timeout_s=5.0)) as fetcher:
        holder = threading.Thread(target=lambda: fetcher.fetch(tserver.url_for("/slow"), kind="feed"))
        holder.start()
        assert entered.wait(5)
        started = time.monotonic()
        with pytest.raises(FetchError) as info:
            fetcher.fetch(tserver.url_for("/feed"), kind="feed", deadline=fetcher.clock() + 0.3)
        waited = time.monotonic() - started
        holder.join(5)
    assert info.value.reason == "deadline" and "waiting for another request" in str(info.value)
    assert waited < 1.2


def test_connection_refused_is_retried() -> None:
    with socket.socket() as probe:  # a port with nobody listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    t = FakeTime()
    error = fetch_error(f"http://127.0.0.1:{port}/feed", time_=t, retries=2, backoff_s=0.5)
    assert error.reason == "connect"
    assert t.sleeps == [0.5, 1.0]


# --------------------------------------------------------------------------------- retries


def test_500_then_success(httpserver: HTTPServer) -> None:
    httpserver.expect_ordered_request("/feed").respond_with_data(b"oops", status=500)
    httpserver.expect_ordered_request("/feed").respond_with_data(RSS, content_type=RSS_TYPE)
    t = FakeTime()
    result = fetch(httpserver.url_for("/feed"), time_=t, retries=2, backoff_s=0.25)
    httpserver.check_assertions()
    assert result.body == RSS and t.sleeps == [0.25]


def test_persistent_503_gives_up_after_retries(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed").respond_with_data(b"busy", status=503)
    t = FakeTime()
    error = fetch_error(httpserver.url_for("/feed"), time_=t, retries=2, backoff_s=0.25)
    assert (error.reason, error.status, error.retryable) == ("http_status", 503, True)
    assert t.sleeps == [0.25, 0.5] and len(httpserver.log) == 3


def test_429_honours_retry_after(httpserver: HTTPServer) -> None:
    httpserver.expect_ordered_request("/feed").respond_with_data(b"slow down", status=429, headers={"Retry-After": "1"})
    httpserver.expect_ordered_request("/feed").respond_with_data(RSS, content_type=RSS_TYPE)
    t = FakeTime()
    assert fetch(httpserver.url_for("/feed"), time_=t, retries=2, per_host_delay_s=0.5).body == RSS
    assert t.sleeps == [pytest.approx(1.0)]


def test_retry_after_beyond_the_cap_gives_up_at_once(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed").respond_with_data(b"", status=503, headers={"Retry-After": "100000"})
    t = FakeTime()
    error = fetch_error(httpserver.url_for("/feed"), time_=t, retries=2, max_retry_after_s=30.0)
    assert (error.reason, error.status) == ("http_status", 503)
    assert "giving up" in str(error) and "100000s" in str(error) and "max_retry_after_s" in str(error)
    assert t.sleeps == [] and len(httpserver.log) == 1  # nothing waited, no second request


def test_retry_after_beyond_the_remaining_deadline_gives_up_at_once(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed").respond_with_data(b"", status=429, headers={"Retry-After": "20"})
    t = FakeTime()
    error = fetch_error(httpserver.url_for("/feed"), time_=t, retries=2, max_retry_after_s=30.0, fetch_deadline_s=10.0)
    assert error.status == 429 and "would pass the deadline" in str(error)
    assert t.sleeps == [] and len(httpserver.log) == 1


def test_backoff_beyond_the_deadline_gives_up(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed").respond_with_data(b"busy", status=503)
    t = FakeTime()
    error = fetch_error(httpserver.url_for("/feed"), time_=t, retries=5, backoff_s=1.0, fetch_deadline_s=5.0)
    assert t.sleeps == [1.0, 2.0]  # the next wait (4 s) would end after the 5 s deadline
    assert "would pass the deadline" in str(error) and len(httpserver.log) == 3


def test_retry_after_http_date() -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert _parse_retry_after(when) == pytest.approx(30, abs=2)
    assert _parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert _parse_retry_after("soon") is None and _parse_retry_after(None) is None


def test_404_is_not_retried(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed").respond_with_data(b"gone", status=404)
    t = FakeTime()
    error = fetch_error(httpserver.url_for("/feed"), time_=t, retries=2)
    assert (error.reason, error.status, error.retryable) == ("http_status", 404, False)
    assert t.sleeps == [] and len(httpserver.log) == 1


# --------------------------------------------------------------------------------- politeness


def test_per_host_delay_between_request_starts(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed").respond_with_data(RSS, content_type=RSS_TYPE)
    t = FakeTime()
    with Fetcher(settings(per_host_delay_s=2.0), sleep=t.sleep, clock=t.clock) as fetcher:
        fetcher.fetch(httpserver.url_for("/feed"), kind="feed")
        assert t.sleeps == []
        fetcher.fetch(httpserver.url_for("/feed"), kind="feed")
    assert t.sleeps == [pytest.approx(2.0)]


def record_visits(server: HTTPServer, hold_s: float) -> list[tuple[str, float, float]]:
    visits: list[tuple[str, float, float]] = []

    def handler(request: Request) -> Response:
        entered = time.monotonic()
        time.sleep(hold_s)
        visits.append((request.host, entered, time.monotonic()))
        return Response(RSS, content_type=RSS_TYPE)

    server.expect_request("/feed").respond_with_handler(handler)
    return visits


def run_threads(fetcher: Fetcher, urls: list[str]) -> None:
    errors: list[BaseException] = []

    def work(url: str) -> None:
        try:
            fetcher.fetch(url, kind="feed")
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(url,)) for url in urls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert errors == []


def test_same_host_requests_never_overlap(tserver: HTTPServer) -> None:
    visits = record_visits(tserver, hold_s=0.05)
    delay = 0.15
    with Fetcher(settings(per_host_delay_s=delay)) as fetcher:
        run_threads(fetcher, [tserver.url_for("/feed")] * 4)
    visits.sort(key=lambda visit: visit[1])
    assert len(visits) == 4
    for (_, start_a, end_a), (_, start_b, _) in itertools.pairwise(visits):
        assert start_b >= end_a  # one request in flight per host
        assert start_b - start_a >= delay - 0.02  # starts at least per_host_delay_s apart


def test_different_hosts_proceed_in_parallel(tserver: HTTPServer, fake_dns: dict[str, Any]) -> None:
    fake_dns["a.test"] = fake_dns["b.test"] = lambda: ["127.0.0.1"]
    visits = record_visits(tserver, hold_s=0.4)
    port = tserver.port
    with Fetcher(settings(per_host_delay_s=5.0, allow_hosts=("a.test", "b.test"))) as fetcher:
        run_threads(fetcher, [f"http://a.test:{port}/feed", f"http://b.test:{port}/feed"])
    (_, _, end_a), (_, start_b, _) = sorted(visits, key=lambda visit: visit[1])
    assert start_b < end_a  # overlapped
    assert {visit[0] for visit in visits} == {f"a.test:{port}", f"b.test:{port}"}


# --------------------------------------------------------------------------------- API details


def test_fetch_error_pickles() -> None:
    error = FetchError("http_status", "HTTP 503 from http://x/", "http://x/", 503, retry_after=2.0)
    clone = pickle.loads(pickle.dumps(error))
    assert (clone.reason, clone.url, clone.status, clone.retry_after, str(clone)) == (
        "http_status", "http://x/", 503, 2.0, "HTTP 503 from http://x/",
    )  # fmt: skip


def test_fetcher_closes_its_client() -> None:
    with Fetcher(settings()) as fetcher:
        pass
    assert fetcher._client.is_closed


def test_unknown_kind_rejected() -> None:
    with Fetcher(settings()) as fetcher, pytest.raises(ValueError):
        fetcher.fetch("http://127.0.0.1/", kind="podcast")  # type: ignore[arg-type]


@pytest.fixture
def tls_server(tmp_path: Any) -> Iterator[tuple[HTTPServer, ssl.SSLContext]]:
    """An https server on 127.0.0.1 whose self-signed certificate names only feeds.test."""
    pytest.importorskip("cryptography")
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "feeds.test")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("feeds.test")]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert_file, key_file)
    server = HTTPServer(host="127.0.0.1", ssl_context=server_context)
    server.start()
    yield server, ssl.create_default_context(cafile=str(cert_file))
    server.clear()
    server.stop()


def test_tls_to_pinned_address_keeps_sni_and_hostname_check(
    tls_server: tuple[HTTPServer, ssl.SSLContext],
    fake_dns: dict[str, Any],
    loopback_only: list[tuple[str, int]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server, client_context = tls_server
    monkeypatch.setattr(httpx, "create_ssl_context", lambda **_: client_context)
    fake_dns["feeds.test"] = lambda: ["127.0.0.1"]
    server.expect_request("/feed").respond_with_data(RSS, content_type=RSS_TYPE)
    # The certificate is checked against the URL's host name although the socket goes to 127.0.0.1 ...
    result = fetch(f"https://feeds.test:{server.port}/feed", allow_hosts=("feeds.test",))
    assert result.body == RSS and loopback_only == [("127.0.0.1", server.port)]
    # ... so the same server reached by its IP fails verification.
    error = fetch_error(f"https://127.0.0.1:{server.port}/feed")
    assert error.reason == "connect" and "certificate" in str(error).lower()
