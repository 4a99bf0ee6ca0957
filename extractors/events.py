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
event rules (which events a trigger makes). Who did it to whom is read in `extractors.roles`, where, when,
negation, hedging, quantity and aid mode in `extractors.event_attributes`. The grammar the rules share with
the quote and claim rules lives below them: clause helpers in `extractors.clauses`, noun phrase resolution
in `extractors.resolution`, trigger finding in `extractors.triggers`. Pure: no network, no database.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from itertools import islice
from typing import Literal

from spacy.tokens import Doc, Span, Token

from extractors import event_attributes, roles
from extractors.clauses import (
    OBJECTS,
    PASSIVE_SUBJECTS,
    SUBJECTS,
    according_to,
    children,
    clause_mood,
    condition_clauses,
    counted,
    first_child,
    gerund_after_to,
    is_infinitive,
    is_verb,
    object_of,
    parse_index,
    prep_object,
    prep_objects,
    sentence_text,
    subject_of,
)
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
    Actor,
    Resolver,
    entity_actor_code,
    is_group_noun,
)
from extractors.triggers import (
    Trigger,
    absorb,
    asked_whether,
    find_triggers,
    is_response,
    is_thing,
    is_war,
    parse_spec,
    prospect_topic,
    supposed_outcome,
    topic_noun,
)

_ALL_SUBJECTS = SUBJECTS | PASSIVE_SUBJECTS


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
    rules_read: dict[int, list[tuple[int, str]]] | None = None,
) -> list[Event]:
    """PLOVER events of every sentence of a parsed document, in reading order. type_model: the
    learned event-type model read after the rules ("shipped": extractors/data's; None: rules only).
    quotes: the document's quotes (extract_quotes), whose speakers act in what they are quoted saying
    when the sentence names them only by a pronoun or not at all. rules_read: if given, filled with
    what the rules read in each sentence (by its first token's index; rule_features), which a stacked
    model is trained on (scripts/train_event_types.py)."""
    lex = lexicon or load_lexicon()
    res = resolver or Resolver(doc, gazetteer, lex)
    if quotes:
        res.spoken = _spoken(quotes, res, gazetteer)
    model = load_event_type_model() if type_model == "shipped" else type_model
    reference = published_at.date() if isinstance(published_at, datetime) else published_at
    events: list[Event] = []
    pact_parties: list[Actor] = []  # the parties of the last pact signed in the text
    helped: dict[str, Actor] = {}  # whom each state's troops, arms or aid went to, as the text said last
    first_helped: dict[str, Actor] = {}  # and as it said first, for the sendings told before it says so
    told_drafts: list[tuple[list[_Draft], Span]] = []
    told: list[Actor] = []  # the parties of the acts the last sentence with events told
    told_at = -1  # and that sentence's number
    for number, sent in enumerate(res.sentences):
        unsure: dict[int, str] = {}  # words the rules declined unsure (triggers.UNSURE)
        triggers = find_triggers(sent, lex, res, unsure)
        absorb(triggers, lex)
        drafts: list[_Draft] = []
        made: list[tuple[Trigger, list[_Draft]]] = []
        for trig in triggers:
            if not trig.absorbed:
                found = _drafts(trig, res, lex, reference)
                if pact_parties and _names_known_pact(trig, lex):
                    found = _with_pact_partner(found, pact_parties)
                if trig.type in _OWNED_AGAIN and any(d.recipient is None for d in found):
                    act = roles.act_told_again(trig, lex)
                    if act is not None:
                        found = _censured_before(found, res.act_owners_before(act))
                if (
                    told
                    and number - told_at <= _TOLD_REACH
                    and trig.type == "DISAPPROVE"
                    and roles.act_named_before(trig, lex)
                ):
                    found = _censured_before(found, told)
                questioned = _questioned_captives(trig, found, res)
                made.append((trig, [*found, *questioned]))
        made = _ultimatums(made, sent, res, lex)
        rejected = _rejected_content(made) | _protest_demands(made) | _letter_contents(made, lex)
        for trig, found in made:
            if trig.token.i not in rejected:
                drafts.extend(found)
        drafts.extend(_pair_drafts(made, drafts, sent, res, reference))
        drafts.extend(_fought_beside(sent, drafts, res, lex, reference))
        drafts.extend(_troops_abroad(sent, drafts, res, lex, reference))
        drafts.extend(_arms_traded(sent, drafts, res, lex, reference))
        drafts = _made_with_help(sent, drafts, res, lex, reference)
        if told and number - told_at <= _PARTNER_REACH:
            drafts = _with_last_partner(drafts, told)
        weighed = model is not None and model.reads_rules
        read = rule_features(triggers, drafts, unsure) if weighed or rules_read is not None else []
        if rules_read is not None:
            rules_read[sent.start] = read
        if model is not None:
            # After every rule: the model's reading of a sentence they read stands only beside theirs
            # (its AID with no mode had taken the place of "killed fighting alongside Russian units").
            # The sentence's features, read once for the review and the model's own reading.
            features = functools.cache(functools.partial(sentence_features, sent, res))
            drafts = _reviewed(model, drafts, read, features)
            drafts.extend(_learned_drafts(model, sent, triggers, drafts, res, lex, reference, unsure, read, features))
        drafts = _with_known_destination(drafts, helped, res, lex)
        drafts = [kept for d in drafts if (kept := _on_itself(d, res)) is not None]
        for draft in drafts:
            if draft.type == "AGREE" and draft.mode == "pact" and draft.recipient is not None:
                pact_parties = [draft.actor, draft.recipient]
            if (draft.type == "AID" or (draft.type == "AGREE" and draft.transfer)) and draft.recipient is not None:
                # "is expected to dispatch more soldiers to help Russia" (AGREE, promised aid) names
                # where the sender's troops go as well as "sent troops to Russia" does
                helped[draft.actor.code] = draft.recipient
                first_helped.setdefault(draft.actor.code, draft.recipient)
        if drafts:
            told, told_at = _acts_parties(drafts), number
        told_drafts.append((drafts, sent))
        _remember_subjects(sent, res)
    for drafts, sent in told_drafts:
        # "the 11,000 who were quietly deployed last November" before the text says where they went
        events.extend(_merge(_with_known_destination(drafts, first_helped, res, lex), sent))
    return events


# Acts whose recipient, not actor, is whom a later criticism of "this" would be aimed at ("Japan denounced
# the cooperation between Russia and North Korea. Concern over these moves ...": Russia and North Korea).
_JUDGEMENTS = frozenset({"DISAPPROVE", "REJECT", "PROTEST", "SANCTION", "DEMAND", "THREATEN", "INVESTIGATE"})


# Acts aimed at whoever did an act they name again ("condemned the attack", "ratified the treaty"): its
# doers, as the sentence that told it named them (Resolver.act_owners_before).
_OWNED_AGAIN = frozenset({"DISAPPROVE", "REJECT", "AGREE", "SUPPORT"})


# Acts between partners that go on with the partner the last sentence with events named (_with_last_partner),
# and how many sentences back that sentence may be: 2 gained seven right pairs on the tuning half over 1 and
# lost none, 3 one more; appeals, cooperation and aid beside agreements, support and meetings two more.
_WITH_THE_PARTNER = frozenset({"AGREE", "SUPPORT", "CONSULT", "DEMAND", "COOPERATE", "AID"})
_PARTNER_REACH = 2


# How many sentences back "the launch" or "this" still names the acts told (further on, past other matters, a
# criticism keeps no recipient rather than take a stale one): 4 keeps every reading the training files gained
# from it; 2 lost three right pairs and two wrong ones.
_TOLD_REACH = 4


# The joint acts a subject that only counts two sides does with each other (_pair_drafts).
_PAIR_KINDS = frozenset({"AGREE", "CONSULT", "COOPERATE"})


def _pair_drafts(
    made: list[tuple[Trigger, list[_Draft]]],
    drafts: list[_Draft],
    sent: Span,
    res: Resolver,
    reference: date | None,
) -> list[_Draft]:
    """An agreement, meeting or cooperation whose subject is only "the two leaders", "both sides" or "the
    two", which no state resolves: between the two sides of the meeting the sentence tells ("held talks with
    Duda, at which the two leaders agreed to ..."), else the two states it names ("ties between Hanoi and
    Vientiane have grown since the two countries signed a pact", "assured Kim ... when the two leaders held
    talks"); one each way. Nothing when the sentence names no pair: the news coders leave "the two
    countries agreed" uncoded when only an earlier sentence names them."""
    out: list[_Draft] = []
    for trig, found in made:
        if found or trig.type not in _PAIR_KINDS or trig.is_noun or not _pair_subject(trig.token, res.lex):
            continue
        met = _acts_parties([d for d in drafts if d.type == "CONSULT"])
        # Not a state named in the topic of what was agreed ("both sides agreed to continue dialogue on
        # Kim's visit to Laos", told by a third state): the topic names no side. A meeting or cooperation
        # counted so takes its sides from outside its own clause, which names where and what ("the two
        # leaders last met in Kazan, Russia", "discussed the Kenya-Ethiopia border").
        sides = [
            a
            for a in _named_sides(sent, res, trig.type)
            if a.token is None
            or not (
                _in_topic(res.tokens[a.token], trig.token, res.lex)
                or (trig.type != "AGREE" and trig.token in res.tokens[a.token].ancestors)
            )
        ]
        named = list({a.code: a for a in sides}.values())
        if trig.type == "AGREE":
            pair = met if len(met) == 2 else named if len(named) == 2 else []
        else:
            pair = named if len(named) == 2 else []
        if trig.type == "CONSULT" and {a.code for a in pair} <= {a.code for a in met}:
            continue  # "met Choe, and the two sides discussed ties": the meeting told already
        if not pair or event_attributes.negated(trig, res.lex):
            continue
        when = event_attributes.event_date(trig, reference, res)
        hedged = event_attributes.hedged(trig, res.lex)
        first, second = pair
        for actor, recipient in ((first, second), (second, first)):
            out.append(_Draft(trig.type, trig.mode, actor, recipient, None, when, None, False, hedged))
    return out


# The types whose "on" phrases are topics ("talks on", "agreed on"); "sanctions on", "strikes on" aim.
_TOPIC_KINDS = frozenset({"AGREE", "CONSULT"})
_TOPIC_DEPTH = 8


def _in_topic(name: Token, verb: Token, lex: Lexicon) -> bool:
    """Whether a name stands in a topic phrase under a verb ("agreed to continue dialogue on Kim's visit
    to Laos"), a few heads up at most: the lexicon's topic prepositions say what is dealt with, not who."""
    current = name
    for _ in range(_TOPIC_DEPTH):
        if current.i == verb.i or current.head.i == current.i:
            return False
        if current.dep_ == "prep" and current.lower_ in lex.topic_preps:
            return any(t.i == verb.i for t in current.ancestors)
        current = current.head
    return False


def _pair_subject(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb's subject counts two sides and names neither: "the two leaders", "both sides",
    "the two", "both"."""
    subj = first_child(verb, ["nsubj"])
    if subj is None or subj.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
        return False
    if subj.lower_ in lex.pair_counts:
        return True
    counts = [c for c in subj.children if c.dep_ in ("nummod", "det", "predet") and c.lower_ in lex.pair_counts]
    named = [c for c in subj.children if c.dep_ in ("amod", "compound", "poss") and (c.ent_type_ or c.pos_ == "PROPN")]
    return subj.tag_ == "NNS" and bool(counts) and not named


def _acts_parties(drafts: list[_Draft]) -> list[Actor]:
    """Who did the acts a sentence told (and with whom): each act's actor and recipient, a judgement's
    recipient only; coded states and organisations alone."""
    parties: list[Actor] = []
    for draft in drafts:
        sides = [draft.recipient] if draft.type in _JUDGEMENTS else [draft.actor, draft.recipient]
        for side in sides:
            coded = side is not None and not side.code.startswith(roles.STATELESS)
            if coded and all(side.code != p.code for p in parties):
                parties.append(side)
    return parties


def _censured_before(found: list[_Draft], told: list[Actor]) -> list[_Draft]:
    """A criticism with no recipient of an act named again ("condemned the launch", "denounced this"):
    aimed at whoever did the acts the last sentence with events told (as the news coders code "Seoul
    denounced this": the doers of what was just reported), not at the critic itself."""
    out: list[_Draft] = []
    for draft in found:
        others = [p for p in told if p.code != draft.actor.code] if draft.recipient is None else []
        if not others:
            out.append(draft)
            continue
        out += [replace(draft, recipient=p, uncoded=None) for p in others]
    return out


def _with_last_partner(drafts: list[_Draft], told: list[Actor]) -> list[_Draft]:
    """An act between partners with no one named beside its actor, shortly after a sentence with events that
    told the actor acting with exactly one other ("The ministers of A and B held talks. A pledged to
    expand flights"): with that other. Not when that sentence named the actor with several others or
    not at all, nor when the sentence names whom the actor's act of that type is aimed at elsewhere."""
    aimed = {(d.type, d.actor.code) for d in drafts if d.recipient is not None or d.uncoded}
    out: list[_Draft] = []
    for draft in drafts:
        others = [p for p in told if p.code != draft.actor.code]
        alone = draft.recipient is None and (draft.type, draft.actor.code) not in aimed
        if alone and draft.type in _WITH_THE_PARTNER and len(others) == 1 and len(others) < len(told):
            draft = replace(draft, recipient=others[0])
        out.append(draft)
    return out


def _speaker_actor(quote: Quote, gazetteer: Gazetteer, lex: Lexicon) -> Actor | None:
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
    if entity.kind == "organisation" and any(w in role for w in lex.outlet_words) and "state" not in role:
        return None  # a news outlet quoted is no actor (it reports), unless the state runs it ("KCNA said")
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
        actor = _speaker_actor(quote, gazetteer, res.lex)
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


def _ultimatums(
    made: list[tuple[Trigger, list[_Draft]]], sent: Span, res: Resolver, lex: Lexicon
) -> list[tuple[Trigger, list[_Draft]]]:
    """An ultimatum, a demand closed by "or face / or risk" its consequence ("demanded that Quito free the crew
    by Friday or face sanctions"): THREATEN alone from the demander to the one told (CAMEO 139 "give
    ultimatum"; bench/data/news/README, stop-44 ruling), the consequence named no event of its own. A
    deadline with no consequence stays a DEMAND. With no demand verb ("gave Quito until Friday to free the crew or
    face sanctions", "set a deadline for Quito to withdraw or face consequences"), the act demanded is the threat,
    from whoever gives the time or sets the deadline to whoever is told to act."""
    doc = sent.doc
    closing = [
        t for t in sent if t.lemma_.lower() in lex.ultimatum_verbs and t.i > sent.start and doc[t.i - 1].lower_ == "or"
    ]
    if not closing:
        return made
    by_token = {trig.token.i: n for n, (trig, _) in enumerate(made)}
    threats: set[int] = set()
    consequences: set[int] = set()
    given: dict[int, _Draft] = {}  # the act demanded with no demand verb -> the threat it stands for
    demanded: set[int] = set()  # the acts demanded: asked for, not done ("to withdraw its troops or face")
    for face in closing:
        consequences |= {t.i for t in face.subtree}
        if face.dep_ == "conj":
            demanded.add(face.head.i)
        # The nearest demand above it: a few heads up, past the demanded clause ("release ... or face").
        for up in islice(face.ancestors, 4):
            n = by_token.get(up.i)
            if n is not None and any(d.type == "DEMAND" for d in made[n][1]):
                threats.add(n)
                break
        else:
            n = by_token.get(face.head.i) if face.dep_ == "conj" else None
            threat = _ultimatum_given(face.head, made[n][1], res) if n is not None else None
            if threat is not None:
                given[n] = threat
    out: list[tuple[Trigger, list[_Draft]]] = []
    for n, (trig, found) in enumerate(made):
        if trig.token.i in consequences:
            continue  # "or face sanctions": the sanctions threatened, not imposed
        if n in threats:
            found = [replace(d, type="THREATEN", mode=None) if d.type == "DEMAND" else d for d in found]
        if n in given:
            found = [given[n]]
        elif trig.token.i in demanded and not any(d.type in ("DEMAND", "THREATEN") for d in found):
            continue
        out.append((trig, found))
    return out


def _ultimatum_given(demanded: Token, found: list[_Draft], res: Resolver) -> _Draft | None:
    """The threat of an ultimatum told by the time it gives: "gave Quito until Friday to free the crew or face
    ...", "set a deadline for Quito to withdraw or face ..." (the act demanded an infinitive under the verb
    or the deadline noun): THREATEN from the verb's subject to the infinitive's own subject, else the verb's
    indirect or direct object that names an actor."""
    if not found or demanded.dep_ not in ("advcl", "acl", "xcomp") or not is_infinitive(demanded):
        return None
    verb = demanded.head.head if demanded.head.pos_ == "NOUN" else demanded.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    givers = res.resolve(first_child(verb, SUBJECTS), context=True)
    if not givers:
        return None
    told = res.resolve(first_child(demanded, SUBJECTS), context=False, strict=False)
    for dep in ("dative", "dobj"):
        told = told or res.resolve(first_child(verb, [dep]), context=False, strict=False)
    told = [t for t in told if t.code != givers[0].code]
    return replace(found[0], type="THREATEN", mode=None, actor=givers[0], recipient=told[0] if told else None)


# How a demand hangs from the protest that makes it: "marched ... demanding", "rallied, urging" (advcl), "a march
# calling for" (acl on the protest noun), "crowds calling on the government to ... had gathered" (acl on the
# protesters, the protest verb's subject).
_PROTEST_CLAUSES = frozenset({"advcl", "acl", "xcomp", "conj"})


def _protest_demands(made: list[tuple[Trigger, list[_Draft]]]) -> set[int]:
    """The demands a protest in the sentence makes ("Thousands marched in Quito demanding the minister's
    resignation"): the codebook's PROTEST section codes the protest alone, its topic being no separate
    event, and its DEMAND section codes demands made by demonstrating as PROTEST (stop-44 ruling). A demand
    with no protest act in its sentence ("protesters called on the government to ...") stays a DEMAND."""
    protests = {trig.token.i for trig, found in made if any(d.type == "PROTEST" for d in found)}
    if not protests:
        return set()
    inside: set[int] = set()
    for trig, found in made:
        tok = trig.token
        if trig.is_noun or not found or any(d.type != "DEMAND" for d in found) or tok.dep_ not in _PROTEST_CLAUSES:
            continue
        if first_child(tok, SUBJECTS) is not None:
            continue  # "protested, while Japan demanded that ...": a demand with a subject of its own
        head = tok.head
        protesters_of = head.head.i if head.dep_ in _ALL_SUBJECTS else None
        if head.i in protests or protesters_of in protests:
            inside.add(tok.i)
    return inside


# The anchor of rule_features: no token, so that what the rules read is never a learned event's evidence.
_NO_TOKEN = -1


def rule_features(triggers: list[Trigger], drafts: list[_Draft], unsure: Mapping[int, str]) -> list[tuple[int, str]]:
    """What the rules read in a sentence, as features of a stacked model (EventTypeModel.stacked), which
    learns where they err: each event's type, its mode, and whether it has no recipient, is hedged or
    negated; the types of the words they declined, and why they were unsure of a word (triggers.UNSURE)."""
    found: list[str] = []
    for draft in drafts:
        found += [f"r:{draft.type}", f"rm:{draft.type}:{draft.mode or '-'}"]
        found += [f"r{flag}:{draft.type}" for flag, on in (("b", draft.recipient is None), ("h", draft.hedged)) if on]
        if draft.negated:
            found.append(f"rn:{draft.type}")
    found += [f"rd:{trig.type}" for trig in triggers if trig.declined]
    found += [f"ru:{reason}" for reason in unsure.values()]
    return [(_NO_TOKEN, f) for f in dict.fromkeys(found)]


def _reviewed(
    model: EventTypeModel,
    drafts: list[_Draft],
    read: list[tuple[int, str]],
    features: Callable[[], list[tuple[int, str]]],
) -> list[_Draft]:
    """The rules' events as the learned model reviews them (EventTypeModel.review): one of a type it finds
    very unlikely in the sentence takes the type it reads there with confidence instead ("sent troops to
    help Russia" read as MOBILIZE by a lexicon word, AID by the model), or is dropped. Chosen by k-fold
    on the training files (scripts/train_event_types.py). read: what the rules read (rule_features),
    which a stacked model or the model's gate weighs too; features: the sentence's (sentence_features)."""
    if not drafts or not model.reviews:
        return drafts  # nothing to review, or a model that reviews nothing: no features to read
    review = model.review(features(), {d.type for d in drafts}, read)
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
    unsure: Mapping[int, str] | None = None,
    rules_read: Sequence[tuple[int, str]] = (),
    features_of: Callable[[], list[tuple[int, str]]] | None = None,
) -> list[_Draft]:
    """Events the learned model reads in a sentence that names an actor and where the rules found
    none: the token that carries the model's evidence for a type is taken as a trigger of that type,
    and the rules' own helpers read its actor, recipient and details; failing them, the subject of
    the clause above the word, then the only two actors the sentence names (no actor or no recipient
    found: no event).
    Where the rules found an event their reading stands, but for a type the model adds beside them
    (EventTypeModel.added_from) they did not read, from its probability there, on a word outside every
    trigger's own clause (a visit and a signing). A word the rules read as a trigger is theirs too, and
    one of the lexicon they declined stays declined unless they were unsure of it (`unsure`, token index
    -> triggers.UNSURE reason) and the model is sure enough (EventTypeModel.unsure_overrule). rules_read: what
    the rules read (rule_features), which a stacked model weighs too; features_of: the sentence's features
    (sentence_features), if read already."""
    if (drafts and not model.adds_beside_rules) or not mentions_actor(sent, res):
        return []
    ruled = {d.type for d in drafts}
    own = _own_clauses(triggers) if drafts and model.added_outside_clauses else set()
    if drafts and not any(t.i not in own and t.pos_ in _EVIDENCE_POS for t in sent):
        return []  # no word outside the rules' clauses: nothing to add beside them (and no features to read)
    read = {t.token.i for trig in triggers for t in (trig, *trig.inner)}
    read |= {trig.light.i for trig in triggers if trig.light is not None}
    # A clause the rules set aside (appealed for, denied, only considered, the war as background) is
    # no event in other words either: "will reconsider whether to send air defence systems to Kyiv".
    declined = [trig.token for trig in triggers if trig.declined]
    learned: list[_Draft] = []
    features = (features_of or functools.partial(sentence_features, sent, res))()
    features = features + list(rules_read) if model.stacked else features
    if drafts and not model.adds_any(model.probabilities(features), ruled):
        return []  # no type to add beside the rules' (the evidence per type is not read)
    for kind, probability, evidence in model.predict(features, exclude=read):
        if drafts and (kind in ruled or not model.adds(kind, probability) or evidence in own):
            continue
        tok = res.tokens[evidence]
        if any(d.left_edge.i <= tok.i <= d.right_edge.i for d in declined):
            continue
        # A word the rules were unsure of, in a clause hedged ("if Minsk sends cooks"), stays theirs.
        reason = (unsure or {}).get(tok.i)
        reason = None if reason is None or clause_mood(tok, lex).hedged else reason
        if reason == "object" and any(c.dep_ in PASSIVE_SUBJECTS for c in tok.children):
            # A passive verb's object is its subject, and the roles read from it turn round ("Ukrainian
            # soldiers are being trained in Poland" is no Ukrainian aid to Poland): the decline holds.
            reason = None
        if (_declined(tok, kind, lex) and not _overruled(model, kind, probability, reason)) or any(
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
        if kind == "AID":
            # Whose troops they are gives; and a state gives no aid to the state it is at war with ("to
            # push back the Ukrainian forces" by Russia's troops).
            found = [_troops_lent(d, res, lex) for d in found]
            found = [d for d in found if d.recipient is None or not _at_war(d.actor.code, d.recipient.code, lex)]
        # A negated reading ("there has been no deployment") is no event the model was taught; one with
        # nobody named on the other side was mostly a misreading (news-dev, PLV_train, the seed), but for
        # the types the model lets stand alone from their probability (EventTypeModel.recipientless_from).
        bare = model.stands_alone(kind, probability)
        learned += [d for d in found if not d.negated and (d.recipient is not None or bare)]
    return learned


# Clauses that hang from a trigger but are their own: a second act ("and signed"), a reported or adverbial
# clause, a relative clause on a trigger noun ("the visit, during which they signed").
_OWN_CLAUSES = frozenset({"conj", "advcl", "ccomp", "parataxis", "relcl"})
# The parts of speech a learned event's evidence can be (event_types._WORD_FEATURES: verbs, nouns, adjectives).
_EVIDENCE_POS = frozenset({"VERB", "NOUN", "ADJ"})


def _own_clauses(triggers: list[Trigger]) -> set[int]:
    """The tokens of the rules' triggers' own clauses: each trigger word's subtree but the clauses of
    their own hanging from it (_OWN_CLAUSES). Read as spans (a subtree of the projective parse runs from
    its left to its right edge) counted in one sweep: one sentence of 500 coordinated acts has 500
    triggers whose subtrees overlap, and sets of their tokens cost seconds (bench/large_shapes.py)."""
    steps: dict[int, int] = {}  # token index -> how many own clauses open (+) or close (-) there

    def step(start: int, end: int, by: int) -> None:
        steps[start] = steps.get(start, 0) + by
        steps[end + 1] = steps.get(end + 1, 0) - by

    for trig in triggers:
        tok = trig.token
        step(tok.left_edge.i, tok.right_edge.i, 1)
        for c in tok.children:
            if c.dep_ in _OWN_CLAUSES:
                step(c.left_edge.i, c.right_edge.i, -1)
    inside: set[int] = set()
    depth, opened = 0, 0
    for i in sorted(steps):
        if depth > 0:
            inside.update(range(opened, i))
        depth, opened = depth + steps[i], i
    return inside


def _troops_lent(draft: _Draft, res: Resolver, lex: Lexicon) -> _Draft:
    """A learned AID whose recipient is named on troops that a verb of using forces acts on ("Russian
    officers were using the North Korean troops", "Russian forces were throwing North Korean soldiers
    into assaults"): the troops' state lends them, to whoever uses them (lexicon force_users)."""
    if draft.recipient is None or draft.recipient.token is None or draft.recipient.token < 0:
        return draft
    named = res.tokens[draft.recipient.token]
    troops = named if lex.in_class(named, "troops") else named.head
    if troops is not named and named.dep_ not in ("amod", "compound", "poss", "nmod"):
        return draft
    if not lex.in_class(troops, "troops") or troops.dep_ not in OBJECTS:
        return draft
    if troops.head.lemma_.lower() not in lex.force_users:
        return draft
    return replace(draft, actor=draft.recipient, recipient=draft.actor)


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
    sides: dict[bool, list[Actor]] = {}  # read once per sentence and kind, not once per draft
    for draft in found:
        if draft.recipient is not None:
            kept.append(draft)
            continue
        cooperative = draft.type in _COOPERATIVE
        if cooperative not in sides:
            sides[cooperative] = _named_sides(sent, res, draft.type)
        others = [a for a in sides[cooperative] if a.code != draft.actor.code]
        if len({a.code for a in others}) != 1:
            kept.append(draft)
            continue
        kept.append(replace(draft, recipient=others[0]))
    return kept


def _named_sides(sent: Span, res: Resolver, kind: str) -> list[Actor]:
    """The actors a sentence names besides its source ("Zelenskiy said", "according to TASS"), in
    order: who a learned reading's other side can be. For a type other than cooperation, not a partner
    named beside someone ("were killed in fighting alongside Russian troops": nobody's target)."""
    named = roles.unique(
        [
            a
            for ent in res.sent_ents(sent)
            if not _is_source(ent.root, res.lex) and (a := _ent_actor(res, ent)) is not None
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
    # Bounded: a list of hundreds of names joined by "and" is a chain of conj links as deep as it is long.
    for _ in range(_BESIDE_DEPTH):
        if up.dep_ not in ("amod", "compound", "nmod", "poss", "pobj", "appos", "conj") or up.head.i == up.i:
            return False
        if up.dep_ == "pobj":
            return up.head.lower_ in _BESIDE
        up = up.head
    return False


_BESIDE_DEPTH = 16


def _clause_subject_drafts(kind: str, tok: Token, res: Resolver, lex: Lexicon, reference: date | None) -> list[_Draft]:
    """A learned type whose evidence word the role helpers found no actor for ("the deal Moscow struck
    with Pyongyang", "an attack by ..."): the actor is the subject of the nearest clause above the
    evidence that names one (not a speaker's: "officials said"), read as a trigger of that clause's
    verb; the other side is then the one other actor named (_with_named_other)."""
    speaking = lex.reporting_verbs
    for verb in [tok, *islice(tok.ancestors, 4)]:
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in speaking:
            continue
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        actors = res.resolve(subject, context=False) if subject is not None else []
        if not actors:
            continue
        trig = Trigger(verb, Entry(kind), kind, None)
        if event_attributes.negated(trig, lex):
            return []
        location = event_attributes.location(trig, res)
        return [
            _Draft(
                kind,
                None,
                a,
                None,
                location[0] if location else None,
                event_attributes.event_date(trig, reference, res),
                None,
                False,
                event_attributes.hedged(trig, lex),
            )
            for a in actors
        ]
    return []


def _named_pair_drafts(kind: str, tok: Token, sent: Span, res: Resolver, reference: date | None) -> list[_Draft]:
    """A learned type in a sentence that names exactly two actors besides its source, neither of
    them the subject of a clause ("the dispatch of North Korean forces to Russia", "cooperation
    between Pyongyang and Moscow"): the first named acts towards the second. Not a name in the topic of
    talks or an agreement ("agreed to keep up the dialogue on Lavrov's trip to Laos"): what is dealt
    with, not who deals (as the rules' own pair reading, `_pair_drafts`)."""
    named = _named_sides(sent, res, kind)
    if kind in _TOPIC_KINDS:
        named = [a for a in named if a.token is None or not _in_topic(res.tokens[a.token], tok, res.lex)]
    codes = list(dict.fromkeys(a.code for a in named))
    if len(codes) != 2:
        return []
    first = next(a for a in named if a.code == codes[0])
    second = next(a for a in named if a.code == codes[1])
    trig = Trigger(tok, Entry(kind), kind, None)
    if event_attributes.negated(trig, res.lex):
        return []
    return [
        _Draft(
            kind,
            None,
            first,
            second,
            None,
            event_attributes.event_date(trig, reference, res),
            None,
            False,
            event_attributes.hedged(trig, res.lex),
        )
    ]


# The fallback to a clause's subject is a looser reading: the model must be surer of the type; the
# fallback to the two actors named, looser still, surer again (k-fold on the training files: at 0.5
# news-dev and the PLOVER records lost an event each; at 0.7 they hold).
_SUBJECT_CONFIDENCE = 0.5
_PAIR_CONFIDENCE = 0.7


def _is_source(tok: Token, lex: Lexicon) -> bool:
    """Whether a name stands as the source of the sentence ("Zelenskiy said ...", "according to
    Peskov", "as cited by TASS"): who reports an event is not its other side."""
    speaking = lex.reporting_verbs
    for up in [tok, *islice(tok.ancestors, 4)]:
        if up.dep_ in SUBJECTS and up.head.lemma_.lower() in speaking:
            return True  # the speaker's noun phrase ("South Korean officials said")
        said_by = up.lower_ == "by" and (
            up.head.lemma_.lower() in speaking or up.head.lemma_.lower() in lex.citing_verbs
        )
        if up.lower_ == "according" or said_by:
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


def _overruled(model: EventTypeModel, kind: str, probability: float, reason: str | None) -> bool:
    """Whether the model's reading of `kind` stands on a word the rules declined (the model's own
    blanket overrule, or the rules' reason `reason` being one they were unsure of and the model overrules
    for the type: EventTypeModel.unsure_overrule)."""
    if model.overrules(kind, probability):
        return True
    return reason is not None and model.overrules_unsure(reason, kind, probability)


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
    location = event_attributes.location(trig, res)
    if not actors or location is None or event_attributes.negated(trig, res.lex):
        return []
    if kind in _GATHERING_TYPES and location[1].code in {a.code for a in actors}:
        # Parties meeting, signing or cooperating in one of their own countries ("the ministers of Chile,
        # Peru, Bolivia and Ecuador signed an agreement in Lima"): the place is where they gathered, not
        # another side of it.
        return []
    when = event_attributes.event_date(trig, reference, res)
    return [
        _Draft(kind, None, a, location[1], location[0], when, None, False, event_attributes.hedged(trig, res.lex))
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
        partner = prep_object(tok, _BESIDE)
        partners = res.resolve(partner, context=False, strict=False) if partner is not None else []
        if partner is None and tok.lower_ == "fighting":
            # "have died fighting for Russia" (the gerund parsed as a noun): for a state, not for a
            # place ("the fighting for Bakhmut" is a battle over it)
            fought_for = prep_object(tok, ("for",))
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
        if event_attributes.negated(trig, lex):
            continue
        when, hedged = event_attributes.event_date(trig, reference, res), event_attributes.hedged(trig, lex)
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
            word in presence or word in lex.movement_verbs or word in ("be", "take", "join")
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
        if not actors or event_attributes.negated(trig, lex) or _denied_forces(tok, forces, lex):
            continue
        if asked_whether(tok):
            continue  # "could not confirm whether North Korean soldiers were fighting for Russia": a question
        if word == "train":
            # Trainees abroad aid the host only in its war ("trained in Russia" before the front);
            # "Ukrainian soldiers trained in Britain" are helped by Britain, not helping it.
            owners = [o for o in owners if any(o.code in pair.split() for pair in lex.belligerents)]
        when, hedged = (
            event_attributes.event_date(trig, reference, res),
            hedged_by_belief or event_attributes.hedged(trig, lex),
        )
        for a in actors:
            if any(d.type == "AID" and d.actor.code == a.code for d in drafts + found):
                continue
            for owner in roles.unique(owners):
                if owner.code == a.code or _at_war(a.code, owner.code, lex) or any(f.code == owner.code for f in foes):
                    continue
                found.append(_Draft("AID", "military", a, owner, None, when, None, False, hedged))
    return found


def _arms_traded(sent: Span, drafts: list[_Draft], res: Resolver, lex: Lexicon, reference: date | None) -> list[_Draft]:
    """Arms that pass between two states with no direction said ("condemned the arms transfers between
    Belarus and Russia", "the transfer of drones between Minsk and Moscow", "carried military cargo
    between Russia and Belarus") go to the one of the pair at war (lexicon belligerents), AID/military
    from the other (README "Troops": weapons sent to help a state are AID to it); arms moved "from" one
    state "to" another with no doer named ("the shipment of arms from Minsk to Moscow") are the first
    state's AID to the second; a purchase of another state's arms ("Russia's purchase of Belarusian
    drones", "of drones from Belarus") is the seller's AID to the buyer, as the verb "buy" reads."""
    found: list[_Draft] = []
    index = parse_index(sent.doc)
    lower, lemma = index.lower, index.lemma
    for i in range(sent.start, sent.end):
        word = lemma[i].lower()
        if lower[i] == "between":
            pair = _arms_pair(index.tokens[i], res, lex)
            if pair is None:
                continue
            giver, taker, act = pair
        elif word in lex.purchase_nouns or lower[i] in lex.purchase_nouns:
            bought = _bought_arms(index.tokens[i], res, lex)
            if bought is None:
                continue
            giver, taker, act = bought
        elif word in lex.liberation_words or lower[i] in lex.liberation_words:
            share = _liberation_share(index.tokens[i], res, lex)
            if share is None:
                continue
            giver, taker, act = share
        elif word in lex.war_part_nouns:
            share = _war_share(index.tokens[i], res, lex)
            if share is None:
                continue
            giver, taker, act = share
        elif word in lex.transfer_nouns or word in lex.transfer_verbs or word in lex.carrying_verbs:
            route = _arms_route(index.tokens[i], res, lex)
            if route is None:
                continue
            giver, taker, act = route
        else:
            continue
        trig = Trigger(act, Entry("AID"), "AID", "military")
        if event_attributes.negated(trig, lex) or _conjectured(act, lex):
            continue
        if any(d.type == "AID" and d.actor.code == giver.code and d.recipient == taker for d in drafts + found):
            continue
        when, hedged = event_attributes.event_date(trig, reference, res), event_attributes.hedged(trig, lex)
        found.append(_Draft("AID", "military", giver, taker, None, when, None, False, hedged))
    return found


def _made_with_help(
    sent: Span, drafts: list[_Draft], res: Resolver, lex: Lexicon, reference: date | None
) -> list[_Draft]:
    """A thing made with another state's help ("the missile was developed with technical cooperation
    from Russia", "built the reactor with help from Moscow", "makes drones with Russian assistance"):
    the helper's AID to the maker, military when the thing is a weapon, in the place of the cooperation
    each way its noun reads; made still to come ("would build it with Moscow's help"), AGREE (promised
    aid, news README "Promised aid")."""
    index = parse_index(sent.doc)
    out = drafts
    for i in range(sent.start, sent.end):
        if index.lower[i] != "with" or index.dep[i] != "prep":
            continue
        made_with = _help_made_with(index.tokens[i], res, lex)
        if made_with is None:
            continue
        helper, maker, verb = made_with
        trig = Trigger(verb, Entry("AID"), "AID", None)
        if event_attributes.negated(trig, lex):
            continue
        pair = {helper.code, maker.code}
        out = [
            d for d in out if not (d.type == "COOPERATE" and d.recipient and {d.actor.code, d.recipient.code} == pair)
        ]
        if event_attributes.future(trig, lex):
            kind, mode = "AGREE", None
        else:
            kind, mode = "AID", "military" if lex.in_class(counted(object_of(verb)), "weapons") else None
        if any(d.type == kind and d.actor.code == helper.code and d.recipient == maker for d in out):
            continue
        when, hedged = event_attributes.event_date(trig, reference, res), event_attributes.hedged(trig, lex)
        out = [*out, _Draft(kind, mode, helper, maker, None, when, None, False, hedged)]
    return out


def _help_made_with(with_: Token, res: Resolver, lex: Lexicon) -> tuple[Actor, Actor, Token] | None:
    """(the helper, the maker, the making verb) of "with" + a help noun on a verb of making: the helper
    the noun's own state ("Russia's help", "Russian assistance", "help from Moscow", "the help of
    Russian engineers"), the maker the verb's subject or agent, else the state of the thing made ("the
    North Korean missile was developed")."""
    verb, noun = with_.head, first_child(with_, ["pobj"])
    if verb.dep_ in OBJECTS:
        verb = verb.head  # "will build the plant with Russia's help": the parser hangs it on the thing made
    if noun is None or noun.lemma_.lower() not in lex.help_nouns or not is_verb(verb):
        return None
    if verb.lemma_.lower() not in lex.making_verbs:
        return None
    helpers = res.resolve(noun, context=False, strict=False)
    makers = roles.actors(Trigger(verb, Entry("AID"), "AID", None), res, lex)[0]
    if not makers:
        made = object_of(verb)
        makers = res.resolve(made, context=False, strict=False) if made is not None else []
    if len({a.code for a in helpers}) != 1 or len({a.code for a in makers}) != 1:
        return None
    helper, maker = helpers[0], makers[0]
    if helper.code == maker.code or helper.kind != "state" or maker.kind not in ("state", "place"):
        return None
    return helper, maker, verb


def _conjectured(act: Token, lex: Lexicon) -> bool:
    """ "possible arms transfers between", "a potential sale": an act only supposed."""
    return any(c.dep_ == "amod" and c.lower_ in lex.hypothetical for c in act.children)


def _arms_goods(noun: Token, lex: Lexicon) -> bool:
    """Whether a trade noun is one in arms: "arms transfers", "missile deliveries", "the transfer of
    ballistic missiles", "container shipments", "military cargo", "arms dealing" (the parser hangs the
    gerund on "arms")."""
    goods = [noun, *children(noun, ["compound", "amod"]), *(counted(o) for o in prep_objects(noun, ("of",)))]
    if noun.dep_ == "acl":
        goods.append(noun.head)
    if any(lex.in_any_class(g, ("weapons", "cargo")) for g in goods if g is not None):
        return True
    return any(c.dep_ == "amod" and c.lower_ == "military" for c in noun.children)


def _arms_pair(between: Token, res: Resolver, lex: Lexicon) -> tuple[Actor, Actor, Token] | None:
    """(giver, taker, the trade word) of an arms trade "between" two states, one of them at war."""
    if between.dep_ != "prep" or between.lower_ != "between":
        return None
    head = between.head
    trade = lex.transfer_nouns | lex.trade_nouns
    of = head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    if of is not None and of.head.lower_ in trade:
        head = of.head  # "the transfer of drones between Minsk and Moscow": the parser hangs it on the goods
    if head.pos_ in ("NOUN", "VERB") and (head.lower_ in trade or head.lemma_.lower() in trade):
        act = head  # "arms transfers between", "arms dealing between"
        if not _arms_goods(head, lex):
            return None
    elif head.pos_ == "VERB" and head.lemma_.lower() in lex.transfer_verbs | lex.carrying_verbs:
        act = head  # "carried military cargo between Russia and Belarus"
        if not _arms_goods(counted(object_of(head)) or head, lex) or object_of(head) is None:
            return None
    else:
        return None
    sides = [a for a in res.resolve(first_child(between, ["pobj"]), context=False) if a.kind == "state"]
    codes = list(dict.fromkeys(a.code for a in sides))
    if len(codes) != 2:
        return None
    warring = [c for c in codes if any(c in pair.split() for pair in lex.belligerents)]
    if len(warring) != 1:
        return None  # no side at war, or both: the text says nothing of which way the arms went
    taker = next(a for a in sides if a.code == warring[0])
    giver = next(a for a in sides if a.code != warring[0])
    return giver, taker, act


def _arms_route(act: Token, res: Resolver, lex: Lexicon) -> tuple[Actor, Actor, Token] | None:
    """(giver, taker, the act) of arms moved "from" one state "to" another with no doer named: a noun
    ("the shipment of arms from Minsk to Moscow", "the export of these weapons from Belarus to
    Russia") or a verb of moving whose subject is no state ("ships carried drones from Belarus to
    Russia", "containers going from Belarus to Russia"); the parser may hang either phrase on the goods."""
    if act.pos_ == "NOUN":
        goods: Token | None = act
    elif act.pos_ == "VERB":
        goods = counted(object_of(act)) or (act.head if act.dep_ == "acl" else None)  # "containers going from"
    else:
        return None
    if goods is None or not _arms_goods(goods, lex):
        return None
    holders = [act, goods, *prep_objects(goods, ("of",))]
    ends: dict[str, list[Actor]] = {"from": [], "to": []}
    for prep in (p for h in dict.fromkeys(h for h in holders if h is not None) for p in children(h, ["prep"])):
        pobj = first_child(prep, ["pobj"])
        end = "to" if prep.lower_ == "into" else prep.lower_
        if end in ends and pobj is not None and not _front(pobj, lex):
            ends[end] += [a for a in res.resolve(pobj, context=False) if a.kind == "state"]
    givers, takers = ({a.code for a in ends[k]} for k in ("from", "to"))
    if len(givers) != 1 or len(takers) != 1 or givers == takers:
        return None
    movers = res.resolve(first_child(act, SUBJECTS), context=False) if act.pos_ == "VERB" else []
    if any(a.kind == "state" and a.code not in givers | takers for a in movers):
        return None  # a third state that moves them is the verb's own reading
    return ends["from"][0], ends["to"][0], act


# Where a share in a war is a topic asked or talked about, not a fact stated ("questions about
# Pyongyang's role in the war", "how its calls square with North Korea's part in the war"); so is a
# verb's object ("to hide its involvement", "discussed its role").
_TOPIC_HOLDERS = frozenset({"about", "on", "with", "of"})


def _war_share(noun: Token, res: Resolver, lex: Lexicon) -> tuple[Actor, Actor, Token] | None:
    """(the state, the helped state, the noun) of a state's own share in a war: "Belarus's involvement
    in the Ukraine war", "Minsk's role in Russia's war" (the war's owner is helped; a war named by
    the state it is against, the one foe of that state: lexicon belligerents)."""
    if noun.pos_ != "NOUN" or noun.dep_ in OBJECTS or (noun.dep_ == "pobj" and noun.head.lower_ in _TOPIC_HOLDERS):
        return None  # "to hide / denied / discussed North Korea's role": what is done with it, not the fact
    owner = first_child(noun, ["poss"])
    if owner is None or owner.pos_ == "PRON":
        return None
    doers = [a for a in res.resolve(owner, context=False) if a.kind == "state"]
    war = prep_object(noun, ("in",))
    if len({a.code for a in doers}) != 1 or war is None or not is_war(war, lex):
        return None
    doer = doers[0]
    waged_by = first_child(war, ["poss"])
    helped = [a for a in res.resolve(waged_by, context=False) if a.kind == "state"] if waged_by is not None else []
    if not helped:
        # "the Ukraine war", "the war against Ukraine": the one foe of the state it is named by
        named = [*children(war, ["compound"]), *prep_objects(war, ("against", "in"))]
        places = [a for t in named if t is not None for a in res.resolve(t, context=False) if a.kind == "state"]
        foes = [f for p in places[:1] if (f := _sole_foe(p, res, lex)) is not None]
        helped = foes
    if len(helped) != 1 or helped[0].code == doer.code or _at_war(doer.code, helped[0].code, lex):
        return None
    return doer, helped[0], noun


def _share_in_freeing(freeing: Token, lex: Lexicon) -> tuple[Token, Token | None] | None:
    """(the share noun, the verb that makes or plays it) of a freeing, or any attack, told as someone's
    share in it ("their contribution to retaking the region", "the part the troops played in freeing it",
    "provided assistance in defeating the rebels")."""
    holder = freeing.head if freeing.dep_ in ("pcomp", "pobj") else None
    holder = holder.head if holder is not None else freeing.head if freeing.dep_ == "advcl" else None
    if holder is None:
        return None
    if holder.pos_ == "NOUN":
        share, verb = holder, holder.head if holder.dep_ in OBJECTS else None
    else:
        verb = holder
        made = holder.head if holder.dep_ == "relcl" else object_of(holder)
        share = made if made is not None and made.pos_ == "NOUN" else None
    if share is None or share.lemma_.lower() not in lex.war_part_nouns | lex.contribution_nouns:
        return None
    return share, verb


def _liberation_share(freeing: Token, res: Resolver, lex: Lexicon) -> tuple[Actor, Actor, Token] | None:
    """(the state, the ground's owner, the share noun) of a state's share in freeing another's ground:
    "Belarus's support in liberating the Belgorod region", "the part Belarusian troops played in
    freeing it", "made a contribution to retaking the region" (the doer the share's possessor or the
    subject of the verb that makes or plays it)."""
    told = _share_in_freeing(freeing, lex)
    if told is None:
        return None
    share, verb = told
    owner = first_child(share, ["poss"])
    doer = owner if owner is not None and owner.pos_ != "PRON" else None
    if doer is None and verb is not None and is_verb(verb) and verb.lemma_.lower() in lex.share_verbs:
        doer = counted(first_child(verb, SUBJECTS))  # "the part Belarusian troops played", "had made"
    doers = [a for a in res.resolve(doer, context=False) if a.kind == "state"] if doer is not None else []
    ground = first_child(freeing, OBJECTS) or prep_object(freeing, ("of",))
    owners = [a for a in res.resolve(ground, context=False) if a.kind in ("state", "place")] if ground else []
    if len({a.code for a in doers}) != 1 or len({a.code for a in owners}) != 1:
        return None
    if doers[0].code == owners[0].code or _at_war(doers[0].code, owners[0].code, lex):
        return None
    taker = owners[0]
    entity = res.gaz.entity(taker.code)
    taker = Actor(taker.code, entity.name if entity is not None else taker.code, None, "state", taker.token)
    return doers[0], taker, share


def _between_preps(noun: Token) -> list[Token]:
    """The "between" phrases of a noun or of its "of" object ("the transfer of drones between")."""
    holders = [noun, *prep_objects(noun, ("of",))]
    return [p for h in holders if h is not None for p in children(h, ["prep"]) if p.lower_ == "between"]


def _bought_arms(purchase: Token, res: Resolver, lex: Lexicon) -> tuple[Actor, Actor, Token] | None:
    """(seller, buyer, the purchase noun) of "Russia's purchase of Belarusian drones" / "Moscow's
    acquisition of drones from Minsk": the buyer its possessor, the seller the arms' state or "from"."""
    if purchase.pos_ != "NOUN":
        return None
    buyers = [a for a in res.resolve(first_child(purchase, ["poss"]), context=False) if a.kind == "state"]
    arms = counted(prep_object(purchase, ("of",)))
    if len(buyers) != 1 or arms is None or not lex.in_class(arms, "weapons"):
        return None
    makers = [m for m in children(arms, ["amod", "compound"]) if res.entity_at(m) is not None]
    source = prep_object(purchase, ("from",)) or prep_object(arms, ("from",))
    sellers = [a for m in makers for a in res.resolve(m, context=False)]
    sellers += res.resolve(source, context=False) if source is not None else []
    sellers = [a for a in sellers if a.kind == "state" and a.code != buyers[0].code]
    if len({a.code for a in sellers}) != 1:
        return None
    return sellers[0], buyers[0], purchase


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
    joined = first_child(tok, ["dobj"]) if word == "join" else None
    if word == "join" and not is_war(joined, lex):
        return None  # "joined Russia's war": the war is the place; joining a drill or a bloc is no aid
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
    places = [(prep.lower_, first_child(prep, ["pobj"])) for prep in preps]
    for word_before, place in places + ([("in", joined)] if joined is not None else []):
        if place is None:
            continue
        if word_before in _PARTNER_PREPS:
            if lex.in_class(place, "troops"):  # "fought with Russian units" (a foe's are named "against")
                owners += [a for a in res.resolve(place, context=False, strict=False) if a.kind == "state"]
            continue
        if word_before in lex.fought_for_preps and word in lex.fight_words:
            # "soldiers fighting for Russia": the state they fight for, never a town fought over
            owners += [a for a in res.resolve(place, context=False) if a.kind == "state"]
            continue
        if word_before not in allowed:
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
            partners = prep_objects(place, _PARTNER_PREPS)
            partners = [p for p in partners if p is not None and lex.in_class(p, "troops")]
            if partners and any(c.lower_ in ("joint", "combined") for c in place.children):
                # "joint operations with Russian troops": the partner's state
                owners += [
                    a for p in partners for a in res.resolve(p, context=False, strict=False) if a.kind == "state"
                ]
            elif owner is not None:
                owners += [a for a in res.resolve(owner, context=False) if a.kind == "state"]
            elif (foe := _war_foe_named(place, res)) is not None:
                # "took part in the war against Ukraine": the one state at war with the foe owns it
                owners += [ally] if (ally := _sole_foe(foe, res, lex)) is not None else []
            elif not is_war(place, lex):
                located = event_attributes.location_at(place, res)
                owners += [located[1]] if located is not None else []
        else:
            located = event_attributes.location_at(tok, res) if word_before in lex.presence_preps else None
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


def _war_foe_named(war: Token, res: Resolver) -> Actor | None:
    """The one state a war is said to be "against" ("the war against Ukraine"), if any."""
    against = prep_object(war, ("against",))
    foes = [a for a in res.resolve(against, context=False, strict=False) if a.kind == "state"]
    return foes[0] if len(foes) == 1 else None


def _denied_forces(verb: Token, forces: Token, lex: Lexicon) -> bool:
    """Whether the forces are denied ("no North Korean soldiers are fighting") or the clause is what a
    refusal refutes ("Seoul denied that its troops were stationed in Ukraine")."""
    if any(c.dep_ == "det" and c.lower_ in lex.negation for c in forces.children):
        return True
    return any(up.lemma_.lower() in lex.refusal_verbs for up in islice(verb.ancestors, 3))


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


def _with_known_destination(
    drafts: list[_Draft], helped: dict[str, Actor], res: Resolver, lex: Lexicon
) -> list[_Draft]:
    """ "That would be three times the force it has already sent, after it dispatched 11,000 troops":
    troops or arms sent with no destination named go where the text said the sender's troops or arms
    went (AID/military to that state), not to a show of force aimed at nobody. Forces that pull back
    from an ally's war ("the North Korean troops pulled back from the front line in Kursk") withdraw
    from the ally's foe, whom they fought."""
    kept: list[_Draft] = []
    for draft in drafts:
        partner = helped.get(draft.actor.code)
        if draft.transfer and draft.type == "MOBILIZE" and draft.recipient is None and partner is not None:
            draft = replace(draft, type="AID", mode="military", recipient=partner)
        elif draft.type == "AID" and draft.recipient is None and partner is not None:
            # "North Korea had delivered 50 howitzers", "Russia reported supplying 15,279 barrels": aid
            # with no recipient named goes where the text said the giver's troops, arms or goods went.
            draft = replace(draft, recipient=partner)
        elif draft.type == "RETREAT" and partner is not None and _from_ally(draft, partner):
            foe = _sole_foe(partner, res, lex)
            draft = replace(draft, recipient=foe) if foe is not None else draft
        kept.append(draft)
    return kept


def _armed_another_state(actors: list[Actor], recipients: list[Actor], res: Resolver) -> bool:
    """Whether arms handed over went from a state (or its officials) "to" another state, not from a
    non-state group to whoever disarms it ("the militia handed over its rifles to the army"), nor
    forces withdrawn "from" a state ("pulled its last soldiers out of Mali")."""
    givers = {a.code for a in actors}
    return (
        bool(recipients)
        and all(a.kind != "group" for a in actors)
        and all(
            r.kind == "state" and r.code not in givers and r.token is not None and _given_to(res.tokens[r.token])
            for r in recipients
        )
    )


def _given_to(name: Token) -> bool:
    """Whether a name is what something is given to: "to Russia" or the indirect object ("handed Russia")."""
    head = name.head if name.dep_ in ("compound", "amod") else name
    return head.dep_ == "dative" or (head.dep_ == "pobj" and head.head.lower_ == "to")


def _from_ally(draft: _Draft, ally: Actor) -> bool:
    """Whether a withdrawal names no ground or names the ally's own ("left the front line in Kursk")."""
    return draft.recipient is None or draft.recipient.code == ally.code


def _sole_foe(ally: Actor, res: Resolver, lex: Lexicon) -> Actor | None:
    """The one state the lexicon lists as at war with an ally (belligerents), named by its name and read
    where the ally was (the text names no foe)."""
    states = [pair.split() for pair in lex.belligerents]
    foes = {other for pair in states if ally.code in pair for other in pair if other != ally.code}
    if len(foes) != 1:
        return None
    (foe,) = foes
    entity = res.gaz.entity(foe)
    return Actor(foe, entity.name if entity is not None else foe, None, "state", ally.token)


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
    actors, patient = roles.actors(trig, res, lex)
    goodwill = _goodwill(trig, lex)
    if goodwill is None and trig.type == "SUPPORT" and any(lex.in_class(n, "letters") for n in _carried(trig)):
        return []  # "sent a clear message to Quito", "delivered the letter": no letter sent (_letter_sent)
    senders = _goodwill_senders(goodwill, tok, res) if goodwill is not None else []
    if senders:
        # "the envoy passed on the greetings of Lula to Ruto", "he conveyed greetings from Modi": goodwill
        # carried by a messenger is its owner's (the news sets code the owner's SUPPORT, not the envoy's).
        actors = senders
    crowd = roles.protesting_crowd(trig, res, lex, actors) if trig.type == "PROTEST" else None
    if crowd is not None:
        # "Thousands of protesters marched through Lima", "a general strike paralysed the capital":
        # people's protests have no actor id (as the news coders code them), aimed at the state protested.
        actors = [crowd]
    if not actors:
        return []
    if trig.type == "ASSAULT" and _own_side_harmed(trig, lex):
        return []  # "kill their own wounded", "told its soldiers to kill themselves": no foe is attacked
    if trig.type == "ASSAULT" and _share_in_freeing(tok, lex) is not None:
        return []  # "their assistance in defeating the rebels": a share in an attack is aid (_arms_traded), no attack
    kind, mode = trig.type, trig.mode
    if crowd is not None:
        recipients = roles.protest_targets(trig, res, lex, crowd, patient, mode)
    else:
        recipients = roles.recipients(trig, res, lex, patient, actors)
    if trig.type == "AID":
        # "supplying the Russian military with shells for its war on Ukraine": a war's foe is not helped.
        recipients = [r for r in recipients if r.token is None or not _war_foe(res.tokens[r.token], lex)]
        supplied = first_child(trig.token, OBJECTS) if not recipients and not trig.is_noun else None
        if supplied is not None and any(p.lower_ == "with" for p in children(trig.token, ["prep"])):
            # "supplied Russia with shells": the object is who is supplied (not the actor's own forces)
            codes = {a.code for a in actors}
            recipients = [
                r for r in roles.not_own(res.resolve(supplied, context=False), actors, lex) if r.code not in codes
            ]
    if goodwill is not None and not recipients:
        # "greetings of Lula to Ruto", "greetings from Modi to Ruto": the addressee hangs on the greetings.
        recipients = roles.not_own(_goodwill_addressees(goodwill, res), actors, lex)
        if not recipients and not lex.in_class(goodwill, "greetings"):
            return []  # "delivered a message to the nation": a letter to no one else is none
    # The greetings themselves as the trigger (the model's evidence: "greetings" where the rules read "sent").
    greeted = goodwill if goodwill is not None else (tok if trig.is_noun and lex.in_class(tok, "greetings") else None)
    if greeted is not None and recipients and {r.code for r in recipients} <= {a.code for a in actors}:
        # "sent New Year greetings to the workers", "to the troops abroad": a leader's greetings to his
        # own people are no support given to another actor (CAMEO 05).
        return []
    if trig.type == "SUPPORT" and roles.supports_itself(trig, res, lex, actors):
        return []
    war_owners = _backed_war_owners(trig, res, lex, actors) if trig.type == "SUPPORT" else []
    if war_owners:
        # "North Korea's backing for Russia's war", "supports Moscow's invasion": backing a state's war
        # is military help to it (README "Troops": military backing is AID, not also SUPPORT).
        kind, mode, recipients = "AID", "military", war_owners
    executed = _executed(trig, recipients, lex)
    if executed is not None:
        kind, mode = executed
    if kind == "DEMAND" and _asked_to_visit(trig, lex):
        # "Putin asked Kim to come to Russia again", "urged Lavrov to visit Beijing": asking someone to
        # visit is an invitation, AGREE from the host to the invited (as 'invite' codes it).
        kind, mode = "AGREE", None
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
    if untargeted is not None and weapons and not recipients and not roles.targeted(trig, res):
        kind, mode = untargeted
        # A show of force is aimed where it is made: "sent warships around Taiwan".
        preps = lex.type_preps.get(kind, ())
        held = roles.subtree_prep_objects(tok, preps)  # the trigger's and the nouns' of its phrase
        recipients = roles.prep_recipients([], preps, res, lex, actors, trig, domestic=False, found_nouns=held)
    if trig.entry.igo_type and any(r.kind == "igo" for r in recipients):
        kind = trig.entry.igo_type
    if kind == "AID" and mode is None:
        mode = event_attributes.aid_mode(trig, lex)
    location = event_attributes.location(trig, res)
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
    if kind == "RETREAT" and mode == "disarm" and _armed_another_state(actors, recipients, res):
        # "Belarus handed over 60 tanks to Russia": a state's arms given to another state arm it
        # (military aid, bench/data/news README "Troops"); a group handing in its arms disarms.
        kind, mode = "AID", "military"
    if kind == "MOBILIZE" and mode == "troops" and not foes:
        # "Russia deployed North Korean troops to Kursk", "placed 8,000 North Korean soldiers in the
        # region", "Russia's deployment of North Korean troops": a state that moves another state's
        # forces is aided by that state (README "Troops").
        owners = _foreign_owners(_moved_forces(trig), res, lex, actors)
        if owners:
            kind, mode, actors, recipients = "AID", "military", owners, actors
    if kind == "MOBILIZE" and tok.lemma_.lower() in lex.transfer_verbs | lex.transfer_nouns:
        # "a force was deployed to Russia" by Russia: moving one's own forces at home aims at nobody
        # (soldiers surrounding their own palace do aim at it).
        recipients = [r for r in recipients if all(r.code != a.code for a in actors)]
    if kind == "MOBILIZE" and trig.is_noun and any(_arms_pair(p, res, lex) for p in _between_preps(tok)):
        return []  # "the transfer of drones between Minsk and Moscow": one way, as _arms_traded reads it
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
    negated = event_attributes.negated(trig, lex) and not is_response(trig)
    # PLOVER: cooperative actions in the future tense are intentions (AGREE: "Japan said it would
    # provide aid"); a refusal in the future tense is a rejection ("will not withdraw").
    # So is a stated intention to cooperate ("wants to expand exchanges with", "their intention to
    # strengthen cooperation with").
    intended = kind == "COOPERATE" and _intended(trig, lex)
    # Aid or material cooperation still to come ("plans to send aid to", "is preparing to ship rifles to",
    # "is due to hold drills with") is a promise, AGREE (news README "Promised and planned aid and
    # cooperation"); going on with it ("will keep helping") stays the act.
    going_on = trig.token.dep_ == "xcomp" and trig.token.head.lemma_.lower() in lex.continuing_verbs
    # Nor are troops who "will help" or are "getting ready to help" an ally promising anything: they
    # were sent already, and their help is the aid under way (ibid.: troops already there "getting
    # ready to fight" stay AID); a sending still to come ("will be sent") is their state's promise.
    fielded = (
        kind == "AID"
        and not trig.is_noun
        and tok.lemma_.lower() not in lex.transfer_verbs
        and lex.in_class(counted(subject_of(tok)), "troops")
    )
    going_on = going_on or fielded
    promised = kind in ("AID", "COOPERATE") and not negated and not going_on
    # A decision to send not yet carried out ("has decided to send 800 engineers to") is aid to come too.
    intended = intended or (promised and (_intended(trig, lex) or _scheduled(trig, lex) or _decided(trig, lex)))
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
    # A meeting still to come is an intention to meet, however firm its timetable ("is to hold talks with",
    # "is due to visit", "will pay a visit to", "ahead of his planned summit with"): PLOVER's CONSULT
    # section codes future meetings, summits and visits AGREE (CAMEO 036), and so do the news sets.
    scheduled = kind == "CONSULT" and not negated and (_scheduled(trig, lex) or _planned_meeting(trig, lex))
    # A plan a third party reports is no promise of the actor's: the news coders code the act; but aid
    # and cooperation to come are a promise however reported ("Seoul said North Korea would send troops":
    # AGREE, news README "Promised and planned aid and cooperation").
    reported = (
        kind not in ("CONSULT", "COOPERATE", "AID")
        and not negated
        and not intended
        and _reported_plan(trig, res, lex, actors)
    )
    if (
        kind in _COOPERATIVE
        and not stated
        and not (going_on and kind in ("AID", "COOPERATE"))
        and (intended or scheduled or event_attributes.future(trig, lex) or _conditional_outcome(trig))
        and not reported
    ):
        if kind in ("AID", "COOPERATE"):
            mode = None  # a promise of aid or cooperation has no mode (news README "Promised and planned aid")
        kind, negated = ("REJECT", False) if negated else ("AGREE", negated)
        doers = roles.condition_actor(tok, res, actors) if kind == "AGREE" else []
        if doers and not {d.code for d in doers} & {r.code for r in recipients}:
            # "If North Korea sends troops, we will support Ukraine": help to another in answer to the
            # condition's doer is a threat to that doer (bench/data/news README "Conditional").
            kind, mode, recipients = "THREATEN", None, doers
    threatened = None  # the coercive act a future-tense threat announces
    if (
        (kind in lex.threat_modes or f"{kind}/{mode}" in lex.threat_modes)
        and not negated
        and event_attributes.threatened(trig, lex)
    ):
        # CAMEO 13 / PLOVER THREATEN: a coercive act announced for the future is a threat ("will impose
        # sanctions on", "would expel its diplomats", "will extend the curfew", "would boycott the
        # vote"), as a promise to attack is; its mode follows the act.
        mode = lex.threat_modes.get(f"{kind}/{mode}") or lex.threat_modes.get(kind)
        kind, threatened = "THREATEN", kind
        if not recipients:
            # "If Tokyo deploys missiles, Beijing will recall its ambassador": a response aimed at whoever
            # would fulfil the condition is a threat to it (bench/data/news README "Conditional").
            recipients = roles.condition_actor(tok, res, actors)
    if is_response(trig) and any(r.code == a.code for r in recipients for a in actors):
        # "we will respond with force if Seoul provokes us": the means is no target; the condition's doer is.
        own = {a.code for a in actors}
        recipients = [r for r in recipients if r.code not in own] or roles.condition_actor(tok, res, actors)
    # PLOVER REJECT: refusing or failing to agree ("will not accept", "failed to reach agreement"). A
    # signing that did not take place ("did not sign the treaty") stays a negated AGREE/pact.
    if (
        kind == "AGREE"
        and negated
        and (mode != "pact" or event_attributes.future(trig, lex) or event_attributes.failed(trig, lex))
    ):
        kind, mode, negated = "REJECT", None, False
    elif negated and trig.entry.negated_type and kind == trig.entry.type:
        # "Venezuela does not recognise the court's jurisdiction": not recognising is refusing (REJECT).
        kind, mode, negated = trig.entry.negated_type, None, False
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
    hedged = event_attributes.hedged(trig, lex)
    quantity = event_attributes.quantity(trig, lex)
    when = event_attributes.event_date(trig, reference, res)
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
    freed_at_home: str | None = None  # the words of a state's own people it frees
    if _clemency(trig, kind, mode, lex) and len({a.code for a in actors}) == 1:
        # "Lima freed 30 political prisoners", "pardoned 500 inmates": a release at home is aimed at no
        # state (bench/data/news README, stop 43), the people freed kept as its target's words; another
        # state's nationals keep theirs ("freed two Chilean sailors").
        at_home = [r for r in recipients if r.code in {a.code for a in actors}]
        freed_at_home = at_home[0].text if at_home else None
        recipients = [r for r in recipients if r not in at_home]
    recipients = roles.struck_thing(trig, kind, res, lex, patient, actors, recipients)
    doer_codes = {a.code for a in actors}
    reason_of = _reason_judge(trig)
    if reason_of is not None and (
        (all(r.code in doer_codes for r in recipients) and not (reciprocal and len(doer_codes) > 1))
        or lex.verb_type(reason_of) in _CHARGING_TYPES
    ):
        # "arrested X for collaborating with a rebel group", "thanked Ankara for cooperating in the swap",
        # "criticised Minsk for letting migrants cross its border": a reason one is blamed or praised for,
        # done to no one else named, is what the charge or the thanks says, not an act stated
        # ("criticised Minsk for arming Russia" names whom it was done to).
        return []
    crowd = len({a.code for a in actors}) > _MAX_MEETING_PARTIES
    if kind in _GATHERING_TYPES and not recipients and reciprocal and crowd:
        # "The foreign ministers of Japan, South Korea, Australia and New Zealand met": a multilateral
        # gathering, no dyad (the news coders code a three-way summit each way, never one of four or
        # more parties pair by pair; seven would be 42 meetings); so is a pact or cooperation among four
        # or more (bench/data/news README "Four or more parties"). A hub keeps its partners.
        return []
    if kind in _GATHERING_TYPES and not recipients and actors and all(_unnamed_group(a, tok, lex) for a in actors):
        # "The leaders agreed to resume shuttle diplomacy", "they probably discussed the dispute": the sides
        # of an accord, meeting or cooperation the sentence does not name are not coded (bench/data/news
        # README: "the two leaders" with no name in the sentence), nor taken for the one state in context.
        return []
    if not recipients and reciprocal and len(actors) > 1:
        # One pair per two codes: the merge keeps a pair's first mention anyway, and a list naming the
        # same states again and again would otherwise make pairs by the square of its length.
        # The first two actors of each code make every such pair (two of one code: "Kim and Choe met").
        sides: list[Actor] = []
        kept: dict[str, int] = {}
        for a in actors:
            if kept.get(a.code, 0) < 2:
                kept[a.code] = kept.get(a.code, 0) + 1
                sides.append(a)
        by_codes: dict[tuple[str, str], tuple[Actor, Actor]] = {}
        for a in sides:
            for b in sides:
                if a.token != b.token:
                    by_codes.setdefault((a.code, b.code), (a, b))
        pairs = list(by_codes.values())
        if len(kept) > 1:
            # "a call between French President Macron and Turkish President Erdogan", its second name
            # parsed as two conjuncts ("Turkish President", "Erdogan"): with two states named, no side
            # meets itself.
            pairs = [(a, b) for a, b in pairs if a.code != b.code]
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
        kind not in lex.needs_recipient or roles.names_other_side(trig, lex, kind)
    ):
        pairs = [(a, None) for a in actors]
    if not pairs and kind == "DEMAND" and trig.entry.recipient_required and roles.unnamed_addressees(trig, lex):
        pairs = [(a, None) for a in actors]  # "called on all parties to": an appeal to nobody named
    if not pairs and kind == "DEMAND" and trig.entry.modal_required and roles.obliged_unnamed(trig, lex):
        pairs = [(a, None) for a in actors]  # "said all parties should show restraint": the same appeal
    exchanged = kind == "CONSULT" and tok.lemma_.lower() in lex.exchange_verbs and not trig.is_noun and bool(recipients)
    if exchanged:
        # "Xi traded messages with Kim": an exchange goes both ways, as "Xi and Kim exchanged" does.
        pairs += [(r, a) for a, r in pairs if r is not None and (r, a) not in pairs]
    if drilled_with and kind in ("COOPERATE", "AGREE"):
        # a joint drill, held or to come ("will hold drills with": AGREE), is each way
        pairs += [(r, a) for a, r in pairs if r is not None and (r, a) not in pairs]
    if (
        kind == "AGREE"
        and mode == "pact"
        and not negated
        and trig.entry.reciprocal_with
        and _with_partner(trig, recipients)
    ):
        # "Chile signed an accord with Peru": a signing with a named partner is each way, as "Chile and
        # Peru signed" is (bench/data/news README "Signing with"; the lexicon's reciprocal_with).
        pairs += [(r, a) for a, r in pairs if r is not None and (r, a) not in pairs]
    transfer = tok.lemma_.lower() in lex.transfer_verbs | lex.transfer_nouns and not foes
    uncoded = roles.uncoded_target(trig, res, lex, patient, actors) if not recipients else None
    uncoded = uncoded or (freed_at_home if not recipients else None)
    # Since extractor 17 a thing, place or event acted on is kept too ("shelled the power plant").
    target = uncoded or (roles.thing_target(trig, kind, res, lex, patient, actors) if not recipients else None)
    drafts = [
        _Draft(kind, mode, a, r, location[0] if location else None, when, quantity, negated, hedged, transfer, target)
        for a, r in pairs
    ]
    callers = roles.callers(trig, res, actors) if kind == "CONSULT" and not pairs else []
    if callers:
        # "received a telephone call from Blinken": the caller calls whoever takes the call.
        drafts = [_Draft(kind, mode, c, a, None, when, None, negated, hedged) for c in callers for a in actors]
    if kind == "CONSULT" and tok.lemma_.lower() in lex.exchange_verbs and _congratulatory(first_child(tok, OBJECTS)):
        # "exchanged congratulatory messages": each side congratulates the other (SUPPORT) as well.
        drafts += [replace(d, type="SUPPORT", mode=None) for d in drafts if d.recipient is not None]
    if kind == "SUPPORT" and not trig.is_noun and _support_acknowledged(trig, lex):
        # "Putin thanked North Korea for supporting Moscow", "valued Pyongyang's support": whoever is
        # thanked for support supports the one who thanks. Support thanked for a war ("thanked Pyongyang
        # for its support for the special military operation") is military aid to the thanker, as
        # the support itself would be (news README "Support for a war").
        flip = {"type": "AID", "mode": "military"} if _war_backing_acknowledged(trig, lex) else {}
        drafts += [replace(d, actor=d.recipient, recipient=d.actor, **flip) for d in drafts if d.recipient is not None]
    if kind == "ASSAULT" and not trig.is_noun and not negated:
        # "Russia fired North Korean ballistic missiles at Kharkiv": another state's weapons in an attack
        # were handed over by that state, military aid to the attacker (README "Troops": shells or
        # missiles sent to help a state are AID), as "missiles supplied by North Korea" are.
        # (What is fired, not what is hit or shot down: "destroyed North Korean artillery" aids nobody.)
        target = object_of(tok)
        fired = tok.lemma_.lower() in lex.weapon_use_verbs and first_child(tok, ["prt"]) is None
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
    if kind == "ASSAULT" and tok.lemma_.lower() in lex.fight_words and not recipients and uncoded is None:
        # "troops have been fighting on the front lines", "losses during fighting near the villages":
        # a fight with no opponent named says where forces are, not whom they attack (PLOVER ASSAULT
        # has a target; fighting for or beside a state is AID, read above). Nor does the learned model
        # read the clause again ("Ukrainian troops are fighting in Russia's Kursk region" is no aid).
        trig.declined = True
        drafts = []
    if kind == "DISAPPROVE" and prospect_topic(tok, lex):
        # "voiced concern over the possibility of any transfer to North Korea": a worry over what may
        # come, not a verdict on anyone; nor does the learned model read it again.
        trig.declined = True
        return []
    if kind in _COOPERATIVE | {"ASSAULT", "COERCE"} and not trig.is_noun and supposed_outcome(tok):
        # "a treaty with commitments by both to help each other if either is attacked": the help a
        # pact or plan supposes is no act (README conventions); nor does the learned model read it again.
        trig.declined = True
        drafts = []
    if (
        kind in _DONE_ONLY
        and not negated
        and clause_mood(trig.light if trig.is_noun and trig.light is not None else tok, lex).unrealised
    ):
        # "tried to seize the ship", "wants to punish Uganda", "could possibly reject the offer", "to possibly
        # take part in the war": force used or a stance taken only as possible, tried or wished for is not
        # done (PLOVER codes acts done; a threat or promise of it is read above, as THREATEN or AGREE).
        # Hearsay ("reportedly struck") and a modal alone ("could attack", README: a hedge) still tell the
        # act, hedged; a stance denied ("may not endorse") stays a negated one, as the own gold codes it.
        # Nor does the learned model read it again.
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
        # "visited Pyongyang at the invitation of Kim": the host who invited consults the guest too; a
        # visit still to come or an invitation accepted ("will visit at the invitation of", "accepted an
        # invitation from Putin") is the inviter's invitation, AGREE (as 'invite' codes it).
        drafts += [
            _Draft(kind, None, h, a, None, when, None, negated, hedged)
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


# Acts an unrealised clause ("possibly strike", "tried to seize", "wants to punish") makes no event
# (clauses.clause_mood): force used on another and stances. Aid and cooperation to come are promises
# (AGREE, read above); forces that may move stay MOBILIZE (or AID) and verdicts stay too ("could be a
# violation"): the training files' rows code both so.
_DONE_ONLY = frozenset({"ASSAULT", "COERCE", "SUPPORT", "REJECT"})


# Judges whose reasons are charges, not acts told as done ("arrested X for spying on Y").
_CHARGING_TYPES = frozenset({"COERCE", "INVESTIGATE"})


def _reason_judge(trig: Trigger) -> Token | None:
    """The verb that praises, blames or punishes someone "for" the trigger (or its light verb, or what
    governs it): "praised Hanoi for helping Laos", "for making a false accusation", "for attempting to
    cancel the vote" (clauses.subject_of gives the trigger the one praised or blamed as its doer)."""
    verb = trig.light if trig.light is not None else trig.token
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "pcomp" and verb.head.lower_ == "for" and verb.head.dep_ == "prep":
        return verb.head.head
    return None


def _conditional_outcome(trig: Trigger) -> bool:
    """Whether a verb is what a speaker says will follow an "if" clause, itself or through the verb whose
    purpose it is ("If Moldova asks, Romania will send firefighters to help it"): help promised on a
    condition is a promise (AGREE), not help given (bench/data/news README "Conditional")."""
    current = trig.light if trig.is_noun and trig.light is not None else trig.token
    for _ in range(3):
        if condition_clauses(current):
            return True
        purpose = current.dep_ == "advcl" and not any(c.dep_ == "mark" for c in current.children)
        if not (purpose or current.dep_ in ("xcomp", "conj")) or current.head.i == current.i:
            return False
        current = current.head
    return False


def _with_partner(trig: Trigger, recipients: list[Actor]) -> bool:
    """Whether a recipient stands in a "with" phrase under the trigger ("signed a pact with Peru",
    "Chile's signing of an accord with Peru")."""
    tok = trig.token
    doc = tok.doc
    for recipient in recipients:
        heads = list(doc[recipient.token].ancestors)
        if tok not in heads:
            continue
        if any(h.dep_ == "prep" and h.lower_ == "with" for h in heads[: heads.index(tok)]):
            return True
    return False


def _mentioned_again(trig: Trigger) -> bool:
    """A meeting named again as the setting of what follows ("During the visit, Kim reiterated ...",
    "At the meeting, cooperation was on the agenda", "Opening the talks, Lavrov said", "after the
    talks"): the definite noun with no party of its own points back at a visit or talks the text has
    told of, and the real-news coders code it there, not again (bench/data/news: tdiplo23-3,
    tmeet21-2, tdiplo14-4). Not when the framed verb addresses someone ("During the call Putin told
    the Korean leader", read by roles._framed_meeting), nor a meeting with its own parties ("after talks
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
    words = [head, *(w for c in head.children if c.dep_ in roles.NAME_DEPS for w in c.subtree)]
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


def _moved_forces(trig: Trigger) -> Token | None:
    """What a movement moves: a verb's object ("deployed North Korean troops"), a noun's "of" phrase
    ("the deployment of North Korean troops")."""
    if not trig.is_noun:
        return object_of(trig.token)
    return prep_object(trig.token, ("of",))


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
        # "arrived in Pyongyang, taking up an invitation from Choe": a participle that takes up the
        # invitation says whose it was.
        nouns += [
            first_child(c, OBJECTS)
            for c in children(tok, ["advcl"])
            if c.tag_ == "VBG" and c.lemma_.lower() in res.lex.invitation_takers
        ]
        # "said Li will visit Pyongyang, at the invitation of the party": the parser hangs the invitation
        # on the verb of saying whose clause holds the visit (a speaker is invited by nobody it names).
        said = tok.head if tok.dep_ in ("ccomp", "acl") else None
        said = said.head.head if said is not None and said.dep_ == "pobj" else said  # "said in a statement that"
        if said is not None and said.lemma_.lower() in res.lex.reporting_verbs:
            nouns += [first_child(p, ["pobj"]) for p in children(said, ["prep"]) if p.lower_ in _INVITATION_PREPS]
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
    person = victim.ent_type_ in roles.STATELESS_LABELS and res.entity_at(victim) is None
    if not (
        person or any(res.lex.in_class(victim, c) for c in ("people", "prisoners")) or is_group_noun(victim, res.lex)
    ):
        return place
    return Actor(place.code, roles.phrase_words(victim), None, "context", victim.i)


def _goodwill(trig: Trigger, lex: Lexicon) -> Token | None:
    """The greetings, good wishes, congratulatory message or letter sent (_letter_sent) a verb of sending or
    conveying carries ([classes] greetings, letters)."""
    if trig.is_noun or trig.type != "SUPPORT":
        return None
    return next(
        (
            n
            for n in _carried(trig)
            if lex.in_class(n, "greetings") or (lex.in_class(n, "letters") and _letter_sent(n, lex))
        ),
        None,
    )


def _carried(trig: Trigger) -> list[Token]:
    """What a verb of sending or conveying carries: its objects ("sent Putin a message"), or the object of
    the particle the parser took for a preposition ("passed on the greetings of Lula")."""
    tok = trig.token
    particle = [first_child(p, ["pobj"]) for p in children(tok, ["prep"]) if p.lower_ == "on"]
    return [n for n in [*children(tok, OBJECTS), *particle] if n is not None]


# Determiners of a letter the text told of before ("the letter", "this message").
_TOLD_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def _letter_sent(noun: Token, lex: Lexicon) -> bool:
    """Whether a letter or message carried is one sent (stop-44 ruling: the sender's SUPPORT): not a figure
    of speech ("sent a clear message to Quito") nor one told again ("the letter", "his letter"), unless it
    names its sender ("the message from the king", "the king's letter")."""
    if any(c.dep_ == "amod" and c.lower_ in lex.signal_adjectives for c in noun.children):
        return False
    named = any(c.dep_ == "prep" and c.lower_ in ("from", "of") for c in noun.children) or any(
        c.dep_ == "poss" and c.pos_ != "PRON" for c in noun.children
    )
    told = any(
        (c.dep_ == "det" and c.lower_ in _TOLD_DETERMINERS) or (c.dep_ == "poss" and c.pos_ == "PRON")
        for c in noun.children
    )
    return named or not told


def _letter_contents(made: list[tuple[Trigger, list[_Draft]]], lex: Lexicon) -> set[int]:
    """The letters sent whose content the sentence codes as another act of the sender ("Accra sent a letter to
    Lome urging talks": the DEMAND, no SUPPORT for the letter; "a letter to the council protesting Lome's
    raids": the DISAPPROVE of Lome): what a letter says decides."""
    letters = {
        trig.token.i
        for trig, found in made
        if found and (noun := _goodwill(trig, lex)) is not None and not lex.in_class(noun, "greetings")
    }
    if not letters:
        return set()
    other = {d.actor.code for trig, found in made if trig.token.i not in letters for d in found if d.type != "SUPPORT"}
    return {
        trig.token.i for trig, found in made if trig.token.i in letters and any(d.actor.code in other for d in found)
    }


def _goodwill_senders(noun: Token, verb: Token, res: Resolver) -> list[Actor]:
    """Whose greetings are carried: the possessor or `of`/`from` object of the greetings ("Lula's
    greetings", "the good wishes of Modi", "greetings from the Turkish president"), or the `from` object
    the parser hung on the verb."""
    poss = first_child(noun, ["poss"])
    if poss is not None and poss.pos_ != "PRON":
        return res.resolve(poss, context=False)
    preps = [p for p in children(noun, ["prep"]) if p.lower_ in ("of", "from")]
    preps += [p for p in children(verb, ["prep"]) if p.lower_ == "from"]
    return next((found for p in preps if (found := res.resolve(first_child(p, ["pobj"]), context=False))), [])


def _goodwill_addressees(noun: Token, res: Resolver) -> list[Actor]:
    """To whom greetings go when the `to` phrase hangs on the greetings or on their `from` phrase
    ("the greetings of Lula to Ruto", "conveyed greetings from Modi to Ruto")."""
    holders = [noun, *(p for p in children(noun.head, ["prep"]) if p.lower_ == "from"), *children(noun, ["prep"])]
    return next(
        (
            found
            for h in holders
            for p in children(h, ["prep"])
            if p.lower_ == "to" and (found := res.resolve(first_child(p, ["pobj"]), context=False))
        ),
        [],
    )


# What a verb of thanks can be for that the one thanked gave: support, or greetings sent.
_ACKNOWLEDGED = ("solidarity", "greetings")


def _support_acknowledged(trig: Trigger, lex: Lexicon) -> bool:
    """Whether a verb of praise or thanks is about support its object gave: the object is someone's
    support ("valued North Korea's support"), or its `for` phrase is ("thanked Pyongyang for its
    support", "thanked North Korea for standing with Moscow", "thanked Ruto for his greetings")."""
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
            # "thanked Ruto for his congratulatory message": goodwill sent is support given too.
            if lex.in_any_class(arg, _ACKNOWLEDGED) or arg.lemma_.lower() in lex.support_verbs:
                return True
    return False


def _war_backing_acknowledged(trig: Trigger, lex: Lexicon) -> bool:
    """Whether the support a verb of praise or thanks acknowledges is support for a war: "valued
    North Korea's support for the military operation", "thanked Pyongyang for its support of Russia's
    war"."""
    tok = trig.token
    obj = first_child(tok, OBJECTS)
    nouns = [obj] if obj is not None else []
    nouns += [a for p in children(tok, ["prep"]) if p.lower_ == "for" for a in children(p, ["pobj"])]
    return any(
        lex.in_class(noun, "solidarity") and is_war(first_child(p, ["pobj"]), lex)
        for noun in nouns
        for p in children(noun, ["prep"])
        if p.lower_ in ("for", "of")
    )


def _executed(trig: Trigger, recipients: list[Actor], lex: Lexicon) -> tuple[str, str | None] | None:
    """The governed act an order carries out ("ordered the paper to suspend publication", "ordered
    them jailed"); none when the order is addressed to a state or organisation, which is a demand.
    Envoys read as their state are no such addressee when the order makes them leave: "ordered three
    Togolese diplomats to leave the country" expels them (SANCTION/expel, CAMEO 166), while "ordered
    Togo to cut ties" and "ordered the ambassador to explain" stay demands."""
    if not trig.entry.executes:
        return None
    envoys = first_child(trig.token, OBJECTS)
    goal = first_child(trig.token, ["xcomp"])
    leaving = lex.verb_type(goal) == "SANCTION" and "SANCTION" in trig.entry.executes
    if envoys is not None and leaving and lex.in_class(envoys, "diplomats"):
        return "SANCTION", "expel"  # the envoys' leaving is what the order does ([verbs.leave])
    if any(r.kind in ("state", "igo") for r in recipients):
        return None
    inner = next((i for i in trig.inner if i.type in trig.entry.executes), None)
    return (inner.type, inner.mode) if inner is not None else None


def _own_side_harmed(trig: Trigger, lex: Lexicon) -> bool:
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
            {victim.lemma_.lower(), victim.lower_} & lex.comrade_words and (possessed or victim.dep_ in OBJECTS)
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
    backed = prep_objects(tok, ("for",))
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
            sides += prep_objects(war, _BESIDE)
        partners += [a for side in sides for a in res.resolve(side, context=False, strict=False)]
    own = {a.code for a in actors}
    partners = [p for p in roles.unique(partners) if p.code not in own]
    if not partners:
        if owner is not None and not (recipients or enemies):
            foe = prep_object(war, ("against",))
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
            owner = first_child(pobj, ["poss"]) or prep_object(pobj, ("of",))
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
            helped += res.resolve(roles.small_clause_subject(target), context=False, strict=False)
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
                    owner = first_child(pobj, ["poss"]) or prep_object(pobj, ("of",))
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
            movers += prep_objects(tok, ("of", "from"))
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
    helped = [h for h in roles.unique(helped) if h.code not in own and h.code not in foe_codes]
    # "Russian troops stationed in Ukraine", "sent troops into Ukraine": no aid to a state at war with
    # the sender (lexicon belligerents); the movement is aimed at it.
    at_war = [h for h in helped if any(_at_war(code, h.code, lex) for code in own)]
    helped = [h for h in helped if h not in at_war]
    foes = [f for f in roles.unique(foes + at_war) if f.code not in own]
    return helped, foes


_DEFINITE = frozenset({"the", "this", "these", "that", "those", "such"})


def _in_exchange(trig: Trigger, lex: Lexicon) -> bool:
    """Whether aid is given "in exchange for" / "in return for" goods, arms, help or a sending ("in
    return for weapons", "in exchange for supplies of fuel", "in return for sending troops")."""
    verb = trig.light if trig.is_noun and trig.light is not None else trig.token
    # The parser may hang the phrase on what is given: "provided Moscow with military aid in exchange for".
    holders = [verb, *prep_objects(verb, ("with",))]
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
        tok = prep_object(tok, ("of",)) or tok
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


# Parties that meet one another are coded pair by pair up to a three-way summit; more is a multilateral
# gathering (README "Events, quotes and claims").
# One cap for the three _GATHERING_TYPES: the coders' ruling is one (bench/data/news README "Four or more
# parties"): a meeting, pact or cooperation of four or more is one multilateral act, never a dyad each.
_MAX_MEETING_PARTIES = 3
_GATHERING_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})


def _asked_to_visit(trig: Trigger, lex: Lexicon) -> bool:
    """A verb of asking whose infinitive is the addressee's visit ("asked Kim to come to Russia", "urged
    him to visit Moscow"): not what a demand that something be done ("demanded that Kim leave") is."""
    if trig.is_noun:
        return False
    for clause in children(trig.token, ["xcomp"]):
        entry = lex.verb_entry(clause)
        if entry is not None and entry.type == "CONSULT" and entry.mode == "visit" and not entry.host:
            return is_infinitive(clause)
    return False


def _intended(trig: Trigger, lex: Lexicon) -> bool:
    """An infinitive (or a gerund after "to") under a verb or noun of intention: "wants to expand
    exchanges with Moscow", "reaffirmed their intention to strengthen cooperation", "is committed to
    deepening ties with"."""
    current = trig.light if trig.is_noun and trig.light is not None else trig.token
    for _ in range(3):
        if gerund_after_to(current):
            # "is committed to developing relations with", "its commitment to deepening ties with": a
            # gerund after "to" is what the commitment is to, as an infinitive would be.
            return current.head.head.lemma_.lower() in lex.intent_words
        if current.dep_ in ("xcomp", "acl") and current.head.lemma_.lower() in lex.intent_words:
            # "drills intended to strengthen cooperation": a purpose of a thing, nobody's intention
            holder = current.head
            purpose = holder.dep_ in ("acl", "advcl") and first_child(holder, [*SUBJECTS, "aux", "auxpass"]) is None
            return is_infinitive(current) and not purpose
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


def _decided(trig: Trigger, lex: Lexicon) -> bool:
    """A verb's infinitive under a verb of deciding ("has decided to send troops to", "made up its mind to
    dispatch"), with no sending begun told beside the decision ("... and had already started moving the first
    batch"): a commitment to aid or cooperation to come (bench/data/news/README, stop-44 ruling). Only the news
    of it, "has decided": "decided" and "had decided" tell it back beside a deployment done (it cost a right AID
    each in the check half and new42, where "has decided" cost none), and so does the noun ("Kim's decision to
    send the soldiers")."""
    tok = trig.token
    if trig.is_noun or tok.dep_ not in ("xcomp", "acl", "advcl") or not is_infinitive(tok):
        return False
    deciding = tok.head.head if tok.head.pos_ == "NOUN" else tok.head
    if tok.head.pos_ == "NOUN":
        # "made up its mind to dispatch", the infinitive hung on the noun: the noun alone ("Kim's decision to
        # send") re-mentions a deployment and stays the act.
        decided = tok.head.lemma_.lower() in lex.decision_words and deciding.lemma_ == "make"
    elif deciding.lemma_ == "make":
        # ... or on the verb: "made up its mind" + "to dispatch"
        decided = any(c.dep_ == "dobj" and c.lemma_.lower() in lex.decision_words for c in deciding.children)
    else:
        decided = tok.dep_ == "xcomp" and deciding.lemma_.lower() in lex.decision_words
    if not decided:
        return False
    auxes = {c.lower_ for c in deciding.children if c.dep_ == "aux"}
    if auxes & lex.hedge_modals:
        return False  # "may have decided to transfer an ICBM": a guess at a deed done, not a commitment
    if deciding.lemma_ == "decide" and auxes.isdisjoint(lex.perfect_auxiliaries):
        return False  # "decided" / "had decided to send troops": told back, as the deployment's story often is
    # One level of conjuncts and their children: the sending begun is a coordinated verb or its adverb.
    beside = [c for c in (*deciding.children, *tok.children) if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    return not any(
        c.lemma_.lower() in lex.begun_words or any(g.lower_ in lex.begun_words for g in c.children) for c in beside
    )


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


def _clemency(trig: Trigger, kind: str, mode: str | None, lex: Lexicon) -> bool:
    """Whether an act frees or forgives people: a release (RETREAT/release) or a pardon or amnesty."""
    return (kind == "RETREAT" and mode == "release") or (kind == "CONCEDE" and lex.in_class(trig.token, "pardons"))


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
        # Auxiliaries stand left of their verb: reading only its left children keeps a verb with hundreds
        # of coordinated clauses on its right from being walked once per clause (bench/large_shapes.py).
        auxiliaries = [c for c in current.lefts if c.dep_ == "aux"]
        if (
            current.head.lemma_ == "be"
            and any(c.lower_ == "to" for c in auxiliaries)
            and event_attributes.copula_infinitive(current)
        ):
            return True  # "are to hold talks"
        if current.dep_ == "xcomp" and current.head.lemma_.lower() in lex.schedule_words:
            return True  # "is due to meet", "is scheduled to travel"
        if current.dep_ == "xcomp" and current.head.lemma_.lower() in lex.intent_words:
            return False  # "would like to meet him during his October trip": a wish, not a timetable
        if any(c.lower_ == "would" for c in auxiliaries):
            if not any(t.ent_type_ in ("DATE", "TIME") for t in current.subtree):
                return False
            up = current  # the backshifted "would" of a report: "said ... would", "added that ... would"
            while up.dep_ in ("ccomp", "conj", "xcomp", "advcl") and up.head.i != up.i:
                up = up.head
                if up.lemma_ in lex.reporting_verbs:
                    return True
            return False
        if any(c.lower_ in lex.future_aux for c in auxiliaries):
            return False
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


def _unnamed_group(actor: Actor, trigger: Token, lex: Lexicon) -> bool:
    """A plural subject of officials that names no side: "they" of an earlier sentence, "the leaders",
    "the officials" (not "Japanese officials", "the Gulf states' leaders", "the two militias", nor the "they"
    of insurgents who promise to free their captives)."""
    tok = trigger.doc[actor.token]
    if tok.lower_ in ("they", "them"):
        return actor.text not in trigger.sent.text
    if tok.tag_ != "NNS" or tok.ent_type_ or not noun_forms(tok, lex) & lex.officials:
        return False
    return not any(c.dep_ in ("amod", "compound", "poss", "nmod", "prep", "nummod") for c in tok.children)


def _reported_plan(trig: Trigger, res: Resolver, lex: Lexicon, actors: list[Actor]) -> bool:
    """Whether a trigger's clause is what someone other than its actor reports: the object of a
    reporting verb whose subject names another state ("Seoul's spy agency said North Korea would send
    troops", "North Korea will send builders, Russian media reported", "quoted Shoigu as saying that
    Pyongyang will provide workers"), or "according to" another. A future act in it is a plan
    reported, not a promise, except aid and cooperation to come, which the caller keeps AGREE however
    reported (bench/data/news/README "Promised and planned aid and cooperation")."""
    speaking = lex.reporting_verbs
    own = {a.code for a in actors}
    current = trig.light if trig.is_noun and trig.light is not None else trig.token
    speaker: Token | None = None
    for _ in range(5):
        speaker = according_to(current)
        if speaker is not None:
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


def _planned_meeting(trig: Trigger, lex: Lexicon) -> bool:
    """A meeting or visit noun named as one to come: "his upcoming trip to China", "Kim's expected summit
    with Trump", "briefed Kim on his coming talks with", "preparations for Putin's visit to", "ahead of a
    summit between Kim and Trump", "it will be his first trip to Pyongyang"."""
    if not trig.is_noun:
        return False
    tok = trig.token
    if any(c.dep_ in ("amod", "compound") and c.lower_ in lex.planned_meeting_words for c in tok.children):
        return True
    if (
        tok.dep_ == "attr"
        and tok.head.lemma_ == "be"
        and any(c.dep_ == "aux" and c.lower_ in lex.future_aux for c in tok.head.children)
    ):
        return True  # "It will be her first visit to China since 2019"
    holder = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("for", "of") else None
    return holder is not None and holder.lemma_.lower() in lex.meeting_to_come_heads


# Acts a place of the actor's own state is not the other side of: a visit or meeting there, support for it
# ("accompanied him on his trip to Harbin", "to organise an Istanbul summit"). Other acts there fall on the
# state's own people, as the coders code them ("killed militants in Khyber Pakhtunkhwa province", "will
# extend the curfew in Okinawa", "declared a truce in Sirte", "an investigation at a detention
# center in Texas").
_NOT_ON_OWN_PLACES = frozenset({"CONSULT", "SUPPORT"})


def _on_itself(draft: _Draft, res: Resolver) -> _Draft | None:
    """A draft without an actor acting on itself: dropped when its recipient is the actor again
    through a pronoun ("Ukrainian forces had captured them", read back to the forces) or is the
    speaker's own state in the words they are quoted saying ("'We appreciate your support of
    Russian policy,' Putin said": Russia is the speaker, not a recipient); with no recipient when
    that is the actor's own forces ("pulled its troops out of the town" is a withdrawal by the state,
    of no one). A state's own people, opposition, officials or rebels named apart stay recipients of
    its code (the coders' domestic events: "police detained protesters", "Peres blamed Netanyahu",
    "the Taliban attacked a police headquarters in Afghanistan", "arrested his rival"); a place of
    the actor's own state is not whom a named state or person meets or supports (_NOT_ON_OWN_PLACES).
    Read on every draft of a sentence, whichever rule or the learned model made it."""
    actor, recipient = draft.actor, draft.recipient
    if recipient is None or recipient.code != actor.code:
        return draft
    if actor.code.startswith(roles.STATELESS):
        # "Jane Roe promised to resign": no one else. "the prime minister", whom roles._domestic gives the
        # actor's own code, is another: kept by its words (no code: _merge).
        if recipient.pronoun or recipient.text == actor.text or not 0 <= recipient.token < len(res.tokens):
            return replace(draft, recipient=None)
        return draft
    if recipient.kind == "place" and actor.kind in ("state", "person") and draft.type in _NOT_ON_OWN_PLACES:
        return replace(draft, recipient=None)  # "travelled to Harbin" with the Russian leader: no one met
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
        if all(d.negated for d in group):
            # An act the text says did not, does not or will not happen is no event (news README, stop 45:
            # "Lima has never condemned the coup"; PLOVER: "negated events can be excluded"). Refusals and
            # denials were made REJECT above, and a negated act that names another type took that type.
            continue
        first = group[0]
        recipient = next((d.recipient for d in group if d.recipient is not None), None)
        when = next((d.event_date for d in group if d.event_date), None)
        events.append(
            Event(
                event_type=kind,
                mode=next((d.mode for d in group if d.mode), None),
                actor_id=None if actor_code.startswith(roles.STATELESS) else actor_code,
                actor_text=first.actor.text,
                # A named actor coded as no state ("A and B signed") is no recipient id either.
                recipient_id=None if recipient_code and recipient_code.startswith(roles.STATELESS) else recipient_code,
                recipient_text=recipient.text if recipient else next((d.uncoded for d in group if d.uncoded), None),
                location_id=next((d.location_id for d in group if d.location_id), None),
                event_date=when,
                quantity=next((d.quantity for d in group if d.quantity is not None), None),
                negated=False,
                hedged=any(d.hedged for d in group),
                sentence=sentence,
                start=sent.start_char,
                end=sent.start_char + len(sentence),
            )
        )
    return events
