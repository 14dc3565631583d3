"""A review of one article: verdicts and notes on highlights, highlights the reader added,
and ticks on the verification checklist (`slant.review/1`).

A review is stored beside the article, never inside it or its analysis: it names the
article by a hash of its text, and every item it holds carries its text and a little of
the text around it, so it can be found again when the analysis changes (`anchors.py`).
Pure Python; the JSON form is documented in docs/review-schema.md and described by
`analyzers/schema/review-1.json`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from ..model import HIGHLIGHT_KINDS

SCHEMA = "slant.review/1"
VERDICTS = ("accept", "reject")
CONTEXT = 40          # characters of context kept on each side of an item


class ReviewError(ValueError):
    """An object does not follow `slant.review/1`."""


def text_hash(text: str) -> str:
    """The key of an article's review: SHA-256 of its text as UTF-8, in hex."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Anchor:
    """Where an item is: offsets into the article, its text, and the text around it."""

    start: int
    end: int
    text: str
    before: str = ""
    after: str = ""

    @classmethod
    def at(cls, text: str, start: int, end: int) -> "Anchor":
        return cls(start, end, text[start:end], text[max(0, start - CONTEXT):start],
                   text[end:end + CONTEXT])


@dataclass
class Verdict:
    """The reader's word on one highlight of the analysis."""

    category: str                        # one of HIGHLIGHT_KINDS
    anchor: Anchor
    verdict: str | None = None           # "accept" | "reject" | None (a note only)
    note: str | None = None
    attached: bool = True                # False: no highlight of the analysis matches it now


@dataclass
class Added:
    """A highlight the analysis missed, marked by the reader."""

    id: str
    category: str
    anchor: Anchor
    note: str | None = None
    attached: bool = True                # False: its words are no longer in the text


@dataclass
class Tick:
    """A checklist item the reader has checked."""

    rule: str
    anchor: Anchor
    attached: bool = True


@dataclass
class Review:
    sha256: str
    length: int
    title: str | None = None
    path: str | None = None
    updated: str | None = None           # ISO 8601, UTC
    model: str | None = None             # the analysis the verdicts were last attached to
    verdicts: list[Verdict] = field(default_factory=list)
    added: list[Added] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)

    @classmethod
    def new(cls, text: str, *, title: str | None = None, path: str | None = None) -> "Review":
        return cls(text_hash(text), len(text), title, path)

    @property
    def empty(self) -> bool:
        return not (self.verdicts or self.added or self.ticks)

    # -- lookups ---------------------------------------------------------------------------
    def verdict_for(self, category: str, start: int, end: int) -> Verdict | None:
        for v in self.verdicts:
            if v.attached and (v.category, v.anchor.start, v.anchor.end) == (category, start, end):
                return v
        return None

    def unattached(self) -> list[Verdict | Added | Tick]:
        return [x for x in (*self.verdicts, *self.added, *self.ticks) if not x.attached]

    def counts(self) -> dict[str, int]:
        return {
            "accepted": sum(1 for v in self.verdicts if v.verdict == "accept"),
            "rejected": sum(1 for v in self.verdicts if v.verdict == "reject"),
            "notes": sum(1 for v in (*self.verdicts, *self.added) if v.note),
            "added": len(self.added),
            "ticked": len(self.ticks),
            "unattached": len(self.unattached()),
        }

    # -- JSON ------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        def item(obj: Any) -> dict[str, Any]:
            d = asdict(obj)
            anchor = d.pop("anchor")
            return {**{k: d[k] for k in d if k not in ("attached",)}, **anchor,
                    "attached": d["attached"]}

        return {
            "schema": SCHEMA,
            "article": {"sha256": self.sha256, "length": self.length, "title": self.title,
                        "path": self.path},
            "updated": self.updated,
            "model": self.model,
            "verdicts": [item(v) for v in self.verdicts],
            "added": [item(a) for a in self.added],
            "ticks": [item(t) for t in self.ticks],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Review":
        validate(data)

        def anchor(d: dict[str, Any]) -> Anchor:
            return Anchor(d["start"], d["end"], d["text"], d.get("before", ""),
                          d.get("after", ""))

        def known(kind: type, d: dict[str, Any]) -> dict[str, Any]:
            names = {f.name for f in fields(kind)} - {"anchor"}
            return {k: v for k, v in d.items() if k in names}

        art = data["article"]
        return cls(
            sha256=art["sha256"], length=art["length"], title=art.get("title"),
            path=art.get("path"), updated=data.get("updated"), model=data.get("model"),
            verdicts=[Verdict(**known(Verdict, v), anchor=anchor(v)) for v in data["verdicts"]],
            added=[Added(**known(Added, a), anchor=anchor(a)) for a in data["added"]],
            ticks=[Tick(**known(Tick, t), anchor=anchor(t)) for t in data["ticks"]],
        )

    @classmethod
    def from_json(cls, text: str) -> "Review":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ReviewError(f"not JSON ({exc.msg}, line {exc.lineno})") from None
        return cls.from_dict(data)


# -- validation ----------------------------------------------------------------------------
def validate(data: Any) -> None:
    """Check `data` against slant.review/1; raise ReviewError naming the first problem."""
    if not isinstance(data, dict):
        raise ReviewError("a review must be an object")
    if data.get("schema") != SCHEMA:
        raise ReviewError(f"schema must be {SCHEMA!r}, got {data.get('schema')!r}")
    art = data.get("article")
    if not isinstance(art, dict) or not isinstance(art.get("sha256"), str) \
            or len(art["sha256"]) != 64 or not isinstance(art.get("length"), int):
        raise ReviewError("article must give sha256 (64 hex digits) and length")
    for key in ("verdicts", "added", "ticks"):
        if not isinstance(data.get(key), list):
            raise ReviewError(f"{key} must be a list")
    ids = set()
    for group in ("verdicts", "added", "ticks"):
        for i, item in enumerate(data[group]):
            where = f"{group}[{i}]"
            if not isinstance(item, dict):
                raise ReviewError(f"{where} must be an object")
            s, e, t = item.get("start"), item.get("end"), item.get("text")
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e
                    and isinstance(t, str) and len(t) == e - s):
                raise ReviewError(f"{where}: bad span [{s!r}, {e!r}] for text {t!r}")
            for key in ("before", "after"):
                if not isinstance(item.get(key, ""), str):
                    raise ReviewError(f"{where}.{key} must be a string")
            if not isinstance(item.get("attached", True), bool):
                raise ReviewError(f"{where}.attached must be true or false")
            if group == "ticks":
                if not isinstance(item.get("rule"), str):
                    raise ReviewError(f"{where}.rule must be a string")
                continue
            if item.get("category") not in HIGHLIGHT_KINDS:
                raise ReviewError(f"{where}: unknown category {item.get('category')!r}")
            if item.get("note") is not None and not isinstance(item["note"], str):
                raise ReviewError(f"{where}.note must be a string or null")
            if group == "verdicts" and item.get("verdict") not in (*VERDICTS, None):
                raise ReviewError(f"{where}: verdict must be accept, reject or null")
            if group == "added":
                if not isinstance(item.get("id"), str) or item["id"] in ids:
                    raise ReviewError(f"{where}: id must be a unique string")
                ids.add(item["id"])
