"""Sentences of an article, roughly: enough for the checklist's "in the same sentence".

A sentence ends at . ! or ? (and any closing quote or bracket) before a space and a capital,
a digit or an opening quote, except after a short title or an initial ("Mr.", "Dr.", "J.").
Never across a paragraph break.  No spaCy: the checklist runs on the analysis alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..text import paragraphs as split_paragraphs

_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
_ABBREVIATIONS = frozenset("""mr mrs ms dr st gen sen rep gov lt col sgt capt prof jr sr inc
    co corp ltd no vs etc fig jan feb mar apr aug sept sep oct nov dec mt ft rev hon u.s u.k
    e.g i.e a.m p.m""".split())


def sentences(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for ps, pe in paragraphs or split_paragraphs(text):
        start = ps
        for m in _END.finditer(text, ps, pe):
            word = re.search(r"([\w.]+)\.*$", text[start:m.start() + 1])
            stem = word.group(1).rstrip(".").lower() if word else ""
            if text[m.start()] == "." and (stem in _ABBREVIATIONS or len(stem) == 1):
                continue
            out.append((start, m.end()))
            start = m.end()
            while start < pe and text[start].isspace():
                start += 1
        if start < pe:
            out.append((start, pe))
    return out


class SentenceIndex:
    """Which sentence an offset is in, by bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [s for s, _ in spans]

    def at(self, pos: int) -> tuple[int, int] | None:
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]:
            return self.spans[i]
        return None
