"""clauses.clause_mood: one walk up a word's head chain says whether its clause is hedged (told with doubt)
and whether it is unrealised (only possible, tried or wished for). Every sentence was written for this file."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.clauses import ClauseMood, clause_mood
from extractors.lexicon import load_lexicon

# (sentence, the word read, hedged, unrealised)
CASES = [
    ("Mali seized a Nigerien convoy near the border.", "seized", False, False),
    ("Mali reportedly seized a Nigerien convoy near the border.", "seized", True, False),
    ("Sources say Mali seized a Nigerien convoy near the border.", "seized", True, False),
    ("Mali tried to seize a Nigerien convoy near the border.", "seize", True, True),
    ("If Mali seizes the convoy, Niger will close the border.", "seizes", True, True),
    ("Mali could possibly seize the convoy.", "seize", True, True),
    # a noun's clause tells its own act: the wish above it hedges it but leaves it done
    ("Niamey wants to recover the trucks that Malian soldiers seized.", "seized", True, False),
]


@pytest.mark.parametrize(("sentence", "word", "hedged", "unrealised"), CASES)
def test_clause_mood(nlp: Language, sentence: str, word: str, hedged: bool, unrealised: bool) -> None:
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    assert clause_mood(token, load_lexicon()) == ClauseMood(hedged=hedged, unrealised=unrealised)
