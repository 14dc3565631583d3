"""The note dialog: one line of text for the highlight under the cursor (Enter keeps it,
Esc cancels, an empty note removes the note)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class NoteScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note.cancel")]

    def __init__(self, about: str, note: str | None = None) -> None:
        super().__init__()
        self.about = about
        self.note = note or ""

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Static(f"Note on {self.about}", id="note-title", markup=False)
            yield Input(self.note, placeholder="what a colleague should know", id="note-input")
            yield Static("Enter keeps the note · an empty note removes it · Esc cancels",
                         id="note-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
