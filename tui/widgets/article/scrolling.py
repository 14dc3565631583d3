"""How the article view scrolls itself: a first line on screen, the mouse wheel, a scroll
bar it draws and drags itself, and the next page drawn ahead while the reader reads.

Not a Textual `ScrollView`: scrolling one of those re-arranges the whole screen and redraws
its scroll bar through Rich, most of a page move's cost (12 ms against 6 ms for the same
plain lines, measured in tests/bench).
"""

from __future__ import annotations

from textual import events
from textual.geometry import Region

# Idle time after a page move before the next page is drawn ahead: a held key keeps
# putting it off, so that work never competes with the keys.
PREPARE_AFTER = 0.05
WHEEL_LINES = 3   # lines per mouse wheel step


class ScrollingMixin:
    """Scrolling, the scroll bar and drawing ahead; a part of `ArticleView`."""

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

