"""Who did it to whom: the actors and recipients of a trigger found by the event rules.

Given a trigger (`extractors.triggers`), `actors` reads who acts off the dependency parse (the subject,
inherited through conjunction, control and participles; the `by` agent of a passive; the head of a relative
clause; the possessor of an event noun; a passive's theme nationality) and `recipients` who it is done to
(the object, or the `to`/`against`/... phrase of verbs whose object is what moves; the subject of a demanded
clause; the arguments of a governed clause; a deployment's or an attack's destination state; a domestic
target of an act on one's own people), each resolved to canonical ids through `extractors.resolution`.
The helpers the event drafts ask about roles (is another side named, is a firing targeted, does a verb
of support take its own actor, the target of a measure or strike) live here too. Pure: no network, no
database.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Span, Token

from extractors import event_attributes
from extractors.clauses import (
    OBJECTS,
    PASSIVE_SUBJECTS,
    SUBJECTS,
    children,
    condition_clauses,
    counted,
    entity_start,
    first_child,
    free_relative_noun,
    is_infinitive,
    is_verb,
    memo_of,
    object_after_manner,
    object_of,
    parse_index,
    passive_patient,
    prep_object,
    prep_objects,
    small_clause_object,
    subject_of,
    subtree_order,
    subtree_positions,
)
from extractors.lexicon import Lexicon, noun_forms
from extractors.resolution import (
    Actor,
    Resolver,
    conjuncts,
    is_group_noun,
    verb_actors,
)
from extractors.triggers import (
    Trigger,
    adjunct_doer,
    agentive_clause,
    doer_of,
    feared_doer,
    feeling_clause,
    is_response,
    is_thing,
    judged_doers,
    modifier_parties,
    noun_agent,
    split_possessor,
    unnamed_parties,
    verdict,
)


def phrase_words(head: Token) -> str:
    """The words of a noun phrase up to its head, without its article ("the 35-year-old inmate" ->
    "35-year-old inmate")."""
    start = head.left_edge.i
    while start < head.i and head.doc[start].pos_ in ("DET", "PUNCT"):
        start += 1
    return head.doc[start : head.i + 1].text


# Governed triggers nest as deep as the clauses do ("agreed to try to send"); a misparse can even make
# two triggers each other's inner: recipients are looked for this many levels down at most.
_MAX_INNER_DEPTH = 4


def supports_itself(trig: Trigger, res: Resolver, lex: Lexicon, actors: list[Actor]) -> bool:
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


def actors(trig: Trigger, res: Resolver, lex: Lexicon) -> tuple[list[Actor], Token | None]:
    """(actors, patient): who acts, and the passive subject or theme when there is one."""
    tok = trig.token
    if trig.entry.felt:
        clause = feeling_clause(tok, lex)
        subject = first_child(clause, SUBJECTS | PASSIVE_SUBJECTS) if clause is not None else None
        return res.resolve(subject, context=subject is not None and subject.pos_ == "PRON"), None
    if trig.entry.verdict:
        judged = verdict(tok, lex, res)
        return (judged[0] if judged else []), None
    clause = agentive_clause(tok) if trig.entry.agentive else None
    if clause is not None:
        return res.resolve(first_child(clause, SUBJECTS)), None  # "Pyongyang became Moscow's supplier"
    if trig.is_noun and trig.entry.host and _receives(trig, res):
        return _givers(trig, res), None  # "Peru's imports from Chile": the exporter
    if trig.is_noun:
        poss = first_child(tok, ["poss"])
        doer = adjunct_doer(tok, lex) if trig.light is None and trig.entry.type == "CONSULT" else None
        if doer is not None:
            return res.resolve(doer), None
        if poss is not None and (trig.light is None or poss.pos_ != "PRON"):
            return unique(split_possessor(tok, poss, trig.entry, res) + res.resolve(poss)), None
        light = trig.light
        if light is None and poss is None and noun_agent(tok, res) is None:
            return modifier_parties(tok, trig.entry, res), None  # "the Xi-Kim summit"
        if light is None:
            return res.resolve(noun_agent(tok, res), context=False), None
        return verb_actors(light, res, lex, theme=True)
    if _receives(trig, res):
        return _givers(trig, res), None
    named_before = _gerund_subject(tok)
    if named_before is not None and (doers := res.resolve(named_before, context=False)):
        return doers, None  # "commented on North Korea dispatching troops": North Korea dispatches
    judged = _extraposed_doer(tok)
    if judged is not None and (doers := res.resolve(judged, context=False)):
        return doers, None  # "it was shameful of Belarus to help Russia": Belarus helps
    actors, patient = verb_actors(tok, res, lex, theme=trig.entry.theme)
    if patient is None and trig.entry.host:
        patient = passive_patient(tok)  # "arrived in Nairobi and was welcomed by Ruto": the guest
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
        located = event_attributes.location(trig, res)
        if located is not None:
            return [located[1]], patient
    if not actors and patient is not None and tok.lower_ in lex.intent_adjectives:
        # "Ankara was committed to stronger ties with Baku": a stative passive of readiness is said of
        # the one who is committed, as "is willing to" is.
        return res.resolve(patient, context=patient.pos_ == "PRON"), None
    if not actors and trig.entry.reciprocal and patient is not None and (trig.mode == "pact" or patient.pos_ == "NOUN"):
        # "talks between Accra and Lome were held", "joint drills between India and France were staged":
        # a joint act held in the passive with no agent is held by the parties its own noun names.
        actors = _signed_between(tok, res) or _signed_between(patient, res)
    if not actors:
        actors = _named_stateless(tok, res) or _generic_stateless(tok, res)
    return actors, patient


def _signed_between(holder: Token, res: Resolver) -> list[Actor]:
    """The parties of a pact signed in the passive with no agent, named in the verb's "between" phrase
    ("agreements were signed between the governments of Chile and Peru"): both sign. The holder may be
    the joint act's own noun too ("talks between Chile and Peru were held")."""
    between = next((p for p in children(holder, ["prep"]) if p.lower_ == "between"), None)
    pobj = first_child(between, ["pobj"]) if between is not None else None
    if pobj is None:
        return []
    named = [a for w in (pobj, *pobj.conjuncts) for a in res.resolve(w, context=False, strict=False)]
    states = unique([a for a in named if a.kind == "state"])
    return states if len(states) > 1 else []


# The code of an actor named but coded as no state or organisation (_named_stateless): the marker
# and its words, so that two such actors stay apart; the event carries actor_id None (events._merge).
STATELESS = "~"
STATELESS_LABELS = frozenset({"PERSON", "ORG"})


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
        if info is None or info.code is not None or info.span.label_ not in STATELESS_LABELS:
            continue
        if info.span.label_ == "PERSON" and not _titled(conjunct, info.span, res.lex) and _names_a_party(res):
            # A bare name ("Emmanuel Macron spoke with ..."): in a text that names a state or an
            # organisation, a state's person the gazetteer lacks; in one that names none, nobody's.
            continue
        text = res.span_text(info.span)
        kind = "person" if info.span.label_ == "PERSON" else "organisation"
        found.append(Actor(STATELESS + text, text, info.entity_id, kind, conjunct.i))
    return found


def _generic_stateless(tok: Token, res: Resolver) -> list[Actor]:
    """The verb's subject when it is a common noun for people or a body ("teachers", "the nurses'
    union", "the committee") in a text that names no state, organisation of states or coded agent
    (_names_a_party): with no party to take, the group acts on no state's behalf, named by its words,
    as a titled name does. In a text that names a party, such a noun takes its context's state or
    makes no event, as before. Not a pronoun, a name, a passive subject or what a speaker says."""
    agent = first_child(tok, ["agent"])
    subj = first_child(agent, ["pobj"]) if agent is not None else subject_of(tok)
    if subj is None or subj.pos_ != "NOUN" or subj.i in res.dateline or _said_by(tok, subj.head):
        return []
    if subj.dep_ not in ("nsubj", "pobj") or res.entity_at(subj) is not None or _names_a_party(res):
        return []
    lex = res.lex
    if not (noun_forms(subj, lex) & lex.officials or lex.in_any_class(subj, _STATELESS_BODIES)):
        return []
    words = [t for t in subj.lefts if t.dep_ in ("compound", "amod", "poss", "nmod") and t.pos_ != "PRON"]
    start = min([subj.i, *(w.left_edge.i for w in words)])
    while start < subj.i and subj.doc[start].dep_ == "det":
        start += 1
    text = subj.doc[start : subj.i + 1].text
    return [Actor(STATELESS + text, text, None, "organisation", subj.i)]


# The word classes of groups and people that act uncoded in a text naming no party (_generic_stateless).
_STATELESS_BODIES = ("people", "stateless_bodies")


def _names_a_party(res: Resolver) -> bool:
    """Whether the text names anyone the rules code (a state, an organisation of states, a coded
    agent) anywhere: where it does, a person named bare may be that party's, which the gazetteer
    lacks (the news names states in every article); where it names none ("Marta Quispe denounced
    the mining law"), a bare name is an actor of its own."""
    return any((info := res.ent_of.get(ent.start)) is not None and info.code is not None for ent in res.ents)


def _titled(head: Token, name: Span, lex: Lexicon) -> bool:
    """Whether a person's name comes with what they are: a title or role before it or in apposition
    ("opposition leader Jane Roe", "Mayor John Doe", "John Doe, a lawyer"), a word of no other name
    and no honorific."""
    for child in head.children:
        if child.dep_ not in ("compound", "appos", "amod", "nmod") or name.start <= child.i < name.end:
            continue
        if child.pos_ in ("NOUN", "PROPN") and not child.ent_type_ and child.lower_ not in lex.honorifics:
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
    if trig.type == "SUPPORT" and not trig.is_noun and res.lex.in_class(first_child(trig.token, OBJECTS), "greetings"):
        return True  # "received a congratulatory message from Modi": the sender's SUPPORT (not "welcomed the move")
    if trig.type == "COOPERATE" and trig.mode == "economic":
        return True  # "imported rice from Vietnam", "bought Russian oil": trade runs exporter -> importer
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
        guest = passive_patient(tok)
    if guest is None:
        return False
    # "received a shipment of Russian grain": goods, not a guest.
    what = [guest, *prep_objects(guest, ("of",))]
    if any(t is not None and is_thing(t, res.lex) for t in what):
        return False
    return bool(res.resolve(guest, context=False, strict=False))


def _givers(trig: Trigger, res: Resolver) -> list[Actor]:
    """Who acts on a receiving subject: the visitor (object; the passive subject of "Kim was welcomed
    by Wang"), the sender of goods (the goods' state: "North Korean missiles", or "from Pyongyang"),
    the censurer ("from Seoul"), the exporter ("imported rice from Vietnam", "bought Russian oil"), the
    well-wisher ("Lula's greetings", "a congratulatory message from Modi")."""
    tok = trig.token
    received = first_child(tok, OBJECTS)
    if trig.type not in ("AID", "DISAPPROVE", "COOPERATE", "SUPPORT"):
        return res.resolve(received or passive_patient(tok))
    senders = res.resolve(received, context=False, strict=False) if trig.type != "DISAPPROVE" else []
    for prep in [*children(tok, ["prep"]), *(children(received, ["prep"]) if received is not None else [])]:
        if not senders and prep.lower_ == "from":
            senders = res.resolve(first_child(prep, ["pobj"]), context=False, strict=False)
    return senders


_COMMENTED_ON_PREPS = frozenset({"on", "about", "over", "of"})  # what is said of, not to whom


def _gerund_subject(tok: Token) -> Token | None:
    """The name just before a gerund that the parser took as the object of the main verb's
    preposition, the gerund hung on that verb: "declined to comment on Cuba sending troops" ("Cuba"
    is who sends, not the commenter)."""
    if tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "acl") or tok.i == 0 or first_child(tok, SUBJECTS):
        return None
    before = tok.doc[tok.i - 1]
    # only a topic's preposition: "sent a letter to Putin threatening …" is the sender's threat
    if before.dep_ != "pobj" or before.pos_ != "PROPN" or before.head.lower_ not in _COMMENTED_ON_PREPS:
        return None
    commented = before.head.head  # the verb of "on": the gerund's head or a clause on it ("avoided commenting")
    return before if tok.head.i in (commented.i, commented.head.i) else None


def _extraposed_doer(tok: Token) -> Token | None:
    """The doer of an infinitive judged in an extraposed "it was <adjective> of X to …" ("it was shameful
    of Belarus to help Russia", "it was wise of Seoul to reply"): X, the one the judgement is of. Only
    "of": "it is important for Seoul to talk" weighs an act nobody has done."""
    if tok.pos_ != "VERB" or tok.dep_ not in ("advcl", "xcomp", "ccomp"):
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) or tok.head.lemma_.lower() != "be":
        return None
    subject = first_child(tok.head, SUBJECTS | {"expl"})
    adjective = first_child(tok.head, ["acomp"])
    if subject is None or subject.lower_ != "it" or adjective is None:
        return None
    judged = next((p for p in children(adjective, ["prep"]) if p.lower_ == "of"), None)
    return first_child(judged, ["pobj"]) if judged is not None else None


def _counted_conjunct(tok: Token, res: Resolver) -> list[Actor]:
    """Who fights when the fighting is said of a bare count in a conjoined clause: "600 North Korean
    soldiers have been killed and thousands more wounded fighting for Russia" - the first conjunct's
    subject."""
    verb = tok
    for _ in range(3):  # the fight, a clause it hangs on ("wounded while fighting"), that clause's conjunct
        subject = first_child(verb, SUBJECTS | PASSIVE_SUBJECTS)
        bare = subject is not None and (subject.pos_ == "NUM" or subject.lemma_.lower() in res.lex.count_words)
        if bare and verb.dep_ == "conj":
            first = first_child(verb.head, SUBJECTS | PASSIVE_SUBJECTS)
            return res.resolve(first, context=False) if first is not None else []
        if subject is not None or verb.dep_ not in ("advcl", "conj") or verb.head.i == verb.i:
            return []
        verb = verb.head
    return []


def unnamed_addressees(trig: Trigger, lex: Lexicon) -> bool:
    """Whether an appeal is addressed to unnamed parties ("called on the relevant parties", "called on
    member states"): an appeal all the same."""
    preps = trig.entry.recipient_preps or ()
    addressed = prep_objects(trig.token, preps)
    addressed.append(first_child(trig.token, OBJECTS))
    return any(lex.in_class(counted(t), "addressees") for t in addressed if t is not None)


def obliged_unnamed(trig: Trigger, lex: Lexicon) -> bool:
    """Whether a reported obligation falls on parties left unnamed ("believes all parties need to")."""
    return any(
        unnamed_parties(first_child(clause, SUBJECTS | PASSIVE_SUBJECTS), lex)
        for clause in children(trig.token, ["ccomp"])
    )


def names_other_side(trig: Trigger, lex: Lexicon, kind: str | None = None) -> bool:
    """Whether the text names someone on the other side, even one the gazetteer cannot code ("met
    Jonathan Quillfeather", "talks with the rebels"): then the event stands without a recipient id.
    A meeting's other side is a party, not what is discussed ("what they discussed"), a place toured
    ("visiting a dairy factory") or a crowd of the occasion ("greeted the arriving world leaders",
    "will meet all the leaders attending"): see _party_named."""
    tok = trig.token
    obj = first_child(tok, OBJECTS) if not trig.is_noun else None
    # "set up a body to discuss the Asian NATO idea": what is discussed is a topic, never a side
    # (Entry.topic_object); "discussed the dispute with Uganda" names one in the object's phrase.
    named = [obj] if obj is not None and not trig.entry.topic_object else []
    # "holds regular talks with island nations": the object's own "with" phrase names the other side too.
    holders = [tok, *([obj] if obj is not None else [])]
    named += [
        first_child(p, ["pobj"]) for h in holders for p in children(h, ["prep"]) if p.lower_ in ("with", "between")
    ]
    if trig.entry.topic_object and obj is not None:
        # "Ruto and Wamalwa discussed ways to ...": a partner named beside the subject is the other side.
        named += [c for s in children(tok, ["nsubj"]) for c in children(s, ["conj"])]
    named = [n for n in named if n is not None]
    if kind == "CONSULT" and trig.mode == "visit":
        # A visit's other side is a host the text names as a state, body or person, not the place or
        # occasion ("visiting a dairy factory", "attended the Victory Day parade"): README "A visit
        # needs someone named on the other side"; with none resolved there is no visit to code.
        return False
    if kind == "CONSULT":
        return any(_party_named(n, lex) for n in named)
    return bool(named)


NAME_DEPS = frozenset({"compound", "amod", "poss", "appos", "nmod", "flat", "nummod"})


def _party_named(head: Token, lex: Lexicon) -> bool:
    """Whether a meeting's object or "with" phrase names a party: a name ("Jonathan Quillfeather"), a
    group or body ("the rebels", "the delegation"); not a topic or pronoun of what ("what they
    discussed", "a lot"), nor a plural crowd of people no name or state word picks out ("all the
    leaders of states attending", "the families of soldiers", "his advisers")."""
    if head.pos_ in ("PRON", "NUM") or head.tag_ in ("WP", "WDT"):
        return head.lower_ not in ("what", "which", "it", "this", "that") and head.pos_ == "PRON"
    if any(_party_named(c, lex) for c in head.children if c.dep_ == "conj"):
        return True
    # The phrase's own words, not a clause about it ("the leaders attending the BRICS summit").
    words = [head, *(w for c in head.children if c.dep_ in NAME_DEPS for w in c.subtree)]
    if any(w.pos_ == "PROPN" or w.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for w in words):
        return True
    if head.pos_ != "NOUN":
        return False
    if head.lemma_.lower() in lex.crowd_nouns and head.tag_ == "NNS":
        return False
    return head.ent_type_ != "" or head.lemma_.lower() not in lex.non_party_nouns


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
            return unique(found)
    return []


def _attack_aim(tok: Token, res: Resolver, lex: Lexicon, actors: list[Actor]) -> list[Actor]:
    """Whom a harm verb's subject says was attacked: "Israeli strikes on Gaza killed two civilians" ->
    the state of the place or side the attack noun's own "on"/"against" phrase names."""
    subject = first_child(tok, SUBJECTS)
    entry = lex.nouns.get(subject.lemma_.lower()) if subject is not None else None
    if subject is None or entry is None or entry.type != "ASSAULT":
        return []
    aimed = prep_objects(subject, ("on", "against"))
    return not_own([a for pobj in aimed if pobj is not None for a in res.resolve(pobj, context=False)], actors, lex)


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


def recipients(
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
            return not_own(unique(res.resolve(doer, context=False)), actors, lex)
        # The host of a visit, the receiver of goods ("Russia received missiles"; "… by Russia"; "Peru's imports").
        agent = first_child(tok, ["agent"])
        if trig.is_noun:
            return unique(res.resolve(first_child(tok, ["poss"]), context=False))
        return unique(res.resolve(first_child(agent, ["pobj"]) if agent is not None else subject_of(tok)))
    if trig.type == "DISAPPROVE" and (parties := _censured_pact(trig, res, lex, actors)):
        return unique(parties)
    if trig.type == "ASSAULT" and (holder := _ground_taken_from(trig, res, lex, actors)):
        return holder
    if entry.felt:
        # "alarmed by the deployment of North Korean troops": whoever did what is felt about.
        for prep in children(tok, ["prep", "agent"]):
            pobj = first_child(prep, ["pobj"]) if prep.lower_ in preps else None
            doer = doer_of(pobj, res) if pobj is not None else None
            # The pobj itself only as a named actor ("concerned about Russia"), not the economy's state.
            if doer is not None and doer.i == pobj.i and res.entity_at(pobj) is None:
                doer = None
            found = not_own(res.resolve(doer, context=False), actors, lex) if doer is not None else []
            if found:
                return unique(found)
        feared = feared_doer(tok)  # "concerned that Russia intends to ..."
        if feared is not None:
            own = {a.code for a in actors}
            return unique([a for a in res.resolve(doer_of(feared, res), context=False) if a.code not in own])
    if entry.verdict:
        # "said Pyongyang's launch was a provocation": whoever did what is condemned.
        judged = verdict(tok, lex, res)
        doers = judged_doers(judged[1], res) if judged is not None and judged[1] is not None else []
        found = not_own(unique(doers), actors, lex)
        return found or _words_answered(tok, res, lex, actors)  # "'Such remarks are unacceptable,' he said"
    if trig.entry.agentive:
        # "Moscow's main supplier", "the main supplier of shells to Russia": whom it supplies.
        owner = first_child(tok, ["poss"])
        found = res.resolve(owner, context=False) if owner is not None else []
        return unique(found or prep_recipients([tok], preps, res, lex, actors, trig, domestic=False))
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
        if obj is None and trig.type == "DISAPPROVE":
            # "condemned what they say are arms deliveries": what is condemned; only for censure ("to
            # fight what it called a regime of terror" aims at no one the "what" clause names).
            obj = free_relative_noun(tok)
        if obj is not None and lex.in_class(obj, "diplomats"):
            # "recalled its ambassador to Israel": the host; "expelled the French ambassador": the sender.
            # "recalled its ambassador from Paris" (the preposition may hang on the verb).
            for prep in [*children(obj, ["prep"]), *children(tok, ["prep"])]:
                if not found and prep.lower_ in ("to", "in", "at", "from"):
                    found = res.resolve(first_child(prep, ["pobj"]), context=False, strict=False)
                    # "summoned the Iranian envoy in Vienna", "summoned a Chilean diplomat to its
                    # ministry": the actor's own capital or office is no host; the envoy's state is.
                    found = [a for a in found if a.code not in {b.code for b in actors}]
                    if prep.lower_ == "in":
                        # "summoned Iran's ambassador in Brussels": a body's seat is where the envoy
                        # serves, not whose envoy it is.
                        found = [a for a in found if a.kind != "igo"]
        if not found and obj is not None and lex.in_class(counted(obj) or obj, "accusations"):
            # "vetoed a draft UN resolution tabled by France": whoever made the request, resolution or
            # offer, before whatever else its words name.
            found = _measure_target(obj, res, lex, actors, trig)
        if not found and obj is not None and not (entry.theme and is_thing(obj, lex)):
            # The object of "send", "hold", "impose" is what moves; it is the recipient only when it
            # names an actor itself ("supplied North Korea with aid").
            if trig.type == "AID":
                obj = small_clause_subject(obj)  # "helping the Kremlin expel Ukrainian forces"
            found = res.resolve(obj, context=False, strict=entry.theme)
            # "suspended its deployment": the actor's own possessive is not a recipient of what it moves.
            # "pulling part of its forces out of Chad": nor of what it withdraws or lays down.
            kept = not_own(found, actors, lex)
            found = [a for a in found if a.token == obj.i or a in kept]
            if entry.theme and obj.pos_ == "NOUN" and found:
                # "extradited two Islamic State members to Iraq": people or goods moved are the theme
                # even when a modifier names their group; the destination the verb names receives them.
                found = prep_recipients([tok], preps, res, lex, actors, trig, domestic=False) or found
            if not found and trig.type == "DISAPPROVE":
                found = _clause_doer(obj, res, actors)  # "denounced the agreement the two leaders signed"
            if not found and trig.type in _JUDGED and (agent := noun_agent(obj, res) or _misattached_by(obj, tok)):
                # "slammed the drills by the United States", "condemned the transfer of missiles from
                # North Korea", "welcomed the release of prisoners by Caracas": whoever did what is
                # judged, named in its own phrase ("rejected a request by Kenya": not Kenya's own).
                found = _others(not_own(res.resolve(agent, context=False), actors, lex), actors)
        if found and obj is not None and trig.type == "DISAPPROVE":
            found = unique([*found, *_arms_receivers(obj, res, lex, actors)])
    if not found:
        # "gave Canada a deadline", "offered Kyiv more weapons": the indirect object is whom it is for.
        for verb in (trig.light,) if trig.is_noun else (tok,):
            dative = first_child(verb, ["dative"]) if verb is not None else None
            if dative is not None and dative.pos_ in ("NOUN", "PROPN", "PRON"):
                found = not_own(res.resolve(dative, context=False, strict=False), actors, lex)
    if not found and _framed_meeting(trig, lex):
        # "told the head of NATO in a phone call": whom the framed verb addresses is the one met.
        found = not_own(res.resolve(first_child(trig.light, OBJECTS), context=False, strict=False), actors, lex)
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
    if not found and trig.is_noun and trig.type == "DEMAND":
        # "reiterated its demand that Lima halt the drills": the subject of the demand's own that-clause
        # is who is asked, as the governed clause's subject of "demanded that Lima halt" is.
        for clause in children(tok, ["acl", "ccomp"]):
            subject = first_child(clause, SUBJECTS | PASSIVE_SUBJECTS)
            if (
                subject is None
                or subject.pos_ == "PRON"
                or not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
            ):
                continue
            clause_subject = subject
            found = [a for a in res.resolve(subject) if all(a.code != b.code for b in actors)]
            if found:
                break
    if not found and trig.type == "DISAPPROVE":
        found = _censured_doer([tok, obj] if obj is not None else [tok], res, actors, lex)
    if not found:
        found = prep_recipients(holders, preps, res, lex, actors, trig, domestic=False)
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
            found = prep_recipients(
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
    # whom the act is aimed at (uncoded_target keeps its words), not whom its governed act or a
    # phrase's unnamed people would give.
    named_object = obj is not None and obj.pos_ == "PROPN" and obj.ent_type_ in ("", *STATELESS_LABELS)
    if not found and depth < _MAX_INNER_DEPTH and not addressed and not named_object:
        for inner in trig.inner:
            found = recipients(inner, res, lex, None, actors, depth=depth + 1)
            if (not found and inner.type in ("DEMAND",)) or (not found and trig.type == "DEMAND"):
                found = res.resolve(subject_of(inner.token), context=False, strict=False)
            if found:
                break
    if not found and trig.type in _COMMITMENTS:
        found = agreed_partner(trig, res, lex, actors)
    if not found and trig.type == "REJECT" and not trig.is_noun:
        found = denied_claimant(tok, res, lex, actors)
    if not found and trig.type in _ANSWERS and not trig.is_noun:
        found = _words_answered(tok, res, lex, actors)
    if not found:
        found = _helped(tok, obj, res, lex, actors)
    if not found and trig.mode == "third-party":
        found = _mediated(trig, res, actors)
    if not found and trig.type == "INVESTIGATE":
        found = _investigated_doer(trig, obj, res, actors)
    if not found and trig.type == "RETREAT":
        found = _ground_left(tok, obj, res, actors)
    if not found and trig.type == "ASSAULT" and not trig.is_noun:
        found = _attack_aim(tok, res, lex, actors)
    # Last, an unnamed person or group: the state in context ("detained the former army chief").
    if not found and obj is not None and not entry.theme:
        found = _domestic(obj, res, lex, actors, trig)
    if not found and patient is not None and not entry.theme:
        found = _domestic(patient, res, lex, actors, trig)  # "three journalists were arrested by police"
    if not found and clause_subject is not None:
        found = _domestic(clause_subject, res, lex, actors, trig)  # "allow girls to return"
    if not found and not named_object:
        found = prep_recipients(holders, preps, res, lex, actors, trig, domestic=True)
    if not found and trig.type == "DISAPPROVE" and not trig.is_noun:
        found = _retort_target(tok, res, actors)
    if not found and trig.type == "DISAPPROVE":
        found = _prompting_doer(trig, res, actors)
    if not found and trig.type == "MOBILIZE":
        found = _purpose_foe(trig, res, actors)
    verb = trig.light if trig.is_noun else tok
    if not found and verb is not None:
        found = _contacted(verb, res, lex, actors)
    if not found and verb is not None and trig.type in _OFFERED:
        found = _told_partner(verb, res, lex, actors)
    if not found and trig.type == "DISAPPROVE" and trig.is_noun and (feared := feared_doer(tok)) is not None:
        # "voiced worries that Russia could hand North Korea technology": whoever would do it.
        own = {a.code for a in actors}
        found = [a for a in res.resolve(doer_of(feared, res), context=False) if a.code not in own]
    if not found and is_response(trig):
        found = condition_actor(tok, res, actors)
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
    return unique(found)


# Commitments whose other party may stand deep in what they commit to (agreed_partner).
_COMMITMENTS = frozenset({"AGREE", "THREATEN"})
# Dependencies of a clause that are not what it commits to: its subject and clauses about it.
_NOT_COMMITTED = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "advcl", "relcl", "parataxis"})


def agreed_partner(trig: Trigger, res: Resolver, lex: Lexicon, actors: list[Actor]) -> list[Actor]:
    """The other party named inside what a pledge, offer, threat or signing commits to, however deep:
    the partner of the ties, cooperation or trade ("promised to step up efforts to normalise relations
    with Togo", "pledged to lay the groundwork for mending Ghana's relations with Togo", "Ghana's pledge
    of military cooperation with Togo", "threatened to sever ties with its neighbour Togo"), or the
    other state a pact's own name pairs with the signer ("ratified the Ghana-Togo treaty": the name
    must hold the signer too, so "signed the Minsk agreement" names no partner). Never the subject's
    phrase nor a clause about it ("Ghana, which has close ties with Togo, promised aid")."""
    tok = trig.token
    own = {a.code for a in actors}
    apart = {t.i for c in tok.children if c.dep_ in _NOT_COMMITTED for t in c.subtree}
    for word in (w for w in tok.subtree if w.i not in apart):
        if word.i == tok.i or word.pos_ not in ("NOUN", "PROPN"):
            continue
        if lex.in_class(word, "ties") or lex.in_class(word, "trade"):
            for prep in children(word, ["prep"]):
                if prep.lower_ not in ("with", "between"):
                    continue
                for pobj in children(prep, ["pobj"]):
                    named = [pobj, *children(pobj, ["appos"])]
                    found = [a for n in named for a in res.resolve(n, context=False) if a.code not in own]
                    if found:
                        return unique(found)
        if lex.in_class(word, "pact"):
            named = pact_parties(word, res)
            if own & {a.code for a in named}:
                found = [a for a in named if a.code not in own]
                if found:
                    return unique(found)
    return []


# Determiners of a claim named again ("denied the allegations", "rejected that claim").
_AGAIN = frozenset({"the", "that", "these", "those", "such", "this"})


def _claims_maker(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb makes a claim or accusation ("said", "claimed", "accused"), not denies one."""
    entry = lex.verb_entry(verb)
    if entry is not None and entry.type in ("REJECT", "CONCEDE"):
        return False
    return verb.lemma_.lower() in lex.reporting_verbs or (entry is not None and entry.type == "DISAPPROVE")


def pact_parties(pact: Token, res: Resolver) -> list[Actor]:
    """The states a pact's own phrase names as its parties: the modifiers before it ("the Ghana-Togo
    treaty", "the Ghana–Togo defence pact") and its "between" phrase ("the treaty between Ghana and
    Togo")."""
    words = [c for c in pact.subtree if c.i < pact.i and c.dep_ in ("compound", "nmod", "amod")]
    for prep in children(pact, ["prep"]):
        if prep.lower_ == "between":
            words += [w for pobj in children(prep, ["pobj"]) for w in (pobj, *pobj.conjuncts)]
    return unique([a for w in words for a in res.resolve(w, context=False) if a.kind == "state"])


def _censured_pact(trig: Trigger, res: Resolver, lex: Lexicon, actors: list[Actor]) -> list[Actor]:
    """Both parties of a pact censured by name ("condemned the Ghana-Togo treaty", "voiced concern
    over the treaty between Ghana and Togo"), as the news coders aim an outsider's censure of a pact
    at its parties; only when the pact's phrase names two or more."""
    verb = trig.light if trig.is_noun else trig.token
    held = [trig.token, verb] if verb is not None else [trig.token]
    pacts = [object_of(trig.token)] if not trig.is_noun else []
    pacts += [pobj for holder in held for prep in children(holder, ["prep"]) for pobj in children(prep, ["pobj"])]
    own = {a.code for a in actors}
    for pact in pacts:
        if pact is not None and lex.in_class(pact, "pact"):
            parties = [a for a in pact_parties(pact, res) if a.code not in own]
            if len({a.code for a in parties}) > 1:
                return parties
    return []


def denied_claimant(tok: Token, res: Resolver, lex: Lexicon, actors: list[Actor]) -> list[Actor]:
    """Whose claim or accusation a denial answers when the sentence names it by a relative pronoun, a
    claim noun with a relative clause, or the claim noun again: the subject of the claiming or accusing
    verb ("Togo accused Ghana of arming the rebels, which Accra denies", "Togo said it had retaken the
    district, a claim Ghana was quick to reject", "While Togo claimed the troops had crossed, Ghana denied
    the allegations"), as the news coders code a denial's accuser (bench/data/news README "Statements":
    recipient null unless the accuser is named)."""
    own = {a.code for a in actors}
    obj = first_child(tok, OBJECTS)
    up = tok
    while up.dep_ in ("xcomp", "acomp", "ccomp", "conj") and up.head.i != up.i:
        up = up.head  # "a claim officials were quick to reject"
    start: Token | None = None
    if obj is not None and obj.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
        start = tok.head  # "which Accra denies": what the relative pronoun stands for
    elif up.dep_ == "relcl" and lex.in_class(up.head, "accusations"):
        start = up.head  # "a claim Ghana rejected": the claim's clause
    if start is not None:
        for verb in [start, *start.ancestors]:
            if verb.pos_ in ("VERB", "AUX") and verb.i != tok.i and _claims_maker(verb, lex):
                subject = subject_of(verb)
                found = [a for a in res.resolve(subject, context=False) if a.code not in own] if subject else []
                if found:
                    return unique(found)
        return []
    det = first_child(obj, ["det"]) if obj is not None else None
    if obj is None or det is None or det.lower_ not in _AGAIN or not lex.in_class(obj, "accusations"):
        return []
    if _maker(obj) is not None:
        return []
    # "While Togo claimed ..., Ghana denied the allegations": the claim the sentence told before the
    # denial, not the frame that reports the denial ("Ghana said it denied the allegations").
    frame: set[int] = set()
    up = tok
    while up.dep_ in ("ccomp", "xcomp") and up.head.i != up.i:
        up = up.head
        frame.add(up.i)
    for verb in reversed(tok.sent[: tok.i - tok.sent.start]):
        if verb.pos_ == "VERB" and verb.i not in frame and _claims_maker(verb, lex):
            subject = subject_of(verb)
            found = [a for a in res.resolve(subject, context=False) if a.code not in own] if subject else []
            if found:
                return unique(found)
    return []


# Reactions that answer someone's words: "rejected that claim", "condemned his remarks".
_ANSWERS = frozenset({"REJECT", "DISAPPROVE"})
# Words that point back to words said before ("that claim", "such remarks", "his assertion").
# Not "the": "dismissed the allegations" answers a charge the story reported, as often as a speaker's words.
_BACK_WORDS = frozenset({"this", "that", "these", "those", "such"})


def _words_answered(tok: Token, res: Resolver, lex: Lexicon, actors: list[Actor]) -> list[Actor]:
    """Whose words a rejection or criticism answers when it names them only as said before ("Kyiv rejected
    that claim", "'Such remarks are unacceptable,' he said", "condemned his remarks"): the speaker of the
    nearest quoted words before it, in its sentence or the one before (Resolver.speaker_before), as the news
    coders aim such an answer at whoever spoke (the critic's own words aside)."""
    judged = first_child(tok, OBJECTS) or first_child(tok, PASSIVE_SUBJECTS)
    if judged is None and tok.dep_ in ("acomp", "attr"):
        judged = first_child(tok.head, SUBJECTS)  # "such remarks are unacceptable"
    if judged is None or judged.pos_ != "NOUN" or not lex.in_class(judged, "said_nouns"):
        return []
    pointed = False
    for child in judged.children:
        if child.lower_ in _BACK_WORDS or (child.dep_ == "poss" and child.pos_ == "PRON"):  # "such": amod
            pointed = True
        elif child.dep_ not in ("amod", "punct") or child.ent_type_:
            return []  # its own words say whose they are ("the claim that ...", "the remarks by Lula", "US")
    return res.speaker_before(judged, {a.code for a in actors}) if pointed else []


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
    it (small_clause_object, _predicated_subject) or on a manner phrase before it (object_after_manner)."""
    obj = first_child(tok, OBJECTS)
    # "the parts of the region that Togo's forces seized": what the pronoun stands for; not a name, which
    # the parser often gives a clause about an earlier noun ("shells sent to Russia, which Russia fires").
    if obj is not None and obj.lower_ in ("which", "that", "whom") and tok.dep_ == "relcl" and tok.head.pos_ == "NOUN":
        return tok.head
    return (
        obj or small_clause_object(tok) or _predicated_subject(tok, infinitive=infinitive) or object_after_manner(tok)
    )


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
            found = not_own(res.resolve(doer, context=False), actors, lex)
            if found:
                return unique(found)
    return []


# Determiners of an act named again ("the launch", "these moves"), and pronouns that stand for one ("denounced this").
_AGAIN_DETERMINERS = frozenset({"the", "this", "these", "those", "such"})
_AGAIN_PRONOUNS = frozenset({"this", "that", "these", "those"})


def act_named_before(trig: Trigger, lex: Lexicon) -> bool:
    """Whether a criticism or concern is about an act it names only as one told before ("condemned the
    launch", "denounced this", "concern over these moves", "the patrols drew condemnation"): a pronoun, or an
    act noun (an event noun or the lexicon's `act_nouns`) with a definite determiner and nothing naming a
    doer (no possessor, no name, no of/by/between phrase, no clause)."""
    tok = trig.token
    verb = trig.light if trig.is_noun else tok
    judged: list[Token | None] = []
    if verb is not None:
        obj = first_child(verb, OBJECTS)
        named = lex.nouns.get(obj.lemma_.lower()) if obj is not None else None
        if named is not None and named.type == trig.type:
            obj = first_child(verb, SUBJECTS)  # "the launch drew condemnation": the criticism is the object
        judged += [obj, first_child(verb, PASSIVE_SUBJECTS)]
    for holder in (tok, verb):
        if holder is not None:
            judged += prep_objects(holder, ("over", "about", "at"))
    judged = [j for j in judged if j is not None and j.i != tok.i]
    if not judged:
        return False
    cand = judged[0]
    if cand.pos_ == "PRON":
        return cand.lower_ in _AGAIN_PRONOUNS
    if cand.pos_ != "NOUN" or not (noun_forms(cand, lex) & lex.nouns.keys() or lex.in_class(cand, "act_nouns")):
        return False
    return _told_again(cand, relative=False)


def _told_again(noun: Token, *, relative: bool) -> bool:
    """Whether a noun with "the", "this" or "such" names no doer of its own: no possessor, name, of/by
    phrase, apposition or clause, only dates and plain modifiers ("the launch on Thursday"). relative:
    a clause the noun itself is the subject of names none either ("the attack, which hit a village")."""
    if not any(c.dep_ == "det" and c.lower_ in _AGAIN_DETERMINERS for c in noun.children):
        return False
    for child in noun.children:
        if child.dep_ in ("det", "punct", "amod") and not child.ent_type_:
            continue
        if child.dep_ == "prep" and all(o.ent_type_ in ("DATE", "TIME") for o in children(child, ["pobj"])):
            continue  # "the launch on Thursday"
        if relative and child.dep_ == "relcl" and _acts_itself(child):
            continue
        return False  # a possessor, a name, an of/by phrase, an apposition or a clause names who did it
    return True


def _acts_itself(clause: Token) -> bool:
    """A relative clause whose subject is its relative pronoun ("which hit a village"), not one that
    names who did the act ("that Moscow launched")."""
    subj = first_child(clause, SUBJECTS)
    return subj is not None and subj.tag_ == "WDT" and first_child(clause, PASSIVE_SUBJECTS) is None


def act_told_again(trig: Trigger, lex: Lexicon) -> Token | None:
    """The act a verb acts on when it names it only as one told before, to be read where it was told
    ("ratified the treaty", "condemned the attack, which hit a village", "the deployment was
    condemned"): an event noun of the lexicon (or one of its `act_nouns`) with a definite determiner and
    no doer of its own (_told_again)."""
    if trig.is_noun:
        return None
    tok = trig.token
    judged = first_child(tok, OBJECTS) or first_child(tok, PASSIVE_SUBJECTS)
    if judged is None:
        preps = [p for p in children(tok, ["prep"]) if p.lower_ in ("over", "about", "at")]
        judged = first_child(preps[0], ["pobj"]) if preps else None
    if judged is None or judged.pos_ != "NOUN":
        return None
    if not (noun_forms(judged, lex) & lex.nouns.keys() or lex.in_class(judged, "act_nouns")):
        return None
    return judged if _told_again(judged, relative=True) else None


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
            found = not_own(res.resolve(target, context=False, strict=False), actors, lex)
            if found:
                return found
    return []


def _ground_left(tok: Token, obj: Token | None, res: Resolver, actors: list[Actor]) -> list[Actor]:
    """The state whose ground a withdrawal leaves, named only as the place of what is left ("withdrew its
    troops from a base in Somalia", "pulled back out of a town in Mali"): as a place of a coded state."""
    own = {a.code for a in actors}
    holders = [tok, *children(tok, ["prt", "advmod"]), *([obj] if obj is not None else [])]
    for prep in (p for holder in holders for p in children(holder, ["prep"])):
        if prep.lower_ not in ("from", "of"):
            continue
        for left in children(prep, ["pobj"]):
            located = res.location_state(left)
            if located is not None and located.code not in own:
                return [located]
    return []


def _investigated_doer(trig: Trigger, obj: Token | None, res: Resolver, actors: list[Actor]) -> list[Actor]:
    """Whoever did what is investigated, named in its phrase: "opened an investigation into alleged
    spying by Russia", "will investigate the sabotage attacks by Russian agents" (PLOVER: the target of
    an investigation is whom it concerns, not the investigator's own state)."""
    matters = [obj] if obj is not None else []
    # "launched a probe of Lima's approval": the verb's event noun holds the phrase too; "an inquiry
    # into whether Peruvian agents spied": the clause the preposition takes names its doer.
    for holder in (trig.token, trig.light, obj):
        if holder is not None:
            matters += [
                o
                for p in children(holder, ["prep"])
                if p.lower_ in ("into", "of")
                for o in children(p, ["pobj", "pcomp"])
            ]
    own = {a.code for a in actors}
    for matter in matters:
        if matter is not None and matter.dep_ == "pcomp":
            subject = first_child(matter, SUBJECTS | PASSIVE_SUBJECTS)
            if subject is None or subject.pos_ == "PRON":
                continue
            found = [a for a in res.resolve(subject, context=False) if a.code not in own]
            if found:
                return found
            continue
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
    return not_own(res.resolve(obj, context=False, strict=False), actors, lex) if obj is not None else []


# Acts one side may tell a partner it does or will do with or for it (made to whom it is told).
_OFFERED = frozenset({"AGREE", "COOPERATE", "AID", "SUPPORT"})


def _told_partner(verb: Token, res: Resolver, lex: Lexicon, actors: list[Actor]) -> list[Actor]:
    """Whom one's own side's offer is told to: the object of a verb of telling whose that-clause holds
    the act ("told Lima that Santiago was committed to closer ties", "assured Baku that Ankara stood
    ready to help"), or the one met by a speaker who "met Ramaphosa and said India was willing to
    expand trade". Only when the teller is of the act's own side: what a third state is told of
    another's plans is not offered to it."""
    clause = verb
    while clause.dep_ in ("xcomp", "acomp", "oprd") and clause.head.i != clause.i:
        clause = clause.head  # "was willing to deepen", "stood ready to help": the clause of the readiness
    if clause.dep_ != "ccomp" or clause.i < clause.head.i:
        return []  # a quotation before its verb ('"…," Wang told X') is what is said, no offer made
    teller = clause.head
    if teller.lemma_.lower() not in lex.telling_verbs:
        said = teller.lemma_.lower() in lex.reporting_verbs and teller.dep_ == "conj"
        teller = teller.head  # "met Ramaphosa and said ...": whom the speaker met
        if not said or teller.lemma_.lower() not in lex.meeting_verbs:
            return []
    own = {a.code for a in actors}
    if not own or not own <= {a.code for a in res.resolve(subject_of(teller))}:
        return []
    partner = first_child(teller, [*OBJECTS, "dative"])
    found = res.resolve(partner, context=False, strict=False) if partner is not None else []
    return [a for a in found if a.code not in own]


def _purpose_foe(trig: Trigger, res: Resolver, actors: list[Actor]) -> list[Actor]:
    """Whom a mobilisation is aimed at, named in what it is for: "mobilized troops for the Gulf War
    against Iraq", "mobilized the navy for a sea landing against Tobruk", "mobilized troops to move
    against Syria's chemical weapons" (the first `against` in its purpose phrase or clause)."""
    tok = trig.token
    purposes = prep_objects(tok, ("for",))
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


_OBJECT_PHRASE_PREPS = frozenset({"of", "on", "against"})  # what an act noun is done to


def _misattached_by(act: Token, verb: Token) -> Token | None:
    """The doer of a judged act in a "by" phrase the parser hangs elsewhere: on the noun of the act's own
    object phrase ("condemned the strikes on the ports by Israel") or on the active verb that judges it
    ("protested the launch of missiles by Pyongyang"; a passive verb's is its own agent)."""
    for pobj in prep_objects(act, _OBJECT_PHRASE_PREPS):
        if pobj is not None and (by := prep_object(pobj, ("by",))) is not None:
            return by
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    return prep_object(verb, ("by",))


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


def condition_actor(tok: Token, res: Resolver, actors: list[Actor]) -> list[Actor]:
    """Whom a threatened response answers, named as the subject of its condition: "If North Korea
    dispatches troops, we will take necessary measures" -> North Korea."""
    own = {a.code for a in actors}
    current = tok
    for _ in range(3):
        for clause in condition_clauses(current, ("if", "should")):
            subject = first_child(clause, SUBJECTS)
            found = [a for a in res.resolve(subject, context=False) if a.code not in own] if subject else []
            if found:
                return found
        if current.dep_ not in ("xcomp", "conj", "ccomp") or current.head.i == current.i:
            break
        current = current.head
    return []


def _prompting_doer(trig: Trigger, res: Resolver, actors: list[Actor]) -> list[Actor]:
    """Whom a criticism or concern answers when only what prompted it names the other side: the subject
    of an "after" clause ("Lima voiced concern after La Paz tested a missile" -> Bolivia) or the doer of
    an act after which it came ("protested following the seizure of a boat by the Bolivian navy")."""
    verb = trig.light if trig.is_noun else trig.token
    if verb is None:
        return []
    own = {a.code for a in actors}
    prompts = [first_child(clause, SUBJECTS) for clause in condition_clauses(verb, ("after",))]
    for prep in children(verb, ["prep"]):
        act = first_child(prep, ["pobj"]) if prep.lower_ in ("after", "following") else None
        doer = doer_of(act, res) if act is not None else None
        prompts.append(doer if doer is not None and doer.i != act.i else None)  # "after Lima": a time
    for prompt in prompts:
        found = [a for a in res.resolve(prompt, context=False) if a.code not in own] if prompt else []
        if found:
            return found
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


def _users(trig: Trigger, res: Resolver, lex: Lexicon, actors: list[Actor]) -> list[Actor]:
    """Who uses the weapons handed over, named in a relative clause on them: "sent missiles, which
    Moscow's troops launch against Ukraine", "supplied shells that Russian forces fired"."""
    goods = counted(object_of(trig.token)) if not trig.is_noun else None
    if goods is None or not lex.in_class(goods, "weapons"):
        return []
    own = {a.code for a in actors}
    for clause in (c for c in goods.children if c.dep_ == "relcl" and c.lemma_.lower() in lex.weapon_use_verbs):
        user = first_child(clause, SUBJECTS)
        if user is None or user.pos_ == "PRON":
            continue
        holder = first_child(user, ["poss"]) or user
        found = [a for a in res.resolve(holder, context=False, strict=False) if a.code not in own]
        if found:
            return found
    return []


def callers(trig: Trigger, res: Resolver, actors: list[Actor]) -> list[Actor]:
    """Who made a call that the clause's subject received or took ("received a telephone call from
    Blinken", "took a call from the Chinese premier"): the named side after "from". Else []."""
    light = trig.light
    if not trig.is_noun or trig.mode != "phone" or light is None:
        return []
    if light.lemma_.lower() not in res.lex.call_taking_verbs:
        return []
    own = {a.code for a in actors}
    for prep in children(trig.token, ["prep"]):
        if prep.lower_ == "from":
            return [c for c in res.resolve(first_child(prep, ["pobj"]), context=False) if c.code not in own]
    return []


# Types whose theme is goods or forces moved to someone (a participle's noun is what moves).
_MOVES = frozenset({"AID", "MOBILIZE"})


def _participle_users(tok: Token, res: Resolver, lex: Lexicon, actors: list[Actor]) -> list[Actor]:
    """Who uses weapons a participle says another side gave, as the subject of the verb they are the
    object of: "Russia fired missiles supplied by North Korea", "Moscow has used shells made in the
    North" - the user is the one aided. Else []."""
    goods = tok.head
    if goods.dep_ not in OBJECTS or not lex.in_class(counted(goods), "weapons") or not is_verb(goods.head):
        return []
    if goods.head.lemma_.lower() not in lex.weapon_use_verbs or any(c.dep_ == "prt" for c in goods.head.children):
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
        return not_own(res.resolve(named, context=False, strict=False), actors, lex) if named is not None else []
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
    return not_own(res.resolve(following, context=False, strict=False), actors, lex)


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
                a for a in res.resolve(small_clause_subject(target), context=False, strict=False) if a.code not in own
            ]
            if found:
                return found
    return []


def small_clause_subject(target: Token | None) -> Token | None:
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
    found = prep_recipients(holders, preps, res, lex, actors, trig, domestic=False)
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


def _arms_receivers(act: Token, res: Resolver, lex: Lexicon, actors: list[Actor]) -> list[Actor]:
    """Whom a condemned transfer of arms went to ("condemned the transfer of missiles from North Korea to
    Russia"): the censure is aimed at the receiver beside the sender, as the news coders code it (bench/data/news
    README, the review of tokyo.jsonl: 8 rows to 3). Not a dispatch of troops (the sender's alone, every row)."""
    if act.lemma_.lower() not in lex.transfer_nouns and act.lower_ not in lex.transfer_nouns:
        return []
    goods = prep_object(act, ("of",)) or first_child(act, ["compound"])
    if goods is None or not lex.in_class(counted(goods) or goods, "weapons") or lex.in_class(goods, "troops"):
        return []
    found = res.resolve(prep_object(act, ("to",)), context=False)
    return _others(not_own(found, actors, lex), actors)


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


def not_own(found: list[Actor], actors: list[Actor], lex: Lexicon) -> list[Actor]:
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


def uncoded_target(
    trig: Trigger, res: Resolver, lex: Lexicon, patient: Token | None, actors: list[Actor], depth: int = 0
) -> str | None:
    """The words of whom an event with no coded recipient is done to, when the text names someone the
    gazetteer cannot code: a person or organisation ("granted asylum to Julian Assange", "rejected a
    request from Mr. Lukashenko", "Jane Doe was arrested by police") or people ("detained dozens of
    protesters", "let the refugees across its border"). The passive subject, the object (or who made a
    request, appeal or offer that is the object), the indirect object, then the recipient
    prepositions' objects; with none, whom the governed act is done to ("agreed to release two
    hostages", "refused to meet the strikers"). Things, places and events acted on are thing_target's."""
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
        if lex.in_any_class(cand, ("people", "civilians", "prisoners", "refugees", "police", "target_people")):
            return phrase_words(cand)
        # Officials and institutions only as a definite group ("the government", "state judges"), not
        # "a state of siege" or "talks on security".
        definite = cand.tag_ in ("NNS", "NNPS") or any(c.dep_ == "poss" or c.lower_ == "the" for c in cand.children)
        if definite and is_group_noun(cand, lex) and cand.lemma_.lower() != "state":  # "the state of emergency"
            return phrase_words(cand)
    if depth < _MAX_INNER_DEPTH:
        for inner in trig.inner:
            target = uncoded_target(inner, res, lex, None, actors, depth + 1)
            if target is not None:
                return target
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


def thing_target(
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


def struck_thing(
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
    words = phrase_words(head)
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


def subtree_prep_objects(tok: Token, preps: tuple[str, ...]) -> dict[str, list[Token]]:
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


def prep_recipients(
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
    objects of the holders' prepositions by preposition, when found already (subtree_prep_objects)."""
    if found_nouns is None:
        found_nouns = _holder_prep_objects(holders, preps)
    for name in preps:
        for pobj in found_nouns.get(name, []):
            found = (
                _domestic(pobj, res, lex, actors, trig) if domestic else res.resolve(pobj, context=False, strict=False)
            )
            found = not_own(found, actors, lex)
            if found and not domestic:
                # "cut relations with France, and with Nigeria and Togo": the conjoined phrase's too.
                # (The parser may hang the second phrase on the verb: "cut ... with France, and with Nigeria".)
                again = [c for c in pobj.head.conjuncts if c.lower_ == name]
                again += [c for c in children(trig.token, ["conj"]) if c.lower_ == name and c.pos_ == "ADP"]
                for pobj2 in (o for c in again for o in children(c, ["pobj"])):
                    found += [a for a in not_own(res.resolve(pobj2, context=False, strict=False), actors, lex)]
            if found:
                return found
    return []


_ACTS_ON_OWN_PEOPLE = frozenset({"COERCE", "INVESTIGATE", "CONCEDE", "RETREAT"})


def _domestic(tok: Token, res: Resolver, lex: Lexicon, actors: list[Actor], trig: Trigger) -> list[Actor]:
    """An unnamed person or group as recipient ("the former president", "six militants", "the
    foreign agents law"): the state of the place named, else the actor's own state when the
    actor is a domestic institution or the event is domestic by nature."""
    tok = counted(tok) or tok  # "dozens of commercial ships" are ships
    if any(c.lower_ in lex.foreign_adjectives for c in tok.children):
        return []  # "restrictions on foreign journalists" are not on the state's own people
    if tok.lemma_.lower() in lex.quote_sets.get("audience_nouns", frozenset()) and (
        tok.head.lemma_.lower() in lex.reporting_verbs
    ):
        return []  # "the spokesman told reporters": whom words are said to, not whom they are aimed at
    nouns = [tok, *[c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")]]
    # Whose a thing is makes it no person ("criticised the leader's remarks", "the opposition's demand").
    named = [n for n in nouns if n.dep_ != "poss" or n is tok]
    people = any(lex.in_class(n, "people") or n.lemma_.lower() in lex.org_nouns or is_group_noun(n, lex) for n in named)
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
        return [replace(located, text=phrase_words(tok), entity_id=None, token=tok.i)]
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


def _ground_taken_from(trig: Trigger, res: Resolver, lex: Lexicon, actors: list[Actor]) -> list[Actor]:
    """Whom ground was freed or retaken from ("freed the region from Ukrainian control", "retook the town
    from the rebels"): who held it is the one attacked, not the ground's own state."""
    tok = trig.token
    if trig.is_noun or tok.lemma_.lower() not in lex.liberation_words:
        return []
    obj = object_of(tok)
    # The parser may hang the phrase on the ground ("freed the region of Kursk from Ukrainian control").
    holders = [tok, *(t for t in obj.subtree if t.pos_ in ("NOUN", "PROPN"))] if obj is not None else [tok]
    for prep in (p for h in holders for p in children(h, ["prep"])):
        if prep.lower_ == "from":
            for pobj in children(prep, ["pobj"]):
                found = not_own(res.resolve(pobj, context=False, strict=False), actors, lex)
                if found:
                    return unique(found)
    return []


def _igo(actor: Actor, res: Resolver) -> bool:
    """Whether an actor is an organisation of states, or someone who speaks for one ("Guterres")."""
    entity = res.gaz.entity(actor.code) if actor.code else None
    return actor.kind == "igo" or (entity is not None and entity.kind == "igo")


def targeted(trig: Trigger, res: Resolver) -> bool:
    """Whether a firing has a target ("at Tel Aviv"), even one the gazetteer cannot code; also in a
    "what" clause that names what was fired ("fired what it called rockets at Tel Aviv")."""
    named = free_relative_noun(trig.token)
    holders = [trig.token] if named is None else [trig.token, named.head, named]
    for prep in (p for holder in holders for p in children(holder, ["prep"])):
        pobj = first_child(prep, ["pobj"])
        if pobj is None:
            continue
        if pobj.ent_type_ in ("DATE", "TIME"):
            continue  # "on Monday"
        info = res.entity_at(pobj)
        if info is not None and info.kind == "place" and info.code is None:
            continue  # "toward the Sea of Japan" is a test range, not a target
        if pobj.lemma_.lower() in res.lex.sea_nouns:
            continue
        if prep.lower_ in ("at", "on", "against", "toward", "towards"):
            return True
        if prep.lower_ == "into" and (pobj.ent_type_ in ("GPE", "LOC", "FAC") or res.entity_at(pobj)):
            return True
    return False


def _actor_is_domestic(trig: Trigger, lex: Lexicon) -> bool:
    subj = subject_of(trig.token) if not trig.is_noun else None
    return subj is not None and lex.in_class(subj, "domestic")


def unique(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    seen: set[tuple[str, int]] = set()  # (a sentence of hundreds of actors stays linear)
    for a in actors:
        if (a.code, a.token) not in seen:
            seen.add((a.code, a.token))
            out.append(a)
    return out


# The modes of a protest that are aimed at the state where they are held (a march, a rally, a riot, a
# blockade); strikes, hunger strikes and boycotts are aimed at whom they name, or at no one (the news
# coders: "rail workers walked off the job" and "strikes in the UK" have no recipient).
_PLACED_PROTESTS = frozenset({"demo", "riot", "obstruct"})


def protesting_crowd(trig: Trigger, res: Resolver, lex: Lexicon, actors: list[Actor]) -> Actor | None:
    """The people a protest is by when the rules name no actor for it: protesters, workers, students,
    prisoners or crowds (the lexicon's `civilians`) with no state of their own or of their place, or
    no one named ("Protests against the law spread", "rallies were held", "a general strike paralysed
    the capital"). The news coders code these with no actor, aimed at the state protested against
    (protest_targets): an actor with no code, by the doers' words. Protesters a state is read for
    ("Kenyan protesters", "students in Dhaka") keep it, as the project's own gold codes them."""
    if not trig.is_noun and trig.entry.type == "PROTEST" and first_child(trig.token, OBJECTS) is not None:
        return None  # "demonstrated its resolve", "rallied support": a showing, not a march
    if actors:
        return None
    doer = _protest_doer(trig, res)
    if doer is not None and doer.pos_ != "PRON" and not lex.in_class(doer, "civilians"):
        return None  # "officials rallied": no one the rules can name, and no crowd either
    words = phrase_words(doer) if doer is not None and doer.pos_ != "PRON" else trig.token.text
    key = doer.lower_ if doer is not None and doer.pos_ != "PRON" else f"crowd/{trig.mode}"
    return Actor(STATELESS + key, words, None, "people", trig.token.i)


def _protest_doer(trig: Trigger, res: Resolver) -> Token | None:
    """Who a protest is by, as the sentence names them: the verb's subject or agent, the noun's
    possessor, "by" phrase or light verb's subject ("workers went on strike"); counted ("thousands of
    protesters" -> protesters)."""
    tok = trig.token
    if trig.is_noun:
        named = first_child(tok, ["poss"]) or noun_agent(tok, res)
        if named is None:
            by = next((p for p in children(tok, ["prep"]) if p.lower_ == "by"), None)
            named = first_child(by, ["pobj"]) if by is not None else None
        if named is None and trig.light is not None:
            named = subject_of(trig.light)
        return counted(named)
    agent = first_child(tok, ["agent"])
    return counted(first_child(agent, ["pobj"]) if agent is not None else subject_of(tok))


def protest_targets(
    trig: Trigger, res: Resolver, lex: Lexicon, crowd: Actor, patient: Token | None, mode: str | None
) -> list[Actor]:
    """Whom people's protest is aimed at: a state named as what it is against ("against Israel",
    "anti-Japanese", "stormed the Saudi embassy"); the state of the place when it is against a policy or
    rule ("against the pension reform", "anti-government") or is a march, rally or riot held somewhere
    ("in Nairobi", "across Iran"); a policy protested with no place named is the state the text is
    about (Resolver.context_state, as for officials); else no one."""
    tok = trig.token
    # "stormed the Saudi embassy", "blocked the road to Poland": what a riot or blockade is done to.
    obj = None if trig.is_noun else object_of(tok)
    named = [o for o in res.resolve(obj, context=False, strict=False) if o.kind != "place"] if obj is not None else []
    named = named or [r for r in recipients(trig, res, lex, patient, [crowd]) if not r.code.startswith(STATELESS)]
    against = _anti_modifiers(tok)
    named += [a for m in against for a in res.resolve(m, context=False, strict=False)]
    if named:
        return unique(named)
    doer = _protest_doer(trig, res)
    located = res.location_state(tok) or (res.location_state(doer) if doer is not None else None)
    if located is None:
        place = event_attributes.location(trig, res)
        located = place[1] if place is not None else None
    policy = _against_policy(trig, lex, against)
    if not policy and mode not in _PLACED_PROTESTS:
        return []
    if located is None:
        located = res.context_state(tok)
    if located is None or located.code.startswith(STATELESS):
        return []  # (the context may be a named group's act: no state)
    return [replace(located, kind="context")]


def _anti_modifiers(tok: Token) -> list[Token]:
    """The words an "anti-" modifier sets a noun against ("anti-government rallies" -> government,
    "anti-Japanese protests" -> Japanese)."""
    found: list[Token] = []
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")]
    for first, second in pairwise(mods):
        if first.lower_ == "anti" and second.text == "-":
            found += [m for m in mods if m.i == second.i + 1]
    return found


def _against_policy(trig: Trigger, lex: Lexicon, against: list[Token]) -> bool:
    """Whether a protest is against a state's policy, rule or rulers ("against the law", "anti-regime",
    "against his rule"): the lexicon's `policy` nouns."""
    tok = trig.token
    holders = [tok, *([trig.light] if trig.light is not None else [])]
    objects = [o for h in holders for o in prep_objects(h, ("against",)) if o is not None]
    return any(lex.in_class(n, "policy") for n in (*objects, *against))
