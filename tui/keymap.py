"""The user's `[keys]` remaps as a Textual keymap, and the one shim over Textual's private API.

`normalize` and `remapped` are the only code in slant that touches Textual internals
(`App._normalize_keymap`, `App._keymap`): when Textual changes, this is the file to fix.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Mapping

from textual.app import App
from textual.binding import Binding

from .categories import CATEGORIES

# The names `[keys]` in the config file uses, and the bindings they remap.
KEY_ACTIONS = {
    "line_down": "reading.line-down",
    "line_up": "reading.line-up",
    "page_down": "reading.page-down",
    "page_up": "reading.page-up",
    "top": "reading.top",
    "bottom": "reading.bottom",
    **{f"toggle_{c}": f"highlights.{c}" for c in CATEGORIES},
    "toggle_all": "highlights.all",
    "next_highlight": "highlights.next",
    "previous_highlight": "highlights.previous",
    "search": "search.open",
    "search_next": "search.next",
    "search_previous": "search.previous",
    "close_search": "search.cancel",
    "panel": "panel.focus",
    "summary": "panel.summary",
    "next_mention": "panel.jump",
    "export": "app.export",
    "screenshot": "app.screenshot",
    "help": "app.help",
    "quit": "app.quit",
    "retry": "analysis.retry",
    "tour": "teach.tour",
    "rewrite": "teach.rewrite",
    "quiz": "teach.quiz",
    "tour_next": "tour.next",
    "tour_previous": "tour.previous",
    "tour_next_technique": "tour.next-technique",
    "tour_previous_technique": "tour.previous-technique",
    "tour_leave": "tour.leave",
    # slant compare
    "switch_pane": "compare.pane",
    "next_shared": "compare.next-match",
    "previous_shared": "compare.previous-match",
    "jump_both": "compare.jump",
    # reviewing (tui/review/reader.py)
    "accept": "review.accept",
    "reject": "review.reject",
    "note": "review.note",
    "add_highlight": "review.select",
    "select_more": "review.extend",
    "select_less": "review.shrink",
    "cancel_selection": "review.cancel",
    "undo": "review.undo",
    "redo": "review.redo",
    "toggle_reviewed": "review.marks",
    "ignore_word": "review.ignore",
    "reset_review": "review.reset",
    "check_jump": "checklist.jump",
    "check_tick": "checklist.tick",
}


# -- the shim ---------------------------------------------------------------------------------
def normalize(keymap: Mapping[str, str]) -> dict[str, str]:
    """`keymap` (binding id -> keys) with its keys written as Textual writes them."""
    return App._normalize_keymap(dict(keymap))


def remapped(app: App) -> dict[str, str]:
    """The keymap `app.set_keymap` put in force (binding id -> keys); empty before."""
    return getattr(app, "_keymap", {})


# -- the user's keys --------------------------------------------------------------------------
def keymap(config_keys: dict[str, str],
           bindings: list[Binding]) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The Textual keymap (binding id -> keys) for the config's `[keys]`, and (action,
    warning) for remaps whose key another binding already uses (those are dropped, so
    every key still does one thing)."""
    by_id = {b.id: b for b in bindings if b.id}
    wanted = normalize({KEY_ACTIONS[a]: k for a, k in config_keys.items()
                        if KEY_ACTIONS.get(a) in by_id})
    names = {KEY_ACTIONS[a]: a for a in config_keys if a in KEY_ACTIONS}
    warnings: list[str] = []
    while True:
        users: dict[str, list[str]] = {}
        for b in by_id.values():
            for key in wanted.get(b.id, b.key).split(","):
                users.setdefault(key.strip(), []).append(b.id)
        clash = next(((bid, key, other) for bid, keys in wanted.items()
                      for key in keys.split(",") for other in users[key.strip()]
                      if other != bid), None)
        if clash is None:
            return wanted, warnings
        bid, key, other = clash
        other_name = names.get(other) or next(
            (a for a, i in KEY_ACTIONS.items() if i == other), other)
        warnings.append((names[bid], f"keys.{names[bid]}: {key!r} is already the key for "
                                     f"{other_name}; keeping {by_id[bid].key!r}"))
        del wanted[bid]


def config_line(path: str | None, action: str) -> str:
    """ "FILE, line N" for `action = ...` in the config's [keys] table, as far as it can be
    found (the config's own warnings name lines the same way)."""
    if not path:
        return "config"
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return path
    table = ""
    key = re.compile(rf"""^\s*(["']?){re.escape(action)}\1\s*=""")
    for n, line in enumerate(lines, 1):
        header = re.match(r"^\s*\[\s*([^\]]+?)\s*\]", line)
        if header:
            table = header.group(1).strip()
        elif table == "keys" and key.match(line):
            return f"{path}, line {n}"
    return path
