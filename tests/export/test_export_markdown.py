"""The Markdown report: legend, marks, escaping, names and numbers."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from analyzers.model import Analysis, Figure, Source
from tui.export import render
from tui.export.markdown import LEGEND, escape_md


@pytest.fixture
def md(analysis: Analysis) -> str:
    return render(analysis, "md")


def to_html(md: str) -> str:
    from mdit_py_plugins.footnote import footnote_plugin

    return MarkdownIt("commonmark").enable("table").use(footnote_plugin).render(md)


def article_html(md: str) -> str:
    html = to_html(md)
    return html.split("<h2>Article</h2>", 1)[1].split('<hr class="footnotes-sep"', 1)[0]


def test_legend_and_sections(md):
    assert f"Legend: {LEGEND}" in md
    for part in ("*italic* = quotation", "**bold** = named official", "`code` = figure",
                 "⟦double brackets⟧ with a numbered note = opinion marker"):
        assert part in LEGEND
    assert md.startswith("# Harbour \\<bridge\\> plan & the \\*budget\\*\n")
    for heading in ("## Summary", "### Who is quoted", "## Names", "### Officials",
                    "### People", "### Organisations", "### Places", "## Article"):
        assert f"\n{heading}\n" in md


def test_marks_in_the_article(md):
    assert "**Mayor Ana Ruiz** said the bridge would cost `$40 million` and open in `2027`." in md
    assert "*“This ⟦shameful⟧[^1] delay is over,”* said **Ruiz**" in md
    assert "[^1]: Loaded language — “shameful”: A strongly negative word that judges." in md
    assert 'class="footnote-item"><p>Loaded language — “shameful”' in to_html(md)


def test_rendered_markdown_has_the_marks_and_no_markup_from_the_text(md):
    html = article_html(md)
    assert "<strong>Mayor Ana Ruiz</strong>" in html
    assert "<code>$40 million</code>" in html
    assert "<em>“This ⟦shameful⟧" in html
    # the article's own markup characters stay text
    assert "<h1>" not in html and "<ol" not in html and "<script" not in html
    assert "# not a heading | 1. not a list &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Harbour &lt;bridge&gt; plan &amp; the *budget*" in html


def test_summary_numbers_and_entities(md):
    assert "- **Words:** 58" in md
    assert "- **Quoted:** 9% of the words, in 1 quote (1 with a speaker)" in md
    assert "- **Quotes from officials:** 1; **from others:** 0; **with no speaker:** 0" in md
    assert "6.9 per 100 words" in md
    assert "| Ana Ruiz | yes | 1 | 5 |" in md
    assert "- **Ana Ruiz** — Mayor, Harbour City (2 mentions)" in md
    assert "- Lee \\<Critic\\>" in md


def test_crossing_spans_stay_balanced(md):
    line = next(ln for ln in md.splitlines() if "Okafor" in ln and "finance" in ln)
    assert line.count("⟦") == line.count("⟧")
    assert line.count("**") % 2 == 0
    assert "<strong>Tom ⟦Okafor⟧</strong>" in article_html(md)


@pytest.mark.parametrize("raw", [
    "a*b*c", "snake_case_name", "[link](x)", "<b>bold</b>", "back\\slash", "`tick`",
    "pipe | table", "~~strike~~", "&amp; &#169;", "price 5 * 3",
])
def test_escaped_text_renders_as_written(raw):
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).renderInline(escape_md(raw))
    from html import unescape

    assert unescape(html) == raw


def test_line_starts_escaped():
    text = "Intro line\n# hash\n- dash\n+ plus\n1. one\n2) two\n==="
    md = render(Analysis(text=text, source=Source(title="T")), "md")
    html = article_html(md)
    assert not re.search(r"<(h\d|ul|ol|li)\b", html)
    for line in ("# hash", "- dash", "+ plus", "1. one", "2) two", "==="):
        assert line in html


def test_figure_with_backticks_is_one_code_span():
    text = "It cost `5` dollars."
    s = text.index("`5`")
    a = Analysis(text=text, figures=[Figure(s, s + 3, "`5`", "money", 5.0, "USD")])
    md = render(a, "md")
    assert "`` `5` ``" in md
    assert "<code>`5`</code>" in article_html(md)


def test_hidden_kinds_are_not_marked(analysis):
    md = render(analysis, "md", hidden=["figures", "opinion"])
    assert "cost $40 million and open in 2027." in md
    assert "⟦" not in md and "[^1]" not in md
    assert "Legend: *italic* = quotation · **bold** = named official\n" in md


def test_control_and_bidi_characters_are_shown_as_placeholders(hostile):
    from hostile_article import ACTED_ON

    out = render(hostile, "md")
    assert not ACTED_ON & set(out)   # `cat report.md` in a terminal acts on nothing
    assert out.startswith("# Budget \u241b\\]0;owned\u2407vote\n")
    assert "invoice\u21c6txt.exe" in out and "\u2066" not in out
    assert "`12%`" in out and "costs\u240cgrew" in out
    assert "**Ana Ruiz\u241b\\[2J**" in out        # the names list: placeholder, then escapes
