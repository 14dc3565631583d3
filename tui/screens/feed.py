"""The feed's list screen: one entry per item (title, source and date, a short summary).

Enter opens the item in the reader (the app fetches it, or takes it from the feed's cache);
the list stays on screen until the article is there, and says so while it waits.  Items
the cache does not hold are marked when the feed is read `--offline`.
"""

from __future__ import annotations

from typing import Protocol

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from analyzers.sources.feeds import Feed, FeedItem
from analyzers.text import terminal_safe


class FeedReader(Protocol):
    """What the screen needs of the app (it never imports the app)."""

    def open_feed_item(self, index: int) -> None: ...


def item_prompt(item: FeedItem, *, offline: bool, cached: bool) -> Text:
    """Three lines: the title; source · date (and "not cached" offline); the summary."""
    text = Text()
    text.append(terminal_safe(item.title), style="bold")
    meta = " · ".join(p for p in (item.source, item.date) if p)
    text.append("\n" + terminal_safe(meta), style="dim")
    if not item.link:
        text.append(" · no link", style="dim italic")
    elif offline and not cached:
        text.append(" · not cached", style="italic")
    if item.summary:
        text.append("\n" + terminal_safe(item.summary))
    return text


class FeedItems(OptionList):
    """The list: Enter selects (in order with the arrow keys before it, which a binding
    on the screen would not be: keys typed quickly would open the item left behind)."""

    BINDINGS = [Binding("enter", "select", "Read", id="feed.open",
                        tooltip="Open the item with its highlights")]


class FeedScreen(Screen[None]):
    BINDINGS = [
        Binding("j", "cursor('down')", "Down", show=False),
        Binding("k", "cursor('up')", "Up", show=False),
        Binding("q", "quit_app", "Quit", id="feed.quit", tooltip="Quit slant"),
    ]

    def __init__(self, feed: Feed, *, offline: bool = False, selected: int = 0) -> None:
        super().__init__()
        self.feed = feed
        self.offline = offline
        self.selected = selected
        self.waiting: int | None = None   # the item being fetched

    def compose(self) -> ComposeResult:
        n = len(self.feed.items)
        head = Text()
        head.append(terminal_safe(self.feed.title), style="bold")
        head.append(f"  {n} item{'s' if n != 1 else ''}", style="dim")
        if self.offline:
            head.append("  · offline: cached pages only", style="dim")
        yield Static(head, id="feed-title")
        options = []
        for i, item in enumerate(self.feed.items):
            options.append(Option(item_prompt(item, offline=self.offline,
                                              cached=self.feed.cached(item)), id=str(i)))
            options.append(None)   # a separator line between items
        yield FeedItems(*options[:-1], id="feed-items")
        yield Static("", id="feed-status")
        yield Footer()

    def on_mount(self) -> None:
        self.app.title = f"slant — {terminal_safe(self.feed.title)}"
        self.query_one("#feed-status").display = False
        items = self.query_one(OptionList)
        items.highlighted = self.selected
        items.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(int(event.option.id))

    def action_cursor(self, where: str) -> None:
        items = self.query_one(OptionList)
        items.action_cursor_down() if where == "down" else items.action_cursor_up()

    def _open(self, index: int) -> None:
        if self.waiting is not None:
            return
        self.selected = index
        reader: FeedReader = self.app   # type: ignore[assignment]
        reader.open_feed_item(index)

    def set_waiting(self, index: int | None, message: str = "") -> None:
        self.waiting = index
        status = self.query_one("#feed-status", Static)
        status.update(Text(terminal_safe(message)))
        status.display = bool(message)

    def action_quit_app(self) -> None:
        self.app.exit(return_code=0)
