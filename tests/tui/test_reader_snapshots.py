"""Screenshots of the reader, fixed with a hand-made analysis of a small fixed article.

Update with `pytest tests/tui --snapshot-update` after checking the new SVGs by eye."""

from __future__ import annotations

import pytest
import textual

from reader_fixtures import make_analysis
from tui.app import SlantApp

pytestmark = pytest.mark.skipif(
    textual.__version__ != "8.2.8",
    reason=f"snapshots are drawn with textual 8.2.8, this is {textual.__version__}")

SIZE = (120, 36)


def app() -> SlantApp:
    return SlantApp("bridge.txt", analysis=make_analysis())


def test_main_screen_all_categories(snap_compare):
    assert snap_compare(app(), terminal_size=SIZE)


@pytest.mark.parametrize("only,hide", [("quotes", "234"), ("officials", "134"),
                                       ("figures", "124"), ("opinion", "123")])
def test_one_category_on(snap_compare, only, hide):
    assert snap_compare(app(), press=list(hide), terminal_size=SIZE)


def test_current_quote_with_speaker_and_explanation(snap_compare):
    assert snap_compare(app(), press=["right_square_bracket"] * 3, terminal_size=SIZE)


def test_search_matches(snap_compare):
    assert snap_compare(app(), press=["slash", *"brandvik", "enter"], terminal_size=SIZE)


def test_entity_selected_in_panel(snap_compare):
    assert snap_compare(app(), press=["tab", "enter"], terminal_size=SIZE)


def test_summary_panel(snap_compare):
    assert snap_compare(app(), press=["s"], terminal_size=SIZE)


def test_help_screen(snap_compare):
    assert snap_compare(app(), press=["question_mark"], terminal_size=SIZE)


def test_light_theme(snap_compare):
    async def light(pilot):
        pilot.app.theme = "textual-light"
        await pilot.pause()

    assert snap_compare(app(), run_before=light, press=["right_square_bracket"],
                        terminal_size=SIZE)


def test_narrow_terminal(snap_compare):
    assert snap_compare(app(), terminal_size=(64, 30))


def test_error_screen(snap_compare):
    assert snap_compare(SlantApp("no-such-article.txt"), terminal_size=(90, 20))
