"""Spot the spin: the words of an article, a student's marks, and their score against the
analysis (found, missed and extra per category), saved as JSON for a teacher.

The overlap rule (`RULE`, also shown on screen): a mark finds a highlight of the same kind
when they share at least one word; each mark finds at most one highlight and each highlight
is found at most once (the pairs sharing the most characters are matched first), so one
mark over a whole paragraph finds one highlight, not all of them.

Pure Python (no Textual).
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import asdict, dataclass, field

from analyzers.model import HIGHLIGHT_KINDS, Analysis

SCHEMA = "slant.quiz/1"
RULE = ("A mark finds a highlight of its kind if they share a word; one mark finds one "
        "highlight.")
_TOKEN = re.compile(r"\S+")
_EDGE = "\"'“”‘’«»„‚‹›()[]{}.,;:!?…—–-*_"


def words(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word: a run of non-space characters without the punctuation
    around it ("$420", "12%", "Brandvik's" are words; "—" alone is not)."""
    out = []
    for m in _TOKEN.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s] in _EDGE:
            s += 1
        while e > s and text[e - 1] in _EDGE:
            e -= 1
        if e > s:
            out.append((s, e))
    return out


@dataclass(frozen=True)
class Mark:
    category: str     # one of HIGHLIGHT_KINDS
    start: int
    end: int


def answers(analysis: Analysis) -> dict[str, list[tuple[int, int]]]:
    """What the analysis highlights, per category (as the reader shows it): every quote,
    every mention of an official, every figure, every opinion span (quoted or not)."""
    n = len(analysis.text)
    found: dict[str, set[tuple[int, int]]] = {c: set() for c in HIGHLIGHT_KINDS}
    for q in analysis.quotes:
        found["quotes"].add((q.start, q.end))
    for ent in analysis.entities:
        if ent.official:
            found["officials"].update((s, e) for s, e in ent.mentions)
    for f in analysis.figures:
        found["figures"].add((f.start, f.end))
    for o in analysis.opinion:
        found["opinion"].add((o.start, o.end))
    return {c: sorted((s, e) for s, e in spans if 0 <= s < e <= n)
            for c, spans in found.items()}


def _shared_words(a: tuple[int, int], b: tuple[int, int],
                  word_spans: list[tuple[int, int]]) -> int:
    """Characters of words that both spans cover (0: they share no word)."""
    s, e = max(a[0], b[0]), min(a[1], b[1])
    if s >= e:
        return 0
    return sum(max(0, min(e, we) - max(s, ws)) for ws, we in word_spans if ws < e and we > s)


@dataclass
class CategoryScore:
    found: int = 0
    missed: int = 0
    extra: int = 0

    @property
    def total(self) -> int:
        return self.found + self.missed


@dataclass
class Score:
    by_category: dict[str, CategoryScore] = field(default_factory=dict)
    found: list[tuple[str, int, int]] = field(default_factory=list)    # highlights found
    missed: list[tuple[str, int, int]] = field(default_factory=list)   # highlights not found
    extra: list[Mark] = field(default_factory=list)                    # marks that found none

    @property
    def total_found(self) -> int:
        return sum(c.found for c in self.by_category.values())

    @property
    def total(self) -> int:
        return sum(c.total for c in self.by_category.values())

    @property
    def total_extra(self) -> int:
        return sum(c.extra for c in self.by_category.values())


def score(analysis: Analysis, marks: list[Mark]) -> Score:
    """The marks scored against the analysis under `RULE`."""
    key = answers(analysis)
    word_spans = words(analysis.text)
    out = Score()
    for category in HIGHLIGHT_KINDS:
        gold = key[category]
        mine = sorted({m for m in marks if m.category == category}, key=lambda m: (m.start, m.end))
        pairs = []
        for gi, g in enumerate(gold):
            for mi, m in enumerate(mine):
                shared = _shared_words(g, (m.start, m.end), word_spans)
                if shared:
                    pairs.append((-shared, g[0], m.start, gi, mi))
        pairs.sort()
        used_g: set[int] = set()
        used_m: set[int] = set()
        for _, _, _, gi, mi in pairs:
            if gi not in used_g and mi not in used_m:
                used_g.add(gi)
                used_m.add(mi)
        out.found += [(category, *gold[i]) for i in sorted(used_g)]
        out.missed += [(category, *g) for i, g in enumerate(gold) if i not in used_g]
        out.extra += [m for i, m in enumerate(mine) if i not in used_m]
        out.by_category[category] = CategoryScore(len(used_g), len(gold) - len(used_g),
                                                  len(mine) - len(used_m))
    return out


def report(analysis: Analysis, marks: list[Mark], result: Score, *,
           student: str | None = None) -> dict:
    """The JSON a teacher collects: the article, the marks, the score, what was missed."""
    text = analysis.text

    def span(category: str, s: int, e: int) -> dict:
        return {"category": category, "start": s, "end": e, "text": text[s:e]}

    return {
        "schema": SCHEMA,
        "article": {"path": analysis.source.path, "title": analysis.source.title,
                    "words": len(words(text))},
        "student": student,
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "rule": RULE,
        "score": {c: {**asdict(s), "total": s.total} for c, s in result.by_category.items()},
        "found": result.total_found,
        "total": result.total,
        "extra": result.total_extra,
        "marks": [span(m.category, m.start, m.end) for m in
                  sorted(marks, key=lambda m: (m.start, m.end, m.category))],
        "missed": [span(*m) for m in result.missed],
        "extra_marks": [span(m.category, m.start, m.end) for m in result.extra],
    }


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
