"""The article's numbers: how much is quoted, who is quoted, how opinionated the writer is."""

from __future__ import annotations

from typing import Any

from .model import Analysis
from .text import word_count

SPEECH_KINDS = ("direct", "partial")


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def compute_stats(a: Analysis) -> dict[str, Any]:
    text = a.text
    words = word_count(text)
    speech = [q for q in a.quotes if q.kind in SPEECH_KINDS]
    quoted_words = sum(word_count(text, s, e) for s, e in _merged([(q.start, q.end) for q in speech]))

    by_speaker: dict[str, dict[str, Any]] = {}
    for q in speech:
        key = q.speaker or (q.speaker_name and f"name:{q.speaker_name}") or "unattributed"
        row = by_speaker.setdefault(key, {
            "speaker": q.speaker,
            "name": q.speaker_name if key != "unattributed" else None,
            "official": bool((ent := a.entity(q.speaker)) and ent.official),
            "quotes": 0, "words": 0,
        })
        row["quotes"] += 1
        row["words"] += word_count(text, q.start, q.end)
    speakers = sorted(by_speaker.values(), key=lambda r: (-r["words"], r["name"] or "~"))

    writer_opinion = [o for o in a.opinion if not o.in_quote]
    by_category: dict[str, int] = {}
    for o in writer_opinion:
        by_category[o.category] = by_category.get(o.category, 0) + 1
    return {
        "words": words,
        "quoted_words": quoted_words,
        "quoted_share": round(quoted_words / words, 4) if words else 0.0,
        "quotes": len(a.quotes),
        "speech_quotes": len(speech),
        "attributed_quotes": sum(1 for q in speech if q.speaker or q.speaker_name),
        "speakers": speakers,
        "officials_quoted": sum(r["quotes"] for r in speakers if r["official"]),
        "others_quoted": sum(r["quotes"] for r in speakers
                             if not r["official"] and r["name"] is not None),
        "entities": len(a.entities),
        "officials": sum(1 for e in a.entities if e.official),
        "figures": len(a.figures),
        "opinion_writer": len(writer_opinion),
        "opinion_quoted": len(a.opinion) - len(writer_opinion),
        "opinion_writer_per_100_words": round(100 * len(writer_opinion) / words, 2) if words else 0.0,
        "opinion_writer_by_category": by_category,
    }
