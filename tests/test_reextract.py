"""Re-extraction: stored articles extracted again from their kept text, under today's settings."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from bench.corpus import BenchDoc, generated_docs, write_seeds_dir
from tests.helpers import fingerprint
from tests.test_parallel import REPO, write_config


@pytest.fixture(scope="module")
def seeds_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = generated_docs(12, seed=11)
    docs.append(BenchDoc("seed-copy", "seed", "seed", None, (REPO / "seeds" / "000_55ac9cc17b546c97.txt").read_text()))
    return write_seeds_dir(docs, tmp_path_factory.mktemp("seeds"))


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchall()[0][0] for t in ("articles", "events", "runs")}
    finally:
        con.close()


def test_a_lowered_threshold_takes_effect_on_stored_articles(
    prefect_harness: None, tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows import reextract as reextract_flow
    from flows.pipeline import ingest
    from flows.reextract import reextract

    monkeypatch.setattr(reextract_flow, "REEXTRACT_BATCH", 5)  # 13 articles: three batches, three transactions

    strict = write_config(tmp_path, "strict", "[topic]\nmin_relevance = 0.9\n")
    loose = write_config(tmp_path, "loose")
    db, reference = tmp_path / "w.duckdb", tmp_path / "reference.duckdb"
    ingest(config_path=str(strict), db=str(db), offline=True, seeds_dir=str(seeds_dir))
    ingest(config_path=str(loose), db=str(reference), offline=True, seeds_dir=str(seeds_dir))
    before = counts(db)
    assert before["events"] < counts(reference)["events"]  # the strict threshold kept events out

    # A plain run changes nothing: the texts are unchanged.
    again = ingest(config_path=str(loose), db=str(db), offline=True, seeds_dir=str(seeds_dir))
    assert again.documents_extracted == 0 and counts(db)["events"] == before["events"]

    summary = reextract(config_path=str(loose), db=str(db))
    assert summary.status == "completed" and summary.documents_extracted == before["articles"] == 13
    assert fingerprint(db) == fingerprint(reference)  # as if extracted under the new settings from the start
    assert counts(db)["runs"] == before["runs"] + 2

    # Twice is the same as once (stable ids, derived rows replaced, not added).
    reextract(config_path=str(loose), db=str(db))
    assert fingerprint(db) == fingerprint(reference)

    # --since: nothing fetched after that date, nothing extracted.
    assert reextract(config_path=str(loose), db=str(db), since="2999-01-01").documents_extracted == 0


def test_articles_without_kept_text_are_left_alone(prefect_harness: None, tmp_path: Path, seeds_dir: Path) -> None:
    from flows.pipeline import ingest
    from flows.reextract import reextract

    config = write_config(tmp_path, "notext", "[warehouse]\nkeep_text = false\n")
    db = tmp_path / "notext.duckdb"
    ingest(config_path=str(config), db=str(db), offline=True, seeds_dir=str(seeds_dir))
    stored = fingerprint(db)
    summary = reextract(config_path=str(config), db=str(db))
    assert summary.documents_extracted == 0 and summary.articles_seen == 13
    assert any("keep_text" in e for e in summary.errors)
    assert fingerprint(db) == stored
