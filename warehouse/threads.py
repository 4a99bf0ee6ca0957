"""Story threads in the warehouse (migration 011): the features assignment reads, the candidate
threads, and writing a batch's placements, threads and changes with their aggregates.

Assignment itself (extractors/threads.py) is pure; flows/threads.py runs it between the reads and the
writes here, inside one transaction it opens (`transaction`), so a failure leaves the thread tables
as they were. Features are read in bulk (one grouped query for the whole batch), never per article.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

from warehouse.db import scalar, table_exists
from warehouse.load import id_table, keyed_query, registered, to_arrow
from warehouse.queries import QueryResult, run_query
from warehouse.schema import table_shape

# Aggregates shown per thread: this many actors and event types, most frequent first.
MAIN_ACTORS = 5
MAIN_EVENT_TYPES = 3

# Everything assignment reads of an article (extractors.threads.ArticleFeatures, field for field),
# for the relevant ones of the articles in `{ids}` (keyed_query's table of ids: joined, the plan
# reads only their rows). Lists are distinct and sorted.
_FEATURES_SQL = """
WITH scope AS MATERIALIZED (
    SELECT d.article_id, d.seen_at, d.cluster_id, d.title
    FROM {ids} k JOIN article_days d ON d.article_id = k.id
    WHERE d.relevant
),
linked AS (
    -- article_entities is mentions rolled up per article: an actor as mention_actors defines it
    SELECT e.article_id,
           list_sort(list_distinct(
               list(CASE WHEN n.kind IN ('state', 'igo') THEN n.entity_id ELSE n.country END)
                   FILTER (WHERE n.kind IN ('state', 'igo') OR n.country IS NOT NULL)
           )) AS actors,
           list_sort(list(e.entity_id)) AS entities,
           list_sort(list(e.entity_id) FILTER (WHERE n.kind = 'place')) AS entity_places
    FROM scope JOIN article_entities e USING (article_id) JOIN entities n USING (entity_id)
    GROUP BY e.article_id
),
located AS (
    SELECT e.article_id, list(DISTINCT e.location_id) AS event_places
    FROM scope JOIN events e USING (article_id)
    WHERE e.location_id IS NOT NULL
    GROUP BY e.article_id
),
typed AS (
    SELECT e.article_id,
           list_sort(list_distinct(list(e.event_type))) AS event_types,
           -- a named actor coded as no state (actor_id NULL, migration 015) makes no triple
           list_sort(list_distinct(list(e.actor_id || ' ' || e.event_type || ' ' || coalesce(e.recipient_id, '-'))
               FILTER (WHERE e.actor_id IS NOT NULL))) AS triples
    FROM scope JOIN events e USING (article_id)
    WHERE NOT e.negated
    GROUP BY e.article_id
),
claimed AS (
    SELECT c.article_id, list_sort(list_distinct(list(coalesce(c.subject_id, '-') || ' ' || c.what))) AS claim_subjects
    FROM scope JOIN claims c USING (article_id)
    GROUP BY c.article_id
)
SELECT
    s.article_id,
    s.seen_at,
    o.outlet,
    coalesce(s.cluster_id, s.article_id) AS cluster_id,
    coalesce(s.title, '') AS title,
    coalesce(left(a.text, 1000), '') AS lead,
    coalesce(linked.actors, []) AS actors,
    coalesce(linked.entities, []) AS entities,
    list_sort(list_distinct(list_concat(coalesce(linked.entity_places, []), coalesce(located.event_places, []))))
        AS places,
    coalesce(typed.event_types, []) AS event_types,
    coalesce(typed.triples, []) AS triples,
    coalesce(claimed.claim_subjects, []) AS claim_subjects
FROM scope s
JOIN articles a USING (article_id)
JOIN article_outlets o USING (article_id)
LEFT JOIN linked USING (article_id)
LEFT JOIN located USING (article_id)
LEFT JOIN typed USING (article_id)
LEFT JOIN claimed USING (article_id)
ORDER BY s.seen_at, s.article_id
"""

# An article's thread aggregates: a thread's members are the articles whose current thread it is;
# a merged thread keeps the articles that joined it (its own history), as it was absorbed.
_AGGREGATES_SQL = """
WITH touched AS (SELECT t.thread_id, t.status FROM threads t WHERE t.thread_id IN (SELECT id FROM {ids})),
members AS MATERIALIZED (
    SELECT t.thread_id, ta.article_id FROM touched t JOIN thread_articles ta ON ta.thread_id = t.thread_id
    WHERE t.status <> 'merged'
    UNION ALL
    SELECT t.thread_id, ta.article_id FROM touched t JOIN thread_articles ta ON ta.joined_thread_id = t.thread_id
    WHERE t.status = 'merged'
),
sizes AS (
    SELECT m.thread_id, count(*) AS articles, count(DISTINCT o.outlet) AS outlets,
           count(DISTINCT coalesce(a.cluster_id, a.article_id)) AS stories
    FROM members m JOIN articles a USING (article_id) JOIN article_outlets o USING (article_id)
    GROUP BY m.thread_id
),
actor_counts AS (
    SELECT m.thread_id, CASE WHEN n.kind IN ('state', 'igo') THEN n.entity_id ELSE n.country END AS actor_id,
           count(DISTINCT m.article_id) AS n
    FROM members m JOIN article_entities x USING (article_id) JOIN entities n USING (entity_id)
    WHERE n.kind IN ('state', 'igo') OR n.country IS NOT NULL
    GROUP BY ALL
),
type_counts AS (
    SELECT m.thread_id, e.event_type, count(DISTINCT m.article_id) AS n
    FROM members m JOIN events e USING (article_id)
    WHERE NOT e.negated
    GROUP BY ALL
),
triple_counts AS (
    SELECT m.thread_id, e.actor_id || ' ' || e.event_type || ' ' || coalesce(e.recipient_id, '-') AS triple,
           count(DISTINCT m.article_id) AS n
    FROM members m JOIN events e USING (article_id)
    WHERE NOT e.negated AND e.actor_id IS NOT NULL
    GROUP BY ALL
)
SELECT
    t.thread_id,
    coalesce(s.articles, 0)::INTEGER AS articles,
    coalesce(s.outlets, 0)::INTEGER AS outlets,
    coalesce(s.stories, 0)::INTEGER AS stories,
    coalesce((SELECT list(c.actor_id ORDER BY c.n DESC, c.actor_id) FROM actor_counts c
              WHERE c.thread_id = t.thread_id)[1:{actors}], []) AS main_actors,
    coalesce((SELECT list(c.event_type ORDER BY c.n DESC, c.event_type) FROM type_counts c
              WHERE c.thread_id = t.thread_id)[1:{types}], []) AS main_event_types,
    (SELECT list(c.triple ORDER BY c.n DESC, c.triple) FROM triple_counts c WHERE c.thread_id = t.thread_id)[1]
        AS key_event
FROM touched t
LEFT JOIN sizes s USING (thread_id)
"""


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One transaction: committed when the block ends, rolled back however it raises (Ctrl-C too),
    then checkpointed as a load is."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("CHECKPOINT")


def _features(con: duckdb.DuckDBPyConnection, ids_sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """Features of the relevant articles among those `ids_sql` selects, in assignment order."""
    article_ids = [r[0] for r in con.execute(ids_sql, list(params)).fetchall()]
    columns, rows = keyed_query(con, _FEATURES_SQL, article_ids)
    return [dict(zip(columns, row, strict=True)) for row in rows]


def unthreaded_features(con: duckdb.DuckDBPyConnection, version: str) -> list[dict[str, Any]]:
    """Features of every relevant article without a thread, in assignment order (seen_at, article_id),
    but those the threading `version` already failed on (thread_failures: they wait for a new one)."""
    return _features(
        con,
        "SELECT article_id FROM articles EXCEPT SELECT article_id FROM thread_articles"
        " EXCEPT SELECT article_id FROM thread_failures WHERE version = ?",
        [version],
    )


def relevant_features(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Any]]:
    """Features of every relevant article, by article id (a rebuild reads them once)."""
    rows = _features(con, "SELECT article_id FROM article_days WHERE relevant")
    return {row["article_id"]: row for row in rows}


def assigned_batches(con: duckdb.DuckDBPyConnection) -> list[tuple[str, list[str]]]:
    """The batches articles were assigned in, in the order they were (runs.started_at, then run id):
    (run_id, its article ids), the articles that failed in a batch (thread_failures) among them.
    A rebuild replays them."""
    rows = con.execute(
        "WITH batched AS (SELECT run_id, article_id FROM thread_articles"
        " UNION ALL SELECT run_id, article_id FROM thread_failures)"
        " SELECT b.run_id, list(b.article_id ORDER BY b.article_id) FROM batched b"
        " LEFT JOIN runs r USING (run_id) GROUP BY b.run_id, r.started_at ORDER BY r.started_at, b.run_id"
    ).fetchall()
    return [(run_id, list(ids)) for run_id, ids in rows]


def story_clock(con: duckdb.DuckDBPyConnection) -> datetime | None:
    """The latest seen_at among threaded articles: story time, never the wall clock."""
    value = scalar(con, "SELECT max(d.seen_at) FROM thread_articles ta JOIN article_days d USING (article_id)")
    return value if isinstance(value, datetime) else None


def candidate_states(con: duckdb.DuckDBPyConnection, since: datetime, until: datetime) -> list[tuple[str, str]]:
    """(thread_id, state JSON) of the threads that take part in a batch (extractors.threads.
    candidate_window): not merged, and touching [since, until] or still active (one that went quiet
    while no batch looked at it: the assigner marks it dormant)."""
    rows = con.execute(
        "SELECT thread_id, CAST(state AS VARCHAR) FROM threads WHERE status <> 'merged'"
        " AND ((last_seen >= ? AND first_seen <= ?) OR status = 'active') ORDER BY thread_id",
        [since, until],
    ).fetchall()
    return [(thread_id, state) for thread_id, state in rows]


def release_irrelevant(con: duckdb.DuckDBPyConnection, run_id: str) -> list[tuple[str, str]]:
    """Articles whose relevance dropped (re-extracted, or a higher min_relevance) leave their thread:
    a 'left' change records it, at the article's seen_at; returns (thread_id, article_id) of each."""
    left = con.execute(
        "SELECT ta.thread_id, ta.article_id, d.seen_at FROM thread_articles ta JOIN article_days d USING (article_id)"
        " WHERE NOT d.relevant ORDER BY d.seen_at, ta.article_id"
    ).fetchall()
    if not left:
        return []
    rows = [
        {"thread_id": t, "change": "left", "other_thread_id": None, "article_id": a, "changed_at": at, "run_id": run_id}
        for t, a, at in left
    ]
    append_changes(con, rows)
    with registered(con, "_left_ids", id_table(a for _, a, _ in left)) as view:
        con.execute(f"DELETE FROM thread_articles WHERE article_id IN (SELECT id FROM {view})")
    return [(t, a) for t, a, _ in left]


def append_changes(con: duckdb.DuckDBPyConnection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Add rows to thread_changes, in their order (a log without a key: to_arrow would fold them)."""
    if not rows:
        return
    table = pa.Table.from_pylist(list(rows), schema=table_shape("thread_changes").schema)
    with registered(con, "_thread_changes", table) as view:
        con.execute(f"INSERT INTO thread_changes BY NAME SELECT * FROM {view}")


def write_threading(
    con: duckdb.DuckDBPyConnection,
    placements: Sequence[Mapping[str, Any]],
    threads: Sequence[Mapping[str, Any]],
    changes: Sequence[Mapping[str, Any]],
) -> None:
    """Store one batch's result: its articles' rows (placed in the thread they joined), the threads
    it created or changed (an existing thread keeps its opened_run_id), its changes in order, and
    each merge moved onto the absorbing thread. Run inside the caller's transaction."""
    if placements:
        with registered(con, "_placements", to_arrow("thread_articles", placements)) as view:
            con.execute(f"INSERT INTO thread_articles BY NAME SELECT * FROM {view}")
    if threads:
        with registered(con, "_threads", to_arrow("threads", threads)) as view:
            con.execute(
                f"INSERT INTO threads BY NAME SELECT * FROM {view} ON CONFLICT (thread_id) DO UPDATE SET"
                " label = excluded.label, first_seen = excluded.first_seen, last_seen = excluded.last_seen,"
                " status = excluded.status, merged_into = excluded.merged_into,"
                " updated_run_id = excluded.updated_run_id, version = excluded.version, state = excluded.state"
            )
    append_changes(con, changes)
    for change in changes:
        if change["change"] == "merged":
            con.execute(
                "UPDATE thread_articles SET thread_id = ? WHERE thread_id = ?",
                [change["thread_id"], change["other_thread_id"]],
            )


def refresh_aggregates(con: duckdb.DuckDBPyConnection, thread_ids: Iterable[str] | None = None) -> None:
    """Recompute articles, outlets, stories, main actors and event types and the key event of these
    threads (all of them when None) from their stored articles."""
    ids = (
        list(thread_ids)
        if thread_ids is not None
        else [r[0] for r in con.execute("SELECT thread_id FROM threads").fetchall()]
    )
    if not ids:
        return
    with registered(con, "_touched_ids", id_table(ids)) as view:
        sql = _AGGREGATES_SQL.format(ids=view, actors=MAIN_ACTORS, types=MAIN_EVENT_TYPES)
        con.execute(f"CREATE OR REPLACE TEMP TABLE _thread_aggregates AS {sql}")
    con.execute(
        "UPDATE threads SET articles = g.articles, outlets = g.outlets, stories = g.stories,"
        " main_actors = g.main_actors, main_event_types = g.main_event_types, key_event = g.key_event"
        " FROM _thread_aggregates g WHERE threads.thread_id = g.thread_id"
    )
    con.execute("DROP TABLE _thread_aggregates")


def record_failures(con: duckdb.DuckDBPyConnection, failures: Sequence[Mapping[str, Any]]) -> None:
    """Store articles the assigner raised on (thread_failures rows: article_id, run_id, error, version,
    failed_at); an article's earlier failure is replaced."""
    for row in failures:
        con.execute(
            "INSERT OR REPLACE INTO thread_failures (article_id, run_id, error, version, failed_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [row["article_id"], row["run_id"], row["error"], row["version"], row["failed_at"]],
        )


def drop_irrelevant_failures(con: duckdb.DuckDBPyConnection) -> None:
    """Failed articles no longer relevant wait for nothing (a rebuild, which threads only relevant
    articles, would drop them too)."""
    con.execute(
        "DELETE FROM thread_failures WHERE article_id NOT IN (SELECT article_id FROM article_days WHERE relevant)"
    )


def clear_failures(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> None:
    """These articles have a thread now: their failures are history."""
    with registered(con, "_assigned_ids", id_table(article_ids)) as view:
        con.execute(f"DELETE FROM thread_failures WHERE article_id IN (SELECT id FROM {view})")


def clear_threads(con: duckdb.DuckDBPyConnection) -> None:
    """Empty the thread tables (a rebuild, inside its transaction)."""
    for table in ("thread_changes", "thread_articles", "threads", "thread_failures"):
        con.execute(f"DELETE FROM {table}")


def opened_runs(con: duckdb.DuckDBPyConnection, thread_ids: Iterable[str]) -> dict[str, str]:
    """The run that opened each of these threads, for those already stored."""
    _, rows = keyed_query(
        con, "SELECT thread_id, opened_run_id FROM threads WHERE thread_id IN (SELECT id FROM {ids})", thread_ids
    )
    return dict(rows)


def note_run_error(con: duckdb.DuckDBPyConnection, run_id: str, message: str) -> None:
    """Add a warning to a stored run: one more error, and the message appended to its own."""
    con.execute(
        "UPDATE runs SET errors = errors + 1, message = CASE WHEN message IS NULL OR message = '' THEN ?"
        " ELSE message || '; ' || ? END WHERE run_id = ?",
        [message, message, run_id],
    )


def store_run(con: duckdb.DuckDBPyConnection, row: Mapping[str, Any]) -> None:
    """Write a run's `runs` row (a rebuild records itself as a run)."""
    with registered(con, "_run_row", to_arrow("runs", [row])) as view:
        con.execute(f"INSERT OR REPLACE INTO runs BY NAME SELECT * FROM {view}")


# --- reading: `storywatch threads` ---------------------------------------------------------------

# A thread as listed: every column but the assigner's state.
_THREAD_COLUMNS = (
    "thread_id, label, status, first_seen, last_seen, articles, outlets, stories, main_actors,"
    " main_event_types, key_event, merged_into, opened_run_id, updated_run_id, version"
)


def list_threads(con: duckdb.DuckDBPyConnection, *, statuses: Sequence[str] | None, limit: int | None) -> QueryResult:
    """Threads newest first (by last_seen), of these statuses (all when None); none in a warehouse
    not yet migrated to threads (read-only connections do not migrate)."""
    if not table_exists(con, "threads"):
        return QueryResult([], [])
    where = "WHERE status IN (SELECT unnest(?))" if statuses else ""
    params: list[Any] = [list(statuses)] if statuses else []
    sql = f"SELECT {_THREAD_COLUMNS} FROM threads {where} ORDER BY last_seen DESC, thread_id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return run_query(con, sql, params)


def thread_detail(con: duckdb.DuckDBPyConnection, thread_id: str) -> dict[str, QueryResult] | None:
    """One thread: its row, its days (thread_daily), outlets, articles and changes; None if unknown.
    A merged thread's articles are those that joined it."""
    if not table_exists(con, "threads"):
        return None
    found = run_query(con, f"SELECT {_THREAD_COLUMNS} FROM threads WHERE thread_id = ?", [thread_id])
    if not found.rows:
        return None
    member = "ta.joined_thread_id" if found.rows[0][2] == "merged" else "ta.thread_id"
    queries = {
        "days": (
            "SELECT day, articles, outlets, stories, new_outlets, articles_to_date, outlets_to_date"
            " FROM thread_daily WHERE thread_id = ? ORDER BY day"
        ),
        "outlets": (
            "SELECT o.outlet, count(*) AS articles, min(d.seen_at) AS first_seen, max(d.seen_at) AS last_seen"
            f" FROM thread_articles ta JOIN article_days d USING (article_id) JOIN article_outlets o USING (article_id)"
            f" WHERE {member} = ? GROUP BY o.outlet ORDER BY first_seen, o.outlet"
        ),
        "articles": (
            "SELECT d.seen_at, o.outlet, d.title, d.url, ta.score, ta.joined_thread_id, ta.article_id"
            f" FROM thread_articles ta JOIN article_days d USING (article_id) JOIN article_outlets o USING (article_id)"
            f" WHERE {member} = ? ORDER BY d.seen_at, ta.article_id"
        ),
        "changes": (
            "SELECT changed_at, change, thread_id, other_thread_id, article_id, run_id FROM thread_changes"
            " WHERE thread_id = ? OR other_thread_id = ? ORDER BY changed_at, change, thread_id"
        ),
    }
    detail = {"thread": found}
    for name, sql in queries.items():
        detail[name] = run_query(con, sql, [thread_id] * sql.count("?"))
    return detail


def count_thread_failures(con: duckdb.DuckDBPyConnection) -> int:
    """How many relevant articles the assigner raised on and that wait without a thread; 0 in a
    warehouse not yet migrated to thread_failures (read-only connections do not migrate)."""
    if not table_exists(con, "thread_failures"):
        return 0
    return int(scalar(con, "SELECT count(*) FROM thread_failures"))


def list_thread_failures(con: duckdb.DuckDBPyConnection, *, limit: int | None) -> QueryResult:
    """The articles the assigner raised on, newest attempt first: article, title, error, the threading
    version that failed, the batch (run) and when; none in a warehouse without thread_failures."""
    if not table_exists(con, "thread_failures"):
        return QueryResult([], [])
    sql = (
        "SELECT f.article_id, d.title, f.error, f.version, f.run_id, f.failed_at, d.seen_at, d.url"
        " FROM thread_failures f LEFT JOIN article_days d USING (article_id)"
        " ORDER BY f.failed_at DESC, f.article_id"
    )
    params: list[Any] = []
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return run_query(con, sql, params)
