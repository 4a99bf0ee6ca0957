"""Text of an HTML page from its bytes: byte-order mark, UTF-8, the declared charset, or a guess.

Pure: bytes in, a string out.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from itertools import pairwise

import charset_normalizer

__all__ = ["decode_html"]


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
    language: legacy_codecs
    for legacy_codecs, languages in (
        (("cp1251", "koi8-r"), "ru uk be bg sr mk kk ky mn tg"),
        (("cp1250", "iso8859-2"), "pl cs sk hu hr sl ro bs sq"),
        (("cp1256",), "ar fa ur"),
        (("cp1257",), "lt lv et"),
        (("cp1254",), "tr az"),
        (("cp1253",), "el"),
        (("cp1255",), "he"),
        (("cp1258",), "vi"),
        (("cp874",), "th"),
        (("cp932", "euc_jp"), "ja"),
        (("gb18030", "big5hkscs"), "zh"),
        (("cp949",), "ko"),
    )
    for language in languages.split()
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
