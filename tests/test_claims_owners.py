"""Whose a figure is when its sentence does not say it outright (issue 13, lane claims4): the owner an
article's earlier figure of the kind carries only a few sentences on, a counted subject's state not
guessed from where the counted are, the sender of a relative clause on the counted ("the 10,000
soldiers North Korea has sent"), and the claims of a claim-dense article found in linear time.
The sentences are written for these tests; none is copied from an article.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.claims import extract_claims
from extractors.gazetteer import load_gazetteer
from extractors.records import Claim
from tests.claim_cases import figures_test
from tests.helpers import claim_figures, claim_order

_FILLER = (
    "Rescuers worked through the night. The mayor declared a day of mourning. Schools across the region "
    "closed. Power was cut in several districts. The governor visited the site on Tuesday. Residents laid "
    "flowers at the gate."
)


test_owner_carried_a_few_sentences = figures_test(
    [
        # Two and four sentences on, the owner of the article's last casualties still holds.
        (
            "A missile struck a school in Odesa on Monday, killing 14 people. Rescuers worked through the "
            "night. Officials said 31 people were wounded.",
            [("UKR", 14, 14), ("UKR", 31, 31)],
        ),
        (
            "A missile struck a school in Odesa on Monday, killing 14 people. Rescuers worked through the "
            "night. The mayor declared a day of mourning. Schools across the region closed. Officials said "
            "31 people were wounded.",
            [("UKR", 14, 14), ("UKR", 31, 31)],
        ),
        # Several states' figures: the last one before is the owner.
        (
            "A missile struck a school in Odesa on Monday, killing 14 people. In Sudan, militia fighters "
            "shelled a market in El Fasher, killing 22 people. Nine children were among the 60 civilians hurt.",
            [("SDN", 22, 22), ("SDN", 60, 60), ("SDN", 9, 9), ("UKR", 14, 14)],
        ),
    ],
)


test_owner_not_carried_far = figures_test(
    [
        # Seven sentences on, past the paragraphs of a long article, the figure may be anyone's (an
        # article that names one state only gives it that state's: tests/test_claims_places.py; one whose towns
        # are most often one state's, that state's: tests/test_claims43.py; here Odesa and Belgorod tie).
        (
            f"A missile struck a school in Odesa on Monday, killing 14 people. {_FILLER} Officials said 31 "
            "people were wounded in a second strike on the port.",
            [("UKR", 14, 14), ("UKR", 31, 31)],
        ),
        (
            f"A missile struck a school in Odesa on Monday, killing 14 people. {_FILLER} Officials said 31 "
            "people were wounded in a second strike on the port. Sirens also sounded in Belgorod.",
            [(None, 31, 31), ("UKR", 14, 14)],
        ),
        (
            f"Belarus sent 1,000 troops to Russia in March. {_FILLER} Western intelligence estimates that at "
            "least 3,000 soldiers were sent to Russia in the summer.",
            [("BLR", 1000, 1000), (None, 3000, None)],
        ),
    ],
)


def test_long_article_carries_each_owner_to_its_own_figures(nlp: Language) -> None:
    """A long article with three states' casualties: each ownerless figure takes the last owner named
    within reach, and one far from any keeps none."""
    text = (
        "A missile struck a school in Odesa on Monday, killing 14 people. Six children were among the 40 "
        f"civilians hurt. {_FILLER} In Sudan, militia fighters shelled a market in El Fasher, killing 22 "
        "people. Officials said 35 people were wounded. "
        f"{_FILLER} Officials later said 18 people were missing."
    )
    expected = [("UKR", 14, 14), ("UKR", 40, 40), ("UKR", 6, 6), ("SDN", 22, 22), ("SDN", 35, 35), (None, 18, 18)]
    assert claim_figures(nlp, text) == sorted(expected, key=claim_order)


test_counted_subject_not_owned_by_its_place = figures_test(
    [
        # Where the counted are is not whose they are: the sender named before in the sentence is.
        (
            "Seoul said Pyongyang had begun a large troop deployment, saying 2,500 special forces were "
            "already drilling in Russia's Far East.",
            [("PRK", 2500, 2500)],
        ),
        (
            "Tokyo said Pyongyang had sent a large contingent, with 1,200 special forces already exercising "
            "in Russia's Primorye region.",
            [("PRK", 1200, 1200)],
        ),
    ],
)


test_counted_subject_context_kept = figures_test(
    [
        # Near-misses: the place is the only state named, the sender's own, or the source names the owner.
        (
            "Minsk announced a large deployment, saying 900 soldiers were already stationed in Belarus's Gomel region.",
            [("BLR", 900, 900)],
        ),
        ("Tokyo said 2,500 special forces were already drilling in Russia's Far East.", [("RUS", 2500, 2500)]),
        (
            "According to the Italian defence ministry, the first 200 troops have already left Niger.",
            [("ITA", 200, 200)],
        ),
        (
            "Some 800 troops were drilling near the border, the Belarusian defence minister said on Monday.",
            [("BLR", 800, 800)],
        ),
    ],
)


def test_claim_dense_article_is_linear(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each claim is kept once without comparing it with every earlier one: 300 distinct figures cost a
    handful of equality tests (hash collisions), not the ~45,000 of a scan over the claims found."""
    text = " ".join(
        f"The ministry said North Korea had sent {1000 + i:,} shells and {40 + i} drones to Russia." for i in range(150)
    )
    doc = nlp(text)
    compared = 0
    equal = Claim.__eq__

    def counting(self: Claim, other: object) -> bool:
        nonlocal compared
        compared += 1
        return equal(self, other)

    monkeypatch.setattr(Claim, "__eq__", counting)
    found = extract_claims(doc, load_gazetteer())
    assert len(found) == 300
    assert compared < 300


test_relative_clause_sender = figures_test(
    [
        # The sender of a relative clause on the counted owns them, not the troops named before.
        (
            "Ukrainian soldiers dug in along the Kursk line. Officials expect the assault, which will involve "
            "some of the 12,000 soldiers Pyongyang has sent to the front, to start within days.",
            [("PRK", 12000, 12000)],
        ),
        # Near-miss: with no sender named, the earlier troops still give theirs.
        (
            "Ukrainian soldiers dug in along the Kursk line. Officials expect the assault, which will involve "
            "some of the 12,000 soldiers sent to the front, to start within days.",
            [("UKR", 12000, 12000)],
        ),
    ],
)
