"""The ingest flow: collect → select new → extract → load → alert, as Prefect tasks over batches.

The warehouse is opened for writing only briefly: to migrate and read feed state, to learn which
URLs and texts are already stored (so known stories are never fetched again and unchanged texts
never reach NLP), and to load the run in one transaction, then thread it and evaluate the alert
rules (one visit: flows/runs.py, WarehouseAccess.visit). Fetching, extraction and sending alerts,
the slow parts, happen with no connection held. Run bookkeeping (summary, `runs` row, load or stage): flows/runs.py;
rows: warehouse/rows.py.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractors import dedup
from extractors.gazetteer import load_gazetteer
from extractors.outlets import load_outlets
from extractors.records import EXTRACTOR_VERSION, Extraction, error_text
from extractors.relevance import RelevanceGate
from flows.alerts.delivery import alert_rules_after_ingest, alerts_after_ingest
from flows.config import Config, load_config
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
from flows.runs import (
    Run,
    RunSummary,
    WarehouseAccess,
    ensure_warehouse_dir,
    load_run,
    note_failures,
    one_shot,
    start_run,
    versions,
)
from flows.seeds import default_seeds_dir, read_seeds
from flows.threads import assign_threads
from flows.tracking import flow, module_flows, opaque, run_logger, task
from warehouse.load import RunBatch, to_arrow
from warehouse.queries import (
    catalogue_version,
    cluster_signatures,
    failure_states,
    failures_due,
    feed_backlog,
    feed_states,
    hash_owners,
    known_urls,
    stored_articles,
    stored_text_hashes,
)
from warehouse.rows import ArticleRules, DocumentFailure, article_rows, entity_rows, signature_rows, url_rows
from warehouse.staging import legacy_batches_notice, load_staged, staged_batches

if TYPE_CHECKING:
    import duckdb
    import pyarrow as pa


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
        feed_languages={feed_source_id(f.url): f.lang for f in config.feeds if f.lang},
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
    texts: Sequence[str],
    published_at: Sequence[date | datetime | None],
    config: Config,
    gate: RelevanceGate | None,
    languages: Sequence[str | None] | None = None,
) -> list[Extraction]:
    """flows.parallel.extract_parallel, imported at the first text to extract: spaCy and the model
    load only when there is something to extract."""
    from flows import parallel

    return parallel.extract_parallel(texts, published_at, config, gate, languages)


def relevance_gate(config: Config) -> RelevanceGate:
    """flows.parallel.relevance_gate (imported here only when a batch has documents)."""
    from flows import parallel

    return parallel.relevance_gate(config)


@task(name="extract")
def extract_documents(documents: Sequence[Document], config: Config, gate: RelevanceGate | None) -> list[Extraction]:
    """In this process, on a local process pool or on a Dask cluster, as `[nlp]` / `[runtime]` say
    (flows/parallel.py); the records are the same in every mode, in input order. Each carries its
    relevance by `gate` (the run's one gate: its rows are kept by the same)."""
    if not documents:
        return []
    # Each in the language stored for it (detected when the document was made; its feed's `lang` when
    # the text was too short to tell).
    return extract_parallel(
        [d.text for d in documents], [d.published_at for d in documents], config, gate, [d.language for d in documents]
    )


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


def catalogue_rows() -> list[Mapping[str, Any]]:
    """The gazetteer as `entities` rows."""
    return list(_catalogue_rows())


@functools.cache
def _catalogue_rows() -> tuple[Mapping[str, Any], ...]:
    # Built once per process: thousands of entities, the same for every run (read-only proxies,
    # so no run can alter another's rows).
    from types import MappingProxyType

    return tuple(MappingProxyType(row) for row in entity_rows(load_gazetteer().entities))


@functools.cache
def catalogue_table() -> pa.Table:
    """The catalogue's rows as the Arrow table a load scans, built once per process (converting its
    rows costs ~0.07 CPU s, in every run that loads the catalogue); Arrow tables are immutable."""
    return to_arrow("entities", _catalogue_rows())


def build_batch(
    run: dict[str, Any],
    documents: Sequence[Document],
    extractions: Sequence[Extraction],
    config: Config,
    *,
    gate: RelevanceGate | None = None,
    polls: Sequence[FeedPoll] = (),
    plan: FetchPlan | None = None,
    aliases: Sequence[tuple[Document, str]] = (),
    clusters: Mapping[str, str] | None = None,
    signatures: Mapping[str, tuple[int, ...]] | None = None,
    seeds_read: bool = True,
    failures: Mapping[str, DocumentFailure] | None = None,
    prior_failures: Mapping[str, Mapping[str, Any]] | None = None,
    retried: Collection[str] = (),
    catalogue: bool = True,
) -> RunBatch:
    """The run's rows: the documents' (warehouse/rows.py: article_rows), the feeds' state and
    backlog, URLs, signatures and the catalogue. gate: the run's relevance test (built from
    `[topic]` when not given). seeds_read: the run read the seed folder (the seed source's row says
    when); a re-extraction reads the warehouse instead. failures: documents an earlier step failed;
    prior_failures: their stored `extraction_failures` rows, to count attempts. retried: stored
    articles processed again (not new items of their feed). catalogue: load the entity catalogue
    (the gazetteer's entities; building it costs ~1 s)."""
    run_id, now = run["run_id"], run["started_at"]
    batch = RunBatch(run=run, settings={"min_relevance": repr(config.topic.min_relevance)})
    batch.entities = catalogue_table() if catalogue else []
    batch.outlets = [dataclasses.asdict(outlet) for outlet in load_outlets()]  # ~50 rows: every run
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
    batch.sources += feed_source_rows(polls, plan, documents, aliases, retried, config, now)
    if plan is not None:
        batch.feed_backlog_done = [{"source_id": source_id, "url": url} for source_id, url in sorted(plan.removed)]
        batch.feed_backlog = backlog_rows(plan, run_id, now)
    if documents:
        rules = ArticleRules(
            gate=gate or relevance_gate(config),
            keep_text=config.warehouse.keep_text,
            max_attempts=config.nlp.max_extraction_attempts,
            extractor_version=EXTRACTOR_VERSION,
        )
        rows = article_rows(
            run,
            documents,
            extractions,
            rules,
            clusters=clusters or {},
            failures=failures or {},
            prior_failures=prior_failures or {},
        )
        batch.add_rows(rows)
    batch.article_signatures = signature_rows(signatures or {}, dedup.DEDUP_VERSION, run_id)
    batch.article_urls = url_rows([(d, d.article_id) for d in documents if not d.is_seed] + list(aliases), run_id, now)
    return batch


def feed_source_rows(
    polls: Sequence[FeedPoll],
    plan: FetchPlan | None,
    documents: Sequence[Document],
    aliases: Sequence[tuple[Document, str]],
    retried: Collection[str],
    config: Config,
    now: datetime,
) -> list[dict[str, Any]]:
    """The `sources` rows of the polled feeds: their polling state, when they last brought a new
    item, their pending backlog and its warnings."""
    new_by_source: dict[str, int] = {}
    for document in [d for d in documents if d.article_id not in retried] + [d for d, _ in aliases]:
        new_by_source[document.source_id] = new_by_source.get(document.source_id, 0) + 1
    rows = []
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
        rows.append(row)
    return rows


@dataclass(frozen=True, slots=True)
class StoredDocuments:
    """Stored articles read back to be extracted again."""

    documents: list[Document]
    clusters: dict[str, str]  # article_id → its stored cluster
    prior: dict[str, dict[str, Any]]  # article_id → its `extraction_failures` row, for those that have one


def stored_documents(rows: list[dict[str, Any]], prior: dict[str, dict[str, Any]]) -> StoredDocuments:
    clusters = {row["article_id"]: row.pop("cluster_id") or row["article_id"] for row in rows}
    return StoredDocuments([Document(**row) for row in rows], clusters, prior)


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
    return stored_documents(rows, prior)


@dataclass
class Collected:
    """A run's candidate documents (seeds, then new feed entries) and what its feeds did."""

    documents: list[Document]
    polls: list[FeedPoll] = field(default_factory=list)
    plan: FetchPlan | None = None  # None when no feed was polled


def collect(run: Run, config: Config, *, offline: bool, seeds_dir: str | None, all_feeds: bool) -> Collected:
    """Earlier runs' staged batches loaded first (so what they stored counts as known), then the
    seeds and the due feeds' new entries; the summary says what the feeds did."""
    summary, access = run.summary, run.access
    seeds = collect_seeds(Path(seeds_dir) if seeds_dir else default_seeds_dir(), run.row["started_at"])
    summary.staged_loaded, refused = load_staged_batches(access, run.staging_dir)
    legacy = legacy_batches_notice(config.warehouse.staging_dir)
    summary.errors.extend([*refused, legacy] if legacy else refused)
    collected = Collected(documents=seeds)
    if not offline and config.feeds:
        states = read_feed_state(access)
        run_deadline = run_deadline_from_now(config.fetch)  # all of this run's fetching ends by then
        collected.polls = poll_due_feeds(config, states, run.row["started_at"], all_feeds, run_deadline)
        fetched = fetch_new_articles(access, collected.polls, config, run.row["started_at"], run_deadline)
        collected.documents += fetched.documents
        collected.plan = fetched.plan
        summary.entries_pending = len(fetched.plan.pending)
    polls = collected.polls
    summary.articles_seen = len(collected.documents)
    summary.feeds_polled = sum(1 for poll in polls if not poll.deferred)
    summary.feeds_deferred = len(polls) - summary.feeds_polled
    summary.errors += [f"feed {poll.feed.name}: {poll.error}" for poll in polls if poll.error]
    summary.feeds_failed = sum(1 for poll in polls if poll.error)
    if summary.feeds_deferred:
        summary.errors.append(
            f"{summary.feeds_deferred} due feed(s) not polled: the run's fetching deadline"
            f" ({config.fetch.run_deadline_s:g}s) passed; they are polled next run"
        )
    return collected


@dataclass(frozen=True, slots=True)
class Selected:
    """The documents a run extracts: its new or changed ones, then stored ones due for a retry."""

    selection: Selection
    retry: StoredDocuments

    @property
    def to_extract(self) -> list[Document]:
        return self.selection.to_extract + self.retry.documents

    @property
    def to_place(self) -> list[Document]:
        """Documents to cluster: new ones, and retried ones whose placing was what failed (a retried
        article keeps its cluster otherwise)."""
        unplaced = [d for d in self.retry.documents if self.retry.prior[d.article_id]["stage"] == "dedup"]
        return self.selection.to_extract + unplaced


def select(run: Run, collected: Collected) -> Selected:
    selection = select_changed(run.access, opaque(collected.documents))
    selected = Selected(selection, select_retries(run.access, opaque(selection.to_extract)))
    summary = run.summary
    summary.articles_unchanged, summary.duplicates = selection.unchanged, len(selection.aliases)
    summary.retried, summary.documents_extracted = len(selected.retry.documents), len(selected.to_extract)
    return selected


def run_rows(
    run: Run,
    config: Config,
    collected: Collected,
    selected: Selected,
    extractions: Sequence[Extraction],
    clustering: Clustering,
    gate: RelevanceGate | None,
) -> RunBatch:
    """The run's batch (warehouse/rows.py), with the run's own row finished."""
    run_versions = versions(config)
    batch = build_batch(
        run.row,
        selected.to_extract,
        extractions,
        config,
        gate=gate,
        polls=collected.polls,
        plan=collected.plan,
        aliases=selected.selection.aliases,
        clusters=selected.retry.clusters | clustering.clusters,
        signatures=clustering.signatures,
        failures=clustering.failures,
        prior_failures=selected.retry.prior,
        retried={d.article_id for d in selected.retry.documents},
        # The entity catalogue (22,677 rows: ~0.5-1 s a run) is loaded when the gazetteer changed
        # since the last completed run, whether or not this run extracts anything.
        catalogue=run.access.read(catalogue_version, None) != run_versions["gazetteer"],
    )
    note_failures(run.summary, batch, selected.retry.documents)
    run.finish_row(run_versions, errors=run.summary.feeds_failed + run.summary.documents_failed)
    return batch


def ingest_run(
    config: Config, *, offline: bool = False, seeds_dir: str | None = None, all_feeds: bool = False
) -> RunSummary:
    """One pipeline run: seeds and due feeds → extract → load → threads → alert. A failing feed never fails the run.

    Bulk arguments go through Prefect's `quote()` (`opaque`, flows/tracking.py): otherwise Prefect walks
    every row looking for futures, seconds per 100k words.
    """
    ensure_warehouse_dir(config.warehouse.path)
    run = start_run(config)
    with run.recording_failure():
        collected = collect(run, config, offline=offline, seeds_dir=seeds_dir, all_feeds=all_feeds)
        with run.access.visit():
            selected = select(run, collected)
        gate = relevance_gate(config) if selected.to_extract else None
        extractions = extract_documents(opaque(selected.to_extract), config, gate)
        with run.access.visit():  # alert delivery comes after it: sending holds no connection
            clustering = assign_clusters(run.access, opaque(selected.to_place))
            batch = run_rows(run, config, collected, selected, extractions, clustering, gate)
            outcome = load_run(run.access, opaque(batch), run.staging_dir)
            if not outcome.staged:
                run.summary.errors += assign_threads(config, run.run_id).errors  # never raises
                alerts = alert_rules_after_ingest(config, run.run_id)  # rules → alerts table; never raises
    if outcome.staged:
        run.note_staged(outcome, "this run's batch was staged in {folder} and will be loaded by the next run")
        run_logger().warning("run %s staged: %s", run.run_id, run.summary.errors[-1])
        return run.finish("staged")
    alerts_after_ingest(config, alerts, offline)  # → channels; never raises
    run.count_loaded(outcome)
    summary = run.summary
    run_logger().info(
        "run %s: %d new articles, %d mentions, %d unchanged, %d feed failures, %d failed documents",
        *(run.run_id, summary.articles_new, summary.mentions_new, summary.articles_unchanged),
        *(summary.feeds_failed, summary.documents_failed),
    )
    return run.finish("completed")


@flow(name="ingest", log_prints=True)
def _ingest(
    config_path: str | None = None,
    db: str | None = None,
    offline: bool = False,
    seeds_dir: str | None = None,
    all_feeds: bool = False,
) -> RunSummary:
    """The ingest flow as Prefect runs it (deployments, tracked runs): its config read from its path."""
    return ingest_run(load_config(config_path, db=db), offline=offline, seeds_dir=seeds_dir, all_feeds=all_feeds)


def run_ingest(
    config: Config, *, offline: bool = False, seeds_dir: str | None = None, all_feeds: bool = False
) -> RunSummary:
    """The ingest flow, run in this process (`storywatch run`, the benchmarks) with a loaded config."""
    return one_shot(
        ingest_run, lambda: __getattr__("ingest"), config, offline=offline, seeds_dir=seeds_dir, all_feeds=all_feeds
    )


# `ingest` as a Prefect flow, made when first read (flows/tracking.py).
__getattr__ = module_flows(__name__)
