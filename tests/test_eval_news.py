"""The real-news sets of `make eval` (bench/data/news/) and the training files of the event-type model
(bench/data/news/train/): they parse, every article is one document, every code is one the extractors can
produce, no training sentence or article is in a check set, and the check set's misses are never printed.

No floors here on purpose: the sets measure the extractors on real coverage, they do not hold them.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from bench.eval import (
    CHECK_ONLY_SPLITS,
    NEWS_DIR,
    NEWS_SPLITS,
    _event_miss_kinds,
    documents,
    evaluate_splits,
    format_report,
    load_gold,
    load_gold_file,
    main,
)
from bench.overlap import COPY_OVERLAP, article_id, shared_sentences
from extractors.gazetteer import load_gazetteer
from extractors.lexicon import PLOVER_TYPES

# The sizes the sets were written to (bench/data/news/README.md); a smaller file means rows were lost.
MIN_ARTICLES = {"news-dev": 12, "news-dev2": 18, "news-heldout": 15, "news-heldout3": 20}
# Training data for the event-type model (bench/data/news/README.md "Training files"); never a check.
TRAIN_FILES: dict[str, Path] = {f"train/{path.name}": path for path in sorted((NEWS_DIR / "train").glob("*.jsonl"))}
SET_PATHS: dict[str, Path] = {**{split: NEWS_DIR / name for split, name in NEWS_SPLITS.items()}, **TRAIN_FILES}
# Articles of two stories that share near-copied wire background (the AP's two lines on the arms accusation and its
# denial), not one story told twice.
OTHER_STORIES_SHARING_BACKGROUND = {("tarms17", "tpyongyang15")}


def _load_set(name: str) -> list[dict[str, Any]]:
    return load_gold(name) if name in NEWS_SPLITS else load_gold_file(SET_PATHS[name], name)


def _fingerprints(rows: list[dict[str, Any]], key: str) -> set[str]:
    """Hashes of one field (text, doc or id), so that a check set's sentences are never held, shown or printed."""
    return {hashlib.sha256(" ".join(str(row[key]).split()).casefold().encode()).hexdigest() for row in rows}


@pytest.fixture(scope="module", params=sorted(SET_PATHS))
def split_rows(request: pytest.FixtureRequest) -> tuple[str, list[dict[str, Any]]]:
    return request.param, _load_set(request.param)


def test_the_training_files_are_there() -> None:
    assert {"train/meet.jsonl", "train/war.jsonl"} <= TRAIN_FILES.keys()


def test_every_line_is_a_coded_sentence(split_rows: tuple[str, list[dict[str, Any]]]) -> None:
    split, rows = split_rows
    lines = [line for line in SET_PATHS[split].read_text(encoding="utf-8").splitlines() if line]
    assert len(rows) == len(lines)
    for row in rows:
        assert {"id", "text", "published_at", "doc", "events", "quotes", "claims"} <= row.keys(), row["_line"]
        assert row["doc"].startswith(("http://", "https://")), f"{row['_line']}: doc is the article's URL"
        date.fromisoformat(row["published_at"])
        for event in row["events"]:
            assert event["event_type"] in PLOVER_TYPES, row["_line"]
            assert "recipient_id" in event, f"{row['_line']}: a missing recipient is coded as null"
            if "event_date" in event:
                date.fromisoformat(event["event_date"])
        for quote in row["quotes"]:
            assert quote.get("speaker_name") and isinstance(quote["direct"], bool), row["_line"]
        for claim in row["claims"]:
            low, high = claim["value_low"], claim["value_high"]
            assert low is not None or high is not None, row["_line"]
            assert low is None or high is None or low <= high, row["_line"]


def test_articles_are_documents_of_consecutive_sentences(split_rows: tuple[str, list[dict[str, Any]]]) -> None:
    split, rows = split_rows
    docs = documents(rows)  # raises when a sentence is not found in its document
    assert len(docs) >= MIN_ARTICLES.get(split, 1)
    for doc in docs:
        assert 4 <= len(doc.rows) <= 9, f"{doc.key}: {len(doc.rows)} sentences"
        assert len({row["published_at"] for row in doc.rows}) == 1, doc.key
    assert len({row["id"] for row in rows}) == len(rows)


def test_every_id_is_in_the_gazetteer(split_rows: tuple[str, list[dict[str, Any]]]) -> None:
    _, rows = split_rows
    gazetteer = load_gazetteer()
    unknown = []
    for row in rows:
        ids = [e["actor_id"] for e in row["events"]] + [e["recipient_id"] for e in row["events"]]
        ids += [q["speaker_id"] for q in row["quotes"] if "speaker_id" in q]
        ids += [c["subject_id"] for c in row["claims"]]
        unknown += [(row["id"], i) for i in ids if i is not None and gazetteer.entity(i) is None]
    assert not unknown


def test_dev_and_heldout_share_no_article() -> None:
    dev, heldout = (load_gold(split) for split in ("news-dev", "news-heldout"))
    assert not {row["doc"] for row in dev} & {row["doc"] for row in heldout}
    assert not {row["id"] for row in dev} & {row["id"] for row in heldout}
    assert not {row["text"] for row in dev} & {row["text"] for row in heldout}


@pytest.mark.parametrize("first,second", [(a, b) for a in NEWS_SPLITS for b in NEWS_SPLITS if a < b])
def test_news_sets_share_no_article_sentence_or_id(first: str, second: str) -> None:
    """Each news set is its own articles (a check set is no check of what is tuned on, nor a second check of
    the first one's text); compared by hash and reported by count, so that no check-set sentence is printed."""
    rows_a, rows_b = load_gold(first), load_gold(second)
    for key in ("doc", "text", "id"):
        n_shared = len(_fingerprints(rows_a, key) & _fingerprints(rows_b, key))
        assert n_shared == 0, f"{first} and {second} share {n_shared} {key} values"


def test_the_demoted_check_set_is_a_tuning_set() -> None:
    """heldout2 was a check set until stop 32, then became `news-dev2` (a set to tune on, misses printed)."""
    assert "news-dev2" in NEWS_SPLITS and "news-dev2" not in CHECK_ONLY_SPLITS
    rows = load_gold("news-dev2")
    assert {row["_split"] for row in rows} == {"news-dev2"}
    assert len(rows) >= 120 and sum(len(row["events"]) for row in rows) >= 150


def test_the_new_check_set_is_check_only() -> None:
    """heldout3 (stop 32) replaces the demoted heldout2 as the second check set: misses never printed."""
    assert "news-heldout3" in NEWS_SPLITS and "news-heldout3" in CHECK_ONLY_SPLITS
    rows = load_gold("news-heldout3")
    assert {row["_split"] for row in rows} == {"news-heldout3"}
    assert len(rows) >= 130 and sum(len(row["events"]) for row in rows) >= 150


@pytest.mark.parametrize("split", sorted(CHECK_ONLY_SPLITS))
def test_a_check_set_is_not_scored_as_a_news_file(split: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`--news-file` would print its misses with `--details`; a check set is scored by the default run only."""
    with pytest.raises(SystemExit) as exit_info:
        main(["--news-file", str(NEWS_DIR / NEWS_SPLITS[split]), "--details"])
    assert exit_info.value.code == 2
    assert "check set" in capsys.readouterr().err


def test_training_files_share_nothing_with_the_check_sets_or_each_other() -> None:
    """No training sentence, article or id is in news-dev or news-heldout (the model would be scored on what it
    was trained on), and no article or id is in two training files. Only counts and training ids are reported."""
    checks = [row for split in NEWS_SPLITS for row in load_gold(split)]
    check_prints = {key: _fingerprints(checks, key) for key in ("text", "doc", "id")}
    seen_docs: dict[str, str] = {}
    seen_ids: set[str] = set()
    for name, path in TRAIN_FILES.items():
        rows = load_gold_file(path, name)
        for key in ("text", "doc", "id"):
            shared = sorted(row["id"] for row in rows if _fingerprints([row], key) <= check_prints[key])
            n_shared = len(shared)
            assert n_shared == 0, f"{name}: {n_shared} rows whose {key} is in a check set: {shared[:10]}"
        for doc in {row["doc"] for row in rows}:
            other = seen_docs.setdefault(doc, name)
            assert other == name, f"{doc} is in both {other} and {name}"
        ids = [row["id"] for row in rows]
        assert len(set(ids)) == len(ids), f"{name}: an id is used twice"
        assert not seen_ids & set(ids), f"{name}: ids also used in another training file"
        seen_ids |= set(ids)


def test_misses_are_printed_for_dev_never_for_the_check_set(nlp: Language) -> None:
    assert {"news-heldout", "news-heldout3"} <= CHECK_ONLY_SPLITS and not {"news-dev", "news-dev2"} & CHECK_ONLY_SPLITS
    # A sentence whose gold the extractors cannot match (a recipient no text names), once per split.
    coded = {
        "text": "Moscow criticised the plan on Tuesday.",
        "published_at": "2024-11-01",
        "events": [{"event_type": "AID", "actor_id": "RUS", "recipient_id": "ZWE"}],
        "quotes": [],
        "claims": [],
    }
    rows = [{**json.loads(json.dumps(coded)), "id": split, "_split": split, "_line": split} for split in NEWS_SPLITS]
    reports = evaluate_splits(rows, nlp, details=True)
    assert reports["news-dev"].details and reports["news-dev"].scores["event type+actor+recipient"].fn == 1
    assert reports["news-heldout"].scores["event type+actor+recipient"].fn == 1
    assert reports["news-heldout"].details == [] and reports["news-dev2"].details
    assert reports["news-heldout3"].details == []
    assert reports["news-heldout3"].scores["event type+actor+recipient"].fn == 1
    # What may be said of the check set's misses: how many of each kind, never which sentence.
    heldout = reports["news-heldout"]
    event_kinds = sum(n for kind, n in heldout.misses.items() if kind.startswith("event: "))
    assert event_kinds == heldout.scores["event type+actor+recipient"].fn == 1
    assert heldout.misses["event missed: AID"] == 1
    assert coded["text"] not in format_report("news-heldout", heldout, misses=True)


def test_event_miss_kinds() -> None:
    gold = [
        ("AID", "PRK", "RUS"),
        ("AID", "PRK", "RUS"),
        ("AGREE", "RUS", "PRK"),
        ("DEMAND", "KOR", "RUS"),
        ("CONSULT", "RUS", "PRK"),
    ]
    pred = [("AID", "PRK", "RUS"), ("AGREE", "RUS", None), ("DEMAND", "USA", "RUS"), ("ASSAULT", "RUS", "UKR")]
    assert _event_miss_kinds(gold, pred) == {
        "event: type not found": 2,  # the second AID (the one predicted AID is used) and CONSULT
        "event missed: AID": 1,
        "event missed: CONSULT": 1,
        "event: type and actor found, other recipient": 1,
        "event missed: AGREE": 1,
        "event: type found, other actor": 1,
        "event missed: DEMAND": 1,
        "event extra: AGREE": 1,
        "event extra: DEMAND": 1,
        "event extra: ASSAULT": 1,
    }
    assert _event_miss_kinds(gold[:1], []) == {"event: no event in the sentence": 1, "event missed: AID": 1}


def test_own_only_refuses_a_news_split(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--own-only", "--split", "news-heldout"])
    assert exit_info.value.code == 2
    assert "--own-only" in capsys.readouterr().err


def test_the_same_article_in_two_files_is_two_documents() -> None:
    """A file before and after a recode, scored in one run: each copy is its own document (it was one
    document of twice the text, so the second copy's claims and events landed on the first)."""
    article = [
        {"id": f"x-{i}", "text": text, "doc": "https://example.org/a", "published_at": "2025-01-02"}
        for i, text in enumerate(["Seoul said 1,500 troops had left.", "Moscow denied it."])
    ]
    rows = [dict(row, _split=split) for split in ("before", "after") for row in article]
    docs = documents(rows)
    assert len(docs) == 2
    assert [doc.text for doc in docs] == ["Seoul said 1,500 troops had left. Moscow denied it."] * 2
    assert [[row["_split"] for row in doc.rows] for doc in docs] == [["before", "before"], ["after", "after"]]


@pytest.fixture(scope="module")
def near_copies() -> tuple[dict[tuple[str, str], int], set[str]]:
    """Article pairs -> near-copied sentences they share, over the training files, dev, dev2 and the check sets;
    and the check sets' article ids (their sentences are compared here, never held by a test or printed)."""
    tuned = [row for name, path in TRAIN_FILES.items() for row in load_gold_file(path, name)]
    tuned += load_gold("news-dev") + load_gold("news-dev2")
    checks = [row for split in sorted(CHECK_ONLY_SPLITS) for row in load_gold(split)]
    return dict(shared_sentences(tuned + checks)), {article_id(row) for row in checks}


def test_no_story_is_in_the_training_or_dev_data_twice(
    near_copies: tuple[dict[tuple[str, str], int], set[str]],
) -> None:
    """Two outlets' paraphrases of one wire story (other URLs, so the hashes above miss them) share several
    sentences of word overlap >= COPY_OVERLAP: the model would weigh the story twice and a tuning file's story
    would sit in the check half. One shared sentence (a quoted statement, a background line) is two stories."""
    pairs, check_articles = near_copies
    twice = {
        pair: n
        for pair, n in pairs.items()
        if n >= 2 and not set(pair) & check_articles and pair not in OTHER_STORIES_SHARING_BACKGROUND
    }
    assert not twice, f"article pairs sharing near-copied sentences (overlap >= {COPY_OVERLAP}): {twice}"


def test_no_training_or_dev_article_shares_a_sentence_with_a_check_set(
    near_copies: tuple[dict[tuple[str, str], int], set[str]],
) -> None:
    """Not even one near-copied sentence: a check set scores text nobody here tuned on. Ids only are reported."""
    pairs, check_articles = near_copies
    leaks = {pair: n for pair, n in pairs.items() if len(set(pair) & check_articles) == 1}
    assert not leaks, f"training/dev articles sharing near-copied sentences with a check-set article: {leaks}"


def test_near_copies_are_found_across_articles_only() -> None:
    """A paraphrase with a few words changed is a near-copy; one event told in other words, or a short
    sentence, is not; sentences of one article are never compared."""
    story = "Mongolia and Kazakhstan signed a railway agreement in Ulaanbaatar on Tuesday, the ministries said."
    rows = [
        {"id": "a1-0", "text": story},
        {"id": "a2-0", "text": story.replace("Tuesday", "Wednesday").replace("ministries", "two ministries")},
        {"id": "a3-0", "text": "Kazakhstan's rail deal with Mongolia was sealed this week in the Mongolian capital."},
        {"id": "a3-1", "text": story},
        {"id": "a4-0", "text": "Mongolia and Kazakhstan signed it."},
        {"id": "a5-0", "text": "Mongolia and Kazakhstan signed it."},
    ]
    assert shared_sentences(rows) == {("a1", "a2"): 1, ("a1", "a3"): 1, ("a2", "a3"): 1}


def test_every_training_file_is_in_one_group_of_the_halves() -> None:
    """bench.halves scores the README's tuning and check halves and each stop's new files: a training file in no
    group (or in two) would leave the README's group figures silently short or doubled."""
    from bench.halves import GROUPS

    grouped = [name for names in GROUPS.values() for name in names]
    assert len(grouped) == len(set(grouped)), "a training file is in two groups of bench.halves"
    assert sorted(grouped) == sorted(path.stem for path in TRAIN_FILES.values())
