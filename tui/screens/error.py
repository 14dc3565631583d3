"""The screen shown instead of a traceback: one line saying what went wrong."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from analyzers.text import terminal_safe


class ErrorScreen(Screen[None]):
    """`message` and "press q to quit"; with `can_continue`, Esc goes back to the article."""

    BINDINGS = [
        Binding("q", "quit_app", "Quit", id="error.quit", tooltip="Quit slant"),
        Binding("escape", "back", "Back to the text", id="error.back",
                tooltip="Keep reading without highlights"),
    ]

    def __init__(self, message: str, *, title: str = "slant cannot show this article",
                 can_continue: bool = False, exit_code: int = 1) -> None:
        super().__init__()
        self.message = message
        self.title_text = title
        self.can_continue = can_continue
        self.exit_code = exit_code

    def compose(self) -> ComposeResult:
        hint = "press q to quit"
        if self.can_continue:
            hint += ", Esc to keep reading without highlights"
        with Middle():
            with Center():
                with Vertical(id="error-box"):
                    yield Static(Text(self.title_text), id="error-title")
                    yield Static(Text(terminal_safe(self.message)), id="error-message")
                    yield Static(Text(hint), id="error-hint")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return self.can_continue
        return True

    def action_quit_app(self) -> None:
        self.app.exit(return_code=self.exit_code)

    def action_back(self) -> None:
        if self.can_continue:
            self.dismiss()
