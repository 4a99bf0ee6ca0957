"""Numeric claims: values, ranges and bounds, units, subjects, hedging, and what is not a claim."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from extractors.extract import extract_text
from tests.claim_cases import claims, no_figures_test

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_55ac9cc17b546c97.txt"


def test_seed_claims(nlp: Language) -> None:
    found = list(extract_text(nlp, SEED.read_text(encoding="utf-8")).claims)
    killed = next(c for c in found if c.value_low == 180000)
    assert (killed.subject_id, killed.value_high, killed.unit) == ("CHN", 400000, "soldiers")
    assert "killed" in killed.what
    kursk = next(c for c in found if c.value_low == 10000)
    assert (kursk.subject_id, kursk.value_high, kursk.hedged) == ("PRK", None, True)
    assert len(found) == 2


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("North Korea fired between 20 and 25 short-range ballistic missiles into the sea.", 20, 25, "missiles"),
        ("Russian missiles hit an apartment block in Dnipro, killing at least 40 people.", 40, None, "people"),
        ("Pyongyang has as many as 50 nuclear warheads, researchers estimate.", None, 50, "warheads"),
        ("Kenya exported $700 million of tea to Egypt last year.", 700e6, 700e6, "USD"),
        ("Mongolia's imports from Russia reached €900 million, customs data showed.", 900e6, 900e6, "EUR"),
        ("Trade between China and Russia reached a record $240 billion last year.", 240e9, 240e9, "USD"),
        ("The Israeli military called up 300,000 reservists.", 300000, 300000, "reservists"),
        ("Two Ukrainian soldiers were killed by Russian shelling.", 2, 2, "soldiers"),
    ],
)
def test_values_ranges_and_units(nlp: Language, text: str, low: float | None, high: float | None, unit: str) -> None:
    (claim,) = claims(nlp, text)
    assert (claim.value_low, claim.value_high, claim.unit) == (low, high, unit)


def test_subjects(nlp: Language) -> None:
    assert claims(nlp, "The war has killed an estimated 35,000 Palestinians.")[0].subject_id == "PSE"
    assert claims(nlp, "Pakistan's trade with Uzbekistan rose to $1.1 billion in 2024.")[0].subject_id == "PAK"
    assert claims(nlp, "Ukraine says Russia has lost more than 600,000 troops.")[0].subject_id == "RUS"
    assert claims(nlp, "Trade between China and Russia reached $240 billion.")[0].what == "trade with RUS"


def test_hedging(nlp: Language) -> None:
    assert claims(nlp, "The war has killed an estimated 35,000 Palestinians.")[0].hedged is True
    assert claims(nlp, "Roughly 1.2 million people have fled Sudan into Chad.")[0].hedged is True
    assert claims(nlp, "The Israeli military called up 300,000 reservists.")[0].hedged is False


test_not_claims = no_figures_test(
    [
        "Inflation in Turkey eased to 48 percent in September.",
        "The new stadium in Doha can hold 80,000 spectators.",
        "The population of Lagos has more than doubled since 1990.",
        "The relationship has lasted for more than seven decades.",
        "Thousands of North Korean troops are being deployed.",
        "The museum reopened after a two-year renovation.",
    ],
)


def test_claim_json_has_the_contract_keys(nlp: Language) -> None:
    payload = extract_text(nlp, "Trade between Chile and Peru reached $5 billion.").as_json()
    assert list(payload["claims"][0]) == ["subject_id", "what", "value_low", "value_high", "unit", "hedged", "sentence"]
    assert list(payload["quotes"]) == []


@pytest.mark.parametrize(
    ("text", "what", "value"),
    [
        ("South Korea said about 3,000 additional soldiers arrived in January.", "additional soldiers", 3000),
        ("North Korea sent another 3,000 troops to Russia.", "additional troops", 3000),
        ("Pyongyang has sent 3,000 more troops to Kursk.", "additional troops", 3000),
        ("Moscow expects a further 1,500 soldiers from North Korea.", "additional soldiers", 1500),
        ("More than 3,000 North Korean troops are in Kursk.", "troops", 3000),  # a bound, not an addition
    ],
)
def test_an_addition_is_a_series_of_its_own(nlp: Language, text: str, what: str, value: int) -> None:
    """claim_timeline and the claim_change alert compare figures of the same `what`: an addition
    must not be read as a new, lower total."""
    (claim,) = claims(nlp, text)
    assert (claim.what, claim.value_low) == (what, value)


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Ukrainian forces captured two North Korean soldiers near Kursk, Zelensky said.", "soldiers captured"),
        ("Two Ukrainian soldiers were wounded by Russian shelling.", "soldiers wounded"),
        ("Two Ukrainian soldiers were killed by Russian shelling.", "soldiers killed"),
    ],
)
def test_casualty_figures_name_what_happened(nlp: Language, text: str, what: str) -> None:
    """Captured or wounded soldiers are their own figure, not a count of the soldiers deployed."""
    assert [c.what for c in claims(nlp, text)] == [what]


def test_only_sentences_with_a_number_are_read_for_claims_and_word_numbers_count(nlp: Language) -> None:
    """extract_claims skips a sentence none of whose tokens can be a number (read from the attribute
    array): the claims of a text are those of its numbered sentences, spelled-out numbers included."""
    from extractors.claims import _numeric, _numeric_tokens

    text = (
        "Seoul's spy agency said on Tuesday that Pyongyang had sent more soldiers to Russia. "
        "About twelve thousand North Korean troops are now in the Kursk region, the agency said. "
        "Moscow did not comment on the report."
    )
    doc = nlp(text)
    mask = _numeric_tokens(doc)
    assert all(mask[t.i] for t in doc if _numeric(t))  # never misses what _numeric reads as a number
    numbered = [s for s in doc.sents if any(mask[s.start : s.end])]
    assert [s.text.split()[0] for s in numbered] == ["About"]
    found = claims(nlp, text)
    assert [(c.value_low, c.subject_id) for c in found] == [(12000, "PRK")]
