"""The heading of the teaching screens (rewrite, quiz): a badge, a title and a status line."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from ..widgets.styles import layer_style


class TeachHeader(Widget):
    COMPONENT_CLASSES = {"teach-header--badge", "teach-header--muted"}

    def __init__(self, badge: str, title: str, status: str = "", *,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.badge, self.title, self.status = badge, title, status

    def set_status(self, status: str) -> None:
        self.status = status
        self.refresh(layout=True)

    @property
    def plain(self) -> str:
        return self.render().plain

    def render(self) -> Text:
        text = Text(overflow="fold")
        text.append(f" {self.badge} ", layer_style(self, "teach-header--badge"))
        text.append(f" {self.title}")
        if self.status:
            text.append("\n")
            text.append(self.status, layer_style(self, "teach-header--muted"))
        return text
