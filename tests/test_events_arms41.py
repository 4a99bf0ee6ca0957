"""Arms that pass between two states with no direction said, and arms bought from another state, are
military aid (issue 13, stop 41, lane arms41; bench/data/news README "Troops": weapons sent to help a
state are AID to it). An arms trade "between" a pair goes to the one of them at war (lexicon
belligerents), AID from the other, as the news coders code it; arms moved "from" one state "to"
another with no doer named are the first state's AID to the second; "Russia's purchase of
Belarusian drones" is the seller's AID to the buyer, as the verb "buy" reads; a state's own
involvement, participation, part or role in another's war is AID to the war's owner, and so is its
share (part, contribution, support) in freeing or retaking another's ground, to the ground's owner.
Arms deals (brokered or attempted agreements), military exchanges, other goods and a pair with no
side or both sides at war give no such aid. Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# An arms trade between a pair, one of them at war: to the warring side, from the other.
AID/military BLR>RUS | Poland condemned the illegal arms transfers between Belarus and Russia.
AID/military BLR>RUS | Germany sanctioned two firms for helping to arrange arms transfers between Russia and Belarus.
AID/military BLR>RUS | Washington imposed sanctions over arms dealing between Belarus and Russia.
AID/military BLR>RUS | Photos showed evidence of the arms trade between Minsk and Moscow.
AID/military CUB>RUS | Kyiv voiced alarm about the growing weapons trade between Havana and Moscow.
# ... with the goods in an "of" phrase, on which the parser hangs "between".
AID/military BLR>RUS | The sanctions were meant to disrupt the transfer of drones between Belarus and Russia.
# ... carried by a verb of moving.
AID/military BLR>RUS | Two ships carried military cargo between Russia and Belarus.
# Near-miss: the verdict on the trade stays read.
DISAPPROVE POL>RUS | Poland condemned the illegal arms transfers between Belarus and Russia.
# Arms moved from one state to another with no doer named.
AID/military BLR>RUS | Lithuania condemned the shipment of drones from Minsk to Moscow.
AID/military BLR>RUS | "The export of these missiles from Belarus to Russia violates the sanctions," the ministers said.
AID/military POL>UKR | Belarus condemned the transfer of weapons from Poland to Ukraine.
# ... also by a verb of moving whose subject is no state, or the state that takes them.
AID/military BLR>RUS | The vessels are suspected of carrying military supplies from Belarus to Russia.
AID/military BLR>RUS | Russian cargo ships carried up to nine million rounds of ammunition from Belarus to Russia.
AID/military BLR>RUS | Lithuania has spotted at least 10,000 shipping containers going from Belarus to Russia.
AID/military BLR>RUS | A train carried at least ten howitzers from Belarus into Russia.
# A purchase of another state's arms: the seller aids the buyer.
AID/military BLR>RUS | Berlin condemned Russia's purchase of Belarusian drones.
AID/military BLR>RUS | He said Russia's purchase of such drones from Belarus breaches UN resolutions.
AID/military BLR>RUS | Tokyo sanctioned firms involved in Russia's purchases of Belarusian weapons.
AID/military CUB>RUS | Paris condemned Moscow's illegal acquisition of Cuban ballistic missiles.
# A state's own share in another's war: AID to the war's owner, or to the one foe of the state the
# war is named by.
AID/military BLR>RUS | Lithuania is weighing measures over Belarus's involvement in the Ukraine war.
AID/military BLR>RUS | He said Belarus's participation in the Ukraine war shows that the conflict reaches beyond Europe.
AID/military BLR>RUS | Budanov said Belarus's part in the war against Ukraine will have lasting consequences.
AID/military BLR>RUS | Washington voiced concern at Minsk's direct role in Russia's war against Ukraine.
# A state's share in freeing or retaking another's ground: AID to the ground's owner.
AID/military BLR>RUS | Zakharova said Belarusian soldiers had made a big contribution to freeing the Belgorod region.
AID/military BLR>RUS | The general hailed the contribution Belarusian soldiers made to retaking the Belgorod region.
AID/military BLR>RUS | Putin valued highly Belarus's support in liberating the Belgorod region from the Ukrainian army.
AID/military BLR>RUS | Putin hailed the part Belarusian troops played in freeing the Belgorod region from Kyiv's forces.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# The trade read one way is no cooperation each way.
COOPERATE | The sanctions were meant to disrupt the transfer of drones between Belarus and Russia.
# No side at war, or both: the text says nothing of which way the arms went.
AID | Poland condemned the arms transfers between Iran and Russia.
AID | Chile condemned the arms transfers between Peru and Bolivia.
# Trade in other goods, an only possible transfer, arms deals and military exchanges.
AID | Trade between Belarus and Russia grew by 5 percent.
AID | Officials fear possible arms transfers between Belarus and Russia.
AID | Washington sanctioned a broker who tried to arrange arms deals between Belarus and Russia.
AID | Beijing was asked about the intense military exchanges between Minsk and Moscow.
AID | Exports of grain from Belarus to Russia rose.
AID | Russia's purchase of Belarusian potatoes rose.
# A share in a war asked about or hidden is no fact stated; nor is one in a war with no foe listed,
# or a belligerent's own.
AID | Zelensky's remarks raised questions about Minsk's role in the war against Ukraine.
AID | Kyiv said Moscow tried to hide Belarus's involvement in the war against Ukraine.
AID | Iran's involvement in the war in Yemen drew criticism.
AID by UKR | Poland praised Ukraine's role in the war.
# A state freeing its own ground, or a foe's, is no aid to it; nor is a share with no doer named.
AID by RUS | Shoigu praised Russia's contribution to freeing the Belgorod region.
AID by UKR | Kyiv hailed Ukraine's part in retaking the Belgorod region.
AID | Officials praised the contribution to freeing the Belgorod region.
# Other goods carried, and arms a third state carries, are no such aid.
AID | Ships carried grain from Belarus to Russia.
AID by BLR | Poland flew drones from Belarus to Ukraine.
# A purchase with no other state named sells nothing.
AID | Russia's purchase of new drones was reported in May.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
