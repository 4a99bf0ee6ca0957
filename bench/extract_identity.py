"""`storywatch extract --jsonl` output on the seed + bench corpus, written or compared byte for byte.

A speed change to the extractors must not change what they extract. Write the output of the code
before the change, then compare the code after it against that file:

    python -m bench.extract_identity --out /tmp/before.jsonl            # on the old code
    python -m bench.extract_identity --against /tmp/before.jsonl        # on the new code

The input is the benchmark corpus (bench/corpus.py): the whole seed, all the article-extraction
bodies, and an interleaved subset of --generated-words words of its generated texts (default
100,000; 0: all of them), each with its publication date. `extract --jsonl --all` is run as a
whole process, so every text gets events, quotes and claims whatever its relevance. Exit status 1
when the output differs (the first differing lines are printed).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.corpus import article_docs, build_corpus, describe, interleaved_subset, seed_docs

REPO_ROOT = Path(__file__).resolve().parents[1]


def corpus_jsonl(generated_words: int) -> tuple[str, str]:
    """(the JSON lines input of `extract --jsonl`, a description of the documents in it)."""
    generated = [d for d in build_corpus() if d.origin == "generated"]
    docs = seed_docs() + article_docs() + interleaved_subset(generated, generated_words)
    lines = [
        json.dumps(
            {"id": d.doc_id, "text": d.text} | ({"published_at": d.published.isoformat()} if d.published else {}),
            ensure_ascii=False,
        )
        for d in docs
    ]
    return "\n".join(lines) + "\n", describe(docs)


def run_extract(input_jsonl: str) -> bytes:
    """The standard output of `storywatch extract --jsonl --all` on the input, as bytes."""
    storywatch = str(Path(sys.executable).parent / "storywatch")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
        f.write(input_jsonl)
    try:
        done = subprocess.run(
            [storywatch, "extract", "--jsonl", "--all", f.name], cwd=REPO_ROOT, capture_output=True, check=False
        )
    finally:
        Path(f.name).unlink()
    if done.returncode != 0:
        raise SystemExit(f"storywatch extract failed ({done.returncode}): {done.stderr.decode(errors='replace')}")
    return done.stdout


def first_differences(before: bytes, after: bytes, limit: int = 3) -> list[str]:
    """The first `limit` differing lines, as "line N: document id" with both versions cut short."""
    out = []
    old, new = before.splitlines(), after.splitlines()
    if len(old) != len(new):
        out.append(f"{len(old)} lines before, {len(new)} after")
    for number, (a, b) in enumerate(zip(old, new, strict=False), start=1):
        if a != b:
            doc_id = json.loads(b).get("id")
            out.append(f"line {number} ({doc_id}):\n  before {a[:400]!r}\n  after  {b[:400]!r}")
            if len(out) >= limit:
                break
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--generated-words", type=int, default=100_000, help="words of generated texts to add (0: all)")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, help="write the output here")
    target.add_argument("--against", type=Path, help="compare the output with this file")
    args = parser.parse_args(argv)
    input_jsonl, described = corpus_jsonl(args.generated_words)
    print(f"input: {described}", flush=True)
    t0 = time.perf_counter()
    output = run_extract(input_jsonl)
    print(f"extract --jsonl --all: {len(output.splitlines())} lines in {time.perf_counter() - t0:.1f} s")
    if args.out:
        args.out.write_bytes(output)
        print(f"written to {args.out}")
        return 0
    before = args.against.read_bytes()
    if before == output:
        print(f"identical to {args.against} ({len(output):,} bytes)")
        return 0
    print(f"DIFFERS from {args.against}:")
    for difference in first_differences(before, output):
        print(difference)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
