"""The `Analysis` of one article: the single bridge between the analyzers and every renderer.

Its JSON form (`SCHEMA`, documented in docs/analysis-schema.md and described by
`analyzers/schema/analysis-1.json`) is a public contract.  Adding an optional field is a
minor change; renaming or removing one, or changing a meaning, needs a new schema version.

Offsets are Python `str` indices into `Analysis.text`, end exclusive.  This module imports
nothing heavy: the reader loads it at start-up.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Iterable

SCHEMA = "slant.analysis/1"

# The four kinds of highlight, in the order of their keys (1-4); renderers name them.
HIGHLIGHT_KINDS = ("quotes", "officials", "figures", "opinion")
ENTITY_TYPES = ("person", "organization", "place", "group", "other")
QUOTE_KINDS = ("direct", "partial", "scare", "title")
# how a quote's speaker was found: a name; a pronoun or possessive resolved to an earlier
# name ("it" -> the ministry); a definite description resolved ("the mayor"); carried over
# from the quote or sentence before; the phrase as written ("a spokesman")
SPEAKER_HOW = ("named", "pronoun", "description", "carried", "phrase")
FIGURE_KINDS = (
    "money", "percent", "count", "quantity", "date", "year", "time",
    "duration", "ordinal", "range",
)
# category id -> short human name; the explanation text of each span says *why*.
OPINION_CATEGORIES = {
    "loaded": "loaded language",
    "label": "contentious label",
    "editorial": "editorializing",
    "booster": "intensifier or booster",
    "hedge": "hedge",
    "doubt": "doubt-casting verb",
    "scare_quote": "scare quote",
    "unsupported": "unsupported attribution",
    # added within version 1 (additive): the kinds of spin that a list of loaded words misses
    "hyperbole": "hyperbole or catastrophe",
    "minimising": "minimising or dismissing",
    "motive": "motive assigned by the writer",
    "evidence": "evidence undermined",
    "metaphor": "war or violence metaphor",
    "aside": "knowing aside or sarcasm",
}


class SchemaError(ValueError):
    """An object does not follow `slant.analysis/1`."""


@dataclass
class Entity:
    id: str
    name: str
    type: str
    official: bool = False
    title: str | None = None
    affiliation: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Quote:
    id: str
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None          # entity id
    speaker_name: str | None = None
    speaker_span: tuple[int, int] | None = None  # the attributing mention (may be a pronoun)
    cue: str | None = None              # the speech verb or phrase, as written
    # optional (added in 1.x): how the speaker was found, one of SPEAKER_HOW, and the
    # document or medium the words came through ("a statement from the agency")
    speaker_how: str | None = None
    channel: str | None = None


@dataclass
class Figure:
    start: int
    end: int
    text: str
    kind: str
    value: float | None = None
    unit: str | None = None


@dataclass
class OpinionSpan:
    start: int
    end: int
    text: str
    category: str
    explanation: str
    in_quote: bool = False
    speaker: str | None = None          # entity id of the quote's speaker when in_quote
    neutral: str | None = None          # a plainer wording, when one exists ("criticised")
    source: str | None = None           # the list and group, or the rule, that made it


@dataclass
class Source:
    path: str | None = None
    title: str | None = None


@dataclass
class ModelInfo:
    name: str | None = None
    version: str | None = None
    mode: str = "rules-only"            # "full" | "rules-only"


@dataclass
class Analysis:
    text: str
    source: Source = field(default_factory=Source)
    model: ModelInfo = field(default_factory=ModelInfo)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    opinion: list[OpinionSpan] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)

    # -- lookups -----------------------------------------------------------------------
    def entity(self, entity_id: str | None) -> Entity | None:
        if entity_id is None:
            return None
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    # -- JSON ----------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        out: dict[str, Any] = {"schema": SCHEMA}
        out.update(data)
        return _listify(out)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Analysis":
        validate(data)
        return cls(
            text=data["text"],
            source=Source(**data["source"]),
            model=ModelInfo(**data["model"]),
            paragraphs=[tuple(p) for p in data["paragraphs"]],
            entities=[
                Entity(**{**_known(Entity, e), "mentions": [tuple(m) for m in e["mentions"]]})
                for e in data["entities"]
            ],
            quotes=[
                Quote(**{**_known(Quote, q),
                         "speaker_span": tuple(q["speaker_span"]) if q["speaker_span"] else None})
                for q in data["quotes"]
            ],
            figures=[Figure(**_known(Figure, f)) for f in data["figures"]],
            opinion=[OpinionSpan(**_known(OpinionSpan, o)) for o in data["opinion"]],
            stats=dict(data["stats"]),
        )

    @classmethod
    def from_json(cls, text: str) -> "Analysis":
        return cls.from_dict(json.loads(text))


def _known(cls: type, item: dict[str, Any]) -> dict[str, Any]:
    """The fields `cls` knows: a newer minor version may add optional fields, and an older
    reader must still load the object (the additive-change promise of slant.analysis/1)."""
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in item.items() if k in names}


def _listify(value: Any) -> Any:
    """Tuples become lists so that the dict equals its JSON round trip."""
    if isinstance(value, dict):
        return {k: _listify(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_listify(v) for v in value]
    return value


# -- validation -------------------------------------------------------------------------
_FIELDS = {
    "entities": {"id", "name", "type", "official", "title", "affiliation", "mentions"},
    "quotes": {"id", "start", "end", "text", "kind", "speaker", "speaker_name",
               "speaker_span", "cue"},
    "figures": {"start", "end", "text", "kind", "value", "unit"},
    "opinion": {"start", "end", "text", "category", "explanation", "in_quote", "speaker"},
}
# optional fields added by a minor version: checked when present
_OPTIONAL_STRINGS = {"opinion": ("neutral", "source"), "quotes": ("speaker_how", "channel")}


def validate(data: dict[str, Any]) -> None:
    """Check `data` against slant.analysis/1, offsets included; raise SchemaError."""
    if not isinstance(data, dict):
        raise SchemaError("analysis must be an object")
    if data.get("schema") != SCHEMA:
        raise SchemaError(f"schema must be {SCHEMA!r}, got {data.get('schema')!r}")
    for key in ("source", "model", "text", "paragraphs", "entities", "quotes",
                "figures", "opinion", "stats"):
        if key not in data:
            raise SchemaError(f"missing field {key!r}")
    text = data["text"]
    if not isinstance(text, str):
        raise SchemaError("text must be a string")
    n = len(text)

    def span(where: str, s: Any, e: Any) -> None:
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= n):
            raise SchemaError(f"{where}: bad span [{s!r}, {e!r}] for text of length {n}")

    if data["model"].get("mode") not in ("full", "rules-only"):
        raise SchemaError("model.mode must be 'full' or 'rules-only'")
    for i, p in enumerate(data["paragraphs"]):
        span(f"paragraphs[{i}]", *p)
    ids = set()
    for group, fields in _FIELDS.items():
        for i, item in enumerate(data[group]):
            where = f"{group}[{i}]"
            missing = fields - item.keys()
            if missing:
                raise SchemaError(f"{where}: missing {sorted(missing)}")
            if group == "entities":
                if item["type"] not in ENTITY_TYPES:
                    raise SchemaError(f"{where}: unknown type {item['type']!r}")
                ids.add(item["id"])
                for m in item["mentions"]:
                    span(f"{where}.mentions", *m)
                continue
            span(where, item["start"], item["end"])
            if text[item["start"]:item["end"]] != item["text"]:
                raise SchemaError(f"{where}: text does not match its offsets")
    for i, q in enumerate(data["quotes"]):
        if q["kind"] not in QUOTE_KINDS:
            raise SchemaError(f"quotes[{i}]: unknown kind {q['kind']!r}")
        if q["speaker"] is not None and q["speaker"] not in ids:
            raise SchemaError(f"quotes[{i}]: speaker {q['speaker']!r} is not an entity id")
        if q["speaker_span"] is not None:
            span(f"quotes[{i}].speaker_span", *q["speaker_span"])
        for key in _OPTIONAL_STRINGS["quotes"]:
            if q.get(key) is not None and not isinstance(q[key], str):
                raise SchemaError(f"quotes[{i}].{key} must be a string or null")
        if q.get("speaker_how") is not None and q["speaker_how"] not in SPEAKER_HOW:
            raise SchemaError(f"quotes[{i}]: unknown speaker_how {q['speaker_how']!r}")
    for i, f in enumerate(data["figures"]):
        if f["kind"] not in FIGURE_KINDS:
            raise SchemaError(f"figures[{i}]: unknown kind {f['kind']!r}")
    for i, o in enumerate(data["opinion"]):
        if o["category"] not in OPINION_CATEGORIES:
            raise SchemaError(f"opinion[{i}]: unknown category {o['category']!r}")
        if o["speaker"] is not None and o["speaker"] not in ids:
            raise SchemaError(f"opinion[{i}]: speaker {o['speaker']!r} is not an entity id")
        for key in _OPTIONAL_STRINGS["opinion"]:
            if o.get(key) is not None and not isinstance(o[key], str):
                raise SchemaError(f"opinion[{i}].{key} must be a string or null")


def iter_spans(analysis: Analysis) -> Iterable[tuple[str, int, int]]:
    """(category, start, end) for every highlightable span, in no particular order."""
    for q in analysis.quotes:
        yield "quotes", q.start, q.end
    for e in analysis.entities:
        if e.official:
            for s, t in e.mentions:
                yield "officials", s, t
    for f in analysis.figures:
        yield "figures", f.start, f.end
    for o in analysis.opinion:
        yield "opinion", o.start, o.end


def neutral_text(neutral: str, text: str) -> str:
    """How a span's `neutral` reads to a person: "" means the plain wording leaves the
    words out ("arguably" -> "leave out 'arguably'")."""
    return neutral if neutral else f"leave out '{' '.join(text.split())}'"


def opinion_notes(span: OpinionSpan) -> str:
    """The neutral wording and the source of an opinion span, for readers and exports:
    "neutral: criticised · from opinion_loaded: attack verbs used for criticism"."""
    parts = []
    if span.neutral is not None:
        parts.append(f"neutral: {neutral_text(span.neutral, span.text)}")
    if span.source:
        parts.append(f"from {span.source}")
    return " · ".join(parts)


def speaker_notes(quote: Quote, text: str) -> str:
    """How a quote's speaker was found, for readers and exports: "from 'it'", "carried
    over from before", "via a statement from the agency"; "" for a plain name."""
    parts = []
    span = quote.speaker_span
    said = " ".join(text[span[0]:span[1]].split()) if span and 0 <= span[0] < span[1] <= len(text) else ""
    if quote.speaker_how in ("pronoun", "description") and said \
            and said.lower() != (quote.speaker_name or "").lower():
        parts.append(f"from '{said}'")
    elif quote.speaker_how == "carried":
        parts.append("carried over from before")
    if quote.channel:
        parts.append(f"via {quote.channel}")
    return "; ".join(parts)
