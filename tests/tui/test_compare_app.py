"""`slant compare` driven headless: two panes (side by side, stacked when narrow), toggles on
both, the shared cursor, switching panes, jumping from a comparison row to both places,
and the unrelated pair.  The bundled pair is analysed in this process, rule-only."""

from __future__ import annotations

from textual.binding import Binding

from analyzers.resources import compare_samples, samples
from analyzers.sources import load_document
from reader_fixtures import wait_for_analysis
from tui.compare_app import CompareApp
from tui.screens.help import HelpScreen
from tui.widgets.compare_panel import CompareTree

WIDE, NARROW = (160, 45), (100, 40)


def app_for(paths=None) -> CompareApp:
    a, b = (load_document(str(p)) for p in (paths or compare_samples()))
    return CompareApp(a, b, model="none", isolate=False)


async def ready(app, pilot) -> None:
    await wait_for_analysis(app, pilot)
    assert app.comparison is not None, app.failed


def row_node(app, section: str, text: str):
    tree = app.query_one(CompareTree)
    for node in tree.root.children:
        if str(node.label).startswith(section):
            for leaf in node.children:
                if text in str(leaf.label):
                    return leaf
    raise AssertionError(f"no row {text!r} in {section}")


async def test_two_panes_side_by_side_when_wide_and_stacked_when_narrow():
    app = app_for()
    async with app.run_test(size=WIDE) as pilot:
        await ready(app, pilot)
        a, b = app.query_one("#pane-a").region, app.query_one("#pane-b").region
        assert a.y == b.y and b.x >= a.right - 1
        assert app.query_one("#cmp-panel").region.x >= b.right - 1
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        a, b = app.query_one("#pane-a").region, app.query_one("#pane-b").region
        assert a.x == b.x and b.y >= a.bottom
        assert app.query_one("#cmp-panel").display


async def test_toggles_apply_to_both_panes():
    app = app_for()
    async with app.run_test(size=WIDE) as pilot:
        await ready(app, pilot)
        await pilot.press("4")
        assert "opinion" not in app.view("a").enabled and "opinion" not in app.view("b").enabled
        await pilot.press("w", "4")
        assert "opinion" in app.view("a").enabled and "opinion" in app.view("b").enabled


async def test_w_switches_the_active_pane():
    app = app_for()
    async with app.run_test(size=WIDE) as pilot:
        await ready(app, pilot)
        assert app.active == "a" and app.view("a").has_focus
        await pilot.press("w")
        assert app.active == "b" and app.view("b").has_focus
        assert app.query_one("#pane-b").has_class("-active")
        await pilot.press("w")
        assert app.active == "a"


async def test_the_other_pane_follows_the_cursor_to_the_matching_paragraph():
    app = app_for()
    async with app.run_test(size=WIDE) as pilot:
        await ready(app, pilot)
        a, b = app.view("a"), app.view("b")
        rusk_a = a.text.index("Police Commissioner Halvard Rusk said")
        line = a.layout.line_at(rusk_a)
        while a.cursor_line < line:
            await pilot.press("j")
        assert a.cursor_offset == a.layout.starts[line]
        para_b = b.text.index("Even Police Commissioner")
        end_b = b.text.index("knows better.") + len("knows better.")
        assert para_b <= b.cursor_offset < end_b
        # and back: moving in B brings A along
        await pilot.press("w")
        damage_b = b.text.index("The thugs who rampaged")
        while b.cursor_line < b.layout.line_at(damage_b):
            await pilot.press("j")
        assert a.text[a.cursor_offset:].startswith("Twelve people were arrested")


async def test_p_goes_to_the_next_shared_paragraph_in_both():
    app = app_for()
    async with app.run_test(size=WIDE) as pilot:
        await ready(app, pilot)
        await pilot.press("p")
        a, b = app.view("a"), app.view("b")
        assert a.text[a.cursor_offset:].startswith("Police said about 300")
        assert b.text[b.cursor_offset:].startswith("At least 2,000 rioters")
        await pilot.press("p")
        assert a.text[a.cursor_offset:].startswith("Police Commissioner Halvard Rusk")
        await pilot.press("P")
        assert a.text[a.cursor_offset:].startswith("Police said about 300")


async def test_enter_on_a_row_jumps_to_both_places():
    app = app_for()
    async with app.run_test(size=WIDE) as pilot:
        await ready(app, pilot)
        await pilot.press("tab")
        tree = app.query_one(CompareTree)
        assert tree.has_focus
        tree.move_cursor(row_node(app, "Figures", "300 ↔ 2,000"))
        await pilot.press("enter")
        a, b = app.view("a"), app.view("b")
        assert a.text[a.target.start:a.target.end] == "300"
        assert b.text[b.target.start:b.target.end] == "2,000"
        assert a.target.kind == b.target.kind == "mention"
        tree.move_cursor(row_node(app, "Shared quotes", "Kello≠Berrin"))
        await pilot.press("enter")
        assert a.text[a.target.start:].startswith("“We came to be heard")
        assert b.text[b.target.start:].startswith('"We came to be heard')
        # a row about one article only leaves the other without marks
        tree.move_cursor(row_node(app, "Who is quoted", "Lise Farr"))
        await pilot.press("enter")
        assert a.text[a.target.start:].startswith("“I understand why")
        assert not b.mentions
        await pilot.press("tab")
        assert app.article.has_focus


async def test_unrelated_articles_say_no_shared_story():
    app = app_for(samples()[:2])
    async with app.run_test(size=WIDE) as pilot:
        await ready(app, pilot)
        assert not app.comparison["story"]["shared"]
        tree = app.query_one(CompareTree)
        story = tree.root.children[0].children[0]
        assert "no shared story found" in str(story.label)
        assert [str(n.label) for n in tree.root.children] == ["Story", "Scorecard"]
        assert "no shared story" in app.query_one("#status").text


async def test_every_binding_has_an_id_and_a_tooltip_and_help_lists_the_compare_keys():
    app = app_for()
    async with app.run_test(size=WIDE) as pilot:
        await ready(app, pilot)
        bindings = app.help_bindings()
        assert all(isinstance(b, Binding) and b.id and b.tooltip for b in bindings)
        ids = {b.id for b in bindings}
        assert {"compare.pane", "compare.next-match", "compare.previous-match",
                "compare.jump"} <= ids
        assert "panel.summary" not in ids
        export = next(b for b in bindings if b.id == "app.export")
        assert "slant-compare.html" in export.tooltip
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)


async def test_export_writes_the_comparison_report(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = app_for()
    async with app.run_test(size=WIDE) as pilot:
        await ready(app, pilot)
        await pilot.press("e")
        await pilot.pause()
    (report,) = tmp_path.glob("*-slant-compare.html")
    assert "Shared quotes" in report.read_text(encoding="utf-8")


async def test_the_compare_keys_can_be_remapped(no_user_config):
    no_user_config.write_text('[keys]\nswitch_pane = "o"\n')
    app = app_for()
    async with app.run_test(size=WIDE) as pilot:
        await ready(app, pilot)
        await pilot.press("o")
        assert app.active == "b"
        await pilot.press("w")
        assert app.active == "b"   # w no longer switches


async def test_shared_paragraphs_are_marked_in_the_gutter():
    app = app_for()
    async with app.run_test(size=WIDE) as pilot:
        await ready(app, pilot)
        a = app.view("a")
        shared = a.layout.line_at(a.text.index("Twelve people were arrested"))
        alone = a.layout.line_at(a.text.index("LINDMARK, May 9"))
        row = lambda line: a.render_line(line - int(a.scroll_y)).text   # noqa: E731
        assert "│ Twelve people" in row(shared)
        assert "│" not in row(alone)
