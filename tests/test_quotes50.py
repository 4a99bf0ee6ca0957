"""Quote speakers of lane quotes50. The sentences are written for these tests."""

from __future__ import annotations

from spacy.language import Language

from tests.quote_speakers import speakers, spoken_after


def test_according_to_the_report_of_a_body_quoted_before_is_the_report(nlp: Language) -> None:
    """News README, documents ruling (and its recode, 20 rows to 5): "according to the report" with no issuer in
    the phrase is the document, by its word, not the body that issued it a sentence before."""
    text = (
        "The fleet is shrinking fast, the Lima Institute said in a study released on Monday. According to the "
        "report, the fleet has lost a third of its boats since 2019."
    )
    assert spoken_after(nlp, text, "According") == [(None, "report")]


def test_according_to_the_statement_of_a_bloc_quoted_before_is_the_statement(nlp: Language) -> None:
    text = (
        "The members will cut tariffs next year, the Andean Pact said in a statement. According to the statement, "
        "the cuts will start in March."
    )
    assert spoken_after(nlp, text, "According") == [(None, "statement")]


def test_according_to_a_states_statement_keeps_the_states_id(nlp: Language) -> None:
    """Near-miss: a state body's document keeps the state's id, by the document's word (unchanged)."""
    text = (
        "The envoys will meet in May, Peru's foreign ministry said in a statement. According to the statement, "
        "the talks will be held in Cusco."
    )
    assert spoken_after(nlp, text, "According") == [("PER", "statement")]


def test_a_statement_a_state_issued_is_the_states(nlp: Language) -> None:
    """News README, documents ruling: the issuer when the phrase names it, here in a relative clause."""
    text = "The two leaders agreed to meet again, according to a statement that Riyadh issued."
    assert speakers(nlp, text) == [("SAU", "Riyadh")]


def test_a_statement_a_named_minister_gave_is_the_ministers(nlp: Language) -> None:
    text = (
        "The decision was made by the king, according to a statement that Defence Minister Ana Ruiz gave after "
        "the talks."
    )
    assert speakers(nlp, text) == [(None, "Ana Ruiz")]


def test_a_statement_that_says_is_still_the_statement(nlp: Language) -> None:
    """Near-miss: the relative clause is what the statement says, not who issued it."""
    text = "The talks will resume in May, according to a statement that said the envoys had agreed."
    assert speakers(nlp, text) == [(None, "statement")]


def test_according_to_the_reports_is_reports(nlp: Language) -> None:
    """News README, documents ruling: bare "reports" quote `reports`; the article alone names no issuer."""
    text = "Chile had sent some 300 troops to Peru, according to the reports."
    assert speakers(nlp, text) == [(None, "reports")]


def test_according_to_the_studies_still_names_nobody(nlp: Language) -> None:
    """Near-miss: plural documents other than reports need words that say whose they are."""
    text = "Chile had sent some 300 troops to Peru, according to the studies."
    assert speakers(nlp, text) == []


def test_figures_from_a_named_body_are_the_bodys(nlp: Language) -> None:
    """News README: data with an issuer named are quoted as the issuer."""
    text = (
        "At least 60 Peruvian sailors have been held since May, according to the latest figures from the Chilean "
        "foreign ministry."
    )
    assert speakers(nlp, text) == [("CHL", "Chilean foreign ministry")]


def test_data_released_by_a_named_body_are_the_bodys(nlp: Language) -> None:
    text = "Exports rose by a third, according to data released by Peru's customs service."
    assert speakers(nlp, text) == [("PER", "Peru's customs service")]


def test_figures_with_no_issuer_still_name_nobody(nlp: Language) -> None:
    """Near-miss: with none named they are not quoted."""
    assert speakers(nlp, "Exports rose by a third, according to figures from last year.") == []
