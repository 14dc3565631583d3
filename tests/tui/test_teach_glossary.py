"""The glossary reaches the reader: the explanation line ends with the careful reader's
question, and the help screen lists every technique."""

from __future__ import annotations

import io

from rich.console import Console
from textual.widgets import Static

from analyzers import glossary
from reader_fixtures import make_analysis
from tui.app import SlantApp
from tui.screens.help import techniques_table
from tui.widgets.highlights import build


def test_each_highlight_ends_with_its_question():
    entries = glossary.load()
    for category, index in build(make_analysis()).items():
        for h in index:
            assert h.technique in entries, h
            assert h.why.endswith(f"Ask: {entries[h.technique].ask}"), h.why


async def test_explanation_line_and_help_draw_from_the_glossary():
    app = SlantApp("bridge.txt", analysis=make_analysis())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket")
        assert app.explain.plain.rstrip().endswith("Ask: Compared with what?")   # $420 billion
        await pilot.press("question_mark")
        await pilot.pause()
        app.screen.query_one("#help-techniques", Static)
        console = Console(width=200, record=True, file=io.StringIO())
        console.print(techniques_table())
        shown = console.export_text()
        for e in glossary.load().values():
            assert e.name in shown and e.ask in shown
