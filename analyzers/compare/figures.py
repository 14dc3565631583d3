"""Figures about the same thing: the ones the two articles disagree on (same kind and unit,
near the same words, different values), the ones they agree on, and those only one gives.

"About the same thing" is read off the words around each figure (its sentence, a few words
either side): two figures of one kind and unit are about the same thing when they share
two of those words, or one when their paragraphs match.
"""

from __future__ import annotations

from typing import Any

from ..text import WORD
from .align import Match
from .common import STOP, Side, content_words, fold

WINDOW = 8        # words either side of a figure that say what it counts
NEEDED = 3        # shared context words, one more in matching paragraphs or on the same noun


def _context(side: Side, f) -> list[str]:
    sent = side.sentence_of(f.start)
    s, e = (sent.start, sent.end) if sent else side.paragraphs[side.paragraph_of(f.start)]
    before = content_words(side.text[max(s, f.start - 80):f.start])[-WINDOW:]
    after = content_words(side.text[f.end:min(e, f.end + 80)])[:WINDOW]
    return before + after


def _head(side: Side, f) -> str:
    """The first word after the figure ("300 protesters", "40,000 crowns in damage")."""
    m = WORD.search(side.text, f.end, min(len(side.text), f.end + 40))
    w = fold(m.group()) if m else ""
    return w if w and w not in STOP else ""


def _worth(f) -> bool:
    # "one of the organisers", "two sides of one debate": words, not figures to compare
    return not (f.kind == "count" and f.value is not None and f.value <= 1)


def _same_value(x, y) -> bool:
    if x.value is None or y.value is None:
        return " ".join(x.text.lower().split()) == " ".join(y.text.lower().split())
    return abs(x.value - y.value) <= 1e-9 * max(1.0, abs(x.value))


def _row(side: Side, f, about: list[str]) -> dict[str, Any]:
    return {"text": f.text, "span": [f.start, f.end], "kind": f.kind, "value": f.value,
            "unit": f.unit, "about": about}


def compare_figures(a: Side, b: Side, matches: list[Match]) -> dict[str, list[dict[str, Any]]]:
    fa = [f for f in a.analysis.figures if _worth(f)]
    fb = [f for f in b.analysis.figures if _worth(f)]
    ca = [_context(a, f) for f in fa]
    cb = [_context(b, f) for f in fb]
    paired = {(m.a, m.b) for m in matches}
    candidates = []
    for i, x in enumerate(fa):
        for j, y in enumerate(fb):
            if x.kind != y.kind or x.unit != y.unit:
                continue
            theirs = set(cb[j])
            common = [w for w in dict.fromkeys(ca[i]) if w in theirs]   # in A's order
            score = len(common)
            if (a.paragraph_of(x.start), b.paragraph_of(y.start)) in paired:
                score += 1
            if x.value is None and _same_value(x, y):
                score += 2     # "Saturday" and "Saturday", "May 9" and "May 9"
            head = _head(a, x)
            if head and head == _head(b, y):
                score += 1
            if score >= NEEDED and (len(common) >= 2 or (x.value is None and _same_value(x, y))):
                same = _same_value(x, y)
                # an equal value is a weaker sign of the same thing than shared words
                candidates.append((score + (0.5 if same else 0), i, j, common))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    disputed, agreed = [], []
    for _, i, j, common in candidates:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        x, y = fa[i], fb[j]
        row = {"kind": x.kind, "unit": x.unit, "about": common,
               "a": _row(a, x, ca[i]), "b": _row(b, y, cb[j])}
        (agreed if _same_value(x, y) else disputed).append(row)
    by_a = lambda r: r["a"]["span"][0]   # noqa: E731

    def given_by(f, others) -> bool:   # the other article gives this figure too, elsewhere
        return any(f.kind == g.kind and f.unit == g.unit and _same_value(f, g) for g in others)

    return {"disputed": sorted(disputed, key=by_a), "agreed": sorted(agreed, key=by_a),
            "only_a": [_row(a, f, ca[i]) for i, f in enumerate(fa)
                       if i not in used_a and not given_by(f, fb)],
            "only_b": [_row(b, f, cb[j]) for j, f in enumerate(fb)
                       if j not in used_b and not given_by(f, fa)]}
