"""Near-duplicates in Chinese, Korean and Russian (extractors/dedup.py): two copies of one wire
story cluster, two different stories on the same topic do not. The texts, written for these tests,
are in fixtures/multilingual/wire_copies.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from extractors.dedup import DEFAULT_THRESHOLD, assign_clusters, signature, similarity, words

TEXTS = tomllib.loads(
    (Path(__file__).resolve().parent / "fixtures" / "multilingual" / "wire_copies.toml").read_text(encoding="utf-8")
)
STORIES = {entry["language"]: entry for entry in TEXTS["story"]}
ENGLISH = TEXTS["english"]["text"]


def test_chinese_is_shingled_by_character() -> None:
    tokens = words("朝鲜向俄罗斯派兵 KN-23 导弹")
    assert tokens[:8] == ["朝", "鲜", "向", "俄", "罗", "斯", "派", "兵"]
    assert tokens[8:] == ["kn", "23", "导", "弹"]


def test_english_words_are_unchanged() -> None:
    assert words(ENGLISH)[:6] == ["seoul", "nov", "6", "reuters", "north", "korea"]
    assert signature(ENGLISH) == signature(ENGLISH.upper())


@pytest.mark.parametrize("language", ["zh", "ko", "ru"])
def test_copies_of_one_wire_story_are_near_duplicates(language: str) -> None:
    texts = STORIES[language]
    assert similarity(signature(texts["story"]), signature(texts["copy"])) >= DEFAULT_THRESHOLD
    assert similarity(signature(texts["story"]), signature(texts["other"])) < 0.1


def test_clusters_join_copies_and_keep_different_stories_apart() -> None:
    batch = [("en-1", signature(ENGLISH))]
    for language, texts in STORIES.items():
        batch += [(f"{language}-{kind}", signature(texts[kind])) for kind in ("story", "other", "copy")]
    clusters = assign_clusters(batch)
    for language in STORIES:
        assert clusters[f"{language}-copy"] == f"{language}-story"
        assert clusters[f"{language}-story"] == f"{language}-story"
        assert clusters[f"{language}-other"] == f"{language}-other"
    assert clusters["en-1"] == "en-1"


def test_the_copy_is_found_among_existing_articles() -> None:
    texts = STORIES["zh"]
    existing = [
        ("zh-old", "cluster-zh", signature(texts["story"])),
        ("zh-other", "zh-other", signature(texts["other"])),
    ]
    assert assign_clusters([("zh-new", signature(texts["copy"]))], existing) == {"zh-new": "cluster-zh"}


def test_a_lightly_edited_chinese_copy_is_still_a_near_duplicate() -> None:
    # Read as \w+ runs, every edited sentence would be a new word and the copy share almost nothing.
    texts = STORIES["zh"]
    assert similarity(signature(texts["story"]), signature(texts["edited"])) >= DEFAULT_THRESHOLD
