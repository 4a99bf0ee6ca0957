"""Actor resolution: noun phrases of a document to canonical actor ids through the gazetteer
(`Resolver`), coordination ("Moscow and Pyongyang"), antecedents of class nouns ("these
soldiers"), and who does what a verb says (`verb_actors`, `clause_actors`).
Pure: no network, no database.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from importlib.resources import files

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from extractors.clauses import (
    DOC_TEXT,
    OBJECTS,
    PASSIVE_SUBJECTS,
    SUBJECTS,
    ParseIndex,
    children,
    counted,
    first_child,
    first_conjunct,
    gerund_after_to,
    is_infinitive,
    is_number,
    is_verb,
    memo_of,
    parse_index,
    subject_of,
    subtree_order,
    subtree_positions,
)
from extractors.entities import linked
from extractors.gazetteer import FAMILY_NAME_FIRST, Entity, Gazetteer
from extractors.lexicon import Lexicon, noun_forms

# "the North", "the South": shorthand for a state of that name the article names ("North Korea").
_COMPASS_SHORTHANDS = frozenset({"north", "south", "east", "west"})
# Sectors of Phoenix agents (agents.json) that act for the state they belong to, like officials: with
# no country in their phrase or place, the state in context ("lawmakers", "the riot police").
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# Sectors of agents whose acts fall on their own state's people (police, courts): what they act on
# tells their state ("a court jailed a Dutch activist").
_HOME_SECTORS = frozenset({"COP", "JUD"})
# Sectors of agents that are people acting on their own (rebels, criminals, civilians, opposition):
# coded by the place where they act, never by the article's context.
_PLACED_SECTORS = frozenset({"REB", "OPP", "CVL", "CRM", "UAF", "RAD", "LAB", "AGR", "EDU", "MED", "HLH", "REF"})
# The UN Security Council's gazetteer id (extractors/data/actors.toml).
_UN_COUNCIL = "UNSC"
_NAMED_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC"})
# Where a bare surname the NER misread still names the person: the phrase heads the event rules
# read as actors and recipients ("Choe met Lavrov", "Shoigu's trip", "talks with Lavrov").
_ARGUMENT_DEPS = SUBJECTS | PASSIVE_SUBJECTS | OBJECTS | frozenset({"poss", "pobj", "conj", "appos", "dative"})
_POSSESSIVE = re.compile(r"['’]s?$")


# Titles of a head of state or government before a bare surname ("President Reagan", "Chancellor
# Kohl"), and what follows one to name their government ("the Assad regime", "Bush administration").


# How many earlier mentions of a title _title_antecedent reads before it gives up (the nearest two that
# name a state decide).
_TITLE_LOOKBACK = 8
# How many sentences back _organisation_delegates reads for the organisation's own delegates (lexicon
# words.delegate_nouns: "the ministers", "the officials" after "The G7's foreign ministers").
_DELEGATE_SENTENCES = 8
# How many sentences back _organisation_named_before looks for the organisation "the bloc" stands for.
_SHORTHAND_SENTENCES = 3
# How many sentences back an act named again ("the treaty") looks for the mention that says whose it is.
_ACT_SENTENCES = 4
# How many sentences back words named again ("rejected that claim") look for whoever said them.
_SAID_SENTENCES = 1
_DEFINITE = frozenset({"the", "this", "these", "that", "those"})  # an act told before, not told here first
# Verbs that judge an act rather than do it: their subject is no owner of their object ("condemned a test").
_JUDGING = frozenset({"DISAPPROVE", "REJECT", "SUPPORT", "DEMAND", "PROTEST", "INVESTIGATE", "SANCTION", "THREATEN"})
# How far back a chain of "she ... she ... she" keeps its person in view, in sentences (a pronoun in
# every sentence of a long text would otherwise reach back to its start each time).
_PRONOUN_CHAIN_SENTENCES = 12


@dataclass(frozen=True, slots=True)
class Actor:
    code: str  # what PLOVER codes: a state (ISO3) or an international organisation id
    text: str  # the words that named it
    entity_id: str | None  # the gazetteer entity (a person, a ministry) when there is one
    kind: str  # state | igo | ngo | person | organisation | place | group (non-state) | people (a crowd) | context
    token: int  # index of the token it was read from (distinguishes "A and B" of the same state)
    # Read through a pronoun ("it", "its", "he"): `text` is the antecedent's words for a subject or
    # object pronoun ("Ethiopia said it would..." -> "Ethiopia"), the pronoun for a possessive.
    pronoun: bool = False


def _same_person(a: LinkedEntity, b: LinkedEntity) -> bool:
    """Two full mentions of one person: the same gazetteer entry, or one the gazetteer does not
    know written alike."""
    if a.entity_id is not None or b.entity_id is not None:
        return a.entity_id == b.entity_id
    return a.span.text == b.span.text


@functools.cache
def load_agents() -> Mapping[str, str]:
    """Generic agent nouns and their Phoenix sector ("rebel" -> REB, "riot police" -> COP), from
    extractors/data/agents.json (generated by scripts/build_agents.py from PETRARCH2's Phoenix
    agents dictionary)."""
    data = json.loads((files("extractors") / "data" / "agents.json").read_text(encoding="utf-8"))
    return data["agents"]


def agent_sector(tok: Token) -> str | None:
    """The Phoenix sector of a noun that names a generic agent ("Tamil rebels", "riot police"), read
    from the noun with the word before it, then the noun alone."""
    agents = load_agents()
    lemma = tok.lemma_.lower()
    if tok.i > 0 and tok.doc[tok.i - 1].head.i == tok.i:
        before = tok.doc[tok.i - 1].lower_
        sector = agents.get(f"{before} {lemma}") or agents.get(f"{before} {tok.lower_}")
        if sector is not None:
            return sector
    return agents.get(lemma) or agents.get(tok.lower_)


def _agent_words(before: Token, tok: Token) -> bool:
    """Whether a word and the noun after it are a generic agent of the Phoenix dictionary ("Federal
    Police", "Supreme Court", "Interior Ministry")."""
    agents = load_agents()
    return f"{before.lower_} {tok.lemma_.lower()}" in agents or f"{before.lower_} {tok.lower_}" in agents


def _name_words(text: str, honorifics: frozenset[str]) -> list[str]:
    """The words of a person's name, honorifics and a possessive aside ("Ms Sheinbaum's" -> Sheinbaum)."""
    words = (_POSSESSIVE.sub("", w) for w in text.split())
    return [w for w in words if w and w.rstrip(".").lower() not in honorifics]


class _MentionGroup:
    """Full mentions that answer one look-up (one surname's, one name's), as positions in the
    document's list of mentions (reading order) and their first tokens, for bisecting."""

    __slots__ = ("ks", "starts")

    def __init__(self, ks: list[int], starts: list[int]) -> None:
        self.ks = ks
        self.starts = starts


class _MentionIndex:
    """The full mentions of people of one document (Resolver.full_mention), indexed so that "the
    nearest earlier mention sharing this surname / two of these words" is a bisect and the namesakes
    in its sentence are read once per sentence: a text of hundreds of names stays linear. Mentions do
    not overlap (entities, each extended only over untagged words)."""

    def __init__(self, mentions: list[LinkedEntity], surnames: dict[str, list[LinkedEntity]]) -> None:
        self.mentions = mentions
        order = {id(m): k for k, m in enumerate(mentions)}
        self.surnames = {
            word: _MentionGroup([order[id(m)] for m in group], [m.span.start for m in group])
            for word, group in surnames.items()
        }
        by_text: dict[str, list[int]] = {}
        for k, m in enumerate(mentions):
            by_text.setdefault(m.span.text, []).append(k)
        self.by_text = {t: _MentionGroup(ks, [mentions[k].span.start for k in ks]) for t, ks in by_text.items()}
        self.by_pair: dict[tuple[str, str], list[str]] = {}
        for text in by_text:
            for pair in itertools.combinations(sorted(set(text.split())), 2):
                self.by_pair.setdefault(pair, []).append(text)
        self.overlapping = any(a.span.end > b.span.start for a, b in itertools.pairwise(mentions))
        self._roots: dict[int, int] = {}
        # (group ids, sentence start) -> the sentence's mentions, the first of them describing each, and
        # whether they are all one person.
        self._segments: dict[tuple[tuple[int, ...], int], tuple[list[int], list[int], list[int], bool]] = {}

    def longer_sharing_two(self, words: list[str], length: int) -> list[_MentionGroup]:
        """The mentions written longer than a name of these words, sharing two of them."""
        texts: set[str] = set()
        for pair in itertools.combinations(sorted(set(words)), 2):
            texts.update(self.by_pair.get(pair, ()))
        return [self.by_text[t] for t in sorted(texts) if len(t) > length]

    def _qualifying(self, starts: list[int], ks: list[int], pos: int, same_start: bool) -> int:
        """How many of a run of mentions (sorted) end by pos (or, with same_start, begin at it)."""
        lo = bisect.bisect_left(starts, pos)
        count = lo
        if count and self.mentions[ks[count - 1]].span.end > pos:
            count -= 1
        if same_start:
            hi = bisect.bisect_right(starts, pos)
            if hi > lo:
                count = hi
        return count

    def last_before(self, groups: list[_MentionGroup], pos: int, *, same_start: bool) -> LinkedEntity | None:
        best = -1
        for group in groups:
            count = self._qualifying(group.starts, group.ks, pos, same_start)
            if count:
                best = max(best, group.ks[count - 1])
        return self.mentions[best] if best >= 0 else None

    def _root(self, k: int) -> int:
        found = self._roots.get(k)
        if found is None:
            found = self._roots[k] = self.mentions[k].span.root.i
        return found

    def verdict(
        self,
        groups: list[_MentionGroup],
        sentence: Span,
        pos: int,
        heads_above: Callable[[Token], frozenset[int]],
        *,
        same_start: bool,
    ) -> LinkedEntity | None:
        """Of the groups' mentions in a sentence that end by pos, the last whose phrase no other one's
        holds; None when another such is someone else (a namesake)."""
        key = (tuple(id(g) for g in groups), sentence.start)
        segment = self._segments.get(key)
        if segment is None:
            ks = sorted(
                {
                    k
                    for g in groups
                    for k in g.ks[
                        bisect.bisect_left(g.starts, sentence.start) : bisect.bisect_left(g.starts, sentence.end)
                    ]
                }
            )
            at = {self._root(k): j for j, k in enumerate(ks)}
            doc = sentence.doc
            first: list[int] = []
            for j, k in enumerate(ks):
                holders = [at[h] for h in heads_above(doc[self._root(k)]) if h in at and at[h] != j]
                first.append(min(holders, default=len(ks)))
            people = {_person_key(self.mentions[k]) for k in ks}
            segment = self._segments[key] = (ks, [self.mentions[k].span.start for k in ks], first, len(people) < 2)
        ks, starts, first, one_person = segment
        count = self._qualifying(starts, ks, pos, same_start)
        last = count - 1
        while last >= 0 and first[last] < count:
            last -= 1
        if last < 0:
            return None
        found = self.mentions[ks[last]]
        if not one_person and any(
            first[j] >= count and not _same_person(self.mentions[ks[j]], found) for j in range(count)
        ):
            return None
        return found


def _person_key(m: LinkedEntity) -> tuple[str | None, str | None]:
    """What _same_person compares."""
    return (m.entity_id, None) if m.entity_id is not None else (None, m.span.text)


def _describing_heads(inner: Token) -> frozenset[int]:
    """The heads above a name up to its clause's root or a coordination: a name among them holds it in
    its phrase, describing that one ("Kim Yo-jong, the sister of Kim Jong-un"), not coordinated with it
    ("Hillary Clinton and Bill Clinton")."""
    heads: set[int] = set()
    tok = inner
    while tok.head.i != tok.i and tok.dep_ != "conj":
        tok = tok.head
        heads.add(tok.i)
    return frozenset(heads)


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


_ANY_SUBJECTS = SUBJECTS | PASSIVE_SUBJECTS

# What ends a dateline: "BAMAKO -", "JERUSALEM --", "KABUL (Pajhwok):", "Tehran, March 15, IRNA -".
_DATELINE_ENDS = frozenset({"-", "--", "—", "–", ":", "):"})
_DATELINE_MAX = 10  # tokens before the separator


def _dateline(sent: Span) -> range:
    """The token indices of a wire dateline opening the sentence: a place, optionally with its
    country, date and agency, then a dash or colon. Empty when the sentence has none."""
    if len(sent) < 3:
        return range(0)
    first = parse_index(sent.doc).tokens[sent.start]  # sent[0] would make a new Token
    if first.ent_type_ not in ("GPE", "LOC") and not first.is_upper:
        return range(0)
    for tok in sent[1 : _DATELINE_MAX + 1]:
        if tok.text in _DATELINE_ENDS:
            # All caps ("BAMAKO") or a date ("Tehran, March 15") marks a dateline, not a subject
            # followed by a dash ("Russia - the largest supplier - said").
            head = sent.doc[first.i : tok.i]
            if not (first.is_upper and len(first) > 2) and not any(t.ent_type_ == "DATE" for t in head):
                return range(0)
            # "THE HAGUE, Netherlands --": the capitalised article of a place's name is part of it.
            named = (
                t.pos_ in ("PROPN", "PUNCT", "NUM") or t.ent_type_ or (t.i == first.i and t.text == "THE") for t in head
            )
            if all(named):
                return range(first.i, tok.i + 1)
            return range(0)
    return range(0)


def entity_actor_code(entity: Entity) -> str | None:
    """The code an entity acts under: a state, an organisation of states or an NGO itself; an armed
    group of no state ("ISIL") itself (it names no state or place); anyone else the state or
    organisation they act for, else their country."""
    if entity.kind in ("state", "igo", "ngo") or (entity.non_state and entity.country is None):
        return entity.entity_id
    return entity.acts_for or entity.country


class Resolver:
    """Resolves noun phrases of one document to actors, with a little memory for pronouns and
    officials whose state is only given by the context."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, lexicon: Lexicon, text: str | None = None) -> None:
        """text: the text `doc` was parsed from, when the caller has it (Doc.text rebuilds it token
        by token, a new Token object each)."""
        self.doc = doc
        self.gaz = gazetteer
        self.lex = lexicon
        # Doc.text and Token.sent are rebuilt on every access: computed once here, if not given.
        self.text = doc.text if text is None else text
        # Token objects too (iterating a Span makes new ones each time): the parse index's, which
        # the clause helpers read the parse from.
        index = parse_index(doc)
        self.tokens: list[Token] = index.tokens
        index.memo[DOC_TEXT] = self.text  # sentence_text slices it
        self.sentences, self.sentence_of = _sentences(doc)
        # Doc.ents and Span.ents build new Span objects on every access: read once per document,
        # then handed out per sentence (the claims and dates passes ask for them sentence by sentence).
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        self._sentence_ents: list[list[Span]] = [[] for _ in self.sentences]
        for ent in self.ents:
            self._sentence_ents[self.sentence_of[ent.start]].append(ent)
        self.ent_of: dict[int, LinkedEntity] = {}
        self._span_texts: dict[tuple[int, int], str] = {}  # span_text by (start, end)
        # Subject actors already seen, in reading order: the context for "it" and for officials.
        self.history: list[Actor] = []
        # resolve(tok, context=False) of a head, by token index: the rules ask it of the same subjects
        # and objects again and again (events' roles, remembered subjects, quotes). Such a reading
        # is kept unless it asked context_state (the only reader of the history: a loose reading
        # inside it, "its border with ..." a titled person), so a kept one is the same every time
        # and in every pass (fresh() shares them).
        self._plain: dict[int, list[Actor]] = {}
        self._asked_context = False
        # _title_antecedent by token, and the token positions of each lemma it looks back through (a
        # long text of "the minister said" would otherwise read back over every earlier mention).
        self._title_memo: dict[int, Actor | None] = {}
        self._state_positions: list[int] | None = None  # tokens of named states, for context_state
        self._state_subjects: dict[int, tuple[int, str] | None] = {}  # by sentence start, for context_state
        self._pronoun_stops: list[int] | None = None  # what pronoun's look-back reads (_pronoun_stop_positions)
        self._lemma_positions: dict[str, list[int]] | None = None
        self._delegate_positions: list[int] | None = None  # plural delegates, for _organisation_delegates
        self._organisation_positions: list[int] | None = None  # for _organisation_named_before
        self._act_positions: dict[str, list[int]] | None = None  # event nouns by type, for act_owners_before
        self.people: list[Span] = []
        # Full mentions of people (see full_mention), in reading order, and by surname.
        self._mentions: list[LinkedEntity] = []
        self._first_mentions: dict[str, LinkedEntity] | None = None  # stated_state's index
        self._surnames: dict[str, list[LinkedEntity]] = {}
        # The state a titled official the gazetteer does not know was read with where the article
        # named them in full, by the first token of that mention (_titled_name_state).
        self._titled_states: dict[int, str] = {}
        # The same, indexed for look-ups that stay linear over a long text (_index_mentions).
        self._mention_index: _MentionIndex | None = None
        # The heads above each name token (see full_mention), read once per document.
        self._describing: dict[int, frozenset[int]] = {}
        self._honorifics = frozenset(lexicon.quotes["honorifics"])  # "Ms" of "Ms Sheinbaum"
        self._head_titles = frozenset(lexicon.quotes["head_titles"])  # "President" of "President Reagan"
        self.dateline: frozenset[int] = frozenset()
        # Quoted words (direct or reported) by token index -> (their speaker as the quote finder
        # resolved it across sentences, direct): filled by extract_events from the quotes it is given.
        self.spoken: dict[int, tuple[Actor, bool]] = {}
        if not doc.has_annotation("DEP"):
            # A text below the relevance gate got the entity components only: its mentions need no
            # actor links, and linking reads the tagger's and the parser's annotations.
            return
        for ent in self.ents:
            if ent.label_ not in _NAMED_LABELS:
                continue
            info = self._organisation_cut_short(ent) or self._link(ent)
            for i in range(info.span.start, info.span.end):
                self.ent_of[i] = info
        self._link_surnames()
        self._link_titled_surnames()
        self.people = [e.span for e in self._ents() if e.span.label_ == "PERSON"]
        # "BAMAKO, Mali -- A French drone strike hit...": the parser makes the dateline a subject.
        self.dateline = frozenset(i for sent in self.sentences for i in _dateline(sent))

    def fresh(self) -> Resolver:
        """A resolver for the same document with the same links and no reading memory."""
        other = object.__new__(Resolver)
        other.__dict__.update(self.__dict__)
        other.history = []
        other._titled_states = {}  # filled as officials are read with their context: reading memory too
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

    def _organisation_cut_short(self, ent: Span) -> LinkedEntity | None:
        """An organisation whose name the NER cut after its first words, read as a nationality or a
        place ("Islamic State fighters": NORP "Islamic"): the entity with the capitalised words
        after it that no other entity holds, where together they are a form of an organisation."""
        if ent.label_ not in ("NORP", "GPE", "LOC"):
            return None
        doc = ent.doc
        end = ent.end
        while end < len(doc) and end - ent.end < 4 and doc[end].ent_iob_ == "O" and doc[end].text[:1].isupper():
            end += 1
        for stop in range(end, ent.end, -1):
            alias = self.gaz.lookup(doc[ent.start : stop].text)
            entity = self.gaz.entity(alias.entity_id) if alias is not None else None
            if entity is not None and entity.kind in ("organisation", "igo", "ngo"):
                return self._link(Span(doc, ent.start, stop, label="ORG"))
        return None

    def _link(self, span: Span) -> LinkedEntity:
        entity_id, _ = linked(span, self.gaz)
        if entity_id is None:
            text = span.text
            for candidate in (text[:-1] if text.endswith("s") else None, text.removeprefix("the ")):
                if candidate:
                    alias = self.gaz.lookup(candidate)
                    if alias and self.gaz.links(alias, span.label_):
                        entity_id = alias.entity_id
                        break
        if entity_id is None:
            entity_id = self._misread_person(span) or self._misread_place(span)
        if entity_id is None:
            return self._place_institution(span) or LinkedEntity(span, None, None, "unlinked")
        entity = self.gaz.entity(entity_id)
        if entity is None:
            return LinkedEntity(span, entity_id, None, "unlinked")
        if entity.non_state and entity.country is None:
            return LinkedEntity(span, entity_id, entity_actor_code(entity), "organisation")
        return LinkedEntity(span, entity_id, entity_actor_code(entity), "group" if entity.non_state else entity.kind)

    def _misread_place(self, span: Span) -> str | None:
        """A place the gazetteer knows by this very form, which the NER read as an organisation where it
        names an official or a body of that place ("the Uttar Pradesh government", "Bavaria Interior
        Minister ...") or where something is ("a court in Lyon"): the gazetteer links its generated
        places only from place spans, but a place name set before an office, or after "in", is that
        place. Proper nouns only."""
        if span.label_ != "ORG" or not all(t.pos_ == "PROPN" for t in span):
            return None
        root, head = span.root, span.root.head
        located = root.dep_ == "pobj" and head.lower_ in _IN_PLACE  # "a court in Lyon"
        official = bool(noun_forms(head, self.lex) & self.lex.officials) or agent_sector(head) in _STATE_SECTORS
        office = root.dep_ == "compound" and head.i >= span.end and official
        if not (located or office):
            return None
        alias = self.gaz.lookup(span.text)
        entity = self.gaz.entity(alias.entity_id) if alias is not None else None
        if entity is None or entity.kind != "place" or entity.country is None:
            return None
        return entity.entity_id

    def _misread_person(self, span: Span) -> str | None:
        """A person the gazetteer knows by this very form, which the NER read as a place or an
        organisation ("Erdogan met ...": GPE): the gazetteer links its people only from PERSON spans,
        but a name no place or organisation claims is still that person. Proper nouns only."""
        if span.label_ == "PERSON" or not all(t.pos_ == "PROPN" for t in span):
            return None
        alias = self.gaz.lookup(span.text)
        entity = self.gaz.entity(alias.entity_id) if alias is not None else None
        if entity is None or entity.kind != "person" or not entity.generated:
            return None
        return entity.entity_id

    def _link_surnames(self) -> None:
        """A bare surname ("Erdogan", "Mr. Maduro") stands for the person the article names in full
        before it ("Recep Tayyip Erdogan", see full_mention): the gazetteer links no bare surname, the
        article does; a person the gazetteer does not know takes the state their full mention gives
        ("South Korean Defence Minister Shin Won-sik" ... "Shin said")."""
        for info in self._ents():
            unknown = info.code is None and info.span.label_ == "PERSON"
            if not (unknown or info.kind == "person") or len(info.span) < 2:
                continue
            # Not a surname under an honorific ("Ms Okafor"): that is a short name, not a full one.
            span_text = info.span.text  # built token by token: read once, and only of a person's name
            words = _name_words(span_text, self._honorifics)
            titled = len(words) < len(span_text.split())
            if titled and len(words) < 2:
                continue
            entity = self.gaz.entity(info.entity_id) if info.entity_id is not None else None
            # A person the gazetteer does not know may be named family name first too ("Kim Yo Jong"
            # beside "Kim Jong Un"): both of their ends are surnames another person then shares.
            family_first = unknown or (entity is not None and entity.country in FAMILY_NAME_FIRST)
            stated = self._person_state(info)
            # NER may stop short of the surname ("Shah Mahmood" + "Qureshi"): the untagged proper
            # nouns right after the name are part of it.
            end = info.span.end
            while end < len(self.doc) and end < info.span.end + 2 and self.tokens[end].pos_ == "PROPN":
                if self.tokens[end].ent_type_:
                    break
                end += 1
            if end > info.span.end:
                stated = LinkedEntity(self.doc[info.span.start : end], stated.entity_id, stated.code, stated.kind)
            words = _name_words(stated.span.text, self._honorifics)
            surnames = {info.span[-1].text, *words[-1:], *((info.span[0].text,) if family_first else ())}
            self._mentions.append(stated)
            for surname in surnames:
                self._surnames.setdefault(surname, []).append(stated)
        if not self._mentions:
            return
        self._mentions.sort(key=lambda m: m.span.start)
        for mentions in self._surnames.values():
            mentions.sort(key=lambda m: m.span.start)
        self._mention_index = _MentionIndex(self._mentions, self._surnames)
        for ent in self.ents:
            info = self.ent_of.get(ent.start)
            if len(ent) != 1 or ent.label_ != "PERSON" or info is None or info.code is not None:
                continue
            person = self.full_mention(ent)
            if person is not None and person.code is not None:
                self.ent_of[ent.start] = LinkedEntity(ent, person.entity_id, person.code, person.kind)
        self._link_misread_surnames()

    def _link_titled_surnames(self) -> None:
        """A bare surname named in full nowhere before, after a head of state's title or before their
        government's noun ("President Reagan", "the Assad regime", "Clinton administration officials"):
        the state of the gazetteer's people of that surname when they all share one (not "Kim": North
        and South Korea both have them), else of the people it knows well, when those share one
        ("President Obama": not a Congolese namesake)."""
        states_of = self.gaz.surname_states
        listed_of = self.gaz.listed_surname_states
        for ent in self.ents:
            info = self.ent_of.get(ent.start)
            if len(ent) != 1 or ent.label_ != "PERSON" or info is None or info.code is not None:
                continue
            tok = self.tokens[ent.start]
            before = self.tokens[tok.i - 1].lower_ if tok.i > self.sent(tok).start else ""
            after = self.tokens[tok.i + 1].lower_ if tok.i + 1 < self.sent(tok).end else ""
            if before not in self._head_titles and after not in self.lex.government_nouns:
                continue  # a bare surname named in full nowhere stays unlinked ("Zarif said")
            states = states_of.get(tok.text.casefold(), frozenset())
            if len(states) != 1:
                states = listed_of.get(tok.text.casefold(), frozenset())
            if len(states) == 1:
                self.ent_of[ent.start] = LinkedEntity(ent, None, next(iter(states)), "person")

    def full_mention(self, name: Span) -> LinkedEntity | None:
        """Which earlier full mention of a person a shorter name stands for: "Erdogan" or "Mr.
        Erdogan's" -> "Recep Tayyip Erdogan", "Shin" -> "South Korean Defence Minister Shin Won-sik"
        (with the state that mention gives, for a person the gazetteer does not know), "Lee Seong" ->
        "Lee Seong-kweun". The one place that reads who a name stands for: the resolver links bare
        surnames with it, the quote finder names speakers with it.

        A name of one word (honorifics and a possessive aside) is the surname of a full mention (a
        person named in two words or more): its last word, or its first for a person named family
        name first ("Xi" of "Xi Jinping", the unknown "Kim Yo Jong"). A longer name shares two words
        with a longer mention ("Park Jie-won" is not "Park Chan-dae"), or is a mention NER stopped
        short of ("Shah Mahmood" + "Qureshi"). Of those, the nearest before the name; none when a
        namesake (another person) is named in that mention's sentence ("Hillary and Bill Clinton"),
        unless inside the other's phrase ("Kim Yo-jong, the sister of Kim Jong-un": Kim Yo-jong),
        and none for a name before any full mention."""
        words = _name_words(name.text, self._honorifics)
        index = self._mention_index
        if not words or index is None:
            return None
        if index.overlapping:
            return self._full_mention_scan(name, words)
        # (Indexed by surname, word pair and position: a text of hundreds of names stays linear.)
        several = len(words) > 1
        groups = index.longer_sharing_two(words, len(name.text)) if several else []
        if not several and words[0] in index.surnames:
            groups = [index.surnames[words[0]]]
        found = index.last_before(groups, name.start, same_start=several)
        if found is None:
            return None
        sentence = self.sentences[self.sentence_of[found.span.start]]
        return index.verdict(groups, sentence, name.start, self._heads_above, same_start=several)

    def _full_mention_scan(self, name: Span, words: list[str]) -> LinkedEntity | None:
        """full_mention read by scanning every mention (mentions overlapping, which the index does not
        expect)."""
        if len(words) == 1:
            mentions = [m for m in self._surnames.get(words[0], ()) if m.span.end <= name.start]
        else:
            own = set(words)
            mentions = [
                m
                for m in self._mentions
                if (m.span.end <= name.start or m.span.start == name.start)
                and len(self.span_text(m.span)) > len(name.text)
                and len(own & set(self.span_text(m.span).split())) >= 2
            ]
        if not mentions:
            return None
        sentence = self.sentence_of[mentions[-1].span.start]
        rivals = [m for m in mentions if self.sentence_of[m.span.start] == sentence]
        # A namesake named inside another's phrase describes that one ("Kim Yo-jong, the sister of
        # Kim Jong-un"): the name is the other's.
        roots = {m.span.root.i for m in rivals}
        heads = [m for m in rivals if not (self._heads_above(m.span.root) & roots) - {m.span.root.i}]
        last = heads[-1]  # never empty: one mention's phrase cannot hold another holding it
        if any(not _same_person(other, last) for other in heads):
            return None
        return last

    def stated_state(self, name: str, before: int) -> str | None:
        """The state a person the gazetteer does not know was given at their first full mention
        before a character offset ("U.S. deputy envoy Robert Roe" ... a quote of "Robert Roe": USA),
        as _person_state read it from that mention's own phrase (one state, or none)."""
        if self._first_mentions is None:  # read once per document: one look-up per quote after
            self._first_mentions = {}
            for mention in self._mentions:
                self._first_mentions.setdefault(mention.span.text, mention)
        mention = self._first_mentions.get(name)
        if mention is None or mention.span.start_char >= before:
            return None
        return mention.code if mention.entity_id is None and mention.kind == "person" else None

    def _heads_above(self, tok: Token) -> frozenset[int]:
        found = self._describing.get(tok.i)
        if found is None:
            found = self._describing[tok.i] = _describing_heads(tok)
        return found

    def name_span(self, tok: Token) -> Span:
        """The words of the name a token ends: its entity, else the run of proper-noun compounds
        ending at it (an untagged name); a name NER stopped short of at the hyphen of a Korean given
        name ("Lee Seong" + "-kweun") with the words NER took."""
        info = self.entity_at(tok)
        if info is not None:
            return info.span
        start = tok.i
        while start > 0:
            before = self.tokens[start - 1]
            if before.pos_ == "PROPN" and before.dep_ == "compound":
                start -= 1
            elif (
                before.text == "-"
                and start > 1
                and not before.whitespace_
                and not self.tokens[start - 2].whitespace_
                and self.tokens[start - 2].pos_ == "PROPN"
            ):
                start -= 2
                info = self.entity_at(self.tokens[start])
                if info is not None and info.span.label_ == "PERSON":
                    return self.doc[info.span.start : tok.i + 1]
            else:
                break
        return self.doc[start : tok.i + 1]

    def _person_state(self, info: LinkedEntity) -> LinkedEntity:
        """A person the gazetteer does not know, named in full with what says their state ("South
        Korean Defence Minister Shin Won-sik", "Matthew Miller, a State Department spokesman"): that
        state, for the surname alone later ("Shin said"). Read from the full mention's own phrase
        only (no context), and only when it gives one state."""
        if info.code is not None or info.span.label_ != "PERSON":
            return info
        root = info.span.root
        found = self._resolve_one(root, context=False, strict=True, depth=0)
        if not found and root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < root.i:
            # "U.S. deputy envoy Robert Roe": the parser may make the name an apposition of its title.
            found = self._resolve_one(root.head, context=False, strict=True, depth=0)
        if not found:
            found = self._office_held(root)
        codes = {a.code for a in found}
        if len(codes) != 1:
            return info
        return LinkedEntity(info.span, None, codes.pop(), "person")

    def _titled_name_state(self, info: LinkedEntity | None) -> str | None:
        """The state an official the gazetteer does not know, named in full with a title and no state
        ("First Vice Foreign Minister Kim Hong-kyun"), was read with from the context where the
        article named them (see _resolve_one), for that name: the full mention, or their surname alone
        later ("Kim said")."""
        if not self._titled_states:
            return None
        if info is None or info.code is not None or info.span.label_ != "PERSON":
            return None
        name = info.span
        if len(name) > 1:
            return self._titled_states.get(name.start)
        person = self.full_mention(name)
        return self._titled_states.get(person.span.start) if person is not None else None

    def _office_held(self, name: Token) -> list[Actor]:
        """The office a relative clause gives a person ("Jo Chol-su, who heads the international
        department of North Korea's foreign ministry", "Ana Ruiz, who is Chile's deputy envoy"): the
        state that office names in its own phrase."""
        for clause in name.children:
            verb = clause.lemma_.lower()
            if clause.dep_ != "relcl" or verb not in self.lex.office_verbs:
                continue
            if not any(c.dep_ in SUBJECTS and c.lower_ == "who" for c in clause.children):
                continue
            for office in clause.children:
                # An office or a body ("who is a critic of Sweden's government", "who led Tunisia-inspired
                # protests" hold none).
                if office.dep_ in ("dobj", "attr") and (
                    noun_forms(office, self.lex) & self.lex.officials
                    or (verb != "be" and is_group_noun(office, self.lex))
                ):
                    return self._resolve_one(office, context=False, strict=True, depth=1)
        return []

    def _link_misread_surnames(self) -> None:
        """A surname the NER misread ("Last week Choe met Lavrov": DATE; "Lavrov said": NORP; "Kim,
        who arrived": nothing) is still the person named in full before it, where it heads a phrase
        the event rules read (subject, object, possessive, object of a preposition). Not when the
        gazetteer claims the word for another (a state, a place, an organisation), nor a capitalised
        common word opening a sentence ("Young and old protested" after "Andrew Young")."""
        # The tokens written as a surname, found in the ORTH column at once (Token.text of every token
        # would make a string per token).
        orths = self.doc.to_array(ORTH)
        wanted = numpy.fromiter((hash_string(s) for s in self._surnames), dtype=numpy.uint64)
        for i in numpy.flatnonzero(numpy.isin(orths, wanted)).tolist():
            tok = self.tokens[i]
            person = self.full_mention(self.doc[i : i + 1])
            if person is None or person.code is None:
                continue
            info = self.ent_of.get(tok.i)
            # Linked already, a person's name, or a word inside another name ("Lavrov Foundation"); an
            # entity that swallowed a verb ("Pak met": ORG) is no name.
            if info is not None and (
                info.code is not None
                or info.span.label_ == "PERSON"
                or any(t.pos_ == "PROPN" for t in info.span if t.i != tok.i)
            ):
                continue
            if tok.dep_ not in _ARGUMENT_DEPS or (tok.is_sent_start and tok.pos_ != "PROPN"):
                continue
            claimed = self.gaz.lookup(tok.text)
            if claimed is not None and claimed.entity_id != person.entity_id:
                continue  # another's word; the person's own bare surname ("Guelleh") is still theirs
            span = Span(self.doc, tok.i, tok.i + 1, label="PERSON")
            self.ent_of[tok.i] = LinkedEntity(span, person.entity_id, person.code, person.kind)

    def _place_institution(self, span: Span) -> LinkedEntity | None:
        """An organisation the gazetteer does not know, named by its place and what it is ("Delhi
        Police", "the Parana state government", "Kenya Wildlife Service"): the place's state. The
        NER reads some as a person ("Delhi Police": PERSON); no person's name ends in a state agency's
        word, so such a span is one too."""
        if span.label_ not in ("ORG", "PERSON") or len(span) < 2:
            return None
        last = span[-1]
        state_agent = agent_sector(last) in _STATE_SECTORS
        if span.label_ == "PERSON" and not (state_agent and last.pos_ in ("NOUN", "PROPN")):
            return None
        if not state_agent and not noun_forms(last, self.lex) & self.lex.officials:
            return None
        for end in range(span.end - 1, span.start, -1):
            alias = self.gaz.lookup(span.doc[span.start : end].text)
            entity = self.gaz.entity(alias.entity_id) if alias is not None else None
            if entity is not None and entity.kind in ("state", "place") and entity.country is not None:
                return LinkedEntity(span, None, entity.country, "organisation")
        return None

    def entity_at(self, token: Token) -> LinkedEntity | None:
        """The linked entity at a token; a dateline's place names no actor of the sentence."""
        return None if token.i in self.dateline else self.ent_of.get(token.i)

    def actor_from_ent(self, info: LinkedEntity, token: Token) -> Actor | None:
        if info.code is None:
            return None
        return Actor(info.code, self.span_text(info.span), info.entity_id, info.kind, token.i)

    def span_text(self, span: Span) -> str:
        """`span.text`, kept per document by its token bounds (Span.text builds a Token per word on
        every read; the rules read the same entities' words again and again)."""
        key = (span.start, span.end)
        text = self._span_texts.get(key)
        if text is None:
            text = self._span_texts[key] = span.text
        return text

    # -- noun phrases --------------------------------------------------------------------------

    def resolve(self, head: Token | None, *, context: bool = True, strict: bool = True, depth: int = 0) -> list[Actor]:
        """Actors a noun phrase names: one per conjunct ("Spain, Ireland and Norway").

        strict: only nouns that can name an actor take one from their modifiers (for actors);
        recipients are looser ("aided North Korean advancements" -> PRK)."""
        if head is None:
            return []
        if context or not strict or depth:
            return self._resolve(head, context=context, strict=strict, depth=depth)
        found = self._plain.get(head.i)
        if found is not None:
            return list(found)
        self._asked_context = False
        found = self._resolve(head, context=False, strict=True, depth=0)
        if not self._asked_context:
            self._plain[head.i] = list(found)
        return found

    def _resolve(self, head: Token, *, context: bool, strict: bool, depth: int) -> list[Actor]:
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
        if tok.lower_ in self.lex.speaker_pronouns and tok.pos_ == "PRON":
            return self._speaker(tok, depth=depth + 1)
        info = self.entity_at(tok)
        if info is not None and info.code is not None:
            actor = self.actor_from_ent(info, tok)
            return [actor] if actor else []
        shorthand = self._compass_shorthand(tok)
        if shorthand is not None:
            return [shorthand]
        council = self._security_council(tok, info)
        if council is not None:
            return [council]
        named_before = self._organisation_named_before(tok) if info is None else None
        if named_before is not None:
            return [named_before]
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
        if tok.tag_ == "NNS" and tok.lemma_.lower() in self.lex.crowd_nouns:
            # "greeted other visiting dignitaries, including the Japanese prime minister and ...": a crowd
            # stands for the parties it is said to include (the crowd alone names none).
            included = [p for p in tok.children if p.dep_ == "prep" and p.lower_ == "including"]
            if included:
                return self.resolve(first_child(included[0], ["pobj"]), context=False, depth=depth + 1)
        if strict and not self.actor_like(tok):
            return []
        # Modifiers inside the phrase: "North Korean troops", "Russia's foreign ministry",
        # "U.S. State Department spokesperson Matthew Miller", "UN investigators".
        found = self._from_modifiers(tok, depth=depth + 1)
        title = split_title(tok) if not found else None
        if title is not None:
            found = self._from_modifiers(title, depth=depth + 1)  # "… and Bolivian Minister Fernando Aramayo"
        if found:
            return _with_phrase_text(found, tok, self)
        for child in tok.children:
            if child.dep_ == "appos":
                found = self.resolve(child, context=False, depth=depth + 1)
                if not found and info is not None and info.span.label_ == "PERSON" and child.pos_ == "NOUN":
                    # "Jan Novak, the first Czech astronaut": a person described by a nationality or
                    # an employer inside the apposed phrase, whatever the noun ("a critic of Russia"
                    # is not read: only the phrase's own modifiers).
                    found = self._from_modifiers(child, depth=depth + 1)
                    found = found if len({a.code for a in found}) == 1 else []  # "Russian-born American"
                if found:
                    # "Lina Ortiz, a former Peruvian senator": the apposition says who a name
                    # is, the name names it ("the president, Goodluck Jonathan": the apposed name).
                    return _with_phrase_text(found, tok, self) if tok.ent_type_ in _NAMED_LABELS else found
        if info is not None and info.span.label_ == "PERSON":
            found = self._office_held(tok)
            if found:
                return _with_phrase_text(found, tok, self)
        # "the presidents of Colombia and Ecuador", "negotiators from Israel and Hamas", "a
        # spokesperson for the Chinese foreign ministry", "students in Dhaka", "border with Guyana".
        violent = self.lex.in_class(tok, "violence") or tok.lemma_.lower() in self.lex.harm_nouns
        for child in [*tok.children, *self._pact_subject_pairs(tok)]:
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
                    if found and child.lower_ in _IN_PLACE and all(a.kind in ("state", "place") for a in found):
                        # "Police in Lagos": the police act, coded by their place, named by both.
                        words = f"{_head_words(tok)} {child.text}"
                        return [Actor(a.code, f"{words} {a.text}", None, "context", a.token) for a in found]
                    if found:
                        return found
        # Participles: "the proposal put forward by Egypt and Qatar", "hackers linked to North Korea"
        # (but "rebels backed by Rwanda" are not Rwandan).
        backed = self.lex.backing_verbs
        for child in tok.children:
            if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB" and child.lemma_.lower() not in backed:
                for grand in child.children:
                    if grand.dep_ in ("agent", "prep") and grand.lower_ in ("by", "to"):
                        for pobj in grand.children:
                            if pobj.dep_ == "pobj":
                                found = self.resolve(pobj, context=False, depth=depth + 1)
                                if found:
                                    return found
        # "Armenian-backed units": the backer stands for a group nothing else in its phrase names (beside a
        # named group, "the Iranian-backed Houthi movement", "the UN-backed authorities in Somalia", it is no
        # actor of its own, as "backed by Iran" is not).
        for child in tok.children:
            if child.dep_ in ("compound", "amod", "nmod", "npadvmod") and _backer_modifier(child, self.lex):
                backer = self._modifier_actor(child)
                if backer is not None:
                    return _with_phrase_text([backer], tok, self)
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
                    self._titled_states.setdefault(info.span.start, located.code)
                    return [located]
            # The bare surname of such an official named in full before ("Kim also denounced ..."):
            # the state their full mention was read with.
            earlier = self._titled_name_state(info)
            if earlier is not None:
                return [Actor(earlier, tok.text, None, "context", tok.i)]
        # An official or a group with no country in its phrase: the state in context.
        # "An Alibaba spokesperson": an official of an organisation the gazetteer does not know speaks
        # for it, not for the state in context.
        # "Federal Police", "the Supreme Court": a Phoenix agent of two words is no organisation's name.
        # A word of the body's own name is not its employer ("the Senate Committee on Mines", "The
        # National Security Council": an organisation the gazetteer does not know, whose head says
        # what it is).
        own = info.span if info is not None and info.span.label_ == "ORG" else None
        private = any(
            self._unknown_organisation(c) and not _agent_words(c, tok)
            for c in tok.children
            if c.dep_ in ("compound", "poss") and (own is None or not own.start <= c.i < own.end)
        )
        if context and is_group_noun(tok, self.lex) and not private:
            # "The G7's foreign ministers ... the officials voiced concern over troops in Belarus": the
            # delegates named before say whose they are, not a place in what they speak of.
            delegates = self._organisation_delegates(tok)
            if delegates is not None:
                return [delegates]
            located = self.location_state(tok)
            if located:
                return [_body_words(located, own, tok)]
            # Officials and forces speak and act for the state in context; lawyers and crowds do not.
            lex = self.lex
            official = bool(noun_forms(tok, lex) & lex.officials) or lex.in_any_class(tok, _FORCES_AT_HOME)
            several = _of_several_sides(tok)
            titled_before = self._title_antecedent(tok) if official and not several else None
            if titled_before is not None:
                return [titled_before]
            ctx = self.context_state(tok) if official and not several else None
            if ctx is not None:
                return [_body_words(ctx, own, tok)]
        # Generic agents of the Phoenix dictionary the word classes lack ("lawmakers", "extremists"):
        # a state's own agents take the state in context like officials; others only where they act.
        sector = agent_sector(tok) if context and not private and not _of_several_sides(tok) else None
        if sector is None and context and own is not None and not private:
            # A body named by a state agent among the words of its name ("the Senate Committee on
            # Mines", "the Metropolitan Police Bureau"): that agent's sector.
            sector = next((s for t in own if t.i != tok.i and (s := agent_sector(t)) in _STATE_SECTORS), None)
        if sector in _STATE_SECTORS:
            located = self.location_state(tok) or self.context_state(tok)
            if located:
                return [_body_words(located, own, tok)]
        # Unnamed armed men, crowds or criminals: the state where they act ("gunmen ... in Nigeria's
        # Plateau state"), never the article's context.
        placed = sector in _PLACED_SECTORS
        if context and (placed or self.lex.in_class(tok, "people") or self.lex.in_class(tok, "criminals")):
            located = self.location_state(tok)
            if located:
                return [located]
        return []

    def _compass_shorthand(self, tok: Token) -> Actor | None:
        """ "the North" / "the South": the one state named "North X" whose "X" the article names as
        a compass state ("North Korea" in news that names North or South Korea, "South Sudan" in news
        that names South Sudan)."""
        if tok.lower_ not in _COMPASS_SHORTHANDS or not tok.text[:1].isupper() or tok.dep_ in ("compound", "amod"):
            return None
        if not any(c.lower_ == "the" for c in tok.children):
            return None
        codes: set[str] = set()
        for info in self._ents():
            entity = self.gaz.entity(info.code) if info.kind == "state" and info.code else None
            compass, _, rest = entity.name.partition(" ") if entity is not None else ("", "", "")
            if compass.lower() in _COMPASS_SHORTHANDS and rest:
                alias = self.gaz.lookup(f"{tok.text.capitalize()} {rest}")
                target = self.gaz.entity(alias.entity_id) if alias is not None else None
                if target is not None and target.kind == "state":
                    codes.add(target.entity_id)
        if len(codes) != 1:
            return None
        (code,) = codes
        return Actor(code, tok.text, code, "state", tok.i)

    def _security_council(self, tok: Token, info: LinkedEntity | None) -> Actor | None:
        """ "The Security Council" with no state in its phrase, and "the council" after the UN's: the
        UN's (the gazetteer leaves the bare name out, Russia's has one too), unless the text names
        Russia and not the UN, where it is as likely Russia's ("Shoigu, secretary of the Security
        Council"). "Russia's Security Council", "the National Security Council" are not read here."""
        if tok.lower_ != "council" or any(c.dep_ in ("poss", "amod", "nmod") for c in tok.children):
            return None
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return None
        if info is not None:
            words = [w for w in info.span.text.split() if w.lower() != "the"]
            if [w.lower() for w in words] != ["security", "council"]:
                return None
        elif tok.i == 0 or tok.doc[tok.i - 1].lower_ != "the":
            return None  # a common noun: only "the council" points back
        elif not any(getattr(self.ent_of.get(i), "code", None) == _UN_COUNCIL for i in range(tok.i)):
            return None  # "the council" is the UN's only after the text has named it
        else:
            return Actor(_UN_COUNCIL, tok.text, _UN_COUNCIL, "igo", tok.i)
        codes = {e.code for e in self._ents()}
        if "RUS" in codes and not codes & {"UN", _UN_COUNCIL}:
            return None
        return Actor(_UN_COUNCIL, info.span.text if info is not None else tok.text, _UN_COUNCIL, "igo", tok.i)

    def _from_modifiers(self, tok: Token, *, depth: int = 0) -> list[Actor]:
        actors: list[Actor] = []
        hung = _name_hung_on_name(tok)  # a party of its own, not the name's modifier
        for child in tok.children:
            if child.dep_ not in ("compound", "amod", "poss", "nmod", "npadvmod") or child == hung:
                continue
            if _backer_modifier(child, self.lex):
                continue  # "the Iranian-backed Houthi movement": Resolver._resolve_one reads it last
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
                    shorthand = self._compass_shorthand(sub) if sub.dep_ == "poss" else None
                    if shorthand is not None:  # "the North's troop deployment"
                        if all(a.code != shorthand.code for a in actors):
                            actors.append(shorthand)
                        break
        if tok.lemma_.lower() in self.lex.opposite_nouns and any(not a.pronoun for a in actors):
            # "his North Korean counterpart": the pronoun says whose counterpart, the modifier whose
            # official it is.
            actors = [a for a in actors if not a.pronoun]
        # Prefer states and organisations over places named as modifiers ("Russia's Kursk province"
        # as an actor is Russia).
        return self._members_of_a_stateless_group(actors)

    def _modifier_actor(self, modifier: Token) -> Actor | None:
        """The first coded name inside a modifier ("Armenian" of "Armenian-backed")."""
        for sub in modifier.subtree:
            info = self.entity_at(sub)
            if info is not None and info.code is not None:
                return Actor(info.code, info.span.text, info.entity_id, info.kind, sub.i)
        return None

    def _members_of_a_stateless_group(self, actors: list[Actor]) -> list[Actor]:
        """A member of an armed group of no state is the group's, whatever their nationality ("a
        British-born Islamic State fighter" is ISIL, not also the United Kingdom)."""
        if len(actors) < 2:
            return actors
        groups = [a for a in actors if a.entity_id is not None and a.code == a.entity_id and a.kind == "organisation"]
        if not groups:
            return actors
        nationalities = {
            a.token
            for a in actors
            if a.kind == "state" and (info := self.ent_of.get(a.token)) is not None and info.span.label_ == "NORP"
        }
        return [a for a in actors if a.token not in nationalities]

    def _unknown_organisation(self, tok: Token) -> bool:
        """A proper name the gazetteer cannot code ("Alibaba" in "an Alibaba spokesperson")."""
        if tok.i in self.dateline:
            return False  # "TUNIS, Tunisia - Police have detained": a place, not an employer
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
        forms = noun_forms(tok, lex)
        if forms & lex.officials or tok.lemma_.lower() in lex.nouns or tok.lemma_.lower() in lex.relative_nouns:
            return True
        # Lexicon.in_class of each class, from the forms read once.
        return not forms.isdisjoint(lex.class_words(_ACTOR_CLASSES)) or agent_sector(tok) is not None

    def _first_nouns(self, clause: Token, skip: int, count: int) -> list[Token]:
        """The first `count` nouns and proper nouns of the clause's subtree in the order Token.subtree
        gives them, but the token at `skip`: found by position in the document's SubtreeOrder, not by
        walking the subtree (each step of which spaCy takes along the whole span of every head above)."""
        index = parse_index(self.doc)
        pos = index.pos
        order = subtree_order(index)
        places = subtree_positions(index, "noun places", lambda i: pos[i] in ("NOUN", "PROPN"))
        found: list[Token] = []
        end = order.end[clause.i]
        for k in range(bisect.bisect_left(places, order.start[clause.i]), len(places)):
            if places[k] >= end or len(found) == count:
                break
            i = order.order[places[k]]
            if i != skip:
                found.append(self.tokens[i])
        return found

    def location_state(self, tok: Token) -> Actor | None:
        """The state of an `in`/`at` place attached to the phrase or its clause ("students in Dhaka",
        "abducted 30 passengers from a bus in northwestern Nigeria")."""
        clause = tok.head if tok.head.pos_ in ("VERB", "AUX") else tok
        # The first eight nouns of the clause (found by position: a clause of a 3,000-word sentence is long).
        nouns = self._first_nouns(clause, tok.i, 8)
        # "a post deep inside Pakistan", "a village elsewhere in Cameroon": an adverb of place holds it.
        adverbs = [a for a in clause.children if a.dep_ == "advmod" and a.lower_ in PLACE_ADVERBS]
        for holder in (tok, tok.head, *nouns, *adverbs):
            for child in holder.children:
                # ("near" or "outside" a place is not in it: "a hideout near the Afghan border".)
                if child.dep_ == "prep" and child.lower_ in _IN_PLACE:
                    for pobj in child.children:
                        if pobj.dep_ != "pobj":
                            continue
                        for sub in pobj.subtree:
                            info = self.entity_at(sub)
                            if info is not None and info.code is not None and info.kind in ("state", "place", "group"):
                                # The agent keeps its own words ("Police ... in Algiers"); a clause
                                # asked for its place is named by the place.
                                noun = tok.pos_ in ("NOUN", "PROPN", "PRON")
                                text, entity_id = (tok.text, None) if noun else (info.span.text, info.entity_id)
                                return Actor(info.code, text, entity_id, "context", tok.i)
        return None

    def context_state(self, tok: Token) -> Actor | None:
        """The state the text is talking about at `tok`: an earlier subject in the sentence, else the
        latest subject actor in the article, else the last state named before it (a dateline's too),
        else the one state its sentence names after it (_only_state_after)."""
        self._asked_context = True  # the answer may depend on the history: resolve keeps none
        first = self._first_state_subject(self.sent(tok))
        if first is not None and first[0] < tok.i:
            return Actor(first[1], tok.text, None, "context", tok.i)
        for actor in reversed(self.history):
            if actor.kind not in ("igo",):
                return Actor(actor.code, tok.text, None, "context", tok.i)
        if self._state_positions is None:
            self._state_positions = [
                i for i, info in sorted(self.ent_of.items()) if info.code is not None and info.kind == "state"
            ]
        before = bisect.bisect_left(self._state_positions, tok.i)
        if before:
            info = self.ent_of[self._state_positions[before - 1]]
            return Actor(info.code, tok.text, None, "context", tok.i)
        code = self._only_state_after(tok)
        return Actor(code, tok.text, None, "context", tok.i) if code is not None else None

    def _first_state_subject(self, sent: Span) -> tuple[int, str] | None:
        """(position, code) of the first subject in the sentence that is a state or a group; read once
        per sentence (the links are all made when the resolver is built), not once per question."""
        if sent.start in self._state_subjects:
            return self._state_subjects[sent.start]
        found = None
        dep = parse_index(self.doc).dep  # labels by index: no Token object per word of the sentence
        for i in range(sent.start, sent.end):
            if dep[i] in _ANY_SUBJECTS:
                info = self.entity_at(self.tokens[i])
                if info is not None and info.code is not None and info.kind in ("state", "group"):
                    found = (i, info.code)
                    break
        self._state_subjects[sent.start] = found
        return found

    def _positions_of(self, lemma: str) -> list[int]:
        """The token indices of a lower-cased lemma in the document, in order (one index of every lemma,
        built once: the look-backs for titles and delegates read it)."""
        if self._lemma_positions is None:
            self._lemma_positions = {}
            for i, each in enumerate(parse_index(self.doc).lemma):  # Token.lemma_ by index
                self._lemma_positions.setdefault(each.lower(), []).append(i)
        return self._lemma_positions.get(lemma, [])

    def act_owners_before(self, act: Token) -> list[Actor]:
        """Whose an act named again is ("Seoul condemned the deployment", "the Duma ratified the
        treaty"): the coded owners of its nearest earlier mention of the few sentences before that names
        them ("North Korea's deployment of troops", "the Russia-North Korea treaty", "strikes by the
        army" for "the attack": an event noun of the same type stands for it). None when that mention
        names more than two (no one act is meant) or none of the mentions within reach names any."""
        lemma = act.lemma_.lower()
        entry = self.lex.nouns.get(lemma) or self.lex.nouns.get(act.lower_)  # "talks": the lexicon's plural
        positions = self._act_noun_positions(entry.type) if entry is not None else self._positions_of(lemma)
        floor = self.sentences[max(0, self.sentence_of[act.i] - _ACT_SENTENCES)].start
        end = bisect.bisect_left(positions, act.i)
        start = max(bisect.bisect_left(positions, floor), end - _TITLE_LOOKBACK)
        for i in reversed(positions[start:end]):
            other = self.tokens[i]
            if other.pos_ != "NOUN" or other.i in self.dateline:
                continue
            owners = self._act_owners(other)
            if owners:
                return owners if len(owners) <= 2 else []
        return []

    def speaker_before(self, tok: Token, own: set[str]) -> list[Actor]:
        """The coded speaker of the nearest quoted words before a token, within its sentence and the one
        before (Resolver.spoken), who is not one of `own` (the critic's own words are not what it answers)."""
        floor = self.sentences[max(0, self.sentence_of[tok.i] - _SAID_SENTENCES)].start
        for i in range(tok.i - 1, floor - 1, -1):
            spoken = self.spoken.get(i)
            if spoken is not None and spoken[0].code not in own:
                return [replace(spoken[0], token=tok.i)]
        return []

    def _pact_subject_pairs(self, tok: Token) -> list[Token]:
        """The "between" phrase of a pact's subject: "the Treaty on Strategic Partnership between Chile and
        Peru" (the parser hangs the pair on what the pact is on, which names no party of its own)."""
        if not self.lex.in_class(tok, "pact"):
            return []
        held = [o for p in children(tok, ["prep"]) if p.lower_ == "on" for o in children(p, ["pobj"])]
        return [p for o in held for p in children(o, ["prep"]) if p.lower_ == "between"]

    def _names_in(self, modifier: Token) -> list[LinkedEntity]:
        """The coded names of a modifier's words, each once, in order."""
        found: list[LinkedEntity] = []
        for sub in modifier.subtree:
            info = self.entity_at(sub)
            if info is not None and info.code is not None and all(f is not info for f in found):
                found.append(info)
        return found

    def _act_noun_positions(self, kind: str) -> list[int]:
        """The token indices of the lexicon's event nouns of one type, in order (one index per document)."""
        if self._act_positions is None:
            self._act_positions = {}
            index = parse_index(self.doc)
            for i, (lemma, text) in enumerate(zip(index.lemma, index.lower, strict=True)):
                entry = self.lex.nouns.get(lemma.lower()) or self.lex.nouns.get(text)
                if entry is not None:
                    self._act_positions.setdefault(entry.type, []).append(i)
        return self._act_positions.get(kind, [])

    def _act_owners(self, act: Token) -> list[Actor]:
        """Who an act noun's own words say did it: its possessor or name modifiers, a by or between
        phrase; else, told for the first time, the subject of the verb that does it ("Georgia passed a
        law"; not one that judges it). Not an of phrase ("the invasion of Ukraine" names whom it befell)."""
        owners = self._from_modifiers(act)
        for modifier in children(act, ["compound"]):
            # "the Russia-North Korea treaty": each party of the hyphened pair (a modifier's first name
            # alone is what _from_modifiers reads)
            owners += [Actor(i.code, i.span.text, i.entity_id, i.kind, i.span.start) for i in self._names_in(modifier)]
        for prep in children(act, ["prep"]):
            if prep.lower_ in ("by", "between"):
                for pobj in children(prep, ["pobj"]):
                    owners += self.resolve(pobj, context=False, depth=1)
        definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in act.children)
        if not owners and not definite and act.dep_ in OBJECTS and self.lex.verb_type(act.head) not in _JUDGING:
            # a first mention only, by its doer: "Seoul condemned the deployment" or "condemned a test" says
            # who judged it, not whose it is
            subj = subject_of(act.head)
            if subj is not None and subj.pos_ != "PRON":
                owners = self.resolve(subj, context=False, depth=1)
        unique: list[Actor] = []
        for owner in owners:
            if owner.kind != "place" and all(owner.code != u.code for u in unique):
                unique.append(owner)
        return unique

    def _title_antecedent(self, tok: Token) -> Actor | None:
        """ "the foreign minister" / "the envoy" after a named one of a state ("Russian Foreign Minister
        Sergei Lavrov ... the foreign minister said"): the state of the nearest earlier mention of
        that title with the same modifiers (a title before a person's name, or a title whose own
        phrase names its state). Only for a title with "the" and no other modifier than the title's
        own words; none when the nearest two such mentions name different states."""
        # "The Council called on ...": a title the parser reads as a name for its capital letter.
        title = tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.lower_ in self.lex.officials)
        if not title or not _bare_definite(tok):
            return None
        words = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
        if tok.i in self._title_memo:
            return self._title_memo[tok.i]
        positions = self._positions_of(tok.lemma_.lower())
        found: list[str] = []
        examined = 0
        for i in reversed(positions[: bisect.bisect_left(positions, tok.i)]):
            other = self.tokens[i]
            if other.i in self.dateline:
                continue
            if not words <= {c.lower_ for c in other.children if c.dep_ in ("compound", "amod")}:
                continue
            examined += 1
            if examined > _TITLE_LOOKBACK:
                break
            head = other.head if other.dep_ == "compound" and other.head.ent_type_ == "PERSON" else other
            actors = self.resolve(head, context=False, depth=1)
            codes = {a.code for a in actors}
            if len(codes) == 1:
                found.append(codes.pop())
                if len(found) == 2:
                    break
        result = Actor(found[0], tok.text, None, "context", tok.i) if found and len(set(found)) == 1 else None
        self._title_memo[tok.i] = result
        return result

    def _organisation_delegates(self, tok: Token) -> Actor | None:
        """ "the ministers", "the officials", "the leaders" after an organisation of states' own ("The
        foreign ministers of the Group of Seven ... The officials voiced concern"): that organisation,
        when the nearest plural delegates of the few sentences before that name whose they are, whatever
        their title, are its. A state's delegates decide nothing here (the state in context is theirs)."""
        if tok.tag_ != "NNS" or tok.lemma_.lower() not in self.lex.delegate_nouns or not _bare_definite(tok):
            return None
        if self._delegate_positions is None:
            tags = parse_index(self.doc).tag
            self._delegate_positions = sorted(
                i for lemma in self.lex.delegate_nouns for i in self._positions_of(lemma) if tags[i] == "NNS"
            )
        positions = self._delegate_positions
        floor = self.sentences[max(0, self.sentence_of[tok.i] - _DELEGATE_SENTENCES)].start
        # The nearest few only: a long sentence of delegates stays linear.
        end = bisect.bisect_left(positions, tok.i)
        start = max(bisect.bisect_left(positions, floor), end - _TITLE_LOOKBACK)
        for i in reversed(positions[start:end]):
            other = self.tokens[i]
            if other.i in self.dateline or _of_several_sides(other):
                continue
            codes = {(a.code, a.kind) for a in self.resolve(other, context=False, depth=1)}
            if len(codes) == 1:
                ((code, kind),) = codes
                return Actor(code, tok.text, None, "igo", tok.i) if kind == "igo" else None
        return None

    def _organisation_named_before(self, tok: Token) -> Actor | None:
        """ "the bloc", "the alliance", "the group" after an organisation of states ("NATO leaders ...
        the alliance sees", "The Group of Seven ... the group accused China"): the nearest organisation
        named in the three sentences before, when it is one of states; none when that nearest one is
        something else ("Hamas ... the group said": an armed group, a company, an NGO)."""
        if tok.lemma_.lower() not in self.lex.organisation_shorthands or tok.tag_ != "NN" or not _bare_definite(tok):
            return None
        # "the alliance's exercises": not an act the organisation is said to take; "the NATO alliance"
        # is named by its own words, not by an earlier mention.
        if tok.dep_ == "poss" or any(c.dep_ == "compound" and c.i in self.ent_of for c in tok.children):
            return None
        if self._organisation_positions is None:
            self._organisation_positions = [
                i
                for i, info in sorted(self.ent_of.items())
                if i == info.span.start
                and (info.kind in ("igo", "ngo", "group") or info.span.label_ == "ORG")
                # "ministers met in Brussels ... the alliance condemned": a union's seat is a place there.
                and info.span.label_ not in ("GPE", "LOC", "FAC")
            ]
        positions = self._organisation_positions
        floor = self.sentences[max(0, self.sentence_of[tok.i] - _SHORTHAND_SENTENCES)].start
        before = bisect.bisect_left(positions, tok.i)
        if not before or positions[before - 1] < floor:
            return None
        info = self.ent_of[positions[before - 1]]
        if info.code is None or info.kind != "igo":
            return None
        return Actor(info.code, tok.text, info.entity_id, info.kind, tok.i)

    def _only_state_after(self, tok: Token) -> str | None:
        """The state a text names first after an official or a force when nothing came before it ("The
        government said on Monday that Moldovan exports..."): the one state its sentence names outside
        the phrase itself and, but for the police and the courts, outside what the clause acts on
        ("The ministry summoned the Polish envoy" says nothing of the ministry's state; police and
        courts act at home: "Police questioned a Latvian lorry driver"). None where it names several."""
        if tok.dep_ in PASSIVE_SUBJECTS:
            return None  # "troops were stationed on the border by Tajikistan": who acts on them is named
        sent_index = self.sentence_of[tok.i]
        clause = tok.head if tok.dep_ in SUBJECTS and tok.head.i != tok.i else None
        at_home = agent_sector(tok) in _HOME_SECTORS or self.lex.in_class(tok, "police")
        # What the clause and the verbs it opens ("agreed to supply Ghana with") act on: their objects,
        # and a state named as (or beside) the object of a preposition of a recipient in the clause
        # ("protested to Serbia", "a visit to the Serbian capital", "talks with the Polish envoy").
        verbs = [clause] if clause is not None and not at_home else []
        objects: list[Token] = []
        while verbs:
            verb = verbs.pop()
            for c in verb.children:
                if c.dep_ in OBJECTS or c.dep_ == "dative":
                    objects.append(c)
                elif c.dep_ == "xcomp":
                    verbs.append(c)
        acting = clause if clause is not None and not at_home else None
        # The sentence's states and places from the end of the phrase on (what lies from `tok` to its
        # right edge is the phrase's own), read in runs of one state: two states named is none, and a
        # run of a state already counted adds nothing (a long list stays one pass per question).
        starts, codes_of, ents, runs = self._sentence_places(sent_index)
        codes: set[str] = set()
        k = bisect.bisect_right(starts, tok.right_edge.i)
        while k < len(starts):
            code = codes_of[k]
            if code in codes:
                k = runs[k]
                continue
            start = starts[k]
            if self._named_recipient(ents[k].root.i, acting) or any(
                o.left_edge.i <= start <= o.right_edge.i for o in objects
            ):
                k += 1
                continue
            codes.add(code)
            if len(codes) > 1:
                return None
            k = runs[k]
        return next(iter(codes)) if codes else None

    def _sentence_places(self, sent_index: int) -> tuple[list[int], list[str], list[Span], list[int]]:
        """The named states and places of a sentence (_only_state_after): their starts, codes and spans in
        order, and for each the index of the next one with another code; read once per sentence."""
        memo = memo_of(parse_index(self.doc), "sentence places", self.ent_of)
        found = memo.get(sent_index)
        if found is None:
            starts: list[int] = []
            codes: list[str] = []
            ents: list[Span] = []
            for ent in self._sentence_ents[sent_index]:
                info = self.ent_of.get(ent.start)
                if info is None or info.code is None or info.kind not in ("state", "place"):
                    continue
                starts.append(ent.start)
                codes.append(info.code)
                ents.append(ent)
            runs = [len(codes)] * len(codes)
            for k in range(len(codes) - 2, -1, -1):
                runs[k] = k + 1 if codes[k + 1] != codes[k] else runs[k + 1]
            found = memo[sent_index] = (starts, codes, ents, runs)
        return found

    def _named_recipient(self, i: int, clause: Token | None) -> bool:
        """Whether token i is the object of a preposition of a recipient in the clause's subtree ("protested
        to Serbia", "talks with the Polish envoy"), or a modifier of one ("the Serbian capital")."""
        if clause is None:
            return False
        index = parse_index(self.doc)
        dep, head = index.dep, index.head
        if dep[i] in ("amod", "poss", "compound"):
            i = head[i]
        if dep[i] != "pobj" or head[i] == i:
            return False
        prep = head[i]
        return (
            dep[prep] == "prep"
            and index.lower[prep] in _RECIPIENT_PREPS
            and subtree_order(index).within(clause.i, prep)
        )

    def pronoun(self, tok: Token, depth: int = 0) -> Actor | None:
        """Antecedent of "it/they/its" (the nearest earlier actor) or "he/she" (the nearest person)."""
        if depth > MAX_RESOLVE_DEPTH:
            return None
        person = tok.lower_ in self.lex.person_pronouns
        bound = self._person_clause_antecedent(tok, depth) if person else self._clause_antecedent(tok, depth)
        if bound is None and tok.lower_ in ("it", "they"):
            bound = self._body_subject_before(tok, depth)
        if bound is not None:
            return bound
        if tok.lower_ in ("they", "them", "their", "themselves"):
            # The nearest plural noun that names an actor ("three French diplomats ... them"); never a
            # phrase that holds the pronoun itself ("the officials, their countries' envoys").
            for i in range(tok.i - 1, max(-1, tok.i - 60), -1):
                other = tok.doc[i]
                if other.left_edge.i <= tok.i <= other.right_edge.i:
                    continue
                if other.tag_ in ("NNS", "NNPS") and other.dep_ != "compound":
                    found = self.resolve(other, context=False, depth=depth + 1)
                    delegates = None if found else self._organisation_delegates(other)
                    found = [delegates] if delegates is not None else found  # "the ministers said they"
                    if found:
                        return Actor(found[0].code, found[0].text, found[0].entity_id, found[0].kind, tok.i, True)
        # Antecedents are near: this sentence or the one before (two before for "he"/"she"); a
        # state named pages earlier is not what "it" means in "it's also possible".
        sentences = [self.sent(tok)]
        while len(sentences) < (3 if person else 2) and sentences[-1].start > 0:
            sentences.append(self.sent(tok.doc[sentences[-1].start - 1]))
        if person:
            # A chain of "she ... she ... she" keeps its person in view ("The sister of ... lashed out
            # ... 'Such deeds ...,' she said ... She also said"): the window reaches back while one of
            # its two earliest sentences holds a pronoun of the same person (no other person named
            # there: the nearest one below wins as before).
            same = _FEMININE if tok.lower_ in _FEMININE else _MASCULINE
            while (
                len(sentences) < _PRONOUN_CHAIN_SENTENCES
                and sentences[-1].start > 0
                and any(t.lower_ in same and t.i < tok.i for s in sentences[-2:] for t in self.sent_tokens(s))
            ):
                sentences.append(self.sent(tok.doc[sentences[-1].start - 1]))
        floor = sentences[-1].start
        # "Netanyahu called Morrison to congratulate him": an object pronoun is not its own clause's
        # subject (that would be "himself").
        subject = subject_of(tok.head) if tok.dep_ in OBJECTS and is_verb(tok.head) else None
        if subject is not None and tok.lower_.endswith(("self", "selves")):
            found = self.resolve(subject, context=False, depth=depth + 1)
            return (
                Actor(found[0].code, found[0].text, found[0].entity_id, found[0].kind, tok.i, True) if found else None
            )
        # Only the positions where the loop below can act (an entity's token, a titled subject):
        # at any other token it reads nothing ("info" None, no title), and a long sentence of many
        # pronouns would read back over all of it for each.
        stops = self._pronoun_stops
        if stops is None:
            stops = self._pronoun_stops = self._pronoun_stop_positions()
        for i in reversed(stops[bisect.bisect_left(stops, floor) : bisect.bisect_left(stops, tok.i)]):
            if subject is not None and subject.left_edge.i <= i <= subject.right_edge.i:
                continue
            if person and tok.dep_ in SUBJECTS and self._titled_person_subject(self.tokens[i], tok):
                # "The North Korean leader, who came by train, ... since he took office": a person
                # named by a title of a state, as a subject, is a person's antecedent too.
                found = self.resolve(self.tokens[i], context=False, depth=depth + 1)
                if len({a.code for a in found}) == 1:
                    return Actor(found[0].code, found[0].text, None, found[0].kind, tok.i, True)
            info = self.ent_of.get(i)
            if info is not None and info.code is None and not person and info.span.label_ == "ORG":
                return None  # "The We Company ... it": the nearest organisation is one we cannot code
            if (
                info is not None
                and info.code is None
                and person
                and info.span.label_ == "PERSON"
                and i == info.span.end - 1
            ):
                # A person the gazetteer does not know, named with a state ("Australian Prime Minister
                # Scott Morrison ... him"): the phrase says whose.
                found = self.resolve(info.span.root, context=False, depth=depth + 1)
                if len(found) == 1:
                    return Actor(found[0].code, info.span.text, None, found[0].kind, tok.i, True)
                earlier = self._titled_name_state(info)
                if earlier is not None:
                    return Actor(earlier, info.span.text, None, "context", tok.i, True)
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

    def _person_clause_antecedent(self, tok: Token, depth: int) -> Actor | None:
        """A subject "he"/"she" of a clause inside another ("Kim met Xi in Beijing when he attended a
        parade", "Putin told the Korean leader that he valued ..."): the person subject of the clause
        above, before the pronoun, rather than the nearest person (often that clause's object). Only
        a named person or a person named by a state's title, resolving to one state."""
        if tok.dep_ not in SUBJECTS or tok.lower_ not in ("he", "she"):
            return None
        current = tok.head
        sent = self.sent(tok)
        if current.dep_ == "ROOT" and sent.start > 0:
            # "Lavrov endorsed Choe's remarks ... He also promised ...": the subject of a sentence's
            # main clause is the person the main-clause subject of the sentence before names.
            root = self.sent(self.tokens[sent.start - 1]).root
            subject = subject_of(root) if is_verb(root) else None
            if subject is None:
                return None
            if subject.lower_ == tok.lower_:
                return self._person_clause_antecedent(subject, depth + 1) if depth < MAX_RESOLVE_DEPTH else None
            info = self.entity_at(subject)
            if info is None or info.span.label_ != "PERSON":
                return None
            if info.code is None:
                # "First Vice Foreign Minister Kim Hong-kyun ... Kim told Zinoviev ... He also urged":
                # an official the gazetteer does not know, with the state the article read them with.
                full = self.full_mention(info.span) if len(info.span) == 1 else info
                if full is None:
                    return None
                found = self.resolve(full.span.root, context=True, depth=depth + 1)
                if len({a.code for a in found}) != 1:
                    return None
                return Actor(found[0].code, info.span.text, None, "context", tok.i, True)
            found = self.resolve(subject, context=False, depth=depth + 1)
            if len({a.code for a in found}) != 1:
                return None
            return Actor(found[0].code, found[0].text, found[0].entity_id, found[0].kind, tok.i, True)
        for _ in range(4):
            if current.dep_ not in ("advcl", "ccomp", "conj") or current.head.i == current.i:
                return None
            current = current.head
            subject = subject_of(current) if is_verb(current) else None
            if subject is None:
                continue
            if subject.i > tok.i or subject.lower_ in self.lex.person_pronouns:
                return None
            info = self.entity_at(subject)
            named = info is not None and info.span.label_ == "PERSON" and info.code is not None
            if not (named or self._titled_person_subject(subject, tok)):
                return None
            found = self.resolve(subject, context=False, depth=depth + 1)
            if len({a.code for a in found}) != 1:
                return None
            return Actor(found[0].code, found[0].text, found[0].entity_id, found[0].kind, tok.i, True)
        return None

    def _pronoun_stop_positions(self) -> list[int]:
        """The tokens pronoun's look-back acts on, in order: every linked entity's token, and every
        token _titled_person_subject can accept (its tests of the token itself)."""
        index = parse_index(self.doc)
        tag, dep, lemma = index.tag, index.dep, index.lemma
        titled = [
            i
            for i in range(len(tag))
            if tag[i] == "NN"
            and dep[i] in SUBJECTS
            and lemma[i].lower() in _PERSON_TITLES
            and self.tokens[i].ent_type_ != "PERSON"
        ]
        return sorted(set(self.ent_of).union(titled))

    def _titled_person_subject(self, other: Token, pronoun: Token) -> bool:
        """A subject that names one person by a title ("The North Korean leader", "Russia's foreign
        minister"), not a name (names are read as entities), outside the pronoun's own phrase. Only
        for a subject pronoun: "held talks with his host" is not the leader's own state's host."""
        return (
            other.tag_ == "NN"
            and other.dep_ in SUBJECTS
            and other.lemma_.lower() in _PERSON_TITLES
            and other.ent_type_ != "PERSON"
            and not other.left_edge.i <= pronoun.i <= other.right_edge.i
        )

    def _speaker(self, tok: Token, depth: int) -> list[Actor]:
        """Who "we"/"I" is: the speaker of the reported clause it is in ("'We urge Russia and the DPRK to
        cease,' Cho said", "Seoul said we must act"); in quoted words, the speaker the quote finder
        resolved (Resolver.spoken) when the reporting clause names none; none outside them."""
        reporting = self.lex.reporting_verbs
        current = tok
        for _ in range(8):
            head = current.head
            if head.i == current.i:
                return self._quote_speaker(tok)
            if current.dep_ == "ccomp" and head.lemma_.lower() in reporting:
                speaker = subject_of(head)
                if speaker is None or speaker.lower_ in self.lex.speaker_pronouns:
                    return []
                quoted = self._quote_speaker(tok) if speaker.pos_ == "PRON" else []
                if quoted:  # "'We urge Moscow to stop,' he said": whom the quote finder found saying it
                    return quoted
                found = self.resolve(speaker, depth=depth + 1)
                if not found:  # "'We hope ...,' Lin said": the surname the quote finder linked
                    return self._quote_speaker(tok)
                return [Actor(a.code, a.text, a.entity_id, a.kind, tok.i, True) for a in found]
            current = head
        return self._quote_speaker(tok)  # "We will not stand idly by." in a quoted paragraph

    def _quote_speaker(self, tok: Token) -> list[Actor]:
        spoken = self.spoken.get(tok.i)
        return [replace(spoken[0], token=tok.i, pronoun=True)] if spoken is not None else []

    def _body_subject_before(self, tok: Token, depth: int) -> Actor | None:
        """ "It" ("they") opening a sentence, as subject, after one whose subject was a state's body
        (its officials) named by a bare noun ("The ministry called the comments sophistry. It also
        criticised ...", "The leaders called China an enabler. They urged it to ..."): that body, with
        its state as the context gave it there (no entity of those sentences is what "it" is). A run of
        sentences each opening on the same pronoun keeps that referent ("The embassy said ... . It said
        ... . It urged ..."), not the state named last before it."""
        sent_index = self.sentence_of[tok.i]
        if tok.dep_ not in SUBJECTS or not sent_index or tok.i != self.sentences[sent_index].start:
            return None
        before = self.sentences[sent_index - 1]
        subject = subject_of(before.root) if is_verb(before.root) else None
        if subject is None:
            return None
        if subject.lower_ == tok.lower_ and subject.i == before.start and depth < MAX_RESOLVE_DEPTH:
            chained = self._body_subject_before(subject, depth + 1)
            return replace(chained, token=tok.i) if chained is not None else None
        if tok.lower_ == "they" and subject.tag_ not in ("NNS", "NNPS"):
            return None
        if not _bare_definite(subject) or not is_group_noun(subject, self.lex):
            return None
        found = self.resolve(subject, context=True, depth=depth + 1)
        if len({a.code for a in found}) != 1:
            return None
        return Actor(found[0].code, subject.text, None, "context", tok.i, True)

    def _clause_antecedent(self, tok: Token, depth: int) -> Actor | None:
        """The subject of the clause above a pronoun, which it stands for: "The Kenyan army said it
        had begun" (a reported clause's subject), "The Air Force reiterated its commitment" (a
        possessive in its own clause's object). Not a person for "it"/"its"; none when the subject
        names no actor by itself."""
        verb: Token | None = None
        if tok.dep_ in SUBJECTS | PASSIVE_SUBJECTS and tok.head.dep_ == "ccomp" and is_verb(tok.head.head):
            verb = tok.head.head  # "X said it would": the reporting verb
        elif tok.dep_ == "poss" and tok.head.dep_ in OBJECTS | SUBJECTS and is_verb(tok.head.head):
            verb = tok.head.head  # the possessed noun is the verb's own argument, not an adjunct's
        if verb is None:
            return None
        subject = subject_of(verb)
        if subject is not None and subject.left_edge.i <= tok.i <= subject.right_edge.i and verb.dep_ == "ccomp":
            subject = subject_of(verb.head)  # "Russia said its forces had shelled": the speaker's forces
        if subject is None or subject.i > tok.i or subject.left_edge.i <= tok.i <= subject.right_edge.i:
            return None
        if subject.lower_ in self.lex.group_pronouns or subject.lower_ in self.lex.person_pronouns:
            return None  # the subject's own antecedent is what the reading order finds
        found = self.resolve(subject, context=False, depth=depth + 1)
        if len(found) != 1 or (found[0].kind == "person" and tok.lower_ in ("it", "its", "itself")):
            return None
        (actor,) = found
        return Actor(actor.code, actor.text, actor.entity_id, actor.kind, tok.i, True)

    def remember(self, actor: Actor) -> None:
        self.history.append(actor)


# Titles of one person: a subject so named is what a later "he"/"she" may stand for.
_PERSON_TITLES = frozenset(
    {
        "leader",
        "president",
        "minister",
        "premier",
        "chancellor",
        "envoy",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "secretary",
        "king",
        "emir",
        "commander",
        "chief",
        "diplomat",
        "governor",
        "negotiator",
    }
)
_FEMININE = frozenset({"she", "her", "hers", "herself"})
_MASCULINE = frozenset({"he", "him", "his", "himself"})
# Prepositions that name whom an act is aimed at or goes to ("a visit to", "talks with", "aid for").
_RECIPIENT_PREPS = frozenset({"to", "with", "against", "on", "into", "toward", "towards", "from", "for", "at"})
# Prepositions that put a phrase in a place, and adverbs of place that carry one ("elsewhere in").
_IN_PLACE = frozenset({"in", "at", "across", "throughout", "through", "inside", "within"})
PLACE_ADVERBS = frozenset({"elsewhere", "deep", "further", "farther", "inland", "somewhere", "nearby"})


def _bare_definite(tok: Token) -> bool:
    """Whether a noun is "the" + noun with no owner, number, phrase or apposition of its own ("the
    officials", "the foreign minister"; not "the G7's officials", "the two ministers", "the envoy to X"):
    one that can only mean someone named before."""
    if not any(c.lower_ == "the" and c.dep_ == "det" for c in tok.children):
        return False
    return not any(c.dep_ in ("poss", "nummod", "prep", "appos") for c in tok.children)


def _of_several_sides(tok: Token) -> bool:
    """ "The two leaders", "both ministers", "the three foreign ministers": officials counted as
    several are of several states, which the article's one state in context cannot stand for
    (bench/data/news/README: "the two leaders" with no name in the sentence is not coded)."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return False
    return any(c.dep_ in ("nummod", "det", "predet") and c.lower_ in _SEVERAL for c in tok.children)


_SEVERAL = frozenset({"two", "three", "four", "both", "2", "3"})


# Word classes whose nouns can stand for an actor (`Resolver.actor_like`).
FORCE_CLASSES = ("troops", "weapons", "police")  # word classes of forces and their arms
_FORCES_AT_HOME = ("troops", "police", "domestic")
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


def _body_words(actor: Actor, own: Span | None, head: Token) -> Actor:
    """A state given by the context to a body the gazetteer does not know keeps the body's whole name
    ("The National Security Council", not "Council") when the head word was read."""
    if own is None or actor.text != head.text:
        return actor
    start = own.start + 1 if own[0].pos_ == "DET" else own.start
    return replace(actor, text=own.doc[start : own.end].text)


def _head_words(head: Token) -> str:
    """A phrase's words up to its head, the article aside ("the riot police" -> "riot police")."""
    start = head.left_edge.i
    while start < head.i and head.doc[start].pos_ in ("DET", "PUNCT"):
        start += 1
    return head.doc[start : head.i + 1].text


# How many times noun phrase resolution may re-enter itself (a pronoun's antecedent, a modifier, an
# apposition, an of-phrase...): real phrases need two or three.
MAX_RESOLVE_DEPTH = 4


def conjuncts(tok: Token) -> list[Token]:
    """The token and its coordinated siblings, in order ("Moscow and Pyongyang")."""
    index = parse_index(tok.doc)
    dep, kids = index.dep, index.kids
    if dep[tok.i] == "conj":
        return [tok]  # its first conjunct resolves the whole list
    before = _subject_before_ally(tok)
    if before is not None:
        return conjuncts(before)  # "Lima and its ally Spain said", read from "Spain": the same two
    # What Token.conjuncts gives (conj links down the right children, breadth first), read off the index.
    first = _name_hung_on_name(tok)
    found = [tok.i] if first is None else [first.i, tok.i]
    found += _possessors_after_apposition(tok)
    found += _appositions_after_and(tok, found)
    for word in found:
        found += [j for j in kids.get(word, ()) if j > word and dep[j] == "conj"]
    if first is not None:
        found.sort()
    found = [k for j in found for k in _coordinated_owners(index, j) or [_named_ally(index, j, tok.i)]]
    # "… and Turkish President Recep Tayyip Erdogan" parsed as two conjuncts, "Turkish President" and
    # "Erdogan": the title is the name's (Resolver._resolve_one reads it there), no party of its own.
    titles = {t.i for j in found if (t := split_title(index.tokens[j])) is not None}
    if first is not None:
        # "… al-Sisi and Jordanian King Abdullah II": the hung name's conjunct before the second name is
        # that name's title or adjective, not a party.
        titles |= {j for j in kids.get(first.i, ()) if dep[j] == "conj" and first.i < j < tok.i}
        titles -= {j for j in titles if index.tokens[j].ent_type_ == "PERSON"}
    return [index.tokens[j] for j in found if j not in titles]


def _name_hung_on_name(tok: Token) -> Token | None:
    """ "Kenyan President William Ruto and Turkish President Recep Tayyip Erdogan": the parser hangs the
    first person's name, with its "and", on the second's as a modifier; the first of the pair. The second
    name may be one NER missed ("Egyptian President Abdel Fattah al-Sisi and Jordanian King Abdullah II")."""
    if tok.ent_type_ != "PERSON" and tok.pos_ != "PROPN":
        return None
    for child in tok.children:
        if child.i > tok.i or child.dep_ not in ("nmod", "compound", "amod") or child.ent_type_ != "PERSON":
            continue
        links = {c.dep_ for c in child.children}
        if "cc" in links and "conj" in links:
            return child
    return None


def _possessors_after_apposition(tok: Token) -> list[int]:
    """ "Ghana's President John Mahama and Nigeria's President Bola Tinubu": the parser makes both names
    appositions of the first title and "Nigeria" a conjunct of the first name; the second possessor
    (with its "'s", an apposition after it) is the second party, beside the title's own."""
    apposed = [c for c in tok.children if c.dep_ == "appos"]
    if len(apposed) < 2 or apposed[0].ent_type_ != "PERSON":
        return []
    later = apposed[-1].i
    return [
        c.i
        for c in apposed[0].children
        if c.dep_ == "conj" and c.i < later and any(k.dep_ == "case" for k in c.children)
    ]


def _appositions_after_and(tok: Token, found: list[int]) -> list[int]:
    """ "Rep. A of the X Party and Rep. B of the Y Party": the parser may hang B on A as an apposition
    after the "and"; a second party (not when a possessor already read stands inside it)."""
    doc = tok.doc
    return [
        c.i
        for c in tok.children
        if c.dep_ == "appos"
        and c.pos_ == "PROPN"
        and c.left_edge.i > 0
        and doc[c.left_edge.i - 1].lower_ == "and"
        and not any(c.left_edge.i <= j <= c.i for j in found)
    ]


# Named parties whose plural noun speaks or acts for each: "the militaries of Peru and Chile".
_OWNER_LABELS = frozenset({"GPE", "ORG", "NORP"})


def _coordinated_owners(index: ParseIndex, noun: int) -> list[int]:
    """The parties of "the militaries of Peru and Chile", "the foreign ministers of Norway and Denmark": a
    plural noun of several named parties is one party per name (the coders quote and code each)."""
    if index.tag[noun] != "NNS" or index.pos[noun] != "NOUN":
        return []
    dep, kids = index.dep, index.kids
    of = next((c for c in kids.get(noun, ()) if c > noun and dep[c] == "prep" and index.lower[c] == "of"), None)
    owner = next((c for c in kids.get(of, ()) if dep[c] == "pobj"), None) if of is not None else None
    if owner is None:
        return []
    owners = [owner]
    for word in owners:
        owners += [j for j in kids.get(word, ()) if j > word and dep[j] == "conj"]
    if len(owners) < 2 or any(index.tokens[j].ent_type_ not in _OWNER_LABELS for j in owners):
        return []
    return owners


def _named_ally(index: ParseIndex, j: int, first: int) -> int:
    """The name of "Seoul and its ally the United States": a later conjunct that is an "its / their" noun
    with a name in apposition is that name (the noun would resolve to the "its", the party named first);
    so is the subject the parser split off right after it ("Lima and its ally Spain said": two subjects)."""
    if j == first or not _owned_noun(index, j):
        return j
    named = next((c for c in index.tokens[j].children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_), None)
    if named is not None:
        return named.i
    split = _ally_after(index, j, index.head[first]) if index.dep[first] == "nsubj" else None
    return split if split is not None and index.pos[split] == "PROPN" else j


def _owned_noun(index: ParseIndex, j: int) -> bool:
    """Whether token j is a noun owned by "its" or "their" ("its ally", "their partners")."""
    return index.pos[j] == "NOUN" and any(
        index.dep[c] == "poss" and index.lower[c] in ("its", "their") for c in index.kids.get(j, ())
    )


def _subject_before_ally(tok: Token) -> Token | None:
    """The first of "Lima and its ally Spain said" when the parser hangs both "Lima" (with "its ally" as
    its conjunct) and "Spain" on the verb as subjects: "Lima", read from "Spain"."""
    index = parse_index(tok.doc)
    ally = tok.left_edge.i - 1
    if index.dep[tok.i] != "nsubj" or index.pos[tok.i] != "PROPN" or ally < 0 or index.dep[ally] != "conj":
        return None
    if not _owned_noun(index, ally):
        return None
    first = first_conjunct(index.tokens[ally]).i
    if index.dep[first] != "nsubj" or index.head[first] != index.head[tok.i] or index.pos[first] != "PROPN":
        return None
    return index.tokens[first]


def _ally_after(index: ParseIndex, ally: int, verb: int) -> int | None:
    """The subject of `verb` that starts right after "its ally" (the name the parser split off)."""
    at = ally + 1
    for _ in range(4):
        if at >= len(index.head) or at == index.head[at]:
            return None
        if index.head[at] == verb and index.dep[at] == "nsubj":
            return at
        at = index.head[at]
    return None


def split_title(name: Token) -> Token | None:
    """The title right before a person's name that the parser made a conjunct of its own ("… and
    Bolivian Minister Fernando Aramayo": "Minister" a conjunct, "Aramayo" another)."""
    if name.ent_type_ != "PERSON":
        return None
    start = name.i
    while start > 0 and name.doc[start].ent_iob_ == "I":
        start -= 1  # back to the name's first word
    title = name.doc[start - 1] if start > 0 else None
    if title is None or title.dep_ != "conj" or title.ent_type_ or title.pos_ not in ("NOUN", "PROPN"):
        return None
    return title


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
    reported = _reported_clause(tok, lex)
    if reported is not None:
        return verb_actors(reported, res, lex, theme=theme)
    sending = _sending_served(tok, lex)
    sender = first_child(sending, ["poss"]) if sending is not None else None
    if sender is not None:
        found = res.resolve(sender, context=False)
        if found:
            return found, None
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
                found = res.resolve(head)
                if not found and tok.dep_ == "acl" and tok.tag_ == "VBG" and _issued(head, lex):
                    found = _nominal_actor(head, res, lex)  # "issued a report that accuses X": who issued it
                return found, None
        elif tok.dep_ in ("advcl", "xcomp") and tok.head.pos_ in ("NOUN", "PROPN"):
            return _nominal_actor(tok.head, res, lex), None
        elif gerund_after_to(tok) and tok.head.head.pos_ == "NOUN":
            # "its commitment to deepening ties with": the gerund after "to" is the noun's, as "its
            # commitment to deepen" would be.
            return _nominal_actor(tok.head.head, res, lex), None
    if subj is not None:
        if subj.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
            return res.resolve(tok.head), None
        if subj.lower_ in ("who", "which", "that") and subj.head.dep_ == "relcl" and tok.dep_ in ("advcl", "conj"):
            # "soldiers who were captured while fighting for Russia": the relative clause's noun
            return res.resolve(subj.head.head), None
        outer = _outer_subject(tok, subj)
        if outer is not None and (found := res.resolve(outer, context=False)):
            return found, None  # "condemned the pact with Iran, which it called illegal": the condemner calls it
        actors = res.resolve(subj, context=False)
        # "10,000 of these soldiers": the soldiers' state is named earlier in the sentence; failing
        # that, an official's state comes from the context.
        if not actors:
            actors = (
                class_antecedent(subj, res, lex)
                or _speaker_forces(tok, subj, res, lex)
                or res.resolve(subj)
                or _issuer(subj, res, lex)
            )
        elif len(conjuncts(subj)) > len(actors):
            # "The Ethiopian government and Tigrayan rebels": a conjunct the gazetteer cannot code
            # takes its state from the context, so the pair is still coded.
            for conjunct in conjuncts(subj):
                if all(a.token < conjunct.i or a.token > conjunct.right_edge.i for a in actors):
                    actors += [a for a in res.resolve(conjunct) if a.token not in {b.token for b in actors}]
        for other in _co_subjects(subj):
            actors += [a for a in res.resolve(other, context=False) if a.code not in {b.code for b in actors}]
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


def _outer_subject(verb: Token, subject: Token) -> Token | None:
    """The subject of the clause a relative clause's "it" or "they" points back to, when the clause's object is
    its relative pronoun ("Lima condemned the pact with Quito, which it called illegal": Lima, not Quito, the
    name nearest before). None for any other clause, or when the outer subject is a pronoun too."""
    if verb.dep_ != "relcl" or subject.lower_ not in ("it", "they"):
        return None
    obj = first_child(verb, OBJECTS)
    if obj is None or obj.tag_ != "WDT":
        return None
    outer = verb.head
    for _ in range(6):  # up from the noun the clause hangs on to the verb of its clause
        if outer.pos_ in ("VERB", "AUX") or outer.head.i == outer.i:
            break
        outer = outer.head
    found = first_child(outer, SUBJECTS) if outer.pos_ in ("VERB", "AUX") else None
    return found if found is not None and found.pos_ != "PRON" else None


# "The G7 ministers, together with South Korea and Australia, condemned": those with the subject act too.
_ALONG = frozenset({"together", "along"})


def _sending_served(tok: Token, lex: Lexicon) -> Token | None:
    """ "remains silent about Iran's dispatch of drones to help Russia": the sending an aid purpose is
    of, when the parser hung the purpose on the verb before it ("to help" right after the sending's
    words, inside the verb's phrase)."""
    if tok.dep_ != "advcl" or not is_infinitive(tok) or tok.lemma_.lower() not in lex.aid_purposes:
        return None
    if first_child(tok, SUBJECTS) is not None or tok.left_edge.i - 1 <= tok.head.i:
        return None
    word = tok.doc[tok.left_edge.i - 1]
    for _ in range(_SENDING_CLIMB):  # up from the word before "to", toward the verb
        if word.i == tok.head.i or word.head.i == word.i:
            break
        if word.pos_ == "NOUN" and (word.lower_ in lex.transfer_nouns or word.lemma_.lower() in lex.transfer_nouns):
            return word
        word = word.head
    return None


# How many heads _sending_served climbs from the word before a purpose clause ("dispatch of troops").
_SENDING_CLIMB = 4


def _co_subjects(subj: Token) -> list[Token]:
    """Who acts beside a subject: the second of two subjects the parser split (_split_subject), and
    those "together with" or "along with" it."""
    found = [p for p in subj.children if p.dep_ == "prep" and p.lower_ == "with" and _along(p)]
    # "Russia, along with China,": "along" the preposition, "with" its own.
    preps = [p for p in subj.children if p.dep_ == "prep"]
    found += [w for p in preps if p.lower_ in _ALONG for w in p.children if w.lower_ == "with"]
    found += [p for p in subj.children if p.dep_ == "prep" and p.lower_ == "alongside"]
    others = [o for p in found for o in p.children if o.dep_ == "pobj"]
    second = _split_subject(subj)
    return [*others, second] if second is not None else others


def _along(prep: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in _ALONG for c in prep.children) or (
        prep.i > 0 and prep.doc[prep.i - 1].lower_ in _ALONG
    )


def _split_subject(subj: Token) -> Token | None:
    """The second of two subjects the parser split ("Foreign Minister Cho Tae-yul and Secretary of State
    Antony Blinken have condemned": both hang on the verb, the "and" on the first, no conj): the
    other subject of the same verb after the first, when the first ends in a bare "and"."""
    if subj.dep_ != "nsubj" or any(c.dep_ == "conj" for c in subj.children):
        return None
    if not any(c.dep_ == "cc" and c.lower_ == "and" and c.i > subj.i for c in subj.children):
        return None
    return next((c for c in subj.head.children if c.dep_ == "nsubj" and subj.i < c.i < subj.head.i), None)


def _reported_clause(tok: Token, lex: Lexicon) -> Token | None:
    """ "Russian forces shelled Kharkiv, officials said, killing three": a participle the parser hung on
    the reporting verb continues the reported clause before it, whose subject does it."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or tok.head.lemma_.lower() not in lex.reporting_verbs:
        return None
    return next((c for c in tok.head.children if c.dep_ == "ccomp" and c.i < tok.i and is_verb(c)), None)


def _past_dateline(subj: Token, res: Resolver) -> Token | None:
    """The real subject when the parser took the dateline for it: another subject of the same verb
    ("JERUSALEM -- An Israeli court rejected"), else the phrase set beside the dateline
    ("BAMAKO, Mali -- A French military drone has struck")."""
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
    if not lex.in_any_class(subj, FORCE_CLASSES):
        return []
    reporting = lex.reporting_verbs
    current = verb
    for _ in range(4):
        if current.dep_ not in ("ccomp", "conj", "xcomp") or current.head.i == current.i:
            return []
        current = current.head
        if current.lemma_.lower() in reporting:
            speaker = first_child(current, SUBJECTS)
            return res.resolve(speaker) if speaker is not None else []
    return []


def _issued(noun: Token, lex: Lexicon) -> bool:
    """Whether a noun is its holder's own ("its statement") or issued by its verb's subject
    ("published a report"), not merely answered ("rejected a report")."""
    if first_child(noun, ["poss"]) is not None:
        return True
    return noun.dep_ in OBJECTS and noun.head.lemma_.lower() in lex.issuing_verbs


def _nominal_actor(noun: Token, res: Resolver, lex: Lexicon) -> list[Actor]:
    """The actor of an event under a noun: "Pyongyang's decision to send", "Mao made the decision to send"."""
    if noun.lemma_.lower() not in lex.transparent_nouns and not is_group_noun(noun, lex):
        return []  # "Russia's willingness to support" is a disposition, not an event
    poss = first_child(noun, ["poss"])
    if poss is not None:
        return res.resolve(poss)
    for prep in children(noun, ["prep"]):
        if prep.lower_ == "by" and first_child(prep, ["pobj"]) is not None:
            return res.resolve(first_child(prep, ["pobj"]))  # "the decision by Kim to send troops"
    if noun.dep_ in OBJECTS | {"attr"} and is_verb(noun.head):
        subj = subject_of(noun.head)
        if subj is not None:
            return res.resolve(subj)
    if noun.dep_ in SUBJECTS | PASSIVE_SUBJECTS:
        return []
    return res.resolve(noun) if is_group_noun(noun, lex) else []


# How many sentences back _issuer looks for the document's issuing.
_ISSUER_SENTENCES = 4


def _issuer(tok: Token, res: Resolver, lex: Lexicon) -> list[Actor]:
    """ "The statement also condemned ...", "The declaration urges China to ...": a document named by
    its kind alone, with no owner in its phrase, speaks for whoever issued, adopted or released such a
    document shortly before ("NATO member leaders adopted a summit declaration", "issued a joint
    statement"), as the news sets code it; no one when the text names no such issuing."""
    named_owner = any(
        c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and (c.pos_ == "PROPN" or c.ent_type_))
        for c in tok.children
    )
    if named_owner or not lex.in_class(tok, "issuer_documents"):
        return []  # "Seoul's statement", "a NATO declaration": its owner is named (and resolved) already
    first = max(0, res.sentence_of[tok.i] - _ISSUER_SENTENCES)
    start = res.sentences[first].start
    for i in range(tok.i - 1, start - 1, -1):
        doc_noun = res.tokens[i]
        verb = doc_noun.head
        if doc_noun.dep_ not in OBJECTS or not lex.in_class(doc_noun, "issuer_documents"):
            continue
        if verb.lemma_.lower() not in lex.issuing_verbs or doc_noun.lemma_.lower() != tok.lemma_.lower():
            continue
        return [Actor(a.code, tok.text, a.entity_id, "context", a.token) for a in clause_actors(verb, res, lex)]
    return []


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
        earlier = [t for t in reversed(parse_index(tok.doc).tokens[max(0, tok.i - 80) : tok.i]) if t.i != head.i]
        # The same noun first ("these soldiers" -> "North Korean soldiers/troops"), then its class.
        same = {head.lemma_.lower()} | ({"troop", "soldier"} if head.lemma_.lower() in ("troop", "soldier") else set())
        for pool in ([t for t in earlier if t.lemma_.lower() in same], [t for t in earlier if lex.in_class(t, cls)]):
            for other in pool:
                found = res.resolve(other, context=False)
                if found:
                    return [Actor(a.code, tok.text, a.entity_id, a.kind, tok.i) for a in found]
    return []


def _backer_modifier(child: Token, lex: Lexicon) -> bool:
    """Whether a noun's modifier is "X-backed" (the participle, or X when the parser hangs it on the
    noun with the participle beside it): whoever backs a group is not among its members."""
    doc = child.doc
    if (
        child.tag_ == "VBN"
        and child.lemma_.lower() in lex.backing_participles
        and any(c.dep_ in ("npadvmod", "compound", "amod", "nmod") and c.i < child.i for c in child.children)
    ):
        return True
    after = child.right_edge.i + 1
    return (
        after + 1 < len(doc)
        and doc[after].text in ("-", "\u2013")
        and doc[after + 1].tag_ == "VBN"
        and doc[after + 1].lemma_.lower() in lex.backing_participles
    )
