"""Event triggers: the verbs and event nouns of a sentence that the lexicon lists (with light verbs:
"imposed sanctions", "held talks"), each typed by its object, subject or modifiers, and the
absorption of governed and purpose clauses into the trigger they belong to ("agreed to reopen").
Pure: no network, no database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

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
    first_conjunct,
    is_infinitive,
    is_verb,
    is_verb_at,
    lemma_guesses,
    misplaced_conjunct,
    object_of,
    parse_index,
    passive_patient,
    prep_object,
    prep_objects,
    small_clause_object,
    subject_of,
)
from extractors.lexicon import Entry, Lexicon, noun_forms
from extractors.resolution import FORCE_CLASSES, Actor, Resolver, is_group_noun


@dataclass
class Trigger:
    token: Token  # the verb or event noun
    entry: Entry
    type: str
    mode: str | None
    light: Token | None = None  # the light verb of an event noun ("imposed sanctions")
    inner: list[Trigger] = field(default_factory=list)  # governed or purpose triggers
    absorbed: bool = False
    # Set aside as not done (appealed for, denied, only considered, a pact's text, the war as
    # background): the learned model reads no event in its words either.
    declined: bool = False
    # A movement named with its sender and destination, an event of its own beside the verb it is the
    # object of ("condemned the dispatch of North Korean troops to Russia").
    stands_alone: bool = False

    @property
    def is_noun(self) -> bool:
        return self.token.pos_ in ("NOUN", "PROPN")


def parse_spec(spec: str) -> tuple[str, str | None] | None:
    if spec == "-":
        return None
    kind, _, mode = spec.partition("/")
    return kind, (mode or None)


def _lemmas(tok: Token) -> list[str]:
    """The lemma, then guesses from the word itself for the lemmatiser's slips ("staged" -> "stag")."""
    return list(lemma_guesses(tok))


def _particle_keys(tok: Token, lemmas: list[str], lex: Lexicon) -> list[str]:
    # Read from the parse index (plain lists): asked of every verb whose lemma heads a lexicon key.
    index = parse_index(tok.doc)
    i, deps, lowers = tok.i, index.dep, index.lower
    kids = index.kids.get(i, ())
    # A preposition makes a phrasal verb only right after it: "called on Kyiv", not "called X on Tuesday".
    particle = any(deps[c] == "prt" for c in kids)
    particles = [
        lowers[c]
        for c in kids
        if (deps[c] in ("prt", "advmod") and c > i)
        or (deps[c] == "prep" and c == i + 1)
        or (deps[c] == "dobj" and c == i + 1 and lowers[c] in lex.idiom_objects)  # "took part in"
        # "taken prisoner", "took them captive" (not "take in the prisoners": a particle makes another verb)
        or (deps[c] in ("dobj", "oprd") and c > i and lowers[c] in lex.captive_words and not particle)
    ]
    # "set free X", "let free X": the parser makes the adjective a modifier of the object.
    after = i + 1
    if (
        after < len(index.tokens)
        and index.pos[after] == "ADJ"
        and deps[after] == "amod"
        and index.head[index.head[after]] == i
    ):
        particles.append(lowers[after])
    keys: list[str] = []
    for lemma in lemmas:
        keys += [f"{lemma} {p}" for p in particles]
    return [*keys, *lemmas]


def _verb_entry(tok: Token, lex: Lexicon) -> tuple[str, Entry] | None:
    lemmas = _lemmas(tok)
    if lex.verb_heads.isdisjoint(lemmas):
        return None  # every key of the verb table starts with the verb's lemma
    for key in _particle_keys(tok, lemmas, lex):
        if key in lex.verbs:
            # A particle the lexicon does not list changes the verb ("fired up", "set up", "broke up").
            if " " not in key and first_child(tok, _PARTICLE) is not None:
                return None
            return key, lex.verbs[key]
    return None


_PARTICLE = frozenset({"prt"})


def _goods(tok: Token, res: Resolver) -> Token | None:
    """What is handed over: the object, or the `with` object when the object is the recipient
    ("supplied North Korea with essential aid")."""
    obj = object_of(tok)
    named = obj is not None and (res.entity_at(obj) is not None or obj.pos_ == "PROPN")
    if obj is not None and named and res.resolve(obj, context=False) and not is_thing(obj, res.lex):
        for prep in children(tok, ["prep"]):
            if prep.lower_ == "with":
                return first_child(prep, ["pobj"]) or obj
    return obj


_THINGS = ("troops", "weapons", "police", "aid_goods", "money", "pact", "personnel", "cargo")


def is_thing(tok: Token, lex: Lexicon) -> bool:
    """A noun phrase about troops, weapons or goods rather than an actor."""
    return lex.in_any_class(tok, _THINGS)


def find_triggers(sent: Span, lex: Lexicon, res: Resolver, unsure: dict[int, str] | None = None) -> list[Trigger]:
    """The sentence's triggers. unsure, if given, takes the words of the lexicon the rules declined
    only for want of what they look for (token index -> one of UNSURE), not as shown to be no event."""
    triggers: list[Trigger] = []
    by_token: dict[int, Trigger] = {}
    index = parse_index(sent.doc)
    tokens, pos, dep, tag = index.tokens, index.pos, index.dep, index.tag
    for i in range(sent.start, sent.end):
        if pos[i] == "AUX" and index.lemma[i] == "be" and _stay(tokens[i], res):
            trig = Trigger(tokens[i], _STAY, "CONSULT", "visit")
            triggers.append(trig)
            by_token[i] = trig
            continue
        if not is_verb_at(index, i):
            continue
        if threatened_response(tokens[i], lex):
            trig = Trigger(tokens[i], _RESPONSE, "THREATEN", None)
            triggers.append(trig)
            by_token[i] = trig
            continue
        trig = _verb_trigger(tokens[i], lex, res, unsure)
        if trig is not None:
            triggers.append(trig)
            by_token[i] = trig
    for i in range(sent.start, sent.end):
        if pos[i] in ("NOUN", "PROPN") and i not in by_token:
            tok = tokens[i]
            trig = _noun_trigger(tok, lex, res, by_token, unsure)
            if trig is not None:
                triggers.append(trig)
                by_token[tok.i] = trig
        manner = i in by_token and breach_manner(tokens[i], lex)
        if (
            pos[i] in ("NOUN", "PROPN", "ADJ")
            and dep[i] in _VERDICT_DEPS
            and (i not in by_token or manner)
            and verdict(tokens[i], lex, res) is not None
        ):
            if manner:
                # "said Quito armed the rebels in breach of UN resolutions": the reporter's verdict on
                # Quito, not the noun's own reading (its doer censuring the rule's owner).
                triggers.remove(by_token.pop(i))
            trig = Trigger(tokens[i], _VERDICT, "DISAPPROVE", None)
            verb = by_token.pop(tokens[i].head.i, None) if tokens[i].dep_ == "dobj" else None
            if verb is not None:
                triggers.remove(verb)  # "said the transfers violated UN resolutions": the speaker's verdict
            triggers.append(trig)
            by_token[i] = trig
        if (
            pos[i] in ("ADJ", "VERB")
            and (dep[i] == "acomp" or tag[i] == "VBN")  # what feeling_clause reads first
            and i not in by_token
            and feeling_subject(tokens[i], lex, res) is not None
        ):
            trig = Trigger(tokens[i], _FEELING, "DISAPPROVE", None)
            triggers.append(trig)
            by_token[i] = trig
    return triggers


_VERDICT = Entry("DISAPPROVE", verdict=True)
# The only relations a verdict's pejorative stands in to its copula or verb (`verdict` reads no other).
_VERDICT_DEPS = frozenset({"pobj", "attr", "acomp", "dobj"})
_STAY = Entry("CONSULT", mode="visit", recipient_preps=("in",))
# A copula with these is a predicate of its own ("was in talks", "is in charge"), not a stay.
_PREDICATES = frozenset({"acomp", "attr", "xcomp", "ccomp", "oprd", "auxpass"})


# Why the rules declined a word the lexicon knows where they were unsure of it, for want of what they
# look for, rather than shown it is no event (denied, appealed for, hedged, a document, "-" in the
# table): where the learned model may overrule them (event_learned.learned_drafts).
UNSURE_OBJECT = "object"  # a verb whose sense hangs on an object the table does not list
UNSURE_DOER = "doer"  # an event noun standing alone with no doer named
UNSURE_PLACE = "place"  # an event noun with its doer, but not where news states an event
UNSURE_LIGHT = "light"  # an event noun whose light verb is a trigger of its own
UNSURE = (UNSURE_OBJECT, UNSURE_DOER, UNSURE_PLACE, UNSURE_LIGHT)


def _unsure(unsure: dict[int, str] | None, tok: Token, reason: str) -> None:
    """No trigger, for a reason the rules are unsure of (noted in `unsure` if kept)."""
    if unsure is not None:
        unsure[tok.i] = reason
    return None


def _stay(tok: Token, res: Resolver) -> bool:
    """A person of one state who is, was or has been in another ("Choe has been in Russia for a week",
    "Kim, who is currently in China, attended the parade"): a visit (bench/data/news/README: the
    visitor -> host CONSULT/visit). Not forces ("troops are still in Kursk" is mere presence), not at
    home ("Putin was in Moscow")."""
    if tok.dep_ in ("aux", "auxpass") or any(c.dep_ in _PREDICATES or c.dep_ == "neg" for c in tok.children):
        return False
    subject = first_child(tok, SUBJECTS)
    if subject is None:
        return False
    if subject.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
        subject = tok.head  # "Kim, who is in China"
    official = res.lex.in_class(subject, "dignitaries")  # "the Russian foreign minister was in Pyongyang"
    people = [a for a in res.resolve(subject) if a.kind == "person" or official]
    if not people:
        return False
    own = {a.code for a in people}
    for prep in children(tok, ["prep"]):
        pobj = first_child(prep, ["pobj"]) if prep.lower_ == "in" else None
        if pobj is not None and any(a.code not in own and a.kind != "person" for a in res.resolve(pobj, context=False)):
            return True
    return False


_RESPONSE = Entry("THREATEN", recipient_preps=("against", "to", "with"))


def is_response(trig: Trigger) -> bool:
    """Whether a trigger is an announced firm response (its negation is part of it: "will not sit idle",
    "would not hesitate to take action")."""
    return trig.entry is _RESPONSE


def threatened_response(tok: Token, lex: Lexicon) -> bool:
    """A firm response announced for the future: "Seoul will respond resolutely", "the UK would take
    more action against the Houthis", "we will not sit idle", "will take necessary measures" (CAMEO 13
    THREATEN). Not a response made ("responded to questions"), nor one without force ("will respond
    to the letter")."""
    lemma = tok.lemma_.lower()
    if lex.in_class(tok, "responses"):
        firm = any(c.dep_ in ("advmod", "acomp") and lex.in_class(c, "response_manners") for c in tok.children)
        firm = firm or any(p.lower_ == "against" for p in children(tok, ["prep"]))
        firm = firm or (
            any(
                p.lower_ == "with" and lex.in_class(first_child(p, ["pobj"]), "response_force")
                for p in children(tok, ["prep"])
            )
            and bool(condition_clauses(tok))
        )
    elif lemma == "take":
        measures = first_child(tok, OBJECTS)
        purpose = [c for c in [*tok.children, *(measures.children if measures is not None else ())] if is_infinitive(c)]
        aimed = any(p.lower_ == "against" for h in (tok, measures) if h is not None for p in children(h, ["prep"]))
        qualified = measures is not None and any(lex.in_class(c, "response_qualifiers") for c in measures.children)
        firm = lex.in_class(measures, "response_measures") and (aimed or (qualified and not purpose))
    elif lemma in ("sit", "stand"):
        manner = (c for c in tok.children if c.dep_ in ("advmod", "acomp", "prt", "prep"))
        idle = any(lex.in_class(c, "response_idle") for c in manner)
        firm = idle and any(c.dep_ == "neg" for c in tok.children)
    else:
        return False
    if not firm:
        return False
    # The future: on the verb, or on the verb it is governed by or coordinated with ("will need to take",
    # "would not hesitate to take", "will never sit idle and take").
    current = tok
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in lex.future_aux for c in current.children):
            return True
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


_FEELING = Entry("DISAPPROVE", felt=True, recipient_preps=("about", "over", "by", "at"), recipient_required=True)


def feeling_clause(tok: Token, lex: Lexicon) -> Token | None:
    """The verb that says of its subject how it feels: "is concerned", "remains worried", or the
    participle itself in "was alarmed by"."""
    if tok.dep_ == "acomp" and tok.head.lemma_.lower() in lex.feeling_copulas:
        return tok.head
    if tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children):
        return tok
    return None


def feeling_subject(tok: Token, lex: Lexicon, res: Resolver) -> Token | None:
    """Who says it feels concern or alarm about something named: "Japan is seriously concerned about
    North Korea's launches", "Seoul said it was alarmed by the deployment"."""
    clause = feeling_clause(tok, lex)
    if clause is None or not lex.in_class(tok, "worried"):
        return None
    if any(c.dep_ == "neg" for c in clause.children):
        return None
    if (
        not any(
            p.lower_ in _FEELING.recipient_preps and first_child(p, ["pobj"]) is not None
            for p in children(tok, ["prep", "agent"])
        )
        and feared_doer(tok) is None
    ):
        return None
    subject = first_child(clause, SUBJECTS | PASSIVE_SUBJECTS)
    if subject is None or not res.resolve(subject, context=subject.pos_ == "PRON"):  # "said it was alarmed"
        return None
    return subject


def feared_doer(tok: Token) -> Token | None:
    """The named subject of what a feeling or a voiced worry is about: "concerned that Russia intends to
    use these soldiers", "voiced worries that Russia could hand North Korea technology" (no pronoun:
    "worried that it may" names nobody)."""
    for clause in children(tok, ["ccomp", "acl"]):
        if clause.dep_ == "acl" and not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            continue  # "concern to keep the peace", "fears raised by": no clause of what is feared
        subject = first_child(clause, SUBJECTS | PASSIVE_SUBJECTS)
        if subject is not None and subject.pos_ != "PRON":
            return subject
    return None


def _verdict_clause(clause: Token, lex: Lexicon) -> bool:
    """A clause that judges rather than threatens: "warned that the deployment was a dangerous
    escalation" (a pejorative predicate of a copula)."""
    return clause.lemma_.lower() in lex.copulas and any(
        c.dep_ in ("attr", "acomp") and lex.in_class(c, "pejoratives") for c in clause.children
    )


def verdict(tok: Token, lex: Lexicon, res: Resolver) -> tuple[list[Actor], Token | None] | None:
    """(judges, judged subject) of a pejorative predicate: "Seoul said Pyongyang's launch was a
    provocation", "Tokyo said the deployment of North Korean troops constitutes a violation of UN
    resolutions", "Kyiv said Moscow was reckless" - who reports it, and the subject whose doer it
    condemns. None unless the reporter and the doer are both named (a verdict on nobody, or by nobody,
    is no event), except in quoted words whose speaker the quote finder resolved: "'Such remarks are
    unacceptable,' he said" is the speaker's verdict (on nobody named: the judged subject is None)."""
    counter = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    manner = breach_manner(tok, lex)
    if manner:
        copula = tok.head.head  # "said Quito had armed the rebels in breach of UN resolutions"
    elif tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lemma_.lower() == "amount":
        copula = tok.head.head  # "amounted to a dangerous escalation"
    elif tok.dep_ in ("attr", "acomp", "dobj"):
        copula = tok.head
    elif counter is not None and counter.dep_ == "dobj" and lex.in_class(counter, "collectives"):
        copula = counter.head  # "would violate a series of UN resolutions": the rules broken are counted
    elif (misread := _misread_breach(tok, lex)) is not None:
        return _misread_verdict(tok, misread, lex, res)
    else:
        return None
    judged = copula.lemma_.lower() in lex.copulas and (
        lex.in_class(tok, "pejoratives")
        or _pejorative_kind(tok, lex)
        or (tok.dep_ == "attr" and lex.in_class(tok, "menaces"))
    )
    # "said the deployment violates UN resolutions": a broken rule is a verdict too.
    broken = manner or (
        tok.dep_ in ("dobj", "pobj") and lex.in_class(copula, "violations") and lex.in_class(tok, "norms")
    )
    # "warned that Moscow's moves could destabilise security", "would raise tensions": a harm done.
    harmful = tok.dep_ == "dobj" and _harms(copula, tok, lex)
    if not (judged or broken or harmful):
        return None
    if any(c.dep_ == "neg" for c in copula.children):
        return None
    if any(c.dep_ == "det" and c.lower_ in lex.negation for c in tok.children):  # "poses no threat"
        return None
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ in _NEGATING_PREFIXES:
        return None  # "its position is non-interference": the opposite of the pejorative
    antecedent = _relative_antecedent(copula)
    first = _first_verb_conjunct(copula)  # "said Quito's support shows its weakness and is a provocation"
    # "said Quito's arms sales, which break the embargo, go on": the clause the relative one hangs in is told
    frame = _clause_verb(antecedent) if antecedent is not None else first
    reporter = frame.head
    spoken = res.spoken.get(frame.i)
    if frame.dep_ == "ccomp" and reporter.lemma_.lower() in lex.reporting_verbs:
        said_by = subject_of(reporter)
        judges = res.resolve(said_by, context=False)
        if spoken is not None and (not judges or (said_by is not None and said_by.pos_ == "PRON")):
            judges = [replace(spoken[0], token=said_by.i if said_by is not None else frame.i, pronoun=True)]
    elif spoken is not None and spoken[1] and frame.dep_ == "ROOT":
        # A quoted sentence standing alone ("'This is a clear violation.'"): its speaker judges.
        judges = [replace(spoken[0], token=frame.i, pronoun=True)]
    elif antecedent is not None and frame.dep_ == "ROOT" and lex.verb_type(frame) == "DISAPPROVE":
        judges = res.resolve(subject_of(frame), context=False)  # "condemned Quito's sales, which break ..."
    elif (source := according_to(frame)) is not None:
        judges = res.resolve(source, context=False)  # "according to Lima, Quito's move broke the embargo"
    else:
        return None
    if not judges:
        return None
    # ("some of the arms sales between them violate ...": what the partitive counts is judged)
    subject = counted(antecedent or first_child(copula, SUBJECTS) or first_child(first, SUBJECTS))
    if subject is not None and subject.pos_ != "PRON" and (doers := judged_doers(subject, res)):
        if manner and {j.code for j in judges} & {d.code for d in doers}:
            return None  # "the envoy said Quito, in breach of ..., armed": an envoy read as Quito's own
        return judges, subject
    if spoken is not None and spoken[1] and (subject is None or _deictic(subject)) and not _supposed(copula):
        return judges, None  # "'This is outrageous,' he said": a verdict in the speaker's own words
    if judged and subject is not None and _definite_act(subject, res) and not _supposed(copula):
        return judges, None  # "saying the move amounted to a dangerous expansion": an act named before
    return None


def _misread_breach(tok: Token, lex: Lexicon) -> Token | None:
    """The verb of breaking a rule that the parser read as a noun on the rule, before it ("said Lima's
    purchase of rifles from Quito breaches UN resolutions": "breaches" hung on "resolutions" as a compound):
    a violation word in -s that modifies a rule is no English noun phrase, so it is the verb."""
    if tok.pos_ != "NOUN" or not lex.in_class(tok, "norms"):
        return None
    for child in tok.children:
        if (
            child.dep_ in ("compound", "nmod")
            and child.i < tok.i
            and child.lower_.endswith("s")
            and lex.in_class(child, "violations")
        ):
            return child
    return None


def _misread_verdict(tok: Token, breach: Token, lex: Lexicon, res: Resolver) -> tuple[list[Actor], Token | None] | None:
    """(judges, judged subject) of a misread verb of breaking a rule (_misread_breach) in a reported clause:
    the act whose phrase the rule was hung in ("Lima's purchase of rifles from Quito"), or the name the verb
    was hung on ("said Quito breaches the embargo"), judged by whoever said so, as verdict reads the verb."""
    arg = tok
    while arg.dep_ in ("pobj", "prep") and arg.head.i != arg.i:
        arg = arg.head
    subject = arg if arg.i != tok.i else first_child(breach, ["compound", "nmod", "poss"])
    reporter = arg.head
    if subject is None or arg.dep_ not in OBJECTS or reporter.lemma_.lower() not in lex.reporting_verbs:
        return None
    judges = res.resolve(subject_of(reporter), context=False)
    if not judges or not judged_doers(subject, res):
        return None
    return judges, subject


def breach_manner(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun says how a reported act was done, in breach of a rule: "said Quito had armed the
    rebels in violation of UN resolutions", "Lima, in breach of the embargo, has sold rifles" (a
    violation noun, "in" on the act's verb, "of" a rule): a verdict on the act's doer, as "said the
    arming violated UN resolutions" is, not a censure by the doer."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "in" or tok.head.dep_ != "prep" or not is_verb(tok.head.head):
        return False
    if tok.lower_ not in lex.breach_nouns:
        return False
    rule = counted(prep_object(tok, ("of",)))
    return rule is not None and lex.in_class(rule, "norms")


def _first_verb_conjunct(verb: Token) -> Token:
    """The first of the coordinated verbs a verb is one of, whose subject and frame it shares (a few
    links up at most: a list of verbs is read once per verb)."""
    for _ in range(3):
        if verb.dep_ != "conj" or verb.head.i == verb.i or not is_verb(verb.head):
            break
        verb = verb.head
    return verb


def _relative_antecedent(clause: Token) -> Token | None:
    """What the relative pronoun subject of a clause stands for ("Quito's arms sales, which break the
    embargo": the sales); None for any other clause."""
    subject = first_child(clause, SUBJECTS) if clause.dep_ == "relcl" else None
    if subject is None or subject.tag_ != "WDT":
        return None
    # The parser hangs the clause on the last name of the act's phrase ("Quito's arms sales to Lima, which
    # break the embargo"): what breaks it is the act the name is said of, not Lima.
    named = clause.head
    if named.dep_ == "conj" and named.head.dep_ == "pobj":
        named = named.head
    phrase = named.head if named.pos_ == "PROPN" and named.dep_ == "pobj" else None
    return phrase.head if phrase is not None and phrase.head.pos_ == "NOUN" else clause.head


def _clause_verb(tok: Token) -> Token:
    """The verb of the clause a word stands in (the word itself if a verb): "Quito's arms sales, which
    break the embargo, ..." are told by the clause of whatever they are the subject or object of."""
    for _ in range(6):
        if is_verb(tok) or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _definite_act(subject: Token, res: Resolver) -> bool:
    """A definite common noun that names no one ("the move", "this deployment"): an act the text
    named before."""
    return (
        subject.pos_ == "NOUN"
        and not is_group_noun(subject, res.lex)
        and any(c.dep_ == "det" and c.lower_ in _DEFINITE_DETS for c in subject.children)
        and not res.resolve(subject, context=False, strict=False)
    )


_DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those"})


_NEGATING_PREFIXES = frozenset({"non", "anti", "counter"})
# What a quoted verdict's subject points at in the speaker's own words ("This is outrageous", "Such
# remarks are unacceptable"); not "it" ("It is dangerous work": a description).
_DEICTIC = frozenset({"this", "that", "these", "those", "such"})
# "this would be a big mistake": a verdict on a step not taken (a warning, not criticism of an act).
_SUPPOSING = frozenset({"would", "could", "might", "may", "will", "'d", "wo"})


def _supposed(copula: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _SUPPOSING for c in copula.children)


def _deictic(subject: Token) -> bool:
    return subject.lower_ in _DEICTIC or any(
        c.dep_ in ("det", "amod", "predet") and c.lower_ in _DEICTIC for c in subject.children
    )


def _pejorative_kind(tok: Token, lex: Lexicon) -> bool:
    """A predicate noun a pejorative adjective judges: "was a criminal act", "is an illegal step", "was a
    reckless move", "marks a dangerous expansion" (the noun alone says nothing; its adjective condemns)."""
    # A copula other than "be" takes its predicate noun as an object ("constitutes", "marks").
    predicate = tok.dep_ == "attr" or (tok.dep_ == "dobj" and tok.head.lemma_.lower() in lex.copulas)
    return predicate and _pejorative_modifier(tok, lex)


def _pejorative_modifier(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun carries a pejorative adjective ("a dangerous expansion", "a criminal act")."""
    return tok.pos_ == "NOUN" and any(
        c.dep_ == "amod" and c.pos_ == "ADJ" and lex.in_class(c, "pejoratives") for c in tok.children
    )


def _harms(verb: Token, obj: Token, lex: Lexicon) -> bool:
    """Whether a verb harms the peace: "destabilise security", "raise the danger of war", "worsen
    tensions" (not "raise funds", nor "increase security")."""
    if not lex.in_class(verb, "harms") or not lex.in_class(obj, "public_goods"):
        return False
    if verb.lemma_.lower() in lex.raising_verbs:
        # "increase security" is no harm; "increase tensions" is, and so is "poses a threat".
        return obj.lemma_.lower() in lex.danger_nouns
    return obj.lemma_.lower() not in lex.danger_nouns  # "undermine the threat" is no harm


# What stands left of a participle that modifies a noun ("Iranian-backed", "the seized", "its newly
# deployed"); a noun or name there is the parser misreading a clause ("Azerbaijan massed troops").
_PRENOMINAL_LEFT = frozenset({"PUNCT", "DET", "PRON", "ADJ", "ADV"})


def _verb_trigger(tok: Token, lex: Lexicon, res: Resolver, unsure: dict[int, str] | None = None) -> Trigger | None:
    if tok.dep_ == "amod" and tok.i < tok.head.i and tok.i > 0 and tok.doc[tok.i - 1].pos_ in _PRENOMINAL_LEFT:
        return None  # a participle before its noun describes it: "Iranian-backed militias", "the seized tanker"
    found = _verb_entry(tok, lex)
    if found is None:
        return None
    _, entry = found
    kind, mode = entry.type, entry.mode
    obj = _goods(tok, res) if entry.theme else object_of(tok)
    if obj is None and entry.host:
        obj = passive_patient(tok)  # "arrived in Nairobi and was welcomed by Ruto": the guest
    if obj is None and "pact" in entry.by_object and tok.dep_ == "advcl" and tok.tag_ == "VBN":
        # "Signed in June by Putin and Kim, the treaty commits ...": a fronted participle with its
        # signers named says what the main clause's subject is.
        obj = first_child(tok.head, SUBJECTS) if first_child(tok, ["agent"]) is not None else None
    obj = counted(obj)
    if entry.theme:
        obj = _cargo_contents(obj, lex, entry)
    if obj is not None and lex.in_class(obj, "collectives") and not lex.match(entry.by_object, obj):
        # "signed a string of arms deals with Seoul": what the collective counts is the object
        obj = next((counted(first_child(p, ["pobj"])) for p in children(obj, ["prep"]) if p.lower_ == "of"), obj)
    if kind == "ASSAULT" and obj is not None and _harms(tok, obj, lex):
        return None  # "harms South Korea's security", "damaged relations": a verdict on an act, not violence
    if entry.executes and obj is not None and _executed_noun(obj, entry, lex):
        return None  # "ordered the release of": the event noun is the event, the order its light verb
    by_prep = False
    if entry.by_object or entry.person_object:
        # A "(prep) noun" pattern is the more specific one: "opened its ports to migrants".
        spec = _prep_object_spec(tok, entry, lex)
        by_prep = spec is not None
        if spec is None:
            spec = lex.match(entry.by_object, obj if obj is not None else _gap_object(tok))
        if spec is None and obj is None:
            # "agreed to halt fighting": the parser makes a gerund object a clause of its own
            gerund = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG"), None)
            if gerund is not None and first_child(gerund, SUBJECTS) is None:
                spec = lex.match(entry.by_object, gerund)
        if spec is None and obj is not None:
            # "summoned Ambassador Lee Do-hoon": a named person's title before the name says what he is
            # (a title followed by a name, not "the embassy staff").
            doc = tok.doc
            titles = [c for c in obj.children if c.dep_ == "compound" and c.i + 1 < obj.i]
            titles = [c for c in titles if doc[c.i + 1].pos_ == "PROPN"]
            spec = next((found for c in titles if (found := lex.match(entry.by_object, c))), None)
        if spec is None and obj is not None and entry.by_object.get("pact"):
            # "approved the bill ratifying the treaty": the document's act on a pact is what is approved.
            acts = [c for c in children(obj, ["acl"]) if c.lemma_.lower() in ("ratify", "ratifie")]
            spec = next((entry.by_object["pact"] for c in acts if lex.in_class(object_of(c), "pact")), None)
        if spec is None and obj is not None and entry.by_object.get("pact"):
            # "approved a draft of the treaty": the text of a pact stands for it; "signed the treaty after
            # Putin approved it": "it" is the pact the sentence named before it.
            held = prep_object(obj, ("of",)) if lex.in_class(obj, "pact_texts") else None
            if held is None and obj.lower_ == "it":
                held = next((t for t in reversed(obj.doc[obj.sent.start : obj.i]) if lex.in_class(t, "pact")), None)
            if held is not None and lex.in_class(held, "pact"):
                spec = entry.by_object["pact"]
        if spec is None and obj is not None:
            # A small clause's predicate or second object: "called the launch a provocation",
            # "handed Pyongyang air defence systems".
            later = [c for c in tok.children if c.dep_ in ("oprd", "dobj") and c.i > obj.i]
            # "called Russia's plan unacceptable": the parser hangs the predicate on the object as an
            # adjective after it (English adjectives stand before their noun).
            later += [c for c in obj.children if c.dep_ == "amod" and c.pos_ == "ADJ" and c.i > obj.i]
            # "promised Xi his firm support": the parser hangs the second object on the first (as an
            # apposition or an object of the name); the possessive says it is a thing given, not
            # another name for the person.
            later += [
                c for c in obj.children if c.dep_ in ("appos", "dobj") and c.i > obj.i and first_child(c, ["poss"])
            ]
            spec = next((found for c in later if (found := lex.match(entry.by_object, counted(c)))), None)
            if spec is None and "pejoratives" in entry.by_object and any(_pejorative_modifier(c, lex) for c in later):
                spec = entry.by_object["pejoratives"]  # "called it a dangerous expansion of the war"
        if spec is None and obj is None:
            # The parser makes "found the minister guilty" a clause with its own subject: its
            # predicate is the small clause's.
            small = [c for c in children(tok, ["ccomp"]) if c.pos_ == "ADJ" and first_child(c, SUBJECTS) is not None]
            spec = next((found for c in small if (found := lex.match(entry.by_object, c))), None)
        if spec is None and obj is not None and "igo" in entry.by_object:
            info = res.entity_at(obj) or next((res.entity_at(t) for t in obj.subtree if res.entity_at(t)), None)
            if info is not None and info.kind == "igo":
                spec = entry.by_object["igo"]
        if spec is None and "place" in entry.by_object and _place(object_of(tok), res):
            # "reached Beijing (with his daughter)": the place itself, not the goods a theme verb carries
            spec = entry.by_object["place"]
        if spec is None and entry.person_object and obj is not None and _known_person(obj, res):
            spec = entry.person_object
        if spec is not None:
            parsed = parse_spec(spec)
            if parsed is None:
                return None
            kind, mode = parsed[0], parsed[1] or (mode if parsed[0] == entry.type else None)
        elif entry.object_required and not (obj is not None and lex.match(entry.by_subject, counted(subject_of(tok)))):
            # The subject may decide what an object the table does not list means ("troops left
            # Kherson" is a withdrawal; "the party left the coalition" is already by_object).
            return _unsure(unsure, tok, UNSURE_OBJECT)
    if entry.clause_required and first_child(tok, ["ccomp"]) is None and obj is None:
        return None
    if entry.transitive and object_of(tok) is None and not by_prep:
        return None  # "Hong Kong is burning", "it's striking that"
    if entry.modal_required and not _obliged_other(tok, res):
        return None  # "said Pyongyang sent troops" reports; "said Pyongyang must withdraw" demands
    if entry.clause_required and not _deontic_clause(tok):
        return None  # "insisted his tactics will work" reports; "insisted that Russia return" demands
    # "declined to comment": the governed verb says it is not an event at all - unless it answers a
    # request ("declined to answer a query from Reuters" rejects the request).
    if entry.not_with and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in entry.not_with and not _answers_request(c, lex) for c in tok.children
    ):
        return None
    subj = counted(subject_of(tok))
    if kind == "ASSAULT" and _natural_force(tok, subj, lex):
        return None  # "the earthquake struck ten provinces": nobody attacks
    if entry.by_subject:
        spec = lex.match(entry.by_subject, subj)
        if spec is not None:
            parsed = parse_spec(spec)
            if parsed is None:
                return None
            kind, mode = parsed
    if entry.subject_required:
        if subj is None:
            return None
        # People protest with no state named ("people took to the streets": roles.protesting_crowd).
        crowd = kind == "PROTEST" and lex.in_class(subj, "civilians")
        if not (
            crowd or lex.in_class(subj, "weapons") or lex.in_class(subj, "troops") or res.resolve(subj, context=False)
        ):
            return None
    if kind == "THREATEN" and entry.needs_actor_object and _warned_fact(tok, lex):
        return None  # "warned lawmakers that Pyongyang had received help from Russia": a statement, no threat
    if entry.needs_actor_object:
        target = first_child(tok, OBJECTS)
        if target is None and first_child(tok, ["agent"]) is not None:
            target = passive_patient(tok)  # "Kim was greeted by Xi": the passive's patient
        if target is None or not (
            res.resolve(target, context=False) or is_group_noun(target, lex) or lex.in_class(target, "people")
        ):
            violent = [
                p
                for p in children(tok, ["prep"])
                if p.lower_ == "of" and lex.in_class(first_child(p, ["pobj"]), "violence")
            ]
            # "warned that it would respond with overwhelming force"
            clause = first_child(tok, ["ccomp"])
            if (
                clause is not None
                and not _third_party_clause(tok, clause, res)
                and not _verdict_clause(clause, lex)
                and any(lex.in_class(t, "violence") or t.lemma_.lower() in lex.retaliation for t in clause.subtree)
            ):
                violent.append(clause)
            if not violent:
                return None
    if entry.needs_actor_prep and not _goes_to_other(tok, subj, entry, res):
        return None
    if kind == "CONSULT" and _phone(tok, lex):
        mode = "phone"
    if kind == "MOBILIZE":
        kind, mode = _force_purpose(tok, obj, kind, mode, lex)
    return Trigger(tok, entry, kind, mode)


def _warned_fact(tok: Token, lex: Lexicon) -> bool:
    """Whether a warning's that-clause states what is or was, with no future, modal or condition ("warned
    that the world faced a choice of peace or war", "warned that troops were being deployed"): a
    statement of fact, not a threat of what will follow ("warned that it would respond")."""
    clause = first_child(tok, ["ccomp"])
    if clause is None or clause.pos_ not in ("VERB", "AUX") or condition_clauses(clause):
        return False
    auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    # "was going to strike", "were ready to strike": an act to come all the same
    coming = any(
        (clause.lemma_ == "go" and is_infinitive(c)) or (c.dep_ == "acomp" and c.lower_ in lex.intent_adjectives)
        for c in clause.children
    )
    return not coming and auxes.isdisjoint(lex.future_aux | lex.hedge_modals | _OBLIGATIONS)


def _natural_force(tok: Token, subj: Token | None, lex: Lexicon) -> bool:
    """Whether a verb's subject is a force of nature, also through a relative pronoun ("the
    earthquakes, which struck ten provinces")."""
    if subj is not None and subj.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
        subj = tok.head
    return subj is not None and lex.in_class(subj, "disasters")


def _cargo_contents(obj: Token | None, lex: Lexicon, entry: Entry) -> Token | None:
    """What cargo holds, when it is named: "containers of weapons", "a consignment of shells",
    "containers full of ammunition" are weapons moved, "two planes of aid" or "$4 million worth of
    medicines" aid; cargo alone stays itself."""
    if obj is None:
        return obj
    holders = [obj, *[c for c in obj.children if c.dep_ == "amod" and c.lower_ in lex.laden_adjectives]]
    for holder in holders:
        for prep in children(holder, ["prep"]):
            if prep.lower_ in ("of", "with"):
                contents = counted(first_child(prep, ["pobj"]))
                # "two planes of humanitarian aid": a vehicle counts what it carries when that is aid
                # (not what the verb itself takes: "signed a pledge of mutual assistance" is a pledge)
                carrier = lex.in_class(contents, "aid_goods") and not lex.match(entry.by_object, obj)
                if contents is not None and (lex.in_class(obj, "cargo") or carrier):
                    return contents
    return obj


def _goes_to_other(tok: Token, subj: Token | None, entry: Entry, res: Resolver) -> bool:
    """Whether one of the verb's recipient prepositions names an actor other than its subject's
    state: "Shoigu went to Pyongyang" (not "went to war", "Putin came to Vostochny")."""
    own = {actor.code for actor in res.resolve(subj)}
    for prep in children(tok, ["prep"]):
        if prep.lower_ in (entry.recipient_preps or ()):
            # strict: "when it comes to the implications of North Korean involvement" is no visit.
            found = res.resolve(first_child(prep, ["pobj"]), context=False)
            if any(actor.code not in own for actor in found):
                return True
    return False


def _place(tok: Token | None, res: Resolver) -> bool:
    """Whether a word is a state or a place the gazetteer knows ("Beijing", "North Korea")."""
    info = res.entity_at(tok) if tok is not None else None
    return info is not None and info.kind in ("state", "place")


def _known_person(tok: Token, res: Resolver) -> bool:
    """Whether a noun names a person the gazetteer knows ("Kim", "Chinese Foreign Minister Wang Yi")."""
    return any(actor.kind == "person" and actor.token == tok.i for actor in res.resolve(tok))


def _third_party_clause(verb: Token, clause: Token, res: Resolver) -> bool:
    """Whether a clause is about what another named actor does ("warned that North Korean soldiers
    were moving toward Kursk"): a report, not a threat by the speaker ("warned it would respond")."""
    subject = subject_of(clause)
    if subject is None or subject.pos_ == "PRON":
        return False  # "warned it would retaliate": the speaker's own act
    inner = res.resolve(subject, context=False)
    if not inner:
        return False
    speaker = {a.code for a in res.resolve(subject_of(verb), context=False)}
    return all(a.code not in speaker for a in inner)


def _force_purpose(
    tok: Token, moved: Token | None, kind: str, mode: str | None, lex: Lexicon
) -> tuple[str, str | None]:
    """A force movement's type by what it is for: joint exercises and patrols are cooperation
    (codebook MOBILIZE: "joint military operations are coded as COOPERATE"), and peacekeepers sent or
    deployed are military aid (CAMEO 074 "provide military protection or peacekeeping" is AID), not a
    show of force. `moved` is the verb's object or the event noun itself."""
    if moved is not None and any(c.lower_ in lex.joint_words for c in moved.children):
        return "COOPERATE", "military"
    if _peacekeeping(tok, lex) or _peacekeeping_frame(tok, lex):
        return "AID", "military"
    return kind, mode


# Prepositions of a verb's phrase that say what a force it announces or orders is for ("announced the
# deployment of troops to Mali on a peacekeeping mission", "approved a deployment as peacekeepers").
_MISSION_PREPS = frozenset({"on", "as", "for"})


def _peacekeeping_frame(tok: Token, lex: Lexicon) -> bool:
    """Peacekeeping in a purpose phrase the parser hangs on the verb whose object the force noun is
    ("announced the deployment of 400 soldiers to Mali on a peacekeeping mission"): CAMEO 074, AID."""
    if tok.pos_ != "NOUN" or tok.dep_ not in ("dobj", "obj") or tok.head.pos_ != "VERB":
        return False
    phrases = [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ in _MISSION_PREPS]
    return any(lex.in_class(t, "peacekeeping") for prep in phrases for t in prep.subtree)


def _peacekeeping(tok: Token, lex: Lexicon) -> bool:
    """Peacekeepers among the words within five links below a trigger or its subject ("deployed
    peacekeepers", "peacekeepers deployed", "as peacekeeping forces", "on a peacekeeping mission",
    "contingents of peacekeeping troops arrive", "the dispatch of 140 soldiers to Haiti on a
    peacekeeping mission")."""
    level = [tok]
    for _ in range(5):
        level = [c for t in level for c in t.children if c.dep_ not in ("ccomp", "advcl", "conj", "relcl")]
        if any(lex.in_class(t, "peacekeeping") for t in level):
            return True
    return False


def _answers_request(verb: Token, lex: Lexicon) -> bool:
    """A verb of answering whose "to" phrase is a request, demand or proposal ("respond to a request")."""
    return any(
        lex.in_class(first_child(prep, ["pobj"]), "accusations")
        for prep in children(verb, ["prep"])
        if prep.lower_ == "to"
    )


def _executed_noun(obj: Token, entry: Entry, lex: Lexicon) -> bool:
    """An event noun of a type the verb's orders carry out ("ordered the release", "ordered attacks")."""
    noun = lex.nouns.get(obj.lemma_.lower()) or lex.nouns.get(obj.lower_)
    return noun is not None and noun.type in entry.executes


def _prep_object_spec(tok: Token, entry: Entry, lex: Lexicon) -> str | None:
    """The spec a "(prep) noun" key of by_object gives one of the verb's prepositional phrases
    ("looked into the allegations", "placed on alert"; PETRARCH2's `* (INTO ALLEGATION)` patterns)."""
    by_class = None
    for prep in [*children(tok, ["prep"]), *_object_as(tok)]:
        pobj = counted(first_child(prep, ["pobj"]))
        if pobj is None:
            continue
        for form in noun_forms(pobj, lex):
            spec = entry.by_object.get(f"({prep.lower_}) {form}")
            if spec is not None:
                return spec
        by_class = by_class or _prep_keys(entry)
        for name, spec in by_class.get(f"({prep.lower_})", ()):  # "(as) pejoratives": a word class after it
            if name in lex.classes and lex.in_class(pobj, name):
                return spec
            if name == "pejoratives" and _pejorative_modifier(pobj, lex):
                return spec  # "described the deployment as a dangerous step"
    return None


# Each entry's by_object keys by their "(prep)" word: [(the rest of the key, spec)] in key order. Kept
# with the entry (the lexicon's entries live as long as the process), checked by identity.
_PREP_KEYS: dict[int, tuple[Entry, dict[str, list[tuple[str, str]]]]] = {}


def _prep_keys(entry: Entry) -> dict[str, list[tuple[str, str]]]:
    known = _PREP_KEYS.get(id(entry))
    if known is not None and known[0] is entry:
        return known[1]
    grouped: dict[str, list[tuple[str, str]]] = {}
    for key, spec in entry.by_object.items():
        prep_word, _, name = key.partition(" ")
        grouped.setdefault(prep_word, []).append((name, spec))
    if len(_PREP_KEYS) > 10_000:
        _PREP_KEYS.clear()
    _PREP_KEYS[id(entry)] = (entry, grouped)
    return grouped


def _deontic_clause(tok: Token) -> bool:
    """A demanded clause: a bare subjunctive ("that Russia return") or must/should."""
    for clause in children(tok, ["ccomp", "xcomp"]):
        auxes = [c.lower_ for c in clause.children if c.dep_ == "aux"]
        if any(a in ("must", "should") for a in auxes) or (clause.tag_ == "VB" and not auxes):
            return True
    return first_child(tok, OBJECTS) is not None


def _obliged_other(tok: Token, res: Resolver) -> bool:
    """A reported obligation of another named actor: "said (that) Washington must/should stop", or of
    parties left unnamed ("believes all parties need to", "hopes the relevant parties will")."""
    speakers: set[str] | None = None  # read when a clause names an obliged actor (most have none)
    wish = not res.lex.wish_verbs.isdisjoint(_lemmas(tok))
    for clause in children(tok, ["ccomp"]):
        auxes = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        obliged = auxes & ({"must", "should", "ought", "will", "would"} if wish else {"must", "should", "ought"}) or (
            clause.lemma_ in ("have", "need") and any(c.dep_ == "xcomp" and is_infinitive(c) for c in clause.children)
        )
        # "we hope all parties work towards de-escalation": a wish in the present asks it all the same.
        obliged = obliged or (wish and not auxes and clause.tag_ in ("VBP", "VBZ") and clause.lemma_ != "be")
        subject = first_child(clause, SUBJECTS | PASSIVE_SUBJECTS)
        if not obliged or subject is None or subject.pos_ == "PRON":
            continue
        if unnamed_parties(subject, res.lex):
            return True
        named = {a.code for a in res.resolve(subject, context=False, strict=False)}
        # "every armed faction in Libya": the state named anywhere in the phrase.
        named |= {info.code for t in subject.subtree if (info := res.entity_at(t)) is not None and info.code}
        if not named:
            continue
        if speakers is None:
            speaker = subject_of(tok)
            speakers = {a.code for a in res.resolve(speaker, context=False)} if speaker is not None else set()
        if named - speakers:
            return True
    return False


def unnamed_parties(tok: Token | None, lex: Lexicon) -> bool:
    """Whether a phrase is "all parties", "the parties concerned", "both sides", "the international
    community": those an appeal is addressed to without naming them (recipient null, as the news
    coders code it)."""
    tok = counted(tok) or tok
    if tok is None or not lex.in_class(tok, "addressees"):
        return False
    if tok.lemma_.lower() in lex.collective_addressees:
        return True
    return any(c.lower_ in lex.unnamed_quantifiers for c in tok.children)


def _phone(tok: Token, lex: Lexicon) -> bool:
    for prep in children(tok, ["prep"]):
        if prep.lower_ in ("by", "over", "via"):
            pobj = first_child(prep, ["pobj"])
            if pobj is not None and noun_forms(pobj, lex) & lex.phone_words:
                return True
    return False


def _modifier_spec(tok: Token, entry: Entry, lex: Lexicon) -> str | None:
    """What a noun's modifier makes of it (its entry's by_modifier: "military ties" -> COOPERATE/military):
    the first modifier's reading, else the last modifier that has one."""
    spec = lex.match(entry.by_modifier, next((c for c in tok.children if c.dep_ in ("amod", "compound")), None))
    if spec is None:
        for child in tok.children:
            if child.dep_ in ("amod", "compound"):
                spec = lex.match(entry.by_modifier, child) or spec
    return spec


def _crowd_act(tok: Token, entry: Entry, lex: Lexicon) -> bool:
    """Whether an event noun is a protest, strike or riot as its entry or its modifier reads it
    ("protests", "a rally", "a hunger strike"), which people hold with no one named; not one the text
    told before ("since the protests broke out", "told the rally"), nor a modifier ("anti-riot police",
    "protest leaders").
    """
    if tok.dep_ in ("compound", "amod", "nmod") or any(
        c.dep_ == "det" and c.lower_ in _BACK_POINTING for c in tok.children
    ):
        return False
    spec = _modifier_spec(tok, entry, lex)
    return (spec or entry.type).split("/")[0] == "PROTEST"


def topic_noun(tok: Token, lex: Lexicon) -> bool:
    """Whether the noun table reads a noun as a topic, not an event, whatever stands around it: one that
    needs a qualifying modifier and has none ("the ties between Iran and Russia", not "the deepening
    military ties"), or an own-event noun as the subject of a copula ("the cooperation between them is
    nothing new"). The learned model's readings respect it (event_learned.learned_drafts)."""
    entry = (lex.nouns.get(tok.lower_) or lex.nouns.get(tok.lemma_.lower())) if tok.pos_ == "NOUN" else None
    if entry is None:
        return False
    if entry.own_event and tok.dep_ in SUBJECTS and tok.head.lemma_ == "be":
        return True
    return entry.modifier_required and _modifier_spec(tok, entry, lex) is None and not _told_growing(tok, lex)


def _told_growing(tok: Token, lex: Lexicon) -> bool:
    """Whether a joint act is the subject of a verb of growth ("as ties between Hanoi and Vientiane
    deepen"): under way, as "the deepening ties" are, so no topic."""
    return tok.dep_ in SUBJECTS and tok.head.lemma_.lower() in lex.growth_verbs


_SHARED_POSSESSIVES = frozenset({"their", "our"})


_BACK_POINTING = frozenset({"the", "this", "that", "these", "those"})


def _told_before(tok: Token, lex: Lexicon) -> bool:
    """Whether a spoken act under a light verb is one the text told before: a definite noun with
    nothing of its own (no owner, content, addressee or maker), as in "made the pledge at a meeting",
    "made the request during an interview"; "made the commitment to send troops" tells its act."""
    if tok.lemma_.lower() not in lex.speech_act_nouns:
        return False
    dets = [c for c in tok.children if c.dep_ == "det"]
    others = [c for c in tok.children if c.dep_ not in ("det", "amod", "punct")]
    return len(dets) == 1 and dets[0].lower_ in _BACK_POINTING and not others


def _noun_trigger(
    tok: Token, lex: Lexicon, res: Resolver, verbs: Mapping[int, Trigger], unsure: dict[int, str] | None = None
) -> Trigger | None:
    key, lower = tok.lemma_.lower(), tok.lower_
    entry = lex.nouns.get(key) or lex.nouns.get(lower)
    if entry is None and key not in lex.phrase_words and lower not in lex.phrase_words:
        return None  # neither the word nor a multi-word form of it (noun_forms) is an event noun
    bigram = next((f for f in noun_forms(tok, lex) if (" " in f or "-" in f) and f in lex.nouns), None)
    if bigram:
        entry = lex.nouns[bigram]
    if entry is None or tok.ent_type_ in ("DATE", "TIME"):
        return None  # "went to Pyongyang in March": a month, not a protest march
    if entry.agentive:
        return _agentive_trigger(tok, entry, lex)
    if any(
        c.dep_ == "amod" and (c.lower_ in _CONJECTURED or (entry.own_event and c.lower_ in lex.hypothetical))
        for c in tok.children
    ):
        return None  # "a possible collaboration between Russia and Iran", "the potential sending of troops"
    light = _light_verb(tok, lex)
    if light is not None and _told_before(tok, lex):
        return None  # "He made the pledge at a meeting in Beijing": the pledge told before, not another
    poss = first_child(tok, ["poss"])
    stands_alone = _named_transfer(tok, poss, res)
    # "signed the pact at the historic DPRK-Russia summit", "agreed at Putin's summit with Kim": a
    # meeting whose parties are named is the setting of the verb and an event of its own.
    stands_alone = stands_alone or (
        entry.type == "CONSULT"
        and tok.dep_ == "pobj"
        and tok.head.lower_ in lex.frame_preps
        and _named_sides(tok, poss, res)
    )
    # "condemned the North's troop deployment": a state's movement of forces it is judged for is an act
    # of its own, standing beside the verdict (where the forces went, the text has said:
    # war_acts.with_known_destination).
    stands_alone = stands_alone or (
        light is not None
        and light.i in verbs
        and verbs[light.i].type == "DISAPPROVE"
        and tok.lemma_.lower() in lex.transfer_nouns
        and poss is not None
        and poss.pos_ != "PRON"
        and any(a.kind == "state" for a in res.resolve(poss, context=False))
        and _moves_forces(tok, lex)  # not "protested China's deployment of an oil rig"
    )
    if (
        light is not None
        and (light.i in verbs or entry.own_event)
        and (_own_parties(tok, entry, res) or stands_alone)
        and (light.i not in verbs or verbs[light.i].type not in _ENDING_TYPES)
    ):
        # "condemned the cooperation between Russia and North Korea", "condemned the dispatch of North
        # Korean troops to Russia": an event of its own; so is a joint act that names its own parties
        # under a verb that is no event ("voiced concern about the growing ties between A and B").
        light = None
    # "told Wang at their meeting in Lima": a meeting the pair's pronoun owns frames what one says to the other.
    shared = poss is not None and poss.lower_ in _SHARED_POSSESSIVES
    unowned = poss is None or shared
    if light is None and unowned and noun_agent(tok, res) is None and not modifier_parties(tok, entry, res):
        frame = _meeting_frame(tok, entry, lex)
        if shared and frame is not None and not _addressed(frame, res):
            frame = None  # "the deal Kim struck at their summit": nobody spoken to, no pair to read "their" as
        light = frame if frame is not None and frame.i not in verbs else None
    if light is None and not (entry.possessive and poss is not None):
        # A nominal event stands on its own with a named doer: "Putin's visit to Pyongyang", "the
        # deployment of 11,000 North Korean troops", "the signing of the treaty by Putin and Kim"
        # - unless it is hypothetical or denied ("a visit by Xi is unlikely", "no deployment").
        if lex.in_class(tok, "pact") and not entry.own_event:
            # "Trump's deal cements despair": a possessed pact is a document, not a signing; but a named
            # pair's partnership is cooperation ("the Russia-China partnership", README "Collaboration").
            return None
        named = poss is not None and poss.pos_ != "PRON" and bool(res.resolve(poss, context=False))
        named = named or (entry.type == "CONSULT" and adjunct_doer(tok, lex) is not None)
        named = named or _own_parties(tok, entry, res)
        named = named or bool(modifier_parties(tok, entry, res))
        # "His talks in Wonsan with Choe": a pronoun's meeting with a named partner.
        named = named or (entry.type == "CONSULT" and poss is not None and _with_partner(tok, res))
        # "after his visit to Mongolia", "her first trip to China": a person's visit with its host named
        # (the pronoun's antecedent is the visitor, as resolution reads it from the context).
        named = named or (
            entry.type == "CONSULT"
            and poss is not None
            and poss.lower_ in lex.person_pronouns
            and _host_named(tok, res)
        )
        # "Protests against the law spread", "a general strike paralysed the capital": people's protests
        # stand with no doer named (the news coders code them, actor null: roles.protesting_crowd).
        named = named or _crowd_act(tok, entry, lex)
        if not (named or noun_agent(tok, res) is not None):
            return _unsure(unsure, tok, UNSURE_DOER)
        # Only where news states an event: as a subject or object, or in a time adjunct ("after
        # Putin's visit"); not "rely on China's backing". A copula's subject is a topic ("the
        # deployment is their own business").
        adjunct = tok.dep_ == "pobj" and tok.head.lower_ in lex.adjunct_preps
        # "concerned about the deepening ties between Russia and North Korea": what is felt about.
        adjunct = adjunct or (tok.dep_ == "pobj" and _felt_about(tok, lex) and _own_parties(tok, entry, res))
        # "an end to the cooperation between Moscow and Pyongyang", "a stance on the ties between A and B":
        # a joint act that names its own parties is news in a phrase, but not as what a noun's "of" is
        # about ("the details of the cooperation between A and B": a topic), nor what a verb's "on" or
        # "about" is ("focused on", "spoke about"), nor in a pact's name (a proper noun).
        adjunct = adjunct or (
            tok.dep_ == "pobj"
            and tok.pos_ == "NOUN"
            and not _in_topic_phrase(tok, lex)
            and not _remit_of_body(tok, lex)
            and _own_parties(tok, entry, res)
        )
        adjunct = adjunct or (entry.type == "CONSULT" and adjunct_doer(tok, lex) is not None)
        # "centred on the deepening military ties between Russia and North Korea": a joint act told as
        # growing, with its parties named, is under way wherever the phrase stands.
        # The parser takes the growth word for a modifier or a compound noun ("the deepening ties", tagged NN).
        growing = any(c.dep_ in ("amod", "compound") and c.lower_ in lex.growth_words for c in tok.children) and (
            _own_parties(tok, entry, res) or bool(modifier_parties(tok, entry, res))
        )
        adjunct = adjunct or growing
        # "with North Korea's deployment of soldiers to Kursk", "because of Pyongyang's dispatch of troops
        # to Russia": a movement with its sender and destination named is news wherever it stands.
        first = first_conjunct(tok)  # "cited arms transfers and the dispatch of North Korean troops to Russia"
        named_transfer = first.dep_ in {"pobj"} | SUBJECTS | PASSIVE_SUBJECTS | OBJECTS
        adjunct = adjunct or (named_transfer and stands_alone)
        # "pointed to Putin's signing of a partnership agreement with North Korea": a signing with its
        # signer and its partner named is news wherever it stands, as a named transfer is.
        adjunct = adjunct or (named_transfer and _named_signing(tok, entry, poss, res))
        # A visit or meeting with its doer named is stated as a predicate too ("This is Shoigu's second
        # trip to Pyongyang") and in a prepositional phrase ("preparations for Putin's visit to North
        # Korea", "the timing of the Russian leader's visit").
        adjunct = adjunct or (entry.type == "CONSULT" and tok.dep_ in ("attr", "appos"))
        adjunct = adjunct or (entry.type == "CONSULT" and tok.dep_ == "pobj" and _named_sides(tok, poss, res))
        # "will address our challenges, including China's support for Moscow's war economy": an
        # apposition stands where the noun it restates stands - not where that noun is a topic ("spoke
        # about the main topic, Iran's support for the Houthis").
        adjunct = adjunct or (tok.dep_ == "appos" and _restates_stated(tok, lex))
        # "satisfied with the results of her visit to Russia", "said Kim's attendance and his talks with
        # Xi carry great significance": a person's visit to a host or meeting with a partner of another
        # state named is news wherever it stands (as with a named possessor, read above) - a meeting
        # not as a topic ("wrote about his talks with Xi").
        adjunct = adjunct or (
            entry.type == "CONSULT"
            and poss is not None
            and poss.lower_ in lex.person_pronouns
            and (
                _other_state_named(tok, poss, res, ("to",))
                or (
                    _other_state_named(tok, poss, res, ("with",))
                    and not (tok.dep_ == "pobj" and _in_topic_phrase(tok, lex))
                )
            )
        )
        # But what talk is about is a topic wherever it stands ("the hysteria over cooperation between A
        # and B", "statements on the ties between A and B"; news README ruling of 2026-12-07).
        adjunct = adjunct and not (tok.dep_ == "pobj" and _talked_about(tok, lex))
        # "Russia and China's partnership has grown": the parser hangs the noun on the first owner's name as
        # its conjunct (split_possessor); the phrase stands where that name does.
        place = tok.head if poss is not None and split_possessor(tok, poss, entry, res) else tok
        if not (adjunct or place.dep_ in SUBJECTS | PASSIVE_SUBJECTS | OBJECTS | {"ROOT"}):
            return _unsure(unsure, tok, UNSURE_PLACE)
        if place.dep_ in SUBJECTS and place.head.lemma_ == "be" and not _aimed(tok, entry, lex, res):
            return None  # but "Putin's visit to Pyongyang was his first" states the visit
        if place.dep_ in SUBJECTS and place.head.lemma_ == "be" and entry.own_event and not growing:
            # "the cooperation between Moscow and Pyongyang is nothing unusual": a topic; but "the growing
            # ties between A and B are their own business" tells the ties under way, as growth does anywhere
            return None
        # A named transfer in a prepositional phrase is a fact the clause takes as given, whatever the
        # clause's modal ("would not stand idle over Pyongyang's dispatch of troops to Russia").
        presupposed = stands_alone and tok.dep_ == "pobj"
        # So is a definite named pair's cooperation ("the Russia-North Korea partnership may force China's
        # hand"): the modal is the clause's, the partnership is (README "Collaboration, partnership").
        presupposed = presupposed or (
            entry.own_event
            and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            and not any(c.dep_ == "neg" for c in tok.head.children)
            and (_own_parties(tok, entry, res) or bool(modifier_parties(tok, entry, res)))
        )
        if (clause_mood(tok, lex).hedged and not presupposed) or any(
            c.dep_ in ("det", "neg") and c.lower_ in lex.negation for c in tok.children
        ):
            return None
        if hypothetical_subject(tok, lex):
            return None
    if light is not None and light.i in verbs:
        return _unsure(unsure, tok, UNSURE_LIGHT)  # the verb is an event itself; this noun is its object
    kind, mode = entry.type, entry.mode
    modifier_spec = _modifier_spec(tok, entry, lex)
    if modifier_spec is None and entry.mode == "phone" and _names_partner(tok, ("with", "from")):
        modifier_spec = f"{entry.type}/phone"  # "during a call with Cho Tae-yul": a call with someone named
    verb_spec = entry.by_verb.get(light.lemma_.lower()) if light is not None else None
    unqualified = modifier_spec is None and entry.modifier_required and not _told_growing(tok, lex)
    if unqualified or (verb_spec is None and entry.verb_required):
        return None
    spec = modifier_spec or verb_spec  # a modifier decides before the light verb
    if spec is None and entry.by_object:
        # A noun's by_object holds "(prep) word-or-class" keys only: "a clash over claims" is of words.
        spec = _prep_object_spec(tok, entry, lex)
        if spec is None and tok.dep_ == "dobj":
            # the parser hangs the noun's phrase on its verb: "featured a clash between them over claims"
            spec = _prep_object_spec(tok.head, entry, lex)
    if spec is None and entry.by_subject:
        # Who does it decides, as for verbs: workers "went on strike", "downed tools in a strike".
        frame = light
        if frame is None and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and is_verb(tok.head.head):
            frame = tok.head.head
        spec = lex.match(entry.by_subject, counted(subject_of(frame))) if frame is not None else None
    if spec is not None:
        parsed = parse_spec(spec)
        if parsed is None:
            return None
        kind, mode = parsed
    if kind == "MOBILIZE":
        kind, mode = _force_purpose(tok, tok, kind, mode, lex)
    if kind == "SUPPORT" and spec is None and _backs_war(tok, entry, lex):
        kind, mode = "AID", "military"
    if kind == "ASSAULT" and spec is None and _personal_attack(tok, lex):
        kind, mode = "DISAPPROVE", None
    return Trigger(tok, entry, kind, mode, light=light, stands_alone=stands_alone and light is None)


_PERSONAL_POSSESSIVES = frozenset({"his", "her"})


def _personal_attack(tok: Token, lex: Lexicon) -> bool:
    """A person's attacks with no weapon named ("Trump's attacks on Mexico", "the envoy renewed her attacks
    on Russia"): words, DISAPPROVE, as the news coders code them; a state's ("Russia's attack on Ukraine")
    or an armed one ("his drone attacks") stays an assault."""
    if not lex.in_class(tok, "person_attack_nouns"):
        return False
    if any(c.dep_ in ("amod", "compound", "nummod") for c in tok.children):
        return False  # "his missile attacks", "her two attacks": a modifier says what kind of attack
    poss = first_child(tok, ["poss"])
    if poss is None:
        return False
    return poss.lower_ in _PERSONAL_POSSESSIVES or poss.ent_type_ == "PERSON"


def is_war(tok: Token | None, lex: Lexicon) -> bool:
    """A war or campaign noun ("Russia's war", "its campaign against Ukraine", "the invasion")."""
    return tok is not None and (tok.lemma_.lower() in lex.war_nouns or lex.in_class(tok, "wars"))


def _backs_war(tok: Token, entry: Entry, lex: Lexicon) -> bool:
    """Support or backing "for" a war or what it runs on ("North Korea's support for Russia's war of
    aggression", "China's backing for Russia's war effort", "support for its military effort"): material
    help to the one who wages it (bench/data/news README "Troops": military backing is AID), not a
    statement; voicing or pledging it ("expressed support for") stays a statement."""
    voiced = lex.reporting_verbs | frozenset(lex.quotes.get("stance_verbs", ()))
    if tok.dep_ in OBJECTS and tok.head.lemma_.lower() in voiced:
        return False  # "voiced support for Ukraine's war effort": a statement
    for prep in children(tok, ["prep"]):
        if prep.lower_ not in (entry.recipient_preps or ()):
            continue
        goal = first_child(prep, ["pobj"])
        if goal is None:
            continue
        if is_war(goal, lex):
            return True
        if goal.lemma_.lower() in lex.war_efforts and any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in ("war", "military") for c in goal.children
        ):
            return True
    return False


# Types of a verb that ends, refuses or yields what its object noun names ("cut its military ties with
# Kyiv", "suspended its cooperation with Moscow"): the noun is what is ended, not an event of its own.
_ENDING_TYPES = frozenset({"SANCTION", "REJECT", "RETREAT", "CONCEDE"})


def _named_transfer(tok: Token, poss: Token | None, res: Resolver) -> bool:
    """A movement of troops or arms as a noun with its sender and its destination named: "North Korea's
    deployment of soldiers to Kursk", "the dispatch of North Korean troops to Russia", "the deployment
    of North Korean troops in Russia" (a state it is in; bench/data/news README: nominal events with a
    named doer are coded)."""
    lex = res.lex
    if tok.lemma_.lower() not in lex.transfer_nouns and tok.lower_ not in lex.transfer_nouns:
        return False
    sender = poss is not None and poss.pos_ != "PRON" and bool(res.resolve(poss, context=False))
    if not (sender or noun_agent(tok, res) is not None):
        return False
    movers = [tok, *prep_objects(tok, ("of", "from"))]
    if tok.dep_ in OBJECTS:
        movers.append(tok.head)  # the parser may hang "to Russia" on the verb: "condemned the dispatch ..."
    if sender and _hosts_foreign_forces(poss, movers[1:], res):
        return True  # "Russia's deployment of North Korean troops": the host is where they go
    return any(
        p.lower_ == "to" or (p.lower_ in ("in", "into") and _names_state(p, res))
        for m in movers
        if m is not None
        for p in children(m, ["prep"])
    )


def _moves_forces(tok: Token, lex: Lexicon) -> bool:
    """Whether a movement noun moves troops or weapons ("troop deployment", "dispatch of soldiers")."""
    moved = [c for c in tok.children if c.dep_ == "compound"]
    moved += prep_objects(tok, ("of",))
    return any(m is not None and (lex.in_class(m, "troops") or lex.in_class(m, "weapons")) for m in moved)


def _hosts_foreign_forces(poss: Token, moved: list[Token | None], res: Resolver) -> bool:
    """Whether the forces a possessed movement moves are named as another state's ("Russia's
    deployment of North Korean troops")."""
    hosts = {a.code for a in res.resolve(poss, context=False)}
    return any(
        actor.kind == "state" and actor.code not in hosts
        for forces in moved
        if forces is not None and res.lex.in_class(forces, "troops")
        for child in forces.children
        if child.dep_ in ("amod", "compound", "nmod")
        for actor in res.resolve(child, context=False)
    )


def _restates_stated(tok: Token, lex: Lexicon) -> bool:
    """Whether an apposition restates a noun stated as a subject, an object or in a phrase that is no
    topic ("address our challenges, including X"; not "spoke about the main topic, X")."""
    head = tok.head
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    return head.dep_ in SUBJECTS | PASSIVE_SUBJECTS | OBJECTS or (
        head.dep_ == "pobj" and not _in_topic_phrase(head, lex)
    )


def _other_state_named(tok: Token, poss: Token, res: Resolver, preps: tuple[str, ...]) -> bool:
    """Whether a visit or meeting names in its `preps` phrase a host or partner the resolver codes other
    than its possessor's state ("her visit to Russia", "his talks with Xi"; "his visit to Vladivostok"
    by a Russian is a trip at home)."""
    visitors = {a.code for a in res.resolve(poss)}
    hosts = {
        a.code
        for prep in children(tok, ["prep"])
        if prep.lower_ in preps
        for a in res.resolve(first_child(prep, ["pobj"]), context=False)
    }
    return bool(visitors) and bool(hosts - visitors)


def _names_state(prep: Token, res: Resolver) -> bool:
    """Whether a preposition's object is a state the resolver codes ("in Russia", not "in October")."""
    pobj = first_child(prep, ["pobj"])
    return pobj is not None and any(a.kind == "state" for a in res.resolve(pobj, context=False))


def _named_signing(tok: Token, entry: Entry, poss: Token | None, res: Resolver) -> bool:
    """A pact signed, as a noun, with its signer (possessor or `by`) and a partner (`with` on the noun
    or on its pact) named: "Putin's signing of a strategic partnership agreement with North Korea"."""
    if entry.type != "AGREE" or entry.mode != "pact":
        return False
    signer = poss if poss is not None and poss.pos_ != "PRON" else noun_agent(tok, res)
    if signer is None or not res.resolve(signer, context=False):
        return False
    holders = [tok, *prep_objects(tok, ("of",))]
    for holder in (h for h in holders if h is not None):
        for prep in children(holder, ["prep"]):
            if prep.lower_ == "with" and res.resolve(first_child(prep, ["pobj"]), context=False):
                return True
    return False


def _is_transfer_noun(tok: Token, lex: Lexicon) -> bool:
    return tok.lemma_.lower() in lex.transfer_nouns or tok.lower_ in lex.transfer_nouns


def _named_sides(tok: Token, poss: Token | None, res: Resolver) -> bool:
    """Whether a meeting noun names who meets: a possessor or `by` agent ("Putin's visit", "a visit by
    Kim"), or two parties or more ("talks between Yun and Kozhemyako", "a summit of Seoul and Tokyo")."""
    if poss is not None and poss.pos_ != "PRON":
        return True
    if modifier_parties(tok, res.lex.nouns.get(tok.lemma_.lower()) or _MEETING, res):
        return True  # "at the historic DPRK-Russia summit"
    for prep in children(tok, ["prep", "agent"]):
        if prep.lower_ == "by":
            return True
        if prep.lower_ in ("between", "of"):  # "the summit of South Korea, Japan and China"
            parties = res.resolve(first_child(prep, ["pobj"]), context=False)
            if len({a.code for a in parties}) > 1:
                return True
    return False


def _in_topic_phrase(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun is a topic, not an act stated: what a noun's "of" is about ("the details of the
    cooperation") or a verb's "on" or "about" ("analysts focused on / spoke about the cooperation")."""
    prep = tok.head
    if prep.lower_ == "of" and prep.head.pos_ in ("NOUN", "PROPN"):
        return True
    return prep.lower_ in lex.verb_topic_preps and is_verb(prep.head)


def _talked_about(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun is what a noun of talk is about ("the hysteria over cooperation between A and B",
    "remarks on the ties between A and B"): a topic, not an act stated (news README ruling of 2026-12-07)."""
    prep = tok.head
    if prep.lower_ not in lex.topic_preps:
        return False
    # The parser may hang the phrase on the verb of the talk noun: "mocked the hysteria over ...".
    talk = [prep.head, *(c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i)]
    return any(lex.in_class(t, "talk_nouns") for t in talk)


def _remit_of_body(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun names what a body is for ("the commission on trade between Russia and the DPRK"):
    its remit, not an act stated."""
    prep = tok.head
    return prep.lower_ == "on" and lex.in_class(prep.head, "remit_bodies")


def _felt_about(tok: Token, lex: Lexicon) -> bool:
    """A noun that is what a feeling is about ("gravely concerned by X", "worried about X", "voiced
    concern about X")."""
    prep = tok.head
    return prep.lower_ in _FEELING.recipient_preps and (
        lex.in_class(prep.head, "worried") or lex.in_class(prep.head, "worries")
    )


def _own_parties(tok: Token, entry: Entry, res: Resolver) -> bool:
    """Whether a noun that is an event of its own (own_event) names its parties in its phrase: a named
    possessor ("Russia's cooperation with North Korea") or "between" ("cooperation between Moscow and
    Pyongyang"); then it stands beside the event it is the object or topic of ("condemned", "concerned
    about")."""
    if not entry.own_event or any(c.dep_ in ("det", "neg") and c.lower_ in res.lex.negation for c in tok.children):
        return False
    poss = first_child(tok, ["poss"])
    if poss is not None and poss.pos_ != "PRON" and res.resolve(poss, context=False):
        return True
    if poss is not None and poss.lower_ in res.lex.group_pronouns:
        # "Pyongyang has defended its cooperation with Russia": the pronoun's actor, with a named partner.
        preps = [p for p in children(tok, ["prep"]) if p.lower_ in (entry.recipient_preps or ())]
        return any(res.resolve(first_child(p, ["pobj"]), context=False) for p in preps)
    return noun_agent(tok, res) is not None


def agentive_clause(tok: Token) -> Token | None:
    """The clause a doer noun is predicated in: "Pyongyang is/has become Moscow's supplier", "emerged
    as Russia's main supplier" (the clause has a subject: the doer)."""
    if tok.dep_ in ("attr", "oprd"):
        clause = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ == "as":
        clause = tok.head.head
    else:
        return None
    return clause if first_child(clause, SUBJECTS) is not None else None


def _agentive_trigger(tok: Token, entry: Entry, lex: Lexicon) -> Trigger | None:
    """ "North Korea has become Russia's main supplier of weapons": AID by the subject, decided by what
    is supplied (the noun's `of` object or modifier); "a supplier of parts" says nothing is given."""
    clause = agentive_clause(tok)
    if clause is None:
        return None
    goods = [counted(first_child(p, ["pobj"])) for p in children(tok, ["prep"]) if p.lower_ == "of"]
    goods += [c for c in tok.children if c.dep_ in ("compound", "amod")]
    spec = next((found for g in goods if (found := lex.match(entry.by_modifier, g))), None)
    parsed = parse_spec(spec) if spec is not None else None
    # The clause's verb carries negation and hedging ("is not Russia's supplier", "may become").
    return Trigger(tok, entry, parsed[0], parsed[1], light=clause) if parsed is not None else None


def _aimed(tok: Token, entry: Entry, lex: Lexicon, res: Resolver) -> bool:
    """Whether an event noun names whom it is aimed at in its own phrase ("visit to Pyongyang",
    "deployment of troops to Russia"): then, as a copula's subject, it is a stated event."""
    preps = entry.recipient_preps or lex.type_preps.get(entry.type, ())
    for prep in children(tok, ["prep"]):
        pobj = first_child(prep, ["pobj"]) if prep.lower_ in preps else None
        if pobj is not None and res.resolve(pobj, context=False):
            return True
    return False


def adjunct_doer(tok: Token, lex: Lexicon) -> Token | None:
    """The doer of a meeting noun in a time adjunct whose possessive is a pronoun: the clause's own
    subject ("During his visit to Russia, Kim toured a factory": Kim visits; but "after his arrest"
    is no act of the clause's subject, so only meetings and visits ask)."""
    poss = first_child(tok, ["poss"])
    if tok.dep_ != "pobj":
        return None
    unowned = poss is None and _names_partner(tok)
    if not unowned and (poss is None or poss.lower_ not in lex.person_pronouns):
        return None
    prep = tok.head
    if prep.lower_ == "of" and prep.head.dep_ == "pobj" and prep.head.lower_ in lex.phase_nouns:
        prep = prep.head.head  # "Speaking at the start of his talks with Kim, Putin said"
    occasion = prep.head
    if (
        prep.lower_ in lex.adjunct_preps | lex.frame_preps
        and occasion.dep_ == "pobj"
        and occasion.pos_ == "NOUN"
        and occasion.head.lower_ in lex.frame_preps
    ):
        prep = occasion.head  # "At a news conference after his talks with Kim, Putin said": the clause's frame
    # With no possessive, only a meeting under way or just held is the subject's own ("said during a
    # trip to Pyongyang", "spoke after talks with Kim"), not one the clause is merely set against
    # ("amid a visit to Beijing", "despite talks with Kim").
    preps = lex.frame_preps | lex.held_meeting_preps if unowned else lex.adjunct_preps | lex.frame_preps
    if prep.dep_ == "prep" and prep.lower_ in lex.frame_preps and _object_frame(prep) is not None:
        return subject_of(_object_frame(prep))  # "announced the plan in a phone call with Rutte"
    if prep.dep_ == "prep" and prep.lower_ == "for" and is_verb(prep.head) and travelled_for(prep.head, lex):
        return subject_of(prep.head)  # "arrived in Pyongyang for talks with Kim": the traveller holds them
    if prep.dep_ != "prep" or prep.lower_ not in preps or not is_verb(prep.head):
        return None
    subjects = children(prep.head, SUBJECTS)
    if len(subjects) > 1 and tok.i < subjects[0].i:
        # "After his talks with his counterpart, Wang Yi, Lavrov said": the partner's apposition
        # parsed as a second subject; the clause's own is the last.
        return subjects[-1]
    return subject_of(prep.head)


def travelled_for(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb is a journey whose "for" names the meeting it is made for ("arrived in Moscow for
    talks with Lavrov", "flew to Beijing for a summit with Xi"): the lexicon's verbs of going to a visit,
    not hosting, nor "visit" itself (own gold v004 codes "visited Canberra for talks with" as one event)."""
    found = _verb_entry(verb, lex)  # "left for Pyongyang": the phrasal entry
    entry = found[1] if found is not None else None
    if entry is None or entry.host or verb.lemma_.lower() == "visit":
        return False
    return entry.type == "CONSULT" and entry.mode == "visit"


def _names_partner(tok: Token, preps: tuple[str, ...] = ("to", "with")) -> bool:
    """Whether a meeting noun with no possessive names its other side by a proper name ("a trip to
    Pyongyang", "talks with Kim") and no doer of its own ("a visit by Xi", "talks between A and B")."""
    if any(c.dep_ in ("agent", "prep") and c.lower_ in ("by", "of", "between", "among") for c in tok.children):
        return False
    for prep in children(tok, ["prep"]):
        pobj = first_child(prep, ["pobj"]) if prep.lower_ in preps else None
        if pobj is not None and pobj.pos_ == "PROPN":
            return True
    return False


def noun_agent(tok: Token, res: Resolver) -> Token | None:
    """The doer of an event noun named in a phrase: "by Putin and Kim", the visitor or the parties of a
    meeting ("the visit of Xi to Moscow", "talks between Russia and China"), or the forces moved in
    "the deployment of North Korean troops" (their nationality is the actor)."""
    for prep in children(tok, ["prep", "agent"]):
        pobj = first_child(prep, ["pobj"])
        if pobj is None:
            continue
        if prep.lower_ == "by" and res.resolve(pobj, context=False):
            return pobj
        # "the visit of Xi Jinping to Moscow", "talks between Russia and China": who meets.
        meeting = prep.lower_ in ("of", "between") and res.lex.in_class(tok, "talks")
        # "cooperation between Russia and North Korea": the parties of a joint act.
        joint = res.lex.nouns.get(tok.lemma_.lower()) or res.lex.nouns.get(tok.lower_)
        meeting = meeting or (prep.lower_ == "between" and joint is not None and joint.own_event)
        # "the military cooperation of Russia and North Korea": a named pair's joint act of a kind, as
        # "between" names it (the bare "cooperation of Laos and Vietnam" in an inquiry may be with another).
        paired = prep.lower_ == "of" and any(c.dep_ == "conj" for c in pobj.children)
        paired = paired and any(c.dep_ in ("amod", "compound") for c in tok.children)
        meeting = meeting or (paired and joint is not None and joint.own_event)
        # "joint exercises between Russia and China": the partners of a joint act.
        meeting = meeting or (prep.lower_ == "between" and any(c.lower_ in res.lex.joint_words for c in tok.children))
        if meeting and res.resolve(pobj, context=False):
            return pobj
        # "the transfer of missiles from North Korea to Russia", "arms deliveries from Pyongyang": the
        # state a movement comes from sends it.
        if prep.lower_ == "from" and _is_transfer_noun(tok, res.lex) and res.resolve(pobj, context=False):
            return pobj
        moved = counted(pobj)
        if (
            prep.lower_ == "of"
            and moved is not None
            and res.lex.in_any_class(moved, FORCE_CLASSES)
            and res.resolve(moved, context=False)
        ):
            return moved
    return None


def split_possessor(tok: Token, poss: Token, entry: Entry, res: Resolver) -> list[Actor]:
    """The first owner of a joint act two names own ("Russia and China's partnership", "Moscow and
    Pyongyang's military cooperation"): the parser takes the first name for the head of a coordination
    whose second conjunct is the act's noun, and the second name for the noun's only possessor. Both
    own the act; [] for any other parse."""
    head = tok.head
    if not (entry.reciprocal and entry.own_event) or tok.dep_ != "conj" or head.pos_ != "PROPN":
        return []
    if not head.i < poss.i < tok.i or poss.pos_ != "PROPN":
        return []
    # "and" right before the possessor's own words: "Russia and [North Korea's] cooperation".
    joined = any(c.dep_ == "cc" and c.lower_ == "and" and c.i + 1 == poss.left_edge.i for c in head.children)
    return res.resolve(head, context=False) if joined else []


def judged_doers(subject: Token, res: Resolver) -> list[Actor]:
    """Who did what a verdict judges: the doer of its noun (doer_of), else the parties a joint act's
    "between" phrase names ("said the arms deal between Pyongyang and Moscow was a flagrant violation":
    both made the deal), two states or more."""
    doers = res.resolve(doer_of(subject, res), context=False)
    if doers or subject.pos_ != "NOUN":
        return doers
    # "the support Pyongyang gives Moscow is a threat": the subject of an object relative clause on the
    # noun does what it names (not a relative pronoun subject: "the support that reached Moscow").
    for clause in children(subject, ["relcl"]):
        doer = first_child(clause, ["nsubj"])
        if doer is not None and doer.tag_ not in ("WDT", "WP") and doer.pos_ != "PRON":
            return res.resolve(doer, context=False)
    # "the barter of timber between Laos and Vietnam": the parser may hang the phrase on the "of" object.
    held = prep_object(subject, ("of",))
    for owner in (subject, held) if held is not None else (subject,):
        between = next((p for p in children(owner, ["prep"]) if p.lower_ == "between"), None)
        pobj = first_child(between, ["pobj"]) if between is not None else None
        if pobj is None:
            continue
        named = [a for w in (pobj, *pobj.conjuncts) for a in res.resolve(w, context=False)]
        return named if len({a.code for a in named if a.kind == "state"}) > 1 else []
    return []


def doer_of(tok: Token, res: Resolver) -> Token:
    """Who did what a noun names: its possessor ("Pyongyang's launch"), the doer in its own phrase ("the
    deployment of North Korean troops"), else the noun itself ("Moscow", "the US allegations")."""
    return first_child(tok, ["poss"]) or noun_agent(tok, res) or tok


def _light_verb(tok: Token, lex: Lexicon) -> Token | None:
    """The verb an event noun is the object of ("held talks", "went on strike", "put on alert"); a
    coordinated noun takes its first conjunct's ("imposed sanctions and tariffs")."""
    while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i:
        tok = tok.head  # iterative: a list of 10,000 coordinated nouns is as deep as the parse makes it
    head = tok.head
    counter = head.head
    counted_object = counter.pos_ == "NOUN" and counter.dep_ in OBJECTS and lex.in_class(counter, "collectives")
    if tok.dep_ == "pobj" and head.lower_ == "of" and counted_object:
        tok = counter  # "held a second round of talks with Lavrov": the verb's object counts the event
        head = tok.head
    if tok.dep_ in OBJECTS | PASSIVE_SUBJECTS | {"attr", "oprd"} and is_verb(head):
        if tok.dep_ in OBJECTS | {"oprd"} and _judged(head, lex) and first_child(tok, ["poss"]) is None:
            # "called the pact a grave concern", "called the deal a threat": what a verdict is about and
            # the verdict, not acts the verb makes ("called Lavrov's visit a milestone" keeps its doer's
            # visit, hosted by whoever speaks of it)
            return None
        return head if _is_light(head.lemma_.lower(), lex) else None
    if tok.dep_ == "pobj" and head.dep_ == "prep" and is_verb(head.head) and head.lower_ not in lex.adjunct_preps:
        verb = head.head
        # "took aim at two exercises", "launched an attack on those talks": the verb's own object is the
        # event it makes; the noun after the preposition is what that event is about.
        if any(c.dep_ in OBJECTS and _event_noun(c, lex) for c in verb.children):
            return None
        if head.lower_ == "for" and travelled_for(verb, lex) and _names_partner(tok):
            return None  # "arrived in Pyongyang for talks with Kim": the talks are held there, an event of their own
        if _is_light(verb.lemma_.lower(), lex):
            return verb
    return None


def _object_as(verb: Token) -> list[Token]:
    """An "as" phrase the parser hangs on a verb's object rather than on the verb ("described Lima's
    expulsion of the envoy as a dangerous escalation"): what the verb names its object."""
    obj = first_child(verb, ["dobj"]) if is_verb(verb) else None
    return [p for p in children(obj, ["prep"]) if p.lower_ == "as"] if obj is not None else []


def _judged(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb of naming says what its object is: "called the deal a threat", "described the
    pact as a grave concern" (a verb whose lexicon entry judges its object, with the judgement given)."""
    entry = lex.verb_entry(verb)
    if entry is None or not any(key.endswith("pejoratives") for key in entry.by_object):
        return False
    return any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as") for c in verb.children) or bool(
        _object_as(verb)
    )


def _event_noun(tok: Token, lex: Lexicon) -> bool:
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in lex.nouns or tok.lower_ in lex.nouns)


def _meeting_frame(tok: Token, entry: Entry, lex: Lexicon) -> Token | None:
    """The verb a meeting noun frames ("told Stoltenberg in a phone call", "said during talks with
    Kim"): its subject is who met; it stands in for a light verb. A part of the meeting frames it too
    ("said at the start of a meeting with Kim"), and so does a meeting just held with a named partner
    ("said after talks with Kim": the speaker took part; not "before", "ahead of": not yet held)."""
    if entry.type != "CONSULT" or tok.dep_ != "pobj":
        return None
    prep = tok.head
    if prep.lower_ == "of" and prep.head.dep_ == "pobj" and prep.head.lower_ in lex.phase_nouns:
        prep = prep.head.head  # "at the start of a meeting with the North Korean leader"
    if prep.lower_ in lex.held_meeting_preps and not _with_partner(tok, None):
        return None
    if prep.lower_ not in lex.frame_preps | lex.held_meeting_preps:
        return None
    # "is in China on a two-day official visit": a visitor's stay frames the visit too.
    stay = entry.mode == "visit" and prep.lower_ == "on" and prep.head.lemma_ == "be"
    if prep.dep_ == "prep" and not stay and _object_frame(prep) is not None and _names_partner(tok, ("with",)):
        return _object_frame(prep)  # "announced the plan in a phone call with Rutte"
    return prep.head if prep.dep_ == "prep" and (is_verb(prep.head) or stay) else None


def _addressed(verb: Token, res: Resolver) -> bool:
    """Whether a verb names whom it is said or done to as its object, an actor other than its subject
    ("told Choe", "assured Xi"): then a meeting "their" owns is the subject's with that one."""
    obj = first_child(verb, ["dobj", "dative"])
    if obj is None:
        return False
    subject = {a.code for a in res.resolve(first_child(verb, SUBJECTS), context=False)}
    return any(a.kind in ("person", "state") and a.code not in subject for a in res.resolve(obj, context=False))


def _object_frame(prep: Token) -> Token | None:
    """The verb whose object a meeting phrase was hung on ("announced the plan in a phone call with
    Rutte", "raised the issue during talks with Xi"): the meeting frames that verb. Else None."""
    noun = prep.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in OBJECTS or not is_verb(noun.head):
        return None
    return noun.head


def _with_partner(tok: Token, res: Resolver | None) -> bool:
    """Whether a meeting noun names its partner in a `with` phrase ("talks with Kim"); with a resolver,
    one it can code."""
    for prep in children(tok, ["prep"]):
        pobj = first_child(prep, ["pobj"]) if prep.lower_ == "with" else None
        if pobj is not None and (res is None or res.resolve(pobj, context=False)):
            return True
    return False


def _host_named(tok: Token, res: Resolver) -> bool:
    """Whether a visit noun names its host in a `to` phrase the resolver codes ("visit to Pyongyang")."""
    for prep in children(tok, ["prep"]):
        pobj = first_child(prep, ["pobj"]) if prep.lower_ == "to" else None
        if pobj is not None and res.resolve(pobj, context=False):
            return True
    return False


_PARTY_KINDS = frozenset({"state", "person", "igo"})
_MEETING = Entry("CONSULT")


def modifier_parties(tok: Token, entry: Entry, res: Resolver) -> list[Actor]:
    """The parties a meeting or joint act names as its modifiers, two states or more: "the Xi-Kim
    summit", "the Putin-Trump summit", "the deepening DPRK-Russia cooperation", "a joint U.S.-South
    Korea exercise"."""
    joint = entry.type == "CONSULT" or entry.own_event or any(c.lower_ in res.lex.joint_words for c in tok.children)
    if not joint:
        return []
    found: list[Actor] = []
    for child in tok.children:
        if child.dep_ not in ("compound", "nmod", "amod"):
            continue
        for sub in child.subtree:
            info = res.entity_at(sub)
            if info is None or info.code is None or info.kind not in _PARTY_KINDS:
                continue
            if all(a.code != info.code for a in found):
                found.append(Actor(info.code, info.span.text, info.entity_id, info.kind, sub.i))
    return found if len(found) > 1 else []


def _is_light(lemma: str, lex: Lexicon) -> bool:
    """A verb whose object noun is the event (hand verbs and light verbs; not CAMEO fallback verbs)."""
    if lemma in lex.light_verbs:
        return True
    entry = lex.verbs.get(lemma)
    # A reporting verb that is an event only with a must/should clause ("said that Pyongyang must
    # stop") carries no event noun: "At the council meeting, the envoy said ..." reports a meeting.
    return entry is not None and lemma not in lex.fallback_verbs and not entry.not_light and not entry.modal_required


def absorb(triggers: list[Trigger], lex: Lexicon) -> None:
    """Mark triggers that belong to another one: governed clauses ("agreed to reopen"), purpose
    clauses ("sent soldiers to support"), and event nouns that are a trigger's object."""
    by_token = {t.token.i: t for t in triggers}
    held = _event_tokens(triggers)
    # Appeals and denials: what they govern did not happen ("urged Israel to allow aid").
    for trig in triggers:
        # ("will consider taking necessary measures" is a threat of a response, not a deliberation.)
        if _under_non_factive(trig.token, lex) or (_deliberated(trig.token, lex) and trig.type != "THREATEN"):
            trig.absorbed = trig.declined = True
        elif _condition_of_event(trig, held):
            trig.absorbed = trig.declined = True  # "will not ease sanctions if Minsk does not free the activists"
        elif trig.type in _COOPERATION and _obliged(trig.token):
            trig.absorbed = trig.declined = True  # "said the government must ensure security"
        elif _forbidden(trig.token):
            trig.absorbed = trig.declined = True  # "UN sanctions forbid supplying arms to Pyongyang"
        if trig.type != "AGREE" and _provision(trig.token, lex):
            trig.absorbed = trig.declined = True
        if _pact_terms(trig.token, lex) or _forswears_dealings(trig, lex):
            trig.absorbed = trig.declined = True
        if _charge_name(trig.token, lex):
            trig.absorbed = trig.declined = True
        if trig.type == "COOPERATE" and _attempted(trig, lex):
            trig.absorbed = trig.declined = True  # "Pyongyang's efforts to deepen its ties with Moscow"
        # "sending troops would mark an escalation", "the prospect of visiting", "asked whether", "did not
        # say whom he would meet": an act supposed or asked about, not done
        if (
            _supposed_act(trig.token)
            or _in_prospect(trig.token, lex)
            or asked_whether(trig.token)
            or _open_question(trig.token)
            or _evidence_denied(trig.token, lex)
        ):
            trig.absorbed = trig.declined = True
    for trig in triggers:
        if trig.type == "ASSAULT" and _background_war(trig.token, lex):
            trig.absorbed = trig.declined = True
        if is_response(trig):
            # "would respond decisively if Russia invaded Ukraine": the condition of a threat is not done.
            for holder in (trig.token, trig.token.head):
                for clause in condition_clauses(holder, ("if", "should")):
                    for t in clause.subtree:
                        if t.i in by_token and by_token[t.i] is not trig:
                            by_token[t.i].absorbed = True
        if trig.entry.felt:
            # "concerned that Russia intends to use these soldiers": what is feared is not done.
            for clause in children(trig.token, ["ccomp"]):
                for t in clause.subtree:
                    if t.i in by_token and by_token[t.i] is not trig:
                        by_token[t.i].absorbed = True
    for trig in triggers:
        tok = trig.token
        if trig.type == "AID" and not trig.is_noun and tok.lemma_.lower() in lex.aid_purposes:
            # "helped Russia fight Ukraine", "to help Moscow fight Kiev": the fight helped is the aid's
            # content, not an event of its own (nor whom the help goes to).
            for clause in children(tok, ["xcomp", "ccomp"]):
                for t in clause.subtree:
                    if t.i in by_token and by_token[t.i] is not trig and by_token[t.i].type not in _HELPED_OWN_EVENTS:
                        by_token[t.i].absorbed = True
        inner_tokens: list[Token] = []
        if trig.entry.governs:
            inner_tokens += children(tok, ["xcomp", "ccomp"])
            # Everything else in the governed clause is its content, not a further event: "agreed to
            # extend the ceasefire", "demanded that Hungary stop blocking aid".
            for clause in children(tok, ["xcomp", "ccomp"]):
                # ("urged Minsk to free them and condemned the arrests": the conjunct is the outer verb's)
                apart = [c for c in clause.children if misplaced_conjunct(c)]
                for t in clause.subtree:
                    if any(c.left_edge.i <= t.i <= c.right_edge.i for c in apart):
                        continue
                    if t.i != clause.i and t.i in by_token and by_token[t.i] is not trig:
                        by_token[t.i].absorbed = True
            if trig.is_noun:
                inner_tokens += children(tok, ["acl"])
                for prep in children(tok, ["prep"]):
                    inner_tokens += children(prep, ["pobj"])
        inner_tokens += [c for c in children(tok, OBJECTS | PASSIVE_SUBJECTS) if c.i in by_token]
        for prep in children(tok, ["prep"]):
            if prep.lower_ in lex.adjunct_preps:
                continue  # "signed a pact after Putin's visit": two events
            if prep.lower_ == "for" and trig.type == "CONSULT" and not trig.is_noun and travelled_for(tok, lex):
                continue  # "arrived in Pyongyang for talks with Kim": a visit and a meeting, two events
            inner_tokens += [p for p in children(prep, ["pobj"]) if p.i in by_token and by_token[p.i].is_noun]
        # A purpose infinitive ("deployed to support Russian forces") elaborates its head event.
        for child in tok.children:
            if child.dep_ in ("advcl", "xcomp", "acl", "relcl") and is_infinitive(child):
                inner_tokens.append(child)
        obj = object_of(tok)
        if obj is not None:
            inner_tokens += [c for c in obj.children if c.dep_ in ("acl", "relcl") and is_infinitive(c)]
            # "detained hundreds of farmers marching toward New Delhi": a participle describing the
            # object is background, not a second event; what a letter sent says is ("sent a letter to
            # Lome urging talks": the DEMAND, event_rules.letter_contents).
            inner_tokens += [
                c
                for c in obj.subtree
                if c.dep_ == "acl" and c.tag_ == "VBG" and not (c.head.i == obj.i and lex.in_class(obj, "letters"))
            ]
        small = small_clause_object(tok)
        if small is not None:
            inner_tokens.append(small.head)
        for inner_tok in inner_tokens:
            inner = by_token.get(inner_tok.i)
            if inner is not None and (inner.entry.own_event or inner.stands_alone) and inner.light is None:
                continue  # "condemned the cooperation between A and B": an event of its own
            if inner is not None and inner.entry.verdict and breach_manner(inner.token, lex):
                continue  # "said Quito tested a missile in breach of UN resolutions": the test and the verdict
            if inner is not None and inner is not trig and not inner.absorbed:
                inner.absorbed = True
                trig.inner.append(inner)


# What help is given for ("to help Russia fight Ukraine", "helping expel the Ukrainians") is part of the
# aid, unless it is cooperation in its own right ("to help defend the rights of Kurds").
_HELPED_OWN_EVENTS = frozenset({"AID", "SUPPORT", "AGREE", "CONSULT", "COOPERATE"})


def _background_war(tok: Token, lex: Lexicon) -> bool:
    """An attack that is the background of the clause, not its news: the war a state of affairs dates
    from ("since Russia's invasion of Ukraine", "has grown closer since Russia invaded Ukraine"), the war
    named in an adjunct ("after Russia's invasion of Ukraine", "killed in the fighting"), or the war an
    act serves ("sent troops to back Russia's war", "weapons to support its invasion")."""
    if tok.dep_ == "pobj" and (tok.head.lower_ == "since" or lex.in_class(tok, "wars")):
        return True  # "since the strikes began", "after Russia's invasion of Ukraine", "in the fighting"
    verb = tok.head if tok.dep_ in OBJECTS | SUBJECTS and is_verb(tok.head) else tok
    if any(c.dep_ == "mark" and c.lower_ in _DATING_MARKS for c in verb.children):
        # "since Russia invaded Ukraine", "since Putin ordered the invasion", "since Russia's invasion
        # left Putin isolated", "days before Russia invaded Ukraine": the war dates the clause
        return True
    if verb.dep_ == "pcomp" and verb.head.lower_ in _DATING_MARKS:
        return True  # "has deepened ties with Pyongyang since invading Ukraine": the same, with no subject
    if verb.dep_ == "relcl" and lex.in_class(verb.head, "wars"):
        return True  # "the war it has waged in Ukraine since 2022": the war named, not a new attack
    return tok.dep_ in OBJECTS and is_verb(tok.head) and tok.head.lemma_.lower() in lex.aid_purposes


def hypothetical_subject(tok: Token, lex: Lexicon) -> bool:
    """Whether an event noun is the subject of a predicate that makes it hypothetical ("a visit by Xi is
    unlikely", "talks are possible"): a topic, not an event, for the rules and the model alike."""
    return tok.dep_ in SUBJECTS | PASSIVE_SUBJECTS and any(
        c.dep_ in ("acomp", "attr", "oprd") and c.lower_ in lex.hypothetical for c in tok.head.children
    )


# Marks of a clause that dates another by a war ("since", "before Russia invaded Ukraine"); "after" is
# news as often ("days after Ukraine began new attacks in Kursk").
_DATING_MARKS = frozenset({"since", "before"})
# Verbs of a ban, whose gerund is an act forbidden, not done.
_BANS = frozenset({"forbid", "prohibit", "ban", "bar", "outlaw"})
# Modifiers that make any event noun a conjecture ("the possible sending of troops"); the wider
# hypothetical list also holds "planned" and "expected", a meeting or aid to come (AGREE).
_CONJECTURED = frozenset({"possible", "potential"})
# Cooperative and yielding types (PLOVER verbal and material cooperation, CONCEDE and RETREAT).
_COOPERATION = frozenset({"AGREE", "SUPPORT", "CONSULT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
_CONDITION_MARKS = frozenset({"if", "unless"})
_REFUSAL_MARKS = frozenset({"until", "till"})
_CONDITION_OR_REFUSAL = _CONDITION_MARKS | _REFUSAL_MARKS
# What one must or should do is asked of it (a demand by whoever says so), not done nor promised.
_OBLIGATIONS = frozenset({"must", "should", "ought"})
_CONDITION_HOLDERS = frozenset({"xcomp", "conj", "relcl", "acl", "dobj", "pobj", "prep"})


def _obliged(tok: Token) -> bool:
    """Whether a verb says what its subject must or should do: an obligation (a demand by whoever says
    so), not a deed nor a promise ("said the cabinet must restore order and deliver relief":
    a coordinated verb shares the first one's auxiliary)."""
    while tok.dep_ == "conj" and tok.head.i != tok.i and not any(c.dep_ in ("aux", "nsubj") for c in tok.children):
        tok = tok.head
    return any(c.dep_ == "aux" and c.lower_ in _OBLIGATIONS for c in tok.children)


def _forbidden(tok: Token) -> bool:
    """Whether a verb is the act a ban names ("sanctions forbid supplying arms", "the law prohibits
    selling weapons to"): what is forbidden is not done (the ban itself is left to its own trigger)."""
    return tok.dep_ in ("xcomp", "dobj") and tok.tag_ == "VBG" and tok.head.lemma_.lower() in _BANS


def _event_tokens(triggers: list[Trigger]) -> frozenset[int]:
    """The token positions of a sentence's triggers, their light verbs and the verbs of verdicts
    ("would breach UN resolutions"): where an event is said."""
    held = {t.token.i for t in triggers} | {t.light.i for t in triggers if t.light is not None}
    return frozenset(held | {t.token.head.i for t in triggers if t.entry.verdict})


def _condition_of_event(trig: Trigger, held: frozenset[int]) -> bool:
    """Whether a trigger sits in the condition of another event: the terms of a promise, refusal or
    threat, not an act of their own ("threatened to shell the port if the navy enters the bay", "will
    not ease sanctions if Minsk does not free the jailed activists", "is ready to withdraw if asked");
    CAMEO codes the threat or promise. "until" is a condition only of a refusal ("will not ease
    sanctions until Minsk undertakes reforms", not "fought until they withdrew"). A condition of no
    event ("analysts caution that if Russia extends assistance, it would complicate ...") stays a
    hedged event."""
    tok = trig.light if trig.is_noun and trig.light is not None else trig.token
    # Up the heads by index (plain lists): no Token objects for the clauses passed on the way.
    index = parse_index(tok.doc)
    dep, head, lower, kids = index.dep, index.head, index.lower, index.kids
    current = tok.i
    marks: set[str] = set()
    for _ in range(10):
        if dep[current] == "advcl":
            marks = {lower[c] for c in kids.get(current, ()) if dep[c] == "mark"}
            if marks & _CONDITION_OR_REFUSAL:
                break
        if head[current] == current:
            return False
        current = head[current]
    else:
        return False
    outcome = _conditioned(index.tokens[head[current]], held, trig.token.i)
    if outcome is None:
        # "if Russia extends assistance to Iran, it would complicate the talks": an act an "if" clause
        # supposes is not done, whatever follows (bench/data/news README "Conditional"); not "as if".
        # But "if there is anything we can do to help Russia, we will do it" is the promise's content.
        existential = any(dep[c] == "expl" for c in kids.get(current, ()))
        return "if" in marks and "as" not in marks and not existential
    return bool(marks & _CONDITION_MARKS) or any(c.dep_ == "neg" for c in outcome.children)


def supposed_outcome(tok: Token) -> bool:
    """Whether a verb in the bare or to-infinitive form carries its own condition ("commitments to help
    each other if either faces aggression", "obliges both sides to assist the other if one is
    attacked"): an act a pact or plan supposes, not one done (README conventions: what a pact's text
    provides or a conditional promise supposes is not taken as done). A finite verb's condition
    ("will send warships if ...", a promise: AGREE) is read by the tense, not here."""
    if tok.tag_ != "VB" or any(c.dep_ == "aux" and c.lower_ != "to" for c in tok.children):
        return False
    return bool(condition_clauses(tok, _CONDITION_MARKS))


def _conditioned(head: Token, held: frozenset[int], own: int) -> Token | None:
    """The event a condition hangs on: its head, up through xcomp/conj or the noun phrase of an object
    the parser hung the condition on ("will not ease the sanctions it has placed if ..."), or down to
    the head's predicate ("is ready to pull out its soldiers if asked": the condition hangs on "is")."""
    current = head
    for _ in range(4):
        if current.i in held and current.i != own:
            return current
        if current.dep_ not in _CONDITION_HOLDERS or current.head.i == current.i:
            break
        current = current.head
    for comp in children(head, ["acomp", "xcomp"]):
        for pred in (comp, *children(comp, ["xcomp"])):
            if pred.i in held and pred.i != own:
                return pred
    return None


def _charge_name(tok: Token, lex: Lexicon) -> bool:
    """Whether a verb trigger is the name of a charge the parser read as a gerund ("arrested her on
    spying charges", "jailed for drug smuggling charges"): the grounds of the act, not an act."""
    if tok.tag_ != "VBG" or tok.dep_ != "pcomp":
        return False
    obj = first_child(tok, OBJECTS)
    return obj is not None and obj.i == tok.i + 1 and lex.in_class(obj, "accusations")


def _gap_object(tok: Token) -> Token | None:
    """The noun a relative clause with no object of its own is about, as its object ("the photos the
    U.S. released"); none when the relative pronoun or a dangling preposition takes the gap."""
    if tok.dep_ != "relcl" or first_child(tok, OBJECTS) is not None:
        return None
    subject = first_child(tok, SUBJECTS)
    if subject is None or subject.tag_ in ("WDT", "WP"):
        return None
    if any(c.dep_ == "prep" and first_child(c, ["pobj"]) is None for c in tok.children):
        return None  # "the city he flew to"
    return tok.head


def _provision(tok: Token, lex: Lexicon) -> bool:
    """Whether a verb trigger is what a pact says ("the agreement provides for assistance in case of
    aggression", "the treaty, which entered into force, obliges each side to help the other"): the
    text of a document, not an act (bench/data/news/README: what a treaty provides is no new event).
    Its signing and entry into force are (AGREE, left to the caller)."""
    current = tok
    for _ in range(3):
        if not is_verb(current):
            return False
        subject = first_child(current, SUBJECTS)
        if subject is None and current.dep_ == "acl" and current.tag_ == "VBG":
            subject = current.head  # "the UN resolution banning transfers of arms"
        if subject is not None:
            if subject.tag_ == "WDT" and current.dep_ == "relcl":
                subject = current.head  # "the treaty, which obliges each side"
            return current.lemma_.lower() in lex.provision_verbs and (
                lex.in_class(subject, "pact") or _resolution_in_force(subject, lex)
            )
        if current.dep_ not in ("xcomp", "ccomp", "advcl", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


def _attempted(trig: Trigger, lex: Lexicon) -> bool:
    """Whether a trigger is the infinitive of a noun of trying, a conjunct of it or its object
    ("North Korea's efforts to preserve and deepen ties with China", "efforts to deepen its ties with
    Moscow", "its push to improve relations"): an act sought, which the news sets do not code as done.
    Stepping up the effort or promising it is its own event, read from its own verb. (The caller asks
    it of cooperation alone: for every type the check half lost two right events.)"""
    current = trig.light if trig.is_noun and trig.light is not None else trig.token
    for _ in range(3):
        if current.dep_ == "acl" and current.head.lemma_.lower() in lex.attempt_nouns:
            return is_infinitive(current)
        # "efforts to preserve and deepen ties": a conjunct; "to deepen its ties": the verb's object
        if current.dep_ not in ("conj", "dobj") or current.head.i == current.i:
            return False
        current = current.head
    return False


def _resolution_in_force(noun: Token, lex: Lexicon) -> bool:
    """Whether a noun is a resolution named as a ruling in force ("breaching a UN resolution that bans
    the hiring of its workers", "Resolution 2397, adopted in 2017, allows states to inspect ships"), not
    one a body passes in the sentence ("the council adopted a resolution that bans arms sales": the
    ban is the council's act)."""
    return noun.lemma_.lower() == "resolution" and not (
        noun.dep_ in OBJECTS and noun.head.lemma_.lower() in lex.issuing_verbs
    )


# The prepositions of a relative clause that says what a pact holds ("a deal under which Iran curbs").
_TERMS_PREPS = frozenset({"in", "under", "by"})


def _pact_terms(tok: Token, lex: Lexicon) -> bool:
    """Whether a verb is what a pact's relative clause says its parties do ("the 1994 memorandum, in
    which Russia gave security assurances to Ukraine", "a deal under which each side pledges to"):
    the pact's terms, not a new act (bench/data/news/README: what a treaty provides is no new event)."""
    if is_verb(tok) and _under_terms(tok, lex):
        return True
    if tok.dep_ != "relcl" or not is_verb(tok) or not lex.in_class(tok.head, "pact"):
        return False
    return any(
        p.dep_ == "prep" and p.lower_ in _TERMS_PREPS and any(w.tag_ == "WDT" for w in children(p, ["pobj"]))
        for p in tok.children
    )


# The nouns of a pact's wording ("under the text of the treaty", "under the deal's terms").
_TERMS_NOUNS = frozenset({"text", "term", "terms", "provision", "provisions", "clause", "article", "wording"})


def _forswears_dealings(trig: Trigger, lex: Lexicon) -> bool:
    """Whether a verb is an undertaking to make no pact or to deal with no "third" party ("Chile and Peru
    undertake not to enter into agreements with third states aimed at either of them", "pledged not to
    conclude any treaty aimed at the other", or the negated act itself with third states): a pact's
    exclusivity clause told as a pledge, which the news coders do not code (what a treaty provides is no
    new event). A promise to make a pact, not to break one named ("vowed not to violate the truce") or not
    to do something else keeps its event, and so does a pact itself not signed ("did not sign any
    agreement": a negated AGREE). Looks at the negated verb's objects and their phrases, two levels down."""
    tok = trig.token
    verb = tok if first_child(tok, ["neg"]) is not None else first_child(tok, ["xcomp"])
    if verb is None or not is_verb(verb) or first_child(verb, ["neg"]) is None:
        return False
    held = [*children(verb, OBJECTS), *(o for p in children(verb, ["prep"]) for o in children(p, ["pobj"]))]
    if verb.i != tok.i and trig.type == "AGREE" and not trig.is_noun and any(_unnamed_pact(n, lex) for n in held):
        return True
    held += [o for n in held for p in children(n, ["prep"]) for o in children(p, ["pobj"])]
    outsiders = (n for n in held if n.lemma_.lower() in lex.third_party_nouns)
    return any(any(a.lower_ == "third" for a in children(n, ["amod"])) for n in outsiders)


def _unnamed_pact(noun: Token, lex: Lexicon) -> bool:
    """A pact noun for pacts in general ("agreements", "any treaty"), not one named ("the truce")."""
    named = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ not in ("any", "a", "an")) for c in noun.children)
    return lex.in_class(noun, "pact") and not named


def _under_terms(tok: Token, lex: Lexicon) -> bool:
    """Whether a verb says what a pact's wording has its parties do ("Under the text of the treaty, the
    two agreed to give military help", "under the treaty's terms Russia would not go to war"), or what
    a pact has them do in a time to come ("Under the treaty, each side is to help the other"): the
    pact's terms, not a new act. A done act under a pact stays one ("Under the treaty, Pyongyang sent
    troops"). A conjunct verb takes its first conjunct's phrase ("would not go ... but would give")."""
    current = tok
    while current.dep_ == "conj" and current.head.i != current.i and is_verb(current.head):
        current = current.head
    for prep in children(current, ["prep"]):
        noun = first_child(prep, ["pobj"]) if prep.lower_ == "under" else None
        if noun is None:
            continue
        of = prep_object(noun, ("of",))
        owner = first_child(noun, ["poss"])
        worded = noun.lemma_.lower() in _TERMS_NOUNS and any(
            w is not None and lex.in_class(w, "pact") for w in (of, owner)
        )
        if worded:
            return True
        if lex.in_class(noun, "pact"):
            auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
            if any(a.tag_ == "MD" or a.lower_ == "to" for a in auxes):
                return True
    return False


def _deliberated(tok: Token, lex: Lexicon) -> bool:
    """Whether a verb trigger is what a verb of deliberation governs ("will reconsider whether to send
    weapons", "could consider sending arms", "discussed possibly sending troops"): weighed, not done."""
    if not is_verb(tok):
        return False
    current = tok
    for _ in range(3):
        head = current.head
        if head.i == current.i:
            return False
        weighed = is_verb(head) and head.lemma_.lower() in lex.deliberation_verbs
        if weighed and head.lemma_.lower() == "rule":  # "has not ruled out sending", not "ruled to send"
            weighed = any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children)
        if current.dep_ in ("xcomp", "ccomp", "pcomp") and weighed:
            return True
        if current.dep_ == "advcl" and current.tag_ == "VBG" and weighed and head.lemma_.lower() in ("rule", "exclude"):
            # "did not rule out Seoul sending weapons", parsed as an adverbial gerund of "rule": an act
            # left open; not one set off by a comma ("ruled out talks, sending troops instead") or a
            # marker ("before sending").
            between = current.doc[min(head.i, current.i) : max(head.i, current.i)]
            return not any(t.is_punct for t in between) and not any(c.dep_ == "mark" for c in current.children)
        if current.dep_ not in ("conj", "xcomp"):
            return False
        current = head
    return False


def _dated(prep: Token) -> bool:
    """A preposition of a time ("on Monday", "on Oct. 3")."""
    pobj = first_child(prep, ["pobj"])
    return pobj is not None and pobj.ent_type_ in ("DATE", "TIME")


def _charged_act(clause: Token, noun: Token, lex: Lexicon) -> bool:
    """Whether a charge's `that` clause states a done act ("allegations that the North has shipped
    arms", "the accusation that it sent troops"): a verb in a past, perfect or progressive form with no
    modal, under a charge that is neither refused ("rejected accusations that ...") nor denied ("no
    claim that ...")."""
    if noun.lower_ not in lex.charge_nouns or clause.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("det", "neg") and c.lower_ in lex.negation for c in noun.children):
        return False
    charge = first_conjunct(noun)
    governor = charge.head
    if charge.dep_ == "pobj":
        # The setting of the clause ("came amid allegations that ...", "sanctioned over claims that"),
        # not what a probe looks into ("opened a probe into claims that ...": unestablished).
        if governor.lower_ not in _CHARGE_SETTINGS:
            return False
        governor = governor.head
    elif charge.dep_ not in ("dobj", "nsubj", "nsubjpass"):
        return False
    if not is_verb(governor) or _lemmas(governor)[0] in lex.refusal_verbs | lex.non_factive:
        return False
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ in ("will", "would", "shall") for a in auxes):
        return False
    return clause.tag_ == "VBD" or (clause.tag_ in ("VBN", "VBG") and bool(auxes))


_CHARGE_SETTINGS = frozenset({"amid", "after", "following", "despite", "over", "with", "given"})


# Modals that make what a clause's subject names a supposition ("sending troops would be a mistake").
_SUPPOSING_MODALS = frozenset({"would", "could", "might"})


def _supposed_act(tok: Token) -> bool:
    """Whether a verb is the clause subject of a conditional verdict: "North Korea sending troops to
    Russia would mark an escalation", "supplying tanks to Kyiv could prolong the war" judge an act
    supposed, not one done."""
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.dep_ in ("nsubj", "nsubjpass"):
        tok = tok.head  # the parser's reading of "Seoul supplying shells ... could": a noun's gerund
    elif tok.dep_ not in ("csubj", "csubjpass"):
        return False
    verdict = tok.head
    return verdict.i != tok.i and any(c.dep_ == "aux" and c.lower_ in _SUPPOSING_MODALS for c in verdict.children)


def _in_prospect(tok: Token, lex: Lexicon) -> bool:
    """Whether a verb is the "of" complement of a noun of possibility: "declined to comment on the
    prospect of Putin visiting the DPRK", "raised the possibility of sending air defences": an act
    weighed, not done."""
    if tok.dep_ != "pcomp" or tok.head.lower_ != "of":
        return False
    noun = tok.head.head
    return noun.i != tok.head.i and noun.lemma_.lower() in lex.prospect_nouns


def prospect_topic(tok: Token, lex: Lexicon) -> bool:
    """Whether what a verdict is about is a prospect with its "of" complement ("voiced concern over the
    possibility of any transfer of technology to X", "alarmed by the prospect of troops entering Y"):
    a worry over what may come, not a verdict on an act done nor on anyone in it (news-dev2 codes none).
    A verdict on someone named stays one ("criticised Venezuela over the possibility of ...")."""
    obj = first_child(tok, OBJECTS)
    if obj is not None:
        return _prospect(obj, lex)
    holders = [tok, tok.head] if tok.dep_ in OBJECTS else [tok]  # "voiced concern ... over": the parser's hang
    return any(_prospect(first_child(p, ["pobj"]), lex) for h in holders for p in children(h, ["prep", "agent"]))


def _prospect(tok: Token | None, lex: Lexicon) -> bool:
    return (
        tok is not None
        and tok.lemma_.lower() in lex.prospect_nouns
        and any(p.lower_ == "of" for p in children(tok, ["prep"]))
    )


def asked_whether(tok: Token) -> bool:
    """Whether a verb is in a "whether" clause: "could not confirm whether North Korean soldiers were
    fighting for Russia", "does not know whether Moscow is handing over technology", "asked whether
    Seoul would send arms": a question, not a report of the act."""
    if not is_verb(tok):
        return False
    current = tok
    for _ in range(3):
        if any(c.lower_ == "whether" for c in children(current, ["mark"])):
            return True
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


# The pronouns that ask who or what in an indirect question ("did not say whom he would meet").
_QUESTION_PRONOUNS = frozenset({"who", "whom", "what", "which"})


def _open_question(tok: Token) -> bool:
    """Whether a verb heads an indirect question about its own participant: "did not say whom Belousov
    would meet", "would not say what the talks were for", "asked who would lead the delegation": the
    act's other side is the open question, no act told (nor a relative clause: "the troops, who fought")."""
    if not is_verb(tok) or tok.dep_ not in ("ccomp", "csubj"):
        return False
    if any(c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.lower_ in _QUESTION_PRONOUNS for c in tok.children):
        return True
    # "with whom he would meet", "whom she will hold talks with": the pronoun of a preposition of the
    # verb or of its object
    holders = [tok, *children(tok, ["dobj"])]
    return any(
        g.dep_ == "pobj" and g.lower_ in _QUESTION_PRONOUNS
        for h in holders
        for p in children(h, ["prep"])
        for g in p.children
    )


def _evidence_denied(tok: Token, lex: Lexicon) -> bool:
    """Whether an act is what "no evidence" or "no signs" speaks of: "there is no evidence that Chad sent
    troops", "no signs showing troops deployed to Kursk engaging in battle" tell no act. Up at most four
    heads, not past a finite verb of another clause ("Officials found no evidence, but Chad sent troops")."""
    for depth, up in enumerate(tok.ancestors):
        if depth >= 4:
            return False
        if up.pos_ == "NOUN" and lex.in_class(up, "evidence_nouns"):
            return any(c.dep_ in ("det", "neg") and c.lower_ == "no" for c in up.children)
        if up.tag_ in ("VBD", "VBZ", "VBP") or up.dep_ == "ROOT":
            return False
    return False


def _for_to_clause(tok: Token) -> bool:
    """Whether a verb heads a to-infinitive with its own subject ("for troops to be withdrawn",
    "for forces to withdraw"): a clause wished for, never a coordinated finite verb."""
    # Its "to" and subject stand left of the verb: the left children only, so a verb with hundreds of
    # coordinated clauses on its right is not walked once per clause (bench/large_shapes.py).
    return (
        any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.lefts)
        and first_child(tok, ["nsubj", "nsubjpass"]) is not None
    )


def _asked_by_object(clause: Token, verb: Token, lex: Lexicon) -> bool:
    """Whether an infinitive the parser makes an adverbial clause of an appeal noun, or of a verb whose
    object is one, is what the appeal asks for ("repeated its call on Lima to withdraw", "its call for
    Quito to free the crew"), not the purpose of the verb's own act."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return False
    if verb.pos_ == "NOUN":
        return verb.lemma_.lower() in lex.appeal_nouns  # "its call for Lima to withdraw"
    if not is_verb(verb):
        return False
    obj = first_child(verb, ["dobj"])
    return obj is not None and obj.i < clause.i and obj.lemma_.lower() in lex.appeal_nouns


def _under_non_factive(tok: Token, lex: Lexicon) -> bool:
    """Whether a trigger sits in the complement of an appeal or a denial (or is a noun after
    "call for")."""
    current = tok
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            return False
        # "called for troops to be withdrawn", "calls for forces to withdraw": the parser makes the
        # for-to clause asked for a conjunct or an adverbial clause of the appeal.
        asked = current.dep_ in ("conj", "advcl") and _for_to_clause(current)
        if (
            (current.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "pcomp", "prep") or asked)
            and is_verb(head)
            and _lemmas(head)[0] in lex.non_factive
        ):
            # "called for a strike" is an appeal; "called a strike", "called his counterpart" are not.
            # ("called in the ambassador on Monday to lodge a protest": a time's "on" is no appeal.)
            return (
                _lemmas(head)[0] != "call"
                or any(c.lower_ in ("for", "on", "upon") and not _dated(c) for c in head.children)
                or any(c.dep_ == "mark" and c.lower_ == "for" for c in current.children)
            )
        if (
            current.dep_ == "pcomp"
            and head.lower_ == "against"
            and is_verb(head.head)
            and _lemmas(head.head)[0] in lex.non_factive_against
        ):
            return True
        if current.dep_ == "advcl" and _asked_by_object(current, head, lex):
            return True  # "renewed its call on Lima to free the crew": the parser hangs the asked act on the verb
        if current.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_.lower() in lex.non_factive_nouns:
            # "amid Western claims that Russia intends to send troops": alleged, not done; but "amid
            # allegations that Pyongyang has shipped shells to Moscow" charges a done act.
            return not (current.i == tok.i or tok.dep_ == "conj") or not _charged_act(current, head, lex)
        if current.dep_ == "pobj" and head.lower_ in ("to", "of") and lex.in_class(head.head, "cessation"):
            return False  # "called for a halt to arms deliveries": what is to end goes on
        if current.dep_ not in ("xcomp", "ccomp", "pobj", "prep", "pcomp", "conj", "dobj"):
            return False
        current = head.head if misplaced_conjunct(current) else head
    return False
