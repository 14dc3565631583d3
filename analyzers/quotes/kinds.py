"""What a quotation is: speech, a scare quote, a title of a work or a headline; quote groups
that run across paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from .attribution import LOOKBACK, Attribution, Context
from .marks import Piece
from .speakers import INNER_WORD


# words that announce the title of a work: 'a report titled "..."', 'the film "Dust"';
# a work noun needs a capitalised title right after it, the "titled" words do not
TITLE_WORDS = frozenset("""
    book books novel memoir film films movie movies documentary song songs album albums
    report reports study article articles essay column op-ed editorial poem musical
    sitcom series episode programme podcast painting slogan motto hashtag chapter
""".split())


TITLING_WORDS = frozenset("titled entitled headlined subtitled".split())


_TITLE_GAP = re.compile(r"[\w\s’',]*")


_SCARE_LEAD = re.compile(
    r"(?:so[- ]called|quote[- ]unquote|self[- ]styled|self[- ]described|supposed)\W*$",
    re.IGNORECASE)


_SMALL_WORDS = frozenset("a an the of and or in on at to for by with from as vs but nor".split())


_THAT = re.compile(r"\bthat\b")


@dataclass
class Group:
    pieces: list[Piece]
    kind: str = "direct"
    att: Attribution | None = None
    inherited: bool = False


# -- attribution -------------------------------------------------------------------------
def inner_end(text: str, piece: Piece) -> str:
    k = piece.end - (1 if piece.closed else 0)
    while k > piece.start + 1 and text[k - 1].isspace():
        k -= 1
    return text[k - 1] if k > piece.start + 1 else ""


def _words(text: str) -> list[str]:
    return INNER_WORD.findall(text)


def is_headline(text: str, start: int, end: int) -> bool:
    """A short paragraph whose words are mostly capitalised."""
    if end - start > 200:
        return False
    words = [w for w in _words(text[start:end]) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _title_cased(words: list[str]) -> bool:
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _SMALL_WORDS or w[:1].isdigit() for w in words)


def kind_of(ctx: Context, g: Group, lo: int, hi: int, prev_kind: str | None,
          headline: bool = False) -> str:
    """`prev_kind`: set when the quote continues a list of quotes; `headline`: the quote
    sits in a title-cased headline, where capitals say nothing."""
    text = ctx.text
    first = g.pieces[0]
    start = ctx.sents.start(max(lo, first.start - LOOKBACK), first.start)
    lead = text[start:first.start]
    inner_words = [w for p in g.pieces
                   for w in _words(text[p.start + 1:p.end - (1 if p.closed else 0)])]
    lead_words = [w.lower() for w in _words(lead)]
    if _SCARE_LEAD.search(lead):
        return "scare"
    capital = bool(inner_words) and (inner_words[0][:1].isupper() or inner_words[0][:1].isdigit())
    for k in range(len(lead_words) - 1, max(-1, len(lead_words) - 4), -1):
        w = lead_words[k]
        if w in TITLING_WORDS or (w in TITLE_WORDS and capital):
            # only words between it and the quote, and no speech verb: not 'the report
            # said "..."' nor 'in history books -- "the slave..."'
            pos = lead.lower().rfind(w) + len(w)
            said = any(not naming for _, _, naming in ctx.cues.between(start + pos, first.start))
            if _TITLE_GAP.fullmatch(lead, pos) and not said:
                return "title"
            break
    n = len(inner_words)
    if g.att is None and n <= 8 and _title_cased(inner_words):
        # a title-cased phrase standing alone as a paragraph is a heading; inside a
        # title-cased headline capitals say nothing
        alone = not text[lo:first.start].strip() and not text[g.pieces[-1].end:hi].strip() \
            and not lead.strip()
        if alone or (inner_end(text, g.pieces[-1]) not in ".?!," and not headline):
            return "title"
    if prev_kind is not None:
        return prev_kind   # a list of quotes: 'a "bully," a "liar" and "unfit"'
    if g.att is not None and g.att.naming:
        return "partial"   # 'called the plan "a sham"': words held up, not a speech
    bare = lead.rstrip(" \t\u00a0")
    # speech opens the sentence, follows an introducing ":" (or a "," or dash when it
    # opens with a capital or follows its cue: 'he said, "and then..."'), or directly
    # follows its cue ('said "We will..."'); anything else is a fragment inside the
    # writer's own sentence
    if not bare or bare.endswith((":", "\n")):
        return "direct"
    if bare.endswith(" -") and capital and g.att is not None and g.att.cue is None:
        return "direct"   # 'Ann Lee - "We will...': a name set off by a hyphen
    if bare.endswith((",", "—", "–", "―", "--")):
        # 'X said on Monday, "and then..."': the second half of a split quote, or speech
        # introduced by its cue; "X said that if ..., "she would..."" is reported speech
        cue_before = g.att is not None and g.att.side == "before" and g.att.cue is not None \
            and not _THAT.search(text, g.att.cue[1], first.start)
        # 'As for cost, "it will rise," said Ann Lee': the words the attribution reports
        cue_after = g.att is not None and g.att.side == "after" \
            and inner_end(text, g.pieces[-1]) in ",?!…"
        if capital or cue_before or cue_after:
            return "direct"
    if capital and g.att is not None and g.att.side == "before" and g.att.cue \
            and not text[g.att.cue[1]:first.start].strip(" \t,:\u00a0"):
        return "direct"
    if g.att is None and n <= 3:
        return "scare"
    return "partial"
