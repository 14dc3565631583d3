"""What every comparison step shares: words, sentences, paragraphs and names of one
`Analysis`, computed once per article (`Side`) and nothing heavier than regular expressions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from ..model import Analysis
from ..text import WORD

# Function words and the words every news story uses: sharing them says nothing about
# sharing a story.  Written by us.
STOP = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself
yourselves said says say told tell according would could may might must shall one two mr
ms mrs dr year years day days week weeks time last next first new like just even yes
""".split())

_SENTENCE = re.compile(r"[^.!?…]+(?:[.!?…]+[\"'”’)\]]*|$)")
_DIGIT = re.compile(r"\d")


def fold(word: str) -> str:
    """A word's comparison form: lower case, curly apostrophe straight, a plural -s off
    ("Protesters" and "protester" are one word here)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w


def content_words(text: str) -> list[str]:
    """The folded words of `text` that carry meaning (no function words, no numbers)."""
    out = []
    for m in WORD.finditer(text):
        w = fold(m.group())
        if len(w) > 2 and w not in STOP and not _DIGIT.search(w):
            out.append(w)
    return out


def quote_words(text: str) -> list[str]:
    """Every word of a quote, folded (function words count: they are its wording)."""
    return [fold(m.group()) for m in WORD.finditer(text)]


def surname(name: str | None) -> str:
    parts = [p for p in WORD.findall(name or "") if p[:1].isupper()]
    return parts[-1].lower() if parts else ""


def same_person(x: str | None, y: str | None) -> bool:
    """"Halvard Rusk", "Rusk" and "Commissioner Halvard Rusk" are one person; "Lena Vogt"
    and "Anna Vogt" are two."""
    if not x or not y:
        return False
    sx, sy = surname(x), surname(y)
    if not sx or sx != sy:
        return False
    fx = [p.lower() for p in WORD.findall(x) if p[:1].isupper()][:-1]
    fy = [p.lower() for p in WORD.findall(y) if p[:1].isupper()][:-1]
    return not fx or not fy or bool(set(fx) & set(fy))


@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass
class Side:
    """One article, prepared for comparing: its paragraphs, their words and sentences."""

    analysis: Analysis
    name: str                       # "a" or "b"
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = [s for s, _ in self.paragraphs]

    @property
    def text(self) -> str:
        return self.analysis.text

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        paras = [tuple(p) for p in self.analysis.paragraphs]
        return paras or [(0, len(self.analysis.text))]

    def paragraph_of(self, offset: int) -> int:
        """The index of the paragraph holding `offset` (the one before it, between two)."""
        return max(0, bisect_right(self._starts, offset) - 1)

    @cached_property
    def paragraph_words(self) -> list[list[str]]:
        return [content_words(self.text[s:e]) for s, e in self.paragraphs]

    @cached_property
    def sentences(self) -> list[Sentence]:
        out = []
        for i, (s, e) in enumerate(self.paragraphs):
            for m in _SENTENCE.finditer(self.text, s, e):
                if m.group().strip():
                    lead = len(m.group()) - len(m.group().lstrip())
                    tail = len(m.group().rstrip())
                    out.append(Sentence(m.start() + lead, m.start() + tail, i))
        return out

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_of(self, offset: int) -> Sentence | None:
        i = bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[i] if i >= 0 else None

    @cached_property
    def names(self) -> set[str]:
        """Surnames and single-word names of the people, groups and places it mentions."""
        return {surname(e.name) or e.name.lower() for e in self.analysis.entities}
