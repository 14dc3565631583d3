"""The source scorecard: who is quoted, how much, and who frames the story.

From the analysis's quotes (direct and partial speech) and their speakers: each voice with
its quotes and quoted words; the share of quoted words by officials, other named people,
organisations and anonymous sources; how many distinct voices; who has the first and the
last word.  Counted here from the quotes, with the same word count as `stats`.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Analysis
from ..text import word_count

GROUPS = ("officials", "named", "organisations", "anonymous")
GROUP_NAMES = {"officials": "officials", "named": "other named people",
               "organisations": "organisations", "anonymous": "anonymous sources"}
# a speaker name that names nobody in particular ("officials", "a spokesperson")
_NOBODY = re.compile(r"^(?:an?\s+|the\s+|one\s+|two\s+|several\s+|some\s+)?(?:senior\s+|unnamed\s+"
                     r"|anonymous\s+)?(?:officials?|sources?|spokes(?:man|woman|person)|aides?|"
                     r"insiders?|people|person|critics|observers|analysts|experts)\b",
                     re.IGNORECASE)


def _voice(a: Analysis, q) -> tuple[str, str, str, str | None]:
    """(key, name, group, title) of a quote's speaker."""
    ent = a.entity(q.speaker) if q.speaker else None
    if ent is not None:
        if ent.official:
            group = "officials"
        elif ent.type in ("organization", "group"):
            group = "organisations"
        else:
            group = "named"
        return f"entity:{ent.id}", ent.name, group, ent.title
    if q.speaker_name and not _NOBODY.match(q.speaker_name.strip()):
        return f"name:{q.speaker_name.lower()}", q.speaker_name, "named", None
    return "anonymous", q.speaker_name or "no speaker named", "anonymous", None


def scorecard(a: Analysis) -> dict[str, Any]:
    text = a.text
    speech = sorted((q for q in a.quotes if q.kind in ("direct", "partial")
                     and 0 <= q.start < q.end <= len(text)), key=lambda q: q.start)
    voices: dict[str, dict[str, Any]] = {}
    words_by_group = {g: 0 for g in GROUPS}
    for q in speech:
        key, name, group, title = _voice(a, q)
        words = word_count(text, q.start, q.end)
        row = voices.setdefault(key, {"name": name, "group": group, "title": title,
                                      "quotes": 0, "words": 0, "first": q.start})
        row["quotes"] += 1
        row["words"] += words
        words_by_group[group] += words
    total = sum(words_by_group.values())
    rows = sorted(voices.values(), key=lambda r: (-r["words"], r["first"]))

    def who(q) -> dict[str, Any] | None:
        if q is None:
            return None
        key, name, group, _ = _voice(a, q)
        return {"name": name, "group": group, "start": q.start, "end": q.end}

    return {
        "quotes": len(speech),
        "quoted_words": total,
        "voices": rows,
        "distinct_voices": sum(1 for k in voices if k != "anonymous"),
        "anonymous_quotes": voices.get("anonymous", {}).get("quotes", 0),
        "share": {g: round(words_by_group[g] / total, 4) if total else 0.0 for g in GROUPS},
        "words_by_group": words_by_group,
        "first_word": who(speech[0] if speech else None),
        "last_word": who(speech[-1] if speech else None),
    }
