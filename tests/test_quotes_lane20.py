"""Quote speakers of lane quotes20 (issue 13): what an active naming verb calls its object, quoted or not
("calling it reckless"); no quote for a passive verb of saying with a plain subject ("was confirmed by the
minister") nor for a plain-object "confirmed" in a clause the reporter adds ("even though Lima has confirmed
the troops' presence"); a clause quoted after a colon ("hit back: “...”"), a subject the parser hangs on a
participle set off before the verb ("X, chairing the meeting, told reporters:"), '“...,” X was quoted as
saying'; the unnamed others beside a speaker ("the Financial Times and other outlets"). The sentences are
written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quote_speakers import Found, speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile condemned the border raid on Monday, calling it reckless.", [("CHL", "Chile")]),
        (
            "Peru's foreign ministry rejected the fishing quotas, calling them a violation of the accord.",
            [("PER", "Peru's foreign ministry")],
        ),
        ("Calling it a breach of the treaty, Lima denounced the arrest of the fishermen.", [("PER", "Lima")]),
        (
            "The Chilean leader has called the minister's visit a very important step for the two countries.",
            [("CHL", "Chilean leader")],
        ),
        ("Quito called it a great success that the talks took place at all.", [("ECU", "Quito")]),
        (
            "The Chilean leader has called the minister's visit a very important one for relations between the two "
            "countries.",
            [("CHL", "Chilean leader")],
        ),
        # Near-miss: a name in apposition to the object is no name the verb gives it.
        ("Chile called its ambassador Luis Rojas to the ministry.", []),
        # Near-misses: no name given ("called on", "called in", "called X to"), a passive, a relative
        # pronoun's name.
        ("Chile called on Peru to free the fishermen.", []),
        ("Chile called in Peru's ambassador on Monday.", []),
        ("The group is called the Sunrise Movement.", []),
        ("The drills, which Seoul calls Freedom Shield, began on Monday.", []),
    ],
)
def test_what_a_naming_verb_calls_its_object_is_quoted(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The decision was confirmed by Chilean Foreign Minister Alberto van Klaveren.", []),
        ("The fisheries treaty was concluded by Chile and Peru in Lima on June 19 last year.", []),
        ("The minister spoke even though Lima and Quito have both confirmed the troops' presence.", []),
        ("It marks the first time Lima has confirmed the use of Bolivian drones in the war.", []),
        # Near-misses: the same verbs in the main clause, active, still quote.
        ("Lima confirmed the use of Bolivian drones on Monday.", [("PER", "Lima")]),
        ("Peru's defence minister reported the first clashes with the rebels.", [("PER", "Peru's defence minister")]),
    ],
)
def test_a_plain_object_said_in_a_passive_or_a_background_clause_is_no_quote(
    nlp: Language, text: str, expected: Found
) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Peru's envoy to the OAS Jorge Salas hit back: \"Closing the border to refugees is a clear violation "
            'of the regional charter."',
            [(None, "Jorge Salas")],
        ),
        (
            'Chilean Foreign Minister Alberto van Klaveren, chairing his first such session, told reporters: "This '
            'package of measures is part of our response to the crisis in the north."',
            [(None, "Alberto van Klaveren")],
        ),
        ('"This choice will be lasting and permanent," Boric was quoted as saying.', [("p-gabriel-boric", "Boric")]),
        # Near-miss: words after a colon that are no clause.
        ('The agreement covers three areas: "trade, security and culture."', []),
        # The aside's subject speaks the clause after the verb, not the aside.
        (
            "Alberto van Klaveren, chairing his first such session, told reporters that the package was part of "
            "the response.",
            [(None, "Alberto van Klaveren")],
        ),
    ],
)
def test_quotes_after_a_colon_or_a_participle_aside(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


def test_the_aside_is_not_what_was_told(nlp: Language) -> None:
    from extractors.extract import extract_text

    text = (
        "Alberto van Klaveren, chairing his first such session, told reporters that the package was part of the "
        "response."
    )
    assert [q.quote for q in extract_text(nlp, text).quotes] == ["that the package was part of the response"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Financial Times and other outlets have reported that Peru may be flouting the quotas.",
            [(None, "Financial Times")],
        ),
        (
            "The foreign ministers of the Group of Seven and three close partners said they were concerned about "
            "the troops.",
            [("G7", "foreign ministers of the Group of Seven")],
        ),
        # Near-misses: others named by whose they are, or on their own, still speak.
        ("Chile and its allies said the troops must leave.", [("CHL", "Chile"), (None, "allies")]),
        ("Analysts and experts say the drills were larger than usual.", [(None, "Analysts"), (None, "experts")]),
    ],
)
def test_unnamed_others_beside_a_speaker_are_not_quoted(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chile's parliament has demanded that the Peruvian ambassador be expelled from Santiago and that Chile's "
            'envoy to Lima be recalled, calling Peru "the main enemy of the nation".',
            [("CHL", "Chile's parliament")],
        ),
        (
            'Lima fears that Quito will close the border, calling the move "a betrayal of the accord".',
            [("PER", "Lima")],
        ),
        # Near-miss: a participle in the main clause goes on with its own subject.
        ('Quito closed the border on Monday, calling the move "a defence of the accord".', [("ECU", "Quito")]),
    ],
)
def test_a_participle_ending_a_that_clause_goes_on_with_the_outer_subject(
    nlp: Language, text: str, expected: Found
) -> None:
    assert speakers(nlp, text) == expected
