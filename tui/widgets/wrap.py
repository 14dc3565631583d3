"""Word-wrapping an article into visual lines, fast enough for book-length texts.

A visual line is a character range of the text; a blank line separates paragraphs.  The
common case (every character one cell wide) costs one `str.rfind` per line, so the work grows
with the number of lines, not the number of words.  Paragraphs with wide or zero-width
characters take a slower per-character path.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from rich.cells import get_character_cell_size

from analyzers.text import terminal_safe

# One for one, so offsets in the display text equal offsets in the article: tab, newline and
# the Unicode line separators become a plain space; control and bidi characters, which
# Textual would write to the terminal as they are, the visible placeholders of
# `terminal_safe` (␛ for ESC, ␌ for a form feed, ⇆ for a bidi override, ...).
_SPACES = "\t\n\u2028\u2029"
_SPACE_RX = re.compile("[" + re.escape(_SPACES) + "]")


def display_text(text: str) -> str:
    """`text` as it is drawn: same length, whitespace flattened to spaces, controls shown."""
    return _SPACE_RX.sub(" ", terminal_safe(text))


@dataclass
class Layout:
    """The visual lines of an article at one width."""

    width: int
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    paras: list[int] = field(default_factory=list)   # paragraph index, -1 for a blank line

    def __len__(self) -> int:
        return len(self.starts)

    def line_at(self, offset: int) -> int:
        """The line showing character `offset` (or the nearest line before it)."""
        if not self.starts:
            return 0
        return max(0, bisect_right(self.starts, offset) - 1)

    def is_blank(self, line: int) -> bool:
        return self.paras[line] < 0


def wide_pattern(display: str) -> re.Pattern[str] | None:
    """A character class of the characters in `display` that are not one cell wide."""
    if display.isascii():   # O(1): controls are already replaced, the rest is one cell
        return None
    odd = [c for c in set(display) if get_character_cell_size(c) != 1]
    if not odd:
        return None
    return re.compile("[" + "".join(re.escape(c) for c in odd) + "]")


_UNKNOWN: Any = object()


def wrap(display: str, paragraphs: list[tuple[int, int]], width: int, *,
         wide: re.Pattern[str] | None = _UNKNOWN) -> Layout:
    """Greedy word wrap of each paragraph of `display` to `width` cells.  `wide` is
    `wide_pattern(display)`, if the caller has it already (it costs a pass over the text)."""
    width = max(1, width)
    layout = Layout(width)
    starts, ends, paras = layout.starts, layout.ends, layout.paras
    if wide is _UNKNOWN:
        wide = wide_pattern(display)
    for n, (ps, pe) in enumerate(paragraphs):
        if n:
            starts.append(paragraphs[n - 1][1])
            ends.append(paragraphs[n - 1][1])
            paras.append(-1)
        if wide is not None and wide.search(display, ps, pe):
            _wrap_cells(display, ps, pe, width, n, layout)
            continue
        pos = ps
        while pos < pe:
            if pe - pos <= width:
                starts.append(pos)
                ends.append(pe)
                paras.append(n)
                break
            limit = pos + width
            cut = display.rfind(" ", pos + 1, limit + 1)
            if cut < 0:  # one word longer than the line: break it
                end = nxt = limit
            else:
                end, nxt = cut, cut + 1
                while end > pos and display[end - 1] == " ":
                    end -= 1
            starts.append(pos)
            ends.append(end)
            paras.append(n)
            while nxt < pe and display[nxt] == " ":
                nxt += 1
            pos = nxt
    return layout


def _wrap_cells(display: str, ps: int, pe: int, width: int, n: int, layout: Layout) -> None:
    """The same greedy wrap, counting cells character by character."""
    pos = ps
    while pos < pe:
        cells = 0
        space = -1            # last space seen on this line
        i = pos
        while i < pe:
            ch = display[i]
            w = get_character_cell_size(ch)
            if cells + w > width and i > pos:
                break
            if ch == " ":
                space = i
            cells += w
            i += 1
        if i >= pe:
            end = nxt = pe
        elif display[i] == " ":
            end, nxt = i, i + 1
        elif space > pos:
            end, nxt = space, space + 1
        else:
            end = nxt = i
        while end > pos and display[end - 1] == " ":
            end -= 1
        layout.starts.append(pos)
        layout.ends.append(end)
        layout.paras.append(n)
        while nxt < pe and display[nxt] == " ":
            nxt += 1
        pos = nxt
