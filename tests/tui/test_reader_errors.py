"""Bad input and failed analyses show an error screen, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader_fixtures import wait_for_analysis
from tui.app import SlantApp
from tui.screens.error import ErrorScreen


def error_text(app: SlantApp) -> str:
    screen = app.screen
    assert isinstance(screen, ErrorScreen)
    return str(screen.query_one("#error-message").render()) + "\n" + \
        str(screen.query_one("#error-hint").render())


@pytest.mark.parametrize("make", ["missing", "binary", "directory", "empty"])
async def test_bad_input_shows_one_line_and_q_quits_with_1(tmp_path: Path, make: str):
    target = tmp_path / "article.txt"
    if make == "binary":
        target.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00" * 20)
    elif make == "directory":
        target.mkdir()
    elif make == "empty":
        target.write_text("  \n")
    app = SlantApp(str(target))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = error_text(app)
        message = text.splitlines()[0]
        assert str(target) in message
        assert "Traceback" not in text
        assert "press q to quit" in text
        await pilot.press("escape")           # not recoverable: stays
        assert isinstance(app.screen, ErrorScreen)
        await pilot.press("q")
    assert app.return_code == 1


async def test_analysis_failure_shows_error_and_esc_keeps_reading(article_file, monkeypatch):
    import analyzers

    def broken(*args, **kwargs):
        raise RuntimeError("the model exploded\nwith a second line")

    monkeypatch.setattr(analyzers, "analyze_progressive", broken)
    app = SlantApp(str(article_file), isolate=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(app, pilot)
        text = error_text(app)
        assert "analysis failed: RuntimeError: the model exploded" in text
        assert "second line" not in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ErrorScreen)
        assert "Harbour council backs bridge loan" in app.article.line_text(0)
        assert app.analysis is None
        await pilot.press("right_square_bracket")   # harmless without an analysis
        await pilot.press("q")
    assert app.return_code == 1


async def test_missing_sample_is_an_error_not_a_crash(monkeypatch):
    import analyzers.resources as resources

    def none():
        raise IndexError("no samples")

    monkeypatch.setattr(resources, "default_sample", none)
    app = SlantApp(None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "sample" in error_text(app)
