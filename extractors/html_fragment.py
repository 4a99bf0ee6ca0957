"""Plain text from HTML snippets (feed summaries and descriptions).

Pure: a string in, a string out.
"""

from __future__ import annotations

import html as html_lib
import warnings
from typing import Any

from bs4 import BeautifulSoup, CData, MarkupResemblesLocatorWarning, NavigableString, Tag, XMLParsedAsHTMLWarning

__all__ = ["clean_html_fragment"]

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
