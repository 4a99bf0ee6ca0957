"""A seat of government standing for the body that sits there: "Brussels" as an actor is the EU's
institutions (sanctions, warnings, listings), while Belgium keeps its own names; a meeting held in
Brussels makes nobody a party."""

from __future__ import annotations

from spacy.language import Language

from extractors.extract import extract_text


def triples(nlp: Language, text: str) -> set[tuple[str, str | None, str | None]]:
    return {(e.event_type, e.actor_id, e.recipient_id) for e in extract_text(nlp, text).events}


def test_brussels_acting_is_the_eu(nlp: Language) -> None:
    assert ("SANCTION", "EU", "IRN") in triples(nlp, "Brussels froze the assets of four Iranian drone makers.")


def test_brussels_addressed_is_the_eu(nlp: Language) -> None:
    found = triples(nlp, "Vietnam's trade ministry urged Brussels to lift the duties on its shrimp exports.")
    assert ("DEMAND", "VNM", "EU") in found
    assert not any("BEL" in (actor, recipient) for _, actor, recipient in found)


def test_belgium_by_its_name_stays_belgium(nlp: Language) -> None:
    assert ("DISAPPROVE", "BEL", "IRN") in triples(nlp, "Belgium condemned Iran's detention of a Belgian aid worker.")


def test_an_envoy_serving_in_brussels_is_his_own_states(nlp: Language) -> None:
    found = triples(nlp, "The Dutch foreign ministry summoned Algeria's ambassador in Brussels.")
    assert ("DISAPPROVE", "NLD", "DZA") in found
    assert not any(recipient == "EU" for _, _, recipient in found)


def test_a_meeting_in_brussels_makes_no_party(nlp: Language) -> None:
    found = triples(nlp, "Kenya's and Somalia's foreign ministers held talks in Brussels on Monday.")
    assert not any("EU" in (actor, recipient) or "BEL" in (actor, recipient) for _, actor, recipient in found)
