"""What an alert kind is: its name, its parameters and its evaluation (see flows/alerts/kinds/)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import duckdb

    from flows.alerts.alert import Alert
    from flows.config import AlertRuleConfig, Config

PARAM_MAX = 10_000_000  # the upper bound of any numeric rule parameter: 10^7 hours is 1,141 years


@dataclass
class Evaluation:
    """What a kind's evaluation reads: the open warehouse (through warehouse/alerts.py's queries),
    the config, the time of evaluation and the start of the lookback window."""

    con: duckdb.DuckDBPyConnection
    config: Config
    now: datetime
    since: datetime

    @cached_property
    def names(self) -> dict[str, str]:
        """entity id → name, read once per evaluation whichever kinds need it."""
        from warehouse.alerts import entity_names

        return entity_names(self.con)

    @cached_property
    def threads(self) -> ThreadsRead:
        """The story threads (not merged away) that gained an article in the lookback window, their
        articles and the threads merged into each: read once for the thread kinds."""
        from warehouse import alerts as store

        threads = store.thread_candidates(self.con, self.since)
        ids = [t["thread_id"] for t in threads]
        return ThreadsRead(threads, store.thread_members(self.con, ids), store.thread_absorbed(self.con, ids))

    def alerted(self, rule: AlertRuleConfig, prefix: str) -> set[str]:
        """The subjects starting with `prefix` this rule has alerted about before."""
        from warehouse.alerts import rule_subjects

        return rule_subjects(self.con, rule.name, rule.kind, prefix)


@dataclass(frozen=True)
class ThreadsRead:
    """`threads`: rows of the threads table; `members`: each one's articles (outlet, seen_at, …) in
    story order; `absorbed`: the threads merged into each, directly or not."""

    threads: list[dict[str, Any]]
    members: dict[str, list[dict[str, Any]]]
    absorbed: dict[str, list[str]]

    def matching(
        self, actors: Sequence[str], include_seeds: bool, languages: Sequence[str] = ()
    ) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]], list[str]]]:
        """(thread, its articles, the threads merged into it), oldest thread first, for the threads
        whose main actors include every one of `actors` and that have an article (seeds count only
        with `include_seeds`; with `languages`, only articles in one of them count)."""
        required = set(actors)
        for thread in sorted(self.threads, key=lambda t: (t["first_seen"], t["thread_id"])):
            rows = [
                m
                for m in self.members.get(thread["thread_id"], ())
                if (include_seeds or not m.get("is_seed")) and in_languages(m, languages)
            ]
            if rows and required <= set(thread.get("main_actors") or ()):
                yield thread, rows, self.absorbed.get(thread["thread_id"], [])


@dataclass(frozen=True)
class AlertKind:
    """One kind of alert.

    `params`: a frozen dataclass whose fields (with defaults, and checks declared in their metadata
    as for any config table) are the keys a `[[alerts.rules]]` entry of this kind may set;
    flows/config.py reads a rule's keys into it once, when the config is loaded.
    `evaluate`: every configured rule of this kind at once (so what they read is read once) → the
    alerts found, new or not (recording keeps the new ones)."""

    name: str
    params: type[Any]
    evaluate: Callable[[Sequence[AlertRuleConfig], Evaluation], list[Alert]]

    def __post_init__(self) -> None:
        if not dataclasses.is_dataclass(self.params):
            raise TypeError(f"alert kind {self.name!r}: params must be a dataclass, got {self.params!r}")
        missing = dataclasses.MISSING
        needed = [
            f.name for f in dataclasses.fields(self.params) if f.default is missing and f.default_factory is missing
        ]
        if needed:
            raise TypeError(f"alert kind {self.name!r}: every parameter needs a default ({', '.join(needed)})")


# A thread kind's alerts for one rule: (rule, the threads read, the rule's subjects so far, entity names, now).
ThreadAlerts = Callable[["AlertRuleConfig", ThreadsRead, set[str], dict[str, str], datetime], list["Alert"]]


def thread_evaluation(alerts_of: ThreadAlerts) -> Callable[[Sequence[AlertRuleConfig], Evaluation], list[Alert]]:
    """The evaluation of a kind about story threads: `alerts_of` for each rule, on threads read once."""

    def evaluate(rules: Sequence[AlertRuleConfig], evaluation: Evaluation) -> list[Alert]:
        found: list[Alert] = []
        for rule in rules:
            alerted = evaluation.alerted(rule, "thread:")
            found += alerts_of(rule, evaluation.threads, alerted, evaluation.names, evaluation.now)
        return found

    return evaluate


def in_languages(article: Mapping[str, Any], languages: Sequence[str]) -> bool:
    """Whether an article row (with its `language`) is in one of a rule's `languages` (empty: any)."""
    return not languages or (article.get("language") or "und") in languages
