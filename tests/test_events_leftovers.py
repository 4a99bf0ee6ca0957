"""Cases earlier lanes left (issue 13): invitations ("at the invitation of", "accepted an invitation
from"), a welcomed or greeted official named by title, taking part in a war, soldiers taken prisoner,
troops that leave a place. Every sentence here was written for this file; each rule has sentences
where it must fire and look-alikes where it must not."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)


# A line "TYPE[/mode] ACTOR>RECIPIENT | sentence" says the sentence gives that event.
FOUND = """
# The host who invited consults the guest (as 'invite'); the guest's visit stays the guest's.
CONSULT PRK>CHN | The Chinese premier arrived in Pyongyang at the invitation of Kim Jong Un.
CONSULT/visit CHN>PRK | The Chinese premier arrived in Pyongyang at the invitation of Kim Jong Un.
CONSULT CHN>RUS | Lavrov travelled to Beijing at the invitation of China's foreign ministry.
# An invitation accepted is the inviter's and the accepter's intention to meet (news README "Planned meetings").
AGREE RUS>PRK | Kim Jong Un accepted an invitation from Putin to visit Moscow.
AGREE PRK>RUS | Kim Jong Un accepted an invitation from Putin to visit Moscow.
AGREE PRK>RUS | Putin has accepted Kim Jong Un's invitation to visit Pyongyang.
# A welcomed or greeted official named by title is a guest: host -> guest CONSULT, not SUPPORT.
CONSULT/visit KAZ>CHN | Kazakhstan's president welcomed China's foreign minister in Astana.
CONSULT/visit VNM>RUS | Vietnam's prime minister welcomed his Russian counterpart in Hanoi.
CONSULT/visit MNG>PRK | North Korea's premier was greeted by Mongolia's president.
CONSULT/visit RUS>PRK | Kim Jong Un was greeted by Putin at the station.
# Taking part in a state's war, or on its side, is military aid to it.
AID/military PRK>RUS | Thousands of North Korean soldiers take part in Russia's war against Ukraine.
AID/military PRK>RUS | North Korean troops are taking part in the fighting on Russia's side.
# Soldiers taken prisoner are captured (COERCE) by the captor.
COERCE/arrest UKR>PRK | Two North Korean soldiers were taken prisoner by Ukrainian forces.
COERCE/arrest UKR>PRK | Ukrainian forces took two North Korean soldiers prisoner near Kursk.
COERCE/arrest RUS>UKR | Russian troops took 40 Ukrainian soldiers prisoner.
# The questioning of captives named with their captor is INVESTIGATE by the captor, of the captives.
INVESTIGATE UKR>PRK | Kyiv shared the questioning of two North Korean soldiers whom Ukrainian troops captured.
COERCE UKR>PRK | Kyiv shared the questioning of two North Korean soldiers whom Ukrainian troops captured.
INVESTIGATE UKR>PRK | Kyiv has published the questioning of North Korean soldiers who were captured by Ukrainian forces.
# Troops that leave a place withdraw from it.
RETREAT/withdraw PRK>RUS | North Korean troops left the Kursk region.
RETREAT/withdraw RUS>UKR | The last Russian soldiers left Kherson.
"""


# Look-alikes: a line "TYPE | sentence" says the sentence gives no such event.
NOT_FOUND = """
CONSULT | Kazakhstan's president welcomed China's decision to cut tariffs.
CONSULT | Seoul welcomed the president's remarks on dialogue.
CONSULT | The decision was greeted by Moscow with scepticism.
ASSAULT | The minister took part in the talks.
AID | The minister took part in the talks.
COERCE | Pyongyang told its soldiers to kill themselves rather than be taken prisoner.
COERCE | The prisoner was taken to Kyiv.
COERCE | Seoul said it was ready to take in the North Korean prisoners.
INVESTIGATE | Zelensky shared a video of two North Korean soldiers whom Ukrainian troops captured in Kursk.
INVESTIGATE | The questioning of the minister by lawmakers lasted three hours.
RETREAT | Kim Jong Un left Moscow on Thursday.
RETREAT | North Korean troops left for Russia in October.
"""


test_leftover_gives_its_event, test_look_alikes_give_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
