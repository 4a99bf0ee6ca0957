"""Who did what to whom: PLOVER events from a parsed document.

For each sentence the rules find trigger words (verbs and event nouns listed in
`data/event_lexicon.toml`), then read the actor, the recipient and the details off the dependency
parse:

* actor: the subject (inherited through conjunction, control and participles), the `by` agent of a
  passive, the head noun of a relative clause or participle, the possessor of an event noun
  ("Pyongyang's decision to send troops"). A passive with no agent takes the actor from its theme's
  nationality ("North Korean troops are being deployed" -> PRK).
* recipient: the object (or, for verbs whose object is what moves - send, deploy, supply - the
  `to`/`against`/... phrase), the subject of a demanded clause, the arguments of a governed clause
  ("threatened to launch a strike against X"), the destination's state for deployments and
  attacks.
* noun phrases resolve to canonical ids through the gazetteer: the head's own entity, then its
  modifiers ("North Korean troops", "Russia's Kursk province"), apposition ("The Wagner Group, a
  Russian mercenary force"), `of`/`from`/`for`/`in` phrases ("the presidents of Colombia and
  Ecuador"), and for generic officials ("Foreign Ministry spokespersons") the state in context.
  People and institutions are coded as their state, PLOVER-style; coordination gives one actor per
  conjunct ("Moscow and Pyongyang"), and events are made per actor-recipient pair.
* negation ("did not sign"), hedging ("reports indicate", "could", "reportedly", "if ..."), mode,
  quantity ("at least 10,000 soldiers"), location ("in Russia's Kursk province") and the date
  (resolved against the publication date) come from the trigger's own clause.

After the rules, a learned event-type model (`extractors.event_types`, trained on coded real news by
scripts/train_event_types.py) reads each sentence that names an actor and where the rules found no
event; a type it reads is made an event by the same helpers, from the word that carries its evidence.

Everything the rules know about words is in the lexicon (`extractors.lexicon`); this module holds the
event rules. The grammar they share with the quote and claim rules lives below it: clause helpers in
`extractors.clauses`, noun phrase resolution in `extractors.resolution`, trigger finding in
`extractors.triggers`. Pure: no network, no database.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from itertools import islice
from typing import Literal

from spacy.tokens import Doc, Span, Token

from extractors.clauses import (
    OBJECTS,
    PASSIVE_SUBJECTS,
    SUBJECTS,
    ParseIndex,
    children,
    clause_hedged,
    coordinated,
    counted,
    entity_start,
    first_child,
    is_infinitive,
    is_number,
    is_verb,
    memo_of,
    memo_up_chain,
    number_value,
    object_of,
    parse_index,
    sentence_text,
    small_clause_object,
    subject_of,
    subtree_order,
    subtree_positions,
)
from extractors.dates import resolve_date
from extractors.event_types import (
    ACTOR_KINDS,
    EventTypeModel,
    load_event_type_model,
    mentions_actor,
    sentence_features,
)
from extractors.gazetteer import Entity, Gazetteer
from extractors.lexicon import Entry, Lexicon, load_lexicon, noun_forms
from extractors.records import Event, Quote
from extractors.resolution import (
    PLACE_ADVERBS,
    Actor,
    LinkedEntity,
    Resolver,
    conjuncts,
    entity_actor_code,
    is_group_noun,
    verb_actors,
)
from extractors.triggers import (
    Trigger,
    absorb,
    adjunct_doer,
    agentive_clause,
    doer_of,
    feared_doer,
    feeling_clause,
    find_triggers,
    is_response,
    is_thing,
    is_war,
    modifier_parties,
    noun_agent,
    parse_spec,
    prospect_topic,
    supposed_outcome,
    topic_noun,
    unnamed_parties,
    verdict,
)

_ALL_SUBJECTS = SUBJECTS | PASSIVE_SUBJECTS
# Links that stay inside one clause when looking for a trigger's date or location.
_CLAUSE_INTERNAL = frozenset({"xcomp", "acl", "dobj", "pobj", "prep", "advcl", "conj", "pcomp", "agent"})


@dataclass
class _Draft:
    type: str
    mode: str | None
    actor: Actor
    recipient: Actor | None
    location_id: str | None
    event_date: date | None
    quantity: int | None
    negated: bool
    hedged: bool
    # A movement of troops or weapons by a sending verb or noun ("dispatched 11,000 troops")
    transfer: bool = False
    # With no recipient: the words of a target the gazetteer cannot code ("granted asylum to Julian
    # Assange", "detained dozens of protesters"), kept as recipient_text with no recipient id.
    uncoded: str | None = None


def extract_events(
    doc: Doc,
    gazetteer: Gazetteer,
    *,
    lexicon: Lexicon | None = None,
    published_at: date | datetime | None = None,
    resolver: Resolver | None = None,
    type_model: EventTypeModel | Literal["shipped"] | None = "shipped",
    quotes: Sequence[Quote] = (),
) -> list[Event]:
    """PLOVER events of every sentence of a parsed document, in reading order. type_model: the
    learned event-type model read after the rules ("shipped": extractors/data's; None: rules only).
    quotes: the document's quotes (extract_quotes), whose speakers act in what they are quoted saying
    when the sentence names them only by a pronoun or not at all."""
    lex = lexicon or load_lexicon()
    res = resolver or Resolver(doc, gazetteer, lex)
    if quotes:
        res.spoken = _spoken(quotes, res, gazetteer)
    model = load_event_type_model() if type_model == "shipped" else type_model
    reference = published_at.date() if isinstance(published_at, datetime) else published_at
    events: list[Event] = []
    pact_parties: list[Actor] = []  # the parties of the last pact signed in the text
    helped: dict[str, Actor] = {}  # whom each state's troops, arms or aid went to, as the text said last
    for sent in res.sentences:
        triggers = find_triggers(sent, lex, res)
        absorb(triggers, lex)
        drafts: list[_Draft] = []
        made: list[tuple[Trigger, list[_Draft]]] = []
        for trig in triggers:
            if not trig.absorbed:
                found = _drafts(trig, res, lex, reference)
                if pact_parties and _names_known_pact(trig, lex):
                    found = _with_pact_partner(found, pact_parties)
                questioned = _questioned_captives(trig, found, res)
                made.append((trig, [*found, *questioned]))
        rejected = _rejected_content(made)
        for trig, found in made:
            if trig.token.i not in rejected:
                drafts.extend(found)
        if model is not None:
            drafts = _reviewed(model, sent, drafts, res)
            drafts.extend(_learned_drafts(model, sent, triggers, drafts, res, lex, reference))
        drafts.extend(_fought_beside(sent, drafts, res, lex, reference))
        drafts.extend(_troops_abroad(sent, drafts, res, lex, reference))
        drafts = _with_known_destination(drafts, helped)
        drafts = [kept for d in drafts if (kept := _on_itself(d, res)) is not None]
        for draft in drafts:
            if draft.type == "AGREE" and draft.mode == "pact" and draft.recipient is not None:
                pact_parties = [draft.actor, draft.recipient]
            if draft.type == "AID" and draft.recipient is not None:
                helped[draft.actor.code] = draft.recipient
        events.extend(_merge(drafts, sent))
        _remember_subjects(sent, res)
    return events


# A news outlet quoted is no actor (it reports), unless the state runs it ("KCNA said": Pyongyang).
_OUTLET_ROLES = ("news", "newspaper", "broadcaster", "television", "radio", "magazine")


def _speaker_actor(quote: Quote, gazetteer: Gazetteer) -> Actor | None:
    """The actor a quote's speaker codes as: a state or organisation of states itself, a person the
    state or organisation they act for, a ministry or agency its state (a private outlet none); a
    person the gazetteer does not know, the state their title names ("the deputy US representative")."""
    entity = gazetteer.entity(quote.speaker_id) if quote.speaker_id else None
    if entity is None and quote.affiliation:
        entity = _titled_state(quote.affiliation, gazetteer)
    if entity is None:
        return None
    name = quote.speaker_name
    role = (entity.role or "").lower()
    if entity.kind == "organisation" and any(w in role for w in _OUTLET_ROLES) and "state" not in role:
        return None
    code = entity_actor_code(entity)
    return Actor(code, name, entity.entity_id, entity.kind, -1) if code else None


def _titled_state(title: str, gazetteer: Gazetteer) -> Entity | None:
    """The state or state body a speaker's title names: "State Department", "deputy US representative"
    (a title naming two, or a person, names none)."""
    whole = gazetteer.lookup(title)
    found = {whole.entity_id} if whole is not None else set()
    if not found:
        for word in title.split():
            alias = gazetteer.lookup(word) if word[:1].isupper() else None
            if alias is not None:
                found.add(alias.entity_id)
    entities = [gazetteer.entity(i) for i in found]
    if len(entities) != 1 or entities[0] is None or entities[0].kind not in ("state", "organisation"):
        return None
    return entities[0]


def _spoken(quotes: Sequence[Quote], res: Resolver, gazetteer: Gazetteer) -> dict[int, tuple[Actor, bool]]:
    """Token index -> (speaker, direct) for every token of the quoted words whose speaker codes as
    an actor (Resolver.spoken)."""
    starts = [t.idx for t in res.tokens]
    spoken: dict[int, tuple[Actor, bool]] = {}
    # The first quote holding a token gives its speaker. Quoted words overlap (a run of reported clauses
    # each reaching the sentence's end): each token is set once, the ones set skipped in a jump
    # (following[i]: the first token from i on not set yet, paths shortened as they are read).
    following = list(range(len(starts) + 1))

    def unset(i: int) -> int:
        root = i
        while following[root] != root:
            root = following[root]
        while following[i] != root:
            following[i], i = root, following[i]
        return root

    for quote in quotes:
        actor = _speaker_actor(quote, gazetteer)
        if actor is None and quote.speaker_id is None and quote.speaker_name and not quote.affiliation:
            # A person the gazetteer does not know, named in full with their state before ("South
            # Korea's nuclear envoy Hwang Min-ho" ... "Hwang told reporters"): that state.
            code = res.stated_state(quote.speaker_name, quote.start)
            actor = Actor(code, quote.speaker_name, None, "person", -1) if code else None
        if actor is None:
            continue
        i, end = unset(bisect.bisect_left(starts, quote.start)), bisect.bisect_left(starts, quote.end)
        while i < end:
            spoken[i] = (actor, quote.direct)
            following[i] = i + 1
            i = unset(i + 1)
    return spoken


_REJECTED_PREPS = frozenset({"on", "to"})


def _rejected_content(made: list[tuple[Trigger, list[_Draft]]]) -> set[int]:
    """The trigger words inside what a rejection rejects ("vetoed a draft that would have
    censured Tehran", "rejected the demand to cancel the vote", "will not end the blockade it ordered"):
    PLOVER REJECT is the event; the plan, demand or measure rejected is its recipient, not an event."""
    rejecting = [trig for trig, found in made if any(d.type == "REJECT" for d in found)]
    inside: set[int] = set()
    for trig in rejecting:
        tok = trig.token
        objects = [c for c in tok.children if c.dep_ in ("dobj", "attr", "nsubjpass")]
        # "reneged on the accord", "objected to the plan": the prepositional object (not "after the attack")
        objects += [
            g
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in _REJECTED_PREPS
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if objects:
            # "vetoed a measure to extend the inquiry": the parser hangs the measure's clause on the verb
            objects += [c for c in tok.children if c.dep_ in ("advcl", "xcomp") and is_infinitive(c)]
        inside |= {t.i for obj in objects for t in obj.subtree}
    return inside - {trig.token.i for trig in rejecting}


def _reviewed(model: EventTypeModel, sent: Span, drafts: list[_Draft], res: Resolver) -> list[_Draft]:
    """The rules' events as the learned model reviews them (EventTypeModel.review): one of a type it finds
    very unlikely in the sentence takes the type it reads there with confidence instead ("sent troops to
    help Russia" read as MOBILIZE by a lexicon word, AID by the model), or is dropped. Chosen by k-fold
    on the training files (scripts/train_event_types.py)."""
    if not drafts or not model.reviews:
        return drafts  # nothing to review, or a model that reviews nothing: no features to read
    review = model.review(sentence_features(sent, res), {d.type for d in drafts})
    if not review:
        return drafts
    kept: list[_Draft] = []
    for draft in drafts:
        if draft.type not in review:
            kept.append(draft)
        elif (kind := review[draft.type]) is not None:
            kept.append(replace(draft, type=kind, mode=None))
    return kept


def _learned_drafts(
    model: EventTypeModel,
    sent: Span,
    triggers: list[Trigger],
    drafts: list[_Draft],
    res: Resolver,
    lex: Lexicon,
    reference: date | None,
) -> list[_Draft]:
    """Events the learned model reads in a sentence that names an actor and where the rules found
    none: the token that carries the model's evidence for a type is taken as a trigger of that type,
    and the rules' own helpers read its actor, recipient and details; failing them, the subject of
    the clause above the word, then the only two actors the sentence names (no actor or no recipient
    found: no event).
    Where the rules found an event their reading stands: extra types there were mostly wrong (on
    news-dev, PLV_train and the PLOVER records). A word the rules read as a trigger is theirs too."""
    if drafts or not mentions_actor(sent, res):
        return []
    read = {t.token.i for trig in triggers for t in (trig, *trig.inner)}
    read |= {trig.light.i for trig in triggers if trig.light is not None}
    # A clause the rules set aside (appealed for, denied, only considered, the war as background) is
    # no event in other words either: "will reconsider whether to send air defence systems to Kyiv".
    declined = [trig.token for trig in triggers if trig.declined]
    learned: list[_Draft] = []
    features = sentence_features(sent, res)
    for kind, probability, evidence in model.predict(features, exclude=read):
        tok = res.tokens[evidence]
        if any(d.left_edge.i <= tok.i <= d.right_edge.i for d in declined):
            continue
        if (_declined(tok, kind, lex) and not model.overrules(kind, probability)) or any(
            c.dep_ == "det" and c.lower_ in lex.negation for c in tok.children
        ):
            continue  # declined by the rules (unless the model is sure), or denied ("no troops were sent")
        if _denied_clause(tok, lex) or topic_noun(tok, lex):
            continue
        if tok.dep_ in OBJECTS and tok.head.lemma_.lower() in lex.reporting_verbs | lex.perceiving_verbs:
            continue  # what is seen or reported ("Seoul spotted containers being shipped"): not the seer's act
        light = tok.head if tok.pos_ == "NOUN" and tok.dep_ in OBJECTS and tok.head.pos_ == "VERB" else None
        found = _drafts(Trigger(tok, Entry(kind), kind, None, light=light), res, lex, reference)
        verb = tok.head
        participant = tok.pos_ == "NOUN" and verb.pos_ in ("VERB", "AUX") and verb.i != tok.i
        # "there are 10,000 North Korean soldiers in Russia": the soldiers are the clause's subject, and
        # the clause's own roles would climb past "there" to whoever reports it.
        existential = tok.dep_ == "attr" and any(c.dep_ == "expl" for c in verb.children)
        if not found and participant and probability >= _PARTICIPANT_CONFIDENCE:
            # The evidence is a participant ("North Korean troops were fighting in Kursk"): its clause.
            if not existential:
                found = _drafts(Trigger(verb, Entry(kind), kind, None), res, lex, reference)
            if not found and (existential or tok.dep_ in SUBJECTS | PASSIVE_SUBJECTS):
                found = _participant_drafts(kind, tok, Trigger(verb, Entry(kind), kind, None), res, reference)
        if not found and probability >= _SUBJECT_CONFIDENCE:
            found = _clause_subject_drafts(kind, tok, res, lex, reference)
            if not found and probability >= _PAIR_CONFIDENCE:
                found = _named_pair_drafts(kind, tok, sent, res, reference)
        found = _with_named_other(found, sent, res)
        # A negated reading ("there has been no deployment") is no event the model was taught; one with
        # nobody named on the other side was mostly a misreading (news-dev, PLV_train, the seed).
        learned += [d for d in found if not d.negated and d.recipient is not None]
    return learned


def _denied_clause(tok: Token, lex: Lexicon) -> bool:
    """Whether a word's clause is negated: the word, the verb or copula a noun hangs from, or what a
    reporting verb reports ("Seoul said the launch was not a provocation": read from "said")."""
    clause = tok.head if tok.pos_ in ("NOUN", "PROPN", "ADJ") and tok.head.pos_ in ("VERB", "AUX") else tok
    reported = children(tok, ["ccomp"]) if tok.lemma_.lower() in lex.reporting_verbs else []
    return any(c.dep_ == "neg" for t in (tok, clause, *reported) for c in t.children)


def _with_named_other(found: list[_Draft], sent: Span, res: Resolver) -> list[_Draft]:
    """Learned events whose recipient the role helpers did not find take the one other actor the
    sentence names ("the talks in Moscow with Pyongyang's envoy", "Russia's support": the parse hangs
    it elsewhere)."""
    kept: list[_Draft] = []
    for draft in found:
        others = [a for a in _named_sides(sent, res, draft.type) if a.code != draft.actor.code]
        if draft.recipient is not None or len({a.code for a in others}) != 1:
            kept.append(draft)
            continue
        kept.append(replace(draft, recipient=others[0]))
    return kept


def _named_sides(sent: Span, res: Resolver, kind: str) -> list[Actor]:
    """The actors a sentence names besides its source ("Zelenskiy said", "according to TASS"), in
    order: who a learned reading's other side can be. For a type other than cooperation, not a partner
    named beside someone ("were killed in fighting alongside Russian troops": nobody's target)."""
    speaking = res.lex.reporting_verbs
    named = _unique(
        [
            a
            for ent in res.sent_ents(sent)
            if not _is_source(ent.root, speaking) and (a := _ent_actor(res, ent)) is not None
        ]
    )
    # "casualties among North Korean troops in the Ukraine war": a war's name is where it is fought,
    # nobody's side in a reading of the sentence (a war's owner, "Russia's war", stays).
    named = [a for a in named if a.token is None or not _names_war(res.tokens[a.token], res.lex)]
    if kind in _COOPERATIVE:
        return named
    return [a for a in named if a.token is None or not _named_beside(res.tokens[a.token])]


def _names_war(tok: Token, lex: Lexicon) -> bool:
    """Whether a name only names a war: "the Ukraine war", "the Russia-Ukraine war", "the war in
    Ukraine" (not its owner: "Russia's war")."""
    up = tok
    for _ in range(3):
        if up.dep_ in ("compound", "amod", "nmod"):
            up = up.head
        elif up.dep_ == "pobj" and up.head.lower_ == "in" and up.head.head.i != up.head.i:
            up = up.head.head
        else:
            break
        if up.lemma_.lower() in lex.war_nouns:
            return True
    return False


def _named_beside(tok: Token) -> bool:
    """Whether a name stands in an "alongside"/"beside" phrase ("fighting alongside Russian troops")."""
    up = tok
    while up.dep_ in ("amod", "compound", "nmod", "poss", "pobj", "appos", "conj") and up.head.i != up.i:
        if up.dep_ == "pobj":
            return up.head.lower_ in _BESIDE
        up = up.head
    return False


def _clause_subject_drafts(kind: str, tok: Token, res: Resolver, lex: Lexicon, reference: date | None) -> list[_Draft]:
    """A learned type whose evidence word the role helpers found no actor for ("the deal Moscow struck
    with Pyongyang", "an attack by ..."): the actor is the subject of the nearest clause above the
    evidence that names one (not a speaker's: "officials said"), read as a trigger of that clause's
    verb; the other side is then the one other actor named (_with_named_other)."""
    speaking = lex.reporting_verbs
    for verb in [tok, *list(tok.ancestors)[:4]]:
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in speaking:
            continue
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        actors = res.resolve(subject, context=False) if subject is not None else []
        if not actors:
            continue
        trig = Trigger(verb, Entry(kind), kind, None)
        if _negated(trig, lex):
            return []
        location = _location(trig, res)
        return [
            _Draft(
                kind,
                None,
                a,
                None,
                location[0] if location else None,
                _date(trig, reference, res),
                None,
                False,
                _hedged(trig, lex),
            )
            for a in actors
        ]
    return []


def _named_pair_drafts(kind: str, tok: Token, sent: Span, res: Resolver, reference: date | None) -> list[_Draft]:
    """A learned type in a sentence that names exactly two actors besides its source, neither of
    them the subject of a clause ("the dispatch of North Korean forces to Russia", "cooperation
    between Pyongyang and Moscow"): the first named acts towards the second."""
    named = _named_sides(sent, res, kind)
    codes = list(dict.fromkeys(a.code for a in named))
    if len(codes) != 2:
        return []
    first = next(a for a in named if a.code == codes[0])
    second = next(a for a in named if a.code == codes[1])
    trig = Trigger(tok, Entry(kind), kind, None)
    if _negated(trig, res.lex):
        return []
    return [_Draft(kind, None, first, second, None, _date(trig, reference, res), None, False, _hedged(trig, res.lex))]


# The fallback to a clause's subject is a looser reading: the model must be surer of the type; the
# fallback to the two actors named, looser still, surer again (k-fold on the training files: at 0.5
# news-dev and the PLOVER records lost an event each; at 0.7 they hold).
_SUBJECT_CONFIDENCE = 0.5
_PAIR_CONFIDENCE = 0.7


def _is_source(tok: Token, speaking: frozenset[str]) -> bool:
    """Whether a name stands as the source of the sentence ("Zelenskiy said ...", "according to
    Peskov", "as cited by TASS"): who reports an event is not its other side."""
    for up in [tok, *list(tok.ancestors)[:4]]:
        if up.dep_ in SUBJECTS and up.head.lemma_.lower() in speaking:
            return True  # the speaker's noun phrase ("South Korean officials said")
        if up.lower_ == "according" or (up.lower_ == "by" and up.head.lemma_.lower() in speaking | {"cite", "quote"}):
            return True
    return False


def _ent_actor(res: Resolver, ent: Span) -> Actor | None:
    info = res.entity_at(ent.root)
    if info is None or info.kind not in ACTOR_KINDS:
        return None
    return res.actor_from_ent(info, ent.root)


# Evidence read off a participant rather than an event word ("North Korean troops were in Kursk") is
# weaker: the model must be surer ("Russian troops are heading toward the border" is no event).
_PARTICIPANT_CONFIDENCE = 0.6


def _declined(tok: Token, kind: str, lex: Lexicon) -> bool:
    """Whether the lexicon knows the word as this type and the rules declined it here ("reduced its
    sanctions" is no sanction): the model does not overrule them."""
    lemma = tok.lemma_.lower()
    entry = lex.nouns.get(lemma) if tok.pos_ == "NOUN" else lex.verbs.get(lemma)
    return entry is not None and entry.type == kind


def _participant_drafts(
    kind: str, subject: Token, trig: Trigger, res: Resolver, reference: date | None
) -> list[_Draft]:
    """A subject that names its own state ("North Korean troops were in Russia's Kursk region"): that
    state acts, towards the state of the place named, if another."""
    actors = res.resolve(subject, context=False)
    location = _location(trig, res)
    if not actors or location is None or _negated(trig, res.lex):
        return []
    when = _date(trig, reference, res)
    return [
        _Draft(kind, None, a, location[1], location[0], when, None, False, _hedged(trig, res.lex))
        for a in actors
        if a.code != location[1].code
    ]


_BESIDE = frozenset({"alongside", "beside"})


def _fought_beside(
    sent: Span, drafts: list[_Draft], res: Resolver, lex: Lexicon, reference: date | None
) -> list[_Draft]:
    """Combat as a noun at a named partner's side: "killed in three days of fighting alongside Russian
    troops", "wounded fighting alongside Russian forces" (the parser makes the gerund a noun), "took
    part in combat operations alongside Russian units": the fighters' state gives military aid to the
    partner (bench/data/news README: fighting alongside a state is AID to it). The fighters are the
    subject of the clause the noun is in."""
    found: list[_Draft] = []
    # Read from the parse index: a Token object is made only for a combat noun.
    index = parse_index(sent.doc)
    pos, lemma, combat = index.pos, index.lemma, lex.combat_nouns
    for i in range(sent.start, sent.end):
        if pos[i] != "NOUN" or lemma[i].lower() not in combat:
            continue
        tok = index.tokens[i]
        partner = next((first_child(p, ["pobj"]) for p in children(tok, ["prep"]) if p.lower_ in _BESIDE), None)
        partners = res.resolve(partner, context=False, strict=False) if partner is not None else []
        if partner is None and tok.lower_ == "fighting":
            # "have died fighting for Russia" (the gerund parsed as a noun): for a state, not for a
            # place ("the fighting for Bakhmut" is a battle over it)
            fought_for = next((first_child(p, ["pobj"]) for p in children(tok, ["prep"]) if p.lower_ == "for"), None)
            partners = [a for a in res.resolve(fought_for, context=False) if a.kind == "state"]
        verbs = list(islice((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), 3))
        if not verbs or not partners:
            continue
        verb, actors = verbs[0], []
        for up in verbs:
            if up.lemma_.lower() in lex.reporting_verbs:
                break  # "Kyiv said 50 soldiers were killed in fighting alongside ...": not the speaker
            # "were killed or wounded fighting alongside": the coordinated passive's subject; "troops
            # fighting alongside": the noun the participle describes
            subject = first_child(up, SUBJECTS | PASSIVE_SUBJECTS)
            if subject is None and up.dep_ in ("acl", "relcl"):
                subject = up.head
            actors = res.resolve(counted(subject), context=False) if subject is not None else []
            if actors:
                verb = up
                break
        trig = Trigger(verb, Entry("AID"), "AID", "military")
        if _negated(trig, lex):
            continue
        when, hedged = _date(trig, reference, res), _hedged(trig, lex)
        for a in actors:
            for p in partners:
                if a.code == p.code or any(d.type == "AID" and d.actor.code == a.code for d in drafts):
                    continue
                found.append(_Draft("AID", "military", a, p, None, when, None, False, hedged))
    return found


_PARTNER_PREPS = _BESIDE | {"with"}  # a partner's side ("alongside") or "with" a partner word


def _troops_abroad(
    sent: Span, drafts: list[_Draft], res: Resolver, lex: Lexicon, reference: date | None
) -> list[_Draft]:
    """Forces of one state fighting, serving, trained, stationed or moving in another state's ground,
    war or units ("North Korean soldiers fighting in the Kursk region", "are being trained in Russia",
    "has 3,000 soldiers stationed in Russia", "troops thought to be in Russia", "serving in Russian
    units", "taking part in Russia's offensive", "fought side by side with Russian forces", "have moved
    into the Kursk region"): the forces' state gives military aid to that state (bench/data/news README
    "Troops": troops fighting at a state's side are AID to it), hedged when the text hedges. Never to a
    state the forces' state is at war with ("Ukrainian troops fighting in Russia's Kursk region":
    lexicon belligerents), nor to one named as the foe ("against Russian forces"), nor to a front ("to
    the border"), nor to a war named only by its place ("in the Ukraine conflict")."""
    found: list[_Draft] = []
    index = parse_index(sent.doc)
    pos, lemma, presence = index.pos, index.lemma, lex.presence_verbs
    for i in range(sent.start, sent.end):
        word = lemma[i].lower()
        if pos[i] not in ("VERB", "AUX") or not (
            word in presence or word in lex.movement_verbs or word in ("be", "take")
        ):
            continue
        tok = index.tokens[i]
        read = _forces_place(tok, word, res, lex)
        if read is None:
            continue
        holder, owners, hedged_by_belief, units = read
        owners = list(owners)
        noun = _forces_noun(holder, lex)
        forces = counted(noun)
        if forces is None or not (units or lex.in_class(forces, "troops")):
            continue
        actors = [a for a in res.resolve(forces, context=False) if a.kind == "state"]
        if not actors and noun is not None and noun.dep_ == "dobj" and noun.head.lemma_.lower() == "have":
            # "Pyongyang has 3,000 soldiers stationed in Russia": the forces are the haver's
            owner = first_child(noun.head, SUBJECTS)
            actors = [a for a in res.resolve(owner, context=False) if a.kind == "state"]
        foes = [
            a
            for p in children(tok, ["prep"])
            if p.lower_ == "against"
            for a in res.resolve(first_child(p, ["pobj"]), context=False, strict=False)
        ]
        trig = Trigger(tok, Entry("AID"), "AID", "military")
        if not actors or _negated(trig, lex) or _denied_forces(tok, forces, lex):
            continue
        if word == "train":
            # Trainees abroad aid the host only in its war ("trained in Russia" before the front);
            # "Ukrainian soldiers trained in Britain" are helped by Britain, not helping it.
            owners = [o for o in owners if any(o.code in pair.split() for pair in lex.belligerents)]
        when, hedged = _date(trig, reference, res), hedged_by_belief or _hedged(trig, lex)
        for a in actors:
            if any(d.type == "AID" and d.actor.code == a.code for d in drafts + found):
                continue
            for owner in _unique(owners):
                if owner.code == a.code or _at_war(a.code, owner.code, lex) or any(f.code == owner.code for f in foes):
                    continue
                found.append(_Draft("AID", "military", a, owner, None, when, None, False, hedged))
    return found


def _forces_place(tok: Token, word: str, res: Resolver, lex: Lexicon) -> tuple[Token, list[Actor], bool, bool] | None:
    """(the verb the forces are said of, the states whose ground, war or units they are in, whether a
    belief hedges it, whether the place is units) for a presence, movement or taking part; None when
    the verb names no such place."""
    holder, hedged = tok, False
    if word == "be":
        # only a belief about where forces are ("thought to be in Russia"); mere presence ("troops
        # are still in Kursk") is not coded (README "Troops")
        if tok.dep_ != "xcomp" or tok.head.lemma_.lower() not in lex.belief_verbs:
            return None
        holder, hedged = tok.head, True
    preps = children(tok, ["prep"])
    if word == "take":
        # "taking part in Russia's offensive", "battles ... in which North Korean troops take part"
        part = first_child(tok, ["dobj"])
        if part is None or part.lower_ != "part":
            return None
        preps = preps + children(part, ["prep"])
    # "fought side by side with Russian forces": the partner hangs on the adverbial "side"; a bare
    # "with" is the foe ("fought with Ukrainian forces") unless a partner word makes it a partner.
    together = any(c.lower_ in lex.aid_partner_words for c in tok.children if c.dep_ in ("advmod", "npadvmod"))
    preps = [p for p in preps if p.lower_ != "with" or together] + [
        q
        for p in preps
        for o in children(p, ["pobj"])
        if o.lower_ in lex.aid_partner_words
        for q in children(o, ["prep"])
    ]
    allowed = lex.movement_preps if word in lex.movement_verbs else lex.presence_preps
    owners: list[Actor] = []
    units = False
    for prep in preps:
        place = first_child(prep, ["pobj"])
        if place is None:
            continue
        if prep.lower_ in _PARTNER_PREPS:
            if lex.in_class(place, "troops"):  # "fought with Russian units" (a foe's are named "against")
                owners += [a for a in res.resolve(place, context=False, strict=False) if a.kind == "state"]
            continue
        if prep.lower_ not in allowed:
            continue
        if place.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
            place = tok.head  # "the battles in Kursk in which troops take part"
        if _front(place, lex) or place.lemma_.lower() in lex.exercise_nouns or place.lower_ in lex.exercise_nouns:
            continue  # "heading toward the border": a front, no ally; "take part in the drills": joint, not aid
        if lex.in_class(place, "troops"):
            # "serving in Russian units": the units' state
            units = True
            owners += [a for a in res.resolve(place, context=False, strict=False) if a.kind == "state"]
        elif is_war(place, lex) or place.lemma_.lower() in lex.combat_nouns:
            # "fighting in Russia's war", "part in Russia's offensive", "battles in the Kursk region": the
            # owner, else where it is fought (a war's name, "the Ukraine conflict", is nobody's)
            owner = first_child(place, ["poss"])
            partners = [first_child(p, ["pobj"]) for p in children(place, ["prep"]) if p.lower_ in _PARTNER_PREPS]
            partners = [p for p in partners if p is not None and lex.in_class(p, "troops")]
            if partners and any(c.lower_ in ("joint", "combined") for c in place.children):
                # "joint operations with Russian troops": the partner's state
                owners += [
                    a for p in partners for a in res.resolve(p, context=False, strict=False) if a.kind == "state"
                ]
            elif owner is not None:
                owners += [a for a in res.resolve(owner, context=False) if a.kind == "state"]
            elif not is_war(place, lex):
                located = _location_at(place, res)
                owners += [located[1]] if located is not None else []
        else:
            located = _location_at(tok, res) if prep.lower_ in lex.presence_preps else None
            if located is None:
                found = [a for a in res.resolve(place, context=False, strict=False) if a.kind in ("state", "place")]
                owners += found[:1]
            else:
                owners.append(located[1])
    if word == "reach":
        place = first_child(tok, ["dobj"])  # "have reached Russia's Kursk region"
        if place is not None and not _front(place, lex):
            owners += [a for a in res.resolve(place, context=False, strict=False) if a.kind in ("state", "place")][:1]
    return (holder, owners, hedged, units) if owners else None


def _denied_forces(verb: Token, forces: Token, lex: Lexicon) -> bool:
    """Whether the forces are denied ("no North Korean soldiers are fighting") or the clause is what a
    refusal refutes ("Seoul denied that its troops were stationed in Ukraine")."""
    if any(c.dep_ == "det" and c.lower_ in lex.negation for c in forces.children):
        return True
    return any(up.lemma_.lower() in lex.refusal_verbs for up in list(verb.ancestors)[:3])


def _forces_noun(verb: Token, lex: Lexicon) -> Token | None:
    """The forces a presence verb is said of: the noun its participle or relative clause describes
    ("soldiers fighting in Kursk"), else its subject, the forces among several ("Kyiv suspected
    troops were fighting", parsed with two subjects)."""
    described = verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN")
    if described and verb.head.tag_ not in ("WDT", "WP") and not any(c.dep_ in _ALL_SUBJECTS for c in verb.children):
        return verb.head
    subjects = children(verb, _ALL_SUBJECTS)
    if not subjects and verb.dep_ == "xcomp":
        subjects = children(verb.head, _ALL_SUBJECTS)  # "the forces keep taking part in"
    return next((s for s in subjects if lex.in_class(counted(s), "troops")), subjects[0] if subjects else None)


def _at_war(first: str, second: str, lex: Lexicon) -> bool:
    """Whether the lexicon lists two states as at war with each other (belligerents)."""
    return f"{first} {second}" in lex.belligerents or f"{second} {first}" in lex.belligerents


def _with_known_destination(drafts: list[_Draft], helped: dict[str, Actor]) -> list[_Draft]:
    """ "That would be three times the force it has already sent, after it dispatched 11,000 troops":
    troops or arms sent with no destination named go where the text said the sender's troops or arms
    went (AID/military to that state), not to a show of force aimed at nobody."""
    kept: list[_Draft] = []
    for draft in drafts:
        partner = helped.get(draft.actor.code)
        if draft.transfer and draft.type == "MOBILIZE" and draft.recipient is None and partner is not None:
            draft = replace(draft, type="AID", mode="military", recipient=partner)
        elif draft.type == "AID" and draft.recipient is None and partner is not None:
            # "North Korea had delivered 50 howitzers", "Russia reported supplying 15,279 barrels": aid
            # with no recipient named goes where the text said the giver's troops, arms or goods went.
            draft = replace(draft, recipient=partner)
        kept.append(draft)
    return kept


def _names_known_pact(trig: Trigger, lex: Lexicon) -> bool:
    """Whether a signing names a pact already mentioned: "the pact", "the treaty", "this agreement"."""
    for t in (trig, *trig.inner):
        pact = t.token if t.is_noun else object_of(t.token)
        det = first_child(pact, ["det"]) if pact is not None else None
        if pact is not None and lex.in_class(pact, "pact") and det is not None and det.lower_ in ("the", "this"):
            return True
    return False


def _with_pact_partner(drafts: list[_Draft], parties: list[Actor]) -> list[_Draft]:
    """ "Kim signed a decree to ratify the pact" (the pact with Russia, named before): the other party
    of the pact is the partner of a signing that names none. "Seoul condemned the treaty" (the pact
    Moscow and Pyongyang signed, named before): an outsider's censure of it is aimed at both parties."""
    kept: list[_Draft] = []
    for draft in drafts:
        others = [p for p in parties if p.code != draft.actor.code]
        if draft.type == "DISAPPROVE" and draft.recipient is None and len(others) == len(parties) > 1:
            kept.extend(replace(draft, recipient=p) for p in others)
            continue
        if draft.type == "AGREE" and draft.mode == "pact" and draft.recipient is None and len(others) == 1:
            draft = replace(draft, recipient=others[0])
        kept.append(draft)
    return kept


def _remember_subjects(sent: Span, res: Resolver) -> None:
    """Keep the sentence's subject actors as context for later officials and pronouns."""
    index = parse_index(sent.doc)
    dep = index.dep
    for i in range(sent.start, sent.end):
        if dep[i] in _ALL_SUBJECTS:
            for actor in res.resolve(index.tokens[i], context=False):
                if actor.kind in ("state", "group", "igo", "person", "organisation"):
                    res.remember(actor)


def _drafts(trig: Trigger, res: Resolver, lex: Lexicon, reference: date | None) -> list[_Draft]:
    tok = trig.token
    pledged = _pledged_support(trig, lex)
    if pledged:
        # "pledged that North Korea will stand by Russia": a pledge whose clause is support is that
        # support (as "pledged his full support" is), by the clause's own subject.
        return [d for inner in pledged for d in _drafts(inner, res, lex, reference)]
    if _feared(trig, lex):
        return []  # "officials fear that Russia may give Pyongyang technology": feared, not done
    if _mentioned_again(trig):
        return []  # "During the visit, Kim reiterated ...": the visit the text told of, not a new one
    actors, patient = _actors(trig, res, lex)
    if not actors:
        return []
    if trig.type == "ASSAULT" and _own_side_harmed(trig):
        return []  # "kill their own wounded", "told its soldiers to kill themselves": no foe is attacked
    kind, mode = trig.type, trig.mode
    recipients = _recipients(trig, res, lex, patient, actors)
    if trig.type == "AID":
        # "supplying the Russian military with shells for its war on Ukraine": a war's foe is not helped.
        recipients = [r for r in recipients if r.token is None or not _war_foe(res.tokens[r.token], lex)]
        supplied = first_child(trig.token, OBJECTS) if not recipients and not trig.is_noun else None
        if supplied is not None and any(p.lower_ == "with" for p in children(trig.token, ["prep"])):
            # "supplied Russia with shells": the object is who is supplied (not the actor's own forces)
            codes = {a.code for a in actors}
            recipients = [r for r in _not_own(res.resolve(supplied, context=False), actors, lex) if r.code not in codes]
    if trig.type == "SUPPORT" and _supports_itself(trig, res, lex, actors):
        return []
    war_owners = _backed_war_owners(trig, res, lex, actors) if trig.type == "SUPPORT" else []
    if war_owners:
        # "North Korea's backing for Russia's war", "supports Moscow's invasion": backing a state's war
        # is military help to it (README "Troops": military backing is AID, not also SUPPORT).
        kind, mode, recipients = "AID", "military", war_owners
    executed = _executed(trig, recipients)
    if executed is not None:
        kind, mode = executed.type, executed.mode
    if kind == "DEMAND" and _asked_to_visit(trig, lex):
        # "Putin asked Kim to come to Russia again", "urged Lavrov to visit Beijing": asking someone to
        # visit is an invitation, CONSULT from the host to the invited (as 'invite' codes it).
        kind, mode = "CONSULT", None
    # A promise to attack is a threat (CAMEO 13x); its mode follows the act promised.
    conflict = [i for i in trig.inner if i.type in lex.threat_modes]
    if kind == "AGREE" and conflict and trig.entry.governs:
        kind = "THREATEN"
    if kind == "THREATEN" and mode is None and conflict:
        inner = conflict[0]
        mode = lex.threat_modes.get(f"{inner.type}/{inner.mode}") or lex.threat_modes.get(inner.type)
    if mode is None and trig.inner:
        mode = next((i.mode for i in trig.inner if i.mode and i.type in ("AID", "AGREE", kind)), None)
    untargeted = parse_spec(trig.entry.untargeted) if trig.entry.untargeted else None
    weapons = lex.in_class(counted(object_of(tok)), "weapons")
    if untargeted is not None and weapons and not recipients and not _targeted(trig, res):
        kind, mode = untargeted
        # A show of force is aimed where it is made: "sent warships around Taiwan".
        preps = lex.type_preps.get(kind, ())
        held = _subtree_prep_objects(tok, preps)  # the trigger's and the nouns' of its phrase
        recipients = _prep_recipients([], preps, res, lex, actors, trig, domestic=False, found_nouns=held)
    if trig.entry.igo_type and any(r.kind == "igo" for r in recipients):
        kind = trig.entry.igo_type
    if kind == "AID" and mode is None:
        mode = _aid_mode(trig, lex)
    location = _location(trig, res)
    foes: list[Actor] = []
    partners: list[Actor] = []
    if kind == "MOBILIZE" and mode in ("troops", "weapons"):
        helped, foes = _military_aid(trig, res, lex, actors, recipients, location)
        if helped:
            kind, mode, recipients = "AID", "military", helped
        elif foes and not recipients:
            recipients, foes = foes, []
    elif kind == "AID" and mode == "military" and not trig.is_noun:
        # "sent warships around Taiwan to intimidate Taipei" is a show of force, not aid.
        helped, foes = _military_aid(trig, res, lex, actors, [], None)
        if foes and not helped:
            kind, mode, recipients, foes = "MOBILIZE", "weapons", foes, []
    elif kind == "ASSAULT":
        # "fought alongside Russian troops (against Ukraine)": aid to the partner, not an attack on it.
        partners, recipients = _comrades(trig, res, lex, actors, recipients)
    if kind == "MOBILIZE" and mode == "troops" and not trig.is_noun and not foes:
        # "Russia deployed North Korean troops to Kursk", "placed 8,000 North Korean soldiers in the
        # region": a state that moves another state's forces is aided by that state (README "Troops").
        owners = _foreign_owners(object_of(tok), res, lex, actors)
        if owners:
            kind, mode, actors, recipients = "AID", "military", owners, actors
    if kind == "MOBILIZE" and tok.lemma_.lower() in lex.transfer_verbs | lex.transfer_nouns:
        # "a force was deployed to Russia" by Russia: moving one's own forces at home aims at nobody
        # (soldiers surrounding their own palace do aim at it).
        recipients = [r for r in recipients if all(r.code != a.code for a in actors)]
    if kind == "MOBILIZE" and not recipients and len({a.code for a in actors}) > 1:
        # "Russia and China held naval drills": joint exercises are cooperation between the partners
        # (codebook MOBILIZE: "joint military operations are coded as COOPERATE"), not a show of force.
        kind, mode = "COOPERATE", "military"
    drilled_with = _exercise_partners(trig, res, lex, actors) if kind == "MOBILIZE" else []
    if drilled_with:
        # "Russia launched military exercises with Belarus", "held naval drills with China": a drill
        # with a named partner is joint, cooperation each way (codebook MOBILIZE: joint operations
        # are COOPERATE), as "Russia and China held drills" is.
        kind, mode, recipients = "COOPERATE", "military", drilled_with
    joined = _joined_exercise(trig, lex) if kind in ("MOBILIZE", "AID") else None
    if joined is not None:
        # "Russian forces will take part in the drill", "sent four warships to the exercise, where they
        # joined the Russian fleet": taking part in a drill is cooperation with its holder when one
        # is named, and no show of force of one's own when none is.
        holders = _exercise_holders(joined, res, actors) or [
            r for r in recipients if all(r.code != a.code for a in actors)
        ]
        if not holders:
            return []
        kind, mode, recipients = "COOPERATE", "military", holders
    negated = _negated(trig, lex) and not is_response(trig)
    # PLOVER: cooperative actions in the future tense are intentions (AGREE: "Japan said it would
    # provide aid"); a refusal in the future tense is a rejection ("will not withdraw").
    # So is a stated intention to cooperate ("wants to expand exchanges with", "their intention to
    # strengthen cooperation with").
    intended = kind == "COOPERATE" and _intended(trig, lex)
    # So is a wish to meet ("said he would like to meet Kim during his trip", "hopes to visit Moscow"):
    # PLOVER AGREE (CAMEO 036, intent to meet), as the news coders code it; a meeting on the schedule
    # ("is expected to meet") stays one, and a wish to meet nobody named is no event ("intends to meet
    # all the leaders attending").
    intended = intended or (
        kind == "CONSULT" and bool(recipients) and _intended(trig, lex) and not _scheduled(trig, lex)
    )
    # A verb of support in the future tense is itself a statement of support ("pledged that North
    # Korea will stand by Russia", "would keep backing China"), as the news coders code it: SUPPORT.
    stated = kind == "SUPPORT" and not trig.is_noun and not negated and _lasting_support(trig, lex)
    # A scheduled meeting ("is to hold talks with", "said he would visit on Monday") is the meeting.
    scheduled = kind == "CONSULT" and not negated and (_scheduled(trig, lex) or _visit_announced(trig))
    # A plan a third party reports ("Seoul said North Korea would send troops", "Pyongyang will send
    # builders, Russian media reported") is no promise of the actor's: the news coders code the act.
    reported = (
        kind not in ("CONSULT", "COOPERATE") and not negated and not intended and _reported_plan(trig, res, lex, actors)
    )
    if kind in _COOPERATIVE and not stated and (intended or _future(trig, lex)) and not scheduled and not reported:
        kind, negated = ("REJECT", False) if negated else ("AGREE", negated)
    threatened = None  # the coercive act a future-tense threat announces
    if (kind in lex.threat_modes or f"{kind}/{mode}" in lex.threat_modes) and not negated and _threatened(trig, lex):
        # CAMEO 13 / PLOVER THREATEN: a coercive act announced for the future is a threat ("will impose
        # sanctions on", "would expel its diplomats", "will extend the curfew", "would boycott the
        # vote"), as a promise to attack is; its mode follows the act.
        mode = lex.threat_modes.get(f"{kind}/{mode}") or lex.threat_modes.get(kind)
        kind, threatened = "THREATEN", kind
    # PLOVER REJECT: refusing or failing to agree ("will not accept", "failed to reach agreement"). A
    # signing that did not take place ("did not sign the treaty") stays a negated AGREE/pact.
    if kind == "AGREE" and negated and (mode != "pact" or _future(trig, lex) or _failed(trig, lex)):
        kind, mode, negated = "REJECT", None, False
    elif kind == "REJECT" and negated:
        return []  # "did not deny the deployment", "did not reject the offer": no rejection took place
    # Deploying at home is not against oneself; attacking at home has local victims.
    at_home = location is not None and kind == "MOBILIZE" and any(a.code == location[1].code for a in actors)
    # Fighting in a partner's territory is no attack on the partner; nor is "fighting in Kursk" an
    # attack on the place's state: a fight's opponent is named ("against", "with"), not located.
    at_home = at_home or (location is not None and any(p.code == location[1].code for p in partners))
    at_home = at_home or (kind == "ASSAULT" and trig.entry.reciprocal)
    # Massing "in the Kursk region" is no move against Russia: a show of force is aimed at a place
    # only from outside it ("near Ukraine", "on the border with Armenia").
    at_home = at_home or (kind == "MOBILIZE" and _destination(trig, lex))
    placed = kind in lex.location_recipient or threatened in lex.location_recipient
    if not recipients and placed and location is not None and not at_home:
        recipients = [_placed_victim(trig, patient, location[1], res)]
    stay = trig.is_noun and trig.light is not None and trig.light.lemma_ == "be"
    if not recipients and kind == "CONSULT" and mode == "visit" and stay and location is not None:
        # "is in China on a two-day official visit": a visitor staying in another state visits it (not
        # "is in Vladivostok on a visit" at home; a welcome or visit with no host named stays none).
        recipients = [location[1]] if all(a.code != location[1].code for a in actors) else []
    if not recipients and kind == "CONSULT" and mode == "visit":
        # "is making the trip at the invitation of the Vietnamese government": whoever invited a visitor
        # with no host named is the host.
        recipients = [h for h in _inviters(trig, res) if all(h.code != a.code for a in actors)]
    if not recipients and kind == "AGREE" and location is not None and {a.code for a in actors} != {location[1].code}:
        # "accepted a truce in southern Lebanon", "agreed to hand in their arms in Syria": one
        # party's promise about another state's ground is made to that state (not between partners).
        recipients = [location[1]] if len({a.code for a in actors}) == 1 else []
    if not recipients and kind == "CONSULT" and mode == "visit" and trig.is_noun:
        # "Kim called Lavrov's visit very important": whoever speaks of a named guest's visit with no
        # destination is its host.
        recipients = _remarking_host(trig, res, lex, actors)
    if not recipients and kind == "CONSULT" and mode == "visit" and not trig.entry.host and location is not None:
        # "Leaders of Russia and North Korea attended the parade in Beijing": guests of an occasion in
        # another state visit that state (bench/data/news dev: "attended events in North Korea" is a
        # visit to it); those at home visit no one.
        visitors = [a for a in actors if a.code != location[1].code]
        if visitors:
            actors, recipients = visitors, [location[1]]
    hedged = _hedged(trig, lex)
    quantity = _quantity(trig, lex)
    when = _date(trig, reference, res)
    pairs: list[tuple[Actor, Actor | None]] = []
    reciprocal = trig.entry.reciprocal or kind in lex.symmetric
    if kind == "CONSULT" and mode == "visit" and not trig.entry.reciprocal:
        # "Putin and Kim arrived in Beijing", "after attending the parade": fellow travellers or guests
        # of one occasion do not visit each other; a visit's other side is its host or destination.
        reciprocal = False
    if kind == "ASSAULT" and not trig.entry.reciprocal and first_child(trig.token, OBJECTS) is not None:
        # "A and B fought" is A against B; "A and B execute their wounded" has its own victims.
        reciprocal = False
    if kind == "ASSAULT" and reciprocal and len(actors) > 1 and _fought_as_partners(tok, lex):
        # "Russian and North Korean troops fought side by side", "the two countries fought together":
        # comrades in arms, not foes; with no foe named there is no attack to code.
        if not recipients:
            return []
        reciprocal = False
    if kind == "SUPPORT" and not trig.is_noun and _praised_ties(first_child(tok, OBJECTS), lex):
        # "Xi and Putin praised the ties between their countries": each praises the other (not whom
        # "their countries" names).
        reciprocal = True
        recipients = [] if len({a.code for a in actors}) > 1 else recipients
    recipients = [r for r in recipients if not any(_own_mention(a, r, trig.token.doc) for a in actors)]
    recipients = _struck_thing(trig, kind, res, lex, patient, actors, recipients)
    if kind == "CONSULT" and not recipients and reciprocal and len({a.code for a in actors}) > _MAX_MEETING_PARTIES:
        # "The foreign ministers of Japan, South Korea, Australia and New Zealand met": a multilateral
        # gathering, no dyad (the news coders code a three-way summit each way, never one of four or
        # more parties pair by pair; seven would be 42 meetings).
        return []
    if not recipients and reciprocal and len(actors) > 1:
        pairs = [(a, b) for a in actors for b in actors if a.token != b.token]
    elif recipients:
        pairs = [(a, r) for a in actors for r in recipients if not (a.token == r.token and a.code == r.code)]
        if len({r.code for r in recipients}) > 1:
            # "approve the treaty between North Korea and Russia" by Russia: the actor among the
            # parties named is not its own counterpart.
            pairs = [(a, r) for a, r in pairs if r is None or a.code != r.code]
        if len({a.code for a in actors}) > 1:
            # "Moscow and Pyongyang ... thanked North Korea": no coordinated party acts on itself.
            pairs = [(a, r) for a, r in pairs if r is None or a.code != r.code]
        if trig.entry.modal_required or trig.entry.recipient_required:
            pairs = [(a, r) for a, r in pairs if r is not None and a.code != r.code]  # nobody demands of itself
    elif not (trig.entry.recipient_required or trig.entry.modal_required) and (
        kind not in lex.needs_recipient or _names_other_side(trig, kind)
    ):
        pairs = [(a, None) for a in actors]
    if not pairs and kind == "DEMAND" and trig.entry.recipient_required and _unnamed_addressees(trig, lex):
        pairs = [(a, None) for a in actors]  # "called on all parties to": an appeal to nobody named
    if not pairs and kind == "DEMAND" and trig.entry.modal_required and _obliged_unnamed(trig, lex):
        pairs = [(a, None) for a in actors]  # "said all parties should show restraint": the same appeal
    exchanged = kind == "CONSULT" and tok.lemma_.lower() in lex.exchange_verbs and not trig.is_noun and bool(recipients)
    if exchanged:
        # "Xi traded messages with Kim": an exchange goes both ways, as "Xi and Kim exchanged" does.
        pairs += [(r, a) for a, r in pairs if r is not None and (r, a) not in pairs]
    if drilled_with and kind == "COOPERATE":
        pairs += [(r, a) for a, r in pairs if r is not None and (r, a) not in pairs]  # a joint drill: each way
    transfer = tok.lemma_.lower() in lex.transfer_verbs | lex.transfer_nouns and not foes
    uncoded = _uncoded_target(trig, res, lex, patient, actors) if not recipients else None
    # Since extractor 17 a thing, place or event acted on is kept too ("shelled the power plant").
    target = uncoded or (_thing_target(trig, kind, res, lex, patient, actors) if not recipients else None)
    drafts = [
        _Draft(kind, mode, a, r, location[0] if location else None, when, quantity, negated, hedged, transfer, target)
        for a, r in pairs
    ]
    callers = _callers(trig, res, actors) if kind == "CONSULT" and not pairs else []
    if callers:
        # "received a telephone call from Blinken": the caller calls whoever takes the call.
        drafts = [_Draft(kind, mode, c, a, None, when, None, negated, hedged) for c in callers for a in actors]
    if kind == "CONSULT" and tok.lemma_.lower() in lex.exchange_verbs and _congratulatory(first_child(tok, OBJECTS)):
        # "exchanged congratulatory messages": each side congratulates the other (SUPPORT) as well.
        drafts += [replace(d, type="SUPPORT", mode=None) for d in drafts if d.recipient is not None]
    if kind == "SUPPORT" and not trig.is_noun and _support_acknowledged(trig, lex):
        # "Putin thanked North Korea for supporting Moscow", "valued Pyongyang's support": whoever is
        # thanked for support supports the one who thanks.
        drafts += [replace(d, actor=d.recipient, recipient=d.actor) for d in drafts if d.recipient is not None]
    if kind == "ASSAULT" and not trig.is_noun and not negated:
        # "Russia fired North Korean ballistic missiles at Kharkiv": another state's weapons in an attack
        # were handed over by that state, military aid to the attacker (README "Troops": shells or
        # missiles sent to help a state are AID), as "missiles supplied by North Korea" are.
        # (What is fired, not what is hit or shot down: "destroyed North Korean artillery" aids nobody.)
        target = object_of(tok)
        fired = tok.lemma_.lower() in _USES and first_child(tok, ["prt"]) is None
        arms = [counted(target) if fired else None] + [  # "struck the depot with British missiles"
            first_child(p, ["pobj"])
            for h in (tok, target)
            if h is not None
            for p in children(h, ["prep"])
            if p.lower_ == "with"
        ]
        suppliers = [s for w in arms for s in _foreign_owners(w, res, lex, actors + recipients, "weapons")]
        suppliers += _weapons_maker(trig, res, lex, actors + recipients + suppliers) if fired else []
        drafts += [_Draft("AID", "military", s, a, None, when, None, False, hedged) for s in suppliers for a in actors]
    # "sent troops to Russia to fight Ukraine" is aid to Russia only: the fight they are sent for is the
    # purpose of the sending (as _fight_purpose reads it), no show of force of its own; the coders of
    # real coverage code the AID alone (bench/data/news/README "Troops").
    if kind == "SUPPORT":
        # "Kim honoured the heroic soldiers", "praised his troops": a leader praising his own forces
        # supports no one (CAMEO 05 is support given to another actor).
        doc = tok.doc
        drafts = [
            d
            for d in drafts
            if d.recipient is None
            or d.recipient.code != d.actor.code
            or d.recipient.token is None
            or not lex.in_class(doc[d.recipient.token], "troops")
        ]
        praised = counted(first_child(tok, OBJECTS)) if not trig.is_noun else None
        if praised is not None and lex.in_class(praised, "troops") and tok.lemma_.lower() not in lex.support_verbs:
            # "thanked the soldiers holding the line", "praised the troops he sent": soldiers no state
            # is named for are the speaker's own (a named other's, "the North Korean soldiers", stay);
            # forces backed or helped are another's ("Tehran has backed the militias").
            drafts = [d for d in drafts if d.recipient is not None]
    if kind == "SUPPORT" and _backing_attribute(trig):
        drafts = []  # "the Houthis, who are backed by Iran", "a mechanism backed by the US": an attribute
    if kind == "ASSAULT" and _fight_purpose(trig, lex):
        drafts = []  # "sent troops to fight Ukraine", "ready to fight": what they are for, not a fight yet
    if threatened == "ASSAULT" and _fight_purpose(trig, lex) and _troops_ready(trig, lex):
        # "troops had arrived, trained and ready to fight Ukraine": the readiness of forces, no threat a
        # state makes ("Tehran says it is ready to fight" stays one).
        drafts = []
    if kind in ("ASSAULT", "MOBILIZE") and not recipients and _noun_attribute(trig):
        drafts = []  # "soldiers fighting in Kursk", "troops stationed abroad": who they are, not the news
    if kind == "ASSAULT" and tok.lemma_.lower() in _FIGHT_WORDS and not recipients and uncoded is None:
        # "troops have been fighting on the front lines", "losses during fighting near the villages":
        # a fight with no opponent named says where forces are, not whom they attack (PLOVER ASSAULT
        # has a target; fighting for or beside a state is AID, read above). Nor does the learned model
        # read the clause again ("Ukrainian troops are fighting in Russia's Kursk region" is no aid).
        trig.declined = True
        drafts = []
    if kind == "DISAPPROVE" and prospect_topic(tok):
        # "voiced concern over the possibility of any transfer to North Korea": a worry over what may
        # come, not a verdict on anyone; nor does the learned model read it again.
        trig.declined = True
        return []
    if kind in _COOPERATIVE | {"ASSAULT", "COERCE"} and not trig.is_noun and supposed_outcome(tok):
        # "a treaty with commitments by both to help each other if either is attacked": the help a
        # pact or plan supposes is no act (README conventions); nor does the learned model read it again.
        trig.declined = True
        drafts = []
    if kind in ("ASSAULT", "COERCE") and _patient_attribute(trig):
        drafts = []  # "any soldier captured in Ukraine", "citizens detained in Iran": who they are
    if partners:
        if not recipients:
            drafts = []  # fighting at a partner's side with no enemy named is no attack
        drafts += [
            _Draft("AID", "military", a, p, location[0] if location else None, when, quantity, negated, hedged)
            for a in actors
            for p in partners
        ]
    if kind == "AID" and not negated and _in_exchange(trig, lex):
        # "supplied oil to North Korea in return for weapons", "gave Pyongyang missiles in exchange for
        # sending its troops": what is given back is aid the other way.
        drafts += [
            _Draft("AID", None, d.recipient, d.actor, None, when, None, False, hedged)
            for d in drafts
            if d.type == "AID" and d.recipient is not None
        ]
    if kind in ("CONSULT", "AGREE"):
        # "visited Pyongyang at the invitation of Kim", "accepted an invitation from Putin": the host
        # who invited consults the guest too (as 'invite' codes it: CONSULT host -> invitee).
        drafts += [
            _Draft("CONSULT", None, h, a, None, when, None, negated, hedged)
            for h in _inviters(trig, res)
            for a in actors
            if a.code != h.code
        ]
    if kind == "DEMAND":
        # "Pyongyang orders its soldiers to", "urged its troops to hold the line": a command to one's own
        # forces is the chain of command, not a demand made of another side.
        doc = tok.doc
        drafts = [
            d
            for d in drafts
            if d.recipient is None or d.recipient.code != d.actor.code or not _own_forces(doc[d.recipient.token], lex)
        ]
    return drafts


# Prepositions that set what is said in an occasion already told of ("during the visit", "after the talks").
_OCCASION_PREPS = frozenset(
    {"during", "at", "after", "before", "following", "in", "on", "since", "throughout", "ahead"}
)
# What in a meeting noun's own phrase names who took part ("the visit to China", "talks with Kim").
_OWN_PARTY_DEPS = frozenset({"poss", "compound", "amod", "nmod", "appos", "prep", "acl", "relcl", "nummod"})


def _mentioned_again(trig: Trigger) -> bool:
    """A meeting named again as the setting of what follows ("During the visit, Kim reiterated ...",
    "At the meeting, cooperation was on the agenda", "Opening the talks, Lavrov said", "after the
    talks"): the definite noun with no party of its own points back at a visit or talks the text has
    told of, and the real-news coders code it there, not again (bench/data/news: tdiplo23-3,
    tmeet21-2, tdiplo14-4). Not when the framed verb addresses someone ("During the call Putin told
    the Korean leader", read by _framed_meeting), nor a meeting with its own parties ("after talks
    with Wang Yi", "during Putin's visit", "at the Pyongyang summit")."""
    tok = trig.token
    if trig.type != "CONSULT" or not trig.is_noun:
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
        return False
    if any(c.dep_ in _OWN_PARTY_DEPS for c in tok.children):
        return False
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in _OCCASION_PREPS:
        verb = head.head
        if verb.lower_ in ("of",) and verb.head.lower_ == "ahead":
            verb = verb.head.head
    elif tok.dep_ == "dobj" and head.tag_ == "VBG" and head.dep_ == "advcl" and head.lemma_.lower() == "open":
        verb = head.head  # "Opening the talks, Lavrov endorsed Choe's view"
    else:
        return False
    addressed = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    return not any(_names_someone(c) for c in addressed)


def _names_someone(head: Token) -> bool:
    """Whether an object names a person, body or state ("told the Korean leader", "briefed Kim"), not a
    thing said or done ("reiterated the lasting friendship")."""
    words = [head, *(w for c in head.children if c.dep_ in _NAME_DEPS for w in c.subtree)]
    return head.pos_ == "PRON" or any(
        w.pos_ == "PROPN" or w.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for w in words
    )


def _feared(trig: Trigger, lex: Lexicon) -> bool:
    """Whether a trigger is in what a verb of fearing says may or will happen ("fear that Russia may
    reward North Korea by giving it technology", "worry Moscow could help Pyongyang"; README
    "Statements": what a fear says may happen is not taken as done)."""
    current = trig.light if trig.is_noun and trig.light is not None else trig.token
    for _ in range(4):
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in lex.fear_verbs:
            return any(c.dep_ == "aux" and c.lower_ in lex.possibility_aux for c in current.children)
        if current.dep_ not in ("xcomp", "conj", "pcomp", "pobj", "prep", "advcl") or current.head.i == current.i:
            return False
        current = current.head
    return False


def _joined_exercise(trig: Trigger, lex: Lexicon) -> Token | None:
    """The drill a trigger takes part in or sends forces to: "took part in the drill", "joined the
    exercise", "sent a destroyer to the exercise", "will send forces to join exercises"."""
    tok = trig.token
    if trig.is_noun:
        light = trig.light
        joining = light is not None and light.lemma_.lower() in lex.participation_verbs
        return tok if joining and tok.lower_ in lex.exercise_nouns else None
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("to", "for"):
            pobj = first_child(child, ["pobj"])
            if pobj is not None and pobj.lower_ in lex.exercise_nouns:
                return pobj
        if child.dep_ in ("xcomp", "advcl") and child.lemma_.lower() in lex.participation_verbs:
            obj = first_child(child, OBJECTS)
            if obj is not None and obj.lower_ in lex.exercise_nouns:
                return obj
    return None


def _weapons_maker(trig: Trigger, res: Resolver, lex: Lexicon, known: list[Actor]) -> list[Actor]:
    """The state that made the weapons a relative clause says were fired: "the missiles that Russia
    fired at Kharkiv were made in North Korea" (the antecedent, subject of a passive verb of making
    with `in` or `by` its maker)."""
    tok = trig.token
    goods = tok.head if tok.dep_ == "relcl" else None
    if goods is None or not lex.in_class(goods, "weapons"):
        return []
    if goods.dep_ == "pobj" and goods.head.lower_ == "of":
        goods = goods.head.head  # "two of the missiles that Russia fired ... were made in"
    if goods.dep_ not in PASSIVE_SUBJECTS:
        return []
    made = goods.head
    if made.lemma_.lower() not in lex.made_verbs:
        return []
    found: list[Actor] = []
    for prep in children(made, ["prep", "agent"]):
        if prep.lower_ not in ("in", "by"):
            continue
        for actor in res.resolve(first_child(prep, ["pobj"]), context=False):
            if actor.kind == "state" and all(actor.code != a.code for a in known + found):
                found.append(actor)
    return found


def _exercise_partners(trig: Trigger, res: Resolver, lex: Lexicon, actors: list[Actor]) -> list[Actor]:
    """The states a drill is held "with", on the drill noun or on the verb that holds it ("exercises
    with Belarus", "held drills with Chinese vessels", "a joint drill with the air forces of Germany"),
    other than its doers."""
    tok = trig.token
    if tok.lower_ not in lex.exercise_nouns:
        drill = None if trig.is_noun else first_child(tok, OBJECTS)  # "held drills with China"
        if drill is None or drill.lower_ not in lex.exercise_nouns:
            return []
        holders = [drill, tok]
    else:
        holders = [tok] if trig.light is None else [tok, trig.light]
    found: list[Actor] = []
    for holder in holders:
        for prep in children(holder, ["prep"]):
            if prep.lower_ != "with":
                continue
            partner = first_child(prep, ["pobj"])
            if partner is not None and first_child(partner, ["appos"]) is not None:
                partner = first_child(partner, ["appos"])  # "with its close ally Belarus"
            named = res.resolve(partner, context=False)
            for actor in named:
                if actor.code and all(actor.code != a.code for a in actors + found):
                    found.append(actor)
    return found


def _exercise_holders(drill: Token, res: Resolver, actors: list[Actor]) -> list[Actor]:
    """The states a drill names besides the ones taking part ("the Russian-led exercise", "exercises
    that the Chinese military is organising")."""
    found: list[Actor] = []
    for child in drill.children:
        if child.dep_ == "prep" and child.lower_ not in ("with", "by", "of"):
            continue  # "in the Indian Ocean", "off Ukraine's coast": where it is held, not by whom
        for sub in child.subtree:
            info = res.entity_at(sub)
            if info is None or info.code is None or info.kind not in ("state", "igo"):
                continue
            if all(info.code != a.code for a in actors + found):
                found.append(Actor(info.code, info.span.text, info.entity_id, info.kind, sub.i))
    return found


def _foreign_owners(
    obj: Token | None, res: Resolver, lex: Lexicon, actors: list[Actor], goods: str = "troops"
) -> list[Actor]:
    """The states named on troops a verb moves (or on weapons it fires: goods "weapons") that are not
    its doers ("North Korean troops", "Pyongyang's soldiers", "North Korean missiles"); none for the
    doer's own ("its troops", "Russian forces")."""
    if obj is None or not lex.in_class(obj, goods):
        return []
    owners: list[Actor] = []
    for child in obj.children:
        if child.dep_ not in ("amod", "compound", "poss", "nmod") or child.pos_ == "PRON":
            continue
        for actor in res.resolve(child, context=False):
            if actor.kind == "state" and all(actor.code != a.code for a in actors + owners):
                owners.append(actor)
    return owners


def _own_forces(tok: Token, lex: Lexicon) -> bool:
    """Whether an actor was read from troops or from the name on them ("its soldiers", "8,500 U.S.
    troops")."""
    return lex.in_class(tok, "troops") or (
        tok.dep_ in ("compound", "amod", "poss", "nmod") and lex.in_class(tok.head, "troops")
    )


# Verbs by which a host remarks on a visit ("called Lavrov's visit very important", "hailed the
# visit"), besides the reporting verbs ("stressed that Zhao's visit was of great significance").


def _remarking_host(trig: Trigger, res: Resolver, lex: Lexicon, actors: list[Actor]) -> list[Actor]:
    """The subject of the verb of speech or praise a visit noun is said under ("Kim called Lavrov's
    visit a very important one", "Kim stressed that Zhao's visit was of great significance"), when
    it is another state's; nobody else (a critic of a visit is no host)."""
    if not any(c.dep_ == "poss" for c in trig.token.children):
        return []
    speaking = lex.reporting_verbs | lex.remark_verbs
    current = trig.token
    for _ in range(4):
        if current.head.i == current.i:
            return []
        current = current.head
        if current.pos_ not in ("VERB", "AUX"):
            continue
        if current.lemma_.lower() not in speaking:
            if current.dep_ != "ccomp":
                return []
            continue
        subject = first_child(current, SUBJECTS)
        hosts = res.resolve(subject, context=False) if subject is not None else []
        hosts = [h for h in hosts if h.kind in ("state", "person") and all(h.code != a.code for a in actors)]
        return hosts[:1]
    return []


def _lasting_support(trig: Trigger, lex: Lexicon) -> bool:
    """Support that a future tense states rather than intends: standing by or with someone ("will
    stand by Russia", "would firmly stand with India") or going on with support already given ("would
    keep supporting China", "will continue to back Kyiv"), as the news coders code them (SUPPORT);
    "will support the bid" is an intention (PLOVER: AGREE)."""
    tok = trig.token
    if tok.lemma_.lower() not in lex.support_verbs:
        return False
    if tok.lemma_.lower() == "stand":
        return True
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in lex.continuing_verbs


def _congratulatory(obj: Token | None) -> bool:
    """Whether what is exchanged is congratulations ("congratulatory messages", "congratulations")."""
    if obj is None:
        return False
    return any(t.lower_.startswith("congratulat") for t in (obj, *(c for c in obj.children if c.dep_ == "amod")))


def _praised_ties(obj: Token | None, lex: Lexicon) -> bool:
    """Whether what is praised is a relationship ("the ties between their countries", "their
    friendship"), which the praisers share."""
    return obj is not None and (obj.lemma_.lower() in lex.bond_nouns or lex.in_class(obj, "ties"))


def _pledged_support(trig: Trigger, lex: Lexicon) -> list[Trigger]:
    """The support verbs of a pledge's `that` clause with its own subject ("vowed that Beijing would
    always stand with Pakistan", "assured Xi that Pyongyang would keep backing China"); not an
    infinitive ("promised to back the bid" is an intention, AGREE)."""
    if trig.type != "AGREE" or trig.is_noun or trig.token.lemma_.lower() not in lex.quotes["pledging_verbs"]:
        return []
    return [
        i
        for i in trig.inner
        if i.type == "SUPPORT"
        and not i.is_noun
        and i.token.dep_ == "ccomp"
        and i.token.head.i == trig.token.i
        and first_child(i.token, SUBJECTS) is not None
    ]


def _questioned_captives(trig: Trigger, found: list[_Draft], res: Resolver) -> list[_Draft]:
    """The questioning of captives by their captor: "the questioning of soldiers whom Ukrainian troops
    captured", "the interrogation of soldiers taken prisoner by Ukraine" - INVESTIGATE by whoever
    captured them, of the captives' side, besides the capture."""
    tok = trig.token
    captives = tok.head if tok.dep_ in ("relcl", "acl") else None
    if trig.is_noun or captives is None or captives.dep_ != "pobj" or captives.head.lower_ != "of":
        return []
    if captives.head.head.lower_ not in res.lex.questioning_nouns:
        return []
    side = next(iter(res.resolve(captives, context=False)), None)
    if side is not None:
        # The captives are the questioned and the captured (not the place: "captured in Kursk").
        found[:] = [
            replace(d, recipient=side) if d.type == "COERCE" and d.actor.code != side.code else d for d in found
        ]
    return [replace(d, type="INVESTIGATE", mode=None, quantity=None) for d in found if d.type == "COERCE"]


_INVITATION_PREPS = frozenset({"at", "on", "upon"})


def _inviters(trig: Trigger, res: Resolver) -> list[Actor]:
    """Who invited the doer of a visit or an acceptance: the possessor or `of`/`from` object of an
    invitation the verb takes ("at the invitation of Kim", "at Putin's invitation", "accepted an
    invitation from Xi")."""
    tok = trig.token
    # A visit noun takes the invitation on itself or on its light verb ("made the trip at the invitation of").
    holders = [tok, trig.light] if trig.is_noun else [tok]
    # "arrived on a three-day visit at the invitation of Modi": the invitation of the visit it is on.
    for prep in children(tok, ["prep"]):
        visit = first_child(prep, ["pobj"])
        if visit is not None and res.lex.in_class(visit, "talks"):
            holders.append(visit)
    nouns = [
        first_child(p, ["pobj"])
        for h in holders
        if h is not None
        for p in children(h, ["prep"])
        if p.lower_ in _INVITATION_PREPS
    ]
    if not trig.is_noun:
        nouns.append(first_child(tok, OBJECTS))
    for noun in nouns:
        if noun is None or noun.lemma_.lower() != "invitation":
            continue
        poss = first_child(noun, ["poss"])
        if poss is not None and poss.pos_ != "PRON":
            return res.resolve(poss, context=False)
        for prep in children(noun, ["prep"]):
            if prep.lower_ in ("of", "from"):
                return res.resolve(first_child(prep, ["pobj"]), context=False)
    return []


# Acts done to people, whose state is where they are when nobody else is named.
_DONE_TO_PEOPLE = frozenset({"COERCE", "ASSAULT", "INVESTIGATE"})


def _placed_victim(trig: Trigger, patient: Token | None, place: Actor, res: Resolver) -> Actor:
    """The recipient a location gives: the place's state, in the words of the people the act is done
    to when they are named ("two activists were detained in Minsk": the activists, as BLR; "an
    opposition leader was arrested in Rwanda": the leader, as RWA; "banned the Hamdan Workers' Union
    in Oman": the union, as OMN)."""
    victim = patient if patient is not None else (object_of(trig.token) if not trig.is_noun else None)
    victim = counted(victim)
    if trig.type not in _DONE_TO_PEOPLE or victim is None or victim.pos_ not in ("NOUN", "PROPN"):
        return place
    person = victim.ent_type_ in _STATELESS_LABELS and res.entity_at(victim) is None
    if not (
        person or any(res.lex.in_class(victim, c) for c in ("people", "prisoners")) or is_group_noun(victim, res.lex)
    ):
        return place
    return Actor(place.code, _phrase_words(victim), None, "context", victim.i)


def _phrase_words(head: Token) -> str:
    """The words of a noun phrase up to its head, without its article ("the 35-year-old inmate" ->
    "35-year-old inmate")."""
    start = head.left_edge.i
    while start < head.i and head.doc[start].pos_ in ("DET", "PUNCT"):
        start += 1
    return head.doc[start : head.i + 1].text


def _support_acknowledged(trig: Trigger, lex: Lexicon) -> bool:
    """Whether a verb of praise or thanks is about support its object gave: the object is someone's
    support ("valued North Korea's support"), or its `for` phrase is ("thanked Pyongyang for its
    support", "thanked North Korea for standing with Moscow")."""
    tok = trig.token
    if trig.entry.type != "SUPPORT":
        return False  # "pledged his full support" gives support; it acknowledges none
    obj = first_child(tok, OBJECTS)
    owner = first_child(obj, ["poss"]) if obj is not None else None
    if owner is not None and owner.pos_ != "PRON" and lex.in_class(obj, "solidarity"):
        return True
    for prep in children(tok, ["prep"]):
        if prep.lower_ != "for":
            continue
        for arg in children(prep, ["pobj", "pcomp"]):
            if lex.in_class(arg, "solidarity") or arg.lemma_.lower() in lex.support_verbs:
                return True
    return False


def _executed(trig: Trigger, recipients: list[Actor]) -> Trigger | None:
    """The governed act an order carries out ("ordered the paper to suspend publication", "ordered
    them jailed"); none when the order is addressed to a state or organisation, which is a demand."""
    if not trig.entry.executes or any(r.kind in ("state", "igo") for r in recipients):
        return None
    return next((i for i in trig.inner if i.type in trig.entry.executes), None)


# Who a force harms when it harms its own: "kill wounded comrades", "execute their wounded".
_OWN_SIDE_VICTIMS = frozenset({"comrade", "wounded"})


def _own_side_harmed(trig: Trigger) -> bool:
    """Whether a verb of violence falls on the doer's own side: a reflexive object ("ordered to kill
    themselves"), its "own" people ("kill their own wounded", "were killed by their own side") or
    comrades. Violence within a force aims at no foe; the news coders code none (nor PLOVER an
    ASSAULT of an actor on itself)."""
    if trig.is_noun:
        return False
    tok = trig.token
    victims = children(tok, OBJECTS)
    victims += [
        g for p in children(tok, ["agent", "prep"]) if p.lower_ == "by" for g in children(p, ["pobj"])
    ]  # the passive doer: "were killed by their own side"
    for victim in victims:
        if victim.tag_ == "PRP" and victim.lower_.endswith(("self", "selves")):
            return True
        own = any(c.lower_ == "own" for c in victim.children)
        possessed = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in victim.children)
        if own or (
            {victim.lemma_.lower(), victim.lower_} & _OWN_SIDE_VICTIMS and (possessed or victim.dep_ in OBJECTS)
        ):
            return True
    return False


def _war_foe(tok: Token, lex: Lexicon) -> bool:
    """Whether a name is what a war is waged on ("its war on Ukraine", "the war against Kyiv")."""
    up = tok
    while up.dep_ in ("compound", "amod", "conj") and up.head.i != up.i:
        up = up.head
    prep = up.head
    return (
        up.dep_ == "pobj"
        and prep.lower_ in ("on", "against")
        and prep.head.i != prep.i
        and prep.head.lemma_.lower() in lex.war_nouns
    )


def _fought_as_partners(tok: Token, lex: Lexicon) -> bool:
    """Whether a fight's subjects fought on one side: "together", "jointly", "side by side", "shoulder
    to shoulder" on the verb."""
    return any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in lex.aid_partner_words for c in tok.children)


def _backed_war_owners(trig: Trigger, res: Resolver, lex: Lexicon, actors: list[Actor]) -> list[Actor]:
    """The owner of the war a verb or noun of support backs ("backing for Russia's war of aggression",
    "supported Moscow's invasion"), when another state owns it."""
    tok = trig.token
    if trig.is_noun and trig.light is not None:
        return []  # "voiced his full support for Moscow's war": words of support (SUPPORT)
    backed = [first_child(p, ["pobj"]) for p in children(tok, ["prep"]) if p.lower_ == "for"]
    if not trig.is_noun:
        backed.append(first_child(tok, OBJECTS))
    own = {a.code for a in actors}
    for war in backed:
        if is_war(war, lex):
            owner = first_child(war, ["poss"])
            if owner is not None and owner.pos_ != "PRON":
                return [a for a in res.resolve(owner, context=False) if a.code not in own]
    return []


def _comrades(
    trig: Trigger, res: Resolver, lex: Lexicon, actors: list[Actor], recipients: list[Actor]
) -> tuple[list[Actor], list[Actor]]:
    """(partners, enemies) of a fight: "alongside"/"beside" X is a partner, and so is "with" X when
    an enemy is named ("fighting with Russian forces against Ukraine"); else "with" is the enemy."""
    preps = {p.lower_: first_child(p, ["pobj"]) for p in children(trig.token, ["prep"])}
    partner = preps.get("alongside") or preps.get("beside") or preps.get("with")
    if "against" not in preps and partner is not None:
        # The parser may hang "against Ukraine" on the partner: "with Russian forces against Ukraine".
        preps |= {p.lower_: first_child(p, ["pobj"]) for p in children(partner, ["prep"]) if p.lower_ == "against"}
    enemies = res.resolve(preps.get("against"), context=False, strict=False)
    partner_words = ["alongside", "beside", "for"] + (["with"] if enemies else [])  # "fighting for Russia"
    partners = [a for w in partner_words for a in res.resolve(preps.get(w), context=False, strict=False)]
    partners += [a for side in _partner_sides(trig.token, lex) for a in res.resolve(side, context=False, strict=False)]
    # "fighting in Russia's war against Ukraine": the war's owner is the partner; the war's foe is whom
    # the owner's own troops fight ("Russian troops fought in Russia's war against Ukraine").
    war = preps.get("in")
    owner = first_child(war, ["poss"]) if war is not None and war.lemma_.lower() in lex.war_nouns else None
    if owner is not None:
        partners += res.resolve(owner, context=False, strict=False)
    if is_war(war, lex):
        # "took part in the fighting on Russia's side", "died in fighting alongside Russian troops": the
        # side is named on the war (whose side it is when the verb's subject is who fought: "killed
        # soldiers in fighting alongside Russian troops" names the soldiers' partner, not the killers').
        sides = _partner_sides(war, lex)
        if first_child(trig.token, OBJECTS) is None:
            sides += [first_child(p, ["pobj"]) for p in children(war, ["prep"]) if p.lower_ in _BESIDE]
        partners += [a for side in sides for a in res.resolve(side, context=False, strict=False)]
    own = {a.code for a in actors}
    partners = [p for p in _unique(partners) if p.code not in own]
    if not partners:
        if owner is not None and not (recipients or enemies):
            foe = next((first_child(p, ["pobj"]) for p in children(war, ["prep"]) if p.lower_ == "against"), None)
            return [], res.resolve(foe, context=False, strict=False)
        return [], recipients
    codes = {p.code for p in partners}
    return partners, [r for r in (enemies or recipients) if r.code not in codes]


def _partner_sides(tok: Token, lex: Lexicon) -> list[Token]:
    """Whom a fight is fought beside, named with a partner word: "together with Russian forces",
    "shoulder to shoulder with Russian troops" (the parser may hang "with" under "shoulder"), "on
    Russia's side", "on the side of Russia"."""
    holders = [tok, *[c for c in tok.children if c.lower_ in lex.aid_partner_words]]
    found: list[Token] = []
    for prep in (p for h in holders for p in children(h, ["prep"])):
        pobj = first_child(prep, ["pobj"])
        if pobj is None:
            continue
        before = tok.doc[prep.i - 1].lower_ if prep.i > 0 else ""
        if prep.lower_ == "with" and before in lex.aid_partner_words:
            found.append(pobj)
        elif prep.lower_ == "on" and pobj.lower_ in lex.aid_partner_words:
            owner = first_child(pobj, ["poss"]) or next(
                (first_child(p, ["pobj"]) for p in children(pobj, ["prep"]) if p.lower_ == "of"), None
            )
            if owner is not None:
                found.append(owner)
    return found


def _military_aid(
    trig: Trigger,
    res: Resolver,
    lex: Lexicon,
    actors: list[Actor],
    recipients: list[Actor],
    location: tuple[str, Actor] | None,
) -> tuple[list[Actor], list[Actor]]:
    """(helped, foes) of a troop or weapons movement: who it helps (a purpose clause "to support
    Russian forces", "to fight alongside", or a destination state "sent troops to Russia") and whom
    it is aimed at ("to fight Ukraine"). No helped party: it stays a show of force (MOBILIZE)."""
    tok = trig.token
    own = {a.code for a in actors}
    helped: list[Actor] = []
    foes: list[Actor] = []
    clauses = [c for c in tok.children if c.dep_ in ("advcl", "xcomp", "acl", "relcl") and is_infinitive(c)]
    obj = object_of(tok)
    if obj is not None:
        clauses += [c for c in obj.children if c.dep_ in ("acl", "relcl") and is_infinitive(c)]
    for clause in clauses:
        lemma = clause.lemma_.lower()
        target = first_child(clause, OBJECTS)
        if lemma in lex.aid_purposes:
            done = first_child(clause, ["ccomp", "xcomp"])
            if target is None and done is not None:
                target = first_child(done, SUBJECTS)  # "to help Russia fight Ukraine": a small clause
            if is_war(target, lex):
                target = first_child(target, ["poss"])  # "to back Russia's war against Ukraine": its owner
            helped += res.resolve(_small_clause_subject(target), context=False, strict=False)
        elif lemma in lex.hostile_purposes:
            # "to retake the part of the Kursk region held by Kyiv": ground is fought over, not the foe
            if not _ground(target, lex):
                foes += res.resolve(target, context=False, strict=False)
            for prep in children(clause, ["prep"]):
                pobj = first_child(prep, ["pobj"])
                if prep.lower_ in lex.aid_partner_preps:
                    helped += res.resolve(pobj, context=False, strict=False)
                elif prep.lower_ == "on" and pobj is not None and pobj.lower_ == "behalf":
                    # "to fight Ukraine on behalf of Russia", "on Moscow's behalf"
                    owner = first_child(pobj, ["poss"]) or next(
                        (first_child(p, ["pobj"]) for p in children(pobj, ["prep"]) if p.lower_ == "of"), None
                    )
                    helped += res.resolve(owner, context=False, strict=False)
                elif prep.lower_ in ("against",):
                    foes += res.resolve(pobj, context=False, strict=False)
    # "deployed troops for Russia's campaign against Ukraine": the war's owner is helped, its foe not.
    for prep in children(tok, ["prep"]):
        war = first_child(prep, ["pobj"]) if prep.lower_ == "for" else None
        if is_war(war, lex):
            owners = [
                a for a in res.resolve(first_child(war, ["poss"]), context=False, strict=False) if a.code not in own
            ]
            helped += owners
            for against in children(war, ["prep"]) if not owners else []:
                if against.lower_ == "against":  # "for its campaign against Ukraine": a show of force
                    foes += res.resolve(first_child(against, ["pobj"]), context=False, strict=False)
    foe_codes = {f.code for f in foes}
    # "to support its war": the possessive is the sender's own; the destination decides below.
    helped = [h for h in helped if h.code not in own]
    verb = trig.light if trig.is_noun and trig.light is not None else tok
    transfer = tok.lemma_.lower() in lex.transfer_verbs or verb.lemma_.lower() in lex.transfer_verbs
    if trig.is_noun and (tok.lemma_.lower() in lex.transfer_nouns or tok.lower_ in lex.transfer_nouns):
        transfer = True
    if not helped and transfer:
        if trig.entry.host:
            helped = list(recipients)  # "Belarus will host Russian weapons": the host is helped
        movers = [tok]
        if trig.is_noun:
            # "shipments of shells to Russia": the parser may hang the destination on what is moved.
            movers += [first_child(p, ["pobj"]) for p in children(tok, ["prep"]) if p.lower_ in ("of", "from")]
            if trig.stands_alone and tok.dep_ in OBJECTS:
                movers.append(tok.head)  # "condemned the dispatch of troops to Russia", "to" on the verb
        for prep in [p for mover in movers if mover is not None for p in children(mover, ["prep", "dative"])]:
            pobj = first_child(prep, ["pobj"])
            if prep.lower_ != "to" or pobj is None or _front(pobj, lex):
                continue
            helped += res.resolve(pobj, context=False, strict=False)
        # "arrived in Russia's Kursk province": in another state, at its side; "sent soldiers to
        # train in Russia": the purpose clause says where they went.
        if not helped and location is not None and _destination(trig, lex):
            helped = [location[1]]
        for clause in clauses:
            if helped or clause.lemma_.lower() in lex.hostile_purposes:
                break
            for prep in children(clause, ["prep"]):
                pobj = first_child(prep, ["pobj"])
                if pobj is not None and lex.in_class(pobj, "wars"):
                    # "to help with the war in Ukraine": not Ukraine; "with Russia's war": its owner
                    pobj = first_child(pobj, ["poss"])
                place = prep.lower_ in ("in", "to", "inside") and not _front(pobj, lex) if pobj is not None else False
                if place or prep.lower_ in lex.aid_partner_preps:  # "to train with Russian units"
                    helped += [a for a in res.resolve(pobj, context=False, strict=False) if a.kind != "person"]
    helped = [h for h in _unique(helped) if h.code not in own and h.code not in foe_codes]
    # "Russian troops stationed in Ukraine", "sent troops into Ukraine": no aid to a state at war with
    # the sender (lexicon belligerents); the movement is aimed at it.
    at_war = [h for h in helped if any(_at_war(code, h.code, lex) for code in own)]
    helped = [h for h in helped if h not in at_war]
    foes = [f for f in _unique(foes + at_war) if f.code not in own]
    return helped, foes


_DEFINITE = frozenset({"the", "this", "these", "that", "those", "such"})


def _in_exchange(trig: Trigger, lex: Lexicon) -> bool:
    """Whether aid is given "in exchange for" / "in return for" goods, arms, help or a sending ("in
    return for weapons", "in exchange for supplies of fuel", "in return for sending troops")."""
    verb = trig.light if trig.is_noun and trig.light is not None else trig.token
    # The parser may hang the phrase on what is given: "provided Moscow with military aid in exchange for".
    holders = [verb, *[first_child(p, ["pobj"]) for p in children(verb, ["prep"]) if p.lower_ == "with"]]
    holders += [o for o in (object_of(verb),) if o is not None]
    for prep in (p for h in holders if h is not None for p in children(h, ["prep"])):
        noun = first_child(prep, ["pobj"])
        if prep.lower_ not in ("in", "as") or noun is None or noun.lemma_.lower() not in lex.return_nouns:
            continue
        for inner in children(noun, ["prep"]):
            if inner.lower_ != "for":
                continue
            for paid in children(inner, ["pobj", "pcomp"]):
                paid = counted(paid)
                if paid is None or any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in paid.children):
                    continue  # "in return for the ammunition": what the text told before, coded there
                lemma = paid.lemma_.lower()
                if is_thing(paid, lex) or lex.in_class(paid, "technology") or lemma in lex.transfer_verbs:
                    return True
                if lemma in lex.transfer_nouns or paid.lower_ in lex.transfer_nouns:
                    return True
    return False


def _ground(tok: Token | None, lex: Lexicon) -> bool:
    """Territory as the object of a fight ("retake the part of the Kursk region", "recapture the
    town"): the land, not its state, is what is fought for."""
    if tok is None:
        return False
    if tok.lemma_.lower() in lex.portion_nouns:
        tok = next((first_child(p, ["pobj"]) for p in children(tok, ["prep"]) if p.lower_ == "of"), tok)
    return lex.in_class(tok, "territory")


def _backing_attribute(trig: Trigger) -> bool:
    """Backing in a passive clause that describes a noun ("groups believed to be backed by Iran", "the
    Houthis, who are backed by Iran", "a monitoring mechanism backed by the US"): who backs whom is
    an attribute of the noun, background to the news of the sentence."""
    tok = trig.token
    if trig.is_noun:
        return False
    passive = tok.tag_ == "VBN" and (tok.dep_ == "acl" or any(c.dep_ == "auxpass" for c in tok.children))
    current = tok
    for _ in range(3):
        if current.dep_ in ("acl", "relcl"):
            return passive
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


def _fight_purpose(trig: Trigger, lex: Lexicon) -> bool:
    """A fight that is the purpose of a movement or a readiness ("troops sent to fight for Russia",
    "sent troops to Russia to train and to fight", "trained and ready to fight Ukraine"): the sending
    is the event (AID to the partner, MOBILIZE), the fight not yet one."""
    current = trig.token
    if trig.is_noun:
        return False
    while current.dep_ == "conj" and current.head.i != current.i and is_verb(current.head):
        current = current.head  # "to train and to fight"
    if current.dep_ not in ("advcl", "xcomp", "acl") or not is_infinitive(current):
        return False
    head = current.head
    return head.lemma_.lower() in lex.transfer_verbs or head.lower_ in lex.intent_adjectives


def _troops_ready(trig: Trigger, lex: Lexicon) -> bool:
    """Whether what a fight is the purpose of is said of forces ("troops ... ready to fight", "soldiers
    sent to fight"): the subject of the clause the fight hangs from is troops."""
    current = trig.token
    while current.dep_ == "conj" and current.head.i != current.i and is_verb(current.head):
        current = current.head
    head = current.head
    if head.lemma_.lower() in lex.transfer_verbs:
        return True
    return lex.in_class(counted(subject_of(head)), "troops")


def _front(tok: Token, lex: Lexicon) -> bool:
    """A destination that is a front, not an ally: "to the Polish border", "to the front line"; not a
    state's own region named for its border ("to Russia's Kursk border region": Russian ground)."""
    if tok.lemma_.lower() in lex.front_nouns:
        return True
    return lex.in_class(tok, "border") and first_child(tok, ["poss"]) is None


def _destination(trig: Trigger, lex: Lexicon) -> bool:
    """Whether the trigger's locative phrase is an arrival "in"/"at" a place rather than a front
    ("along the border", "near Ukraine")."""
    for prep in children(trig.token, ["prep"]):
        pobj = first_child(prep, ["pobj"])
        if prep.lower_ in ("in", "at", "inside") and pobj is not None and not _front(pobj, lex):
            return True
    return False


# Governed triggers nest as deep as the clauses do ("agreed to try to send"); a misparse can even make
# two triggers each other's inner: recipients are looked for this many levels down at most.
_MAX_INNER_DEPTH = 4
# Parties that meet one another are coded pair by pair up to a three-way summit; more is a multilateral
# gathering (README "Events, quotes and claims").
_MAX_MEETING_PARTIES = 3
_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})


def _asked_to_visit(trig: Trigger, lex: Lexicon) -> bool:
    """A verb of asking whose infinitive is the addressee's visit ("asked Kim to come to Russia", "urged
    him to visit Moscow"): not what a demand that something be done ("demanded that Kim leave") is."""
    if trig.is_noun:
        return False
    for clause in children(trig.token, ["xcomp"]):
        entry = lex.verbs.get(clause.lemma_.lower())
        if entry is not None and entry.type == "CONSULT" and entry.mode == "visit" and not entry.host:
            return is_infinitive(clause)
    return False


def _intended(trig: Trigger, lex: Lexicon) -> bool:
    """An infinitive under a verb or noun of intention: "wants to expand exchanges with Moscow",
    "reaffirmed their intention to strengthen cooperation"."""
    current = trig.light if trig.is_noun and trig.light is not None else trig.token
    for _ in range(3):
        if current.dep_ in ("xcomp", "acl") and current.head.lemma_.lower() in lex.intent_words:
            # "drills intended to strengthen cooperation": a purpose of a thing, nobody's intention
            holder = current.head
            purpose = holder.dep_ in ("acl", "advcl") and first_child(holder, [*SUBJECTS, "aux", "auxpass"]) is None
            return is_infinitive(current) and not purpose
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


def _noun_attribute(trig: Trigger) -> bool:
    """A verb trigger that only describes a noun, as a participle or relative clause with no doer of
    its own ("the soldiers fighting in Kursk", "forces who fought in the war", "troops stationed
    abroad"): with no opponent or target named it says who they are, not what happened
    (bench/data/news/README: background)."""
    tok = trig.token
    if trig.is_noun or tok.dep_ not in ("acl", "relcl") or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    # A relative clause with a doer of its own is a deed ("a missile that North Korea launched").
    return not any(c.dep_ in ("nsubj", "nsubjpass", "agent") and c.tag_ not in ("WDT", "WP") for c in tok.children)


_FIGHT_WORDS = frozenset({"fight", "fighting", "battle", "combat"})


def _patient_attribute(trig: Trigger) -> bool:
    """A passive participle that describes the noun it undergoes, with no doer named ("captured North
    Korean soldiers are citizens", "the case of French citizens detained in Iran", "any soldier
    captured in Ukraine"): it says who they are, not what happened (bench/data/news/README:
    background); "soldiers captured by Ukraine" names the captor and stays an act."""
    tok = trig.token
    if trig.is_noun or tok.tag_ != "VBN" or tok.dep_ not in ("acl", "amod") or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return not any(c.dep_ in ("agent", "nsubj", "nsubjpass") for c in tok.children)


_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})


def _own_mention(actor: Actor, recipient: Actor, doc: Doc) -> bool:
    """Whether a recipient is only the actor named again: a place inside the actor's phrase or a pronoun
    back to it ("Nurses in Kenya called off their strike": Kenya and "their" are the nurses' own, so the
    strike has no recipient)."""
    if actor.code != recipient.code or actor.token == recipient.token:
        return False
    if recipient.pronoun:
        # Back to the actor only when the two agree in number ("Soldiers ... rammed its doors": "its" is
        # the palace's, a recipient of its own); a reflexive names the actor as its own target on purpose
        # ("to congratulate himself").
        if doc[recipient.token].lower_.endswith(("self", "selves")):
            return False
        head = doc[actor.token]  # the phrase's noun: "Nurses" of "Nurses in Kenya", "troops" of "Russia's troops"
        while head.dep_ in ("pobj", "prep", "compound", "poss") and head.head.i != head.i:
            head = head.head
        plural_actor = head.tag_ in ("NNS", "NNPS")
        return plural_actor == (doc[recipient.token].lower_ in _PLURAL_PRONOUNS)
    return doc[actor.token] in doc[recipient.token].ancestors


def _scheduled(trig: Trigger, lex: Lexicon) -> bool:
    """A meeting a timetable sets rather than one promised: "is to hold talks with", "is due / expected /
    scheduled to visit", or the "would" a report puts a dated plan in ("the ministry said Li would leave
    on Monday for a visit to"). The news coders code it as the meeting (bench/data/news/README); PLOVER
    codes future meetings AGREE, and its coders do for a bare "will meet" or an undated "would", which
    stay AGREE."""
    current = trig.light if trig.is_noun and trig.light is not None else trig.token
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children) and current.head.lemma_ == "be":
            return True  # "are to hold talks"
        if current.dep_ == "xcomp" and current.head.lemma_.lower() in lex.schedule_words:
            return True  # "is due to meet", "is scheduled to travel"
        if current.dep_ == "xcomp" and current.head.lemma_.lower() in lex.intent_words:
            return False  # "would like to meet him during his October trip": a wish, not a timetable
        if any(c.dep_ == "aux" and c.lower_ == "would" for c in current.children):
            if not any(t.ent_type_ in ("DATE", "TIME") for t in current.subtree):
                return False
            up = current  # the backshifted "would" of a report: "said ... would", "added that ... would"
            while up.dep_ in ("ccomp", "conj", "xcomp", "advcl") and up.head.i != up.i:
                up = up.head
                if up.lemma_ in lex.reporting_verbs:
                    return True
            return False
        if any(c.dep_ == "aux" and c.lower_ in lex.future_aux for c in current.children):
            return False
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


def _reported_plan(trig: Trigger, res: Resolver, lex: Lexicon, actors: list[Actor]) -> bool:
    """Whether a trigger's clause is what someone other than its actor reports: the object of a
    reporting verb whose subject names another state ("Seoul's spy agency said North Korea would send
    troops", "North Korea will send builders, Russian media reported", "quoted Shoigu as saying that
    Pyongyang will provide workers"), or "according to" another. A future act in it is a plan
    reported (bench/data/news/README: planned acts are coded like done ones), not a promise: PLOVER's
    intention (AGREE: "Japan said it would provide aid") is the actor's own word."""
    speaking = lex.reporting_verbs
    own = {a.code for a in actors}
    current = trig.light if trig.is_noun and trig.light is not None else trig.token
    speaker: Token | None = None
    for _ in range(5):
        according = next((p for p in children(current, ["prep"]) if p.lower_ == "according"), None)
        if according is not None:
            to = first_child(according, ["prep"])
            speaker = first_child(to, ["pobj"]) if to is not None else None
            break
        aside = next((c for c in children(current, ["parataxis"]) if c.lemma_.lower() in speaking), None)
        if aside is not None:
            speaker = first_child(aside, SUBJECTS)  # "Pyongyang will send builders, Russian media reported"
            break
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in speaking:
            reporter = current.head
            speaker = first_child(reporter, SUBJECTS)
            if speaker is None and reporter.dep_ == "pcomp" and reporter.head.dep_ == "prep":
                speaker = first_child(reporter.head.head, ["dobj"])  # "quoted Shoigu as saying that"
            break
        # up through what the report is about: "said there was a high possibility that Pyongyang would"
        if current.dep_ not in ("xcomp", "conj", "ccomp", "attr", "acl", "relcl") or current.head.i == current.i:
            return False
        current = current.head
    if speaker is None:
        return False
    # By its own words ("the presidential palace said" of its government's plan names nobody else;
    # "Russian media reported" names Russia).
    codes = {a.code for a in res.resolve(speaker, context=speaker.pos_ == "PRON", strict=False)}
    return bool(codes) and not codes & own


def _visit_announced(trig: Trigger) -> bool:
    """A visit announced as one to be paid or made ("will pay a three-day goodwill visit to", "will make
    an official visit to China from Saturday"): a state visit on the calendar, as the news coders code
    it (CONSULT/visit); a bare "will visit" or "will meet" stays AGREE as PLOVER codes it."""
    light = trig.light
    return trig.is_noun and trig.mode == "visit" and light is not None and light.lemma_.lower() in ("pay", "make")


def _future(trig: Trigger, lex: Lexicon) -> bool:
    """A future-tense trigger: "will"/"would"/"shall" on it or on the verb it hangs from, or a stated
    readiness ("is willing to withdraw", "ready to send"): an intention, not a deed."""
    current = trig.light if trig.is_noun and trig.light is not None else trig.token
    for _ in range(3):
        if current.dep_ == "xcomp" and current.head.lower_ in lex.intent_adjectives:
            return True
        auxes = _aux_words(current, lex)
        if auxes & lex.future_aux:
            return True
        if "to" in auxes and current.head.lemma_ in ("be", "go"):
            return True  # "is to visit", "is going to send"
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


def _aux_words(tok: Token, lex: Lexicon) -> frozenset[str]:
    """A verb's auxiliaries, lowercased, read once per token (the head of 500 coordinated clauses has
    1,500 children, asked once per trigger under it)."""
    memo = memo_of(parse_index(tok.doc), "aux_words", lex)
    found = memo.get(tok.i)
    if found is None:
        found = memo[tok.i] = frozenset(c.lower_ for c in tok.children if c.dep_ == "aux")
    return found


def _supports_itself(trig: Trigger, res: Resolver, lex: Lexicon, actors: list[Actor]) -> bool:
    """Whether what a verb of support takes is its own actor ("defended their country against the
    charge", "defended itself"): defending oneself supports nobody (CAMEO 052 is defending another)."""
    obj = None if trig.is_noun else first_child(trig.token, OBJECTS)
    # Defence is against or over something ("congratulated himself" is not defending oneself).
    if obj is None or not any(c.dep_ == "prep" and c.lower_ in ("against", "over") for c in trig.token.children):
        return False
    if obj.tag_ == "PRP" and obj.lower_.endswith(("self", "selves")):  # reflexive: "defended itself"
        return True
    # "their country", "its government": the actor's own, by a pronoun. Not another actor of the same
    # state ("the president defended the police" is domestic support).
    owned = (
        any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children) and obj.lemma_.lower() in lex.own_side_nouns
    )
    codes = {a.code for a in res.resolve(obj)} if owned else set()
    return bool(codes) and codes <= {a.code for a in actors}


def _threatened(trig: Trigger, lex: Lexicon) -> bool:
    """A coercive act in the future tense, not a past counterfactual ("would have stormed our
    positions" did not and will not happen)."""
    current = trig.light if trig.is_noun and trig.light is not None else trig.token
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in current.children):
        return False
    return _future(trig, lex)


def _actors(trig: Trigger, res: Resolver, lex: Lexicon) -> tuple[list[Actor], Token | None]:
    """(actors, patient): who acts, and the passive subject or theme when there is one."""
    tok = trig.token
    if trig.entry.felt:
        clause = feeling_clause(tok)
        subject = first_child(clause, SUBJECTS | PASSIVE_SUBJECTS) if clause is not None else None
        return res.resolve(subject, context=subject is not None and subject.pos_ == "PRON"), None
    if trig.entry.verdict:
        judged = verdict(tok, lex, res)
        return (judged[0] if judged else []), None
    clause = agentive_clause(tok) if trig.entry.agentive else None
    if clause is not None:
        return res.resolve(first_child(clause, SUBJECTS)), None  # "Pyongyang became Moscow's supplier"
    if trig.is_noun:
        poss = first_child(tok, ["poss"])
        doer = adjunct_doer(tok, lex) if trig.light is None and trig.entry.type == "CONSULT" else None
        if doer is not None:
            return res.resolve(doer), None
        if poss is not None and (trig.light is None or poss.pos_ != "PRON"):
            return res.resolve(poss), None
        light = trig.light
        if light is None and poss is None and noun_agent(tok, res) is None:
            return modifier_parties(tok, trig.entry, res), None  # "the Xi-Kim summit"
        if light is None:
            return res.resolve(noun_agent(tok, res), context=False), None
        return verb_actors(light, res, lex, theme=True)
    if _receives(trig, res):
        return _givers(trig, res), None
    actors, patient = verb_actors(tok, res, lex, theme=trig.entry.theme)
    if not actors and trig.type == "ASSAULT":
        actors = _counted_conjunct(tok, res)
    if trig.type == "ASSAULT" and _agentless_passive(tok):
        # "officers were killed in a Ukrainian strike", "died in Israel's offensive": the attack the
        # harm came in names who did it, as a `by` agent would.
        # Only with victims their own phrase names, of another side ("people" in context are no one's).
        victim = first_child(tok, PASSIVE_SUBJECTS)
        attackers = _attack_owners(tok, res, lex) if victim is not None else []
        victims = res.resolve(counted(victim), context=False, strict=False) if attackers else []
        if victims and {a.code for a in attackers}.isdisjoint(v.code for v in victims):
            return attackers, victim
        if actors:
            # "3,000 North Korean soldiers were killed": the victims' state is not who killed them.
            return [], first_child(tok, PASSIVE_SUBJECTS)
    if not actors and patient is not None and trig.mode in _EXPULSIONS:
        # "were expelled from North Korea": the state one is expelled from expels.
        for prep in children(tok, ["prep"]):
            pobj = first_child(prep, ["pobj"]) if prep.lower_ == "from" else None
            info = res.entity_at(pobj) if pobj is not None else None
            if info is not None and info.code is not None and info.kind in ("state", "place"):
                return [Actor(info.code, info.span.text, info.entity_id, "place", pobj.i)], patient
    if not actors and patient is not None and trig.type in _STATE_ACTS:
        # "was detained on Friday in Mali": with no agent named, the state where it happened acts.
        located = _location(trig, res)
        if located is not None:
            return [located[1]], patient
    if not actors:
        actors = _named_stateless(tok, res)
    return actors, patient


# The code of an actor named but coded as no state or organisation (_named_stateless): the marker
# and its words, so that two such actors stay apart; the event carries actor_id None (_merge).
STATELESS = "~"
_STATELESS_LABELS = frozenset({"PERSON", "ORG"})


def _named_stateless(tok: Token, res: Resolver) -> list[Actor]:
    """The verb's subject (or passive agent) when it is a named person or organisation that no rule
    codes as a state, an organisation of states or an agent ("opposition leader Jane Roe", "the
    Hamdan Workers' Union"): an actor with no code, named by its words. Not a pronoun, not a generic
    noun ("officials", "protesters"): only a name the NER marks as an organisation, or as a person
    said to be someone (_titled), at the head of the subject phrase; not in what a speaker says."""
    agent = first_child(tok, ["agent"])
    subj = first_child(agent, ["pobj"]) if agent is not None else subject_of(tok)
    if subj is None or subj.pos_ == "PRON" or subj.i in res.dateline or _said_by(tok, subj.head):
        return []
    found: list[Actor] = []
    for conjunct in conjuncts(subj):
        info = res.entity_at(conjunct)
        if info is None or info.code is not None or info.span.label_ not in _STATELESS_LABELS:
            continue
        if info.span.label_ == "PERSON" and not _titled(conjunct, info.span):
            continue  # a bare name ("Emmanuel Macron spoke with ..."): a state's person the gazetteer lacks
        text = res.span_text(info.span)
        kind = "person" if info.span.label_ == "PERSON" else "organisation"
        found.append(Actor(STATELESS + text, text, info.entity_id, kind, conjunct.i))
    return found


_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "madam"})


def _titled(head: Token, name: Span) -> bool:
    """Whether a person's name comes with what they are: a title or role before it or in apposition
    ("opposition leader Jane Roe", "Mayor John Doe", "John Doe, a lawyer"), a word of no other name
    and no honorific."""
    for child in head.children:
        if child.dep_ not in ("compound", "appos", "amod", "nmod") or name.start <= child.i < name.end:
            continue
        if child.pos_ in ("NOUN", "PROPN") and not child.ent_type_ and child.lower_ not in _HONORIFICS:
            return True
    return False


def _said_by(tok: Token, verb: Token) -> bool:
    """Whether `tok` is in a clause that `verb` (whose subject it inherits) says, reports or wants
    ("'Provide the details,' Kumar said": what is said is not the speaker's act), not one the
    verb's subject does itself (control, coordination, participles)."""
    current = tok
    for _ in range(8):
        if current.i == verb.i or current.head.i == current.i:
            return False
        if current.dep_ in ("ccomp", "parataxis"):
            return True
        current = current.head
    return False


def _receives(trig: Trigger, res: Resolver) -> bool:
    """Whether the verb's subject is on the receiving end (a `host` entry), so the other side acts: a
    state receives goods ("received North Korean missiles": the sender's AID), an act draws censure
    ("drew condemnation from Seoul"). A host who receives, hosts, welcomes or greets a named visitor
    is not: the host acts and the guest is the recipient (CAMEO 043 "Host a visit", PLOVER CONSULT
    with the host as source; "Kim was welcomed by Wang": Wang acts). Only a CONSULT with no visitor
    named ("received a letter from Putin") keeps the other side as the actor."""
    entry = trig.entry
    if not entry.host:
        return False
    if trig.type in ("AID", "DISAPPROVE"):
        return True
    if "CONSULT" not in (trig.type, entry.type):
        return False
    return not _hosts_guest(trig, res)


def _hosts_guest(trig: Trigger, res: Resolver) -> bool:
    """Whether a hosting verb names its guest: an object that is a person, state or organisation
    ("received Choe", "hosted Sudan's army chief", "welcomed the delegation"), or a passive subject with
    the host as `by` agent ("Choe was received by Putin")."""
    tok = trig.token
    if trig.is_noun or trig.type != "CONSULT":
        return False  # "Belarus will host Russian weapons" is no visit
    guest = first_child(tok, OBJECTS)
    if guest is None and first_child(tok, ["agent"]) is not None:
        guest = first_child(tok, PASSIVE_SUBJECTS)
    if guest is None:
        return False
    # "received a shipment of Russian grain": goods, not a guest.
    what = [guest, *(first_child(p, ["pobj"]) for p in children(guest, ["prep"]) if p.lower_ == "of")]
    if any(t is not None and is_thing(t, res.lex) for t in what):
        return False
    return bool(res.resolve(guest, context=False, strict=False))


def _givers(trig: Trigger, res: Resolver) -> list[Actor]:
    """Who acts on a receiving subject: the visitor (object; the passive subject of "Kim was welcomed
    by Wang"), the sender of goods (the goods' state: "North Korean missiles", or "from Pyongyang"),
    the censurer ("from Seoul")."""
    tok = trig.token
    received = first_child(tok, OBJECTS)
    if trig.type not in ("AID", "DISAPPROVE"):
        return res.resolve(received or first_child(tok, PASSIVE_SUBJECTS))
    senders = res.resolve(received, context=False, strict=False) if trig.type == "AID" else []
    for prep in [*children(tok, ["prep"]), *(children(received, ["prep"]) if received is not None else [])]:
        if not senders and prep.lower_ == "from":
            senders = res.resolve(first_child(prep, ["pobj"]), context=False, strict=False)
    return senders


# Subjects that only count the people of a conjoined clause ("600 were killed and thousands more
# wounded", "300 killed and 2,700 wounded").
_COUNTS = frozenset({"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "more", "others", "many"})


def _counted_conjunct(tok: Token, res: Resolver) -> list[Actor]:
    """Who fights when the fighting is said of a bare count in a conjoined clause: "600 North Korean
    soldiers have been killed and thousands more wounded fighting for Russia" - the first conjunct's
    subject."""
    verb = tok
    for _ in range(3):  # the fight, a clause it hangs on ("wounded while fighting"), that clause's conjunct
        subject = first_child(verb, SUBJECTS | PASSIVE_SUBJECTS)
        bare = subject is not None and (subject.pos_ == "NUM" or subject.lemma_.lower() in _COUNTS)
        if bare and verb.dep_ == "conj":
            first = first_child(verb.head, SUBJECTS | PASSIVE_SUBJECTS)
            return res.resolve(first, context=False) if first is not None else []
        if subject is not None or verb.dep_ not in ("advcl", "conj") or verb.head.i == verb.i:
            return []
        verb = verb.head
    return []


def _unnamed_addressees(trig: Trigger, lex: Lexicon) -> bool:
    """Whether an appeal is addressed to unnamed parties ("called on the relevant parties", "called on
    member states"): an appeal all the same."""
    preps = trig.entry.recipient_preps or ()
    addressed = [first_child(p, ["pobj"]) for p in children(trig.token, ["prep"]) if p.lower_ in preps]
    addressed.append(first_child(trig.token, OBJECTS))
    return any(lex.in_class(counted(t), "addressees") for t in addressed if t is not None)


def _obliged_unnamed(trig: Trigger, lex: Lexicon) -> bool:
    """Whether a reported obligation falls on parties left unnamed ("believes all parties need to")."""
    return any(
        unnamed_parties(first_child(clause, SUBJECTS | PASSIVE_SUBJECTS), lex)
        for clause in children(trig.token, ["ccomp"])
    )


def _names_other_side(trig: Trigger, kind: str | None = None) -> bool:
    """Whether the text names someone on the other side, even one the gazetteer cannot code ("met
    Jonathan Quillfeather", "talks with the rebels"): then the event stands without a recipient id.
    A meeting's other side is a party, not what is discussed ("what they discussed"), a place toured
    ("visiting a dairy factory") or a crowd of the occasion ("greeted the arriving world leaders",
    "will meet all the leaders attending"): see _party_named."""
    tok = trig.token
    named = [first_child(tok, OBJECTS)] if not trig.is_noun else []
    named = [n for n in named if n is not None]
    # "holds regular talks with island nations": the object's own "with" phrase names the other side too.
    holders = [tok, *named]
    named += [
        first_child(p, ["pobj"]) for h in holders for p in children(h, ["prep"]) if p.lower_ in ("with", "between")
    ]
    named = [n for n in named if n is not None]
    if kind == "CONSULT" and trig.mode == "visit":
        # A visit's other side is a host the text names as a state, body or person, not the place or
        # occasion ("visiting a dairy factory", "attended the Victory Day parade"): README "A visit
        # needs someone named on the other side"; with none resolved there is no visit to code.
        return False
    if kind == "CONSULT":
        return any(_party_named(n) for n in named)
    return bool(named)


_NAME_DEPS = frozenset({"compound", "amod", "poss", "appos", "nmod", "flat", "nummod"})
# Words for the people of an occasion, named by no one ("the leaders", "world leaders", "guests").
_CROWD_NOUNS = frozenset(
    {"leader", "dignitary", "guest", "delegate", "participant", "attendee", "official", "adviser", "advisor"}
) | frozenset({"family", "relative", "resident", "visitor", "head", "representative", "worker", "student", "veteran"})


def _party_named(head: Token) -> bool:
    """Whether a meeting's object or "with" phrase names a party: a name ("Jonathan Quillfeather"), a
    group or body ("the rebels", "the delegation"); not a topic or pronoun of what ("what they
    discussed", "a lot"), nor a plural crowd of people no name or state word picks out ("all the
    leaders of states attending", "the families of soldiers", "his advisers")."""
    if head.pos_ in ("PRON", "NUM") or head.tag_ in ("WP", "WDT"):
        return head.lower_ not in ("what", "which", "it", "this", "that") and head.pos_ == "PRON"
    if any(_party_named(c) for c in head.children if c.dep_ == "conj"):
        return True
    # The phrase's own words, not a clause about it ("the leaders attending the BRICS summit").
    words = [head, *(w for c in head.children if c.dep_ in _NAME_DEPS for w in c.subtree)]
    if any(w.pos_ == "PROPN" or w.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for w in words):
        return True
    if head.pos_ != "NOUN":
        return False
    if head.lemma_.lower() in _CROWD_NOUNS and head.tag_ == "NNS":
        return False
    return head.ent_type_ != "" or head.lemma_.lower() not in ("factory", "plant", "site", "talk", "lot")


_ATTACK_PREPS = frozenset({"in", "during"})


def _attack_owners(tok: Token, res: Resolver, lex: Lexicon) -> list[Actor]:
    """Who made the attack a passive harm verb says it came in: "killed in a Ukrainian strike",
    "wounded in Russian shelling", "killed in Israel's offensive" (the attack noun's own possessor or
    modifier; "killed in the fighting", "in a strike on Kyiv" name nobody)."""
    for prep in children(tok, ["prep"]):
        if prep.lower_ not in _ATTACK_PREPS:
            continue
        attack = first_child(prep, ["pobj"])
        entry = lex.nouns.get(attack.lemma_.lower()) if attack is not None else None
        if entry is None or entry.type != "ASSAULT":
            continue
        owners = [
            c
            for c in attack.children
            if c.dep_ in ("poss", "amod", "compound") and c.i < attack.i and c.pos_ in ("PROPN", "ADJ", "NOUN")
        ]
        found = [a for c in owners for a in res.resolve(c, context=False, strict=False)]
        if found:
            return _unique(found)
    return []


def _agentless_passive(tok: Token) -> bool:
    """A passive verb or participle with no `by` agent, or a conjunct of one ("were killed or wounded")."""
    verb = _passive_climb(tok)
    # "the soldiers killed in the fighting": a participle of the noun it describes is passive too.
    passive = first_child(verb, PASSIVE_SUBJECTS) is not None or (verb.dep_ == "acl" and verb.tag_ == "VBN")
    # "soldiers sent to the war have been killed": the parser may coordinate the passive with the
    # active verb before it; its own passive auxiliary says it is one.
    passive = passive or any(c.dep_ == "auxpass" for c in tok.children)
    return passive and first_child(tok, ["agent"]) is None and first_child(verb, ["agent"]) is None


def _passive_climb(tok: Token) -> Token:
    """The conjunct a verb is coordinated under, up to one with a passive subject: memoised for every
    token on the way, so a long run of coordinated clauses is walked once, not once per verb."""
    index = parse_index(tok.doc)
    memo = memo_of(index, "passive climb", None)
    dep, head, kids = index.dep, index.head, index.kids
    path: list[int] = []
    i = tok.i
    while i not in memo:
        if dep[i] != "conj" or head[i] == i or any(dep[k] in PASSIVE_SUBJECTS for k in kids.get(i, ())):
            memo[i] = i
            break
        path.append(i)
        i = head[i]
    for k in path:
        memo[k] = memo[i]
    return index.tokens[memo[i]]


# Acts only a state's authorities perform (arrests, detentions, curfews): in the passive with no agent,
# PLOVER codes the state where they happen as the actor; an expulsion is by the state left.
_STATE_ACTS = frozenset({"COERCE"})
_EXPULSIONS = frozenset({"expel", "deport"})


def _recipients(
    trig: Trigger, res: Resolver, lex: Lexicon, patient: Token | None, actors: list[Actor], *, depth: int = 0
) -> list[Actor]:
    """Whom an event is aimed at. depth: how many governed triggers deep this is (an inner trigger's
    recipient stands in for its outer one's: "agreed to send troops to Russia")."""
    tok = trig.token
    entry = trig.entry
    preps = entry.recipient_preps or lex.type_preps.get(trig.type, ())
    found: list[Actor] = []
    holders = [tok]
    if trig.light is not None:
        holders.append(trig.light)
    obj_tok = object_of(tok) if not trig.is_noun else None
    if obj_tok is not None:
        # "shells supplied by North Korea to Russia": the participle's agent is its doer, never whom it is for.
        participle = tok.dep_ == "acl" and entry.theme and trig.type in _MOVES
        agents = {t.i for a in children(tok, ["agent"]) for t in a.subtree} if participle else set()
        holders += [
            t
            for t in obj_tok.subtree
            if t.pos_ in ("NOUN", "PROPN", "NUM", "SYM", "ADJ") and t.i != tok.i and t.i not in agents
        ]
    if trig.is_noun:
        holders += [t for t in tok.subtree if t.pos_ in ("NOUN", "PROPN") and t.i != tok.i][:4]
    if _receives(trig, res):
        if trig.type == "DISAPPROVE":
            # "North Korea's missile test drew condemnation from Japan": whoever did what is condemned.
            subject = subject_of(tok)
            doer = doer_of(subject, res) if subject is not None else None
            return _not_own(_unique(res.resolve(doer, context=False)), actors, lex)
        # The host of a visit, the receiver of goods ("Russia received missiles"; "… by Russia").
        agent = first_child(tok, ["agent"])
        return _unique(res.resolve(first_child(agent, ["pobj"]) if agent is not None else subject_of(tok)))
    if entry.felt:
        # "alarmed by the deployment of North Korean troops": whoever did what is felt about.
        for prep in children(tok, ["prep", "agent"]):
            pobj = first_child(prep, ["pobj"]) if prep.lower_ in preps else None
            doer = doer_of(pobj, res) if pobj is not None else None
            # The pobj itself only as a named actor ("concerned about Russia"), not the economy's state.
            if doer is not None and doer.i == pobj.i and res.entity_at(pobj) is None:
                doer = None
            found = _not_own(res.resolve(doer, context=False), actors, lex) if doer is not None else []
            if found:
                return _unique(found)
        feared = feared_doer(tok)  # "concerned that Russia intends to ..."
        if feared is not None:
            own = {a.code for a in actors}
            return _unique([a for a in res.resolve(doer_of(feared, res), context=False) if a.code not in own])
    if entry.verdict:
        # "said Pyongyang's launch was a provocation": whoever did what is condemned.
        judged = verdict(tok, lex, res)
        doer = doer_of(judged[1], res) if judged is not None and judged[1] is not None else None
        return _not_own(_unique(res.resolve(doer, context=False)), actors, lex) if doer is not None else []
    if trig.entry.agentive:
        # "Moscow's main supplier", "the main supplier of shells to Russia": whom it supplies.
        owner = first_child(tok, ["poss"])
        found = res.resolve(owner, context=False) if owner is not None else []
        return _unique(found or _prep_recipients([tok], preps, res, lex, actors, trig, domestic=False))
    obj: Token | None = None
    # "discussed Ukraine with Xi", "negotiated the release of prisoners with Kyiv": what two sides talk
    # about is their topic, never a side (Entry.topic_object).
    topic = entry.topic_object and not trig.is_noun
    # "shells supplied by North Korea": the goods a participle describes are what is given, not whom to.
    goods = entry.theme and trig.type in _MOVES and tok.dep_ == "acl" and patient is not None
    goods = goods and patient is not None and patient.i == tok.head.i
    if patient is not None and not topic and not goods:
        found = res.resolve(patient, strict=False)
    if goods:
        found = _participle_users(tok, res, lex, actors)  # "Russia fired missiles supplied by North Korea"
    if not found and not trig.is_noun and not topic:
        # "rejected Jane Roe to delay the trial": the subject of a bare infinitive after a verb that governs
        # no clause is its object; a verb that does ("urged Kyiv to", "allowed inspectors to") reads the
        # clause's subject as whom it asks or lets, below.
        obj = _verb_object(tok, infinitive=not entry.governs)
        if obj is not None and lex.in_class(obj, "diplomats"):
            # "recalled its ambassador to Israel": the host; "expelled the French ambassador": the sender.
            # "recalled its ambassador from Paris" (the preposition may hang on the verb).
            for prep in [*children(obj, ["prep"]), *children(tok, ["prep"])]:
                if not found and prep.lower_ in ("to", "in", "at", "from"):
                    found = res.resolve(first_child(prep, ["pobj"]), context=False, strict=False)
                    # "summoned the Iranian envoy in Vienna", "summoned a Chilean diplomat to its
                    # ministry": the actor's own capital or office is no host; the envoy's state is.
                    found = [a for a in found if a.code not in {b.code for b in actors}]
        if not found and obj is not None and lex.in_class(counted(obj) or obj, "accusations"):
            # "vetoed a draft UN resolution tabled by France": whoever made the request, resolution or
            # offer, before whatever else its words name.
            found = _measure_target(obj, res, lex, actors, trig)
        if not found and obj is not None and not (entry.theme and is_thing(obj, lex)):
            # The object of "send", "hold", "impose" is what moves; it is the recipient only when it
            # names an actor itself ("supplied North Korea with aid").
            if trig.type == "AID":
                obj = _small_clause_subject(obj)  # "helping the Kremlin expel Ukrainian forces"
            found = res.resolve(obj, context=False, strict=entry.theme)
            # "suspended its deployment": the actor's own possessive is not a recipient of what it moves.
            # "pulling part of its forces out of Chad": nor of what it withdraws or lays down.
            kept = _not_own(found, actors, lex)
            found = [a for a in found if a.token == obj.i or a in kept]
            if entry.theme and obj.pos_ == "NOUN" and found:
                # "extradited two Islamic State members to Iraq": people or goods moved are the theme
                # even when a modifier names their group; the destination the verb names receives them.
                found = _prep_recipients([tok], preps, res, lex, actors, trig, domestic=False) or found
            if not found and trig.type == "DISAPPROVE":
                found = _clause_doer(obj, res, actors)  # "denounced the agreement the two leaders signed"
            if not found and trig.type == "DISAPPROVE" and (agent := noun_agent(obj, res)) is not None:
                # "slammed the drills by the United States", "condemned the transfer of missiles from
                # North Korea": whoever did what is condemned, named in its own phrase.
                found = _not_own(res.resolve(agent, context=False), actors, lex)
    if not found:
        # "gave Canada a deadline", "offered Kyiv more weapons": the indirect object is whom it is for.
        for verb in (trig.light,) if trig.is_noun else (tok,):
            dative = first_child(verb, ["dative"]) if verb is not None else None
            if dative is not None and dative.pos_ in ("NOUN", "PROPN", "PRON"):
                found = _not_own(res.resolve(dative, context=False, strict=False), actors, lex)
    if not found and _framed_meeting(trig, lex):
        # "told the head of NATO in a phone call": whom the framed verb addresses is the one met.
        found = _not_own(res.resolve(first_child(trig.light, OBJECTS), context=False, strict=False), actors, lex)
    if not found and not trig.is_noun and entry.theme:
        found = _misparsed_dative(tok, res, actors, lex)
    # "demanded that the Philippines withdraw", "allowed UN investigators to enter": the subject of
    # the governed clause is who must act or is let in.
    clause_subject: Token | None = None
    if not found and entry.governs:
        for clause in children(tok, ["ccomp", "xcomp"]):
            subject = first_child(clause, SUBJECTS | PASSIVE_SUBJECTS)
            if subject is not None and subject.pos_ != "PRON":
                clause_subject = subject
                found = [a for a in res.resolve(subject, strict=False) if all(a.code != b.code for b in actors)]
                if found:
                    break
    if not found and trig.type == "DISAPPROVE":
        found = _censured_doer([tok, obj] if obj is not None else [tok], res, actors, lex)
    if not found:
        found = _prep_recipients(holders, preps, res, lex, actors, trig, domestic=False)
    if not found and trig.type in ("SANCTION", "THREATEN"):
        found = _aimed_at(tok if trig.is_noun else counted(obj or object_of(tok)), res, lex, actors)
    if not found and obj is not None:
        found = _measure_target(obj, res, lex, actors, trig)
    if not found and not trig.is_noun:
        # "conceded to the demands of X", "bowed to pressure from X": whoever made the demand.
        for demand in _asked_of(tok, preps, lex):
            found = _measure_target(demand, res, lex, actors, trig)
            if found:
                break
    # "pressed the Nordic Council to back the accord": the addressee, even uncoded, is who is asked;
    # the PLO is what the appeal is about.
    addressed = trig.type == "DEMAND" and (
        clause_subject is not None or (obj is not None and obj.i not in {i.token.i for i in trig.inner})
    )
    if not found and entry.governs and not addressed:
        # "promised to buy equipment from China": the governed verb's partner.
        for clause in children(tok, ["xcomp", "ccomp"]):
            if clause.i in {i.token.i for i in trig.inner}:
                continue
            found = _prep_recipients(
                [clause], ("from", "with", "to", "for", "against", "on"), res, lex, actors, trig, domestic=False
            )
            found = [a for a in found if all(a.code != b.code for b in actors)]  # "on their border"
            clause_obj = _collected(first_child(clause, OBJECTS), lex)  # "to host the next round of talks"
            if not found:
                found = [a for a in res.resolve(clause_obj) if all(a.code != b.code for b in actors)]
            if not found and clause_obj is not None:
                found = _measure_target(clause_obj, res, lex, actors, trig)  # "refused to lift the ban on X"
            if found:
                break
    # "welcomed Jane Roe to mediate between the factions": a named object the gazetteer cannot code is
    # whom the act is aimed at (_uncoded_target keeps its words), not whom its governed act or a
    # phrase's unnamed people would give.
    named_object = obj is not None and obj.pos_ == "PROPN" and obj.ent_type_ in ("", *_STATELESS_LABELS)
    if not found and depth < _MAX_INNER_DEPTH and not addressed and not named_object:
        for inner in trig.inner:
            found = _recipients(inner, res, lex, None, actors, depth=depth + 1)
            if (not found and inner.type in ("DEMAND",)) or (not found and trig.type == "DEMAND"):
                found = res.resolve(subject_of(inner.token), context=False, strict=False)
            if found:
                break
    if not found:
        found = _helped(tok, obj, res, lex, actors)
    if not found and trig.mode == "third-party":
        found = _mediated(trig, res, actors)
    if not found and trig.type == "INVESTIGATE":
        found = _investigated_doer(trig, obj, res, actors)
    # Last, an unnamed person or group: the state in context ("detained the former army chief").
    if not found and obj is not None and not entry.theme:
        found = _domestic(obj, res, lex, actors, trig)
    if not found and patient is not None and not entry.theme:
        found = _domestic(patient, res, lex, actors, trig)  # "three journalists were arrested by police"
    if not found and clause_subject is not None:
        found = _domestic(clause_subject, res, lex, actors, trig)  # "allow girls to return"
    if not found and not named_object:
        found = _prep_recipients(holders, preps, res, lex, actors, trig, domestic=True)
    if not found and trig.type == "DISAPPROVE" and not trig.is_noun:
        found = _retort_target(tok, res, actors)
    if not found and trig.type == "MOBILIZE":
        found = _purpose_foe(trig, res, actors)
    verb = trig.light if trig.is_noun else tok
    if not found and verb is not None:
        found = _contacted(verb, res, lex, actors)
    if not found and trig.type == "DISAPPROVE" and trig.is_noun and (feared := feared_doer(tok)) is not None:
        # "voiced worries that Russia could hand North Korea technology": whoever would do it.
        own = {a.code for a in actors}
        found = [a for a in res.resolve(doer_of(feared, res), context=False) if a.code not in own]
    if not found and is_response(trig):
        found = _condition_actor(tok, res, actors)
    if not found and trig.type == "AID":
        found = _users(trig, res, lex, actors)
    if not found and trig.type == "AID":
        found = _aid_place(trig, res, actors)
    if trig.type == "AID":
        found = [_mission_host(a, res, actors) for a in found]
    if obj_tok is not None and _is_envoy(obj_tok, lex):
        # "Seoul summoned Ambassador Georgy Zinoviev": the envoy a state summons or expels is another
        # state's, never the actor's own state taken from reach.
        found = [a for a in found if all(a.code != b.code for b in actors)]
    return _unique(found)


def _collected(tok: Token | None, lex: Lexicon) -> Token | None:
    """What a collective counts ("a round of talks" -> talks, "a series of deals" -> deals); else the token."""
    if tok is None or not lex.in_class(tok, "collectives"):
        return tok
    of = next((p for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"), None)
    return first_child(of, ["pobj"]) if of is not None and first_child(of, ["pobj"]) is not None else tok


def _is_envoy(tok: Token, lex: Lexicon) -> bool:
    """An ambassador, diplomat or envoy, by noun or by the title before a name ("Ambassador Lee")."""
    return lex.in_class(tok, "diplomats") or any(
        c.dep_ == "compound" and c.i < tok.i and lex.in_class(c, "diplomats") for c in tok.children
    )


def _verb_object(tok: Token, *, infinitive: bool = True) -> Token | None:
    """Whom or what a verb acts on: its direct object, or the object the parser hung on the clause after
    it (small_clause_object, _predicated_subject)."""
    return first_child(tok, OBJECTS) or small_clause_object(tok) or _predicated_subject(tok, infinitive=infinitive)


def _predicated_subject(tok: Token, *, infinitive: bool = True) -> Token | None:
    """The object of a verb the parser read as the subject of the clause after it: an adjective clause
    ("found the regime guilty of", "declared two men innocent": the small clause "the regime guilty" is
    a ccomp whose subject follows the verb) or a bare infinitive ("convicted the firm to pay damages",
    "welcomed the envoy to mediate"). Not a clause of its own ("said it was ready", "said that Kyiv
    would pay")."""
    if not is_verb(tok) or first_child(tok, OBJECTS | PASSIVE_SUBJECTS) is not None:
        return None
    for child in children(tok, ["ccomp"]):
        subject = first_child(child, SUBJECTS)
        if subject is None or not tok.i < subject.i < child.i:
            continue
        verbal = any(c.dep_ in ("aux", "auxpass", "mark") or c.lemma_ == "be" for c in child.children)
        bare = [c.lower_ for c in child.children if c.dep_ in ("aux", "auxpass", "mark")] == ["to"]
        if (child.pos_ == "ADJ" and not verbal) or (infinitive and is_verb(child) and bare):
            return subject
    return None


def _censured_doer(holders: list[Token], res: Resolver, actors: list[Actor], lex: Lexicon) -> list[Actor]:
    """Whom a protest or criticism "over"/"about"/"at" an act is aimed at when the act names its doer ("lodged
    a protest over North Korea's dispatch of troops to Russia": North Korea, not the troops' destination)."""
    for holder in holders:
        for prep in children(holder, ["prep"]):
            pobj = first_child(prep, ["pobj"]) if prep.lower_ in ("over", "about", "against", "for", "at") else None
            if pobj is None:
                continue
            doer = doer_of(pobj, res)
            if doer.i == pobj.i:
                continue  # "over Russia": the ordinary phrase reading names it
            found = _not_own(res.resolve(doer, context=False), actors, lex)
            if found:
                return _unique(found)
    return []


def _aimed_at(measure: Token | None, res: Resolver, lex: Lexicon, actors: list[Actor]) -> list[Actor]:
    """Whom a measure's participle names: "sanctions aimed at North Korean banks", "tariffs targeting
    Chinese goods", "measures directed against Moscow"."""
    if measure is None:
        return []
    for acl in children(measure, ["acl"]):
        if acl.lemma_.lower() not in lex.aiming_verbs:
            continue
        targets = children(acl, ["dobj"]) + [
            o for p in children(acl, ["prep"]) if p.lower_ in ("at", "against") for o in children(p, ["pobj"])
        ]
        for target in targets:
            found = _not_own(res.resolve(target, context=False, strict=False), actors, lex)
            if found:
                return found
    return []


def _investigated_doer(trig: Trigger, obj: Token | None, res: Resolver, actors: list[Actor]) -> list[Actor]:
    """Whoever did what is investigated, named in its phrase: "opened an investigation into alleged
    spying by Russia", "will investigate the sabotage attacks by Russian agents" (PLOVER: the target of
    an investigation is whom it concerns, not the investigator's own state)."""
    matters = [obj] if obj is not None else []
    for holder in (trig.token, trig.light):
        if holder is not None:
            matters += [
                o for p in children(holder, ["prep"]) if p.lower_ in ("into", "of") for o in children(p, ["pobj"])
            ]
    own = {a.code for a in actors}
    for matter in matters:
        doer = doer_of(matter, res) if matter is not None else None
        if doer is None or doer.i == matter.i:
            continue
        found = [a for a in res.resolve(doer, context=False) if a.code not in own]
        if found:
            return found
    return []


def _mission_host(recipient: Actor, res: Resolver, actors: list[Actor]) -> Actor:
    """Aid to an international force stationed in a state goes to that state: "sending troops to the
    UN mission in Mali", "lend soldiers to the EU-led force in Bosnia"."""
    if recipient.kind != "igo":
        return recipient
    head = res.tokens[recipient.token]
    while head.dep_ in ("compound", "amod", "nmod", "npadvmod", "punct") and head.head.i != head.i:
        head = head.head
    if head.lemma_.lower() not in res.lex.mission_nouns and not res.lex.in_class(head, "peacekeeping"):
        return recipient
    own = {a.code for a in actors}
    for prep in children(head, ["prep"]):
        if prep.lower_ not in ("in", "to"):
            continue
        for sub in (t for pobj in children(prep, ["pobj"]) for t in pobj.subtree):
            info = res.entity_at(sub)
            if info is not None and info.code and info.kind in ("state", "place") and info.code not in own:
                return Actor(info.code, info.span.text, info.entity_id, "place", sub.i)
    return recipient


def _contacted(tok: Token, res: Resolver, lex: Lexicon, actors: list[Actor]) -> list[Actor]:
    """Whom an act is addressed to when it is said in a call or letter: "called King Salman,
    discussing oil supply", "called Erdogan to convey Pakistan's support", "phoned Lavrov and urged
    restraint", "wrote to the agency's chief warning it would lose its funds" (the called, the
    addressee of the letter)."""
    head = tok.head
    if tok.dep_ == "acl" and head.lemma_.lower() in lex.message_nouns:
        head = head.head
    elif tok.dep_ not in ("advcl", "xcomp", "conj"):
        return []
    lemma = head.lemma_.lower()
    if head.i == tok.i or head.pos_ != "VERB" or lemma not in lex.contact_verbs:
        return []
    if tok.dep_ == "conj" and (lemma in ("write", "send") or first_child(tok, SUBJECTS) is not None):
        return []  # "phoned Lavrov and urged restraint": the one called; not a clause of its own subject
    obj = first_child(head, [*OBJECTS, "oprd"])
    if lemma in ("write", "send"):
        if lemma == "send" and (obj is None or obj.lemma_.lower() not in lex.message_nouns):
            return []
        to = [p for h in (head, obj) if h is not None for p in children(h, ["prep", "dative"]) if p.lower_ == "to"]
        obj = first_child(to[0], ["pobj"]) if to else None
    return _not_own(res.resolve(obj, context=False, strict=False), actors, lex) if obj is not None else []


def _purpose_foe(trig: Trigger, res: Resolver, actors: list[Actor]) -> list[Actor]:
    """Whom a mobilisation is aimed at, named in what it is for: "mobilized troops for the Gulf War
    against Iraq", "mobilized the navy for a sea landing against Tobruk", "mobilized troops to move
    against Syria's chemical weapons" (the first `against` in its purpose phrase or clause)."""
    tok = trig.token
    purposes = [first_child(p, ["pobj"]) for p in children(tok, ["prep"]) if p.lower_ == "for"]
    purposes += [c for c in tok.children if c.dep_ in ("advcl", "xcomp") and is_infinitive(c)]
    own = {a.code for a in actors}
    for purpose in (p for p in purposes if p is not None):
        for prep in (t for t in purpose.subtree if t.dep_ == "prep" and t.lower_ == "against"):
            found = [
                a for a in res.resolve(first_child(prep, ["pobj"]), context=False, strict=False) if a.code not in own
            ]
            if found:
                return found
    return []


def _clause_doer(obj: Token, res: Resolver, actors: list[Actor]) -> list[Actor]:
    """Who did what is condemned, named in the relative clause that describes it: "denounced the
    agreement that the North Korean and Russian leaders signed", "criticised the drills Washington held"."""
    own = {a.code for a in actors}
    for clause in children(obj, ["relcl"]):
        subject = first_child(clause, SUBJECTS)
        if subject is None or subject.pos_ == "PRON" or subject.lower_ in ("who", "which", "that"):
            continue
        found = [a for a in res.resolve(subject, context=False) if a.code not in own]
        if found:
            return found
    return []


def _condition_actor(tok: Token, res: Resolver, actors: list[Actor]) -> list[Actor]:
    """Whom a threatened response answers, named as the subject of its condition: "If North Korea
    dispatches troops, we will take necessary measures" -> North Korea."""
    own = {a.code for a in actors}
    current = tok
    for _ in range(3):
        for clause in children(current, ["advcl"]):
            if any(c.dep_ == "mark" and c.lower_ in ("if", "should") for c in clause.children):
                subject = first_child(clause, SUBJECTS)
                found = [a for a in res.resolve(subject, context=False) if a.code not in own] if subject else []
                if found:
                    return found
        if current.dep_ not in ("xcomp", "conj", "ccomp") or current.head.i == current.i:
            break
        current = current.head
    return []


def _framed_meeting(trig: Trigger, lex: Lexicon) -> bool:
    """A meeting noun in a prepositional frame of its verb ("told X in a phone call")."""
    tok, verb = trig.token, trig.light
    return (
        trig.type == "CONSULT"
        and verb is not None
        and tok.dep_ == "pobj"
        and tok.head.lower_ in lex.frame_preps
        and tok.head.head.i == verb.i
    )


def _retort_target(tok: Token, res: Resolver, actors: list[Actor]) -> list[Actor]:
    """Whom a retort is about when it names nobody itself: the subject of what it says ("hit back by
    saying that NATO personnel are involved", "hit back, saying Washington had provoked the crisis")."""
    saying = [c for c in tok.children if c.dep_ == "advcl" and c.lemma_.lower() == "say"]
    saying += [first_child(p, ["pcomp"]) for p in children(tok, ["prep"]) if p.lower_ == "by"]
    own = {a.code for a in actors}
    for verb in (v for v in saying if v is not None and v.lemma_.lower() == "say"):
        clause = first_child(verb, ["ccomp"])
        subject = first_child(clause, SUBJECTS | PASSIVE_SUBJECTS) if clause is not None else None
        if subject is not None and subject.pos_ != "PRON":
            found = [a for a in res.resolve(subject, context=False, strict=False) if a.code not in own]
            if found:
                return found
    return []


# What is done with weapons by whoever received them ("which Russian troops fire at Ukraine").
_USES = frozenset({"fire", "launch", "use", "deploy", "employ", "shoot", "drop"})


def _users(trig: Trigger, res: Resolver, lex: Lexicon, actors: list[Actor]) -> list[Actor]:
    """Who uses the weapons handed over, named in a relative clause on them: "sent missiles, which
    Moscow's troops launch against Ukraine", "supplied shells that Russian forces fired"."""
    goods = counted(object_of(trig.token)) if not trig.is_noun else None
    if goods is None or not lex.in_class(goods, "weapons"):
        return []
    own = {a.code for a in actors}
    for clause in (c for c in goods.children if c.dep_ == "relcl" and c.lemma_.lower() in _USES):
        user = first_child(clause, SUBJECTS)
        if user is None or user.pos_ == "PRON":
            continue
        holder = first_child(user, ["poss"]) or user
        found = [a for a in res.resolve(holder, context=False, strict=False) if a.code not in own]
        if found:
            return found
    return []


def _callers(trig: Trigger, res: Resolver, actors: list[Actor]) -> list[Actor]:
    """Who made a call that the clause's subject received or took ("received a telephone call from
    Blinken", "took a call from the Chinese premier"): the named side after "from". Else []."""
    light = trig.light
    if not trig.is_noun or trig.mode != "phone" or light is None or light.lemma_.lower() not in _TAKE_CALL:
        return []
    own = {a.code for a in actors}
    for prep in children(trig.token, ["prep"]):
        if prep.lower_ == "from":
            return [c for c in res.resolve(first_child(prep, ["pobj"]), context=False) if c.code not in own]
    return []


_TAKE_CALL = frozenset({"receive", "take", "get", "answer", "accept"})


# Types whose theme is goods or forces moved to someone (a participle's noun is what moves).
_MOVES = frozenset({"AID", "MOBILIZE"})


def _participle_users(tok: Token, res: Resolver, lex: Lexicon, actors: list[Actor]) -> list[Actor]:
    """Who uses weapons a participle says another side gave, as the subject of the verb they are the
    object of: "Russia fired missiles supplied by North Korea", "Moscow has used shells made in the
    North" - the user is the one aided. Else []."""
    goods = tok.head
    if goods.dep_ not in OBJECTS or not lex.in_class(counted(goods), "weapons") or not is_verb(goods.head):
        return []
    if goods.head.lemma_.lower() not in _USES or any(c.dep_ == "prt" for c in goods.head.children):
        return []  # "shot down drones supplied by Iran": the one shooting is no user
    user = subject_of(goods.head)
    if user is None or user.pos_ == "PRON":
        return []
    own = {a.code for a in actors}
    return [a for a in res.resolve(first_child(user, ["poss"]) or user, context=False) if a.code not in own]


_DATIVE_MISPARSES = frozenset({"compound", "nmod"})


def _misparsed_dative(tok: Token, res: Resolver, actors: list[Actor], lex: Lexicon) -> list[Actor]:
    """The indirect object the parser hung on the goods as a compound: "gave North Korea technology",
    "handed Pyongyang air defence systems" (a name right after the verb; "North Korean technology"
    is an adjective and says whose it is)."""
    goods = counted(object_of(tok))
    following = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if goods is not None and following is not None and following.dep_ == "det" and following.head.i == goods.i:
        # "granted the Polish government permission", "gave the Defence Ministry leave": the
        # goods' article opens the indirect object the parser hung on them.
        named = _misparsed_named_dative(following, goods, res, lex)
        return _not_own(res.resolve(named, context=False, strict=False), actors, lex) if named is not None else []
    if goods is None or following is None or following.dep_ not in _DATIVE_MISPARSES or following.pos_ != "PROPN":
        return []
    # "gave Ukraine non-lethal assistance", "give North Korea technological help": the name may also
    # hang on the goods as a nominal modifier, with the goods' own adjectives between them.
    head = following
    while head.dep_ in _DATIVE_MISPARSES and head.i != head.head.i and head.head.i <= goods.i:
        head = head.head
    if head.i != goods.i:
        return []
    info = res.entity_at(following)
    if info is None or info.kind not in ("state", "place") or info.span.end > goods.i:
        return []
    return _not_own(res.resolve(following, context=False, strict=False), actors, lex)


def _misparsed_named_dative(det: Token, goods: Token, res: Resolver, lex: Lexicon) -> Token | None:
    """Who "the Polish government" / "the Pentagon" between an article and the goods it was hung on
    names: the last of a run of adjectives and compounds of the goods when it is an institution the
    gazetteer links ("the Pentagon"; not a place: "the Rafah crossing"), or the state adjective
    before an institution ("Polish" of "the Polish government")."""
    run = [t for t in goods.doc[det.i + 1 : goods.i]]
    if not run or any(t.head.i != goods.i or t.dep_ not in ("amod", "compound") for t in run):
        return None
    head = run[-1]
    if head.dep_ != "compound" or head.pos_ not in ("NOUN", "PROPN"):
        return None
    info = res.entity_at(head)
    if head.pos_ == "PROPN":
        # An institution, not a place or state: "the Rafah crossing", "the Kursk region" are compounds.
        return head if info is not None and info.code is not None and info.kind in ("organisation", "igo") else None
    # The state adjective hangs on the goods too: it is what names the institution's state.
    states = [t for t in run[:-1] if t.dep_ == "amod" and res.entity_at(t) is not None]
    return states[-1] if states and is_group_noun(head, lex) else None


def _mediated(trig: Trigger, res: Resolver, actors: list[Actor]) -> list[Actor]:
    """The parties a mediation is between, named anywhere in its clause: "began a mediation bid to
    heal the quarrel between Oman and its neighbours"."""
    own = {a.code for a in actors}
    for tok in (trig.light if trig.light is not None else trig.token).subtree:
        if tok.dep_ == "prep" and tok.lower_ == "between":
            found = [
                a for a in res.resolve(first_child(tok, ["pobj"]), context=False, strict=False) if a.code not in own
            ]
            if found:
                return found
    return []


def _helped(tok: Token, obj: Token | None, res: Resolver, lex: Lexicon, actors: list[Actor]) -> list[Actor]:
    """Whom an act is meant to help, named in its purpose clause or its own small clause: "offered
    troops to support the Philippine army", "helped Ukraine rebuild"."""
    clauses = [tok, *[c for c in tok.children if c.dep_ in ("advcl", "xcomp") and is_infinitive(c)]]
    if obj is not None:
        clauses += [c for c in obj.children if c.dep_ in ("acl", "relcl") and is_infinitive(c)]
    own = {a.code for a in actors}
    for clause in clauses:
        if clause.lemma_.lower() in lex.aid_purposes:
            target = first_child(clause, OBJECTS)
            done = first_child(clause, ["ccomp", "xcomp"])
            if target is None and done is not None:
                target = first_child(done, SUBJECTS)  # "to help Ukraine rebuild": a small clause
            found = [
                a for a in res.resolve(_small_clause_subject(target), context=False, strict=False) if a.code not in own
            ]
            if found:
                return found
    return []


def _small_clause_subject(target: Token | None) -> Token | None:
    """Whom help is for when the parser made the small clause one noun phrase: "to help the Kremlin
    expel Ukrainian forces" (the Kremlin a modifier of "forces", "expel" an adjective): the name
    before the verb, not the object of the act helped."""
    if target is None:
        return None
    verb = next((c for c in target.children if c.dep_ == "amod" and c.pos_ == "VERB" and c.i < target.i), None)
    if verb is None:
        return target
    helped = next((c for c in target.children if c.dep_ in ("nmod", "compound", "poss") and c.i < verb.i), None)
    return helped if helped is not None else target


_AID_PLACE_PREPS = frozenset({"in", "to", "for", "across", "throughout"})


def _aid_place(trig: Trigger, res: Resolver, actors: list[Actor]) -> list[Actor]:
    """Aid goes to the state where it is spent, when no one is named: "gave 352 million euros to
    promote development in Ethiopia", "gave $75 million for relief work in eastern Chad". The
    first state or place named in the trigger's phrases (not its subject's), other than the giver's."""
    tok = trig.token
    subject = subject_of(tok)
    giver = range(subject.left_edge.i, subject.right_edge.i + 1) if subject is not None else range(0)
    own = {a.code for a in actors}
    for prep in tok.subtree:
        if prep.dep_ != "prep" or prep.lower_ not in _AID_PLACE_PREPS or prep.i in giver:
            continue
        if res.lex.in_class(prep.head, "talks"):
            continue  # "pledged aid at a summit in Brussels": where it was promised, not spent
        if res.lex.in_class(prep.head, "wars"):
            continue  # "to help with the war in Ukraine": a war is fought on both sides of it
        for pobj in children(prep, ["pobj"]):
            for sub in pobj.subtree:
                info = res.entity_at(sub)
                if info is not None and info.code and info.kind in ("state", "place") and info.code not in own:
                    return [Actor(info.code, info.span.text, info.entity_id, "place", sub.i)]
    return []


def _measure_target(obj: Token, res: Resolver, lex: Lexicon, actors: list[Actor], trig: Trigger) -> list[Actor]:
    """Whom the verb's object (a measure, a bond, a request) is aimed at or comes from, named in its
    own phrase."""
    measure = counted(obj) or obj
    preps = next((p for cls, p in lex.target_preps.items() if lex.in_class(measure, cls)), None)
    if preps is None:
        return []
    # The phrase's participle carries it in "sanctions imposed on India", "an appeal lodged by".
    holders = [measure, *[c for c in measure.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN"]]
    found = _prep_recipients(holders, preps, res, lex, actors, trig, domestic=False)
    if not found and measure.dep_ in OBJECTS and measure.head.pos_ in ("VERB", "AUX"):
        # The parser hangs the phrase on the verb: "opened diplomatic relations on Thursday with
        # Nauru". Only a name counts there ("with the backing of China" is no partner).
        named = [p for p in children(measure.head, ["prep"]) if p.lower_ in preps]
        for pobj in (o for prep in named for o in children(prep, ["pobj"])):
            info = res.entity_at(pobj)
            named_actor = res.actor_from_ent(info, pobj) if info is not None else None
            if named_actor is not None:
                found = [named_actor]
                break
            # "imposed sanctions ... on Myanmar military commanders": a phrase that names actors itself.
            found = res.resolve(pobj, context=False)
            if found:
                break
    return _others(found, actors)


def _others(found: list[Actor], actors: list[Actor]) -> list[Actor]:
    """The found actors that are not the actor: another state, or someone else of the actor's own
    state ("Kenya's police chief turned down a plea by President Ruto", "the Taliban refused
    a dialogue with the Kabul authorities": PLOVER codes such domestic events with the state on both
    sides). Not the actor itself, its own possessive, or its own state named bare."""
    own = {b.entity_id for b in actors if b.entity_id is not None}
    tokens = {b.token for b in actors}

    def other(a: Actor) -> bool:
        if all(a.code != b.code for b in actors):
            return True
        if a.kind == "state":
            return all(b.kind == "group" for b in actors)
        return not (a.pronoun or a.token in tokens or (a.entity_id is not None and a.entity_id in own))

    return [a for a in found if other(a)]


def _not_own(found: list[Actor], actors: list[Actor], lex: Lexicon) -> list[Actor]:
    """Without the actor's own possessive ("its troops", "their weapons"): what an actor owns is not
    whom its act is aimed at."""
    # A named actor only: "Soldiers (in La Paz) ... rammed its doors" are the palace's doors.
    own = {(a.code, a.entity_id) for a in actors if a.kind != "context"}
    return [a for a in found if not (a.pronoun and (a.code, a.entity_id) in own)]


def _name_words(head: Token) -> str:
    """The words of a name up to its head, within its entity: "Amira Haddad" of "let free Amira
    Haddad", "Thom" of a misread entity "District Court against Thom"."""
    ent_start = entity_start(head)
    start = max(head.left_edge.i, ent_start if ent_start is not None else head.i)
    while start < head.i and head.doc[start].pos_ in ("DET", "PUNCT"):
        start += 1
    return head.doc[start : head.i + 1].text


def _asked_of(tok: Token, preps: tuple[str, ...], lex: Lexicon) -> list[Token]:
    """Requests, demands and offers a verb answers through one of its recipient prepositions
    ("gave in to demands made by striking dockers", "agreed to a proposal from Seoul")."""
    return [
        pobj
        for prep in children(tok, ["prep"])
        if prep.lower_ in preps
        for pobj in children(prep, ["pobj"])
        if lex.in_class(pobj, "accusations")
    ]


def _maker(measure: Token) -> Token | None:
    """Who made a request, appeal or offer: its possessor ("Erdogan's request"), or the object of its
    own by/from/of phrase or of its participle's ("a request by", "an appeal lodged by her lawyers")."""
    owner = first_child(measure, ["poss"])
    if owner is not None:
        return owner
    holders = [measure, *[c for c in measure.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN"]]
    for holder in holders:
        for prep in children(holder, ["prep", "agent"]):
            if prep.lower_ in ("by", "from", "of"):
                return first_child(prep, ["pobj"])
    return None


# Entity labels of a target the gazetteer may not know: people and organisations, not places.
_NAMED_TARGETS = frozenset({"PERSON", "ORG", "NORP"})


def _uncoded_target(
    trig: Trigger, res: Resolver, lex: Lexicon, patient: Token | None, actors: list[Actor]
) -> str | None:
    """The words of whom an event with no coded recipient is done to, when the text names someone the
    gazetteer cannot code: a person or organisation ("granted asylum to Julian Assange", "rejected a
    request from Mr. Lukashenko", "Jane Doe was arrested by police") or people ("detained dozens of
    protesters", "let the refugees across its border"). The passive subject, the object (or who made a
    request, appeal or offer that is the object), the indirect object, then the recipient
    prepositions' objects. Things, places and events acted on are _thing_target's."""
    tok = trig.token
    verb = trig.light if trig.is_noun else tok
    preps = trig.entry.recipient_preps or lex.type_preps.get(trig.type, ())
    candidates: list[Token | None] = [patient]
    obj = _verb_object(tok) if not trig.is_noun else None  # "found Jane Roe guilty"
    if obj is not None and not (trig.entry.theme and is_thing(obj, lex)):
        measure = counted(obj) or obj
        if lex.in_class(measure, "accusations"):
            # "turned down a request from Mr. Lukashenko", "an appeal lodged by X's lawyers": whoever made it.
            candidates.append(_maker(measure))
        else:
            candidates.append(obj)
    if verb is not None:
        candidates.append(first_child(verb, ["dative"]))
    if not trig.is_noun:
        candidates += [_maker(demand) for demand in _asked_of(tok, preps, lex)]
    for holder in (tok, trig.light):
        if holder is None:
            continue
        for prep in children(holder, ["prep", "dative"]):
            if prep.lower_ in preps:
                candidates += children(prep, ["pobj"])
    own = {a.token for a in actors}
    for cand in candidates:
        cand = counted(cand) if cand is not None else None
        if cand is None or cand.i in own or cand.i == tok.i or cand.pos_ not in ("NOUN", "PROPN"):
            continue
        if res.resolve(cand, context=False, strict=False):
            continue  # a coded actor the rules chose not to take (the actor's own, a pronoun's)
        if cand.ent_type_ in _NAMED_TARGETS and cand.pos_ == "PROPN":
            return _name_words(cand)
        if any(lex.in_class(cand, c) for c in ("people", "civilians", "prisoners", "refugees", "police")):
            return _phrase_words(cand)
        # Officials and institutions only as a definite group ("the government", "state judges"), not
        # "a state of siege" or "talks on security".
        definite = cand.tag_ in ("NNS", "NNPS") or any(c.dep_ == "poss" or c.lower_ == "the" for c in cand.children)
        if definite and is_group_noun(cand, lex) and cand.lemma_.lower() != "state":  # "the state of emergency"
            return _phrase_words(cand)
    return None


# Entity labels of what is no target: times, amounts and counts ("attacked on Monday", "in 2019").
_NO_TARGET_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
# Types of acts done to something (PLOVER codes what is struck, raided, condemned, rejected, protested,
# investigated, backed or cut as the target); the other types' objects are what is agreed, given,
# discussed, conceded or asked for, the act's content and not whom it is aimed at.
_DONE_TO = frozenset(
    {"ASSAULT", "COERCE", "DISAPPROVE", "REJECT", "PROTEST", "INVESTIGATE", "SUPPORT", "THREATEN", "SANCTION",
     "CRIME", "MOBILIZE"}
)  # fmt: skip


# Types whose object is what is judged, whichever word decided the type.
_JUDGED = frozenset({"DISAPPROVE", "REJECT", "PROTEST", "SUPPORT", "INVESTIGATE"})


def _thing_target(
    trig: Trigger, kind: str, res: Resolver, lex: Lexicon, patient: Token | None, actors: list[Actor]
) -> str | None:
    """The words of a thing, place or event an act with nobody on the other side is aimed at (since
    extractor 17: "shelled the power plant", "raided the village", "rejected the referendum",
    "denounced the shelling of a school", "an attack on a fuel depot"), kept as recipient_text with no
    recipient id (PLOVER codes such targets; the pair views group by ids). For acts done to something
    (_DONE_TO): the passive subject, the object unless it names the act itself ("imposed sanctions",
    "launched an offensive") or what it moves or discusses, then the recipient prepositions' objects.
    Never a coded actor, a time or amount, or the actor's own ("mobilised its army")."""
    if kind not in _DONE_TO:
        return None
    tok = trig.token
    preps = trig.entry.recipient_preps or lex.type_preps.get(trig.type, ())
    own = {a.token for a in actors}
    candidates: list[Token | None] = [patient]
    obj = first_child(tok, OBJECTS) if not trig.is_noun else None
    entry = trig.entry
    # The object that decides the act is its content ("imposed a curfew", "fired missiles"), except what
    # a judgement judges ("denied the reports", "condemned the strikes").
    decides = kind not in _JUDGED and lex.match(entry.by_object, obj) is not None
    if obj is not None and not (entry.theme or entry.topic_object or decides):
        candidates.append(obj)
    for holder in (tok, trig.light):
        if holder is not None:
            candidates += [o for p in children(holder, ["prep"]) if p.lower_ in preps for o in children(p, ["pobj"])]
    # "threatened to shell the loudspeakers", "refused to let the ship dock": the governed act's object.
    candidates += [
        first_child(i.token, OBJECTS)
        for i in trig.inner
        if not i.is_noun and not (i.entry.theme or i.entry.topic_object)
    ]
    for cand in candidates:
        cand = counted(cand) if cand is not None else None
        if cand is None or cand.i in own or cand.i == tok.i or cand.pos_ not in ("NOUN", "PROPN"):
            continue
        if cand.ent_type_ in _NO_TARGET_ENTS or cand.like_num or (is_thing(cand, lex) and kind == "MOBILIZE"):
            continue
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in cand.children):
            continue  # "its troops", "their weapons": the actor's own
        if _names_act(cand, kind, lex) or f"{tok.lower_} of {cand.lower_}" in lex.nouns:
            continue  # the act named again ("carried out attacks", "filed a complaint", "a state of emergency")
        if res.resolve(cand, context=False, strict=False):
            continue  # a coded actor the rules chose not to take
        return _target_words(cand)
    if kind in lex.location_recipient:
        # "soldiers stayed on alert in the border district", "imposed martial law across the province": a
        # place the act is located in with no state coded for it (at home, or unknown to the gazetteer).
        # The place may hang on the noun that names the act ("kept its units on high alert in Davao", "a
        # dusk-to-dawn curfew in the port").
        holders = [h for h in (tok, trig.light) if h is not None]
        holders += [o for h in holders for p in children(h, ["prep"]) for o in children(p, ["pobj"])]
        holders += [o for h in (tok, trig.light) if h is not None for o in children(h, list(OBJECTS))]
        for holder in holders:
            for prep in children(holder, ["prep"]):
                place = first_child(prep, ["pobj"]) if prep.lower_ in lex.locative_preps else None
                known = res.entity_at(place) if place is not None else None
                if known is not None and known.kind in ("place", "state"):
                    return known.span.text  # a place keeps its name ("Lang Son", not "Son")
                if place is not None and (place.ent_type_ in _PLACE_ENTS or lex.in_class(place, "territory")):
                    return _target_words(place)
    return None


def _struck_thing(
    trig: Trigger,
    kind: str,
    res: Resolver,
    lex: Lexicon,
    patient: Token | None,
    actors: list[Actor],
    found: list[Actor],
) -> list[Actor]:
    """The one recipient a place gives an act done to a thing there, in the thing's words: "struck a
    power plant in Kharkiv" -> UKR, "power plant"; "an attack on a checkpoint in Kunduz" -> AFG,
    "checkpoint" (README: a thing or place of a coded state still has that state). A person or group
    keeps its own words."""
    if len(found) != 1 or found[0].token is None or found[0].kind not in ("place", "state"):
        return found
    if kind not in _DONE_TO or kind not in lex.location_recipient:
        return found
    tok, place, entry = trig.token, res.tokens[found[0].token], trig.entry
    thing = patient or (object_of(tok) if not trig.is_noun else None)
    act = tok if trig.is_noun else thing if thing is not None and _names_act(thing, kind, lex) else None
    if act is None and thing is not None and thing is not patient:
        # What the act moves, discusses or is ("deployed observers", "imposed blockades", "declared a state
        # of emergency") is no thing it is done to.
        decides = kind not in _JUDGED and lex.match(entry.by_object, thing) is not None
        if entry.theme or entry.topic_object or decides or (kind == "MOBILIZE" and is_thing(thing, lex)):
            return found
    if act is not None:  # "an attack on a checkpoint in Kunduz", "launched strikes on a depot"
        preps = entry.recipient_preps or lex.type_preps.get(kind, ())
        thing = next((o for p in children(act, ["prep"]) if p.lower_ in preps for o in children(p, ["pobj"])), None)
    named = [(act, thing), (thing, counted(thing) if thing is not None else None)]
    if any(a is not None and b is not None and f"{a.lower_} of {b.lower_}" in lex.nouns for a, b in named):
        return found  # "a state of emergency"
    thing = counted(thing)
    if thing is None or thing.pos_ != "NOUN" or thing.i == place.i or thing.ent_type_ in _NO_TARGET_ENTS:
        return found
    # Only a place named where the thing or the act is ("in western Kabul", "near Damascus"), not a party
    # the thing's phrase names ("a visit to Washington", "ties with Seychelles", "the ban on the UK").
    prep = place.head if place.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in lex.locative_preps or prep.lower_ == "on":
        return found
    holders = {tok.i, thing.i} | {h.i for h in (trig.light, act) if h is not None}
    if not (prep.head.i in holders or thing.left_edge.i <= place.i <= thing.right_edge.i):
        return found
    if thing.i in {a.token for a in actors} or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in thing.children):
        return found  # the actor's own ("its bombardment of")
    kept = ("people", "civilians", "prisoners", "refugees", "police", "troops", "unnamed_targets")
    if is_group_noun(thing, lex) or any(lex.in_class(thing, c) for c in kept):
        return found  # people keep their words; "struck targets in Lebanon": the place names what is struck
    if _names_act(thing, kind, lex):
        return found  # the act named again ("carried out strikes in Kharkiv")
    return [replace(found[0], text=_target_words(thing))]


def _names_act(tok: Token, kind: str, lex: Lexicon) -> bool:
    """Whether a noun names an act of this type ("strikes", "an attack")."""
    return any(lex.nouns[n].type == kind for n in noun_forms(tok, lex) & lex.nouns.keys())


# Entity labels of a place an act is located in ("in Manila"; or a [classes] territory noun: "in the
# north region").
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


def _target_words(head: Token) -> str:
    """The words of a target: a name as named ("Gjilan"), a noun phrase without its article ("power
    plant"), with what a noun of part or measure is of ("control of the charities", "a spate of
    killings")."""
    if head.ent_type_ and head.pos_ == "PROPN":
        return _name_words(head)
    words = _phrase_words(head)
    of = next((p for p in children(head, ["prep"]) if p.lower_ == "of"), None)
    pobj = first_child(of, ["pobj"]) if of is not None else None
    if pobj is not None and head.pos_ == "NOUN" and not head.ent_type_:
        return f"{words} of {head.doc[pobj.left_edge.i : pobj.i + 1].text}"
    return words


def _holder_prep_objects(holders: list[Token], preps: tuple[str, ...]) -> dict[str, list[Token]]:
    """The objects of the holders' prepositions named in `preps`, by preposition, holder by holder."""
    found_nouns: dict[str, list[Token]] = {}
    for holder in holders:
        for prep in children(holder, ["prep", "dative", "agent"]):
            if prep.lower_ in preps:
                found_nouns.setdefault(prep.lower_, []).extend(children(prep, ["pobj"]))
    return found_nouns


def _subtree_prep_objects(tok: Token, preps: tuple[str, ...]) -> dict[str, list[Token]]:
    """_holder_prep_objects of [tok, *the nouns and proper nouns of tok.subtree] (in that order), found by
    position in the document's SubtreeOrder: a trigger heading a long run of coordinated clauses
    would otherwise read every noun of the run, once per trigger in it."""
    index = parse_index(tok.doc)
    dep, head, lower, pos, kids = index.dep, index.head, index.lower, index.pos, index.kids
    order = subtree_order(index)
    preps_set = frozenset(preps)
    held = [j for j in kids.get(tok.i, ()) if dep[j] in _PREP_DEPS and lower[j] in preps_set]
    inner: list[int] = []
    low, high = order.start[tok.i], order.end[tok.i]
    for word in sorted(preps_set):
        places = subtree_positions(
            index,
            f"noun preps {word}",
            lambda j, word=word: (
                lower[j] == word and dep[j] in _PREP_DEPS and head[j] != j and pos[head[j]] in ("NOUN", "PROPN")
            ),
        )
        for k in range(bisect.bisect_left(places, low), bisect.bisect_left(places, high)):
            j = order.order[places[k]]
            if order.within(tok.i, head[j]):
                inner.append(j)
    inner.sort(key=lambda j: (order.place[head[j]], j))
    found_nouns: dict[str, list[Token]] = {}
    tokens = index.tokens
    for j in held + inner:
        found_nouns.setdefault(lower[j], []).extend(tokens[c] for c in kids.get(j, ()) if dep[c] == "pobj")
    return found_nouns


_PREP_DEPS = frozenset({"prep", "dative", "agent"})


def _prep_recipients(
    holders: list[Token],
    preps: tuple[str, ...],
    res: Resolver,
    lex: Lexicon,
    actors: list[Actor],
    trig: Trigger,
    *,
    domestic: bool,
    found_nouns: dict[str, list[Token]] | None = None,
) -> list[Actor]:
    """The first prepositional object, in the order of `preps`, that names an actor; the holders
    are the trigger and the nouns of its object ("$95 million in aid to Niger"). found_nouns: the
    objects of the holders' prepositions by preposition, when found already (_subtree_prep_objects)."""
    if found_nouns is None:
        found_nouns = _holder_prep_objects(holders, preps)
    for name in preps:
        for pobj in found_nouns.get(name, []):
            found = (
                _domestic(pobj, res, lex, actors, trig) if domestic else res.resolve(pobj, context=False, strict=False)
            )
            found = _not_own(found, actors, lex)
            if found and not domestic:
                # "cut relations with France, and with Nigeria and Togo": the conjoined phrase's too.
                # (The parser may hang the second phrase on the verb: "cut ... with France, and with Nigeria".)
                again = [c for c in pobj.head.conjuncts if c.lower_ == name]
                again += [c for c in children(trig.token, ["conj"]) if c.lower_ == name and c.pos_ == "ADP"]
                for pobj2 in (o for c in again for o in children(c, ["pobj"])):
                    found += [a for a in _not_own(res.resolve(pobj2, context=False, strict=False), actors, lex)]
            if found:
                return found
    return []


_ACTS_ON_OWN_PEOPLE = frozenset({"COERCE", "INVESTIGATE", "CONCEDE", "RETREAT"})


def _domestic(tok: Token, res: Resolver, lex: Lexicon, actors: list[Actor], trig: Trigger) -> list[Actor]:
    """An unnamed person or group as recipient ("the former president", "six militants", "the
    foreign agents law"): the state of the place named, else the actor's own state when the
    actor is a domestic institution or the event is domestic by nature."""
    tok = counted(tok) or tok  # "dozens of commercial ships" are ships
    if any(c.lower_ in ("foreign", "international", "overseas", "western") for c in tok.children):
        return []  # "restrictions on foreign journalists" are not on the state's own people
    nouns = [tok, *[c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")]]
    people = any(lex.in_class(n, "people") or n.lemma_.lower() in lex.org_nouns or is_group_noun(n, lex) for n in nouns)
    # A person the gazetteer does not know, arrested, investigated, freed or pardoned by a state's own
    # institutions ("police detained Marat Osipenko"): one of its people, as PLOVER codes such acts.
    named_person = (
        trig.type in _ACTS_ON_OWN_PEOPLE
        and tok.ent_type_ == "PERSON"
        and tok.pos_ == "PROPN"
        and getattr(res.entity_at(tok), "code", None) is None
        and all(a.kind not in ("igo", "ngo") for a in actors)
    )
    people = people or named_person
    policy = trig.type in ("PROTEST", "REJECT") and any(lex.in_class(n, "policy") for n in nouns)
    # An investigation into an unnamed matter is the investigator's own affair.
    inquiry = trig.type == "INVESTIGATE"
    if not (people or policy or inquiry):
        return []
    located = res.location_state(tok) or res.location_state(trig.token)
    if located is not None:
        # The people keep their own words ("arrested journalists in Algiers": the journalists, as DZA).
        return [replace(located, text=_phrase_words(tok), entity_id=None, token=tok.i)]
    # Armed groups (coded by their country) and domestic institutions act on their own people.
    group = any(a.kind == "group" for a in actors)
    # Militants, rebels, insurgents fought by a state with no place named: its own insurgents.
    combatants = trig.type == "ASSAULT" and (
        any(n.lemma_.lower() in lex.combatants for n in nouns) or trig.mode in ("execute", "torture", "beat")
    )
    # An organisation of states has no people of its own: "the Security Council urged the parties" asks
    # no one it could be coded as.
    if actors and trig.type in _IGO_APPEALS and _igo(actors[0], res):
        return []
    if actors and (
        policy
        or inquiry
        or group
        or combatants
        or trig.type
        in ("COERCE", "INVESTIGATE", "CONCEDE", "DEMAND", "DISAPPROVE", "PROTEST", "REJECT", "RETREAT", "THREATEN")
        or _actor_is_domestic(trig, lex)
    ):
        a = actors[0]
        return [Actor(a.code, _name_words(tok) if named_person else tok.text, None, "context", tok.i)]
    return []


_IGO_APPEALS = frozenset({"DEMAND", "DISAPPROVE", "THREATEN"})


def _igo(actor: Actor, res: Resolver) -> bool:
    """Whether an actor is an organisation of states, or someone who speaks for one ("Guterres")."""
    entity = res.gaz.entity(actor.code) if actor.code else None
    return actor.kind == "igo" or (entity is not None and entity.kind == "igo")


def _targeted(trig: Trigger, res: Resolver) -> bool:
    """Whether a firing has a target ("at Tel Aviv"), even one the gazetteer cannot code."""
    for prep in children(trig.token, ["prep"]):
        pobj = first_child(prep, ["pobj"])
        if pobj is None:
            continue
        if pobj.ent_type_ in ("DATE", "TIME"):
            continue  # "on Monday"
        info = res.entity_at(pobj)
        if info is not None and info.kind == "place" and info.code is None:
            continue  # "toward the Sea of Japan" is a test range, not a target
        if pobj.lemma_.lower() in ("sea", "ocean", "waters", "water", "gulf", "strait", "bay"):
            continue
        if prep.lower_ in ("at", "on", "against", "toward", "towards"):
            return True
        if prep.lower_ == "into" and (pobj.ent_type_ in ("GPE", "LOC", "FAC") or res.entity_at(pobj)):
            return True
    return False


def _actor_is_domestic(trig: Trigger, lex: Lexicon) -> bool:
    subj = subject_of(trig.token) if not trig.is_noun else None
    return subj is not None and lex.in_class(subj, "domestic")


def _unique(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    seen: set[tuple[str, int]] = set()  # (a sentence of hundreds of actors stays linear)
    for a in actors:
        if (a.code, a.token) not in seen:
            seen.add((a.code, a.token))
            out.append(a)
    return out


def _aid_mode(trig: Trigger, lex: Lexicon) -> str | None:
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


def _location(trig: Trigger, res: Resolver) -> tuple[str, Actor] | None:
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
            found = memo[holder.i] = _location_at(holder, res)
        if found is not None:
            return found
    return None


_NOT_READ = object()


def _location_at(holder: Token, res: Resolver) -> tuple[str, Actor] | None:
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


def _negated(trig: Trigger, lex: Lexicon) -> bool:
    tok = trig.token
    if tok.dep_ == "pcomp" and tok.head.lower_ in lex.negation:
        return True  # "said without providing details"
    index = parse_index(tok.doc)
    i = tok.i
    if _negation_child(index, i, lex, det=True):
        return True
    # (acomp: "is not willing to withdraw" negates the withdrawal offered)
    if index.dep[i] in _NEGATED_CHAIN and index.head[i] != i and _negated_above(index, index.head[i], lex):
        return True
    light = trig.light
    return light is not None and _negation_child(index, light.i, lex, det=light.i == i)


def _negation_child(index: ParseIndex, i: int, lex: Lexicon, *, det: bool) -> bool:
    """Whether token i has a negation word as a child ("not", "never", "no" as a determiner if det)."""
    dep, lower, negation = index.dep, index.lower, lex.negation
    return any(
        dep[c] in _NEGATION_DEPS and lower[c] in negation and (det or dep[c] != "det") for c in index.kids.get(i, ())
    )


def _negated_above(index: ParseIndex, i: int, lex: Lexicon) -> bool:
    """Whether token i, above a trigger on its chain of xcomp/conj/acomp links, negates it: a verb
    that says it did not happen ("refused to"), a negation word of its own (not a determiner), or the
    same of the token above it. Memoised per document: a long run of coordinated clauses would
    otherwise be read again for each of its triggers."""
    lemma = index.lemma

    def negates(j: int) -> bool:
        return lemma[j].lower() in lex.transparent_negating or _negation_child(index, j, lex, det=False)

    return memo_up_chain(index, i, memo_of(index, "negated_above", lex), negates, _NEGATED_CHAIN)


def _failed(trig: Trigger, lex: Lexicon) -> bool:
    """Whether the trigger is governed by a verb that says it did not happen ("failed to reach")."""
    current = trig.light if trig.light is not None and trig.is_noun else trig.token
    while current.dep_ in ("xcomp", "conj") and current.head.i != current.i:
        current = current.head
        if current.lemma_.lower() in lex.transparent_negating:
            return True
    return False


def _hedged(trig: Trigger, lex: Lexicon) -> bool:
    return clause_hedged(trig.light if trig.light is not None and trig.is_noun else trig.token, lex)


def _quantity(trig: Trigger, lex: Lexicon) -> int | None:
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


def _date(trig: Trigger, reference: date | None, res: Resolver) -> date | None:
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


def _on_itself(draft: _Draft, res: Resolver) -> _Draft | None:
    """A draft without an actor acting on itself: dropped when its recipient is the actor again
    through a pronoun ("Ukrainian forces had captured them", read back to the forces) or is the
    speaker's own state in the words they are quoted saying ("'We appreciate your support of
    Russian policy,' Putin said": Russia is the speaker, not a recipient); with no recipient when
    that is the actor's own forces ("pulled its troops out of the town" is a withdrawal by the state,
    of no one). A state's own people, opposition, officials or rebels named apart stay recipients of
    its code (the coders' domestic events: "police detained protesters", "Peres blamed Netanyahu",
    "the Taliban attacked a police headquarters in Afghanistan", "arrested his rival"). Read on
    every draft of a sentence, whichever rule or the learned model made it."""
    actor, recipient = draft.actor, draft.recipient
    if recipient is None or recipient.code != actor.code:
        return draft
    if actor.code.startswith(STATELESS):
        # "Jane Roe promised to resign": no one else. "the prime minister", whom _domestic gives the
        # actor's own code, is another: kept by its words (no code: _merge).
        if recipient.pronoun or recipient.text == actor.text or not 0 <= recipient.token < len(res.tokens):
            return replace(draft, recipient=None)
        return draft
    tokens = res.tokens
    quoted = actor.token < 0 or (actor.pronoun and tokens[actor.token].lower_ in res.lex.speaker_pronouns)
    if quoted and recipient.kind == "state":
        return None
    if not 0 <= recipient.token < len(tokens):
        return draft
    tok = tokens[recipient.token]
    if recipient.pronoun and tok.dep_ != "poss":
        return None
    # Not "arrested his rival", "Kuwait and its allies": another, whose the pronoun says.
    noun = tok.head if tok.dep_ == "poss" else tok
    if res.lex.in_class(noun, "troops") and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
        return replace(draft, recipient=None)
    return draft


def _merge(drafts: list[_Draft], sent: Span) -> list[Event]:
    """One event per (type, actor, recipient) in a sentence, pooling what each mention tells - but a
    visit and a meeting or call of the same pair are two events ("visited Pyongyang and met Kim";
    bench/data/news/README: a visit plus talks in one sentence is two events)."""
    merged: dict[tuple[str, str, str | None], list[_Draft]] = {}
    visits: dict[tuple[str, str, str | None], list[_Draft]] = {}
    for d in drafts:
        key = (d.type, d.actor.code, d.recipient.code if d.recipient else None)
        visit = d.type == "CONSULT" and d.mode == "visit" and d.recipient is not None
        (visits if visit else merged).setdefault(key, []).append(d)
    apart: list[tuple[tuple[str, str, str | None], list[_Draft]]] = []
    for key, group in visits.items():
        if any(d.mode in (None, "phone") for d in merged.get(key, ())):
            apart.append((key, group))
        else:
            merged.setdefault(key, []).extend(group)
    # An event without a recipient adds nothing when the same actor and type has one.
    keys = list(merged)
    for key in keys:
        if key[2] is None and any(k[0] == key[0] and k[1] == key[1] and k[2] is not None for k in keys):
            for d in merged.pop(key):
                other = next(k for k in merged if k[0] == key[0] and k[1] == key[1] and k[2] is not None)
                merged[other].append(d)
    events: list[Event] = []
    if not merged:
        return events
    sentence = sentence_text(sent)
    for (kind, actor_code, recipient_code), group in [*merged.items(), *apart]:
        first = group[0]
        recipient = next((d.recipient for d in group if d.recipient is not None), None)
        when = next((d.event_date for d in group if d.event_date), None)
        events.append(
            Event(
                event_type=kind,
                mode=next((d.mode for d in group if d.mode), None),
                actor_id=None if actor_code.startswith(STATELESS) else actor_code,
                actor_text=first.actor.text,
                # A named actor coded as no state ("A and B signed") is no recipient id either.
                recipient_id=None if recipient_code and recipient_code.startswith(STATELESS) else recipient_code,
                recipient_text=recipient.text if recipient else next((d.uncoded for d in group if d.uncoded), None),
                location_id=next((d.location_id for d in group if d.location_id), None),
                event_date=when,
                quantity=next((d.quantity for d in group if d.quantity is not None), None),
                negated=all(d.negated for d in group),
                hedged=any(d.hedged for d in group),
                sentence=sentence,
                start=sent.start_char,
                end=sent.start_char + len(sentence),
            )
        )
    return events
