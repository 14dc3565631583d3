"""Who each article quotes: the people both quote, and those only one does, with their
quotes and quoted words in each."""

from __future__ import annotations

from typing import Any

from .common import Side, same_person
from .scorecard import SPEECH


def _speakers(side: Side) -> list[dict[str, Any]]:
    """One row per named speaker: name, official, quotes, words, and the quotes' spans."""
    a = side.analysis
    rows: dict[str, dict[str, Any]] = {}
    for s in a.stats.get("speakers", []):
        if s.get("speaker") and s.get("quotes"):
            rows[s["speaker"]] = {"name": s.get("name") or "", "official": bool(s.get("official")),
                                  "quotes": int(s["quotes"]), "words": int(s.get("words", 0)),
                                  "spans": []}
    for q in a.quotes:
        if q.kind in SPEECH and q.speaker in rows:
            rows[q.speaker]["spans"].append([q.start, q.end])
    return list(rows.values())


def compare_speakers(a: Side, b: Side) -> dict[str, Any]:
    xs, ys = _speakers(a), _speakers(b)
    both, only_b = [], list(ys)
    only_a = []
    for x in xs:
        y = next((y for y in only_b if same_person(x["name"], y["name"])), None)
        if y is None:
            only_a.append(x)
            continue
        only_b.remove(y)
        name = x["name"] if len(x["name"]) >= len(y["name"]) else y["name"]
        both.append({"name": name, "a": x, "b": y})
    by_words = lambda r: -(r["a"]["words"] + r["b"]["words"])   # noqa: E731
    return {"both": sorted(both, key=by_words),
            "only_a": sorted(only_a, key=lambda r: -r["words"]),
            "only_b": sorted(only_b, key=lambda r: -r["words"])}
