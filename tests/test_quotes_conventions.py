"""Quote speakers of lane quotes17 (issue 13), by the news coding conventions settled at stop 33 (README
"Relays" and "Documents"): an outlet that relays words ("..., as cited by TASS", "Interfax quoted a source
as saying") is no speaker of its own; "the report said" whose issuer, no state, is named only in an earlier
sentence is the report by its word (a state's keeps the state's id); "X said so" / "X reported this" quote
X; places a person's title lists are no speakers; quoted words after an "as" the parser hangs on the
object are the subject's; an institution whose adjective names a state speaks for it. The sentences are
written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quote_speakers import Found, speakers, spoken_after


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Relays: the source alone, named or not.
        (
            "The port will reopen in March, Transport Minister Ivan Petrov said, as cited by TASS.",
            [(None, "Ivan Petrov")],
        ),
        (
            'Lisbon is "ready to deepen ties" with Rabat, Costa said, as quoted by the Lusa news agency.',
            [(None, "Costa")],
        ),
        ("Interfax quoted a customs source as saying the border post would close in May.", [(None, "customs source")]),
        # Near-miss: "according to" an agency after a speaker keeps both (the news sets code it so, 10 rows to 4).
        ("The talks went well, Costa said, according to the Lusa news agency.", [(None, "Costa"), (None, "Lusa")]),
    ],
)
def test_a_relaying_outlet_is_no_speaker(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "marker", "expected"),
    [
        # An agency's report named again: the report.
        (
            'The talks ended on Monday, KCNA reported. "The talks were frank," the report said.',
            '"The talks',
            [(None, "report")],
        ),
        # A think tank's report named again.
        (
            "CSIS put out a report on the launch on Monday. The report says the missile was most likely built with "
            "help from abroad.",
            "The report",
            [(None, "report")],
        ),
        # A person's statement named again.
        (
            'Ana Costa said in a statement that the port was closed. "The port will reopen soon," the statement says.',
            '"The port',
            [(None, "statement")],
        ),
        # Near-misses: a state's statement keeps the state's id; an issuer named in the phrase speaks.
        (
            'The State Department said the envoy would travel to Lima. "The visit will be short," the statement said.',
            '"The visit',
            [("USA", "statement")],
        ),
        ("A UN report said the port had been closed since May.", "A UN", [("UN", "UN")]),
        # "according to the report" is the report too (news README, stop 48: renamed to the document, 20 rows
        # to 5; it was its issuer's by an older count, 2 rows to 1).
        (
            "The Center for Strategic and International Studies published a report on Monday. According to the "
            "report, the engine test took place in March.",
            "According",
            [(None, "report")],
        ),
    ],
)
def test_a_document_named_again_speaks_by_its_word(nlp: Language, text: str, marker: str, expected: Found) -> None:
    assert spoken_after(nlp, text, marker) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The port will reopen in March. Chile's Transport Minister Ivan Petrov reported this.",
            [(None, "Ivan Petrov")],
        ),
        (
            "Miroslav Novak, the UN envoy for Europe, Central Asia and the Americas, said so in remarks to the "
            "council on Wednesday.",
            [(None, "Miroslav Novak")],
        ),
        # Near-misses: "this week" is no object; a verb of doing "so" says nothing; a signing is no saying.
        ("Petrov said this week that the port would reopen.", [(None, "Petrov")]),
        ("Petrov did so in March.", []),
        ("Petrov signed this on Monday.", []),
    ],
)
def test_said_so(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The next day, Peruvian foreign ministry spokesperson Ana Costa denounced Boric's statements as "
            '"blatantly biased" in a commentary.',
            [(None, "Ana Costa")],
        ),
        # Near-miss: a quoted name inside the object is no characterisation.
        ('Ana Costa denounced the "Freedom Edge" drills on Monday.', []),
    ],
)
def test_quoted_words_after_as_on_the_object(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Russian Embassy in Lima said the minister would arrive on Friday.", [("RUS", "Russian Embassy in Lima")]),
        ("The Chinese Embassy said the minister would arrive on Friday.", [("CHN", "Chinese Embassy")]),
        # Near-miss: a news agency speaks by its name, with no state's id.
        (
            "The Korean Central News Agency said the minister would arrive on Friday.",
            [("kcna", "Korean Central News Agency")],
        ),
    ],
)
def test_an_embassy_speaks_for_the_state_its_adjective_names(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An active "expect" with its clause is what the subject says will happen.
        ("Analysts expect Boric to leave on Thursday night on his train back to Chile.", [(None, "Analysts")]),
        ("Peru's spy agency expects about 1,000 boats to be deployed by December.", [("PER", "Peru's spy agency")]),
        ("Peruvian officials expect that the port will reopen in May.", [("PER", "Peruvian officials")]),
        # Near-misses: a passive, a plain object, "than expected" say nothing; an expectation inside what
        # someone said is theirs.
        ("Boric is expected to visit Lima on Monday.", []),
        ("Costa expects a reply by Friday.", []),
        ("The strike came earlier than expected.", []),
        ("Foreign Minister Maria Lopez said Lima expected the port to reopen in May.", [(None, "Maria Lopez")]),
        (
            "The envoy arrived on Monday, while the EFE agency said it expected current issues “including the "
            "situation surrounding the port” to be among the topics discussed.",
            [(None, "EFE")],
        ),
    ],
)
def test_an_expectation_is_said(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The "that" clause of reports one points to or cites is one's own words.
        ("Boric pointed to reports that Peruvian boats were fishing inside the zone.", [("p-gabriel-boric", "Boric")]),
        (
            "Boric pointed to the extraordinary risk of the trip, citing reports that the boats often sail without "
            "lights.",
            [("p-gabriel-boric", "Boric")],
        ),
        # Near-misses: the cited source is no speaker; no "that" clause, nothing said.
        ("Andina reported, citing a customs report, that exports to Chile had doubled.", [(None, "Andina")]),
        ("Boric pointed to the port on the map.", []),
        ("Boric cited reports of fishing inside the zone.", []),
        ("Andina cited a report that showed exports had doubled.", []),
    ],
)
def test_reports_pointed_to_are_the_pointers_words(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "marker", "expected"),
    [
        # "the paper notes" set off by commas, the tagger reading "notes" as a plural noun: the paper speaks.
        (
            "China was displeased with the ties, the Financial Times reported. Boric, the paper notes, did not "
            "seem worried.",
            "Boric",
            [(None, "Financial Times")],
        ),
        # Near-misses: notes that are no attribution say nothing.
        ("Boric read the paper notes on Monday and left for Lima.", "Boric", []),
        ("Boric, who keeps paper notes, left for Lima on Monday.", "Boric", []),
    ],
)
def test_a_set_off_attribution_read_as_a_noun(nlp: Language, text: str, marker: str, expected: Found) -> None:
    assert spoken_after(nlp, text, marker) == expected
