"""Events read as lane rulings44 settled them (issue 13, stop 44; bench/data/news README "Settled on 2026-12-07
(stop 44 ...)"). A decision to send troops or builders not yet sent is AGREE (the decision told beside a sending
begun stays AID); tear gas, rubber bullets or pepper spray on a crowd is ASSAULT/crowd-control; a protest's demand
is no event beside the PROTEST; an ultimatum "do X or face Y" is THREATEN alone, a deadline with no consequence a
DEMAND; a resignation is RETREAT/resign. Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 6, 2)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# A decision to send, the sending still to come: a commitment to aid, AGREE with no mode.
AGREE CHL>BOL | Chile has decided to send 600 engineers to Bolivia to clear the flooded roads.
AGREE ARG>PRY | Argentina made up its mind to dispatch two brigades to Paraguay.
# The decision told beside the sending begun stays the aid.
AID CHL>BOL | Chile had decided to send 5,000 troops to Bolivia and had already started moving the first group.
# Less-lethal weapons on a crowd: crowd control.
ASSAULT/crowd-control CHL>CHL | Police in Santiago fired tear gas at the protesters.
ASSAULT/crowd-control VEN>VEN | Riot police fired rubber bullets at demonstrators in Caracas.
ASSAULT/crowd-control PER>PER | Officers sprayed pepper spray on the crowd outside the parliament in Lima.
ASSAULT/crowd-control CHL>CHL | Police dispersed the students with tear gas in Valparaiso.
# The protest alone carries its demand; a demand with a subject of its own beside it stays one.
PROTEST/demo ECU>None | Thousands marched in Quito demanding the minister's resignation.
DEMAND JPN>None | Hundreds protested in Seoul, while Japan demanded that the statue be removed.
# An ultimatum is the threat; a bare deadline the demand.
THREATEN CHL>BOL | Chile demanded that Bolivia free the crew by Friday or face sanctions.
THREATEN BRA>URY | Brazil urged Uruguay to lift the ban or risk new tariffs.
DEMAND CHL>BOL | Chile demanded that Bolivia free the crew by Friday.
# With no demand verb: the time given or the deadline set, from the one who gives it to the one told.
THREATEN USA>RUS | Washington gave Moscow ten days to agree to a truce or face tariffs.
THREATEN CHL>BOL | Chile gave Bolivia until Friday to free the crew or face sanctions.
# Resignations.
RETREAT/resign PER>None | The Peruvian prime minister resigned on Tuesday.
RETREAT/resign BOL>None | Bolivia's defence minister stepped down after the scandal.
RETREAT/resign URY>None | Uruguay's interior minister tendered his resignation late on Sunday.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# A decision to send not yet carried out is no aid given.
AID | Chile has decided to send 600 engineers to Bolivia to clear the flooded roads.
# A guess at a decision taken, or one told back, is no commitment of aid to come.
AGREE | Analysts say Chile may have decided to ship rifles to Bolivia before the vote.
# Tear gas on a crowd is no coercion beside the assault.
COERCE | Police in Santiago fired tear gas at the protesters.
# The marchers' demand is the protest's topic.
DEMAND | Thousands marched in Quito demanding the minister's resignation.
DEMAND | Crowds rallied in Lima urging the president to step down.
# The ultimatum's demand and its consequence are the threat, no DEMAND nor SANCTION beside it.
DEMAND | Chile demanded that Bolivia free the crew by Friday or face sanctions.
SANCTION | Chile demanded that Bolivia free the crew by Friday or face sanctions.
DEMAND | Brazil urged Uruguay to lift the ban or risk new tariffs.
RETREAT | Chile gave Bolivia until Friday to free the crew or face sanctions.
RETREAT | Chile set a deadline for Bolivia to withdraw its troops or face consequences.
# A resignation demanded is the demand's, no resignation.
RETREAT | Farmers in Montevideo demanded the agriculture minister's resignation.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
