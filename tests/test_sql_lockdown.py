"""`storywatch sql` is read-only for everything, and `export --partition-by` writes only its folder.

Every escape is tried on a real warehouse file with a real second DuckDB file beside it; afterwards
both files are byte for byte what they were and no file has appeared. URLs point at a local server
that must receive no request.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import threading
import urllib.request
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pyarrow.dataset as ds
import pytest

from tests.helpers import CliInvoke
from warehouse.db import connect
from warehouse.export import ExportError, export_all, parse_partitioning
from warehouse.readonly_sql import SqlRefused, run_read_only

ARTICLES = [  # (id, published_at, title)
    ("a0", datetime(2024, 11, 8, 9), "Troops reach Kursk"),
    ("a1", datetime(2024, 11, 20, 16), "Talks in Moscow"),
    ("a2", datetime(2024, 12, 3, 10), "Beijing not aware"),
    ("a3", None, "Undated background"),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A storywatch warehouse with four articles and another warehouse-like DuckDB file beside it,
    plus a CSV, a JSON and a Parquet file in the same folder for the readers to try."""
    folder = tmp_path_factory.mktemp("template")
    with connect(folder / "w.duckdb") as con:
        for article_id, published, title in ARTICLES:
            con.execute(
                "INSERT INTO articles (article_id, source_id, url, fetched_at, published_at, title, text,"
                " text_hash, run_id, relevance) VALUES (?, 'seed', ?, ?, ?, ?, 'text', ?, 'r1', 0.9)",
                [article_id, f"https://example.org/{article_id}", datetime(2024, 12, 5), published, title, article_id],
            )
    con = duckdb.connect(str(folder / "other.duckdb"))
    con.execute("CREATE TABLE articles AS SELECT * FROM (VALUES ('x1', 'kept'), ('x2', 'kept')) t(article_id, title)")
    con.execute(f"COPY articles TO '{folder / 'notes.parquet'}' (FORMAT parquet)")
    con.close()
    (folder / "notes.csv").write_text("a,b\n1,2\n")
    (folder / "notes.json").write_text('[{"a": 1}]\n')
    return folder


@pytest.fixture
def files(template: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A fresh copy of the template's files for each test: (warehouse, other DuckDB file)."""
    for item in template.iterdir():
        shutil.copy2(item, tmp_path / item.name)
    return tmp_path / "w.duckdb", tmp_path / "other.duckdb"


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def attempt(db: Path, sql: str) -> str:
    """Run `sql` the way `storywatch sql` does; returns the refusal's message."""
    with connect(db, read_only=True) as con, pytest.raises(SqlRefused) as refused:
        run_read_only(con, sql)
    return str(refused.value)


ESCAPES = [
    # (sql, what the message names); {dir} is the warehouse's folder
    ("ATTACH '{dir}/other.duckdb' AS o (READ_WRITE); DELETE FROM o.articles", "ATTACH is refused"),
    ("ATTACH '{dir}/other.duckdb' AS o (READ_ONLY)", "ATTACH is refused"),
    ("ATTACH '{dir}/other.duckdb' AS o", "ATTACH is refused"),
    ("ATTACH '{dir}/new.duckdb' AS n", "ATTACH is refused"),
    ("ATTACH 'relative.duckdb'", "ATTACH is refused"),
    ("ATTACH ':memory:' AS m", "ATTACH is refused"),
    ("COPY articles TO '{dir}/out.csv'", "COPY is refused"),
    ("COPY (SELECT * FROM articles) TO '{dir}/out.parquet' (FORMAT parquet)", "COPY is refused"),
    ("COPY articles FROM '{dir}/notes.csv'", "COPY is refused"),
    ("COPY FROM DATABASE w TO o", "COPY FROM DATABASE is refused"),
    ("EXPORT DATABASE '{dir}/dump'", "EXPORT DATABASE is refused"),
    ("IMPORT DATABASE '{dir}/dump'", "IMPORT DATABASE is refused"),
    ("INSTALL httpfs", "INSTALL is refused"),
    ("FORCE INSTALL httpfs", "FORCE INSTALL is refused"),
    ("LOAD httpfs", "LOAD is refused"),
    ("LOAD '{dir}/evil.duckdb_extension'", "LOAD is refused"),
    ("UPDATE EXTENSIONS", "UPDATE EXTENSIONS is refused"),
    ("SELECT * FROM read_csv('{dir}/notes.csv')", "files and URLs outside the warehouse is refused"),
    ("SELECT * FROM read_csv_auto('{dir}/other.duckdb')", "files and URLs outside the warehouse is refused"),
    ("SELECT * FROM '{dir}/notes.csv'", "files and URLs outside the warehouse is refused"),
    ("SELECT * FROM read_parquet('{dir}/notes.parquet')", "files and URLs outside the warehouse is refused"),
    ("SELECT * FROM parquet_metadata('{dir}/notes.parquet')", "files and URLs outside the warehouse is refused"),
    ("SELECT * FROM read_json('{dir}/notes.json')", "files and URLs outside the warehouse is refused"),
    ("SELECT * FROM read_text('/etc/hostname')", "files and URLs outside the warehouse is refused"),
    # (DuckDB lets the connection read its own database file: the warehouse's bytes, read-only.)
    ("SELECT * FROM read_blob('{dir}/other.duckdb')", "files and URLs outside the warehouse is refused"),
    ("SELECT * FROM glob('{dir}/*')", "files and URLs outside the warehouse is refused"),
    ("SELECT * FROM glob('*')", "files and URLs outside the warehouse is refused"),
    ("PRAGMA import_database('{dir}')", "files and URLs outside the warehouse is refused"),
    ("SELECT * FROM duckdb_secrets()", "files and URLs outside the warehouse is refused"),
    ("SELECT * FROM iceberg_scan('{dir}/lake')", "loading extensions is refused"),
    ("SET enable_external_access = true", "changing the setting enable_external_access is refused"),
    ("SET GLOBAL enable_external_access = true", "changing the setting enable_external_access is refused"),
    ("RESET enable_external_access", "changing the setting enable_external_access is refused"),
    ("SET lock_configuration = false", "changing the setting lock_configuration is refused"),
    ("SET allowed_directories = ['/']", "changing the setting allowed_directories is refused"),
    ("SET autoinstall_known_extensions = true", "changing the setting autoinstall_known_extensions is refused"),
    ("SET autoload_known_extensions = true", "changing the setting autoload_known_extensions is refused"),
    ("SET allow_community_extensions = true", "changing the setting allow_community_extensions is refused"),
    ("SET temp_directory = '{dir}/spill'", "changing the setting temp_directory is refused"),
    ("PRAGMA enable_checkpoint_on_shutdown", "changing the setting checkpoint_on_shutdown is refused"),
    ("CALL enable_logging(storage = 'file', storage_path = '{dir}/logs')", "changing the setting"),
    ("CREATE TABLE z (a INTEGER)", "CREATE is refused"),
    ("CREATE VIEW v AS SELECT 1", "CREATE is refused"),
    ("CREATE TEMP TABLE z AS SELECT 1", "CREATE is refused"),
    ("CREATE SECRET (TYPE http)", "CREATE is refused"),
    ("INSERT INTO articles SELECT * FROM articles", "INSERT is refused"),
    ("DELETE FROM articles", "DELETE is refused"),
    (
        "WITH doomed AS (SELECT 'a0' AS id) DELETE FROM articles WHERE article_id IN (SELECT id FROM doomed)",
        "DELETE is",
    ),
    ("UPDATE articles SET title = 'changed'", "UPDATE is refused"),
    ("DROP TABLE articles", "DROP is refused"),
    ("DROP VIEW coverage_daily", "DROP is refused"),
    ("ALTER TABLE articles ADD COLUMN x INTEGER", "ALTER is refused"),
    ("TRUNCATE articles", "TRUNCATE is refused"),
    ("COMMENT ON TABLE articles IS 'x'", "COMMENT is refused"),
    ("CHECKPOINT", "CHECKPOINT is refused"),
    ("FORCE CHECKPOINT", "CHECKPOINT is refused"),
    ("CALL checkpoint()", "CHECKPOINT is refused"),
    ("CALL force_checkpoint()", "CHECKPOINT is refused"),
    ("VACUUM", "VACUUM is refused"),
    ("ANALYZE", "ANALYZE is refused"),
    ("DETACH w", "DETACH is refused"),
    ("PREPARE p AS DELETE FROM articles", "PREPARE is refused"),
    ("SELECT 1; DELETE FROM articles", "DELETE is refused"),
    ("-- a comment first\n/* and another */ DELETE FROM articles", "DELETE is refused"),
    (".shell touch {dir}/pwned", "dot commands (.shell) are refused"),
    (".output {dir}/out.txt", "dot commands (.output) are refused"),
    ("  .open {dir}/other.duckdb", "dot commands (.open) are refused"),
    (".read {dir}/notes.csv", "dot commands (.read) are refused"),
]


@pytest.mark.parametrize("sql, named", ESCAPES, ids=[e[0][:40] for e in ESCAPES])
def test_escape_is_refused_by_name_and_touches_nothing(files: tuple[Path, Path], sql: str, named: str) -> None:
    db, _ = files
    before = snapshot(db.parent)
    message = attempt(db, sql.format(dir=db.parent))
    assert message.startswith("storywatch sql is read-only: ")
    assert named in message
    assert "\n" not in message
    assert snapshot(db.parent) == before  # both DuckDB files unchanged, no new file anywhere


# The same escapes sent past the statement filter, straight to the connection: DuckDB refuses
# them itself, so the lockdown does not rest on our parsing of SQL.
RAW_ESCAPES = [
    "ATTACH '{dir}/other.duckdb' AS o (READ_WRITE)",
    "ATTACH '{dir}/new.duckdb' AS n",
    "COPY articles TO '{dir}/out.csv'",
    "EXPORT DATABASE '{dir}/dump'",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SELECT * FROM read_csv('{dir}/notes.csv')",
    "SELECT * FROM read_parquet('{dir}/notes.parquet')",
    "SELECT * FROM read_json('{dir}/notes.json')",
    "SELECT * FROM glob('{dir}/*')",
    "SET enable_external_access = true",
    "SET lock_configuration = false",
    "CREATE TABLE z (a INTEGER)",
    "INSERT INTO articles SELECT * FROM articles",
    "DELETE FROM articles",
    "UPDATE articles SET title = 'changed'",
    "DROP TABLE articles",
]


@pytest.mark.parametrize("sql", RAW_ESCAPES, ids=[e[:40] for e in RAW_ESCAPES])
def test_duckdb_itself_refuses_the_escape(files: tuple[Path, Path], sql: str) -> None:
    db, _ = files
    before = snapshot(db.parent)
    with connect(db, read_only=True) as con, pytest.raises(duckdb.Error):
        con.execute(sql.format(dir=db.parent))
    assert snapshot(db.parent) == before


class _RecordingHandler(BaseHTTPRequestHandler):
    requests: list[str]

    def do_GET(self) -> None:
        self.requests.append(self.path)
        body = b"a,b\n1,2\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_HEAD = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[tuple[str, list[str]]]:
    """A server on 127.0.0.1 that records every request; yields (base URL, requests)."""
    handler = type("Handler", (_RecordingHandler,), {"requests": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler.requests
    finally:
        server.shutdown()
        server.server_close()


def test_urls_are_refused_without_any_request(files: tuple[Path, Path], local_server: tuple[str, list[str]]) -> None:
    db, _ = files
    base, requests = local_server
    for sql in (
        f"SELECT * FROM read_csv('{base}/data.csv')",
        f"SELECT * FROM '{base}/data.csv'",
        f"SELECT * FROM read_parquet('{base}/data.parquet')",
        f"SELECT * FROM read_json('{base}/data.json')",
        f"SELECT * FROM read_text('{base}/page')",
        f"ATTACH '{base}/remote.duckdb' AS r",
        f"INSTALL httpfs FROM '{base}'",
        f"SET custom_extension_repository = '{base}'",
    ):
        assert "is refused" in attempt(db, sql)
    assert requests == []
    urllib.request.urlopen(f"{base}/control", timeout=10).read()  # the server does record requests
    assert requests == ["/control"]


QUERIES = [
    "SELECT article_id, title FROM articles ORDER BY article_id",
    "SELECT * FROM coverage_daily ORDER BY day",
    "WITH dated AS (SELECT article_id, published_at FROM articles WHERE published_at IS NOT NULL)"
    " SELECT strftime(published_at, '%Y-%m') AS month, count(*) AS n FROM dated GROUP BY 1 ORDER BY 1",
    "FROM articles SELECT count(*)",
    "SELECT 1 AS first; SELECT count(*) AS second FROM articles",
    "DESCRIBE articles",
    "SHOW TABLES",
    "SUMMARIZE SELECT word_count, relevance FROM articles",
    "PRAGMA table_info('articles')",
    "SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1",
    # PIVOT groups by hash: its row order is unspecified, so the query orders them (it differed once, under load).
    "PIVOT (SELECT article_id, published_at IS NULL AS undated FROM articles) ON undated USING count(*) ORDER BY 1",
    "SELECT name, value FROM duckdb_settings() WHERE name = 'TimeZone'",
]


@pytest.mark.parametrize("sql", QUERIES, ids=[q[:40] for q in QUERIES])
def test_queries_give_what_an_unrestricted_connection_gives(files: tuple[Path, Path], sql: str) -> None:
    db, _ = files
    plain = duckdb.connect(str(db), read_only=True)
    try:
        plain.execute("SET TimeZone = 'UTC'")
        expected = plain.execute(sql).fetchall()
    finally:
        plain.close()
    before = snapshot(db.parent)
    with connect(db, read_only=True) as con:
        result = run_read_only(con, sql)
    assert result.rows == expected
    assert snapshot(db.parent) == before


def test_variables_and_transactions_are_allowed(files: tuple[Path, Path]) -> None:
    db, _ = files
    with connect(db, read_only=True) as con:
        run_read_only(con, "SET VARIABLE month = '2024-11'")
        run_read_only(con, "BEGIN TRANSACTION")
        counted = run_read_only(
            con, "SELECT count(*) FROM articles WHERE strftime(published_at, '%Y-%m') = getvariable('month')"
        )
        run_read_only(con, "COMMIT")
    assert counted.rows == [(sum(1 for _, p, _ in ARTICLES if month_of(p) == "2024-11"),)]


def test_cli_refusals_are_one_line_with_status_2(
    files: tuple[Path, Path], local_server: tuple[str, list[str]], cli: CliInvoke
) -> None:
    db, other = files
    base, requests = local_server
    before = snapshot(db.parent)
    for sql, named in (
        (f"ATTACH '{other}' AS o (READ_WRITE); DELETE FROM o.articles", "ATTACH is refused"),
        (f"SELECT * FROM read_csv('{base}/x.csv')", f"refused ({base}/x.csv)"),
        ("INSTALL httpfs", "INSTALL is refused"),
    ):
        result = cli("sql", sql, "--db", str(db), cwd=db.parent)
        assert result.exit_code == 2, result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert "storywatch sql is read-only" in result.stderr and named in result.stderr
    assert requests == []
    assert snapshot(db.parent) == before
    rows = duckdb.connect(str(other), read_only=True).execute("SELECT count(*) FROM articles").fetchall()
    assert rows == [(2,)]


def month_of(published: datetime | None) -> str | None:
    return published.strftime("%Y-%m") if published else None


def test_export_partitioned_by_month_reads_back(files: tuple[Path, Path], tmp_path: Path, cli: CliInvoke) -> None:
    db, _ = files
    lake = tmp_path / "exports" / "lake"  # neither folder exists yet
    result = cli("export", str(lake), "--partition-by", "published_at:month", "--db", str(db), cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    manifest = json.loads((lake / "manifest.json").read_text())
    assert manifest["partition_by"] == {"column": "published_at", "grain": "month", "key": "published_at_month"}
    entries = {r["name"]: r for r in manifest["relations"]}
    months = {month_of(p) for _, p, _ in ARTICLES}
    assert entries["articles"]["file"] == "articles/"
    assert entries["articles"]["rows"] == len(ARTICLES)
    assert entries["articles"]["partitions"] == len(months)
    assert entries["mentions"]["file"] == "mentions.parquet"  # no published_at: one file as before
    assert (lake / "mentions.parquet").is_file()

    con = duckdb.connect()
    read_back = con.execute(
        f"SELECT article_id, published_at, published_at_month FROM read_parquet('{lake}/articles/**/*.parquet',"
        " hive_partitioning = true) ORDER BY article_id"
    ).fetchall()
    con.close()
    assert read_back == [(a, p, month_of(p)) for a, p, _ in ARTICLES]
    # Arrow reads the same folder with hive partitioning.
    dataset = ds.dataset(lake / "articles", format="parquet", partitioning="hive")
    assert sorted(dataset.to_table().column("article_id").to_pylist()) == [a for a, _, _ in ARTICLES]


def test_re_export_with_another_grain_leaves_no_stale_partitions(
    files: tuple[Path, Path], tmp_path: Path, cli: CliInvoke
) -> None:
    db, _ = files
    lake = tmp_path / "lake"
    for grain in ("day", "year"):
        result = cli("export", str(lake), "--partition-by", f"published_at:{grain}", "--db", str(db), cwd=tmp_path)
        assert result.exit_code == 0, result.stderr
    folders = sorted(p.name for p in (lake / "articles").iterdir())
    assert all(name.startswith("published_at_year=") for name in folders)
    assert len(folders) == len({p.year if p else None for _, p, _ in ARTICLES})


def test_export_partition_of_a_date_column_and_csv(files: tuple[Path, Path], tmp_path: Path, cli: CliInvoke) -> None:
    db, _ = files
    out = tmp_path / "daily"
    result = cli("export", str(out), "-f", "csv", "--partition-by", "day", "--db", str(db), cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    con = duckdb.connect()
    days = con.execute(
        "SELECT day::VARCHAR, relevant_articles"
        f" FROM read_csv('{out}/coverage_daily/*/*.csv', hive_partitioning = true) ORDER BY day"
    ).fetchall()
    con.close()
    con = duckdb.connect(str(db), read_only=True)
    expected = con.execute("SELECT day::VARCHAR, relevant_articles FROM coverage_daily ORDER BY day").fetchall()
    con.close()
    assert days == expected and days


@pytest.mark.parametrize(
    "option, named",
    [
        ("nope", "no table or view has a column 'nope'"),
        ("published_at", "published_at is a timestamp; give a grain"),
        ("title:month", "title is VARCHAR; a grain needs a DATE or TIMESTAMP column"),
        ("published_at:week", "unknown grain 'week'"),
        (":month", "needs a column name"),
    ],
)
def test_export_bad_partition_is_refused_before_writing(
    files: tuple[Path, Path], tmp_path: Path, option: str, named: str
) -> None:
    db, _ = files
    out = tmp_path / "never"
    with pytest.raises(ExportError, match=re.escape(named)), connect(db, read_only=True, writable_dirs=[out]) as con:
        export_all(con, out, "parquet", parse_partitioning(option))
    assert not out.exists()


def test_cli_export_bad_partition_exits_2(files: tuple[Path, Path], tmp_path: Path, cli: CliInvoke) -> None:
    db, _ = files
    result = cli("export", str(tmp_path / "never"), "--partition-by", "nope", "--db", str(db), cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "no table or view has a column 'nope'" in result.stderr
    assert not (tmp_path / "never").exists()


def test_export_connection_writes_only_inside_its_folder(files: tuple[Path, Path], tmp_path: Path) -> None:
    db, _ = files
    target = tmp_path / "target"
    target.mkdir()
    with connect(db, read_only=True, writable_dirs=[target]) as con:
        con.execute(f"COPY articles TO '{target}/inside.csv'")
        for outside in (tmp_path / "targetx" / "a.csv", tmp_path / "outside.csv", target / ".." / "up.csv"):
            with pytest.raises(duckdb.Error):
                con.execute(f"COPY articles TO '{outside}'")
        with pytest.raises(duckdb.Error):
            con.execute(f"ATTACH '{tmp_path / 'other.duckdb'}' AS o")
        with pytest.raises(duckdb.Error):
            con.execute("SET allowed_directories = ['/']")
    assert (target / "inside.csv").is_file()
    assert not (tmp_path / "outside.csv").exists() and not (tmp_path / "up.csv").exists()
