"""Story threads through real runs: every relevant article gets exactly one thread; a rerun with nothing
new changes nothing; a rebuild (and a re-extraction) gives the identical tables; an article whose relevance
drops leaves its thread (recorded); a failing thread step never fails its run and is retried next run;
a staged run's articles are threaded by the next run; and the `storywatch threads` commands."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest

from flows.config import Config, ConfigError, ThreadsConfig, load_config
from tests.helpers import CliInvoke, held_open, quiet_config, rows, storywatch
from tests.thread_seeds import DEVELOPMENTS, KURSK, KURSK_LATE, OFF_TOPIC, TREATY, VETO, SeedText, write_seeds

THREAD_TABLES = ("threads", "thread_articles", "thread_changes")

# Three runs: the stories arrive over them, one development spanning two runs.
RUNS: list[list[SeedText]] = [
    [TREATY[0], TREATY[1], VETO[0]],
    [TREATY[2], KURSK[0], KURSK[1], VETO[1]],
    [KURSK[2], OFF_TOPIC],
]


def config_for(folder: Path, db: Path, name: str = "c", more: str = "") -> Config:
    return load_config(quiet_config(folder, name, f"[warehouse]\npath = {json.dumps(str(db))}\n{more}"))


def ingest(config: Config, seeds: Path) -> Any:
    from flows.pipeline import ingest_run

    summary = ingest_run(config, offline=True, seeds_dir=str(seeds))
    assert summary.status == "completed", summary.errors
    return summary


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the thread tables, in a fixed order (the assigner's state as text)."""
    return {
        "threads": rows(db, "SELECT * EXCLUDE (state), CAST(state AS VARCHAR) FROM threads ORDER BY thread_id"),
        "thread_articles": rows(db, "SELECT * FROM thread_articles ORDER BY article_id"),
        "thread_changes": rows(db, "SELECT * FROM thread_changes ORDER BY ALL"),
    }


def thread_of(db: Path) -> dict[str, str]:
    """Seed key (A1 …) → its current thread."""
    found = rows(db, "SELECT a.url, ta.thread_id FROM thread_articles ta JOIN articles a USING (article_id)")
    return {url.removeprefix("seed:").removesuffix(".txt"): thread_id for url, thread_id in found}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A warehouse after the three RUNS (and the seed folder as the last run left it)."""
    folder = tmp_path_factory.mktemp("threads")
    db, seeds = folder / "w.duckdb", folder / "seeds"
    config = config_for(folder, db)
    texts: list[SeedText] = []
    for run in RUNS:
        texts += run
        write_seeds(seeds, texts)
        ingest(config, seeds)
    return db, seeds


@pytest.fixture
def copy(built: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path, Config]:
    """A copy of the built warehouse and its seeds, with a config of its own, for tests that change it."""
    db, seeds = built
    shutil.copy(db, tmp_path / "w.duckdb")
    shutil.copytree(seeds, tmp_path / "seeds")
    return tmp_path / "w.duckdb", tmp_path / "seeds", config_for(tmp_path, tmp_path / "w.duckdb")


def test_every_relevant_article_has_exactly_one_thread(built: tuple[Path, Path]) -> None:
    db, _ = built
    relevant = {r[0] for r in rows(db, "SELECT article_id FROM article_days WHERE relevant")}
    threaded = rows(db, "SELECT article_id FROM thread_articles")
    assert len(relevant) == 8 and sorted(relevant) == sorted(r[0] for r in threaded)  # the bakery has none
    # Each article's thread is a live one, and every thread's figures are those of its articles.
    assert rows(db, "SELECT count(*) FROM thread_articles JOIN threads USING (thread_id) WHERE status = 'merged'") == [
        (0,)
    ]
    figures = rows(
        db,
        "SELECT t.thread_id, t.articles, count(ta.article_id),"
        " t.first_seen = min(d.seen_at), t.last_seen = max(d.seen_at)"
        " FROM threads t JOIN thread_articles ta ON ta.thread_id = t.thread_id"
        " JOIN article_days d ON d.article_id = ta.article_id"
        " GROUP BY t.thread_id, t.articles, t.first_seen, t.last_seen",
    )
    assert figures and all(stored == counted and first and last for _, stored, counted, first, last in figures)
    # Each thread was opened once, by its first article, at that article's time.
    opened = rows(
        db,
        "SELECT c.thread_id, c.changed_at = d.seen_at FROM thread_changes c JOIN article_days d USING (article_id)"
        " WHERE c.change = 'opened'",
    )
    assert sorted(t for t, _ in opened) == sorted(r[0] for r in rows(db, "SELECT thread_id FROM threads"))
    assert all(same for _, same in opened)
    # first_seen has one 'thread' row per live thread.
    assert rows(db, "SELECT count(*) FROM first_seen WHERE kind = 'thread'") == rows(
        db, "SELECT count(*) FROM threads WHERE status <> 'merged'"
    )


def test_each_development_is_one_thread(built: tuple[Path, Path]) -> None:
    db, _ = built
    threads = thread_of(db)
    treaty, kursk = {threads[s.key] for s in TREATY}, {threads[s.key] for s in KURSK}
    assert len(treaty) == 1 and len(kursk) == 1 and treaty != kursk  # across runs and outlets' wording
    assert "Z" not in threads
    (kursk_id,) = kursk
    label, actors, key_event, articles = rows(
        db, f"SELECT label, main_actors, key_event, articles FROM threads WHERE thread_id = '{kursk_id}'"
    )[0]
    assert label in {s.title for s in KURSK} and articles == 3
    assert {"PRK", "RUS"} <= set(actors) and key_event is not None


def test_a_rerun_with_nothing_new_changes_no_thread(copy: tuple[Path, Path, Config]) -> None:
    db, seeds, config = copy
    before = snapshot(db)
    ingest(config, seeds)
    assert snapshot(db) == before


def test_rebuild_gives_identical_tables(copy: tuple[Path, Path, Config]) -> None:
    from flows.threads import rebuild_threads

    db, _, config = copy
    before = snapshot(db)
    runs = {r[0] for r in rows(db, "SELECT run_id FROM thread_articles")}
    assert len(runs) == 3  # three batches to replay, in their order
    run_id, outcome = rebuild_threads(config)
    assert outcome.batches == 3 and outcome.placed == 8
    assert snapshot(db) == before
    status, message, stored_versions = rows(
        db, f"SELECT status, message, versions FROM runs WHERE run_id = '{run_id}'"
    )[0]
    assert (status, message) == ("completed", "threads rebuild")
    versions = json.loads(stored_versions)
    assert versions["threads"] == config.threads.settings().version


def test_rebuild_after_many_chunked_runs_with_late_articles_is_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Story-like texts dated over two months arrive over five runs in shuffled order (late articles,
    dormancy, revival), each run's batch assigned four articles at a time: the rebuild replays it all."""
    import random
    import tomllib

    from flows import threads as thread_flow
    from flows.threads import rebuild_threads
    from tests.helpers import generated_seeds_dir

    monkeypatch.setattr(thread_flow, "ASSIGN_CHUNK", 4)
    folder = generated_seeds_dir(tmp_path / "all", 60, seed=16)
    entries = tomllib.loads((folder / "manifest.toml").read_text(encoding="utf-8"))["seed"]
    random.Random(16).shuffle(entries)
    db, seeds = tmp_path / "w.duckdb", tmp_path / "seeds"
    seeds.mkdir()
    config = config_for(tmp_path, db)
    for run in range(5):
        lines = []
        for entry in entries[: (run + 1) * len(entries) // 5]:
            shutil.copy(folder / entry["file"], seeds / entry["file"])
            lines += ["[[seed]]", *(f"{k} = {json.dumps(str(v))}" for k, v in entry.items() if k != "approximate")]
        (seeds / "manifest.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        ingest(config, seeds)
    before = snapshot(db)
    changes = {change for _, change, *_ in before["thread_changes"]}
    assert {"opened", "dormant"} <= changes, changes  # the story clock moved threads on
    assert len(before["thread_articles"]) == rows(db, "SELECT count(*) FROM article_days WHERE relevant")[0][0] > 20
    _, outcome = rebuild_threads(config)
    assert outcome.batches == 5 and outcome.placed == len(before["thread_articles"])
    assert snapshot(db) == before


def test_reextract_rebuilds_threads_as_the_runs_made_them(copy: tuple[Path, Path, Config]) -> None:
    from flows.reextract import reextract_run

    db, _, config = copy
    before = snapshot(db)
    summary = reextract_run(config)
    assert summary.status == "completed" and not summary.errors
    assert snapshot(db) == before  # same texts, same settings: the same threads


def test_an_article_whose_relevance_drops_leaves_its_thread(copy: tuple[Path, Path, Config], tmp_path: Path) -> None:
    db, seeds, config = copy
    gone = rows(db, "SELECT article_id, relevance FROM article_days WHERE relevant ORDER BY relevance LIMIT 1")[0]
    strict = config_for(tmp_path, db, "strict", f"[topic]\nmin_relevance = {gone[1] + 0.001}\n")
    dropped = {r[0] for r in rows(db, f"SELECT article_id FROM article_days WHERE relevant AND relevance <= {gone[1]}")}
    left_from = dict(rows(db, "SELECT article_id, thread_id FROM thread_articles"))
    ingest(strict, seeds)
    left = rows(db, "SELECT article_id, thread_id, other_thread_id FROM thread_changes WHERE change = 'left'")
    assert {a for a, _, _ in left} == dropped and all(t == left_from[a] for a, t, _ in left)
    assert not {r[0] for r in rows(db, "SELECT article_id FROM thread_articles")} & dropped
    assert rows(
        db,
        "SELECT count(*) FROM threads t WHERE articles <> (SELECT count(*) FROM thread_articles ta"
        " WHERE ta.thread_id = t.thread_id) AND status <> 'merged'",
    ) == [(0,)]
    # Relevant again (the threshold back): each rejoins a thread, exactly once.
    ingest(config, seeds)
    threaded = rows(db, "SELECT article_id, count(*) FROM thread_articles GROUP BY 1")
    assert {a for a, _ in threaded} >= dropped and all(n == 1 for _, n in threaded)


def test_a_failing_thread_step_is_recorded_changes_nothing_and_is_retried(
    copy: tuple[Path, Path, Config], tmp_path: Path
) -> None:
    db, seeds, config = copy
    kursk = thread_of(db)[KURSK[0].key]
    good_state = rows(db, f"SELECT CAST(state AS VARCHAR) FROM threads WHERE thread_id = '{kursk}'")[0][0]
    with duckdb.connect(str(db)) as con:  # a thread state the assigner cannot read
        con.execute("UPDATE threads SET state = '{\"unreadable\": true}' WHERE thread_id = ?", [kursk])
    broken = snapshot(db)
    # A stricter threshold too: the articles that leave their thread are written first in the step's
    # transaction, and must be rolled back with the rest.
    low = rows(db, "SELECT min(relevance) FROM article_days WHERE relevant")[0][0]
    strict = config_for(tmp_path, db, "strict", f"[topic]\nmin_relevance = {low + 0.001}\n")
    write_seeds(seeds, [*(s for run in RUNS for s in run), KURSK_LATE])

    summary = ingest(strict, seeds)
    assert summary.articles_new == 1 and any(e.startswith("threads: KeyError") for e in summary.errors)
    errors, message = rows(db, f"SELECT errors, message FROM runs WHERE run_id = '{summary.run_id}'")[0]
    assert errors >= 1 and "threads: KeyError" in message
    assert snapshot(db) == broken  # nothing written: not the new article, not the 'left' rows

    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE threads SET state = ? WHERE thread_id = ?", [good_state, kursk])
    ingest(config, seeds)  # the next run picks the unthreaded article up
    assert thread_of(db)[KURSK_LATE.key] == kursk


def test_a_staged_runs_articles_are_threaded_by_the_next_run(copy: tuple[Path, Path, Config]) -> None:
    from flows.pipeline import ingest_run

    db, seeds, config = copy
    write_seeds(seeds, [*(s for run in RUNS for s in run), KURSK_LATE])
    impatient = dataclasses.replace(config, warehouse=dataclasses.replace(config.warehouse, lock_wait_s=0))
    with held_open(db):
        staged = ingest_run(impatient, offline=True, seeds_dir=str(seeds))
    assert staged.status == "staged"
    after = ingest(config, seeds)  # loads the staged batch, then threads it
    assert after.staged_loaded == [staged.run_id]
    late = rows(
        db,
        "SELECT ta.run_id FROM thread_articles ta JOIN articles a USING (article_id)"
        f" WHERE a.url LIKE '%{KURSK_LATE.key}.txt'",
    )
    assert late == [(after.run_id,)]


def test_threads_disabled_assigns_nothing(tmp_path: Path) -> None:
    db, seeds = tmp_path / "w.duckdb", write_seeds(tmp_path / "seeds", RUNS[0])
    ingest(config_for(tmp_path, db, more="[threads]\nenabled = false\n"), seeds)
    assert rows(db, "SELECT count(*) FROM thread_articles") == [(0,)]
    assert rows(db, "SELECT count(*) FROM article_days WHERE relevant")[0][0] == 3


def test_threads_config_covers_the_assigners_settings_and_names_unknown_keys(tmp_path: Path) -> None:
    from dataclasses import fields

    from extractors.threads import ThreadSettings

    assert {f.name for f in fields(ThreadsConfig)} == {f.name for f in fields(ThreadSettings)} | {"enabled"}
    assert ThreadsConfig().settings() == ThreadSettings()  # the defaults are the assigner's
    path = quiet_config(tmp_path, "bad", "[threads]\njoin_treshold = 0.5\n")
    with pytest.raises(ConfigError, match=r"unknown key 'threads\.join_treshold'"):
        load_config(path)
    tuned = load_config(quiet_config(tmp_path, "tuned", "[threads]\njoin_threshold = 0.5\n"))
    assert tuned.threads.settings().join_threshold == 0.5
    assert tuned.threads.settings().version != ThreadSettings().version


# --- the command line ------------------------------------------------------------------------------


def test_threads_commands_in_a_process(copy: tuple[Path, Path, Config]) -> None:
    db, _, _ = copy
    folder = db.parent
    listed = storywatch("threads", "--db", str(db), "--all", "--format", "json", cwd=folder)
    assert listed.returncode == 0, listed.stderr
    threads = json.loads(listed.stdout)
    assert {t["thread_id"] for t in threads} == {r[0] for r in rows(db, "SELECT thread_id FROM threads")}
    assert [t["last_seen"] for t in threads] == sorted((t["last_seen"] for t in threads), reverse=True)
    kursk = thread_of(db)[KURSK[0].key]
    shown = storywatch("threads", "show", kursk, "--db", str(db), cwd=folder)
    assert shown.returncode == 0, shown.stderr
    assert all(s.title[:30] in shown.stdout for s in KURSK) and "opened" in shown.stdout
    before = snapshot(db)
    rebuilt = storywatch("threads", "rebuild", "--db", str(db), cwd=folder)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "8 articles in 3 batches" in rebuilt.stdout and snapshot(db) == before


def test_threads_list_filters_and_formats(built: tuple[Path, Path], cli: CliInvoke) -> None:
    db, _ = built
    active = json.loads(cli("threads", "--db", str(db), "--format", "json").stdout)
    assert active and {t["status"] for t in active} == {"active"}
    dormant = json.loads(cli("threads", "list", "--db", str(db), "--status", "dormant", "-f", "json").stdout)
    assert {t["status"] for t in dormant} == {"dormant"}
    everything = rows(db, "SELECT count(*) FROM threads")[0][0]
    assert len(json.loads(cli("threads", "--db", str(db), "--all", "-f", "json").stdout)) == everything
    assert len(json.loads(cli("threads", "--db", str(db), "--all", "-n", "1", "-f", "json").stdout)) == 1
    csv = cli("threads", "--db", str(db), "--all", "-f", "csv").stdout.splitlines()
    assert csv[0].startswith("thread_id,label,status") and len(csv) == everything + 1
    table = cli("threads", "--db", str(db), "--all")
    assert table.exit_code == 0 and f"{everything} threads" in table.stdout
    detail = json.loads(cli("threads", "show", thread_of(db)[TREATY[0].key], "--db", str(db), "-f", "json").stdout)
    assert detail["thread"]["articles"] == 3 and len(detail["articles"]) == 3
    assert set(detail) == {"thread", "days", "outlets", "articles", "changes"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["threads", "show", "th-nope"], "no thread 'th-nope'"),
        (["threads", "--status", "open"], "unknown --status 'open'"),
        (["threads", "--format", "xml"], "unknown --format 'xml'"),
        (["threads", "--limit", "-1"], "--limit must be 0 (all) or more"),
    ],
)
def test_threads_command_errors_name_the_problem(
    built: tuple[Path, Path], cli: CliInvoke, args: list[str], message: str
) -> None:
    db, _ = built
    result = cli(*args, "--db", str(db))
    assert result.exit_code == 2 and message in result.stderr


def test_rebuild_of_a_missing_warehouse_is_refused(tmp_path: Path, cli: CliInvoke) -> None:
    result = cli("threads", "rebuild", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 2 and "does not exist yet" in result.stderr
    assert not (tmp_path / "none.duckdb").exists()


def test_developments_fixture_is_what_the_runs_hold() -> None:
    # Guards the corpus: every development's articles are in the runs, the late one and the bakery aside.
    held = {s.key for run in RUNS for s in run}
    assert held == {s.key for texts in DEVELOPMENTS.values() for s in texts} | {OFF_TOPIC.key}


def test_a_warehouse_from_before_threads_lists_none(tmp_path: Path, cli: CliInvoke) -> None:
    from warehouse.db import migrate, open_connection

    db = tmp_path / "old.duckdb"
    con = open_connection(db)
    try:
        migrate(con, db, target=10)  # the release before threads; read-only commands do not migrate
    finally:
        con.close()
    listed = cli("threads", "--db", str(db), "--all", "-f", "json")
    assert listed.exit_code == 0 and json.loads(listed.stdout) == []
    shown = cli("threads", "show", "th-0", "--db", str(db))
    assert shown.exit_code == 2 and "no thread 'th-0'" in shown.stderr
    failures = cli("threads", "failures", "--db", str(db), "-f", "json")
    assert failures.exit_code == 0 and json.loads(failures.stdout) == []
    assert "could not be threaded" not in cli("threads", "--db", str(db)).stdout
