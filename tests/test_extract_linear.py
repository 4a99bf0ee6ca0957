"""The per-document memos that keep extraction linear in a sentence's length (issue 13's speed goal)
give what the direct readings gave: Token.conjuncts, the entity holding a token, and the trigger
helpers _negated, _date and _location as they read the tree before (every trigger walking its own
chain and every holder's phrase), on the project's own gold texts and sentences written here for
the chains they walk (a negation above coordinated clauses, a future auxiliary, a date's clause, a
place of the last coordinated act). A long sentence of coordinated clauses keeps each clause's reading.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from bench.eval import documents, load_gold
from extractors import events
from extractors.clauses import children, coordinated, entity_start, first_child, object_of
from extractors.dates import resolve_date
from extractors.extract import extract_text
from extractors.gazetteer import load_gazetteer
from extractors.lexicon import Lexicon, load_lexicon
from extractors.resolution import PLACE_ADVERBS, Actor, Resolver
from extractors.triggers import Trigger, absorb, find_triggers

_WRITTEN = [
    "Pyongyang did not send troops to Kursk and refused to supply shells to Moscow, the ministry said.",
    "Seoul will deploy destroyers near Busan and send a delegation to Tokyo on Friday.",
    "Russia refused to sign the accord and declined to hold talks with Ukraine in Geneva last week.",
    "In June 2023, when Moscow and Pyongyang signed the pact, Kim visited Vladivostok.",
    "Troops shelled the trenches, pounded the bridges and launched drones near Bakhmut on Tuesday.",
    "China is not willing to withdraw its ships and will hold drills off Taiwan in May.",
    "Kim Jong Un met Sergei Lavrov in Wonsan, and he praised Russia's stance, KCNA reported.",
]


def _texts() -> list[str]:
    return [doc.text for doc in documents(load_gold("all"))] + _WRITTEN


# The readings as the rules made them before the memos (each call walks its own chain).
def _negated_direct(trig: Trigger, lex: Lexicon) -> bool:
    tok = trig.token
    if tok.dep_ == "pcomp" and tok.head.lower_ in lex.negation:
        return True
    chain = [tok]
    current = tok
    while current.dep_ in ("xcomp", "conj", "acomp") and current.head.i != current.i:
        current = current.head
        chain.append(current)
        if current.lemma_.lower() in lex.transparent_negating:
            return True
    if trig.light is not None:
        chain.append(trig.light)
    for t in chain:
        for child in t.children:
            if child.dep_ in ("neg", "advmod", "det", "preconj") and child.lower_ in lex.negation:
                if child.dep_ == "det" and t.i != tok.i:
                    continue
                return True
    return False


def _date_direct(trig: Trigger, reference: date, res: Resolver) -> date | None:
    tok = trig.token
    chain: list[Token] = [tok]
    current = tok
    while current.dep_ in events._CLAUSE_INTERNAL and current.head.i != current.i:
        current = current.head
        chain.append(current)
    if trig.light is not None:
        chain.append(trig.light)
    future = any(c.lower_ in ("will", "shall", "'ll") for t in chain for c in t.children if c.dep_ == "aux")
    sent = res.sent(tok)
    head = tok.head
    if tok.dep_ in ("relcl", "advcl") and head.ent_type_ == "DATE":
        ent = next((e for e in res.ents if e.start <= head.i < e.end), None)
        if ent is not None:
            return resolve_date(ent.text, reference, future=future)
    best: tuple[int, date] | None = None
    for ent in res.sent_ents(sent):
        if ent.label_ not in ("DATE", "TIME"):
            continue
        anchor = ent.root.head
        hops = 0
        while anchor.pos_ not in ("VERB", "AUX") and anchor.head.i != anchor.i and hops < 4:
            anchor = anchor.head
            hops += 1
        if anchor in chain or ent.root.head in chain:
            rank = chain.index(anchor) if anchor in chain else chain.index(ent.root.head)
            resolved = resolve_date(ent.text, reference, future=future)
            if resolved is not None and (best is None or rank < best[0]):
                best = (rank, resolved)
    return best[1] if best else None


def _location_direct(trig: Trigger, res: Resolver) -> tuple[str, Actor] | None:
    holders = [trig.token]
    if trig.light is not None:
        holders.append(trig.light)
    obj = object_of(trig.token)
    if obj is not None:
        holders += [obj, *obj.conjuncts]
    for inner in trig.inner:
        holders.append(inner.token)
    if trig.type == "AGREE" and not trig.is_noun:
        holders += [
            o for p in children(trig.token, ["prep"]) if p.lower_ in ("to", "on", "upon") for o in children(p, ["pobj"])
        ]
    if trig.type in res.lex.location_recipient:
        aimed = [h for h in (trig.token, trig.light, obj) if h is not None]
        for prep in (p for h in aimed for p in children(h, ["prep"]) if p.lower_ in events._AIMED):
            holders += [o for pobj in children(prep, ["pobj"]) for o in (pobj, *pobj.conjuncts)]
    holders += [a for h in holders for a in children(h, ["advmod"]) if a.lower_ in PLACE_ADVERBS]
    if not trig.is_noun:
        holders += [c for c in trig.token.conjuncts if c.i > trig.token.i and c.pos_ == "VERB"]
    for holder in holders:
        for prep in children(holder, ["prep"]):
            if prep.lower_ not in res.lex.locative_preps:
                continue
            pcomp = first_child(prep, ["pcomp"])
            misread = pcomp if pcomp is not None and pcomp.tag_ == "VBN" else None
            pobj = first_child(prep, ["pobj"]) or (first_child(misread, ["dobj"]) if misread is not None else None)
            if pobj is None:
                continue
            best = None
            for sub in pobj.subtree:
                info = res.entity_at(sub)
                if info is None or info.kind not in ("place", "state", "group") or info.code is None:
                    continue
                if best is None or (info.kind == "place" and best.kind != "place"):
                    best = info
            if best is not None:
                location_id = best.entity_id or best.code
                assert location_id is not None and best.code is not None
                return location_id, Actor(best.code, best.span.text, best.entity_id, "place", best.span.start)
    return None


@pytest.fixture(scope="module")
def docs(nlp: Language) -> list[Doc]:
    return list(nlp.pipe(_texts()))


def test_coordinated_and_entity_start_read_what_spacy_gives(docs: list[Doc]) -> None:
    for doc in docs:
        ents = list(doc.ents)
        for tok in doc:
            assert [t.i for t in coordinated(tok)] == [t.i for t in tok.conjuncts]
            holding = next((e.start for e in ents if e.start <= tok.i < e.end), None)
            assert entity_start(tok) == holding


def test_trigger_helpers_match_the_direct_readings(docs: list[Doc]) -> None:
    lex, gaz = load_lexicon(), load_gazetteer()
    reference = date(2024, 6, 19)
    read = 0
    for doc in docs:
        res = Resolver(doc, gaz, lex)
        for sent in res.sentences:
            triggers = find_triggers(sent, lex, res)
            absorb(triggers, lex)
            for trig in triggers:
                read += 1
                assert events._negated(trig, lex) == _negated_direct(trig, lex), trig.token.text
                assert events._date(trig, reference, res) == _date_direct(trig, reference, res), trig.token.text
                assert events._location(trig, res) == _location_direct(trig, res), trig.token.text
    assert read > 300


def _readings(nlp: Language, text: str) -> set[tuple[object, ...]]:
    found = extract_text(nlp, text, date(2024, 6, 19)).events
    return {(e.event_type, e.actor_id, e.recipient_id, e.location_id, e.event_date, e.negated) for e in found}


@pytest.mark.parametrize(
    "clause",
    [
        "Lavrov did not visit Pyongyang on Monday",
        "Russian troops shelled Ukrainian positions near Bakhmut on Tuesday",
        "North Korea will send more troops to Russia in January",
    ],
)
def test_a_long_sentence_of_clauses_reads_each_clause(nlp: Language, clause: str) -> None:
    """Forty coordinated clauses, each with its own negation, place or date: the chain above each
    trigger is read through the memos and gives what the clause alone gives."""
    one = _readings(nlp, clause + ".")
    assert one
    assert one <= _readings(nlp, ", and ".join([clause] * 40) + ".")
