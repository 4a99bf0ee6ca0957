"""Protests, strikes and riots with no doer the rules can code (issue 13; stop 44, lane protest44). The news coders
code demonstrators, strikers and rioters as PROTEST with no actor, aimed at the state protested against: a state
named as what it is against ("anti-French", "stormed the Turkish consulate"), else the state of the place of a
march, rally or riot or of a protest against a policy ("against the new mining code ... across Zambia"); a strike
names no one unless it says so. Before, every such act was dropped for want of an actor. Protesters a state is
read for ("Kenyan protesters", "students in Dhaka") keep it, as the project's own gold codes them. Near-misses: a
verb of protest with an object is a showing ("demonstrated his strength"), a definite protest noun names one told
before ("covering the protests"), a state's protest stays DISAPPROVE. Every sentence was written for this file."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.event_lines import Found, found_events

PUBLISHED = date(2025, 5, 20)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # A protest noun standing alone: against a policy, the state of the place it spreads across.
        (
            "Protests against the new mining code spread across Zambia on Tuesday.",
            ("PROTEST", "demo", None, "ZMB"),
        ),
        # "anti-government" is against the state where the marches are held.
        ("Anti-government marches were held in Lusaka over the weekend.", ("PROTEST", "demo", None, "ZMB")),
        # An "anti-" nationality names the state protested against.
        ("Anti-French demonstrations broke out in Niamey.", ("PROTEST", "demo", None, "FRA")),
        # Strikes by workers with no state of their own name no recipient.
        ("Bus drivers walked off the job on Monday, stranding commuters.", ("PROTEST", "strike", None, None)),
        ("A nationwide strike shut schools and banks for two days.", ("PROTEST", "strike", None, None)),
        # A march with no place or target named: no recipient.
        ("Teachers demonstrated outside the education ministry.", ("PROTEST", "demo", None, None)),
    ],
)
def test_people_protest_with_no_actor(nlp: Language, text: str, event: Found) -> None:
    assert event in found_events(nlp, text, PUBLISHED)


def test_a_protest_at_an_arrest_is_an_event_of_its_own(nlp: Language) -> None:
    text = "Police in Harare detained a dozen nurses during a rally in Zimbabwe."
    found = found_events(nlp, text, PUBLISHED)
    assert ("PROTEST", "demo", None, "ZWE") in found
    assert any(kind == "COERCE" and actor == "ZWE" for kind, _, actor, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        # Showing something is no demonstration.
        "The opposition leader demonstrated his strength in the vote.",
        # "the protests" names protests told before.
        "Journalists covering the protests were detained.",
        # A state's protest is a complaint (DISAPPROVE), not a demonstration.
        "Chile's foreign ministry protested against the seizure of the vessel.",
    ],
)
def test_no_crowd_protest(nlp: Language, text: str) -> None:
    assert not any(kind == "PROTEST" for kind, _, _, _ in found_events(nlp, text, PUBLISHED))


def test_protesters_of_a_named_state_keep_it(nlp: Language) -> None:
    found = found_events(nlp, "Hungarian farmers rallied in Budapest against the land reform.", PUBLISHED)
    assert any(kind == "PROTEST" and actor == "HUN" for kind, _, actor, _ in found)
