"""The guided tour's card: docked under the article, it shows the technique (its glossary
entry), this instance in its sentence, who says it and how often the technique occurs.

The card takes the focus while the tour runs, so its keys (next/previous instance and
technique, leave) come first; the app moves the article to each instance it announces.
Every part has a label or a glyph as well as a colour, so it reads with NO_COLOR.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from ..categories import GLYPH, NAMES, STYLE_OF
from ..widgets.styles import layer_style
from .tour import WRITER, Instance, Tour, context

LABEL_WIDTH = 6   # "What  ", "Here  ", ...


class TourCard(Widget, can_focus=True):
    """One technique and one of its instances, with the keys to move on."""

    COMPONENT_CLASSES = {
        "tour-card--badge", "tour-card--label", "tour-card--name", "tour-card--muted",
        "tour-card--instance", "tour-card--ask", "tour-card--key",
        "tour-card--quote", "tour-card--official", "tour-card--figure", "tour-card--opinion",
    }

    BINDINGS = [
        Binding("right,l,space", "step(True)", "Next", id="tour.next",
                tooltip="Next instance (then the next technique)"),
        Binding("left,h", "step(False)", "Back", id="tour.previous",
                tooltip="Previous instance"),
        Binding("down,j,right_square_bracket", "technique(True)", "Technique",
                id="tour.next-technique", tooltip="First instance of the next technique"),
        Binding("up,k,left_square_bracket", "technique(False)", "Prev technique",
                id="tour.previous-technique", show=False,
                tooltip="First instance of the previous technique"),
        Binding("escape,t", "leave", "Leave tour", id="tour.leave",
                tooltip="Leave the tour, staying where you are in the article"),
    ]

    class Moved(Message):
        """The tour is at another instance: the app shows it in the article."""

        def __init__(self, instance: Instance) -> None:
            super().__init__()
            self.instance = instance

    class Left(Message):
        """The reader left the tour."""

    def __init__(self, tour: Tour, text: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.tour = tour
        self.text = text
        self.plain = ""          # the card as text, for tests
        self.at_end = ""         # "end" or "start" after a step past either, for the hint

    # -- keys -------------------------------------------------------------------------------
    def action_step(self, forward: bool) -> None:
        self._moved(self.tour.next() if forward else self.tour.previous(), forward)

    def action_technique(self, forward: bool) -> None:
        self._moved(self.tour.next_technique() if forward else self.tour.previous_technique(),
                    forward)

    def action_leave(self) -> None:
        self.post_message(self.Left())

    def _moved(self, moved: bool, forward: bool) -> None:
        self.at_end = "" if moved else ("end" if forward else "start")
        if moved:
            self.post_message(self.Moved(self.tour.instance))
        self.refresh(layout=True)

    def announce(self) -> None:
        """Tell the app where the tour is (at its start)."""
        self.post_message(self.Moved(self.tour.instance))

    # -- drawing ----------------------------------------------------------------------------
    def _part(self, name: str) -> Style:
        return layer_style(self, f"tour-card--{name}")

    def render(self) -> RenderableType:
        header, rows, hint = self.parts()
        self.plain = "\n".join([header.plain, *(f"{label} {body.plain}" for label, body in rows),
                                hint.plain]).rstrip()
        table = Table.grid(padding=(0, 1))
        table.add_column(width=LABEL_WIDTH - 1, no_wrap=True)
        table.add_column(ratio=1)   # wrapped lines hang under the text, not the label
        for label, body in rows:
            table.add_row(Text(label, self._part("label")), body)
        return Group(header, table, hint) if hint.plain else Group(header, table)

    def parts(self) -> tuple[Text, list[tuple[str, Text]], Text]:
        """The heading line, the labelled rows, and a hint at the tour's ends."""
        tour = self.tour
        t, i = tour.technique, tour.instance
        entry = t.entry
        header = Text(no_wrap=True, overflow="ellipsis")
        header.append(" TOUR ", self._part("badge"))
        header.append(f" {tour.technique_index + 1}/{len(tour.techniques)} ", self._part("muted"))
        header.append(f" {GLYPH[t.category]} {t.name} ", self._part(STYLE_OF[t.category]))
        count = len(t.instances)
        header.append(f" {tour.instance_index + 1} of {count}", self._part("name"))
        header.append(f" · {count} time{'s' if count != 1 else ''} in this article · "
                      f"{NAMES[t.category]}", self._part("muted"))
        rows: list[tuple[str, Text]] = []
        if entry is not None:
            rows.append(("What", Text(entry.what)))
            rows.append(("Why", Text(entry.why)))
        before, inside, after = context(self.text, i.start, i.end)
        here = Text(before)
        # brackets as well as the style: the instance stands out without colour
        here.append(f"⟦{inside}⟧", self._part("instance"))
        here.append(after)
        rows.append(("Here", here))
        rows.append(("Who", Text("the writer, in their own voice" if i.voice == WRITER
                                 else i.voice)))
        if entry is not None:
            example = Text(entry.example)
            example.append("  →  ", self._part("muted"))
            example.append(entry.neutral, self._part("name"))
            rows.append(("E.g.", example))
            rows.append(("Ask", Text(entry.ask, self._part("ask"))))
        hint = Text()
        if self.at_end:
            hint.append("■ That was the last instance: Esc leaves the tour here."
                        if self.at_end == "end" else "■ This is the first instance.",
                        self._part("name"))
        return header, rows, hint
