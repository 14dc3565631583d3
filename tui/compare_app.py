"""`slant compare A B`: two articles side by side (stacked on narrow terminals), each with
the reader's highlights, a shared cursor on the paragraphs that match, and the comparison
in a panel.

`CompareApp` is the reader (`SlantApp`) with two article views instead of one: its keys,
toggles (which apply to both), search, help, config and key remaps are the reader's, and
act on the *active* pane.  Each article is analysed in its own child process (`worker`)
as in the reader; the comparison (`analyzers.compare`, pure and quick) runs once both are
complete.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import partial
from pathlib import Path
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Tree
from textual.worker import get_current_worker

from analyzers.model import Analysis, Source
from analyzers.sources import Document
from analyzers.text import paragraphs, terminal_safe, word_count

from .app import SlantApp
from .files import is_url, safe_stem
from .keymap import KEY_ACTIONS
from .messages import AnalysisReady, ComparisonReady, SideFailed, SideReady
from .widgets.article import ArticleView
from .widgets.compare_panel import ComparePanel, CompareTree
from .widgets.explain import ExplainLine
from .widgets.header import ArticleHeader
from .widgets.search import SearchBar
from .widgets.toggles import ToggleBar
from .export.compare import Row

SIDES = ("a", "b")
# the reader's bindings that mean nothing here (one side panel with two tabs, retry)
# feed.back: no feed here; teaching mode is for one article (its w and p are the panes' here)
# reviews are kept per article, in the reader
UNUSED = {"panel.summary", "analysis.retry", "feed.back", "teach.tour", "teach.rewrite",
          "teach.quiz", *(i for i in KEY_ACTIONS.values()
                          if i.startswith(("review.", "checklist.")))}
_OFF = {"panel", "retry", "tour", "rewrite", "quiz",
        *(a for a, i in KEY_ACTIONS.items() if i.startswith(("review.", "checklist.")))}


class ComparePane(Vertical):
    """One article: a title line and the article view."""

    def __init__(self, side: str) -> None:
        super().__init__(id=f"pane-{side}", classes="compare-pane")
        self.side = side

    def compose(self) -> ComposeResult:
        yield Label(f" {self.side.upper()} ", id=f"pane-title-{self.side}",
                    classes="pane-title", markup=False)
        yield ArticleView(id=f"article-{self.side}")

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    def set_title(self, text: str) -> None:
        self.query_one(Label).update(f" {self.side.upper()}  {text}")


class CompareApp(SlantApp):
    """Two articles on one story, side by side, and how they differ."""

    TITLE = "slant compare"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-medium"), (140, "-wide")]

    BINDINGS = [
        Binding("w", "switch_pane", "Other article", id="compare.pane",
                tooltip="Move to the other article (its cursor follows the matching paragraph)"),
        Binding("p", "next_match(True)", "Next shared ¶", id="compare.next-match",
                tooltip="Go to the next paragraph the two articles share, in both"),
        Binding("P", "next_match(False)", "Previous shared ¶", id="compare.previous-match",
                show=False,
                tooltip="Go to the previous paragraph the two articles share, in both"),
    ]

    def __init__(self, a: Document, b: Document, *, model: str | None = None,
                 isolate: bool = True) -> None:
        self.documents = {"a": a, "b": b}
        self.analyses: dict[str, Analysis | None] = {"a": None, "b": None}
        self.final = {"a": False, "b": False}
        self.failed: dict[str, str | None] = {"a": None, "b": None}
        self.comparison: dict[str, Any] | None = None
        self.sections: list = []
        self.active = "a"
        self._syncing = False
        self._maps: dict[str, tuple[list[int], list[tuple[int, int, int, int]]]] = {}
        self.results: dict[str, Any] = {}
        super().__init__(None, model=model, isolate=isolate)

    # -- what the reader's parts ask for ------------------------------------------------
    @property
    def analysis(self) -> Analysis | None:   # the active pane's (the reader's actions use it)
        return self.analyses.get(self.active) if hasattr(self, "analyses") else None

    @analysis.setter
    def analysis(self, value: Analysis | None) -> None:
        pass   # set by the reader's __init__; here each pane has its own

    def view(self, side: str) -> ArticleView:
        return self.query_one(f"#article-{side}", ArticleView)

    @property
    def article(self) -> ArticleView:
        return self.view(self.active)

    @property
    def compare_panel(self) -> ComparePanel:
        return self.query_one(ComparePanel)

    @property
    def panel(self) -> ComparePanel:   # what the reader's actions call the side panel
        return self.compare_panel

    @property
    def stem(self) -> str:
        return "-vs-".join(safe_stem(self.documents[s].path) for s in SIDES)

    def help_bindings(self) -> list[Binding]:
        from .keymap import remapped

        found = [*ArticleView.BINDINGS, *SlantApp.BINDINGS, *self.BINDINGS,
                 *CompareTree.BINDINGS, *SearchBar.BINDINGS]
        remap = remapped(self)
        return [b.with_key(remap[b.id], key_display=None) if b.id in remap else b
                for b in map(_for_compare, found)
                if isinstance(b, Binding) and b.id not in UNUSED]

    # -- layout -------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield ArticleHeader(id="header")
        with Horizontal(id="body"):
            with Vertical(id="reader"):
                yield ToggleBar(id="toggles")
                with Horizontal(id="panes"):
                    yield ComparePane("a")
                    yield ComparePane("b")
                yield SearchBar(id="search")
                yield ExplainLine(id="explain")
            yield ComparePanel(id="cmp-panel")

    def on_mount(self, event: events.Mount) -> None:
        event.prevent_default()   # the reader's own start-up is for one article
        self.call_after_refresh(self._after_first_frame)
        if self._keymap_wanted:
            self.set_keymap(self._keymap_wanted)
        for warning in self.config_warnings:
            self.notify(terminal_safe(warning), title="Config", severity="warning", timeout=10,
                        markup=False)
        for side in SIDES:
            view = self.view(side)
            view.on_change = partial(self._view_changed, side)
            view.set_enabled(self.enabled)
        self.toggles.set_state(enabled=self.enabled, keys=self.category_keys())
        self._set_active("a")
        self.load()

    # -- loading ------------------------------------------------------------------------
    def load(self) -> None:
        titles = []
        for side in SIDES:
            doc = self.documents[side]
            title = terminal_safe(doc.title or (Path(doc.path).name if doc.path and not
                                                is_url(doc.path) else doc.path)
                                  or "Untitled article")
            source = terminal_safe(doc.path or "standard input")
            titles.append(title)
            pane = self.query_one(f"#pane-{side}", ComparePane)
            words = word_count(doc.text)
            pane.set_title(f"{Path(source).name if not is_url(source) else source} · "
                           f"{words:,} words")
            paras = paragraphs(doc.text)
            heading = bool(doc.title and paras and doc.text[paras[0][0]:paras[0][1]]
                           .lstrip("# ").strip() == doc.title)
            pane.view.set_document(doc.text, paras, heading=heading)
        self.title = "slant compare — " + " / ".join(titles)
        self.query_one(ArticleHeader).show("  ⇄  ".join(titles), "compare")
        self.query_one(ArticleHeader).set_status("analysing both…", busy=True)
        self.analysing = True
        for side in SIDES:
            doc = self.documents[side]
            self.run_worker(partial(self._analyse_side, side, doc.text,
                                    Source(path=doc.path, title=doc.title)),
                            thread=True, group=f"analysis-{side}", exit_on_error=False)
        self._refresh_explain()

    def _analyse_side(self, side: str, text: str, source: Source) -> None:
        from .worker import Results

        worker = get_current_worker()
        results = Results(text, model=self.model, source=source, settings=self.settings,
                          in_process=not self.isolate)
        self.results[side] = results
        try:
            while not worker.is_cancelled:
                item = results.get(timeout=0.05)
                if item is None:
                    continue
                kind, value = results.latest(item)
                if worker.is_cancelled or kind == "progress":
                    continue
                if kind == "error":
                    self.post_message(SideFailed(side, f"analysis failed: {value}"))
                    return
                ready = AnalysisReady.prepared(value)
                self.post_message(SideReady(side, ready))
                if ready.final:
                    return
        finally:
            results.stop()

    @property
    def analysis_results(self) -> Any:   # what `slant` checks at exit (see cli/read.py)
        running = [r for r in getattr(self, "results", {}).values() if r.running_here]
        return running[0] if running else None

    @analysis_results.setter
    def analysis_results(self, value: Any) -> None:
        pass

    def on_side_ready(self, message: SideReady) -> None:
        side, ready = message.side, message.ready
        view = self.view(side)
        if ready.analysis.text != view.text:
            self.on_side_failed(SideFailed(side, "analysis failed: its text does not match"))
            return
        self.analyses[side] = ready.analysis
        self.final[side] = ready.final
        view.set_highlights(ready.highlights)
        if side == self.active:
            self.toggles.set_state(counts=view.counts(), enabled=self.enabled,
                                   partial=not ready.final)
        if all(self.final.values()):
            self.query_one(ArticleHeader).set_status("comparing…", busy=True)
            self.run_worker(self._compare, thread=True, group="compare", exit_on_error=False)
        self._refresh_explain()

    def on_side_failed(self, message: SideFailed) -> None:
        self.failed[message.side] = message.message
        self.analysing = False
        self._exit_code = 1
        reason = terminal_safe(message.message)
        self.query_one(ArticleHeader).set_status(f"✗ {message.side.upper()}: {reason}")
        self.compare_panel.set_busy(False)
        self.notify(reason, title=f"slant could not analyse article {message.side.upper()}",
                    severity="error", timeout=10, markup=False)

    def _compare(self) -> None:
        from analyzers.compare import compare

        from .export.compare import sections

        comparison = compare(self.analyses["a"], self.analyses["b"])
        self.post_message(ComparisonReady(comparison, sections(comparison)))

    def on_comparison_ready(self, message: ComparisonReady) -> None:
        self.comparison = message.comparison
        self.sections = message.sections
        self.analysing = False
        self._maps = _paragraph_maps(message.comparison)
        self.compare_panel.set_sections(message.sections)
        for side in SIDES:
            self.view(side).set_paragraph_marks(
                tuple(m[f"{side}_span"]) for m in message.comparison["paragraphs"])
        story = message.comparison["story"]
        self.query_one(ArticleHeader).set_status(
            "✓ compared" if story["shared"] else "✓ no shared story found")
        if not story["shared"]:
            self.notify(terminal_safe(story["note"]), title="Compare", timeout=6, markup=False)
        self.refresh_bindings()
        self._refresh_explain()

    # -- the panes ----------------------------------------------------------------------
    def _set_active(self, side: str) -> None:
        self.active = side
        for s in SIDES:
            self.query_one(f"#pane-{s}", ComparePane).set_class(s == side, "-active")
        view = self.view(side)
        view.focus()
        self.toggles.set_state(counts=view.counts() if self.analyses[side] else None,
                               enabled=self.enabled, partial=not self.final[side])
        self._refresh_explain()

    def action_switch_pane(self) -> None:
        self._set_active("b" if self.active == "a" else "a")

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        event.prevent_default()
        widget = event.widget
        if isinstance(widget, ArticleView):
            self.compare_panel.remove_class("-open")
            side = widget.id.rsplit("-", 1)[-1] if widget.id else "a"
            if side != self.active:
                self._set_active(side)

    def action_switch_focus(self) -> None:
        panel = self.compare_panel
        if self.article.has_focus:
            panel.add_class("-open")
            self.call_after_refresh(panel.tree.focus)
        else:
            if self.search_bar.is_open:
                self.search_bar.close()
            panel.remove_class("-open")
            self.article.focus()

    def _enabled_changed(self) -> None:
        for side in SIDES:
            self.view(side).set_enabled(self.enabled)
        self.toggles.set_state(enabled=self.enabled)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _OFF:
            return False
        if action == "next_match":
            return self.is_mounted_main and bool(self.comparison and
                                                 self.comparison["paragraphs"])
        return super().check_action(action, parameters)

    # -- the shared cursor ------------------------------------------------------------------
    def _view_changed(self, side: str) -> None:
        if side == self.active:
            self._refresh_explain()
        if self._syncing or side != self.active or not self._maps:
            return
        here = self.view(side)
        match = _matching(self._maps, side, here.cursor_offset)
        if match is None:
            return
        own_start, other_start, other_end = match
        other = self.view("b" if side == "a" else "a")
        if other_start <= other.cursor_offset < other_end:
            return   # the other pane is in the matching paragraph already
        # the same line of the paragraph, on the same row of the screen, where it fits
        line_in_para = here.layout.line_at(here.cursor_offset) - here.layout.line_at(own_start)
        target_line = min(other.layout.line_at(other_start) + max(0, line_in_para),
                          other.layout.line_at(max(other_start, other_end - 1)))
        self._syncing = True
        try:
            other.show_offset(other.layout.starts[target_line], row=here.cursor_row)
        finally:
            self._syncing = False

    def action_next_match(self, forward: bool = True) -> None:
        if not self.comparison or not self.comparison["paragraphs"]:
            return
        side = self.active
        starts = sorted(m[f"{side}_span"][0] for m in self.comparison["paragraphs"])
        pos = self.article.cursor_offset
        if forward:
            later = [s for s in starts if s > pos]
            target = later[0] if later else starts[0]
        else:
            here = _matching(self._maps, side, pos)
            cur = here[0] if here else pos
            earlier = [s for s in starts if s < cur]
            target = earlier[-1] if earlier else starts[-1]
        self.article.show_offset(target)

    # -- the panel's rows ---------------------------------------------------------------------
    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        event.prevent_default()
        row = event.node.data
        if isinstance(row, Row):
            self.jump_to_row(row)

    def jump_to_row(self, row: Row) -> None:
        """Mark the row's places in both articles and go to the next of each."""
        self._syncing = True
        try:
            for side, spans, label in (("a", row.a_spans, row.a), ("b", row.b_spans, row.b)):
                view = self.view(side)
                if not spans:
                    view.clear_mentions()
                    continue
                key = f"cmp:{row.key}"
                if view.mention_key != key:
                    view.select_mentions(key, row.note or label, [_span(s) for s in spans])
                view.next_mention()
        finally:
            self._syncing = False

    def _refresh_explain(self) -> None:
        view = self.article
        side = self.active
        pending = None
        if not self.final.get(side) and not self.failed.get(side):
            pending = 0.0 if self.analyses.get(side) is None else None
        self.explain.show_target(view.target, line=view.cursor_line, lines=len(view.layout),
                                 pending=pending)

    # -- export -------------------------------------------------------------------------------
    def action_export(self) -> None:
        if self.comparison is None:
            self.notify("The comparison is not ready yet: export when it is done.",
                        severity="warning")
            return
        from .export.compare import render_compare

        path = Path.cwd() / f"{self.stem}-slant-compare.html"
        render = lambda *_a, **_k: render_compare(self.comparison, "html")   # noqa: E731
        if path.exists():
            self._confirm_overwrite(path, render)
        else:
            self._export(path, render, overwrite=False)


def _for_compare(b: Binding) -> Binding:
    """The reader's bindings as they work here: `e` saves the comparison, tab goes to its
    panel."""
    from dataclasses import replace

    if b.id == "app.export":
        return replace(b, tooltip="Save the comparison as <A>-vs-<B>-slant-compare.html in "
                                  "the current folder")
    if b.id == "panel.focus":
        return replace(b, tooltip="Move between the active article and the comparison panel")
    return b


def _span(s: tuple[int, int]):
    from .widgets.highlights import Span

    return Span(s[0], s[1])


def _paragraph_maps(c: dict[str, Any]) -> dict[str, tuple[list[int], list[tuple]]]:
    """Per side: the matching paragraphs' starts (sorted) and (start, end, other start,
    other end) for each."""
    out = {}
    for side, other in (("a", "b"), ("b", "a")):
        rows = sorted((m[f"{side}_span"][0], m[f"{side}_span"][1], m[f"{other}_span"][0],
                       m[f"{other}_span"][1]) for m in c["paragraphs"])
        out[side] = ([r[0] for r in rows], rows)
    return out


def _matching(maps, side: str, offset: int) -> tuple[int, int, int] | None:
    """(this paragraph's start, the other's start and end) when `offset` is in a matching
    paragraph of `side`."""
    starts, rows = maps.get(side, ([], []))
    i = bisect_right(starts, offset) - 1
    if i < 0:
        return None
    s, e, os_, oe = rows[i]
    return (s, os_, oe) if s <= offset < e else None
