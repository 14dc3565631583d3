"""The corpus summary rendered: Markdown tables, JSON, and HTML with inline SVG charts that
need no script and nothing from the network."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from analyzers.summary import summarize
from tests.fixtures.summary import RESULTS
from tui.export.summary import bar_chart, render_summary


@pytest.fixture
def summary():
    records = [json.loads(l) for l in RESULTS.read_text().splitlines() if l.strip()]
    return summarize(records, by="outlet")


def test_markdown_has_the_group_and_article_tables(summary):
    md = render_summary(summary, "md")
    assert md.startswith("# slant summary: 3 articles\n")
    assert "## By outlet" in md
    assert ("| Courier | 2 | 1,500 | 20.0% | 2 | 3 | 1 | 3 | 4.00 | 9.33 |") in md
    assert "| outlet | loaded language | hedge | unsupported attribution |" in md
    assert "| Courier | 2.00 | 0.67 | 1.33 |" in md
    # an article title with a | does not break its row
    assert "| Ferry \\| fares | Courier | 500 | 10.0% |" in md
    rows = [l for l in md.splitlines() if l.startswith("| ")]
    assert all(l.count(" | ") == rows[0].count(" | ") for l in rows[:3])


def test_json_is_the_summary(summary):
    data = json.loads(render_summary(summary, "json"))
    assert data["schema"] == "slant.summary/1" and data["by"] == "outlet"
    assert [g["label"] for g in data["groups"]] == ["Courier", "(none)"]
    assert data["groups"][0]["figures_per_1000"] == 9.33
    assert data["articles"][0]["opinion_by_category"] == {"loaded": 3.0, "unsupported": 2.0}


def test_html_charts_are_inline_svg_with_no_script_or_fetch(summary):
    page = render_summary(summary, "html")
    assert page.count("<svg") == 5
    assert "<script" not in page.lower() and "http://" not in page.replace(
        "http://www.w3.org/2000/svg", "")
    assert not re.search(r"\b(src|href)=", page)
    assert "default-src 'none'" in page
    assert "Ferry | fares" in page and "<td>Courier</td>" in page


def test_a_chart_is_valid_svg_with_bars_in_proportion(summary):
    svg = bar_chart("Figures per 1,000 words", summary.articles, "figures_per_1000")
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    widths = [float(r.get("width")) for r in root.iter(ns + "rect")]
    assert len(widths) == 3
    assert widths[0] == max(widths) and widths[2] == 0          # 12, 4, 0 per 1,000
    assert abs(widths[1] / widths[0] - 4 / 12) < 0.01


def test_what_the_input_says_is_escaped():
    records = [{"source": {"path": "x", "title": "<b>Bold</b> \x1b[2J & co"},
                "stats": {"words": 10}}]
    page = render_summary(summarize(records), "html")
    assert "<b>Bold</b>" not in page and "&lt;b&gt;Bold&lt;/b&gt;" in page
    assert "\x1b" not in page and "␛[2J" in page
    md = render_summary(summarize(records), "md")
    assert "\x1b" not in md
