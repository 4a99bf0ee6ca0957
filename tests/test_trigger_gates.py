"""The cheap tests find_triggers and the class look-ups take before the costly ones give what the costly
ones give: a noun with no event-noun form is no noun trigger, a verdict is only read in the relations
`verdict` reads, a feeling only on what `feeling_clause` reads, `Lexicon.in_any_class` is `in_class`
of each class, and `sentence_text` sliced from the Resolver's text is the sentence's own."""

from __future__ import annotations

from spacy.language import Language

from extractors.clauses import parse_index, sentence_text
from extractors.gazetteer import Gazetteer
from extractors.lexicon import load_lexicon, noun_forms
from extractors.resolution import _ACTOR_CLASSES, FORCE_CLASSES, Resolver
from extractors.triggers import _THINGS, _VERDICT_DEPS, feeling_clause, feeling_subject, find_triggers, verdict

# Written for these tests: verdicts, feelings, event nouns alone and in multi-word forms, and nouns
# that are none of these.
TEXTS = (
    "Tokyo said the missile launch by Pyongyang was a grave provocation.",
    "Seoul is deeply worried about the transfer of Russian fighter jets to North Korea.",
    "The ministry said the drills violate several Security Council resolutions.",
    "Kim Jong Un's visit to Vladimir Putin's dacha ended with a joint statement on martial law.",
    "Police in Dhaka arrested dozens of protesters after a sit-in outside the parliament building.",
    "Beijing was alarmed by the deployment of American troops and weapons near its coast.",
    "The farmers sold apples, pears and honey at the weekly market on Saturday.",
)


def test_gated_tokens_give_nothing_the_full_tests_would_give(nlp: Language, gaz: Gazetteer) -> None:
    lex = load_lexicon()
    found_verdict = found_feeling = False
    for text in TEXTS:
        doc = nlp(text)
        res = Resolver(doc, gaz, lex, text=text)
        index = parse_index(doc)
        for tok in doc:
            judged = verdict(tok, lex, res) is not None
            found_verdict = found_verdict or judged
            if index.dep[tok.i] not in _VERDICT_DEPS:
                assert not judged, tok.text
            felt = feeling_subject(tok, lex, res) is not None
            found_feeling = found_feeling or felt
            if not (index.dep[tok.i] == "acomp" or index.tag[tok.i] == "VBN"):
                assert feeling_clause(tok, lex) is None and not felt, tok.text
            lemma, lower = tok.lemma_.lower(), tok.lower_
            candidates = {lemma, lower}
            if candidates.isdisjoint(lex.nouns) and candidates.isdisjoint(lex.phrase_words):
                assert not (noun_forms(tok, lex) & set(lex.nouns)), tok.text  # the noun gate's premise
    assert found_verdict and found_feeling  # the sentences reach both rules


def test_triggers_of_the_sentences(nlp: Language, gaz: Gazetteer) -> None:
    # What find_triggers finds on these sentences (the same before and after its cheap tests).
    lex = load_lexicon()
    found = []
    for text in TEXTS:
        doc = nlp(text)
        res = Resolver(doc, gaz, lex, text=text)
        for sent in doc.sents:
            found += [(t.token.text, t.type) for t in find_triggers(sent, lex, res)]
    assert ("provocation", "DISAPPROVE") in found
    assert ("worried", "DISAPPROVE") in found
    assert ("visit", "CONSULT") in found
    assert not any(word in ("apples", "pears", "honey", "market", "farmers") for word, _ in found)


def test_in_any_class_is_in_class_of_each(nlp: Language) -> None:
    lex = load_lexicon()
    seen = False
    for text in TEXTS:
        for tok in nlp(text):
            for names in (_THINGS, FORCE_CLASSES, _ACTOR_CLASSES, ("no such class",), ()):
                expected = any(lex.in_class(tok, name) for name in names)
                assert lex.in_any_class(tok, names) == expected, (tok.text, names)
                seen = seen or expected
    assert seen
    assert not lex.in_any_class(None, FORCE_CLASSES)


def test_sentence_text_from_the_resolvers_text(nlp: Language, gaz: Gazetteer) -> None:
    lex = load_lexicon()
    for text in (" ".join(TEXTS), "Japan protested.\n\nRussia and China denied it.\n\n", "\n".join(TEXTS) + "  "):
        doc = nlp(text)
        Resolver(doc, gaz, lex, text=text)  # leaves its text with the parse index
        assert [sentence_text(s) for s in doc.sents] == [s.text.rstrip() for s in doc.sents]
