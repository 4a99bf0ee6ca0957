"""The lexicon of the rule-based extractors (`data/event_lexicon.toml`): the verbs and event nouns
with their PLOVER types and modes, the word classes, and the word lists the event, quote and claim
rules read. Parsed and checked once; everything the rules know about words is here.
Pure: no network, no database.
"""

from __future__ import annotations

import functools
import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from importlib.resources import files
from typing import Any

from spacy.tokens import Token

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE", "DEMAND",
    "DISAPPROVE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "CRIME", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


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
    # A partner named in a "with" phrase under the word does it too ("Chile signed an accord with Peru",
    # "Chile's signing of an accord with Peru"): each way, as "Chile and Peru signed" is.
    reciprocal_with: bool = False
    host: bool = False  # the subject receives and the other side acts (roles.py: _receives)
    governs: bool = False
    clause_required: bool = False
    modal_required: bool = False
    recipient_required: bool = False
    needs_actor_object: bool = False
    # Fire only when a recipient preposition names another actor ("went to Pyongyang", not "went on
    # strike" nor "went to Moscow" said of a Russian).
    needs_actor_prep: bool = False
    # The spec when the object is a person the gazetteer knows: "welcomed Kim" receives a visitor.
    person_object: str | None = None
    untargeted: str | None = None
    igo_type: str | None = None
    possessive: bool = False
    # The noun names the doer ("Russia's main supplier of shells"): its clause's subject acts, its
    # possessor receives, and what it supplies (by_modifier) decides.
    agentive: bool = False
    # A pejorative predicate in a reported clause ("Seoul said Pyongyang's launch was a provocation"):
    # the reporter disapproves of the clause subject's doer.
    verdict: bool = False
    # An adjective of feeling ("is deeply concerned about"): its copula's subject feels it about the
    # object of the recipient preposition.
    felt: bool = False
    not_with: tuple[str, ...] = ()
    transitive: bool = False
    # The verb's object noun is never the event itself ("reduced sanctions" is no SANCTION).
    not_light: bool = False
    # An order carried out: a governed act of these types is the event, by the one who ordered it.
    executes: tuple[str, ...] = ()
    # A noun whose named parties make it an event of its own even as the object or topic of another
    # event ("condemned the military cooperation between Russia and North Korea": both).
    own_event: bool = False
    # The direct object is what is talked about, never a side ("discussed Ukraine with Xi"): the
    # partner is the recipient preposition's, or the other subject ("Putin and Xi discussed Ukraine").
    topic_object: bool = False
    # The type a negated verb gives instead ("does not recognise the court's jurisdiction" is REJECT,
    # as a negated AGREE is): not doing this act is refusing it.
    negated_type: str | None = None


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
    # Word classes of objects that stand for someone else, and the prepositions of their own phrase
    # that name whom ("sanctions against Sudan", "a plea by Mr. Lula"), in the order tried.
    target_preps: Mapping[str, tuple[str, ...]]
    classes: Mapping[str, frozenset[str]]
    officials: frozenset[str]
    phone_words: frozenset[str]
    light_verbs: frozenset[str]
    transparent: frozenset[str]
    transparent_hedged: frozenset[str]
    transparent_unrealised: frozenset[str]
    transparent_negating: frozenset[str]
    transparent_nouns: frozenset[str]
    issuing_verbs: frozenset[str]
    joining_verbs: frozenset[str]
    non_factive: frozenset[str]
    non_factive_against: frozenset[str]
    non_factive_nouns: frozenset[str]
    charge_nouns: frozenset[str]
    refusal_verbs: frozenset[str]
    deliberation_verbs: frozenset[str]
    provision_verbs: frozenset[str]
    needs_recipient: frozenset[str]
    negation: frozenset[str]
    negation_limiters: frozenset[str]
    hedge_modals: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_verbs: frozenset[str]
    hedge_sources: frozenset[str]
    subordinators: frozenset[str]
    possibility_adverbs: frozenset[str]
    hypothetical: frozenset[str]
    approximators: frozenset[str]
    group_pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    speaker_pronouns: frozenset[str]
    questioning_nouns: frozenset[str]
    support_verbs: frozenset[str]
    mission_nouns: frozenset[str]
    contact_verbs: frozenset[str]
    telling_verbs: frozenset[str]
    meeting_verbs: frozenset[str]
    message_nouns: frozenset[str]
    signal_adjectives: frozenset[str]
    captive_words: frozenset[str]
    relative_nouns: frozenset[str]
    government_nouns: frozenset[str]
    own_side_nouns: frozenset[str]
    future_aux: frozenset[str]
    ability_aux: frozenset[str]
    ability_adjectives: frozenset[str]
    weighing_nouns: frozenset[str]
    held_participles: frozenset[str]
    agenda_verbs: frozenset[str]
    past_words: frozenset[str]
    breach_nouns: frozenset[str]
    appeal_nouns: frozenset[str]
    devoted_verbs: frozenset[str]
    office_verbs: frozenset[str]
    organisation_shorthands: frozenset[str]
    third_party_nouns: frozenset[str]
    harmed_words: frozenset[str]
    np_preps: frozenset[str]
    topic_preps: frozenset[str]
    verb_topic_preps: frozenset[str]
    locative_preps: frozenset[str]
    place_preps: frozenset[str]
    adjunct_preps: frozenset[str]
    frame_preps: frozenset[str]
    held_meeting_preps: frozenset[str]
    opposite_nouns: frozenset[str]
    joint_words: frozenset[str]
    growth_words: frozenset[str]
    growth_verbs: frozenset[str]
    exercise_nouns: frozenset[str]
    participation_verbs: frozenset[str]
    fear_verbs: frozenset[str]
    possibility_aux: frozenset[str]
    attempt_nouns: frozenset[str]
    schedule_words: frozenset[str]
    planned_meeting_words: frozenset[str]
    meeting_to_come_heads: frozenset[str]
    phase_nouns: frozenset[str]
    harm_nouns: frozenset[str]
    org_nouns: frozenset[str]
    retaliation: frozenset[str]
    combatants: frozenset[str]
    war_nouns: frozenset[str]
    combat_nouns: frozenset[str]
    war_efforts: frozenset[str]
    made_verbs: frozenset[str]
    remark_verbs: frozenset[str]
    exchange_verbs: frozenset[str]
    continuing_verbs: frozenset[str]
    decision_words: frozenset[str]
    begun_words: frozenset[str]
    ultimatum_verbs: frozenset[str]
    bond_nouns: frozenset[str]
    return_nouns: frozenset[str]
    portion_nouns: frozenset[str]
    aiming_verbs: frozenset[str]
    transfer_verbs: frozenset[str]
    transfer_nouns: frozenset[str]
    aid_purposes: frozenset[str]
    aid_partner_preps: frozenset[str]
    aid_partner_words: frozenset[str]
    hostile_purposes: frozenset[str]
    front_nouns: frozenset[str]
    belligerents: frozenset[str]
    trade_nouns: frozenset[str]
    carrying_verbs: frozenset[str]
    purchase_nouns: frozenset[str]
    war_part_nouns: frozenset[str]
    contribution_nouns: frozenset[str]
    making_verbs: frozenset[str]
    help_nouns: frozenset[str]
    liberation_words: frozenset[str]
    presence_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    movement_verbs: frozenset[str]
    movement_preps: frozenset[str]
    presence_preps: frozenset[str]
    fought_for_preps: frozenset[str]
    force_users: frozenset[str]
    outlet_words: frozenset[str]
    comrade_words: frozenset[str]
    fight_words: frozenset[str]
    honorifics: frozenset[str]
    count_words: frozenset[str]
    crowd_nouns: frozenset[str]
    invitation_takers: frozenset[str]
    call_taking_verbs: frozenset[str]
    idiom_objects: frozenset[str]
    feeling_copulas: frozenset[str]
    copulas: frozenset[str]
    raising_verbs: frozenset[str]
    danger_nouns: frozenset[str]
    laden_adjectives: frozenset[str]
    wish_verbs: frozenset[str]
    unnamed_quantifiers: frozenset[str]
    speech_act_nouns: frozenset[str]
    prospect_nouns: frozenset[str]
    non_party_nouns: frozenset[str]
    foreign_adjectives: frozenset[str]
    sea_nouns: frozenset[str]
    collective_addressees: frozenset[str]
    hearsay_verbs: frozenset[str]
    partitives: frozenset[str]
    favour_nouns: frozenset[str]
    scale_plurals: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    possibility_modals: frozenset[str]
    pair_counts: frozenset[str]
    home_modes: frozenset[str]
    citing_verbs: frozenset[str]
    share_verbs: frozenset[str]
    weapon_use_verbs: frozenset[str]
    delegate_nouns: frozenset[str]
    backing_verbs: frozenset[str]
    backing_participles: frozenset[str]
    number_words: Mapping[str, int]
    quotes: Mapping[str, Any]
    claims: Mapping[str, Any]
    # Every word of the lexicon's multi-word forms ("martial law", "sit-in", "state of emergency"):
    # a noun that is none of them has no multi-word form, so `noun_forms` need not look at its children.
    phrase_words: frozenset[str] = frozenset()
    # The first word of every key of `verbs` ("call" of "call on"): a verb none of whose lemma
    # guesses is among them has no entry.
    verb_heads: frozenset[str] = frozenset()
    # The claims section's word lists, lower-cased, as sets (`claims` keeps them as written).
    claim_words: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Verb keys added from the generated CAMEO fallback (with_fallback_verbs): they trigger events of
    # their own but are no light verbs for event nouns ("reduced aid" is not AID).
    fallback_verbs: frozenset[str] = frozenset()
    # Adjectives of readiness whose infinitive is an intention ("is willing to withdraw").
    intent_adjectives: frozenset[str] = frozenset()
    # Adjectives of unwillingness: their infinitive is a refusal ("is unwilling to expand ties": REJECT).
    unwilling_adjectives: frozenset[str] = frozenset()
    # Verbs and nouns of intention: an infinitive of cooperation under them is an intention (AGREE).
    intent_words: frozenset[str] = frozenset()
    # Each one-word member of `classes` -> its classes, sorted ("troop" -> ("troops",)): the learned
    # event-type model's features carry what it learns of one word to its kin.
    word_classes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @functools.cached_property
    def reporting_verbs(self) -> frozenset[str]:
        """The quotes section's verbs of saying, as a set (read by the event, claim and actor rules too)."""
        return self.quote_sets.get("reporting_verbs", frozenset())

    @functools.cached_property
    def quote_sets(self) -> Mapping[str, frozenset[str]]:
        """Each word list of the quotes section, as a set: built once per lexicon, not per document."""
        return {
            key: frozenset(value)
            for key, value in self.quotes.items()
            if isinstance(value, list | tuple) and all(isinstance(word, str) for word in value)
        }

    @functools.cached_property
    def quote_genders(self) -> Mapping[str, str]:
        """The quotes section's gendered words, each to "f" or "m"."""
        return {w: "f" for w in self.quotes["female_words"]} | {w: "m" for w in self.quotes["male_words"]}

    @functools.cached_property
    def perceiving_verbs(self) -> frozenset[str]:
        """The quotes section's verbs of seeing ("spotted", "detected"): their object is what was seen."""
        return self.quote_sets.get("perceiving_verbs", frozenset())

    def verb_entry(self, verb: Token | None) -> Entry | None:
        """The verb table's entry for a token's lemma (None for no token or a word the table lacks)."""
        return self.verbs.get(verb.lemma_.lower()) if verb is not None else None

    def verb_type(self, verb: Token | None) -> str | None:
        """The PLOVER type the verb table gives a token's lemma, if any."""
        entry = self.verb_entry(verb)
        return entry.type if entry is not None else None

    def in_class(self, token: Token | None, name: str) -> bool:
        """Whether a noun's head lemma (or "modifier head" bigram) is in a word class."""
        if token is None:
            return False
        words = self.classes.get(name)
        if words is None:
            return False
        return not noun_forms(token, self).isdisjoint(words)

    def in_any_class(self, token: Token | None, names: tuple[str, ...]) -> bool:
        """Whether a noun is in any of the word classes (`in_class` of each): one set test."""
        if token is None:
            return False
        return not noun_forms(token, self).isdisjoint(self.class_words(names))

    def class_words(self, names: tuple[str, ...]) -> frozenset[str]:
        """The words of the named classes together, built once per lexicon and tuple of names."""
        found = self._class_words.get(names)
        if found is None:
            found = self._class_words[names] = frozenset().union(*(self.classes.get(name, ()) for name in names))
        return found

    @functools.cached_property
    def _class_words(self) -> dict[tuple[str, ...], frozenset[str]]:
        return {}

    def match(self, table: Mapping[str, str], token: Token | None) -> str | None:
        """The spec a by_object/by_subject/by_modifier table gives a token: lemma keys, then classes."""
        if token is None or not table:
            return None
        forms = noun_forms(token, self)
        for key, spec in table.items():
            if key in forms:
                return spec
        for key, spec in table.items():
            if key in self.classes and self.in_class(token, key):
                return spec
        return None


# noun_forms of the tokens of the last document read, by lexicon: [doc, lexicon, {token index: forms}].
# The rules ask a token's forms again and again (every word class test, every table match); the
# forms depend only on the token, its children and the lexicon. The document is held, so a new
# document is never mistaken for it.
_FORMS_MEMO: list[Any] = [None, None, {}]


def noun_forms(token: Token, lex: Lexicon) -> set[str]:
    """A noun's lower-case text, lemma and compound bigrams ("martial law", "air force"). The set is
    shared by every caller asking about the same token: read it, do not change it."""
    memo = _FORMS_MEMO
    doc = token.doc
    if memo[0] is not doc or memo[1] is not lex:
        memo[0], memo[1], memo[2] = doc, lex, {}
    i = token.i
    forms = memo[2].get(i)
    if forms is None:
        forms = memo[2][i] = _noun_forms(token, lex)
    return forms


def _noun_forms(token: Token, lex: Lexicon) -> set[str]:
    lower, lemma = token.lower_, token.lemma_.lower()
    forms = {lower, lemma}
    if lower not in lex.phrase_words and lemma not in lex.phrase_words:
        return forms  # no multi-word form of the lexicon ends or starts with this word
    if not token.dep:
        # No dependency parse (a text below the relevance gate gets the entity components only):
        # no children to read, and Token.children on such a document can crash (tests/test_fuzz.py).
        return forms
    i = token.i
    for child in token.children:
        dep = child.dep_
        if dep in ("compound", "amod") and child.i == i - 1:
            forms.add(f"{child.lower_} {lower}")
            forms.add(f"{child.lower_} {lemma}")
        if dep in ("compound", "amod") and child.i == i - 2 and token.doc[i - 1].text == "-":
            forms.add(f"{child.lower_}-{lower}")  # "sit-in", tokenised sit - in
        if dep == "prep" and child.lower_ == "of" and child.i == i + 1:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.i == i + 2:
                    forms.add(f"{lower} of {pobj.lower_}")  # "state of emergency"
    return forms


def _entry(record: Mapping[str, Any], where: str) -> Entry:
    unknown = set(record) - _ENTRY_KEYS
    if unknown:
        raise ValueError(f"event_lexicon.toml {where}: unknown key(s) {sorted(unknown)}")
    if record.get("type") not in PLOVER_TYPES:
        raise ValueError(f"event_lexicon.toml {where}: type must be a PLOVER category")
    kwargs = {k: v for k, v in record.items() if k != "note"}
    for key in ("recipient_preps", "not_with", "executes"):
        if key in kwargs:
            kwargs[key] = tuple(kwargs[key])
    if any(kind not in PLOVER_TYPES for kind in kwargs.get("executes", ())):
        raise ValueError(f"event_lexicon.toml {where}: executes names an unknown type")
    if kwargs.get("negated_type", "REJECT") not in PLOVER_TYPES:
        raise ValueError(f"event_lexicon.toml {where}: negated_type must be a PLOVER category")
    person_spec = kwargs.get("person_object")
    if person_spec is not None and person_spec.split("/")[0] not in PLOVER_TYPES:
        raise ValueError(f"event_lexicon.toml {where}: person_object names unknown type {person_spec!r}")
    for table in ("by_object", "by_subject", "by_modifier", "by_verb"):
        for spec in kwargs.get(table, {}).values():
            if spec != "-" and spec.split("/")[0] not in PLOVER_TYPES:
                raise ValueError(f"event_lexicon.toml {where}: {table} names unknown type {spec!r}")
    return Entry(**kwargs)


# The plain word lists of the TOML: Lexicon field -> (section, key).
_WORD_SETS: dict[str, tuple[str, str]] = {
    "officials": ("officials", "nouns"),
    "phone_words": ("consult", "phone_words"),
    "light_verbs": ("light_verbs", "lemmas"),
    "transparent": ("transparent", "verbs"),
    "transparent_hedged": ("transparent", "hedged"),
    "transparent_unrealised": ("transparent", "unrealised"),
    "transparent_negating": ("transparent", "negating"),
    "transparent_nouns": ("transparent", "nouns"),
    "issuing_verbs": ("transparent", "issuing"),
    "joining_verbs": ("transparent", "joining"),
    "non_factive": ("non_factive", "verbs"),
    "non_factive_against": ("non_factive", "against"),
    "non_factive_nouns": ("non_factive", "nouns"),
    "charge_nouns": ("non_factive", "charges"),
    "refusal_verbs": ("non_factive", "refusals"),
    "deliberation_verbs": ("non_factive", "deliberation"),
    "provision_verbs": ("non_factive", "provisions"),
    "needs_recipient": ("types", "needs_recipient"),
    "negation": ("negation", "words"),
    "negation_limiters": ("negation", "limiters"),
    "hedge_modals": ("hedge", "modals"),
    "hedge_adverbs": ("hedge", "adverbs"),
    "hedge_verbs": ("hedge", "verbs"),
    "hedge_sources": ("hedge", "sources"),
    "subordinators": ("hedge", "subordinators"),
    "possibility_adverbs": ("hedge", "possibility_adverbs"),
    "hypothetical": ("hedge", "hypothetical"),
    "approximators": ("hedge", "approximators"),
    "group_pronouns": ("words", "group_pronouns"),
    "person_pronouns": ("words", "person_pronouns"),
    "speaker_pronouns": ("words", "speaker_pronouns"),
    "questioning_nouns": ("words", "questioning_nouns"),
    "support_verbs": ("words", "support_verbs"),
    "mission_nouns": ("words", "mission_nouns"),
    "contact_verbs": ("words", "contact_verbs"),
    "telling_verbs": ("words", "telling_verbs"),
    "meeting_verbs": ("words", "meeting_verbs"),
    "message_nouns": ("words", "message_nouns"),
    "signal_adjectives": ("words", "signal_adjectives"),
    "captive_words": ("words", "captive_words"),
    "relative_nouns": ("words", "relative_nouns"),
    "government_nouns": ("words", "government_nouns"),
    "own_side_nouns": ("words", "own_side_nouns"),
    "future_aux": ("words", "future_aux"),
    "ability_aux": ("words", "ability_aux"),
    "ability_adjectives": ("words", "ability_adjectives"),
    "weighing_nouns": ("words", "weighing_nouns"),
    "held_participles": ("words", "held_participles"),
    "agenda_verbs": ("words", "agenda_verbs"),
    "past_words": ("words", "past_words"),
    "breach_nouns": ("words", "breach_nouns"),
    "appeal_nouns": ("words", "appeal_nouns"),
    "devoted_verbs": ("words", "devoted_verbs"),
    "office_verbs": ("words", "office_verbs"),
    "organisation_shorthands": ("words", "organisation_shorthands"),
    "third_party_nouns": ("words", "third_party_nouns"),
    "harmed_words": ("words", "harmed_words"),
    "np_preps": ("words", "np_preps"),
    "topic_preps": ("words", "topic_preps"),
    "verb_topic_preps": ("words", "verb_topic_preps"),
    "locative_preps": ("words", "locative_preps"),
    "place_preps": ("words", "place_preps"),
    "adjunct_preps": ("words", "adjunct_preps"),
    "frame_preps": ("words", "frame_preps"),
    "held_meeting_preps": ("words", "held_meeting_preps"),
    "opposite_nouns": ("words", "opposite_nouns"),
    "joint_words": ("words", "joint_words"),
    "growth_words": ("words", "growth_words"),
    "growth_verbs": ("words", "growth_verbs"),
    "exercise_nouns": ("words", "exercise_nouns"),
    "participation_verbs": ("words", "participation_verbs"),
    "fear_verbs": ("words", "fear_verbs"),
    "possibility_aux": ("words", "possibility_aux"),
    "attempt_nouns": ("words", "attempt_nouns"),
    "schedule_words": ("words", "schedule_words"),
    "planned_meeting_words": ("words", "planned_meeting_words"),
    "meeting_to_come_heads": ("words", "meeting_to_come_heads"),
    "phase_nouns": ("words", "phase_nouns"),
    "harm_nouns": ("words", "harm_nouns"),
    "org_nouns": ("words", "org_nouns"),
    "retaliation": ("words", "retaliation"),
    "combatants": ("words", "combatants"),
    "war_nouns": ("words", "war_nouns"),
    "combat_nouns": ("words", "combat_nouns"),
    "war_efforts": ("words", "war_efforts"),
    "made_verbs": ("words", "made_verbs"),
    "remark_verbs": ("words", "remark_verbs"),
    "exchange_verbs": ("words", "exchange_verbs"),
    "continuing_verbs": ("words", "continuing_verbs"),
    "decision_words": ("words", "decision_words"),
    "begun_words": ("words", "begun_words"),
    "ultimatum_verbs": ("words", "ultimatum_verbs"),
    "bond_nouns": ("words", "bond_nouns"),
    "return_nouns": ("words", "return_nouns"),
    "portion_nouns": ("words", "portion_nouns"),
    "aiming_verbs": ("words", "aiming_verbs"),
    "transfer_verbs": ("military_aid", "transfer_verbs"),
    "transfer_nouns": ("military_aid", "transfer_nouns"),
    "aid_purposes": ("military_aid", "purposes"),
    "aid_partner_preps": ("military_aid", "partner_preps"),
    "aid_partner_words": ("military_aid", "partner_words"),
    "hostile_purposes": ("military_aid", "hostile_purposes"),
    "front_nouns": ("military_aid", "front_nouns"),
    "belligerents": ("military_aid", "belligerents"),
    "trade_nouns": ("military_aid", "trade_nouns"),
    "carrying_verbs": ("military_aid", "carrying_verbs"),
    "purchase_nouns": ("military_aid", "purchase_nouns"),
    "war_part_nouns": ("military_aid", "war_part_nouns"),
    "contribution_nouns": ("military_aid", "contribution_nouns"),
    "making_verbs": ("military_aid", "making_verbs"),
    "help_nouns": ("military_aid", "help_nouns"),
    "liberation_words": ("military_aid", "liberation_words"),
    "presence_verbs": ("military_aid", "presence_verbs"),
    "belief_verbs": ("military_aid", "belief_verbs"),
    "movement_verbs": ("military_aid", "movement_verbs"),
    "movement_preps": ("military_aid", "movement_preps"),
    "presence_preps": ("military_aid", "presence_preps"),
    "fought_for_preps": ("military_aid", "fought_for_preps"),
    "force_users": ("military_aid", "force_users"),
    "outlet_words": ("words", "outlet_words"),
    "comrade_words": ("words", "comrade_words"),
    "fight_words": ("words", "fight_words"),
    "honorifics": ("words", "honorifics"),
    "count_words": ("words", "count_words"),
    "crowd_nouns": ("words", "crowd_nouns"),
    "invitation_takers": ("words", "invitation_takers"),
    "call_taking_verbs": ("words", "call_taking_verbs"),
    "idiom_objects": ("words", "idiom_objects"),
    "feeling_copulas": ("words", "feeling_copulas"),
    "copulas": ("words", "copulas"),
    "raising_verbs": ("words", "raising_verbs"),
    "danger_nouns": ("words", "danger_nouns"),
    "laden_adjectives": ("words", "laden_adjectives"),
    "wish_verbs": ("words", "wish_verbs"),
    "unnamed_quantifiers": ("words", "unnamed_quantifiers"),
    "speech_act_nouns": ("words", "speech_act_nouns"),
    "prospect_nouns": ("words", "prospect_nouns"),
    "non_party_nouns": ("words", "non_party_nouns"),
    "foreign_adjectives": ("words", "foreign_adjectives"),
    "sea_nouns": ("words", "sea_nouns"),
    "collective_addressees": ("words", "collective_addressees"),
    "hearsay_verbs": ("hedge", "hearsay_verbs"),
    "partitives": ("words", "partitives"),
    "favour_nouns": ("words", "favour_nouns"),
    "scale_plurals": ("words", "scale_plurals"),
    "perfect_auxiliaries": ("words", "perfect_auxiliaries"),
    "possibility_modals": ("words", "possibility_modals"),
    "pair_counts": ("words", "pair_counts"),
    "home_modes": ("words", "home_modes"),
    "citing_verbs": ("words", "citing_verbs"),
    "share_verbs": ("words", "share_verbs"),
    "weapon_use_verbs": ("military_aid", "weapon_use_verbs"),
    "delegate_nouns": ("words", "delegate_nouns"),
    "backing_verbs": ("words", "backing_verbs"),
    "backing_participles": ("words", "backing_participles"),
}


def parse_lexicon(text: str) -> Lexicon:
    data = tomllib.loads(text)
    words = data["words"]
    lexicon = Lexicon(
        version=str(data.get("version", "0")),
        verbs={k: _entry(v, f"verbs.{k}") for k, v in data["verbs"].items()},
        nouns={k: _entry(v, f"nouns.{k}") for k, v in data["nouns"].items()},
        type_preps={k: tuple(v) for k, v in data["types"].items() if isinstance(v, list) and k in PLOVER_TYPES},
        location_recipient=frozenset(data["types"]["location_recipient"]),
        symmetric=frozenset(data["types"]["symmetric"]),
        threat_modes=dict(data["threat_modes"]),
        target_preps={cls: tuple(preps) for cls, preps in data["target_preps"].items()},
        classes={k: frozenset(w.lower() for w in v) for k, v in data["classes"].items()},
        intent_adjectives=frozenset(words.get("intent_adjectives", ())),
        unwilling_adjectives=frozenset(words.get("unwilling_adjectives", ())),
        intent_words=frozenset(words.get("intent_words", ())),
        **{name: frozenset(data[section][key]) for name, (section, key) in _WORD_SETS.items()},
        number_words={str(word): int(value) for word, value in data["numbers"]["words"].items()},
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
        word_classes=_word_classes(lexicon.classes),
    )


def _new_objects(hand: Entry, record: Mapping[str, Any], tables: Mapping[str, Any], lex: Lexicon) -> dict[str, str]:
    """The fallback object keys a hand verb that fires only on listed objects (object_required) gains:
    none whose head noun the hand table already decides, by key or word class (lemma keys are tried
    before classes, so a fallback key must not shadow a hand class)."""
    covered = set(hand.by_object)
    for name in hand.by_object:
        covered |= lex.classes.get(name, frozenset())
    table = {**tables.get(record.get("table"), {}).get("by_object", {}), **record.get("by_object", {})}
    # a bigram whose head the hand table covers is the hand's too ("first soldiers" with troops)
    heads = {key: key.split()[-1] for key in table}
    return {
        key: spec
        for key, spec in table.items()
        if spec != "-" and not {heads[key], heads[key].removesuffix("s"), heads[key].removesuffix("es")} & covered
    }


def _word_classes(classes: Mapping[str, frozenset[str]]) -> dict[str, tuple[str, ...]]:
    pairs: dict[str, list[str]] = {}
    for name, words in sorted(classes.items()):
        for word in sorted(words):
            if " " not in word:
                pairs.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in pairs.items()}


def _phrase_words(lex: Lexicon) -> frozenset[str]:
    """The words of every multi-word form `noun_forms` may be compared with."""
    forms: set[str] = set(lex.officials) | set(lex.phone_words) | set(lex.nouns)
    for words in lex.classes.values():
        forms |= words
    for entry in [*lex.verbs.values(), *lex.nouns.values()]:
        for table in (entry.by_object, entry.by_subject, entry.by_modifier):
            forms |= set(table)
    return frozenset(w for form in forms if " " in form or "-" in form for w in re.split(r"[\s-]+", form.lower()) if w)


@functools.cache
def load_lexicon() -> Lexicon:
    """The packaged lexicon, parsed once: the hand lexicon over the CAMEO-derived verbs."""
    data = files("extractors") / "data"
    hand = parse_lexicon((data / "event_lexicon.toml").read_text(encoding="utf-8"))
    return with_fallback_verbs(hand, (data / "cameo_lexicon.json").read_text(encoding="utf-8"))


def with_fallback_verbs(lexicon: Lexicon, fallback_text: str) -> Lexicon:
    """The lexicon with the verbs of a generated fallback file (cameo_lexicon.json, written by
    scripts/build_cameo_lexicon.py) that it does not know. Hand entries win: a verb the hand lexicon
    uses in any role (event verb, light, transparent, appeal, hedge or reporting verb) is left as it is.
    A fallback verb's `table` names the shared by_object/by_subject table of its PETRARCH2 block."""
    data = json.loads(fallback_text)
    known = (
        lexicon.verb_heads
        | lexicon.light_verbs
        | lexicon.transparent
        | lexicon.non_factive
        | lexicon.hedge_verbs
        | lexicon.reporting_verbs
    )
    tables = data.get("tables", {})
    verbs = dict(lexicon.verbs)
    for key, record in data.get("verbs", {}).items():
        hand = lexicon.verbs.get(key)
        if hand is not None and hand.object_required and hand.by_object:
            verbs[key] = replace(hand, by_object={**hand.by_object, **_new_objects(hand, record, tables, lexicon)})
        if key.split()[0] in known:
            continue
        record = dict(record)
        table = tables.get(record.pop("table", None), {})
        if table.get("by_object"):
            record["by_object"] = {**table["by_object"], **record.get("by_object", {})}
        if table.get("by_subject") and not record.get("object_required"):
            # (on a verb without a default a subject alone cannot make the event, so it is left out)
            record["by_subject"] = {**table["by_subject"], **record.get("by_subject", {})}
        verbs[key] = _entry(record, f"cameo verbs.{key}")
    merged = replace(lexicon, verbs=verbs, fallback_verbs=frozenset(set(verbs) - set(lexicon.verbs)))
    return replace(merged, phrase_words=_phrase_words(merged), verb_heads=frozenset(key.split()[0] for key in verbs))
