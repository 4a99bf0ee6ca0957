"""Read queries used by the pipeline and the CLI."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb

from warehouse.db import scalar, table_exists
from warehouse.load import keyed_query


@dataclass(frozen=True, slots=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]


class QueryError(Exception):
    """A user's SQL failed; the message is DuckDB's, on one line."""


def _rows(con: duckdb.DuckDBPyConnection, sql: str, keys: Iterable[str]) -> list[tuple[Any, ...]]:
    return keyed_query(con, sql, keys)[1]


def run_query(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> QueryResult:
    try:
        cursor = con.execute(sql, params or [])
    except duckdb.Error as exc:
        raise QueryError(" ".join(str(exc).split())) from exc
    columns = [d[0] for d in cursor.description] if cursor.description else []
    return QueryResult(columns, cursor.fetchall() if columns else [])


def stored_text_hashes(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> dict[str, str]:
    """article_id → text_hash for the given ids that are already stored."""
    sql = "SELECT article_id, text_hash FROM articles JOIN {ids} ON article_id = {ids}.id"
    return dict(_rows(con, sql, article_ids))


COUNTED_TABLES = (
    "articles",
    "mentions",
    "entities",
    "sources",
    "runs",
    "events",
    "quotes",
    "claims",
    "extraction_failures",
)


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows in each of COUNTED_TABLES (0 for one the warehouse lacks), in two queries: every run
    reads them after its load."""
    listed = ", ".join(f"'{table}'" for table in COUNTED_TABLES)
    present = {
        row[0]
        for row in con.execute(
            f"SELECT table_name FROM information_schema.tables WHERE table_name IN ({listed})"
        ).fetchall()
    }
    counted = [table for table in COUNTED_TABLES if table in present]
    counts = dict.fromkeys(COUNTED_TABLES, 0)
    if counted:
        union = " UNION ALL ".join(f"SELECT '{table}', count(*) FROM {table}" for table in counted)
        counts.update({name: int(n) for name, n in con.execute(union).fetchall()})
    return counts


def extraction_fingerprint(con: duckdb.DuckDBPyConnection) -> tuple[list[tuple[Any, ...]], ...]:
    """Every row extraction put in the warehouse, without run ids and load times: two warehouses
    with equal fingerprints hold the same extracted story (tests and the benchmark compare them)."""
    return tuple(
        con.execute(sql).fetchall()
        for sql in (
            "SELECT article_id, text_hash, word_count, relevance, cluster_id FROM articles ORDER BY ALL",
            "SELECT article_id, sentence_index, start_char, end_char, text, label, entity_id, metonymy"
            " FROM mentions ORDER BY ALL",
            "SELECT * EXCLUDE (run_id) FROM events ORDER BY ALL",
            "SELECT * EXCLUDE (run_id) FROM quotes ORDER BY ALL",
            "SELECT * EXCLUDE (run_id) FROM claims ORDER BY ALL",
        )
    )


def catalogue_version(con: duckdb.DuckDBPyConnection) -> str | None:
    """The gazetteer version of the last completed run: the entity catalogue's version, as every
    completed run either loaded the catalogue or found it at its own version."""
    # scalar reads the whole result: a result left open (fetchone) keeps its transaction open, and a
    # run's visit shares this connection with the load, whose CHECKPOINT then fails.
    value = scalar(
        con,
        "SELECT json_extract_string(versions, '$.gazetteer') FROM runs"
        " WHERE status = 'completed' AND versions IS NOT NULL ORDER BY finished_at DESC LIMIT 1",
    )
    return str(value) if value is not None else None


def feed_states(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Any]]:
    """source_id → the stored `sources` row, for every feed."""
    cursor = con.execute("SELECT * FROM sources WHERE kind = 'feed'")
    columns = [d[0] for d in cursor.description]
    return {row[0]: dict(zip(columns, row, strict=True)) for row in cursor.fetchall()}


def feed_backlog(con: duckdb.DuckDBPyConnection, source_ids: Iterable[str]) -> list[dict[str, Any]]:
    """The backlog entries of the given feeds (source_id, url, entry JSON text, published_at,
    first_seen_at), newest first per feed."""
    columns, rows = keyed_query(
        con,
        "SELECT source_id, url, entry::VARCHAR AS entry, published_at, first_seen_at"
        " FROM feed_backlog JOIN {ids} ON source_id = {ids}.id"
        " ORDER BY source_id, published_at DESC NULLS LAST, first_seen_at, url",
        source_ids,
    )
    return [dict(zip(columns, row, strict=True)) for row in rows]


def known_urls(con: duckdb.DuckDBPyConnection, urls: Iterable[str]) -> set[str]:
    """The normalised URLs among `urls` that already led to a stored article."""
    rows = _rows(con, "SELECT url FROM article_urls JOIN {ids} ON url = {ids}.id", urls)
    rows += _rows(con, "SELECT url FROM articles JOIN {ids} ON url = {ids}.id", urls)
    return {r[0] for r in rows}


def hash_owners(con: duckdb.DuckDBPyConnection, text_hashes: Iterable[str]) -> dict[str, str]:
    """text_hash → the article that already holds that exact text (the first one stored)."""
    rows = _rows(
        con,
        "SELECT text_hash, min(article_id) FROM articles JOIN {ids} ON text_hash = {ids}.id GROUP BY 1",
        text_hashes,
    )
    return dict(rows)


def cluster_signatures(
    con: duckdb.DuckDBPyConnection, version: str, *, since_days: int = 60
) -> list[tuple[str, str, tuple[int, ...]]]:
    """(article_id, cluster_id, signature) of recent articles, to place new near-duplicates.

    Syndicated copies appear within days of each other, so only a recent window is compared;
    that keeps the cost flat as the warehouse grows.
    """
    rows = con.execute(
        "SELECT s.article_id, coalesce(a.cluster_id, a.article_id), s.signature"
        " FROM article_signatures s JOIN articles a USING (article_id)"
        " WHERE s.version = ? AND coalesce(a.published_at, a.fetched_at) >= now()::TIMESTAMP - to_days(?)",
        [version, since_days],
    ).fetchall()
    return [(r[0], r[1], tuple(r[2])) for r in rows]


def feed_health(con: duckdb.DuckDBPyConnection) -> QueryResult:
    """One row per feed. `summary_only_last`: of the articles its latest loading run brought, how
    many are summary-only (page not used); `last_page_error`: the latest article's fetch_error."""
    return run_query(
        con,
        "WITH latest AS ("
        "  SELECT source_id, run_id, count(*) AS n, count(*) FILTER (WHERE summary_only) AS summary_only"
        "  FROM articles WHERE NOT is_seed GROUP BY source_id, run_id"
        "  QUALIFY row_number() OVER (PARTITION BY source_id ORDER BY max(fetched_at) DESC, run_id DESC) = 1),"
        " page_errors AS ("
        "  SELECT source_id, arg_max(fetch_error, fetched_at) AS last_page_error"
        "  FROM articles WHERE fetch_error IS NOT NULL GROUP BY source_id)"
        " SELECT s.name, s.last_status, s.last_fetch_at, s.last_new_item_at, s.consecutive_failures,"
        " s.next_fetch_at, (SELECT count(*) FROM articles a WHERE a.source_id = s.source_id) AS articles,"
        " s.pending_items, l.summary_only AS summary_only_last, l.n AS articles_last,"
        " p.last_page_error, s.last_error, s.url, s.source_id"
        " FROM sources s LEFT JOIN latest l USING (source_id) LEFT JOIN page_errors p USING (source_id)"
        " WHERE s.kind = 'feed' ORDER BY s.name, s.source_id",
    )


# The `articles` columns a stored article is re-extracted from (flows.documents.Document's fields).
DOCUMENT_COLUMNS = (
    "article_id, source_id, url, title, published_at, published_approx, fetched_at, text, text_hash,"
    " is_seed, canonical_url, author, language, summary_only, fetch_error, cluster_id"
)


def stored_article_ids(con: duckdb.DuckDBPyConnection, since: datetime | None = None) -> tuple[list[str], int]:
    """Ids of the stored articles whose text was kept (fetched at or after `since`, when given),
    oldest first; and how many matching articles have no text (`keep_text = false`)."""
    when = "fetched_at >= ?" if since else "true"
    params = [since] if since else []
    ids = con.execute(
        f"SELECT article_id FROM articles WHERE {when} AND text IS NOT NULL ORDER BY fetched_at, article_id", params
    ).fetchall()
    without_text = int(scalar(con, f"SELECT count(*) FROM articles WHERE {when} AND text IS NULL", params))
    return [r[0] for r in ids], without_text


def stored_articles(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> list[dict[str, Any]]:
    """The given stored articles as column dicts (DOCUMENT_COLUMNS), oldest first."""
    columns, rows = keyed_query(
        con,
        f"SELECT {DOCUMENT_COLUMNS} FROM articles JOIN {{ids}} ON article_id = {{ids}}.id"
        " ORDER BY fetched_at, article_id",
        article_ids,
    )
    return [dict(zip(columns, row, strict=True)) for row in rows]


# --- failed extractions (extraction_failures, migration 007) -----------------------------------------


def failures_due(con: duckdb.DuckDBPyConnection, extractor_version: str) -> list[str]:
    """Ids of the stored articles (with their text) whose failed extraction is due for another
    attempt: status 'retry', or any status recorded under another extractor version. Oldest first."""
    if not table_exists(con, "extraction_failures"):
        return []
    rows = con.execute(
        "SELECT f.article_id FROM extraction_failures f JOIN articles a USING (article_id)"
        " WHERE a.text IS NOT NULL AND (f.status = 'retry' OR f.extractor_version <> ?)"
        " ORDER BY f.first_failed_at, f.article_id",
        [extractor_version],
    ).fetchall()
    return [r[0] for r in rows]


def failure_states(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """article_id → its `extraction_failures` row, for the given ids that have one."""
    if not table_exists(con, "extraction_failures"):
        return {}
    columns, rows = keyed_query(
        con, "SELECT f.* FROM extraction_failures f JOIN {ids} ON f.article_id = {ids}.id", article_ids
    )
    return {row[0]: dict(zip(columns, row, strict=True)) for row in rows}


FAILURE_STATUSES = ("retry", "given_up")
# `storywatch failures`: column name → expression.
_FAILURE_LISTING = {
    "article_id": "f.article_id",
    "status": "f.status",
    "attempts": "f.attempts",
    "stage": "f.stage",
    "error": "f.error",
    "extractor_version": "f.extractor_version",
    "first_failed_at": "f.first_failed_at",
    "last_failed_at": "f.last_failed_at",
    "run_id": "f.run_id",
    "source": "s.name",
    "title": "a.title",
    "url": "a.url",
}


def failure_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """status → number of articles whose extraction failed ('retry', 'given_up'; zeros included)."""
    counts = dict.fromkeys(FAILURE_STATUSES, 0)
    if table_exists(con, "extraction_failures"):
        counts |= dict(con.execute("SELECT status, count(*) FROM extraction_failures GROUP BY 1").fetchall())
    return counts


def extraction_failures(con: duckdb.DuckDBPyConnection, status: str | None = None) -> QueryResult:
    """Every failed extraction with its article and source, latest failure first (`storywatch failures`)."""
    if status is not None and status not in FAILURE_STATUSES:
        raise QueryError(f"unknown status {status!r}: use {' or '.join(FAILURE_STATUSES)}")
    if not table_exists(con, "extraction_failures"):  # a warehouse older than migration 007, read-only
        return QueryResult(list(_FAILURE_LISTING), [])
    select = ", ".join(f"{expr} AS {name}" for name, expr in _FAILURE_LISTING.items())
    return run_query(
        con,
        f"SELECT {select}"
        " FROM extraction_failures f LEFT JOIN articles a USING (article_id)"
        " LEFT JOIN sources s ON s.source_id = f.source_id"
        " WHERE CAST(? AS VARCHAR) IS NULL OR f.status = ?"
        " ORDER BY f.last_failed_at DESC, f.article_id",
        [status, status],
    )
