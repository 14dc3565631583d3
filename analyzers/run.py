"""Running slant's components over text and turning the results into an `Analysis`."""

from __future__ import annotations

import dataclasses
import itertools
import json
from typing import Any, Callable, Iterable, Iterator, Optional

from spacy.tokens import Doc

from . import spans
from .components import COMPONENTS, ORDER, register
from .model import Analysis, Source
from .pipeline import RULES_ONLY, Pipeline, requested_model
from .stats import compute_stats
from .text import chunks, paragraphs

Settings = Optional[dict[str, dict[str, Any]]]


def components(pipe: Pipeline, settings: Settings = None) -> list[Any]:
    """slant's components for this pipeline and these settings, created once and kept.

    `settings` maps a component name to its config, e.g. the user's word-list additions:
    `{"slant_opinion": {"extra": {...}, "remove": {...}, "disabled": [...]}}`.
    """
    cache = pipe.__dict__.setdefault("_slant_components", {})
    key = json.dumps(settings or {}, sort_keys=True)
    if key not in cache:
        register()
        cache[key] = [pipe.nlp.create_pipe(name, config=(settings or {}).get(name, {}))
                      for name in COMPONENTS]
    return cache[key]


def make_docs(pipe: Pipeline, texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    """One spaCy `Doc` per text, its exact text kept; the statistical work is batched
    over paragraph-aligned chunks of every text with `nlp.pipe`."""
    nlp = pipe.nlp
    texts = list(texts)
    pieces = [chunks(t) for t in texts]
    flat = (c for ps in pieces for c in ps)
    docs = nlp.pipe(flat, batch_size=batch_size)
    for text, ps in zip(texts, pieces):
        if not ps:
            yield nlp.make_doc(text)
            continue
        parts = list(itertools.islice(docs, len(ps)))
        doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
        assert doc.text == text
        yield doc


def annotate(pipe: Pipeline, doc: Doc, settings: Settings = None) -> Doc:
    for component in components(pipe, settings):
        doc = component(doc)
    return doc


def to_analysis(doc: Doc, pipe: Pipeline, source: Source | None = None) -> Analysis:
    text = doc.text
    analysis = Analysis(
        text=text,
        source=source or Source(),
        model=pipe.info,
        paragraphs=paragraphs(text),
        entities=spans.read_entities(doc),
        **{c.field: sorted(spans.read(doc, c.span_key), key=lambda x: (x.start, x.end))
           for c in ORDER if c.field != "entities"},
    )
    analysis.stats = compute_stats(analysis)
    return analysis


def run_many(pipe: Pipeline, texts: Iterable[str],
             sources: Iterable[Source | None] | None = None,
             settings: Settings = None) -> Iterator[Analysis]:
    texts = list(texts)
    srcs = list(sources) if sources is not None else [None] * len(texts)
    for doc, src in zip(make_docs(pipe, texts), srcs):
        yield to_analysis(annotate(pipe, doc, settings), pipe, src)


def run_rules_first(load: Callable[[str | None], Pipeline], text: str,
                    source: Source | None, settings: Settings,
                    model: str | None) -> Analysis | None:
    """A rule-only analysis of the first chunk (of the whole text if it is short), marked
    partial; None when the rule-only mode is what was asked for anyway."""
    if (requested_model(model) or "").lower() == RULES_ONLY:
        return None
    pieces = chunks(text)
    first = pieces[0] if len(pieces) > 2 else text
    rough = next(run_many(load(RULES_ONLY), [first], [source], settings))
    return dataclasses.replace(rough, text=text, paragraphs=paragraphs(text),
                               stats=dict(rough.stats, partial=True, analysed_chars=len(first)))


def run_progressive(pipe: Pipeline, text: str, source: Source | None = None,
                    settings: Settings = None, first_chunks: int = 1,
                    growth: int = 4) -> Iterator[Analysis]:
    """Partial analyses of a growing prefix of `text`, then the whole.

    spaCy's work is done once per chunk; slant's components re-run on the merged prefix at
    milestones that grow geometrically (1, 4, 16... chunks), so a long document gets its
    first screen of highlights at once and the total extra work stays bounded.  A milestone
    past half the document is skipped: the whole comes soon after.  Every yielded
    `Analysis` carries the full text; the last one is the complete analysis.
    """
    pieces = chunks(text)
    if len(pieces) <= first_chunks:
        yield next(run_many(pipe, [text], [source], settings))
        return
    nlp = pipe.nlp
    # `nlp.pipe` hands back nothing until a whole batch is parsed: the first milestone's
    # chunks go through on their own, so that the first screen is not kept waiting.
    docs_in = itertools.chain(nlp.pipe(pieces[:first_chunks]),
                              nlp.pipe(pieces[first_chunks:], batch_size=16))
    docs: list[Doc] = []
    milestone = first_chunks
    consumed = 0
    for doc in docs_in:
        docs.append(doc)
        consumed += len(doc.text)
        if len(docs) == milestone and milestone * 2 <= len(pieces):
            # a copy, even of one chunk: the components must not touch what the whole reuses
            merged = Doc.from_docs(docs, ensure_whitespace=False)
            partial = to_analysis(annotate(pipe, merged, settings), pipe, source)
            # offsets index the prefix, which the full text starts with
            partial.text, partial.paragraphs = text, paragraphs(text)
            partial.stats = dict(partial.stats, partial=True, analysed_chars=consumed)
            yield partial
            milestone *= growth
    merged = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
    yield to_analysis(annotate(pipe, merged, settings), pipe, source)
