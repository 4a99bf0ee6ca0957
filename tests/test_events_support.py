"""Support as news on this story writes it (issue 13: SUPPORT among the cooperative types most
missed on real news): a pledge that someone will stand by another is that support, going on with
support already given is support now (not an intention), a pair praising the ties between them
praises each other, and an exchange of congratulations goes both ways. Every sentence here was
written for this file, in the way news writes; each rule has sentences where it must not fire."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.event_lines import Triple, event_triples

PUBLISHED = date(2025, 3, 14)


def events(nlp: Language, text: str) -> list[Triple]:
    return event_triples(nlp, text, PUBLISHED)


# -- a pledge or a future tense that states support -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The envoy promised that Pyongyang will stand by Moscow until the end of the conflict.",
            ("SUPPORT", "PRK", "RUS"),
        ),
        ("The minister vowed that Beijing would always stand with Islamabad.", ("SUPPORT", "CHN", "PAK")),
        ("Kim assured Xi that Pyongyang would keep backing China.", ("SUPPORT", "PRK", "CHN")),
        ("Tokyo said it will continue to support Kyiv.", ("SUPPORT", "JPN", "UKR")),
    ],
)
def test_a_pledge_to_stand_by_or_go_on_backing_is_support(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    found = events(nlp, text)
    assert expected in found
    assert not any(t == "AGREE" for t, _, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An intention to support something new stays an intention (PLOVER: AGREE).
        ("Japan said it will support the bid by India.", "AGREE"),
        # A refusal in the future tense is a rejection.
        ("Russia said it would not support the draft resolution.", "REJECT"),
    ],
)
def test_a_future_support_that_is_an_intention_or_refusal_is_not_support(
    nlp: Language, text: str, expected: str
) -> None:
    found = events(nlp, text)
    assert any(t == expected for t, _, _ in found)
    assert not any(t == "SUPPORT" for t, _, _ in found)


# -- praise shared by a pair ------------------------------------------------------------------------


def test_a_pair_praising_the_ties_between_them_praise_each_other(nlp: Language) -> None:
    found = events(nlp, "At a joint press conference, Xi and Putin both praised the ties between their countries.")
    assert ("SUPPORT", "CHN", "RUS") in found
    assert ("SUPPORT", "RUS", "CHN") in found


def test_one_praiser_of_a_named_partner_is_not_made_mutual(nlp: Language) -> None:
    found = events(nlp, "Putin praised North Korea for its friendship.")
    assert ("SUPPORT", "RUS", "PRK") in found
    assert ("SUPPORT", "PRK", "RUS") not in found


# -- exchanges of messages --------------------------------------------------------------------------


def test_congratulations_traded_with_someone_go_both_ways(nlp: Language) -> None:
    found = events(
        nlp, "On Sunday Xi traded congratulatory messages with Kim Jong Un to mark the treaty's anniversary."
    )
    for pair in (("CHN", "PRK"), ("PRK", "CHN")):
        assert ("CONSULT", *pair) in found
        assert ("SUPPORT", *pair) in found


def test_views_exchanged_are_consultation_only(nlp: Language) -> None:
    found = events(nlp, "Lavrov exchanged views with Choe Son Hui on the situation in the region.")
    assert ("CONSULT", "RUS", "PRK") in found
    assert ("CONSULT", "PRK", "RUS") in found
    assert not any(t == "SUPPORT" for t, _, _ in found)


def test_a_meeting_with_someone_stays_one_way(nlp: Language) -> None:
    found = events(nlp, "Lavrov met North Korean Foreign Minister Choe Son Hui in Moscow on Tuesday.")
    assert ("CONSULT", "RUS", "PRK") in found
    assert ("CONSULT", "PRK", "RUS") not in found


# -- a visit spoken of by its host ------------------------------------------------------------------


def test_whoever_calls_a_named_guests_visit_important_is_its_host(nlp: Language) -> None:
    found = events(nlp, "Kim Jong Un on Friday called Sergei Lavrov's visit a milestone for the two countries.")
    assert ("CONSULT", "RUS", "PRK") in found


def test_a_critic_of_a_visit_is_no_host(nlp: Language) -> None:
    found = events(nlp, "Biden criticised Putin's visit as a provocation.")
    assert not any(t == "CONSULT" for t, _, _ in found)


# -- praise of one's own forces ---------------------------------------------------------------------


def test_a_leader_honouring_his_own_soldiers_supports_no_one(nlp: Language) -> None:
    found = events(nlp, "North Korea's Kim Jong Un honoured the fallen soldiers at a ceremony in Pyongyang.")
    assert ("SUPPORT", "PRK", "PRK") not in found


def test_domestic_praise_of_a_named_rival_stays_support(nlp: Language) -> None:
    found = events(nlp, "Kenya's president congratulated his main rival on a hard-fought campaign.")
    assert ("SUPPORT", "KEN", "KEN") in found
