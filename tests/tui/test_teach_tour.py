"""The guided tour: its plan (techniques, most frequent first or in the teacher's order),
its steps, and driving it in the reader (the article follows the card; Esc stays put)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from textual.geometry import Region

from analyzers.model import OpinionSpan
from reader_fixtures import find, make_analysis
from tui.app import SlantApp
from tui.teaching.tour import Tour, check_order, context, techniques

ROOT = Path(__file__).resolve().parents[2]


def _analysis():
    """The fixture with a third loaded word, so one technique is clearly the most frequent."""
    a = make_analysis()
    s, e = find(a.text, "patching")
    extra = OpinionSpan(s, e, "patching", "loaded", "A loaded word.", True, "e1")
    return replace(a, opinion=[*a.opinion, extra])


def test_techniques_most_frequent_first_with_voices():
    plan = techniques(_analysis())
    assert [t.key for t in plan][:2] == ["opinion.loaded", "quotes.direct"]
    loaded = plan[0]
    assert [i.voice for i in loaded.instances] == [
        "the writer", "Ilse Brandvik, Mayor (quoted)", "Ilse Brandvik, Mayor (quoted)"]
    assert [i.start for i in loaded.instances] == sorted(i.start for i in loaded.instances)
    officials = next(t for t in plan if t.key == "officials")
    # the second mention, "Brandvik said the work...", is the writer's sentence
    assert [i.voice for i in officials.instances] == ["the writer", "the writer"]
    assert all(t.entry is not None for t in plan)


def test_reading_order_and_teachers_order():
    a = _analysis()
    reading = [t.key for t in techniques(a, "reading")]
    assert reading[0] == "figures.money"               # "$420 billion" comes first
    picked = [t.key for t in techniques(a, "opinion.doubt,figures")]
    assert picked[0] == "opinion.doubt"
    assert set(picked[1:4]) == {"figures.money", "figures.percent", "figures.year"}
    assert check_order("opinion.doubt,figures") is None and check_order("reading") is None
    assert "unknown tour order bogus" in check_order("bogus,figures")


def test_steps_run_on_into_the_next_technique_and_stop_at_the_ends():
    tour = Tour(techniques(_analysis()))
    assert not tour.previous() and not tour.previous_technique()
    assert tour.next() and tour.next()
    assert (tour.technique_index, tour.instance_index) == (0, 2)
    assert tour.next() and (tour.technique_index, tour.instance_index) == (1, 0)
    assert tour.previous() and (tour.technique_index, tour.instance_index) == (0, 2)
    while tour.next_technique():
        pass
    last = tour.technique_index
    while tour.next():
        pass
    assert tour.technique_index == last == len(tour.techniques) - 1
    assert tour.previous_technique() and tour.instance_index == 0


def test_context_is_the_sentence_in_its_paragraph():
    a = make_analysis()
    s, e = find(a.text, "claimed")
    before, inside, after = context(a.text, s, e)
    assert (before, inside) == ("Union leader Tomas Reyes ", "claimed")
    assert after == " the terms would cut 12% of dock jobs."
    before, _, after = context(a.text, s, e, limit=30)
    assert len(before) + len(after) <= 30 and after.endswith("…")


async def test_tour_drives_the_article_and_leaves_where_it_is():
    app = SlantApp("bridge.txt", analysis=_analysis())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("4")                      # opinion hidden: the tour shows it again
        assert "opinion" not in app.enabled
        await pilot.press("t")
        await pilot.pause()
        card = app._tour_card
        assert card is not None and card.has_focus and not app.explain.display
        assert "opinion" in app.enabled
        assert "Loaded language" in card.plain and "1 of 3" in card.plain
        assert "Who the writer, in their own voice" in card.plain
        assert "⟦reckless⟧" in card.plain
        assert "Ask What happened, without the judgement?" in card.plain
        t = app.article.target
        assert app.article.text[t.start:t.end] == "reckless"
        await pilot.press("right")
        assert app.article.text[app.article.target.start:app.article.target.end] == "patching"
        assert "Ilse Brandvik, Mayor (quoted)" in card.plain
        await pilot.press("down")                   # next technique: direct quotes
        assert "Direct quote" in card.plain
        t = app.article.target
        assert app.article.text[t.start:t.end] == '"We cannot keep patching it,"'
        await pilot.press("left")                   # back into the last loaded word
        assert "3 of 3" in card.plain
        await pilot.press("up")
        assert card.tour.technique_index == 0
        await pilot.press("up")                     # at the start: says so, stays
        assert "first instance" in card.plain
        await pilot.press("down", "down")
        where = app.article.target
        await pilot.press("escape")
        await pilot.pause()
        assert app._tour_card is None and app.explain.display and app.article.has_focus
        assert app.article.target == where          # left the tour where it was
        assert not app.query("TourCard")


async def test_tour_key_is_remappable_and_the_card_reads_without_colour(monkeypatch,
                                                                       no_user_config):
    no_user_config.write_text('[keys]\ntour = "o"\n')
    monkeypatch.setenv("NO_COLOR", "1")
    app = SlantApp("bridge.txt", analysis=_analysis())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        card = app._tour_card
        assert card is not None
        lines = card.render_lines(Region(0, 0, *card.size))
        colours = [c for strip in lines for seg in strip if seg.style
                   for c in (seg.style.color, seg.style.bgcolor) if c]
        assert colours and all(len(set(c.get_truecolor())) == 1 for c in colours)
        # the instance is marked with brackets, not only with a style
        assert "⟦reckless⟧" in "".join(seg.text for strip in lines for seg in strip)


async def test_slant_tour_starts_the_tour_once_analysed():
    app = SlantApp("bridge.txt", analysis=_analysis())
    app.start_teaching("tour", order="reading")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app._tour_card is not None
        assert "Money" in app._tour_card.plain


def test_cli_tour_rejects_an_unknown_order():
    out = subprocess.run([sys.executable, "-m", "tui", "tour", "x.txt", "--order", "bogus"],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        "slant: error: unknown tour order bogus; use frequent, reading, or techniques such "
        "as opinion.doubt,figures"]
