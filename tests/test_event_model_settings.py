"""How the learned model adds events (EventTypeModel.added_from, added_outside_clauses, recipientless_from,
unsure_overrule): settings of the artefact, beside the weights they were chosen for, written by
scripts/train_event_types.py and read by extractors/events.py from the model it is given."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from typing import Any

import pytest
from spacy.language import Language

from extractors.event_types import EventTypeModel, load_event_type_model, model_from_json
from extractors.triggers import UNSURE_LIGHT, UNSURE_OBJECT
from tests.test_event_types import _by_type, _events, _reads


def _adding() -> EventTypeModel:
    """A one-feature model that adds events in every way the settings allow."""
    return replace(
        _reads("n:rapprochement", "COOPERATE"),
        added_from=_by_type(COOPERATE=0.7, AID=0.55),
        added_outside_clauses=False,
        recipientless_from=_by_type(MOBILIZE=0.5),
        unsure_overrule={UNSURE_OBJECT: _by_type(AID=0.6), UNSURE_LIGHT: _by_type(AGREE=0.5, SUPPORT=1.0)},
    )


def _document(model: EventTypeModel) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(json.dumps(model.to_document({"data": "test"})))
    return document


def test_the_settings_round_trip_through_the_artefact() -> None:
    document = _document(_adding())
    assert document["added_from"] == {"COOPERATE": 0.7, "AID": 0.55}
    assert document["unsure_overrule"] == {"light": {"AGREE": 0.5, "SUPPORT": 1.0}, "object": {"AID": 0.6}}
    loaded = model_from_json(json.dumps(document))
    assert loaded.adds("COOPERATE", 0.7) and not loaded.adds("COOPERATE", 0.69) and not loaded.adds("AGREE", 1.0)
    assert loaded.adds("AID", 0.55) and loaded.adds_beside_rules
    assert loaded.added_outside_clauses is False
    assert loaded.stands_alone("MOBILIZE", 0.5) and not loaded.stands_alone("DISAPPROVE", 1.0)
    assert loaded.overrules_unsure(UNSURE_OBJECT, "AID", 0.6) and not loaded.overrules_unsure(
        UNSURE_OBJECT, "AID", 0.59
    )
    assert loaded.overrules_unsure(UNSURE_LIGHT, "SUPPORT", 1.0)
    assert not loaded.overrules_unsure("doer", "AID", 1.0)
    assert _document(loaded) == document


def test_an_artefact_from_before_the_settings_adds_nothing() -> None:
    document = _document(_adding())
    for name in ("added_from", "added_outside_clauses", "recipientless_from", "unsure_overrule"):
        del document[name]
    old = model_from_json(json.dumps(document))
    assert old.added_from is None and old.recipientless_from is None and dict(old.unsure_overrule) == {}
    assert not old.adds_beside_rules and not old.adds("COOPERATE", 1.0)
    assert not old.stands_alone("MOBILIZE", 1.0)
    assert not old.overrules_unsure(UNSURE_OBJECT, "AID", 1.0)
    # A setting that names no type is "never" too; inf (JSON's Infinity) is "never" spelled out.
    document["added_from"] = {}
    document["recipientless_from"] = {"MOBILIZE": math.inf}
    named_none = model_from_json(json.dumps(document))
    assert not named_none.adds_beside_rules and not named_none.stands_alone("MOBILIZE", 1.0)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("added_from", {"PARADE": 0.5}, r"added_from names unknown event types \['PARADE'\]"),
        ("recipientless_from", {"MOBILIZE": 1.5}, r"recipientless_from\[MOBILIZE\] = 1.5 is not a probability"),
        ("added_from", {"COOPERATE": -0.1}, r"added_from\[COOPERATE\] = -0.1 is not a probability"),
        ("added_from", {"COOPERATE": "0.7"}, r"added_from\[COOPERATE\] = '0.7' is not a probability"),
        ("added_from", {"COOPERATE": True}, r"added_from\[COOPERATE\] = True is not a probability"),
        ("added_from", {"COOPERATE": math.nan}, r"added_from\[COOPERATE\] = nan is not a probability"),
        ("added_from", [0.7], r"added_from is not a mapping of type to probability"),
        ("unsure_overrule", {"mood": {"AID": 0.5}}, r"unsure_overrule names unknown reasons \['mood'\]"),
        ("unsure_overrule", {"object": {"AID": 2}}, r"unsure_overrule\[object\]\[AID\] = 2 is not a probability"),
        ("unsure_overrule", {"object": {"FLY": 0.5}}, r"unsure_overrule\[object\] names unknown event types"),
        ("added_outside_clauses", "yes", r"added_outside_clauses is not true or false"),
        ("veto", {"AID": 9.0}, r"veto\[AID\] = 9.0 is not a probability"),
    ],
)
def test_a_bad_setting_is_an_error_that_names_it(name: str, value: object, message: str) -> None:
    document = _document(_adding())
    document[name] = value
    with pytest.raises(ValueError, match=message):
        model_from_json(json.dumps(document))


# Rules read the rebuke (DISAPPROVE); the joint exercises stand in a clause of their own, which the shipped
# model reads as COOPERATE and adds beside the rules' event from its added_from. (Extractor 27's model read
# "the joint military drills … grew in scale" so too; extractor 28's, retrained on more news, no longer does.)
REBUKE = "Chile rebuked Bolivia over the dispute; the joint naval exercises of Chile and Peru grew in scale."


def test_the_shipped_model_adds_a_cooperation_beside_a_rule_event_from_its_settings(nlp: Language) -> None:
    shipped = load_event_type_model()
    assert shipped is not None
    rules = [("DISAPPROVE", "CHL", "BOL")]
    assert _events(nlp, REBUKE, None) == rules
    assert _events(nlp, REBUKE, shipped) == [*rules, ("COOPERATE", "CHL", "PER"), ("COOPERATE", "PER", "CHL")]
    # The same weights with no type added, or COOPERATE only from a probability it does not reach: the rules'
    # reading stands alone.
    assert _events(nlp, REBUKE, replace(shipped, added_from=None)) == rules
    assert _events(nlp, REBUKE, replace(shipped, added_from=_by_type(COOPERATE=0.98))) == rules


def test_an_event_is_added_inside_a_triggers_clause_only_without_the_own_clause_condition(nlp: Language) -> None:
    # The k-fold's variant "extra-anywhere": the condition is a setting of the model, not a patched function.
    inside = "Norway criticised Sweden's rapprochement with Finland."
    rapprochement = _reads("n:rapprochement", "COOPERATE")
    assert rapprochement.added_outside_clauses
    assert _events(nlp, inside, rapprochement) == [("DISAPPROVE", "NOR", "SWE")]
    anywhere = replace(rapprochement, added_outside_clauses=False)
    assert ("COOPERATE", "SWE", "FIN") in _events(nlp, inside, anywhere)
