"""The neutral rewrite view (`w` in the reader): the article's own view, showing the
rewritten text; `]`/`[` step through the changes and the explanation line says what each
one is.  `e` saves the rewrite as Markdown and HTML in the current folder."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

from analyzers.model import Analysis
from analyzers.text import paragraphs, terminal_safe

from ..export import write_atomic
from ..files import fresh_path
from ..widgets.article import ArticleView
from ..widgets.explain import ExplainLine
from ..widgets.highlights import Highlight, SpanIndex
from .header import TeachHeader
from .rewrite import INSERTED, KEPT, STRUCK, Rewrite, display, moved, rewrite, to_html, to_markdown

_WHAT = {
    "replaced": "replaced by a plainer wording",
    "left out": "left out: the plain wording does without it",
    "scare quote": "a scare quote's mark, removed",
    "kept": "opinion kept: no plainer wording known",
}


class TeachExplainLine(ExplainLine):
    """The explanation line, knowing the teaching styles as well."""

    COMPONENT_CLASSES = ExplainLine.COMPONENT_CLASSES | {
        "explain-line--struck", "explain-line--inserted", "explain-line--missed",
        "explain-line--extra"}


class RewriteView(ArticleView):
    """The article view over the rewritten text; `]`/`[` go through the changes only (the
    inserted words are drawn, not stepped to)."""

    def _rebuild_nav(self) -> None:
        self._nav = self._highlights["opinion"]


def highlights(marked: list) -> dict[str, SpanIndex[Highlight]]:
    changes, inserted = [], []
    for kind, start, end, change in marked:
        if kind == INSERTED:
            inserted.append(Highlight("figures", start, end, "inserted", "plainer wording",
                                      change.why))
            continue
        style = "struck" if kind == STRUCK else "opinion"
        what = f"{_WHAT[change.kind]} — {terminal_safe(' '.join(change.old.split()))}"
        if change.new:
            what += f" → {terminal_safe(change.new)}"
        why = terminal_safe(change.why)
        if kind == KEPT:
            why += " · the writer's word stays, marked, for you to weigh."
        changes.append(Highlight("opinion", start, end, style, what, why))
    return {"opinion": SpanIndex(changes), "figures": SpanIndex(inserted)}


class RewriteScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,w", "close", "Back to the article", id="rewrite.close",
                tooltip="Leave the neutral rewrite"),
        Binding("right_square_bracket", "step(True)", "Next change", id="rewrite.next",
                key_display="]", tooltip="Next change"),
        Binding("left_square_bracket", "step(False)", "Previous change", id="rewrite.previous",
                key_display="[", tooltip="Previous change"),
        Binding("e", "export", "Save .md + .html", id="rewrite.export",
                tooltip="Save the rewrite as Markdown and HTML in the current folder"),
        Binding("ctrl+s", "screenshot", "Screenshot", show=False, id="rewrite.screenshot"),
    ]

    def __init__(self, analysis: Analysis, *, stem: str, top: int = 0,
                 heading: bool = False) -> None:
        super().__init__()
        self.analysis = analysis
        self.stem = stem
        self.rewrite: Rewrite = rewrite(analysis)
        self._top = top
        self._heading = heading

    def compose(self) -> ComposeResult:
        title = terminal_safe(self.analysis.source.title or self.stem)
        yield TeachHeader("NEUTRAL REWRITE", title, self.rewrite.summary(), id="rewrite-head")
        yield RewriteView(id="rewrite-article")
        yield TeachExplainLine(id="rewrite-explain")
        yield Footer()

    @property
    def view(self) -> RewriteView:
        return self.query_one(RewriteView)

    def on_mount(self) -> None:
        text, marked, moves = display(self.rewrite)
        view = self.view
        view.set_document(text, paragraphs(text), heading=self._heading)
        view.set_enabled({"opinion", "figures"})
        view.set_highlights(highlights(marked))
        view.on_change = self._explain
        self._moves = moves
        self.call_after_refresh(self._scroll_to_start)
        view.focus()

    def _scroll_to_start(self) -> None:
        view = self.view
        if len(view.layout):
            view.scroll_to(y=view.layout.line_at(moved(self._moves, self._top)))

    def _explain(self) -> None:
        view = self.view
        explain = self.query_one(TeachExplainLine)
        if view.target is None and not view.visible_highlights():
            explain.show_message("Nothing to rewrite: the writer's voice has no opinion "
                                 "words here.", "Esc or w goes back to the article.")
            return
        explain.show_target(view.target, line=view.cursor_line, lines=len(view.layout))

    def action_step(self, forward: bool) -> None:
        if not self.view.next_highlight(forward):
            self.notify("No changes in this article.", timeout=2)

    def action_screenshot(self) -> None:
        self.app.action_screenshot()   # the reader's own: an SVG in the current folder

    def action_close(self) -> None:
        self.dismiss()

    def action_export(self) -> None:
        folder = Path.cwd()
        title = self.analysis.source.title
        saved = []
        for suffix, data in ((".md", to_markdown(self.rewrite, title)),
                             (".html", to_html(self.rewrite, title))):
            path = fresh_path(folder, f"{self.stem}-neutral", suffix)
            try:
                write_atomic(path, data, overwrite=False)
            except OSError as exc:
                self.notify(f"Could not write {path}: {exc.strerror or exc}", severity="error")
                return
            saved.append(path.name)
        self.notify(f"Saved {' and '.join(saved)} in {folder}", title="Neutral rewrite")
