"""The guided tour's plan: the article's highlights grouped by technique (a quote kind,
officials, a figure kind, an opinion category), most frequent first or in an order the
teacher picks, each instance with who says it and the sentence around it.

Pure Python (no Textual): the tour card and `slant tour` show what this works out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analyzers import glossary
from analyzers.glossary import Entry, technique_key
from analyzers.model import Analysis
from analyzers.text import terminal_safe

from ..widgets.highlights import person_label

ORDERS = ("frequent", "reading")
WRITER = "the writer"


@dataclass(frozen=True)
class Instance:
    category: str     # the highlight kind: "opinion"
    start: int
    end: int
    voice: str        # who says it: "the writer", "Ilse Brandvik, Mayor (quoted)"


@dataclass
class Technique:
    key: str                      # "opinion.loaded"
    category: str
    entry: Entry | None           # None when the glossary lacks it (a newer analysis)
    instances: list[Instance] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.entry.name if self.entry else self.key

    @property
    def first(self) -> int:
        return self.instances[0].start if self.instances else 0


def _speech(analysis: Analysis) -> list[tuple[int, int, str]]:
    """(start, end, speaker label) of each quote that is speech: words inside one are the
    speaker's, not the writer's."""
    out = []
    for q in analysis.quotes:
        if q.kind in ("direct", "partial"):
            out.append((q.start, q.end, _speaker(analysis, q.speaker, q.speaker_name)))
    return out


def _speaker(analysis: Analysis, entity_id: str | None, name: str | None) -> str:
    ent = analysis.entity(entity_id)
    if ent is not None:
        return person_label(ent)
    return name or "an unnamed speaker"


def _voice(speech: list[tuple[int, int, str]], start: int, end: int) -> str:
    for s, e, who in speech:
        if s <= start and end <= e:
            return f"{who} (quoted)"
    return WRITER


def techniques(analysis: Analysis, order: str = "frequent") -> list[Technique]:
    """The tour's techniques, each with its instances in reading order.

    `order`: "frequent" (most instances first, then first seen), "reading" (first seen
    first), or a comma-separated list of techniques or highlight kinds to put first
    ("opinion.doubt,figures"), the rest following by frequency."""
    try:
        entries = glossary.load()
    except glossary.GlossaryError:
        entries = {}
    n = len(analysis.text)
    speech = _speech(analysis)
    found: dict[str, Technique] = {}

    def add(category: str, kind: str | None, start: int, end: int, voice: str) -> None:
        if not 0 <= start < end <= n:
            return
        key = technique_key(category, kind)
        t = found.get(key)
        if t is None:
            t = found[key] = Technique(key, category, entries.get(key))
        t.instances.append(Instance(category, start, end, terminal_safe(voice)))

    for q in analysis.quotes:
        who = (_speaker(analysis, q.speaker, q.speaker_name)
               if q.kind in ("direct", "partial") else WRITER)
        add("quotes", q.kind, q.start, q.end, who)
    for ent in analysis.entities:
        if ent.official:
            for s, e in ent.mentions:
                add("officials", None, s, e, _voice(speech, s, e))
    for f in analysis.figures:
        add("figures", f.kind, f.start, f.end, _voice(speech, f.start, f.end))
    for o in analysis.opinion:
        voice = (f"{_speaker(analysis, o.speaker, None)} (quoted)" if o.in_quote and o.speaker
                 else "a quoted speaker" if o.in_quote else WRITER)
        add("opinion", o.category, o.start, o.end, voice)
    for t in found.values():
        t.instances.sort(key=lambda i: (i.start, i.end))
    return sort(list(found.values()), order)


def sort(items: list[Technique], order: str) -> list[Technique]:
    by_frequency = sorted(items, key=lambda t: (-len(t.instances), t.first))
    if order == "frequent":
        return by_frequency
    if order == "reading":
        return sorted(items, key=lambda t: t.first)
    wanted = [w.strip() for w in order.split(",") if w.strip()]

    def rank(t: Technique) -> int:
        for i, w in enumerate(wanted):
            if t.key == w or t.category == w:
                return i
        return len(wanted)

    return sorted(by_frequency, key=rank)   # stable: frequency within each rank


def check_order(order: str) -> str | None:
    """Why `order` is not a tour order, or None when it is."""
    if order in ORDERS:
        return None
    keys = set(glossary.technique_keys())
    categories = {k.split(".")[0] for k in keys}
    bad = [w.strip() for w in order.split(",") if w.strip() and w.strip() not in keys
           and w.strip() not in categories]
    if bad or not order.strip():
        return (f"unknown tour order {', '.join(bad) or repr(order)}; use frequent, reading, or "
                "techniques such as opinion.doubt,figures")
    return None


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")


def context(text: str, start: int, end: int, limit: int = 220) -> tuple[str, str, str]:
    """(before, the instance, after): the sentence(s) around text[start:end], within its
    paragraph, cut to about `limit` characters with an ellipsis; one line each."""
    para_start = text.rfind("\n\n", 0, start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end < 0 else para_end
    s = para_start
    for m in _SENTENCE_END.finditer(text, para_start, start):
        s = m.end()
    m = _SENTENCE_END.search(text, end, para_end)
    e = m.start() + 1 if m else para_end
    before, inside, after = text[s:start], text[start:end], text[end:e]
    room = max(0, limit - len(inside))
    if len(before) + len(after) > room:
        keep_before = min(len(before), room // 2)
        keep_after = min(len(after), room - keep_before)
        keep_before = min(len(before), room - keep_after)
        if keep_before < len(before):
            before = "…" + before[len(before) - keep_before:].lstrip()
        if keep_after < len(after):
            after = after[:keep_after].rstrip() + "…"

    def flat(part: str) -> str:
        return terminal_safe(re.sub(r"\s+", " ", part))

    return flat(before), flat(inside), flat(after)


class Tour:
    """Where the tour is: a technique and one of its instances.  `next`/`previous` step
    through instances and run on into the next (previous) technique; `next_technique` and
    `previous_technique` jump to a technique's first instance.  Each returns False at the
    end (or the start) of the tour, and stays where it was."""

    def __init__(self, items: list[Technique]) -> None:
        self.techniques = [t for t in items if t.instances]
        self.technique_index = 0
        self.instance_index = 0

    def __bool__(self) -> bool:
        return bool(self.techniques)

    @property
    def technique(self) -> Technique:
        return self.techniques[self.technique_index]

    @property
    def instance(self) -> Instance:
        return self.technique.instances[self.instance_index]

    def next(self) -> bool:
        if self.instance_index + 1 < len(self.technique.instances):
            self.instance_index += 1
            return True
        return self.next_technique()

    def previous(self) -> bool:
        if self.instance_index > 0:
            self.instance_index -= 1
            return True
        if self.technique_index == 0:
            return False
        self.technique_index -= 1
        self.instance_index = len(self.technique.instances) - 1
        return True

    def next_technique(self) -> bool:
        if self.technique_index + 1 >= len(self.techniques):
            return False
        self.technique_index += 1
        self.instance_index = 0
        return True

    def previous_technique(self) -> bool:
        if self.technique_index == 0:
            return False
        self.technique_index -= 1
        self.instance_index = 0
        return True
