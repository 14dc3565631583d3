"""The comparison's sections and its Markdown and HTML reports."""

from __future__ import annotations

import copy

import pytest
from markdown_it import MarkdownIt

from analyzers import analyze
from analyzers.compare import compare
from analyzers.model import Source
from analyzers.resources import compare_samples, samples
from tui.export.compare import render_compare, sections


@pytest.fixture(scope="module")
def comparison(rules_pipe):
    a, b = (analyze(p.read_text(encoding="utf-8"), pipeline=rules_pipe,
                    source=Source(path=str(p), title=p.stem)) for p in compare_samples())
    return compare(a, b)


def test_sections_in_order_with_rows_that_point_at_both_articles(comparison):
    secs = {s.id: s for s in sections(comparison)}
    assert list(secs) == ["story", "scorecard", "speakers", "wording", "quotes", "figures",
                          "paragraphs"]
    assert all(s.rows for s in secs.values())
    disputed = next(r for r in secs["figures"].rows if r.short.startswith("≠ 300"))
    assert disputed.a_spans and disputed.b_spans
    farr = next(r for r in secs["speakers"].rows if "Lise Farr" in r.note)
    assert farr.a_spans and not farr.b_spans


def test_unrelated_articles_have_only_story_and_scorecard(rules_pipe):
    a, b = (analyze(p.read_text(encoding="utf-8"), pipeline=rules_pipe) for p in samples()[:2])
    secs = sections(compare(a, b))
    assert [s.id for s in secs] == ["story", "scorecard"]
    assert secs[0].rows[0].short == "no shared story found"


def test_markdown_tables_escape_what_the_articles_hold(comparison):
    c = copy.deepcopy(comparison)
    c["a"]["source"]["title"] = "A | <b>bold</b> *title*\x1b[2J"
    c["quotes"][0]["a"]["text"] = "“pipes | and *stars*”"
    md = render_compare(c, "md")
    assert "\x1b" not in md and "␛" in md
    html = MarkdownIt().enable("table").render(md)
    assert "<b>bold</b>" not in html and "<em>stars</em>" not in html
    rows = [line for line in md.splitlines() if "pipes" in line]
    assert rows and rows[0].count(" | ") == 2   # the quote's pipe does not add a cell


def test_html_report_escapes_and_lists_every_section(comparison):
    c = copy.deepcopy(comparison)
    c["b"]["source"]["title"] = "<script>alert(1)</script>"
    html = render_compare(c, "html")
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    for title in ("Scorecard", "Who is quoted", "Shared quotes", "Figures", "Word choices",
                  "Matching paragraphs"):
        assert f"<h2>{title}</h2>" in html


def test_an_unknown_format_is_an_error(comparison):
    with pytest.raises(ValueError):
        render_compare(comparison, "pdf")
