"""Later mentions of a person take the actor of the person they stand for (issue 13): a chain of
"she ... she" keeps its person in view past the usual three sentences, "he" after a subject named
by a state's title ("The South Korean president") is that state, and "the foreign minister" after
a named foreign minister of a state is that state, not the state the article last spoke of. Every
sentence here was written for this file; the guard has a sentence where no link must be made."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from extractors.extract import extract_text

PUBLISHED = date(2025, 3, 10)


def triples(nlp: Language, text: str) -> set[tuple[str, str | None, str | None]]:
    return {(e.event_type, e.actor_id, e.recipient_id) for e in extract_text(nlp, text, PUBLISHED).events}


def test_a_chain_of_she_keeps_its_person(nlp: Language) -> None:
    text = (
        "Kim Yo Jong, the powerful sister of North Korea's leader, issued a statement on Sunday. "
        '"The drills are a rehearsal for invasion," she said. "Our army is ready." '
        '"Nobody should doubt it," she added. "We will answer in kind." '
        "She also condemned Japan for joining the exercises."
    )
    assert ("DISAPPROVE", "PRK", "JPN") in triples(nlp, text)


def test_he_after_a_titled_subject(nlp: Language) -> None:
    text = (
        "The South Korean president arrived in Washington on Monday for a three-day visit. "
        "Crowds lined the streets near the White House. He held talks with Joe Biden on Tuesday."
    )
    found = triples(nlp, text)
    assert ("CONSULT", "KOR", "USA") in found


def test_the_title_after_a_named_holder(nlp: Language) -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov arrived in Pyongyang on Friday. North Korea welcomed the visit. "
        "On Saturday the foreign minister condemned Japan for its military drills."
    )
    found = triples(nlp, text)
    assert ("DISAPPROVE", "RUS", "JPN") in found
    assert ("DISAPPROVE", "PRK", "JPN") not in found


def test_a_possessive_is_not_the_titled_subject(nlp: Language) -> None:
    # "his host" is the host of the Kenyan president, not Kenya: no talks of Kenya with itself.
    text = "The Kenyan president arrived in Beijing on Tuesday. He held talks with his host at the Great Hall."
    found = triples(nlp, text)
    assert ("CONSULT", "KEN", "CHN") in found
    assert not any(actor == recipient for _, actor, recipient in found)


def test_he_of_a_clause_inside_is_the_subject_above(nlp: Language) -> None:
    # "he" of the "when" clause is Kim, the subject of the clause above, not Xi, its object.
    text = "Kim Jong Un met Xi Jinping in Beijing last week when he attended a military parade there."
    found = triples(nlp, text)
    assert ("CONSULT", "PRK", "CHN") in found
    assert ("CONSULT", "CHN", "CHN") not in found


def test_he_opening_a_sentence_is_the_subject_before(nlp: Language) -> None:
    # "He" is Lavrov, the subject of the sentence before, not Kim Jong Un named in its object.
    text = (
        "Russian Foreign Minister Sergei Lavrov arrived in Pyongyang on Friday. "
        "Lavrov praised the friendship between Vladimir Putin and Kim Jong Un. "
        "He also condemned Japan for its military drills."
    )
    found = triples(nlp, text)
    assert ("DISAPPROVE", "RUS", "JPN") in found
    assert ("DISAPPROVE", "PRK", "JPN") not in found
