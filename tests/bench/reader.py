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
- toggle / page down: after the final analysis, the CPU time of the process from the app
  taking the key event to the end of the frame it causes: key dispatch, action, messages,
  compositor, escape sequences; median of 15 presses 0.2 s apart, a fast reader's pace.
  For reference: a page down in a minimal Textual app paging the same text as plain lines
  (Textual's own floor, measured the same way), and, as "action + visible lines", the wall
  time of calling the action and rendering every visible line of the article view directly.
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
PACE = 0.2     # seconds between key presses: a fast reader's pace


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
        from tui.cli.read import prepare_reader

        prepare_reader(None)      # as `slant` does, before Textual is imported
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


class FrameClock:
    """Process times: when the app took the last key event, and when it last finished
    a frame for the terminal."""

    def __init__(self, app) -> None:
        self.key: float | None = None
        self.frame: float | None = None
        on_event = app.on_event

        async def watch(event) -> None:
            if (self.key is None and type(event).__name__ == "Key"
                    and not event.is_forwarded):
                self.key = time.process_time()
            await on_event(event)

        app.on_event = watch

    def __call__(self, update) -> None:
        if self.key is not None:
            self.frame = time.process_time()


async def _key_cost(pilot, key: str, clock: FrameClock) -> float:
    """CPU seconds from the app taking `key` to the end of the frame it causes: key
    dispatch, action, messages, compositor, escape sequences; the test pilot's own work
    of sending the key is left out.  A pause first, at a reader's pace, so that what the
    reader does while idle is done."""
    await pilot.pause(PACE)
    clock.key = clock.frame = None
    await pilot.press(key)
    if clock.frame is None:       # no frame yet: draw it now
        pilot.app.screen._on_timer_update()
    if clock.key is None or clock.frame is None:
        raise SystemExit(f"pressing {key!r} drew no frame")
    return clock.frame - clock.key


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

    from tui.cli.read import prepare_reader

    prepare_reader(None)      # as `slant` does, before Textual is imported
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

    clock = FrameClock(app)

    def on_any_frame(update) -> None:
        on_frame(update)
        clock(update)

    _watch_frames(app, on_any_frame)

    async def drive() -> None:
        async with app.run_test(size=SIZE) as pilot:
            while app.analysis is None or app.analysing:
                await asyncio.sleep(0.1)
                if time.time() - launched > 1800:
                    raise SystemExit("the analysis did not finish in 30 minutes")
            got["final"] = time.time() - launched
            await pilot.pause(0.5)
            for key in ("space", "4", "4", "b"):    # warm Textual's caches
                await _key_cost(pilot, key, clock)
            toggle, page = [], []
            for i in range(PRESSES):
                toggle.append(await _key_cost(pilot, "4", clock))    # opinion off, then on
                page.append(await _key_cost(pilot, "space", clock))
            got["toggle"] = statistics.median(toggle)
            got["page"] = statistics.median(page)
            got["toggle_worst"] = max(toggle)
            got["page_worst"] = max(page)
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


def child_floor(path: str) -> None:
    """Page down in a minimal app: a ScrollView drawing the same text as plain lines."""
    import textwrap

    from rich.segment import Segment
    from textual.app import App
    from textual.geometry import Size
    from textual.scroll_view import ScrollView
    from textual.strip import Strip

    from analyzers.text import paragraphs

    text = Path(path).read_text(encoding="utf-8")
    lines: list[str] = []
    for s, e in paragraphs(text):
        lines += textwrap.wrap(text[s:e], 84) + [""]

    class Plain(ScrollView, can_focus=True):
        BINDINGS = [("space", "page", "")]

        def on_mount(self) -> None:
            self.virtual_size = Size(86, len(lines))

        def render_line(self, y: int) -> Strip:
            i = int(self.scroll_y) + y
            return Strip([Segment(lines[i] if i < len(lines) else "")])

        def action_page(self) -> None:
            self.scroll_to(y=self.scroll_y + self.size.height - 2, animate=False)

    class Floor(App):
        CSS = "Plain { width: 88; }"

        def compose(self):
            yield Plain()

    app = Floor()
    clock = FrameClock(app)
    _watch_frames(app, clock)

    async def drive() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.3)
            for _ in range(4):
                await _key_cost(pilot, "space", clock)
            page = [await _key_cost(pilot, "space", clock) for _ in range(PRESSES)]
            print(statistics.median(page))

    asyncio.run(drive())


def child_main(argv: list[str]) -> None:
    mode, *rest = argv
    if mode == "frame":
        child_frame(rest[0], float(rest[1]), rest[2])
    elif mode == "long":
        child_long(float(rest[0]), rest[1])
    elif mode == "floor":
        child_floor(rest[0])
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
    if mode == "floor":
        return python(_CHILD, "floor", *args)
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
                   "Static in a VerticalScroll", "<= 1.2x")]

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(long_document(), encoding="utf-8")
        long_runs = [json.loads(_launch("long", str(path))) for _ in range(runs)]
        floor = statistics.median(float(_launch("floor", str(path))) for _ in range(runs))
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
               floor * 1000, "a minimal Textual ScrollView paging plain lines",
               target="<= 10 ms"),
        Result("reader, 100k words: slowest toggle / page down of the presses (CPU)",
               max(med("toggle_worst"), med("page_worst")) * 1000, "ms"),
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
