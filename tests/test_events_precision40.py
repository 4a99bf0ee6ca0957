"""False events of real news (issue 13, stop 40, lane precision40): the war a clause dates itself by
("since invading Ukraine", "the war it has waged since 2022") is background, not a new attack; and an
infinitive under a copula is a timetable (AGREE, news README "Promised and planned aid and
cooperation") only when it is the copula's own complement, not the reason for an adjective ("it is
wrong to help") nor the purpose of a noun ("what they say are shipments to help its war"); an act a
ban names ("sanctions forbid supplying arms") and an event noun called possible or potential ("the
possible sending of troops") are not done; a warning whose that-clause states what is or was, with
no future, modal or condition, is a statement, not a threat; blocking a body or a bid at it ("used
its veto to block the council from renewing", "blocks attempts at the council") is REJECT; a meeting
whose other side is the open question of a preposition ("whom she will hold talks with") is not told;
confronting a named party is criticism (DISAPPROVE), not a consultation.
Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# The news of a sentence dated by a war stays.
COOPERATE BLR>CHN | Belarus has strengthened military ties with China since invading its neighbour in 2022.
# Near-misses: an attack after which something happened is news, and so is a war waged now.
ASSAULT ARM>AZE | Baku recalled its envoy days after Armenia shelled Azerbaijani villages.
ASSAULT ARM>AZE | Armenia attacked Azerbaijani positions on Tuesday.
# Help given for a reason an adjective states is the help, not a promise of it.
AID BLR>RUS | The envoy condemned the arms sales, saying it was shameful of Belarus to help Russia.
# Near-misses: a timetable under a copula stays a promise, with a noun predicate or none.
AGREE NLD>CHL | The Dutch navy is to send two frigates to Chile.
AGREE BLR>CHN | Minsk said it was its firm policy to expand military drills with Beijing.
AGREE BLR>RUS | Preparations were under way for Lukashenko to visit Moscow on May 9.
# The ban itself stays, and so does a meeting called planned (a meeting to come, AGREE).
SANCTION JPN>RUS | Tokyo banned exports of machine tools to Russia on Friday.
AGREE BLR>CHN | Minsk confirmed Lukashenko's planned visit to Beijing.
AID BLR>RUS | Oslo voiced concern about the sending of Belarusian troops to Russia.
# A warning of what is to come, or on a condition, stays a threat.
THREATEN BLR>POL | Lukashenko warned Warsaw that any attack on Belarus would be met with force.
THREATEN BLR>POL | Minsk warned Warsaw that its troops were ready to strike.
THREATEN BLR>POL | Minsk warned Warsaw that it was going to strike.
THREATEN BLR>POL | Minsk warned Poland that it would respond with force if Warsaw moved troops to the border.
# A veto that blocks a body, or a bid at it, rejects it.
REJECT CHN>UN | Beijing used its veto to block the United Nations from extending the monitoring mission.
REJECT CHN>FRA | Together with Moscow, Beijing blocks French attempts at the Security Council to censure Minsk.
# Near-misses: blocking roads or sites restricts.
COERCE/restrict BLR>None | Belarusian border guards blocked the crossings into Lithuania on Sunday.
# A meeting to come with its other side named stays a promise to meet.
AGREE BLR>CHN | Minsk said Lukashenko would hold talks with Xi in Beijing.
# Confronting a named party.
DISAPPROVE POL>BLR | The Belarusian envoy was confronted sharply by Poland, which accused Minsk of staging the crisis.
DISAPPROVE POL>BLR | Poland's envoy confronted the Belarusian ambassador over the border incidents.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
ASSAULT | Belarus has strengthened military ties with China since invading its neighbour in 2022.
ASSAULT | Minsk has grown closer to Beijing before invading its neighbour.
ASSAULT | Minsk has not denied that its volunteers serve in the war Moscow has been waging in Ukraine since 2022.
AGREE | The envoy condemned the arms sales, saying it was shameful of Belarus to help Russia.
AGREE | Oslo has condemned what it says are Belarusian rifle shipments to Russia to help its war effort.
AID | The UN resolution forbids supplying rifles and related materiel to Minsk.
AID | European law prohibits selling weapons to Belarus.
AID | Oslo voiced concern about the possible sending of Belarusian troops to Russia.
MOBILIZE | Oslo voiced concern about the potential deployment of Belarusian troops to the border.
THREATEN | Lukashenko warned that the region was facing a choice between peace and war.
THREATEN | Poland's defence minister warned senators that Minsk had received missiles from Moscow.
COERCE | Beijing used its veto to block the United Nations from extending the monitoring mission.
AGREE | It has not yet been disclosed whom the Belarusian minister will hold talks with in Beijing.
AGREE | Oslo did not say with whom the Peruvian minister would meet in Oslo.
CONSULT | Poland's envoy confronted the Belarusian ambassador over the border incidents.
DISAPPROVE | Minsk said it would stand with Moscow in confronting common challenges.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
