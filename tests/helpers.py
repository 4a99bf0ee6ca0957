"""Small helpers shared by test modules (fixtures live in conftest.py)."""

from __future__ import annotations

import html
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
from werkzeug import Request, Response

from warehouse.db import migrate, open_connection
from warehouse.load import RunBatch, load_batch
from warehouse.queries import extraction_fingerprint, table_counts

if TYPE_CHECKING:
    from click.testing import Result
    from spacy.language import Language

    from extractors.gazetteer import Gazetteer

REPO = Path(__file__).resolve().parents[1]
# The installed entry point, beside the interpreter running the tests (the venv's bin/).
STORYWATCH = str(Path(sys.executable).parent / "storywatch")

# The `cli` fixture: `cli("sql", QUERY, cwd=…, stdin=…, env=…)` runs the command line in-process.
CliInvoke = Callable[..., "Result"]


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    """`sql` on a read-only connection to a warehouse file."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def fingerprint(db: Path) -> tuple[list[tuple[Any, ...]], ...]:
    """Every extracted row of a warehouse file, without run ids and load times."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return extraction_fingerprint(con)
    finally:
        con.close()


def counts(db: Path) -> dict[str, int]:
    """Rows per table of a warehouse file (the totals a run prints)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return table_counts(con)
    finally:
        con.close()


def storywatch_env(cwd: Path, env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a `storywatch` started in `cwd`: none of ours or Prefect's settings leak in."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("STORYWATCH_", "PREFECT_"))}
    return environment | {"PREFECT_HOME": str(cwd / ".prefect"), "COLUMNS": "200"} | (env or {})


def storywatch(
    *args: str, cwd: Path, stdin: str | None = None, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """The installed `storywatch` as a separate process (for what needs a whole process: exit codes,
    Prefect, locks held by another process); validation and output go through `cli` in conftest."""
    return subprocess.run(
        [STORYWATCH, *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=storywatch_env(cwd, env),
        timeout=timeout,
    )


@dataclass
class LockHolder:
    """Another process holding a warehouse file read-write (as the duckdb CLI would)."""

    process: subprocess.Popen[str]

    @property
    def pid(self) -> int:
        return self.process.pid

    def release(self) -> None:
        """Close the connection and wait until the lock is gone."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == "released"


@contextmanager
def held_open(db: Path) -> Iterator[LockHolder]:
    """`db` held open by another process until `release()` or the end of the block."""
    script = (
        f"import duckdb, sys; c = duckdb.connect({str(db)!r}); print('ok', flush=True); sys.stdin.readline();"
        " c.close(); print('released', flush=True)"
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "ok"
        yield LockHolder(process)
    finally:
        process.kill()
        process.wait()


@contextmanager
def trickling_server(path: str, every_s: float) -> Iterator[str]:
    """A raw local server, its URL for `path` yielded: every connection gets its headers at once, then
    one body byte every `every_s` seconds, for ever (no read times out; only a deadline ends it)."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.2)
    stop = threading.Event()

    def drip(conn: socket.socket) -> None:
        with conn:
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n")
            while not stop.wait(every_s):
                try:
                    conn.sendall(b"<")
                except OSError:
                    return

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            threading.Thread(target=drip, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}{path}"
    finally:
        stop.set()
        thread.join(5)
        listener.close()


# A second seed on the story, for runs that must find something new.
EXTRA_SEED = (
    "Kim Jong Un met Vladimir Putin in Vladivostok, and Moscow promised Pyongyang help with satellites. "
    "China's foreign ministry said it was not aware of any arms deals between Russia and North Korea."
)


def add_seed(seeds: Path) -> None:
    """Add EXTRA_SEED to a seed folder and its manifest."""
    (seeds / "extra.txt").write_text(EXTRA_SEED)
    with (seeds / "manifest.toml").open("a") as manifest:
        manifest.write('\n[[seed]]\nfile = "extra.txt"\ntitle = "Extra"\npublished = "2025-03-01"\n')


SEED_TEXT_FILE = REPO / "seeds" / "000_55ac9cc17b546c97.txt"  # the one shipped seed, on the story


def generated_seeds_dir(folder: Path, count: int, seed: int) -> Path:
    """A seed folder of `count` generated story-like documents (bench/corpus.py, the generator the
    throughput benchmark uses) plus a copy of the shipped seed."""
    from bench.corpus import BenchDoc, generated_docs, write_seeds_dir

    docs = generated_docs(count, seed=seed)
    docs.append(BenchDoc("seed-copy", "seed", "seed", None, SEED_TEXT_FILE.read_text(encoding="utf-8")))
    return write_seeds_dir(docs, folder)


def generated_texts(count: int, seed: int) -> list[str]:
    """The texts of `count` generated story-like documents (see generated_seeds_dir)."""
    from bench.corpus import generated_docs

    return [d.text for d in generated_docs(count, seed=seed)]


def quiet_config(folder: Path, name: str, body: str = "") -> Path:
    """`folder/name.toml`: `body` plus alerts that print and write nothing."""
    path = folder / f"{name}.toml"
    path.write_text(f'[alerts]\nconsole = false\njsonl = ""\n\n{body}', encoding="utf-8")
    return path


# Fetching from the test servers on this machine, without politeness delays.
LOCAL_FETCH: dict[str, object] = {"timeout_s": 5, "per_host_delay_s": 0.0, "allow_hosts": ["127.0.0.1", "localhost"]}


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value)  # strings, numbers and lists of them are written alike in TOML


def local_config(
    tmp_path: Path,
    feeds: Iterable[Mapping[str, object]] = (),
    *,
    fetch: Mapping[str, object] | None = None,
    warehouse: Mapping[str, object] | None = None,
    more: str = "",
) -> Path:
    """tmp_path/storywatch.toml for runs against servers on this machine: the warehouse
    tmp_path/w.duckdb (`warehouse` adds keys), LOCAL_FETCH (`fetch` overrides keys), then `more`
    (further tables, as TOML) and one [[feeds]] table per mapping in `feeds`."""
    lines = ["[warehouse]", f"path = {toml_value(str(tmp_path / 'w.duckdb'))}"]
    lines += [f"{key} = {toml_value(value)}" for key, value in (warehouse or {}).items()]
    lines += ["[fetch]", *(f"{key} = {toml_value(value)}" for key, value in (LOCAL_FETCH | dict(fetch or {})).items())]
    lines.append(more.strip("\n"))
    for feed in feeds:
        lines += ["[[feeds]]", *(f"{key} = {toml_value(value)}" for key, value in feed.items())]
    path = tmp_path / "storywatch.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@dataclass
class StagedRun:
    """A run staged because another process held the warehouse: the rows counted before it, its
    summary and the holder's PID."""

    before: dict[str, int]
    summary: Any  # flows.pipeline's RunSummary
    holder_pid: int


def run_then_stage(config: Path, seeds: Path, db: Path) -> StagedRun:
    """An offline run of `seeds` into `db`, then EXTRA_SEED added and a second run while another
    process holds `db`: that run stages its batch."""
    from flows.pipeline import ingest  # here: importing Prefect costs every test module otherwise

    ingest(config_path=str(config), offline=True, seeds_dir=str(seeds))
    before = counts(db)
    add_seed(seeds)
    with held_open(db) as holder:
        staged = ingest(config_path=str(config), offline=True, seeds_dir=str(seeds))
    assert staged.status == "staged", staged.errors
    return StagedRun(before, staged, holder.pid)


def article_page(title: str, body: str, canonical: str, language: str = "ru", published: date | None = None) -> str:
    """An article page: `body` one paragraph per sentence (". " or "。"), its canonical URL, and its
    publication time (09:00 UTC that day) when given."""
    sentences = [s for s in body.replace("。", "。\n").replace(". ", ".\n").splitlines() if s.strip()]
    paragraphs = "".join(f"<p>{html.escape(s)}</p>" for s in sentences)
    when = f'<meta property="article:published_time" content="{published}T09:00:00Z">' if published else ""
    return (
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f'{when}<link rel="canonical" href="{canonical}"></head><body><article><h1>{html.escape(title)}</h1>'
        f"{paragraphs}</article></body></html>"
    )


def rss_feed(items: Iterable[tuple[str, str, str, date]]) -> str:
    """An RSS 2.0 feed of (title, link, summary, day published) items, each at 08:00 UTC."""
    entries = "".join(
        f"<item><title>{html.escape(t)}</title><link>{html.escape(link)}</link><guid>{html.escape(link)}</guid>"
        f"<pubDate>{day:%a, %d %b %Y} 08:00:00 GMT</pubDate><description>{html.escape(summary)}</description></item>"
        for t, link, summary, day in items
    )
    channel = f"<channel><title>Лента</title>{entries}</channel>"
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0">{channel}</rss>'


def conditional_feed(request: Request, body: str, etag: str = '"v1"') -> Response:
    """A feed response that honours If-None-Match: 304 when the client already has `etag`."""
    if request.headers.get("If-None-Match") == etag:
        return Response(status=304, headers={"ETag": etag})
    return Response(body, content_type="application/rss+xml", headers={"ETag": etag})


def user_project(folder: Path, config: str) -> Path:
    """A project folder as a user has it: the shipped seeds in seeds/, `config` as storywatch.toml."""
    shutil.copytree(REPO / "seeds", folder / "seeds")
    (folder / "storywatch.toml").write_text(config, encoding="utf-8")
    return folder


@dataclass(frozen=True)
class Story:
    """An article of a report test's warehouse: published at 09:00 UTC on its day."""

    article_id: str
    day: date
    entities: tuple[str, ...]
    title: str
    url: str
    relevant: bool = True
    cluster: str | None = None
    source: str = "feed-good"

    def article_row(self, run_id: str) -> dict[str, Any]:
        """Its `articles` row for a RunBatch."""
        published = datetime.combine(self.day, datetime.min.time()) + timedelta(hours=9)
        return {
            "article_id": self.article_id,
            "source_id": self.source,
            "url": self.url,
            "title": self.title,
            "published_at": published,
            "fetched_at": published,
            "text": "…",
            "text_hash": f"hash-{self.article_id}",
            "relevance": 0.9 if self.relevant else 0.05,
            "cluster_id": self.cluster or self.article_id,
            "run_id": run_id,
        }


def warehouse_at_schema(path: Path, version: int, batch: RunBatch) -> Path:
    """A warehouse migrated only up to `version` (as an older storywatch left it), with `batch` loaded."""
    con = open_connection(path)
    try:
        migrate(con, path, target=version)
        load_batch(con, batch)
    finally:
        con.close()
    return path


def seed_warehouse(root: Path, later_text: str) -> Path:
    """root/w.duckdb filled by the real flow, offline, from the seed corpus plus one article
    `later_text` titled "Later" and published 2024-12-03 (needs the prefect_harness fixture)."""
    from flows.pipeline import ingest

    seeds = root / "seeds"
    seeds.mkdir()
    for item in (REPO / "seeds").iterdir():
        (seeds / item.name).write_bytes(item.read_bytes())
    (seeds / "later.txt").write_text(later_text)
    with (seeds / "manifest.toml").open("a") as manifest:
        manifest.write('\n[[seed]]\nfile = "later.txt"\ntitle = "Later"\npublished = "2024-12-03"\n')
    config = root / "storywatch.toml"
    config.write_text(f'[warehouse]\npath = "{root / "w.duckdb"}"\n')
    ingest(config_path=str(config), offline=True, seeds_dir=str(seeds))
    return root / "w.duckdb"


def assert_people_of_states(gaz: Gazetteer, people: Iterable[tuple[str, str]]) -> None:
    """Each (name, state): the people gazetteer links the name to a person of that state."""
    for name, state in people:
        alias = gaz.lookup(name)
        assert alias is not None, name
        entity = gaz.entity(alias.entity_id)
        assert entity is not None and entity.country == state, (name, entity)


ClaimFigure = tuple[str | None, float | None, float | None]  # subject_id, value_low, value_high


def claim_order(figure: ClaimFigure) -> tuple[str, float, float]:
    return str(figure[0]), figure[1] or 0.0, figure[2] or 0.0


def claim_figures(nlp: Language, text: str) -> list[ClaimFigure]:
    """The claims extracted from one text as (subject_id, value_low, value_high), in claim_order."""
    from extractors.extract import extract_text

    found = extract_text(nlp, text).claims
    return sorted(((c.subject_id, c.value_low, c.value_high) for c in found), key=claim_order)
