"""slant's reader: the article with its spin highlighted, driven from the keyboard.

The text is drawn as soon as the document is read.  The analysis runs in a separate process
(`analysis_worker`: in a thread, spaCy's native code would hold the GIL and stall the reader
again and again); a worker thread collects its results, builds their highlights and posts
each as an `AnalysisReady` message - partial ones for a growing prefix first, each replacing
the last, then the complete one.  Importing this module must stay cheap: no spaCy and no
analyzer modules until the analysis runs.
"""

from __future__ import annotations

import gc
import os
import re
import sys
import time
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlparse

from textual import events, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widget import MountError
from textual.widgets import Footer, Tree
from textual.worker import get_current_worker

from analyzers.config import load_config
from analyzers.model import Analysis, Source
from analyzers.sources import Document, InputError, load_document

from .commands import SlantCommands
from .screens.confirm import ConfirmScreen
from .screens.error import ErrorScreen
from .screens.help import HelpScreen, key_names
from .widgets.article import ArticleView
from .widgets.explain import ExplainLine
from .widgets.header import ArticleHeader
from .widgets.highlights import (CATEGORIES, NAMES, Highlight, PanelEntry, SpanIndex, build,
                                 panel_entries)
from .widgets.panel import EntityTree, SidePanel
from .widgets.search import SearchBar
from .widgets.toggles import ToggleBar


# -- messages from the workers ----------------------------------------------------------------
class AnalysisReady(Message):
    """A (possibly partial) analysis of the article; it replaces the one shown.

    The worker also sends what the view and the panel are built from (`highlights`,
    `panel`), made off the UI thread: for a book-length text that is tens of milliseconds."""

    def __init__(self, analysis: Analysis, *, final: bool = True,
                 highlights: dict[str, SpanIndex[Highlight]] | None = None,
                 panel: dict[str, list[PanelEntry]] | None = None) -> None:
        super().__init__()
        self.analysis = analysis
        self.final = final
        self.highlights = highlights
        self.panel = panel

    @classmethod
    def prepared(cls, analysis: Analysis) -> "AnalysisReady":
        """The message for `analysis`, with its highlights and panel rows built here."""
        return cls(analysis, final=not analysis.stats.get("partial"),
                   highlights=build(analysis), panel=panel_entries(analysis))


class AnalysisFailed(Message):
    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message


class DocumentLoaded(Message):
    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document


class LoadFailed(Message):
    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message


def one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    detail = text[0] if text else ""
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


def is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


# -- files ---------------------------------------------------------------------------------------
def write_atomic(path: Path, data: str | bytes, *, overwrite: bool) -> None:
    """Write via a temporary file in the same folder, then rename into place, so a reader
    never sees half a file.  Without `overwrite`, an existing file raises FileExistsError.
    (The export package's own `write_atomic` is used when it has one.)"""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    tmp = path.parent / f".{path.name}.{os.getpid()}.{time.monotonic_ns()}.tmp"
    fd = os.open(tmp, flags, 0o666)   # 0666 minus the umask, like any new file
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        publish(tmp, path, overwrite=overwrite)
    finally:
        if tmp.exists():
            tmp.unlink()


def publish(tmp: Path, path: Path, *, overwrite: bool) -> None:
    """Move a finished temporary file to `path` in one step."""
    if overwrite:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)          # fails if `path` exists: no race with another writer
    except FileExistsError:
        raise
    except OSError:                 # a file system without hard links
        if path.exists():
            raise FileExistsError(path) from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def fresh_path(folder: Path, stem: str, suffix: str) -> Path:
    path = folder / f"{stem}{suffix}"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}{suffix}"
        n += 1
    return path


def safe_stem(target: str | None) -> str:
    """A file-name stem for reports and screenshots made from `target`."""
    if not target or target == "-":
        return "stdin"
    if is_url(target):
        url = urlparse(target)
        name = Path(url.path.rstrip("/")).stem or url.netloc
    else:
        name = Path(target).stem
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.")
    return name or "article"


# -- the analysis ---------------------------------------------------------------------------------
def progress(analysis: Analysis | None) -> float:
    """How much of the article `analysis` covers, 0 to 1."""
    if analysis is None:
        return 0.0
    if not analysis.stats.get("partial"):
        return 1.0
    done = analysis.stats.get("analysed_chars", 0) or 0
    return min(1.0, done / max(1, len(analysis.text)))


# -- user configuration -----------------------------------------------------------------------
# The names `[keys]` in the config file uses, and the bindings they remap.
KEY_ACTIONS = {
    "line_down": "reading.line-down",
    "line_up": "reading.line-up",
    "page_down": "reading.page-down",
    "page_up": "reading.page-up",
    "top": "reading.top",
    "bottom": "reading.bottom",
    "toggle_quotes": "highlights.quotes",
    "toggle_officials": "highlights.officials",
    "toggle_figures": "highlights.figures",
    "toggle_opinion": "highlights.opinion",
    "toggle_all": "highlights.all",
    "next_highlight": "highlights.next",
    "previous_highlight": "highlights.previous",
    "search": "search.open",
    "search_next": "search.next",
    "search_previous": "search.previous",
    "close_search": "search.cancel",
    "panel": "panel.focus",
    "summary": "panel.summary",
    "next_mention": "panel.jump",
    "export": "app.export",
    "screenshot": "app.screenshot",
    "help": "app.help",
    "quit": "app.quit",
}


def keymap(config_keys: dict[str, str],
           bindings: list[Binding]) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The Textual keymap (binding id -> keys) for the config's `[keys]`, and (action,
    warning) for remaps whose key another binding already uses (those are dropped, so
    every key still does one thing)."""
    by_id = {b.id: b for b in bindings if b.id}
    wanted = App._normalize_keymap({KEY_ACTIONS[a]: k for a, k in config_keys.items()
                                    if KEY_ACTIONS.get(a) in by_id})
    names = {KEY_ACTIONS[a]: a for a in config_keys if a in KEY_ACTIONS}
    warnings: list[str] = []
    while True:
        users: dict[str, list[str]] = {}
        for b in by_id.values():
            for key in wanted.get(b.id, b.key).split(","):
                users.setdefault(key.strip(), []).append(b.id)
        clash = next(((bid, key, other) for bid, keys in wanted.items()
                      for key in keys.split(",") for other in users[key.strip()]
                      if other != bid), None)
        if clash is None:
            return wanted, warnings
        bid, key, other = clash
        other_name = names.get(other) or next(
            (a for a, i in KEY_ACTIONS.items() if i == other), other)
        warnings.append((names[bid], f"keys.{names[bid]}: {key!r} is already the key for "
                                     f"{other_name}; keeping {by_id[bid].key!r}"))
        del wanted[bid]


def config_line(path: str | None, action: str) -> str:
    """ "FILE, line N" for `action = ...` in the config's [keys] table, as far as it can be
    found (the config's own warnings name lines the same way)."""
    if not path:
        return "config"
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return path
    table = ""
    key = re.compile(rf"""^\s*(["']?){re.escape(action)}\1\s*=""")
    for n, line in enumerate(lines, 1):
        header = re.match(r"^\s*\[\s*([^\]]+?)\s*\]", line)
        if header:
            table = header.group(1).strip()
        elif table == "keys" and key.match(line):
            return f"{path}, line {n}"
    return path


# -- the app ----------------------------------------------------------------------------------------
LONG_TEXT = 200_000   # characters; above this, search waits for a pause in typing
TOGGLE = Binding.Group("Toggle", compact=True)
JUMP = Binding.Group("Highlight", compact=True)


class SlantApp(App[int]):
    """Read one article with its quotes, officials, figures and opinion highlighted."""

    CSS_PATH = Path(__file__).with_name("slant.tcss")   # absolute: subclasses find it too
    TITLE = "slant"
    COMMANDS = App.COMMANDS | {SlantCommands}
    NOTIFICATION_TIMEOUT = 4
    # The side panel narrows on medium terminals and hides on narrow ones (Tab opens it).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-medium"), (120, "-wide")]

    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", id="app.help",
                tooltip="Show every key and what the highlights look like"),
        Binding("slash", "search", "Search", id="search.open",
                tooltip="Search the article (case-insensitive)"),
        Binding("n", "search_next(True)", "Next match", id="search.next",
                tooltip="Go to the next search match"),
        Binding("N", "search_next(False)", "Prev match", id="search.previous",
                tooltip="Go to the previous search match"),
        Binding("left_square_bracket", "next_highlight(False)", "Previous highlight",
                id="highlights.previous", group=JUMP, key_display="[",
                tooltip="Previous highlight among the categories shown"),
        Binding("right_square_bracket", "next_highlight(True)", "Next highlight",
                id="highlights.next", group=JUMP, key_display="]",
                tooltip="Next highlight among the categories shown"),
        Binding("1", "toggle('quotes')", "Quotes", id="highlights.quotes", group=TOGGLE,
                tooltip="Show or hide quotes"),
        Binding("2", "toggle('officials')", "Officials", id="highlights.officials",
                group=TOGGLE, tooltip="Show or hide named officials"),
        Binding("3", "toggle('figures')", "Figures", id="highlights.figures", group=TOGGLE,
                tooltip="Show or hide figures"),
        Binding("4", "toggle('opinion')", "Opinion", id="highlights.opinion", group=TOGGLE,
                tooltip="Show or hide opinionated language"),
        Binding("a", "toggle_all", "All", id="highlights.all",
                tooltip="Show all highlights, or hide them all"),
        Binding("tab,shift+tab", "switch_focus", "Panel", id="panel.focus", priority=True,
                tooltip="Move between the article and the side panel"),
        Binding("s", "panel", "Summary", id="panel.summary",
                tooltip="Switch the side panel between entities and the summary"),
        Binding("e", "export", "Export", id="app.export",
                tooltip="Save the report as <name>-slant.html in the current folder"),
        Binding("ctrl+s", "screenshot", "Screenshot", id="app.screenshot", show=False,
                tooltip="Save an SVG screenshot in the current folder"),
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit slant"),
    ]

    def __init__(self, target: str | None = None, *, stdin_bytes: bytes | None = None,
                 model: str | None = None, analysis: Analysis | None = None,
                 isolate: bool = True) -> None:
        """`isolate=False` runs the analysis in a thread of this process instead of a
        child process (tests use it to replace the analyzers)."""
        super().__init__()
        self.isolate = isolate
        self.analysis_results: Any = None   # the running analysis, for tests
        self.target = target
        self.stdin_bytes = stdin_bytes
        self.model = model
        self.document: Document | None = None
        self.analysis: Analysis | None = None
        self._given = analysis
        self.analysing = False
        self.panel_groups: dict[str, list[PanelEntry]] = {}
        self._exit_code = 0
        self._search_timer: Timer | None = None
        self.config, self.config_warnings = load_config(actions=KEY_ACTIONS)
        self.enabled: set[str] = set(CATEGORIES) - set(self.config.hidden_highlights)
        theme = self.config.theme
        if theme and theme in self.available_themes:
            self.theme = theme
        elif theme:
            where = f"{self.config.path}: " if self.config.path else ""
            self.config_warnings.append(
                f"{where}unknown theme {theme!r}; using {self.theme!r} (known: "
                f"{', '.join(sorted(self.available_themes))})")
        self._keymap_wanted, warnings = keymap(self.config.keys, self.help_bindings())
        self.config_warnings += [f"{config_line(self.config.path, name)}: {w}"
                                 for name, w in warnings]

    # -- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield ArticleHeader(id="header")
        with Horizontal(id="body"):
            with Vertical(id="reader"):
                yield ToggleBar(id="toggles")
                yield ArticleView(id="article")
                yield SearchBar(id="search")
                yield ExplainLine(id="explain")
            yield SidePanel(id="panel")
        # The footer is mounted after the first frame (see `on_mount`): it has no keys to
        # show before then anyway, and the first frame comes sooner without it.

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def toggles(self) -> ToggleBar:
        return self.query_one(ToggleBar)

    @property
    def explain(self) -> ExplainLine:
        return self.query_one(ExplainLine)

    @property
    def panel(self) -> SidePanel:
        return self.query_one(SidePanel)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    @property
    def stem(self) -> str:
        path = self.document.path if self.document else None
        if path is None and self._given is not None:
            path = self._given.source.path
        return safe_stem(path or self.target)

    # -- loading ----------------------------------------------------------------------------------
    async def _after_first_frame(self) -> None:
        if not gc.isenabled():   # `slant` turns it off to start faster (see cli.py)
            gc.freeze()          # what start-up made lives as long as the reader
            gc.enable()
        try:
            await self.screen_stack[0].mount(Footer())
        except MountError:   # quit before the first frame was done
            pass

    def on_mount(self) -> None:
        self.call_after_refresh(self._after_first_frame)
        if self._keymap_wanted:
            self.set_keymap(self._keymap_wanted)
        for warning in self.config_warnings:
            self.notify(warning, title="Config", severity="warning", timeout=10)
        self.article.on_change = self._refresh_explain
        self.article.set_enabled(self.enabled)
        self.toggles.set_state(enabled=self.enabled, keys=self.category_keys())
        self.article.focus()
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
            self.notify(note, title="Note", severity="warning", timeout=10)
        self.analysing = True
        self.query_one(ArticleHeader).set_status("analysing…", busy=True)
        self.panel.set_busy(True)
        self._refresh_explain()
        # At once: the analysis runs in its own process, on another core if there is one.
        self._analyse(document.text, Source(path=document.path, title=document.title))

    def _show_document(self, document: Document) -> None:
        from analyzers.text import paragraphs  # plain string work, no spaCy

        self.document = document
        path = document.path
        if path is None:
            source = "standard input"
        elif self.target is None or self._is_sample(path):
            source = f"sample · {Path(path).name}"
        else:
            source = path
        title = document.title or (Path(path).name if path and not is_url(path) else path) \
            or "Untitled article"
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

    # -- analysis -------------------------------------------------------------------------------------
    @property
    def settings(self) -> dict[str, Any]:
        """The analyzers' settings from the user's config (their word-list changes)."""
        return {"slant_opinion": self.config.opinion_settings()}

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False)
    def _analyse(self, text: str, source: Source) -> None:
        """Wait for the analysis (a child process, see `analysis_worker`) and post each
        (partial) result with its highlights built here, off the UI thread.  Quitting
        cancels this worker, which stops the child."""
        from .analysis_worker import Results

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
                if kind == "error":
                    self.post_message(AnalysisFailed(f"analysis failed: {value}"))
                    return
                ready = AnalysisReady.prepared(value)
                self.post_message(ready)
                if ready.final:
                    return
        finally:
            results.stop()

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        if self.document is not None and message.analysis.text != self.article.text:
            self.on_analysis_failed(AnalysisFailed(
                "analysis failed: its text does not match the article"))
            return
        self._apply(message.analysis, final=message.final, highlights=message.highlights,
                    panel=message.panel)

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        self.analysing = False
        if self.analysis is not None:   # a partial analysis stays on screen
            self.query_one(ArticleHeader).set_status(
                f"analysis stopped at {progress(self.analysis):.0%}")
        else:
            self.query_one(ArticleHeader).set_status("no analysis")
        self.panel.set_busy(False)
        self._refresh_explain()
        self.show_error(message.message, title="slant could not analyse this article",
                        can_continue=True)

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

    def show_error(self, message: str, *, title: str = "slant cannot show this article",
                   can_continue: bool = False) -> None:
        self._exit_code = 1
        self.push_screen(ErrorScreen(message, title=title, can_continue=can_continue))

    # -- explanation line -------------------------------------------------------------------------------
    def _refresh_explain(self) -> None:
        view = self.article
        # Nothing to explain yet where the analysis has not reached: say so.
        pending = None
        if self.analysing:
            done = progress(self.analysis)
            reached = int(done * len(view.text))
            if self.analysis is None or view.cursor_offset >= reached:
                pending = done
        self.explain.show_target(view.target, line=view.cursor_line, lines=len(view.layout),
                                 pending=pending)

    # -- actions ------------------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted_main:
            return False  # dialogs and the error screen have their own keys
        if action == "search_next":
            return bool(self.article.query)   # n/N only mean something after a search
        return True

    @property
    def is_mounted_main(self) -> bool:
        return bool(self.screen_stack) and self.screen is self.screen_stack[0]

    def action_toggle(self, category: str) -> None:
        if category not in CATEGORIES:
            return
        if category in self.enabled:
            self.enabled.discard(category)
        else:
            self.enabled.add(category)
        self._enabled_changed()

    def action_toggle_all(self) -> None:
        self.enabled = set() if self.enabled == set(CATEGORIES) else set(CATEGORIES)
        self._enabled_changed()

    def _enabled_changed(self) -> None:
        self.article.set_enabled(self.enabled)
        self.toggles.set_state(enabled=self.enabled)

    def on_toggle_bar_toggled(self, message: ToggleBar.Toggled) -> None:
        self.action_toggle(message.category)

    def action_next_highlight(self, forward: bool = True) -> None:
        if self.analysis is None:
            self.notify("Still analysing: the highlights are not ready yet.", timeout=2)
            return
        if not self.article.next_highlight(forward):
            if not self.enabled:
                keys = self.category_keys()
                shown = ", ".join(keys[c] for c in CATEGORIES)
                self.notify(f"Every category is hidden: press {shown} or "
                            f"{self.key_for('highlights.all')} to show some.", timeout=3)
            else:
                shown = ", ".join(NAMES[c].lower() for c in CATEGORIES if c in self.enabled)
                self.notify(f"No highlights to go to ({shown} shown).", timeout=3)

    # search
    def action_search(self) -> None:
        self.search_bar.open(self.article.query)

    def on_search_bar_changed(self, message: SearchBar.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        if len(self.article.text) > LONG_TEXT:
            # On a book-length text, search once typing pauses, not on every key.
            self._search_timer = self.set_timer(0.15, lambda: self._search(message.query))
        else:
            self._search(message.query)

    def _search(self, query: str) -> None:
        self._search_timer = None
        had_query = bool(self.article.query)
        found = self.article.set_query(query)
        self.search_bar.set_count(found if query else None)
        if had_query != bool(query):
            self.refresh_bindings()   # n/N appear in the footer (a costly recompose)

    def on_search_bar_submitted(self, message: SearchBar.Submitted) -> None:
        if self._search_timer is not None or self.article.query != message.query:
            if self._search_timer is not None:
                self._search_timer.stop()
            self._search(message.query)
        self.search_bar.close()
        self.article.focus()
        if message.query and not self.article.next_match(True):
            self.notify(f"No matches for “{message.query}”.", timeout=3)

    def on_search_bar_cancelled(self, message: SearchBar.Cancelled) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        self.search_bar.close()
        self.article.set_query("")
        self.article.focus()
        self.refresh_bindings()

    def action_search_next(self, forward: bool = True) -> None:
        self.article.next_match(forward)

    # panel
    def action_switch_focus(self) -> None:
        panel = self.panel
        if self.article.has_focus:
            panel.add_class("-open")   # shows it where the terminal is too narrow for both
            self.call_after_refresh(panel.focus_active)
        else:
            if self.search_bar.is_open:
                self.search_bar.close()
            panel.remove_class("-open")
            self.article.focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget is self.article:
            self.panel.remove_class("-open")

    def action_panel(self, tab: str | None = None) -> None:
        self.panel.switch(tab)

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        entry = event.node.data
        if isinstance(entry, PanelEntry):
            self.jump_to_entry(entry)

    def jump_to_entry(self, entry: PanelEntry) -> None:
        """Highlight all of `entry`'s mentions; jump to the next (again: the one after)."""
        view = self.article
        if view.mention_key != entry.key:
            view.select_mentions(entry.key, entry.label, entry.spans)
        view.next_mention()

    # keys and help
    def help_bindings(self) -> list[Binding]:
        """Every binding of the reader, with the user's keys where they remapped one."""
        found = [*ArticleView.BINDINGS, *self.BINDINGS, *EntityTree.BINDINGS,
                 *SearchBar.BINDINGS]
        remap = getattr(self, "_keymap", {})
        return [b.with_key(remap[b.id], key_display=None) if b.id in remap else b
                for b in found if isinstance(b, Binding)]

    def key_for(self, binding_id: str) -> str:
        """How the (first) key of a binding is written for the user, e.g. "1" or "ctrl+q"."""
        for b in self.help_bindings():
            if b.id == binding_id:
                return key_names(b).split(" / ")[0]
        return "?"

    def category_keys(self) -> dict[str, str]:
        return {c: self.key_for(f"highlights.{c}") for c in CATEGORIES}

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.help_bindings(), self.article.legend_styles()))

    # files
    def action_screenshot(self) -> None:
        folder = Path.cwd()
        path = fresh_path(folder, f"{self.stem}-slant-{time.strftime('%Y%m%d-%H%M%S')}", ".svg")
        tmp_name = f".{path.name}.{os.getpid()}.tmp"
        try:
            self.save_screenshot(filename=tmp_name, path=str(folder))
            try:
                publish(folder / tmp_name, path, overwrite=False)
            except FileExistsError:
                path = fresh_path(folder, path.stem, ".svg")
                publish(folder / tmp_name, path, overwrite=False)
        except OSError as exc:
            self.notify(f"Could not save the screenshot: {exc.strerror or exc}",
                        severity="error")
            return
        finally:
            if (folder / tmp_name).exists():
                (folder / tmp_name).unlink()
        self.notify(f"Screenshot saved to {path}", title="Screenshot")

    def action_export(self) -> None:
        if self.analysis is None or self.analysing:
            self.notify("The analysis is still running: export when it has finished.",
                        severity="warning")
            return
        render, _ = _export_functions()
        if render is None:
            self.notify("HTML export is not available in this version of slant yet.",
                        severity="warning", title="Export")
            return
        path = Path.cwd() / f"{self.stem}-slant.html"
        if path.exists():
            self._confirm_overwrite(path, render)
        else:
            self._export(path, render, overwrite=False)

    def _confirm_overwrite(self, path: Path, render: Callable[..., Any]) -> None:
        def answer(ok: bool | None) -> None:
            if ok:
                self._export(path, render, overwrite=True)
            else:
                self.notify("Export cancelled: the existing file was kept.", timeout=3)

        self.push_screen(ConfirmScreen(f"{path.name} already exists in {path.parent}.\n"
                                       "Overwrite it?"), answer)

    def _export(self, path: Path, render: Callable[..., Any], *, overwrite: bool) -> None:
        # The report starts as the reader is now: the same categories hidden.
        notes = list(self.document.notes) if self.document is not None else []
        hidden = [c for c in CATEGORIES if c not in self.enabled]
        try:
            data = render(self.analysis, "html", notes=notes, hidden=hidden)
        except Exception as exc:
            self.notify(f"Export failed: {one_line(exc)}", severity="error", title="Export")
            return
        _, write = _export_functions()
        try:
            (write or write_atomic)(path, data, overwrite=overwrite)
        except FileExistsError:
            self._confirm_overwrite(path, render)
            return
        except OSError as exc:
            self.notify(f"Could not write {path}: {exc.strerror or exc}", severity="error")
            return
        self.notify(f"Report saved to {path}", title="Export")

    async def action_quit(self) -> None:
        self.exit(return_code=self._exit_code)


def _export_functions() -> tuple[Callable[..., Any] | None, Callable[..., Any] | None]:
    """`tui.export.render` and `tui.export.write_atomic`, where the export package has them."""
    try:
        from . import export
    except ImportError:
        return None, None
    render = getattr(export, "render", None)
    write = getattr(export, "write_atomic", None)
    return (render if callable(render) else None), (write if callable(write) else None)


def reattach_terminal() -> bool:
    """After the article came through a pipe, read keys from the terminal instead (as
    `less` does): Textual reads fd 0.  False when there is no terminal to read."""
    stdin = sys.__stdin__
    try:
        if stdin is not None and stdin.isatty():
            return True
        fd = os.open("/dev/tty", os.O_RDONLY)
    except (OSError, ValueError):
        return False
    try:
        os.dup2(fd, 0)
    finally:
        os.close(fd)
    return True


def run_reader(target: str | None, *, stdin_bytes: bytes | None = None,
               model: str | None = None) -> int:
    """Run the reader on `target` (a path, URL, "-" or None for the sample); the exit code."""
    if not reattach_terminal():
        print("slant: the reader needs a terminal to read keys from", file=sys.stderr)
        return 2
    from .analysis_worker import prestart

    prestart(model)   # spaCy loads in the analysis process while the reader starts
    app = SlantApp(target, stdin_bytes=stdin_bytes, model=model)
    app.run()
    code = app.return_code
    code = int(code) if code is not None else 0
    results = app.analysis_results
    if results is not None and results.running_here:
        # Quit mid-analysis with spaCy in this process (no child process could be
        # started): tearing the interpreter down under it can abort in native code.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
