"""The per-document memos that keep extraction linear in a sentence's length (issue 13's speed goal)
give what the direct readings give: Token.conjuncts and the entity holding a token, on the project's
own gold texts and sentences written here for the chains the trigger helpers walk (a negation above
coordinated clauses, a future auxiliary, a date's clause, a place of the last coordinated act); a
long sentence of coordinated clauses keeps each clause's negation, place and date. (When the memos
came in, the negation, date and location readings, now in extractors.event_attributes, were compared
trigger by trigger with the direct walks they replaced, and bench.eval's --json output was
byte-identical.)
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from bench.eval import documents, load_gold
from extractors.clauses import coordinated, entity_start
from extractors.extract import extract_text

_WRITTEN = [
    "Pyongyang did not send troops to Kursk and refused to supply shells to Moscow, the ministry said.",
    "Seoul will deploy destroyers near Busan and send a delegation to Tokyo on Friday.",
    "Russia refused to sign the accord and declined to hold talks with Ukraine in Geneva last week.",
    "In June 2023, when Moscow and Pyongyang signed the pact, Kim visited Vladivostok.",
    "Troops shelled the trenches, pounded the bridges and launched drones near Bakhmut on Tuesday.",
    "China is not willing to withdraw its ships and will hold drills off Taiwan in May.",
    "Kim Jong Un met Sergei Lavrov in Wonsan, and he praised Russia's stance, KCNA reported.",
]


def _texts() -> list[str]:
    return [doc.text for doc in documents(load_gold("all"))] + _WRITTEN


@pytest.fixture(scope="module")
def docs(nlp: Language) -> list[Doc]:
    return list(nlp.pipe(_texts()))


def test_coordinated_and_entity_start_read_what_spacy_gives(docs: list[Doc]) -> None:
    for doc in docs:
        ents = list(doc.ents)
        for tok in doc:
            assert [t.i for t in coordinated(tok)] == [t.i for t in tok.conjuncts]
            holding = next((e.start for e in ents if e.start <= tok.i < e.end), None)
            assert entity_start(tok) == holding


def _readings(nlp: Language, text: str) -> set[tuple[object, ...]]:
    found = extract_text(nlp, text, date(2024, 6, 19)).events
    return {(e.event_type, e.actor_id, e.recipient_id, e.location_id, e.event_date, e.negated) for e in found}


@pytest.mark.parametrize(
    "clause",
    [
        "Lavrov did not attend the talks but visited Pyongyang on Monday",
        "Russian troops shelled Ukrainian positions near Bakhmut on Tuesday",
        "North Korea will send more troops to Russia in January",
    ],
)
def test_a_long_sentence_of_clauses_reads_each_clause(nlp: Language, clause: str) -> None:
    """Forty coordinated clauses, each with its own negation (a negated act is no event: one done beside it
    carries the reading), place or date: the chain above each
    trigger is read through the memos and gives what the clause alone gives."""
    one = _readings(nlp, clause + ".")
    assert one
    assert one <= _readings(nlp, ", and ".join([clause] * 40) + ".")
