"""Feed documents (RSS, Atom, RDF) → plain records.

Pure: bytes in, a `ParsedFeed` out. feedparser is only ever given the bytes, wrapped in a
`BytesIO`, so it can never be talked into fetching a URL or opening a file; the feed's own
location travels as a `Content-Location` response header, which is how feedparser learns the base
for relative links without fetching anything. External XML entities stay disabled (feedparser sets
that on its SAX parser) and DOCTYPE entity declarations are replaced by feedparser before parsing.

feedparser sets `bozo` for many harmless things (a charset that disagrees with the HTTP header, a
`text/plain` content type, an undeclared namespace); a feed is judged by its entries instead:
entries found → usable, with `warning` saying what was odd; no entries → `error` says why.

JSON Feed (jsonfeed.org, versions 1 and 1.1) is read directly, since feedparser 6 does not know it.

`parse_feed` never raises for any input bytes. Bounding its wall time needs a child process, which
is the shell's business: see `flows.feeds.parse.parse_feed_bounded`.
"""

from __future__ import annotations

import calendar
import html
import json
import re
import time
import xml.sax
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import feedparser.sanitizer
import feedparser.urls

__all__ = ["FeedEntry", "ParsedFeed", "feedparser_result", "from_feedparser_result", "parse_feed"]

# Schemes a feed's own location may have to serve as the base for relative links.
_BASE_SCHEMES = frozenset({"http", "https"})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
_LOOKS_LIKE_HTML = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed. Empty strings from the feed are reported as None."""

    entry_id: str | None
    title: str | None
    link: str | None  # the entry's alternate (HTML) link, absolute when the feed's base is known
    published_at: datetime | None  # tz-aware UTC: published, else updated
    author: str | None
    summary_html: str | None  # sanitised HTML (plain-text summaries are HTML-escaped)


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    link: str | None
    entries: tuple[FeedEntry, ...]
    warning: str | None  # feedparser flagged the document (bozo) but entries were still found
    error: str | None  # the document is unusable; `entries` is empty then


def parse_feed(body: bytes, *, url: str | None = None, headers: Mapping[str, str] | None = None) -> ParsedFeed:
    """Parse a feed document.

    `url` is where the document was fetched from (after redirects); it is the base for relative
    links unless the response carries a `Content-Location`, which is resolved against it.
    `headers` are the HTTP response headers (any case); `Content-Type` matters for the charset.
    """
    _check_body(body)
    try:
        json_feed = _json_feed(bytes(body), url)
        if json_feed is not None:
            return json_feed
        raw = feedparser_result(body, url=url, headers=headers)
        return from_feedparser_result(raw, body=body, url=url)
    except Exception as exc:  # a parser bug on odd input must not take the run down
        return _failed(f"feed parser failed: {type(exc).__name__}: {exc}")


def feedparser_result(body: bytes, *, url: str | None = None, headers: Mapping[str, str] | None = None) -> Any:
    """The raw `feedparser.parse()` result for these bytes, exactly as `parse_feed` obtains it."""
    _check_body(body)
    response_headers = _response_headers(url, headers)
    return feedparser.parse(
        BytesIO(bytes(body)),
        response_headers=response_headers,
        resolve_relative_uris=True,  # links inside summaries become absolute
        sanitize_html=True,  # scripts, event handlers and styles stripped from summaries
    )


def from_feedparser_result(raw: Any, *, body: bytes | None = None, url: str | None = None) -> ParsedFeed:
    """Records from a raw feedparser result (see `feedparser_result`); `body`, when given, lets an
    error say "empty document" or "HTML page" rather than what feedparser made of it."""
    feed = raw.get("feed") or {}
    raw_entries = raw.get("entries") or []
    entries = tuple(_entry(e, url) for e in raw_entries if isinstance(e, dict))
    title = _text(dict.get(feed, "title"))
    link = _pick_link(feed, url)
    bozo_reason = _bozo_reason(raw.get("bozo_exception")) if raw.get("bozo") else None

    if entries:
        return ParsedFeed(title=title, link=link, entries=entries, warning=bozo_reason, error=None)
    head = bytes(body[:4096]) if body is not None else None
    if body is not None and not bytes(body).strip():
        error: str | None = "empty document"
    elif head is not None and _LOOKS_LIKE_HTML.match(head):
        error = "document is an HTML page, not a feed"
    elif bozo_reason:
        error = f"not a usable feed: {bozo_reason}"
    elif not raw.get("version"):
        error = "not a recognised feed format (no RSS, Atom or RDF root element)"
    else:
        error = None  # a well-formed feed that has no items at the moment
    return ParsedFeed(title=title, link=link, entries=(), warning=None if error else bozo_reason, error=error)


# ---------------------------------------------------------------------------------------------


def _check_body(body: object) -> None:
    # A str would be taken by feedparser for a URL or a file name; only bytes are accepted.
    if not isinstance(body, bytes | bytearray | memoryview):
        raise TypeError(f"feed body must be bytes, not {type(body).__name__}")


def _failed(reason: str) -> ParsedFeed:
    return ParsedFeed(title=None, link=None, entries=(), warning=None, error=reason)


def _response_headers(url: str | None, headers: Mapping[str, str] | None) -> dict[str, str]:
    """Lower-cased headers (feedparser looks them up that way) with an absolute Content-Location."""
    out = {str(k).strip().lower(): str(v).strip() for k, v in (headers or {}).items()}
    # Without a Content-Type feedparser would assume ISO-8859-1 as soon as any header is present
    # (and flag the feed); application/xml means "as declared in the document, else UTF-8", which
    # is also what it does when given no headers at all.
    if not out.get("content-type"):
        out["content-type"] = "application/xml"
    base = url.strip() if url else ""
    location = out.get("content-location", "")
    if location and base:
        location = _safe_urljoin(base, location)
    if not _is_base(location):
        location = base if _is_base(base) else ""
    if location:
        out["content-location"] = location
    else:
        out.pop("content-location", None)
    return out


def _is_base(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in _BASE_SCHEMES and bool(parts.netloc)


def _safe_urljoin(base: str, ref: str) -> str:
    try:
        return urljoin(base, ref)
    except ValueError:
        return ""


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return value if value.strip() else None


def _entry(entry: dict[str, Any], url: str | None) -> FeedEntry:
    # dict.get bypasses FeedParserDict's key aliasing (e.g. `updated` silently answering `published`).
    return FeedEntry(
        entry_id=_text(dict.get(entry, "id")),
        title=_text(dict.get(entry, "title")),
        link=_pick_link(entry, url),
        published_at=_timestamp(dict.get(entry, "published_parsed")) or _timestamp(dict.get(entry, "updated_parsed")),
        author=_text(dict.get(entry, "author")),
        summary_html=_summary_html(entry),
    )


def _pick_link(node: dict[str, Any], url: str | None) -> str | None:
    """The first alternate HTML link that has an href, else feedparser's `link`.

    feedparser keeps the *last* alternate link, and a `<link rel="enclosure">text</link>` without
    href overwrites it; the list of links keeps them all in document order.
    """
    link: str | None = None
    for candidate in _iter_dicts(dict.get(node, "links")):
        href = _text(candidate.get("href"))
        rel = candidate.get("rel") or "alternate"
        kind = str(candidate.get("type") or "text/html").lower()
        if href and rel == "alternate" and kind in _HTML_TYPES:
            link = href
            break
    if link is None:
        link = _text(dict.get(node, "link"))
    if link is None:
        return None
    link = link.strip()
    if url and _is_base(url) and not urlsplit(link).scheme:
        link = _safe_urljoin(url, link) or link
    return link


def _iter_dicts(value: object) -> Iterable[dict[str, Any]]:
    if isinstance(value, list):
        yield from (v for v in value if isinstance(v, dict))


def _timestamp(value: object) -> datetime | None:
    """feedparser's UTC `struct_time` → aware datetime (leap seconds roll over)."""
    if not isinstance(value, time.struct_time | tuple) or len(value) < 6:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm((*tuple(value)[:6], 0, 0, 0)), UTC)
    except (OverflowError, ValueError, OSError, TypeError):
        return None


def _summary_html(entry: dict[str, Any]) -> str | None:
    value = _text(dict.get(entry, "summary"))
    detail = dict.get(entry, "summary_detail")
    contents = list(_iter_dicts(dict.get(entry, "content")))
    if value is None:  # Atom entries may carry only <content>
        detail = next((c for c in contents if _text(c.get("value")) is not None), None)
        value = _text(detail.get("value")) if detail else None
    elif not detail:  # feedparser copied the summary from <content> without its details
        detail = next((c for c in contents if c.get("value") == value), None)
    detail = detail or {}
    if value is None:
        return None
    kind = str(detail.get("type") or "text/html").lower()
    # feedparser sanitises HTML types only; anything else (text, base64 payloads) is shown as text
    return value if kind in _HTML_TYPES else html.escape(value, quote=False)


def _bozo_reason(exc: object) -> str:
    if exc is None:
        return "feed is not well-formed"
    if isinstance(exc, xml.sax.SAXParseException):
        return f"malformed XML at line {exc.getLineNumber()}, column {exc.getColumnNumber()}: {exc.getMessage()}"
    labels: dict[type[BaseException], str] = {
        feedparser.CharacterEncodingOverride: "character encoding override",
        feedparser.CharacterEncodingUnknown: "unknown character encoding",
        feedparser.NonXMLContentType: "non-XML content type",
        feedparser.UndeclaredNamespace: "undeclared XML namespace",
    }
    for kind, label in labels.items():
        if isinstance(exc, kind):
            return f"{label}: {exc}"
    return f"{type(exc).__name__}: {exc}"


# --------------------------------------------------------------------------- JSON Feed

_JSON_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*\{")


def _json_feed(body: bytes, url: str | None) -> ParsedFeed | None:
    """A JSON Feed document as a ParsedFeed; None when the body is not JSON at all."""
    if not _JSON_START.match(body[:1024]):
        return None
    try:
        doc = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None  # let feedparser have a go and report what it finds
    version = doc.get("version") if isinstance(doc, dict) else None
    if not (isinstance(version, str) and "jsonfeed.org/version/" in version):
        return _failed("JSON document is not a JSON Feed")
    base = url if url and _is_base(url) else None
    title = _text(doc.get("title"))
    link = _json_url(doc.get("home_page_url"), base)
    items = doc.get("items")
    if not isinstance(items, list):
        return ParsedFeed(title, link, (), None, "JSON Feed has no items list")
    entries = tuple(_json_entry(item, base) for item in items if isinstance(item, dict))
    return ParsedFeed(title=title, link=link, entries=entries, warning=None, error=None)


def _json_entry(item: dict[str, Any], base: str | None) -> FeedEntry:
    item_id = item.get("id")
    authors = item.get("authors")
    if not isinstance(authors, list):
        authors = [item["author"]] if isinstance(item.get("author"), dict) else []
    names = [a["name"].strip() for a in authors if isinstance(a, dict) and isinstance(a.get("name"), str)]
    if isinstance(item_id, bool) or not isinstance(item_id, str | int):
        item_id = None
    return FeedEntry(
        entry_id=_text(str(item_id)) if item_id is not None else None,
        title=_text(item.get("title")),
        link=_json_url(item.get("url"), base) or _json_url(item.get("external_url"), base),
        published_at=_json_date(item.get("date_published")) or _json_date(item.get("date_modified")),
        author=", ".join(n for n in names if n) or None,
        summary_html=_json_summary(item, base),
    )


def _json_url(value: object, base: str | None) -> str | None:
    text = _text(value)
    if text is None:
        return None
    text = text.strip()
    if base and not urlsplit(text).scheme:
        text = _safe_urljoin(base, text) or text
    return text


def _json_date(value: object) -> datetime | None:
    text = _text(value)
    if text is None:
        return None
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _json_summary(item: dict[str, Any], base: str | None) -> str | None:
    summary = _text(item.get("summary"))
    if summary is not None:
        return html.escape(summary, quote=False)
    content_html = _text(item.get("content_html"))
    if content_html is not None:
        return _clean_html(content_html, base)
    content_text = _text(item.get("content_text"))
    return html.escape(content_text, quote=False) if content_text is not None else None


def _clean_html(fragment: str, base: str | None) -> str:
    """The same sanitising and link resolution feedparser applies to HTML inside XML feeds."""
    sanitize = getattr(feedparser.sanitizer, "_sanitize_html", None)
    resolve = getattr(feedparser.urls, "resolve_relative_uris", None)
    if sanitize is None:  # feedparser moved its internals: show the markup rather than trust it
        return html.escape(fragment, quote=False)
    if base and resolve is not None:
        fragment = resolve(fragment, base, "utf-8", "text/html")
    return str(sanitize(fragment, "utf-8", "text/html"))
