"""A run's rows, built from its documents and the extractors' records: pure, no connection.

A column is filled from the record field of the same name (warehouse/schema.py: RECORD_FIELDS names
the few that differ), so a new column that a record already carries needs only its migration. Ids
of story records are stable across re-extraction (the same text gives the same keys).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from extractors.ids import stable_id
from extractors.records import Extraction, error_text
from warehouse.load import RunBatch, check_rows
from warehouse.schema import RECORD_FIELDS, table_shape


class ArticleDocument(Protocol):
    """What a row needs of an article candidate (flows/documents.py: Document); its other fields
    fill the `articles` columns of the same name."""

    @property
    def article_id(self) -> str: ...
    @property
    def source_id(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def is_seed(self) -> bool: ...
    @property
    def seen_urls(self) -> tuple[str, ...]: ...


class Gate(Protocol):
    """The relevance test (extractors/relevance.py: RelevanceGate)."""

    @property
    def min_relevance(self) -> float: ...
    def score(self, entity_ids: Iterable[str | None], text: str, word_count: int | None = None) -> float: ...


@dataclass(frozen=True, slots=True)
class DocumentFailure:
    """One document's processing raised: at which step, and the error ("ExceptionType: message").

    Steps: "extract" (the extractors, reported as Extraction.error), "dedup" (its MinHash signature
    or cluster), "relevance" (its topic score), "rows" (turning its records into rows)."""

    stage: str
    error: str


@functools.cache
def _filled_by(table: str, record_type: type) -> tuple[tuple[str, str], ...]:
    """(column, field) pairs: the columns of `table` that a record of this type fills."""
    renamed = RECORD_FIELDS.get(table, {})
    fields = {f.name for f in dataclasses.fields(record_type)}  # records are dataclasses
    return tuple(
        (column, renamed.get(column, column))
        for column in table_shape(table).columns
        if renamed.get(column, column) in fields
    )


def record_row(table: str, *records: object, **values: Any) -> dict[str, Any]:
    """A row of `table`: each column from `values`, else from the first record with its field.
    Columns none of them fill are left out (they take their default, or NULL)."""
    row: dict[str, Any] = {}
    for record in reversed(records):
        row.update({column: getattr(record, name) for column, name in _filled_by(table, type(record))})
    row.update(values)
    return row


def record_rows(table: str, records: Iterable[object], **values: Any) -> list[dict[str, Any]]:
    """`record_row` for many records of one type (the same columns filled for each, looked up once)."""
    rows: list[dict[str, Any]] = []
    pairs: tuple[tuple[str, str], ...] | None = None
    for record in records:
        if pairs is None:
            pairs = _filled_by(table, type(record))
        rows.append({column: getattr(record, name) for column, name in pairs} | values)
    return rows


def entity_rows(entities: Iterable[object]) -> list[dict[str, Any]]:
    """The entity catalogue as `entities` rows (fields that are no column are not stored)."""
    return record_rows("entities", entities)


def article_row(
    document: ArticleDocument,
    extraction: Extraction,
    run_id: str,
    *,
    relevance: float | None,
    cluster_id: str,
    keep_text: bool,
) -> dict[str, Any]:
    """The `articles` row of a document (keep_text: store its text, else NULL)."""
    return record_row(
        "articles",
        document,
        extraction,
        text=document.text if keep_text else None,
        relevance=relevance,
        cluster_id=cluster_id,
        run_id=run_id,
    )


def mention_rows(article_id: str, extraction: Extraction, run_id: str) -> list[dict[str, Any]]:
    return record_rows("mentions", extraction.mentions, article_id=article_id, run_id=run_id)


def add_story_records(batch: RunBatch, article_id: str, extraction: Extraction, run_id: str) -> None:
    """Events, quotes and claims of one article as rows; ids are stable across re-extraction."""
    for index, event in enumerate(extraction.events):
        # A named actor coded as no state (actor_id None) is keyed by its words: a part no coded
        # event has ("\x1e" never starts an id), so the ids of coded events are as they were.
        actor = event.actor_id if event.actor_id is not None else "\x1e" + event.actor_text
        parts = (str(event.start), event.event_type, actor, event.recipient_id or "", str(index))
        event_id = stable_id("event", article_id, *parts)
        batch.events.append(record_row("events", event, event_id=event_id, article_id=article_id, run_id=run_id))
    for index, quote in enumerate(extraction.quotes):
        quote_id = stable_id("quote", article_id, str(quote.start), str(quote.end), str(index))
        batch.quotes.append(record_row("quotes", quote, quote_id=quote_id, article_id=article_id, run_id=run_id))
    for index, claim in enumerate(extraction.claims):
        claim_id = stable_id("claim", article_id, claim.sentence, claim.what, str(index))
        batch.claims.append(record_row("claims", claim, claim_id=claim_id, article_id=article_id, run_id=run_id))


def document_rows(
    run: dict[str, Any],
    document: ArticleDocument,
    extraction: Extraction,
    gate: Gate,
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


def failed_article(
    document: ArticleDocument,
    extraction: Extraction,
    failure: DocumentFailure,
    prior: Mapping[str, Any] | None,
    *,
    run_id: str,
    now: datetime,
    cluster_id: str,
    max_attempts: int,
    extractor_version: str,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The `articles` and `extraction_failures` rows of a document whose processing raised.

    The article keeps its text whatever `keep_text` says (a later run retries from it), with
    relevance NULL and no mentions, events, quotes or claims. Attempts count the runs that tried it
    under this extractor version; at `max_attempts` it is given up (left aside until `reextract` or
    a new extractor version, which starts counting again at 1)."""
    same_version = prior is not None and prior["extractor_version"] == extractor_version
    attempts = int(prior["attempts"]) + 1 if prior is not None and same_version else 1
    article = article_row(document, extraction, run_id, relevance=None, cluster_id=cluster_id, keep_text=True)
    failure_row = record_row(
        "extraction_failures",
        failure,
        article_id=document.article_id,
        source_id=document.source_id,
        extractor_version=extractor_version,
        attempts=attempts,
        status="given_up" if attempts >= max_attempts else "retry",
        first_failed_at=prior["first_failed_at"] if prior is not None else now,
        last_failed_at=now,
        run_id=run_id,
    )
    return article, failure_row


@dataclass(frozen=True, slots=True)
class ArticleRules:
    """How documents become rows: the relevance test, whether texts are kept, when a failing
    document is given up, and the extractor version its failures are counted under."""

    gate: Gate
    keep_text: bool
    max_attempts: int
    extractor_version: str


def article_rows(
    run: dict[str, Any],
    documents: Sequence[ArticleDocument],
    extractions: Sequence[Extraction],
    rules: ArticleRules,
    *,
    clusters: Mapping[str, str],
    failures: Mapping[str, DocumentFailure],
    prior_failures: Mapping[str, Mapping[str, Any]],
) -> RunBatch:
    """The articles, failures, mentions and story rows of the documents. A document whose processing
    raised (its extraction has `error`, an earlier step reported it in `failures`, or its relevance
    or rows raise here) is stored as a failed article (see `failed_article`); prior_failures: the
    stored `extraction_failures` rows of these documents, to count attempts."""
    run_id, now = run["run_id"], run["started_at"]
    batch = RunBatch(run=run)

    def add_failed(document: ArticleDocument, extraction: Extraction, failure: DocumentFailure) -> None:
        article, failure_row = failed_article(
            document,
            extraction,
            failure,
            prior_failures.get(document.article_id),
            run_id=run_id,
            now=now,
            cluster_id=clusters.get(document.article_id, document.article_id),
            max_attempts=rules.max_attempts,
            extractor_version=rules.extractor_version,
        )
        batch.articles.append(article)
        batch.extraction_failures.append(failure_row)

    built: list[tuple[ArticleDocument, Extraction, RunBatch]] = []  # each document's rows, built aside
    for document, extraction in zip(documents, extractions, strict=True):
        outcome = failures.get(document.article_id) or document_rows(
            run,
            document,
            extraction,
            rules.gate,
            cluster_id=clusters.get(document.article_id, document.article_id),
            keep_text=rules.keep_text,
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
    return batch


def signature_rows(signatures: Mapping[str, tuple[int, ...]], version: str, run_id: str) -> list[dict[str, Any]]:
    """`article_signatures` rows: each article's MinHash signature under the dedup version."""
    return [
        {"article_id": article_id, "signature": list(signature), "version": version, "run_id": run_id}
        for article_id, signature in signatures.items()
    ]


def url_rows(owners: Iterable[tuple[ArticleDocument, str]], run_id: str, now: datetime) -> list[dict[str, Any]]:
    """`article_urls` rows: every URL that led to a document, owned by the article it is stored as
    (its own, or the stored article whose identical text it repeats)."""
    return [
        {"url": url, "article_id": owner, "source_id": document.source_id, "first_seen_at": now, "run_id": run_id}
        for document, owner in owners
        for url in document.seen_urls or (document.url,)
    ]
