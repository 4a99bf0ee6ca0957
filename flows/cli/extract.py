"""`storywatch extract`: what the pipeline would extract from a text or JSON lines; no warehouse."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from flows.cli.common import ConfigOption, DbOption, err_console, fail, iso_date, reported_errors
from flows.config import load_config

if TYPE_CHECKING:
    from extractors.records import Extraction
    from extractors.relevance import RelevanceGate

EXTRACT_HELP = (
    "What the pipeline would extract from text, as JSON; the warehouse is not touched.\n\n"
    '"relevance" is the text\'s \\[topic] score and "relevant" whether it reaches min_relevance. As the '
    "pipeline does, a text that is not relevant gets its entities only (the pipeline stores the article and "
    "its entities, never events, quotes or claims for it); --all shows everything extracted regardless.\n\n"
    "A text longer than \\[nlp] max_chars is read up to a paragraph or sentence boundary before it; "
    'the output then says "truncated": true.\n\n'
    "--jsonl: one output line per non-blank input line, in order. A line that is not an object with a "
    '"text" string, or whose text cannot be extracted, gets {"id", "line", "error"} and the command goes on.\n\n'
    '"language" is the text\'s language (ISO 639-1; "und" when it cannot tell), detected from the text unless '
    "--lang gives it: English gets entities, events, quotes and claims; Korean, Russian and Chinese their "
    "entities and relevance (no events, quotes or claims); other languages are read as English.\n\n"
    'Exit status: 0 when every line was answered (error lines included: look for "error"); 2 for a problem '
    "you can fix (config, unreadable input, --published); 1 when the command itself failed, or when a plain "
    "text could not be extracted (one line on standard error)."
)


def extract(
    file: Annotated[str, typer.Argument(help="Text file to read, or - for standard input.")] = "-",
    jsonl: Annotated[
        bool,
        typer.Option(
            "--jsonl",
            help='Input is JSON lines {"id", "text", "published_at"?}; output one JSON line each.',
        ),
    ] = False,
    published: Annotated[
        str | None,
        typer.Option("--published", help="Publication date (ISO) that relative dates resolve against."),
    ] = None,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Events, quotes and claims also for a text below \\[topic] min_relevance (the pipeline keeps none).",
        ),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="The texts' language (ISO 639-1: en, ko, ru, zh), instead of detecting it."),
    ] = None,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """What the pipeline would extract from text, as JSON; the warehouse is not touched (help: EXTRACT_HELP)."""
    from extractors.extract import extract_texts
    from extractors.language import detect_language, is_iso639_1
    from flows.parallel import relevance_gate
    from flows.resident import load_resident

    with reported_errors({OSError: lambda exc: f"cannot read {file}: {exc.strerror or exc}"}):
        cfg = load_config(config, db=db)
        raw = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail(f"{'standard input' if file == '-' else file} is not UTF-8 text (byte offset {exc.start})") from None
    try:
        default_date = iso_date(published)
    except (ValueError, OverflowError):
        raise fail(f"--published must be an ISO date like 2024-11-08, got {published!r}") from None
    if lang is not None and not is_iso639_1(lang):
        raise fail(f"--lang must be an ISO 639-1 language code (en, ko, ru, zh …), got {lang!r}")
    nlp = load_resident(cfg.nlp.model)  # a process that exists to extract: its resident data frozen at once
    gate = relevance_gate(cfg)
    # The pipeline's own gate unless --all: below min_relevance a text gets its entities only.
    options = {"batch_size": cfg.nlp.batch_size, "max_chars": cfg.nlp.max_chars, "gate": None if show_all else gate}
    if not jsonl:
        language = lang or detect_language(text)
        (extraction,) = extract_texts(nlp, [text], published_at=[default_date], languages=[language], **options)
        if extraction.error is not None:
            raise fail(f"extraction failed: {extraction.error}", code=1)
        output = _extract_output(extraction, text, gate, language)
        if not output["relevant"]:
            shown = "shown here" if show_all else "left out here; --all shows them"
            err_console.print(
                f"note: relevance {output['relevance']:.2f} is below [topic] min_relevance {gate.min_relevance:g}: "
                f"the pipeline would store this article and its entities but no events, quotes or claims ({shown})",
                highlight=False,
                markup=False,
                soft_wrap=True,
            )
        if extraction.truncated:
            err_console.print(
                f"note: the text is {len(text):,} characters; only the first {cfg.nlp.max_chars:,} "
                "([nlp] max_chars), up to a paragraph or sentence boundary, were read",
                highlight=False,
                markup=False,
                soft_wrap=True,
            )
        sys.stdout.write(json.dumps(output, ensure_ascii=False) + "\n")
        return
    read = (_jsonl_record(number, line, default_date) for number, line in enumerate(text.splitlines(), start=1))
    records = [r for r in read if r is not None]
    valid = [r for r in records if r.error is None]
    languages = [lang or detect_language(r.text) for r in valid]
    extractions = iter(
        extract_texts(
            nlp, (r.text for r in valid), published_at=[r.published_at for r in valid], languages=languages, **options
        )
    )
    language_of = iter(languages)
    for record in records:
        if record.error is not None:
            line = {"id": record.id, "line": record.line, "error": record.error}
        else:
            extraction, language = next(extractions), next(language_of)
            if extraction.error is not None:
                line = {"id": record.id, "line": record.line, "error": extraction.error}
            else:
                line = {"id": record.id} | _extract_output(extraction, record.text, gate, language)
        sys.stdout.write(_json_line(line))
        sys.stdout.flush()


def _json_line(value: dict[str, Any]) -> str:
    """One JSON line, UTF-8 as written; with \\u escapes when it holds a lone surrogate (an id
    like "\\ud800" from the input), which UTF-8 cannot carry."""
    line = json.dumps(value, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(value)
    return line + "\n"


@dataclass(frozen=True)
class _JsonlRecord:
    line: int
    id: Any
    text: str = ""
    published_at: datetime | None = None
    error: str | None = None  # why the line cannot be extracted


def _jsonl_record(number: int, line: str, default_date: datetime | None) -> _JsonlRecord | None:
    """One input line of `extract --jsonl`: a record to extract, one with the reason it cannot be,
    or None for a blank line."""
    if not line.strip():
        return None
    try:
        item = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:  # RecursionError: "[[[[…" nested too deep
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        return _JsonlRecord(number, None, error=f"line {number} is not JSON: {reason}")
    if not isinstance(item, dict):
        return _JsonlRecord(number, None, error=f'line {number} must be an object with a "text" string')
    record_id = item.get("id")
    if not isinstance(item.get("text"), str):
        return _JsonlRecord(number, record_id, error=f'line {number} must be an object with a "text" string')
    try:
        when = iso_date(item.get("published_at")) or default_date
    except (ValueError, OverflowError):
        return _JsonlRecord(
            number,
            record_id,
            error=f'line {number}: "published_at" must be an ISO date, got {item.get("published_at")!r}',
        )
    return _JsonlRecord(number, record_id, item["text"], when)


def _extract_output(extraction: Extraction, text: str, gate: RelevanceGate, language: str) -> dict[str, Any]:
    """The output object with the text's language, its relevance and whether it reaches the gate;
    "truncated" only when the text was cut (most are not)."""
    score = extraction.relevance
    if score is None:  # extracted without the gate (--all): scored as the pipeline scores it then
        score = gate.score((m.entity_id for m in extraction.mentions), text, extraction.word_count)
    out = extraction.as_json() | {
        "language": language,
        "relevance": round(score, 4),
        "relevant": score >= gate.min_relevance,
    }
    return out | {"truncated": True} if extraction.truncated else out
