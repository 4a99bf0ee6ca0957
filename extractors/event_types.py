"""A learned event-type model: which PLOVER types a sentence reports, read from its parse.

A per-sentence multi-label logistic regression (one weight vector per PLOVER type) over features of
the dependency parse the rules already read: verb and event-noun lemmas, verb+object and
verb+preposition pairs, particles, governed clauses, negation, and whether a gazetteer actor stands
as a subject, object or prepositional object. Every feature is anchored to the token it was read
from, so the token that carries the most evidence for a type is known too: events.py hands it to
the rules' own role helpers as a trigger, which find actor and recipient as for any lexicon word.

The weights are data (`data/event_type_model.json`, written by `scripts/train_event_types.py` from
the training files it names in its header); inference is a sum of the weights of a sentence's
features and costs nothing beside the parse. `STORYWATCH_EVENT_MODEL=off` turns it off (to measure
the rules alone). Pure: no network, no database.
"""

from __future__ import annotations

import functools
import json
import math
import os
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

import numpy
from spacy.tokens import Span

from extractors.clauses import parse_index
from extractors.lexicon import Entry, Lexicon
from extractors.resolution import Resolver
from extractors.triggers import UNSURE

MODEL_FILE = "event_type_model.json"
OFF_VARIABLE = "STORYWATCH_EVENT_MODEL"

_OBJECTS = frozenset({"dobj", "obj", "attr", "oprd"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_PREPS = frozenset({"prep", "agent", "dative"})
_CLAUSES = frozenset({"xcomp", "ccomp", "advcl"})
# Features of a word itself (its lemma, its lexicon type or class), not of its surroundings: the
# evidence for a type must include one ("thousands" beside a protest is no evidence of one).
_WORD_FEATURES = ("v:", "n:", "a:", "lt:", "nt:", "nc:")


# Entities that stand for an actor; a place ("Kursk") is where something happens, not who acts.
ACTOR_KINDS = frozenset({"state", "igo", "ngo", "person", "organisation", "group"})


def mentions_actor(sent: Span, res: Resolver) -> bool:
    """Whether a sentence names an actor at all: only such sentences are read by the model."""
    return any(_names_actor(res, ent.start) for ent in res.sent_ents(sent))


def _names_actor(res: Resolver, i: int) -> bool:
    info = None if i in res.dateline else res.ent_of.get(i)  # Resolver.entity_at, by index
    return info is not None and info.code is not None and info.kind in ACTOR_KINDS


_WORD_TAGS = {"VERB": ("v", "lt"), "NOUN": ("n", "nt")}
_LEXICON_WORDS: dict[str, Callable[[Lexicon], Mapping[str, Entry]]] = {
    "VERB": lambda lex: lex.verbs,
    "NOUN": lambda lex: lex.nouns,
}


def sentence_features(sent: Span, res: Resolver) -> list[tuple[int, str]]:
    """(token index, feature) pairs of one sentence of the resolver's document. "A" features say that
    a phrase names a gazetteer actor (a state, organisation or person with a state: the head itself,
    "Pyongyang", or a modifier or possessor, "North Korean troops", "Russia's army"). The lexicon gives
    words their type and class, so that what the model learns of one word carries to its kin.
    Read from the parse index (plain lists), not spaCy's Token objects: it runs on every sentence."""
    lex = res.lex
    classes = lex.word_classes
    index = parse_index(sent.doc)
    deps, poses, lowers, kids = index.dep, index.pos, index.lower, index.kids
    lemmas = [lemma.lower() for lemma in index.lemma[sent.start : sent.end]]
    offset = sent.start

    def lemma_of(i: int) -> str:
        return lemmas[i - offset] if offset <= i < sent.end else index.lemma[i].lower()

    def is_actor(i: int) -> bool:
        return _names_actor(res, i) or any(
            deps[c] in ("amod", "compound", "poss") and _names_actor(res, c) for c in kids.get(i, ())
        )

    def pobj_of(i: int) -> int | None:
        return next((c for c in kids.get(i, ()) if deps[c] == "pobj"), None)

    found: list[tuple[int, str]] = []
    for i in range(sent.start, sent.end):
        pos = poses[i]
        lemma = lemmas[i - offset]
        dep_i = deps[i]
        if dep_i == "ROOT":
            found.append((i, f"root:{lemma}"))
        # The word and its lexicon type: v:/lt: for a verb, n:/nt: for a noun.
        entry = _LEXICON_WORDS[pos](lex).get(lemma) if pos in _LEXICON_WORDS else None
        if pos in _WORD_TAGS:
            word_tag, type_tag = _WORD_TAGS[pos]
            found.append((i, f"{word_tag}:{lemma}"))
            if entry is not None:
                found.append((i, f"{type_tag}:{entry.type}"))
        if pos == "VERB":
            for c in kids.get(i, ()):
                dep = deps[c]
                if dep == "neg":
                    found.append((i, f"vneg:{lemma}"))
                elif dep in _OBJECTS:
                    object_lemma = lemma_of(c)
                    found.append((i, f"vo:{lemma}:{object_lemma}"))
                    for name in classes.get(object_lemma, ()):
                        found.append((i, f"voc:{lemma}:{name}"))
                        if entry is not None:
                            found.append((i, f"ltc:{entry.type}:{name}"))
                    if is_actor(c):
                        found.append((i, f"voA:{lemma}"))
                elif dep in _PREPS:
                    prep = lowers[c]
                    found.append((i, f"vp:{lemma}:{prep}"))
                    pobj = pobj_of(c)
                    if pobj is not None:
                        found.append((i, f"vpo:{lemma}:{prep}:{lemma_of(pobj)}"))
                        if is_actor(pobj):
                            found.append((i, f"vpA:{lemma}:{prep}"))
                elif dep == "prt":
                    found.append((i, f"vprt:{lemma}:{lowers[c]}"))
                elif dep in _CLAUSES and poses[c] in ("VERB", "AUX"):
                    found.append((i, f"vx:{lemma}:{lemma_of(c)}"))
                elif dep in _SUBJECTS:
                    if is_actor(c):
                        found.append((i, f"vsA:{lemma}"))
                    if dep == "nsubjpass":
                        found.append((i, f"vpass:{lemma}"))
        elif pos == "NOUN":
            for name in classes.get(lemma, ()):
                found.append((i, f"nc:{name}"))
            for c in kids.get(i, ()):
                dep = deps[c]
                if dep == "prep":
                    prep = lowers[c]
                    found.append((i, f"np:{lemma}:{prep}"))
                    pobj = pobj_of(c)
                    if pobj is not None and is_actor(pobj):
                        found.append((i, f"npA:{lemma}:{prep}"))
                elif dep == "poss" and is_actor(c):
                    found.append((i, f"nposs:{lemma}"))
                elif dep in ("amod", "compound"):
                    found.append((i, f"nm:{lemma_of(c)}:{lemma}"))
            head = index.head[i]
            if dep_i in _OBJECTS and poses[head] == "VERB":
                found.append((i, f"nv:{lemma_of(head)}:{lemma}"))
        elif pos == "ADJ" and dep_i in ("acomp", "amod", "ROOT"):
            found.append((i, f"a:{lemma}"))
    return found


@dataclass(frozen=True)
class EventTypeModel:
    """Weights per feature (one value per type in `types`), a bias and a threshold per type. Per type
    too, how the model reviews the rules' events (None: it does not; see `review`): `veto`, the
    probability under which a rule event of the type is dropped; `doubt`, the one under which it takes
    another type the model reads with at least that type's `relabel`. And `overrule`, the probability
    from which the model's reading of a word the lexicon knows as that very type stands where the rules
    declined the word (inf: never; see `overrules`).
    How it adds events (extractors/events.py), per type from a probability (None or inf: never):
    `added_from`, a type the rules did not read beside their events in a sentence (`adds`), on a word
    outside every rule trigger's own clause unless `added_outside_clauses` is off (a k-fold variant);
    `recipientless_from`, a learned event with nobody named on the other side (`stands_alone`);
    `unsure_overrule`, per reason the rules declined a word unsure of it (triggers.UNSURE), the
    reading of that word (`overrules_unsure`). `stacked`: the features include what the rules read in
    the sentence (event_learned.rule_features), so that the model learns where the rules err. `gate`: such a
    stacked model, of its own weights, whose probability of a rule event's type is what `veto` is weighed
    against (this model's reading of a sentence the rules read, from the words alone, is low wherever
    the words are new to it; the gate's is low where the rules' reading of such words was wrong). The
    chosen values are the training script's, stored in the artefact beside the weights they were chosen for."""

    types: tuple[str, ...]
    index: dict[str, int]  # feature -> row of weights
    weights: numpy.ndarray  # (features, types)
    bias: numpy.ndarray  # (types,)
    thresholds: numpy.ndarray  # (types,)
    veto: numpy.ndarray | None = field(default=None)  # (types,)
    doubt: numpy.ndarray | None = field(default=None)  # (types,)
    relabel: numpy.ndarray | None = field(default=None)  # (types,)
    overrule: numpy.ndarray | None = field(default=None)  # (types,)
    added_from: numpy.ndarray | None = field(default=None)  # (types,)
    added_outside_clauses: bool = True
    recipientless_from: numpy.ndarray | None = field(default=None)  # (types,)
    unsure_overrule: Mapping[str, numpy.ndarray] = field(default_factory=dict)  # UNSURE reason -> (types,)
    # Trained on what the rules read as well as on the parse (event_learned.rule_features): stacked on the rules.
    stacked: bool = False
    # A stacked model whose reading of a rule event's type, not this model's, is what `veto` is weighed against.
    gate: EventTypeModel | None = None

    @functools.cached_property
    def _columns(self) -> dict[str, int]:
        return {t: c for c, t in enumerate(self.types)}

    def _reaches(self, values: numpy.ndarray | None, kind: str, probability: float) -> bool:
        """Whether `probability` reaches the per-type setting `values` for `kind` (None, a type not known,
        or inf: never)."""
        column = self._columns.get(kind)
        return values is not None and column is not None and probability >= float(values[column])

    def overrules(self, kind: str, probability: float) -> bool:
        """Whether a reading of `kind` this sure stands though the rules declined its word, which the
        lexicon knows as `kind` ("reduced its sanctions" is no sanction; the model rarely knows better)."""
        return self._reaches(self.overrule, kind, probability)

    def overrules_unsure(self, reason: str, kind: str, probability: float) -> bool:
        """Whether a reading of `kind` this sure stands on a word the rules declined unsure of it, for
        `reason` (triggers.UNSURE)."""
        return self._reaches(self.unsure_overrule.get(reason), kind, probability)

    @functools.cached_property
    def adds_beside_rules(self) -> bool:
        """Whether the model adds any type beside the rules' events (else a sentence they read is theirs)."""
        return self.added_from is not None and bool(numpy.isfinite(self.added_from).any())

    def adds(self, kind: str, probability: float) -> bool:
        """Whether a reading of `kind` this sure is added beside the rules' events of other types."""
        return self._reaches(self.added_from, kind, probability)

    def adds_any(self, probabilities: numpy.ndarray, ruled: Collection[str]) -> bool:
        """Whether a sentence with these probabilities (one per type) has a type to add beside the rules'
        events of the types `ruled`."""
        return any(t not in ruled and self.adds(t, float(p)) for t, p in zip(self.types, probabilities, strict=True))

    def stands_alone(self, kind: str, probability: float) -> bool:
        """Whether a learned event of `kind` this sure stands with nobody named on the other side."""
        return self._reaches(self.recipientless_from, kind, probability)

    @property
    def reads_rules(self) -> bool:
        """Whether the model (or its gate) weighs what the rules read in a sentence (event_learned.rule_features)."""
        return self.stacked or self.gate is not None

    @functools.cached_property
    def reviews(self) -> bool:
        """Whether `review` can change anything: a veto or doubt above 0 for some type (a probability
        is never under 0, so the shipped all-zero ones switch the review off)."""
        return any(values is not None and bool((values > 0).any()) for values in (self.veto, self.doubt))

    def probabilities(self, features: Sequence[tuple[int, str]]) -> numpy.ndarray:
        index = self.index
        rows = sorted({row for _, f in features if (row := index.get(f)) is not None})
        score = self.bias + (self.weights[rows].sum(axis=0) if rows else 0.0)
        return 1.0 / (1.0 + numpy.exp(-score))

    def review(
        self, features: Sequence[tuple[int, str]], kinds: Collection[str], rules_read: Sequence[tuple[int, str]] = ()
    ) -> dict[str, str | None]:
        """What becomes of the rules' event types `kinds` in a sentence with these features: a type the
        model finds unlikely (under its `doubt`) while it reads another type, not among `kinds`, with
        confidence (at least that type's `relabel`) becomes that type; one under its `veto` (by the gate's
        reading, if the model has one, with what the rules read, `rules_read`) is dropped (None); the
        others are left out of the answer (kept as they are)."""
        if not self.reviews or not kinds:
            return {}
        probs = self.probabilities(list(features) + list(rules_read) if self.stacked else features)
        vetoed = probs if self.gate is None else self.gate.probabilities(list(features) + list(rules_read))
        column = {t: c for c, t in enumerate(self.types)}
        others = [c for c, t in enumerate(self.types) if t not in kinds]
        best = max(others, key=lambda c: (probs[c], -c)) if others else None
        out: dict[str, str | None] = {}
        for kind in sorted(k for k in kinds if k in column):
            p = probs[column[kind]]
            if (
                self.doubt is not None
                and self.relabel is not None
                and best is not None
                and p < self.doubt[column[kind]]
                and probs[best] >= self.relabel[best]
            ):
                out[kind] = self.types[best]
            elif self.veto is not None and vetoed[column[kind]] < self.veto[column[kind]]:
                out[kind] = None
        return out

    def predict(
        self, features: Sequence[tuple[int, str]], exclude: Collection[int] = ()
    ) -> list[tuple[str, float, int]]:
        """(type, probability, evidence token index) for each type above its threshold; the evidence
        is the token whose own features weigh most for the type, among those not in `exclude` (none
        positive: not predicted)."""
        probs = self.probabilities(features)
        out: list[tuple[str, float, int]] = []
        columns = numpy.flatnonzero(probs >= self.thresholds).tolist()
        if not columns:
            return out
        index = self.index
        # Each distinct feature the model knows, of a token not excluded: (token, row, whether it is the word's own).
        read = [
            (i, row, f.startswith(_WORD_FEATURES))
            for i, f in dict.fromkeys(features)
            if (row := index.get(f)) is not None and i not in exclude
        ]
        # The weights of those rows in the predicted columns, as Python floats, one list per column: read
        # per sentence, not kept (a copy of every weight as Python floats held ~15 MB for the process's life).
        rows = numpy.array([row for _, row, _ in read], dtype=numpy.intp)
        for column, column_weights in zip(columns, self.weights[rows][:, columns].T.tolist(), strict=True):
            per_token: dict[int, float] = {}
            worded: set[int] = set()  # tokens whose word itself speaks for the type
            for (i, _, word), weight in zip(read, column_weights, strict=True):
                per_token[i] = per_token.get(i, 0.0) + weight
                if weight > 0 and word:
                    worded.add(i)
            candidates = [i for i in per_token if i in worded and per_token[i] > 0]
            if candidates:
                best = max(candidates, key=lambda i: (per_token[i], -i))
                out.append((self.types[column], float(probs[column]), best))
        return out

    def to_document(self, about: dict[str, object]) -> dict[str, object]:
        """The artefact (as JSON): weights rounded to 4 decimals, zero weights left out."""
        features: dict[str, dict[str, float]] = {}
        for feature, row in sorted(self.index.items()):
            kept = {t: round(float(w), 4) for t, w in zip(self.types, self.weights[row], strict=True)}
            kept = {t: w for t, w in kept.items() if w != 0.0}
            if kept:
                features[feature] = kept
        document: dict[str, object] = {
            "about": about,
            "types": list(self.types),
            "bias": {t: round(float(b), 4) for t, b in zip(self.types, self.bias, strict=True)},
            "thresholds": {t: round(float(v), 4) for t, v in zip(self.types, self.thresholds, strict=True)},
        }
        for name in _PER_TYPE:
            values = getattr(self, name)
            if values is not None:
                document[name] = self._per_type_document(values)
        document["added_outside_clauses"] = self.added_outside_clauses
        if self.stacked:  # (an artefact without the key is not stacked)
            document["stacked"] = True
        if self.gate is not None:  # its weights, as the model's own are stored
            gate = self.gate.to_document({})
            # Only the columns of the types the review vetoes by it: the others are never read (`review`), and
            # storing them doubled the artefact.
            veto = self.veto if self.veto is not None else numpy.zeros(len(self.types))
            vetoing = {t for t, v in zip(self.types, veto, strict=True) if v > 0}
            read = {f: {t: w for t, w in row.items() if t in vetoing} for f, row in gate["features"].items()}
            gate_features = {f: row for f, row in read.items() if row}
            document["gate"] = {"stacked": self.gate.stacked, "bias": gate["bias"], "features": gate_features}
        document["unsure_overrule"] = {
            reason: self._per_type_document(values) for reason, values in sorted(self.unsure_overrule.items())
        }
        document["features"] = features
        return document

    def _per_type_document(self, values: numpy.ndarray) -> dict[str, float]:
        """A per-type setting as JSON: a type left out takes the default (an infinite value is no JSON)."""
        return {t: round(float(v), 4) for t, v in zip(self.types, values, strict=True) if math.isfinite(v)}


# The per-type settings of the artefact and the value of a type it leaves out. An artefact from before a
# setting (no key) reads it as None: no review, no overrule, nothing added, nothing recipient-less.
_PER_TYPE = {
    "veto": 0.0,
    "doubt": 0.0,
    "relabel": math.inf,
    "overrule": math.inf,
    "added_from": math.inf,
    "recipientless_from": math.inf,
}


def _per_type(values: object, name: str, types: Sequence[str], default: float) -> numpy.ndarray:
    """One per-type setting of the artefact ({type: probability}) as an array over `types`; a type not
    known or a value that is not a probability in [0, 1] (or inf) is an error that names it."""
    if not isinstance(values, dict):
        raise ValueError(f"event type model: {name} is not a mapping of type to probability: {values!r}")
    unknown = sorted(set(values) - set(types))
    if unknown:
        raise ValueError(f"event type model: {name} names unknown event types {unknown}")
    for kind, value in values.items():
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if not number or not (0.0 <= value <= 1.0 or value == math.inf):
            raise ValueError(f"event type model: {name}[{kind}] = {value!r} is not a probability in [0, 1] or inf")
    return numpy.array([float(values.get(t, default)) for t in types])


def _weights(data: Mapping[str, Any], types: Sequence[str]) -> tuple[dict[str, int], numpy.ndarray, numpy.ndarray]:
    """The feature index, weights and bias of an artefact (or of its gate)."""
    column = {t: c for c, t in enumerate(types)}
    index = {f: row for row, f in enumerate(data["features"])}
    weights = numpy.zeros((len(index), len(types)))
    for feature, row in index.items():
        for t, w in data["features"][feature].items():
            weights[row, column[t]] = w
    bias = numpy.array([data["bias"][t] for t in types])
    return index, weights, bias


def _gate(data: object, types: tuple[str, ...]) -> EventTypeModel | None:
    """The artefact's gate (EventTypeModel.gate): its weights alone (it reads, it does not decide)."""
    if data is None:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("stacked", False), bool):
        raise ValueError("event type model: gate is not a model's bias and features (and stacked: true or false)")
    index, weights, bias = _weights(data, types)
    never = numpy.full(len(types), math.inf)
    return EventTypeModel(types, index, weights, bias, never, stacked=data.get("stacked", False))


def model_from_json(text: str) -> EventTypeModel:
    data = json.loads(text)
    types = tuple(data["types"])
    index, weights, bias = _weights(data, types)
    thresholds = _per_type(data["thresholds"], "thresholds", types, math.inf)
    settings = {
        name: _per_type(data[name], name, types, default) if name in data else None
        for name, default in _PER_TYPE.items()
    }
    unsure = data.get("unsure_overrule", {})
    if not isinstance(unsure, dict):
        raise ValueError(f"event type model: unsure_overrule is not a mapping of reason to types: {unsure!r}")
    unknown = sorted(set(unsure) - set(UNSURE))
    if unknown:
        raise ValueError(f"event type model: unsure_overrule names unknown reasons {unknown} (triggers.UNSURE)")
    unsure_overrule = {
        reason: _per_type(values, f"unsure_overrule[{reason}]", types, math.inf) for reason, values in unsure.items()
    }
    outside = data.get("added_outside_clauses", True)
    if not isinstance(outside, bool):
        raise ValueError(f"event type model: added_outside_clauses is not true or false: {outside!r}")
    stacked = data.get("stacked", False)
    if not isinstance(stacked, bool):
        raise ValueError(f"event type model: stacked is not true or false: {stacked!r}")
    return EventTypeModel(
        types,
        index,
        weights,
        bias,
        thresholds,
        **settings,
        added_outside_clauses=outside,
        unsure_overrule=unsure_overrule,
        stacked=stacked,
        gate=_gate(data.get("gate"), types),
    )


@functools.cache
def load_event_type_model() -> EventTypeModel | None:
    """The shipped model, or None when it is switched off (STORYWATCH_EVENT_MODEL=off) or absent."""
    if os.environ.get(OFF_VARIABLE, "").lower() in ("off", "0", "false", "no"):
        return None
    resource = files("extractors") / "data" / MODEL_FILE
    if not resource.is_file():
        return None
    return model_from_json(resource.read_text(encoding="utf-8"))
