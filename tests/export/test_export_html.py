"""The standalone HTML report: toggles, escaping, nested highlights with explanations."""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser

import pytest

from analyzers.model import Analysis
from tui.export import render
from tui.categories import CATEGORIES
from tui.export.marks import Mark, marks, sweep


class Tree(HTMLParser):
    """Checks the tags nest and records each <mark> with its open ancestors."""

    VOID = {"meta", "input", "br", "img", "link", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.marks: list[tuple[dict[str, str | None], list[str]]] = []
        self.main_text: list[str] = []
        self.paragraph_texts: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "mark":
            outer = [x[1].get("data-cat") for x in self.stack if x[0] == "mark"]
            self.marks.append((a, outer))
        if tag == "p" and self._in_main():
            self.paragraph_texts.append("")
        if tag not in self.VOID:
            self.stack.append((tag, a))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        if self._in_main():
            self.main_text.append(data)
            if any(t == "p" for t, _ in self.stack):
                self.paragraph_texts[-1] += data

    def _in_main(self):
        return any(t == "main" for t, _ in self.stack)


@pytest.fixture
def page(analysis: Analysis) -> str:
    return render(analysis, "html")


def parse(page: str) -> Tree:
    tree = Tree()
    tree.feed(page)
    tree.close()
    assert tree.stack == [], "unclosed tags"
    return tree


def test_standalone_and_well_formed(page):
    assert page.startswith("<!DOCTYPE html>")
    parse(page)
    # no network: nothing loaded from elsewhere
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert "prefers-color-scheme: dark" in page
    assert '<meta name="viewport"' in page


def test_toggle_for_each_category(page):
    for cat in CATEGORIES:
        assert re.search(rf'<input type="checkbox" data-cat="{cat}" id="toggle-{cat}" checked>', page)
        assert f"show-{cat}" in page.split("<body", 1)[1].split(">", 1)[0]


def test_article_text_escaped_and_complete(page, analysis):
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<title>Harbour &lt;bridge&gt; plan &amp; the *budget* · slant report</title>" in page
    assert "Lee &lt;Critic&gt;" in page
    assert "An emotive word &lt;b&gt;not&lt;/b&gt; a fact." in page
    tree = parse(page)
    text = analysis.text
    assert tree.paragraph_texts == [text[s:e] for s, e in analysis.paragraphs]


def test_each_highlight_has_its_explanation_and_one_tab_stop(page, analysis):
    tree = parse(page)
    items = marks(analysis)
    firsts = [a for a, _ in tree.marks if "data-first" in a]
    assert len(firsts) == len(items)
    assert all(a.get("tabindex") == "0" for a in firsts)
    by_id = {f"h{m.index}": m for m in items}
    for attrs, _ in tree.marks:
        m = by_id[attrs["data-id"]]
        assert attrs["data-cat"] == m.category
        assert attrs["data-tip"] == m.explanation
        assert attrs["title"] == f"{m.label}: {m.explanation}"  # the no-script fallback
    tips = {a["data-tip"] for a, _ in tree.marks}
    assert "Said by Ana Ruiz (Mayor, an official); cue: “said”." in tips
    assert "Ana Ruiz: Mayor, Harbour City." in tips
    assert "A figure (money) of 40,000,000 USD." in tips


def test_overlapping_highlights_nest(page):
    tree = parse(page)
    found = {}
    for attrs, outer in tree.marks:
        found.setdefault((attrs["data-cat"], attrs["data-label"]), []).append(outer)
    # an opinion word inside a quote sits inside the quote's mark
    assert ["quotes"] in found[("opinion", "Loaded language")]
    # the editorial span crossing the end of "Tom Okafor" is cut into two pieces
    assert len(found[("opinion", "Editorializing")]) == 2


def test_entities_and_numbers(page):
    assert "<b>Ana Ruiz</b> <span class=\"role\">— Mayor, Harbour City</span>" in page
    assert "<h3>Organisations</h3><ul><li>the council" in page
    assert "<h3>Places</h3>" in page
    assert "<dt>Words</dt><dd>58</dd>" in page
    assert "<dt>Share of words quoted</dt><dd>9%</dd>" in page
    assert "<dt>… per 100 words</dt><dd>6.9</dd>" in page
    assert "<b>Ana Ruiz</b> <span class=\"role\">(official)</span>" in page


def test_notes_are_shown(analysis):
    page = render(analysis, "html", notes=["the text does not look English; <b>"])
    assert "<li>the text does not look English; &lt;b&gt;</li>" in page


def test_empty_analysis_renders():
    page = render(Analysis(text="Just one line."), "html")
    parse(page)
    assert "Untitled article" in page and "Nobody is quoted." in page


def test_unknown_format(analysis):
    with pytest.raises(ValueError, match="unknown report format"):
        render(analysis, "pdf")


# -- the boundary sweep --------------------------------------------------------------------
def _check_sweep(text: str, items: list[Mark]) -> None:
    out = []
    stack: list[Mark] = []
    pieces: dict[int, list[tuple[int, int]]] = {}
    pos = None
    for kind, x, y in sweep(text, 0, len(text), items):
        if kind == "text":
            out.append(text[x:y])
            for m in stack:
                pieces.setdefault(m.index, []).append((x, y))
        elif kind == "open":
            stack.append(x)
        else:
            assert stack and stack[-1] is x, "closed out of order"
            stack.pop()
    assert not stack
    assert "".join(out) == text
    for m in items:
        covered = [i for s, e in pieces.get(m.index, []) for i in range(s, e)]
        want = list(range(m.start, m.end))
        # marks are trimmed of outer whitespace
        while want and text[want[0]].isspace():
            want.pop(0)
        while want and text[want[-1]].isspace():
            want.pop()
        assert covered == want, m


def test_sweep_random_overlaps():
    rng = random.Random(7)
    text = "ab cd ef gh ij kl mn op qr st uv wx yz " * 3
    for _ in range(300):
        items = []
        for i in range(rng.randrange(0, 8)):
            s = rng.randrange(0, len(text))
            e = rng.randrange(s, min(len(text), s + 30) + 1)
            cat = rng.choice(CATEGORIES)
            items.append(Mark(cat, s, e, cat, "why", i))
        _check_sweep(text, items)


def test_hidden_kinds_start_switched_off(analysis):
    page = render(analysis, "html", hidden=["figures"])
    body = page.split("<body", 1)[1].split(">", 1)[0]
    assert "show-figures" not in body and "show-quotes" in body
    assert '<input type="checkbox" data-cat="figures" id="toggle-figures">' in page
    tree = parse(page)
    stops = {a["data-cat"]: a["tabindex"] for a, _ in tree.marks if "data-first" in a}
    assert stops["figures"] == "-1" and stops["quotes"] == "0"


def test_control_and_bidi_characters_are_shown_as_placeholders(hostile):
    from hostile_article import ACTED_ON

    page = render(hostile, "html")
    assert not ACTED_ON & set(page)            # no raw ESC, C1, DEL or bidi override
    assert not re.search(r"&#(x0*1b|0*27|x0*202e);", page, re.I)   # nor as a reference
    tree = Tree()
    tree.feed(page)
    body = "".join(tree.main_text)
    assert "costs\u240cgrew" in body and "invoice\u21c6txt.exe" in body
    assert "<title>Budget \u241b]0;owned\u2407vote · slant report</title>" in page
    assert "Ana Ruiz\u241b[2J" in page and "evil\u241b[2J.txt" in page
