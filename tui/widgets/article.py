"""The article itself: a Line API view that draws only the lines on screen.

Model: a *line cursor* (a subtle bar and a gutter mark) that j/k move, and a *current target*
(the highlight, search match or entity mention being explained) drawn inverted.  `]`/`[`,
`n`/`N` and the side panel move both; j/k pick the first highlight on the new line.

The text is wrapped once per width (`wrap.py`); each drawn line is cached as a `Strip` and the
cache is dropped whenever styles change (toggle, cursor, search) — cheap, since only the lines
on screen are redrawn.  Styles for a line come from bisecting sorted span lists.

The view scrolls itself (a first line on screen, a drawn scroll bar) rather than being a
Textual `ScrollView`: scrolling one of those re-arranges the whole screen and redraws its
scroll bar through Rich, most of a page move's cost (12 ms against 6 ms for the same plain
lines, measured in tests/bench).  The next page is drawn ahead while the reader reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Iterable

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.color import Color
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.timer import Timer
from textual.widget import Widget

from .styles import cropped, filtered, layer_style
from .highlights import CATEGORIES, Highlight, Span, SpanIndex, merged
from .wrap import Layout, display_text, wide_pattern, wrap

MEASURE = 84      # the widest text column, in cells: a comfortable reading measure
GUTTER = 2        # cursor mark + space, left of the text
BAR = 1           # the scroll bar, right of it
CURSOR_MARK = "▌"
# Idle time after a page move before the next page is drawn ahead: a held key keeps
# putting it off, so that work never competes with the keys.
PREPARE_AFTER = 0.05
WHEEL_LINES = 3   # lines per mouse wheel step

# Drawing order: later layers win where they set the same attribute.
_LAYERS = ("quote", "official", "figure", "opinion-quoted", "opinion", "speaker", "mention",
           "match")


@dataclass(frozen=True)
class Target:
    """What the explanation line talks about."""

    kind: str                       # "highlight" | "match" | "mention"
    start: int
    end: int
    highlight: Highlight | None = None
    number: int = 0                 # 1-based position among its kind
    total: int = 0
    label: str = ""                 # the search query or the entity's name


class ArticleView(Widget, can_focus=True):
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
        self._cursor_line = 0
        self._cursor_offset = 0          # survives re-wrapping
        self._target: Target | None = None
        self._heading = False
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

    @property
    def scroll_y(self) -> int:
        """The first line on screen."""
        return self._top

    @property
    def max_scroll_y(self) -> int:
        return max(0, len(self._layout) - self.scrollable_content_region.height)

    def scroll_to(self, x: float | None = None, y: float | None = None, *,
                  animate: bool = False, force: bool = False, **_: object) -> None:
        """Put line `y` at the top (as far as the text goes); `x` and `animate` are
        accepted for Textual's sake and ignored."""
        if y is None:
            return
        top = max(0, min(int(y), self.max_scroll_y))
        if top != self._top or force:
            self._top = top
            self.refresh()

    def _refresh_row(self, line: int) -> None:
        self.refresh(Region(0, line - self._top, self.size.width, 1))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self.scroll_to(y=self._top + WHEEL_LINES)
        event.stop()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self.scroll_to(y=self._top - WHEEL_LINES)
        event.stop()

    @property
    def top_offset(self) -> int:
        """The character offset of the first line on screen."""
        if not len(self._layout):
            return 0
        return self._layout.starts[min(int(self.scroll_y), len(self._layout) - 1)]

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

    # -- search -------------------------------------------------------------------------------
    def set_query(self, query: str) -> int:
        """Highlight every case-insensitive match of `query`; returns the number found."""
        self._query = query
        if query:
            rx = re.compile(re.escape(display_text(query)), re.IGNORECASE)
            self._matches = SpanIndex((Span(m.start(), m.end())
                                       for m in rx.finditer(self._display)), is_sorted=True)
        else:
            self._matches = SpanIndex()
        if self._target is not None and self._target.kind == "match":
            self._target = self._first_on_line(self._cursor_line)
        self._changed()
        return len(self._matches)

    def next_match(self, forward: bool = True) -> bool:
        """Move to the next (or previous) match, wrapping around; False if there is none."""
        if not self._matches:
            return False
        t = self._target
        if t is not None and t.kind == "match" and self._target_visible():
            i = self._matches.index(Span(t.start, t.end))
            i = (i + 1 if forward else i - 1) if i is not None else 0
        else:
            pos = self._anchor()
            i = self._matches.first_from(pos) if forward else self._matches.last_before(pos)
        if i is None or i >= len(self._matches):
            i = 0 if forward else len(self._matches) - 1
        i %= len(self._matches)
        m = self._matches[i]
        self._go(Target("match", m.start, m.end, self._highlight_at(m.start), i + 1,
                        len(self._matches), self._query))
        return True

    # -- entity mentions (side panel) -------------------------------------------------------------
    def select_mentions(self, key: str, label: str, spans: Iterable[Span]) -> None:
        self._mention_key = key
        self._mention_label = label
        self._mentions = SpanIndex(spans)
        if self._target is not None and self._target.kind == "mention":
            self._target = None
        self._changed()

    def clear_mentions(self) -> None:
        self.select_mentions(None, "", ())  # type: ignore[arg-type]

    def next_mention(self) -> bool:
        """Jump to the selected entity's next mention after the cursor, wrapping around."""
        if not self._mentions:
            return False
        t = self._target
        i = None
        if t is not None and t.kind == "mention":
            i = self._mentions.index(Span(t.start, t.end))
            i = i + 1 if i is not None else None
        if i is None:
            i = self._mentions.first_from(self._anchor())
        if i is None or i >= len(self._mentions):
            i = 0
        m = self._mentions[i]
        self._go(Target("mention", m.start, m.end, self._highlight_at(m.start), i + 1,
                        len(self._mentions), self._mention_label))
        return True

    # -- highlight navigation ----------------------------------------------------------------------
    def next_highlight(self, forward: bool = True) -> bool:
        """Move to the next (previous) visible highlight; wraps around at the ends."""
        nav = self._nav
        if not nav:
            return False
        t = self._target
        i = None
        if t is not None and t.kind == "highlight" and self._target_visible():
            i = nav.index(t.highlight)
        if i is not None:
            i = i + 1 if forward else i - 1
        else:
            pos = self._anchor()
            i = nav.first_from(pos) if forward else nav.last_before(pos)
        wrapped = i is None or not 0 <= i < len(nav)
        if wrapped:
            i = 0 if forward else len(nav) - 1
            self.notify("Back at the start of the article." if forward
                        else "Back at the end of the article.", timeout=2)
        self._go(self._highlight_target(nav[i]))
        return True

    def _highlight_target(self, h: Highlight) -> Target:
        i = self._nav.index(h)
        return Target("highlight", h.start, h.end, h, i + 1 if i is not None else 0,
                      len(self._nav))

    def _highlight_at(self, pos: int) -> Highlight | None:
        """The innermost visible highlight covering `pos`."""
        found = self._nav.overlapping(pos, pos + 1)
        return min(found, key=lambda h: h.end - h.start) if found else None

    def _first_on_line(self, line: int) -> Target | None:
        if not len(self._layout) or self._layout.is_blank(line):
            return None
        s, e = self._layout.starts[line], self._layout.ends[line]
        found = self._nav.overlapping(s, e)
        if not found:
            return None
        starting = [h for h in found if h.start >= s]
        return self._highlight_target(starting[0] if starting else found[-1])

    def _target_visible(self) -> bool:
        t = self._target
        return t is not None and self._line_visible(self._layout.line_at(t.start))

    def _anchor(self) -> int:
        """Where a search for 'the next thing' starts: the current target, else the cursor
        line, else (after scrolling them out of sight) the top of the screen — like a pager."""
        if not len(self._layout):
            return 0
        if self._target_visible():
            return self._target.start
        if self._line_visible(self._cursor_line):
            return self._layout.starts[self._cursor_line]
        return self.top_offset

    def _go(self, target: Target) -> None:
        before = self._marked_lines()
        self._target = target
        line = self._layout.line_at(target.start)
        self._set_cursor(line, jump=True)
        self._changed(before)

    # -- cursor movement -----------------------------------------------------------------------------
    def _line_visible(self, line: int) -> bool:
        top = int(self.scroll_y)
        return top <= line < top + max(1, self.scrollable_content_region.height)

    def _set_cursor(self, line: int, jump: bool = False) -> None:
        n = len(self._layout)
        if not n:
            return
        line = max(0, min(line, n - 1))
        self._cursor_line = line
        self._cursor_offset = self._layout.starts[line]
        height = max(1, self.scrollable_content_region.height)
        top = int(self.scroll_y)
        if line < top or line >= top + height:
            if jump:  # a jump lands a third of the way down, with context above
                self.scroll_to(y=max(0, line - height // 3), animate=False)
            elif line < top:
                self.scroll_to(y=line, animate=False)
            else:
                self.scroll_to(y=line - height + 1, animate=False)

    def _move(self, delta: int) -> None:
        n = len(self._layout)
        if not n:
            return
        line = self._cursor_line
        if not self._line_visible(line):  # after a mouse scroll: start from the screen
            top = int(self.scroll_y)
            line = top if delta > 0 else top + self.scrollable_content_region.height - 1
            line -= delta
        line = max(0, min(line + delta, n - 1))
        if self._layout.is_blank(line) and 0 < line < n - 1:
            line += 1 if delta > 0 else -1
        before = self._marked_lines()
        self._set_cursor(line)
        self._target = self._first_on_line(self._cursor_line)
        self._changed(before)

    def action_line_down(self) -> None:
        self._move(1)

    def action_line_up(self) -> None:
        self._move(-1)

    def _page(self, direction: int) -> None:
        """Scroll a page (keeping two lines of context) and carry the cursor along."""
        n = len(self._layout)
        if not n:
            return
        height = max(1, self.scrollable_content_region.height)
        top = int(self.scroll_y)
        new_top = max(0, min(top + direction * max(1, height - 2), max(0, n - height)))
        if new_top == top:  # already at the end: the cursor goes the rest of the way
            line = n - 1 if direction > 0 else 0
        elif self._line_visible(self._cursor_line):
            line = self._cursor_line + (new_top - top)
        else:
            line = new_top
        line = max(0, min(line, n - 1))
        if self._layout.is_blank(line) and line + 1 < n:
            line += 1
        before = self._marked_lines()
        self.scroll_to(y=new_top, animate=False)
        self._cursor_line = line
        self._cursor_offset = self._layout.starts[line]
        self._target = self._first_on_line(line)
        self._changed(before)
        self._prepare(direction)

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_top(self) -> None:
        before = self._marked_lines()
        self._set_cursor(0)
        self.scroll_to(y=0, animate=False)
        self._target = self._first_on_line(0)
        self._changed(before)
        self._prepare(1)

    def action_bottom(self) -> None:
        n = len(self._layout)
        if n:
            before = self._marked_lines()
            self._set_cursor(n - 1)
            self.scroll_to(y=max(0, n - self.scrollable_content_region.height), animate=False)
            self._target = self._first_on_line(n - 1)
            self._changed(before)
            self._prepare(-1)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not len(self._layout) or offset.x >= self._text_width:
            return
        line = int(self.scroll_y) + offset.y
        if line >= len(self._layout):
            return
        self._set_cursor(line)
        col = offset.x - self._left - GUTTER
        s, e = self._layout.starts[line], self._layout.ends[line]
        pos, cells = s, 0
        while pos < e and cells + Segment(self._display[pos]).cell_length <= col:
            cells += Segment(self._display[pos]).cell_length
            pos += 1
        h = self._highlight_at(pos) if col >= 0 and pos < e else None
        self._target = self._highlight_target(h) if h else self._first_on_line(line)
        self._changed()

    # -- layout -------------------------------------------------------------------------------------
    @property
    def _text_width(self) -> int:
        """Columns for the text: the last one is the scroll bar's."""
        return max(0, self.scrollable_content_region.width - BAR)

    @property
    def _measure(self) -> int:
        return max(10, min(MEASURE, self._text_width - GUTTER - 1))

    @property
    def _left(self) -> int:
        spare = self._text_width - (self._measure + GUTTER)
        return max(0, spare // 2)

    @property
    def _geometry(self) -> tuple[int, int]:
        """(width, left margin), worked out once per frame (see `render_lines`): asking
        Textual for the content region on every drawn line is measurably slow."""
        if self._geometry_key is None:
            self._geometry_key = self.size
            self._geometry_value = (self._text_width, self._left)
        return self._geometry_value

    def _relayout(self, keep_top: bool = True) -> None:
        top = self.top_offset if keep_top else 0
        measure = self._measure
        self._layout = wrap(self._display, self._paragraphs, measure, wide=self._wide)
        self._cache.clear()
        self._cursor_line = self._layout.line_at(self._cursor_offset)
        if keep_top:
            self.scroll_to(y=self._layout.line_at(top), animate=False, force=True)
        if self.on_change is not None:   # "line 3 of N" changed; and this may be mid-frame
            self.call_later(self.on_change)

    def on_resize(self, event: events.Resize) -> None:
        if self._text and self._measure != self._layout.width:
            self._relayout()
        else:
            self._cache.clear()
        self.scroll_to(y=self._top)   # a taller view may show the end already
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._restyle()

    def _restyle(self) -> None:
        """Forget every style worked out, and every line drawn with them."""
        self._styles.clear()
        self._bar_cells.clear()
        self._filter_background = None
        self._cache.clear()

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

    def _prepare(self, direction: int) -> None:
        """Soon, if no other key comes first, draw the page after this one into the cache:
        paging on then costs only the compositor's work."""
        if self._prepare_timer is not None:
            self._prepare_timer.stop()
        self._prepare_timer = self.set_timer(PREPARE_AFTER, lambda: self._prepare_now(direction))

    def _prepare_now(self, direction: int) -> None:
        self._prepare_timer = None
        height = self.scrollable_content_region.height
        if not height:
            return
        start = int(self.scroll_y) + direction * max(1, height - 2)
        self._geometry_key = None
        for index in range(max(0, start), min(len(self._layout), start + height)):
            if index not in self._cache:
                self._line(index)

    def on_focus(self) -> None:
        self._restyle()   # :focus rules change the cursor line's look
        self.refresh()

    def on_blur(self) -> None:
        self._restyle()
        self.refresh()

    # -- drawing ----------------------------------------------------------------------------------
    def _style(self, name: str) -> Style:
        """The Rich style of one of this view's component classes, cached."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = layer_style(self, f"article-view--{name}")
        return style

    def _base_style(self) -> Style:
        style = self._styles.get("")
        if style is None:
            style = self._styles[""] = self.rich_style
        return style

    def render_lines(self, crop: Region) -> list[Strip]:
        self._geometry_key = None
        if self._text and self._measure != self._layout.width:
            # The first frame can come before the Resize event: wrap for this width now
            # rather than draw lines wrapped for another.
            self._relayout()
        self._bar = self._thumb()
        # The view draws every cell itself, background included (it has no border or
        # padding), and keeps what it drew: Textual's pass over each line, which redoes
        # it all on every scroll, would cost a page move about 2 ms.
        return cropped([self.render_line(y) for y in crop.line_range], crop, self.size.width)

    def render_line(self, y: int) -> Strip:
        strip = self._line(int(self.scroll_y) + y)
        if self._bar is None:      # everything fits: no bar, just the column
            part = ""
        else:
            start, end = self._bar
            part = "scrollbar-thumb" if start <= y < end else "scrollbar"
        return Strip([*strip, self._bar_cell(part)], strip.cell_length + BAR)

    def _line(self, index: int) -> Strip:
        """Line `index` as drawn, from the cache or drawn now and kept."""
        strip = self._cache.get(index)
        if strip is None:
            strip = self._cache[index] = self._filtered(self._render_visual_line(index))
        return strip

    def _filtered(self, strip: Strip) -> Strip:
        if self._filter_background is None:   # asked once per style, not once per line
            self._filter_background = self.background_colors[1]
        return filtered(self, [strip], self._filter_background)[0]

    def _bar_cell(self, part: str) -> Segment:
        cell = self._bar_cells.get(part)
        if cell is None:
            style = self._style(part) if part else self._base_style()
            strip = self._filtered(Strip([Segment(" ", style)], 1))
            cell = self._bar_cells[part] = list(strip)[0]
        return cell

    # -- the scroll bar ----------------------------------------------------------------------------
    # Drawn here rather than by Textual: its scroll bar widget costs a page move about
    # 3 ms of the 10 it may take (it is drawn through Rich), this costs a tenth of one.
    def _thumb(self) -> tuple[int, int] | None:
        """The rows of the scroll bar's thumb, (start, end); None when all lines fit."""
        height = self.scrollable_content_region.height
        n = len(self._layout)
        if n <= height or height <= 0:
            return None
        size = max(1, round(height * height / n))
        start = round((height - size) * min(1.0, self.scroll_y / (n - height)))
        return start, start + size

    def _on_bar(self, x: int) -> bool:
        return x >= self._text_width and len(self._layout) > self.scrollable_content_region.height

    def _scroll_to_bar(self, y: int) -> None:
        """Scroll so that the thumb is centred on row `y` of the bar."""
        height = self.scrollable_content_region.height
        n = len(self._layout)
        start, end = self._thumb() or (0, height)
        size = end - start
        share = (y - size / 2) / max(1, height - size)
        self.scroll_to(y=round(max(0.0, min(1.0, share)) * (n - height)), animate=False)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and self._on_bar(offset.x):
            self._dragging = True
            self.capture_mouse()
            self._scroll_to_bar(offset.y)
            event.stop()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:
            self._scroll_to_bar(event.get_content_offset_capture(self).y)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()
            event.stop()

    def _render_visual_line(self, index: int) -> Strip:
        width, left = self._geometry
        base = self._base_style()
        layout = self._layout
        if index >= len(layout):
            return Strip.blank(width, base)
        measure = layout.width
        is_cursor = index == self._cursor_line
        line_style = base + self._style("cursor-line") if is_cursor else base
        if self._heading and layout.paras[index] == 0:
            line_style += self._style("title")
        if is_cursor:
            gutter = Segment(CURSOR_MARK + " ", line_style + self._style("gutter"))
        else:
            gutter = Segment(" " * GUTTER, base)
        segments = [Segment(" " * left, base), gutter]
        s, e = layout.starts[index], layout.ends[index]
        cells = left + GUTTER
        if not layout.is_blank(index) and e > s:
            text = self._text_segments(s, e, line_style)
            segments.extend(text)
            cells += (e - s) if self._narrow_only else sum(seg.cell_length for seg in text)
        column_end = left + GUTTER + measure
        if cells < column_end:
            segments.append(Segment(" " * (column_end - cells), line_style))
            cells = column_end
        if cells < width:
            segments.append(Segment(" " * (width - cells), base))
            cells = width
        if cells != width:
            return Strip(segments).adjust_cell_length(width, base).simplify()
        # Fewer segments make every later step cheaper (Textual's filters, the compositor,
        # the escape sequences): a plain line is one segment.  Paid once, the strip is kept.
        return Strip(segments, width).simplify()

    def _text_segments(self, s: int, e: int, line_style: Style) -> list[Segment]:
        layers: list[tuple[int, int, int, Style]] = []

        def add(spans: Iterable, name: str) -> None:
            order = _LAYERS.index(name)
            style = self._style(name)
            for span in spans:
                layers.append((max(span.start, s), min(span.end, e), order, style))

        for category in CATEGORIES:
            if category in self._enabled:
                for h in self._highlights[category].overlapping(s, e):
                    layers.append((max(h.start, s), min(h.end, e), _LAYERS.index(h.style),
                                   self._style(h.style)))
        t = self._target
        if t is not None and t.highlight is not None and t.highlight.related is not None:
            rel = t.highlight.related
            if rel.start < e and rel.end > s:
                add([rel], "speaker")
        if self._mentions:
            add(self._mentions.overlapping(s, e), "mention")
        if self._matches:
            add(self._matches.overlapping(s, e), "match")
        current = None
        if t is not None and t.start < e and t.end > s:
            current = (max(t.start, s), min(t.end, e))

        text = self._display
        if not layers and current is None:
            return [Segment(text[s:e], line_style)]
        cuts = {s, e}
        for a, b, _, _ in layers:
            cuts.add(a)
            cuts.add(b)
        if current is not None:
            cuts.update(current)
        points = sorted(c for c in cuts if s <= c <= e)
        layers.sort(key=lambda layer: layer[2])
        current_style = self._style("current")
        out = []
        for a, b in zip(points, points[1:]):
            style = line_style
            for la, lb, _, ls in layers:
                if la <= a and b <= lb:
                    style += ls
            if current is not None and current[0] <= a and b <= current[1]:
                # The current target is inverted relative to whatever it already is, so it
                # stands out on every category, with or without colour.
                style += current_style + Style(reverse=not style.reverse)
            out.append(Segment(text[a:b], style))
        return out
