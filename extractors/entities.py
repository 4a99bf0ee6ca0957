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


def linked(span: Span, gazetteer: Gazetteer) -> tuple[str | None, bool]:
    """link_span of one of its document's entities, linked once per document: the relevance score,
    the resolver and the mentions all ask for the same entities. The links are kept with the document
    (its user_data, per gazetteer version, by the entity's first token), which all three are given."""
    key = f"storywatch.links:{gazetteer.version}"
    links = span.doc.user_data.get(key)
    if links is None:
        links = span.doc.user_data[key] = {}
    known = links.get(span.start)
    if known is not None and known[0] == span.end:
        return known[1], known[2]
    entity_id, metonymy = link_span(span, gazetteer)
    links[span.start] = (span.end, entity_id, metonymy)
    return entity_id, metonymy


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
        entity_id, metonymy = linked(ent, gazetteer)
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
