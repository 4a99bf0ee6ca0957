"""Quote speakers named again a sentence or two on, and shapes of saying without a "that" clause (issue 13,
lane quotes9): "what she described as ..." (quoted or not), "condemned X as “...”", a ministry quoted with
its state's id, an outlet NER did not tag ("Mediapart reported", "The Washington Post reported ... the
newspaper said"), "..., the state-run agency KCNA reported" parsed as a relative clause, "the group added"
after a group named and one described, "They added" after "police said", and a title the parser hangs
off the verb. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractors.extract import extract_text
from extractors.quotes import _title_words
from tests.quote_speakers import Found, speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What someone calls or describes a thing as is their words, in quotation marks or not.
        ("Mayor Ana Ortiz hailed what she described as a turning point for the harbour.", [(None, "Ana Ortiz")]),
        (
            "Researchers at the institute pointed to what they called gaps in the official count.",
            [(None, "Researchers")],
        ),
        # A short quoted word after "as" ("as “cowardly”", parsed as a clause of "as") is reported.
        (
            'The US has condemned the drone attacks as "cowardly", and Britain has described the raids as '
            '"a grave escalation".',
            [("GBR", "Britain"), ("USA", "US")],
        ),
        # A ministry in the gazetteer speaks for its state (as "Armenia's defence ministry" does).
        (
            "The Russian Defence Ministry said its air defences had downed 12 drones over the Belgorod region.",
            [("RUS", "Russian Defence Ministry")],
        ),
        # A single name with no title word that NER did not tag is an outlet, not nobody.
        ("Mediapart reported that the minister had received the payments in cash.", [(None, "Mediapart")]),
        # "..., the state-run agency KCNA reported": the verb parsed as a relative clause on the description.
        (
            "The rebels confirmed on Monday that they had pulled out of the border town held by Kyiv, the "
            "state-run agency KCNA reported.",
            [("kcna", "KCNA"), (None, "rebels")],
        ),
    ],
)
def test_said_without_a_clause_of_their_own(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


def spoken_after(nlp: Language, text: str, marker: str) -> list[str]:
    """The speakers of the quotes from the sentence that starts with `marker` on."""
    at = text.index(marker)
    return sorted({q.speaker_name for q in extract_text(nlp, text).quotes if q.start >= at})


@pytest.mark.parametrize(
    ("text", "marker", "expected"),
    [
        # An outlet named with an article is a body: "the newspaper" names it again.
        (
            "The Washington Post reported on Friday that the port had reopened. Citing shipping records, the "
            "newspaper said three tankers had docked on Saturday.",
            "Citing",
            ["Washington Post"],
        ),
        # "the group": the group named, not the one only described by that very noun.
        (
            "Eleven miners were trapped after the collapse, according to a rights group in the province. The "
            "Miners' Solidarity Network, a group that tracks accidents in the mines, said on Sunday that the shaft "
            "had been closed twice last year. Rescue teams reached four of the men overnight, the group added.",
            "Rescue",
            ["Solidarity Network"],
        ),
        # "They added": the plural source quoted just before.
        (
            "Roads into the old town were closed on Sunday, police said. They added that 12 people had been detained.",
            "They",
            ["police"],
        ),
    ],
)
def test_named_again(nlp: Language, text: str, marker: str, expected: list[str]) -> None:
    assert spoken_after(nlp, text, marker) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "According to X, A and B are ...": the clause's subject the parser joined to the source is no source.
        ('According to Kishida, Tokyo and Manila are "natural partners" at sea.', [("fumio-kishida", "Kishida")]),
        # A participle after a comma goes on with the reporter, however deep in the reported clause it hangs.
        (
            "Polish President Anna Nowak said on Friday that her country could consider sending jets to Ukraine "
            'depending on how far military cooperation between Russia and Iran goes, vowing not to "stand by" '
            "while drones hit its neighbour.",
            [(None, "Anna Nowak")],
        ),
    ],
)
def test_only_the_source(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


def test_described_again_with_its_words(nlp: Language) -> None:
    # "according to the insurance firm" after "A Norwegian shipping insurance firm said".
    text = (
        "A Norwegian shipping insurance firm said the vessel had been struck by a drone. The crew denied it, but "
        "according to the insurance firm the damage was extensive."
    )
    assert spoken_after(nlp, text, "The crew") == ["Norwegian shipping insurance firm"]


def test_no_other_person_for_a_described_one(nlp: Language) -> None:
    # "she" is the daughter the subject describes, not the senator named inside the description.
    text = "The daughter of Senator Paul Okafor rejected what she called a smear campaign against the family."
    assert all(name != "Paul Okafor" for _, name in speakers(nlp, text))


def test_title_words_beside_a_misparsed_title(nlp: Language) -> None:
    # "Chilean Justice Minister Ana Rey said": a parse that hangs "Minister" on the verb, and NER's name
    # stopping short of the surname ("Ana" + "Rey"), still give the title the name was introduced with.
    words = ["Chilean", "Justice", "Minister", "Ana", "Rey", "said", "so", "."]
    heads = [2, 2, 5, 4, 5, 5, 5, 5]
    deps = ["amod", "compound", "npadvmod", "compound", "nsubj", "ROOT", "advmod", "punct"]
    pos = ["ADJ", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "ADV", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, sent_starts=[1, 0, 0, 0, 0, 0, 0, 0])
    assert {t.text for t in _title_words(doc[3:4])} >= {"Justice", "Minister"}
