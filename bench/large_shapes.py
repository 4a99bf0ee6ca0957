"""Long texts: does extraction stay linear when one rule's shape repeats n times?

Every rule shape that looks back (a pronoun's antecedent, a title's earlier holder, a quote's
speaker, a surname's full mention) can turn quadratic when a text repeats it: each look-back reads
everything before it. This bench builds each shape repeated ``--n`` and ten times ``--n`` times, both
as one long sentence of coordinated clauses and as as many sentences, extracts them (``extract_text``,
the parse included) and prints the CPU-time ratio ten-fold / one-fold: ~10 is linear, ~100 quadratic.
Ratios, not seconds, so the figures hold on a shared machine; a shape whose ratio passes
``--flag`` (default 25) is marked. A shape that is a list or a nesting rather than a run of clauses
(FRAMED: "Japan, South Korea, ... and Canada condemned", "officials said that Seoul believed that
...") is one sentence of n items and n sentences of one.

Run: ``make bench-large`` or ``python -m bench.large_shapes [--n 50] [--only NAME …] [--flag 25]``
(about 4 minutes at n = 50 alone). The shapes are written for this bench, in the style of the story's news.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence

# name -> one clause or short passage; "{n}" is not used: the text is the passage repeated.
SHAPES: dict[str, str] = {
    "she chain": "She condemned Japan. She said",
    "opening he": "Lavrov met Kim in Pyongyang. He also criticised Seoul",
    "title noun": "Russian Foreign Minister Sergei Lavrov arrived. The foreign minister condemned Japan",
    "generic agent": "Police in Lagos arrested twelve smugglers",
    "own mention": "Teachers in Chile called off their strike",
    "allegation": "amid allegations that North Korea has shipped arms to Russia",
    "scheduled": "the ministry said Wang would leave on Monday for a visit to Pyongyang",
    "quote paragraph": "\u201cWe will respond,\u201d the minister said. \u201cThis is a provocation",
    "journey for talks": "Lavrov flew to Pyongyang for talks with Choe Son Hui",
    "call with": "Putin announced the plan during a call with Xi Jinping",
    "supplied by": "Russia fired missiles supplied by North Korea",
    "judgement": "Seoul called Russia's plan unacceptable",
    "side by side": "Russian and North Korean troops fought side by side against Ukraine",
    "whether": "officials could not confirm whether North Korean troops were fighting for Russia",
    "returned": "Japan returned six fishing boats to China",
    "backed": "the Iranian-backed Houthi movement attacked a ship",
    "she said, a woman named": "Kim Yo Jong, the sister of Kim Jong Un, criticised Seoul. She said",
    "went on": "\u201cWe will respond,\u201d the spokesperson went on",
    "described as": "the ministry described the summit as a routine exchange",
    "acronym": "The New York Times (NYT) reported the deal. The NYT article alleged",
    "unknown body": "The National Security Council condemned the strike, Kenyan media said",
    "described person": "Jan Novak, the first Czech astronaut, criticised Moscow",
    "place as organisation": "The Uttar Pradesh government condemned the killing",
    "claim numbers": "the ministry said North Korea had sent 1,200 shells, 300 rockets and 40 drones to Russia in 2023",
    "quote run": "\u201cThe drills must stop,\u201d Lin Jian, a spokesperson for the Chinese foreign ministry, told "
    "reporters, adding that Beijing opposed the sanctions",
    "datelines": "SEOUL, Dec. 3 (Yonhap) -- North Korea fired a ballistic missile into the sea",
    "clashes between": "the first clashes between North Korean and Ukrainian troops were reported",
    "drills with": "Russia held naval drills with China",
    "foreign weapons fired": "Russia fired North Korean missiles at Kyiv",
    "war backing": "Seoul said Pyongyang's support for Russia's war had grown",
}

# name -> (item, separator, tail): one sentence is the item n times, joined by the separator, then the
# tail ("Japan, South Korea, ... and Canada condemned"; "officials said that Seoul believed that ...
# Russia supplied"); the sentences are the item and the tail n times.
FRAMED: dict[str, tuple[str, str, str]] = {
    "actor list": ("Japan, South Korea, Australia, Germany", ", ", " and Canada condemned the launch"),
    "nested clauses": ("officials said that Seoul believed that", " ", " Russia supplied North Korea with oil"),
    "and list": ("Japan and Peru", " and ", " signed a pact"),
    # each bare part looks back for the noun it counts: x41 until stop 45 read that look-back once a sentence
    "parts of a figure": ("300 of them were wounded", ", ", ", Croatia said of the 6,000 soldiers Belarus sent"),
}


def texts_of(passage: str, n: int) -> dict[str, str]:
    """The passage n times as one sentence of coordinated clauses and as n sentences."""
    return {
        "one sentence": ", and ".join([passage] * n) + ".",
        "sentences": " ".join([passage.rstrip(".") + "."] * n),
    }


def framed_texts_of(frame: tuple[str, str, str], n: int) -> dict[str, str]:
    """A FRAMED shape n times as one sentence (the item n times, then the tail) and as n sentences."""
    item, separator, tail = frame
    return {
        "one sentence": separator.join([item] * n) + tail + ".",
        "sentences": " ".join([item + tail + "."] * n),
    }


def shape_texts(name: str, n: int) -> dict[str, str]:
    """The texts of a shape of either kind."""
    return framed_texts_of(FRAMED[name], n) if name in FRAMED else texts_of(SHAPES[name], n)


def cpu_of(nlp: object, text: str) -> float:
    from extractors.extract import extract_text

    started = time.process_time()
    extract_text(nlp, text)  # type: ignore[arg-type]
    return time.process_time() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=50, help="the smaller repeat count (the larger is ten times it)")
    parser.add_argument("--only", nargs="*", default=None, help="shape names to run (default: all)")
    parser.add_argument("--flag", type=float, default=25.0, help="mark ratios above this (10 is linear)")
    args = parser.parse_args(argv)
    names = [*SHAPES, *FRAMED]
    unknown = sorted(set(args.only or ()) - set(names))
    if unknown:
        parser.error(f"unknown shape(s): {', '.join(unknown)}; known: {', '.join(names)}")

    from extractors.nlp import load_pipeline

    nlp = load_pipeline()
    cpu_of(nlp, "Warm-up: Putin met Xi in Beijing. \u201cWe agree,\u201d he said.")
    small, large = args.n, args.n * 10
    print(f"extract_text CPU seconds, x{small} and x{large}; ratio = x{large} / x{small} (10 is linear)")
    flagged = 0
    for name in names:
        if args.only and name not in args.only:
            continue
        for form, small_text in shape_texts(name, small).items():
            large_text = shape_texts(name, large)[form]
            a, b = cpu_of(nlp, small_text), cpu_of(nlp, large_text)
            ratio = b / max(a, 1e-3)
            mark = "  <- superlinear" if ratio > args.flag else ""
            flagged += bool(mark)
            print(
                f"{name:24} {form:12} {len(large_text):>8,} chars  {a:6.2f} -> {b:6.2f} CPU s  x{ratio:5.1f}{mark}",
                flush=True,
            )
    print(f"{flagged} shape(s) above x{args.flag:g}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
