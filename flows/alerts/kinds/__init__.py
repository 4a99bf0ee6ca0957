"""The alert kinds, one module each, and their registry `KINDS`.

A kind's module holds its parameters (a dataclass), its evaluation (rows read through
warehouse/alerts.py in, `Alert`s out) and its message text, and names them in a module-level
`KIND = AlertKind(...)`. Every module of this package is a kind: a new kind is one new module here
(its SQL in warehouse/alerts.py) and its test; nothing else lists the kinds. E.g.

    @dataclass(frozen=True)
    class FirstSeenParams:  # every key with a default; bounds as for any config key
        max_age_hours: float = field(default=72.0, metadata=at_least(0, PARAM_MAX))

    def evaluate(rules: Sequence[AlertRuleConfig], evaluation: Evaluation) -> list[Alert]:
        from warehouse import alerts as store  # lazily: the config loader imports this module

        rows = store.first_seen_candidates(evaluation.con, evaluation.since)
        return [make_alert(rule, f"{row['kind']}:{row['key']}", ...) for rule in rules for row in rows ...]

    KIND = AlertKind("first_seen", FirstSeenParams, evaluate)

Kinds about story threads (new_thread, thread_growth) share the threads read once per evaluation
(`Evaluation.threads`) through `thread_evaluation`.

The shipped storywatch.toml has a rule of every kind, and README's table of kinds a row for each.
"""

from __future__ import annotations

import importlib
import pkgutil

from flows.alerts.kind import AlertKind


def _discover() -> dict[str, AlertKind]:
    found: dict[str, AlertKind] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        kind = getattr(module, "KIND", None)
        if not isinstance(kind, AlertKind):
            raise TypeError(f"{module.__name__} is in the kinds package but defines no KIND = AlertKind(...)")
        found[kind.name] = kind
    return found


KINDS: dict[str, AlertKind] = _discover()


def register(kind: AlertKind) -> AlertKind:
    """Add a kind defined outside this package (a test, an extension); a name is taken once."""
    if kind.name in KINDS and KINDS[kind.name] is not kind:
        raise ValueError(f"an alert kind named {kind.name!r} is already registered")
    KINDS[kind.name] = kind
    return kind
