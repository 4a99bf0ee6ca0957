"""PLOVER events: the seed's key events, the grammar the rules handle, the lexicon, dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from extractors.dates import resolve_date
from extractors.extract import extract_text, extract_texts
from extractors.lexicon import PLOVER_TYPES, load_lexicon, parse_lexicon
from extractors.records import Event

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_55ac9cc17b546c97.txt"
SEED_DATE = date(2024, 11, 8)


@pytest.fixture(scope="module")
def seed_events(nlp: Language) -> list[Event]:
    return list(extract_text(nlp, SEED.read_text(encoding="utf-8"), SEED_DATE).events)


def events(nlp: Language, text: str, published_at: date | None = None) -> set[tuple[str, str, str | None]]:
    return {(e.event_type, e.actor_id, e.recipient_id) for e in extract_text(nlp, text, published_at).events}


def only(nlp: Language, text: str, published_at: date | None = None) -> Event:
    found = list(extract_text(nlp, text, published_at).events)
    assert len(found) == 1, found
    return found[0]


# -- the seed ----------------------------------------------------------------------------------


def test_seed_troop_deployment(seed_events: list[Event]) -> None:
    deployment = next(e for e in seed_events if "at least 10,000" in e.sentence)
    assert (deployment.event_type, deployment.actor_id, deployment.recipient_id) == ("AID", "PRK", "RUS")
    assert deployment.mode == "military"
    assert deployment.quantity == 10000
    assert deployment.location_id == "kursk"
    assert deployment.hedged is True
    assert deployment.negated is False
    text = SEED.read_text(encoding="utf-8")
    assert text[deployment.start : deployment.end] == deployment.sentence


def test_seed_defence_pact_is_agree_both_ways(seed_events: list[Event]) -> None:
    pact = [e for e in seed_events if "mutual defense pact" in e.sentence and e.event_type == "AGREE"]
    assert {(e.actor_id, e.recipient_id) for e in pact} == {("RUS", "PRK"), ("PRK", "RUS")}
    assert all(e.mode == "pact" and e.event_date == date(2023, 6, 1) for e in pact)
    assert {e.actor_text for e in pact} == {"Moscow", "Pyongyang"}


def test_seed_has_no_event_in_commentary(seed_events: list[Event]) -> None:
    assert not [e for e in seed_events if e.sentence.startswith("Domestically, China is grappling")]
    assert not [e for e in seed_events if "willingness to support" in e.sentence]


# -- grammar -----------------------------------------------------------------------------------


def test_passive_with_agent(nlp: Language) -> None:
    event = only(nlp, "Around 12,000 troops were sent by Pyongyang to Russia.")
    assert (event.event_type, event.actor_id, event.recipient_id, event.quantity) == ("AID", "PRK", "RUS", 12000)


def test_passive_without_agent_takes_the_theme_nationality(nlp: Language) -> None:
    assert ("AID", "PRK", "RUS") in events(nlp, "North Korean troops are being deployed to Russia.")


def test_relative_clause_and_apposition(nlp: Language) -> None:
    assert events(nlp, "Troops who were sent by Minsk to the Polish border have begun live-fire drills.") == {
        ("MOBILIZE", "BLR", "POL")
    }
    assert events(nlp, "The Wagner Group, a Russian mercenary force, attacked villages in central Mali.") == {
        ("ASSAULT", "RUS", "MLI")
    }


def test_compound_actors_give_one_event_per_pair(nlp: Language) -> None:
    assert events(nlp, "Spain, Ireland and Norway formally recognised a Palestinian state.") == {
        ("SUPPORT", "ESP", "PSE"),
        ("SUPPORT", "IRL", "PSE"),
        ("SUPPORT", "NOR", "PSE"),
    }
    assert events(nlp, "Israel rejected the ceasefire proposal put forward by Egypt and Qatar.") == {
        ("REJECT", "ISR", "EGY"),
        ("REJECT", "ISR", "QAT"),
    }


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        # A verb's object with "no": the act did not happen.
        ("Officials from Moscow and Pyongyang held no talks on the railway link last year.", True),
        ("Belarus sent no soldiers to Russia, its defence ministry said.", True),
        ("Iran gave Russia no drones in the spring, the officials said.", True),
        # "no" elsewhere than on the act's object leaves it done.
        ("Officials from Moscow and Pyongyang held talks on the railway link with no aides present.", False),
        ("Belarus sent soldiers to Russia with no heavy weapons, its defence ministry said.", False),
    ],
)
def test_an_object_with_no_negates_the_act(nlp: Language, text: str, negated: bool) -> None:
    # An act that did not happen is no event (news README, stop 45).
    found = extract_text(nlp, text, date(2025, 1, 1)).events
    assert not found if negated else found and not any(e.negated for e in found)


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        # "Declined to give / provide" is no rejection (verbs.decline not_with: "declined to provide details"),
        # so the inner act is read, and it did not happen (transparent.negating, as "failed to").
        ("Hanoi declined to provide rifles to Vientiane, officials said.", True),
        ("Thailand declined to give Cambodia the artillery shells it had asked for.", True),
        # A decline elsewhere in the sentence leaves the aid given.
        ("Hanoi provided rifles to Vientiane after declining an earlier request.", False),
        ("Thailand gave Cambodia artillery shells, although it had declined to comment on the deal.", False),
    ],
)
def test_aid_declined_is_negated(nlp: Language, text: str, negated: bool) -> None:
    aid = [e for e in extract_text(nlp, text, date(2025, 1, 1)).events if e.event_type == "AID"]
    assert not aid if negated else aid and not any(e.negated for e in aid), aid


def test_negation_and_hedging(nlp: Language) -> None:
    # A signing that did not take place is no event (news README, stop 45).
    assert not extract_text(nlp, "Armenia did not sign the peace agreement with Azerbaijan.", date(2025, 1, 1)).events
    supplied = only(nlp, "Russia reportedly supplied Iran with advanced fighter jets.")
    assert (supplied.event_type, supplied.recipient_id, supplied.mode) == ("AID", "IRN", "military")
    assert supplied.hedged is True
    assert only(nlp, "Rwanda may be supplying weapons to rebels in Congo, analysts suggest.").hedged is True


def test_officials_resolve_to_their_state(nlp: Language) -> None:
    assert events(nlp, "U.S. State Department spokesperson Matthew Miller condemned the Russian strike.") == {
        ("DISAPPROVE", "USA", "RUS")
    }
    event = only(nlp, "A spokesperson for the Chinese foreign ministry condemned the Taiwanese vice president's visit.")
    assert (event.actor_id, event.recipient_id) == ("CHN", "TWN")


def test_future_cooperation_is_an_intention(nlp: Language) -> None:
    event = only(nlp, "Japan said on Tuesday it would provide $200 million in emergency aid to Turkey.")
    assert (event.event_type, event.actor_id, event.recipient_id) == ("AGREE", "JPN", "TUR")


def test_appeals_statements_and_plain_news_are_not_events(nlp: Language) -> None:
    # An appeal to an actor is a demand (issue 13); what it asks for is no event of its own.
    appeal = "Egypt's foreign minister urged Israel to allow more aid into Gaza."
    assert events(nlp, appeal) == {("DEMAND", "EGY", "ISR")}
    assert events(nlp, "Senegal's opposition leader called for a general strike.") == set()
    assert events(nlp, "Heavy rains caused flooding across much of southern Brazil.") == set()
    assert events(nlp, "Support for the ruling party has fallen sharply in recent polls.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China demanded that the Philippines withdraw its vessels.", ("DEMAND", "CHN", "PHL")),
        ("Iran freed two French citizens.", ("RETREAT", "IRN", "FRA")),
        ("The IAEA inspected Iran's Fordow enrichment site.", ("INVESTIGATE", "IAEA", "IRN")),
        ("Poland accused Belarus of orchestrating the migrant crisis.", ("DISAPPROVE", "POL", "BLR")),
        ("North Korea threatened to launch a nuclear strike against the United States.", ("THREATEN", "PRK", "USA")),
        ("The European Union imposed new sanctions on Iran.", ("SANCTION", "EU", "IRN")),
        ("Kenyan protesters stormed parliament in Nairobi.", ("PROTEST", "KEN", "KEN")),
        ("A Mexican drug cartel smuggled tonnes of cocaine into the United States.", ("CRIME", "MEX", "USA")),
        ("Russian authorities detained an American journalist.", ("COERCE", "RUS", "USA")),
        ("Israeli jets struck targets in southern Lebanon.", ("ASSAULT", "ISR", "LBN")),
        ("Turkish Foreign Minister Hakan Fidan traveled to Cairo for talks.", ("CONSULT", "TUR", "EGY")),
        ("Japan's prime minister apologised to South Korea.", ("CONCEDE", "JPN", "KOR")),
        ("Saudi Arabia hosted Sudan's army chief in Jeddah.", ("CONSULT", "SAU", "SDN")),
    ],
)
def test_categories(nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in events(nlp, text)


def test_relative_dates_resolve_against_publication(nlp: Language) -> None:
    event = only(nlp, "Israeli jets struck targets in southern Lebanon on Sunday.", date(2024, 9, 2))
    assert event.event_date == date(2024, 9, 1)
    assert only(nlp, "Israeli jets struck targets in southern Lebanon on Sunday.").event_date is None


def test_extract_texts_threads_publication_dates(nlp: Language) -> None:
    texts = ["Peru's prime minister resigned on Thursday.", "Peru's prime minister resigned on Thursday."]
    dated, undated = extract_texts(nlp, texts, published_at=[date(2024, 3, 15), None])
    assert dated.events[0].event_date == date(2024, 3, 14)
    assert undated.events[0].event_date is None


def test_event_json_has_the_contract_keys(nlp: Language) -> None:
    payload = extract_text(nlp, "Russia deployed nuclear-capable Iskander missiles to Belarus.").as_json()
    assert list(payload["events"][0]) == [
        "event_type", "mode", "actor_id", "actor_text", "recipient_id", "recipient_text", "location_id",
        "event_date", "quantity", "negated", "hedged", "sentence", "start", "end",
    ]  # fmt: skip


# -- lexicon and dates -------------------------------------------------------------------------


def test_lexicon_covers_every_plover_category() -> None:
    lexicon = load_lexicon()
    assert len(PLOVER_TYPES) == 18
    covered = {e.type for e in lexicon.verbs.values()} | {e.type for e in lexicon.nouns.values()}
    assert covered == set(PLOVER_TYPES)


def test_lexicon_rejects_unknown_types() -> None:
    text = (Path(__file__).resolve().parents[1] / "extractors" / "data" / "event_lexicon.toml").read_text()
    with pytest.raises(ValueError, match="PLOVER category"):
        parse_lexicon(text.replace('[verbs.attack]\ntype = "ASSAULT"', '[verbs.attack]\ntype = "FIGHT"'))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last week", date(2024, 10, 28)),
        ("in June", date(2024, 6, 1)),
        ("on Wednesday", date(2024, 11, 6)),
        ("June 2023", date(2023, 6, 1)),
        ("In October 1950", date(1950, 10, 1)),
        ("5 June 2023", date(2023, 6, 5)),
        ("yesterday", date(2024, 11, 7)),
        ("last month", date(2024, 10, 1)),
        ("three days ago", date(2024, 11, 5)),
        ("recently", None),
        ("the 1950s", None),
    ],
)
def test_resolve_date(text: str, expected: date | None) -> None:
    assert resolve_date(text, SEED_DATE) == expected


def test_resolve_date_future_and_without_reference() -> None:
    assert resolve_date("on Wednesday", SEED_DATE, future=True) == date(2024, 11, 13)
    assert resolve_date("last week", None) is None
    assert resolve_date("in 2014", None) == date(2014, 1, 1)


# -- groups, NGOs and places from the gazetteer ---------------------------------------------------------


def test_groups_ngos_and_places_come_from_the_gazetteer(nlp: Language) -> None:
    assert "groups" not in (Path(__file__).resolve().parents[1] / "extractors/data/event_lexicon.toml").read_text()
    assert events(nlp, "Hezbollah fired rockets at the northern Israeli city of Haifa.") == {("ASSAULT", "LBN", "ISR")}
    assert events(nlp, "Russian missiles hit an apartment block in Dnipro.") == {("ASSAULT", "RUS", "UKR")}
    assert events(nlp, "Boko Haram fighters abducted schoolgirls from Chibok.") == {("ASSAULT", "NGA", "NGA")}
    assert ("DISAPPROVE", "HRW", "ETH") in events(nlp, "Human Rights Watch accused Ethiopian troops of abuses.")
