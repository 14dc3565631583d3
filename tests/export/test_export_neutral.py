"""Exports carry each opinion span's neutral wording and its source (HTML, Markdown, text)."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest

from tui.export import render
from tui.export.text import render_plain

SOURCE = "opinion_loaded: judging adjectives"


@pytest.fixture
def marked(analysis):
    a = analysis
    out = []
    for o in a.opinion:
        if o.text == "furious":
            o = replace(o, neutral="angry", source=SOURCE)
        elif o.text == "reportedly":
            o = replace(o, neutral="", source="opinion_stance: hedging adverbs")
        out.append(o)
    return replace(a, opinion=out)


def _tag(page: str, needle: str) -> str:
    start = page.index(needle)
    return page[page.rindex("<mark", 0, start):start]


def test_html_has_data_neutral_and_the_tip_names_neutral_and_source(marked):
    page = render(marked, "html")
    tag = _tag(page, "furious</mark>")
    assert 'data-neutral="angry"' in tag
    tip = html.unescape(re.search(r'data-tip="([^"]*)"', tag).group(1))
    assert "neutral: angry" in tip and f"from {SOURCE}" in tip
    # an empty neutral (leave the word out) is kept as it is in the attribute
    tag = _tag(page, "reportedly</mark>")
    assert 'data-neutral=""' in tag
    assert "leave out &#x27;reportedly&#x27;" in tag
    # a span without a neutral wording has no attribute
    assert "data-neutral" not in _tag(page, "doubts</mark>")


def test_markdown_footnote_gives_neutral_and_source(marked):
    page = render(marked, "md")
    note = next(l for l in page.splitlines() if l.startswith("[^") and "furious" in l)
    assert "neutral: angry" in note and "opinion\\_loaded: judging adjectives" in note
    note = next(l for l in page.splitlines() if l.startswith("[^") and "“reportedly”" in l)
    assert "leave out 'reportedly'" in note


def test_text_format_lists_explanation_then_neutral(marked):
    plain = re.sub(r"\x1b\[[0-9;]*m", "", render_plain(marked, width=200))
    line = next(l for l in plain.splitlines() if l.startswith("furious"))
    assert line.index("an emotive word") < line.index("neutral: angry") < line.index(SOURCE)


def test_without_neutral_or_source_nothing_is_added(analysis):
    page = render(analysis, "html")
    assert "data-neutral" not in page and "neutral:" not in page
