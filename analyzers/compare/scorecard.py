"""The headline numbers of one article's scorecard, in one small pure function: the compare
view shows two side by side, and anything else that wants them reuses it."""

from __future__ import annotations

from typing import Any

from ..model import Analysis

SPEECH = ("direct", "partial")


def scorecard(analysis: Analysis) -> dict[str, Any]:
    """Opinion in the writer's voice (count and per 100 words), the share of quoted words,
    and named against anonymous sources.

    Named sources are the distinct speakers with a name that the article quotes; anonymous
    ones are its quotes with no speaker found plus its unsupported attributions in the
    writer's voice ("critics say", "sources said")."""
    st = analysis.stats
    words = int(st.get("words", 0) or 0)
    writer = [o for o in analysis.opinion if not o.in_quote]
    speech = [q for q in analysis.quotes if q.kind in SPEECH]
    named = {q.speaker or q.speaker_name for q in speech if q.speaker or q.speaker_name}
    unattributed = sum(1 for q in speech if not (q.speaker or q.speaker_name))
    unsupported = sum(1 for o in writer if o.category == "unsupported")
    return {
        "words": words,
        # the engine's own counts where it has them, so the summary panel says the same
        "opinion_writer": int(st.get("opinion_writer", len(writer))),
        "opinion_writer_per_100_words": float(st.get(
            "opinion_writer_per_100_words",
            round(100 * len(writer) / words, 2) if words else 0.0)),
        "quoted_words": int(st.get("quoted_words", 0) or 0),
        "quoted_share": float(st.get("quoted_share", 0) or 0),
        "quotes": len(speech),
        "named_sources": len(named),
        "anonymous_sources": unattributed + unsupported,
    }
