"""The look-ups that name a person from an earlier mention read indexes, not every earlier mention:
Resolver.full_mention (by surname, word pair and position) and the quote finder's names quoted so far
(_QuotedNames). Their answers are those of a scan over every mention. Sentences written for this file."""

from __future__ import annotations

import random

from spacy.language import Language
from spacy.tokens import Span, Token

from extractors.extract import extract_text
from extractors.gazetteer import load_gazetteer
from extractors.lexicon import load_lexicon
from extractors.quotes import _QuotedNames, _span_chars, _without
from extractors.resolution import Resolver, _name_words

TEXT = (
    "Kim Yo Jong, the sister of Kim Jong Un, criticised Seoul on Monday. Kim said the drills must stop. "
    "Later, Hillary Clinton and Bill Clinton met reporters, and Clinton said little. "
    "South Korean Defence Minister Shin Won-sik visited Tokyo, where Shin Won met Japanese officials. "
    "Park Jie-won and Park Chan-dae spoke. Park Jie said the talks would go on. "
    "Ms Okafor, a spokesperson for the agency, said Okafor's team had left. "
    "Lin Wei told reporters that Lin would travel to Moscow, and Lin Wei added that Wei would not."
)


def test_full_mention_answers_as_a_scan_over_every_mention(nlp: Language) -> None:
    doc = nlp(TEXT)
    res = Resolver(doc, load_gazetteer(), load_lexicon())
    assert res._mention_index is not None and not res._mention_index.overlapping
    asked = 0
    for start in range(len(doc)):
        for end in range(start + 1, min(start + 4, len(doc)) + 1):
            name = doc[start:end]
            words = _name_words(name.text, res._honorifics)
            if not words or not all(t.text[:1].isupper() for t in name):
                continue
            asked += 1
            assert res.full_mention(name) == res._full_mention_scan(name, words), name.text
    assert asked > 40


def test_one_speaker_quoted_hundreds_of_times_in_one_sentence_is_named_each_time(nlp: Language) -> None:
    clause = (
        "\u201cThe blockade must end,\u201d Anna Ferreira, a spokesperson for the Brazilian foreign ministry, "
        "told reporters"
    )
    result = extract_text(nlp, ", and ".join([clause] * 120) + ".")
    speakers = [q.speaker_name for q in result.quotes]
    assert len(speakers) >= 100
    assert set(speakers) == {"Anna Ferreira"}


def _scan_last(named: list[tuple[int, str]], full: str, limit: int) -> int:
    return max((p for p, (i, f) in enumerate(named) if f == full and i < limit), default=-1)


def _scan_first(named: list[tuple[int, str]], full: str, limit: int) -> int:
    return min((p for p, (i, f) in enumerate(named) if f == full and i < limit), default=-1)


def test_the_names_quoted_so_far_answer_as_a_scan_after_appends_replacements_and_restores() -> None:
    # The quote finder's writes, at random, beside a plain list written the same way: the indexed
    # answers are those of a scan over the list, and reading the names reads the list.
    rng = random.Random(13)
    names = ["Lin Wei", "Anna Ferreira", "Kim Yo Jong", "Kim Jong Un", "Wei"]
    named: list[tuple[int, str]] = []
    index = _QuotedNames()
    saved: list[tuple[list[tuple[int, str]], tuple[int, tuple[int, str] | None]]] = []  # nested snapshots
    for _ in range(1200):
        move = rng.random()
        if move < 0.55 or not named:
            entry = (rng.randrange(200), rng.choice(names))
            named.append(entry)
            index.append(*entry)
        elif move < 0.7:
            i = rng.randrange(200)
            named[-1] = (i, named[-1][1])
            index.replace_last(i)
        elif move < 0.85:
            saved.append((list(named), index.snapshot()))
        elif saved:
            named, snapshot = saved.pop()  # the quote finder's restore: the list as it was
            index.restore(snapshot)
        assert list(index) == named and len(index) == len(named) and bool(index) == bool(named)
        assert all(index[k] == named[k] for k in range(-len(named), len(named)))
        limit = rng.randrange(210)
        for full in names:
            if full in index.positions:
                assert index.last_before(full, limit) == _scan_last(named, full, limit)
                assert index.first_before(full, limit) == _scan_first(named, full, limit)
            else:
                assert all(f != full for _, f in named)
        words = {rng.choice(["Kim", "Wei", "Lin", "Jong", "Anna"])}
        assert index.fulls_with(words) == {f for _, f in named if words & set(f.split())}


def test_each_quoted_token_takes_the_first_quote_holding_it(nlp: Language) -> None:
    # Overlapping quoted words (reported clauses reaching the sentence end): events._spoken sets each
    # token once, as a setdefault over every quote's tokens did.
    from extractors.events import _speaker_actor, _spoken
    from extractors.records import Quote

    text = "Beijing said Moscow said Tokyo said that the talks in Seoul had failed and the drills would go on."
    doc = nlp(text)
    gazetteer = load_gazetteer()
    res = Resolver(doc, gazetteer, load_lexicon())
    rng = random.Random(5)
    quotes = []
    for _ in range(40):
        start = rng.randrange(len(text))
        end = rng.randrange(start, len(text) + 1)
        speaker = rng.choice(["CHN", "RUS", "JPN", None])
        quotes.append(Quote(speaker, "x", None, text[start:end], rng.random() < 0.5, start, end))
    expected: dict[int, tuple[object, bool]] = {}
    starts = [t.idx for t in doc]
    for quote in quotes:
        actor = _speaker_actor(quote, gazetteer, res.lex)
        if actor is not None:
            for i in range(len(doc)):
                if quote.start <= starts[i] < quote.end:
                    expected.setdefault(i, (actor, quote.direct))
    assert _spoken(quotes, res, gazetteer) == expected
    assert expected


def test_a_long_run_of_coordinated_passives_stays_agentless(nlp: Language) -> None:
    from extractors.roles import _agentless_passive

    doc = nlp(", and ".join(["two fishermen were detained near the port"] * 60) + ".")
    verbs = [t for t in doc if t.lower_ == "detained"]
    assert len(verbs) == 60 and all(_agentless_passive(v) for v in verbs)
    doc = nlp(", and ".join(["the coast guard detained two fishermen"] * 60) + ".")
    assert not any(_agentless_passive(t) for t in doc if t.lower_ == "detained")


def _without_by_scan(text: str, sent: Span, verb: Token) -> tuple[int, int] | None:
    attribution = list(verb.subtree)
    a_start, a_end = attribution[0].i, attribution[-1].i
    before = [t for t in sent if t.i < a_start and not t.is_punct]
    after = [t for t in sent if t.i > a_end and not t.is_punct]
    if not before and not after:
        return None
    return _span_chars(text, sent, (before or after)[0].i, (after or before)[-1].i)


def test_the_words_around_an_attribution_are_read_from_their_ends(nlp: Language) -> None:
    text = (
        "The ceasefire, Kenyan media said, will hold. Officials, in a statement, said so. "
        "\u201cNo,\u201d she said. The border is closed, local radio reported, and the port too, a source added."
    )
    doc = nlp(text)
    asked = 0
    for sent in doc.sents:
        for verb in sent:
            if verb.pos_ in ("VERB", "AUX") and verb.lower_ != "according":
                asked += 1
                assert _without(text, sent, verb) == _without_by_scan(text, sent, verb), verb.text
    assert asked >= 5
