"""Pairing quotation marks into quoted stretches of text.

Pure string work, no spaCy.  Pairing never crosses a paragraph boundary except by the news
convention for long quotes: a paragraph that ends inside an open quote continues when the
next paragraph opens with a quotation mark (the closing mark is only written at the very
end).  So one stray mark can at worst spoil its own paragraph, never the article.

Double marks (" “ ”) delimit quotes.  Single marks inside a double quote are nested quotes
and stay part of the outer quote; apostrophes (don't, Clinton's, '90s) are never marks.  A
top-level single-quoted stretch (‘…’ as British papers write quotes) is paired too, with
stricter context rules, because apostrophes are so common.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import paragraphs

# two straight single marks stand for a double one in some archives: ''like this''
_DOUBLE = re.compile(r"''|[\"“”]")
_SINGLE = re.compile(r"[‘’]|(?<!')'(?!')")
# characters after which a straight mark opens, before which it closes
_OPEN_BEFORE = set(" \t\n\r\u00a0([{—–-/‘“")
_CLOSE_AFTER = set(" \t\n\r\u00a0.,;:!?)]}—–-/’”…")
_STYLE = {'"': "straight", "“": "curly", "”": "curly", "''": "straight"}
_ELISION = re.compile(r"(?:em|cause|cos|til|tis|twas|n|bout|round|nother|s)\b", re.IGNORECASE)


@dataclass
class Piece:
    """One quoted stretch inside a paragraph, marks included."""
    start: int
    end: int
    group: int          # pieces of one quote running over several paragraphs share it
    closed: bool        # ends with its closing mark (False: runs to the paragraph end)


def _roles(text: str, i: int, j: int, para_start: int, para_end: int) -> tuple[bool, bool]:
    """(can open, can close) for the mark text[i:j], from its neighbours."""
    ch = text[i]
    prev = text[i - 1] if i > para_start else " "
    nxt = text[j] if j < para_end else " "
    prev_space = prev in _OPEN_BEFORE
    next_space = nxt.isspace() or j >= para_end
    if ch == "“":
        # a curly opening mark typed where a closing one belongs: "win,“ he said"
        typo_close = not prev_space and (next_space or nxt in _CLOSE_AFTER)
        return not typo_close, typo_close
    if ch == "”":
        # and the reverse, at a paragraph start or after a space: ”Mr. Trump
        typo_open = prev_space and not next_space and nxt not in _CLOSE_AFTER
        return typo_open, not typo_open
    can_open = prev_space and not next_space
    can_close = not prev.isspace() and (nxt in _CLOSE_AFTER or next_space or nxt in "\"'”’")
    if prev == " " and next_space and i >= para_start + 2 and text[i - 2] in ",.?!'’":
        can_close = True   # 'the term 'outreach,' " he said': a spaced closing mark
    return can_open, can_close


def _single_roles(text: str, i: int, para_start: int, para_end: int) -> tuple[bool, bool]:
    """Single marks open before a letter after a space, and close after a word before a
    space or punctuation; an apostrophe inside a word (don't) or before a digit ('90s)
    does neither, nor does a leading elision ('em, 'cause)."""
    prev = text[i - 1] if i > para_start else " "
    nxt = text[i + 1] if i + 1 < para_end else " "
    can_open = prev in _OPEN_BEFORE and nxt.isalpha() and not _ELISION.match(text, i + 1)
    can_close = not prev.isspace() and not prev.isdigit() \
        and (nxt in _CLOSE_AFTER or nxt.isspace() or i + 1 >= para_end or nxt in "\"”")
    return can_open, can_close


def _starts_with_opening(text: str, start: int, end: int) -> bool:
    m = _DOUBLE.match(text, start, end)
    if m is None:
        return False
    return _roles(text, start, m.end(), start, end)[0] or text[start] == "”"


def pair_marks(text: str, paras: list[tuple[int, int]] | None = None) -> list[Piece]:
    """Quoted pieces of `text`, in order; one piece per paragraph a quote touches."""
    if paras is None:
        paras = paragraphs(text)
    pieces: list[Piece] = []
    group = -1
    carry = False  # the previous paragraph ended inside a quote that continues here
    for k, (ps, pe) in enumerate(paras):
        found = [(m.start(), m.end()) for m in _DOUBLE.finditer(text, ps, pe)]
        marks = [i for i, _ in found]
        ends = {i: j for i, j in found}
        roles = [_roles(text, i, j, ps, pe) for i, j in found]
        # the position of the last closing-capable mark of each style, to tell a nested
        # mark of the other style from a mixed-style pair
        last_close = {"straight": -1, "curly": -1}
        for i, (_, can_close) in zip(marks, roles):
            if can_close:
                last_close[_STYLE[text[i:ends[i]]]] = i
        open_at: int | None = None
        style = None
        for n, (i, (can_open, can_close)) in enumerate(zip(marks, roles)):
            if carry:
                # this paragraph opens with a mark that continues the previous quote
                carry = False
                if n == 0 and i == ps:
                    open_at, style = i, _STYLE[text[i:ends[i]]]
                    continue
            ch_style = _STYLE[text[i:ends[i]]]
            if open_at is None:
                if can_open:
                    group += 1
                    open_at, style = i, ch_style
                continue
            if ch_style != style and last_close[style] > i:
                continue  # a nested quote of the other style; the outer one closes later
            if can_close:
                pieces.append(Piece(open_at, ends[i], group, True))
                open_at = None
            elif can_open:
                # an opening mark while open: the earlier quote lost its closing mark;
                # keep it up to here rather than drop it, and start again
                end = i
                while end > open_at + 1 and text[end - 1].isspace():
                    end -= 1
                pieces.append(Piece(open_at, end, group, False))
                group += 1
                open_at, style = i, ch_style
        if open_at is not None:
            pieces.append(Piece(open_at, pe, group, False))
            nxt = paras[k + 1] if k + 1 < len(paras) else None
            carry = nxt is not None and _starts_with_opening(text, nxt[0], nxt[1])
        else:
            carry = False
    pieces.extend(_single_pieces(text, paras, pieces, group + 1))
    pieces.sort(key=lambda p: p.start)
    return pieces


def _single_pieces(text: str, paras: list[tuple[int, int]], doubles: list[Piece],
                   group: int) -> list[Piece]:
    """‘…’ quotes outside every double quote, within one paragraph."""
    out: list[Piece] = []
    bounds = [(p.start, p.end) for p in doubles]
    j = 0
    for ps, pe in paras:
        open_at = None
        for m in _SINGLE.finditer(text, ps, pe):
            i = m.start()
            while j < len(bounds) and bounds[j][1] <= i:
                j += 1
            if j < len(bounds) and bounds[j][0] <= i < bounds[j][1]:
                open_at = None   # nested inside a double quote: part of it
                continue
            can_open, can_close = _single_roles(text, i, ps, pe)
            if open_at is None:
                if can_open:
                    open_at = i
            elif can_close and i > open_at + 1:
                inner = text[open_at + 1:i]
                if "\"" not in inner and "“" not in inner and "”" not in inner:
                    out.append(Piece(open_at, i + 1, group, True))
                    group += 1
                open_at = None
    return out
