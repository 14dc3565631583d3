"""The words of a text, as the entity rules read them.

spaCy's tokens split "Ki-moon", "vice-presidential", "D-S.C." and "Duarte's" into pieces;
names and titles are easier to read over whole words, so the text is cut once with one
regular expression.  Each word keeps its character offsets, so results map straight back
to `doc.text` and the same rules run with or without a statistical pipeline.

A word ending in a period keeps it when the word is an abbreviation ("Sen.", "R.", "U.S.");
otherwise the period is a separate word and ends the sentence.  A possessive "'s" (or the
apostrophe of a plural, "Workers’") stays on its word, with `poss` set and `name_end` just
before it.  Lines in Title Case and datelines ("WASHINGTON —") are flagged as `headline`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import FUNCTION_WORDS, Lexicon

_WORD = re.compile(r"[^\W_]+(?:[’'\-&][^\W_]+|\.[^\W_]+)*(?:(?<=[sS])[’'](?!\w))?\.?|[^\w\s]")
_LOWER_WORD = re.compile(r"(?<![\w’'\-])[a-z][a-z’'\-]*")
_POSSESSIVE = ("'s", "’s", "'S", "’S")
_PLURAL_POSS = ("s'", "s’", "S'", "S’")
_SENT_MARKS = frozenset(".!?:")
_DATELINE_ENDS = frozenset((",", "-", "—", "–", "("))
_OPENERS = frozenset("\"“‘'([—–-")


@dataclass
class Words:
    text: str
    word: list[str] = field(default_factory=list)       # as written, possessive included
    start: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    name_end: list[int] = field(default_factory=list)   # end without a possessive 's
    low: list[str] = field(default_factory=list)        # lower case, possessive dropped
    cap: list[bool] = field(default_factory=list)       # starts with an upper-case letter
    poss: list[bool] = field(default_factory=list)
    sent: list[bool] = field(default_factory=list)      # first word of a sentence
    brk: list[bool] = field(default_factory=list)       # a line break before this word
    headline: list[bool] = field(default_factory=list)  # on a line written in Title Case
    lowercase_seen: frozenset[str] = frozenset()         # words the text writes in lower case

    def __len__(self) -> int:
        return len(self.word)

    def alpha(self, i: int) -> bool:
        return self.word[i][:1].isalpha()

    def span_text(self, i: int, j: int) -> str:
        """Words i..j inclusive as written, white space collapsed, final possessive kept."""
        return " ".join(self.text[self.start[i]:self.end[j]].split())

    def glued(self, i: int) -> bool:
        """No white space between word i-1 and word i."""
        return i > 0 and self.start[i] == self.end[i - 1]

    def common_at_start(self, i: int) -> bool:
        """A capitalised word that is only capitalised because it starts a sentence."""
        low = self.low[i]
        return low in FUNCTION_WORDS or low in self.lowercase_seen


def split_words(text: str, lex: Lexicon) -> Words:
    w = Words(text)
    spans = [m.span() for m in _WORD.finditer(text)]
    abbrev = lex.abbreviations
    ends = [i for i, (a, b) in enumerate(spans)
            if text[b - 1] == "." and b - a > 1 and not _keeps_period(text[a:b], abbrev)]
    if ends:  # a period that is not an abbreviation's is a word of its own
        fixed: list[tuple[int, int]] = []
        prev = 0
        for i in ends:
            a, b = spans[i]
            fixed.extend(spans[prev:i])
            fixed.append((a, b - 1))
            fixed.append((b - 1, b))
            prev = i + 1
        fixed.extend(spans[prev:])
        spans = fixed
    w.start = start = [a for a, _ in spans]
    w.end = end = [b for _, b in spans]
    w.word = word = [text[a:b] for a, b in spans]
    # a possessive "'s" (2 characters) or the apostrophe of a plural: "Workers’" (1)
    cut = [2 if len(x) > 2 and x.endswith(_POSSESSIVE) else 1 if x.endswith(_PLURAL_POSS) else 0
           for x in word]
    w.poss = [c > 0 for c in cut]
    w.name_end = [b - c for b, c in zip(end, cut)]
    w.low = [(x[:-c] if c else x).lower() for x, c in zip(word, cut)]
    w.cap = [x[:1].isupper() for x in word]
    w.brk = brk = [True] + ["\n" in text[b:a] for b, a in zip(end, start[1:])]
    w.sent = sent = [x or y in _SENT_MARKS for x, y in zip(brk, [""] + word[:-1])]
    # an opening quote or bracket at a sentence start passes the start on: “We ...
    for i in [i for i, x in enumerate(word[:-1]) if x in _OPENERS]:
        if sent[i]:
            sent[i + 1] = True
    w.lowercase_seen = frozenset(_LOWER_WORD.findall(text))
    w.headline = _headlines(w)
    _datelines(w)
    return w


def _datelines(w: Words) -> None:
    """"PORT ALDER, March 4 -", "WASHINGTON —": a dateline's capitals are not a name
    found in the text; mark them like a headline's."""
    n = len(w)
    for i in [i for i, b in enumerate(w.brk) if b]:
        j = i
        while j < n and (j == i or not w.brk[j]) and w.word[j].isupper() and w.alpha(j):
            j += 1
        if j > i and j < n and w.word[j] in _DATELINE_ENDS and any(
                len(w.word[k]) > 2 for k in range(i, j)):
            w.headline[i:j] = [True] * (j - i)


def _keeps_period(tok: str, abbrev: frozenset[str]) -> bool:
    body = tok[:-1]
    if len(body) == 1:                                 # an initial: "R."
        return body.isalpha()
    if "." in body:                                    # "U.S.", "a.m.", "D-S.C."
        return True
    low = tok.lower()
    return low in abbrev or low.rsplit("-", 1)[-1] in abbrev   # "R-Tenn.", "then-Sen."


def _headlines(w: Words) -> list[bool]:
    """Flag the words of lines written in Title Case ("Clinton Slams Trump Over Taxes"):
    capitalisation there says nothing about names."""
    n = len(w)
    out = [False] * n
    seen = w.lowercase_seen
    content = [len(x) >= 4 and x.isalpha() and x not in FUNCTION_WORDS for x in w.low]
    capped = [c and k for c, k in zip(content, w.cap)]
    # a capitalised word the text also writes in lower case: "Tax Breaks"
    common = [c and not s and x in seen for c, s, x in zip(capped, w.sent, w.low)]
    starts = [i for i, b in enumerate(w.brk) if b] + [n]
    for i, j in zip(starts, starts[1:]):
        words = sum(content[i:j])
        if (words >= 4 and j - i <= 30 and sum(capped[i:j]) >= 0.8 * words
                and sum(common[i:j]) >= 2):
            out[i:j] = [True] * (j - i)
    return out
