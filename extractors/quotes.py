"""Quotes: direct quotes in any of the usual quotation marks, and reported speech ("X argues that
...", "according to X, ...", "X notes that ...", "..., Zhu argues, ..."), each with its speaker
resolved to an entity and the speaker's affiliation.

* Direct quotes are found in the text by their marks (“ ” " " ‘ ’ « » „ “). The speaker is the
  subject of the nearest verb of saying above the quoted words in the parse ("..., Mao famously
  remarked, since “...”", "“...,” she said"). A short quoted fragment with no verb of saying above
  it is a scare quote ("common destiny") and is skipped.
* Reported speech is a verb of saying with a clausal complement, a parenthetical verb of saying,
  or "according to X".
* Speakers: a person's short or pronoun mention resolves to the fullest earlier mention in the
  article ("Zhu argues" -> Zhu Feng, "he explains" -> the last person named); officials and
  ministries resolve to their state, in context where their phrase names none ("declaring through
  Foreign Ministry spokespersons" -> CHN). An unnamed source is a speaker by its words ("analysts say"
  -> "analysts", no id), and so is a document ("the report said" -> "report"), or its issuer when named
  ("a UN report said" -> UN; "the letter said" after "the prisoners wrote a letter"); records, data and
  "some", "many" are not speakers.
* Affiliation: the organisation in an apposition ("Dennis Wilder, a senior research fellow at
  Georgetown University"), a `from`/`at` phrase ("Peter Dutton from the U.S. Naval War College") or
  a title compound ("U.S. State Department spokesperson Matthew Miller"); otherwise the
  apposition's description ("an international relations expert based in Shanghai"). A speaker keeps
  the affiliation given at their first mention.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from extractors.clauses import PASSIVE_SUBJECTS, SUBJECTS, first_conjunct, parse_index, subtree_order
from extractors.gazetteer import Gazetteer
from extractors.lexicon import Lexicon, load_lexicon
from extractors.records import Quote
from extractors.resolution import LinkedEntity, Resolver
from extractors.resolution import conjuncts as coordinated  # `conjuncts` names the speakers' list here

_DETERMINERS = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\s*['’]s?$")
# The parts of speech a reported clause hangs on in _reported: a noun of saying ("Blinken's statement
# that ...") or a verb (a verb of saying, voicing, naming, describing or stance); a word tagged VB* too.
_SAYING_POS = frozenset({"NOUN", "VERB", "AUX"})
# "X, who said": relative clauses followed up to the noun they describe, at most this many.
_MAX_RELATIVE_HOPS = 4
# "the report said": how many sentences back its first mention ("CSIS put out a report") may be.
_DOCUMENT_LOOKBACK = 4
# "He said Russia's purchase of ... breaches": how far into the object a verb read as a noun is looked for.
_MAX_OBJECT_CLAUSE = 30
_STATE_CODE = re.compile(r"[A-Z]{3}")  # a state's code (KOR, USA), not a bloc's (G7, NATO) or an entity id


@dataclass(frozen=True, slots=True)
class Speaker:
    speaker_id: str | None
    name: str
    affiliation: str | None
    key: str  # identity within the article, for carrying affiliations forward


def extract_quotes(
    doc: Doc, gazetteer: Gazetteer, *, lexicon: Lexicon | None = None, resolver: Resolver | None = None
) -> list[Quote]:
    lex = lexicon or load_lexicon()
    res = resolver or Resolver(doc, gazetteer, lex)
    finder = _QuoteFinder(doc, res, lex)
    return finder.run()


# How many of the people named before "the foreign minister said" _titled_person compares with it.
_TITLED_LOOKBACK = 40


class _QuoteFinder:
    def __init__(self, doc: Doc, res: Resolver, lex: Lexicon) -> None:
        self.doc = doc
        self.index = parse_index(doc)
        self.res = res
        self.lex = lex
        cfg = lex.quotes
        sets = lex.quote_sets  # the word lists as sets, built once per lexicon
        self.reporting = lex.reporting_verbs
        self.generic = sets["generic_speakers"]
        self.documents = sets["documents"]
        self.document_speakers = sets["document_speakers"]
        self.bare_documents = sets["bare_document_speakers"]
        self.unnamed = sets["unnamed_speakers"]
        self.opinions = sets["opinion_nouns"]
        self.opinion_preps = sets["opinion_prepositions"]
        self.min_words = int(cfg["min_words_unattributed"])
        self.institutions = sets["institutions"]
        self.former = sets["former"]
        self.introducing = sets["introducing_verbs"]
        self.foreign = sets["foreign_markers"]
        self.pledging = sets["pledging_verbs"]
        self.clause_reporting = sets["clause_reporting_verbs"]
        self.quoting = sets["quoting_verbs"]
        self.titles = sets["title_words"]
        self.head_titles = sets["head_titles"]
        self.ranks = sets["title_ranks"]
        self.portfolios = sets["title_portfolios"]
        self._introduced: dict[str, list[int]] | None = None
        self.outlet_nouns = sets["outlet_nouns"]
        self.voicing = sets["voicing_verbs"]
        self.citing = sets["citing_verbs"]
        self.nested_speech = sets["nested_speech_verbs"]
        self.mute = sets["mute_subjects"]
        self.any_post = sets["any_post_titles"]
        self.aside_saying = sets["aside_saying"]
        self.org_anaphors = sets["organisation_anaphors"]
        self.issued = sets["issued_documents"]
        self.speech_nouns = sets["speech_nouns"]
        self.infinitive_reporting = sets["infinitive_reporting_verbs"]
        self.object_reporting = sets["object_reporting_verbs"]
        self.audiences = sets["audience_nouns"]
        self.talk_nouns = sets["talk_nouns"]
        self.occasions = sets["occasion_nouns"]
        self.honorifics = sets["honorifics"]
        self.envoys = sets["envoy_titles"]
        self.genders = lex.quote_genders
        self._gender_of: dict[str, str | None] | None = None
        self._gender_at: dict[int, str | None] = {}  # token index -> _gender (full_mention is not cheap)
        self.naming = sets["naming_verbs"]
        self.describing = sets["describing_verbs"]
        self.stances = sets["stance_nouns"]
        self.stance_verbs = sets["stance_verbs"]
        self.figure_verbs = sets["figure_verbs"]
        self.addressing = sets["addressing_verbs"]
        self.messages = sets["message_nouns"]
        self.newsroom = sets["newsroom_nouns"]
        self.going_on = sets["going_on_verbs"]
        self.publishing = sets["publishing_verbs"]
        self.quoted_as = sets["quoted_as_verbs"]
        self.said_nothing = sets["said_nothing"]
        self.sets = sets  # for the module's functions that read a word list
        self.offices = self.institutions | self.titles  # the nouns of a state's body or official
        self._acting_states: dict[int, list[tuple[int, str, bool]]] = {}  # by sentence: _subject_states
        self.state_body_roles = tuple(cfg["state_body_roles"])
        self.state_body_exceptions = tuple(cfg["state_body_exceptions"])
        self.marks: list[tuple[str, str]] = [(a, b) for a, b in cfg["marks"]]
        self.affiliations: dict[str, str] = {}
        self.named = _QuotedNames()  # (token index, full name) of the people quoted so far
        # A person named again by title ("the Ukrainian leader"): that token -> the name's token.
        self.anchors: dict[int, int] = {}
        # People named outside quotation marks: those named inside quoted words are not who the
        # reporter's "he" means (filled once the quotation marks are found).
        self.narrated_people: list[Span] = list(self.res.people)
        # Organisations quoted so far, by token index: "according to the agency" names the last one.
        self.organisations: dict[int, Speaker] = {}
        # Documents quoted by their word so far, by token index: "It added" after "the report said".
        self.quoted_documents: dict[int, Speaker] = {}
        self._ent_starts: list[int] | None = None  # the named entities' starts, for bisecting
        self._people_ends: list[int] | None = None  # narrated_people's ends, for bisecting
        # States quoted so far by a name of theirs ("the Kremlin", "the Elysee"), by token index.
        self.states_quoted: dict[int, Speaker] = {}
        # Speakers resolved so far with their nouns ("representative", "group" in apposition), by token.
        self.speaker_nouns: list[tuple[int, frozenset[str], Speaker]] = []

    def run(self) -> list[Quote]:
        quotes: list[Quote] = []
        seen: set[tuple[int, int]] = set()
        used_verbs: set[int] = set()
        direct_by_sentence: dict[int, list[tuple[int, int]]] = {}
        spoken: dict[int, list[Speaker]] = {}  # sentence start -> who is quoted directly in it
        # Sentence by sentence in reading order, so that "he", "the agency" and a surname alone look
        # back only at the speakers before them.
        quoted: dict[int, list[tuple[int, int, Span]]] = {}
        for start, end in self._quoted_spans():
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span) > 0:
                quoted.setdefault(self.res.sent(span[0]).start, []).append((start, end, span))
        # (Spans sorted by start with the furthest end so far: a person is inside one when a span
        # starting by them reaches past them, a bisect each.)
        inside = sorted((s.start, s.end) for spans in quoted.values() for _, _, s in spans)
        opened = [s for s, _ in inside]
        reach = list(itertools.accumulate((e for _, e in inside), max))
        self.narrated_people = [
            p for p in self.res.people if not ((k := bisect.bisect_right(opened, p.start)) and reach[k - 1] > p.start)
        ]
        for sent in self.res.sentences:
            for start, end, span in sorted(quoted.get(sent.start, []), key=lambda q: q[0]):
                pieces = self._across_sentences(span, start, end)
                if pieces and (start, end) not in seen:
                    # “A. B,” X said: the verb after the last sentence speaks for all of it, one quote
                    # per sentence (a sentence's words are its speaker's).
                    verb = self._reporting_verb_above(self.doc[self.res.sent(span[-1]).start : span.end])
                    speakers = self._speakers(verb) if verb is not None else []
                    if speakers:
                        seen.add((start, end))
                        used_verbs.add(verb.i)
                        for piece_start, piece_end, piece_sent in pieces:
                            spoken[piece_sent] = speakers
                            direct_by_sentence.setdefault(piece_sent, []).append((piece_start, piece_end))
                            quotes += [self._quote(s, piece_start, piece_end, direct=True) for s in speakers]
                        continue
                verb = self._reporting_verb_above(span)
                words = len([t for t in span if not t.is_punct])
                if verb is None:
                    # A paragraph of quoted words: its speaker is introduced by the sentence before;
                    # a short one goes on from a quote there ("..., Blinken said. “We will respond.”").
                    long_enough = words >= self.min_words or self._continues_quote(span, spoken)
                    speakers = self._introduced_speakers(span, spoken) if long_enough else []
                    if speakers and (start, end) not in seen:
                        seen.add((start, end))
                        spoken[sent.start] = speakers
                        # Its words are the speaker's, a "the Pentagon says" inside them too (in each
                        # sentence the quoted paragraph runs over).
                        for piece_start, piece_end, piece_sent in pieces or [(start, end, sent.start)]:
                            direct_by_sentence.setdefault(piece_sent, []).append((piece_start, piece_end))
                        quotes += [self._quote(speaker, start, end, direct=True) for speaker in speakers]
                    continue
                # A short fragment counts only as a reported predicate ("... is “their own business”"),
                # not as a term quoted inside a noun phrase ("the rhetoric of a “common destiny”").
                if words < self.min_words and not (
                    (self._inside_complement(span, verb) and _predicate(span))
                    or _as_complement(span, verb)
                    or self._named_as(span, verb)
                    or _whole_phrase_of(span, verb)
                ):
                    continue
                speakers = self._speakers(verb)
                if not speakers or (start, end) in seen:
                    continue
                used_verbs.add(verb.i)
                direct_by_sentence.setdefault(sent.start, []).append((start, end))
                spoken[sent.start] = speakers
                seen.add((start, end))
                quotes += [self._quote(speaker, start, end, direct=True) for speaker in speakers]
            reported = list(self._reported(sent))
            direct = direct_by_sentence.get(sent.start, [])
            for verb, (start, end) in reported:
                if _nested(verb, reported, direct, self.sets) and not self._speaks_within(verb, direct):
                    continue  # "Lee said the NIS believes ...": the NIS's belief is Lee's words
                if _unsaid(verb):
                    continue  # "The Pentagon has not confirmed that ...", "did not say whether ...": nothing said
                if _declined(verb, self.sets) and any(v.i != verb.i and span == (start, end) for v, span in reported):
                    continue  # "declined to comment on X's statement that ...": the words are X's
                speakers = self._speakers(verb)
                if not speakers or (start, end) in seen:
                    continue
                overlap = sum(
                    min(e, end) - max(s, start)
                    for s, e in direct_by_sentence.get(sent.start, [])
                    if s < end and e > start
                )
                if verb.i in used_verbs and overlap > (end - start) / 2:
                    continue  # the direct quote already carries it
                seen.add((start, end))
                quotes += [self._quote(speaker, start, end, direct=False) for speaker in speakers]
        quotes.sort(key=lambda q: q.start)
        return quotes

    def _speaks_within(self, verb: Token, direct: list[tuple[int, int]]) -> bool:
        """ "Yoon's office said NATO's Mark Rutte confirmed that ...": a person named in another's report (not
        inside quoted words) who speaks out there speaks too; a belief or a pronoun does not."""
        if verb.lemma_.lower() not in self.nested_speech or any(s <= verb.idx < e for s, e in direct):
            return False
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject is not None and subject.ent_type_ == "PERSON" and self._named_person(subject)

    def _across_sentences(self, span: Span, start: int, end: int) -> list[tuple[int, int, int]]:
        """The parts (start, end, sentence start) of quoted words that run over several sentences; none
        for words within one sentence."""
        first, last = self.res.sent(span[0]), self.res.sent(span[-1])
        if first.start == last.start:
            return []
        pieces = []
        for sent in self.res.sentences:
            if sent.end <= first.start or sent.start > last.start:
                continue
            piece = _strip(self.res.text, max(start, sent.start_char), min(end, sent.end_char))
            if piece[1] > piece[0]:
                pieces.append((*piece, sent.start))
        return pieces

    def _quote(self, speaker: Speaker, start: int, end: int, *, direct: bool) -> Quote:
        text = self.res.text[start:end]
        return Quote(speaker.speaker_id, speaker.name, speaker.affiliation, text, direct, start, end)

    # -- finding quoted words and reported clauses ---------------------------------------------

    def _quoted_spans(self) -> Iterator[tuple[int, int]]:
        text = self.res.text
        taken: list[tuple[int, int]] = []
        for opening, closing in self.marks:
            if opening == closing:
                pattern = re.compile(rf"{re.escape(opening)}([^{re.escape(opening)}\n]{{2,}}?){re.escape(closing)}")
            elif opening in "‘‹":
                # ’ is also the apostrophe ("Russia’s"): the closing one is not followed by a letter.
                pattern = re.compile(rf"(?<!\w){re.escape(opening)}(.{{2,}}?){re.escape(closing)}(?!\w)")
            else:
                pattern = re.compile(rf"{re.escape(opening)}([^{re.escape(closing)}]{{2,}}?){re.escape(closing)}")
            for m in pattern.finditer(text):
                start, end = m.start(1), m.end(1)
                if any(s <= start < e or s < end <= e for s, e in taken):
                    continue
                taken.append((start, end))
                yield _strip(text, start, end)

    def _reporting_verb_above(self, span: Span) -> Token | None:
        """The nearest verb of saying outside the quote that governs it, or sits beside it."""
        index = self.index
        head, dep = index.head, index.dep
        inside = range(span.start, span.end)
        roots = [i for i in inside if head[i] not in inside or head[i] == i]
        for root in roots:
            current = root
            for _ in range(8):
                if current not in inside and self._says(current, direct=True):
                    outer = head[current]
                    if (
                        dep[current] == "ccomp"
                        and index.lemma[current].lower() in self.clause_reporting
                        and self._is_reporting(outer)
                    ):
                        return index.tokens[outer]  # "RIA said it expected “...”": what RIA said
                    return index.tokens[current]
                if head[current] == current:
                    break
                current = head[current]
        # "“...,” she said" can parse with the verb as a sibling: look for one in the sentence
        # whose subject is outside the quote.
        sent = self.res.sent(span[0])
        for i in range(sent.start, sent.end):
            if i in inside or not self._is_reporting(i):
                continue
            if dep[i] in ("ROOT", "parataxis") and any(dep[c] in SUBJECTS for c in index.kids.get(i, ())):
                return index.tokens[i]
            # '"...," Kim was quoted as saying': parsed as joined to the quoted words' own verb.
            if (
                dep[i] == "conj"
                and head[i] in inside
                and i >= span.end
                and _quoted_as_saying(index.tokens[i], self.sets)
            ):
                return index.tokens[i]
        return self._colon_verb(span)

    def _colon_verb(self, span: Span) -> Token | None:
        """'Salas hit back: "Closing the border is a violation of the charter"': a clause of words in
        quotation marks after a colon is said by whoever the clause before the colon has act (its last verb
        with a subject before it), whatever the verb ("hit back:", "wrote on X:"), which the parser may hang
        inside the quoted words."""
        sent = self.res.sent(span[0])
        colon = span.start - 1
        while colon > sent.start and self.doc[colon].is_quote:
            colon -= 1
        if colon <= sent.start or self.doc[colon].text != ":":
            return None
        if not any(t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span):
            return None  # a list or a name after the colon, not words said
        index = self.index
        for k in range(colon - 1, sent.start, -1):
            if index.pos[k] == "VERB" and any(
                index.dep[c] in SUBJECTS and c < k and not index.tokens[c].is_punct for c in index.kids.get(k, ())
            ):
                return index.tokens[k]
        return None

    def _continues_quote(self, span: Span, spoken: dict[int, list[Speaker]]) -> bool:
        sent = self.res.sent(span[0])
        return sent.start > 0 and self.res.sent(self.doc[sent.start - 1]).start in spoken

    def _introduced_speakers(self, span: Span, spoken: dict[int, list[Speaker]]) -> list[Speaker]:
        """Who speaks a quote that is a whole sentence with no verb of saying: the speaker of a
        direct quote in the sentence before (the quote goes on), or the subject of a sentence
        before that introduces them ("Blinken spoke to reporters in Seoul." / "..., he said:")."""
        sent = self.res.sent(span[0])
        outside = [t for t in sent if not t.is_punct and not t.is_space and not (span.start <= t.i < span.end)]
        if outside or sent.start == 0:
            return []
        previous = self.res.sent(self.doc[sent.start - 1])
        if previous.start in spoken:
            return spoken[previous.start]
        root = previous.root
        subject = next((c for c in root.children if c.dep_ in SUBJECTS), None)
        named = subject is not None and (subject.ent_type_ == "PERSON" or subject.lower_ in ("he", "she"))
        # "The ministry condemned the drills in a statement. “...”": a body voicing something, or doing
        # anything in a message of its own, introduces the words after it as a person doing anything does.
        voiced = root.lemma_.lower() in self.quoting or any(
            p.dep_ == "prep"
            and p.lower_ == "in"
            and any(o.dep_ == "pobj" and o.lemma_.lower() in self.messages for o in p.children)
            for p in root.children
        )
        if root.lemma_.lower() not in self.introducing and not self._is_reporting(root.i) and not named and not voiced:
            return []  # a person doing something, then their words: "Kim praised the soldiers. “...”"
        return self._speakers(root)

    def _is_reporting(self, i: int) -> bool:
        """Whether the token at index i is a verb of saying."""
        index = self.index
        if index.pos[i] not in ("VERB", "AUX") and not index.tag[i].startswith("VB"):
            return False
        lemma = index.lemma[i].lower()
        if lemma in self.quoted_as and lemma not in self.reporting:  # "quoted X as saying", "cited X as saying"
            return _quoted_as_saying(index.tokens[i], self.sets)
        if lemma == "say" and _said_to_be(index.tokens[i]):
            return False
        if lemma == "read":
            # "“...,” the statement read": a document's words; a person reading says nothing of their own.
            return any(
                index.dep[c] in SUBJECTS and index.lemma[c].lower() in self.documents for c in index.kids.get(i, ())
            )
        if lemma == "point":
            return any(index.dep[c] == "prt" and index.lower[c] == "out" for c in index.kids.get(i, ()))
        return lemma in self.reporting

    def _possessed_title(self, verb: Token) -> Token | None:
        """ "Chile's spokesperson voiced concern ...": the parser may read an owned title before a verb with no
        subject as a phrase of time or measure (npadvmod) and hang its owner on the verb; the owner, a name,
        speaks for the title or institution word it owns."""
        if any(c.dep_ in SUBJECTS for c in verb.children):
            return None
        for title in verb.children:
            if title.dep_ != "npadvmod" or title.i > verb.i or title.pos_ != "NOUN":
                continue
            if title.lemma_.lower() not in self.titles and title.lemma_.lower() not in self.sets["institutions"]:
                continue
            owners = [p for p in (*title.children, *verb.children) if p.dep_ == "poss" and p.i < title.i]
            owner = next((p for p in owners if p.pos_ == "PROPN" and p.right_edge.i + 1 >= title.left_edge.i - 1), None)
            if owner is not None:
                return owner
        return None

    def _says(self, i: int, *, direct: bool) -> bool:
        """A verb of saying, of commitment ("pledged that"), or, for words in quotation marks, a verb
        that carries them ("called the matter “a serious matter”")."""
        if self._is_reporting(i):
            return True
        if self.index.pos[i] not in ("VERB", "AUX") and not self.index.tag[i].startswith("VB"):
            return False
        lemma = self.index.lemma[i].lower()
        if direct and _going_on(self.index.tokens[i]):
            return True  # "“...,” the spokesperson went on"
        return lemma in self.pledging or lemma in self.clause_reporting or (direct and lemma in self.quoting)

    def _named_as(self, span: Span, verb: Token) -> bool:
        """ "called the Western reports about the troops “groundless rumours”": the name a naming verb
        gives its object, which the parser hangs inside the object's phrase; quoted words after the
        object's head that end the phrase (or open a clause on it), not a name inside it ("called the
        “Freedom Edge” drills dangerous")."""
        if verb.lemma_.lower() not in self.naming:
            return False
        words = [t for t in span if not t.is_punct]
        if not words:
            return False
        root = next((t for t in words if not (span.start <= t.head.i < span.end)), words[0])
        if root.dep_ not in ("appos", "attr", "oprd", "npadvmod"):
            return False
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            if obj.i < words[0].i and obj.left_edge.i <= words[0].i and words[-1].i <= obj.right_edge.i:
                after = [t for t in obj.subtree if t.i > words[-1].i and not t.is_punct]
                return not after or all(
                    t.i in {u.i for c in root.children if c.dep_ == "acl" for u in c.subtree} for t in after
                )
        return False

    def _inside_complement(self, span: Span, verb: Token) -> bool:
        """Whether the quote sits inside the reported clause of `verb` (attributed words)."""
        words = [t for t in span if not t.is_punct]
        if words:
            span = span.doc[words[0].i : words[-1].i + 1]
        for child in verb.children:
            # The subtree's edges, not list(subtree): a sentence of hundreds of quoted clauses would
            # list its whole length once per verb.
            reports = child.dep_ in ("ccomp", "xcomp", "dobj", "oprd", "advcl", "parataxis", "conj")
            if reports and child.left_edge.i <= span.start and span.end - 1 <= child.right_edge.i:
                return True
        return verb.dep_ == "parataxis"

    def _subtree_ends(self, tok: Token) -> tuple[int, int]:
        """The first and the last token of `tok.subtree` (what list(tok.subtree) starts and ends with),
        read off the document's SubtreeOrder, not by walking a clause that may run the whole sentence."""
        order = subtree_order(self.index)
        return order.order[order.start[tok.i]], order.order[order.end[tok.i] - 1]

    def _reported(self, sent: Span) -> Iterator[tuple[Token, tuple[int, int]]]:
        index = self.index
        lower, dep, kids, tokens = index.lower, index.dep, index.kids, index.tokens
        for i in range(sent.start, sent.end):
            if lower[i] == "according" and any(dep[c] == "prep" and lower[c] == "to" for c in kids.get(i, ())):
                clause = _without(self.res.text, sent, tokens[i])
                if clause is not None:
                    yield tokens[i], clause
                continue
            if lower[i] in self.opinion_preps and dep[i] == "prep":
                # "In the NIS's assessment, ...", "By Western officials' estimates, ...": the owner's view.
                noun = next((tokens[c] for c in kids.get(i, ()) if dep[c] == "pobj"), None)
                if noun is not None and noun.lemma_.lower() in self.opinions and _owner(noun, personal=True):
                    clause = _without(self.res.text, sent, tokens[i])
                    if clause is not None:
                        yield noun, clause
                continue
            if index.pos[i] not in _SAYING_POS and not index.tag[i].startswith("VB"):
                continue  # every test below reads a noun of saying or a verb (most words are neither)
            said = self._said_by_owner(i)
            if said is not None:
                first, last = self._subtree_ends(said)
                yield tokens[i], _span_chars(self.res.text, sent, first, last)
                continue
            said = self._speech_object(i)
            if said is not None:
                first, last = self._subtree_ends(said)
                yield tokens[i], _span_chars(self.res.text, sent, first, last)
                continue
            named = self._what_named(i)
            if named is not None:
                first, last = self._subtree_ends(named)
                yield tokens[i], _span_chars(self.res.text, sent, first, last)
                continue
            described = self._described_as(i) or self._named_object(i)
            if described is not None:
                yield tokens[i], _span_chars(self.res.text, sent, described[0].i, described[1].i)
                continue
            if self._aside_speaker(tokens[i]) is not None:
                # "Kim, the paper notes, did not seem embarrassed": the sentence around the set-off words.
                clause = _without(self.res.text, sent, tokens[i])
                if clause is not None:
                    yield tokens[i], clause
                continue
            estimate = self._figure_put(i)
            if estimate is not None:
                yield tokens[i], _span_chars(self.res.text, sent, estimate[0].i, estimate[1].i)
                continue
            stance = self._stated_stance(i)
            if stance is not None:
                first, last = self._subtree_ends(stance)
                clause = next((c for c in kids.get(i, ()) if dep[c] == "ccomp" and c > last), None)
                last = self._subtree_ends(tokens[clause])[1] if clause is not None else last
                yield tokens[i], _span_chars(self.res.text, sent, first, last)
                continue
            if not self._says(i, direct=False):
                continue
            tok = tokens[i]
            if any(dep[c] == "dobj" and lower[c] in self.said_nothing for c in kids.get(i, ())):
                continue  # "..., state media said nothing more"
            aside = _subject_aside(tok)  # "X, chairing the meeting, told ...": not what was told
            comp = next(
                (tokens[c] for c in kids.get(i, ()) if dep[c] == "ccomp" and (aside is None or c != aside[1].i)), None
            )
            if comp is None and self._is_reporting(i):
                comp = self._misattached_clause(tok) or _clause_under_adverb(tok)
            elif comp is None and index.lemma[i].lower() in self.pledging:
                comp = self._misattached_clause(tok)  # "assured residents that ...": the pledge
            if comp is None and index.lemma[i].lower() in self.infinitive_reporting:
                # "claimed to have found the bodies": the infinitive is what was said.
                comp = next(
                    (
                        tokens[c]
                        for c in kids.get(i, ())
                        if dep[c] == "xcomp" and any(dep[g] == "aux" and lower[g] == "to" for g in kids.get(c, ()))
                    ),
                    None,
                )
            if comp is None and self._is_reporting(i):
                comp = self._nested_report(tok)
            if comp is None and self._is_reporting(i) and self._said_back(i):
                comp = tok  # "Jenca said so in remarks to the council": the sentence before is what was said
            if (
                comp is None
                and index.lemma[i].lower() in self.object_reporting
                and any(dep[c] == "nsubj" for c in kids.get(i, ()))
                and not _background_clause(tok)
            ):
                # "Umerov reported the first clashes", "Russia reported supplying 15,279 barrels", "KCNA has
                # confirmed the trip": what an active "report" or "confirm" takes as its object (a noun or a
                # gerund) is what was reported; not in a clause the reporter adds as background ("even though
                # Lima has confirmed the troops' presence", "the first time Lima has confirmed the use of").
                comp = next(
                    (
                        tokens[c]
                        for c in kids.get(i, ())
                        if (dep[c] == "dobj" and index.pos[c] in ("NOUN", "PROPN"))
                        or (dep[c] == "xcomp" and index.tag[c] == "VBG")
                    ),
                    None,
                )
            if comp is None and index.lemma[i].lower() == "say":
                subject_first = _object_parsed_clause(tok, self.sets)
                if subject_first is not None:
                    last = sent.end - 1
                    while last > subject_first.i and tokens[last].is_punct:
                        last -= 1
                    yield tok, _span_chars(self.res.text, sent, subject_first.left_edge.i, last)
                    continue
            if comp is None and tok.dep_ == "relcl" and self._is_reporting(i):
                # "the law, which critics say discriminates ...", "images that it said showed ...": the
                # relative pronoun is the subject of what is said, which the parser hangs elsewhere; what
                # follows the verb up to the clause's end is said of the noun.
                relative = [c for c in kids.get(i, ()) if dep[c] == "nsubj" and index.tag[c] == "WDT"]
                if relative and any(dep[c] == "nsubj" and c > relative[0] for c in kids.get(i, ())):
                    last = i
                    while last + 1 < sent.end and not (tokens[last + 1].is_punct and lower[last + 1] != "-"):
                        last += 1
                    if last > i:
                        yield tok, _span_chars(self.res.text, sent, i + 1, last)
                        continue
            if comp is not None:
                first, last = self._subtree_ends(comp)
                # "said so in a message": the saying itself, without its speaker.
                first = tok.i if comp.i == tok.i else first
                yield tok, _span_chars(self.res.text, sent, first, last)
            elif not self._is_reporting(i):
                continue  # "vowed, ..." reports nothing without its clause
            elif tok.dep_ == "csubj" and any(lower[c] == "what" for c in kids.get(i, ())):
                # "what they said was a coming assault": the clause the saying is the subject of.
                after = [t for t in tok.head.subtree if t.i > tok.right_edge.i and not t.is_punct]
                if after:
                    yield tok, _span_chars(self.res.text, sent, after[0].i, after[-1].i)
            elif tok.dep_ == "parataxis" or self._parenthetical(tok, sent) or _as_reported(tok):
                clause = _without(self.res.text, sent, tok)
                if clause is not None:
                    yield tok, clause
            elif (before := _clause_before_attribution(tok)) is not None:
                first, last = self._subtree_ends(before)
                yield tok, _span_chars(self.res.text, sent, first, last)
            # "The strike was reported by the Sudanese Doctors Network", "The decision was confirmed by the
            # minister": a passive verb of saying whose subject is a plain noun is a speech verb with a plain
            # object, no quote (news README; the training files' review dropped all 3 such rows).

    def _nested_report(self, verb: Token) -> Token | None:
        """ "Choe said the summit had laid down ..., KCNA said", "Zelensky said so in a message,
        Ukrinform reported": a verb of saying reported by another is a saying of its own; the parser
        hangs what it says on the outer verb (the clause after it), or it says only "so"."""
        outer = verb.head
        if verb.dep_ != "ccomp" or outer.i <= verb.i or not self._is_reporting(outer.i):
            return None
        if not any(c.dep_ in SUBJECTS for c in verb.children):
            return None
        said = next((c for c in outer.children if c.dep_ == "ccomp" and verb.i < c.i < outer.i and c.i != verb.i), None)
        if said is not None:
            return said
        if any(c.dep_ in ("advmod", "dobj") and c.lower_ in ("so", "this", "that", "it") for c in verb.children):
            return verb
        return None

    def _said_back(self, i: int) -> bool:
        """ "Jenca said so in remarks to the council", "Defence Minister Shin reported this": a verb of
        saying with a subject whose object is only "so" or "this" (what the sentence before said)."""
        index = self.index
        kids = index.kids.get(i, ())
        return any(index.dep[c] in SUBJECTS for c in kids) and any(
            index.dep[c] in ("advmod", "dobj") and index.lower[c] in ("so", "this") and c > i for c in kids
        )

    def _aside_speaker(self, tok: Token) -> Token | None:
        """ "Kim, the paper notes, did not seem embarrassed", "For now, the publication notes, ...": a verb
        of saying tagged a plural noun ("paper notes") in words set off by commas; the noun before it speaks."""
        if tok.tag_ != "NNS" or tok.lower_ not in self.aside_saying or tok.i + 1 >= len(self.doc):
            return None
        left = tok.left_edge.i
        if self.doc[tok.i + 1].text != "," or left == self.res.sent(tok).start or self.doc[left - 1].text != ",":
            return None
        return next((c for c in tok.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")), None)

    def _said_by_owner(self, i: int) -> Token | None:
        """ "Blinken's statement that the troops are ready": the "that" clause of a noun of saying
        with an owner (the owner is the speaker)."""
        index = self.index
        if index.pos[i] != "NOUN":
            return None
        lemma = index.lemma[i].lower()
        # "a Financial Times report that ...": a report is its outlet's words when the outlet names it.
        outlet_report = lemma == "report" and any(
            index.dep[c] == "compound" and index.pos[c] == "PROPN" and index.tokens[c].ent_type_ == "ORG"
            for c in index.kids.get(i, ())
        )
        if lemma not in self.speech_nouns and not outlet_report:
            return None
        # A named owner ("Blinken's", "Kyiv's"), not a pronoun: "if China is sincere in its statements
        # that ..." inside someone's quoted words is theirs, not China's.
        if _owner(index.tokens[i]) is None and not outlet_report:
            return None
        return next(
            (
                index.tokens[c]
                for c in index.kids.get(i, ())
                if index.dep[c] in ("acl", "ccomp") and _that_clause(index.tokens[c])
            ),
            None,
        )

    def _speech_object(self, i: int) -> Token | None:
        """ "repeated the allegation that the DPRK had transferred weapons", "made the claim that ...",
        "pointed to reports that ...": the "that" clause of a noun of saying the verb's subject voices."""
        index = self.index
        lemma = index.lemma[i].lower()
        citing = lemma in self.citing
        if index.pos[i] != "VERB" or (lemma not in self.voicing and not citing):
            return None
        nouns = [index.tokens[c] for c in index.kids.get(i, ()) if index.dep[c] == "dobj"]
        if citing:
            nouns += [o for c in index.kids.get(i, ()) if index.lower[c] == "to" for o in index.tokens[c].children]
        for noun in nouns:
            said = noun.lemma_.lower() in self.speech_nouns or (citing and noun.lemma_.lower() in self.bare_documents)
            if not said or _owner(noun) is not None:
                continue
            for clause in noun.children:
                if clause.dep_ in ("acl", "ccomp") and any(
                    g.dep_ == "mark" and g.lower_ == "that" for g in clause.children
                ):
                    return clause
        return None

    def _what_named(self, i: int) -> Token | None:
        """ "what she called a sacred struggle", "what he described as the total collapse of their
        offensive": the name the subject gives (its words, quoted or not)."""
        index = self.index
        lemma = index.lemma[i].lower()
        if index.pos[i] != "VERB" or (lemma not in self.naming and lemma not in self.describing):
            return None
        kids = index.kids.get(i, ())
        if not any(index.lower[c] == "what" and index.dep[c] == "dobj" for c in kids):
            return None
        if not any(index.dep[c] in SUBJECTS for c in kids):
            return None  # "what is called ...": nobody named
        for c in kids:
            if index.dep[c] in ("oprd", "attr") and lemma in self.naming:
                return index.tokens[c]
            if index.dep[c] == "prep" and index.lower[c] == "as":
                return next((index.tokens[g] for g in index.kids.get(c, ()) if index.dep[g] in ("pobj", "pcomp")), None)
        return None

    def _described_as(self, i: int) -> tuple[Token, Token] | None:
        """ "Yoon had described North Korea as the only country ...", "the ministry described the summit
        as a bilateral exchange": the subject's characterisation of its object is its words (first and
        last token of "the object as what it is called"). Not a passive ("is described as"), a reflexive
        ("described himself as a hostage") nor "what he described as" (_what_named)."""
        index = self.index
        if index.pos[i] != "VERB" or index.lemma[i].lower() not in self.describing:
            return None
        kids = index.kids.get(i, ())
        if not any(index.dep[c] in SUBJECTS for c in kids) and not _trailing_participle(index.tokens[i]):
            return None
        obj = next((index.tokens[c] for c in kids if index.dep[c] == "dobj"), None)
        if obj is None or obj.lower_ == "what" or obj.lower_.endswith(("self", "selves")):
            return None
        # "described the Peruvian comments as rude", "described reports of troops being sent as
        # contradictory": the "as" the parser hangs on the object or on a word inside it.
        inner_as = next((t for t in obj.subtree if t.i > obj.i and t.lower_ == "as" and t.dep_ == "prep"), None)
        if inner_as is not None:
            what = next((g for g in inner_as.children if g.dep_ in ("pobj", "pcomp", "amod")), None)
            if what is not None and what.i > inner_as.i:
                return obj.left_edge, what.right_edge
        for c in kids:
            if index.dep[c] == "prep" and index.lower[c] == "as" and c > obj.i:
                what = next((index.tokens[g] for g in index.kids.get(c, ()) if index.dep[g] in ("pobj", "pcomp")), None)
                if what is not None:
                    return obj.left_edge, what.right_edge
            # "described North Korea as the only country to have written ...": parsed as a clause of "as".
            if (
                index.dep[c] == "advcl"
                and c > obj.i
                and any(index.dep[g] == "mark" and index.lower[g] == "as" for g in index.kids.get(c, ()))
            ):
                return obj.left_edge, index.tokens[c].right_edge
        return None

    def _named_object(self, i: int) -> tuple[Token, Token] | None:
        """ "condemned the raid, calling it reckless", "has called the visit a very important step": what an
        active naming verb calls its object is the subject's words, quoted or not (news README: 45 rows vs 2),
        as "described X as Y" is (first and last token of "the object what it is called"). Not "calls on",
        "called in the envoy", "called Kyiv to act" (no name given), a passive ("is called"), nor a relative
        pronoun's name ("which Seoul calls X": a name, no judgement)."""
        index = self.index
        if index.pos[i] != "VERB" or index.lemma[i].lower() not in self.naming:
            return None
        kids = index.kids.get(i, ())
        if any(index.dep[c] in ("nsubjpass", "auxpass", "prt", "xcomp", "ccomp") for c in kids):
            return None
        objects = [index.tokens[c] for c in kids if index.dep[c] == "dobj"]
        if not objects or objects[0].tag_ in ("WP", "WDT") or objects[0].lower_.endswith(("self", "selves")):
            return None
        obj = objects[0]
        # "calling it a breach": the name parsed as a predicate of the object, as a second object, or as an
        # indefinite apposition to the object with no comma between ("called the visit a very important one").
        appositions = [
            a
            for a in obj.children
            if a.dep_ == "appos"
            and a.i > obj.i
            and not self.doc[a.left_edge.i - 1].is_punct
            and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in a.children)
        ]
        name = next(
            (index.tokens[c] for c in kids if index.dep[c] in ("oprd", "attr") and c > obj.i),
            objects[1] if len(objects) > 1 and objects[1].i > obj.i else (appositions[0] if appositions else None),
        )
        if name is None:
            return None
        return obj.left_edge, name.right_edge

    def _stated_stance(self, i: int) -> Token | None:
        """ "restated China's position on ...", "voiced concern over ...": the stance said."""
        index = self.index
        if index.pos[i] != "VERB" or not (self._is_reporting(i) or index.lemma[i].lower() in self.stance_verbs):
            return None
        if self._is_reporting(i) and any(index.dep[c] == "ccomp" for c in index.kids.get(i, ())):
            return None  # a verb of saying with its clause reports the clause
        # "voiced hope on Monday that ...": the clause the parser hangs on the verb is the stance's own.
        # "Deep concern over the moves was voiced by the minister": the stance as the passive's subject,
        # said by its agent.
        passive = _reporting_agent(index.tokens[i]) is not None
        return next(
            (
                index.tokens[c]
                for c in index.kids.get(i, ())
                if (index.dep[c] == "dobj" or (passive and index.dep[c] == "nsubjpass"))
                and index.lemma[c].lower() in self.stances
            ),
            None,
        )

    def _figure_put(self, i: int) -> tuple[Token, Token] | None:
        """ "South Korea's intelligence service put the death toll at 600", "Washington first put the number
        at 3,000": a figure its subject gives is its estimate, said (first and last token of "the toll at
        600"). Active, with a subject that is not itself a record ("previous estimates had put casualties
        at 3,000", "reports put the toll at ...": a source, no speaker)."""
        index = self.index
        if index.pos[i] != "VERB" or index.lemma[i].lower() not in self.figure_verbs:
            return None
        kids = index.kids.get(i, ())
        subject = next((index.tokens[c] for c in kids if index.dep[c] == "nsubj"), None)
        obj = next((index.tokens[c] for c in kids if index.dep[c] == "dobj"), None)
        if subject is None or obj is None:
            return None
        if any(
            t.lemma_.lower() in self.opinions or t.lemma_.lower() in self.documents
            for t in (subject, subject.right_edge)
        ):
            return None  # "US and Ukrainian intelligence estimates put ...", parsed with "US" as the subject
        for c in kids:
            if index.dep[c] == "prep" and index.lower[c] == "at" and c > obj.i:
                figure = next((index.tokens[g] for g in index.kids.get(c, ()) if index.dep[g] == "pobj"), None)
                if figure is not None and any(t.like_num for t in figure.subtree):
                    return obj.left_edge, figure.right_edge
        return None

    def _misattached_clause(self, verb: Token) -> Token | None:
        """ "told reporters at a news conference that the airline will ...": the parser hangs the
        reported clause on the audience as a relative clause; one that opens with "that" and has a
        subject of its own is what was said. A document is where words are said only "in" it ("said in a
        report that ...", not "told X, soon after reports that ..."); and not under a verb its subject
        declined ("declined to comment on reports that ...": the words are the reports')."""
        if _declined(verb, self.sets):
            return None
        nouns = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        nouns += [
            g
            for c in verb.children
            if c.dep_ == "prep"
            for g in c.children
            if g.dep_ == "pobj" and (c.lower_ == "in" or g.lemma_.lower() not in self.documents)
        ]
        # "said during a call with the Chilean president that ...", "said in talks with Ruiz that ...": the
        # clause hung on whom the call or talks were with; only a clause that opens with the conjunction "that"
        # and has a subject of its own (a relative clause has "that" as its pronoun).
        partners = [
            g
            for noun in nouns
            if noun.lemma_.lower() in self.audiences or noun.lemma_.lower() in self.talk_nouns
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in ("with", "between")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        for partner in partners:
            for clause in partner.children:
                if (
                    clause.dep_ != "relcl"
                    or clause.left_edge.lower_ != "that"
                    or not _conjunction_that(clause.left_edge)
                ):
                    continue
                if any(c.dep_ in SUBJECTS | PASSIVE_SUBJECTS for c in clause.children):
                    return clause
        for noun in nouns:
            if noun.lemma_.lower() in self.speech_nouns and _owner(noun) is not None:
                continue  # "answered a statement by a Ukrainian envoy that ...": the words are the envoy's
            audience = noun.lemma_.lower() in self.audiences or noun.lemma_.lower() in self.occasions
            # "said during talks with Ruiz that ...": an exchange's clause only with the conjunction "that".
            talk = not audience and noun.lemma_.lower() in self.talk_nouns
            # "assured residents that anyone who moved would be protected": any object of the verb when
            # "that" is the conjunction (a relative clause has a pronoun), and not a noun of saying's own.
            lemma = noun.lemma_.lower()
            told = (
                verb.lemma_.lower() in self.addressing
                and noun.dep_ in ("dobj", "dative")
                and lemma not in self.speech_nouns
                and lemma not in self.documents
            )
            if not audience and not told and not talk:
                continue
            for clause in noun.children:  # a relative clause, or a clause of the noun ("an interview that")
                if clause.dep_ not in ("relcl", "acl") or clause.left_edge.lower_ != "that":
                    continue
                that = clause.left_edge
                if not audience and not _conjunction_that(that):
                    continue
                # "told a briefing that the visit was being made": a passive has no object for "that".
                subject = next(
                    (c for c in clause.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS and c.i != that.i), None
                )
                if that.dep_ == "mark" or subject is not None:
                    return clause
        return None

    @staticmethod
    def _parenthetical(tok: Token, sent: Span) -> bool:
        """A verb of saying set off by a comma after the clause it reports, even when the parser
        hangs it off a noun ("Turkey has never threatened Greece, Ankara's foreign minister
        insisted.")."""
        # "..., the North's state media reported Friday": the parser may hang the verb on a noun of the
        # clause it reports as a clause of that noun (acl), with or without its subject.
        if tok.dep_ not in ("relcl", "conj", "advcl", "ccomp", "acl") or any(c.dep_ == "ccomp" for c in tok.children):
            return False
        # "a general said to be leading the troops", "troops thought to be in Russia": hearsay about the
        # noun, not a parenthetical attribution.
        if any(
            c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in tok.children
        ):
            return False
        subject = next((c for c in tok.children if c.dep_ in SUBJECTS), None) or _comma_speaker(tok)
        if subject is None or subject.lower_ in ("who", "which", "that"):
            return False
        left = subject.left_edge.i
        head = tok.head
        if tok.dep_ == "relcl" and head.dep_ == "appos" and head.i == left - 1 and head.i < tok.i:
            # "..., the state-run agency KCNA reported.": the parser hangs the speaker's description on
            # the last noun as an apposition and the verb on the description.
            left = head.left_edge.i
        # '... and said, "...," KCNA reported': the comma may sit inside the closing quotation mark.
        while left - 1 > sent.start and tok.doc[left - 1].is_quote and tok.doc[left - 2].text == ",":
            left -= 1
        return left > sent.start and tok.doc[left - 1].text == ","

    # -- speakers --------------------------------------------------------------------------------

    def _speakers(self, verb: Token) -> list[Speaker]:
        """Who says it: one speaker per coordinated subject ("Qatar and Egypt announced")."""
        sources: list[Token] = []
        if verb.lower_ == "according":
            to = next(c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to")
            subject = next((c for c in to.children if c.dep_ == "pobj"), None)
            # "according to the North and to the militaries of Peru and Chile": each "to" names a source.
            sources += [
                p
                for again in to.children
                if again.dep_ == "conj" and again.lower_ == "to"
                for p in again.children
                if p.dep_ == "pobj"
            ]
        elif verb.pos_ == "NOUN":  # "Blinken's statement that ...", "remarks by Kirby that ...", "in Lee's view"
            # "In his view, ...": a view is its owner's even as a pronoun (a statement's "its" is not).
            subject = _owner(verb, personal=verb.lemma_.lower() in self.opinions)
            aside = self._aside_speaker(verb) if subject is None else None
            if aside is not None:
                # "the paper notes": an outlet or body named again by its kind is the one quoted last.
                anaphor = aside.pos_ == "NOUN" and aside.lemma_.lower() in self.org_anaphors
                speaker = self._last_organisation(aside, window=False) if anaphor else None
                speaker = speaker or self._resolve_speaker(aside, verb)
                return [speaker] if speaker is not None else []
            if subject is None and verb.lemma_.lower() == "report":
                # "a Financial Times report that ...": the outlet named in the compound.
                subject = next(
                    (c for c in verb.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ == "ORG"),
                    None,
                )
            if subject is None:
                return []
            adjectives = self._coordinated_adjectives(subject)
            if adjectives:
                # "remarks by U.S. and Ukrainian officials that ...": one speaker per state, as for a verb.
                return [self._adjective_speaker(a, subject) for a in adjectives]
            # The owner is quoted, but not the one a later "he said" means: the reporter's "he" is a
            # person named as a subject (Hayashi criticised Putin's claim that .... “...,” he said).
            named = self.named.snapshot()
            owner = self._resolve_speaker(subject, verb)
            self.named.restore(named)
            return [owner] if owner is not None else []
        else:
            participle = verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.dep_ == "ccomp"
            reporter = verb.head.head if participle else None
            clause = verb.head if participle else None
            if reporter is None and verb.dep_ == "advcl" and verb.tag_ == "VBG" and self.doc[verb.i - 1].text == ",":
                # "Yoon said his country could consider ... depending on how far the cooperation goes, vowing
                # ...": hung deeper in the reported clause, the participle still goes on with the reporter.
                current = verb.head
                for _ in range(6):
                    if current.dep_ == "ccomp" and current.head.i != current.i:
                        reporter, clause = current.head, current
                        break
                    if current.head.i == current.i:
                        break
                    current = current.head
            if reporter is not None and reporter.i > verb.i and any(c.dep_ in SUBJECTS for c in verb.head.children):
                # "The ministry condemned the remarks, saying ..., KCNA reported": an attribution after the
                # words reports the clause, whose own subject goes on with the participle.
                reporter = None
            if (
                reporter is not None
                and clause is not None
                and reporter.dep_ != "ccomp"
                and (self._is_reporting(reporter.i) or (reporter.pos_ == "VERB" and _that_clause(clause)))
            ):
                # "Seoul said Pyongyang had launched ..., saying ...", "Lima demanded that the envoy be expelled,
                # calling Quito ...": the participle goes on with the subject of the verb whose clause it ends,
                # not with the clause's own subject.
                return self._speakers(reporter)
            subject = (
                _noun_clause_participle(verb, self.sets) or _inherited_subject(verb, self.sets) or _comma_speaker(verb)
            )
            subject = subject or _reporting_agent(verb) or self._possessed_title(verb)
            if subject is not None:
                subject = _misjoined_speaker(verb, subject, self.titles) or subject
        if subject is None:
            return []
        speakers: list[Speaker] = []
        # "After talks in Lisbon, Portugal and Brazil said": the parser may take the object of a preposition
        # left bare before it for the subject; who speaks are the names set off by the comma after it.
        set_off = _speakers_after_preposition(subject, verb)
        if set_off:
            subject = set_off[0]
        # One speaker per party the phrase names, read as events read it ("Lima and its ally Spain", "the
        # militaries of Peru and Chile", "Rep. A of the X Party and Rep. B of the Y Party").
        conjuncts = set_off or coordinated(subject)
        if verb.lower_ == "according" and len(conjuncts) > 1 and self.doc[conjuncts[1].left_edge.i - 1].text == ",":
            # "According to Kim, Seoul and Kyiv are ...", "According to Seoul, bilateral relations and ... were
            # discussed": the parser joins the clause's subject to the source when the clause has none of its own.
            clause = verb.head
            if clause.i != verb.i and not any(c.dep_ in SUBJECTS for c in clause.children):
                conjuncts = [subject]
        conjuncts += [c for source in sources for c in coordinated(source)]
        appositions = [c.i for c in subject.children if c.dep_ == "appos"]
        if appositions and subject.ent_type_ == "PERSON":
            # "Jenca, the UN envoy for Europe, Central Asia and the Americas, said": the places the title
            # lists, which the parser may join to the person, are no speakers.
            conjuncts = [c for c in conjuncts if c.i < appositions[0] or c.ent_type_ not in ("GPE", "LOC")]
        if subject.tag_ == "NNS":
            # "The Russian news agencies RIA Novosti and Interfax reported": each name the plural noun lists
            # (not in resolution.conjuncts: "NATO members A, B and C have sent warships" would be their
            # cooperation to the event rules, where the news sets code each one's deployment).
            for appos in (c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
                conjuncts += [c for c in appos.conjuncts if c.i > appos.i and c.pos_ == "PROPN"]
        # "Ukrainian and American officials said", "South Korean and Western intelligence agencies": one
        # speaker per adjective, each conjunct on its own ("..., as well as Western researchers"); an owner
        # of "the militaries of Peru and Chile" speaks under the noun ("militaries of Chile").
        listed = {c.i for c in conjuncts}
        expanded: list[tuple[Token, Token | None]] = []
        for conjunct in conjuncts:
            owners_noun = _owners_noun(conjunct)
            if owners_noun is not None and owners_noun.i not in listed:
                expanded.append((conjunct, owners_noun))
                continue
            adjectives = self._coordinated_adjectives(conjunct)
            expanded += [(a, conjunct) for a in adjectives] or [(conjunct, None)]
        for conjunct, noun in expanded:
            if noun is None and conjunct.pos_ == "NOUN" and conjunct.lemma_.lower() in self.mute:
                continue  # "Lavrov's visit suggests that ...": a visit says nothing
            if speakers and noun is None and _unnamed_others(conjunct):
                # "The Financial Times and other outlets reported", "the ministers and three close partners
                # said": the unnamed others beside a speaker are not quoted (3 rows of 3 in the tuning half).
                continue
            if noun is not None:
                speaker = self._adjective_speaker(conjunct, noun)
                if speaker is not None:
                    speakers.append(speaker)
                continue
            speaker = self._resolve_speaker(conjunct, verb)
            if speaker is not None and speakers and _owned_by_pronoun(conjunct):
                # "The United States and its allies say": the allies are not the state their "its" names
                # (already a speaker); they speak by their words, with no id.
                name = _phrase_text(conjunct).split(" ", 1)[1]
                speaker = Speaker(None, name, None, name.lower())
            if speaker is None or any(s.key == speaker.key for s in speakers):
                continue
            if speaker.affiliation:
                self.affiliations.setdefault(speaker.key, speaker.affiliation)
            elif speaker.key in self.affiliations:
                speaker = Speaker(speaker.speaker_id, speaker.name, self.affiliations[speaker.key], speaker.key)
            speakers.append(speaker)
        if not speakers and verb.pos_ != "NOUN" and verb.lower_ != "according":
            # The parse's subject names nobody ("... worries nobody in the region, a representative of
            # the ministry said"): the phrase set off just before the verb speaks.
            set_off = _comma_speaker(verb, with_subject=True)
            speaker = self._resolve_speaker(set_off, verb) if set_off is not None and set_off != subject else None
            if speaker is not None:
                speakers.append(speaker)
        # An outlet that relays the words ("..., as cited by TASS", "Interfax quoted a source as saying") is
        # no speaker of its own: the news coding convention quotes the source alone.
        return speakers

    def _naming_binder(self, pronoun: Token) -> Token | None:
        """ "The minister condemned what he called a “wave of violence”", "Kim praised the troops for
        what she described as heroism": the "he" who names inside a clause of a person's verb is that
        person (the subject of the verb the clause hangs on), not the last person named before."""
        verb = pronoun.head
        lemma = verb.lemma_.lower()
        if pronoun.dep_ != "nsubj" or (lemma not in self.naming and lemma not in self.describing):
            return None
        if not any(c.lower_ in ("what", "which") for c in verb.children):
            return None
        current = verb
        for _ in range(4):
            if current.dep_ not in ("ccomp", "relcl", "dobj", "pobj", "pcomp", "prep", "xcomp"):
                return None
            current = current.head
            if current.pos_ not in ("VERB", "AUX"):
                continue
            subject = next((c for c in current.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
                return None
            person = subject.ent_type_ == "PERSON" or (
                subject.lemma_.lower() in self.titles and _common_noun(subject) and _definite(subject)
            )
            return subject if person else None
        return None

    def _coordinated_adjectives(self, subject: Token) -> list[Token]:
        """The adjectives of "Ukrainian and American officials", "U.S. and South Korean officials", "South
        Korean and Western intelligence agencies", when there are several and one names a state."""
        if subject.pos_ not in ("NOUN", "PROPN"):
            return []
        for child in subject.children:
            if child.dep_ not in ("amod", "nmod", "compound") or not child.conjuncts or child.i > subject.i:
                continue
            if child.ent_type_ == "PERSON":
                continue  # "Kenyan President A and Turkish President B": the first name hung on the second's
            adjectives = [child, *[c for c in child.conjuncts if child.i < c.i < subject.i]]
            linked = [self.res.entity_at(a) for a in adjectives]
            states = [info is not None and info.code is not None for info in linked]
            named = all(a.text[:1].isupper() and a.pos_ in ("ADJ", "PROPN") for a in adjectives)
            if len(adjectives) > 1 and any(states) and (all(states) or named):
                return adjectives
        return []

    def _adjective_speaker(self, adjective: Token, noun: Token) -> Speaker:
        """One of "U.S. and South Korean officials": the state the adjective names ("South Korean
        officials" -> KOR), or the group by its words ("Western intelligence agencies")."""
        info = self.res.entity_at(adjective)
        if adjective.i > noun.i:
            # An owner after the noun: "militaries of Chile", one of "the militaries of Peru and Chile".
            words = [t.text for t in noun.lefts if t.dep_ in ("amod", "compound")]
            owner = info.span.text if info is not None else _DETERMINERS.sub("", _phrase_text(adjective))
            name = " ".join([*words, noun.text, "of", owner])
            if info is None or info.code is None:
                return Speaker(None, name, None, name.lower())
            return Speaker(info.entity_id or info.code, name, None, f"{info.code}:{name.lower()}")
        compounds = [c for c in noun.lefts if c.dep_ == "compound" and c.i > adjective.i]
        rest = " ".join(t.text for t in [*compounds, noun])
        if info is not None and info.code is not None:
            name = f"{info.span.text} {rest}"
            return Speaker(info.entity_id or info.code, name, None, f"{info.code}:{name.lower()}")
        name = f"{adjective.text} {rest}"
        return Speaker(None, name, None, name.lower())

    def _resolve_speaker(self, subject: Token, verb: Token) -> Speaker | None:
        speaker = self._named_again(subject)
        if speaker is None:
            speaker = self._resolve_speaker_phrase(subject, verb)
        if speaker is None:
            speaker = self._quoted_under(subject)
        if speaker is not None and speaker.speaker_id is None:
            speaker = self._spelled_out(speaker, subject)
        if speaker is not None and subject.pos_ in ("NOUN", "PROPN"):
            nouns = {subject.lemma_.lower()} | {
                c.lemma_.lower() for c in subject.children if c.dep_ == "appos" and c.pos_ == "NOUN"
            }
            self.speaker_nouns.append((subject.i, frozenset(nouns), speaker))
        return speaker

    def _named_again(self, subject: Token) -> Speaker | None:
        """ "the Treasury Department said ... The department said", "the Russian Embassy in North Korea
        said ... the embassy said": a body quoted a few sentences back, named again by its kind. The
        body quoted is who speaks, not the state the article is about at that point (the state in
        context is often the one the body's words are about)."""
        lemma = subject.lemma_.lower()
        # "the ministry", "the agency" look back at the organisations quoted (_last_organisation).
        if lemma not in self.institutions or lemma in self.org_anaphors:
            return None
        speaker = self._quoted_under(subject)
        if speaker is not None:
            self.organisations[subject.i] = speaker  # "it added" next
        return speaker

    def _quoted_under(self, subject: Token) -> Speaker | None:
        """A speaker quoted before under the noun a definite subject repeats: bare ("the representative
        said", "the group added") or with lowercase words that repeat part of the earlier speaker's name
        ("according to the security firm" after "a British maritime security firm said")."""
        if not _common_noun(subject) or not _definite(subject):
            return None
        if _bare(subject):
            return self._quoted_as(subject)
        if not _lowercase_modified(subject):
            return None
        speaker = self._quoted_as(subject)
        words = {c.lower_ for c in subject.lefts if c.dep_ in ("compound", "amod")}
        return speaker if speaker is not None and words <= set(speaker.name.lower().split()) else None

    def _acting_state_before(self, subject: Token) -> str | None:
        """The state an unnamed state body or office-holder speaks for ("the ministry said", "the presidential
        office said"): that of a person or a state body that is a subject before it in its sentence, outside
        quotation marks ("Kozlov, Russia's minister, co-chairs the commission, the ministry said"), else that
        of the nearest sentence before, a few back at most, whose main subject acts for one state ("The
        Polish Foreign Ministry summoned ...", "Chilean President Boric ordered ...", "Peru sent ..."). Not
        the state the resolver's context gives, which is often the one acted on, named last ("... closed the
        border with Bolivia"), or a subject inside the words said ("“Ecuador must ...,” the ministry said")."""
        sentence = self.res.sentence_of[subject.i]
        own = [code for i, code, named in self._subject_states(sentence) if i < subject.i and not named]
        if own:
            return own[-1]
        for earlier in range(sentence - 1, max(-1, sentence - 1 - _DOCUMENT_LOOKBACK), -1):
            code = next((code for _, code, _ in self._subject_states(earlier, main=True)), None)
            if code is not None:
                return code
        return None

    def _subject_states(self, sentence: int, *, main: bool = False) -> list[tuple[int, str, bool]]:
        """(position, state, named) of the subjects of a sentence outside quotation marks that act for one
        state: a state (`named`: the subject is its name), a state's body or official or a person of one
        state; with `main`, only the subject of its root or of a verb joined to the root. Read once per
        sentence."""
        if sentence not in self._acting_states:
            found: list[tuple[int, str, bool]] = []
            quoted = False
            sent = self.res.sentences[sentence]
            for tok in sent:
                quoted ^= tok.is_quote and tok.text not in ("'", "’")  # an apostrophe is no quotation mark
                if quoted or tok.dep_ not in SUBJECTS:
                    continue
                actors = self.res.resolve(tok, context=False)
                codes = {a.code for a in actors if a.kind in ("state", "person")}
                if len(codes) != 1 or any(a.kind not in ("state", "person") for a in actors):
                    continue
                (code,) = codes
                info = self.res.entity_at(tok)
                named = info is not None and info.kind == "state"
                # A state's name, body or office ("the ministry", "officials") or a person; not its soldiers.
                speaks = named or info is not None or tok.lemma_.lower() in self.offices
                if code and _STATE_CODE.fullmatch(code) and (speaks or actors[0].kind == "person"):
                    found.append((tok.i, code, named))
            self._acting_states[sentence] = found
        found = self._acting_states[sentence]
        if not main:
            return found
        sent = self.res.sentences[sentence]
        verbs = {sent.root.i, *(c.i for c in sent.root.children if c.dep_ == "conj")}
        return [each for each in found if self.doc[each[0]].head.i in verbs][:1]

    def _lookback_start(self, tok: Token) -> int:
        """The first token of the sentence `_DOCUMENT_LOOKBACK` sentences before the one of `tok` (or of
        the document): how far back a bare "the group" or "the report" looks for whom it names again."""
        floor = self.res.sent(tok).start
        for _ in range(_DOCUMENT_LOOKBACK):
            if floor == 0:
                break
            floor = self.res.sent(self.doc[floor - 1]).start
        return floor

    def _quoted_as(self, subject: Token) -> Speaker | None:
        """ "“...,” the North Korean representative told ... “...,” the representative said", "The
        Emergency Lawyers, a group that ..., said ... the group added": the speaker last quoted whose
        noun (or the noun in apposition to their name) this definite bare noun repeats, a few
        sentences back at most; one speaker only, else it is ambiguous."""
        sent = self.res.sent(subject)
        floor = self._lookback_start(subject)
        lemma = subject.lemma_.lower()
        found = {s.key: s for i, nouns, s in self.speaker_nouns if floor <= i < subject.i and lemma in nouns}
        if not found:
            # "the World Bank approved ... the bank said": an organisation named before by a name that
            # ends in the noun.
            for ent in self.doc.ents:
                if (
                    floor <= ent.start
                    and ent.end <= sent.start
                    and ent.label_ == "ORG"
                    and ent[-1].lemma_.lower() == lemma
                ):
                    name = _DETERMINERS.sub("", ent.text)
                    info = self.res.entity_at(ent.root)
                    key = info.entity_id if info is not None and info.entity_id else name.lower()
                    found[key] = Speaker(info.entity_id if info is not None else None, name, None, key)
        if len(found) > 1:
            # "according to a rights group ... The Emergency Lawyers, a group that ..., said ... the group
            # added": a group named is the one meant, not one described by the very noun.
            named = [s for s in found.values() if lemma not in s.name.lower().split()]
            if len(named) == 1:
                return named[0]
        return next(iter(found.values())) if len(found) == 1 else None

    def _resolve_speaker_phrase(self, subject: Token, verb: Token) -> Speaker | None:
        res = self.res
        low = subject.lower_
        if subject.dep_ in ("amod", "conj") and subject.head.pos_ == "NOUN" and subject.pos_ == "ADJ":
            # One of "Ukrainian and American officials": the state the adjective names.
            info = res.entity_at(subject)
            if info is None or info.code is None:
                return None
            noun = subject.head if subject.dep_ == "amod" else subject.head.head
            name = f"{subject.text} {noun.text}"
            return Speaker(info.entity_id or info.code, name, None, f"{info.code}:{name.lower()}")
        if low in ("he", "she", "him", "her", "his"):
            bound = self._naming_binder(subject)
            if bound is not None:
                speaker = self._resolve_speaker(bound, verb)
                if speaker is not None:
                    return speaker
            person = self._last_person_before(subject)
            return person
        # "the envoy, who said ...": the noun the relative clause hangs on (up the tree, never in a
        # circle: a parse's heads lead to its root; bounded all the same).
        for _ in range(_MAX_RELATIVE_HOPS):
            if low not in ("who", "which") or subject.head.dep_ != "relcl" or subject.head.head.i == subject.head.i:
                break  # "the envoy, who said", "South Korea's spy agency, which has suggested"
            if low == "which" and any(t.conjuncts for t in subject.head.head.subtree if t.i < subject.i):
                break  # "the governments of A, B and C, which have announced": not one of them
            subject = subject.head.head
            low = subject.lower_
            # "Kim Hyo-myung, a researcher at the Society for Political Research, who said": "who" is
            # a person; the parser may hang it on the end of the description or on the description.
            person = subject
            for _ in range(6):
                if person.ent_type_ == "PERSON" or person.dep_ not in ("pobj", "prep", "appos", "compound"):
                    break
                person = person.head
            if person.ent_type_ == "PERSON" and subject.ent_type_ != "PERSON" and person.i != subject.i:
                subject = person
                low = subject.lower_
        if low in ("he", "she", "him", "her"):
            return self._last_person_before(subject)
        outlet = self._named_outlet(subject)
        if outlet is not None:
            return outlet
        if low == "they":
            group = self._last_group_before(subject)
            return self._resolve_speaker(group, verb) if group is not None else None
        if low == "it" and subject.dep_ in SUBJECTS:
            # "Seoul has accused Pyongyang of ..., and it alleges that ...", "the UN condemned the attack,
            # which it said ...": the state or body that is the subject of the clause above.
            above = self._clause_antecedent(subject.head)
            if above is not None:
                return self._resolve_speaker(above, verb)
            # "It voiced a strong protest, saying ...": the organisation quoted in this sentence or the one
            # before; else a document quoted there ("..., the report said. It added that ...").
            earlier = self._last_organisation(subject, window=True)
            earlier = earlier if earlier is not None else self._last_document(subject)
            # "“...,” the Kremlin said in a statement. “...,” it said": the state body quoted just before.
            earlier = earlier if earlier is not None else self._last_state_quoted(subject)
            if earlier is not None or subject.head.i != verb.i or verb.dep_ != "ROOT":
                return earlier
            # "Amnesty published its review on Thursday. ... It warned that ...": a body or document that
            # acted before and was not quoted, for an "it" that speaks in the main clause (one inside a
            # clause, "a tanker it called a violator", names what its own sentence names).
            return self._body_subject_before(subject)
        if low in ("it", "they", "we", "i", "you", "this", "that", "which", "who"):
            return None
        surname = _surnamed(subject, self.sets)
        if surname is not None:
            # "The second captive, surnamed Paik, told Yu ...": the name the text gives them.
            return Speaker(None, surname.text, None, surname.text.lower())
        # "Kenya's interior minister Kithure Kindiki": the person in apposition is the speaker (not the
        # title in apposition to a named person: "Sergei Shoigu, Secretary of the Security Council").
        own = res.entity_at(subject)
        for child in subject.children:
            if own is not None and own.span.label_ == "PERSON":
                break
            named = child.ent_type_ == "PERSON" or child.pos_ == "PROPN"
            linked = res.entity_at(child)
            # NER may tag a person as an organisation: under a title ("executive chair Marcelo
            # Claure") an unlinked name is a person.
            person = (linked is None and child.lemma_.lower() not in self.titles) or (
                linked is not None and linked.span.label_ == "PERSON"
            )
            titled = linked is not None and linked.code is None and subject.lemma_.lower() in self.titles
            if subject.pos_ == "PROPN" and _definite(child):
                continue  # "Raj Kumar, the district Superintendent of Police": a name's description
            if child.dep_ == "appos" and named and (person or titled) and not _after_and(child):
                return self._person(child)
        if subject.pos_ == "NOUN" and subject.lemma_.lower() not in self.titles:
            # "The Somalia-based militant group Al-Shabab said": the organisation the noun describes.
            org = next(
                (
                    c
                    for c in subject.children
                    if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "ORG" and not _after_and(c)
                ),
                None,
            )
            if org is not None:
                speaker = self._resolve_speaker(org, verb)
                if speaker is not None:
                    return speaker
        # "Chinese Ambassador to India Xu Feihong", "Senior Superintendent of Police Nihal Thalduwa",
        # "Mexico's deputy foreign minister for North America, Jesús Seade": the name that ends the title.
        titled_name = self._name_ending_title(subject) or self._name_before_title(subject)
        if titled_name is not None:
            return self._person(titled_name, span=titled_name)
        lemma = subject.lemma_.lower()
        if lemma in self.titles and _common_noun(subject) and (_definite(subject) or self._state_owned(subject)):
            # "The ministers said" after "Trade Minister Nestor Huanca joined": several holders of a post
            # are not the one person named with it, but the group quoted before under the noun.
            titled = self._titled_person(subject) if subject.tag_ != "NNS" else self._quoted_under(subject)
            if titled is not None:
                return titled
            if _bare(subject):
                posted = self._posted_before(subject)
                if posted is not None:
                    return posted
                if verb.lemma_.lower() in self.going_on or _going_on(verb):
                    # "“...,” the prosecutor added" after his words were quoted: the person quoted just before.
                    floor = self._lookback_start(subject)
                    recent = [i for i, _ in self.named if floor <= i < self.res.sent(subject).start]
                    if recent:
                        latest = max(recent)
                        return self._person(self.doc[self.anchors.get(latest, latest)])
        if lemma in self.org_anaphors and _definite(subject) and _bare(subject):
            earlier = self._last_organisation(subject, window=False, noun=lemma)
            # "The SBU released images ... According to the agency": a body named in this sentence or the one
            # before, quoted or not, whose name or role says the noun (the one quoted keeps its fuller name).
            described = self._described_body_before(subject, lemma, verb)
            if described is not None and (earlier is None or earlier.key != described.key):
                self.organisations[subject.i] = described
                return described
            if earlier is not None:
                return earlier
        if lemma in self.org_anaphors and _definite(subject) and _lowercase_modified(subject):
            # "the defence ministry added" after "India's defence ministry said": the one quoted whose
            # name has the words.
            words = {c.lower_ for c in subject.lefts if c.dep_ in ("compound", "amod")} | {lemma}
            named = [s for i, s in sorted(self.organisations.items(), reverse=True) if i < subject.i]
            earlier = next((s for s in named if words <= set(s.name.lower().split())), None)
            if earlier is not None:
                self.organisations[subject.i] = earlier
                return earlier
            # "the ICRC said ... “...,” the aid agency said": the reporter's words for the one just quoted.
            earlier = self._last_organisation(subject, window=True)
            if earlier is not None:
                return earlier
        if lemma in self.issued:
            # "according to a NATO statement", "the Kremlin's statement": its issuer.
            issuer = next(
                (
                    c
                    for c in subject.children
                    if c.dep_ in ("compound", "poss", "nmod") and c.pos_ == "PROPN" and not _dated(c)
                ),
                None,
            )
            # "a statement from Ukraine's military intelligence", "a statement released by the ministry"
            issuer = issuer if issuer is not None else self._phrase_issuer(subject, ("from", "by", "of"))
            issuer = issuer if issuer is not None else self._relative_issuer(subject)
            if issuer is not None and any(c.i > issuer.i for c in issuer.conjuncts):
                # "the joint statement issued by Britain, France and the US": no one issuer speaks it.
                name = _DETERMINERS.sub("", _phrase_text(subject))
                return Speaker(None, name, None, name.lower())
            if issuer is not None:
                return self._resolve_speaker(issuer, verb)
            if _definite(subject) and _bare(subject):
                # "..., the statement added": the statement of the organisation last quoted; with none
                # quoted before, the statement speaks by its word (below). One named as who issued it a
                # few sentences back ("X said in a statement", "a statement by X") is its issuer's first.
                author = self._document_author(subject, earlier_only=True)
                issued = self._resolve_speaker(author, verb) if author is not None else None
                if issued is not None and author.ent_type_ == "PERSON":
                    issued = self._state_document(issued, subject, verb)
                    self.quoted_documents[subject.i] = issued  # "It added" next: the statement again
                    return issued
                earlier = self._last_organisation(subject, window=False)
                if earlier is not None:
                    return self._state_document(earlier, subject, verb)
        if lemma in self.documents and subject.pos_ != "PROPN":  # not "Big Machine Records"
            return self._document_speaker(subject, verb)
        info = res.entity_at(subject)
        if info is None and subject.pos_ == "PROPN":
            # The rest of a person's name NER stopped short of ("Lee Seong" + "-kweun").
            span = res.name_span(subject)
            first = res.entity_at(span[0]) if len(span) > 1 else None
            if first is not None and first.span.label_ == "PERSON":
                return self._person(subject)
        if (
            # "Wood criticised ...": a surname that is also a word may be tagged a common noun.
            (subject.pos_ == "PROPN" or (subject.pos_ == "NOUN" and subject.text[:1].isupper()))
            and (info is None or info.code is None)
            and len(span := res.name_span(subject)) == 1
            and self._fullest_name(span, subject) != span.text
        ):
            return self._person(subject)  # "Ryder said", tagged as an organisation, after "Pat Ryder"
        if (
            subject.pos_ == "PROPN"
            and (info is None or (info.code is None and info.entity_id is None and info.span.label_ != "PERSON"))
            and self._under_title(subject)
        ):
            # NER took a person for an organisation or a work ("MEA spokesperson Randhir Jaiswal",
            # "Alain Aeschlimann, the ICRC's head of operations"): a name under a title is a person.
            return self._person(subject)
        person_name = info is not None and info.span.label_ == "PERSON"
        # A lowercase word the tagger calls a proper noun ("the Russian defence ministry") is no name.
        untagged_name = (
            subject.pos_ == "PROPN"
            and subject.text[:1].isupper()
            and (info is None or info.code is None)
            # NER may swallow a name into a date ("Last week Choe held talks"), or take a name just after the
            # quoted words for a work's title ('"...," Raj Kumar, the police chief, said').
            and subject.ent_type_ in ("", "PERSON", "DATE", "TIME", "WORK_OF_ART")
        )
        owned_body = subject.lemma_.lower() in self.institutions and any(c.dep_ == "poss" for c in subject.children)
        if untagged_name and not person_name and owned_body:
            # "The Israeli Prime Minister's Office confirmed": a capitalised institution noun owned by a title
            # is the body's name, not a word standing for a person.
            return self._titled_office(subject)
        if untagged_name and not person_name:
            # An untagged single word is a name only when the article names the person in full
            # ("Zhu" after "Zhu Feng"); "Director" or "CEO" alone is a title, not a speaker.
            span = res.name_span(subject)
            if len(span.text.split()) < 2 and self._fullest_name(span, subject) == span.text:
                # "..., The Telegraph reported": a capitalised "The" inside the sentence is part of a
                # name (an outlet NER missed), not the article of a title ("the Director").
                titled = any(c.dep_ == "det" and c.text == "The" and c.i > res.sent(c).start for c in subject.children)
                # "Confidencial reported that ...": a name no title word, an outlet NER did not tag.
                untitled = not any(True for _ in subject.children) and not (
                    {subject.lower_, subject.lemma_.lower()} & (self.titles | self.head_titles)
                )
                return Speaker(None, subject.text, None, subject.lower_) if titled or untitled else None
        if untagged_name and not person_name and any(c.dep_ == "det" for c in subject.children):
            # "The Washington Post reported": a name with an article is a body (an outlet NER missed), not
            # a person; "the newspaper said" later names it again.
            body = self._body_of_named_state(subject, _phrase_text(subject))
            if body is not None:
                return body
            name = _DETERMINERS.sub("", res.name_span(subject).text)
            speaker = Speaker(None, name, None, name.lower())
            self.organisations[subject.i] = speaker
            return speaker
        if person_name or untagged_name:
            return self._person(subject)
        if info is not None and info.entity_id is not None and info.kind in ("person",):
            return self._person(subject)
        # A state, an organisation, an official: resolve the phrase to its state or organisation.
        through = _through_official(verb)
        phrase = through or subject
        if subject.lemma_.lower() in self.generic or subject.lower_ in self.generic:
            # "Chinese analysts" and "officials in Kyiv" speak for a state; a diplomat is posted
            # abroad: "a Western diplomat in Seoul" does not speak for Seoul.
            posted = subject.lemma_.lower() == "diplomat" or any(c.lower_ in self.foreign for c in subject.children)
            own = [
                a
                for a in res.resolve(subject, context=False)
                if not (posted and _placed(self.doc[a.token], subject, self.lex.place_preps))
            ]
            issuer = self._records_issuer(subject) if subject.lower_ in self.unnamed else None
            if issuer is not None:
                # "according to the latest figures from the Chilean foreign ministry": figures and data name no
                # speaker, but the issuer they come from speaks (news README: data with an issuer named are
                # quoted as the issuer, with none named not quoted).
                speaker = self._resolve_speaker(issuer, verb)
                if speaker is not None:
                    return speaker
            if not own:
                generic = self._generic_speaker(subject)
                body_state = self._body_official_state(subject) if generic is not None else None
                if body_state is not None:
                    # "“...,” said a foreign ministry official" after Seoul's words: an official of a state
                    # body the words do not place speaks for the state acting before, as "the ministry" does.
                    return Speaker(body_state, generic.name, None, f"{body_state}:{generic.key}")
                return generic
        if info is not None and info.entity_id is not None and info.kind in ("organisation", "igo", "state"):
            name = _phrase_text(phrase) if through is not None else self._with_acronym(info.span.text, info.span)
            body = info.kind == "organisation" and (through is not None or self._state_body(info.entity_id))
            other = self._other_state(subject, info) if body else None
            if other is not None:
                # "The North Korean Central Military Commission": the gazetteer knows only China's body of
                # that name; the state the phrase names is whose it is.
                name = _DETERMINERS.sub("", _phrase_text(subject))
                speaker = Speaker(other, name, None, f"{other}:{name.lower()}")
                self.organisations[subject.i] = speaker  # "It said" next: the same body
                return speaker
            speaker = Speaker(
                info.code if body and info.code else info.entity_id,
                _DETERMINERS.sub("", name),
                None,
                info.entity_id,
            )
            if info.kind != "state":
                self.organisations[subject.i] = speaker
            else:
                self.states_quoted[subject.i] = speaker
            return speaker
        if lemma in self.institutions and _common_noun(subject) and _definite(subject):
            named = self._named_body_before(subject, lemma, verb)
            if named is not None:
                return named
        actors = res.resolve(subject)
        if not actors and lemma in self.titles:
            # "a representative of the North Korean Foreign Ministry": the body they speak for.
            of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
            body = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            actors = res.resolve(body) if body is not None else []
            if not actors:
                # "the North Korean representative told ...", "the US representative said": the state its
                # adjective or the name before it names.
                states = {
                    info.code: info
                    for c in subject.children
                    if c.dep_ in ("amod", "compound")
                    and (info := res.entity_at(c)) is not None
                    and info.kind == "state"
                }
                if len(states) == 1:
                    ((code, info),) = states.items()
                    name = _DETERMINERS.sub("", _phrase_text(phrase))
                    return Speaker(info.entity_id or code, name, None, f"{code}:{name.lower()}")
        if not actors:
            unlinked = info is not None and info.kind == "unlinked" and info.span.label_ in ("ORG", "LOC")
            # "Citizen TV reported": the head of a name may be a common noun.
            named = subject.pos_ == "PROPN" or (
                subject.text[:1].isupper() and info is not None and info.span[0].pos_ == "PROPN"
            )
            if unlinked and subject.i == info.span.root.i and named:
                commas = [t.i for t in info.span if t.text == "," and t.i < subject.i]
                if commas and subject.pos_ == "PROPN":
                    # "In the House of Commons, Sunak said", NER running the place and the name together:
                    # the name after the comma, a person's when one named before has it ("Rishi Sunak").
                    own = self.doc[commas[-1] + 1 : info.span.end]
                    if self._fullest_name(own, subject) != own.text:
                        return self._person(subject, span=own)
                body = self._body_of_named_state(subject, info.span.text)
                if body is not None:
                    return body
                # An outlet or company the gazetteer does not know ("Volkswagen says"), a bloc ("the West
                # has claimed"): a speaker by name.
                name = _DETERMINERS.sub("", self._with_acronym(info.span.text, info.span))
                speaker = Speaker(None, name, None, name.lower())
                self.organisations[subject.i] = speaker
                return speaker
            if lemma in self.institutions and _common_noun(subject) and _definite(subject):
                # "The defense ministry estimates ...", its state unnamed in the article: a speaker by name.
                name = _DETERMINERS.sub("", _phrase_text(subject))
                speaker = Speaker(None, name, None, name.lower())
                self.organisations[subject.i] = speaker
                return speaker
            if subject.tag_ == "NNS" and lemma not in self.generic and subject.lower_ not in self.generic:
                # A group the gazetteer cannot place ("various media outlets reported"): a speaker by name.
                name = _DETERMINERS.sub("", _phrase_text(subject))
                return Speaker(None, name, None, name.lower())
            if self._unplaced_body(subject):
                # A body the gazetteer cannot place ("Congo's Catholic church said", "State television
                # announced", "a local news outlet reported"): a speaker by its words as written.
                name = _DETERMINERS.sub("", _phrase_text(subject))
                return Speaker(None, name, None, name.lower())
            if lemma in self.titles and _unnamed_holder(subject):
                # "a senior opposition leader said", "a police chief told reporters": one unnamed person
                # the gazetteer cannot place is quoted by their words, like "a diplomat said" (the stop-34
                # ruling on unnamed persons).
                return self._generic_speaker(subject)
            return None
        actor = actors[0]
        name = _DETERMINERS.sub("", _phrase_text(phrase))
        if actor.kind == "context" and _of_others(subject, self.foreign, self._portfolio_words(subject)):
            # "some Western governments", "the official news agencies of both countries": the article's
            # state in context is not theirs; they speak by their words.
            return Speaker(None, name, None, name.lower())
        placed = any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in subject.children)
        one_holder = lemma in self.titles and subject.tag_ == "NN"  # "the president": _titled_person's
        if actor.kind == "context" and not placed and not one_holder:
            # Not "the health ministry in Gaza", placed by its own words.
            acting = self._acting_state_before(subject)
            if acting is not None:
                actor = replace(actor, code=acting, entity_id=None)
        if through is None and info is not None and info.span.start <= subject.i < info.span.end:
            # "the Washington-based Committee to Protect Journalists (CPJ)": the organisation's whole
            # name, which the phrase stops short of at its relative clause, and its acronym.
            if name.endswith(subject.text) and info.span.end > subject.i + 1:
                name += self.doc[subject.i : info.span.end].text[len(subject.text) :]
            name = self._with_acronym(name, self.doc[info.span.start : max(info.span.end, subject.i + 1)])
        speaker = Speaker(
            actor.entity_id if actor.kind in ("state", "igo") and actor.entity_id else actor.code,
            name,
            None,
            f"{actor.code}:{name.lower()}",
        )
        if actor.kind == "organisation" or lemma in self.institutions or lemma in self.org_anaphors:
            # "North Korea's foreign ministry said": "the ministry", "the statement", "it" later
            self.organisations[subject.i] = speaker
        elif actor.kind == "state":
            self.states_quoted[subject.i] = speaker  # "the French presidency said ... it said"
        return speaker

    def _named_body_before(self, subject: Token, lemma: str, verb: Token) -> Speaker | None:
        """ "The UN Security Council has welcomed the truce ... the 15-member council said": an organisation
        the gazetteer knows, named a few sentences back by a name ending in the noun, not quoted since, is
        who "the council", "the commission" is (not the state the article is about at that point)."""
        if self._ent_starts is None:
            self._ent_starts = [ent.start for ent in self.res.ents]
        floor = self._lookback_start(subject)
        last = bisect.bisect_left(self._ent_starts, subject.i)
        for ent in reversed(self.res.ents[bisect.bisect_left(self._ent_starts, floor) : last]):
            if ent.end > subject.i or ent.label_ != "ORG" or ent[-1].lemma_.lower() != lemma:
                continue
            info = self.res.entity_at(ent.root)
            if info is not None and info.entity_id is not None and info.kind in ("organisation", "igo"):
                return self._resolve_speaker_phrase(ent.root, verb)
        return None

    def _described_body_before(self, subject: Token, lemma: str, verb: Token) -> Speaker | None:
        """ "The SBU released images of the soldiers. According to the agency, ...": the organisation the
        gazetteer knows, named in this sentence or the one before (quoted or not), whose name or role says
        the noun ("Ukraine's security agency"); the nearest."""
        if self._ent_starts is None:
            self._ent_starts = [ent.start for ent in self.res.ents]
        sent = self.res.sent(subject)
        floor = self.res.sent(self.doc[sent.start - 1]).start if sent.start > 0 else sent.start
        last = bisect.bisect_left(self._ent_starts, subject.i)
        for ent in reversed(self.res.ents[bisect.bisect_left(self._ent_starts, floor) : last]):
            if ent.end > subject.i or ent.label_ != "ORG":
                continue
            info = self.res.entity_at(ent.root)
            entity = self.res.gaz.entity(info.entity_id) if info is not None and info.entity_id else None
            words = f"{entity.name} {entity.role or ''}".lower().split() if entity is not None else []
            if entity is not None and entity.kind == "organisation" and lemma in words:
                return self._resolve_speaker_phrase(ent.root, verb)
        return None

    def _state_owned(self, subject: Token) -> bool:
        """A title owned by a state or a bloc ("South Korea's defense minister", "NATO's secretary general"),
        like "the ... minister" the person last introduced with it, when one was."""
        return any(
            c.dep_ == "poss" and (info := self.res.entity_at(c)) is not None and info.kind in ("state", "igo")
            for c in subject.children
        )

    def _portfolio_words(self, subject: Token) -> frozenset[str]:
        """The title portfolio words that name a singular definite institution's post ("the foreign
        ministry", "the Foreign Office"), none for other phrases ("foreign media", "foreign embassies")."""
        if subject.lemma_.lower() in self.institutions and subject.tag_ in ("NN", "NNP") and _definite(subject):
            return self.portfolios
        return frozenset()

    def _state_document(self, issuer: Speaker | None, document: Token, verb: Token) -> Speaker | None:
        """ "the statement said" after "the State Department said": a state's document named again is the
        state's (its id) in the document's words as written (the issuer is not named in the phrase);
        another issuer's ("the report said" after "KCNA reported", a bloc's, a person's) speaks by its
        words alone, as the news coding convention for documents has it, and so does "according to the
        report" (news README, documents ruling and its recode: 20 rows to 5)."""
        if issuer is None:
            return None
        name = _DETERMINERS.sub("", _phrase_text(document))
        if not _STATE_CODE.fullmatch(issuer.speaker_id or ""):
            return Speaker(None, name, None, name.lower())
        return Speaker(issuer.speaker_id, name, None, issuer.key)

    def _titled_office(self, subject: Token) -> Speaker:
        """ "The Israeli Prime Minister's Office": the body by its words as written, for the one state they
        name (ISR), if any."""
        name = _DETERMINERS.sub("", _phrase_text(subject))
        states = {
            info.code
            for t in subject.subtree
            if t.i < subject.i and (info := self.res.entity_at(t)) is not None and info.kind == "state" and info.code
        }
        code = next(iter(states)) if len(states) == 1 else None
        speaker = Speaker(code, name, None, f"{code}:{name.lower()}" if code else name.lower())
        self.organisations[subject.i] = speaker  # "the office said" next: the same body
        return speaker

    def _body_of_named_state(self, subject: Token, text: str) -> Speaker | None:
        """ "The Russian Embassy in Lima said", a name the gazetteer does not know: an institution whose
        adjective or possessive names one state speaks for that state (by the words `text`); not an
        agency (news agencies speak by name only)."""
        lemma = subject.lemma_.lower()
        if lemma not in self.institutions or lemma == "agency":
            return None
        codes = {
            named.code
            for c in subject.lefts
            if c.dep_ in ("amod", "compound", "nmod", "poss")
            and (named := self.res.entity_at(c)) is not None
            and named.kind == "state"
            and named.code is not None
        }
        if len(codes) != 1:
            return None
        (code,) = codes
        name = _DETERMINERS.sub("", text)
        speaker = Speaker(code, name, None, f"{code}:{name.lower()}")
        self.organisations[subject.i] = speaker  # "the embassy said" next: the same body
        return speaker

    def _other_state(self, subject: Token, info: LinkedEntity) -> str | None:
        """The state an adjective or possessive before a state body's name names, when it is not the state
        the gazetteer gives the body."""
        for child in subject.lefts:
            if child.dep_ not in ("amod", "compound", "nmod", "poss") or info.span.start <= child.i < info.span.end:
                continue
            named = self.res.entity_at(child)
            code = named.code if named is not None and named.kind == "state" else None
            if named is None and child.dep_ == "poss":
                # "The North's Central Military Commission": the state the shorthand stands for.
                codes = {a.code for a in self.res.resolve(child, context=False) if a.kind == "state"}
                code = next(iter(codes)) if len(codes) == 1 else None
            if code and code != info.code:
                return code
        return None

    def _state_body(self, entity_id: str) -> bool:
        """Whether a gazetteer organisation is a body of its state (a ministry, an intelligence agency,
        the armed forces), by the role the gazetteer gives it; not a news agency or a think tank."""
        entity = self.res.gaz.entity(entity_id)
        if entity is None or entity.role_names(self.state_body_exceptions):
            return False
        return entity.role_names(self.state_body_roles)

    def _body_subject_before(self, pronoun: Token) -> Speaker | None:
        """What a speaking "it" names when no body, document or state was quoted just before: the subject of
        an earlier sentence's main clause, the nearest within `_DOCUMENT_LOOKBACK` sentences, that names an
        organisation, an international body, one of a state's bodies or a document (not a plain state: it
        changed nothing measured) ("The Kenyan Red Cross released a report
        on Monday. The floods displaced thousands. It said ..." -> Kenyan Red Cross). People and pronouns are
        passed over ("it" is no person; an "it" before is resolved where it speaks)."""
        floor = self._lookback_start(pronoun)
        start = self.res.sent(pronoun).start
        while start > floor:
            previous = self.res.sent(self.doc[start - 1])
            start = previous.start
            subject = next((c for c in previous.root.children if c.dep_ in SUBJECTS), None)
            if subject is not None and self._speaking_body(subject):
                return self._resolve_speaker(subject, previous.root)
        return None

    def _speaking_body(self, tok: Token) -> bool:
        """Whether a subject names what "it" can stand for as a speaker: an organisation or an
        international body (linked, or an unlinked organisation's name), a state's body ("the ministry") or
        a document ("the report")."""
        info = self.res.entity_at(tok)
        if info is not None:
            return info.kind in ("organisation", "igo", "ngo", "group") or (
                info.kind == "unlinked" and info.span.label_ == "ORG"
            )
        lemma = tok.lemma_.lower()
        return tok.pos_ in ("NOUN", "PROPN") and (lemma in self.institutions or lemma in self.document_speakers)

    def _clause_antecedent(self, verb: Token) -> Token | None:
        """What "it" means as the subject of `verb` in a clause joined to another ("..., and it alleges",
        "the attack, which it said ..."): the other clause's subject, when it names a state or a body."""
        if verb.dep_ == "conj":
            above = verb.head
        elif verb.dep_ == "relcl":
            above = verb.head
            for _ in range(4):
                if above.pos_ in ("VERB", "AUX") or above.head.i == above.i:
                    break
                above = above.head
        else:
            return None
        subject = next((c for c in above.children if c.dep_ in SUBJECTS), None)
        if subject is None or subject.pos_ == "PRON":
            return None
        info = self.res.entity_at(subject)
        if info is not None and info.kind in ("state", "organisation", "igo"):
            return subject
        return None

    def _titled_nouns(self) -> dict[str, list[int]]:
        """The positions of the document's nouns with a modifier (not _bare) by title key (_posted_before),
        read once per document: a bare title looks back over the nouns of its title only, not over every
        word before it."""
        memo = self.index.memo.get("titled nouns")
        if memo is None:
            memo = self.index.memo["titled nouns"] = {}
            tokens = self.index.tokens
            for i, (pos, lemma) in enumerate(zip(self.index.pos, self.index.lemma, strict=True)):
                if pos == "NOUN" and not _bare(tokens[i]):
                    memo.setdefault(_title_key(lemma.lower()), []).append(i)
        return memo

    def _posted_before(self, subject: Token) -> Speaker | None:
        """ "After Seoul called in Moscow's ambassador ..., the envoy stressed ...": an official named
        again by a bare title is the one whose post a phrase in this sentence or the one before gave,
        with the state it names ("Moscow's ambassador" -> RUS); one such state only."""
        keys = (
            self.envoys if _title_key(subject.lemma_.lower()) in self.envoys else {_title_key(subject.lemma_.lower())}
        )
        sent = self.res.sent(subject)
        floor = self.res.sent(self.doc[sent.start - 1]).start if sent.start > 0 else sent.start
        states: dict[str, Token] = {}
        titled = self._titled_nouns()
        places = sorted(i for key in keys for i in _between(titled.get(key, ()), floor, subject.i))
        for i in places:
            tok = self.index.tokens[i]
            for actor in self.res.resolve(tok, context=False):
                if actor.kind == "state" and actor.code is not None:
                    states[actor.code] = tok
        if len(states) != 1:
            return None
        ((code, _),) = states.items()
        name = _DETERMINERS.sub("", _phrase_text(subject))
        return Speaker(code, name, None, f"{code}:{name.lower()}")

    def _unplaced_body(self, subject: Token) -> bool:
        """A common noun that names a body by its kind and a name or an outlet word ("Congo's Catholic
        church", "State television", "a local news outlet", "a rights group", "a Sputnik correspondent"),
        not a document, a title ("the US president-elect") or an opinion ("an English translation")."""
        lemma = subject.lemma_.lower()
        if subject.pos_ != "NOUN" or subject.tag_ != "NN" or lemma in self.generic:
            return False
        if any(t.lemma_.lower() in self.titles for t in (subject, *subject.lefts)):
            return False  # "the US president-elect" is a person
        if lemma in self.documents or lemma in self.speech_nouns or lemma in self.issued:
            return False
        if _bare(subject):
            return False  # "the group added": the one named before, or nobody
        if lemma in self.outlet_nouns or lemma in self.org_anaphors:
            return True
        return any(
            c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" and c.text[:1].isupper() for c in subject.children
        )

    def _spelled_out(self, speaker: Speaker, subject: Token) -> Speaker:
        """ "The NYT article alleged" after "The New York Times had published ...": a speaker named by an
        acronym of a name the article gave before it is that name, with the acronym in brackets."""
        acronym = speaker.name
        if not (2 <= len(acronym) <= 6 and acronym.isalpha() and acronym.isupper()):
            return speaker
        for ent in self.doc.ents:
            if ent.start >= self.res.sent(subject).start:
                break
            words = [t for t in ent if t.text[:1].isupper() and t.lower_ not in ("the", "of", "and")]
            if (
                ent.label_ == "ORG"
                and len(words) == len(acronym)
                and all(t.text[0] == a for t, a in zip(words, acronym, strict=True))
            ):
                name = f"{_DETERMINERS.sub('', ent.text)} ({acronym})"
                return Speaker(None, name, speaker.affiliation, name.lower())
        return speaker

    def _with_acronym(self, name: str, span: Span) -> str:
        """ "the Korean Central News Agency (KCNA)": the name with the acronym the text gives it in
        brackets, so that the speaker is one whichever of the two later sentences use."""
        doc, end = self.doc, span.end
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            acronym = doc[end + 1].text
            if 2 <= len(acronym) <= 8 and acronym.isupper() and acronym.isalpha() and acronym not in name:
                return f"{name} ({acronym})"
        return name

    def _named_outlet(self, subject: Token) -> Speaker | None:
        """ "the state broadcaster CCTV", "The Star newspaper", "Russia's state news agency Tass": an
        outlet or agency named beside the noun that says what it is speaks by its name."""
        if subject.pos_ == "PROPN" and any(
            # "..., Russian news agency RIA reported": the outlet noun before the name, as a compound.
            (c.dep_ == "appos" or (c.dep_ == "compound" and c.i < subject.i))
            and c.pos_ == "NOUN"
            and c.lemma_.lower() in self.outlet_nouns
            for c in subject.children
        ):
            # "Tasnim, Iran's semiofficial news agency, reported": the name the outlet noun describes.
            info = self.res.entity_at(subject)
            if info is None or info.kind in ("unlinked", "organisation"):
                name = info.span if info is not None else self.res.name_span(subject)
                if name is not None and name.text[:1].isupper():
                    text = _DETERMINERS.sub("", self._with_acronym(name.text, name))
                    entity_id = info.entity_id if info is not None else None
                    speaker = Speaker(entity_id, text, None, entity_id or text.lower())
                    self.organisations[subject.i] = speaker
                    return speaker
        if subject.pos_ != "NOUN" or subject.lemma_.lower() not in self.outlet_nouns:
            return None
        name: Span | None = None
        appos = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if appos is not None:
            name = self.res.name_span(appos)
        else:
            names = [c for c in subject.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if names:
                last = names[-1]
                info = self.res.entity_at(last)
                name = info.span if info is not None and info.span.end == last.i + 1 else self.res.name_span(last)
        if name is not None:
            # Up to its last proper noun: "KCNA", not NER's "KCNA news".
            propns = [t for t in name if t.pos_ == "PROPN"]
            name = name.doc[name.start : propns[-1].i + 1] if propns else None
        if name is None or not name.text[:1].isupper():
            return None
        info = self.res.entity_at(name.root)
        if info is not None and info.code is not None and info.kind == "state":
            return None  # "the Russian news agency" is Russia's, not a name
        text = _DETERMINERS.sub("", self._with_acronym(name.text, name))
        if info is not None and info.entity_id is not None and info.kind in ("organisation", "igo"):
            speaker = Speaker(info.entity_id, text, None, info.entity_id)
        else:
            speaker = Speaker(None, text, None, text.lower())
        self.organisations[subject.i] = speaker
        return speaker

    def _name_before_title(self, subject: Token) -> Span | None:
        """ "Shin Won-sik, national security adviser to ..., told": a parse that makes the title the
        subject and hangs the name before it on the title; the name set off before its title speaks."""
        if subject.lemma_.lower() not in self.titles or subject.pos_ != "NOUN":
            return None
        info = self.res.entity_at(subject.left_edge)
        if info is None or info.span.label_ != "PERSON" or info.span.start != subject.left_edge.i:
            return None
        after = self.doc[info.span.end] if info.span.end < len(self.doc) else None
        if after is None or after.text != "," or after.i >= subject.i:
            return None
        return info.span

    def _name_ending_title(self, subject: Token) -> Span | None:
        """The person named at the end of a title whose parse hangs the name on the title's object:
        "Ambassador to India Xu Feihong" (the place a compound of the name), "deputy foreign minister
        for North America, Jesús Seade" (the name in apposition to the object). Not the object itself
        ("an adviser to President Putin", "the sister of Kim Jong Un")."""
        if subject.pos_ not in ("NOUN", "PROPN") or (
            subject.lemma_.lower() not in self.titles and not (subject.pos_ == "PROPN" and subject.text[:1].isupper())
        ):
            return None
        own = self.res.entity_at(subject)
        if own is not None and (own.span.label_ == "PERSON" or own.code is not None):
            return None
        # "according to Chilean Ambassador to Peru Pablo Rojas, who had met the delegation": the name ends
        # the title before a relative clause that describes the person.
        described = {t.i for r in subject.subtree if r.dep_ == "relcl" and r.i > subject.i for t in r.subtree}
        last = subject.right_edge
        while last.i > subject.i and (last.is_punct or last.i in described):
            last = last.doc[last.i - 1]
        if last.i <= subject.i or last.pos_ != "PROPN":
            return None
        info = self.res.entity_at(last)
        if info is not None and (info.span.label_ != "PERSON" or info.span.end - 1 != last.i):
            return None
        # Reached from the title through prepositions and their objects only.
        tok = last
        while tok.dep_ == "compound" and tok.head.i > tok.i:
            tok = tok.head
        path = []
        current = tok
        for _ in range(6):
            if current.i == subject.i:
                break
            path.append(current)
            current = current.head
        else:
            return None
        if current.i != subject.i or not path or any(t.dep_ not in ("pobj", "prep") for t in path[1:]):
            return None
        if path[0].dep_ not in ("pobj", "appos"):
            return None
        span = self.res.name_span(last)
        # Without the title's object before an untagged name: "India Xu Feihong".
        start = span.start
        while start < last.i and (span.doc[start].ent_type_ not in ("", "PERSON") or span.doc[start].is_punct):
            start += 1
        name = span.doc[start : last.i + 1]
        if len(name) < 2 or any(t.lemma_.lower() in self.titles for t in name):
            return None
        if tok.dep_ == "appos":
            return name
        # The name as a compound after the title's object ("India Xu Feihong", "Police Nihal Thalduwa").
        before = [c for c in last.lefts if c.dep_ == "compound" and c.i < name.start]
        if any(c.lemma_.lower() in self.titles for c in before):
            return None  # "adviser to President Yoon Suk Yeol": the title's object is another person
        if not before and len(name) >= 3 and tok.dep_ == "pobj" and tok.head.lower_ == "of" and info is None:
            # "Superintendent of Police Amit Singh", none of it tagged: the title's object is its first word.
            return name[1:]
        return name if before else None

    def _document_speaker(self, subject: Token, verb: Token) -> Speaker | None:
        """ "the report said", "a joint statement warned", "the letter said": a document speaks by its
        words as written (the news coding convention); one its owner issued speaks for the owner ("the
        Foreign Ministry's report" -> the ministry's state). Records, data and figures are no speakers."""
        if subject.lower_ not in self.document_speakers:
            if subject.tag_ == "NNS" and subject.lemma_.lower() in self.document_speakers:
                return self._described_documents(subject)
            return None
        if any(c.dep_ in ("nummod", "npadvmod", "appos") and c.like_num for c in subject.children):
            return None  # "according to Article 22 of the treaty": a provision, not a speaker
        owner = next(
            (
                c
                for c in subject.children
                if c.dep_ in ("compound", "poss", "nmod") and c.pos_ in ("PROPN", "NOUN") and not _dated(c)
            ),
            None,
        )
        earlier_owner = False
        if owner is None and _definite(subject) and _bare(subject):
            owner = self._document_author(subject)  # "the letter said" after "the prisoners wrote a letter"
            earlier_owner = owner is not None
            if owner is None:
                # "..., KCNA reported. “...,” the report said": the report of the organisation quoted last.
                earlier = self._last_organisation(subject, window=True)
                if earlier is not None:
                    return self._state_document(earlier, subject, verb)
        if owner is not None and owner.lemma_.lower() not in self.documents:
            speaker = self._resolve_speaker(owner, verb)
            if speaker is not None:
                return self._state_document(speaker, subject, verb) if earlier_owner else speaker
        # "A press release from the Nigerien army said", "according to a post on X by the bureau": its issuer.
        places = [o for c in subject.children if c.dep_ == "prep" and c.lower_ == "on" for o in c.children]
        issuer = next(
            (
                o
                for c in [*subject.children, *(g for p in places for g in p.children)]
                if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by")
                for o in c.children
                if o.dep_ == "pobj" and o.pos_ in ("PROPN", "NOUN") and o.lemma_.lower() not in self.documents
            ),
            None,
        )
        issuer = issuer if issuer is not None else self._relative_issuer(subject)
        if issuer is not None and not issuer.conjuncts:
            speaker = self._resolve_speaker(issuer, verb)
            if speaker is not None:
                return speaker
        # "Friday's statement said": the day it came out is no part of its name.
        modifiers = [c for c in subject.lefts if c.dep_ in ("amod", "compound", "nmod", "poss") and not _dated(c)]
        left = min((c.left_edge.i for c in modifiers), default=subject.i)
        name = _DETERMINERS.sub("", self.doc[left : subject.i + 1].text)
        speaker = self._document_by_words(name, modifiers)
        self.quoted_documents[subject.i] = speaker  # "..., the report said. It added that ..."
        return speaker

    def _described_documents(self, subject: Token) -> Speaker | None:
        """ "South Korean assessments say", "Official reports say": documents in the plural speak by their
        words only when the words say whose or what kind they are (bare "reports suggest": `reports`, as the
        news sets code it; bare "assessments say" names nobody);
        a state their words name is their id."""
        modifiers = [c for c in subject.lefts if c.dep_ in ("amod", "compound", "nmod", "poss")]
        if not modifiers:
            # "Reports say ...", "reports suggest ...", "according to the reports": bare reports by their word
            # (the article alone names no issuer: the documents ruling); "studies show" names nobody.
            if subject.lemma_.lower() in self.bare_documents and all(
                c.dep_ == "det" and c.lower_ == "the" for c in subject.children
            ):
                return Speaker(None, subject.text, None, subject.lower_)
            return None
        left = min(c.left_edge.i for c in modifiers)
        name = _DETERMINERS.sub("", self.doc[left : subject.i + 1].text)
        return self._document_by_words(name, modifiers)

    def _document_by_words(self, name: str, modifiers: list[Token]) -> Speaker:
        """A document quoted by its words as written (`name`), with the id of the one state its modifiers name
        ("the Saudi statement", "South Korean assessments" -> SAU, KOR), as the news sets code it; none when
        they name no state or several."""
        states = {
            info.code
            for c in modifiers
            for t in c.subtree
            if (info := self.res.entity_at(t)) is not None and info.kind == "state" and info.code
        }
        state = next(iter(states)) if len(states) == 1 else None
        return Speaker(state, name, None, f"{state}:{name.lower()}" if state else name.lower())

    def _records_issuer(self, records: Token) -> Token | None:
        """ "figures from the Chilean foreign ministry", "data released by Peru's customs service": the one issuer
        the records' phrase names (by "from" or "by"), if any."""
        issuer = self._phrase_issuer(records, ("from", "by"))
        return issuer if issuer is not None and issuer.pos_ in ("PROPN", "NOUN") and not issuer.conjuncts else None

    def _phrase_issuer(self, document: Token, preps: tuple[str, ...]) -> Token | None:
        """The object of the first of ``preps`` on a document or on the participle that publishes it ("a statement
        from the ministry", "a statement released by the ministry", "figures from Lima")."""
        for child in document.children:
            if child.dep_ == "acl" and child.lemma_.lower() in self.publishing:
                child = next((c for c in child.children if c.dep_ == "agent"), child)
            if child.dep_ in ("prep", "agent") and child.lower_ in preps:
                issuer = next((c for c in child.children if c.dep_ == "pobj"), None)
                if issuer is not None:
                    return issuer
        return None

    def _relative_issuer(self, document: Token) -> Token | None:
        """ "according to a statement that Riyadh issued", "a report the ministry released on Monday": the
        subject of a relative clause that issues, releases or gives the document names its issuer (news README,
        documents ruling: the issuer when the phrase names it); not a clause the document is the subject of
        ("a statement that said ...")."""
        for clause in document.children:
            if clause.dep_ != "relcl" or clause.lemma_.lower() not in self.publishing:
                continue
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.tag_ not in ("WDT", "WP") and not subject.conjuncts:
                return subject
        return None

    def _document_author(self, subject: Token, *, earlier_only: bool = False) -> Token | None:
        """Who wrote the document "the report" names again: the issuer at an earlier mention of it ("a
        report released by CSIS", "Seoul's report") or the subject whose object it was ("CSIS put out a
        report", "the prisoners wrote the letter"), looking back a few sentences."""
        floor = self._lookback_start(subject)
        lemma = subject.lemma_.lower()
        # `earlier_only`: its mention in a sentence before, the same word ("such statements by the
        # president" inside the quoted words is not "the statement").
        last = self.res.sent(subject).start if earlier_only else subject.i
        for i in range(last - 1, floor - 1, -1):
            mention = self.doc[i]
            if mention.lemma_.lower() != lemma or mention.pos_ != "NOUN":
                continue
            if earlier_only and mention.lower_ != subject.lower_:
                continue
            for child in mention.children:
                if child.dep_ in ("poss", "compound") and child.pos_ == "PROPN":
                    return child
                if child.dep_ == "acl" and child.lemma_.lower() in self.publishing:
                    child = next((c for c in child.children if c.dep_ == "agent"), child)
                if child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by"):
                    issuer = next((c for c in child.children if c.dep_ == "pobj"), None)
                    # "a joint statement by the G7 countries, South Korea and Australia": no one issuer.
                    return None if issuer is None or any(c.i > issuer.i for c in issuer.conjuncts) else issuer
            if mention.dep_ == "dobj":
                return _inherited_subject(mention.head, self.sets)
            said = mention.head.head if mention.dep_ == "pobj" and mention.head.lower_ == "in" else None
            if earlier_only and said is not None and self._is_reporting(said.i):
                # "Zakharova said in a statement. “...,” the statement says": who said it in the statement.
                return _inherited_subject(said, self.sets)
        return None

    def _body_official_state(self, subject: Token) -> str | None:
        """The state of "a foreign ministry official", "ministry officials" (an official of a body the phrase
        names by its kind alone, no state, place or party): the state acting before (_acting_state_before)."""
        if subject.lemma_.lower() not in ("official", "officials"):
            return None
        modifiers = [c for c in subject.lefts if c.dep_ in ("compound", "amod", "nmod")]
        if not modifiers and subject.tag_ == "NN" and any(c.lower_ == "the" for c in subject.lefts):
            # "the official said" after "a foreign ministry official said": the one introduced last.
            introduced = self._introduced_nouns().get(subject.lemma_, [])
            before = bisect.bisect_left(introduced, subject.i)
            if not before or self.doc[introduced[before - 1]].lemma_.lower() != subject.lemma_.lower():
                return None
            return self._body_official_state(self.doc[introduced[before - 1]])
        if not any(c.lemma_.lower() in self.institutions for c in modifiers):
            return None
        if any(c.text[:1].isupper() for m in modifiers for c in m.subtree):
            return None  # "a Pentagon official", "a UN agency official": named, not unnamed
        if any(c.dep_ == "prep" for c in subject.children) or any(c.lower_ in self.foreign for c in subject.lefts):
            return None  # "an official in Kyiv", "a foreign ministry official in Seoul", "a Western official"
        return self._acting_state_before(subject)

    def _generic_speaker(self, subject: Token) -> Speaker | None:
        """ "analysts say", "Western officials said", "a ministry official confirmed": a source the text
        does not name is quoted by its words as written (the news coding convention); indefinite
        pronouns ("some", "many") and documents are not."""
        if subject.pos_ != "NOUN" or subject.lemma_.lower() in self.documents:
            return None
        # "people familiar with the matter said", "people close to the talks": who they are follows them.
        after = next((c for c in subject.rights if c.dep_ in ("amod", "acl") and c.pos_ in ("ADJ", "VERB")), None)
        if subject.lower_ == "people" and after is not None and any(c.dep_ == "prep" for c in after.children):
            end = after.right_edge.i
            return Speaker(None, self.doc[subject.i : end + 1].text, None, self.doc[subject.i : end + 1].text.lower())
        if subject.lower_ in self.unnamed:
            return None
        modifiers = [c for c in subject.lefts if c.dep_ not in ("det", "punct", "cc", "conj")]
        left = min((c.left_edge.i for c in modifiers), default=subject.i)
        name = _DETERMINERS.sub("", self.doc[left : subject.i + 1].text)
        return Speaker(None, name, None, name.lower())

    def _last_document(self, tok: Token) -> Speaker | None:
        """The document quoted last in this sentence or the one before ("the statement said")."""
        sent = self.res.sent(tok)
        floor = self.res.sent(self.doc[sent.start - 1]).start if sent.start > 0 else sent.start
        earlier = [i for i in self.quoted_documents if floor <= i < tok.i]
        return self.quoted_documents[max(earlier)] if earlier else None

    def _last_state_quoted(self, tok: Token) -> Speaker | None:
        """The state quoted last in this sentence or the one before, by a name that is not the state's
        own ("the Kremlin", "the Elysee said"): "it" names it again. A country named ("France said") is
        "it" too, but so is much else; only the sentence's or previous sentence's one state speaker."""
        sent = self.res.sent(tok)
        floor = self.res.sent(self.doc[sent.start - 1]).start if sent.start > 0 else sent.start
        found: dict[str, Speaker] = {}
        for i in reversed(self.states_quoted):  # in reading order: the last ones first, back to the window
            if i < floor:
                break
            if i < tok.i:
                found.setdefault(self.states_quoted[i].key, self.states_quoted[i])
        return next(iter(found.values())) if len(found) == 1 else None

    def _last_organisation(self, tok: Token, *, window: bool, noun: str | None = None) -> Speaker | None:
        """The organisation quoted last before tok (in this sentence or the one before when `window`);
        for "the ministry", the last one whose name says ministry, if any does."""
        floor = 0
        if window:
            sent = self.res.sent(tok)
            floor = self.res.sent(self.doc[sent.start - 1]).start if sent.start > 0 else sent.start
        earlier = sorted((i for i in self.organisations if floor <= i < tok.i), reverse=True)
        if noun is not None:
            named = [i for i in earlier if noun in self.organisations[i].name.lower().split()]
            earlier = named or earlier
        if not earlier:
            return None
        self.organisations[tok.i] = self.organisations[earlier[0]]  # named again here: "It ..." next
        return self.organisations[tok.i]

    def _introduced_nouns(self) -> dict[str, list[int]]:
        """The positions of nouns introduced with "a"/"an" ("a diplomat said"), by lemma, read once per
        document (_titled_person looks back to the last one before a "the diplomat")."""
        if self._introduced is None:
            self._introduced = {}
            for t in self.index.tokens:
                if t.pos_ == "NOUN" and any(c.lower_ in ("a", "an") for c in t.children):
                    self._introduced.setdefault(t.lemma_, []).append(t.i)
        return self._introduced

    def _titled_person(self, subject: Token) -> Speaker | None:
        """ "the Russian leader" after "Russian President Vladimir Putin": the person last introduced
        with the same title (any head title for a head of state) and the same qualifying names."""
        title = _title_key(subject.lemma_.lower())
        if title == "head" and any(
            p.lower_ == "of" and any(o.lower_ == "state" for o in p.children) for p in subject.children
        ):
            title = "leader"  # "the head of state" is the leader, the president
        qualifiers = [
            t
            for t in subject.subtree
            if t.i != subject.i
            and t.lower_ != "state"
            and not _dated(t)  # "On Thursday Chile's president": the parser may hang the day on the title
            and ((t.text[:1].isupper() and t.pos_ in ("ADJ", "PROPN")) or t.lower_ in self.portfolios)
        ]
        # "a diplomat said ... the diplomat added": an unnamed one introduced since the last person.
        introduced = self._introduced_nouns().get(subject.lemma_, [])
        before = bisect.bisect_left(introduced, subject.i)
        unnamed = introduced[before - 1] if before else -1
        # People the reporter names, not those named inside quoted words ("“... my meeting with Foreign
        # Minister Wang Yi ...,” the foreign minister said" is not Wang Yi).
        examined = 0
        for span in reversed(self.narrated_people):
            if span.end > subject.i:
                continue
            if unnamed >= 0:
                return None
            examined += 1
            if examined > _TITLED_LOOKBACK:
                break  # a long text names hundreds of people: the title's holder is among the nearest
            words = _title_words(span)
            lemmas = {_title_key(t.lemma_.lower()) for t in words}
            # A co-chairman of a commission is no head of state ("the Russian president" is not him).
            heads = {_title_key(t.lemma_.lower()) for t in words if not _co_title(t)} & self.head_titles
            fits = title in lemmas or (title in self.head_titles and bool(heads))
            if title in self.envoys:
                # "the diplomat" after "Foreign Ministry spokesman Lin Jian" or "Ambassador Kim"; "the envoy"
                # after "Russia's ambassador to Pyongyang, Alexander Matsegora" (one post, two words).
                foreign = title == "diplomat" and "foreign" in {t.lower_ for t in words}
                fits = bool(lemmas & self.envoys) or (foreign and bool(lemmas & {"spokesperson", "minister"}))
            # "the UN official" after "Jenca, the UN Assistant Secretary-General": any post is an official's.
            general = title in self.any_post and subject.tag_ == "NN"  # "the officials" are not one person
            fits = fits or (general and bool(lemmas & self.titles))
            # A vice president or a former minister is not "the president", "the minister".
            lower = {t.lower_ for t in words}
            ranked = (lower & self.ranks) - {t.lower_ for t in subject.subtree} if not general else set()
            if fits and not ranked and all(self._qualifies(q, lower, words, span) for q in qualifiers):
                speaker = self._person(span.root)
                if speaker is not None and self.named:
                    # Named again here: a later "he" looks back to this mention.
                    self.named.replace_last(subject.i)
                    self.anchors[subject.i] = span.root.i
                return speaker
        if title not in self.head_titles:
            return self._placed_person(subject, title)
        # "the North Korean leader" after "Kim Jong Un" named with no title: the head of state or
        # government is the person last named whom the gazetteer places in the state the adjective names.
        states = {
            info.code
            for t in subject.lefts
            if t.dep_ == "amod" and (info := self.res.entity_at(t)) is not None and info.kind == "state"
        }
        for span in reversed(self.res.people):
            info = self.res.entity_at(span.root)
            if span.end <= subject.i and info is not None and info.kind == "person" and info.code in states:
                # Not someone introduced with another post ("spokeswoman Mao Ning" is not the leader).
                words = {_title_key(t.lemma_.lower()) for t in _title_words(span)}
                if not words & self.ranks and not (words & self.titles) - self.head_titles:
                    return self._person(span.root)
        if states or qualifiers:
            return None
        return self._head_by_role(subject, title)

    def _head_by_role(self, subject: Token, title: str) -> Speaker | None:
        """ "The president said" after "Zelenskyy thanked ...", "the leader said" after "Kim Jong Un spent his
        childhood in Wonsan": a bare head title, no one introduced with it, is the person last named a few
        sentences back whom the gazetteer's role gives that post ("President of Ukraine"; any head title for
        "the leader"), introduced with no other post."""
        floor = self._lookback_start(subject)
        for span in reversed(self.narrated_people):
            if span.end > subject.i:
                continue
            if span.start < floor:
                break
            info = self.res.entity_at(span.root)
            entity = self.res.gaz.entity(info.entity_id) if info is not None and info.entity_id else None
            if entity is None or entity.kind != "person" or not entity.role:
                continue
            post = {w.strip(",").lower() for w in entity.role.split(";")[0].split()}
            if post & self.ranks:
                continue  # a vice president, a former leader
            fits = bool(post & self.head_titles) if title == "leader" else title in post
            words = {_title_key(t.lemma_.lower()) for t in _title_words(span)}
            if fits and not (words & self.titles) - self.head_titles:
                return self._person(span.root)
        return None

    def _placed_person(self, subject: Token, title: str) -> Speaker | None:
        """ "The Russian foreign minister said" after "the foreign ministers of Russia and North Korea,
        Sergey Lavrov and Choe Son Hui": no one was introduced with the title itself, but one person named
        a few sentences back is of the state the adjective names (by the gazetteer) and was given no
        other post ("Kremlin spokesman Dmitry Peskov" is not the minister); only when just one is."""
        states = {
            info.code
            for t in subject.lefts
            if t.dep_ == "amod" and (info := self.res.entity_at(t)) is not None and info.kind == "state"
        }
        if len(states) != 1:
            return None
        floor = self._lookback_start(subject)
        near: dict[str, Span] = {}  # people of the state named a few sentences back
        posted: set[str] = set()  # people given a post anywhere before ("Russian President Vladimir Putin")
        if self._people_ends is None or len(self._people_ends) != len(self.narrated_people):
            self._people_ends = [span.end for span in self.narrated_people]
        # The people named before the sentence, the nearest first, as many as the titled look-back reads.
        before = bisect.bisect_right(self._people_ends, self.res.sent(subject).start)
        for span in reversed(self.narrated_people[max(0, before - _TITLED_LOOKBACK) : before]):
            info = self.res.entity_at(span.root)
            if info is None or info.kind != "person" or info.code not in states or info.entity_id is None:
                continue
            if {_title_key(t.lemma_.lower()) for t in _title_words(span)} & (self.titles | self.head_titles):
                posted.add(info.entity_id)
            if span.start >= floor:
                near[info.entity_id] = span
        fitting = [span for entity_id, span in near.items() if entity_id not in posted]
        return self._person(fitting[0].root) if len(fitting) == 1 else None

    def _under_title(self, name: Token) -> bool:
        """A name introduced with a title before it or in apposition after it."""
        for child in name.children:
            if child.dep_ in ("compound", "amod", "nmod") and child.i < name.i and child.lemma_.lower() in self.titles:
                return True
            if child.dep_ == "appos" and child.lemma_.lower() in self.titles:
                return True
        return False

    def _qualifies(self, qualifier: Token, lower: set[str], words: list[Token], span: Span) -> bool:
        """Whether a qualifier of "the Russian foreign minister" fits a person introduced as "Russia's
        foreign minister Sergey Lavrov": the same word, or the same state."""
        if qualifier.lower_ in lower:
            return True
        info = self.res.entity_at(qualifier)
        if info is None or info.code is None:
            return False
        codes = {i.code for t in words if (i := self.res.entity_at(t)) is not None}
        person = self.res.entity_at(span.root)
        if person is not None and person.kind == "person":
            codes.add(person.code)
        return info.code in codes

    def _person(self, tok: Token, *, span: Span | None = None) -> Speaker | None:
        if span is not None:
            tok = span.root
        else:
            span = self.res.name_span(tok)
        full = _POSSESSIVE.sub("", self._fullest_name(span, tok))  # "Emmanuel Macron's statement": NER's 's
        alias = self.res.gaz.lookup(full)
        speaker_id = alias.entity_id if alias is not None else None
        affiliation = self._affiliation(span.root)
        speaker = Speaker(speaker_id, full, affiliation, speaker_id or full.lower())
        self.named.append(tok.i, full)
        return speaker

    def _fullest_name(self, name: Span, tok: Token) -> str:
        """ "Zhu" -> "Zhu Feng", "Ms Sheinbaum" -> "Claudia Sheinbaum": the full mention the name stands
        for (Resolver.full_mention), unless a person quoted before is named by it."""
        words = set(name.text.split())
        named = self.named
        # "According to Kim" after Kim Yo-jong was quoted (and her brother Kim Jong-un named): the person
        # quoted last whose name has all its words.
        latest = max(
            (named.last_before(f, tok.i) for f in named.fulls_with(words) if words < named.words[f]), default=-1
        )
        if latest >= 0:
            return self.named[latest][1]
        mention = self.res.full_mention(name)
        best = mention.span.text if mention is not None else name.text
        # People quoted before whom NER did not tag as people ("Marcelo Claure" as an organisation):
        # the longest sharing a word (two, for a name of several words: "Park Jie-won" is not "Park
        # Chan-dae"); of two as long, the one quoted first. (Read through an index of the names quoted:
        # a text quoting one person hundreds of times stays linear.)
        own = {w for w in words if w.rstrip(".").lower() not in self.honorifics}  # "Ms Sheinbaum"
        shortest, first = len(best), -1
        for full in named.fulls_with(own):
            shared = own & named.words[full]
            if len(full) <= shortest or not shared or (len(own) >= 2 and len(shared) < 2):
                continue
            at = named.first_before(full, tok.i)
            if at >= 0 and (len(full) > len(best) or (len(full) == len(best) and at < first)):
                best, first = full, at
        return best

    def _last_group_before(self, tok: Token) -> Token | None:
        """ "Ukrainian forces prepared for what they said ...": the nearest plural subject before "they",
        in this sentence or the one before, that names an actor, or the nearest group quoted there."""
        sent = self.res.sent(tok)
        floor = self.res.sent(self.doc[sent.start - 1]).start if sent.start > 0 else sent.start
        for i in range(tok.i - 1, floor - 1, -1):
            other = self.doc[i]
            if other.tag_ not in ("NNS", "NNPS"):
                continue
            # ... or a group quoted by its words ("the analysts settled on what they called ...", "..., police
            # said. They added that ..."), subject or not ("..., according to former officials. They noted that").
            if any(j == i for j, _, _ in self.speaker_nouns) or (
                other.dep_ in SUBJECTS
                and (
                    self.res.resolve(other, context=False)
                    or other.lemma_.lower() in self.generic
                    or other.lemma_.lower() in self.titles  # "The ministers urged ... They also said"
                )
            ):
                return other
        return None

    def _named_person(self, tok: Token) -> bool:
        """A person's name: tagged as one, or a surname of someone named in full before (NER tags
        "Volker" as an organisation, "Last week Choe" as a date)."""
        if tok.pos_ != "PROPN":
            return False
        info = self.res.entity_at(tok)
        if info is not None and info.span.label_ == "PERSON":
            return True
        if info is not None and info.code is not None:
            return False
        span = self.res.name_span(tok)
        return self._fullest_name(span, tok) != span.text

    def _last_person_before(self, tok: Token) -> Speaker | None:
        """ "he said": the person last named as a subject in this sentence or the one before
        ("Putin thanked Kim for the help. He said ..." is Putin), else the person last named."""
        # "Choe held talks ... in what she called ...": the person subject of a clause above the pronoun.
        current = tok.head
        # Not from a parenthetical "he said" into the clause it reports ("Kim and Putin, he said, have ...").
        # A verb with words of its own ("what he described as ...") is no parenthetical.
        parenthetical = (
            self._is_reporting(current.i)
            and current.dep_ in ("parataxis", "ccomp", "conj", "advcl")
            and not any(c.dep_ in ("dobj", "ccomp") for c in current.children)
        )
        for _ in range(0 if parenthetical else 8):
            subject = next((c for c in current.children if c.dep_ in SUBJECTS and c.i != tok.i), None)
            if subject is not None and self._named_person(subject):
                return self._person(subject)
            if (
                subject is not None
                and subject.pos_ == "NOUN"
                and subject.i < tok.i
                and any(t.ent_type_ == "PERSON" for t in subject.subtree if t.i != subject.i)
            ):
                # "The sister of leader Kim Jong Un lashed out over what she called ...": "she" is the
                # person the subject describes, not the one named inside the description.
                return None
            if current.head.i == current.i:
                break
            current = current.head
        sent = self.res.sent(tok)
        window_start = self.res.sent(self.doc[sent.start - 1]).start if sent.start > 0 else sent.start
        earlier = [span for span in reversed(self.narrated_people) if span.end <= tok.i]
        if parenthetical:
            # People in the clause "he said" reports are what he says, not him.
            reported = {t.i for t in tok.head.head.subtree} - {t.i for t in tok.head.subtree}
            earlier = [span for span in earlier if span.root.i not in reported]
        # The latest of: a person named as a subject in the window, a person quoted in it ("Volker
        # said ... However, he said ..." even when NER did not tag Volker as a person).
        candidates = [i for i, _ in self.named if window_start <= i < tok.i]
        # In the sentence before, the subject of its main clause, not of a clause inside it ("“...,” Lee said,
        # two days before Yoon leaves for Washington. “...,” he said" is Lee).
        candidates += [
            s.root.i
            for s in earlier
            if s.start >= window_start
            and _subject_like(s.root)
            and (s.start >= sent.start or _main_clause_subject(s.root))
        ]
        unnamed = self._unnamed_person_before(tok, window_start)
        if unnamed is not None and candidates and self.doc[unnamed[0]].lemma_.lower() in self.newsroom:
            # "..., Rutte said ..., an Ukrinform correspondent reported. He stressed ...": the outlet's
            # reporter passes the named person's words on; "he" is the person.
            unnamed = None
        if unnamed is not None and (not candidates or unnamed[0] > max(candidates)):
            # "A spokesman for the special forces told AFP ... “...,” he said": the person the reporter
            # left unnamed, named since by no one.
            return unnamed[1]
        if candidates:
            latest = self._agreeing(tok, max(candidates), nearby=True)
            return self._person(self.doc[self.anchors.get(latest, latest)])
        # Beyond the window: the person quoted last or the person last named as a subject ("..., among
        # them ATACMS. ..., she noted": a name in a list does not take "she").
        subjects = [s.root.i for s in earlier if _subject_like(s.root)][:1]
        candidates = [i for i, _ in self.named if i < tok.i] + (subjects or [s.root.i for s in earlier[:1]])
        unnamed = self._unnamed_person_before(tok, self._lookback_start(tok))
        # "“...,” a foreign ministry official said. ..., Yonhap reported. “...,” he said": the unnamed person
        # quoted a few sentences back, not someone named before them (nor an outlet's reporter, as above).
        reporter = unnamed is not None and self.doc[unnamed[0]].lemma_.lower() in self.newsroom
        if unnamed is not None and (not candidates or (unnamed[0] > max(candidates) and not reporter)):
            return unnamed[1]
        if not candidates:
            return None
        latest = self._agreeing(tok, max(candidates), nearby=False)
        return self._person(self.doc[self.anchors.get(latest, latest)])

    def _unnamed_person(self, noun: Token) -> bool:
        """One person the text leaves unnamed: a singular title or source noun with "a"/"an" ("a spokesman for
        ...", "an official of the mission", "a senior source"), not a body ("the ministry") or a document."""
        lemma = noun.lemma_.lower()
        person = lemma in self.titles or (lemma in self.generic and lemma not in self.unnamed)
        # "The top government spokesman" names again someone named before (Hayashi): "a"/"an" only.
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
        return person and indefinite and noun.tag_ == "NN" and noun.pos_ == "NOUN"

    def _unnamed_person_before(self, pronoun: Token, floor: int) -> tuple[int, Speaker] | None:
        """ "he", "she" for an unnamed person since `floor`: the last one quoted ("A senior official of the
        ministry says ... He says ...") or the subject of the sentence before ("An official of the mission
        made the denial. He said ..."), of the pronoun's sex where the noun says it (spokeswoman)."""
        want = self.genders.get(pronoun.lower_ if pronoun.lower_ != "her" else "she")
        sent = self.res.sent(pronoun)
        found: tuple[int, Speaker] | None = None
        for i, _, speaker in reversed(self.speaker_nouns):
            if i < floor:
                break
            if i < pronoun.i and self._unnamed_person(self.doc[i]):
                found = (i, speaker)
                break
        if sent.start > floor:
            previous = self.res.sent(self.doc[sent.start - 1])
            subject = next((c for c in previous.root.children if c.dep_ in SUBJECTS), None)
            if subject is not None and (found is None or subject.i > found[0]) and self._unnamed_person(subject):
                speaker = self._resolve_speaker(subject, previous.root)
                found = (subject.i, speaker) if speaker is not None else found
        if found is None:
            return None
        noun = self.doc[found[0]]
        said = self.genders.get(noun.lower_)
        return None if want is not None and said is not None and said != want else found

    def _gender(self, tok: Token) -> str | None:
        """What the text says a person is, "f" or "m", from the words they are introduced with at any
        mention ("Kim Yo-jong, the sister of ...", "spokeswoman Maria Zakharova", "Mr Lee"); None when
        it says nothing, or both."""
        if self._gender_of is None:
            found: dict[str, set[str]] = {}
            for span in self.narrated_people:
                words = [t.lower_.rstrip(".") for t in _title_words(span)]
                if span.start > 0:
                    words.append(self.doc[span.start - 1].lower_.rstrip("."))  # "Ms Sandu"
                kinds = {self.genders[w] for w in words if w in self.genders}
                found.setdefault(self._name_key(span), set()).update(kinds)
            self._gender_of = {k: next(iter(v)) if len(v) == 1 else None for k, v in found.items()}
        if tok.i not in self._gender_at:
            self._gender_at[tok.i] = self._gender_of.get(self._name_key(self.res.name_span(tok)))
        return self._gender_at[tok.i]

    def _name_key(self, span: Span) -> str:
        """The full name a person's mention stands for ("Sandu" -> "maia sandu"); a name of several words
        is its own (full_mention reads every mention for those: a long text stays linear)."""
        if len(_POSSESSIVE.sub("", span.text).split()) > 1:
            return _POSSESSIVE.sub("", span.text).lower()
        mention = self.res.full_mention(span)
        return _POSSESSIVE.sub("", mention.span.text if mention is not None else span.text).lower()

    def _agreeing(self, pronoun: Token, latest: int, *, nearby: bool) -> int:
        """The person "she" or "he" names, given the one named last (`latest`, a token index): that one
        unless the text says they are of the other sex; then the last one before the pronoun the text
        says is of the pronoun's. For "she", a woman named in the last few sentences is preferred to a
        person the text says nothing about ("Kim Yo-jong, the sister of ... President Zelensky ...
        “...,” she said")."""
        want = self.genders.get(pronoun.lower_ if pronoun.lower_ != "her" else "she")
        if want is None:
            return latest
        got = self._gender(self.doc[self.anchors.get(latest, latest)])
        if got == want or (got is None and want == "m"):
            return latest
        floor = self._lookback_start(pronoun) if got is None else 0
        examined = 0
        for span in reversed(self.narrated_people):
            if span.end > pronoun.i:
                continue
            examined += 1
            if span.start < floor or examined > _TITLED_LOOKBACK:
                break  # bounded, as the titled look-back: a long text names hundreds of people
            if self._gender(span.root) == want:
                return span.root.i
        return latest

    def _affiliation(self, tok: Token) -> str | None:
        res = self.res
        # An apposition: "Dennis Wilder, a senior research fellow at Georgetown University".
        for child in tok.children:
            if child.dep_ == "appos":
                # Not a relative clause on the description ("a researcher, who blamed NATO").
                clauses = {t.i for c in child.subtree if c.dep_ == "relcl" for t in c.subtree}
                sub = [t for t in child.subtree if t.i not in clauses]
                orgs = _org_spans(res, sub[0].i, sub[-1].i + 1)
                # "a former State Department official": the organisation alone would make them a
                # serving official; the whole description keeps "former".
                if orgs and not any(t.lower_ in self.former for t in sub):
                    # The organisation's whole phrase: NER may stop at "the University of".
                    end = min(max(orgs[-1].end, orgs[-1].root.right_edge.i + 1), sub[-1].i + 1)
                    return _DETERMINERS.sub("", self.doc[orgs[0].start : end].text.strip(" ,"))
                text = self.doc[sub[0].i : sub[-1].i + 1].text.strip(" ,")
                return _DETERMINERS.sub("", text) or None
        # "Peter Dutton from the U.S. Naval War College", "a researcher at ...".
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "at", "of", "with"):
                sub = list(child.subtree)
                orgs = _org_spans(res, sub[0].i, sub[-1].i + 1)
                if orgs:
                    return orgs[0].text
        # "U.S. State Department spokesperson Matthew Miller": an organisation among the title words.
        left = [c for c in tok.lefts if c.dep_ in ("compound", "nmod", "amod")]
        if left:
            start = min(t.left_edge.i for t in left)
            # "China's foreign ministry spokesperson Lin Jian": NER leaves a lowercase ministry
            # untagged (or tags "defence ministry" without its state): the title words up to the
            # institution, its state included.
            institution = next((t for t in self.doc[start : tok.i] if t.lemma_.lower() in self.institutions), None)
            if institution is not None:
                return _DETERMINERS.sub("", self.doc[start : institution.i + 1].text) or None
            # Not the name itself when NER took the person for an organisation.
            orgs = [o for o in _org_spans(res, start, tok.i) if not o.start <= tok.i < o.end]
            if orgs:
                return orgs[0].text
        return None


def _noun_clause_participle(verb: Token, words: Mapping[str, frozenset[str]]) -> Token | None:
    """ "The agency raised the possibility that the North could deploy more troops, saying ...", "Experts
    presented evidence that the army used them, while pointing out that ...": a participle set off by a
    comma that the parser hangs on the "that" clause of a noun goes on with the subject of the verb the
    noun is the object of, not with the clause's own subject."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i < 2:
        return None
    before = verb.doc[verb.i - 1]
    if before.text != "," and not (before.dep_ == "mark" and verb.doc[verb.i - 2].text == ","):
        return None
    clause = verb.head
    noun = clause.head
    if clause.dep_ != "acl" or noun.pos_ != "NOUN" or noun.dep_ not in ("dobj", "pobj") or not clause.i < verb.i:
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return None
    # "lashed out at Seoul after reports that Pyongyang is sending troops, calling ...": the noun's
    # preposition hangs on the verb whose subject goes on.
    acting = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    return _inherited_subject(acting, words) if acting.pos_ in ("VERB", "AUX") else None


def _conjunction_that(that: Token) -> bool:
    """A "that" the parser hangs as a relative clause's pronoun is the conjunction of a reported clause when it
    is marked so, or when the slot it would fill is filled already ("that Kyiv planned to send a delegation":
    "send" has its object)."""
    if that.dep_ == "mark":
        return True
    return that.dep_ in ("dobj", "nsubj", "nsubjpass") and any(
        c.dep_ == that.dep_ and c.i != that.i for c in that.head.children
    )


def _trailing_participle(verb: Token) -> bool:
    """ "Chile criticised Peru, describing its comments as rude": a participle set off after its clause,
    whose speaker is that clause's subject (no subject of its own, and no passive)."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and verb.i > verb.head.i
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and not any(c.dep_ in ("auxpass", "nsubjpass", "mark") for c in verb.children)
    )


def _going_on(verb: Token) -> bool:
    """ "went on": saying more, after a quote (with its particle and no object: not "went on a trip")."""
    return verb.lemma_.lower() == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children)


def _clause_under_adverb(verb: Token) -> Token | None:
    """ "said once more that ...": the parser may hang the reported clause on the adverb."""
    for child in verb.children:
        if child.dep_ in ("advmod", "npadvmod") and child.i > verb.i:
            for clause in child.children:
                if clause.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children):
                    return clause
    return None


def _as_reported(verb: Token) -> bool:
    """ "As Ukrinform reported earlier, ...": a verb of saying subordinated by "as" reports the rest."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _as_complement(span: Span, verb: Token) -> bool:
    """Quoted words a verb of saying puts "as" ("which Putin described as a “breakthrough document”")."""
    words = [t for t in span if not t.is_punct]
    if not words:
        return False
    root = next((t for t in words if not (span.start <= t.head.i < span.end)), words[0])
    # "... which Kyiv has described as part of a “hybrid war”": within the phrase after "as".
    for _ in range(4):
        # "condemned the attacks as “cowardly”": an adjective after "as" may parse as its clause (pcomp).
        if root.dep_ in ("pobj", "pcomp", "amod") and root.head.lower_ == "as" and _as_of(root.head, verb):
            return True
        if root.dep_ not in ("pobj", "prep") or root.head.i == root.i:
            return False
        root = root.head
    return False


def _as_of(as_: Token, verb: Token) -> bool:
    """Whether "as" puts what follows on `verb`: hung on the verb, or on its object ("denounced the
    remarks as “biased”", which the parser may hang on "remarks", an adjective after it as its amod)."""
    head = as_.head
    return head.i == verb.i or (as_.dep_ == "prep" and head.dep_ == "dobj" and head.head.i == verb.i)


def _between(positions: list[int] | tuple[int, ...], low: int, high: int) -> list[int] | tuple[int, ...]:
    """The sorted positions from `low` up to (not including) `high`."""
    return positions[bisect.bisect_left(positions, low) : bisect.bisect_left(positions, high)]


def _title_key(lemma: str) -> str:
    """spokesman, spokeswoman, spokesperson are one title."""
    return "spokesperson" if lemma.startswith("spokes") else lemma


def _common_noun(tok: Token) -> bool:
    """A noun, or a lowercase word the tagger calls a proper noun ("the defence ministry added"): no name."""
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.text.islower())


def _dated(tok: Token) -> bool:
    """A date or time ("Friday's statement", "Monday's report"): when a document came out, not who issued it."""
    return tok.ent_type_ in ("DATE", "TIME")


def _definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _unnamed_holder(tok: Token) -> bool:
    """One holder of a post the text does not name: a singular common noun with "a" or "an" and no name
    beside it ("a senior opposition leader", not "a leader, Ali Musa", "leaders" or "the leader")."""
    return (
        tok.tag_ == "NN"
        and tok.text.islower()
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
        and not any(c.dep_ in ("appos", "poss") or c.pos_ == "PROPN" or c.ent_type_ for c in tok.children)
    )


def _lowercase_modified(tok: Token) -> bool:
    """A noun with lowercase modifiers before it only and nothing after ("the security firm")."""
    lefts = [c for c in tok.lefts if c.dep_ not in ("det", "punct")]
    return (
        bool(lefts)
        and all(c.dep_ in ("compound", "amod") and c.text.islower() and not list(c.children) for c in lefts)
        and not any(c.dep_ == "prep" for c in tok.rights)
    )


def _bare(tok: Token) -> bool:
    """A noun with no modifier but its article ("the agency", not "the Russian agency")."""
    return all(c.dep_ in ("det", "punct") for c in tok.lefts) and not any(c.dep_ == "prep" for c in tok.rights)


def _title_words(span: Span) -> list[Token]:
    """The title a person is introduced with: the words before the name ("Chinese Foreign Ministry
    spokesman Lin Jian") and an apposition ("Il Ha Kim, first secretary of ...")."""
    doc = span.doc
    words: list[Token] = []
    # The name may run on past NER's span ("Foreign Minister [Shah Mahmood] Qureshi").
    end = span.end
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    i = span.start - 1
    while True:
        while i >= 0 and doc[i].dep_ in ("compound", "amod", "nmod", "npadvmod") and i < doc[i].head.i < end:
            words.append(doc[i])
            i -= 1
        # "Poland's Defence Minister Marek Nowak": the state that owns the post.
        if i >= 1 and doc[i].dep_ == "case" and doc[i - 1].dep_ == "poss" and i < doc[i - 1].head.i < end:
            words += [doc[i], doc[i - 1]]
            i -= 2
            continue
        break
    if not words:
        # A parse that hangs the title elsewhere ("South Korean Justice Minister Choo Mi-ae said" with
        # "Minister" on the verb): the capitalised words just before the name.
        while i >= 0 and not doc[i + 1].is_sent_start and doc[i].pos_ in ("PROPN", "NOUN", "ADJ"):
            if not doc[i].text[:1].isupper():
                break
            words.append(doc[i])
            i -= 1
    # "Russian Ambassador to North Korea Alexander Matsegora": the post before the place it is to or of.
    while i > 0 and doc[i].lower_ in ("to", "of") and not doc[i].is_sent_start and doc[i - 1].text[:1].isupper():
        words.append(doc[i])
        i -= 1
        while i >= 0 and not doc[i + 1].is_sent_start and doc[i].pos_ in ("PROPN", "NOUN", "ADJ"):
            if not doc[i].text[:1].isupper():
                break
            words.append(doc[i])
            i -= 1
    for child in span.root.children:
        if child.dep_ == "appos":
            words += list(child.subtree)
    # "the Kremlin spokesman, Dmitry Peskov": the name in apposition to its title.
    if span.root.dep_ == "appos":
        head = span.root.head
        words += [t for t in head.subtree if t.i < span.start]
    return words


def _co_title(tok: Token) -> bool:
    """A title shared with another ("co-chairman", "co-chair")."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "co"


def _placed(tok: Token, head: Token, place_preps: frozenset[str]) -> bool:
    """Whether `tok` hangs from `head` through a preposition of place ("diplomat in Seoul")."""
    for _ in range(8):
        if tok.i == head.i or tok.head.i == tok.i:
            return False
        if tok.dep_ == "prep" and tok.lower_ in place_preps:
            return True
        tok = tok.head
    return False


def _subject_like(tok: Token) -> bool:
    """A subject, or a name in apposition to one ("the envoy, Kim Yo Jong, said")."""
    while tok.dep_ in ("appos", "compound", "flat") and tok.head.i != tok.i:
        if tok.dep_ == "appos" and tok.head.pos_ in ("ADJ", "NUM"):
            return False  # "The second, Freedom Edge, is an exercise": a name for a thing counted, no person
        tok = tok.head
    return tok.dep_ in SUBJECTS or tok.dep_ == "nsubjpass"


def _main_clause_subject(tok: Token) -> bool:
    """The subject (or a name in apposition to it) of its sentence's main verb or of one joined to it by
    "and", not of a subordinate, relative or reported clause."""
    while tok.dep_ in ("appos", "compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    return first_conjunct(tok.head).dep_ == "ROOT"


def _predicate(span: Span) -> bool:
    """Whether quoted words stand as a clause or a clause's predicate rather than inside a noun phrase."""
    inside = set(range(span.start, span.end))
    roots = [t for t in span if t.head.i not in inside or t.head.i == t.i]
    return any(
        r.head.i == r.i
        or r.pos_ in ("VERB", "AUX")
        or (r.dep_ in ("attr", "acomp", "oprd", "ccomp", "xcomp") and r.head.pos_ in ("VERB", "AUX"))
        for r in roots
    )


def _org_spans(res: Resolver, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    for i in range(start, end):
        info = res.entity_at(res.doc[i])
        if info is None or info.span in spans:
            continue
        if info.span.label_ == "ORG" or info.kind in ("organisation", "igo"):
            spans.append(info.span)
    return spans


def _owner(noun: Token, *, personal: bool = False) -> Token | None:
    """Whose words a noun of saying or of opinion are: a named owner ("Blinken's statement", "in the
    NIS's assessment") or a "by" phrase ("remarks by John Kirby"); not a pronoun ("its statements")."""
    for child in noun.children:
        if child.dep_ == "poss" and (child.pos_ in ("PROPN", "NOUN") or (personal and child.lower_ in ("his", "her"))):
            return child
    for child in noun.children:
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("PROPN", "NOUN"):
                return pobj
    if personal and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        # "In the view of U.S. officials, ...", "in the words of the minister" (not "in view of the risk").
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ in ("PROPN", "NOUN"):
                    return pobj
    return None


def _inherited_subject(verb: Token, words: Mapping[str, frozenset[str]]) -> Token | None:
    # "Yonhap quoted an NIS official as saying ...", "X was quoted as saying ...": the one quoted.
    quoting = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "as" else verb
    if _quoted_as_saying(quoting, words):
        quoted = next((c for c in quoting.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if quoted is not None and quoted.lemma_.lower() in words["message_nouns"]:
            # "KCNA quoted Xi's message as saying": the message's sender.
            owner = next((c for c in quoted.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            return owner if owner is not None else quoted
        if quoted is not None:
            return quoted
    current = verb
    for _ in range(6):
        # The subject nearest the verb: in "Today's China, Zhu argues, is ..." both China and Zhu
        # hang off "argues".
        # A name before a common noun: "said study co-author Anezina Solomonidou" parses as two subjects.
        subjects = sorted(
            (c for c in current.children if c.dep_ in SUBJECTS), key=lambda c: (c.pos_ != "PROPN", abs(current.i - c.i))
        )
        # "North Korea, says Andrei Lankov, has ...": set off by a comma, the verb comes before its speaker.
        # So is '"...," said the statement': the comma before the closing quotation mark (a name inside
        # the quoted words that the parser hangs on the verb is not its speaker).
        inverted = [c for c in subjects if c.i > current.i]
        before = current.i - 1
        while before > 0 and current.doc[before].is_quote:
            before -= 1
        if len(subjects) > 1 and inverted and current.i > 0 and current.doc[before].text == ",":
            subjects = inverted
        elif len(subjects) > 1 and not inverted:
            # "..., the Andean pact among them, which binds Chile and Peru, the Bolivian minister said": two
            # subjects before the verb; the phrase set off by a comma just before it is its attribution, the
            # other a noun of the clause it reports.
            nearest = max(subjects, key=lambda c: c.i)
            doc = current.doc
            adjacent = nearest.right_edge.i == current.i - 1 or all(
                doc[k].dep_ in ("aux", "auxpass", "neg") for k in range(nearest.right_edge.i + 1, current.i)
            )
            # Not an apposition the parser splits off its name ("Ana Ruiz, Chile's envoy to Peru, said"): the
            # comma there follows the other subject's own word, not a clause of its own.
            named = nearest.left_edge.i > 1 and any(c.i == nearest.left_edge.i - 2 for c in subjects)
            if adjacent and not named and nearest.left_edge.i > 0 and doc[nearest.left_edge.i - 1].text == ",":
                subjects = [nearest]
        if subjects:
            return subjects[0]
        aside = _subject_aside(current)
        if aside is not None:
            return aside[0]
        if (
            current.dep_ == "acl"
            and current.head.dep_ == "ROOT"
            and current.head.pos_ in ("NOUN", "PROPN")
            and any(c.dep_ == "ccomp" for c in current.children)
        ):
            # "Ukraine's special forces reported on Monday that ...", parsed as a noun with a participle:
            # the sentence has no other verb, so the noun is the subject.
            return current.head
        if _tense_mismatched_conjunct(current):
            # "X has said his country will “always be there” and described the situation as ...": a
            # finite verb cannot be coordinated with an infinitive after "will"; it goes on with the
            # verb of saying the infinitive's clause hangs on.
            current = current.head.head
            continue
        if current.dep_ == "xcomp" and current.head.i != current.i:
            # "The premier is reported to have said that ...": the passive's subject says it (not "is
            # expected to say": nothing said yet).
            raised = next((c for c in current.head.children if c.dep_ in PASSIVE_SUBJECTS), None)
            if raised is not None and current.head.lemma_.lower() in words["hearsay_verbs"]:
                return raised
        if current.dep_ == "conj" and current.i == verb.i and not _joined_by(current):
            # "The drills will bring “bad results”, Kim Yo Jong, the leader's sister, has warned.": with no
            # "and" before it, a verb taken for the conjunct of the clause it reports is its attribution, and
            # the name set off before it is who speaks (not the subject of the reported clause).
            set_off = _comma_speaker(current)
            if set_off is not None:
                return set_off
        if current.dep_ in ("advcl", "conj", "xcomp") and current.head.i != current.i:
            current = current.head
            continue
        # "he hit back by saying that ...", "thanked Lima after asserting that ...": the subject of the verb
        # the phrase hangs on; "rebuked Quito for calling it ...": whom that verb acts on.
        if current.dep_ == "pcomp" and current.head.head.i != current.head.i:
            prep, outer = current.head.lower_, current.head.head
            # Active only: "surrendered after being told that ..." was told, said nothing.
            active = current.tag_ == "VBG" and not any(c.dep_ == "auxpass" for c in current.children)
            if prep in words["acting_prepositions"] and (active or prep == "by"):
                current = outer
                continue
            if prep == "for" and active and outer.pos_ == "VERB":
                # "was praised for saying ...": the passive's subject.
                acted_on = [c for c in outer.children if c.dep_ in ("dobj", *PASSIVE_SUBJECTS) and c.i < current.i]
                return acted_on[0] if acted_on else None
        break
    return None


def _joined_by(conjunct: Token) -> bool:
    """Whether a conjunction ("and", "but") joins the conjunct to its head."""
    head = conjunct.head
    return any(c.dep_ in ("cc", "preconj") and head.i < c.i < conjunct.i for c in (*head.children, *conjunct.children))


def _object_parsed_clause(verb: Token, words: Mapping[str, frozenset[str]]) -> Token | None:
    """ "He said Russia's purchase of such missiles breaches ...", "Li said China and the DPRK, as
    neighbours, share ...": "said" with no clause of its own whose object is the subject of a finite
    verb the parser took for a noun or hung on "said"; the object opens what was said."""
    if any(c.dep_ in ("ccomp", "xcomp", "dative") for c in verb.children) or verb.dep_ in ("relcl", "acl", "amod"):
        return None
    if not any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    # Right after "said": "said on Monday the talks ..." is parsed well enough.
    if (
        obj is None
        or obj.pos_ not in ("NOUN", "PROPN")
        or obj.lower_ in words["said_nothing"]
        or obj.left_edge.i != verb.i + 1
    ):
        return None
    # Within the object's own words and the verbs hung on "said" only: linear in a long sentence.
    for tok in verb.doc[obj.i + 1 : min(obj.right_edge.i, obj.i + _MAX_OBJECT_CLAUSE) + 1]:
        # A verb taken for a noun inside the object ("purchase of missiles breaches resolutions").
        nominal = tok.dep_ in ("compound", "amod", "nmod", "pobj", "dobj", "appos")
        misread = nominal and tok.tag_ in ("VBZ", "VBP", "VBD")
        if misread and not _under_clause(tok, obj):
            return obj
    for tok in verb.children:
        if tok.i < obj.i or tok.tag_ not in ("VBZ", "VBP", "VBD", "VB"):
            continue
        if tok.dep_ in ("advcl", "parataxis", "dep") and not any(
            c.dep_ in SUBJECTS or (c.dep_ == "aux" and c.lower_ == "to") for c in tok.children
        ):
            # A verb with no subject of its own hung on "said": the object is its subject.
            return obj
    return None


def _whole_phrase_of(span: Span, verb: Token) -> bool:
    """ "voiced “deep regret”", "issued a “stern warning”", "accused Mexico of “taking but never giving”",
    "called on both sides to show “maximum restraint”": short quoted words that are a whole object of the
    verb carrying them (an article or owner before the marks aside), not a term inside a phrase of the
    reporter's ("“new Cold War” dynamics", "a “no limits” partnership")."""
    words = [t for t in span if not t.is_punct]
    if not words or all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words):
        return False  # a name in quotation marks ("the “Freedom Edge” exercise"), not words said
    first, last = words[0].i, words[-1].i
    roots = [t for t in words if not (first <= t.head.i <= last)]
    if len(roots) != 1:
        return False
    root = roots[0]
    if root.dep_ not in ("dobj", "pobj", "pcomp", "attr", "oprd"):
        return False
    if root.right_edge.i > last + 2 or root.left_edge.i < first - 8:
        return False  # words of the phrase after the marks, or more than an article or owner before them
    for tok in root.subtree:
        if first <= tok.i <= last or tok.is_punct:
            continue
        # Only a determiner or an owner before the marks: "a", "his", "Beijing's".
        if tok.i > last or not _owned_by(tok, root):
            return False
    current = root
    for _ in range(4):
        if current.head.i == current.i:
            return False
        current = current.head
        if current.i == verb.i:
            return True
        if current.dep_ not in ("prep", "xcomp", "pcomp", "dobj") and current.pos_ != "ADP":
            return False
    return False


def _under_clause(tok: Token, top: Token) -> bool:
    """Whether a relative or noun clause lies between `tok` and `top` (an ancestor of it, a few words
    before it)."""
    current = tok
    for _ in range(_MAX_OBJECT_CLAUSE):
        if current.i == top.i or current.head.i == current.i:
            break
        if current.dep_ in ("relcl", "acl"):
            return True
        current = current.head
    return False


def _owned_by(tok: Token, root: Token) -> bool:
    """Whether `tok` is (inside) an article or owner of `root`, its ancestor."""
    current = tok
    while current.i != root.i and current.head.i != current.i:
        if current.dep_ in ("det", "poss") and current.head.i == root.i:
            return True
        current = current.head
    return False


def _tense_mismatched_conjunct(verb: Token) -> bool:
    """A finite verb the parser coordinates with a verb of a reported clause it cannot go with: with a
    bare infinitive under a modal or "to" ("said his country will be there and described ..."), or in the
    singular with a plural subject ("has claimed that the troops are in Russia, and has called for ...").
    Grammar coordinates it with the verb of saying above instead."""
    head = verb.head
    if verb.dep_ != "conj" or head.dep_ != "ccomp" or head.head.i == head.i:
        return False
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return False
    if verb.tag_ in ("VBD", "VBZ") and head.tag_ == "VB":
        return any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in head.children)
    singular = verb.tag_ == "VBZ" or any(c.dep_ == "aux" and c.tag_ == "VBZ" for c in verb.children)
    subject = next((c for c in head.children if c.dep_ in SUBJECTS), None)
    return singular and subject is not None and subject.tag_ in ("NNS", "NNPS")


def _comma_speaker(verb: Token, *, with_subject: bool = False) -> Token | None:
    """ "..., a representative of the ministry said, commenting ...": a parse that leaves the verb of
    saying without a subject (or, `with_subject`, with one that names nobody: "worries nobody in the
    region, a representative ... said") and hangs the noun phrase set off before it elsewhere; the
    phrase between the comma and the verb is who speaks."""
    doc = verb.doc
    if verb.i < 2:
        return None
    if not with_subject and (
        any(c.dep_ in SUBJECTS for c in verb.children) or verb.dep_ not in ("ccomp", "conj", "advcl", "acl", "ROOT")
    ):
        return None
    # Parenthetical (", ... said,") or reporting its own clause ("..., The New York Times reported on
    # Monday that ..." parsed as a clause of the noun before it).
    # "..., state media reported Friday, as ...", "... reported on Monday.": after the verb's time.
    after = verb.i + 1
    for child in verb.rights:
        if child.i == after and (child.dep_ == "npadvmod" or (child.dep_ == "prep" and child.lower_ == "on")):
            after = child.right_edge.i + 1
    parenthetical = after < len(doc) and doc[after].text in (",", ".", ";")
    if not parenthetical and not any(c.dep_ == "ccomp" for c in verb.children):
        return None
    phrase = None
    # "In a report by CSIS, Theodore Postol, a professor at MIT, argued that": the comma that closes
    # the speaker's apposition stands before the verb.
    # "..., Ana Torres, the president's sister, has warned.": the verb's auxiliaries stand between.
    before = verb.i - 1
    while before > 2 and doc[before].dep_ in ("aux", "auxpass", "neg") and doc[before].head.i == verb.i:
        before -= 1
    end = before - 1 if doc[before].text == "," and before > 1 else before
    tok = doc[end]
    for _ in range(6):
        set_off = tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == ","
        if tok.right_edge.i == end and tok.pos_ in ("NOUN", "PROPN") and set_off:
            phrase = tok
        if tok.head.i == tok.i or tok.head.i > verb.i:
            break
        tok = tok.head
    return phrase


def _misjoined_speaker(verb: Token, subject: Token, titles: frozenset[str] = frozenset()) -> Token | None:
    """ "... cooperation between China and the Lao People's Democratic Republic, Thai Foreign Minister Maris
    Sangiampongsa said": the parser may join the person set off before the verb to a list in the clause they report and
    take a noun of that clause for the subject; the named person set off there is who speaks. So is a title set off
    there that the parser hangs on a place or body of the clause as its apposition ("... which joins Chile, Peru and
    Bolivia, the Argentine foreign minister said": no minister is Bolivia)."""
    if subject.ent_type_ == "PERSON" or subject.i > verb.i:
        return None
    set_off = _comma_speaker(verb, with_subject=True)
    if set_off is not None and set_off.ent_type_ == "PERSON" and set_off.dep_ == "conj":
        return set_off if subject.left_edge.i <= set_off.i <= subject.right_edge.i else None
    # The title just before the verb, its phrase set off by a comma and ending where the verb begins.
    doc = verb.doc
    before = verb.i - 1
    while before > 0 and doc[before].dep_ in ("aux", "auxpass", "neg") and doc[before].head.i == verb.i:
        before -= 1
    title = doc[before]
    if title.pos_ != "NOUN" or title.tag_ != "NN" or title.lemma_.lower() not in titles:
        return None
    if title.left_edge.i < 1 or doc[title.left_edge.i - 1].text != "," or title.right_edge.i != before:
        return None
    if not subject.left_edge.i <= title.i <= subject.right_edge.i or title.dep_ not in ("appos", "conj"):
        return None
    # An apposition of a person describes that person ("talks with Ana Ruiz, the Chilean minister").
    return title if title.head.ent_type_ in ("GPE", "ORG", "NORP", "LOC") else None


# Prepositions of time the parser may leave bare before a noun it takes for the subject ("After talks in
# Lisbon, Portugal and Brazil said").
_BARE_PREPOSITIONS = frozenset({"after", "before", "following", "during", "amid", "upon"})


def _speakers_after_preposition(subject: Token, verb: Token) -> list[Token]:
    """ "After talks in Lisbon, Portugal and Brazil said", "Speaking after talks with Ortega, his
    counterpart, Foreign Minister Ana Torres said": a common noun taken for the subject when it is the object
    of a preposition the parse leaves bare before it; the names set off by the comma that ends the phrase,
    with their conjuncts, are who speaks (none when no comma sets a name off)."""
    doc = subject.doc
    left = subject.left_edge.i
    if subject.pos_ != "NOUN" or subject.i > verb.i or left == 0:
        return []
    before = doc[left - 1]
    if before.lower_ not in _BARE_PREPOSITIONS or any(c.dep_ == "pobj" for c in before.children):
        return []
    end = subject.right_edge.i
    for tok in subject.subtree:
        if tok.dep_ not in ("conj", "appos") or tok.pos_ != "PROPN" or tok.right_edge.i != end:
            continue
        if tok.left_edge.i < 1 or doc[tok.left_edge.i - 1].text != ",":
            continue
        found = [tok]
        for word in found:
            found += [c for c in word.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
        return sorted(found, key=lambda t: t.i)
    return []


def _surnamed(tok: Token, words: Mapping[str, frozenset[str]]) -> Token | None:
    """ "a sniper surnamed Ri", "the second captive, surnamed Paik": the name given after "surnamed"
    or "named" (the speaker's only name in the text)."""
    for noun in (tok, *(c for c in tok.children if c.dep_ == "appos")):
        for clause in noun.children:
            if clause.dep_ == "acl" and clause.lower_ in words["surname_participles"]:
                name = next((c for c in clause.children if c.dep_ in ("dobj", "oprd") and c.pos_ == "PROPN"), None)
                if name is not None:
                    return name
            # "a second commander, known as “Lesnik”", "a commander who goes by the call sign “Veles”": the
            # name the text knows them by.
            if clause.dep_ in ("acl", "relcl") and clause.lemma_.lower() in ("know", "go"):
                preps = [c for c in clause.children if c.dep_ == "prep" and c.lower_ in ("as", "by")]
                for prep in preps:
                    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                        named = pobj.ent_type_ in ("", "PERSON", "WORK_OF_ART")  # a name in quotation marks
                        if pobj.pos_ == "PROPN" and named and prep.lower_ == "as":
                            return pobj
                        if pobj.lemma_.lower() in words["name_nouns"]:
                            name = next((c for c in pobj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
                            if name is not None:
                                return name
    return None


def _after_and(tok: Token) -> bool:
    """Whether the phrase of tok follows "and" (a coordinated phrase the parser took for an apposition)."""
    left = tok.left_edge.i
    return left > 0 and tok.doc[left - 1].lower_ == "and"


def _nested(
    verb: Token,
    reported: list[tuple[Token, tuple[int, int]]],
    direct: list[tuple[int, int]],
    words: Mapping[str, frozenset[str]],
) -> bool:
    """Whether a verb of saying is itself inside what someone else says: inside quoted words a speaker
    was found for, or inside the reported clause of a verb of saying before it (which is not inside
    its own)."""
    at = verb.idx
    if any(s <= at < e for s, e in direct):
        return True
    own = next(((s, e) for v, (s, e) in reported if v.i == verb.i), None)
    if own is not None and own[1] <= at:
        return False  # an attribution after its words ("..., The Associated Press reported")
    for other, (start, end) in reported:
        # "Lee said the NIS believes ...", not "Kim told Xi that ..., KCNA said" nor "According to KCNA,
        # Choe said ..." (both are quoted).
        if other.i == verb.i or other.i > verb.i or other.lower_ == "according" or not start <= at < end:
            continue
        if _joined_narrative(verb, other):
            continue
        if _declined(other, words):
            continue  # "declined to comment on X's statement that ...": X's words are X's own
        if own is None or not own[0] <= other.idx < own[1]:
            return True
    return False


def _of_others(subject: Token, foreign: frozenset[str] | set[str], portfolio: frozenset[str] = frozenset()) -> bool:
    """Whether a phrase says it is not of the one state in context: "Western governments", "foreign
    media", "the news agencies of both countries"; not a word that names the body's post (`portfolio`:
    "the foreign ministry" is the state's own)."""
    for child in subject.children:
        if child.dep_ in ("amod", "compound") and child.lower_ in foreign and child.lower_ not in portfolio:
            return True
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if (
                    pobj.dep_ == "pobj"
                    and pobj.tag_ == "NNS"
                    and any(
                        c.dep_ in ("det", "nummod", "predet") and c.lower_ in ("both", "two", "three", "all")
                        for c in pobj.children
                    )
                ):
                    return True
    return False


def _that_clause(clause: Token) -> bool:
    """Whether a clause on a noun opens with the conjunction "that" ("claims that North Korea had sent
    troops"), which the parser may take for a relative pronoun when the clause has its own subject and
    object; not a relative clause ("the claims that Russia made")."""
    for child in clause.children:
        if child.lower_ != "that" or child.i != clause.left_edge.i:
            continue
        if child.dep_ == "mark":
            return True
        if child.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i != child.i for c in clause.children):
            return True  # a relative "that" cannot be the object of a verb that has one
    return False


def _unsaid(verb: Token) -> bool:
    """ "has not confirmed that ...", "did not say whether ...", "has yet to confirm that ...": a verb of
    saying negated, or not yet done, says nothing."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    # "neither confirmed nor denied that ...": the "neither" hangs on the first verb.
    first = verb.head if verb.dep_ == "conj" else verb
    if any(c.lower_ == "neither" for c in first.children):
        return True
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_.lower() in ("have", "be")
        and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children)
    )


def _declined(verb: Token, words: Mapping[str, frozenset[str]]) -> bool:
    """ "declined to comment", "refused to confirm": a verb of saying its subject declined."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in words["refusing_verbs"]


def _joined_narrative(verb: Token, outer: Token) -> bool:
    """Whether `verb` hangs below `outer` through a clause the reporter adds rather than the words
    reported: a relative clause ("the election, which his opponents say was rigged") or a clause of
    time or contrast ("..., while Ukraine said ...", "..., after the United States warned ...")."""
    current = verb
    for _ in range(12):
        if current.i == outer.i or current.head.i == current.i:
            return False
        if current.dep_ == "relcl":
            return True
        if current.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("while", "whereas", "after", "before", "as") for c in current.children
        ):
            return True
        current = current.head
    return False


def _subject_aside(verb: Token) -> tuple[Token, Token] | None:
    """ "Sosa, chairing her first such meeting, told reporters": the parser may hang the verb's subject on
    the participle set off by commas before it (as a clause of the verb): (subject, participle)."""
    if verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    for aside in verb.children:
        if aside.dep_ not in ("ccomp", "advcl") or aside.tag_ != "VBG" or aside.right_edge.i >= verb.i:
            continue
        subject = next((c for c in aside.children if c.dep_ == "nsubj" and c.i < aside.i), None)
        if subject is not None and "," in (subject.right_edge.text, verb.doc[subject.right_edge.i + 1].text):
            return subject, aside
    return None


def _unnamed_others(noun: Token) -> bool:
    """ "other outlets", "three close partners": a common noun counted or set apart from what is named beside
    it, naming no one."""
    return noun.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "nummod", "det") and (c.lower_ == "other" or c.like_num) and c.i < noun.i
        for c in noun.children
    )


def _background_clause(verb: Token) -> bool:
    """A relative clause ("the first time Lima has confirmed ...", "a source who confirmed the toll") or an
    adverbial clause with its conjunction ("even though Lima has confirmed ..."): what the reporter adds
    about a saying, not the saying the sentence reports."""
    if verb.dep_ == "relcl":
        return True
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children)


def _reporting_agent(verb: Token) -> Token | None:
    """Who reported a passive verb of saying: "was confirmed by the minister" -> the minister."""
    if not any(c.dep_ in PASSIVE_SUBJECTS for c in verb.children):
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def _quoted_as_saying(verb: Token, words: Mapping[str, frozenset[str]]) -> bool:
    """ "quoted X as saying", "X was quoted as saying", "cited X as saying", "X was reported as saying" """
    if verb.lemma_.lower() not in words["quoted_as_verbs"]:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)


def _clause_before_attribution(verb: Token) -> Token | None:
    """ "Haley renewed her attacks on Russia, accusing ..., AFP reported.": the parser may make the
    attribution the root and the clause it reports an adverbial clause on it; that clause (with its own
    subject), before the comma that sets off the attribution's subject."""
    if verb.dep_ != "ROOT":
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.i < verb.left_edge.i or subject.left_edge.i == 0:
        return None
    if verb.doc[subject.left_edge.i - 1].text != ",":
        return None
    for child in verb.children:
        if (
            child.dep_ == "advcl"
            and child.right_edge.i < subject.left_edge.i
            and child.left_edge.i <= verb.sent.start + 4
            and any(c.dep_ in SUBJECTS for c in child.children)
            and not any(c.dep_ == "mark" for c in child.children)
        ):
            return child
    return None


def _said_to_be(verb: Token) -> bool:
    """ "men said to be jihadists", "is said to have fled": hearsay about the subject, who says nothing."""
    index = parse_index(verb.doc)  # the next two words by index: no Token objects
    i = verb.i
    if i + 2 < len(index.tokens) and index.lower[i + 1] == "to" and index.lemma[i + 2].lower() in ("be", "have"):
        return True  # the words themselves, however the parser hangs them
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return any(
        c.dep_ == "xcomp"
        and (passive or c.lemma_.lower() in ("be", "have"))
        and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in verb.children
    )


def _through_official(verb: Token) -> Token | None:
    """ "declaring through Foreign Ministry spokespersons": the official the state speaks through."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("through", "via"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _owners_noun(owner: Token) -> Token | None:
    """The plural noun of "the militaries of Peru and Chile" when `owner` is one of its listed owners."""
    first = first_conjunct(owner)
    of = first.head
    if first.dep_ != "pobj" or of.lower_ != "of" or of.head.tag_ != "NNS" or of.head.i > owner.i:
        return None
    return of.head


def _owned_by_pronoun(tok: Token) -> bool:
    """ "its allies", "their partners": a plural noun whose phrase opens with an owning pronoun."""
    return (
        tok.tag_ == "NNS"
        and tok.left_edge.dep_ == "poss"
        and tok.left_edge.head.i == tok.i
        and tok.left_edge.lower_ in ("its", "their")
    )


def _phrase_text(tok: Token) -> str:
    clauses = {t.i for c in tok.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    sub = [t for t in tok.subtree if (t.dep_ != "punct" and t.i not in clauses) or t.i == tok.i]
    # Not a date NER or the parser joined to the phrase ("On Thursday South Korea's president").
    sub = [t for t in sub if t.ent_type_ not in ("DATE", "TIME") or t.i == tok.i]
    # Nor the preposition of such a date ("Foreign ministers of the G7 on Tuesday").
    sub = [
        t
        for t in sub
        if not (t.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in t.children))
    ]
    left = min(t.i for t in sub)
    # A trailing word joins the phrase through its head: "a human rights watchdog and local media" ends
    # at "watchdog" ("local" modifies the other conjunct), "the militant group Al-Shabab" at "group"
    # (the apposition is not taken, so neither is its first word).
    joined = {tok.i}
    trailing = [t for t in sub if t.i > tok.i and t.dep_ in ("prep", "pobj", "compound", "poss", "amod")]
    grew = True
    while grew:
        grew = False
        for t in trailing:
            if t.i not in joined and t.head.i in joined:
                joined.add(t.i)
                grew = True
    right = max(joined)
    # Keep the phrase to its modifiers and one trailing prepositional phrase.
    return tok.doc[left : right + 1].text


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " ,":
        end -= 1
    return start, end


def _span_chars(text: str, sent: Span, first: int, last: int) -> tuple[int, int]:
    doc = sent.doc
    start = doc[first].idx
    end = doc[last].idx + len(doc[last].text)
    while end > start and text[end - 1] in ",.;:":
        end -= 1
    return start, end


def _without(text: str, sent: Span, verb: Token) -> tuple[int, int] | None:
    """The sentence minus a parenthetical attribution ("..., Zhu argues, ...", "According to X, ...")."""
    attribution = list(verb.subtree)
    if verb.lower_ == "according" and attribution[0].i <= sent.start and attribution[-1].i >= sent.end - 2:
        # "Xi congratulated Kim, according to KCNA" parsed with "according" as the root: the
        # attribution is "according to X", not the whole sentence hanging on it.
        to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        if to is not None:
            attribution = [verb, *to.subtree]
    a_start, a_end = attribution[0].i, attribution[-1].i
    # The words before the attribution and after it, read from their ends inwards (not the whole
    # sentence per attribution: a sentence of hundreds of them stays linear).
    tokens = parse_index(sent.doc).tokens
    before = range(sent.start, min(a_start, sent.end))
    after = range(max(a_end + 1, sent.start), sent.end)
    first_after = next((i for i in after if not tokens[i].is_punct), None)
    first = next((i for i in before if not tokens[i].is_punct), first_after)
    if first is None:
        return None
    last = next(i for i in reversed(after if first_after is not None else before) if not tokens[i].is_punct)
    return _span_chars(text, sent, first, last)


class _QuotedNames:
    """The people quoted so far, (token index, full name) in the order they were named, indexed as
    they are written, by full name and by word: a speaker's fullest name reads the names sharing its
    words, not every person quoted before, so a text quoting one person hundreds of times stays linear.
    Read as a list (iterated, indexed, its length); written only by `append`, `replace_last` (the
    last person named again elsewhere) and `restore` (back to a `snapshot`)."""

    __slots__ = ("by_word", "entries", "lowest", "positions", "words")

    def __init__(self) -> None:
        self.entries: list[tuple[int, str]] = []
        self.positions: dict[str, list[int]] = {}  # full name -> its entries' positions, ascending
        self.lowest: dict[str, list[int]] = {}  # full name -> the running minimum of their token indices
        self.words: dict[str, frozenset[str]] = {}
        self.by_word: dict[str, set[str]] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[tuple[int, str]]:
        return iter(self.entries)

    def __getitem__(self, k: int) -> tuple[int, str]:
        return self.entries[k]

    def append(self, i: int, full: str) -> None:
        """Token i names `full`, quoted now."""
        positions = self.positions.get(full)
        if positions is None:
            positions = self.positions[full] = []
            self.lowest[full] = []
            words = self.words[full] = frozenset(full.split())
            for word in words:
                self.by_word.setdefault(word, set()).add(full)
        lowest = self.lowest[full]
        lowest.append(min(i, lowest[-1]) if lowest else i)
        positions.append(len(self.entries))
        self.entries.append((i, full))

    def replace_last(self, i: int) -> None:
        """The last person quoted is named again at token i (a later "he" looks back to it)."""
        full = self.entries[-1][1]
        lowest = self.lowest[full]
        lowest[-1] = min(i, lowest[-2]) if len(lowest) > 1 else i
        self.entries[-1] = (i, full)

    def snapshot(self) -> tuple[int, tuple[int, str] | None]:
        """What `restore` returns to: the length and the last entry (of the entries there, only the
        last can be written before a restore: `replace_last`)."""
        return len(self.entries), self.entries[-1] if self.entries else None

    def restore(self, snapshot: tuple[int, tuple[int, str] | None]) -> None:
        """Back to the names as they were at `snapshot` (what was appended since dropped, the last
        entry's token as it was)."""
        size, last = snapshot
        while len(self.entries) > size:
            full = self.entries.pop()[1]
            self.positions[full].pop()
            self.lowest[full].pop()
            if not self.positions[full]:
                del self.positions[full], self.lowest[full]
                for word in self.words.pop(full):
                    self.by_word[word].discard(full)
        if last is not None and self.entries[-1] != last:
            self.replace_last(last[0])

    def fulls_with(self, words: set[str]) -> set[str]:
        """The full names holding one of these words (every one for no words)."""
        if not words:
            return set(self.positions)
        return {full for word in words for full in self.by_word.get(word, ())}

    def last_before(self, full: str, limit: int) -> int:
        """The position of the last entry of this name whose token is before limit, else -1."""
        positions = self.positions[full]
        if self.lowest[full][-1] >= limit:
            return -1
        k = len(positions) - 1
        while self.entries[positions[k]][0] >= limit:
            k -= 1
        return positions[k]

    def first_before(self, full: str, limit: int) -> int:
        """The position of the first entry of this name whose token is before limit, else -1."""
        lowest = self.lowest[full]
        lo, hi = 0, len(lowest)
        while lo < hi:  # lowest never rises: the first below limit
            mid = (lo + hi) // 2
            if lowest[mid] < limit:
                hi = mid
            else:
                lo = mid + 1
        return self.positions[full][lo] if lo < len(lowest) else -1
