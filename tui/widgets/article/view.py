"""The article itself: a Line API view that draws only the lines on screen.

Model: a *line cursor* (a subtle bar and a gutter mark) that j/k move, and a *current target*
(the highlight, search match or entity mention being explained) drawn inverted.  `]`/`[`,
`n`/`N` and the side panel move both; j/k pick the first highlight on the new line.

The widget is put together from one part per job: `layout` (wrapping), `drawing` (lines
and their cache), `scrolling` (it scrolls itself and draws its own scroll bar) and
`navigation` (cursor and targets).  Here: its state, its content, and what a change redraws.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Iterable

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.cache import LRUCache
from textual.color import Color
from textual.geometry import Size
from textual.strip import Strip
from textual.timer import Timer
from textual.widget import Widget

from ...categories import CATEGORIES
from ..highlights import Highlight, Span, SpanIndex, merged
from ..wrap import Layout, display_text, wide_pattern
from .drawing import DrawingMixin
from .layout import LayoutMixin
from .navigation import NavigationMixin, Target
from .scrolling import ScrollingMixin


class ArticleView(NavigationMixin, ScrollingMixin, DrawingMixin, LayoutMixin, Widget,
                  can_focus=True):
    """The article text with its highlights."""

    COMPONENT_CLASSES = {
        "article-view--cursor-line",
        "article-view--scrollbar",
        "article-view--scrollbar-thumb",
        "article-view--title",
        "article-view--gutter",
        "article-view--quote",
        "article-view--official",
        "article-view--figure",
        "article-view--opinion",
        "article-view--opinion-quoted",
        "article-view--speaker",
        "article-view--mention",
        "article-view--match",
        "article-view--current",
        "article-view--para-mark",
        # teaching mode (tui/teaching): the neutral rewrite and the quiz's reveal
        "article-view--struck",
        "article-view--inserted",
        "article-view--missed",
        "article-view--extra",
        "article-view--rejected",
        "article-view--added",
        "article-view--selection",
    }

    BINDINGS = [
        Binding("j,down", "line_down", "Line down", id="reading.line-down", show=False,
                tooltip="Move the cursor one line down"),
        Binding("k,up", "line_up", "Line up", id="reading.line-up", show=False,
                tooltip="Move the cursor one line up"),
        Binding("space,pagedown", "page_down", "Page down", id="reading.page-down",
                show=False, tooltip="Scroll one page down"),
        Binding("b,pageup", "page_up", "Page up", id="reading.page-up", show=False,
                tooltip="Scroll one page up"),
        Binding("g,home", "top", "Top", id="reading.top", show=False,
                tooltip="Go to the start of the article"),
        Binding("G,end", "bottom", "Bottom", id="reading.bottom", show=False,
                tooltip="Go to the end of the article"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._text = ""
        self._display = ""
        self._paragraphs: list[tuple[int, int]] = []
        self._layout = Layout(0)
        self._cache: LRUCache[int, Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        self._highlights: dict[str, SpanIndex[Highlight]] = {c: SpanIndex() for c in CATEGORIES}
        self._enabled: set[str] = set(CATEGORIES)
        self._nav: SpanIndex[Highlight] = SpanIndex()
        self._navs: dict[frozenset[str], SpanIndex[Highlight]] = {}
        self._query = ""
        self._matches: SpanIndex[Span] = SpanIndex()
        self._mentions: SpanIndex[Span] = SpanIndex()
        self._mention_key: str | None = None
        self._mention_label = ""
        self._review_marks: dict[str, SpanIndex[Span]] = {}   # review cues: name -> spans
        self._selection: Span | None = None                   # words being selected (v)
        self._cursor_line = 0
        self._cursor_offset = 0          # survives re-wrapping
        self._target: Target | None = None
        self._heading = False
        self._para_marks: frozenset[int] = frozenset()   # paragraphs marked in the gutter
        self._wide: re.Pattern[str] | None = None
        self._narrow_only = True
        self._geometry_key: Size | None = None
        self._geometry_value = (0, 0)
        self._prepare_timer: Timer | None = None
        self._top = 0               # the first line on screen
        self._bar: tuple[int, int] | None = None   # the thumb's rows in this frame
        self._bar_cells: dict[str, Segment] = {}
        self._filter_background: Color | None = None
        self._dragging = False
        # Called on every change of cursor, target or styles.  Not a message: that would be
        # handled after this frame, costing a second one (and a message bubbling up the
        # DOM on every key).
        self.on_change: Callable[[], None] | None = None


    # -- public state ---------------------------------------------------------------------
    @property
    def text(self) -> str:
        return self._text

    @property
    def layout(self) -> Layout:
        return self._layout

    @property
    def cursor_line(self) -> int:
        return self._cursor_line

    @property
    def cursor_offset(self) -> int:
        """The character offset where the cursor line starts."""
        return self._cursor_offset

    @property
    def target(self) -> Target | None:
        return self._target

    @property
    def enabled(self) -> frozenset[str]:
        return frozenset(self._enabled)

    @property
    def query(self) -> str:
        return self._query

    @property
    def matches(self) -> SpanIndex[Span]:
        return self._matches

    @property
    def mention_key(self) -> str | None:
        return self._mention_key

    @property
    def mentions(self) -> SpanIndex[Span]:
        return self._mentions

    def counts(self) -> dict[str, int]:
        return {c: len(ix) for c, ix in self._highlights.items()}

    def highlights(self, category: str) -> SpanIndex[Highlight]:
        return self._highlights[category]

    def visible_highlights(self) -> SpanIndex[Highlight]:
        """The highlights `]` and `[` move through, in reading order."""
        return self._nav

    def legend_styles(self) -> dict[str, Style]:
        """How each kind of highlight looks now, for the help screen's legend."""
        base = self._base_style()
        out = {n: base + self._style(n)
               for n in ("quote", "official", "figure", "opinion", "opinion-quoted")}
        out["current"] = out["quote"] + self._style("current") + Style(reverse=True)
        return out

    def line_text(self, line: int) -> str:
        """The text drawn on a visual line (for tests and the help of screen readers)."""
        return self._display[self._layout.starts[line]:self._layout.ends[line]]


    # -- content ----------------------------------------------------------------------------
    def set_document(self, text: str, paragraphs: list[tuple[int, int]], *,
                     heading: bool = False) -> None:
        """Show `text`; with `heading`, its first paragraph is the title, drawn as one."""
        self._heading = heading
        self._text = text
        self._display = display_text(text)
        self._wide = wide_pattern(self._display)
        self._narrow_only = self._wide is None   # then a line's width is its length
        self._paragraphs = paragraphs or [(0, len(text))]
        self._cursor_offset = 0
        self._cursor_line = 0
        self._target = None
        if self.scrollable_content_region.width:
            self._relayout(keep_top=False)
        else:   # not laid out yet: wrap when the width is known (see `render_lines`)
            self._layout = Layout(0)
            self._cache.clear()
        self.scroll_to(y=0, animate=False)
        self._changed()

    def set_paragraph_marks(self, spans: Iterable[tuple[int, int]]) -> None:
        """Mark the paragraphs starting at these spans in the gutter (in `slant compare`:
        the paragraphs the other article shares)."""
        starts = {s for s, _ in spans}
        self._para_marks = frozenset(i for i, (s, _) in enumerate(self._paragraphs)
                                     if s in starts)
        self._changed()

    def set_highlights(self, highlights: dict[str, SpanIndex[Highlight]]) -> None:
        """Show a (new, perhaps more complete) analysis.  The cursor, the scroll position
        and the wrapped lines stay; only the styles change.  A current highlight stays
        current if the new analysis has it too."""
        self._highlights = {c: highlights.get(c, SpanIndex()) for c in CATEGORIES}
        self._navs.clear()
        self._rebuild_nav()
        t = self._target
        if t is not None and t.kind == "highlight":
            same = [h for h in self._nav.overlapping(t.start, t.end)
                    if (h.category, h.start, h.end) == (t.highlight.category, t.start, t.end)]
            self._target = self._highlight_target(same[0]) if same else None
        elif t is not None:   # a search match or an entity mention: what is there now
            self._target = replace(t, highlight=self._highlight_at(t.start))
        if self._target is None:
            self._target = self._first_on_line(self._cursor_line)
        self._changed()

    def set_review_marks(self, marks: dict[str, SpanIndex[Span]]) -> None:
        """Spans drawn with a review cue on top of their highlight ("rejected", "added")."""
        self._review_marks = {name: ix for name, ix in marks.items() if ix}
        self._changed()

    @property
    def selection(self) -> Span | None:
        return self._selection

    def set_selection(self, span: Span | None) -> None:
        """Show the words being selected for a new highlight (None: no selection)."""
        self._selection = span
        if span is not None and len(self._layout):
            self._set_cursor(self._layout.line_at(max(span.start, span.end - 1)))
        self._changed()

    def set_enabled(self, categories: Iterable[str]) -> None:
        self._enabled = set(categories) & set(CATEGORIES)
        self._rebuild_nav()
        t = self._target
        if t is not None and t.kind == "highlight" and t.highlight.category not in self._enabled:
            self._target = self._first_on_line(self._cursor_line)
        elif t is None:
            self._target = self._first_on_line(self._cursor_line)
        elif t.kind == "highlight":
            self._target = self._highlight_target(t.highlight)
        self._changed()

    def _rebuild_nav(self) -> None:
        # Kept per set of categories: toggling back and forth on a long article is free.
        key = frozenset(self._enabled)
        nav = self._navs.get(key)
        if nav is None:
            nav = self._navs[key] = merged([self._highlights[c] for c in CATEGORIES
                                            if c in self._enabled])
        self._nav = nav


    # -- redrawing after a change --------------------------------------------------------------
    def _marked_lines(self) -> tuple[float, set[int]]:
        """The scroll position and the lines drawn differently because of the cursor or
        the current target (and its speaker): what a cursor move has to redraw."""
        layout = self._layout
        lines = {self._cursor_line}
        t = self._target
        if t is not None and len(layout):
            spans = [(t.start, t.end)]
            if t.highlight is not None and t.highlight.related is not None:
                spans.append(t.highlight.related)
            for s, e in spans:
                lines.update(range(layout.line_at(s), layout.line_at(max(s, e - 1)) + 1))
        return self.scroll_y, lines

    def _changed(self, before: tuple[float, set[int]] | None = None) -> None:
        """Redraw after a change; with `before` (`_marked_lines()` before a cursor move),
        only the lines that changed, unless the view scrolled: for j/k that is two lines
        instead of a screenful for the compositor."""
        if before is None:
            self._cache.clear()
            self.refresh()
        else:
            after = self._marked_lines()
            marked = before[1] | after[1]
            for line in marked:
                self._cache.discard(line)
            if before[0] != after[0]:
                self.refresh()   # scrolled: every row shows another line, most of them cached
            else:
                for line in marked:
                    self._refresh_row(line)
        if self.on_change is not None:
            self.on_change()   # now, so that what depends on it is drawn in the same frame

