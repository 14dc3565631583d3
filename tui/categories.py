"""The four highlight categories as the reader, the reports and the text output name them.

One table: the engine defines the categories (`HIGHLIGHT_KINDS`, in the order of their keys
1-4); everything here is how slant shows them, and every other module reads it from here.
Pure Python (no Textual).
"""

from __future__ import annotations

from dataclasses import dataclass

from analyzers.model import HIGHLIGHT_KINDS


@dataclass(frozen=True)
class Category:
    name: str       # "Quotes": the toggle, the footer, the reports' switches
    singular: str   # "Quote": the explanation line
    short: str      # "Quo": the toggle bar when the terminal is narrow
    what: str       # "quotes": "Show or hide quotes"
    style: str      # the reader's component class suffix, e.g. "quote"
    glyph: str      # the explanation line's marker


_TABLE = {
    "quotes": Category("Quotes", "Quote", "Quo", "quotes", "quote", "❝"),
    "officials": Category("Officials", "Official", "Off", "named officials", "official", "◆"),
    "figures": Category("Figures", "Figure", "Fig", "figures", "figure", "#"),
    "opinion": Category("Opinion", "Opinion", "Opi", "opinionated language", "opinion", "!"),
}
assert tuple(_TABLE) == HIGHLIGHT_KINDS, "one row per highlight kind, in the engine's order"

CATEGORIES: tuple[str, ...] = HIGHLIGHT_KINDS
INFO: dict[str, Category] = {c: _TABLE[c] for c in CATEGORIES}
NAMES = {c: INFO[c].name for c in CATEGORIES}
SINGULAR = {c: INFO[c].singular for c in CATEGORIES}
SHORT = {c: INFO[c].short for c in CATEGORIES}
STYLE_OF = {c: INFO[c].style for c in CATEGORIES}
GLYPH = {c: INFO[c].glyph for c in CATEGORIES}
KEYS = {c: str(n) for n, c in enumerate(CATEGORIES, 1)}   # the default keys, 1 to 4
