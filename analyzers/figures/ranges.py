"""Joining two numbers into one range: "3 to 6 months", "between €1bn and €1.5bn", "19-8"
when it is a score or vote rather than a range."""

from __future__ import annotations

import re
from .items import CHANGE_WORDS, Item, NUMERIC_KINDS, BETWEEN_BEFORE, NEXT_WORD, prev_word


# -- ranges ------------------------------------------------------------------------------------
_CONNECTOR = re.compile(r"(?P<dash>-|[ \t\u00a0\u202f]*[–—][ \t\u00a0\u202f]*)|[ \t\u00a0\u202f]*-?(?P<to>to)-?[ \t\u00a0\u202f]*|[ \t\u00a0\u202f]+(?P<and>and)[ \t\u00a0\u202f]+"
                        r"|[ \t\u00a0\u202f]+(?P<or>or)[ \t\u00a0\u202f]+|[ \t\u00a0\u202f]+(?P<through>through)[ \t\u00a0\u202f]+")


_HYPHEN_DIGIT = re.compile(r"-\d")


def join_ranges(text: str, items: list[Item]) -> list[Item]:
    out: list[Item] = []
    i = 0
    while i < len(items):
        a = items[i]
        b = items[i + 1] if i + 1 < len(items) else None
        joined = _range(text, a, b) if b is not None else None
        if joined == "drop":
            i += 2
            continue
        if isinstance(joined, Item):
            out.append(joined)
            i += 2
            continue
        if a.bare and (a.hyphen_before or _HYPHEN_DIGIT.match(text, a.end)):
            i += 1      # half of a pair such as "2-0" or "16-18 Main Street"
            continue
        out.append(a)
        i += 1
    return out


_SCORE_WORDS = frozenset("""
    win wins won loss losses lost lead victory defeat draw vote votes tie margin record
    decision ruling verdict majority split scoreline count
""".split())


def _counted_pair(text: str, a: Item, b: Item) -> bool:
    """Whether "A-B" of two bare numbers is a range ("3,000-4,000 troops", "10-15 people")
    rather than a score, a vote or a code ("won 2-1", "passed 52-48", "16-18 Main St")."""
    if not (a.plain_int and b.plain_int):
        return True
    if a.value is None or b.value is None or a.value >= b.value:
        return False
    m = NEXT_WORD.match(text, b.end)
    return bool(m) and m.group(1).islower() and m.group(1) not in _SCORE_WORDS \
        and m.group(1) not in _FUNCTION_WORDS


_FUNCTION_WORDS = frozenset("""
    in on at to for with against and or but of from by as than the a an after before over
    under into during per
""".split())


def _range(text: str, a: Item, b: Item) -> Item | str | None:
    gap = text[a.end:b.start]
    con = _CONNECTOR.fullmatch(gap)
    if con is None:
        return None
    dash = con.group("dash") is not None
    if a.kind == "year" and dash and b.kind in ("year", "count") and b.bare:
        a.end = b.end
        return a      # "2019-20", "1914-1918"
    if a.kind not in NUMERIC_KINDS or b.kind not in NUMERIC_KINDS:
        return None
    if a.unit == "fraction" or b.unit == "fraction" or a.upper is not None or b.upper is not None:
        return None
    pre = BETWEEN_BEFORE.search(text, max(0, a.start - 40), a.start)
    cue = pre.group("w").lower() if pre else None
    if con.group("and") and cue != "between":
        return None
    if con.group("through") and cue != "from":
        return None
    ua = None if a.bare else (a.kind, a.unit)
    ub = None if b.bare else (b.kind, b.unit)
    if ua and ub and ua != ub:
        return None
    if ua and not ub and cue is None:
        return None
    if not ua and not ub:
        if dash and not _counted_pair(text, a, b):
            return "drop" if con.group("dash") == "-" else None
        if cue is None:
            if a.value is None or b.value is None or a.value >= b.value:
                return None
            pw = prev_word(text, a.start)
            if con.group("to") and pw and pw[0].lower() in CHANGE_WORDS:
                return None
    elif cue is None and con.group("to") and ua:
        # "rose by $43.6bn to $419.2bn" is a change and a level; "dropped by 1 to 1.5
        # degrees" (the unit written once, on the second end) is a range
        pw = prev_word(text, a.start)
        if pw and pw[0].lower() in CHANGE_WORDS:
            return None
    if con.group("or") and (a.value is None or b.value is None or a.value >= b.value):
        return None
    lo = a.value
    if b.scale > 1 and a.scale == 1 and a.raw is not None and b.raw is not None \
            and a.raw <= b.raw and lo is not None:
        lo = lo * b.scale
    kind, unit = ua or ub or ("count", None)
    start = pre.start() if pre else a.start
    return Item(start, b.end, "range", lo, unit, upper=b.value, raw=a.raw, scale=b.scale)
