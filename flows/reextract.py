"""The reextract flow: stored articles extracted again from their kept text, batch by batch."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from extractors.language import document_language
from flows.config import Config, load_config
from flows.pipeline import (
    StoredDocuments,
    build_batch,
    extract_documents,
    relevance_gate,
    stored_documents,
)
from flows.progress import progress
from flows.runs import RunSummary, WarehouseAccess, load_run, note_failures, one_shot, start_run, versions
from flows.threads import assign_threads
from flows.tracking import flow, module_flows, opaque, task
from warehouse.db import WarehouseLockedError
from warehouse.queries import failure_states, stored_article_ids, stored_articles

# Articles re-extracted per transaction: bounds the texts and records held in memory at once.
REEXTRACT_BATCH = 1_000


@task(name="stored-articles")
def read_stored_documents(access: WarehouseAccess, article_ids: Sequence[str]) -> StoredDocuments:
    """Stored articles with their text, as documents, with their clusters and failures."""
    rows, prior = access.read(
        lambda con: (stored_articles(con, article_ids), failure_states(con, article_ids)), ([], {})
    )
    return stored_documents(rows, prior)


def reextract_run(config: Config, *, since: str | None = None) -> RunSummary:
    """Extract stored articles again from their kept text, with today's model, gazetteer, lexicon
    and `[topic]` (after an upgrade, or a changed `min_relevance`): their mentions, events, quotes,
    claims, relevance and language are replaced, REEXTRACT_BATCH articles per transaction; clusters and URLs
    stay. Failed articles (given up or not) are tried too: a success clears their failure, a failure
    counts one more attempt. Then every thread is rebuilt (flows/threads.py). No alerts: the articles
    are not new (the next run's rules see recovered ones). `since`: only articles fetched on or after
    this ISO date."""
    run = start_run(config)
    summary, access = run.summary, run.access
    run_versions = versions(config) | {"reextract": "1"}
    with run.recording_failure(), contextlib.ExitStack() as stack:  # the progress display ends however the run ends
        when = datetime.fromisoformat(since) if since else None
        ids, without_text = access.read(lambda con: stored_article_ids(con, when), ([], 0))
        if access.locked_by:  # nothing to re-extract without reading the warehouse
            raise WarehouseLockedError(access.locked_by, None)
        summary.articles_seen = len(ids) + without_text
        if without_text:
            summary.errors.append(f"{without_text} article(s) kept no text (keep_text = false): left as they were")
        shown = stack.enter_context(progress("re-extracting", total=len(ids), unit="articles"))
        gate = relevance_gate(config) if ids else None
        for start in range(0, len(ids), REEXTRACT_BATCH):
            stored = read_stored_documents(access, ids[start : start + REEXTRACT_BATCH])
            # Languages detected again (rows stored before detection say "en" or the page's declaration)
            documents = [replace(d, language=document_language(d.text, d.language)) for d in stored.documents]
            extractions = extract_documents(opaque(documents), config, gate)
            summary.documents_extracted += len(documents)
            batch = build_batch(
                run.row,
                documents,
                extractions,
                config,
                gate=gate,
                clusters=stored.clusters,
                seeds_read=False,
                prior_failures=stored.prior,
                retried=[d.article_id for d in documents],
            )
            note_failures(summary, batch, [d for d in documents if d.article_id in stored.prior])
            run.finish_row(run_versions, errors=summary.documents_failed + (1 if without_text else 0))
            outcome = load_run(access, opaque(batch), run.staging_dir)
            shown.advance(len(documents))
            if outcome.staged:
                run.note_staged(outcome, "a batch was staged in {folder}")
            else:
                run.count_loaded(outcome)
        if not summary.staged_to:  # relevance and features changed: every thread again, as the runs made them
            summary.errors += assign_threads(config, run.run_id, rebuild_all=True).errors
    return run.finish("staged" if summary.staged_to else "completed")


@flow(name="reextract", log_prints=True)
def _reextract(config_path: str | None = None, db: str | None = None, since: str | None = None) -> RunSummary:
    """The reextract flow as Prefect runs it (tracked runs): its config read from its path."""
    return reextract_run(load_config(config_path, db=db), since=since)


def run_reextract(config: Config, *, since: str | None = None) -> RunSummary:
    """The reextract flow, run in this process (`storywatch reextract`) with a loaded config."""
    return one_shot(reextract_run, lambda: __getattr__("reextract"), config, since=since)


# `reextract` as a Prefect flow, made when first read (flows/tracking.py).
__getattr__ = module_flows(__name__)
