"""Article-text extraction benchmark: storywatch's extractor against plain trafilatura.

Data: the ScrapingHub article-extraction-benchmark (181 news pages with hand-checked article bodies),
laid out as ``<repo>/../shared/data/article-extraction/{html/<id>.html.gz, ground-truth.json}``.

Metric (as in the benchmark's ``evaluate.py``): texts are split into ``\\w+`` tokens and compared as
multisets of 4-token shingles. Per page, TP/FP/FN are the multiset overlap and excess counts,
normalised by their sum so that long pages weigh no more than short ones. Precision and recall are
averaged over pages (pages with no prediction are skipped for precision, and count 0 for recall);
F1 = 2PR/(P+R) is computed from the averages. "Accuracy" is the share of pages whose token list
matches the ground truth exactly.

Run: ``make bench-extract`` or ``python -m bench.extract_bench [--data DIR] [--ablations] [--per-page F]``.
Both extractors are timed in the same run, taking turns page by page; ``--ablations`` also scores
storywatch's extractor with each of its steps turned off, ``--per-page`` writes every page's F1.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.shared_data import SHARED_DIR

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = SHARED_DIR / "data" / "article-extraction"

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
NGRAM_N = 4

TpFpFn = tuple[float, float, float]


# --------------------------------------------------------------------------- metric


def tokenize(text: str | None) -> list[str]:
    """`\\w+` tokens of a text (None and "" give no tokens)."""
    return _TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = NGRAM_N) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles; a text shorter than n tokens is one shingle of all its tokens."""
    tokens = tokenize(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def shingle_matching(true: str | None, pred: str | None, n: int = NGRAM_N) -> TpFpFn:
    """Per-page (TP, FP, FN) over shingle multisets, normalised by their sum."""
    t, p = shingles(true, n), shingles(pred, n)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s > 0 else (tp, fp, fn)


def _share_found(tp: float, misses: float, fp: float, fn: float) -> float:
    """tp / (tp + misses): 1 for a perfect page (no FP, no FN), 0 when there is nothing to divide."""
    if fp == fn == 0:
        return 1.0
    if tp == misses == 0:
        return 0.0
    return tp / (tp + misses)


def precision_score(tp: float, fp: float, fn: float) -> float:
    return _share_found(tp, fp, fp, fn)


def recall_score(tp: float, fp: float, fn: float) -> float:
    return _share_found(tp, fn, fp, fn)


def exact_match(true: str | None, pred: str | None) -> bool:
    return tokenize(true) == tokenize(pred)


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int


def scores_from(tp_fp_fns: Sequence[TpFpFn], exact: Sequence[bool]) -> Scores:
    """Aggregate per-page results the way the benchmark does."""
    precisions = [precision_score(*x) for x in tp_fp_fns if x[0] + x[1] > 0]
    recalls = [recall_score(*x) for x in tp_fp_fns if x[0] + x[2] > 0]
    p = statistics.mean(precisions) if precisions else 0.0
    r = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    acc = statistics.mean(1.0 if e else 0.0 for e in exact) if exact else 0.0
    return Scores(precision=p, recall=r, f1=f1, accuracy=acc, pages=len(tp_fp_fns))


def evaluate(truth: dict[str, str], predicted: dict[str, str | None]) -> Scores:
    """Scores of predictions {id: text or None} against ground truth {id: text}, over truth's ids."""
    keys = sorted(truth)
    return scores_from(
        [shingle_matching(truth[k], predicted.get(k)) for k in keys],
        [exact_match(truth[k], predicted.get(k)) for k in keys],
    )


def page_f1(true: str | None, pred: str | None) -> float:
    """F1 of a single page (precision 0 when nothing was predicted)."""
    x = shingle_matching(true, pred)
    p = precision_score(*x) if x[0] + x[1] > 0 else 0.0
    r = recall_score(*x)
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


# --------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class Page:
    page_id: str
    url: str
    html: bytes
    truth: str


@dataclass(frozen=True, slots=True)
class Run:
    """One extractor's predictions over the pages, their scores, and the time extraction took."""

    name: str
    scores: Scores
    seconds: float
    predictions: dict[str, str | None]

    @property
    def pages_per_second(self) -> float:
        return self.scores.pages / self.seconds if self.seconds > 0 else float("inf")


def load_pages(data_dir: Path, ids: Iterable[str] | None = None) -> list[Page]:
    """Benchmark pages (raw gunzipped bytes, as a fetcher would see them) with their ground truth."""
    truth = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    wanted = sorted(truth) if ids is None else list(ids)
    pages = []
    for page_id in wanted:
        raw = gzip.decompress((data_dir / "html" / f"{page_id}.html.gz").read_bytes())
        item = truth[page_id]
        pages.append(Page(page_id, item.get("url", ""), raw, item.get("articleBody") or ""))
    return pages


# --------------------------------------------------------------------------- runs


def run_extractors(pages: Sequence[Page], extractors: dict[str, Callable[[Page], str | None]]) -> list[Run]:
    """Run every extractor over the pages and score them.

    Extractors take turns page by page (in rotating order), so that a change in machine load during the
    run affects them alike and their speed ratio stays meaningful. Only extraction is timed."""
    names = list(extractors)
    predictions: dict[str, dict[str, str | None]] = {name: {} for name in names}
    seconds = dict.fromkeys(names, 0.0)
    for n, page in enumerate(pages):
        for name in names[n % len(names) :] + names[: n % len(names)]:
            start = time.perf_counter()
            predictions[name][page.page_id] = extractors[name](page)
            seconds[name] += time.perf_counter() - start
    truth = {p.page_id: p.truth for p in pages}
    return [Run(name, evaluate(truth, predictions[name]), seconds[name], predictions[name]) for name in names]


def trafilatura_baseline(page: Page, **options: object) -> str | None:
    """Plain trafilatura as a user would call it on the page's text (the benchmark's pages are UTF-8)."""
    import trafilatura

    return trafilatura.extract(page.html.decode("utf-8"), **options)  # type: ignore[arg-type]


def storywatch_extract(page: Page) -> str | None:
    """storywatch's extractor, fed the raw bytes as the fetcher would."""
    from extractors.article import extract_article

    article = extract_article(page.html, url=page.url or None)
    return article.text if article is not None else None


# Steps of storywatch's extractor turned off one at a time by --ablations (fields of its BodyTuning).
ABLATIONS: dict[str, dict[str, object]] = {
    "no recall fallback": {"fallback_ratio": 0.0},
    "no block normalisation": {"normalize": False},
    "no recall fusion": {"fuse": False},
    "no split-body completion": {"complete_split": False},
    "no headline removal": {"drop_title": False},
    "no link-block removal": {"drop_link_blocks": False},
    "no boilerplate patterns": {"drop_boilerplate": False},
    "no edge trimming": {"trim_edges": False},
}


def storywatch_variant(changes: dict[str, object]) -> Callable[[Page], str | None]:
    """storywatch's extractor with some steps changed (for ablations only)."""
    import dataclasses

    from extractors.article import extract_article
    from extractors.article_body import DEFAULT_TUNING

    tuning = dataclasses.replace(DEFAULT_TUNING, **changes)  # type: ignore[arg-type]

    def extract(page: Page) -> str | None:
        result = extract_article(page.html, page.url or None, tuning=tuning)
        return result.text if result is not None else None

    return extract


def _format(run: Run) -> str:
    s = run.scores
    return (
        f"{run.name:<36} P={s.precision:.3f}  R={s.recall:.3f}  F1={s.f1:.3f}  "
        f"accuracy={s.accuracy:.3f}  {run.pages_per_second:6.1f} pages/s"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.extract_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"benchmark folder (default {DEFAULT_DATA})")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages (by id)")
    parser.add_argument("--ablations", action="store_true", help="also score the extractor with each step off")
    parser.add_argument("--per-page", type=Path, default=None, help="write every run's per-page F1 as JSON here")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").is_file():
        print(f"benchmark data not found in {args.data}", file=sys.stderr)
        return 2

    import logging

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # "discarding data" warnings per page
    pages = load_pages(args.data)[: args.limit]
    if not pages:
        print("no pages to run", file=sys.stderr)
        return 2
    extractors: dict[str, Callable[[Page], str | None]] = {
        "trafilatura.extract, defaults": trafilatura_baseline,
        "trafilatura.extract, no comments": lambda page: trafilatura_baseline(page, include_comments=False),
        "storywatch extract_article": storywatch_extract,
    }
    # warm-up: imports and lazily built tables are not part of the per-page cost
    for extract in extractors.values():
        for page in pages[:3]:
            extract(page)
    runs = run_extractors(pages, extractors)
    print(f"article-extraction benchmark: {len(pages)} pages from {args.data}")
    for run in runs:
        print(_format(run))
    ours = runs[-1]
    d = ours.scores
    for base in runs[:-1]:
        b = base.scores
        print(
            f"{'storywatch vs ' + base.name.split(', ')[-1]:<36} P={d.precision - b.precision:+.3f}  "
            f"R={d.recall - b.recall:+.3f}  F1={d.f1 - b.f1:+.3f}  accuracy={d.accuracy - b.accuracy:+.3f}  "
            f"speed x{ours.pages_per_second / base.pages_per_second:.2f}"
        )
    if args.ablations:
        print("ablations (storywatch with one step off; difference to the full extractor):")
        variants = {name: storywatch_variant(changes) for name, changes in ABLATIONS.items()}
        for run in run_extractors(pages, variants):
            s = run.scores
            print(f"  {run.name:<32} P={s.precision:.3f}  R={s.recall:.3f}  F1={s.f1:.3f}  (F1 {s.f1 - d.f1:+.4f})")
    if args.per_page:
        per_page = {
            p.page_id: {run.name: round(page_f1(p.truth, run.predictions[p.page_id]), 4) for run in runs} for p in pages
        }
        args.per_page.write_text(json.dumps(per_page, indent=1, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
