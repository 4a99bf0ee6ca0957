"""Verbs PETRARCH2's CAMEO dictionary lists in several blocks that agree on one code (an uncoded list of
synonyms beside the coded block, or two blocks with the same code) come in through the fallback lexicon;
verbs whose blocks disagree or that a generic block lists stay out. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.extract import extract_text
from extractors.lexicon import load_lexicon

SENTENCES = [
    # OVERRULE 120 (beside the uncoded REVOKE_ block): a rejection
    ("Brazil's supreme court overruled Argentina's objection.", "overrule", ("REJECT", "BRA", "ARG")),
    # KILL and DESTROY, both 190: an assault
    ("Ethiopian troops wiped out an Eritrean battalion near the border.", "wipe out", ("ASSAULT", "ETH", "ERI")),
    # RETREAT 080 (beside the uncoded REVOKE_ block): retracting one's words is a concession
    ("Kenya retracted its statement about Uganda.", "retract", ("CONCEDE", "KEN", None)),
]


@pytest.mark.parametrize(("text", "verb", "expected"), SENTENCES)
def test_verbs_of_agreeing_blocks_give_events(
    nlp: Language, text: str, verb: str, expected: tuple[str, str, str | None]
) -> None:
    assert verb in load_lexicon().fallback_verbs
    found = {(e.event_type, e.actor_id, e.recipient_id) for e in extract_text(nlp, text).events}
    assert found == {expected}


def test_verbs_of_disagreeing_or_generic_blocks_stay_out(nlp: Language) -> None:
    lexicon = load_lexicon()
    # "ask for": an appeal in ASK (020) and an invitation in INVITE (040); "signal": the generic SIGNAL
    # block; "risk": denied ("risks a wider war" says what may follow, it threatens no one)
    for verb in ("ask for", "signal", "risk"):
        assert verb not in lexicon.fallback_verbs, verb
    assert not list(extract_text(nlp, "Hungary risks a wider quarrel with Serbia.").events)
