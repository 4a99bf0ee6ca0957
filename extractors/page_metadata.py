"""Metadata of an HTML page: canonical URL, language, publication time; and timestamps as pages write them.

Pure: a parsed page (lxml) or a string in, values out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from lxml.html import HtmlElement

__all__ = ["canonical_url", "meta_content", "norm_space", "page_language", "parse_datetime", "published_at"]


def norm_space(text: str | None) -> str:
    return " ".join((text or "").split())


def meta_content(tree: HtmlElement, *names: str) -> str | None:
    """First non-empty <meta> content whose property/name/itemprop is one of names (case-insensitive)."""
    wanted = {n.lower() for n in names}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in wanted:
            content = norm_space(meta.get("content"))
            if content:
                return content
    return None


def canonical_url(tree: HtmlElement, url: str | None) -> str | None:
    href = None
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and (link.get("href") or "").strip():
            href = link.get("href", "").strip()
            break
    if href is None:
        href = meta_content(tree, "og:url")
    if not href:
        return None
    href = urljoin(url, href) if url else href
    return href if href.startswith(("http://", "https://")) else None


_LANG_RE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$")


def page_language(tree: HtmlElement) -> str | None:
    """Primary language subtag (ISO 639) from <html lang>, Content-Language or og:locale."""
    candidates = [
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        meta_content(tree, "content-language", "language", "dc.language"),
        meta_content(tree, "og:locale"),
    ]
    for meta in tree.iter("meta"):
        if (meta.get("http-equiv") or "").lower() == "content-language":
            candidates.insert(2, meta.get("content"))
    for value in candidates:
        match = _LANG_RE.match((value or "").strip().split(",")[0].strip())
        if match and match.group(1).lower() not in {"und", "mul", "zxx"}:
            return match.group(1).lower()
    return None


def parse_datetime(value: str | None) -> datetime | None:
    """A timestamp as found in pages (ISO 8601, RFC 2822, bare date) as aware UTC; naive means UTC."""
    value = norm_space(value)
    if not value:
        return None
    parsed: datetime | None = None
    iso = value.replace(" ", "T", 1) if re.match(r"^\d{4}-\d{2}-\d{2} \d", value) else value
    iso = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", iso)  # +0900 -> +09:00
    try:
        parsed = datetime.fromisoformat(iso)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
            if match:
                try:
                    parsed = datetime(*map(int, match.groups()))
                except ValueError:
                    parsed = None
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "publish-date",
    "publishdate",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "date",
)


def _json_ld_dates(tree: HtmlElement) -> Iterator[str]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except (ValueError, RecursionError):  # json recurses per level: "[[[[…" 100,000 deep
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                value = item.get("datePublished") or item.get("dateCreated")
                if isinstance(value, str):
                    yield value
                stack.extend(v for k, v in item.items() if k in {"@graph", "mainEntity", "mainEntityOfPage"})


def published_at(tree: HtmlElement, fallback: str | None) -> datetime | None:
    """Publication time with its time of day and offset when the page gives one."""
    for name in _DATE_META:
        parsed = parse_datetime(meta_content(tree, name))
        if parsed is not None:
            return parsed
    for value in _json_ld_dates(tree):
        parsed = parse_datetime(value)
        if parsed is not None:
            return parsed
    for node in tree.xpath('//*[@itemprop="datePublished"]|//time[@pubdate]'):
        parsed = parse_datetime(node.get("datetime") or node.get("content") or node.text_content())
        if parsed is not None:
            return parsed
    return parse_datetime(fallback)  # trafilatura/htmldate: a day, no time
