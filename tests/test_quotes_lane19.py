"""Quote speakers of lane quotes19 (issue 13): an outlet's attribution the parser hangs on a noun ("..., the
North's state media reported Sunday, as ..."), a figure a named subject puts at a number ("the ministry put the
number of injured at 140"), an outlet after a speaker's words quoted with the speaker ("“...,” Kim Jong Un said,
according to KCNA": both, since stop 43), and a bare head title no one was introduced with ("The president
said") resolved by the gazetteer's role of the person last named. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quote_speakers import Found, speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The verb of saying parsed as a clause of "help" with its subject in apposition to the name before,
        # and followed by its day before the comma.
        (
            'Kim Jong Un has offered "firm" help for the projects of Laotian President Thongloun Sisoulith, the '
            "North's state media reported Sunday, as a delegation arrived.",
            [(None, "North's state media")],
        ),
        # Near-miss: a participle of "report" on a noun, with no speaker set off before it, reports nothing.
        ("Analysts studied the losses reported Friday by the ministry, which were larger than expected.", []),
        # Near-miss: a parenthetical attribution with its own subject stays as it was.
        ("The crops planted, the farmers reported on Monday, had survived the frost.", [(None, "farmers")]),
    ],
)
def test_an_outlet_attribution_parsed_on_a_noun_reports_the_clause(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chile's interior ministry put the number of injured at 140 on Sunday.",
            [("CHL", "Chile's interior ministry")],
        ),
        ("Washington first put the number of advisers at 200 but later raised it.", [("USA", "Washington")]),
        # Near-misses: estimates and reports that put a figure are sources, no speakers; no figure, no estimate.
        ("Earlier estimates had put the toll at 90.", []),
        ("Local reports put the number of dead at 12.", []),
        ("The workers put the crates at the back of the warehouse.", []),
    ],
)
def test_a_figure_put_at_a_number_is_its_subjects_estimate(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An outlet after a speaker's words is quoted with the speaker, KCNA too (bench/data/news README, stop 43:
        # "X said ..., according to <outlet>" quotes both, 51 rows to 9).
        (
            '"Our friendship with Laos is unbreakable," Kim Jong Un said, according to KCNA.',
            [("kcna", "KCNA"), ("kim-jong-un", "Kim Jong Un")],
        ),
        (
            "Kim Jong Un said the friendship with Laos would grow stronger every year, according to KCNA.",
            [("kcna", "KCNA"), ("kim-jong-un", "Kim Jong Un")],
        ),
        (
            "According to KCNA, Kim Jong Un said the friendship with Laos was unbreakable.",
            [("kcna", "KCNA"), ("kim-jong-un", "Kim Jong Un")],
        ),
        (
            'Chinese Premier Li Qiang stressed the need to "deepen exchanges in every field," according to KCNA.',
            [("kcna", "KCNA"), ("li-qiang", "Li Qiang")],
        ),
        (
            "Sergei Lavrov said the talks in Pyongyang had been useful, according to Yonhap.",
            [("sergei-lavrov", "Sergei Lavrov"), ("yonhap", "Yonhap")],
        ),
    ],
)
def test_an_outlet_after_the_words_is_quoted_with_their_speaker(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Volodymyr Zelensky visited a hospital in Kharkiv on Friday. The president said the city would be rebuilt.",
            [("volodymyr-zelensky", "Volodymyr Zelensky")],
        ),
        (
            "Kim Jong Un toured a new fertiliser plant in Hamhung. Speaking at the plant, the leader said output "
            "would double.",
            [("kim-jong-un", "Kim Jong Un")],
        ),
        # Near-miss: a foreign minister is not "the president".
        (
            "Sergei Lavrov visited Pyongyang on Friday. The president said the visit was a success.",
            [("PRK", "president")],
        ),
        # Near-miss: a president introduced with the title and the state's name stays the one meant.
        (
            "Ukrainian President Volodymyr Zelensky met Polish President Andrzej Duda in Lviv. The Polish president "
            "said aid would continue.",
            [("p-andrzej-duda", "Andrzej Duda")],
        ),
    ],
)
def test_a_bare_head_title_is_the_person_the_gazetteer_gives_the_post(
    nlp: Language, text: str, expected: Found
) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A document "from" its issuer speaks for the issuer.
        (
            "A press release from the Chilean navy said the two ships had returned to port on schedule.",
            [("CHL", "Chilean navy")],
        ),
        (
            "The arrests were made on Monday, said a press release from Peru's Interior Ministry.",
            [("PER", "Peru's Interior Ministry")],
        ),
        # A post is a document that speaks by its word.
        (
            "Qatar's foreign ministry welcomed the truce on Sunday. The post said that Doha would keep working "
            "with both sides.",
            [(None, "post")],
        ),
        # Near-misses: a document with no issuer named, or with a topic ("on the fighting"), speaks by its word.
        ("The press release said the two ships had returned to port on schedule.", [(None, "press release")]),
        ("A report on the fighting said the two ships had returned to port on schedule.", [(None, "report")]),
    ],
)
def test_a_document_from_its_issuer_speaks_for_it(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chile's foreign ministry said in a release that the two ministers agreed to reopen the consulate.",
            [("CHL", "Chile's foreign ministry")],
        ),
        # Near-miss: a release that is no document ("the release of the prisoners") reports nothing.
        ("The ministry welcomed the release of the prisoners that the court ordered last week.", []),
    ],
)
def test_words_said_in_a_release_are_reported(nlp: Language, text: str, expected: Found) -> None:
    assert speakers(nlp, text) == expected
