"""Quotes in headlines and sub-headings: short lines without final punctuation.

A heading drops articles and verbs ('Strike "will go ahead", says union chief', '"No new
taxes" - minister', 'Minister: "No new taxes"'), so attribution accepts a bare lowercase
role there; a quote standing alone as a sub-heading (a pull quote) repeats words the body
attributes, and takes that speaker; a bare role such as "Minister" is the one person the
article gives that title.  Pure string work, no spaCy.
"""

from __future__ import annotations

import re

_WORDS = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")
_FINAL = frozenset(".!?…")
_CLOSERS = "\"'”’)] \t\u00a0"
MAX_CHARS = 140
MAX_WORDS = 16
# a role that may stand for the speaker in a heading: a few lowercase words
ROLE_WORDS = 4


def line_of(text: str, pos: int) -> tuple[int, int]:
    """The line (between line breaks) that holds `pos`."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, (len(text) if b < 0 else b)


def is_heading(text: str, start: int, end: int) -> bool:
    """A short line that does not end a sentence: a headline or a sub-heading."""
    line = text[start:end].strip()
    if not line or len(line) > MAX_CHARS or len(_WORDS.findall(line)) > MAX_WORDS:
        return False
    body = line.rstrip(_CLOSERS)
    return bool(body) and body[-1] not in _FINAL


def on_heading(text: str, pos: int) -> bool:
    return is_heading(text, *line_of(text, pos))


def role_phrase(text: str, start: int, end: int) -> tuple[int, int] | None:
    """'union chief', 'the minister': a short run of words ending the heading."""
    ws = list(_WORDS.finditer(text, start, end))
    if not ws or len(ws) > ROLE_WORDS or text[ws[-1].end():end].strip(_CLOSERS + ",;:"):
        return None
    if not all(m.group().isalpha() for m in ws):
        return None
    return ws[0].start(), ws[-1].end()


def words_of(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORDS.findall(text))


def contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return n > 0 and any(longer[k:k + n] == shorter for k in range(len(longer) - n + 1))


def pull_quote_donor(text: str, group, groups: list):
    """For an unattributed quote alone on a sub-heading, the attributed quote of the body
    whose words contain it ("We will not wait" pulled from '"We will not wait for the
    bank," Vogt said').  Groups carry `pieces` (with start, end) and `att`."""
    first, last = group.pieces[0], group.pieces[-1]
    a, b = line_of(text, first.start)
    if text[a:first.start].strip() or text[last.end:b].strip(_CLOSERS + ".,") \
            or not is_heading(text, a, b):
        return None
    inner = words_of(text[first.start:last.end])
    if len(inner) < 3:
        return None
    for g in groups:
        if g is group or g.att is None:
            continue
        if contains(words_of(" ".join(text[p.start:p.end] for p in g.pieces)), inner):
            return g
    return None


def titled_person(entities, phrase: str):
    """The one person whose title ends in the role word of `phrase` ("Minister" ->
    "Finance Minister Karin Vogt"), else None."""
    ws = words_of(phrase)
    if not ws or len(ws) > ROLE_WORDS:
        return None
    head = ws[-1]
    found = [e for e in entities if e.type == "person" and e.title
             and words_of(e.title)[-1:] == (head,)]
    return found[0] if len(found) == 1 else None
