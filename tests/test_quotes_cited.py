""" "X cited Y" as a ground, reason or example quotes no one (stop 45 ruling, bench/data/news README): a plain
object of "cite" is no speech. A that-clause ("citing reports that ..."), a "said" or "reported" beside the
citing, and "citing" a source stay quotes of the one who says or reports. Every sentence was written for
this file.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quote_speakers import speakers


@pytest.mark.parametrize(
    "text",
    [
        "Lima cited the border crossings as the reason for closing its consulate.",
        "The report cited illegal shipments of fuel to Quito.",
        "Oslo urged Quito to open an inquiry, citing accounts of abuse at the camps.",
        "Kenya cited the deal as an example of Uganda's growing ties with Tanzania.",
        "Peru expelled two Chilean diplomats on Monday, citing espionage.",
        "The minister cited security concerns for the decision to close the border.",
    ],
)
def test_a_ground_cited_quotes_no_one(nlp: Language, text: str) -> None:
    assert speakers(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A that-clause of what is cited: the subject voices it.
        (
            "Ghana's foreign ministry cited reports that Togolese troops had crossed the border.",
            ["Ghana's foreign ministry"],
        ),
        # A "said" beside the citing: the sayer speaks.
        ("Chile said on Tuesday it would cut aid, citing human rights abuses.", ["Chile"]),
        # Citing a source beside "reported": the reporter speaks.
        (
            "The agency, citing a defence official, reported that Peru had moved troops to the border.",
            ["agency"],
        ),
    ],
)
def test_cited_with_speech_stays_a_quote(nlp: Language, text: str, expected: list[str]) -> None:
    assert [name for _, name in speakers(nlp, text)] == expected
