"""Shared clause grammar over a spaCy dependency parse: dependency label sets, subject and object
finders, hedging (`clause_mood`), numbers (`number_value`) and sentence text. Used by the event,
quote and claim rules alike. Pure: no network, no database.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import attrgetter
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS, TAG
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

from extractors.lexicon import Lexicon, load_lexicon

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
ALL_SUBJECTS = SUBJECTS | PASSIVE_SUBJECTS
OBJECTS = frozenset({"dobj", "obj"})
# Links along which an inner verb shares its outer verb's subject.
_SUBJECT_INHERIT = frozenset({"xcomp", "conj", "advcl", "ccomp", "pcomp", "acomp"})  # acomp: "is willing to send"
# The prepositions naming whom a measure is aimed at ("sanctions on / against Minsk").
_AIMED_PREPS = frozenset({"on", "against"})
_NUMBER_RE = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
# A number and a scale word of two letters or more written as one token: spaCy keeps "$55bn" as "$", "55bn" (it splits
# "5m" and "5km" as units, not "bn", "tn" or "mln").
GLUED_SCALE = re.compile(r"(\d[\d,]*(?:\.\d+)?)(bn|tn|mn|mln)")


# Universal POS ids to names, keyed by plain ints (spaCy's table is keyed by an IntEnum, slow to hash).
_POS_NAMES: dict[int, str] = {int(key): name for key, name in POS_NAMES.items()}


class ParseIndex:
    """A document's parse as plain Python lists by token index, read once: spaCy makes a new Token
    object on every `doc[i]`, `.head` and `.children`, and a new string on every `.dep_`, `.pos_`
    and `.tag_`; the rules ask these hundreds of times per sentence."""

    __slots__ = ("dep", "doc", "head", "kids", "lemma", "lower", "memo", "pos", "tag", "tokens")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)  # the Token objects every helper hands out
        n = len(doc)
        values = doc.to_array([HEAD, DEP, TAG, POS, LOWER, LEMMA]) if n else numpy.zeros((0, 6), dtype=numpy.uint64)
        # HEAD is the offset to the head, stored unsigned: as signed, plus the token's own index.
        self.head: list[int] = (values[:, 0].astype(numpy.int64) + numpy.arange(n)).tolist()
        strings = doc.vocab.strings
        self.dep: list[str] = _names(values[:, 1].tolist(), strings)
        self.tag: list[str] = _names(values[:, 2].tolist(), strings)
        self.lower: list[str] = _names(values[:, 4].tolist(), strings)  # Token.lower_
        self.lemma: list[str] = _names(values[:, 5].tolist(), strings)  # Token.lemma_ (not lower-cased)
        self.pos: list[str] = list(map(_POS_NAMES.__getitem__, values[:, 3].tolist()))
        # Each token's children in document order, as Token.children gives them (a root is its own
        # head); tokens without children are not in it.
        self.kids: dict[int, list[int]] = {}
        for i, head in enumerate(self.head):
            if head != i:
                siblings = self.kids.get(head)
                if siblings is None:
                    self.kids[head] = [i]
                else:
                    siblings.append(i)
        # What rule helpers compute once per document and read per token (`memo_of`, `entity_start`).
        self.memo: dict[str, Any] = {}


# The strings of hash keys already looked up, across documents (a key is the hash of its string,
# the same in every document): most of a text's words and every label were seen in earlier texts.
# Bounded: emptied when it holds more than _STRING_CACHE_SIZE.
_STRING_OF: dict[int, str] = {}
_STRING_CACHE_SIZE = 200_000


def _names(keys: list[int], strings: StringStore) -> list[str]:
    """The strings of a column of hash keys."""
    string_of = _STRING_OF
    try:
        return list(map(string_of.__getitem__, keys))
    except KeyError:
        pass
    if len(string_of) > _STRING_CACHE_SIZE:
        string_of.clear()
    for key in set(keys).difference(string_of):
        string_of[key] = strings[key]
    return list(map(string_of.__getitem__, keys))


_LAST_INDEX: ParseIndex | None = None
# ParseIndex.memo key of the text the document was parsed from, when the reader has it (the Resolver
# leaves it: Doc.text and Span.text join every token anew).
DOC_TEXT = "text"


def parse_index(doc: Doc) -> ParseIndex:
    """The document's ParseIndex, built on first use. The last one is kept: extraction reads one
    document at a time, and every helper asks for the index of the document it is reading."""
    global _LAST_INDEX
    index = _LAST_INDEX
    if index is None or index.doc is not doc:
        index = _LAST_INDEX = ParseIndex(doc)
    return index


def memo_of(index: ParseIndex, name: str, owner: object) -> dict[int, Any]:
    """A rule helper's memo for the index's document, by token index: what it computed of a token
    given `owner` (the lexicon it read), kept while the document is the one being read."""
    found = index.memo.get(name)
    if found is None or found[0] is not owner:
        found = index.memo[name] = (owner, {})
    return found[1]


def memo_up_chain(
    index: ParseIndex, i: int, memo: dict[int, Any], hit: Callable[[int], bool], links: frozenset[str]
) -> bool:
    """Whether `hit` holds of token i or of a token above it along `links` (dependency labels up to
    the head), memoised in `memo` for every token on the way, so a long run of coordinated clauses
    is walked once, not once per trigger."""
    dep, head = index.dep, index.head
    path: list[int] = []
    while True:
        found = memo.get(i)
        if found is not None:
            break
        if hit(i):
            found = memo[i] = True
            break
        path.append(i)
        if dep[i] not in links or head[i] == i:
            found = False
            break
        i = head[i]
    for j in path:
        memo[j] = found
    return found


def coordinated(tok: Token) -> list[Token]:
    """What `tok.conjuncts` gives (the coordinated tokens, the token itself left out, in the same
    order), read off the parse index: Token.conjuncts scans the whole right subtree of every
    conjunct, so a run of 500 coordinated clauses costs 500 x 500 steps on each call. The words of a
    coordination are found once per document."""
    index = parse_index(tok.doc)
    dep = index.dep
    start = _first_conjunct_at(index, tok.i)
    memo = memo_of(index, "coordinated", None)
    words = memo.get(start)
    if words is None:
        kids = index.kids
        words = memo[start] = [start]
        for word in words:  # breadth first, each word's right children in order, as Token.conjuncts
            words += [j for j in kids.get(word, ()) if j > word and dep[j] == "conj"]
    tokens = index.tokens
    return [tokens[j] for j in words if j != tok.i]


def first_conjunct(tok: Token) -> Token:
    """The first word of the coordination a token is in ("howitzers" of "howitzers and rocket systems"), which
    bears their role; the token itself when it is no conjunct."""
    index = parse_index(tok.doc)
    return index.tokens[_first_conjunct_at(index, tok.i)]


def _first_conjunct_at(index: ParseIndex, i: int) -> int:
    # Memoised for every word on the way up: asked of each of 500 conjuncts, a run is walked once.
    dep, head = index.dep, index.head
    memo = memo_of(index, "first_conjunct", None)
    path: list[int] = []
    while i not in memo and head[i] != i and dep[i] == "conj":
        path.append(i)
        i = head[i]
    first = memo.get(i, i)
    for j in path:
        memo[j] = first
    return first


_LEFT_EDGE = attrgetter("left_edge.i")
_RIGHT_EDGE = attrgetter("right_edge.i")


class SubtreeOrder:
    """The document's tokens in the order `Token.subtree` yields them (from each root: a head's left
    children's subtrees, the head, its right children's subtrees), so that the subtree of token i
    is `order[start[i]:end[i]]` and token j is in it when `start[i] <= place[j] < end[i]`. Read once
    per document: spaCy's Token.subtree walks the span of every head on its way down, the whole
    length of a long run of coordinated clauses for each clause in it."""

    __slots__ = ("end", "order", "place", "start")

    def __init__(self, index: ParseIndex) -> None:
        if self._contiguous(index):
            return
        head, kids = index.head, index.kids
        n = len(head)
        self.order: list[int] = []
        self.place: list[int] = [0] * n
        self.start: list[int] = [0] * n
        self.end: list[int] = [0] * n
        order, place, start, end = self.order, self.place, self.start, self.end
        for root in range(n):
            if head[root] != root:
                continue
            # (node, step): 0 enters the node, 1 places it, 2 closes its subtree.
            stack = [(root, 0)]
            while stack:
                node, step = stack.pop()
                if step == 0:
                    start[node] = len(order)
                    below = kids.get(node, ())
                    stack.append((node, 2))
                    stack += [(j, 0) for j in reversed(below) if j > node]
                    stack.append((node, 1))
                    stack += [(j, 0) for j in reversed(below) if j < node]
                elif step == 1:
                    place[node] = len(order)
                    order.append(node)
                else:
                    end[node] = len(order)

    def _contiguous(self, index: ParseIndex) -> bool:
        """The order of a projective parse (nearly every one: each subtree a run of the text) without the
        walk: the tokens in text order, each subtree from its left edge to its right edge as spaCy keeps
        them. Taken only once the edges are shown to bound each token's subtree exactly: a token lies
        between its edges, its edges within its head's, and its edges span one token more than its
        children's spans together (then, from the leaves up, every subtree is the run between its
        edges, and runs in text order are what the walk gives). False, nothing set, for any other parse."""
        tokens = index.tokens
        n = len(tokens)
        left = numpy.fromiter(map(_LEFT_EDGE, tokens), dtype=numpy.int64, count=n)
        right = numpy.fromiter(map(_RIGHT_EDGE, tokens), dtype=numpy.int64, count=n)
        head = numpy.array(index.head, dtype=numpy.int64)
        at = numpy.arange(n)
        width = right - left + 1
        below = head != at
        children_width = numpy.bincount(head[below], weights=width[below], minlength=n)
        if not (
            (left <= at).all()
            and (at <= right).all()
            and (left[head] <= left).all()
            and (right <= right[head]).all()
            and (width == children_width + 1).all()
        ):
            return False
        self.order = list(range(n))
        self.place = list(range(n))
        self.start = left.tolist()
        self.end = (right + 1).tolist()
        return True

    def within(self, i: int, j: int) -> bool:
        """Whether token j is in the subtree of token i (i itself included)."""
        return self.start[i] <= self.place[j] < self.end[i]


def subtree_order(index: ParseIndex) -> SubtreeOrder:
    """The index's SubtreeOrder, built on first use."""
    found = index.memo.get("subtree order")
    if found is None:
        found = index.memo["subtree order"] = SubtreeOrder(index)
    return found


def subtree_positions(index: ParseIndex, name: str, wanted: Callable[[int], bool]) -> list[int]:
    """The places in the SubtreeOrder of the tokens for which `wanted` holds, in order, computed once
    per document under `name`: the ones in token i's subtree are those from
    `bisect_left(positions, start[i])` below `end[i]`."""
    found = index.memo.get(name)
    if found is None:
        order = subtree_order(index).order
        found = index.memo[name] = [k for k, i in enumerate(order) if wanted(i)]
    return found


def entity_start(tok: Token) -> int | None:
    """The start of the named entity (of doc.ents) the token is in, or None; doc.ents is read once
    per document (it builds every entity's Span on each access)."""
    index = parse_index(tok.doc)
    bounds = index.memo.get("ents")
    if bounds is None:
        ents = tok.doc.ents
        bounds = index.memo["ents"] = ([e.start for e in ents], [e.end for e in ents])
    starts, ends = bounds
    k = bisect_right(starts, tok.i) - 1
    return starts[k] if k >= 0 and tok.i < ends[k] else None


def head_of(tok: Token) -> Token:
    """The token's head (the token itself for a root), without building a new Token."""
    index = parse_index(tok.doc)
    return index.tokens[index.head[tok.i]]


def child_tokens(tok: Token) -> list[Token]:
    """What `tok.children` gives (in document order), without building new Tokens."""
    index = parse_index(tok.doc)
    tokens = index.tokens
    return [tokens[j] for j in index.kids.get(tok.i, ())]


def children(tok: Token, deps: Iterable[str]) -> list[Token]:
    index = parse_index(tok.doc)
    kids = index.kids.get(tok.i)
    if kids is None:
        return []  # most tokens have no children: no set of `deps` to build
    wanted = deps if isinstance(deps, (set, frozenset)) else set(deps)
    dep, tokens = index.dep, index.tokens
    return [tokens[j] for j in kids if dep[j] in wanted]


def condition_clauses(tok: Token, marks: Iterable[str] = ("if",)) -> list[Token]:
    """The adverbial clauses under a verb that a condition mark opens ("if", "should", "unless"): what
    the verb's act hangs on ("will send troops if Seoul asks")."""
    wanted = frozenset(marks)
    return [
        c
        for c in tok.children
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in wanted for m in c.children)
    ]


def prep_objects(tok: Token, words: Container[str]) -> list[Token | None]:
    """The objects of a word's prepositions among `words`, one per preposition in order (None where the
    parser gave the preposition no object): "troops of North Korea", "the war against Ukraine"."""
    return [first_child(p, ["pobj"]) for p in children(tok, ["prep"]) if p.lower_ in words]


def prep_object(tok: Token, words: Container[str]) -> Token | None:
    """The object of a word's first preposition among `words` (`prep_objects`' first, or None)."""
    return next(iter(prep_objects(tok, words)), None)


def according_to(tok: Token) -> Token | None:
    """Whom an "according to" phrase on a word names as its source ("according to Lima, the transfers
    broke the embargo": Lima)."""
    according = next((p for p in children(tok, ["prep"]) if p.lower_ == "according"), None)
    to = first_child(according, ["prep"]) if according is not None else None
    return first_child(to, ["pobj"]) if to is not None else None


def lemma_guesses(tok: Token) -> tuple[str, ...]:
    """The lemma, then guesses from the word itself for the lemmatiser's slips: it reads "staged" as "stag" and
    "hopes", "hoped" and "hoping" as "hop" (of a verb and that verb less its "e" it takes the shorter)."""
    return _lemma_guesses(tok.lemma_.lower(), tok.lower_)


@lru_cache(maxsize=8192)
def _lemma_guesses(lemma: str, lower: str) -> tuple[str, ...]:
    # Cached: a text's verbs are few words many times ("said", "says").
    out = [lemma, lower]
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
    return tuple(dict.fromkeys(out))


def first_child(tok: Token, deps: Iterable[str]) -> Token | None:
    index = parse_index(tok.doc)
    kids = index.kids.get(tok.i)
    if kids is None:
        return None
    wanted = deps if isinstance(deps, (set, frozenset)) else set(deps)
    dep = index.dep
    for j in kids:
        if dep[j] in wanted:
            return index.tokens[j]
    return None


def object_of(tok: Token) -> Token | None:
    """The direct object (the passive subject for a passive verb; the noun a relative pronoun
    stands for: "troops who were sent")."""
    obj = first_child(tok, OBJECTS) or first_child(tok, PASSIVE_SUBJECTS)
    if obj is not None and obj.lower_ in ("who", "which", "that", "whom") and tok.dep_ == "relcl":
        return tok.head
    if obj is None and misparsed_amod(tok):
        return tok.head  # "Sudan's army bombed positions": the noun the verb was hung on
    if obj is None and tok.dep_ == "acl" and tok.tag_ == "VBN":
        return tok.head  # "missiles launched by Iran"
    if obj is None:
        return free_relative_noun(tok) or object_after_manner(tok)
    return obj


def object_after_manner(tok: Token) -> Token | None:
    """The object the parser hung on a manner phrase before it: "condemned in the strongest terms the
    launch" (an apposition to "terms"), "condemn in the strongest possible terms deepening cooperation"
    (the object of a participle read as a modifier of "terms")."""
    for prep in children(tok, ["prep"]):
        terms = first_child(prep, ["pobj"]) if prep.lower_ == "in" else None
        if terms is None or terms.lemma_ != "term":
            continue
        named = first_child(terms, ["appos"])
        if named is None and (participle := first_child(terms, ["acl"])) is not None:
            named = first_child(participle, OBJECTS)
        return named
    return None


def free_relative_noun(tok: Token) -> Token | None:
    """The noun a "what" clause in a verb's object place names: "fired what it called a new missile",
    "fired what appeared to be ballistic missiles", "seized what officials described as arms"."""
    for clause in children(tok, ["ccomp"]):
        if not any(c.lower_ == "what" and c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in clause.children):
            continue
        named = first_child(clause, ["oprd"])
        be = first_child(clause, ["xcomp"])
        if named is None and be is not None:
            named = first_child(be, ["attr"])  # "what appeared to be missiles"
        as_ = next((p for p in children(clause, ["prep"]) if p.lower_ == "as"), None)
        if named is None and as_ is not None:
            named = first_child(as_, ["pobj"])  # "what officials described as arms"
        said = first_child(clause, ["ccomp"])
        if named is None and said is not None and said.lemma_ == "be":
            named = first_child(said, ["attr"])  # "what they say are arms deliveries"
        return named
    return None


def misparsed_amod(tok: Token) -> bool:
    """A past-tense verb the parser made an adjective of its object ("Azerbaijan massed troops")."""
    return (
        tok.dep_ == "amod" and tok.tag_ in ("VBD", "VBN") and any(c.dep_ in ("nsubj", "npadvmod") for c in tok.children)
    )


def is_verb(tok: Token) -> bool:
    index = parse_index(tok.doc)
    return is_verb_at(index, tok.i)


def is_verb_at(index: ParseIndex, i: int) -> bool:
    """is_verb of the document's token i."""
    pos = index.pos[i]
    return pos == "VERB" or (pos != "AUX" and index.tag[i].startswith("VB"))


def counted(tok: Token | None) -> Token | None:
    """The noun a number or a partitive counts: "10,000 of these soldiers", "some of the North Korean
    soldiers" -> soldiers; otherwise the token. (Takes no lexicon, as is_number: reads the packaged one.)"""
    if tok is not None and (is_number(tok) or tok.lower_ in load_lexicon().partitives):
        of = next((p for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"), None)
        pobj = first_child(of, ["pobj"]) if of is not None else None
        if pobj is not None:
            return pobj
    return tok


def passive_patient(tok: Token) -> Token | None:
    """The patient of a passive verb: its passive subject or, on a passive conjunct with no subject of
    its own ("arrived in Nairobi and was greeted by Ruto"), the subject of the verb it is joined to."""
    patient = first_child(tok, PASSIVE_SUBJECTS)
    if patient is not None or tok.dep_ != "conj" or first_child(tok, ["auxpass"]) is None:
        return patient
    if first_child(tok, SUBJECTS) is not None:
        return None
    return first_child(tok.head, SUBJECTS | PASSIVE_SUBJECTS)


def gerund_after_to(tok: Token) -> bool:
    """A gerund after the preposition "to" ("committed to sending", "the key to building", "opposed
    to sending"): what the word before "to" is committed, key or opposed to."""
    return tok.dep_ == "pcomp" and tok.head.lower_ == "to"


@cache
def _devoted_verbs() -> frozenset[str]:
    # subject_of takes no lexicon (some thirty callers), so it reads the packaged one.
    return load_lexicon().devoted_verbs


def subject_of(tok: Token) -> Token | None:
    """The subject a verb has or inherits (active subject, passive agent's object aside)."""
    seen = 0
    current = tok
    came_by, previous = "", tok  # the link last climbed, and the verb it was climbed from
    if misparsed_amod(tok):
        return first_child(tok, ("nsubj", "npadvmod"))
    index = parse_index(tok.doc)
    while seen < 6:
        seen += 1
        subj = first_child(current, SUBJECTS)
        if subj is not None:
            return subj
        described = _described_subject(current, index) if current.i == tok.i else None
        if described is not None:
            return described
        patient = first_child(current, PASSIVE_SUBJECTS)
        if patient is not None:
            # "North Korea is believed to have sent missiles", "Seoul was asked to mediate": an
            # infinitive under a passive verb is done by the passive's subject.
            # "600 soldiers were killed fighting for Russia": so is a participle of manner, whichever
            # link the parser gives it ("were seen leaving", "have been wounded fighting": xcomp too).
            if current.i != tok.i and (
                (came_by == "xcomp" and is_infinitive(previous))
                or (came_by in ("advcl", "xcomp") and previous.tag_ == "VBG")
                or (came_by == "pcomp" and gerund_after_to(previous) and current.lemma_ in _devoted_verbs())
            ):
                return patient
            return None
        # "accused X of stealing", "X were accused of stealing": X steals.
        dep, head = index.dep[current.i], index.head[current.i]
        # "voted in favour of ratifying the treaty": the voters ratify.
        favour = _in_favour_verb(current, index)
        if favour is not None:
            came_by, current = "pcomp", favour
            continue
        if dep == "pcomp" and index.tokens[head].lower_ == "of" and is_verb_at(index, index.head[head]):
            accuser = index.tokens[index.head[head]]
            return first_child(accuser, OBJECTS) or first_child(accuser, PASSIVE_SUBJECTS)
        # "spent billions on helping refugees", "responded by sending troops": a gerund in the verb's
        # adverbial phrase shares its subject ("arrested X for collaborating" is X's, an allegation).
        if dep == "pcomp" and index.dep[head] == "prep" and is_verb_at(index, index.head[head]):
            if index.tokens[head].lower_ == "for" and first_child(current, ["auxpass"]) is None:
                # "praised Hanoi for helping Laos", "Manila was sanctioned for arming the rebels": the
                # reason is what the one praised or blamed did (as "accused X of" reads it), never the
                # subject's act.
                return _blamed(index.tokens[index.head[head]])
            if index.tokens[head].lower_ in ("for", "of") or first_child(current, ["auxpass"]) is not None:
                return None  # "after being accused": the subject is who was accused, not who accused
            came_by, previous, current = "pcomp", current, index.tokens[index.head[head]]
            continue
        if dep == "pcomp" and index.tokens[head].lower_ == "for" and index.pos[index.head[head]] == "NOUN":
            return _aimed_at(index.tokens[index.head[head]])  # "sanctions on Minsk for supplying Russia"
        if dep in _SUBJECT_INHERIT and head != current.i:
            came_by, previous = dep, current
            current = index.tokens[head]
            if dep == "conj" and misplaced_conjunct(previous):
                current = index.tokens[index.head[head]]
            continue
        return None
    return None


def _described_subject(tok: Token, index: ParseIndex) -> Token | None:
    """ "Officials say soldiers deployed in Kursk have pulled back": the parser makes the participle that
    describes the subject a clause of its own ("soldiers deployed", beside the verb) and leaves the
    verb with no subject. The subject is the participle's, when the participle's words end right
    before the verb's and both hang on the same verb."""
    if index.dep[tok.i] != "ccomp" or first_child(tok, PASSIVE_SUBJECTS) is not None:
        return None
    before = tok.left_edge.i - 1
    for sibling in index.kids.get(index.head[tok.i], ()):
        if sibling >= tok.i or index.dep[sibling] != "ccomp" or index.tag[sibling] != "VBN":
            continue
        participle = index.tokens[sibling]
        subject = first_child(participle, ("nsubj",))
        if subject is not None and participle.right_edge.i == before and subject.i < sibling:
            return subject
    return None


_FINITE_TAGS = frozenset({"VBD", "VBZ"})


def misplaced_conjunct(tok: Token) -> bool:
    """Whether a finite verb hangs as a conjunct on a bare verb inside another's clause: "called on Tehran
    to halt its enrichment and condemned the deliveries", "warned that it could harm ties and called on
    Ottawa". A finite verb cannot share the infinitive's or the modal's frame: it is the outer verb's
    conjunct (its subject, and not what the outer verb asks for or says)."""
    head = tok.head
    return (
        tok.dep_ == "conj"
        and tok.tag_ in _FINITE_TAGS
        and head.tag_ == "VB"
        and head.lemma_ != "be"  # "will be a device that promotes ..., eases ... and guarantees": a list
        and head.dep_ in ("xcomp", "ccomp")
        and head.head.i != head.i
        # "to halt", "could harm"; not "does not recognise X and supports Y", one subject's two verbs
        and any(c.dep_ == "aux" and (c.lower_ == "to" or c.tag_ == "MD") for c in head.children)
    )


def _aimed_at(measure: Token) -> Token | None:
    """Whom a measure is aimed at: "sanctions on / against Minsk"."""
    aimed = [p for p in measure.children if p.dep_ == "prep" and p.lower_ in _AIMED_PREPS]
    return next((o for p in aimed for o in p.children if o.dep_ == "pobj"), None)


def _blamed(judge: Token) -> Token | None:
    """Who a verb praises, blames or punishes "for" an act: its object, or whom the measure it imposes
    is aimed at ("imposed sanctions on Minsk for supplying Russia"), or a passive's subject."""
    obj = first_child(judge, OBJECTS)
    if obj is not None:
        return _aimed_at(obj) or obj
    return first_child(judge, PASSIVE_SUBJECTS)


def _in_favour_verb(tok: Token, index: ParseIndex) -> Token | None:
    """The vote "in favour of" / "in support of" a gerund ("voted in favour of ratifying"): a vote for an
    act does it (a chamber's vote ratifies); speaking in favour of one only asks for it. Else None."""
    verb = _in_favour_head(tok, index)
    return verb if verb is not None and verb.lemma_.lower() == "vote" else None


def _in_favour_head(tok: Token, index: ParseIndex) -> Token | None:
    if index.dep[tok.i] != "pcomp":
        return None
    of = index.tokens[index.head[tok.i]]
    favour = load_lexicon().favour_nouns
    if of.lower_ == "of" and of.i > 0 and tok.doc[of.i - 1].lower_ in favour and is_verb_at(index, index.head[of.i]):
        return index.tokens[index.head[of.i]]  # the parser hangs "of" on the verb
    noun = index.tokens[index.head[of.i]]
    if of.lower_ != "of" or noun.lower_ not in favour or index.dep[noun.i] != "pobj":
        return None
    prep = index.tokens[index.head[noun.i]]
    if prep.lower_ != "in" or not is_verb_at(index, index.head[prep.i]):
        return None
    return index.tokens[index.head[prep.i]]


def small_clause_object(tok: Token) -> Token | None:
    """The object the parser hung on a participle clause: in "detained hundreds of farmers
    marching ...", "hundreds" is parsed as the subject of "marching"."""
    if not is_verb(tok) or first_child(tok, OBJECTS | PASSIVE_SUBJECTS) is not None:
        return None
    for child in tok.children:
        if child.dep_ in ("advcl", "ccomp") and child.tag_ == "VBG" and child.i > tok.i:
            subject = first_child(child, SUBJECTS)
            if subject is not None and subject.i == tok.i + 1 + sum(1 for _ in subject.lefts) - 0 and subject.i > tok.i:
                return subject
    return None


def is_infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and first_child(tok, SUBJECTS) is None


def is_number(tok: Token) -> bool:
    return tok.like_num or tok.pos_ == "NUM" or tok.lower_ in load_lexicon().scale_plurals


@dataclass(frozen=True, slots=True)
class ClauseMood:
    """What the clauses above a word say of its act (`clause_mood`).

    hedged: the act is told with doubt: a modal, a hedging adverb, an `if`, or a governing verb of
    conjecture or hearsay above it ("reports indicate that", "analysts suggest that").
    unrealised: the act is only possible, tried, wished for or supposed, not done: an adverb of
    possibility ("to possibly take part"), an `if`, `unless` or `whether`, or a verb of trying or
    wishing above it ("tried to seize"). Hearsay ("reportedly", "officials believe") and a modal
    alone ("could attack") hedge a clause but tell the act.
    """

    hedged: bool
    unrealised: bool


def clause_mood(token: Token, lex: Lexicon) -> ClauseMood:
    """Whether a word's clause is hedged and whether it is unrealised (`ClauseMood`), read in one walk
    up its head chain (ten steps at most). The unrealised look stops at a noun's clause: "wants to win
    back the land that Baku's troops captured" tells the capture done; a hedge reaches through it."""
    index = parse_index(token.doc)
    dep, lower, lemma, head, kids = index.dep, index.lower, index.lemma, index.head, index.kids
    hedged = unrealised = False
    reaches_unrealised = True
    current = token.i
    for _ in range(10):
        for j in kids.get(current, ()):
            child_dep, low = dep[j], lower[j]
            if child_dep == "mark" and low in lex.subordinators:
                hedged = True
                unrealised = unrealised or reaches_unrealised
            elif child_dep == "aux" and low in lex.hedge_modals:
                hedged = True
            elif child_dep == "advmod":
                hedged = hedged or low in lex.hedge_adverbs
                unrealised = unrealised or (reaches_unrealised and low in lex.possibility_adverbs)
            elif child_dep == "amod" and low in lex.hedge_adverbs:
                hedged = True
        if current != token.i:
            word = lemma[current].lower()
            hedged = (
                hedged
                or word in lex.hedge_verbs
                or word in lex.transparent_hedged
                or (word in lex.hearsay_verbs and _hearsay_source(index, current, lex))
            )
            unrealised = unrealised or (reaches_unrealised and word in lex.transparent_unrealised)
        if head[current] == current or (hedged and (unrealised or not reaches_unrealised)):
            break
        if dep[current] in _NOUN_CLAUSES:
            reaches_unrealised = False
        current = head[current]
    return ClauseMood(hedged=hedged, unrealised=unrealised)


def _hearsay_source(index: ParseIndex, i: int, lex: Lexicon) -> bool:
    """Whether verb i's subject is a source whose saying is hearsay ("reports say", "sources said")."""
    if not is_verb_at(index, i):
        return False
    subject = next((j for j in index.kids.get(i, ()) if index.dep[j] in SUBJECTS), None)
    return subject is not None and index.lemma[subject].lower() in lex.hedge_sources


# The clauses that tell something of a noun ("the troops it sent", "soldiers captured in Kursk"): what is said
# above the noun does not reach into them.
_NOUN_CLAUSES = frozenset({"relcl", "acl"})


def number_value(tok: Token, lex: Lexicon) -> float | None:
    """The value of a number token with its scale word ("1.2 million", "10,000", "five")."""
    text = tok.text.replace(",", "")
    value: float | None
    scales: Mapping[str, float] = lex.claims.get("scales", {})
    glued = GLUED_SCALE.fullmatch(tok.lower_)
    if glued is not None:
        return float(glued.group(1).replace(",", "")) * scales[glued.group(2)]  # "$55bn"
    if _NUMBER_RE.match(tok.text) or re.fullmatch(r"\d+(\.\d+)?", text):
        value = float(text)
    elif tok.lower_ in lex.number_words:
        value = float(lex.number_words[tok.lower_])
    else:
        return None
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    # "1.2 million", "$5 bn"; a one-letter scale must touch the number ("5m", tokenised "5", "m").
    if nxt is not None and nxt.lower_ in scales and (len(nxt.lower_) > 1 or nxt.idx == tok.idx + len(tok.text)):
        value *= scales[nxt.lower_]
    return value


def sentence_text(sent: Span) -> str:
    """A sentence's text without the whitespace (line breaks) spaCy keeps at its end; built once per
    sentence (each event and claim of a sentence asks it, and Span.text joins every token anew)."""
    index = parse_index(sent.doc)
    memo = index.memo.setdefault("sentence text", {})
    key = (sent.start, sent.end)
    found = memo.get(key)
    if found is None:
        text = index.memo.get(DOC_TEXT)  # a slice of the document's text, when a reader left it there
        found = memo[key] = (sent.text if text is None else text[sent.start_char : sent.end_char]).rstrip()
    return found
