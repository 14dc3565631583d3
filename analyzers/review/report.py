"""A review with everything worked out: its items attached to the analysis, the checklist
with the reader's ticks, the scorecard and the counts.  This is the JSON that
`slant review FILE` prints and the exports carry (`slant.review/1` with its optional
`checklist`, `scorecard` and `summary` fields)."""

from __future__ import annotations

from typing import Any

from ..model import Analysis, iter_spans
from .anchors import _best_span, locate, reattach
from .checklist import Item, checklist
from .model import Review
from .scorecard import scorecard


def ticked_items(review: Review, items: list[Item]) -> list[bool]:
    """For each checklist item, whether the reader ticked it (a tick found again at the
    same place, or one overlapping most of it, for the same rule)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for t in review.ticks:
        if t.attached:
            spans.setdefault(t.rule, []).append((t.anchor.start, t.anchor.end))
    return [_best_span(spans.get(i.rule, []), i.start, i.end) is not None for i in items]


def model_name(a: Analysis) -> str:
    return " ".join(x for x in (a.model.name or "rules-only", a.model.version) if x)


def report(review: Review, a: Analysis) -> dict[str, Any]:
    """`review` attached to `a` (in place), as a dict with the computed fields."""
    reattach(review, a.text, iter_spans(a), model=model_name(a))
    items = checklist(a)
    ticks = ticked_items(review, items)
    out = review.to_dict()
    out["checklist"] = [{"rule": i.rule, "start": i.start, "end": i.end, "text": i.text,
                         "message": i.message, "ticked": t} for i, t in zip(items, ticks)]
    out["scorecard"] = scorecard(a)
    out["summary"] = {**review.counts(), "checklist": len(items),
                      "checklist_ticked": sum(ticks)}
    return out


__all__ = ["report", "ticked_items", "model_name", "locate"]
