"""Things, places and events acted on (since extractor 17): an act done to something with nobody coded on
the other side keeps the target's words as recipient_text, with no recipient id ("shelled the power plant",
"rejected the referendum"), as PLOVER codes such targets. The pair views, the first_seen triples and the
news scorer read ids only, so they are unchanged; an actor recipient is chosen as before. Every sentence
here was written for this file, in the way news writes."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from spacy.language import Language

from bench.plover import GoldRecord
from extractors.extract import extract_text
from flows.pipeline import catalogue_rows
from flows.report import render_report
from tests.event_lines import Targeted, events_with_targets
from tests.helpers import Story
from warehouse.db import connect
from warehouse.load import RunBatch, load_batch
from warehouse.report import read_report_data
from warehouse.rows import add_story_records

PUBLISHED = date(2024, 11, 8)


def found(nlp: Language, text: str) -> set[Targeted]:
    return events_with_targets(nlp, text, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # what is struck or raided
        (
            "Russian artillery shelled the power plant outside the city overnight.",
            ("ASSAULT", "RUS", None, "power plant"),
        ),
        ("Israeli police raided the mosque compound at dawn.", ("ASSAULT", "ISR", None, "mosque compound")),
        # what is rejected, condemned or protested, an event with what it is of
        ("Moscow rejected the referendum as a sham.", ("REJECT", "RUS", None, "referendum")),
        (
            "Beijing denounced the shelling of a hospital in the south.",
            ("DISAPPROVE", "CHN", None, "shelling of a hospital"),
        ),
        ("Seoul protested the construction of the dam.", ("DISAPPROVE", "KOR", None, "construction of the dam")),
        # the object of the act a threat announces
        ("North Korea threatened to shell the loudspeakers on the border.", ("THREATEN", "PRK", None, "loudspeakers")),
        # a show of force at home: the place, by its name
        ("Vietnamese border guards stayed on high alert in Lang Son.", ("MOBILIZE", "VNM", None, "Lang Son")),
        ("Thai soldiers stayed on alert in the border district.", ("MOBILIZE", "THA", None, "border district")),
    ],
)
def test_thing_and_place_targets_kept_by_their_words(nlp: Language, text: str, wanted: Targeted) -> None:
    assert wanted in found(nlp, text)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # a thing of a coded state, or a place the gazetteer puts in one: that state, as before
        ("Russian forces shelled the port of Odesa overnight.", ("ASSAULT", "RUS", "UKR", "Odesa")),
        ("Russian drones hit Ukraine's power grid on Sunday.", ("ASSAULT", "RUS", "UKR", "Ukraine's power grid")),
        ("Ukrainian drones struck a Russian airbase in Crimea.", ("ASSAULT", "UKR", "RUS", "Russian airbase")),
        # an actor named in what is condemned
        ("China condemned the sanctions imposed by Washington.", ("DISAPPROVE", "CHN", "USA", "Washington")),
    ],
)
def test_coded_recipients_unchanged(nlp: Language, text: str, wanted: Targeted) -> None:
    assert wanted in found(nlp, text)


@pytest.mark.parametrize(
    ("text", "kind", "actor"),
    [
        ("Pyongyang mobilised its army on Friday.", "MOBILIZE", "PRK"),  # the actor's own forces
        ("Iran imposed sanctions on Monday.", "SANCTION", "IRN"),  # the act named again; a day is no target
        ("The Sudanese government lifted the state of emergency on Monday.", "CONCEDE", "SDN"),  # content
    ],
)
def test_no_target_words_for_the_acts_own_content(nlp: Language, text: str, kind: str, actor: str) -> None:
    events = [e for e in extract_text(nlp, text, PUBLISHED).events if e.event_type == kind and e.actor_id == actor]
    assert events
    assert all(e.recipient_id is None and e.recipient_text is None for e in events)


def test_emergency_rule_is_aimed_at_its_own_state_not_at_what_it_declares(nlp: Language) -> None:
    # Since extractor 36 (lane roles50) emergency rule with no one else named is X -> X, as the news coders code
    # curfews and prohibitory orders; what it declares is still no target.
    text = "Kenya's government declared a state of emergency in the north on Monday."
    events = [e for e in extract_text(nlp, text, PUBLISHED).events if e.event_type == "COERCE" and e.actor_id == "KEN"]
    assert events
    assert all(e.recipient_id == "KEN" and "emergency" not in (e.recipient_text or "") for e in events)


def test_a_thing_target_still_counts_as_no_recipient_where_none_is_coded(nlp: Language) -> None:
    """bench.plover: a record with no target wants no recipient id; the words of a thing do not change that,
    and they match a marked target span."""
    (event,) = extract_text(nlp, "Moscow rejected the referendum as a sham.", PUBLISHED).events
    source, kinds = frozenset({"Moscow"}), frozenset({"REJECT"})
    none = GoldRecord("r1", event.sentence, kinds, source, frozenset(), by_span=True)
    marked = GoldRecord("r2", event.sentence, kinds, source, frozenset({"the referendum"}), by_span=True)
    assert none.recipient_matches(event) and marked.recipient_matches(event)


def test_a_thing_target_through_the_warehouse(nlp: Language, tmp_path: Path) -> None:
    """Loaded by the warehouse's own loader: event_timeline shows the words, first_seen keys the triple with
    '-' as for no recipient, pair_daily has no pair, and the report's timeline names the target."""
    text = "Russian artillery shelled the power plant outside the city overnight."
    extraction = extract_text(nlp, text, PUBLISHED)
    run_id = "targets-run"
    now = datetime(2024, 11, 9, 6, 0)
    batch = RunBatch(
        run={"run_id": run_id, "started_at": now, "finished_at": now, "status": "completed"},
        settings={"min_relevance": "0.35"},
    )
    batch.entities = catalogue_rows()
    batch.sources = [{"source_id": "feed-good", "kind": "feed", "name": "Good Feed", "url": "https://good.example/rss"}]
    story = Story("a1", PUBLISHED, ("RUS",), "Plant shelled", "https://news.example/a1")
    batch.articles.append(story.article_row(run_id))
    add_story_records(batch, "a1", extraction, run_id)
    path = tmp_path / "w.duckdb"
    with connect(path) as con:
        load_batch(con, batch)
        timeline = con.execute(
            "SELECT event_type, actor_id, recipient_id, recipient_text FROM event_timeline WHERE event_type = 'ASSAULT'"
        ).fetchall()
        triples = {k for (k,) in con.execute("SELECT key FROM first_seen WHERE kind = 'triple'").fetchall()}
        pairs = con.execute("SELECT count(*) FROM pair_daily").fetchone()
    assert timeline == [("ASSAULT", "RUS", None, "power plant")]
    assert "RUS ASSAULT -" in triples
    assert pairs == (0,)
    page = render_report(read_report_data(path, since=PUBLISHED - timedelta(days=1)))
    assert '→ <span class="muted"' in page and "power plant</span>" in page
