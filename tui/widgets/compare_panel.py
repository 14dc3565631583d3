"""The compare view's panel: the comparison's sections (`tui.export.compare.sections`) as
a tree; Enter on a row jumps both articles to what it names."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import LoadingIndicator, Static, Tree

from ..export.compare import Row, Section

OPEN = ("story", "scorecard", "speakers", "wording", "quotes", "figures")


class CompareTree(Tree[Row]):
    """Sections of rows; Enter on a row shows its places in both articles."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Jump to both", id="compare.jump",
                tooltip="Show this row's places in both articles (again: the next ones)"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Comparison", id=id)
        self.show_root = False
        self.guide_depth = 2
        self.auto_expand = True


class ComparePanel(Vertical):
    """The comparison, or a spinner until both analyses are done."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._sections: list[Section] = []

    def compose(self) -> ComposeResult:
        yield Static(Text("Comparison", style="bold"), id="cmp-heading")
        yield LoadingIndicator(id="cmp-loading")
        yield CompareTree(id="cmp-tree")

    def on_mount(self) -> None:
        self.set_busy(True)

    @property
    def tree(self) -> CompareTree:
        return self.query_one(CompareTree)

    def set_busy(self, busy: bool) -> None:
        self.query_one("#cmp-loading").display = busy
        self.tree.display = not busy

    @property
    def _width(self) -> int:
        return max(16, self.scrollable_content_region.width - 6)

    def set_sections(self, sections: list[Section]) -> None:
        self._sections = sections
        self._fill()
        self.set_busy(False)

    def _fill(self) -> None:
        tree = self.tree
        tree.clear()
        first = None
        width = self._width
        for sec in sections_shown(self._sections):
            label = Text.assemble((sec.title, "bold"), (f"  {len(sec.rows)}", "dim"))
            if sec.id in ("story", "scorecard"):
                label = Text(sec.title, style="bold")
            node = tree.root.add(label, expand=sec.id in OPEN and bool(sec.rows),
                                 allow_expand=bool(sec.rows), data=None)
            for row in sec.rows:
                leaf = node.add_leaf(label_for(sec, row, width), data=row)
                if first is None and (row.a_spans or row.b_spans):
                    first = leaf
        if first is not None:
            self.call_after_refresh(tree.move_cursor, first, animate=False)

    def on_resize(self) -> None:
        if self._sections:
            width = self._width
            sec_by_node = dict(zip(self.tree.root.children, sections_shown(self._sections)))
            for node, sec in sec_by_node.items():
                for leaf in node.children:
                    if leaf.data is not None:
                        leaf.set_label(label_for(sec, leaf.data, width))


def sections_shown(sections: list[Section]) -> list[Section]:
    return [s for s in sections if s.id != "story" or s.rows]


def label_for(section: Section, row: Row, width: int) -> Text:
    """`300 ↔ 2,000 · disagree (count)`, cut to the panel's width."""
    text = Text(no_wrap=True, overflow="ellipsis")
    if section.id == "story":
        text.append(row.short or row.a, "italic")
    elif section.id == "scorecard":
        text.append("A ", "dim")
        text.append(f"{row.a:>5}", "bold")
        text.append("  B ", "dim")
        text.append(f"{row.b:>5}", "bold")
        text.append(f"  {row.short or row.note}", "dim")
    elif row.short:
        head, _, rest = row.short.partition(" · ")
        text.append(head, "bold")
        if rest:
            text.append(f" · {rest}", "dim")
    else:
        text.append(row.a, "bold" if row.a != "—" else "dim")
        text.append(" ↔ ", "dim")
        text.append(row.b, "bold" if row.b != "—" else "dim")
        if row.note:
            text.append(f" · {row.note}", "dim")
    text.truncate(width, overflow="ellipsis")
    return text
