"""The real analysis worker: text first, highlights when the worker is done."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tui.app import AnalysisReady, SlantApp

ROOT = Path(__file__).resolve().parents[2]


def test_importing_the_reader_does_not_load_spacy_or_the_analyzers():
    code = ("import sys, tui.app, tui.commands; "
            "bad = [m for m in sys.modules if m == 'spacy' or m.startswith('spacy.') "
            "or m in ('analyzers.run', 'analyzers.pipeline', 'analyzers.quotes', "
            "'analyzers.entities', 'analyzers.figures', 'analyzers.opinion')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


async def test_text_shows_before_the_analysis_and_highlights_after(article_file):
    app = SlantApp(str(article_file), model="none")
    async with app.run_test(size=(120, 40)) as pilot:
        # the text is there from the first frame, whatever the worker is doing
        assert "Harbour council backs bridge loan" in app.article.line_text(0)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.analysis is not None and not app.analysing
        assert app.analysis.text == article_file.read_text()
        assert app.toggles.counts is not None
        assert "–" not in app.toggles.render().plain
        assert app.analysis.model.mode == "rules-only"


async def test_sample_article_opens_by_default():
    app = SlantApp(None, model="none")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        source = str(app.query_one("#source").render())
        assert source.startswith("sample · ")
        assert len(app.article.layout) > 10
        await app.workers.wait_for_complete()


async def test_a_later_analysis_replaces_the_current_one(analysis):
    app = SlantApp("bridge.txt", analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        partial = type(analysis)(text=analysis.text, source=analysis.source,
                                 paragraphs=analysis.paragraphs, quotes=analysis.quotes[:1])
        app.post_message(AnalysisReady(partial, final=False))
        await pilot.pause()
        assert app.article.counts()["quotes"] == 1 and app.analysing
        assert "Figures 0" in app.toggles.render().plain
        app.post_message(AnalysisReady(analysis))
        await pilot.pause()
        assert app.article.counts() == {"quotes": 2, "officials": 2, "figures": 3,
                                        "opinion": 3}
        assert not app.analysing


async def test_the_reader_answers_keys_while_the_analysis_runs(article_file, monkeypatch,
                                                              analysis):
    import threading

    import analyzers

    release = threading.Event()

    def slow(text, **kw):
        release.wait(10)
        return analysis

    monkeypatch.setattr(analyzers, "analyze", slow)
    app = SlantApp(str(article_file))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.analysing and app.analysis is None
        assert "analysing" in str(app.query_one("#status").render())
        assert "Analysing the article" in app.explain.plain
        await pilot.press("j", "j")
        assert app.article.cursor_line == 3
        await pilot.press("e", "right_square_bracket")
        await pilot.pause()
        notes = [n.message for n in app._notifications]
        assert any("still running" in m for m in notes)
        assert any("Still analysing" in m for m in notes)
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.analysis is analysis
        assert "✓ analysed" in str(app.query_one("#status").render())
        assert app.article.counts()["figures"] == 3


async def test_quitting_does_not_wait_for_the_analysis(article_file, monkeypatch):
    import threading
    import time

    import analyzers

    never = threading.Event()
    monkeypatch.setattr(analyzers, "analyze", lambda text, **kw: never.wait(30))
    app = SlantApp(str(article_file))
    started = time.monotonic()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("q")
    assert time.monotonic() - started < 10
    never.set()
