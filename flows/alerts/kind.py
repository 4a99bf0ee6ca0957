"""What an alert kind is: its name, its parameters and its evaluation (see flows/alerts/kinds/)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
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
