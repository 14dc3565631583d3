"""Bad input shows an error screen, never a traceback; a failed analysis leaves the reader
usable, says why on the status line, logs its traceback and can be retried."""

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


def status(app: SlantApp) -> str:
    from tui.widgets.header import ArticleHeader

    return app.query_one(ArticleHeader).status


async def test_a_failed_analysis_keeps_the_text_says_why_and_r_retries(article_file,
                                                                       monkeypatch, crash_log):
    import analyzers

    real = analyzers.analyze_progressive
    calls = []

    def broken_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("the model exploded\nwith a second line")
        return real(*args, **{**kwargs, "model": "none"})

    monkeypatch.setattr(analyzers, "analyze_progressive", broken_once)
    app = SlantApp(str(article_file), isolate=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_analysis(app, pilot)
        assert not isinstance(app.screen, ErrorScreen)      # the reader stays usable
        assert "Harbour council backs bridge loan" in app.article.line_text(0)
        line = status(app)
        assert "analysis failed: RuntimeError: the model exploded" in line  # no partial result: no "at N%"
        assert "second line" not in line and "r retries" in line
        log = crash_log.read_text()
        assert "Traceback" in log and "with a second line" in log and "bridge.txt" in log
        assert app.analysis is None
        await pilot.press("right_square_bracket")   # harmless without an analysis
        assert any(b.binding.id == "analysis.retry" and b.enabled and b.binding.tooltip
                   for b in app.active_bindings.values())
        await pilot.press("r")
        await wait_for_analysis(app, pilot)
        assert app.analysis is not None and app.analysis_failed is None
        assert "failed" not in status(app)
        await pilot.press("q")
    assert len(calls) == 2


async def test_retry_is_not_offered_while_nothing_failed(article_file):
    app = SlantApp(str(article_file), model="none", isolate=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_analysis(app, pilot)
        assert not any(b.binding.id == "analysis.retry" and b.enabled
                       for b in app.active_bindings.values())
        await pilot.press("r")       # nothing happens
        await pilot.pause()
        assert app.analysis is not None and not app.analysing


async def test_missing_sample_is_an_error_not_a_crash(monkeypatch):
    import analyzers.resources as resources

    def none():
        raise IndexError("no samples")

    monkeypatch.setattr(resources, "default_sample", none)
    app = SlantApp(None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "sample" in error_text(app)


# -- an article that tries to act on the terminal -----------------------------------------
# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings, overrides and isolates.
ACTED_ON = set(map(chr, [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0),
                         *range(0x202A, 0x202F), *range(0x2066, 0x206A)]))


def hostile_analysis():
    from reader_fixtures import TEXT, make_analysis

    text = (TEXT.replace("The city council", "The city\x1b[2J council\x1b]0;owned\x07")
                .replace("Kestrel Bridge", "Kestrel \u202eBridge\u2066")
                .replace("dock jobs", "dock\x0cjobs \x9b31m\x7f"))
    a = make_analysis(text, path="evil\x1b[2J.txt")
    a.source.title = "Harbour \x1b]0;owned\x07vote"
    bank = next(e for e in a.entities if e.type == "organization")
    bank.name = "Northern\x1b[2J Development Bank"
    return a


async def test_control_and_bidi_characters_show_as_placeholders():
    from reader_fixtures import screen_lines, segment_at

    app = SlantApp("evil.txt", analysis=hostile_analysis())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = "\n".join(screen_lines(app.article))
        for piece in ("city\u241b[2J council\u241b]0;owned\u2407", "Kestrel \u21c6Bridge\u21c6",
                      "dock\u240cjobs \ufffd31m\u2421"):
            assert piece in shown
        # one code point for one: the figure is still drawn highlighted on its own characters
        figure = segment_at(app.article, app.analysis.text.index("12%"))
        assert figure.text == "12%" and figure.style.underline
        assert "Harbour \u241b]0;owned\u2407vote" in str(app.query_one("#title").render())
        tree = app.panel.query_one("Tree")
        labels = [str(node.label) for node in tree.root.children for node in node.children]
        assert any("Northern\u241b[2J Develop" in label for label in labels)
        # everything drawn, as one picture: nothing from the article can act on a terminal
        picture = app.export_screenshot()
        assert not ACTED_ON & set(picture)


async def test_an_error_naming_a_hostile_file_shows_placeholders(tmp_path: Path):
    app = SlantApp(str(tmp_path / "no\x1b]0;owned\x07\u202e.txt"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = error_text(app)
        assert "no\u241b]0;owned\u2407\u21c6.txt" in text and not ACTED_ON & set(text)
        await pilot.press("q")
