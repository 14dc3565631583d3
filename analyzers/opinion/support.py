"""Support for weak entries: a word that is opinion only in company.

Big scored word lists (see `vendor.py`) catch many judging words, but on its own a word
like "harsh" is as often a plain description.  A weak entry is shown only when
- an intensifier or booster comes right before it ("very harsh"), or
- a second, non-weak opinion marker stands in the same sentence,
and only in the voice its policy allows (the writer's, by default: not in quoted speech).
Vendored entries also need a tagger: their part-of-speech filter is what keeps event words
("attack" the noun) out, and rule-only mode has none.
"""

from __future__ import annotations

from .context import Context
from .lexicons import Entry
from .rules import accepts
from .vendor import policy_of


def supported(ctx: Context, entry: Entry, start: int, end: int) -> bool:
    """Whether `entry`, already accepted at [start, end), may be shown."""
    policy = policy_of(entry)
    if policy is not None:
        if not ctx.has_pos:
            return False
        if policy.voice == "writer" and ctx.quotes.containing(start, end) is not None:
            return False
    if not entry.weak:
        return True
    return _boosted(ctx, start) or _second_marker(ctx, start, end)


def _boosted(ctx: Context, start: int) -> bool:
    prev = ctx.prev_word(start)
    return prev is not None and any(e.category == "booster" and not e.weak
                                    for e in ctx.lex.forms.get(prev, ()))


def _second_marker(ctx: Context, start: int, end: int) -> bool:
    if ctx.has_sents:
        span = ctx.span(start, end)
        if span is None:
            return False
        lo, hi = span.sent.start_char, span.sent.end_char
    else:
        lo, hi = max(0, start - 200), min(len(ctx.text), end + 200)
    for s, e, found in ctx.lex.finditer(ctx.text[lo:hi]):
        s, e = s + lo, e + lo
        if s < end and e > start:
            continue
        if any(not x.weak and accepts(ctx, x, s, e) for x in found):
            return True
    return False
