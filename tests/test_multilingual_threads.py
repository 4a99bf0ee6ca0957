"""Story threads across languages (extractors/threads): Korean, Russian and Chinese terms, and a
Russian article joining the English thread of the same development through what extraction linked
(the same ids in every language) and its date. Texts written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

from extractors.threads import ArticleFeatures, Threading, ThreadSettings, assign
from extractors.threads.text import words
from tests.test_threads_algo import article as story_article  # default actors: PRK, RUS

SETTINGS = ThreadSettings()

# What extraction links for each development, in any language: actors, entities, places.
LINKED = {
    "troops": {"actors": ("PRK", "RUS"), "entities": ("PRK", "RUS", "KOR", "kursk"), "places": ("kursk",)},
    "treaty": {"actors": ("PRK", "RUS"), "entities": ("PRK", "RUS", "putin", "duma"), "places": ("moscow",)},
}


def load_articles() -> dict[str, ArticleFeatures]:
    """fixtures/multilingual/thread_articles.jsonl: two developments, each reported in English by two
    outlets (with event types) and in Russian or Chinese (events are read in English only: no event
    types), `hours` after test_threads_algo.DAY0."""
    articles = {}
    for line in ARTICLES_FILE.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        linked = {**LINKED[record["development"]], "event_types": tuple(record["event_types"])}
        articles[record["id"]] = story_article(
            record["id"], record["hours"] / 24, record["title"], record["lead"], **linked
        )
    return articles


ARTICLES_FILE = Path(__file__).resolve().parent / "fixtures" / "multilingual" / "thread_articles.jsonl"
A = load_articles()
EN = [A["en-troops-1"], A["en-troops-2"], A["en-treaty-1"], A["en-treaty-2"]]
RU_TROOPS, ZH_TREATY, ZH_TROOPS = A["ru-troops"], A["zh-treaty"], A["zh-troops"]


def threads_of(result: Threading) -> dict[str, str]:
    return {p.article_id: result.current(p.thread_id) for p in result.placements}


def test_terms_suit_each_language() -> None:
    assert words("普京签署法律") == ["普京", "京签", "签署", "署法", "法律"]
    assert words("朝鲜的士兵") == ["朝鲜", "士兵"]  # bigrams across a function character are dropped
    assert words("북한은 러시아와의 조약을") == ["북한", "러시아", "조약"]
    assert words("войска в Курской области") == words("войскам из Курская область")
    assert words("North Korean troops") == ["north", "korean", "troop"]


def test_a_russian_article_joins_the_english_thread_of_its_development() -> None:
    result = assign([*EN, RU_TROOPS], [], SETTINGS, clock=None)
    placed = threads_of(result)
    assert placed["en-troops-1"] == placed["en-troops-2"] != placed["en-treaty-1"] == placed["en-treaty-2"]
    assert placed["ru-troops"] == placed["en-troops-1"]


def test_two_chinese_articles_on_different_developments_stay_apart() -> None:
    placed = threads_of(assign([ZH_TREATY, ZH_TROOPS], [], SETTINGS, clock=None))
    assert placed["zh-treaty"] != placed["zh-troops"]


def test_chinese_articles_join_the_english_threads_of_their_developments() -> None:
    placed = threads_of(assign([*EN, ZH_TREATY, ZH_TROOPS], [], SETTINGS, clock=None))
    assert placed["zh-treaty"] == placed["en-treaty-1"]
    assert placed["zh-troops"] == placed["en-troops-1"]


def test_a_russian_article_sharing_only_the_story_actors_does_not_join() -> None:
    vague = story_article("ru-vague", 0.25, "Россия и КНДР", "Отношения России и КНДР развиваются.")
    placed = threads_of(assign([*EN, vague], [], SETTINGS, clock=None))
    assert placed["ru-vague"] not in (placed["en-troops-1"], placed["en-treaty-1"])
