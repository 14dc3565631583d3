"""Two articles on one story, compared: which paragraphs match, who each quotes, which
words each chooses, which figures differ and how each cuts the quotes they share.

    >>> from analyzers.compare import compare
    >>> comparison = compare(analysis_a, analysis_b)   # a dict: schema slant.compare/1

Pure: two `Analysis` objects in, a JSON-ready dict out (documented in
docs/compare-schema.md, described by analyzers/schema/compare-1.json); no spaCy, so it
costs little beside the two analyses.  When the two share no story (no quote in common and
fewer than two matching paragraphs) nothing is matched: `story.shared` is false and only
the scorecards are filled, rather than pairs invented from chance words.
"""

from __future__ import annotations

from typing import Any

from ..model import Analysis
from .align import Match, align
from .common import Side
from .figures import compare_figures
from .quotes import shared_quotes
from .scorecard import scorecard
from .speakers import compare_speakers
from .validate import SCHEMA, CompareSchemaError, validate
from .wording import by_category, swaps

__all__ = ["SCHEMA", "CompareSchemaError", "compare", "scorecard", "validate",
           "NO_SHARED_STORY"]

NO_SHARED_STORY = "no shared story found"


def _summary(a: Analysis) -> dict[str, Any]:
    return {"source": {"path": a.source.path, "title": a.source.title},
            "model": {"name": a.model.name, "version": a.model.version, "mode": a.model.mode},
            "chars": len(a.text), "words": int(a.stats.get("words", 0) or 0)}


def _shared_story(matches: list[Match], quotes: list[dict[str, Any]]) -> bool:
    return bool(quotes) or len(matches) >= 2


def compare(a: Analysis, b: Analysis) -> dict[str, Any]:
    """The comparison of `a` and `b` (schema slant.compare/1)."""
    sa, sb = Side(a, "a"), Side(b, "b")
    matches = align(sa, sb)
    quotes = shared_quotes(sa, sb)
    out: dict[str, Any] = {
        "schema": SCHEMA, "a": _summary(a), "b": _summary(b),
        "story": {"shared": False, "note": ""},
        "paragraphs": [], "speakers": {"both": [], "only_a": [], "only_b": []},
        "wording": {"by_category": [], "pairs": []},
        "figures": {"disputed": [], "agreed": [], "only_a": [], "only_b": []},
        "quotes": [], "scorecard": {"a": scorecard(a), "b": scorecard(b)},
    }
    if not _shared_story(matches, quotes):
        out["story"]["note"] = (f"{NO_SHARED_STORY}: no quote in common and "
                                f"{len(matches) or 'no'} matching paragraph"
                                f"{'' if len(matches) == 1 else 's'}; only the scorecards "
                                "are compared")
        return out
    out["story"] = {"shared": True,
                    "note": f"{len(matches)} matching paragraphs, {len(quotes)} shared quotes"}
    out["paragraphs"] = [{"a": m.a, "b": m.b, "a_span": list(sa.paragraphs[m.a]),
                          "b_span": list(sb.paragraphs[m.b]), "score": m.score,
                          "why": m.why} for m in matches]
    out["speakers"] = compare_speakers(sa, sb)
    out["wording"] = {"by_category": by_category(sa, sb), "pairs": swaps(sa, sb, matches)}
    out["figures"] = compare_figures(sa, sb, matches)
    out["quotes"] = quotes
    return out
