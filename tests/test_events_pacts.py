"""Pact steps and summonses as news on this story reports them (issue 13): a chamber approving the bill
that ratifies a treaty, signed documents, an ambassador summoned by title and name with no protest word,
and an envoy never taken for the summoning state's own. Every sentence here was written for this file;
each rule has sentences where it must fire and look-alikes where it must not."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from tests.event_lines import Found, found_events, gives_kind, line_tests

PUBLISHED = date(2025, 3, 14)


def events(nlp: Language, text: str) -> set[Found]:
    return found_events(nlp, text, PUBLISHED)


# A line "TYPE[/mode] ACTOR>RECIPIENT | sentence" says the sentence gives that event.
FOUND = """
# Approving the bill that ratifies a treaty ratifies it (the upper house is Russia's).
AGREE/pact RUS>PRK | The Federation Council on Tuesday approved a bill ratifying the defence treaty with North Korea.
AGREE/pact RUS>PRK | Russian senators approved the bill ratifying the partnership treaty with Pyongyang.
# Signed documents are an agreement between the signers.
AGREE/pact PRK>CHN | Officials of North Korea and China signed documents on trade and tourism after the talks.
AGREE/pact CHN>PRK | Officials of North Korea and China signed documents on trade and tourism after the talks.
# A summons of an ambassador named by title is the complaint even with no protest word.
DISAPPROVE RUS>KOR | Moscow on Monday summoned South Korean Ambassador Park Jin-woo over the new export curbs.
DISAPPROVE KOR>RUS | Seoul summoned the Russian ambassador over the arms deliveries.
# An outsider condemning a pact named before condemns both its parties.
DISAPPROVE JPN>RUS | Moscow and Pyongyang signed a mutual defence pact last week. Tokyo condemned the pact on Monday.
DISAPPROVE JPN>PRK | Moscow and Pyongyang signed a mutual defence pact last week. Tokyo condemned the pact on Monday.
"""


# Look-alikes: a line "TYPE | sentence" says the sentence gives no such event.
NOT_FOUND = """
AGREE | The Duma approved a bill banning foreign ownership of media outlets.
SUPPORT | The Federation Council on Tuesday approved a bill ratifying the defence treaty with North Korea.
AGREE | Reporters were handed documents on the new tax rules.
# Harm to a public good is a verdict on an act, not an attack.
ASSAULT | The minister told reporters that Beijing's arms sales to Moscow harm Europe's security.
"""


test_pact_steps_and_summonses_give_their_event, test_look_alikes_give_no_such_event = line_tests(
    FOUND, NOT_FOUND, PUBLISHED
)


def test_summoned_envoy_is_not_the_summoning_state(nlp: Language) -> None:
    """An envoy named by title with no state of his own is another state's: never the actor's own."""
    found = events(nlp, "Tokyo summoned Ambassador Ivan Petrov on Thursday.")
    assert gives_kind(found, "DISAPPROVE", "JPN"), found
    assert not any(a == r for _, _, a, r in found), found
