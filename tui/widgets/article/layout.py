"""The article view's geometry: the reading column centred in the width, the text wrapped to
it once per width (`widgets/wrap.py`), wrapped again when the width changes.
"""

from __future__ import annotations

from textual import events

from ..wrap import wrap

MEASURE = 84      # the widest text column, in cells: a comfortable reading measure
GUTTER = 2        # cursor mark + space, left of the text
BAR = 1           # the scroll bar, right of it


class LayoutMixin:
    """The reading column and the wrapped lines; a part of `ArticleView`."""

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

