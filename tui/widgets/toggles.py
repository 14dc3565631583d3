"""The toggle bar: one switch per highlight category, with its key, count and on/off state.

Each category's name is drawn in the same style as its highlights, so the bar doubles as the
legend.  Counts show "–" until an analysis arrives.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

from .styles import layer_style
from ..categories import CATEGORIES, KEYS, NAMES, SHORT, STYLE_OF

ON, OFF = "●", "○"


class ToggleBar(Widget):
    """`1 Quotes 14 ●  2 Officials 3 ○ …`; a click on a switch toggles it."""

    COMPONENT_CLASSES = {
        "toggle-bar--key", "toggle-bar--off", "toggle-bar--count",
        "toggle-bar--quote", "toggle-bar--official", "toggle-bar--figure",
        "toggle-bar--opinion",
    }

    class Toggled(Message):
        """A category was clicked."""

        def __init__(self, category: str) -> None:
            super().__init__()
            self.category = category

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.counts: dict[str, int] | None = None    # None until an analysis arrives
        self.partial = False                         # counts so far, the analysis goes on
        self.enabled: set[str] = set(CATEGORIES)
        self.keys: dict[str, str] = dict(KEYS)       # the user's keys, if they remapped
        self._hits: list[tuple[int, int, str]] = []  # x ranges of the switches, for clicks

    def set_state(self, *, counts: dict[str, int] | None = None, enabled=None,
                  keys: dict[str, str] | None = None, partial: bool | None = None) -> None:
        if counts is not None:
            self.counts = dict(counts)
        if enabled is not None:
            self.enabled = set(enabled)
        if keys is not None:
            self.keys = {**KEYS, **keys}
        if partial is not None:
            self.partial = partial
        self.refresh()

    def _part(self, name: str) -> Style:
        return layer_style(self, f"toggle-bar--{name}")

    def render(self) -> Text:
        # Full names where they fit, else short ones, so all four stay visible.
        for names, gap in ((NAMES, "  "), (NAMES, " "), (SHORT, " ")):
            text, hits = self._line(names, gap)
            if text.cell_len <= self.size.width or names is SHORT:
                break
        self._hits = hits
        if text.cell_len + 7 <= self.size.width:
            text.append(" ")
            text.append(" a ", self._part("key"))
            text.append(" all", self._part("off"))
        return text

    def _line(self, names: dict[str, str], gap: str) -> tuple[Text, list[tuple[int, int, str]]]:
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        hits = []
        for category in CATEGORIES:
            on = category in self.enabled
            start = text.cell_len
            text.append(f" {self.keys[category]} ", self._part("key"))
            text.append(" ")
            name_style = self._part(STYLE_OF[category]) if on else self._part("off")
            text.append(names[category], name_style)
            count = "–" if self.counts is None else str(self.counts.get(category, 0))
            if self.partial:
                count += "+"   # more to come: the analysis has not reached the end
            text.append(f" {count} ", self._part("count") if on else self._part("off"))
            text.append(ON if on else OFF, Style() if on else self._part("off"))
            hits.append((start, text.cell_len, category))
            if category != CATEGORIES[-1]:
                text.append(gap)
        return text, hits

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        for start, end, category in self._hits:
            if offset is not None and start <= offset.x < end:
                self.post_message(self.Toggled(category))
                return
