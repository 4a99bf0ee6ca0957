"""The learned event-type model (extractors/event_types.py, trained by scripts/train_event_types.py) and
its hook after the rules in extractors/events.py; bench.eval --news-file, which scores training files."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy
import pytest
from spacy.language import Language

from bench.eval import NEWS_DIR, main
from extractors import event_learned, event_types
from extractors import events as events_module
from extractors.event_types import EventTypeModel, load_event_type_model
from extractors.events import extract_events
from extractors.gazetteer import load_gazetteer
from extractors.lexicon import PLOVER_TYPES, load_lexicon
from extractors.resolution import Resolver

REPO_ROOT = Path(__file__).resolve().parents[1]
SCRIPT = REPO_ROOT / "scripts" / "train_event_types.py"


@pytest.fixture(scope="module")
def train_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_event_types", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_event_types"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def _parsed(nlp: Language, text: str) -> tuple[Resolver, list[tuple[int, str]]]:
    doc = nlp(text)
    res = Resolver(doc, load_gazetteer(), load_lexicon())
    features = [f for sent in res.sentences for f in event_types.sentence_features(sent, res)]
    return res, features


def test_the_shipped_model_loads_and_says_what_it_was_trained_on() -> None:
    model = load_event_type_model()
    assert model is not None, "extractors/data/event_type_model.json is missing: run scripts/train_event_types.py"
    assert model.types == PLOVER_TYPES
    assert model.weights.shape == (len(model.index), len(PLOVER_TYPES))
    assert all(0.0 < t < 1.0 for t in model.thresholds)
    about = json.loads((REPO_ROOT / "extractors" / "data" / "event_type_model.json").read_text())["about"]
    trained_on = {entry["file"] for entry in about["data"]}
    assert "tests/gold/dev.jsonl" in trained_on
    # Never the tuning and check sets, nor the own-gold holdouts.
    assert not trained_on & {
        "bench/data/news/dev.jsonl",
        "bench/data/news/heldout.jsonl",
        "bench/data/news/dev2.jsonl",
        "bench/data/news/heldout3.jsonl",
    }
    assert not any("holdout" in name for name in trained_on)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chinese Foreign Minister Wang Yi held talks with Sergei Lavrov in Beijing on Tuesday.", "CONSULT"),
        ("Pyongyang has shipped thousands of artillery shells to Moscow since the summer.", "AID"),
        ("The South Korean government strongly condemned North Korea's latest missile launch.", "DISAPPROVE"),
    ],
)
def test_it_reads_the_obvious_type(nlp: Language, text: str, expected: str) -> None:
    model = load_event_type_model()
    assert model is not None
    _, features = _parsed(nlp, text)
    probabilities = dict(zip(model.types, model.probabilities(features), strict=True))
    assert max(probabilities, key=probabilities.__getitem__) == expected
    assert expected in {kind for kind, _, _ in model.predict(features)}


# The settings of how the model adds events (beside the rules', with no recipient, over an unsure decline).
ADDING = ("added_from", "added_outside_clauses", "recipientless_from", "unsure_overrule")


def _shipped_adding() -> dict[str, Any]:
    """How the shipped model adds events: the hand-made models here add them so too."""
    shipped = load_event_type_model()
    assert shipped is not None
    return {name: getattr(shipped, name) for name in ADDING}


def _by_type(**values: float) -> numpy.ndarray:
    """A per-type setting from the types named (the others: inf, never)."""
    return numpy.array([values.get(t, numpy.inf) for t in PLOVER_TYPES])


def _always(features: list[tuple[int, str]]) -> EventTypeModel:
    """A model that reads every type in every sentence, with every word as evidence for it."""
    names = sorted({f for _, f in features})
    return EventTypeModel(
        PLOVER_TYPES,
        {f: row for row, f in enumerate(names)},
        numpy.ones((len(names), len(PLOVER_TYPES))),
        numpy.full(len(PLOVER_TYPES), 50.0),
        numpy.full(len(PLOVER_TYPES), 0.5),
        **_shipped_adding(),
    )


def _reads(feature: str, kind: str) -> EventTypeModel:
    """A model that reads one type wherever one feature is, and adds events as the shipped one does."""
    column = PLOVER_TYPES.index(kind)
    weights = numpy.zeros((1, len(PLOVER_TYPES)))
    weights[0, column] = 100.0
    bias = numpy.full(len(PLOVER_TYPES), -50.0)
    return EventTypeModel(
        PLOVER_TYPES, {feature: 0}, weights, bias, numpy.full(len(PLOVER_TYPES), 0.5), **_shipped_adding()
    )


def _events(nlp: Language, text: str, model: EventTypeModel | None) -> list[tuple[str, str, str | None]]:
    doc = nlp(text)
    gazetteer = load_gazetteer()
    found = extract_events(doc, gazetteer, resolver=Resolver(doc, gazetteer, load_lexicon()), type_model=model)
    return [(e.event_type, e.actor_id, e.recipient_id) for e in found]


def test_it_never_fires_on_a_sentence_without_an_actor(nlp: Language) -> None:
    text = "The talks were held in a friendly atmosphere, and the soldiers were later sent home."
    res, features = _parsed(nlp, text)
    assert not event_types.mentions_actor(res.sentences[0], res)
    assert _events(nlp, text, _always(features)) == []


def test_it_adds_events_where_the_rules_find_none_and_not_where_they_do(nlp: Language) -> None:
    # No lexicon word: the rules find nothing; a model that reads AID off "troops" makes the event,
    # its actor and recipient read by the rules' helpers (which shows the test above could fail).
    quiet = "North Korean troops were already in Russia's Kursk region."
    assert _events(nlp, quiet, None) == []
    assert _events(nlp, quiet, _reads("n:troop", "AID")) == [("AID", "PRK", "RUS")]
    # Denied, or aimed at nobody named: no event.
    assert _events(nlp, "No North Korean troops were in Russia's Kursk region.", _reads("n:troop", "AID")) == []
    assert _events(nlp, "North Korean troops were already training.", _reads("n:troop", "AID")) == []
    # Where the rules read the sentence, their reading stands.
    read = "Russia and North Korea signed a mutual defence treaty in Pyongyang."
    _, features = _parsed(nlp, read)
    rules = _events(nlp, read, None)
    assert rules
    assert _events(nlp, read, _always(features)) == rules


def test_training_is_deterministic(train_script: ModuleType) -> None:
    sample = train_script.Sample
    samples = [
        sample("a", "news-train", [(0, "v:meet"), (2, "vpA:meet:with")], frozenset({"CONSULT"})),
        sample("a", "news-train", [(0, "v:meet"), (1, "n:leader")], frozenset({"CONSULT"})),
        sample("b", "news-train", [(0, "v:condemn"), (3, "n:launch")], frozenset({"DISAPPROVE"})),
        sample("b", "news-train", [(0, "v:condemn"), (1, "n:leader")], frozenset({"DISAPPROVE"})),
        sample("c", "own gold", [(0, "v:say"), (1, "n:leader")], frozenset()),
        sample("c", "own gold", [(0, "v:say"), (3, "n:launch")], frozenset()),
    ]
    about = {"data": "test"}
    first = train_script.fit(samples, epochs=50).to_document(about)
    assert train_script.fit(list(samples), epochs=50).to_document(about) == first
    model = event_types.model_from_json(json.dumps(first))
    assert set(model.index) == {"v:meet", "v:condemn", "v:say", "n:leader", "n:launch"}  # seen twice or more
    assert model.probabilities([(0, "v:meet")])[PLOVER_TYPES.index("CONSULT")] > 0.5
    assert model.probabilities([(0, "v:say")])[PLOVER_TYPES.index("CONSULT")] < 0.5
    # Other data, other weights.
    relabelled = [replace(s, labels=frozenset({"AGREE"})) if s.doc == "a" else s for s in samples]
    assert train_script.fit(relabelled, epochs=50).to_document(about) != first


@pytest.mark.slow
def test_the_committed_model_is_what_the_training_data_give(train_script: ModuleType) -> None:
    assert train_script.main(["--check"]) == 0, "retrain: python scripts/train_event_types.py"


def test_news_file_scores_any_file_as_its_own_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], nlp: Language
) -> None:
    rows = [
        {
            "id": "t1-0",
            "text": "Russia and North Korea signed a mutual defence treaty in Pyongyang.",
            "doc": "https://example.org/a",
            "events": [{"event_type": "AGREE", "actor_id": "RUS", "recipient_id": "PRK"}],
            "quotes": [],
            "claims": [],
        },
        {
            "id": "t1-1",
            "text": "The weather in the capital was mild.",
            "doc": "https://example.org/a",
            "events": [],
            "quotes": [],
            "claims": [],
        },
    ]
    path = tmp_path / "mine.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert main(["--news-file", str(path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert list(result) == [str(path)]
    assert result[str(path)]["sentences"] == 2
    assert result[str(path)]["figures"]["event type"]["tp"] == 1
    assert "misses" in result[str(path)]


def test_news_file_refuses_a_broken_line_and_the_check_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "text": "A."}\n{not json\n', encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["--news-file", str(broken)])
    assert "broken.jsonl:2: not a JSON line" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--news-file", str(NEWS_DIR / "heldout.jsonl")])
    assert "held-out check set" in capsys.readouterr().err


def test_a_learned_event_without_a_parsed_recipient_takes_the_one_other_actor_named(nlp: Language) -> None:
    # "fume" is no lexicon word and its clause has no object: the other side is the one other actor
    # the sentence names.
    fumed = _reads("v:fume", "DISAPPROVE")
    named = "China fumed for days after the drills, and South Korea was the target of its anger."
    assert _events(nlp, named, None) == []
    assert _events(nlp, named, fumed) == [("DISAPPROVE", "CHN", "KOR")]
    # Whoever reports it is not the other side: no recipient, no event.
    assert _events(nlp, "China fumed for days after the drills, South Korean officials said.", fumed) == []
    assert _events(nlp, "China fumed for days after the drills, according to South Korea's Yonhap agency.", fumed) == []
    # Two other states named: which one is meant is not known, so no event.
    assert _events(nlp, "China fumed for days as South Korea and Japan looked on.", fumed) == []


def _reviewing(model: EventTypeModel, *, veto: float = 0.0, doubt: float = 0.0, relabel: float = 0.5) -> EventTypeModel:
    width = len(PLOVER_TYPES)
    return replace(
        model, veto=numpy.full(width, veto), doubt=numpy.full(width, doubt), relabel=numpy.full(width, relabel)
    )


def test_the_model_reviews_the_rules_events_by_its_confident_readings(nlp: Language) -> None:
    text = "Russia and North Korea signed a mutual defence treaty in Pyongyang."
    rules = _events(nlp, text, None)
    assert {kind for kind, _, _ in rules} == {"AGREE"}
    # A model that reads the sentence as COOPERATE with confidence, and AGREE as unlikely: the rules'
    # events take its type, with their actor and recipient.
    cooperate = _reads("v:sign", "COOPERATE")
    assert _events(nlp, text, _reviewing(cooperate, doubt=0.1, relabel=0.9)) == [
        ("COOPERATE", actor, recipient) for _, actor, recipient in rules
    ]
    # Not confident enough in the other reading, or not doubtful enough of the rules' own: they stand.
    assert _events(nlp, text, _reviewing(cooperate, doubt=0.1, relabel=1.1)) == rules
    assert _events(nlp, text, _reviewing(cooperate, doubt=0.0, relabel=0.9)) == rules
    # A model that agrees with the rules changes nothing; under a veto with no other reading, dropped.
    agree = _reads("v:sign", "AGREE")
    assert _events(nlp, text, _reviewing(agree, doubt=0.1, relabel=0.9)) == rules
    assert _events(nlp, text, _reviewing(_reads("v:nothing", "AGREE"), veto=0.1)) == []


def test_a_review_of_zero_veto_and_doubt_reads_no_features(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    """A probability is never under 0: a model whose veto and doubt are all 0 (as shipped) reviews
    nothing, so the rules' events are not even read for it; one with a veto does read them."""
    text = "Russia and North Korea signed a mutual defence treaty in Pyongyang."
    off = _reviewing(_reads("v:nothing", "AGREE"))
    assert not off.reviews and _reviewing(off, veto=0.1).reviews
    rules = _events(nlp, text, None)
    read: list[int] = []
    real = events_module.sentence_features

    def counting(sent, res):  # type: ignore[no-untyped-def]
        read.append(sent.start)
        return real(sent, res)

    monkeypatch.setattr(events_module, "sentence_features", counting)
    assert _events(nlp, text, off) == rules and read == []
    assert _events(nlp, text, _reviewing(off, veto=0.1)) == [] and read


def test_the_review_round_trips_through_the_artefact() -> None:
    model = _reviewing(_reads("v:sign", "COOPERATE"), veto=0.01, doubt=0.1, relabel=0.8)
    loaded = event_types.model_from_json(json.dumps(model.to_document({"data": "test"})))
    assert loaded.veto is not None and loaded.doubt is not None and loaded.relabel is not None
    assert list(loaded.veto) == [0.01] * len(PLOVER_TYPES)
    assert loaded.review([(0, "v:sign")], {"AGREE"}) == {"AGREE": "COOPERATE"}
    assert loaded.review([(0, "v:sign")], {"COOPERATE"}) == {}
    assert loaded.review([], {"AGREE"}) == {"AGREE": None}
    # A model without a review (an artefact from before it) reviews nothing.
    plain = event_types.model_from_json(json.dumps(_reads("v:sign", "COOPERATE").to_document({})))
    assert plain.review([(0, "v:sign")], {"AGREE"}) == {}


def test_a_learned_event_whose_word_has_no_actor_takes_the_two_actors_the_sentence_names(nlp: Language) -> None:
    # The evidence word stands where the role helpers find no actor (a subject noun, a noun of a
    # reported clause): a sentence naming exactly two actors besides its source reads the first
    # towards the second.
    between = "The rapprochement between Pyongyang and Moscow has alarmed analysts."
    assert _events(nlp, between, None) == []
    assert _events(nlp, between, _reads("n:rapprochement", "COOPERATE")) == [("COOPERATE", "PRK", "RUS")]
    # Whoever reports it is neither side.
    shipped = "Ukraine said the latest shipment had come from North Korea to Russia by rail."
    assert _events(nlp, shipped, None) == []
    assert _events(nlp, shipped, _reads("n:shipment", "AID")) == [("AID", "PRK", "RUS")]
    # Three actors named: which two are meant is not known, so no event.
    three = "The rapprochement between Pyongyang, Beijing and Moscow has alarmed analysts."
    assert _events(nlp, three, _reads("n:rapprochement", "COOPERATE")) == []


def test_a_learned_event_whose_word_has_no_actor_takes_the_subject_of_its_clause(nlp: Language) -> None:
    # "rapprochement" hangs off a preposition: its actor is the subject of the clause above it, its
    # other side the one other actor named.
    hoped = _reads("n:rapprochement", "COOPERATE")
    toward = "China is working toward a rapprochement with South Korea."
    assert _events(nlp, toward, None) == []
    assert _events(nlp, toward, hoped) == [("COOPERATE", "CHN", "KOR")]
    waits = "China hopes for a rapprochement in the coming months, while South Korea waits."
    assert _events(nlp, waits, hoped) == [("COOPERATE", "CHN", "KOR")]


def test_a_learned_event_takes_no_actor_from_whoever_sees_or_reports_it(nlp: Language) -> None:
    # The object of a verb of seeing is what was seen: the seer is not its doer (news-dev had
    # "Seoul spotted … containers being shipped" as AID from Seoul).
    seen = _reads("n:dozen", "AID")
    spotted = "Seoul spotted dozens of cargo containers bound for Russia at the port of Rajin, Seoul said."
    assert _events(nlp, spotted, seen) == []
    # "there are N troops in X": the troops are the clause's subject; the states that report it are
    # no actor of it.
    counted = _reads("n:soldier", "AID")
    reported = "Japan and South Korea have said there are more than 9,000 North Korean soldiers in Russia now."
    assert ("AID", "JPN", "RUS") not in _events(nlp, reported, counted)
    assert ("AID", "KOR", "RUS") not in _events(nlp, reported, counted)


def _overruling(model: EventTypeModel, **overrule: float) -> EventTypeModel:
    return replace(model, overrule=_by_type(**overrule))


def test_a_sure_reading_of_a_word_the_rules_declined_stands_from_its_types_overrule(nlp: Language) -> None:
    # "talks" is a CONSULT noun of the lexicon, but the rules make no event of it here (no actor of
    # their own roles); the model's reading of it is dropped as the rules' call, unless the model is at
    # least as sure as CONSULT's overrule, when the learned fallbacks read the pair the sentence names.
    text = "Officials from Moscow and Pyongyang wrapped up two days of talks on railway links."
    talks = _reads("n:talk", "CONSULT")
    assert _events(nlp, text, None) == []
    assert _events(nlp, text, talks) == []
    assert _events(nlp, text, _overruling(talks, CONSULT=0.5)) == [("CONSULT", "RUS", "PRK"), ("CONSULT", "PRK", "RUS")]
    # Another type's overrule, or one above what the model gives (a weaker model: about 0.73), keeps it.
    assert _events(nlp, text, _overruling(talks, AID=0.5)) == []
    weaker = replace(talks, bias=numpy.full(len(PLOVER_TYPES), -99.0))
    assert 0.7 < weaker.probabilities([(0, "n:talk")])[PLOVER_TYPES.index("CONSULT")] < 0.8
    assert _events(nlp, text, _overruling(weaker, CONSULT=0.8)) == []
    assert _events(nlp, text, _overruling(weaker, CONSULT=0.7)) == [
        ("CONSULT", "RUS", "PRK"),
        ("CONSULT", "PRK", "RUS"),
    ]
    # Denied, it stays no event however sure the model is.
    denied = "Officials from Moscow and Pyongyang did not wrap up their talks on railway links."
    assert _events(nlp, denied, _overruling(talks, CONSULT=0.5)) == []


def test_the_overrule_round_trips_through_the_artefact() -> None:
    model = _overruling(_reads("n:talk", "CONSULT"), CONSULT=0.5)
    loaded = event_types.model_from_json(json.dumps(model.to_document({"data": "test"})))
    assert loaded.overrules("CONSULT", 0.5) and not loaded.overrules("CONSULT", 0.49)
    assert not loaded.overrules("AID", 1.0)
    # An artefact from before the overrule never overrules.
    plain = event_types.model_from_json(json.dumps(_reads("n:talk", "CONSULT").to_document({})))
    assert plain.overrule is None and not plain.overrules("CONSULT", 1.0)


def test_a_learned_aid_of_troops_a_state_uses_is_lent_by_the_troops_state(nlp: Language) -> None:
    # Troops a verb of using forces acts on (lexicon force_users) are their own state's aid to whoever
    # uses them, as "Russia deployed North Korean troops" reads (README "Troops"); before, the user acted
    # on the troops' state.
    used = "Russian officers were using the North Korean troops as shock units in the Kursk offensive."
    assert _events(nlp, used, None) == []
    assert _events(nlp, used, _reads("n:troop", "AID")) == [("AID", "PRK", "RUS")]
    thrown = "Russian commanders kept throwing North Korean infantry into frontal assaults near Kursk."
    assert _events(nlp, thrown, _reads("n:commander", "AID")) == [("AID", "PRK", "RUS")]
    # Near-misses, unchanged: training troops is aid to them; backing up another's units, and troops
    # moving to another's ground, are the mover's aid.
    trained = "Belarusian officers were training Russian troops near Minsk."
    assert _events(nlp, trained, _reads("n:troop", "AID")) == [("AID", "BLR", "RUS")]
    backed = "Belarus brought thousands of troops to the border region to back up the Russian units there."
    assert _events(nlp, backed, _reads("n:troop", "AID")) == [("AID", "BLR", "RUS")]
    arrived = "The first group of North Korean troops reached Russia's Kursk region this week."
    assert _events(nlp, arrived, _reads("n:troop", "AID")) == [("AID", "PRK", "RUS")]


def test_a_learned_aid_between_states_at_war_is_no_event(nlp: Language) -> None:
    # Forces sent against a belligerent (lexicon belligerents) are no aid to it.
    against = (
        "Russia brought tens of thousands of troops to the Kursk region to throw back the Ukrainian units who "
        "advanced there."
    )
    assert _events(nlp, against, None) == []
    assert _events(nlp, against, _reads("n:troop", "AID")) == []
    # Near-miss: the same between states not at war stands.
    ally = "Belarus brought thousands of troops to the border region to back up the Russian units there."
    assert _events(nlp, ally, _reads("n:troop", "AID")) == [("AID", "BLR", "RUS")]


def test_cv_files_scores_only_the_named_files(train_script: ModuleType, tmp_path: Path) -> None:
    """`--cv-files crit,diplo` scores the articles of those files only (their rows' `_line` names them)."""
    from bench.eval import documents, load_gold_file

    rows = []
    for name in ("crit", "world1"):
        path = tmp_path / f"{name}.jsonl"
        line = {"id": f"{name}-1", "text": "Seoul condemned the launch.", "doc": f"https://example.org/{name}"}
        path.write_text(json.dumps(line) + "\n", encoding="utf-8")
        rows += load_gold_file(path, "news-train")
    items = [train_script.Parsed(gold=doc, doc=None, rows={}) for doc in documents(rows)]
    assert [train_script._scored(i, {"crit"}) for i in items] == [True, False]
    assert [train_script._scored(i, set()) for i in items] == [True, True]
    assert [train_script._scored(i, {"crit", "world1"}) for i in items] == [True, True]


# A sentence where the rules find one event (Ghana's condemnation) and a word they do not read stands in a
# clause of its own ("while ..."): what the model may add beside the rules' event (EventTypeModel.added_from).
BESIDE = "Ghana condemned Togo's border closure, while Ghana's rapprochement with Burkina Faso continued."


def test_a_type_the_rules_did_not_read_is_added_beside_theirs_from_its_added_probability(nlp: Language) -> None:
    cooperation = _reads("n:rapprochement", "COOPERATE")
    assert cooperation.adds("COOPERATE", 0.99)  # shipped: COOPERATE (k-fold)
    assert _events(nlp, BESIDE, None) == [("DISAPPROVE", "GHA", "TGO")]
    assert _events(nlp, BESIDE, cooperation) == [("DISAPPROVE", "GHA", "TGO"), ("COOPERATE", "GHA", "BFA")]
    # Without the setting (as before stop 38), or from a probability the model does not reach, the rules'
    # reading stands alone.
    assert _events(nlp, BESIDE, replace(cooperation, added_from=None)) == [("DISAPPROVE", "GHA", "TGO")]
    assert _events(nlp, BESIDE, replace(cooperation, added_from=_by_type(COOPERATE=1.01))) == [
        ("DISAPPROVE", "GHA", "TGO")
    ]


def test_nothing_is_added_beside_the_rules_inside_a_triggers_clause_or_of_a_type_not_chosen(nlp: Language) -> None:
    # The word inside the clause of the rules' trigger: what is condemned is theirs to read.
    inside = "Ghana condemned Togo's rapprochement with Burkina Faso."
    assert _events(nlp, inside, _reads("n:rapprochement", "COOPERATE")) == [("DISAPPROVE", "GHA", "TGO")]
    # A type not added (AID: as often wrong as right out of fold), or the type the rules read already.
    assert _events(nlp, BESIDE, _reads("n:rapprochement", "AID")) == [("DISAPPROVE", "GHA", "TGO")]
    assert _events(nlp, BESIDE, _reads("n:rapprochement", "DISAPPROVE")) == [("DISAPPROVE", "GHA", "TGO")]


def test_a_learned_event_of_a_recipientless_type_stands_with_nobody_on_the_other_side(nlp: Language) -> None:
    ready = "Ghana's army was at full readiness on Monday."
    assert _events(nlp, ready, None) == []
    assert _events(nlp, ready, _reads("n:readiness", "MOBILIZE")) == [("MOBILIZE", "GHA", None)]
    # Another type with no recipient (a judgement's target is named in the gold), or a denied reading: none.
    assert _events(nlp, ready, _reads("n:readiness", "DISAPPROVE")) == []
    denied = "Ghana's army was not at full readiness on Monday."
    assert _events(nlp, denied, _reads("n:readiness", "MOBILIZE")) == []
    assert _events(nlp, ready, replace(_reads("n:readiness", "MOBILIZE"), recipientless_from=None)) == []


def test_cv_counts_what_the_rules_miss_beside_their_events_and_with_no_recipient(train_script: ModuleType) -> None:
    from types import SimpleNamespace

    gold = [
        {"event_type": "CONSULT", "actor_id": "GHA", "recipient_id": "TGO"},
        {"event_type": "AGREE", "actor_id": "GHA", "recipient_id": "TGO"},
        {"event_type": "MOBILIZE", "actor_id": "GHA", "recipient_id": None},
    ]
    pred = [SimpleNamespace(event_type="CONSULT", actor_id="GHA", recipient_id="TGO")]
    missed: Counter[tuple[str, str]] = Counter()
    train_script._count_missed(missed, "g", gold, pred)
    train_script._count_missed(missed, "g", gold[:1], [])
    assert missed == Counter({("g", "beside"): 2, ("g", "alone"): 1, ("g", "bare"): 1, ("g", "bare missed"): 1})
    row = {"_split": "news-train", "_line": "crit.jsonl:3"}
    assert train_script._group_of(row, {"crit"}) == "news-train tuning"
    assert train_script._group_of(row, {"diplo"}) == "news-train check"
    assert train_script._group_of(row, ()) == "news-train"
    assert train_script._group_of({"_split": "own gold", "_line": "seed.jsonl:1"}, {"crit"}) == "own gold"


@pytest.mark.parametrize(
    "text",
    [
        "Lima hosted the envoys, signed a fishing pact with Quito and said it would open a consulate in Cuenca.",
        "The minister, who had met his counterpart in March, denounced the raid because it broke the truce.",
        " ".join(["Chile sent aid to Peru and Bolivia thanked Chile,"] * 40) + " officials said.",
    ],
)
def test_own_clauses_are_the_triggers_subtrees_but_their_own_clauses(nlp: Language, text: str) -> None:
    # Read as spans in one sweep (a long sentence of many triggers would cost seconds as sets of tokens):
    # the same tokens as the definition, every verb and noun but the root taken as a trigger.
    from extractors.lexicon import Entry
    from extractors.triggers import Trigger

    doc = nlp(text)
    triggers = [
        Trigger(t, Entry("CONSULT"), "CONSULT", None) for t in doc if t.pos_ in ("VERB", "NOUN") and t.dep_ != "ROOT"
    ]
    assert len(triggers) >= 4
    expected: set[int] = set()
    for trig in triggers:
        tok = trig.token
        apart = {t.i for c in tok.children if c.dep_ in event_learned._OWN_CLAUSES for t in c.subtree}
        expected |= {t.i for t in tok.subtree} - apart
    assert event_learned._own_clauses(triggers) == expected
    assert 0 < len(expected) < len(doc)
