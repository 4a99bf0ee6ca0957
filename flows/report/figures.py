"""The report's figures, one function each, from `warehouse.report.ReportData` to a plotly figure
(a plain dict), or None when there is nothing to draw.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from flows.alerts.kinds.first_seen import describe_first_seen
from flows.report.layout import (
    bar_width,
    bin_word,
    binned,
    count_axis,
    date_axis,
    figure_layout,
    gap_annotations,
    gap_lines,
    panel_title,
    styled_axis,
)
from flows.report.text import claim_value, count, pct, plot_text, safe_url, when
from warehouse.report import QUADS, ClaimPoint, NetworkEdge, ReportData, ThreadLane

__all__ = [
    "QUAD_COLORS",
    "claims_chart",
    "coverage_chart",
    "experts_chart",
    "movers_chart",
    "network_chart",
    "network_layout",
    "pairs_chart",
    "thread_anchor",
    "thread_key_event",
    "threads_chart",
]

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
MAX_CLAIM_SERIES = 4


def coverage_chart(data: ReportData) -> dict[str, Any] | None:
    bins = data.coverage
    if not bins or not any(b.relevant_articles for b in bins):
        return None
    word = bin_word(data)
    x = [b.day.isoformat() for b in bins]
    traces: list[dict[str, Any]] = [
        {
            "type": "bar",
            "name": "relevant articles",
            "x": x,
            "y": [b.relevant_articles for b in bins],
            "width": bar_width(data),
            **binned(data),
            "marker": {"color": ARTICLE_COLOR},
            "hovertemplate": "%{y:,} relevant articles<extra></extra>",
        },
        {
            "type": "scatter",
            "mode": "lines+markers" if len(bins) <= 62 else "lines",
            "name": "distinct stories",
            "x": x,
            "y": [b.stories for b in bins],
            **binned(data),
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
                **binned(data),
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
        "layout": figure_layout(
            f"Relevant articles and distinct stories per {word}",
            380,
            xaxis=date_axis(data, f"{word} (UTC, publication date)"),
            yaxis=count_axis(
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
            annotations=gap_annotations(data),
            shapes=gap_lines(data),
        ),
    }


def thread_anchor(thread_id: str) -> str:
    """The id of a development's article list in the page (lanes and rows link to it)."""
    return f"thread-{thread_id}"


def thread_key_event(thread: ThreadLane, names: dict[str, str]) -> str:
    return describe_first_seen("triple", thread.key_event, names) if thread.key_event else ""


def threads_chart(data: ReportData) -> dict[str, Any] | None:
    """Each development (thread) as a lane over time, newest on top: a line from its first to its last
    bin in the period, a marker per bin sized by its articles; clicking a marker opens its articles."""
    lanes = data.threads or []
    if not lanes:
        return None
    word = bin_word(data)
    most = max(b.articles for t in lanes for b in t.bins)
    span_x: list[str | None] = []
    span_y: list[int | None] = []
    x: list[str] = []
    y: list[int] = []
    sizes: list[float] = []
    texts: list[str] = []
    links: list[str] = []
    for row, thread in enumerate(lanes):
        # From its first to its last bin, placed as the markers are (weekly bins across their week).
        span_x += [thread.bins[0].day.isoformat(), thread.bins[-1].day.isoformat(), None]
        span_y += [row, row, None]
        headline = f"<b>{plot_text(thread.label, 90)}</b>"
        key_event = thread_key_event(thread, data.names)
        outlets = ", ".join(plot_text(o) for o, _ in thread.top_outlets)
        if thread.outlets > len(thread.top_outlets):
            outlets += f" and {thread.outlets - len(thread.top_outlets):,} more"
        about = (
            f"<br>key event: {plot_text(key_event)}" if key_event else ""
        ) + f"<br>{count(thread.articles, 'article')} from {count(thread.outlets, 'outlet')}: {outlets}"
        for b in thread.bins:
            x.append(b.day.isoformat())
            y.append(row)
            sizes.append(round(6 + 16 * math.sqrt(b.articles / most), 1))
            new = f", {count(b.new_outlets, 'new outlet')}" if b.new_outlets else ""
            texts.append(
                f"{headline}<br>{when(b.day)}: {count(b.articles, 'article')} from {count(b.outlets, 'outlet')}{new}"
                + about
            )
            links.append("#" + thread_anchor(thread.thread_id))
    traces: list[dict[str, Any]] = [
        {
            "type": "scatter",
            "mode": "lines",
            "x": span_x,
            "y": span_y,
            **binned(data),
            "line": {"color": "#c9cfd6", "width": 3},
            "hoverinfo": "skip",
            "showlegend": False,
        },
        {
            "type": "scatter",
            "mode": "markers",
            "name": f"articles per {word}",
            "x": x,
            "y": y,
            **binned(data),
            "marker": {
                "size": sizes,
                "color": DEVELOPMENT_COLOR,
                "opacity": 0.85,
                "line": {"color": "#fff", "width": 1},
            },
            "text": texts,
            "customdata": links,
            "hovertemplate": "%{text}<extra></extra>",
            "showlegend": False,
        },
    ]
    return {
        "id": "chart-threads",
        "data": traces,
        "layout": figure_layout(
            f"Developments over time: articles per {word}, newest development on top",
            max(260, 26 * len(lanes) + 150),
            xaxis=date_axis(data, f"{word} (UTC, publication date)"),
            yaxis=styled_axis(
                "development",
                tickmode="array",
                tickvals=list(range(len(lanes))),
                ticktext=[plot_text(t.label, 48) for t in lanes],
                range=[len(lanes) - 0.5, -0.5],  # the first lane (the newest) on top
                showgrid=False,
                zeroline=False,
                fixedrange=True,
            ),
            hovermode="closest",
            showlegend=False,
            annotations=gap_annotations(data),
            shapes=gap_lines(data),
        ),
    }


def pairs_chart(data: ReportData) -> dict[str, Any] | None:
    pairs = data.pairs
    if not pairs or not any(p.total for p in pairs):
        return None
    word = bin_word(data)
    rows = len(pairs)
    gap = 0.09
    height_each = (1 - gap * (rows - 1)) / rows
    traces: list[dict[str, Any]] = []
    layout = figure_layout(
        f"Events between the three pairs per {word}, by PLOVER quad class",
        170 * rows + 130,
        barmode="stack",
        bargap=0.15,
        hovermode="x unified",
        xaxis=date_axis(data, f"{word} (UTC, publication date of the reporting article)", anchor=f"y{rows}"),
        annotations=gap_annotations(data),
        shapes=gap_lines(data),
    )
    for index, pair in enumerate(pairs):
        axis_number = "" if index == 0 else str(index + 1)
        top = 1 - index * (height_each + gap)
        layout[f"yaxis{axis_number}"] = count_axis(
            "events",
            max((sum(b.counts.values()) for b in pair.bins), default=0) or 1,
            domain=[max(top - height_each, 0), top],
            anchor="x",
        )
        layout["annotations"].append(panel_title(f"<b>{plot_text(pair.label)}</b> — {count(pair.total, 'event')}", top))
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
                    "width": bar_width(data),
                    **binned(data),
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
        "layout": figure_layout(
            f"Rising and falling: share of coverage, {when(windows.recent_start)}–{when(windows.recent_end)} "
            f"against the 28 days before",
            max(260, 26 * len(movers) + 120),
            xaxis=styled_axis(
                "change in share of relevant articles (percentage points)", zeroline=True, zerolinewidth=2
            ),
            yaxis=styled_axis("entity", autorange="reversed", type="category"),
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
        "layout": figure_layout(
            f"Actor network, {when(data.period.start)} to {when(data.period.end)}",
            560,
            xaxis=styled_axis("position has no meaning: linked actors are drawn close", **hidden),
            yaxis=styled_axis("", **hidden),
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
    layout = figure_layout(
        "Numeric claims over time, by subject and quantity",
        190 * rows + 140,
        xaxis=date_axis(data, "day the claim was reported (UTC)", anchor=f"y{rows}"),
        annotations=gap_annotations(data),
        shapes=gap_lines(data),
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
        layout[f"yaxis{axis_number}"] = styled_axis(
            unit or "value", domain=[max(top - height_each, 0), top], anchor="x", rangemode="tozero"
        )
        layout["annotations"].append(panel_title(f"<b>{plot_text(label)}</b> — {count(len(points), 'claim')}", top))
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
        "layout": figure_layout(
            "Most-quoted experts in the period",
            max(240, 24 * len(experts) + 110),
            xaxis=count_axis("quotes (direct and reported)", max(e.quotes for e in experts)),
            yaxis=styled_axis("expert", autorange="reversed", type="category"),
            showlegend=False,
            margin={"l": 64, "r": 24, "t": 56, "b": 56},
        ),
    }
