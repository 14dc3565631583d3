"""Checking an object against `slant.compare/1`: its fields, and every span against the
length of the article it points into (the JSON Schema, analyzers/schema/compare-1.json,
describes the fields; this also checks the offsets)."""

from __future__ import annotations

from typing import Any, Iterator

SCHEMA = "slant.compare/1"
TOP = ("a", "b", "story", "paragraphs", "speakers", "wording", "figures", "quotes",
       "scorecard")


class CompareSchemaError(ValueError):
    """An object does not follow `slant.compare/1`."""


def _spans(obj: Any, side: str | None = None, where: str = "") -> Iterator[tuple[str, str, Any]]:
    """(side, where, span) for every span in the object; the side comes from the nearest
    key "a"/"b"/"only_a"/"only_b" (or "a_span"/"b_span")."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            here = {"a": "a", "b": "b", "only_a": "a", "only_b": "b"}.get(k, side)
            if k in ("span", "a_span", "b_span"):
                yield (k[0] if k != "span" else side), f"{where}.{k}", v
            elif k == "spans":
                for i, s in enumerate(v):
                    yield side, f"{where}.spans[{i}]", s
            else:
                yield from _spans(v, here, f"{where}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _spans(v, side, f"{where}[{i}]")


def validate(data: Any) -> None:
    """Raise CompareSchemaError unless `data` is a slant.compare/1 object with sane spans."""
    if not isinstance(data, dict):
        raise CompareSchemaError("comparison must be an object")
    if data.get("schema") != SCHEMA:
        raise CompareSchemaError(f"schema must be {SCHEMA!r}, got {data.get('schema')!r}")
    for key in TOP:
        if key not in data:
            raise CompareSchemaError(f"missing field {key!r}")
    lengths = {s: data[s].get("chars") for s in ("a", "b")}
    for s, n in lengths.items():
        if not isinstance(n, int) or n < 0:
            raise CompareSchemaError(f"{s}.chars must be a count")
    for side, where, span in _spans({k: data[k] for k in TOP if k not in ("a", "b")}):
        n = lengths.get(side or "")
        if n is None:
            raise CompareSchemaError(f"{where}: a span outside an article's part")
        if not (isinstance(span, list) and len(span) == 2
                and all(isinstance(x, int) for x in span) and 0 <= span[0] <= span[1] <= n):
            raise CompareSchemaError(f"{where}: bad span {span!r} for an article of {n} "
                                     "characters")
    if data["story"].get("shared") is False and (data["paragraphs"] or data["quotes"]):
        raise CompareSchemaError("story.shared is false but paragraphs or quotes are matched")
