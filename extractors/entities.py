"""Entity mentions from a parsed document, linked to the gazetteer's canonical ids."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from extractors.gazetteer import Gazetteer
from extractors.records import Mention

# Named entities only: dates and amounts are not actors (numeric claims are extracted separately).
NAMED_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
# "talks in Beijing" names the city, "Beijing said" the government.
_LITERAL_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "into", "via"}
)


def link_span(span: Span, gazetteer: Gazetteer) -> tuple[str | None, bool]:
    """(entity_id, metonymy) for an entity span; (None, False) when it is not in the gazetteer."""
    alias = gazetteer.lookup(span.text)
    if alias is not None and not gazetteer.links(alias, span.label_):
        alias = None
    entity_id = span.ent_id_ or (alias.entity_id if alias else None)
    if entity_id is None:
        return None, False
    metonymy = bool(alias and alias.entity_id == entity_id and alias.metonymy)
    if metonymy and span.start > 0 and span.doc[span.start - 1].lower_ in _LITERAL_PLACE_PREPOSITIONS:
        metonymy = False
    return entity_id, metonymy


def extract_mentions(
    doc: Doc,
    gazetteer: Gazetteer,
    *,
    ents: Sequence[Span] | None = None,
    sentence_of: Sequence[int] | None = None,
) -> list[Mention]:
    """The named entities of a parsed document, linked. `ents` (doc.ents) and `sentence_of` (the
    sentence index of each token) may be given when the caller has already computed them."""
    if sentence_of is None:
        index_of = [0] * len(doc)
        for index, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                index_of[i] = index
        sentence_of = index_of
    mentions = []
    for ent in doc.ents if ents is None else ents:
        if ent.label_ not in NAMED_LABELS:
            continue
        entity_id, metonymy = link_span(ent, gazetteer)
        mentions.append(
            Mention(
                text=ent.text,
                label=ent.label_,
                entity_id=entity_id,
                start=ent.start_char,
                end=ent.end_char,
                sentence_index=sentence_of[ent.start],
                metonymy=metonymy,
            )
        )
    return mentions
