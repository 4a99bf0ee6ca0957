"""Text for the report: numbers, dates, claim values, and the escaping of labels and links.

The Jinja2 page uses these as filters (flows/report/page.py); the figures use `plot_text` for every
string handed to plotly, which reads `<b>`, `<a href>` … in its labels.
"""

from __future__ import annotations

import html
from datetime import date, datetime
from urllib.parse import urlsplit

from warehouse.report import ClaimPoint

__all__ = ["claim_value", "count", "num", "pct", "plot_text", "safe_url", "truncate", "when"]


def plot_text(value: object, limit: int | None = None) -> str:
    """Text for plotly labels: escaped, because plotly reads `<b>`, `<a href>` … in its strings."""
    text = "" if value is None else str(value)
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return html.escape(text, quote=False)


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s), else None (seed ids, javascript:, data: … never become links)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in {"http", "https"} else None


def num(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}"
    return f"{int(value):,}"


def count(value: int, noun: str, plural: str | None = None) -> str:
    """`1 article`, `2 articles`, `1,204 stories` (pass `plural` when it is not noun + s)."""
    return f"{num(value)} {noun if value == 1 else (plural or noun + 's')}"


def pct(value: float) -> str:
    return f"{100 * value:.1f}%"


def when(value: datetime | date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M} UTC"
    return value.isoformat()


def truncate(value: str | None, limit: int) -> str:
    text = value or ""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def claim_value(point: ClaimPoint) -> str:
    low, high = point.value_low, point.value_high
    if low is None and high is None:
        return "?"
    if high is None:
        return f"at least {num(low)}" if low is not None else "?"
    if low is None:
        return f"up to {num(high)}"
    return num(low) if low == high else f"{num(low)}–{num(high)}"
