"""The article body from trafilatura's precision and recall passes, cleaned of page furniture.

See extractors/article.py for how the passes are run and why; this module takes their results
(trafilatura XML bodies) and the page, and returns the body as text, one paragraph a line.
"""

from __future__ import annotations

import difflib
import re
from copy import deepcopy
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement
from trafilatura.xml import xmltotxt

from extractors.page_metadata import norm_space

__all__ = ["DEFAULT_TUNING", "BodyTuning", "assemble_body", "body_length", "word_chars"]

_WORD_RE = re.compile(r"\w+")


def _block_text(element: etree._Element) -> str:
    return norm_space(" ".join(element.itertext()))


def word_chars(text: str) -> int:
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
        text = norm_space(element.text_content())
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
        text = norm_space("".join(_VISIBLE_TEXT(element)))  # without inline scripts and styles
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
    texts = {norm_space(a.text_content()) for a in tree.iter("a")}
    return sorted((t for t in texts if len(t) >= _MIN_ANCHOR_CHARS), key=len, reverse=True)


def _link_share(text: str, anchors: list[str]) -> float:
    """Share of a block's word characters that sit in (long enough) link texts of the page."""
    total = word_chars(text)
    if total == 0 or not anchors:
        return 0.0
    rest = text
    for anchor in anchors:
        if len(anchor) <= len(rest) and anchor in rest:
            rest = rest.replace(anchor, " ")
    return 1.0 - word_chars(rest) / total


@dataclass(frozen=True, slots=True)
class BodyTuning:
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


DEFAULT_TUNING = BodyTuning()


def assemble_body(
    precision: etree._Element | None,
    recall: etree._Element | None,
    tree: HtmlElement,
    title: str | None,
    author: str | None,
    tuning: BodyTuning = DEFAULT_TUNING,
) -> str:
    if precision is None or body_length(precision) < tuning.fallback_ratio * body_length(recall):
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
    chars = word_chars(text)
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


def _any_of(*patterns: str) -> re.Pattern[str]:
    """One case-insensitive pattern that matches where any of `patterns` does."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# Lines that are page furniture wherever they appear, judged only on blocks up to so many characters.
_FURNITURE: tuple[tuple[int, re.Pattern[str]], ...] = (
    (
        250,
        _any_of(
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
        ),
    ),
    (
        600,  # legal notices: they can be longer
        _any_of(
            r"^(copyright|©|\(c\))\s*",
            r"\ball rights reserved\b",
            r"^this (copy|article|material) (is|has been|may)\b.{0,60}\b(personal|adapted|sent|published)\b",
            r"\bmay not be (re)?published, broadcast\b",
        ),
    ),
)


def _is_boilerplate(text: str) -> bool:
    return any(len(text) <= max_chars and pattern.search(text) for max_chars, pattern in _FURNITURE)


def _render(body: etree._Element) -> str:
    text = xmltotxt(body, False)
    lines = (norm_space(line) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def body_length(body: etree._Element | None) -> int:
    """Word characters of a trafilatura body (0 for none)."""
    return word_chars(_block_text(body)) if body is not None else 0
