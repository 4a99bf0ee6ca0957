"""Story threads across languages (extractors/threads): Korean, Russian and Chinese terms, and a
Russian article joining the English thread of the same development through what extraction linked
(the same ids in every language) and its date. Texts written for these tests."""

from __future__ import annotations

from datetime import datetime, timedelta

from extractors.threads import ArticleFeatures, Threading, ThreadSettings, assign
from extractors.threads.text import words

DAY0 = datetime(2024, 11, 5, 8, 0)
SETTINGS = ThreadSettings()

# What extraction links for each development, in any language: actors, entities, places.
TROOPS = {"actors": ("PRK", "RUS"), "entities": ("PRK", "RUS", "KOR", "kursk"), "places": ("kursk",)}
TREATY = {"actors": ("PRK", "RUS"), "entities": ("PRK", "RUS", "putin", "duma"), "places": ("moscow",)}


def article(
    article_id: str, hours: float, title: str, lead: str, linked: dict[str, tuple[str, ...]]
) -> ArticleFeatures:
    return ArticleFeatures(
        article_id=article_id,
        seen_at=DAY0 + timedelta(hours=hours),
        outlet=f"outlet-{article_id}.example",
        cluster_id=f"cl-{article_id}",
        title=title,
        lead=lead,
        **linked,
    )


EN_TROOPS = [
    article(
        "en-troops-1",
        1,
        "North Korean troops reach the front in Russia's Kursk region, Seoul says",
        "South Korea's spy agency said about 11,000 North Korean soldiers are in Russia, some already in Kursk.",
        {**TROOPS, "event_types": ("MOBILIZE",)},
    ),
    article(
        "en-troops-2",
        3,
        "Seoul: thousands of North Korean soldiers deployed near Kursk",
        "The National Intelligence Service said North Korean troops moved to the Kursk front after training.",
        {**TROOPS, "event_types": ("MOBILIZE",)},
    ),
]
EN_TREATY = [
    article(
        "en-treaty-1",
        2,
        "Putin signs law ratifying defence pact with North Korea",
        "The treaty, approved by the Duma, obliges Moscow and Pyongyang to help each other if attacked.",
        {**TREATY, "event_types": ("AGREE",)},
    ),
    article(
        "en-treaty-2",
        4,
        "Russia ratifies mutual defence treaty with Pyongyang",
        "Vladimir Putin signed the ratification law for the partnership treaty with North Korea.",
        {**TREATY, "event_types": ("AGREE",)},
    ),
]
# Events are read in English only: a Russian article links entities and places, not event types.
RU_TROOPS = article(
    "ru-troops",
    6,
    "Разведка Южной Кореи: военнослужащие КНДР находятся в Курской области",
    "По данным южнокорейской разведки, около 11 тысяч военнослужащих КНДР направлены в Россию, часть из них"
    " уже в Курской области.",
    TROOPS,
)
ZH_TREATY = article(
    "zh-treaty",
    5,
    "普京签署法律批准俄朝全面战略伙伴关系条约",
    "俄罗斯总统普京签署联邦法律，批准俄罗斯与朝鲜全面战略伙伴关系条约，国家杜马此前已审议通过。",
    TREATY,
)
ZH_TROOPS = article(
    "zh-troops",
    5.5,
    "韩国情报机构称朝鲜士兵已抵达库尔斯克前线",
    "韩国国家情报院表示，约一万一千名朝鲜士兵已被派往俄罗斯，其中部分进入库尔斯克州。",
    TROOPS,
)


def threads_of(result: Threading) -> dict[str, str]:
    return {p.article_id: result.current(p.thread_id) for p in result.placements}


def test_terms_suit_each_language() -> None:
    assert words("普京签署法律") == ["普京", "京签", "签署", "署法", "法律"]
    assert words("朝鲜的士兵") == ["朝鲜", "士兵"]  # bigrams across a function character are dropped
    assert words("북한은 러시아와의 조약을") == ["북한", "러시아", "조약"]
    assert words("войска в Курской области") == words("войскам из Курская область")
    assert words("North Korean troops") == ["north", "korean", "troop"]


def test_a_russian_article_joins_the_english_thread_of_its_development() -> None:
    result = assign([*EN_TROOPS, *EN_TREATY, RU_TROOPS], [], SETTINGS, clock=None)
    placed = threads_of(result)
    assert placed["en-troops-1"] == placed["en-troops-2"] != placed["en-treaty-1"] == placed["en-treaty-2"]
    assert placed["ru-troops"] == placed["en-troops-1"]


def test_two_chinese_articles_on_different_developments_stay_apart() -> None:
    placed = threads_of(assign([ZH_TREATY, ZH_TROOPS], [], SETTINGS, clock=None))
    assert placed["zh-treaty"] != placed["zh-troops"]


def test_chinese_articles_join_the_english_threads_of_their_developments() -> None:
    placed = threads_of(assign([*EN_TROOPS, *EN_TREATY, ZH_TREATY, ZH_TROOPS], [], SETTINGS, clock=None))
    assert placed["zh-treaty"] == placed["en-treaty-1"]
    assert placed["zh-troops"] == placed["en-troops-1"]


def test_a_russian_article_sharing_only_the_story_actors_does_not_join() -> None:
    vague = article("ru-vague", 6, "Россия и КНДР", "Отношения России и КНДР развиваются.", {"actors": ("PRK", "RUS")})
    placed = threads_of(assign([*EN_TROOPS, *EN_TREATY, vague], [], SETTINGS, clock=None))
    assert placed["ru-vague"] not in (placed["en-troops-1"], placed["en-treaty-1"])
