"""Cooperation as news reports it (issue 13, cooperative types): a named pair's cooperation as a
noun, stepping up ties with a named partner, readiness and intention to cooperate (AGREE),
invitations, briefings, greetings exchanged, trips stated as predicates. Every sentence here was
written for this file; each rule has sentences where it must fire and look-alikes where it must not."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from tests.event_lines import Found, found_events, line_tests

PUBLISHED = date(2025, 3, 14)


def events(nlp: Language, text: str) -> set[Found]:
    return found_events(nlp, text, PUBLISHED)


# A line "TYPE[/mode] ACTOR>RECIPIENT | sentence" says the sentence gives that event.
FOUND = """
# A named pair's cooperation is COOPERATE each way, also as what is condemned or worried about; a
# possessive one only from its owner.
COOPERATE RUS>PRK | Seoul condemned the growing military cooperation between Moscow and Pyongyang.
COOPERATE PRK>RUS | Seoul condemned the growing military cooperation between Moscow and Pyongyang.
DISAPPROVE KOR>RUS | Seoul condemned the growing military cooperation between Moscow and Pyongyang.
COOPERATE RUS>PRK | Tokyo sharply criticised Russia's military cooperation with North Korea.
COOPERATE CHN>RUS | Japan said it was deeply concerned by the cooperation between Beijing and Moscow.
# Stepping up ties or a partnership with a named partner is cooperation.
COOPERATE CHN>PRK | Beijing is deepening its economic ties with Pyongyang.
COOPERATE RUS>CHN | Moscow and Beijing have stepped up their cooperation since last spring.
COOPERATE CHN>RUS | Moscow and Beijing have stepped up their cooperation since last spring.
# Readiness or intention to cooperate is AGREE.
AGREE CHN>PRK | China is willing to work with North Korea to keep the region stable, Wang said.
AGREE CHN>PRK | China stands ready to strengthen cooperation with North Korea, the ministry said.
AGREE CHN>RUS | Beijing wants to expand exchanges with Moscow at every level.
AGREE CHN>JPN | China is ready to hold talks with Japan, the ministry said.
COOPERATE PRK>RUS | Pyongyang has defended its military cooperation with Russia.
# Invitations are AGREE from the host to the invited (news README "Planned meetings").
AGREE RUS>PRK | Putin invited Kim Jong Un to come to Moscow.
# Briefing a named leader, exchanging greetings, instruments of ratification.
CONSULT RUS>PRK | The Russian president briefed Kim Jong Un on his talks with Washington.
CONSULT IRN>SAU | Iran and Saudi Arabia exchanged greetings for Ramadan.
CONSULT SAU>IRN | Iran and Saudi Arabia exchanged greetings for Ramadan.
AGREE/pact PRK>RUS | The treaty took effect after Moscow and Pyongyang exchanged the instruments of ratification.
# Trips as news writes them.
CONSULT/visit PRK>RUS | A North Korean trade delegation left for Russia on Monday.
CONSULT/visit RUS>PRK | Lavrov has flown into North Korea for a working visit.
CONSULT/visit RUS>PRK | This is Shoigu's second trip to North Korea this year.
CONSULT/visit PRK>CHN | On his first trip to China in years, Kim Jong Un brought along his daughter.
CONSULT PRK>CHN | Kim Jong Un and Xi Jinping sat down for talks in Beijing.
# A visit being prepared is one still to come: AGREE (news README "Planned meetings").
AGREE RUS>PRK | Preparations for Putin's visit to North Korea are under way, the Kremlin said.
CONSULT KOR>JPN | Looking ahead to the summit of South Korea, Japan and China, the minister praised trade.
CONSULT/visit RUS>PRK | Putin greeted Kim Jong Un at the railway station.
# Thanks or praise for support received: the thanked supports the one who thanks, besides the thanks.
SUPPORT PRK>RUS | Putin said he valued North Korea's support.
SUPPORT RUS>PRK | Putin said he valued North Korea's support.
SUPPORT PRK>RUS | Putin thanked North Korea for standing with Moscow.
SUPPORT RUS>PRK | Putin expressed his gratitude to Kim Jong Un.
SUPPORT RUS>PRK | Lavrov extended warm wishes to Choe Son Hui for the holiday.
# A chamber passing a treaty, and ratifying one named before, are AGREE/pact.
AGREE/pact RUS>PRK | The Duma passed the defence treaty with North Korea.
AGREE/pact RUS>PRK | Russia signed a treaty with North Korea in June and ratified it in November.
AGREE/pact PRK>RUS | The treaty between Russia and North Korea went into effect on Wednesday.
# Denying a report or an accusation rejects it (no recipient unless the accuser is named).
REJECT RUS>None | Moscow and Pyongyang have both denied that any North Korean troops are there.
REJECT CHN>None | Beijing has shrugged off Western criticism of its trade with Moscow.
# Joint patrols flown are cooperation, not a visit.
COOPERATE CHN>RUS | China and Russia flew a joint air patrol over the Sea of Japan.
"""


# Look-alikes: a line "TYPE | sentence" says the sentence gives no such event.
NOT_FOUND = """
COOPERATE | Analysts have focused on the military cooperation between Russia and North Korea.
COOPERATE | Cooperation in the region has grown over the past decade.
COOPERATE | The two ministers deepened their friendship over dinner.
COOPERATE | Beijing is strengthening its defences along the coast.
COOPERATE | China and Russia traded views on Ukraine.
CONSULT | The two ministers exchanged views on Ukraine.
CONSULT | A North Korean delegation left for the airport.
CONSULT | China and Russia flew a joint air patrol over the Sea of Japan.
CONSULT | China is ready to hold talks with Japan, the ministry said.
CONSULT | The Russian president briefed reporters on the talks.
SUPPORT | The company was valued at $5 billion.
AID | Russia denied sending troops to Belarus.
AGREE | New customs rules came into force on Monday.
REJECT | Putin did not deny the deployment of North Korean troops.
CONSULT | The truce was meant to open the way for negotiations with the insurgents.
MOBILIZE | Russia denied sending troops to Belarus.
COOPERATE | Washington, Tokyo and Seoul were passing off their drills as defensive.
CONSULT | Kim Jong Un invited Vladimir Putin to visit Pyongyang.
"""


test_cooperation_gives_its_event, test_look_alikes_give_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)


def test_support_given_is_not_support_received(nlp: Language) -> None:
    """Pledging one's own support gives it: no support comes back from its object."""
    found = events(nlp, "Hungary's prime minister pledged his full support for Poland.")
    assert ("SUPPORT", "HUN", "POL") in {(k, a, r) for k, _, a, r in found}, found
    assert not any(k == "SUPPORT" and a == "POL" for k, _, a, _ in found), found
