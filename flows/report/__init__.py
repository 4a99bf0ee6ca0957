"""The story as one self-contained HTML file (`storywatch report`, and the digest's attachment).

* `page` — the HTML page, its Content-Security-Policy, writing the file (`render_report`, `write_report`).
* `figures` — one plotly figure per chart, from `warehouse.report.ReportData`.
* `layout` — the frame the figures share: layout, axes, the folded date axis.
* `text` — numbers, dates and the escaping of labels and links.
* `templates/` — the Jinja2 page, its CSS and script, the vendored plotly.js bundle.
"""

from flows.report.page import WrittenReport, render_report, write_report

__all__ = ["WrittenReport", "render_report", "write_report"]
