"""The command line through its real entry point (`storywatch` in the virtualenv)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.tracking import local_server_url

REPO = Path(__file__).resolve().parents[1]
STORYWATCH = str(Path(sys.executable).parent / "storywatch")


def storywatch(
    *args: str, cwd: Path, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("STORYWATCH_", "PREFECT_"))}
    environment |= {"PREFECT_HOME": str(cwd / ".prefect"), "COLUMNS": "200"} | (env or {})
    return subprocess.run(
        [STORYWATCH, *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
    )


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project folder as a user has it: config and seeds, no warehouse yet."""
    work = tmp_path_factory.mktemp("project")
    (work / "seeds").mkdir()
    for item in (REPO / "seeds").iterdir():
        (work / "seeds" / item.name).write_bytes(item.read_bytes())
    (work / "storywatch.toml").write_text((REPO / "storywatch.toml").read_text())
    return work


@pytest.fixture(scope="module")
def warehouse_after_two_runs(
    workdir: Path,
) -> tuple[Path, subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]:
    first = storywatch("run", "--offline", cwd=workdir)
    second = storywatch("run", "--offline", cwd=workdir)
    return workdir / "data" / "storywatch.duckdb", first, second


@pytest.mark.slow
def test_run_prints_summary_and_loads_seed(warehouse_after_two_runs: tuple) -> None:
    db, first, _ = warehouse_after_two_runs
    assert first.returncode == 0, first.stderr
    for word in ("articles", "mentions", "entities", "events", "elapsed", "warehouse", "storywatch sql"):
        assert word in first.stdout
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("select count(*) from articles where is_seed").fetchone()[0] == 1
        top = con.execute(
            "select entity_id from mentions where entity_id is not null group by 1 order by count(*) desc limit 3"
        ).fetchall()
        assert {r[0] for r in top} == {"CHN", "PRK", "RUS"}
        run = con.execute("select status, flow_run_id, versions from runs order by started_at limit 1").fetchone()
        # A Prefect flow run only when a Prefect server runs on the default port (flows/tracking.py).
        assert run[0] == "completed" and (run[1] is None) == (local_server_url(4200) is None)
        versions = json.loads(run[2])
        assert {"model", "model_version", "gazetteer", "spacy"} <= set(versions)
    finally:
        con.close()


@pytest.mark.slow
def test_second_run_adds_nothing_and_skips_nlp(warehouse_after_two_runs: tuple) -> None:
    db, _first, second = warehouse_after_two_runs
    assert second.returncode == 0, second.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        runs = con.execute("select articles_new, mentions_new, status from runs order by started_at").fetchall()
        assert runs[0][0] == 1 and runs[0][1] > 50
        assert runs[1][:2] == (0, 0) and runs[1][2] == "completed"
        assert con.execute("select count(*) from articles").fetchone()[0] == 1
    finally:
        con.close()
    assert "unchanged (skipped)" in second.stdout


@pytest.mark.slow
def test_sql_formats(warehouse_after_two_runs: tuple) -> None:
    db, _, _ = warehouse_after_two_runs
    workdir = db.parent.parent
    query = "select entity_id, count(*) n from mentions where entity_id in ('PRK','CHN') group by 1 order by 1"
    as_json = json.loads(storywatch("sql", query, "--format", "json", cwd=workdir).stdout)
    assert [r["entity_id"] for r in as_json] == ["CHN", "PRK"] and all(r["n"] > 5 for r in as_json)
    as_csv = storywatch("sql", query, "--format", "csv", cwd=workdir).stdout.splitlines()
    assert as_csv[0] == "entity_id,n" and as_csv[1].startswith("CHN,")
    table = storywatch("sql", query, cwd=workdir)
    assert table.returncode == 0 and "PRK" in table.stdout and "2 row(s)" in table.stdout
    pyongyang = json.loads(
        storywatch(
            "sql",
            "select distinct entity_id from mentions where text = 'Pyongyang'",
            "-f",
            "json",
            cwd=workdir,
        ).stdout
    )
    assert pyongyang == [{"entity_id": "PRK"}]


@pytest.mark.slow
def test_sql_is_read_only(warehouse_after_two_runs: tuple) -> None:
    db, _, _ = warehouse_after_two_runs
    result = storywatch("sql", "delete from articles", cwd=db.parent.parent)
    assert result.returncode == 2
    assert "read-only" in result.stderr.lower()
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from articles").fetchone()[0] == 1
    con.close()


@pytest.mark.slow
def test_locked_warehouse_stages_the_batch_and_names_the_process(warehouse_after_two_runs: tuple) -> None:
    db, _, _ = warehouse_after_two_runs
    workdir = db.parent.parent
    (workdir / "locked.toml").write_text(
        (workdir / "storywatch.toml").read_text().replace("keep_text = true", "keep_text = true\nlock_wait_s = 1")
    )
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb,time; c=duckdb.connect({str(db)!r}); print('ready', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        result = storywatch("run", "--offline", "--config", "locked.toml", cwd=workdir)
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 0, result.stderr
    assert f"locked by another process: PID {holder.pid}" in result.stderr
    assert "staged in data/storywatch.duckdb.staging/" in result.stderr  # beside its warehouse
    staged = list((workdir / "data" / "storywatch.duckdb.staging").iterdir())
    assert len(staged) == 1
    after = storywatch("run", "--offline", "--config", "locked.toml", cwd=workdir)
    assert after.returncode == 0, after.stderr
    assert "staged batches loaded" in after.stdout
    assert not list((workdir / "data" / "storywatch.duckdb.staging").iterdir())


def test_sql_without_warehouse(tmp_path: Path) -> None:
    result = storywatch("sql", "select 1", "--db", str(tmp_path / "none.duckdb"), cwd=tmp_path)
    assert result.returncode == 2
    assert "does not exist yet" in result.stderr


def test_unknown_config_key(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text("[nlp]\nmodle = 'x'\n")
    result = storywatch("run", "--config", "bad.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown key 'nlp.modle'" in result.stderr
    assert not (tmp_path / "data").exists()


def test_missing_config_file(tmp_path: Path) -> None:
    result = storywatch("run", "--config", "missing.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert "config file missing.toml does not exist" in result.stderr


def test_missing_warehouse_directory(tmp_path: Path) -> None:
    result = storywatch(
        "run", "--offline", "--db", "no/such/dir/w.duckdb", "--seeds", str(REPO / "seeds"), cwd=tmp_path
    )
    assert result.returncode == 2
    assert "warehouse directory no/such/dir does not exist" in result.stderr


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02binary", "looks binary"),
        ("Kursk – Курск".encode("cp1251"), "is not UTF-8"),
    ],
)
def test_bad_seed_file_fails_before_anything_is_stored(tmp_path: Path, content: bytes, reason: str) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "bad.txt").write_bytes(content)
    (seeds / "manifest.toml").write_text('[[seed]]\nfile = "bad.txt"\n')
    db = tmp_path / "w.duckdb"
    result = storywatch("run", "--offline", "--db", str(db), "--seeds", str(seeds), cwd=tmp_path)
    assert result.returncode == 2
    assert reason in result.stderr and "bad.txt" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not db.exists()


def test_extract_plain_text(tmp_path: Path) -> None:
    text = "Moscow and Pyongyang signed a pact. Beijing said it was their own business."
    result = storywatch("extract", "-", cwd=tmp_path, stdin=text)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert set(out) >= {"entities", "events", "quotes", "claims"}
    linked = {(e["text"], e["entity_id"]) for e in out["entities"]}
    assert {("Moscow", "RUS"), ("Pyongyang", "PRK"), ("Beijing", "CHN")} <= linked
    for entity in out["entities"]:
        assert text[entity["start"] : entity["end"]] == entity["text"]
    assert not list(tmp_path.glob("**/*.duckdb"))


def test_extract_says_what_the_pipeline_keeps(tmp_path: Path) -> None:
    """Relevance and the verdict are printed; an off-topic text's events only behind --all."""
    off_topic = "France and Germany signed a trade agreement in Berlin on Monday."
    kept = storywatch("extract", cwd=tmp_path, stdin=off_topic)
    assert kept.returncode == 0, kept.stderr
    out = json.loads(kept.stdout)
    assert out["relevant"] is False and out["relevance"] < 0.35
    assert (out["events"], out["quotes"], out["claims"]) == ([], [], [])  # what the pipeline stores
    assert {e["entity_id"] for e in out["entities"]} >= {"FRA", "DEU"}  # entities are stored all the same
    assert "below [topic] min_relevance 0.35" in kept.stderr and "--all shows them" in kept.stderr
    everything = storywatch("extract", "--all", cwd=tmp_path, stdin=off_topic)
    full = json.loads(everything.stdout)
    assert (full["relevance"], full["relevant"]) == (out["relevance"], False)
    assert [(e["event_type"], e["actor_id"]) for e in full["events"]][:1] == [("AGREE", "FRA")]
    assert "(shown here)" in everything.stderr
    on_topic = storywatch("extract", cwd=tmp_path, stdin="North Korea sent troops to Russia last week.")
    topical = json.loads(on_topic.stdout)
    assert topical["relevant"] is True and topical["relevance"] >= 0.35 and topical["events"]
    assert on_topic.stderr == ""


def test_extract_jsonl_keeps_ids(tmp_path: Path) -> None:
    lines = [{"id": "a", "text": "Kim Jong Un met Vladimir Putin."}, {"id": 7, "text": "Nothing here."}]
    result = storywatch("extract", "--jsonl", cwd=tmp_path, stdin="\n".join(json.dumps(x) for x in lines))
    assert result.returncode == 0, result.stderr
    outs = [json.loads(x) for x in result.stdout.splitlines()]
    assert [o["id"] for o in outs] == ["a", 7]
    # The fields as before, plus each text's relevance and whether the pipeline keeps its events.
    assert all(set(o) == {"id", "entities", "events", "quotes", "claims", "relevance", "relevant"} for o in outs)
    assert outs[1]["relevant"] is False and outs[1]["relevance"] == 0


def test_extract_resolves_relative_dates_against_publication(tmp_path: Path) -> None:
    line = {"id": "x", "text": "North Korea sent troops to Russia last week.", "published_at": "2024-11-08"}
    result = storywatch("extract", "--jsonl", cwd=tmp_path, stdin=json.dumps(line))
    assert result.returncode == 0, result.stderr
    (event,) = json.loads(result.stdout)["events"]
    assert (event["event_type"], event["actor_id"], event["recipient_id"]) == ("AID", "PRK", "RUS")
    assert event["event_date"] == "2024-10-28"  # the Monday of the week before
    bad = storywatch("extract", "--published", "last week", cwd=tmp_path, stdin="text")
    assert bad.returncode == 2 and "--published must be an ISO date" in bad.stderr


def test_extract_bad_jsonl_line(tmp_path: Path) -> None:
    """A malformed line gets an error line naming it; the others are extracted (exit 0)."""
    stdin = '{"id": 1, "text": "ok"}\nnot json\n{"id": 3, "text": "Kim Jong Un met Vladimir Putin."}\n'
    result = storywatch("extract", "--jsonl", cwd=tmp_path, stdin=stdin)
    assert result.returncode == 0, result.stderr
    first, bad, last = (json.loads(line) for line in result.stdout.splitlines())
    assert first["id"] == 1 and "entities" in first
    assert bad == {"id": None, "line": 2, "error": "line 2 is not JSON: Expecting value"}
    assert last["id"] == 3 and last["entities"]


def test_help_for_each_command(tmp_path: Path) -> None:
    for command in ("run", "sql", "extract"):
        result = storywatch(command, "--help", cwd=tmp_path)
        assert result.returncode == 0
        assert "--config" in result.stdout and "--db" in result.stdout


def test_reextract_from_the_command_line(warehouse_after_two_runs: tuple) -> None:
    db, _, _ = warehouse_after_two_runs
    workdir = db.parent.parent
    bad = storywatch("reextract", "--since", "yesterday", cwd=workdir)
    assert bad.returncode == 2 and "--since must be an ISO date" in bad.stderr
    count = "select (select count(*) from mentions) || '/' || (select count(*) from events)"
    before = storywatch("sql", count, "--format", "csv", cwd=workdir).stdout
    done = storywatch("reextract", cwd=workdir)
    assert done.returncode == 0, done.stderr
    assert "re-extracted 1 article(s)" in done.stdout
    assert storywatch("sql", count, "--format", "csv", cwd=workdir).stdout == before  # replaced, not added
