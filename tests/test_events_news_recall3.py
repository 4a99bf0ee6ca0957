"""Recall on real news (issue 13), third lane: two shapes the no-event diagnosis of the training files
found, both general grammar - a participle after a passive verb is done by the passive's subject
whichever link the parser gives it ("have been killed fighting for Russia", parsed as xcomp), and a
passive harm with no `by` agent names its doer in the attack it came in ("were killed in a Ukrainian
strike", "in Israel's offensive"). Every sentence was written for this file in the style of news;
each shape has sentences where it must not fire."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.event_lines import assert_found, assert_not_found, case_lines

PUBLISHED = date(2025, 6, 2)


# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# A participle after a passive verb is the passive subject's act, under a reporting verb too.
AID/military PRK>RUS | The agency says 500 North Korean soldiers have been killed fighting for Russia and 900 more hurt.
AID/military PRK>RUS | A lawmaker said dozens of North Korean troops were captured fighting for Russia last winter.
# The attack a passive harm came in names its doer; the victims' own phrase names the other side.
ASSAULT UKR>PRK | Seoul said several North Korean officers were killed in a Ukrainian strike on Russian-held territory.
ASSAULT RUS>UKR | Eleven Ukrainian civilians were killed in a Russian missile attack on Kharkiv overnight.
ASSAULT ISR>PSE | More than 300 Palestinians have been killed in Israel's offensive, the health ministry said.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# An attack that names nobody, or victims named only by the context, gives no doer.
ASSAULT | Dozens of soldiers were wounded in the fighting near the village.
ASSAULT | Two Russian pilots were killed in a strike on Kyiv.
ASSAULT | Over 300 residents were killed in Israel's offensive, the local health ministry said.
# Victims of the attacker's own side are no foe attacked.
ASSAULT | Three Russian soldiers were killed in Russian shelling.
"""


@pytest.mark.parametrize("line", case_lines(FOUND))
def test_event_found(nlp: Language, line: str) -> None:
    assert_found(nlp, line, PUBLISHED)


@pytest.mark.parametrize("line", case_lines(NOT_FOUND))
def test_no_such_event(nlp: Language, line: str) -> None:
    assert_not_found(nlp, line, PUBLISHED)
