"""Who a commitment is aimed at (issue 13, stop 38, lane roles38): the other party of a pledge, offer,
threat or signing named deep inside what it commits to — the partner of the ties, cooperation or trade
("promised to step up efforts to normalise relations with Togo", "Ghana's pledge of military
cooperation with Togo"), or the other state a pact's own name pairs with the signer ("ratified the
Ghana-Togo treaty"); and whose claim a denial answers ("Togo accused Ghana of arming the rebels,
which Accra denies"); and a pact censured by a name that pairs its parties is censure of each
("condemned the Ghana-Togo treaty"). Every sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 3, 14)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# The partner of the ties, cooperation or trade a commitment is about, however deep it stands.
AGREE GHA>TGO | Ghana promised on Monday to step up efforts to normalise relations with Togo.
AGREE GHA>TGO | Ghana pledged to work for better relations with Togo.
AGREE GHA>TGO | Ghana's new envoy pledged on Tuesday to lay the groundwork for mending Ghana's relations with Togo.
AGREE GHA>TGO | Benin said it might act in response to Ghana's pledge of military cooperation with Togo.
AGREE GHA>TGO | Ghana offered to expand its trade with Togo.
THREATEN GHA>TGO | Ghana threatened to sever ties with its neighbour Togo.
# A pact whose name pairs the signer with another state: the other state.
AGREE/pact GHA>TGO | Ghana ratified the Ghana-Togo treaty on Monday.
AGREE/pact GHA>TGO | Seoul voiced concern over Ghana's ratification of the Ghana-Togo treaty.
AGREE/pact GHA>TGO | Ghana's president signed a decree ratifying the Ghana–Togo mutual defence treaty.
AGREE/pact TGO>GHA | Togo ratified the Ghana-Togo treaty on Monday.
# Near-misses: ties the subject's own clause tells of, a pact named by a place, and a commitment with
# no partner name no one; a partner named plainly stays as it was.
AGREE GHA>None | Ghana, which has close ties with Togo, promised to send more teachers.
AGREE GHA>None | Ghana signed the Minsk agreement on Monday.
AGREE GHA>None | Ghana promised to keep the peace.
AGREE GHA>TGO | Ghana promised to normalise relations with Togo.
# A denial answers whoever made the claim or accusation the sentence names by a relative pronoun, a
# claim noun with a relative clause, or the claim noun again.
REJECT GHA>TGO | Togo accused Ghana of arming the rebels, which Accra denies.
REJECT GHA>TGO | While Togo claimed the troops had crossed the border, Ghana denied the allegations.
REJECT GHA>TGO | Togo said it had retaken the whole border district, a claim Ghanaian officials were quick to reject.
REJECT GHA>TGO | Togo said on Monday that Ghana had closed the border, and Ghana denied the allegations.
# Near-misses: the frame that reports the denial is no accuser, and a denial with no accuser named
# names no one; a claim's owner named plainly stays as it was.
REJECT GHA>None | Ghana's foreign minister said Ghana denied the allegations.
REJECT GHA>None | Ghana denied the allegations on Monday.
REJECT GHA>TGO | Ghana rejected Togo's claim that its troops had crossed the border.
# A pact censured by a name that pairs its parties: each party.
DISAPPROVE JPN>GHA | Japan condemned the Ghana-Togo treaty.
DISAPPROVE JPN>TGO | Japan condemned the Ghana-Togo treaty.
DISAPPROVE BEN>GHA | Benin expressed grave concerns regarding the treaty between Ghana and Togo.
DISAPPROVE BEN>TGO | Benin expressed grave concerns regarding the treaty between Ghana and Togo.
DISAPPROVE BEN>TGO | Benin expressed grave concerns regarding the Ghana-Togo treaty.
# Near-miss: the doer of a censured act on a pact stays its only target.
DISAPPROVE BEN>GHA | Benin voiced concern over Ghana's ratification of the Ghana-Togo treaty.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# Ties only described are no commitment.
AGREE | Ghana has close ties with Togo.
THREATEN | Ghana has long had strained relations with Togo.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
