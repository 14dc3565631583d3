"""The reader's analysis, run in a separate process.

spaCy's native code holds the GIL for long stretches: with the analysis of a 100k-word
text in a thread, the reader's event loop stalled over 50 ms about 1.5 times a second (up
to a quarter of a second); in a child process, only when a result arrives.  The child also
uses a second core, keeps spaCy's memory out of the reader, and quitting just kills it.

Protocol (JSON lines; `python -m tui.worker [MODEL]`):
- the child loads spaCy and warms up at once, while the reader is still starting (see
  `prestart`), then reads one request `{"text", "model", "source", "settings"}`; if the
  request came before the statistical model was loaded, a rule-only analysis of the first
  screen goes out first (about a second before the model's);
- the reader keeps stdin open: when it closes (the reader quit or died) the child exits;
- the child writes `{"progress": [words_done, words_total]}` now and then (at most about
  four times a second) and `{"analysis": {...}}` per (partial) result, the article's text
  left out (the reader has it), then exits; or `{"error": "one line", "traceback": "..."}`.

No Textual here: the child must start fast.
"""

from __future__ import annotations

import atexit
import gc
import json
import os
import queue
import subprocess
import sys
import threading
from collections import deque
from pathlib import Path
import time
import traceback
from typing import Any, Callable, Iterator

from analyzers.model import Analysis, Source


def analyses(text: str, *, model: str | None, source: Source,
             settings: dict[str, Any] | None, quick: bool = False,
             progress: Callable[[int, int], None] | None = None) -> Iterator[Analysis]:
    """What the reader shows, in order: partial analyses of a growing prefix (each with
    `stats["partial"]` and `stats["analysed_chars"]`), then the complete one.

    `quick` first sends a rule-only analysis of the first chunk (of the whole text if it
    is short): it needs no statistical model, so its highlights are on screen while the
    model still loads, and the model's own replace them as they come.  `progress(words
    done, words in all)` hears of the model's pass.
    """
    import analyzers

    yield from analyzers.analyze_progressive(text, model=model, source=source,
                                             settings=settings, rules_first=quick,
                                             progress=progress)


def one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    detail = text[0] if text else ""
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


PROGRESS_EVERY = 0.25   # seconds between progress messages
NICENESS = 10            # the analysis process's priority below the reader's (see `main`)


# -- the child ----------------------------------------------------------------------------------
def main() -> int:
    # Results go to a private copy of stdout; a stray print() from a library goes to stderr
    # instead of into the protocol.
    out = os.fdopen(os.dup(1), "w", encoding="ascii")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    model = (sys.argv[1] if len(sys.argv) > 1 else "") or None
    # The reader comes first: where the cores are busy, the analysis yields to it (the
    # reader's start-up and its keys), and takes what is left.  On an idle machine the
    # analysis runs on a core of its own, as fast as before.
    if hasattr(os, "nice"):
        try:
            os.nice(NICENESS)
        except OSError:
            pass
    lines: queue.Queue[bytes] = queue.Queue()
    threading.Thread(target=_read_stdin, args=(lines,), daemon=True).start()
    # Starting up allocates a great deal and frees little: the collector would only cost
    # time (about a tenth of it).  It is back on, and the start-up frozen, once the first
    # analysis by the statistical model is out.
    gc.disable()
    from analyzers.pipeline import RULES_ONLY   # here: the reader imports this module

    # spaCy, slant's components and word lists: both passes need them.
    _warm_up(RULES_ONLY)
    # The article is here already (the usual case: the reader sends it as soon as it has
    # read it): a rule-only pass first puts highlights on screen while the model loads.
    # Else load the model while waiting; it will answer first itself.
    quick = not lines.empty()
    if not quick:
        _warm_up(model)
    request = json.loads(lines.get())

    def send(message: dict[str, Any]) -> None:
        out.write(json.dumps(message) + "\n")   # ASCII: safe for any text, even surrogates
        out.flush()

    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY or done >= total:
            last[0] = now
            send({"progress": [done, total]})

    code = 0
    try:
        for i, analysis in enumerate(analyses(
                request["text"], model=request.get("model"),
                source=Source(**request.get("source", {})),
                settings=request.get("settings"), quick=quick, progress=progress)):
            data = analysis.to_dict()
            data["text"] = None
            send({"analysis": data})
            if not gc.isenabled() and (i > 0 or not quick):
                gc.enable()
                gc.freeze()
    except BrokenPipeError:
        pass
    except Exception as exc:  # the reader shows it as one line, and logs the traceback
        send({"error": one_line(exc), "traceback": traceback.format_exc()})
        code = 1
    # Everything is sent: skip the interpreter's clean-up, slow with spaCy loaded, and
    # racing the stdin watcher (BLIS aborts the process if its threads are torn down
    # mid-exit).
    sys.stderr.flush()
    os._exit(code)


def _read_stdin(lines: queue.Queue[bytes]) -> None:
    """Hand over the request, then wait: stdin closing means the reader is gone."""
    try:
        line = sys.stdin.buffer.readline()
        if line:
            lines.put(line)
            sys.stdin.buffer.read()
    finally:
        os._exit(0)


def _warm_up(model: str | None) -> None:
    """Load the pipeline and create slant's components (with the user's word lists, as
    the reader will ask) before the article arrives: that is most of the wait for the
    first highlights, and it overlaps the reader's own start-up this way."""
    try:
        from analyzers.config import load_config

        config, _ = load_config()
        settings = {"slant_opinion": config.opinion_settings()}
        for _ in analyses("Warming up.", model=model, source=Source(), settings=settings):
            pass
    except Exception:
        pass   # the real request reports whatever is wrong


# -- the reader's side ------------------------------------------------------------------------
def stopped(code: int) -> str:
    """How a child's exit status reads: "was killed (SIGKILL, perhaps out of memory)"."""
    if code < 0:
        import signal

        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = ": out of memory?" if name == "SIGKILL" else ""
        return f"was killed ({name}{hint})"
    return f"stopped (exit status {code})"


def child_command() -> list[str]:
    """How the child is started: this interpreter, with this copy of slant importable."""
    root = str(Path(__file__).resolve().parents[1])
    code = (f"import sys; sys.path.insert(0, {root!r}); "
            "from tui.worker import main; sys.exit(main())")
    return [sys.executable, "-c", code]


def _spawn(model: str | None) -> subprocess.Popen[bytes]:
    return subprocess.Popen([*child_command(), model or ""], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, close_fds=True)


_prestarted: dict[str, subprocess.Popen[bytes]] = {}



def prestart(model: str | None = None) -> None:
    """Start the analysis process now, so that it loads spaCy while the reader starts; the
    reader's first analysis with the same model then uses it."""
    key = model or ""
    if key in _prestarted:
        return
    try:
        _prestarted[key] = _spawn(model)
    except OSError:
        return
    atexit.register(_stop_unused)


def _take_prestarted(model: str | None) -> subprocess.Popen[bytes] | None:
    proc = _prestarted.pop(model or "", None)
    return proc if proc is not None and proc.poll() is None else None


def _stop_unused() -> None:
    for proc in _prestarted.values():
        if proc.poll() is None:
            proc.kill()
    _prestarted.clear()


class Results:
    """Analyses of `text` as they come, from a child process (or, with `in_process`, from a
    thread here: for tests and where no child can be started).

    `get(timeout)` returns ("analysis", Analysis), ("progress", (words_done, words_total)),
    ("error", message) or None on timeout; after the complete analysis or an error there is
    nothing more, and `detail` then holds what the crash log needs (a traceback, or the
    exit status and last words of a child that died).  `stop()` ends the work.
    """

    def __init__(self, text: str, *, model: str | None, source: Source,
                 settings: dict[str, Any] | None, in_process: bool = False) -> None:
        self.text = text
        self._queue: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._stop = threading.Event()
        self._complete = threading.Event()   # the child sent its last analysis
        self._proc: subprocess.Popen[bytes] | None = None
        self._stderr: deque[str] = deque(maxlen=20)
        self._thread: threading.Thread | None = None
        self._stderr_thread: threading.Thread | None = None
        self.detail = ""
        args = dict(model=model, source=source, settings=settings)
        if not in_process:
            try:
                self._start_child(args)
                return
            except OSError:
                pass   # no child process here: analyse in a thread instead
        self._thread = threading.Thread(target=self._run_here, args=(args,),
                                        name="slant-analysis", daemon=True)
        self._thread.start()

    @property
    def process(self) -> subprocess.Popen[bytes] | None:
        return self._proc

    @property
    def running_here(self) -> bool:
        """Whether an analysis is still running in a thread of this process."""
        return self._thread is not None and self._thread.is_alive()

    def get(self, timeout: float) -> tuple[str, Any] | None:
        try:
            return self._queue.get(timeout=timeout)
        except queue.Empty:
            return None

    def latest(self, item: tuple[str, Any]) -> tuple[str, Any]:
        """`item`, or a newer partial analysis or final result already waiting: a partial
        result that is already out of date need not be shown."""
        while item[0] == "progress" or (item[0] == "analysis"
                                        and item[1].stats.get("partial")):
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
        return item

    def stop(self) -> None:
        """End the work; a child that already sent its complete analysis exits by itself."""
        self._stop.set()
        proc = self._proc
        if proc is not None and not self._complete.is_set() and proc.poll() is None:
            proc.kill()
            proc.wait()

    # in a thread of this process
    def _run_here(self, args: dict[str, Any]) -> None:
        def progress(done: int, total: int) -> None:
            self._queue.put(("progress", (done, total)))

        try:
            for analysis in analyses(self.text, **args, progress=progress):
                if self._stop.is_set():
                    return
                self._queue.put(("analysis", analysis))
        except BaseException as exc:
            self.detail = traceback.format_exc()
            self._queue.put(("error", one_line(exc)))

    # in a child process
    def _start_child(self, args: dict[str, Any]) -> None:
        source = args["source"]
        request = {"text": self.text, "model": args["model"],
                   "source": {"path": source.path, "title": source.title},
                   "settings": args["settings"]}
        self._proc = _take_prestarted(args["model"]) or _spawn(args["model"])
        self._stderr_thread = threading.Thread(target=self._drain_stderr, daemon=True)
        self._stderr_thread.start()
        threading.Thread(target=self._read_child, args=(request,), name="slant-analysis",
                         daemon=True).start()

    def _read_child(self, request: dict[str, Any]) -> None:
        proc = self._proc
        assert proc is not None and proc.stdin is not None and proc.stdout is not None
        try:
            proc.stdin.write(json.dumps(request).encode("ascii") + b"\n")
            proc.stdin.flush()   # and stays open: closing it stops the child
            for line in proc.stdout:
                if self._stop.is_set():
                    return
                message = json.loads(line)
                if "progress" in message:
                    done, total = message["progress"]
                    self._queue.put(("progress", (int(done), int(total))))
                    continue
                if "error" in message:
                    self.detail = str(message.get("traceback") or "")
                    self._queue.put(("error", str(message["error"])))
                    return
                data = message["analysis"]
                data["text"] = self.text
                analysis = Analysis.from_dict(data)
                if not analysis.stats.get("partial"):
                    self._complete.set()
                self._queue.put(("analysis", analysis))
                if self._complete.is_set():
                    proc.stdin.close()
                    proc.wait()    # reaped: no zombie, and its peak memory is on record
                    return
        except Exception as exc:
            if not self._stop.is_set():
                self.detail = traceback.format_exc()
                self._queue.put(("error", one_line(exc)))
            return
        finally:
            if proc.poll() is None and self._stop.is_set():
                proc.kill()
        code = proc.wait()
        if not self._stop.is_set():
            self._stderr_thread.join(timeout=2)   # its last words say why
            last = next((line for line in reversed(self._stderr) if line.strip()), "")
            why = f": {last.strip()}" if last else ""
            words = "".join(self._stderr).strip()
            self.detail = f"exit status {code}" + (
                f"; the analysis process's last words:\n{words}" if words else
                "; the analysis process said nothing on stderr")
            self._queue.put(("error", f"the analysis process {stopped(code)}{why}"))

    def _drain_stderr(self) -> None:
        proc = self._proc
        assert proc is not None and proc.stderr is not None
        for raw in proc.stderr:
            self._stderr.append(raw.decode("utf-8", "replace"))


if __name__ == "__main__":
    sys.exit(main())
