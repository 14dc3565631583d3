"""slant's commands in the command palette (ctrl+p): toggles, jump to an entity, help.

The provider knows the app only as a `Reader` (what it asks of it, below): it never imports
`tui.app`, which imports it.
"""

from __future__ import annotations

from functools import partial
from typing import Callable, Protocol

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from .categories import CATEGORIES, NAMES
from .screens.help import key_names
from .widgets.highlights import GROUPS, PanelEntry

Command = tuple[str, Callable[[], object], str]

_GROUP_NAMES = dict(GROUPS)


class Reader(Protocol):
    """What the palette needs of the app (`SlantApp` is one)."""

    enabled: set[str]
    panel_groups: dict[str, list[PanelEntry]]

    def help_bindings(self) -> list[Binding]: ...
    def action_toggle(self, category: str) -> None: ...
    def action_toggle_all(self) -> None: ...
    def action_panel(self, tab: str | None = None) -> None: ...
    def action_search(self) -> None: ...
    def action_next_highlight(self, forward: bool = True) -> None: ...
    def action_export(self) -> None: ...
    def action_screenshot(self) -> None: ...
    def action_help(self) -> None: ...
    def jump_to_entry(self, entry: PanelEntry) -> None: ...


class SlantCommands(Provider):
    """Everything slant can do from a key, plus one "Jump to" per panel entry."""

    @property
    def reader(self) -> Reader:
        return self.app  # type: ignore[return-value]

    def _actions(self) -> list[Command]:
        app = self.reader
        keys = {b.id: key_names(b) for b in app.help_bindings()}   # the user's, if remapped

        def key(binding_id: str) -> str:
            return f"Key {keys.get(binding_id, '?')}"

        cmds: list[Command] = []
        for category in CATEGORIES:
            state = "on" if category in app.enabled else "off"
            cmds.append((f"Toggle {NAMES[category].lower()} highlights",
                         partial(app.action_toggle, category),
                         f"{key(f'highlights.{category}')} · now {state}"))
        cmds += [
            ("Toggle all highlights", app.action_toggle_all, key("highlights.all")),
            ("Show the summary of the article's numbers", partial(app.action_panel, "summary"),
             key("panel.summary")),
            ("Show the entities panel", partial(app.action_panel, "entities"),
             key("panel.summary")),
            ("Search the article", app.action_search, key("search.open")),
            ("Next highlight", partial(app.action_next_highlight, True),
             key("highlights.next")),
            ("Previous highlight", partial(app.action_next_highlight, False),
             key("highlights.previous")),
            ("Export the report as HTML", app.action_export, key("app.export")),
            ("Save a screenshot (SVG)", app.action_screenshot, key("app.screenshot")),
            ("Open help: all keys", app.action_help, key("app.help")),
        ]
        return cmds

    def _jumps(self) -> list[Command]:
        app = self.reader
        out: list[Command] = []
        for group, rows in app.panel_groups.items():
            for row in rows:
                detail = f" · {row.detail}" if row.detail else ""
                n = row.count
                out.append((f"Jump to {row.label}", partial(app.jump_to_entry, row),
                            f"{_GROUP_NAMES[group]}{detail} · {n} mention{'s' if n != 1 else ''}"))
        return out

    async def discover(self) -> Hits:
        for text, command, help_text in self._actions():
            yield DiscoveryHit(text, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help_text in self._actions() + self._jumps():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), command, text=text, help=help_text)
