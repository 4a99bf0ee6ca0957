"""One article the assigner raises on never stops threading: through real runs its batch is split until
it stands alone, the others are threaded, it is recorded in thread_failures (error, version, batch),
later runs leave it be until the threading version changes, and a rebuild gives the same tables;
`storywatch threads` counts it and `storywatch threads failures` lists it.

The fault is injected into the pure algorithm only (extractors.threads.article_terms raises for one
title); the warehouse, the pipeline and the thread step are the real ones."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import extractors.threads as algorithm
from extractors.threads import ArticleFeatures, ThreadSettings
from tests.helpers import CliInvoke, rows
from tests.test_threads import RUNS, config_for, ingest, snapshot, thread_of
from tests.thread_seeds import TREATY, write_seeds

POISONED = TREATY[2]  # arrives in the second run, with three other articles


def poison(monkeypatch: pytest.MonkeyPatch) -> None:
    """article_terms raises for POISONED's title, as a bug tripped by one article's text would."""
    original = algorithm.article_terms

    def fragile(article: ArticleFeatures, settings: ThreadSettings) -> dict[str, float]:
        if article.title == POISONED.title:
            raise ValueError("a lead it cannot read")
        return original(article, settings)

    monkeypatch.setattr(algorithm, "article_terms", fragile)


def failures(db: Path) -> list[tuple[Any, ...]]:
    return rows(
        db,
        "SELECT a.url, f.run_id, f.error, f.version, f.failed_at <= now()::TIMESTAMP"
        " FROM thread_failures f JOIN articles a USING (article_id) ORDER BY a.url",
    )


def full_snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    return snapshot(db) | {
        "thread_failures": rows(db, "SELECT * EXCLUDE (failed_at) FROM thread_failures ORDER BY article_id")
    }


def test_one_failing_article_is_isolated_recorded_left_until_a_new_version_and_rebuilt_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.threads import rebuild_threads

    db, seeds = tmp_path / "w.duckdb", tmp_path / "seeds"
    config = config_for(tmp_path, db)
    version = config.threads.settings().version
    poison(monkeypatch)
    summaries = []
    texts: list[Any] = []
    for run in RUNS:
        texts += run
        write_seeds(seeds, texts)
        summaries.append(ingest(config, seeds))

    # The second run's other articles are threaded; the poisoned one alone is not, and is recorded.
    threads = thread_of(db)
    relevant = rows(db, "SELECT count(*) FROM article_days WHERE relevant")[0][0]
    assert POISONED.key not in threads and len(threads) == relevant - 1 == 7
    assert {threads[s.key] for s in TREATY[:2]} == {threads[TREATY[0].key]}  # the treaty thread goes on
    second = summaries[1].run_id
    assert failures(db) == [(f"seed:{POISONED.key}.txt", second, "ValueError: a lead it cannot read", version, True)]
    assert all(s.status == "completed" for s in summaries)
    assert rows(db, f"SELECT errors FROM runs WHERE run_id = '{second}'") == [(0,)]

    # A later run under the same version leaves it be (and everything else as it was).
    before = full_snapshot(db)
    ingest(config, seeds)
    assert full_snapshot(db) == before

    # A rebuild replays the failure in its batch: the same tables, failure included.
    _, outcome = rebuild_threads(config)
    assert outcome.placed == 7 and len(outcome.failed) == 1
    assert full_snapshot(db) == before

    # The bug fixed, the same version: still waiting (retries follow a new threading version only).
    monkeypatch.undo()
    ingest(config, seeds)
    assert full_snapshot(db) == before

    # A new version (other settings) retries it: it joins its development, its failure is gone.
    retuned = config_for(tmp_path, db, "retuned", "[threads]\njoin_threshold = 0.21\n")
    assert retuned.threads.settings().version != version
    ingest(retuned, seeds)
    threads = thread_of(db)
    assert threads[POISONED.key] == threads[TREATY[0].key]
    assert failures(db) == []


def test_bisection_places_every_other_article_of_a_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The step's isolation over an in-memory target (as a rebuild uses): one raising article of a
    chunk of many, the rest placed in order, the failure recorded once."""
    from flows import threads as thread_flow

    poison(monkeypatch)
    settings = ThreadSettings()
    batch = [
        ArticleFeatures(
            article_id=f"a{n:02d}",
            seen_at=datetime(2024, 6, 19, n),
            outlet=f"o{n % 3}",
            cluster_id=f"a{n:02d}",
            title=POISONED.title if n == 5 else f"{TREATY[n % 2].title} {n}",
            lead=TREATY[n % 2].text,
        )
        for n in range(12)
    ]
    target = thread_flow.ReplayedThreads()
    outcome = thread_flow.ThreadsOutcome()
    thread_flow.assign_batch(target, batch, settings, "run-1", outcome)
    assert sorted(target.placements) == [a.article_id for a in batch if a.article_id != "a05"]
    assert list(target.failures) == ["a05"] and outcome.failed == ["a05: ValueError: a lead it cannot read"]
    assert target.failures["a05"]["run_id"] == "run-1" and target.failures["a05"]["version"] == settings.version


def test_threads_commands_show_the_failures_until_a_new_version_threads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: CliInvoke
) -> None:
    import json

    db, seeds = tmp_path / "w.duckdb", tmp_path / "seeds"
    config = config_for(tmp_path, db)
    version = config.threads.settings().version
    poison(monkeypatch)
    texts: list[Any] = []
    for run in RUNS:
        texts += run
        write_seeds(seeds, texts)
        ingest(config, seeds)
    stored = rows(db, "SELECT article_id, run_id FROM thread_failures")
    assert len(stored) == 1
    article_id, run_id = stored[0]

    listing = cli("threads", "--db", str(db), "--all")
    assert listing.exit_code == 0, listing.stderr
    assert "1 relevant article could not be threaded: `threads failures` lists them" in listing.stdout
    # The machine-readable listing stays the threads alone.
    threads = json.loads(cli("threads", "--db", str(db), "--all", "-f", "json").stdout)
    assert len(threads) == rows(db, "SELECT count(*) FROM threads")[0][0]

    listed = json.loads(cli("threads", "failures", "--db", str(db), "-f", "json").stdout)
    assert [(f["article_id"], f["title"], f["error"], f["version"], f["run_id"]) for f in listed] == [
        (article_id, POISONED.title, "ValueError: a lead it cannot read", version, run_id)
    ]
    table = cli("threads", "failures", "--db", str(db))
    assert table.exit_code == 0, table.stderr
    for shown in (article_id, POISONED.title[:40], "ValueError: a lead it cannot", version):
        assert shown in table.stdout
    assert "1 article without a thread" in table.stdout
    bad = cli("threads", "failures", "--db", str(db), "--limit", "-1")
    assert bad.exit_code == 2 and "--limit must be 0 (all) or more" in bad.stderr

    # Fixed and retuned: the article is threaded, and neither command shows a failure any more.
    monkeypatch.undo()
    ingest(config_for(tmp_path, db, "retuned", "[threads]\njoin_threshold = 0.21\n"), seeds)
    assert "could not be threaded" not in cli("threads", "--db", str(db), "--all").stdout
    assert json.loads(cli("threads", "failures", "--db", str(db), "-f", "json").stdout) == []
    assert "0 articles without a thread" in cli("threads", "failures", "--db", str(db)).stdout
