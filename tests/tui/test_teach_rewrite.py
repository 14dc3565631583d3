"""The neutral rewrite: the writer's opinion words struck with a plainer wording beside
them, scare quotes' marks removed, a count of the changes; quoted speech never touched."""

from __future__ import annotations

from dataclasses import replace

import pytest

from analyzers import analyze
from analyzers.model import Analysis, OpinionSpan, Quote
from analyzers.resources import samples
from reader_fixtures import find, make_analysis
from tui.app import SlantApp
from tui.teaching.practice import practice_articles
from tui.teaching.rewrite import (INSERTED, STRUCK, display, moved, rewrite, to_html,
                                  to_markdown)

NEUTRAL = {"reckless": "risky", "claimed": "said", "disastrous": "bad"}


def _analysis():
    """The fixture with plainer wordings, a scare quote and a booster to leave out; and an
    opinion span inside the mayor's quote wrongly marked as the writer's (in_quote False):
    the rewrite must still leave it alone."""
    a = make_analysis(make_analysis().text.replace(
        "Brandvik said the work",
        'Brandvik said the "modern" work would be very quick and the work'))
    t = a.text
    ops = [replace(o, neutral=NEUTRAL[o.text]) for o in a.opinion]
    s, e = find(t, "patching")
    ops.append(OpinionSpan(s, e, "patching", "loaded", "x", False, None, neutral="mending"))
    s, e = find(t, "very")
    ops.append(OpinionSpan(s, e, "very", "booster", "x", False, None, neutral=""))
    s, e = find(t, "quick")
    ops.append(OpinionSpan(s, e, "quick", "hyperbole", "x", False, None))   # no neutral
    qs, qe = find(t, '"modern"')
    quotes = [*a.quotes, Quote("q3", qs, qe, t[qs:qe], "scare")]
    return replace(a, opinion=ops, quotes=quotes)


def _speech(a):
    return [(q.start, q.end) for q in a.quotes if q.kind in ("direct", "partial")]


def test_changes_and_counts():
    rw = rewrite(_analysis())
    kinds = {(c.kind, c.old, c.new) for c in rw.changes}
    assert kinds == {("replaced", "reckless", "risky"), ("replaced", "claimed", "said"),
                     ("left out", "very", ""), ("kept", "quick", ""),
                     ("scare quote", '"', "")}
    assert rw.count("scare quote") == 2 and rw.changed == 5
    assert rw.summary() == ("5 changes: 2 replaced, 1 left out, 2 scare-quote marks removed; 1 "
                            "opinion word kept (no plainer wording known). Quoted speech is "
                            "never changed.")


def test_quoted_speech_is_never_rewritten():
    a = _analysis()
    rw = rewrite(a)
    for c in rw.changes:
        assert all(c.end <= s or c.start >= e for s, e in _speech(a)), c
    text, marked, _ = display(rw)
    for q in a.quotes:
        if q.kind in ("direct", "partial"):
            assert q.text in text   # every quote reads exactly as written
    assert "disastrous" in text and "bad" not in text and "mending" not in text


def test_display_marks_and_positions():
    rw = rewrite(_analysis())
    text, marked, moves = display(rw)
    assert "called reckless → risky." in text
    pieces = {(k, text[s:e]) for k, s, e, _ in marked}
    assert (STRUCK, "reckless") in pieces and (INSERTED, "risky") in pieces
    orig = rw.text
    at = orig.index("Union leader")
    assert text[moved(moves, at):].startswith("Union leader")


def test_so_called_goes_and_the_term_stays():
    text = 'The so-called "reform" passed.'
    s, e = find(text, 'so-called "reform"')
    qs, qe = find(text, '"reform"')
    a = Analysis(text=text, quotes=[Quote("q1", qs, qe, text[qs:qe], "scare")],
                 opinion=[OpinionSpan(s, e, text[s:e], "scare_quote", "x", neutral="")])
    rw = rewrite(a)
    assert [(c.kind, c.old) for c in rw.changes] == [
        ("left out", "so-called"), ("scare quote", '"'), ("scare quote", '"')]
    assert to_markdown(rw).endswith('The ~~so-called~~ ~~"~~reform~~"~~ passed.\n')


def test_sentence_start_keeps_its_capital():
    a = make_analysis()
    s, e = find(a.text, "Union")
    a = replace(a, opinion=[OpinionSpan(s, e, "Union", "label", "x", neutral="workers'")])
    assert rewrite(a).changes[0].new == "Workers'"
    # a capital inside a line (a title-case headline) stays as the plain wording has it
    s, e = find(a.text, "Development")
    a = replace(a, opinion=[OpinionSpan(s, e, "Development", "loaded", "x", neutral="growth")])
    assert rewrite(a).changes[0].new == "growth"


def test_markdown_and_html_exports():
    rw = rewrite(_analysis())
    md = to_markdown(rw, "Harbour")
    assert "~~reckless~~ **risky**" in md and "~~very~~" in md and "⟦quick⟧" in md
    assert '~~"~~modern~~"~~' in md and "5 changes" in md
    assert '"We cannot keep patching it,"' in md
    page = to_html(rw, "Harbour <b>")
    assert "<del" in page and "<ins" in page and "risky</ins>" in page
    assert "Harbour &lt;b&gt;" in page and "<b>" not in page


@pytest.mark.parametrize("path", [*samples(), *practice_articles()], ids=lambda p: p.name)
def test_bundled_articles_rewrite_outside_quotes(path, rules_pipe):
    a = analyze(path.read_text(encoding="utf-8"), pipeline=rules_pipe)
    rw = rewrite(a)
    speech = _speech(a)
    for c in rw.changes:
        assert all(c.end <= s or c.start >= e for s, e in speech), (c, path.name)
    text, _, _ = display(rw)
    for s, e in speech:
        assert a.text[s:e] in text


async def test_rewrite_view_in_the_reader(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = SlantApp("bridge.txt", analysis=_analysis())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        screen = app.screen
        assert "5 changes" in screen.query_one("#rewrite-head").plain
        await pilot.press("right_square_bracket")
        explain = screen.query_one("#rewrite-explain").plain
        assert "reckless → risky" in explain
        await pilot.press("e")
        await pilot.pause()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["bridge-neutral.html",
                                                              "bridge-neutral.md"]
        await pilot.press("e")                          # never overwrites
        await pilot.pause()
        assert (tmp_path / "bridge-neutral-2.md").exists()
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_mounted_main
