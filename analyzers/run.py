"""Running slant's components over text and turning the results into an `Analysis`."""

from __future__ import annotations

import dataclasses
import itertools
import json
from typing import Any, Callable, Iterable, Iterator, Optional

import numpy
from spacy.tokens import Doc

from . import spans
from .components import COMPONENTS, ORDER, register
from .model import Analysis, Source
from .pipeline import RULES_ONLY, Pipeline, requested_model
from .stats import compute_stats
from .text import chunks, paragraphs, word_count

Settings = Optional[dict[str, dict[str, Any]]]
# Called as `progress(words_done, words_total)` while a long analysis runs: after each chunk
# spaCy has parsed, and once more when the analysis is complete.  Plain data only, so that
# any front end (a progress bar, the reader's status line, a child process's pipe) can use
# it.  slant's own components run on the whole document after the last chunk (about a
# tenth of the time): the last call, with words_done == words_total, comes after them.
Progress = Optional[Callable[[int, int], None]]


_NO_TENSOR = numpy.zeros((0, 0), dtype="float32")


class _Counter:
    """Words done over a set of texts; reports each chunk as it is parsed."""

    def __init__(self, pieces: list[list[str]], progress: Callable[[int, int], None]) -> None:
        self.progress = progress
        self.words = [[word_count(c) for c in ps] for ps in pieces]
        self.total = sum(map(sum, self.words))
        self.done = 0

    def parsed(self, text_index: int, chunk_index: int) -> None:
        self.done += self.words[text_index][chunk_index]
        # the last words are reported as done only once the components have run too
        self.progress(min(self.done, max(0, self.total - 1)), self.total)

    def finished(self) -> None:
        self.progress(self.total, self.total)


def _light(doc: Doc) -> Doc:
    """`doc` without its tensor: tok2vec's output (96 floats a token) is of no use once the
    pipeline has run, and kept for a whole book it was most of the peak memory."""
    if len(doc.tensor):
        doc.tensor = _NO_TENSOR
    return doc


def _merge(docs: list[Doc]) -> Doc:
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])


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


def make_docs(pipe: Pipeline, texts: Iterable[str], batch_size: int = 16,
              progress: Progress = None) -> Iterator[Doc]:
    """One spaCy `Doc` per text, its exact text kept; the statistical work is batched
    over paragraph-aligned chunks of every text with `nlp.pipe`.  With `progress`, each
    parsed chunk is reported (see `Progress`; the caller reports the end)."""
    nlp = pipe.nlp
    texts = list(texts)
    pieces = [chunks(t) for t in texts]
    counter = _Counter(pieces, progress) if progress is not None else None
    flat = (c for ps in pieces for c in ps)
    docs = nlp.pipe(flat, batch_size=batch_size)
    for i, (text, ps) in enumerate(zip(texts, pieces)):
        if not ps:
            yield nlp.make_doc(text)
            continue
        parts = []
        for j, part in enumerate(itertools.islice(docs, len(ps))):
            parts.append(_light(part))
            if counter is not None:
                counter.parsed(i, j)
        doc = parts[0] if len(parts) == 1 else _merge(parts)
        del parts
        assert spans.text(doc) == text      # read once here, for every component
        yield doc


def annotate(pipe: Pipeline, doc: Doc, settings: Settings = None) -> Doc:
    for component in components(pipe, settings):
        doc = component(doc)
    return doc


def to_analysis(doc: Doc, pipe: Pipeline, source: Source | None = None) -> Analysis:
    text = spans.text(doc)
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
             settings: Settings = None, progress: Progress = None) -> Iterator[Analysis]:
    """Analyses of `texts`, in order; `progress` hears of the words done over all of them."""
    texts = list(texts)
    srcs = list(sources) if sources is not None else [None] * len(texts)
    total = [0]

    def seen(done: int, all_words: int) -> None:
        total[0] = all_words
        progress(done, all_words)

    docs = make_docs(pipe, texts, progress=seen if progress is not None else None)
    for i, (doc, src) in enumerate(zip(docs, srcs)):
        analysis = to_analysis(annotate(pipe, doc, settings), pipe, src)
        if progress is not None and i == len(texts) - 1:
            # before the yield: `analyze` takes one result and never resumes this
            progress(total[0], total[0])
        yield analysis


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
                    growth: int = 4, progress: Progress = None) -> Iterator[Analysis]:
    """Partial analyses of a growing prefix of `text`, then the whole.

    spaCy's work is done once per chunk; slant's components re-run on the merged prefix at
    milestones that grow geometrically (1, 4, 16... chunks), so a long document gets its
    first screen of highlights at once and the total extra work stays bounded.  A milestone
    past half the document is skipped: the whole comes soon after.  Every yielded
    `Analysis` carries the full text; the last one is the complete analysis.  `progress`
    hears of each chunk parsed (see `Progress`).
    """
    pieces = chunks(text)
    if len(pieces) <= first_chunks:
        yield from run_many(pipe, [text], [source], settings, progress=progress)
        return
    counter = _Counter([pieces], progress) if progress is not None else None
    nlp = pipe.nlp
    # `nlp.pipe` hands back nothing until a whole batch is parsed: the first milestone's
    # chunks go through on their own, so that the first screen is not kept waiting.
    docs_in = itertools.chain(nlp.pipe(pieces[:first_chunks]),
                              nlp.pipe(pieces[first_chunks:], batch_size=16))
    docs: list[Doc] = []
    milestone = first_chunks
    consumed = 0
    for doc in docs_in:
        docs.append(_light(doc))
        consumed += len(doc.text)
        if counter is not None:
            counter.parsed(0, len(docs) - 1)
        if len(docs) == milestone and milestone * 2 <= len(pieces):
            # a copy, even of one chunk: the components must not touch what the whole reuses
            merged = _merge(docs)
            partial = to_analysis(annotate(pipe, merged, settings), pipe, source)
            # offsets index the prefix, which the full text starts with
            partial.text, partial.paragraphs = text, paragraphs(text)
            partial.stats = dict(partial.stats, partial=True, analysed_chars=consumed)
            yield partial
            milestone *= growth
    merged = docs[0] if len(docs) == 1 else _merge(docs)
    del docs
    whole = to_analysis(annotate(pipe, merged, settings), pipe, source)
    if counter is not None:
        counter.finished()
    yield whole
