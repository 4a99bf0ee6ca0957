"""Table-driven equivalents of two stock spaCy components: the `attribute_ruler` and the rule `lemmatizer`.

The stock attribute_ruler of en_core_web_sm (179 rules, nearly all one token: `{"TAG": "NN"}` →
POS/MORPH, a few `{"TAG": "PRP", "LOWER": "her"}` or two-token exceptions) runs spaCy's general
Matcher, whose Python predicate callbacks cost ~25% of the whole parse. Every rule here reads a
token's own attributes (TAG, LOWER, DEP, IS_SPACE …), so which rules match a token is a function of
those values: computed once per distinct tuple of values and kept, each token then costs a dict
look-up. The same holds for the rule lemmatizer, whose lemma is a function of (ORTH, POS, MORPH)
(the stock component caches on exactly that key, but pays for Token objects and their properties).

Both are built at load from the loaded components themselves (their patterns, normalised attrs,
indices; their lemmatize function), so they follow whatever model version is installed; a rule of a
shape not compiled here (an operator, an extension attribute, a predicate other than IN, NOT_IN or
REGEX, an attribute the table does not read) leaves the stock component in place
(`UnsupportedPattern`). Semantics are spaCy's AttributeRuler's: every match is found on the
document as it was before the component (the Matcher runs first), then matches are applied in the
order of their rule (later rules override earlier ones), the attrs going to the token at `index`
of the matched span. The attrs compiled are token fields only (LEMMA, POS, TAG, MORPH, DEP), which
spaCy's set_token_attrs writes one after the other, so applying only the last rule's value of each
field is the same. scripts/check_fast_pipes.py compares every token with the stock pipeline.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import numpy
from spacy.attrs import DEP, IDS, LEMMA, MORPH, ORTH, POS, SENT_START, TAG
from spacy.strings import get_string_id

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Attributes a compiled pattern may read: lexeme attributes and flags (IS_SPACE, LIKE_NUM …, ids
# below 64) and the token fields that Doc.to_array reads as the Matcher does (SENT_START is read
# differently by the Matcher, ENT_IOB compares against IOB strings: neither is compiled).
_LEXICAL = ("ORTH", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "LENGTH", "LANG")
_TOKEN_FIELDS = ("LEMMA", "POS", "TAG", "DEP", "ENT_TYPE", "SPACY")
READABLE = frozenset(IDS[name] for name in _LEXICAL + _TOKEN_FIELDS) | frozenset(range(1, 64))
# Attributes a compiled rule may write: plain token fields (set_token_attrs' lexeme half ignores them).
WRITABLE = (LEMMA, POS, TAG, MORPH, DEP)
_MORPH_COLUMN = WRITABLE.index(MORPH)
_OTHER_COLUMNS = [i for i, attr in enumerate(WRITABLE) if attr != MORPH]
_OTHERS = [WRITABLE[i] for i in _OTHER_COLUMNS]
MAX_CACHE = 500_000  # distinct keys kept before a cache starts over (a long-running process)

__all__ = [
    "FastAttributeRuler",
    "FastLemmatizer",
    "UnsupportedPattern",
    "install_fast_gemm",
    "install_fast_pipes",
    "openblas_threads",
]


class UnsupportedPattern(ValueError):
    """A rule this module does not compile: the stock component stays."""


class _Spec:
    """One token of a pattern: equality tests on attribute values, and IN / NOT_IN / REGEX tests."""

    __slots__ = ("equal", "in_sets", "not_in_sets", "regexes")

    def __init__(self, spec: dict[str, Any], strings: Any, columns: dict[int, int]) -> None:
        if not isinstance(spec, dict):
            raise UnsupportedPattern(f"token spec {spec!r}")
        self.equal: list[tuple[int, int]] = []
        self.in_sets: list[tuple[int, frozenset[int]]] = []
        self.not_in_sets: list[tuple[int, frozenset[int]]] = []
        self.regexes: list[tuple[int, re.Pattern[str]]] = []
        for name, value in spec.items():
            if not isinstance(name, str):
                raise UnsupportedPattern(f"attribute {name!r}")
            upper = name.upper()
            upper = "ORTH" if upper == "TEXT" else upper
            attr = IDS.get(upper)
            if upper in ("OP", "_") or attr is None or attr not in READABLE or attr == SENT_START:
                raise UnsupportedPattern(f"attribute {name!r}")
            column = columns.setdefault(attr, len(columns))
            if isinstance(value, bool):
                self.equal.append((column, int(value)))
            elif isinstance(value, str):
                self.equal.append((column, strings.add(value)))  # as the Matcher does
            elif isinstance(value, int):
                self.equal.append((column, value))
            elif isinstance(value, dict):
                for predicate, argument in value.items():
                    kind = predicate.upper() if isinstance(predicate, str) else predicate
                    if kind in ("IN", "NOT_IN") and isinstance(argument, list | tuple):
                        if not all(isinstance(v, str | int) for v in argument):
                            raise UnsupportedPattern(f"{kind} {argument!r}")
                        target = self.in_sets if kind == "IN" else self.not_in_sets
                        target.append((column, frozenset(get_string_id(v) for v in argument)))
                    elif kind == "REGEX" and isinstance(argument, str):
                        self.regexes.append((column, re.compile(argument)))
                    else:
                        raise UnsupportedPattern(f"predicate {predicate!r}: {argument!r}")
            else:
                raise UnsupportedPattern(f"value {value!r}")

    def matches(self, key: tuple[int, ...], strings: Any) -> bool:
        return (
            all(key[c] == v for c, v in self.equal)
            and all(key[c] in s for c, s in self.in_sets)
            and all(key[c] not in s for c, s in self.not_in_sets)
            # the Matcher's REGEX reads the attribute's string (vocab.strings[value]) and searches it
            and all(r.search(strings[key[c]]) for c, r in self.regexes)
        )


class _Rule:
    """A pattern of one rule (an AttributeRuler entry may hold several), fixed length."""

    __slots__ = ("offset", "rule", "specs")

    def __init__(self, rule: int, specs: list[int], index: int) -> None:
        if not -len(specs) <= index < len(specs):
            raise UnsupportedPattern(f"index {index} outside a pattern of {len(specs)} tokens")
        self.rule = rule
        self.specs = specs
        self.offset = index if index >= 0 else len(specs) + index


class FastAttributeRuler:
    """spaCy's AttributeRuler as a table: which rules a token matches is computed once per distinct
    tuple of the attribute values the rules read, then looked up."""

    def __init__(self, stock: Any) -> None:
        self.stock = stock
        self.name = stock.name
        self.vocab = stock.vocab
        strings = self.vocab.strings
        self._columns: dict[int, int] = {}
        self._specs: list[_Spec] = []
        self._writes: list[tuple[tuple[int, int], ...]] = []  # per rule: (write column, value)
        single: list[list[int]] = []  # per spec: the rules whose one-token pattern it is
        self._multi: list[_Rule] = []
        spec_ids: dict[str, int] = {}
        for rule, entry in enumerate(stock.patterns):
            attrs = stock.attrs[rule]
            if not all(isinstance(a, int) and a in WRITABLE for a in attrs):
                raise UnsupportedPattern(f"attrs {entry['attrs']!r}")
            self._writes.append(tuple((WRITABLE.index(a), v) for a, v in attrs.items()))
            for pattern in entry["patterns"]:
                if not isinstance(pattern, list) or not pattern:
                    raise UnsupportedPattern(f"pattern {pattern!r}")
                ids = []
                for spec in pattern:
                    text = repr(spec)
                    if text not in spec_ids:
                        spec_ids[text] = len(self._specs)
                        self._specs.append(_Spec(spec, strings, self._columns))
                        single.append([])
                    ids.append(spec_ids[text])
                compiled = _Rule(rule, ids, stock.indices[rule])
                if len(ids) == 1:
                    single[ids[0]].append(rule)
                else:
                    self._multi.append(compiled)
        # The analyses the rules set, as objects (Token.morph takes one); each must be the table's own.
        from spacy.tokens import MorphAnalysis

        self._analyses: dict[int, Any] = {}
        for writes in self._writes:
            for column, value in writes:
                if column == _MORPH_COLUMN:
                    analysis = MorphAnalysis.from_id(self.vocab, value)
                    if analysis.key != value:
                        raise UnsupportedPattern(f"MORPH {value} not in the morphology table")
                    self._analyses[value] = analysis
        self._single = [tuple(rules) for rules in single]
        self._first = [tuple(m for m, r in enumerate(self._multi) if r.specs[0] == s) for s in range(len(self._specs))]
        self._read = [attr for attr, _ in sorted(self._columns.items(), key=lambda item: item[1])]
        # A key is tested only against the specs that could match it: those whose first equality test
        # its value passes, and those with no equality test.
        self._by_value: dict[tuple[int, int], list[int]] = {}
        self._always: list[int] = []
        for s, spec in enumerate(self._specs):
            if spec.equal:
                self._by_value.setdefault(spec.equal[0], []).append(s)
            else:
                self._always.append(s)
        # key → entry number; per entry (row of the tables): the merged writes of its one-token rules
        # (values, and which of the WRITABLE fields they set), their rule ids, the multi-token
        # patterns it may start, and its mask of matching specs. Entry 0: nothing matches.
        self._cache: dict[tuple[int, ...], int] = {}
        self._rules: list[tuple[int, ...]] = [()]
        self._starts: list[tuple[int, ...]] = [()]
        self._masks: list[int] = [0]
        self._values = numpy.zeros((1024, len(WRITABLE)), dtype=numpy.uint64)
        self._sets = numpy.zeros((1024, len(WRITABLE)), dtype=bool)
        self._starting = numpy.zeros(1024, dtype=bool)

    def _entry(self, key: tuple[int, ...]) -> int:
        strings = self.vocab.strings
        candidates = set(self._always)
        for column, value in enumerate(key):
            candidates.update(self._by_value.get((column, value), ()))
        mask = 0
        rules: list[int] = []
        starts: list[int] = []
        for s in sorted(candidates):
            if self._specs[s].matches(key, strings):
                mask |= 1 << s
                rules.extend(self._single[s])
                starts.extend(self._first[s])
        rules.sort()
        if len(self._cache) >= MAX_CACHE:
            self._cache.clear()
            del self._rules[1:], self._starts[1:], self._masks[1:]
        number = len(self._rules)
        self._rules.append(tuple(rules))
        self._starts.append(tuple(starts))
        self._masks.append(mask)
        if number >= len(self._values):
            grow = len(self._values)
            self._values = numpy.concatenate([self._values, numpy.zeros_like(self._values[:grow])])
            self._sets = numpy.concatenate([self._sets, numpy.zeros_like(self._sets[:grow])])
            self._starting = numpy.concatenate([self._starting, numpy.zeros_like(self._starting[:grow])])
        self._values[number] = 0
        self._sets[number] = False
        for column, value in self._merge(rules):
            self._values[number, column] = value
            self._sets[number, column] = True
        self._starting[number] = bool(starts)
        self._cache[key] = number
        return number

    def _merge(self, rules: Iterable[int]) -> tuple[tuple[int, int], ...]:
        """The writes of these rules applied in order: the last value of each field."""
        merged: dict[int, int] = {}
        for rule in rules:
            merged.update(self._writes[rule])
        return tuple(sorted(merged.items()))

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        cache = self._cache
        entry = self._entry
        if len(self._read) > 1:
            keys = list(map(tuple, doc.to_array(self._read).tolist()))
        elif self._read:
            keys = [(v,) for v in doc.to_array(self._read).tolist()]
        else:  # no rule reads anything (only `{}` tokens, or no rules)
            keys = [()] * n
        numbers = [cache.get(k) or entry(k) for k in keys]
        rows = numpy.array(numbers, dtype=numpy.intp)
        current = doc.to_array(WRITABLE)
        sets = self._sets[rows]
        new = numpy.where(sets, self._values[rows], current)
        if self._multi:
            extra: dict[int, list[int]] = {}  # token → rules of multi-token patterns that target it
            masks = self._masks
            for i in numpy.flatnonzero(self._starting[rows]).tolist():
                for m in self._starts[numbers[i]]:
                    rule = self._multi[m]
                    if i + len(rule.specs) <= n and all(
                        masks[numbers[i + j]] >> s & 1 for j, s in enumerate(rule.specs)
                    ):
                        extra.setdefault(i + rule.offset, []).append(rule.rule)
            for i, rules in extra.items():
                row = current[i].copy()
                for column, value in self._merge(sorted({*self._rules[numbers[i]], *rules})):
                    row[column] = value
                new[i] = row
        # MORPH is set token by token where it changes (Doc.from_array would look every token's
        # analysis up in the morphology table again, half this component's time); the rest at once.
        morph = new[:, _MORPH_COLUMN]
        changed = numpy.flatnonzero(morph != current[:, _MORPH_COLUMN])
        for i, value in zip(changed.tolist(), morph[changed].tolist(), strict=True):
            doc[i].morph = self._analyses[value]
        if not numpy.array_equal(new[:, _OTHER_COLUMNS], current[:, _OTHER_COLUMNS]):
            doc.from_array(_OTHERS, new[:, _OTHER_COLUMNS])
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)


class FastLemmatizer:
    """spaCy's rule lemmatizer with its cache keyed as its own ((ORTH, POS, MORPH) → lemma), read and
    written as arrays; a miss asks the stock component."""

    def __init__(self, stock: Any) -> None:
        from spacy.lang.en.lemmatizer import EnglishLemmatizer
        from spacy.pipeline import Lemmatizer

        if type(stock) not in (Lemmatizer, EnglishLemmatizer) or stock.mode != "rule":
            raise UnsupportedPattern(f"lemmatizer {type(stock).__name__} in mode {getattr(stock, 'mode', '?')}")
        self.stock = stock
        self.name = stock.name
        self.vocab = stock.vocab
        self._cache: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        stock = self.stock
        if not stock._validated:
            from spacy.errors import Errors

            stock._validate_tables(Errors.E1004)
        overwrite = stock.overwrite
        cache = self._cache
        add = self.vocab.strings.add
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = [row[3] for row in rows]
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                text = cache.get(key)
                if text is None:
                    text = stock.lemmatize(doc[i])[0]
                    if len(cache) >= MAX_CACHE:
                        cache.clear()
                    cache[key] = text
                lemmas[i] = add(text)  # as Token.lemma_ = text does (a memory zone's strings too)
                changed = True
        if changed:
            doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)


def install_fast_pipes(nlp: Language) -> list[str]:
    """Put the fast equivalents in place of the stock attribute_ruler and lemmatizer (same names,
    same places); returns the names replaced. A component that does not compile stays stock."""
    replaced = []
    for name, factory in (("attribute_ruler", FastAttributeRuler), ("lemmatizer", FastLemmatizer)):
        if name not in nlp.component_names:
            continue
        try:
            fast = factory(nlp.get_pipe(name))
        except UnsupportedPattern:
            continue
        _swap(nlp, name, fast)
        replaced.append(name)
    return replaced


def _swap(nlp: Language, name: str, component: Any) -> None:
    """Replace a component object in place (spaCy's replace_pipe builds from a factory and config;
    these are built from the loaded component, which keeps its place, name and config)."""
    components = nlp._components
    for i, (existing, _) in enumerate(components):
        if existing == name:
            components[i] = (name, component)
            return
    raise KeyError(name)


def install_fast_gemm(nlp: Language) -> bool:
    """Give the pipeline's models thinc's NumPy ops without BLIS: their matrix products go to
    numpy's BLAS (OpenBLAS in numpy's wheels), pinned to one thread, instead of the BLIS spaCy
    ships. BLIS picks its kernel from the CPU when loaded and falls back to its generic reference
    kernel on CPUs its build does not know (the AMD EPYC of CPU family 25 this was measured on):
    there it is ~3× slower than OpenBLAS, and its matrix products are about a third of the parse.
    Only the summation order of a product changes (differences ~1e-6 in the scores; the parser's
    own per-state products still go to BLIS); `scripts/check_fast_pipes.py` compares every token's
    annotations with the stock pipeline's. Nothing changes, and False is returned, when numpy's
    BLAS is not an OpenBLAS that can be held to one thread (one thread per process: storywatch
    runs in parallel by processes, and OpenBLAS's own threads would spend more CPU than they save)."""
    if not _single_threaded_openblas():
        return False
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return True


def openblas_threads() -> int | None:
    """How many threads numpy's OpenBLAS uses in this process; None when numpy's BLAS is no OpenBLAS."""
    getter = _openblas_function("get_num_threads")
    return None if getter is None else int(getter())


def _single_threaded_openblas() -> bool:
    """Set numpy's OpenBLAS to one thread for this process; False when no OpenBLAS is found."""
    setter = _openblas_function("set_num_threads")
    if setter is None:
        return False
    setter.argtypes = [ctypes.c_int]
    setter(1)
    return True


def _openblas_function(name: str) -> Any:
    """OpenBLAS's `openblas_<name>` under the names its builds export it (plain, 64-bit integers,
    and the scipy-openblas builds of numpy's wheels: a prefix and a suffix), or None. numpy's BLAS
    is linked into its `_multiarray_umath` extension, whose symbol lookup reaches it."""
    try:
        from numpy._core import _multiarray_umath as umath
    except ImportError:  # numpy 1.x
        from numpy.core import _multiarray_umath as umath  # type: ignore[no-redef]
    try:
        library = ctypes.CDLL(umath.__file__)
    except OSError:
        return None
    for prefix in ("", "scipy_"):
        for suffix in ("", "64_"):
            function = getattr(library, f"{prefix}openblas_{name}{suffix}", None)
            if function is not None:
                return function
    return None
