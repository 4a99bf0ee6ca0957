"""Meetings that took place, in two forms the rules missed at stop 41 (issue 13; bench/data/news/README
"Visits and meetings", "Receptions"): a handshake between two named sides is a meeting in person
(CONSULT, each way when both are the subject, one way with a `with` partner), and a guest who "arrived
… and was greeted / welcomed / received by" a named host is the guest's visit and the host's reception
(the passive conjunct's patient is the subject it shares). Near-misses: handshakes to come (AGREE),
refused or with nobody named, "the two leaders" with no pair named, receptions by crowds. Every
sentence was written for this file."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from tests.event_lines import event_triples, line_tests

PUBLISHED = date(2025, 3, 10)


# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# A handshake: the two met in person.
CONSULT FRA>TUR | French President Emmanuel Macron shook hands with Turkish President Recep Tayyip Erdogan in Paris.
CONSULT KEN>ETH | Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed shook hands before the summit.
CONSULT ETH>KEN | Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed shook hands before the summit.
CONSULT TUR>FRA | The French and Turkish presidents shook hands and exchanged a few words.
CONSULT FRA>TUR | Shaking hands with Turkish President Recep Tayyip Erdogan, Macron said the talks would go well.
# A handshake to come is an intention to meet.
AGREE FRA>TUR | French President Emmanuel Macron will shake hands with Turkish President Recep Tayyip Erdogan on Friday.
# An arrival, then a reception by a named host in a passive conjunct: the visit and the reception.
CONSULT/visit KEN>ETH | Kenyan President William Ruto arrived in Ethiopia and was greeted by the Ethiopian leader.
CONSULT ETH>KEN | Kenyan President William Ruto arrived in Ethiopia and was greeted by the Ethiopian leader.
CONSULT KEN>ETH | Ethiopian leader Abiy Ahmed arrived in Nairobi and was welcomed by Kenyan President William Ruto.
CONSULT ETH>KEN | Ethiopian leader Abiy Ahmed arrived in Nairobi and was welcomed by Kenyan President William Ruto.
CONSULT KEN>ETH | The Ethiopian delegation arrived in Nairobi and was received by Kenyan President William Ruto.
# Talks of the subject's own inside the occasion the clause is framed by.
CONSULT FRA>TUR | At a news conference after his talks with President Recep Tayyip Erdogan, Macron said the deal held.
CONSULT FRA>TUR | After his talks with his Turkish counterpart, Recep Tayyip Erdogan, President Emmanuel Macron spoke.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# Shaking anything but hands, or hands with nobody named.
CONSULT | The Turkish earthquake shook Greece on Monday.
CONSULT | The two leaders shook hands.
CONSULT | French President Emmanuel Macron shook hands with supporters in Marseille.
# A refused handshake is no meeting.
CONSULT | French President Emmanuel Macron refused to shake hands with Turkish President Recep Tayyip Erdogan.
# Talks the clause is only set against, or another's.
CONSULT by FRA | At a news conference amid protests over the strikes, Macron said the deal held.
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
        "A phone call between French President Emmanuel Macron and Turkish President Recep Tayyip Erdogan"
        " eased tensions."
    )
    triples = sorted(set(event_triples(nlp, text, PUBLISHED)))
    assert triples == [("CONSULT", "FRA", "TUR"), ("CONSULT", "TUR", "FRA")], triples
