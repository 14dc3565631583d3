"""The explanation line under the article: what the current highlight is and why it matters."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from analyzers.text import terminal_safe

from .article import Target
from .styles import cropped, filtered, layer_style
from ..categories import GLYPH, SINGULAR
from .highlights import Highlight


class ExplainLine(Widget):
    """Two or three short lines about the target at the cursor, under a rule.

    Nearly every key changes these lines, so they are cheap to draw: a fixed height (no
    layout pass), and every row drawn here, rule and margins included, once per change
    and handed to Textual as it is (its general path cost a page move 1.5 ms of 10).
    """

    COMPONENT_CLASSES = {
        "explain-line--rule", "explain-line--label", "explain-line--why", "explain-line--where",
        "explain-line--quote", "explain-line--official", "explain-line--figure",
        "explain-line--opinion", "explain-line--opinion-quoted",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.plain = ""   # the text shown, for tests
        self._text = Text()
        self._lines: list[Strip] | None = None   # the text wrapped to `_lines_width`
        self._lines_width = 0
        self._redo: tuple | None = None   # the last call, to redraw in a new theme
        self._parts: dict[str, Style] = {}

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._parts.clear()
        if self._redo is not None and self.is_mounted:
            method, args, kwargs = self._redo
            method(*args, **kwargs)

    def render_lines(self, crop: Region) -> list[Strip]:
        return cropped([self.render_line(y) for y in crop.line_range], crop, self.size.width)

    def render_line(self, y: int) -> Strip:
        rows = self._rows()
        return rows[y] if y < len(rows) else Strip.blank(self.size.width)

    def _rows(self) -> list[Strip]:
        """The rule, then the text wrapped between one-column margins, every segment
        styled and through the app's line filters (NO_COLOR needs both)."""
        width, height = self.size
        if self._lines is None or self._lines_width != width:
            console = self.app.console
            base = self.rich_style
            margin = Segment(" ", base)
            rows = [Strip([Segment("▔" * width, base + self._part("rule"))], width)]
            for line in self._text.wrap(console, max(1, width - 2)):
                text = Strip(line.render(console, end="")).apply_style(base)
                rows.append(Strip([margin, *text.crop(0, width - 2)])
                            .adjust_cell_length(width, base))
            rows += [Strip.blank(width, base)] * (height - len(rows))
            self._lines, self._lines_width = filtered(self, rows[:max(height, 1)]), width
        return self._lines

    def _part(self, name: str) -> Style:
        style = self._parts.get(name)    # asking Textual each time costs a page move 0.5 ms
        if style is None:
            style = self._parts[name] = layer_style(self, f"explain-line--{name}")
        return style

    def show_message(self, message: str, hint: str = "") -> None:
        self._redo = (self.show_message, (message, hint), {})
        text = Text(message)
        if hint:
            text.append("\n")
            text.append(hint, self._part("why"))
        self._show(text)

    def show_target(self, target: Target | None, *, line: int, lines: int,
                    pending: float | None = None) -> None:
        """Explain `target`; with no target and `pending` (the share of the article
        analysed so far), say the highlights here are still to come."""
        self._redo = (self.show_target, (target,), dict(line=line, lines=lines,
                                                        pending=pending))
        where = f"line {line + 1} of {lines}" if lines else ""
        if target is None:
            if pending is not None:
                message = ("Analysing the article… highlights appear when it is done."
                           if not pending else
                           f"Analysing the article ({pending:.0%} done)… highlights appear "
                           "here when the analysis reaches this part.")
                self.show_message(message,
                                  "Keep reading meanwhile: j/k or arrows move, space pages.")
            else:
                self._show(self._with_where(
                    Text("No highlight on this line."), where,
                    "Press ] for the next highlight, [ for the previous one, / to search."))
            return
        if target.kind == "highlight" and target.highlight is not None:
            h = target.highlight
            head = self._head(h)
            head.append(h.what)
            if target.total:
                where = f"{target.number} of {target.total} · {where}"
            self._show(self._with_where(head, where, h.why))
            return
        if target.kind == "match":
            head = Text()
            head.append(" / ", self._part("label"))
            head.append(f" Search: match {target.number} of {target.total} for “{terminal_safe(target.label)}”")
        else:
            head = Text()
            head.append(" ● ", self._part("label"))
            head.append(f" {target.label}: mention {target.number} of {target.total}")
        h = target.highlight
        why = f"{SINGULAR[h.category]} here: {h.what}." if h else ""
        if target.kind == "match":
            why = why or "n for the next match, N for the previous one, Esc in the bar to clear."
        else:
            why = why or "Enter in the panel again for the next mention."
        self._show(self._with_where(head, where, why))

    def _head(self, h: Highlight) -> Text:
        head = Text()
        head.append(f" {GLYPH[h.category]} {SINGULAR[h.category]} ", self._part(h.style))
        head.append(" ")
        return head

    def _with_where(self, head: Text, where: str, why: str) -> Text:
        text = head
        if where:
            text.append(f"  ({where})", self._part("where"))
        if why:
            text.append("\n")
            text.append(why, self._part("why"))
        return text

    def _show(self, text: Text) -> None:
        self.plain = text.plain
        self._text = text
        self._lines = None
        self.refresh()
