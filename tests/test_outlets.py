"""The shipped outlet metadata (extractors/data/outlets.toml): every entry passes the loader's
validation, the outlets the issue names are there under their real hosts, and state media are marked."""

from __future__ import annotations

import tomllib

import pytest

from extractors.outlets import OUTLETS_PATH, Outlet, load_outlets, parse_outlets

# The outlets issue 17 names, by the host their articles use.
STATE_MEDIA = {
    "kcna.kp": "PRK",
    "rodong.rep.kp": "PRK",
    "uriminzokkiri.com": "PRK",
    "tass.ru": "RUS",
    "tass.com": "RUS",
    "ria.ru": "RUS",
    "rt.com": "RUS",
    "kremlin.ru": "RUS",
    "mid.ru": "RUS",
    "news.cn": "CHN",
    "xinhuanet.com": "CHN",
    "people.com.cn": "CHN",
    "globaltimes.cn": "CHN",
    "huanqiu.com": "CHN",
    "cgtn.com": "CHN",
    "chinadaily.com.cn": "CHN",
    "fmprc.gov.cn": "CHN",
}
INDEPENDENT = {
    "yna.co.kr": "KOR",
    "kbs.co.kr": "KOR",
    "joongang.co.kr": "KOR",
    "chosun.com": "KOR",
    "hani.co.kr": "KOR",
    "nknews.org": "KOR",
    "dailynk.com": "KOR",
    "interfax.ru": "RUS",
    "iz.ru": "RUS",
    "kommersant.ru": "RUS",
    "meduza.io": "LVA",
    "novayagazeta.eu": "LVA",
    "caixin.com": "CHN",
    "scmp.com": "CHN",
    "reuters.com": "GBR",
    "apnews.com": "USA",
    "bbc.com": "GBR",
    "nytimes.com": "USA",
}


@pytest.fixture(scope="module")
def outlets() -> dict[str, Outlet]:
    return {o.outlet: o for o in load_outlets()}


def test_every_shipped_entry_passes_validation_and_none_is_lost() -> None:
    text = OUTLETS_PATH.read_text(encoding="utf-8")
    parsed = parse_outlets(text, str(OUTLETS_PATH))
    assert len(parsed) == len(tomllib.loads(text))  # every table became an outlet
    assert len({o.outlet for o in parsed}) == len(parsed)


def test_every_country_is_a_state_of_the_gazetteer(outlets: dict[str, Outlet]) -> None:
    """source_country joins `entities` (a state's id), so a code the gazetteer lacks would name nothing."""
    from extractors.gazetteer import load_gazetteer

    states = {e.entity_id for e in load_gazetteer().entities if e.kind == "state"}
    assert {o.country for o in outlets.values() if o.country} <= states


@pytest.mark.parametrize(("host", "country"), sorted(STATE_MEDIA.items()))
def test_the_state_media_of_the_issue_are_marked(outlets: dict[str, Outlet], host: str, country: str) -> None:
    assert outlets[host].state_affiliated is True
    assert outlets[host].country == country


@pytest.mark.parametrize(("host", "country"), sorted(INDEPENDENT.items()))
def test_the_independent_outlets_of_the_issue_are_marked(outlets: dict[str, Outlet], host: str, country: str) -> None:
    assert outlets[host].state_affiliated is False
    assert outlets[host].country == country


def test_no_entry_is_a_subdomain_of_another_with_different_facts(outlets: dict[str, Outlet]) -> None:
    """A subdomain entry overrides its parent in article_sources (longest match): it must say why, by
    differing in language or name; a plain copy would only hide a later fix to the parent."""
    for host, outlet in outlets.items():
        parents = [p for p in outlets if host.endswith("." + p)]
        for parent in parents:
            assert (outlet.language, outlet.name) != (outlets[parent].language, outlets[parent].name), host
