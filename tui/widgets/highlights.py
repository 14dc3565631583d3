"""What the reader highlights, and the plain words that explain each highlight.

Pure Python (no Textual): an `Analysis` becomes sorted `Highlight`s per category, searchable
by offset with `SpanIndex`, and grouped `PanelEntry`s for the side panel.  Their words (names,
titles, figures as written) pass through `terminal_safe`: Textual writes control characters
such as ESC to the terminal as they are.
"""

from __future__ import annotations

from itertools import accumulate
from operator import attrgetter
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Generic, Iterable, NamedTuple, Protocol, Sequence, TypeVar

from analyzers import glossary
from analyzers.glossary import technique_key
from analyzers.model import OPINION_CATEGORIES, Analysis, Entity, neutral_text, speaker_notes
from analyzers.text import terminal_safe as safe

from ..categories import CATEGORIES, STYLE_OF

QUOTE_KINDS = {
    "direct": "direct quote",
    "partial": "partial quote",
    "scare": "scare quote",
    "title": "quoted title",
}
QUOTE_WHY = {
    "direct": "These are the source's own words. Notice who gets to speak in this article, "
              "and who does not.",
    "partial": "Only a fragment is quoted; the rest is the writer's paraphrase. Check that the "
               "fragment supports the sentence built around it.",
    "scare": "Quote marks around a word can cast doubt on it without saying why.",
    "title": "The name of a work, a slogan or a label, not someone's speech.",
}
UNATTRIBUTED_WHY = ("No speaker is named, so the quote cannot be checked: who said it, and "
                    "why are they not named?")
OFFICIAL_WHY = ("Officials speak with the weight of their office. Notice whose account the "
                "article relies on, and whether other voices are heard.")
FIGURE_KINDS = {
    "money": "money", "percent": "percentage", "count": "count", "quantity": "quantity",
    "date": "date", "year": "year", "time": "time", "duration": "duration",
    "ordinal": "ranking", "range": "range",
}
_CHECK = "Check the number: what is it compared with, and where does it come from?"
FIGURE_WHY = {
    "money": _CHECK,
    "count": _CHECK,
    "percent": "A share of what? Check the base it is taken from, and whether a change is in "
               "percent or in percentage points.",
    "quantity": "Check the unit and the comparison: is this a lot or a little for what it "
                "measures?",
    "date": "When it happened: check that the timing is what the claim needs.",
    "year": "When it happened: check that the timing is what the claim needs.",
    "time": "When it happened: check that the timing is what the claim needs.",
    "duration": "How long, counted from when? A period can be chosen to make a change look "
                "bigger or smaller.",
    "ordinal": "A ranking: check what is ranked, against whom, and who did the ranking.",
    "range": "A range: notice which end the article leans on, and where the estimate comes "
             "from.",
}
OPINION_WHY = "Words like this carry a judgement, not just a fact."


class HasSpan(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=HasSpan)


class Span(NamedTuple):
    start: int
    end: int


@dataclass(frozen=True)
class Highlight:
    category: str                 # one of CATEGORIES
    start: int
    end: int
    style: str                    # the article view's component class suffix
    what: str                     # what it is, e.g. "direct quote — Lena Vogt, Finance Minister"
    why: str                      # why it matters, one or two plain sentences
    related: Span | None = None   # another span to show with it (a quote's speaker mention)
    technique: str = ""           # the glossary key: "quotes.direct", "opinion.loaded"


class SpanIndex(Generic[S]):
    """Spans sorted by (start, end) with a running maximum of ends, so the spans that overlap
    a range are found by bisection and a short walk back, not a scan of every span."""

    def __init__(self, spans: Iterable[S] = (), *, is_sorted: bool = False) -> None:
        items = [s for s in spans if s.end > s.start]
        if not is_sorted:
            items.sort(key=lambda s: (s.start, s.end))
        self.items: list[S] = items
        self.starts = [s.start for s in items]
        self._max_end = list(accumulate((s.end for s in items), max))

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def __getitem__(self, i: int) -> S:
        return self.items[i]

    def overlapping(self, start: int, end: int) -> list[S]:
        """Spans with some character in [start, end), in (start, end) order."""
        i = bisect_left(self.starts, end) - 1
        found = []
        while i >= 0 and self._max_end[i] > start:
            if self.items[i].end > start:
                found.append(self.items[i])
            i -= 1
        found.reverse()
        return found

    def first_from(self, pos: int) -> int | None:
        """Index of the first span starting at or after `pos`."""
        i = bisect_left(self.starts, pos)
        return i if i < len(self.items) else None

    def last_before(self, pos: int) -> int | None:
        """Index of the last span starting before `pos`."""
        i = bisect_left(self.starts, pos) - 1
        return i if i >= 0 else None

    def index(self, item: S) -> int | None:
        i = bisect_left(self.starts, item.start)
        j = bisect_right(self.starts, item.start)
        for k in range(i, j):
            if self.items[k] == item:
                return k
        return None


def merged(indexes: Sequence[SpanIndex[S]]) -> SpanIndex[S]:
    """One index over several.  Each is sorted already, and Python's sort merges sorted
    runs in linear time, faster than `heapq.merge` with a key function."""
    out: SpanIndex[S] = SpanIndex()
    items = [s for ix in indexes for s in ix.items]
    if len([ix for ix in indexes if ix.items]) > 1:
        items.sort(key=_START_END)
    out.items = items
    out.starts = [s.start for s in items]
    out._max_end = list(accumulate((s.end for s in items), max))
    return out


_START_END = attrgetter("start", "end")


# -- building highlights ------------------------------------------------------------------
def person_label(entity: Entity | None, name: str | None = None) -> str:
    """ "Lena Vogt, German Finance Minister" (name, then title when known)."""
    name = name or (entity.name if entity else None) or "unknown speaker"
    if entity is not None and entity.title and entity.title.lower() not in name.lower():
        return f"{name}, {entity.title}"
    return name


def speaker_label(entities: dict[str, Entity], entity_id: str | None,
                  name: str | None) -> str | None:
    entity = entities.get(entity_id) if entity_id else None
    if entity is not None:
        return person_label(entity)
    return name or None


def _ask(category: str, kind: str | None = None) -> tuple[str, str]:
    """The glossary key of a technique and its careful reader's question, " Ask: ...?" (the
    explanation line ends with it); no question when the glossary cannot be read."""
    key = technique_key(category, kind)
    try:
        e = glossary.load().get(key)
    except glossary.GlossaryError:
        e = None
    return key, f" Ask: {e.ask}" if e else ""


def build(analysis: Analysis) -> dict[str, SpanIndex[Highlight]]:
    """Every highlight of the analysis, indexed per category."""
    n = len(analysis.text)
    entities = {e.id: e for e in analysis.entities}   # Analysis.entity() scans the list

    def ok(s: int, e: int) -> bool:
        return 0 <= s < e <= n

    quotes = []
    for q in analysis.quotes:
        if not ok(q.start, q.end):
            continue
        kind = QUOTE_KINDS.get(q.kind, q.kind)
        who = speaker_label(entities, q.speaker, q.speaker_name)
        speech = q.kind in ("direct", "partial")
        if who:
            note = speaker_notes(q, analysis.text) if speech else ""
            what = f"{kind} — {who}" + (f" ({note})" if note else "")
        elif speech:
            what = f"{kind} — no speaker found"
        else:
            what = kind
        why = QUOTE_WHY.get(q.kind, QUOTE_WHY["direct"])
        if speech and not who:
            why = UNATTRIBUTED_WHY
        related = Span(*q.speaker_span) if q.speaker_span and ok(*q.speaker_span) else None
        key, ask = _ask("quotes", q.kind)
        quotes.append(Highlight("quotes", q.start, q.end, STYLE_OF["quotes"], safe(what),
                                why + ask, related, key))

    officials = []
    key, ask = _ask("officials")
    for ent in analysis.entities:
        if not ent.official:
            continue
        what = f"named official — {person_label(ent)}"
        if ent.affiliation and ent.affiliation.lower() not in what.lower():
            what += f" ({ent.affiliation})"
        what = safe(what)
        for s, e in ent.mentions:
            if ok(s, e):
                officials.append(Highlight("officials", s, e, STYLE_OF["officials"], what,
                                            OFFICIAL_WHY + ask, technique=key))

    figures = []
    for f in analysis.figures:
        if ok(f.start, f.end):
            kind = FIGURE_KINDS.get(f.kind, f.kind)
            key, ask = _ask("figures", f.kind)
            figures.append(Highlight("figures", f.start, f.end, STYLE_OF["figures"],
                                     safe(f"{kind}: {f.text}"),
                                     FIGURE_WHY.get(f.kind, _CHECK) + ask, technique=key))

    opinion = []
    for o in analysis.opinion:
        if not ok(o.start, o.end):
            continue
        name = OPINION_CATEGORIES.get(o.category, o.category)
        if o.in_quote:
            who = speaker_label(entities, o.speaker, None)
            voice = f"inside a quote from {who}" if who else "inside a quote"
        else:
            voice = "in the writer's own voice"
        style = STYLE_OF["opinion"]
        why = o.explanation.strip() or OPINION_WHY
        # the neutral wording first: the explanation line has three rows and a narrow
        # column cuts the end, where the source (also in --explain and the exports) goes
        if o.neutral is not None:
            why = f"neutral: {neutral_text(o.neutral, o.text)} · {why}"
        if o.source:
            why = f"{why} · from {o.source}"
        key, ask = _ask("opinion", o.category)
        opinion.append(Highlight("opinion", o.start, o.end,
                                 f"{style}-quoted" if o.in_quote else style,
                                 safe(f"{name} — {voice}"), safe(why + ask), technique=key))

    found = {"quotes": quotes, "officials": officials, "figures": figures, "opinion": opinion}
    return {c: SpanIndex(found[c]) for c in CATEGORIES}


# -- the side panel -------------------------------------------------------------------------
GROUPS = (
    ("officials", "Officials"),
    ("people", "People"),
    ("organizations", "Organisations"),
    ("places", "Places"),
    ("other", "Groups & other"),
    ("figures", "Figures"),
    ("speakers", "Quotes by speaker"),
)


@dataclass
class PanelEntry:
    group: str
    key: str                       # unique within the panel
    label: str
    detail: str = ""               # title, kind, ...
    spans: list[Span] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.spans)


def _entity_group(ent: Entity) -> str:
    if ent.official:
        return "officials"
    return {"person": "people", "organization": "organizations", "place": "places"}.get(
        ent.type, "other")


def panel_entries(analysis: Analysis) -> dict[str, list[PanelEntry]]:
    """Side-panel rows per group, most mentioned first."""
    n = len(analysis.text)
    groups: dict[str, list[PanelEntry]] = {g: [] for g, _ in GROUPS}
    for ent in analysis.entities:
        spans = sorted(Span(s, e) for s, e in ent.mentions if 0 <= s < e <= n)
        if not spans:
            continue
        detail = ent.title or ""
        if ent.affiliation and not ent.title:
            detail = ent.affiliation
        groups[_entity_group(ent)].append(
            PanelEntry(_entity_group(ent), f"entity:{ent.id}", safe(ent.name), safe(detail),
                       spans))

    by_text: dict[tuple[str, str], PanelEntry] = {}
    for f in analysis.figures:
        if not 0 <= f.start < f.end <= n:
            continue
        label = " ".join(f.text.split())
        entry = by_text.get((f.kind, label.lower()))
        if entry is None:
            entry = by_text[(f.kind, label.lower())] = PanelEntry(
                "figures", f"figure:{f.kind}:{label.lower()}", safe(label),
                FIGURE_KINDS.get(f.kind, f.kind))
            groups["figures"].append(entry)
        entry.spans.append(Span(f.start, f.end))

    speakers: dict[str, PanelEntry] = {}
    entities = {e.id: e for e in analysis.entities}
    for q in analysis.quotes:
        if q.kind not in ("direct", "partial") or not 0 <= q.start < q.end <= n:
            continue
        ent = entities.get(q.speaker) if q.speaker else None
        key = q.speaker or (f"name:{q.speaker_name}" if q.speaker_name else "unattributed")
        entry = speakers.get(key)
        if entry is None:
            name = (ent.name if ent else None) or q.speaker_name or "No speaker found"
            detail = (ent.title or "") if ent else ""
            entry = speakers[key] = PanelEntry("speakers", f"speaker:{key}", safe(name),
                                               safe(detail))
            groups["speakers"].append(entry)
        entry.spans.append(Span(q.start, q.end))

    for rows in groups.values():
        for row in rows:
            row.spans.sort()
        rows.sort(key=lambda r: (-r.count, r.label.lower()))
    return groups
