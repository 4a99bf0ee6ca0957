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
sentence loop (`extract_events`: triggers, the drafts each makes, the passes over a sentence's and the
text's drafts, then merging them into events) and reads quoted speakers. Which events a trigger makes is
`extractors.event_rules`, the war and arms constructions `extractors.war_acts`, the learned model's review
and readings `extractors.event_learned`; their shared draft is `extractors.event_draft`. Who did it to
whom is read in `extractors.roles`, where, when, negation, hedging, quantity and aid mode in
`extractors.event_attributes`. The grammar the rules share with the quote and claim rules lives below them:
clause helpers in `extractors.clauses`, noun phrase resolution in `extractors.resolution`, trigger finding
in `extractors.triggers`. Pure: no network, no database.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from itertools import islice
from typing import Literal

from spacy.tokens import Doc, Span, Token

from extractors import event_attributes, roles
from extractors.clauses import ALL_SUBJECTS, SUBJECTS, first_child, is_infinitive, object_of, parse_index, sentence_text
from extractors.event_draft import Draft
from extractors.event_learned import in_topic, learned_drafts, named_sides, reviewed, rule_features
from extractors.event_rules import letter_contents, questioned_captives, trigger_drafts
from extractors.event_types import EventTypeModel, load_event_type_model, sentence_features
from extractors.gazetteer import Entity, Gazetteer
from extractors.lexicon import Lexicon, load_lexicon
from extractors.records import Event, Quote
from extractors.resolution import Actor, Resolver, entity_actor_code
from extractors.triggers import Trigger, absorb, find_triggers
from extractors.war_acts import arms_traded, fought_beside, made_with_help, troops_abroad, with_known_destination


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
    told_drafts: list[tuple[list[Draft], Span]] = []
    told: list[Actor] = []  # the parties of the acts the last sentence with events told
    told_at = -1  # and that sentence's number
    for number, sent in enumerate(res.sentences):
        unsure: dict[int, str] = {}  # words the rules declined unsure (triggers.UNSURE)
        triggers = find_triggers(sent, lex, res, unsure)
        absorb(triggers, lex)
        drafts: list[Draft] = []
        made: list[tuple[Trigger, list[Draft]]] = []
        for trig in triggers:
            if not trig.absorbed:
                found = trigger_drafts(trig, res, lex, reference)
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
                questioned = questioned_captives(trig, found, res)
                made.append((trig, [*found, *questioned]))
        made = _ultimatums(made, sent, res, lex)
        rejected = _rejected_content(made) | _protest_demands(made) | letter_contents(made, lex)
        for trig, found in made:
            if trig.token.i not in rejected:
                drafts.extend(found)
        drafts.extend(_pair_drafts(made, drafts, sent, res, reference))
        drafts.extend(_talks_on_visit(made, res))
        drafts.extend(fought_beside(sent, drafts, res, lex, reference))
        drafts.extend(troops_abroad(sent, drafts, res, lex, reference))
        drafts.extend(arms_traded(sent, drafts, res, lex, reference))
        drafts = made_with_help(sent, drafts, res, lex, reference)
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
            drafts = reviewed(model, drafts, read, features)
            drafts.extend(learned_drafts(model, sent, triggers, drafts, res, lex, reference, unsure, read, features))
        drafts = with_known_destination(drafts, helped, res, lex)
        drafts = [kept for d in drafts if (kept := _on_itself(d, res)) is not None]
        drafts = [_on_own_people(d, res.lex) for d in drafts]
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
        events.extend(_merge(with_known_destination(drafts, first_helped, res, lex), sent))
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
    made: list[tuple[Trigger, list[Draft]]],
    drafts: list[Draft],
    sent: Span,
    res: Resolver,
    reference: date | None,
) -> list[Draft]:
    """An agreement, meeting or cooperation whose subject is only "the two leaders", "both sides" or "the
    two", which no state resolves: between the two sides of the meeting the sentence tells ("held talks with
    Duda, at which the two leaders agreed to ..."), else the two states it names ("ties between Hanoi and
    Vientiane have grown since the two countries signed a pact", "assured Kim ... when the two leaders held
    talks"); one each way. Nothing when the sentence names no pair: the news coders leave "the two
    countries agreed" uncoded when only an earlier sentence names them."""
    out: list[Draft] = []
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
            for a in named_sides(sent, res, trig.type)
            if a.token is None
            or not (
                in_topic(res.tokens[a.token], trig.token, res.lex)
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
            out.append(Draft(trig.type, trig.mode, actor, recipient, None, when, None, False, hedged))
    return out


def _talks_on_visit(made: list[tuple[Trigger, list[Draft]]], res: Resolver) -> list[Draft]:
    """The talks a visit is made for ("left for Pyongyang for talks with his North Korean counterpart", "arrived
    in North Korea for talks with its leaders"): a meeting of its own beside the visit, visitor -> the partner
    (bench/data/news README "Visits and meetings": a visit plus talks in one sentence is two events; the news
    coders code both, one way). Only for a visit that took place (a CONSULT, not a trip to come), and only the
    talks the visiting verb's own "for" phrase names with a partner ("for talks with Xi")."""
    out: list[Draft] = []
    for trig, found in made:
        visits = [d for d in found if d.type == "CONSULT" and d.mode == "visit" and d.recipient is not None]
        if trig.is_noun or trig.type != "CONSULT" or not visits:
            continue
        for prep in trig.token.children:
            talks = first_child(prep, ["pobj"]) if prep.dep_ == "prep" and prep.lower_ == "for" else None
            entry = res.lex.nouns.get(talks.lemma_.lower()) or res.lex.nouns.get(talks.lower_) if talks else None
            if entry is None or entry.type != "CONSULT" or entry.mode is not None:
                continue
            partner = next((c for c in talks.children if c.dep_ == "prep" and c.lower_ == "with"), None)
            if partner is None:
                continue
            named = res.resolve(first_child(partner, ["pobj"]), context=False, strict=False)
            for visit in visits:
                sides = [a for a in named if a.code != visit.actor.code] or [visit.recipient]
                out += [replace(visit, mode=None, recipient=side) for side in {a.code: a for a in sides}.values()]
    return out


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


def _acts_parties(drafts: list[Draft]) -> list[Actor]:
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


def _censured_before(found: list[Draft], told: list[Actor]) -> list[Draft]:
    """A criticism with no recipient of an act named again ("condemned the launch", "denounced this"):
    aimed at whoever did the acts the last sentence with events told (as the news coders code "Seoul
    denounced this": the doers of what was just reported), not at the critic itself."""
    out: list[Draft] = []
    for draft in found:
        others = [p for p in told if p.code != draft.actor.code] if draft.recipient is None else []
        if not others:
            out.append(draft)
            continue
        out += [replace(draft, recipient=p, uncoded=None) for p in others]
    return out


def _with_last_partner(drafts: list[Draft], told: list[Actor]) -> list[Draft]:
    """An act between partners with no one named beside its actor, shortly after a sentence with events that
    told the actor acting with exactly one other ("The ministers of A and B held talks. A pledged to
    expand flights"): with that other. Not when that sentence named the actor with several others or
    not at all, nor when the sentence names whom the actor's act of that type is aimed at elsewhere."""
    aimed = {(d.type, d.actor.code) for d in drafts if d.recipient is not None or d.uncoded}
    out: list[Draft] = []
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


def _rejected_content(made: list[tuple[Trigger, list[Draft]]]) -> set[int]:
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
    made: list[tuple[Trigger, list[Draft]]], sent: Span, res: Resolver, lex: Lexicon
) -> list[tuple[Trigger, list[Draft]]]:
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
    given: dict[int, Draft] = {}  # the act demanded with no demand verb -> the threat it stands for
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
    out: list[tuple[Trigger, list[Draft]]] = []
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


def _ultimatum_given(demanded: Token, found: list[Draft], res: Resolver) -> Draft | None:
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


def _protest_demands(made: list[tuple[Trigger, list[Draft]]]) -> set[int]:
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
        protesters_of = head.head.i if head.dep_ in ALL_SUBJECTS else None
        if head.i in protests or protesters_of in protests:
            inside.add(tok.i)
    return inside


def _names_known_pact(trig: Trigger, lex: Lexicon) -> bool:
    """Whether a signing names a pact already mentioned: "the pact", "the treaty", "this agreement"."""
    for t in (trig, *trig.inner):
        pact = t.token if t.is_noun else object_of(t.token)
        det = first_child(pact, ["det"]) if pact is not None else None
        if pact is not None and lex.in_class(pact, "pact") and det is not None and det.lower_ in ("the", "this"):
            return True
    return False


def _with_pact_partner(drafts: list[Draft], parties: list[Actor]) -> list[Draft]:
    """ "Kim signed a decree to ratify the pact" (the pact with Russia, named before): the other party
    of the pact is the partner of a signing that names none. "Seoul condemned the treaty" (the pact
    Moscow and Pyongyang signed, named before): an outsider's censure of it is aimed at both parties."""
    kept: list[Draft] = []
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
        if dep[i] in ALL_SUBJECTS:
            for actor in res.resolve(index.tokens[i], context=False):
                if actor.kind in ("state", "group", "igo", "person", "organisation"):
                    res.remember(actor)


# Acts a place of the actor's own state is not the other side of: a visit or meeting there, support for it
# ("accompanied him on his trip to Harbin", "to organise an Istanbul summit"). Other acts there fall on the
# state's own people, as the coders code them ("killed militants in Khyber Pakhtunkhwa province", "will
# extend the curfew in Okinawa", "declared a truce in Sirte", "an investigation at a detention
# center in Texas").
_NOT_ON_OWN_PLACES = frozenset({"CONSULT", "SUPPORT"})


def _on_itself(draft: Draft, res: Resolver) -> Draft | None:
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


def _on_own_people(draft: Draft, lex: Lexicon) -> Draft:
    """A curfew or emergency rule a state imposes with no one else named ("imposed a curfew", "put the
    country under a state of emergency"): aimed at the state's own people, X -> X, as the news coders code
    curfews and prohibitory orders. Not an act with a target named, coded or not."""
    if (
        draft.type == "COERCE"
        and draft.mode in lex.home_modes
        and draft.recipient is None
        and draft.uncoded is None
        and draft.actor.kind in ("state", "person")
        and not draft.actor.code.startswith(roles.STATELESS)
    ):
        return replace(draft, recipient=draft.actor)
    return draft


def _merge(drafts: list[Draft], sent: Span) -> list[Event]:
    """One event per (type, actor, recipient) in a sentence, pooling what each mention tells - but a
    visit and a meeting or call of the same pair are two events ("visited Pyongyang and met Kim";
    bench/data/news/README: a visit plus talks in one sentence is two events)."""
    merged: dict[tuple[str, str, str | None], list[Draft]] = {}
    visits: dict[tuple[str, str, str | None], list[Draft]] = {}
    for d in drafts:
        key = (d.type, d.actor.code, d.recipient.code if d.recipient else None)
        visit = d.type == "CONSULT" and d.mode == "visit" and d.recipient is not None
        (visits if visit else merged).setdefault(key, []).append(d)
    apart: list[tuple[tuple[str, str, str | None], list[Draft]]] = []
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
