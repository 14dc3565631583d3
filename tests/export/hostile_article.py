"""A hand-made Analysis of an article that tries to act on the terminal (our own words)."""

from __future__ import annotations

from analyzers.model import Analysis, Entity, Figure, ModelInfo, Quote, Source
from analyzers.stats import compute_stats
from analyzers.text import paragraphs


# An article that tries to act on the terminal: escape sequences (clear the screen, retitle
# the window), a C1 CSI, DEL, a form feed, and bidi overrides and isolates.
HOSTILE = (
    "Budget \x1b]0;owned\x07vote\n"
    "\n"
    "Mayor Ana Ruiz\x1b[2J said costs\x0cgrew 12% this year.\n"
    "\n"
    "A file called invoice\u202etxt.exe and \u2066isolated\u2069 words, \x9b31m red, \x7f gone.\n"
)
ACTED_ON = set(map(chr, [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0),
                         *range(0x202A, 0x202F), *range(0x2066, 0x206A)]))


def make_hostile_analysis() -> Analysis:
    t = HOSTILE
    name = t.index("Ana Ruiz")
    ruiz = Entity("e1", "Ana Ruiz\x1b[2J", "person", official=True, title="Mayor\u202e",
                  mentions=[(name, name + len("Ana Ruiz"))])
    s = t.index("12%")
    fig = Figure(s, s + 3, "12%", "percent", 12.0, "%")
    s = t.index("invoice")
    quote = Quote("q1", s, t.index(" and"), t[s:t.index(" and")], "scare")
    a = Analysis(text=t, source=Source(path="evil\x1b[2J.txt",
                                      title="Budget \x1b]0;owned\x07vote"),
                 model=ModelInfo(name="hand-made", version="1", mode="full"),
                 paragraphs=paragraphs(t), entities=[ruiz], quotes=[quote], figures=[fig],
                 opinion=[])
    a.stats = compute_stats(a)
    return a
