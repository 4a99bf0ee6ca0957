"""Floors under the gold-set figures of `make eval` (bench/eval.py): no change may quietly lower them.

The floors sit a little below what the extractors measured when they were set (see the report in
bench/eval.py's docstring for how each figure is counted). Raise them when the figures go up.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from bench.eval import FIGURES, Report, evaluate_splits, load_gold

# Measured on 2026-11-28 (all 425 sentences): see the report of issue 4. Raised the same day when
# groups, NGOs and generated places joined the gazetteer (all 457 sentences, holdout2 included:
# events 0.972, type 0.962, type+actor+recipient P 0.924 R 0.887 F1 0.905, claim subject 0.933).
# Precision lowered on 2026-12-07 (extractor 28): the model retrained on six more news files adds two false
# events here (MOBILIZE on "intercepted … missiles launched by Iran", COOPERATE on "questioned executives of a
# Japanese drug maker"; P 0.978 / 0.968 / 0.965), a cost taken for the news checks' gain (README, issue 13 note).
FLOORS_ALL: dict[str, tuple[float, float, float]] = {  # precision, recall, F1
    "event detection": (0.975, 0.94, 0.96),
    "event type": (0.965, 0.93, 0.95),
    "actor": (0.96, 0.93, 0.95),
    "recipient": (0.91, 0.87, 0.89),
    "event type+actor+recipient": (0.91, 0.87, 0.89),
    "quote speaker": (0.97, 0.97, 0.97),
    "quote affiliation": (0.95, 0.95, 0.95),
    "claim value": (0.96, 0.96, 0.96),
    "claim subject+value": (0.92, 0.92, 0.92),
}
# The seed article is the story's contract: everything in it is expected.
FLOORS_SEED_F1 = {
    "event type+actor+recipient": 0.99,
    "quote speaker": 0.99,
    "quote affiliation": 0.99,
    "claim value": 0.99,
}
# The holdout file was never used to shape the rules: it tells how they do on new sentences.
FLOORS_HOLDOUT_F1 = {"event type": 0.86, "event type+actor+recipient": 0.67, "quote speaker": 0.95, "claim value": 0.90}
# holdout2 (PLOVER-style sentences from many countries) was annotated before the rules ran on it and
# is not tuned on either; measured 0.870 / 0.870 when written.
FLOORS_HOLDOUT2_F1 = {"event type": 0.84, "event type+actor+recipient": 0.84}


@pytest.fixture(scope="module")
def reports(nlp: Language) -> dict[str, Report]:
    return evaluate_splits(load_gold("all"), nlp)


def test_gold_set_size_and_coverage() -> None:
    rows = load_gold("all")
    assert len(rows) >= 120
    types = {e["event_type"] for r in rows for e in r["events"]}
    assert len(types) == 18
    tags = {t for r in rows for t in r.get("tags", [])}
    assert {"negated", "hedged", "passive", "compound-actor", "no-event", "relative-clause", "apposition"} <= tags


def test_every_figure_has_a_floor() -> None:
    assert set(FLOORS_ALL) == set(FIGURES)


@pytest.mark.parametrize("figure", FIGURES)
def test_floor_all(reports: dict[str, Report], figure: str) -> None:
    score = reports["all"].scores[figure]
    floor_p, floor_r, floor_f = FLOORS_ALL[figure]
    got = (round(score.precision, 3), round(score.recall, 3), round(score.f1, 3))
    assert got[0] >= floor_p and got[1] >= floor_r and got[2] >= floor_f, (figure, got)


@pytest.mark.parametrize(
    ("split", "floors"),
    [("seed", FLOORS_SEED_F1), ("holdout", FLOORS_HOLDOUT_F1), ("holdout2", FLOORS_HOLDOUT2_F1)],
)
def test_floor_splits(reports: dict[str, Report], split: str, floors: dict[str, Any]) -> None:
    for figure, floor in floors.items():
        assert reports[split].scores[figure].f1 >= floor, (split, figure, reports[split].scores[figure])
