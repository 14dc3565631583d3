"""Hand-made analyses of sentences written for these tests (no spaCy)."""

from __future__ import annotations

from analyzers.model import Analysis, Entity, Figure, OpinionSpan, Quote
from analyzers.text import paragraphs


def at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return i, i + len(needle)


def analysis(text: str, *, figures=(), quotes=(), entities=(), opinion=()) -> Analysis:
    """figures: (needle, kind); quotes: (needle, speaker id | None, speaker name | None);
    entities: Entity objects; opinion: (needle, category, in_quote)."""
    a = Analysis(text=text, paragraphs=paragraphs(text), entities=list(entities))
    for needle, kind in figures:
        s, e = at(text, needle)
        a.figures.append(Figure(s, e, needle, kind))
    for n, (needle, speaker, name) in enumerate(quotes, 1):
        s, e = at(text, needle)
        a.quotes.append(Quote(f"q{n}", s, e, needle, "direct", speaker, name))
    for needle, cat, in_quote in opinion:
        s, e = at(text, needle)
        a.opinion.append(OpinionSpan(s, e, needle, cat, "why", in_quote))
    return a


def person(text: str, eid: str, name: str, *mentions: str, official=False, title=None,
           type="person") -> Entity:
    spans = []
    for m in mentions:
        nth = sum(1 for s in spans if text[s[0]:s[1]] == m)
        spans.append(at(text, m, nth))
    return Entity(eid, name, type, official=official, title=title, mentions=spans)
