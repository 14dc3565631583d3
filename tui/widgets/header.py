"""The one-line header: slant, the article's title, the analysis status and the source."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


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
        yield Label("", id="status", markup=False)
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
        label = self.query_one("#status", Label)
        text = f"{SPINNER[self._frame]} {self.status}" if self.busy else self.status
        label.update(text)
        label.set_class(self.busy, "-busy")
        label.display = bool(text)
