"""What the reader's keys do: toggle categories, jump between highlights, search, the side
panel, help; and the key names the toggles, the palette and the hints show.

`ActionsMixin` is one part of `SlantApp` (the bindings are the app's); it relies on the
app's widgets (`article`, `panel`, `search_bar`, `toggles`) and its `enabled` categories.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import Tree

from .categories import CATEGORIES, NAMES
from .keymap import remapped
from .screens.help import HelpScreen, key_names
from .teaching.card import TourCard
from .widgets.article import ArticleView
from .widgets.highlights import PanelEntry
from .widgets.panel import EntityTree
from .widgets.checklist import ChecklistView
from .widgets.search import SearchBar
from .widgets.toggles import ToggleBar

LONG_TEXT = 200_000   # characters; above this, search waits for a pause in typing


class ActionsMixin:
    """The reader's actions and their message handlers; a part of `SlantApp`."""

    _search_timer: Timer | None = None

    # -- highlights ----------------------------------------------------------------------------
    def action_toggle(self, category: str) -> None:
        if category not in CATEGORIES:
            return
        if category in self.enabled:
            self.enabled.discard(category)
        else:
            self.enabled.add(category)
        self._enabled_changed()

    def action_toggle_all(self) -> None:
        self.enabled = set() if self.enabled == set(CATEGORIES) else set(CATEGORIES)
        self._enabled_changed()

    def _enabled_changed(self) -> None:
        self.article.set_enabled(self.enabled)
        self.toggles.set_state(enabled=self.enabled)

    def on_toggle_bar_toggled(self, message: ToggleBar.Toggled) -> None:
        self.action_toggle(message.category)

    def action_next_highlight(self, forward: bool = True) -> None:
        if self.analysis is None:
            self.notify("Still analysing: the highlights are not ready yet.", timeout=2)
            return
        if not self.article.next_highlight(forward):
            if not self.enabled:
                keys = self.category_keys()
                shown = ", ".join(keys[c] for c in CATEGORIES)
                self.notify(f"Every category is hidden: press {shown} or "
                            f"{self.key_for('highlights.all')} to show some.", timeout=3)
            else:
                shown = ", ".join(NAMES[c].lower() for c in CATEGORIES if c in self.enabled)
                self.notify(f"No highlights to go to ({shown} shown).", timeout=3)

    # -- search --------------------------------------------------------------------------------
    def action_search(self) -> None:
        self.search_bar.open(self.article.query)

    def on_search_bar_changed(self, message: SearchBar.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        if len(self.article.text) > LONG_TEXT:
            # On a book-length text, search once typing pauses, not on every key.
            self._search_timer = self.set_timer(0.15, lambda: self._search(message.query))
        else:
            self._search(message.query)

    def _search(self, query: str) -> None:
        self._search_timer = None
        had_query = bool(self.article.query)
        found = self.article.set_query(query)
        self.search_bar.set_count(found if query else None)
        if had_query != bool(query):
            self.refresh_bindings()   # n/N appear in the footer (a costly recompose)

    def on_search_bar_submitted(self, message: SearchBar.Submitted) -> None:
        if self._search_timer is not None or self.article.query != message.query:
            if self._search_timer is not None:
                self._search_timer.stop()
            self._search(message.query)
        self.search_bar.close()
        self.article.focus()
        if message.query and not self.article.next_match(True):
            self.notify(f"No matches for “{message.query}”.", timeout=3)

    def on_search_bar_cancelled(self, message: SearchBar.Cancelled) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        self.search_bar.close()
        self.article.set_query("")
        self.article.focus()
        self.refresh_bindings()

    def action_search_next(self, forward: bool = True) -> None:
        self.article.next_match(forward)

    # -- the side panel ------------------------------------------------------------------------
    def action_switch_focus(self) -> None:
        panel = self.panel
        if self.article.has_focus:
            panel.add_class("-open")   # shows it where the terminal is too narrow for both
            self.call_after_refresh(panel.focus_active)
        else:
            if self.search_bar.is_open:
                self.search_bar.close()
            panel.remove_class("-open")
            self.article.focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget is self.article:
            self.panel.remove_class("-open")

    def action_panel(self, tab: str | None = None) -> None:
        self.panel.switch(tab)

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        entry = event.node.data
        if isinstance(entry, PanelEntry):
            self.jump_to_entry(entry)

    def jump_to_entry(self, entry: PanelEntry) -> None:
        """Highlight all of `entry`'s mentions; jump to the next (again: the one after)."""
        view = self.article
        if view.mention_key != entry.key:
            view.select_mentions(entry.key, entry.label, entry.spans)
        view.next_mention()

    # -- keys and help -------------------------------------------------------------------------
    def help_bindings(self) -> list[Binding]:
        """Every binding of the reader, with the user's keys where they remapped one."""
        found = [*ArticleView.BINDINGS, *self.BINDINGS, *EntityTree.BINDINGS,
                 *ChecklistView.BINDINGS, *SearchBar.BINDINGS, *TourCard.BINDINGS]
        remap = remapped(self)
        feed = getattr(self, "feed", None) is not None
        return [b.with_key(remap[b.id], key_display=None) if b.id in remap else b
                for b in found if isinstance(b, Binding)
                and (feed or not (b.id or "").startswith("feed."))]

    def key_for(self, binding_id: str) -> str:
        """How the (first) key of a binding is written for the user, e.g. "1" or "ctrl+q"."""
        for b in self.help_bindings():
            if b.id == binding_id:
                return key_names(b).split(" / ")[0]
        return "?"

    def category_keys(self) -> dict[str, str]:
        return {c: self.key_for(f"highlights.{c}") for c in CATEGORIES}

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.help_bindings(), self.article.legend_styles()))
