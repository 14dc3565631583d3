"""Quotes both articles give, and how: the same words, one quoting more than the other
(a full quote against a partial one), a different cut of the same sentence, or the same
words given to a different speaker."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from .common import Side, quote_words, same_person
from .scorecard import SPEECH

RUN = 4          # words in a row that make two quotes one (the whole quote if shorter)
SHORTEST = 3     # a shorter shared run is a phrase anyone could say


def _quote_row(q, words: list[str]) -> dict[str, Any]:
    return {"text": q.text, "span": [q.start, q.end], "kind": q.kind,
            "speaker": q.speaker_name, "words": len(words)}


def _cut(x: list[str], y: list[str], run: int) -> str:
    if x == y:
        return "same"
    if run == len(y):
        return "a_longer"
    if run == len(x):
        return "b_longer"
    return "different"


def shared_quotes(a: Side, b: Side) -> list[dict[str, Any]]:
    """The quotes both give, one row per pair (each quote in one pair at most), in A's
    order.  `cut`: "same", "a_longer" (B quotes part of what A quotes), "b_longer" or
    "different" (each has words the other leaves out); `same_speaker` is null when either
    article names nobody."""
    qa = [(q, quote_words(q.text)) for q in a.analysis.quotes if q.kind in SPEECH]
    qb = [(q, quote_words(q.text)) for q in b.analysis.quotes if q.kind in SPEECH]
    candidates = []
    for i, (x, xw) in enumerate(qa):
        for j, (y, yw) in enumerate(qb):
            if not xw or not yw:
                continue
            m = SequenceMatcher(None, xw, yw, autojunk=False).find_longest_match(
                0, len(xw), 0, len(yw))
            if m.size >= max(SHORTEST, min(RUN, len(xw), len(yw))):
                candidates.append((m.size, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    rows = []
    for run, i, j in candidates:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        (x, xw), (y, yw) = qa[i], qb[j]
        named = x.speaker_name and y.speaker_name
        rows.append({"a": _quote_row(x, xw), "b": _quote_row(y, yw), "shared_words": run,
                     "cut": _cut(xw, yw, run),
                     "same_speaker": same_person(x.speaker_name, y.speaker_name)
                     if named else None})
    return sorted(rows, key=lambda r: r["a"]["span"][0])
