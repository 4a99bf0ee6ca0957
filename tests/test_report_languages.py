"""The report by language (issue 17): relevant coverage per week by the article's language and by its
outlet's affiliation, and the language beside each listed article, on a warehouse filled by the real
pipeline (feed and pages served on 127.0.0.1, the shipped English seed) with Korean, Russian and
Chinese articles whose canonical URLs name real outlets."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.helpers import SEED_TEXT_FILE, article_page, local_config, rows, rss_feed

pytestmark = pytest.mark.slow  # a real ingest run (spaCy, the feed and pages fetched): ~15 s

# Written for this test (short paraphrase-style texts, not copied from any outlet): (language, day,
# canonical URL, title, text, on the story?). The hosts are outlets.toml entries (TASS and Xinhua:
# state media; Yonhap and Meduza: independent) and one it does not list.
ARTICLES = [
    (
        "ru",
        date(2024, 11, 1),
        "https://tass.ru/politika/1001",
        "Шойгу провёл переговоры в Пхеньяне",
        "Секретарь Совбеза России Сергей Шойгу прибыл в Пхеньян. Он провёл переговоры с Ким Чен Ыном. "
        "Стороны обсудили выполнение договора о всеобъемлющем стратегическом партнёрстве между Россией и КНДР.",
        True,
    ),
    (
        "zh",
        date(2024, 11, 1),
        "https://www.news.cn/world/20241101/abc.html",
        "朝俄举行会谈",
        "朝鲜最高领导人金正恩在平壤会见俄罗斯安全会议秘书绍伊古。双方讨论了朝俄全面战略伙伴关系条约的落实。"
        "中国外交部发言人表示，朝俄之间的往来是两个主权国家之间的事情。",
        True,
    ),
    (
        "ko",
        date(2024, 11, 8),
        "https://www.yna.co.kr/view/AKR20241108000100504",
        "북한군 쿠르스크 투입",
        "국가정보원은 러시아에 파병된 북한군 일부가 쿠르스크 지역 전투에 투입됐다고 밝혔다. "
        "김정은 국무위원장은 러시아와의 군사협력을 강화하고 있다. 중국은 북러 밀착에 대해 말을 아꼈다.",
        True,
    ),
    (
        "ru",
        date(2024, 11, 8),
        "https://meduza.io/news/2024/11/08/kndr",
        "Военные КНДР в Курской области",
        "Украинская разведка сообщила, что северокорейские военные участвуют в боях в Курской области. "
        "Кремль не подтвердил присутствие войск КНДР в России. Пхеньян и Москва подписали договор летом.",
        True,
    ),
    (
        "zh",
        date(2024, 11, 14),
        "https://news.example.cn/2024/11/14/1.html",
        "俄朝合作引关注",
        "韩国国家情报院称，朝鲜已向俄罗斯派遣约一万一千名士兵。俄罗斯总统普京表示，俄朝条约符合国际法。"
        "分析人士认为，中国对朝俄军事合作保持沉默。",
        True,
    ),
    (
        "ko",
        date(2024, 11, 14),
        "https://www.yna.co.kr/view/AKR20241114000200005",
        "서울 백화점 겨울 세일",
        "서울 시내 주요 백화점들은 이번 주말 겨울 정기 세일을 시작한다. 업계는 소비 심리가 회복될 것으로 "
        "기대하고 있다. 일부 매장은 영업시간을 연장한다.",
        False,
    ),
]
AFFILIATION = {"tass.ru": "state", "news.cn": "state", "yna.co.kr": "independent", "meduza.io": "independent"}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from flows.config import load_config
    from flows.pipeline import run_ingest

    tmp_path = tmp_path_factory.mktemp("report-languages")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED_TEXT_FILE, seeds / "en.txt")
    (seeds / "manifest.toml").write_text('[[seed]]\nfile = "en.txt"\ntitle = "en"\npublished = "2024-11-15"\n')
    with HTTPServer() as server:
        items = []
        for n, (language, day, canonical, title, text, _) in enumerate(ARTICLES):
            server.expect_request(f"/a/{n}").respond_with_data(
                article_page(title, text, canonical, language, day), content_type="text/html; charset=utf-8"
            )
            items.append((title, server.url_for(f"/a/{n}"), title, day))
        server.expect_request("/feed.xml").respond_with_data(rss_feed(items), content_type="application/rss+xml")
        config = local_config(tmp_path, [{"name": "mixed", "url": server.url_for("/feed.xml")}])
        summary = run_ingest(load_config(str(config)), seeds_dir=str(seeds))
    assert summary.status == "completed", summary.errors
    return tmp_path / "w.duckdb"


def test_articles_are_stored_in_their_language_from_their_outlets(warehouse: Path) -> None:
    stored = dict(rows(warehouse, "select a.title, a.language from articles a"))
    assert stored == {title: language for language, _, _, title, _, _ in ARTICLES} | {"en": "en"}
    relevant = dict(rows(warehouse, "select title, relevant from article_days"))
    for _, _, _, title, _, on_topic in ARTICLES:
        assert relevant[title] is on_topic, title


def test_the_weekly_table_counts_every_relevant_article_once_by_language_and_affiliation(warehouse: Path) -> None:
    from warehouse.report import read_report_data

    data = read_report_data(warehouse)
    assert data.period.end == date(2024, 11, 15)
    # What the table must say, from the stored rows: each relevant article in the week (ending on the
    # period's last day) of its day, under its language and its outlet's affiliation.
    expected: dict[date, dict[str, object]] = {}
    for day, language, outlet in rows(
        warehouse,
        "select d.day, a.language, o.outlet from article_days d join articles a using (article_id)"
        " join article_outlets o using (article_id) where d.relevant",
    ):
        week = data.period.end - timedelta(days=6 + 7 * ((data.period.end - day).days // 7))
        counts = expected.setdefault(week, {"languages": {}, "state": 0, "independent": 0, "unknown": 0})
        counts["languages"][language] = counts["languages"].get(language, 0) + 1  # type: ignore[index, union-attr]
        kind = next((k for host, k in AFFILIATION.items() if outlet == host or outlet.endswith("." + host)), "unknown")
        counts[kind] += 1  # type: ignore[operator]
    got = {
        w.day: {"languages": w.by_language, "state": w.state, "independent": w.independent, "unknown": w.unknown}
        for w in data.coverage_languages
    }
    assert got == expected
    assert [w.day for w in data.coverage_languages] == sorted(got)  # oldest first
    # The material spans three weeks, all three languages, and state, independent and unlisted outlets.
    assert len(got) == 3
    assert {lang for w in data.coverage_languages for lang in w.by_language} == {"en", "ko", "ru", "zh"}
    first = data.coverage_languages[0]
    assert (first.by_language, first.state, first.independent) == ({"ru": 1, "zh": 1}, 2, 0)
    assert sum(w.articles for w in data.coverage_languages) == sum(s.relevant_articles for s in data.coverage_split) / 2


def test_the_page_shows_the_weekly_table_and_each_listed_articles_language(warehouse: Path) -> None:
    from flows.report.page import language_columns, render_report
    from warehouse.report import read_report_data

    data = read_report_data(warehouse)
    page_html = render_report(data)
    assert 'id="coverage-languages"' in page_html
    for language in language_columns(data):
        assert f'data-language="{language}"' in page_html
    # The first week: two state-media articles of two, 100 %.
    first = data.coverage_languages[0]
    assert f'data-week="{first.day.isoformat()}"' in page_html
    assert '<td class="num" data-affiliation="state">2 <span class="muted">(100.0%)</span></td>' in page_html

    stored = dict(rows(warehouse, "select title, language from articles"))
    listed = [a for t in data.threads or () for a in t.listed]
    assert listed, "the story's articles form at least one thread"
    assert all(a.language == stored[a.title] for a in listed)
    assert {a.language for a in listed} > {"en"}  # threads join articles across languages
    assert all(d.language == stored.get(d.title, "und") for d in data.developments)
    for d in data.developments:
        assert f'<span class="lang" title="language of the article">{d.language}</span>' in page_html
