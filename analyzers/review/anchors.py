"""Finding a review's items again after the analysis (or, rarely, the text) changed.

An item is found by its own words and the words around it: where its offsets still hold
the same words, there; otherwise at the occurrence of its words whose surroundings match
best (nearest to the old place on a tie).  A verdict then attaches to the highlight of the
same category at that place, or to one that overlaps it by most of its length ("reckless"
→ "reckless bill").  What cannot be attached is marked `attached = False` and kept.
"""

from __future__ import annotations

import os
from typing import Iterable

from .model import Anchor, Review


def _context_score(text: str, start: int, end: int, anchor: Anchor) -> int:
    before = text[max(0, start - len(anchor.before)):start]
    after = text[end:end + len(anchor.after)]
    # matching characters next to the item, counted outwards
    left = len(os.path.commonprefix([before[::-1], anchor.before[::-1]]))
    right = len(os.path.commonprefix([after, anchor.after]))
    return left + right


def locate(text: str, anchor: Anchor) -> tuple[int, int] | None:
    """Where `anchor`'s words are in `text` now, or None."""
    s, e = anchor.start, anchor.end
    if text[s:e] == anchor.text and _context_score(text, s, e, anchor) == \
            len(anchor.before) + len(anchor.after):
        return s, e
    best: tuple[int, int, int] | None = None   # (score, -distance, start)
    i = text.find(anchor.text)
    while i >= 0:
        key = (_context_score(text, i, i + len(anchor.text), anchor), -abs(i - s), i)
        if best is None or key > best:
            best = key
        i = text.find(anchor.text, i + 1)
    if best is None:
        return None
    return best[2], best[2] + len(anchor.text)


def _best_span(spans: list[tuple[int, int]], s: int, e: int) -> tuple[int, int] | None:
    """The span among `spans` that is (s, e), or overlaps it by more than half of the
    shorter of the two."""
    if (s, e) in spans:
        return s, e
    best, best_overlap = None, 0.0
    for a, b in spans:
        overlap = min(b, e) - max(a, s)
        if overlap <= 0:
            continue
        share = overlap / min(b - a, e - s)
        if share > 0.5 and share > best_overlap:
            best, best_overlap = (a, b), share
    return best


def reattach(review: Review, text: str, spans: Iterable[tuple[str, int, int]],
             model: str | None = None) -> int:
    """Move every item of `review` to where it is in `text` and its analysis (`spans`:
    (category, start, end) of every highlight); returns how many items changed place or
    attachment.  Unattached items keep their last place and are kept."""
    by_category: dict[str, list[tuple[int, int]]] = {}
    for category, s, e in spans:
        by_category.setdefault(category, []).append((s, e))
    changed = 0
    for v in review.verdicts:
        where = locate(text, v.anchor)
        found = _best_span(by_category.get(v.category, []), *where) if where else None
        changed += _move(v, text, found)
    taken: set[tuple[str, int, int]] = set()
    for v in review.verdicts:   # two verdicts on one highlight: the first keeps it
        key = (v.category, v.anchor.start, v.anchor.end)
        if v.attached and key in taken:
            v.attached = False
            changed += 1
        taken.add(key)
    for item in (*review.added, *review.ticks):
        changed += _move(item, text, locate(text, item.anchor))
    if model is not None:
        review.model = model
    return changed


def _move(item, text: str, found: tuple[int, int] | None) -> int:
    if found is None:
        changed = item.attached
        item.attached = False
        return int(changed)
    before = (item.anchor.start, item.anchor.end, item.attached)
    item.anchor = Anchor.at(text, *found)
    item.attached = True
    return int(before != (found[0], found[1], True))
