"""Numeric claims about the story: troop numbers, casualties, weapons, people displaced or held,
trade between states in money, each with its subject, what is counted, the value or range, the
unit and whether it is hedged.

A number becomes a claim when what it counts is in the lexicon's claim classes (`[claims]` in
data/event_lexicon.toml): "between 180,000 and 400,000 Chinese soldiers", "at least 10,000 of
these soldiers", "$240 billion in trade". People in general count only with a verb of
violence or displacement ("killing at least 40 people", "1.2 million people have fled"), so "a
stadium for 80,000 spectators" or "48 percent inflation" are not claims.

Ranges and bounds: "between A and B" / "A to B" / "A-B" -> (A, B); "at least/more than N" ->
(N, None); "up to/as many as N" -> (None, N); a bare or approximate N ("nearly N" too) -> (N, N), and
approximations ("an estimated", "roughly", "about") hedge the claim.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from spacy.attrs import IS_PUNCT, LIKE_NUM, POS
from spacy.parts_of_speech import NUM
from spacy.tokens import Doc, Span, Token

from extractors.clauses import (
    GLUED_SCALE,
    OBJECTS,
    PASSIVE_SUBJECTS,
    SUBJECTS,
    ParseIndex,
    clause_mood,
    first_child,
    first_conjunct,
    lemma_guesses,
    memo_of,
    number_value,
    parse_index,
    sentence_text,
    subtree_order,
)
from extractors.gazetteer import Gazetteer
from extractors.lexicon import Lexicon, load_lexicon
from extractors.records import Claim
from extractors.resolution import Actor, Resolver, class_antecedent, clause_actors

_SKIP_LABELS = frozenset({"DATE", "TIME", "PERCENT", "ORDINAL"})
# Kinds of figure whose owner an article's next figure of the same kind without one takes ("China's trade with
# Russia rose to $240 billion. Bilateral trade reached $120 billion in the first half": China's; money is trade).
_CARRIED = frozenset({"troops", "casualties", "weapons", "money"})
# How many sentences after its owner's figure an ownerless figure of the kind still takes that owner. In the
# training files an owner carried right came from 1 to 3 sentences before; a figure further on, past other
# paragraphs of a long article, is as likely another party's ("... killing 12 in Kyiv" early, "300 soldiers
# died" of another front twenty sentences on).
_CARRY_SENTENCES = 4
# The prepositions that name the state a sum is traded with, and how a claim's "what" writes them.
_PARTNER_PREPS = {"with": "with", "between": "with", "to": "to", "from": "from"}
# Up to how many people or things "the N ..." is a reference to an earlier count, not a figure of its own.
_REFERRED_MAX = 10
# Kinds of figure whose owner, when nothing near it names one, is the one state the article names: the
# killed, hurt, held and displaced are that state's people (no figure in the news sets is coded ownerless).
_PLACED = frozenset({"casualties", "people"})
# Kinds of people counted: captives counted again in an article are no new claim (stop-42 ruling), but people
# of the same number killed or hurt later are (lexicon harmed_words).
_PEOPLE_KINDS = frozenset({"troops", "casualties", "people"})
# How many times more often than any other the state an article is about is named in it.
_DOMINANT = 3


@dataclass(frozen=True, slots=True)
class _Number:
    first: Token  # first token of the number expression (after any currency symbol)
    last: Token  # last token (the scale word when there is one)
    low: float | None
    high: float | None
    currency: str | None
    approximate: bool


def extract_claims(
    doc: Doc, gazetteer: Gazetteer, *, lexicon: Lexicon | None = None, resolver: Resolver | None = None
) -> list[Claim]:
    lex = lexicon or load_lexicon()
    res = resolver or Resolver(doc, gazetteer, lex)
    claims: dict[Claim, None] = {}  # in order, each once (a set beside a list: no scan of the earlier ones)
    numeric = _numeric_tokens(doc)
    # Whose the article's last troops, casualties or arms figure was, and in which sentence, for a
    # figure whose own sentence names no owner ("Six children were among the 90 civilians hurt" after
    # "... hit Kyiv, killing 12"), up to _CARRY_SENTENCES sentences after it.
    last_owner: dict[str, tuple[str, int]] = {}
    article_state: str | None = None  # "" for none: read once, when a figure first needs it
    places: list[int] = []  # where the article names states and places, read with article_state
    # Captives the article has counted, by owner and number: told again later they are no new claim (stop-42 ruling).
    captives_told: set[tuple[str | None, float | None]] = set()
    # The owner of each noun a figure counted, by its index, for a later part of it ("900 of them").
    owner_of: dict[int, str | None] = {}
    for position, sent in enumerate(res.sentences):
        if not any(numeric[sent.start : sent.end]):
            continue  # no number in it (two sentences in three): no claim
        # The owner the sentence's own words gave an earlier figure of a kind ("killed 18 Russian
        # servicemen and injured 33 others"), for a later one of that kind that only a state named
        # elsewhere in the sentence would own (the British missiles of the strike).
        sentence_owner: dict[str, str] = {}
        for number in _numbers(sent, res.sent_tokens(sent), res.sent_ents(sent), lex):
            found = _claim(number, sent, res, lex)
            if found is None:
                continue
            claim, kind, named, loose, held, captors, each, counted, whole = found
            if whole is not None and owner_of.get(whole) is not None:
                # "Belarus has sent 6,000 soldiers. 900 of them have been killed, Croatia said": the whole's owner.
                claim, named, loose = replace(claim, subject_id=owner_of[whole]), True, False
            if kind in _CARRIED and claim.subject_id is not None:
                if not loose:
                    sentence_owner.setdefault(kind, claim.subject_id)
                elif kind in sentence_owner:
                    claim = replace(claim, subject_id=sentence_owner[kind])
                elif kind in last_owner and position - last_owner[kind][1] <= _CARRY_SENTENCES:
                    # "some 4 million artillery shells of the calibre Ukraine's guns also fire" after North Korea's
                    # shipments: a state the sentence only names elsewhere yields to the owner of the article's
                    # last figure of the kind, up to _CARRY_SENTENCES before.
                    claim = replace(claim, subject_id=last_owner[kind][0])
            if kind in _CARRIED and named and claim.subject_id is not None:
                last_owner[kind] = (claim.subject_id, position)
            else:
                # Soldiers killed or hurt are of the troops counted before too ("Turkey sent 8,000 troops into Syria.
                # Syrian officials said 450 were killed": Turkey's, not the source's), the later of the two owners.
                soldiers = kind == "casualties" and counted is not None and _counts(doc[counted], lex, ("troops",))
                carried = [last_owner[k] for k in (kind, "troops" if soldiers else kind) if k in last_owner]
                if carried:  # only carried kinds are ever stored
                    owner, since = max(carried, key=lambda found: found[1])
                    if position - since <= _CARRY_SENTENCES:
                        claim = replace(claim, subject_id=owner)
            if claim.subject_id is None and kind in _PLACED:
                # "The violence left 46 people dead": no owner named anywhere near the figure; the victims
                # and the held are of the one state the article is about ("... in north-east Delhi").
                if article_state is None:
                    article_state = _article_state(res)
                    places = _place_positions(res)
                owner = article_state
                if not owner:
                    # An article on several states with none leading: the state or place named last before the figure
                    # (the coders gave every such figure an owner, 5 of 5 in the tuning half and news-dev/dev2, the
                    # one named last before in 3), never the state whose arms did the violence ("Russia fired 50
                    # missiles at Kharkiv. ... Attacks with them have killed 24 people": not Russia's dead).
                    owner = _named_before(res, places, number.first, skip=_window_firers(res, position, lex) | captors)
                    owner = owner or ""
                claim = replace(claim, subject_id=(owner or None) if owner not in captors else None)
            told = (claim.subject_id, claim.value_low)
            if told in captives_told and kind in _PEOPLE_KINDS and not lex.harmed_words & set(claim.what.split()):
                continue  # "Kyiv questioned the two North Korean soldiers" after their capture was counted
            if held:
                captives_told.add(told)
            claims.setdefault(claim)
            if counted is not None:
                owner_of[counted] = claim.subject_id
            for other in each:  # "Chile and Peru each sent 1,000 soldiers": Peru's 1,000 as well
                claims.setdefault(replace(claim, subject_id=other))
    return list(claims)


def _article_state(res: Resolver) -> str:
    """The one state an article names, as a state or by its places; else, of an article on several states, the
    one whose towns and regions it names most ("Russian missiles struck Odesa overnight. Eight people were killed":
    the dead are where the violence was, not of the state that did it); "" when none leads."""
    mentions = [info for start, info in res.ent_of.items() if start == info.span.start and info.code is not None]
    ranked = Counter(info.code for info in mentions if info.kind in ("state", "place")).most_common(2)
    if len(ranked) == 1:
        return ranked[0][0]
    if ranked and ranked[0][1] >= _DOMINANT * ranked[1][1]:
        return ranked[0][0]
    ranked = Counter(info.code for info in mentions if info.kind == "place").most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return ""


def _place_positions(res: Resolver) -> list[int]:
    """Where, in order, the article names a state or a place of one."""
    return sorted(
        start for start, info in res.ent_of.items() if start == info.span.start and info.code is not None
        and info.kind in ("state", "place")
    )  # fmt: skip


def _named_before(res: Resolver, places: Sequence[int], tok: Token, *, skip: frozenset[str] | set[str]) -> str | None:
    """The state of the state or place named last before `tok` (none of `skip`), up to _CARRY_SENTENCES sentences
    back."""
    floor = res.sentences[max(0, res.sentence_of[tok.i] - _CARRY_SENTENCES)].start
    for at in reversed(places[: bisect_left(places, tok.i)]):
        if at < floor:
            return None
        code = res.ent_of[at].code
        if code not in skip:
            return code
    return None


def _window_firers(res: Resolver, position: int, lex: Lexicon) -> set[str]:
    """The states that fire or use arms or do violence in the figure's sentence and the _CARRY_SENTENCES before it
    (_sentence_firers of each)."""
    firers: set[str] = set()
    for sent in res.sentences[max(0, position - _CARRY_SENTENCES) : position + 1]:
        firers |= _sentence_firers(sent, res, lex)
    return firers


def _sentence_firers(sent: Span, res: Resolver, lex: Lexicon, *, but: Token | None = None) -> set[str]:
    """Who a sentence names as firing or using arms or doing violence (other than in the clause of ``but``): the
    subject of a verb of firing or violence ("the missiles that Russia fired", "Chile launched a missile attack on
    Peru"), never a pronoun's guess; the holder or "by" phrase of an act of violence or of the use of arms ("Russian
    shelling", "a Russian missile and drone attack", "the use of the missile by Russia")."""
    verbs = lex.claim_words["firing_verbs"] | set(lex.claim_words["violent_verbs"])
    doers = _sentence_violence_doers(sent, res, lex)
    for tok in res.sent_tokens(sent):
        if tok.pos_ == "VERB" and tok is not but:
            if _lemma(tok) in verbs and any(c.dep_ in SUBJECTS or c.dep_ == "agent" for c in tok.children):
                # Not a pronoun's guess ("accusing them of working together to use ..."): a doer the clause names.
                named = (a for a in clause_actors(tok, res, lex) if a.token is None or tok.doc[a.token].pos_ != "PRON")
                doers |= {a.code for a in named if a.kind in ("state", "group", "person") and a.code is not None}
        elif tok.pos_ == "NOUN" and _lemma(tok) in verbs:  # "the use of a KN-23 by Russia"
            for by in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"):
                for pobj in by.children:
                    info = res.entity_at(pobj)
                    if info is not None and info.code is not None:
                        doers.add(info.code)
        if tok.pos_ == "NOUN" and _lemma(tok) in lex.claim_words["violence_nouns"]:
            # "a Russian missile attack", "a Russian missile and drone attack": the holder of the arms named.
            # The parse may make "attack" a conjunct of "missile", the holder that conjunct's.
            shared = [tok.head] if tok.dep_ == "conj" else []
            for kind in (*(c for c in tok.children if c.dep_ == "compound"), *shared):
                for holder in (c for c in kind.children if c.dep_ in ("amod", "poss", "compound")):
                    info = res.entity_at(holder)
                    if info is not None and info.code is not None and info.kind in ("state", "group"):
                        doers.add(info.code)
    return doers


# --------------------------------------------------------------------------------------------
# Number expressions
# --------------------------------------------------------------------------------------------


def _numbers(sent: Span, tokens: Sequence[Token], ents: Sequence[Span], lex: Lexicon) -> Iterator[_Number]:
    cfg = lex.claims
    symbols: Mapping[str, str] = cfg["currency_symbols"]
    words: Mapping[str, str] = cfg["currency_words"]
    scales: Mapping[str, float] = cfg["scales"]
    # "$21bn" is no ordinal or date, whatever NER calls it.
    skip = {
        t.i
        for e in ents
        if e.label_ in _SKIP_LABELS and _really_a_date(e)
        for t in e
        if GLUED_SCALE.fullmatch(t.lower_) is None
    }
    doc = sent.doc
    used: set[int] = set()
    for tok in tokens:
        if tok.i in used or tok.i in skip or not _numeric(tok, scales):
            continue
        spelled = _spelled_number(tok, sent.end, lex)
        if spelled is None and _model_number(tok):
            continue
        value = number_value(tok, lex) if spelled is None else spelled[0]
        dashed = _dashed_range(tok) if value is None else None
        if dashed is not None:
            value = dashed[0]
        if tok.lower_ in scales and tok.i > sent.start and doc[tok.i - 1].lower_ == "a":
            # "more than a million rounds", "half a million people", "a quarter of a million"
            value = (value or float(scales[tok.lower_])) * _fraction_before(doc[tok.i - 1], sent, lex)[0]
        if value is None:
            continue
        last = tok if spelled is None else spelled[1]
        if last.i + 1 < sent.end and doc[last.i + 1].lower_ in lex.claim_words["not_counts_after"]:
            continue  # "152mm shells", "three times the force"
        if spelled is None and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ in scales:
            last = doc[tok.i + 1]
        used.update(range(tok.i, last.i + 1))
        low: float | None = value
        high: float | None = dashed[1] if dashed is not None else value
        # A range: "between 180,000 and 400,000", "20 to 25", "20-25".
        j = last.i + 1
        if j + 1 < sent.end and doc[j].lower_ in lex.claim_words["range_joiners"] and _numeric(doc[j + 1]):
            joiner = doc[j].lower_
            before = doc[tok.i - 1].lower_ if tok.i > sent.start else ""
            if joiner != "and" or before == "between":
                second = number_value(doc[j + 1], lex)
                if second is not None:
                    end = doc[j + 1]
                    if end.i + 1 < sent.end and doc[end.i + 1].lower_ in scales:
                        end = doc[end.i + 1]
                        second = number_value(doc[j + 1], lex)
                    # "20 to 25 billion": the scale of the second number applies to the first.
                    if last.i == tok.i and end.i != j + 1 and second is not None and value < second / 1000:
                        low = value * scales[end.lower_]
                    high = second
                    used.update(range(j, end.i + 1))
                    last = end
        currency = None
        if tok.i > sent.start and doc[tok.i - 1].text in symbols:
            currency = symbols[doc[tok.i - 1].text]
        elif tok.i > sent.start + 1 and doc[tok.i - 1].text == "$" and doc[tok.i - 2].text.upper() == "US":
            currency = "USD"
        elif last.i + 1 < sent.end and doc[last.i + 1].lower_ in words:
            currency = words[doc[last.i + 1].lower_]
        low, high, approximate = _bounds(sent, tok, low, high, lex)
        yield _Number(tok, last, low, high, currency, approximate)


_DASHED_RANGE = re.compile(r"(\d[\d,]*(?:\.\d+)?)[-–](\d[\d,]*(?:\.\d+)?)")
_TIME_WORDS = re.compile(
    r"^(?:\d{4}s?|\d{2}s|year|years|month|months|week|weeks|day|days|decade|decades|century|centuries|"
    r"hour|hours|minute|minutes|today|yesterday|tomorrow|ago|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|spring|summer|autumn|winter|percent|per|cent|%|am|pm|night|morning|evening)$"
)


def _really_a_date(ent: Span) -> bool:
    """NER calls "between 20 and 25" a DATE now and then: a date has a time word or a year in it."""
    if ent.label_ != "DATE":
        return True
    return any(_TIME_WORDS.match(t.lower_) for t in ent)


def _numeric_tokens(doc: Doc) -> list[bool]:
    """By token index, whether the token may be a number (`_numeric` but for its "one"), read from the
    attribute array at once: a sentence with none holds no claim, and its tokens need not be read."""
    if not len(doc):
        return []
    values = doc.to_array([LIKE_NUM, POS, IS_PUNCT])
    numeric = (((values[:, 0] == 1) | (values[:, 1] == NUM)) & (values[:, 2] == 0)).tolist()
    for match in GLUED_SCALE.finditer(doc.text):  # "$55bn": one token, no number to the tagger
        span = doc.char_span(match.start(), match.end())
        if span is not None and len(span) == 1:
            numeric[span.start] = True
    return numeric


def _numeric(tok: Token, scales: Mapping[str, float] | None = None) -> bool:
    """A number token; "one" only before a scale word ("one thousand sappers"), never as a pronoun or
    a determiner ("one of the soldiers")."""
    if tok.lower_ == "one":
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        # "at least one Pantsir-class combat vehicle": a bound makes it a figure.
        bounded = tok.i >= 2 and tok.doc[tok.i - 2 : tok.i].text.lower() == "at least" and tok.dep_ == "nummod"
        return scales is not None and nxt is not None and (nxt.lower_ in scales or bounded)
    return (tok.like_num or tok.pos_ == "NUM" or GLUED_SCALE.fullmatch(tok.lower_) is not None) and not tok.is_punct


def _model_number(tok: Token) -> bool:
    """A name, not a count: "Boeing 737 Max", "the 787-9", "Resolution 2231"."""
    doc = tok.doc
    before = doc[tok.i - 1] if tok.i > 0 else None
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    # "North Korea's 25,000 troops" counts: a possessive before a number of plural things.
    counts_plural = before is not None and before.tag_ == "POS" and after is not None and after.tag_ == "NNS"
    # "has given Moscow 120 howitzers": a place before the number is the receiver, not a maker's name.
    place = before is not None and before.ent_type_ in ("GPE", "NORP") and after is not None and after.tag_ != "HYPH"
    # "On Thursday two people were wounded": a date before the number is no maker's name either.
    dated = before is not None and before.ent_type_ == "DATE" and tok.ent_type_ != "DATE"
    if before is not None and (before.pos_ == "PROPN" or before.tag_ == "POS") and before.text not in ("$", "US$"):
        return not (counts_plural or place or dated)
    if after is None or after.text not in ("-", "–") or tok.i + 2 >= len(doc) or not doc[tok.i + 2].like_num:
        return False
    # "the 787-9" names a model; "25,000-30,000 troops" is a range: its second number is the larger.
    first, second = _plain_number(tok.text), _plain_number(doc[tok.i + 2].text)
    return first is None or second is None or second <= first


def _spelled_number(tok: Token, end: int, lex: Lexicon) -> tuple[float, Token] | None:
    """A number written in words over more than one token, its value and last token: "Twenty-two" (spaCy reads
    "Twenty", "-", "two"), "one hundred and twenty", "twenty-five thousand". Wire copy spells out a number that
    opens a sentence; read word by word such a figure was 2 or 20, or two figures."""
    units = {word: value for word, value in lex.number_words.items() if value < 100 and word != "dozen"}
    scales: Mapping[str, float] = lex.claims["scales"]
    doc = tok.doc
    if tok.lower_ not in units:
        return None
    total, current, last = 0.0, float(units[tok.lower_]), tok
    i = tok.i + 1
    while i < end:
        after_scale = last.lower_ in ("hundred", "thousand")
        joiner = doc[i].lower_ in ("-", "–") or (doc[i].lower_ == "and" and after_scale)  # "two and three": two
        at = i + 1 if joiner else i
        if at >= end:
            break
        word = doc[at].lower_
        if word == "hundred":
            current = max(current, 1.0) * 100
        elif word in units and (after_scale or (units[word] < 10 and current % 100 >= 10 and current % 10 == 0)):
            current += units[word]  # "twenty-two" (a unit after a ten), "a hundred and twenty"
        elif word in scales and len(word) > 1 and scales[word] >= 1000 and not joiner:  # not "m" or "k"
            total, current = total + max(current, 1.0) * scales[word], 0.0
        else:
            break
        last, i = doc[at], at + 1
    if last.i == tok.i:
        return None  # one word: number_value reads it (and its scale word)
    return total + current, last


def _plain_number(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _dashed_range(tok: Token) -> tuple[float, float] | None:
    """ "25,000–30,000" as one token: a range when the second number is the larger."""
    match = _DASHED_RANGE.fullmatch(tok.text)
    if match is None:
        return None
    low, high = _plain_number(match.group(1)), _plain_number(match.group(2))
    return (low, high) if low is not None and high is not None and low < high else None


def _bounds(
    sent: Span, tok: Token, low: float | None, high: float | None, lex: Lexicon
) -> tuple[float | None, float | None, bool]:
    """Apply "at least", "up to", "an estimated" ... written before the number (and its symbol)."""
    cfg = lex.claims
    start = tok.i
    if start > sent.start and not tok.doc[start - 1].is_alpha and not tok.doc[start - 1].is_punct:
        start -= 1  # currency symbol
    if start > sent.start and tok.doc[start - 1].lower_ in ("us",):
        start -= 1
    if start > sent.start and tok.doc[start - 1].is_quote:
        start -= 1  # 'at least “3,000 soldiers”'
    if start > sent.start and tok.doc[start - 1].lower_ == "a" and tok.lower_ in cfg["scales"]:
        start = _fraction_before(tok.doc[start - 1], sent, lex)[1]  # "more than a million", "nearly half a million"
    before = " ".join(t.lower_ for t in tok.doc[max(sent.start, start - 4) : start])
    approximate = any(before.endswith(a) or before.endswith(f"{a} ") for a in lex.approximators) or bool(
        re.search(r"\b(an estimated|estimated|some|about|around|roughly|approximately)$", before)
    )
    particle = start > sent.start and _verb_particle(tok.doc[start - 1], lex)
    if low == high and tok.doc[start - 1 : start].text.lower() != "between" and not particle:
        for phrase in cfg["lower_bounds"]:
            if before.endswith(phrase):
                return low, None, approximate
        for phrase in cfg["upper_bounds"]:
            if before.endswith(phrase):
                return None, high, approximate
    return low, high, approximate


def _fraction_before(article: Token, sent: Span, lex: Lexicon) -> tuple[float, int]:
    """The fraction written before the "a" of "a million" ("half a million", "a quarter of a million"; 1 for none)
    and where the figure's words begin: read alone, "half a million" was a million."""
    fractions: Mapping[str, float] = lex.claims["fractions"]
    word = article.i - 1
    if word > sent.start and article.doc[word].lower_ == "of":
        word -= 1  # "a quarter of a million"
    if word >= sent.start and article.doc[word].lower_ in fractions:
        start = word - 1 if word > sent.start and article.doc[word - 1].lower_ == "a" else word
        return float(fractions[article.doc[word].lower_]), start
    return 1.0, article.i


def _verb_particle(word: Token, lex: Lexicon) -> bool:
    """ "handed over 60 tanks": "over" the particle of the verb before it, no comparator (sixty, not more
    than sixty), as the parse says or, when it hangs "over" on the figure, as a phrasal verb of the lexicon
    ("hand over") right before it says; "sent over 60 tanks" keeps its bound."""
    if word.dep_ == "prt":
        return True
    verb = word.doc[word.i - 1] if word.i > word.sent.start else None
    return verb is not None and verb.pos_ == "VERB" and f"{verb.lemma_.lower()} {word.lower_}" in lex.verbs


# --------------------------------------------------------------------------------------------
# From a number to a claim
# --------------------------------------------------------------------------------------------


class _Found(NamedTuple):
    """The claim a number makes, and what the article's later figures need to know of it."""

    claim: Claim
    kind: str  # "troops", "casualties", "weapons", "people", "money" or "other"
    named: bool  # its sentence names its owner (not only a source that reports it)
    loose: bool  # that owner is only a state named elsewhere in the clause or sentence, not the figure's own words
    held: bool  # it counts people captured or held ("soldiers captured", "prisoners of war", "hostages")
    captors: frozenset[str]  # the states that captured them ("Ukraine captured 40 soldiers"): never their owner
    each: tuple[str, ...]  # the other states that each have as many ("Chile and Peru each sent 1,000 soldiers")
    counted: int | None  # the index of the noun it counts, for a later part of it ("900 of them")
    whole: int | None  # the index of the noun counted before that it is a part of ("900 of them": the soldiers)


def _claim(number: _Number, sent: Span, res: Resolver, lex: Lexicon) -> _Found | None:
    """The claim a number makes (see _Found)."""
    cfg = lex.claims
    casualty_verb = False
    counted = _counted_noun(number, lex)
    counted = _named_model(counted, lex) if counted is not None else None
    if counted is not None and _hyphened_modifier(number, counted):
        return None  # "a 21-gun salute" counts no guns
    verb = _governing_verb(counted or number.first)
    if verb is not None and counted is not None and counted.head.i == verb.i and counted.dep_ in PASSIVE_SUBJECTS:
        verb = _raised_verb(verb, lex)
    verb_lemma = verb.lemma_.lower() if verb is not None else ""
    elided = False
    owner_verb: Token | None = None
    if counted is None and number.currency is None:
        # "casualties have reached about 4,700", "another 1,000 have been injured"
        counted = _measured_total(number.first, verb, lex)
        if counted is None:
            found = _elided_noun(number, verb, lex)
            if found is not None:
                counted, verb = found
                verb_lemma = verb.lemma_.lower()
            else:
                counted = _tally_antecedent(number, verb, lex)
                if counted is None:
                    counted = _levelled_antecedent(number, verb, lex)
                    # "sent troops to Sudan; Khartoum put their number at 9,000": whose they are is in the clause
                    # that names them, not in the one that puts a number on them.
                    owner_verb = _governing_verb(counted) if counted is not None else None
                whole = _whole_of(number, lex) if counted is None else None
                if whole is not None and whole.i < sent.start:
                    # "... sent 6,000 soldiers. Around 900 of them are in hospitals": a part of a figure of an earlier
                    # sentence counts its noun, whatever its verb; in the figure's own sentence it is a breakdown
                    # ("killed 18 people, eight of them children", "6,000 soldiers, 300 of whom have returned").
                    counted = whole
                elif counted is None:
                    # "of the 15,000 soldiers sent to Russia, about 4,700 had become casualties": the whole of an
                    # of-phrase put before the part's own clause, the part the subject of a verb that does something.
                    counted = _fronted_whole(number, verb, lex)
            elided = counted is not None
    number = _over(number, counted, verb, lex)
    # "10,000 containers of artillery shells": the containers count what they hold.
    contents = _contents(counted, lex) if counted is not None else None
    what: str | None = None
    unit: str | None = number.currency
    if number.currency is not None:
        if (number.high or number.low or 0) < float(cfg["min_money"]):
            return None  # "$9.99 a month" is a price
        # The stop-37 ruling: a sum is a claim only as a state's trade, the one sum claim_timeline follows as a
        # series ("China's trade with North Korea fell to $2.18 billion"); aid, loans, pledges, payments, prices,
        # budgets, thefts and the worth of goods are one-off sums the news coders leave uncoded.
        trade_nouns = lex.claim_words["trade_nouns"]
        subject_noun = first_child(verb, SUBJECTS) if verb is not None else None
        if counted is not None and _lemma(counted) in trade_nouns:
            what = _noun_text(counted)
        elif subject_noun is not None and _lemma(subject_noun) in trade_nouns:
            what = _lemma(subject_noun)
            counted = subject_noun
        elif verb_lemma in lex.claims["trade_verbs"]:
            what = lex.claims["trade_verbs"][verb_lemma]  # "sold Moscow over $9 billion of chips"
            counted = None  # "imported $4 billion of Russian coal": the importer's figure, not the coal's origin
        else:
            return None
        if _target(number.first, verb, lex):
            return None  # "aiming to reach $1 billion in trade by 2030": a goal, not a figure (stop-42 ruling)
    else:
        if counted is None or _lemma(counted) in lex.claim_words["kind_nouns"]:
            return None  # "more than 20 types of weapons" counts sorts
        kind = contents or counted
        lemma = _lemma(kind)
        casualty_verb = not _partitive_whole(number, counted) and (
            verb_lemma in lex.claim_words["casualty_verbs"]
            or (verb is not None and (_left_dead(verb, lex) or _hit_by_fire(verb, lex)))
            or _near_casualty_word(number, lex)
            or _among_casualties(counted, verb, number, lex)
        )
        # People named by nationality ("35,000 Palestinians") count like people in general.
        demonym = kind.ent_type_ == "NORP" and not _counts(kind, lex, ("weapons",))  # "10 Koksans" are guns
        if demonym or lemma in lex.claim_words["needs_verb"] or kind.lower_ in lex.claim_words["needs_verb"]:
            # "sent 15,000 workers", "has placed 8,000 North Koreans in Kursk": people moved abroad.
            moved = demonym and first_conjunct(counted).dep_ in OBJECTS | PASSIVE_SUBJECTS
            sent_abroad = verb_lemma in lex.claim_words["dispatch_verbs"] and (moved or _counts(kind, lex, ("troops",)))
            # "of the 11,000 men North Korea had sent": the men a relative clause sends.
            sent_abroad = sent_abroad or any(
                c.dep_ == "relcl" and _lemma(c) in lex.claim_words["dispatch_verbs"] for c in counted.children
            )
            # "6,000 Vietnamese workers are believed to be in Libya": a state's people present in another state.
            sent_abroad = sent_abroad or _present_abroad(kind, verb, res, lex)
            held_abroad = _held_foreigners(counted, verb, res, lex)
            if not casualty_verb and not sent_abroad and not held_abroad and not _military_people(kind, lex):
                return None
        elif not (
            _counts(kind, lex, ("troops", "casualties", "weapons", "people"))
            or _claim_compound(kind, lex)
            or _sent_cargo(kind, verb_lemma, lex)
        ) and not (
            casualty_verb
            # "killed 28 of the 60 passengers": the part is what the verb kills
            and (counted.dep_ in ("dobj", "nsubjpass") or number.first.dep_ in ("dobj", "nsubjpass"))
            and verb_lemma in lex.claim_words["violent_verbs"]
        ):
            return None  # but anyone counted as killed or abducted is a casualty ("two Hezbollah members")
        if lemma in lex.claim_words["ambiguous_weapons"] and not _military(kind, verb_lemma, res):
            return None  # "30 Boeing jets" are an airline's order
        if _sighted_craft(kind, verb_lemma, lex):
            return None  # "45 Chinese military aircraft were detected": craft seen, not sent, fired or lost
        in_line_up = contents is None and _line_up(verb, lex)  # containers that "left" port are in no drill
        if _counts(kind, lex, ("weapons",)) and (in_line_up or _roster(number, counted)):
            return None  # ships in a drill, named ships: no figure of arms
        if _sent_cargo(kind, verb_lemma, lex) and _per_time(counted, verb, lex):
            return None  # "supplies 100,000 barrels a day": a rate of trade, not a figure of arms or fuel sent
        if _held_acting(counted, verb, lex):
            return None  # "1,200 prisoners have launched a hunger strike": the held as a group that acts
        if _office(counted, lex):
            return None  # "three bodies that handle tourism", "six bodies tied to the arms trade": no dead
        if _of_a_disaster(counted, verb, lex):
            return None  # the dead of an earthquake, soldiers sent to help rescuers: no figure of a conflict
        if _breakdown(number, counted) or _shared(counted, res):
            return None  # a part of a figure just given, troops of two states together: no figure of their own
        if _referred_back(number, counted, res):
            return None  # "the two soldiers were taken to Kyiv": counted before, not a new figure
        what = _noun_text(counted) if contents is None else f"{_noun_text(counted)} of {_noun_text(contents)}"
        elided_casualty = counted.lower_ in lex.claim_words["elided_casualties"]  # "4,100 wounded" says it
        if casualty_verb and verb_lemma in _CASUALTY_PARTICIPLES and not elided_casualty:
            # "two soldiers captured" is its own figure, not a count of the soldiers deployed.
            what = f"{what} {_CASUALTY_PARTICIPLES[verb_lemma]}"
        if _increment(number, counted, lex) and not elided:  # "another 1,000 (soldiers) injured" is no addition
            # "3,000 additional soldiers" adds to an earlier total: a series of its own, so that
            # claim_timeline and the claim_change alert never read it as the new total.
            what = f"additional {what}"
        unit = counted.lower_ if counted.tag_ in ("NNS", "NNPS") else unit
    # "13,000 containers being shipped through the North Korean port": whose they are is in the
    # clause that sends them, not in the one that reports them ("Seoul spotted ...").
    cargo_clause = _cargo_clause(counted, lex) if counted is not None and contents is None else None
    kind = _kind(contents or counted, casualty_verb, number, lex)
    # "exports to North Korea rose to $150 million, Chinese customs data showed": whom a sum is traded with is not
    # whose it is.
    partners = _trade_partners(counted, res) if number.currency is not None and counted is not None else frozenset()
    captors = frozenset(_captors(cargo_clause or verb, contents or counted, res, lex))
    subject, named, loose = _subject(
        contents or counted,
        cargo_clause or owner_verb or verb,
        number,
        res,
        lex,
        casualties=kind == "casualties",
        partners=partners,
        captors=captors,
    )
    if number.currency is not None and what:
        # One series per pair: "trade with PRK" and "trade with RUS" are two figures of China's, not one that moved.
        what = _with_partner(what, counted if counted is not None else verb, subject, res)
    hedged = number.approximate or clause_mood(verb or number.first, lex).hedged
    claim = Claim(
        subject_id=subject,
        what=what or "",
        value_low=_clean(number.low),
        value_high=_clean(number.high),
        unit=unit,
        hedged=hedged,
        sentence=sentence_text(sent),
    )
    held_words = lex.claim_words["held_nouns"] | lex.claim_words["held_verbs"]
    held = casualty_verb and verb_lemma in held_words  # "two soldiers captured"; "4,100 captured": the noun
    held = held or (counted is not None and not held_words.isdisjoint(lemma_guesses(contents or counted)))
    # "two soldiers who had been taken prisoner" (what says "captured"), "holds three Chilean sailors".
    held = held or (what is not None and what.rsplit(" ", 1)[-1] in lex.held_participles)
    held = held or (counted is not None and number.currency is None and _held_foreigners(counted, verb, res, lex))
    held = held or (counted is not None and number.currency is None and _taken_prisoner(counted, verb, lex))
    each = _each_also(counted, verb, subject, res, lex) if counted is not None and verb is not None else ()
    whole = _whole_of(number, lex)
    own = contents or counted
    return _Found(
        claim, kind, named, loose, held, captors, each, own.i if own is not None else None, whole.i if whole else None
    )


def _target(tok: Token, verb: Token | None, lex: Lexicon) -> bool:
    """Whether a sum is a goal: in a target noun's phrase ("set a target of $10 billion in trade") or in a clause
    an aim governs ("hopes trade will reach $150 billion", "aims to lift exports to $2 billion")."""
    head = tok
    while head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
        if _lemma(head) in lex.claim_words["target_nouns"]:
            return True
    for _ in range(3):
        if verb is None:
            return False
        if not lex.claim_words["aim_verbs"].isdisjoint(lemma_guesses(verb)):  # "hopes", read "hop" by the lemmatiser
            return True
        verb = verb.head if verb.dep_ in ("xcomp", "ccomp") else None
    return False


def _with_partner(what: str, head: Token | None, subject: str | None, res: Resolver) -> str:
    """What a trade figure counts, with the state it is traded with when the text names one: "trade with PRK"
    ("China's trade with North Korea", "trade between China and Russia"), "exports to RUS", "imports from RUS"."""
    if head is None:
        return what
    for pobj, prep in _partner_words(head):
        actor = next((a for a in res.resolve(pobj, context=False) if a.kind == "state"), None)
        if actor is not None and actor.code != subject:
            return f"{what} {_PARTNER_PREPS[prep]} {actor.code}"
    return what


def _partner_words(head: Token) -> Iterator[tuple[Token, str]]:
    """The words of a trade noun or verb that name whom it trades with, each with its preposition ("trade with
    North Korea", "between China and Russia", "exports to Russia"; "sold Moscow ...": "to")."""
    for prep in (c for c in head.children if c.dep_ in ("prep", "dative", "dobj")):
        if prep.dep_ in ("dative", "dobj") and prep.pos_ == "PROPN":
            yield prep, "to"  # "sold Moscow over $9 billion of chips"
        elif prep.lower_ in _PARTNER_PREPS:
            pobjs = [c for c in prep.children if c.dep_ == "pobj"]
            for pobj in [*pobjs, *(c for p in pobjs for c in p.conjuncts)]:
                yield pobj, prep.lower_


def _trade_partners(noun: Token, res: Resolver) -> frozenset[str]:
    """The states a trade noun is "with" or "to" ("exports to North Korea", "trade with Pyongyang"): never the sum's
    owner. "between China and Russia" names its owner first, "exports from Kazakhstan" names the exporter."""
    return frozenset(
        actor.code
        for pobj, prep in _partner_words(noun)
        if prep in ("with", "to")
        for actor in res.resolve(pobj, context=False)
        if actor.kind == "state"
    )


def _whole_of(number: _Number, lex: Lexicon) -> Token | None:
    """The noun counted before that a figure takes a part of: "900 of them", "6,000 soldiers, 900 of whom",
    "Of these, 900 were killed", "900 of those soldiers". The part is of the whole's owner, not of a state its own
    sentence names (the source that reports it, the place where they fell)."""
    preps = [c for t in (number.first, number.last) for c in t.children if c.dep_ == "prep" and c.lower_ == "of"]
    head = number.first.head
    if head.pos_ in ("VERB", "AUX"):  # "Of these, 900 were killed": "of" on the verb
        preps += [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < number.first.i]
    classes = ("troops", "casualties", "weapons", "people")
    for prep in preps:
        pobj = first_child(prep, ["pobj"])
        if pobj is None:
            continue
        if pobj.lower_ in lex.claim_words["part_pronouns"]:
            return _earlier_counted(number.first, classes, lex)
        if pobj.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("these", "those") for c in pobj.children):
            return _earlier_counted(pobj, classes, lex)  # "those soldiers": the soldiers counted before
    return None


def _fronted_whole(number: _Number, verb: Token | None, lex: Lexicon) -> Token | None:
    """The counted noun of an of-phrase put first before a part that is the subject of a clause of its own, after a
    comma ("of the 15,000 soldiers sent to Russia, about 4,700 had become casualties", "Of the 10,000 troops in
    Russia, 8,000 have been moved to Kursk"), whatever the parse hangs the phrase on; not a part only somewhere ("of
    the 6,000 troops, 2,000 are in Kursk": a verb of being)."""
    if number.first.dep_ not in SUBJECTS | PASSIVE_SUBJECTS or verb is None or _lemma(verb) in ("be", "remain", "stay"):
        return None
    doc, sent = number.first.doc, number.first.sent
    start = number.first.i
    while (
        start > sent.start
        and doc[start - 1].dep_ in ("advmod", "quantmod", "det")
        and doc[start - 1].head.i == number.first.i
    ):
        start -= 1  # "about 4,700"
    if start <= sent.start or doc[start - 1].text != ",":
        return None
    classes = ("troops", "casualties", "weapons", "people")
    for of in reversed(doc[sent.start : start - 1]):
        if of.lower_ != "of" or of.dep_ != "prep":
            continue
        before = doc[of.i - 1] if of.i > sent.start else None
        fronted = before is None or before.is_punct or before.lower_ == "that" or before.dep_ == "mark"
        pobj = first_child(of, ["pobj"])
        if not fronted or pobj is None or not any(c.dep_ == "nummod" for c in pobj.children):
            return None
        return pobj if _counts(pobj, lex, classes) else None
    return None


def _partitive_whole(number: _Number, counted: Token | None) -> bool:
    """ "killed 28 of the 60 people on board": the 60 are the group the part is taken from; what the verb
    says of the 28 (killed, hurt, fled) it does not say of them."""
    if counted is None or not counted.left_edge.i <= number.first.i <= counted.right_edge.i:
        return False  # the part: "28", counting the noun of its of-phrase
    return _part_taken(counted)


def _part_taken(noun: Token) -> bool:
    """Whether a number takes a part of the noun: "28 of the 60 people", "300 of its soldiers"."""
    of = noun.head
    # "28 out of the 60", also with "out" on the verb ("killed 12 out of 40 soldiers"): the number before "out".
    out = of.head.lower_ == "out" and of.head.dep_ == "prep" and of.head.i > 0
    part = noun.doc[of.head.i - 1] if out else of.head
    return noun.dep_ == "pobj" and of.lower_ == "of" and (part.pos_ == "NUM" or part.like_num)


def _hyphened_modifier(number: _Number, counted: Token) -> bool:
    """The number and its noun hyphened into a modifier of another noun ("a 21-gun salute", "a 12-ship
    flotilla"): a name for the thing, not a count of the noun."""
    doc = counted.doc
    hyphen = number.last.i + 1
    return (
        counted.i == hyphen + 1
        and doc[hyphen].text in ("-", "–")
        and counted.dep_ in ("compound", "amod", "nmod")
        and counted.head.i > counted.i
        and counted.head.pos_ in ("NOUN", "PROPN")
    )


def _referred_back(number: _Number, counted: Token, res: Resolver) -> bool:
    """A few people or things the article has counted already, named again with "the" ("the two soldiers
    were taken to Kyiv", "one of the two prisoners"); with its own state it is still a figure ("the two
    North Korean soldiers recently captured", as the news sets code it), and so it is with a relative clause
    of what they did ("two of the five missiles Russia fired at Kharkiv")."""
    doc = number.first.doc
    if number.first.i == 0 or doc[number.first.i - 1].lower_ != "the" or number.low != number.high:
        return False
    if any(c.dep_ == "relcl" for c in counted.children):
        return False
    return number.low is not None and number.low <= _REFERRED_MAX and not _own_states(counted, res)


def _line_up(verb: Token | None, lex: Lexicon) -> bool:
    """Whether a verb, one it is coordinated with or its complement ("were due to take part") is taking part
    in a drill, patrol or flight ("are taking part in the drills", "flew ... and joined two Chinese bombers",
    "are involved in this year's exercises"); arms a verb fires or sends in a drill stay counted."""
    if verb is None:
        return False
    complements = [c for c in verb.children if c.dep_ in ("acomp", "xcomp")]
    complements += [c for tok in complements for c in tok.children if c.dep_ == "xcomp"]
    for tok in (verb, *verb.conjuncts, *complements):
        lemma = _lemma(tok)
        if lemma in lex.claim_words["exercise_verbs"]:
            return True
        if lemma == "take" and any(c.lower_ == "part" and c.dep_ in OBJECTS | {"prt"} for c in tok.children):
            return True
        if lemma not in lex.claim_words["weapon_verbs"] and any(
            prep.dep_ == "prep" and prep.lower_ == "in" and _lemma(pobj) in lex.claim_words["exercise_nouns"]
            for prep in tok.children
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        ):
            return True
    return False


def _sighted_craft(counted: Token, verb_lemma: str, lex: Lexicon) -> bool:
    """Whether counted craft (jets, bombers, ships) are only seen, met or flying: no weapon verb of the clause or of
    a clause on the noun ("the 12 jets Moscow supplied") sends, fires, loses or downs them."""
    if _lemma(counted) not in lex.claim_words["platforms"]:
        return False
    weapon_verbs = lex.claim_words["weapon_verbs"]
    on_noun = (c for c in counted.children if c.dep_ in ("relcl", "acl"))
    return verb_lemma not in weapon_verbs and not any(_lemma(c) in weapon_verbs for c in on_noun)


def _roster(number: _Number, counted: Token) -> bool:
    """ "Gromkiy and Sovershenniy, two of the Russian warships", "two Russian ships, the Lady R and the
    Angara": things counted and named one by one."""
    if number.first.dep_ == "appos" and number.first.head.pos_ == "PROPN":
        return True
    doc = counted.doc
    return any(
        c.dep_ in ("appos", "conj") and c.pos_ == "PROPN" and c.i > counted.i and doc[c.left_edge.i - 1].text == ","
        for c in counted.children
    )


def _kind(counted: Token | None, casualty_verb: bool, number: _Number, lex: Lexicon) -> str:
    """What a claim counts, for carrying an owner from one figure of an article to the next."""
    if number.currency is not None:
        return "money"
    if casualty_verb or (counted is not None and _counts(counted, lex, ("casualties",))):
        return "casualties"
    classes = ("troops", "weapons", "people")
    return next((c for c in classes if counted is not None and _counts(counted, lex, (c,))), "other")


def _among_casualties(counted: Token | None, verb: Token | None, number: _Number, lex: Lexicon) -> bool:
    """ "Six children were among the 90 civilians hurt": part of a group counted as casualties."""
    among = _among(counted, verb, number)
    casualty = lex.claim_words["casualty_verbs"] | lex.claim_words["casualties"]
    return among is not None and any(c.dep_ in ("acl", "amod") and _lemma(c) in casualty for c in among.children)


_CASUALTY_PARTICIPLES = {
    "kill": "killed",
    "die": "killed",
    "claim": "killed",
    "massacre": "killed",
    "murder": "killed",
    "execute": "killed",
    "wound": "wounded",
    "injure": "injured",
    "hurt": "hurt",
    "lose": "lost",
    "capture": "captured",
    "abduct": "abducted",
    "kidnap": "kidnapped",
    "detain": "detained",
    "jail": "jailed",
    "imprison": "imprisoned",
    "deport": "deported",
    "expel": "expelled",
}


def _increment(number: _Number, counted: Token, lex: Lexicon) -> bool:
    """Whether the figure is an addition ("3,000 additional soldiers", "another 3,000 troops",
    "3,000 more troops", "a further 1,500"), not a total. "more than 3,000" is a bound, not this."""
    doc = number.first.doc
    modifiers = lex.claim_words["increment_modifiers"]
    if any(c.dep_ in ("amod", "advmod") and c.lower_ in modifiers for c in counted.children):
        return True
    after = doc[number.last.i + 1] if number.last.i + 1 < len(doc) else None
    if after is not None and after.lower_ == "more" and after.i < counted.i:
        return True
    before = " ".join(t.lower_ for t in doc[max(0, number.first.i - 2) : number.first.i])
    return any(before == phrase or before.endswith(f" {phrase}") for phrase in lex.claim_words["increment_before"])


def _sent_cargo(noun: Token, verb_lemma: str, lex: Lexicon) -> bool:
    """ "sent at least 10,000 containers to Russia", "the 1,000 containers Pyongyang has shipped":
    containers sent by a weapon verb (the clause's or a relative clause's) count the arms they hold."""
    if _lemma(noun) not in lex.claims["cargo_nouns"] and noun.lower_ not in lex.claims["cargo_nouns"]:
        return False
    return verb_lemma in lex.claim_words["weapon_verbs"] or _cargo_clause(noun, lex) is not None


def _per_time(noun: Token, verb: Token | None, lex: Lexicon) -> bool:
    """Whether a count is given per unit of time ("barrels a day", "barrels per day", "barrels daily"), on the
    counted noun or on its verb."""
    units, distributive = lex.claim_words["rate_units"], lex.claim_words["distributive_determiners"]
    for holder in (noun, verb) if verb is not None else (noun,):
        for child in holder.children:
            if child.dep_ == "advmod" and child.lower_ in lex.claim_words["rate_adverbs"]:
                return True
            each = child.dep_ == "npadvmod" and any(
                d.lower_ in distributive or d.lower_ in ("a", "an") for d in child.children
            )
            per = child.dep_ == "prep" and child.lower_ == "per"
            targets = [child] if each else [c for c in child.children if c.dep_ == "pobj"] if per else []
            if any(_lemma(t) in units for t in targets):
                return True
    return False


def _cargo_clause(noun: Token, lex: Lexicon) -> Token | None:
    """The relative clause that sends counted containers ("containers Pyongyang has shipped")."""
    if _lemma(noun) not in lex.claims["cargo_nouns"] and noun.lower_ not in lex.claims["cargo_nouns"]:
        return None
    for clause in (c for c in noun.children if c.dep_ in ("relcl", "acl")):
        if _lemma(clause) in lex.claim_words["weapon_verbs"]:
            return clause
        # "containers going from North Korea to Russia": moved between named states.
        if _lemma(clause) in lex.claim_words["transport_verbs"] and any(
            p.dep_ == "prep" and p.lower_ in ("from", "to") and any(o.ent_type_ == "GPE" for o in p.subtree)
            for p in clause.children
        ):
            return clause
    return None


def _present_abroad(noun: Token, verb: Token | None, res: Resolver, lex: Lexicon) -> bool:
    """ "6,000 Vietnamese workers are in Libya", "3,000 Cuban troops serve in Venezuela": people of the
    troops class (workers, soldiers) named by their own state, whose clause places them in another state: a
    presence abroad, as a deployment is. Refugees and civilians abroad are not the troops class."""
    if verb is None or _lemma(verb) not in lex.claim_words["abroad_verbs"] or not _counts(noun, lex, ("troops",)):
        return False
    own = {a.code for a in _own_states(noun, res)}
    if not own:
        return False
    doc = noun.doc
    for i in _places(verb, lex):
        info = res.entity_at(doc[i])
        if info is not None and info.code is not None and info.kind in ("state", "place") and info.code not in own:
            return True
    return False


def _military_people(noun: Token, lex: Lexicon) -> bool:
    """ "five thousand military builders": people of the troops class named military by a modifier."""
    return _counts(noun, lex, ("troops",)) and any(
        c.dep_ in ("amod", "compound") and c.lower_ in lex.claim_words["military_modifiers"] for c in noun.children
    )


def _military(noun: Token, verb_lemma: str, res: Resolver) -> bool:
    lex = res.lex
    """Whether counted jets, drones or ships are military: a military word or a state before them,
    or a verb of force."""
    if _lemma(noun) in lex.claim_words["munition_counts"]:
        # "500,000 122mm rounds", "nine million rounds of artillery ammunition"; not "three rounds of talks"
        words = lex.claim_words["munition_words"]
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        held = first_child(of, frozenset({"pobj"})) if of is not None else None
        named = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
        named += [held, *held.conjuncts] if held is not None else []
        return any(t.lower_ in words or _lemma(t) in words for t in named)
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    load = first_child(of, frozenset({"pobj"})) if of is not None else None
    if load is not None and not _counts(load, lex, ("weapons", "troops")):
        return False  # "two planes of humanitarian aid", "three ships of grain": what they carry is no arms
    if verb_lemma in lex.claim_words["weapon_verbs"]:
        return True
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.lower_ in lex.claim_words["military_modifiers"]:
            return True
        info = res.entity_at(child)
        if info is not None and info.kind in ("state", "group") and child.dep_ in ("amod", "compound", "poss"):
            return True
    return False


def _clean(value: float | None) -> float | None:
    if value is None:
        return None
    # "4.1 billion" is 4.1 * 1e9 = 4099999999.9999995 in floating point: keep the digits written.
    value = float(f"{value:.12g}")
    return int(value) if value.is_integer() else value


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _counted_noun(number: _Number, lex: Lexicon) -> Token | None:
    """What the number counts: "10,000 of these soldiers", "400,000 Chinese soldiers", "$5 billion in
    development loans", "a $3 billion loan", "systems worth €500 million"."""
    tok = number.first
    doc = tok.doc
    # "10,000 of these soldiers", "$1.2 billion in humanitarian aid"
    # The number's own tokens, and the "$" or "billion" spaCy may hang it from (a list: tokens hash
    # by address, so a set would iterate in a different order each run).
    money_head = tok.head.text in lex.claims["currency_symbols"] or tok.head.lower_ in lex.claims["scales"]
    anchors = [tok] + [t for t in (number.last, tok.head if money_head else tok) if t.i != tok.i]
    after = doc[number.last.i + 1] if number.last.i + 1 < len(doc) else None
    out = after is not None and after.lower_ == "out" and after.dep_ == "prep" and after.head.i in (tok.i, tok.head.i)
    for anchor in anchors:
        for child in [*anchor.children, *([after] if out and anchor is tok else [])]:
            if child.dep_ == "prep" and child.lower_ == "out" and child.i == number.last.i + 1:
                # "8,000 out of 10,000 soldiers", "killed 12 out of 40 soldiers": as "8,000 of", not a ratio ("three
                # out of every ten soldiers").
                of = first_child(child, ["prep"])
                whole = first_child(of, ["pobj"]) if of is not None and of.lower_ == "of" else None
                if whole is None or any(
                    c.lower_ in lex.claim_words["distributive_determiners"] for c in whole.children
                ):
                    continue
                child = of
            if child.dep_ == "prep" and child.lower_ in ("of", "in", "worth") and child.i > number.last.i:
                pobj = first_child(child, ["pobj"])
                if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and _held_in(child, pobj, number, lex):
                    return pobj
    head = tok.head
    # "$" heads "$5 billion" in spaCy's parse; the noun it modifies is one step up.
    within = number.first.i < head.i <= number.last.i  # "One hundred and twenty": "One" hangs on "hundred"
    if head.text in lex.claims["currency_symbols"] or head.lower_ in lex.claims["scales"] or within:
        if head.dep_ in ("compound", "nmod", "amod", "nummod") and head.head.pos_ in ("NOUN", "PROPN"):
            return _held_money(head.head, lex)
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "in"):
                pobj = first_child(child, ["pobj"])
                if pobj is not None:
                    return pobj
        head = head.head if head.dep_ in ("quantmod",) else head
    if tok.dep_ in ("nummod", "quantmod", "compound", "amod") and head.pos_ in ("NOUN", "PROPN"):
        if _over_a_time(tok):
            return None  # "wounded 40 over three days": the days have their own number
        return head
    # "worth €500 million": worth's head
    if head.lower_ == "worth" and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head
    # "600 dead", "1,000 wounded": the casualty word after the number is what it counts.
    j = number.last.i + 1
    linked = j < len(doc) and (doc[j].head.i in (tok.i, number.last.i) or number.last.head.i == j)
    if linked and doc[j].lower_ in lex.claim_words["casualties"]:
        return doc[j]
    # The noun right after the number expression ("between 20 and 25 short-range ballistic missiles").
    while j < len(doc) and doc[j].pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT") and doc[j].text not in (",", ".", ";"):
        modifier = doc[j].dep_ in ("compound", "amod", "nmod", "npadvmod") and doc[j].head.i > j
        if doc[j].pos_ in ("NOUN", "PROPN") and not modifier:
            return doc[j]
        j += 1
    misread = _participle_misread(number)
    if misread is not None:
        return misread
    return None


def _participle_misread(number: _Number) -> Token | None:
    """ "delivered 50 howitzers and 20 upgraded 240mm rocket launchers": a participle the parse made the verb of a
    second conjunct, with the number its subject and the counted noun its object; the number counts that object."""
    verb = number.first.head
    adjacent = number.first.dep_ in SUBJECTS and verb.i == number.last.i + 1
    if not adjacent or verb.tag_ not in ("VBN", "VBD") or verb.dep_ != "conj":
        return None
    return next((c for c in verb.children if c.dep_ in OBJECTS and c.pos_ == "NOUN"), None)


def _over_a_time(tok: Token) -> bool:
    """ "killed 77 and wounded 40 over three days": a figure the parse hangs on a span of time that has a
    number of its own between them."""
    head = tok.head
    return (
        head.i > tok.i + 1
        and bool(_TIME_WORDS.match(head.lower_))
        and any(c.dep_ == "nummod" and tok.i < c.i < head.i for c in head.children)
    )


def _held_in(prep: Token, pobj: Token, number: _Number, lex: Lexicon) -> bool:
    """ "$240 billion in trade" is what is counted; "five more in a gunfight" is where: a bare number's
    "in" phrase counts only a noun of a claim class or of trade (the one sum that is a claim)."""
    if prep.lower_ == "of" or number.currency is not None:
        return True
    return _lemma(pobj) in lex.claim_words["trade_nouns"] or _counts(pobj, lex, ("troops", "casualties", "weapons"))


def _named_model(counted: Token, lex: Lexicon) -> Token:
    """ "50 M-1978 Koksan self-propelled howitzers": a model's name the parse makes the counted noun
    modifies the noun of a claim class it names."""
    classes = ("troops", "weapons", "casualties", "people")
    head = counted.head
    named = counted.text[:1].isupper() or any(ch.isdigit() for ch in counted.text)
    if (
        named
        and counted.dep_ in ("nmod", "compound")
        and head.i > counted.i
        and head.pos_ == "NOUN"
        and not _counts(counted, lex, classes)
        and _counts(head, lex, classes)
    ):
        return head
    return counted


def _held_money(noun: Token, lex: Lexicon) -> Token:
    """ "eight billion dollars of military aid": the currency word counts what it is "of" or "in"."""
    if noun.lower_ not in lex.claims["currency_words"]:
        return noun
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "in")), None)
    pobj = first_child(prep, ["pobj"]) if prep is not None else None
    return pobj if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") else noun


def _raised_verb(verb: Token, lex: Lexicon) -> Token:
    """ "100 villagers are reported to have been killed": what is said of the subject of a verb of report
    or belief is in its infinitive clause."""
    for _ in range(3):
        if _lemma(verb) not in lex.claim_words["raising_verbs"]:
            break
        inner = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if inner is None:
            break
        verb = inner
    return verb


def _governing_verb(tok: Token) -> Token | None:
    current = tok
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") and current.i != tok.i:
            return current
        if current.head.i == current.i:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
    return None


def _near_casualty_word(number: _Number, lex: Lexicon) -> bool:
    """ "claimed the lives of", "killing", "dead" around the number."""
    doc = number.first.doc
    window = doc[max(0, number.first.i - 5) : min(len(doc), number.last.i + 4)]
    casualty = lex.claim_words["casualties"] | lex.claim_words["casualty_verbs"]
    return any(t.lemma_.lower() in casualty or t.lower_ in casualty for t in window)


def _noun_text(tok: Token) -> str:
    mods = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i and c.ent_type_ not in ("NORP", "GPE")]
    start = min([tok.i, *[m.i for m in mods]])
    return tok.doc[start : tok.i + 1].text.lower()


def _subject(
    counted: Token | None,
    verb: Token | None,
    number: _Number,
    res: Resolver,
    lex: Lexicon,
    *,
    casualties: bool = False,
    partners: frozenset[str] = frozenset(),
    captors: frozenset[str] = frozenset(),
) -> tuple[str | None, bool, bool]:
    """Whose troops, casualties, money. In order: the counted phrase's own state ("North Korean
    troops", "troops from North Korea", "Chinese soldiers"); the total the figure measures ("the total
    North Korean deployment to 14,000 troops", "Russia's losses exceeded 700,000"); the state of an
    earlier mention of the same kind ("these soldiers"); the victims' place; the clause's own actor
    ("Japan pledged ... $5 billion"); a state the clause or the sentence names. A source that reports
    the figure ("..., South Korea's intelligence service said", "according to Kyiv") is its subject
    only when nothing else is: who says a number is not what it counts. The states that captured the counted
    people (`captors`) own them never."""
    sent = res.sent(number.first)
    speakers = _speaker_tokens(sent, verb, res, lex)
    reported: list[str] = []

    def first_code(actors: list[Actor], *, own: bool = False) -> str | None:
        for actor in actors:
            if _reporter(actor, res, lex) or actor.code in partners or actor.code in captors:
                continue  # "a Reuters journalist counted the bodies": the outlet's state owns no figure
            if actor.token in speakers and not own:
                reported.append(actor.code)
            else:
                return actor.code
        return None

    if counted is not None:
        # "Israel said 12 of its soldiers were killed": the counted words' own owner, though it is the source too.
        found = first_code(_own_states(counted, res), own=True)
        if found:
            return found, True, False
        if counted.dep_ == "appos" and counted.head.pos_ == "NOUN":  # not a name ("shipped to Russia 13,000 ...")
            # "North Korea's deployment (some 12,000 troops)", "Chinese forces, some 2,000 soldiers,": the owner of
            # the noun the figure stands beside, not the source that confirms it.
            found = first_code(_own_states(counted.head, res), own=True)
            if found:
                return found, True, False
        # "some of the 10,000 soldiers North Korea has sent to the front": the relative clause's sender.
        owning = lex.claim_words["sender_verbs"] | lex.claim_words["firing_verbs"]  # "the 45 drones Russia launched"
        sending = next((c for c in counted.children if c.dep_ == "relcl" and _lemma(c) in owning), None)
        if sending is not None and _lemma(sending) not in lex.claim_words["sender_verbs"]:
            # "has supplied Russia with 4 million shells, which Russian forces are firing": who hands the arms over
            # owns them, not who fires them after.
            handing = _handing_verb(counted, lex)
            if handing is not None:
                found = first_code(clause_actors(handing, res, lex))
                if found:
                    return found, True, False
        sender = first_child(sending, SUBJECTS) if sending is not None else None
        if sending is not None and sender is not None and sender.lower_ not in ("who", "which", "that"):
            found = first_code(res.resolve(sender, context=False))
            if found:
                return found, True, False
    # "put casualties at about 4,700 among the 15,000 North Korean soldiers": the casualties of those.
    among = _among(counted, verb, number)
    if among is not None:
        found = first_code(_own_states(among, res))
        if found:
            return found, True, False
    measured = _measured_total(counted or number.first, verb, lex, any_noun=True)
    if measured is not None and measured is not counted:
        found = first_code(_own_states(measured, res))
        if found:
            return found, True, False
    # "the Ukrainian military lost 76,000 troops (killed and wounded)": the loser's troops, whichever
    # were named before (the parse may make the troops the subject of "killed" under "lost").
    owner = None
    # A bare figure that counts a noun named before it ("Russia has lost 600,000 soldiers, while Ukraine
    # has lost 400,000") has its own place in its own clause: the loser or sender is that clause's.
    figure = counted
    if counted is not None and not counted.left_edge.i <= number.first.i <= counted.right_edge.i:
        figure = number.first
    if figure is not None:
        owner = figure.head if figure.dep_ in OBJECTS else None
        if figure.dep_ in SUBJECTS and figure.head.dep_ in ("advcl", "acl", "xcomp", "ccomp"):
            owner = figure.head.head
    if owner is not None and _lemma(owner) in lex.claims["owner_verbs"]:
        found = first_code(clause_actors(owner, res, lex))
        if found:
            return found, True, False
    # "North Korea has sent 15,000 troops to Russia", "Pyongyang has given Moscow 120 howitzers": whoever
    # sends troops or hands over arms is whose they are, whatever troops were named before.
    # "given Moscow 120 howitzers and 120 rocket systems": the second of two objects too.
    handed_object = first_conjunct(figure) if figure is not None else None
    handed = (
        handed_object is not None
        and handed_object.dep_ in OBJECTS
        and _lemma(handed_object.head) in lex.claim_words["sender_verbs"]
    )
    if handed and handed_object is not None and any(lex.in_class(counted, c) for c in ("troops", "weapons")):
        found = first_code(clause_actors(handed_object.head, res, lex))
        if found:
            return found, True, False
    armed = counted is not None and any(lex.in_class(counted, c) for c in ("troops", "weapons"))
    sending = _sent_along(counted, lex) if armed and counted is not None else None
    if sending is not None:
        # "has sent Russia containers able to hold 5 million shells", "has given Moscow missiles in addition to 1
        # million shells": arms or troops inside what a verb of sending sends are the sender's.
        found = first_code(clause_actors(sending, res, lex))
        if found:
            return found, True, False
    if counted is not None and (armed or _counts(counted, lex, ("weapons",))):  # "rounds" of ammunition too
        found = first_code(_sender(counted, verb, res, lex))
        if found:
            return found, True, False

    if counted is not None and counted.lower_ in lex.claim_words["elided_casualties"]:
        # "600 North Korean soldiers have been killed and more than 4,100 wounded": the wounded are of
        # the soldiers counted before them in the sentence.
        for earlier in reversed(list(sent.doc[sent.start : counted.i])):
            numbered = any(c.pos_ == "NUM" or c.like_num for c in earlier.children)
            if numbered and earlier.pos_ == "NOUN" and _counts(earlier, lex, ("troops", "people")):
                found = first_code(_own_states(earlier, res))
                if found:
                    return found, True, False
                break
    if counted is not None and verb is not None and _counts(counted, lex, ("weapons",)):
        # "up to 12 missiles were fired into the Kursk region" after "a Ukrainian strike in Kursk": arms fired with no
        # firer named are of the state whose act of violence the article named last, not of their maker or target.
        found = _unnamed_firer(counted, verb, res, lex)
        if found is not None:
            return found, True, False
    if counted is not None and any(lex.in_class(counted, c) for c in ("troops", "weapons", "police")):
        # "these soldiers": an earlier mention, but not the source's own forces ("South Korea's
        # military estimates that the North has lost 4,000 soldiers").
        sources = {a.code for i in speakers for a in res.resolve(sent.doc[i], context=False)}
        found = first_code([a for a in class_antecedent(counted, res, lex) if a.code not in sources])
        if found:
            return found, True, False
    # "condemned the raid by Boko Haram fighters on a Cameroonian market as the fighting ended with 31 people
    # dead": whoever the sentence names as doing the violence is not whose the dead are, wherever the act is named.
    doers = (_sentence_violence_doers(sent, res, lex) if casualties else set()) | captors
    if verb is not None:
        lemma = verb.lemma_.lower()
        victims = lemma in lex.claim_words["victim_verbs"]
        # "an attack in Mali that left 50 people dead": the people a clause leaves dead or hurt are victims too.
        left = (c for c in (*verb.children, *(counted.children if counted is not None else ())))
        victims = victims or (lemma == "leave" and any(c.lower_ in lex.claim_words["elided_casualties"] for c in left))
        # "killed in Israel's offensive", "wounded by Pakistani fire": who did the violence is not whose the
        # dead and hurt are.
        doers |= _violence_doers(verb, res, lex) if victims else set()
        if counted is not None and _counts(counted, lex, ("weapons",)):
            # "Kyiv said it shot down 40 drones": who stops the arms is not whose they are; nor who gets them,
            # sender named or not ("Venezuela has received 2 million shells").
            if _intercepted(counted, verb, lex):
                doers |= {a.code for a in clause_actors(verb, res, lex)}
            if _received(counted, verb, lex):
                doers |= {a.code for a in clause_actors(verb, res, lex)} | {a.code for a in _raised_subject(verb, res)}
        if victims and not (counted is not None and _counts(counted, lex, ("troops",))):
            # Where soldiers fall is not whose they are ("nine soldiers died in Russia's Kursk region").
            located = res.location_state(counted or number.first) or res.location_state(verb)
            if located is not None and located.code not in doers:
                return located.code, True, False
        actors = clause_actors(verb, res, lex)
        if victims and actors and counted is not None and _counts(counted, lex, ("people",)):
            # "Russia hit Kharkiv with missiles, killing two people": the people are of the place struck,
            # not of the striker.
            struck = _struck_state(verb, {a.code for a in actors}, speakers, res)
            if struck is not None:
                return struck, True, False
        if counted is not None and counted.dep_ in SUBJECTS and counted.head.i == verb.i:
            # The counted phrase the clause's subject: its own words name no state (read above), so the
            # resolver guessed from the context; not where they are ("1,500 special forces were training
            # in Russia's Far East" after "Pyongyang had launched a deployment").
            where = _places(verb, lex)
            if any(lex.in_class(counted, c) for c in ("troops", "weapons")):
                where |= _located(counted, None, lex)  # "1,500 special forces in training in Russia's Far East"
            placed = {a.code for i in where for a in res.resolve(sent.doc[i], context=False)}
            actors = [a for a in actors if a.code not in placed]
        found = first_code([a for a in actors if a.code not in doers]) or first_code(
            [a for a in _raised_subject(verb, res) if a.code not in doers]
        )
        if found:
            return found, True, False
        if counted is not None and _counts(counted, lex, ("weapons",)):
            found = first_code(_fired_from(verb, res, lex))  # "100 rockets were fired from Gaza"
            if found:
                return found, True, False
        for child in verb.children:
            if child.dep_ in OBJECTS or (child.dep_ == "prep" and child.lower_ not in lex.place_preps):
                for sub in child.subtree:
                    info = res.entity_at(sub)
                    named = info is not None and info.code is not None and info.kind in ("state", "group")
                    if named and sub.i not in speakers and info.code not in doers | partners:
                        return info.code, True, True
    # Where troops or arms are sent is not whose they are ("3,000 soldiers were sent to Russia").
    destinations = _destinations(verb, lex)
    named: list[tuple[Token, str]] = []
    troops = counted is not None and _counts(counted, lex, ("troops",))
    for tok in res.sent_tokens(sent):
        info = res.entity_at(tok)
        if troops and info is not None and info.kind == "person" and info.code is not None and tok.i in speakers:
            # "Some 76,000 troops are involved in the manoeuvres, Shoigu said": a named official who reports troops
            # no state of the sentence owns reports his state's (a source only when nothing else is).
            reported.append(info.code)
            continue
        if info is not None and info.code is not None and info.kind in ("state", "group") and tok.i not in destinations:
            if info.code in doers or info.code in partners:
                continue
            if tok.i not in speakers:
                named.append((tok, info.code))
            else:
                reported.append(info.code)
    if named and counted is not None and any(lex.in_class(counted, c) for c in ("troops", "weapons")):
        # "Pyongyang launched a deployment, saying 1,500 special forces in training in Russia's Far East would head
        # to the front": where troops or arms are is not whose they are, while the sentence names another state.
        located = _located(counted, verb, lex)
        elsewhere = [(tok, code) for tok, code in named if tok.i not in located]
        named = elsewhere or named
    if named:
        return _sentence_state(named, counted, number), True, True
    return (reported[0] if reported else None), False, True


def _located(counted: Token, verb: Token | None, lex: Lexicon) -> set[int]:
    """The tokens of the places the counted phrase or its verb puts them in ("forces in training in Russia's Far
    East", "troops stationed near the border with China")."""
    holders = [*counted.subtree, *([verb] if verb is not None else [])]
    preps = (c for tok in holders for c in tok.children if c.dep_ == "prep" and c.lower_ in lex.place_preps)
    return {t.i for prep in preps for t in prep.subtree}


def _sentence_state(named: Sequence[tuple[Token, str]], counted: Token | None, number: _Number) -> str:
    """Of the states a sentence names (in order, none the figure's source), the one a figure with no owner of its own
    goes to: one in the counted phrase ("90 people in the Chadian town of Abeche"), else the nearest before the
    figure ("the raid with Belgian rifles killed 12 Malian soldiers and hurt 20 others": the 20 are Mali's), else the
    first. Never one that is only where something goes ("shipped crates, apparently to Peru, that could have held 3
    million rounds"): a destination is not an owner."""
    owners = [(tok, code) for tok, code in named if not (tok.dep_ == "pobj" and tok.head.lower_ in ("to", "into"))]
    if counted is not None:
        inside = next((code for tok, code in owners if counted.left_edge.i <= tok.i <= counted.right_edge.i), None)
        if inside is not None:
            return inside
    before = [code for tok, code in owners if tok.i < number.first.i]
    return before[-1] if before else named[0][1]


def _each_also(counted: Token, verb: Token, subject: str | None, res: Resolver, lex: Lexicon) -> tuple[str, ...]:
    """The other states of a coordinated subject that "each" gives the same figure ("Chile and Peru each sent 1,000
    soldiers", "sent 1,000 soldiers each"): one figure per state, not only the first's."""
    actor = first_child(verb, SUBJECTS)
    if subject is None or actor is None or not actor.conjuncts:
        return ()
    if not any(c.lower_ == "each" for t in (verb, actor, counted) for c in t.children):
        return ()
    codes = (a.code for a in clause_actors(verb, res, lex))
    return tuple(dict.fromkeys(c for c in codes if c is not None and c != subject))


def _captors(verb: Token | None, counted: Token | None, res: Resolver, lex: Lexicon) -> set[str]:
    """The states that capture the people a clause counts ("Ukrainian troops captured 40 soldiers"): never theirs."""
    if verb is None or verb.lemma_.lower() not in lex.claim_words["captor_verbs"]:
        return set()
    if first_child(verb, PASSIVE_SUBJECTS) is not None and not any(c.dep_ == "agent" for c in verb.children):
        return set()  # "two North Korean soldiers had been captured": no captor named (the captives are no doer)
    # "The two Eritrean soldiers captured near Humera were flown ...", parsed with the soldiers as the subject.
    captives = range(counted.left_edge.i, counted.right_edge.i + 1) if counted is not None else range(0)
    return {a.code for a in clause_actors(verb, res, lex) if a.token not in captives}


def _reporter(actor: Actor, res: Resolver, lex: Lexicon) -> bool:
    """Whether an actor is an organisation that reports or studies figures (a news agency or outlet, a think
    tank), by the role the gazetteer gives it: coded by its country, it is still nobody's figure's owner."""
    if actor.kind != "organisation" or actor.entity_id is None:
        return False
    entity = res.gaz.entity(actor.entity_id)
    return entity is not None and entity.role_names(lex.claim_words["reporter_roles"])


def _intercepted(counted: Token, verb: Token, lex: Lexicon) -> bool:
    """Whether the arms counted are the object of a verb that stops or destroys them ("shot down 40 drones",
    "intercepted 25 of the 30 missiles")."""
    if first_conjunct(counted).dep_ not in OBJECTS | PASSIVE_SUBJECTS and counted.head.lower_ != "of":
        return False
    particles = [c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod")]  # "had shot down": advmod too
    return any(
        phrase in lex.claim_words["intercept_verbs"]
        for phrase in (_lemma(verb), *(f"{_lemma(verb)} {p}" for p in particles))
    )


def _received(counted: Token, verb: Token, lex: Lexicon) -> bool:
    """Whether the arms counted are the object of a verb of getting ("has received 2 million shells"): the README's
    receiver owns no figure of what it gets, whether or not the sender is named."""
    return first_conjunct(counted).dep_ in OBJECTS and _lemma(verb) in lex.claim_words["handed_verbs"]


def _violence_doers(verb: Token, res: Resolver, lex: Lexicon) -> set[str]:
    """The states a violent clause names as the doers of its violence: the owner of the act it happened in
    ("killed in Israel's offensive", "during Russia's strikes") and its agent ("wounded by Israeli fire")."""
    doers: set[str] = set()
    for prep in verb.children:
        agent = prep.dep_ == "agent"
        if agent or (prep.dep_ == "prep" and prep.lower_ in ("in", "during", "amid")):
            for pobj in prep.children:
                if pobj.dep_ != "pobj" or not (agent or _lemma(pobj) in lex.claim_words["violence_nouns"]):
                    continue  # "killed in Yemen's north" is a place
                holders = [c for c in pobj.children if c.dep_ in ("poss", "amod", "compound")]
                if agent:
                    holders.append(pobj)
                for holder in holders:
                    info = res.entity_at(holder)
                    if info is not None and info.code is not None and info.kind in ("state", "group"):
                        doers.add(info.code)
    if verb.dep_ in ("advcl", "conj"):
        # "rockets were fired from Gaza, injuring 35 people": where the arms came from did the violence.
        doers |= {a.code for a in _fired_from(verb.head, res, lex)}
    return doers


def _sentence_violence_doers(sent: Span, res: Resolver, lex: Lexicon) -> set[str]:
    """The states a sentence names as doing an act of violence, by the act's noun: its holder ("Israel's
    offensive", "Russian shelling") or its "by" phrase ("the attack by the Al Shabab group")."""
    doers: set[str] = set()
    for noun in res.sent_tokens(sent):
        if noun.pos_ != "NOUN" or _lemma(noun) not in lex.claim_words["violence_nouns"]:
            continue
        holders = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound")]
        for by in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"):
            holders += [t for pobj in by.children if pobj.dep_ == "pobj" for t in pobj.subtree]
        for holder in holders:
            info = res.entity_at(holder)
            if info is not None and info.code is not None and info.kind in ("state", "group"):
                doers.add(info.code)
    return doers


def _struck_state(verb: Token, strikers: set[str], speakers: set[int], res: Resolver) -> str | None:
    """The state of the place a violent clause strikes, other than the striker's: the object or the "on"
    target of the verb or of the clause it hangs on ("hit Kharkiv ..., killing", "strikes on Gaza have
    killed")."""
    heads = [verb]
    while len(heads) < 4 and heads[-1].dep_ in ("advcl", "conj", "xcomp") and heads[-1].head.pos_ in ("VERB", "AUX"):
        heads.append(heads[-1].head)
    holders = list(heads)
    for head in heads:
        holders += [c for c in head.children if c.dep_ in SUBJECTS]
    for holder in holders:
        for child in holder.children:
            targets = [child] if child.dep_ in OBJECTS and holder in heads else []
            if child.dep_ == "prep" and child.lower_ in ("on", "against"):
                targets = [c for c in child.children if c.dep_ == "pobj"]
            for target in targets:
                for sub in target.subtree:
                    info = res.entity_at(sub)
                    if info is None or info.code is None or info.kind not in ("state", "place"):
                        continue
                    if info.code not in strikers and sub.i not in speakers:
                        return info.code
    return None


def _destinations(verb: Token | None, lex: Lexicon) -> set[int]:
    """The tokens of where a verb of sending sends ("were sent to Russia", "deployed in Kursk") or a verb of
    force aims ("fired at targets across Ukraine", "launched into the Kursk region"): the target is not the owner."""
    if verb is None or not {_lemma(verb)} & (lex.claim_words["sender_verbs"] | lex.claim_words["weapon_verbs"]):
        return set()
    return _places(verb, lex)


def _places(verb: Token, lex: Lexicon) -> set[int]:
    """The tokens of the places a verb names ("training in Russia's Far East", "sent to Russia")."""
    places = [c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in lex.place_preps]
    return {t.i for place in places for t in place.subtree}


def _handing_verb(counted: Token, lex: Lexicon) -> Token | None:
    """The verb of sending that hands the counted arms or troops over: its object ("has sent 1 million shells") or
    what it supplies someone with ("has supplied Russia with 4 million shells")."""
    noun = first_conjunct(counted)
    if noun.dep_ in OBJECTS and _lemma(noun.head) in lex.claim_words["sender_verbs"]:
        return noun.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "with" and _lemma(prep.head) in lex.claim_words["sender_verbs"]:
        return prep.head
    return None


def _sender(counted: Token, verb: Token | None, res: Resolver, lex: Lexicon) -> list[Actor]:
    """Who sends the arms or troops counted, where the parse keeps the figure away from the sending verb:
    the state they come from ("ships carried nine million rounds from the North to Russia"), or the
    sender of what holds them ("sent 10,000 containers to Russia, which could hold 4.8 million shells",
    "providing military packages that include 3 million shells")."""
    if verb is None:
        return []
    transport = lex.claim_words["transport_verbs"]
    departing_arms = _lemma(verb) in lex.claim_words["departure_verbs"] and _counts(counted, lex, ("weapons",))
    if departing_arms:
        # "containers have left Rason for Russia, loaded with shells": the state of the place the arms leave sends
        # them; troops that leave a base withdraw from it ("200 troops left the Ouallam base": not Niger's).
        origin = first_child(verb, OBJECTS)
        found = [a for a in res.resolve(origin, context=False)] if origin is not None else []
        if found and found[0].kind in ("state", "place"):  # a port or city: its state's
            return found[:1]
    if _lemma(verb) in transport or _lemma(verb) in lex.claim_words["receiving_verbs"]:
        # "Moscow has received 100 missiles from Pyongyang": who the arms come from, not who gets them.
        for prep in (c for tok in (verb, counted) for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            found = [a for a in res.resolve(pobj, context=False)] if pobj is not None else []
            if found and found[0].kind == "state":
                return found[:1]
    # A relative clause on what was sent: its holder's sender ("packages that include missiles and shells").
    if verb.dep_ in ("relcl", "acl") and first_conjunct(counted).dep_ in OBJECTS:
        holder: Token | None = verb.head
        sending = verb.head.head
        if verb.head.dep_ == "pobj" and sending.dep_ == "prep":
            # "sent containers to Russia, which could hold ...": the clause hung on the destination.
            above = sending.head
            if above.pos_ == "VERB":
                sending, holder = above, next((c for c in above.children if c.dep_ in OBJECTS), None)
            else:
                sending, holder = above.head, above
        if holder is not None and holder.dep_ in OBJECTS and _lemma(sending) in lex.claim_words["sender_verbs"]:
            return clause_actors(sending, res, lex)
    return []


# The prepositions that put arms or troops beside what a verb of sending sends ("in addition to", "along with").
_BESIDE_PREPS = frozenset({"along", "alongside", "besides", "beside", "together", "including", "plus"})


def _sent_along(counted: Token, lex: Lexicon) -> Token | None:
    """The verb of sending whose object phrase holds the counted arms or troops, reached through what holds them
    ("sent Russia containers able to hold 5 million shells") or what they come beside ("given Moscow missiles in
    addition to 1 million shells", "sent tanks along with 500 troops"), never through a clause with a subject of
    its own or a place they go to; None when the counted noun is itself the verb's object (read as handed over)."""
    tok = counted
    for _ in range(10):
        head = tok.head
        if head.i == tok.i:
            return None
        if head.pos_ == "VERB" and _lemma(head) in lex.claim_words["sender_verbs"] and tok is not counted:
            beside = tok.dep_ == "prep" and (
                tok.lower_ in _BESIDE_PREPS or any(_lemma(c) == "addition" for c in tok.children if c.dep_ == "pobj")
            )
            return head if (tok.dep_ in OBJECTS and tok is not first_conjunct(counted)) or beside else None
        if tok.dep_ not in ("pobj", "prep", "dobj", "xcomp", "amod", "acl", "conj") or first_child(tok, SUBJECTS):
            return None
        if tok.dep_ == "prep" and tok.lower_ in ("to", "into", "from", "for") and _lemma(head) != "addition":
            return None
        tok = head
    return None


def _fired_from(verb: Token, res: Resolver, lex: Lexicon) -> list[Actor]:
    """The state or the place of a state that arms were fired from, when the clause names no one who fired them
    ("more than 100 rockets were fired from Gaza"): where they were fired at is not whose they are, where they
    were fired from is."""
    if _lemma(verb) not in lex.claim_words["firing_verbs"]:
        return []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"):
        pobj = first_child(prep, ["pobj"])
        found = res.resolve(pobj, context=False) if pobj is not None else []
        if found and found[0].kind in ("state", "place"):
            return found[:1]
    return []


def _unnamed_firer(counted: Token, verb: Token, res: Resolver, lex: Lexicon) -> str | None:
    """Who fired arms a passive clause of firing names no firer or origin of ("200 missiles had been fired at targets
    across Ukraine"): the one state that the nearest earlier act of violence of the article is held by ("a massive
    Russian missile attack", "a Ukrainian strike in Kursk"), up to twice _CARRY_SENTENCES before, never the state
    the arms were fired at. None when nothing names one or two states are named doers."""
    noun = first_conjunct(counted)
    if _lemma(verb) not in lex.claim_words["firing_verbs"] or noun.dep_ not in PASSIVE_SUBJECTS or noun.head != verb:
        return None
    if any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "from") for c in verb.children):
        return None  # "fired by Russia", "fired from Gaza": named in the clause
    targets = {a.code for i in _places(verb, lex) for a in res.resolve(verb.doc[i], context=False)}
    position = res.sentence_of[verb.i]
    for sent in reversed(res.sentences[max(0, position - 2 * _CARRY_SENTENCES) : position + 1]):
        doers = _sentence_firers(sent, res, lex, but=verb) - targets
        if doers:
            return next(iter(doers)) if len(doers) == 1 else None
    return None


def _among(counted: Token | None, verb: Token | None, number: _Number) -> Token | None:
    """The group a figure is "among" ("4,700 casualties among the 15,000 soldiers")."""
    for tok in (counted, verb, number.first, number.last):
        if tok is None:
            continue
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "among":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                # Not "500 officers among them": the figure is part of a group named before.
                if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                    return pobj
    return None


def _own_states(noun: Token, res: Resolver) -> list[Actor]:
    """The states a noun phrase's own modifiers name ("North Korean troops", "Russia's losses",
    "troops from North Korea"); not where they are or go ("engineers sent to Kursk", "troops in Russia")."""
    own = []
    # "given Moscow 120 howitzers" (parsed with Moscow a modifier of the howitzers): a name before the
    # figure with no possessive is the receiver; "North Korea's 25,000 troops" keep theirs.
    counts = [c.i for c in noun.children if c.dep_ == "nummod"]
    for actor in res.resolve(noun, context=False, strict=False):
        tok = noun.doc[actor.token]
        possessive = any(c.tag_ == "POS" for c in tok.children) or tok.tag_ == "POS"
        if counts and tok.i < min(counts) and tok.dep_ in ("nmod", "compound") and not possessive:
            continue
        placed = False
        for _ in range(8):
            if tok.i == noun.i or tok.head.i == tok.i:
                break
            # Where they are or go, or whom they are for ("shells for Moscow's war"), is not whose they are.
            placed = placed or (tok.dep_ == "prep" and (tok.lower_ in res.lex.place_preps or tok.lower_ == "for"))
            tok = tok.head
        if actor.pronoun and noun.doc[actor.token].dep_ == "poss":
            # "its roughly 11,000 troops": the state the pronoun's clause is about, not a place named
            # nearer before it ("lost 6,000 servicemen in Russia's Kursk region, over half of its ...").
            owner = _pronoun_owner(noun.doc[actor.token], res)
            if owner is not None:
                actor = owner
            elif actor.kind == "place":
                continue
        if not placed:
            own.append(actor)
    return own


def _pronoun_owner(pronoun: Token, res: Resolver) -> Actor | None:
    """The state a possessive "its" / "their" on a counted noun stands for: the subject, named before it,
    of the nearest clause above it that has one."""
    tok = pronoun
    for _ in range(10):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        subject = first_child(tok, SUBJECTS) if tok.pos_ in ("VERB", "AUX") else None
        if subject is None:
            continue
        if subject.left_edge.i <= pronoun.i <= subject.right_edge.i:
            # "The Indian army said three of its soldiers died": the pronoun in the clause's own subject stands
            # for the subject of the clause above (the resolver's nearest state may be an earlier sentence's).
            continue
        if _lemma(tok) in res.lex.claim_words["violent_verbs"] | res.lex.claim_words["captor_verbs"]:
            # "Armenia said Azerbaijani troops had killed 12 of its soldiers": whoever kills or captures them is not
            # whom "its" victims are of; the clause above names it.
            continue
        if subject.i > pronoun.i:
            return None
        found = [a for a in res.resolve(subject, context=False) if a.kind in ("state", "group")]
        return found[0] if found else None
    return None


def _speaker_tokens(sent: Span, verb: Token | None, res: Resolver, lex: Lexicon) -> set[int]:
    """Tokens of the sentence's sources: the subjects of verbs of saying that report the figure's
    clause from outside it ("NIS said", "the military claimed", "data showed") and "according to X".
    A verb the figure belongs to is not a source ("Japan pledged to provide $5 billion")."""
    own: set[int] = set()
    current = verb
    while current is not None:
        own.add(current.i)
        if current.dep_ != "xcomp" or current.head.i == current.i:
            break
        current = current.head
    index = parse_index(sent.doc)
    # The sentence's sources are read once per sentence (each figure of a sentence asks for them):
    # all of them, and each verb of saying's own, for a figure whose verb is one of them.
    memo = memo_of(index, "claim sources", lex)
    found = memo.get((sent.start, sent.end))
    if found is None:
        found = memo[sent.start, sent.end] = _sentence_sources(sent, index, lex)
    every, by_verb, according = found
    if own.isdisjoint(by_verb):
        return every  # shared: the callers only read it
    tokens = set(according)
    for i in by_verb:
        if i not in own:
            tokens.update(by_verb[i])
    return tokens


def _sentence_sources(sent: Span, index: ParseIndex, lex: Lexicon) -> tuple[set[int], dict[int, list[int]], set[int]]:
    """(the tokens of all the sentence's sources, the tokens of each verb of saying's subjects and agents
    by the verb, the tokens of "according to ..."): the subtrees of "according to" and of the subjects
    of the verbs of saying."""
    saying = lex.reporting_verbs | lex.claim_words["source_verbs"]
    lower, dep, kids = index.lower, index.dep, index.kids
    order = subtree_order(index)
    according: set[int] = set()
    by_verb: dict[int, list[int]] = {}
    for i in range(sent.start, sent.end):
        if lower[i] == "according":
            for to in (c for c in kids.get(i, ()) if dep[c] == "prep" and lower[c] == "to"):
                according.update(order.order[order.start[to] : order.end[to]])
        elif index.pos[i] in ("VERB", "AUX") and index.lemma[i].lower() in saying:
            for subject in (c for c in kids.get(i, ()) if dep[c] in SUBJECTS or dep[c] == "agent"):
                by_verb.setdefault(i, []).extend(order.order[order.start[subject] : order.end[subject]])
    every = set(according)
    for toks in by_verb.values():
        every.update(toks)
    return every, by_verb, according


def _raised_subject(verb: Token, res: Resolver) -> list[Actor]:
    """ "North Korea is estimated to have sent 10,000 troops": the passive subject of the verb of
    estimating is the sender."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in res.lex.claim_words["raising_verbs"]:
        subject = first_child(head, PASSIVE_SUBJECTS)
        if subject is not None:
            return res.resolve(subject, context=False)
    return []


def _measured_total(tok: Token, verb: Token | None, lex: Lexicon, *, any_noun: bool = False) -> Token | None:
    """The total a figure puts a number on: the subject of a verb of level ("North Korean casualties
    have reached about 4,700", "Russia's losses exceeded 700,000 troops"), the object it brings to the
    figure ("bringing the total North Korean deployment to 14,000 troops") or the noun the figure is
    "of" ("a death toll of 500"). Without `any_noun`, only a noun of a claim class (for a bare number)."""
    classes = ("troops", "casualties", "weapons", "people")

    def fits(noun: Token | None) -> Token | None:
        if noun is None:
            return None
        # "the injured are approaching 1,000": a casualty participle as a noun.
        casualty = noun.lower_ in lex.claim_words["elided_casualties"] and noun.dep_ in SUBJECTS
        if noun.pos_ not in ("NOUN", "PROPN") and not casualty:
            return None
        if noun.lemma_.lower() in lex.claim_words["tally_nouns"]:
            # "the number of North Korean troops killed", "the total of casualties"; "the death toll of the
            # conflict" is still the toll: its of-phrase names what the deaths are of, not what is counted.
            of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "among")), None)
            counted = first_child(of, frozenset({"pobj"})) if of is not None else None
            named = counted is not None and counted.pos_ in ("NOUN", "PROPN")
            if named and counted is not None and (_counts(counted, lex, classes) or not _counts(noun, lex, classes)):
                noun = counted
        # "North Korea's troop presence", "the troop deployment": a claim word as the compound.
        compound = any(c.dep_ == "compound" and _counts(c, lex, classes) for c in noun.children)
        return noun if any_noun or compound or _counts(noun, lex, classes) else None

    # Up from the figure to the verb through at most a preposition: "to 14,000", "at 500", "to as high as 140".
    attach = _bound_top(tok, lex)
    # "around"/"about" parsed as a preposition: "casualties were believed to be around 2,500".
    if attach.head.lower_ in ("to", "at", "of", "by", "around", "about") and (attach.dep_ == "pobj" or attach != tok):
        prep = attach.head
        if prep.head.pos_ in ("NOUN", "PROPN") and prep.lower_ in ("of", "at"):
            return fits(prep.head)  # "a death toll of 500"
        attach = prep
    if verb is None or attach.head.i != verb.i:
        return None
    if attach.dep_ == "prep" and attach.lower_ == "at" and verb.lemma_.lower() in lex.claim_words["estimate_verbs"]:
        # "Russia's casualties are estimated at 1,000 a day", "officials put the toll at 500"
        return fits(first_child(verb, PASSIVE_SUBJECTS) or first_child(verb, OBJECTS) or _described(verb))
    if verb.lemma_.lower() not in lex.claim_words["level_verbs"]:
        return None
    if attach.dep_ == "prep":
        found = fits(first_child(verb, OBJECTS))
        if found is not None:
            return found  # "bringing the deployment to 14,000", "put the toll at 500"
    if attach.dep_ in OBJECTS | {"attr", "prep", "npadvmod"}:
        subject = first_child(verb, SUBJECTS)
        if subject is None and verb.dep_ in ("xcomp", "conj"):
            # "casualties were believed to be around 4,000": the subject raised to the verb above;
            # "the number of soldiers killed ... has passed 4,000": the subject the parse gave the verb before.
            subject = first_child(verb.head, SUBJECTS) or first_child(verb.head, PASSIVE_SUBJECTS)
        return fits(subject or _described(verb))
    return None


def _described(verb: Token) -> Token | None:
    """The noun a participle of level or estimate describes: "troops numbering 10,000", "casualties, estimated at
    4,000", "losses totalling 700,000"."""
    return verb.head if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") else None


def _elided_noun(number: _Number, verb: Token | None, lex: Lexicon) -> tuple[Token, Token] | None:
    """ "100 soldiers have died and another 1,000 have been injured", "some 1,000 more wounded", "on top
    of the 11,000 who were deployed", "South Korea says 13,000 have been deployed": a bare number that a
    verb of casualty or of sending has as its subject or object (or that a relative clause of one
    describes) counts the noun counted before it, with that verb."""
    tok = number.first
    moving = lex.claim_words["casualty_verbs"] | lex.claim_words["dispatch_verbs"]
    # "the 11,000 who were deployed", "including the 1,200 already deployed there"
    relative = next((c for c in tok.children if c.dep_ in ("relcl", "acl") and _lemma(c) in moving), None)
    if relative is not None:
        verb = relative
    else:
        # "killed eight troops with drones and five more in a gunfight": a number the parse joins to the
        # verb or to the noun counted before it.
        bare = tok.dep_ in SUBJECTS | PASSIVE_SUBJECTS | OBJECTS | {"npadvmod", "conj"}
        if _over_a_time(tok):
            tok, bare = tok.head, True  # "wounded 40 over three days": the number the verb's object
        if verb is not None and tok.dep_ == "conj" and tok.head.pos_ == "NOUN" and tok.head.head.i == verb.i:
            return (tok.head, verb) if _lemma(verb) in moving and _counts(tok.head, lex, ("troops",)) else None
        raised = verb is not None and tok.head.i == verb.i and _lemma(verb) in lex.claim_words["raising_verbs"]
        if raised and verb is not None:
            # "around 2,000 of them are thought to have died": the verb the raising verb reports.
            verb = next((c for c in verb.children if c.dep_ == "xcomp" and _lemma(c) in moving), verb)
        if verb is None or not (_lemma(verb) in moving or _left_dead(verb, lex)):
            return None
        if (tok.head.i != verb.i and not raised) or not bare:
            return None
    casualty = _lemma(verb) in lex.claim_words["casualty_verbs"] or _left_dead(verb, lex)
    classes = ("troops", "casualties", "people") if casualty else ("troops",)
    earlier = _earlier_counted(tok, classes, lex)
    return (earlier, verb) if earlier is not None else None


def _left_dead(verb: Token, lex: Lexicon) -> bool:
    """A verb that leaves its subject or object dead or hurt ("at least 10 had been shot dead", "20 were found
    dead"): a verb of casualty by the word it predicates."""
    return any(c.dep_ in ("oprd", "acomp") and c.lower_ in lex.claim_words["elided_casualties"] for c in verb.children)


def _hit_by_fire(verb: Token, lex: Lexicon) -> bool:
    """ "40 protesters were hit by gunfire", "were struck by shrapnel": a verb of hitting whose agent is
    fire or an act of violence counts its subject hurt (hitting a city, or hit by sanctions, counts nobody)."""
    if _lemma(verb) not in ("hit", "strike"):
        return False
    agents = (o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj")
    return any(
        _lemma(o) in lex.claim_words["violence_nouns"] or _lemma(o) in lex.claim_words["fire_nouns"] for o in agents
    )


def _earlier_counted(tok: Token, classes: Sequence[str], lex: Lexicon) -> Token | None:
    """The last noun of a claim class before `tok` in its sentence that a number counts, else the first
    noun of the class troops or weapons in the sentence before, a subject first (what it is about)."""
    doc = tok.doc
    nouns = _counted_nouns(tok.sent, classes, lex)
    before = bisect_left(nouns, tok.i)
    if before:
        return doc[nouns[before - 1]]
    if tok.sent.start == 0:
        return None
    kinds = [c for c in classes if c in ("troops", "weapons")]
    previous = doc[tok.sent.start - 1].sent
    nouns = [t for t in previous if t.pos_ == "NOUN" and _counts(t, lex, kinds)]
    return next((t for t in nouns if t.dep_ in SUBJECTS | PASSIVE_SUBJECTS), nouns[0] if nouns else None)


def _counted_nouns(sent: Span, classes: Sequence[str], lex: Lexicon, *, by_number: bool = True) -> list[int]:
    """The indexes, in order, of the sentence's nouns of a claim class that a number counts (`by_number`) or
    that are of the class at all, read once per sentence and classes: a sentence of a thousand figures
    ("..., 101 of them were wounded, ...") looks back from each of them, and a scan per figure would be
    quadratic."""
    key = ("counted nouns " if by_number else "class nouns ") + " ".join(classes)
    memo = memo_of(parse_index(sent.doc), key, lex)
    found = memo.get(sent.start)
    if found is None:
        if by_number:
            found = [t.i for t in sent if _counted_of(t, classes, lex)]
        else:
            found = [t.i for t in sent if t.pos_ == "NOUN" and _counts(t, lex, classes)]
        memo[sent.start] = found
    return found


def _counted_of(noun: Token, classes: Sequence[str], lex: Lexicon) -> bool:
    """Whether a number counts the noun and it is of a claim class: "6,000 soldiers", "casualties passed
    3,000", "300 of its soldiers", "killed 77 North Koreans"."""
    counted = any(c.pos_ == "NUM" or c.like_num for c in noun.children) or _levelled(noun, lex)
    # "300 of its soldiers ..., bringing the total to 9,000": the number heads the noun's of-phrase.
    counted = counted or _part_taken(noun)
    if not counted:
        return False
    if noun.pos_ == "NOUN" and _counts(noun, lex, classes):
        return True
    # people named by nationality
    return "people" in classes and noun.ent_type_ == "NORP" and noun.tag_ in ("NNS", "NNPS")


def _levelled(noun: Token, lex: Lexicon) -> bool:
    """Whether a verb of level puts a number on the noun, its subject ("North Korean casualties had
    passed 3,000", "losses reached 700,000")."""
    verb = noun.head
    if noun.dep_ not in SUBJECTS or verb.lemma_.lower() not in lex.claim_words["level_verbs"]:
        return False
    figures = [c for c in verb.children if c.dep_ in OBJECTS | {"attr"}]
    figures += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return any(f.like_num or f.pos_ == "NUM" or any(n.like_num for n in f.children) for f in figures)


def _tally_antecedent(number: _Number, verb: Token | None, lex: Lexicon) -> Token | None:
    """ "sent another 3,000 troops, bringing the total to about 14,000", "the NIS has estimated the number
    at 3,000": a bare figure a verb of level or of estimating gives a tally noun that names no noun of
    its own ("the total", "the number") counts the noun counted before it."""
    tok = number.first
    if verb is None or tok.dep_ != "pobj":
        return None
    prep = tok.head
    if prep.lower_ == "at" and prep.head.dep_ in OBJECTS and prep.head.head.i == verb.i:
        tally: Token | None = prep.head  # "estimated the number at 3,000", parsed with "at" on the number
    elif prep.head.i == verb.i:
        tally = first_child(verb, OBJECTS) or first_child(verb, SUBJECTS) or first_child(verb, PASSIVE_SUBJECTS)
    else:
        return None
    level = prep.lower_ == "to" and _lemma(verb) in lex.claim_words["level_verbs"]
    estimate = prep.lower_ == "at" and _lemma(verb) in lex.claim_words["estimate_verbs"]
    if not (level or estimate):
        return None
    if tally is not None and tally.lower_ == "it" and verb.dep_ == "conj":
        # "put the number at 3,000 but raised it to 10,000": the tally of the verb it is joined to.
        tally = first_child(verb.head, OBJECTS)
    if tally is None or tally.lemma_.lower() not in lex.claim_words["tally_nouns"]:
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("of", "among") for c in tally.children):
        return None
    return _earlier_counted(tally, ("troops", "casualties", "weapons", "people"), lex)


def _levelled_antecedent(number: _Number, verb: Token | None, lex: Lexicon) -> Token | None:
    """ "Eritrea sent troops to Sudan; Khartoum put their number at as many as 9,000", "the toll among Malian
    soldiers rose to as high as 140": a bare figure a verb of level or estimate puts on something (its object,
    or "to"/"at" it) counts the nearest noun of a claim class named before it, counted by a number or not."""
    if verb is None or _lemma(verb) not in lex.claim_words["level_verbs"] | lex.claim_words["estimate_verbs"]:
        return None
    attach = _bound_top(number.first, lex)
    if attach.head.lower_ in ("to", "at") and attach.head.head.i == verb.i:
        attach = attach.head
    if attach.head.i != verb.i or attach.dep_ not in OBJECTS | {"attr", "prep", "npadvmod"}:
        return None
    # What the figure is put on stands for what was counted before ("their number", "the total", "them"), not for
    # a thing of its own ("the price of fuel rose to 200").
    target = first_child(verb, OBJECTS) if attach.dep_ == "prep" else None
    target = target or first_child(verb, SUBJECTS) or first_child(verb, PASSIVE_SUBJECTS) or _described(verb)
    if target is not None and target.pos_ != "PRON" and _lemma(target) not in lex.claim_words["tally_nouns"]:
        return None
    classes = ("troops", "casualties", "weapons", "people")
    nouns = _counted_nouns(number.first.sent, classes, lex, by_number=False)
    before = bisect_left(nouns, number.first.i)
    return number.first.doc[nouns[before - 1]] if before else None


def _bound_top(tok: Token, lex: Lexicon) -> Token:
    """The top of the bound words a parse may hang a number under ("to as many as 9,000", "at more than 400":
    the number the object of "as" or "than"), for the verb or preposition the figure belongs to."""
    for _ in range(4):
        head = tok.head
        if head.i == tok.i or head.lower_ not in lex.claim_words["bound_words"]:
            break
        tok = head
    return tok


def _over(number: _Number, counted: Token | None, verb: Token | None, lex: Lexicon) -> _Number:
    """ "Russia's losses have exceeded 700,000 troops": more than the figure."""
    if verb is None or verb.lemma_.lower() not in lex.claim_words["over_verbs"] or number.low != number.high:
        return number
    # "exceeded 700,000 troops" (the counted noun the object), "the number of soldiers ... has passed
    # 4,000" (the bare figure the object; the noun counted elsewhere), "trade topped $240 billion" (the
    # scale word the object).
    if not any(
        t is not None and t.head.i == verb.i and t.dep_ in OBJECTS for t in (counted, number.first, number.last)
    ):
        return number
    return _Number(number.first, number.last, number.low, None, number.currency, number.approximate)


def _contents(counted: Token, lex: Lexicon) -> Token | None:
    """ "containers of artillery shells", "tonnes of ammunition", "containers holding shells": the counted thing they
    hold."""
    classes = ("troops", "casualties", "weapons", "people")
    if _counts(counted, lex, classes):
        return None
    of = next((c for c in counted.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        # "2,000 containers loaded with artillery shells", "containers have left Rason, loaded with shells" (the
        # participle hung on the clause they are the subject of): what a participle fills them with.
        clauses = [c for c in counted.children if c.dep_ in ("acl", "relcl")]
        if counted.dep_ in SUBJECTS | PASSIVE_SUBJECTS:
            clauses += [c for c in counted.head.children if c.dep_ == "advcl"]
        filled = (c for c in clauses if _lemma(c) in lex.claim_words["filling_verbs"])
        of = next((p for c in filled for p in c.children if p.dep_ == "prep" and p.lower_ == "with"), None)
    held = first_child(of, frozenset({"pobj"})) if of is not None else None
    if held is None:
        # "9,000 containers holding shells": the object of a participle of containing.
        holding = (c for c in counted.children if c.dep_ == "acl" and _lemma(c) in lex.claim_words["containing_verbs"])
        held = next((o for c in holding for o in c.children if o.dep_ == "dobj"), None)
    for thing in [held, *held.conjuncts] if held is not None else []:
        if _counts(thing, lex, ("weapons",)) or lex.in_class(thing, "weapons"):
            return thing  # "containers of military equipment and munitions"
    return None


def _claim_compound(noun: Token, lex: Lexicon) -> bool:
    """ "220 artillery pieces", "a troop presence of 15,000": a claim word before the counted noun."""
    classes = ("troops", "weapons", "casualties")
    if _lemma(noun) in lex.claim_words["counted_places"]:
        return False  # "four police stations" are stations
    # Not "force": "two air force bases" are bases.
    return any(
        c.dep_ in ("compound", "amod") and _counts(c, lex, classes) and _lemma(c) != "force" for c in noun.children
    )


def _counts(noun: Token, lex: Lexicon, classes: Sequence[str]) -> bool:
    """Whether a noun is in one of the claim classes (`[claims]` of the lexicon)."""
    return any(_lemma(noun) in lex.claim_words[c] or noun.lower_ in lex.claim_words[c] for c in classes)


def _breakdown(number: _Number, counted: Token) -> bool:
    """ "Three North Koreans were among the wounded: two men with serious injuries and a medic": a figure in an
    apposition to a noun counted just before is a part of that figure, not a new one."""
    whole = first_conjunct(counted)
    return (
        whole.dep_ == "appos" and whole.head.i < number.first.i and any(c.dep_ == "nummod" for c in whole.head.children)
    )


def _shared(counted: Token, res: Resolver) -> bool:
    """ "a combined force of 50,000 Russian and North Korean troops": troops of two states named together are
    neither's figure, nor is a force they make up ("a 50,000-strong force of Russian and North Korean troops")."""
    members = [p for prep in counted.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children]
    for noun in (counted, *(p for p in members if p.dep_ == "pobj")):
        coordinated = any(
            c.dep_ in ("amod", "compound", "nmod") and any(g.dep_ == "conj" for g in c.children) for c in noun.children
        )
        if coordinated and len({a.code for a in _own_states(noun, res) if a.kind == "state"}) >= 2:
            return True
    return False


def _of_a_disaster(counted: Token, verb: Token | None, lex: Lexicon) -> bool:
    """ "the earthquake has ... killed more than 2,900 people", "sent 420 personnel to help with rescue operations",
    "84 soldiers from a disaster relief unit": people a disaster killed or troops sent to relieve one are no figure of
    a conflict. Read in the counted phrase, and in the subjects, causes and purposes of its clause."""
    words = lex.claim_words["disaster_nouns"]
    places = [counted]
    clause = verb
    while clause is not None:
        places += [c for c in clause.children if c.dep_ in SUBJECTS | {"agent"} or _purpose(c)]
        places += [c for c in clause.children if c.dep_ == "prep" and c.lower_ in ("in", "after", "by", "from")]
        clause = clause.head if clause.dep_ == "conj" and clause.head.i != clause.i else None
    return any(t.pos_ == "NOUN" and _lemma(t) in words for place in places for t in place.subtree)


def _purpose(clause: Token) -> bool:
    """An infinitive clause of purpose ("sent troops to help with rescue operations"), not one of time ("as rescuers
    searched the rubble")."""
    return clause.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _held_acting(counted: Token, verb: Token | None, lex: Lexicon) -> bool:
    """ "Between 1,200 and 1,600 Palestinian prisoners have launched a hunger strike": prisoners or hostages counted as
    the doers of an act of their own are a group in the story, not a figure of the held ("some 4,800 Palestinians
    jailed in Israel" is one, and so are prisoners released, held or still in jail). Captured soldiers stay counted
    whatever they do ("the two soldiers captured by Ukraine belong to ...": the news coders count them)."""
    if verb is None or counted.dep_ != "nsubj" or counted.head.i != verb.i:
        return False
    if _lemma(verb) in lex.claim_words["abroad_verbs"] | lex.claim_words["level_verbs"]:
        return False
    if _war_prisoners(counted):
        return False  # "two North Korean prisoners of war want to defect": captured soldiers (stop-48 ruling)
    return _lemma(counted) in lex.claim_words["held_nouns"]


def _office(counted: Token, lex: Lexicon) -> bool:
    """Whether a noun that names both the dead and an organisation ("bodies") names the organisation: a relative
    clause or participle in which it acts on an object or has a task ("three bodies that handle trade", "bodies
    dealing with reunification"), or ties it to something ("six bodies linked to the arms trade"). The dead lie, wash
    ashore or are found ("30 bodies dumped in a ravine", "bodies that washed ashore" stay a figure)."""
    if counted.lower_ not in lex.claim_words["office_nouns"]:
        return False
    for clause in counted.children:
        if clause.dep_ not in ("acl", "relcl"):
            continue
        if clause.tag_ == "VBN" and clause.dep_ == "acl":
            if _lemma(clause) in lex.claim_words["affiliation_verbs"]:
                return True
            continue
        if any(c.dep_ == "auxpass" for c in clause.children):
            continue
        if any(c.dep_ == "dobj" for c in clause.children) or any(
            c.dep_ == "prep" and c.lower_ in lex.claim_words["task_preps"] for c in clause.children
        ):
            return True
    return False


def _held_foreigners(counted: Token, verb: Token | None, res: Resolver, lex: Lexicon) -> bool:
    """Whether a clause holds people of a state by another state ("Lima says it holds three Chilean sailors", "two
    Japanese citizens detained in China"): captives at their first mention are a claim of the captives' state
    (stop-48 ruling); a state's arrests of its own people are not ("police detained 40 protesters")."""
    if verb is None or _lemma(verb) not in lex.claim_words["holding_verbs"]:
        return False
    own = {a.code for a in _own_states(counted, res) if a.kind in ("state", "group")}
    if not own:
        return False
    span = range(counted.left_edge.i, counted.right_edge.i + 1)
    holders = {a.code for a in clause_actors(verb, res, lex) if a.token not in span}
    located = res.location_state(verb)
    if located is not None:
        holders.add(located.code)
    holders.discard(None)
    return bool(holders) and not holders & own


def _taken_prisoner(counted: Token, verb: Token | None, lex: Lexicon) -> bool:
    """Whether the clause or a clause on the counted noun takes them prisoner or holds them ("two soldiers who had
    been taken prisoner", "had taken two soldiers prisoner", "two soldiers captured in Kursk")."""
    clauses = [c for c in counted.children if c.dep_ in ("relcl", "acl")]
    if verb is not None and counted.i in {c.i for c in verb.subtree}:
        clauses.append(verb)
    for clause in clauses:
        lemma = _lemma(clause)
        if lemma in lex.claim_words["held_verbs"] | lex.claim_words["holding_verbs"]:
            return True
        if lemma == "take" and any(c.lower_ in lex.captive_words for c in clause.children):
            return True
    return False


def _war_prisoners(noun: Token) -> bool:
    """Whether held people are prisoners of war: captured soldiers, counted at their first mention whatever they do
    (stop-48 ruling)."""
    return _lemma(noun) == "prisoner" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ == "war" for g in c.children) for c in noun.children
    )
