"""Meetings, visits and cooperation as news writes them (issue 13: CONSULT and COOPERATE are the types
most missed on real news): a meeting just held frames what its participant says ("said after talks
with Kim"), chats and conversations are consultations, a visit and a meeting of the same pair are two
events, and a named pair's growing ties or partnership are cooperation. Every sentence here was written
for this file, in the way news writes; each rule has sentences where it must not fire."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.event_lines import Triple, event_triples

PUBLISHED = date(2025, 3, 14)


def events(nlp: Language, text: str) -> list[Triple]:
    return event_triples(nlp, text, PUBLISHED)


# -- a meeting that frames what is said ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Russian foreign minister said after talks with Wang Yi in Beijing that both sides rejected sanctions.",
            ("CONSULT", "RUS", "CHN"),
        ),
        (
            "Xi told reporters following his meeting with Kim Jong Un that the friendship was unbreakable.",
            ("CONSULT", "CHN", "PRK"),
        ),
        (
            "Lavrov said at the close of a meeting with Choe Son Hui that the partners would stand together.",
            ("CONSULT", "RUS", "PRK"),
        ),
    ],
)
def test_a_meeting_just_held_frames_what_its_participant_says(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in events(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Speaking ahead of talks with Xi Jinping, Kim said the ties had never been stronger.",
        "Oil prices rose after talks with China stalled in Geneva.",
    ],
)
def test_talks_not_yet_held_or_with_no_participant_frame_nothing(nlp: Language, text: str) -> None:
    assert not [e for e in events(nlp, text) if e[0] == "CONSULT"]


# -- chats and conversations -------------------------------------------------------------------------


def test_chatting_with_a_named_leader_is_a_consultation(nlp: Language) -> None:
    found = events(nlp, "At the reception Putin chatted with Xi Jinping for several minutes.")
    assert ("CONSULT", "RUS", "CHN") in found


def test_chatting_with_nobody_named_is_no_event(nlp: Language) -> None:
    assert not events(nlp, "Putin chatted briefly before leaving the hall.")


def test_a_conversation_with_a_named_leader_is_a_consultation(nlp: Language) -> None:
    found = events(nlp, "The U.S. president had a long conversation with Ukrainian President Volodymyr Zelensky.")
    assert ("CONSULT", "USA", "UKR") in found


# -- a visit and a meeting ---------------------------------------------------------------------------


def test_a_visit_and_a_meeting_of_the_same_pair_are_two_events(nlp: Language) -> None:
    text = "Russian Foreign Minister Sergei Lavrov visited Pyongyang on Friday and met Kim Jong Un."
    assert events(nlp, text).count(("CONSULT", "RUS", "PRK")) == 2


def test_a_visit_alone_is_one_event(nlp: Language) -> None:
    text = "Russian Foreign Minister Sergei Lavrov visited Pyongyang on Friday."
    assert events(nlp, text).count(("CONSULT", "RUS", "PRK")) == 1


# -- ties and partnership ----------------------------------------------------------------------------


def test_growing_military_ties_between_a_named_pair_are_cooperation(nlp: Language) -> None:
    found = events(nlp, "The expanding military ties between Iran and Russia have alarmed Western capitals.")
    assert ("COOPERATE", "IRN", "RUS") in found
    assert ("COOPERATE", "RUS", "IRN") in found


def test_ties_condemned_are_cooperation_and_the_condemnation(nlp: Language) -> None:
    found = events(nlp, "Seoul condemned the deepening military ties between Moscow and Pyongyang.")
    assert ("COOPERATE", "RUS", "PRK") in found
    assert ("DISAPPROVE", "KOR", "RUS") in found


@pytest.mark.parametrize(
    "text",
    [
        "Moscow cut its military ties with Kyiv after the annexation.",  # ended, not cooperation
        "The ties between Iran and Russia are an old story.",  # a topic
        "Iran and Russia have ties going back decades.",  # bare ties: no growth, no military
    ],
)
def test_ties_ended_or_only_mentioned_are_no_cooperation(nlp: Language, text: str) -> None:
    assert not [e for e in events(nlp, text) if e[0] == "COOPERATE"]


def test_a_partnership_declared_is_an_agreement(nlp: Language) -> None:
    found = events(nlp, "Putin and Xi declared a strategic partnership in Beijing.")
    assert ("AGREE", "RUS", "CHN") in found
    assert not [e for e in found if e[0] == "COOPERATE"]


# -- a stay on a visit ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Choe Son Hui is on a four-day visit to China.", ("CONSULT", "PRK", "CHN")),
        ("The Pakistani foreign minister is in China on a two-day official visit.", ("CONSULT", "PAK", "CHN")),
    ],
)
def test_a_visitor_on_a_visit_visits(nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in events(nlp, text)


def test_a_visit_at_home_has_no_foreign_host(nlp: Language) -> None:
    found = events(nlp, "Putin visited a tank factory in Russia's Far East on Friday.")
    assert not [e for e in found if e[0] == "CONSULT" and e[2] is not None]


# -- who meets: counterparts, pairs named as modifiers, a pronoun's talks --------------------------------


def test_a_counterpart_of_a_named_nationality_is_of_that_state(nlp: Language) -> None:
    text = "China's foreign minister Wang Yi and his Pakistani counterpart talked by phone on Monday."
    found = events(nlp, text)
    assert ("CONSULT", "CHN", "PAK") in found
    assert ("CONSULT", "CHN", "CHN") not in found


def test_a_pair_named_as_modifiers_of_a_joint_act_are_its_parties(nlp: Language) -> None:
    found = events(nlp, "The deepening Iran-Russia cooperation worried Israeli officials.")
    assert ("COOPERATE", "IRN", "RUS") in found
    assert ("COOPERATE", "RUS", "IRN") in found


def test_a_war_named_by_its_sides_is_no_meeting(nlp: Language) -> None:
    assert not [e for e in events(nlp, "The Iran-Iraq war left deep scars.") if e[0] in ("CONSULT", "COOPERATE")]


def test_a_summit_where_something_was_agreed_is_an_event_of_its_own(nlp: Language) -> None:
    found = events(nlp, "Officials reviewed the measures agreed at the historic Iran-Russia summit in Tehran.")
    assert ("CONSULT", "IRN", "RUS") in found


def test_a_pronouns_talks_with_a_named_partner_are_a_meeting(nlp: Language) -> None:
    text = "Lavrov flew on to Wonsan. His talks there with North Korean Foreign Minister Choe Son Hui covered the war."
    assert ("CONSULT", "RUS", "PRK") in events(nlp, text)


# -- a stay abroad -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iranian Foreign Minister Abbas Araghchi landed in Moscow on Monday. Araghchi has been in Russia "
            "for three days.",
            ("CONSULT", "IRN", "RUS"),
        ),
        ("The Chinese foreign minister was in Islamabad on Friday.", ("CONSULT", "CHN", "PAK")),
    ],
)
def test_an_official_staying_in_another_state_visits_it(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in events(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Putin was in Moscow on Monday.",  # at home
        "North Korean troops are still in Kursk.",  # forces: mere presence
        "Iran is in Syria to stay.",  # a state, not a person
        "The Chinese foreign minister was not in Islamabad on Friday.",  # denied
    ],
)
def test_presence_at_home_of_forces_or_denied_is_no_visit(nlp: Language, text: str) -> None:
    assert not [e for e in events(nlp, text) if e[0] == "CONSULT"]


# -- a meeting on the calendar -----------------------------------------------------------------------
# PLOVER codes a future meeting AGREE ("X will meet Y"), and since stop 35 so do the news sets however
# firm its timetable (news README "Planned meetings"): a meeting a timetable sets ("is to hold talks"),
# one reported in the backshifted "would" of a report ("the ministry said X would visit"), a bare "will
# meet" and an agreement or acceptance to meet are all AGREE, never the meeting.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Choe Son Hui is to hold talks with Sergei Lavrov in Moscow on Friday.", ("AGREE", "PRK", "RUS")),
        (
            "The Chinese foreign ministry said Wang Yi would travel to Pyongyang next week for a two-day visit.",
            ("AGREE", "CHN", "PRK"),
        ),
        (
            "A Kremlin spokesman said the Russian defence minister would meet Kim Jong Un in Pyongyang on Saturday.",
            ("AGREE", "RUS", "PRK"),
        ),
    ],
)
def test_a_scheduled_meeting_is_an_intention_to_meet(nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    found = events(nlp, text)
    assert expected in found
    assert not [e for e in found if e[0] == "CONSULT"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia agreed to hold talks with North Korea next month.", ("AGREE", "RUS", "PRK")),
        ("Vladimir Putin will meet Xi Jinping in Beijing.", ("AGREE", "RUS", "CHN")),
    ],
)
def test_an_agreement_to_meet_or_a_bare_future_meeting_stays_agree(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in events(nlp, text)


def test_a_meeting_refused_for_the_future_stays_a_rejection(nlp: Language) -> None:
    found = events(nlp, "The Kremlin said Putin would not meet Zelenskiy in Istanbul.")
    assert [e for e in found if e[0] == "REJECT"]
    assert not [e for e in found if e[0] == "CONSULT"]


# -- a meeting the pair owns, and the host who invited ---------------------------------------------------
# "told X at their meeting": the speaker meets the one spoken to; "their" with nobody spoken to names no
# pair. A visit with no host named has the one who invited as its host, and the inviter consults the guest.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "U.S. Secretary of State Antony Blinken told Chinese Foreign Minister Wang Yi at their meeting in Lima"
            " that Washington was worried about the drills.",
            ("CONSULT", "USA", "CHN"),
        ),
        (
            "At their summit in Astana, Kazakh President Kassym-Jomart Tokayev assured Turkish President Recep"
            " Tayyip Erdogan that Kazakhstan would keep buying Turkish drones.",
            ("CONSULT", "KAZ", "TUR"),
        ),
    ],
)
def test_a_meeting_their_pronoun_owns_frames_what_one_says_to_the_other(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in events(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The ministers said at their meeting in Paris that the sanctions would stay.",
        "Kazakh President Kassym-Jomart Tokayev told reporters at their summit that trade was growing.",
    ],
)
def test_their_meeting_with_nobody_spoken_to_names_no_pair(nlp: Language, text: str) -> None:
    assert not [e for e in events(nlp, text) if e[0] == "CONSULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Japanese Prime Minister Shigeru Ishiba is making the trip at the invitation of the Indian government.",
        "Japanese Prime Minister Shigeru Ishiba arrived in New Delhi on a three-day visit at the invitation of"
        " Indian Prime Minister Narendra Modi.",
    ],
)
def test_whoever_invited_a_visitor_hosts_the_visit(nlp: Language, text: str) -> None:
    found = events(nlp, text)
    assert ("CONSULT", "JPN", "IND") in found
    assert ("CONSULT", "IND", "JPN") in found


def test_a_journey_to_a_state_is_a_visit_and_a_figurative_one_is_not(nlp: Language) -> None:
    assert ("CONSULT", "IND", "RUS") in events(
        nlp, "Indian Prime Minister Narendra Modi began his journey to Moscow on Monday, his first since the war began."
    )
    assert not events(nlp, "Analysts say the country's journey toward democracy has stalled.")


@pytest.mark.parametrize(
    "text",
    [
        "Japanese Prime Minister Shigeru Ishiba will pay a three-day official visit to India next week.",
        "Japanese Prime Minister Shigeru Ishiba will make an official visit to India from Saturday to Monday.",
    ],
)
def test_a_visit_to_be_paid_or_made_is_an_intention_to_visit(nlp: Language, text: str) -> None:
    found = events(nlp, text)
    assert ("AGREE", "JPN", "IND") in found
    assert not [e for e in found if e[0] == "CONSULT"]


def test_a_bare_future_visit_stays_agree(nlp: Language) -> None:
    assert ("AGREE", "JPN", "IND") in events(nlp, "Japanese Prime Minister Shigeru Ishiba will visit India next week.")


# -- occasions with many guests, crowds, and meetings told of again (lane consult3) -----------------


def test_guests_arriving_together_visit_the_host_not_each_other(nlp: Language) -> None:
    found = events(
        nlp,
        "Egyptian President Abdel Fattah el-Sisi and Brazilian President Luiz Inacio Lula da Silva arrived in"
        " Moscow on Thursday to attend the parade.",
    )
    assert ("CONSULT", "EGY", "RUS") in found and ("CONSULT", "BRA", "RUS") in found
    assert not {("CONSULT", "EGY", "BRA"), ("CONSULT", "BRA", "EGY")} & set(found)


def test_talks_after_attending_an_occasion_are_one_event_each_way(nlp: Language) -> None:
    found = events(nlp, "Putin and Kim Jong Un held talks at a state guesthouse in Beijing after attending the parade.")
    assert found.count(("CONSULT", "RUS", "PRK")) == 1 and found.count(("CONSULT", "PRK", "RUS")) == 1


def test_guests_at_an_occasion_abroad_visit_its_state(nlp: Language) -> None:
    found = events(nlp, "Leaders of Vietnam, Laos and Cuba attended the celebrations in Pyongyang on Friday.")
    assert {("CONSULT", "VNM", "PRK"), ("CONSULT", "LAO", "PRK"), ("CONSULT", "CUB", "PRK")} <= set(found)


@pytest.mark.parametrize(
    "text",
    [
        "Russian President Vladimir Putin attended the Victory Day parade in Moscow.",
        "Putin greeted the arriving world leaders on the red carpet.",
        "Kim Jong Un met the families of fallen soldiers on Sunday.",
        "Lukashenko spoke while visiting a tractor plant outside the capital.",
    ],
)
def test_an_occasion_at_home_a_crowd_or_a_place_toured_is_no_meeting(nlp: Language, text: str) -> None:
    assert not [e for e in events(nlp, text) if e[0] == "CONSULT"]


def test_talks_with_an_unnamed_group_still_stand(nlp: Language) -> None:
    assert ("CONSULT", "IDN", None) in events(nlp, "Indonesia holds talks with Pacific island countries every year.")


def test_a_visit_told_of_again_as_a_setting_is_no_new_event(nlp: Language) -> None:
    from extractors.events import extract_events
    from extractors.gazetteer import load_gazetteer

    text = (
        "Kim Jong Un arrived in Beijing by train on Tuesday for talks with Xi Jinping. During the visit, Kim"
        " reiterated the lasting friendship between Pyongyang and Beijing."
    )
    doc = nlp(text)
    found = extract_events(doc, load_gazetteer(), type_model=None)
    assert [e for e in found if e.event_type == "CONSULT" and e.sentence.startswith("Kim Jong Un arrived")]
    assert not [e for e in found if e.event_type == "CONSULT" and e.sentence.startswith("During")]


# -- a multilateral gathering, a wish to meet, an invitation asked for ------------------------------


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "The foreign ministers of Japan, South Korea, Australia and New Zealand met in Brussels on Friday.",
            {"JPN", "KOR", "AUS", "NZL"},
        ),
        ("Presidents of France, Germany, Poland and Italy held talks on Tuesday.", {"FRA", "DEU", "POL", "ITA"}),
    ],
)
def test_four_or_more_parties_meeting_one_another_are_no_pairs(nlp: Language, text: str, parties: set[str]) -> None:
    assert not [e for e in events(nlp, text) if e[0] == "CONSULT" and {e[1], e[2]} <= parties]


def test_a_three_way_meeting_is_still_coded_each_way(nlp: Language) -> None:
    found = events(nlp, "Leaders of China, Japan and South Korea held talks in Seoul.")
    assert sorted(e for e in found if e[0] == "CONSULT") == sorted(
        ("CONSULT", a, b) for a in ("CHN", "JPN", "KOR") for b in ("CHN", "JPN", "KOR") if a != b
    )


def test_one_party_meeting_several_named_others_meets_each(nlp: Language) -> None:
    found = events(nlp, "Xi Jinping met the leaders of Japan, South Korea, Australia and New Zealand in Lima.")
    assert {("CONSULT", "CHN", r) for r in ("JPN", "KOR", "AUS", "NZL")} <= set(found)


def test_a_wish_to_meet_a_named_partner_is_an_intention(nlp: Language) -> None:
    found = events(nlp, "Trump said he would like to meet Kim Jong Un during his visit to Seoul on Friday.")
    assert ("AGREE", "USA", "PRK") in found
    assert ("CONSULT", "USA", "PRK") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry said Lavrov would meet Choe Son Hui on Monday.", ("AGREE", "RUS", "PRK")),
        ("Indian Prime Minister Narendra Modi is expected to meet Vladimir Putin in Kazan.", ("AGREE", "IND", "RUS")),
    ],
)
def test_a_dated_or_expected_meeting_is_an_intention_to_meet(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in events(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin asked Kim Jong Un to come to Moscow again.", ("AGREE", "RUS", "PRK")),
        ("Xi urged Putin to visit Beijing next spring.", ("AGREE", "CHN", "RUS")),
    ],
)
def test_asking_someone_to_visit_is_an_invitation(nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    found = events(nlp, text)
    assert expected in found
    assert not [e for e in found if e[0] == "DEMAND"]


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin asked North Korea to send more shells.",
        "Putin asked Kim Jong Un to leave Moscow.",
    ],
)
def test_asking_for_anything_but_a_visit_stays_a_demand(nlp: Language, text: str) -> None:
    found = events(nlp, text)
    assert ("DEMAND", "RUS", "PRK") in found
    assert not [e for e in found if e[0] == "CONSULT"]


def test_discussions_had_with_a_named_partner_are_a_meeting(nlp: Language) -> None:
    found = events(nlp, "Choe Son Hui and Vladimir Putin had good discussions about trade.")
    assert {("CONSULT", "PRK", "RUS"), ("CONSULT", "RUS", "PRK")} <= set(found)


@pytest.mark.parametrize(
    "text",
    [
        "There were discussions about trade in the parliament.",
        "Analysts expect the discussions about the budget to last for weeks.",
    ],
)
def test_discussions_with_no_partner_named_are_no_meeting(nlp: Language, text: str) -> None:
    assert not [e for e in events(nlp, text) if e[0] == "CONSULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Choe Son Hui made a courtesy call on Vladimir Putin in Moscow.",
        "Choe Son Hui paid a courtesy call on Vladimir Putin.",
    ],
)
def test_a_courtesy_call_on_a_named_leader_is_a_visit(nlp: Language, text: str) -> None:
    assert ("CONSULT", "PRK", "RUS") in events(nlp, text)


def test_a_call_on_parties_or_a_phone_call_on_a_topic_is_no_visit(nlp: Language) -> None:
    assert not [e for e in events(nlp, "Xi Jinping made a call on all parties to show restraint.") if e[0] == "CONSULT"]
    assert ("CONSULT", "RUS", "UKR") not in events(
        nlp, "Vladimir Putin held a phone call on Ukraine with Donald Trump."
    )
