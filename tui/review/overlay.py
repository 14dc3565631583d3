"""How a review changes what the reader shows: verdicts and notes in the explanation of a
highlight, the reader's added highlights among the analysis's, and the spans drawn with
their own cue (rejected: struck through; added: outlined).  With `show_reviewed` off,
rejected and added highlights are hidden.  No Textual: plain data in, plain data out.
"""

from __future__ import annotations

from dataclasses import replace

from analyzers.review import Review

from ..categories import CATEGORIES, SINGULAR, STYLE_OF
from ..widgets.highlights import Highlight, Span, SpanIndex

MARKS = ("rejected", "added")
CUE = {"accept": "✓ accepted by you", "reject": "✗ rejected by you"}


def overlay(base: dict[str, SpanIndex[Highlight]], review: Review | None, *,
            show_reviewed: bool = True, text: str = "",
            ignored: frozenset[str] = frozenset()) -> tuple[dict[str, SpanIndex[Highlight]],
                                                            dict[str, SpanIndex[Span]]]:
    """The highlights to show and the spans of each review cue.  `ignored`: opinion words
    (lower case) on the user's ignore list, not shown (`text`: the article, to read them)."""
    marks: dict[str, list[Span]] = {m: [] for m in MARKS}
    if review is None and not ignored:
        return base, {m: SpanIndex() for m in MARKS}
    verdicts = {}
    added = []
    if review is not None:
        verdicts = {(v.category, v.anchor.start, v.anchor.end): v
                    for v in review.verdicts if v.attached}
        added = [a for a in review.added if a.attached]
    out: dict[str, SpanIndex[Highlight]] = {}
    for category in CATEGORIES:
        items: list[Highlight] = []
        for h in base.get(category, SpanIndex()):
            v = verdicts.get((category, h.start, h.end))
            if category == "opinion" and ignored and \
                    " ".join(text[h.start:h.end].split()).lower() in ignored:
                continue
            if v is not None:
                if v.verdict == "reject":
                    if not show_reviewed:
                        continue
                    marks["rejected"].append(Span(h.start, h.end))
                what = f"{h.what} · {CUE[v.verdict]}" if v.verdict else h.what
                why = f"Your note: {v.note} · {h.why}" if v.note else h.why
                h = replace(h, what=what, why=why)
            items.append(h)
        if show_reviewed:
            for a in added:
                if a.category != category:
                    continue
                marks["added"].append(Span(a.anchor.start, a.anchor.end))
                why = (f"Your note: {a.note}" if a.note else
                       "You marked this; slant did not. x removes it, c adds a note.")
                items.append(Highlight(category, a.anchor.start, a.anchor.end,
                                       STYLE_OF[category],
                                       f"{SINGULAR[category].lower()} added by you", why))
        out[category] = SpanIndex(items)
    return out, {m: SpanIndex(spans) for m, spans in marks.items()}

