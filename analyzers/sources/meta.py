"""A document's title (Markdown heading, front matter, first line) and whether it looks English."""

from __future__ import annotations

import re
from ..text import WORD


ENGLISH_NOTE = "the text does not look English; highlights may be wrong"


# -- titles ----------------------------------------------------------------------------------
def guess_title(text: str) -> str | None:
    """A first line followed by a blank line, short and without a final full stop."""
    first, sep, _ = text.lstrip("\ufeff").partition("\n")
    first = first.strip()
    if sep and first and len(first) <= 200 and not first.endswith((".", "”", '"')):
        return first.lstrip("# ").strip() or None
    return None


_FENCE = re.compile(r" {0,3}(```|~~~)")


_FRONT_TITLE = re.compile(r"title:[ \t]*(.+?)[ \t]*$")


_ATX_H1 = re.compile(r" {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_H1 = re.compile(r" {0,3}=+[ \t]*$")


def markdown_title(text: str) -> str | None:
    """The front matter's `title:`, else the first level-1 heading outside code blocks."""
    lines = text.split("\n")
    start = 0
    if lines and lines[0].strip() == "---":
        for i in range(1, min(len(lines), 200)):
            if lines[i].strip() in ("---", "..."):
                for line in lines[1:i]:
                    m = _FRONT_TITLE.match(line)
                    if m:
                        return m.group(1).strip("\"'") or None
                start = i + 1
                break
    fenced = False
    prev = ""
    for line in lines[start:]:
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            m = _ATX_H1.match(line)
            if m:
                return m.group(1).strip() or None
            if prev.strip() and _SETEXT_H1.match(line):
                return prev.strip()
        prev = "" if fenced else line
    return None


# -- language ----------------------------------------------------------------------------
# Frequent English function words: in English prose they are 35-55% of all words; in other
# languages that use the Latin alphabet only a handful coincide ("a", "in", "no").
_ENGLISH = frozenset("""
a about after all also an and any are as at be because been before but by can could did
do does for from had has have he her him his how i if in into is it its just more most my
no not of on one only or other our out over said she so some than that the their them then
there these they this those to up us was we were what when which while who will with would
you your said says told""".split())


_SAMPLE_CHARS = 50_000


def english_note(text: str) -> str | None:
    """A note when the text does not look English (cheap: a stopword share of a sample)."""
    words = [m.group().lower() for m in WORD.finditer(text, 0, min(len(text), _SAMPLE_CHARS))]
    if len(words) < 20:
        return None  # too short to tell
    share = sum(1 for w in words if w in _ENGLISH) / len(words)
    return ENGLISH_NOTE if share < 0.15 else None
