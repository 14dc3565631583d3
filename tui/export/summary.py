"""`slant summarize`: a corpus `Summary` (computed in `analyzers.summary`) as Markdown
tables, a JSON object, or a standalone HTML page with small inline SVG bar charts (no
JavaScript, nothing fetched: it opens from a file anywhere).

Everything from the input (titles, paths, group values) is escaped for its format, with
control and bidi characters shown as visible placeholders.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from analyzers.model import OPINION_CATEGORIES
from analyzers.summary import COLUMNS, Row, Summary
from analyzers.text import terminal_safe

from .markdown import escape_md

FORMATS = ("md", "html", "json")
# The charts: one per number worth comparing at a glance.
CHARTS = (("quote_share", "Quote share"), ("opinion_per_1000", "Opinion per 1,000 words "
          "(writer's voice)"), ("figures_per_1000", "Figures per 1,000 words"),
          ("anonymous", "Anonymous sources"), ("speakers", "Distinct speakers"))


def render_summary(summary: Summary, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return render_markdown(summary)
    if fmt == "html":
        return render_html(summary)
    raise ValueError(f"unknown summary format {fmt!r}; use one of: {', '.join(FORMATS)}")


def cell(row: Row, key: str) -> str:
    value = getattr(row, key)
    if key == "quote_share":
        return f"{100 * value:.1f}%"
    if isinstance(value, float):
        return f"{value:.2f}"
    return f"{value:,}"


def category_name(category: str) -> str:
    return OPINION_CATEGORIES.get(category, category)


def _columns(summary: Summary, *, articles: bool) -> list[str]:
    keys = list(COLUMNS)
    if articles:
        keys.remove("articles")
    return keys


# -- Markdown ---------------------------------------------------------------------------------
def _md_table(rows: list[Row], keys: list[str], first: str, *, group: bool = False) -> list[str]:
    head = [first] + (["group"] if group else []) + [COLUMNS[k] for k in keys]
    out = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for r in rows:
        cells = [_md(r.label)] + ([_md(r.group or "")] if group else []) + \
            [cell(r, k) for k in keys]
        out.append("| " + " | ".join(cells) + " |")
    return out


def _md(text: str) -> str:
    return " ".join(escape_md(text).split())   # escape_md escapes "|" too


def _md_categories(rows: list[Row], categories: list[str], first: str) -> list[str]:
    if not categories:
        return ["No opinion markers in the writer's voice."]
    head = [first] + [category_name(c) for c in categories]
    out = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for r in rows:
        out.append("| " + " | ".join([_md(r.label)] + [
            f"{r.opinion_by_category.get(c, 0.0):.2f}" for c in categories]) + " |")
    return out


def render_markdown(summary: Summary) -> str:
    n = len(summary.articles)
    lines = [f"# slant summary: {n} article{'s' if n != 1 else ''}", ""]
    first = summary.by or "corpus"
    lines += [f"## By {_md(summary.by)}" if summary.by else "## All articles", ""]
    lines += _md_table(summary.groups, _columns(summary, articles=False), first)
    lines += ["", "### Opinion in the writer's voice, per 1,000 words, by category", ""]
    lines += _md_categories(summary.groups, summary.categories, first)
    lines += ["", "## Articles", ""]
    lines += _md_table(summary.articles, _columns(summary, articles=True), "article",
                       group=bool(summary.by))
    lines += ["", "### Opinion by category, per article (per 1,000 words)", ""]
    lines += _md_categories(summary.articles, summary.categories, "article")
    lines += ["", _NOTE, ""]
    return "\n".join(lines)


_NOTE = ("Quote share: words in speech quotes. Anonymous sources: speech quotes with no "
         "speaker named, plus vague attributions in the writer's voice (\"critics say\"). "
         "A group's shares and rates pool its articles' words.")


# -- HTML -------------------------------------------------------------------------------------
def _e(value: Any) -> str:
    return escape(terminal_safe(str(value)), quote=True)


def bar_chart(title: str, rows: list[Row], key: str, *, width: int = 420) -> str:
    """A horizontal bar chart as inline SVG: one labelled bar per row, the value at its end."""
    bar_h, gap, label_w, value_w = 16, 6, 150, 64
    values = [float(getattr(r, key)) for r in rows]
    top = max(values) if values and max(values) > 0 else 1.0
    height = len(rows) * (bar_h + gap) + 22
    span = width - label_w - value_w
    out = [f'<svg class="chart" role="img" xmlns="http://www.w3.org/2000/svg" '
           f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
           f'<title>{_e(title)}</title>',
           f'<text x="0" y="13" class="chart-title">{_e(title)}</text>']
    for i, (row, value) in enumerate(zip(rows, values)):
        y = 22 + i * (bar_h + gap)
        length = 0 if value <= 0 else max(1.0, span * value / top)
        label = row.label if len(row.label) <= 22 else row.label[:21] + "…"
        out.append(f'<text x="{label_w - 6}" y="{y + 12}" text-anchor="end">{_e(label)}</text>')
        out.append(f'<rect x="{label_w}" y="{y}" width="{length:.1f}" height="{bar_h}" '
                   f'class="bar"><title>{_e(row.label)}: {_e(cell(row, key))}</title></rect>')
        out.append(f'<text x="{label_w + length + 4:.1f}" y="{y + 12}">{_e(cell(row, key))}</text>')
    out.append("</svg>")
    return "".join(out)


def _html_table(rows: list[Row], keys: list[str], first: str, *, group: bool = False) -> str:
    head = [first] + (["group"] if group else []) + [COLUMNS[k] for k in keys]
    out = ["<table><thead><tr>" + "".join(f"<th>{_e(h)}</th>" for h in head) + "</tr></thead><tbody>"]
    for r in rows:
        cells = [f'<th scope="row">{_e(r.label)}</th>'] + \
            ([f"<td>{_e(r.group or '')}</td>"] if group else []) + \
            [f'<td class="num">{_e(cell(r, k))}</td>' for k in keys]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _html_categories(rows: list[Row], categories: list[str], first: str) -> str:
    if not categories:
        return "<p>No opinion markers in the writer's voice.</p>"
    head = [first] + [category_name(c) for c in categories]
    out = ["<table><thead><tr>" + "".join(f"<th>{_e(h)}</th>" for h in head) + "</tr></thead><tbody>"]
    for r in rows:
        out.append(f'<tr><th scope="row">{_e(r.label)}</th>' + "".join(
            f'<td class="num">{r.opinion_by_category.get(c, 0.0):.2f}</td>'
            for c in categories) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


_CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em;
       color: #1d1d1f; background: #fff; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { padding: 0.25em 0.7em; border-bottom: 1px solid #ddd; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5em; }
svg.chart text { font: 12px system-ui, sans-serif; fill: #1d1d1f; }
svg.chart .chart-title { font-weight: bold; }
svg.chart .bar { fill: #3b6fb6; }
@media (prefers-color-scheme: dark) {
  body { color: #e8e8e8; background: #161616; } th, td { border-color: #333; }
  svg.chart text { fill: #e8e8e8; } svg.chart .bar { fill: #7aa7e8; } }
"""


def render_html(summary: Summary) -> str:
    n = len(summary.articles)
    title = f"slant summary: {n} article{'s' if n != 1 else ''}"
    first = summary.by or "corpus"
    # compare the groups; with no groups, the articles themselves
    compared = summary.groups if summary.by else summary.articles
    charts = "".join(bar_chart(t, compared, k) for k, t in CHARTS)
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # nothing may load from anywhere: no scripts, no fetches
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">",
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f"<h2>{'By ' + _e(summary.by) if summary.by else 'All articles'}</h2>",
        _html_table(summary.groups, _columns(summary, articles=False), first),
        f'<div class="charts">{charts}</div>',
        "<h3>Opinion in the writer's voice, per 1,000 words, by category</h3>",
        _html_categories(summary.groups, summary.categories, first),
        "<h2>Articles</h2>",
        _html_table(summary.articles, _columns(summary, articles=True), "article",
                    group=bool(summary.by)),
        "<h3>Opinion by category, per article (per 1,000 words)</h3>",
        _html_categories(summary.articles, summary.categories, "article"),
        f"<p>{_e(_NOTE)}</p>", "</body></html>", "",
    ]
    return "\n".join(parts)
