"""Events of a named person or organisation no state stands for (issue 13, lane stateless): the
subject is a name the NER marks as an organisation, or as a person with a title or role ("Mayor
X", "X, a lawyer"), no rule codes it as a state, an organisation of states or an agent, and the
event is kept with actor_id None and the name in actor_text. Pronouns, generic nouns and bare
names still make no such actor, and a person the gazetteer knows is coded as before. Every
sentence here was written for this file."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from extractors.extract import extract_text
from extractors.records import Event

PUBLISHED = date(2024, 11, 8)


def found(nlp: Language, text: str) -> list[Event]:
    return list(extract_text(nlp, text, PUBLISHED).events)


def test_a_named_unknown_person_acts_with_no_code(nlp: Language) -> None:
    (event,) = found(nlp, "Human rights lawyer Lena Hartmann denounced North Korea's treatment of political prisoners.")
    assert (event.event_type, event.actor_id, event.actor_text, event.recipient_id) == (
        "DISAPPROVE",
        None,
        "Lena Hartmann",
        "PRK",
    )


def test_a_named_unknown_organisation_acts_with_no_code(nlp: Language) -> None:
    events = found(nlp, "The Hamdan Workers' Union condemned Russia's attack on Ukraine's power grid.")
    assert [(e.event_type, e.actor_id, e.actor_text, e.recipient_id) for e in events] == [
        ("DISAPPROVE", None, "The Hamdan Workers' Union", "RUS")
    ]


def test_a_person_named_with_a_role_in_apposition_acts(nlp: Language) -> None:
    text = "Lena Hartmann, a human rights lawyer, denounced North Korea's treatment of political prisoners."
    events = found(nlp, text)
    assert [(e.event_type, e.actor_id, e.actor_text, e.recipient_id) for e in events] == [
        ("DISAPPROVE", None, "Lena Hartmann", "PRK")
    ]


def test_a_bare_name_is_no_uncoded_actor(nlp: Language) -> None:
    """A name with nothing said of who they are may be a state's leader the gazetteer lacks: left
    uncoded it would be neither the state nor nobody."""
    events = found(nlp, "Tomas Verhoeven condemned North Korea's missile launch on Sunday.")
    assert all(e.actor_id is not None for e in events)


def test_an_act_on_oneself_has_no_recipient(nlp: Language) -> None:
    events = found(nlp, "Rebel commander Yusuf Adamu threatened to attack the capital.")
    assert [(e.event_type, e.actor_id, e.actor_text, e.recipient_id) for e in events] == [
        ("THREATEN", None, "Yusuf Adamu", None)
    ]
    assert all(e.recipient_id is None or not e.recipient_id.startswith("~") for e in events)


def test_a_gazetteer_person_is_coded_as_their_state(nlp: Language) -> None:
    events = found(nlp, "Kim Jong Un praised Russia for its support.")
    assert ("SUPPORT", "PRK", "RUS") in {(e.event_type, e.actor_id, e.recipient_id) for e in events}
    assert all(e.actor_id is not None for e in events)


def test_pronouns_and_generic_nouns_make_no_uncoded_actor(nlp: Language) -> None:
    assert found(nlp, "He criticised the new tax.") == []
    # "Officials" act as nobody; the launch they condemn may be coded as North Korea's own act (the news
    # coders code a launch MOBILIZE with no recipient, and the learned model reads it so since extractor 28).
    events = found(nlp, "Officials condemned North Korea's missile launch.")
    assert [e for e in events if e.actor_id is None or e.actor_text == "Officials"] == []
    assert all(e.event_type != "DISAPPROVE" for e in events)


def test_what_a_named_unknown_speaker_says_is_not_their_act(nlp: Language) -> None:
    assert found(nlp, '"Send the inspectors back, and we will talk," Lena Hartmann said on Monday.') == []
