"""The reader's feed mode (`slant feed`): the list of items, an item read with its
highlights, and back to the list.

A page comes from the feed's cache when it is there, else it is fetched in a worker thread
(and kept); the list stays up until the article is ready, so a failure (offline and not
cached, a page that is gone) is a notification on the list, not an error screen.  Each
item's finished analysis is kept while the reader runs: going back and forth costs
nothing.  `FeedMixin` is one part of `SlantApp`; it relies on the app's loading
(`_show_document`, `_open`, `_apply`) and widgets.
"""

from __future__ import annotations

from typing import Any

from textual import work

from analyzers.model import Analysis
from analyzers.sources import Document, InputError
from analyzers.sources.feeds import Feed, load_item
from analyzers.text import terminal_safe

from .screens.feed import FeedScreen
from .worker import one_line


class FeedMixin:
    """Feed mode; a part of `SlantApp` (inactive when `feed` is None)."""

    feed: Feed | None = None
    offline: bool = False
    fetcher: Any = None                       # replaces web.fetch (tests)
    feed_index: int | None = None             # the item being read
    _feed_seen: dict[int, tuple[Document, Analysis]]

    def setup_feed(self, feed: Feed | None, *, offline: bool, fetcher: Any = None) -> None:
        self.feed = feed
        self.offline = offline
        self.fetcher = fetcher
        self._feed_seen = {}

    @property
    def feed_screen(self) -> FeedScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, FeedScreen):
                return screen
        return None

    def show_feed(self) -> None:
        """The list, on top of the reader (which keeps the last article underneath)."""
        if self.feed_screen is None:   # a new one each time: its marks are current
            self.push_screen(FeedScreen(self.feed, offline=self.offline,
                                        selected=self.feed_index or 0))

    def open_feed_item(self, index: int) -> None:
        """Read item `index`: at once if it was read before, else when its page is here."""
        seen = self._feed_seen.get(index)
        if seen is not None:
            self._show_item(index)
            self.analysis = None
            document, analysis = seen
            self._show_document(document)
            self._apply(analysis, final=True)
            return
        item = self.feed.items[index]
        screen = self.feed_screen
        if screen is not None:
            where = "the cache" if self.feed.cached(item) else item.link or "the feed"
            screen.set_waiting(index, f"Opening {item.title} from {where}…")
        self._fetch_item(index)

    @work(thread=True, exclusive=True, group="fetch", exit_on_error=False)
    def _fetch_item(self, index: int) -> None:
        item = self.feed.items[index]
        try:
            document = load_item(self.feed, item, offline=self.offline, fetch=self.fetcher)
        except InputError as exc:
            self.call_from_thread(self._item_failed, str(exc))
        except Exception as exc:   # a reader bug still gets one line, on the list
            self.call_from_thread(self._item_failed, f"{item.link}: {one_line(exc)}")
        else:
            self.call_from_thread(self._item_loaded, index, document)

    def _item_loaded(self, index: int, document: Document) -> None:
        self._show_item(index)
        self.analysis = None
        self.article.set_highlights({})     # the last item's highlights are not this one's
        self.toggles.set_state(counts={})
        self._open(document)

    def _item_failed(self, message: str) -> None:
        screen = self.feed_screen
        if screen is not None:
            screen.set_waiting(None)
        self.notify(terminal_safe(message), title="Cannot open this item", severity="error",
                    timeout=8, markup=False)

    def _show_item(self, index: int) -> None:
        self.feed_index = index
        screen = self.feed_screen
        if screen is not None:
            screen.set_waiting(None)
            screen.dismiss()

    def action_feed_back(self) -> None:
        """Back to the list: the analysis still running stops; a finished one is kept."""
        if self.feed is None:
            return
        if self.feed_index is not None and self.document is not None and \
                self.analysis is not None and not self.analysing:
            self._feed_seen[self.feed_index] = (self.document, self.analysis)
        self.workers.cancel_group(self, "analysis")
        self.analysing = False
        self.show_feed()
