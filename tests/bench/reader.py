"""The reader's benchmarks (`python3 tests/bench/run.py --only reader`).

Every figure comes from fresh subprocesses, interpreter start included: the parent notes
`time.time()` just before it starts a child, and the child reports how long after that it saw
what is measured.  The child runs the app headless at 120x40 and watches each frame the
compositor hands to the terminal driver (`App._display`), also turning it into the escape
sequences a terminal would be sent, so a frame costs what it costs on a real terminal minus
the write itself.

What each row measures:
- first frame: launch -> the first frame whose lines show the sample's first body words.
  Baseline: a minimal Textual app with the same text in a `Static` in a `VerticalScroll`.
- 100k words, text visible: launch -> the first frame showing the document's first body words.
- 100k words, highlights on the first screen: launch -> the first frame drawn after an
  analysis (partial or final) with highlights on the lines on screen; real spaCy pipeline.
  These are the worker's rule-only first pass; "the model's highlights" is the same for
  the first analysis by the statistical model.
- toggle / page down: after the final analysis, the CPU time of the process from a key press
  to the end of the frame it causes (key dispatch, action, messages, compositor, escape
  sequences), minus the same for a key bound to nothing; median of 15 presses.  Also, as
  "action + visible lines", the wall time of calling the action and rendering every visible
  line of the article view directly.
- peak memory: the peak RSS (ru_maxrss) of the reader's process once the analysis is
  complete and the keys were pressed, and of its analysis process (which holds spaCy and
  exits when done); their sum bounds the pair's peak from above.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

SIZE = (120, 40)
PRESSES = 15


# -- in the child process ---------------------------------------------------------------------
def _marker(text: str) -> str:
    """A few words from the start of the first body paragraph: short enough not to wrap."""
    from analyzers.text import paragraphs

    paras = paragraphs(text)
    s, e = paras[1] if len(paras) > 1 else paras[0]
    words = text[s:e].split()[:3]
    return " ".join(words)


def _lines(update) -> list[str]:
    strips = getattr(update, "strips", None)
    if strips is None:
        return []
    return ["".join(strip.text for strip in line) for line in strips]


def _watch_frames(app, on_frame) -> None:
    """Call `on_frame(update)` after each frame the app sends to its (headless) driver."""
    original = app._display

    def display(screen, renderable):
        original(screen, renderable)
        if renderable is not None:
            renderable.render_segments(app.console)   # what a terminal would be sent
            on_frame(renderable)

    app._display = display


def child_frame(which: str, launched: float, path: str) -> None:
    """Print seconds from launch to the first frame showing `path`'s text."""
    text = Path(path).read_text(encoding="utf-8")
    marker = _marker(text)
    if which == "baseline":
        from textual.app import App
        from textual.containers import VerticalScroll
        from textual.widgets import Static

        class Baseline(App):
            def compose(self):
                with VerticalScroll():
                    yield Static(text, markup=False)

        app = Baseline()
    else:
        from tui.analysis_worker import prestart

        prestart()        # as `slant` does: before Textual is imported
        from tui.app import SlantApp

        app = SlantApp(path)
    seen: list[float] = []

    def on_frame(update) -> None:
        if not seen and any(marker in line for line in _lines(update)):
            seen.append(time.time() - launched)
            app.exit()

    _watch_frames(app, on_frame)
    app.run(headless=True, size=SIZE)
    if not seen:
        raise SystemExit("the text never appeared")
    print(seen[0])


def _visible_highlights(app) -> bool:
    view = app.article
    layout = view.layout
    if app.analysis is None or not len(layout):
        return False
    top = int(view.scroll_y)
    bottom = min(len(layout), top + view.scrollable_content_region.height) - 1
    s, e = layout.starts[top], layout.ends[bottom]
    return any(view.highlights(c).overlapping(s, e) for c in view.enabled)


async def _key_cost(pilot, key: str) -> float:
    """CPU seconds from pressing `key` to the end of the frame it causes."""
    t0 = time.process_time()
    await pilot.press(key)
    pilot.app.screen._on_timer_update()
    return time.process_time() - t0


def _direct(view, action) -> float:
    """Wall seconds for `action()` plus rendering every visible line of the article."""
    t0 = time.perf_counter()
    action()
    for y in range(view.scrollable_content_region.height):
        view.render_line(y)
    return time.perf_counter() - t0


def child_long(launched: float, path: str) -> None:
    """Open `path` (a long document) with the real pipeline; print the measurements."""
    import resource

    from tui.analysis_worker import prestart

    prestart()            # as `slant` does: before Textual is imported
    from tui.app import SlantApp

    text = Path(path).read_text(encoding="utf-8")
    marker = _marker(text)
    app = SlantApp(path)
    got: dict[str, float] = {}

    def on_frame(update) -> None:
        now = time.time() - launched
        if "visible" not in got and any(marker in line for line in _lines(update)):
            got["visible"] = now
        if "visible" in got and "highlights" not in got and _visible_highlights(app):
            got["highlights"] = now
            got["highlights_analysed"] = float(
                (app.analysis.stats or {}).get("analysed_chars", len(text)))
        if ("visible" in got and "model_highlights" not in got
                and app.analysis is not None and app.analysis.model.mode == "full"
                and _visible_highlights(app)):
            got["model_highlights"] = now

    _watch_frames(app, on_frame)

    async def drive() -> None:
        async with app.run_test(size=SIZE) as pilot:
            while app.analysis is None or app.analysing:
                await asyncio.sleep(0.1)
                if time.time() - launched > 1800:
                    raise SystemExit("the analysis did not finish in 30 minutes")
            got["final"] = time.time() - launched
            await pilot.pause(0.5)
            for key in ("space", "4", "4", "b"):    # warm Textual's caches
                await _key_cost(pilot, key)
            noop, toggle, page = [], [], []
            for i in range(PRESSES):
                noop.append(await _key_cost(pilot, "f12"))       # bound to nothing
                toggle.append(await _key_cost(pilot, "4"))       # opinion off, then on
                page.append(await _key_cost(pilot, "space"))
            base = statistics.median(noop)
            got["toggle"] = max(0.0, statistics.median(toggle) - base)
            got["page"] = max(0.0, statistics.median(page) - base)
            got["noop"] = base
            view = app.article
            got["toggle_direct"] = statistics.median(
                _direct(view, lambda: app.action_toggle("opinion")) for _ in range(PRESSES))
            got["page_direct"] = statistics.median(
                _direct(view, view.action_page_down) for _ in range(PRESSES))
            got["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            # the analysis process, reaped once it sent its last result
            got["analysis_peak_mb"] = (
                resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
            await pilot.press("q")

    asyncio.run(drive())
    print(json.dumps(got))


def child_main(argv: list[str]) -> None:
    mode, *rest = argv
    if mode == "frame":
        child_frame(rest[0], float(rest[1]), rest[2])
    elif mode == "long":
        child_long(float(rest[0]), rest[1])
    else:
        raise SystemExit(f"unknown mode {mode!r}")


# -- in the benchmark runner ------------------------------------------------------------------
_CHILD = "import sys; from tests.bench.reader import child_main; child_main(sys.argv[1:])"


def _launch(mode: str, *args: str) -> str:
    """Run a child; its launch time is taken just before it starts."""
    from tests.bench.run import python

    launched = time.time()
    if mode == "frame":
        which, path = args
        return python(_CHILD, "frame", which, repr(launched), path)
    return python(_CHILD, "long", repr(launched), *args)


def bench_reader(args) -> list:
    import tempfile

    from analyzers.resources import default_sample
    from tests.bench.corpus import long_document
    from tests.bench.run import Result

    runs = max(1, args.runs)
    sample = str(default_sample())
    ours, base = [], []
    _launch("frame", "slant", sample)     # warm the file system cache for both
    _launch("frame", "baseline", sample)
    for _ in range(runs):                 # interleaved, so drift hits both alike
        ours.append(float(_launch("frame", "slant", sample)))
        base.append(float(_launch("frame", "baseline", sample)))
    print(f"  first frame, slant: {fmt(ours)}; baseline: {fmt(base)}", file=sys.stderr)
    rows = [Result("reader: start to first frame of the sample (headless)",
                   statistics.median(ours), "s", statistics.median(base),
                   "Static in a VerticalScroll", "<= 1.3x")]

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(long_document(), encoding="utf-8")
        long_runs = [json.loads(_launch("long", str(path))) for _ in range(runs)]
    for r in long_runs:
        print("  100k words:", ", ".join(f"{k}={v:.4g}" for k, v in r.items()),
              file=sys.stderr)

    def med(key: str) -> float:
        return statistics.median(r[key] for r in long_runs)

    rows += [
        Result("reader, 100k words: text visible", med("visible"), "s", target="<= 1.0 s"),
        Result("reader, 100k words: highlights on the first screen", med("highlights"), "s",
               target="<= 2.5 s"),
        Result("reader, 100k words: the model's highlights on the first screen (for "
               "reference)", med("model_highlights"), "s"),
        Result("reader, 100k words: analysis complete (for reference)", med("final"), "s"),
        Result("reader, 100k words: toggle a category, key to frame (CPU)",
               med("toggle") * 1000, "ms", target="<= 50 ms"),
        Result("reader, 100k words: page down, key to frame (CPU)", med("page") * 1000, "ms",
               target="<= 10 ms"),
        Result("reader, 100k words: toggle, action + visible lines", med("toggle_direct") * 1000,
               "ms", target="<= 50 ms"),
        Result("reader, 100k words: page down, action + visible lines",
               med("page_direct") * 1000, "ms", target="<= 10 ms"),
        Result("reader, 100k words: peak memory, reader process", med("peak_mb"), "MB"),
        Result("reader, 100k words: peak memory, analysis process", med("analysis_peak_mb"),
               "MB"),
        Result("reader, 100k words: peak memory, both (sum of peaks)",
               med("peak_mb") + med("analysis_peak_mb"), "MB", target="<= 600 MB"),
    ]
    return rows


def fmt(values: list[float]) -> str:
    return " ".join(f"{v:.3f}" for v in values)


ROWS = {"reader": bench_reader}


if __name__ == "__main__":
    child_main(sys.argv[1:])
