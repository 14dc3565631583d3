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
from .rules import supported
from .vendor import policy_of


def allowed(ctx: Context, entry: Entry, start: int, end: int) -> bool:
    """Whether the policy of a vendored `entry` lets it be shown here (any other entry: yes).
    Whether a weak entry has company is decided later, over all candidates of the doc
    (`component.with_support`), so that the sentence is not scanned again per word."""
    policy = policy_of(entry)
    if policy is None:
        return True
    if not ctx.has_pos:
        return False
    return policy.voice != "writer" or ctx.quotes.containing(start, end) is None


def boosted(ctx: Context, entry: Entry, start: int, end: int) -> bool:
    """An intensifier or a booster word right before the match ("very harsh")."""
    if supported(ctx, entry, start, end):
        return True
    prev = ctx.prev_word(start)
    return prev is not None and any(e.category == "booster" and not e.weak
                                    for e in ctx.lex.forms.get(prev, ()))
