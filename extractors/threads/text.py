"""Words of a headline or lead as thread assignment compares them: casefolded, accents dropped,
stop words out, lightly stemmed, the story's synonyms folded (extractors/threads/__init__.py).

Korean, Russian and Chinese get terms suited to their writing: Han character bigrams (no spaces
to split words at), Hangul words with their particles stripped, Cyrillic stems. English terms are
exactly what they were before these were added."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from extractors.multilingual import russian_stem, strip_particles

# Letters and digits of any script (a Korean or Russian headline has words too).
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_STOPWORD_TEXT = """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours out over
    own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours yourself said says say told tells according new news
    one two year years week weeks day days time times amid via per may might must shall us mr ms
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow reuters ap afp
    read more report reports reported"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light suffix stripper, enough to make inflections meet: signed/signing/signs → sign,
    ratified/ratifies → ratify, captured/capture → captur (a final e is always dropped)."""
    if word.isdigit() or len(word) <= 3:
        return word
    root = word
    for suffix, keep in (("ies", 3), ("ied", 3), ("ing", 4), ("ed", 3), ("es", 4), ("s", 3)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                break
            root = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                return root + "y"
            if len(root) > 3 and root[-1] == root[-2] and root[-1] not in "lsz":
                root = root[:-1]  # stopped → stop, planned → plan
            break
    if len(root) > 3 and root.endswith("e"):
        root = root[:-1]
    return root


# Words this story's outlets use for one thing (after stemming, each maps to the group's first):
# without them "soldiers" and "troops" never meet in TF-IDF. Verbs that tell developments apart
# (sign, ratify, capture, deploy) stay apart on purpose.
_SYNONYM_GROUPS = (
    ("troops", "soldiers", "servicemen", "personnel"),
    ("treaty", "pact", "accord"),
    ("captured", "captive", "prisoner", "pow", "pows", "captives"),
    ("deminers", "sappers"),
    ("builders", "construction"),
    ("sent", "send", "dispatched", "dispatch", "deployed", "deploy", "deployment"),
    ("summit", "talks"),
    ("visit", "trip", "arrives", "arrived", "arrival", "tour"),
    ("missile", "icbm"),
    ("nuclear", "atomic"),
    ("sanctions", "sanction"),
    ("ratify", "ratification"),
    ("veto", "vetoed", "vetoes", "blocked"),
    ("defence", "defense"),
    ("kim", "jong"),
    ("putin", "vladimir"),
    ("xi", "jinping"),
)
# Weapon and model names are written with and without a hyphen: KN-23 / KN23, Su-57, Hwasong-20.
_MODEL_NAME = re.compile(r"\b([a-z]{1,10})-(\d{1,4}[a-z]{0,2})\b")
# 1,500 is one number.
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
# "Kim Jong Un" is Kim; its "un" is not the UN.
_JONG_UN = re.compile(r"\bjong[\s-]+un\b")
_SYNONYMS = {stem(w): stem(group[0]) for group in _SYNONYM_GROUPS for w in group}


# Runs of Han, Hangul or Cyrillic letters: cut out of the text before the Latin words are read.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HANGUL = "\uac00-\ud7a3"
_CYRILLIC = "\u0400-\u04ff"
_OTHER_SCRIPTS = re.compile(f"([{_HAN}]+|[{_HANGUL}]+|[{_CYRILLIC}]+)")
_OTHER_SCRIPT_LETTER = re.compile(f"[{_HAN}{_HANGUL}{_CYRILLIC}]")  # one class: 15x faster to search
_RU_STOPWORD_TEXT = """и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее
    мне было вот от меня еще нет о из ему когда даже ну ли если уже или ни быть был него до вас
    там потом себя ей может они тут где есть надо ней для мы их чем была сам чтобы без чего
    себе под будет тогда кто этот того потому этого какой здесь этом при об после над через эти нас
    про всего них какая также года году году заявил заявила сообщил сообщила сообщает словам"""
_RU_STOPWORDS = frozenset(russian_stem(w) for w in _RU_STOPWORD_TEXT.split())
_KO_STOPWORD_TEXT = "및 등 그 이 또 또한 이번 지난 오늘 대한 관련 위해 통해 있다 했다 밝혔다 말했다 전했다"
_KO_STOPWORDS = frozenset(_KO_STOPWORD_TEXT.split())
# Han characters too common to tell two developments apart (a bigram with one of them is dropped).
_ZH_FUNCTION_CHARS = frozenset("的了是在和与及对将已也就都而但并于其这那之为被")


def words(text: str) -> list[str]:
    """Content words of a text: casefolded, accents dropped, stop words out, lightly stemmed,
    the story's synonyms folded; Han bigrams, Hangul words without particles, Cyrillic stems."""
    return list(_words_of(text))


# A run reads the same titles and leads several times (an article's terms, its subject when it is
# scored, and each kept title of a thread whenever an article joins it): each text's words are
# worked out once. Pure, so a cached answer is the answer.
@lru_cache(maxsize=4096)
def _words_of(text: str) -> tuple[str, ...]:
    return tuple(_words(text))


def _words(text: str) -> list[str]:
    if _OTHER_SCRIPT_LETTER.search(text) is None:  # English: as before, without the copies below
        return _latin_words(text)
    pieces = _OTHER_SCRIPTS.split(unicodedata.normalize("NFC", text))
    out: list[str] = []
    for position, piece in enumerate(pieces):
        out.extend(_script_words(piece) if position % 2 else _latin_words(piece))
    return out


def _script_words(run: str) -> list[str]:
    """Terms of one run of Han, Hangul or Cyrillic letters."""
    first = run[0]
    if "\uac00" <= first <= "\ud7a3":
        word = strip_particles(run)
        return [] if run in _KO_STOPWORDS or word in _KO_STOPWORDS or len(word) < 2 else [word]
    if "\u0400" <= first <= "\u04ff":
        stem_ = russian_stem(run.casefold().replace("ё", "е"))
        return [] if stem_ in _RU_STOPWORDS or len(stem_) < 2 else [stem_]
    if len(run) == 1:
        return [] if run in _ZH_FUNCTION_CHARS else [run]
    return [
        run[i : i + 2]
        for i in range(len(run) - 1)
        if run[i] not in _ZH_FUNCTION_CHARS and run[i + 1] not in _ZH_FUNCTION_CHARS
    ]


def _latin_words(text: str) -> list[str]:
    folded = _JONG_UN.sub(" ", unicodedata.normalize("NFKD", text.casefold()))
    folded = _THOUSANDS.sub("", _MODEL_NAME.sub(r"\1\2", folded))
    ascii_text = "".join(ch for ch in folded if not unicodedata.combining(ch))
    out = []
    for match in _WORD.finditer(ascii_text):
        word = match.group(0).replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        word = word.replace("'", "")
        if word in _STOPWORDS or len(word) < 2:
            continue
        stemmed = stem(word)
        out.append(_SYNONYMS.get(stemmed, stemmed))
    return out


LATIN, HAN, HANGUL, CYRILLIC = 1, 2, 4, 8


def script_of(term: str) -> int:
    """The script of a word term as a bit (LATIN, HAN, HANGUL, CYRILLIC); 0 for numbers, which
    every language writes alike."""
    first = term[0]
    if first.isdigit():
        return 0
    if "\uac00" <= first <= "\ud7a3":
        return HANGUL
    if "\u0400" <= first <= "\u04ff":
        return CYRILLIC
    if first >= "\u3400" and _OTHER_SCRIPTS.match(first):
        return HAN
    return LATIN
