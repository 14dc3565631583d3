"""How the article view draws a line: the text with its highlight layers, the cursor and
the current target, as a `Strip` kept in a cache until a style changes.

Styles for a line come from bisecting sorted span lists; the cache is dropped whenever
styles change (toggle, cursor, search) - cheap, since only the lines on screen are redrawn.
"""

from __future__ import annotations

from typing import Iterable

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip

from ...categories import CATEGORIES
from ..styles import cropped, filtered, layer_style
from .layout import BAR, GUTTER

CURSOR_MARK = "▌"
PARA_MARK = "│"      # a paragraph the other article shares (slant compare)
# Drawing order: later layers win where they set the same attribute.
_LAYERS = ("quote", "official", "figure", "opinion-quoted", "opinion", "added", "rejected",
           "struck", "inserted", "missed", "extra",   # teaching: the rewrite and the quiz
           "speaker", "mention", "match", "selection")


class DrawingMixin:
    """Drawing lines and caching them; a part of `ArticleView`."""

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._restyle()

    def _restyle(self) -> None:
        """Forget every style worked out, and every line drawn with them."""
        self._styles.clear()
        self._bar_cells.clear()
        self._filter_background = None
        self._cache.clear()


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
        elif self._para_marks and layout.paras[index] in self._para_marks \
                and not layout.is_blank(index):
            gutter = Segment(PARA_MARK + " ", base + self._style("para-mark"))
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
        for name, spans in self._review_marks.items():
            add(spans.overlapping(s, e), name)
        if self._mentions:
            add(self._mentions.overlapping(s, e), "mention")
        if self._matches:
            add(self._matches.overlapping(s, e), "match")
        sel = self._selection
        if sel is not None and sel.start < e and sel.end > s:
            add([sel], "selection")
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

