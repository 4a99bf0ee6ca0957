"""The ingest flow: collect → extract → load, as Prefect tasks over batches.

The warehouse is opened for writing twice, briefly: once to migrate and learn which texts are
already stored (so unchanged texts never reach NLP), once to load the run in one transaction.
Extraction, the slow part, happens with no connection held.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.runtime import flow_run as prefect_flow_run

from extractors.extract import EXTRACTOR_VERSION, extract_texts
from extractors.gazetteer import load_gazetteer
from extractors.ids import article_id, text_hash
from extractors.nlp import load_pipeline, pipeline_versions
from extractors.records import Extraction
from extractors.relevance import relevance
from flows.config import DEFAULT_DB_PATH, Config, load_config
from flows.seeds import Seed, default_seeds_dir, read_seeds
from warehouse.db import WarehouseError, connect, utcnow
from warehouse.load import RunBatch, load_batch, record_failed_run
from warehouse.queries import stored_text_hashes, table_counts

SEED_SOURCE_ID = "seed"


@dataclass(frozen=True, slots=True)
class Document:
    """An article candidate: its text and metadata, before extraction."""

    article_id: str
    source_id: str
    url: str
    title: str | None
    published_at: datetime | None
    published_approx: bool
    fetched_at: datetime
    text: str
    text_hash: str
    is_seed: bool
    canonical_url: str | None = None
    author: str | None = None
    language: str | None = "en"
    summary_only: bool = False


@dataclass
class RunSummary:
    run_id: str
    flow_run_id: str | None
    status: str
    db_path: str
    articles_seen: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    documents_extracted: int = 0
    mentions_new: int = 0
    events_new: int = 0
    elapsed_s: float = 0.0
    totals: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def ensure_warehouse_dir(db_path: str) -> None:
    """Create `data/` for the default location only; any other missing directory is the user's error."""
    if Path(db_path) == Path(DEFAULT_DB_PATH):
        Path(db_path).parent.mkdir(parents=True, exist_ok=True)


def seed_document(seed: Seed, fetched_at: datetime) -> Document:
    return Document(
        article_id=article_id(seed.key),
        source_id=SEED_SOURCE_ID,
        url=seed.key,
        title=seed.title,
        published_at=seed.published_at,
        published_approx=seed.approximate,
        fetched_at=fetched_at,
        text=seed.text,
        text_hash=text_hash(seed.text),
        is_seed=True,
    )


@task(name="collect-seeds")
def collect_seeds(seeds_dir: Path) -> list[Document]:
    now = utcnow()
    return [seed_document(seed, now) for seed in read_seeds(seeds_dir)]


@task(name="select-changed")
def select_changed(db_path: str, documents: Sequence[Document]) -> list[Document]:
    """Migrate the warehouse and keep only documents whose text is new or changed."""
    with connect(db_path) as con:
        stored = stored_text_hashes(con, [d.article_id for d in documents])
    return [d for d in documents if stored.get(d.article_id) != d.text_hash]


@task(name="extract")
def extract_documents(documents: Sequence[Document], config: Config) -> list[Extraction]:
    if not documents:
        return []
    nlp = load_pipeline(config.nlp.model)
    return list(
        extract_texts(
            nlp, (d.text for d in documents), batch_size=config.nlp.batch_size, n_process=config.nlp.n_process
        )
    )


def build_batch(
    run: dict[str, Any],
    documents: Sequence[Document],
    extractions: Sequence[Extraction],
    config: Config,
) -> RunBatch:
    run_id = run["run_id"]
    gazetteer = load_gazetteer()
    batch = RunBatch(run=run)
    batch.entities = [
        {
            "entity_id": e.entity_id,
            "name": e.name,
            "kind": e.kind,
            "country": e.country,
            "role": e.role,
            "wikidata_id": e.wikidata_id,
        }
        for e in gazetteer.entities
    ]
    if any(d.is_seed for d in documents) or not documents:
        batch.sources.append(
            {
                "source_id": SEED_SOURCE_ID,
                "kind": "seed",
                "name": "Seed corpus",
                "url": None,
                "last_status": "ok",
                "last_fetch_at": run["started_at"],
                "consecutive_failures": 0,
            }
        )
    for document, extraction in zip(documents, extractions, strict=True):
        score = relevance(
            (m.entity_id for m in extraction.mentions),
            document.text,
            actors=config.topic.actors,
            keywords=config.topic.keywords,
            word_count=extraction.word_count,
        )
        batch.articles.append(
            {
                "article_id": document.article_id,
                "source_id": document.source_id,
                "url": document.url,
                "canonical_url": document.canonical_url,
                "title": document.title,
                "author": document.author,
                "published_at": document.published_at,
                "published_approx": document.published_approx,
                "fetched_at": document.fetched_at,
                "text": document.text if config.warehouse.keep_text else None,
                "text_hash": document.text_hash,
                "word_count": extraction.word_count,
                "relevance": score,
                "cluster_id": document.article_id,
                "language": document.language,
                "is_seed": document.is_seed,
                "summary_only": document.summary_only,
                "run_id": run_id,
            }
        )
        batch.mentions.extend(
            {
                "article_id": document.article_id,
                "sentence_index": m.sentence_index,
                "start_char": m.start,
                "end_char": m.end,
                "text": m.text,
                "label": m.label,
                "entity_id": m.entity_id,
                "metonymy": m.metonymy,
                "run_id": run_id,
            }
            for m in extraction.mentions
        )
    return batch


@task(name="load")
def load_run(db_path: str, batch: RunBatch) -> dict[str, int]:
    with connect(db_path) as con:
        result = load_batch(con, batch)
        totals = table_counts(con)
    return {
        "articles_new": result.articles_new,
        "articles_updated": result.articles_updated,
        "mentions_new": result.mentions_new,
        **{f"total_{k}": v for k, v in totals.items()},
    }


def versions(config: Config) -> dict[str, str]:
    nlp = load_pipeline(config.nlp.model)
    return pipeline_versions(nlp) | {"extractor": EXTRACTOR_VERSION}


@flow(name="ingest", log_prints=True)
def ingest(
    config_path: str | None = None,
    db: str | None = None,
    offline: bool = False,
    seeds_dir: str | None = None,
) -> RunSummary:
    """One pipeline run: seeds (and due feeds) → extract → load."""
    started = time.perf_counter()
    config = load_config(config_path, db=db)
    db_path = config.warehouse.path
    ensure_warehouse_dir(db_path)
    run_id = f"{utcnow():%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
    flow_run_id = str(prefect_flow_run.id) if prefect_flow_run.id else None
    summary = RunSummary(run_id=run_id, flow_run_id=flow_run_id, status="running", db_path=db_path)
    run: dict[str, Any] = {
        "run_id": run_id,
        "flow_run_id": flow_run_id,
        "started_at": utcnow(),
        "status": "running",
        "errors": 0,
        "events_new": 0,
    }
    try:
        documents = collect_seeds(Path(seeds_dir) if seeds_dir else default_seeds_dir())
        summary.articles_seen = len(documents)
        changed = select_changed(db_path, documents)
        summary.articles_unchanged = len(documents) - len(changed)
        summary.documents_extracted = len(changed)
        extractions = extract_documents(changed, config)
        run.update(
            finished_at=utcnow(),
            status="completed",
            versions=json.dumps(versions(config), sort_keys=True),
            errors=len(summary.errors),
            message="; ".join(summary.errors) or None,
        )
        loaded = load_run(db_path, build_batch(run, changed, extractions, config))
    except Exception as exc:
        run.update(finished_at=utcnow(), status="failed", message=f"{type(exc).__name__}: {exc}")
        _try_record_failure(db_path, run)
        raise
    summary.status = "completed"
    summary.articles_new = loaded["articles_new"]
    summary.articles_updated = loaded["articles_updated"]
    summary.mentions_new = loaded["mentions_new"]
    summary.totals = {k.removeprefix("total_"): v for k, v in loaded.items() if k.startswith("total_")}
    summary.elapsed_s = round(time.perf_counter() - started, 2)
    get_run_logger().info(
        "run %s: %d new articles, %d mentions, %d unchanged",
        run_id,
        summary.articles_new,
        summary.mentions_new,
        summary.articles_unchanged,
    )
    return summary


def _try_record_failure(db_path: str, run: dict[str, Any]) -> None:
    try:
        with connect(db_path) as con:
            record_failed_run(con, run)
    except WarehouseError:
        pass  # the warehouse itself is the problem (locked, missing): the caller reports that
