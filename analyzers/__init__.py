"""slant's analysis engine: text in, `Analysis` out.

    >>> from analyzers import analyze
    >>> analysis = analyze('"We will act," said Finance Minister Lena Vogt.')

Importing this package is cheap: spaCy is loaded only when an analysis runs, so the
reader can start and draw before the model is in memory.  No Textual import here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Optional

from .model import (SCHEMA, Analysis, Entity, Figure, ModelInfo, OpinionSpan, Quote,
                    SchemaError, Source, validate)

if TYPE_CHECKING:
    from .pipeline import Pipeline

Settings = Optional[dict[str, dict[str, Any]]]
Progress = Optional[Callable[[int, int], None]]   # (words done, words in all); see analyze

__all__ = [
    "SCHEMA", "Analysis", "Entity", "Figure", "ModelInfo", "OpinionSpan", "Quote",
    "SchemaError", "Source", "validate", "analyze", "analyze_many", "analyze_progressive",
    "load_pipeline",
]


def load_pipeline(model: str | None = None) -> "Pipeline":
    """The spaCy pipeline (loaded once per process); see `analyzers.pipeline`."""
    from .pipeline import load

    return load(model)


def analyze(text: str, *, model: str | None = None, source: Source | None = None,
            pipeline: "Pipeline | None" = None, settings: Settings = None,
            progress: Progress = None) -> Analysis:
    """Analyse one article.

    `settings` configures slant's components by name, e.g. the user's word lists:
    `{"slant_opinion": {"extra": {"loaded": ["shambolic"]}, "remove": {}, "disabled": []}}`.
    `progress(words_done, words_total)` is called as the work goes (a long text takes
    minutes): after each chunk parsed, and once at the end with both equal.
    """
    return next(analyze_many([text], model=model, sources=[source], pipeline=pipeline,
                             settings=settings, progress=progress))


def analyze_many(texts: Iterable[str], *, model: str | None = None,
                 sources: Iterable[Source | None] | None = None,
                 pipeline: "Pipeline | None" = None,
                 settings: Settings = None, progress: Progress = None) -> Iterator[Analysis]:
    """Analyse several articles, batching the spaCy work; yields in input order.
    `progress` counts the words of all of them (see `analyze`)."""
    from .run import run_many

    pipe = pipeline or load_pipeline(model)
    yield from run_many(pipe, texts, sources, settings, progress=progress)


def analyze_progressive(text: str, *, model: str | None = None, source: Source | None = None,
                        pipeline: "Pipeline | None" = None, settings: Settings = None,
                        rules_first: bool = False,
                        progress: Progress = None) -> Iterator[Analysis]:
    """Partial analyses of a growing prefix, then the complete one (for long documents:
    the reader shows the first screen's highlights long before the end is analysed).

    Each partial one has `stats["partial"]` and `stats["analysed_chars"]`.  With
    `rules_first`, a rule-only analysis of the first chunk comes before anything else: it
    needs no statistical model, so it is ready while the model still loads.
    `progress` hears of the statistical pass (see `analyze`).
    """
    from .run import run_progressive, run_rules_first

    if rules_first:
        first = run_rules_first(load_pipeline, text, source, settings, model)
        if first is not None:
            yield first
    yield from run_progressive(pipeline or load_pipeline(model), text, source, settings,
                               progress=progress)
