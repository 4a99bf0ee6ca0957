"""The word lists the event rules read from the lexicon ([words] of data/event_lexicon.toml), moved
there from code in stop 34 (issue 13 item 4), and the signing entries' reciprocal_with flag."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.clauses import gerund_after_to, subject_of
from extractors.lexicon import load_lexicon

# Lexicon field -> a word the rules rely on (events.py, roles.py, triggers.py).
MOVED = {
    "outlet_words": "broadcaster",
    "comrade_words": "comrade",
    "fight_words": "fighting",
    "honorifics": "mr.",
    "count_words": "thousands",
    "crowd_nouns": "dignitary",
    "call_taking_verbs": "receive",
    "idiom_objects": "part",
    "feeling_copulas": "remain",
    "copulas": "constitute",
    "raising_verbs": "heighten",
    "danger_nouns": "tension",
    "laden_adjectives": "loaded",
    "wish_verbs": "hope",
    "unnamed_quantifiers": "concerned",
    "speech_act_nouns": "pledge",
    "prospect_nouns": "possibility",
    "planned_meeting_words": "upcoming",
    "meeting_to_come_heads": "ahead",
    "non_party_nouns": "factory",
    "foreign_adjectives": "overseas",
    "sea_nouns": "strait",
    "collective_addressees": "community",
    "devoted_verbs": "dedicate",  # clauses.subject_of, moved in stop 42
    "office_verbs": "chair",  # resolution._office_held, moved in the stop-42 review
    "organisation_shorthands": "bloc",  # resolution._organisation_named_before
    "third_party_nouns": "nation",  # triggers._forswears_dealings
    "harmed_words": "wounded",  # claims.extract_claims
    "invitation_takers": "accept",  # event_rules._inviters, stop 43
}


@pytest.mark.parametrize(("name", "word"), sorted(MOVED.items()))
def test_each_moved_word_list_loads_as_lower_case_words(name: str, word: str) -> None:
    words = getattr(load_lexicon(), name)
    assert isinstance(words, frozenset) and word in words
    assert all(isinstance(w, str) and w and w == w.lower() and w == w.strip() for w in words)


def test_signing_entries_are_reciprocal_with_their_partner() -> None:
    lex = load_lexicon()
    assert lex.verbs["sign"].reciprocal_with and lex.nouns["signing"].reciprocal_with
    # Meeting "with" someone is no pair each way by this flag (a visit, a call have their own rules).
    assert not lex.verbs["meet"].reciprocal_with and not lex.verbs["talk"].reciprocal_with


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        # A devoted verb's passive subject does what it is devoted to; an opposed one's does not.
        ("The Mongolian cabinet is dedicated to expanding trade with Kazakhstan.", "cabinet"),
        ("Chile was opposed to sending envoys to Peru.", None),
    ],
)
def test_gerund_after_to_under_a_devoted_verb_is_its_subjects(nlp: Language, text: str, doer: str | None) -> None:
    gerund = next(tok for tok in nlp(text) if gerund_after_to(tok))
    subject = subject_of(gerund)
    assert (subject.text if subject is not None else None) == doer
