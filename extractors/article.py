"""Article text and metadata from an HTML page, and plain text from HTML snippets.

Pure functions: bytes or text in, an :class:`ArticleText` (or a string) out. No network, no database.

How the body is found
---------------------
trafilatura does the heavy lifting, run on one parsed tree with its fast rules twice:

1. a *precision* pass (``favor_precision``), the skeleton of the result, and
2. a *recall* pass (``favor_recall``), used in two ways. When the precision pass kept much less text
   than the recall pass, it probably missed the article: a full precision pass (trafilatura comparing
   its result with its readability and jusText fallbacks) is tried, and if the skeleton is still
   short, the recall pass becomes the skeleton. Otherwise the blocks the recall pass found *between*
   two blocks of the skeleton (short paragraphs, sub-headings) are put back in place; blocks it adds
   before or after the skeleton are not, as that is where teasers and footers live.

When the article body is split into sibling containers of the same class (sections between ads) and
trafilatura kept only the first, the paragraphs of the siblings are added in page order.

The blocks are then cleaned of what trafilatura leaves in on news pages: the headline (and the kicker
above it) repeated at the top, date and byline lines at the top, headings left dangling at the
bottom, blocks made of link texts (related-story teasers), and boilerplate lines (share/subscribe/
newsletter prompts, "Read more:" teasers, credit, caption and copyright lines, separators, cookie and
JavaScript notices). The rules are generic: nothing here knows about a particular site.

Measured on the ScrapingHub article-extraction benchmark by ``python -m bench.extract_bench``.
"""

from __future__ import annotations

import codecs
import difflib
import html as html_lib
import json
import re
import unicodedata
import warnings
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from itertools import pairwise
from typing import Any
from urllib.parse import urljoin

import charset_normalizer
from bs4 import BeautifulSoup, CData, MarkupResemblesLocatorWarning, NavigableString, Tag, XMLParsedAsHTMLWarning
from lxml import etree
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.metadata import extract_metadata
from trafilatura.settings import Document
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

__all__ = ["ArticleText", "clean_html_fragment", "decode_html", "extract_article", "parse_datetime"]


@dataclass(frozen=True, slots=True)
class ArticleText:
    text: str  # main article body, paragraphs separated by "\n"
    title: str | None
    author: str | None
    published_at: datetime | None  # timezone-aware UTC
    language: str | None
    canonical_url: str | None  # <link rel=canonical> / og:url if present, else None


# Below this many word characters the page is considered to have no usable article text.
MIN_TEXT_CHARS = 60


# --------------------------------------------------------------------------- decoding

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET_RE = re.compile(rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_XML_ENCODING_RE = re.compile(rb"""^\s*<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
# Labels that browsers (WHATWG Encoding standard) decode with a superset codec.
_WHATWG_SUPERSETS = {
    "ascii": "cp1252",
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
    "big5": "big5hkscs",
}
_SNIFF_BYTES = 65536


def _codec_name(label: str) -> str | None:
    """Python codec for an encoding label, with the browsers' superset substitutions; None if unknown."""
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    if name.startswith("utf-16") or name.startswith("utf-32"):
        # a byte-oriented page cannot really be UTF-16 when its declaration is readable as ASCII
        return "utf-8"
    return _WHATWG_SUPERSETS.get(name, name)


def _declared_charset(data: bytes) -> str | None:
    head = data[:_SNIFF_BYTES]
    match = _XML_ENCODING_RE.match(head) or _META_CHARSET_RE.search(head)
    return _codec_name(match.group(1).decode("ascii", "ignore")) if match else None


def _mostly_utf8(data: bytes) -> bool:
    """Valid UTF-8 apart from a few stray bytes (pages stitched from differently encoded parts)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    return bad * 50 <= non_ascii - bad


# Legacy code pages by page language, for pages whose bytes are not UTF-8 and whose declaration is wrong.
_LEGACY_BY_LANGUAGE: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "mn", "tg"), ("cp1251", "koi8-r")),
    **dict.fromkeys(("pl", "cs", "sk", "hu", "hr", "sl", "ro", "bs", "sq"), ("cp1250", "iso8859-2")),
    **dict.fromkeys(("ar", "fa", "ur"), ("cp1256",)),
    **dict.fromkeys(("lt", "lv", "et"), ("cp1257",)),
    **dict.fromkeys(("tr", "az"), ("cp1254",)),
    "el": ("cp1253",),
    "he": ("cp1255",),
    "vi": ("cp1258",),
    "th": ("cp874",),
    "ja": ("cp932", "euc_jp"),
    "zh": ("gb18030", "big5hkscs"),
    "ko": ("cp949",),
}
# Tried in this order (commonest first) when nothing else tells.
_LEGACY_PRIOR = (
    "cp1252", "cp1251", "cp1250", "koi8-r", "cp1253", "cp1254", "cp1256", "cp1257", "cp1255",
    "gb18030", "cp932", "euc_jp", "cp949", "big5hkscs",
)  # fmt: skip
_HTML_LANG_RE = re.compile(rb"""<html\b[^>]*?\blang\s*=\s*["']?\s*([A-Za-z]{2,3})""", re.IGNORECASE)
_TEXT_SAMPLE_RE = re.compile(rb"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)


_ODD_CATEGORIES = frozenset(("So", "Sm", "Sk", "Co", "Cn", "Cc", "Cf"))
_COMMON_SYMBOLS = frozenset("©®°™•·¦§¶±×÷")


_EAST_ASIAN = frozenset(("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "IDEOGRAPHIC", "FULLWIDTH"))


def _script(char: str) -> str:
    """Script of a letter as the first word of its Unicode name; the East Asian scripts mix freely."""
    name = unicodedata.name(char, "?")
    if name.startswith("HALFWIDTH KATAKANA"):
        return name  # legacy half-width kana: rare in real text, common in mis-decoded EUC-JP
    first = name.split(" ")[0]
    return "CJK" if first in _EAST_ASIAN else first


def _implausibility(text: str) -> float:
    """Share of non-ASCII tokens that look mis-decoded: odd symbols (box drawing, maths, controls),
    letters of two scripts in one word, a Latin word made only of accented letters ("Ďđčâĺň"),
    an upper-case letter right after a lower-case one ("ÐœÐ¾ÑÐºÐ²Ð°")."""
    tokens = [t for t in re.findall(r"[^\W\d_]+|[^\w\s]", text) if any(ord(c) > 127 for c in t)]
    if not tokens:
        return 0.0
    bad = 0
    for token in tokens:
        if len(token) == 1 and not token.isalpha():
            bad += unicodedata.category(token) in _ODD_CATEGORIES and token not in _COMMON_SYMBOLS
            continue
        scripts = {_script(c) for c in token}
        accented = sum(1 for c in token if ord(c) > 127)
        bad += (
            len(scripts) > 1
            or (scripts == {"LATIN"} and len(token) > 2 and accented == len(token))
            or any(a.islower() and b.isupper() for a, b in pairwise(token))
        )
    return bad / len(tokens)


def _guess_charset(data: bytes) -> str | None:
    """Best legacy encoding for bytes that are not UTF-8 (their declaration, if any, did not fit)."""
    # markup is ASCII and dilutes the statistics: judge the text between tags
    sample = _TEXT_SAMPLE_RE.sub(b" ", data[:400_000])[:100_000]
    candidates: list[str] = []
    lang = _HTML_LANG_RE.search(data[:_SNIFF_BYTES])
    if lang:
        candidates.extend(_LEGACY_BY_LANGUAGE.get(lang.group(1).decode("ascii").lower(), ()))
    if sum(1 for byte in sample if byte > 127) >= 100:  # enough evidence for statistics
        best = charset_normalizer.from_bytes(sample).best()
        name = _codec_name(best.encoding) if best is not None else None
        if name:
            candidates.append(name)
    candidates.extend(_LEGACY_PRIOR)
    best_name, best_score = None, 2.0
    for name in dict.fromkeys(candidates):
        try:
            score = _implausibility(sample.decode(name))
        except (UnicodeDecodeError, LookupError):
            continue
        if score < best_score - 0.02:  # earlier candidates win ties
            best_name, best_score = name, score
    return best_name


def decode_html(data: bytes | str) -> str:
    """Decode an HTML page. A byte-order mark wins; bytes that are valid UTF-8 are UTF-8 whatever the
    page declares; otherwise the declared legacy charset if the bytes fit it; otherwise a guess
    (page language, statistics on long texts, plausibility of the decoded words)."""
    if isinstance(data, str):
        return data
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")  # also pure ASCII
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared and declared != "utf-8":
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace")
    return data.decode(_guess_charset(data) or declared or "cp1252", errors="replace")


# --------------------------------------------------------------------------- metadata


def _norm_space(text: str | None) -> str:
    return " ".join((text or "").split())


def _meta_content(tree: HtmlElement, *names: str) -> str | None:
    """First non-empty <meta> content whose property/name/itemprop is one of names (case-insensitive)."""
    wanted = {n.lower() for n in names}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in wanted:
            content = _norm_space(meta.get("content"))
            if content:
                return content
    return None


def _canonical_url(tree: HtmlElement, url: str | None) -> str | None:
    href = None
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and (link.get("href") or "").strip():
            href = link.get("href", "").strip()
            break
    if href is None:
        href = _meta_content(tree, "og:url")
    if not href:
        return None
    href = urljoin(url, href) if url else href
    return href if href.startswith(("http://", "https://")) else None


_LANG_RE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$")


def _language(tree: HtmlElement) -> str | None:
    """Primary language subtag (ISO 639) from <html lang>, Content-Language or og:locale."""
    candidates = [
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        _meta_content(tree, "content-language", "language", "dc.language"),
        _meta_content(tree, "og:locale"),
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
    value = _norm_space(value)
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


def _published_at(tree: HtmlElement, fallback: str | None) -> datetime | None:
    """Publication time with its time of day and offset when the page gives one."""
    for name in _DATE_META:
        parsed = parse_datetime(_meta_content(tree, name))
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


# --------------------------------------------------------------------------- body assembly

_WORD_RE = re.compile(r"\w+")


def _block_text(element: etree._Element) -> str:
    return _norm_space(" ".join(element.itertext()))


def _word_chars(text: str) -> int:
    return sum(len(w) for w in _WORD_RE.findall(text))


def _remove_keep_tail(element: etree._Element) -> None:
    """Remove an element from its parent, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _normalize_blocks(body: etree._Element) -> None:
    """One level of blocks: unwrap top-level <div> wrappers and put loose text into paragraphs."""
    while any(child.tag == "div" for child in body):
        for child in list(body):
            if child.tag == "div":
                _unwrap(child)
    if body.text and body.text.strip():
        paragraph = etree.Element("p")
        paragraph.text, body.text = body.text, None
        body.insert(0, paragraph)
    for child in list(body):
        if child.tail and child.tail.strip():
            paragraph = etree.Element("p")
            paragraph.text, child.tail = child.tail, None
            child.addnext(paragraph)


def _unwrap(element: etree._Element) -> None:
    """Replace an element by its content (text, children, tail) in its parent."""
    parent = element.getparent()
    if parent is None:
        return
    position = parent.index(element)
    texts = [element.text] if element.text and element.text.strip() else []
    if texts:
        paragraph = etree.Element("p")
        paragraph.text = texts[0]
        parent.insert(position, paragraph)
        position += 1
    for child in list(element):
        parent.insert(position, child)
        position += 1
    tail = element.tail
    parent.remove(element)
    if tail and tail.strip():
        paragraph = etree.Element("p")
        paragraph.text = tail
        parent.insert(position, paragraph)


def _fuse(skeleton: etree._Element, extra: etree._Element) -> None:
    """Insert the blocks of `extra` that fall strictly between two blocks of `skeleton`."""
    base = list(skeleton)
    more = list(extra)
    base_keys = [_block_text(el).lower() for el in base]
    more_keys = [_block_text(el).lower() for el in more]
    known = set(base_keys)
    matcher = difflib.SequenceMatcher(None, base_keys, more_keys, autojunk=False)
    inserts: list[tuple[int, list[etree._Element]]] = []
    for op, i1, _i2, j1, j2 in matcher.get_opcodes():
        if op != "insert" or i1 == 0 or i1 >= len(base):
            continue
        new = [deepcopy(el) for el, key in zip(more[j1:j2], more_keys[j1:j2], strict=True) if key and key not in known]
        if new:
            inserts.append((i1, new))
    for i1, new in reversed(inserts):
        anchor = base[i1]
        for el in new:
            el.tail = None
            anchor.addprevious(el)


_SPLIT_MIN_CHARS = 80  # a paragraph long enough to identify a container by
_VISIBLE_TEXT = etree.XPath(".//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]")
_FURNITURE_ANCESTOR = etree.XPath("ancestor::*[self::aside or self::nav or self::footer or self::header or self::form]")
_CODE_RE = re.compile(r"[<>{}]|=\"|;\s*\w+\s*=")


def _key(text: str) -> str:
    return " ".join(_WORD_RE.findall(text.lower()))[:80]


def _overlaps(words: set[str], blocks: list[set[str]]) -> bool:
    """Mostly the same words as one of the blocks (the same paragraph, rendered a little differently)."""
    return any(len(words & block) >= 0.8 * len(words) for block in blocks if block)


def _complete_split_body(body: etree._Element, tree: HtmlElement) -> None:
    """Add the paragraphs of sibling containers when the article body is split into several containers
    with the same class (sections separated by ads or embeds) and trafilatura kept only some of them."""
    found = {_key(_block_text(el)) for el in body}
    found.discard("")
    signatures: set[tuple[str, str]] = set()
    order: dict[str, int] = {}
    paragraphs: list[tuple[int, etree._Element, str, str]] = []
    for index, element in enumerate(tree.iter("p")):
        text = _norm_space(element.text_content())
        if len(text) < _SPLIT_MIN_CHARS:
            continue
        key = _key(text)
        order.setdefault(key, index)
        paragraphs.append((index, element, text, key))
        parent = element.getparent()
        if key in found and parent is not None and (parent.get("class") or "").strip():
            signatures.add((str(parent.tag), parent.get("class", "")))
    if not signatures:
        return
    known_words = [set(_WORD_RE.findall(_block_text(el).lower())) for el in body]
    new: list[tuple[int, str]] = []
    for index, element, _text, key in paragraphs:
        parent = element.getparent()
        if key in found or parent is None or (str(parent.tag), parent.get("class", "")) not in signatures:
            continue
        text = _norm_space("".join(_VISIBLE_TEXT(element)))  # without inline scripts and styles
        if (
            len(text) >= _SPLIT_MIN_CHARS
            and not _CODE_RE.search(text)
            and not _FURNITURE_ANCESTOR(element)
            and not _overlaps(set(_WORD_RE.findall(text.lower())), known_words)
        ):
            new.append((index, text))
    if sum(len(text) for _, text in new) < 2 * _SPLIT_MIN_CHARS:
        return
    # rebuild the body in document order: known blocks keep their place relative to the page
    blocks: list[tuple[int, int, etree._Element]] = []
    last = -1
    for n, element in enumerate(list(body)):
        last = order.get(_key(_block_text(element)), last)
        blocks.append((last, n, element))
        body.remove(element)
    for index, text in new:
        paragraph = etree.Element("p")
        paragraph.text = text
        blocks.append((index, len(blocks), paragraph))
    for _, _, element in sorted(blocks, key=lambda b: (b[0], b[1])):
        body.append(element)


# Anchors shorter than this (in characters) are too common as ordinary words to measure links with.
_MIN_ANCHOR_CHARS = 12


def _anchor_texts(tree: HtmlElement) -> list[str]:
    texts = {_norm_space(a.text_content()) for a in tree.iter("a")}
    return sorted((t for t in texts if len(t) >= _MIN_ANCHOR_CHARS), key=len, reverse=True)


def _link_share(text: str, anchors: list[str]) -> float:
    """Share of a block's word characters that sit in (long enough) link texts of the page."""
    total = _word_chars(text)
    if total == 0 or not anchors:
        return 0.0
    rest = text
    for anchor in anchors:
        if len(anchor) <= len(rest) and anchor in rest:
            rest = rest.replace(anchor, " ")
    return 1.0 - _word_chars(rest) / total


@dataclass(frozen=True, slots=True)
class _Tuning:
    """Switches for the steps above: all on in production, turned off one at a time by
    ``python -m bench.extract_bench --ablations`` to show what each is worth."""

    fallback_ratio: float = 0.6  # precision pass shorter than this share of the recall pass: fall back
    normalize: bool = True
    fuse: bool = True
    complete_split: bool = True
    drop_title: bool = True
    drop_link_blocks: bool = True
    link_share: float = 0.8  # share of a block's word characters in link texts that makes it a link block
    drop_boilerplate: bool = True
    trim_edges: bool = True


DEFAULT_TUNING = _Tuning()


def _assemble(
    precision: etree._Element | None,
    recall: etree._Element | None,
    tree: HtmlElement,
    title: str | None,
    author: str | None,
    tuning: _Tuning = DEFAULT_TUNING,
) -> str:
    if precision is None or _length(precision) < tuning.fallback_ratio * _length(recall):
        body, other = recall, None
    else:
        body, other = precision, recall
    if body is None:
        return ""
    body = deepcopy(body)
    if tuning.normalize:
        _normalize_blocks(body)
    if tuning.fuse and other is not None:
        _fuse(body, other)
    if tuning.complete_split:
        _complete_split_body(body, tree)
    if tuning.drop_title:
        _drop_leading_title(body, title)
    anchors = _anchor_texts(tree) if tuning.drop_link_blocks else []
    units = [(unit, _block_text(unit)) for unit in _units(body)]
    linky = [
        tuning.drop_link_blocks and bool(text) and _link_share(text, anchors) >= tuning.link_share for _, text in units
    ]
    for i, (unit, text) in enumerate(units):
        if not text:
            continue
        # a linked heading followed by its own text is a section title (product round-ups); a run of
        # linked headings is a teaser list
        in_run = (i > 0 and linky[i - 1]) or (i + 1 < len(units) and linky[i + 1])
        if (tuning.drop_boilerplate and _is_boilerplate(text)) or (linky[i] and (in_run or unit.tag != "head")):
            _drop(unit)
    if tuning.trim_edges:
        _trim_edges(body, author)
    return _render(body)


def _units(body: etree._Element) -> list[etree._Element]:
    """The blocks judged one by one: top-level elements, but the items of a list separately."""
    units: list[etree._Element] = []
    for element in body:
        if element.tag == "list":
            units.extend(item for item in element if item.tag == "item")
        else:
            units.append(element)
    return units


def _drop(element: etree._Element) -> None:
    parent = element.getparent()
    _remove_keep_tail(element)
    if parent is not None and parent.tag == "list" and not _block_text(parent):
        _remove_keep_tail(parent)


_DIGIT_RE = re.compile(r"\d")
_EDGE_BLOCKS = 3


def _is_dateline(text: str) -> bool:
    """A short line that is mostly a date/time ("November 20, 2019 - 11:28", "22 de outubro de 2010 às 20:13")."""
    chars = _word_chars(text)
    return 0 < chars <= 60 and len(_DIGIT_RE.findall(text)) * 4 >= chars


def _trim_edges(body: etree._Element, author: str | None) -> None:
    """Drop what is left of the page furniture at both ends of the body: date and byline lines at the
    top, headings with nothing after them at the bottom."""
    author_words = set(_WORD_RE.findall((author or "").lower()))
    for _ in range(_EDGE_BLOCKS):
        if not len(body):
            return
        first = body[0]
        text = _block_text(first)
        words = _WORD_RE.findall(text.lower())
        is_byline = bool(author_words) and len(words) <= 2 * len(author_words) + 3 and author_words <= set(words)
        if text and not is_byline and not _is_dateline(text):
            break
        _remove_keep_tail(first)
    for _ in range(_EDGE_BLOCKS):
        if not len(body):
            return
        last = body[-1]
        if (_block_text(last) and last.tag != "head") or (last.tail and last.tail.strip()):
            break
        body.remove(last)


def _same_text(a: str, b: str | None) -> bool:
    if not b:
        return False
    ka, kb = _WORD_RE.findall(a.lower()), _WORD_RE.findall(b.lower())
    # a title tag often carries the site name too: the block must be most of it
    return bool(ka) and (ka == kb or (len(ka) >= 4 and 2 * len(ka) >= len(kb) and _contains(kb, ka)))


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def _drop_leading_title(body: etree._Element, title: str | None) -> None:
    """The headline is not body text, nor are the kicker/breadcrumb lines printed above it.

    A leading <h1> goes; so does a block repeating the page title among the first few blocks, with the
    short blocks before it."""
    while len(body) and body[0].tag == "head" and body[0].get("rend") == "h1":
        _remove_keep_tail(body[0])
    blocks = list(body)[:_TITLE_WINDOW]
    for i, element in enumerate(blocks):
        text = _block_text(element)
        if len(text) < 300 and _same_text(text, title):
            if all(len(_block_text(b).split()) <= _SHORT_WORDS for b in blocks[:i]):
                for b in blocks[: i + 1]:
                    _remove_keep_tail(b)
            return


_TITLE_WINDOW = 3
_SHORT_WORDS = 12


# Lines that are page furniture wherever they appear, judged only on short blocks.
_BOILERPLATE_RES = [
    re.compile(p, re.IGNORECASE)
    for p in (
        # teasers and cross-links
        r"^(read|see|watch|listen)( (more|also|next|this|now))?\s*[:|>»]",
        r"^(related|recommended|trending|popular|most read|most popular|don'?t miss|editor'?s picks?)\b.{0,80}$",
        r"^more(:|$|\s+(stories|from|on|news|coverage|articles|videos|reading|to read)\b)",
        r"^you (may|might) (also )?(like|enjoy|be interested)",
        r"^(explore further|advertisement|sponsored( content)?)$",
        r"^(leggi anche|lesen sie auch|lire aussi|lea también|leia também|veja também|читайте также)\b",
        # subscriptions, sharing, apps, widgets
        r"^(sign up|subscribe|get the)\b.{0,80}\b(newsletters?|inbox|channel|app)\b",
        r"\bsign(ing)? up for\b.{0,40}\bnewsletters?\b",
        r"^(follow|like) (us|@?\w+)( on)? (facebook|twitter|instagram)\b",
        r"^follow\b.{0,100}(https?://|\bon (facebook|twitter|instagram|youtube)\b|@\w+)",
        r"\bfollow (him|her|them|us|me)\b.{0,30}\b(on|at)\b",
        r"\bclick here\b",
        r"\bshare (it|this)( story| article)? with\b",
        r"^(share|tweet|email|print|save)( this)?( article| story| page)?$",
        r"^\d*\s*comments?$",
        r"^if you (enjoyed|liked|value|appreciate)\b.{0,40}\b(article|story|post|journalism|reporting)\b",
        r"^(an error (has )?occurred|please try again|thanks? (you )?for (signing up|subscribing))",
        r"^(thank you|thanks|sorry)\W*$",
        r"^(text size|font size|order reprints?|reprints|print article|loading\W*)$",
        r"\b(we|this (site|website)|our (site|website)) uses? cookies\b|\bcookie (policy|settings|consent)\b",
        r"\b(please )?(enable|turn on) javascript\b|\bjavascript (is )?(disabled|required)\b",
        r"\b(ad ?blocker|adblock)\b",
        # credits
        r"^\(?(reporting|additional reporting|writing|editing) by\b",
        r"\bcontributed (to )?(this )?report(ing)?\b.{0,40}$",
        r"^(write|reach|email|contact) (to )?.{0,60}\b(at|@)\b.{0,60}$",
        r"\b(may|can) be reached (at|by|on)\b",
        r"^(photo|image|picture|video|foto)s?( credit)?\s*[:(]",
        r"\((photo|image|picture|credit|foto|photograph)s?\b",
        r"^(source|sources|credit|credits|filed under|tags|topics)\s*:",
        r"^(updated|published|posted)( on| at)?\s*:?\s*\d",
        r"^(updated|published|posted)\s*:",
        r"^(tempo de leitura|reading time|lesezeit)\s*:",
        r"^\d+\s*min(ute)?s? read$",
        # separators, bare addresses
        r"^[\W_]+$",
        r"^(https?://|www\.)\S+$",
        r"^\S+@\S+\.\w+$",
    )
]
_BOILERPLATE_MAX_CHARS = 250
# Legal notices: they can be longer.
_NOTICE_RES = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^(copyright|©|\(c\))\s*",
        r"\ball rights reserved\b",
        r"^this (copy|article|material) (is|has been|may)\b.{0,60}\b(personal|adapted|sent|published)\b",
        r"\bmay not be (re)?published, broadcast\b",
    )
]
_NOTICE_MAX_CHARS = 600


def _is_boilerplate(text: str) -> bool:
    if len(text) <= _BOILERPLATE_MAX_CHARS and any(rx.search(text) for rx in _BOILERPLATE_RES):
        return True
    return len(text) <= _NOTICE_MAX_CHARS and any(rx.search(text) for rx in _NOTICE_RES)


def _render(body: etree._Element) -> str:
    text = xmltotxt(body, False)
    lines = (_norm_space(line) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


# --------------------------------------------------------------------------- public API


def _parse(html: bytes | str) -> HtmlElement | None:
    text = decode_html(html)
    if not text.strip():
        return None
    try:
        return load_html(text)
    except (TypeError, ValueError):
        return None


def extract_article(html: bytes | str, url: str | None = None) -> ArticleText | None:
    """Main text and metadata of an article page; None when the page has no usable article text."""
    return _extract(html, url, DEFAULT_TUNING)


def _extract(html: bytes | str, url: str | None, tuning: _Tuning) -> ArticleText | None:
    tree = _parse(html)
    if tree is None:
        return None
    return _extract_from_tree(tree, url, tuning)


def _length(body: etree._Element | None) -> int:
    return _word_chars(_block_text(body)) if body is not None else 0


def _bodies(
    tree: HtmlElement, url: str | None, tuning: _Tuning
) -> tuple[Document | None, etree._Element | None, etree._Element | None]:
    """trafilatura's precision and recall bodies (and the metadata it found along the way).

    Both passes use trafilatura's fast rules. Only when the precision pass looks like it missed the
    article does a full precision pass run, which lets trafilatura compare its result with its
    readability and jusText fallbacks."""
    common: dict[str, Any] = {"url": url, "include_comments": False, "include_tables": True}
    precision = bare_extraction(tree, favor_precision=True, fast=True, with_metadata=True, **common)
    recall = bare_extraction(tree, favor_recall=True, fast=True, **common)
    p_body = getattr(precision, "body", None)
    r_body = getattr(recall, "body", None)
    if _length(p_body) < tuning.fallback_ratio * _length(r_body) or p_body is None:
        full = bare_extraction(tree, favor_precision=True, **common)
        if full is not None and _length(full.body) > _length(p_body):
            p_body = full.body
    metadata = precision if isinstance(precision, Document) else None
    if metadata is None and r_body is not None:
        metadata = extract_metadata(deepcopy(tree), url)
    return metadata, p_body, r_body


def _extract_from_tree(tree: HtmlElement, url: str | None, tuning: _Tuning) -> ArticleText | None:
    metadata, p_body, r_body = _bodies(tree, url, tuning)
    title = _norm_space(getattr(metadata, "title", None)) or _meta_content(tree, "og:title") or None
    if title is None:
        title_el = tree.find(".//title")
        title = _norm_space(title_el.text_content()) if title_el is not None else None
        title = title or None
    author = _norm_space(getattr(metadata, "author", None)) or _meta_content(tree, "author") or None
    text = _assemble(p_body, r_body, tree, title, author, tuning)
    if _word_chars(text) < MIN_TEXT_CHARS:
        return None
    return ArticleText(
        text=text,
        title=title,
        author=author,
        published_at=_published_at(tree, getattr(metadata, "date", None)),
        language=_language(tree),
        canonical_url=_canonical_url(tree, url),
    )


# --------------------------------------------------------------------------- HTML snippets

# Snippets are often bare URLs or XML-ish feed content: that is expected here, not worth a warning.
for _category in (MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning):
    warnings.filterwarnings("ignore", category=_category, module=__name__)

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "iframe",
    "object",
    "embed",
    "svg",
    "template",
    "head",
    "form",
    "button",
)
_BLOCK_TAGS = (
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "blockquote", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "figure", "figcaption", "hr",
)  # fmt: skip


def clean_html_fragment(fragment: str) -> str:
    """Plain text of an HTML snippet (feed summary, description): scripts, styles, frames and comments
    dropped, entities unescaped, block elements and <br> as line breaks, other whitespace collapsed."""
    if not fragment or not fragment.strip():
        return ""
    soup = BeautifulSoup(fragment, "html.parser")
    # entities double-escaped by feed producers (&amp;#8217;) survive the parser once: unescape again
    text = html_lib.unescape(_fragment_text(soup))
    lines = (" ".join(line.split()) for line in text.replace("\xa0", " ").splitlines())
    return "\n".join(line for line in lines if line)


# Marks, on the walk's stack, where a block element ends.
_BLOCK_END = object()
# The strings get_text() reads: not comments, doctypes, scripts or styles.
_TEXT_STRINGS = (NavigableString, CData)


def _fragment_text(soup: BeautifulSoup) -> str:
    """The text of a parsed fragment with a line break around each block element, read with an
    explicit stack: a fragment nested 100,000 deep neither recurses nor costs more than its size
    (editing the tree, as insert_after does, walks to the last descendant each time)."""
    parts: list[str] = []
    stack: list[Any] = list(reversed(soup.contents))
    while stack:
        node = stack.pop()
        if node is _BLOCK_END:
            parts.append("\n")
        elif isinstance(node, NavigableString):
            if type(node) in _TEXT_STRINGS:
                parts.append(str(node))
        elif isinstance(node, Tag) and node.name not in _DROP_TAGS:
            if node.name in ("br", "hr"):
                parts.append("\n")
                continue
            if node.name in _BLOCK_TAGS:
                parts.append("\n")
                stack.append(_BLOCK_END)
            stack.extend(reversed(node.contents))
    return "".join(parts)
