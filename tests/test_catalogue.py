"""The entity catalogue is written when the gazetteer changed since the last completed run, not by
every run that extracts (22,677 rows rewritten per run were a fixed cost of every run)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from flows.config import load_config
from flows.pipeline import run_ingest
from tests.helpers import quiet_config

TEXTS = (
    "Kim Jong Un met Vladimir Putin in Vladivostok, and Moscow promised Pyongyang help with satellites.",
    "China's foreign ministry said it was not aware of any arms deals between Russia and North Korea.",
    "North Korean troops deployed to the Kursk region to support Russian forces, Seoul said.",
)


def seeds_with(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    manifest = []
    for i, text in enumerate(TEXTS[:count]):
        (folder / f"t{i}.txt").write_text(text, encoding="utf-8")
        manifest.append(f'[[seed]]\nfile = "t{i}.txt"\ntitle = "T{i}"\npublished = "2025-03-0{i + 1}"\n')
    (folder / "manifest.toml").write_text("\n".join(manifest), encoding="utf-8")
    return folder


def test_catalogue_written_only_when_the_gazetteer_changed(tmp_path: Path) -> None:
    config = str(quiet_config(tmp_path, "storywatch", "[nlp]\nn_process = 1\n"))
    db = tmp_path / "w.duckdb"

    def ingest(count: int) -> None:
        seeds = seeds_with(tmp_path / "s", count)
        summary = run_ingest(load_config(config, db=str(db)), offline=True, seeds_dir=str(seeds))
        assert summary.status == "completed" and summary.documents_extracted == 1

    def entity_ids() -> set[str]:
        with duckdb.connect(str(db)) as con:
            return {row[0] for row in con.execute("SELECT entity_id FROM entities").fetchall()}

    ingest(1)
    catalogue = entity_ids()
    assert {"PRK", "RUS", "CHN"} <= catalogue and len(catalogue) > 1000
    with duckdb.connect(str(db)) as con:
        con.execute("DELETE FROM entities WHERE entity_id = 'CHN'")  # a mark: is the catalogue written again?

    ingest(2)  # a new text, the same gazetteer: its rows load, the catalogue is not rewritten
    assert entity_ids() == catalogue - {"CHN"}

    with duckdb.connect(str(db)) as con:  # as if the last run had another gazetteer
        con.execute("UPDATE runs SET versions = json_object('gazetteer', 'older')")
    ingest(3)
    assert entity_ids() == catalogue
