"""Declines that cost true events (issue 13, stop 39, lane declines39). An event noun with no doer
named is declined ("doer", triggers.UNSURE_DOER), but a person's visit with its host named ("after
wrapping up his visit to Angola", "made during his visit to Bolivia") has its visitor in the
pronoun, whom resolution reads from the context: a visit. A visit only spoken of or supposed, an
unowned visit and a pronoun's other event nouns (support, assistance) stay declined. A joint act
named with its parties is declined where it stands in a phrase ("place", UNSURE_PLACE) unless told as
growing ("centred on the deepening ties between A and B": under way). Every sentence here was
written for this file in the style of news."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from extractors.events import extract_events
from extractors.gazetteer import load_gazetteer
from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# A person's visit with its host named: the pronoun is the visitor.
CONSULT TUR>AGO | Erdogan flew back to Ankara on Sunday after wrapping up his visit to Angola.
CONSULT TUR>BOL | Chile protested against remarks by Erdogan, made during his visit to Bolivia, on the border.
# A joint act told as growing, with its parties named, is under way wherever the phrase stands.
COOPERATE IRN>VEN | The talks in Lisbon focused on the deepening military ties between Iran and Venezuela.
COOPERATE VEN>IRN | Brazil's report set out its findings on the growing ties between Caracas and Tehran.
# Near-misses: what the visitor said there stays read as before.
DISAPPROVE CHL>TUR | Chile protested against remarks by Erdogan, made during his visit to Bolivia, on the border.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# A visit spoken of, supposed or with no host named: the decline stands.
CONSULT | Macron spoke about his visit to Ethiopia in an interview.
CONSULT | Macron said his visit to Ethiopia was not possible this year.
CONSULT | Officials in Lisbon said his visit had been postponed again.
CONSULT | A visit to Chile next spring was discussed, officials in Santiago said.
# A joint act told as growing in a topic phrase or hedged stays declined.
COOPERATE | Brazil said the details of the ties between Iran and Venezuela were unclear.
COOPERATE | The deepening ties between Iran and Venezuela may never amount to an alliance, Brazil said.
# A pronoun's other event nouns stay declined: who gives the support is not named.
SUPPORT | His support for Bolivia has drawn criticism from Argentina.
AID | Officials in Lima said their assistance to Bolivia had not been enough.
"""


test_event_read, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Erdogan flew back to Ankara on Sunday after wrapping up his visit to Angola.", ("CONSULT", "TUR", "AGO")),
        (
            "The talks in Lisbon focused on the deepening military ties between Iran and Venezuela.",
            ("COOPERATE", "IRN", "VEN"),
        ),
        (
            "Brazil's report set out its findings on the growing ties between Caracas and Tehran.",
            ("COOPERATE", "VEN", "IRN"),
        ),
    ],
)
def test_the_rules_alone_read_it(nlp: Language, text: str, wanted: tuple[str, str, str]) -> None:
    """The rules alone, not only the learned model overruling their decline (event_learned.learned_drafts)."""
    found = extract_events(nlp(text), load_gazetteer(), type_model=None)
    assert wanted in {(e.event_type, e.actor_id, e.recipient_id) for e in found}
