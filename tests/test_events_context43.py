"""Visits and meetings whose other party the rules missed at stop 43 (issue 13; bench/data/news/README "Visits and
meetings"). A visit made at an invitation has the inviter as host, who consults the guest too (AGREE while the visit
is still to come), now also when a participle takes the invitation up ("arrived in Hanoi, taking up an invitation
from X") and when the parser hangs "at the invitation of" on the verb of saying whose clause tells the visit. A crowd
met or greeted ("greeted the visiting dignitaries, including X and Y") stands for the parties it is said to include.
Near-misses: a participle that carries something else ("carrying a letter from"), an "at the invitation of" phrase
on a verb of saying with no visit under it, a crowd that includes no one named. Every sentence was written for this
file."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.event_lines import found_events, line_tests

PUBLISHED = date(2025, 9, 18)


# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# A visit made on an invitation taken up: the guest visits the inviter, who consults the guest.
CONSULT VNM>IND | India's foreign minister arrived in Hanoi, taking up an invitation from his Vietnamese counterpart.
CONSULT/visit IND>VNM | India's foreign minister arrived in Hanoi, taking up an invitation from Vietnam's president.
CONSULT KAZ>MNG | Mongolia's president landed in Astana on Monday, accepting an invitation from Kazakhstan.
# A crowd of guests met or greeted stands for the parties it is said to include.
CONSULT/visit KEN>ETH | Kenya's president greeted the visiting dignitaries, including Ethiopia's prime minister.
CONSULT KEN>SOM | Kenya's president met several visiting leaders, including Somali President Hassan Sheikh Mohamud.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# A participle that carries a letter is no invitation: the guest visits, the letter's writer hosts nothing.
CONSULT by IND | Sri Lanka's president arrived in Hanoi, carrying a letter from the Indian premier, Narendra Modi.
# An invitation turned down names no host.
CONSULT by LAO | India's foreign minister arrived in Hanoi on Monday, declining an invitation from Laos.
# The invitation on a verb of saying with no visit under it invites nobody to anything.
AGREE | Vietnam said on Monday that India's minister had criticised the tariffs, at the invitation of Vietnam.
# A crowd that includes no one named is no party.
CONSULT | Kenyan President William Ruto greeted the visiting dignitaries at State House in Nairobi.
CONSULT | Kenyan President William Ruto met several visiting leaders, including two from the Horn of Africa.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)

# A visit to come whose invitation the parser hangs on the verb of saying (these long sentences, not shorter
# ones): the inviter's invitation, AGREE, beside the guest's visit.
SAID_AT_THE_INVITATION = [
    (
        "Vietnam said in a May 1 statement that India's minister will visit Hanoi from May 3 to 5, "
        "at the invitation of Vietnam.",
        ("VNM", "IND"),
    ),
    (
        "Laos said in a June 2 statement that Thailand's king will visit Vientiane from June 9 to 11, "
        "at the invitation of Laos, for a fair.",
        ("LAO", "THA"),
    ),
]


@pytest.mark.parametrize(("text", "pair"), SAID_AT_THE_INVITATION)
def test_invitation_on_the_verb_of_saying(nlp: Language, text: str, pair: tuple[str, str]) -> None:
    found = {(kind, actor, recipient) for kind, _, actor, recipient in found_events(nlp, text, PUBLISHED)}
    inviter, guest = pair
    assert ("AGREE", inviter, guest) in found, found
    assert ("AGREE", guest, inviter) in found, found
