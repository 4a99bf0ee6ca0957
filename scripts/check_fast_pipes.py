"""Proof that the fast attribute_ruler and lemmatizer (extractors/fast_pipes.py) annotate exactly as
the stock components: every token of every text through both pipelines, compared attribute by
attribute (TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START, and the texts), and the
CPU time of each component on the same docs.

Run: ``python scripts/check_fast_pipes.py [--plv /tmp/plv/PLV_train.tsv] [--words N]``.

Texts: the benchmark corpus (bench.corpus.build_corpus(): seed, real article bodies, generated,
~1M words), the ten training files of bench/data/news/train/, and PLV_train's sentences when given.
Both pipelines run as the flow runs them (batched, in a memory zone; the stock one as spaCy ships
it, extractors.nlp.load_stock_pipeline()), and the fast one a second way too: the entity stage
first, then the rest on those docs (extract_texts' two passes). Exit status 1 on any difference.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

ATTRS = ("ORTH", "SPACY", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START")


def training_texts() -> list[str]:
    texts = []
    for path in sorted((REPO_ROOT / "bench" / "data" / "news" / "train").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def plv_texts(path: Path) -> list[str]:
    from bench.plover import load_plv

    return [record.text for record in load_plv(path)]


def annotations(docs: Iterable[object]) -> list[tuple[object, ...]]:
    """Per doc: the attribute array as strings-free ints, plus the lemma and morph strings (a hash
    alone could hide a string missing from the store)."""
    out = []
    for doc in docs:
        array = doc.to_array(list(ATTRS)).tolist()  # type: ignore[attr-defined]
        strings = tuple((t.lemma_, str(t.morph), t.tag_, t.pos_, t.dep_) for t in doc)  # type: ignore[attr-defined]
        out.append((array, strings))
    return out


def compare(label: str, texts: Sequence[str], stock: object, fast: object, batch_size: int) -> int:
    from extractors.nlp import entity_stage

    t0 = time.process_time()
    with stock.memory_zone():  # type: ignore[attr-defined]
        expected = annotations(stock.pipe(texts, batch_size=batch_size))  # type: ignore[attr-defined]
    t1 = time.process_time()
    with fast.memory_zone():  # type: ignore[attr-defined]
        got = annotations(fast.pipe(texts, batch_size=batch_size))  # type: ignore[attr-defined]
    t2 = time.process_time()
    first = entity_stage(fast)
    rest = [name for name in fast.pipe_names if name not in first]  # type: ignore[attr-defined]
    with fast.memory_zone():  # type: ignore[attr-defined]
        entities = list(fast.pipe(texts, batch_size=batch_size, disable=rest))  # type: ignore[attr-defined]
        two_pass = annotations(fast.pipe(entities, batch_size=batch_size, disable=first))  # type: ignore[attr-defined]
    differ = 0
    for i, (e, g, t) in enumerate(zip(expected, got, two_pass, strict=True)):
        if e != g or e != t:
            differ += 1
            if differ <= 5:
                print(f"  DIFFERENT: {label} text {i}: {texts[i][:120]!r}")
                for token, (a, b) in enumerate(zip(e[1], g[1], strict=False)):
                    if a != b:
                        print(f"    token {token}: stock {a} fast {b}")
    tokens = sum(len(e[0]) for e in expected)
    print(
        f"{label}: {len(texts):,} texts, {tokens:,} tokens: {differ} differ"
        f" (whole pipeline, CPU s incl. comparison: stock {t1 - t0:.1f}, fast {t2 - t1:.1f})",
        flush=True,
    )
    return differ


def component_times(texts: Sequence[str], stock: object, fast: object, batch_size: int) -> None:
    """CPU seconds of each component, stock and fast, on the same docs (`proc.pipe` in order)."""
    totals: dict[str, float] = {}
    for label, nlp in (("stock", stock), ("fast", fast)):
        with nlp.memory_zone():  # type: ignore[attr-defined]
            docs = [nlp.make_doc(t) for t in texts]  # type: ignore[attr-defined]
            for name, proc in nlp.pipeline:  # type: ignore[attr-defined]
                t0 = time.process_time()
                docs = (
                    list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
                )
                totals[f"{label} {name}"] = time.process_time() - t0
    words = sum(len(t.split()) for t in texts)
    print(f"CPU s per component over {len(texts):,} texts, {words:,} words:")
    for name in ("attribute_ruler", "lemmatizer"):
        print(f"  {name:<16} stock {totals.get(f'stock {name}', 0):6.2f}  fast {totals.get(f'fast {name}', 0):6.2f}")
    print(
        f"  all components   stock {sum(v for k, v in totals.items() if k.startswith('stock')):6.2f}"
        f"  fast {sum(v for k, v in totals.items() if k.startswith('fast')):6.2f}"
    )


def leading_texts(texts: Iterable[str], words: int) -> list[str]:
    """The texts from the first on, until they hold `words` words (the one that reaches it included)."""
    kept, count = [], 0
    for text in texts:
        if count >= words:
            break
        kept.append(text)
        count += len(text.split())
    return kept


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plv", type=Path, help="PLV_train.tsv (local only)")
    parser.add_argument("--words", type=int, default=0, help="only the first N words of the bench corpus (0: all)")
    parser.add_argument("--timing-words", type=int, default=100_000, help="words timed per component")
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args(argv)
    from bench.corpus import build_corpus
    from extractors.nlp import load_pipeline, load_stock_pipeline

    stock, fast = load_stock_pipeline(), load_pipeline()
    print(f"stock pipes: {', '.join(f'{n}:{type(p).__name__}' for n, p in stock.pipeline)}")
    print(f"fast pipes:  {', '.join(f'{n}:{type(p).__name__}' for n, p in fast.pipeline)}")
    corpus = [d.text for d in build_corpus()]
    if args.words:
        corpus = leading_texts(corpus, args.words)
    sets = [("training files", training_texts())]
    if args.plv:
        sets.append(("PLV_train", plv_texts(args.plv)))
    sets.append(("bench corpus", corpus))
    differ = sum(compare(label, texts, stock, fast, args.batch_size) for label, texts in sets)
    component_times(leading_texts(corpus, args.timing_words), stock, fast, args.batch_size)
    print("identical" if not differ else f"{differ} texts differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
