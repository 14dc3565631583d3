"""The technique glossary (`assets/glossary.toml`): what each kind of highlight is, why it
matters, an example with its neutral version, and the question a careful reader asks.

A technique is a highlight kind and, where the kind has them, a sub-kind: "quotes.direct",
"officials", "figures.percent", "opinion.loaded".  The list of techniques comes from
`analyzers.model`, so a new quote kind, figure kind or opinion category without a glossary
entry fails the glossary's test.  Pure: no Textual here.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .model import FIGURE_KINDS, HIGHLIGHT_KINDS, OPINION_CATEGORIES, QUOTE_KINDS
from .resources import assets_dir

FIELDS = ("name", "what", "why", "example", "neutral", "ask")
# The sub-kinds of each highlight kind (officials have none).
SUBKINDS: dict[str, tuple[str, ...]] = {
    "quotes": QUOTE_KINDS,
    "officials": (),
    "figures": FIGURE_KINDS,
    "opinion": tuple(OPINION_CATEGORIES),
}
assert tuple(SUBKINDS) == HIGHLIGHT_KINDS


class GlossaryError(ValueError):
    """The glossary file is missing, broken, or lacks an entry or a field."""


@dataclass(frozen=True)
class Entry:
    key: str           # "opinion.loaded"
    category: str      # "opinion"
    kind: str | None   # "loaded"; None for officials
    name: str
    what: str
    why: str
    example: str
    neutral: str
    ask: str


def technique_key(category: str, kind: str | None = None) -> str:
    return f"{category}.{kind}" if kind and SUBKINDS.get(category) else category


def technique_keys() -> tuple[str, ...]:
    """Every technique, in the order of the highlight kinds and then of their sub-kinds."""
    return tuple(technique_key(c, k) for c in HIGHLIGHT_KINDS for k in (SUBKINDS[c] or (None,)))


def glossary_path() -> Path:
    return assets_dir() / "glossary.toml"


def parse(text: str, where: str = "glossary") -> dict[str, Entry]:
    """The entries in a glossary's TOML text; GlossaryError names what is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise GlossaryError(f"{where}: {exc}") from None
    out: dict[str, Entry] = {}
    for key in technique_keys():
        category, _, kind = key.partition(".")
        table = data.get(category, {})
        if kind:
            table = table.get(kind) if isinstance(table, dict) else None
        if not isinstance(table, dict):
            raise GlossaryError(f"{where}: no entry for [{key}]")
        missing = [f for f in FIELDS if not (isinstance(table.get(f), str) and table[f].strip())]
        if missing:
            raise GlossaryError(f"{where}: [{key}] lacks {', '.join(missing)}")
        out[key] = Entry(key, category, kind or None, *(" ".join(table[f].split())
                                                         for f in FIELDS))
    return out


@lru_cache(maxsize=4)
def load(path: str | None = None) -> dict[str, Entry]:
    """The bundled glossary (or the one at `path`), read once."""
    file = Path(path) if path else glossary_path()
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise GlossaryError(f"{file}: {exc.strerror or exc}") from None
    return parse(text, str(file))


def entry(category: str, kind: str | None = None) -> Entry | None:
    """The entry for a highlight kind and sub-kind; None for one the glossary lacks (a
    newer analysis read by an older slant)."""
    return load().get(technique_key(category, kind))
