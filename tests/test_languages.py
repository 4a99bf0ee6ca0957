"""Language per article (extractors/language.py), feeds' `lang`, outlet metadata (who is speaking),
the views by language and by state media vs independent, alert rules by language, and `extract`'s
language: real ingest runs on seeds and a local feed in Korean, Russian and Chinese."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from pytest_httpserver import HTTPServer

from extractors.language import SUPPORTED, detect_language, document_language, is_iso639_1
from extractors.outlets import OutletDataError, load_outlets, parse_outlets
from flows.config import ConfigError, load_config
from tests.helpers import (
    SEED_TEXT_FILE,
    CliInvoke,
    article_page,
    local_config,
    quiet_config,
    rows,
    rss_feed,
    storywatch,
)

# Test material written for these tests: on the story, and off it (negatives), in each language.
ON_TOPIC = {
    "ko": "북한은 러시아에 병력을 파견했다. 국가정보원은 북한군 약 1만1천 명이 러시아 쿠르스크 지역에 배치됐다고 "
    "밝혔다. 김정은 국무위원장은 평양에서 러시아 국방장관을 만났다.",
    "ru": "Пхеньян направил войска в Курскую область. По данным разведки Южной Кореи, около 11 тысяч "
    "военнослужащих КНДР находятся в России. Ким Чен Ын встретился с министром обороны России.",
    "zh": "朝鲜向俄罗斯派兵。韩国国家情报院称，约一万一千名朝鲜士兵已部署到俄罗斯库尔斯克地区。"
    "中国外交部发言人表示对此不了解情况。",
}
OFF_TOPIC = {
    "ko": "서울 시내 주요 백화점들은 이번 주말 겨울 정기 세일을 시작한다. "
    "업계는 소비 심리가 회복될 것으로 기대하고 있다.",
    "ru": "В Москве открылась новая станция метро. "
    "Городские власти обещают, что до конца года заработают ещё три станции.",
    "zh": "上海今天迎来今年第一场雪，市民纷纷走上街头拍照。气象部门预计明天气温将继续下降。",
}


# --- detection ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ko", "ru", "zh"])
def test_story_and_off_topic_texts_are_detected_in_their_language(language: str) -> None:
    assert detect_language(ON_TOPIC[language]) == language
    assert detect_language(OFF_TOPIC[language]) == language
    # One short sentence is enough (the issue's own examples).
    short = {
        "ko": "북한은 러시아에 병력을 파견했다",
        "ru": "Пхеньян направил войска в Курскую область",
        "zh": "朝鲜向俄罗斯派兵",
    }
    assert detect_language(short[language]) == language


def test_english_other_languages_and_too_short_texts() -> None:
    assert detect_language(SEED_TEXT_FILE.read_text(encoding="utf-8")) == "en"
    assert detect_language("North Korea sent troops to Russia, and the treaty was ratified by both.") == "en"
    assert detect_language("Der Bundeskanzler sprach heute in Berlin über die Lage in Nordkorea.") == "de"
    assert detect_language("日本の首相は東京で北朝鮮のミサイル発射について記者会見を行った") == "ja"
    for too_short in ("", "   ", "12345 67", "Kim Jong Un", "Путин", "平壤", "TASS"):
        assert detect_language(too_short) == "und", too_short
    assert set(SUPPORTED) <= {"en", "ko", "ru", "zh"} and all(is_iso639_1(code) for code in SUPPORTED)


def test_a_declared_language_stands_in_only_when_the_text_cannot_tell() -> None:
    assert document_language("Путин", "ru") == "ru"
    assert document_language("Путин", "ru-RU") == "ru"  # a page's <html lang> subtag
    assert document_language("Путин", "xx") == "und"  # not a language code: not trusted
    assert document_language("Путин", None) == "und"
    assert document_language(ON_TOPIC["zh"], "en") == "zh"  # the text wins over the declaration


def test_real_pages_in_other_languages(shared_dir: Path) -> None:
    """Benchmark pages (shared/data/article-extraction) written in Korean, Russian, Japanese,
    German and Portuguese (read by a person), and an English one."""
    truth = json.loads((shared_dir / "data" / "article-extraction" / "ground-truth.json").read_text())
    expected = {
        "0ec95c7261d122f304728e90c983450ef1ce1e0b423546835c397d50aaf0d0f2": "ko",
        "3c6d3381ef52ca26be2fbde19c1b0fe17d85682b726dfecf5e300c1ca34546b1": "ru",
        "c82b3d1d540bbbd6081bdfb78b4c068c583aa766bcaaefe7ad16d24e5413a829": "ru",
        "85439e26c41c75901820d01a13e8cea7836abb58635ea3986f71a163ab0311d3": "ja",
        "57b4dafd18cfd0531b69f81e87158648227c673ef159f8d8c87d34e34bdb21f2": "de",
        "23aaecd14171f96cfd201a8a46666097e286ad71f74f29347a78c5ecba50da1e": "pt",
    }
    for page_id, language in expected.items():
        assert detect_language(truth[page_id]["articleBody"]) == language, page_id
    english = [t["articleBody"] for t in truth.values() if t["articleBody"].count(" the ") >= 5]
    assert english and all(detect_language(text) == "en" for text in english[:40])


# --- configuration and curated data -------------------------------------------------------------


def test_feed_lang_and_alert_languages_are_validated(tmp_path: Path) -> None:
    good = local_config(tmp_path, [{"name": "TASS", "url": "https://tass.ru/rss/v2.xml", "lang": "ru"}])
    assert load_config(str(good)).feeds[0].lang == "ru"
    bad = local_config(tmp_path, [{"name": "TASS", "url": "https://tass.ru/rss/v2.xml", "lang": "russian"}])
    with pytest.raises(ConfigError, match=r"lang.*ISO 639-1.*'russian'"):
        load_config(str(bad))
    rule = '[[alerts.rules]]\nname = "ru news"\nkind = "new_coverage"\nlanguages = ["ru", "kor"]\n'
    with pytest.raises(ConfigError, match=r"languages.*ISO 639-1.*'kor'"):
        load_config(str(quiet_config(tmp_path, "rule", rule)))


def test_the_shipped_feeds_and_outlets_are_well_formed() -> None:
    feeds = load_config(str(Path(__file__).resolve().parents[1] / "storywatch.toml")).feeds
    languages = {f.lang for f in feeds}
    assert {"ko", "ru", "zh"} <= languages
    outlets = {o.outlet: o for o in load_outlets()}
    assert outlets["tass.ru"].state_affiliated is True and outlets["tass.ru"].country == "RUS"
    assert outlets["kcna.kp"].state_affiliated is True and outlets["meduza.io"].state_affiliated is False
    assert all(o.outlet == o.outlet.lower() and not o.outlet.startswith("www.") for o in outlets.values())


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ('["Tass.ru"]\nname = "TASS"', "lower-case host"),
        ('["tass.ru"]\nname = "TASS"\ncountry = "Russia"', "alpha-3"),
        ('["tass.ru"]\nname = "TASS"\nlanguage = "rus"', "ISO 639-1"),
        ('["tass.ru"]\nname = "TASS"\nstate_affiliated = "yes"', "true or false"),
        ('["tass.ru"]\nname = "TASS"\nfunded = true', "unknown key"),
        ('["tass.ru"]\ncountry = "RUS"', "name"),
    ],
)
def test_a_malformed_outlet_entry_is_named(entry: str, problem: str) -> None:
    with pytest.raises(OutletDataError, match=problem) as caught:
        parse_outlets(entry, "outlets.toml")
    assert "outlets.toml" in str(caught.value)


# --- ingest runs ---------------------------------------------------------------------------------


def seeds_in_languages(folder: Path) -> Path:
    """A seed folder: the story and an off-topic text in each of ko, ru, zh, and the English seed."""
    folder.mkdir()
    texts = {f"{lang}-on": text for lang, text in ON_TOPIC.items()}
    texts |= {f"{lang}-off": text for lang, text in OFF_TOPIC.items()}
    texts["en-on"] = SEED_TEXT_FILE.read_text(encoding="utf-8")
    manifest = []
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        manifest.append(f'[[seed]]\nfile = "{name}.txt"\ntitle = "{name}"\npublished = "2024-11-08"\n')
    (folder / "manifest.toml").write_text("\n".join(manifest), encoding="utf-8")
    return folder


ALERT_RULES = """
[[alerts.rules]]
name = "russian coverage"
kind = "new_coverage"
include_seeds = true
max_age_hours = 1000000
languages = ["ru"]

[[alerts.rules]]
name = "any coverage"
kind = "new_coverage"
include_seeds = true
max_age_hours = 1000000
"""


@pytest.mark.slow
def test_seeds_in_four_languages_are_stored_viewed_alerted_and_backfilled(
    prefect_harness: None, tmp_path: Path
) -> None:
    from flows.pipeline import ingest
    from flows.reextract import reextract

    seeds = seeds_in_languages(tmp_path / "seeds")
    config = quiet_config(tmp_path, "config", ALERT_RULES)
    db = tmp_path / "w.duckdb"
    assert ingest(config_path=str(config), db=str(db), offline=True, seeds_dir=str(seeds)).status == "completed"
    stored = dict(rows(db, "select title, language from articles"))
    assert stored == {name: name.split("-")[0] for name in stored} and len(stored) == 7

    # The by-language view counts what the articles say, relevant or not.
    by_language = {
        r[0]: r[1:] for r in rows(db, "select language, relevant_articles, all_articles from coverage_language_daily")
    }
    relevant = dict(
        rows(
            db,
            "select language, count(*) filter (where relevant) from article_days"
            " join articles using (article_id) group by 1",
        )
    )
    assert set(by_language) == {"en", "ko", "ru", "zh"}
    assert {lang: counts[0] for lang, counts in by_language.items()} == relevant
    assert by_language["ru"][1] == 2 and by_language["en"][1] == 1
    assert relevant["ru"] >= 1 and relevant["ko"] >= 1 and relevant["zh"] >= 1  # the story texts

    # `languages = ["ru"]`: only Russian articles alert; the rule without it alerts in every language.
    alerted = rows(db, "select al.rule, a.language from alerts al join articles a using (article_id) order by 1, 2")
    assert {lang for rule, lang in alerted if rule == "russian coverage"} == {"ru"}
    assert {lang for rule, lang in alerted if rule == "any coverage"} >= {"ru", "ko", "zh"}

    # Seeds have no web address: their outlet is the source id, which no curated entry names.
    assert rows(db, "select distinct affiliation, source_country from article_sources") == [("unknown", "unknown")]

    # Rows stored before language detection said "en" (the old default): reextract fills them in.
    with duckdb.connect(str(db)) as con:
        con.execute("update articles set language = 'en'")
    assert reextract(config_path=str(config), db=str(db)).status == "completed"
    assert dict(rows(db, "select title, language from articles")) == stored


FEED_DAY = date(2025, 2, 12)


@pytest.mark.slow
def test_a_russian_feed_with_lang_and_who_is_speaking(
    prefect_harness: None, tmp_path: Path, httpserver: HTTPServer, no_seeds: Path, cli: CliInvoke
) -> None:
    from flows.pipeline import ingest

    base = httpserver.url_for("")
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss_feed(
            [
                ("Войска КНДР в Курской области", f"{base}politika/1", "Войска.", FEED_DAY),
                ("Путин", f"{base}gone", "Путин и Ким", FEED_DAY),  # no page: a summary too short to tell
            ]
        ),
        content_type="application/rss+xml",
    )
    httpserver.expect_request("/politika/1").respond_with_data(
        article_page("Войска КНДР в Курской области", ON_TOPIC["ru"], "https://tass.ru/politika/1"),
        content_type="text/html; charset=utf-8",
    )
    httpserver.expect_request("/gone").respond_with_data("not found", status=404)
    config = local_config(tmp_path, [{"name": "Лента", "url": f"{base}feed.xml", "lang": "ru"}])
    db = tmp_path / "w.duckdb"
    assert ingest(config_path=str(config), seeds_dir=str(no_seeds)).status == "completed"

    stored = dict(rows(db, "select title, language from articles"))
    assert stored == {"Войска КНДР в Курской области": "ru", "Путин": "ru"}  # the second: the feed's lang
    # … and it is read as Russian: the short summary's name is linked (read as English, it is not).
    linked = rows(db, "select m.entity_id from mentions m join articles a using (article_id) where a.title = 'Путин'")
    assert ("vladimir-putin",) in linked
    # Who is speaking: the canonical host is TASS, state media in Russia.
    sources = rows(
        db,
        "select outlet, outlet_name, source_country, affiliation, owner, s.language from article_sources s"
        " join articles a using (article_id) where a.title = 'Войска КНДР в Курской области'",
    )
    assert sources == [
        ("tass.ru", "TASS", "RUS", "state", "Russian government (federal state unitary enterprise)", "ru")
    ]
    by_affiliation = rows(
        db, "select affiliation, source_country, count(*) from article_sources group by 1, 2 order by 1"
    )
    assert by_affiliation == [("state", "RUS", 1), ("unknown", "unknown", 1)]

    shown = cli("feeds", "--config", str(config), cwd=tmp_path)
    assert shown.exit_code == 0 and "lang" in shown.stdout and " ru " in shown.stdout
    as_json = cli("feeds", "--config", str(config), "--format", "json", cwd=tmp_path)
    assert [feed["lang"] for feed in json.loads(as_json.stdout)] == ["ru"]


# --- extract --------------------------------------------------------------------------------------


@pytest.mark.slow
def test_extract_prints_the_language_and_lang_forces_it(tmp_path: Path, cli: CliInvoke) -> None:
    lines = "".join(json.dumps({"id": lang, "text": text}) + "\n" for lang, text in ON_TOPIC.items())
    done = storywatch("extract", "--jsonl", cwd=tmp_path, stdin=lines)
    assert done.returncode == 0, done.stderr
    out = {line["id"]: line for line in map(json.loads, done.stdout.splitlines())}
    assert {k: v["language"] for k, v in out.items()} == {"ko": "ko", "ru": "ru", "zh": "zh"}
    assert all("PRK" in {e["entity_id"] for e in v["entities"]} for v in out.values())

    forced = cli("extract", "--lang", "ru", cwd=tmp_path, stdin="Путин")
    assert forced.exit_code == 0, forced.stderr
    assert json.loads(forced.stdout)["language"] == "ru"
    assert json.loads(cli("extract", cwd=tmp_path, stdin="Путин").stdout)["language"] == "und"
    wrong = cli("extract", "--lang", "russian", cwd=tmp_path, stdin="Путин")
    assert wrong.exit_code == 2 and "--lang must be an ISO 639-1" in wrong.stderr
