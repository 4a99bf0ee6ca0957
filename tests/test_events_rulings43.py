"""Events read as lane rulings43 settled them (issue 13, stop 43; bench/data/news README "Settled on 2026-12-07
(stop 43 ...)"). A named pair's trade is economic cooperation: "trade between A and B" each way, "A's trade with
B" and "A's exports to B" from A to B; goods imported or bought go from the exporter or seller to the buyer (arms
stay the seller's AID); a release, pardon or amnesty of a state's own people is aimed at no state, one of another
state's nationals at that state. Near-misses: trade with the pair named only in an earlier sentence, exports to
nobody named, a commission on trade, an import quota. Every sentence here was written for this file in the style
of news."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from tests.event_lines import events_with_targets, line_tests

PUBLISHED = date(2025, 6, 2)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# A named pair's trade: each way between the two, from the one whose trade or exports they are otherwise.
COOPERATE/economic KEN>TZA | Trade between Kenya and Tanzania climbed 8 percent in the first quarter.
COOPERATE/economic TZA>KEN | Trade between Kenya and Tanzania climbed 8 percent in the first quarter.
COOPERATE/economic URY>PRY | Uruguay's trade with Paraguay slipped to $900 million last year.
COOPERATE/economic NOR>ISL | Norway's exports to Iceland rose to a record in March.
# Goods imported or bought: from the exporter or seller to the buyer.
COOPERATE/economic PRY>URY | Uruguay imported soybeans from Paraguay during the drought.
COOPERATE/economic TZA>KEN | Kenya bought maize from Tanzania after the harvest failed.
COOPERATE/economic NOR>ISL | Iceland purchased more Norwegian salmon feed in April.
AID/military ISR>ARM | Armenia bought howitzers and drones from Israel, officials said.
# A release, pardon or amnesty at home has no recipient; another state's nationals keep their state.
RETREAT/release TUN>None | Tunisia freed 40 detained activists on Saturday.
CONCEDE TUN>None | The Tunisian president pardoned 200 inmates ahead of the holiday.
CONCEDE KGZ>None | Kyrgyzstan's parliament approved an amnesty for 1,500 prisoners.
RETREAT/release TUN>DZA | Tunisia freed three Algerian fishermen on Saturday.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# The pair named only before: "the two countries" is no one named.
COOPERATE | Officials said trade between the two countries climbed 8 percent in the first quarter.
COOPERATE | Kenya's president met Tanzania's president on Monday. Trade between the two countries climbed 8 percent.
# Exports with no partner named are a figure, no act with anyone.
COOPERATE | Norway's exports rose to a record in March.
# A body's remit names a topic: "the commission on trade between A and B" is no trade stated.
COOPERATE | Chadian envoys flew to Niamey for the joint commission on trade between Chad and Niger.
# An import quota names no partner.
COOPERATE | Under the new rules, Iceland may import no more than 20,000 tonnes of feed a year.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)


def test_people_freed_at_home_stay_the_targets_words(nlp: Language) -> None:
    """No state, but the people freed are still whom the act is done to (recipient_text, as PLOVER codes them)."""
    found = events_with_targets(nlp, "A court in Tunis freed a Tunisian blogger on Thursday.", PUBLISHED)
    assert ("RETREAT", "TUN", None, "Tunisian blogger") in found
