"""Warehouse benchmark: bulk-load throughput against per-row inserts, story-view times, file size.

Builds synthetic warehouses of realistic shape (bench.report_bench.synthetic_tables: a year of
articles from 18 feeds, ~40 mentions, ~3 events, ~1 quote per article) at each size and prints,
all measured in this run:

- load throughput in rows/s through the warehouse's own loader (Arrow scans, one transaction),
  and the per-row `executemany` rate on the same rows as the baseline, with their ratio;
- the time of every story view at each size (a full read of the view), so growth is visible;
- the report build time (SQL + rendering) and the DuckDB file size.

Run: ``make bench-warehouse`` or ``python -m bench.warehouse_bench [--articles 10000 100000]``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from bench.report_bench import build_report_seconds, synthetic_tables
from warehouse.db import connect
from warehouse.load import load_tables

VIEWS = ("coverage_daily", "entity_daily", "pair_daily", "event_timeline", "experts", "claim_timeline", "first_seen")
BASELINE_ROWS = 20_000  # per-row inserts are slow: measured on a sample, reported as a rate
RUN = {
    "run_id": "bench-run",
    "started_at": datetime(2025, 7, 1),
    "finished_at": datetime(2025, 7, 1),
    "status": "completed",
}


def per_row_rate(sample: pa.Table) -> float:
    """Rows/s of `executemany` with one parameter row per mention: the naive way to load."""
    con = duckdb.connect()
    columns = ", ".join(f"{f.name} {duckdb_type(f.type)}" for f in sample.schema)
    con.execute(f"CREATE TABLE t ({columns})")
    rows = [tuple(r.values()) for r in sample.to_pylist()]
    placeholders = ", ".join("?" for _ in sample.schema)
    started = time.perf_counter()
    con.executemany(f"INSERT INTO t VALUES ({placeholders})", rows)
    elapsed = time.perf_counter() - started
    con.close()
    return len(rows) / elapsed


def duckdb_type(arrow_type: pa.DataType) -> str:
    if pa.types.is_integer(arrow_type):
        return "BIGINT"
    if pa.types.is_boolean(arrow_type):
        return "BOOLEAN"
    if pa.types.is_floating(arrow_type):
        return "DOUBLE"
    if pa.types.is_timestamp(arrow_type):
        return "TIMESTAMP"
    return "VARCHAR"


def time_view(con: duckdb.DuckDBPyConnection, view: str) -> tuple[float, int]:
    started = time.perf_counter()
    table = con.sql(f"SELECT * FROM {view}").to_arrow_table()
    return time.perf_counter() - started, table.num_rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="storywatch-warehouse-bench-"))
    view_times: dict[int, dict[str, tuple[float, int]]] = {}
    for n in args.articles:
        tables = synthetic_tables(n)
        total_rows = sum(t.num_rows for t in tables.values())
        path = folder / f"w-{n}.duckdb"
        started = time.perf_counter()
        with connect(path) as con:
            load_tables(con, RUN, tables)
        load_s = time.perf_counter() - started
        bulk_rate = total_rows / load_s
        baseline = per_row_rate(tables["mentions"].slice(0, BASELINE_ROWS))
        print(f"\n== {n:,} articles: {total_rows:,} rows ({tables['mentions'].num_rows:,} mentions)")
        print(f"load (Arrow, one transaction): {load_s:6.2f} s  {bulk_rate:12,.0f} rows/s")
        print(f"per-row executemany baseline : {'':9}{baseline:12,.0f} rows/s   ratio {bulk_rate / baseline:,.0f}x")
        with connect(path, read_only=True) as con:
            view_times[n] = {}
            for view in VIEWS:
                time_view(con, view)  # warm the OS cache and DuckDB's catalog
                view_times[n][view] = time_view(con, view)
        report = build_report_seconds(path)
        print(f"report build: {report['total_s']:.2f} s (sql {report['sql_s']:.2f}, render {report['render_s']:.2f})")
        print(f"file size: {path.stat().st_size / 1e6:,.1f} MB")
    print("\nview times (s); rows in parentheses")
    print(f"{'view':<16}" + "".join(f"{n:>22,}" for n in args.articles))
    for view in VIEWS:
        cells = "".join(f"{view_times[n][view][0]:>12.3f} ({view_times[n][view][1]:>7,})" for n in args.articles)
        print(f"{view:<16}{cells}")
    if len(args.articles) > 1:
        small, large = args.articles[0], args.articles[-1]
        worst = max(view_times[large][v][0] for v in VIEWS)
        print(f"\nslowest view at {large:,} articles: {worst:.3f} s (goal < 1 s); growth {small:,}→{large:,}:")
        for view in VIEWS:
            print(f"  {view:<16} {view_times[large][view][0] / max(view_times[small][view][0], 1e-6):5.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
