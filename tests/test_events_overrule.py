"""Why the rules declined a word of the lexicon (triggers.UNSURE), and where the learned model's reading
of it may stand all the same (EventTypeModel.unsure_overrule): only where the rules were unsure for want of what they
look for, never where they found the act appealed for, denied or only supposed. The models here are
one-feature models (tests.test_event_types._reads): what is tested is the rules' side, not the weights."""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language

from extractors.gazetteer import load_gazetteer
from extractors.lexicon import load_lexicon
from extractors.resolution import Resolver
from extractors.triggers import UNSURE, UNSURE_LIGHT, UNSURE_OBJECT, UNSURE_PLACE, find_triggers
from tests.test_event_types import _by_type, _events, _reads


def _unsure(nlp: Language, text: str) -> dict[str, str]:
    doc = nlp(text)
    res = Resolver(doc, load_gazetteer(), load_lexicon())
    unsure: dict[int, str] = {}
    for sent in res.sentences:
        find_triggers(sent, res.lex, res, unsure)
    return {doc[i].text: reason for i, reason in unsure.items()}


def test_the_rules_say_why_they_declined_a_word_they_were_unsure_of(nlp: Language) -> None:
    # A verb of giving whose object the table does not list; a cooperation with its parties named where
    # news states no event; an accord under a light verb of its own.
    assert _unsure(nlp, "Belarus sent cooks to Russia in the spring.") == {"sent": UNSURE_OBJECT}
    assert _unsure(nlp, "The ministers spoke about military cooperation between Moscow and Pyongyang.") == {
        "cooperation": UNSURE_PLACE
    }
    assert _unsure(nlp, "Two accords for the governments of Laos and Vietnam were signed on Friday.") == {
        "accords": UNSURE_LIGHT
    }
    assert set(UNSURE) == {"object", "doer", "place", "light"}
    # Near-misses: a trigger found is no decline; a sent object the table lists is found.
    assert _unsure(nlp, "Minsk sent engineers to Moscow in April.") == {}
    # Nor is a word the rules decline as shown to be no event (hedged) one they were unsure of.
    assert "cooperation" not in _unsure(nlp, "A possible cooperation between Moscow and Pyongyang worries Seoul.")


def test_the_model_overrules_a_decline_only_for_an_unsure_reason_and_type(nlp: Language) -> None:
    sent = "Belarus sent cooks to Russia in the spring."
    send = _reads("v:send", "AID")
    assert _events(nlp, sent, None) == []
    assert send.overrules_unsure(UNSURE_OBJECT, "AID", 1.0)  # shipped: AID of an unlisted object (k-fold)
    assert _events(nlp, sent, send) == [("AID", "BLR", "RUS")]
    # A reason the rules were unsure of, but a type not overruled for it: the decline holds.
    spoke = "The ministers spoke about military cooperation between Moscow and Pyongyang."
    assert not send.overrules_unsure(UNSURE_PLACE, "COOPERATE", 1.0)
    assert _events(nlp, spoke, _reads("n:cooperation", "COOPERATE")) == []
    signed = "Two accords for the governments of Laos and Vietnam were signed on Friday."
    assert _events(nlp, signed, None) == []
    assert _events(nlp, signed, _reads("n:accord", "AGREE")) != []


def test_without_the_overrule_of_its_reason_and_type_the_decline_holds(nlp: Language) -> None:
    sent = "Belarus sent cooks to Russia in the spring."
    send = _reads("v:send", "AID")
    # Another type's overrule for the reason, or the type's for another reason, keeps it declined.
    elsewhere = {UNSURE_OBJECT: _by_type(DISAPPROVE=0.5), UNSURE_PLACE: _by_type(AID=0.5)}
    assert _events(nlp, sent, replace(send, unsure_overrule=elsewhere)) == []
    assert _events(nlp, sent, replace(send, unsure_overrule={})) == []
    # And one named overrules: "place" for COOPERATE reads the pair the sentence names.
    cooperation = replace(_reads("n:cooperation", "COOPERATE"), unsure_overrule={UNSURE_PLACE: _by_type(COOPERATE=0.5)})
    spoke = "The ministers spoke about military cooperation between Moscow and Pyongyang."
    assert sorted(_events(nlp, spoke, cooperation)) == [
        ("COOPERATE", "PRK", "RUS"),
        ("COOPERATE", "RUS", "PRK"),
    ]


def test_a_decline_the_rules_are_sure_of_holds_against_the_model(nlp: Language) -> None:
    send = _reads("v:send", "AID")
    # Appealed for, denied, conditional, negated: no aid however sure the model is.
    assert ("AID", "BLR", "RUS") not in _events(nlp, "Moscow asked Minsk to send cooks to Russia.", send)
    assert ("AID", "BLR", "RUS") not in _events(nlp, "Minsk denied that it had sent cooks to Russia.", send)
    assert ("AID", "BLR", "RUS") not in _events(nlp, "If Minsk sends cooks to Russia, Kyiv will respond.", send)
    assert _events(nlp, "Belarus did not send cooks to Russia in the spring.", send) == []
    # A hedged cooperation ("a possible ...") is declined as shown no event, not unsure.
    possible = "A possible cooperation between Moscow and Pyongyang worries Seoul."
    assert _events(nlp, possible, _reads("n:cooperation", "COOPERATE")) == []


def test_a_passive_verb_of_giving_is_not_overruled(nlp: Language) -> None:
    # The object of a passive verb is its subject: roles read from it would make the trainees the givers.
    train = _reads("v:train", "AID")
    assert _events(nlp, "Colombian cadets are being trained in Spain this year.", train) == []
    # Near-miss: the active verb of giving with an unlisted object still stands.
    assert _events(nlp, "Belarus sent cooks to Russia in the spring.", _reads("v:send", "AID")) == [
        ("AID", "BLR", "RUS")
    ]


def test_a_learned_gathering_in_one_of_its_parties_countries_is_no_pact_with_that_country(nlp: Language) -> None:
    # The model's evidence is the participants ("ministers"): their clause's place names where they met,
    # not another side, when its state is one of them.
    ministers = _reads("n:minister", "AGREE")
    four = "The trade ministers of Kenya, Uganda, Rwanda and Tanzania signed a customs accord in Kampala."
    assert _events(nlp, four, ministers) == []
    # Near-miss: a place of a state that is not among them is still the other side.
    assert _events(nlp, "The trade ministers of Kenya signed a customs accord in Kampala.", ministers) == [
        ("AGREE", "KEN", "UGA")
    ]
