"""Fewer events of a state on itself (issue 13, stop 43): ground freed, liberated or retaken "from" a foe is an
attack on the foe, not a release or a concession to the ground's own state; a share in freeing or defeating is
the aid it is, no attack by the helpers; a place of the actor's own state is nobody met or supported (force
used there falls on its people); whose a thing is makes it no person acted on; "will monitor the situation" is no
inquiry. Near-miss: prisoners freed stay released. Every sentence was written for this file."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.event_lines import found_events, line_tests

PUBLISHED = date(2025, 9, 3)


# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# Ground freed from a foe is taken from the foe by force.
ASSAULT ETH>ERI | Ethiopia's army freed the town of Humera from Eritrean forces on Sunday.
ASSAULT AZE>ARM | Azerbaijani troops liberated the district of Lachin from Armenian control.
# People freed are released, as before.
RETREAT/release KEN>SOM | Kenya freed 20 Somali fishermen on Monday.
# A place of the actor's own state is nobody met; force used there falls on its own people.
CONSULT CHN>None | Chinese Vice President Han Zheng travelled with him to Guangzhou on Friday.
ASSAULT PAK>PAK | Pakistani troops killed ten militants in Balochistan province.
# What someone's remarks are is no person: criticised, they name no one of the critic's state.
DISAPPROVE PER>None | The Peruvian president criticised the opposition leader's remarks on Monday.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# Ground freed is no concession.
CONCEDE | Azerbaijani troops liberated the district of Lachin from Armenian control.
# A share in defeating a foe is aid, not the helpers' own attack.
ASSAULT | The Kazakh minister praised the assistance Kyrgyz soldiers provided in defeating the rebels.
# Watching the situation is a stance, no inquiry.
INVESTIGATE | The Thai government will closely monitor the situation, a spokesman said.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan foreign minister warned reporters that the talks could collapse.",
        "The Chilean spokeswoman told journalists the ambassador had been summoned over the remarks.",
    ],
)
def test_an_audience_is_no_one_acted_on(nlp: Language, text: str) -> None:
    # Found at the stop-43 merge: "… Lin Jian told reporters" had given a learned DISAPPROVE by China on China.
    assert not any(
        actor is not None and actor == recipient for _, _, actor, recipient in found_events(nlp, text, PUBLISHED)
    )
