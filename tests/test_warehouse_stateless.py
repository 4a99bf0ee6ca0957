"""Events whose actor is a named person or organisation coded as no state (actor_id NULL, migration
015) in a real warehouse file: a file made before the migration keeps its rows, such an event loads
(once, however often its article is loaded), event_timeline shows it by its words, and the views
that pair actors leave it out."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from spacy.language import Language

from extractors.extract import extract_text
from extractors.ids import stable_id
from extractors.records import Extraction
from tests.helpers import rows
from warehouse.db import connect, latest_schema_version, migrate, open_connection, schema_version
from warehouse.load import RunBatch, load_batch
from warehouse.rows import add_story_records, mention_rows

TEXT = (
    "North Korea sent artillery shells to Russia on Tuesday. "
    "Human rights lawyer Lena Hartmann denounced North Korea's treatment of political prisoners."
)
FETCHED = datetime(2024, 11, 8, 12, 0)


def _article(run_id: str) -> dict:
    return {
        "article_id": "a1",
        "source_id": "seed",
        "url": "seed:a1",
        "fetched_at": FETCHED,
        "published_at": FETCHED,
        "text": TEXT,
        "text_hash": "h1",
        "relevance": 0.9,
        "is_seed": True,
        "run_id": run_id,
    }


def _batch(run_id: str, extraction: Extraction) -> RunBatch:
    run = {"run_id": run_id, "started_at": FETCHED, "finished_at": FETCHED, "status": "completed", "errors": 0}
    source = {"source_id": "seed", "kind": "seed", "name": "Seed corpus", "consecutive_failures": 0}
    batch = RunBatch(run=run, sources=[source], articles=[_article(run_id)])
    batch.mentions = mention_rows("a1", extraction, run_id)
    add_story_records(batch, "a1", extraction, run_id)
    return batch


@pytest.fixture(scope="module")
def extraction(nlp: Language) -> Extraction:
    found = extract_text(nlp, TEXT, date(2024, 11, 8))
    assert {(e.event_type, e.actor_id, e.recipient_id) for e in found.events} >= {
        ("AID", "PRK", "RUS"),
        ("DISAPPROVE", None, "PRK"),
    }
    return found


def _old_warehouse(db: Path) -> None:
    """A file made by schema 14 (actor_id NOT NULL), holding one coded event."""
    con = open_connection(db)
    migrate(con, db, target=14)
    con.execute(
        "insert into articles (article_id, source_id, url, fetched_at, text, text_hash, run_id, relevance)"
        " values ('old', 'seed', 'seed:old', ?, 't', 'h0', 'r0', 0.9)",
        [FETCHED],
    )
    con.execute(
        "insert into events (event_id, article_id, event_type, actor_id, actor_text, recipient_id, sentence,"
        " start_char, end_char, run_id) values ('e0', 'old', 'CONSULT', 'CHN', 'Beijing', 'PRK', 't', 0, 1, 'r0')"
    )
    con.close()


def test_an_uncoded_actor_loads_into_a_file_made_before_the_migration(tmp_path: Path, extraction: Extraction) -> None:
    db = tmp_path / "w.duckdb"
    _old_warehouse(db)
    with connect(db) as con:
        assert schema_version(con) == latest_schema_version() >= 15
        load_batch(con, _batch("r1", extraction))
        load_batch(con, _batch("r2", extraction))  # the same article again: its rows are replaced
    assert rows(db, "select event_id, actor_id, recipient_id from events where article_id = 'old'") == [
        ("e0", "CHN", "PRK")
    ]
    stored = rows(db, "select event_type, actor_id, actor_text, recipient_id from events where article_id = 'a1'")
    assert len(stored) == len(extraction.events)
    assert ("DISAPPROVE", None, "Lena Hartmann", "PRK") in stored

    timeline = rows(db, "select event_type, actor_id, actor_text, recipient_id from event_timeline")
    assert ("DISAPPROVE", None, "Lena Hartmann", "PRK") in timeline
    pairs = rows(db, "select actor_a, actor_b, events, verbal_conflict from pair_daily where events > 0")
    assert pairs and all(a is not None and b is not None for a, b, *_ in pairs)
    # The lawyer's censure of North Korea is no conflict between two actors.
    assert all(verbal_conflict == 0 for *_, verbal_conflict in pairs)
    triples = [key for (key,) in rows(db, "select key from first_seen where kind = 'triple'")]
    assert "PRK AID RUS" in triples and all(key is not None and "DISAPPROVE" not in key for key in triples)


def test_event_ids_of_uncoded_actors_are_stable_and_apart(extraction: Extraction) -> None:
    (uncoded,) = [e for e in extraction.events if e.actor_id is None]
    other = replace(uncoded, actor_text="Tomas Verhoeven")
    batches = []
    for events in ((uncoded,), (uncoded,), (other,)):
        batch = RunBatch(run={})
        add_story_records(batch, "a1", replace(extraction, events=events), "r1")
        batches.append(batch.events[0]["event_id"])
    assert batches[0] == batches[1] != batches[2]
    # A coded event keeps the id it always had.
    coded = next(e for e in extraction.events if e.actor_id == "PRK")
    batch = RunBatch(run={})
    add_story_records(batch, "a1", replace(extraction, events=(coded,)), "r1")
    expected = stable_id("event", "a1", str(coded.start), coded.event_type, "PRK", coded.recipient_id or "", "0")
    assert batch.events[0]["event_id"] == expected
