"""The right actor and recipient on events whose type is right (issue 13): wire datelines are no
actors, an actor's own possessive or capital is no recipient, measures and requests name whom they
concern in their own phrase, and leaders of any state resolve to their state. Every sentence here
was written for this file, in the way news writes; each rule has sentences where it must not fire."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from bench.plover import GoldRecord, load_plv, plv_half, score
from extractors.extract import extract_text
from extractors.gazetteer import load_gazetteer
from tests.event_lines import Triple, event_triples

PUBLISHED = date(2024, 11, 8)
PEOPLE_JSON = Path(__file__).resolve().parents[1] / "extractors" / "data" / "people.json"
AGENTS_JSON = Path(__file__).resolve().parents[1] / "extractors" / "data" / "agents.json"
BUILD_AGENTS = Path(__file__).resolve().parents[1] / "scripts" / "build_agents.py"


def triples(nlp: Language, text: str) -> set[Triple]:
    return set(event_triples(nlp, text, PUBLISHED))


def actors(nlp: Language, text: str) -> set[str]:
    return {e.actor_id for e in extract_text(nlp, text, PUBLISHED).events}


# -- datelines -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor", "dateline_state"),
    [
        ("KHARTOUM, Sudan -- Egyptian warplanes bombed rebel positions near the border, the army said.", "EGY", "SDN"),
        ("CARACAS - An Argentine court rejected the request on Tuesday.", "ARG", "VEN"),
        ("HAVANA (AP) -- Mexico condemned the blockade on Monday.", "MEX", "CUB"),
    ],
)
def test_a_dateline_is_not_the_actor(nlp: Language, text: str, actor: str, dateline_state: str) -> None:
    found = actors(nlp, text)
    assert actor in found
    assert dateline_state not in found


def test_police_after_a_dateline_still_act_for_the_state_there(nlp: Language) -> None:
    # The dateline names no actor, but the place still says whose police these are.
    assert ("COERCE", "NGA") in {t[:2] for t in triples(nlp, "ABUJA, Nigeria - Police arrested a dozen protesters.")}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("NATO condemned the missile strike on Kyiv on Monday.", "NATO"),  # capitals, no separator
        ("Kenya - a close ally of Somalia - condemned the attack.", "KEN"),  # a dash aside
    ],
)
def test_a_subject_is_not_taken_for_a_dateline(nlp: Language, text: str, actor: str) -> None:
    assert actor in actors(nlp, text)


# -- the actor's own things are not its recipient --------------------------------------------------


def test_an_envoy_summoned_in_the_actors_own_capital_is_the_envoys_state(nlp: Language) -> None:
    found = triples(nlp, "China summoned the Japanese ambassador in Beijing to protest the visit.")
    assert any(actor == "CHN" and recipient == "JPN" for _, actor, recipient in found)
    assert all(recipient != "CHN" for _, _, recipient in found)


def test_an_envoy_summoned_to_the_actors_own_ministry_is_the_envoys_state(nlp: Language) -> None:
    found = triples(nlp, "India summoned a senior Pakistani envoy to its foreign office on Tuesday.")
    assert any(actor == "IND" and recipient == "PAK" for _, actor, recipient in found)
    assert all(recipient != "IND" for _, _, recipient in found)


def test_withdrawing_its_own_troops_is_from_the_place_not_from_itself(nlp: Language) -> None:
    assert ("RETREAT", "TUR", "IRQ") in triples(nlp, "Turkey has begun withdrawing part of its forces from Iraq.")


def test_a_possessive_of_a_place_named_before_stays_the_recipient(nlp: Language) -> None:
    # The soldiers are only placed by "in Lima"; "its gates" are the parliament's, a domestic target.
    found = triples(nlp, "Soldiers surrounded the parliament in Lima and rammed its gates with a truck.")
    assert ("ASSAULT", "PER", "PER") in found


# -- measures, bonds and requests name whom they concern -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The United States lifted its embargo against Cuba on Thursday.", ("USA", "CUB")),
        ("Egypt lifted its blockade of Gaza.", ("EGY", "PSE")),
        ("Canada decided to ease the sanctions imposed on Iran after the deal.", ("CAN", "IRN")),
        ("Vietnam established diplomatic relations with Brunei in 1992.", ("VNM", "BRN")),
        ("The Philippines rejected a proposal by China to share the reef.", ("PHL", "CHN")),
    ],
)
def test_a_measure_or_request_names_whom_it_concerns(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert expected in {(actor, recipient) for _, actor, recipient in triples(nlp, text)}


def test_a_measure_aimed_at_nobody_named_has_no_recipient(nlp: Language) -> None:
    found = triples(nlp, "The United States lifted its own export restrictions last year.")
    assert found and all(recipient is None for _, _, recipient in found)


# -- leaders and officials of any state ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pakistan's army chief met Recep Tayyip Erdogan in Istanbul on Thursday.", ("CONSULT", "PAK", "TUR")),
        ("Benjamin Netanyahu condemned the rocket attack on Tel Aviv.", ("DISAPPROVE", "ISR", None)),
    ],
)
def test_a_leader_of_any_state_resolves_to_the_state(
    nlp: Language, text: str, expected: tuple[str, str, str | None]
) -> None:
    assert expected in triples(nlp, text)


def test_an_unknown_person_is_not_given_a_state(nlp: Language) -> None:
    assert ("CONSULT", "UKR", None) in triples(nlp, "Ukraine's president met Jonathan Quillfeather in Kyiv on Monday.")


def test_generated_people_keep_only_unshared_bare_surnames_and_link_only_as_people() -> None:
    gaz = load_gazetteer()
    people = json.loads(PEOPLE_JSON.read_text(encoding="utf-8"))["people"]
    assert len(people) > 10_000
    # A one-word form is the last word of the person's own name, and no one else's surname.
    last_words = [form.split()[-1] for p in people for form in [p["name"], *p["aliases"]] if len(form.split()) >= 2]
    for p in people:
        for form in [p["name"], *p["aliases"]]:
            if len(form.split()) == 1:
                assert form == p["name"].split()[-1] and last_words.count(form) >= 1
    alias = gaz.lookup("Recep Tayyip Erdogan")
    assert alias is not None and gaz.entity(alias.entity_id).country == "TUR"  # type: ignore[union-attr]
    surname = gaz.lookup("Erdogan")  # the dictionary lists it, and no one else is named so
    assert surname is not None and surname.entity_id == alias.entity_id
    assert gaz.lookup("Kim") is None or gaz.entity(gaz.lookup("Kim").entity_id).kind != "person"  # type: ignore[union-attr]
    assert gaz.links(alias, "PERSON") and not gaz.links(alias, "ORG")


# -- the actor's words ------------------------------------------------------------------------------


def test_an_institution_keeps_the_words_of_its_phrase(nlp: Language) -> None:
    (event,) = extract_text(nlp, "Brazil's federal police arrested a senator on Tuesday.", PUBLISHED).events
    assert (event.actor_id, event.actor_text) == ("BRA", "Brazil's federal police")


def test_phrase_words_leave_out_the_dateline_and_the_article(nlp: Language) -> None:
    text = "MOSCOW - The Russian foreign ministry summoned the British ambassador."
    found = {(e.actor_text, e.recipient_text) for e in extract_text(nlp, text, PUBLISHED).events}
    assert ("Russian foreign ministry", "British ambassador") in found


def test_coordinated_modifiers_keep_their_own_names(nlp: Language) -> None:
    text = "Russian and Chinese warships held joint drills near Japan."
    assert {e.actor_text for e in extract_text(nlp, text, PUBLISHED).events} == {"Russian", "Chinese"}


# -- pronouns and placed agents keep the words that name the actor ----------------------------------


@pytest.mark.parametrize(
    ("text", "actor", "words"),
    [
        ("Austria says it will not accept deported migrants.", "AUT", "Austria"),
        ("Eritrea said it would allow the Red Cross to bring in medicine.", "ERI", "Eritrea"),
    ],
)
def test_a_pronoun_actor_carries_its_antecedent_words(nlp: Language, text: str, actor: str, words: str) -> None:
    found = {(e.actor_id, e.actor_text) for e in extract_text(nlp, text, PUBLISHED).events}
    assert (actor, words) in found
    assert all(word not in ("it", "its") for _, word in found)


def test_an_agent_placed_by_its_location_keeps_its_own_words(nlp: Language) -> None:
    text = "TUNIS, Tunisia - Police have detained dozens of reporters during a protest in Tunis."
    # (the protest they were detained at is an event of its own: PROTEST with no actor, aimed at TUN)
    (event,) = [e for e in extract_text(nlp, text, PUBLISHED).events if e.event_type == "COERCE"]
    assert (event.actor_id, event.actor_text) == ("TUN", "Police")
    # the people arrested are the recipient, coded by the place: they keep their words too
    assert (event.recipient_id, event.recipient_text) == ("TUN", "reporters")


# -- generic agents (PETRARCH2's Phoenix agents dictionary) -------------------------------------------


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        # A state's own agents take the state in context, like officials.
        ("Poland said on Monday. Magistrates condemned the attack on the embassy.", ("DISAPPROVE", "POL", None)),
        # Agents acting on their own are coded by the place where they act.
        ("Mutineers seized a barracks in Mali's capital on Sunday.", ("COERCE", "MLI", "MLI")),
    ],
)
def test_a_generic_agent_takes_its_state_from_context_or_place(
    nlp: Language, text: str, triple: tuple[str, str, str | None]
) -> None:
    assert triple in triples(nlp, text)


def test_an_agent_acting_on_its_own_never_takes_the_articles_state(nlp: Language) -> None:
    text = "Chile said on Monday that it would buy wheat. Mutineers seized a barracks on Sunday."
    assert actors(nlp, text) <= {"CHL"} and "CHL" not in {
        e.actor_id for e in extract_text(nlp, text, PUBLISHED).events if e.actor_text == "Mutineers"
    }


def test_build_agents_converts_the_dictionary_and_checks_the_committed_file(tmp_path: Path) -> None:
    dictionary = tmp_path / "Phoenix.agents.txt"
    dictionary.write_text(
        "# header\n!PERSON! = MAN, MEN\nRIOT_POLICE {} [~COP]\nLAWMAN {LAWMEN} [~COP]\nDAIRY!PERSON! [~AGR]\n"
        "HEAD_OF_NATIONAL_POLICE [~COP]\nREBEL [~REBMUS] # comment\n",
        encoding="utf-8",
    )
    out = tmp_path / "agents.json"
    run = [sys.executable, str(BUILD_AGENTS), str(dictionary), "--out", str(out)]
    assert subprocess.run(run, capture_output=True, check=False).returncode == 0
    agents = json.loads(out.read_text(encoding="utf-8"))["agents"]
    # four-word agents are never matched; a compound code keeps its primary sector
    assert agents == {"riot police": "COP", "lawman": "COP", "lawmen": "COP", "dairyman": "AGR", "dairymen": "AGR",
                      "rebel": "REB"}  # fmt: skip
    assert subprocess.run([*run, "--check"], capture_output=True, check=False).returncode == 0
    out.write_text("{}\n", encoding="utf-8")
    stale = subprocess.run([*run, "--check"], capture_output=True, text=True, check=False)
    assert stale.returncode == 1 and "out of date" in stale.stderr
    missing = subprocess.run([sys.executable, str(BUILD_AGENTS)], capture_output=True, text=True, check=False)
    assert missing.returncode == 2 and "Phoenix.agents.txt" in missing.stderr


def test_committed_agents_are_the_dictionary_converted() -> None:
    agents = json.loads(AGENTS_JSON.read_text(encoding="utf-8"))
    assert "Open Event Data Alliance" in agents["about"]["licence"]
    assert agents["agents"]["rebel"] == "REB" and agents["agents"]["riot police"] == "COP"
    assert agents["agents"]["lawmen"] == "COP"  # an irregular plural the dictionary lists


# -- "the North" / "the South" ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("South Korea said on Monday that the North fired two missiles into the sea.", {"PRK"}),
        ("Seoul and Washington held drills. The North condemned the exercises.", {"PRK"}),
        ("South Sudan and Ethiopia met on Monday. The South condemned the attack.", {"SSD"}),
        # no compass state named, or two that share the word: nobody
        ("Sudan and Ethiopia met on Monday. The South condemned the attack.", set()),
        ("South Sudan and South Korea signed a deal. The South condemned the attack.", set()),
    ],
)
def test_a_compass_shorthand_is_the_state_the_article_names(nlp: Language, text: str, expected: set[str]) -> None:
    shorthand = {e.actor_id for e in extract_text(nlp, text, PUBLISHED).events if e.actor_text in ("North", "South")}
    assert shorthand == expected


# -- the PLOVER records' generic organisation codes -----------------------------------------------------


def test_an_organisation_matches_the_records_generic_igo_code(nlp: Language) -> None:
    record = GoldRecord("r1", "The United Nations condemned Israel on Monday.", frozenset({"DISAPPROVE"}),
                        frozenset({"IGO"}), frozenset({"ISR"}))  # fmt: skip
    _, triple, _ = score([record], [extract_text(nlp, record.text, PUBLISHED).events])
    assert triple.tp == 1
    state = GoldRecord("r2", "Israel condemned Egypt on Monday.", frozenset({"DISAPPROVE"}),
                       frozenset({"IGO"}), frozenset({"EGY"}))  # fmt: skip
    _, triple, _ = score([state], [extract_text(nlp, state.text, PUBLISHED).events])
    assert triple.tp == 0  # a state is no IGO


# -- recipients: measures in governed clauses and on the verb, aid where it is spent -----------------


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("Nepal refuses to lift the ban on Indian film imports.", ("REJECT", "NPL", "IND")),
        ("Pakistan refuses to lift the ban on Monday.", ("REJECT", "PAK", None)),
        ("Chile established diplomatic ties on Friday with Bhutan.", ("SUPPORT", "CHL", "BTN")),
        ("Italy gave 20 million euros to promote economic development in Niger.", ("AID", "ITA", "NER")),
        # the giver's own place is no recipient; nor is where aid was promised
        ("Italy gave 20 million euros to its own farmers in Sicily.", ("AID", "ITA", None)),
        ("Germany gave 20 million euros on Monday at a summit in Brussels.", ("AID", "DEU", None)),
    ],
)
def test_recipients_inside_measures_and_aid(nlp: Language, text: str, triple: tuple[str, str, str | None]) -> None:
    found = triples(nlp, text)
    assert triple in found
    assert all(r == triple[2] for t, a, r in found if (t, a) == triple[:2])


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Meera Nair was arrested by Mumbai Police on Friday.", "IND"),
        ("The Parana state government conceded to the demands of teachers.", "BRA"),
    ],
)
def test_an_unknown_institution_named_by_its_place_is_the_places_state(nlp: Language, text: str, actor: str) -> None:
    assert actors(nlp, text) == {actor}


def test_an_unknown_company_named_by_a_place_is_no_state(nlp: Language) -> None:
    # the institution must be a state agent (police, court, government), not a firm
    assert "IND" not in actors(nlp, "Delhi Motors Ltd condemned the new tax on Sunday.")


# -- a bare surname is the person the article names in full -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mohammad Javad Zarif arrived in Oman. Zarif criticised the sanctions.", {"IRN"}),
        # never named in full: the gazetteer links no bare surname, so he acts on no state's behalf (a text that
        # names no state lets an untitled name act, stop 49)
        ("Zarif criticised the sanctions.", {None}),
    ],
)
def test_a_surname_takes_the_state_of_the_full_name(nlp: Language, text: str, expected: set[str | None]) -> None:
    events = extract_text(nlp, text, PUBLISHED).events
    assert {e.actor_id for e in events if e.event_type == "DISAPPROVE" and e.actor_text == "Zarif"} == expected


def test_a_surname_two_named_people_share_stays_unlinked(nlp: Language) -> None:
    text = "Hillary Clinton and Bill Clinton arrived in Kenya on Monday. Clinton criticised the new law."
    assert not [e for e in extract_text(nlp, text, PUBLISHED).events if e.actor_text == "Clinton"]


# -- the actor named in the clause above ---------------------------------------------------------------


def events_of(nlp: Language, text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (e.event_type, e.actor_id, e.recipient_id, e.recipient_text) for e in extract_text(nlp, text, PUBLISHED).events
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "it" in a reported clause is the speaker named as an institution of a state
        ("The Iranian navy said it had seized a British oil tanker in the Strait of Hormuz.", ("COERCE", "IRN")),
        ("The Sudanese government said on Monday it would free 300 rebel prisoners.", ("AGREE", "SDN")),
    ],
)
def test_a_pronoun_in_a_reported_clause_is_the_speaker(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert expected in {t[:2] for t in events_of(nlp, text)}


def test_it_in_a_reported_clause_is_no_person(nlp: Language) -> None:
    # "it" cannot stand for the president who speaks
    assert not [t for t in events_of(nlp, "President Erdogan said it had shelled Kurdish positions.") if t[1] == "TUR"]


def test_a_possessive_in_an_adjunct_phrase_is_not_bound_to_the_subject(nlp: Language) -> None:
    # "its invasion" sits in "over ...", not in the verb's own object: Eritrea invaded, not the AU
    found = events_of(nlp, "The African Union imposed sanctions on Eritrea over its invasion of Djibouti.")
    assert ("ASSAULT", "AU") not in {t[:2] for t in found}


# -- the state where an arrest happens, a gerund's subject, an apposed name -----------------------------


def test_an_arrest_with_no_agent_is_by_the_state_where_it_happens(nlp: Language) -> None:
    found = events_of(nlp, "Two French journalists were arrested on Sunday in Iran.")
    assert ("COERCE", "IRN", "FRA") in {t[:3] for t in found}


@pytest.mark.parametrize(
    "text",
    [
        "Two French journalists were killed on Sunday in Iran.",  # a killing in a place is not by its state
        "An American student was detained for her role in a Palestinian boycott campaign.",  # no place of arrest
    ],
)
def test_only_an_arrest_in_a_named_place_takes_the_place_as_actor(nlp: Language, text: str) -> None:
    assert not [t for t in events_of(nlp, text) if t[1] in ("IRN", "PSE")]


def test_a_gerund_in_an_adverbial_phrase_shares_the_verbs_subject(nlp: Language) -> None:
    found = events_of(nlp, "Turkey spent billions of dollars last year on helping Syrian refugees.")
    assert ("AID", "TUR") in {t[:2] for t in found}


@pytest.mark.parametrize(
    "text",
    [
        "The Georgian president resigned on Friday after being accused of corruption.",  # passive: accused
        "Turkey praised Azerbaijan for helping Syrian refugees.",  # "for": the object helped, an allegation
    ],
)
def test_a_gerund_subject_is_not_inherited_through_a_passive_or_a_reason(nlp: Language, text: str) -> None:
    kinds = {t[:2] for t in events_of(nlp, text)}
    assert ("DISAPPROVE", "GEO") not in kinds
    assert ("AID", "TUR") not in kinds


def test_an_apposition_resolves_a_name_and_the_name_keeps_its_words(nlp: Language) -> None:
    # A foreign officer: a release at home has no recipient (bench/data/news README, stop 43).
    found = events_of(nlp, "Rebels in Colombia freed Juan Perez, an Ecuadorian police officer, on Sunday.")
    assert ("RETREAT", "COL", "ECU", "Juan Perez") in found


# -- object pronouns, places of a ceasefire ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "recipients"),
    [
        # "him" is not the clause's own subject; the newcomer is named with his state
        (
            "President Recep Tayyip Erdogan called new Dutch Prime Minister Dick Schoof on Friday to congratulate him.",
            {"NLD"},
        ),
        # a reflexive is the subject, and an act on oneself through a pronoun is no event (events._on_itself)
        (
            "President Recep Tayyip Erdogan called new Dutch Prime Minister Dick Schoof on Friday "
            "to congratulate himself.",
            set(),
        ),
    ],
)
def test_an_object_pronoun_is_not_its_clauses_subject(nlp: Language, text: str, recipients: set[str]) -> None:
    assert {t[2] for t in events_of(nlp, text) if t[0] == "SUPPORT"} == recipients


# -- the marked spans of PLV are compared word by word ------------------------------------------------


@pytest.mark.parametrize(
    ("recipient_text", "target", "matches"),
    [
        ("Germany's decision", "Germany", True),  # the possessive is written on the word
        ("Grameen Bank", "Grameen Bank, the lender", True),  # so is the comma
        ("“the UN’s effort”", "the UN", True),  # typographic quotes and apostrophes
        ("German decision", "Germany", False),  # a different word
        ("the decision", "the Germans", False),  # stopwords alone never match
    ],
)
def test_span_overlap_compares_words_without_their_punctuation(
    nlp: Language, recipient_text: str, target: str, matches: bool
) -> None:
    text = "Merkel defended the decision."
    record = GoldRecord("r", text, frozenset({"SUPPORT"}), frozenset({"Merkel"}), frozenset({target}), by_span=True)
    event = extract_text(nlp, "Germany condemned France on Monday.", PUBLISHED).events[0]
    assert record.recipient_matches(replace(event, recipient_text=recipient_text)) is matches


# -- indirect objects, what a report or a resolution says ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("Human Rights Watch published a report accusing the Ethiopian army of torturing detainees.",
         ("DISAPPROVE", "HRW", "ETH")),
        ("Kenya's parliament passed a resolution condemning Uganda for the border raids.",
         ("DISAPPROVE", "KEN", "UGA")),
        ("The Nigerian government renewed its commitment to support Niger against the jihadists.",
         ("SUPPORT", "NGA", "NER")),
    ],
)  # fmt: skip
def test_a_report_or_resolution_acts_for_whoever_issues_it(
    nlp: Language, text: str, triple: tuple[str, str, str]
) -> None:
    assert triple in {t[:3] for t in events_of(nlp, text)}


def test_a_report_someone_else_wrote_is_not_the_answerers_accusation(nlp: Language) -> None:
    found = events_of(nlp, "Kenya's parliament rejected a report accusing Uganda of border raids.")
    assert ("DISAPPROVE", "KEN") not in {t[:2] for t in found}


# -- organisations named by their state ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Palestinian factions agreed to hand over their heavy weapons on Monday.", ("AGREE", "PSE")),
        ("The Arab League council condemned the missile strike on Odessa.", ("DISAPPROVE", "LAS")),
    ],
)
def test_factions_and_councils_take_the_actor_of_their_modifier(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert expected in {t[:2] for t in events_of(nlp, text)}


def test_a_council_named_by_no_one_is_no_actor(nlp: Language) -> None:
    """No state's council: since stop 50 (lane plv50), in a text that names no party at all, it acts
    on no state's behalf (actor_id None), as a bare name does since stop 49; never a state."""
    assert {t[1] for t in events_of(nlp, "The council condemned the missile strike.")} <= {None}
    assert all(t[1] != "LAS" for t in events_of(nlp, "The council condemned Chile's missile strike."))


def test_an_act_under_without_is_no_event(nlp: Language) -> None:
    events = extract_text(nlp, "The Egyptian presidency said without providing figures that aid was sent.", PUBLISHED)
    assert [e for e in events.events if e.event_type == "AID" and e.actor_id == "EGY"] == []


# -- a participle after "officials said" continues the reported clause ----------------------------------


def test_a_participle_after_the_reporting_verb_is_the_reported_actors(nlp: Language) -> None:
    text = "Russian forces shelled the city of Kharkiv overnight, Ukrainian officials said, killing three civilians."
    found = {t[:2] for t in events_of(nlp, text)}
    assert ("ASSAULT", "RUS") in found
    assert ("ASSAULT", "UKR") not in found  # the officials who speak did not kill


def test_a_participle_of_the_speakers_own_stays_the_speakers(nlp: Language) -> None:
    # nothing is reported before the participle: the speaker's subject is kept
    found = events_of(nlp, "Ukrainian officials said on Monday, citing intelligence, that Russia shelled Kharkiv.")
    assert ("ASSAULT", "RUS") in {t[:2] for t in found}


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("Two Dutch diplomats have been expelled from Venezuela amid the dispute.", ("SANCTION", "VEN", "NLD")),
        ("Dozens of Afghan migrants were deported from Iran last week.", ("COERCE", "IRN", "AFG")),
    ],
)
def test_an_expulsion_with_no_agent_is_by_the_state_left(
    nlp: Language, text: str, triple: tuple[str, str, str]
) -> None:
    assert triple in {t[:3] for t in events_of(nlp, text)}


def test_coming_from_a_state_is_no_expulsion_by_it(nlp: Language) -> None:
    assert "VEN" not in {t[1] for t in events_of(nlp, "Two Dutch diplomats arrived from Venezuela on Monday.")}


# -- whom an act is meant to help ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("Canada has offered to send soldiers to help the Malian army against the jihadists.",
         ("AGREE", "CAN", "MLI")),
        ("Japan sent engineers to help Ukraine rebuild its power grid.", ("AID", "JPN", "UKR")),
    ],
)  # fmt: skip
def test_the_purpose_clause_names_whom_the_act_helps(nlp: Language, text: str, triple: tuple[str, str, str]) -> None:
    assert triple in {t[:3] for t in events_of(nlp, text)}


# -- a cancelled visit, a mediation between two parties ------------------------------------------------


def test_a_cancelled_visit_is_aimed_at_the_host(nlp: Language) -> None:
    found = events_of(nlp, "The Italian foreign minister cancelled a planned visit to Tunisia amid tensions.")
    assert ("REJECT", "ITA", "TUN") in {t[:3] for t in found}


def test_a_mediation_is_between_the_parties_named_in_its_clause(nlp: Language) -> None:
    text = "Oman has launched a mediation effort to avert an armed clash between Iran and Bahrain."
    found = {t[:3] for t in events_of(nlp, text)}
    assert {("CONSULT", "OMN", "IRN"), ("CONSULT", "OMN", "BHR")} <= found


def test_plvs_placeholder_recipient_means_none(tmp_path: Path) -> None:
    plv = tmp_path / "PLV_sample.tsv"
    rows = [
        "sentence_id\tsentence\tsource\ttarget\tgold_root",
        "1\tEgypt lifted the state of emergency.\tEgypt\ta recipient\tYIELD",
        "2\tEgypt condemned Israel.\tEgypt\tIsrael\tACCUSE",
    ]
    plv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    placeholder, named = load_plv(plv)
    assert placeholder.targets == frozenset()
    assert named.targets == frozenset({"Israel"})


def test_plv_halves_split_by_file_line(tmp_path: Path) -> None:
    plv = tmp_path / "PLV_sample.tsv"
    rows = ["sentence_id\tsentence\tsource\ttarget\tgold_root"]
    rows += [f"{n}\tChile criticised Peru {n} times.\tChile\tPeru\tACCUSE" for n in range(1, 6)]
    plv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    records = load_plv(plv)
    even, odd = plv_half(records, "even"), plv_half(records, "odd")
    # the header is line 1: sentences 1, 3, 5 are on lines 2, 4, 6
    assert [r.record_id for r in even] == ["PLV_sample-1", "PLV_sample-3", "PLV_sample-5"]
    assert [r.record_id for r in odd] == ["PLV_sample-2", "PLV_sample-4"]
    assert plv_half(records, "all") == records
    with pytest.raises(ValueError, match="'odd', 'even' or 'all'"):
        plv_half(records, "first")


# -- recipients read off the clause, and none where none is named ---------------------------------------


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        # a ceasefire declared in a place is aimed at the place's state
        ("The rebels declared a ceasefire in Myanmar's Shan state on Monday.", ("CONCEDE", "MMR", "MMR")),
        # an indirect object is whom the act is for
        ("Germany offered Ukraine more air defence systems on Monday.", ("AGREE", "DEU", "UKR")),
    ],
)
def test_a_recipient_read_off_the_clause(nlp: Language, text: str, triple: tuple[str, str, str]) -> None:
    assert triple in {t[:3] for t in events_of(nlp, text)}


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Russia and Turkey announced a ceasefire on Thursday.", "CONCEDE"),  # no place
        ("Germany offered its soldiers more pay on Monday.", "AGREE"),  # the actor's own
        ("Japan sent engineers to help its own companies rebuild the grid.", "AID"),  # the actor's own
        ("Oman has launched a mediation effort to avert a clash over the strait.", "CONSULT"),  # no parties
    ],
)
def test_no_recipient_where_none_is_named(nlp: Language, text: str, event_type: str) -> None:
    found = [t for t in events_of(nlp, text) if t[0] == event_type]
    assert found
    assert {t[2] for t in found} == {None}


# -- who meets, named in the phrase of a meeting noun -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The visit of Chinese President Xi Jinping to Moscow strengthened ties.", {("CONSULT", "CHN", "RUS")}),
        ("Talks between Russia and China ended on Friday.", {("CONSULT", "RUS", "CHN"), ("CONSULT", "CHN", "RUS")}),
        # the victims of a killing are no doers; a visit called unlikely is no event
        ("The killing of Russian soldiers angered Moscow.", set()),
        ("A visit of Chinese President Xi Jinping to Moscow is unlikely.", set()),
    ],
)
def test_the_parties_of_a_meeting_noun_meet(
    nlp: Language, text: str, expected: set[tuple[str, str, str | None]]
) -> None:
    assert {t[:3] for t in events_of(nlp, text) if t[0] == "CONSULT"} == expected


# -- domestic requests, targets placed in a state, a mobilisation's purpose, calls and letters -----------


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        # a request by a named person of the actor's own state is answered to that state
        ("Kenya's army chief refused a request by President William Ruto to resign.", ("REJECT", "KEN", "KEN")),
        (
            "The Nigerian court rejected a motion by President Bola Tinubu to delay the hearing.",
            ("REJECT", "NGA", "NGA"),
        ),
        # an armed group and its state's government are two sides
        ("The Taliban again refused talks with the Afghan government on Monday.", ("REJECT", "AFG", "AFG")),
        # a target placed in a state: that state
        ("Turkish jets launched strikes against militant camps in northern Iraq.", ("ASSAULT", "TUR", "IRQ")),
        ("Jordanian aircraft bombed a drug factory and other sites inside Syria.", ("ASSAULT", "JOR", "SYR")),
        # what a mobilisation is for names whom it is aimed at
        ("Armenia mobilized reservists for a feared war against Azerbaijan.", ("MOBILIZE", "ARM", "AZE")),
        # a call or a letter: what is said in it is addressed to the one called or written to
        (
            "Chinese President Xi Jinping called Russian President Vladimir Putin to express his support.",
            ("SUPPORT", "CHN", "RUS"),
        ),
        ("Kim Jong Un sent a letter to Vladimir Putin threatening to cut off supplies.", ("THREATEN", "PRK", "RUS")),
        # aid to an international force stationed in a state is aid to that state
        ("South Korea is sending troops to the UN peacekeeping mission in South Sudan.", ("AID", "KOR", "SSD")),
    ],
)
def test_recipients_named_around_the_act(nlp: Language, text: str, triple: tuple[str, str, str]) -> None:
    assert triple in triples(nlp, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the actor's own state, bare, is not a second side of its own request
        ("Kenya rejected a request by Kenya to delay the vote.", ("REJECT", "KEN", "KEN")),
        # a mobilisation for a parade aims at nobody
        ("Armenia mobilized troops for a parade in Yerevan.", ("MOBILIZE", "ARM", "AZE")),
        # calling on someone is an appeal, and a called person is not the target of a later strike
        ("Russia called Iran on Monday after launching strikes against Ukraine.", ("ASSAULT", "RUS", "IRN")),
        # aid to the UN itself stays aid to the UN
        ("Japan gave $10 million to the United Nations refugee agency.", ("AID", "JPN", "SSD")),
    ],
)
def test_recipients_named_around_the_act_only_where_they_are(
    nlp: Language, text: str, absent: tuple[str, str, str]
) -> None:
    assert absent not in triples(nlp, text)


# -- the people an act is done to keep their words; a promise about another state's ground ------------


@pytest.mark.parametrize(
    ("text", "recipient", "words"),
    [
        ("Two activists were detained in Minsk on Sunday.", "BLR", "activists"),
        ("An opposition leader was arrested in Rwanda on Tuesday.", "RWA", "leader"),
        ("Security forces detained two activists in Minsk on Sunday.", "BLR", "two activists"),
        ("A court in Manila ordered the arrest of two former police officers.", "PHL", "two former police officers"),
        ("Prosecutors in Seoul launched an investigation into a shipping company.", "KOR", "shipping company"),
        # a place struck is named by the place
        ("Israeli jets struck targets in southern Lebanon.", "LBN", "Lebanon"),
    ],
)
def test_people_an_act_is_done_to_keep_their_words(nlp: Language, text: str, recipient: str, words: str) -> None:
    found = [e for e in extract_text(nlp, text, PUBLISHED).events if e.recipient_id == recipient]
    assert found and found[0].recipient_text == words


def test_a_promise_about_another_states_ground_is_made_to_that_state(nlp: Language) -> None:
    assert ("AGREE", "TUR", "SYR") in triples(nlp, "Turkey agreed to pull its troops back in northern Syria.")
    # partners agreeing somewhere stay each other's recipients
    found = triples(nlp, "Hezbollah and Israel agreed in Lebanon to a truce.")
    assert ("AGREE", "ISR", "LBN") in found and ("AGREE", "LBN", "ISR") in found
