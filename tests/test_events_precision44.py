"""Force and stances that a clause puts as only possible, tried or wished for are not done (lane precision44):
an adverb of possibility ("could possibly reject", "to possibly take part") or a verb of trying or wishing above
the act ("tried to seize", "wants to punish") makes no ASSAULT, COERCE, SUPPORT or REJECT
(clauses.clause_mood). Hearsay still tells the act (hedged), and so does a modal alone ("could strike":
a hedge, as the README and the own gold have it); a relative clause below the wish tells its own act, and a
stance denied as possible is no event (stop 45: an act that did not happen is not coded). Every sentence was
written for this file."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)


# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# Done, and told as done by others: the act, hedged where the text hedges it.
ASSAULT BOL>CHL | Bolivian troops reportedly shelled Chilean border posts overnight.
ASSAULT BOL>CHL | Officials believe Bolivian troops shelled Chilean border posts overnight.
SUPPORT ECU>COL | Ecuador backed Colombia's bid for a seat on the council.
COERCE NOR>DNK | Norway detained the crew of a Danish trawler.
REJECT GHA>TGO | Accra rejected Togo's offer.
# What a relative clause tells under a wish is its own act.
ASSAULT PER>None | Quito wants to win back the islands that Peruvian marines seized last month.
# A modal alone hedges the act.
ASSAULT PER>BOL | Analysts said Peru could strike rebel camps inside Bolivia within days.
SUPPORT ECU>COL | Ecuador may back Colombia's bid for a seat on the council.
MOBILIZE NOR>None | Norway could deploy more troops in the Arctic.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# Only possible.
REJECT | Ghana's foreign minister said Accra could possibly reject Togo's offer.
COERCE | Norway could possibly detain the crew of the Danish trawler, officials said.
SUPPORT | Ecuador may perhaps back Colombia's bid for a seat on the council.
# Only tried or wished for.
COERCE | Peru tried to seize the Bolivian ship before it reached port.
COERCE | Kenya wants to punish Uganda.
# A stance denied as possible: no event (stop 45).
SUPPORT | Analysts think Peru may not fully endorse Chile's proposal.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
