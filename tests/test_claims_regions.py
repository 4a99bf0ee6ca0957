"""A region's adjective is no state's (stop 38, lane claims9): "Central American", "Latin American" and "South
American" link to their regions, not to the USA that "American" alone names, so a figure in "the Central
American country" takes the state the article is about and no event is the USA's. The sentences are written
for these tests; none is copied from an article.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.claim_cases import figures_test
from tests.event_lines import event_triples

test_region_adjective_owns_no_figure = figures_test(
    [
        (
            "Honduras declared a curfew in Tegucigalpa. In the Central American country, a police crackdown over "
            "two weeks left 41 people dead.",
            [("HND", 41, 41)],
        ),
        # Near-miss: "American" alone is the USA's.
        ("American forces killed 14 fighters near the Syrian border.", [("USA", 14, 14)]),
    ],
)


@pytest.mark.parametrize(
    "text",
    [
        "Latin American leaders condemned the coup in Lima.",
        "The South American bloc condemned the vote.",
        "Central American governments criticised the deportations.",
    ],
)
def test_region_adjective_is_no_actor(nlp: Language, text: str) -> None:
    assert not any(actor == "USA" for _, actor, _ in event_triples(nlp, text))
