"""Criticism told in reported speech with no verb of criticism (issue 13, stop 46, lane recall46): a speaker's
verdict on another party's act. The verdict may name its judge only in an "according to" phrase; it may call the
act something "as" a pejorative the parser hangs on the act rather than on the verb ("described Lima's expulsion
of the envoy as ..."); it may tell the act in a relative clause on it ("Quito's arms sales, which breach the
embargo"), with a verb coordinated with another ("shows its weakness and is a provocation"), or call it a threat
or danger ([classes] menaces). Each is DISAPPROVE from the judge to whoever did the act; the act itself stays an
event of its own. Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.event_lines import found_events, line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# The judge named in an "according to" phrase, before or after the verdict.
DISAPPROVE PER>BOL | According to the Peruvian foreign ministry, Bolivia's arms shipments violate international law.
DISAPPROVE PER>BOL | Bolivia's arms shipments violate international law, according to the Peruvian foreign ministry.
# "as" a pejorative hung on the object of a naming verb.
DISAPPROVE PER>BOL | Peru described Bolivia's expulsion of the envoy as a dangerous escalation.
DISAPPROVE KEN>UGA | Kenya described Uganda's closure of the border as an unjustified provocation.
# A relative clause on the act says it breaks a rule.
DISAPPROVE CHL>IRN | "We condemn Iran's sale of drones, which violates UN resolutions," Chile's minister said.
# The parser hangs the relative clause on the last name of the act's phrase: the act is still what breaks the
# rule, and a verb of censure before it judges too.
DISAPPROVE CHL>IRN | "We condemn Iran's drone sales to Venezuela, which violate UN rules," Chile's minister said.
DISAPPROVE CHL>IRN | Chile condemned Iran's drone sales to Venezuela, which violate UN resolutions.
# "which it called ...": the "it" is the subject of the clause the relative one hangs in, not the name before it.
DISAPPROVE CHL>IRN | Chile condemned Iran's drone sales to Venezuela, which it called a flagrant breach of UN rules.
# A verdict coordinated with another verb shares its subject and its frame.
DISAPPROVE CHL>IRN | Chile said Iran's backing for Venezuela's war shows its weakness and is a dangerous escalation.
DISAPPROVE CHL>IRN | Chile said Iran's support for Venezuela undermines the region and is illegal.
# A threat or danger as the copula's predicate.
DISAPPROVE CHL>IRN | Chile said Iran's drone programme is a danger to the whole continent.
DISAPPROVE CHL>VEN | Chile's minister said the growing cooperation between Iran and Venezuela is a threat to security.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# A threat said to exist, or said to be real, judges no act.
DISAPPROVE | There is a threat of war, Chile said.
DISAPPROVE | Chile said the threat is real.
# The one named before "which it called" calls nothing.
DISAPPROVE by VEN | Chile condemned the pact between Iran and Venezuela, which it called a flagrant breach of UN rules.
# A verb coordinated with a praise is no verdict.
DISAPPROVE | Chile said Iran sells drones and is a reliable partner.
# A neutral description is no verdict, however the "as" is parsed.
DISAPPROVE | Peru described the envoy as a friend.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A condemned transfer of arms is disapproved to its receiver too (stop 47, lane recall47: the files
        # code it 8 rows to 3); the clause hung on "Venezuela" adds no verdict of its own.
        (
            "\"We condemn Iran's shipments of drones to Venezuela, which violate UN rules,\" Chile's minister said.",
            {("CHL", "IRN"), ("CHL", "VEN")},
        ),
        (
            "\"We condemn Iran's blockade of Venezuela, which violates UN rules,\" Chile's minister said.",
            {("CHL", "IRN")},
        ),
    ],
)
def test_relative_clause_judges_the_act_not_the_name_it_hangs_on(
    nlp: Language, text: str, expected: set[tuple[str, str]]
) -> None:
    """The clause hung on "Venezuela" says what Iran's act does: no verdict on Venezuela from it."""
    found = found_events(nlp, text, PUBLISHED)
    judged = {(actor, recipient) for kind, _, actor, recipient in found if kind == "DISAPPROVE"}
    assert judged == expected
