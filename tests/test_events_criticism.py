"""Criticism, rejection, appeals and sanctions in the shapes news writes them (issue 13): appeals to
parties left unnamed, wishes that another state act, dismissals of claims, whom sanctions are aimed
at, and warnings that another's act harms the peace. Every sentence here was written for this file;
each rule has sentences where it must not fire."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.event_lines import Triple, event_triples

PUBLISHED = date(2024, 11, 8)


def triples(nlp: Language, text: str) -> set[Triple]:
    return set(event_triples(nlp, text, PUBLISHED))


# -- appeals ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The UN Security Council on Friday urged the parties concerned to return to the negotiating table.", "UNSC"),
        ("UN Secretary-General Antonio Guterres urged all parties to respect the truce in Sudan.", "UN"),
    ],
)
def test_an_organisation_appealing_to_unnamed_parties_is_not_its_own_addressee(
    nlp: Language, text: str, actor: str
) -> None:
    found = triples(nlp, text)
    assert ("DEMAND", actor, None) in found
    assert ("DEMAND", actor, actor) not in found


@pytest.mark.parametrize(
    "text",
    [
        "China's foreign ministry said on Tuesday that all parties should exercise restraint in the Red Sea.",
        '"We hope the relevant parties will avoid steps that escalate tensions," the Chinese spokesman Lin said.',
    ],
)
def test_an_obligation_or_wish_for_unnamed_parties_is_an_appeal_to_nobody_named(nlp: Language, text: str) -> None:
    assert ("DEMAND", "CHN", None) in triples(nlp, text)


def test_a_wish_that_another_state_act_is_an_appeal_to_it(nlp: Language) -> None:
    assert ("DEMAND", "CHN", "USA") in triples(nlp, "Beijing hopes Washington will stop selling weapons to Taipei.")


@pytest.mark.parametrize(
    "text",
    [
        "India hopes the new flights will strengthen tourism with Japan.",  # a hope about a thing
        "Russia believes the Western sanctions will fail within a year.",  # a belief, not an appeal
        "The world should not tolerate such attacks, the Japanese prime minister said.",  # no party named
    ],
)
def test_a_hope_or_belief_without_an_obliged_actor_is_no_demand(nlp: Language, text: str) -> None:
    assert not {t for t in triples(nlp, text) if t[0] == "DEMAND"}


# -- rejections and criticism ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Kremlin on Monday brushed aside Japanese claims that Moscow had supplied missile parts to Pyongyang.",
            ("REJECT", "RUS", "JPN"),
        ),
        ("North Korea's envoy brushed off Seoul's accusations as baseless.", ("REJECT", "PRK", "KOR")),
        ("Moscow bristled at Tokyo's remarks about the disputed islands.", ("DISAPPROVE", "RUS", "JPN")),
    ],
)
def test_dismissing_claims_and_bristling_at_remarks(
    nlp: Language, text: str, expected: tuple[str, str, str | None]
) -> None:
    assert expected in triples(nlp, text)


def test_bristling_needs_someone_to_bristle_at(nlp: Language) -> None:
    assert not {t for t in triples(nlp, "The Kremlin bristled on Monday.") if t[0] == "DISAPPROVE"}


def test_a_warning_that_another_states_act_harms_the_peace_condemns_it(nlp: Language) -> None:
    text = "Australia warned that Beijing's military drills around Taiwan could destabilise security in the region."
    assert ("DISAPPROVE", "AUS", "CHN") in triples(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Japan said the new defence pact with Manila would increase security in the region.",  # no harm
        "Analysts warned that Beijing's drills could destabilise the region.",  # no state speaks
    ],
)
def test_no_condemnation_without_harm_or_a_named_speaker(nlp: Language, text: str) -> None:
    assert not {t for t in triples(nlp, text) if t[0] == "DISAPPROVE"}


# -- sanctions -------------------------------------------------------------------------------------


def test_sanctions_aimed_at_foreign_firms_name_their_states(nlp: Language) -> None:
    text = "Britain on Thursday announced sanctions aimed at Iranian drone makers and Belarusian logistics firms."
    found = triples(nlp, text)
    assert ("SANCTION", "GBR", "IRN") in found
    assert ("SANCTION", "GBR", "BLR") in found


def test_sanctions_targeting_named_goods(nlp: Language) -> None:
    assert ("SANCTION", "USA", "CHN") in triples(nlp, "Washington imposed new tariffs targeting Chinese solar panels.")


def test_frozen_assets_name_their_owners_state(nlp: Language) -> None:
    assert ("SANCTION", "CAN", "RUS") in triples(nlp, "Canada froze the assets of seven Russian oligarchs on Friday.")


def test_sanctions_that_target_someone_are_no_strike(nlp: Language) -> None:
    text = "The new measures, announced by the U.S. Treasury Department, target shipping firms that help Tehran."
    found = triples(nlp, text)
    assert "ASSAULT" not in {t[0] for t in found}


def test_jets_that_target_positions_still_strike(nlp: Language) -> None:
    assert ("ASSAULT", "ISR", "LBN") in triples(nlp, "Israeli jets targeted Hezbollah positions in southern Lebanon.")


def test_a_protest_over_an_act_is_aimed_at_its_doer_not_its_destination(nlp: Language) -> None:
    text = "Tokyo lodged a formal protest over China's dispatch of coast guard ships to the Senkaku Islands."
    found = {t for t in triples(nlp, text) if t[0] == "DISAPPROVE"}
    assert ("DISAPPROVE", "JPN", "CHN") in found


def test_criticism_of_a_named_state_over_its_act_keeps_that_state(nlp: Language) -> None:
    assert ("DISAPPROVE", "JPN", "CHN") in triples(nlp, "Japan criticised China over its drills near Taiwan.")
