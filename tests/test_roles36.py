"""Right type, wrong who→whom (issue 13, lane roles36): a recipient the gazetteer cannot code keeps its words
(README "a target the gazetteer cannot code ... is kept in recipient_text with recipient_id null", as PLOVER
codes such targets). People named by what they own, where they come from or what befell them ("its owners",
"40 foreigners", "the victims") are such recipients (the lexicon's `target_people`), and with none on the
trigger itself the governed act's is taken ("promised to compensate the victims"). Ids are unchanged: a
state in context still codes whom it names ("40 doctors" of Chile). Every sentence was written for this file."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from extractors.extract import extract_text

PUBLISHED = date(2025, 3, 10)


def events(nlp: Language, text: str) -> set[tuple[str, str | None, str | None, str | None]]:
    return {
        (e.event_type, e.actor_id, e.recipient_id, e.recipient_text) for e in extract_text(nlp, text, PUBLISHED).events
    }


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "The Norwegian government returned the confiscated paintings to the heirs of the collector.",
            ("RETREAT", "NOR", None, "heirs"),
        ),
        (
            "Chilean President Gabriel Boric granted citizenship to 40 foreigners who had fought the fires.",
            ("CONCEDE", "CHL", None, "40 foreigners"),
        ),
        # the governed act's recipient ("compensate the victims"), with nobody on "promised" itself
        ("Norway promised to compensate the victims of the landslide.", ("AGREE", "NOR", None, "victims")),
    ],
)
def test_people_an_act_is_done_to_keep_their_words(nlp: Language, text: str, event: tuple[str, str, None, str]) -> None:
    assert event in events(nlp, text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a thing or an institution is no person: no recipient words
        ("Chile returned the salvaged ship's bell to the museum last week.", ("RETREAT", "CHL", None, None)),
        ("Ecuador agreed to pay compensation for the flood.", ("AGREE", "ECU", None, None)),
        # people the sentence's state codes keep their id
        (
            "Chilean President Gabriel Boric granted citizenship to 40 doctors who had fought the fires.",
            ("CONCEDE", "CHL", "CHL", "doctors"),
        ),
        # a thing refused stays the thing (thing_target)
        ("Norway refused to compensate the farms.", ("REJECT", "NOR", None, "farms")),
    ],
)
def test_near_misses_are_unchanged(nlp: Language, text: str, event: tuple[str, str, str | None, str | None]) -> None:
    assert events(nlp, text) == {event}


# -- a criticism of an act named again is aimed at those who did it ----------------------------------------------

LAUNCH = "Peru launched a missile over the sea on Monday."
DRILLS = "Peru and Bolivia held joint naval drills near the coast."


def disapproved(nlp: Language, text: str) -> set[tuple[str | None, str | None]]:
    found = extract_text(nlp, text, PUBLISHED).events
    return {(e.actor_id, e.recipient_id) for e in found if e.event_type == "DISAPPROVE"}


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        (f"{LAUNCH} Chile condemned the launch.", {("CHL", "PER")}),
        (f"{LAUNCH} Chile has denounced this as a threat to the region.", {("CHL", "PER")}),
        (f"{LAUNCH} The launch drew swift condemnation from Chile.", {("CHL", "PER")}),
        (
            f"{DRILLS} Deep concern over these moves was voiced by the Chilean foreign minister.",
            {("CHL", "PER"), ("CHL", "BOL")},
        ),
        # a judgement told before: whom it judged ("Bolivia condemned this" is aimed at Peru, not at Chile)
        ("Chile criticised Peru on Monday. Bolivia condemned this.", {("BOL", "PER")}),
        # three sentences of no event between still name the act told
        (
            f"{LAUNCH} The sea was calm. Fishermen went out as usual. Markets opened late. Chile condemned the launch.",
            {("CHL", "PER")},
        ),
    ],
)
def test_a_criticism_of_an_act_named_again_goes_to_its_doers(
    nlp: Language, text: str, pairs: set[tuple[str, str]]
) -> None:
    assert pairs <= disapproved(nlp, text)


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # nothing told before
        ("Chile condemned the launch.", {("CHL", None)}),
        # the act's own phrase names its doer or another act
        (f"{LAUNCH} Chile condemned Bolivia's launch.", {("CHL", "BOL")}),
        (f"{LAUNCH} Chile condemned the attack on the embassy.", {("CHL", None)}),
        # no act named again
        (f"{LAUNCH} Chile condemned the election.", {("CHL", None)}),
        # told too far back: four sentences of no event between the act and "the launch"
        (
            f"{LAUNCH} The sea was calm. Fishermen went out as usual. Markets opened late. Rain fell in the "
            "afternoon. Chile condemned the launch.",
            {("CHL", None)},
        ),
    ],
)
def test_a_criticism_of_another_act_keeps_its_reading(
    nlp: Language, text: str, pairs: set[tuple[str, str | None]]
) -> None:
    assert disapproved(nlp, text) == pairs
