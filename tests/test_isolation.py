"""One text never stops the others (issue 12): a text whose extraction raises gets an error record and
every other text exactly its own records, in every mode; long texts are capped and parsed in pieces;
the resolver's recursion is bounded."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from pathlib import Path

import pytest

import extractors.extract as extract_module
from extractors.extract import (
    boundary_before,
    cap_text,
    extract_text,
    extract_texts,
    split_pieces,
)
from extractors.gazetteer import load_gazetteer
from extractors.lexicon import load_lexicon
from extractors.records import Extraction
from extractors.relevance import RelevanceGate
from extractors.resolution import Resolver
from flows import parallel
from flows.config import Config, ConfigError, NlpConfig, load_config
from tests import poisoned
from tests.helpers import CliInvoke

REPO = Path(__file__).resolve().parents[1]
SEED = (REPO / "seeds" / "000_55ac9cc17b546c97.txt").read_text(encoding="utf-8")
GATE = RelevanceGate(("CHN", "PRK", "RUS"), ("troops", "Kursk"), 0.35)

TEXTS = [
    "Moscow and Pyongyang signed a mutual defence pact.",
    "Kim Jong Un met Vladimir Putin in Vladivostok on Wednesday.",
    f"North Korea sent troops to {poisoned.RAISE_MARKER} and Russia, Seoul said.",
    "About 11,000 North Korean soldiers are in Russia's Kursk region, Seoul said last week.",
    "Retail sales rose 3.2 percent in May. The weather was mild.",
    SEED,
    "Beijing did not condemn the deployment. The Kremlin declined to comment.",
]
DATES = [datetime(2024, 11, 1 + i, 12) for i in range(len(TEXTS))]
POISONED = 2

# Shapes that made the event rules recurse without end (Resolver.resolve -> _resolve_one -> pronoun
# -> _from_modifiers -> pronoun ..., the depth not carried): a pronoun inside a modifier of a phrase
# that is itself the pronoun's nearest antecedent.
CYCLES = [
    "The officials, their countries' envoys, sent troops to Syria.",
    "The delegations of their states their ministers condemned the attacks on Syria.",
    "Syrian troops, their Russian allies and their Iranian advisers attacked them.",
    "The ministers, their governments' envoys, their deputies' aides and their staff condemned "
    "the strikes on Syria, their spokesmen said, and their envoys' advisers agreed.",
]


# --- no unbounded recursion -----------------------------------------------------------------------


@pytest.mark.parametrize("text", CYCLES)
def test_resolver_cycles_end(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    resolver = Resolver(doc, load_gazetteer(), load_lexicon())
    for token in doc:  # every noun phrase and pronoun: each call returns (it raised RecursionError)
        resolver.resolve(token)
        resolver.pronoun(token)
    extraction = extract_text(nlp, text)
    assert extraction.error is None
    assert {m.entity_id for m in extraction.mentions} >= {"SYR"} or "Syrian" in text


def test_pronoun_never_finds_the_phrase_that_holds_it(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Russia condemned the raid. The officials, their countries' envoys, left.")
    resolver = Resolver(doc, load_gazetteer(), load_lexicon())
    their = next(t for t in doc if t.lower_ == "their")
    found = resolver.pronoun(their)
    # "the officials" holds "their" (through the apposition): not its antecedent; Russia, before it, is.
    assert found is None or found.code == "RUS"


# --- isolation: one poisoned text among many ------------------------------------------------------


def _unpoisoned(nlp, gate: RelevanceGate | None) -> list[Extraction]:  # type: ignore[no-untyped-def]
    return list(extract_texts(nlp, TEXTS, published_at=DATES, gate=gate, batch_size=3))


@pytest.mark.parametrize("gate", [None, GATE], ids=["ungated", "gated"])
def test_poisoned_extractor_gives_an_error_record_and_the_others_their_own(
    nlp, monkeypatch: pytest.MonkeyPatch, gate: RelevanceGate | None
) -> None:  # type: ignore[no-untyped-def]
    clean = _unpoisoned(nlp, gate)
    monkeypatch.setattr(extract_module, "extract_events", poisoned.raising_extract_events)
    got = list(extract_texts(nlp, TEXTS, published_at=DATES, gate=gate, batch_size=3))
    assert len(got) == len(TEXTS)
    bad = got[POISONED]
    assert bad.error == f"ValueError: poisoned text ({poisoned.RAISE_MARKER})"
    assert (bad.mentions, bad.events, bad.quotes, bad.claims) == ((), (), (), ())
    assert bad.word_count == len(TEXTS[POISONED].split())
    assert [g for i, g in enumerate(got) if i != POISONED] == [c for i, c in enumerate(clean) if i != POISONED]
    assert clean[POISONED].error is None and clean[POISONED].events  # the marker alone is harmless


def test_failure_while_parsing_a_batch_reparses_it_text_by_text(nlp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A failure inside the batch stage (here the gate's scoring, between the two nlp.pipe stages)
    loses the whole batch's generator: its texts are parsed again one by one."""
    clean = _unpoisoned(nlp, GATE)
    real_score = extract_module.gate_score

    def failing_score(doc, gate, text=None):  # type: ignore[no-untyped-def]
        if poisoned.RAISE_MARKER in doc.text:
            raise MemoryError("no memory for this one")
        return real_score(doc, gate, text)

    monkeypatch.setattr(extract_module, "gate_score", failing_score)
    got = list(extract_texts(nlp, TEXTS, published_at=DATES, gate=GATE, batch_size=3))
    assert got[POISONED].error == "MemoryError: no memory for this one"
    assert [g for i, g in enumerate(got) if i != POISONED] == [c for i, c in enumerate(clean) if i != POISONED]


def test_inline_mode_isolates_too(monkeypatch: pytest.MonkeyPatch) -> None:
    clean = parallel.extract_parallel(TEXTS, DATES, Config())
    monkeypatch.setattr(extract_module, "extract_events", poisoned.raising_extract_events)
    got = parallel.extract_parallel(TEXTS, DATES, Config())
    assert got[POISONED].error is not None and got[POISONED].error.startswith("ValueError")
    assert [g for i, g in enumerate(got) if i != POISONED] == [c for i, c in enumerate(clean) if i != POISONED]


@pytest.mark.slow
def test_pool_mode_poisoned_text_and_dying_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """On the local pool: a text that raises gets its error record; a text that kills its worker
    process breaks the pool, which is replaced, and only that text is lost (an error record)."""
    killer = f"{poisoned.KILL_MARKER} is where North Korean troops went."
    texts = [*TEXTS[:4], killer, *TEXTS[4:]]
    dates = [*DATES[:4], None, *DATES[4:]]
    clean = parallel.extract_parallel(texts, dates, Config())
    config = Config(nlp=NlpConfig(n_process=2))
    monkeypatch.setattr(parallel, "extract_chunk", poisoned.extract_chunk_poisoned)
    try:
        got = parallel.extract_parallel(texts, dates, config)
    finally:
        parallel.shutdown_pool()
    assert len(got) == len(texts)
    assert got[POISONED].error == f"ValueError: poisoned text ({poisoned.RAISE_MARKER})"
    assert got[4].error is not None and got[4].error.startswith("BrokenProcessPool: ")
    assert got[4].word_count == len(killer.split())
    others = [i for i in range(len(texts)) if i not in (POISONED, 4)]
    assert [got[i] for i in others] == [clean[i] for i in others]


# --- long texts -------------------------------------------------------------------------------------


def test_pieces_join_back_to_the_text_and_cut_at_boundaries() -> None:
    paragraphs = [f"Paragraph {i}. " + "North Korea sent troops. " * 40 for i in range(50)]
    text = "\n\n".join(paragraphs)
    pieces = split_pieces(text, 5_000)
    assert "".join(pieces) == text
    assert all(len(p) <= 5_000 for p in pieces) and len(pieces) > 1
    assert all(p.endswith("\n\n") for p in pieces[:-1])  # at paragraph breaks
    one_paragraph = "North Korea sent troops. " * 1_000
    sentences = split_pieces(one_paragraph, 5_000)
    assert "".join(sentences) == one_paragraph and all(p.endswith(". ") for p in sentences[:-1])
    unbroken = "x" * 2_345  # no white space at all: cut every MAX_RUN_CHARS (spaCy's tokenizer is quadratic on it)
    assert [len(p) for p in split_pieces(unbroken, 5_000)] == [1_000, 1_000, 345]
    mixed = "a " * 100 + "(" * 1_500 + " b"
    assert [len(p) for p in split_pieces(mixed, 5_000)] == [1_200, 502]
    assert boundary_before("a b", 2) == 2  # "a " — white space is a boundary


def test_cap_keeps_short_texts_and_cuts_long_ones_at_a_boundary() -> None:
    assert cap_text("short text", 1_000) == ("short text", False)
    text = "\n\n".join("Seoul said troops moved. " * 20 for _ in range(20))
    read, truncated = cap_text(text, 2_000)
    assert truncated and len(read) <= 2_000 and text.startswith(read) and read.endswith("\n\n")


def test_long_text_in_pieces_gives_the_whole_texts_records(nlp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Parsed in pieces of ~2,000 characters, a text gets what it gets parsed whole: offsets into
    the whole text, sentence indexes continued across pieces, the same events, quotes and claims."""
    paragraphs = [p for p in SEED.split("\n") if p.strip()]
    text = "\n\n".join(paragraphs * 2)
    whole = extract_text(nlp, text, DATES[0])
    monkeypatch.setattr(extract_module, "PIECE_CHARS", 2_000)
    assert len(split_pieces(text)) > 5
    pieces = extract_text(nlp, text, DATES[0])
    assert pieces == whole and pieces.error is None and not pieces.truncated
    for mention in pieces.mentions:
        assert text[mention.start : mention.end] == mention.text
    indexes = [m.sentence_index for m in pieces.mentions]
    assert indexes == sorted(indexes) and indexes[-1] > 2 * max(
        m.sentence_index for m in extract_text(nlp, SEED).mentions
    )
    gated = list(extract_texts(nlp, [text], gate=GATE))
    monkeypatch.setattr(extract_module, "PIECE_CHARS", 10**9)
    assert gated == list(extract_texts(nlp, [text], gate=GATE))


def test_text_over_the_cap_is_truncated(nlp) -> None:  # type: ignore[no-untyped-def]
    text = SEED + "\n\n" + "Pyongyang sent troops to Kursk. " * 2_000
    extraction = extract_text(nlp, text, max_chars=len(SEED) + 10)
    assert extraction.truncated and extraction.error is None
    assert extraction == dataclasses.replace(extract_text(nlp, SEED + "\n\n"), truncated=True)
    assert not extract_text(nlp, SEED).truncated


def test_max_chars_is_checked(tmp_path: Path) -> None:
    assert NlpConfig().max_chars == extract_module.DEFAULT_MAX_CHARS
    (tmp_path / "storywatch.toml").write_text("[nlp]\nmax_chars = 10\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"nlp\.max_chars"):
        load_config(tmp_path / "storywatch.toml")


# --- storywatch extract -----------------------------------------------------------------------------


def test_extract_jsonl_error_lines_and_goes_on(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cli: CliInvoke) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(extract_module, "extract_events", poisoned.raising_extract_events)
    lines = [
        json.dumps({"id": "a", "text": TEXTS[0]}),
        "not json",
        json.dumps({"id": "b", "text": TEXTS[POISONED]}),
        json.dumps({"id": "c"}),
        "",
        json.dumps({"id": "d", "text": TEXTS[1], "published_at": "last week"}),
        json.dumps([1, 2]),
        "[" * 100_000,  # json.loads recurses per level
        json.dumps({"id": "e", "text": TEXTS[1]}),
    ]
    result = cli("extract", "--jsonl", stdin="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 8  # one per non-blank line, in order
    assert [o.get("id") for o in out] == ["a", None, "b", "c", "d", None, None, "e"]
    assert out[0]["events"] and "error" not in out[0]
    assert out[1] == {"id": None, "line": 2, "error": "line 2 is not JSON: Expecting value"}
    assert out[2] == {"id": "b", "line": 3, "error": f"ValueError: poisoned text ({poisoned.RAISE_MARKER})"}
    assert out[3]["line"] == 4 and '"text" string' in out[3]["error"]
    assert out[4]["line"] == 6 and "published_at" in out[4]["error"]
    assert out[5]["line"] == 7 and "error" in out[5]
    assert out[6] == {"id": None, "line": 8, "error": "line 8 is not JSON: nested too deeply"}
    assert out[7]["entities"] and "error" not in out[7]


def test_extract_plain_text_that_fails_exits_1_with_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cli: CliInvoke
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(extract_module, "extract_events", poisoned.raising_extract_events)
    result = cli("extract", "-", stdin=TEXTS[POISONED])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert f"extraction failed: ValueError: poisoned text ({poisoned.RAISE_MARKER})" in result.stderr


def test_extract_long_text_says_it_was_truncated(tmp_path: Path, cli: CliInvoke) -> None:
    (tmp_path / "storywatch.toml").write_text("[nlp]\nmax_chars = 2000\n", encoding="utf-8")
    text = "\n\n".join("North Korea sent troops to Russia's Kursk region. " * 10 for _ in range(10))
    result = cli("extract", "-", "--config", str(tmp_path / "storywatch.toml"), stdin=text)
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["truncated"] is True and out["events"]
    assert max(e["end"] for e in out["entities"]) <= 2_000
    assert "[nlp] max_chars" in result.stderr


@pytest.mark.slow
def test_process_task_runner_chunk_lost_to_a_dying_worker(
    prefect_harness: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Prefect's process-pool task runner: the chunk whose worker died is extracted again on the
    local pool, text by text; only the text that kills its worker is lost."""
    from prefect import flow, task
    from prefect.cache_policies import NO_CACHE
    from prefect.task_runners import ProcessPoolTaskRunner

    killer = f"{poisoned.KILL_MARKER} is where North Korean troops went."
    texts = [TEXTS[0], killer, TEXTS[1], TEXTS[3]]
    dates = [None, None, DATES[1], DATES[3]]
    clean = parallel.extract_parallel(texts, dates, Config())
    monkeypatch.setattr(
        parallel,
        "extract_chunk_task",
        task(poisoned.extract_chunk_poisoned, name="extract-chunk", cache_policy=NO_CACHE),
    )
    monkeypatch.setattr(parallel, "extract_chunk", poisoned.extract_chunk_poisoned)
    config = dataclasses.replace(Config(), nlp=NlpConfig(n_process=2))

    @flow(name="extract-on-processes", task_runner=ProcessPoolTaskRunner(max_workers=2))
    def extract_on_processes() -> list[Extraction]:
        return parallel.extract_parallel(texts, dates, config)

    try:
        got = extract_on_processes()
    finally:
        parallel.shutdown_pool()
    assert got[1].error is not None and got[1].error.startswith("BrokenProcessPool: ")
    assert [got[i] for i in (0, 2, 3)] == [clean[i] for i in (0, 2, 3)]


def test_lone_surrogates_are_read_as_replacement_characters(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cli: CliInvoke
) -> None:
    """JSON's "\\ud800" decodes to a lone surrogate, which spaCy cannot encode: it is read as U+FFFD
    (one character for one, offsets unchanged), and written back escaped."""
    monkeypatch.chdir(tmp_path)
    line = '{"id": "\\ud800x", "text": "\\ud800 Russia sent troops to Kursk."}'
    result = cli("extract", "--jsonl", stdin=line + "\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith('{"id": "\\ud800x", ')  # escaped: UTF-8 cannot carry it
    out = json.loads(result.stdout)
    assert "error" not in out
    assert [(e["text"], e["start"]) for e in out["entities"]][:1] == [("Russia", 2)]
    assert out["events"][0]["sentence"] == "\ufffd Russia sent troops to Kursk."
