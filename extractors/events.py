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

Everything the rules know about words is in the lexicon; this module holds only the grammar.
Pure: no network, no database.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from importlib.resources import files
from itertools import islice
from typing import Any

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span, Token

from extractors.dates import resolve_date
from extractors.entities import link_span
from extractors.gazetteer import Gazetteer
from extractors.records import Event

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE", "DEMAND",
    "DISAPPROVE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "CRIME", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
OBJECTS = frozenset({"dobj", "obj"})
# Links along which an inner verb shares its outer verb's subject.
_KOREAS = {"north": "PRK", "south": "KOR"}
_SUBJECT_INHERIT = frozenset({"xcomp", "conj", "advcl", "ccomp", "pcomp"})
# Links that stay inside one clause when looking for a trigger's date or location.
_CLAUSE_INTERNAL = frozenset({"xcomp", "acl", "dobj", "pobj", "prep", "advcl", "conj", "pcomp", "agent"})
_LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "inside", "outside", "across", "throughout", "along", "off", "on", "through"}
)
_NP_PREPS = frozenset({"of", "from", "for", "in", "at", "between", "with", "inside", "within"})
_PRONOUNS_GROUP = frozenset({"it", "its", "they", "them", "their", "itself", "themselves"})
_PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
_NAMED_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC"})
_NUMBER_RE = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100, "dozen": 12,
}  # fmt: skip


# --------------------------------------------------------------------------------------------
# The lexicon (data/event_lexicon.toml)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """One verb or event noun of the lexicon (see the key reference at the top of the TOML)."""

    type: str
    mode: str | None = None
    by_object: Mapping[str, str] = field(default_factory=dict)
    object_required: bool = False
    by_subject: Mapping[str, str] = field(default_factory=dict)
    subject_required: bool = False
    by_modifier: Mapping[str, str] = field(default_factory=dict)
    modifier_required: bool = False
    by_verb: Mapping[str, str] = field(default_factory=dict)
    verb_required: bool = False
    theme: bool = False
    recipient_preps: tuple[str, ...] | None = None
    reciprocal: bool = False
    host: bool = False
    governs: bool = False
    clause_required: bool = False
    needs_actor_object: bool = False
    untargeted: str | None = None
    igo_type: str | None = None
    possessive: bool = False
    not_with: tuple[str, ...] = ()
    transitive: bool = False


_ENTRY_KEYS = frozenset(f.name for f in fields(Entry)) | {"note"}


@dataclass(frozen=True)
class Lexicon:
    version: str
    verbs: Mapping[str, Entry]
    nouns: Mapping[str, Entry]
    type_preps: Mapping[str, tuple[str, ...]]
    location_recipient: frozenset[str]
    symmetric: frozenset[str]
    threat_modes: Mapping[str, str]
    classes: Mapping[str, frozenset[str]]
    officials: frozenset[str]
    phone_words: frozenset[str]
    light_verbs: frozenset[str]
    transparent: frozenset[str]
    transparent_hedged: frozenset[str]
    transparent_negating: frozenset[str]
    transparent_nouns: frozenset[str]
    non_factive: frozenset[str]
    negation: frozenset[str]
    hedge_modals: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_verbs: frozenset[str]
    hedge_sources: frozenset[str]
    subordinators: frozenset[str]
    approximators: frozenset[str]
    quotes: Mapping[str, Any]
    claims: Mapping[str, Any]
    # Every word of the lexicon's multi-word forms ("martial law", "sit-in", "state of emergency"):
    # a noun that is none of them has no multi-word form, so `_forms` need not look at its children.
    phrase_words: frozenset[str] = frozenset()
    # The first word of every key of `verbs` ("call" of "call on"): a verb none of whose lemma
    # guesses is among them has no entry.
    verb_heads: frozenset[str] = frozenset()
    # The claims section's word lists, lower-cased, as sets (`claims` keeps them as written).
    claim_words: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def in_class(self, token: Token | None, name: str) -> bool:
        """Whether a noun's head lemma (or "modifier head" bigram) is in a word class."""
        if token is None:
            return False
        words = self.classes.get(name)
        if words is None:
            return False
        return any(w in words for w in _forms(token, self))

    def match(self, table: Mapping[str, str], token: Token | None) -> str | None:
        """The spec a by_object/by_subject/by_modifier table gives a token: lemma keys, then classes."""
        if token is None or not table:
            return None
        forms = _forms(token, self)
        for key, spec in table.items():
            if key in forms:
                return spec
        for key, spec in table.items():
            if key in self.classes and self.in_class(token, key):
                return spec
        return None


def _forms(token: Token, lex: Lexicon) -> set[str]:
    """A noun's lower-case text, lemma and compound bigrams ("martial law", "air force")."""
    lower, lemma = token.lower_, token.lemma_.lower()
    forms = {lower, lemma}
    if lower not in lex.phrase_words and lemma not in lex.phrase_words:
        return forms  # no multi-word form of the lexicon ends or starts with this word
    for child in token.children:
        if child.dep_ in ("compound", "amod") and child.i == token.i - 1:
            forms.add(f"{child.lower_} {token.lower_}")
            forms.add(f"{child.lower_} {token.lemma_.lower()}")
        if child.dep_ in ("compound", "amod") and child.i == token.i - 2 and token.doc[token.i - 1].text == "-":
            forms.add(f"{child.lower_}-{token.lower_}")  # "sit-in", tokenised sit - in
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == token.i + 1:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.i == token.i + 2:
                    forms.add(f"{token.lower_} of {pobj.lower_}")  # "state of emergency"
    return forms


def _entry(record: Mapping[str, Any], where: str) -> Entry:
    unknown = set(record) - _ENTRY_KEYS
    if unknown:
        raise ValueError(f"event_lexicon.toml {where}: unknown key(s) {sorted(unknown)}")
    if record.get("type") not in PLOVER_TYPES:
        raise ValueError(f"event_lexicon.toml {where}: type must be a PLOVER category")
    kwargs = {k: v for k, v in record.items() if k != "note"}
    for key in ("recipient_preps", "not_with"):
        if key in kwargs:
            kwargs[key] = tuple(kwargs[key])
    for table in ("by_object", "by_subject", "by_modifier", "by_verb"):
        for spec in kwargs.get(table, {}).values():
            if spec != "-" and spec.split("/")[0] not in PLOVER_TYPES:
                raise ValueError(f"event_lexicon.toml {where}: {table} names unknown type {spec!r}")
    return Entry(**kwargs)


def parse_lexicon(text: str) -> Lexicon:
    data = tomllib.loads(text)
    hedge = data["hedge"]
    transparent = data["transparent"]
    lexicon = Lexicon(
        version=str(data.get("version", "0")),
        verbs={k: _entry(v, f"verbs.{k}") for k, v in data["verbs"].items()},
        nouns={k: _entry(v, f"nouns.{k}") for k, v in data["nouns"].items()},
        type_preps={k: tuple(v) for k, v in data["types"].items() if isinstance(v, list) and k in PLOVER_TYPES},
        location_recipient=frozenset(data["types"]["location_recipient"]),
        symmetric=frozenset(data["types"]["symmetric"]),
        threat_modes=dict(data["threat_modes"]),
        classes={k: frozenset(w.lower() for w in v) for k, v in data["classes"].items()},
        officials=frozenset(data["officials"]["nouns"]),
        phone_words=frozenset(data["consult"]["phone_words"]),
        light_verbs=frozenset(data["light_verbs"]["lemmas"]),
        transparent=frozenset(transparent["verbs"]),
        transparent_hedged=frozenset(transparent["hedged"]),
        transparent_negating=frozenset(transparent["negating"]),
        transparent_nouns=frozenset(transparent["nouns"]),
        non_factive=frozenset(data["non_factive"]["verbs"]),
        negation=frozenset(data["negation"]["words"]),
        hedge_modals=frozenset(hedge["modals"]),
        hedge_adverbs=frozenset(hedge["adverbs"]),
        hedge_verbs=frozenset(hedge["verbs"]),
        hedge_sources=frozenset(hedge["sources"]),
        subordinators=frozenset(hedge["subordinators"]),
        approximators=frozenset(hedge["approximators"]),
        quotes=data["quotes"],
        claims=data["claims"],
    )
    return replace(
        lexicon,
        phrase_words=_phrase_words(lexicon),
        verb_heads=frozenset(key.split()[0] for key in lexicon.verbs),
        claim_words={
            key: frozenset(str(w).lower() for w in words)
            for key, words in lexicon.claims.items()
            if isinstance(words, list)
        },
    )


def _phrase_words(lex: Lexicon) -> frozenset[str]:
    """The words of every multi-word form `_forms` may be compared with."""
    forms: set[str] = set(lex.officials) | set(lex.phone_words) | set(lex.nouns)
    for words in lex.classes.values():
        forms |= words
    for entry in [*lex.verbs.values(), *lex.nouns.values()]:
        for table in (entry.by_object, entry.by_subject, entry.by_modifier):
            forms |= set(table)
    return frozenset(w for form in forms if " " in form or "-" in form for w in re.split(r"[\s-]+", form.lower()) if w)


@functools.cache
def load_lexicon() -> Lexicon:
    """The packaged lexicon, parsed once."""
    return parse_lexicon((files("extractors") / "data" / "event_lexicon.toml").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------------------------
# Actor resolution: noun phrases to canonical ids
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Actor:
    code: str  # what PLOVER codes: a state (ISO3) or an international organisation id
    text: str  # the words that named it
    entity_id: str | None  # the gazetteer entity (a person, a ministry) when there is one
    kind: str  # state | igo | ngo | person | organisation | place | group (non-state) | context
    token: int  # index of the token it was read from (distinguishes "A and B" of the same state)


@dataclass(frozen=True, slots=True)
class _Ent:
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
        self.ent_of: dict[int, _Ent] = {}
        for ent in self.ents:
            if ent.label_ not in _NAMED_LABELS:
                continue
            info = self._link(ent)
            for i in range(ent.start, ent.end):
                self.ent_of[i] = info
        # Subject actors already seen, in reading order: the context for "it" and for officials.
        self.history: list[Actor] = []
        self.people: list[Span] = [e.span for e in self._ents() if e.span.label_ == "PERSON"]

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

    def _ents(self) -> Iterator[_Ent]:
        seen: set[int] = set()
        for info in self.ent_of.values():
            if id(info) not in seen:
                seen.add(id(info))
                yield info

    def _link(self, span: Span) -> _Ent:
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
            return _Ent(span, None, None, "unlinked")
        entity = self.gaz.entity(entity_id)
        if entity is None:
            return _Ent(span, entity_id, None, "unlinked")
        code = entity.entity_id if entity.kind in ("state", "igo", "ngo") else entity.country
        return _Ent(span, entity_id, code, "group" if entity.non_state else entity.kind)

    def entity_at(self, token: Token) -> _Ent | None:
        return self.ent_of.get(token.i)

    def actor_from_ent(self, info: _Ent, token: Token) -> Actor | None:
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
        for conjunct in _conjuncts(head):
            for actor in self._resolve_one(conjunct, context=context, strict=strict, depth=depth):
                if all(a.token != actor.token or a.code != actor.code for a in actors):
                    actors.append(actor)
        return actors

    def _resolve_one(self, tok: Token, *, context: bool, strict: bool, depth: int) -> list[Actor]:
        # Every path back into resolve (pronouns, modifiers, appositions, of-phrases, agents) adds one
        # to the depth: a parse whose phrases point back at each other cannot recurse without end.
        if depth > MAX_RESOLVE_DEPTH:
            return []
        if tok.lower_ in _PRONOUNS_GROUP or tok.lower_ in _PRONOUNS_PERSON:
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
                    found = self.resolve(_first(child, ["pobj"]), context=False, strict=False, depth=depth + 1)
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
            return found
        for child in tok.children:
            if child.dep_ == "appos":
                found = self.resolve(child, context=False, depth=depth + 1)
                if found:
                    return found
        # "the presidents of Colombia and Ecuador", "negotiators from Israel and Hamas", "a
        # spokesperson for the Chinese foreign ministry", "students in Dhaka", "border with Guyana".
        violent = self.lex.in_class(tok, "violence") or tok.lemma_.lower() in _HARM_NOUNS
        for child in tok.children:
            if child.dep_ != "prep" or not (child.lower_ in _NP_PREPS or (child.lower_ == "to" and not strict)):
                continue
            if violent and child.lower_ in ("of", "on", "in", "at", "against"):
                continue  # "the killing of a Hamas leader": the victim, not who did it
            if child.lower_ == "with" and not self.lex.in_class(tok, "border"):
                continue  # "border with Guyana"; "talks with X" is a recipient, not the phrase's state
            if child.lower_ in ("in", "at", "inside", "within") and not _is_group_noun(tok, self.lex):
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
                and any(_forms(c, self.lex) & self.lex.officials for c in tok.children if c.dep_ == "compound")
            )
            if titled:
                located = self.location_state(tok) or self.context_state(tok)
                if located is not None:
                    return [located]
        # An official or a group with no country in its phrase: the state in context.
        # "An Alibaba spokesperson": an official of an organisation the gazetteer does not know speaks
        # for it, not for the state in context.
        private = any(self._unknown_organisation(c) for c in tok.children if c.dep_ in ("compound", "poss"))
        if context and _is_group_noun(tok, self.lex) and not private:
            located = self.location_state(tok)
            if located:
                return [located]
            # Officials and forces speak and act for the state in context; lawyers and crowds do not.
            official = bool(_forms(tok, self.lex) & self.lex.officials) or any(
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
            for conjunct in _conjuncts(child):
                for sub in conjunct.subtree:
                    if sub.dep_ in ("prep", "relcl", "acl") and sub.i != conjunct.i:
                        break
                    if sub.lower_ in _PRONOUNS_GROUP or sub.lower_ in _PRONOUNS_PERSON:
                        if sub.dep_ == "poss":
                            found = self.pronoun(sub, depth=depth + 1)
                            if found and found.code not in {a.code for a in actors}:
                                actors.append(Actor(found.code, sub.text, found.entity_id, found.kind, sub.i))
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
        if _forms(tok, lex) & lex.officials or tok.lemma_.lower() in lex.nouns:
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
                                return Actor(info.code, info.span.text, info.entity_id, "context", tok.i)
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
        person = tok.lower_ in _PRONOUNS_PERSON
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
                        return Actor(found[0].code, tok.text, found[0].entity_id, found[0].kind, tok.i)
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
            return Actor(info.code, tok.text, info.entity_id, info.kind, tok.i)
        return None

    def remember(self, actor: Actor) -> None:
        self.history.append(actor)


_HARM_NOUNS = frozenset(
    {"killing", "murder", "assassination", "execution", "detention", "arrest", "death", "abduction", "kidnapping",
     "shooting", "bombing", "beating", "torture", "jailing"}
)  # fmt: skip
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


# How many times noun phrase resolution may re-enter itself (a pronoun's antecedent, a modifier, an
# apposition, an of-phrase...): real phrases need two or three.
MAX_RESOLVE_DEPTH = 4


def _conjuncts(tok: Token) -> list[Token]:
    """The token and its coordinated siblings, in order ("Moscow and Pyongyang")."""
    if tok.dep_ == "conj":
        return [tok]  # its first conjunct resolves the whole list
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i]]


def _is_group_noun(tok: Token, lex: Lexicon) -> bool:
    """Officials, forces and groups of people that stand for a state in context."""
    forms = _forms(tok, lex)
    return bool(
        forms & lex.officials
        or lex.in_class(tok, "troops")
        or lex.in_class(tok, "police")
        or lex.in_class(tok, "civilians")
        or lex.in_class(tok, "domestic")
    )


# --------------------------------------------------------------------------------------------
# Triggers
# --------------------------------------------------------------------------------------------


@dataclass
class Trigger:
    token: Token  # the verb or event noun
    entry: Entry
    type: str
    mode: str | None
    light: Token | None = None  # the light verb of an event noun ("imposed sanctions")
    inner: list[Trigger] = field(default_factory=list)  # governed or purpose triggers
    absorbed: bool = False

    @property
    def is_noun(self) -> bool:
        return self.token.pos_ in ("NOUN", "PROPN")


def _spec(spec: str) -> tuple[str, str | None] | None:
    if spec == "-":
        return None
    kind, _, mode = spec.partition("/")
    return kind, (mode or None)


def _children(tok: Token, deps: Iterable[str]) -> list[Token]:
    wanted = set(deps)
    return [c for c in tok.children if c.dep_ in wanted]


def _first(tok: Token, deps: Iterable[str]) -> Token | None:
    found = _children(tok, deps)
    return found[0] if found else None


def _object(tok: Token) -> Token | None:
    """The direct object (the passive subject for a passive verb; the noun a relative pronoun
    stands for: "troops who were sent")."""
    obj = _first(tok, OBJECTS) or _first(tok, PASSIVE_SUBJECTS)
    if obj is not None and obj.lower_ in ("who", "which", "that", "whom") and tok.dep_ == "relcl":
        return tok.head
    if obj is None and _misparsed_amod(tok):
        return tok.head  # "Sudan's army bombed positions": the noun the verb was hung on
    if obj is None and tok.dep_ == "acl" and tok.tag_ == "VBN":
        return tok.head  # "missiles launched by Iran"
    return obj


def _misparsed_amod(tok: Token) -> bool:
    """A past-tense verb the parser made an adjective of its object ("Azerbaijan massed troops")."""
    return (
        tok.dep_ == "amod" and tok.tag_ in ("VBD", "VBN") and any(c.dep_ in ("nsubj", "npadvmod") for c in tok.children)
    )


def _lemmas(tok: Token) -> list[str]:
    """The lemma, then guesses from the word itself for the lemmatiser's slips ("staged" -> "stag")."""
    lower = tok.lower_
    out = [tok.lemma_.lower(), lower]
    if lower.endswith("ied"):
        out.append(lower[:-3] + "y")
    if lower.endswith("ed"):
        out += [lower[:-1], lower[:-2], lower[:-3] if len(lower) > 4 and lower[-3] == lower[-4] else lower[:-2]]
    if lower.endswith("ing"):
        out += [lower[:-3], lower[:-3] + "e"]
    if lower.endswith("es"):
        out += [lower[:-2], lower[:-1]]
    elif lower.endswith("s"):
        out.append(lower[:-1])
    return list(dict.fromkeys(out))


def _particle_keys(tok: Token, lemmas: list[str]) -> list[str]:
    keys: list[str] = []
    particles = [c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "advmod") and c.i > tok.i]
    for lemma in lemmas:
        keys += [f"{lemma} {p}" for p in particles]
    return [*keys, *lemmas]


def _verb_entry(tok: Token, lex: Lexicon) -> tuple[str, Entry] | None:
    lemmas = _lemmas(tok)
    if not any(lemma in lex.verb_heads for lemma in lemmas):
        return None  # every key of the verb table starts with the verb's lemma
    for key in _particle_keys(tok, lemmas):
        if key in lex.verbs:
            # A particle the lexicon does not list changes the verb ("fired up", "set up", "broke up").
            if " " not in key and any(c.dep_ == "prt" for c in tok.children):
                return None
            return key, lex.verbs[key]
    return None


def _is_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX")


def _goods(tok: Token, res: Resolver) -> Token | None:
    """What is handed over: the object, or the `with` object when the object is the recipient
    ("supplied North Korea with essential aid")."""
    obj = _object(tok)
    named = obj is not None and (res.entity_at(obj) is not None or obj.pos_ == "PROPN")
    if obj is not None and named and res.resolve(obj, context=False) and not _is_thing(obj, res.lex):
        for prep in _children(tok, ["prep"]):
            if prep.lower_ == "with":
                return _first(prep, ["pobj"]) or obj
    return obj


def _is_thing(tok: Token, lex: Lexicon) -> bool:
    """A noun phrase about troops, weapons or goods rather than an actor."""
    return any(lex.in_class(tok, c) for c in ("troops", "weapons", "police", "aid_goods", "money", "pact"))


def _counted(tok: Token | None) -> Token | None:
    """The noun a number counts: "10,000 of these soldiers" -> soldiers; otherwise the token."""
    if tok is not None and _is_number(tok):
        of = next((p for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"), None)
        pobj = _first(of, ["pobj"]) if of is not None else None
        if pobj is not None:
            return pobj
    return tok


def _subject_token(tok: Token) -> Token | None:
    """The subject a verb has or inherits (active subject, passive agent's object aside)."""
    seen = 0
    current = tok
    if _misparsed_amod(tok):
        return _first(tok, ("nsubj", "npadvmod"))
    while seen < 6:
        seen += 1
        subj = _first(current, SUBJECTS)
        if subj is not None:
            return subj
        if _first(current, PASSIVE_SUBJECTS) is not None:
            return None
        # "accused X of stealing", "X were accused of stealing": X steals.
        if current.dep_ == "pcomp" and current.head.lower_ == "of" and _is_verb(current.head.head):
            accuser = current.head.head
            return _first(accuser, OBJECTS) or _first(accuser, PASSIVE_SUBJECTS)
        if current.dep_ in _SUBJECT_INHERIT and current.head.i != current.i:
            current = current.head
            continue
        return None
    return None


def _find_triggers(sent: Span, lex: Lexicon, res: Resolver) -> list[Trigger]:
    triggers: list[Trigger] = []
    by_token: dict[int, Trigger] = {}
    tokens = res.sent_tokens(sent)
    for tok in tokens:
        if _is_verb(tok):
            trig = _verb_trigger(tok, lex, res)
            if trig is not None:
                triggers.append(trig)
                by_token[tok.i] = trig
    for tok in tokens:
        if tok.pos_ in ("NOUN", "PROPN") and tok.i not in by_token:
            trig = _noun_trigger(tok, lex, res, by_token)
            if trig is not None:
                triggers.append(trig)
                by_token[tok.i] = trig
    return triggers


def _verb_trigger(tok: Token, lex: Lexicon, res: Resolver) -> Trigger | None:
    found = _verb_entry(tok, lex)
    if found is None:
        return None
    _, entry = found
    kind, mode = entry.type, entry.mode
    obj = _goods(tok, res) if entry.theme else _object(tok)
    obj = _counted(obj)
    if entry.by_object:
        spec = lex.match(entry.by_object, obj)
        if spec is None and obj is not None and "igo" in entry.by_object:
            info = res.entity_at(obj) or next((res.entity_at(t) for t in obj.subtree if res.entity_at(t)), None)
            if info is not None and info.kind == "igo":
                spec = entry.by_object["igo"]
        if spec is not None:
            parsed = _spec(spec)
            if parsed is None:
                return None
            kind, mode = parsed[0], parsed[1] or (mode if parsed[0] == entry.type else None)
        elif entry.object_required:
            return None
    if entry.clause_required and _first(tok, ["ccomp"]) is None and obj is None:
        return None
    if entry.transitive and _object(tok) is None:
        return None  # "Hong Kong is burning", "it's striking that"
    if entry.clause_required and not _deontic_clause(tok):
        return None  # "insisted his tactics will work" reports; "insisted that Russia return" demands
    # "declined to comment": the governed verb says it is not an event at all.
    if entry.not_with and any(c.dep_ == "xcomp" and c.lemma_.lower() in entry.not_with for c in tok.children):
        return None
    subj = _counted(_subject_token(tok))
    if entry.by_subject:
        spec = lex.match(entry.by_subject, subj)
        if spec is not None:
            parsed = _spec(spec)
            if parsed is None:
                return None
            kind, mode = parsed
    if entry.subject_required:
        if subj is None:
            return None
        if not (lex.in_class(subj, "weapons") or lex.in_class(subj, "troops") or res.resolve(subj, context=False)):
            return None
    if entry.needs_actor_object:
        target = _first(tok, OBJECTS)
        if target is None or not (
            res.resolve(target, context=False) or _is_group_noun(target, lex) or lex.in_class(target, "people")
        ):
            violent = [
                p
                for p in _children(tok, ["prep"])
                if p.lower_ == "of" and lex.in_class(_first(p, ["pobj"]), "violence")
            ]
            # "warned that it would respond with overwhelming force"
            clause = _first(tok, ["ccomp"])
            if clause is not None and any(
                lex.in_class(t, "violence") or t.lemma_.lower() in _RETALIATION for t in clause.subtree
            ):
                violent.append(clause)
            if not violent:
                return None
    if kind == "CONSULT" and _phone(tok, lex):
        mode = "phone"
    # Joint exercises and patrols are cooperation, not a show of force.
    if kind == "MOBILIZE" and obj is not None and any(c.lower_ == "joint" for c in obj.children):
        kind, mode = "COOPERATE", "military"
    return Trigger(tok, entry, kind, mode)


def _deontic_clause(tok: Token) -> bool:
    """A demanded clause: a bare subjunctive ("that Russia return") or must/should."""
    for clause in _children(tok, ["ccomp", "xcomp"]):
        auxes = [c.lower_ for c in clause.children if c.dep_ == "aux"]
        if any(a in ("must", "should") for a in auxes) or (clause.tag_ == "VB" and not auxes):
            return True
    return _first(tok, OBJECTS) is not None


def _phone(tok: Token, lex: Lexicon) -> bool:
    for prep in _children(tok, ["prep"]):
        if prep.lower_ in ("by", "over", "via"):
            pobj = _first(prep, ["pobj"])
            if pobj is not None and _forms(pobj, lex) & lex.phone_words:
                return True
    return False


def _noun_trigger(tok: Token, lex: Lexicon, res: Resolver, verbs: Mapping[int, Trigger]) -> Trigger | None:
    key = tok.lemma_.lower()
    entry = lex.nouns.get(key) or lex.nouns.get(tok.lower_)
    bigram = next((f for f in _forms(tok, lex) if " " in f and f in lex.nouns), None)
    if bigram:
        entry = lex.nouns[bigram]
    if entry is None:
        return None
    light = _light_verb(tok, lex)
    poss = _first(tok, ["poss"])
    if light is None and not (entry.possessive and poss is not None):
        return None
    if light is not None and light.i in verbs:
        return None  # the verb is an event itself; this noun is its object
    kind, mode = entry.type, entry.mode
    spec = lex.match(entry.by_modifier, next((c for c in tok.children if c.dep_ in ("amod", "compound")), None))
    if spec is None:
        for child in tok.children:
            if child.dep_ in ("amod", "compound"):
                spec = lex.match(entry.by_modifier, child) or spec
    if spec is not None:
        parsed = _spec(spec)
        if parsed is None:
            return None
        kind, mode = parsed
    elif entry.modifier_required:
        return None
    verb_spec = entry.by_verb.get(light.lemma_.lower()) if light is not None else None
    if verb_spec is not None and spec is None:
        parsed = _spec(verb_spec)
        if parsed is None:
            return None
        kind, mode = parsed
    elif entry.verb_required and verb_spec is None:
        return None
    if kind in ("MOBILIZE",) and any(c.lower_ == "joint" for c in tok.children):
        kind, mode = "COOPERATE", "military"
    return Trigger(tok, entry, kind, mode, light=light)


def _light_verb(tok: Token, lex: Lexicon) -> Token | None:
    """The verb an event noun is the object of ("held talks", "went on strike", "put on alert"); a
    coordinated noun takes its first conjunct's ("imposed sanctions and tariffs")."""
    while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i:
        tok = tok.head  # iterative: a list of 10,000 coordinated nouns is as deep as the parse makes it
    head = tok.head
    if tok.dep_ in OBJECTS | PASSIVE_SUBJECTS | {"attr", "oprd"} and _is_verb(head):
        return head if head.lemma_.lower() in lex.light_verbs or head.lemma_.lower() in lex.verbs else None
    if tok.dep_ == "pobj" and head.dep_ == "prep" and _is_verb(head.head):
        verb = head.head
        if verb.lemma_.lower() in lex.light_verbs or verb.lemma_.lower() in lex.verbs:
            return verb
    return None


def _absorb(triggers: list[Trigger], lex: Lexicon) -> None:
    """Mark triggers that belong to another one: governed clauses ("agreed to reopen"), purpose
    clauses ("sent soldiers to support"), and event nouns that are a trigger's object."""
    by_token = {t.token.i: t for t in triggers}
    # Appeals and denials: what they govern did not happen ("urged Israel to allow aid").
    for trig in triggers:
        if _under_non_factive(trig.token, lex):
            trig.absorbed = True
    for trig in triggers:
        tok = trig.token
        inner_tokens: list[Token] = []
        if trig.entry.governs:
            inner_tokens += _children(tok, ["xcomp", "ccomp"])
            # Everything else in the governed clause is its content, not a further event: "agreed to
            # extend the ceasefire", "demanded that Hungary stop blocking aid".
            for clause in _children(tok, ["xcomp", "ccomp"]):
                for t in clause.subtree:
                    if t.i != clause.i and t.i in by_token and by_token[t.i] is not trig:
                        by_token[t.i].absorbed = True
            if trig.is_noun:
                inner_tokens += _children(tok, ["acl"])
                for prep in _children(tok, ["prep"]):
                    inner_tokens += _children(prep, ["pobj"])
        inner_tokens += [c for c in _children(tok, OBJECTS | PASSIVE_SUBJECTS) if c.i in by_token]
        for prep in _children(tok, ["prep"]):
            inner_tokens += [p for p in _children(prep, ["pobj"]) if p.i in by_token and by_token[p.i].is_noun]
        # A purpose infinitive ("deployed to support Russian forces") elaborates its head event.
        for child in tok.children:
            if child.dep_ in ("advcl", "xcomp", "acl", "relcl") and _is_infinitive(child):
                inner_tokens.append(child)
        obj = _object(tok)
        if obj is not None:
            inner_tokens += [c for c in obj.children if c.dep_ in ("acl", "relcl") and _is_infinitive(c)]
            # "detained hundreds of farmers marching toward New Delhi": a participle describing the
            # object is background, not a second event.
            inner_tokens += [c for c in obj.subtree if c.dep_ == "acl" and c.tag_ == "VBG"]
        small = _small_clause_object(tok)
        if small is not None:
            inner_tokens.append(small.head)
        for inner_tok in inner_tokens:
            inner = by_token.get(inner_tok.i)
            if inner is not None and inner is not trig and not inner.absorbed:
                inner.absorbed = True
                trig.inner.append(inner)


def _under_non_factive(tok: Token, lex: Lexicon) -> bool:
    """Whether a trigger sits in the complement of an appeal or a denial (or is a noun after
    "call for")."""
    current = tok
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            return False
        if (
            current.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "pcomp", "prep")
            and _is_verb(head)
            and _lemmas(head)[0] in lex.non_factive
        ):
            # "called for a strike" is an appeal; "called a strike", "called his counterpart" are not.
            return _lemmas(head)[0] != "call" or any(c.lower_ in ("for", "on", "upon") for c in head.children)
        if current.dep_ not in ("xcomp", "ccomp", "pobj", "prep", "pcomp", "conj", "dobj"):
            return False
        current = head
    return False


def _small_clause_object(tok: Token) -> Token | None:
    """The object the parser hung on a participle clause: in "detained hundreds of farmers
    marching ...", "hundreds" is parsed as the subject of "marching"."""
    if not _is_verb(tok) or _first(tok, OBJECTS | PASSIVE_SUBJECTS) is not None:
        return None
    for child in tok.children:
        if child.dep_ in ("advcl", "ccomp") and child.tag_ == "VBG" and child.i > tok.i:
            subject = _first(child, SUBJECTS)
            if subject is not None and subject.i == tok.i + 1 + sum(1 for _ in subject.lefts) - 0 and subject.i > tok.i:
                return subject
    return None


def _is_infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and _first(tok, SUBJECTS) is None


# --------------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------------


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


def extract_events(
    doc: Doc,
    gazetteer: Gazetteer,
    *,
    lexicon: Lexicon | None = None,
    published_at: date | datetime | None = None,
    resolver: Resolver | None = None,
) -> list[Event]:
    """PLOVER events of every sentence of a parsed document, in reading order."""
    lex = lexicon or load_lexicon()
    res = resolver or Resolver(doc, gazetteer, lex)
    reference = published_at.date() if isinstance(published_at, datetime) else published_at
    events: list[Event] = []
    for sent in res.sentences:
        triggers = _find_triggers(sent, lex, res)
        _absorb(triggers, lex)
        drafts: list[_Draft] = []
        for trig in triggers:
            if not trig.absorbed:
                drafts.extend(_drafts(trig, res, lex, reference))
        events.extend(_merge(drafts, sent))
        _remember_subjects(sent, res)
    return events


def _remember_subjects(sent: Span, res: Resolver) -> None:
    """Keep the sentence's subject actors as context for later officials and pronouns."""
    for tok in res.sent_tokens(sent):
        if tok.dep_ in SUBJECTS | PASSIVE_SUBJECTS:
            for actor in res.resolve(tok, context=False):
                if actor.kind in ("state", "group", "igo", "person", "organisation"):
                    res.remember(actor)


def _drafts(trig: Trigger, res: Resolver, lex: Lexicon, reference: date | None) -> list[_Draft]:
    tok = trig.token
    actors, patient = _actors(trig, res, lex)
    if not actors:
        return []
    kind, mode = trig.type, trig.mode
    recipients = _recipients(trig, res, lex, patient, actors)
    # A promise to attack is a threat (CAMEO 13x); its mode follows the act promised.
    conflict = [i for i in trig.inner if i.type in lex.threat_modes]
    if kind == "AGREE" and conflict and trig.entry.governs:
        kind = "THREATEN"
    if kind == "THREATEN" and mode is None and conflict:
        inner = conflict[0]
        mode = lex.threat_modes.get(f"{inner.type}/{inner.mode}") or lex.threat_modes.get(inner.type)
    if mode is None and trig.inner:
        mode = next((i.mode for i in trig.inner if i.mode and i.type in ("AID", "AGREE", kind)), None)
    untargeted = _spec(trig.entry.untargeted) if trig.entry.untargeted else None
    weapons = lex.in_class(_counted(_object(tok)), "weapons")
    if untargeted is not None and weapons and not recipients and not _targeted(trig, res):
        kind, mode = untargeted
        # A show of force is aimed where it is made: "sent warships around Taiwan".
        holders = [tok, *[t for t in tok.subtree if t.pos_ in ("NOUN", "PROPN")]]
        recipients = _prep_recipients(holders, lex.type_preps.get(kind, ()), res, lex, actors, trig, domestic=False)
    if trig.entry.igo_type and any(r.kind == "igo" for r in recipients):
        kind = trig.entry.igo_type
    if kind == "AID" and mode is None:
        mode = _aid_mode(trig, lex)
    negated = _negated(trig, lex)
    # PLOVER: cooperative actions in the future tense are intentions (AGREE: "Japan said it would
    # provide aid"); a refusal in the future tense is a rejection ("will not withdraw").
    if kind in _COOPERATIVE and _future(trig):
        kind, negated = ("REJECT", False) if negated else ("AGREE", negated)
    location = _location(trig, res)
    # Deploying at home is not against oneself; attacking at home has local victims.
    at_home = location is not None and kind == "MOBILIZE" and any(a.code == location[1].code for a in actors)
    if not recipients and kind in lex.location_recipient and location is not None and not at_home:
        recipients = [location[1]]
    hedged = _hedged(trig, lex)
    quantity = _quantity(trig, lex)
    when = _date(trig, reference, res)
    pairs: list[tuple[Actor, Actor | None]] = []
    reciprocal = trig.entry.reciprocal or kind in lex.symmetric
    if not recipients and reciprocal and len(actors) > 1:
        pairs = [(a, b) for a in actors for b in actors if a.token != b.token]
    elif recipients:
        pairs = [(a, r) for a in actors for r in recipients if not (a.token == r.token and a.code == r.code)]
    else:
        pairs = [(a, None) for a in actors]
    return [
        _Draft(kind, mode, a, r, location[0] if location else None, when, quantity, negated, hedged) for a, r in pairs
    ]


# Governed triggers nest as deep as the clauses do ("agreed to try to send"); a misparse can even make
# two triggers each other's inner: recipients are looked for this many levels down at most.
_MAX_INNER_DEPTH = 4
_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
_FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})


def _future(trig: Trigger) -> bool:
    """A future-tense trigger: "will"/"would"/"shall" on it or on the verb it hangs from."""
    current = trig.light if trig.is_noun and trig.light is not None else trig.token
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in current.children):
            return True
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children) and current.head.lemma_ in ("be", "go"):
            return True  # "is to visit", "is going to send"
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


def _actors(trig: Trigger, res: Resolver, lex: Lexicon) -> tuple[list[Actor], Token | None]:
    """(actors, patient): who acts, and the passive subject or theme when there is one."""
    tok = trig.token
    if trig.is_noun:
        poss = _first(tok, ["poss"])
        if poss is not None and (trig.light is None or poss.pos_ != "PRON"):
            return res.resolve(poss), None
        light = trig.light
        if light is None:
            return [], None
        return _verb_actors(light, res, lex, theme=True)
    if trig.entry.host:
        visitor = _first(tok, OBJECTS)
        return res.resolve(visitor), None
    return _verb_actors(tok, res, lex, theme=trig.entry.theme)


def clause_actors(verb: Token, res: Resolver, lex: Lexicon) -> list[Actor]:
    """Who does what a verb says (its subject, inherited subject or passive agent)."""
    return _verb_actors(verb, res, lex, theme=False)[0]


def _verb_actors(tok: Token, res: Resolver, lex: Lexicon, *, theme: bool) -> tuple[list[Actor], Token | None]:
    patient = _first(tok, PASSIVE_SUBJECTS)
    if patient is None and tok.dep_ == "acl" and (tok.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in tok.children)):
        patient = tok.head
    agent = next((p for p in _children(tok, ["agent"])), None)
    if agent is not None:
        # "by Russian shelling" parses the gerund as a clause (pcomp).
        pobj = _first(agent, ["pobj", "pcomp"])
        return res.resolve(pobj), patient
    subj = _subject_token(tok)
    if patient is None and subj is None:
        # Participles and relative clauses: "troops who were sent by Minsk", "advancements aided by Russia".
        if tok.dep_ in ("acl", "relcl"):
            head = tok.head
            passive = tok.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in tok.children)
            if passive:
                patient = head
            elif tok.dep_ == "acl" and _is_infinitive(tok):
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
        elif len(_conjuncts(subj)) > len(actors):
            # "The Ethiopian government and Tigrayan rebels": a conjunct the gazetteer cannot code
            # takes its state from the context, so the pair is still coded.
            for conjunct in _conjuncts(subj):
                if all(a.token < conjunct.i or a.token > conjunct.right_edge.i for a in actors):
                    actors += [a for a in res.resolve(conjunct) if a.token not in {b.token for b in actors}]
        return actors, None
    if patient is not None:
        if patient.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
            patient = tok.head
        # A passive with no agent: the theme's nationality is the actor ("North Korean troops are
        # being deployed", "Iranian drones are being shipped").
        if any(lex.in_class(_counted(patient), c) for c in ("troops", "weapons", "police", "aid_goods", "money")):
            actors = res.resolve(patient, context=False) or class_antecedent(patient, res, lex)
            return actors, None
        return [], patient
    return [], None


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
            speaker = _first(current, SUBJECTS)
            return res.resolve(speaker) if speaker is not None else []
    return []


def _nominal_actor(noun: Token, res: Resolver, lex: Lexicon) -> list[Actor]:
    """The actor of an event under a noun: "Pyongyang's decision to send", "Mao made the decision to send"."""
    if noun.lemma_.lower() not in lex.transparent_nouns and not _is_group_noun(noun, lex):
        return []  # "Russia's willingness to support" is a disposition, not an event
    poss = _first(noun, ["poss"])
    if poss is not None:
        return res.resolve(poss)
    if noun.dep_ in OBJECTS | {"attr"} and _is_verb(noun.head):
        subj = _subject_token(noun.head)
        if subj is not None:
            return res.resolve(subj)
    if noun.dep_ in SUBJECTS | PASSIVE_SUBJECTS:
        return []
    return res.resolve(noun) if _is_group_noun(noun, lex) else []


def class_antecedent(tok: Token, res: Resolver, lex: Lexicon) -> list[Actor]:
    """For "these soldiers"/"10,000 of them": the state of the last troop noun named before."""
    head = tok
    if _is_number(tok):
        of = next((p for p in _children(tok, ["prep"]) if p.lower_ == "of"), None)
        pobj = _first(of, ["pobj"]) if of is not None else None
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


def _is_number(tok: Token) -> bool:
    return tok.like_num or tok.pos_ == "NUM" or tok.lower_ in ("thousands", "hundreds", "dozens", "millions", "tens")


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
    obj_tok = _object(tok) if not trig.is_noun else None
    if obj_tok is not None:
        holders += [t for t in obj_tok.subtree if t.pos_ in ("NOUN", "PROPN", "NUM", "SYM", "ADJ") and t.i != tok.i]
    if trig.is_noun:
        holders += [t for t in tok.subtree if t.pos_ in ("NOUN", "PROPN") and t.i != tok.i][:4]
    if trig.entry.host:
        return _unique(res.resolve(_subject_token(tok)))
    obj: Token | None = None
    if patient is not None:
        found = res.resolve(patient, strict=False)
    if not found and not trig.is_noun:
        obj = _first(tok, OBJECTS) or _small_clause_object(tok)
        if obj is not None and lex.in_class(obj, "diplomats"):
            # "recalled its ambassador to Israel": the host; "expelled the French ambassador": the sender.
            # "recalled its ambassador from Paris" (the preposition may hang on the verb).
            for prep in [*_children(obj, ["prep"]), *_children(tok, ["prep"])]:
                if not found and prep.lower_ in ("to", "in", "at", "from"):
                    found = res.resolve(_first(prep, ["pobj"]), context=False, strict=False)
        if not found and obj is not None and not (entry.theme and _is_thing(obj, lex)):
            # The object of "send", "hold", "impose" is what moves; it is the recipient only when it
            # names an actor itself ("supplied North Korea with aid").
            found = res.resolve(obj, context=False, strict=entry.theme)
            # "suspended its deployment": the actor's own possessive is not a recipient of what it moves.
            own = {a.code for a in actors}
            if (
                entry.theme
                and obj.pos_ != "PRON"
                and found
                and all(a.text.lower() in _PRONOUNS_GROUP | _PRONOUNS_PERSON and a.code in own for a in found)
            ):
                found = []
    # "demanded that the Philippines withdraw", "allowed UN investigators to enter": the subject of
    # the governed clause is who must act or is let in.
    clause_subject: Token | None = None
    if not found and entry.governs:
        for clause in _children(tok, ["ccomp", "xcomp"]):
            subject = _first(clause, SUBJECTS | PASSIVE_SUBJECTS)
            if subject is not None and subject.pos_ != "PRON":
                clause_subject = subject
                found = [a for a in res.resolve(subject, strict=False) if all(a.code != b.code for b in actors)]
                if found:
                    break
    if not found:
        found = _prep_recipients(holders, preps, res, lex, actors, trig, domestic=False)
    if not found and entry.governs:
        # "promised to buy equipment from China": the governed verb's partner.
        for clause in _children(tok, ["xcomp", "ccomp"]):
            if clause.i in {i.token.i for i in trig.inner}:
                continue
            found = _prep_recipients(
                [clause], ("from", "with", "to", "for", "against", "on"), res, lex, actors, trig, domestic=False
            )
            found = [a for a in found if all(a.code != b.code for b in actors)]  # "on their border"
            if not found:
                found = [a for a in res.resolve(_first(clause, OBJECTS)) if all(a.code != b.code for b in actors)]
            if found:
                break
    if not found and depth < _MAX_INNER_DEPTH:
        for inner in trig.inner:
            found = _recipients(inner, res, lex, None, actors, depth=depth + 1)
            if (not found and inner.type in ("DEMAND",)) or (not found and trig.type == "DEMAND"):
                found = res.resolve(_subject_token(inner.token), context=False, strict=False)
            if found:
                break
    # Last, an unnamed person or group: the state in context ("detained the former army chief").
    if not found and obj is not None and not entry.theme:
        found = _domestic(obj, res, lex, actors, trig)
    if not found and clause_subject is not None:
        found = _domestic(clause_subject, res, lex, actors, trig)  # "allow girls to return"
    if not found:
        found = _prep_recipients(holders, preps, res, lex, actors, trig, domestic=True)
    return _unique(found)


def _prep_recipients(
    holders: list[Token],
    preps: tuple[str, ...],
    res: Resolver,
    lex: Lexicon,
    actors: list[Actor],
    trig: Trigger,
    *,
    domestic: bool,
) -> list[Actor]:
    """The first prepositional object, in the order of `preps`, that names an actor; the holders
    are the trigger and the nouns of its object ("$95 million in aid to Niger")."""
    found_nouns: dict[str, list[Token]] = {}
    for holder in holders:
        for prep in _children(holder, ["prep", "dative", "agent"]):
            if prep.lower_ in preps:
                found_nouns.setdefault(prep.lower_, []).extend(_children(prep, ["pobj"]))
    for name in preps:
        for pobj in found_nouns.get(name, []):
            found = (
                _domestic(pobj, res, lex, actors, trig) if domestic else res.resolve(pobj, context=False, strict=False)
            )
            if found:
                return found
    return []


def _domestic(tok: Token, res: Resolver, lex: Lexicon, actors: list[Actor], trig: Trigger) -> list[Actor]:
    """An unnamed person or group as recipient ("the former president", "six militants", "the
    foreign agents law"): the state of the place named, else the actor's own state when the
    actor is a domestic institution or the event is domestic by nature."""
    tok = _counted(tok) or tok  # "dozens of commercial ships" are ships
    if any(c.lower_ in ("foreign", "international", "overseas", "western") for c in tok.children):
        return []  # "restrictions on foreign journalists" are not on the state's own people
    nouns = [tok, *[c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")]]
    people = any(lex.in_class(n, "people") or n.lemma_.lower() in _ORG_NOUNS or _is_group_noun(n, lex) for n in nouns)
    policy = trig.type in ("PROTEST", "REJECT") and any(lex.in_class(n, "policy") for n in nouns)
    # An investigation into an unnamed matter is the investigator's own affair.
    inquiry = trig.type == "INVESTIGATE"
    if not (people or policy or inquiry):
        return []
    located = res.location_state(tok) or res.location_state(trig.token)
    if located is not None:
        return [located]
    # Armed groups (coded by their country) and domestic institutions act on their own people.
    group = any(a.kind == "group" for a in actors)
    # Militants, rebels, insurgents fought by a state with no place named: its own insurgents.
    combatants = trig.type == "ASSAULT" and (
        any(n.lemma_.lower() in _COMBATANTS for n in nouns) or trig.mode in ("execute", "torture", "beat")
    )
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
        return [Actor(a.code, tok.text, None, "context", tok.i)]
    return []


_ORG_NOUNS = frozenset(
    {
        "party",
        "group",
        "movement",
        "organisation",
        "organization",
        "company",
        "firm",
        "coalition",
        "union",
        "association",
        "network",
        "outlet",
        "newspaper",
        "university",
        "church",
    }
)
_RETALIATION = frozenset({"retaliate", "respond", "strike", "attack", "punish", "destroy", "annihilate"})
_COMBATANTS = frozenset({"militant", "rebel", "insurgent", "fighter", "gunman", "jihadist", "extremist", "terrorist"})


def _targeted(trig: Trigger, res: Resolver) -> bool:
    """Whether a firing has a target ("at Tel Aviv"), even one the gazetteer cannot code."""
    for prep in _children(trig.token, ["prep"]):
        pobj = _first(prep, ["pobj"])
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
    subj = _subject_token(trig.token) if not trig.is_noun else None
    return subj is not None and lex.in_class(subj, "domestic")


def _unique(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for a in actors:
        if all(o.code != a.code or o.token != a.token for o in out):
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


def _location(trig: Trigger, res: Resolver) -> tuple[str, Actor] | None:
    """(location_id, the location's state as an actor) from a locative phrase of the trigger."""
    holders = [trig.token]
    if trig.light is not None:
        holders.append(trig.light)
    obj = _object(trig.token)
    if obj is not None:
        holders.append(obj)
    for inner in trig.inner:
        holders.append(inner.token)
    for holder in holders:
        for prep in _children(holder, ["prep"]):
            if prep.lower_ not in _LOCATIVE_PREPS:
                continue
            pobj = _first(prep, ["pobj"])
            if pobj is None:
                continue
            best: _Ent | None = None
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


def _negated(trig: Trigger, lex: Lexicon) -> bool:
    tok = trig.token
    chain = [tok]
    current = tok
    while current.dep_ in ("xcomp", "conj") and current.head.i != current.i:
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


def _hedged(trig: Trigger, lex: Lexicon) -> bool:
    return clause_hedged(trig.light if trig.light is not None and trig.is_noun else trig.token, lex)


def clause_hedged(token: Token, lex: Lexicon) -> bool:
    """Whether a word's clause is hedged: a modal, a hedging adverb, an `if`, or a governing verb of
    conjecture or hearsay ("reports indicate that", "analysts suggest that") above it."""
    trigger = token
    current: Token = token
    steps = 0
    while steps < 10:
        steps += 1
        for child in current.children:
            low = child.lower_
            if child.dep_ == "aux" and low in lex.hedge_modals:
                return True
            if child.dep_ == "advmod" and low in lex.hedge_adverbs:
                return True
            if child.dep_ == "mark" and low in lex.subordinators:
                return True
            if child.dep_ == "amod" and low in lex.hedge_adverbs:
                return True
        lemma = current.lemma_.lower()
        if current.i != trigger.i and lemma in lex.hedge_verbs:
            return True
        if current.i != trigger.i and lemma in lex.transparent_hedged:
            return True
        if current.i != trigger.i and _is_verb(current):
            subj = _first(current, SUBJECTS)
            if (
                subj is not None
                and subj.lemma_.lower() in lex.hedge_sources
                and lemma in {"say", "indicate", "suggest", "show", "claim"}
            ):
                return True
        if current.head.i == current.i:
            break
        current = current.head
    return False


def _quantity(trig: Trigger, lex: Lexicon) -> int | None:
    """A head count of the troops or weapons moved ("at least 10,000 soldiers")."""
    candidates: list[Token] = []
    tok = trig.token
    for dep in (OBJECTS, PASSIVE_SUBJECTS, SUBJECTS):
        candidates += _children(tok, dep)
    for inner in trig.inner:
        candidates += _children(inner.token, OBJECTS | PASSIVE_SUBJECTS | SUBJECTS)
    for cand in candidates:
        counted = cand
        number: Token | None = None
        if _is_number(cand):
            number = cand
            of = next((p for p in _children(cand, ["prep"]) if p.lower_ == "of"), None)
            counted = _first(of, ["pobj"]) if of is not None else cand
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


def number_value(tok: Token, lex: Lexicon) -> float | None:
    """The value of a number token with its scale word ("1.2 million", "10,000", "five")."""
    text = tok.text.replace(",", "")
    value: float | None
    if _NUMBER_RE.match(tok.text) or re.fullmatch(r"\d+(\.\d+)?", text):
        value = float(text)
    elif tok.lower_ in _NUMBER_WORDS:
        value = float(_NUMBER_WORDS[tok.lower_])
    else:
        return None
    scales: Mapping[str, float] = lex.claims.get("scales", {})
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    # "1.2 million", "$5bn" (tokenised "5", "bn"); a one-letter scale must touch the number ("5m").
    if nxt is not None and nxt.lower_ in scales and (len(nxt.lower_) > 1 or nxt.idx == tok.idx + len(tok.text)):
        value *= scales[nxt.lower_]
    return value


def _date(trig: Trigger, reference: date | None, res: Resolver) -> date | None:
    """The date phrase of the trigger's clause, resolved against the publication date."""
    tok = trig.token
    chain: list[Token] = [tok]
    current = tok
    while current.dep_ in _CLAUSE_INTERNAL and current.head.i != current.i:
        current = current.head
        chain.append(current)
    if trig.light is not None:
        chain.append(trig.light)
    future = any(c.lower_ in ("will", "shall", "'ll") for t in chain for c in t.children if c.dep_ == "aux")
    sent = res.sent(tok)
    # "in June 2023 when Moscow and Pyongyang signed": the clause hangs off the date itself.
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


def _merge(drafts: list[_Draft], sent: Span) -> list[Event]:
    """One event per (type, actor, recipient) in a sentence, pooling what each mention tells."""
    merged: dict[tuple[str, str, str | None], list[_Draft]] = {}
    for d in drafts:
        key = (d.type, d.actor.code, d.recipient.code if d.recipient else None)
        merged.setdefault(key, []).append(d)
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
    for (kind, actor_code, recipient_code), group in merged.items():
        first = group[0]
        recipient = next((d.recipient for d in group if d.recipient is not None), None)
        when = next((d.event_date for d in group if d.event_date), None)
        events.append(
            Event(
                event_type=kind,
                mode=next((d.mode for d in group if d.mode), None),
                actor_id=actor_code,
                actor_text=first.actor.text,
                recipient_id=recipient_code,
                recipient_text=recipient.text if recipient else None,
                location_id=next((d.location_id for d in group if d.location_id), None),
                event_date=when.isoformat() if when else None,
                quantity=next((d.quantity for d in group if d.quantity is not None), None),
                negated=all(d.negated for d in group),
                hedged=any(d.hedged for d in group),
                sentence=sentence,
                start=sent.start_char,
                end=sent.start_char + len(sentence),
            )
        )
    return events


def sentence_text(sent: Span) -> str:
    """A sentence's text without the whitespace (line breaks) spaCy keeps at its end."""
    return sent.text.rstrip()
