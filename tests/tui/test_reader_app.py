"""The reader driven headless: keys, toggles, navigation, the explanation line, search,
the side panel, resizing, help and the command palette.  A hand-made Analysis is passed in,
so the analyzers' current quality does not matter here."""

from __future__ import annotations

from textual.binding import Binding

from reader_fixtures import (TEXT, find, make_analysis, screen_lines, segment_at,
                             wait_for_analysis)
from tui.app import SlantApp
from tui.commands import SlantCommands
from tui.screens.help import HelpScreen
from tui.widgets.article import MEASURE, ArticleView
from tui.widgets.highlights import CATEGORIES
from tui.widgets.panel import EntityTree

SIZE = (120, 40)


def app_for(analysis=None, **kw) -> SlantApp:
    return SlantApp("bridge.txt", analysis=analysis or make_analysis(), **kw)


def offset(needle: str, nth: int = 0) -> int:
    return find(TEXT, needle, nth)[0]


async def test_opens_with_title_source_text_and_counts():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        header = app.query_one("#title").render()
        assert "Harbour council backs bridge loan" in str(header)
        assert "bridge.txt" in str(app.query_one("#source").render())
        lines = screen_lines(app.article)
        assert any("Harbour council backs bridge loan" in line for line in lines)
        assert any("said Mayor Ilse Brandvik" in line for line in lines)
        bar = app.toggles.render().plain
        for name, n in (("Quotes", 2), ("Officials", 2), ("Figures", 3), ("Opinion", 3)):
            assert f"{name} {n} ●" in bar
        assert app.article.has_focus
        assert app.analysis is not None and not app.analysing


async def test_text_column_is_capped_and_centred_on_a_wide_terminal():
    text = TEXT + "\n" + " ".join(["word"] * 400) + "\n"
    app = app_for(make_analysis(text))
    async with app.run_test(size=(240, 50)) as pilot:
        await pilot.pause()
        view = app.article
        assert view.layout.width == MEASURE
        widths = [len(view.line_text(i)) for i in range(len(view.layout))]
        assert max(widths) <= MEASURE and max(widths) >= MEASURE - 6
        row = view.render_line(view.layout.line_at(offset("PORT ALDER"))).text
        assert row.index("PORT ALDER") > 40   # centred, not at the left edge


async def test_highlights_have_colour_and_a_non_colour_cue():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.article
        quote = segment_at(view, offset('"We cannot') + 3).style
        official = segment_at(view, offset("Ilse Brandvik") + 1).style
        figure = segment_at(view, offset("$420") + 1).style
        opinion = segment_at(view, offset("reckless") + 1).style
        quoted_opinion = segment_at(view, offset("disastrous") + 1).style
        plain = segment_at(view, offset("Tuesday")).style
        assert quote.italic and quote.color != plain.color
        assert official.bold and official.color != plain.color
        assert figure.underline and figure.color != plain.color
        assert opinion.reverse
        assert quoted_opinion.underline2 and not quoted_opinion.reverse
        assert not (plain.italic or plain.bold or plain.underline or plain.reverse)


async def test_toggles_change_counts_state_and_drawing():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.article
        for key, category in zip("1234", CATEGORIES):
            await pilot.press(key)
            assert category not in app.enabled
            assert category not in view.enabled
        assert app.enabled == set()
        bar = app.toggles.render().plain
        assert bar.count("○") == 4 and "●" not in bar
        assert "Quotes 2 ○" in bar         # counts stay visible while hidden
        assert not segment_at(view, offset("reckless") + 1).style.reverse
        assert not segment_at(view, offset('"We cannot') + 3).style.italic
        await pilot.press("a")
        assert app.enabled == set(CATEGORIES)
        assert app.toggles.render().plain.count("●") == 4
        await pilot.press("a")
        assert app.enabled == set()
        await pilot.press("4")
        assert app.enabled == {"opinion"}
        assert segment_at(view, offset("reckless") + 1).style.reverse
        assert not segment_at(view, offset("$420") + 1).style.underline


async def test_bracket_keys_walk_visible_highlights_in_order():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.article
        seen = []
        for _ in range(10):
            await pilot.press("right_square_bracket")
            seen.append(TEXT[view.target.start:view.target.end])
        assert seen == ["$420 billion", "reckless", '"We cannot keep patching it,"',
                        "Ilse Brandvik", '"This is a disastrous bridge and we will fix it."',
                        "disastrous", "claimed", "12%", "Brandvik", "2026"]
        await pilot.press("right_square_bracket")   # wraps around
        assert TEXT[view.target.start:view.target.end] == "$420 billion"
        await pilot.press("left_square_bracket")
        assert TEXT[view.target.start:view.target.end] == "2026"
        # only visible categories
        await pilot.press("1", "2", "4")           # figures only
        await pilot.press("g")
        got = []
        for _ in range(3):
            await pilot.press("right_square_bracket")
            got.append(TEXT[view.target.start:view.target.end])
        assert got == ["$420 billion", "12%", "2026"]
        # the cursor line follows the target
        assert view.cursor_line == view.layout.line_at(view.target.start)


async def test_explanation_line_for_each_category():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        explain = app.explain
        await pilot.press("right_square_bracket")
        assert "Figure" in explain.plain and "money: $420 billion" in explain.plain
        assert "Check the number: what is it compared with" in explain.plain
        await pilot.press("right_square_bracket")
        assert "Opinion" in explain.plain and "loaded language" in explain.plain
        assert "writer's own voice" in explain.plain
        assert "judges the decision" in explain.plain   # OpinionSpan.explanation
        await pilot.press("right_square_bracket")
        assert "direct quote — Ilse Brandvik, Mayor" in explain.plain
        # the speaker's mention is marked while their quote is current
        assert segment_at(app.article, offset("Ilse Brandvik") + 1).style.underline
        await pilot.press("right_square_bracket")
        assert "named official — Ilse Brandvik, Mayor" in explain.plain
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert "inside a quote from Ilse Brandvik" in explain.plain
        assert "4 of 10" not in explain.plain and "6 of 10" in explain.plain


async def test_current_highlight_is_inverted():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.article
        before = segment_at(view, offset("$420") + 1).style
        await pilot.press("right_square_bracket")
        after = segment_at(view, offset("$420") + 1).style
        assert not before.reverse and after.reverse
        await pilot.press("right_square_bracket")   # opinion: inverted back
        assert not segment_at(view, offset("reckless") + 1).style.reverse
        assert not segment_at(view, offset("$420") + 1).style.reverse


async def test_line_keys_move_the_cursor_and_skip_blank_lines():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.article
        assert view.cursor_line == 0
        await pilot.press("j")
        assert view.cursor_line == 2            # line 1 is the blank between paragraphs
        await pilot.press("down")
        assert view.cursor_line == 3
        await pilot.press("k")
        assert view.cursor_line == 2
        await pilot.press("up")
        assert view.cursor_line == 0
        assert view.render_line(0).text.lstrip().startswith("▌")
        await pilot.press("G")
        assert view.cursor_line == len(view.layout) - 1
        await pilot.press("g")
        assert view.cursor_line == 0
        await pilot.press("end")
        assert view.cursor_line == len(view.layout) - 1
        await pilot.press("home")
        assert view.cursor_line == 0
        # j on a line with a highlight makes it current
        await pilot.press("j")
        assert TEXT[view.target.start:view.target.end] == "$420 billion"


async def test_page_keys_scroll_a_long_article():
    app = long_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.article
        height = view.scrollable_content_region.height
        await pilot.press("space")
        assert view.scroll_y == height - 2
        assert view.cursor_line >= view.scroll_y
        await pilot.press("pagedown")
        assert view.scroll_y == 2 * (height - 2)
        await pilot.press("b")
        assert view.scroll_y == height - 2
        await pilot.press("pageup")
        assert view.scroll_y == 0
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y > 0
        assert view.cursor_line == len(view.layout) - 1
        await pilot.press("g")
        assert view.scroll_y == 0


def bar_styles(view) -> list:
    """The style of the scroll bar's cell on each row of the view."""
    height = view.scrollable_content_region.height
    return [list(view.render_line(y))[-1].style for y in range(height)]


async def test_the_scroll_bar_follows_the_page_and_takes_clicks():
    app = long_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.article
        height = view.scrollable_content_region.height
        thumb, track = view._style("scrollbar-thumb"), view._style("scrollbar")
        assert thumb.bgcolor != track.bgcolor
        styles = bar_styles(view)
        assert styles[0] == thumb and styles[-1] == track
        await pilot.press("G")
        styles = bar_styles(view)
        assert styles[0] == track and styles[-1] == thumb
        # a click high on the bar scrolls back up there; the text column is not the bar
        x = view.scrollable_content_region.width - 1
        await pilot.click(ArticleView, offset=(x, 0))
        assert view.scroll_y < view.max_scroll_y // 4
        top = view.scroll_y
        await pilot.click(ArticleView, offset=(x - 3, height - 1))
        assert view.scroll_y == top


async def test_a_short_article_has_no_scroll_bar():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.article
        assert set(bar_styles(view)) == {view._base_style()}


async def test_the_mouse_wheel_scrolls_the_view():
    from textual import events

    app = long_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.article

        def wheel(kind):
            view.post_message(kind(view, 5, 5, 0, 0, 0, False, False, False))

        wheel(events.MouseScrollDown)
        wheel(events.MouseScrollDown)
        await pilot.pause()
        assert view.scroll_y == 6
        wheel(events.MouseScrollUp)
        await pilot.pause()
        assert view.scroll_y == 3


async def test_the_next_page_is_drawn_while_the_reader_reads(monkeypatch):
    from tui.widgets.article import PREPARE_AFTER

    app = long_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.article
        drawn = []
        original = view._render_visual_line

        def counting(index):
            drawn.append(index)
            return original(index)

        monkeypatch.setattr(view, "_render_visual_line", counting)
        await pilot.press("space")
        await pilot.pause(PREPARE_AFTER * 4)        # reading
        drawn.clear()
        await pilot.press("space")
        app.screen._on_timer_update()               # the frame, now
        top, height = view.scroll_y, view.scrollable_content_region.height
        on_screen = [i for i in drawn if top <= i < top + height]
        # of the lines now on screen, only the one the cursor reached was drawn anew
        assert 0 < len(on_screen) <= 2, drawn


LONG = "\n\n".join(f"Paragraph {i} " + " ".join(["text"] * 60) for i in range(60))


def long_app() -> SlantApp:
    """The reader on an article of many screens (and no highlights)."""
    return app_for(make_analysis_for(LONG))


def make_analysis_for(text: str):
    from analyzers.model import Analysis, Source
    from analyzers.text import paragraphs

    return Analysis(text=text, source=Source(path="long.txt", title=None),
                    paragraphs=paragraphs(text))


async def test_search_highlights_matches_and_n_N_cycle():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.article
        await pilot.press("slash")
        assert app.search_bar.is_open and app.search_bar.input.has_focus
        await pilot.press(*"BRANDVIK")
        assert len(view.matches) == 2            # case-insensitive
        assert "2 matches" in str(app.query_one("#search-count").render())
        # typing into the bar does not trigger the reader's keys (a, n, 1, ...)
        assert app.enabled == set(CATEGORIES)
        await pilot.press("enter")
        assert not app.search_bar.is_open and view.has_focus
        assert view.target.kind == "match" and view.target.start == offset("Brandvik")
        assert "match 1 of 2" in app.explain.plain
        assert segment_at(view, offset("Brandvik", 1)).style.bgcolor is not None
        await pilot.press("n")
        assert view.target.start == offset("Brandvik", 1)
        await pilot.press("n")                   # wraps
        assert view.target.start == offset("Brandvik")
        await pilot.press("N")
        assert view.target.start == offset("Brandvik", 1)
        await pilot.press("slash", "escape")     # Esc clears
        assert not view.matches and not app.search_bar.is_open and view.has_focus


async def test_search_with_no_match_says_so():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"zebra", "enter")
        await pilot.pause()
        assert len(app.article.matches) == 0
        assert any("No matches" in n.message for n in app._notifications)


async def test_panel_lists_entities_and_enter_jumps_through_mentions():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.article
        tree = app.query_one(EntityTree)
        labels = [str(n.label) for n in tree.root.children]
        assert labels[0].startswith("Officials") and labels[-1].startswith("Quotes by speaker")
        await pilot.press("tab")
        await pilot.pause()
        assert tree.has_focus
        assert tree.cursor_node.data.label == "Ilse Brandvik"   # starts on an entry
        await pilot.press("enter")
        assert view.mention_key == "entity:e1"
        assert view.target.kind == "mention" and view.target.start == offset("Ilse Brandvik")
        assert "Ilse Brandvik: mention 1 of 2" in app.explain.plain
        assert segment_at(view, offset("Brandvik", 1)).style.bgcolor is not None
        await pilot.press("enter")                # again: the next mention
        assert view.target.start == offset("Brandvik", 1)
        await pilot.press("enter")                # and round
        assert view.target.start == offset("Ilse Brandvik")
        # another entry
        await pilot.press("down", "down", "enter")
        assert tree.cursor_node.data.label == "Tomas Reyes"
        assert view.target.start == offset("Tomas Reyes")
        assert view.cursor_line == view.layout.line_at(offset("Tomas Reyes"))
        await pilot.press("tab")
        assert view.has_focus


async def test_summary_view_shows_the_numbers():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.panel.active == "entities"
        await pilot.press("s")
        assert app.panel.active == "summary"
        await pilot.pause()
        body = app.query_one("#summary-body")
        shown = "\n".join(s.text for s in body.render_lines(body.region.reset_offset))
        a = app.analysis
        assert f"{a.stats['words']:,}" in shown
        assert "Words in quotes" in shown and f"{a.stats['quoted_share']:.0%}" in shown
        assert "Ilse Brandvik" in shown                     # who is quoted
        rows = {line.rsplit(None, 1)[0].strip(): line.rsplit(None, 1)[-1]
                for line in shown.splitlines() if len(line.split()) > 1}
        assert rows["Quoted: officials"] == str(a.stats["officials_quoted"]) == "2"
        assert rows["Quoted: others"] == "0"
        assert rows["per 100 words"] == f"{a.stats['opinion_writer_per_100_words']:.1f}"
        assert rows["Writer's opinion markers"] == "2"
        await pilot.press("s", "s")   # summary -> checklist -> entities
        assert app.panel.active == "entities"


async def test_resize_rewraps_and_keeps_the_reading_position():
    text = "\n\n".join(f"Paragraph {i} starts here. " + " ".join(["words"] * 80)
                       for i in range(40))
    app = app_for(make_analysis_for(text))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.article
        target = text.index("Paragraph 20 ")
        view.scroll_to(y=view.layout.line_at(target), animate=False)
        await pilot.pause()
        assert view.top_offset == target
        await pilot.resize_terminal(70, 30)
        await pilot.pause()
        assert view.layout.width < 70
        assert view.top_offset == target
        assert screen_lines(view)[0].strip().startswith("Paragraph 20")
        await pilot.resize_terminal(200, 40)
        await pilot.pause()
        assert view.layout.width == MEASURE
        assert view.top_offset == target


async def test_narrow_terminal_hides_the_panel_until_tab():
    app = app_for()
    async with app.run_test(size=(70, 30)) as pilot:
        await pilot.pause()
        assert not app.panel.display or app.panel.size.width == 0
        await pilot.press("tab")
        await pilot.pause()
        assert app.panel.size.width > 0 and app.query_one(EntityTree).has_focus
        await pilot.press("tab")
        await pilot.pause()
        assert app.panel.size.width == 0 and app.article.has_focus


async def test_help_screen_opens_with_keys_and_closes():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ("question_mark", "f1"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            keys = app.screen.query_one("#help-keys")
            shown = "\n".join(s.text for s in keys.render_lines(keys.region.reset_offset))
            for phrase in ("Next highlight", "Search", "Quotes", "Quit", "Next mention"):
                assert phrase in shown
            await pilot.press("1")                  # the reader's keys are inert here
            assert "quotes" in app.enabled
            await pilot.press("escape")
            assert not isinstance(app.screen, HelpScreen)


async def test_every_binding_has_an_id_and_a_description():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bindings = app.help_bindings()
        assert len(bindings) >= 15
        for b in bindings:
            assert isinstance(b, Binding)
            assert b.id and b.description, b
        ids = [b.id for b in bindings]
        assert len(ids) == len(set(ids))
        keys = {k for b in bindings for k in b.key.split(",")}
        for key in ("j", "k", "down", "up", "space", "b", "pagedown", "pageup", "g", "G",
                    "home", "end", "slash", "n", "N", "right_square_bracket",
                    "left_square_bracket", "1", "2", "3", "4", "a", "tab", "enter", "q",
                    "question_mark", "f1", "e", "ctrl+s", "s"):
            assert key in keys, key


async def test_command_palette_offers_toggles_jumps_and_help():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        provider = SlantCommands(app.screen)
        found = {}
        async for hit in provider.search("toggle quotes"):
            found[hit.text] = hit
        assert "Toggle quotes highlights" in found
        found["Toggle quotes highlights"].command()
        assert "quotes" not in app.enabled
        jumps = [hit async for hit in provider.search("jump reyes")]
        assert jumps and jumps[0].text == "Jump to Tomas Reyes"
        jumps[0].command()
        await pilot.pause()
        assert app.article.target.start == offset("Tomas Reyes")
        discovered = [hit.text async for hit in provider.discover()]
        assert "Open help: all keys" in discovered
        # and through the real palette
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"open help")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_click_on_a_word_selects_its_highlight():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.article
        line = view.layout.line_at(offset("reckless"))
        x = view._left + 2 + offset("reckless") - view.layout.starts[line] + 2
        await pilot.click(ArticleView, offset=(x, line - int(view.scroll_y)))
        assert TEXT[view.target.start:view.target.end] == "reckless"


async def test_q_quits_with_code_zero():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
    assert app.return_code == 0


async def test_a_hundred_thousand_word_article_opens_and_moves():
    import random
    import re

    from analyzers.model import Analysis, Figure, OpinionSpan, Source
    from analyzers.text import paragraphs

    rng = random.Random(5)
    vocab = ["the", "council", "approved", "a", "plan", "to", "rebuild", "bridge",
             "minister", "said", "billion", "percent", "unprecedented", "and"]
    paras, n = [], 0
    while n < 100_000:
        k = rng.randint(40, 160)
        paras.append(" ".join(rng.choice(vocab) for _ in range(k)))
        n += k
    text = "\n\n".join(paras)
    figures = [Figure(m.start(), m.end(), m.group(), "count")
               for m in re.finditer("billion", text)]
    opinion = [OpinionSpan(m.start(), m.end(), m.group(), "loaded", "A loaded word.")
               for m in re.finditer("unprecedented", text)]
    a = Analysis(text=text, source=Source("long.txt", None), paragraphs=paragraphs(text),
                 figures=figures, opinion=opinion)
    app = SlantApp("long.txt", analysis=a)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.article
        assert len(view.layout) > 5_000
        await pilot.press("G")
        assert view.cursor_line == len(view.layout) - 1
        assert screen_lines(view)[-1].strip()          # the last line is drawn
        await pilot.press("g")
        starts = sorted(s.start for s in figures + opinion)
        assert view.target.start == starts[0]     # g: the first highlight on the top line
        await pilot.press("right_square_bracket")
        assert view.target.start == starts[1]
        await pilot.press("slash", *"bridge", "enter")
        await pilot.pause(0.3)
        assert len(view.matches) == len(re.findall("bridge", text))
        assert view.target.kind == "match"
        top = view.top_offset
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        assert view.top_offset == top


async def test_url_is_fetched_in_a_worker(monkeypatch):
    import tui.loading as loading_module
    from analyzers.sources import Document
    from reader_fixtures import TEXT

    seen = []

    def fake_load(target, *, stdin_bytes=None):
        seen.append(target)
        return Document(text=TEXT, title="Harbour council backs bridge loan", path=target,
                        notes=["the page had no article markup"])

    monkeypatch.setattr(loading_module, "load_document", fake_load)
    app = SlantApp("https://news.example/bridge", analysis=None, model="none")
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.document is not None:
                break
        assert seen == ["https://news.example/bridge"]
        assert "https://news.example/bridge" in str(app.query_one("#source").render())
        assert "Harbour council" in app.article.line_text(0)
        assert any("no article markup" in n.message for n in app._notifications)
        assert app.stem == "bridge"
        await wait_for_analysis(app, pilot)


async def test_stdin_text_is_read():
    app = SlantApp("-", stdin_bytes=b"Piped headline\n\nThe piped body text.\n", model="none")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "standard input" in str(app.query_one("#source").render())
        assert app.article.line_text(2) == "The piped body text."
        await wait_for_analysis(app, pilot)


async def test_after_scrolling_away_next_highlight_starts_from_the_screen():
    from analyzers.model import Analysis, Figure, Source
    from analyzers.text import paragraphs

    text = "\n\n".join(f"Paragraph {i} costs {i} crowns. " + " ".join(["filler"] * 50)
                       for i in range(80))
    figures = []
    for i in range(80):
        s = text.index(f" {i} crowns") + 1
        figures.append(Figure(s, s + len(f"{i} crowns"), f"{i} crowns", "money"))
    a = Analysis(text=text, source=Source("long.txt", None), paragraphs=paragraphs(text),
                 figures=figures)
    app = SlantApp("long.txt", analysis=a)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.article
        await pilot.press("right_square_bracket")
        assert view.target.start == figures[0].start
        view.scroll_to(y=view.layout.line_at(figures[40].start), animate=False)  # a mouse
        await pilot.pause()
        await pilot.press("right_square_bracket")
        assert view.target.start == figures[40].start
        await pilot.press("right_square_bracket")
        assert view.target.start == figures[41].start


async def test_theme_change_restyles_the_article():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dark = segment_at(app.article, offset('"We cannot') + 3).style
        app.theme = "textual-light"
        await pilot.pause()
        light = segment_at(app.article, offset('"We cannot') + 3).style
        assert light.italic and light.color != dark.color and light.bgcolor != dark.bgcolor


async def test_no_color_reaches_the_article_and_its_scroll_bar(monkeypatch):
    # The view draws its lines itself; Textual's line filters must still apply.
    monkeypatch.setenv("NO_COLOR", "1")
    app = long_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.article
        styles = [seg.style for y in range(5) for seg in view.render_line(y)]
        colours = [c for st in styles if st for c in (st.color, st.bgcolor) if c]
        assert colours
        for colour in colours:
            r, g, b = colour.get_truecolor()
            assert r == g == b, colour


async def test_clicking_a_switch_in_the_toggle_bar_toggles_it():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = app.toggles
        start, end, category = bar._hits[2]
        await pilot.click("#toggles", offset=(start + 4, 0))
        assert category == "figures" and "figures" not in app.enabled


async def test_clicking_the_summary_tab_switches_the_panel():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tabs = app.query_one("#panel-tabs")
        start, end, tab = tabs._hits[1]
        await pilot.click("#panel-tabs", offset=(start + 2, 0))
        assert tab == "summary" and app.panel.active == "summary"


async def test_the_first_frame_is_wrapped_for_the_real_width(article_file):
    # The document is set before the first layout, when the view has no width yet.
    app = SlantApp(str(article_file), model="none")
    widths = []
    original = app._display

    def display(screen, renderable):
        original(screen, renderable)
        if renderable is not None and not widths:
            widths.append(app.article.layout.width)

    app._display = display
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert widths == [app.article.layout.width] and widths[0] > 60
        await wait_for_analysis(app, pilot)
        assert f"line 1 of {len(app.article.layout)})" in app.explain.plain
