"""The frame every report figure shares: layout, styled axes, and the date axis that folds long
empty stretches away (`axis_gaps`). Plotly figures are plain dicts (data + layout), titled, with
labelled axes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from flows.report.text import count, plot_text
from warehouse.report import ReportData

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


def panel_title(text: str, top: float) -> dict[str, Any]:
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


def figure_layout(title: str, height: int, **extra: Any) -> dict[str, Any]:
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


def styled_axis(title: str, **extra: Any) -> dict[str, Any]:
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


def count_axis(title: str, largest: float, **extra: Any) -> dict[str, Any]:
    """An axis of counts: whole-number ticks even when the counts are small."""
    axis = styled_axis(title, rangemode="tozero", **extra)
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


def gap_annotations(data: ReportData) -> list[dict[str, Any]]:
    """A label over each folded stretch: "⋯ 59 weeks without articles ⋯"."""
    word = bin_word(data)
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


def date_axis(data: ReportData, title: str, **extra: Any) -> dict[str, Any]:
    """A date axis over the period (at least MIN_AXIS_DAYS wide); a short period gets one tick per
    day, labelled by date; long empty stretches are folded out (axis_gaps)."""
    period = data.period
    axis = styled_axis(title, type="date", **extra)
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


def gap_lines(data: ReportData) -> list[dict[str, Any]]:
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


def binned(data: ReportData) -> dict[str, Any]:
    """Trace properties that place weekly values across their week (x stays the week's first day)."""
    if data.period.bin != "week" or not data.coverage:
        return {}
    return {"xperiod": 7 * DAY_MS, "xperiod0": data.coverage[0].day.isoformat(), "xperiodalignment": "middle"}


def bar_width(data: ReportData) -> int:
    return int(0.8 * DAY_MS * (7 if data.period.bin == "week" else 1))


def bin_word(data: ReportData) -> str:
    return "week" if data.period.bin == "week" else "day"
