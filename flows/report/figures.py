"""The story as one self-contained HTML file: charts, timeline, claims, experts, feed health.

`render_report` is a pure function from `warehouse.report.ReportData` to an HTML string;
`write_report` reads the warehouse (read-only) and writes the file atomically.

Self-contained: plotly.js (its "basic" partial bundle, vendored: PLOTLY_BUNDLE) is inlined once, and
every chart's data sits in one `<script type="application/json">` block, so the file opens with no network.

Nothing from the web can run script in it:
- all text goes through Jinja2 autoescaping; text handed to plotly (hover labels, axis labels) is
  HTML-escaped first, so plotly's pseudo-HTML shows `<script>` as text;
- the JSON block escapes `<`, `>` and `&` as \\u003c, \\u003e, \\u0026, so no `</script>` can end it;
- links are only made for http(s) URLs;
- a Content-Security-Policy allows exactly the two inline scripts (by SHA-256 hash), no other
  script, no fetch/XHR/WebSocket (`default-src 'none'`), no forms, no base URL.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from flows.alert_rules import describe_first_seen
from flows.config import Config
from warehouse.report import (
    QUADS,
    ClaimPoint,
    NetworkEdge,
    ReportData,
    SourceHealth,
    read_report_data,
)

QUAD_COLORS: dict[str, str] = {
    "verbal cooperation": "#74c476",
    "material cooperation": "#1b7837",
    "verbal conflict": "#f1a340",
    "material conflict": "#b2182b",
}
RISE_COLOR = "#1b7837"
FALL_COLOR = "#b2182b"
ARTICLE_COLOR = "#4477aa"
STORY_COLOR = "#222222"
DEVELOPMENT_COLOR = "#aa3377"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
MAX_CLAIM_SERIES = 4
CLAIM_TABLE_ROWS = 50


# ---------------------------------------------------------------------------------------------
# Small helpers: escaping, URLs, numbers


def _panel_title(text: str, top: float) -> dict[str, Any]:
    """The bold title over one small-multiple panel, anchored at its top-left corner."""
    return {
        "text": text,
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": top,
        "yanchor": "bottom",
        "xanchor": "left",
        "showarrow": False,
        "font": {"size": 13},
    }


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


def json_for_script(value: Any) -> str:
    """JSON safe inside <script type="application/json">: no `<`, `>` or `&` survives literally."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_json_default, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"cannot put {type(value).__name__} into the report's JSON")


def csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(scripts: Sequence[str]) -> str:
    hashes = " ".join(csp_hash(s) for s in scripts)
    return (
        "default-src 'none'; "
        f"script-src {hashes}; "
        "style-src 'unsafe-inline'; "  # plotly styles its SVG inline; no script can come from a style
        "img-src data: blob:; "
        "font-src data:; "
        "base-uri 'none'; "
        "form-action 'none'"
    )


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


# ---------------------------------------------------------------------------------------------
# Plotly figures: plain dicts (data + layout), titled, with labelled axes


def _layout(title: str, height: int, **extra: Any) -> dict[str, Any]:
    layout: dict[str, Any] = {
        "title": {"text": plot_text(title), "x": 0, "xanchor": "left", "font": {"size": 15}},
        "height": height,
        "margin": {"l": 64, "r": 24, "t": 56, "b": 96},
        "font": {"family": FONT, "size": 12, "color": "#222"},
        "paper_bgcolor": "#fff",
        "plot_bgcolor": "#fff",
        "hoverlabel": {"align": "left"},
        "legend": {"orientation": "h", "x": 0, "xref": "container", "y": 0, "yref": "container", "yanchor": "bottom"},
    }
    layout.update(extra)
    return layout


def _axis(title: str, **extra: Any) -> dict[str, Any]:
    axis: dict[str, Any] = {
        "title": {"text": plot_text(title)},
        "gridcolor": "#e5e5e5",
        "zerolinecolor": "#bbb",
        "linecolor": "#888",
        "automargin": True,
    }
    axis.update(extra)
    return axis


DAY_MS = 86_400_000


def _count_axis(title: str, largest: float, **extra: Any) -> dict[str, Any]:
    """An axis of counts: whole-number ticks even when the counts are small."""
    axis = _axis(title, rangemode="tozero", **extra)
    if largest <= 6:
        axis.update(dtick=1, tickformat=",d")
    return axis


# A date axis shows at least this many days: one day of data is one narrow bar among its week,
# not a bar the width of the plot.
MIN_AXIS_DAYS = 7
# Runs of at least this many empty bins (no article at all) are folded out of the date axis, one
# empty bin kept on each side, and labelled: two years with articles only at either end would
# otherwise draw two slivers. Within the stretches with data the axis stays true to time.
FOLD_EMPTY_BINS = {"day": 10, "week": 6}
MAX_DATE_TICKS = 12


@dataclass(frozen=True, slots=True)
class AxisGap:
    hidden_from: date  # first hidden day
    hidden_to: date  # first day shown again
    empty_bins: int  # the whole empty run, the two kept bins included


def axis_gaps(data: ReportData) -> list[AxisGap]:
    """The long empty stretches the date axes fold away (see FOLD_EMPTY_BINS)."""
    bins = data.coverage
    fold = FOLD_EMPTY_BINS.get(data.period.bin, 10)
    gaps: list[AxisGap] = []
    run_start: int | None = None
    for index, current in enumerate([*bins, None]):
        empty = current is not None and not current.all_articles and not current.developments
        if empty and run_start is None:
            run_start = index
        elif not empty and run_start is not None:
            last = index - 1
            # Runs at either end of the period are left as they are: the axis starts and ends there.
            if last - run_start + 1 >= fold and run_start > 0 and current is not None:
                gaps.append(AxisGap(bins[run_start + 1].day, bins[last].day, last - run_start + 1))
            run_start = None
    return gaps


def _gap_annotations(data: ReportData) -> list[dict[str, Any]]:
    """A label over each folded stretch: "⋯ 59 weeks without articles ⋯"."""
    word = _bin_word(data)
    return [
        {
            "text": f"⋯ {count(gap.empty_bins, f'{word} without articles', f'{word}s without articles')} ⋯",
            "x": gap.hidden_to.isoformat(),
            "xref": "x",
            "y": 1,
            "yref": "paper",
            "yanchor": "bottom",
            "showarrow": False,
            "font": {"size": 10, "color": "#666"},
            "bgcolor": "rgba(255,255,255,0.85)",
        }
        for gap in axis_gaps(data)
    ]


def _date_axis(data: ReportData, title: str, **extra: Any) -> dict[str, Any]:
    """A date axis over the period (at least MIN_AXIS_DAYS wide); a short period gets one tick per
    day, labelled by date; long empty stretches are folded out (axis_gaps)."""
    period = data.period
    axis = _axis(title, type="date", **extra)
    axis["hoverformat"] = "week from %b %d, %Y" if period.bin == "week" else "%a %b %d, %Y"
    if period.start and period.end:
        if period.bin == "week":
            first = data.coverage[0].day if data.coverage else period.start
            axis["range"] = [f"{first.isoformat()} 00:00", f"{(period.end + timedelta(days=1)).isoformat()} 00:00"]
        else:
            pad = max(0, MIN_AXIS_DAYS - period.days)
            axis["range"] = [
                f"{(period.start - timedelta(days=1 + (pad + 1) // 2)).isoformat()} 12:00",
                f"{(period.end + timedelta(days=pad // 2)).isoformat()} 12:00",
            ]
            if period.days + pad <= 14:
                axis.update(dtick=DAY_MS, tick0=period.start.isoformat(), tickformat="%b %d\n%Y")
        gaps = axis_gaps(data)
        if gaps:
            axis["rangebreaks"] = [{"bounds": [g.hidden_from.isoformat(), g.hidden_to.isoformat()]} for g in gaps]
            # plotly's automatic ticks thin out across a break: one labelled tick per shown bin (at
            # most MAX_DATE_TICKS), at the bin's middle, labelled with its first day.
            shown = [b.day for b in data.coverage if not any(g.hidden_from <= b.day < g.hidden_to for g in gaps)]
            shown = shown[:: math.ceil(len(shown) / MAX_DATE_TICKS)]
            middle = timedelta(hours=84) if period.bin == "week" else timedelta(0)
            axis["tickvals"] = [(datetime.combine(d, datetime.min.time()) + middle).isoformat() for d in shown]
            axis["ticktext"] = [f"{d:%b %d}<br>{d:%Y}" for d in shown]
    return axis


def _gap_lines(data: ReportData) -> list[dict[str, Any]]:
    """A dashed line where the date axis skips a long empty stretch."""
    return [
        {
            "type": "line",
            "xref": "x",
            "yref": "paper",
            "x0": gap.hidden_to.isoformat(),
            "x1": gap.hidden_to.isoformat(),
            "y0": 0,
            "y1": 1,
            "line": {"color": "#999", "width": 1, "dash": "dot"},
        }
        for gap in axis_gaps(data)
    ]


def _binned(data: ReportData) -> dict[str, Any]:
    """Trace properties that place weekly values across their week (x stays the week's first day)."""
    if data.period.bin != "week" or not data.coverage:
        return {}
    return {"xperiod": 7 * DAY_MS, "xperiod0": data.coverage[0].day.isoformat(), "xperiodalignment": "middle"}


def _bar_width(data: ReportData) -> int:
    return int(0.8 * DAY_MS * (7 if data.period.bin == "week" else 1))


def _bin_word(data: ReportData) -> str:
    return "week" if data.period.bin == "week" else "day"


def coverage_chart(data: ReportData) -> dict[str, Any] | None:
    bins = data.coverage
    if not bins or not any(b.relevant_articles for b in bins):
        return None
    word = _bin_word(data)
    x = [b.day.isoformat() for b in bins]
    traces: list[dict[str, Any]] = [
        {
            "type": "bar",
            "name": "relevant articles",
            "x": x,
            "y": [b.relevant_articles for b in bins],
            "width": _bar_width(data),
            **_binned(data),
            "marker": {"color": ARTICLE_COLOR},
            "hovertemplate": "%{y:,} relevant articles<extra></extra>",
        },
        {
            "type": "scatter",
            "mode": "lines+markers" if len(bins) <= 62 else "lines",
            "name": "distinct stories",
            "x": x,
            "y": [b.stories for b in bins],
            **_binned(data),
            "line": {"color": STORY_COLOR, "width": 1.5},
            "marker": {"size": 4},
            "hovertemplate": "%{y:,} distinct stories<extra></extra>",
        },
    ]
    marked = [b for b in bins if b.developments]
    most = max((b.developments for b in marked), default=1)
    if marked:
        # A strip above the bars: one marker per bin with a first appearance, larger for more of them.
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": "new developments (first_seen)",
                "x": [b.day.isoformat() for b in marked],
                "y": [0.5] * len(marked),
                "yaxis": "y2",
                **_binned(data),
                "marker": {
                    "symbol": "triangle-down",
                    "size": [round(7 + 9 * math.sqrt(b.developments / most), 1) for b in marked],
                    "color": DEVELOPMENT_COLOR,
                    "line": {"color": "#fff", "width": 1},
                },
                "cliponaxis": False,
                "text": [
                    f"{b.developments:,} new: "
                    + ", ".join(plot_text(describe_first_seen("triple", k, data.names)) for k in b.development_keys)
                    + (", …" if b.developments > len(b.development_keys) else "")
                    for b in marked
                ],
                "hovertemplate": "%{text}<extra></extra>",
            }
        )
    return {
        "id": "chart-coverage",
        "data": traces,
        "layout": _layout(
            f"Relevant articles and distinct stories per {word}",
            380,
            xaxis=_date_axis(data, f"{word} (UTC, publication date)"),
            yaxis=_count_axis(
                "articles per " + word, max(b.relevant_articles for b in bins), domain=[0, 0.84] if marked else [0, 1]
            ),
            yaxis2={
                "domain": [0.87, 1],
                "range": [0, 1],
                "visible": bool(marked),
                "showticklabels": False,
                "showgrid": False,
                "zeroline": False,
                "fixedrange": True,
                "title": {"text": "new", "font": {"size": 11}},
            },
            bargap=0.15,
            hovermode="x unified",
            annotations=_gap_annotations(data),
            shapes=_gap_lines(data),
        ),
    }


def pairs_chart(data: ReportData) -> dict[str, Any] | None:
    pairs = data.pairs
    if not pairs or not any(p.total for p in pairs):
        return None
    word = _bin_word(data)
    rows = len(pairs)
    gap = 0.09
    height_each = (1 - gap * (rows - 1)) / rows
    traces: list[dict[str, Any]] = []
    layout = _layout(
        f"Events between the three pairs per {word}, by PLOVER quad class",
        170 * rows + 130,
        barmode="stack",
        bargap=0.15,
        hovermode="x unified",
        xaxis=_date_axis(data, f"{word} (UTC, publication date of the reporting article)", anchor=f"y{rows}"),
        annotations=_gap_annotations(data),
        shapes=_gap_lines(data),
    )
    for index, pair in enumerate(pairs):
        axis_number = "" if index == 0 else str(index + 1)
        top = 1 - index * (height_each + gap)
        layout[f"yaxis{axis_number}"] = _count_axis(
            "events",
            max((sum(b.counts.values()) for b in pair.bins), default=0) or 1,
            domain=[max(top - height_each, 0), top],
            anchor="x",
        )
        layout["annotations"].append(
            _panel_title(f"<b>{plot_text(pair.label)}</b> — {count(pair.total, 'event')}", top)
        )
        if not pair.total:
            layout["annotations"].append(
                {
                    "text": f"no events between {plot_text(pair.label)} in this period",
                    "xref": "paper",
                    "yref": f"y{axis_number} domain",
                    "x": 0.5,
                    "y": 0.5,
                    "showarrow": False,
                    "font": {"color": "#666"},
                }
            )
        for quad in QUADS:
            traces.append(
                {
                    "type": "bar",
                    "name": quad,
                    "legendgroup": quad,
                    "showlegend": index == 0,
                    "x": [b.day.isoformat() for b in pair.bins],
                    "width": _bar_width(data),
                    **_binned(data),
                    "y": [b.counts[quad] for b in pair.bins],
                    "yaxis": f"y{axis_number}",
                    "xaxis": "x",
                    "marker": {"color": QUAD_COLORS[quad]},
                    "hovertemplate": f"{plot_text(pair.label)}: %{{y}} {quad}<extra></extra>",
                }
            )
    return {"id": "chart-pairs", "data": traces, "layout": layout}


def movers_chart(data: ReportData) -> dict[str, Any] | None:
    movers = data.movers
    windows = data.mover_windows
    if not movers or windows is None:
        return None
    names = [plot_text(m.name) for m in movers]
    texts = [
        f"<b>{plot_text(m.name)}</b><br>last 7 days: {pct(m.recent_share)} ({count(m.recent_articles, 'article')})"
        f"<br>28 days before: {pct(m.baseline_share)} ({count(m.baseline_articles, 'article')})"
        f"<br>change: {100 * m.change:+.1f} points"
        for m in movers
    ]
    return {
        "id": "chart-movers",
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "x": [round(100 * m.change, 2) for m in movers],
                "y": names,
                "text": texts,
                "textposition": "none",
                "hovertemplate": "%{text}<extra></extra>",
                "marker": {"color": [RISE_COLOR if m.change > 0 else FALL_COLOR for m in movers]},
            }
        ],
        "layout": _layout(
            f"Rising and falling: share of coverage, {when(windows.recent_start)}–{when(windows.recent_end)} "
            f"against the 28 days before",
            max(260, 26 * len(movers) + 120),
            xaxis=_axis("change in share of relevant articles (percentage points)", zeroline=True, zerolinewidth=2),
            yaxis=_axis("entity", autorange="reversed", type="category"),
            showlegend=False,
            margin={"l": 64, "r": 24, "t": 56, "b": 56},
        ),
    }


def network_layout(
    nodes: Sequence[str], edges: Sequence[tuple[int, int, float]], pinned: dict[str, tuple[float, float]]
) -> np.ndarray:
    """Deterministic force-directed positions (Fruchterman–Reingold); pinned nodes stay put."""
    n = len(nodes)
    angles = np.linspace(0, 2 * math.pi, n, endpoint=False) + 0.3
    pos = np.column_stack([np.cos(angles), np.sin(angles)]) * 0.9
    fixed = np.zeros(n, dtype=bool)
    for i, node in enumerate(nodes):
        if node in pinned:
            pos[i] = pinned[node]
            fixed[i] = True
    if n <= 1:
        return pos
    k = 1.2 / math.sqrt(n)
    max_weight = max((w for _, _, w in edges), default=1.0)
    source = np.array([e[0] for e in edges], dtype=int)
    target = np.array([e[1] for e in edges], dtype=int)
    weight = np.array([0.4 + 0.6 * e[2] / max_weight for e in edges])
    temperature = 0.15
    for _ in range(300):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=2), 0.02)
        disp = ((delta / dist[:, :, None]) * (k * k / dist)[:, :, None]).sum(axis=1)
        if len(edges):
            d = pos[source] - pos[target]
            length = np.maximum(np.linalg.norm(d, axis=1), 0.02)
            force = (d / length[:, None]) * ((length * length / k) * weight)[:, None]
            np.add.at(disp, source, -force)
            np.add.at(disp, target, force)
        disp -= pos * 0.05 * k  # a little gravity keeps loose nodes in view
        size = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)
        step = (disp / size[:, None]) * np.minimum(size, temperature)[:, None]
        step[fixed] = 0
        pos += step
        temperature *= 0.985
    return pos


def network_chart(data: ReportData) -> dict[str, Any] | None:
    edges: list[NetworkEdge] = data.network_edges
    if not edges:
        return None
    degree: dict[str, int] = {}
    for edge in edges:
        degree[edge.actor_a] = degree.get(edge.actor_a, 0) + edge.total
        degree[edge.actor_b] = degree.get(edge.actor_b, 0) + edge.total
    nodes = sorted(degree, key=lambda n: (-degree[n], n))
    index = {n: i for i, n in enumerate(nodes)}
    triangle = [(-0.32, -0.22), (0.32, -0.22), (0.0, 0.3)]
    pinned = {actor: triangle[i] for i, actor in enumerate(data.topic_actors[:3]) if actor in index}
    pos = network_layout(nodes, [(index[e.actor_a], index[e.actor_b], e.total) for e in edges], pinned)
    heaviest = max(e.total for e in edges)
    traces: list[dict[str, Any]] = []
    for quad in QUADS:  # the legend: one entry per quad class
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": [None],
                "y": [None],
                "name": f"mostly {quad}",
                "line": {"color": QUAD_COLORS[quad], "width": 4},
                "hoverinfo": "skip",
            }
        )
    mid_x, mid_y, mid_text = [], [], []
    for edge in sorted(edges, key=lambda e: e.total):
        a, b = pos[index[edge.actor_a]], pos[index[edge.actor_b]]
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": [round(float(a[0]), 4), round(float(b[0]), 4)],
                "y": [round(float(a[1]), 4), round(float(b[1]), 4)],
                "line": {
                    "color": QUAD_COLORS[edge.dominant],
                    "width": round(1 + 9 * math.sqrt(edge.total / heaviest), 2),
                },
                "opacity": 0.75,
                "hoverinfo": "skip",
                "showlegend": False,
            }
        )
        mid_x.append(round(float(a[0] + b[0]) / 2, 4))
        mid_y.append(round(float(a[1] + b[1]) / 2, 4))
        name_a = plot_text(data.names.get(edge.actor_a, edge.actor_a))
        name_b = plot_text(data.names.get(edge.actor_b, edge.actor_b))
        breakdown = "<br>".join(f"{q}: {edge.counts[q]:,}" for q in QUADS if edge.counts.get(q))
        mid_text.append(f"<b>{name_a} – {name_b}</b>: {count(edge.total, 'event')}<br>{breakdown}")
    traces.append(
        {
            "type": "scatter",
            "mode": "markers",
            "x": mid_x,
            "y": mid_y,
            "text": mid_text,
            "hovertemplate": "%{text}<extra></extra>",
            "marker": {"size": 8, "color": "rgba(0,0,0,0)"},
            "showlegend": False,
        }
    )
    top_degree = max(degree.values())
    topic = set(data.topic_actors)
    traces.append(
        {
            "type": "scatter",
            "mode": "markers+text",
            "x": [round(float(p[0]), 4) for p in pos],
            "y": [round(float(p[1]), 4) for p in pos],
            "text": [plot_text(data.names.get(n, n)) for n in nodes],
            "customdata": [f"{degree[n]:,}" for n in nodes],
            "textposition": "top center",
            "hovertemplate": "<b>%{text}</b><br>%{customdata} events with the actors shown<extra></extra>",
            "marker": {
                "size": [round(12 + 26 * math.sqrt(degree[n] / top_degree), 1) for n in nodes],
                "color": ["#333" if n in topic else "#9aa7b8" for n in nodes],
                "line": {"color": "#fff", "width": 1.5},
            },
            "cliponaxis": False,
            "showlegend": False,
        }
    )
    hidden = {
        "showgrid": False,
        "zeroline": False,
        "showticklabels": False,
        "ticks": "",
        "showline": False,
        "fixedrange": False,
    }
    return {
        "id": "chart-network",
        "data": traces,
        "layout": _layout(
            f"Actor network, {when(data.period.start)} to {when(data.period.end)}",
            560,
            xaxis=_axis("position has no meaning: linked actors are drawn close", **hidden),
            yaxis=_axis("", **hidden),
            hovermode="closest",
        ),
    }


# (hedged, open bound) → legend name and marker symbol
CLAIM_STYLES: tuple[tuple[tuple[bool, bool], str, str], ...] = (
    ((False, False), "stated", "circle"),
    ((False, True), "stated, at least", "triangle-up"),
    ((True, False), "hedged (reportedly, about …)", "circle-open"),
    ((True, True), "hedged, at least", "triangle-up-open"),
)


def _open_bound(point: ClaimPoint) -> bool:
    return point.value_high is None and point.value_low is not None


def claims_chart(data: ReportData) -> tuple[dict[str, Any] | None, list[str]]:
    """Claims per (subject, what, unit) series: the most reported series, one panel each."""
    groups: dict[tuple[str | None, str, str | None], list[ClaimPoint]] = {}
    for point in data.claims:
        groups.setdefault((point.subject_id, point.what, point.unit), []).append(point)
    if not groups:
        return None, []
    ranked = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0][1], item[0][0] or ""))
    shown = ranked[:MAX_CLAIM_SERIES]
    rows = len(shown)
    gap = 0.12 if rows > 1 else 0
    height_each = (1 - gap * (rows - 1)) / rows
    layout = _layout(
        "Numeric claims over time, by subject and quantity",
        190 * rows + 140,
        xaxis=_date_axis(data, "day the claim was reported (UTC)", anchor=f"y{rows}"),
        annotations=_gap_annotations(data),
        shapes=_gap_lines(data),
        hovermode="closest",
        showlegend=True,
    )
    traces: list[dict[str, Any]] = []
    labels = []
    legend_shown: set[str] = set()
    for index, ((subject, what, unit), points) in enumerate(shown):
        axis_number = "" if index == 0 else str(index + 1)
        top = 1 - index * (height_each + gap)
        subject_name = points[0].subject_name or subject or "unspecified"
        label = f"{subject_name}: {what}"
        labels.append(label)
        layout[f"yaxis{axis_number}"] = _axis(
            unit or "value", domain=[max(top - height_each, 0), top], anchor="x", rangemode="tozero"
        )
        layout["annotations"].append(_panel_title(f"<b>{plot_text(label)}</b> — {count(len(points), 'claim')}", top))
        size = 9 if len(points) <= 120 else 6
        for style, name, symbol in CLAIM_STYLES:
            hedged, open_bound = style
            chosen = [p for p in points if p.hedged == hedged and _open_bound(p) == open_bound]
            if not chosen:
                continue
            values = [p.value_low if p.value_low is not None else p.value_high for p in chosen]
            above = [
                (p.value_high - p.value_low) if p.value_high is not None and p.value_low is not None else 0
                for p in chosen
            ]
            trace: dict[str, Any] = {
                "type": "scatter",
                "mode": "markers",
                "name": name,
                "legendgroup": name,
                "showlegend": name not in legend_shown,
                "x": [p.day.isoformat() for p in chosen],
                "y": values,
                "yaxis": f"y{axis_number}",
                "xaxis": "x",
                "marker": {
                    "size": size,
                    "color": ARTICLE_COLOR,
                    "symbol": symbol,
                    "line": {"width": 1.5, "color": ARTICLE_COLOR},
                },
                "text": [
                    f"<b>{plot_text(claim_value(p))} {plot_text(p.unit or '')}</b>"
                    f"{' (hedged)' if p.hedged else ''} — {when(p.day)}<br>"
                    f"source: {plot_text(p.source or 'unknown', 60)}: {plot_text(p.title or '', 90)}<br>"
                    f"<i>{plot_text(p.sentence, 160)}</i>"
                    for p in chosen
                ],
                "customdata": [safe_url(p.url) or "" for p in chosen],
                "hovertemplate": "%{text}<extra></extra>",
            }
            if any(above):
                trace["error_y"] = {
                    "type": "data",
                    "symmetric": False,
                    "array": above,
                    "arrayminus": [0] * len(chosen),
                    "thickness": 1.2,
                    "width": 4,
                    "color": "#555",
                }
            legend_shown.add(name)
            traces.append(trace)
    return {"id": "chart-claims", "data": traces, "layout": layout}, labels


def experts_chart(data: ReportData) -> dict[str, Any] | None:
    experts = data.experts[:15]
    if not experts:
        return None
    return {
        "id": "chart-experts",
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "x": [e.quotes for e in experts],
                "y": [plot_text(e.name, 40) for e in experts],
                "text": [
                    f"<b>{plot_text(e.name)}</b><br>{plot_text(e.affiliation or e.role or '', 80)}"
                    f"<br>{count(e.quotes, 'quote')} in {count(e.articles, 'article')}"
                    for e in experts
                ],
                "textposition": "none",
                "hovertemplate": "%{text}<extra></extra>",
                "marker": {"color": ARTICLE_COLOR},
            }
        ],
        "layout": _layout(
            "Most-quoted experts in the period",
            max(240, 24 * len(experts) + 110),
            xaxis=_count_axis("quotes (direct and reported)", max(e.quotes for e in experts)),
            yaxis=_axis("expert", autorange="reversed", type="category"),
            showlegend=False,
            margin={"l": 64, "r": 24, "t": 56, "b": 56},
        ),
    }


# ---------------------------------------------------------------------------------------------
# The page


# plotly.js's "basic" partial bundle (scatter, bar, pie: all the report draws), 1.2 MB instead of the
# 4.8 MB full bundle in the plotly wheel; the same version as that wheel's. From the npm package
# plotly.js-basic-dist-min (MIT, LICENSE beside it); `make vendor-plotly` fetches it again.
PLOTLY_BUNDLE = "vendor/plotly-basic.min.js"


@lru_cache(maxsize=1)
def plotly_js() -> str:
    script = _asset(PLOTLY_BUNDLE)
    if "</script" in script.lower():  # would end the inline <script> early
        raise RuntimeError("plotly.js contains '</script' and cannot be inlined safely")
    return script


@cache
def _asset(name: str) -> str:
    return resources.files("flows").joinpath("templates", name).read_text("utf-8")


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("flows", "templates"),
        autoescape=True,  # every {{ value }} is HTML-escaped unless it is Markup
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        count=count, num=num, pct=pct, when=when, truncate_text=truncate, safe_url=safe_url, claim_value=claim_value
    )
    return env


@dataclass(frozen=True, slots=True)
class FailingHost:
    host: str
    feeds: int
    failures: int  # the most failures in a row among its feeds
    last_error: str | None  # of its most recently fetched failing feed


def failing_hosts(failing: Sequence[SourceHealth]) -> list[FailingHost]:
    """Failing feeds summed up per host (18 feeds behind one DNS failure are one line), most feeds first."""
    by_host: dict[str, list[SourceHealth]] = {}
    for source in failing:
        try:
            host = urlsplit(source.url or "").hostname or source.name
        except ValueError:
            host = source.name
        by_host.setdefault(host, []).append(source)
    hosts = []
    for host, sources in by_host.items():
        latest = max(sources, key=lambda s: (s.last_fetch_at or datetime.min, s.name))
        hosts.append(FailingHost(host, len(sources), max(s.consecutive_failures for s in sources), latest.last_error))
    return sorted(hosts, key=lambda h: (-h.feeds, h.host))


def _pair_options(data: ReportData) -> list[tuple[str, str]]:
    return [(f"{p.actor_a}-{p.actor_b}", p.label) for p in data.pairs]


def render_report(data: ReportData, *, title: str = "China–North Korea–Russia") -> str:
    """The report as one HTML string (pure: the same data gives the same page)."""
    claims_spec, claim_labels = claims_chart(data)
    charts = {
        "coverage": coverage_chart(data),
        "pairs": pairs_chart(data),
        "movers": movers_chart(data),
        "network": network_chart(data),
        "claims": claims_spec,
        "experts": experts_chart(data),
    }
    chart_list = [c for c in charts.values() if c is not None]
    init_js = _asset("report.js")
    scripts = [plotly_js(), init_js] if chart_list else [init_js]
    topic_pairs = {f"{p.actor_a}-{p.actor_b}" for p in data.pairs}
    event_types = sorted({e.event_type for e in data.timeline})
    polled_urls = {s.url for s in data.sources if s.kind == "feed"}
    failing = [s for s in data.sources if s.kind == "feed" and (s.consecutive_failures or s.last_status == "error")]
    context = {
        "title": title,
        "data": data,
        "period": data.period,
        "charts": charts,
        # The only unescaped insertions: JSON with <, >, & escaped, and our own static script and style.
        "chart_json": Markup(json_for_script(chart_list)),
        "plotly_js": Markup(scripts[0]) if chart_list else None,
        "init_js": Markup(init_js),
        "css": Markup(_asset("report.css")),
        "csp": content_security_policy(scripts),
        "quads": QUADS,
        "quad_colors": QUAD_COLORS,
        "pair_options": _pair_options(data),
        "topic_pairs": topic_pairs,
        "event_types": event_types,
        "claim_labels": claim_labels,
        "claims_table": data.claims[:CLAIM_TABLE_ROWS],
        "developments": [(d, describe_first_seen(d.kind, d.key, data.names)) for d in data.developments],
        "failing_feeds": failing,
        "failing_hosts": failing_hosts(failing),
        "feeds": [s for s in data.sources if s.kind == "feed"],
        "unpolled_feeds": [f for f in data.configured_feeds if f[1] not in polled_urls],
        "other_sources": [s for s in data.sources if s.kind != "feed"],
        "generated": when(data.generated_at),
        "db_name": Path(data.db_path).name if data.db_path else "",
    }
    return _environment().get_template("report.html.j2").render(context)


@dataclass(frozen=True, slots=True)
class WrittenReport:
    path: Path
    bytes: int
    data: ReportData


def write_report(config: Config, out: str | Path, since: date | None = None) -> WrittenReport:
    """Read the warehouse named by `config` (read-only) and write the report to `out` atomically."""
    data = read_report_data(
        config.warehouse.path,
        since=since,
        topic_actors=tuple(config.topic.actors),
        wait_s=config.warehouse.lock_wait_s,
    )
    data.configured_feeds = [(f.name, f.url, f.enabled) for f in config.feeds]
    page = render_report(data, title=config.topic.name)
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    encoded = page.encode("utf-8")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(encoded)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)  # a reader (or the digest) never sees half a file
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return WrittenReport(target, len(encoded), data)
