"""Highlights for the exports: what each one says, and well-nested markup from overlapping spans.

An `Analysis` has four kinds of highlight (quotes, officials, figures, opinion) whose spans may
overlap in any way: an opinion word inside a quote, an official named inside a quote, or two
spans that cross.  `sweep()` walks the boundaries of one paragraph and yields open/text/close
events that always nest; a span that crosses another's end is closed and reopened, so it comes
out in pieces (`first` marks the first piece, `final` the last).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterator

from analyzers.model import OPINION_CATEGORIES, Analysis, opinion_notes, speaker_notes

# Which highlight sits outside when two start together; figures are innermost because the
# Markdown form of a figure (a code span) cannot hold other marks.
_RANK = {"quotes": 0, "officials": 1, "opinion": 2, "figures": 3}

QUOTE_KIND_LABELS = {
    "direct": "Direct quote",
    "partial": "Partial quote",
    "scare": "Scare quote",
    "title": "Quoted title",
}


@dataclass(frozen=True)
class Mark:
    category: str
    start: int
    end: int
    label: str           # a few words: "Direct quote", "Official", "Figure (money)"
    explanation: str     # one sentence: who said it, what the title is, why it is opinion
    index: int           # position in the list `marks()` returned (stable ids)
    neutral: str | None = None   # opinion: the plainer wording ("" = leave the words out)
    notes: str = ""              # opinion: "neutral: ... · from <list>: <group>"
    review: str = ""             # the reviewer's word: "accepted", "rejected", "added"

    @property
    def order(self) -> tuple[int, int, int, int]:
        return (self.start, -self.end, _RANK[self.category], self.index)


def _person(analysis: Analysis, entity_id: str | None, fallback: str | None) -> str | None:
    """"Ana Ruiz (Mayor, an official)" / "Ana Ruiz" / the quote's own speaker name."""
    ent = analysis.entity(entity_id)
    if ent is None:
        return fallback
    if ent.official:
        return f"{ent.name} ({ent.title + ', ' if ent.title else ''}an official)"
    return ent.name


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", ")")) else text + "."


def marks(analysis: Analysis) -> list[Mark]:
    """Every highlight of `analysis`, in text order, each with its explanation."""
    raw: list[tuple[str, int, int, str, str]] = []
    for q in analysis.quotes:
        label = QUOTE_KIND_LABELS.get(q.kind, "Quote")
        who = _person(analysis, q.speaker, q.speaker_name)
        if q.kind == "title":
            why = "A name or title in quotation marks, not speech."
        elif q.kind == "scare":
            why = "Words set apart in quotation marks, often to distance the writer from them."
        elif who:
            note = speaker_notes(q, analysis.text)
            why = f"Said by {who}" + (f" ({note})" if note else "") \
                + (f"; cue: “{q.cue}”." if q.cue else ".")
        else:
            why = "No speaker found for this quote."
        raw.append(("quotes", q.start, q.end, label, why))
    for e in analysis.entities:
        if not e.official:
            continue
        role = ", ".join(x for x in (e.title, e.affiliation) if x)
        why = f"{e.name}: {role}." if role else f"{e.name}, named as an official."
        for s, t in e.mentions:
            raw.append(("officials", s, t, "Official", why))
    for f in analysis.figures:
        why = f"A figure ({f.kind})"
        if f.value is not None:
            value = f"{f.value:,.0f}" if float(f.value).is_integer() else f"{f.value:,g}"
            why += f" of {value}" + (f" {f.unit}" if f.unit else "")
        raw.append(("figures", f.start, f.end, f"Figure ({f.kind})", why + "."))
    for o in analysis.opinion:
        label = OPINION_CATEGORIES.get(o.category, o.category).capitalize()
        why = o.explanation.strip()
        for prefix in (label, o.category):  # "Hedge: ..." under the heading "Hedge"
            if why.lower().startswith(prefix.lower() + ":"):
                why = why[len(prefix) + 1:].strip()
        why = _sentence(why)
        if o.in_quote:
            ent = analysis.entity(o.speaker)
            who = f"{ent.name}'s" if ent else "the speaker's"
            why += f" In a quote: {who} words, not the writer's."
        extra = {"notes": opinion_notes(o)}
        if o.neutral is not None:
            extra["neutral"] = o.neutral      # raw: "" means leave the words out
        raw.append(("opinion", o.start, o.end, label, why, extra))
    raw.sort(key=lambda r: (r[1], -r[2], _RANK[r[0]]))
    return [Mark(c, s, e, label, why, i, **(rest[0] if rest else {}))
            for i, (c, s, e, label, why, *rest) in enumerate(raw)]


Event = tuple[str, Any, Any]  # ("open", Mark, first) | ("close", Mark, final) | ("text", s, e)


def sweep(text: str, start: int, end: int, items: list[Mark]) -> Iterator[Event]:
    """Events for text[start:end] with the marks that touch it, properly nested.

    Marks are clipped to the range and trimmed of surrounding whitespace; empty ones vanish.
    """
    starts: dict[int, list[int]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    by_index: dict[int, Mark] = {}
    clipped_end: dict[int, int] = {}
    for m in items:
        s, e = max(m.start, start), min(m.end, end)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        by_index[m.index] = m
        clipped_end[m.index] = e
        starts[s].append(m.index)
        ends[e].append(m.index)
    if not by_index:
        if end > start:
            yield ("text", start, end)
        return
    order = {i: m.order for i, m in by_index.items()}
    bounds = sorted({start, end, *starts, *ends})
    active: set[int] = set()
    stack: list[int] = []
    opened: set[int] = set()
    for i, pos in enumerate(bounds):
        if pos in ends:
            active.difference_update(ends[pos])
        if pos in starts:
            active.update(starts[pos])
        want = sorted(active, key=order.__getitem__) if len(active) > 1 else list(active)
        if want != stack:
            keep = 0
            while keep < len(stack) and keep < len(want) and stack[keep] == want[keep]:
                keep += 1
            for j in reversed(stack[keep:]):
                yield ("close", by_index[j], clipped_end[j] == pos)
            for j in want[keep:]:
                yield ("open", by_index[j], j not in opened)
                opened.add(j)
            stack = want
        if i + 1 < len(bounds) and bounds[i + 1] > pos:
            yield ("text", pos, bounds[i + 1])
    for j in reversed(stack):  # only when a mark reaches `end` exactly
        yield ("close", by_index[j], True)


def paragraph_ranges(analysis: Analysis) -> list[tuple[int, int]]:
    if analysis.paragraphs:
        return [tuple(p) for p in analysis.paragraphs]  # type: ignore[misc]
    from analyzers.text import paragraphs

    return paragraphs(analysis.text)


def by_paragraph(items: list[Mark], paras: list[tuple[int, int]]) -> list[list[Mark]]:
    """The marks touching each paragraph, found with one pass over both sorted lists."""
    out: list[list[Mark]] = [[] for _ in paras]
    order = sorted(items, key=lambda m: m.start)
    starts = [p[0] for p in paras]
    for m in order:
        i = max(0, bisect.bisect_right(starts, m.start) - 1)
        while i < len(paras) and paras[i][0] < m.end:
            if paras[i][1] > m.start:
                out[i].append(m)
            i += 1
    return out

