"""One entry of an opinion word list, and the normal form every list and match uses.

Its own module so that the list readers (`lexicons.py`, `vendor.py`) both build on it
without importing each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HYPHENS = "\\-\u2010\u2011"  # escaped for use inside [...]


@dataclass(frozen=True)
class Entry:
    """One word or phrase of one group, as the matcher sees it."""
    category: str
    phrase: str                      # the base entry as written in the file
    explanation: str                 # "{text}" stands for the matched text
    group: str = ""
    pos: frozenset[str] = frozenset()         # allowed coarse POS of the head word
    head: int = 0                    # index of the word that carries the POS: 0 or -1
    context: str | None = None       # named rule in opinion.py
    not_after: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()
    clause_start: bool = False       # the phrase must open a clause
    in_names: bool = False           # may match inside a name ("the Democrat Party")
    neutral: str | None = None       # a plainer wording of this form, when one exists
    source: str = ""                 # "<list>: <group>" or "your config", for --explain
    strength: float = 1.0            # 0..1; converted lists carry their own scores
    weak: bool = False               # shown only with support (see support.py)


_SPACE_RE = re.compile(r"\s+")
_HYPHEN_RE = re.compile(f"[{_HYPHENS}]")


def normalize(text: str) -> str:
    """Lower case, one space between words, ASCII hyphen and apostrophe."""
    text = _HYPHEN_RE.sub("-", text.lower()).replace("\u2019", "'")
    return _SPACE_RE.sub(" ", text).strip()
