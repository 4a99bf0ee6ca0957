"""Several parties in one coordinated phrase, read once (issue 13, lane quotes43): `resolution.conjuncts`
lists them for the quote finder and for the event rules alike — the owners of "the navies of A and B",
the named ally of "A and its ally B" (the name in apposition, or the subject the parser splits off
after "its ally"). The names a plural noun lists ("the outlets X and Y") are each quoted too, read by
the quote finder alone. Near-misses: unnamed partners, a single owner, an ally named in what a speaker
says. Every sentence was written for this file."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.event_lines import line_tests
from tests.quote_speakers import Found, speakers

PUBLISHED = date(2025, 6, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The owners of a plural noun each speak under the noun.
        (
            "The navies of Greece and Cyprus said the tanker had left the port.",
            [("CYP", "navies of Cyprus"), ("GRC", "navies of Greece")],
        ),
        (
            "The coast guards of Malta and Tunisia reported that the boat had sunk.",
            [("MLT", "coast guards of Malta"), ("TUN", "coast guards of Tunisia")],
        ),
        # A state and its ally named in apposition.
        ("Manila and its ally Japan said the drills would go ahead.", [("JPN", "Japan"), ("PHL", "Manila")]),
        ("Hanoi and its partner India said the survey ship had left.", [("IND", "India"), ("VNM", "Hanoi")]),
        # The names a plural noun lists.
        (
            "The Chinese state outlets Xinhua and CGTN reported that the talks had ended.",
            [("xinhua", "Xinhua"), (None, "CGTN")],
        ),
    ],
)
def test_each_party_of_a_coordinated_phrase_is_quoted(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


# Two titled names, the first hung on the second by the parser (its "and" and the second's title with it):
# each person by their own name, not one name run into the other or the second title's adjective.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tunisian President Kais Saied and Algerian President Abdelmadjid Tebboune said the pipeline would reopen.",
            [("p-abdelmadjid-tebboune", "Abdelmadjid Tebboune"), ("p-kais-saied", "Kais Saied")],
        ),
        (
            "Egyptian President Abdel Fattah al-Sisi and Jordanian King Abdullah II said the crossings must reopen.",
            [("p-abdel-fattah-el-sisi", "Abdel Fattah al-Sisi"), (None, "King Abdullah II")],
        ),
    ],
)
def test_two_titled_names_are_two_speakers(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cairo and its partners said the crossing would reopen.", [("EGY", "Cairo"), (None, "partners")]),
        ("The navy of Greece said the tanker had left the port.", [("GRC", "navy of Greece")]),
        ("Manila said its ally Japan would send patrol boats.", [("PHL", "Manila")]),
    ],
)
def test_unnamed_partners_and_single_owners_stay_one_speaker(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


# "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event.
FOUND = """
# The owners of a plural noun each act.
DISAPPROVE CHL>None | The foreign ministers of Chile and Uruguay criticised the election in Venezuela.
DISAPPROVE URY>None | The foreign ministers of Chile and Uruguay criticised the election in Venezuela.
CONSULT SWE>FIN | The defence chiefs of Sweden and Finland met in Helsinki on Tuesday.
# The named ally acts beside the state, not the "its" again.
DISAPPROVE JPN>None | Manila and its ally Japan condemned the ramming of the supply ship.
DISAPPROVE IND>CHN | Hanoi and its partner India criticised the Chinese survey ship.
DISAPPROVE LTU>BLR | Warsaw and its neighbour Lithuania accused Minsk of pushing migrants over the border.
# The ally's name split off by the parser as a second subject of the verb.
THREATEN FRA>TUR | Athens and its ally France warned Ankara against drilling near Crete.
THREATEN GRC>TUR | Athens and its ally France warned Ankara against drilling near Crete.
"""

# "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).
NOT_FOUND = """
# An ally named inside what a state says does not act.
DISAPPROVE by JPN | Manila said its ally Japan had condemned nothing yet.
"""

test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)
