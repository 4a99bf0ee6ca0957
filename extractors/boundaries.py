"""Sentence boundaries the parser does not see: line breaks.

spaCy's parser reads a line break as white space, so a headline, subheading, list item or caption
without a final full stop runs into the next line's sentence ("Putin and Kim speak by telephone\\n
During the call Putin told…" is one sentence, and the headline's verb takes the body's subject).
This component runs before the parser, which respects boundaries already set (True and False
alike).
One pass over the tokens: linear in the text.
"""

from __future__ import annotations

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

BOUNDARIES_NAME = "storywatch_boundaries"

# A line ending in one of these goes on in the next line (a hard-wrapped or broken sentence).
_CONTINUING_ENDS = frozenset({",", ";", ":", "-", "–", "—", "(", "/", "&", "+"})
_FINAL_STOPS = frozenset({".", "!", "?", "…"})
# Marks that open a list item or a line of its own, before its first word.
_BULLETS = frozenset({"-", "–", "—", "•", "*", "·", "▪", "►"})
_LINE_OPENERS = _BULLETS | {'"', "“", "‘", "'", "("}


@Language.component(BOUNDARIES_NAME)
def set_boundaries(doc: Doc) -> Doc:
    """A sentence starts after a line break when the line before is done with (it does not end in
    a comma, a dash or a lowercase function word, and no quotation it opened is still open) and
    the next line begins as a sentence does (a capital, a digit, a bullet or an opening quote).
    Set through one array: Token.is_sent_start's setter scans the whole document each time (spaCy
    checks it is unparsed), which would make a long text quadratic."""
    if not len(doc):
        return doc
    starts = doc.to_array([SENT_START]).astype("int64")  # spaCy gives -1 (not a start) as uint64
    open_quote = False
    last: Token | None = None  # the last token that is not white space
    for token in doc:
        if not token.is_space:
            open_quote = _quote_state(doc, token, open_quote)
            last = token
            continue
        if "\n" not in token.text or last is None or token.i + 1 == len(doc):
            continue
        following = doc[token.i + 1]
        if _line_is_done(last, following, open_quote) and _opens_line(following) and following.ent_iob_ != "I":
            starts[following.i] = 1
            open_quote = False
            if following.text in _BULLETS and following.i + 1 < len(doc):
                starts[following.i + 1] = -1  # the item starts at its bullet
        elif last.text in _FINAL_STOPS:
            # a quotation running over paragraphs leaves each but the last unclosed and opens the
            # next with a quotation mark of its own
            open_quote = False
    starts[0] = 1
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


def _line_is_done(last: Token, following: Token, open_quote: bool) -> bool:
    if open_quote:
        return False
    if last.text in _CONTINUING_ENDS:
        return last.text == ":" and following.text in _BULLETS  # "Agreed:" over a list: each item is one
    return not (last.is_lower and last.is_stop)  # "… talks with the" / "… and" goes on


def _opens_line(token: Token) -> bool:
    first = token.text[:1]
    return first.isupper() or first.isdigit() or token.text in _LINE_OPENERS


def _quote_state(doc: Doc, token: Token, open_quote: bool) -> bool:
    """Whether a double quotation is open after this token: curly quotes open and close it; a
    straight quote opens it when white space comes before it and none after, closes it when it
    follows a word directly, and else toggles it."""
    if token.text == "“":
        return True
    if token.text == "”":
        return False
    if token.text != '"':
        return open_quote
    before = doc[token.i - 1] if token.i else None
    spaced_before = before is None or bool(before.whitespace_) or before.is_space or before.text in "(["
    if spaced_before and not token.whitespace_:
        return True
    if not spaced_before:
        return False
    return not open_quote
