"""Meetings that took place, in forms the rules missed at stop 41 (issue 13; bench/data/news/README
"Visits and meetings", "Receptions"): a guest who "arrived … and was greeted / welcomed / received by" a
named host is the guest's visit and the host's reception (the host verb's passive conjunct shares the
subject as its patient); talks of the subject's own inside the occasion framing the clause ("At a news
conference after his talks with X, Y said"); a named pair meets each way and neither side itself.
Near-misses: a reception to come (AGREE each way), "the two sides" with no pair named, a cancelled trip,
welcomes by crowds, talks the clause is only set against. Every sentence was written for this file."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from tests.event_lines import event_triples, line_tests

PUBLISHED = date(2025, 3, 10)


# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# An arrival, then a reception by a named host in a passive conjunct: the visit and the reception.
CONSULT/visit KEN>ETH | Kenyan President William Ruto arrived in Ethiopia and was greeted by the Ethiopian leader.
CONSULT ETH>KEN | Kenyan President William Ruto arrived in Ethiopia and was greeted by the Ethiopian leader.
CONSULT KEN>ETH | Ethiopian leader Abiy Ahmed arrived in Nairobi and was welcomed by Kenyan President William Ruto.
CONSULT ETH>KEN | Ethiopian leader Abiy Ahmed arrived in Nairobi and was welcomed by Kenyan President William Ruto.
CONSULT KEN>ETH | The Ethiopian delegation arrived in Nairobi and was received by Kenyan President William Ruto.
# Talks of the subject's own inside the occasion the clause is framed by.
CONSULT FRA>TUR | At a news conference after his talks with President Recep Tayyip Erdogan, Macron said the deal held.
CONSULT FRA>TUR | After his talks with his Turkish counterpart, Recep Tayyip Erdogan, President Emmanuel Macron spoke.
# An arrival and a reception to come: intentions to meet.
AGREE KEN>ETH | Ethiopian leader Abiy Ahmed will arrive in Nairobi and be welcomed by Kenyan President William Ruto.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# Talks the clause is only set against, or another's.
CONSULT by FRA | At a news conference amid protests over the strikes, Macron said the deal held.
# A trip called off is no meeting; "the two sides" name no pair (the arrival alone stays).
CONSULT | Ethiopian leader Abiy Ahmed cancelled his trip to Nairobi and was criticised by Kenyan President William Ruto.
CONSULT by KEN | After the Ethiopian delegation arrived in Nairobi, the two sides held talks.
# Welcomed by crowds: the visit alone, no host named.
CONSULT by KEN | Ethiopian Prime Minister Abiy Ahmed arrived in Nairobi on Monday and was welcomed by cheering crowds.
# The welcome names no guest: a decision welcomed stays SUPPORT, no reception.
CONSULT by KEN | Kenya welcomed the decision and was praised by Ethiopia.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)


def test_reception_after_arrival_is_one_event_each_way(nlp: Language) -> None:
    text = "Ethiopian Prime Minister Abiy Ahmed arrived in Nairobi and was welcomed by Kenyan President William Ruto."
    triples = sorted(set(event_triples(nlp, text, PUBLISHED)))
    assert triples == [("CONSULT", "ETH", "KEN"), ("CONSULT", "KEN", "ETH")], triples


def test_named_pair_meets_each_way_and_neither_meets_itself(nlp: Language) -> None:
    # the parser splits "Turkish President" from "Recep Tayyip Erdogan": three conjuncts, two states
    text = (
        "A phone call between Brazilian President Luiz Inacio Lula da Silva and Turkish President Recep Tayyip Erdogan"
        " eased tensions."
    )
    triples = sorted(set(event_triples(nlp, text, PUBLISHED)))
    assert triples == [("CONSULT", "BRA", "TUR"), ("CONSULT", "TUR", "BRA")], triples
