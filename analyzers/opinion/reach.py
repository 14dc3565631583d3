"""How far a highlight reaches: from the matched word out to its modifiers and a "so-called"
phrase's quoted words."""

from __future__ import annotations

from spacy.tokens import Doc, Token
from .lexicons import Entry
from .context import Context, NEXT_WORD
from .scare import so_called_end


# -- how far a span reaches -----------------------------------------------------------------
def extend(ctx: Context, entry: Entry, start: int, end: int) -> tuple[int, int]:
    """The phrase the matched word makes opinionated: 'very' takes the word it intensifies
    ('very dangerous'); with a parser, a judging adjective takes the noun it modifies
    ('disastrous policy', 'far-left activists'), a booster adverb the word it modifies,
    and a name-calling noun the modifiers in front of it ('Islamist thugs').
    The explanation still names the matched word."""
    if entry.context == "so_called":
        return start, so_called_end(ctx, end)
    if entry.context == "degree":
        m = NEXT_WORD.match(ctx.text, end)
        return start, m.end() if m else end
    if entry.category not in ("loaded", "label", "booster") or not ctx.has_dep:
        return start, end
    span = ctx.span(start, end)
    if span is None:
        return start, end
    first, last, doc = span[0], span[-1], ctx.doc
    head = last.head
    if last.dep_ == "amod" and last.pos_ in ("ADJ", "VERB") and head.pos_ in ("NOUN", "PROPN") \
            and 0 < head.i - last.i <= 3 \
            and not any(t.is_punct or t.pos_ == "CCONJ" for t in doc[last.i + 1:head.i]):
        return start, head.idx + len(head.text)
    if last.pos_ == "ADV" and entry.category == "booster" and head.i == last.i + 1 \
            and head.pos_ in ("ADJ", "VERB"):
        return start, head.idx + len(head.text)
    if entry.category in ("label", "loaded") and last.pos_ in ("NOUN", "PROPN"):
        return _modifiers_start(doc, first, last, start), end
    return start, end


def _modifiers_start(doc: Doc, first: Token, last: Token, start: int) -> int:
    """Start of the adjectives and nouns right before a noun that modify it, with their
    own modifiers ('right-wing extremists', 'climate change rant'); at most 4 tokens."""
    i = first.i
    while i > 0 and first.i - i < 4:
        prev = doc[i - 1]
        if prev.head.i != last.i and not (prev.head.i >= i and prev.head.i <= last.i):
            break
        if prev.dep_ not in ("amod", "compound", "punct", "npadvmod") \
                or prev.pos_ in ("DET", "PROPN"):
            break                        # names stay out: "Instagram hater" -> "hater"
        if prev.is_punct and (prev.text not in "-‐‑" or prev.whitespace_):
            break
        i -= 1
    while i < first.i and doc[i].is_punct:
        i += 1
    return doc[i].idx if i < first.i else start
