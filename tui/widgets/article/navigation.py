"""Moving through the article: the line cursor (j/k, pages, clicks) and the current target
(a highlight, search match or entity mention) that `]`/`[`, `n`/`N` and the panel move to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from rich.segment import Segment
from textual import events

from ..highlights import Highlight, Span, SpanIndex
from ..wrap import display_text
from .layout import GUTTER


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


class NavigationMixin:
    """Search, mentions, highlight jumps and cursor moves; a part of `ArticleView`."""

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

    def go_to_highlight(self, h: Highlight) -> None:
        """Make `h` the current target, scrolled into view (the guided tour's steps)."""
        self._go(self._highlight_target(h))

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

    def show_offset(self, offset: int, row: int | None = None) -> None:
        """Put the cursor on the line holding `offset`, `row` lines below the top of the
        view (a third of the way down if None): how two views scroll together."""
        n = len(self._layout)
        if not n:
            return
        line = self._layout.line_at(offset)
        height = max(1, self.scrollable_content_region.height)
        row = height // 3 if row is None else max(0, min(row, height - 1))
        before = self._marked_lines()
        self.scroll_to(y=max(0, min(line - row, n - height)), animate=False)
        self._cursor_line = line
        self._cursor_offset = self._layout.starts[line]
        self._target = self._first_on_line(line)
        self._changed(before)

    @property
    def cursor_row(self) -> int:
        """The cursor line's row on screen (0 at the top of the view)."""
        return self._cursor_line - int(self.scroll_y)

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

