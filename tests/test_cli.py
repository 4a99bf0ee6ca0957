"""The command line: validation and output in-process (typer's CliRunner, the `cli` fixture), and
the installed entry point (`storywatch` in the virtualenv) where the whole process matters: real
runs, exit codes, a lock held by another process."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import duckdb
import pytest

from flows.tracking import local_server_url
from tests.helpers import REPO, CliInvoke, counts, held_open, storywatch, user_project


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project folder as a user has it: config and seeds, no warehouse yet."""
    return user_project(tmp_path_factory.mktemp("project"), (REPO / "storywatch.toml").read_text())


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
def test_sql_formats(warehouse_after_two_runs: tuple, cli: CliInvoke) -> None:
    db, _, _ = warehouse_after_two_runs
    workdir = db.parent.parent
    query = "select entity_id, count(*) n from mentions where entity_id in ('PRK','CHN') group by 1 order by 1"
    as_json = json.loads(cli("sql", query, "--format", "json", cwd=workdir).stdout)
    assert [r["entity_id"] for r in as_json] == ["CHN", "PRK"] and all(r["n"] > 5 for r in as_json)
    as_csv = cli("sql", query, "--format", "csv", cwd=workdir).stdout.splitlines()
    assert as_csv[0] == "entity_id,n" and as_csv[1].startswith("CHN,")
    table = cli("sql", query, cwd=workdir)
    assert table.exit_code == 0 and "PRK" in table.stdout and "2 row(s)" in table.stdout
    pyongyang = cli(
        "sql", "select distinct entity_id from mentions where text = 'Pyongyang'", "-f", "json", cwd=workdir
    )
    assert json.loads(pyongyang.stdout) == [{"entity_id": "PRK"}]


@pytest.mark.slow
def test_sql_is_read_only(warehouse_after_two_runs: tuple, cli: CliInvoke) -> None:
    db, _, _ = warehouse_after_two_runs
    result = cli("sql", "delete from articles", cwd=db.parent.parent)
    assert result.exit_code == 2
    assert "read-only" in result.stderr.lower()
    assert counts(db)["articles"] == 1


@pytest.mark.slow
def test_locked_warehouse_stages_the_batch_and_names_the_process(warehouse_after_two_runs: tuple) -> None:
    db, _, _ = warehouse_after_two_runs
    workdir = db.parent.parent
    (workdir / "locked.toml").write_text(
        (workdir / "storywatch.toml").read_text().replace("keep_text = true", "keep_text = true\nlock_wait_s = 1")
    )
    with held_open(db) as holder:
        result = storywatch("run", "--offline", "--config", "locked.toml", cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert f"locked by another process: PID {holder.pid}" in result.stderr
    assert "staged in data/storywatch.duckdb.staging/" in result.stderr  # beside its warehouse
    staged = list((workdir / "data" / "storywatch.duckdb.staging").iterdir())
    assert len(staged) == 1
    after = storywatch("run", "--offline", "--config", "locked.toml", cwd=workdir)
    assert after.returncode == 0, after.stderr
    assert "staged batches loaded" in after.stdout
    assert not list((workdir / "data" / "storywatch.duckdb.staging").iterdir())


def test_sql_without_warehouse(tmp_path: Path, cli: CliInvoke) -> None:
    result = cli("sql", "select 1", "--db", str(tmp_path / "none.duckdb"), cwd=tmp_path)
    assert result.exit_code == 2
    assert "does not exist yet" in result.stderr


def test_unknown_config_key_exits_2_from_the_installed_command(tmp_path: Path) -> None:
    """The entry point itself: one line on stderr, status 2, nothing created."""
    (tmp_path / "bad.toml").write_text("[nlp]\nmodle = 'x'\n")
    result = storywatch("run", "--config", "bad.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown key 'nlp.modle'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "data").exists()


def test_missing_config_file(tmp_path: Path, cli: CliInvoke) -> None:
    result = cli("run", "--config", "missing.toml", cwd=tmp_path)
    assert result.exit_code == 2
    assert "config file missing.toml does not exist" in result.stderr


def test_missing_warehouse_directory(tmp_path: Path, cli: CliInvoke) -> None:
    result = cli("run", "--offline", "--db", "no/such/dir/w.duckdb", "--seeds", str(REPO / "seeds"), cwd=tmp_path)
    assert result.exit_code == 2
    assert "warehouse directory no/such/dir does not exist" in result.stderr


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02binary", "looks binary"),
        ("Kursk – Курск".encode("cp1251"), "is not UTF-8"),
    ],
)
def test_bad_seed_file_fails_before_anything_is_stored(
    tmp_path: Path, content: bytes, reason: str, cli: CliInvoke
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "bad.txt").write_bytes(content)
    (seeds / "manifest.toml").write_text('[[seed]]\nfile = "bad.txt"\n')
    db = tmp_path / "w.duckdb"
    result = cli("run", "--offline", "--db", str(db), "--seeds", str(seeds), cwd=tmp_path)
    assert result.exit_code == 2
    assert reason in result.stderr and "bad.txt" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not db.exists()


def test_extract_plain_text(tmp_path: Path, cli: CliInvoke) -> None:
    text = "Moscow and Pyongyang signed a pact. Beijing said it was their own business."
    result = cli("extract", "-", cwd=tmp_path, stdin=text)
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert set(out) >= {"entities", "events", "quotes", "claims"}
    linked = {(e["text"], e["entity_id"]) for e in out["entities"]}
    assert {("Moscow", "RUS"), ("Pyongyang", "PRK"), ("Beijing", "CHN")} <= linked
    for entity in out["entities"]:
        assert text[entity["start"] : entity["end"]] == entity["text"]
    assert not list(tmp_path.glob("**/*.duckdb"))


def test_extract_says_what_the_pipeline_keeps(tmp_path: Path, cli: CliInvoke) -> None:
    """Relevance and the verdict are printed; an off-topic text's events only behind --all."""
    off_topic = "France and Germany signed a trade agreement in Berlin on Monday."
    kept = cli("extract", cwd=tmp_path, stdin=off_topic)
    assert kept.exit_code == 0, kept.stderr
    out = json.loads(kept.stdout)
    assert out["relevant"] is False and out["relevance"] < 0.35
    assert (out["events"], out["quotes"], out["claims"]) == ([], [], [])  # what the pipeline stores
    assert {e["entity_id"] for e in out["entities"]} >= {"FRA", "DEU"}  # entities are stored all the same
    assert "below [topic] min_relevance 0.35" in kept.stderr and "--all shows them" in kept.stderr
    everything = cli("extract", "--all", cwd=tmp_path, stdin=off_topic)
    full = json.loads(everything.stdout)
    assert (full["relevance"], full["relevant"]) == (out["relevance"], False)
    assert [(e["event_type"], e["actor_id"]) for e in full["events"]][:1] == [("AGREE", "FRA")]
    assert "(shown here)" in everything.stderr
    on_topic = cli("extract", cwd=tmp_path, stdin="North Korea sent troops to Russia last week.")
    topical = json.loads(on_topic.stdout)
    assert topical["relevant"] is True and topical["relevance"] >= 0.35 and topical["events"]
    assert on_topic.stderr == ""


@pytest.mark.slow
def test_extract_from_the_installed_command(tmp_path: Path) -> None:
    """`extract` through the entry point: stdin in, JSON lines out, the ids kept."""
    lines = [{"id": "a", "text": "Kim Jong Un met Vladimir Putin."}, {"id": 7, "text": "Nothing here."}]
    result = storywatch("extract", "--jsonl", cwd=tmp_path, stdin="\n".join(json.dumps(x) for x in lines))
    assert result.returncode == 0, result.stderr
    outs = [json.loads(x) for x in result.stdout.splitlines()]
    assert [o["id"] for o in outs] == ["a", 7]
    # The fields as before, plus the language read and each text's relevance and whether the pipeline keeps its events.
    assert all(
        set(o) == {"id", "language", "entities", "events", "quotes", "claims", "relevance", "relevant"} for o in outs
    )
    assert outs[1]["relevant"] is False and outs[1]["relevance"] == 0


def test_extract_resolves_relative_dates_against_publication(tmp_path: Path, cli: CliInvoke) -> None:
    line = {"id": "x", "text": "North Korea sent troops to Russia last week.", "published_at": "2024-11-08"}
    result = cli("extract", "--jsonl", cwd=tmp_path, stdin=json.dumps(line))
    assert result.exit_code == 0, result.stderr
    (event,) = json.loads(result.stdout)["events"]
    assert (event["event_type"], event["actor_id"], event["recipient_id"]) == ("AID", "PRK", "RUS")
    assert event["event_date"] == "2024-10-28"  # the Monday of the week before
    bad = cli("extract", "--published", "last week", cwd=tmp_path, stdin="text")
    assert bad.exit_code == 2 and "--published must be an ISO date" in bad.stderr


def test_extract_bad_jsonl_line(tmp_path: Path, cli: CliInvoke) -> None:
    """A malformed line gets an error line naming it; the others are extracted (exit 0)."""
    stdin = '{"id": 1, "text": "ok"}\nnot json\n{"id": 3, "text": "Kim Jong Un met Vladimir Putin."}\n'
    result = cli("extract", "--jsonl", cwd=tmp_path, stdin=stdin)
    assert result.exit_code == 0, result.stderr
    first, bad, last = (json.loads(line) for line in result.stdout.splitlines())
    assert first["id"] == 1 and "entities" in first
    assert bad == {"id": None, "line": 2, "error": "line 2 is not JSON: Expecting value"}
    assert last["id"] == 3 and last["entities"]


@pytest.mark.parametrize("command", ["run", "sql", "extract", "reextract", "report", "export", "feeds", "failures"])
def test_help_for_each_command(tmp_path: Path, cli: CliInvoke, command: str) -> None:
    result = cli(command, "--help", cwd=tmp_path)
    assert result.exit_code == 0
    assert "--config" in result.stdout and "--db" in result.stdout


@pytest.mark.slow
def test_reextract_from_the_command_line(warehouse_after_two_runs: tuple, cli: CliInvoke) -> None:
    db, _, _ = warehouse_after_two_runs
    workdir = db.parent.parent
    bad = cli("reextract", "--since", "yesterday", cwd=workdir)
    assert bad.exit_code == 2 and "--since must be an ISO date" in bad.stderr
    before = counts(db)
    done = storywatch("reextract", cwd=workdir)
    assert done.returncode == 0, done.stderr
    assert "re-extracted 1 article(s)" in done.stdout
    after = counts(db)
    assert (after["mentions"], after["events"]) == (before["mentions"], before["events"])  # replaced, not added
