"""The language of a text: ISO 639-1 code, or "und" when the text is too short or the guess unsure.

Offline: py3langid's naive-Bayes model ships inside its wheel (nothing is downloaded). Korean and
Chinese are told apart by their script first (Hangul; Han without kana), which is exact and needs no
model; the model decides between Cyrillic and Latin languages, where script alone cannot."""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

# The languages storywatch reads (English fully; the others get entities, relevance and threads).
SUPPORTED = ("en", "ko", "ru", "zh")
UNDETERMINED = "und"

# Fewer letters than this say too little to tell a language (a headline fragment, a name, a number).
MIN_LETTERS = 12
# A CJK syllable or character carries about as much as a short word: fewer than this is too short.
MIN_CJK_CHARS = 4
# The model's probability (softmax over its 140 classes, scaled for length) below which it is unsure.
MIN_CONFIDENCE = 0.5
# The model reads at most this many characters: a language shows in its first paragraphs, and the
# model walks the text byte by byte in Python (5,000 characters take ~8 ms).
SAMPLE_CHARS = 3_000
# Share of the letters in one script that makes the script decide the language.
SCRIPT_SHARE = 0.5

# The ISO 639-1 codes (ISO 639-2's two-letter column, as pycountry lists them): what `lang` keys accept.
_ISO_639_1_CODES = (
    "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de "
    "dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia "
    "id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo "
    "lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl "
    "ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti "
    "tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu"
)
ISO_639_1 = frozenset(_ISO_639_1_CODES.split())

# English is told by its function words without the model (which takes seconds to load): a Latin
# text of at least ENGLISH_MIN_WORDS words, at least ENGLISH_SHARE of them these, is English. None is
# common in another Latin-script language (a French or German text scores well under 0.05).
_ENGLISH_WORD_LIST = (
    "the of and to that is was were with for said has have had from which this are been by its their will"
)
_ENGLISH_WORDS = frozenset(_ENGLISH_WORD_LIST.split())
ENGLISH_MIN_WORDS = 8
ENGLISH_SHARE = 0.2
_LATIN_WORD = re.compile(r"[a-z]+")
_LETTER = re.compile(r"[^\W\d_]")
_HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_KANA = re.compile("[\u3040-\u30ff]")
_HAN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")

# The model's labels for written Chinese varieties (its Wu and Cantonese classes catch short standard
# Chinese): all are stored as zh.
_CHINESE_LABELS = frozenset({"zh", "wuu", "yue"})


def is_iso639_1(code: str) -> bool:
    """True for an ISO 639-1 code ("en", "ko"), in lower case."""
    return code in ISO_639_1


def detect_language(text: str) -> str:
    """ISO 639-1 code of `text`'s language ("en", "ko", "ru", "zh", "de", …), "und" when too short or
    unsure, or when the model's best label has no two-letter code."""
    sample = text[:SAMPLE_CHARS]
    # Counted by regular expressions (in C), the cheap counts first: English, most of what is read,
    # is decided in ~0.2 ms a page.
    hangul = len(_HANGUL.findall(sample))
    kana = len(_KANA.findall(sample))
    han = len(_HAN.findall(sample))
    cjk = hangul + han + kana
    letters = len(_LETTER.findall(sample)) if cjk >= MIN_CJK_CHARS else None
    if letters is not None and cjk >= SCRIPT_SHARE * letters:
        if hangul >= SCRIPT_SHARE * cjk:
            return "ko"
        # Japanese writes Han with kana between; Chinese has none.
        if kana == 0 or kana < 0.05 * cjk:
            return "zh"
        return "ja"
    words = _LATIN_WORD.findall(sample.lower())
    if len(words) >= ENGLISH_MIN_WORDS and sum(w in _ENGLISH_WORDS for w in words) >= ENGLISH_SHARE * len(words):
        return "en"
    if (letters if letters is not None else len(_LETTER.findall(sample))) < MIN_LETTERS:
        return UNDETERMINED
    label, confidence = _identifier().classify(unicodedata.normalize("NFC", sample))
    if label in _CHINESE_LABELS:
        return "zh"
    if confidence < MIN_CONFIDENCE or not is_iso639_1(label):
        return UNDETERMINED
    return label


_MODEL_LOCK = threading.Lock()  # page fetch threads detect at once: the model loads once


def _identifier() -> LanguageIdentifier:
    with _MODEL_LOCK:
        return _load_identifier()


@cache
def _load_identifier() -> LanguageIdentifier:
    # Imported and loaded on first use: decompressing the model takes a few seconds, and a run whose
    # texts are all English, Korean or Chinese never needs it.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def document_language(text: str, declared: str | None = None) -> str:
    """The language stored for a document: detected from its text; when the text cannot tell (too
    short, unsure), what its source declares (a feed's `lang`, the page's <html lang>), else "und"."""
    detected = detect_language(text)
    if detected != UNDETERMINED:
        return detected
    declared = (declared or "").strip().lower().split("-")[0]
    return declared if is_iso639_1(declared) else UNDETERMINED
