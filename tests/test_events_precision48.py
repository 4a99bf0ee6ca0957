"""Precision lane 48: constructions that made the rules code an event the conventions do not, or the wrong
type for the act (bench/data/news/README). Every sentence was written for this file.

A capability is no act: what a doer "can" do, "is able to" or "will be able to" do tells no event (README:
Kim's "we can deliver a serious military blow to the enemy" is a capability, no event; the tuning files leave
"is able to veto", "can gather data" and "will be able to fund" uncoded). "Was / were able to" tells the act
done, and "could" stays a hedge."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# Done, hedged or past ability stays the act.
AID PER>CHL | Peru sent 2,000 soldiers to Chile on Monday.
AID PER>CHL | Peru could send 2,000 soldiers to Chile, a Chilean admiral said.
REJECT PER>CHL | Peru was able to veto Chile's proposal at the summit on Monday.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
REJECT | As a permanent member, France is able to veto any draft resolution, and so is China.
AID | Farmers from Peru and Chile will be able to fund joint irrigation projects without a permit.
INVESTIGATE | Experts said that Quito can gather sensitive data from its neighbours in several ways.
COERCE | Chile's navy can blockade Peru's main ports within hours, the admiral said.
COOPERATE | The report says Ghana's army can arm the new recruits and send them into attacks on rebel positions.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)


# Approving a pact is agreeing to it (README "Pacts": signing, approving, ratifying are AGREE/pact), also its
# draft or text and "it" standing for the pact the sentence named before; approving a plan stays AGREE and a
# policy SUPPORT (lexicon verbs.approve).
APPROVED_FOUND = """
AGREE/pact PER>CHL | Chile's president signed the fisheries accord on Friday, after Peru's congress approved it.
AGREE/pact PER>CHL | Peru's cabinet approved a draft of the border agreement with Chile on Tuesday.
"""
APPROVED_NOT_FOUND = """
SUPPORT | Chile's president signed the fisheries accord on Friday, after Peru's congress approved it.
SUPPORT | Peru's cabinet approved a draft of the border agreement with Chile on Tuesday.
"""

test_approved_found, test_approved_not_support = line_tests(APPROVED_FOUND, APPROVED_NOT_FOUND, PUBLISHED)


# Captives meet on no state's behalf: a talk with prisoners, or captured soldiers, is no CONSULT between their state
# and another (the tuning files leave a lawmaker's or a film maker's meeting with captured soldiers uncoded);
# leaders meeting stay CONSULT.
CAPTIVES_FOUND = """
CONSULT PER>CHL | Peru's president met Chile's president in Lima.
"""
CAPTIVES_NOT_FOUND = """
CONSULT | A Chilean senator met the three captured Peruvian sailors in Santiago on Monday.
CONSULT | Three Peruvian prisoners met a Chilean reporter at the camp.
CONSULT | A Chilean senator who spoke with the captured Peruvian sailors said they wanted to stay in Chile.
"""

test_captives_found, test_no_captives_meeting = line_tests(CAPTIVES_FOUND, CAPTIVES_NOT_FOUND, PUBLISHED)
