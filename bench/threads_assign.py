"""Micro-benchmark of thread assignment alone (extractors/threads.py, no warehouse): a run's new
articles against the candidate thread states of a large warehouse, and the JSON round trip of those
states (what store reads and writes). `bench/threads_bench.py` measures the whole step on a warehouse.

The states and articles are synthetic, from a fixed seed: a Zipf-distributed vocabulary (as news words
are), every article and thread carrying the story's own actors (PRK, RUS) and a few linked entities
out of hundreds, threads of 1–40 articles spread over the 30 days before the batch, half of them
dormant. The batch's words are drawn from the same vocabulary, so its articles share terms with
most candidates (the costly case).

Run: ``python -m bench.threads_assign [--threads 2000] [--articles 50] [--repeat 5]``.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Sequence
from datetime import datetime, timedelta

from extractors.threads import ArticleFeatures, ThreadSettings, ThreadState, assign, candidate_window

START = datetime(2025, 1, 1)
VOCABULARY = [f"w{i}" for i in range(6000)]
ZIPF = [1 / (rank + 1) for rank in range(len(VOCABULARY))]
ENTITIES = [f"Q{i}" for i in range(800)]
EVENT_TYPES = ("AGREE", "ASSAULT", "MOBILIZE", "CONSULT", "AID", "ACCUSE", "THREATEN", "SANCTION")


def synthetic_states(count: int, settings: ThreadSettings, rng: random.Random) -> list[ThreadState]:
    states = []
    for i in range(count):
        articles = rng.randint(1, 40)
        terms: dict[str, int] = {}
        features = [f"e:{e}" for e in rng.sample(ENTITIES, 6)] + [f"t:{t}" for t in rng.sample(EVENT_TYPES, 2)]
        for term in [*rng.choices(VOCABULARY, ZIPF, k=200), *features, "a:PRK", "a:RUS"]:
            terms[term] = min(articles, terms.get(term, 0) + rng.randint(1, 3))
        kept = sorted(terms.items(), key=lambda item: (-item[1], item[0]))[: settings.max_terms]
        first = START + timedelta(days=rng.uniform(0, 30))
        titles = [(f"a{i}-{k}", " ".join(rng.choices(VOCABULARY, ZIPF, k=10))) for k in range(min(articles, 8))]
        states.append(
            ThreadState(
                thread_id=f"th-{i:06d}",
                first_seen=first,
                last_seen=first + timedelta(days=rng.uniform(0, 5)),
                status=rng.choice(["active", "dormant"]),
                label=titles[0][1],
                articles=articles,
                terms=dict(sorted(kept)),
                titles=titles,
            )
        )
    return states


def synthetic_batch(count: int, rng: random.Random) -> list[ArticleFeatures]:
    return [
        ArticleFeatures(
            article_id=f"new-{j:04d}",
            seen_at=START + timedelta(days=31, minutes=10 * j),
            outlet=f"outlet{j % 20}.example",
            cluster_id=f"cluster-{j}",
            title=" ".join(rng.choices(VOCABULARY, ZIPF, k=12)),
            lead=" ".join(rng.choices(VOCABULARY, ZIPF, k=160)),  # ~1,000 characters of text
            actors=("PRK", "RUS"),
            entities=tuple(sorted(rng.sample(ENTITIES, 5))),
            event_types=tuple(sorted(rng.sample(EVENT_TYPES, 2))),
        )
        for j in range(count)
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=2000, help="candidate thread states")
    parser.add_argument("--articles", type=int, default=50, help="articles in the batch")
    parser.add_argument("--repeat", type=int, default=5, help="timed repetitions (the best is printed)")
    args = parser.parse_args(argv)
    settings = ThreadSettings()
    rng = random.Random(7)
    states = synthetic_states(args.threads, settings, rng)
    batch = synthetic_batch(args.articles, rng)
    clock = max(s.last_seen for s in states)

    assign_best = json_best = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        candidate_window(batch, settings)
        result = assign(batch, states, settings, clock=clock)
        assign_best = min(assign_best, time.perf_counter() - started)
        started = time.perf_counter()
        restored = [ThreadState.from_json(s.thread_id, s.to_json()) for s in states]
        json_best = min(json_best, time.perf_counter() - started)
    assert len(restored) == len(states)
    print(
        f"assign {args.articles} articles against {args.threads} candidate threads: {assign_best * 1000:.0f} ms "
        f"(best of {args.repeat}; {len(result.threads)} threads changed); "
        f"to_json + from_json of the candidates: {json_best * 1000:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
