"""One alert's message: its text (`render`) and how much of it fits a channel (`MessageLimit`,
`fit_lines`, also used by the digest). Pure: no I/O."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class MessageLimit:
    """How much one message to a channel may hold, counted the way the service counts it.

    For an apprise channel these are the service's own limits (`body_maxlen`, `title_maxlen`,
    `body_max_line_count`; flows/alerts/channels.py reads them from the plugin) and `measure` gives a text's
    length after apprise's conversion to the service's format (Markdown escapes, HTML entities)."""

    body: int | None = None  # characters of body; None: no limit (JSONL file, console)
    title: int | None = None  # characters of title; None: no limit
    title_in_body: bool = False  # the service has no title: apprise puts it on top of the body
    lines: int | None = None  # lines of body (desktop notifications); None: no limit
    measure: Callable[[str], int] = len

    def size(self, title: str, body: str) -> int:
        """The body's length as the service counts it, with the title when it is sent in the body."""
        extra = self.measure(title) + 2 if self.title_in_body and title else 0  # apprise joins them with \r\n
        return self.measure(body) + extra

    def fits(self, title: str, body: str) -> bool:
        if self.lines is not None and len(body.splitlines()) + (1 if self.title_in_body and title else 0) > self.lines:
            return False
        return self.body is None or self.size(title, body) <= self.body

    def clip_title(self, title: str) -> str:
        """A title the service takes whole: within `title`, and (sent in the body) at most a third of it."""
        longest = self.title
        if self.title_in_body and self.body is not None:
            longest = max(20, self.body // 3)
        if longest is None or self.measure(title) <= longest:
            return title
        return clip_to(title, longest, self.measure)


UNLIMITED = MessageLimit()


def clip_to(text: str, budget: int, measure: Callable[[str], int]) -> str:
    """The longest prefix of `text` (with "…") whose measured length is at most `budget`."""
    if measure(text) <= budget:
        return text
    if budget < 1:
        return ""
    low, high = 0, len(text)
    while low < high:  # measured length grows with the prefix: binary search for the longest that fits
        middle = (low + high + 1) // 2
        if measure(text[:middle].rstrip() + "…") <= budget:
            low = middle
        else:
            high = middle - 1
    return (text[:low].rstrip() + "…") if low else ""


def fit_lines(
    lines: Sequence[str], tail: Sequence[str], title: str, limit: MessageLimit, *, what: str
) -> tuple[str, int]:
    """A body of `lines` then `tail` that fits `limit`: lines that do not fit are left out (a long one
    is cut when at least 40 characters of it fit) and a note says how many; `tail` (the dedup_key
    line) is always kept. Returns the body and the number of lines left out."""
    body = "\n".join([*lines, *tail])
    if limit.fits(title, body):
        return body, 0

    def note_for(left_out: int) -> str:
        count = f"{left_out} more line{'s' if left_out != 1 else ''}"
        return f"… {count} left out to fit this channel; the whole {what} is in the warehouse"

    kept: list[str] = []
    dropped = 0
    for line in lines:
        # Room is checked against the worst-case note (every remaining line left out).
        reserve = [note_for(len(lines)), *tail]
        candidate = [*kept, line]
        if limit.fits(title, "\n".join([*candidate, *reserve])):
            kept.append(line)
            continue
        if limit.body is not None and (limit.lines is None or len(kept) + len(reserve) + 1 <= limit.lines):
            room = limit.body - limit.size(title, "\n".join([*kept, "", *reserve]))
            if room >= 40:
                kept.append(clip_to(line, room, limit.measure))
                continue
        dropped += 1
    body = "\n".join([*kept, *([note_for(dropped)] if dropped else []), *tail])
    if not limit.fits(title, body) and limit.body is not None:
        # A limit too small even for the dedup_key line (SMS, APRS): the message is cut, never overlong.
        body = clip_to(body, max(0, limit.body - limit.size(title, "")), limit.measure)
        if limit.lines is not None:
            body = "\n".join(body.splitlines()[: max(1, limit.lines - (1 if limit.title_in_body else 0))])
    return body, dropped


def render(payload: Mapping[str, Any], *, limit: MessageLimit = UNLIMITED) -> tuple[str, str]:
    """(title, body) of one alert's message: the rule, why it fired, the article(s) with source and
    link, the matched entities / events / figures, the scores, and the dedup_key receivers can use to
    drop a repeat. Within `limit`: the least important lines are left out (and counted) first, the
    dedup_key line is always kept."""
    lines = [
        f"Rule: {payload['rule']} ({payload['kind']}, {payload['mode']})",
        f"Why: {payload.get('summary') or ''}",
    ]
    for article in payload.get("articles") or []:
        if article.get("url") or article.get("title") != "(untitled)":
            lines.append(f"Article: {article.get('title')} — {article.get('source')} — {article.get('url')}")
    outlets = payload.get("outlets") or []
    if len(outlets) > 1:
        lines.append(f"Outlets ({len(outlets)}): {', '.join(outlets)}")
    entities = payload.get("entities") or []
    if entities:
        shown = [
            f"{e.get('name') or e['entity_id']}" + (f" ×{e['mentions']}" if e.get("mentions") else "") for e in entities
        ]
        lines.append("Entities: " + ", ".join(shown))
    for event in payload.get("events") or []:
        # A named actor coded as no state has no id: its words name it.
        who = f"{event.get('actor_id') or event.get('actor_text')} {event.get('event_type')}" + (
            f" → {event['recipient_id']}" if event.get("recipient_id") else ""
        )
        sentence = event.get("sentence")
        lines.append(f"Event: {who}: “{_clip(sentence, 200)}”" if sentence else f"Event: {who}")
    for fig in payload.get("figures") or []:
        before = format_figure(fig.get("previous_low"), fig.get("previous_high"), fig.get("unit"))
        after = format_figure(fig.get("value_low"), fig.get("value_high"), fig.get("unit"))
        lines.append(f"Figure: {before} → {after}: “{_clip(fig.get('sentence') or '', 200)}”")
    scores = payload.get("scores") or {}
    if scores:
        lines.append("Scores: " + ", ".join(f"{k}={_score(v)}" for k, v in scores.items()))
    title = limit.clip_title(str(payload["title"]))
    tail = [f"dedup_key: {payload['dedup_key']} (alert {payload['alert_id']})"]
    body, _ = fit_lines(lines, tail, title, limit, what=f"alert {payload['alert_id']}")
    return title, body


def _score(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3g}"
    return str(value)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_figure(low: float | None, high: float | None, unit: str | None = None) -> str:
    """A reported figure as a message shows it: "3,000 soldiers", "10–12", "at least 5,000"."""

    def num(v: float) -> str:
        return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"

    if low is not None and high is not None and low != high:
        text = f"{num(low)}–{num(high)}"
    elif low is not None:
        text = num(low) if high is not None else f"at least {num(low)}"
    elif high is not None:
        text = f"up to {num(high)}"
    else:
        text = "?"
    return f"{text} {unit}" if unit else text
