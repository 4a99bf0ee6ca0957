"""Near-duplicates in Chinese, Korean and Russian (extractors/dedup.py): two copies of one wire
story cluster, two different stories on the same topic do not. Texts written for these tests."""

from __future__ import annotations

from extractors.dedup import DEFAULT_THRESHOLD, assign_clusters, signature, similarity, words

ZH_STORY = (
    "新华社莫斯科11月5日电 俄罗斯总统普京5日签署联邦法律，批准俄罗斯与朝鲜全面战略伙伴关系条约。"
    "该条约于今年6月普京访问平壤期间签署，规定一方遭到武装侵略时另一方应立即提供军事援助。"
    "俄罗斯国家杜马和联邦委员会此前已先后审议通过该条约。朝鲜方面表示，条约将在双方交换批准书之日起生效。"
    "分析人士认为，这一条约标志着两国关系进入新的阶段，并引发韩国和日本的关注。"
)
# The same wire copy, re-published: another dateline and lead-in, an editor's footer.
ZH_COPY = "环球网报道 据新华社11月5日消息，" + ZH_STORY.split("电 ", 1)[1] + "（责任编辑：王芳）"
# Another development of the same story: same names, different event.
ZH_OTHER = (
    "新华社首尔11月6日电 韩国国家情报院6日表示，朝鲜已向俄罗斯派遣约一万一千名士兵，"
    "其中部分兵力已进入俄罗斯库尔斯克州前线。韩国国防部当天召开紧急会议，讨论对乌克兰提供武器援助的可能性。"
    "朝鲜外务省此前否认派兵报道，称其为毫无根据的谣言。美国国务院发言人表示，将与盟国密切协商应对措施。"
)

KO_STORY = (
    "연합뉴스 서울 11월 6일 국가정보원은 6일 북한이 러시아에 약 1만1천 명의 병력을 파병했으며 "
    "이 가운데 일부가 쿠르스크 전선에 투입됐다고 밝혔다. 국정원은 북한군이 러시아군 제복을 입고 "
    "러시아 극동 지역에서 훈련을 받은 뒤 서부 전선으로 이동했다고 설명했다. 정부는 긴급 안보회의를 열고 "
    "대응 방안을 논의했다."
)
KO_COPY = "[KBS 뉴스] " + KO_STORY.split("11월 6일 ", 1)[1] + " 저작권자 무단 전재 및 재배포 금지"
KO_OTHER = (
    "연합뉴스 모스크바 11월 5일 블라디미르 푸틴 러시아 대통령이 북한과의 포괄적 전략적 동반자 관계 조약을 "
    "비준하는 법안에 서명했다. 조약은 한쪽이 무력 침공을 받으면 다른 쪽이 지체 없이 군사 원조를 제공하도록 "
    "규정하고 있다. 북한 외무성은 조약이 비준서 교환과 동시에 발효된다고 밝혔다."
)

RU_STORY = (
    "МОСКВА, 5 ноября. /ТАСС/. Президент России Владимир Путин подписал закон о ратификации договора о "
    "всеобъемлющем стратегическом партнерстве между Россией и КНДР. Договор был подписан в Пхеньяне в июне "
    "и предусматривает оказание военной помощи в случае вооруженного нападения на одну из сторон. "
    "Государственная дума и Совет Федерации ранее одобрили документ."
)
RU_COPY = "Путин ратифицировал договор с КНДР. " + RU_STORY.split("/ТАСС/. ", 1)[1] + " Читайте также: главное за день."
RU_OTHER = (
    "СЕУЛ, 6 ноября. /ТАСС/. Южнокорейская разведка заявила, что КНДР направила в Россию около 11 тысяч "
    "военнослужащих, часть которых уже находится в Курской области. Министерство обороны Республики Корея "
    "провело экстренное совещание. В Пхеньяне сообщения о переброске войск назвали безосновательными."
)

ENGLISH = (
    "SEOUL, Nov 6 (Reuters) - North Korea has sent about 11,000 troops to Russia, some of whom have moved "
    "to the front in the Kursk region, South Korea's spy agency said on Wednesday."
)


def test_chinese_is_shingled_by_character() -> None:
    tokens = words("朝鲜向俄罗斯派兵 KN-23 导弹")
    assert tokens[:8] == ["朝", "鲜", "向", "俄", "罗", "斯", "派", "兵"]
    assert tokens[8:] == ["kn", "23", "导", "弹"]


def test_english_words_are_unchanged() -> None:
    assert words(ENGLISH)[:6] == ["seoul", "nov", "6", "reuters", "north", "korea"]
    assert signature(ENGLISH) == signature(ENGLISH.upper())


def test_copies_of_one_wire_story_are_near_duplicates_in_every_language() -> None:
    for story, copy, other in (
        (ZH_STORY, ZH_COPY, ZH_OTHER),
        (KO_STORY, KO_COPY, KO_OTHER),
        (RU_STORY, RU_COPY, RU_OTHER),
    ):
        same = similarity(signature(story), signature(copy))
        different = similarity(signature(story), signature(other))
        assert same >= DEFAULT_THRESHOLD, (story[:20], same)
        assert different < 0.1, (story[:20], different)


def test_clusters_join_copies_and_keep_different_stories_apart() -> None:
    articles = {
        "zh-1": ZH_STORY,
        "ko-1": KO_STORY,
        "ru-1": RU_STORY,
        "zh-2": ZH_OTHER,
        "zh-1-copy": ZH_COPY,
        "ko-2": KO_OTHER,
        "ko-1-copy": KO_COPY,
        "ru-2": RU_OTHER,
        "ru-1-copy": RU_COPY,
        "en-1": ENGLISH,
    }
    clusters = assign_clusters([(article_id, signature(text)) for article_id, text in articles.items()])
    assert clusters["zh-1-copy"] == "zh-1"
    assert clusters["ko-1-copy"] == "ko-1"
    assert clusters["ru-1-copy"] == "ru-1"
    singles = ("zh-1", "zh-2", "ko-1", "ko-2", "ru-1", "ru-2", "en-1")
    assert [clusters[a] for a in singles] == list(singles)


def test_the_copy_is_found_among_existing_articles() -> None:
    existing = [("zh-old", "cluster-zh", signature(ZH_STORY)), ("zh-other", "zh-other", signature(ZH_OTHER))]
    assert assign_clusters([("zh-new", signature(ZH_COPY))], existing) == {"zh-new": "cluster-zh"}
