"""slant's reader: the article with its spin highlighted, driven from the keyboard.

`SlantApp` is the shell: its widgets, bindings and screens, and the start-up; what the keys
do is `actions.py`, loading the article and its analysis `loading.py`, saving files
`saving.py`, the user's key remaps `keymap.py`.  Importing this module must stay cheap: no
spaCy and no analyzer modules until the analysis runs.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widget import MountError
from textual.widgets import Footer

from analyzers.config import load_config
from analyzers.model import Analysis
from analyzers.text import terminal_safe
from analyzers.sources import Document

if TYPE_CHECKING:
    from analyzers.sources.feeds import Feed

from .actions import ActionsMixin
from .categories import CATEGORIES, INFO, KEYS, NAMES
from .commands import SlantCommands
from .feeds import FeedMixin
from .files import safe_stem
from .keymap import KEY_ACTIONS, config_line, keymap
from .loading import LoadingMixin
from .review import reader as review
from .review.reader import ReviewMixin
from .saving import SavingMixin
from .teach import TeachingMixin
from .themes import register_themes
from .screens.error import ErrorScreen
from .widgets.article import ArticleView
from .widgets.explain import ExplainLine
from .widgets.header import ArticleHeader
from .widgets.highlights import PanelEntry
from .widgets.panel import SidePanel
from .widgets.search import SearchBar
from .widgets.toggles import ToggleBar

TOGGLE = Binding.Group("Toggle", compact=True)
JUMP = Binding.Group("Highlight", compact=True)
TEACH = Binding.Group("Teach", compact=True)   # tour, rewrite, quiz: one footer entry


class SlantApp(ReviewMixin, TeachingMixin, ActionsMixin, SavingMixin, LoadingMixin, FeedMixin,
               App[int]):
    """Read one article with its quotes, officials, figures and opinion highlighted."""

    CSS_PATH = Path(__file__).with_name("slant.tcss")   # absolute: subclasses find it too
    TITLE = "slant"
    COMMANDS = App.COMMANDS | {SlantCommands}
    NOTIFICATION_TIMEOUT = 4
    # The side panel narrows on medium terminals and hides on narrow ones (Tab opens it).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-medium"), (120, "-wide")]

    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", id="app.help",
                tooltip="Show every key and what the highlights look like"),
        Binding("slash", "search", "Search", id="search.open",
                tooltip="Search the article (case-insensitive)"),
        Binding("n", "search_next(True)", "Next match", id="search.next",
                tooltip="Go to the next search match"),
        Binding("N", "search_next(False)", "Prev match", id="search.previous",
                tooltip="Go to the previous search match"),
        Binding("left_square_bracket", "next_highlight(False)", "Previous highlight",
                id="highlights.previous", group=JUMP, key_display="[",
                tooltip="Previous highlight among the categories shown"),
        Binding("right_square_bracket", "next_highlight(True)", "Next highlight",
                id="highlights.next", group=JUMP, key_display="]",
                tooltip="Next highlight among the categories shown"),
        *(Binding(KEYS[c], f"toggle('{c}')", NAMES[c], id=f"highlights.{c}", group=TOGGLE,
                  tooltip=f"Show or hide {INFO[c].what}") for c in CATEGORIES),
        Binding("a", "toggle_all", "All", id="highlights.all",
                tooltip="Show all highlights, or hide them all"),
        Binding("tab,shift+tab", "switch_focus", "Panel", id="panel.focus", priority=True,
                tooltip="Move between the article and the side panel"),
        Binding("s", "panel", "Summary", id="panel.summary",
                tooltip="Switch the side panel: entities, summary, checklist"),
        Binding("t", "tour", "Tour", id="teach.tour", group=TEACH,
                tooltip="Guided tour: the article's techniques one at a time, most frequent first"),
        Binding("w", "rewrite", "Rewrite", id="teach.rewrite", group=TEACH,
                tooltip="Neutral rewrite: the writer's opinion words struck, plainer ones beside"),
        Binding("p", "quiz", "Spot the spin", id="teach.quiz", group=TEACH,
                tooltip="Quiz: highlights hidden; mark the words yourself, then see your score"),
        Binding("e", "export", "Export", id="app.export",
                tooltip="Save the report as <name>-slant.html in the current folder"),
        Binding("r", "retry", "Retry analysis", id="analysis.retry",
                tooltip="Run the analysis again after it failed"),
        Binding("ctrl+s", "screenshot", "Screenshot", id="app.screenshot", show=False,
                tooltip="Save an SVG screenshot in the current folder"),
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit slant"),
        *review.BINDINGS,
        # only with `slant feed` (see check_action and help_bindings)
        Binding("escape,backspace", "feed_back", "Feed", id="feed.back",
                tooltip="Back to the feed's list of items"),
    ]

    def __init__(self, target: str | None = None, *, stdin_bytes: bytes | None = None,
                 model: str | None = None, analysis: Analysis | None = None,
                 isolate: bool = True, feed: Feed | None = None, offline: bool = False,
                 fetcher: Any = None) -> None:
        """`isolate=False` runs the analysis in a thread of this process instead of a
        child process (tests use it to replace the analyzers).  With `feed`, the reader
        opens on its list of items (`offline`: cached pages only; `fetcher` replaces
        `web.fetch`)."""
        super().__init__()
        register_themes(self)   # before the config's `theme` is looked up
        self.setup_feed(feed, offline=offline, fetcher=fetcher)
        self.isolate = isolate
        self.analysis_results: Any = None   # the running analysis, for tests
        self.target = target
        self.stdin_bytes = stdin_bytes
        self.model = model
        self.document: Document | None = None
        self.analysis: Analysis | None = None
        self._given = analysis
        self.analysing = False
        self.analysis_failed: str | None = None   # why the last analysis stopped
        self._progress_start: tuple[float, int] | None = None
        self.panel_groups: dict[str, list[PanelEntry]] = {}
        self._exit_code = 0
        self._search_timer: Timer | None = None
        self.config, self.config_warnings = load_config(actions=KEY_ACTIONS)
        self.enabled: set[str] = set(CATEGORIES) - set(self.config.hidden_highlights)
        theme = self.config.theme
        if theme and theme in self.available_themes:
            self.theme = theme
        elif theme:
            where = f"{self.config.path}: " if self.config.path else ""
            self.config_warnings.append(
                f"{where}unknown theme {theme!r}; using {self.theme!r} (known: "
                f"{', '.join(sorted(self.available_themes))})")
        self._keymap_wanted, warnings = keymap(self.config.keys, self.help_bindings())
        self.config_warnings += [f"{config_line(self.config.path, name)}: {w}"
                                 for name, w in warnings]

    # -- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield ArticleHeader(id="header")
        with Horizontal(id="body"):
            with Vertical(id="reader"):
                yield ToggleBar(id="toggles")
                yield ArticleView(id="article")
                yield SearchBar(id="search")
                yield ExplainLine(id="explain")
            yield SidePanel(id="panel")
        # The footer is mounted after the first frame (see `on_mount`): it has no keys to
        # show before then anyway, and the first frame comes sooner without it.

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def toggles(self) -> ToggleBar:
        return self.query_one(ToggleBar)

    @property
    def explain(self) -> ExplainLine:
        return self.query_one(ExplainLine)

    @property
    def panel(self) -> SidePanel:
        return self.query_one(SidePanel)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    @property
    def stem(self) -> str:
        path = self.document.path if self.document else None
        if path is None and self._given is not None:
            path = self._given.source.path
        return safe_stem(path or self.target)

    # -- start-up -----------------------------------------------------------------------------
    async def _after_first_frame(self) -> None:
        if not gc.isenabled():   # `slant` turns it off to start faster (see cli/read.py)
            gc.freeze()          # what start-up made lives as long as the reader
            gc.enable()
        try:
            await self.screen_stack[0].mount(Footer())
        except MountError:   # quit before the first frame was done
            pass

    def on_mount(self) -> None:
        self.call_after_refresh(self._after_first_frame)
        if self._keymap_wanted:
            self.set_keymap(self._keymap_wanted)
        for warning in self.config_warnings:
            self.notify(terminal_safe(warning), title="Config", severity="warning", timeout=10,
                        markup=False)
        self.article.on_change = self._refresh_explain
        self.article.set_enabled(self.enabled)
        self.toggles.set_state(enabled=self.enabled, keys=self.category_keys())
        self.article.focus()
        self.load()

    def show_error(self, message: str, *, title: str = "slant cannot show this article",
                   can_continue: bool = False) -> None:
        self._exit_code = 1
        self.push_screen(ErrorScreen(message, title=title, can_continue=can_continue))

    # -- which keys work now -------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted_main:
            return False  # dialogs and the error screen have their own keys
        if action == "search_next":
            return bool(self.article.query)   # n/N only mean something after a search
        if action == "retry":
            return self.analysis_failed is not None and not self.analysing
        if action == "feed_back":
            return self.feed is not None
        reviewing = self.review_check(action)
        return True if reviewing is None else reviewing

    @property
    def is_mounted_main(self) -> bool:
        return bool(self.screen_stack) and self.screen is self.screen_stack[0]

    async def action_quit(self) -> None:
        self.review_before_exit()
        self.exit(return_code=self._exit_code)
