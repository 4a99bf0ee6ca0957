"""A speaker named again by a bare definite noun (issue 13, lane quotes7): "the group added" after
"The Relief Lawyers, a group that ..., told", "the bank said" after "the Asian Development Bank approved
...": the speaker quoted before under that noun, or the organisation named before by a name that ends
in it; nothing when two earlier speakers fit or none does. The sentences are written for these tests."""

from __future__ import annotations

from spacy.language import Language

from extractors.extract import extract_text

Found = list[tuple[str | None, str]]  # speaker_id, speaker_name


def speakers_of_last_sentence(nlp: Language, text: str) -> Found:
    last = text.rindex(". ") + 2
    return sorted({(q.speaker_id, q.speaker_name) for q in extract_text(nlp, text).quotes if q.start >= last}, key=str)


def test_group_named_in_apposition_speaks_again(nlp: Language) -> None:
    text = (
        "The Relief Lawyers, a group that records abuses in the region, told reporters that the "
        "shelling happened on Saturday. "
        "Dozens more were wounded in the attack, the group added."
    )
    assert [name for _, name in speakers_of_last_sentence(nlp, text)] == ["Relief Lawyers"]


def test_organisation_named_before_speaks_by_its_noun(nlp: Language) -> None:
    text = (
        "On Friday the Asian Development Bank approved a loan of $500 million for flood defences. "
        "Bangladesh is the largest recipient of the new programme, the bank said."
    )
    found = speakers_of_last_sentence(nlp, text)
    assert len(found) == 1 and "Asian Development Bank" in found[0][1]


def test_no_earlier_speaker_under_the_noun_is_no_quote(nlp: Language) -> None:
    text = "Flooding closed the main road on Sunday. Repairs will take a week, the group said."
    assert speakers_of_last_sentence(nlp, text) == []


def test_representative_speaks_for_the_state_of_its_adjective_and_again_by_its_noun(nlp: Language) -> None:
    text = (
        "The Iranian representative told the committee on Monday that the sanctions were illegal. "
        "The measures were aimed at punishing ordinary people, the representative said."
    )
    assert {q.speaker_id for q in extract_text(nlp, text).quotes} == {"IRN"}
    assert speakers_of_last_sentence(nlp, text) == [("IRN", "Iranian representative")]
