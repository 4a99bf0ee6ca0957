"""The learned event-type model's part in finding events (the model itself is `extractors.event_types`).

After the rules, the model reviews their events (`reviewed`: a type it finds very unlikely is retyped or
dropped) and reads the sentences where they found none, or a type beside theirs (`learned_drafts`): the
word carrying its evidence is taken as a trigger and read by the per-trigger rule
(`extractors.event_rules.trigger_drafts`); failing that, by the fallbacks here (the clause's subject, a
participant noun, the only two sides the sentence names). What the rules read is also handed to a stacked
model as features (`rule_features`). Pure.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from itertools import islice

from spacy.tokens import Span, Token

from extractors import event_attributes, roles
from extractors.clauses import OBJECTS, PASSIVE_SUBJECTS, SUBJECTS, children, clause_mood
from extractors.event_draft import Draft
from extractors.event_rules import COOPERATIVE, GATHERING_TYPES, trigger_drafts
from extractors.event_types import ACTOR_KINDS, EventTypeModel, mentions_actor, sentence_features
from extractors.lexicon import Entry, Lexicon
from extractors.resolution import Actor, Resolver
from extractors.triggers import Trigger, hypothetical_subject, topic_noun
from extractors.war_acts import BESIDE, are_at_war

# The types whose "on" phrases are topics ("talks on", "agreed on"); "sanctions on", "strikes on" aim.
_TOPIC_KINDS = frozenset({"AGREE", "CONSULT"})
_TOPIC_DEPTH = 8


def in_topic(name: Token, verb: Token, lex: Lexicon) -> bool:
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


# The anchor of rule_features: no token, so that what the rules read is never a learned event's evidence.
_NO_TOKEN = -1


def rule_features(triggers: list[Trigger], drafts: list[Draft], unsure: Mapping[int, str]) -> list[tuple[int, str]]:
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


def reviewed(
    model: EventTypeModel,
    drafts: list[Draft],
    read: list[tuple[int, str]],
    features: Callable[[], list[tuple[int, str]]],
) -> list[Draft]:
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
    kept: list[Draft] = []
    for draft in drafts:
        if draft.type not in review:
            kept.append(draft)
        elif (kind := review[draft.type]) is not None:
            kept.append(replace(draft, type=kind, mode=None))
    return kept


def learned_drafts(
    model: EventTypeModel,
    sent: Span,
    triggers: list[Trigger],
    drafts: list[Draft],
    res: Resolver,
    lex: Lexicon,
    reference: date | None,
    unsure: Mapping[int, str] | None = None,
    rules_read: Sequence[tuple[int, str]] = (),
    features_of: Callable[[], list[tuple[int, str]]] | None = None,
) -> list[Draft]:
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
    learned: list[Draft] = []
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
        if _denied_clause(tok, lex) or topic_noun(tok, lex) or hypothetical_subject(tok, lex):
            continue  # denied, a topic, or hypothetical ("a visit by Xi is unlikely"), as the rules read it
        if tok.dep_ in OBJECTS and tok.head.lemma_.lower() in lex.reporting_verbs | lex.perceiving_verbs:
            continue  # what is seen or reported ("Seoul spotted containers being shipped"): not the seer's act
        light = tok.head if tok.pos_ == "NOUN" and tok.dep_ in OBJECTS and tok.head.pos_ == "VERB" else None
        found = trigger_drafts(Trigger(tok, Entry(kind), kind, None, light=light), res, lex, reference)
        verb = tok.head
        participant = tok.pos_ == "NOUN" and verb.pos_ in ("VERB", "AUX") and verb.i != tok.i
        # "there are 10,000 North Korean soldiers in Russia": the soldiers are the clause's subject, and
        # the clause's own roles would climb past "there" to whoever reports it.
        existential = tok.dep_ == "attr" and any(c.dep_ == "expl" for c in verb.children)
        if not found and participant and probability >= _PARTICIPANT_CONFIDENCE:
            # The evidence is a participant ("North Korean troops were fighting in Kursk"): its clause.
            if not existential:
                found = trigger_drafts(Trigger(verb, Entry(kind), kind, None), res, lex, reference)
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
            found = [d for d in found if d.recipient is None or not are_at_war(d.actor.code, d.recipient.code, lex)]
            found = [d for d in found if not _fought_over(d.recipient, sent, lex)]
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


def _fought_over(recipient: Actor | None, sent: Span, lex: Lexicon) -> bool:
    """Whether an aid's recipient is a place fought over ("joined the fighting for Pokrovsk", "the battle
    for Bakhmut"): a battle for a place is over it, not help to it (as war_acts reads "fighting for")."""
    if recipient is None or recipient.kind != "place" or not sent.start <= recipient.token < sent.end:
        return False
    prep = sent.doc[recipient.token].head
    return prep.lower_ == "for" and prep.head.lemma_.lower() in lex.combat_nouns


def _troops_lent(draft: Draft, res: Resolver, lex: Lexicon) -> Draft:
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


def _with_named_other(found: list[Draft], sent: Span, res: Resolver) -> list[Draft]:
    """Learned events whose recipient the role helpers did not find take the one other actor the
    sentence names ("the talks in Moscow with Pyongyang's envoy", "Russia's support": the parse hangs
    it elsewhere)."""
    kept: list[Draft] = []
    sides: dict[bool, list[Actor]] = {}  # read once per sentence and kind, not once per draft
    for draft in found:
        if draft.recipient is not None:
            kept.append(draft)
            continue
        cooperative = draft.type in COOPERATIVE
        if cooperative not in sides:
            sides[cooperative] = named_sides(sent, res, draft.type)
        others = [a for a in sides[cooperative] if a.code != draft.actor.code]
        if len({a.code for a in others}) != 1:
            kept.append(draft)
            continue
        kept.append(replace(draft, recipient=others[0]))
    return kept


def named_sides(sent: Span, res: Resolver, kind: str) -> list[Actor]:
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
    if kind in COOPERATIVE:
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
            return up.head.lower_ in BESIDE
        up = up.head
    return False


_BESIDE_DEPTH = 16


def _clause_subject_drafts(kind: str, tok: Token, res: Resolver, lex: Lexicon, reference: date | None) -> list[Draft]:
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
            Draft(
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


def _named_pair_drafts(kind: str, tok: Token, sent: Span, res: Resolver, reference: date | None) -> list[Draft]:
    """A learned type in a sentence that names exactly two actors besides its source, neither of
    them the subject of a clause ("the dispatch of North Korean forces to Russia", "cooperation
    between Pyongyang and Moscow"): the first named acts towards the second. Not a name in the topic of
    talks or an agreement ("agreed to keep up the dialogue on Lavrov's trip to Laos"): what is dealt
    with, not who deals (as the rules' own pair reading, `_pair_drafts`)."""
    named = named_sides(sent, res, kind)
    if kind in _TOPIC_KINDS:
        named = [a for a in named if a.token is None or not in_topic(res.tokens[a.token], tok, res.lex)]
    codes = list(dict.fromkeys(a.code for a in named))
    if len(codes) != 2:
        return []
    first = next(a for a in named if a.code == codes[0])
    second = next(a for a in named if a.code == codes[1])
    trig = Trigger(tok, Entry(kind), kind, None)
    if event_attributes.negated(trig, res.lex):
        return []
    return [
        Draft(
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


def _participant_drafts(kind: str, subject: Token, trig: Trigger, res: Resolver, reference: date | None) -> list[Draft]:
    """A subject that names its own state ("North Korean troops were in Russia's Kursk region"): that
    state acts, towards the state of the place named, if another."""
    actors = res.resolve(subject, context=False)
    location = event_attributes.location(trig, res)
    if not actors or location is None or event_attributes.negated(trig, res.lex):
        return []
    if kind in GATHERING_TYPES and location[1].code in {a.code for a in actors}:
        # Parties meeting, signing or cooperating in one of their own countries ("the ministers of Chile,
        # Peru, Bolivia and Ecuador signed an agreement in Lima"): the place is where they gathered, not
        # another side of it.
        return []
    when = event_attributes.event_date(trig, reference, res)
    return [
        Draft(kind, None, a, location[1], location[0], when, None, False, event_attributes.hedged(trig, res.lex))
        for a in actors
        if a.code != location[1].code
    ]
