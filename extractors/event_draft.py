"""An event as the rules and the learned model first find it, before merging (`Draft`): shared by
the event modules (`extractors.events`, `extractors.event_rules`, `extractors.war_acts`,
`extractors.event_learned`). Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from extractors.resolution import Actor


@dataclass
class Draft:
    type: str
    mode: str | None
    actor: Actor
    recipient: Actor | None
    location_id: str | None
    event_date: date | None
    quantity: int | None
    negated: bool
    hedged: bool
    # A movement of troops or weapons by a sending verb or noun ("dispatched 11,000 troops")
    transfer: bool = False
    # With no recipient: the words of a target the gazetteer cannot code ("granted asylum to Julian
    # Assange", "detained dozens of protesters"), kept as recipient_text with no recipient id.
    uncoded: str | None = None
    # A sending still to come ("intends to deploy another 6,000 soldiers"): where the text names no destination
    # and war_acts.with_known_destination gives it the one the text said the sender's forces went to, it is a
    # promise of aid (AGREE), not aid sent.
    to_come: bool = False
