"""Claim tests written as cases, one (text, figures) pair or one text a case:

- `figures_test(CASES)`: each `(text, expected)` of CASES gives exactly the figures `expected`, a list of
  (subject_id, value_low, value_high) in any order (compared in claim_order);
- `no_figures_test(TEXTS)`: each text of TEXTS gives no claim.

A test file keeps its cases as data and binds the tests built here to its test names (pytest collects
what is bound to a name starting "test"; the ids stay those of a written-out parametrised test):

    test_figures_of_arms = figures_test(
        [
            # why this gives its figure
            ("Pyongyang shipped 40 howitzers to Moscow.", [("PRK", 40, 40)]),
        ],
    )
    test_no_figure_of_arms = no_figures_test(["The airline ordered 30 jets."])

Only tests of another shape (a claim's `what`, unit or hedging, a whole article) are written out in full;
`claims(nlp, text)` gives their claims.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from spacy.language import Language

from extractors.extract import extract_text
from extractors.records import Claim
from tests.helpers import ClaimFigure, claim_figures, claim_order

FigureCase = tuple[str, list[ClaimFigure]]


def claims(nlp: Language, text: str) -> list[Claim]:
    """Every claim one text gives, in the extractor's order."""
    return list(extract_text(nlp, text).claims)


def figures_test(cases: Sequence[FigureCase]) -> Callable[[Language, str, list[ClaimFigure]], None]:
    """A test run once a case of `cases`: the text gives exactly the expected figures."""

    @pytest.mark.parametrize(("text", "expected"), cases)
    def test(nlp: Language, text: str, expected: list[ClaimFigure]) -> None:
        assert claim_figures(nlp, text) == sorted(expected, key=claim_order)

    return test


def no_figures_test(texts: Sequence[str]) -> Callable[[Language, str], None]:
    """A test run once a text of `texts`: the text gives no claim."""

    @pytest.mark.parametrize("text", texts)
    def test(nlp: Language, text: str) -> None:
        assert claim_figures(nlp, text) == []

    return test
