"""Resolve the date expressions news uses ("last week", "in June", "on Wednesday", "June 2023")
against the article's publication date.

A period resolves to its first day: "in June 2023" -> 2023-06-01, "last week" -> the Monday of the
previous week, "last year" -> 1 January of the previous year. News reports the past, so a bare
weekday or month is the latest one on or before the publication date ("on Wednesday" in a Friday
article is two days earlier); with `future=True` ("will meet on Wednesday") it is the next one.
Relative expressions need a reference date and resolve to None without one; absolute ones
("5 June 2023", "October 1950", "in 2014") resolve without it. Vague ones ("recently", "in the
coming weeks", "the 1950s") resolve to None.

Pure: no network, no clock (the reference date is always passed in).
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from extractors.lexicon import load_lexicon

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

# Absolute forms, most specific first.
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b")
_DAY_MONTH_YEAR = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b")
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b")
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b")
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*\d)")
_MONTH_ONLY = re.compile(rf"\b{_MONTH}\b")
_YEAR_ONLY = re.compile(rf"(?<![\d-]){_YEAR}(?!s|\d|-)")
_WEEKDAY_RE = re.compile(rf"\b(?P<rel>last|next|this|on)?\s*{_WEEKDAY}\b")

# Relative forms.
_RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_RELATIVE_DAY_RES = [(re.compile(rf"\b{word}\b"), offset) for word, offset in _RELATIVE_DAYS.items()]
_SAME_DAY_RE = re.compile(r"\bovernight\b|\bearlier today\b|\bthis morning\b|\bthis afternoon\b")
_PERIOD = re.compile(
    r"\b(?P<rel>last|past|previous|next|this|coming|earlier this|later this)\s+(?P<unit>week|month|year)\b"
)
# "two weeks ago": counts up to ten in words (the lexicon's number words), "a"/"an" or digits.
_AGO_MAX_WORD = 10
_VAGUE = re.compile(r"\b(recent|recently|coming|decades?|centur(y|ies)|\d{4}s|era|times?)\b")


def resolve_date(text: str, reference: date | None, *, future: bool = False) -> date | None:
    """The calendar date a date expression denotes (first day of a period), or None; None too for
    one outside the calendar ("10,000 years ago", "99999999999 days ago")."""
    t = " ".join(text.lower().replace("’", "'").split())
    if not t:
        return None
    try:
        absolute = _absolute(t, reference, future=future)
        if absolute is not None:
            return absolute
        if reference is None or (_VAGUE.search(t) and not _PERIOD.search(t)):
            return None
        return _relative(t, reference, future=future)
    except (ValueError, OverflowError):  # date arithmetic beyond year 1 or 9999
        return None


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _absolute(t: str, reference: date | None, *, future: bool) -> date | None:
    if m := _ISO.search(t):
        return _safe(int(m["year"]), int(m["month"]), int(m["day"]))
    if m := _DAY_MONTH_YEAR.search(t) or _MONTH_DAY_YEAR.search(t):
        return _safe(int(m["year"]), MONTHS[m["month"]], int(m["day"]))
    if m := _MONTH_YEAR.search(t):
        return _safe(int(m["year"]), MONTHS[m["month"]], 1)
    if reference is not None and (m := _DAY_MONTH.search(t) or _MONTH_DAY.search(t)):
        return _nearest_year(reference, MONTHS[m["month"]], int(m["day"]), future=future)
    if reference is not None and (m := _MONTH_ONLY.search(t)) and not _is_modal_may(t, m):
        return _nearest_year(reference, MONTHS[m["month"]], 1, future=future, whole_month=True)
    if m := _YEAR_ONLY.search(t):
        return date(int(m["year"]), 1, 1)
    return None


def _is_modal_may(t: str, m: re.Match[str]) -> bool:
    """ "may" is a month only when it looks like one ("in May", "May 5"), not the modal verb."""
    if m["month"] != "may":
        return False
    before = t[: m.start()].split()[-1:] if m.start() else []
    return not (
        before and before[0] in {"in", "of", "early", "late", "mid", "since", "until", "by", "last", "next", "this"}
    )


def _nearest_year(reference: date, month: int, day: int, *, future: bool, whole_month: bool = False) -> date | None:
    """The month/day in the reference year, moved a year back (or forward) to lie before (after) it."""
    candidate = _safe(reference.year, month, day)
    if candidate is None:
        return None
    if future and candidate < reference and not (whole_month and month == reference.month):
        return _safe(reference.year + 1, month, day)
    if not future and candidate > reference:
        return _safe(reference.year - 1, month, day)
    return candidate


@functools.cache
def _ago_words() -> dict[str, int]:
    words = {word: value for word, value in load_lexicon().number_words.items() if value <= _AGO_MAX_WORD}
    return {"a": 1, "an": 1, **words}


@functools.cache
def _ago() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(word) for word in _ago_words())
    return re.compile(rf"\b(?P<n>\d+|{alternatives})\s+(?P<unit>day|week|month|year)s?\s+ago\b")


def _relative(t: str, reference: date, *, future: bool) -> date | None:
    for word_re, offset in _RELATIVE_DAY_RES:
        if word_re.search(t):
            return reference + timedelta(days=offset)
    if m := _ago().search(t):
        n = int(m["n"]) if m["n"].isdigit() else _ago_words()[m["n"]]
        return _shift(reference, m["unit"], -n)
    if m := _PERIOD.search(t):
        rel, unit = m["rel"], m["unit"]
        step = -1 if rel in {"last", "past", "previous"} else 1 if rel in {"next", "coming"} else 0
        return _period_start(_shift(reference, unit, step), unit)
    if m := _WEEKDAY_RE.search(t):
        return _weekday(reference, WEEKDAYS[m["weekday"]], m["rel"], future=future)
    if _SAME_DAY_RE.search(t):
        return reference
    return None


def _shift(reference: date, unit: str, n: int) -> date:
    if unit == "day":
        return reference + timedelta(days=n)
    if unit == "week":
        return reference + timedelta(weeks=n)
    if unit == "month":
        months = reference.year * 12 + reference.month - 1 + n
        return date(months // 12, months % 12 + 1, 1)
    return date(reference.year + n, 1, 1)


def _period_start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return date(day.year, 1, 1)
    return day


def _weekday(reference: date, weekday: int, rel: str | None, *, future: bool) -> date:
    """The weekday nearest the reference in the direction the text points (past by default)."""
    if rel == "next" or (future and rel != "last"):
        ahead = (weekday - reference.weekday()) % 7 or 7
        return reference + timedelta(days=ahead)
    back = (reference.weekday() - weekday) % 7
    if rel == "last" and back == 0:
        back = 7
    return reference - timedelta(days=back)
