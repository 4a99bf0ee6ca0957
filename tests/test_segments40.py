"""Sentence boundaries the parser does not see (extractors/boundaries.py): a line without a final
full stop (headline, subheading, list item) ends its sentence when the next line begins as a
sentence does; a line that goes on (a comma, a function word, an open quotation) does not. And
bench.eval puts a gold headline on a line of its own."""

from __future__ import annotations

import time

from spacy.language import Language

from bench.eval import documents
from extractors.extract import extract_text


def _sentences(nlp: Language, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


def test_a_headline_line_is_a_sentence_of_its_own(nlp: Language) -> None:
    text = "Turkey and Azerbaijan hold joint naval drills\nBaku said on Monday that six warships had taken part."
    assert _sentences(nlp, text) == [
        "Turkey and Azerbaijan hold joint naval drills",
        "Baku said on Monday that six warships had taken part.",
    ]


def test_list_items_and_a_label_line_end_their_sentences(nlp: Language) -> None:
    text = "What was agreed:\n- Brazil sells grain to Egypt\n- Egypt buys two tankers\nThe deal runs to 2030."
    sentences = _sentences(nlp, text)
    assert sentences[-3:] == ["- Brazil sells grain to Egypt", "- Egypt buys two tankers", "The deal runs to 2030."]


def test_a_line_that_goes_on_is_not_cut(nlp: Language) -> None:
    # a comma, a function word or a lowercase start carry the sentence over the line break
    for text in (
        "The envoy from Chile met officials in Lima,\nBogota and Quito during the week.",
        "The envoy from Chile met the\nPeruvian foreign minister on Friday.",
        "The envoy from Chile met officials\nin Lima on Friday.",
    ):
        assert len(_sentences(nlp, text)) == 1, text


def test_a_quote_over_a_line_break_stays_whole(nlp: Language) -> None:
    text = '"We will guard the passes of the Andes\nAnd the coast of Chile," the Bolivian minister said on Friday.'
    assert len(_sentences(nlp, text)) == 1
    quotes = extract_text(nlp, text).quotes
    assert len(quotes) == 1
    assert quotes[0].start <= 1 and "coast of Chile" in quotes[0].quote


def test_a_quote_after_a_headline_keeps_its_own_speaker(nlp: Language) -> None:
    text = (
        "Greece protests Turkish survey ship\n"
        '"This is a violation of our waters," Greek Foreign Minister George Gerapetritis said on Tuesday.'
    )
    quotes = extract_text(nlp, text).quotes
    assert [q.speaker_name for q in quotes] == ["George Gerapetritis"]
    assert quotes[0].start > text.index("\n")


def test_a_paragraph_quotation_that_runs_on_opens_again(nlp: Language) -> None:
    # the news convention: a quotation over two paragraphs leaves the first unclosed
    text = '"Our border is closed.\n"It stays closed until May," the Finnish minister said.\nHelsinki gave no details'
    assert _sentences(nlp, text)[-1] == "Helsinki gave no details"


def test_a_gold_headline_is_a_line_of_its_own() -> None:
    rows = [
        {"id": "h-0", "text": "Chile and Peru sign a border accord", "doc": "x", "tags": ["headline"]},
        {"id": "h-1", "text": "The accord was signed in Lima.", "doc": "x"},
        {"id": "h-2", "text": "It ends a long dispute.", "doc": "x"},
    ]
    (doc,) = documents(rows)
    assert doc.text == "Chile and Peru sign a border accord\nThe accord was signed in Lima. It ends a long dispute."


def test_many_lines_stay_linear(nlp: Language) -> None:
    # the component reads each token once: a text of many short lines costs what its length costs
    line = "Chile sends aid to Peru\n"
    start = time.perf_counter()
    doc = nlp(line * 400)
    assert len(list(doc.sents)) == 400
    assert time.perf_counter() - start < 30
