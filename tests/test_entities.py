"""Entity recognition and linking on real sentences (the seed's and other regions')."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from extractors.extract import extract_text
from extractors.nlp import RULER_NAME
from extractors.records import Mention
from extractors.relevance import relevance

REPO = Path(__file__).resolve().parents[1]
SEED = (REPO / "seeds" / "000_55ac9cc17b546c97.txt").read_text("utf-8")
TOPIC = {"actors": ("CHN", "PRK", "RUS"), "keywords": ("Kursk", "troops", "alliance", "Asian NATO")}


@pytest.fixture(scope="module")
def seed_mentions(nlp: Language) -> list[Mention]:
    return list(extract_text(nlp, SEED).mentions)


def linked(nlp: Language, text: str) -> dict[str, str | None]:
    return {m.text: m.entity_id for m in extract_text(nlp, text).mentions}


def test_ruler_sits_before_ner(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index(RULER_NAME) < names.index("ner")


def test_offsets_point_into_the_text(seed_mentions: list[Mention]) -> None:
    assert seed_mentions
    for m in seed_mentions:
        assert SEED[m.start : m.end] == m.text


def test_north_korea_variants_link_to_prk(nlp: Language) -> None:
    text = (
        "Pyongyang denied the report. North Korea’s army moved. The DPRK said nothing. "
        "North Korean soldiers arrived. NORTH KOREA fired a missile. "
        "The Democratic People's Republic of Korea objected."
    )
    mentions = extract_text(nlp, text).mentions
    prk = [m for m in mentions if m.entity_id == "PRK"]
    assert {m.text for m in prk} >= {"Pyongyang", "North Korea", "DPRK", "North Korean", "NORTH KOREA"}
    assert next(m for m in prk if m.text == "Pyongyang").metonymy is True
    assert next(m for m in prk if m.text == "North Korea").metonymy is False


def test_capital_as_government_is_metonymy_but_as_place_is_not(nlp: Language) -> None:
    gov = [m for m in extract_text(nlp, "Beijing has refrained from comment.").mentions if m.text == "Beijing"]
    place = [m for m in extract_text(nlp, "The talks were held in Beijing on Monday.").mentions if m.text == "Beijing"]
    assert gov[0].entity_id == "CHN" and gov[0].metonymy is True
    assert place[0].entity_id == "CHN" and place[0].metonymy is False


def test_seed_model_errors_are_gone(seed_mentions: list[Mention]) -> None:
    kursk = [m for m in seed_mentions if m.text.startswith("Kursk")]
    assert kursk and all(m.label != "PRODUCT" for m in kursk)
    assert all(m.entity_id == "kursk" for m in kursk)
    assert not [m for m in seed_mentions if m.label == "PERSON" and "North Korea" in m.text]


def test_seed_links(seed_mentions: list[Mention]) -> None:
    by_text: dict[str, set[str | None]] = {}
    for m in seed_mentions:
        by_text.setdefault(m.text, set()).add(m.entity_id)
    assert by_text["Pyongyang"] == {"PRK"}
    assert by_text["North Korean"] == {"PRK"}
    assert by_text["Chinese"] == {"CHN"}
    assert by_text["Moscow"] == {"RUS"}
    assert by_text["NATO"] == {"NATO"}
    assert by_text["Dennis Wilder"] == {"dennis-wilder"}
    assert by_text["Xi Jinping"] == {"xi-jinping"}
    counts: dict[str | None, int] = {}
    for m in seed_mentions:
        counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
    top3 = sorted((k for k in counts if k), key=lambda k: -counts[k])[:3]
    assert set(top3) == {"CHN", "PRK", "RUS"}


def test_possessive_and_article_do_not_break_linking(nlp: Language) -> None:
    mentions = linked(nlp, "The United States and the U.S. Navy's allies met Russia's envoy and the Kremlin's aides.")
    assert mentions.get("The United States") == "USA" or mentions.get("United States") == "USA"
    assert mentions.get("Russia") == "RUS"
    assert mentions.get("Kremlin") == "RUS"


def test_other_region_paragraph(nlp: Language) -> None:
    text = (
        "Sudan's army said on Tuesday it had retaken Khartoum, while the Rapid Support Forces accused Chad "
        "and the United Arab Emirates of arming their rivals. Egypt and Ethiopia traded accusations over the "
        "dam, and Nairobi offered to mediate. Colombian President Gustavo Petro met Brazil's leader in Brasília."
    )
    links = linked(nlp, text)
    assert links["Sudan"] == "SDN"
    assert links["Khartoum"] == "SDN"
    assert links["Chad"] == "TCD"
    assert links.get("the United Arab Emirates", links.get("United Arab Emirates")) == "ARE"
    assert links["Egypt"] == "EGY" and links["Ethiopia"] == "ETH"
    assert links["Nairobi"] == "KEN"
    assert links["Colombian"] == "COL"
    assert links["Brazil"] == "BRA"


def test_unlinked_entities_are_kept(nlp: Language) -> None:
    mentions = extract_text(nlp, "Acme Widgets Corporation hired Jonathan Q. Smithers in Springfield.").mentions
    assert any(m.entity_id is None for m in mentions)


def test_relevance_seed_near_one_unrelated_near_zero(nlp: Language, seed_mentions: list[Mention]) -> None:
    seed_score = relevance((m.entity_id for m in seed_mentions), SEED, **TOPIC)
    assert seed_score >= 0.9
    other = (
        "The city council of Lyon approved a new budget for public transport on Monday. Trams will run "
        "later at night, and bus fares will stay the same for students, the mayor said."
    )
    other_mentions = extract_text(nlp, other).mentions
    assert relevance((m.entity_id for m in other_mentions), other, **TOPIC) <= 0.1
    one_actor = "Russia launched drones at Kyiv overnight, Ukraine's air force said. Russia denied it."
    one_mentions = extract_text(nlp, one_actor).mentions
    partial = relevance((m.entity_id for m in one_mentions), one_actor, **TOPIC)
    assert 0.1 < partial < 0.35 < seed_score


def test_each_entity_is_linked_once_per_document(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    """The relevance score, the resolver and the mentions share one link per entity (kept with the
    document), and get what linking each entity gives."""
    from extractors import entities
    from extractors.extract import extract_doc, gate_score
    from extractors.gazetteer import load_gazetteer
    from extractors.relevance import RelevanceGate

    text = "Kim Jong Un met Vladimir Putin in Pyongyang as North Korean troops fought in Kursk for Moscow."
    gazetteer = load_gazetteer()
    expected = [entities.link_span(ent, gazetteer) for ent in nlp(text).ents if ent.label_ in entities.NAMED_LABELS]
    calls: list[int] = []
    real = entities.link_span

    def counting(span, gaz):  # type: ignore[no-untyped-def]
        calls.append(span.start)
        return real(span, gaz)

    monkeypatch.setattr(entities, "link_span", counting)
    doc = nlp(text)
    gate = RelevanceGate(actors=TOPIC["actors"], keywords=TOPIC["keywords"], min_relevance=0.0)
    score = gate_score(doc, gate, text)
    extraction = extract_doc(doc, None, gate, score=score, text=text)
    assert sorted(calls) == sorted(set(calls)) and len(calls) == len(expected)
    assert [(m.entity_id, m.metonymy) for m in extraction.mentions] == expected


def test_keywords_count_up_to_their_saturation_and_a_text_needs_no_more() -> None:
    """Two key phrases give the whole keyword share; a text with more scores the same (the rest are
    not searched for), one with one half of it, and a phrase inside another word is not one."""
    keywords = ["sanctions", "Kursk", "alliance", "mutual defence"]
    common = {"actors": ["CHN", "PRK", "RUS"], "keywords": keywords}
    ids = ["RUS"]
    two = "New sanctions were announced as fighting went on near Kursk."
    four = "New sanctions near Kursk tested the alliance and its mutual  defence pledge."
    one = "New sanctions were announced on Tuesday by the ministry in a statement."
    none = "The Kurskaya line and the alliances of old were discussed."
    base = relevance(ids, none, **common)
    assert relevance(ids, two, **common) == relevance(ids, four, **common, word_count=len(two.split()))
    assert relevance(ids, two, **common) == round(base + 0.15, 4)
    assert relevance(ids, one, **common, word_count=len(none.split())) == round(base + 0.075, 4)
