"""Re-extraction: stored articles extracted again from their kept text, under today's settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import counts, fingerprint, generated_seeds_dir, quiet_config


@pytest.fixture(scope="module")
def seeds_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generated_seeds_dir(tmp_path_factory.mktemp("seeds"), 12, seed=11)


def test_a_lowered_threshold_takes_effect_on_stored_articles(
    prefect_harness: None, tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows import reextract as reextract_flow
    from flows.pipeline import ingest
    from flows.reextract import reextract

    monkeypatch.setattr(reextract_flow, "REEXTRACT_BATCH", 5)  # 13 articles: three batches, three transactions

    # Under another story's topic no text keeps its events. (A high threshold on this topic was used
    # before: the generated corpus is drawn from the gazetteer's names, and when the people gazetteer
    # grew every text scored as fully on-topic, so the threshold kept nothing out.)
    strict = quiet_config(
        tmp_path, "strict", '[topic]\nactors = ["BRA"]\nkeywords = ["Amazon basin"]\nmin_relevance = 0.99\n'
    )
    loose = quiet_config(tmp_path, "loose")
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

    config = quiet_config(tmp_path, "notext", "[warehouse]\nkeep_text = false\n")
    db = tmp_path / "notext.duckdb"
    ingest(config_path=str(config), db=str(db), offline=True, seeds_dir=str(seeds_dir))
    stored = fingerprint(db)
    summary = reextract(config_path=str(config), db=str(db))
    assert summary.documents_extracted == 0 and summary.articles_seen == 13
    assert any("keep_text" in e for e in summary.errors)
    assert fingerprint(db) == stored
