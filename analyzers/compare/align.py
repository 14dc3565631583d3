"""Which paragraphs of two articles tell the same part of the story.

A pair of paragraphs matches on what they share: a quote (four words or more in a row), a
figure (same kind and value) or enough of their rarer words.  Words are weighted by how
few paragraphs use them (the story's own names and nouns count, "city" less), and each
paragraph matches at most one other: the best pairs first.  Order is not required: a
column often tells the story in another order than the wire report.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .common import Side, quote_words

WORDS_NEEDED = 0.2      # weighted share of words two paragraphs must share on their own
WITH_EVIDENCE = 0.12    # ...when they share a quote or a figure as well
QUOTE_RUN = 4           # words in a row that make two quotes one


@dataclass
class Match:
    a: int                      # paragraph index in A
    b: int                      # paragraph index in B
    score: float
    why: list[str] = field(default_factory=list)    # "quote", "figure", "words"


def _weights(a: Side, b: Side) -> dict[str, float]:
    df: dict[str, int] = defaultdict(int)
    for side in (a, b):
        for words in side.paragraph_words:
            for w in set(words):
                df[w] += 1
    n = len(a.paragraphs) + len(b.paragraphs)
    return {w: math.log(1 + n / d) for w, d in df.items()}


def _quotes_by_paragraph(side: Side) -> dict[int, list[list[str]]]:
    out: dict[int, list[list[str]]] = defaultdict(list)
    for q in side.analysis.quotes:
        if q.kind in ("direct", "partial"):
            out[side.paragraph_of(q.start)].append(quote_words(q.text))
    return out


def _figures_by_paragraph(side: Side) -> dict[int, set[tuple]]:
    out: dict[int, set[tuple]] = defaultdict(set)
    for f in side.analysis.figures:
        # a figure worth matching on: a value, and not "one" or a weekday
        if f.value is not None and f.kind not in ("date", "ordinal") and f.value > 2:
            out[side.paragraph_of(f.start)].add((f.kind, f.unit, round(f.value, 6)))
    return out


def shares_quote(xs: list[list[str]], ys: list[list[str]]) -> bool:
    for x in xs:
        for y in ys:
            m = SequenceMatcher(None, x, y, autojunk=False).find_longest_match(
                0, len(x), 0, len(y))
            if m.size >= min(QUOTE_RUN, len(x), len(y)) and m.size >= 3:
                return True
    return False


def align(a: Side, b: Side) -> list[Match]:
    """The matching paragraph pairs, in A's order."""
    weight = _weights(a, b)
    index: dict[str, list[int]] = defaultdict(list)
    b_mass = []
    for j, words in enumerate(b.paragraph_words):
        uniq = set(words)
        b_mass.append(sum(weight[w] for w in uniq))
        for w in uniq:
            index[w].append(j)
    qa, qb = _quotes_by_paragraph(a), _quotes_by_paragraph(b)
    fa, fb = _figures_by_paragraph(a), _figures_by_paragraph(b)
    # candidates: pairs that share a word, a quote paragraph or a figure
    shared: dict[tuple[int, int], float] = defaultdict(float)
    for i, words in enumerate(a.paragraph_words):
        for w in set(words):
            for j in index.get(w, ()):
                shared[i, j] += weight[w]
    a_mass = [sum(weight[w] for w in set(words)) for words in a.paragraph_words]
    pairs: list[Match] = []
    for (i, j), common in shared.items():
        dice = 2 * common / max(1e-9, a_mass[i] + b_mass[j])
        why = []
        if i in qa and j in qb and shares_quote(qa[i], qb[j]):
            why.append("quote")
        if fa.get(i, set()) & fb.get(j, set()):
            why.append("figure")
        needed = WITH_EVIDENCE if why else WORDS_NEEDED
        if dice >= needed:
            why.append("words")
            pairs.append(Match(i, j, round(dice + 0.3 * (len(why) - 1), 3), why))
    pairs.sort(key=lambda m: (-m.score, m.a, m.b))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for m in pairs:
        if m.a in used_a or m.b in used_b:
            continue
        used_a.add(m.a)
        used_b.add(m.b)
        out.append(m)
    return sorted(out, key=lambda m: m.a)
