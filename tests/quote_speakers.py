"""Who a text quotes, as (speaker_id, speaker_name) pairs in a stable order: the one helper the quote
test files share."""

from __future__ import annotations

from spacy.language import Language

from extractors.extract import extract_text

Found = list[tuple[str | None, str]]  # speaker_id, speaker_name


def speakers(nlp: Language, text: str) -> Found:
    return sorted({(q.speaker_id, q.speaker_name) for q in extract_text(nlp, text).quotes}, key=str)


def spoken_after(nlp: Language, text: str, marker: str) -> Found:
    """The speakers of the quotes from the sentence that starts with `marker` on."""
    at = text.index(marker)
    return sorted({(q.speaker_id, q.speaker_name) for q in extract_text(nlp, text).quotes if q.start >= at}, key=str)
