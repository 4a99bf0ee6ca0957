"""The ingest flow: collect → select new → extract → load, as Prefect tasks over batches.

The warehouse is opened for writing only briefly: to migrate and read feed state, to learn which
URLs and texts are already stored (so known stories are never fetched again and unchanged texts
never reach NLP), and to load the run in one transaction. Fetching and extraction, the slow parts,
happen with no connection held.
"""

from __future__ import annotations

import contextlib
import functools
import json
import time
import uuid
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from extractors import dedup
from extractors.gazetteer import load_gazetteer
from extractors.ids import stable_id
from extractors.nlp import pipeline_versions
from extractors.records import EXTRACTOR_VERSION, Extraction, error_text
from extractors.relevance import RelevanceGate
from flows.alerts.delivery import alerts_after_ingest
from flows.config import DEFAULT_DB_PATH, Config, load_config
from flows.documents import SEED_SOURCE_ID, Document, seed_document
from flows.feeds.polling import (
    FeedPoll,
    FetchPlan,
    backlog_candidates,
    backlog_rows,
    candidate_urls,
    feed_source_id,
    fetch_articles,
    plan_fetches,
    poll_feeds,
    run_deadline_from_now,
)
from flows.progress import progress
from flows.seeds import default_seeds_dir, read_seeds
from flows.tracking import flow, flow_run_id, module_flows, opaque, run_logger, task, tracking_api_url
from warehouse.db import WarehouseError, WarehouseLockedError, connect, utcnow, warehouse_id
from warehouse.load import RunBatch, batch_to_arrow, check_rows, load_tables, record_failed_run
from warehouse.queries import (
    catalogue_version,
    cluster_signatures,
    failure_states,
    failures_due,
    feed_backlog,
    feed_states,
    hash_owners,
    known_urls,
    stored_article_ids,
    stored_articles,
    stored_text_hashes,
    table_counts,
)
from warehouse.staging import (
    WarehouseIdentity,
    legacy_batches_notice,
    load_staged,
    stage_tables,
    staged_batches,
    staging_root,
)

if TYPE_CHECKING:
    import duckdb


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
    duplicates: int = 0
    documents_extracted: int = 0
    mentions_new: int = 0
    events_new: int = 0
    feeds_polled: int = 0
    feeds_failed: int = 0
    documents_failed: int = 0  # documents whose processing raised this run (extraction_failures rows written)
    documents_given_up: int = 0  # … of which reached [nlp] max_extraction_attempts
    retried: int = 0  # stored articles whose earlier failure was retried this run
    recovered: int = 0  # … of which succeeded this time
    feeds_deferred: int = 0  # not polled: the run's fetching deadline (run_deadline_s) had passed
    entries_pending: int = 0  # feed entries left in the backlog for later runs
    staged_loaded: list[str] = field(default_factory=list)  # earlier runs' staged batches loaded now
    staged_to: str | None = None  # where this run's batch was staged (warehouse locked)
    elapsed_s: float = 0.0
    totals: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def ensure_warehouse_dir(db_path: str) -> None:
    """Create `data/` for the default location only; any other missing directory is the user's error."""
    if Path(db_path) == Path(DEFAULT_DB_PATH):
        Path(db_path).parent.mkdir(parents=True, exist_ok=True)


T = TypeVar("T")


@dataclass
class WarehouseAccess:
    """The run's short visits to the warehouse, tolerant of another process holding the file.

    Each visit waits up to `wait_s` for the lock. Once the lock is found held, later reads of the
    run use their defaults (nothing known to be stored) instead of waiting again, and the load
    stages the batch as Parquet; upserts on stable keys make the later load exact.
    """

    path: str
    wait_s: float
    locked_by: str | None = None
    warehouse_id: str | None = None  # learnt on the first visit; a staged batch records it

    def read(self, query: Callable[[duckdb.DuckDBPyConnection], T], default: T) -> T:
        if self.locked_by:
            return default
        try:
            with connect(self.path, wait_s=self.wait_s) as con:
                self.warehouse_id = self.warehouse_id or warehouse_id(con)
                return query(con)
        except WarehouseLockedError as exc:
            self.locked_by = str(exc)
            return default

    def identity(self) -> WarehouseIdentity:
        return WarehouseIdentity.of(self.path, self.warehouse_id)


@task(name="collect-seeds")
def collect_seeds(seeds_dir: Path, fetched_at: datetime) -> list[Document]:
    return [seed_document(seed, fetched_at) for seed in read_seeds(seeds_dir)]


@task(name="load-staged")
def load_staged_batches(access: WarehouseAccess, staging_dir: str) -> tuple[list[str], list[str]]:
    """Load batches that earlier runs staged for this warehouse because it was locked (first thing,
    so the feed state and known URLs read next include them); returns their run ids, and warnings
    about batches left in place (another warehouse's)."""
    if not staged_batches(staging_dir):
        return [], []
    refused: list[str] = []
    loaded = access.read(lambda con: load_staged(con, staging_dir, warn=refused.append), [])
    for warning in refused:
        run_logger().warning("%s", warning)
    return [run_id for run_id, _ in loaded], refused


@task(name="read-feed-state")
def read_feed_state(access: WarehouseAccess) -> dict[str, dict[str, Any]]:
    """Migrate the warehouse and read every feed's polling state."""
    return access.read(feed_states, {})


@task(name="poll-feeds")
def poll_due_feeds(
    config: Config, states: dict[str, dict[str, Any]], now: datetime, all_feeds: bool, run_deadline: float | None = None
) -> list[FeedPoll]:
    return poll_feeds(config.feeds, states, now, config.fetch, all_feeds=all_feeds, run_deadline=run_deadline)


@dataclass
class FetchedArticles:
    documents: list[Document]
    plan: FetchPlan  # what was fetched, and what stays in the backlog (deadline cut-offs included)


@task(name="fetch-articles")
def fetch_new_articles(
    access: WarehouseAccess, polls: Sequence[FeedPoll], config: Config, now: datetime, run_deadline: float | None = None
) -> FetchedArticles:
    """Fetch the pages of entries whose URL was never stored: the polled feeds' new entries and
    every enabled feed's backlog, at most max_entries_per_feed per feed; the rest wait."""
    enabled = [feed_source_id(f.url) for f in config.feeds if f.enabled]

    def read(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, Any], set[str]]:
        backlog = backlog_candidates(feed_backlog(con, enabled))
        urls = candidate_urls(polls) + [c.url for entries in backlog.values() for c in entries]
        return backlog, known_urls(con, urls)

    backlog, known = access.read(read, ({}, set()))
    plan = plan_fetches(
        polls,
        backlog,
        known,
        max_per_feed=config.fetch.max_entries_per_feed,
        max_backlog=config.fetch.max_backlog_per_feed,
    )
    documents, deferred = fetch_articles(
        plan.candidates,
        config.fetch,
        now,
        feed_deadlines={p.source["source_id"]: p.deadline for p in polls},
        run_deadline=run_deadline,
    )
    plan.pending.extend(deferred)
    return FetchedArticles(documents, plan)


@dataclass(frozen=True, slots=True)
class Selection:
    """What a run does with its candidate documents."""

    to_extract: list[Document]  # new or changed texts
    unchanged: int  # already stored with the same text
    aliases: list[tuple[Document, str]]  # identical text already stored (or earlier in the batch): (doc, owner id)


@task(name="select-changed")
def select_changed(access: WarehouseAccess, documents: Sequence[Document]) -> Selection:
    """Keep documents whose text is new or changed; an identical text under another URL is an alias."""
    stored, owners = access.read(
        lambda con: (
            stored_text_hashes(con, [d.article_id for d in documents]),
            hash_owners(con, [d.text_hash for d in documents]),
        ),
        ({}, {}),
    )
    to_extract: list[Document] = []
    aliases: list[tuple[Document, str]] = []
    unchanged = 0
    seen_ids: set[str] = set()
    for document in documents:
        if document.article_id in seen_ids:
            continue
        seen_ids.add(document.article_id)
        if stored.get(document.article_id) == document.text_hash:
            unchanged += 1
            continue
        owner = owners.get(document.text_hash)
        if owner and owner != document.article_id and not document.is_seed:
            aliases.append((document, owner))
            continue
        owners.setdefault(document.text_hash, document.article_id)
        to_extract.append(document)
    return Selection(to_extract=to_extract, unchanged=unchanged, aliases=aliases)


def extract_parallel(
    texts: Sequence[str], published_at: Sequence[date | datetime | None], config: Config
) -> list[Extraction]:
    """flows.parallel.extract_parallel, imported at the first text to extract: spaCy and the model
    load only when there is something to extract."""
    from flows import parallel

    return parallel.extract_parallel(texts, published_at, config)


def relevance_gate(config: Config) -> RelevanceGate:
    """flows.parallel.relevance_gate (imported here only when a batch has documents)."""
    from flows import parallel

    return parallel.relevance_gate(config)


@task(name="extract")
def extract_documents(documents: Sequence[Document], config: Config) -> list[Extraction]:
    """In this process, on a local process pool or on a Dask cluster, as `[nlp]` / `[runtime]` say
    (flows/parallel.py); the records are the same in every mode, in input order."""
    if not documents:
        return []
    return extract_parallel([d.text for d in documents], [d.published_at for d in documents], config)


@dataclass(frozen=True, slots=True)
class DocumentFailure:
    """One document's processing raised: at which step, and the error ("ExceptionType: message").

    Steps: "extract" (the extractors, reported as Extraction.error), "dedup" (its MinHash signature
    or cluster), "relevance" (its topic score), "rows" (turning its records into rows)."""

    stage: str
    error: str


@dataclass(frozen=True, slots=True)
class Clustering:
    clusters: dict[str, str]  # article_id → cluster_id, for every document
    signatures: dict[str, tuple[int, ...]]  # article_id → MinHash signature (feed articles)
    failures: dict[str, DocumentFailure] = field(default_factory=dict)  # documents whose step raised


@task(name="cluster")
def assign_clusters(access: WarehouseAccess, documents: Sequence[Document]) -> Clustering:
    """Near-duplicate clusters: a syndicated copy joins the cluster of the story it copies. A document
    whose signature or placement raises is its own cluster and is reported, never the run's failure."""
    failures: dict[str, DocumentFailure] = {}
    signatures: dict[str, tuple[int, ...]] = {}
    for document in documents:
        if document.is_seed:
            continue
        try:
            signatures[document.article_id] = dedup.signature(document.text)
        except Exception as exc:
            failures[document.article_id] = DocumentFailure("dedup", error_text(exc))
    if not signatures:
        return Clustering({d.article_id: d.article_id for d in documents}, {}, failures)
    existing = access.read(lambda con: cluster_signatures(con, dedup.DEDUP_VERSION), [])
    try:
        clusters = dedup.assign_clusters(list(signatures.items()), existing)
    except Exception:
        clusters = _assign_one_by_one(signatures, existing, failures)
    return Clustering(
        {d.article_id: clusters.get(d.article_id, d.article_id) for d in documents},
        {k: v for k, v in signatures.items() if k not in failures},
        failures,
    )


def _assign_one_by_one(
    signatures: Mapping[str, tuple[int, ...]],
    existing: Sequence[tuple[str, str, tuple[int, ...]]],
    failures: dict[str, DocumentFailure],
) -> dict[str, str]:
    """The batch's placement raised: place each document on its own, after the ones placed before it,
    so that only the document that breaks it fails (slower: the index is rebuilt for each one)."""
    placed = list(existing)
    clusters: dict[str, str] = {}
    for article_id, signature in signatures.items():
        try:
            found = dedup.assign_clusters([(article_id, signature)], placed)
        except Exception as exc:
            failures[article_id] = DocumentFailure("dedup", error_text(exc))
            continue
        clusters[article_id] = found[article_id]
        placed.append((article_id, found[article_id], signature))
    return clusters


def entity_rows() -> list[Mapping[str, Any]]:
    """The gazetteer as `entities` rows (an Entity's fields are the table's columns; extras are ignored)."""
    return list(_entity_rows())


@functools.cache
def _entity_rows() -> tuple[Mapping[str, Any], ...]:
    # Built once per process: thousands of entities, the same for every run (read-only proxies,
    # so no run can alter another's rows).
    return tuple(MappingProxyType(asdict(e)) for e in load_gazetteer().entities)


def build_batch(
    run: dict[str, Any],
    documents: Sequence[Document],
    extractions: Sequence[Extraction],
    config: Config,
    *,
    polls: Sequence[FeedPoll] = (),
    plan: FetchPlan | None = None,
    aliases: Sequence[tuple[Document, str]] = (),
    clusters: dict[str, str] | None = None,
    signatures: dict[str, tuple[int, ...]] | None = None,
    seeds_read: bool = True,
    failures: Mapping[str, DocumentFailure] | None = None,
    prior_failures: Mapping[str, Mapping[str, Any]] | None = None,
    retried: Collection[str] = (),
    catalogue: bool = True,
) -> RunBatch:
    """The run's rows. seeds_read: the run read the seed folder (the seed source's row says when);
    a re-extraction reads the warehouse instead.

    A document whose processing raised (its extraction has `error`, an earlier step reported it in
    `failures`, or its relevance or rows raise here) is stored as a failed article (see
    `failed_article`); prior_failures: the stored `extraction_failures` rows of these documents, to
    count attempts. retried: stored articles processed again (not new items of their feed).
    catalogue: load the entity catalogue (the gazetteer's entities; building it costs ~1 s)."""
    run_id = run["run_id"]
    now = run["started_at"]
    batch = RunBatch(run=run, settings={"min_relevance": repr(config.topic.min_relevance)})
    batch.entities = entity_rows() if catalogue else []
    if seeds_read:
        batch.sources.append(
            {
                "source_id": SEED_SOURCE_ID,
                "kind": "seed",
                "name": "Seed corpus",
                "last_status": "ok",
                "last_fetch_at": now,
                "consecutive_failures": 0,
            }
        )
    new_by_source: dict[str, int] = {}
    for document in [d for d in documents if d.article_id not in retried] + [d for d, _ in aliases]:
        new_by_source[document.source_id] = new_by_source.get(document.source_id, 0) + 1
    for poll in polls:
        if poll.deferred:
            continue  # not polled: its stored state stands
        row = dict(poll.source)
        if new_by_source.get(row["source_id"]):
            row["last_new_item_at"] = now
        if plan is not None:
            row["pending_items"] = plan.pending_count(row["source_id"])  # the load recounts it exactly
            notes = plan.warnings(row["source_id"], config.fetch.max_backlog_per_feed)
            if notes:
                row["last_error"] = "; ".join([row["last_error"], *notes] if row.get("last_error") else notes)
        batch.sources.append(row)
    if plan is not None:
        batch.feed_backlog_done = [{"source_id": source_id, "url": url} for source_id, url in sorted(plan.removed)]
        batch.feed_backlog = backlog_rows(plan, run_id, now)

    gate = relevance_gate(config) if documents else None
    cluster_of = clusters or {}

    def add_failed(document: Document, extraction: Extraction, failure: DocumentFailure) -> None:
        article, failure_row = failed_article(
            document,
            extraction,
            failure,
            (prior_failures or {}).get(document.article_id),
            run_id=run_id,
            now=now,
            cluster_id=cluster_of.get(document.article_id, document.article_id),
            max_attempts=config.nlp.max_extraction_attempts,
        )
        batch.articles.append(article)
        batch.extraction_failures.append(failure_row)

    built: list[tuple[Document, Extraction, RunBatch]] = []  # each document's rows, built aside
    for document, extraction in zip(documents, extractions, strict=True):
        outcome = (failures or {}).get(document.article_id) or document_rows(
            run,
            document,
            extraction,
            gate,
            cluster_id=cluster_of.get(document.article_id, document.article_id),
            keep_text=config.warehouse.keep_text,
        )
        if isinstance(outcome, DocumentFailure):
            add_failed(document, extraction, outcome)
        else:
            built.append((document, extraction, outcome))
    extracted = RunBatch(run=run)
    for _, _, rows in built:
        extracted.add_rows(rows)
    try:
        check_rows(extracted)
    except Exception:
        # A value its column cannot hold (say a troop count of 10^23): find the documents that have
        # one and fail only them (checked once for the batch; per document only when needed).
        extracted = RunBatch(run=run)
        for document, extraction, rows in built:
            try:
                check_rows(rows)
            except Exception as exc:
                add_failed(document, extraction, DocumentFailure("rows", error_text(exc)))
            else:
                extracted.add_rows(rows)
    batch.add_rows(extracted)
    for article_id, signature in (signatures or {}).items():
        batch.article_signatures.append(
            {"article_id": article_id, "signature": list(signature), "version": dedup.DEDUP_VERSION, "run_id": run_id}
        )
    owners = [(d, d.article_id) for d in documents if not d.is_seed] + list(aliases)
    for document, owner in owners:
        for url in document.seen_urls or (document.url,):
            batch.article_urls.append(
                {
                    "url": url,
                    "article_id": owner,
                    "source_id": document.source_id,
                    "first_seen_at": now,
                    "run_id": run_id,
                }
            )
    return batch


def document_rows(
    run: dict[str, Any],
    document: Document,
    extraction: Extraction,
    gate: RelevanceGate,
    *,
    cluster_id: str,
    keep_text: bool,
) -> RunBatch | DocumentFailure:
    """One document's article, mention and story rows, or the step at which they could not be made."""
    if extraction.error is not None:
        return DocumentFailure("extract", extraction.error)
    try:
        score = extraction.relevance
        if score is None:  # extracted without the gate
            score = gate.score((m.entity_id for m in extraction.mentions), document.text, extraction.word_count)
    except Exception as exc:
        return DocumentFailure("relevance", error_text(exc))
    run_id = run["run_id"]
    rows = RunBatch(run=run)
    try:
        rows.articles.append(
            article_row(document, extraction, run_id, relevance=score, cluster_id=cluster_id, keep_text=keep_text)
        )
        rows.mentions.extend(mention_rows(document.article_id, extraction, run_id))
        if score >= gate.min_relevance:
            # Below the threshold an article is kept (the threshold may change) but yields no events.
            add_story_records(rows, document.article_id, extraction, run_id)
    except Exception as exc:
        return DocumentFailure("rows", error_text(exc))
    return rows


def article_row(
    document: Document,
    extraction: Extraction,
    run_id: str,
    *,
    relevance: float | None,
    cluster_id: str,
    keep_text: bool,
) -> dict[str, Any]:
    """The `articles` row of a document (keep_text: store its text, else NULL)."""
    return {
        "article_id": document.article_id,
        "source_id": document.source_id,
        "url": document.url,
        "canonical_url": document.canonical_url,
        "title": document.title,
        "author": document.author,
        "published_at": document.published_at,
        "published_approx": document.published_approx,
        "fetched_at": document.fetched_at,
        "text": document.text if keep_text else None,
        "text_hash": document.text_hash,
        "word_count": extraction.word_count,
        "relevance": relevance,
        "cluster_id": cluster_id,
        "language": document.language,
        "is_seed": document.is_seed,
        "summary_only": document.summary_only,
        "fetch_error": document.fetch_error,
        "truncated": extraction.truncated,
        "run_id": run_id,
    }


def mention_rows(article_id: str, extraction: Extraction, run_id: str) -> list[dict[str, Any]]:
    return [
        {
            "article_id": article_id,
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
    ]


def failed_article(
    document: Document,
    extraction: Extraction,
    failure: DocumentFailure,
    prior: Mapping[str, Any] | None,
    *,
    run_id: str,
    now: datetime,
    cluster_id: str,
    max_attempts: int,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The `articles` and `extraction_failures` rows of a document whose processing raised.

    The article keeps its text whatever `keep_text` says (a later run retries from it), with
    relevance NULL and no mentions, events, quotes or claims. Attempts count the runs that tried it
    under this extractor version; at `max_attempts` it is given up (left aside until `reextract` or
    a new extractor version, which starts counting again at 1)."""
    same_version = prior is not None and prior["extractor_version"] == EXTRACTOR_VERSION
    attempts = int(prior["attempts"]) + 1 if prior is not None and same_version else 1
    article = article_row(document, extraction, run_id, relevance=None, cluster_id=cluster_id, keep_text=True)
    failure_row = {
        "article_id": document.article_id,
        "source_id": document.source_id,
        "stage": failure.stage,
        "error": failure.error,
        "extractor_version": EXTRACTOR_VERSION,
        "attempts": attempts,
        "status": "given_up" if attempts >= max_attempts else "retry",
        "first_failed_at": prior["first_failed_at"] if prior is not None else now,
        "last_failed_at": now,
        "run_id": run_id,
    }
    return article, failure_row


def add_story_records(batch: RunBatch, article_id: str, extraction: Extraction, run_id: str) -> None:
    """Events, quotes and claims of one article as rows; ids are stable across re-extraction."""
    for index, event in enumerate(extraction.events):
        batch.events.append(
            {
                "event_id": stable_id(
                    "event",
                    article_id,
                    str(event.start),
                    event.event_type,
                    event.actor_id,
                    event.recipient_id or "",
                    str(index),
                ),
                "article_id": article_id,
                "event_type": event.event_type,
                "mode": event.mode,
                "actor_id": event.actor_id,
                "actor_text": event.actor_text,
                "recipient_id": event.recipient_id,
                "recipient_text": event.recipient_text,
                "location_id": event.location_id,
                "event_date": date.fromisoformat(event.event_date) if event.event_date else None,
                "quantity": event.quantity,
                "negated": event.negated,
                "hedged": event.hedged,
                "sentence": event.sentence,
                "start_char": event.start,
                "end_char": event.end,
                "run_id": run_id,
            }
        )
    for index, quote in enumerate(extraction.quotes):
        batch.quotes.append(
            {
                "quote_id": stable_id("quote", article_id, str(quote.start), str(quote.end), str(index)),
                "article_id": article_id,
                "speaker_id": quote.speaker_id,
                "speaker_name": quote.speaker_name,
                "affiliation": quote.affiliation,
                "quote": quote.quote,
                "direct": quote.direct,
                "start_char": quote.start,
                "end_char": quote.end,
                "run_id": run_id,
            }
        )
    for index, claim in enumerate(extraction.claims):
        batch.claims.append(
            {
                "claim_id": stable_id("claim", article_id, claim.sentence, claim.what, str(index)),
                "article_id": article_id,
                "subject_id": claim.subject_id,
                "what": claim.what,
                "value_low": claim.value_low,
                "value_high": claim.value_high,
                "unit": claim.unit,
                "hedged": claim.hedged,
                "sentence": claim.sentence,
                "run_id": run_id,
            }
        )


@task(name="load")
def load_run(access: WarehouseAccess, batch: RunBatch, staging_dir: str) -> dict[str, Any]:
    """Load the batch in one transaction; if the warehouse stays locked, stage it as Parquet."""
    tables = batch_to_arrow(batch)
    try:
        # Even after a locked read, try again: the holder may have let go while we extracted.
        with connect(access.path, wait_s=access.wait_s) as con:
            result = load_tables(con, batch.run, tables)
            totals = table_counts(con)
    except WarehouseLockedError as exc:
        folder = stage_tables(staging_dir, batch.run, tables, access.identity())
        return {"staged": str(folder), "locked_by": str(exc)}
    return {
        "articles_new": result.articles_new,
        "articles_updated": result.articles_updated,
        "mentions_new": result.mentions_new,
        "events_new": result.events_new,
        **{f"total_{k}": v for k, v in totals.items()},
    }


def versions(config: Config) -> dict[str, str]:
    return pipeline_versions(config.nlp.model) | {"extractor": EXTRACTOR_VERSION, "dedup": dedup.DEDUP_VERSION}


def _start_run(config: Config) -> tuple[RunSummary, dict[str, Any], WarehouseAccess]:
    """A new run of a flow: its summary, its `runs` row so far, and its access to the warehouse."""
    now = utcnow()
    run_id = f"{now:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
    prefect_run = flow_run_id()
    summary = RunSummary(run_id=run_id, flow_run_id=prefect_run, status="running", db_path=config.warehouse.path)
    run: dict[str, Any] = {"run_id": run_id, "flow_run_id": prefect_run, "started_at": now}
    return summary, run, WarehouseAccess(config.warehouse.path, config.warehouse.lock_wait_s)


@flow(name="ingest", log_prints=True)
def _ingest(
    config_path: str | None = None,
    db: str | None = None,
    offline: bool = False,
    seeds_dir: str | None = None,
    all_feeds: bool = False,
) -> RunSummary:
    """One pipeline run: seeds and due feeds → extract → load. A failing feed never fails the run.

    Bulk arguments go through Prefect's `quote()` (`opaque`, flows/tracking.py): otherwise Prefect walks
    every row looking for futures, seconds per 100k words.
    """
    started = time.perf_counter()
    config = load_config(config_path, db=db)
    db_path = config.warehouse.path
    ensure_warehouse_dir(db_path)
    summary, run, access = _start_run(config)
    now, run_id = run["started_at"], run["run_id"]
    staging_dir = str(staging_root(db_path, config.warehouse.staging_dir))
    try:
        seeds = collect_seeds(Path(seeds_dir) if seeds_dir else default_seeds_dir(), now)
        summary.staged_loaded, refused = load_staged_batches(access, staging_dir)
        legacy = legacy_batches_notice(config.warehouse.staging_dir)
        summary.errors.extend([*refused, legacy] if legacy else refused)
        states = read_feed_state(access)
        polls: list[FeedPoll] = []
        fetched: list[Document] = []
        plan: FetchPlan | None = None
        if not offline and config.feeds:
            run_deadline = run_deadline_from_now(config.fetch)  # all of this run's fetching ends by then
            polls = poll_due_feeds(config, states, now, all_feeds, run_deadline)
            outcome = fetch_new_articles(access, polls, config, now, run_deadline)
            fetched, plan = outcome.documents, outcome.plan
            summary.entries_pending = len(plan.pending)
        summary.feeds_polled = sum(1 for poll in polls if not poll.deferred)
        summary.feeds_deferred = len(polls) - summary.feeds_polled
        for poll in polls:
            if poll.error:
                summary.errors.append(f"feed {poll.feed.name}: {poll.error}")
        summary.feeds_failed = sum(1 for poll in polls if poll.error)
        if summary.feeds_deferred:
            summary.errors.append(
                f"{summary.feeds_deferred} due feed(s) not polled: the run's fetching deadline"
                f" ({config.fetch.run_deadline_s:g}s) passed; they are polled next run"
            )
        documents = seeds + fetched
        summary.articles_seen = len(documents)
        selection = select_changed(access, opaque(documents))
        changed = selection.to_extract
        summary.articles_unchanged = selection.unchanged
        summary.duplicates = len(selection.aliases)
        retry = select_retries(access, opaque(changed))
        to_extract = changed + retry.documents
        summary.retried = len(retry.documents)
        summary.documents_extracted = len(to_extract)
        extractions = extract_documents(opaque(to_extract), config)
        run_versions = versions(config)
        # The entity catalogue is loaded with extracted rows, or when the gazetteer changed since.
        catalogue = bool(to_extract) or access.read(catalogue_version, None) != run_versions["gazetteer"]
        # A retried article keeps its cluster, unless placing it was what failed.
        unplaced = [d for d in retry.documents if retry.prior[d.article_id]["stage"] == "dedup"]
        clustering = assign_clusters(access, opaque(changed + unplaced))
        batch = build_batch(
            run,
            to_extract,
            extractions,
            config,
            polls=polls,
            plan=plan,
            aliases=selection.aliases,
            clusters=retry.clusters | clustering.clusters,
            signatures=clustering.signatures,
            failures=clustering.failures,
            prior_failures=retry.prior,
            retried={d.article_id for d in retry.documents},
            catalogue=catalogue,
        )
        note_failures(summary, batch, retry.documents)
        run.update(
            finished_at=utcnow(),
            status="completed",
            versions=json.dumps(run_versions, sort_keys=True),
            errors=summary.feeds_failed + summary.documents_failed,
            message="; ".join(summary.errors) or None,
        )
        loaded = load_run(access, opaque(batch), staging_dir)
    except Exception as exc:
        run.update(finished_at=utcnow(), status="failed", message=f"{type(exc).__name__}: {exc}")
        if not access.locked_by:
            _try_record_failure(db_path, run)
        raise
    summary.elapsed_s = round(time.perf_counter() - started, 2)
    if "staged" in loaded:
        summary.status = "staged"
        summary.staged_to = loaded["staged"]
        summary.errors.append(
            f"{loaded['locked_by']}; this run's batch was staged in {loaded['staged']}"
            " and will be loaded by the next run"
        )
        run_logger().warning("run %s staged: %s", run_id, summary.errors[-1])
        return summary
    alerts_after_ingest(config, run_id, offline)  # flows/alerts/: rules → alerts table → channels; never raises
    summary.status = "completed"
    summary.articles_new = loaded["articles_new"]
    summary.articles_updated = loaded["articles_updated"]
    summary.mentions_new = loaded["mentions_new"]
    summary.events_new = loaded["events_new"]
    summary.totals = {k.removeprefix("total_"): v for k, v in loaded.items() if k.startswith("total_")}
    summary.elapsed_s = round(time.perf_counter() - started, 2)
    run_logger().info(
        "run %s: %d new articles, %d mentions, %d unchanged, %d feed failures, %d failed documents",
        run_id,
        summary.articles_new,
        summary.mentions_new,
        summary.articles_unchanged,
        summary.feeds_failed,
        summary.documents_failed,
    )
    return summary


def _try_record_failure(db_path: str, run: dict[str, Any]) -> None:
    try:
        with connect(db_path) as con:
            record_failed_run(con, run)
    except WarehouseError:
        pass  # the warehouse itself is the problem (locked, missing): the caller reports that


# Articles re-extracted per transaction: bounds the texts and records held in memory at once.
REEXTRACT_BATCH = 1_000


@dataclass(frozen=True, slots=True)
class StoredDocuments:
    """Stored articles read back to be extracted again."""

    documents: list[Document]
    clusters: dict[str, str]  # article_id → its stored cluster
    prior: dict[str, dict[str, Any]]  # article_id → its `extraction_failures` row, for those that have one


def _stored_documents(rows: list[dict[str, Any]], prior: dict[str, dict[str, Any]]) -> StoredDocuments:
    clusters = {row["article_id"]: row.pop("cluster_id") or row["article_id"] for row in rows}
    return StoredDocuments([Document(**row) for row in rows], clusters, prior)


@task(name="stored-articles")
def read_stored_documents(access: WarehouseAccess, article_ids: Sequence[str]) -> StoredDocuments:
    """Stored articles with their text, as documents, with their clusters and failures."""
    rows, prior = access.read(
        lambda con: (stored_articles(con, article_ids), failure_states(con, article_ids)), ([], {})
    )
    return _stored_documents(rows, prior)


# Failed articles retried per run at most (oldest failures first): a wave of failures cannot turn
# every later run into a re-extraction of all of them at once.
MAX_RETRIES_PER_RUN = 500


@task(name="select-retries")
def select_retries(access: WarehouseAccess, changed: Sequence[Document]) -> StoredDocuments:
    """Stored articles whose failed extraction is due for another attempt (status 'retry', or
    recorded under another extractor version) and not already among this run's changed documents;
    `prior` holds the failure rows of those and of the changed documents that failed before."""
    changed_ids = [d.article_id for d in changed]

    def query(con: duckdb.DuckDBPyConnection) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
        skip = set(changed_ids)
        due = [i for i in failures_due(con, EXTRACTOR_VERSION) if i not in skip][:MAX_RETRIES_PER_RUN]
        return stored_articles(con, due), failure_states(con, changed_ids + due)

    rows, prior = access.read(query, ([], {}))
    return _stored_documents(rows, prior)


def note_failures(summary: RunSummary, batch: RunBatch, retried: Sequence[Document]) -> None:
    """Count the batch's failed documents (and the retried ones that succeeded) into the summary,
    with one line for the run's message."""
    failed = batch.extraction_failures
    failed_ids = {row["article_id"] for row in failed}
    given_up = sum(row["status"] == "given_up" for row in failed)
    summary.documents_failed += len(failed)
    summary.documents_given_up += given_up
    summary.recovered += sum(d.article_id not in failed_ids for d in retried)
    if failed:
        first = failed[0]
        error = first["error"] if len(first["error"]) <= 200 else first["error"][:199] + "…"
        summary.errors.append(
            f"{len(failed)} document(s) failed extraction ({given_up} given up), first {first['article_id']}:"
            f" {error}; see `storywatch failures`"
        )


@flow(name="reextract", log_prints=True)
def _reextract(config_path: str | None = None, db: str | None = None, since: str | None = None) -> RunSummary:
    """Extract stored articles again from their kept text, with today's model, gazetteer, lexicon
    and `[topic]` (after an upgrade, or a changed `min_relevance`): their mentions, events, quotes,
    claims and relevance are replaced, REEXTRACT_BATCH articles per transaction; clusters and URLs
    stay. Failed articles (given up or not) are tried too: a success clears their failure, a failure
    counts one more attempt. No alerts: the articles are not new (the next run's rules see recovered
    ones). `since`: only articles fetched on or after this ISO date."""
    started = time.perf_counter()
    config = load_config(config_path, db=db)
    summary, run, access = _start_run(config)
    staging_dir = str(staging_root(config.warehouse.path, config.warehouse.staging_dir))
    loaded: dict[str, Any] = {}
    stack = contextlib.ExitStack()  # the progress display, ended however the run ends
    try:
        when = datetime.fromisoformat(since) if since else None
        ids, without_text = access.read(lambda con: stored_article_ids(con, when), ([], 0))
        if access.locked_by:  # nothing to re-extract without reading the warehouse
            raise WarehouseLockedError(access.locked_by, None)
        summary.articles_seen = len(ids) + without_text
        if without_text:
            summary.errors.append(f"{without_text} article(s) kept no text (keep_text = false): left as they were")
        shown = stack.enter_context(progress("re-extracting", total=len(ids), unit="articles"))
        for start in range(0, len(ids), REEXTRACT_BATCH):
            stored = read_stored_documents(access, ids[start : start + REEXTRACT_BATCH])
            documents = stored.documents
            extractions = extract_documents(opaque(documents), config)
            summary.documents_extracted += len(documents)
            batch = build_batch(
                run,
                documents,
                extractions,
                config,
                clusters=stored.clusters,
                seeds_read=False,
                prior_failures=stored.prior,
                retried=[d.article_id for d in documents],
            )
            note_failures(summary, batch, [d for d in documents if d.article_id in stored.prior])
            run.update(
                finished_at=utcnow(),
                status="completed",
                versions=json.dumps(versions(config) | {"reextract": "1"}, sort_keys=True),
                errors=summary.documents_failed + (1 if without_text else 0),
                message="; ".join(summary.errors) or None,
            )
            loaded = load_run(access, opaque(batch), staging_dir)
            shown.advance(len(documents))
            if "staged" in loaded:
                summary.staged_to = loaded["staged"]
                summary.errors.append(f"{loaded['locked_by']}; a batch was staged in {loaded['staged']}")
                continue
            summary.articles_updated += loaded["articles_updated"]
            summary.mentions_new += loaded["mentions_new"]
            summary.events_new += loaded["events_new"]
    except Exception as exc:
        run.update(finished_at=utcnow(), status="failed", message=f"{type(exc).__name__}: {exc}")
        if not access.locked_by:
            _try_record_failure(config.warehouse.path, run)
        raise
    finally:
        stack.close()
    summary.status = "staged" if summary.staged_to else "completed"
    summary.totals = {k.removeprefix("total_"): v for k, v in loaded.items() if k.startswith("total_")}
    summary.elapsed_s = round(time.perf_counter() - started, 2)
    return summary


def _one_shot(name: str, config_path: str | None, db: str | None, **parameters: Any) -> RunSummary:
    """Run the flow `name` of this module in this process: as a Prefect flow run when a Prefect
    server is configured or running locally, else as plain calls, without importing Prefect (its
    temporary server would cost several times what a run with nothing new does). See flows/tracking.py."""
    server_port = load_config(config_path, db=db).schedule.server_port
    api_url = tracking_api_url(server_port)
    if not api_url:
        plain = {"ingest": _ingest, "reextract": _reextract}[name]
        return plain(config_path=config_path, db=db, **parameters)  # type: ignore[operator]
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: api_url}):
        result: RunSummary = __getattr__(name)(config_path=config_path, db=db, **parameters)
        return result


def run_reextract(config_path: str | None = None, db: str | None = None, since: str | None = None) -> RunSummary:
    """The reextract flow, run in this process (`storywatch reextract`)."""
    return _one_shot("reextract", config_path, db, since=since)


def run_ingest(
    config_path: str | None = None,
    db: str | None = None,
    offline: bool = False,
    seeds_dir: str | None = None,
    all_feeds: bool = False,
) -> RunSummary:
    """The ingest flow, run in this process (`storywatch run`, the benchmarks)."""
    return _one_shot("ingest", config_path, db, offline=offline, seeds_dir=seeds_dir, all_feeds=all_feeds)


# `ingest` and `reextract` as Prefect flows, made when first read (flows/tracking.py).
__getattr__ = module_flows(__name__)
