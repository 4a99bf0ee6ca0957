"""Plain records the extractors produce. Offsets are character offsets into the input text."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    label: str
    entity_id: str | None
    start: int
    end: int
    sentence_index: int
    metonymy: bool = False


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one text."""

    mentions: tuple[Mention, ...]
    events: tuple[Any, ...] = field(default=())
    quotes: tuple[Any, ...] = field(default=())
    claims: tuple[Any, ...] = field(default=())
    word_count: int = 0

    def as_json(self) -> dict[str, Any]:
        """The `storywatch extract` output object (contract in design.md)."""
        return {
            "entities": [
                {
                    "text": m.text,
                    "label": m.label,
                    "entity_id": m.entity_id,
                    "start": m.start,
                    "end": m.end,
                    "metonymy": m.metonymy,
                }
                for m in self.mentions
            ],
            "events": [asdict(e) for e in self.events],
            "quotes": [asdict(q) for q in self.quotes],
            "claims": [asdict(c) for c in self.claims],
        }
