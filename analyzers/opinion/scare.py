"""Scare quotes: a short quoted phrase that is not speech, and "so-called" before a term."""

from __future__ import annotations

import re
from .lexicons import Lexicon
from .context import Candidate, Context, QUOTE_MARKS, WORD, explain


# -- so-called and scare quotes -----------------------------------------------------------
_QUOTED_AHEAD = re.compile(rf"\s*([{QUOTE_MARKS}‘'])")


def so_called_end(ctx: Context, end: int) -> int:
    """Where the name that 'so-called' qualifies ends: a quoted phrase, the noun phrase
    up to its noun (with a tagger), or the next word (capitalised names: up to three)."""
    m = _QUOTED_AHEAD.match(ctx.text, end)
    if m:
        opener = m.group(1)
        closers = {"“": "”", "‘": "’", "«": "»", "„": "“"}.get(opener, opener)
        close = ctx.text.find(closers, m.end(), m.end() + 80)
        if close != -1:
            return close + 1
    words = list(re.finditer(WORD, ctx.text[end:end + 80]))
    if not words:
        return end
    if ctx.has_pos:
        sp = ctx.span(end + words[0].start(), end + words[0].end())
        if sp is not None:
            doc = ctx.doc
            i = sp.start
            for j in range(i, min(i + 4, len(doc))):
                if doc[j].is_punct:
                    break
                if doc[j].pos_ in ("NOUN", "PROPN"):
                    while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and j < i + 4:
                        j += 1
                    return doc[j].idx + len(doc[j].text)
    last = words[0]
    if last.group()[:1].isupper():
        for w in words[1:3]:
            gap = ctx.text[end + last.end():end + w.start()]
            if gap.strip() or not w.group()[:1].isupper():
                break
            last = w
    return end + last.end()


def scare_candidates(ctx: Context, found: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """One candidate per scare quote; a 'so-called' right before one absorbs it."""
    template = lex.explanations.get("scare_quote", "scare quote: '{text}'")
    out = []
    so_called = [c for c in found if c.category == "scare_quote"]
    for q in ctx.quotes.scare:
        merged = False
        for c in so_called:
            if c.start <= q.start <= c.end + 3 or (q.start <= c.start < q.end):
                c.start, c.end = min(c.start, q.start), max(c.end, q.end)
                merged = True
        if not merged:
            out.append(Candidate(q.start, q.end, "scare_quote", explain(template, q.text),
                                 source="rule: scare quote"))
    return out
