"""bench/multilingual_eval.py's labelled sets and scoring: the real-coverage sets parse, every
annotated id is a gazetteer id or a declared missing person, and the scorer counts what is wrong
as wrong (the figures themselves are printed by the bench, not asserted here)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bench.multilingual_eval import (
    REAL_DEV,
    REAL_HELDOUT,
    SENTENCES,
    LabelledSetError,
    Sentence,
    annotation_kind,
    evaluate_set,
    group_of,
    key_ids,
    load_labelled_set,
    main,
    match_mentions,
    score_items,
    shipped_gate,
)
from extractors.gazetteer import load_gazetteer


def test_the_real_sets_parse_cover_each_language_and_share_no_page() -> None:
    urls = {}
    for path in (REAL_DEV, REAL_HELDOUT):
        labelled = load_labelled_set(path)
        counts = Counter((item.lang, item.on_topic) for item in labelled.items)
        for language in ("ko", "ru", "zh"):
            assert counts[(language, True)] >= 15, (path.name, language, counts)
            assert counts[(language, False)] >= 6, (path.name, language, counts)
        assert all(item.url.startswith(("http://", "https://")) for item in labelled.items), path.name
        urls[path] = [item.url for item in labelled.items]
        assert len(set(urls[path])) == len(urls[path]), f"{path.name}: a page paraphrased twice"
    assert not set(urls[REAL_DEV]) & set(urls[REAL_HELDOUT]), "the held-out set must come from other pages"
    assert load_labelled_set(REAL_HELDOUT).itemised is False
    assert load_labelled_set(REAL_DEV).itemised is True


def test_every_annotated_id_is_a_gazetteer_id_or_scored_as_a_missing_person() -> None:
    gate = shipped_gate()
    known = {entity.entity_id for entity in load_gazetteer().entities}
    for path in (REAL_DEV, REAL_HELDOUT, SENTENCES):
        labelled = load_labelled_set(path)
        keys = key_ids(gate, labelled.missing_people)
        for item in labelled.items:
            for annotation in item.mentions:
                assert annotation[1] in keys, (path.name, annotation)  # every annotation is scored
                if annotation[1] not in known:
                    assert annotation_kind(annotation, gate.actors, labelled.missing_people) == "missing person"
    # A missing person that is not found is counted as a miss, and as a missing person's.
    item = Sentence("ru", "Ким Чен Ына сопровождал Пак Чон Чхон.", True, (("Пак Чон Чхон", "pak-jong-chon"),))
    scores = score_items([item], [([], True)], frozenset({"pak-jong-chon"})).by_language["ru"]
    assert (scores.true_positives, scores.gold, scores.missing_person_misses) == (0, 1, 1)


def one_passage_file(folder: Path, lang: str, text: str, mentions: str, preamble: str = "") -> Path:
    """A labelled file of one passage (TOML written by hand: `mentions` is its array literal)."""
    path = folder / f"{lang}.toml"
    passage = f'lang = "{lang}"\nurl = "https://example.org/{lang}"\non_topic = true\ntext = "{text}"'
    path.write_text(f"{preamble}\n[[passage]]\n{passage}\nmentions = {mentions}\n", encoding="utf-8")
    return path


def test_a_file_with_an_unknown_id_or_a_surface_not_in_its_text_is_refused(tmp_path: Path) -> None:
    text, mentions = "북한은 러시아에 병력을 보냈다.", '[["북한", "PRK"], ["러시아", "nobody-at-all"]]'
    with pytest.raises(
        LabelledSetError, match="'nobody-at-all' is neither a gazetteer id nor listed in missing_people"
    ):
        load_labelled_set(one_passage_file(tmp_path, "ko", text, mentions))
    declared = one_passage_file(tmp_path, "ko", text, mentions, preamble='missing_people = ["nobody-at-all"]')
    assert load_labelled_set(declared).missing_people == {"nobody-at-all"}

    twice = one_passage_file(tmp_path, "zh", "朝鲜向俄罗斯派兵。", '[["朝鲜", "PRK"], ["朝鲜", "PRK"]]')
    with pytest.raises(LabelledSetError, match="'朝鲜' annotated 2 times, 1 in the text"):
        load_labelled_set(twice)


def test_a_deliberately_wrong_prediction_is_counted_as_wrong() -> None:
    item = next(i for i in load_labelled_set(REAL_DEV).items if len(i.mentions) >= 3)
    right = list(item.mentions)
    perfect = score_items([item], [(right, item.on_topic)]).by_language[item.lang]
    assert (perfect.recall, perfect.precision, perfect.topic_accuracy) == (1.0, 1.0, 1.0)

    surface, entity_id = right[0]
    wrong_id = "USA" if entity_id != "USA" else "CHN"
    report = score_items([item], [([(surface, wrong_id), *right[1:]], not item.on_topic)])
    scores, result = report.by_language[item.lang], report.results[0]
    assert scores.true_positives == len(right) - 1
    assert scores.predicted == scores.gold == len(right)
    assert scores.topic_right == 0
    assert result.missed == ((surface, entity_id),)
    assert result.false_positives == ((surface, wrong_id),)

    # Each annotation is matched once: a second prediction of it is wrong, a forgotten one missed.
    doubled = score_items([item], [([*right, right[0]], item.on_topic)]).results[0]
    assert doubled.false_positives == (right[0],) and doubled.missed == ()
    assert score_items([item], [(right[1:], item.on_topic)]).results[0].missed == (right[0],)


def test_a_surface_is_matched_within_its_annotation_but_never_across_ids() -> None:
    gold = [("Пхеньяне", "PRK"), ("北韓", "PRK"), ("Путина", "vladimir-putin")]
    assert match_mentions(gold, [("Пхеньян", "PRK"), ("北韓軍", "PRK"), ("Путина", "vladimir-putin")]) == (3, (), ())
    assert match_mentions(gold, [("Пхеньяне", "RUS")]) == (0, tuple(gold), (("Пхеньяне", "RUS"),))
    assert match_mentions(gold, [("Китай", "PRK")]) == (0, tuple(gold), (("Китай", "PRK"),))


def test_the_shipped_matcher_on_the_dev_set_is_scored_by_these_rules() -> None:
    labelled = load_labelled_set(REAL_DEV)
    report = evaluate_set(labelled.items, shipped_gate(), labelled.missing_people)
    assert set(report.by_language) == {"ko", "ru", "zh"}
    for language, scores in report.by_language.items():
        results = [r for r in report.results if r.item.lang == language]
        assert scores.gold == sum(len(r.item.mentions) for r in results)
        assert scores.gold - scores.true_positives == sum(len(r.missed) for r in results)
        assert scores.predicted - scores.true_positives == sum(len(r.false_positives) for r in results)
        assert scores.topic_right == sum(r.predicted_on_topic == r.item.on_topic for r in results)


def test_held_out_misses_are_printed_as_counts_never_item_by_item(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--set", "heldout", "--details"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("REAL HELD-OUT")
    assert "missed:" not in out and "wrong:" not in out
    for item in load_labelled_set(REAL_HELDOUT).items:
        assert item.url not in out


def test_chinese_items_are_grouped_by_script() -> None:
    assert group_of(Sentence("zh", "北韓派兵支援俄羅斯,金正恩會見紹伊古。", True, ())) == "zh traditional"
    assert group_of(Sentence("zh", "朝鲜派兵支援俄罗斯,金正恩会见绍伊古。", True, ())) == "zh simplified"
    assert group_of(Sentence("ko", "북한은 러시아에 병력을 보냈다.", True, ())) == "ko"


def test_the_real_held_out_set_meets_the_issues_goals_per_language() -> None:
    # A floor, not a tuning target: the issue's goals (on/off-topic right for ≥ 90 %, mentions
    # recall ≥ 0.85 and precision ≥ 0.90) on paraphrased real coverage never tuned on. Per language,
    # so one language cannot carry another.
    labelled = load_labelled_set(REAL_HELDOUT)
    report = evaluate_set(labelled.items, shipped_gate(), labelled.missing_people)
    for language, scores in report.by_language.items():
        assert scores.topic_accuracy >= 0.90, (language, scores)
        assert scores.recall >= 0.85, (language, scores)
        assert scores.precision >= 0.90, (language, scores)
