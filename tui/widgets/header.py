"""The one-line header: slant, the article's title, the analysis status and the source."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Label

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


class StatusLabel(Widget):
    """The status text.  Unlike a Label, a new text of the same width is only repainted:
    a Label re-lays out the whole screen on every update, ten times a second with the
    spinner, which costs the reader most of its time while the analysis runs."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = ""

    def render(self) -> Text:
        return Text(self.text, no_wrap=True)

    def show(self, text: str) -> None:
        if text == self.text:
            return
        layout = Text(text).cell_len != Text(self.text).cell_len
        self.text = text
        self.refresh(layout=layout)


class ArticleHeader(Horizontal):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.status = ""
        self.busy = False
        self._frame = 0
        self._timer = None

    def compose(self) -> ComposeResult:
        yield Label("slant", id="brand")
        yield Label("", id="title", markup=False)
        yield StatusLabel(id="status")
        yield Label("", id="source", markup=False)

    def on_mount(self) -> None:
        self._timer = self.set_interval(0.1, self._spin, pause=True)

    def show(self, title: str, source: str) -> None:
        self.query_one("#title", Label).update(title)
        self.query_one("#source", Label).update(source)

    def set_status(self, status: str, *, busy: bool = False) -> None:
        """`status` at the right; with `busy`, a spinner before it."""
        self.status = status
        self.busy = busy
        if self._timer is not None:
            (self._timer.resume if busy else self._timer.pause)()
        self._draw()

    def _spin(self) -> None:
        self._frame = (self._frame + 1) % len(SPINNER)
        self._draw()

    def _draw(self) -> None:
        label = self.query_one(StatusLabel)
        text = f"{SPINNER[self._frame]} {self.status}" if self.busy else self.status
        label.show(text)
        if label.has_class("-busy") != self.busy:
            label.set_class(self.busy, "-busy")
        if label.display != bool(text):
            label.display = bool(text)
