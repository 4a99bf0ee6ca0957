"""The parse index the clause helpers read (extractors.clauses.ParseIndex) gives what spaCy's Token
attributes give, and the Resolver links nothing on a text the relevance gate left unparsed."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractors import clauses
from extractors.clauses import (
    ParseIndex,
    children,
    first_child,
    is_verb,
    parse_index,
    sentence_text,
    subtree_order,
    subtree_positions,
)
from extractors.extract import _SENTENCIZER, _join, extract_doc
from extractors.gazetteer import load_gazetteer
from extractors.lexicon import load_lexicon
from extractors.nlp import entity_stage
from extractors.relevance import RelevanceGate
from extractors.resolution import Resolver, conjuncts
from extractors.roles import _holder_prep_objects, subtree_prep_objects

TEXT = (
    "MOSCOW - Russia, China and North Korea held joint naval drills near Japan on Tuesday, officials said. "
    "Pyongyang has sent about 11,000 troops to support Russian forces, South Korea's spy agency said, "
    "and Kim Jong Un met Vladimir Putin, Xi Jinping and Sergei Lavrov in Beijing.\n\n"
    "Delhi Police arrested two men. It is not clear whether the talks will resume."
)


def _assert_matches_tokens(doc: Doc) -> None:
    index = ParseIndex(doc)
    assert [t.i for t in index.tokens] == list(range(len(doc)))
    assert index.head == [t.head.i for t in doc]
    assert index.dep == [t.dep_ for t in doc]
    assert index.pos == [t.pos_ for t in doc]
    assert index.tag == [t.tag_ for t in doc]
    assert index.lower == [t.lower_ for t in doc]
    assert index.lemma == [t.lemma_ for t in doc]
    assert [index.kids.get(t.i, []) for t in doc] == [[c.i for c in t.children] for t in doc]


def test_index_gives_what_the_tokens_give(nlp: Language) -> None:
    doc = nlp(TEXT)
    assert len(list(doc.sents)) >= 4 and any(t.dep_ == "conj" for t in doc)
    _assert_matches_tokens(doc)
    # A long text is parsed in pieces joined into one document: the same there.
    pieces = list(nlp.pipe([TEXT[:200], TEXT[200:]]))
    _assert_matches_tokens(_join(pieces))
    # An empty document, and one with the entity components only (no parse: every token its own head).
    _assert_matches_tokens(nlp.make_doc(""))
    with nlp.select_pipes(enable=entity_stage(nlp)):
        unparsed = nlp(TEXT)
    _assert_matches_tokens(unparsed)
    assert parse_index(unparsed).kids == {}


def test_strings_kept_across_documents_stay_right(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    # The index keeps the strings of the hash keys it has looked up, across documents: a document
    # read after others (with words of its own, and words they had) gets its own strings, also when
    # the kept strings are emptied on the way (a bound of 0 empties them at every new word).
    first, second = nlp(TEXT), nlp("Zelenskyy thanked Seoul; the Kremlin denied sending Zorbanian drones.")
    for bound in (clauses._STRING_CACHE_SIZE, 0):
        monkeypatch.setattr(clauses, "_STRING_CACHE_SIZE", bound)
        for doc in (first, second, first):
            _assert_matches_tokens(doc)


def test_helpers_read_the_document_they_are_given(nlp: Language) -> None:
    first, second = nlp(TEXT), nlp("Japan protested. Russia and China denied it.")
    assert parse_index(first) is parse_index(first)
    for doc in (first, second, first):  # the one kept index follows the document asked about
        for tok in doc:
            assert children(tok, {"nsubj", "dobj", "conj"}) == [
                c for c in tok.children if c.dep_ in ("nsubj", "dobj", "conj")
            ]
            assert first_child(tok, ["prep"]) == next((c for c in tok.children if c.dep_ == "prep"), None)
            assert is_verb(tok) == (tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX"))
            expected = [tok] if tok.dep_ == "conj" else [tok, *[c for c in tok.conjuncts if c.i > tok.i]]
            assert conjuncts(tok) == expected
    assert any(len(conjuncts(t)) >= 3 for t in first)  # "Russia, China and North Korea"


def test_resolver_links_nothing_on_an_unparsed_text(nlp: Language) -> None:
    gazetteer, lexicon = load_gazetteer(), load_lexicon()
    parsed = nlp(TEXT)
    linked = Resolver(parsed, gazetteer, lexicon, text=TEXT)
    assert linked.ent_of and linked.dateline and linked.people
    with nlp.select_pipes(enable=entity_stage(nlp)):
        # What the gated parse gives a text below the gate: entities and rule-based sentences.
        unparsed = _SENTENCIZER(nlp(TEXT))
    assert not unparsed.has_annotation("DEP")
    bare = Resolver(unparsed, gazetteer, lexicon, text=TEXT)
    assert bare.ent_of == {} and bare.dateline == frozenset() and bare.people == []
    assert bare.ents == tuple(unparsed.ents) and bare.text == TEXT
    # Below the gate a text keeps its mentions only, the same whether it was parsed or not.
    gate = RelevanceGate(("PRK",), (), min_relevance=2.0)  # no text reaches it
    full = extract_doc(parsed, None, gate, text=TEXT)
    assert full.mentions and not full.events and full.relevance is not None
    gated = extract_doc(unparsed, None, gate, score=full.relevance, text=TEXT)
    assert [(m.text, m.entity_id, m.start) for m in gated.mentions] == [
        (m.text, m.entity_id, m.start) for m in full.mentions
    ]


def _assert_subtrees_match(doc: Doc) -> None:
    index = parse_index(doc)
    order = subtree_order(index)
    assert sorted(order.order) == list(range(len(doc)))
    for tok in doc:
        below = [t.i for t in tok.subtree]
        assert order.order[order.start[tok.i] : order.end[tok.i]] == below
        assert all(order.within(tok.i, j) == (j in below) for j in range(len(doc)))


def test_subtree_order_gives_what_token_subtree_gives(nlp: Language) -> None:
    doc = nlp(TEXT)
    _assert_subtrees_match(doc)
    _assert_subtrees_match(_join(list(nlp.pipe([TEXT[:200], TEXT[200:]]))))
    _assert_subtrees_match(nlp.make_doc(""))
    with nlp.select_pipes(enable=entity_stage(nlp)):
        _assert_subtrees_match(nlp(TEXT))
    # Positions of the tokens a rule asks for, in subtree order: the nouns of a clause, found by place.
    index = parse_index(doc)
    order = subtree_order(index)
    places = subtree_positions(index, "test nouns", lambda i: index.pos[i] == "NOUN")
    for tok in doc:
        inside = [order.order[k] for k in places if order.start[tok.i] <= k < order.end[tok.i]]
        assert inside == [t.i for t in tok.subtree if t.pos_ == "NOUN"]


def test_subtree_order_of_a_parse_with_crossing_arcs_is_walked(nlp: Language) -> None:
    # A projective parse (each subtree a run of the text) is read off spaCy's edges; one with crossing
    # arcs is not, and its subtrees still come out in Token.subtree's order.
    doc = nlp("Seoul and Tokyo protested after the launch, officials in both capitals said on Friday.")
    _assert_subtrees_match(doc)
    assert subtree_order(parse_index(doc)).order == list(range(len(doc)))
    # "Russia" hangs on "talks" past the root "held", and "drills" on "Russia": no run of the text.
    crossing = Doc(
        nlp.vocab,
        words=["Moscow", "Russia", "held", "drills", "talks"],
        heads=[2, 4, 2, 1, 2],
        deps=["nsubj", "dep", "ROOT", "dep", "dobj"],
    )
    _assert_subtrees_match(crossing)
    assert subtree_order(parse_index(crossing)).order != list(range(len(crossing)))


def test_prepositions_of_a_phrase_found_by_place_are_the_ones_read_noun_by_noun(nlp: Language) -> None:
    # A show of force's recipient is looked for on the trigger and the nouns of its phrase: the objects
    # of their prepositions, found by position, are the ones read holder by holder, in the same order.
    doc = nlp(
        "China sent warships and bombers near Taiwan and around the islands off its coast, and Russia "
        "fired missiles supplied by North Korea at Kyiv from bases in Belgorod toward the Ukrainian border."
    )
    preps = ("near", "around", "at", "toward", "in", "from", "by", "off")
    for tok in doc:
        holders = [tok, *[t for t in tok.subtree if t.pos_ in ("NOUN", "PROPN")]]
        expected = _holder_prep_objects(holders, preps)
        found = subtree_prep_objects(tok, preps)
        assert list(found.items()) == list(expected.items())
    assert any(subtree_prep_objects(t, preps) for t in doc if t.lemma_ == "fire")


def test_sentence_text_is_each_sentences_own(nlp: Language) -> None:
    first, second = nlp(TEXT), nlp("Japan protested.\n\nRussia and China denied it.\n")
    for doc in (first, second, first):
        assert [sentence_text(s) for s in doc.sents] == [s.text.rstrip() for s in doc.sents]
