"""The side panel's Checklist tab: the places to verify, each with a box to tick.

Enter jumps to the item in the article; space (or x) ticks it off or back on.  The app
stores the ticks in the review; this widget only shows them and says what was asked.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from analyzers.review import Item
from analyzers.text import terminal_safe


# the panel is narrow: short names for the rules (their full names are analyzers' RULES)
SHORT = {
    "unattributed_claim": "unattributed claim",
    "anonymous_source": "anonymous source",
    "figure_unsourced": "figure, no source or comparison",
    "quote_no_speaker": "quote, no speaker",
    "writer_opinion": "writer's opinion",
    "official_no_title": "official, no title at first",
}


class ChecklistView(OptionList):
    BINDINGS = [
        Binding("enter", "jump", "Go to", id="checklist.jump",
                tooltip="Go to this checklist item in the article"),
        Binding("space,x", "tick", "Tick", id="checklist.tick",
                tooltip="Tick this item off as checked (again: untick it)"),
    ]

    class Jump(Message):
        def __init__(self, item: Item) -> None:
            super().__init__()
            self.item = item

    class Ticked(Message):
        def __init__(self, item: Item) -> None:
            super().__init__()
            self.item = item

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[Item] = []
        self.ticked: list[bool] = []

    def show_items(self, items: list[Item], ticked: list[bool]) -> None:
        keep = self.highlighted
        self.items, self.ticked = list(items), list(ticked)
        self.clear_options()
        if not items:
            self.add_option(Option(Text("Nothing to check here.", style="dim"), disabled=True))
            return
        done = sum(ticked)
        self.add_options([Option(self._label(i, t)) for i, t in zip(items, ticked)])
        self.highlighted = keep if keep is not None and keep < len(items) else 0
        self.border_title = f"{done} of {len(items)} checked"

    @staticmethod
    def _label(item: Item, ticked: bool) -> Text:
        """`☐ anonymous source: “Officials said”`, wrapped by the list to the panel."""
        text = Text()
        text.append("☑ " if ticked else "☐ ", "bold")
        text.append(SHORT.get(item.rule, item.rule) + ": ", "dim" if ticked else "bold")
        words = " ".join(item.text.split())
        if len(words) > 70:
            words = words[:67] + "…"
        text.append("“" + terminal_safe(words) + "”", "dim" if ticked else "")
        return text

    def _current(self) -> Item | None:
        i = self.highlighted
        return self.items[i] if i is not None and 0 <= i < len(self.items) else None

    def action_jump(self) -> None:
        item = self._current()
        if item is not None:
            self.post_message(self.Jump(item))

    def action_tick(self) -> None:
        item = self._current()
        if item is not None:
            self.post_message(self.Ticked(item))
