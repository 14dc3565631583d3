"""The side panel: who and what the article mentions, and a summary of its numbers."""

from __future__ import annotations

from typing import Any, Callable

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widget import MountError
from textual.widgets import ContentSwitcher, LoadingIndicator, Static, Tree

from analyzers.model import OPINION_CATEGORIES, Analysis
from analyzers.text import terminal_safe

from .styles import layer_style
from .checklist import ChecklistView
from .highlights import GROUPS, PanelEntry, panel_entries

TABS = (("entities", "Entities"), ("summary", "Summary"), ("checklist", "Checklist"))


class EntityTree(Tree[PanelEntry]):
    """Grouped entries; Enter on an entry highlights its mentions and jumps to the next."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Next mention", id="panel.jump",
                tooltip="Highlight this entry's mentions and jump to the next one"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Entities", id=id)
        self.show_root = False
        self.guide_depth = 2
        self.auto_expand = True


class PanelTabs(Static):
    """A one-line tab strip; `s` or a click switches."""

    COMPONENT_CLASSES = {"panel-tabs--active", "panel-tabs--inactive", "panel-tabs--hint"}

    class Switched(Message):
        def __init__(self, tab: str) -> None:
            super().__init__()
            self.tab = tab

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.active = "entities"
        self._hits: list[tuple[int, int, str]] = []

    def show(self, active: str) -> None:
        self.active = active
        text = Text(no_wrap=True)
        self._hits = []
        for tab, name in TABS:
            start = text.cell_len
            part = "active" if tab == active else "inactive"
            text.append(f" {name} ", layer_style(self, f"panel-tabs--{part}"))
            self._hits.append((start, text.cell_len, tab))
            text.append(" ")
        text.append(" s", layer_style(self, "panel-tabs--hint"))
        self.update(text)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:
            self.show(self.active)   # the parts' styles come from CSS: a new theme, new styles

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        for start, end, tab in self._hits:
            if offset is not None and start <= offset.x < end:
                self.post_message(self.Switched(tab))


class SidePanel(Vertical):
    """Entities (a tree) and Summary (the numbers), one at a time.

    Its content is mounted just after the first frame (the tree and its neighbours cost a
    good part of the reader's start-up, and there is nothing in them yet); calls made
    before then are kept and applied once it is there."""

    def __init__(self, *, id: str | None = None, defer: bool = True) -> None:
        super().__init__(id=id)
        self._defer = defer
        self._built = False
        self._tab = "entities"
        self._busy = False
        self._pending: tuple[Analysis, dict[str, list[PanelEntry]], float] | None = None
        # The review adds to the summary (the scorecard) and fills the checklist tab.
        self.summary_extra: Callable[[], list[Any]] | None = None
        self._summary_args: tuple[Analysis, float] | None = None
        self._checklist: tuple[list, list[bool]] | None = None

    def compose(self) -> ComposeResult:
        yield PanelTabs(id="panel-tabs")
        if not self._defer:
            yield self._content()

    @staticmethod
    def _content() -> ContentSwitcher:
        return ContentSwitcher(
            Vertical(LoadingIndicator(id="panel-loading"), EntityTree(id="entity-tree"),
                     id="entities"),
            VerticalScroll(Static("", id="summary-body"), id="summary", can_focus=True),
            ChecklistView(id="checklist"),
            initial="entities", id="panel-switcher")

    def on_mount(self) -> None:
        self.query_one(PanelTabs).show("entities")
        if self._defer:
            self.call_after_refresh(self._build)
        else:
            self._built_now()

    async def _build(self) -> None:
        try:
            await self.mount(self._content())
        except MountError:   # the reader quit before its first frame was done
            return
        self._built_now()

    def _built_now(self) -> None:
        self._built = True
        self.query_one("#summary-body", Static).update(
            Text("The numbers appear when the analysis is done.", style="dim"))
        self.set_busy(self._busy)
        self.switch(self._tab)
        if self._pending is not None:
            self.set_analysis(*self._pending)
        if self._checklist is not None:
            self.set_checklist(*self._checklist)

    @property
    def tree(self) -> EntityTree:
        return self.query_one(EntityTree)

    @property
    def active(self) -> str:
        return self._tab

    def switch(self, tab: str | None = None) -> str:
        """Show `tab`, or the other tab; returns the tab now shown."""
        if tab is None:
            names = [t for t, _ in TABS]
            tab = names[(names.index(self.active) + 1) % len(names)]
        self._tab = tab
        if self._built:
            self.query_one(ContentSwitcher).current = tab
        self.query_one(PanelTabs).show(tab)
        return tab

    def focus_active(self) -> None:
        if not self._built:
            return
        if self.active == "checklist":
            self.query_one(ChecklistView).focus()
            return
        (self.tree if self.active == "entities" else self.query_one("#summary")).focus()

    def on_panel_tabs_switched(self, event: PanelTabs.Switched) -> None:
        self.switch(event.tab)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        if self._built:
            self.query_one("#panel-loading").display = busy
            self.tree.display = not busy

    def set_analysis(self, analysis: Analysis, groups: dict[str, list[PanelEntry]] | None = None,
                     done: float = 1.0) -> dict[str, list[PanelEntry]]:
        """Fill the panel from `analysis` (`groups`: its rows, if already made); `done` below
        1 says the analysis so far covers only that share of the article."""
        if groups is None:
            groups = panel_entries(analysis)
        if not self._built:
            self._pending = (analysis, groups, done)
            return groups
        self._pending = None
        tree = self.tree
        cursor_key = tree.cursor_node.data.key if tree.cursor_node and tree.cursor_node.data else None
        tree.clear()
        restore = first = None
        for group, title in GROUPS:
            rows = groups[group]
            label = Text.assemble((title, "bold"), (f"  {len(rows)}", "dim"))
            node = tree.root.add(label, expand=bool(rows), allow_expand=bool(rows))
            for row in rows:
                leaf = node.add_leaf(self._label(row, self._label_width), data=row)
                first = first or leaf
                if row.key == cursor_key:
                    restore = leaf
        # Start on an entry, not a group heading, so Enter does something useful at once.
        if restore or first:
            self.call_after_refresh(tree.move_cursor, restore or first, animate=False)
        self._summary_args = (analysis, done)
        self.refresh_summary()
        return groups

    def refresh_summary(self) -> None:
        """Draw the summary again (the review's part may have changed)."""
        if not self._built or self._summary_args is None:
            return
        body = summary(*self._summary_args)
        if self.summary_extra is not None:
            body = Group(body, *self.summary_extra())
        self.query_one("#summary-body", Static).update(body)

    def set_checklist(self, items: list, ticked: list[bool]) -> None:
        self._checklist = (items, ticked)
        if self._built:
            self.query_one(ChecklistView).show_items(items, ticked)

    @property
    def _label_width(self) -> int:
        # the tree's guides, padding and scrollbar take about seven columns (the panel's
        # width, not the tree's: the tree is hidden while the analysis runs)
        return max(12, self.scrollable_content_region.width - 7)

    def on_resize(self) -> None:
        if not self._built:
            return
        width = self._label_width
        for group in self.tree.root.children:
            for leaf in group.children:
                if leaf.data is not None:
                    leaf.set_label(self._label(leaf.data, width))

    @staticmethod
    def _label(row: PanelEntry, width: int) -> Text:
        """`  3 Ilse Brandvik · Mayor`, cut with an ellipsis to fit the panel."""
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{row.count:>3} ", "bold")
        text.append(row.label)
        if row.detail:
            text.append(f" · {row.detail}", "dim")
        text.truncate(width, overflow="ellipsis")
        return text


def summary(analysis: Analysis, done: float = 1.0) -> Group:
    """The article's numbers as small tables for the panel (about 36 columns); `done` below
    1 notes that they cover only the part analysed so far.  They are the engine's
    (`Analysis.stats`), never recomputed here."""
    st = analysis.stats
    words = int(st.get("words", 0) or 0)

    def table() -> Table:
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        grid.add_column(justify="right", no_wrap=True)
        return grid

    def heading(title: str) -> Text:
        return Text(title, style="bold underline")

    numbers = table()
    numbers.add_row("Words", f"{words:,}")
    numbers.add_row("Words in quotes",
                    f"{float(st.get('quoted_share', 0) or 0):.0%} · {int(st.get('quoted_words', 0)):,}")
    quotes = int(st.get("speech_quotes", st.get("quotes", 0)) or 0)
    numbers.add_row("Quotes", str(quotes))
    numbers.add_row(Text("  with a named speaker", style="dim"),
                    Text(str(st.get("attributed_quotes", 0)), style="dim"))
    numbers.add_row("Quoted: officials", str(st.get("officials_quoted", 0)))
    numbers.add_row("Quoted: others", str(st.get("others_quoted", 0)))
    numbers.add_row("Writer's opinion markers", str(st.get("opinion_writer", 0)))
    numbers.add_row(Text("  per 100 words", style="dim"),
                    Text(f"{float(st.get('opinion_writer_per_100_words', 0) or 0):.1f}",
                         style="dim"))
    numbers.add_row(Text("  opinion inside quotes", style="dim"),
                    Text(str(st.get("opinion_quoted", 0)), style="dim"))
    numbers.add_row("Figures", str(st.get("figures", 0)))
    parts: list[Any] = [heading("The numbers"), numbers, Text()]
    if done < 1:
        parts[:0] = [Text(f"So far: the first {done:.0%} of the article.", style="italic"),
                     Text()]

    speakers = [s for s in st.get("speakers", []) if s.get("quotes")]
    parts.append(heading("Who is quoted"))
    if not speakers:
        parts.append(Text("nobody", style="dim"))
    else:
        who = Table.grid(padding=(0, 1), expand=True)
        who.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        who.add_column(width=8, no_wrap=True)
        who.add_column(justify="right", no_wrap=True)
        top = max(int(s.get("words", 0)) for s in speakers) or 1
        for s in speakers[:15]:
            label = Text(terminal_safe(s.get("name") or "no speaker found"), no_wrap=True,
                         overflow="ellipsis")
            if s.get("official"):
                label = Text.assemble(("◆ ", "bold"), label)
            else:
                label = Text.assemble("  ", label)
            bar = "█" * max(1, round(8 * int(s.get("words", 0)) / top))
            who.add_row(label, Text(bar, style="dim"),
                        f"{s.get('quotes', 0)} · {s.get('words', 0)}w")
        parts.append(who)
        if len(speakers) > 15:
            parts.append(Text(f"  and {len(speakers) - 15} more", style="dim"))
        parts.append(Text("◆ official · quotes · words", style="dim"))

    by_cat = st.get("opinion_writer_by_category") or {}
    if by_cat:
        kinds = table()
        for cat, n in sorted(by_cat.items(), key=lambda kv: -kv[1]):
            kinds.add_row(OPINION_CATEGORIES.get(cat, cat), str(n))
        parts += [Text(), heading("Writer's opinion by kind"), kinds]
    return Group(*parts)
