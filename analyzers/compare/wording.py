"""Word choices: the opinion words and labels one article uses in its own voice and the
other does not, by category, and pairs of words for the same thing ("protesters" in one,
"rioters" in the other).

A pair is found two ways: at the same place in two matching sentences (one word or two
replaced by others, the rest alike), or when one article's loaded word has a plainer
wording (`neutral`) that the other uses.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from ..model import OPINION_CATEGORIES
from ..text import WORD
from .align import Match
from .common import STOP, Side, fold

ALIKE = 0.5       # how alike two sentences must be (difflib ratio) for their swaps to count


def _writer(side: Side):
    return [o for o in side.analysis.opinion if not o.in_quote]


def _key(text: str) -> str:
    return " ".join(fold(m.group()) for m in WORD.finditer(text))


def by_category(a: Side, b: Side) -> list[dict[str, Any]]:
    """Per category (in the schema's order), the words only A uses and only B uses."""
    words: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}
    for side in (a, b):
        for o in _writer(side):
            cell = words.setdefault(o.category, {"a": {}, "b": {}})[side.name]
            row = cell.setdefault(_key(o.text), {"text": o.text, "count": 0, "spans": [],
                                                 "neutral": o.neutral})
            row["count"] += 1
            row["spans"].append([o.start, o.end])
    keys = {side.name: {_key(o.text) for o in _writer(side)} for side in (a, b)}
    out = []
    for cat in OPINION_CATEGORIES:
        if cat not in words:
            continue
        only_a = [r for k, r in words[cat]["a"].items() if k not in keys["b"]]
        only_b = [r for k, r in words[cat]["b"].items() if k not in keys["a"]]
        if only_a or only_b:
            out.append({"category": cat, "name": OPINION_CATEGORIES[cat],
                        "only_a": only_a, "only_b": only_b})
    return out


def _tokens(side: Side, start: int, end: int) -> list[tuple[str, int, int]]:
    """(comparison form, start, end) per word; numbers are one token "#" so that "300
    protesters" and "2,000 rioters" line up on the number."""
    out = []
    for m in WORD.finditer(side.text, start, end):
        w = m.group()
        if any(c.isdigit() for c in w):
            if out and out[-1][0] == "#" and side.text[out[-1][2]:m.start()] in (",", " "):
                out[-1] = ("#", out[-1][1], m.end())    # "2,000" is one number
                continue
            out.append(("#", m.start(), m.end()))
        else:
            out.append((fold(w), m.start(), m.end()))
    return out


def _swappable(tokens: list[tuple[str, int, int]], side: Side) -> bool:
    return (1 <= len(tokens) <= 2 and all(t[0] != "#" and t[0] not in STOP and len(t[0]) > 2
                                          and not side.text[t[1]].isupper() for t in tokens))


def _opinion_at(side: Side, start: int, end: int):
    return next((o for o in _writer(side) if o.start < end and start < o.end), None)


def swaps(a: Side, b: Side, matches: list[Match]) -> list[dict[str, Any]]:
    """Pairs of words for the same thing, in A's order."""
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def add(x: tuple[int, int], y: tuple[int, int], how: str) -> None:
        tx, ty = a.text[x[0]:x[1]], b.text[y[0]:y[1]]
        key = (_key(tx), _key(ty))
        if key in seen or key[0] == key[1]:
            return
        seen.add(key)
        oa, ob = _opinion_at(a, *x), _opinion_at(b, *y)
        rows.append({"a": {"text": tx, "span": list(x), "category": oa.category if oa else None},
                     "b": {"text": ty, "span": list(y), "category": ob.category if ob else None},
                     "how": how})

    for m in matches:
        sa = [s for s in a.sentences if s.paragraph == m.a]
        sb = [s for s in b.sentences if s.paragraph == m.b]
        for x in sa:
            xt = _tokens(a, x.start, x.end)
            for y in sb:
                yt = _tokens(b, y.start, y.end)
                sm = SequenceMatcher(None, [t[0] for t in xt], [t[0] for t in yt],
                                     autojunk=False)
                if sm.ratio() < ALIKE:
                    continue
                for op, i1, i2, j1, j2 in sm.get_opcodes():
                    if op == "replace" and _swappable(xt[i1:i2], a) \
                            and _swappable(yt[j1:j2], b):
                        add((xt[i1][1], xt[i2 - 1][2]), (yt[j1][1], yt[j2 - 1][2]),
                            "matching sentences")
    # a loaded word in one article whose plain wording the other uses: in the matching
    # paragraph, or anywhere if the plain word is not one every story uses ("said")
    to_a = {m.b: m.a for m in matches}
    to_b = {m.a: m.b for m in matches}
    for src, dst, flip, other in ((a, b, False, to_b), (b, a, True, to_a)):
        index: dict[str, list[tuple[int, int]]] = {}
        for mm in WORD.finditer(dst.text):
            index.setdefault(fold(mm.group()), []).append((mm.start(), mm.end()))
        for o in _writer(src):
            if not o.neutral or " " in o.neutral.strip():
                continue
            places = index.get(fold(o.neutral), [])
            para = other.get(src.paragraph_of(o.start))
            near = [p for p in places if dst.paragraph_of(p[0]) == para]
            where = near[0] if near else (places[0] if places and fold(o.neutral) not in STOP
                                          else None)
            if where is not None:
                here = (o.start, o.end)
                add(where, here, "neutral wording") if flip else add(here, where,
                                                                     "neutral wording")
    return sorted(rows, key=lambda r: r["a"]["span"][0])
