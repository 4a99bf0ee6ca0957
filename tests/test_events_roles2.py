"""Doers the sentence names only by a generic noun (issue 13; bench/data/news/README.md conventions): a
document named by its kind alone speaks for whoever issued or adopted it shortly before ("NATO leaders
adopted a declaration ... The declaration urges China to ...": NATO's DEMAND), and a legislature's house
named by what it is takes the state its phrase gives - and no one where the text names no issuing. Every
sentence here was written for this file in the style of news."""

from __future__ import annotations

from datetime import date

from tests.event_lines import line_tests

PUBLISHED = date(2025, 5, 20)

# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# A document named by its kind speaks for whoever issued or adopted it shortly before.
DEMAND AU>SDN | African Union leaders adopted a declaration. The declaration urges Sudan to end the fighting.
DISAPPROVE CAN>VEN | Canada issued a statement. The statement also condemned Venezuela's decision to close the border.
DISAPPROVE CAN>VEN | Canada issued a joint statement. The joint statement also condemned Venezuela's border closure.
# A legislature's house named by what it is ("lower house", an actor noun): the state of its phrase.
AGREE HUN>SRB | He told reporters that the lower house of the Hungarian parliament ratified the treaty with Serbia.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# A document whose issuing the text does not tell speaks for no one.
DISAPPROVE | The statement also condemned Venezuela's decision to close the border.
# Nor one its subject only received or rejected: the issuer is someone else.
DISAPPROVE by COL | Colombia rejected a statement from Peru. The statement also condemned Venezuela's decision.
# A document issued long before (more than four sentences back) is no longer the one meant.
DEMAND by AU | The African Union adopted a declaration. Rains fell. Roads closed. Schools shut. Markets emptied. \
Buses stopped. The declaration urges Sudan to end the fighting.
"""


test_doer_resolved, test_doer_not_invented = line_tests(FOUND, NOT_FOUND, PUBLISHED)
