"""Thread assignment (extractors/threads.py) on articles written for it (fixtures/threads/): joins,
separations, dormancy, revival, merges, determinism and the persisted state."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from extractors.threads import (
    ArticleFeatures,
    Threading,
    ThreadSettings,
    ThreadState,
    assign,
    candidate_window,
    thread_id_for,
)
from extractors.threads.text import words

DAY0 = datetime(2024, 6, 19, 8, 0)
SETTINGS = ThreadSettings()
# Articles written for these tests (one JSON object a line): `day` is days after DAY0; actors are
# the story's own (PRK, RUS) unless given.
ARTICLES_FILE = Path(__file__).resolve().parent / "fixtures" / "threads" / "articles.jsonl"
LINKED = ("actors", "entities", "places", "event_types", "triples")


def load_articles() -> dict[str, ArticleFeatures]:
    articles = {}
    for line in ARTICLES_FILE.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        articles[record["id"]] = article(
            record["id"],
            record["day"],
            record["title"],
            record["lead"],
            **{name: tuple(record[name]) for name in LINKED if name in record},
        )
    return articles


def article(article_id: str, day: float, title: str, lead: str = "", **linked: tuple[str, ...]) -> ArticleFeatures:
    return ArticleFeatures(
        article_id=article_id,
        seen_at=DAY0 + timedelta(days=day),
        outlet=f"outlet-{article_id}.example",
        cluster_id=f"cl-{article_id}",
        title=title,
        lead=lead,
        **{"actors": ("PRK", "RUS"), **linked},
    )


A = load_articles()
TREATY_SIGNED = [A["sign-1"], A["sign-2"]]  # one development, two outlets
MISSILE_LAUNCH = [A["missile-1"], A["missile-2"]]  # another development the next day
TREATY_THIRD_OUTLET = A["sign-3"]
TROOPS_KURSK = A["kursk-1"]  # three weeks later


def placements_by_article(result: Threading) -> dict[str, str]:
    return {p.article_id: result.current(p.thread_id) for p in result.placements}


def run_batches(
    batches: list[list[ArticleFeatures]], *, via_json: bool
) -> tuple[dict[str, str], dict[str, ThreadState]]:
    """Assign batch after batch as the store does: candidates from the window, clock from the
    articles threaded so far; optionally through to_json/from_json between batches."""
    states: dict[str, ThreadState] = {}
    placed: dict[str, str] = {}
    clock: datetime | None = None
    for batch in batches:
        since, until = candidate_window(batch, SETTINGS)
        candidates = [
            ThreadState.from_json(s.thread_id, s.to_json()) if via_json else s
            for s in sorted(states.values(), key=lambda s: s.thread_id)
            if s.status == "active" or (s.status == "dormant" and s.last_seen >= since and s.first_seen <= until)
        ]
        result = assign(batch, candidates, SETTINGS, clock=clock)
        for state in result.threads:
            states[state.thread_id] = state
        for p in result.placements:
            placed[p.article_id] = p.thread_id
        # Merges re-point earlier articles too (store does this in thread_articles).
        for article_id, thread_id in placed.items():
            while states[thread_id].merged_into:
                thread_id = states[thread_id].merged_into  # type: ignore[assignment]
            placed[article_id] = thread_id
        clock = max([a.seen_at for a in batch] + ([clock] if clock else []))
    return placed, states


def test_words_stem_inflections_and_drop_stop_words() -> None:
    assert words("Putin and Kim signed the treaty") == words("Putin, Kim sign treaty")
    assert "ratify" in words("Russia ratifies the pact") and "ratify" in words("Russia ratified the pact")
    assert "the" not in words("the troops")


def test_same_development_in_different_words_joins_one_thread() -> None:
    result = assign([*TREATY_SIGNED, TREATY_THIRD_OUTLET], [], SETTINGS, clock=None)
    threads = placements_by_article(result)
    assert threads["sign-1"] == threads["sign-2"] == threads["sign-3"] == thread_id_for("sign-1")
    joined = [p for p in result.placements if p.score is not None]
    assert len(joined) == 2 and all(p.score >= SETTINGS.join_threshold for p in joined)
    [opened] = [c for c in result.changes if c.change == "opened"]
    assert opened.article_id == "sign-1" and opened.changed_at == TREATY_SIGNED[0].seen_at


def test_two_developments_of_the_same_week_stay_apart() -> None:
    result = assign([*TREATY_SIGNED, *MISSILE_LAUNCH], [], SETTINGS, clock=None)
    threads = placements_by_article(result)
    assert threads["sign-1"] == threads["sign-2"]
    assert threads["missile-1"] == threads["missile-2"]
    assert threads["sign-1"] != threads["missile-1"]
    assert {t.label for t in result.threads} <= {a.title for a in [*TREATY_SIGNED, *MISSILE_LAUNCH]}


def test_a_new_development_three_weeks_later_opens_a_new_thread_and_the_old_goes_dormant() -> None:
    first = assign(TREATY_SIGNED, [], SETTINGS, clock=None)
    later = assign([TROOPS_KURSK], first.threads, SETTINGS, clock=TREATY_SIGNED[-1].seen_at)
    [placement] = later.placements
    assert placement.score is None and placement.thread_id == thread_id_for("kursk-1")
    old = next(t for t in later.threads if t.thread_id == thread_id_for("sign-1"))
    assert old.status == "dormant"
    [dormant] = [c for c in later.changes if c.change == "dormant"]
    assert dormant.changed_at == old.last_seen + timedelta(days=SETTINGS.dormant_after_days)
    assert dormant.article_id is None


def test_a_dormant_thread_is_revived_by_a_close_match() -> None:
    first = assign(TREATY_SIGNED, [], SETTINGS, clock=None)
    echo = A["sign-late"]
    # A week of other news moves the story clock on: the treaty thread goes dormant.
    quiet = assign(
        [A["other"]],
        first.threads,
        SETTINGS,
        clock=TREATY_SIGNED[-1].seen_at,
    )
    treaty = next(t for t in quiet.threads if t.thread_id == thread_id_for("sign-1"))
    assert treaty.status == "dormant"
    revived = assign([echo], quiet.threads, SETTINGS, clock=DAY0 + timedelta(days=7.5))
    [placement] = revived.placements
    assert placement.thread_id == thread_id_for("sign-1") and placement.score is not None
    assert placement.score >= SETTINGS.revive_threshold
    assert [c.change for c in revived.changes if c.thread_id == thread_id_for("sign-1")] == ["revived"]
    assert next(t for t in revived.threads if t.thread_id == thread_id_for("sign-1")).status == "active"


def test_a_late_article_meets_the_join_threshold_of_a_thread_active_at_its_date() -> None:
    """Dormancy as seen from the article's own date: the story clock has moved on (the treaty thread
    is dormant), but an article dated within dormant_after_days of the thread's last one joins at
    the join threshold (revival is made unreachable here); one dated later needs the revive
    threshold. Joining late does not revive a thread the clock still finds quiet."""
    strict_revival = replace(SETTINGS, revive_threshold=0.99)
    first = assign(TREATY_SIGNED, [], strict_revival, clock=None)
    moved_on = assign([A["kursk-1"]], first.threads, strict_revival, clock=TREATY_SIGNED[-1].seen_at)
    treaty_id = thread_id_for("sign-1")
    states = {t.thread_id: t for t in moved_on.threads}
    assert states[treaty_id].status == "dormant"
    clock = A["kursk-1"].seen_at

    late = replace(A["sign-3"], seen_at=TREATY_SIGNED[-1].seen_at + timedelta(days=2))
    joined = assign([late], list(states.values()), strict_revival, clock=clock)
    [placement] = joined.placements
    assert placement.thread_id == treaty_id
    assert placement.score is not None and SETTINGS.join_threshold <= placement.score < 0.99
    assert [c.change for c in joined.changes] == []  # joined quietly: still dormant by the clock
    assert next(t for t in joined.threads if t.thread_id == treaty_id).status == "dormant"

    too_late = replace(late, seen_at=TREATY_SIGNED[-1].seen_at + timedelta(days=SETTINGS.dormant_after_days + 1))
    opened = assign([too_late], list(states.values()), strict_revival, clock=clock)
    assert [p.score for p in opened.placements] == [None]  # dormant by its date too: it needed 0.99


def test_an_article_bridging_two_threads_merges_the_younger_into_the_older() -> None:
    deployed, kursk, bridge = A["troops-1"], A["troops-2"], A["troops-3"]
    apart = assign([deployed, kursk], [], SETTINGS, clock=None)
    assert len({p.thread_id for p in apart.placements}) == 2, "the two reports must open two threads first"
    merged = assign([bridge], apart.threads, SETTINGS, clock=kursk.seen_at)
    older, younger = thread_id_for("troops-1"), thread_id_for("troops-2")
    [change] = [c for c in merged.changes if c.change == "merged"]
    assert (change.thread_id, change.other_thread_id, change.article_id) == (older, younger, "troops-3")
    states = {t.thread_id: t for t in merged.threads}
    assert states[younger].status == "merged" and states[younger].merged_into == older
    assert states[older].articles == 3
    assert merged.current(merged.placements[0].thread_id) == older


def test_a_merge_never_joins_threads_opened_weeks_apart() -> None:
    settings = ThreadSettings(merge_threshold=0.0, join_threshold=0.0, window_days=60)
    old = assign([TREATY_SIGNED[0]], [], settings, clock=None)
    new = assign([TROOPS_KURSK], [], settings, clock=None)
    both = assign([TREATY_SIGNED[1]], [*old.threads, *new.threads], settings, clock=TROOPS_KURSK.seen_at)
    assert not [c for c in both.changes if c.change == "merged"]


ALL = [*TREATY_SIGNED, TREATY_THIRD_OUTLET, *MISSILE_LAUNCH, TROOPS_KURSK]


def test_the_same_input_in_any_order_gives_the_same_threads() -> None:
    reference = assign(ALL, [], SETTINGS, clock=None)
    for seed in range(5):
        shuffled = list(ALL)
        random.Random(seed).shuffle(shuffled)
        again = assign(shuffled, [], SETTINGS, clock=None)
        assert again.placements == reference.placements
        assert again.changes == reference.changes
        assert [t.to_json() for t in again.threads] == [t.to_json() for t in reference.threads]


def test_assign_does_not_modify_the_states_it_is_given() -> None:
    first = assign(TREATY_SIGNED[:1], [], SETTINGS, clock=None)
    before = [t.to_json() for t in first.threads]
    assign(TREATY_SIGNED[1:], first.threads, SETTINGS, clock=TREATY_SIGNED[0].seen_at)
    assert [t.to_json() for t in first.threads] == before


def test_state_round_trips_through_json_and_restored_state_assigns_the_same() -> None:
    first = assign([*TREATY_SIGNED, *MISSILE_LAUNCH], [], SETTINGS, clock=None)
    for state in first.threads:
        restored = ThreadState.from_json(state.thread_id, state.to_json())
        assert restored == state
    batches = [[*TREATY_SIGNED, MISSILE_LAUNCH[0]], [TREATY_THIRD_OUTLET, MISSILE_LAUNCH[1]], [TROOPS_KURSK]]
    in_memory = run_batches(batches, via_json=False)
    through_json = run_batches(batches, via_json=True)
    assert in_memory[0] == through_json[0]
    assert {k: v.to_json() for k, v in in_memory[1].items()} == {k: v.to_json() for k, v in through_json[1].items()}
    assert in_memory[0]["sign-3"] == in_memory[0]["sign-1"] != in_memory[0]["missile-2"]


def test_candidate_window_covers_the_revival_reach() -> None:
    since, until = candidate_window([TROOPS_KURSK, TREATY_SIGNED[0]], SETTINGS)
    assert since == TREATY_SIGNED[0].seen_at - timedelta(days=SETTINGS.revive_window_days)
    assert until == TROOPS_KURSK.seen_at + timedelta(days=SETTINGS.window_days)
    with pytest.raises(ValueError, match="at least one article"):
        candidate_window([], SETTINGS)


def test_the_version_names_the_algorithm_and_the_settings() -> None:
    assert ThreadSettings().version == ThreadSettings().version
    assert ThreadSettings().version.startswith("threads-")
    assert ThreadSettings(join_threshold=0.4).version != ThreadSettings().version


def test_an_empty_batch_changes_nothing() -> None:
    first = assign(TREATY_SIGNED, [], SETTINGS, clock=None)
    nothing = assign([], first.threads, SETTINGS, clock=TREATY_SIGNED[-1].seen_at)
    assert (nothing.placements, nothing.threads, nothing.changes) == ([], [], [])


def test_bad_input_is_an_error_naming_the_article_or_thread() -> None:
    with pytest.raises(ValueError, match="sign-1 is twice"):
        assign([TREATY_SIGNED[0], TREATY_SIGNED[0]], [], SETTINGS, clock=None)
    aware = replace(A["sign-1"], seen_at=datetime(2024, 6, 19, tzinfo=UTC))
    with pytest.raises(ValueError, match="sign-1: seen_at must be naive UTC"):
        assign([aware], [], SETTINGS, clock=None)
    state = assign(TREATY_SIGNED, [], SETTINGS, clock=None).threads[0]
    state.status = "closed"
    with pytest.raises(ValueError, match=f"{state.thread_id} has unknown status 'closed'"):
        assign([TROOPS_KURSK], [state], SETTINGS, clock=None)


def test_the_label_is_the_title_closest_to_the_thread() -> None:
    off_centre = A["sign-odd"]  # opens the thread: its title is the first candidate label
    result = assign([off_centre, *TREATY_SIGNED, TREATY_THIRD_OUTLET], [], SETTINGS, clock=None)
    [thread] = result.threads
    assert thread.articles == 4 and thread.thread_id == thread_id_for("sign-odd")
    assert thread.label in {a.title for a in [*TREATY_SIGNED, TREATY_THIRD_OUTLET]}


def test_an_active_thread_long_out_of_the_window_goes_dormant_at_the_next_batch() -> None:
    much_later = A["later-1"]
    placed, states = run_batches([TREATY_SIGNED, [much_later]], via_json=True)
    treaty = states[thread_id_for("sign-1")]
    assert treaty.status == "dormant" and placed["later-1"] == thread_id_for("later-1")
    since, _ = candidate_window([much_later], SETTINGS)
    assert treaty.last_seen < since, "the treaty thread is outside the window: only its status made it a candidate"


def test_words_keep_model_names_and_numbers_whole() -> None:
    assert words("KN-23 missiles") == words("KN23 missile") == ["kn23", "missil"]
    assert words("1,500 soldiers") == ["1500", "troop"]
    assert words("on June 19") == ["jun", "19"]


def test_a_thread_keeps_its_headline_words_when_a_long_lead_overflows_its_terms() -> None:
    settings = ThreadSettings(max_terms=20)
    filler = " ".join(f"zz{chr(97 + i)}{chr(97 + j)}" for i in range(6) for j in range(6))  # 36 passing words
    long_lead = article(
        "long-1", 0.0, "Zelensky: Ukraine captures two North Korean soldiers", filler, event_types=("ASSAULT",)
    )
    [state] = assign([long_lead], [], settings, clock=None).threads
    assert len(state.terms) == 20
    assert {"captur", "zelensky", "ukrain", "troop", "t:ASSAULT", "a:PRK"} <= set(state.terms)


def test_an_article_opening_a_thread_again_gets_a_new_id() -> None:
    first = assign([TREATY_SIGNED[0]], [], SETTINGS, clock=None)
    # The same article assigned again (it had left its thread) with a text that no longer matches.
    changed = replace(
        TREATY_SIGNED[0], title="Heavy rain expected", lead="", actors=(), places=(), event_types=(), triples=()
    )
    again = assign([changed], first.threads, SETTINGS, clock=TREATY_SIGNED[0].seen_at)
    [placement] = again.placements
    assert placement.score is None
    assert placement.thread_id.startswith("th-") and placement.thread_id != thread_id_for("sign-1")
    assert placement.thread_id == thread_id_for("sign-1", {thread_id_for("sign-1")})


def test_articles_without_words_or_without_links_are_scored_on_what_they_have() -> None:
    linked_only = [
        replace(A["sign-1"], article_id=f"linked-{i}", title="", lead="", seen_at=DAY0 + timedelta(hours=i))
        for i in range(2)
    ]
    words_only = [
        replace(A["missile-1"], article_id=f"words-{i}", actors=(), places=(), event_types=(), triples=())
        for i in range(2)
    ]
    non_latin = [
        article(f"ru-{i}", 0.5, "Путин и Ким подписали договор о всеобъемлющем стратегическом партнёрстве")
        for i in range(2)
    ]
    result = assign([A["sign-1"], *linked_only, *words_only, *non_latin], [], SETTINGS, clock=None)
    threads = placements_by_article(result)
    assert threads["linked-0"] == threads["linked-1"] == threads["sign-1"]
    assert threads["words-0"] == threads["words-1"] != threads["linked-0"]
    assert threads["ru-0"] == threads["ru-1"]


# Neighbour developments a day apart in nearly the same words (written for this test).
PYONGYANG_VISIT = [
    article(
        "pyongyang-1",
        0,
        "Putin arrives in Pyongyang on state visit",
        "Russian President Vladimir Putin arrived in Pyongyang for a state visit, his first to North Korea"
        " in 24 years, and was met by Kim Jong Un.",
    ),
    article(
        "pyongyang-2",
        0.2,
        "Putin lands in Pyongyang for state visit to North Korea",
        "Vladimir Putin landed in Pyongyang for a two-day state visit; Kim Jong Un greeted him at the airport.",
    ),
]
PYONGYANG_PARAPHRASE = article(
    "pyongyang-3",
    0.5,
    "Kim Jong Un greets Putin in Pyongyang",
    "Kim Jong Un greeted Vladimir Putin in Pyongyang at the start of his state visit to North Korea.",
)
VIETNAM_VISIT = article(
    "vietnam-1",
    1,
    "Putin arrives in Hanoi on state visit to Vietnam",
    "Vladimir Putin arrived in Hanoi on a state visit to Vietnam for talks with To Lam.",
    actors=("RUS", "VNM"),
)


def test_a_neighbour_development_with_a_new_subject_opens_its_own_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    import extractors.threads.scoring as scoring

    batch = [*PYONGYANG_VISIT, PYONGYANG_PARAPHRASE, VIETNAM_VISIT]
    placed = placements_by_article(assign(batch, [], SETTINGS, clock=None))
    pyongyang = placed["pyongyang-1"]
    assert placed["pyongyang-2"] == placed["pyongyang-3"] == pyongyang  # a paraphrase brings no new subject
    assert placed["vietnam-1"] != pyongyang

    # Without the penalty the shared words (Putin, arrives, state visit) put Vietnam in Pyongyang's thread.
    monkeypatch.setattr(scoring, "CONTRADICTION_PENALTY", 0.0)
    merged = placements_by_article(assign(batch, [], SETTINGS, clock=None))
    assert merged["vietnam-1"] == merged["pyongyang-1"]


def test_overlay_threads_are_scored_as_term_by_term_sums() -> None:
    """The threads a batch changes are scored from postings (term -> thread -> value): each score is
    the term-by-term dot product over the article's terms, and the postings follow the threads as
    they are opened again, joined and merged."""
    from extractors.threads import article_terms
    from extractors.threads.scoring import Index, is_feature

    def state(thread_id: str, day: float, *members: ArticleFeatures) -> ThreadState:
        terms: dict[str, int] = {}
        for member in members:
            for term in article_terms(member, SETTINGS):
                terms[term] = terms.get(term, 0) + 1
        moment = DAY0 + timedelta(days=day)
        return ThreadState(thread_id, moment, moment, articles=len(members), terms=terms)

    treaty = state("th-treaty", 0, A["sign-1"])
    missile = state("th-missile", 1, *MISSILE_LAUNCH)
    batch = [A["sign-2"], TREATY_THIRD_OUTLET, TROOPS_KURSK]
    index = Index({}, [article_terms(a, SETTINGS) for a in batch], SETTINGS)
    index.threads.update({treaty.thread_id: treaty, missile.thread_id: missile})
    for thread_id in index.threads:
        index.refresh(thread_id)
    treaty.terms = {**treaty.terms, **{t: 1 for t in article_terms(A["sign-2"], SETTINGS)}}
    treaty.articles += 1
    index.refresh(treaty.thread_id)  # joined: its old postings go
    postings = index.overlay_postings
    for article in batch:
        weighted = {t: v * index.weight(t) for t, v in article_terms(article, SETTINGS).items()}
        for thread_id, (vector, *_) in index.overlay.items():
            for kind in (lambda t: not is_feature(t), is_feature):
                expected = got = 0.0
                for term, value in weighted.items():
                    if kind(term) and term in vector:
                        expected += value * vector[term]
                    if kind(term) and thread_id in postings.get(term, {}):
                        got += value * postings[term][thread_id]
                assert got == expected
    assert {(t, th) for t, held in index.overlay_postings.items() for th in held} == {
        (t, th) for th, (vector, *_) in index.overlay.items() for t in vector
    }
    missile.status = "merged"
    index.refresh(missile.thread_id)  # merged: leaves the overlay and its postings
    assert all("th-missile" not in held for held in index.overlay_postings.values())
    assert set(index.overlay) == {"th-treaty"}
