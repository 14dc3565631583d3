"""The search bar that `/` opens under the article."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import MountError
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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._opening: str | None = None   # a query to open with, once the input is there

    def compose(self) -> ComposeResult:
        yield Label("/", id="search-prompt")
        yield Label("", id="search-count")

    def on_mount(self) -> None:
        # The input is hidden until `/`: mounting it after the first frame makes that
        # frame come sooner.
        self.call_after_refresh(self._add_input)

    async def _add_input(self) -> None:
        try:
            await self.mount(Input(placeholder="search the article (case-insensitive)",
                                   id="search-input", compact=True), before="#search-count")
        except MountError:   # the reader quit before its first frame was done
            return
        if self._opening is not None:
            self.open(self._opening)

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    def open(self, query: str = "") -> None:
        self.add_class("-active")
        if not self.query(Input):
            self._opening = query
            return
        self._opening = None
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
