"""Acts the text says did not, do not or will not happen are no event (stop 45 ruling, bench/data/news README):
neither as done nor negated. What reads like a negation but leaves the act done still gives it: "not only …
but also", two negations that cancel ("never stopped", "did not hesitate to"), and a clause of its own joined
by "and" / "but" to a negated verb. Refusals stay REJECT. Every sentence was written for this file."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# "Not only ... but also": both acts done.
DISAPPROVE GHA>TGO | Ghana not only condemned Togo's raid but also recalled its envoy from Lome.
SANCTION GHA>TGO | Ghana not only condemned Togo's raid but also recalled its envoy from Lome.
DISAPPROVE GHA>TGO | Ghana did not just criticise Togo; it expelled its envoy.
# Two negations cancel.
SUPPORT PER>CHL | Peru has never stopped supporting Chile's bid for a council seat.
DISAPPROVE GHA>TGO | Ghana did not hesitate to condemn Togo's coup.
# A clause of its own after a negated one: done.
COOPERATE GHA>TGO | Ghana has never condemned Togo's coup and has strengthened its ties with Lome.
# A refusal is still a rejection.
REJECT PER>CHL | Peru refused to meet Chile's foreign minister.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
DISAPPROVE | Ghana has never condemned Togo's coup.
DISAPPROVE | Ghana did not condemn Togo's coup and did not recall its envoy from Lome.
SANCTION | Ghana did not condemn the coup or recall its envoy from Togo.
CONSULT | The presidents of Peru and Chile have not met since 2019.
AID | Bolivia sent no troops to Peru, its defence ministry said.
AID | Chile has never sold rifles to either side in the war between Peru and Bolivia.
AGREE | Kenya and Uganda never signed the border treaty.
DISAPPROVE | Ghana hesitated to condemn Togo's coup.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
