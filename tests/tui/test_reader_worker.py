"""The real analysis worker: text first, highlights as the analysis goes, never blocking."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from reader_fixtures import TEXT, find, wait_for_analysis
from tui.app import SlantApp
from tui.messages import AnalysisReady

ROOT = Path(__file__).resolve().parents[2]
SPACY_OR_ANALYZERS = ("[m for m in sys.modules if m == 'spacy' or m.startswith('spacy.') "
                      "or m in ('analyzers.run', 'analyzers.pipeline', 'analyzers.quotes', "
                      "'analyzers.entities', 'analyzers.figures', 'analyzers.opinion')]")


def test_importing_the_reader_does_not_load_spacy_or_the_analyzers():
    code = ("import sys, tui, tui.app, tui.commands, tui.cli, tui.cli.read, tui.cli.errors; "
            f"bad = {SPACY_OR_ANALYZERS}; print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("args", [["--help"], ["analyze", "--help"], ["eval", "--help"]])
def test_help_does_not_load_spacy(args):
    code = ("import sys, runpy\n"
            "sys.argv = ['slant', *sys.argv[1:]]\n"
            "try:\n"
            "    runpy.run_module('tui', run_name='__main__')\n"
            "except SystemExit:\n"
            "    pass\n"
            f"bad = {SPACY_OR_ANALYZERS}\n"
            "print('loaded:', bad, file=sys.stderr); sys.exit(1 if bad else 0)\n")
    result = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "usage:" in result.stdout


def test_the_first_frame_does_not_load_spacy():
    # The analysis starts once the text is on screen; the first frame needs no spaCy.
    code = f"""
import sys
from tui.app import SlantApp
app = SlantApp(None)
original = app._display
seen = []
def display(screen, renderable):
    original(screen, renderable)
    if renderable is not None and not seen:
        seen.append({SPACY_OR_ANALYZERS})
        app.exit()
app._display = display
app.run(headless=True, size=(120, 40))
print(seen)
sys.exit(0 if seen == [[]] else 1)
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


async def test_text_shows_before_the_analysis_and_highlights_after(article_file):
    app = SlantApp(str(article_file), model="none")
    async with app.run_test(size=(120, 40)) as pilot:
        # the text is there from the first frame, whatever the worker is doing
        assert "Harbour council backs bridge loan" in app.article.line_text(0)
        await wait_for_analysis(app, pilot)
        assert app.analysis is not None and not app.analysing
        assert app.analysis.text == article_file.read_text()
        assert app.toggles.counts is not None
        assert "–" not in app.toggles.render().plain
        assert app.analysis.model.mode == "rules-only"
        child = app.analysis_results.process      # it ran in a child process, which ends
        assert child is not None and child.wait(timeout=10) == 0


async def test_sample_article_opens_by_default():
    app = SlantApp(None, model="none")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        source = str(app.query_one("#source").render())
        assert source.startswith("sample · ")
        assert len(app.article.layout) > 10
        await wait_for_analysis(app, pilot)


def partial_of(analysis, upto: int):
    """`analysis` cut to the highlights before `upto`, marked partial as the analyzers do."""
    def before(items):
        return [x for x in items if x.end <= upto]

    return replace(analysis, quotes=before(analysis.quotes), figures=before(analysis.figures),
                   opinion=before(analysis.opinion),
                   entities=[replace(e, mentions=[m for m in e.mentions if m[1] <= upto])
                             for e in analysis.entities],
                   stats=dict(analysis.stats, partial=True, analysed_chars=upto))


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


async def test_partial_results_restyle_without_moving_the_reader(analysis):
    text = analysis.text
    half = find(text, "Union leader")[0]
    app = SlantApp("bridge.txt", analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.analysing, app.analysis = True, None     # as if the worker had just started
        app.article.set_highlights({})
        await pilot.press("j", "j", "j")
        view = app.article
        layout, line, top = view.layout, view.cursor_line, view.scroll_y
        first = partial_of(analysis, half)
        app.post_message(AnalysisReady.prepared(first))
        await pilot.pause()
        assert view.layout is layout                      # not re-wrapped
        assert (view.cursor_line, view.scroll_y) == (line, top)
        assert app.analysing and app.analysis is first
        status = str(app.query_one("#status").render())
        assert f"analysing… {half / len(text):.0%}" in status
        assert view.counts()["figures"] == 1              # only "$420 billion" so far
        assert "Figures 1+" in app.toggles.render().plain  # "+": more to come
        # the cursor line's quote is the target, and stays the target when more arrives
        assert view.target is not None and view.target.highlight.category == "quotes"
        target = view.target
        app.post_message(AnalysisReady.prepared(analysis))
        await pilot.pause()
        assert view.layout is layout and view.cursor_line == line
        assert not app.analysing
        assert (view.target.start, view.target.end) == (target.start, target.end)
        assert view.counts()["figures"] == 3
        assert "✓ analysed" in str(app.query_one("#status").render())


async def test_explanation_says_where_the_analysis_has_not_reached(analysis):
    text = analysis.text
    app = SlantApp("bridge.txt", analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.analysing = True
        app.post_message(AnalysisReady.prepared(partial_of(analysis, 40)))
        await pilot.pause()
        await pilot.press("G")      # the last line: not analysed yet
        assert "Analysing the article (" in app.explain.plain
        assert "reaches this part" in app.explain.plain
        await pilot.press("e")      # no export of a partial analysis
        assert any("still running" in n.message for n in app._notifications)
        from tui.widgets.panel import summary

        assert "So far: the first" in str(summary(app.analysis, 0.3).renderables[0])


async def test_worker_posts_each_partial_with_its_highlights(article_file, monkeypatch,
                                                              analysis):
    import analyzers

    text = article_file.read_text()
    half = find(text, "Union leader")[0]
    steps = [partial_of(analysis, half), analysis]
    seen: list[AnalysisReady] = []

    shown = threading.Event()

    def progressive(t, **kw):
        assert t == text and "slant_opinion" in kw["settings"]
        yield steps[0]
        shown.wait(10)       # a partial that is out of date by the time it arrives is skipped
        yield steps[1]

    class Recording(SlantApp):
        def on_analysis_ready(self, message: AnalysisReady) -> None:
            seen.append(message)
            super().on_analysis_ready(message)
            shown.set()

    monkeypatch.setattr(analyzers, "analyze_progressive", progressive)
    app = Recording(str(article_file), isolate=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(app, pilot)
        assert [m.final for m in seen] == [False, True]
        assert all(m.highlights is not None and m.panel is not None for m in seen)
        assert len(seen[0].highlights["figures"]) == 1
        assert app.analysis is analysis


def long_text(paragraphs: int) -> str:
    paragraph = ('"We will act," said Mayor Ilse Brandvik on Tuesday, calling the '
                 "bridge loan a reckless gamble. The council met and said the bridge would "
                 "cost $4 million. ") * 4
    return "\n\n".join([paragraph.strip()] * paragraphs) + "\n"


def test_the_quick_pass_puts_rule_only_highlights_first(full_pipe):
    import analyzers
    import tui.worker as worker
    from analyzers.model import Source
    from analyzers.text import chunks

    text = long_text(40)
    first = chunks(text)[0]
    steps = list(worker.analyses(text, model=None, source=Source(), settings=None,
                                 quick=True))
    modes = [(s.model.mode, s.stats.get("analysed_chars")) for s in steps]
    # the rule-only first screen, then the model's first screen, ..., then the whole
    assert modes[0] == ("rules-only", len(first))
    assert modes[1] == ("full", len(first))
    assert modes[-1] == ("full", None)
    assert steps[0].quotes and steps[0].figures and steps[0].opinion
    assert all(q.end <= len(first) for q in steps[0].quotes)
    assert all(s.text == text for s in steps)
    assert steps[-1] == analyzers.analyze(text, pipeline=full_pipe)
    # without it, or when rule-only is what was asked for, no extra pass
    plain = list(worker.analyses(text, model=None, source=Source(), settings=None))
    assert plain[0].model.mode == "full"
    rules = list(worker.analyses(text, model="none", source=Source(), settings=None,
                                 quick=True))
    assert [s.model.mode for s in rules] == ["rules-only"] * len(rules)
    assert len(rules) == len(plain)


def test_the_analysis_process_answers_a_waiting_request_with_rules_first(full_mode):
    # The reader sends the article before the child has loaded the model: the child's
    # first answer is then the rule-only first screen, its last the model's whole analysis.
    import json

    if not full_mode:
        pytest.skip("rule-only run (SLANT_MODEL=none): this test needs the spaCy pipeline")

    import tui.worker as worker
    from analyzers.text import chunks

    text = long_text(40)
    child = subprocess.Popen([*worker.child_command(), ""], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        child.stdin.write(json.dumps({"text": text, "model": None, "source": {},
                                      "settings": None}).encode() + b"\n")
        child.stdin.flush()
        answers = [m["analysis"] for m in map(json.loads, child.stdout) if "analysis" in m]
    finally:
        child.kill()
        child.wait()
    assert answers[0]["model"]["mode"] == "rules-only"
    assert answers[0]["stats"]["analysed_chars"] == len(chunks(text)[0])
    assert answers[-1]["model"]["mode"] == "full" and not answers[-1]["stats"].get("partial")


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="no process priorities here")
def test_the_analysis_process_yields_the_cores_to_the_reader():
    # Where the cores are busy, the reader's start-up and keys come before the analysis.
    import tui.worker as worker

    child = subprocess.Popen([*worker.child_command(), "none"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        mine = os.getpriority(os.PRIO_PROCESS, 0)
        deadline = time.monotonic() + 20
        while (os.getpriority(os.PRIO_PROCESS, child.pid) == mine
               and time.monotonic() < deadline and child.poll() is None):
            time.sleep(0.02)
        theirs = os.getpriority(os.PRIO_PROCESS, child.pid)
    finally:
        child.kill()
        child.wait()
    assert mine < theirs == min(19, mine + worker.NICENESS)


async def test_a_rule_only_partial_result_says_so(analysis):
    from analyzers.model import ModelInfo

    app = SlantApp("bridge.txt", analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        rough = replace(partial_of(analysis, 100),
                        model=ModelInfo(name=None, version=None, mode="rules-only"))
        app.post_message(AnalysisReady(rough, final=False))
        await pilot.pause()
        assert "rules only so far" in str(app.query_one("#status").render())
        app.post_message(AnalysisReady(analysis))
        await pilot.pause()
        assert "✓ analysed" in str(app.query_one("#status").render())


async def test_the_reader_answers_keys_while_the_analysis_runs(article_file, monkeypatch,
                                                              analysis):
    import analyzers

    release = threading.Event()

    def slow(text, **kw):
        release.wait(10)
        yield analysis

    monkeypatch.setattr(analyzers, "analyze_progressive", slow)
    app = SlantApp(str(article_file), isolate=False)
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
        await wait_for_analysis(app, pilot)
        assert app.analysis is analysis
        assert "✓ analysed" in str(app.query_one("#status").render())
        assert app.article.counts()["figures"] == 3


async def test_quitting_does_not_wait_for_the_analysis(article_file, monkeypatch):
    import time

    import analyzers

    never = threading.Event()

    def stuck(text, **kw):
        never.wait(30)
        yield from ()

    monkeypatch.setattr(analyzers, "analyze_progressive", stuck)
    app = SlantApp(str(article_file), isolate=False)
    started = time.monotonic()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        await pilot.press("q")
    assert time.monotonic() - started < 10
    never.set()


# -- the analysis process -------------------------------------------------------------------
def fake_child(monkeypatch, code: str) -> None:
    import tui.worker as worker

    monkeypatch.setattr(worker, "child_command", lambda: [sys.executable, "-c", code])


def with_analyses(body: str) -> str:
    """Code for a child that runs the real protocol with `analyses` replaced by `body`
    (a generator function's body; `text` and `kw` are its arguments)."""
    return ("import sys, time\n"
            f"sys.path.insert(0, {str(ROOT)!r})\n"
            "import tui.worker as w\n"
            "def fake(text, **kw):\n"
            + "".join(f"    {line}\n" for line in body.splitlines()) +
            "w.analyses = fake\n"
            "sys.exit(w.main())\n")


def status(app) -> str:
    from tui.widgets.header import ArticleHeader

    return app.query_one(ArticleHeader).status


async def test_an_error_in_the_analysis_process_is_shown_and_logged(article_file, monkeypatch,
                                                                     crash_log):
    fake_child(monkeypatch, with_analyses("raise ValueError('the parser gave up')\nyield"))
    app = SlantApp(str(article_file))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(app, pilot)
        assert "✗ analysis failed: ValueError: the parser gave up · r retries" == status(app)
        log = crash_log.read_text()
        assert "Traceback" in log and "in fake\nValueError: the parser gave up" in log


async def test_a_crashed_analysis_process_is_an_error_not_a_hang(article_file, monkeypatch,
                                                                 crash_log):
    fake_child(monkeypatch, "import sys; sys.stdin.readline(); "
                            "print('out of memory, probably', file=sys.stderr); sys.exit(3)")
    app = SlantApp(str(article_file))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(app, pilot)
        assert app.analysis_failed == ("analysis failed: the analysis process stopped "
                                       "(exit status 3): out of memory, probably")
        assert "exit status 3" in crash_log.read_text()


async def test_a_killed_analysis_process_leaves_the_text_and_r_retries(article_file,
                                                                       monkeypatch, crash_log):
    import os
    import signal

    fake_child(monkeypatch, "import sys, time; sys.stdin.readline(); time.sleep(60)")
    app = SlantApp(str(article_file))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(200):
            await pilot.pause(0.05)
            if app.analysis_results is not None and app.analysis_results.process:
                break
        os.kill(app.analysis_results.process.pid, signal.SIGKILL)   # as the OOM killer does
        await wait_for_analysis(app, pilot)
        assert "was killed (SIGKILL: out of memory?)" in status(app)
        assert "r retries" in status(app)
        assert "Harbour council backs bridge loan" in app.article.line_text(0)
        assert "SIGKILL" in crash_log.read_text()
        fake_child(monkeypatch, with_analyses(
            "import analyzers\nyield analyzers.analyze(text, model='none', source=kw['source'])"))
        await pilot.press("r")
        await wait_for_analysis(app, pilot)
        assert app.analysis is not None and app.analysis.text == TEXT
        assert app.analysis_failed is None and "failed" not in status(app)


async def test_progress_reaches_the_status_line(article_file, monkeypatch):
    fake_child(monkeypatch, with_analyses(
        "import analyzers\n"
        "kw['progress'](1000, 4000)\n"
        "time.sleep(0.6)\n"
        "kw['progress'](2000, 4000)\n"
        "time.sleep(3)\n"
        "yield analyzers.analyze(text, model='none', source=kw['source'])"))
    app = SlantApp(str(article_file))
    seen = []
    async with app.run_test(size=(120, 40)) as pilot:
        while app.analysing:
            await pilot.pause(0.05)
            seen.append(status(app))
        await wait_for_analysis(app, pilot)
    assert "analysing… 25% · 1,000 of 4,000 words" in seen
    assert any(s.startswith("analysing… 50% · 2,000 of 4,000 words · ") and s.endswith(" left")
               for s in seen), seen


async def test_partial_results_cross_the_process_boundary(article_file, monkeypatch):
    # The child's own print() must not break the protocol; partial results arrive first.
    fake_child(monkeypatch, with_analyses(
        "import analyzers\n"
        "from dataclasses import replace\n"
        "a = analyzers.analyze(text, model='none', source=kw['source'])\n"
        "print('a library chatting on stdout')\n"
        "yield replace(a, quotes=[], stats=dict(a.stats, partial=True, analysed_chars=9))\n"
        "time.sleep(1)   # else the partial result is out of date on arrival, and skipped\n"
        "yield a"))
    seen = []

    class Recording(SlantApp):
        def on_analysis_ready(self, message: AnalysisReady) -> None:
            seen.append(message.analysis.stats.get("analysed_chars"))
            super().on_analysis_ready(message)

    app = Recording(str(article_file))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(app, pilot)
        assert app.analysis.text == TEXT and not app.analysing
    assert seen[0] == 9 and seen[-1] is None


async def test_quitting_stops_the_analysis_process(article_file, monkeypatch):
    import time

    fake_child(monkeypatch, "import time; time.sleep(60)")
    app = SlantApp(str(article_file))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.analysis_results is not None:
                break
        child = app.analysis_results.process
        assert child.poll() is None
        started = time.monotonic()
        await pilot.press("q")
    assert time.monotonic() - started < 5
    assert child.poll() is not None


def test_the_analysis_process_exits_when_the_reader_goes_away():
    import json
    import time

    code = with_analyses("time.sleep(60)\nyield")
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    child.stdin.write(json.dumps({"text": TEXT, "model": "none", "source": {},
                                  "settings": None}).encode() + b"\n")
    child.stdin.flush()
    time.sleep(0.5)
    assert child.poll() is None
    child.stdin.close()           # what the reader's death looks like from the child
    assert child.wait(timeout=10) == 0


def test_an_out_of_date_partial_result_is_skipped(monkeypatch, analysis):
    import time

    import tui.worker as worker
    from analyzers.model import Source

    text = analysis.text
    steps = [partial_of(analysis, n) for n in (10, 100, 200)] + [analysis]
    monkeypatch.setattr(worker, "analyses", lambda t, **kw: iter(steps))
    results = worker.Results(text, model=None, source=Source(), settings=None,
                             in_process=True)
    time.sleep(0.3)                       # all four are waiting now
    kind, first = results.latest(results.get(timeout=5))
    assert kind == "analysis" and first is analysis
    assert results.get(timeout=0.1) is None


async def test_a_prestarted_analysis_process_is_used(article_file):
    import tui.worker as worker

    worker.prestart("none")
    child = worker._prestarted["none"]
    app = SlantApp(str(article_file), model="none")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(app, pilot)
        assert app.analysis_results.process is child
        assert app.analysis is not None and app.analysis.model.mode == "rules-only"
    assert child.wait(timeout=10) == 0
    assert "none" not in worker._prestarted


async def test_without_a_child_process_the_analysis_runs_in_a_thread(article_file,
                                                                     monkeypatch):
    fake_child_missing = ["/nonexistent/python-for-slant"]
    import tui.worker as worker

    monkeypatch.setattr(worker, "child_command", lambda: fake_child_missing)
    app = SlantApp(str(article_file), model="none")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(app, pilot)
        assert app.analysis_results.process is None
        assert app.analysis is not None and not app.analysing


def test_prepare_reader_starts_the_analysis_and_pauses_the_collector(monkeypatch):
    import gc

    import tui.worker as worker
    from tui.cli.read import prepare_reader

    started = []
    monkeypatch.setattr(worker, "prestart", lambda model=None: started.append(model))
    try:
        prepare_reader("none")
        assert started == ["none"] and not gc.isenabled()
    finally:
        gc.enable()


async def test_the_collector_is_back_on_after_the_first_frame(article_file):
    import gc

    gc.disable()                  # as `slant` starts the reader
    try:
        app = SlantApp(str(article_file), model="none")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(0.2)
            assert gc.isenabled() and gc.get_freeze_count() > 0
            await wait_for_analysis(app, pilot)
    finally:
        gc.enable()
        gc.unfreeze()
