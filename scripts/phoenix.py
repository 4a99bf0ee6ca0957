"""Reading PETRARCH2's Phoenix actor dictionaries (github openeventdata/petrarch2, MIT, Open Event
Data Alliance), shared by build_people.py and build_organisations.py.

An entry is a line that starts in the first column ("BARACK_OBAMA", "FBI_ [USACOP]"), its other
spellings on the "+" lines below it, and its dated codes ("[USAGOV >090120]") on its own line or
the indented lines that follow. A comment may mark where the entry came from ("# CountryInfo.txt").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A code, its optional start ("<" or ">" for open ranges) and end date: "[ISRGOV 960618-990706]".
# Some dates are written with the century ("[IMGMUSISI >19990101]", "[AUSGOV 20071203-20131118]"):
# read as the six digits the rest are written in.
_CODE = re.compile(r"\[([A-Z]{3}[A-Z]*)\s*([<>]?(?:\d{8}|\d{6}))?(?:-(\d{8}|\d{6}))?\]")


@dataclass(slots=True)
class PhoenixCode:
    code: str  # "USAGOV", "IGOUNOKID", "AFGREB"
    end: str  # the date its range ends, "open" for an open or undated range

    @property
    def root(self) -> str:
        """The first three letters: a state (ISO3), or IGO / NGO / IMG / MNC."""
        return self.code[:3]


@dataclass(slots=True)
class PhoenixEntry:
    name: str  # "Barack Obama"
    aliases: list[str] = field(default_factory=list)
    codes: list[PhoenixCode] = field(default_factory=list)
    comment: str = ""  # the head line's comment ("CountryInfo.txt", "kkl 21 Mar 13")


def name_of(raw: str) -> str:
    """ "MOHAMMAD_JAVAD_ZARIF_" -> "Mohammad Javad Zarif"; dotted initials stay as written."""
    words = [w for w in re.split(r"[_\s]+", raw.strip().strip("+")) if w]
    return " ".join(w.capitalize() if not re.fullmatch(r"[A-Z]\.", w) else w for w in words)


def _codes(line: str) -> list[PhoenixCode]:
    found = []
    for code, start, end in _CODE.findall(line):
        open_ended = start.startswith(">") or (not start and not end)
        found.append(PhoenixCode(code, "open" if open_ended else (end or start.lstrip("<"))[-6:]))
    return found


def read_entries(text: str) -> list[PhoenixEntry]:
    """Every entry of a Phoenix actor dictionary, in the order written. Names keep their source
    spelling (underscores as spaces, each word capitalised) and drop the codes written on the line."""
    entries: list[PhoenixEntry] = []
    current: PhoenixEntry | None = None
    for line in text.splitlines():
        body, _, comment = line.partition("#")
        head = body.split("[", 1)[0].rstrip()
        if line and not line[0].isspace() and not line.startswith(("+", "#")):
            current = PhoenixEntry(name_of(head), comment=comment.strip())
            entries.append(current)
        elif current is None:
            continue
        elif line.startswith("+") and name_of(head):
            current.aliases.append(name_of(head))
        current.codes += _codes(line)
    return [e for e in entries if e.name]


def latest_code(codes: list[PhoenixCode]) -> str | None:
    """The code whose range ends last (an open or undated range is the latest; of equals, the one
    written last), or None without codes."""
    if not codes:
        return None
    return max(enumerate(codes), key=lambda ic: ("999999" if ic[1].end == "open" else ic[1].end, ic[0]))[1].code
