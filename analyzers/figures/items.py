"""A number found in the text (`Item`) and the small patterns the scanners and filters share."""

from __future__ import annotations

import re
from dataclasses import dataclass


NUMERIC_KINDS = ("money", "percent", "count", "quantity", "duration")


@dataclass
class Item:
    start: int
    end: int
    kind: str
    value: float | None
    unit: str | None = None
    upper: float | None = None     # second bound of a range or vague magnitude
    bare: bool = False             # a plain number: no unit, currency or scale
    raw: float | None = None       # the number as written, before scale and sign
    scale: float = 1.0
    word: bool = False             # written in words
    plain_int: bool = False        # digits only, no comma, decimal point or sign
    hyphen_before: bool = False    # glued by a hyphen to a number before ("10-15")


PREV_WORD = re.compile(r"(\S+)[ \t\u00a0\u202f]+\Z")


BETWEEN_BEFORE = re.compile(
    r"\b(?P<w>between|from)[ \t\u00a0\u202f]+(?:(?:about|around|roughly|some|approximately|up[ \t\u00a0\u202f]+to|"
    r"just|nearly|almost|over|under|more[ \t\u00a0\u202f]+than|less[ \t\u00a0\u202f]+than)[ \t\u00a0\u202f]+)?\Z", re.I)


# Verbs and words of change: "rose 5% to 7%" is a change, not a range.
CHANGE_WORDS = frozenset("""
    by up down rose fell rise fall rises falls rising falling climbed climb climbs gained gain
    gains added lost lose loses dropped drop drops jumped jump jumps slid slide slides
    increased increase increases decreased decrease decreases declined decline declines grew
    grow grows shrank shrink cut cuts raised raise lowered lower reduced reduce slipped slip
    plunged plunge surged surge soared soar sank sink tumbled tumble advanced advance rallied
    eased ease edged dipped dip narrowed widened expanded contracted lifted boosted trimmed
    slashed hiked revised
""".split())


NEXT_WORD = re.compile(r"[ \t\u00a0\u202f]+([A-Za-z]+)")


def prev_word(text: str, start: int) -> tuple[str, int] | None:
    m = PREV_WORD.search(text, max(0, start - 40), start)
    return (m.group(1), m.start(1)) if m else None
