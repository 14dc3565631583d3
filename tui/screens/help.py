"""The help screen (`?` or F1): every key, grouped, and what each highlight looks like."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.keys import format_key
from textual.screen import ModalScreen
from textual.widgets import Static

from analyzers import glossary

from ..categories import CATEGORIES, GLYPH, NAMES, STYLE_OF

SECTIONS = {
    "compare": "Two articles (slant compare)",   # empty, so not shown, in the reader
    "reading": "Reading",
    "highlights": "Highlights",
    "search": "Search",
    "panel": "Side panel",
    "analysis": "Analysis",
    "feed": "Feed",
    "teach": "Teaching",
    "tour": "Guided tour",
    "app": "Other",
}

_LOOKS = {
    "quotes": "italic, green: someone's words; the speaker is in the line below",
    "officials": "bold, blue: a named official, with their title",
    "figures": "underlined, amber: a number to check",
    "opinion": "inverted, red: opinionated words in the writer's own voice",
}
LEGEND = (
    *((STYLE_OF[c], NAMES[c], _LOOKS[c]) for c in CATEGORIES),
    ("opinion-quoted", "Opinion in a quote", "double underline: opinion inside someone's quote"),
    ("current", "Current", "the highlight being explained is shown inverted"),
)


def key_names(binding: Binding) -> str:
    if binding.key_display:
        return binding.key_display
    names = []
    for key in binding.key.split(","):
        *mods, k = key.strip().split("+")
        shown = format_key(k)
        names.append("+".join([*mods, shown]) if mods else shown)
    return " / ".join(names)


def rows(bindings: list[Binding]) -> dict[str, list[tuple[str, str, str]]]:
    """(keys, description, tooltip) per section, from the bindings' ids: "reading.top" is
    in Reading."""
    out: dict[str, list[tuple[str, str, str]]] = {name: [] for name in SECTIONS}
    for b in bindings:
        section = (b.id or "app").split(".")[0]
        out.setdefault(section, []).append((key_names(b), b.description, b.tooltip))
    return out


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, bindings: list[Binding], styles: dict[str, object] | None = None) -> None:
        super().__init__()
        self.key_bindings = bindings
        self.legend_styles = styles or {}

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(Text("slant — keys", style="bold"), id="help-title")
            with VerticalScroll(id="help-body"):
                yield Static(self._table(), id="help-keys")
                yield Static(self._legend(), id="help-legend")
                yield Static(techniques_table(), id="help-techniques")
            yield Static(Text("Esc, q or ? closes this help", style="dim"), id="help-hint")

    def _table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(justify="right", style="bold", no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(style="dim")
        for section, entries in rows(self.key_bindings).items():
            if not entries:
                continue
            table.add_row("", Text(SECTIONS.get(section, section.title()), style="bold underline"))
            for keys, description, tooltip in entries:
                table.add_row(keys, description, tooltip)
            table.add_row("", "")
        return table

    def _legend(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(justify="right", no_wrap=True)
        table.add_column()
        table.add_row("", Text("What the highlights look like", style="bold underline"))
        for name, label, text in LEGEND:
            style = self.legend_styles.get(name)
            table.add_row(Text(label, style=style) if style else Text(label), text)
        return table


def techniques_table() -> Table | Text:
    """The glossary: each technique's name, what it is and the careful reader's question,
    grouped by highlight kind (the glyph says which, without colour)."""
    try:
        entries = glossary.load()
    except glossary.GlossaryError as exc:
        return Text(f"The technique glossary cannot be read: {exc}", style="dim")
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", no_wrap=True, style="bold")
    table.add_column()
    table.add_row("", Text("Techniques (the guided tour shows them one by one)",
                           style="bold underline"))
    for category in CATEGORIES:
        for e in entries.values():
            if e.category == category:
                body = Text(e.what)
                body.append(f"  Ask: {e.ask}", style="italic")
                table.add_row(f"{GLYPH[category]} {e.name}", body)
    return table
