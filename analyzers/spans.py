"""How slant's spaCy components store their results on a `Doc`.

Each component writes one span group, `doc.spans["slant_<name>"]`, and each span exposes the
matching model object (`Entity`, `Quote`, `Figure`, `OpinionSpan`) as the extension
attribute `span._.slant_<name>`.  Downstream components and `analyze()` read them back with
`read()`.  The model object keeps the exact character offsets; the span itself is expanded to
token boundaries when a mark sits inside a token.

spaCy keys span extension values by character offsets only, so two results over the same
text would overwrite each other; instead the objects live in `doc.user_data` and each span
finds its own through its `id_`.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from spacy.tokens import Doc, Span, Token

from .components import SPAN_KEYS as GROUPS


_TEXT = ("slant", "text")


def text(doc: Doc) -> str:
    """`doc.text`, read once per doc: spaCy joins it from the tokens on every access (about
    60 ms for 100,000 words), and each component needs it.  The copy is checked against the
    doc's length in characters, so a doc whose tokens changed is read again."""
    cached = doc.user_data.get(_TEXT)
    if cached is not None and len(doc) and \
            doc[-1].idx + len(doc[-1].text_with_ws) == len(cached):
        return cached
    value = doc.text
    if len(doc):
        doc.user_data[_TEXT] = value
    return value


def entity_bounds(token: Token) -> tuple[int, int]:
    """(start, end) token indices of the named entity `token` is part of (by the NER's
    IOB tags); the token alone when it is in none."""
    doc = token.doc
    start, end = token.i, token.i + 1
    if not token.ent_type:
        return start, end
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def _getter(group: str) -> Callable[[Span], Any]:
    def get(span: Span) -> Any:
        items = span.doc.user_data.get(("slant", group))
        if items is None or not span.id_.isdigit():
            return None
        index = int(span.id_)
        return items[index] if index < len(items) else None

    return get


for _group in GROUPS:
    if not Span.has_extension(_group):
        Span.set_extension(_group, getter=_getter(_group))


def write(doc: Doc, group: str, items: Iterable[Any],
          offsets: Callable[[Any], tuple[int, int]] | None = None,
          value: Callable[[Any], Any] | None = None) -> None:
    """Store `items` as `doc.spans[group]`; `offsets(item)` gives its (start, end) chars
    (default `item.start, item.end`) and `value(item)` what the span exposes (the item)."""
    kept: list[Any] = []
    spans: list[Span] = []
    for item in items:
        start, end = offsets(item) if offsets else (item.start, item.end)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:  # only whitespace: no token to hang it on
            continue
        spans.append(Span(doc, span.start, span.end, label=group, span_id=str(len(kept))))
        kept.append(value(item) if value else item)
    doc.user_data[("slant", group)] = kept
    doc.spans[group] = spans


def read(doc: Doc, group: str) -> list[Any]:
    """The model objects a component stored, in the order it stored them."""
    return list(doc.user_data.get(("slant", group), []))


def write_entities(doc: Doc, entities: Iterable[Any]) -> None:
    """One span per mention, each exposing its (shared) `Entity`."""
    pairs = sorted(((m, ent) for ent in entities for m in ent.mentions), key=lambda p: p[0])
    write(doc, "slant_entities", pairs, offsets=lambda p: p[0], value=lambda p: p[1])


def read_entities(doc: Doc) -> list[Any]:
    """Distinct `Entity` objects in order of first mention."""
    seen: dict[int, Any] = {}
    for ent in read(doc, "slant_entities"):
        seen.setdefault(id(ent), ent)
    return list(seen.values())
