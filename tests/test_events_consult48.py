"""Meetings told as to come that the rules read as held (issue 13, stop 48, lane consult48). PLOVER codes a
meeting, visit or talks still to come AGREE and one that took place CONSULT (bench/data/news/README "Planned
meetings"). Four readings of tense the rules missed: preparations "under way" for a visit (the preparations
the copula's subject, the visit what they are for), a present-tense time clause the parser left as the root
("in remarks before he attends the summit"), a gerund after "before" a verb that is itself to come ("is due
to stay until Sunday before travelling to Hanoi for talks"), and a meeting noun as the subject of a verb to
come that tells its agenda or timing ("the summit will focus on trade"; not its effects, "his visit will
deepen the friendship", said of visits under way too) unless its own modifiers tell it as done. Every
sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 6, 3)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# Preparations under way for a visit: a visit to come.
AGREE CHN>LAO | A spokeswoman said preparations were under way for a visit to Laos by Chinese President Xi Jinping.
AGREE VNM>KHM | Hanoi said preparations are under way for a trip to Cambodia by Prime Minister Pham Minh Chinh.
# A present-tense time clause read as the root by the parser.
AGREE JPN>G7 | Ishiba, in written comments before he attends a G7 summit this week, voiced concern over Russia.
# A gerund after "before" a verb to come: the travel and the talks come later still.
AGREE KHM>VNM | Cambodian premier Hun Manet is due to stay in Bangkok until Friday before travelling to Vietnam.
AGREE LAO>VNM | The Lao premier will remain in Phnom Penh until Monday before flying to Hanoi for talks.
# A meeting noun as the subject of a verb to come: the meeting is to come too.
AGREE VNM>LAO | The summit between Vietnam and Laos will focus on trade and energy.
AGREE LAO>VNM | The summit between Vietnam and Laos will focus on trade and energy.
# Held meetings stay CONSULT.
CONSULT VNM>LAO | Last week's talks between Vietnam and Laos will focus minds on trade.
CONSULT VNM>LAO | The talks that Vietnam and Laos held in May will open a new chapter.
CONSULT KHM>VNM | Cambodian premier Hun Manet stayed in Bangkok for two days before travelling to Vietnam.
CONSULT CHN>LAO | Xi told his hosts that his visit to Laos will deepen the friendship of the two peoples.
CONSULT VNM>LAO | Preparations were thorough, and the Vietnamese president visited Laos on Tuesday.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
CONSULT | A spokeswoman said preparations were under way for a visit to Laos by Chinese President Xi Jinping.
CONSULT | Ishiba, in written comments before he attends a G7 summit this week, voiced concern over Russia.
CONSULT | The Lao premier will remain in Phnom Penh until Monday before flying to Hanoi for talks.
CONSULT | The summit between Vietnam and Laos will focus on trade and energy.
AGREE | Last week's talks between Vietnam and Laos will focus minds on trade.
AGREE | The talks that Vietnam and Laos held in May will open a new chapter.
AGREE by CHN | Xi told his hosts that his visit to Laos will deepen the friendship of the two peoples.
AGREE | Cambodian premier Hun Manet stayed in Bangkok for two days before travelling to Vietnam.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
