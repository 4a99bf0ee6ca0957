"""Article text and metadata from an HTML page.

Pure functions: bytes or text in, an :class:`ArticleText` out. No network, no database. The pieces:
extractors/html_decoding.py (bytes to text), extractors/page_metadata.py (title aside, the page's
metadata), extractors/article_body.py (the body cleaning described below); plain text of HTML
snippets (feed summaries) is extractors/html_fragment.py.

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
JavaScript notices). The rules are generic: nothing here knows about a particular site. The steps are
in extractors/article_body.py.

Measured on the ScrapingHub article-extraction benchmark by ``python -m bench.extract_bench``.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from lxml import etree
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.metadata import extract_metadata
from trafilatura.settings import Document
from trafilatura.utils import load_html

from extractors.article_body import DEFAULT_TUNING, BodyTuning, assemble_body, body_length, word_chars
from extractors.html_decoding import decode_html
from extractors.page_metadata import canonical_url, meta_content, norm_space, page_language, published_at

__all__ = ["ArticleText", "extract_article"]


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


def _parse(html: bytes | str) -> HtmlElement | None:
    text = decode_html(html)
    if not text.strip():
        return None
    try:
        return load_html(text)
    except (TypeError, ValueError):
        return None


def extract_article(
    html: bytes | str, url: str | None = None, *, tuning: BodyTuning = DEFAULT_TUNING
) -> ArticleText | None:
    """Main text and metadata of an article page; None when the page has no usable article text.

    `tuning` turns steps of the body cleaning off, for ``python -m bench.extract_bench --ablations``."""
    tree = _parse(html)
    if tree is None:
        return None
    return _extract_from_tree(tree, url, tuning)


def _bodies(
    tree: HtmlElement, url: str | None, tuning: BodyTuning
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
    if body_length(p_body) < tuning.fallback_ratio * body_length(r_body) or p_body is None:
        full = bare_extraction(tree, favor_precision=True, **common)
        if full is not None and body_length(full.body) > body_length(p_body):
            p_body = full.body
    metadata = precision if isinstance(precision, Document) else None
    if metadata is None and r_body is not None:
        metadata = extract_metadata(deepcopy(tree), url)
    return metadata, p_body, r_body


def _extract_from_tree(tree: HtmlElement, url: str | None, tuning: BodyTuning) -> ArticleText | None:
    metadata, p_body, r_body = _bodies(tree, url, tuning)
    title = norm_space(getattr(metadata, "title", None)) or meta_content(tree, "og:title") or None
    if title is None:
        title_el = tree.find(".//title")
        title = norm_space(title_el.text_content()) if title_el is not None else None
        title = title or None
    author = norm_space(getattr(metadata, "author", None)) or meta_content(tree, "author") or None
    text = assemble_body(p_body, r_body, tree, title, author, tuning)
    if word_chars(text) < MIN_TEXT_CHARS:
        return None
    return ArticleText(
        text=text,
        title=title,
        author=author,
        published_at=published_at(tree, getattr(metadata, "date", None)),
        language=page_language(tree),
        canonical_url=canonical_url(tree, url),
    )
