"""The alerts tables and the queries the alert rules read.

Exactly-once, as the warehouse sees it:

1. `insert_alerts` — one short write transaction: each new alert row goes in with INSERT OR IGNORE
   on its `dedup_key` (so a subject never gets a second row), together with one `alert_deliveries`
   row per configured channel. Nothing has been sent yet. Digest-mode alerts get their delivery
   rows later, from `queue_digest`, when a digest first takes them (status `digest_pending` till then).
2. `claim_deliveries` — one short transaction marks the due deliveries 'sending' (attempts + 1)
   and returns them; only the process that claimed a delivery sends it (DuckDB allows one writer
   process at a time, so two runs cannot claim the same row).
3. The caller sends with no connection open: one message per instant alert, or per digest part
   (several digest-mode alerts to one channel, `digest_part` names the message).
4. `record_deliveries` — one short transaction per message: each delivery it carried 'sent', or
   'failed' with the error and the time of its next attempt (exponential backoff), or 'gave_up';
   each alert's own status follows (`sent`, or `in_digest` for a digest-mode alert, once every
   channel has it).

A crash between 3 and 4 leaves the delivery 'sending'; after `sending_timeout_s` it is claimed
again and re-sent with the same `dedup_key` in its payload, so a receiver can drop the repeat.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import duckdb

from warehouse.db import connect
from warehouse.load import keyed_query, registered
from warehouse.schema import arrow_columns

# --- connections --------------------------------------------------------------------------------


@contextmanager
def open_warehouse(path: str, *, wait_s: float, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """`connect`, waiting up to `wait_s` while another process holds the file (a scheduled ingest
    and the digest may touch the warehouse at the same moment; each holds it only briefly)."""
    with connect(path, read_only=read_only, wait_s=wait_s) as con:
        yield con


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    columns = [d[0] for d in cursor.description] if cursor.description else []
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _query(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    return _dicts(con.execute(sql, list(params)))


def _with_ids(con: duckdb.DuckDBPyConnection, sql: str, ids: Iterable[str], params: Sequence[Any] = ()) -> list[dict]:
    """Run `sql`, which reads the key set as `{ids}` (one column `id`): rows as dicts."""
    columns, rows = keyed_query(con, sql, ids, params)
    return [dict(zip(columns, row, strict=True)) for row in rows]


def _grouped(
    con: duckdb.DuckDBPyConnection, sql: str, ids: Iterable[str], key: str, *, drop_key: bool = False
) -> dict[str, list[dict[str, Any]]]:
    """`_with_ids`'s rows grouped by the column `key` (dropped from the rows with `drop_key`), in query order."""
    out: dict[str, list[dict[str, Any]]] = {}
    for row in _with_ids(con, sql, ids):
        out.setdefault(row.pop(key) if drop_key else row[key], []).append(row)
    return out


# --- what the rules read ------------------------------------------------------------------------


def entity_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    # Read as two Arrow columns: a row tuple per entity (the whole catalogue, ~25,000) costs twice as much.
    table = con.sql("SELECT entity_id, name FROM entities").to_arrow_table()
    return dict(zip(table.column(0).to_pylist(), table.column(1).to_pylist(), strict=True))


def coverage_candidates(con: duckdb.DuckDBPyConnection, since: datetime) -> list[dict[str, Any]]:
    """Articles fetched since `since`, with their source, outlet, relevance, cluster, language and text."""
    return _query(
        con,
        "SELECT a.article_id, coalesce(a.cluster_id, a.article_id) AS cluster_id, a.source_id, s.name AS source,"
        " o.outlet, a.url, a.title, a.published_at, a.fetched_at, a.relevance, a.is_seed, a.language, a.text"
        " FROM articles a LEFT JOIN sources s USING (source_id) JOIN article_outlets o USING (article_id)"
        " WHERE a.fetched_at >= ? AND a.relevance IS NOT NULL",
        [since],
    )


def cluster_copies(con: duckdb.DuckDBPyConnection, cluster_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """Every stored article of the given near-duplicate clusters (syndicated copies)."""
    return _grouped(
        con,
        "SELECT coalesce(a.cluster_id, a.article_id) AS cluster_id, a.article_id, a.source_id, s.name AS source,"
        " o.outlet, a.url, a.title, a.published_at, a.fetched_at, a.relevance"
        " FROM articles a LEFT JOIN sources s USING (source_id) JOIN article_outlets o USING (article_id)"
        " WHERE coalesce(a.cluster_id, a.article_id) IN (SELECT id FROM {ids})",
        cluster_ids,
        "cluster_id",
    )


def cluster_aliases(con: duckdb.DuckDBPyConnection, cluster_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """The other URLs (and their feeds) under which the clusters' exact texts were seen."""
    return _grouped(
        con,
        "SELECT coalesce(a.cluster_id, a.article_id) AS cluster_id, u.url, u.source_id, s.name AS source"
        " FROM article_urls u JOIN articles a USING (article_id) LEFT JOIN sources s ON s.source_id = u.source_id"
        " WHERE coalesce(a.cluster_id, a.article_id) IN (SELECT id FROM {ids})",
        cluster_ids,
        "cluster_id",
    )


def article_entities(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """Linked entities per article: id, name, mentions, and the actor (state) it stands for."""
    return _grouped(
        con,
        "SELECT m.article_id, m.entity_id, any_value(e.name) AS name, count(*) AS mentions,"
        " any_value(CASE WHEN e.kind IN ('state', 'igo') THEN e.entity_id ELSE e.country END) AS actor_id"
        " FROM mentions m LEFT JOIN entities e USING (entity_id)"
        " WHERE m.entity_id IS NOT NULL AND m.article_id IN (SELECT id FROM {ids})"
        " GROUP BY m.article_id, m.entity_id ORDER BY m.article_id, mentions DESC, m.entity_id",
        article_ids,
        "article_id",
        drop_key=True,
    )


def article_events(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    return _grouped(
        con,
        "SELECT article_id, event_type, actor_id, actor_text, recipient_id, quantity, hedged, sentence FROM events"
        " WHERE NOT negated AND article_id IN (SELECT id FROM {ids}) ORDER BY article_id, start_char",
        article_ids,
        "article_id",
        drop_key=True,
    )


def first_seen_candidates(con: duckdb.DuckDBPyConnection, since: datetime) -> list[dict[str, Any]]:
    """Rows of the `first_seen` view whose introducing article was fetched since `since`."""
    return _query(
        con,
        "SELECT f.kind, f.key, f.first_seen_at, f.article_id, f.title, f.url, f.source, a.source_id,"
        " a.is_seed, a.fetched_at, a.published_at, a.relevance, a.language"
        " FROM first_seen f JOIN articles a USING (article_id) WHERE a.fetched_at >= ?",
        [since],
    )


def daily_series(con: duckdb.DuckDBPyConnection, first_day: date, last_day: date) -> list[dict[str, Any]]:
    """Per day: articles mentioning each entity, and sentences naming each actor pair."""
    return _query(
        con,
        "SELECT 'entity' AS target, entity_id AS key, day, articles AS value FROM entity_daily"
        " WHERE day BETWEEN ? AND ?"
        " UNION ALL"
        " SELECT 'pair', actor_a || '–' || actor_b, day, co_mentions FROM pair_daily"
        " WHERE day BETWEEN ? AND ? AND co_mentions > 0",
        [first_day, last_day, first_day, last_day],
    )


def active_days(con: duckdb.DuckDBPyConnection, first_day: date, last_day: date) -> list[date]:
    rows = con.execute(
        "SELECT day FROM coverage_daily WHERE relevant_articles > 0 AND day BETWEEN ? AND ?", [first_day, last_day]
    ).fetchall()
    return [r[0] for r in rows]


def spike_evidence(con: duckdb.DuckDBPyConnection, target: str, key: str, day: date, limit: int = 5) -> list[dict]:
    """The day's relevant articles behind a spike, most relevant first."""
    if target == "entity":
        ids_sql = "SELECT article_id FROM article_entities WHERE entity_id = ?"
        params: list[Any] = [key]
    else:
        a, b = key.split("–", 1)
        ids_sql = "SELECT article_id FROM article_pairs WHERE actor_a = ? AND actor_b = ?"
        params = [a, b]
    return _query(
        con,
        "SELECT a.article_id, a.title, s.name AS source, a.source_id, a.url, a.published_at, a.fetched_at, a.relevance"
        f" FROM article_days d JOIN articles a USING (article_id) LEFT JOIN sources s ON s.source_id = a.source_id"
        f" WHERE d.relevant AND d.day = ? AND a.article_id IN ({ids_sql})"
        " ORDER BY a.relevance DESC, a.article_id LIMIT ?",
        [day, *params, limit],
    )


# --- story threads (warehouse/migrations/011_threads.sql) ---------------------------------------

_THREAD_COLUMNS = (
    "t.thread_id, t.label, t.first_seen, t.last_seen, t.articles, t.outlets, t.stories, t.main_actors,"
    " t.main_event_types, t.key_event, t.status, t.merged_into"
)


def thread_candidates(con: duckdb.DuckDBPyConnection, since: datetime) -> list[dict[str, Any]]:
    """The threads (not merged away) that gained an article fetched since `since`."""
    return _query(
        con,
        f"SELECT {_THREAD_COLUMNS} FROM threads t WHERE t.status <> 'merged' AND t.thread_id IN ("
        " SELECT ta.thread_id FROM thread_articles ta JOIN articles a USING (article_id) WHERE a.fetched_at >= ?)"
        " ORDER BY t.first_seen, t.thread_id",
        [since],
    )


def thread_members(con: duckdb.DuckDBPyConnection, thread_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """Every article of the given threads (their current members, merged-in ones included), with its
    outlet and story time, in story order; `revived_at`: when the article revived the dormant thread."""
    return _grouped(
        con,
        "SELECT ta.thread_id, a.article_id, a.title, a.url, a.source_id, s.name AS source, o.outlet,"
        " a.published_at, a.fetched_at, d.seen_at, a.relevance, a.is_seed, coalesce(a.cluster_id, a.article_id)"
        " AS cluster_id, c.changed_at AS revived_at, a.language"
        " FROM thread_articles ta JOIN articles a USING (article_id) JOIN article_days d USING (article_id)"
        " JOIN article_outlets o USING (article_id) LEFT JOIN sources s ON s.source_id = a.source_id"
        " LEFT JOIN thread_changes c ON c.change = 'revived' AND c.article_id = ta.article_id"
        " AND c.thread_id = ta.thread_id"
        " WHERE ta.thread_id IN (SELECT id FROM {ids}) ORDER BY ta.thread_id, d.seen_at, a.article_id",
        thread_ids,
        "thread_id",
    )


def thread_absorbed(con: duckdb.DuckDBPyConnection, thread_ids: Iterable[str]) -> dict[str, list[str]]:
    """Per thread, the threads merged into it, directly or through others (so an alert already given
    about one of them is not given again about the thread that absorbed it)."""
    return {
        key: [r["absorbed"] for r in found]
        for key, found in _grouped(
            con,
            "WITH RECURSIVE absorbed(thread_id, absorbed) AS ("
            " SELECT merged_into, thread_id FROM threads"
            " WHERE status = 'merged' AND merged_into IN (SELECT id FROM {ids})"
            " UNION SELECT a.thread_id, t.thread_id FROM threads t JOIN absorbed a ON t.merged_into = a.absorbed"
            " WHERE t.status = 'merged')"
            " SELECT thread_id, absorbed FROM absorbed ORDER BY thread_id, absorbed",
            thread_ids,
            "thread_id",
            drop_key=True,
        ).items()
    }


def article_threads(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Each article's current thread (after merges): article_id → the thread's row."""
    return {
        row.pop("article_id"): row
        for row in _with_ids(
            con,
            f"SELECT ta.article_id, {_THREAD_COLUMNS} FROM thread_articles ta JOIN threads t USING (thread_id)"
            " WHERE ta.article_id IN (SELECT id FROM {ids})",
            article_ids,
        )
    }


def alert_threads(con: duckdb.DuckDBPyConnection, dedup_keys: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The current thread of each alert's article (alerts without one, or whose article has no
    thread, are left out): dedup_key → thread_id, label, last_seen."""
    return {
        row.pop("dedup_key"): row
        for row in _with_ids(
            con,
            "SELECT al.dedup_key, t.thread_id, t.label, t.last_seen FROM alerts al"
            " JOIN thread_articles ta ON ta.article_id = al.article_id JOIN threads t ON t.thread_id = ta.thread_id"
            " WHERE al.dedup_key IN (SELECT id FROM {ids})",
            dedup_keys,
        )
    }


def rule_subjects(con: duckdb.DuckDBPyConnection, rule: str, kind: str, prefix: str) -> set[str]:
    """The subjects starting with `prefix` this rule has already alerted about."""
    rows = con.execute(
        "SELECT subject FROM alerts WHERE rule = ? AND kind = ? AND starts_with(subject, ?)", [rule, kind, prefix]
    ).fetchall()
    return {r[0] for r in rows}


def claim_candidates(con: duckdb.DuckDBPyConnection, since: datetime) -> list[dict[str, Any]]:
    """Claims from articles fetched since `since`, each with the previous report of the same subject,
    quantity and unit from another article (in order of publication)."""
    return _query(
        con,
        """
        WITH ordered AS (
            SELECT c.claim_id, c.article_id, c.subject_id, c.what, c.unit, c.value_low, c.value_high, c.hedged,
                   c.sentence, a.fetched_at, a.published_at, a.title, a.url, s.name AS source, a.source_id,
                   a.relevance, d.seen_at,
                   lag(c.value_low) OVER w AS prev_low, lag(c.value_high) OVER w AS prev_high,
                   lag(c.sentence) OVER w AS prev_sentence, lag(c.article_id) OVER w AS prev_article_id,
                   lag(a.title) OVER w AS prev_title, lag(a.url) OVER w AS prev_url,
                   lag(s.name) OVER w AS prev_source, lag(a.published_at) OVER w AS prev_published_at
            FROM claims c
            JOIN article_days d USING (article_id)
            JOIN articles a USING (article_id)
            LEFT JOIN sources s ON s.source_id = a.source_id
            WHERE c.subject_id IS NOT NULL AND (c.value_low IS NOT NULL OR c.value_high IS NOT NULL)
            WINDOW w AS (
                PARTITION BY c.subject_id, c.what, coalesce(c.unit, '') ORDER BY d.seen_at, a.fetched_at, c.claim_id
            )
        )
        SELECT o.*, e.name AS subject_name
        FROM ordered o LEFT JOIN entities e ON e.entity_id = o.subject_id
        WHERE o.fetched_at >= ? AND o.prev_article_id IS NOT NULL AND o.prev_article_id <> o.article_id
        """,
        [since],
    )


def feed_rows(con: duckdb.DuckDBPyConnection, source_ids: Iterable[str]) -> list[dict[str, Any]]:
    return _with_ids(
        con,
        "SELECT source_id, name, url, last_status, last_fetch_at, consecutive_failures, last_error,"
        " last_new_item_at FROM sources WHERE kind = 'feed' AND source_id IN (SELECT id FROM {ids})",
        source_ids,
    )


def ended_failing_episodes(con: duckdb.DuckDBPyConnection, rule: str) -> dict[str, int]:
    """Per feed, how many failing episodes of this feed_health rule have ended."""
    rows = con.execute(
        "SELECT subject FROM alerts WHERE rule = ? AND kind = 'feed_health' AND resolved_at IS NOT NULL"
        " AND subject LIKE 'feed:%:failing:%'",
        [rule],
    ).fetchall()
    counts: dict[str, int] = {}
    for (subject,) in rows:
        source_id = subject.removeprefix("feed:").rsplit(":failing:", 1)[0]
        counts[source_id] = counts.get(source_id, 0) + 1
    return counts


def resolve_failing(con: duckdb.DuckDBPyConnection, rule: str, subjects: Iterable[str], now: datetime) -> int:
    """Close the open failing episodes of feeds that work again."""
    subjects = list(subjects)
    if not subjects:
        return 0
    with transaction(con):
        rows = con.execute(
            "UPDATE alerts SET resolved_at = ? WHERE rule = ? AND kind = 'feed_health' AND resolved_at IS NULL"
            " AND list_contains(?::VARCHAR[], subject) RETURNING dedup_key",
            [now, rule, subjects],
        ).fetchall()
    return len(rows)


# --- the alerts tables --------------------------------------------------------------------------


def insert_alerts(
    con: duckdb.DuckDBPyConnection,
    alerts: Sequence[Mapping[str, Any]],
    channels: Sequence[tuple[str, str]],
    now: datetime,
) -> list[str]:
    """Record new alerts (and their pending deliveries, one per channel) in one transaction.

    `alerts`: mappings with dedup_key, alert_id, rule, kind, mode, subject, title, article_id,
    run_id and payload (a dict). An alert whose dedup_key is already stored is ignored, whatever its
    status. Returns the dedup_keys that were new."""
    if not alerts:
        return []
    unique = {a["dedup_key"]: a for a in alerts}
    with transaction(con):
        existing = {
            r["id"]
            for r in _with_ids(con, "SELECT k.id FROM {ids} k JOIN alerts ON alerts.dedup_key = k.id", unique.keys())
        }
        new = [a for key, a in unique.items() if key not in existing]
        if not new:
            return []
        rows = {
            "dedup_key": [a["dedup_key"] for a in new],
            "alert_id": [a["alert_id"] for a in new],
            "rule": [a["rule"] for a in new],
            "kind": [a["kind"] for a in new],
            "mode": [a["mode"] for a in new],
            "subject": [a["subject"] for a in new],
            "title": [a["title"] for a in new],
            "created_at": [now] * len(new),
            "status": [_initial_status(a, channels) for a in new],
            "attempts": [0] * len(new),
            "article_id": [a.get("article_id") for a in new],
            "run_id": [a.get("run_id") for a in new],
            "payload": [json.dumps(a["payload"], ensure_ascii=False, sort_keys=True, default=str) for a in new],
        }
        with registered(con, "_new_alerts", arrow_columns("alerts", rows)) as view:
            con.execute(f"INSERT OR IGNORE INTO alerts BY NAME SELECT * FROM {view}")
        deliveries = [(a["dedup_key"], cid, shown) for a in new if a["mode"] != "digest" for cid, shown in channels]
        if deliveries:
            table = arrow_columns(
                "alert_deliveries",
                {
                    "dedup_key": [d[0] for d in deliveries],
                    "channel_id": [d[1] for d in deliveries],
                    "channel": [d[2] for d in deliveries],
                    "status": ["pending"] * len(deliveries),
                    "attempts": [0] * len(deliveries),
                    "next_attempt_at": [now] * len(deliveries),
                },
            )
            with registered(con, "_new_deliveries", table) as view:
                con.execute(f"INSERT OR IGNORE INTO alert_deliveries BY NAME SELECT * FROM {view}")
    return [a["dedup_key"] for a in new]


def _initial_status(alert: Mapping[str, Any], channels: Sequence[tuple[str, str]]) -> str:
    if alert["mode"] == "digest":
        return "digest_pending"
    return "pending" if channels else "recorded"


def claim_deliveries(
    con: duckdb.DuckDBPyConnection,
    channel_ids: Sequence[str],
    now: datetime,
    *,
    stale_before: datetime,
) -> list[dict[str, Any]]:
    """Mark the due deliveries to the given channels 'sending' (attempts + 1) and return them with
    their alert's payload. Due: pending or failed with next_attempt_at passed, or 'sending' since
    before `stale_before` (the sender crashed before recording the outcome)."""
    if not channel_ids:
        return []
    with transaction(con):
        claimed = _query(
            con,
            "UPDATE alert_deliveries SET status = 'sending', attempts = attempts + 1, last_attempt_at = ?"
            " WHERE list_contains(?::VARCHAR[], channel_id) AND ("
            "   (status IN ('pending', 'failed') AND coalesce(next_attempt_at, ?) <= ?)"
            "   OR (status = 'sending' AND last_attempt_at < ?))"
            " RETURNING dedup_key, channel_id, channel, attempts",
            [now, list(channel_ids), now, now, stale_before],
        )
        if not claimed:
            return []
        payloads = {
            r["dedup_key"]: r
            for r in _with_ids(
                con,
                "SELECT dedup_key, payload, mode, status AS alert_status FROM alerts"
                " WHERE dedup_key IN (SELECT id FROM {ids})",
                {c["dedup_key"] for c in claimed},
            )
        }
    for row in claimed:
        alert = payloads.get(row["dedup_key"])
        row["payload"] = json.loads(alert["payload"]) if alert else None
        row["mode"] = alert["mode"] if alert else None
    claimed.sort(key=lambda r: (r["payload"] or {}).get("created_at", ""))
    return claimed


@dataclass(frozen=True, slots=True)
class DeliveryOutcome:
    """What became of one alert's send to one channel."""

    dedup_key: str
    channel_id: str
    ok: bool
    error: str | None = None
    next_attempt_at: datetime | None = None  # when a failed send is tried again
    give_up: bool = False


def record_deliveries(
    con: duckdb.DuckDBPyConnection,
    outcomes: Sequence[DeliveryOutcome],
    *,
    now: datetime,
    digest_part: str | None = None,
) -> dict[str, str]:
    """Record the outcome of one message — an instant alert, or a digest part carrying several alerts
    (`digest_part`: that message's dedup_key) — in one transaction, and bring each alert's status up
    to date; returns dedup_key → alert status."""
    if not outcomes:
        return {}
    table = arrow_columns(
        "alert_deliveries",
        {
            "dedup_key": [o.dedup_key for o in outcomes],
            "channel_id": [o.channel_id for o in outcomes],
            "status": ["sent" if o.ok else ("gave_up" if o.give_up else "failed") for o in outcomes],
            "last_error": [o.error for o in outcomes],
            "sent_at": [now if o.ok else None for o in outcomes],
            "next_attempt_at": [None if o.ok else o.next_attempt_at for o in outcomes],
        },
    )
    with transaction(con), registered(con, "_outcomes", table) as view:
        con.execute(
            "UPDATE alert_deliveries d SET status = o.status, last_error = coalesce(o.last_error, d.last_error),"
            " sent_at = o.sent_at, next_attempt_at = o.next_attempt_at, digest_part = coalesce(?, d.digest_part)"
            f" FROM {view} o WHERE d.dedup_key = o.dedup_key AND d.channel_id = o.channel_id",
            [digest_part],
        )
        return _refresh_alerts(con, view, now)


def _refresh_alerts(con: duckdb.DuckDBPyConnection, keys_view: str, now: datetime) -> dict[str, str]:
    """Bring the alerts named in `keys_view` (a column `dedup_key`) up to date with their deliveries:
    status ('sent', or 'in_digest' for a digest-mode alert, once every channel has it; 'pending' /
    'digest_pending' while a channel is still to send; 'failed' while one is to be retried; else
    'gave_up'), the most attempts on any channel, the last error (channel shown masked), when the
    last channel got it, and the digest message that carried it."""
    rows = con.execute(
        f"""
        UPDATE alerts SET
            status = CASE
                WHEN d.all_sent THEN (CASE WHEN d.mode = 'digest' THEN 'in_digest' ELSE 'sent' END)
                WHEN d.busy THEN (CASE WHEN d.mode = 'digest' THEN 'digest_pending' ELSE 'pending' END)
                WHEN d.any_failed THEN 'failed'
                WHEN d.settled THEN 'gave_up'
                ELSE 'pending' END,
            attempts = d.attempts,
            last_error = coalesce(d.last_error, alerts.last_error),
            sent_at = CASE WHEN d.all_sent THEN d.sent_at END,
            digest_key = coalesce(d.digest_part, alerts.digest_key)
        FROM (
            SELECT d.dedup_key, any_value(a.mode) AS mode,
                   bool_and(d.status = 'sent') AS all_sent,
                   bool_or(d.status IN ('pending', 'sending')) AS busy,
                   bool_or(d.status = 'failed') AS any_failed,
                   bool_and(d.status IN ('sent', 'gave_up')) AS settled,
                   max(d.attempts) AS attempts,
                   max(d.sent_at) AS sent_at,
                   arg_max(d.channel || ': ' || d.last_error, coalesce(d.last_attempt_at, ?::TIMESTAMP))
                       FILTER (WHERE d.last_error IS NOT NULL) AS last_error,
                   arg_max(d.digest_part, d.sent_at) FILTER (WHERE d.digest_part IS NOT NULL AND d.sent_at IS NOT NULL)
                       AS digest_part
            FROM alert_deliveries d JOIN alerts a USING (dedup_key)
            WHERE d.dedup_key IN (SELECT dedup_key FROM {keys_view})
            GROUP BY d.dedup_key
        ) d
        WHERE alerts.dedup_key = d.dedup_key
        RETURNING alerts.dedup_key, alerts.status
        """,
        [now],
    ).fetchall()
    return {key: status for key, status in rows}


def queue_digest(con: duckdb.DuckDBPyConnection, channels: Sequence[tuple[str, str]], now: datetime) -> int:
    """Give every digest-mode alert that no digest has taken yet one pending delivery per channel (the
    channels configured now), in one transaction; with no channel they are only 'recorded'. Returns how
    many alerts were queued."""
    with transaction(con):
        waiting = [
            r[0]
            for r in con.execute(
                "SELECT dedup_key FROM alerts a WHERE status = 'digest_pending'"
                " AND NOT EXISTS (SELECT 1 FROM alert_deliveries d WHERE d.dedup_key = a.dedup_key)"
                " ORDER BY created_at, dedup_key"
            ).fetchall()
        ]
        if not waiting:
            return 0
        if not channels:
            con.execute("UPDATE alerts SET status = 'recorded' WHERE list_contains(?::VARCHAR[], dedup_key)", [waiting])
            return len(waiting)
        table = arrow_columns(
            "alert_deliveries",
            {
                "dedup_key": [key for key in waiting for _ in channels],
                "channel_id": [cid for _ in waiting for cid, _shown in channels],
                "channel": [shown for _ in waiting for _cid, shown in channels],
                "status": ["pending"] * (len(waiting) * len(channels)),
                "attempts": [0] * (len(waiting) * len(channels)),
                "next_attempt_at": [now] * (len(waiting) * len(channels)),
            },
        )
        with registered(con, "_digest_deliveries", table) as view:
            con.execute(f"INSERT OR IGNORE INTO alert_deliveries BY NAME SELECT * FROM {view}")
    return len(waiting)


def list_alerts(
    con: duckdb.DuckDBPyConnection, *, limit: int = 50, status: str | None = None, rule: str | None = None
) -> list[dict[str, Any]]:
    where = []
    params: list[Any] = []
    if status:
        where.append("status = ?")
        params.append(status)
    if rule:
        where.append("rule = ?")
        params.append(rule)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    return _query(
        con,
        "SELECT alert_id, created_at, rule, kind, mode, status, attempts, title, sent_at, last_error, dedup_key,"
        " article_id, digest_key, subject"
        f" FROM alerts {clause} ORDER BY created_at DESC, alert_id LIMIT ?",
        [*params, limit],
    )


def deliveries(con: duckdb.DuckDBPyConnection, dedup_keys: Iterable[str]) -> list[dict[str, Any]]:
    return _with_ids(
        con,
        "SELECT dedup_key, channel_id, channel, status, attempts, last_error, last_attempt_at, next_attempt_at,"
        " sent_at, digest_part FROM alert_deliveries WHERE dedup_key IN (SELECT id FROM {ids})"
        " ORDER BY dedup_key, channel_id",
        dedup_keys,
    )
