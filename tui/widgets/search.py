"""The search bar that `/` opens under the article."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label


class SearchBar(Horizontal):
    """`/ [query…]  3 matches`; Enter jumps to the first match, Esc closes and clears."""

    BINDINGS = [
        Binding("escape", "cancel", "Close search", id="search.cancel",
                tooltip="Close the search bar and clear the matches"),
    ]

    class Changed(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Submitted(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Cancelled(Message):
        pass

    def compose(self) -> ComposeResult:
        yield Label("/", id="search-prompt")
        yield Input(placeholder="search the article (case-insensitive)", id="search-input",
                    compact=True)
        yield Label("", id="search-count")

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    def open(self, query: str = "") -> None:
        self.add_class("-active")
        self.input.value = query
        self.input.focus()

    def close(self) -> None:
        self.remove_class("-active")

    @property
    def is_open(self) -> bool:
        return self.has_class("-active")

    def set_count(self, found: int | None) -> None:
        text = "" if found is None else ("no matches" if found == 0 else
                                         f"{found} match{'es' if found != 1 else ''}")
        label = self.query_one("#search-count", Label)
        if str(label.render()) != text:
            label.update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(event.value))

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
