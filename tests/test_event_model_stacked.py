"""The learned model stacked on the rules (EventTypeModel.stacked) and the gate (EventTypeModel.gate): what
the rules read in a sentence (event_learned.rule_features) as features beside the parse's, so that a veto of the
rules' events (EventTypeModel.review) weighs where they err; and the training script's plumbing for it
(Sample.rules, fit(stacked=..., gated=...), the parse cache, the sparse products of the fit)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import numpy
import pytest
from spacy.language import Language

from extractors.event_types import EventTypeModel, model_from_json
from extractors.events import extract_events
from extractors.gazetteer import load_gazetteer
from extractors.lexicon import PLOVER_TYPES, load_lexicon
from extractors.resolution import Resolver
from tests.test_event_types import _by_type, _events, train_script  # noqa: F401 (a fixture)

# Rules read a condemnation (DISAPPROVE) with its target; a second sentence names nobody.
CENSURE = "Peru condemned Ecuador's missile test. The weather was mild."


def _rules_read(nlp: Language, text: str) -> dict[int, list[tuple[int, str]]]:
    doc = nlp(text)
    gazetteer = load_gazetteer()
    read: dict[int, list[tuple[int, str]]] = {}
    extract_events(doc, gazetteer, resolver=Resolver(doc, gazetteer, load_lexicon()), type_model=None, rules_read=read)
    return read


def _stacked_veto(feature: str, kind: str) -> EventTypeModel:
    """A model that finds every type likely but `kind` wherever `feature` is, and drops a rule event of a
    type under 0.5 (a veto)."""
    weights = numpy.zeros((1, len(PLOVER_TYPES)))
    weights[0, PLOVER_TYPES.index(kind)] = -100.0
    return EventTypeModel(
        PLOVER_TYPES,
        {feature: 0},
        weights,
        numpy.full(len(PLOVER_TYPES), 50.0),
        numpy.full(len(PLOVER_TYPES), numpy.inf),  # reads nothing of its own
        veto=numpy.full(len(PLOVER_TYPES), 0.5),
        doubt=numpy.zeros(len(PLOVER_TYPES)),
        relabel=numpy.full(len(PLOVER_TYPES), numpy.inf),
        stacked=True,
    )


def test_the_rules_reading_of_each_sentence_is_recorded(nlp: Language) -> None:
    read = _rules_read(nlp, CENSURE)
    first, second = sorted(read)
    features = {f for _, f in read[first]}
    assert {"r:DISAPPROVE", "rm:DISAPPROVE:-"} <= features
    assert "rb:DISAPPROVE" not in features  # Ecuador is named on the other side
    assert read[second] == []
    # Anchored to no token: what the rules read is never a learned event's evidence.
    assert {i for i, _ in read[first]} == {-1}


def test_a_stacked_model_vetoes_a_rule_event_by_what_the_rules_read(nlp: Language) -> None:
    rules = _events(nlp, CENSURE, None)
    assert ("DISAPPROVE", "PER", "ECU") in rules
    vetoing = _stacked_veto("r:DISAPPROVE", "DISAPPROVE")
    assert ("DISAPPROVE", "PER", "ECU") not in _events(nlp, CENSURE, vetoing)
    # Not stacked, the model never sees the rules' reading: it finds the type likely and keeps the event.
    assert _events(nlp, CENSURE, replace(vetoing, stacked=False)) == rules
    # Nor does the reading of another type weigh on this one.
    assert _events(nlp, CENSURE, _stacked_veto("r:AID", "DISAPPROVE")) == rules


def _gated(feature: str, kind: str) -> EventTypeModel:
    """A model that reads nothing itself and vetoes by a gate that finds `kind` unlikely where `feature` is."""
    gate = _stacked_veto(feature, kind)
    return replace(gate, index={}, weights=numpy.zeros((0, len(PLOVER_TYPES))), stacked=False, gate=gate)


def test_a_gated_model_vetoes_a_rule_event_by_its_gates_reading(nlp: Language) -> None:
    rules = _events(nlp, CENSURE, None)
    gated = _gated("r:DISAPPROVE", "DISAPPROVE")
    assert gated.reads_rules and not gated.stacked
    assert ("DISAPPROVE", "PER", "ECU") not in _events(nlp, CENSURE, gated)
    # Its own reading (every type likely) is not what the veto weighs: without the gate, the event stands.
    assert _events(nlp, CENSURE, replace(gated, gate=None)) == rules
    assert _events(nlp, CENSURE, _gated("r:AID", "DISAPPROVE")) == rules


def test_the_gate_round_trips_through_the_artefact() -> None:
    model = _gated("r:DISAPPROVE", "DISAPPROVE")
    document = json.loads(json.dumps(model.to_document({"data": "test"})))
    assert set(document["gate"]) == {"stacked", "bias", "features"}
    loaded = model_from_json(json.dumps(document))
    assert loaded.gate is not None and loaded.gate.stacked and loaded.gate.index == {"r:DISAPPROVE": 0}
    assert loaded.review([], {"DISAPPROVE", "AID"}, [(-1, "r:DISAPPROVE")]) == {"DISAPPROVE": None}
    assert json.loads(json.dumps(loaded.to_document({"data": "test"}))) == document
    document["gate"] = [1, 2]
    with pytest.raises(ValueError, match="gate is not a model's bias and features"):
        model_from_json(json.dumps(document))
    del document["gate"]
    assert model_from_json(json.dumps(document)).gate is None


def test_the_artefact_keeps_only_the_gates_columns_the_review_reads() -> None:
    # The gate is read only for a veto (EventTypeModel.review): a type the model never vetoes needs no gate weights.
    gate = _stacked_veto("r:DISAPPROVE", "DISAPPROVE")
    gate.weights[0, PLOVER_TYPES.index("AID")] = 3.0  # a weight of a type with no veto
    veto = numpy.zeros(len(PLOVER_TYPES))
    veto[PLOVER_TYPES.index("DISAPPROVE")] = 0.5
    model = replace(gate, stacked=False, veto=veto, gate=replace(gate, veto=None))
    document = json.loads(json.dumps(model.to_document({"data": "test"})))
    assert document["gate"]["features"] == {"r:DISAPPROVE": {"DISAPPROVE": -100.0}}
    loaded = model_from_json(json.dumps(document))
    assert loaded.review([], {"DISAPPROVE", "AID"}, [(-1, "r:DISAPPROVE")]) == {"DISAPPROVE": None}
    # The shipped artefact: every gate weight is of a type the review vetoes.
    shipped = json.loads((Path(__file__).parents[1] / "extractors" / "data" / "event_type_model.json").read_text())
    vetoing = {t for t, v in shipped["veto"].items() if v > 0}
    assert vetoing and all(set(row) <= vetoing for row in shipped["gate"]["features"].values())


def test_stacked_round_trips_through_the_artefact_and_an_old_one_is_not() -> None:
    model = replace(_stacked_veto("r:AID", "AID"), added_from=_by_type(COOPERATE=0.7))
    document = json.loads(json.dumps(model.to_document({"data": "test"})))
    assert document["stacked"] is True and model_from_json(json.dumps(document)).stacked
    del document["stacked"]
    assert not model_from_json(json.dumps(document)).stacked
    assert "stacked" not in replace(model, stacked=False).to_document({"data": "test"})
    document["stacked"] = "yes"
    with pytest.raises(ValueError, match="stacked is not true or false"):
        model_from_json(json.dumps(document))


def test_fit_reads_the_rules_only_when_stacked(train_script: ModuleType) -> None:  # noqa: F811
    sample = train_script.Sample
    samples = [
        sample("a", "news-train", [(0, "v:visit")], frozenset({"CONSULT"}), [(-1, "r:CONSULT")]),
        sample("a", "news-train", [(0, "v:visit")], frozenset(), [(-1, "r:CONSULT"), (-1, "rh:CONSULT")]),
        sample("b", "news-train", [(0, "v:visit")], frozenset(), [(-1, "r:CONSULT"), (-1, "rh:CONSULT")]),
        sample("b", "news-train", [(0, "v:visit")], frozenset({"CONSULT"}), [(-1, "r:CONSULT")]),
    ]
    plain = train_script.fit(samples, epochs=20, stacked=False)
    stacked = train_script.fit(samples, epochs=20, stacked=True)
    assert set(plain.index) == {"v:visit"} and not plain.stacked
    assert set(stacked.index) == {"v:visit", "r:CONSULT", "rh:CONSULT"} and stacked.stacked
    # A hedged rule event is where the rules err here: the stacked model learns it.
    consult = PLOVER_TYPES.index("CONSULT")
    assert stacked.weights[stacked.index["rh:CONSULT"], consult] < 0
    # Gated: the model of the words alone, its gate the stacked one.
    gated = train_script.fit(samples, epochs=20, stacked=False, gated=True)
    assert set(gated.index) == {"v:visit"} and gated.gate is not None and gated.gate.stacked
    assert numpy.array_equal(gated.gate.weights, stacked.weights) and gated.gate.gate is None
    # The gate's veto holds for the types the script names (VETO_TYPES) and no other, scaled down for the
    # types of VETO_SCALE (force and shows of force: vetoed only where the gate is nearly sure).
    vetoing = train_script.fit(samples, epochs=20, gated=True, review=(0.4, 0.0, 1.0))
    assert vetoing.veto is not None
    veto = dict(zip(PLOVER_TYPES, (float(v) for v in vetoing.veto), strict=True))
    assert {t for t, v in veto.items() if v > 0} == set(train_script.VETO_TYPES)
    assert train_script.VETO_SCALE and set(train_script.VETO_SCALE) <= set(train_script.VETO_TYPES)
    for kind in train_script.VETO_TYPES:
        assert veto[kind] == pytest.approx(0.4 * train_script.VETO_SCALE.get(kind, 1.0))
    assert veto["ASSAULT"] < veto["DISAPPROVE"]


def test_the_sparse_products_of_the_fit_are_the_dense_ones(train_script: ModuleType) -> None:  # noqa: F811
    rows = [[0, 3], [], [1, 2, 3], [3]]
    dense = numpy.zeros((4, 5))
    for r, cols in enumerate(rows):
        dense[r, cols] = 1.0
    matrix = numpy.arange(10.0).reshape(5, 2)
    error = numpy.arange(8.0).reshape(4, 2) - 3.0
    binary = train_script._BinaryRows(rows, 5)
    assert numpy.allclose(binary.times(matrix), dense @ matrix)
    assert numpy.allclose(binary.transposed_times(error), dense.T @ error)


def test_a_cached_parse_is_the_parse(
    train_script: ModuleType,  # noqa: F811
    nlp: Language,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(train_script, "PARSE_CACHE_DIR", tmp_path)
    texts = ["Chile and Peru signed a trade accord in Lima.", "Mongolia hosted the Kazakh president."]
    fresh = train_script._parses(nlp, texts)
    assert len(list(tmp_path.glob("*.spacy"))) == 1
    cached = train_script._parses(nlp, texts)
    for a, b in zip(fresh, cached, strict=True):
        assert [(t.text, t.lemma_, t.pos_, t.dep_, t.head.i) for t in a] == [
            (t.text, t.lemma_, t.pos_, t.dep_, t.head.i) for t in b
        ]
        assert [(e.text, e.label_, e.ent_id_) for e in a.ents] == [(e.text, e.label_, e.ent_id_) for e in b.ents]
        assert [s.start for s in a.sents] == [s.start for s in b.sents]
    # Other texts: another parse.
    train_script._parses(nlp, texts[:1])
    assert len(list(tmp_path.glob("*.spacy"))) == 2
