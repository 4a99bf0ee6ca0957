"""Korean, Russian and Chinese: names linked to the gazetteer's ids with each language's matching,
routing in extract_texts, relevance, and the figures on the labelled sentence set."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from spacy.language import Language

from bench.multilingual_eval import evaluate, load_sentences, shipped_gate
from extractors.extract import extract_multilingual, extract_text, extract_texts
from extractors.gazetteer import GazetteerError, load_gazetteer
from extractors.multilingual import build_names, extract_mentions_in, load_names
from tests.helpers import CliInvoke

REPO_ROOT = Path(__file__).resolve().parents[1]
DATA = REPO_ROOT / "extractors" / "data"


def linked(text: str, language: str) -> str:
    """The text's mentions as "form=id", space-separated, after checking their offsets."""
    mentions = extract_mentions_in(text, language)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    return " ".join(f"{m.text}={m.entity_id}" for m in mentions)


# --- matching per language ---------------------------------------------------------------------------


def test_russian_inflections_link_to_the_nominative_forms() -> None:
    text = "В Пхеньяне Путина встретил Ким Чен Ын; Пхеньяну и КНДР-овский режим, северокорейских солдат, России."
    assert linked(text, "ru") == (
        "Пхеньяне=PRK Путина=vladimir-putin Ким Чен Ын=kim-jong-un Пхеньяну=PRK КНДР=PRK северокорейских=PRK России=RUS"
    )
    text = "Граница Северной Кореи и МИД России, у Белого дома."
    # A ministry named after its state is the state's mention (the analyst counts Russia); natasha
    # reads МИД as an organisation it cannot link.
    assert linked(text, "ru") == "Северной Кореи=PRK МИД=None России=RUS Белого дома=USA"


def test_russian_names_the_gazetteer_does_not_know_come_from_natasha_unlinked() -> None:
    # Ким alone is Kim Jong Un; Ким Ён Хо, whom the gazetteer does not know, is not.
    text = "Андрей Белоусов встретился с генералом Ким Ён Хо в Пхеньяне; Газпром промолчал."
    assert linked(text, "ru") == "Андрей Белоусов=andrei-belousov Ким Ён Хо=None Пхеньяне=PRK Газпром=None"
    labels = {m.text: m.label for m in extract_mentions_in(text, "ru")}
    assert (labels["Ким Ён Хо"], labels["Газпром"]) == ("PERSON", "ORG")
    assert linked("Шойгу и Ким обсудили визит Кима; Си прибыл.", "ru") == (
        "Шойгу=sergei-shoigu Ким=kim-jong-un Кима=kim-jong-un Си=xi-jinping"
    )


def test_russian_common_words_are_not_names() -> None:
    # "Того" (of that) is Togo's CLDR name; a lower-case "путин" or "кндр" is not a name as written;
    # Samoa does not decline (Самое is "the most").
    assert linked("Того же мнения придерживаются синоптики, путина и кндр. Самое главное.", "ru") == ""


def test_korean_particles_attach_and_other_words_do_not() -> None:
    text = "북한은 러시아와 김정은의 평양에서 북·러 한미일"
    assert linked(text, "ko") == "북한=PRK 러시아=RUS 김정은=kim-jong-un 평양=PRK 북=PRK 러=RUS 한=KOR 미=USA 일=JPN"
    # Rush hour, humanitarian, "by means of" (Sudan's name), the Chosun Ilbo: no state.
    assert linked("러시아워 인도적 수단으로 조선일보", "ko") == ""


def test_chinese_longest_match_and_compounds() -> None:
    text = "中俄关系与俄朝合作，朝鲜半岛，朝鲜派兵"
    assert linked(text, "zh") == "中=CHN 俄=RUS 俄=RUS 朝=PRK 朝鲜半岛=korean-peninsula 朝鲜=PRK"
    assert linked("他朝着车站走去，中午吃饺子。", "zh") == ""


def test_korean_headline_hanja_prefixes_and_attached_nouns() -> None:
    # Hanja shorthand next to any word; a state's syllable after a state's hanja; 방북 (visit to
    # the North), 주북한 (in North Korea), 대러시아 (towards Russia), 러시아대사관, 북-러, 북중친선.
    text = "北, 러에 파병…中견제·北대화 北러관계 방북해 주북한 러시아대사관 대러시아 북-러 북중친선"
    assert linked(text, "ko") == (
        "北=PRK 러=RUS 中=CHN 北=PRK 北=PRK 러=RUS 북=PRK 북한=PRK 러시아=RUS 러시아=RUS 북=PRK 러=RUS 북=PRK 중=CHN"
    )
    # Not states: the public (대중), on weekdays (주중), Hanmi Pharm, the 2026 North and Central
    # America World Cup, small firms (中企), the word 대한.
    assert linked("대중문화 주중에는 한미약품 북중미 월드컵 中企 대한 방한복", "ko") == ""
    # 북 alone: North Korea before a particle, punctuation or a noun of the state; a drum, a book
    # or the north otherwise.
    text = '북, 미사일 발사. 북은 반발했다. 북 당국은 "북" 북에 대한 제재'
    assert linked(text, "ko") == "북=PRK 북=PRK 북=PRK 북=PRK 북=PRK"
    assert linked("북 콘서트 북으로 이동 북서 함경북도", "ko") == ""


def test_korean_nouns_attached_to_a_name_keep_the_name() -> None:
    # Kursk oblast, the Russian side, shells made in the North, Russians, the embassy stationed in Russia.
    text = "쿠르스크주에 러측은 북한산 포탄 러시아인 러시아주재 대사"
    assert linked(text, "ko") == "쿠르스크=kursk 러=RUS 북한=PRK 러시아=RUS 러시아=RUS"
    # The same syllables after words that are not names: in progress, a week, the Americas.
    assert linked("진행 중인 회담 한주 동안 미주 지역 일주일", "ko") == ""


# How real coverage writes the story's names: (language, text, its mentions as linked() gives them).
SPELLINGS = [
    # Korean: full names, and surname with title after the first mention.
    (
        "ko",
        "세르게이 라브로프 장관과 최 외무상은 김 위원장을 만났다. 왕 부장은 시진핑 주석의 인사를 전했다.",
        "세르게이 라브로프=sergei-lavrov 최 외무상=choe-son-hui 김 위원장=kim-jong-un 왕 부장=wang-yi "
        "시진핑=xi-jinping",
    ),
    # Taiwan and Hong Kong spellings; the mention keeps the text as written.
    (
        "zh",
        "北韓、俄羅斯關係升溫,普廷與金正恩會談;庫斯克、克林姆林宮;中國外交部發言人林劍;澤倫斯基",
        "北韓=PRK 俄羅斯=RUS 普廷=vladimir-putin 金正恩=kim-jong-un 庫斯克=kursk 克林姆林宮=RUS "
        "中國=CHN 林劍=lin-jian 澤倫斯基=volodymyr-zelensky",
    ),
    # Russian: TASS's and Ukrainian outlets' spellings, inflected.
    (
        "ru",
        "Глава МИД КНДР Цой Сон Хи (Чвэ Сон Хи) и солдаты Ким Чен Ина в Курщине; губернатор Хинштейн.",
        "МИД=None КНДР=PRK Цой Сон Хи=choe-son-hui Чвэ Сон Хи=choe-son-hui Ким Чен Ина=kim-jong-un "
        "Курщине=kursk Хинштейн=alexander-khinshtein",
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), SPELLINGS, ids=[s[0] for s in SPELLINGS])
def test_real_coverage_spellings_link_to_the_gazetteer(language: str, text: str, expected: str) -> None:
    assert linked(text, language) == expected


def test_chinese_shorthand_and_compounds_that_are_not() -> None:
    text = "朝俄军事合作;俄外交部;他时隔24年再次访朝,来华访问;驻俄大使;涉朝制裁,朝核问题"
    assert linked(text, "zh") == "朝=PRK 俄=RUS 俄=RUS 朝=PRK 华=CHN 俄=RUS 朝=PRK 朝核=PRK"
    # 5日 then 美国, not 日美; 其中 then 朝鲜, not 中朝.
    assert linked("11月5日美国宣布,其中朝鲜", "zh") == "美国=USA 朝鲜=PRK"
    assert linked("朝媒称,朝外务省发表声明", "zh") == "朝媒=PRK 朝外务省=PRK"
    # 中 after a visit or stay is not read (对中东 is the Middle East); China there is 华.
    assert linked("对中东局势和对中小企业的政策,与日俱增", "zh") == ""


def test_korean_and_chinese_people_the_gazetteer_does_not_know_come_unlinked_by_their_title() -> None:
    text = "이성권 의원은 국정원 보고를 전했다. 박준호 기자= 국방 장관과 김정은 국무위원장"
    mentions = extract_mentions_in(text, "ko")
    assert [(m.text, m.entity_id, m.label) for m in mentions if m.label == "PERSON"] == [
        ("이성권", None, "PERSON"),
        ("박준호", None, "PERSON"),
        ("김정은", "kim-jong-un", "PERSON"),
    ]
    text = "外交部發言人趙立堅表示,總統選舉和記者會;發言人林劍說"
    mentions = extract_mentions_in(text, "zh")
    assert [(m.text, m.entity_id) for m in mentions] == [("趙立堅", None), ("林劍", "lin-jian")]


# Per language: (a capital standing for its state, the capital as a place).
METONYMY = {
    "ko": ("평양은 반발했다", "평양에서 열렸다"),
    "ru": ("Пхеньян заявил протест", "встреча в Пхеньяне"),
    "zh": ("平壤表示", "会议在平壤举行"),
}


@pytest.mark.parametrize("language", sorted(METONYMY))
def test_capitals_stand_for_their_state_unless_a_locative_marks_the_place(language: str) -> None:
    for text, metonymy in zip(METONYMY[language], (True, False), strict=True):
        (mention,) = extract_mentions_in(text, language)
        assert (mention.entity_id, mention.metonymy) == ("PRK", metonymy), text


def test_sentence_index_follows_sentence_ends() -> None:
    mentions = extract_mentions_in("朝鲜派兵。俄罗斯欢迎。中国沉默。", "zh")
    assert [(m.entity_id, m.sentence_index) for m in mentions] == [("PRK", 0), ("RUS", 1), ("CHN", 2)]
    mentions = extract_mentions_in("КНДР направила войска. Россия приняла их.", "ru")
    assert [m.sentence_index for m in mentions] == [0, 1]


# --- data --------------------------------------------------------------------------------------------


def test_every_id_is_the_gazetteer_and_labels_follow_the_kind() -> None:
    gazetteer = load_gazetteer()
    names = load_names()
    for language, forms in names.forms.items():
        assert forms, language
        for form in forms:
            entity = gazetteer.entity(form.entity_id)
            assert entity is not None, form
            assert not form.metonymy or entity.kind == "state"
    # Every state's CLDR name in each language is a form of it, unless the policy excludes it.
    cldr = json.loads((DATA / "names_cldr.json").read_text(encoding="utf-8"))["names"]
    excluded = tomllib.loads((DATA / "names_multilingual.toml").read_text(encoding="utf-8"))["exclude"]
    assert len(cldr) == sum(1 for e in gazetteer.entities if e.kind == "state")
    for language in ("ko", "ru", "zh"):
        forms = {(f.text, f.entity_id) for f in names.forms[language]}
        for record in cldr:
            assert (record[language], record["id"]) in forms or record[language] in excluded[language]


def test_bad_data_is_refused_with_the_reason() -> None:
    cldr = (DATA / "names_cldr.json").read_text(encoding="utf-8")
    gazetteer = load_gazetteer()
    with pytest.raises(GazetteerError, match="not an entity of the gazetteer"):
        build_names(cldr, '[[names]]\nid = "no-such-person"\nru = ["Никто"]\n', gazetteer)
    with pytest.raises(GazetteerError, match="names both"):
        build_names(cldr, '[[names]]\nid = "kim-jong-un"\nko = ["북한"]\n', gazetteer)
    with pytest.raises(GazetteerError, match="only for a state"):
        build_names(cldr, '[[names]]\nid = "kim-jong-un"\nmetonymy = true\nko = ["김"]\n', gazetteer)


# The committed data files and the scripts that build them (from the package each reads).
GENERATED = [
    ("babel", "build_names_cldr.py", "names_cldr.json"),
    ("opencc", "build_zh_traditional.py", "zh_traditional.json"),
]


@pytest.mark.parametrize(("package", "script", "data_file"), GENERATED, ids=[g[2] for g in GENERATED])
def test_data_file_is_what_its_script_builds(tmp_path: Path, package: str, script: str, data_file: str) -> None:
    pytest.importorskip(package)
    out = tmp_path / data_file
    command = [sys.executable, str(REPO_ROOT / "scripts" / script), "--out", str(out)]
    subprocess.run(command, check=True, capture_output=True)
    assert out.read_text(encoding="utf-8") == (DATA / data_file).read_text(encoding="utf-8")


# --- relevance and routing ------------------------------------------------------------------------------


# Per language: (on the story, off it).
TOPIC = {
    "ko": ("북한은 러시아에 병력을 파견했고 중국은 침묵했다.", "오늘 서울은 맑고 낮 기온은 20도까지 오르겠다."),
    "ru": ("Пхеньян направил войска в Россию, Китай промолчал.", "Сборная России обыграла соперников в субботу."),
    "zh": ("朝鲜向俄罗斯派兵，中方表示关注。", "今天北京天气晴朗，市民外出游玩。"),
}


def test_the_shipped_gate_tells_on_from_off_topic() -> None:
    gate = shipped_gate()
    for language, texts in TOPIC.items():
        on_topic, off_topic = (extract_multilingual(text, language, gate) for text in texts)
        assert on_topic.relevance is not None and on_topic.relevance >= gate.min_relevance, language
        assert {"PRK", "RUS", "CHN"} <= {m.entity_id for m in on_topic.mentions}
        assert off_topic.relevance is not None and off_topic.relevance < gate.min_relevance, language


def test_keywords_count_in_the_texts_language() -> None:
    gate = shipped_gate()
    with_keywords = extract_multilingual("КНДР направила войска в Россию, санкции усилены.", "ru", gate)
    without = extract_multilingual("КНДР направила письмо в Россию, встреча прошла.", "ru", gate)
    assert with_keywords.relevance is not None and without.relevance is not None
    assert with_keywords.relevance > without.relevance


def test_keywords_do_not_lift_news_of_one_actor_over_the_gate() -> None:
    # Hard negatives: Russia's war on Ukraine without North Korea or China. Their keywords (troops,
    # Kursk) count only where two of the topic's actors are named.
    gate = shipped_gate()
    for text, language in [
        ("Войска Украины атаковали приграничные районы России; в Курской области введен режим КТО.", "ru"),
        ("乌克兰武装部队称,俄罗斯用无人机袭击了苏梅州,俄军部队继续推进。", "zh"),
        ("러시아군 병력이 쿠르스크 인근에서 우크라이나군과 교전했다.", "ko"),
    ]:
        extraction = extract_multilingual(text, language, gate)
        assert {m.entity_id for m in extraction.mentions} & set(gate.actors) == {"RUS"}, text
        assert extraction.relevance is not None and extraction.relevance < gate.min_relevance, text
    # An institution does not name its state: Xinhua's copy on the war is not about China.
    xinhua = extract_multilingual("据新华社报道,俄罗斯军队在库尔斯克州与乌克兰部队交火。", "zh", gate)
    assert xinhua.relevance is not None and xinhua.relevance < gate.min_relevance
    # A person or place of an actor names it: North Korean troops in Kursk (Russia) are the story,
    # and so are two leaders meeting with no state named.
    for text, language in [("Путин поблагодарил Ким Чен Ына за помощь.", "ru"), ("金正恩会见普京。", "zh")]:
        leaders = extract_multilingual(text, language, gate)
        assert leaders.relevance is not None and leaders.relevance >= gate.min_relevance, text
    story = extract_multilingual("Военные из Северной Кореи разминируют Курскую область, войска остаются.", "ru", gate)
    assert story.relevance is not None and story.relevance >= gate.min_relevance


@pytest.mark.slow
def test_extract_texts_routes_by_language_and_leaves_english_alone(nlp: Language) -> None:
    gate = shipped_gate()
    english = "North Korea sent troops to Russia's Kursk region last week, South Korea said."
    texts = [english, "북한은 러시아에 병력을 파견했다.", "Пхеньян направил войска в Курскую область."]
    texts.append("朝鲜向俄罗斯派兵。")
    mixed = list(extract_texts(nlp, texts, gate=gate))
    (alone,) = extract_texts(nlp, [english], gate=gate)
    assert mixed[0] == alone and alone.events  # English: the spaCy pipeline, as before
    for text, extraction in zip(texts[1:], mixed[1:], strict=True):
        assert (extraction.events, extraction.quotes, extraction.claims) == ((), (), ())
        assert {"PRK"} <= {m.entity_id for m in extraction.mentions}
        for mention in extraction.mentions:
            assert text[mention.start : mention.end] == mention.text
    # A forced language wins over detection; a length mismatch is an error.
    forced = extract_text(nlp, "Путин", language="ru")
    assert [(m.text, m.entity_id) for m in forced.mentions] == [("Путин", "vladimir-putin")]
    with pytest.raises(ValueError):
        list(extract_texts(nlp, texts, languages=["ko"]))


@pytest.mark.slow
def test_cli_extract_reads_korean_russian_and_chinese(tmp_path: Path, cli: CliInvoke) -> None:
    for text, expected in [
        ("김정은 위원장은 푸틴 대통령과 평양에서 만났다.", {"kim-jong-un", "vladimir-putin", "PRK"}),
        ("Ким Чен Ын встретился с Путиным в Пхеньяне.", {"kim-jong-un", "vladimir-putin", "PRK"}),
        ("金正恩在平壤会见普京。", {"kim-jong-un", "vladimir-putin", "PRK"}),
    ]:
        result = cli("extract", "--all", "-", cwd=tmp_path, stdin=text)
        assert result.exit_code == 0, result.stderr
        out = json.loads(result.stdout)
        assert expected <= {e["entity_id"] for e in out["entities"]}
        for entity in out["entities"]:
            assert text[entity["start"] : entity["end"]] == entity["text"]
        assert out["events"] == []


# --- figures on the labelled set (written for storywatch, not held-out real articles) ---------------


def test_labelled_sentences_meet_the_floors() -> None:
    scores = evaluate(load_sentences(), shipped_gate())
    assert set(scores) == {"ko", "ru", "zh"}
    for language, s in scores.items():
        assert s.precision >= 0.95, (language, s)
        assert s.recall >= 0.95, (language, s)
        # A leader named counts for their state (relevance_ids), so sentences naming leaders and one
        # state are on the topic here (in English they score low).
        assert s.topic_accuracy >= 0.9, (language, s)
