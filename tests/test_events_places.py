"""Places as recipients: a city the news spells otherwise than GeoNames' main name ("Basra" for
Basrah, "Fallujah" for Al Fallujah) is still its state's place (scripts/build_places.py takes a
city's close English spellings from its GeoNames alternate names)."""

from __future__ import annotations

from spacy.language import Language

from extractors.gazetteer import load_gazetteer
from tests.event_lines import Triple, event_triples


def events(nlp: Language, text: str) -> set[Triple]:
    return set(event_triples(nlp, text))


def test_close_spellings_are_places_of_their_state() -> None:
    gaz = load_gazetteer()
    for text, code in (("Basra", "IRQ"), ("Fallujah", "IRQ"), ("Falluja", "IRQ")):
        alias = gaz.lookup(text)
        entity = gaz.entity(alias.entity_id) if alias is not None else None
        assert entity is not None and entity.kind == "place" and entity.country == code, text


def test_curfew_on_a_city_spelled_the_english_way(nlp: Language) -> None:
    found = events(nlp, "Iraqi authorities imposed a night curfew on Basra after two days of street protests.")
    assert ("COERCE", "IRQ", "IRQ") in found


def test_assault_on_a_city_named_without_its_article(nlp: Language) -> None:
    found = events(nlp, "Syrian troops shelled Fallujah overnight, residents said.")
    assert any(t == "ASSAULT" and r == "IRQ" for t, _, r in found), found


def test_place_held_by_an_adverb_of_place(nlp: Language) -> None:
    # "elsewhere in X": the locative phrase hangs on the adverb, and the place is the victims' state.
    found = events(nlp, "Sudanese jets bombed a market elsewhere in Chad's east, killing six traders.")
    assert found == {("ASSAULT", "SDN", "TCD")}


def test_unnamed_target_deep_inside_a_state_is_of_that_state(nlp: Language) -> None:
    # A police post attacked "deep inside" Pakistan is Pakistan's, not the attackers' own state's.
    found = events(nlp, "Taliban fighters attacked a police post deep inside Pakistan's Balochistan province.")
    assert found == {("ASSAULT", "AFG", "PAK")}


def test_place_after_a_participle_stays_the_acts_place(nlp: Language) -> None:
    # A guard, not a test of the misread-participle path in event_attributes.location: this sentence parses
    # "occupied Karabakh" well and passed before that path existed; no sentence of our own that the
    # parser misreads was found (the path came from a PLV_train record).
    found = events(nlp, "Armenian-backed units broke the truce in occupied Karabakh 40 times on Friday.")
    assert found == {("ASSAULT", "ARM", "AZE")}


def test_place_of_the_last_coordinated_act(nlp: Language) -> None:
    # "shelling ... and firing ... in X": the place hangs on the last act and holds for both.
    found = events(
        nlp,
        "Azerbaijani units broke the ceasefire by shelling with howitzers and firing drones across the "
        "line in Armenia's Syunik province.",
    )
    assert ("ASSAULT", "AZE", "ARM") in found
