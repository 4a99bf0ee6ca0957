"""False events of real news (issue 13, stop 41, lane precision41): events in sentences where the news
coders saw none. Cooperation in the infinitive of a noun of trying ("Minsk's efforts to deepen ties
with Beijing", "its push to improve relations with Bangkok") is sought, not done; the effort's own verb
(a promise, a praise) keeps its event, and so does an act the sentence tells as done beside the effort.
A resolution named as a ruling in force ("breaching a UN resolution that bans arms sales", "Resolution
2397, adopted in 2017, allows states to inspect ships") says what it bans or allows, as a pact's text
does: no new sanction; a resolution adopted in the sentence bans by its body. A letter or message
delivered is no aid, as one sent is not.
Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# Near-misses: the act told as done beside an effort stays, and so does a promise or praise of the effort.
COOPERATE BLR>CHN | Minsk made new efforts and expanded its military ties with Beijing last year.
AID BLR>RUS | Belarus sent fuel to Russia in an effort to ease its shortages.
AGREE BLR>CHN | Belarus promised to step up efforts to normalise relations with China.
SUPPORT VNM>LAO | Hanoi praised Vientiane's efforts to calm the border.
# Near-miss: an effort noun that is the act's object is no noun of trying over it.
COOPERATE VNM>LAO | Vietnam strengthened its ties with Laos in a renewed drive.
# Near-misses: a ban a body adopts or imposes in the sentence stays its sanction.
SANCTION UNSC>SDN | The Security Council adopted a resolution banning arms exports to Sudan.
SANCTION USA>LAO | Washington banned imports of Laotian timber.
# Near-miss: goods delivered stay aid.
AID VNM>LAO | Vietnam delivered rice to Laos last week.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
COOPERATE | The visit highlights Minsk's efforts to deepen its military ties with Beijing.
COOPERATE | Analysts say the trip reflects Belarus's efforts to preserve and strengthen its ties with China.
COOPERATE | Laos has renewed its push to improve relations with Thailand.
SANCTION | Hanoi was accused of breaching a UN resolution that bans arms sales to Pyongyang.
COERCE | Laos breached the UN Security Council resolution banning the hiring of North Korean workers.
RETREAT | UN Resolution 2270, adopted in 2016, allows states to inspect cargo bound for North Korea.
AID | Hanoi did not say when the Vietnamese president had delivered his letter to the Laotian leader.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
