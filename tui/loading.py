"""The reader's part that loads: the document (a file, stdin, a URL in a worker thread), then
its analysis, shown as each (partial) result arrives.

The analysis runs in a separate process (`worker`: in a thread, spaCy's native code would
hold the GIL and stall the reader again and again); a worker thread here collects its
results, builds their highlights and posts each as an `AnalysisReady` message - partial
ones for a growing prefix first, each replacing the last, then the complete one.  What the
reader shows is what the engine sent: the order of the passes (rules first, then the
model) is the engine's (`analyzers.analyze_progressive`).  `LoadingMixin` is one part of
`SlantApp`; it relies on the app's widgets (`article`, `panel`, ...) and `show_error`.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path
from typing import Any

from textual import work
from textual.worker import get_current_worker

from analyzers.model import Analysis, Source
from analyzers.sources import Document, InputError, load_document
from analyzers.text import terminal_safe

from .files import is_url
from .messages import (AnalysisFailed, AnalysisProgress, AnalysisReady, DocumentLoaded,
                       LoadFailed)
from .widgets.header import ArticleHeader
from .widgets.highlights import Highlight, PanelEntry, SpanIndex, build
from .worker import one_line


def progress(analysis: Analysis | None) -> float:
    """How much of the article `analysis` covers, 0 to 1."""
    if analysis is None:
        return 0.0
    if not analysis.stats.get("partial"):
        return 1.0
    done = analysis.stats.get("analysed_chars", 0) or 0
    return min(1.0, done / max(1, len(analysis.text)))


def time_left(seconds: float) -> str:
    """"40 s", "3 min": a rough figure reads better than a clock."""
    if seconds < 60:
        return f"{max(1, round(seconds))} s"
    return f"{round(seconds / 60)} min"


def progress_status(done: int, total: int, elapsed: float, since: int = 0) -> str:
    """The status line while the analysis runs: share, words done and time left (once the
    rate is known: from the words done since the first report, `since`)."""
    share = done / max(1, total)
    text = f"analysing… {share:.0%} · {done:,} of {total:,} words"
    rate = (done - since) / elapsed if elapsed > 0 else 0
    if rate > 0 and done < total:
        text += f" · {time_left((total - done) / rate)} left"
    return text


class LoadingMixin:
    """Loading the article and showing its analysis; a part of `SlantApp`."""

    # -- the document ------------------------------------------------------------------------
    def load(self) -> None:
        """Show the given analysis, or read the target (fetch a URL in a worker) and start
        its analysis."""
        if self.feed is not None and self.document is None:
            self.show_feed()    # the reader starts on the feed's list (see `feeds`)
            return
        if self._given is not None:
            a = self._given
            self._show_document(Document(text=a.text, title=a.source.title,
                                         path=a.source.path or self.target))
            self._apply(a, final=True)
            return
        target = self.target
        if target is None:
            try:
                from analyzers.resources import default_sample

                target = str(default_sample())
            except (OSError, IndexError):
                self.show_error("slant's bundled sample article is missing from this install")
                return
            self.target = target
        if is_url(target):
            self.explain.show_message(f"Fetching {target}…")
            self.query_one(ArticleHeader).set_status("fetching…", busy=True)
            self._fetch(target)
            return
        try:
            document = load_document(target, stdin_bytes=self.stdin_bytes)
        except InputError as exc:
            self.show_error(str(exc))
            return
        except Exception as exc:  # an unexpected reader bug still gets a one-line message
            self.show_error(f"{target}: {one_line(exc)}")
            return
        self._open(document)

    @work(thread=True, exclusive=True, group="fetch", exit_on_error=False)
    def _fetch(self, target: str) -> None:
        try:
            document = load_document(target, stdin_bytes=self.stdin_bytes)
        except InputError as exc:
            self.post_message(LoadFailed(str(exc)))
        except Exception as exc:
            self.post_message(LoadFailed(f"{target}: {one_line(exc)}"))
        else:
            self.post_message(DocumentLoaded(document))

    def on_document_loaded(self, message: DocumentLoaded) -> None:
        self._open(message.document)

    def on_load_failed(self, message: LoadFailed) -> None:
        self.query_one(ArticleHeader).set_status("")
        self.show_error(message.message)

    def _open(self, document: Document) -> None:
        self._show_document(document)
        for note in document.notes:
            self.notify(terminal_safe(note), title="Note", severity="warning", timeout=10,
                        markup=False)
        self._start_analysis()

    def _start_analysis(self) -> None:
        document = self.document
        self.analysing = True
        self.analysis_failed = None
        self._progress_start = None
        self.query_one(ArticleHeader).set_status("analysing…", busy=True)
        self.panel.set_busy(self.analysis is None)
        self._refresh_explain()
        self.refresh_bindings()
        # At once: the analysis runs in its own process, on another core if there is one.
        self._analyse(document.text, Source(path=document.path, title=document.title))

    def action_retry(self) -> None:
        """Run the analysis again after it failed (what is on screen stays meanwhile)."""
        if self.analysis_failed is None or self.document is None or self.analysing:
            return
        self._start_analysis()

    def _show_document(self, document: Document) -> None:
        from analyzers.text import paragraphs  # plain string work, no spaCy

        self.document = document
        path = document.path
        if path is None:
            source = "standard input"
        elif self.feed is not None:   # the site, which a long URL would cut off
            from urllib.parse import urlsplit

            source = f"{self.feed.title} · {urlsplit(path).hostname or path}"
        elif self.target is None or self._is_sample(path):
            source = f"sample · {Path(path).name}"
        else:
            source = path
        title = document.title or (Path(path).name if path and not is_url(path) else path) \
            or "Untitled article"
        title, source = terminal_safe(title), terminal_safe(source)   # both echo the input
        self.title = f"slant — {title}"
        self.query_one(ArticleHeader).show(title, source)
        paras = paragraphs(document.text)
        heading = bool(document.title and paras and document.text[paras[0][0]:paras[0][1]]
                       .lstrip("# ").strip() == document.title)
        self.article.set_document(document.text, paras, heading=heading)

    @staticmethod
    def _is_sample(path: str) -> bool:
        try:
            from analyzers.resources import assets_dir

            return Path(path).resolve().is_relative_to((assets_dir() / "samples").resolve())
        except (OSError, ValueError):
            return False

    # -- the analysis ------------------------------------------------------------------------
    @property
    def settings(self) -> dict[str, Any]:
        """The analyzers' settings from the user's config (their word-list changes)."""
        return {"slant_opinion": self.config.opinion_settings()}

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False)
    def _analyse(self, text: str, source: Source) -> None:
        """Wait for the analysis (a child process, see `worker`) and post each (partial)
        result with its highlights built here, off the UI thread.  Quitting cancels this
        worker, which stops the child."""
        from .worker import Results

        worker = get_current_worker()
        results = Results(text, model=self.model, source=source, settings=self.settings,
                          in_process=not self.isolate)
        self.analysis_results = results
        try:
            while not worker.is_cancelled:
                item = results.get(timeout=0.05)
                if item is None:
                    continue
                kind, value = results.latest(item)
                if worker.is_cancelled:
                    break
                if kind == "progress":
                    self.post_message(AnalysisProgress(*value))
                    continue
                if kind == "error":
                    from .crashlog import log_crash

                    message = f"analysis failed: {value}"
                    log = log_crash(f"{message} ({source.path or 'standard input'})",
                                    results.detail)
                    self.post_message(AnalysisFailed(message, log))
                    return
                ready = AnalysisReady.prepared(value)
                self.post_message(ready)
                if ready.final:
                    return
        finally:
            results.stop()

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        if self.document is not None and message.analysis.text != self.article.text:
            if self.feed is not None:
                return   # a late result for the feed item left before it was done
            self.on_analysis_failed(AnalysisFailed(
                "analysis failed: its text does not match the article"))
            return
        self._apply(message.analysis, final=message.final, highlights=message.highlights,
                    panel=message.panel)

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        if not self.analysing:
            return
        now = time.monotonic()
        if self._progress_start is None:
            self._progress_start = (now, message.done)
        started, since = self._progress_start
        self.query_one(ArticleHeader).set_status(
            progress_status(message.done, message.total, now - started, since), busy=True)

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        """The text stays, and what is analysed so far; the status line says what happened
        and which key retries; the details are in the crash log."""
        self.analysing = False
        self.analysis_failed = message.message
        self._exit_code = 1
        retry = self.key_for("analysis.retry")
        # one line: what happened, how far it got (a partial analysis stays on screen)
        reason = terminal_safe(message.message.removeprefix("analysis failed: "))
        shown = f" at {progress(self.analysis):.0%}" if self.analysis is not None else ""
        self.query_one(ArticleHeader).set_status(
            f"✗ analysis failed{shown}: {reason} · {retry} retries")
        self.panel.set_busy(False)
        self._refresh_explain()
        self.refresh_bindings()
        where = f"Details: {message.log}" if message.log else "No crash log could be written."
        self.notify(terminal_safe(message.message) + f"\n{where}\nPress {retry} to try again.",
                    title="slant could not analyse this article", severity="error",
                    timeout=10, markup=False)

    def _apply(self, analysis: Analysis, *, final: bool,
               highlights: dict[str, SpanIndex[Highlight]] | None = None,
               panel: dict[str, list[PanelEntry]] | None = None) -> None:
        self.analysis = analysis
        self.analysing = not final
        self.article.set_highlights(highlights if highlights is not None else build(analysis))
        self.panel_groups = self.panel.set_analysis(analysis, panel, done=progress(analysis))
        self.panel.set_busy(False)
        header = self.query_one(ArticleHeader)
        if not final and analysis.model.mode == "rules-only":
            # the worker's quick first pass (or a long text in rule-only mode)
            header.set_status(f"analysing… {progress(analysis):.0%}, rules only so far",
                              busy=True)
        elif not final:
            header.set_status(f"analysing… {progress(analysis):.0%}", busy=True)
        elif analysis.model.mode == "rules-only":
            header.set_status("rules-only mode")
        else:
            header.set_status("✓ analysed")
        self.toggles.set_state(counts=self.article.counts(), enabled=self.enabled,
                               partial=not final)
        self._refresh_explain()
        if final:
            self.refresh_bindings()
        # What is on screen now lives as long as the reader: the cyclic collector need not
        # walk it again and again (on a long article one full collection stalled a page
        # move for 0.2 s).  Reference counting still frees what a later analysis replaces.
        gc.freeze()

    def _refresh_explain(self) -> None:
        """The explanation line for the cursor; where the analysis has not reached yet,
        it says so."""
        view = self.article
        pending = None
        if self.analysing:
            done = progress(self.analysis)
            reached = int(done * len(view.text))
            if self.analysis is None or view.cursor_offset >= reached:
                pending = done
        self.explain.show_target(view.target, line=view.cursor_line, lines=len(view.layout),
                                 pending=pending)
