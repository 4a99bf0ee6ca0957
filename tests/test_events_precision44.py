"""Force and stances that a clause puts as only possible, tried or wished for are not done (lane precision44):
a modal of possibility ("could strike", "may back"), an adverb of it ("could possibly reject"), or a verb of
trying or wishing above the act ("tried to seize", "wants to punish") makes no ASSAULT, COERCE, SUPPORT or
REJECT (clauses.clause_unrealised). Hearsay still tells the act (hedged), a relative clause below the wish
tells its own act, forces that could move stay MOBILIZE, and a stance denied as possible stays a negated one.
Every sentence was written for this file."""

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
# Forces that could move stay a show of force; a stance denied as possible stays, negated.
MOBILIZE NOR>None | Norway could deploy more troops in the Arctic.
SUPPORT PER>CHL | Analysts think Peru may not fully endorse Chile's proposal.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# Only possible.
ASSAULT | Analysts said Peru could strike rebel camps inside Bolivia within days.
ASSAULT | Bolivian troops may have shelled Chilean border posts overnight, Santiago said.
SUPPORT | Ecuador may back Colombia's bid for a seat on the council.
COERCE | Norway might detain the crew of the Danish trawler, officials said.
REJECT | Ghana's foreign minister said Accra could possibly reject Togo's offer.
# Only tried or wished for.
COERCE | Peru tried to seize the Bolivian ship before it reached port.
COERCE | Kenya wants to punish Uganda.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
