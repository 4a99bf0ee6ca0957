"""The attributes of a found event: where, when, whether it happened, how sure, how much, which mode.

For a trigger (`extractors.triggers`) these read its clause: the location ("in Russia's Kursk province"),
the date (resolved against the publication date), negation ("did not sign") and failure ("failed to
reach"), hedging ("reports indicate", "could", "reportedly"), future tense and threat, the quantity ("at
least 10,000 soldiers") and the aid mode (military, economic, humanitarian ...). Pure: no network, no
database.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from extractors.clauses import (
    ALL_SUBJECTS,
    OBJECTS,
    PASSIVE_SUBJECTS,
    SUBJECTS,
    ParseIndex,
    children,
    clause_mood,
    coordinated,
    first_child,
    is_number,
    memo_of,
    memo_up_chain,
    number_value,
    object_of,
    parse_index,
)
from extractors.dates import resolve_date
from extractors.lexicon import Lexicon
from extractors.resolution import (
    PLACE_ADVERBS,
    Actor,
    LinkedEntity,
    Resolver,
)
from extractors.triggers import (
    Trigger,
)

# Links that stay inside one clause when looking for a trigger's date or location.
_CLAUSE_INTERNAL = frozenset({"xcomp", "acl", "dobj", "pobj", "prep", "advcl", "conj", "pcomp", "agent"})


def future(trig: Trigger, lex: Lexicon) -> bool:
    """A future-tense trigger: "will"/"would"/"shall" on it or on the verb it hangs from, or a stated
    readiness ("is willing to withdraw", "ready to send"): an intention, not a deed."""
    return future_at(trig.light if trig.is_noun and trig.light is not None else trig.token, lex)


def future_at(verb: Token, lex: Lexicon, *, plan_heads: frozenset[str] = frozenset()) -> bool:
    """Whether a verb tells its act as to come (future), three steps up through infinitives and conjuncts
    at most; `plan_heads`: lemmas of verbs or adjectives whose infinitive is to come too ("plans to sign",
    "is likely to meet")."""
    current = verb
    for _ in range(3):
        if current.dep_ == "xcomp" and current.head.lower_ in lex.intent_adjectives | lex.unwilling_adjectives:
            return True
        if current.dep_ == "xcomp" and current.head.lemma_.lower() in plan_heads:
            return True
        auxes = _aux_words(current, lex)
        if auxes & lex.future_aux:
            return True
        if "to" in auxes and current.head.lemma_ in ("be", "go") and copula_infinitive(current):
            return True  # "is to visit", "is going to send"
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


def capability(trig: Trigger, lex: Lexicon) -> bool:
    """Whether a trigger tells only what its doer can do: "can" on it or on the verb it hangs from ("Pyongyang
    can gather data abroad", "the ministry can equip the units and fit them into formations"), or an
    infinitive of "able" in the present or future ("is able to veto any resolution", "will be able to fund
    matches"). A capability is no act (bench/data/news README: Kim's "we can deliver a serious military
    blow"); "was able to take part" tells the act done, and "could" is a hedge or the past, read elsewhere."""
    current = trig.light if trig.is_noun and trig.light is not None else trig.token
    for _ in range(3):
        if _aux_words(current, lex) & lex.ability_aux:
            return True
        head = current.head
        if current.dep_ == "xcomp" and head.i != current.i and head.lower_ in lex.ability_adjectives:
            copula = head.head if head.dep_ == "acomp" else head
            told_back = copula.lower_ in ("was", "were", "been") or any(
                c.dep_ == "aux" and c.lemma_ == "have" for c in copula.children
            )
            return not told_back
        if current.dep_ != "conj" or current.head.i == current.i:
            return False
        current = current.head
    return False


def weighed(trig: Trigger, lex: Lexicon) -> bool:
    """Whether a trigger is an infinitive whose doer a "for" phrase names under an adjective or a weighing noun
    ("it was important for Laos to supply Vietnam with rice", "it would be a mistake for Tokyo to send troops", "a
    chance for Oslo to meet Hanoi", "the aim is for Lima to sign"): an act judged, hoped or aimed for, not done
    (bench/data/news README: what is hypothetical is not coded). A plan or preparation ("preparations were under
    way for Kim to visit") is an act to come and is not weighed here."""
    if trig.is_noun:
        return False
    current = trig.token
    for _ in range(3):  # the infinitive, or the first of the infinitives it is conjoined with
        kids = list(current.children)
        if any(c.dep_ == "mark" and c.lower_ == "for" for c in kids) and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in kids
        ):
            return _weighing_head(current.head, lex) if current.head.i != current.i else False
        if current.dep_ != "conj" or current.head.i == current.i:
            return False
        current = current.head
    return False


def _weighing_head(head: Token, lex: Lexicon) -> bool:
    """Whether a "for X to …" clause hangs on an adjective or a weighing noun, directly ("a chance for", "vital
    for") or through a copula ("it is vital for", "it would be a mistake for", "the aim is for")."""
    if head.pos_ == "ADJ" or (head.pos_ == "NOUN" and head.lemma_.lower() in lex.weighing_nouns):
        return True
    if head.lemma_.lower() != "be":
        return False
    for child in head.children:
        if child.dep_ == "acomp" and child.pos_ in ("ADJ", "ADV"):  # "it was too early for Kenya to condemn"
            return True
        if child.dep_ in ("attr", "nsubj") and child.pos_ == "NOUN" and child.lemma_.lower() in lex.weighing_nouns:
            return True
    return False


def copula_infinitive(tok: Token) -> bool:
    """An infinitive under a copula that sets a timetable ("is to visit", "preparations were under way
    for Kim to visit", "it is our policy to defend"), not the reason for an adjective ("it is wrong to
    help Russia") nor the purpose of a noun ("what they say are shipments to Russia to help its war"):
    those are not to come."""
    predicates = {c.dep_ for c in tok.head.rights if c.dep_ in ("attr", "acomp")}
    return "acomp" not in predicates and not (tok.dep_ == "advcl" and "attr" in predicates)


def _aux_words(tok: Token, lex: Lexicon) -> frozenset[str]:
    """A verb's auxiliaries, lowercased, read once per token (the head of 500 coordinated clauses has
    1,500 children, asked once per trigger under it)."""
    memo = memo_of(parse_index(tok.doc), "aux_words", lex)
    found = memo.get(tok.i)
    if found is None:
        found = memo[tok.i] = frozenset(c.lower_ for c in tok.children if c.dep_ == "aux")
    return found


def threatened(trig: Trigger, lex: Lexicon) -> bool:
    """A coercive act in the future tense, not a past counterfactual ("would have stormed our
    positions" did not and will not happen)."""
    current = trig.light if trig.is_noun and trig.light is not None else trig.token
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in current.children):
        return False
    return future(trig, lex)


def aid_mode(trig: Trigger, lex: Lexicon) -> str | None:
    candidates = [trig.token, *[c for c in trig.token.subtree if c.pos_ in ("NOUN", "PROPN", "ADJ")]]
    for tok in candidates:
        lower = tok.lower_
        if lower in ("humanitarian", "relief", "food", "medicine", "medical"):
            return "humanitarian"
        if lower in ("military", "weapon", "weapons", "arms") or lex.in_class(tok, "weapons"):
            return "military"
        if lower in ("economic", "financial") or lex.in_class(tok, "money"):
            return "economic"
        if lex.in_class(tok, "asylum"):
            return "asylum"
    return None


_AIMED = frozenset({"against", "toward", "towards"})


def location(trig: Trigger, res: Resolver) -> tuple[str, Actor] | None:
    """(location_id, the location's state as an actor) from a locative phrase of the trigger."""
    holders = [trig.token]
    if trig.light is not None:
        holders.append(trig.light)
    obj = object_of(trig.token)
    if obj is not None:
        # "struck a depot and several posts inside Yemen": the place of any conjunct.
        holders += [obj, *coordinated(obj)]
    for inner in trig.inner:
        holders.append(inner.token)
    if trig.type == "AGREE" and not trig.is_noun:
        # "accepted a truce in southern Lebanon", "agreed on a pause in Gaza": where what is agreed holds.
        holders += [
            o for p in children(trig.token, ["prep"]) if p.lower_ in ("to", "on", "upon") for o in children(p, ["pobj"])
        ]
    if trig.type in res.lex.location_recipient:
        # "launched airstrikes against a camp in Pakistan": where the target is, the act is.
        # (The phrase hangs on the trigger, its light verb, or its object: "launched strikes against".)
        aimed = [h for h in (trig.token, trig.light, obj) if h is not None]
        for prep in (p for h in aimed for p in children(h, ["prep"]) if p.lower_ in _AIMED):
            holders += [o for pobj in children(prep, ["pobj"]) for o in (pobj, *coordinated(pobj))]
    # "burned farms elsewhere in Mali's centre": the phrase hangs on an adverb of place.
    holders += [a for h in holders for a in children(h, ["advmod"]) if a.lower_ in PLACE_ADVERBS]
    # "pounding the trenches and launching drones near Bakhmut": the last of coordinated acts holds
    # the place of them all (read last: a place of the trigger's own comes first).
    if not trig.is_noun:
        holders += [c for c in coordinated(trig.token) if c.i > trig.token.i and c.pos_ == "VERB"]
    # What each holder's phrase names depends on the holder alone: read once per token (the last of
    # 500 coordinated clauses is a holder of each of the 499 before it).
    memo = memo_of(parse_index(trig.token.doc), "location_at", res.ent_of)
    for holder in holders:
        found = memo.get(holder.i, _NOT_READ)
        if found is _NOT_READ:
            found = memo[holder.i] = location_at(holder, res)
        if found is not None:
            return found
    return None


_NOT_READ = object()


def location_at(holder: Token, res: Resolver) -> tuple[str, Actor] | None:
    """(location_id, the location's state as an actor) from a locative phrase of one holder."""
    for prep in children(holder, ["prep"]):
        if prep.lower_ not in res.lex.locative_preps:
            continue
        # "in occupied Karabakh", "in rebel-held Idlib": the parser may read the participle as
        # the preposition's clause and the place as its object.
        pcomp = first_child(prep, ["pcomp"])
        misread = pcomp if pcomp is not None and pcomp.tag_ == "VBN" else None
        pobj = first_child(prep, ["pobj"]) or (first_child(misread, ["dobj"]) if misread is not None else None)
        if pobj is None:
            continue
        best: LinkedEntity | None = None
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


# The links along which a negation above a trigger negates it, and the dependencies of a negation word.
_NEGATED_CHAIN = frozenset({"xcomp", "conj", "acomp"})
_NEGATION_DEPS = frozenset({"neg", "advmod", "det", "preconj"})


def negated(trig: Trigger, lex: Lexicon) -> bool:
    tok = trig.token
    if tok.dep_ == "pcomp" and tok.head.lower_ in lex.negation:
        return True  # "said without providing details"
    index = parse_index(tok.doc)
    if tok.dep_ == "pcomp" and tok.head.lower_ == "from" and tok.head.head.i != tok.head.i:
        # "refrained from condemning Quito", "has never refrained from criticising": the verb says it was
        # not done, a negation of its own cancels it
        holder = tok.head.head
        if holder.lemma_.lower() in lex.transparent_negating:
            return not _negation_child(index, holder.i, lex, det=False)
    i = tok.i
    if _negation_child(index, i, lex, det=True):
        return True
    if index.dep[i] == "xcomp" and index.lower[index.head[i]] in lex.unwilling_adjectives:
        return True  # "is unwilling to expand ties": the offer refused
    # (acomp: "is not willing to withdraw" negates the withdrawal offered)
    if (
        index.dep[i] in _NEGATED_CHAIN
        and index.head[i] != i
        and not _own_clause(index, i)
        and _negated_above(index, index.head[i], lex)
    ):
        return True
    light = trig.light
    if light is not None and _negation_child(index, light.i, lex, det=light.i == i):
        return True
    if not trig.is_noun and any(
        index.dep[s] in ALL_SUBJECTS
        and any(index.dep[c] in ("det", "preconj") and index.lower[c] in lex.negation for c in index.kids.get(s, ()))
        for s in index.kids.get(i, ())
    ):
        return True  # "Neither Lima nor Quito has denied it", "no state has sent troops": a subject none of does it
    # A verb's object that none of is the act undone: "held no talks", "sent no troops".
    return not trig.is_noun and any(
        index.dep[c] == "dobj" and _negation_child(index, c, lex, det=True) for c in index.kids.get(i, ())
    )


def _negation_child(index: ParseIndex, i: int, lex: Lexicon, *, det: bool) -> bool:
    """Whether token i has a negation word as a child ("not", "never", "no" as a determiner if det);
    "not only" / "not just" negates nothing (a limiter next)."""
    dep, lower, negation = index.dep, index.lower, lex.negation
    return any(
        dep[c] in _NEGATION_DEPS
        and lower[c] in negation
        and (det or dep[c] != "det")
        and not (c + 1 < len(lower) and lower[c + 1] in lex.negation_limiters)
        for c in index.kids.get(i, ())
    )


# What makes a verb joined by "and" a clause of its own: its own subject or auxiliary, or a finite
# form its negated partner does not have.
_CLAUSE_OWN_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _own_clause(index: ParseIndex, i: int) -> bool:
    """Whether token i, a conjunct, is a clause of its own that a negation of the verb it is joined to
    leaves done: with its own subject or auxiliary ("has never condemned X and has strengthened ties"),
    or finite where its partner is not ("does not want a quarrel and urged talks", "did not attend but
    sent a minister"). Joined by "or" / "nor" it shares the negation ("neither confirmed nor denied")."""
    if index.dep[i] != "conj" or index.pos[i] not in ("VERB", "AUX"):
        return False
    dep, tag, head = index.dep, index.tag, index.head[i]
    # The word just before the conjunct, not the head's every child: a run of 500 clauses stays linear.
    if i > 0 and dep[i - 1] == "cc" and index.lower[i - 1] in ("or", "nor"):
        return False
    own = any(dep[c] in _CLAUSE_OWN_DEPS for c in index.kids.get(i, ()))
    return own or (tag[i] in _FINITE_TAGS and tag[i] != tag[head])


def _negated_above(index: ParseIndex, i: int, lex: Lexicon) -> bool:
    """Whether token i, above a trigger on its chain of xcomp/conj/acomp links, negates it: a verb
    that says it did not happen ("failed to"), a negation word of its own (not a determiner), or the
    same of the token above it - an odd number of them, as two cancel ("has never stopped supplying",
    "did not hesitate to condemn": done). Memoised per document: a long run of coordinated clauses
    would otherwise be read again for each of its triggers."""
    lemma, dep, head = index.lemma, index.dep, index.head
    memo: dict[int, bool] = memo_of(index, "negated_above", lex)
    path: list[int] = []
    above = False  # whether what lies above the path negates
    while True:
        known = memo.get(i)
        if known is not None:
            above = known
            break
        path.append(i)
        if dep[i] not in _NEGATED_CHAIN or head[i] == i or _own_clause(index, i):
            break
        i = head[i]
    for j in reversed(path):
        above ^= (lemma[j].lower() in lex.transparent_negating) != _negation_child(index, j, lex, det=False)
        memo[j] = above
    return above


def failed(trig: Trigger, lex: Lexicon) -> bool:
    """Whether the trigger is governed by a verb that says it did not happen ("failed to reach")."""
    current = trig.light if trig.light is not None and trig.is_noun else trig.token
    while current.dep_ in ("xcomp", "conj") and current.head.i != current.i:
        current = current.head
        if current.lemma_.lower() in lex.transparent_negating:
            return True
    return False


def hedged(trig: Trigger, lex: Lexicon) -> bool:
    return clause_mood(trig.light if trig.light is not None and trig.is_noun else trig.token, lex).hedged


def quantity(trig: Trigger, lex: Lexicon) -> int | None:
    """A head count of the troops or weapons moved ("at least 10,000 soldiers")."""
    candidates: list[Token] = []
    tok = trig.token
    for dep in (OBJECTS, PASSIVE_SUBJECTS, SUBJECTS):
        candidates += children(tok, dep)
    for inner in trig.inner:
        candidates += children(inner.token, OBJECTS | PASSIVE_SUBJECTS | SUBJECTS)
    for cand in candidates:
        counted = cand
        number: Token | None = None
        if is_number(cand):
            number = cand
            of = next((p for p in children(cand, ["prep"]) if p.lower_ == "of"), None)
            counted = first_child(of, ["pobj"]) if of is not None else cand
        else:
            number = next((c for c in cand.children if c.dep_ == "nummod"), None)
        if number is None or counted is None:
            continue
        if not any(lex.in_class(counted, c) for c in ("troops", "weapons", "police", "people")):
            continue
        value = number_value(number, lex)
        if value is not None:
            return int(value)
    return None


def event_date(trig: Trigger, reference: date | None, res: Resolver) -> date | None:
    """The date phrase of the trigger's clause, resolved against the publication date."""
    tok = trig.token
    index = parse_index(tok.doc)
    dep, head = index.dep, index.head
    # The clause's chain from the trigger up (token index -> its first place in it), the light verb last.
    chain: dict[int, int] = {tok.i: 0}
    current = tok.i
    while dep[current] in _CLAUSE_INTERNAL and head[current] != current:
        current = head[current]
        chain.setdefault(current, len(chain))
    light = trig.light
    future = _future_above(index, tok.i) or (light is not None and _will_aux(index, light.i))
    if light is not None:
        chain.setdefault(light.i, len(chain))
    sent = res.sent(tok)
    # "in June 2023 when Moscow and Pyongyang signed": the clause hangs off the date itself.
    tok_head = tok.head
    if tok.dep_ in ("relcl", "advcl") and tok_head.ent_type_ == "DATE":
        ent = next((e for e in res.ents if e.start <= tok_head.i < e.end), None)
        if ent is not None:
            return resolve_date(ent.text, reference, future=future)
    best: tuple[int, date] | None = None
    for ent, anchor, ent_head in _date_anchors(index, res, sent):
        rank = chain.get(anchor)
        if rank is None:
            rank = chain.get(ent_head)
        if rank is not None:
            resolved = resolve_date(ent.text, reference, future=future)
            if resolved is not None and (best is None or rank < best[0]):
                best = (rank, resolved)
    return best[1] if best else None


def _will_aux(index: ParseIndex, i: int) -> bool:
    """Whether token i has an auxiliary of the future ("will", "shall", "'ll") as a child."""
    dep, lower = index.dep, index.lower
    return any(dep[c] == "aux" and lower[c] in ("will", "shall", "'ll") for c in index.kids.get(i, ()))


def _future_above(index: ParseIndex, i: int) -> bool:
    """Whether a token on the clause chain from token i up (along _CLAUSE_INTERNAL links) has an
    auxiliary of the future; memoised per document (a long run of coordinated clauses would otherwise
    be read again for each of its triggers)."""
    return memo_up_chain(
        index, i, memo_of(index, "future_above", None), lambda j: _will_aux(index, j), _CLAUSE_INTERNAL
    )


def _date_anchors(index: ParseIndex, res: Resolver, sent: Span) -> list[tuple[Span, int, int]]:
    """The sentence's DATE and TIME entities in order, each with the token it anchors to (the first
    verb above its root's head, at most four hops up) and its root's head; read once per sentence."""
    memo = memo_of(index, "date_anchors", None)
    found = memo.get(sent.start)
    if found is None:
        found = memo[sent.start] = []
        for ent in res.sent_ents(sent):
            if ent.label_ not in ("DATE", "TIME"):
                continue
            ent_head = ent.root.head
            anchor = ent_head
            hops = 0
            while anchor.pos_ not in ("VERB", "AUX") and anchor.head.i != anchor.i and hops < 4:
                anchor = anchor.head
                hops += 1
            found.append((ent, anchor.i, ent_head.i))
    return found
