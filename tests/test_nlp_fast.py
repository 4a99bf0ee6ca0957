"""The table-driven attribute_ruler and lemmatizer (extractors/fast_pipes.py) annotate every token as
the stock spaCy components do: on a few hundred varied sentences through the real model, and on
hand-built rules that exercise the AttributeRuler's semantics (rule order, overlapping multi-token
matches, negative index, matches read before anything is written)."""

from __future__ import annotations

import itertools

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractors import fast_pipes
from extractors.fast_pipes import (
    FastAttributeRuler,
    FastLemmatizer,
    UnsupportedPattern,
    install_fast_gemm,
    install_fast_pipes,
    openblas_threads,
)
from extractors.nlp import entity_stage, load_stock_pipeline
from flows.seeds import default_seeds_dir, read_seeds

ATTRS = ["ORTH", "SPACY", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START"]

ODD = [
    "We're gonna hold talks, and they're gotta sign, y'all know it.",
    "Let's go: c'mon, it ain't over 'til it's over, ain't it?",
    "He's doin' nothin' wrong, said ol' Pete, watchin' 'em leave; 'nuff said.",
    "I'd say you'd've known, wouldn't you? I can't, won't and shan't.",
    "Somethin' is up , and  there   are\tthree\n\nspaces   here.",
    "See https://example.org/news?id=42&x=y or mail press@example.org by 5:30 p.m.",
    "Prices rose 3.5% to $1,234.56 (¥9,800) on 12/03/2024 — a 2nd rise in Q3 2024.",
    "Kim 🚀🇰🇵 said #NorthKorea @KCNA_news 😀 ... !!! ?? «quoted» “curly” 'single'",
    "ITS HEADLINE: NORTH KOREA SENDS TROOPS TO RUSSIA, SAYS SEOUL",
    "i said that it is me. it was i who told you, and you told it to me.",
    "That which is done is done; this is that, those are these, there is a there there.",
    "Is it? Was he? Have they? Did she? Do we? Does it? Got it, gets it.",
    "Being there, having been told, he had had enough: he'd been had.",
    "Nobody, anybody, somebody, everyone, anything, nothing and someone came once.",
    "\n\n  \t ",
    "-",
    "A",
    "Mr. Putin met Maj. Gen. Lee and Col. Park at 10 a.m. in Pyongyang, Ri Son Gwon said.",
]

STORY = [
    "{a} and {b} held talks in {place} on {day}, the foreign ministry said.",
    "{a} accused {b} of provocations near {place}, warning it would respond.",
    "Officials in {place} said {a} had sent troops to support {b}'s forces.",
    "“We will never accept this,” {a}'s envoy said in {place}, criticising {b}.",
    "{b} isn't gonna sign the pact with {a}, a spokesman told reporters in {place}.",
    "Did {a} really threaten {b}? Analysts in {place} doubt it, and so does {b}.",
]
FILL = {
    "a": ["North Korea", "Russia", "China", "Kim Jong Un", "Vladimir Putin", "Xi Jinping", "Seoul", "Beijing"],
    "b": ["South Korea", "Ukraine", "Japan", "the United States", "Moscow", "Pyongyang"],
    "place": ["Beijing", "Vladivostok", "the Kursk region", "Tokyo", "New York"],
    "day": ["Monday", "Tuesday", "June 19", "last week"],
}


def sentences() -> list[str]:
    out = list(ODD)
    combos = itertools.product(FILL["a"], FILL["b"], FILL["place"], FILL["day"])
    for i, (a, b, place, day) in enumerate(itertools.islice(combos, 0, None, 4)):
        if a != b:
            out.append(STORY[i % len(STORY)].format(a=a, b=b, place=place, day=day))
    for seed in read_seeds(default_seeds_dir()):
        out.extend(p for p in seed.text.split("\n")[:40] if p.strip())
    return out


def annotations(docs: list[Doc]) -> list[tuple[list[list[int]], list[tuple[str, ...]]]]:
    return [
        (doc.to_array(ATTRS).tolist(), [(t.lemma_, str(t.morph), t.tag_, t.pos_, t.dep_) for t in doc]) for doc in docs
    ]


@pytest.fixture(scope="module")
def stock() -> Language:
    return load_stock_pipeline()


def test_the_loaded_pipeline_uses_the_fast_components(nlp: Language, stock: Language) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmatizer)
    assert nlp.pipe_names == stock.pipe_names  # same names, same places: entity_stage is unchanged
    assert entity_stage(nlp) == entity_stage(stock)
    assert type(stock.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"


def _model_ops(nlp: Language) -> list[object]:
    return [
        node.ops
        for _, pipe in nlp.pipeline
        if hasattr(getattr(pipe, "model", None), "walk")
        for node in pipe.model.walk()
    ]


def test_the_loaded_pipeline_multiplies_with_numpys_blas_on_one_thread(nlp: Language, stock: Language) -> None:
    """numpy's wheels ship OpenBLAS: the loaded pipeline's models use it (one thread), the stock
    pipeline keeps spaCy's BLIS; every token's annotations stay the stock ones (the tests below)."""
    assert openblas_threads() == 1
    ops = _model_ops(nlp)
    assert len(ops) > 20
    assert all(getattr(o, "use_blis", None) is False for o in ops)
    assert all(getattr(o, "use_blis", None) is True for o in _model_ops(stock))


def test_without_openblas_the_models_keep_blis(monkeypatch: pytest.MonkeyPatch) -> None:
    blank = spacy.blank("en")
    blank.add_pipe("tagger")
    monkeypatch.setattr(fast_pipes, "_single_threaded_openblas", lambda: False)
    assert install_fast_gemm(blank) is False
    assert all(o.use_blis for o in _model_ops(blank))  # type: ignore[attr-defined]
    monkeypatch.undo()
    assert install_fast_gemm(blank) is True
    assert not any(o.use_blis for o in _model_ops(blank))  # type: ignore[attr-defined]


def test_every_token_as_the_stock_pipeline(nlp: Language, stock: Language) -> None:
    texts = sentences()
    assert len(texts) > 200
    with stock.memory_zone():
        expected = annotations(list(stock.pipe(texts, batch_size=16)))
    with nlp.memory_zone():
        got = annotations(list(nlp.pipe(texts, batch_size=16)))
    for text, e, g in zip(texts, expected, got, strict=True):
        assert g == e, text
    # twice more: warm caches, and a memory zone's strings gone since the first pass
    with nlp.memory_zone():
        assert annotations(list(nlp.pipe(texts[:60], batch_size=16))) == expected[:60]
    assert annotations([nlp(t) for t in texts[:30]]) == expected[:30]


def test_two_passes_give_the_one_pass_result(nlp: Language, stock: Language) -> None:
    """extract_texts runs the entity stage first, then the rest on those docs."""
    texts = sentences()[:80]
    first = entity_stage(nlp)
    rest = [name for name in nlp.pipe_names if name not in first]
    entities = list(nlp.pipe(texts, disable=rest))
    assert annotations(list(nlp.pipe(entities, disable=first))) == annotations(list(stock.pipe(texts)))


# --- the AttributeRuler's semantics on hand-built rules ----------------------------------------------


def _ruler(patterns: list[dict]) -> tuple[Language, object]:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp, ruler


def _doc(nlp: Language, words: list[str], tags: list[str], deps: list[str] | None = None) -> Doc:
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words) if deps else None)


RULES = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "NN", "LOWER": "thing"}]], "attrs": {"POS": "PRON"}},  # overrides POS only
    {"patterns": [[{"LOWER": "a"}, {"LOWER": "b"}]], "attrs": {"LEMMA": "second"}, "index": -1},
    {"patterns": [[{"LOWER": "b"}, {"LOWER": "a"}]], "attrs": {"LEMMA": "first"}, "index": 0},  # overlaps
    {
        "patterns": [[{"LOWER": {"IN": ["x", "y"]}}, {}, {"TAG": {"NOT_IN": ["VB", ""]}}]],
        "attrs": {"TAG": "XX"},
        "index": 1,
    },
    {"patterns": [[{"TAG": "XX"}]], "attrs": {"POS": "X"}},  # reads TAG before the rule above writes it
    {"patterns": [[{"LOWER": {"REGEX": "^z+$"}}], [{"ORTH": "Q"}]], "attrs": {"LEMMA": "zed", "DEP": "dep"}},
    {"patterns": [[{"IS_DIGIT": True}]], "attrs": {"POS": "NUM"}},
]


@pytest.mark.parametrize(
    ("words", "tags"),
    [
        (["a", "b", "a", "b", "a"], ["NN", "VB", "NN", "VB", "NN"]),
        (["x", "thing", "y", "q", "Q", "zz"], ["DT", "NN", "VB", "NN", "", "XX"]),
        (["y", "b", "a", "1", "zzz", "thing"], ["NN", "NN", "NN", "CD", "NN", "VB"]),
        (["x", "x", "x", "x"], ["", "", "NN", "VB"]),
    ],
)
def test_rule_order_overlaps_and_index_as_spacy(words: list[str], tags: list[str]) -> None:
    nlp, ruler = _ruler(RULES)
    fast = FastAttributeRuler(ruler)
    expected = ruler(_doc(nlp, words, tags))  # type: ignore[operator]
    got = fast(_doc(nlp, words, tags))
    assert annotations([got]) == annotations([expected])


def test_a_shape_it_does_not_compile_keeps_the_stock_component() -> None:
    nlp, ruler = _ruler([{"patterns": [[{"LOWER": "a", "OP": "+"}]], "attrs": {"LEMMA": "a"}}])
    with pytest.raises(UnsupportedPattern):
        FastAttributeRuler(ruler)
    assert install_fast_pipes(nlp) == []
    assert nlp.get_pipe("attribute_ruler") is ruler
    nlp, ruler = _ruler([{"patterns": [[{"LOWER": "a"}]], "attrs": {"NORM": "aa"}}])  # a lexeme write
    with pytest.raises(UnsupportedPattern):
        FastAttributeRuler(ruler)
