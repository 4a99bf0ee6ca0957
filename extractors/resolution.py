"""Actor resolution: noun phrases of a document to canonical actor ids through the gazetteer
(`Resolver`), coordination ("Moscow and Pyongyang"), antecedents of class nouns ("these
soldiers"), and who does what a verb says (`verb_actors`, `clause_actors`).
Pure: no network, no database.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span, Token

from extractors.clauses import (
    OBJECTS,
    PASSIVE_SUBJECTS,
    SUBJECTS,
    children,
    counted,
    first_child,
    is_infinitive,
    is_number,
    is_verb,
    subject_of,
)
from extractors.entities import link_span
from extractors.gazetteer import Gazetteer
from extractors.lexicon import Lexicon, noun_forms

_KOREAS = {"north": "PRK", "south": "KOR"}  # "the North", "the South" in Korean news
_NAMED_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC"})


@dataclass(frozen=True, slots=True)
class Actor:
    code: str  # what PLOVER codes: a state (ISO3) or an international organisation id
    text: str  # the words that named it
    entity_id: str | None  # the gazetteer entity (a person, a ministry) when there is one
    kind: str  # state | igo | ngo | person | organisation | place | group (non-state) | context
    token: int  # index of the token it was read from (distinguishes "A and B" of the same state)
    # Read through a pronoun ("it", "its", "he"): `text` is the antecedent's words for a subject or
    # object pronoun ("Ethiopia said it would..." -> "Ethiopia"), the pronoun for a possessive.
    pronoun: bool = False


@dataclass(frozen=True, slots=True)
class LinkedEntity:
    span: Span
    entity_id: str | None
    code: str | None  # actor code: the state or igo it stands for
    kind: str


def _sentences(doc: Doc) -> tuple[list[Span], list[int]]:
    """The sentences (what `doc.sents` gives) and each token's sentence index, read from the
    sentence-start array at once rather than token by token."""
    if len(doc) == 0 or not doc.has_annotation("SENT_START"):
        sentences = list(doc.sents)  # raises spaCy's own error for a text without boundaries
        return sentences, [i for i, sent in enumerate(sentences) for _ in range(len(sent))]
    is_start = doc.to_array(SENT_START) == 1
    is_start[0] = True
    starts = numpy.flatnonzero(is_start).tolist()
    ends = [*starts[1:], len(doc)]
    return [doc[s:e] for s, e in zip(starts, ends, strict=True)], (numpy.cumsum(is_start) - 1).tolist()


# What ends a dateline: "BAMAKO -", "JERUSALEM --", "KABUL (Pajhwok):", "Tehran, March 15, IRNA -".
_DATELINE_ENDS = frozenset({"-", "--", "—", "–", ":", "):"})
_DATELINE_MAX = 10  # tokens before the separator


def _dateline(sent: Span) -> range:
    """The token indices of a wire dateline opening the sentence: a place, optionally with its
    country, date and agency, then a dash or colon. Empty when the sentence has none."""
    if len(sent) < 3:
        return range(0)
    first = sent[0]
    if first.ent_type_ not in ("GPE", "LOC") and not first.is_upper:
        return range(0)
    for tok in sent[1 : _DATELINE_MAX + 1]:
        if tok.text in _DATELINE_ENDS:
            # All caps ("BAMAKO") or a date ("Tehran, March 15") marks a dateline, not a subject
            # followed by a dash ("Russia - the largest supplier - said").
            head = sent.doc[first.i : tok.i]
            if not (first.is_upper and len(first) > 2) and not any(t.ent_type_ == "DATE" for t in head):
                return range(0)
            if all(t.pos_ in ("PROPN", "PUNCT", "NUM") or t.ent_type_ for t in head):
                return range(first.i, tok.i + 1)
            return range(0)
    return range(0)


class Resolver:
    """Resolves noun phrases of one document to actors, with a little memory for pronouns and
    officials whose state is only given by the context."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.doc = doc
        self.gaz = gazetteer
        self.lex = lexicon
        # Doc.text and Token.sent are rebuilt on every access: computed once here.
        self.text = doc.text
        # Token objects too: iterating a Span makes new ones each time; the passes share these.
        self.tokens: list[Token] = list(doc)
        self.sentences, self.sentence_of = _sentences(doc)
        # Doc.ents and Span.ents build new Span objects on every access: read once per document,
        # then handed out per sentence (the claims and dates passes ask for them sentence by sentence).
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        self._sentence_ents: list[list[Span]] = [[] for _ in self.sentences]
        for ent in self.ents:
            self._sentence_ents[self.sentence_of[ent.start]].append(ent)
        self.ent_of: dict[int, LinkedEntity] = {}
        for ent in self.ents:
            if ent.label_ not in _NAMED_LABELS:
                continue
            info = self._link(ent)
            for i in range(ent.start, ent.end):
                self.ent_of[i] = info
        # Subject actors already seen, in reading order: the context for "it" and for officials.
        self.history: list[Actor] = []
        self.people: list[Span] = [e.span for e in self._ents() if e.span.label_ == "PERSON"]
        # "MOGADISHU, Somalia -- A U.S. airstrike killed...": the parser makes the dateline a subject.
        self.dateline: frozenset[int] = frozenset(i for sent in self.sentences for i in _dateline(sent))

    def fresh(self) -> Resolver:
        """A resolver for the same document with the same links and no reading memory."""
        other = object.__new__(Resolver)
        other.__dict__.update(self.__dict__)
        other.history = []
        return other

    def sent(self, tok: Token) -> Span:
        return self.sentences[self.sentence_of[tok.i]]

    def sent_tokens(self, sent: Span) -> list[Token]:
        """The tokens of a span of the document (what iterating it gives)."""
        return self.tokens[sent.start : sent.end]

    def sent_ents(self, sent: Span) -> list[Span]:
        """The named entities of one of the document's sentences (what `sent.ents` gives, without
        rebuilding them)."""
        return self._sentence_ents[self.sentence_of[sent.start]] if len(sent) else []

    # -- entities ------------------------------------------------------------------------------

    def _ents(self) -> Iterator[LinkedEntity]:
        seen: set[int] = set()
        for info in self.ent_of.values():
            if id(info) not in seen:
                seen.add(id(info))
                yield info

    def _link(self, span: Span) -> LinkedEntity:
        entity_id, _ = link_span(span, self.gaz)
        if entity_id is None:
            text = span.text
            for candidate in (text[:-1] if text.endswith("s") else None, text.removeprefix("the ")):
                if candidate:
                    alias = self.gaz.lookup(candidate)
                    if alias and self.gaz.links(alias, span.label_):
                        entity_id = alias.entity_id
                        break
        if entity_id is None:
            return LinkedEntity(span, None, None, "unlinked")
        entity = self.gaz.entity(entity_id)
        if entity is None:
            return LinkedEntity(span, entity_id, None, "unlinked")
        code = entity.entity_id if entity.kind in ("state", "igo", "ngo") else entity.country
        return LinkedEntity(span, entity_id, code, "group" if entity.non_state else entity.kind)

    def entity_at(self, token: Token) -> LinkedEntity | None:
        """The linked entity at a token; a dateline's place names no actor of the sentence."""
        return None if token.i in self.dateline else self.ent_of.get(token.i)

    def actor_from_ent(self, info: LinkedEntity, token: Token) -> Actor | None:
        if info.code is None:
            return None
        return Actor(info.code, info.span.text, info.entity_id, info.kind, token.i)

    # -- noun phrases --------------------------------------------------------------------------

    def resolve(self, head: Token | None, *, context: bool = True, strict: bool = True, depth: int = 0) -> list[Actor]:
        """Actors a noun phrase names: one per conjunct ("Spain, Ireland and Norway").

        strict: only nouns that can name an actor take one from their modifiers (for actors);
        recipients are looser ("aided North Korean advancements" -> PRK)."""
        if head is None:
            return []
        actors: list[Actor] = []
        for conjunct in conjuncts(head):
            for actor in self._resolve_one(conjunct, context=context, strict=strict, depth=depth):
                if all(a.token != actor.token or a.code != actor.code for a in actors):
                    actors.append(actor)
        return actors

    def _resolve_one(self, tok: Token, *, context: bool, strict: bool, depth: int) -> list[Actor]:
        # Every path back into resolve (pronouns, modifiers, appositions, of-phrases, agents) adds one
        # to the depth: a parse whose phrases point back at each other cannot recurse without end.
        if depth > MAX_RESOLVE_DEPTH or tok.i in self.dateline:
            return []
        if tok.lower_ in self.lex.group_pronouns or tok.lower_ in self.lex.person_pronouns:
            found = self.pronoun(tok, depth=depth + 1)
            return [found] if found else []
        info = self.entity_at(tok)
        if info is not None and info.code is not None:
            actor = self.actor_from_ent(info, tok)
            return [actor] if actor else []
        # "the North" / "the South": Korean news's shorthand, in an article that names Korea.
        shorthand = tok.lower_ in _KOREAS and tok.dep_ not in ("compound", "amod")
        if shorthand and "Korea" in tok.doc.text and any(c.lower_ == "the" for c in tok.children):
            return [Actor(_KOREAS[tok.lower_], tok.text, _KOREAS[tok.lower_], "state", tok.i)]
        # "its border with Sudan": the neighbour, not the owner.
        if self.lex.in_class(tok, "border"):
            following = [tok.doc[tok.i + 1]] if tok.i + 1 < len(tok.doc) else []
            # The parser sometimes hangs "with Afghanistan" on the verb: take the next word's phrase.
            for child in [*tok.children, *[t for t in following if t.lower_ == "with" and t.dep_ == "prep"]]:
                if child.dep_ == "prep" and child.lower_ == "with":
                    found = self.resolve(first_child(child, ["pobj"]), context=False, strict=False, depth=depth + 1)
                    if found:
                        return found
        # Only nouns that can name an actor take one from their modifiers: "North Korean troops",
        # "China's foreign ministry", "Moscow's demand" - but not "Russia's willingness".
        if strict and not self.actor_like(tok):
            return []
        # Modifiers inside the phrase: "North Korean troops", "Russia's foreign ministry",
        # "U.S. State Department spokesperson Matthew Miller", "UN investigators".
        found = self._from_modifiers(tok, depth=depth + 1)
        if found:
            return _with_phrase_text(found, tok, self)
        for child in tok.children:
            if child.dep_ == "appos":
                found = self.resolve(child, context=False, depth=depth + 1)
                if found:
                    return found
        # "the presidents of Colombia and Ecuador", "negotiators from Israel and Hamas", "a
        # spokesperson for the Chinese foreign ministry", "students in Dhaka", "border with Guyana".
        violent = self.lex.in_class(tok, "violence") or tok.lemma_.lower() in self.lex.harm_nouns
        for child in tok.children:
            if child.dep_ != "prep" or not (child.lower_ in self.lex.np_preps or (child.lower_ == "to" and not strict)):
                continue
            if violent and child.lower_ in ("of", "on", "in", "at", "against"):
                continue  # "the killing of a Hamas leader": the victim, not who did it
            if child.lower_ == "with" and not self.lex.in_class(tok, "border"):
                continue  # "border with Guyana"; "talks with X" is a recipient, not the phrase's state
            if child.lower_ in ("in", "at", "inside", "within") and not is_group_noun(tok, self.lex):
                continue  # "students in Dhaka" are Bangladeshi; "talks in Islamabad" are not Pakistan
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = self.resolve(pobj, context=False, strict=strict, depth=depth + 1)
                    if found:
                        return found
        # Participles: "the proposal put forward by Egypt and Qatar", "hackers linked to North Korea"
        # (but "rebels backed by Rwanda" are not Rwandan).
        backed = ("back", "support", "arm", "fund", "train", "sponsor", "aid", "help", "finance")
        for child in tok.children:
            if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB" and child.lemma_.lower() not in backed:
                for grand in child.children:
                    if grand.dep_ in ("agent", "prep") and grand.lower_ in ("by", "to"):
                        for pobj in grand.children:
                            if pobj.dep_ == "pobj":
                                found = self.resolve(pobj, context=False, depth=depth + 1)
                                if found:
                                    return found
        # An unlisted official named with a title ("Prime Minister Sheikh Hasina"): the state in context.
        if context or not strict:
            titled = (
                info is not None
                and info.span.label_ == "PERSON"
                and any(noun_forms(c, self.lex) & self.lex.officials for c in tok.children if c.dep_ == "compound")
            )
            if titled:
                located = self.location_state(tok) or self.context_state(tok)
                if located is not None:
                    return [located]
        # An official or a group with no country in its phrase: the state in context.
        # "An Alibaba spokesperson": an official of an organisation the gazetteer does not know speaks
        # for it, not for the state in context.
        private = any(self._unknown_organisation(c) for c in tok.children if c.dep_ in ("compound", "poss"))
        if context and is_group_noun(tok, self.lex) and not private:
            located = self.location_state(tok)
            if located:
                return [located]
            # Officials and forces speak and act for the state in context; lawyers and crowds do not.
            official = bool(noun_forms(tok, self.lex) & self.lex.officials) or any(
                self.lex.in_class(tok, c) for c in ("troops", "police", "domestic")
            )
            ctx = self.context_state(tok) if official else None
            if ctx is not None:
                return [ctx]
        # Unnamed armed men, crowds or criminals: the state where they act ("gunmen ... in Nigeria's
        # Plateau state"), never the article's context.
        if context and (self.lex.in_class(tok, "people") or self.lex.in_class(tok, "criminals")):
            located = self.location_state(tok)
            if located:
                return [located]
        return []

    def _from_modifiers(self, tok: Token, *, depth: int = 0) -> list[Actor]:
        actors: list[Actor] = []
        for child in tok.children:
            if child.dep_ not in ("compound", "amod", "poss", "nmod", "npadvmod"):
                continue
            for conjunct in conjuncts(child):
                for sub in conjunct.subtree:
                    if sub.dep_ in ("prep", "relcl", "acl") and sub.i != conjunct.i:
                        break
                    if sub.lower_ in self.lex.group_pronouns or sub.lower_ in self.lex.person_pronouns:
                        if sub.dep_ == "poss":
                            found = self.pronoun(sub, depth=depth + 1)
                            if found and found.code not in {a.code for a in actors}:
                                actors.append(Actor(found.code, sub.text, found.entity_id, found.kind, sub.i, True))
                        continue
                    info = self.entity_at(sub)
                    if info is not None and info.code is not None:
                        if all(a.code != info.code or a.text != info.span.text for a in actors):
                            actors.append(Actor(info.code, info.span.text, info.entity_id, info.kind, sub.i))
                        break
        # Prefer states and organisations over places named as modifiers ("Russia's Kursk province"
        # as an actor is Russia).
        return actors

    def _unknown_organisation(self, tok: Token) -> bool:
        """A proper name the gazetteer cannot code ("Alibaba" in "an Alibaba spokesperson")."""
        if tok.i in self.dateline:
            return False  # "ALGIERS, Algeria - Police have arrested": a place, not an employer
        info = self.entity_at(tok)
        if info is None:
            return tok.pos_ == "PROPN" or tok.ent_type_ == "ORG"
        return info.code is None

    def actor_like(self, tok: Token) -> bool:
        """Whether a noun can stand for an actor (an official, a force, a group, a proposal...)."""
        if tok.ent_type_ in ("LAW", "EVENT", "WORK_OF_ART", "PRODUCT", "LANGUAGE", "MONEY", "DATE", "TIME"):
            return False  # "the Hong Kong Human Rights and Democracy Act" does not act
        if tok.pos_ in ("PROPN", "PRON", "NUM") or tok.like_num or self.entity_at(tok) is not None:
            return True
        lex = self.lex
        if noun_forms(tok, lex) & lex.officials or tok.lemma_.lower() in lex.nouns:
            return True
        return any(lex.in_class(tok, c) for c in _ACTOR_CLASSES)

    def location_state(self, tok: Token) -> Actor | None:
        """The state of an `in`/`at` place attached to the phrase or its clause ("students in Dhaka",
        "abducted 30 passengers from a bus in northwestern Nigeria")."""
        clause = tok.head if tok.head.pos_ in ("VERB", "AUX") else tok
        # The first eight nouns of the clause (read lazily: a clause of a 3,000-word sentence is long).
        nouns = islice((t for t in clause.subtree if t.pos_ in ("NOUN", "PROPN") and t.i != tok.i), 8)
        for holder in (tok, tok.head, *nouns):
            for child in holder.children:
                # ("near" or "outside" a place is not in it: "a hideout near the Afghan border".)
                if child.dep_ == "prep" and child.lower_ in ("in", "at", "across", "throughout", "through"):
                    for pobj in child.children:
                        if pobj.dep_ != "pobj":
                            continue
                        for sub in pobj.subtree:
                            info = self.entity_at(sub)
                            if info is not None and info.code is not None and info.kind in ("state", "place", "group"):
                                return Actor(info.code, tok.text, None, "context", tok.i)
        return None

    def context_state(self, tok: Token) -> Actor | None:
        """The state the text is talking about at `tok`: an earlier subject in the sentence, else the
        latest subject actor in the article, else the last state named before it."""
        sent = self.sent(tok)
        for other in sent:
            if other.i >= tok.i:
                break
            if other.dep_ in SUBJECTS | PASSIVE_SUBJECTS:
                info = self.entity_at(other)
                if info is not None and info.code is not None and info.kind in ("state", "group"):
                    return Actor(info.code, tok.text, None, "context", tok.i)
        for actor in reversed(self.history):
            if actor.kind not in ("igo",):
                return Actor(actor.code, tok.text, None, "context", tok.i)
        for i in range(tok.i - 1, -1, -1):
            info = self.ent_of.get(i)
            if info is not None and info.code is not None and info.kind == "state":
                return Actor(info.code, tok.text, None, "context", tok.i)
        return None

    def pronoun(self, tok: Token, depth: int = 0) -> Actor | None:
        """Antecedent of "it/they/its" (the nearest earlier actor) or "he/she" (the nearest person)."""
        if depth > MAX_RESOLVE_DEPTH:
            return None
        person = tok.lower_ in self.lex.person_pronouns
        if tok.lower_ in ("they", "them", "their", "themselves"):
            # The nearest plural noun that names an actor ("three French diplomats ... them"); never a
            # phrase that holds the pronoun itself ("the officials, their countries' envoys").
            for i in range(tok.i - 1, max(-1, tok.i - 60), -1):
                other = tok.doc[i]
                if other.left_edge.i <= tok.i <= other.right_edge.i:
                    continue
                if other.tag_ in ("NNS", "NNPS") and other.dep_ != "compound":
                    found = self.resolve(other, context=False, depth=depth + 1)
                    if found:
                        return Actor(found[0].code, found[0].text, found[0].entity_id, found[0].kind, tok.i, True)
        # Antecedents are near: this sentence or the one before (two before for "he"/"she"); a
        # state named pages earlier is not what "it" means in "it's also possible".
        sentences = [self.sent(tok)]
        while len(sentences) < (3 if person else 2) and sentences[-1].start > 0:
            sentences.append(self.sent(tok.doc[sentences[-1].start - 1]))
        floor = sentences[-1].start
        for i in range(tok.i - 1, floor - 1, -1):
            info = self.ent_of.get(i)
            if info is not None and info.code is None and not person and info.span.label_ == "ORG":
                return None  # "The We Company ... it": the nearest organisation is one we cannot code
            if info is None or info.code is None:
                continue
            if person != (info.kind == "person" or info.span.label_ == "PERSON"):
                continue
            if not person and info.span.label_ not in ("GPE", "ORG", "NORP") and info.kind != "group":
                continue
            if not person and info.span.label_ == "NORP" and info.span.root.head.i != i:
                continue
            return Actor(info.code, info.span.text, info.entity_id, info.kind, tok.i, True)
        return None

    def remember(self, actor: Actor) -> None:
        self.history.append(actor)


# Word classes whose nouns can stand for an actor (`Resolver.actor_like`).
_ACTOR_CLASSES = (
    "troops",
    "weapons",
    "police",
    "people",
    "civilians",
    "criminals",
    "domestic",
    "diplomats",
    "accusations",
    "violence",
    "sanctions",
    "investigation",
    "actor_nouns",
    "talks",
)


_PHRASE_MAX = 8  # tokens: a longer modifier phrase keeps the name alone as the actor's words


def _with_phrase_text(actors: list[Actor], head: Token, res: Resolver) -> list[Actor]:
    """An actor read off a modifier keeps the words of its phrase ("Brazil's federal police", "the
    German government"), not only the name in it; several actors in one phrase ("Russian and
    Chinese troops") and possessive pronouns ("its troops": whose, not what) keep their own words."""
    if len(actors) != 1 or actors[0].pronoun:
        return actors
    start = head.left_edge.i
    while start < head.i and (start in res.dateline or head.doc[start].pos_ in ("DET", "PUNCT")):
        start += 1  # "CARACAS - An Argentine court": neither the dateline nor the article
    if head.i - start + 1 > _PHRASE_MAX:
        return actors
    (actor,) = actors
    return [Actor(actor.code, head.doc[start : head.i + 1].text, actor.entity_id, actor.kind, actor.token)]


# How many times noun phrase resolution may re-enter itself (a pronoun's antecedent, a modifier, an
# apposition, an of-phrase...): real phrases need two or three.
MAX_RESOLVE_DEPTH = 4


def conjuncts(tok: Token) -> list[Token]:
    """The token and its coordinated siblings, in order ("Moscow and Pyongyang")."""
    if tok.dep_ == "conj":
        return [tok]  # its first conjunct resolves the whole list
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i]]


def is_group_noun(tok: Token, lex: Lexicon) -> bool:
    """Officials, forces and groups of people that stand for a state in context."""
    forms = noun_forms(tok, lex)
    return bool(
        forms & lex.officials
        or lex.in_class(tok, "troops")
        or lex.in_class(tok, "police")
        or lex.in_class(tok, "civilians")
        or lex.in_class(tok, "domestic")
    )


def clause_actors(verb: Token, res: Resolver, lex: Lexicon) -> list[Actor]:
    """Who does what a verb says (its subject, inherited subject or passive agent)."""
    return verb_actors(verb, res, lex, theme=False)[0]


def verb_actors(tok: Token, res: Resolver, lex: Lexicon, *, theme: bool) -> tuple[list[Actor], Token | None]:
    patient = first_child(tok, PASSIVE_SUBJECTS)
    if patient is None and tok.dep_ == "acl" and (tok.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in tok.children)):
        patient = tok.head
    agent = next((p for p in children(tok, ["agent"])), None)
    if agent is not None:
        # "by Russian shelling" parses the gerund as a clause (pcomp).
        pobj = first_child(agent, ["pobj", "pcomp"])
        return res.resolve(pobj), patient
    subj = subject_of(tok)
    if subj is not None and subj.i in res.dateline:
        subj = _past_dateline(subj, res)
    if patient is None and subj is None:
        # Participles and relative clauses: "troops who were sent by Minsk", "advancements aided by Russia".
        if tok.dep_ in ("acl", "relcl"):
            head = tok.head
            passive = tok.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in tok.children)
            if passive:
                patient = head
            elif tok.dep_ == "acl" and is_infinitive(tok):
                return _nominal_actor(head, res, lex), None
            else:
                return res.resolve(head), None
        elif tok.dep_ in ("advcl", "xcomp") and tok.head.pos_ in ("NOUN", "PROPN"):
            return _nominal_actor(tok.head, res, lex), None
    if subj is not None:
        if subj.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
            return res.resolve(tok.head), None
        actors = res.resolve(subj, context=False)
        # "10,000 of these soldiers": the soldiers' state is named earlier in the sentence; failing
        # that, an official's state comes from the context.
        if not actors:
            actors = class_antecedent(subj, res, lex) or _speaker_forces(tok, subj, res, lex) or res.resolve(subj)
        elif len(conjuncts(subj)) > len(actors):
            # "The Ethiopian government and Tigrayan rebels": a conjunct the gazetteer cannot code
            # takes its state from the context, so the pair is still coded.
            for conjunct in conjuncts(subj):
                if all(a.token < conjunct.i or a.token > conjunct.right_edge.i for a in actors):
                    actors += [a for a in res.resolve(conjunct) if a.token not in {b.token for b in actors}]
        return actors, None
    if patient is not None:
        if patient.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
            patient = tok.head
        # A passive with no agent: the theme's nationality is the actor ("North Korean troops are
        # being deployed", "Iranian drones are being shipped").
        if any(lex.in_class(counted(patient), c) for c in ("troops", "weapons", "police", "aid_goods", "money")):
            actors = res.resolve(patient, context=False) or class_antecedent(patient, res, lex)
            return actors, None
        return [], patient
    return [], None


def _past_dateline(subj: Token, res: Resolver) -> Token | None:
    """The real subject when the parser took the dateline for it: another subject of the same verb
    ("JERUSALEM -- An Israeli court rejected"), else the phrase set beside the dateline
    ("MOGADISHU, Somalia -- A U.S. military airstrike has killed")."""
    for other in subj.head.children:
        if other.dep_ in SUBJECTS and other.i != subj.i and other.i not in res.dateline:
            return other
    for other in subj.subtree:
        if other.dep_ == "appos" and other.i not in res.dateline:
            return other
    return None


def _speaker_forces(verb: Token, subj: Token, res: Resolver, lex: Lexicon) -> list[Actor]:
    """ "Russia's defence ministry said air defences had destroyed 30 drones": unnamed forces or
    weapons in a reported clause belong to the speaker."""
    if not any(lex.in_class(subj, c) for c in ("troops", "weapons", "police")):
        return []
    reporting = frozenset(lex.quotes["reporting_verbs"])
    current = verb
    for _ in range(4):
        if current.dep_ not in ("ccomp", "conj", "xcomp") or current.head.i == current.i:
            return []
        current = current.head
        if current.lemma_.lower() in reporting:
            speaker = first_child(current, SUBJECTS)
            return res.resolve(speaker) if speaker is not None else []
    return []


def _nominal_actor(noun: Token, res: Resolver, lex: Lexicon) -> list[Actor]:
    """The actor of an event under a noun: "Pyongyang's decision to send", "Mao made the decision to send"."""
    if noun.lemma_.lower() not in lex.transparent_nouns and not is_group_noun(noun, lex):
        return []  # "Russia's willingness to support" is a disposition, not an event
    poss = first_child(noun, ["poss"])
    if poss is not None:
        return res.resolve(poss)
    if noun.dep_ in OBJECTS | {"attr"} and is_verb(noun.head):
        subj = subject_of(noun.head)
        if subj is not None:
            return res.resolve(subj)
    if noun.dep_ in SUBJECTS | PASSIVE_SUBJECTS:
        return []
    return res.resolve(noun) if is_group_noun(noun, lex) else []


def class_antecedent(tok: Token, res: Resolver, lex: Lexicon) -> list[Actor]:
    """For "these soldiers"/"10,000 of them": the state of the last troop noun named before."""
    head = tok
    if is_number(tok):
        of = next((p for p in children(tok, ["prep"]) if p.lower_ == "of"), None)
        pobj = first_child(of, ["pobj"]) if of is not None else None
        if pobj is not None:
            head = pobj
            found = res.resolve(pobj, context=False)
            if found:
                return found
    for cls in ("troops", "weapons", "police"):
        if not lex.in_class(head, cls):
            continue
        earlier = [t for t in reversed(list(tok.doc[max(0, tok.i - 80) : tok.i])) if t.i != head.i]
        # The same noun first ("these soldiers" -> "North Korean soldiers/troops"), then its class.
        same = {head.lemma_.lower()} | ({"troop", "soldier"} if head.lemma_.lower() in ("troop", "soldier") else set())
        for pool in ([t for t in earlier if t.lemma_.lower() in same], [t for t in earlier if lex.in_class(t, cls)]):
            for other in pool:
                found = res.resolve(other, context=False)
                if found:
                    return [Actor(a.code, tok.text, a.entity_id, a.kind, tok.i) for a in found]
    return []
