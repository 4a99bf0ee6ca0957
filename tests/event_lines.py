"""Event tests written as lines of text, one case a line (blank lines and "# …" comments skipped):

- "TYPE[/mode] ACTOR>RECIPIENT | sentence": the sentence gives that event (RECIPIENT "None": none;
  no mode: any mode);
- "TYPE[ by ACTOR] | sentence": the sentence gives no event of that type (by that actor).

A test file keeps its lines as data and builds its parametrised tests here, one line for both (the
names it binds are the tests' names; pytest -v shows each case's line as its id):

    PUBLISHED = date(2025, 3, 14)
    FOUND = '''
    # why these give their event
    AGREE RUS>PRK | Moscow and Pyongyang agreed to expand trade.
    '''
    NOT_FOUND = '''
    AGREE | The two sides failed to agree on the price.
    '''
    test_event_found, test_no_such_event = line_tests(FOUND, NOT_FOUND, PUBLISHED)

A further block of either kind takes one test of its own: `test_x = found_test(MORE, PUBLISHED)`,
`test_y = absent_test(LOOK_ALIKES, PUBLISHED)`. Only tests of another shape are written out in full.
pytest collects what is bound to a name starting "test", so bind every test built here.

A file in the old pattern converts by replacing each

    @pytest.mark.parametrize("line", case_lines(FOUND))
    def test_event_found(nlp: Language, line: str) -> None:
        assert_found(nlp, line, PUBLISHED)

with `test_event_found = found_test(FOUND, PUBLISHED)` (assert_not_found: absent_test), or a pair by
one line_tests after both blocks; the names kept, the test ids stay the same.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language

from extractors.extract import extract_text

Found = tuple[str, str | None, str, str | None]  # type, mode, actor_id, recipient_id
Triple = tuple[str, str, str | None]  # type, actor_id, recipient_id


def found_events(nlp: Language, text: str, published: date) -> set[Found]:
    return {(e.event_type, e.mode, e.actor_id, e.recipient_id) for e in extract_text(nlp, text, published).events}


Targeted = tuple[str, str | None, str | None, str | None]  # type, actor_id, recipient_id, recipient_text


def events_with_targets(nlp: Language, text: str, published: date) -> set[Targeted]:
    """Every event of a text as (type, actor_id, recipient_id, recipient_text): what an act is aimed at."""
    events = extract_text(nlp, text, published).events
    return {(e.event_type, e.actor_id, e.recipient_id, e.recipient_text) for e in events}


def event_triples(nlp: Language, text: str, published: date | None = None) -> list[Triple]:
    """Every event of a text as (type, actor_id, recipient_id), in order: a count says how many."""
    return [(e.event_type, e.actor_id, e.recipient_id) for e in extract_text(nlp, text, published).events]


Named = tuple[str, str | None, str, str | None]  # type, actor_id, actor_text, recipient_id


def events_with_actor_text(nlp: Language, text: str, published: date) -> list[Named]:
    """Every event of a text as (type, actor_id, actor_text, recipient_id), in order: who acted, as written."""
    return [(e.event_type, e.actor_id, e.actor_text, e.recipient_id) for e in extract_text(nlp, text, published).events]


def case_lines(block: str) -> list[str]:
    return [line for line in (raw.strip() for raw in block.strip().splitlines()) if line and not line.startswith("#")]


def wanted_event(line: str) -> tuple[Found, str]:
    """ "AID/military PRK>RUS | text" -> (("AID", "military", "PRK", "RUS"), text)."""
    wanted, text = (part.strip() for part in line.split("|"))
    spec, pair = wanted.split()
    kind, _, mode = spec.partition("/")
    actor, recipient = pair.split(">")
    return (kind, mode or None, actor, None if recipient == "None" else recipient), text


def gives(found: set[Found], wanted: Found) -> bool:
    kind, mode, actor, recipient = wanted
    return any(k == kind and (mode is None or m == mode) and (a, r) == (actor, recipient) for k, m, a, r in found)


def unwanted_event(line: str) -> tuple[str, str | None, str]:
    """ "ASSAULT by PRK | text" -> ("ASSAULT", "PRK", text); "AGREE | text" -> ("AGREE", None, text)."""
    unwanted, text = (part.strip() for part in line.split("|"))
    kind, _, actor = unwanted.partition(" by ")
    return kind.strip(), actor.strip() or None, text


def gives_kind(found: set[Found], kind: str, actor: str | None = None) -> bool:
    return any(k == kind and (actor is None or a == actor) for k, _, a, _ in found)


def assert_found(nlp: Language, line: str, published: date) -> None:
    """A "TYPE[/mode] ACTOR>RECIPIENT | sentence" line: the sentence gives that event."""
    wanted, text = wanted_event(line)
    found = found_events(nlp, text, published)
    assert gives(found, wanted), found


def assert_not_found(nlp: Language, line: str, published: date) -> None:
    """A "TYPE[ by ACTOR] | sentence" line: the sentence gives no event of that type (by that actor)."""
    kind, actor, text = unwanted_event(line)
    found = found_events(nlp, text, published)
    assert not gives_kind(found, kind, actor), found


LineTest = Callable[[Language, str], None]


def found_test(block: str, published: date) -> LineTest:
    """A test run once a line of `block` ("TYPE[/mode] ACTOR>RECIPIENT | sentence"): assert_found."""

    @pytest.mark.parametrize("line", case_lines(block))
    def test(nlp: Language, line: str) -> None:
        assert_found(nlp, line, published)

    return test


def absent_test(block: str, published: date) -> LineTest:
    """A test run once a line of `block` ("TYPE[ by ACTOR] | sentence"): assert_not_found."""

    @pytest.mark.parametrize("line", case_lines(block))
    def test(nlp: Language, line: str) -> None:
        assert_not_found(nlp, line, published)

    return test


def line_tests(found: str, absent: str, published: date) -> tuple[LineTest, LineTest]:
    """A file's two parametrised tests from its FOUND and NOT_FOUND blocks: bind them to test names."""
    return found_test(found, published), absent_test(absent, published)
