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
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from flows.alerts.kinds.first_seen import describe_first_seen
from flows.config import Config
from flows.report.figures import (
    QUAD_COLORS,
    claims_chart,
    coverage_chart,
    experts_chart,
    movers_chart,
    network_chart,
    pairs_chart,
    thread_anchor,
    thread_key_event,
    threads_chart,
)
from flows.report.text import claim_value, count, num, pct, safe_url, truncate, when
from warehouse.report import QUADS, ReportData, SourceHealth, read_report_data

__all__ = [
    "WrittenReport",
    "content_security_policy",
    "json_for_script",
    "plotly_js",
    "render_report",
    "write_report",
]

CLAIM_TABLE_ROWS = 50


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
    return resources.files("flows.report").joinpath("templates", name).read_text("utf-8")


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("flows.report", "templates"),
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


def language_columns(data: ReportData) -> list[str]:
    """The languages of the weekly coverage table: most relevant articles over the period first."""
    totals: dict[str, int] = {}
    for week in data.coverage_languages:
        for language, articles in week.by_language.items():
            totals[language] = totals.get(language, 0) + articles
    return sorted(totals, key=lambda language: (-totals[language], language))


def _pair_options(data: ReportData) -> list[tuple[str, str]]:
    return [(f"{p.actor_a}-{p.actor_b}", p.label) for p in data.pairs]


def render_report(data: ReportData, *, title: str = "China–North Korea–Russia") -> str:
    """The report as one HTML string (pure: the same data gives the same page)."""
    claims_spec, claim_labels = claims_chart(data)
    charts = {
        "coverage": coverage_chart(data),
        "threads": threads_chart(data),
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
        "language_columns": language_columns(data),
        "language_weeks": list(reversed(data.coverage_languages)),  # newest first
        "threads": [(t, thread_anchor(t.thread_id), thread_key_event(t, data.names)) for t in data.threads or ()],
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
